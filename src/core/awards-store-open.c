/* awards-store-open.c: opening a database file or a database on a server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "awards-catalogue.h"
#include "awards-db-schema.h"
#include "awards-db-sqlite.h"
#include "awards-output-file.h"
#include "awards-schema.h"
#include "awards-schema-pg.h"
#include "awards-store-object.h"
#include "awards-store-open.h"
#include "awards-store-owners.h"
#include "awards-store-private.h"

/*
 * A file is opened (and made, with its folder, the first time), checked to be a Coop Awards
 * database of a version this program knows, brought up to date and seeded; a reader opens it
 * without taking the write lock. A server database must have been set up (init-server) and is
 * read on a pool of server connections. Either way the store refuses, with a sentence, what is not
 * its database or is newer than it.
 */

/* ------------------------------------------------------------------------------------------- */
/* Opening                                                                                       */

/**
 * awards_store_default_path:
 *
 * Returns: the database file used when none is named: `$COOP_AWARDS_DB`, else
 *   `$XDG_DATA_HOME/coop-awards/awards.db`.
 */
char *
awards_store_default_path (void)
{
  const char *env = g_getenv ("COOP_AWARDS_DB");

  if (env != NULL && env[0] != '\0')
    return g_strdup (env);
  return g_build_filename (g_get_user_data_dir (), "coop-awards", "awards.db", NULL);
}

static gboolean
seed_catalogue (AwardsStore  *self,
                GError      **error)
{
  const AwardsCatalogueEntry *entries;
  guint n_entries;

  entries = awards_catalogue_get_entries (&n_entries);
  for (guint i = 0; i < n_entries; i++)
    {
      g_autoptr(AwardsAwardType) type = awards_award_type_new ();

      awards_award_type_set_name (type, entries[i].name);
      awards_award_type_set_category (type, entries[i].category);
      awards_award_type_set_eligibility (type, entries[i].eligibility);
      awards_award_type_set_rank (type, entries[i].rank);
      if (awards_store_save_award_type (self, type, error) == 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
query_int (AwardsStore  *self,
           const char   *sql,
           int          *value,
           GError      **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      awards_store_set_error (self, error, _("Could not read the database"));
      return FALSE;
    }
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      awards_store_set_error (self, error, _("Could not read the database"));
      sqlite3_finalize (stmt);
      return FALSE;
    }
  *value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return TRUE;
}

/*
 * Says why a database could not be opened or read, telling apart what the user can do something
 * about: wait for another program, make room on the disk, choose a writable place, or restore.
 */
static void
set_open_error (AwardsStore  *self,
                GError      **error)
{
  int code = self->db != NULL ? sqlite3_errcode (self->db) : SQLITE_NOMEM;
  const char *detail = self->db != NULL ? sqlite3_errmsg (self->db) : g_strerror (ENOMEM);

  switch (code & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_BUSY,
                   _("“%s” is busy: another program is writing to it. Try again in a moment."),
                   self->path);
      break;
    case SQLITE_FULL:
      g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_DISK_FULL,
                   _("The disk that holds “%s” is full: make room on it and try again."),
                   self->path);
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
    case SQLITE_AUTH:
      g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_READ_ONLY,
                   _("“%s” is read-only: the file or its folder cannot be written (%s)."),
                   self->path, detail);
      break;
    case SQLITE_IOERR:
    case SQLITE_NOMEM:
      g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_FAILED,
                   _("Could not read “%s”: %s"), self->path, detail);
      break;
    default:
      g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Coop Awards database, or it is damaged: %s"),
                   self->path, detail);
      break;
    }
}

