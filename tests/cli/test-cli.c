/* test-cli.c: end-to-end tests of coop-awards-cli, run as a separate program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: test-cli [GTEST OPTION…] PATH-TO-coop-awards-cli [BUILD-LOCALEDIR]
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <sqlite3.h>

#include "awards-test-util.h"

static char *cli_path;
static char *build_localedir;

typedef struct
{
  char  *dir;
  char  *db;
  GStrv  env;
} Fixture;

typedef struct
{
  int    status;
  char  *out;        /* always NUL-terminated, may hold binary data */
  gsize  out_len;
  char  *err;
} Run;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("test-cli-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "awards.db", NULL);

  /* The tool must never fall back to the user's own database during the tests. */
  f->env = g_get_environ ();
  f->env = g_environ_setenv (f->env, "COOP_AWARDS_DB",
                             "/nonexistent/tests-must-pass-database", TRUE);
  f->env = g_environ_setenv (f->env, "XDG_DATA_HOME", f->dir, TRUE);
  /* A critical or a warning in the tool is a bug: make it crash, which the tests notice. */
  f->env = g_environ_setenv (f->env, "G_DEBUG", "fatal-warnings", TRUE);
  f->env = g_environ_setenv (f->env, "LC_ALL", "C.UTF-8", TRUE);
  f->env = g_environ_unsetenv (f->env, "LANGUAGE");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  awards_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_strfreev (f->env);
}

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
  run->out_len = 0;
  run->status = -1;
}

static char *
bytes_to_string (GBytes *bytes,
                 gsize  *length)
{
  gsize size = bytes != NULL ? g_bytes_get_size (bytes) : 0;
  char *text = g_malloc (size + 1);

  if (size > 0)
    memcpy (text, g_bytes_get_data (bytes, NULL), size);
  text[size] = '\0';
  if (length != NULL)
    *length = size;
  return text;
}

/* Runs the tool with @args and @input on stdin; a crash fails the test. */
static void
run_cliv (Fixture            *f,
          Run                *run,
          const char         *input,
          const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GBytes) stdin_bytes = NULL;
  g_autoptr(GBytes) stdout_bytes = NULL;
  g_autoptr(GBytes) stderr_bytes = NULL;
  g_autoptr(GError) error = NULL;

  run_clear (run);

  g_ptr_array_add (argv, (gpointer) cli_path);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_environ (launcher, f->env);
  g_subprocess_launcher_set_cwd (launcher, f->dir);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  /* An empty stdin rather than the test's own. */
  if (input == NULL)
    input = "";
  stdin_bytes = g_bytes_new_static (input, strlen (input));
  g_subprocess_communicate (process, stdin_bytes, NULL, &stdout_bytes, &stderr_bytes, &error);
  g_assert_no_error (error);

  run->out = bytes_to_string (stdout_bytes, &run->out_len);
  run->err = bytes_to_string (stderr_bytes, NULL);

  if (!g_subprocess_get_if_exited (process))
    g_error ("coop-awards-cli was killed by signal %d; stderr:\n%s",
             g_subprocess_get_term_sig (process), run->err);
  run->status = g_subprocess_get_exit_status (process);

  g_test_message ("exit %d\nstdout: %.2000s\nstderr: %s", run->status, run->out, run->err);
}

#define run_cli(f, run, ...) \
  run_cliv ((f), (run), NULL, (const char * const[]) { __VA_ARGS__, NULL })
#define run_cli_input(f, run, input, ...) \
  run_cliv ((f), (run), (input), (const char * const[]) { __VA_ARGS__, NULL })

