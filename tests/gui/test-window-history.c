/* test-window-history.c: undo, redo, the History section and other writers, in a real window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <adwaita.h>
#include <sqlite3.h>

#include "gui-test-find.h"
#include "gui-test-home.h"
#include "awards-application.h"
#include "awards-command.h"
#include "awards-gui-utils.h"
#include "awards-history-view.h"
#include "awards-commendation-editor.h"
#include "awards-decision-editor.h"
#include "awards-import-dialog.h"
#include "awards-organisation-editor.h"
#include "awards-organisation-page.h"
#include "awards-window-history.h"
#include "awards-window-private.h"
#include "awards-test-pg.h"
#include "awards-test-util.h"

/* Every test runs on a file, and again ("/server/…") on a database on the test server that the
 * same records were copied onto: two windows of two desktops are two stores of one database. */

typedef struct
{
  char         *dir;
  char         *path;     /* the file, or the server database's address */
  char         *server;
  AwardsStore  *store;
  AwardsWindow *window;
} Fixture;

#define WAIT_UNTIL(expr) AWARDS_TEST_WAIT_UNTIL (expr, 10)

static void
iterate (void)
{
  if (!g_main_context_iteration (NULL, FALSE))
    g_usleep (2000);
}

static void
settle (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    iterate ();
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("test-window-history-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "awards.db", NULL);
  fixture->store = awards_store_open (fixture->path, &error);
  g_assert_no_error (error);
  awards_test_seed (fixture->store);
  if (data != NULL)
    {
      g_clear_object (&fixture->store);
      fixture->server = awards_test_pg_new_database (NULL);
      g_assert_nonnull (fixture->server);
      awards_test_pg_copy_file (fixture->path, fixture->server);
      g_free (fixture->path);
      fixture->path = g_strdup (fixture->server);
      fixture->store = awards_store_open (fixture->path, &error);
      g_assert_no_error (error);
    }

  fixture->window = g_object_ref_sink (awards_window_new (NULL, fixture->store));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  settle (20);
  g_clear_object (&fixture->store);
  if (fixture->server != NULL)
    awards_test_pg_drop_database (fixture->server);
  g_free (fixture->server);
  awards_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static GListModel *
organisations (Fixture *fixture)
{
  return G_LIST_MODEL (awards_browse_view_get_model (
    awards_window_get_browse_view (fixture->window, "organisations")));
}

static gboolean
lists_organisation (Fixture    *fixture,
                    const char *name)
{
  GListModel *model = organisations (fixture);

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

/* Undoes or redoes as Ctrl+Z does, once the step before has finished: until its answer comes
 * back from the write thread the window takes no other (the list may show the change first). */
static void
step (Fixture    *fixture,
      const char *action)
{
  WAIT_UNTIL (!awards_window_history_get_stepping (fixture->window));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), action, NULL);
  g_assert_true (awards_window_history_get_stepping (fixture->window));
}

static void
rename_organisation (Fixture    *fixture,
                     const char *from,
                     const char *to)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AwardsOrganisation) organisation =
    awards_store_find_organisation (fixture->store, from, &error);

  g_assert_no_error (error);
  awards_organisation_set_name (organisation, to);
  awards_store_save_organisation (fixture->store, organisation, &error);
  g_assert_no_error (error);
}

static void
test_undo_edit (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *label = NULL;

  WAIT_UNTIL (lists_organisation (fixture, "HTX Bạch Đằng"));
  rename_organisation (fixture, "HTX Bạch Đằng", "HTX Sông Bạch Đằng");
  WAIT_UNTIL (lists_organisation (fixture, "HTX Sông Bạch Đằng"));
  label = history_menu_label (fixture, 0);
  g_assert_cmpstr (label, ==, "Undo Edit “HTX Sông Bạch Đằng”");

  step (fixture, "win.undo");
  WAIT_UNTIL (lists_organisation (fixture, "HTX Bạch Đằng"));
  g_assert_false (lists_organisation (fixture, "HTX Sông Bạch Đằng"));
  g_clear_pointer (&label, g_free);
  label = history_menu_label (fixture, 1);
  g_assert_cmpstr (label, ==, "Redo Edit “HTX Sông Bạch Đằng”");

  step (fixture, "win.redo");
  WAIT_UNTIL (lists_organisation (fixture, "HTX Sông Bạch Đằng"));
  g_assert_false (lists_organisation (fixture, "HTX Bạch Đằng"));
}

