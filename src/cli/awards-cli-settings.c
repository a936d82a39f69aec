/* awards-cli-settings.c: the settings command (the office profile)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "awards-cli-private.h"
#include "awards-official-layout.h"
#include "awards-settings.h"

static int
unknown_key (AwardsCli  *cli,
             const char *key)
{
  g_autofree char *keys = g_strjoinv (", ", (GStrv) awards_settings_get_keys ());

  return awards_cli_usage_error (cli, _("Unknown setting “%s”. The settings are: %s."), key,
                                 keys);
}

/**
 * awards_cli_settings:
 *
 * `settings list | get KEY | set KEY VALUE`: reads and writes the office profile kept in the
 * database.
 */
int
awards_cli_settings (AwardsCli  *cli,
                     int         argc,
                     char      **argv)
{
  const AwardsCliSyntax syntax = {
    NULL,
    N_("Settings:\n"
       "  office.parent         the governing body, printed above the office's name\n"
       "  office.name           the office's name\n"
       "  office.abbreviation   its abbreviation in document numbers (Số: …/BC-ABBR)\n"
       "  office.place          the place in the date line (Hải Phòng, ngày …)\n"
       "  signer.form           TM., KT. or none\n"
       "  signer.head_title     with KT.: the title the deputy signs for\n"
       "  signer.title          the signer's title\n"
       "  signer.name           the signer's name\n"
       "  year.start            the reporting year's first day, dd/mm (01/12)\n"
       "  report.font           the font of printed documents\n"
       "  report.font_size      its size in points\n"
       "\n"
       "An empty VALUE returns a setting to its default."),
    1, 3, TRUE,
  };
  g_auto(GStrv) args = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsStore) store = NULL;
  const char *action;
  guint n_args;
  int status;

  if (!awards_cli_parse (cli, &syntax, argc, argv, &args, &status))
    return status;

  action = args[0];
  n_args = g_strv_length (args) - 1;
  if (g_str_equal (action, "list"))
    {
      if (n_args > 0)
        return awards_cli_usage_error (cli, _("Unexpected argument “%s”."), args[1]);
    }
  else if (g_str_equal (action, "get"))
    {
      if (n_args != 1)
        return awards_cli_usage_error (cli, _("“settings get” needs one KEY."));
      if (!awards_settings_is_key (args[1]))
        return unknown_key (cli, args[1]);
    }
  else if (g_str_equal (action, "set"))
    {
      if (n_args != 2)
        return awards_cli_usage_error (cli, _("“settings set” needs a KEY and a VALUE."));
      if (!awards_settings_is_key (args[1]))
        return unknown_key (cli, args[1]);
    }
  else
    return awards_cli_usage_error (cli, _("Unknown settings action “%s”: use list, get or set."),
                                   action);

  store = awards_cli_open_store (cli, &error);
  if (store == NULL)
    return awards_cli_fail (cli, error);

  if (g_str_equal (action, "list"))
    {
      g_autoptr (GHashTable) table = awards_store_list_settings (store, &error);
      const char * const *keys = awards_settings_get_keys ();

      if (table == NULL)
        return awards_cli_fail (cli, error);
      for (guint i = 0; keys[i] != NULL; i++)
        g_print ("%s=%s\n", keys[i], (const char *) g_hash_table_lookup (table, keys[i]));
    }
  else if (g_str_equal (action, "get"))
    {
      g_autofree char *value = awards_store_get_setting (store, args[1], &error);

      if (value == NULL)
        return awards_cli_fail (cli, error);
      g_print ("%s\n", value);
    }
  else
    {
      /* A font the documents would not be printed in is refused, rather than kept and passed
       * over at every print. */
      g_autofree char *problem = g_str_equal (args[1], "report.font")
                                 ? awards_official_family_problem (g_strstrip (args[2])) : NULL;

      if (problem != NULL)
        return awards_cli_fail_message (cli, "%s: %s", args[1], problem);
      if (!awards_store_set_setting (store, args[1], args[2], &error))
        return awards_cli_fail_message (cli, "%s: %s", args[1], error->message);
    }

  return AWARDS_CLI_EXIT_SUCCESS;
}
