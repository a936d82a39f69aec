/* awards-importer.h: importing the flat award list (CSV)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "awards-import-guard.h"
#include "awards-store.h"

G_BEGIN_DECLS

#define AWARDS_IMPORT_ERROR (awards_import_error_quark ())

typedef enum
{
  AWARDS_IMPORT_ERROR_FAILED,
  AWARDS_IMPORT_ERROR_INVALID,     /* the file has problems; the message lists them all */
} AwardsImportError;

GQuark awards_import_error_quark (void);

/* One problem of the file: @line is the physical line where the record starts (1 = header). */
typedef struct
{
  guint     line;
  char     *message;               /* translated, without the "FILE:LINE: " prefix */
  gboolean  near_name;             /* a name nearly equal to a recorded one: the import's
                                    * choice of what it stands for answers it */
} AwardsImportProblem;

/*
 * Called every few hundred rows and once at the end. @bytes_total is 0 when the size is not
 * known. For the async import it runs in the thread-default main context of the caller of
 * awards_importer_import_async (), otherwise in the importing thread.
 */
typedef void (*AwardsImportProgressFunc) (guint64  rows_done,
                                          guint64  bytes_read,
                                          guint64  bytes_total,
                                          gpointer user_data);

/*
 * AwardsImporter reads a flat award list (see DESIGN.md) into a store in one transaction: every
 * row is checked, every bad row is reported as "FILE:LINE: message", and nothing is written
 * unless the whole file is good. In dry-run mode the file is checked the same way and the
 * transaction is always rolled back. After an import the counts and the problem list describe
 * the last run.
 *
 * Names are matched and created by AwardsBatch. For collectives the organisation and position
 * columns are ignored. Blank rows (every field empty) are skipped. Lines end with "\n" or
 * "\r\n"; line numbers count "\n".
 */
#define AWARDS_TYPE_IMPORTER (awards_importer_get_type ())

G_DECLARE_FINAL_TYPE (AwardsImporter, awards_importer, AWARDS, IMPORTER, GObject)

AwardsImporter *awards_importer_new               (AwardsStore               *store);
AwardsStore    *awards_importer_get_store         (AwardsImporter            *self);
void              awards_importer_set_store   (AwardsImporter  *self,
                                               AwardsStore     *store);
gboolean        awards_importer_get_dry_run       (AwardsImporter            *self);
void            awards_importer_set_dry_run       (AwardsImporter            *self,
                                                   gboolean                   dry_run);
void            awards_importer_set_progress_func (AwardsImporter            *self,
                                                   AwardsImportProgressFunc   func,
                                                   gpointer                   user_data,
                                                   GDestroyNotify             destroy);

gboolean        awards_importer_import_file       (AwardsImporter            *self,
                                                   GFile                     *file,
                                                   const char                *display_name,
                                                   GCancellable              *cancellable,
                                                   GError                   **error);
gboolean        awards_importer_import_stream     (AwardsImporter            *self,
                                                   GInputStream              *stream,
                                                   guint64                    size,
                                                   const char                *display_name,
                                                   GCancellable              *cancellable,
                                                   GError                   **error);
void            awards_importer_import_async      (AwardsImporter            *self,
                                                   GFile                     *file,
                                                   const char                *display_name,
                                                   GCancellable              *cancellable,
                                                   GAsyncReadyCallback        callback,
                                                   gpointer                   user_data);
gboolean        awards_importer_import_finish     (AwardsImporter            *self,
                                                   GAsyncResult              *result,
                                                   GError                   **error);

guint           awards_importer_get_n_rows        (AwardsImporter            *self);
guint           awards_importer_get_n_added       (AwardsImporter            *self);
GPtrArray      *awards_importer_get_problems      (AwardsImporter            *self);

void            awards_importer_set_allow_new     (AwardsImporter            *self,
                                                   gboolean                   allow_new);
void            awards_importer_set_sheet_name    (AwardsImporter            *self,
                                                   const char                *sheet_name);
const char     *awards_importer_get_sheet_name    (AwardsImporter            *self);
void            awards_importer_resolve_near_name (AwardsImporter            *self,
                                                   AwardsNearKind             kind,
                                                   const char                *name,
                                                   const char                *use);
GPtrArray      *awards_importer_get_new_names     (AwardsImporter            *self,
                                                   AwardsNearKind             kind);
GPtrArray      *awards_importer_get_near_names    (AwardsImporter            *self);

G_END_DECLS
