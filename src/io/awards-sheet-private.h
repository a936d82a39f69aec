/* awards-sheet-private.h: what the readers of each spreadsheet format fill in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "awards-sheet.h"

G_BEGIN_DECLS

/* Sheets bigger than this are refused rather than filling the memory: the flat award list of a
 * province is some 100,000 rows of ten columns. */
#define AWARDS_SHEET_MAX_ROWS    1048576
#define AWARDS_SHEET_MAX_COLUMNS 256

AwardsSheet *awards_sheet_new         (const char   *name);
void         awards_sheet_set_cell    (AwardsSheet  *self,
                                       guint         row,
                                       guint         column,
                                       const char   *text);
void         awards_sheet_add_merge   (AwardsSheet  *self,
                                       guint         first_row,
                                       guint         first_column,
                                       guint         last_row,
                                       guint         last_column);
char        *awards_sheet_date_from_serial (double    serial,
                                            gboolean  date1904);
char        *awards_sheet_number_text (double        value);
void         awards_sheet_no_such_sheet (GError    **error,
                                         const char  *name,
                                         GPtrArray   *names);

AwardsSheet *awards_sheet_load_xlsx   (GFile        *file,
                                       const char   *sheet_name,
                                       GCancellable *cancellable,
                                       GError      **error);
AwardsSheet *awards_sheet_load_ods    (GFile        *file,
                                       const char   *sheet_name,
                                       GCancellable *cancellable,
                                       GError      **error);
AwardsSheet *awards_sheet_load_xls    (GFile        *file,
                                       const char   *sheet_name,
                                       GCancellable *cancellable,
                                       GError      **error);

G_END_DECLS
