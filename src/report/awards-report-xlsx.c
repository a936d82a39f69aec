/* awards-report-xlsx.c: a report as a spreadsheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <xlsxwriter.h>

#include "awards-report-private.h"

/* Width of the sheet in character units, shared out among the widest table's columns. */
#define SHEET_WIDTH    110.0
#define POINTS_PER_CHAR  5.5
#define LINE_HEIGHT    15.0

typedef struct
{
  lxw_format *title;
  lxw_format *subtitle;
  lxw_format *heading;
  lxw_format *paragraph;
  lxw_format *header;
  lxw_format *cell;
  lxw_format *number;
  lxw_format *bold_cell;
  lxw_format *bold_number;
} Formats;

static lxw_format *
new_format (lxw_workbook *workbook,
            gboolean      bold,
            gboolean      border,
            gboolean      wrap)
{
  lxw_format *format = workbook_add_format (workbook);

  if (bold)
    format_set_bold (format);
  if (border)
    format_set_border (format, LXW_BORDER_THIN);
  if (wrap)
    format_set_text_wrap (format);
  format_set_align (format, LXW_ALIGN_VERTICAL_TOP);

  return format;
}

static void
create_formats (lxw_workbook *workbook,
                Formats      *formats)
{
  formats->title = new_format (workbook, TRUE, FALSE, FALSE);
  format_set_font_size (formats->title, 14);
  format_set_align (formats->title, LXW_ALIGN_CENTER);

  formats->subtitle = new_format (workbook, FALSE, FALSE, FALSE);
  format_set_italic (formats->subtitle);
  format_set_align (formats->subtitle, LXW_ALIGN_CENTER);

  formats->heading = new_format (workbook, TRUE, FALSE, FALSE);
  formats->paragraph = new_format (workbook, FALSE, FALSE, TRUE);

  formats->header = new_format (workbook, TRUE, TRUE, TRUE);
  format_set_align (formats->header, LXW_ALIGN_CENTER);
  format_set_align (formats->header, LXW_ALIGN_VERTICAL_CENTER);
  format_set_bg_color (formats->header, 0xE8E8E8);

  formats->cell = new_format (workbook, FALSE, TRUE, TRUE);
  formats->number = new_format (workbook, FALSE, TRUE, FALSE);
  formats->bold_cell = new_format (workbook, TRUE, TRUE, TRUE);
  formats->bold_number = new_format (workbook, TRUE, TRUE, FALSE);
}

static guint
count_columns (AwardsDoc       *doc,
               AwardsDocTable **widest)
{
  guint n_columns = 1;

  *widest = NULL;
  for (guint i = 0; i < doc->blocks->len; i++)
    {
      const AwardsDocBlock *block = g_ptr_array_index (doc->blocks, i);

      if (block->kind == AWARDS_DOC_BLOCK_TABLE && block->table->columns->len >= n_columns)
        {
          n_columns = block->table->columns->len;
          *widest = block->table;
        }
    }

  return n_columns;
}

static void
set_column_widths (lxw_worksheet  *sheet,
                   AwardsDocTable *table)
{
  double fixed = 0, weights = 0;

  if (table == NULL)
    {
      worksheet_set_column (sheet, 0, 0, SHEET_WIDTH, NULL);
      return;
    }

  for (guint i = 0; i < table->columns->len; i++)
    {
      const AwardsDocColumn *column = &g_array_index (table->columns, AwardsDocColumn, i);

      fixed += column->min_width / POINTS_PER_CHAR;
      weights += column->weight;
    }

  for (guint i = 0; i < table->columns->len; i++)
    {
      const AwardsDocColumn *column = &g_array_index (table->columns, AwardsDocColumn, i);
      double width = column->min_width / POINTS_PER_CHAR;

      if (weights > 0 && SHEET_WIDTH > fixed)
        width += (SHEET_WIDTH - fixed) * column->weight / weights;
      worksheet_set_column (sheet, (lxw_col_t) i, (lxw_col_t) i, MAX (width, 4.0), NULL);
    }
}

static gboolean
parse_count (const char *text,
             double     *value)
{
  guint64 number;

  /* The document groups thousands ("69.793"); the sheet gets the number itself. */
  if (text == NULL || !awards_count_parse (text, &number) || number > G_MAXUINT32)
    return FALSE;

  *value = (double) number;
  return TRUE;
}

static void
write_cell (lxw_worksheet *sheet,
            lxw_row_t      row,
            lxw_col_t      first_col,
            lxw_row_t      last_row,
            lxw_col_t      last_col,
            const char    *text,
            gboolean       numeric,
            lxw_format    *text_format,
            lxw_format    *number_format)
{
  double value;
  gboolean is_number = numeric && parse_count (text, &value);

  if (last_row != row || last_col != first_col)
    {
      worksheet_merge_range (sheet, row, first_col, last_row, last_col, "",
                             is_number ? number_format : text_format);
    }

  if (is_number)
    worksheet_write_number (sheet, row, first_col, value, number_format);
  else
    worksheet_write_string (sheet, row, first_col, text != NULL ? text : "", text_format);
}

