/* test-cli-server.c: init-server and copy, run as separate programs against files and the test
 * server (the PostgreSQL half is skipped when tools/test could not start a server)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <gio/gio.h>
#include <gio/gunixsocketaddress.h>
#include <glib/gstdio.h>

#include "awards-db.h"
#include "awards-test-pg.h"
#include "awards-test-util.h"

static char *cli_path;
static char *sample_csv;

typedef struct
{
  char  *dir;
  char  *server;    /* a fresh server database, or NULL */
  GStrv  env;
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

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *why = NULL;

  f->dir = awards_test_make_dir ("test-cli-server");
  f->env = g_get_environ ();
  f->env = g_environ_setenv (f->env, "COOP_AWARDS_DB", "/nonexistent/tests-must-pass-database",
                             TRUE);
  f->env = g_environ_setenv (f->env, "XDG_DATA_HOME", f->dir, TRUE);
  f->env = g_environ_setenv (f->env, "G_DEBUG", "fatal-warnings", TRUE);
  f->env = g_environ_setenv (f->env, "LC_ALL", "C.UTF-8", TRUE);
  f->env = g_environ_unsetenv (f->env, "LANGUAGE");
  if (GPOINTER_TO_INT (data))
    {
      f->server = awards_test_pg_new_database (&why);
      if (f->server == NULL)
        g_test_skip (why);
    }
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  awards_test_pg_drop_database (f->server);
  awards_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->server);
  g_strfreev (f->env);
}

static GSubprocess *
spawn (Fixture            *f,
       const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  g_ptr_array_add (argv, cli_path);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_subprocess_launcher_set_environ (launcher, f->env);
  g_subprocess_launcher_set_cwd (launcher, f->dir);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  return process;
}

static void
finish (GSubprocess *process,
        Run         *run)
{
  g_autoptr(GError) error = NULL;

  run_clear (run);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_if_exited (process))
    g_error ("coop-awards-cli was killed by signal %d; stderr:\n%s",
             g_subprocess_get_term_sig (process), run->err);
  run->status = g_subprocess_get_exit_status (process);
  g_test_message ("exit %d\nstdout: %.2000s\nstderr: %s", run->status, run->out, run->err);
}

#define RUN(f, run, ...) G_STMT_START {                                     \
    const char *run_args[] = { __VA_ARGS__, NULL };                         \
    g_autoptr(GSubprocess) run_process = spawn ((f), run_args);             \
    finish (run_process, (run));                                            \
  } G_STMT_END

static void
exec_sql (const char *name,
          const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsDb) db = awards_db_open (name, 0, &error);

  g_assert_no_error (error);
  awards_db_exec (db, sql, &error);
  g_assert_no_error (error);
}

static gint64
count_rows (const char *name,
            const char *table)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsDb) db = awards_db_open (name, AWARDS_DB_OPEN_READ_ONLY, &error);
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  g_autoptr(AwardsDbStmt) stmt = NULL;

  g_assert_no_error (error);
  stmt = awards_db_prepare (db, sql, &error);
  g_assert_true (awards_db_stmt_step (stmt, &error));
  return awards_db_stmt_column_int64 (stmt, 0);
}

/* The sample ceremony, with what an import alone would not make: an organisation whose parent
 * came later (a row that refers forward), settings and a second change in the history. */
static char *
make_source (Fixture *f)
{
  char *source = g_build_filename (f->dir, "source.db", NULL);
  Run run = { 0 };

  RUN (f, &run, "--database", source, "import", sample_csv);
  g_assert_cmpint (run.status, ==, 0);
  RUN (f, &run, "--database", source, "settings", "set", "office.name",
       "Liên minh Hợp tác xã thành phố Hải Phòng");
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  exec_sql (source, "UPDATE organisation SET parent_id = (SELECT max (id) FROM organisation)"
                    " WHERE id = (SELECT min (id) FROM organisation)");
  return source;
}

static char *
export_of (Fixture    *f,
           const char *database)
{
  Run run = { 0 };
  char *out;

  RUN (f, &run, "--database", database, "export");
  g_assert_cmpint (run.status, ==, 0);
  out = g_steal_pointer (&run.out);
  run_clear (&run);
  return out;
}

static char *
checksum_in (const char *out)
{
  const char *at = strstr (out, "SHA-256 ");

  g_assert_nonnull (at);
  return g_strndup (at + strlen ("SHA-256 "), 64);
}

