/* awards-sheet.c: the first (or a named) sheet of a spreadsheet file, as rows of text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "awards-import-columns.h"
#include "awards-importer.h"
#include "awards-sheet-private.h"

/*
 * A sheet is read whole into memory before its rows are handed on, because a spreadsheet file
 * says which cells are merged only after the cells themselves (xlsx) or in another place of the
 * file (xls). Rows are kept sparse: only rows with text take room.
 */

typedef struct
{
  guint first_row, first_column, last_row, last_column;
} Merge;

struct _AwardsSheet
{
  char       *name;
  GHashTable *rows;        /* row number → GPtrArray of char* (NULL: empty cell) */
  GArray     *merges;      /* Merge */
  guint       width;
};

AwardsSheet *
awards_sheet_new (const char *name)
{
  AwardsSheet *self = g_new0 (AwardsSheet, 1);

  self->name = g_strdup (name);
  self->rows = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->merges = g_array_new (FALSE, FALSE, sizeof (Merge));
  return self;
}

void
awards_sheet_free (AwardsSheet *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_hash_table_unref (self->rows);
  g_array_unref (self->merges);
  g_free (self);
}

const char *
awards_sheet_get_name (AwardsSheet *self)
{
  return self->name;
}

/* Returns: the number of columns up to the last with text */
guint
awards_sheet_get_width (AwardsSheet *self)
{
  return self->width;
}

/* Stores the text of one cell, @row from 1, @column from 0; empty text is no text. */
void
awards_sheet_set_cell (AwardsSheet *self,
                       guint        row,
                       guint        column,
                       const char  *text)
{
  g_autofree char *stripped = NULL;
  GPtrArray *cells;

  if (text == NULL || row == 0 || row > AWARDS_SHEET_MAX_ROWS || column >= AWARDS_SHEET_MAX_COLUMNS)
    return;
  stripped = g_strstrip (g_strdup (text));
  if (stripped[0] == '\0')
    return;

  cells = g_hash_table_lookup (self->rows, GUINT_TO_POINTER (row));
  if (cells == NULL)
    {
      cells = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (self->rows, GUINT_TO_POINTER (row), cells);
    }
  if (cells->len <= column)
    g_ptr_array_set_size (cells, column + 1);
  g_free (g_ptr_array_index (cells, column));
  g_ptr_array_index (cells, column) = g_steal_pointer (&stripped);
  self->width = MAX (self->width, column + 1);
}

void
awards_sheet_add_merge (AwardsSheet *self,
                        guint        first_row,
                        guint        first_column,
                        guint        last_row,
                        guint        last_column)
{
  Merge merge = { first_row, first_column, MIN (last_row, AWARDS_SHEET_MAX_ROWS),
                  MIN (last_column, AWARDS_SHEET_MAX_COLUMNS - 1) };

  if (first_row == 0 || last_row < first_row || last_column < first_column)
    return;
  g_array_append_val (self->merges, merge);
}

static const char *
get_cell (AwardsSheet *self,
          guint        row,
          guint        column)
{
  GPtrArray *cells = g_hash_table_lookup (self->rows, GUINT_TO_POINTER (row));

  if (cells == NULL || column >= cells->len)
    return NULL;
  return g_ptr_array_index (cells, column);
}

/* A merged range shows its first cell's text over all of it: offices merge the cells of a
 * decision number or date shared by many rows, and each row stands for its own award. */
static void
apply_merges (AwardsSheet *self)
{
  for (guint i = 0; i < self->merges->len; i++)
    {
      const Merge *merge = &g_array_index (self->merges, Merge, i);
      g_autofree char *text = g_strdup (get_cell (self, merge->first_row, merge->first_column));

      if (text == NULL)
        continue;
      for (guint row = merge->first_row; row <= merge->last_row; row++)
        for (guint column = merge->first_column; column <= merge->last_column; column++)
          if (get_cell (self, row, column) == NULL)
            awards_sheet_set_cell (self, row, column, text);
    }
  g_array_set_size (self->merges, 0);
}

static int
compare_numbers (gconstpointer a,
                 gconstpointer b)
{
  guint x = *(const guint *) a;
  guint y = *(const guint *) b;

  return (x > y) - (x < y);
}

/* The horizontal merge of row @row over @column, or NULL. */
static const Merge *
merge_across (AwardsSheet *self,
              guint        row,
              guint        column)
{
  for (guint i = 0; i < self->merges->len; i++)
    {
      const Merge *merge = &g_array_index (self->merges, Merge, i);

      if (merge->first_row == row && merge->last_row == row &&
          merge->last_column > merge->first_column &&
          merge->first_column <= column && column <= merge->last_column)
        return merge;
    }
  return NULL;
}

/* Whether a merge covers @column of rows @row and @row + 1 (and no other rows). */
static gboolean
merged_down (AwardsSheet *self,
             guint        row,
             guint        column)
{
  for (guint i = 0; i < self->merges->len; i++)
    {
      const Merge *merge = &g_array_index (self->merges, Merge, i);

      if (merge->first_row == row && merge->last_row == row + 1 &&
          merge->first_column <= column && column <= merge->last_column)
        return TRUE;
    }
  return FALSE;
}

