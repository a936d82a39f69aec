/* awards-shortcuts-window.c: the shortcuts window in the interface language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "awards-shortcuts-window.h"

/* Replaces the header's own "Shortcuts" label, which GTK translates from its catalogue. */
static void
retitle_labels (GtkWidget  *widget,
                const char *english,
                const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) &&
          (g_strcmp0 (gtk_label_get_label (GTK_LABEL (child)), english) == 0 ||
           g_strcmp0 (gtk_label_get_label (GTK_LABEL (child)),
                      g_dgettext ("gtk40", english)) == 0))
        gtk_label_set_label (GTK_LABEL (child), title);
      else
        retitle_labels (child, english, title);
    }
}

/**
 * awards_shortcuts_window_translate:
 * @window: the application's #GtkShortcutsWindow
 *
 * GTK 4.8 has no Vietnamese for the title of its shortcuts window; this gives the window and
 * its header our own title, from our catalogue.
 */
void
awards_shortcuts_window_translate (GtkWindow *window)
{
  GtkWidget *titlebar;

  g_return_if_fail (GTK_IS_WINDOW (window));

  gtk_window_set_title (window, _("Keyboard Shortcuts"));
  titlebar = gtk_window_get_titlebar (window);
  if (titlebar != NULL)
    retitle_labels (titlebar, "Shortcuts", _("Keyboard Shortcuts"));
}
