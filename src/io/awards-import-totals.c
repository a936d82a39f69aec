/* awards-import-totals.c: the totals rows of an office's award list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "awards-import-totals.h"
#include "awards-text.h"

/* Folded, longest first, so that "tổng cộng" is not read as "tổng" followed by a word. */
static const char *const totals_words[] = { "tong cong", "tong so", "tong", "cong", NULL };

/**
 * awards_import_is_totals_text:
 * @text: (nullable): the first filled cell of a row
 *
 * Offices close their lists, and sometimes each group of them, with a row such as
 * "Tổng cộng: 4 cá nhân, 2 tập thể", "TỔNG SỐ 6" or "Cộng". The word must stand alone or be
 * followed by a colon, a number or a bracket: "Tổng công ty …" and "Cộng đồng …" are names.
 *
 * Returns: %TRUE when @text opens a totals row
 */
gboolean
awards_import_is_totals_text (const char *text)
{
  g_autofree char *folded = awards_text_fold (text);

  if (folded == NULL)
    return FALSE;

  for (guint i = 0; totals_words[i] != NULL; i++)
    {
      gsize length = strlen (totals_words[i]);
      const char *rest = folded + length;

      if (strncmp (folded, totals_words[i], length) != 0)
        continue;
      while (*rest == ' ')
        rest++;
      return *rest == '\0' || *rest == ':' || *rest == '(' || g_ascii_isdigit (*rest);
    }
  return FALSE;
}

/**
 * awards_import_is_totals_row:
 * @columns: (array length=n_columns): the column of each field of the header
 * @n_columns: their number
 * @fields: (array length=n_fields): the cells of a row below the header, trimmed
 * @n_fields: their number; a hand-made CSV may end a totals row early or run it on
 *
 * A row that gives no date, authority, award or recipient type cannot be an award; when its
 * first filled cell (a running number aside) opens with the words of a total, it is one of the
 * list's totals rows, which the import passes over and the window does not count. The words may
 * stand in the running-number column, and a spreadsheet that merged them across the row gives
 * every cell of the merge the same text, the date's and the recipient type's among them.
 *
 * Returns: %TRUE for a totals row
 */
gboolean
awards_import_is_totals_row (const AwardsImportColumn *columns,
                             guint                     n_columns,
                             const char * const       *fields,
                             guint                     n_fields)
{
  const char *first = NULL;

  for (guint i = 0; i < n_fields; i++)
    {
      AwardsImportColumn column = i < n_columns ? columns[i] : AWARDS_IMPORT_COLUMN_UNKNOWN;
      const char *p = fields[i] != NULL ? fields[i] : "";

      /* The window's check reads the cells untrimmed. */
      while (g_ascii_isspace (*p))
        p++;
      if (*p == '\0')
        continue;
      if ((column == AWARDS_IMPORT_COLUMN_DECISION_DATE ||
           column == AWARDS_IMPORT_COLUMN_AUTHORITY ||
           column == AWARDS_IMPORT_COLUMN_AWARD ||
           column == AWARDS_IMPORT_COLUMN_RECIPIENT_TYPE) && !awards_import_is_totals_text (p))
        return FALSE;
      if (first == NULL &&
          (column != AWARDS_IMPORT_COLUMN_IGNORED || awards_import_is_totals_text (p)))
        first = fields[i];
    }
  return awards_import_is_totals_text (first);
}
