/* awards-exporter.c: exporting the flat award list (CSV, XLSX)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <gio/gunixoutputstream.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "awards-csv-cell.h"
#include "awards-exporter.h"
#include "awards-import-columns.h"
#include "awards-output-file.h"
#include "awards-store-async.h"

#define FLUSH_SIZE (64 * 1024)

/* Above this many rows the spreadsheet is written row by row with inline strings, so that a
 * national database does not need gigabytes of memory. */
#define XLSX_CONSTANT_MEMORY_ROWS 100000

G_DEFINE_QUARK (awards-export-error-quark, awards_export_error)

enum
{
  FIELD_DECISION_NUMBER,
  FIELD_DECISION_DATE,
  FIELD_AUTHORITY,
  FIELD_AWARD,
  FIELD_RECIPIENT_TYPE,
  FIELD_RECIPIENT,
  FIELD_ORGANISATION,
  FIELD_POSITION,
  FIELD_ACHIEVEMENT,
  FIELD_PERIOD,
  N_FIELDS
};

static const char * const field_names[N_FIELDS + 1] = {
  "decision_number",
  "decision_date",
  "authority",
  "award",
  "recipient_type",
  "recipient",
  "organisation",
  "position",
  "achievement",
  "period",
};

static void
row_to_fields (const AwardsCommendationRow *row,
               const char                  *fields[N_FIELDS])
{
  const char *kind = awards_recipient_kind_to_string (row->recipient_kind);

  fields[FIELD_DECISION_NUMBER] = row->decision_number;
  fields[FIELD_DECISION_DATE] = row->date;
  fields[FIELD_AUTHORITY] = row->authority;
  fields[FIELD_AWARD] = row->award;
  fields[FIELD_RECIPIENT_TYPE] = kind;
  fields[FIELD_RECIPIENT] = row->recipient;
  fields[FIELD_ORGANISATION] =
    row->recipient_kind == AWARDS_RECIPIENT_KIND_INDIVIDUAL ? row->organisation_at_time : NULL;
  fields[FIELD_POSITION] = row->position;
  fields[FIELD_ACHIEVEMENT] = row->achievement;
  fields[FIELD_PERIOD] = row->period;
}

/**
 * awards_export_format_to_string:
 * @format: a format
 *
 * Returns: "csv" or "xlsx"
 */
