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
 */

/* SQLite's own default for the automatic checkpoint: a log of about 8 MB with 8 KiB pages. */
#define CHECKPOINT_PAGES 1000

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

static void
checkpoint (AwardsCheckpointer *self)
{
  sqlite3 *db = NULL;

  /* Without CREATE: a file removed meanwhile is not made again, and has no log to copy. */
  if (sqlite3_open_v2 (self->filename, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL)
      == SQLITE_OK)
    {
      /* The copy is synced into the file before the log may be reused, as the store's commits
       * are (PRAGMA synchronous = FULL). A failure leaves the log for the next checkpoint. */
      sqlite3_exec (db, "PRAGMA synchronous = FULL", NULL, NULL, NULL);
      sqlite3_wal_checkpoint_v2 (db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
    }
  sqlite3_close (db);
}

static gpointer
checkpoint_thread (gpointer data)
{
  AwardsCheckpointer *self = data;

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

      checkpoint (self);

      g_mutex_lock (&self->mutex);
      self->running = FALSE;
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