/* The name of a column under a merged group heading: "Số" under "Quyết định" is
 * "Số quyết định"; a sub-heading that names a column alone ("Ngày ký" under "Quyết định")
 * keeps its own name when the two together name none. */
static char *
combined_name (const char *group,
               const char *sub)
{
  g_autofree char *lower = g_utf8_strdown (group, -1);
  g_autofree char *both = g_strconcat (sub, " ", lower, NULL);

  if (awards_import_column_from_name (both) == AWARDS_IMPORT_COLUMN_UNKNOWN &&
      awards_import_column_from_name (sub) != AWARDS_IMPORT_COLUMN_UNKNOWN)
    return g_strdup (sub);
  return g_steal_pointer (&both);
}

/* The column names of rows @row and @row + 1 read as a two-row header, or NULL when they are
 * not one: some cells of @row are merged across over sub-headings in the row below, the others
 * merged down across both rows (or empty below), and the names together name the list's
 * columns. A title merged across the top has no cell merged down into the row below. */
static GStrv
two_row_header (AwardsSheet *self,
                guint        row)
{
  g_auto(GStrv) names = g_new0 (char *, self->width + 1);
  gboolean any_down = FALSE;
  gboolean any_sub = FALSE;

  for (guint column = 0; column < self->width; column++)
    {
      const Merge *group = merge_across (self, row, column);
      const char *top = get_cell (self, row, column);
      const char *below = get_cell (self, row + 1, column);

      if (group != NULL)
        {
          const char *heading = get_cell (self, row, group->first_column);

          if (heading == NULL || below == NULL)
            names[column] = g_strdup (heading != NULL ? heading : (below != NULL ? below : ""));
          else
            {
              names[column] = combined_name (heading, below);
              any_sub = TRUE;
            }
          continue;
        }
      if (merged_down (self, row, column))
        any_down = TRUE;
      else if (below != NULL && top != NULL)
        return NULL;
      names[column] = g_strdup (top != NULL ? top : (below != NULL ? below : ""));
    }

  if (!any_down || !any_sub ||
      !awards_import_columns_are_header ((const char * const *) names, self->width))
    return NULL;
  return g_steal_pointer (&names);
}

/* Offices often draw the header over two rows: a merged "Quyết định" over "Số" and "Ngày",
 * the other names merged down across both. The two rows become one, in the place of the
 * lower, so that the data rows keep their numbers and the header is read as any other. */
static void
join_two_row_header (AwardsSheet *self)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < self->merges->len; i++)
    {
      const Merge *merge = &g_array_index (self->merges, Merge, i);

      if (merge->first_row == merge->last_row && merge->last_column > merge->first_column &&
          g_hash_table_contains (self->rows, GUINT_TO_POINTER (merge->first_row + 1)))
        g_array_append_val (candidates, merge->first_row);
    }
  g_array_sort (candidates, (GCompareFunc) compare_numbers);

  for (guint i = 0; i < candidates->len; i++)
    {
      guint row = g_array_index (candidates, guint, i);
      g_auto(GStrv) names = NULL;

      if (i > 0 && row == g_array_index (candidates, guint, i - 1))
        continue;
      names = two_row_header (self, row);
      if (names == NULL)
        continue;

      for (guint column = 0; column < self->width; column++)
        awards_sheet_set_cell (self, row + 1, column, names[column]);
      g_hash_table_remove (self->rows, GUINT_TO_POINTER (row));
      for (guint m = self->merges->len; m > 0; m--)
        if (g_array_index (self->merges, Merge, m - 1).first_row == row)
          g_array_remove_index (self->merges, m - 1);
      return;
    }
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  guint x = GPOINTER_TO_UINT (*(gpointer *) a);
  guint y = GPOINTER_TO_UINT (*(gpointer *) b);

  return (x > y) - (x < y);
}

/**
 * awards_sheet_foreach_row:
 * @self: a sheet
 * @func: called for every row with text
 * @user_data: for @func
 *
 * Returns: %FALSE when @func stopped the iteration
 */
gboolean
awards_sheet_foreach_row (AwardsSheet        *self,
                          AwardsSheetRowFunc  func,
                          gpointer            user_data)
{
  g_autoptr(GPtrArray) numbers = g_ptr_array_new ();
  g_autofree char **cells = NULL;
  GHashTableIter iter;
  gpointer key;

  join_two_row_header (self);
  apply_merges (self);

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (numbers, key);
  g_ptr_array_sort (numbers, compare_rows);

  cells = g_new0 (char *, self->width + 1);
  for (guint i = 0; i < numbers->len; i++)
    {
      guint row = GPOINTER_TO_UINT (g_ptr_array_index (numbers, i));
      GPtrArray *stored = g_hash_table_lookup (self->rows, GUINT_TO_POINTER (row));
      g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_free);

      for (guint column = 0; column < self->width; column++)
        {
          const char *text = column < stored->len ? g_ptr_array_index (stored, column) : NULL;

          g_ptr_array_add (copies, g_strdup (text != NULL ? text : ""));
          cells[column] = g_ptr_array_index (copies, column);
        }
      if (!func (row, cells, self->width, user_data))
        return FALSE;
    }
  return TRUE;
}