/* A file → the server → a file gives back the same export, history and settings. */
static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *source = NULL;
  g_autofree char *back = NULL;
  g_autofree char *first_sum = NULL;
  g_autofree char *second_sum = NULL;
  g_autofree char *export_source = NULL;
  g_autofree char *export_back = NULL;
  Run run = { 0 };
  Run history_source = { 0 };
  Run history_back = { 0 };

  if (f->server == NULL)
    return;
  source = make_source (f);
  back = g_build_filename (f->dir, "back.db", NULL);

  RUN (f, &run, "init-server", f->server);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "is now a Coop Awards database"));

  RUN (f, &run, "copy", "--from", source, "--to", f->server);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Copied 27 awards"));
  first_sum = checksum_in (run.out);
  g_assert_cmpint (count_rows (f->server, "commendation"), ==, 27);

  RUN (f, &run, "copy", "--from", f->server, "--to", back);
  g_assert_cmpint (run.status, ==, 0);
  second_sum = checksum_in (run.out);
  g_assert_cmpstr (first_sum, ==, second_sum);

  export_source = export_of (f, source);
  export_back = export_of (f, back);
  g_assert_cmpstr (export_source, ==, export_back);
  g_assert_cmpint (strlen (export_source), >, 1000);

  /* A backup of the server database is a checked file copy, replacing an older backup whole. */
  {
    g_autofree char *backup = g_build_filename (f->dir, "backup.db", NULL);
    g_autofree char *export_backup = NULL;
    g_autoptr(GDir) dir = NULL;
    const char *name;

    g_assert_true (g_file_set_contents (backup, "last week's backup", -1, NULL));
    RUN (f, &run, "--database", f->server, "backup", backup);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "Backed up"));
    export_backup = export_of (f, backup);
    g_assert_cmpstr (export_source, ==, export_backup);
    dir = g_dir_open (f->dir, 0, NULL);
    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_false (g_str_has_prefix (name, ".coop-awards-backup"));
    RUN (f, &run, "--database", f->server, "restore", backup);
    g_assert_cmpint (run.status, ==, 1);

    /* The rule of every written file holds for a server's backup too: never over a device. */
    RUN (f, &run, "--database", f->server, "backup", "/dev/null");
    g_assert_cmpint (run.status, ==, 1);
    g_assert_true (g_file_test ("/dev/null", G_FILE_TEST_EXISTS) &&
                   !g_file_test ("/dev/null", G_FILE_TEST_IS_REGULAR));
  }

  RUN (f, &history_source, "--database", source, "history", "--format", "csv");
  RUN (f, &history_back, "--database", back, "history", "--format", "csv");
  g_assert_cmpstr (history_source.out, ==, history_back.out);
  RUN (f, &run, "--database", back, "settings", "get", "office.name");
  g_assert_cmpstr (run.out, ==, "Liên minh Hợp tác xã thành phố Hải Phòng\n");

  /* The copy is a database the program goes on with: a new award gets a new id. */
  RUN (f, &run, "--database", back, "search", "hai phong");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "3457/QĐ-UBND"));
  exec_sql (f->server, "INSERT INTO setting (key, value) VALUES ('signer.name', 'Nguyễn Văn A')");

  run_clear (&run);
  run_clear (&history_source);
  run_clear (&history_back);
}

/* What copy and init-server refuse, each with a sentence and nothing written. */
static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *source = NULL;
  g_autofree char *existing = NULL;
  g_autofree char *not_ours = NULL;
  g_autofree char *nowhere = NULL;
  Run run = { 0 };

  if (f->server == NULL)
    return;
  source = make_source (f);
  existing = g_build_filename (f->dir, "existing.db", NULL);
  not_ours = g_build_filename (f->dir, "notes.txt", NULL);
  nowhere = g_build_filename (f->dir, "no-such-folder", "copy.db", NULL);
  g_assert_true (g_file_set_contents (existing, "keep me", -1, NULL));
  g_assert_true (g_file_set_contents (not_ours, "not a database at all", -1, NULL));

  RUN (f, &run, "init-server", f->server);
  g_assert_cmpint (run.status, ==, 0);

  RUN (f, &run, "copy", "--from", source, "--to", existing);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "already exists"));
  {
    g_autofree char *kept = NULL;

    g_assert_true (g_file_get_contents (existing, &kept, NULL, NULL));
    g_assert_cmpstr (kept, ==, "keep me");
  }

  RUN (f, &run, "copy", "--from", not_ours, "--to", f->server);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "notes.txt"));

  RUN (f, &run, "copy", "--from", source, "--to", nowhere);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "no-such-folder"));

  RUN (f, &run, "copy", "--from", source, "--to", source);
  g_assert_cmpint (run.status, ==, 1);

  RUN (f, &run, "copy", "--from", source);
  g_assert_cmpint (run.status, ==, 2);

  /* A row the server's rules refuse (SQLite was told to ignore its own check): the copy stops
   * and the server database keeps nothing. */
  exec_sql (source, "PRAGMA ignore_check_constraints = ON;"
                    " UPDATE organisation SET founded = 'last year' WHERE id = (SELECT max (id)"
                    " FROM organisation)");
  RUN (f, &run, "copy", "--from", source, "--to", f->server);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "organisation"));
  g_assert_cmpint (count_rows (f->server, "organisation"), ==, 0);
  g_assert_cmpint (count_rows (f->server, "commendation"), ==, 0);
  exec_sql (source, "PRAGMA ignore_check_constraints = ON;"
                    " UPDATE organisation SET founded = NULL WHERE founded = 'last year'");

  /* Once filled, a server database takes no second copy. */
  RUN (f, &run, "copy", "--from", source, "--to", f->server);
  g_assert_cmpint (run.status, ==, 0);
  RUN (f, &run, "copy", "--from", source, "--to", f->server);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "already holds records"));
  g_assert_cmpint (count_rows (f->server, "commendation"), ==, 27);

  /* init-server on a database of this version changes nothing; a newer one is refused. */
  RUN (f, &run, "init-server", f->server);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "already a Coop Awards database"));
  exec_sql (f->server, "UPDATE awards_meta SET value = '99' WHERE key = 'schema_version'");
  RUN (f, &run, "init-server", f->server);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "newer version"));
  RUN (f, &run, "copy", "--from", f->server, "--to", existing);
  g_assert_cmpint (run.status, ==, 1);

  /* A file is not a server address. */
  RUN (f, &run, "init-server", source);
  g_assert_cmpint (run.status, ==, 1);
  run_clear (&run);
}

static void
test_other_program (Fixture       *f,
                    gconstpointer  data)
{
  Run run = { 0 };

  if (f->server == NULL)
    return;
  /* A view of another program's, with one of our tables' names, is not taken for ours. */
  exec_sql (f->server, "CREATE VIEW organisation AS SELECT 1 AS id");
  RUN (f, &run, "init-server", f->server);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "another program"));
  exec_sql (f->server, "DROP VIEW organisation; CREATE TABLE invoices (id bigint, total numeric)");
  RUN (f, &run, "init-server", f->server);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "another program"));
  g_assert_cmpint (count_rows (f->server, "invoices"), ==, 0);
  run_clear (&run);
}

/* A new database that cannot hold Vietnamese (not UTF-8), or that belongs to another user than
 * the one setting it up (a superuser would make tables the owner cannot share), is refused with
 * what to do, and nothing is made in it. */
