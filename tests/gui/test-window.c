/* test-window.c: the main window and its editors, in a real window under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <adwaita.h>

#include "gui-test-find.h"
#include "gui-test-home.h"
#include "awards-application.h"
#include "awards-browse-view.h"
#include "awards-commendation-editor.h"
#include "awards-completion.h"
#include "awards-decision-editor-private.h"
#include "awards-decision-page.h"
#include "awards-gui-utils.h"
#include "awards-import-dialog.h"
#include "awards-list-row.h"
#include "awards-organisation-editor.h"
#include "awards-organisation-page.h"
#include "awards-person-editor.h"
#include "awards-store-owners.h"
#include "awards-window-private.h"
#include "awards-test-util.h"

typedef struct
{
  char         *dir;
  AwardsStore  *store;
  AwardsWindow *window;
  gint64        decision_id;
} Fixture;

#define WAIT_UNTIL(expr) AWARDS_TEST_WAIT_UNTIL (expr, 5)

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("test-window-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "awards.db", NULL);
  fixture->store = awards_store_open (path, &error);
  g_assert_no_error (error);
  fixture->decision_id = awards_test_seed (fixture->store);

  fixture->window = g_object_ref_sink (awards_window_new (NULL, fixture->store));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWindow *editor = awards_window_get_editor (fixture->window);

  if (editor != NULL)
    gtk_window_destroy (editor);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  awards_test_settle (20);
  g_clear_object (&fixture->store);
  awards_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static guint
n_items (gpointer model)
{
  return model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (model)) : 0;
}

static const char *
organisation_name_at (GListModel *model,
                      guint       position)
{
  g_autoptr (AwardsOrganisation) organisation = g_list_model_get_item (model, position);
  static char name[128];

  g_strlcpy (name, awards_organisation_get_name (organisation), sizeof name);
  return name;
}

static guint
award_count_at (GListModel *model,
                guint       position)
{
  g_autoptr (AwardsOrganisation) organisation = g_list_model_get_item (model, position);

  return organisation != NULL ? awards_organisation_get_award_count (organisation) : G_MAXUINT;
}

/* What the window's last toast says, or NULL. */
static const char *
last_toast (Fixture *fixture)
{
  AdwToast *toast = awards_window_get_last_toast (fixture->window);

  return toast != NULL ? awards_gui_toast_get_text (toast) : NULL;
}

/* Whether a mapped list row under @widget shows @title. */
static gboolean
shows_row (GtkWidget  *widget,
           const char *title)
{
  if (AWARDS_IS_LIST_ROW (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (awards_list_row_get_title (AWARDS_LIST_ROW (widget)), title) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_row (child, title))
      return TRUE;

  return FALSE;
}

/* Whether a mapped label under @widget reads @text. */
static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_label (child, text))
      return TRUE;

  return FALSE;
}

/* On a new, empty database the list says how to begin, across the window, with a button for
 * each way; the record's page, which would say "choose one in the list", is not shown until
 * there is one to choose. */
static void
test_first_run_pages (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "new.db", NULL);
  g_autoptr (AwardsStore) store = awards_store_open (path, &error);
  g_autoptr (AwardsOrganisation) organisation = awards_organisation_new ();
  AwardsWindow *window;

  g_assert_no_error (error);
  window = g_object_ref_sink (awards_window_new (NULL, store));
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  WAIT_UNTIL (shows_label (GTK_WIDGET (window), "Nothing Here Yet"));
  g_assert_false (shows_label (GTK_WIDGET (window), "No Organisation Selected"));
  /* The two ways to begin, as buttons. */
  g_assert_true (shows_label (GTK_WIDGET (window), "_Import Awards…"));

  /* The first record brings the page back. */
  awards_organisation_set_name (organisation, "HTX Bạch Đằng");
  g_assert_cmpint (awards_store_save_organisation (store, organisation, &error), >, 0);
  g_assert_no_error (error);
  WAIT_UNTIL (shows_label (GTK_WIDGET (window), "No Organisation Selected"));
  g_assert_false (shows_label (GTK_WIDGET (window), "Nothing Here Yet"));
  g_assert_false (shows_label (GTK_WIDGET (window), "_Import Awards…"));

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  awards_test_settle (20);
}

static void
test_search_filters (Fixture       *fixture,
                     gconstpointer  data)
{
  AwardsBrowseView *view = awards_window_get_browse_view (fixture->window, "organisations");
  AwardsPagedModel *model = awards_browse_view_get_model (view);
  GtkEditable *search = awards_browse_view_get_search_entry (view);
  GtkWidget *page = awards_window_get_detail_page (fixture->window, "organisations");

  /* Read in a worker; then in Vietnamese order: C, then H (B before Đ before n), then L. */
  WAIT_UNTIL (n_items (model) == 5);
  g_assert_cmpstr (organisation_name_at (G_LIST_MODEL (model), 0), ==, "Công ty TNHH Quý Cao");
  g_assert_cmpstr (organisation_name_at (G_LIST_MODEL (model), 1), ==, "HTX Bạch Đằng");
  g_assert_cmpstr (organisation_name_at (G_LIST_MODEL (model), 2), ==, "HTX Đan Phượng");
  g_assert_cmpstr (organisation_name_at (G_LIST_MODEL (model), 4), ==,
                   "Liên minh HTX thành phố Hải Phòng");
  WAIT_UNTIL (shows_row (GTK_WIDGET (view), "Công ty TNHH Quý Cao"));

  /* Typing filters as the user types, ignoring accents and đ. */
  gtk_editable_set_text (search, "bach dang");
  WAIT_UNTIL (n_items (model) == 1);
  g_assert_cmpstr (organisation_name_at (G_LIST_MODEL (model), 0), ==, "HTX Bạch Đằng");
  WAIT_UNTIL (!shows_row (GTK_WIDGET (view), "Công ty TNHH Quý Cao"));
  g_assert_true (shows_row (GTK_WIDGET (view), "HTX Bạch Đằng"));

  gtk_editable_set_text (search, "dan phuong");
  WAIT_UNTIL (n_items (model) == 1 &&
              g_str_equal (organisation_name_at (G_LIST_MODEL (model), 0), "HTX Đan Phượng"));

  gtk_editable_set_text (search, "khong co dau");
  WAIT_UNTIL (n_items (model) == 0);
  WAIT_UNTIL (shows_label (GTK_WIDGET (view), "No Results"));

  /* Enter in the search entry opens the first match. */
  gtk_editable_set_text (search, "bạch");
  WAIT_UNTIL (n_items (model) == 1);
  g_signal_emit_by_name (search, "activate");
  WAIT_UNTIL (awards_organisation_page_get_organisation_id (AWARDS_ORGANISATION_PAGE (page)) > 0);
  WAIT_UNTIL (shows_label (page, "HTX Bạch Đằng"));
  /* Its own flag, its two people's merits, its two people. */
  WAIT_UNTIL (shows_label (page, "Cờ thi đua xuất sắc"));
  g_assert_true (shows_label (page, "3457/QĐ-UBND") || shows_label (page, "3456/QĐ-UBND"));

  gtk_editable_set_text (search, "");
  WAIT_UNTIL (n_items (model) == 5);
}