static void
set_true (gboolean *flag)
{
  *flag = TRUE;
}

static void
test_undo_delete (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AwardsOrganisation) organisation = awards_organisation_new ();
  g_autofree char *label = NULL;

  awards_organisation_set_name (organisation, "HTX Không Giải");
  awards_store_save_organisation (fixture->store, organisation, &error);
  g_assert_no_error (error);
  WAIT_UNTIL (lists_organisation (fixture, "HTX Không Giải"));
  awards_store_delete_organisation (fixture->store, awards_organisation_get_id (organisation),
                                    &error);
  g_assert_no_error (error);
  WAIT_UNTIL (!lists_organisation (fixture, "HTX Không Giải"));
  label = history_menu_label (fixture, 0);
  g_assert_cmpstr (label, ==, "Undo Delete “HTX Không Giải”");
  /* The toast that said so, with its own Undo, goes when the change is undone otherwise. */
  {
    AdwToast *toast = adw_toast_new ("Organisation deleted");
    gboolean dismissed = FALSE;

    adw_toast_set_timeout (toast, 0);
    g_signal_connect_swapped (toast, "dismissed", G_CALLBACK (set_true), &dismissed);
    awards_window_add_toast (fixture->window, toast);
    step (fixture, "win.undo");
    WAIT_UNTIL (dismissed);
  }
  WAIT_UNTIL (lists_organisation (fixture, "HTX Không Giải"));
  step (fixture, "win.redo");
  WAIT_UNTIL (!lists_organisation (fixture, "HTX Không Giải"));
}

static void
test_undo_decision (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr (GPtrArray) recipients = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *label = NULL;
  AwardsQuery query;
  guint before;

  awards_query_init (&query);
  before = awards_store_count_commendations (fixture->store, &query, NULL);
  g_ptr_array_add (recipients, awards_test_recipient (AWARDS_RECIPIENT_KIND_COLLECTIVE,
                                                   "HTX Hải An", NULL, NULL, "Giấy khen"));
  g_ptr_array_add (recipients, awards_test_recipient (AWARDS_RECIPIENT_KIND_INDIVIDUAL,
                                                   "Lê Văn Tám", "HTX Hải An", "Kế toán",
                                                   "Giấy khen"));
  awards_test_save_decision (fixture->store, "77/QĐ-LMHTX", "2012-01-05",
                          "Liên minh HTX thành phố Hải Phòng", recipients);
  WAIT_UNTIL (lists_organisation (fixture, "HTX Hải An"));
  label = history_menu_label (fixture, 0);
  g_assert_cmpstr (label, ==, "Undo Add “77/QĐ-LMHTX”");

  /* The whole decision goes: its awards, and the organisation and person it brought. */
  step (fixture, "win.undo");
  WAIT_UNTIL (!lists_organisation (fixture, "HTX Hải An"));
  g_assert_cmpuint (awards_store_count_commendations (fixture->store, &query, NULL), ==, before);
  g_assert_null (awards_store_find_decision (fixture->store, "77/QĐ-LMHTX", 0, NULL));

  step (fixture, "win.redo");
  WAIT_UNTIL (lists_organisation (fixture, "HTX Hải An"));
  g_assert_cmpuint (awards_store_count_commendations (fixture->store, &query, NULL), ==,
                    before + 2);
}

