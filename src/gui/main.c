/* main.c: the coop-awards program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "awards-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr (AwardsApplication) application = NULL;
  const char *localedir = g_getenv ("COOP_AWARDS_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* Run from the build tree, the catalogues are in build/po rather than installed. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && localedir[0] != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Coop Awards"));

  application = awards_application_new (G_APPLICATION_DEFAULT_FLAGS);

  return g_application_run (G_APPLICATION (application), argc, argv);
}
