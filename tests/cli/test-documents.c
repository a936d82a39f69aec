/* test-documents.c: documents as the office issues them, read back from the PDF files that
 * coop-awards-cli writes (pdftotext, pdffonts)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: test-documents [GTEST OPTION…] PATH-TO-coop-awards-cli
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include <glib/gstdio.h>
#include <gio/gio.h>

static char *cli_path;

typedef struct
{
  char  *dir;
  char  *db;
  GStrv  env;
} Fixture;

typedef struct
{
  int    status;
  char  *out;
  char  *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs any program in the fixture's folder; a crash fails the test. */
static void
run_program (Fixture            *f,
             Run                *run,
             const char * const *argv)
{
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GError) error = NULL;

  run_clear (run);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_environ (launcher, f->env);
  g_subprocess_launcher_set_cwd (launcher, f->dir);
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_if_exited (process))
    g_error ("%s was killed by signal %d; stderr:\n%s", argv[0],
             g_subprocess_get_term_sig (process), run->err);
  run->status = g_subprocess_get_exit_status (process);
  g_test_message ("%s: exit %d\nstdout: %.3000s\nstderr: %s", argv[0], run->status, run->out,
                  run->err);
}

static void
run_cliv (Fixture            *f,
          Run                *run,
          const char * const *args)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, cli_path);
  g_ptr_array_add (argv, (gpointer) "--database");
  g_ptr_array_add (argv, f->db);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  run_program (f, run, (const char * const *) argv->pdata);
}

#define run_cli(f, run, ...) run_cliv ((f), (run), (const char * const[]) { __VA_ARGS__, NULL })
#define run_tool(f, run, ...) \
  run_program ((f), (run), (const char * const[]) { __VA_ARGS__, NULL })

#define assert_ok(run) \
  G_STMT_START { if ((run)->status != 0) \
    g_error ("exit %d: %s", (run)->status, (run)->err); } G_STMT_END

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

/* Fifteen people in an order that is not the alphabet's, on a decision dated 05/02/2012, so
 * that the date line needs both its zeros. */
static const char *const people[] = {
  "Trần Văn Yên", "Nguyễn Thị Bích", "Lê Văn Xuân", "Phạm Thị An", "Hoàng Văn Minh",
  "Vũ Thị Hoa", "Đặng Văn Khoa", "Bùi Thị Lan", "Đỗ Văn Tùng", "Hồ Thị Cúc", "Ngô Văn Đạt",
  "Dương Thị Em", "Lý Văn Giang", "Phan Thị Hạnh", "Võ Văn Ích",
};

#define DECISION "15/QĐ-UBND"

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) csv = g_string_new ("decision_number,decision_date,authority,award,"
                                          "recipient_type,recipient,organisation,position,"
                                          "achievement,period\n");
  g_autofree char *csv_path = NULL;
  g_auto (Run) run = { 0, };

  f->dir = g_dir_make_tmp ("test-documents-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "awards.db", NULL);
  f->env = g_get_environ ();
  f->env = g_environ_setenv (f->env, "COOP_AWARDS_DB", "/nonexistent/tests-must-pass-database",
                             TRUE);
  f->env = g_environ_setenv (f->env, "XDG_DATA_HOME", f->dir, TRUE);
  f->env = g_environ_setenv (f->env, "G_DEBUG", "fatal-warnings", TRUE);
  f->env = g_environ_setenv (f->env, "LC_ALL", "C.UTF-8", TRUE);
  f->env = g_environ_unsetenv (f->env, "LANGUAGE");

  g_string_append (csv, "16/QĐ-UBND,05/02/2012,UBND thành phố Hải Phòng,Bằng khen,tập thể,"
                   "HTX Bạch Đằng,,,Đã có thành tích xuất sắc năm 2011,2011\n");
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    g_string_append_printf (csv, DECISION ",05/02/2012,UBND thành phố Hải Phòng,Bằng khen,"
                            "cá nhân,%s,HTX Bạch Đằng,Xã viên,"
                            "Đã có thành tích xuất sắc trong sản xuất kinh doanh năm 2011,2011\n",
                            people[i]);
  csv_path = g_build_filename (f->dir, "awards.csv", NULL);
  g_file_set_contents (csv_path, csv->str, -1, &error);
  g_assert_no_error (error);

  run_cli (f, &run, "import", csv_path);
  assert_ok (&run);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_strfreev (f->env);
}

