/* test-window-undo-big.c: the window's Undo of an import too large for a changeset (issue 8)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <adwaita.h>

#include "awards-audit.h"
#include "awards-command.h"
#include "awards-command-private.h"
#include "awards-gui-utils.h"
#include "awards-import-dialog.h"
#include "awards-window-history.h"
#include "awards-window-private.h"
#include "awards-test-util.h"

/*
 * The limit above which an import keeps no changeset is lowered to one award, so that an import
 * of two made in the import dialog takes the path of a large one: it is undone by the ranges of
 * ids it created, through the same menu item and action as a small one, and cannot be redone.
 */

typedef struct
{
  char         *dir;
  AwardsStore  *store;
  AwardsWindow *window;
} Fixture;

#define WAIT_UNTIL(expr) AWARDS_TEST_WAIT_UNTIL (expr, 10)

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("test-window-undo-big-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "awards.db", NULL);
  fixture->store = awards_store_open (path, &error);
  g_assert_no_error (error);
  awards_test_seed (fixture->store);
  awards_command_set_max_undoable (1);

  fixture->window = g_object_ref_sink (awards_window_new (NULL, fixture->store));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gint64 end;

  awards_command_set_max_undoable (20000);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  end = g_get_monotonic_time () + 20000;
  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (2000);
  g_clear_object (&fixture->store);
  awards_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static gboolean
lists_organisation (Fixture    *fixture,
                    const char *name)
{
  GListModel *model = G_LIST_MODEL (awards_browse_view_get_model (
    awards_window_get_browse_view (fixture->window, "organisations")));

  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (AwardsOrganisation) organisation = g_list_model_get_item (model, i);

      if (organisation != NULL && g_strcmp0 (awards_organisation_get_name (organisation), name) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The label of the item at @position in the menu's first section (Undo, Redo). */
static char *
history_menu_label (Fixture *fixture,
                    int      position)
{
  GMenuModel *section = awards_window_history_get_menu_section (fixture->window);
  char *label = NULL;

  g_assert_nonnull (section);
  g_menu_model_get_item_attribute (section, position, G_MENU_ATTRIBUTE_LABEL, "s", &label);
  return label;
}

static guint
count_awards (Fixture *fixture)
{
  AwardsQuery query;

  awards_query_init (&query);
  return awards_store_count_commendations (fixture->store, &query, NULL);
}

static void
test_undo_large_import (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *csv = "decision_date,authority,award,recipient_type,recipient,organisation\n"
                    "28/12/2011,UBND huyện Thủy Nguyên,Giấy khen,collective,HTX Thủy Sơn,\n"
                    "28/12/2011,UBND huyện Thủy Nguyên,Giấy khen,individual,Lê Văn Tám,"
                    "HTX Thủy Sơn\n";
  g_autofree char *path = g_build_filename (fixture->dir, "thuy-nguyen.csv", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autofree char *label = NULL;
  g_autofree char *redo_label = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  AwardsAuditEntry *entry;
  AwardsImportDialog *dialog;
  guint before;

  g_assert_true (g_file_set_contents (path, csv, -1, NULL));
  before = count_awards (fixture);

  dialog = awards_import_dialog_new (GTK_WINDOW (fixture->window), fixture->store, file);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  WAIT_UNTIL (g_str_equal (awards_import_dialog_get_state (dialog), "preview"));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.start", NULL);
  WAIT_UNTIL (g_str_equal (awards_import_dialog_get_state (dialog), "done"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  WAIT_UNTIL (dialog == NULL);
  WAIT_UNTIL (lists_organisation (fixture, "HTX Thủy Sơn"));
  g_assert_cmpuint (count_awards (fixture), ==, before + 2);

  /* The import kept its ranges, not its rows. */
  entries = awards_store_list_audit (fixture->store, NULL, 1, &error);
  g_assert_no_error (error);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (entry->action, ==, "import");
  g_assert_cmpstr (entry->details, ==, "2 awards");
  g_assert_nonnull (entry->after);
  g_assert_true (g_str_has_prefix (entry->after, "{\"created\":{\"commendation\":["));

  label = history_menu_label (fixture, 0);
  g_assert_true (g_str_has_prefix (label, "Undo Import “"));
  g_assert_nonnull (strstr (label, "thuy-nguyen.csv”"));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  WAIT_UNTIL (!lists_organisation (fixture, "HTX Thủy Sơn"));
  g_assert_cmpuint (count_awards (fixture), ==, before);

  /* Nothing to redo: the menu's second item is the bare Redo. */
  WAIT_UNTIL (!awards_store_can_redo (fixture->store));
  redo_label = history_menu_label (fixture, 1);
  g_assert_cmpstr (redo_label, ==, "_Redo");
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *home = g_dir_make_tmp ("test-window-undo-big-home-XXXXXX", &error);
  const char *xdg[] = { "XDG_RUNTIME_DIR", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME" };
  int result;

  /* The window keeps its state in the user's folders: the test's own ones. */
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (xdg); i++)
    {
      g_autofree char *dir = g_build_filename (home, xdg[i], NULL);

      g_mkdir_with_parents (dir, 0700);
      g_setenv (xdg[i], dir, TRUE);
    }

  gtk_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "C.UTF-8");
  adw_init ();
  awards_gui_ensure_resources ();
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

  g_test_add ("/window-undo-big/import", Fixture, NULL, fixture_set_up, test_undo_large_import,
              fixture_tear_down);
  result = g_test_run ();
  awards_test_remove_tree (home);
  return result;
}
