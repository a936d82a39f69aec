#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "awards-catalogue.h"
#include "awards-command-private.h"
#include "awards-date.h"
#include "awards-db.h"
#include "awards-db-schema.h"
#include "awards-db-sqlite.h"
#include "awards-output-file.h"
#include "awards-schema.h"
#include "awards-search-id.h"
#include "awards-store-owners.h"
#include "awards-store-dialect.h"
#include "awards-store-private.h"
#include "awards-store-open.h"
#include "awards-store-readers.h"
#include "awards-text.h"

/*
 * AwardsStore owns the SQLite connections of a database file: one write connection, which the
 * store's lock gives to one writer at a time, and a small pool of read-only connections
 * (awards-store-readers.c) that every read takes one of for the call, so that no read waits for
 * a writer or for another read. The store may be used from its worker threads
 * (awards-store-async.c) as well as the main thread; the "changed" signal is always emitted in
 * the main context the store was opened in.
 *
 * This file holds the object, opening and closing, the connections and their statements, errors
 * and the write transaction of a call. The tables are read and written in their own files, around
 * the one query loop of awards-store-query.c: awards-store-catalogue.c (authorities and award
 * types), awards-store-organisations.c, awards-store-people.c, awards-store-decisions.c and
 * awards-store-awards.c (commendations and reports).
 */

struct _AwardsStore
{
  GObject       parent_instance;

  sqlite3      *db;            /* SQLite: adb's connection; NULL on a server */
  AwardsDb     *adb;           /* the write connection */
  char         *path;
  GRecMutex     lock;
  GHashTable   *statements;    /* SQL text → sqlite3_stmt */
  GHashTable   *db_statements; /* SQL text → AwardsDbStmt */
  GMainContext *context;
  gboolean      in_batch;
  gboolean      read_only;
  gboolean      role_may_write; /* a server's role may write (the store does not yet) */
  GThread      *write_owner;   /* the thread that holds the lock, read by others atomically */
  guint         write_depth;
  AwardsReaders *readers;
  gint          readers_paused; /* atomic: a bulk import has the file in rollback-journal mode */
};

/* The readers a thread has taken, one per store: a read inside a read uses the same one. */
typedef struct
{
  AwardsStore      *store;
  AwardsConnection *reader;    /* NULL: reading on the write connection, under its lock */
  guint             depth;
} ReadUse;

static GPrivate read_uses = G_PRIVATE_INIT (NULL);   /* GSList of ReadUse */

/* The worker threads (awards-worker.c: 4 read, 1 write, 4 long) and the caller's own each take
 * at most one. */
#define AWARDS_STORE_MAX_READERS 10

G_DEFINE_TYPE (AwardsStore, awards_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (awards-store-error-quark, awards_store_error)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
close_connection (AwardsStore *self)
{
  if (self->adb != NULL)
    g_clear_pointer (&self->adb, awards_db_close);
  else if (self->db != NULL)
    sqlite3_close (self->db);
  self->db = NULL;
}

static void
awards_store_finalize (GObject *object)
{
  AwardsStore *self = (AwardsStore *)object;

  g_clear_pointer (&self->readers, awards_readers_free);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->db_statements, g_hash_table_unref);
  close_connection (self);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_rec_mutex_clear (&self->lock);

  G_OBJECT_CLASS (awards_store_parent_class)->finalize (object);
}

