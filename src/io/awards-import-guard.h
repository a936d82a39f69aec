/* awards-import-guard.h: new names in an import, and the near duplicates among them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "awards-near.h"
#include "awards-store.h"

G_BEGIN_DECLS

/* A new name of a file that is nearly equal to a stored name or to an earlier new name of the
 * same file. */
typedef struct
{
  AwardsNearKind  kind;
  char           *name;          /* as the file writes it */
  GStrv           suggestions;   /* the near names, nearest first */
  guint           first_line;
} AwardsImportNearName;

void awards_import_near_name_free (AwardsImportNearName *near_name);

typedef struct _AwardsImportGuard AwardsImportGuard;

AwardsImportGuard *awards_import_guard_new            (AwardsStore        *store,
                                                       gboolean            allow_new,
                                                       GHashTable         *resolutions,
                                                       GError            **error);
void               awards_import_guard_free           (AwardsImportGuard  *self);
const char        *awards_import_guard_check          (AwardsImportGuard  *self,
                                                       AwardsNearKind      kind,
                                                       const char         *name,
                                                       guint               line,
                                                       char              **problem);
const char        *awards_import_guard_check_person   (AwardsImportGuard  *self,
                                                       const char         *full_name,
                                                       const char         *organisation,
                                                       gint64              organisation_id,
                                                       guint               line,
                                                       char              **problem,
                                                       GError            **error);
gboolean           awards_import_guard_note_person    (AwardsImportGuard  *self,
                                                       const char         *full_name,
                                                       const char         *organisation,
                                                       gint64              organisation_id,
                                                       GError            **error);
GPtrArray         *awards_import_guard_steal_new_names  (AwardsImportGuard *self,
                                                         AwardsNearKind     kind);
GPtrArray         *awards_import_guard_steal_near_names (AwardsImportGuard *self);

char              *awards_import_resolution_key       (AwardsNearKind      kind,
                                                       const char         *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwardsImportGuard, awards_import_guard_free)

G_END_DECLS
