/* awards-cli.c: the command line of coop-awards-cli and what its commands share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include <glib/gi18n-lib.h>
#include <gio/gunixoutputstream.h>

#include "awards-cli-private.h"
#include "awards-db.h"
#include "awards-store-open.h"
#include "awards-output-file.h"
#include "awards-cli-review.h"
#include "awards-cli-server.h"
#include "awards-text.h"

static const AwardsCliCommand commands[] = {
  { "import", N_("FILE.csv"),
    N_("Add the awards listed in a CSV file"), awards_cli_import },
  { "export", NULL,
    N_("Write every award as CSV or as a spreadsheet"), awards_cli_export },
  { "search", N_("TEXT"),
    N_("Find organisations, people and decisions"), awards_cli_search },
  { "organisation", N_("NAME-OR-ID"),
    N_("Show an organisation, its awards and those of its people"), awards_cli_organisation },
  { "report", N_("KIND …"),
    N_("Print a report: summary, organisation, decision or yearly"), awards_cli_report },
  { "backup", N_("DEST"),
    N_("Copy the database safely to another file"), awards_cli_backup },
  { "restore", N_("SRC"),
    N_("Replace the database with a backup"), awards_cli_restore },
  { "check", NULL,
    N_("Check the database for damage and inconsistencies"), awards_cli_check },
  { "history", NULL,
    N_("List the changes made to the database, newest first"), awards_cli_history },
  { "settings", N_("list | get KEY | set KEY VALUE"),
    N_("Show or change the office profile printed on documents"), awards_cli_settings },
  { "certificates", N_("DECISION-NUMBER"),
    N_("Print a decision's certificates onto their blanks"), awards_cli_certificates },
  { "import-ratings", N_("FILE…"),
    N_("Add annual ratings and recognised initiatives from CSV files"),
    awards_cli_import_ratings },
  { "eligible", NULL,
    N_("List who is eligible for which award in a year, and why"), awards_cli_eligible },
  { "staff-class", N_("[POSITION CLASS]"),
    N_("List or set the staff classes of positions, for the statistics forms"),
    awards_cli_staff_class },
  { "authority-level", N_("NAME [LEVEL]"),
    N_("Show or set the level of an authority"), awards_cli_authority_level },
  { "init-server", N_("URI"),
    N_("Set up a shared database on a PostgreSQL server"), awards_cli_init_server },
  { "copy", NULL,
    N_("Copy a whole database between files and servers, checked"), awards_cli_copy },
};

static char *
command_usage (const AwardsCliCommand *command)
{
  if (command->parameters == NULL)
    return g_strdup (command->name);
  return g_strdup_printf ("%s %s", command->name, _(command->parameters));
}

/* Pads by characters, not bytes, so that translated columns line up. */
static void
append_padded (GString    *out,
               const char *text,
               glong       width)
{
  glong length = g_utf8_strlen (text, -1);

  g_string_append (out, text);
  if (length < width)
    g_string_append_printf (out, "%*s", (int) (width - length), "");
  else
    g_string_append_printf (out, "\n%*s", (int) (width + 2), "");
}

static void
print_global_help (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *default_path = awards_store_default_path ();
  const glong width = 28;
  const struct
  {
    const char *usage;
    const char *summary;
  } options[] = {
    { N_("--database FILE"), N_("The database to use") },
    { "-h, --help", N_("Show this help; “COMMAND --help” shows a command’s options") },
    { "--version", N_("Show the version") },
  };

  g_string_append_printf (out, "%s\n  %s %s\n\n", _("Usage:"), g_get_prgname (),
                          _("[--database FILE] COMMAND [ARGUMENT…] [OPTION…]"));
  g_string_append_printf (out, "%s\n\n",
                          _("Keeps the record of the awards of cooperatives and their people."));

  g_string_append_printf (out, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *usage = command_usage (&commands[i]);

      g_string_append (out, "  ");
      append_padded (out, usage, width);
      g_string_append_printf (out, "%s\n", _(commands[i].summary));
    }

  g_string_append_printf (out, "\n%s\n", _("Options:"));
  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    {
      g_string_append (out, "  ");
      append_padded (out, _(options[i].usage), width);
      g_string_append_printf (out, "%s\n", _(options[i].summary));
    }

  g_string_append_c (out, '\n');
  g_string_append_printf (out, _("Without --database, the database is $COOP_AWARDS_DB, else "
                                 "the file in your data folder; now: %s"), default_path);
  g_string_append (out, "\n");
  g_string_append_printf (out, "%s\n", _("Exit status: 0 on success, 1 when the input or the "
                                         "data is wrong, 2 on wrong usage."));

  g_print ("%s", out->str);
}

