/* test-cli-readers.c: the commands that only read need no write lock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * search, organisation, export, report, check and backup open the database read-only: they work
 * while another program holds the write lock (as a long import does) and on a read-only copy in
 * a read-only folder, and a command that writes says why it cannot.
 */

#include "config.h"

#include <locale.h>
#include <pwd.h>
#include <string.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

static const char *cli_path;

typedef struct
{
  char *dir;
  char *db;
  char *csv;
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

/* Runs the tool; with @as_nobody, as an ordinary user (tests run as root in CI, and root may
 * write anything). */
static void
run_cliv (Run                *run,
          gboolean            as_nobody,
          const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  run_clear (run);
  if (as_nobody && geteuid () == 0)
    {
      g_ptr_array_add (argv, (gpointer) "setpriv");
      g_ptr_array_add (argv, (gpointer) "--reuid=nobody");
      g_ptr_array_add (argv, (gpointer) "--regid=nogroup");
      g_ptr_array_add (argv, (gpointer) "--clear-groups");
    }
  g_ptr_array_add (argv, (gpointer) cli_path);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
  g_test_message ("exit %d\nstdout: %.500s\nstderr: %s", run->status, run->out, run->err);
}

#define run_cli(run, ...) \
  run_cliv ((run), FALSE, (const char * const[]) { __VA_ARGS__, NULL })
#define run_cli_as_nobody(run, ...) \
  run_cliv ((run), TRUE, (const char * const[]) { __VA_ARGS__, NULL })

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Run run = { 0 };

  f->dir = g_dir_make_tmp ("test-cli-readers-XXXXXX", &error);
  g_assert_no_error (error);
  /* The ordinary user of the read-only test must reach the files. */
  g_assert_cmpint (g_chmod (f->dir, 0755), ==, 0);
  g_setenv ("XDG_DATA_HOME", f->dir, TRUE);
  g_setenv ("COOP_AWARDS_DB", "/nonexistent/tests-must-pass-database", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_unsetenv ("LANGUAGE");

  f->db = g_build_filename (f->dir, "awards.db", NULL);
  f->csv = g_build_filename (f->dir, "awards.csv", NULL);
  g_assert_true (g_file_set_contents (f->csv,
    "decision_number,decision_date,authority,award,recipient_type,recipient,organisation,"
    "position,achievement,period\n"
    "3456/QĐ-UBND,28/12/2011,UBND thành phố Hải Phòng,Bằng khen,collective,HTX Bạch Đằng,,,"
    "Hoàn thành xuất sắc nhiệm vụ,2011\n"
    "3456/QĐ-UBND,28/12/2011,UBND thành phố Hải Phòng,Bằng khen,individual,Trần Văn Bảy,"
    "HTX Bạch Đằng,Chủ nhiệm,Hoàn thành xuất sắc nhiệm vụ,2011\n", -1, NULL));
  g_assert_cmpint (g_chmod (f->csv, 0644), ==, 0);

  run_cli (&run, "--database", f->db, "import", f->csv);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
}

static void
remove_tree (const char *path)
{
  g_chmod (path, 0755);
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
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

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->csv);
}

/* Every command that only reads, on @db, with what each must print. */
static void
check_read_commands (Fixture    *f,
                     const char *db,
                     gboolean    as_nobody,
                     const char *backup)
{
  Run run = { 0 };

  run_cliv (&run, as_nobody, (const char * const[]) { "--database", db, "search", "bach dang",
                                                      NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "Organisation\tHTX Bạch Đằng\t"));

  run_cliv (&run, as_nobody, (const char * const[]) { "--database", db, "organisation",
                                                      "HTX Bạch Đằng", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Trần Văn Bảy"));

  run_cliv (&run, as_nobody, (const char * const[]) { "--database", db, "export", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "3456/QĐ-UBND,2011-12-28,UBND thành phố Hải Phòng"));

  run_cliv (&run, as_nobody, (const char * const[]) { "--database", db, "report", "summary",
                                                      "--from", "2011-01-01",
                                                      "--to", "2011-12-31", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "1 tập thể và 1 cá nhân"));

  run_cliv (&run, as_nobody, (const char * const[]) { "--database", db, "check", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "No problems found.\n");

  run_cliv (&run, as_nobody, (const char * const[]) { "--database", db, "backup", backup,
                                                      NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  run_clear (&run);
}

static void
test_read_while_another_program_writes (Fixture       *f,
                                        gconstpointer  data)
{
  g_autofree char *backup = g_build_filename (f->dir, "backup.db", NULL);
  sqlite3 *other = NULL;

  /* Another program holds the write lock with a change not yet committed, as an import does
   * for minutes. */
  g_assert_cmpint (sqlite3_open (f->db, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE;"
                                 "UPDATE organisation SET notes = 'not yet';",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  check_read_commands (f, f->db, FALSE, backup);

  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
}

static void
test_read_only_media (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *media = g_build_filename (f->dir, "media", NULL);
  g_autofree char *copy = g_build_filename (media, "awards.db", NULL);
  g_autofree char *out = g_build_filename (f->dir, "out", NULL);
  g_autofree char *backup = g_build_filename (out, "backup.db", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  Run run = { 0 };

  /* The file as the program leaves it (in WAL mode), without its log: a copy on a CD. */
  g_assert_cmpint (g_mkdir (media, 0755), ==, 0);
  g_assert_true (g_file_get_contents (f->db, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (copy, contents, length, NULL));
  g_assert_cmpint (g_chmod (copy, 0444), ==, 0);
  g_assert_cmpint (g_chmod (media, 0555), ==, 0);
  g_assert_cmpint (g_mkdir (out, 0777), ==, 0);
  g_assert_cmpint (g_chmod (out, 0777), ==, 0);

  check_read_commands (f, copy, TRUE, backup);

  /* A command that writes says that the database is read-only, not that it is damaged. */
  run_cli_as_nobody (&run, "--database", copy, "import", f->csv);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "read-only"));
  g_assert_null (strstr (run.err, "damaged"));
  run_clear (&run);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  if (argc < 2)
    g_error ("Usage: %s [OPTION…] PATH-TO-coop-awards-cli", argv[0]);
  cli_path = g_canonicalize_filename (argv[1], NULL);

  g_test_add ("/cli/readers/while-another-program-writes", Fixture, NULL, fixture_setup,
              test_read_while_another_program_writes, fixture_teardown);
  g_test_add ("/cli/readers/read-only-media", Fixture, NULL, fixture_setup,
              test_read_only_media, fixture_teardown);

  return g_test_run ();
}
