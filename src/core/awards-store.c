#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "awards-command-private.h"
#include "awards-db.h"
#include "awards-search-id.h"
#include "awards-store-dialect.h"
#include "awards-store-object.h"
#include "awards-store-open.h"
#include "awards-store-owners.h"
#include "awards-store-private.h"
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
 * This file holds the object and closing, the connections and their statements, errors and the
 * write transaction of a call; opening a file or a server is awards-store-open.c. The tables are read and written in their own files, around
 * the one query loop of awards-store-query.c: awards-store-catalogue.c (authorities and award
 * types), awards-store-organisations.c, awards-store-people.c, awards-store-decisions.c and
 * awards-store-awards.c (commendations and reports).
 */


/* The readers a thread has taken, one per store: a read inside a read uses the same one. */
typedef struct
{
  AwardsStore      *store;
  AwardsConnection *reader;    /* NULL: reading on the write connection, under its lock */
  guint             depth;
} ReadUse;

static GPrivate read_uses = G_PRIVATE_INIT (NULL);   /* GSList of ReadUse */


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

void
awards_store_close_connection (AwardsStore *self)
{
  g_clear_pointer (&self->checkpointer, awards_checkpointer_free);
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

  /* The watch's and the readers' connections close first: the write connection is the last
   * one of this process, whose close may fold the log into the file (below). */
  g_object_set_data (object, "awards-store-watch", NULL);
  g_clear_pointer (&self->readers, awards_readers_free);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->db_statements, g_hash_table_unref);
  /*
   * The write connection closes last. SQLite folds the log into the file and deletes it when
   * it believes that connection is the database's last one anywhere, which it learns from POSIX
   * locks; and a process loses all of those whenever anything in it opens and closes one of the
   * database's files (a file chooser showing their folder reads each file to tell its type).
   * Another of our programs then deleted the log that the window went on writing to, and the
   * window's later changes were gone. So the log is left alone unless the owners' lock, a
   * flock () that no close elsewhere drops, says that this process is the last one
   * (awards-store-owners.c).
   */
  if (self->db != NULL && !awards_owner_is_last (g_object_get_data (object, "awards-owner")))
    sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  awards_store_close_connection (self);
  g_object_set_data (object, "awards-owner", NULL);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->role_name, g_free);
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
 * of this process wait for the import, as they did before there were readers, and the log is
 * not copied into the file (a checkpoint that is running is waited for).
 */
void
awards_store_pause_readers (AwardsStore *self,
                            gboolean     paused)
{
  g_atomic_int_set (&self->readers_paused, paused);
  if (self->checkpointer != NULL)
    awards_checkpointer_pause (self->checkpointer, paused);
}

/* How many times the log was copied into the file off the writer's thread (for the tests). */
guint
awards_store_get_n_checkpoints (AwardsStore *self)
{
  return self->checkpointer != NULL ? awards_checkpointer_get_count (self->checkpointer) : 0;
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

/**
 * awards_store_set_db_error:
 * @what: the sentence that says what failed
 * @failure: (nullable): the database's error
 *
 * Sets @error from a failure of the server's database, in the store's terms: its kind, and a
 * reason a clerk can read before the server's own words.
 */
void
awards_store_set_db_error (GError       **error,
                           const char    *what,
                           const GError  *failure)
{
  const char *reason = NULL;
  int domain_code = AWARDS_STORE_ERROR_FAILED;
  g_autofree char *words = NULL;

  /* The server's words come last, on one line: libpq ends its own with newlines and tabs. */
  if (failure != NULL)
    {
      g_auto(GStrv) parts = g_strsplit_set (failure->message, "\n\t", -1);
      g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
      g_auto(GStrv) nonempty = NULL;

      for (guint i = 0; parts[i] != NULL; i++)
        if (g_strstrip (parts[i])[0] != '\0')
          g_strv_builder_add (kept, parts[i]);
      nonempty = g_strv_builder_end (kept);
      words = g_strjoinv (" ", nonempty);
    }
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
        /* The server's words (libpq's English: "terminating connection due to administrator
         * command", "no connection to the server") tell the clerk nothing more. */
        reason = _("the connection to the database server was lost; try again once the server "
                   "answers");
        g_clear_pointer (&words, g_free);
        break;
      default:
        break;
      }
  if (reason != NULL && words == NULL)
    g_set_error (error, AWARDS_STORE_ERROR, domain_code, "%s: %s.", what, reason);
  else if (reason != NULL)
    g_set_error (error, AWARDS_STORE_ERROR, domain_code, "%s: %s (%s)", what, reason, words);
  else
    g_set_error (error, AWARDS_STORE_ERROR, domain_code, "%s (%s)", what,
                 words != NULL ? words : "?");
}

/* A failure of the server's connection, in the store's terms. */
static void
set_server_error (AwardsDb     *db,
                  GError      **error,
                  const char   *what)
{
  awards_store_set_db_error (error, what, awards_db_get_last_error (db));
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

/* Whether a server database keeps its tables' row counts in awards_counts. */
gboolean
awards_store_has_row_counts (AwardsStore *self)
{
  return self->has_counts;
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
          /* A server that went away refused nothing. */
          set_server_error (self->adb, error,
                            g_error_matches (local_error, AWARDS_DB_ERROR,
                                             AWARDS_DB_ERROR_CONNECT)
                              ? _("The change could not be written")
                              : _("The database refused a change"));
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
awards_store_adopt_context (AwardsStore *self)
{
  g_clear_pointer (&self->context, g_main_context_unref);
  self->context = g_main_context_ref_thread_default ();
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
/* Writing: one transaction per public call, unless a batch is already open                     */

/**
 * awards_store_begin_immediate:
 *
 * Opens the write transaction, which other writers wait for. A file's writers wait for SQLite's
 * write lock. A server's take one lock for the database (an advisory lock held until the
 * transaction ends), so that writers follow one another as on a file and each sees what the
 * one before it committed; readers are never held up.
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
  if (self->db == NULL && self->read_only)
    {
      g_autofree char *why = awards_store_describe_read_only (self);

      g_set_error_literal (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_READ_ONLY, why);
      return FALSE;
    }
  if (self->db == NULL)
    return awards_store_exec (self, "BEGIN; " AWARDS_STORE_WRITE_LOCK_SQL, error);
  return awards_store_exec (self, "BEGIN IMMEDIATE", error);
}

/* The database role that changes a server database, as the audit log names it; NULL for a
 * file. */
const char *
awards_store_get_role_name (AwardsStore *self)
{
  return self->role_name;
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

/* Ends the write transaction without its changes, on either backend; nothing to report. */
void
awards_store_rollback (AwardsStore *self)
{
  if (self->db == NULL)
    awards_db_rollback (self->adb);
  else
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
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
        awards_store_rollback (self);
    }
  /* A command or a step of undo joined or left the lists before the commit. */
  awards_command_history_snapshot (self);
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