static lxw_row_t
write_table (lxw_worksheet  *sheet,
             AwardsDocTable *table,
             lxw_row_t       row,
             const Formats  *formats)
{
  guint n_header = table->header_rows->len;

  for (guint r = 0; r < n_header; r++)
    {
      const AwardsDocRow *doc_row = g_ptr_array_index (table->header_rows, r);

      for (guint c = 0; c < doc_row->n_cells; c++)
        {
          const AwardsDocCell *cell = &doc_row->cells[c];
          guint column = awards_doc_row_cell_column (doc_row, c);
          guint last = r;

          if (cell->text == NULL && r > 0)
            continue;

          /* A cell continued by the rows below becomes one merged cell. */
          for (guint below = r + 1; below < n_header; below++)
            {
              const AwardsDocRow *next = g_ptr_array_index (table->header_rows, below);
              gboolean continued = FALSE;

              for (guint k = 0; k < next->n_cells; k++)
                if (awards_doc_row_cell_column (next, k) == column && next->cells[k].text == NULL)
                  continued = TRUE;
              if (!continued)
                break;
              last = below;
            }

          write_cell (sheet, row + r, (lxw_col_t) column, row + last,
                      (lxw_col_t) (column + cell->span - 1), cell->text, FALSE,
                      formats->header, formats->header);
        }
    }
  row += n_header;

  for (guint r = 0; r < table->rows->len; r++, row++)
    {
      const AwardsDocRow *doc_row = g_ptr_array_index (table->rows, r);
      gboolean bold = doc_row->style != AWARDS_DOC_ROW_NORMAL;

      for (guint c = 0; c < doc_row->n_cells; c++)
        {
          const AwardsDocCell *cell = &doc_row->cells[c];
          guint column = awards_doc_row_cell_column (doc_row, c);
          const AwardsDocColumn *info = &g_array_index (table->columns, AwardsDocColumn, column);

          write_cell (sheet, row, (lxw_col_t) column, row, (lxw_col_t) (column + cell->span - 1),
                      cell->text, info->numeric && cell->span == 1,
                      bold ? formats->bold_cell : formats->cell,
                      bold ? formats->bold_number : formats->number);
        }
    }

  return row;
}

gboolean
awards_report_write_xlsx (AwardsReport  *self,
                          const char    *path,
                          GError       **error)
{
  AwardsDoc *doc = awards_report_get_document (self);
  AwardsDocTable *widest = NULL;
  lxw_workbook *workbook;
  lxw_worksheet *sheet;
  lxw_error status;
  Formats formats;
  lxw_row_t row = 0;
  lxw_col_t last_col;

  workbook = workbook_new (path);
  if (workbook == NULL)
    {
      g_set_error (error, AWARDS_REPORT_ERROR, AWARDS_REPORT_ERROR_FAILED,
                   "Could not create the spreadsheet %s", path);
      return FALSE;
    }

  workbook_set_properties (workbook, &(lxw_doc_properties) { .title = self->title });
  sheet = workbook_add_worksheet (workbook, "Báo cáo");
  create_formats (workbook, &formats);
  last_col = (lxw_col_t) (count_columns (doc, &widest) - 1);
  set_column_widths (sheet, widest);
  worksheet_set_landscape (sheet);
  worksheet_set_paper (sheet, 9);  /* A4 */
  worksheet_fit_to_pages (sheet, 1, 0);

  for (guint i = 0; i < doc->blocks->len; i++)
    {
      const AwardsDocBlock *block = g_ptr_array_index (doc->blocks, i);

      switch (block->kind)
        {
        case AWARDS_DOC_BLOCK_TITLE:
          write_cell (sheet, row, 0, row, last_col, block->text, FALSE,
                      formats.title, formats.title);
          row++;
          break;

        case AWARDS_DOC_BLOCK_SUBTITLE:
          write_cell (sheet, row, 0, row, last_col, block->text, FALSE,
                      formats.subtitle, formats.subtitle);
          row++;
          break;

        case AWARDS_DOC_BLOCK_HEADING:
          row++;
          worksheet_write_string (sheet, row++, 0, block->text, formats.heading);
          break;

        case AWARDS_DOC_BLOCK_PARAGRAPH:
          {
            /* Merged cells do not grow with their text, so give the row its lines. */
            double lines = ceil (g_utf8_strlen (block->text, -1) / SHEET_WIDTH);

            worksheet_set_row (sheet, row, LINE_HEIGHT * MAX (lines, 1.0), NULL);
            write_cell (sheet, row, 0, row, last_col, block->text, FALSE,
                        formats.paragraph, formats.paragraph);
            row++;
          }
          break;

        case AWARDS_DOC_BLOCK_TABLE:
          row = write_table (sheet, block->table, row + 1, &formats) + 1;
          break;

        default:
          g_assert_not_reached ();
        }
    }

  status = workbook_close (workbook);
  if (status != LXW_NO_ERROR)
    {
      g_set_error (error, AWARDS_REPORT_ERROR, AWARDS_REPORT_ERROR_FAILED,
                   "Could not write the spreadsheet %s: %s", path, lxw_strerror (status));
      return FALSE;
    }

  return TRUE;
}