static void
test_init_refuses_wrong_database (Fixture       *f,
                                  gconstpointer  data)
{
  int pid = (int) getpid ();
  g_autofree char *latin1 = g_strdup_printf ("coop_awards_latin1_%d", pid);
  g_autofree char *owned = g_strdup_printf ("coop_awards_owned_%d", pid);
  g_autofree char *owner = g_strdup_printf ("coop_awards_owner_%d", pid);
  g_autofree char *create = NULL;
  g_autofree char *drop = NULL;
  g_autofree char *latin1_name = NULL;
  g_autofree char *owned_name = NULL;
  g_autofree char *as_owner = NULL;
  Run run = { 0 };

  if (f->server == NULL)
    return;
  create = g_strdup_printf ("CREATE DATABASE %s ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C'"
                            " TEMPLATE template0", latin1);
  exec_sql (f->server, create);
  g_clear_pointer (&create, g_free);
  create = g_strdup_printf ("DROP ROLE IF EXISTS %s; CREATE ROLE %s LOGIN", owner, owner);
  exec_sql (f->server, create);
  g_clear_pointer (&create, g_free);
  create = g_strdup_printf ("CREATE DATABASE %s OWNER %s", owned, owner);
  exec_sql (f->server, create);
  latin1_name = g_strdup_printf ("%s dbname=%s", f->server, latin1);
  owned_name = g_strdup_printf ("%s dbname=%s", f->server, owned);
  as_owner = g_strdup_printf ("%s user=%s", owned_name, owner);

  RUN (f, &run, "init-server", latin1_name);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "LATIN1"));
  g_assert_nonnull (strstr (run.err, "UTF-8"));
  g_assert_cmpint (count_rows (latin1_name, "pg_catalog.pg_tables WHERE schemaname = 'public'"),
                   ==, 0);

  /* The test server's login is a superuser, but not this database's owner. */
  RUN (f, &run, "init-server", owned_name);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "Only the owner of"));
  g_assert_nonnull (strstr (run.err, owner));
  g_assert_cmpint (count_rows (owned_name, "pg_catalog.pg_tables WHERE schemaname = 'public'"),
                   ==, 0);
  /* Its owner may. */
  RUN (f, &run, "init-server", as_owner);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "is now"));
  run_clear (&run);

  /* One statement at a time: DROP DATABASE runs outside a transaction only. */
  drop = g_strdup_printf ("DROP DATABASE %s WITH (FORCE)", latin1);
  exec_sql (f->server, drop);
  g_clear_pointer (&drop, g_free);
  drop = g_strdup_printf ("DROP DATABASE %s WITH (FORCE)", owned);
  exec_sql (f->server, drop);
  g_clear_pointer (&drop, g_free);
  drop = g_strdup_printf ("DROP ROLE %s", owner);
  exec_sql (f->server, drop);
}

/* A server that answers but has no such database, or no such user, says which, in a sentence
 * before its own words. */
static void
test_missing_database_or_user (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *no_database = NULL;
  g_autofree char *no_user = NULL;
  Run run = { 0 };

  if (f->server == NULL)
    return;
  no_database = g_strdup_printf ("%s dbname=coop_awards_no_such_database", f->server);
  no_user = g_strdup_printf ("%s user=coop_awards_no_such_clerk", f->server);

  RUN (f, &run, "--database", no_database, "search", "x");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "the server has no database of that name"));
  g_assert_nonnull (strstr (run.err, "init-server"));

  RUN (f, &run, "--database", no_user, "search", "x");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "the server has no user of that name"));
  run_clear (&run);
}

/* Two clerks set up the same new database at the same moment: one makes it, the other finds it
 * made, and both succeed. */
static void
test_init_twice_at_once (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GSubprocess) first = NULL;
  g_autoptr(GSubprocess) second = NULL;
  Run one = { 0 };
  Run two = { 0 };

  if (f->server == NULL)
    return;
  first = spawn (f, (const char *[]) { "init-server", f->server, NULL });
  second = spawn (f, (const char *[]) { "init-server", f->server, NULL });
  finish (first, &one);
  finish (second, &two);
  g_assert_cmpint (one.status, ==, 0);
  g_assert_cmpint (two.status, ==, 0);
  g_assert_true ((strstr (one.out, "is now") != NULL) != (strstr (two.out, "is now") != NULL));
  run_clear (&one);
  run_clear (&two);
}

/* A list of @n awards of its own decisions (numbers from @first), to organisations and people
 * that another such list shares: two clerks importing at once both make "HTX Chung 7". */
static char *
write_list (Fixture *f,
            const char *name,
            guint    first,
            guint    n)
{
  g_autoptr(GString) csv = g_string_new ("decision_number,decision_date,authority,award,"
                                         "recipient_type,recipient,organisation,position,"
                                         "achievement,period\n");
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  for (guint i = 0; i < n; i++)
    {
      guint decision = first + i / 50;

      if (i % 3 == 0)
        g_string_append_printf (csv, "%u/QĐ-LMHTX,15/0%u/2012,Liên minh HTX thành phố Hải Phòng,"
                                "Bằng khen,tập thể,HTX Chung %u,,,Thành tích năm 2012,2012\n",
                                decision, 1 + decision % 9, i % 40);
      else
        g_string_append_printf (csv, "%u/QĐ-LMHTX,15/0%u/2012,Liên minh HTX thành phố Hải Phòng,"
                                "Bằng khen,cá nhân,Nguyễn Văn Chung %u,HTX Chung %u,Xã viên,"
                                "Thành tích năm 2012,2012\n",
                                decision, 1 + decision % 9, i % 97, i % 40);
    }
  g_file_set_contents (path, csv->str, -1, &error);
  g_assert_no_error (error);
  return path;
}

