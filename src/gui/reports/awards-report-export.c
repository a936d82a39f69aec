/* awards-report-export.c: writing a report to a file the clerk chooses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Moved out of the reports page, which keeps only what it says about the export (its toasts):
 * the save dialog of each format and the write on a worker thread are the same wherever a
 * report is saved from.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "awards-report-export.h"
#include "awards-worker.h"

typedef struct
{
  AwardsReport       *report;
  AwardsReportFormat  format;
  char               *path;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->report);
  g_free (data->path);
  g_free (data);
}

/**
 * awards_report_format_extension:
 * @format: a report format
 *
 * Returns: the file name extension of @format, without the dot: "pdf", "csv", "xlsx", "txt"
 */
const char *
awards_report_format_extension (AwardsReportFormat format)
{
  switch (format)
    {
    case AWARDS_REPORT_FORMAT_PDF:
      return "pdf";
    case AWARDS_REPORT_FORMAT_CSV:
      return "csv";
    case AWARDS_REPORT_FORMAT_XLSX:
      return "xlsx";
    case AWARDS_REPORT_FORMAT_TEXT:
    default:
      return "txt";
    }
}

/**
 * awards_report_export_chooser_new:
 * @parent: (nullable): the window the dialog belongs to
 * @format: the format the report will be saved in
 * @file_name: the name the dialog suggests
 *
 * Returns: (transfer full): a modal save dialog titled for @format, showing only its files
 */
GtkFileChooserNative *
awards_report_export_chooser_new (GtkWindow          *parent,
                                  AwardsReportFormat  format,
                                  const char         *file_name)
{
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;
  const char *title;

  switch (format)
    {
    case AWARDS_REPORT_FORMAT_PDF:
      title = _("Export the Report as PDF");
      gtk_file_filter_set_name (filter, _("PDF documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      break;
    case AWARDS_REPORT_FORMAT_CSV:
      title = _("Export the Report as CSV");
      gtk_file_filter_set_name (filter, _("CSV files"));
      gtk_file_filter_add_mime_type (filter, "text/csv");
      break;
    case AWARDS_REPORT_FORMAT_XLSX:
      title = _("Export the Report as a Spreadsheet");
      gtk_file_filter_set_name (filter, _("Excel spreadsheets"));
      gtk_file_filter_add_mime_type (filter,
                                     "application/vnd.openxmlformats-officedocument."
                                     "spreadsheetml.sheet");
      break;
    case AWARDS_REPORT_FORMAT_TEXT:
    default:
      title = _("Export the Report as Text");
      gtk_file_filter_set_name (filter, _("Text files"));
      gtk_file_filter_add_mime_type (filter, "text/plain");
      break;
    }
  gtk_file_filter_add_suffix (filter, awards_report_format_extension (format));

  chooser = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  return chooser;
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (awards_report_write_file (data->report, data->format, data->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * awards_report_export_async:
 * @report: the report to write
 * @format: PDF, CSV, XLSX or TEXT
 * @path: where to write; an existing file is replaced only once the report is complete
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the main thread when the file is written
 * @user_data: data for @callback
 *
 * Writes @report in a worker thread.
 */
void
awards_report_export_async (AwardsReport        *report,
                            AwardsReportFormat   format,
                            const char          *path,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  ExportData *data;

  g_return_if_fail (AWARDS_IS_REPORT (report));
  g_return_if_fail (path != NULL);

  data = g_new0 (ExportData, 1);
  data->report = g_object_ref (report);
  data->format = format;
  data->path = g_strdup (path);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, awards_report_export_async);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  awards_worker_run_task (AWARDS_WORK_LONG, task, export_thread);
}

/**
 * awards_report_export_finish:
 * @result: the result given to the callback
 * @error: return location for an error
 *
 * Returns: %TRUE when the file was written
 */
gboolean
awards_report_export_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