static void
set_profile (Fixture *f)
{
  static const char *const settings[][2] = {
    { "office.parent", "UBND thành phố Hải Phòng" },
    { "office.name", "Liên minh HTX Hải Phòng" },
    { "office.abbreviation", "LMHTX" },
    { "office.place", "Hải Phòng" },
    { "signer.form", "TM." },
    { "signer.title", "Chủ tịch" },
    { "signer.name", "Phạm Văn Hùng" },
  };
  g_auto (Run) run = { 0, };

  for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
    {
      run_cli (f, &run, "settings", "set", settings[i][0], settings[i][1]);
      assert_ok (&run);
    }
}

static char *
pdf_text (Fixture    *f,
          const char *pdf)
{
  g_auto (Run) run = { 0, };

  run_tool (f, &run, "pdftotext", "-layout", "-enc", "UTF-8", pdf, "-");
  assert_ok (&run);
  return g_steal_pointer (&run.out);
}

static void
assert_serif_fonts (Fixture    *f,
                    const char *pdf)
{
  g_auto (Run) run = { 0, };

  run_tool (f, &run, "pdffonts", pdf);
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "LiberationSerif"));
  g_assert_null (strstr (run.out, "DejaVu"));
  g_assert_null (strstr (run.out, "Sans"));
}

static void
test_settings_cli (Fixture       *f,
                   gconstpointer  data)
{
  g_auto (Run) run = { 0, };

  run_cli (f, &run, "settings", "get", "year.start");
  assert_ok (&run);
  g_assert_cmpstr (run.out, ==, "01/12\n");

  run_cli (f, &run, "settings", "set", "office.name", "  Liên minh   HTX  Hải Phòng ");
  assert_ok (&run);
  run_cli (f, &run, "settings", "get", "office.name");
  g_assert_cmpstr (run.out, ==, "Liên minh HTX Hải Phòng\n");

  run_cli (f, &run, "settings", "list");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "office.name=Liên minh HTX Hải Phòng\n"));
  g_assert_nonnull (strstr (run.out, "signer.form=TM.\n"));

  /* An unknown key is a usage error that lists the keys. */
  run_cli (f, &run, "settings", "get", "office.colour");
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "office.colour"));
  g_assert_nonnull (strstr (run.err, "office.abbreviation"));
  g_assert_nonnull (strstr (run.err, "signer.name"));

  run_cli (f, &run, "settings", "set", "signer.form", "thay mặt");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "signer.form"));

  /* A font the documents would not be printed in is refused, and the one set stays. */
  run_cli (f, &run, "settings", "set", "report.font", "Liberation Sans");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "not a serif font"));
  run_cli (f, &run, "settings", "set", "report.font", "Không Có Phông Này");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "not installed"));
  run_cli (f, &run, "settings", "get", "report.font");
  g_assert_cmpstr (run.out, ==, "Liberation Serif\n");
  run_cli (f, &run, "settings", "set", "report.font", "liberation serif");
  assert_ok (&run);
}