static void
set_entry (AwardsDecisionEditor *editor,
           const char           *name,
           const char           *text)
{
  GtkEditable *entry = awards_decision_editor_get_entry (editor, name);

  g_assert_nonnull (entry);
  gtk_editable_set_text (entry, text);
}

static gboolean
message_shown (AwardsDecisionEditor *editor,
               const char           *name)
{
  GtkLabel *label = awards_decision_editor_get_message_label (editor, name);

  /* The editor looks names and numbers up on the store's threads. */
  WAIT_UNTIL (!awards_decision_form_get_checking (awards_decision_editor_get_form (editor)));
  return gtk_widget_get_visible (GTK_WIDGET (label)) &&
         gtk_label_get_label (label)[0] != '\0';
}

static void
test_decision_editor (Fixture       *fixture,
                      gconstpointer  data)
{
  AwardsDecisionEditor *editor;
  AwardsDecisionForm *form;
  AwardsDraftRecipient *flag_row;
  GtkWidget *decision_page = awards_window_get_detail_page (fixture->window, "decisions");
  g_autoptr (GPtrArray) saved = NULL;
  AwardsQuery query;
  gint64 decision_id;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-decision", NULL);
  editor = AWARDS_DECISION_EDITOR (awards_window_get_editor (fixture->window));
  g_assert_nonnull (editor);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (editor));
  form = awards_decision_editor_get_form (editor);

  /* A bad date shows its message under the field as it is typed. */
  set_entry (editor, "date", "31/02/2011");
  g_assert_true (message_shown (editor, "date"));
  g_assert_cmpstr (gtk_label_get_label (awards_decision_editor_get_message_label (editor, "date")),
                   ==, "There is no such day: month 2 of 2011 has 28 days.");
  set_entry (editor, "date", "28/12/2011");
  g_assert_false (message_shown (editor, "date"));

  /* Completion from the catalogue, without accents. */
  set_entry (editor, "authority", "hai phong");
  WAIT_UNTIL (!awards_completion_is_pending (
                GTK_ENTRY (awards_decision_editor_get_entry (editor, "authority"))));
  g_assert_cmpuint (awards_completion_get_n_suggestions (
                      GTK_ENTRY (awards_decision_editor_get_entry (editor, "authority"))), ==, 1);
  set_entry (editor, "award", "co thi dua");
  WAIT_UNTIL (!awards_completion_is_pending (
                GTK_ENTRY (awards_decision_editor_get_entry (editor, "award"))));
  g_assert_cmpuint (awards_completion_get_n_suggestions (
                      GTK_ENTRY (awards_decision_editor_get_entry (editor, "award"))), >=, 2);

  set_entry (editor, "number", "3457/QĐ-UBND");
  set_entry (editor, "authority", "UBND thành phố Hải Phòng");
  g_assert_true (message_shown (editor, "number"));
  set_entry (editor, "number", "15/QĐ-LMHTXVN");
  awards_decision_form_accept_new_name (form, AWARDS_NEAR_AUTHORITY, "Liên minh HTX Việt Nam");
  set_entry (editor, "authority", "Liên minh HTX Việt Nam");
  g_assert_false (message_shown (editor, "number"));
  set_entry (editor, "award", "Bằng khen");
  set_entry (editor, "achievement", "Đã có thành tích xuất sắc năm 2011");

  /* Three rows pasted from a spreadsheet, and a fourth that cannot receive its award. */
  g_assert_cmpuint (awards_decision_form_paste_rows (form,
                                                     "1\tHTX Bạch Đằng\n"
                                                     "2\tTrần Văn Bảy\tHTX Bạch Đằng\tChủ nhiệm\n"
                                                     "3\tPhạm Thị Thu\tHTX Đan Phượng\tKế toán\n"),
                    ==, 3);
  flag_row = awards_decision_form_add_recipient (form, AWARDS_RECIPIENT_KIND_INDIVIDUAL);
  awards_draft_recipient_set_name (flag_row, "Lê Văn Tám");
  awards_draft_recipient_set_organisation (flag_row, "HTX Đan Phượng");
  awards_draft_recipient_set_award (flag_row, "Cờ thi đua xuất sắc");
  g_assert_cmpuint (n_items (gtk_column_view_get_model (
                               awards_decision_editor_get_recipients_view (editor))), ==, 4);
  WAIT_UNTIL (shows_label (GTK_WIDGET (editor),
                           "“Cờ thi đua xuất sắc” is not awarded to individuals."));

  /* Saving refuses and keeps the editor open (once the rows' names are looked up, if they are
   * not yet). */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  WAIT_UNTIL (!awards_decision_editor_get_saving (editor));
  awards_test_settle (50);
  g_assert_nonnull (editor);
  g_assert_false (awards_decision_editor_get_saving (editor));

  /* Without the wrong row it saves, closes, and the window shows the new decision. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.remove-row", "u", 3);
  WAIT_UNTIL (!shows_label (GTK_WIDGET (editor),
                            "“Cờ thi đua xuất sắc” is not awarded to individuals."));
  WAIT_UNTIL (awards_decision_form_get_valid (form));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  WAIT_UNTIL (editor == NULL);

  decision_id = awards_decision_page_get_decision_id (AWARDS_DECISION_PAGE (decision_page));
  g_assert_cmpint (decision_id, >, fixture->decision_id);
  WAIT_UNTIL (shows_label (decision_page, "Decision 15/QĐ-LMHTXVN of 28/12/2011"));
  WAIT_UNTIL (shows_label (decision_page, "Phạm Thị Thu"));
  g_assert_nonnull (awards_window_get_last_toast (fixture->window));
  g_assert_cmpstr (last_toast (fixture), ==,
                   "Decision saved with 3 recipients");

  awards_query_init (&query);
  query.decision_id = decision_id;
  saved = awards_store_list_commendations (fixture->store, &query, AWARDS_ORDER_ANNEX, NULL);
  g_assert_cmpuint (saved->len, ==, 3);
}

static void
test_close_asks (Fixture       *fixture,
                 gconstpointer  data)
{
  AwardsDecisionEditor *editor;
  AdwMessageDialog *dialog;

  /* Untouched: closes at once. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-decision", NULL);
  editor = AWARDS_DECISION_EDITOR (awards_window_get_editor (fixture->window));
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_window_close (GTK_WINDOW (editor));
  WAIT_UNTIL (editor == NULL);

  /* Changed: asks, and Discard closes. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-decision", NULL);
  editor = AWARDS_DECISION_EDITOR (awards_window_get_editor (fixture->window));
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  set_entry (editor, "number", "16/QĐ-LMHTXVN");
  gtk_window_close (GTK_WINDOW (editor));
  awards_test_settle (20);
  g_assert_nonnull (editor);
  dialog = awards_decision_editor_get_close_dialog (editor);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  awards_test_settle (20);
  g_assert_nonnull (editor);

  gtk_window_close (GTK_WINDOW (editor));
  dialog = awards_decision_editor_get_close_dialog (editor);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");
  WAIT_UNTIL (editor == NULL);
}

static void
test_undo_delete (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr (AwardsOrganisation) organisation = NULL;
  g_autoptr (GPtrArray) awards = NULL;
  AwardsOrganisationPage *page =
    AWARDS_ORGANISATION_PAGE (awards_window_get_detail_page (fixture->window, "organisations"));
  AwardsPagedModel *organisations =
    awards_browse_view_get_model (awards_window_get_browse_view (fixture->window,
                                                                 "organisations"));
  AdwToast *toast;
  AwardsQuery query;
  gint64 id;

  organisation = awards_store_find_organisation (fixture->store, "Công ty TNHH Quý Cao", NULL);
  g_assert_nonnull (organisation);
  awards_window_show_organisation (fixture->window, awards_organisation_get_id (organisation));
  WAIT_UNTIL (shows_label (GTK_WIDGET (page), "Cờ thi đua xuất sắc"));
  g_assert_cmpuint (awards_organisation_get_award_count (organisation), ==, 1);

  awards_query_init (&query);
  query.organisation_id = awards_organisation_get_id (organisation);
  awards = awards_store_list_commendations (fixture->store, &query, AWARDS_ORDER_CHRONOLOGICAL,
                                            NULL);
  g_assert_cmpuint (awards->len, ==, 1);
  id = awards_commendation_get_id (g_ptr_array_index (awards, 0));

  /* Delete: the award leaves the page and the count in the list, and a toast offers Undo. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.delete-commendation", "x", id);
  WAIT_UNTIL (!shows_label (GTK_WIDGET (page), "Cờ thi đua xuất sắc"));
  g_assert_cmpuint (awards_store_count_commendations (fixture->store, &query, NULL), ==, 0);
  WAIT_UNTIL (shows_label (GTK_WIDGET (page), "No awards to the organisation itself."));
  g_assert_cmpstr (organisation_name_at (G_LIST_MODEL (organisations), 0), ==,
                   "Công ty TNHH Quý Cao");
  WAIT_UNTIL (award_count_at (G_LIST_MODEL (organisations), 0) == 0);

  WAIT_UNTIL (awards_window_get_last_toast (fixture->window) != NULL);
  toast = awards_window_get_last_toast (fixture->window);
  g_assert_nonnull (toast);
  g_assert_cmpstr (awards_gui_toast_get_text (toast), ==,
                   "Cờ thi đua xuất sắc to Công ty TNHH Quý Cao deleted");
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, "_Undo");
  g_assert_cmpstr (adw_toast_get_action_name (toast), ==, "win.undo-delete");

  /* Undo, as the toast's button does it. */
  gtk_widget_activate_action_variant (GTK_WIDGET (fixture->window),
                                      adw_toast_get_action_name (toast),
                                      adw_toast_get_action_target_value (toast));
  WAIT_UNTIL (shows_label (GTK_WIDGET (page), "Cờ thi đua xuất sắc"));
  g_assert_cmpuint (awards_store_count_commendations (fixture->store, &query, NULL), ==, 1);
  WAIT_UNTIL (award_count_at (G_LIST_MODEL (organisations), 0) == 1);
}

