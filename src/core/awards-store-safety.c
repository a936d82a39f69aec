#include "config.h"

#include <errno.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "awards-command-private.h"
#include "awards-db.h"
#include "awards-output-file.h"
#include "awards-schema.h"
#include "awards-schema-pg.h"
#include "awards-store-owners.h"
#include "awards-store-private.h"

/* Backup, restore and the consistency check. */

#define COPY_BUSY_USEC (30 * G_USEC_PER_SEC)

/* Runs a backup to its end and finishes it. */
static gboolean
finish_copy (sqlite3_backup  *backup,
             GError         **error)
{
  gint64 busy_since = 0;
  int rc;

  /* Copy in steps so that a long copy does not keep other readers out for its whole length.
   * Another program's write transaction is waited for, but not for ever: a forced restore must
   * not hang behind an import that waits for its input. */
  do
    {
      rc = sqlite3_backup_step (backup, 1024);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        {
          if (busy_since == 0)
            busy_since = g_get_monotonic_time ();
          else if (g_get_monotonic_time () - busy_since > COPY_BUSY_USEC)
            break;
          sqlite3_sleep (20);
        }
      else
        busy_since = 0;
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish (backup);
  if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
    {
      g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_BUSY,
                   _("The copy failed: another program is writing to the database; try again "
                     "when it has finished."));
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_FAILED,
                   _("The copy failed: %s"), sqlite3_errstr (rc));
      return FALSE;
    }
  return TRUE;
}

static gboolean
copy_database (sqlite3     *source,
               sqlite3     *destination,
               GError     **error)
{
  sqlite3_backup *backup = sqlite3_backup_init (destination, "main", source, "main");

  if (backup == NULL)
    {
      g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_FAILED,
                   _("Could not start the copy: %s"), sqlite3_errmsg (destination));
      return FALSE;
    }
  return finish_copy (backup, error);
}

/* The log and shared-memory files of @path that are not there yet, NULL for one that is. */
typedef struct
{
  char *wal;
  char *shm;
} Traces;

static void
traces_note (Traces     *traces,
             const char *path)
{
  traces->wal = g_strconcat (path, "-wal", NULL);
  traces->shm = g_strconcat (path, "-shm", NULL);
  if (g_file_test (traces->wal, G_FILE_TEST_EXISTS))
    g_clear_pointer (&traces->wal, g_free);
  if (g_file_test (traces->shm, G_FILE_TEST_EXISTS))
    g_clear_pointer (&traces->shm, g_free);
}

/* A file in write-ahead-log mode opened read-only leaves its -wal and -shm files behind when it
 * is closed (only a writer removes them): those the read made go, so that reading a backup
 * leaves nothing beside it. A read-only connection writes nothing into them. */
static void
traces_remove (Traces *traces)
{
  if (traces->wal != NULL)
    g_unlink (traces->wal);
  if (traces->shm != NULL)
    g_unlink (traces->shm);
  g_clear_pointer (&traces->wal, g_free);
  g_clear_pointer (&traces->shm, g_free);
}

static gboolean verify_file_open (const char  *path,
                                  GError     **error);

/* Checks that @path is an intact Coop Awards database this version can read. */
static gboolean
verify_file (const char  *path,
             GError     **error)
{
  Traces traces = { NULL, NULL };
  gboolean ok;

  traces_note (&traces, path);
  ok = verify_file_open (path, error);
  traces_remove (&traces);
  return ok;
}