static void
test_undo_import (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *csv = "decision_date,authority,award,recipient_type,recipient,organisation\n"
                    "28/12/2011,UBND huyện Thủy Nguyên,Giấy khen,collective,HTX Thủy Sơn,\n"
                    "28/12/2011,UBND huyện Thủy Nguyên,Giấy khen,individual,Lê Văn Tám,"
                    "HTX Thủy Sơn\n";
  g_autofree char *path = g_build_filename (fixture->dir, "thuy-nguyen.csv", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autofree char *label = NULL;
  AwardsImportDialog *dialog;
  AwardsQuery query;
  guint before;

  g_assert_true (g_file_set_contents (path, csv, -1, NULL));
  awards_query_init (&query);
  before = awards_store_count_commendations (fixture->store, &query, NULL);

  dialog = awards_import_dialog_new (GTK_WINDOW (fixture->window), fixture->store, file);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  WAIT_UNTIL (g_str_equal (awards_import_dialog_get_state (dialog), "preview"));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.start", NULL);
  WAIT_UNTIL (g_str_equal (awards_import_dialog_get_state (dialog), "done"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  WAIT_UNTIL (dialog == NULL);
  WAIT_UNTIL (lists_organisation (fixture, "HTX Thủy Sơn"));
  g_assert_cmpuint (awards_store_count_commendations (fixture->store, &query, NULL), ==,
                    before + 2);
  label = history_menu_label (fixture, 0);
  g_assert_true (g_str_has_prefix (label, "Undo Import “"));
  g_assert_nonnull (strstr (label, "thuy-nguyen.csv”"));

  step (fixture, "win.undo");
  WAIT_UNTIL (!lists_organisation (fixture, "HTX Thủy Sơn"));
  g_assert_cmpuint (awards_store_count_commendations (fixture->store, &query, NULL), ==, before);

  step (fixture, "win.redo");
  WAIT_UNTIL (lists_organisation (fixture, "HTX Thủy Sơn"));
  g_assert_cmpuint (awards_store_count_commendations (fixture->store, &query, NULL), ==,
                    before + 2);
}

/* The History section lists the newest changes, and follows new ones. */
static void
test_history_section (Fixture       *fixture,
                      gconstpointer  data)
{
  AdwViewStack *stack = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                                       AWARDS_TYPE_WINDOW,
                                                                       "view_stack"));
  AwardsHistoryView *view = AWARDS_HISTORY_VIEW (adw_view_stack_get_child_by_name (stack,
                                                                                  "history"));

  g_assert_nonnull (view);
  adw_view_stack_set_visible_child_name (stack, "history");
  /* The two decisions the fixture saved. */
  WAIT_UNTIL (awards_history_view_get_n_rows (view) == 2);
  rename_organisation (fixture, "HTX Bạch Đằng", "HTX Sông Bạch Đằng");
  WAIT_UNTIL (awards_history_view_get_n_rows (view) == 3);
}

static AwardsHistoryView *
find_history_view (GtkWidget *widget)
{
  if (AWARDS_IS_HISTORY_VIEW (widget))
    return AWARDS_HISTORY_VIEW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AwardsHistoryView *found = find_history_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Runs the action of @widget's own shortcut whose trigger reads @trigger ("Escape"). */
static gboolean
press_shortcut (GtkWidget  *widget,
                const char *trigger)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *text =
            gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (strstr (text, trigger) != NULL)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                 NULL);
        }
    }
  return FALSE;
}

/* An organisation's page opens its history: the decision that brought it, then the rename,
 * old → new. */
static void
test_record_history (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr (AwardsOrganisation) organisation =
    awards_store_find_organisation (fixture->store, "HTX Bạch Đằng", NULL);
  GtkWindow *history;
  AwardsHistoryView *view;

  rename_organisation (fixture, "HTX Bạch Đằng", "HTX Sông Bạch Đằng");
  awards_window_show_organisation (fixture->window, awards_organisation_get_id (organisation));
  WAIT_UNTIL (awards_organisation_page_get_organisation_id (AWARDS_ORGANISATION_PAGE (
                awards_window_get_detail_page (fixture->window, "organisations")))
              == awards_organisation_get_id (organisation));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-organisation-history",
                              NULL);
  WAIT_UNTIL ((history = gui_test_find_toplevel ("History of “HTX Sông Bạch Đằng”")) != NULL);
  view = find_history_view (GTK_WIDGET (history));
  g_assert_nonnull (view);
  WAIT_UNTIL (awards_history_view_get_n_rows (view) == 2);
  WAIT_UNTIL (gui_test_shows_text_within (GTK_WIDGET (view),
                                          "Name: HTX Bạch Đằng → HTX Sông Bạch Đằng"));
  g_assert_true (gui_test_shows_text_within (GTK_WIDGET (view), "Changed: HTX Sông Bạch Đằng"));
  g_assert_true (gui_test_shows_text_within (GTK_WIDGET (view), "Added: HTX Bạch Đằng"));

  /* Escape closes it, as it does a dialog. */
  g_object_add_weak_pointer (G_OBJECT (history), (gpointer *) &history);
  g_assert_true (press_shortcut (GTK_WIDGET (history), "Escape"));
  WAIT_UNTIL (history == NULL);
}