static int
compare_lines (const void *a,
               const void *b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The lines of an export, sorted: the same awards whichever import landed first. */
static char *
sorted_lines (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  qsort (lines, g_strv_length (lines), sizeof (char *), compare_lines);
  return g_strjoinv ("\n", lines);
}

/* Two clerks import different files into the office database at the same moment: both land,
 * whole, and the database holds what importing one after the other into a file gives. */
static void
test_two_imports_at_once (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *first_list = write_list (f, "first.csv", 100, 1500);
  g_autofree char *second_list = write_list (f, "second.csv", 500, 1500);
  g_autofree char *file = g_build_filename (f->dir, "one-after-the-other.db", NULL);
  g_autofree char *on_file = NULL;
  g_autofree char *on_server = NULL;
  g_autofree char *sorted_file = NULL;
  g_autofree char *sorted_server = NULL;
  g_autoptr(GSubprocess) first = NULL;
  g_autoptr(GSubprocess) second = NULL;
  Run one = { 0 };
  Run two = { 0 };

  if (f->server == NULL)
    return;
  RUN (f, &one, "init-server", f->server);
  g_assert_cmpint (one.status, ==, 0);

  first = spawn (f, (const char *[]) { "--database", f->server, "import", first_list, NULL });
  second = spawn (f, (const char *[]) { "--database", f->server, "import", second_list, NULL });
  finish (first, &one);
  finish (second, &two);
  g_assert_cmpint (one.status, ==, 0);
  g_assert_cmpint (two.status, ==, 0);
  g_assert_cmpint (count_rows (f->server, "commendation"), ==, 3000);
  /* One organisation per name, however the two imports met. */
  g_assert_cmpint (count_rows (f->server, "organisation"), ==,
                   count_rows (f->server, "(SELECT DISTINCT name FROM organisation) AS names"));

  RUN (f, &one, "--database", file, "import", first_list);
  g_assert_cmpint (one.status, ==, 0);
  RUN (f, &one, "--database", file, "import", second_list);
  g_assert_cmpint (one.status, ==, 0);
  on_file = export_of (f, file);
  on_server = export_of (f, f->server);
  sorted_file = sorted_lines (on_file);
  sorted_server = sorted_lines (on_server);
  g_assert_cmpstr (sorted_file, ==, sorted_server);
  run_clear (&one);
  run_clear (&two);
}

/* A database set up by the first server version, without the triggers that record each change:
 * it can only be read until init-server is run again, which adds them and says so. */
static void
test_init_brings_up_to_date (Fixture       *f,
                             gconstpointer  data)
{
  Run run = { 0 };

  if (f->server == NULL)
    return;
  RUN (f, &run, "init-server", f->server);
  g_assert_cmpint (run.status, ==, 0);
  exec_sql (f->server, "DROP TRIGGER commendation_capture ON commendation;"
                       " DROP TRIGGER person_count_insert ON person");

  RUN (f, &run, "--database", f->server, "import", sample_csv);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "init-server"));
  g_assert_cmpint (count_rows (f->server, "commendation"), ==, 0);

  RUN (f, &run, "init-server", f->server);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "earlier version"));
  g_assert_cmpint (count_rows (f->server, "pg_trigger WHERE tgname IN"
                                          " ('commendation_capture', 'person_count_insert')"),
                   ==, 2);
  RUN (f, &run, "--database", f->server, "import", sample_csv);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpint (count_rows (f->server, "commendation"), ==, 27);

  /* Once up to date, nothing more is changed. */
  RUN (f, &run, "init-server", f->server);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "nothing was changed"));
  run_clear (&run);
}

/* A database made before the references of awards were checked once per statement has foreign
 * keys and row triggers instead: init-server replaces them, and the checks still refuse an award
 * of a decision that does not exist. */
static void
test_init_replaces_row_checks (Fixture       *f,
                               gconstpointer  data)
{
  Run run = { 0 };

  if (f->server == NULL)
    return;
  RUN (f, &run, "init-server", f->server);
  g_assert_cmpint (run.status, ==, 0);
  exec_sql (f->server,
            "DROP TRIGGER commendation_references_insert ON commendation;"
            " DROP TRIGGER commendation_eligibility_insert ON commendation;"
            " CREATE TRIGGER commendation_eligibility_insert BEFORE INSERT ON commendation"
            "  FOR EACH ROW EXECUTE FUNCTION awards_commendation_eligibility ();"
            " ALTER TABLE commendation ADD CONSTRAINT commendation_decision_id_fkey"
            "  FOREIGN KEY (decision_id) REFERENCES decision (id)");

  RUN (f, &run, "init-server", f->server);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "earlier version"));
  g_assert_cmpint (count_rows (f->server, "pg_constraint WHERE contype = 'f'"
                                          " AND conrelid = 'commendation'::regclass"), ==, 0);
  g_assert_cmpint (count_rows (f->server, "pg_trigger WHERE tgname IN"
                                          " ('commendation_references_insert',"
                                          "  'commendation_eligibility_insert')"
                                          " AND tgtype & 1 = 0"), ==, 2);
  RUN (f, &run, "--database", f->server, "import", sample_csv);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpint (count_rows (f->server, "commendation"), ==, 27);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(AwardsDb) db = awards_db_open (f->server, 0, &error);

    g_assert_no_error (error);
    g_assert_false (awards_db_exec (db, "INSERT INTO commendation (decision_id, award_type_id,"
                                        " authority_id, date, organisation_id, recipient_name)"
                                        " SELECT 999999, award_type_id, authority_id, date,"
                                        " organisation_id, recipient_name FROM commendation"
                                        " WHERE organisation_id IS NOT NULL LIMIT 1", &error));
    g_assert_nonnull (error);
    g_assert_nonnull (strstr (error->message, "foreign key"));
  }
  run_clear (&run);
}

/* The office's roles, set up as the README says (data/server/office-roles.sql): a clerk fills the
 * database, a reader copies it out but cannot write, and nobody but the owner rewrites history. */
