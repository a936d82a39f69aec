/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "awards-db.h"

G_BEGIN_DECLS

/*
 * Internal to src/core. What an import too large to keep as a changeset created, as the range of
 * ids it took in each table. An import only adds rows, inside one write transaction that nobody
 * else can write into (a server's writers take one lock in turn), and each new row gets the next
 * id: the rows of the import are exactly the ids between the first free id when it began and the
 * last id when it ended.
 */
typedef struct _AwardsImportRanges AwardsImportRanges;

AwardsImportRanges *awards_import_ranges_begin      (AwardsDb                  *db);
gboolean            awards_import_ranges_restart    (AwardsImportRanges        *self,
                                                     AwardsDb                  *db);
gboolean            awards_import_ranges_close      (AwardsImportRanges        *self,
                                                     AwardsDb                  *db);
char               *awards_import_ranges_to_json    (const AwardsImportRanges  *self);
gboolean            awards_import_ranges_note_entry (AwardsImportRanges        *self,
                                                     AwardsDb                  *db);
gboolean            awards_import_ranges_undo       (const AwardsImportRanges  *self,
                                                     AwardsDb                  *db,
                                                     const char                *label,
                                                     GError                   **error);
void                awards_import_ranges_free       (AwardsImportRanges        *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwardsImportRanges, awards_import_ranges_free)

G_END_DECLS