static gboolean
verify_file_open (const char  *path,
                  GError     **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *verdict = NULL;
  int application_id = -1;
  int version = -1;
  int rc;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_NOT_FOUND,
                   _("“%s” does not exist or is not a file."), path);
      return FALSE;
    }
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_NOT_A_DATABASE,
                   _("Could not open “%s”: %s"), path, sqlite3_errmsg (db));
      sqlite3_close (db);
      return FALSE;
    }

  rc = sqlite3_prepare_v2 (db, "SELECT (SELECT application_id FROM pragma_application_id),"
                               " (SELECT user_version FROM pragma_user_version)", -1, &stmt, NULL);
  if (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    {
      application_id = sqlite3_column_int (stmt, 0);
      version = sqlite3_column_int (stmt, 1);
    }
  sqlite3_finalize (stmt);
  stmt = NULL;
  if (application_id != AWARDS_APPLICATION_ID)
    {
      g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Coop Awards database."), path);
      sqlite3_close (db);
      return FALSE;
    }
  if (version > AWARDS_SCHEMA_VERSION)
    {
      g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Coop Awards."), path);
      sqlite3_close (db);
      return FALSE;
    }

  if (sqlite3_prepare_v2 (db, "PRAGMA integrity_check (1)", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    verdict = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  if (g_strcmp0 (verdict, "ok") != 0)
    {
      g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is damaged: %s"), path,
                   verdict != NULL ? verdict : _("it cannot be read"));
      return FALSE;
    }
  return TRUE;
}

/**
 * awards_store_backup:
 * @destination: the file to write; an existing file is replaced only once the new copy is
 *   complete and verified
 *
 * Copies the open database with SQLite's online backup, then checks the copy's integrity.
 */
gboolean
awards_store_backup (AwardsStore  *self,
                     const char   *destination,
                     GError      **error)
{
  g_autoptr(AwardsOutputFile) output = NULL;
  sqlite3 *target = NULL;
  gboolean ok;

  g_return_val_if_fail (AWARDS_IS_STORE (self), FALSE);
  g_return_val_if_fail (destination != NULL, FALSE);

  /* Refuses the database's own files, devices and folders; the copy is private. */
  output = awards_output_file_new (destination, error);
  if (output == NULL)
    return FALSE;
  if (sqlite3_open_v2 (awards_output_file_get_temp_path (output), &target,
                       SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_READ_ONLY,
                   _("Could not write the backup “%s”: %s"), destination,
                   sqlite3_errmsg (target));
      sqlite3_close (target);
      return FALSE;
    }

  awards_store_read_begin (self);
  ok = copy_database (awards_store_get_db (self), target, error);
  awards_store_read_end (self);
  /* A backup is one self-contained file: no write-ahead log beside it. */
  if (ok)
    sqlite3_exec (target, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  sqlite3_close (target);

  return ok &&
         verify_file (awards_output_file_get_temp_path (output), error) &&
         awards_output_file_commit (output, error);
}

/* Removes a database file and its journal files. */
static void
remove_database_files (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

/* Renames a database file and its journal files. */
static gboolean
move_aside (const char  *path,
            const char  *new_path,
            GError     **error)
{
  static const char *const suffixes[] = { "-wal", "-shm", "-journal" };

  if (g_rename (path, new_path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_READ_ONLY,
                   _("Could not keep a copy of “%s” before restoring: %s"), path,
                   g_strerror (saved_errno));
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (new_path, suffixes[i], NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS))
        g_rename (from, to);
    }
  return TRUE;
}

/* The copy of the replaced database: named with the date and time, and never over another. */
static char *
before_restore_path (const char *database_path)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  char *path = g_strdup_printf ("%s.before-restore-%s", database_path, stamp);

  for (guint n = 2; g_file_test (path, G_FILE_TEST_EXISTS); n++)
    {
      g_free (path);
      path = g_strdup_printf ("%s.before-restore-%s-%u", database_path, stamp, n);
    }
  return path;
}

/* Copies the database into a private file beside it. */
static gboolean
keep_copy (sqlite3     *current,
           const char  *copy_path,
           GError     **error)
{
  g_autoptr(AwardsOutputFile) output = awards_output_file_new (copy_path, error);
  sqlite3 *copy = NULL;
  gboolean ok;

  if (output == NULL)
    return FALSE;
  ok = sqlite3_open_v2 (awards_output_file_get_temp_path (output), &copy,
                        SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK;
  if (!ok)
    g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_READ_ONLY,
                 _("Could not keep a copy before restoring: %s"), sqlite3_errmsg (copy));
  else
    ok = copy_database (current, copy, error);
  if (ok)
    sqlite3_exec (copy, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  sqlite3_close (copy);
  return ok && awards_output_file_commit (output, error);
}

/* Removes a staged database with its journals and the folder of its openers. */
static void
remove_staged (const char *staged)
{
  g_autofree char *owners = g_strconcat (staged, "-owners", NULL);
  g_autoptr(GDir) dir = g_dir_open (owners, 0, NULL);
  const char *name;

  remove_database_files (staged);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (owners, name, NULL);

      g_unlink (file);
    }
  g_rmdir (owners);
}

/*
 * Makes the database to restore in a file of its own beside the database: a copy of @source,
 * brought up to this version's schema and with the restore recorded in its log. Copied over the
 * database in one step, it brings the log entry with it: a restore is never without one.
 */
static gboolean
stage_restored (const char  *staged,
                const char  *source,
                GError     **error)
{
  g_autoptr(AwardsStore) store = NULL;
  Traces traces = { NULL, NULL };
  sqlite3 *from = NULL;
  sqlite3 *to = NULL;
  gboolean ok;

  remove_staged (staged);
  if (!awards_output_file_create_private (staged, error))
    return FALSE;
  traces_note (&traces, source);
  if (sqlite3_open_v2 (source, &from, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_NOT_A_DATABASE,
                   _("Could not open “%s”: %s"), source, sqlite3_errmsg (from));
      sqlite3_close (from);
      traces_remove (&traces);
      remove_staged (staged);
      return FALSE;
    }
  ok = sqlite3_open_v2 (staged, &to, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK;
  if (!ok)
    g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_READ_ONLY,
                 _("Could not create “%s”: %s"), staged, sqlite3_errmsg (to));
  else
    ok = copy_database (from, to, error);
  sqlite3_close (from);
  traces_remove (&traces);
  sqlite3_close (to);

  if (ok)
    {
      store = awards_store_open (staged, error);
      ok = store != NULL && awards_command_log_restore (store, source, error);
      g_clear_object (&store);
    }
  if (!ok)
    remove_staged (staged);
  return ok;
}

typedef enum
{
  REPLACE_DONE,
  REPLACE_FAILED,        /* the database may not be what it was: the restore stops */
  REPLACE_NOT_COPIED,    /* the database was left as it was, and no copy of it was kept */
} ReplaceResult;

/* Whether @db writes ahead to a log: only then can the copy be read while the lock is held. */
static int
use_write_ahead_log (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, "PRAGMA journal_mode = WAL", -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        rc = g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0), "wal") == 0
               ? SQLITE_OK : SQLITE_READONLY;
    }
  sqlite3_finalize (stmt);
  return rc;
}