static void
test_record_editors (Fixture       *fixture,
                     gconstpointer  data)
{
  AwardsOrganisationEditor *organisation_editor;
  AwardsPersonEditor *person_editor;
  AwardsCommendationEditor *commendation_editor;
  g_autoptr (AwardsOrganisation) created = NULL;
  g_autoptr (AwardsOrganisation) parent = NULL;
  g_autoptr (GPtrArray) awards = NULL;
  g_autoptr (AwardsCommendation) edited = NULL;
  AwardsCommendation *merit = NULL;
  AwardsQuery query;

  /* A new organisation, member of the city alliance typed without accents. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-organisation", NULL);
  organisation_editor = AWARDS_ORGANISATION_EDITOR (awards_window_get_editor (fixture->window));
  g_object_add_weak_pointer (G_OBJECT (organisation_editor), (gpointer *) &organisation_editor);
  gtk_editable_set_text (awards_organisation_editor_get_entry (organisation_editor, "founded"),
                         "32/01/1999");
  g_assert_true (gtk_widget_get_visible (
                   GTK_WIDGET (awards_organisation_editor_get_message (organisation_editor,
                                                                       "founded"))));
  gtk_editable_set_text (awards_organisation_editor_get_entry (organisation_editor, "founded"),
                         "15/01/1999");
  gtk_editable_set_text (awards_organisation_editor_get_entry (organisation_editor,
                                                               "parent-name"),
                         "Liên minh HTX thành phố Hải Phòng");
  gtk_widget_activate_action (GTK_WIDGET (organisation_editor), "editor.save", NULL);
  g_assert_nonnull (organisation_editor);
  g_assert_true (gtk_widget_get_visible (
                   GTK_WIDGET (awards_organisation_editor_get_message (organisation_editor,
                                                                       "name"))));
  gtk_editable_set_text (awards_organisation_editor_get_entry (organisation_editor, "name"),
                         "HTX Vận tải Hồng Bàng");
  gtk_widget_activate_action (GTK_WIDGET (organisation_editor), "editor.save", NULL);
  WAIT_UNTIL (organisation_editor == NULL);

  created = awards_store_find_organisation (fixture->store, "HTX Vận tải Hồng Bàng", NULL);
  parent = awards_store_find_organisation (fixture->store, "Liên minh HTX thành phố Hải Phòng",
                                           NULL);
  g_assert_nonnull (created);
  g_assert_cmpint (awards_organisation_get_parent_id (created), ==,
                   awards_organisation_get_id (parent));
  g_assert_cmpstr (awards_organisation_get_founded (created), ==, "1999-01-15");

  /* A new person from the organisation's page belongs to it; a bad year is refused. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-person", NULL);
  WAIT_UNTIL (awards_window_get_editor (fixture->window) != NULL);
  person_editor = AWARDS_PERSON_EDITOR (awards_window_get_editor (fixture->window));
  g_object_add_weak_pointer (G_OBJECT (person_editor), (gpointer *) &person_editor);
  g_assert_cmpstr (gtk_editable_get_text (awards_person_editor_get_entry (person_editor,
                                                                          "organisation-name")),
                   ==, "HTX Vận tải Hồng Bàng");
  gtk_editable_set_text (awards_person_editor_get_entry (person_editor, "full-name"),
                         "Vũ Thị Lan");
  /* The organisation completes from the store: "dan phuong" finds "HTX Đan Phượng". */
  gtk_editable_set_text (awards_person_editor_get_entry (person_editor, "organisation-name"),
                         "dan phuong");
  /* The names are looked up on the store's threads: the entry does not wait for them. */
  WAIT_UNTIL (!awards_completion_is_pending (
                GTK_ENTRY (awards_person_editor_get_entry (person_editor, "organisation-name"))));
  g_assert_cmpuint (awards_completion_get_n_suggestions (
                      GTK_ENTRY (awards_person_editor_get_entry (person_editor,
                                                                 "organisation-name"))), ==, 1);
  gtk_editable_set_text (awards_person_editor_get_entry (person_editor, "organisation-name"),
                         "HTX Vận tải Hồng Bàng");
  gtk_editable_set_text (awards_person_editor_get_entry (person_editor, "birth-year"), "19x5");
  gtk_widget_activate_action (GTK_WIDGET (person_editor), "editor.save", NULL);
  g_assert_nonnull (person_editor);
  g_assert_true (gtk_widget_get_visible (
                   GTK_WIDGET (awards_person_editor_get_message (person_editor, "birth-year"))));
  gtk_editable_set_text (awards_person_editor_get_entry (person_editor, "birth-year"), "1975");
  gtk_widget_activate_action (GTK_WIDGET (person_editor), "editor.save", NULL);
  WAIT_UNTIL (person_editor == NULL);
  g_assert_cmpuint (awards_store_count_people (fixture->store, "vu thi lan",
                                               awards_organisation_get_id (created), NULL), ==, 1);

  /* An individual's merit edited: a flag is refused, a certificate accepted. */
  awards_query_init (&query);
  query.decision_id = fixture->decision_id;
  query.recipient_kind = AWARDS_RECIPIENT_KIND_INDIVIDUAL;
  awards = awards_store_list_commendations (fixture->store, &query, AWARDS_ORDER_ANNEX, NULL);
  merit = g_ptr_array_index (awards, 0);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.edit-commendation", "x",
                              awards_commendation_get_id (merit));
  WAIT_UNTIL (awards_window_get_editor (fixture->window) != NULL);
  commendation_editor = AWARDS_COMMENDATION_EDITOR (awards_window_get_editor (fixture->window));
  g_object_add_weak_pointer (G_OBJECT (commendation_editor), (gpointer *) &commendation_editor);
  gtk_editable_set_text (awards_commendation_editor_get_entry (commendation_editor, "award-name"),
                         "Cờ thi đua xuất sắc");
  WAIT_UNTIL (!awards_editor_base_get_checking (AWARDS_EDITOR_BASE (commendation_editor)));
  g_assert_cmpstr (gtk_label_get_label (
                     awards_commendation_editor_get_message (commendation_editor, "award-name")),
                   ==, "“Cờ thi đua xuất sắc” is not awarded to individuals.");
  gtk_editable_set_text (awards_commendation_editor_get_entry (commendation_editor, "award-name"),
                         "Giấy khen");
  gtk_editable_set_text (awards_commendation_editor_get_entry (commendation_editor,
                                                               "register-number"), "SV-0127");
  gtk_widget_activate_action (GTK_WIDGET (commendation_editor), "editor.save", NULL);
  WAIT_UNTIL (commendation_editor == NULL);

  edited = awards_store_get_commendation (fixture->store, awards_commendation_get_id (merit),
                                          NULL);
  g_assert_cmpstr (awards_commendation_get_award_name (edited), ==, "Giấy khen");
  g_assert_cmpstr (awards_commendation_get_register_number (edited), ==, "SV-0127");
}

