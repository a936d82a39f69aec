/* awards-store-checkpoint.c: the log of a database file, copied into it off the writer's thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "awards-store-checkpoint.h"
#include "awards-worker.h"

/*
 * A commit in WAL mode appends the pages it changed to the log. SQLite copies the log back into
 * the file (a checkpoint) when it passes a size, in the commit that passed it: that clerk's save
 * then waits for every page of the last thousand commits to be written and synced as well. At a
 * million awards a merge of two organisations, which rewrites hundreds of scattered pages, took
 * 20–70 ms more whenever it was the one to pass the size.
 *
 * Here the writer's connection only notes that the log has grown past the size, and a thread of
 * the store's own does the checkpoint on a connection of its own, opened for it and closed after
 * it. A passive checkpoint waits for no one: it copies what no reader still needs and leaves the
 * rest for the next one, and the log starts again from its beginning once all of it was copied.
 * The connection is not kept open between checkpoints: a bulk import needs the file to itself
 * (awards_checkpointer_pause ()).
 *
 * The log starts again from its beginning only when a write begins after all of it was copied.
 * Writes that follow each other closely (a loop of saves, an undo of many changes) begin before
 * the thread is done, and the log would grow with every one of them: a review measured 1 GB
 * after 3,000 commits. Past four times the size, the commit copies the log itself, as SQLite
 * did, which keeps it under about 32 MB.
 */

/* SQLite's own default for the automatic checkpoint: a log of about 8 MB with 8 KiB pages. */
#define CHECKPOINT_PAGES 1000
#define CHECKPOINT_PAGES_ON_WRITER (4 * CHECKPOINT_PAGES)

struct _AwardsCheckpointer
{
  sqlite3            *writer;
  char               *filename;
  GMutex              mutex;
  GCond               cond;
  AwardsWorkerThread *thread;
  gboolean            wanted;
  gboolean            running;
  gboolean            paused;
  gboolean            stopping;
  guint               count;
};

/* Copies the log into the file; TRUE when it was a checkpoint of a log. */
static gboolean
checkpoint (AwardsCheckpointer *self)
{
  sqlite3 *db = NULL;
  int n_log = -1;
  gboolean done = FALSE;

  /* Without CREATE: a file removed meanwhile is not made again, and has no log to copy. */
  if (sqlite3_open_v2 (self->filename, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL)
      == SQLITE_OK)
    {
      /* A new connection learns that the file has a log only by reading it: until then, a
       * checkpoint does nothing and says it succeeded. Reading the schema is that read. The
       * copy is synced into the file before the log may be reused, as the store's commits are.
       * A failure leaves the log for the next checkpoint. */
      sqlite3_busy_timeout (db, 1000);
      done = sqlite3_exec (db, "PRAGMA synchronous = FULL;"
                               " SELECT count (*) FROM sqlite_master", NULL, NULL, NULL)
             == SQLITE_OK &&
             sqlite3_wal_checkpoint_v2 (db, NULL, SQLITE_CHECKPOINT_PASSIVE, &n_log, NULL)
             == SQLITE_OK &&
             n_log >= 0;
    }
  sqlite3_close (db);
  return done;
}

static gpointer
checkpoint_thread (gpointer data)
{
  AwardsCheckpointer *self = data;
  gboolean done;

  g_mutex_lock (&self->mutex);
  for (;;)
    {
      while (!self->stopping && (!self->wanted || self->paused))
        g_cond_wait (&self->cond, &self->mutex);
      if (self->stopping)
        break;
      self->wanted = FALSE;
      self->running = TRUE;
      g_mutex_unlock (&self->mutex);

      done = checkpoint (self);

      g_mutex_lock (&self->mutex);
      self->running = FALSE;
      /* One that did nothing is tried again at the next commit that asks. */
      if (done)
        self->count++;
      g_cond_broadcast (&self->cond);
    }
  g_mutex_unlock (&self->mutex);
  return NULL;
}

/* Called by SQLite after each commit of the writer, on its thread: must not wait. */
static int
on_commit (void       *data,
           sqlite3    *db,
           const char *schema,
           int         n_pages)
{
  AwardsCheckpointer *self = data;

  if (n_pages < CHECKPOINT_PAGES)
    return SQLITE_OK;
  if (n_pages >= CHECKPOINT_PAGES_ON_WRITER)
    {
      /* SQLite lets this hook checkpoint the connection that committed. */
      sqlite3_wal_checkpoint_v2 (db, schema, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
      return SQLITE_OK;
    }
  g_mutex_lock (&self->mutex);
  self->wanted = TRUE;
  /* Most runs of the command-line program never need the thread. */
  if (self->thread == NULL)
    self->thread = awards_worker_thread_start (checkpoint_thread, self);
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->mutex);
  return SQLITE_OK;
}

/**
 * awards_checkpointer_new:
 * @db: the store's connection that writes @filename
 * @filename: the database file
 *
 * Takes the checkpoints of @db's log away from its commits (replacing SQLite's automatic ones).
 * Free it before closing @db.
 */
AwardsCheckpointer *
awards_checkpointer_new (sqlite3    *db,
                         const char *filename)
{
  AwardsCheckpointer *self = g_new0 (AwardsCheckpointer, 1);

  self->writer = db;
  self->filename = g_strdup (filename);
  g_mutex_init (&self->mutex);
  g_cond_init (&self->cond);
  sqlite3_wal_hook (db, on_commit, self);
  return self;
}

/* Gives the writer back SQLite's automatic checkpoints, and ends the thread. */
void
awards_checkpointer_free (AwardsCheckpointer *self)
{
  if (self == NULL)
    return;
  sqlite3_wal_autocheckpoint (self->writer, CHECKPOINT_PAGES);
  g_mutex_lock (&self->mutex);
  self->stopping = TRUE;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->mutex);
  if (self->thread != NULL)
    awards_worker_thread_join (self->thread);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->cond);
  g_free (self->filename);
  g_free (self);
}

/**
 * awards_checkpointer_pause:
 * @paused: whether checkpoints wait
 *
 * Pausing waits for a checkpoint that is running, so that the file has no other connection of
 * this process; the checkpoints asked for meanwhile run when it is resumed.
 */
void
awards_checkpointer_pause (AwardsCheckpointer *self,
                           gboolean            paused)
{
  g_mutex_lock (&self->mutex);
  self->paused = paused;
  while (paused && self->running)
    g_cond_wait (&self->cond, &self->mutex);
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->mutex);
}

/* How many checkpoints the thread has made (for the tests). */
guint
awards_checkpointer_get_count (AwardsCheckpointer *self)
{
  guint count;

  g_mutex_lock (&self->mutex);
  count = self->count;
  g_mutex_unlock (&self->mutex);
  return count;
}
