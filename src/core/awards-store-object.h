/* awards-store-object.h: the store's fields, for its own two files (awards-store.c and
 * awards-store-open.c); the rest of src/core uses awards-store-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "awards-db.h"
#include "awards-store.h"
#include "awards-store-checkpoint.h"
#include "awards-store-readers.h"

G_BEGIN_DECLS

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
  gboolean      role_may_write; /* a server's role may write */
  gboolean      has_capture;    /* a server records what commands change (init-server) */
  gboolean      has_counts;     /* a server keeps its tables' row counts (awards_counts) */
  char         *role_name;      /* a server's database role, for the audit log */
  GThread      *write_owner;   /* the thread that holds the lock, read by others atomically */
  guint         write_depth;
  AwardsReaders *readers;
  gint          readers_paused; /* atomic: a bulk import has the file in rollback-journal mode */
  AwardsCheckpointer *checkpointer; /* a writable file's; NULL otherwise */
};

/* The worker threads (awards-worker.c: 4 read, 1 write, 4 long) and the caller's own each take
 * at most one. */
#define AWARDS_STORE_MAX_READERS 10

/* Closes the write connection (and, for a file, its AwardsDb with it). */
void awards_store_close_connection (AwardsStore *self);

G_END_DECLS