/*
 * Keeps a copy of the database at @copy_path and copies @from over it as one step for every
 * other program: the database's write lock is taken first and held until the restored content
 * is in place. A write another program commits before the lock is in the kept copy; one it
 * tries after it waits, and then either reaches the restored database or is refused as busy.
 * Without the lock such a write could land between the copy and the replacement and be lost
 * with nobody told.
 */
static ReplaceResult
replace_keeping_copy (sqlite3     *current,
                      const char  *database_path,
                      sqlite3     *from,
                      const char  *copy_path,
                      GError     **error)
{
  sqlite3_backup *backup;
  sqlite3 *reader = NULL;
  gint64 busy_since = 0;
  gboolean kept;
  int rc;

  sqlite3_busy_timeout (current, 5000);
  rc = use_write_ahead_log (current);
  if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
    {
      g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_BUSY,
                   _("Could not restore: another program is writing to the database; try "
                     "again when it has finished."));
      return REPLACE_FAILED;
    }
  if (rc != SQLITE_OK)
    {
      g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_READ_ONLY,
                   _("Could not keep a copy before restoring: %s"), sqlite3_errmsg (current));
      return REPLACE_NOT_COPIED;
    }

  backup = sqlite3_backup_init (current, "main", from, "main");
  if (backup == NULL)
    {
      g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_FAILED,
                   _("Could not start the copy: %s"), sqlite3_errmsg (current));
      return REPLACE_FAILED;
    }
  /* A step of no pages takes the destination's write lock and copies nothing yet. */
  for (;;)
    {
      rc = sqlite3_backup_step (backup, 0);
      if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
        break;
      if (busy_since == 0)
        busy_since = g_get_monotonic_time ();
      else if (g_get_monotonic_time () - busy_since > COPY_BUSY_USEC)
        break;
      sqlite3_sleep (20);
    }
  if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
    {
      sqlite3_backup_finish (backup);
      g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_BUSY,
                   _("Could not restore: another program is writing to the database; try "
                     "again when it has finished."));
      return REPLACE_FAILED;
    }
  if (rc != SQLITE_OK && rc != SQLITE_DONE)
    {
      sqlite3_backup_finish (backup);
      g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_READ_ONLY,
                   _("Could not keep a copy before restoring: %s"), sqlite3_errstr (rc));
      return REPLACE_NOT_COPIED;
    }

  /* The copy is read through a connection of its own: with the write-ahead log, readers are
   * not kept out by the lock, and they see every write committed before it. */
  kept = sqlite3_open_v2 (database_path, &reader, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK;
  if (!kept)
    g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_READ_ONLY,
                 _("Could not keep a copy before restoring: %s"), sqlite3_errmsg (reader));
  else
    kept = keep_copy (reader, copy_path, error);
  sqlite3_close (reader);
  if (!kept)
    {
      /* Finishing an unfinished backup rolls the destination back: nothing was changed. */
      sqlite3_backup_finish (backup);
      return REPLACE_NOT_COPIED;
    }

  return finish_copy (backup, error) ? REPLACE_DONE : REPLACE_FAILED;
}

