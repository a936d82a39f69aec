/* awards-sheet-names.h: the names of a workbook's sheets, and the one to read by default
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "awards-sheet.h"

G_BEGIN_DECLS

GStrv  awards_sheet_list_names       (GFile              *file,
                                      AwardsSheetFormat   format,
                                      GCancellable       *cancellable,
                                      GError            **error);
char  *awards_sheet_first_with_data  (GFile              *file,
                                      AwardsSheetFormat   format,
                                      const char * const *names,
                                      GCancellable       *cancellable);

G_END_DECLS