/**
 * awards_sheet_date_from_serial:
 * @serial: a spreadsheet date: days since the epoch, with the day's time as a fraction
 * @date1904: whether the workbook counts from 1904 (old Mac workbooks) rather than 1900
 *
 * Returns: (transfer full) (nullable): the date as YYYY-MM-DD, or %NULL when out of range
 */
char *
awards_sheet_date_from_serial (double   serial,
                               gboolean date1904)
{
  g_autoptr(GDate) date = NULL;
  char text[16];

  if (!isfinite (serial) || serial < 1 || serial > 2958465)
    return NULL;

  /* Day 1 is 01/01/1900, and 1900 is wrongly a leap year to these programs: counting from
   * 30/12/1899 is right from 01/03/1900 on, which every award is. */
  date = date1904 ? g_date_new_dmy (1, G_DATE_JANUARY, 1904)
                  : g_date_new_dmy (30, G_DATE_DECEMBER, 1899);
  g_date_add_days (date, (guint) floor (serial));
  g_snprintf (text, sizeof text, "%04u-%02u-%02u", g_date_get_year (date),
              (guint) g_date_get_month (date), g_date_get_day (date));
  return g_strdup (text);
}

/* A number as a person reads it: 2011, not 2011.0 or 2.011E3. */
char *
awards_sheet_number_text (double value)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  if (isfinite (value) && value == floor (value) && fabs (value) < 1e15)
    return g_strdup_printf ("%.0f", value);
  return g_strdup (g_ascii_formatd (text, sizeof text, "%.15g", value));
}

void
awards_sheet_no_such_sheet (GError     **error,
                            const char  *name,
                            GPtrArray   *names)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (list, "%s“%s”", i > 0 ? ", " : "",
                            (const char *) g_ptr_array_index (names, i));
  g_set_error (error, AWARDS_IMPORT_ERROR, AWARDS_IMPORT_ERROR_FAILED,
               _("The workbook has no sheet “%s”; its sheets are %s."), name, list->str);
}

static gboolean
contains_bytes (const guchar *data,
                gsize         size,
                const char   *text)
{
  gsize length = strlen (text);

  for (gsize i = 0; i + length <= size; i++)
    if (memcmp (data + i, text, length) == 0)
      return TRUE;
  return FALSE;
}

/**
 * awards_sheet_sniff:
 * @file: a file
 * @cancellable: (nullable): a cancellable
 *
 * Tells spreadsheets from text by their first bytes: a zip archive is an Office Open XML or an
 * OpenDocument workbook (which names its type in its first member), an OLE2 compound file is an
 * Excel 97–2003 workbook.
 *
 * Returns: the format, %AWARDS_SHEET_FORMAT_NONE for anything else (and unreadable files)
 */
AwardsSheetFormat
awards_sheet_sniff (GFile        *file,
                    GCancellable *cancellable)
{
  static const guchar zip[] = { 'P', 'K', 3, 4 };
  static const guchar ole2[] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };
  g_autoptr(GFileInputStream) stream = g_file_read (file, cancellable, NULL);
  guchar head[128] = { 0, };
  gsize n = 0;

  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), head, sizeof head, &n, cancellable, NULL))
    return AWARDS_SHEET_FORMAT_NONE;

  if (n >= sizeof ole2 && memcmp (head, ole2, sizeof ole2) == 0)
    return AWARDS_SHEET_FORMAT_XLS;
  if (n < sizeof zip || memcmp (head, zip, sizeof zip) != 0)
    return AWARDS_SHEET_FORMAT_NONE;

  /* OpenDocument files start with an uncompressed "mimetype" member. */
  if (contains_bytes (head, n, "application/vnd.oasis.opendocument"))
    return AWARDS_SHEET_FORMAT_ODS;
  return AWARDS_SHEET_FORMAT_XLSX;
}

/**
 * awards_sheet_load:
 * @file: a spreadsheet file
 * @format: its format, as awards_sheet_sniff () says
 * @sheet_name: (nullable): the sheet to read; %NULL for the first
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the sheet, or %NULL with @error set
 */
AwardsSheet *
awards_sheet_load (GFile              *file,
                   AwardsSheetFormat   format,
                   const char         *sheet_name,
                   GCancellable       *cancellable,
                   GError            **error)
{
  switch (format)
    {
    case AWARDS_SHEET_FORMAT_XLSX:
      return awards_sheet_load_xlsx (file, sheet_name, cancellable, error);
    case AWARDS_SHEET_FORMAT_ODS:
      return awards_sheet_load_ods (file, sheet_name, cancellable, error);
    case AWARDS_SHEET_FORMAT_XLS:
      return awards_sheet_load_xls (file, sheet_name, cancellable, error);
    case AWARDS_SHEET_FORMAT_NONE:
    default:
      g_return_val_if_reached (NULL);
    }
}
