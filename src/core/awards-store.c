#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "awards-catalogue.h"
#include "awards-command-private.h"
#include "awards-date.h"
#include "awards-output-file.h"
#include "awards-schema.h"
#include "awards-search-id.h"
#include "awards-store-owners.h"
#include "awards-store-private.h"
#include "awards-store-query.h"
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
 */

struct _AwardsStore
{
  GObject       parent_instance;

  sqlite3      *db;
  char         *path;
  GRecMutex     lock;
  GHashTable   *statements;    /* SQL text → sqlite3_stmt */
  GMainContext *context;
  gboolean      in_batch;
  gboolean      read_only;
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
awards_store_finalize (GObject *object)
{
  AwardsStore *self = (AwardsStore *)object;

  g_clear_pointer (&self->readers, awards_readers_free);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close (self->db);
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

void
awards_store_set_error (AwardsStore  *self,
                        GError      **error,
                        const char   *what)
{
  AwardsConnection *reader = current_reader (self);
  sqlite3 *db = reader != NULL ? reader->db : self->db;
  int code = sqlite3_errcode (db);
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
  sqlite3_stmt *stmt = g_hash_table_lookup (statements, sql);

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

gboolean
awards_store_exec (AwardsStore  *self,
                   const char   *sql,
                   GError      **error)
{
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
  g_clear_pointer (&self->db, sqlite3_close);
  /* The store's own lock keeps one thread at a time on the connection, so SQLite need not
   * take its mutex again on every call. */
  if (sqlite3_open_v2 (filename, &self->db, flags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    {
      set_open_error (self, error);
      return FALSE;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);
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

gboolean
awards_store_write_begin (AwardsStore  *self,
                          GError      **error)
{
  awards_store_lock (self);
  if (self->in_batch)
    return TRUE;
  if (!awards_store_exec (self, "BEGIN IMMEDIATE", error))
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
  return awards_store_exec (self,
                            "DELETE FROM search_index WHERE rowid IN"
                            "  (SELECT ref FROM search_pending);"
                            "INSERT INTO search_index (rowid, body)"
                            " SELECT ref, body FROM (SELECT p.ref,"
                            "  CASE " AWARDS_SEARCH_KIND_OF_SQL ("p.ref")
                            "   WHEN " AWARDS_SEARCH_KIND_ORGANISATION_SQL
                            "    THEN (SELECT search_key FROM organisation"
                            "          WHERE id = " AWARDS_SEARCH_ID_OF_SQL ("p.ref") ")"
                            "   WHEN " AWARDS_SEARCH_KIND_PERSON_SQL
                            "    THEN (SELECT search_key FROM person"
                            "          WHERE id = " AWARDS_SEARCH_ID_OF_SQL ("p.ref") ")"
                            "   ELSE (SELECT search_key FROM decision"
                            "         WHERE id = " AWARDS_SEARCH_ID_OF_SQL ("p.ref") ")"
                            "  END AS body FROM search_pending p) WHERE body IS NOT NULL;"
                            "DELETE FROM search_pending;",
                            error);
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

/* ------------------------------------------------------------------------------------------- */
/* Authorities and award types                                                                   */

static gpointer
authority_from_row (sqlite3_stmt *stmt,
                     gpointer      user_data G_GNUC_UNUSED)
{
  AwardsAuthority *authority = awards_authority_new ();

  awards_authority_set_id (authority, sqlite3_column_int64 (stmt, 0));
  awards_authority_set_name (authority, awards_column_text (stmt, 1));
  awards_authority_set_short_name (authority, awards_column_text (stmt, 2));
  awards_authority_set_award_count (authority, sqlite3_column_int (stmt, 3));
  return authority;
}

/* The award count is left at 0 here: counting needs a pass over every award, and the lists of
 * authorities (choosers, filters) are read when a window opens. */
#define AUTHORITY_COLUMNS "a.id, a.name, a.short_name, 0 "

GPtrArray *
awards_store_list_authorities (AwardsStore  *self,
                               GError      **error)
{
  g_return_val_if_fail (AWARDS_IS_STORE (self), NULL);

  return awards_store_query_list (self,
                                  "SELECT " AUTHORITY_COLUMNS " FROM authority a ORDER BY a.sort_key",
                                  NULL, authority_from_row, g_object_unref, NULL,
                                  _("Could not read the authorities"), error);
}

AwardsAuthority *
awards_store_find_authority (AwardsStore  *self,
                             const char   *name,
                             GError      **error)
{
  g_autofree char *key = NULL;
  AwardsAuthority *authority = NULL;

  g_return_val_if_fail (AWARDS_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  key = awards_text_name_key (name);
  if (!awards_store_query_row (self,
                               "SELECT " AUTHORITY_COLUMNS " FROM authority a WHERE a.name_key = ?",
                               awards_query_bind_text, authority_from_row, key,
                               (gpointer *)&authority, _("Could not read the authorities"), error))
    return NULL;
  if (authority == NULL)
    g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_NOT_FOUND,
                 _("There is no authority named “%s”."), name);
  return authority;
}

gint64
awards_store_save_authority (AwardsStore      *self,
                             AwardsAuthority  *authority,
                             GError          **error)
{
  g_autofree char *name = NULL;
  g_autofree char *short_name = NULL;
  g_autofree char *key = NULL;
  g_autofree char *search_key = NULL;
  g_autoptr(GBytes) sort_key = NULL;
  sqlite3_stmt *stmt;
  gint64 id;
  gboolean ok;

  g_return_val_if_fail (AWARDS_IS_STORE (self), 0);
  g_return_val_if_fail (AWARDS_IS_AUTHORITY (authority), 0);

  name = awards_store_optional_text (awards_authority_get_name (authority));
  if (name == NULL)
    {
      awards_store_set_invalid (error, _("The authority has no name."));
      return 0;
    }
  short_name = awards_store_optional_text (awards_authority_get_short_name (authority));
  key = awards_text_name_key (name);
  search_key = awards_text_fold (name);
  sort_key = awards_text_collation_key (name);
  id = awards_authority_get_id (authority);

  if (!awards_store_write_begin (self, error))
    return 0;
  if (id > 0)
    stmt = awards_store_prepare (self,
                                 "UPDATE authority SET name = ?1, short_name = ?2, name_key = ?3,"
                                 " search_key = ?4, sort_key = ?5 WHERE id = ?6", error);
  else
    stmt = awards_store_prepare (self,
                                 "INSERT INTO authority (name, short_name, name_key, search_key,"
                                 " sort_key) VALUES (?1, ?2, ?3, ?4, ?5)", error);
  ok = stmt != NULL;
  if (ok)
    {
      awards_bind_text (stmt, 1, name);
      awards_bind_text (stmt, 2, short_name);
      awards_bind_text (stmt, 3, key);
      awards_bind_text (stmt, 4, search_key);
      awards_bind_bytes (stmt, 5, sort_key);
      if (id > 0)
        sqlite3_bind_int64 (stmt, 6, id);
      ok = awards_store_step_done (self, stmt, _("Could not save the authority"), error);
    }
  if (ok && id == 0)
    id = sqlite3_last_insert_rowid (self->db);
  if (!awards_store_write_end (self, ok, error))
    return 0;
  awards_authority_set_id (authority, id);
  awards_authority_set_name (authority, name);
  return id;
}

static gpointer
award_type_from_row (sqlite3_stmt *stmt,
                      gpointer      user_data G_GNUC_UNUSED)
{
  AwardsAwardType *type = awards_award_type_new ();
  AwardsAwardCategory category = AWARDS_AWARD_CATEGORY_FORM;
  AwardsEligibility eligibility = AWARDS_ELIGIBILITY_BOTH;

  awards_award_category_from_string (awards_column_text (stmt, 2), &category);
  awards_eligibility_from_string (awards_column_text (stmt, 3), &eligibility);
  awards_award_type_set_id (type, sqlite3_column_int64 (stmt, 0));
  awards_award_type_set_name (type, awards_column_text (stmt, 1));
  awards_award_type_set_category (type, category);
  awards_award_type_set_eligibility (type, eligibility);
  awards_award_type_set_rank (type, sqlite3_column_int (stmt, 4));
  return type;
}

#define AWARD_TYPE_COLUMNS "t.id, t.name, t.category, t.eligibility, t.rank "

GPtrArray *
awards_store_list_award_types (AwardsStore  *self,
                               GError      **error)
{
  g_return_val_if_fail (AWARDS_IS_STORE (self), NULL);

  return awards_store_query_list (self,
                                  "SELECT " AWARD_TYPE_COLUMNS " FROM award_type t"
                                  " ORDER BY t.rank, t.name_key",
                                  NULL, award_type_from_row, g_object_unref, NULL,
                                  _("Could not read the award catalogue"), error);
}

AwardsAwardType *
awards_store_find_award_type (AwardsStore  *self,
                              const char   *name,
                              GError      **error)
{
  g_autofree char *key = NULL;
  AwardsAwardType *type = NULL;

  g_return_val_if_fail (AWARDS_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  key = awards_text_name_key (name);
  if (!awards_store_query_row (self,
                               "SELECT " AWARD_TYPE_COLUMNS " FROM award_type t WHERE t.name_key = ?",
                               awards_query_bind_text, award_type_from_row, key,
                               (gpointer *)&type, _("Could not read the award catalogue"), error))
    return NULL;
  if (type == NULL)
    g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_NOT_FOUND,
                 _("There is no award named “%s” in the catalogue."), name);
  return type;
}

gint64
awards_store_save_award_type (AwardsStore      *self,
                              AwardsAwardType  *award_type,
                              GError          **error)
{
  g_autofree char *name = NULL;
  g_autofree char *key = NULL;
  g_autofree char *search_key = NULL;
  sqlite3_stmt *stmt;
  gint64 id;
  gboolean ok;

  g_return_val_if_fail (AWARDS_IS_STORE (self), 0);
  g_return_val_if_fail (AWARDS_IS_AWARD_TYPE (award_type), 0);

  name = awards_store_optional_text (awards_award_type_get_name (award_type));
  if (name == NULL)
    {
      awards_store_set_invalid (error, _("The award has no name."));
      return 0;
    }
  key = awards_text_name_key (name);
  search_key = awards_text_fold (name);
  id = awards_award_type_get_id (award_type);

  if (!awards_store_write_begin (self, error))
    return 0;
  if (id > 0)
    stmt = awards_store_prepare (self,
                                 "UPDATE award_type SET name = ?1, category = ?2, eligibility = ?3,"
                                 " rank = ?4, name_key = ?5, search_key = ?6 WHERE id = ?7", error);
  else
    stmt = awards_store_prepare (self,
                                 "INSERT INTO award_type (name, category, eligibility, rank,"
                                 " name_key, search_key) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  ok = stmt != NULL;
  if (ok)
    {
      awards_bind_text (stmt, 1, name);
      awards_bind_text (stmt, 2,
                        awards_award_category_to_string (awards_award_type_get_category (award_type)));
      awards_bind_text (stmt, 3,
                        awards_eligibility_to_string (awards_award_type_get_eligibility (award_type)));
      sqlite3_bind_int (stmt, 4, awards_award_type_get_rank (award_type));
      awards_bind_text (stmt, 5, key);
      awards_bind_text (stmt, 6, search_key);
      if (id > 0)
        sqlite3_bind_int64 (stmt, 7, id);
      ok = awards_store_step_done (self, stmt, _("Could not save the award"), error);
    }
  if (ok && id == 0)
    id = sqlite3_last_insert_rowid (self->db);
  if (!awards_store_write_end (self, ok, error))
    return 0;
  awards_award_type_set_id (award_type, id);
  awards_award_type_set_name (award_type, name);
  return id;
}

/* ------------------------------------------------------------------------------------------- */
/* Organisations                                                                                 */

#define ORGANISATION_COLUMNS \
  "o.id, o.name, o.short_name, o.kind, o.parent_id, " \
  "(SELECT p.name FROM organisation p WHERE p.id = o.parent_id), " \
  "o.tax_code, o.address, o.district, o.sector, o.founded, o.dissolved, o.notes, " \
  "(SELECT count(*) FROM commendation c WHERE c.organisation_id = o.id AND c.deleted = 0) + " \
  "(SELECT count(*) FROM commendation c WHERE c.organisation_at_time_id = o.id AND c.deleted = 0) "

static gpointer
organisation_from_row (sqlite3_stmt *stmt,
                        gpointer      user_data G_GNUC_UNUSED)
{
  AwardsOrganisation *organisation = awards_organisation_new ();
  AwardsOrganisationKind kind = AWARDS_ORGANISATION_KIND_OTHER;

  awards_organisation_kind_from_string (awards_column_text (stmt, 3), &kind);
  awards_organisation_set_id (organisation, sqlite3_column_int64 (stmt, 0));
  awards_organisation_set_name (organisation, awards_column_text (stmt, 1));
  awards_organisation_set_short_name (organisation, awards_column_text (stmt, 2));
  awards_organisation_set_kind (organisation, kind);
  awards_organisation_set_parent_id (organisation, sqlite3_column_int64 (stmt, 4));
  awards_organisation_set_parent_name (organisation, awards_column_text (stmt, 5));
  awards_organisation_set_tax_code (organisation, awards_column_text (stmt, 6));
  awards_organisation_set_address (organisation, awards_column_text (stmt, 7));
  awards_organisation_set_district (organisation, awards_column_text (stmt, 8));
  awards_organisation_set_sector (organisation, awards_column_text (stmt, 9));
  awards_organisation_set_founded (organisation, awards_column_text (stmt, 10));
  awards_organisation_set_dissolved (organisation, awards_column_text (stmt, 11));
  awards_organisation_set_notes (organisation, awards_column_text (stmt, 12));
  awards_organisation_set_award_count (organisation, sqlite3_column_int (stmt, 13));
  return organisation;
}

static gboolean
load_former_names (AwardsStore         *self,
                   AwardsOrganisation  *organisation,
                   GError             **error)
{
  g_autoptr(GPtrArray) names = NULL;
  gint64 id = awards_organisation_get_id (organisation);

  names = awards_store_query_list (self,
                                   "SELECT name FROM organisation_name WHERE organisation_id = ?"
                                   " ORDER BY id",
                                   awards_query_bind_id, awards_query_read_text, g_free, &id,
                                   _("Could not read the organisation"), error);
  if (names == NULL)
    return FALSE;
  g_ptr_array_add (names, NULL);
  g_object_set (organisation, "former-names", (char **)names->pdata, NULL);
  return TRUE;
}

AwardsOrganisation *
awards_store_get_organisation (AwardsStore  *self,
                               gint64        id,
                               GError      **error)
{
  g_autoptr(AwardsOrganisation) organisation = NULL;

  g_return_val_if_fail (AWARDS_IS_STORE (self), NULL);

  /* The former names are read on the connection that read the organisation. */
  awards_store_read_begin (self);
  if (awards_store_query_row (self,
                              "SELECT " ORGANISATION_COLUMNS " FROM organisation o WHERE o.id = ?",
                              awards_query_bind_id, organisation_from_row, &id,
                              (gpointer *)&organisation, _("Could not read the organisation"),
                              error) &&
      organisation == NULL)
    awards_store_set_not_found (error, _("organisation"), id);
  if (organisation != NULL && !load_former_names (self, organisation, error))
    g_clear_object (&organisation);
  awards_store_read_end (self);
  return g_steal_pointer (&organisation);
}

/**
 * awards_store_find_organisation:
 * @name_or_id: a number (the organisation's id), or a name, current or former, compared
 *   without regard to case, spacing or Unicode form
 *
 * Returns: (transfer full): the organisation, or %NULL with %AWARDS_STORE_ERROR_NOT_FOUND
 */
AwardsOrganisation *
awards_store_find_organisation (AwardsStore  *self,
                                const char   *name_or_id,
                                GError      **error)
{
  g_autofree char *key = NULL;
  gint64 id = 0;
  sqlite3_stmt *stmt;
  char *end = NULL;
  int rc;

  g_return_val_if_fail (AWARDS_IS_STORE (self), NULL);
  g_return_val_if_fail (name_or_id != NULL, NULL);

  id = g_ascii_strtoll (name_or_id, &end, 10);
  if (end != name_or_id && *end == '\0' && id > 0)
    {
      AwardsOrganisation *by_id = awards_store_get_organisation (self, id, NULL);

      if (by_id != NULL)
        return by_id;
    }

  key = awards_text_name_key (name_or_id);
  id = 0;
  awards_store_read_begin (self);
  stmt = awards_store_prepare (self,
                               "SELECT id FROM organisation WHERE name_key = ?1"
                               " UNION ALL SELECT organisation_id FROM organisation_name"
                               " WHERE name_key = ?1 LIMIT 1", error);
  if (stmt == NULL)
    {
      awards_store_read_end (self);
      return NULL;
    }
  awards_bind_text (stmt, 1, key);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  /* The error is the reader's: said before the reader goes back. */
  else if (rc != SQLITE_DONE)
    awards_store_set_error (self, error, _("Could not read the organisation"));
  sqlite3_reset (stmt);
  awards_store_read_end (self);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return NULL;
  if (id == 0)
    {
      g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_NOT_FOUND,
                   _("There is no organisation named “%s”."), name_or_id);
      return NULL;
    }
  return awards_store_get_organisation (self, id, error);
}

/* The FTS5 rows of one kind that match what the user typed, as a subquery of ids. */
#define SEARCH_IDS(kind) \
  "(SELECT " AWARDS_SEARCH_ID_OF_SQL ("rowid") " FROM search_index" \
  " WHERE search_index MATCH ?1 AND " AWARDS_SEARCH_KIND_OF_SQL ("rowid") " = " kind ")"

/* Every organisation and person has one row in the search index, so it counts them alone. */
#define COUNT_SEARCH(kind) \
  "SELECT count(*) FROM search_index WHERE search_index MATCH ?1" \
  " AND " AWARDS_SEARCH_KIND_OF_SQL ("rowid") " = " kind

/*
 * Whether the search matches many rows of @kind ("0" organisations, "1" people) for a page that
 * ends at @end: four times as many or more. A page of a list in Vietnamese order is then found
 * faster by reading the sort-key index until the page is full, keeping the rows that match
 * ("+id" keeps SQLite from fetching the matches by id instead), than by fetching every match,
 * computing its columns and sorting them all: for "nguyen" among the people of a million awards,
 * 22 instead of 70 ms. A narrow search is the other way round.
 */
static gboolean
search_is_broad (AwardsStore *self,
                 const char  *match,
                 const char  *kind,
                 guint64      end)
{
  g_autofree char *sql =
    g_strdup_printf ("SELECT count(*) FROM (SELECT 1 FROM search_index WHERE search_index"
                     " MATCH ?1 AND rowid %% %d = %s LIMIT ?2)", AWARDS_SEARCH_ID_KINDS, kind);
  sqlite3_stmt *stmt = awards_store_prepare (self, sql, NULL);
  gint64 enough = (gint64)MIN (end * 4, G_MAXINT64 / 2);
  gboolean broad = FALSE;

  if (stmt == NULL)
    return FALSE;
  awards_bind_text (stmt, 1, match);
  sqlite3_bind_int64 (stmt, 2, enough);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    broad = sqlite3_column_int64 (stmt, 0) >= enough;
  sqlite3_reset (stmt);
  return broad;
}

guint
awards_store_count_organisations (AwardsStore  *self,
                                  const char   *search,
                                  GError      **error)
{
  g_autofree char *match = NULL;
  sqlite3_stmt *stmt;
  guint count = 0;

  g_return_val_if_fail (AWARDS_IS_STORE (self), 0);

  match = search != NULL ? awards_text_fts_query (search) : NULL;
  awards_store_read_begin (self);
  if (match != NULL)
    stmt = awards_store_prepare (self,
                                 COUNT_SEARCH ("0"), error);
  else
    stmt = awards_store_prepare (self, "SELECT count(*) FROM organisation", error);
  if (stmt != NULL)
    {
      if (match != NULL)
        awards_bind_text (stmt, 1, match);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        count = sqlite3_column_int (stmt, 0);
      else
        awards_store_set_error (self, error, _("Could not count the organisations"));
      sqlite3_reset (stmt);
    }
  awards_store_read_end (self);
  return count;
}

/**
 * awards_store_list_organisations:
 * @search: (nullable): what the user typed; %NULL or blank lists all
 *
 * Returns: (transfer full): organisations in Vietnamese alphabetical order, with their award
 *   counts (their own and their people's while they belonged to them), or %NULL on error
 */
GPtrArray *
awards_store_list_organisations (AwardsStore  *self,
                                 const char   *search,
                                 guint         offset,
                                 guint         limit,
                                 GError      **error)
{
  AwardsQueryPage page = { NULL, 0, offset, limit };
  g_autofree char *match = NULL;
  GPtrArray *result;
  const char *sql;

  g_return_val_if_fail (AWARDS_IS_STORE (self), NULL);

  match = search != NULL ? awards_text_fts_query (search) : NULL;
  page.match = match;
  /* The page is read on the connection that judged the search broad. */
  awards_store_read_begin (self);
  if (match != NULL && search_is_broad (self, match, "0", (guint64)offset + limit))
    sql = "SELECT " ORGANISATION_COLUMNS " FROM organisation o"
          " WHERE +o.id IN " SEARCH_IDS ("0")
          " ORDER BY o.sort_key, o.id LIMIT ?3 OFFSET ?4";
  else if (match != NULL)
    sql = "SELECT " ORGANISATION_COLUMNS " FROM organisation o"
          " WHERE o.id IN " SEARCH_IDS ("0")
          " ORDER BY o.sort_key, o.id LIMIT ?3 OFFSET ?4";
  else
    sql = "SELECT " ORGANISATION_COLUMNS " FROM organisation o"
          " ORDER BY o.sort_key, o.id LIMIT ?3 OFFSET ?4";
  result = awards_store_query_list (self, sql, awards_query_bind_page, organisation_from_row,
                                    g_object_unref, &page,
                                    _("Could not read the organisations"), error);
  awards_store_read_end (self);
  return result;
}

static char *
organisation_search_key (const char *name,
                         const char *short_name,
                         const char *tax_code,
                         const char * const *former_names)
{
  g_autoptr(GString) text = g_string_new (name);

  if (short_name != NULL)
    g_string_append_printf (text, " %s", short_name);
  if (tax_code != NULL)
    g_string_append_printf (text, " %s", tax_code);
  for (guint i = 0; former_names != NULL && former_names[i] != NULL; i++)
    g_string_append_printf (text, " %s", former_names[i]);
  return awards_text_fold (text->str);
}

/* Inserts or updates an organisation inside an open transaction. */
static gint64
write_organisation (AwardsStore         *self,
                    AwardsOrganisation  *organisation,
                    GError             **error)
{
  g_autofree char *name = awards_store_optional_text (awards_organisation_get_name (organisation));
  g_autofree char *short_name = awards_store_optional_text (awards_organisation_get_short_name (organisation));
  g_autofree char *tax_code = awards_store_optional_text (awards_organisation_get_tax_code (organisation));
  g_autofree char *founded = NULL;
  g_autofree char *dissolved = NULL;
  g_autofree char *old_name = NULL;
  g_autofree char *key = NULL;
  g_autofree char *search_key = NULL;
  g_auto(GStrv) former = NULL;
  g_autoptr(GBytes) sort_key = NULL;
  gint64 id = awards_organisation_get_id (organisation);
  gint64 parent_id = awards_organisation_get_parent_id (organisation);
  sqlite3_stmt *stmt;
  int rc;

  if (name == NULL)
    {
      awards_store_set_invalid (error, _("The organisation has no name."));
      return 0;
    }
  if (awards_organisation_get_founded (organisation) != NULL &&
      !awards_date_parse (awards_organisation_get_founded (organisation), &founded))
    {
      awards_store_set_invalid (error, _("The founding date is not a valid date."));
      return 0;
    }
  if (awards_organisation_get_dissolved (organisation) != NULL &&
      !awards_date_parse (awards_organisation_get_dissolved (organisation), &dissolved))
    {
      awards_store_set_invalid (error, _("The dissolution date is not a valid date."));
      return 0;
    }
  if (id > 0 && parent_id == id)
    {
      awards_store_set_invalid (error, _("An organisation cannot be its own parent."));
      return 0;
    }

  /* A rename keeps the old name as a former name, so that old awards and imports still find it. */
  if (id > 0)
    {
      stmt = awards_store_prepare (self, "SELECT name FROM organisation WHERE id = ?", error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        old_name = g_strdup (awards_column_text (stmt, 0));
      sqlite3_reset (stmt);
      if (old_name == NULL)
        {
          awards_store_set_not_found (error, _("organisation"), id);
          return 0;
        }
      if (g_strcmp0 (old_name, name) != 0)
        {
          g_autofree char *old_key = awards_text_name_key (old_name);

          stmt = awards_store_prepare (self,
                                       "INSERT OR IGNORE INTO organisation_name"
                                       " (organisation_id, name, name_key, until)"
                                       " VALUES (?1, ?2, ?3, date ('now'))", error);
          if (stmt == NULL)
            return 0;
          sqlite3_bind_int64 (stmt, 1, id);
          awards_bind_text (stmt, 2, old_name);
          awards_bind_text (stmt, 3, old_key);
          if (!awards_store_step_done (self, stmt, _("Could not keep the former name"), error))
            return 0;
        }
      if (!load_former_names (self, organisation, error))
        return 0;
    }

  g_object_get (organisation, "former-names", &former, NULL);
  key = awards_text_name_key (name);
  search_key = organisation_search_key (name, short_name, tax_code, (const char * const *)former);
  sort_key = awards_text_collation_key (name);

  if (id > 0)
    stmt = awards_store_prepare (self,
                                 "UPDATE organisation SET name = ?1, short_name = ?2, kind = ?3,"
                                 " parent_id = ?4, tax_code = ?5, address = ?6, district = ?7,"
                                 " sector = ?8, founded = ?9, dissolved = ?10, notes = ?11,"
                                 " name_key = ?12, search_key = ?13, sort_key = ?14,"
                                 " updated_at = strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')"
                                 " WHERE id = ?15", error);
  else
    stmt = awards_store_prepare (self,
                                 "INSERT INTO organisation (name, short_name, kind, parent_id,"
                                 " tax_code, address, district, sector, founded, dissolved, notes,"
                                 " name_key, search_key, sort_key)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
                                 " ?14)", error);
  if (stmt == NULL)
    return 0;
  {
    g_autofree char *address = awards_store_optional_text (awards_organisation_get_address (organisation));
    g_autofree char *district = awards_store_optional_text (awards_organisation_get_district (organisation));
    g_autofree char *sector = awards_store_optional_text (awards_organisation_get_sector (organisation));
    g_autofree char *notes = awards_store_optional_text (awards_organisation_get_notes (organisation));

    awards_bind_text (stmt, 1, name);
    awards_bind_text (stmt, 2, short_name);
    awards_bind_text (stmt, 3,
                      awards_organisation_kind_to_string (awards_organisation_get_kind (organisation)));
    awards_bind_id (stmt, 4, parent_id);
    awards_bind_text (stmt, 5, tax_code);
    awards_bind_text (stmt, 6, address);
    awards_bind_text (stmt, 7, district);
    awards_bind_text (stmt, 8, sector);
    awards_bind_text (stmt, 9, founded);
    awards_bind_text (stmt, 10, dissolved);
    awards_bind_text (stmt, 11, notes);
    awards_bind_text (stmt, 12, key);
    awards_bind_text (stmt, 13, search_key);
    awards_bind_bytes (stmt, 14, sort_key);
    if (id > 0)
      sqlite3_bind_int64 (stmt, 15, id);
  }
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      if (sqlite3_extended_errcode (self->db) == SQLITE_CONSTRAINT_UNIQUE)
        g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_CONSTRAINT,
                     _("Another organisation already has the registration code “%s”."),
                     tax_code);
      else
        awards_store_set_error (self, error, _("Could not save the organisation"));
      return 0;
    }
  if (id == 0)
    id = sqlite3_last_insert_rowid (self->db);
  awards_organisation_set_id (organisation, id);
  awards_organisation_set_name (organisation, name);
  return id;
}

/**
 * awards_store_save_organisation:
 *
 * Inserts the organisation when its id is 0, else updates it. A new name keeps the old one as a
 * former name. Sets the id on @organisation.
 *
 * Returns: the id, or 0 on error
 */
gint64
awards_store_save_organisation (AwardsStore         *self,
                                AwardsOrganisation  *organisation,
                                GError             **error)
{
  gint64 id;

  g_return_val_if_fail (AWARDS_IS_STORE (self), 0);
  g_return_val_if_fail (AWARDS_IS_ORGANISATION (organisation), 0);

  if (!awards_store_write_begin (self, error))
    return 0;
  id = awards_organisation_get_id (organisation);
  awards_command_begin (self, id > 0 ? AWARDS_ACTION_EDIT : AWARDS_ACTION_CREATE,
                        "organisation", id);
  id = write_organisation (self, organisation, error);
  if (!awards_command_commit (self, id > 0, error))
    return 0;
  return id;
}

gboolean
awards_store_delete_organisation (AwardsStore  *self,
                                  gint64        id,
                                  GError      **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;
  int rc;

  g_return_val_if_fail (AWARDS_IS_STORE (self), FALSE);

  if (!awards_store_write_begin (self, error))
    return FALSE;
  awards_command_begin (self, AWARDS_ACTION_DELETE, "organisation", id);
  stmt = awards_store_prepare (self,
                               "SELECT count(*) FROM commendation WHERE organisation_id = ?1"
                               " OR organisation_at_time_id = ?1", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) > 0)
        {
          g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_CONSTRAINT,
                       ngettext ("The organisation has %d award recorded; it cannot be deleted.",
                                 "The organisation has %d awards recorded; it cannot be deleted.",
                                 sqlite3_column_int (stmt, 0)),
                       sqlite3_column_int (stmt, 0));
          ok = FALSE;
        }
      sqlite3_reset (stmt);
    }
  if (ok)
    {
      stmt = awards_store_prepare (self, "DELETE FROM organisation WHERE id = ?", error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, id);
          ok = awards_store_step_done (self, stmt, _("Could not delete the organisation"), error);
        }
      if (ok && sqlite3_changes (self->db) == 0)
        {
          awards_store_set_not_found (error, _("organisation"), id);
          ok = FALSE;
        }
    }
  return awards_command_commit (self, ok, error);
}

/* ------------------------------------------------------------------------------------------- */
/* People                                                                                        */

#define PERSON_COLUMNS \
  "p.id, p.full_name, p.family_name, p.middle_name, p.given_name, p.gender, p.birth_year, " \
  "p.organisation_id, (SELECT o.name FROM organisation o WHERE o.id = p.organisation_id), " \
  "p.position, p.notes, " \
  "(SELECT count(*) FROM commendation c WHERE c.person_id = p.id AND c.deleted = 0) "

static gpointer
person_from_row (sqlite3_stmt *stmt,
                  gpointer      user_data G_GNUC_UNUSED)
{
  AwardsPerson *person = awards_person_new ();
  AwardsGender gender = AWARDS_GENDER_UNKNOWN;

  awards_gender_from_string (awards_column_text (stmt, 5), &gender);
  awards_person_set_id (person, sqlite3_column_int64 (stmt, 0));
  awards_person_set_full_name (person, awards_column_text (stmt, 1));
  awards_person_set_family_name (person, awards_column_text (stmt, 2));
  awards_person_set_middle_name (person, awards_column_text (stmt, 3));
  awards_person_set_given_name (person, awards_column_text (stmt, 4));
  awards_person_set_gender (person, gender);
  awards_person_set_birth_year (person, sqlite3_column_int (stmt, 6));
  awards_person_set_organisation_id (person, sqlite3_column_int64 (stmt, 7));
  awards_person_set_organisation_name (person, awards_column_text (stmt, 8));
  awards_person_set_position (person, awards_column_text (stmt, 9));
  awards_person_set_notes (person, awards_column_text (stmt, 10));
  awards_person_set_award_count (person, sqlite3_column_int (stmt, 11));
  return person;
}

AwardsPerson *
awards_store_get_person (AwardsStore  *self,
                         gint64        id,
                         GError      **error)
{
  AwardsPerson *person = NULL;

  g_return_val_if_fail (AWARDS_IS_STORE (self), NULL);

  if (awards_store_query_row (self, "SELECT " PERSON_COLUMNS " FROM person p WHERE p.id = ?",
                              awards_query_bind_id, person_from_row, &id, (gpointer *)&person,
                              _("Could not read the person"), error) &&
      person == NULL)
    awards_store_set_not_found (error, _("person"), id);
  return person;
}

guint
awards_store_count_people (AwardsStore  *self,
                           const char   *search,
                           gint64        organisation_id,
                           GError      **error)
{
  g_autofree char *match = NULL;
  sqlite3_stmt *stmt;
  guint count = 0;

  g_return_val_if_fail (AWARDS_IS_STORE (self), 0);

  match = search != NULL ? awards_text_fts_query (search) : NULL;
  awards_store_read_begin (self);
  if (match != NULL && organisation_id <= 0)
    stmt = awards_store_prepare (self, COUNT_SEARCH ("1"), error);
  else if (match != NULL)
    stmt = awards_store_prepare (self,
                                 "SELECT count(*) FROM person WHERE id IN " SEARCH_IDS ("1")
                                 " AND organisation_id = ?2", error);
  else
    stmt = awards_store_prepare (self,
                                 "SELECT count(*) FROM person"
                                 " WHERE (?2 IS NULL OR organisation_id = ?2)", error);
  if (stmt != NULL)
    {
      if (match != NULL)
        awards_bind_text (stmt, 1, match);
      awards_bind_id (stmt, 2, organisation_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        count = sqlite3_column_int (stmt, 0);
      else
        awards_store_set_error (self, error, _("Could not count the people"));
      sqlite3_reset (stmt);
    }
  awards_store_read_end (self);
  return count;
}

/**
 * awards_store_list_people:
 * @search: (nullable): what the user typed
 * @organisation_id: only the people currently in this organisation, or 0
 *
 * Returns: (transfer full): people ordered by given name, middle name, then family name
 */
GPtrArray *
awards_store_list_people (AwardsStore  *self,
                          const char   *search,
                          gint64        organisation_id,
                          guint         offset,
                          guint         limit,
                          GError      **error)
{
  AwardsQueryPage page = { NULL, organisation_id, offset, limit };
  g_autofree char *match = NULL;
  GPtrArray *result;
  const char *sql;

  g_return_val_if_fail (AWARDS_IS_STORE (self), NULL);

  match = search != NULL ? awards_text_fts_query (search) : NULL;
  page.match = match;
  /* The page is read on the connection that judged the search broad. */
  awards_store_read_begin (self);
  if (match != NULL && organisation_id > 0)
    sql = "SELECT " PERSON_COLUMNS " FROM person p"
          " WHERE p.organisation_id = ?2 AND +p.id IN " SEARCH_IDS ("1")
          " ORDER BY p.sort_key, p.id LIMIT ?3 OFFSET ?4";
  else if (match != NULL && search_is_broad (self, match, "1", (guint64)offset + limit))
    sql = "SELECT " PERSON_COLUMNS " FROM person p"
          " WHERE +p.id IN " SEARCH_IDS ("1") " AND ?2 IS NULL"
          " ORDER BY p.sort_key, p.id LIMIT ?3 OFFSET ?4";
  else if (match != NULL)
    sql = "SELECT " PERSON_COLUMNS " FROM person p"
          " WHERE p.id IN " SEARCH_IDS ("1") " AND ?2 IS NULL"
          " ORDER BY p.sort_key, p.id LIMIT ?3 OFFSET ?4";
  else if (organisation_id > 0)
    sql = "SELECT " PERSON_COLUMNS " FROM person p"
          " WHERE p.organisation_id = ?2"
          " ORDER BY p.sort_key, p.id LIMIT ?3 OFFSET ?4";
  else
    sql = "SELECT " PERSON_COLUMNS " FROM person p WHERE ?2 IS NULL"
          " ORDER BY p.sort_key, p.id LIMIT ?3 OFFSET ?4";
  result = awards_store_query_list (self, sql, awards_query_bind_page, person_from_row,
                                    g_object_unref, &page, _("Could not read the people"), error);
  awards_store_read_end (self);
  return result;
}

/* Inserts or updates a person inside an open transaction. */
static gint64
write_person (AwardsStore   *self,
              AwardsPerson  *person,
              GError       **error)
{
  g_autofree char *full_name = awards_store_optional_text (awards_person_get_full_name (person));
  g_autofree char *position = awards_store_optional_text (awards_person_get_position (person));
  g_autofree char *notes = awards_store_optional_text (awards_person_get_notes (person));
  g_autofree char *family = NULL;
  g_autofree char *middle = NULL;
  g_autofree char *given = NULL;
  g_autofree char *key = NULL;
  g_autofree char *search_key = NULL;
  g_autoptr(GBytes) sort_key = NULL;
  gint64 id = awards_person_get_id (person);
  int birth_year = awards_person_get_birth_year (person);
  sqlite3_stmt *stmt;
  int rc;

  if (full_name == NULL)
    {
      awards_store_set_invalid (error, _("The person has no name."));
      return 0;
    }
  if (birth_year != 0 && (birth_year < 1880 || birth_year > 2200))
    {
      awards_store_set_invalid (error, _("The year of birth is not a plausible year."));
      return 0;
    }
  awards_text_split_name (full_name, &family, &middle, &given);
  key = awards_text_name_key (full_name);
  search_key = awards_text_fold (full_name);
  sort_key = awards_text_person_sort_key (full_name);

  if (id > 0)
    stmt = awards_store_prepare (self,
                                 "UPDATE person SET full_name = ?1, family_name = ?2,"
                                 " middle_name = ?3, given_name = ?4, gender = ?5, birth_year = ?6,"
                                 " organisation_id = ?7, position = ?8, notes = ?9, name_key = ?10,"
                                 " search_key = ?11, sort_key = ?12,"
                                 " updated_at = strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')"
                                 " WHERE id = ?13", error);
  else
    stmt = awards_store_prepare (self,
                                 "INSERT INTO person (full_name, family_name, middle_name,"
                                 " given_name, gender, birth_year, organisation_id, position, notes,"
                                 " name_key, search_key, sort_key)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                                 error);
  if (stmt == NULL)
    return 0;
  awards_bind_text (stmt, 1, full_name);
  awards_bind_text (stmt, 2, family != NULL ? family : "");
  awards_bind_text (stmt, 3, middle != NULL ? middle : "");
  awards_bind_text (stmt, 4, given);
  awards_bind_text (stmt, 5, awards_gender_to_string (awards_person_get_gender (person)));
  if (birth_year != 0)
    sqlite3_bind_int (stmt, 6, birth_year);
  else
    sqlite3_bind_null (stmt, 6);
  awards_bind_id (stmt, 7, awards_person_get_organisation_id (person));
  awards_bind_text (stmt, 8, position);
  awards_bind_text (stmt, 9, notes);
  awards_bind_text (stmt, 10, key);
  awards_bind_text (stmt, 11, search_key);
  awards_bind_bytes (stmt, 12, sort_key);
  if (id > 0)
    sqlite3_bind_int64 (stmt, 13, id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      awards_store_set_error (self, error, _("Could not save the person"));
      return 0;
    }
  if (id == 0)
    id = sqlite3_last_insert_rowid (self->db);
  else if (sqlite3_changes (self->db) == 0)
    {
      awards_store_set_not_found (error, _("person"), id);
      return 0;
    }
  awards_person_set_id (person, id);
  awards_person_set_full_name (person, full_name);
  awards_person_set_family_name (person, family);
  awards_person_set_middle_name (person, middle);
  awards_person_set_given_name (person, given);
  return id;
}

gint64
awards_store_save_person (AwardsStore   *self,
                          AwardsPerson  *person,
                          GError       **error)
{
  gint64 id;

  g_return_val_if_fail (AWARDS_IS_STORE (self), 0);
  g_return_val_if_fail (AWARDS_IS_PERSON (person), 0);

  if (!awards_store_write_begin (self, error))
    return 0;
  id = awards_person_get_id (person);
  awards_command_begin (self, id > 0 ? AWARDS_ACTION_EDIT : AWARDS_ACTION_CREATE, "person", id);
  id = write_person (self, person, error);
  if (!awards_command_commit (self, id > 0, error))
    return 0;
  return id;
}

gboolean
awards_store_delete_person (AwardsStore  *self,
                            gint64        id,
                            GError      **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;
  int rc;

  g_return_val_if_fail (AWARDS_IS_STORE (self), FALSE);

  if (!awards_store_write_begin (self, error))
    return FALSE;
  awards_command_begin (self, AWARDS_ACTION_DELETE, "person", id);
  stmt = awards_store_prepare (self, "SELECT count(*) FROM commendation WHERE person_id = ?",
                               error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) > 0)
        {
          g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_CONSTRAINT,
                       ngettext ("The person has %d award recorded; they cannot be deleted.",
                                 "The person has %d awards recorded; they cannot be deleted.",
                                 sqlite3_column_int (stmt, 0)),
                       sqlite3_column_int (stmt, 0));
          ok = FALSE;
        }
      sqlite3_reset (stmt);
    }
  if (ok)
    {
      stmt = awards_store_prepare (self, "DELETE FROM person WHERE id = ?", error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, id);
          ok = awards_store_step_done (self, stmt, _("Could not delete the person"), error);
        }
      if (ok && sqlite3_changes (self->db) == 0)
        {
          awards_store_set_not_found (error, _("person"), id);
          ok = FALSE;
        }
    }
  return awards_command_commit (self, ok, error);
}

/* The connection of the calling thread's current call: its reader, or the write connection. */
sqlite3 *
awards_store_get_db (AwardsStore *self)
{
  AwardsConnection *reader = current_reader (self);

  return reader != NULL ? reader->db : self->db;
}