static void
test_summary_official_layout (Fixture       *f,
                              gconstpointer  data)
{
  g_auto (Run) run = { 0, };
  g_autofree char *text = NULL;

  set_profile (f);
  run_cli (f, &run, "report", "summary", "--format", "pdf", "--output", "summary.pdf");
  assert_ok (&run);

  text = pdf_text (f, "summary.pdf");
  g_assert_nonnull (strstr (text, "UBND THÀNH PHỐ HẢI PHÒNG"));
  /* Not the built-in "LIÊN MINH HỢP TÁC XÃ": the profile's own name, in capitals. */
  g_assert_nonnull (strstr (text, "LIÊN MINH HTX HẢI PHÒNG"));
  g_assert_null (strstr (text, "HỢP TÁC XÃ"));
  g_assert_nonnull (strstr (text, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
  g_assert_nonnull (strstr (text, "Độc lập - Tự do - Hạnh phúc"));
  g_assert_nonnull (strstr (text, "Số:"));
  g_assert_nonnull (strstr (text, "/BC-LMHTX"));
  g_assert_nonnull (strstr (text, "Hải Phòng, ngày "));
  g_assert_nonnull (strstr (text, "TM. LIÊN MINH HTX HẢI PHÒNG"));
  g_assert_nonnull (strstr (text, "CHỦ TỊCH"));
  g_assert_nonnull (strstr (text, "Phạm Văn Hùng"));
  g_assert_nonnull (strstr (text, "Nơi nhận:"));
  /* The governing body stands above the office's name. */
  g_assert_true (strstr (text, "UBND THÀNH PHỐ HẢI PHÒNG") <
                 strstr (text, "LIÊN MINH HTX HẢI PHÒNG"));
  g_assert_null (strstr (text, "LIÊN MINH HTX\n"));
  assert_serif_fonts (f, "summary.pdf");
}

static void
test_decision_date_line_and_order (Fixture       *f,
                                   gconstpointer  data)
{
  g_auto (Run) run = { 0, };
  g_autofree char *text = NULL;
  g_autofree char *by_name = NULL;
  g_autofree char *own = NULL;
  const char *first, *second;

  set_profile (f);
  run_cli (f, &run, "report", "decision", DECISION, "--format", "pdf", "--output",
           "annex.pdf");
  assert_ok (&run);
  text = pdf_text (f, "annex.pdf");
  /* Decree 30: a day below 10 and the months January and February take a leading zero. */
  g_assert_nonnull (strstr (text, "Hải Phòng, ngày 05 tháng 02 năm 2012"));
  assert_serif_fonts (f, "annex.pdf");
  /* The decision is the city's, which names no signer: the office's chairman does not sign it
   * under the city's name; a blank signature is left for its own. */
  g_assert_nonnull (strstr (text, "UBND THÀNH PHỐ HẢI PHÒNG"));
  g_assert_null (strstr (text, "Phạm Văn Hùng"));
  g_assert_nonnull (strstr (text, "THỦ TRƯỞNG ĐƠN VỊ"));

  /* As entered: Trần Văn Yên before Phạm Thị An. By name: An before Yên. */
  first = strstr (text, "Trần Văn Yên");
  second = strstr (text, "Phạm Thị An");
  g_assert_nonnull (first);
  g_assert_nonnull (second);
  g_assert_true (first < second);

  run_cli (f, &run, "report", "decision", DECISION, "--order", "name", "--format", "pdf",
           "--output", "by-name.pdf");
  assert_ok (&run);
  by_name = pdf_text (f, "by-name.pdf");
  g_assert_true (strstr (by_name, "Phạm Thị An") < strstr (by_name, "Trần Văn Yên"));

  /* When the office is the decision's authority (its name written in another case), its own
   * signer signs. */
  run_cli (f, &run, "settings", "set", "office.name", "ubnd thành phố hải phòng");
  assert_ok (&run);
  run_cli (f, &run, "report", "decision", DECISION, "--format", "pdf", "--output", "own.pdf");
  assert_ok (&run);
  own = pdf_text (f, "own.pdf");
  g_assert_nonnull (strstr (own, "Phạm Văn Hùng"));
  g_assert_nonnull (strstr (own, "CHỦ TỊCH"));

  run_cli (f, &run, "report", "decision", DECISION, "--order", "age");
  g_assert_cmpint (run.status, ==, 2);
  run_cli (f, &run, "report", "summary", "--order", "name");
  g_assert_cmpint (run.status, ==, 2);
}


static GStrv
pdf_pages (Fixture    *f,
           const char *pdf)
{
  g_autofree char *text = pdf_text (f, pdf);
  GStrv pages = g_strsplit (text, "\f", -1);
  guint n = g_strv_length (pages);

  /* pdftotext ends the last page with a form feed too. */
  if (n > 0 && g_strstrip (pages[n - 1])[0] == '\0')
    g_clear_pointer (&pages[n - 1], g_free);
  return pages;
}

static void
test_certificates_of_a_decision (Fixture       *f,
                                 gconstpointer  data)
{
  g_auto (Run) run = { 0, };
  g_auto (GStrv) pages = NULL;
  g_autoptr (GHashTable) numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  set_profile (f);
  /* The program in its build folder finds the shipped templates without being told where. */
  f->env = g_environ_unsetenv (f->env, "COOP_AWARDS_CERTIFICATES");
  run_cli (f, &run, "certificates", DECISION, "--output", "certificates.pdf");
  assert_ok (&run);

  pages = pdf_pages (f, "certificates.pdf");
  g_assert_cmpuint (g_strv_length (pages), ==, G_N_ELEMENTS (people));
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      const char *mark = strstr (pages[i], "Số sổ vàng: ");
      g_autofree char *number = NULL;

      /* The annex's order: as the decision lists them. */
      g_assert_nonnull (strstr (pages[i], people[i]));
      g_assert_nonnull (strstr (pages[i], "Quyết định số " DECISION " ngày 05/02/2012"));
      g_assert_nonnull (strstr (pages[i], "Hải Phòng, ngày 05 tháng 02 năm 2012"));
      g_assert_nonnull (mark);
      number = g_strndup (mark + strlen ("Số sổ vàng: "), strcspn (mark + strlen ("Số sổ vàng: "),
                                                                  " \n"));
      g_assert_cmpstr (number, !=, "");
      g_assert_true (g_str_has_suffix (number, "/2012"));
      g_assert_false (g_hash_table_contains (numbers, number));
      g_hash_table_add (numbers, g_steal_pointer (&number));
    }
  assert_serif_fonts (f, "certificates.pdf");

  /* Numbering the awards is a change of their decision's, in the log and the history. */
  run_cli (f, &run, "history", "--limit", "1");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "\tedit\tdecision\t"));
  g_assert_nonnull (strstr (run.out, "\t" DECISION "\t15 awards"));

  /* Printed again, the certificates keep their numbers. */
  run_cli (f, &run, "certificates", DECISION, "--output", "again.pdf");
  assert_ok (&run);
  g_strfreev (pages);
  pages = pdf_pages (f, "again.pdf");
  g_assert_nonnull (strstr (pages[0], "Số sổ vàng: 1/2012"));
  g_assert_nonnull (strstr (pages[14], "Số sổ vàng: 15/2012"));

  run_tool (f, &run, "pdfinfo", "again.pdf");
  g_assert_nonnull (strstr (run.out, "1190.55 x 841.89 pts (A3)"));
}