/* The first button under @widget that activates @action with @target. */
static GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action,
                    GVariant   *target)
{
  g_autoptr (GVariant) owned = target != NULL ? g_variant_ref_sink (target) : NULL;

  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    {
      GVariant *value = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));

      if (owned == NULL || (value != NULL && g_variant_equal (value, owned)))
        return widget;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action,
                                             owned != NULL ? g_variant_ref (owned) : NULL);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Whether a mapped entry under @widget holds @text. */
static gboolean
shows_entry_text (GtkWidget  *widget,
                  const char *text)
{
  if (GTK_IS_ENTRY (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_entry_text (child, text))
      return TRUE;

  return FALSE;
}

static AwardsCommendation *
award_to (GPtrArray  *awards,
          const char *recipient)
{
  for (guint i = 0; i < awards->len; i++)
    if (g_strcmp0 (awards_commendation_get_recipient_name (g_ptr_array_index (awards, i)),
                   recipient) == 0)
      return g_ptr_array_index (awards, i);

  return NULL;
}

static GPtrArray *
decision_awards (Fixture *fixture)
{
  AwardsQuery query;

  awards_query_init (&query);
  query.decision_id = fixture->decision_id;
  return awards_store_list_commendations (fixture->store, &query, AWARDS_ORDER_ANNEX, NULL);
}

/* The mapped list row under @widget that shows @title. */
static AwardsListRow *
find_row (GtkWidget  *widget,
          const char *title)
{
  if (AWARDS_IS_LIST_ROW (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (awards_list_row_get_title (AWARDS_LIST_ROW (widget)), title) == 0)
    return AWARDS_LIST_ROW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AwardsListRow *row = find_row (child, title);

      if (row != NULL)
        return row;
    }

  return NULL;
}

/* The decision's row in the list offers to edit it; the menu item opens the editor. */
static void
test_decision_row_menu (Fixture       *fixture,
                        gconstpointer  data)
{
  AwardsBrowseView *view = awards_window_get_browse_view (fixture->window, "decisions");
  g_autoptr (GVariant) target = NULL;
  g_autofree char *action = NULL;
  AwardsListRow *row = NULL;
  GtkPopover *menu;
  GMenuModel *model;
  GtkWindow *editor;

  awards_window_show_decision (fixture->window, fixture->decision_id);
  WAIT_UNTIL ((row = find_row (GTK_WIDGET (view), "3457/QĐ-UBND")) != NULL);
  awards_list_row_popup_menu (row, 10, 10);
  menu = awards_list_row_get_menu (row);
  g_assert_nonnull (menu);
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (menu)));

  model = gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (menu));
  g_assert_cmpint (g_menu_model_get_n_items (model), ==, 1);
  g_assert_true (g_menu_model_get_item_attribute (model, 0, G_MENU_ATTRIBUTE_ACTION, "s",
                                                  &action));
  g_assert_cmpstr (action, ==, "win.edit-decision");
  target = g_menu_model_get_item_attribute_value (model, 0, G_MENU_ATTRIBUTE_TARGET,
                                                  G_VARIANT_TYPE_INT64);
  g_assert_cmpint (g_variant_get_int64 (target), ==, fixture->decision_id);

  gtk_popover_popdown (menu);
  gtk_widget_activate_action_variant (GTK_WIDGET (row), action, target);
  editor = awards_window_get_editor (fixture->window);
  g_assert_true (AWARDS_IS_DECISION_EDITOR (editor));
  /* It opens at once, and fills when the decision has been read. */
  WAIT_UNTIL (!awards_decision_editor_get_saving (AWARDS_DECISION_EDITOR (editor)));
  g_assert_cmpint (awards_decision_form_get_decision_id (
                     awards_decision_editor_get_form (AWARDS_DECISION_EDITOR (editor))), ==,
                   fixture->decision_id);

  /* Unchanged, it closes without a question. */
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_window_close (editor);
  WAIT_UNTIL (editor == NULL);

  /* An organisation's row offers to edit or delete it. */
  {
    AwardsBrowseView *organisations = awards_window_get_browse_view (fixture->window,
                                                                     "organisations");
    g_autoptr (AwardsOrganisation) organisation =
      awards_store_find_organisation (fixture->store, "HTX Bạch Đằng", NULL);
    g_autofree char *second = NULL;
    g_autoptr (GVariant) second_target = NULL;

    gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-section", "s",
                                "organisations");
    WAIT_UNTIL ((row = find_row (GTK_WIDGET (organisations), "HTX Bạch Đằng")) != NULL);
    awards_list_row_popup_menu (row, 10, 10);
    menu = awards_list_row_get_menu (row);
    WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (menu)));
    model = gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (menu));
    g_assert_cmpint (g_menu_model_get_n_items (model), ==, 2);
    g_assert_true (g_menu_model_get_item_attribute (model, 1, G_MENU_ATTRIBUTE_ACTION, "s",
                                                    &second));
    g_assert_cmpstr (second, ==, "win.delete-organisation");
    second_target = g_menu_model_get_item_attribute_value (model, 1, G_MENU_ATTRIBUTE_TARGET,
                                                           G_VARIANT_TYPE_INT64);
    g_assert_cmpint (g_variant_get_int64 (second_target), ==,
                     awards_organisation_get_id (organisation));
    gtk_popover_popdown (menu);
  }
}

