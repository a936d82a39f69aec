/* awards-sheet-xlsx.c: reading a sheet of an Office Open XML workbook (.xlsx)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "awards-sheet-private.h"
#include "awards-sheet-xml.h"

/*
 * An xlsx file is a zip of XML parts: xl/workbook.xml lists the sheets, whose parts
 * xl/_rels/workbook.xml.rels locates; texts are kept once in xl/sharedStrings.xml; a date is a
 * number of days whose cell style (xl/styles.xml) has a date format; merged ranges follow the
 * cells of their sheet.
 */

enum
{
  ELEMENT = XML_READER_TYPE_ELEMENT,
  END = XML_READER_TYPE_END_ELEMENT,
};

typedef struct
{
  GFile        *file;
  GsfInfile    *zip;
  GPtrArray    *strings;      /* shared strings */
  GArray       *date_styles;  /* gboolean per cell style */
  gboolean      date1904;
} Workbook;

static void
workbook_clear (Workbook *book)
{
  g_clear_object (&book->zip);
  g_clear_pointer (&book->strings, g_ptr_array_unref);
  g_clear_pointer (&book->date_styles, g_array_unref);
}

static gboolean
is_text_node (xmlTextReaderPtr reader)
{
  int type = xmlTextReaderNodeType (reader);

  return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
         type == XML_READER_TYPE_WHITESPACE || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE;
}