static char *
write_file (Fixture    *f,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

static char *
read_file (const char *path,
           gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

/* ------------------------------------------------------------------------------------------- */
/* The Hải Phòng 2011 year-end review (DESIGN.md), plus one award before and one after it.      */

#define UBND "UBND thành phố Hải Phòng"
#define LMVN "Liên minh HTX Việt Nam"
#define ACHIEVEMENT "\"đã có thành tích xuất sắc trong sản xuất kinh doanh năm 2011, góp phần " \
                    "vào sự nghiệp xây dựng và phát triển kinh tế tập thể\""

static const char *ubnd_flags[] = {
  "Liên minh HTX thành phố Hải Phòng", "HTX Bạch Đằng", "Công ty TNHH Quý Cao",
};
static const char *ubnd_collectives[] = {
  "HTX nông nghiệp An Lư", "HTX vận tải Thống Nhất", "HTX Dịch vụ Nông nghiệp Tân Liên",
  "HTX Thủy sản Đồ Sơn", "HTX Dệt may Kiến An",
};
static const char *ubnd_individuals[][3] = {
  { "Trần Văn Bảy", "HTX Bạch Đằng", "Chủ nhiệm" },
  { "Nguyễn Thị Hoa", "HTX Bạch Đằng", "Kế toán" },
  { "Đan Đức Hiệp", "HTX nông nghiệp An Lư", "Chủ nhiệm" },
  { "Phạm Văn Long", "HTX vận tải Thống Nhất", "Phó chủ nhiệm" },
  { "Lê Thị Mai", "HTX Dịch vụ Nông nghiệp Tân Liên", "" },
  { "Hoàng Văn Nam", "HTX Thủy sản Đồ Sơn", "Xã viên" },
  { "Vũ Thị Lan", "HTX Dệt may Kiến An", "Tổ trưởng" },
  { "Đỗ Văn Hùng", "Công ty TNHH Quý Cao", "Giám đốc" },
  { "Bùi Thị Thu", "Liên minh HTX thành phố Hải Phòng", "Chuyên viên" },
  { "Ngô Văn Sơn", "HTX nông nghiệp An Lư", "" },
};
static const char *lmvn_collectives[] = {
  "Liên minh HTX thành phố Hải Phòng", "HTX vận tải Thống Nhất",
};
static const char *lmvn_individuals[][2] = {
  { "Trần Văn Bảy", "HTX Bạch Đằng" },
  { "Đan Đức Hiệp", "HTX nông nghiệp An Lư" },
  { "Phạm Văn Long", "HTX vận tải Thống Nhất" },
  { "Lê Thị Mai", "HTX Dịch vụ Nông nghiệp Tân Liên" },
  { "Vũ Thị Lan", "HTX Dệt may Kiến An" },
  { "Đỗ Văn Hùng", "Công ty TNHH Quý Cao" },
  { "Bùi Thị Thu", "Liên minh HTX thành phố Hải Phòng" },
};

#define CEREMONY_ROWS (3 + 5 + 10 + 2 + 7 + 2)

/* Columns in another order than the export's, and both date forms. */
static char *
ceremony_csv (void)
{
  GString *csv = g_string_new ("decision_date,decision_number,authority,award,recipient_type,"
                               "recipient,organisation,position,achievement,period\n");

  g_string_append (csv, "2010-12-20,2001/QĐ-UBND," UBND ",Bằng khen,collective,HTX Bạch Đằng"
                        ",,,,2010\n");
  for (guint i = 0; i < G_N_ELEMENTS (ubnd_flags); i++)
    g_string_append_printf (csv, "2011-12-28,3456/QĐ-UBND," UBND ",Cờ thi đua xuất sắc,"
                                 "collective,%s,,," ACHIEVEMENT ",2011\n", ubnd_flags[i]);
  for (guint i = 0; i < G_N_ELEMENTS (ubnd_collectives); i++)
    g_string_append_printf (csv, "2011-12-28,3457/QĐ-UBND," UBND ",Bằng khen,tập thể,%s,,,"
                                 ACHIEVEMENT ",2011\n", ubnd_collectives[i]);
  for (guint i = 0; i < G_N_ELEMENTS (ubnd_individuals); i++)
    g_string_append_printf (csv, "2011-12-28,3457/QĐ-UBND," UBND ",Bằng khen,individual,"
                                 "%s,%s,%s," ACHIEVEMENT ",2011\n", ubnd_individuals[i][0],
                            ubnd_individuals[i][1], ubnd_individuals[i][2]);
  for (guint i = 0; i < G_N_ELEMENTS (lmvn_collectives); i++)
    g_string_append_printf (csv, "28/12/2011,789/QĐ-LMHTXVN," LMVN ",Bằng khen,collective,%s,,,"
                                 "Đạt thành tích xuất sắc,2011\n", lmvn_collectives[i]);
  for (guint i = 0; i < G_N_ELEMENTS (lmvn_individuals); i++)
    g_string_append_printf (csv, "28/12/2011,789/QĐ-LMHTXVN," LMVN ",Bằng khen,cá nhân,%s,%s,,"
                                 "Đạt thành tích xuất sắc,2011\n", lmvn_individuals[i][0],
                            lmvn_individuals[i][1]);
  /* She has moved: this award is not one of HTX Bạch Đằng's. */
  g_string_append (csv, "2012-01-10,15/QĐ-UBND,UBND huyện An Dương,Giấy khen,individual,"
                        "Nguyễn Thị Hoa,HTX Dệt may Kiến An,Kế toán,,2011\n");

  return g_string_free (csv, FALSE);
}

static char *
import_ceremony (Fixture    *f,
                 const char *db)
{
  g_autofree char *csv = ceremony_csv ();
  char *path = write_file (f, "ceremony.csv", csv, -1);
  g_autofree char *expected = g_strdup_printf ("Imported %d awards from %s.\n",
                                               CEREMONY_ROWS, path);
  Run run = { 0 };

  run_cli (f, &run, "--database", db, "import", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, expected);
  g_assert_cmpstr (run.err, ==, "");
  run_clear (&run);
  return path;
}

static char *
export_csv (Fixture    *f,
            const char *db)
{
  Run run = { 0 };
  char *out;

  run_cli (f, &run, "--database", db, "export");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  out = g_steal_pointer (&run.out);
  run_clear (&run);
  return out;
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    if (*p == '\n')
      n++;
  return n;
}

/* ------------------------------------------------------------------------------------------- */

static void
test_help_and_version (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *version = g_strdup_printf ("coop-awards-cli %s\n", PACKAGE_VERSION);
  const char *commands[] = { "import", "export", "search", "organisation", "report", "backup",
                             "restore", "check" };
  Run run = { 0 };

  run_cli (f, &run, "--version");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, version);

  run_cli (f, &run, "--help");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_assert_nonnull (strstr (run.out, commands[i]));

  run_cli (f, &run, "import", "--help");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "--dry-run"));
  g_assert_nonnull (strstr (run.out, "--database"));

  run_cli (f, &run, "help", "report");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "--from-year"));
  g_assert_nonnull (strstr (run.out, "yearly"));

  /* Help never touches a database. */
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));
  run_clear (&run);
}

static void
test_wrong_usage (Fixture       *f,
                  gconstpointer  data)
{
  const char *cases[][9] = {
    { NULL },
    { "frobnicate", NULL },
    { "--frobnicate", "check", NULL },
    { "--database", NULL },
    { "--database", f->db, "import", NULL },
    { "--database", f->db, "import", "a.csv", "b.csv", NULL },
    { "--database", f->db, "import", "a.csv", "--frobnicate", NULL },
    { "--database", f->db, "search", NULL },
    { "--database", f->db, "organisation", NULL },
    { "--database", f->db, "export", "--format", "docx", NULL },
    { "--database", f->db, "export", "--output", NULL },
    { "--database", f->db, "report", NULL },
    { "--database", f->db, "report", "weekly", NULL },
    { "--database", f->db, "report", "summary", "--from", "2011-13-45", NULL },
    { "--database", f->db, "report", "summary", "--from", "yesterday", NULL },
    { "--database", f->db, "report", "summary", "--to", "31/02/2011", NULL },
    { "--database", f->db, "report", "summary", "--format", "doc", NULL },
    { "--database", f->db, "report", "summary", "extra", NULL },
    { "--database", f->db, "report", "organisation", NULL },
    { "--database", f->db, "report", "decision", NULL },
    { "--database", f->db, "report", "yearly", NULL },
    { "--database", f->db, "report", "yearly", "--from-year", "2012", "--to-year", "2011" },
    { "--database", f->db, "report", "yearly", "--from-year", "twenty", NULL },
    { "--database", f->db, "report", "organisation", "X", "--from-year", "2011", NULL },
    { "--database", f->db, "backup", NULL },
    { "--database", f->db, "restore", NULL },
    { "--database", f->db, "check", "now", NULL },
    { "help", "frobnicate", NULL },
  };
  Run run = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char * const *args = cases[i];

      g_test_message ("case %u: %s", i, args[0] != NULL ? args[0] : "(no arguments)");
      run_cliv (f, &run, NULL, args);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      /* A sentence, and where to read more. */
      g_assert_nonnull (strstr (run.err, "coop-awards-cli"));
      g_assert_nonnull (strstr (run.err, "--help"));
    }

  /* Wrong usage is found before the database is opened, so none was created. */
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));
  run_clear (&run);
}

