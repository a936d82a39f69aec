/* awards-csv-cell.c: CSV cells that spreadsheet programs show as text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "awards-csv-cell.h"

/*
 * A spreadsheet program opening a CSV file runs a cell that begins with = + - @ (or a tab or
 * carriage return before one) as a formula: `=HYPERLINK(…)` sends data away, `+cmd|…` starts a
 * program. Following OWASP's advice, such a cell is written with a single quote before it,
 * which spreadsheets take as "this is text" and do not show; the importer removes exactly that
 * one quote again, so that an exported list imports back to the same text.
 */

static gboolean
is_formula_start (char c)
{
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

/**
 * awards_csv_cell_needs_guard:
 * @text: (nullable): a cell's text
 *
 * Returns: whether @text must be written with a leading single quote
 */
gboolean
awards_csv_cell_needs_guard (const char *text)
{
  if (text == NULL)
    return FALSE;
  /* A text that already begins with the guard gets another, so that reading removes one. */
  if (text[0] == '\'')
    return is_formula_start (text[1]) ||
           (text[1] == '\'' && awards_csv_cell_needs_guard (text + 1));
  return is_formula_start (text[0]);
}

/**
 * awards_csv_cell_unguard:
 * @text: a cell as read from a file
 *
 * Returns: (transfer none): @text without the one single quote that guards a formula-like cell
 */
const char *
awards_csv_cell_unguard (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  if (text[0] == '\'' && (is_formula_start (text[1]) || text[1] == '\''))
    {
      /* Only a quote written by the guard is removed: one before a quoted formula-like text. */
      const char *rest = text + 1;

      while (rest[0] == '\'')
        rest++;
      if (is_formula_start (rest[0]))
        return text + 1;
    }
  return text;
}