static void
awards_store_class_init (AwardsStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = awards_store_finalize;

  /**
   * AwardsStore::changed:
   *
   * Emitted in the store's main context after a write has been committed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
awards_store_init (AwardsStore *self)
{
  g_rec_mutex_init (&self->lock);
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  self->db_statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) awards_db_stmt_free);
  self->context = g_main_context_ref_thread_default ();
}

/* ------------------------------------------------------------------------------------------- */
/* Internal helpers                                                                             */

void
awards_store_lock (AwardsStore *self)
{
  g_rec_mutex_lock (&self->lock);
  if (self->write_depth++ == 0)
    g_atomic_pointer_set (&self->write_owner, g_thread_self ());
}

void
awards_store_unlock (AwardsStore *self)
{
  if (--self->write_depth == 0)
    g_atomic_pointer_set (&self->write_owner, NULL);
  g_rec_mutex_unlock (&self->lock);
}

/* Only the owner sets the owner to itself, so this is exact for the calling thread. */
static gboolean
holds_write_lock (AwardsStore *self)
{
  return g_atomic_pointer_get (&self->write_owner) == g_thread_self ();
}

static ReadUse *
find_read_use (AwardsStore *self)
{
  for (GSList *l = g_private_get (&read_uses); l != NULL; l = l->next)
    {
      ReadUse *use = l->data;

      if (use->store == self)
        return use;
    }
  return NULL;
}

/**
 * awards_store_read_begin:
 *
 * Takes a reader for the calling thread until awards_store_read_end (). Inside a write (the
 * thread holds the write lock, as in a batch), reads must see what the write has not committed
 * yet, so they run on the write connection. Without a reader (none can be opened), the read runs
 * on the write connection under its lock, as every read did before there were readers.
 */
void
awards_store_read_begin (AwardsStore *self)
{
  ReadUse *use = find_read_use (self);

  if (use != NULL)
    {
      use->depth++;
      return;
    }
  use = g_new0 (ReadUse, 1);
  use->store = self;
  use->depth = 1;
  if (!holds_write_lock (self) && self->readers != NULL &&
      !g_atomic_int_get (&self->readers_paused))
    use->reader = awards_readers_take (self->readers);
  if (use->reader == NULL)
    awards_store_lock (self);
  g_private_set (&read_uses, g_slist_prepend (g_private_get (&read_uses), use));
}

void
awards_store_read_end (AwardsStore *self)
{
  ReadUse *use = find_read_use (self);

  g_return_if_fail (use != NULL);
  if (--use->depth > 0)
    return;
  g_private_set (&read_uses, g_slist_remove (g_private_get (&read_uses), use));
  if (use->reader != NULL)
    awards_readers_give_back (self->readers, use->reader);
  else
    awards_store_unlock (self);
  g_free (use);
}

/* The reader of this thread's current read, or NULL for the write connection. */
static AwardsConnection *
current_reader (AwardsStore *self)
{
  ReadUse *use;

  if (holds_write_lock (self))
    return NULL;
  use = find_read_use (self);
  return use != NULL ? use->reader : NULL;
}

/**
 * awards_store_pause_readers:
 * @paused: whether reads wait for the write lock instead of taking a reader
 *
 * A bulk import writes with a rollback journal instead of the log, which needs the file to
 * itself: a reader would make its commit wait (and a long one make it fail). Meanwhile reads
 * of this process wait for the import, as they did before there were readers.
 */
void
awards_store_pause_readers (AwardsStore *self,
                            gboolean     paused)
{
  g_atomic_int_set (&self->readers_paused, paused);
}

/**
 * awards_store_close_idle_readers:
 *
 * Closes the readers that no call is using, for a writer that needs the file to itself.
 */
void
awards_store_close_idle_readers (AwardsStore *self)
{
  if (self->readers != NULL)
    awards_readers_close_idle (self->readers);
}

gboolean
awards_store_is_in_batch (AwardsStore *self)
{
  return self->in_batch;
}

void
awards_store_set_in_batch (AwardsStore *self,
                           gboolean     in_batch)
{
  self->in_batch = in_batch;
}

/* A failure of the server's connection, in the store's terms. */
static void
set_server_error (AwardsDb     *db,
                  GError      **error,
                  const char   *what)
{
  const GError *failure = awards_db_get_last_error (db);
  const char *reason = NULL;
  int domain_code = AWARDS_STORE_ERROR_FAILED;

  if (failure != NULL && failure->domain == AWARDS_DB_ERROR)
    switch (failure->code)
      {
      case AWARDS_DB_ERROR_CONSTRAINT:
        domain_code = AWARDS_STORE_ERROR_CONSTRAINT;
        break;
      case AWARDS_DB_ERROR_READ_ONLY:
        domain_code = AWARDS_STORE_ERROR_READ_ONLY;
        reason = _("this database user may only read");
        break;
      case AWARDS_DB_ERROR_BUSY:
        domain_code = AWARDS_STORE_ERROR_BUSY;
        reason = _("another clerk changed the same records at the same moment, try again");
        break;
      case AWARDS_DB_ERROR_CONNECT:
        reason = _("the connection to the database server was lost");
        break;
      default:
        break;
      }
  if (reason != NULL)
    g_set_error (error, AWARDS_STORE_ERROR, domain_code, "%s: %s (%s)", what, reason,
                 failure->message);
  else
    g_set_error (error, AWARDS_STORE_ERROR, domain_code, "%s (%s)", what,
                 failure != NULL ? failure->message : "?");
}

void
awards_store_set_error (AwardsStore  *self,
                        GError      **error,
                        const char   *what)
{
  AwardsConnection *reader = current_reader (self);
  sqlite3 *db = reader != NULL ? reader->db : self->db;
  int code;

  if (db == NULL)
    {
      set_server_error (reader != NULL ? reader->adb : self->adb, error, what);
      return;
    }
  code = sqlite3_errcode (db);
  const char *reason = NULL;
  int domain_code;

  switch (code & 0xff)
    {
    case SQLITE_CONSTRAINT:
      domain_code = AWARDS_STORE_ERROR_CONSTRAINT;
      break;
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      domain_code = AWARDS_STORE_ERROR_NOT_A_DATABASE;
      reason = _("the database is damaged");
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      domain_code = AWARDS_STORE_ERROR_READ_ONLY;
      reason = _("the database is read-only");
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      domain_code = AWARDS_STORE_ERROR_BUSY;
      reason = _("busy: another program is writing, try again");
      break;
    case SQLITE_FULL:
      domain_code = AWARDS_STORE_ERROR_DISK_FULL;
      reason = _("the disk is full");
      break;
    default:
      domain_code = AWARDS_STORE_ERROR_FAILED;
      break;
    }

  /* Keep SQLite's own words after ours: they are what a developer needs to find the cause. */
  if (reason != NULL)
    g_set_error (error, AWARDS_STORE_ERROR, domain_code, "%s: %s (%s)", what, reason,
                 sqlite3_errmsg (db));
  else
    g_set_error (error, AWARDS_STORE_ERROR, domain_code, "%s (%s)", what, sqlite3_errmsg (db));
}

sqlite3_stmt *
awards_store_prepare (AwardsStore  *self,
                      const char   *sql,
                      GError      **error)
{
  AwardsConnection *reader = current_reader (self);
  sqlite3 *db = reader != NULL ? reader->db : self->db;
  GHashTable *statements = reader != NULL ? reader->statements : self->statements;
  sqlite3_stmt *stmt;

  if (db == NULL)
    {
      g_set_error_literal (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_FAILED,
                           _("This is not possible yet on a database on a server: copy the "
                             "database into a file to do it."));
      return NULL;
    }
  stmt = g_hash_table_lookup (statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      awards_store_set_error (self, error, _("Could not read the database"));
      return NULL;
    }
  g_hash_table_insert (statements, g_strdup (sql), stmt);
  return stmt;
}

/**
 * awards_store_statement:
 *
 * The statement of @sql on the calling thread's connection (its reader, or the write connection
 * inside a write), prepared once per connection and reset with its parameters cleared.
 */
AwardsDbStmt *
awards_store_statement (AwardsStore  *self,
                        const char   *sql,
                        GError      **error)
{
  AwardsConnection *reader = current_reader (self);
  AwardsDb *db = reader != NULL ? reader->adb : self->adb;
  GHashTable *statements = reader != NULL ? reader->db_statements : self->db_statements;
  AwardsDbStmt *stmt = g_hash_table_lookup (statements, sql);
  g_autoptr(GError) local_error = NULL;

  if (stmt != NULL)
    {
      awards_db_stmt_reset (stmt);
      awards_db_stmt_clear_bindings (stmt);
      return stmt;
    }
  if (awards_db_get_backend (db) == AWARDS_DB_POSTGRESQL)
    {
      g_autofree char *server_sql = awards_store_server_sql (sql);

      stmt = awards_db_prepare (db, server_sql, &local_error);
    }
  else
    {
      stmt = awards_db_prepare (db, sql, &local_error);
    }
  if (stmt == NULL)
    {
      g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_FAILED, "%s (%s)",
                   _("Could not read the database"), local_error->message);
      return NULL;
    }
  g_hash_table_insert (statements, g_strdup (sql), stmt);
  return stmt;
}

