/* awards-import-check.c: every row of a file checked before it is imported, for a preview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "awards-csv-reader.h"
#include "awards-import-check.h"
#include "awards-import-columns.h"
#include "awards-import-title.h"
#include "awards-import-totals.h"
#include "awards-import-run.h"
#include "awards-sheet.h"
#include "awards-sheet-names.h"

/*
 * A check is a dry run of the import, which reports every problem by line, followed by a
 * second reading of the file that keeps the rows to show: the first few and every bad one, so
 * that a preview can show each problem beside its row before anything is written.
 */

/* Bad rows shown at most; the problem list holds them all. */
#define MAX_BAD_ROWS 500

static void
checked_row_free (AwardsCheckedRow *row)
{
  g_strfreev (row->cells);
  g_free (row->problem);
  g_free (row);
}

void
awards_import_check_free (AwardsImportCheck *check)
{
  if (check == NULL)
    return;
  g_strfreev (check->columns);
  g_clear_pointer (&check->rows, g_ptr_array_unref);
  g_clear_pointer (&check->problems, g_ptr_array_unref);
  g_clear_pointer (&check->near_names, g_ptr_array_unref);
  for (guint i = 0; i < G_N_ELEMENTS (check->new_names); i++)
    g_clear_pointer (&check->new_names[i], g_ptr_array_unref);
  g_free (check->error);
  g_strfreev (check->sheet_names);
  g_free (check->sheet_name);
  g_free (check);
}

typedef struct
{
  AwardsImportCheck *check;
  GHashTable        *problems_by_line;   /* line → GString of messages */
  gboolean           find_header;
  gboolean           have_header;
  GArray            *header_columns;     /* AwardsImportColumn of each header field */
  guint              max_rows;
  guint              n_bad;
} Collect;

/* Names the columns in the interface language; a column the list does not know keeps the
 * file's own name, and so do two columns of one meaning (titles and commendations apart are
 * both the award: "Award" twice would not say which is which). */
static GStrv
column_labels (char  **fields,
               guint   n_fields)
{
  GStrv labels = g_new0 (char *, n_fields + 1);
  g_autofree AwardsImportColumn *known = g_new (AwardsImportColumn, MAX (n_fields, 1));

  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (fields[i]));

      known[i] = awards_import_column_from_name (name);
    }
  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (fields[i]));
      guint same = 0;

      for (guint j = 0; known[i] >= 0 && j < n_fields; j++)
        same += known[j] == known[i];
      labels[i] = known[i] >= 0 && same == 1
                  ? g_strdup (awards_import_column_get_label (known[i]))
                  : g_steal_pointer (&name);
    }
  return labels;
}

static gboolean
collect_row (guint     line,
             char    **fields,
             guint     n_fields,
             gboolean  valid_utf8,
             gpointer  user_data)
{
  Collect *collect = user_data;
  GString *problem = g_hash_table_lookup (collect->problems_by_line, GUINT_TO_POINTER (line));
  gboolean blank = TRUE;
  AwardsCheckedRow *row;

  for (guint i = 0; i < n_fields; i++)
    if (fields[i][0] != '\0')
      blank = FALSE;

  if (!collect->have_header)
    {
      if (collect->find_header &&
          !awards_import_columns_are_header ((const char * const *) fields, n_fields))
        return TRUE;
      if (!collect->find_header &&
          awards_import_is_title_row ((const char * const *) fields, n_fields))
        return TRUE;
      collect->check->columns = column_labels (fields, n_fields);
      collect->have_header = TRUE;
      for (guint i = 0; i < n_fields; i++)
        {
          g_autofree char *name = g_strstrip (g_strdup (fields[i]));
          AwardsImportColumn column = awards_import_column_from_name (name);

          g_array_append_val (collect->header_columns, column);
        }
      return TRUE;
    }
  /* The import passes over a totals row: it is no award to count. */
  if (blank ||
      awards_import_is_totals_row ((const AwardsImportColumn *) collect->header_columns->data,
                                   collect->header_columns->len,
                                   (const char * const *) fields, n_fields))
    return TRUE;

  collect->check->n_rows++;
  if (problem == NULL && collect->check->rows->len >= collect->max_rows)
    return TRUE;
  if (problem != NULL && collect->n_bad++ >= MAX_BAD_ROWS)
    return TRUE;

  row = g_new0 (AwardsCheckedRow, 1);
  row->line = line;
  row->cells = g_new0 (char *, n_fields + 1);
  for (guint i = 0; i < n_fields; i++)
    row->cells[i] = valid_utf8 ? g_strstrip (g_strdup (fields[i])) : g_utf8_make_valid (fields[i], -1);
  row->problem = problem != NULL ? g_strdup (problem->str) : NULL;
  g_ptr_array_add (collect->check->rows, row);
  return TRUE;
}

static gboolean
collect_csv_record (AwardsCsvReader  *reader,
                    guint             line,
                    char            **fields,
                    guint             n_fields,
                    gboolean          valid_utf8,
                    gpointer          user_data)
{
  return collect_row (line, fields, n_fields, valid_utf8, user_data);
}

static gboolean
collect_sheet_row (guint     line,
                   char    **cells,
                   guint     n_cells,
                   gpointer  user_data)
{
  return collect_row (line, cells, n_cells, TRUE, user_data);
}