static void
test_database_choice (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *env_db = g_build_filename (f->dir, "from-env", "env.db", NULL);
  g_autofree char *xdg_db = g_build_filename (f->dir, "coop-awards", "awards.db", NULL);
  g_autofree char *option_db = g_build_filename (f->dir, "nested", "folder", "option.db", NULL);
  Run run = { 0 };

  /* --database wins over the environment; an import creates the file and its folder. */
  g_free (import_ceremony (f, option_db));
  run_cli (f, &run, "--database", option_db, "check");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "No problems found.\n");
  g_assert_true (g_file_test (option_db, G_FILE_TEST_IS_REGULAR));

  /* ... also after the command; a command that only reads creates nothing: a mistyped name
   * is an error, not a new empty database. */
  g_remove (option_db);
  run_clear (&run);
  run_cli (f, &run, "check", "--database", option_db);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "does not exist"));
  g_assert_false (g_file_test (option_db, G_FILE_TEST_EXISTS));

  f->env = g_environ_setenv (f->env, "COOP_AWARDS_DB", env_db, TRUE);
  run_clear (&run);
  run_cli (f, &run, "check");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_false (g_file_test (env_db, G_FILE_TEST_EXISTS));
  g_free (import_ceremony (f, env_db));
  run_clear (&run);
  run_cli (f, &run, "check");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_test (env_db, G_FILE_TEST_IS_REGULAR));
  run_clear (&run);

  /* Without either, the file in $XDG_DATA_HOME/coop-awards, created on first use. */
  f->env = g_environ_unsetenv (f->env, "COOP_AWARDS_DB");
  g_assert_false (g_file_test (xdg_db, G_FILE_TEST_EXISTS));
  run_cli (f, &run, "check");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_test (xdg_db, G_FILE_TEST_IS_REGULAR));

  run_clear (&run);
}

static void
test_import_ok (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = import_ceremony (f, f->db);
  g_autofree char *exported = export_csv (f, f->db);

  g_assert_cmpuint (count_lines (exported), ==, 1 + CEREMONY_ROWS);
  g_assert_true (g_str_has_prefix (exported, "decision_number,decision_date,authority,award,"
                                             "recipient_type,recipient,organisation,position,"
                                             "achievement,period\n"));
  g_assert_nonnull (strstr (exported, "HTX Bạch Đằng"));
}

static void
test_import_dry_run (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *csv = ceremony_csv ();
  g_autofree char *path = write_file (f, "ceremony.csv", csv, -1);
  g_autofree char *expected = g_strdup_printf ("%s is valid: %d awards would be imported.\n",
                                               path, CEREMONY_ROWS);
  g_autofree char *exported = NULL;
  Run run = { 0 };

  /* Options after the argument. */
  run_cli (f, &run, "import", path, "--dry-run", "--database", f->db);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, expected));
  /* The summary lists what the import would create besides the awards. */
  g_assert_nonnull (strstr (run.out, "\nNew organisations: 8\n  HTX Bạch Đằng\n"));
  g_assert_nonnull (strstr (run.out, "\nNew people: 11\n  Trần Văn Bảy (HTX Bạch Đằng)\n"));
  g_assert_nonnull (strstr (run.out, "\nNew authorities: 3\n  UBND thành phố Hải Phòng\n"));
  g_assert_true (g_str_has_suffix (run.out, "\nNew award types: 0\n"));
  /* A dry run writes nothing, not even the new database it checked the file against. */
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));
  {
    g_autofree char *owners = g_strconcat (f->db, "-owners", NULL);

    g_assert_false (g_file_test (owners, G_FILE_TEST_EXISTS));
  }

  /* Into a database that holds the file already, it finds every row there, and the database
   * is left as it was. */
  g_free (import_ceremony (f, f->db));
  run_clear (&run);
  run_cli (f, &run, "--database", f->db, "import", "--dry-run", path);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "already receives"));
  g_assert_null (strstr (run.err, "Nothing was imported"));
  exported = export_csv (f, f->db);
  g_assert_cmpuint (count_lines (exported), ==, 1 + CEREMONY_ROWS);
  run_clear (&run);
}

/* An award already in the database, of a decision without a number, is named by the decision's
 * date as a clerk writes it. */
static void
test_import_twice_unnumbered (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *path = write_file (f, "no-number.csv",
                                      "decision_number,decision_date,authority,award,"
                                      "recipient_type,recipient,organisation\n"
                                      ",2024-03-01,UBND tỉnh Nam Định,Giấy khen,individual,"
                                      "Lê Văn An,HTX Đồng Tâm\n", -1);
  Run run = { 0 };

  run_cli (f, &run, "--database", f->db, "import", path);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  run_cli (f, &run, "--database", f->db, "import", path);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "“Lê Văn An” already receives “Giấy khen” in the decision "
                                     "of 01/03/2024"));
  run_clear (&run);
}

/* A list with its header only, and a repair that finds nothing, change nothing: neither leaves
 * an entry in the history. */
static void
test_nothing_done_not_logged (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *header = write_file (f, "header.csv",
                                        "decision_number,decision_date,authority,award,"
                                        "recipient_type,recipient,organisation\n", -1);
  g_autofree char *before = NULL;
  Run run = { 0 };

  g_free (import_ceremony (f, f->db));
  run_cli (f, &run, "--database", f->db, "history");
  g_assert_cmpint (run.status, ==, 0);
  before = g_strdup (run.out);
  run_clear (&run);

  run_cli (f, &run, "--database", f->db, "import", header);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Imported 0 awards"));
  run_clear (&run);
  run_cli (f, &run, "--database", f->db, "check", "--repair");
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);

  run_cli (f, &run, "--database", f->db, "history");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, before);
  run_clear (&run);
}