static gboolean
open_connection (AwardsStore  *self,
                 const char   *filename,
                 int           flags,
                 GError      **error)
{
  awards_store_close_connection (self);
  /* The store's own lock keeps one thread at a time on the connection, so SQLite need not
   * take its mutex again on every call. */
  if (sqlite3_open_v2 (filename, &self->db, flags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    {
      set_open_error (self, error);
      return FALSE;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);
  self->adb = awards_db_new_for_sqlite (self->db, filename);
  return TRUE;
}

/* The first reads, which is where SQLite notices a file that is not a database. */
static gboolean
read_header (AwardsStore *self,
             int         *application_id,
             int         *version,
             int         *n_tables)
{
  return query_int (self, "PRAGMA application_id", application_id, NULL) &&
         query_int (self, "PRAGMA user_version", version, NULL) &&
         query_int (self, "SELECT count(*) FROM sqlite_master", n_tables, NULL);
}

/*
 * Opens the file read-only. A database in WAL mode needs its shared-memory file to be read;
 * when neither it exists nor the folder lets SQLite create it (read-only media), the file is
 * read as immutable, which is what it is there.
 */
static gboolean
open_read_only (AwardsStore  *self,
                int          *application_id,
                int          *version,
                int          *n_tables,
                GError      **error)
{
  g_autofree char *absolute = NULL;
  g_autofree char *uri = NULL;
  int code;

  if (!open_connection (self, self->path, SQLITE_OPEN_READONLY, error))
    return FALSE;
  if (read_header (self, application_id, version, n_tables))
    {
      self->readers = awards_readers_new (self->path, 0, AWARDS_STORE_MAX_READERS);
      return TRUE;
    }
  code = sqlite3_errcode (self->db) & 0xff;
  if (code != SQLITE_CANTOPEN && code != SQLITE_READONLY)
    {
      set_open_error (self, error);
      return FALSE;
    }

  absolute = g_canonicalize_filename (self->path, NULL);
  uri = g_filename_to_uri (absolute, NULL, NULL);
  if (uri == NULL)
    {
      set_open_error (self, error);
      return FALSE;
    }
  g_free (g_steal_pointer (&absolute));
  absolute = g_strconcat (uri, "?immutable=1", NULL);
  if (!open_connection (self, absolute, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, error))
    return FALSE;
  if (!read_header (self, application_id, version, n_tables))
    {
      set_open_error (self, error);
      return FALSE;
    }
  self->readers = awards_readers_new (absolute, SQLITE_OPEN_URI, AWARDS_STORE_MAX_READERS);
  return TRUE;
}

/*
 * Rows changed by a program that did not bring the search index up to date are noted in
 * search_pending; every write of this program empties it before its commit. Only then does
 * opening take the write lock, and only if it is free at once: a reader must not wait for a
 * writer, and the next write of anybody brings the index up to date anyway.
 */
static gboolean
flush_pending_search (AwardsStore  *self,
                      GError      **error)
{
  int pending = 0;

  if (!query_int (self, "SELECT EXISTS (SELECT 1 FROM search_pending)", &pending, error))
    return FALSE;
  if (!pending)
    return TRUE;

  sqlite3_busy_timeout (self->db, 0);
  if (sqlite3_exec (self->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) == SQLITE_OK)
    {
      if (!awards_store_flush_search (self, NULL) ||
          sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
    }
  sqlite3_busy_timeout (self->db, 5000);
  return TRUE;
}

static gboolean
open_database (AwardsStore  *self,
               gboolean      read_only,
               GError      **error)
{
  int application_id = 0;
  int version = 0;
  int n_tables = 0;
  gboolean ok;

  if (read_only)
    {
      if (!open_read_only (self, &application_id, &version, &n_tables, error))
        return FALSE;
    }
  else
    {
      if (!open_connection (self, self->path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error))
        return FALSE;
      if (read_header (self, &application_id, &version, &n_tables))
        {
          /* SQLite opens a file it may not write for reading only; writes then say so. */
          self->read_only = sqlite3_db_readonly (self->db, "main") == 1;
          self->readers = awards_readers_new (self->path, 0, AWARDS_STORE_MAX_READERS);
        }
      else if ((sqlite3_errcode (self->db) & 0xff) == SQLITE_READONLY ||
               (sqlite3_errcode (self->db) & 0xff) == SQLITE_CANTOPEN)
        {
          /* A file in WAL mode in a folder that may not be written: it can still be read. */
          if (!open_read_only (self, &application_id, &version, &n_tables, error))
            return FALSE;
          self->read_only = TRUE;
        }
      else
        {
          set_open_error (self, error);
          return FALSE;
        }
    }

  if ((application_id != 0 && application_id != AWARDS_APPLICATION_ID) ||
      (application_id == 0 && n_tables > 0))
    {
      g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is an SQLite database of another program, not a Coop Awards database."),
                   self->path);
      return FALSE;
    }

  if (version < 0)
    {
      g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is damaged: its database version (%d) is not one Coop Awards ever "
                     "wrote. The file was left untouched."), self->path, version);
      return FALSE;
    }

  if (version > AWARDS_SCHEMA_VERSION)
    {
      g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Coop Awards (database version %d; "
                     "this version knows up to %d). Update Coop Awards to open it; the file "
                     "was left untouched."),
                   self->path, version, AWARDS_SCHEMA_VERSION);
      return FALSE;
    }

  if (read_only || self->read_only)
    {
      if (version == 0)
        {
          g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_NOT_A_DATABASE,
                       _("“%s” is empty, not a Coop Awards database."), self->path);
          return FALSE;
        }
      if (version < AWARDS_SCHEMA_VERSION)
        {
          g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_READ_ONLY,
                       _("“%s” was written by an older version of Coop Awards and must be brought "
                         "up to date before it can be read: open it once for a change."),
                       self->path);
          return FALSE;
        }
      self->read_only = TRUE;
      return awards_store_exec (self, "PRAGMA temp_store = MEMORY", error);
    }

  if (!awards_store_exec (self, "PRAGMA foreign_keys = ON", error))
    return FALSE;

  /* A large import writes with a rollback journal and comes back to the log at its end; one cut
   * short by a crash leaves the file in that mode, which the log replaces here. While another
   * program has the file open (as during its import) this is not possible and not waited for,
   * and the journal is safe meanwhile. */
  if (version == AWARDS_SCHEMA_VERSION)
    {
      sqlite3_busy_timeout (self->db, 0);
      sqlite3_exec (self->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
      sqlite3_busy_timeout (self->db, 5000);
    }

  if (version < AWARDS_SCHEMA_VERSION)
    {
      if ((n_tables == 0 && !awards_store_exec (self, "PRAGMA page_size = 8192", error)) ||
          !awards_store_exec (self, "PRAGMA journal_mode = WAL", error) ||
          !awards_store_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      /* The seeding writes through the store's own functions, inside this transaction. */
      self->in_batch = TRUE;
      ok = awards_schema_migrate (self->db, version, error) &&
           (version > 0 || seed_catalogue (self, error));
      self->in_batch = FALSE;
      if (!ok || !awards_store_exec (self, "COMMIT", error))
        {
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
    }

  if (!flush_pending_search (self, error))
    return FALSE;

  /* A commit is on disk before the call returns: the office's records come before speed. */
  /* A large page cache keeps a whole import in memory until its commit instead of spilling
   * half-written pages to the log and reading them back. */
  if (!awards_store_exec (self, "PRAGMA synchronous = FULL", error) ||
      !awards_store_exec (self, "PRAGMA cache_size = -131072", error) ||
      !awards_store_exec (self, "PRAGMA temp_store = MEMORY", error))
    return FALSE;
  /* No save waits for the log to be copied into the file (awards-store-checkpoint.c). */
  self->checkpointer = awards_checkpointer_new (self->db, self->path);
  return TRUE;
}

static void
configure_sqlite (void)
{
  static gsize sqlite_configured = 0;

  if (g_once_init_enter (&sqlite_configured))
    {
      /* SQLite's memory statistics take a global mutex on every allocation, and nothing here
       * reads them. This fails harmlessly when SQLite is already in use in the process. */
      sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
      g_once_init_leave (&sqlite_configured, 1);
    }
}

/* Whether the database role may add awards (office-roles.sql gives the leader's role only the
 * right to read). */
static gboolean
role_may_write (AwardsDb *db)
{
  g_autoptr(AwardsDbStmt) stmt =
    awards_db_prepare (db, "SELECT has_table_privilege ('commendation', 'INSERT')", NULL);

  return stmt != NULL && awards_db_stmt_step (stmt, NULL) &&
         awards_db_stmt_column_int64 (stmt, 0) == 1;
}

/* The database role, which the audit log names beside the desktop's user: it is who the
 * office's rules know. */
static char *
server_role_name (AwardsDb *db)
{
  g_autoptr(AwardsDbStmt) stmt = awards_db_prepare (db, "SELECT current_user::text", NULL);

  if (stmt != NULL && awards_db_stmt_step (stmt, NULL))
    return g_strdup (awards_db_stmt_column_text (stmt, 0));
  return NULL;
}

/*
 * A database on a server (awards_db_name_is_server ()): one connection for writes and a pool of
 * readers, like a file. It must have been set up (init-server) for this version. A role that
 * may only read, or a database whose changes cannot be recorded for the history (made before
 * that was added, until init-server is run again), is opened for reading only, with a sentence.
 */
static AwardsStore *
open_server (const char  *name,
             GError     **error)
{
  g_autoptr(AwardsStore) self = g_object_new (AWARDS_TYPE_STORE, NULL);
  g_autoptr(GError) local_error = NULL;

  self->path = g_strdup (name);
  self->adb = awards_db_open (name, 0, &local_error);
  if (self->adb == NULL || !awards_db_check_current (self->adb, &local_error))
    {
      /* The schema's refusals are the store's already; a connection's failure becomes one. */
      if (local_error->domain == AWARDS_DB_ERROR)
        g_set_error_literal (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_FAILED,
                             local_error->message);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  self->role_may_write = role_may_write (self->adb);
  self->has_capture = awards_db_has_capture (self->adb);
  self->has_counts = awards_db_has_counts (self->adb);
  self->read_only = !self->role_may_write || !self->has_capture;
  if (!self->read_only && !awards_db_exec (self->adb, AWARDS_SCHEMA_PG_CHANGES_TABLE_SQL, NULL))
    self->read_only = TRUE;
  if (self->read_only)
    awards_db_exec (self->adb, "SET default_transaction_read_only = on", NULL);
  self->role_name = server_role_name (self->adb);
  self->readers = awards_readers_new_server (name, AWARDS_STORE_MAX_READERS);
  return g_steal_pointer (&self);
}

/**
 * awards_store_init_server:
 * @name: the server database
 * @created: (out): whether it was made now, or already was a Coop Awards database
 * @updated: (out) (optional): whether it was one made by an earlier version, brought up to date
 *
 * `init-server`: makes an empty server database a Coop Awards database with the same award
 * catalogue as a new file (awards_server_init () and the catalogue, in one go for the caller),
 * or leaves one that already is.
 */
gboolean
awards_store_init_server (const char  *name,
                          gboolean    *created,
                          gboolean    *updated,
                          GError     **error)
{
  g_autoptr(AwardsStore) self = NULL;
  gboolean ok;

  if (!awards_server_init (name, created, updated, error))
    return FALSE;
  if (!*created)
    return TRUE;
  self = open_server (name, error);
  if (self == NULL)
    return FALSE;
  if (self->read_only)
    {
      g_autofree char *why = awards_store_describe_read_only (self);

      g_set_error_literal (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_READ_ONLY, why);
      return FALSE;
    }
  if (!awards_store_begin_immediate (self, error))
    return FALSE;
  /* As a new file is seeded: through the store's own functions, in one transaction. */
  self->in_batch = TRUE;
  ok = seed_catalogue (self, error);
  self->in_batch = FALSE;
  if (!ok || !awards_store_flush_search (self, error) || !awards_store_exec (self, "COMMIT", error))
    {
      awards_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

/* The store of a database file that exists or may be made: it says who has the file open (a
 * restore asks, and outputs are kept off its files; a reader says so too, so that a restore
 * does not replace the file under it), then opens it. */
static AwardsStore *
open_file (const char  *path,
           gboolean     read_only,
           GError     **error)
{
  g_autoptr(AwardsStore) self = g_object_new (AWARDS_TYPE_STORE, NULL);
  AwardsOwner *owner;

  self->path = g_strdup (path);
  owner = awards_owner_register (path, error);
  if (owner == NULL)
    return NULL;
  g_object_set_data_full (G_OBJECT (self), "awards-owner", owner,
                          (GDestroyNotify) awards_owner_unregister);
  if (!open_database (self, read_only, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * awards_store_open:
 * @path: the database file; created (with its folder) and seeded when missing
 * @error: return location for an error
 *
 * Opens a database, bringing an older file up to date. A file that is not a database, belongs to
 * another program or was written by a newer version is refused with an error that says so.
 *
 * Returns: (transfer full): the store, or %NULL
 */
AwardsStore *
awards_store_open (const char  *path,
                   GError     **error)
{
  g_autofree char *folder = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (awards_db_name_is_server (path))
    return open_server (path, error);

  folder = g_path_get_dirname (path);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_READ_ONLY,
                   _("Could not create the folder “%s”: %s"), folder, g_strerror (saved_errno));
      return NULL;
    }

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is a folder, not a database file."), path);
      return NULL;
    }

  configure_sqlite ();

  /* SQLite would create the file readable by everyone; it holds people's personal data. */
  awards_output_file_create_private (path, NULL);

  return open_file (path, FALSE, error);
}

/**
 * awards_store_open_read_only:
 * @path: an existing database file
 * @error: return location for an error
 *
 * Opens a database for reading only, for the commands that only read: it takes no write lock,
 * so it works on a read-only file or folder and while another program writes. Every write
 * through the store fails with %AWARDS_STORE_ERROR_READ_ONLY.
 *
 * Returns: (transfer full): the store, or %NULL
 */
AwardsStore *
awards_store_open_read_only (const char  *path,
                             GError     **error)
{

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (awards_db_name_is_server (path))
    return open_server (path, error);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is a folder, not a database file."), path);
      return NULL;
    }
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_NOT_FOUND,
                   _("The database “%s” does not exist."), path);
      return NULL;
    }

  configure_sqlite ();

  return open_file (path, TRUE, error);
}

/**
 * awards_store_is_read_only:
 *
 * Returns: whether the store was opened with awards_store_open_read_only ()
 */
gboolean
awards_store_is_read_only (AwardsStore *self)
{
  g_return_val_if_fail (AWARDS_IS_STORE (self), FALSE);

  return self->read_only;
}

/**
 * awards_store_describe_read_only:
 *
 * Returns: (transfer full) (nullable): why nothing can be changed, as a sentence for the clerk,
 *   or %NULL when the store may be written
 */
char *
awards_store_describe_read_only (AwardsStore *self)
{
  g_return_val_if_fail (AWARDS_IS_STORE (self), NULL);

  if (!self->read_only)
    return NULL;
  if (self->db == NULL && !self->role_may_write)
    return g_strdup (_("Read only: your database user may read this office database but not "
                       "change it."));
  if (self->db == NULL && !self->has_capture)
    return g_strdup (_("Read only: this office database was set up by an earlier version of "
                       "Coop Awards and cannot record who changes what; its owner sets it up "
                       "again with “coop-awards-cli init-server” once."));
  if (self->db == NULL)
    return g_strdup (_("Read only: the connection to the database server cannot write."));
  return g_strdup (_("Read only: the database file or its folder cannot be written."));
}

const char *
awards_store_get_path (AwardsStore *self)
{
  g_return_val_if_fail (AWARDS_IS_STORE (self), NULL);

  return self->path;
}

int
awards_store_get_schema_version (AwardsStore *self)
{
  int version = 0;

  g_return_val_if_fail (AWARDS_IS_STORE (self), 0);

  awards_store_lock (self);
  if (!awards_db_read_version (self->adb, &version, NULL))
    version = 0;
  awards_store_unlock (self);
  return version;
}

static void
open_in_thread (GTask        *task,
                gpointer      source,
                gpointer      data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  AwardsStore *store = awards_store_open (data, &error);

  if (store != NULL)
    g_task_return_pointer (task, store, g_object_unref);
  else
    g_task_return_error (task, error);
}

/**
 * awards_store_open_async:
 * @path: a database file or a server's address, as for awards_store_open ()
 *
 * Opens the database in a thread of its own: a server may take seconds to answer, or not answer
 * until its connection times out, and the window must not wait for it.
 */
void
awards_store_open_async (const char          *path,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_return_if_fail (path != NULL);

  g_task_set_source_tag (task, awards_store_open_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, open_in_thread);
}

/**
 * awards_store_open_finish:
 *
 * Returns: (transfer full): the store, whose "changed" is emitted in the main context of the
 *   caller of this function, or %NULL with @error set
 */
AwardsStore *
awards_store_open_finish (GAsyncResult  *result,
                          GError       **error)
{
  AwardsStore *store;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  store = g_task_propagate_pointer (G_TASK (result), error);
  if (store != NULL)
    awards_store_adopt_context (store);
  return store;
}