/* Presses the button of a message dialog that reads @label, as a person would. */
static void
click_response (AdwMessageDialog *dialog,
                const char       *label)
{
  g_autoptr (GPtrArray) pending = g_ptr_array_new ();

  g_ptr_array_add (pending, dialog);
  while (pending->len > 0)
    {
      GtkWidget *widget = g_ptr_array_steal_index (pending, pending->len - 1);

      if (GTK_IS_BUTTON (widget) && gtk_widget_is_visible (widget) &&
          g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
        {
          g_signal_emit_by_name (widget, "clicked");
          return;
        }

      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (pending, child);
    }

  g_error ("The dialog “%s” has no button “%s”", adw_message_dialog_get_heading (dialog), label);
}

static void
test_edit_decision (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *page = awards_window_get_detail_page (fixture->window, "decisions");
  g_autoptr (GPtrArray) before = decision_awards (fixture);
  g_autoptr (GPtrArray) after = NULL;
  g_autoptr (AwardsDecision) decision = NULL;
  AwardsDecisionEditor *editor;
  AwardsDecisionForm *form;
  AdwMessageDialog *question;
  AwardsDraftRecipient *added;
  GtkColumnView *table;
  GtkWidget *button;
  GtkWidget *focus;
  AdwToast *toast;

  /* The decision page's Edit button opens the whole decision. */
  awards_window_show_decision (fixture->window, fixture->decision_id);
  WAIT_UNTIL (shows_label (page, "Decision 3457/QĐ-UBND of 28/12/2011"));
  button = find_action_button (page, "win.edit-decision",
                               g_variant_new_int64 (fixture->decision_id));
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");

  editor = AWARDS_DECISION_EDITOR (awards_window_get_editor (fixture->window));
  g_assert_nonnull (editor);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  /* It opens at once, busy until the decision has been read. */
  WAIT_UNTIL (!awards_decision_editor_get_saving (editor));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (editor));
  form = awards_decision_editor_get_form (editor);
  table = awards_decision_editor_get_recipients_view (editor);

  /* Its header and its five recipients, nothing marked. */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "Edit Decision");
  g_assert_cmpstr (gtk_editable_get_text (awards_decision_editor_get_entry (editor, "number")),
                   ==, "3457/QĐ-UBND");
  g_assert_cmpstr (gtk_editable_get_text (awards_decision_editor_get_entry (editor, "date")),
                   ==, "28/12/2011");
  g_assert_cmpstr (gtk_editable_get_text (awards_decision_editor_get_entry (editor,
                                                                            "authority")),
                   ==, "UBND thành phố Hải Phòng");
  g_assert_cmpstr (gtk_editable_get_text (awards_decision_editor_get_entry (editor, "award")),
                   ==, "Bằng khen");
  g_assert_cmpuint (n_items (gtk_column_view_get_model (table)), ==, 5);
  WAIT_UNTIL (shows_entry_text (GTK_WIDGET (table), "Đan Đức Hiệp"));
  g_assert_true (shows_entry_text (GTK_WIDGET (table), "HTX Đan Phượng"));
  g_assert_true (shows_label (GTK_WIDGET (editor), "2 collectives, 3 individuals"));
  g_assert_false (message_shown (editor, "number"));
  g_assert_false (awards_decision_form_get_modified (form));

  /* A new date; the fourth row (Đan Đức Hiệp) removed with its own button. */
  set_entry (editor, "date", "30/12/2011");
  button = find_action_button (GTK_WIDGET (table), "editor.remove-row",
                               g_variant_new_uint32 (3));
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  WAIT_UNTIL (!shows_entry_text (GTK_WIDGET (table), "Đan Đức Hiệp"));
  g_assert_cmpuint (n_items (gtk_column_view_get_model (table)), ==, 4);

  /* A person added: the new row's name takes the focus and the typing. */
  button = find_action_button (GTK_WIDGET (editor), "editor.add-individual", NULL);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpuint (n_items (gtk_column_view_get_model (table)), ==, 5);
  added = g_list_model_get_item (awards_decision_form_get_recipients (form), 4);
  g_object_unref (added);  /* the form keeps it */
  WAIT_UNTIL ((focus = gtk_root_get_focus (GTK_ROOT (editor))) != NULL &&
              GTK_IS_TEXT (focus) && gtk_widget_is_ancestor (focus, GTK_WIDGET (table)));
  gtk_editable_set_text (GTK_EDITABLE (focus), "Lê Văn Tám");
  g_assert_cmpstr (awards_draft_recipient_get_name (added), ==, "Lê Văn Tám");
  awards_draft_recipient_set_organisation (added, "HTX Đan Phượng");
  awards_draft_recipient_set_position (added, "Xã viên");
  WAIT_UNTIL (shows_entry_text (GTK_WIDGET (table), "Xã viên"));
  WAIT_UNTIL (awards_decision_form_get_valid (form));

  /* Closing with changes asks first, as for a new decision. */
  gtk_window_close (GTK_WINDOW (editor));
  question = awards_decision_editor_get_close_dialog (editor);
  g_assert_nonnull (question);
  g_assert_cmpstr (adw_message_dialog_get_heading (question), ==,
                   "Discard the Changes to the Decision?");
  click_response (question, "_Keep Editing");
  WAIT_UNTIL (awards_decision_editor_get_close_dialog (editor) == NULL);
  g_assert_nonnull (editor);

  /* Saved in one go; the editor closes and the page shows the decision as it is now. */
  g_signal_emit_by_name (find_action_button (GTK_WIDGET (editor), "editor.save", NULL),
                         "clicked");
  WAIT_UNTIL (editor == NULL);
  toast = awards_window_get_last_toast (fixture->window);
  g_assert_nonnull (toast);
  g_assert_cmpstr (awards_gui_toast_get_text (toast), ==, "Decision saved with 5 recipients");
  WAIT_UNTIL (shows_label (page, "Decision 3457/QĐ-UBND of 30/12/2011"));
  WAIT_UNTIL (shows_label (page, "Lê Văn Tám"));
  g_assert_false (shows_label (page, "Đan Đức Hiệp"));

  /* Checked through the store: the same decision, a new date, the same awards kept. */
  g_assert_cmpuint (awards_store_count_decisions (fixture->store, NULL, NULL), ==, 2);
  decision = awards_store_get_decision (fixture->store, fixture->decision_id, NULL);
  g_assert_cmpstr (awards_decision_get_date (decision), ==, "2011-12-30");
  after = decision_awards (fixture);
  g_assert_cmpuint (after->len, ==, 5);
  g_assert_null (award_to (after, "Đan Đức Hiệp"));
  g_assert_nonnull (award_to (after, "Lê Văn Tám"));
  g_assert_cmpstr (awards_commendation_get_organisation_at_time_name (
                     award_to (after, "Lê Văn Tám")), ==, "HTX Đan Phượng");
  g_assert_cmpstr (awards_commendation_get_date (award_to (after, "Lê Văn Tám")), ==,
                   "2011-12-30");
  for (guint i = 0; i < 4; i++)
    {
      const char *name[] = { "HTX Đan Phượng", "HTX nông nghiệp Minh Tân", "Trần Văn Bảy",
                             "Nguyễn Thị Hoa" };

      g_assert_cmpint (awards_commendation_get_id (award_to (after, name[i])), ==,
                       awards_commendation_get_id (award_to (before, name[i])));
      g_assert_cmpstr (awards_commendation_get_date (award_to (after, name[i])), ==,
                       "2011-12-30");
    }
}

