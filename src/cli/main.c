/* main.c: coop-awards-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "awards-cli.h"

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("COOP_AWARDS_LOCALEDIR");

  /* Tests point this at the translations compiled in the build tree. */
  if (localedir == NULL || localedir[0] == '\0')
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_prgname ("coop-awards-cli");

  return awards_cli_run (argc, argv);
}