/* The connection of the calling thread's current call. */
AwardsDb *
awards_store_get_connection (AwardsStore *self)
{
  AwardsConnection *reader = current_reader (self);

  return reader != NULL ? reader->adb : self->adb;
}

gboolean
awards_store_is_server (AwardsStore *self)
{
  return self->db == NULL;
}

/* Runs a statement that returns no rows wanted, and resets it. */
gboolean
awards_store_run (AwardsStore   *self,
                  AwardsDbStmt  *stmt,
                  const char    *what,
                  GError       **error)
{
  AwardsDbStep step;

  while ((step = awards_db_stmt_next (stmt)) == AWARDS_DB_ROW)
    ;
  if (step == AWARDS_DB_FAILED)
    awards_store_set_error (self, error, what);
  awards_db_stmt_reset (stmt);
  return step == AWARDS_DB_DONE;
}

void
awards_stmt_bind_id (AwardsDbStmt *stmt,
                     int           index,
                     gint64        id)
{
  if (id <= 0)
    awards_db_stmt_bind_null_integer (stmt, index);
  else
    awards_db_stmt_bind_int64 (stmt, index, id);
}

void
awards_stmt_bind_bytes (AwardsDbStmt *stmt,
                        int           index,
                        GBytes       *bytes)
{
  gsize size = 0;
  const void *data = g_bytes_get_data (bytes, &size);

  awards_db_stmt_bind_blob (stmt, index, data, size);
}