static char *
stored_name (AwardsStore *store,
             gint64       id)
{
  g_autoptr (AwardsOrganisation) organisation = awards_store_get_organisation (store, id, NULL);

  return g_strdup (awards_organisation_get_name (organisation));
}

/* An editor open on a record that another program changes says so, and its save asks before
 * overwriting that change. */
static void
test_editor_changed_elsewhere (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AwardsStore) other = awards_store_open (fixture->path, &error);
  g_autoptr (AwardsOrganisation) organisation =
    awards_store_find_organisation (fixture->store, "HTX Bạch Đằng", NULL);
  g_autoptr (AwardsOrganisation) theirs = NULL;
  gint64 id = awards_organisation_get_id (organisation);
  AwardsOrganisationEditor *editor;
  AdwMessageDialog *dialog;
  g_autofree char *name = NULL;

  g_assert_no_error (error);
  editor = awards_organisation_editor_new (GTK_WINDOW (fixture->window), fixture->store,
                                           organisation);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_window_present (GTK_WINDOW (editor));
  gtk_editable_set_text (awards_organisation_editor_get_entry (editor, "address"),
                         "12 Lê Lợi, Thủy Nguyên");

  /* Someone else renames it. */
  theirs = awards_store_get_organisation (other, id, NULL);
  awards_organisation_set_name (theirs, "HTX Bạch Đằng Của Họ");
  awards_store_save_organisation (other, theirs, &error);
  g_assert_no_error (error);
  WAIT_UNTIL (gui_test_shows_text_within (GTK_WIDGET (editor), "changed elsewhere"));

  /* Save asks; Cancel keeps their change. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  WAIT_UNTIL ((dialog = gui_test_find_message_dialog ()) != NULL);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Changed Elsewhere");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "“HTX Bạch Đằng”"));
  adw_message_dialog_response (dialog, "cancel");
  WAIT_UNTIL (gui_test_find_message_dialog () == NULL);
  g_assert_nonnull (editor);
  name = stored_name (fixture->store, id);
  g_assert_cmpstr (name, ==, "HTX Bạch Đằng Của Họ");
  g_clear_pointer (&name, g_free);

  /* Overwrite saves the editor's version. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  WAIT_UNTIL ((dialog = gui_test_find_message_dialog ()) != NULL);
  adw_message_dialog_response (dialog, "overwrite");
  WAIT_UNTIL (editor == NULL);
  name = stored_name (fixture->store, id);
  g_assert_cmpstr (name, ==, "HTX Bạch Đằng");
}

/* A record changed elsewhere after it was read and before its editor opened (the window reads
 * it on the store's threads, and a server is shared) is asked about at the save too: the
 * editor's guard starts from the version read with the record, not from a later read. */
static void
test_editor_of_stale_record (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AwardsStore) other = awards_store_open (fixture->path, &error);
  g_autoptr (AwardsOrganisation) organisation =
    awards_store_find_organisation (fixture->store, "HTX Bạch Đằng", NULL);
  g_autoptr (AwardsOrganisation) theirs = NULL;
  gint64 id = awards_organisation_get_id (organisation);
  AwardsOrganisationEditor *editor;
  AdwMessageDialog *dialog;
  g_autofree char *name = NULL;

  g_assert_no_error (error);
  theirs = awards_store_get_organisation (other, id, NULL);
  awards_organisation_set_name (theirs, "HTX Bạch Đằng Của Họ");
  awards_store_save_organisation (other, theirs, &error);
  g_assert_no_error (error);

  editor = awards_organisation_editor_new (GTK_WINDOW (fixture->window), fixture->store,
                                           organisation);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_window_present (GTK_WINDOW (editor));
  gtk_editable_set_text (awards_organisation_editor_get_entry (editor, "address"),
                         "12 Lê Lợi, Thủy Nguyên");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  WAIT_UNTIL ((dialog = gui_test_find_message_dialog ()) != NULL);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Changed Elsewhere");
  adw_message_dialog_response (dialog, "cancel");
  WAIT_UNTIL (gui_test_find_message_dialog () == NULL);
  name = stored_name (fixture->store, id);
  g_assert_cmpstr (name, ==, "HTX Bạch Đằng Của Họ");
  gtk_window_destroy (GTK_WINDOW (editor));
}