static const AwardsCliCommand *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, name))
      return &commands[i];
  return NULL;
}

static int
run_help_command (AwardsCli  *cli,
                  int         argc,
                  char      **argv)
{
  char *help_argv[] = { NULL, (char *) "--help", NULL };

  if (argc < 2)
    {
      print_global_help ();
      return AWARDS_CLI_EXIT_SUCCESS;
    }
  if (argc > 2)
    return awards_cli_usage_error (cli, _("Unexpected argument “%s”."), argv[2]);

  cli->command = find_command (argv[1]);
  if (cli->command == NULL)
    return awards_cli_usage_error (cli, _("Unknown command “%s”."), argv[1]);

  help_argv[0] = argv[1];
  return cli->command->run (cli, 2, help_argv);
}

/**
 * awards_cli_run:
 * @argc: the number of arguments
 * @argv: the arguments, the program's name first
 *
 * Runs coop-awards-cli: reads the global options and the command word, then runs the command.
 * Results go to stdout, messages to stderr.
 *
 * Returns: the exit status, an #AwardsCliExit
 */
int
awards_cli_run (int    argc,
                char **argv)
{
  AwardsCli cli = { NULL, NULL };
  int status;
  int i;

  g_return_val_if_fail (argc >= 1 && argv != NULL, AWARDS_CLI_EXIT_USAGE);

  if (g_get_prgname () == NULL)
    {
      g_autofree char *basename = g_path_get_basename (argv[0]);

      g_set_prgname (basename);
    }

  /* Global options come before the command; the command's parser accepts --database too. */
  for (i = 1; i < argc; i++)
    {
      const char *arg = argv[i];

      if (g_str_equal (arg, "--"))
        {
          i++;
          break;
        }
      if (arg[0] != '-' || arg[1] == '\0')
        break;

      if (g_str_equal (arg, "--database"))
        {
          if (i + 1 >= argc)
            {
              status = awards_cli_usage_error (&cli, _("Missing argument for %s"), arg);
              goto out;
            }
          g_free (cli.database);
          cli.database = g_strdup (argv[++i]);
        }
      else if (g_str_has_prefix (arg, "--database="))
        {
          g_free (cli.database);
          cli.database = g_strdup (arg + strlen ("--database="));
        }
      else if (g_str_equal (arg, "--help") || g_str_equal (arg, "-h"))
        {
          print_global_help ();
          status = AWARDS_CLI_EXIT_SUCCESS;
          goto out;
        }
      else if (g_str_equal (arg, "--version"))
        {
          g_print ("%s %s\n", g_get_prgname (), PACKAGE_VERSION);
          status = AWARDS_CLI_EXIT_SUCCESS;
          goto out;
        }
      else
        {
          status = awards_cli_usage_error (&cli, _("Unknown option %s"), arg);
          goto out;
        }
    }

  if (i >= argc)
    {
      status = awards_cli_usage_error (&cli, _("Missing command."));
      goto out;
    }

  if (g_str_equal (argv[i], "help"))
    {
      status = run_help_command (&cli, argc - i, argv + i);
      goto out;
    }

  cli.command = find_command (argv[i]);
  if (cli.command == NULL)
    {
      status = awards_cli_usage_error (&cli, _("Unknown command “%s”."), argv[i]);
      goto out;
    }

  status = cli.command->run (&cli, argc - i, argv + i);

out:
  g_free (cli.database);
  return status;
}

/**
 * awards_cli_parse:
 * @cli: the run
 * @syntax: what the command accepts
 * @argc: the number of arguments, the command word included
 * @argv: the arguments from the command word on
 * @args: (out): the positional arguments
 * @status: (out): the exit status when this returns %FALSE
 *
 * Reads the options of a command, which may come before or after its arguments, handles
 * --help and --database, and checks the number of arguments.
 *
 * Returns: %TRUE when the command should run; otherwise @status says how to exit
 */
