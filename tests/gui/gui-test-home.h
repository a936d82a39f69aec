/* gui-test-home.h: a private home for a run of a widget test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <glib/gstdio.h>

/* Points the XDG folders (runtime, cache, configuration, data) into a new folder, so that the test
 * neither reads nor changes the user's own settings, recent databases or caches. Returns the
 * folder, for awards_test_remove_tree () at the end. */
static inline char *
gui_test_make_home (const char *name)
{
  static const char *const xdg[] = {
    "XDG_RUNTIME_DIR", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME",
  };
  g_autoptr (GError) error = NULL;
  g_autofree char *template = g_strconcat (name, "-home-XXXXXX", NULL);
  char *home = g_dir_make_tmp (template, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (xdg); i++)
    {
      g_autofree char *dir = g_build_filename (home, xdg[i], NULL);

      g_mkdir_with_parents (dir, 0700);
      g_setenv (xdg[i], dir, TRUE);
    }
  return home;
}
