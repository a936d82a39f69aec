/* awards-import-file.c: importing a file of any of the list's formats (internal to src/io)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "awards-import-file.h"
#include "awards-sheet.h"

/**
 * awards_import_run_execute_file:
 * @run: a run
 * @store: the store to import into
 * @file: a CSV file or an xlsx, xls or ods workbook, told apart by their contents
 * @sheet_name: (nullable): for a workbook, the sheet to read; %NULL for the first
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Runs @run over @file as awards_import_run_execute () does over a stream.
 */
gboolean
awards_import_run_execute_file (AwardsImportRun  *run,
                                AwardsStore      *store,
                                GFile            *file,
                                const char       *sheet_name,
                                GCancellable     *cancellable,
                                GError          **error)
{
  AwardsSheetFormat format = awards_sheet_sniff (file, cancellable);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(AwardsSheet) sheet = NULL;

  if (format != AWARDS_SHEET_FORMAT_NONE)
    {
      sheet = awards_sheet_load (file, format, sheet_name, cancellable, error);
      if (sheet == NULL)
        return FALSE;
      return awards_import_run_execute_sheet (run, store, sheet, error);
    }

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return FALSE;
  return awards_import_run_execute (run, store, G_INPUT_STREAM (stream), error);
}
