/* awards-cli-data.c: the import and export commands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <gio/gunixinputstream.h>
#include <glib/gstdio.h>

#include "awards-cli-private.h"
#include "awards-db.h"
#include "awards-exporter.h"
#include "awards-importer.h"
#include "awards-sheet-names.h"
#include "awards-sheet.h"

/* Only shown on a terminal, on one line that the next report overwrites. */
static void
import_progress_cb (guint64  rows_done,
                    guint64  bytes_read,
                    guint64  bytes_total,
                    gpointer user_data)
{
  g_printerr ("\r");
  if (bytes_total > 0)
    g_printerr (_("%u rows read (%u%%)…"), (guint) rows_done,
                (guint) (100 * MIN (bytes_read, bytes_total) / bytes_total));
  else
    g_printerr (_("%u rows read…"), (guint) rows_done);
}

static void
clear_progress_line (void)
{
  g_printerr ("\r%*s\r", 40, "");
}

static GInputStream *
open_input (const char  *path,
            guint64     *size,
            GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;

  *size = 0;
  if (g_str_equal (path, "-"))
    return g_unix_input_stream_new (STDIN_FILENO, FALSE);

  file = g_file_new_for_path (path);
  stream = g_file_read (file, NULL, error);
  if (stream == NULL)
    return NULL;

  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, NULL);
  if (info != NULL)
    *size = g_file_info_get_size (info);

  return G_INPUT_STREAM (g_steal_pointer (&stream));
}

/* The dry run's summary: what the import would add besides the awards. */
static char *
describe_new_names (AwardsImporter *importer)
{
  static const struct
  {
    AwardsNearKind  kind;
    const char     *format;
  } kinds[] = {
    { AWARDS_NEAR_ORGANISATION, N_("New organisations: %u") },
    { AWARDS_NEAR_PERSON, N_("New people: %u") },
    { AWARDS_NEAR_AUTHORITY, N_("New authorities: %u") },
    { AWARDS_NEAR_AWARD_TYPE, N_("New award types: %u") },
  };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      GPtrArray *names = awards_importer_get_new_names (importer, kinds[i].kind);
      guint n = names != NULL ? names->len : 0;

      g_string_append_printf (text, _(kinds[i].format), n);
      g_string_append_c (text, '\n');
      for (guint j = 0; j < n; j++)
        g_string_append_printf (text, "  %s\n", (const char *) g_ptr_array_index (names, j));
    }
  return g_string_free (text, FALSE);
}

/* Removes a database file that an import started and did not keep, with the files beside it;
 * then the temporary @folder it was made in, if any. */
static void
remove_started_database (const char *path,
                         const char *folder)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };
  g_autofree char *owners = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (path == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
  /* The folder where the programs that had it open registered. */
  owners = g_strconcat (path, "-owners", NULL);
  dir = g_dir_open (owners, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (owners, name, NULL);

      g_unlink (file);
    }
  g_rmdir (owners);
  if (folder != NULL)
    g_rmdir (folder);
}

/* With no sheet named, a workbook's list is its first sheet with data, as in the window: an
 * empty cover sheet before the list is passed over. */
static void
choose_sheet_with_data (AwardsImporter *importer,
                        GFile          *file)
{
  AwardsSheetFormat format = awards_sheet_sniff (file, NULL);
  g_auto(GStrv) names = NULL;
  g_autofree char *first = NULL;

  if (format == AWARDS_SHEET_FORMAT_NONE)
    return;
  names = awards_sheet_list_names (file, format, NULL, NULL);
  if (names == NULL || names[0] == NULL)
    return;
  first = awards_sheet_first_with_data (file, format, (const char * const *) names, NULL);
  awards_importer_set_sheet_name (importer, first);
}

/**
 * awards_cli_import:
 *
 * `import FILE.csv [--dry-run]`: adds the awards of a flat award list, all or nothing.
 */