/* The same for a decision, whose awards another program changes. */
static void
test_decision_editor_changed_elsewhere (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AwardsStore) other = awards_store_open (fixture->path, &error);
  g_autoptr (AwardsDecision) decision =
    awards_store_find_decision (fixture->store, "3457/QĐ-UBND", 0, NULL);
  g_autoptr (GPtrArray) awards = NULL;
  AwardsDecisionEditor *editor;
  AdwMessageDialog *dialog;
  AwardsQuery query;

  g_assert_no_error (error);
  g_assert_nonnull (decision);
  editor = awards_decision_editor_new (GTK_WINDOW (fixture->window), fixture->store);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_assert_true (awards_decision_editor_load (editor, awards_decision_get_id (decision), NULL));
  gtk_window_present (GTK_WINDOW (editor));

  awards_query_init (&query);
  query.decision_id = awards_decision_get_id (decision);
  awards = awards_store_list_commendations (other, &query, AWARDS_ORDER_ANNEX, NULL);
  g_assert_true (awards_store_delete_commendation (other,
                                                   awards_commendation_get_id (awards->pdata[0]),
                                                   &error));
  WAIT_UNTIL (gui_test_shows_text_within (GTK_WIDGET (editor), "changed elsewhere"));

  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  WAIT_UNTIL ((dialog = gui_test_find_message_dialog ()) != NULL);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "“3457/QĐ-UBND”"));
  adw_message_dialog_response (dialog, "cancel");
  WAIT_UNTIL (gui_test_find_message_dialog () == NULL);
  g_assert_nonnull (editor);
  gtk_window_destroy (GTK_WINDOW (editor));
}

/* The same for one award: two clerks correcting the same award, the second save asks. */
static void
test_award_editor_changed_elsewhere (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AwardsStore) other = awards_store_open (fixture->path, &error);
  g_autoptr (AwardsDecision) decision =
    awards_store_find_decision (fixture->store, "3457/QĐ-UBND", 0, NULL);
  g_autoptr (GPtrArray) awards = NULL;
  g_autoptr (AwardsCommendation) theirs = NULL;
  g_autoptr (AwardsCommendation) stored = NULL;
  AwardsCommendationEditor *editor;
  AdwMessageDialog *dialog;
  AwardsQuery query;
  g_autofree char *who = NULL;
  gint64 id;

  g_assert_no_error (error);
  g_assert_nonnull (decision);
  awards_query_init (&query);
  query.decision_id = awards_decision_get_id (decision);
  awards = awards_store_list_commendations (fixture->store, &query, AWARDS_ORDER_ANNEX, NULL);
  g_assert_cmpuint (awards->len, >, 0);
  id = awards_commendation_get_id (awards->pdata[0]);
  editor = awards_commendation_editor_new (GTK_WINDOW (fixture->window), fixture->store,
                                           awards->pdata[0]);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_window_present (GTK_WINDOW (editor));
  gtk_editable_set_text (awards_commendation_editor_get_entry (editor, "period"), "2013");

  /* Another clerk corrects the same award first. */
  theirs = awards_store_get_commendation (other, id, &error);
  g_assert_no_error (error);
  awards_commendation_set_period (theirs, "2012");
  g_assert_true (awards_store_update_commendation (other, theirs, &error));
  g_assert_no_error (error);
  WAIT_UNTIL (gui_test_shows_text_within (GTK_WIDGET (editor), "changed elsewhere"));
  /* Who changed it is said, from the history: here the same login, in another program (on a
   * server, with its role after it). */
  who = g_strdup_printf ("changed elsewhere (%s", g_get_user_name ());
  g_assert_true (gui_test_shows_text_within (GTK_WIDGET (editor), who));

  /* Save asks; Cancel keeps their correction. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  WAIT_UNTIL ((dialog = gui_test_find_message_dialog ()) != NULL);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Changed Elsewhere");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), g_get_user_name ()));
  adw_message_dialog_response (dialog, "cancel");
  WAIT_UNTIL (gui_test_find_message_dialog () == NULL);
  g_assert_nonnull (editor);
  stored = awards_store_get_commendation (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (awards_commendation_get_period (stored), ==, "2012");
  g_clear_object (&stored);

  /* Overwrite saves the editor's version. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  WAIT_UNTIL ((dialog = gui_test_find_message_dialog ()) != NULL);
  adw_message_dialog_response (dialog, "overwrite");
  WAIT_UNTIL (editor == NULL);
  stored = awards_store_get_commendation (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (awards_commendation_get_period (stored), ==, "2013");
}

/* Another program's commit shows in the open window without anything done in it. */
static void
test_other_writer (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AwardsStore) other = awards_store_open (fixture->path, &error);
  g_autoptr (AwardsOrganisation) organisation = awards_organisation_new ();

  g_assert_no_error (error);
  WAIT_UNTIL (lists_organisation (fixture, "HTX Bạch Đằng"));
  awards_organisation_set_name (organisation, "HTX Từ Nơi Khác");
  /* The other store's "changed" goes to its own handlers only: the window learns of the
   * commit from the file. */
  awards_store_save_organisation (other, organisation, &error);
  g_assert_no_error (error);
  WAIT_UNTIL (lists_organisation (fixture, "HTX Từ Nơi Khác"));
  /* Its history is not this window's: nothing of it to undo here. */
  g_assert_false (awards_store_can_redo (fixture->store));
}

