/* gui-test-wait.h: turning the main loop and pressing real keys, for the widget tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <gdk/x11/gdkx.h>

static inline void
gui_test_iterate (void)
{
  if (!g_main_context_iteration (NULL, FALSE))
    g_usleep (2000);
}

/* Turns the main loop until @expr holds, for five seconds at most. */
#define GUI_TEST_WAIT_UNTIL(expr)                                               \
  G_STMT_START {                                                                \
    gint64 wait_end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;             \
    while (!(expr) && g_get_monotonic_time () < wait_end)                       \
      gui_test_iterate ();                                                      \
    if (!(expr))                                                                \
      g_error ("Timed out waiting for %s", #expr);                              \
  } G_STMT_END

/* Lets pending work (redraws, idles, search delays) run for @ms milliseconds. */
static inline void
gui_test_settle (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    gui_test_iterate ();
}

/* Presses @keys (xdotool names separated by spaces, e.g. "Escape", "ctrl+n", "h a i") on the X display as a person would,
 * into the window that has the focus, and lets GTK handle them. Returns FALSE when xdotool is
 * missing, so that the caller can skip. */
static inline gboolean
gui_test_press_keys (const char *keys)
{
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  g_auto (GStrv) names = g_strsplit (keys, " ", -1);
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  int status = 0;

  if (xdotool == NULL)
    return FALSE;

  g_ptr_array_add (argv, xdotool);
  g_ptr_array_add (argv, (char *) "key");
  g_ptr_array_add (argv, (char *) "--delay");
  g_ptr_array_add (argv, (char *) "30");
  for (guint i = 0; names[i] != NULL; i++)
    g_ptr_array_add (argv, names[i]);
  g_ptr_array_add (argv, NULL);

  gui_test_settle (50);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  gui_test_settle (150);

  return TRUE;
}

/* Gives @window the keyboard focus as a window manager would, and waits until GTK knows. With
 * no window manager, nothing gives the focus back to a window when another one closes, and
 * gtk_window_present () alone is not enough. Returns FALSE when xdotool is missing. */
static inline gboolean
gui_test_focus_window (GtkWindow *window)
{
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  g_autofree char *xid = NULL;
  g_autoptr (GError) error = NULL;
  GdkSurface *surface;
  int status = 0;

  if (xdotool == NULL)
    return FALSE;

  gtk_window_present (window);
  surface = gtk_native_get_surface (GTK_NATIVE (window));
  if (GDK_IS_X11_SURFACE (surface))
    {
      const char *argv[] = { xdotool, "windowfocus", "--sync", NULL, NULL };

      xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
      argv[3] = xid;
      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                    &status, &error);
      g_assert_no_error (error);
    }
  GUI_TEST_WAIT_UNTIL (gtk_window_is_active (window));

  return TRUE;
}