int
awards_cli_import (AwardsCli  *cli,
                   int         argc,
                   char      **argv)
{
  gboolean dry_run = FALSE;
  gboolean allow_new = FALSE;
  g_autofree char *sheet_name = NULL;
  const GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Check the file and say what would be imported, without writing anything"), NULL },
    { "allow-new", 0, 0, G_OPTION_ARG_NONE, &allow_new,
      N_("Create new award types, authorities and organisations even when their names are "
         "nearly equal to existing ones"), NULL },
    { "sheet", 0, 0, G_OPTION_ARG_STRING, &sheet_name,
      N_("Read the sheet NAME of a workbook instead of its first"), N_("NAME") },
    G_OPTION_ENTRY_NULL
  };
  const AwardsCliSyntax syntax = {
    entries,
    N_("The file is a flat award list in UTF-8 with a header row naming its columns: "
       "decision_number, decision_date, authority, award, recipient_type, recipient, "
       "organisation, position, achievement, period. Nothing is written unless every row is "
       "good; each bad row is reported as FILE:LINE: message. “-” reads the standard input. "
       "The list may also be the first sheet of an .xlsx, .xls or .ods workbook, with the "
       "columns named in Vietnamese."),
    1, 1, FALSE,
  };
  g_auto(GStrv) args = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) input = NULL;
  g_autoptr(AwardsStore) store = NULL;
  g_autoptr(AwardsImporter) importer = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *database = NULL;
  g_autofree char *scratch = NULL;
  g_autofree char *scratch_database = NULL;
  g_autofree char *new_names = NULL;
  gboolean starts_file;
  gboolean was_empty;
  guint64 size;
  gboolean show_progress;
  gboolean ok;
  guint n_added;
  int status;

  if (!awards_cli_parse (cli, &syntax, argc, argv, &args, &status))
    return status;

  display_name = g_filename_display_name (args[0]);

  /* Opened before the store, so that a mistyped file name does not create a database. */
  input = open_input (args[0], &size, &error);
  if (input == NULL)
    return awards_cli_fail (cli, error);

  /* An import may start a database file, but only with what it imported: a dry run checks the
   * file against a new database in a temporary folder, and a failed import removes the file it
   * started. */
  database = awards_cli_get_database (cli);
  /* An empty file (made beforehand with `touch`) is started as a missing one is. */
  was_empty = awards_cli_is_empty_file (database);
  starts_file = was_empty || (!awards_db_name_is_server (database) &&
                              !g_file_test (database, G_FILE_TEST_EXISTS));
  if (starts_file && dry_run)
    {
      scratch = g_dir_make_tmp ("coop-awards-dry-run-XXXXXX", &error);
      if (scratch == NULL)
        return awards_cli_fail (cli, error);
      scratch_database = g_build_filename (scratch, "awards.db", NULL);
      store = awards_store_open (scratch_database, &error);
    }
  else
    store = awards_cli_open_store (cli, &error);
  if (store == NULL)
    {
      remove_started_database (scratch_database, scratch);
      return awards_cli_fail (cli, error);
    }

  importer = awards_importer_new (store);
  awards_importer_set_dry_run (importer, dry_run);
  awards_importer_set_allow_new (importer, allow_new);
  awards_importer_set_sheet_name (importer, sheet_name);

  show_progress = isatty (STDERR_FILENO);
  if (show_progress)
    awards_importer_set_progress_func (importer, import_progress_cb, NULL, NULL);

  /* A named file may be a workbook, which is read by its name rather than as a stream. */
  if (g_str_equal (args[0], "-"))
    ok = awards_importer_import_stream (importer, input, size, display_name, NULL, &error);
  else
    {
      g_autoptr(GFile) file = g_file_new_for_path (args[0]);

      g_clear_object (&input);
      if (sheet_name == NULL)
        choose_sheet_with_data (importer, file);
      ok = awards_importer_import_file (importer, file, display_name, NULL, &error);
    }
  if (show_progress)
    clear_progress_line ();

  n_added = awards_importer_get_n_added (importer);
  if (dry_run && ok)
    new_names = describe_new_names (importer);
  /* Closed before its files are removed. */
  g_clear_object (&importer);
  g_clear_object (&store);
  if (scratch != NULL)
    remove_started_database (scratch_database, scratch);
  else if (!ok && starts_file)
    {
      remove_started_database (database, NULL);
      /* The user's empty file is left as it was found. */
      if (was_empty)
        g_file_set_contents (database, "", 0, NULL);
    }

  if (!ok)
    {
      /* The message is already every problem as "FILE:LINE: message", one per line. */
      if (g_error_matches (error, AWARDS_IMPORT_ERROR, AWARDS_IMPORT_ERROR_INVALID))
        {
          g_printerr ("%s\n", error->message);
          if (!dry_run)
            g_printerr ("%s\n", _("Nothing was imported."));
          return AWARDS_CLI_EXIT_FAILURE;
        }
      return awards_cli_fail (cli, error);
    }

  if (dry_run)
    g_print (ngettext ("%s is valid: %u award would be imported.",
                       "%s is valid: %u awards would be imported.", n_added),
             display_name, n_added);
  else
    g_print (ngettext ("Imported %u award from %s.",
                       "Imported %u awards from %s.", n_added),
             n_added, display_name);
  g_print ("\n");
  if (dry_run)
    g_print ("%s", new_names);

  return AWARDS_CLI_EXIT_SUCCESS;
}

