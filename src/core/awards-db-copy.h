/* awards-db-copy.h: copying a whole database between any two backends, verified
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "awards-db.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  rows;           /* every row of every record table */
  gint64  awards;
  char    checksum[65];   /* SHA-256 of the records, in hex, the same on both sides */
} AwardsDbCopyResult;

/* Called after each table with the rows copied so far. */
typedef void (*AwardsDbCopyProgress) (const char *table,
                                      gint64      rows,
                                      gpointer    user_data);

/* A checksum of every record of @db that does not depend on the backend, the order of the rows
 * or the row ids' storage: two databases with the same records have the same checksum. Runs in
 * the caller's transaction if there is one. */
char     *awards_db_checksum (AwardsDb              *db,
                              gint64                *rows,
                              GError               **error);

/* Copies every record of @from (a file or a server database) into @to: a new file, or a server
 * database that is empty or holds no records yet. All or nothing; before it is committed the copy
 * is verified by its rows and checksum against the source's snapshot. */
gboolean  awards_db_copy     (const char            *from,
                              const char            *to,
                              AwardsDbCopyProgress   progress,
                              gpointer               user_data,
                              AwardsDbCopyResult    *result,
                              GError               **error);

G_END_DECLS
