/* awards-import-preview.c: a look at a CSV file before importing it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "awards-csv-reader.h"
#include "awards-import-preview.h"

typedef struct
{
  AwardsImportPreview *preview;
  guint                max_rows;
  gboolean             have_header;
} PreviewRun;

static gboolean
on_preview_record (AwardsCsvReader  *reader,
                   guint             line,
                   char            **fields,
                   guint             n_fields,
                   gboolean          valid_utf8,
                   gpointer          user_data)
{
  PreviewRun *run = user_data;
  gboolean blank = TRUE;
  GStrv copy;

  for (guint i = 0; i < n_fields; i++)
    {
      g_strstrip (fields[i]);
      if (fields[i][0] != '\0')
        blank = FALSE;
    }

  if (run->have_header && blank)
    return TRUE;

  if (run->have_header && run->preview->rows->len >= run->max_rows)
    {
      run->preview->n_rows++;
      return TRUE;
    }

  copy = g_new (char *, n_fields + 1);
  for (guint i = 0; i < n_fields; i++)
    {
      /* A preview shows what it can: bad bytes become replacement characters. */
      copy[i] = valid_utf8 ? g_strdup (fields[i]) : g_utf8_make_valid (fields[i], -1);
    }
  copy[n_fields] = NULL;

  if (!run->have_header)
    {
      run->preview->columns = copy;
      run->have_header = TRUE;
    }
  else
    {
      g_ptr_array_add (run->preview->rows, copy);
      run->preview->n_rows++;
    }

  return TRUE;
}

/**
 * awards_import_preview:
 * @file: a CSV file
 * @max_rows: how many rows to keep
 * @cancellable: (nullable): a cancellable
 * @error: where to put the error
 *
 * Reads @file to show it before an import: the separator, the header, the first @max_rows rows
 * and the number of rows. Nothing is checked beyond the CSV syntax: a syntax error stops the
 * count where it is found and is given in the preview.
 *
 * Returns: (transfer full) (nullable): the preview, or %NULL when the file cannot be read
 */
AwardsImportPreview *
awards_import_preview (GFile         *file,
                       guint          max_rows,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(AwardsCsvReader) reader = NULL;
  g_autoptr(AwardsImportPreview) preview = NULL;
  PreviewRun run = { 0, };

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  preview = g_new0 (AwardsImportPreview, 1);
  preview->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  run.preview = preview;
  run.max_rows = max_rows;

  reader = awards_csv_reader_new (on_preview_record, &run);
  if (!awards_csv_reader_read (reader, G_INPUT_STREAM (stream), cancellable, error))
    return NULL;

  preview->separator = awards_csv_reader_get_separator (reader);
  preview->syntax_error = g_strdup (awards_csv_reader_get_syntax_error (reader,
                                                                        &preview->syntax_error_line));
  preview->has_bom = awards_csv_reader_get_has_bom (reader);
  if (preview->columns == NULL)
    preview->columns = g_new0 (char *, 1);

  return g_steal_pointer (&preview);
}

/**
 * awards_import_preview_free:
 * @preview: (nullable): a preview
 *
 * Frees @preview.
 */
void
awards_import_preview_free (AwardsImportPreview *preview)
{
  if (preview == NULL)
    return;

  g_strfreev (preview->columns);
  g_free (preview->syntax_error);
  g_clear_pointer (&preview->rows, g_ptr_array_unref);
  g_free (preview);
}
