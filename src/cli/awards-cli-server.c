/* awards-cli-server.c: init-server and copy, the commands that set up and fill a shared database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <unistd.h>

#include "awards-cli-server.h"
#include "awards-count-format.h"
#include "awards-db-copy.h"
#include "awards-db-schema.h"
#include "awards-store-open.h"

/**
 * awards_cli_init_server:
 *
 * `init-server URI`: makes a database on a PostgreSQL server a Coop Awards database; running it
 * again changes nothing.
 */
int
awards_cli_init_server (AwardsCli  *cli,
                        int         argc,
                        char      **argv)
{
  const AwardsCliSyntax syntax = {
    NULL,
    N_("URI is a PostgreSQL address, e.g. postgresql://clerk@server/awards, or libpq's\n"
       "keyword form (\"host=server dbname=awards\"). The database must exist; ask the\n"
       "server's administrator to create it. Running this again changes nothing."),
    1, 1, FALSE,
  };
  g_auto(GStrv) args = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  gboolean created = FALSE;
  gboolean updated = FALSE;
  int status;

  if (!awards_cli_parse (cli, &syntax, argc, argv, &args, &status))
    return status;

  if (!awards_store_init_server (args[0], &created, &updated, &error))
    return awards_cli_fail (cli, error);

  display = awards_db_name_for_display (args[0]);
  if (created)
    g_print (_("“%s” is now a Coop Awards database.\n"), display);
  else if (updated)
    g_print (_("“%s” was set up by an earlier version of Coop Awards and has been brought up to "
               "date; its records are as they were.\n"), display);
  else
    g_print (_("“%s” is already a Coop Awards database of this version; nothing was changed.\n"),
             display);
  return AWARDS_CLI_EXIT_SUCCESS;
}

static void
copy_progress (const char *table,
               gint64      rows,
               gpointer    user_data)
{
  g_autofree char *count = awards_count_format (rows);

  if (GPOINTER_TO_INT (user_data))
    g_printerr (_("Copied %s: %s rows so far\n"), table, count);
}

/**
 * awards_cli_copy:
 *
 * `copy --from FILE-OR-URI --to FILE-OR-URI`: copies a whole database between the two backends
 * (or between two files, or two servers), verified before it is committed.
 */
int
awards_cli_copy (AwardsCli  *cli,
                 int         argc,
                 char      **argv)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_FILENAME, &from, N_("The database to copy"),
      N_("FILE-OR-URI") },
    { "to", 0, 0, G_OPTION_ARG_FILENAME, &to,
      N_("Where to copy it: a new file, or an empty server database"), N_("FILE-OR-URI") },
    G_OPTION_ENTRY_NULL
  };
  const AwardsCliSyntax syntax = {
    entries,
    N_("Copies every record, the history of changes and the settings. A file is written\n"
       "new (an existing file is never replaced); a server database must be empty or\n"
       "freshly set up. The copy is checked row by row against the source before it is\n"
       "kept; on any error nothing is kept."),
    0, 0, FALSE,
  };
  g_auto(GStrv) args = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *from_display = NULL;
  g_autofree char *to_display = NULL;
  g_autofree char *awards = NULL;
  g_autofree char *rows = NULL;
  AwardsDbCopyResult result;
  int status;

  if (!awards_cli_parse (cli, &syntax, argc, argv, &args, &status))
    return status;
  if (from == NULL || to == NULL)
    return awards_cli_usage_error (cli, _("Say which database to copy and where to."));

  if (!awards_db_copy (from, to, copy_progress, GINT_TO_POINTER (isatty (STDERR_FILENO)),
                       &result, &error))
    return awards_cli_fail (cli, error);

  from_display = awards_db_name_for_display (from);
  to_display = awards_db_name_for_display (to);
  awards = awards_count_format (result.awards);
  rows = awards_count_format (result.rows);
  g_print (_("Copied %s awards (%s rows in all) from “%s” to “%s”; the copy was checked against "
             "its source: the same rows, SHA-256 %s.\n"),
           awards, rows, from_display, to_display, result.checksum);
  /* A new server database is its owner's until the office's groups are given their rights. */
  if (awards_db_name_is_server (to))
    g_print (_("Before the office's clerks and readers open it, its owner runs "
               "office-roles.sql on it (see the README, \"Sharing one database in an "
               "office\").\n"));
  return AWARDS_CLI_EXIT_SUCCESS;
}