/* A copy of a shipped template in the user's folder, with one line changed. */
static void
write_user_template (Fixture    *f,
                     const char *name,
                     const char *group,
                     const char *key,
                     const char *value)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GKeyFile) file = g_key_file_new ();
  g_autofree char *source = g_build_filename (g_getenv ("COOP_AWARDS_CERTIFICATES"),
                                              "bang-khen-ca-nhan.certificate", NULL);
  g_autofree char *dir = g_build_filename (f->dir, "coop-awards", "certificates", NULL);
  g_autofree char *file_name = g_strconcat (name, ".certificate", NULL);
  g_autofree char *path = g_build_filename (dir, file_name, NULL);
  g_autofree char *background = g_build_filename (g_getenv ("COOP_AWARDS_CERTIFICATES"),
                                                  "samples", "bang-khen.png", NULL);

  g_key_file_load_from_file (file, source, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  g_key_file_set_string (file, "Certificate", "Name", name);
  g_key_file_set_string (file, "Certificate", "Background", background);
  g_key_file_set_string (file, group, key, value);
  g_mkdir_with_parents (dir, 0700);
  g_key_file_save_to_file (file, path, &error);
  g_assert_no_error (error);
}

/* The left edge of the first word @word on page 1, in points, from pdftotext -bbox. */
static double
word_x (Fixture    *f,
        const char *pdf,
        const char *word)
{
  g_auto (Run) run = { 0, };
  g_autofree char *needle = g_strdup_printf (">%s</word>", word);
  const char *found, *start;

  run_tool (f, &run, "pdftotext", "-bbox", "-f", "1", "-l", "1", pdf, "-");
  assert_ok (&run);
  found = strstr (run.out, needle);
  g_assert_nonnull (found);
  start = g_strrstr_len (run.out, found - run.out, "xMin=\"");
  g_assert_nonnull (start);
  return g_ascii_strtod (start + strlen ("xMin=\""), NULL);
}

