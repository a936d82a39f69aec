/* awards-import-title.c: the title block above the header row of a CSV list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "awards-import-columns.h"
#include "awards-import-title.h"

/**
 * awards_import_is_title_row:
 * @fields: (array length=n_fields): the fields of a row before the header, as read
 * @n_fields: their number
 *
 * A CSV saved from an office's spreadsheet keeps the sheet's title block: the authority on the
 * left, the national motto on the right, the list's title, blank lines. Such a row has at most
 * two cells and names no column; it is skipped as the spreadsheet import skips it. A row that
 * names a column is the header, even a wrong one, so that its problems are said.
 *
 * Returns: %TRUE when the row is part of a title block
 */
gboolean
awards_import_is_title_row (const char * const *fields,
                            guint               n_fields)
{
  guint n_filled = 0;

  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *cell = g_strstrip (g_strdup (fields[i] != NULL ? fields[i] : ""));

      if (cell[0] == '\0')
        continue;
      if (awards_import_column_from_name (cell) != AWARDS_IMPORT_COLUMN_UNKNOWN)
        return FALSE;
      n_filled++;
    }
  return n_filled <= 2;
}