/* A failed import into a database file that did not exist leaves no file behind: it started
 * the file, and nothing was imported into it. */
static void
test_import_failed_starts_nothing (Fixture       *f,
                                   gconstpointer  data)
{
  g_autofree char *path = write_file (f, "bad.csv",
                                      "decision_number,decision_date,authority,award,"
                                      "recipient_type,recipient,organisation\n"
                                      "12/QĐ,31/02/2024,UBND tỉnh Nam Định,Giấy khen,individual,"
                                      "Lê Văn An,HTX Đồng Tâm\n", -1);
  g_autofree char *owners = g_strconcat (f->db, "-owners", NULL);
  Run run = { 0 };

  run_cli (f, &run, "--database", f->db, "import", path);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "Nothing was imported."));
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (owners, G_FILE_TEST_EXISTS));
  run_clear (&run);
}

static void
test_import_stdin (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *csv = ceremony_csv ();
  g_autofree char *expected = g_strdup_printf ("Imported %d awards from -.\n", CEREMONY_ROWS);
  Run run = { 0 };

  run_cli_input (f, &run, csv, "--database", f->db, "import", "-");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, expected);
  run_clear (&run);
}

/* A typo of a known award is refused with a did-you-mean; --allow-new creates it. */
static void
test_import_near_name (Fixture       *f,
                       gconstpointer  data)
{
  const char *csv =
    "Số QĐ,Ngày QĐ,Cấp khen,Danh hiệu,Đối tượng,Tên\n"
    "2/QĐ-UBND,2012-01-05,UBND thành phố Hải Phòng,Bằng khn,tập thể,HTX Bạch Đằng\n";
  g_autofree char *before_path = import_ceremony (f, f->db);
  g_autofree char *path = write_file (f, "typo.csv", csv, -1);
  g_autofree char *expected = g_strdup_printf ("%s:2: unknown award “Bằng khn”; "
                                               "did you mean “Bằng khen”?\n", path);
  Run run = { 0 };

  run_cli (f, &run, "--database", f->db, "import", path);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.err, expected));
  run_clear (&run);

  run_cli (f, &run, "--database", f->db, "import", "--allow-new", "--dry-run", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_suffix (run.out, "\nNew award types: 1\n  Bằng khn\n"));
  run_clear (&run);
}

/* A slip in the name of a person of the same organisation is refused with a did-you-mean;
 * another given name, or the same name in another organisation, is a new person (see
 * test-near.c for why); --allow-new takes the slip as a new person. */
static void
test_import_near_person (Fixture       *f,
                         gconstpointer  data)
{
  const char *csv =
    "Số QĐ,Ngày QĐ,Cấp khen,Danh hiệu,Đối tượng,Họ và tên,Đơn vị\n"
    "5/QĐ-UBND,2012-01-05,UBND thành phố Hải Phòng,Giấy khen,cá nhân,Trần Vn Bảy,"
    "HTX Bạch Đằng\n"
    "5/QĐ-UBND,2012-01-05,UBND thành phố Hải Phòng,Giấy khen,cá nhân,Trần Văn Bảo,"
    "HTX Bạch Đằng\n"
    "5/QĐ-UBND,2012-01-05,UBND thành phố Hải Phòng,Giấy khen,cá nhân,Trần Vn Bảy,"
    "Công ty TNHH Quý Cao\n";
  g_autofree char *before_path = import_ceremony (f, f->db);
  g_autofree char *path = write_file (f, "people.csv", csv, -1);
  g_autofree char *expected = g_strdup_printf ("%s:2: unknown person “Trần Vn Bảy” of "
                                               "“HTX Bạch Đằng”; did you mean “Trần Văn Bảy”?\n"
                                               "Nothing was imported.\n", path);
  Run run = { 0 };

  run_cli (f, &run, "--database", f->db, "import", path);
  g_assert_cmpint (run.status, ==, 1);
  /* The only problem of the file: rows 3 and 4 are other people. */
  g_assert_cmpstr (run.err, ==, expected);
  run_clear (&run);

  run_cli (f, &run, "--database", f->db, "import", "--allow-new", "--dry-run", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "New people: 3\n"));
  g_assert_nonnull (strstr (run.out, "  Trần Vn Bảy (HTX Bạch Đằng)\n"));
  run_clear (&run);

  run_cli (f, &run, "--database", f->db, "import", "--allow-new", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "Imported 3 awards from "));
  run_clear (&run);
}

static void
test_import_bad (Fixture       *f,
                 gconstpointer  data)
{
  const char *bad_csv =
    "decision_number,decision_date,authority,award,recipient_type,recipient,organisation\n"
    "1/QĐ-UBND,2011-12-28,UBND thành phố Hải Phòng,Bằng khen,collective,HTX Mới,\n"
    "1/QĐ-UBND,2011-13-45,UBND thành phố Hải Phòng,Bằng khen,collective,HTX Khác,\n"
    "1/QĐ-UBND,2011-12-28,UBND thành phố Hải Phòng,Bằng khen,robot,R2D2,\n"
    "1/QĐ-UBND,2011-12-28,UBND thành phố Hải Phòng,Bằng khen,collective,HTX Thứ Ba,\n"
    "1/QĐ-UBND,2011-12-28,UBND thành phố Hải Phòng,Cờ thi đua xuất sắc,individual,"
    "Lê Văn Tám,HTX Mới\n";
  g_autofree char *before_path = import_ceremony (f, f->db);
  g_autofree char *before = export_csv (f, f->db);
  g_autofree char *path = write_file (f, "bad.csv", bad_csv, -1);
  g_autofree char *after = NULL;
  const guint bad_lines[] = { 3, 4, 6 };
  const guint good_lines[] = { 1, 2, 5 };
  Run run = { 0 };

  run_cli (f, &run, "--database", f->db, "import", path);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  for (guint i = 0; i < G_N_ELEMENTS (bad_lines); i++)
    {
      g_autofree char *where = g_strdup_printf ("%s:%u: ", path, bad_lines[i]);

      g_assert_nonnull (strstr (run.err, where));
    }
  for (guint i = 0; i < G_N_ELEMENTS (good_lines); i++)
    {
      g_autofree char *where = g_strdup_printf ("%s:%u: ", path, good_lines[i]);

      g_assert_null (strstr (run.err, where));
    }

  /* All or nothing: not even the good rows went in. */
  after = export_csv (f, f->db);
  g_assert_cmpstr (after, ==, before);

  /* A dry run finds the same problems. */
  run_cli (f, &run, "--database", f->db, "import", "--dry-run", path);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, ":4: "));

  run_clear (&run);
}