/* Finds a shown message dialog whose text starts with @body. */
static AdwMessageDialog *
find_message (const char *body)
{
  g_autoptr (GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data) &&
        g_str_has_prefix (adw_message_dialog_get_body (l->data), body))
      return l->data;

  return NULL;
}

static void
test_delete_records (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *organisation_page = awards_window_get_detail_page (fixture->window,
                                                                "organisations");
  GtkWidget *person_page = awards_window_get_detail_page (fixture->window, "people");
  g_autoptr (AwardsOrganisation) organisation = awards_organisation_new ();
  g_autoptr (AwardsPerson) person = awards_person_new ();
  g_autoptr (AwardsOrganisation) awarded = NULL;
  g_autoptr (GError) error = NULL;
  AdwMessageDialog *dialog;
  AdwMessageDialog *refusal;
  GtkWidget *button;
  gint64 organisation_id, person_id;

  awards_organisation_set_name (organisation, "HTX Thủy Sơn");
  organisation_id = awards_store_save_organisation (fixture->store, organisation, &error);
  g_assert_no_error (error);
  awards_person_set_full_name (person, "Vũ Thị Lan");
  person_id = awards_store_save_person (fixture->store, person, &error);
  g_assert_no_error (error);

  /* The organisation page's Delete button asks first; Cancel keeps the organisation. */
  awards_window_show_organisation (fixture->window, organisation_id);
  WAIT_UNTIL (shows_label (organisation_page, "HTX Thủy Sơn"));
  button = find_action_button (organisation_page, "win.delete-organisation",
                               g_variant_new_int64 (organisation_id));
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  WAIT_UNTIL (awards_window_get_editor (fixture->window) != NULL);
  dialog = ADW_MESSAGE_DIALOG (awards_window_get_editor (fixture->window));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Delete “HTX Thủy Sơn”?");
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "delete"), ==, "_Delete");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "delete"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  click_response (dialog, "_Cancel");
  WAIT_UNTIL (dialog == NULL);
  g_assert_nonnull (awards_store_get_organisation (fixture->store, organisation_id, NULL));
  g_object_unref (awards_store_get_organisation (fixture->store, organisation_id, NULL));

  /* Delete deletes it: the page empties, the list forgets it, a toast says so. */
  g_signal_emit_by_name (button, "clicked");
  WAIT_UNTIL (awards_window_get_editor (fixture->window) != NULL);
  dialog = ADW_MESSAGE_DIALOG (awards_window_get_editor (fixture->window));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  click_response (dialog, "_Delete");
  WAIT_UNTIL (dialog == NULL);
  /* The delete runs on the store's write thread; the toast says when it is done. */
  WAIT_UNTIL (awards_window_get_last_toast (fixture->window) != NULL &&
              g_strcmp0 (last_toast (fixture),
                         "“HTX Thủy Sơn” deleted") == 0);
  g_assert_null (awards_store_get_organisation (fixture->store, organisation_id, NULL));
  WAIT_UNTIL (shows_label (GTK_WIDGET (fixture->window), "No Organisation Selected"));
  g_assert_cmpuint (awards_store_count_organisations (fixture->store, "thuy son", NULL), ==, 0);

  /* An organisation with awards stays, and the store's reason is shown at once, instead of a
   * question that the delete would then refuse. */
  awarded = awards_store_find_organisation (fixture->store, "HTX Bạch Đằng", NULL);
  awards_window_show_organisation (fixture->window, awards_organisation_get_id (awarded));
  WAIT_UNTIL (shows_label (organisation_page, "HTX Bạch Đằng"));
  button = find_action_button (organisation_page, "win.delete-organisation",
                               g_variant_new_int64 (awards_organisation_get_id (awarded)));
  g_signal_emit_by_name (button, "clicked");
  WAIT_UNTIL ((refusal = find_message ("The organisation has 3 awards recorded; it cannot be "
                                        "deleted.")) != NULL);
  g_assert_null (find_message ("The organisation is removed from the records, and its people "
                               "are left without an organisation. Undo (Ctrl+Z) puts it back."));
  g_assert_cmpstr (adw_message_dialog_get_heading (refusal), ==,
                   "The organisation could not be deleted");
  g_object_add_weak_pointer (G_OBJECT (refusal), (gpointer *) &refusal);
  click_response (refusal, "_Close");
  WAIT_UNTIL (refusal == NULL);
  g_assert_cmpuint (awards_store_count_organisations (fixture->store, "bach dang", NULL), ==, 1);

  /* The same for people. */
  awards_window_show_person (fixture->window, person_id);
  WAIT_UNTIL (shows_label (person_page, "Vũ Thị Lan"));
  button = find_action_button (person_page, "win.delete-person",
                               g_variant_new_int64 (person_id));
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  WAIT_UNTIL (awards_window_get_editor (fixture->window) != NULL);
  dialog = ADW_MESSAGE_DIALOG (awards_window_get_editor (fixture->window));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Delete “Vũ Thị Lan”?");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  click_response (dialog, "_Delete");
  WAIT_UNTIL (dialog == NULL);
  WAIT_UNTIL (g_strcmp0 (last_toast (fixture),
                         "“Vũ Thị Lan” deleted") == 0);
  g_assert_null (awards_store_get_person (fixture->store, person_id, NULL));
  WAIT_UNTIL (shows_label (GTK_WIDGET (fixture->window), "No Person Selected"));

  {
    g_autoptr (GPtrArray) people = awards_store_list_people (fixture->store, "tran van bay", 0,
                                                             0, 10, NULL);
    gint64 bay_id = awards_person_get_id (g_ptr_array_index (people, 0));

    g_assert_cmpuint (people->len, ==, 1);
    awards_window_show_person (fixture->window, bay_id);
    WAIT_UNTIL (shows_label (person_page, "Trần Văn Bảy"));
    button = find_action_button (person_page, "win.delete-person", g_variant_new_int64 (bay_id));
    g_signal_emit_by_name (button, "clicked");
    WAIT_UNTIL ((refusal = find_message ("The person has 1 award recorded; they cannot be "
                                          "deleted.")) != NULL);
    g_assert_null (find_message ("The person is removed from the records."));
    g_assert_cmpstr (adw_message_dialog_get_heading (refusal), ==,
                     "The person could not be deleted");
    g_object_add_weak_pointer (G_OBJECT (refusal), (gpointer *) &refusal);
    click_response (refusal, "_Close");
    WAIT_UNTIL (refusal == NULL);
    g_assert_cmpuint (awards_store_count_people (fixture->store, "tran van bay", 0, NULL), ==,
                      1);
  }
}

