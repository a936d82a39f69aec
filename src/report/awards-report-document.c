/* awards-report-document.c: what a report says, before it is written in any format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdarg.h>

#include "awards-report-document.h"

static void
awards_doc_row_free (gpointer data)
{
  AwardsDocRow *row = data;

  for (guint i = 0; i < row->n_cells; i++)
    g_free (row->cells[i].text);
  g_free (row);
}

static void
awards_doc_table_free (AwardsDocTable *table)
{
  if (table == NULL)
    return;

  g_array_unref (table->columns);
  g_ptr_array_unref (table->header_rows);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

static void
awards_doc_block_free (gpointer data)
{
  AwardsDocBlock *block = data;

  g_free (block->text);
  awards_doc_table_free (block->table);
  g_free (block);
}

AwardsDoc *
awards_doc_new (void)
{
  AwardsDoc *doc = g_new0 (AwardsDoc, 1);

  doc->blocks = g_ptr_array_new_with_free_func (awards_doc_block_free);
  return doc;
}

void
awards_doc_free (AwardsDoc *doc)
{
  if (doc == NULL)
    return;

  g_free (doc->issuer);
  g_free (doc->place_date);
  g_free (doc->signer_title);
  g_free (doc->signer_name);
  g_free (doc->parent);
  g_free (doc->number);
  g_free (doc->signer_form);
  g_strfreev (doc->recipients);
  g_free (doc->font);
  g_ptr_array_unref (doc->blocks);
  g_free (doc);
}

void
awards_doc_add_text (AwardsDoc          *doc,
                     AwardsDocBlockKind  kind,
                     const char         *text)
{
  AwardsDocBlock *block;

  g_return_if_fail (doc != NULL);
  g_return_if_fail (kind != AWARDS_DOC_BLOCK_TABLE);

  block = g_new0 (AwardsDocBlock, 1);
  block->kind = kind;
  block->text = g_strdup (text != NULL ? text : "");
  g_ptr_array_add (doc->blocks, block);
}

void
awards_doc_add_printf (AwardsDoc          *doc,
                       AwardsDocBlockKind  kind,
                       const char         *format,
                       ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  awards_doc_add_text (doc, kind, text);
}

AwardsDocTable *
awards_doc_add_table (AwardsDoc *doc)
{
  AwardsDocBlock *block;
  AwardsDocTable *table;

  g_return_val_if_fail (doc != NULL, NULL);

  table = g_new0 (AwardsDocTable, 1);
  table->columns = g_array_new (FALSE, TRUE, sizeof (AwardsDocColumn));
  table->header_rows = g_ptr_array_new_with_free_func (awards_doc_row_free);
  table->rows = g_ptr_array_new_with_free_func (awards_doc_row_free);

  block = g_new0 (AwardsDocBlock, 1);
  block->kind = AWARDS_DOC_BLOCK_TABLE;
  block->table = table;
  g_ptr_array_add (doc->blocks, block);

  return table;
}

void
awards_doc_table_add_column (AwardsDocTable *table,
                             double          weight,
                             double          min_width,
                             AwardsDocAlign  align,
                             gboolean        numeric)
{
  AwardsDocColumn column = { weight, min_width, align, numeric };

  g_return_if_fail (table != NULL);
  g_return_if_fail (table->rows->len == 0 && table->header_rows->len == 0);

  g_array_append_val (table->columns, column);
}

guint
awards_doc_table_get_n_columns (AwardsDocTable *table)
{
  g_return_val_if_fail (table != NULL, 0);

  return table->columns->len;
}

void
awards_doc_table_add_row (AwardsDocTable     *table,
                          AwardsDocRowStyle   style,
                          const char * const *texts,
                          const guint        *spans,
                          guint               n_texts)
{
  AwardsDocRow *row;
  guint covered = 0;

  g_return_if_fail (table != NULL);
  g_return_if_fail (texts != NULL || n_texts == 0);

  row = g_malloc0 (sizeof (AwardsDocRow) + n_texts * sizeof (AwardsDocCell));
  row->style = style;
  row->n_cells = n_texts;
  for (guint i = 0; i < n_texts; i++)
    {
      row->cells[i].text = g_strdup (texts[i]);
      row->cells[i].span = spans != NULL ? MAX (spans[i], 1) : 1;
      covered += row->cells[i].span;
    }

  /* A row that covers the wrong number of columns is a programming error in a report builder. */
  g_assert (covered == table->columns->len);

  if (style == AWARDS_DOC_ROW_HEADER)
    g_ptr_array_add (table->header_rows, row);
  else
    g_ptr_array_add (table->rows, row);
}

static void
add_row_va (AwardsDocTable    *table,
            AwardsDocRowStyle  style,
            guint              span,
            va_list            args)
{
  guint n_columns = table->columns->len;
  g_autofree const char **texts = g_new0 (const char *, n_columns);
  g_autofree guint *spans = g_new0 (guint, n_columns);
  guint n = 0;

  g_assert (span >= 1 && span <= n_columns);

  texts[n] = va_arg (args, const char *);
  spans[n++] = span;
  for (guint column = span; column < n_columns; column++)
    {
      texts[n] = va_arg (args, const char *);
      spans[n++] = 1;
    }

  awards_doc_table_add_row (table, style, texts, spans, n);
}

void
awards_doc_table_add (AwardsDocTable    *table,
                      AwardsDocRowStyle  style,
                      ...)
{
  va_list args;

  g_return_if_fail (table != NULL && table->columns->len > 0);

  va_start (args, style);
  add_row_va (table, style, 1, args);
  va_end (args);
}

void
awards_doc_table_add_spanned (AwardsDocTable    *table,
                              AwardsDocRowStyle  style,
                              guint              span,
                              ...)
{
  va_list args;

  g_return_if_fail (table != NULL && table->columns->len > 0);
  g_return_if_fail (span >= 1 && span <= table->columns->len);

  va_start (args, span);
  add_row_va (table, style, span, args);
  va_end (args);
}

guint
awards_doc_row_cell_column (const AwardsDocRow *row,
                            guint               cell)
{
  guint column = 0;

  g_return_val_if_fail (row != NULL && cell < row->n_cells, 0);

  for (guint i = 0; i < cell; i++)
    column += row->cells[i].span;

  return column;
}