gboolean
awards_store_exec (AwardsStore  *self,
                   const char   *sql,
                   GError      **error)
{
  g_autoptr(GError) local_error = NULL;

  if (self->db == NULL)
    {
      if (!awards_db_exec (self->adb, sql, &local_error))
        {
          set_server_error (self->adb, error, _("The database refused a change"));
          return FALSE;
        }
      return TRUE;
    }
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      awards_store_set_error (self, error, _("The database refused a change"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
emit_changed_cb (gpointer data)
{
  AwardsStore *self = data;

  g_signal_emit (self, signals[CHANGED], 0);
  return G_SOURCE_REMOVE;
}

void
awards_store_emit_changed (AwardsStore *self)
{
  /* Runs at once when this thread owns (or can take) the store's context, else from an idle. */
  g_main_context_invoke_full (self->context, G_PRIORITY_DEFAULT, emit_changed_cb,
                              g_object_ref (self), g_object_unref);
}

void
awards_bind_text (sqlite3_stmt *stmt,
                  int           index,
                  const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
awards_bind_id (sqlite3_stmt *stmt,
                int           index,
                gint64        id)
{
  if (id <= 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, id);
}

void
awards_bind_bytes (sqlite3_stmt *stmt,
                   int           index,
                   GBytes       *bytes)
{
  gsize size = 0;
  const void *data = g_bytes_get_data (bytes, &size);

  sqlite3_bind_blob (stmt, index, size > 0 ? data : "", size, SQLITE_TRANSIENT);
}

const char *
awards_column_text (sqlite3_stmt *stmt,
                    int           column)
{
  return (const char *)sqlite3_column_text (stmt, column);
}

/* Normalises an optional text: NULL and blank become NULL. */
char *
awards_store_optional_text (const char *text)
{
  char *normalized;

  if (text == NULL)
    return NULL;
  normalized = awards_text_normalize (text);
  if (normalized != NULL && normalized[0] == '\0')
    g_clear_pointer (&normalized, g_free);
  return normalized;
}

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
  close_connection (self);
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
  return awards_store_exec (self, "PRAGMA synchronous = FULL", error) &&
         awards_store_exec (self, "PRAGMA cache_size = -131072", error) &&
         awards_store_exec (self, "PRAGMA temp_store = MEMORY", error);
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

/*
 * A database on a server (awards_db_name_is_server ()): one connection for writes and a pool of
 * readers, like a file. It must have been set up (init-server) for this version. Writing to it
 * is not possible yet; until the writes are moved onto AwardsDb as the reads are, the store is
 * opened for reading only, and a role that may only read is told so.
 */
static AwardsStore *
open_server (const char  *name,
             GError     **error)
{
  g_autoptr(AwardsStore) self = g_object_new (AWARDS_TYPE_STORE, NULL);
  g_autoptr(GError) local_error = NULL;

  self->path = g_strdup (name);
  self->adb = awards_db_open (name, AWARDS_DB_OPEN_READ_ONLY, &local_error);
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
  self->read_only = TRUE;
  self->role_may_write = role_may_write (self->adb);
  self->readers = awards_readers_new_server (name, AWARDS_STORE_MAX_READERS);
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
  g_autoptr(AwardsStore) self = NULL;
  g_autofree char *folder = NULL;
  AwardsOwner *owner;

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

  self = g_object_new (AWARDS_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  /* Say who has the database open (restore asks), and keep every output off its files. */
  owner = awards_owner_register (path, error);
  if (owner == NULL)
    return NULL;
  g_object_set_data_full (G_OBJECT (self), "awards-owner", owner,
                          (GDestroyNotify) awards_owner_unregister);

  if (!open_database (self, FALSE, error))
    return NULL;

  return g_steal_pointer (&self);
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
  g_autoptr(AwardsStore) self = NULL;
  AwardsOwner *owner;

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

  self = g_object_new (AWARDS_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  /* A reader says who it is too, so that a restore does not replace the file under it. */
  owner = awards_owner_register (path, error);
  if (owner == NULL)
    return NULL;
  g_object_set_data_full (G_OBJECT (self), "awards-owner", owner,
                          (GDestroyNotify) awards_owner_unregister);

  if (!open_database (self, TRUE, error))
    return NULL;

  return g_steal_pointer (&self);
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
  if (self->db == NULL)
    return g_strdup (_("Read only: this version of Coop Awards shows and prints the records of a "
                       "database on a server but cannot change them yet."));
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
  query_int (self, "PRAGMA user_version", &version, NULL);
  awards_store_unlock (self);
  return version;
}

/* ------------------------------------------------------------------------------------------- */
/* Writing: one transaction per public call, unless a batch is already open                     */

/**
 * awards_store_begin_immediate:
 *
 * Opens the write transaction, which other writers wait for. On a server database the store
 * does not write yet: the history of changes and undo are SQLite's sessions, which a server does
 * not have, so every write is refused here, before anything is changed, with a sentence.
 */
gboolean
awards_store_begin_immediate (AwardsStore  *self,
                              GError      **error)
{
  if (self->db == NULL && !self->role_may_write)
    {
      g_set_error_literal (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_READ_ONLY,
                           _("This database user may only read the office database, not change "
                             "it."));
      return FALSE;
    }
  if (self->db == NULL)
    {
      g_set_error_literal (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_READ_ONLY,
                           _("This version of Coop Awards can read a database on a server but "
                             "cannot change it yet: enter records in a database file and copy "
                             "it to the server."));
      return FALSE;
    }
  return awards_store_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
awards_store_write_begin (AwardsStore  *self,
                          GError      **error)
{
  awards_store_lock (self);
  if (self->in_batch)
    return TRUE;
  if (!awards_store_begin_immediate (self, error))
    {
      awards_store_unlock (self);
      return FALSE;
    }
  return TRUE;
}

/**
 * awards_store_flush_search:
 *
 * Brings the search index up to date with the rows the triggers noted as changed, in three
 * statements whatever their number. Called inside the write transaction, before its commit.
 */
gboolean
awards_store_flush_search (AwardsStore  *self,
                           GError      **error)
{
  return awards_store_exec (self, AWARDS_SEARCH_FLUSH_SQL, error);
}

gboolean
awards_store_write_end (AwardsStore  *self,
                        gboolean      ok,
                        GError      **error)
{
  if (!self->in_batch)
    {
      if (ok)
        ok = awards_store_flush_search (self, error) && awards_store_exec (self, "COMMIT", error);
      if (!ok)
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
    }
  awards_store_unlock (self);
  if (ok && !self->in_batch)
    awards_store_emit_changed (self);
  return ok;
}

gboolean
awards_store_step_done (AwardsStore   *self,
                        sqlite3_stmt  *stmt,
                        const char    *what,
                        GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      awards_store_set_error (self, error, what);
      return FALSE;
    }
  return TRUE;
}

void
awards_store_set_invalid (GError     **error,
                          const char  *message)
{
  g_set_error_literal (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_INVALID, message);
}

void
awards_store_set_not_found (GError     **error,
                            const char  *what,
                            gint64       id)
{
  /* The number is formatted first: xgettext cannot see through G_GINT64_FORMAT. */
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_NOT_FOUND,
               _("There is no %s with number %s."), what, number);
}

/* The connection of the calling thread's current call: its reader, or the write connection. */
sqlite3 *
awards_store_get_db (AwardsStore *self)
{
  AwardsConnection *reader = current_reader (self);

  return reader != NULL ? reader->db : self->db;
}