const char *
awards_export_format_to_string (AwardsExportFormat format)
{
  switch (format)
    {
    case AWARDS_EXPORT_FORMAT_CSV:
      return "csv";
    case AWARDS_EXPORT_FORMAT_XLSX:
      return "xlsx";
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * awards_export_format_from_string:
 * @text: (nullable): "csv" or "xlsx", in any case
 * @format: (out): where to put the format
 *
 * Returns: %TRUE when @text names a format; @format is left alone otherwise
 */
gboolean
awards_export_format_from_string (const char         *text,
                                  AwardsExportFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  if (g_ascii_strcasecmp (text, "csv") == 0)
    *format = AWARDS_EXPORT_FORMAT_CSV;
  else if (g_ascii_strcasecmp (text, "xlsx") == 0)
    *format = AWARDS_EXPORT_FORMAT_XLSX;
  else
    return FALSE;

  return TRUE;
}

/* CSV */

typedef struct
{
  GOutputStream *stream;
  GCancellable  *cancellable;
  GString       *buffer;
  GError        *error;
  guint          n_rows;
} CsvExport;

/* RFC 4180 quoting, plus fields with outer blanks, which a reader would trim. */
static void
append_csv_field (GString    *buffer,
                  const char *text)
{
  g_autofree char *guarded = NULL;
  gsize len;

  if (text == NULL || text[0] == '\0')
    return;

  /* A cell that a spreadsheet would run as a formula is shown as text there. */
  if (awards_csv_cell_needs_guard (text))
    text = guarded = g_strconcat ("'", text, NULL);

  len = strlen (text);
  if (strpbrk (text, ",\"\r\n;") == NULL &&
      !g_ascii_isspace (text[0]) && !g_ascii_isspace (text[len - 1]))
    {
      g_string_append_len (buffer, text, len);
      return;
    }

  g_string_append_c (buffer, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (buffer, '"');
      g_string_append_c (buffer, *p);
    }
  g_string_append_c (buffer, '"');
}

static void
append_csv_record (GString    *buffer,
                   const char *fields[N_FIELDS])
{
  for (guint i = 0; i < N_FIELDS; i++)
    {
      if (i > 0)
        g_string_append_c (buffer, ',');
      append_csv_field (buffer, fields[i]);
    }
  g_string_append_c (buffer, '\n');
}

static gboolean
flush_csv (CsvExport *export)
{
  if (export->buffer->len == 0)
    return TRUE;

  if (!g_output_stream_write_all (export->stream, export->buffer->str, export->buffer->len,
                                  NULL, export->cancellable, &export->error))
    return FALSE;

  g_string_truncate (export->buffer, 0);
  return TRUE;
}

static gboolean
write_csv_row_cb (const AwardsCommendationRow *row,
                  gpointer                     user_data)
{
  CsvExport *export = user_data;
  const char *fields[N_FIELDS];

  row_to_fields (row, fields);
  append_csv_record (export->buffer, fields);
  export->n_rows++;

  if (export->buffer->len >= FLUSH_SIZE)
    return flush_csv (export);

  return TRUE;
}

/**
 * awards_export_csv_to_stream:
 * @store: a store
 * @query: (nullable): which commendations; %NULL for all
 * @stream: where to write
 * @n_rows: (out) (optional): the number of commendations written
 * @cancellable: (nullable): a cancellable
 * @error: where to put the error
 *
 * Writes the flat award list as CSV. @stream is flushed but not closed.
 *
 * Returns: %TRUE on success
 */
static gboolean
csv_to_stream (AwardsStore        *store,
               const AwardsQuery  *query,
               const char * const *header,
               GOutputStream      *stream,
               guint              *n_rows,
               GCancellable       *cancellable,
               GError            **error)
{
  g_autoptr(GString) buffer = NULL;
  AwardsQuery all;
  CsvExport export = { 0, };

  g_return_val_if_fail (AWARDS_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (query == NULL)
    {
      awards_query_init (&all);
      query = &all;
    }

  buffer = g_string_sized_new (FLUSH_SIZE + 4096);
  export.stream = stream;
  export.cancellable = cancellable;
  export.buffer = buffer;

  append_csv_record (buffer, (const char **) header);

  if (!awards_store_foreach_commendation (store, query, AWARDS_ORDER_CHRONOLOGICAL,
                                          write_csv_row_cb, &export, error))
    {
      g_clear_error (&export.error);
      return FALSE;
    }

  if (export.error != NULL)
    {
      g_propagate_error (error, export.error);
      return FALSE;
    }

  if (!flush_csv (&export))
    {
      g_propagate_error (error, export.error);
      return FALSE;
    }

  if (!g_output_stream_flush (stream, cancellable, error))
    return FALSE;

  if (n_rows != NULL)
    *n_rows = export.n_rows;

  return TRUE;
}

/* XLSX */

typedef struct
{
  lxw_worksheet *sheet;
  lxw_format    *wrap;
  GCancellable  *cancellable;
  lxw_error      status;
  guint          n_rows;
} XlsxExport;

static gboolean
write_xlsx_row_cb (const AwardsCommendationRow *row,
                   gpointer                     user_data)
{
  XlsxExport *export = user_data;
  const char *fields[N_FIELDS];
  lxw_row_t sheet_row = export->n_rows + 1;

  if (g_cancellable_is_cancelled (export->cancellable))
    return FALSE;

  row_to_fields (row, fields);
  for (guint i = 0; i < N_FIELDS; i++)
    {
      lxw_error status;

      if (fields[i] == NULL || fields[i][0] == '\0')
        continue;

      status = worksheet_write_string (export->sheet, sheet_row, (lxw_col_t) i, fields[i], NULL);
      if (status != LXW_NO_ERROR)
        {
          export->status = status;
          return FALSE;
        }
    }

  export->n_rows++;
  return TRUE;
}

static void
set_xlsx_error (GError    **error,
                const char *path,
                lxw_error   status)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, AWARDS_EXPORT_ERROR, AWARDS_EXPORT_ERROR_FAILED,
               _("Could not write the spreadsheet “%s”: %s"), name, lxw_strerror (status));
}

/**
 * awards_export_xlsx_to_path:
 * @store: a store
 * @query: (nullable): which commendations; %NULL for all
 * @path: the file to write
 * @n_rows: (out) (optional): the number of commendations written
 * @cancellable: (nullable): a cancellable
 * @error: where to put the error
 *
 * Writes the flat award list as an Excel workbook with one sheet. Large exports use inline
 * strings instead of the shared string table to bound the memory used.
 *
 * Returns: %TRUE on success
 */
static gboolean
xlsx_to_path (AwardsStore        *store,
              const char * const *header,
                            const AwardsQuery  *query,
                            const char         *path,
                            guint              *n_rows,
                            GCancellable       *cancellable,
                            GError            **error)
{
  static const double widths[N_FIELDS] = { 18, 12, 30, 30, 12, 32, 32, 20, 50, 8 };
  lxw_workbook_options options = { 0, };
  lxw_workbook *workbook;
  lxw_format *bold;
  lxw_error status;
  AwardsQuery all;
  XlsxExport export = { 0, };
  GError *local_error = NULL;
  guint count;
  gboolean ok;

  g_return_val_if_fail (AWARDS_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (query == NULL)
    {
      awards_query_init (&all);
      query = &all;
    }

  count = awards_store_count_commendations (store, query, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  if (count >= LXW_ROW_MAX)
    {
      g_set_error (error, AWARDS_EXPORT_ERROR, AWARDS_EXPORT_ERROR_TOO_MANY_ROWS,
                   _("%u awards do not fit in a spreadsheet, which holds at most %u rows: "
                     "export them as CSV or export a part of them"),
                   count, (guint) LXW_ROW_MAX - 1);
      return FALSE;
    }

  options.constant_memory = count > XLSX_CONSTANT_MEMORY_ROWS ? LXW_TRUE : LXW_FALSE;
  options.tmpdir = (char *) g_get_tmp_dir ();

  workbook = workbook_new_opt (path, &options);
  if (workbook == NULL)
    {
      set_xlsx_error (error, path, LXW_ERROR_MEMORY_MALLOC_FAILED);
      return FALSE;
    }

  export.sheet = workbook_add_worksheet (workbook, "awards");
  export.cancellable = cancellable;
  bold = workbook_add_format (workbook);
  format_set_bold (bold);

  for (guint i = 0; i < N_FIELDS; i++)
    {
      worksheet_set_column (export.sheet, (lxw_col_t) i, (lxw_col_t) i, widths[i], NULL);
      worksheet_write_string (export.sheet, 0, (lxw_col_t) i, header[i], bold);
    }
  worksheet_freeze_panes (export.sheet, 1, 0);

  ok = awards_store_foreach_commendation (store, query, AWARDS_ORDER_CHRONOLOGICAL,
                                          write_xlsx_row_cb, &export, error);

  if (ok && g_cancellable_set_error_if_cancelled (cancellable, error))
    ok = FALSE;

  if (ok && export.status != LXW_NO_ERROR)
    {
      set_xlsx_error (error, path, export.status);
      ok = FALSE;
    }

  /* Closing writes the file, so a failed export must not leave one behind. */
  status = workbook_close (workbook);
  if (ok && status != LXW_NO_ERROR)
    {
      set_xlsx_error (error, path, status);
      ok = FALSE;
    }

  if (!ok)
    {
      g_unlink (path);
      return FALSE;
    }

  if (n_rows != NULL)
    *n_rows = export.n_rows;

  return TRUE;
}

/* Paths */

static gboolean
export_csv_to_file (AwardsStore        *store,
                    const char * const *header,
                    const AwardsQuery  *query,
                    const char         *path,
                    guint              *n_rows,
                    GCancellable       *cancellable,
                    GError            **error)
{
  g_autoptr(AwardsOutputFile) file = NULL;

  /* A temporary file renamed over the destination: a failure keeps the old file. */
  file = awards_output_file_new (path, error);
  if (file == NULL)
    return FALSE;

  return csv_to_stream (store, query, header, awards_output_file_get_stream (file), n_rows,
                        cancellable, error) &&
         awards_output_file_commit (file, error);
}

/* A workbook can only be written to a file: stdout gets a copy of a temporary one. */
static gboolean
export_xlsx_to_stdout (AwardsStore        *store,
                       const char * const *header,
                       const AwardsQuery  *query,
                       guint              *n_rows,
                       GCancellable       *cancellable,
                       GError            **error)
{
  g_autofree char *tmp_path = NULL;
  g_autoptr(GFile) tmp_file = NULL;
  g_autoptr(GFileInputStream) input = NULL;
  g_autoptr(GOutputStream) output = NULL;
  gboolean ok;
  int fd;

  fd = g_file_open_tmp ("coop-awards-XXXXXX.xlsx", &tmp_path, error);
  if (fd < 0)
    return FALSE;
  close (fd);

  if (!xlsx_to_path (store, header, query, tmp_path, n_rows, cancellable, error))
    return FALSE;

  tmp_file = g_file_new_for_path (tmp_path);
  input = g_file_read (tmp_file, cancellable, error);
  output = g_unix_output_stream_new (STDOUT_FILENO, FALSE);
  ok = input != NULL &&
       g_output_stream_splice (output, G_INPUT_STREAM (input),
                               G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE, cancellable, error) >= 0 &&
       g_output_stream_flush (output, cancellable, error);

  g_unlink (tmp_path);
  return ok;
}

/**
 * awards_export_to_path:
 * @store: a store
 * @query: (nullable): which commendations; %NULL for all
 * @format: the file format
 * @path: the file to write, or "-" for the standard output
 * @n_rows: (out) (optional): the number of commendations written
 * @cancellable: (nullable): a cancellable
 * @error: where to put the error
 *
 * Exports the flat award list. An existing file is replaced only when the export succeeds.
 *
 * Returns: %TRUE on success
 */
static gboolean
export_to_path (AwardsStore         *store,
                const AwardsQuery   *query,
                AwardsExportFormat   format,
                const char * const  *header,
                const char          *path,
                guint               *n_rows,
                GCancellable        *cancellable,
                GError             **error)
{
  g_return_val_if_fail (AWARDS_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (format == AWARDS_EXPORT_FORMAT_XLSX)
    {
      g_autoptr(AwardsOutputFile) file = NULL;

      if (strcmp (path, "-") == 0)
        return export_xlsx_to_stdout (store, header, query, n_rows, cancellable, error);

      /* Written beside the target and renamed, so that a failure keeps the old file. */
      file = awards_output_file_new (path, error);
      if (file == NULL)
        return FALSE;
      return xlsx_to_path (store, header, query, awards_output_file_get_temp_path (file),
                           n_rows, cancellable, error) &&
             awards_output_file_commit (file, error);
    }

  if (strcmp (path, "-") == 0)
    {
      g_autoptr(GOutputStream) output = g_unix_output_stream_new (STDOUT_FILENO, FALSE);

      return csv_to_stream (store, query, header, output, n_rows, cancellable, error);
    }

  return export_csv_to_file (store, header, query, path, n_rows, cancellable, error);
}

gboolean
awards_export_csv_to_stream (AwardsStore        *store,
                             const AwardsQuery  *query,
                             GOutputStream      *stream,
                             guint              *n_rows,
                             GCancellable       *cancellable,
                             GError            **error)
{
  return csv_to_stream (store, query, field_names, stream, n_rows, cancellable, error);
}

gboolean
awards_export_xlsx_to_path (AwardsStore        *store,
                            const AwardsQuery  *query,
                            const char         *path,
                            guint              *n_rows,
                            GCancellable       *cancellable,
                            GError            **error)
{
  return xlsx_to_path (store, field_names, query, path, n_rows, cancellable, error);
}

gboolean
awards_export_to_path (AwardsStore         *store,
                       const AwardsQuery   *query,
                       AwardsExportFormat   format,
                       const char          *path,
                       guint               *n_rows,
                       GCancellable        *cancellable,
                       GError             **error)
{
  return export_to_path (store, query, format, field_names, path, n_rows, cancellable, error);
}

/**
 * awards_export_to_path_with_header:
 * @header: the language of the column names: %AWARDS_EXPORT_HEADER_VI writes the Vietnamese
 *   names that import reads as well ("Số quyết định", "Ngày quyết định", …)
 *
 * Like awards_export_to_path ().
 */
gboolean
awards_export_to_path_with_header (AwardsStore         *store,
                                   const AwardsQuery   *query,
                                   AwardsExportFormat   format,
                                   AwardsExportHeader   header,
                                   const char          *path,
                                   guint               *n_rows,
                                   GCancellable        *cancellable,
                                   GError             **error)
{
  const char *vi_names[N_FIELDS + 1] = { NULL, };

  if (header == AWARDS_EXPORT_HEADER_EN)
    return awards_export_to_path (store, query, format, path, n_rows, cancellable, error);

  /* The fields are in the order of the list's columns. */
  for (guint i = 0; i < N_FIELDS; i++)
    vi_names[i] = awards_import_column_get_vi_name ((AwardsImportColumn) i);
  return export_to_path (store, query, format, vi_names, path, n_rows, cancellable, error);
}

/* Async export */

typedef struct
{
  AwardsQuery         query;
  char               *date_from;
  char               *date_to;
  char               *search;
  AwardsExportFormat  format;
  char               *path;
  guint               n_rows;
} ExportTaskData;

static void
export_task_data_free (ExportTaskData *data)
{
  g_free (data->date_from);
  g_free (data->date_to);
  g_free (data->search);
  g_free (data->path);
  g_free (data);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportTaskData *data = task_data;
  GError *error = NULL;

  if (!awards_export_to_path (source_object, &data->query, data->format, data->path,
                              &data->n_rows, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * awards_export_to_path_async:
 * @store: a store
 * @query: (nullable): which commendations; %NULL for all. It is copied.
 * @format: the file format
 * @path: the file to write
 * @cancellable: (nullable): a cancellable
 * @callback: called when the export is over
 * @user_data: data for @callback
 *
 * Runs awards_export_to_path () in a worker thread.
 */
void
awards_export_to_path_async (AwardsStore         *store,
                             const AwardsQuery   *query,
                             AwardsExportFormat   format,
                             const char          *path,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportTaskData *data;

  g_return_if_fail (AWARDS_IS_STORE (store));
  g_return_if_fail (path != NULL);

  data = g_new0 (ExportTaskData, 1);
  if (query != NULL)
    data->query = *query;
  else
    awards_query_init (&data->query);
  data->query.date_from = data->date_from = g_strdup (data->query.date_from);
  data->query.date_to = data->date_to = g_strdup (data->query.date_to);
  data->query.search = data->search = g_strdup (data->query.search);
  data->format = format;
  data->path = g_strdup (path);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, awards_export_to_path_async);
  g_task_set_task_data (task, data, (GDestroyNotify) export_task_data_free);
  awards_store_run_task (store, AWARDS_WORK_LONG, task, export_thread);
}

/**
 * awards_export_to_path_finish:
 * @store: a store
 * @result: the result given to the callback
 * @n_rows: (out) (optional): the number of commendations written
 * @error: where to put the error
 *
 * Returns: %TRUE on success
 */
gboolean
awards_export_to_path_finish (AwardsStore   *store,
                              GAsyncResult  *result,
                              guint         *n_rows,
                              GError       **error)
{
  ExportTaskData *data;

  g_return_val_if_fail (AWARDS_IS_STORE (store), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);

  data = g_task_get_task_data (G_TASK (result));
  if (n_rows != NULL)
    *n_rows = data->n_rows;

  return g_task_propagate_boolean (G_TASK (result), error);
}
