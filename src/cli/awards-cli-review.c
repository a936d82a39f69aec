/* awards-cli-review.c: import-ratings and eligible
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "awards-cli-review.h"
#include "awards-importer.h"
#include "awards-ratings-import.h"

/**
 * awards_cli_import_ratings:
 *
 * `import-ratings FILE… [--dry-run]`: adds annual ratings and initiatives, all or nothing.
 */
int
awards_cli_import_ratings (AwardsCli  *cli,
                           int         argc,
                           char      **argv)
{
  gboolean dry_run = FALSE;
  const GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Check the file and say what would be imported, without writing anything"), NULL },
    G_OPTION_ENTRY_NULL
  };
  const AwardsCliSyntax syntax = {
    entries,
    N_("Each FILE is CSV in UTF-8 with a header row. Ratings: recipient_type, recipient, "
       "organisation, year, rating. Initiatives: recipient_type, recipient, organisation, "
       "year, title, scope (cơ sở, tỉnh or toàn quốc). Nothing is written unless every row of "
       "every file is good; each bad row is reported as FILE:LINE: message."),
    1, G_MAXUINT, FALSE,
  };
  g_auto(GStrv) args = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsStore) store = NULL;
  guint n_ratings = 0;
  guint n_initiatives = 0;
  int status;

  if (!awards_cli_parse (cli, &syntax, argc, argv, &args, &status))
    return status;

  /* Checked before the store is opened, so that a mistyped name creates no database. */
  for (guint i = 0; args[i] != NULL; i++)
    if (!g_file_test (args[i], G_FILE_TEST_IS_REGULAR))
      return awards_cli_fail_message (cli, _("Could not open “%s”: there is no such file."),
                                      args[i]);

  store = awards_cli_open_store (cli, &error);
  if (store == NULL)
    return awards_cli_fail (cli, error);

  if (!awards_ratings_import_files (store, (const char * const *)args, dry_run, &n_ratings,
                                    &n_initiatives, &error))
    {
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
    g_print (_("The files are valid: %u ratings and %u initiatives would be imported.\n"),
             n_ratings, n_initiatives);
  else
    g_print (_("Imported %u ratings and %u initiatives.\n"), n_ratings, n_initiatives);
  return AWARDS_CLI_EXIT_SUCCESS;
}