static void
test_office_roles (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *source = NULL;
  g_autofree char *script_path = NULL;
  g_autofree char *script = NULL;
  g_autofree char *database = NULL;
  g_autofree char *clerk = g_strdup_printf ("clerk_%d", (int) getpid ());
  g_autofree char *reader = g_strdup_printf ("reader_%d", (int) getpid ());
  g_autofree char *as_clerk = NULL;
  g_autofree char *as_reader = NULL;
  g_autofree char *roles = NULL;
  g_autofree char *out = g_build_filename (f->dir, "leader.db", NULL);
  g_autoptr(GRegex) variable = g_regex_new (":\"database\"", 0, 0, NULL);
  g_autoptr(AwardsDb) db = NULL;
  g_autoptr(GError) error = NULL;
  Run run = { 0 };

  if (f->server == NULL)
    return;
  source = make_source (f);
  RUN (f, &run, "init-server", f->server);
  g_assert_cmpint (run.status, ==, 0);

  script_path = g_test_build_filename (G_TEST_DIST, "..", "data", "server", "office-roles.sql",
                                       NULL);
  database = g_strdup (strstr (f->server, "dbname='") + strlen ("dbname='"));
  *strchr (database, '\'') = '\0';
  {
    g_autofree char *raw = NULL;
    g_autofree char *quoted = g_strdup_printf ("\"%s\"", database);

    g_assert_true (g_file_get_contents (script_path, &raw, NULL, NULL));
    script = g_regex_replace_literal (variable, raw, -1, 0, quoted, 0, NULL);
  }
  roles = g_strdup_printf ("DROP ROLE IF EXISTS %s; DROP ROLE IF EXISTS %s;"
                           " CREATE ROLE %s LOGIN IN ROLE coop_awards_clerks;"
                           " CREATE ROLE %s LOGIN IN ROLE coop_awards_readers;",
                           clerk, reader, clerk, reader);
  exec_sql (f->server, script);
  exec_sql (f->server, roles);
  as_clerk = g_strdup_printf ("%s user=%s", f->server, clerk);
  as_reader = g_strdup_printf ("%s user=%s", f->server, reader);

  RUN (f, &run, "copy", "--from", source, "--to", as_reader);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "may only read"));
  g_assert_cmpint (count_rows (f->server, "commendation"), ==, 0);

  RUN (f, &run, "copy", "--from", source, "--to", as_clerk);
  g_assert_cmpint (run.status, ==, 0);
  /* A copy onto a server says what the office's logins need; one into a file does not. */
  g_assert_nonnull (strstr (run.out, "runs office-roles.sql on it"));
  RUN (f, &run, "copy", "--from", as_reader, "--to", out);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Copied 27 awards"));
  g_assert_null (strstr (run.out, "office-roles.sql"));

  db = awards_db_open (as_clerk, 0, &error);
  g_assert_no_error (error);
  g_assert_false (awards_db_exec (db, "DELETE FROM audit_log", &error));
  g_assert_error (error, AWARDS_DB_ERROR, AWARDS_DB_ERROR_READ_ONLY);
  g_clear_pointer (&db, awards_db_close);

  /* The leader reads and prints as anybody; a change is refused for the role, and a clerk's is
   * made. */
  RUN (f, &run, "--database", as_reader, "report", "summary", "--from", "2000-01-01", "--to",
       "2030-12-31");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Bằng khen"));
  RUN (f, &run, "--database", as_reader, "settings", "set", "office.place", "Hải Phòng");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "may only read the office database"));
  RUN (f, &run, "--database", as_clerk, "settings", "set", "office.place", "Hải Phòng");
  g_assert_cmpint (run.status, ==, 0);
  RUN (f, &run, "--database", as_reader, "settings", "get", "office.place");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "Hải Phòng\n");

  awards_test_pg_drop_database (f->server);
  g_clear_pointer (&f->server, g_free);
  {
    const char *maintenance = g_getenv ("COOP_AWARDS_TEST_PG");
    g_autofree char *drop = g_strdup_printf ("DROP ROLE %s; DROP ROLE %s", clerk, reader);

    exec_sql (maintenance, drop);
  }
  run_clear (&run);
}

/* A login the owner has not yet put in a group of office-roles.sql is told so in a sentence,
 * not with the server's "permission denied for table awards_meta"; and told that only the owner
 * sets the database up, not "permission denied to create extension". */
static void
test_login_without_group (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *login = g_strdup_printf ("nogroup_%d", (int) getpid ());
  g_autofree char *create = g_strdup_printf ("DROP ROLE IF EXISTS %s; CREATE ROLE %s LOGIN",
                                             login, login);
  g_autofree char *drop = g_strdup_printf ("DROP ROLE %s", login);
  g_autofree char *as_login = NULL;
  g_autofree char *source = NULL;
  Run run = { 0 };

  if (f->server == NULL)
    return;
  exec_sql (f->server, create);
  as_login = g_strdup_printf ("%s user=%s", f->server, login);
  /* Nor may it set the database up, or copy into one not set up: that is the owner's. */
  RUN (f, &run, "init-server", as_login);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "Only the owner of"));
  source = make_source (f);
  RUN (f, &run, "copy", "--from", source, "--to", as_login);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "Only the owner of"));
  g_assert_null (strstr (run.err, "may only read"));
  RUN (f, &run, "init-server", f->server);
  g_assert_cmpint (run.status, ==, 0);

  RUN (f, &run, "--database", as_login, "search", "htx");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "may not read"));
  g_assert_nonnull (strstr (run.err, "clerks or the readers"));
  g_assert_null (strstr (run.err, "permission denied"));

  /* In the clerks' group, on a database whose owner has not run office-roles.sql on it (one
   * just copied, say): that is what is said. */
  {
    g_autofree char *join = g_strdup_printf (
      "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'coop_awards_clerks')"
      " THEN CREATE ROLE coop_awards_clerks NOLOGIN; END IF; END $$;"
      " GRANT coop_awards_clerks TO %s", login);

    exec_sql (f->server, join);
  }
  RUN (f, &run, "--database", as_login, "search", "htx");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "does not give that group its rights yet"));
  g_assert_nonnull (strstr (run.err, "office-roles.sql"));

  awards_test_pg_drop_database (f->server);
  g_clear_pointer (&f->server, g_free);
  exec_sql (g_getenv ("COOP_AWARDS_TEST_PG"), drop);
  run_clear (&run);
}

