/* awards-store-readers.h: the store's read-only connections
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>
#include <glib.h>

#include "awards-db.h"

G_BEGIN_DECLS

/* A connection with its own cache of prepared statements. */
typedef struct
{
  sqlite3    *db;            /* NULL on a server */
  AwardsDb   *adb;           /* the same connection (SQLite) or the server's */
  GHashTable *statements;    /* SQL text → sqlite3_stmt */
  GHashTable *db_statements; /* SQL text → AwardsDbStmt */
} AwardsConnection;

typedef struct _AwardsReaders AwardsReaders;

AwardsReaders    *awards_readers_new        (const char        *filename,
                                             int                extra_flags,
                                             guint              max_readers);
/* Readers of a database on a server (@name as awards_db_open () takes it). */
AwardsReaders    *awards_readers_new_server (const char        *name,
                                             guint              max_readers);
void              awards_readers_free       (AwardsReaders     *readers);
AwardsConnection *awards_readers_take       (AwardsReaders     *readers);
void              awards_readers_give_back  (AwardsReaders     *readers,
                                             AwardsConnection  *connection);
void              awards_readers_close_idle (AwardsReaders     *readers);
guint             awards_readers_get_n_open (AwardsReaders     *readers);

G_END_DECLS