static gboolean
read_shared_strings (Workbook  *book,
                     GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = awards_sheet_zip_read (book->zip, "xl/sharedStrings.xml", TRUE,
                                                   &local_error);
  g_autoptr(xmlTextReader) reader = NULL;
  GString *text = g_string_new (NULL);
  gboolean in_t = FALSE;
  int phonetic = 0;
  int rc;

  book->strings = g_ptr_array_new_with_free_func (g_free);
  if (bytes == NULL)
    {
      g_string_free (text, TRUE);
      if (local_error == NULL)
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  reader = awards_sheet_xml_reader (bytes);
  while ((rc = xmlTextReaderRead (reader)) == 1)
    {
      if (awards_sheet_xml_is (reader, ELEMENT, "si"))
        g_string_truncate (text, 0);
      else if (awards_sheet_xml_is (reader, END, "si"))
        g_ptr_array_add (book->strings, g_strdup (text->str));
      else if (awards_sheet_xml_is (reader, ELEMENT, "rPh") && !xmlTextReaderIsEmptyElement (reader))
        phonetic++;
      else if (awards_sheet_xml_is (reader, END, "rPh"))
        phonetic--;
      else if (awards_sheet_xml_is (reader, ELEMENT, "t"))
        in_t = !xmlTextReaderIsEmptyElement (reader);
      else if (awards_sheet_xml_is (reader, END, "t"))
        in_t = FALSE;
      else if (in_t && phonetic == 0 && is_text_node (reader))
        g_string_append (text, (const char *) xmlTextReaderConstValue (reader));
    }
  g_string_free (text, TRUE);
  if (rc != 0)
    {
      awards_sheet_xml_error (error, book->file);
      return FALSE;
    }
  return TRUE;
}

/* Whether a number format shows a date: it has day, month-with-year or year codes outside
 * quoted text, escapes and [colour] or [$-locale] sections. */
static gboolean
format_code_is_date (const char *code)
{
  gboolean in_quote = FALSE;
  int depth = 0;

  for (const char *p = code; *p != '\0'; p++)
    {
      char c = *p;

      if (in_quote)
        {
          in_quote = c != '"';
          continue;
        }
      if (c == '"')
        in_quote = TRUE;
      else if (c == '\\' && p[1] != '\0')
        p++;
      else if (c == '[')
        depth++;
      else if (c == ']' && depth > 0)
        depth--;
      else if (depth == 0 && (c == 'd' || c == 'D' || c == 'y' || c == 'Y'))
        return TRUE;
    }
  return FALSE;
}

/* The built-in number formats that are dates (ECMA-376 18.8.30, and the East Asian ones). */
static gboolean
builtin_format_is_date (guint id)
{
  return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

static gboolean
read_styles (Workbook  *book,
             GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = awards_sheet_zip_read (book->zip, "xl/styles.xml", TRUE, &local_error);
  g_autoptr(GHashTable) date_formats = g_hash_table_new (NULL, NULL);
  g_autoptr(xmlTextReader) reader = NULL;
  gboolean in_cell_xfs = FALSE;
  int rc;

  book->date_styles = g_array_new (FALSE, TRUE, sizeof (gboolean));
  if (bytes == NULL)
    {
      if (local_error == NULL)
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  reader = awards_sheet_xml_reader (bytes);
  while ((rc = xmlTextReaderRead (reader)) == 1)
    {
      if (awards_sheet_xml_is (reader, ELEMENT, "numFmt"))
        {
          g_autofree char *id = awards_sheet_xml_attribute (reader, "numFmtId");
          g_autofree char *code = awards_sheet_xml_attribute (reader, "formatCode");

          if (id != NULL && code != NULL && format_code_is_date (code))
            g_hash_table_add (date_formats, GUINT_TO_POINTER ((guint) g_ascii_strtoull (id, NULL, 10)));
        }
      else if (awards_sheet_xml_is (reader, ELEMENT, "cellXfs"))
        in_cell_xfs = !xmlTextReaderIsEmptyElement (reader);
      else if (awards_sheet_xml_is (reader, END, "cellXfs"))
        in_cell_xfs = FALSE;
      else if (in_cell_xfs && awards_sheet_xml_is (reader, ELEMENT, "xf"))
        {
          g_autofree char *id_text = awards_sheet_xml_attribute (reader, "numFmtId");
          guint id = id_text != NULL ? (guint) g_ascii_strtoull (id_text, NULL, 10) : 0;
          gboolean is_date = builtin_format_is_date (id) ||
                             g_hash_table_contains (date_formats, GUINT_TO_POINTER (id));

          g_array_append_val (book->date_styles, is_date);
        }
    }
  if (rc != 0)
    {
      awards_sheet_xml_error (error, book->file);
      return FALSE;
    }
  return TRUE;
}

/* Finds the part of the sheet to read: the first, or the one named @sheet_name. */
static char *
find_sheet_part (Workbook    *book,
                 const char  *sheet_name,
                 char       **found_name,
                 GError     **error)
{
  g_autoptr(GBytes) workbook = awards_sheet_zip_read (book->zip, "xl/workbook.xml", FALSE, error);
  g_autoptr(GBytes) rels = NULL;
  g_autoptr(xmlTextReader) reader = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *wanted_id = NULL;
  char *target = NULL;

  if (workbook == NULL)
    return NULL;

  reader = awards_sheet_xml_reader (workbook);
  while (xmlTextReaderRead (reader) == 1)
    {
      if (awards_sheet_xml_is (reader, ELEMENT, "workbookPr"))
        {
          g_autofree char *value = awards_sheet_xml_attribute (reader, "date1904");

          book->date1904 = value != NULL && (strcmp (value, "1") == 0 || strcmp (value, "true") == 0);
        }
      else if (awards_sheet_xml_is (reader, ELEMENT, "sheet"))
        {
          g_autofree char *name = awards_sheet_xml_attribute (reader, "name");
          g_autofree char *id = awards_sheet_xml_attribute (reader, "id");

          if (name == NULL || id == NULL)
            continue;
          if (wanted_id == NULL && (sheet_name == NULL || strcmp (name, sheet_name) == 0))
            {
              wanted_id = g_steal_pointer (&id);
              *found_name = g_strdup (name);
            }
          g_ptr_array_add (names, g_steal_pointer (&name));
        }
    }

  if (wanted_id == NULL)
    {
      if (sheet_name != NULL)
        awards_sheet_no_such_sheet (error, sheet_name, names);
      else
        awards_sheet_xml_error (error, book->file);
      return NULL;
    }

  rels = awards_sheet_zip_read (book->zip, "xl/_rels/workbook.xml.rels", FALSE, error);
  if (rels == NULL)
    return NULL;
  g_clear_pointer (&reader, xmlFreeTextReader);
  reader = awards_sheet_xml_reader (rels);
  while (target == NULL && xmlTextReaderRead (reader) == 1)
    {
      g_autofree char *id = NULL;
      g_autofree char *path = NULL;

      if (!awards_sheet_xml_is (reader, ELEMENT, "Relationship"))
        continue;
      id = awards_sheet_xml_attribute (reader, "Id");
      path = awards_sheet_xml_attribute (reader, "Target");
      if (id != NULL && path != NULL && strcmp (id, wanted_id) == 0)
        target = path[0] == '/' ? g_strdup (path + 1) : g_strconcat ("xl/", path, NULL);
    }
  if (target == NULL)
    awards_sheet_xml_error (error, book->file);
  return target;
}

/* "BC12" → column 54 (from 0), row 12; FALSE when it is no cell reference. */
static gboolean
parse_reference (const char *ref,
                 guint      *column,
                 guint      *row)
{
  guint64 col = 0;
  const char *p = ref;

  while (g_ascii_isalpha (*p) && col <= AWARDS_SHEET_MAX_COLUMNS)
    col = col * 26 + (g_ascii_toupper (*p++) - 'A' + 1);
  if (col == 0 || !g_ascii_isdigit (*p))
    return FALSE;
  *column = (guint) col - 1;
  *row = (guint) MIN (g_ascii_strtoull (p, NULL, 10), G_MAXUINT);
  return TRUE;
}

typedef struct
{
  guint    row;
  guint    column;
  char    *type;
  guint    style;
  GString *value;
  gboolean in_value;
} Cell;

static char *
cell_text (Workbook *book,
           Cell     *cell)
{
  const char *value = cell->value->str;
  const char *type = cell->type != NULL ? cell->type : "n";
  char *end = NULL;
  double number;

  if (strcmp (type, "s") == 0)
    {
      guint64 index = g_ascii_strtoull (value, &end, 10);

      if (end == value || index >= book->strings->len)
        return NULL;
      return g_strdup (g_ptr_array_index (book->strings, index));
    }
  if (strcmp (type, "d") == 0)
    return g_strndup (value, 10);
  if (strcmp (type, "n") != 0)
    return g_strdup (value);

  number = g_ascii_strtod (value, &end);
  if (end == value)
    return NULL;
  if (cell->style < book->date_styles->len &&
      g_array_index (book->date_styles, gboolean, cell->style))
    return awards_sheet_date_from_serial (number, book->date1904);
  return awards_sheet_number_text (number);
}

static gboolean
read_cells (Workbook     *book,
            const char   *part,
            AwardsSheet  *sheet,
            GCancellable *cancellable,
            GError      **error)
{
  g_autoptr(GBytes) bytes = awards_sheet_zip_read (book->zip, part, FALSE, error);
  g_autoptr(xmlTextReader) reader = NULL;
  Cell cell = { 0, };
  guint row = 0;
  int rc;

  if (bytes == NULL)
    return FALSE;

  cell.value = g_string_new (NULL);
  reader = awards_sheet_xml_reader (bytes);
  while ((rc = xmlTextReaderRead (reader)) == 1)
    {
      if (awards_sheet_xml_is (reader, ELEMENT, "row"))
        {
          g_autofree char *r = awards_sheet_xml_attribute (reader, "r");

          row = r != NULL ? (guint) g_ascii_strtoull (r, NULL, 10) : row + 1;
          cell.column = G_MAXUINT;
          if (row % 4096 == 0 && g_cancellable_is_cancelled (cancellable))
            break;
        }
      else if (awards_sheet_xml_is (reader, ELEMENT, "c"))
        {
          g_autofree char *r = awards_sheet_xml_attribute (reader, "r");
          g_autofree char *s = awards_sheet_xml_attribute (reader, "s");

          g_free (cell.type);
          cell.type = awards_sheet_xml_attribute (reader, "t");
          cell.style = s != NULL ? (guint) g_ascii_strtoull (s, NULL, 10) : 0;
          cell.row = row;
          if (r == NULL || !parse_reference (r, &cell.column, &cell.row))
            cell.column = cell.column == G_MAXUINT ? 0 : cell.column + 1;
          g_string_truncate (cell.value, 0);
          cell.in_value = FALSE;
        }
      else if (awards_sheet_xml_is (reader, ELEMENT, "v") ||
               awards_sheet_xml_is (reader, ELEMENT, "t"))
        cell.in_value = !xmlTextReaderIsEmptyElement (reader);
      else if (awards_sheet_xml_is (reader, END, "v") || awards_sheet_xml_is (reader, END, "t"))
        cell.in_value = FALSE;
      else if (cell.in_value && is_text_node (reader))
        g_string_append (cell.value, (const char *) xmlTextReaderConstValue (reader));
      else if (awards_sheet_xml_is (reader, END, "c"))
        {
          g_autofree char *text = cell_text (book, &cell);

          awards_sheet_set_cell (sheet, cell.row, cell.column, text);
        }
      else if (awards_sheet_xml_is (reader, ELEMENT, "mergeCell"))
        {
          g_autofree char *ref = awards_sheet_xml_attribute (reader, "ref");
          g_auto(GStrv) ends = ref != NULL ? g_strsplit (ref, ":", 2) : NULL;
          guint c1, r1, c2, r2;

          if (ends != NULL && ends[0] != NULL && ends[1] != NULL &&
              parse_reference (ends[0], &c1, &r1) && parse_reference (ends[1], &c2, &r2))
            awards_sheet_add_merge (sheet, r1, c1, r2, c2);
        }
    }
  g_free (cell.type);
  g_string_free (cell.value, TRUE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (rc != 0)
    {
      awards_sheet_xml_error (error, book->file);
      return FALSE;
    }
  return TRUE;
}

AwardsSheet *
awards_sheet_load_xlsx (GFile         *file,
                        const char    *sheet_name,
                        GCancellable  *cancellable,
                        GError       **error)
{
  Workbook book = { file, NULL, };
  g_autofree char *part = NULL;
  g_autofree char *found_name = NULL;
  g_autoptr(AwardsSheet) sheet = NULL;
  gboolean ok;

  book.zip = awards_sheet_zip_open (file, error);
  ok = book.zip != NULL &&
       (part = find_sheet_part (&book, sheet_name, &found_name, error)) != NULL &&
       read_shared_strings (&book, error) &&
       read_styles (&book, error);
  if (ok)
    {
      sheet = awards_sheet_new (found_name);
      ok = read_cells (&book, part, sheet, cancellable, error);
    }
  workbook_clear (&book);
  return ok ? g_steal_pointer (&sheet) : NULL;
}
