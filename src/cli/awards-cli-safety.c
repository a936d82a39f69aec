/* awards-cli-safety.c: the backup, restore and check commands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "awards-cli-private.h"
#include "awards-db-copy.h"
#include "awards-output-file.h"
#include "awards-store-owners.h"
#include "awards-store-repair.h"

static gboolean
same_file (const char *a,
           const char *b)
{
  g_autofree char *canonical_a = g_canonicalize_filename (a, NULL);
  g_autofree char *canonical_b = g_canonicalize_filename (b, NULL);
  GStatBuf stat_a;
  GStatBuf stat_b;

  if (g_str_equal (canonical_a, canonical_b))
    return TRUE;
  /* Links and other spellings of one file. */
  return g_stat (a, &stat_a) == 0 && g_stat (b, &stat_b) == 0 &&
         stat_a.st_dev == stat_b.st_dev && stat_a.st_ino == stat_b.st_ino;
}

/* A server database is backed up into a file by copying it, checked, into a private folder beside
 * DEST, then renaming the copy over DEST in one step. */
static int
backup_server (AwardsCli  *cli,
               const char *database,
               const char *dest)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *display_database = awards_db_name_for_display (database);
  g_autofree char *display_destination = g_filename_display_name (dest);
  g_autofree char *folder = g_path_get_dirname (dest);
  g_autofree char *work = g_build_filename (folder, ".coop-awards-backup-XXXXXX", NULL);
  g_autofree char *copy = NULL;
  AwardsDbCopyResult result;
  gboolean ok;

  if (g_file_test (dest, G_FILE_TEST_IS_DIR))
    return awards_cli_fail_message (cli, _("“%s” is a folder: name the backup file."),
                                    display_destination);
  /* The rule of every written file: never a device, a folder or a link to a database. */
  if (!awards_output_file_check (dest, &error))
    return awards_cli_fail (cli, error);
  if (g_mkdtemp_full (work, 0700) == NULL)
    return awards_cli_fail_message (cli, _("Cannot write in the folder “%s”: %s."), folder,
                                    g_strerror (errno));
  copy = g_build_filename (work, "backup.db", NULL);
  ok = awards_db_copy (database, copy, NULL, NULL, &result, &error);
  if (ok && g_rename (copy, dest) != 0)
    {
      int saved = errno;

      g_set_error (&error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot create “%s”: %s."), display_destination, g_strerror (saved));
      ok = FALSE;
    }
  g_unlink (copy);
  g_rmdir (work);
  if (!ok)
    return awards_cli_fail (cli, error);

  g_print (_("Backed up %s to %s."), display_database, display_destination);
  g_print ("\n");
  return AWARDS_CLI_EXIT_SUCCESS;
}

/**
 * awards_cli_backup:
 *
 * `backup DEST`: a consistent copy of the database, checked before it replaces DEST.
 */
int
awards_cli_backup (AwardsCli  *cli,
                   int         argc,
                   char      **argv)
{
  const AwardsCliSyntax syntax = {
    NULL,
    N_("The copy is made while the database may be in use, and its integrity is checked before "
       "it replaces an existing DEST."),
    1, 1, FALSE,
  };
  g_auto(GStrv) args = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsStore) store = NULL;
  g_autofree char *database = NULL;
  g_autofree char *display_database = NULL;
  g_autofree char *display_destination = NULL;
  int status;

  if (!awards_cli_parse (cli, &syntax, argc, argv, &args, &status))
    return status;

  database = awards_cli_get_database (cli);
  display_database = g_filename_display_name (database);
  display_destination = g_filename_display_name (args[0]);

  if (awards_db_name_is_server (database))
    return backup_server (cli, database, args[0]);

  if (same_file (database, args[0]))
    return awards_cli_fail_message (cli, _("“%s” is the database itself: choose another file "
                                           "for the backup."), display_destination);
  if (g_file_test (args[0], G_FILE_TEST_IS_DIR))
    return awards_cli_fail_message (cli, _("“%s” is a folder: name the backup file."),
                                    display_destination);

  store = awards_cli_open_store_for_reading (cli, &error);
  if (store == NULL)
    return awards_cli_fail (cli, error);

  if (!awards_store_backup (store, args[0], &error))
    return awards_cli_fail (cli, error);

  g_print (_("Backed up %s to %s."), display_database, display_destination);
  g_print ("\n");
  return AWARDS_CLI_EXIT_SUCCESS;
}

/**
 * awards_cli_restore:
 *
 * `restore SRC`: replaces the database with a checked backup, keeping a copy of the old one.
 */