gboolean
awards_cli_parse (AwardsCli              *cli,
                  const AwardsCliSyntax  *syntax,
                  int                     argc,
                  char                  **argv,
                  GStrv                  *args,
                  int                    *status)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) strv = NULL;
  g_auto(GStrv) remaining = NULL;
  g_autofree char *database = NULL;
  g_autofree char *usage = NULL;
  gboolean help = FALSE;
  guint n_args;
  const GOptionEntry common_entries[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database, N_("The database to use"), N_("FILE") },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &help, N_("Show the options of this command"), NULL },
    { G_OPTION_REMAINING, 0, 0,
      syntax->args_are_text ? G_OPTION_ARG_STRING_ARRAY : G_OPTION_ARG_FILENAME_ARRAY,
      &remaining, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };

  g_return_val_if_fail (cli != NULL && cli->command != NULL, FALSE);
  g_return_val_if_fail (syntax != NULL, FALSE);
  g_return_val_if_fail (args != NULL && status != NULL, FALSE);

  usage = command_usage (cli->command);
  context = g_option_context_new (usage);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_set_summary (context, _(cli->command->summary));
  if (syntax->description != NULL)
    g_option_context_set_description (context, _(syntax->description));
  if (syntax->entries != NULL)
    g_option_context_add_main_entries (context, syntax->entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, common_entries, GETTEXT_PACKAGE);

  strv = g_new0 (char *, argc + 1);
  for (int i = 0; i < argc; i++)
    strv[i] = g_strdup (argv[i]);

  if (!g_option_context_parse_strv (context, &strv, &error))
    {
      *status = awards_cli_usage_error (cli, "%s", error->message);
      return FALSE;
    }

  if (help)
    {
      g_autofree char *text = g_option_context_get_help (context, TRUE, NULL);

      g_print ("%s", text);
      *status = AWARDS_CLI_EXIT_SUCCESS;
      return FALSE;
    }

  if (database != NULL)
    {
      g_free (cli->database);
      cli->database = g_steal_pointer (&database);
    }

  n_args = remaining != NULL ? g_strv_length (remaining) : 0;
  if (n_args < syntax->min_args)
    {
      *status = awards_cli_usage_error (cli, _("“%s” needs %s."), cli->command->name,
                                        _(cli->command->parameters));
      return FALSE;
    }
  if (n_args > syntax->max_args)
    {
      *status = awards_cli_usage_error (cli, _("Unexpected argument “%s”."),
                                        remaining[syntax->max_args]);
      return FALSE;
    }

  *args = remaining != NULL ? g_steal_pointer (&remaining) : g_new0 (char *, 1);
  return TRUE;
}

/**
 * awards_cli_usage_error:
 * @cli: the run
 * @format: the message, a sentence
 *
 * Says what is wrong with the command line and where to read more, on stderr.
 *
 * Returns: %AWARDS_CLI_EXIT_USAGE
 */
int
awards_cli_usage_error (AwardsCli  *cli,
                        const char *format,
                        ...)
{
  g_autofree char *message = NULL;
  g_autofree char *help = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (cli->command != NULL)
    {
      help = g_strdup_printf ("%s %s --help", g_get_prgname (), cli->command->name);
      g_printerr ("%s %s: %s\n", g_get_prgname (), cli->command->name, message);
    }
  else
    {
      help = g_strdup_printf ("%s --help", g_get_prgname ());
      g_printerr ("%s: %s\n", g_get_prgname (), message);
    }
  g_printerr (_("Try “%s” for more information."), help);
  g_printerr ("\n");

  return AWARDS_CLI_EXIT_USAGE;
}

/**
 * awards_cli_fail_message:
 * @cli: the run
 * @format: the message, a sentence that says what is wrong and where
 *
 * Returns: %AWARDS_CLI_EXIT_FAILURE
 */
int
awards_cli_fail_message (AwardsCli  *cli,
                         const char *format,
                         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("%s: %s\n", g_get_prgname (), message);
  return AWARDS_CLI_EXIT_FAILURE;
}

/**
 * awards_cli_fail:
 * @cli: the run
 * @error: what went wrong
 *
 * Returns: %AWARDS_CLI_EXIT_FAILURE
 */
int
awards_cli_fail (AwardsCli    *cli,
                 const GError *error)
{
  return awards_cli_fail_message (cli, "%s", error->message);
}

/**
 * awards_cli_get_database:
 * @cli: the run
 *
 * Returns: (transfer full): the database file: --database, else $COOP_AWARDS_DB, else the file
 *   in the user's data folder
 */
char *
awards_cli_get_database (AwardsCli *cli)
{
  if (cli->database != NULL)
    return g_strdup (cli->database);
  return awards_store_default_path ();
}

/**
 * awards_cli_open_store:
 * @cli: the run
 * @error: where to put the error
 *
 * Opens the database, creating it (and its folder) on first use.
 *
 * Returns: (transfer full): the store, or %NULL
 */