static gboolean
read_rows (Collect       *collect,
           GFile         *file,
           const char    *sheet_name,
           GCancellable  *cancellable,
           GError       **error)
{
  AwardsSheetFormat format = awards_sheet_sniff (file, cancellable);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(AwardsCsvReader) reader = NULL;
  g_autoptr(AwardsSheet) sheet = NULL;

  if (format != AWARDS_SHEET_FORMAT_NONE)
    {
      sheet = awards_sheet_load (file, format, sheet_name, cancellable, error);
      if (sheet == NULL)
        return FALSE;
      collect->find_header = TRUE;
      awards_sheet_foreach_row (sheet, collect_sheet_row, collect);
      return TRUE;
    }

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return FALSE;
  reader = awards_csv_reader_new (collect_csv_record, collect);
  return awards_csv_reader_read (reader, G_INPUT_STREAM (stream), cancellable, error);
}

static void
string_free (gpointer data)
{
  g_string_free (data, TRUE);
}

static GPtrArray *
copy_names (GPtrArray *names)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; names != NULL && i < names->len; i++)
    g_ptr_array_add (copy, g_strdup (g_ptr_array_index (names, i)));
  return copy;
}

/**
 * awards_import_check_file:
 * @importer: an importer set up as for the import (near names resolved, sheet chosen); its
 *   dry-run setting is used for the check and restored. When no sheet of a workbook is
 *   chosen, the first sheet with data is chosen on it.
 * @file: the file
 * @max_rows: how many rows to keep besides the bad ones
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error of the store or the file system
 *
 * Returns: (transfer full) (nullable): the check; a file that cannot be read at all is a check
 *   with @error set in it
 */
AwardsImportCheck *
awards_import_check_file (AwardsImporter  *importer,
                          GFile           *file,
                          guint            max_rows,
                          GCancellable    *cancellable,
                          GError         **error)
{
  g_autoptr(AwardsImportCheck) check = g_new0 (AwardsImportCheck, 1);
  g_autoptr(GHashTable) by_line = g_hash_table_new_full (NULL, NULL, NULL, string_free);
  g_autoptr(GError) local_error = NULL;
  gboolean dry_run = awards_importer_get_dry_run (importer);
  GPtrArray *problems;
  GPtrArray *near_names;
  Collect collect = { 0, };
  AwardsSheetFormat format = awards_sheet_sniff (file, cancellable);
  gboolean ok;

  /* A workbook's sheets are listed for the user to choose from; with none chosen yet, the
   * first with data is read (and imported), not an empty cover sheet. A workbook whose list
   * cannot be read is said to be unreadable by the dry run below. */
  if (format != AWARDS_SHEET_FORMAT_NONE)
    {
      check->sheet_names = awards_sheet_list_names (file, format, cancellable, NULL);
      if (check->sheet_names != NULL && check->sheet_names[0] != NULL &&
          awards_importer_get_sheet_name (importer) == NULL)
        {
          g_autofree char *first = awards_sheet_first_with_data (
            file, format, (const char * const *) check->sheet_names, cancellable);

          awards_importer_set_sheet_name (importer, first);
        }
      check->sheet_name = g_strdup (awards_importer_get_sheet_name (importer));
    }

  awards_importer_set_dry_run (importer, TRUE);
  ok = awards_importer_import_file (importer, file, NULL, cancellable, &local_error);
  awards_importer_set_dry_run (importer, dry_run);

  check->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) checked_row_free);
  check->problems = awards_import_problems_new ();
  check->near_names = g_ptr_array_new ();

  if (!ok && !g_error_matches (local_error, AWARDS_IMPORT_ERROR, AWARDS_IMPORT_ERROR_INVALID))
    {
      if (local_error->domain != AWARDS_IMPORT_ERROR)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      check->error = g_strdup (local_error->message);
      check->columns = g_new0 (char *, 1);
      return g_steal_pointer (&check);
    }

  check->n_added = awards_importer_get_n_added (importer);
  problems = awards_importer_get_problems (importer);
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      AwardsImportProblem *problem = g_ptr_array_index (problems, i);
      AwardsImportProblem *copy = g_new0 (AwardsImportProblem, 1);
      GString *text = g_hash_table_lookup (by_line, GUINT_TO_POINTER (problem->line));

      copy->line = problem->line;
      copy->message = g_strdup (problem->message);
      copy->near_name = problem->near_name;
      g_ptr_array_add (check->problems, copy);
      if (text == NULL)
        g_hash_table_insert (by_line, GUINT_TO_POINTER (problem->line),
                             g_string_new (problem->message));
      else
        g_string_append_printf (text, "\n%s", problem->message);
    }

  /* The importer's near names are not copied: they are borrowed until the next import. */
  g_ptr_array_unref (check->near_names);
  near_names = awards_importer_get_near_names (importer);
  check->near_names = near_names != NULL ? g_ptr_array_ref (near_names) : g_ptr_array_new ();
  for (guint i = 0; i < G_N_ELEMENTS (check->new_names); i++)
    check->new_names[i] = copy_names (awards_importer_get_new_names (importer, i));

  collect.check = check;
  collect.problems_by_line = by_line;
  collect.max_rows = max_rows;
  collect.header_columns = g_array_new (FALSE, FALSE, sizeof (AwardsImportColumn));
  if (!read_rows (&collect, file, check->sheet_name, cancellable, &local_error))
    {
      g_clear_error (&local_error);
      /* The dry run has said what is wrong with the file. */
    }
  g_array_unref (collect.header_columns);
  if (check->columns == NULL)
    check->columns = g_new0 (char *, 1);

  return g_steal_pointer (&check);
}