static gint64
selected_organisation_id (Fixture *fixture)
{
  AwardsOrganisation *selected = awards_browse_view_get_selected_item (
    awards_window_get_browse_view (fixture->window, "organisations"));

  return selected != NULL ? awards_organisation_get_id (selected) : 0;
}

/* A record renamed by another program stays selected in the list. */
static void
test_other_writer_keeps_selection (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AwardsStore) other = awards_store_open (fixture->path, &error);
  g_autoptr (AwardsOrganisation) organisation =
    awards_store_find_organisation (other, "HTX Bạch Đằng", NULL);
  gint64 id = awards_organisation_get_id (organisation);
  GtkEditable *search = awards_browse_view_get_search_entry (
    awards_window_get_browse_view (fixture->window, "organisations"));

  g_assert_no_error (error);
  WAIT_UNTIL (lists_organisation (fixture, "HTX Bạch Đằng"));
  /* Chosen the way a person does: a search, then Enter. */
  gtk_editable_set_text (search, "bach dang");
  WAIT_UNTIL (g_list_model_get_n_items (organisations (fixture)) == 1);
  g_signal_emit_by_name (search, "activate");
  WAIT_UNTIL (selected_organisation_id (fixture) == id);

  awards_organisation_set_name (organisation, "HTX Bạch Đằng Mới");
  awards_store_save_organisation (other, organisation, &error);
  g_assert_no_error (error);
  WAIT_UNTIL (lists_organisation (fixture, "HTX Bạch Đằng Mới"));
  WAIT_UNTIL (selected_organisation_id (fixture) == id);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = gui_test_make_home ("test-window-history");
  gboolean server;
  int result;

  gtk_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "C.UTF-8");
  adw_init ();
  awards_gui_ensure_resources ();
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

  server = awards_test_pg_available ();
#define ADD(path, func) \
  G_STMT_START { \
    g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down); \
    if (server) \
      g_test_add ("/server" path, Fixture, "server", fixture_set_up, func, fixture_tear_down); \
  } G_STMT_END
  if (!server)
    g_test_add_func ("/server/skipped", awards_test_pg_skip);

  ADD ("/window-history/undo-edit", test_undo_edit);
  ADD ("/window-history/undo-delete", test_undo_delete);
  ADD ("/window-history/undo-decision", test_undo_decision);
  ADD ("/window-history/undo-import", test_undo_import);
  ADD ("/window-history/history-section", test_history_section);
  ADD ("/window-history/other-writer", test_other_writer);
  ADD ("/window-history/record-history", test_record_history);
  ADD ("/window-history/other-writer-keeps-selection", test_other_writer_keeps_selection);
  ADD ("/window-history/editor-changed-elsewhere", test_editor_changed_elsewhere);
  ADD ("/window-history/editor-of-stale-record", test_editor_of_stale_record);
  ADD ("/window-history/decision-editor-changed-elsewhere",
       test_decision_editor_changed_elsewhere);
  ADD ("/window-history/award-editor-changed-elsewhere", test_award_editor_changed_elsewhere);

  result = g_test_run ();
  awards_test_remove_tree (home);

  return result;
}