static void
test_import_missing_file (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "no-such.csv", NULL);
  Run run = { 0 };

  run_cli (f, &run, "--database", f->db, "import", path);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "no-such.csv"));
  /* A mistyped file name does not leave an empty database behind. */
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));
  run_clear (&run);
}

static void
test_export_round_trip (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *csv_path = import_ceremony (f, f->db);
  g_autofree char *first_path = g_build_filename (f->dir, "first.csv", NULL);
  g_autofree char *second_path = g_build_filename (f->dir, "second.csv", NULL);
  g_autofree char *xlsx_path = g_build_filename (f->dir, "awards.xlsx", NULL);
  g_autofree char *other_db = g_build_filename (f->dir, "other.db", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *stdout_export = NULL;
  g_autofree char *xlsx = NULL;
  gsize xlsx_len = 0;
  Run run = { 0 };

  run_cli (f, &run, "--database", f->db, "export", "--output", first_path);
  g_assert_cmpint (run.status, ==, 0);
  expected = g_strdup_printf ("Exported %d awards to %s.\n", CEREMONY_ROWS, first_path);
  g_assert_cmpstr (run.out, ==, expected);
  g_clear_pointer (&expected, g_free);

  run_cli (f, &run, "--database", other_db, "import", first_path);
  g_assert_cmpint (run.status, ==, 0);

  run_cli (f, &run, "--database", other_db, "export", "--format", "csv", "--output", second_path);
  g_assert_cmpint (run.status, ==, 0);

  first = read_file (first_path, NULL);
  second = read_file (second_path, NULL);
  g_assert_cmpuint (count_lines (first), ==, 1 + CEREMONY_ROWS);
  g_assert_cmpstr (first, ==, second);

  /* stdout gets the same text. */
  stdout_export = export_csv (f, f->db);
  g_assert_cmpstr (stdout_export, ==, first);

  run_cli (f, &run, "--database", f->db, "export", "--format", "xlsx", "-o", xlsx_path);
  g_assert_cmpint (run.status, ==, 0);
  xlsx = read_file (xlsx_path, &xlsx_len);
  g_assert_cmpuint (xlsx_len, >, 4);
  g_assert_cmpmem (xlsx, 2, "PK", 2);

  run_clear (&run);
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = import_ceremony (f, f->db);
  Run run = { 0 };

  run_cli (f, &run, "--database", f->db, "search", "bach dang");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "Organisation\tHTX Bạch Đằng\t"));

  /* Unquoted words, đ/d, and the option after them. */
  run_cli (f, &run, "search", "dan", "duc", "hiep", "--database", f->db);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Person\tĐan Đức Hiệp\t"));
  g_assert_nonnull (strstr (run.out, "\t2 awards\n"));

  run_cli (f, &run, "--database", f->db, "search", "3456");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Decision\t3456/QĐ-UBND\t"));

  run_cli (f, &run, "--database", f->db, "search", "zzzqqq");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "zzzqqq"));

  run_clear (&run);
}

static char *
section_of (const char *text,
            const char *heading)
{
  const char *start = strstr (text, heading);
  const char *end;

  g_assert_nonnull (start);
  end = strstr (start + 1, "\n\n");
  return end != NULL ? g_strndup (start, end - start) : g_strdup (start);
}

static void
test_organisation (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = import_ceremony (f, f->db);
  g_autofree char *own = NULL;
  g_autofree char *people = NULL;
  Run run = { 0 };

  /* Any case and spacing finds it. */
  run_cli (f, &run, "--database", f->db, "organisation", "htx  BẠCH đằng");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "HTX Bạch Đằng\n"));
  g_assert_nonnull (strstr (run.out, "Kind: "));

  own = section_of (run.out, "Awards of the organisation (2)\n");
  g_assert_nonnull (strstr (own, "  20/12/2010 — " UBND " — Bằng khen — decision 2001/QĐ-UBND"));
  g_assert_nonnull (strstr (own, "  28/12/2011 — " UBND " — Cờ thi đua xuất sắc — decision "
                                 "3456/QĐ-UBND — đã có thành tích xuất sắc"));
  g_assert_null (strstr (own, "Trần Văn Bảy"));

  people = section_of (run.out, "Awards of its people while they belonged to it (3)\n");
  g_assert_nonnull (strstr (people, "  28/12/2011 — " UBND " — Bằng khen — decision "
                                    "3457/QĐ-UBND — Trần Văn Bảy (Chủ nhiệm) — đã có"));
  g_assert_nonnull (strstr (people, "Nguyễn Thị Hoa (Kế toán)"));
  g_assert_nonnull (strstr (people, LMVN " — Bằng khen — decision 789/QĐ-LMHTXVN — "
                                    "Trần Văn Bảy — Đạt thành tích xuất sắc"));
  /* Her 2012 award came while she was at HTX Dệt may Kiến An. */
  g_assert_null (strstr (people, "Giấy khen"));
  g_assert_null (strstr (people, "Cờ thi đua"));

  run_cli (f, &run, "--database", f->db, "organisation", "HTX", "Dệt", "may", "Kiến", "An");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "10/01/2012 — UBND huyện An Dương — Giấy khen"));

  /* Typed without accents, as in search. */
  run_cli (f, &run, "--database", f->db, "organisation", "htx bach dang");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "HTX Bạch Đằng\n"));

  run_cli (f, &run, "--database", f->db, "organisation", "HTX Không Có");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "HTX Không Có"));

  /* Part of a name is not enough, but the message suggests what fits. */
  run_cli (f, &run, "--database", f->db, "organisation", "bach");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "\tHTX Bạch Đằng\n"));

  run_clear (&run);
}