int
awards_cli_restore (AwardsCli  *cli,
                    int         argc,
                    char      **argv)
{
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_("Restore even while other programs have the database open; they reload it"), NULL },
    { NULL }
  };
  const AwardsCliSyntax syntax = {
    entries,
    N_("SRC is checked first; the database it replaces is kept beside it, named with the date "
       "and time. The restore is refused while another program has the database open, and "
       "no program can open it until the restore is over."),
    1, 1, FALSE,
  };
  g_auto(GStrv) args = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *database = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *saved_copy = NULL;
  g_autofree char *display_database = NULL;
  g_autofree char *display_source = NULL;
  int status;

  if (!awards_cli_parse (cli, &syntax, argc, argv, &args, &status))
    return status;

  database = awards_cli_get_database (cli);
  display_database = g_filename_display_name (database);
  display_source = g_filename_display_name (args[0]);

  if (awards_db_name_is_server (database))
    {
      g_autoptr(GError) refusal = NULL;

      awards_store_restore_full (database, args[0], force, NULL, &refusal);
      return awards_cli_fail (cli, refusal);
    }
  if (!g_file_test (args[0], G_FILE_TEST_EXISTS))
    return awards_cli_fail_message (cli, _("The backup “%s” does not exist."), display_source);
  if (same_file (database, args[0]))
    return awards_cli_fail_message (cli, _("“%s” is the database itself: name a backup."),
                                    display_source);

  /* Restoring onto a new machine: the data folder may not exist yet. */
  folder = g_path_get_dirname (database);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display_folder = g_filename_display_name (folder);

      return awards_cli_fail_message (cli, _("Could not create the folder “%s”: %s"),
                                      display_folder, g_strerror (saved_errno));
    }

  if (!awards_store_restore_full (database, args[0], force, &saved_copy, &error))
    return awards_cli_fail (cli, error);

  g_print (_("Restored %s from %s."), display_database, display_source);
  g_print ("\n");
  if (saved_copy != NULL)
    {
      g_autofree char *display_copy = g_filename_display_name (saved_copy);

      g_print (_("The database it replaced was kept as %s."), display_copy);
      g_print ("\n");
    }
  return AWARDS_CLI_EXIT_SUCCESS;
}

/**
 * awards_cli_check:
 *
 * `check`: the file's integrity and the consistency of the data; exit status 1 on problems.
 */
int
awards_cli_check (AwardsCli  *cli,
                  int         argc,
                  char      **argv)
{
  gboolean repair = FALSE;
  const GOptionEntry entries[] = {
    { "repair", 0, 0, G_OPTION_ARG_NONE, &repair,
      N_("First remove invisible characters from names and merge the look-alike records"),
      NULL },
    { NULL }
  };
  const AwardsCliSyntax syntax = {
    entries,
    N_("Looks for damage in the file, broken references, awards without a decision, duplicate "
       "organisations and people, names with invisible characters and look-alike records, and "
       "empty decisions. Each problem is printed on a line; the exit status is 1 when there is "
       "any."),
    0, 0, FALSE,
  };
  g_auto(GStrv) args = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsStore) store = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  int status;

  if (!awards_cli_parse (cli, &syntax, argc, argv, &args, &status))
    return status;

  /* A repair writes (and logs what it merged); a check only reads. */
  store = repair ? awards_cli_open_store (cli, &error)
                 : awards_cli_open_store_for_reading (cli, &error);
  if (store == NULL)
    return awards_cli_fail (cli, error);

  if (repair)
    {
      guint n_repaired = 0;

      if (!awards_store_repair_names (store, &n_repaired, &error))
        return awards_cli_fail (cli, error);
      g_print (ngettext ("Cleaned or merged %u record.", "Cleaned or merged %u records.",
                         n_repaired), n_repaired);
      g_print ("\n");
    }

  problems = awards_store_check (store, &error);
  if (problems == NULL || !awards_store_check_names (store, problems, &error))
    return awards_cli_fail (cli, error);

  if (problems->len == 0)
    {
      g_print ("%s\n", _("No problems found."));
      return AWARDS_CLI_EXIT_SUCCESS;
    }

  for (guint i = 0; i < problems->len; i++)
    g_print ("%s\n", (const char *) g_ptr_array_index (problems, i));
  g_printerr (ngettext ("%u problem found.", "%u problems found.", problems->len),
              problems->len);
  g_printerr ("\n");
  return AWARDS_CLI_EXIT_FAILURE;
}