static GFile *
write_csv (Fixture    *fixture,
           const char *name,
           const char *contents)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  const char *header = "decision_date,authority,award,recipient_type,recipient,organisation\n";
  g_autofree char *bad = g_strconcat (header,
                                      "28/12/2011,UBND huyện Thủy Nguyên,Giấy khen,collective,"
                                      "HTX Thủy Sơn,\n"
                                      "31/02/2011,UBND huyện Thủy Nguyên,Giấy khen,individual,"
                                      "Lê Văn Tám,HTX Thủy Sơn\n", NULL);
  g_autofree char *good = g_strconcat (header,
                                       "28/12/2011,UBND huyện Thủy Nguyên,Giấy khen,collective,"
                                       "HTX Thủy Sơn,\n"
                                       "28/12/2011,UBND huyện Thủy Nguyên,Giấy khen,individual,"
                                       "Lê Văn Tám,HTX Thủy Sơn\n", NULL);
  g_autoptr (GFile) bad_file = write_csv (fixture, "bad.csv", bad);
  g_autoptr (GFile) good_file = write_csv (fixture, "good.csv", good);
  g_autofree char *preview = NULL;
  AwardsImportDialog *dialog;
  AwardsQuery query;
  guint before;

  awards_query_init (&query);
  before = awards_store_count_commendations (fixture->store, &query, NULL);

  /* A bad row is shown with its problem before anything is confirmed, under the columns'
   * names in the interface language, and the file cannot be imported. */
  dialog = awards_import_dialog_new (GTK_WINDOW (fixture->window), fixture->store, bad_file);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  WAIT_UNTIL (g_str_equal (awards_import_dialog_get_state (dialog), "preview"));
  g_assert_true (shows_label (GTK_WIDGET (dialog), "HTX Thủy Sơn"));
  preview = awards_import_dialog_get_preview_text (dialog);
  g_assert_true (g_str_has_prefix (preview, "Row | Problem | Decision date | Authority | Award | "
                                            "Recipient type | Recipient | Organisation\n"));
  g_assert_nonnull (strstr (preview, "\n3 | invalid date “31/02/2011” in column decision_date | "
                                     "31/02/2011 | UBND huyện Thủy Nguyên | Giấy khen | "
                                     "individual | Lê Văn Tám | HTX Thủy Sơn\n"));
  g_assert_true (shows_label (GTK_WIDGET (dialog), "The file has 1 problem, shown beside its "
                                                   "row. Correct it in the file, save it and "
                                                   "check it again."));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.start", NULL);
  g_assert_cmpstr (awards_import_dialog_get_state (dialog), ==, "preview");
  g_assert_cmpuint (awards_store_count_commendations (fixture->store, &query, NULL), ==, before);
  gtk_window_close (GTK_WINDOW (dialog));
  WAIT_UNTIL (dialog == NULL);

  /* A good file is imported in the background. */
  dialog = awards_import_dialog_new (GTK_WINDOW (fixture->window), fixture->store, good_file);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  WAIT_UNTIL (g_str_equal (awards_import_dialog_get_state (dialog), "preview"));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.start", NULL);
  WAIT_UNTIL (g_str_equal (awards_import_dialog_get_state (dialog), "done"));
  g_assert_true (shows_label (GTK_WIDGET (dialog), "2 Awards Imported"));
  g_assert_cmpuint (awards_store_count_commendations (fixture->store, &query, NULL), ==,
                    before + 2);
  gtk_window_destroy (GTK_WINDOW (dialog));
  WAIT_UNTIL (dialog == NULL);
}

/* Another program restores a backup over the open database, told to go ahead: the window
 * reads everything again and says so. */
static void
test_restored_elsewhere (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *backup = g_build_filename (fixture->dir, "backup.db", NULL);
  AdwToast *toast = NULL;

  g_assert_true (awards_store_backup (fixture->store, backup, &error));
  g_assert_no_error (error);
  g_assert_true (awards_store_restore_full (awards_store_get_path (fixture->store), backup,
                                            TRUE, NULL, &error));
  g_assert_no_error (error);
  WAIT_UNTIL ((toast = awards_window_get_last_toast (fixture->window)) != NULL &&
              strstr (awards_gui_toast_get_text (toast), "restored the database") != NULL);
}


/* A typo of an award is asked about, not refused: the user picks the existing award. */
static void
test_import_near_name (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr (GFile) file = write_csv (fixture, "typo.csv",
                                      "decision_date,authority,award,recipient_type,recipient\n"
                                      "29/12/2011,UBND huyện Thủy Nguyên,Giấy khn,collective,"
                                      "HTX Thủy Sơn\n");
  g_autoptr (AwardsAwardType) typo = NULL;
  g_autofree char *preview = NULL;
  AwardsImportDialog *dialog;
  AwardsQuery query;
  guint before;

  awards_query_init (&query);
  before = awards_store_count_commendations (fixture->store, &query, NULL);

  dialog = awards_import_dialog_new (GTK_WINDOW (fixture->window), fixture->store, file);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  WAIT_UNTIL (g_str_equal (awards_import_dialog_get_state (dialog), "preview"));
  g_assert_true (shows_label (GTK_WIDGET (dialog), "“Giấy khn”"));
  g_assert_true (shows_label (GTK_WIDGET (dialog), "A new award type, nearly equal to "
                                                   "“Giấy khen”"));
  preview = awards_import_dialog_get_preview_text (dialog);
  g_assert_nonnull (strstr (preview, "unknown award “Giấy khn”; did you mean “Giấy khen”?"));

  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.resolve", "(ub)", 0, TRUE);
  WAIT_UNTIL (g_str_equal (awards_import_dialog_get_state (dialog), "preview"));
  g_assert_true (shows_label (GTK_WIDGET (dialog), "1 award in this file. Every row is good."));
  /* The file's new names are listed; the award it meant is not among them. */
  g_assert_true (shows_label (GTK_WIDGET (dialog), "New organisations (1): HTX Thủy Sơn\n"
                                                   "New authorities (1): "
                                                   "UBND huyện Thủy Nguyên"));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.start", NULL);
  WAIT_UNTIL (g_str_equal (awards_import_dialog_get_state (dialog), "done"));
  g_assert_cmpuint (awards_store_count_commendations (fixture->store, &query, NULL), ==,
                    before + 1);
  typo = awards_store_find_award_type (fixture->store, "Giấy khn", NULL);
  g_assert_null (typo);
  gtk_window_destroy (GTK_WINDOW (dialog));
  WAIT_UNTIL (dialog == NULL);
}

static void
test_window_state (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *last = g_settings_get_string (settings, "last-database");

  g_assert_cmpstr (last, ==, awards_store_get_path (fixture->store));

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 930, 610);
  gtk_window_close (GTK_WINDOW (fixture->window));
  awards_test_settle (20);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 930);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 610);
  g_assert_false (g_settings_get_boolean (settings, "is-maximized"));
}