static const char expected_summary_csv[] =
  "authority,award,collectives,individuals\n"
  "Liên minh HTX Việt Nam,Bằng khen,2,7\n"
  "UBND thành phố Hải Phòng,Cờ thi đua xuất sắc,3,0\n"
  "UBND thành phố Hải Phòng,Bằng khen,5,10\n"
  "TOTAL,,10,17\n";

static void
test_report_summary_csv (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *path = import_ceremony (f, f->db);
  g_autofree char *output = g_build_filename (f->dir, "summary.csv", NULL);
  g_autofree char *written = NULL;
  Run run = { 0 };

  run_cli (f, &run, "--database", f->db, "report", "summary", "--from", "2011-12-01",
           "--to", "2011-12-31", "--format", "csv");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.out, ==, expected_summary_csv);

  /* The other date form, the options first, and --output. */
  run_cli (f, &run, "--database", f->db, "report", "--format", "csv", "--output", output,
           "--from", "01/12/2011", "--to", "31/12/2011", "summary");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  written = read_file (output, NULL);
  g_assert_cmpstr (written, ==, expected_summary_csv);

  run_cli (f, &run, "--database", f->db, "report", "summary", "--from", "2011-12-01",
           "--to", "2011-12-31", "--authority", "liên minh htx việt nam", "--format", "csv");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==,
                   "authority,award,collectives,individuals\n"
                   "Liên minh HTX Việt Nam,Bằng khen,2,7\n"
                   "TOTAL,,2,7\n");

  /* Typed without accents, as a search is. */
  run_cli (f, &run, "--database", f->db, "report", "summary", "--from", "2011-12-01",
           "--to", "2011-12-31", "--authority", "lien minh htx viet nam", "--format", "csv");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Liên minh HTX Việt Nam,Bằng khen,2,7\n"));

  /* A name that fits none is told with the names there are. */
  run_cli (f, &run, "--database", f->db, "report", "summary", "--authority", "Nobody");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "Nobody"));
  g_assert_nonnull (strstr (run.err, "“UBND thành phố Hải Phòng”"));

  run_clear (&run);
}

static void
test_report_other_kinds (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *path = import_ceremony (f, f->db);
  g_autofree char *pdf_path = g_build_filename (f->dir, "report.pdf", NULL);
  g_autofree char *pdf = NULL;
  gsize pdf_len = 0;
  Run run = { 0 };

  run_cli (f, &run, "--database", f->db, "report", "summary", "--from", "28/12/2011",
           "--to", "28/12/2011");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Cờ thi đua xuất sắc"));

  run_cli (f, &run, "--database", f->db, "report", "organisation", "htx bach dang",
           "--format", "csv");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Trần Văn Bảy"));

  run_cli (f, &run, "--database", f->db, "report", "decision", "789/QĐ-LMHTXVN");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Bùi Thị Thu"));

  run_cli (f, &run, "--database", f->db, "report", "yearly", "--from-year", "2010",
           "--to-year", "2012", "--format", "csv");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Giấy khen"));

  run_cli (f, &run, "--database", f->db, "report", "summary", "--format", "pdf",
           "--output", pdf_path);
  g_assert_cmpint (run.status, ==, 0);
  pdf = read_file (pdf_path, &pdf_len);
  g_assert_cmpuint (pdf_len, >, 5);
  g_assert_cmpmem (pdf, 5, "%PDF-", 5);

  /* Not a terminal, so a PDF may go to stdout. */
  run_cli (f, &run, "--database", f->db, "report", "decision", "3456/QĐ-UBND", "--format", "pdf");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (run.out_len, >, 5);
  g_assert_cmpmem (run.out, 5, "%PDF-", 5);

  run_cli (f, &run, "--database", f->db, "report", "organisation", "HTX Không Có");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "HTX Không Có"));

  run_cli (f, &run, "--database", f->db, "report", "decision", "9999/QĐ-XX");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "9999/QĐ-XX"));

  run_clear (&run);
}

static void
test_backup_restore_check (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *path = import_ceremony (f, f->db);
  g_autofree char *backup = g_build_filename (f->dir, "backup.db", NULL);
  g_autofree char *before = export_csv (f, f->db);
  g_autofree char *changed = NULL;
  g_autofree char *after = NULL;
  g_autofree char *saved = NULL;
  const char *extra_csv =
    "decision_number,decision_date,authority,award,recipient_type,recipient\n"
    "77/QĐ-UBND,2013-05-01,UBND thành phố Hải Phòng,Giấy khen,collective,HTX Bạch Đằng\n";
  g_autofree char *extra = write_file (f, "extra.csv", extra_csv, -1);
  const char *kept;
  Run run = { 0 };

  run_cli (f, &run, "--database", f->db, "backup", backup);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));

  run_cli (f, &run, "--database", backup, "check");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "No problems found.\n");

  run_cli (f, &run, "--database", f->db, "backup", f->db);
  g_assert_cmpint (run.status, ==, 1);

  run_cli (f, &run, "--database", f->db, "import", extra);
  g_assert_cmpint (run.status, ==, 0);
  changed = export_csv (f, f->db);
  g_assert_cmpstr (changed, !=, before);

  run_cli (f, &run, "--database", f->db, "restore", backup);
  g_assert_cmpint (run.status, ==, 0);
  kept = strstr (run.out, "kept as ");
  g_assert_nonnull (kept);
  saved = g_strndup (kept + strlen ("kept as "), strcspn (kept + strlen ("kept as "), "\n") - 1);
  g_assert_true (g_file_test (saved, G_FILE_TEST_IS_REGULAR));

  after = export_csv (f, f->db);
  g_assert_cmpstr (after, ==, before);

  /* The copy kept is the database as it was just before. */
  g_clear_pointer (&after, g_free);
  after = export_csv (f, saved);
  g_assert_cmpstr (after, ==, changed);

  run_cli (f, &run, "--database", f->db, "restore", "no-such-backup.db");
  g_assert_cmpint (run.status, ==, 1);

  run_clear (&run);
}

