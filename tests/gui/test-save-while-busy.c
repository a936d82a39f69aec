/* test-save-while-busy.c: a save and an undo wait for another program's write, the window
 * does not: it goes on answering, shows the editor busy, and the write completes afterwards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "gui-test-home.h"
#include "awards-application.h"
#include "awards-command.h"
#include "awards-editor-base.h"
#include "awards-gui-utils.h"
#include "awards-organisation-editor.h"
#include "awards-store-async.h"
#include "awards-store-private.h"
#include "awards-window-history.h"
#include "awards-window-private.h"
#include "awards-test-util.h"

typedef struct
{
  char         *dir;
  char         *path;
  AwardsStore  *store;
  AwardsWindow *window;
  sqlite3      *other;      /* another program's connection, holding the write lock */
} Fixture;

#define WAIT_UNTIL(expr) AWARDS_TEST_WAIT_UNTIL (expr, 10)

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("test-save-while-busy-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "awards.db", NULL);
  fixture->store = awards_store_open (fixture->path, &error);
  g_assert_no_error (error);
  awards_test_seed (fixture->store);

  fixture->window = g_object_ref_sink (awards_window_new (NULL, fixture->store));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_cmpint (sqlite3_open (fixture->path, &fixture->other), ==, SQLITE_OK);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  sqlite3_close (fixture->other);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  awards_test_settle (20);
  g_clear_object (&fixture->store);
  awards_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* Another program starts a write and keeps it open: nobody else can write until it ends. */
static void
hold_write_lock (Fixture *fixture)
{
  g_assert_cmpint (sqlite3_exec (fixture->other, "BEGIN IMMEDIATE;"
                                 "UPDATE organisation SET notes = notes WHERE id = 1;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
}

static void
release_write_lock (Fixture *fixture)
{
  g_assert_cmpint (sqlite3_exec (fixture->other, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
}

static gboolean
count_turn_cb (gpointer data)
{
  guint *turns = data;

  (*turns)++;
  return G_SOURCE_CONTINUE;
}

static void
listed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GPtrArray **page = user_data;
  g_autoptr (GError) error = NULL;

  *page = awards_store_list_organisations_finish (AWARDS_STORE (source), result, &error);
  g_assert_no_error (error);
}

/*
 * While the write waits, the main loop turns (an idle source counts its turns) and a list page
 * asked of the store answers. Neither could happen if the main thread waited for the lock,
 * which only the test itself releases, from this same main loop.
 */
static void
assert_window_answers (Fixture *fixture)
{
  g_autoptr (GPtrArray) page = NULL;
  guint turns = 0;
  guint idle_id = g_idle_add (count_turn_cb, &turns);

  awards_store_list_organisations_async (fixture->store, NULL, 0, 50, NULL, listed_cb, &page);
  WAIT_UNTIL (page != NULL && turns >= 20);
  g_source_remove (idle_id);
  g_assert_cmpuint (page->len, ==, awards_store_count_organisations (fixture->store, NULL,
                                                                     NULL));
}

static GtkWidget *
find_save_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "editor.save") == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_save_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_is_visible (widget) &&
      strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;
  return FALSE;
}

static AwardsOrganisationEditor *
new_organisation_editor (Fixture    *fixture,
                         const char *name)
{
  AwardsOrganisationEditor *editor;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-organisation", NULL);
  editor = AWARDS_ORGANISATION_EDITOR (awards_window_get_editor (fixture->window));
  g_assert_nonnull (editor);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (editor));
  gtk_editable_set_text (awards_organisation_editor_get_entry (editor, "name"), name);
  return editor;
}

/* Whether the main menu's Undo or Redo item says @label (it is enabled with that label). */
static gboolean
menu_offers (Fixture    *fixture,
             const char *label)
{
  GMenuModel *section = awards_window_history_get_menu_section (fixture->window);

  for (int i = 0; i < g_menu_model_get_n_items (section); i++)
    {
      g_autofree char *item = NULL;

      g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_LABEL, "s", &item);
      if (g_strcmp0 (item, label) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
stored (Fixture    *fixture,
        const char *name)
{
  g_autoptr (AwardsOrganisation) organisation =
    awards_store_find_organisation (fixture->store, name, NULL);

  return organisation != NULL;
}

static void
test_save_and_undo_wait_for_other_writer (Fixture       *fixture,
                                          gconstpointer  data)
{
  AwardsOrganisationEditor *editor = new_organisation_editor (fixture, "HTX Cát Hải");
  GtkWidget *save_button = find_save_button (GTK_WIDGET (editor));

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_assert_nonnull (save_button);
  g_assert_true (gtk_widget_is_sensitive (save_button));

  /* Saved while another program writes: the editor waits, busy; the window does not. */
  hold_write_lock (fixture);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_nonnull (editor);
  g_assert_true (awards_editor_base_get_saving (AWARDS_EDITOR_BASE (editor)));
  g_assert_false (gtk_widget_is_sensitive (save_button));
  assert_window_answers (fixture);
  g_assert_nonnull (editor);
  g_assert_true (awards_editor_base_get_saving (AWARDS_EDITOR_BASE (editor)));
  g_assert_false (stored (fixture, "HTX Cát Hải"));

  /* Closing waits for the write rather than losing it. */
  gtk_window_close (GTK_WINDOW (editor));
  g_assert_nonnull (editor);

  /* When the other program is done, the save goes through and the editor closes. */
  release_write_lock (fixture);
  WAIT_UNTIL (editor == NULL);
  g_assert_true (stored (fixture, "HTX Cát Hải"));
  WAIT_UNTIL (menu_offers (fixture, "Undo Add “HTX Cát Hải”"));

  /* An undo waits the same way, and so does not the window. */
  hold_write_lock (fixture);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_true (awards_window_history_get_stepping (fixture->window));
  assert_window_answers (fixture);
  g_assert_true (awards_window_history_get_stepping (fixture->window));
  g_assert_true (stored (fixture, "HTX Cát Hải"));

  release_write_lock (fixture);
  WAIT_UNTIL (!awards_window_history_get_stepping (fixture->window));
  g_assert_false (stored (fixture, "HTX Cát Hải"));
  WAIT_UNTIL (menu_offers (fixture, "Redo Add “HTX Cát Hải”"));
}

/* A write that gives up says why, in the editor, which stays open and can save again. */
static void
test_save_gives_up (Fixture       *fixture,
                    gconstpointer  data)
{
  AwardsOrganisationEditor *editor = new_organisation_editor (fixture, "HTX Phù Long");
  GtkWidget *save_button = find_save_button (GTK_WIDGET (editor));

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  /* Set before any write is asked, so that no thread uses the connection meanwhile. */
  sqlite3_busy_timeout (awards_store_get_db (fixture->store), 50);

  hold_write_lock (fixture);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  WAIT_UNTIL (!awards_editor_base_get_saving (AWARDS_EDITOR_BASE (editor)));
  g_assert_nonnull (editor);
  g_assert_true (shows_text (GTK_WIDGET (editor), "another program is writing, try again"));
  g_assert_true (gtk_widget_is_sensitive (save_button));
  g_assert_false (stored (fixture, "HTX Phù Long"));

  release_write_lock (fixture);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  WAIT_UNTIL (editor == NULL);
  g_assert_true (stored (fixture, "HTX Phù Long"));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = gui_test_make_home ("test-save-while-busy");
  int result;

  gtk_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "C.UTF-8");
  adw_init ();
  awards_gui_ensure_resources ();
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

  g_test_add ("/save-while-busy/save-and-undo", Fixture, NULL, fixture_set_up,
              test_save_and_undo_wait_for_other_writer, fixture_tear_down);
  g_test_add ("/save-while-busy/gives-up", Fixture, NULL, fixture_set_up, test_save_gives_up,
              fixture_tear_down);

  result = g_test_run ();
  awards_test_remove_tree (home);

  return result;
}
