/* awards-store-readers.c: the store's read-only connections
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "awards-db-sqlite.h"
#include "awards-store-readers.h"

/*
 * Every read of the store runs on one of these connections, opened read-only. In WAL mode a
 * reader sees the last commit and neither waits for the writer nor makes it wait, so a long
 * export or report on one reader delays no list, search or completion on another. A reader is
 * taken for one call and given back; each keeps its own prepared statements, since a statement
 * belongs to its connection. The pool opens readers as they are needed, up to a small bound (the
 * store's worker threads plus the caller's own), and then makes a caller wait for one.
 */

struct _AwardsReaders
{
  char      *filename;
  int        flags;
  gboolean   server;
  guint      max_readers;
  GMutex     mutex;
  GCond      returned;
  GPtrArray *idle;
  guint      n_open;
};

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
connection_free (AwardsConnection *connection)
{
  g_clear_pointer (&connection->statements, g_hash_table_unref);
  g_clear_pointer (&connection->db_statements, g_hash_table_unref);
  awards_db_close (connection->adb);
  g_free (connection);
}

AwardsReaders *
awards_readers_new (const char *filename,
                    int         extra_flags,
                    guint       max_readers)
{
  AwardsReaders *readers = g_new0 (AwardsReaders, 1);

  readers->filename = g_strdup (filename);
  readers->flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | extra_flags;
  readers->max_readers = MAX (max_readers, 1);
  g_mutex_init (&readers->mutex);
  g_cond_init (&readers->returned);
  readers->idle = g_ptr_array_new ();
  return readers;
}

AwardsReaders *
awards_readers_new_server (const char *name,
                           guint       max_readers)
{
  AwardsReaders *readers = awards_readers_new (name, 0, max_readers);

  readers->server = TRUE;
  return readers;
}

static AwardsConnection *
connection_new (sqlite3  *lite,
                AwardsDb *db)
{
  AwardsConnection *connection = g_new0 (AwardsConnection, 1);

  connection->db = lite;
  connection->adb = db;
  connection->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                  finalize_statement);
  connection->db_statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                     (GDestroyNotify) awards_db_stmt_free);
  return connection;
}

void
awards_readers_free (AwardsReaders *readers)
{
  if (readers == NULL)
    return;
  /* Every reader is back by now: a call that holds one holds the store too. */
  g_warn_if_fail (readers->idle->len == readers->n_open);
  awards_readers_close_idle (readers);
  g_ptr_array_unref (readers->idle);
  g_cond_clear (&readers->returned);
  g_mutex_clear (&readers->mutex);
  g_free (readers->filename);
  g_free (readers);
}

static AwardsConnection *
open_reader (AwardsReaders *readers)
{
  sqlite3 *db = NULL;

  if (readers->server)
    {
      /* A server reader reads what is committed at each statement; a page of a list is one
       * statement. A server that cannot be reached makes the call read on the write
       * connection, which then says why. */
      AwardsDb *server = awards_db_open (readers->filename, AWARDS_DB_OPEN_READ_ONLY, NULL);

      return server != NULL ? connection_new (NULL, server) : NULL;
    }
  if (sqlite3_open_v2 (readers->filename, &db, readers->flags, NULL) != SQLITE_OK)
    {
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_extended_result_codes (db, 1);
  /* A reader waits only while a writer changes the file's journal mode or recovers the log. */
  sqlite3_busy_timeout (db, 5000);
  sqlite3_exec (db, "PRAGMA cache_size = -16384; PRAGMA temp_store = MEMORY", NULL, NULL, NULL);

  return connection_new (db, awards_db_new_for_sqlite (db, readers->filename));
}

/**
 * awards_readers_take:
 *
 * Returns: (nullable): an idle reader, a new one, or (at the bound) the next one given back;
 *   %NULL when no reader can be opened, and the caller reads on the write connection instead
 */
AwardsConnection *
awards_readers_take (AwardsReaders *readers)
{
  AwardsConnection *connection = NULL;

  g_mutex_lock (&readers->mutex);
  while (readers->idle->len == 0 && readers->n_open >= readers->max_readers)
    g_cond_wait (&readers->returned, &readers->mutex);
  if (readers->idle->len > 0)
    connection = g_ptr_array_steal_index_fast (readers->idle, readers->idle->len - 1);
  else
    readers->n_open++;
  g_mutex_unlock (&readers->mutex);

  if (connection != NULL)
    return connection;

  /* Opened outside the mutex: opening reads the file. */
  connection = open_reader (readers);
  if (connection == NULL)
    {
      g_mutex_lock (&readers->mutex);
      readers->n_open--;
      g_cond_signal (&readers->returned);
      g_mutex_unlock (&readers->mutex);
    }
  return connection;
}

void
awards_readers_give_back (AwardsReaders    *readers,
                          AwardsConnection *connection)
{
  g_mutex_lock (&readers->mutex);
  g_ptr_array_add (readers->idle, connection);
  g_cond_signal (&readers->returned);
  g_mutex_unlock (&readers->mutex);
}

/**
 * awards_readers_close_idle:
 *
 * Closes the readers nobody is using, as before the writer switches the file's journal mode,
 * which needs the file to itself.
 */
void
awards_readers_close_idle (AwardsReaders *readers)
{
  g_autoptr(GPtrArray) closing = NULL;

  g_mutex_lock (&readers->mutex);
  closing = readers->idle;
  readers->idle = g_ptr_array_new ();
  readers->n_open -= closing->len;
  g_cond_broadcast (&readers->returned);
  g_mutex_unlock (&readers->mutex);

  for (guint i = 0; i < closing->len; i++)
    connection_free (g_ptr_array_index (closing, i));
}

guint
awards_readers_get_n_open (AwardsReaders *readers)
{
  guint n;

  g_mutex_lock (&readers->mutex);
  n = readers->n_open;
  g_mutex_unlock (&readers->mutex);
  return n;
}