static void
test_check_finds_problems (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *path = import_ceremony (f, f->db);
  sqlite3 *db = NULL;
  Run run = { 0 };

  /* Every award of one decision marked deleted leaves an empty decision. */
  g_assert_cmpint (sqlite3_open (f->db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE commendation SET deleted = 1"
                                     " WHERE decision_id = (SELECT max (decision_id)"
                                     " FROM commendation)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  run_cli (f, &run, "--database", f->db, "check");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, !=, "");
  g_assert_null (strstr (run.out, "No problems found."));
  g_assert_nonnull (strstr (run.err, "1 problem found."));
  run_clear (&run);
}

static void
test_not_a_database (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *garbage = NULL;
  g_autofree char *path = NULL;
  g_autofree char *after = NULL;
  g_autofree char *backup = g_build_filename (f->dir, "backup.db", NULL);
  const char *commands[][3] = {
    { "check", NULL },
    { "search", "bach", NULL },
    { "export", NULL },
    { "organisation", "1", NULL },
    { "report", "summary", NULL },
    { "backup", backup, NULL },
  };
  GRand *rand = g_rand_new_with_seed (42);
  gsize length = 8192;
  gsize after_length = 0;
  Run run = { 0 };

  garbage = g_malloc (length);
  for (gsize i = 0; i < length; i++)
    garbage[i] = (char) g_rand_int_range (rand, 0, 256);
  g_rand_free (rand);
  path = write_file (f, "garbage.db", garbage, length);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      const char *args[6] = { "--database", path, commands[i][0], commands[i][1], NULL };

      run_cliv (f, &run, NULL, args);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_cmpstr (run.out, ==, "");
      /* A sentence naming the file. */
      g_assert_nonnull (strstr (run.err, path));
      g_assert_nonnull (strstr (run.err, "database"));
    }

  /* Nothing was written into it. */
  after = read_file (path, &after_length);
  g_assert_cmpmem (after, after_length, garbage, length);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));

  /* Nor is it taken as a backup. */
  run_cli (f, &run, "--database", f->db, "restore", path);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, path));

  /* As a CSV file, it is a list of problems. */
  run_cli (f, &run, "--database", f->db, "import", path);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, path));

  run_clear (&run);
}

/* history: the audit log, newest first; an import is one entry. */
static void
test_history (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *first = import_ceremony (f, f->db);
  g_autofree char *second = write_file (f, "second, with a comma.csv",
                                        "decision_date,authority,award,recipient_type,recipient\n"
                                        "2012-05-01," UBND ",Giấy khen,collective,HTX Mới\n", -1);
  g_autofree char *expected = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) fields = NULL;
  g_autofree char *quoted = NULL;
  Run run = { 0 };

  run_cli (f, &run, "--database", f->db, "import", second);
  g_assert_cmpint (run.status, ==, 0);

  run_cli (f, &run, "--database", f->db, "history", "--format", "csv");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_cmpstr (lines[0], ==, "time,user,action,kind,record_id,record,details");
  g_assert_true (g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z,", lines[1], 0, 0));
  quoted = g_strdup_printf (",%s,import,import,,\"%s\",1 award", g_get_user_name (), second);
  g_assert_true (g_str_has_suffix (lines[1], quoted));
  expected = g_strdup_printf (",%s,import,import,,%s,%d awards", g_get_user_name (), first,
                              CEREMONY_ROWS);
  g_assert_true (g_str_has_suffix (lines[2], expected));
  g_assert_cmpstr (lines[3], ==, "");
  g_clear_pointer (&lines, g_strfreev);

  /* Text: tab-separated, the local time as dd/mm/yyyy. */
  run_cli (f, &run, "--database", f->db, "history", "--limit", "1");
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  fields = g_strsplit (lines[0], "\t", -1);
  g_assert_cmpuint (g_strv_length (fields), ==, 7);
  g_assert_true (g_regex_match_simple ("^[0-9]{2}/[0-9]{2}/[0-9]{4} [0-9:]{8}$", fields[0], 0, 0));
  g_assert_cmpstr (fields[1], ==, g_get_user_name ());
  g_assert_cmpstr (fields[2], ==, "import");
  g_assert_cmpstr (fields[3], ==, "import");
  g_assert_cmpstr (fields[4], ==, "");
  g_assert_cmpstr (fields[5], ==, second);
  g_assert_cmpstr (fields[6], ==, "1 award");

  run_cli (f, &run, "--database", f->db, "history", "--since", "01/01/2100");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, "No change is recorded.\n");

  run_cli (f, &run, "--database", f->db, "history", "--since", "yesterday");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "“yesterday” is not a date"));

  run_cli (f, &run, "--database", f->db, "history", "--format", "pdf");
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);
}

/* A mistyped database for a command that only reads is an error, and nothing is created. */
static void
test_missing_database (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (f->dir, "mistyped", NULL);
  g_autofree char *db = g_build_filename (folder, "awards.db", NULL);
  g_autofree char *dest = g_build_filename (f->dir, "backup.db", NULL);
  g_autofree char *expected = g_strdup_printf ("coop-awards-cli: The database “%s” does not "
                                               "exist.\n", db);
  const char *const commands[][3] = {
    { "check", NULL }, { "search", "bach dang" }, { "report", "summary" }, { "export", NULL },
    { "history", NULL }, { "backup", dest }, { "organisation", "1" },
  };
  Run run = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      run_cli (f, &run, "--database", db, commands[i][0], commands[i][1]);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_cmpstr (run.err, ==, expected);
      g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (dest, G_FILE_TEST_EXISTS));
    }
  run_clear (&run);
}

/* An empty file is not a database: no command but an import makes one of it, and a dry run or
 * a failed import leaves it empty. */
