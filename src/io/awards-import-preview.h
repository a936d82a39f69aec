/* awards-import-preview.h: a look at a CSV file before importing it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What awards_import_preview () shows of a file without importing it. Only the CSV syntax is
 * checked; the rows are as written, blank rows left out. */
typedef struct
{
  char        separator;           /* ',' or ';' */
  gboolean    has_bom;
  GStrv       columns;             /* the header fields as written, trimmed */
  GPtrArray  *rows;                /* the first rows, each a GStrv */
  guint       n_rows;              /* every data row of the file, up to a syntax error */
  char       *syntax_error;        /* (nullable) what stopped the reading, translated */
  guint       syntax_error_line;
} AwardsImportPreview;

void                 awards_import_preview_free (AwardsImportPreview *preview);
AwardsImportPreview *awards_import_preview      (GFile               *file,
                                                 guint                max_rows,
                                                 GCancellable        *cancellable,
                                                 GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwardsImportPreview, awards_import_preview_free)

G_END_DECLS
