/* awards-sheet.h: the first (or a named) sheet of a spreadsheet file, as rows of text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  AWARDS_SHEET_FORMAT_NONE,     /* not a spreadsheet: text, read as CSV */
  AWARDS_SHEET_FORMAT_XLSX,
  AWARDS_SHEET_FORMAT_ODS,
  AWARDS_SHEET_FORMAT_XLS,
} AwardsSheetFormat;

typedef struct _AwardsSheet AwardsSheet;

/*
 * Called for every row that has a cell with text, in order. @row is the spreadsheet's own row
 * number (1 for its first row); every row has the same number of @cells, the sheet's width,
 * trimmed text ("" for an empty cell); @cells may be changed in place during the call. Dates
 * are written YYYY-MM-DD, whole numbers without a decimal point, and each cell of a merged
 * range holds the text of its first cell. Return FALSE to stop.
 */
typedef gboolean (*AwardsSheetRowFunc) (guint     row,
                                        char    **cells,
                                        guint     n_cells,
                                        gpointer  user_data);

AwardsSheetFormat  awards_sheet_sniff        (GFile              *file,
                                              GCancellable       *cancellable);
AwardsSheet       *awards_sheet_load         (GFile              *file,
                                              AwardsSheetFormat   format,
                                              const char         *sheet_name,
                                              GCancellable       *cancellable,
                                              GError            **error);
void               awards_sheet_free         (AwardsSheet        *self);
const char        *awards_sheet_get_name     (AwardsSheet        *self);
guint              awards_sheet_get_width    (AwardsSheet        *self);
gboolean           awards_sheet_foreach_row  (AwardsSheet        *self,
                                              AwardsSheetRowFunc  func,
                                              gpointer            user_data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwardsSheet, awards_sheet_free)

G_END_DECLS
