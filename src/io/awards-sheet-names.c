/* awards-sheet-names.c: the names of a workbook's sheets, and the one to read by default
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <freexl.h>
#include <glib/gi18n-lib.h>

#include "awards-importer.h"
#include "awards-sheet-names.h"
#include "awards-sheet-xml.h"

/*
 * A clerk's workbook often holds a cover sheet, the list of one year per sheet, or a summary
 * before the list. The window lets the clerk choose the sheet, so it needs the names without
 * reading every cell: the workbook part of an xlsx names them, an ods names them on its
 * table elements (whose contents are skipped), and libfreexl reads an xls's sheet list alone.
 */

enum
{
  ELEMENT = XML_READER_TYPE_ELEMENT,
};

static gboolean
list_xlsx (GFile      *file,
           GPtrArray  *names,
           GError    **error)
{
  g_autoptr(GsfInfile) zip = awards_sheet_zip_open (file, error);
  g_autoptr(GBytes) workbook = NULL;
  g_autoptr(xmlTextReader) reader = NULL;

  if (zip == NULL)
    return FALSE;
  workbook = awards_sheet_zip_read (zip, "xl/workbook.xml", FALSE, error);
  if (workbook == NULL)
    return FALSE;
  reader = awards_sheet_xml_reader (workbook);
  while (xmlTextReaderRead (reader) == 1)
    if (awards_sheet_xml_is (reader, ELEMENT, "sheet"))
      {
        char *name = awards_sheet_xml_attribute (reader, "name");

        if (name != NULL)
          g_ptr_array_add (names, name);
      }
  return TRUE;
}

static gboolean
list_ods (GFile      *file,
          GPtrArray  *names,
          GError    **error)
{
  g_autoptr(GsfInfile) zip = awards_sheet_zip_open (file, error);
  g_autoptr(GBytes) content = NULL;
  g_autoptr(xmlTextReader) reader = NULL;
  int rc;

  if (zip == NULL)
    return FALSE;
  content = awards_sheet_zip_read (zip, "content.xml", FALSE, error);
  if (content == NULL)
    return FALSE;
  reader = awards_sheet_xml_reader (content);
  rc = xmlTextReaderRead (reader);
  while (rc == 1)
    {
      if (awards_sheet_xml_is (reader, ELEMENT, "table"))
        {
          char *name = awards_sheet_xml_attribute (reader, "name");

          if (name != NULL)
            g_ptr_array_add (names, name);
          /* The sheet's rows are not needed: go to what follows the table. */
          rc = xmlTextReaderNext (reader);
          continue;
        }
      rc = xmlTextReaderRead (reader);
    }
  if (rc != 0)
    {
      awards_sheet_xml_error (error, file);
      return FALSE;
    }
  return TRUE;
}

static gboolean
list_xls (GFile      *file,
          GPtrArray  *names,
          GError    **error)
{
  g_autofree char *path = g_file_get_path (file);
  const void *handle = NULL;
  unsigned int n_sheets = 0;

  if (path == NULL || freexl_open_info (path, &handle) != FREEXL_OK)
    {
      g_autofree char *basename = g_file_get_basename (file);

      if (handle != NULL)
        freexl_close (handle);
      g_set_error (error, AWARDS_IMPORT_ERROR, AWARDS_IMPORT_ERROR_FAILED,
                   _("%s is not a workbook that can be read (%s)."), basename, "xls");
      return FALSE;
    }
  freexl_get_info (handle, FREEXL_BIFF_SHEET_COUNT, &n_sheets);
  for (unsigned int i = 0; i < n_sheets && i <= G_MAXUINT16; i++)
    {
      const char *name = NULL;

      if (freexl_get_worksheet_name (handle, (unsigned short) i, &name) == FREEXL_OK &&
          name != NULL)
        g_ptr_array_add (names, g_strdup (name));
    }
  freexl_close (handle);
  return TRUE;
}

/**
 * awards_sheet_list_names:
 * @file: a workbook
 * @format: its format, as awards_sheet_sniff () says; not %AWARDS_SHEET_FORMAT_NONE
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the names of the sheets in the workbook's order
 */
GStrv
awards_sheet_list_names (GFile              *file,
                         AwardsSheetFormat   format,
                         GCancellable       *cancellable,
                         GError            **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  gboolean ok;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (format != AWARDS_SHEET_FORMAT_NONE, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  switch (format)
    {
    case AWARDS_SHEET_FORMAT_XLSX:
      ok = list_xlsx (file, names, error);
      break;
    case AWARDS_SHEET_FORMAT_ODS:
      ok = list_ods (file, names, error);
      break;
    case AWARDS_SHEET_FORMAT_XLS:
      ok = list_xls (file, names, error);
      break;
    case AWARDS_SHEET_FORMAT_NONE:
    default:
      g_return_val_if_reached (NULL);
    }
  if (!ok)
    return NULL;
  g_ptr_array_add (names, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

/**
 * awards_sheet_first_with_data:
 * @file: a workbook
 * @format: its format
 * @names: (array zero-terminated=1): its sheets, as awards_sheet_list_names () gives them
 * @cancellable: (nullable): a cancellable
 *
 * The sheet a clerk means when saying nothing: the first that has a cell with text. An empty
 * cover sheet before the list is passed over.
 *
 * Returns: (transfer full) (nullable): its name; the first sheet's when none has text, %NULL
 *   when there is no sheet
 */
char *
awards_sheet_first_with_data (GFile              *file,
                              AwardsSheetFormat   format,
                              const char * const *names,
                              GCancellable       *cancellable)
{
  g_return_val_if_fail (names != NULL, NULL);

  /* A workbook of one sheet is not read for this: the import reads it anyway. */
  if (names[0] == NULL || names[1] == NULL)
    return g_strdup (names[0]);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(AwardsSheet) sheet = awards_sheet_load (file, format, names[i], cancellable,
                                                        NULL);

      if (sheet != NULL && awards_sheet_get_width (sheet) > 0)
        return g_strdup (names[i]);
      if (g_cancellable_is_cancelled (cancellable))
        break;
    }
  return g_strdup (names[0]);
}