AwardsStore *
awards_cli_open_store (AwardsCli  *cli,
                       GError    **error)
{
  g_autofree char *path = awards_cli_get_database (cli);
  gboolean import = g_strcmp0 (cli->command->name, "import") == 0;

  /* A mistyped name must not become a new, empty database: only import starts one. */
  if (cli->database != NULL && !import && !awards_db_name_is_server (path) &&
      !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The database “%s” does not exist."), path);
      return NULL;
    }
  /* Nor may an empty file (SQLite would take it for a new database), as the commands that only
   * read say too. */
  if (!import && awards_cli_is_empty_file (path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is empty, not a Coop Awards database."), path);
      return NULL;
    }
  return awards_store_open (path, error);
}

/**
 * awards_cli_is_empty_file:
 * @path: a database's name
 *
 * Returns: whether @path is a file of no bytes (not a server's address, not a missing file)
 */
gboolean
awards_cli_is_empty_file (const char *path)
{
  GStatBuf info;

  return !awards_db_name_is_server (path) && g_stat (path, &info) == 0 &&
         S_ISREG (info.st_mode) && info.st_size == 0;
}

/**
 * awards_cli_open_store_for_reading:
 * @cli: the run
 * @error: where to put the error
 *
 * Opens the database for a command that only reads: read-only, so that it works on a read-only
 * file or folder and while another program writes. Only the default database is created (and
 * seeded) on first use; a named file that does not exist is an error, and nothing is created.
 *
 * Returns: (transfer full): the store, or %NULL
 */
AwardsStore *
awards_cli_open_store_for_reading (AwardsCli  *cli,
                                   GError    **error)
{
  g_autofree char *path = awards_cli_get_database (cli);
  g_autofree char *first_use = g_build_filename (g_get_user_data_dir (), "coop-awards",
                                                 "awards.db", NULL);

  if (cli->database == NULL && g_strcmp0 (path, first_use) == 0 &&
      !g_file_test (path, G_FILE_TEST_EXISTS))
    return awards_store_open (path, error);
  return awards_store_open_read_only (path, error);
}

/**
 * awards_cli_join_args:
 * @args: words
 *
 * Lets `search bach dang` mean the same as `search "bach dang"`.
 *
 * Returns: (transfer full): the words separated by spaces
 */
char *
awards_cli_join_args (GStrv args)
{
  return g_strjoinv (" ", args);
}

/**
 * awards_cli_find_authority:
 * @store: the store
 * @name: what the user typed
 * @error: where to put the error
 *
 * Finds an authority by its name as the store does; a name typed without accents ("ubnd tinh
 * nam dinh") finds the one authority whose name folds the same. When none or several fit, the
 * error names the authorities there are.
 *
 * Returns: (transfer full): the authority, or %NULL
 */
AwardsAuthority *
awards_cli_find_authority (AwardsStore  *store,
                           const char   *name,
                           GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) authorities = NULL;
  g_autoptr(GString) names = NULL;
  g_autofree char *folded = NULL;
  AwardsAuthority *found;
  AwardsAuthority *match = NULL;
  guint n_matches = 0;

  found = awards_store_find_authority (store, name, &local_error);
  if (found != NULL || !g_error_matches (local_error, AWARDS_STORE_ERROR,
                                         AWARDS_STORE_ERROR_NOT_FOUND))
    {
      if (found == NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return found;
    }
  authorities = awards_store_list_authorities (store, error);
  if (authorities == NULL)
    return NULL;
  folded = awards_text_fold (name);
  names = g_string_new (NULL);
  for (guint i = 0; i < authorities->len; i++)
    {
      AwardsAuthority *authority = g_ptr_array_index (authorities, i);
      g_autofree char *other = awards_text_fold (awards_authority_get_name (authority));

      if (g_strcmp0 (folded, other) == 0)
        {
          match = authority;
          n_matches++;
        }
      g_string_append_printf (names, "%s“%s”", i > 0 ? ", " : "",
                              awards_authority_get_name (authority));
    }
  if (n_matches == 1)
    return g_object_ref (match);
  g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_NOT_FOUND,
               _("There is no authority named “%s”. The authorities are: %s."), name,
               names->str);
  return NULL;
}

#define MAX_SUGGESTIONS 10

/**
 * awards_cli_find_organisation:
 * @store: the store
 * @name_or_id: what the user typed
 * @error: where to put the error
 *
 * Finds an organisation by number or by name, current or former, as the store does; a name
 * typed without accents ("htx bach dang") finds the one organisation whose name folds the same.
 * When nothing fits, the error lists organisations with similar names.
 *
 * Returns: (transfer full): the organisation, or %NULL
 */
