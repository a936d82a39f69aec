/* awards-store-readers.h: the store's read-only connections
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>
#include <glib.h>

G_BEGIN_DECLS

/* A connection with its own cache of prepared statements. */
typedef struct
{
  sqlite3    *db;
  GHashTable *statements;    /* SQL text → sqlite3_stmt */
} AwardsConnection;

typedef struct _AwardsReaders AwardsReaders;

AwardsReaders    *awards_readers_new        (const char        *filename,
                                             int                extra_flags,
                                             guint              max_readers);
void              awards_readers_free       (AwardsReaders     *readers);
AwardsConnection *awards_readers_take       (AwardsReaders     *readers);
void              awards_readers_give_back  (AwardsReaders     *readers,
                                             AwardsConnection  *connection);
void              awards_readers_close_idle (AwardsReaders     *readers);
guint             awards_readers_get_n_open (AwardsReaders     *readers);

G_END_DECLS
