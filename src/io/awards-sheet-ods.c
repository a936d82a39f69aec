/* awards-sheet-ods.c: reading a sheet of an OpenDocument spreadsheet (.ods)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "awards-sheet-private.h"
#include "awards-sheet-xml.h"

/*
 * An ods file keeps its sheets in content.xml as table:table elements of table:table-row and
 * table:table-cell. Runs of equal rows and cells are written once with a repeat count (a sheet
 * ends with a run of a million empty rows), a merged range is its first cell's span, and a date
 * cell carries its value as office:date-value beside the text shown.
 */

enum
{
  ELEMENT = XML_READER_TYPE_ELEMENT,
  END = XML_READER_TYPE_END_ELEMENT,
};

/* Repeats of a cell or row with text beyond these are a broken file, not a list. */
#define MAX_REPEAT_ROWS 100000

static guint
count_attribute (xmlTextReaderPtr  reader,
                 const char       *name)
{
  g_autofree char *value = awards_sheet_xml_attribute (reader, name);
  guint64 n = value != NULL ? g_ascii_strtoull (value, NULL, 10) : 1;

  return (guint) CLAMP (n, 1, G_MAXUINT / 2);
}

typedef struct
{
  guint    columns_repeated;
  guint    rows_spanned;
  guint    columns_spanned;
  char    *date;
  GString *text;
  guint    paragraphs;
} Cell;

/* The cells of one row, to repeat when the row is repeated. */
typedef struct
{
  guint  column;
  char  *text;
} RowCell;

static void
row_cell_clear (gpointer data)
{
  g_free (((RowCell *) data)->text);
}

AwardsSheet *
awards_sheet_load_ods (GFile         *file,
                       const char    *sheet_name,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GsfInfile) zip = awards_sheet_zip_open (file, error);
  g_autoptr(GBytes) content = NULL;
  g_autoptr(xmlTextReader) reader = NULL;
  g_autoptr(AwardsSheet) sheet = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) row_cells = g_array_new (FALSE, FALSE, sizeof (RowCell));
  Cell cell = { 0, };
  int table_depth = -1;
  guint row = 0, rows_repeated = 1, column = 0;
  gboolean in_cell = FALSE;
  gboolean done = FALSE;
  int rc;

  if (zip == NULL)
    return NULL;
  content = awards_sheet_zip_read (zip, "content.xml", FALSE, error);
  if (content == NULL)
    return NULL;

  g_array_set_clear_func (row_cells, row_cell_clear);
  cell.text = g_string_new (NULL);
  reader = awards_sheet_xml_reader (content);
  while (!done && (rc = xmlTextReaderRead (reader)) == 1)
    {
      if (table_depth < 0)
        {
          g_autofree char *name = NULL;

          if (!awards_sheet_xml_is (reader, ELEMENT, "table"))
            continue;
          name = awards_sheet_xml_attribute (reader, "name");
          if (name != NULL && sheet == NULL &&
              (sheet_name == NULL || strcmp (name, sheet_name) == 0))
            {
              sheet = awards_sheet_new (name);
              table_depth = xmlTextReaderDepth (reader);
            }
          if (name != NULL)
            g_ptr_array_add (names, g_steal_pointer (&name));
          continue;
        }

      if (awards_sheet_xml_is (reader, END, "table") && xmlTextReaderDepth (reader) == table_depth)
        done = TRUE;
      else if (awards_sheet_xml_is (reader, ELEMENT, "table-row"))
        {
          rows_repeated = count_attribute (reader, "number-rows-repeated");
          column = 0;
          g_array_set_size (row_cells, 0);
          if (xmlTextReaderIsEmptyElement (reader))
            row += rows_repeated;
          if (row % 4096 == 0 && g_cancellable_is_cancelled (cancellable))
            break;
        }
      else if (awards_sheet_xml_is (reader, END, "table-row"))
        {
          /* Only rows with text are repeated cell by cell; empty ones just move on. */
          guint repeats = row_cells->len > 0 ? MIN (rows_repeated, MAX_REPEAT_ROWS) : 0;

          for (guint i = 0; i < repeats; i++)
            for (guint j = 0; j < row_cells->len; j++)
              {
                RowCell *stored = &g_array_index (row_cells, RowCell, j);

                awards_sheet_set_cell (sheet, row + 1 + i, stored->column, stored->text);
              }
          row += rows_repeated;
        }
      else if (awards_sheet_xml_is (reader, ELEMENT, "table-cell") ||
               awards_sheet_xml_is (reader, ELEMENT, "covered-table-cell"))
        {
          cell.columns_repeated = count_attribute (reader, "number-columns-repeated");
          cell.rows_spanned = count_attribute (reader, "number-rows-spanned");
          cell.columns_spanned = count_attribute (reader, "number-columns-spanned");
          g_free (cell.date);
          cell.date = awards_sheet_xml_attribute (reader, "date-value");
          g_string_truncate (cell.text, 0);
          cell.paragraphs = 0;
          in_cell = !xmlTextReaderIsEmptyElement (reader);
          if (!in_cell)
            column += cell.columns_repeated;
        }
      else if (in_cell && (awards_sheet_xml_is (reader, END, "table-cell") ||
                           awards_sheet_xml_is (reader, END, "covered-table-cell")))
        {
          const char *text = cell.date != NULL ? cell.date : cell.text->str;
          g_autofree char *date = cell.date != NULL ? g_strndup (cell.date, 10) : NULL;
          guint repeats = text[0] != '\0' ? MIN (cell.columns_repeated, AWARDS_SHEET_MAX_COLUMNS) : 0;

          if (date != NULL)
            text = date;
          for (guint i = 0; i < repeats; i++)
            {
              RowCell stored = { column + i, g_strdup (text) };

              g_array_append_val (row_cells, stored);
            }
          if (text[0] != '\0' && (cell.rows_spanned > 1 || cell.columns_spanned > 1))
            awards_sheet_add_merge (sheet, row + 1, column, row + cell.rows_spanned,
                                    column + cell.columns_spanned - 1);
          column += cell.columns_repeated;
          in_cell = FALSE;
        }
      else if (in_cell && awards_sheet_xml_is (reader, ELEMENT, "p"))
        {
          if (cell.paragraphs++ > 0)
            g_string_append_c (cell.text, '\n');
        }
      else if (in_cell && awards_sheet_xml_is (reader, ELEMENT, "s"))
        {
          guint n = count_attribute (reader, "c");

          for (guint i = 0; i < MIN (n, 1000); i++)
            g_string_append_c (cell.text, ' ');
        }
      else if (in_cell && awards_sheet_xml_is (reader, ELEMENT, "tab"))
        g_string_append_c (cell.text, '\t');
      else if (in_cell && awards_sheet_xml_is (reader, ELEMENT, "line-break"))
        g_string_append_c (cell.text, '\n');
      else if (in_cell && (xmlTextReaderNodeType (reader) == XML_READER_TYPE_TEXT ||
                           xmlTextReaderNodeType (reader) == XML_READER_TYPE_SIGNIFICANT_WHITESPACE))
        g_string_append (cell.text, (const char *) xmlTextReaderConstValue (reader));
    }
  g_free (cell.date);
  g_string_free (cell.text, TRUE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (!done && rc != 0)
    {
      awards_sheet_xml_error (error, file);
      return NULL;
    }
  if (sheet == NULL)
    {
      if (sheet_name != NULL)
        awards_sheet_no_such_sheet (error, sheet_name, names);
      else
        awards_sheet_xml_error (error, file);
      return NULL;
    }
  return g_steal_pointer (&sheet);
}
