/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * awards-batch-bulk.c: a file's batch in bulk mode. A large import into a small database file
 * changes how the connection itself works until the commit (foreign keys, journal, page cache)
 * and drops what every new row would update (awards_schema_begin_bulk ()). None of it applies to
 * a server, and none of it is needed to resolve names: it lives apart from the look-ups.
 */

#include "config.h"

#include "awards-batch-private.h"
#include "awards-command-private.h"
#include "awards-store-private.h"

/* The page cache of a large batch, in KiB (see limit_cache ()). */
#define BULK_CACHE_KIB 32768
#define BULK_READING_CACHE_KIB 12288
#define KEPT_INDEXES_CACHE_KIB 65536

/* Sets the journal mode; TRUE when the file is in @mode afterwards. */
static gboolean
switch_journal (AwardsBatch *self,
                const char  *mode)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA journal_mode = %s", mode);
  sqlite3_stmt *stmt = NULL;
  gboolean done = FALSE;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    done = g_ascii_strcasecmp ((const char *)sqlite3_column_text (stmt, 0), mode) == 0;
  sqlite3_finalize (stmt);
  return done;
}

static int
get_cache_size (AwardsBatch *self)
{
  sqlite3_stmt *stmt = NULL;
  int size = 0;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA cache_size", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    size = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return size;
}

static void
set_cache_size (AwardsBatch *self,
                int          size)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = %d", size);

  sqlite3_exec (self->db, sql, NULL, NULL, NULL);
}

/*
 * A large batch works in a smaller page cache than the store's usual one. The rows are appended,
 * and what a row looks up (its person's name, the indexes of the organisation's people) is a few
 * megabytes; the usual cache only filled up with the pages written and passed:
 * - into an empty file, 331 MB peak for a million rows with the usual 128 MB, 231 MB with this,
 *   the same CPU time at 200,000 and 1,000,000 rows; the index builds of the commit sort in as
 *   much memory as the cache holds, and spill the rest to a temporary file;
 * - 200,000 rows into a file of a million (not bulk then: its indexes stay), 180 MB peak with
 *   the usual cache, 81 MB with this, in the same time: the pages written go to the log early.
 * A bulk batch that keeps the indexes of a large file takes twice as much: its rows go into
 * them at random places, and with 32 MB every other insertion read its page back from the
 * system. 200,000 rows into a file of a million: 5.08-5.23 s, 91 MB peak with 32 MB;
 * 4.13-4.20 s, 124 MB with 64 MB; 4.05-5.14 s, 158 MB with 96 MB.
 */
static void
limit_cache (AwardsBatch *self)
{
  int kib = !self->bulk ? BULK_CACHE_KIB
            : !self->bulk_start.drop_indexes ? KEPT_INDEXES_CACHE_KIB
            : BULK_READING_CACHE_KIB;

  self->cache_size_before = get_cache_size (self);
  /* Negative sizes are KiB: the store sets one (positive ones, pages, are left alone). */
  if (self->cache_size_before < -kib)
    set_cache_size (self, -kib);
  else
    self->cache_size_before = 0;
}

/*
 * Puts a file's batch of about @n_rows awards into bulk mode, unless the database already holds
 * more awards than that and the batch is small enough to be undone. Returns %FALSE on error; the
 * batch may then have ended (rolled back).
 */
gboolean
awards_batch_start_bulk (AwardsBatch  *self,
                         guint         n_rows,
                         GError      **error)
{
  AwardsDbStmt *stmt;
  gint64 existing = 0;

  stmt = awards_store_statement (self->store, "SELECT max (id) FROM commendation", error);
  if (stmt == NULL)
    return FALSE;
  if (awards_db_stmt_next (stmt) == AWARDS_DB_ROW)
    existing = awards_db_stmt_column_int64 (stmt, 0);
  awards_db_stmt_reset (stmt);
  /* A batch small enough to be undone keeps its undo, and the database its usual ways. */
  if (existing > n_rows && awards_command_may_keep (n_rows))
    {
      limit_cache (self);
      return TRUE;
    }
  /* Into a file that holds more awards than the batch brings, the list indexes stay: building
   * them again at the commit would sort every award of the file, not only the new ones. The
   * rest of bulk mode costs what the new rows cost, at any size of the file. */
  self->bulk_start.drop_indexes = existing <= n_rows;

  /* Foreign keys can be switched off only between transactions, so only while the batch has
   * written nothing; the commit checks the references of every new row instead. */
  if (sqlite3_total_changes64 (self->db) == self->changes_at_begin)
    {
      if (!awards_store_exec (self->store, "COMMIT", error))
        return FALSE;
      self->foreign_keys_off = awards_store_exec (self->store, "PRAGMA foreign_keys = OFF", NULL);
      /* With the log, every page of the import would be written twice, into the log at the
       * commit and into the file at the checkpoint after it; a rollback journal writes the new
       * pages once, as safely. That needs the file to ourselves: otherwise the log stays. */
      awards_store_pause_readers (self->store, TRUE);
      awards_store_close_idle_readers (self->store);
      self->journal_switched = switch_journal (self, "DELETE");
      awards_store_pause_readers (self->store, self->journal_switched);
      if (!awards_store_begin_immediate (self->store, error))
        {
          /* No transaction to write into any more: the batch is over. */
          awards_batch_close (self);
          return FALSE;
        }
      /* Someone may have written between the two transactions: the import starts here. */
      if (!awards_command_begin_ranges (self->store, error))
        {
          awards_store_rollback (self->store);
          awards_batch_close (self);
          return FALSE;
        }
    }
  /* The search index must hold no row of an id that the new rows will take again. */
  if (!awards_store_flush_search (self->store, error) ||
      !awards_schema_begin_bulk (self->db, &self->bulk_start, error))
    {
      /* Half the indexes gone would be worse than none: the batch is over. */
      awards_store_rollback (self->store);
      awards_batch_close (self);
      return FALSE;
    }
  self->bulk = TRUE;
  limit_cache (self);
  return TRUE;
}

/*
 * While a bulk batch that dropped the list indexes reads its rows, its pages are appended and
 * the few it reads again (the keys of people and awards, the people of an organisation) fit in
 * less than half the cache, where the import's look-up tables are at their largest: the guard
 * of an import without new names allowed holds every person of the file. A million rows peak
 * at 167 MB with 32 MB, 151 MB with 16 MB, 147 MB with 12 MB in about the same time; with 8 MB,
 * 142 MB, but the pages written out early cost a second of system time. The commit sorts the
 * new rows into the indexes it builds again in the whole cache, once the tables are gone.
 */
void
awards_batch_widen_cache_for_commit (AwardsBatch *self)
{
  if (self->bulk && self->bulk_start.drop_indexes && self->cache_size_before != 0)
    set_cache_size (self, -BULK_CACHE_KIB);
}

/* Gives the connection back as it was before bulk mode or a large batch. */
void
awards_batch_restore_bulk (AwardsBatch *self)
{
  if (self->foreign_keys_off)
    awards_store_exec (self->store, "PRAGMA foreign_keys = ON", NULL);
  if (self->journal_switched)
    switch_journal (self, "WAL");
  if (self->cache_size_before != 0)
    set_cache_size (self, self->cache_size_before);
}