/* File to file needs no server: the copy is a new, complete database. */
static void
test_file_to_file (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *source = make_source (f);
  g_autofree char *copy = g_build_filename (f->dir, "copy.db", NULL);
  g_autofree char *export_source = NULL;
  g_autofree char *export_copy = NULL;
  GStatBuf st;
  Run run = { 0 };

  RUN (f, &run, "copy", "--from", source, "--to", copy);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpint (g_stat (copy, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  export_source = export_of (f, source);
  export_copy = export_of (f, copy);
  g_assert_cmpstr (export_source, ==, export_copy);
  run_clear (&run);

  /* An award of nobody (written with the file's foreign keys off) is refused by the copy,
   * which names the file asked for, not the temporary one it writes first. */
  exec_sql (source, "PRAGMA foreign_keys = OFF;"
                    " UPDATE commendation SET organisation_id = 999999"
                    " WHERE id = (SELECT min (id) FROM commendation"
                    "             WHERE organisation_id IS NOT NULL)");
  g_clear_pointer (&copy, g_free);
  copy = g_build_filename (f->dir, "copy-2.db", NULL);
  RUN (f, &run, "copy", "--from", source, "--to", copy);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "holds a record that breaks the database’s rules, so "
                                     "nothing was copied: "));
  g_assert_nonnull (strstr (run.err, "copy-2.db: FOREIGN KEY constraint failed"));
  g_assert_null (strstr (run.err, ".copy-"));
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
  run_clear (&run);
}

/* A server that cannot be reached is said so, and its address is never taken for a file name
 * (which made a folder called "postgresql:"). */
static void
test_server_unreachable (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (f->dir, "postgresql:", NULL);
  Run run = { 0 };

  RUN (f, &run, "--database", "postgresql:///awards?host=/nonexistent", "search", "x");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "Cannot connect to the database server"));
  /* Why, in the clerk's words: no server at all, not a server that refused. libpq's own
   * lines and tabs follow on the same line. */
  g_assert_nonnull (strstr (run.err, "no database server answers at that address"));
  g_assert_null (strchr (run.err, '\t'));
  g_assert_true (strchr (run.err, '\n') == NULL || strchr (run.err, '\n')[1] == '\0');
  RUN (f, &run, "--database", "postgresql:///awards?host=/nonexistent", "import", sample_csv);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  /* A restore would have made a folder "host=" and a file in it. */
  RUN (f, &run, "--database", "host=/nonexistent dbname=awards", "restore", sample_csv);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "restore does not replace"));
  {
    g_autofree char *keyword_folder = g_build_filename (f->dir, "host=", NULL);

    g_assert_false (g_file_test (keyword_folder, G_FILE_TEST_EXISTS));
  }
  run_clear (&run);
}

/* Enough of PostgreSQL's side of the protocol to ask for a password and refuse every one, for
 * two connections, then to take the password and have no database of the name asked for: a
 * test cluster trusts everybody, and an office's server does not. */
static gpointer
password_server_thread (gpointer data)
{
  GSocket *listener = data;
  static const char ask[] = { 'R', 0, 0, 0, 8, 0, 0, 0, 3 };   /* a password, in clear */
  static const char wrong[] = "SFATAL\0VFATAL\0C28P01\0"
                              "Mpassword authentication failed for user \"lan\"\0";
  static const char no_database[] = "SFATAL\0VFATAL\0C3D000\0"
                                    "Mdatabase \"khenthuong_moi\" does not exist\0";

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr (GSocket) client = g_socket_accept (listener, NULL, NULL);
      const char *fields = i < 2 ? wrong : no_database;
      gsize size = i < 2 ? sizeof wrong : sizeof no_database;
      char refusal[5 + MAX (sizeof wrong, sizeof no_database)];
      char buffer[4096];

      if (client == NULL)
        break;
      /* The length counts itself and the fields with their closing zero (sizeof counts it). */
      refusal[0] = 'E';
      refusal[1] = refusal[2] = 0;
      refusal[3] = (char) ((4 + size) >> 8);
      refusal[4] = (char) ((4 + size) & 0xff);
      memcpy (refusal + 5, fields, size);
      g_socket_set_timeout (client, 20);
      if (g_socket_receive (client, buffer, sizeof buffer, NULL, NULL) > 0 &&
          g_socket_send (client, ask, sizeof ask, NULL, NULL) > 0 &&
          g_socket_receive (client, buffer, sizeof buffer, NULL, NULL) > 0)
        g_socket_send (client, refusal, 5 + size, NULL, NULL);
      g_socket_close (client, NULL);
    }
  return NULL;
}

/* A server that wants a password says so in a sentence: none given, or a wrong one. */
static void
test_server_password (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *socket_path = g_build_filename (f->dir, ".s.PGSQL.5432", NULL);
  /* No password from the environment or a ~/.pgpass either. */
  g_autofree char *without =
    g_strdup_printf ("postgresql:///khenthuong?host=%s&user=lan&passfile=/nonexistent", f->dir);
  g_autofree char *wrong = g_strdup_printf ("%s&password=sai", without);
  g_autoptr (GSocket) listener = NULL;
  g_autoptr (GSocketAddress) address = NULL;
  g_autoptr (GError) error = NULL;
  GThread *thread;
  Run run = { 0 };

  listener = g_socket_new (G_SOCKET_FAMILY_UNIX, G_SOCKET_TYPE_STREAM, 0, &error);
  g_assert_no_error (error);
  address = g_unix_socket_address_new (socket_path);
  g_assert_true (g_socket_bind (listener, address, FALSE, &error));
  g_assert_true (g_socket_listen (listener, &error));
  g_socket_set_timeout (listener, 20);
  thread = g_thread_new ("password-server", password_server_thread, listener);
  f->env = g_environ_unsetenv (f->env, "PGPASSWORD");

  RUN (f, &run, "--database", without, "search", "x");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "asks for a password and none was given"));
  RUN (f, &run, "--database", wrong, "search", "x");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "refused the user name or the password"));
  /* The password itself is never shown. */
  g_assert_null (strstr (run.err, "sai"));
  /* A login that gave a password and then failed for another reason says that reason. */
  RUN (f, &run, "--database", wrong, "search", "x");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "has no database of that name"));
  g_assert_null (strstr (run.err, "refused the user name or the password"));

  g_thread_join (thread);
  run_clear (&run);
}