AwardsOrganisation *
awards_cli_find_organisation (AwardsStore  *store,
                              const char   *name_or_id,
                              GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GString) message = NULL;
  g_autofree char *folded = NULL;
  AwardsOrganisation *organisation;
  gint64 match_id = 0;
  guint n_matches = 0;
  guint n_suggestions = 0;

  organisation = awards_store_find_organisation (store, name_or_id, &local_error);
  if (organisation != NULL)
    return organisation;
  if (!g_error_matches (local_error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  hits = awards_store_search (store, name_or_id, MAX_SUGGESTIONS * 5, NULL);
  folded = awards_text_fold (name_or_id);
  message = g_string_new (local_error->message);

  for (guint i = 0; hits != NULL && i < hits->len; i++)
    {
      const AwardsSearchHit *hit = g_ptr_array_index (hits, i);
      g_autofree char *folded_title = NULL;

      if (hit->kind != AWARDS_SEARCH_ORGANISATION)
        continue;

      folded_title = awards_text_fold (hit->title);
      if (g_strcmp0 (folded_title, folded) == 0)
        {
          match_id = hit->id;
          n_matches++;
        }

      if (n_suggestions < MAX_SUGGESTIONS)
        {
          if (n_suggestions == 0)
            g_string_append_printf (message, "\n%s", _("Organisations with similar names:"));
          g_string_append_printf (message, "\n  %" G_GINT64_FORMAT "\t%s", hit->id, hit->title);
          n_suggestions++;
        }
    }

  if (n_matches == 1)
    return awards_store_get_organisation (store, match_id, error);

  g_set_error_literal (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_NOT_FOUND, message->str);
  return NULL;
}

static gboolean
is_stdout (const char *path)
{
  return path == NULL || g_str_equal (path, "-");
}

/**
 * awards_cli_output_is_terminal:
 * @path: (nullable): --output, or %NULL
 *
 * Returns: whether results would go to a terminal, where binary formats do not belong
 */
gboolean
awards_cli_output_is_terminal (const char *path)
{
  return is_stdout (path) && isatty (STDOUT_FILENO);
}

/**
 * awards_cli_output_open:
 * @path: (nullable): --output; %NULL or "-" is stdout
 * @error: where to put the error
 *
 * Returns: (transfer full): a buffered stream; pass it to awards_cli_output_finish ()
 */
GOutputStream *
awards_cli_output_open (const char  *path,
                        GError     **error)
{
  g_autoptr(GOutputStream) base = NULL;
  GOutputStream *output;

  if (is_stdout (path))
    {
      /* What g_print () wrote so far must come first. */
      fflush (stdout);
      base = g_unix_output_stream_new (STDOUT_FILENO, FALSE);
    }
  else
    {
      /* A temporary file beside the destination, renamed over it once complete. */
      AwardsOutputFile *file = awards_output_file_new (path, error);

      if (file == NULL)
        return NULL;
      base = g_object_ref (awards_output_file_get_stream (file));
      g_object_set_data_full (G_OBJECT (base), "awards-cli-file", file,
                              (GDestroyNotify) awards_output_file_free);
    }

  output = g_buffered_output_stream_new_sized (base, 64 * 1024);
  return output;
}

/**
 * awards_cli_output_finish:
 * @output: (transfer full): from awards_cli_output_open ()
 * @success: whether everything was written; if not, an --output file is left as it was
 * @error: where to put the error
 *
 * Flushes and closes the output.
 *
 * Returns: %TRUE when @success and the output was written out
 */
gboolean
awards_cli_output_finish (GOutputStream  *output,
                          gboolean        success,
                          GError        **error)
{
  g_autoptr(GOutputStream) owned = output;
  GOutputStream *base = g_filter_output_stream_get_base_stream (G_FILTER_OUTPUT_STREAM (output));
  g_autoptr(AwardsOutputFile) file = g_object_steal_data (G_OBJECT (base), "awards-cli-file");

  if (file == NULL)
    {
      if (success)
        return g_output_stream_close (output, NULL, error);
      g_output_stream_flush (output, NULL, NULL);
      return FALSE;
    }

  /* The file is closed by its owner; without the commit the temporary file goes and the
   * destination stays as it was. */
  g_filter_output_stream_set_close_base_stream (G_FILTER_OUTPUT_STREAM (output), FALSE);
  if (!g_output_stream_close (output, NULL, success ? error : NULL) || !success)
    return FALSE;
  return awards_output_file_commit (file, error);
}