/**
 * awards_store_restore:
 * @database_path: the database to replace; it must not be open in this process
 * @source: a backup
 * @saved_copy: (out) (optional): where the replaced database was kept
 *
 * awards_store_restore_full () without force: refused while any process has the database open.
 */
gboolean
awards_store_restore (const char  *database_path,
                      const char  *source,
                      char       **saved_copy,
                      GError     **error)
{
  return awards_store_restore_full (database_path, source, FALSE, saved_copy, error);
}

/**
 * awards_store_restore_full:
 * @database_path: the database to replace
 * @source: a backup
 * @force: restore although other processes have the database open; they are told to reload
 * @saved_copy: (out) (optional): where the replaced database was kept
 *
 * Verifies @source, then, holding the database exclusively so that no other process can write
 * to it in between, keeps a copy of the current database beside it (named with the date and
 * time) and copies @source over it.
 */
gboolean
awards_store_restore_full (const char  *database_path,
                           const char  *source,
                           gboolean     force,
                           char       **saved_copy,
                           GError     **error)
{
  g_autoptr(AwardsOwner) hold = NULL;
  g_autoptr(GError) copy_error = NULL;
  g_autofree char *copy_path = NULL;
  g_autofree char *staged = NULL;
  sqlite3 *current = NULL;
  sqlite3 *from = NULL;
  gboolean replaced = FALSE;
  gboolean ok = TRUE;

  if (awards_db_name_is_server (database_path))
    {
      g_autofree char *display = awards_db_name_for_display (database_path);

      /* Never taken for a file name; a server database is filled by copy, into an empty one. */
      g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_INVALID,
                   _("“%s” is a database on a server, which a restore does not replace: copy "
                     "the backup into a new, empty server database instead."), display);
      return FALSE;
    }

  g_return_val_if_fail (database_path != NULL, FALSE);
  g_return_val_if_fail (source != NULL, FALSE);

  if (!verify_file (source, error))
    return FALSE;

  hold = awards_owner_take_exclusive (database_path, force, error);
  if (hold == NULL)
    return FALSE;

  /* The database to restore is made first, so that the database itself is locked only for
   * the copy and the replacement. */
  staged = g_strconcat (database_path, ".restoring", NULL);
  if (!stage_restored (staged, source, error))
    return FALSE;
  if (sqlite3_open_v2 (staged, &from, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_NOT_A_DATABASE,
                   _("Could not open “%s”: %s"), source, sqlite3_errmsg (from));
      ok = FALSE;
      goto out;
    }

  if (g_file_test (database_path, G_FILE_TEST_EXISTS))
    {
      ReplaceResult result = REPLACE_NOT_COPIED;

      copy_path = before_restore_path (database_path);
      if (sqlite3_open_v2 (database_path, &current, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK)
        result = replace_keeping_copy (current, database_path, from, copy_path, &copy_error);
      if (result == REPLACE_DONE)
        replaced = TRUE;
      /* Busy is not damaged: a file another program is writing is never moved aside. */
      else if (result == REPLACE_FAILED ||
               g_error_matches (copy_error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_BUSY))
        {
          g_propagate_error (error, g_steal_pointer (&copy_error));
          ok = FALSE;
          goto out;
        }
      else
        {
          /* A damaged database cannot be copied through SQLite, and that is when a restore is
           * needed most: keep the file itself, moved aside, and restore into a new one. */
          if (copy_error == NULL)
            g_set_error (&copy_error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_READ_ONLY,
                         _("Could not keep a copy before restoring: %s"),
                         sqlite3_errmsg (current));
          sqlite3_close (current);
          current = NULL;
          /* With its journals: a failed copy's hot journal must not meet the file that is
           * moved to its name, or opening that file rolls the other file's pages into it. */
          remove_database_files (copy_path);
          /* But an intact database whose copy could not be written (a full disk, an I/O
           * error) stays where it is, untouched: the restore stops with that error. */
          if (verify_file (database_path, NULL))
            {
              g_propagate_error (error, g_steal_pointer (&copy_error));
              ok = FALSE;
              goto out;
            }
          g_clear_error (&copy_error);
          if (!move_aside (database_path, copy_path, error))
            {
              ok = FALSE;
              goto out;
            }
          awards_output_file_create_private (database_path, NULL);
          if (sqlite3_open_v2 (database_path, &current,
                               SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
            {
              g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_READ_ONLY,
                           _("Could not create “%s”: %s"), database_path,
                           sqlite3_errmsg (current));
              /* Nothing was restored: the old file goes back where it was. */
              sqlite3_close (current);
              current = NULL;
              move_aside (copy_path, database_path, NULL);
              ok = FALSE;
              goto out;
            }
        }
    }
  else if (!awards_output_file_create_private (database_path, error) ||
           sqlite3_open_v2 (database_path, &current, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                            NULL) != SQLITE_OK)
    {
      if (error == NULL || *error == NULL)
        g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_READ_ONLY,
                     _("Could not create “%s”: %s"), database_path, sqlite3_errmsg (current));
      ok = FALSE;
      goto out;
    }

  /* The backup API writes through the destination's own journal: the file is either the old
   * database or the restored one (with its log entry), never a mixture. */
  if (!replaced)
    ok = copy_database (from, current, error);

out:
  sqlite3_close (from);
  sqlite3_close (current);
  remove_staged (staged);

  if (ok)
    awards_owner_mark_restored (hold);
  if (ok && saved_copy != NULL)
    *saved_copy = g_steal_pointer (&copy_path);
  return ok;
}