/* Every command that reads gives the same output, byte for byte, on a file and on its copy on
 * the server; a change is refused with a sentence and changes nothing. */
static void
test_reads_as_the_file (Fixture       *f,
                        gconstpointer  data)
{
  static const char *const commands[][6] = {
    { "search", "htx", NULL },
    { "search", "nguyen van", NULL },
    { "search", "h", NULL },
    { "search", "Bạch Đằng", NULL },
    { "search", "3457", NULL },
    { "search", "không có ai", NULL },
    { "organisation", "1", NULL },
    { "organisation", "HTX Bạch Đằng", NULL },
    { "report", "summary", NULL },
    { "report", "summary", "--from", "2011-01-01", "--format", "csv" },
    { "report", "yearly", "--from-year", "2005", "--to-year", "2012", },
    { "report", "organisation", "2", NULL },
    { "report", "decision", "3457/QĐ-UBND", "--order", "name", },
    { "export", NULL },
    { "history", NULL },
    { "settings", "list", NULL },
    { "eligible", "--year", "2011", NULL },
    { "staff-class", NULL },
    { "check", NULL },
  };
  g_autofree char *source = NULL;
  Run on_file = { 0 };
  Run on_server = { 0 };

  if (f->server == NULL)
    return;
  source = make_source (f);
  RUN (f, &on_server, "init-server", f->server);
  g_assert_cmpint (on_server.status, ==, 0);
  RUN (f, &on_server, "copy", "--from", source, "--to", f->server);
  g_assert_cmpint (on_server.status, ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      const char *const *c = commands[i];

      RUN (f, &on_file, "--database", source, c[0], c[1], c[2], c[3], c[4], c[5]);
      RUN (f, &on_server, "--database", f->server, c[0], c[1], c[2], c[3], c[4], c[5]);
      g_test_message ("%s %s: %d / %d", c[0], c[1] != NULL ? c[1] : "", on_file.status,
                      on_server.status);
      g_assert_cmpint (on_file.status, ==, 0);
      g_assert_cmpint (on_server.status, ==, 0);
      g_assert_cmpstr (on_file.out, ==, on_server.out);
      g_assert_cmpstr (on_file.err, ==, on_server.err);
    }
  /* The search found something: the comparison above is not of two empty lists. */
  RUN (f, &on_server, "--database", f->server, "search", "htx");
  g_assert_nonnull (strstr (on_server.out, "HTX"));

  run_clear (&on_file);
  run_clear (&on_server);
}

/* A list large enough that a file takes it in bulk mode (its indexes and triggers put aside),
 * which a server does not have: people of a few cooperatives given awards in many decisions,
 * each name coming back in later decisions. */
static char *
write_large_list (Fixture *f,
                  guint    n_rows)
{
  static const char *const families[] = { "Nguyễn", "Trần", "Lê", "Phạm", "Đặng", "Vũ" };
  static const char *const given[] = { "Hùng", "Lan", "Đức", "Thảo", "Bình", "Mai", "Quý" };
  char *path = g_build_filename (f->dir, "large.csv", NULL);
  g_autoptr (GString) csv = g_string_new ("decision_number,decision_date,authority,award,"
                                          "recipient_type,recipient,organisation,position,"
                                          "achievement,period\n");
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < n_rows; i++)
    {
      guint decision = i / 40;

      if (i % 10 == 0)
        g_string_append_printf (csv, "%u/QĐ-UBND,%02u/12/%u,UBND thành phố Hải Phòng,Bằng khen,"
                                "tập thể,HTX Đông Hải %u,,,Hoàn thành xuất sắc nhiệm vụ,%u\n",
                                decision + 1, decision % 28 + 1, 2000 + decision % 25, i / 10,
                                2000 + decision % 25);
      else
        g_string_append_printf (csv, "%u/QĐ-UBND,%02u/12/%u,UBND thành phố Hải Phòng,"
                                "Lao động tiên tiến,cá nhân,%s Văn %s %u,HTX Đông Hải %u,"
                                "Xã viên,,%u\n",
                                decision + 1, decision % 28 + 1, 2000 + decision % 25,
                                families[i % G_N_ELEMENTS (families)],
                                given[(i / 7) % G_N_ELEMENTS (given)], i % 97, (i % 200) / 10,
                                2000 + decision % 25);
    }
  g_file_set_contents (path, csv->str, csv->len, &error);
  g_assert_no_error (error);
  return path;
}