/**
 * awards_cli_export:
 *
 * `export [--format csv|xlsx] [--output FILE]`: writes every award as a flat award list.
 */
int
awards_cli_export (AwardsCli  *cli,
                   int         argc,
                   char      **argv)
{
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *header_name = NULL;
  AwardsExportHeader header = AWARDS_EXPORT_HEADER_EN;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("The file format: csv (the default) or xlsx"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE instead of the standard output"), N_("FILE") },
    { "header", 0, 0, G_OPTION_ARG_STRING, &header_name,
      N_("The language of the column names: en (the default) or vi"), N_("LANGUAGE") },
    G_OPTION_ENTRY_NULL
  };
  const AwardsCliSyntax syntax = {
    entries,
    N_("The columns are those that import reads, so that an export imports into an empty "
       "database unchanged. An existing FILE is replaced only when the export succeeds."),
    0, 0, FALSE,
  };
  g_auto(GStrv) args = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsStore) store = NULL;
  AwardsExportFormat format = AWARDS_EXPORT_FORMAT_CSV;
  guint n_rows = 0;
  int status;

  if (!awards_cli_parse (cli, &syntax, argc, argv, &args, &status))
    return status;

  if (format_name != NULL && !awards_export_format_from_string (format_name, &format))
    return awards_cli_usage_error (cli, _("Unknown format “%s”: use csv or xlsx."), format_name);

  if (header_name != NULL && g_str_equal (header_name, "vi"))
    header = AWARDS_EXPORT_HEADER_VI;
  else if (header_name != NULL && !g_str_equal (header_name, "en"))
    return awards_cli_usage_error (cli, _("Unknown column name language “%s”: use en or vi."),
                                   header_name);

  if (format == AWARDS_EXPORT_FORMAT_XLSX && awards_cli_output_is_terminal (output))
    return awards_cli_usage_error (cli, _("A spreadsheet cannot be shown in a terminal: "
                                          "use --output FILE."));

  store = awards_cli_open_store_for_reading (cli, &error);
  if (store == NULL)
    return awards_cli_fail (cli, error);

  fflush (stdout);
  if (!awards_export_to_path_with_header (store, NULL, format, header,
                                          output != NULL ? output : "-", &n_rows, NULL, &error))
    return awards_cli_fail (cli, error);

  if (output != NULL && !g_str_equal (output, "-"))
    {
      g_autofree char *display_name = g_filename_display_name (output);

      g_print (ngettext ("Exported %u award to %s.", "Exported %u awards to %s.", n_rows),
               n_rows, display_name);
      g_print ("\n");
    }

  return AWARDS_CLI_EXIT_SUCCESS;
}
