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