static char *
read_file (const char *path)
{
  g_autoptr (GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* The same lists imported into a file and into the server give the same export, byte for byte,
 * and a list with bad rows is refused with the same sentences on both, with nothing written. */
static void
test_import_as_the_file (Fixture       *f,
                         gconstpointer  data)
{
  const char *bad_rows =
    "decision_number,decision_date,authority,award,recipient_type,recipient,organisation\n"
    "12/QĐ-X,28/12/2011,UBND thành phố Hải Phòng,Bằng khen,tập thể,HTX Bạch Đằng,\n"
    "12/QĐ-X,28/12/2011,UBND thành phố Hải Phòng,Bằng khen,tập thể,HTX Bạch Đằng,\n"
    "13/QĐ-X,28/12/2011,UBND thành phố Hải Phòng,Cờ thi đua xuất sắc,cá nhân,Trần Văn Bảy,"
    "HTX Bạch Đằng\n"
    "3456/QĐ-UBND,29/12/2011,UBND thành phố Hải Phòng,Bằng khen,tập thể,HTX Mới,\n";
  g_autofree char *file = NULL;
  g_autofree char *large = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *file_export = NULL;
  g_autofree char *server_export = NULL;
  g_autofree char *file_csv = NULL;
  g_autofree char *server_csv = NULL;
  g_autoptr (GError) error = NULL;
  Run on_file = { 0 };
  Run on_server = { 0 };

  if (f->server == NULL)
    return;
  file = g_build_filename (f->dir, "office.db", NULL);
  large = write_large_list (f, 6000);
  bad = g_build_filename (f->dir, "bad.csv", NULL);
  g_file_set_contents (bad, bad_rows, -1, &error);
  g_assert_no_error (error);
  file_export = g_build_filename (f->dir, "file.csv", NULL);
  server_export = g_build_filename (f->dir, "server.csv", NULL);
  RUN (f, &on_server, "init-server", f->server);
  g_assert_cmpint (on_server.status, ==, 0);

  RUN (f, &on_file, "--database", file, "import", sample_csv);
  RUN (f, &on_server, "--database", f->server, "import", sample_csv);
  g_assert_cmpint (on_file.status, ==, 0);
  g_assert_cmpint (on_server.status, ==, 0);
  g_assert_cmpstr (on_file.out, ==, on_server.out);

  /* Every bad row is told, the same way; a repeat in the file must not end the server's
   * transaction before the rows after it are checked. */
  RUN (f, &on_file, "--database", file, "import", bad);
  RUN (f, &on_server, "--database", f->server, "import", bad);
  g_assert_cmpint (on_file.status, ==, 1);
  g_assert_cmpint (on_server.status, ==, 1);
  g_assert_cmpstr (on_file.err, ==, on_server.err);
  g_assert_nonnull (strstr (on_server.err, "bad.csv:3: "));
  g_assert_nonnull (strstr (on_server.err, "bad.csv:4: "));
  g_assert_nonnull (strstr (on_server.err, "bad.csv:5: "));
  g_assert_cmpint (count_rows (f->server, "commendation"), ==, 27);

  RUN (f, &on_file, "--database", file, "import", "--allow-new", large);
  RUN (f, &on_server, "--database", f->server, "import", "--allow-new", large);
  g_assert_cmpint (on_file.status, ==, 0);
  g_assert_cmpint (on_server.status, ==, 0);
  g_assert_cmpstr (on_file.out, ==, on_server.out);
  g_assert_cmpint (count_rows (f->server, "commendation"), ==, 27 + 6000);

  RUN (f, &on_file, "--database", file, "export", "--output", file_export);
  g_assert_cmpint (on_file.status, ==, 0);
  RUN (f, &on_server, "--database", f->server, "export", "--output", server_export);
  g_assert_cmpint (on_server.status, ==, 0);
  file_csv = read_file (file_export);
  server_csv = read_file (server_export);
  g_assert_cmpuint (strlen (server_csv), >, 6000 * 50);
  g_assert_cmpstr (file_csv, ==, server_csv);
  run_clear (&on_file);
  run_clear (&on_server);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_assert_cmpint (argc, ==, 2);
  cli_path = argv[1];
  sample_csv = g_test_build_filename (G_TEST_DIST, "..", "data", "sample", "hai-phong-2011.csv",
                                      NULL);

  g_test_add ("/cli-server/file-to-file", Fixture, GINT_TO_POINTER (FALSE), fixture_setup,
              test_file_to_file, fixture_teardown);
  g_test_add ("/cli-server/server-unreachable", Fixture, GINT_TO_POINTER (FALSE),
              fixture_setup, test_server_unreachable, fixture_teardown);
  g_test_add ("/cli-server/server-password", Fixture, GINT_TO_POINTER (FALSE), fixture_setup,
              test_server_password, fixture_teardown);
  g_test_add ("/cli-server/postgresql/reads-as-the-file", Fixture, GINT_TO_POINTER (TRUE),
              fixture_setup, test_reads_as_the_file, fixture_teardown);
  g_test_add ("/cli-server/postgresql/import-as-the-file", Fixture, GINT_TO_POINTER (TRUE),
              fixture_setup, test_import_as_the_file, fixture_teardown);
  g_test_add ("/cli-server/postgresql/round-trip", Fixture, GINT_TO_POINTER (TRUE),
              fixture_setup, test_round_trip, fixture_teardown);
  g_test_add ("/cli-server/postgresql/refusals", Fixture, GINT_TO_POINTER (TRUE), fixture_setup,
              test_refusals, fixture_teardown);
  g_test_add ("/cli-server/postgresql/missing-database-or-user", Fixture,
              GINT_TO_POINTER (TRUE), fixture_setup, test_missing_database_or_user,
              fixture_teardown);
  g_test_add ("/cli-server/postgresql/init-refuses-wrong-database", Fixture,
              GINT_TO_POINTER (TRUE), fixture_setup, test_init_refuses_wrong_database,
              fixture_teardown);
  g_test_add ("/cli-server/postgresql/other-program", Fixture, GINT_TO_POINTER (TRUE),
              fixture_setup, test_other_program, fixture_teardown);
  g_test_add ("/cli-server/postgresql/office-roles", Fixture, GINT_TO_POINTER (TRUE),
              fixture_setup, test_office_roles, fixture_teardown);
  g_test_add ("/cli-server/postgresql/login-without-group", Fixture, GINT_TO_POINTER (TRUE),
              fixture_setup, test_login_without_group, fixture_teardown);
  g_test_add ("/cli-server/postgresql/init-brings-up-to-date", Fixture, GINT_TO_POINTER (TRUE),
              fixture_setup, test_init_brings_up_to_date, fixture_teardown);
  g_test_add ("/cli-server/postgresql/init-replaces-row-checks", Fixture, GINT_TO_POINTER (TRUE),
              fixture_setup, test_init_replaces_row_checks, fixture_teardown);
  g_test_add ("/cli-server/postgresql/two-imports-at-once", Fixture, GINT_TO_POINTER (TRUE),
              fixture_setup, test_two_imports_at_once, fixture_teardown);
  g_test_add ("/cli-server/postgresql/init-twice-at-once", Fixture, GINT_TO_POINTER (TRUE),
              fixture_setup, test_init_twice_at_once, fixture_teardown);
  return g_test_run ();
}
