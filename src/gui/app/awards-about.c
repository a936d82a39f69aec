/* awards-about.c: the About window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "awards-about.h"

/**
 * awards_about_window_new:
 * @parent: (nullable): the window it belongs to
 *
 * The window's own title is set here: libadwaita 1.2 has no Vietnamese for "About", and a
 * Vietnamese interface would otherwise show an English title.
 *
 * Returns: (transfer none): a new About window, not shown yet
 */
GtkWindow *
awards_about_window_new (GtkWindow *parent)
{
  static const char *developers[] = { "Coop Awards contributors", NULL };

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (ADW_TYPE_ABOUT_WINDOW,
                       "transient-for", parent,
                       "title", _("About Coop Awards"),
                       "application-icon", APP_ID,
                       "application-name", _("Coop Awards"),
                       "developer-name", _("Coop Awards contributors"),
                       "version", PACKAGE_VERSION,
                       "comments", _("Keep the record of every award that cooperatives and "
                                     "their people received, and print the summaries."),
                       "website", "https://github.com/coopawards/coop-awards",
                       "issue-url", "https://github.com/coopawards/coop-awards/issues",
                       "license-type", GTK_LICENSE_GPL_3_0,
                       "developers", developers,
                       /* Translators: put your names here, one per line. */
                       "translator-credits", _("translator-credits"),
                       NULL);
}
