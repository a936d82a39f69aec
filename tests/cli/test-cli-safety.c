/* test-cli-safety.c: the command line refuses to damage the database, across processes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: test-cli-safety [GTEST OPTION…] PATH-TO-coop-awards-cli
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <gio/gio.h>
#include <sqlite3.h>

static char *cli_path;

typedef struct
{
  char  *dir;
  char  *db;
  GStrv  env;
} Fixture;

#define CSV \
  "decision_number,decision_date,authority,award,recipient_type,recipient\n" \
  "1/QĐ-UBND,2011-12-28,UBND thành phố Hải Phòng,Bằng khen,collective,HTX Bạch Đằng\n" \
  "1/QĐ-UBND,2011-12-28,UBND thành phố Hải Phòng,Bằng khen,collective,HTX Tân Hưng\n"

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static int
run (Fixture     *f,
     char       **err_out,
     const char  *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *arg;
  va_list args;
  int status;

  g_ptr_array_add (argv, cli_path);
  g_ptr_array_add (argv, (char *) "--database");
  g_ptr_array_add (argv, f->db);
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (f->dir, (char **) argv->pdata, f->env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  if (err_out != NULL)
    *err_out = g_steal_pointer (&err);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;

  f->dir = g_dir_make_tmp ("test-cli-safety-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "awards.db", NULL);
  f->env = g_get_environ ();
  f->env = g_environ_setenv (f->env, "COOP_AWARDS_DB", "/nonexistent/tests-must-pass", TRUE);
  f->env = g_environ_setenv (f->env, "XDG_DATA_HOME", f->dir, TRUE);
  f->env = g_environ_setenv (f->env, "G_DEBUG", "fatal-warnings", TRUE);
  f->env = g_environ_setenv (f->env, "LC_ALL", "C.UTF-8", TRUE);
  f->env = g_environ_unsetenv (f->env, "LANGUAGE");

  csv = g_build_filename (f->dir, "a.csv", NULL);
  g_assert_true (g_file_set_contents (csv, CSV, -1, NULL));
  g_assert_cmpint (run (f, NULL, "import", "a.csv", NULL), ==, 0);
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
assert_refused (Fixture    *f,
                const char *words,
                const char *first,
                ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *err = NULL;
  const char *arg;
  va_list args;
  int status;

  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  while (argv->len < 6)
    g_ptr_array_add (argv, NULL);

  status = run (f, &err, g_ptr_array_index (argv, 0), g_ptr_array_index (argv, 1),
                g_ptr_array_index (argv, 2), g_ptr_array_index (argv, 3),
                g_ptr_array_index (argv, 4), g_ptr_array_index (argv, 5), NULL);
  g_assert_cmpint (status, ==, 1);
  if (strstr (err, words) == NULL)
    g_error ("“%s” does not say “%s”", err, words);
}

static void
assert_database_intact (Fixture *f)
{
  g_autofree char *err = NULL;

  g_assert_cmpint (run (f, &err, "check", NULL), ==, 0);
}

static void
test_outputs_refused (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *link = g_build_filename (f->dir, "x.csv", NULL);
  GStatBuf info;

  g_assert_cmpint (symlink ("awards.db", link), ==, 0);
  assert_refused (f, "open database itself", "export", "--output", "awards.db", NULL);
  assert_refused (f, "open database itself", "report", "summary", "--format", "pdf",
                  "--output", "awards.db");
  assert_refused (f, "link to the open database", "export", "--output", "x.csv", NULL);
  assert_refused (f, "working file", "backup", "awards.db-wal", NULL);
  assert_refused (f, "working file", "backup", "awards.db-journal", NULL);
  assert_refused (f, "device", "backup", "/dev/null", NULL);
  g_assert_cmpint (g_stat ("/dev/null", &info), ==, 0);
  g_assert_true (S_ISCHR (info.st_mode));
  assert_database_intact (f);
}

/* check --repair changes the database (and logs it), so it opens it for writing: opened for
 * reading like a plain check, its log entry was refused as a write to a read-only database. */
static void
test_repair_writes (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *err = NULL;
  g_autofree char *history = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status = 0;
  const char *argv[] = { cli_path, "--database", f->db, "history", NULL };
  sqlite3 *db = NULL;

  /* Something to repair (a repair that finds nothing changes nothing, and logs nothing): a
   * name stored behind a byte-order mark, as an older version did. */
  g_assert_cmpint (sqlite3_open (f->db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE organisation SET name = char (65279) || name"
                                     " WHERE id = (SELECT min (id) FROM organisation)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  g_assert_cmpint (run (f, &err, "check", "--repair", NULL), ==, 0);
  g_spawn_sync (f->dir, (char **) argv, f->env, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (out, "\trepair\t"));
}

/* Waits until a process other than the tests has registered as having the database open. */
static gboolean
wait_for_owner (Fixture *f)
{
  g_autofree char *folder = g_strconcat (f->db, "-owners", NULL);

  for (guint i = 0; i < 1000; i++)
    {
      g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        if (!g_str_equal (name, "lock") && !g_str_equal (name, "restored"))
          return TRUE;
      g_usleep (10 * 1000);
    }
  return FALSE;
}

static void
test_restore_refused_while_open (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  g_autofree char *pid_text = NULL;
  const char *argv[] = { cli_path, "--database", f->db, "import", "-", NULL };
  GPid pid;
  int status;
  int writer;

  g_assert_cmpint (run (f, NULL, "backup", "backup.db", NULL), ==, 0);

  /* An import that is still reading its standard input holds the database open. */
  g_assert_true (g_spawn_async_with_pipes (f->dir, (char **) argv, f->env,
                                           G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid,
                                           &writer, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (wait_for_owner (f));

  status = run (f, &err, "restore", "backup.db", NULL);
  g_assert_cmpint (status, ==, 1);
  pid_text = g_strdup_printf ("process %d", (int) pid);
  g_assert_nonnull (strstr (err, "coop-awards-cli"));
  g_assert_nonnull (strstr (err, pid_text));
  g_assert_nonnull (strstr (err, g_get_user_name ()));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (write (writer, CSV, strlen (CSV)), ==, (gssize) strlen (CSV));
  close (writer);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_spawn_close_pid (pid);

  /* Closed everywhere, a restore needs no force. */
  g_assert_cmpint (run (f, NULL, "restore", "backup.db", NULL), ==, 0);
  assert_database_intact (f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (argc < 2)
    {
      g_printerr ("usage: %s PATH-TO-coop-awards-cli\n", argv[0]);
      return 2;
    }
  cli_path = g_canonicalize_filename (argv[1], NULL);

  g_test_add ("/cli-safety/repair-writes", Fixture, NULL, fixture_setup, test_repair_writes,
              fixture_teardown);
  g_test_add ("/cli-safety/outputs-refused", Fixture, NULL, fixture_setup,
              test_outputs_refused, fixture_teardown);
  g_test_add ("/cli-safety/restore-refused-while-open", Fixture, NULL, fixture_setup,
              test_restore_refused_while_open, fixture_teardown);

  return g_test_run ();
}
