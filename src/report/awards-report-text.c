/* awards-report-text.c: a report as plain UTF-8 text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "awards-report-private.h"

#define COLUMN_GAP 2

/* Columns on a terminal: combining marks take none, wide characters two. Stored text is NFC,
 * so Vietnamese letters are one column each. */
static guint
display_width (const char *text)
{
  guint width = 0;

  if (text == NULL)
    return 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }

  return width;
}

/* Line breaks inside a cell (a decision's number over its date) read as spaces on one line. */
static char *
flatten (const char *text)
{
  char *flat = g_strdup (text != NULL ? text : "");

  g_strdelimit (flat, "\n", ' ');
  return flat;
}

static void
append_padded (GString        *out,
               const char     *text,
               guint           width,
               AwardsDocAlign  align)
{
  guint text_width = display_width (text);
  guint pad = width > text_width ? width - text_width : 0;
  guint before = 0;

  if (align == AWARDS_DOC_ALIGN_END)
    before = pad;
  else if (align == AWARDS_DOC_ALIGN_CENTER)
    before = pad / 2;

  for (guint i = 0; i < before; i++)
    g_string_append_c (out, ' ');
  g_string_append (out, text);
  for (guint i = before; i < pad; i++)
    g_string_append_c (out, ' ');
}

static guint
span_width (const guint *widths,
            guint        column,
            guint        span)
{
  guint width = 0;

  for (guint i = column; i < column + span; i++)
    width += widths[i];

  return width + (span - 1) * COLUMN_GAP;
}

static void
measure_rows (GPtrArray *rows,
              guint     *widths,
              gboolean   spanned)
{
  for (guint r = 0; r < rows->len; r++)
    {
      const AwardsDocRow *row = g_ptr_array_index (rows, r);
      guint column = 0;

      for (guint c = 0; c < row->n_cells; c++)
        {
          const AwardsDocCell *cell = &row->cells[c];
          g_autofree char *flat = flatten (cell->text);
          guint width = display_width (flat);

          if (!spanned && cell->span == 1)
            widths[column] = MAX (widths[column], width);
          else if (spanned && cell->span > 1)
            {
              guint have = span_width (widths, column, cell->span);

              /* A wide spanning cell widens the columns it covers evenly. */
              for (guint i = 0; width > have; i = (i + 1) % cell->span, have++)
                widths[column + i]++;
            }

          column += cell->span;
        }
    }
}

static void
append_row (GString             *out,
            const AwardsDocRow  *row,
            GArray              *columns,
            const guint         *widths)
{
  gsize start = out->len;
  guint column = 0;

  for (guint c = 0; c < row->n_cells; c++)
    {
      const AwardsDocCell *cell = &row->cells[c];
      const AwardsDocColumn *info = &g_array_index (columns, AwardsDocColumn, column);
      g_autofree char *flat = flatten (cell->text);
      AwardsDocAlign align = info->align;

      /* Plain text has no middle worth finding in a narrow column: numbers and numerals line
       * up on the right, and a label spanning several columns reads from the left. */
      if (align == AWARDS_DOC_ALIGN_CENTER)
        align = AWARDS_DOC_ALIGN_END;
      if (cell->span > 1)
        align = AWARDS_DOC_ALIGN_START;

      if (c > 0)
        g_string_append_printf (out, "%*s", COLUMN_GAP, "");
      append_padded (out, flat, span_width (widths, column, cell->span), align);
      column += cell->span;
    }

  while (out->len > start && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  g_string_append_c (out, '\n');
}

static void
append_rule (GString     *out,
             const guint *widths,
             guint        n_columns)
{
  for (guint i = 0; i < n_columns; i++)
    {
      if (i > 0)
        g_string_append_printf (out, "%*s", COLUMN_GAP, "");
      for (guint j = 0; j < widths[i]; j++)
        g_string_append_c (out, '-');
    }
  g_string_append_c (out, '\n');
}

static void
append_table (GString        *out,
              AwardsDocTable *table)
{
  guint n_columns = table->columns->len;
  g_autofree guint *widths = g_new0 (guint, n_columns);

  measure_rows (table->header_rows, widths, FALSE);
  measure_rows (table->rows, widths, FALSE);
  measure_rows (table->header_rows, widths, TRUE);
  measure_rows (table->rows, widths, TRUE);

  for (guint r = 0; r < table->header_rows->len; r++)
    append_row (out, g_ptr_array_index (table->header_rows, r), table->columns, widths);
  append_rule (out, widths, n_columns);

  for (guint r = 0; r < table->rows->len; r++)
    {
      const AwardsDocRow *row = g_ptr_array_index (table->rows, r);

      if (row->style == AWARDS_DOC_ROW_TOTAL)
        append_rule (out, widths, n_columns);
      append_row (out, row, table->columns, widths);
    }
}

static gboolean
needs_blank_line (AwardsDocBlockKind previous,
                  AwardsDocBlockKind current)
{
  if (previous == AWARDS_DOC_BLOCK_TITLE || previous == AWARDS_DOC_BLOCK_SUBTITLE)
    return current != AWARDS_DOC_BLOCK_SUBTITLE;
  if (previous == AWARDS_DOC_BLOCK_PARAGRAPH && current == AWARDS_DOC_BLOCK_PARAGRAPH)
    return FALSE;
  if (previous == AWARDS_DOC_BLOCK_HEADING && current != AWARDS_DOC_BLOCK_HEADING)
    return FALSE;

  return TRUE;
}

void
awards_report_write_text (AwardsDoc *doc,
                          GString   *out)
{
  for (guint i = 0; i < doc->blocks->len; i++)
    {
      const AwardsDocBlock *block = g_ptr_array_index (doc->blocks, i);

      if (i > 0)
        {
          const AwardsDocBlock *previous = g_ptr_array_index (doc->blocks, i - 1);

          if (needs_blank_line (previous->kind, block->kind))
            g_string_append_c (out, '\n');
        }

      if (block->kind == AWARDS_DOC_BLOCK_TABLE)
        append_table (out, block->table);
      else
        g_string_append_printf (out, "%s\n", block->text);
    }
}