static void
test_empty_database_file (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *expected = g_strdup_printf ("coop-awards-cli: “%s” is empty, not a Coop "
                                               "Awards database.\n", f->db);
  g_autofree char *bad = write_file (f, "bad.csv", "decision_number,decision_date\nx,y\n", -1);
  g_autofree char *csv = NULL;
  const char *const commands[][9] = {
    { "--database", f->db, "check", NULL },
    { "--database", f->db, "search", "bach dang", NULL },
    { "--database", f->db, "history", NULL },
    { "--database", f->db, "eligible", "--year", "2023", NULL },
    { "--database", f->db, "settings", "list", NULL },
    { "--database", f->db, "staff-class", NULL },
    { "--database", f->db, "authority-level", "UBND", NULL },
    { "--database", f->db, "report", "statistics", "--form", "0602", "--year", "2023", NULL },
  };
  Run run = { 0 };
  GStatBuf info;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_assert_true (g_file_set_contents (f->db, "", 0, NULL));
      run_cliv (f, &run, NULL, commands[i]);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_cmpstr (run.err, ==, expected);
      g_assert_cmpint (g_stat (f->db, &info), ==, 0);
      g_assert_cmpint (info.st_size, ==, 0);
    }

  /* A dry run checks against a database of its own; a failed import leaves the file empty. */
  csv = import_ceremony (f, f->db);
  g_assert_true (g_file_set_contents (f->db, "", 0, NULL));
  run_cli (f, &run, "--database", f->db, "import", "--dry-run", csv);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpint (g_stat (f->db, &info), ==, 0);
  g_assert_cmpint (info.st_size, ==, 0);
  run_cli (f, &run, "--database", f->db, "import", bad);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpint (g_stat (f->db, &info), ==, 0);
  g_assert_cmpint (info.st_size, ==, 0);

  /* An import starts a database in it, as in a missing file. */
  g_free (import_ceremony (f, f->db));
  run_cli (f, &run, "--database", f->db, "check");
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
}

/* A database version below zero was never written by the program: a sentence, not a crash. */
static void
test_negative_version (Fixture       *f,
                       gconstpointer  data)
{
  sqlite3 *db = NULL;
  Run run = { 0 };

  g_assert_cmpint (sqlite3_open (f->db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = -1", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (db);
  run_cli (f, &run, "--database", f->db, "check");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "is damaged: its database version (-1) is not one"));
  run_clear (&run);
}

static void
test_translation (Fixture       *f,
                  gconstpointer  data)
{
  const char *english = "No problems found.";
  const char *translated;
  g_autofree char *expected = NULL;
  g_autofree char *count = NULL;
  g_autofree char *mo = NULL;
  Run run = { 0 };

  if (build_localedir == NULL)
    {
      g_test_skip ("No build locale folder given");
      return;
    }
  mo = g_build_filename (build_localedir, "vi", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_test (mo, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("The Vietnamese translation is not built");
      return;
    }

  /* What the catalogue says, read the way the tool reads it. */
  g_setenv ("LANGUAGE", "vi", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, build_localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  translated = dgettext (GETTEXT_PACKAGE, english);
  g_unsetenv ("LANGUAGE");
  if (g_str_equal (translated, english))
    {
      g_test_skip ("“No problems found.” is not translated yet");
      return;
    }

  g_free (import_ceremony (f, f->db));
  f->env = g_environ_setenv (f->env, "LANGUAGE", "vi", TRUE);
  f->env = g_environ_setenv (f->env, "COOP_AWARDS_LOCALEDIR", build_localedir, TRUE);
  run_cli (f, &run, "--database", f->db, "check");
  g_assert_cmpint (run.status, ==, 0);
  expected = g_strdup_printf ("%s\n", translated);
  g_assert_cmpstr (run.out, ==, expected);

  /* The history in Vietnamese words for people, in the log's own for scripts. */
  run_cli (f, &run, "--database", f->db, "authority-level", UBND, "district");
  g_assert_cmpint (run.status, ==, 0);
  run_cli (f, &run, "--database", f->db, "history");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\tCấp: Bộ, ngành, tỉnh → Huyện\n"));
  count = g_strdup_printf ("\t%d lượt khen thưởng\n", CEREMONY_ROWS);
  g_assert_nonnull (strstr (run.out, count));
  run_cli (f, &run, "--database", f->db, "history", "--format", "csv");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, ",level: province → district\n"));
  g_free (count);
  count = g_strdup_printf (",%d awards\n", CEREMONY_ROWS);
  g_assert_nonnull (strstr (run.out, count));
  run_clear (&run);
}

int
main (int    argc,
      char **argv)
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  if (argc < 2)
    g_error ("Usage: %s [OPTION…] PATH-TO-coop-awards-cli [BUILD-LOCALEDIR]", argv[0]);
  /* Absolute, because the tool runs in each test's own folder. */
  cli_path = g_canonicalize_filename (argv[1], NULL);
  if (argc > 2)
    build_localedir = g_canonicalize_filename (argv[2], NULL);

#define ADD(path, func) \
  g_test_add ((path), Fixture, NULL, fixture_setup, (func), fixture_teardown)

  ADD ("/cli/help-and-version", test_help_and_version);
  ADD ("/cli/usage/wrong", test_wrong_usage);
  ADD ("/cli/database/choice", test_database_choice);
  ADD ("/cli/import/ok", test_import_ok);
  ADD ("/cli/import/dry-run", test_import_dry_run);
  ADD ("/cli/import/failed-starts-nothing", test_import_failed_starts_nothing);
  ADD ("/cli/import/twice-unnumbered", test_import_twice_unnumbered);
  ADD ("/cli/import/nothing-done-not-logged", test_nothing_done_not_logged);
  ADD ("/cli/import/stdin", test_import_stdin);
  ADD ("/cli/import/bad-rows", test_import_bad);
  ADD ("/cli/import/near-name", test_import_near_name);
  ADD ("/cli/import/near-person", test_import_near_person);
  ADD ("/cli/import/missing-file", test_import_missing_file);
  ADD ("/cli/export/round-trip", test_export_round_trip);
  ADD ("/cli/search", test_search);
  ADD ("/cli/organisation", test_organisation);
  ADD ("/cli/report/summary-csv", test_report_summary_csv);
  ADD ("/cli/report/other-kinds", test_report_other_kinds);
  ADD ("/cli/safety/backup-restore-check", test_backup_restore_check);
  ADD ("/cli/safety/check-finds-problems", test_check_finds_problems);
  ADD ("/cli/safety/not-a-database", test_not_a_database);
  ADD ("/cli/translation", test_translation);
  ADD ("/cli/history", test_history);
  ADD ("/cli/database/missing", test_missing_database);
  ADD ("/cli/database/negative-version", test_negative_version);
  ADD ("/cli/database/empty-file", test_empty_database_file);

  status = g_test_run ();
  g_free (cli_path);
  g_free (build_localedir);
  return status;
}