static gboolean
collect_problems (AwardsStore  *self,
                  GPtrArray    *problems,
                  const char   *sql,
                  const char   *format,
                  GError      **error)
{
  AwardsDbStmt *stmt = awards_store_statement (self, sql, error);
  AwardsDbStep rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = awards_db_stmt_next (stmt)) == AWARDS_DB_ROW)
    {
      /* Every check query returns: a name, then a number. */
      g_ptr_array_add (problems,
                       g_strdup_printf (format, awards_db_stmt_column_text (stmt, 0),
                                        awards_db_stmt_column_int (stmt, 1)));
    }
  awards_db_stmt_reset (stmt);
  if (rc != AWARDS_DB_DONE)
    {
      awards_store_set_error (self, error, _("Could not check the database"));
      return FALSE;
    }
  return TRUE;
}

/*
 * A server enforces its foreign keys at every commit, but the references that its triggers check
 * instead (awards-schema-pg.c) can be missed by a client deleting at REPEATABLE READ: the rows
 * pointing nowhere, as (table, count).
 */
static const char *
checked_references_sql (void)
{
  static gsize sql = 0;

  if (g_once_init_enter (&sql))
    {
      GString *text = g_string_new ("SELECT t, sum (n)::int FROM (");

      for (const AwardsSchemaPgReference *r = awards_schema_pg_checked_references ();
           r->child != NULL; r++)
        g_string_append_printf (text,
                                "%sSELECT '%s' AS t, count(*) AS n FROM %s c WHERE c.%s IS NOT NULL"
                                " AND NOT EXISTS (SELECT 1 FROM %s p WHERE p.id = c.%s)",
                                r == awards_schema_pg_checked_references () ? "" : " UNION ALL ",
                                r->child, r->child, r->column, r->parent, r->column);
      g_string_append (text, ") r GROUP BY t HAVING sum (n) > 0");
      g_once_init_leave (&sql, (gsize)g_string_free (text, FALSE));
    }
  return (const char *)sql;
}

