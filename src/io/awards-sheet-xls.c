/* awards-sheet-xls.c: reading a sheet of an Excel 97–2003 workbook (.xls)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <freexl.h>
#include <glib/gi18n-lib.h>
#include <gsf/gsf.h>
#include <gsf/gsf-infile-msole.h>
#include <gsf/gsf-input-gio.h>

#include "awards-importer.h"
#include "awards-sheet-private.h"
#include "awards-sheet-xml.h"

/*
 * FreeXL reads the cells of .xls workbooks (BIFF8 in an OLE2 compound file), dates included,
 * but not which cells are merged. Those are in the sheet's MERGEDCELLS records, found here by
 * walking the records of the workbook stream with libgsf's OLE2 reader: the sheet's BOUNDSHEET
 * record gives where its records start.
 */

#define BIFF_BOUNDSHEET  0x0085
#define BIFF_EOF         0x000A
#define BIFF_MERGEDCELLS 0x00E5

static guint
read_u16 (const guint8 *p)
{
  return p[0] | (p[1] << 8);
}

static guint32
read_u32 (const guint8 *p)
{
  return (guint32) p[0] | ((guint32) p[1] << 8) | ((guint32) p[2] << 16) | ((guint32) p[3] << 24);
}

static GBytes *
read_workbook_stream (GFile *file)
{
  g_autoptr(GsfInput) input = gsf_input_gio_new (file, NULL);
  g_autoptr(GsfInfile) ole = input != NULL ? gsf_infile_msole_new (input, NULL) : NULL;
  g_autoptr(GsfInput) stream = NULL;
  const guint8 *data;
  gsf_off_t size;

  if (ole == NULL)
    return NULL;
  stream = gsf_infile_child_by_name (ole, "Workbook");
  if (stream == NULL)
    stream = gsf_infile_child_by_name (ole, "Book");
  if (stream == NULL)
    return NULL;
  size = gsf_input_size (stream);
  if (size <= 0 || size > G_MAXINT)
    return NULL;
  data = gsf_input_read (stream, size, NULL);
  return data != NULL ? g_bytes_new (data, size) : NULL;
}

/* Adds the merged ranges of the @index-th worksheet. A file whose records cannot be walked
 * simply has none: its cells are still read. */
static void
read_merges (GFile       *file,
             guint        index,
             AwardsSheet *sheet)
{
  g_autoptr(GBytes) bytes = read_workbook_stream (file);
  const guint8 *data;
  gsize size = 0, pos = 0;
  guint worksheet = 0;
  gsize sheet_start = 0;

  if (bytes == NULL)
    return;
  data = g_bytes_get_data (bytes, &size);

  /* The workbook globals, up to their EOF: the BOUNDSHEET records in sheet order. */
  while (pos + 4 <= size)
    {
      guint id = read_u16 (data + pos), length = read_u16 (data + pos + 2);
      const guint8 *body = data + pos + 4;

      if (pos + 4 + length > size)
        return;
      if (id == BIFF_EOF)
        break;
      if (id == BIFF_BOUNDSHEET && length >= 6 && body[5] == 0)
        {
          if (worksheet++ == index)
            sheet_start = read_u32 (body);
        }
      pos += 4 + length;
    }
  if (sheet_start == 0 || sheet_start >= size)
    return;

  for (pos = sheet_start; pos + 4 <= size;)
    {
      guint id = read_u16 (data + pos), length = read_u16 (data + pos + 2);
      const guint8 *body = data + pos + 4;

      if (pos + 4 + length > size || id == BIFF_EOF)
        break;
      if (id == BIFF_MERGEDCELLS && length >= 2)
        {
          guint n = read_u16 (body);

          for (guint i = 0; i < n && 2 + (i + 1) * 8 <= length; i++)
            {
              const guint8 *ref = body + 2 + i * 8;

              /* Rows and columns count from 0 here, rows from 1 in the sheet. */
              awards_sheet_add_merge (sheet, read_u16 (ref) + 1, read_u16 (ref + 4),
                                      read_u16 (ref + 2) + 1, read_u16 (ref + 6));
            }
        }
      pos += 4 + length;
    }
}

static void
set_unreadable (GError **error,
                GFile   *file,
                int      code)
{
  g_autofree char *name = g_file_get_basename (file);

  g_set_error (error, AWARDS_IMPORT_ERROR, AWARDS_IMPORT_ERROR_FAILED,
               _("%s is not a workbook that can be read (%s)."), name,
               code == FREEXL_BIFF_PASSWORD ? _("it is protected by a password") : "xls");
}

AwardsSheet *
awards_sheet_load_xls (GFile         *file,
                       const char    *sheet_name,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(AwardsSheet) sheet = NULL;
  const void *handle = NULL;
  unsigned int n_sheets = 0, n_rows = 0;
  unsigned short n_columns = 0;
  int index = -1;
  int rc;

  if (path == NULL)
    {
      set_unreadable (error, file, FREEXL_OK);
      return NULL;
    }
  rc = freexl_open (path, &handle);
  if (rc != FREEXL_OK)
    {
      set_unreadable (error, file, rc);
      if (handle != NULL)
        freexl_close (handle);
      return NULL;
    }

  freexl_get_info (handle, FREEXL_BIFF_SHEET_COUNT, &n_sheets);
  for (unsigned int i = 0; i < n_sheets && i <= G_MAXUINT16; i++)
    {
      const char *name = NULL;

      if (freexl_get_worksheet_name (handle, (unsigned short) i, &name) != FREEXL_OK || name == NULL)
        continue;
      if (index < 0 && (sheet_name == NULL || strcmp (name, sheet_name) == 0))
        {
          index = (int) i;
          sheet = awards_sheet_new (name);
        }
      g_ptr_array_add (names, g_strdup (name));
    }

  if (index < 0 || freexl_select_active_worksheet (handle, (unsigned short) index) != FREEXL_OK ||
      freexl_worksheet_dimensions (handle, &n_rows, &n_columns) != FREEXL_OK)
    {
      if (sheet_name != NULL && index < 0)
        awards_sheet_no_such_sheet (error, sheet_name, names);
      else
        set_unreadable (error, file, FREEXL_OK);
      freexl_close (handle);
      return NULL;
    }

  for (unsigned int row = 0; row < n_rows && row < AWARDS_SHEET_MAX_ROWS; row++)
    {
      if (row % 4096 == 0 && g_cancellable_is_cancelled (cancellable))
        break;
      for (unsigned short column = 0; column < n_columns && column < AWARDS_SHEET_MAX_COLUMNS; column++)
        {
          FreeXL_CellValue value;
          g_autofree char *text = NULL;

          if (freexl_get_cell_value (handle, row, column, &value) != FREEXL_OK)
            continue;
          switch (value.type)
            {
            case FREEXL_CELL_INT:
              text = g_strdup_printf ("%d", value.value.int_value);
              break;
            case FREEXL_CELL_DOUBLE:
              text = awards_sheet_number_text (value.value.double_value);
              break;
            case FREEXL_CELL_DATE:
            case FREEXL_CELL_DATETIME:
              text = g_strndup (value.value.text_value, 10);
              break;
            case FREEXL_CELL_TEXT:
            case FREEXL_CELL_SST_TEXT:
            case FREEXL_CELL_TIME:
              text = g_strdup (value.value.text_value);
              break;
            case FREEXL_CELL_NULL:
            default:
              break;
            }
          awards_sheet_set_cell (sheet, row + 1, column, text);
        }
    }
  freexl_close (handle);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  read_merges (file, (guint) index, sheet);
  return g_steal_pointer (&sheet);
}
