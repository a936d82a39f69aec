/* awards-report-build.c: a report built and laid out in pages off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Moved out of the reports page: the worker's side of showing a report (the request copied
 * for the thread, the build, the plain text and the pagination) shares nothing with the
 * page's widgets.
 */

#include "config.h"

#include "awards-report-build.h"
#include "awards-store-async.h"

/* A4 in points. */
#define A4_WIDTH  595.2756
#define A4_HEIGHT 841.8898

/* A request with its own copies of the strings, for the worker thread. */
typedef struct
{
  AwardsStore         *store;
  AwardsReportRequest  request;
  GPtrArray           *strings;
  char                *file_stem;
} BuildData;

static void
build_data_free (BuildData *data)
{
  g_clear_object (&data->store);
  g_clear_pointer (&data->strings, g_ptr_array_unref);
  g_free (data->file_stem);
  g_free (data);
}

/**
 * awards_built_report_free:
 * @built: (nullable): a built report
 */
void
awards_built_report_free (AwardsBuiltReport *built)
{
  if (built == NULL)
    return;
  g_clear_object (&built->printer);
  g_clear_object (&built->report);
  g_free (built->text);
  g_free (built->file_stem);
  g_free (built);
}

/* Reads the controls into a request, or returns NULL when they are not valid. */
static BuildData *
build_data_new (AwardsStore         *store,
                AwardsReportOptions *options)
{
  BuildData *data = g_new0 (BuildData, 1);

  data->store = g_object_ref (store);
  data->strings = g_ptr_array_new_with_free_func (g_free);
  awards_report_request_init (&data->request, awards_report_options_get_kind (options));
  if (!awards_report_options_read (options, &data->request, data->strings, &data->file_stem))
    {
      build_data_free (data);
      return NULL;
    }

  return data;
}

static void
build_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  BuildData *data = task_data;
  g_autoptr (AwardsReport) report = NULL;
  g_autoptr (GOutputStream) memory = NULL;
  PangoFontMap *font_map;
  PangoContext *context;
  GError *error = NULL;
  AwardsBuiltReport *result;

  report = awards_report_build (data->store, &data->request, &error);
  if (report == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;

  memory = g_memory_output_stream_new_resizable ();
  if (!awards_report_write (report, AWARDS_REPORT_FORMAT_TEXT, memory, cancellable, &error) ||
      !g_output_stream_write_all (memory, "", 1, NULL, cancellable, &error) ||
      !g_output_stream_close (memory, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  result = g_new0 (AwardsBuiltReport, 1);
  result->text = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (memory));
  result->file_stem = g_strdup (data->file_stem);
  result->page_width = A4_WIDTH;
  result->page_height = A4_HEIGHT;
  if (awards_report_get_landscape (report))
    {
      result->page_width = A4_HEIGHT;
      result->page_height = A4_WIDTH;
    }

  /* A font map of the preview's own: Pango is not thread-safe, and the main thread draws the
   * pages with it once this thread has let go of it. 72 dpi makes a point one unit, as in the
   * PDF and on the printer, so that the preview breaks lines and pages as they will print. */
  font_map = pango_cairo_font_map_new ();
  context = pango_font_map_create_context (font_map);
  pango_cairo_context_set_resolution (context, 72);

  result->printer = awards_report_printer_new (report);
  awards_report_printer_paginate (result->printer, context, result->page_width,
                                  result->page_height);
  g_object_unref (context);
  g_object_unref (font_map);
  result->report = g_steal_pointer (&report);

  g_task_return_pointer (task, result, (GDestroyNotify) awards_built_report_free);
}

/**
 * awards_report_build_async:
 * @source_object: (nullable): the object the result is given to, kept alive meanwhile
 * @store: the store the report reads
 * @options: the controls that describe the report
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the main thread when the report is ready
 * @user_data: data for @callback
 *
 * Reads @options and builds their report on the store's pool.
 *
 * Returns: %FALSE, and calls nothing, when the options are not valid: they say why under
 *   the controls
 */
gboolean
awards_report_build_async (gpointer             source_object,
                           AwardsStore         *store,
                           AwardsReportOptions *options,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  BuildData *data;

  g_return_val_if_fail (AWARDS_IS_STORE (store), FALSE);
  g_return_val_if_fail (AWARDS_IS_REPORT_OPTIONS (options), FALSE);

  data = build_data_new (store, options);
  if (data == NULL)
    return FALSE;

  task = g_task_new (source_object, cancellable, callback, user_data);
  g_task_set_source_tag (task, awards_report_build_async);
  g_task_set_task_data (task, data, (GDestroyNotify) build_data_free);
  awards_store_run_task (store, AWARDS_WORK_LONG, task, build_thread);
  return TRUE;
}

/**
 * awards_report_build_finish:
 * @result: the result given to the callback
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the report with its pages and text
 */
AwardsBuiltReport *
awards_report_build_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