/**
 * awards_store_check:
 *
 * Checks the file's integrity and the data: broken references, awards without a decision,
 * duplicate organisations and people, empty decisions.
 *
 * Returns: (transfer full) (element-type utf8): one sentence per problem; empty when all is well
 */
GPtrArray *
awards_store_check (AwardsStore  *self,
                    GError      **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  AwardsDbStmt *stmt;
  gboolean server;
  gboolean ok;
  AwardsDbStep rc;

  g_return_val_if_fail (AWARDS_IS_STORE (self), NULL);

  awards_store_read_begin (self);
  /* A server keeps its own files whole: only a file is checked for damage. */
  server = awards_store_is_server (self);
  stmt = server ? NULL : awards_store_statement (self, "PRAGMA integrity_check (20)", error);
  ok = server || stmt != NULL;
  while (stmt != NULL && (rc = awards_db_stmt_next (stmt)) == AWARDS_DB_ROW)
    {
      const char *verdict = awards_db_stmt_column_text (stmt, 0);

      if (g_strcmp0 (verdict, "ok") != 0)
        g_ptr_array_add (problems, g_strdup_printf (_("The file is damaged: %s"), verdict));
    }
  if (stmt != NULL)
    awards_db_stmt_reset (stmt);

  ok = ok &&
    collect_problems (self, problems, server ? checked_references_sql ()
                                             : "SELECT \"table\", count(*)"
                                               " FROM pragma_foreign_key_check GROUP BY 1",
                      _("Records in “%s” refer to something that does not exist (%d)."),
                      error) &&
    collect_problems (self, problems,
                      "SELECT c.recipient_name, c.id FROM commendation c"
                      " WHERE NOT EXISTS (SELECT 1 FROM decision d WHERE d.id = c.decision_id)",
                      _("The award to “%s” (number %d) has no decision."), error) &&
    collect_problems (self, problems,
                      "SELECT min (name), count(*) FROM organisation GROUP BY name_key"
                      " HAVING count(*) > 1",
                      _("The organisation “%s” is recorded %d times."), error) &&
    collect_problems (self, problems,
                      "SELECT min (full_name), count(*) FROM person"
                      " GROUP BY name_key, organisation_id HAVING count(*) > 1",
                      _("The person “%s” is recorded %d times in the same organisation."),
                      error) &&
    collect_problems (self, problems,
                      "SELECT min (c.recipient_name), count(*) FROM commendation c WHERE c.deleted = 0"
                      " GROUP BY c.decision_id, c.award_type_id, c.organisation_id, c.person_id"
                      " HAVING count(*) > 1",
                      _("“%s” receives the same award %d times in one decision."), error) &&
    collect_problems (self, problems,
                      "SELECT coalesce (d.number, d.date), d.id FROM decision d"
                      " WHERE NOT EXISTS (SELECT 1 FROM commendation c"
                      "   WHERE c.decision_id = d.id AND c.deleted = 0)",
                      _("The decision %s (number %d in the database) has no recipients."),
                      error) &&
    collect_problems (self, problems,
                      "SELECT c.recipient_name, c.id FROM commendation c"
                      " JOIN decision d ON d.id = c.decision_id"
                      " WHERE c.date <> d.date OR c.authority_id <> d.authority_id",
                      _("The award to “%s” (number %d) disagrees with its decision."), error);
  awards_store_read_end (self);

  if (!ok)
    return NULL;
  return g_steal_pointer (&problems);
}
