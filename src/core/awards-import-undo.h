/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "awards-db.h"

G_BEGIN_DECLS

/*
 * Internal to src/core. What an import too large to keep as a changeset created, as the range of
 * ids it took in each table. An import only adds rows, inside one write transaction that nobody
 * else can write into, and SQLite gives each new row the next id: the rows of the import are
 * exactly the ids between the first free id when it began and the last id when it ended.
 */
typedef struct _AwardsImportRanges AwardsImportRanges;

AwardsImportRanges *awards_import_ranges_begin      (sqlite3                   *db);
gboolean            awards_import_ranges_restart    (AwardsImportRanges        *self,
                                                     sqlite3                   *db);
gboolean            awards_import_ranges_close      (AwardsImportRanges        *self,
                                                     sqlite3                   *db);
char               *awards_import_ranges_to_json    (const AwardsImportRanges  *self);
gboolean            awards_import_ranges_note_entry (AwardsImportRanges        *self,
                                                     sqlite3                   *db);
gboolean            awards_import_ranges_undo       (const AwardsImportRanges  *self,
                                                     sqlite3                   *db,
                                                     const char                *label,
                                                     GError                   **error);
void                awards_import_ranges_free       (AwardsImportRanges        *self);

/* The same on either backend's connection (a server's writers take their lock in turn, so its
 * import's ids follow one another as well); the functions above are these on a file's. */
AwardsImportRanges *awards_import_ranges_begin_db   (AwardsDb                  *db);
gboolean            awards_import_ranges_restart_db (AwardsImportRanges        *self,
                                                     AwardsDb                  *db);
gboolean            awards_import_ranges_close_db   (AwardsImportRanges        *self,
                                                     AwardsDb                  *db);
gboolean            awards_import_ranges_note_entry_db (AwardsImportRanges     *self,
                                                     AwardsDb                  *db);
gboolean            awards_import_ranges_undo_db    (const AwardsImportRanges  *self,
                                                     AwardsDb                  *db,
                                                     const char                *label,
                                                     GError                   **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwardsImportRanges, awards_import_ranges_free)

G_END_DECLS