static void
test_choose_database (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-choose-XXXXXX", &error);
  g_autofree char *last = g_build_filename (dir, "last.db", NULL);
  g_autofree char *chosen = NULL;
  g_autofree char *fallback = awards_store_default_path ();

  /* --database, then $COOP_AWARDS_DB, then the last database if it still exists. */
  chosen = awards_application_choose_database ("/a/option.db", "/b/env.db", last);
  g_assert_cmpstr (chosen, ==, "/a/option.db");
  g_free (chosen);
  chosen = awards_application_choose_database (NULL, "/b/env.db", last);
  g_assert_cmpstr (chosen, ==, "/b/env.db");
  g_free (chosen);
  chosen = awards_application_choose_database (NULL, "", last);
  g_assert_cmpstr (chosen, ==, fallback);
  g_free (chosen);

  g_file_set_contents (last, "", 0, &error);
  g_assert_no_error (error);
  chosen = awards_application_choose_database (NULL, NULL, last);
  g_assert_cmpstr (chosen, ==, last);

  /* --database: a server address as it is, a file against where it was typed, and no silent
   * fall-back to another database for a location that is neither. */
  {
    g_autofree char *server = awards_application_resolve_database_option (
      "postgresql://lan@may-chu/khenthuong", "/home/lan", &error);
    g_autofree char *relative = awards_application_resolve_database_option ("awards.db",
                                                                           "/home/lan", &error);
    g_autofree char *remote = NULL;

    g_assert_no_error (error);
    g_assert_cmpstr (server, ==, "postgresql://lan@may-chu/khenthuong");
    g_assert_cmpstr (relative, ==, "/home/lan/awards.db");
    remote = awards_application_resolve_database_option ("sftp://may-chu/awards.db", "/home/lan",
                                                         &error);
    g_assert_null (remote);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
    g_assert_nonnull (strstr (error->message, "sftp://may-chu/awards.db"));
    g_clear_error (&error);
  }

  awards_test_remove_tree (dir);
}

/* A record deleted by another user while its editor is open: the save says so, and offers to
 * keep what was typed as a new record, instead of an overwrite that fails on a missing number. */
static void
test_edit_deleted_elsewhere (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr (AwardsOrganisation) organisation = awards_organisation_new ();
  g_autoptr (AwardsOrganisation) saved = NULL;
  g_autoptr (GError) error = NULL;
  AwardsOrganisationEditor *editor;
  AdwMessageDialog *question = NULL;
  gint64 id;

  awards_organisation_set_name (organisation, "HTX Sắp Giải Thể");
  id = awards_store_save_organisation (fixture->store, organisation, &error);
  g_assert_no_error (error);
  awards_organisation_set_id (organisation, id);
  editor = awards_organisation_editor_new (GTK_WINDOW (fixture->window), fixture->store,
                                           organisation);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_window_present (GTK_WINDOW (editor));
  gtk_editable_set_text (awards_organisation_editor_get_entry (editor, "district"),
                         "Kiến Xương");

  g_assert_true (awards_store_delete_organisation (fixture->store, id, &error));
  g_assert_no_error (error);
  WAIT_UNTIL (gui_test_shows_text_within (GTK_WIDGET (editor),
                                          "This record was deleted elsewhere ("));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  WAIT_UNTIL ((question = find_message ("“HTX Sắp Giải Thể” was deleted by someone else since "
                                        "you opened it. Save what you typed as a new "
                                        "record?")) != NULL);
  g_assert_cmpstr (adw_message_dialog_get_heading (question), ==, "Deleted Elsewhere");
  click_response (question, "_Save as New");
  WAIT_UNTIL (editor == NULL);
  WAIT_UNTIL ((saved = awards_store_find_organisation (fixture->store, "HTX Sắp Giải Thể",
                                                        NULL)) != NULL);
  g_assert_cmpstr (awards_organisation_get_district (saved), ==, "Kiến Xương");
}

/* Names and a server's address hold ampersands; toasts and status pages take markup. Both show
 * such text as written, not an empty line. */
static gboolean
has_label_text (GtkWidget  *widget,
                const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label_text (child, text))
      return TRUE;
  return FALSE;
}

/* Two windows of one program (two databases, or two roles): a modal editor in one holds that
 * window alone, as GTK's grabs and modality hold a window group; and the window list tells
 * them apart by the database in their titles. */
static void
test_modal_editor_holds_its_window (Fixture       *fixture,
                                    gconstpointer  data)
{
  AwardsWindow *other = g_object_ref_sink (awards_window_new (NULL, fixture->store));
  g_autofree char *basename = g_path_get_basename (awards_store_get_path (fixture->store));
  g_autofree char *title = g_strdup_printf ("Coop Awards — %s", basename);
  GtkWindow *editor;

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, title);

  gtk_window_present (GTK_WINDOW (other));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-decision", NULL);
  editor = awards_window_get_editor (fixture->window);
  g_assert_nonnull (editor);
  g_assert_true (gtk_window_get_modal (editor));
  g_assert_true (gtk_window_get_group (editor) == gtk_window_get_group (GTK_WINDOW (
                                                                          fixture->window)));
  g_assert_true (gtk_window_get_group (editor) != gtk_window_get_group (GTK_WINDOW (other)));
  gtk_window_destroy (editor);
  gtk_window_destroy (GTK_WINDOW (other));
  g_object_unref (other);
}

static void
test_plain_text_as_written (void)
{
  static const char address[] = "Could not read the settings (postgresql:///office?host=may-chu"
                                "&port=5432&user=hoa: <no connection>)";
  GtkWidget *page = g_object_ref_sink (adw_status_page_new ());
  g_autoptr (AdwToast) toast = awards_gui_toast_new ("Bằng khen to HTX Hòa & Bình deleted");
  g_autoptr (GError) error = NULL;
  g_autofree char *shown = NULL;

  awards_gui_set_status_description (ADW_STATUS_PAGE (page), address);
  g_assert_true (has_label_text (page, address));
  g_assert_cmpstr (awards_gui_toast_get_text (toast), ==, "Bằng khen to HTX Hòa & Bình deleted");
  g_assert_false (gtk_label_get_use_markup (GTK_LABEL (adw_toast_get_custom_title (toast))));
  g_object_unref (page);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = gui_test_make_home ("test-window");
  int result;

  gtk_test_init (&argc, &argv, NULL);
  /* gtk_test_init () asks for en_US.UTF-8, which these machines do not have. */
  setlocale (LC_ALL, "C.UTF-8");
  adw_init ();
  awards_gui_ensure_resources ();
  /* Without a window manager, focus moves without focus-out events, and a blinking cursor
   * then warns that it missed one; warnings are fatal in these tests. */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/window/first-run-pages", test_first_run_pages);
  ADD ("/window/search-filters", test_search_filters);
  ADD ("/window/decision-editor", test_decision_editor);
  ADD ("/window/close-asks", test_close_asks);
  ADD ("/window/undo-delete", test_undo_delete);
  ADD ("/window/record-editors", test_record_editors);
  ADD ("/window/edit-decision", test_edit_decision);
  ADD ("/window/decision-row-menu", test_decision_row_menu);
  ADD ("/window/delete-records", test_delete_records);
  ADD ("/window/import", test_import);
  ADD ("/window/import-near-name", test_import_near_name);
  ADD ("/window/window-state", test_window_state);
  ADD ("/window/restored-elsewhere", test_restored_elsewhere);
  ADD ("/window/edit-deleted-elsewhere", test_edit_deleted_elsewhere);
  ADD ("/window/modal-editor-holds-its-window", test_modal_editor_holds_its_window);
  g_test_add_func ("/application/choose-database", test_choose_database);
  g_test_add_func ("/window/plain-text-as-written", test_plain_text_as_written);

  result = g_test_run ();
  awards_test_remove_tree (home);

  return result;
}