static void
test_certificate_field_moves_exactly (Fixture       *f,
                                      gconstpointer  data)
{
  g_auto (Run) run = { 0, };
  double before, after;

  write_user_template (f, "at-40", "Field decision", "X", "40");
  write_user_template (f, "at-52-5", "Field decision", "X", "52.5");

  run_cli (f, &run, "certificates", DECISION, "--template", "at-40", "--test", "--output",
           "before.pdf");
  assert_ok (&run);
  run_cli (f, &run, "certificates", DECISION, "--template", "at-52-5", "--test", "--output",
           "after.pdf");
  assert_ok (&run);

  before = word_x (f, "before.pdf", "Quyết");
  after = word_x (f, "after.pdf", "Quyết");
  g_assert_cmpfloat_with_epsilon (after - before, 12.5 * 72 / 25.4, 0.2);

  /* A test print gives no register numbers. */
  g_strfreev (pdf_pages (f, "after.pdf"));
  run_cli (f, &run, "certificates", DECISION, "--output", "final.pdf");
  assert_ok (&run);
  {
    g_auto (GStrv) pages = pdf_pages (f, "final.pdf");

    g_assert_nonnull (strstr (pages[0], "Số sổ vàng: 1/2012"));
  }
}

static void
test_certificate_overflow_is_reported (Fixture       *f,
                                       gconstpointer  data)
{
  g_auto (Run) run = { 0, };
  g_autofree char *path = g_build_filename (f->dir, "tight.pdf", NULL);

  /* Three lines 30 mm wide cannot hold the achievement, even at the smallest size (14 pt). */
  write_user_template (f, "tight", "Field achievement", "Width", "30");

  run_cli (f, &run, "certificates", DECISION, "--template", "tight", "--output", "tight.pdf");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, people[0]));
  g_assert_nonnull (strstr (run.err, "Achievement"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* Nothing was numbered: the next final print starts the year's sequence. */
  run_cli (f, &run, "certificates", DECISION, "--output", "final.pdf");
  assert_ok (&run);
  {
    g_auto (GStrv) pages = pdf_pages (f, "final.pdf");

    g_assert_nonnull (strstr (pages[0], "Số sổ vàng: 1/2012"));
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  if (argc < 2)
    {
      g_printerr ("usage: %s PATH-TO-coop-awards-cli\n", argv[0]);
      return 2;
    }
  cli_path = argv[1];

  g_test_add ("/documents/settings-cli", Fixture, NULL, fixture_setup, test_settings_cli,
              fixture_teardown);
  g_test_add ("/documents/summary-official-layout", Fixture, NULL, fixture_setup,
              test_summary_official_layout, fixture_teardown);
  g_test_add ("/documents/decision-date-line-and-order", Fixture, NULL, fixture_setup,
              test_decision_date_line_and_order, fixture_teardown);

  g_test_add ("/documents/certificates-of-a-decision", Fixture, NULL, fixture_setup,
              test_certificates_of_a_decision, fixture_teardown);
  g_test_add ("/documents/certificate-field-moves-exactly", Fixture, NULL, fixture_setup,
              test_certificate_field_moves_exactly, fixture_teardown);
  g_test_add ("/documents/certificate-overflow-is-reported", Fixture, NULL, fixture_setup,
              test_certificate_overflow_is_reported, fixture_teardown);

  return g_test_run ();
}
