/* test-editor-entry.c: entering a decision with the keyboard, in a real window under Xvfb
 *
 * The keys are pressed on the X display (xdotool), so that they travel the way a person's do:
 * through the completion popup, the entry, the editor's shortcuts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <adwaita.h>

#include "gui-test-home.h"
#include "awards-commendation-editor.h"
#include "awards-browse-view.h"
#include "awards-completion.h"
#include "awards-decision-editor-private.h"
#include "awards-editor-base.h"
#include "awards-draft-recipient.h"
#include "awards-gui-utils.h"
#include "awards-window-private.h"
#include "awards-test-util.h"
#include "gui-test-wait.h"

/* Waits for the decision editor's look-ups on the store's threads to come back. */
#define CHECKED(form) GUI_TEST_WAIT_UNTIL (!awards_decision_form_get_checking (form))

typedef struct
{
  char         *dir;
  AwardsStore  *store;
  AwardsWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("test-editor-entry-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "awards.db", NULL);
  fixture->store = awards_store_open (path, &error);
  g_assert_no_error (error);
  awards_test_seed (fixture->store);

  fixture->window = g_object_ref_sink (awards_window_new (NULL, fixture->store));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 800);
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
  gui_test_settle (20);
  g_clear_object (&fixture->store);
  awards_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* Opens a new decision editor with the keyboard and waits until it has the focus. */
static AwardsDecisionEditor *
open_decision_editor (Fixture *fixture)
{
  AwardsDecisionEditor *editor;

  gui_test_focus_window (GTK_WINDOW (fixture->window));
  if (!gui_test_press_keys ("ctrl+n"))
    return NULL;
  GUI_TEST_WAIT_UNTIL (awards_window_get_editor (fixture->window) != NULL);
  editor = AWARDS_DECISION_EDITOR (awards_window_get_editor (fixture->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (editor));
  GUI_TEST_WAIT_UNTIL (gtk_window_is_active (GTK_WINDOW (editor)));

  return editor;
}

static gboolean
has_focus_within (GtkEditable *editable)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (editable)));

  return focus != NULL && (focus == GTK_WIDGET (editable) ||
                           gtk_widget_is_ancestor (focus, GTK_WIDGET (editable)));
}

/* Whether the completion popup of @entry is on screen; GTK parents it to the entry. */
static gboolean
completion_shown (GtkEditable *entry)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (entry));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child) && gtk_widget_get_mapped (child))
      return TRUE;

  return FALSE;
}

static GtkWidget *cell_entry_of (GtkWidget            *widget,
                                  AwardsDraftRecipient *recipient,
                                  const char           *property);
static AwardsDraftRecipient *recipient_at (AwardsDecisionForm *form,
                                           guint               position);

/* The suggestions of a narrow cell (a row's award) are as wide as their names, not as the cell,
 * which cut "Cờ thi đua xuất sắc" off. */
static void
test_suggestions_wider_than_cell (Fixture       *fixture,
                                  gconstpointer  data)
{
  AwardsDecisionEditor *editor = open_decision_editor (fixture);
  AwardsDecisionForm *form;
  GtkWidget *award;
  GtkWidget *popup = NULL;

  if (editor == NULL)
    {
      g_test_skip ("xdotool is not installed");
      return;
    }
  form = awards_decision_editor_get_form (editor);
  GUI_TEST_WAIT_UNTIL ((award = cell_entry_of (GTK_WIDGET (editor), recipient_at (form, 0),
                                               "award")) != NULL);
  gtk_widget_grab_focus (award);
  gui_test_press_keys ("c o space t h i");
  GUI_TEST_WAIT_UNTIL (completion_shown (GTK_EDITABLE (award)));
  for (GtkWidget *child = gtk_widget_get_first_child (award); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      popup = child;
  g_assert_nonnull (popup);
  gui_test_settle (50);
  g_test_message ("cell %d px, suggestions %d px", gtk_widget_get_width (award),
                  gtk_widget_get_width (popup));
  g_assert_cmpint (gtk_widget_get_width (popup), >, gtk_widget_get_width (award));
}

static void
test_escape_closes_popup_first (Fixture       *fixture,
                                gconstpointer  data)
{
  AwardsDecisionEditor *editor = open_decision_editor (fixture);
  GtkEditable *authority;
  AdwMessageDialog *question;

  if (editor == NULL)
    {
      g_test_skip ("xdotool is not installed");
      return;
    }
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);

  /* Ctrl+N puts the cursor into the first field, the decision number. */
  g_assert_true (has_focus_within (awards_decision_editor_get_entry (editor, "number")));

  authority = awards_decision_editor_get_entry (editor, "authority");
  gtk_widget_grab_focus (GTK_WIDGET (authority));
  gui_test_press_keys ("h a i");
  GUI_TEST_WAIT_UNTIL (completion_shown (authority));

  /* The first Esc only closes the suggestions. */
  gui_test_press_keys ("Escape");
  GUI_TEST_WAIT_UNTIL (!completion_shown (authority));
  g_assert_nonnull (editor);
  g_assert_null (awards_decision_editor_get_close_dialog (editor));
  g_assert_cmpstr (gtk_editable_get_text (authority), ==, "hai");

  /* The second asks whether to throw the changes away, and keeping them is the default. */
  gui_test_press_keys ("Escape");
  GUI_TEST_WAIT_UNTIL (awards_decision_editor_get_close_dialog (editor) != NULL);
  question = awards_decision_editor_get_close_dialog (editor);
  g_assert_false (adw_message_dialog_has_response (question, "save"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (question), ==, "cancel");
  g_assert_cmpstr (adw_message_dialog_get_close_response (question), ==, "cancel");
  g_assert_cmpstr (adw_message_dialog_get_response_label (question, "cancel"), ==,
                   "_Keep Editing");
  g_assert_cmpstr (adw_message_dialog_get_response_label (question, "discard"), ==,
                   "_Discard Changes");

  /* So an Enter typed on keeps the editor open, with nothing saved. */
  GUI_TEST_WAIT_UNTIL (gtk_window_is_active (GTK_WINDOW (question)));
  gui_test_press_keys ("Return");
  GUI_TEST_WAIT_UNTIL (awards_decision_editor_get_close_dialog (editor) == NULL);
  g_assert_nonnull (editor);
  g_assert_false (awards_decision_editor_get_saving (editor));
  /* The editor outlives this function; the tear-down closes it. */
  g_object_remove_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
}

/* Where @widget is drawn in its window, vertically. */
static double
top_in_window (GtkWidget *widget)
{
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (gtk_widget_get_root (widget)),
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  return point.y;
}

static void
test_impossible_date (Fixture       *fixture,
                      gconstpointer  data)
{
  AwardsDecisionEditor *editor;
  GtkEditable *date;
  GtkLabel *message;
  GtkWidget *authority;
  double authority_top;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-decision", NULL);
  editor = AWARDS_DECISION_EDITOR (awards_window_get_editor (fixture->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (editor));
  date = awards_decision_editor_get_entry (editor, "date");
  message = awards_decision_editor_get_message_label (editor, "date");
  authority = GTK_WIDGET (awards_decision_editor_get_entry (editor, "authority"));
  authority_top = top_in_window (authority);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (date), "error"));

  /* Written right, but the day is not in the calendar: the message says so. */
  gtk_editable_set_text (date, "31/02/2011");
  g_assert_cmpstr (gtk_label_get_label (message), ==,
                   "There is no such day: month 2 of 2011 has 28 days.");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (date), "error"));

  /* The message has its place already: the fields below do not move. */
  gtk_test_widget_wait_for_draw (GTK_WIDGET (editor));
  gui_test_settle (50);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (message)));
  g_assert_cmpfloat (top_in_window (authority), ==, authority_top);

  gtk_editable_set_text (date, "29/02/2012");
  g_assert_cmpstr (gtk_label_get_label (message), ==, "");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (date), "error"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (editor));
  g_assert_cmpfloat (top_in_window (authority), ==, authority_top);
}

/* The name entry of @recipient's row in the editor's table, once the row is bound. */
static GtkWidget *
name_entry_of (GtkWidget            *widget,
               AwardsDraftRecipient *recipient)
{
  if (GTK_IS_ENTRY (widget) &&
      g_object_get_data (G_OBJECT (widget), "awards-recipient") == recipient)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *entry = name_entry_of (child, recipient);

      if (entry != NULL)
        return entry;
    }

  return NULL;
}

/* The entry of @recipient's row for @property ("organisation", "award"), once bound. */
static GtkWidget *
cell_entry_of (GtkWidget            *widget,
               AwardsDraftRecipient *recipient,
               const char           *property)
{
  if (GTK_IS_ENTRY (widget) &&
      g_object_get_data (G_OBJECT (widget), "awards-row-recipient") == recipient &&
      g_strcmp0 (g_object_get_data (G_OBJECT (widget), "awards-cell-property"), property) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *entry = cell_entry_of (child, recipient, property);

      if (entry != NULL)
        return entry;
    }

  return NULL;
}

static AwardsDraftRecipient *
recipient_at (AwardsDecisionForm *form,
              guint               position)
{
  g_autoptr (AwardsDraftRecipient) recipient =
    g_list_model_get_item (awards_decision_form_get_recipients (form), position);

  /* The form keeps its rows. */
  return recipient;
}

static void
fill_header (AwardsDecisionEditor *editor)
{
  gtk_editable_set_text (awards_decision_editor_get_entry (editor, "number"), "15/QĐ-LMHTXVN");
  gtk_editable_set_text (awards_decision_editor_get_entry (editor, "date"), "28/12/2011");
  gtk_editable_set_text (awards_decision_editor_get_entry (editor, "authority"),
                         "UBND thành phố Hải Phòng");
  gtk_editable_set_text (awards_decision_editor_get_entry (editor, "award"), "Bằng khen");
}

static void
test_enter_adds_row (Fixture       *fixture,
                     gconstpointer  data)
{
  AwardsDecisionEditor *editor = open_decision_editor (fixture);
  AwardsDecisionForm *form;
  GtkWidget *table;
  GtkWidget *first, *second;

  if (editor == NULL)
    {
      g_test_skip ("xdotool is not installed");
      return;
    }
  form = awards_decision_editor_get_form (editor);
  table = GTK_WIDGET (awards_decision_editor_get_recipients_view (editor));
  g_assert_cmpuint (awards_decision_form_get_n_recipients (form), ==, 1);

  GUI_TEST_WAIT_UNTIL ((first = name_entry_of (table, recipient_at (form, 0))) != NULL);
  gtk_widget_grab_focus (first);
  gtk_editable_set_text (GTK_EDITABLE (first), "HTX Bạch Đằng");

  /* Enter in the last row: a new row, and the cursor in its name. */
  gui_test_press_keys ("Return");
  GUI_TEST_WAIT_UNTIL (awards_decision_form_get_n_recipients (form) == 2);
  GUI_TEST_WAIT_UNTIL ((second = name_entry_of (table, recipient_at (form, 1))) != NULL &&
                       has_focus_within (GTK_EDITABLE (second)));
  g_assert_cmpint (awards_draft_recipient_get_kind (recipient_at (form, 1)), ==,
                   awards_draft_recipient_get_kind (recipient_at (form, 0)));

  /* Enter in a row above the last adds nothing. */
  gtk_widget_grab_focus (first);
  gui_test_press_keys ("Return");
  g_assert_cmpuint (awards_decision_form_get_n_recipients (form), ==, 2);
}

static void
test_failed_save_focuses_problem (Fixture       *fixture,
                                  gconstpointer  data)
{
  AwardsDecisionEditor *editor = open_decision_editor (fixture);
  AwardsDecisionForm *form;
  AwardsDraftRecipient *second;
  GtkWidget *table;
  GtkWidget *entry;

  if (editor == NULL)
    {
      g_test_skip ("xdotool is not installed");
      return;
    }
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  form = awards_decision_editor_get_form (editor);
  table = GTK_WIDGET (awards_decision_editor_get_recipients_view (editor));
  fill_header (editor);
  awards_draft_recipient_set_name (recipient_at (form, 0), "HTX Bạch Đằng");
  second = awards_decision_form_add_recipient (form, AWARDS_RECIPIENT_KIND_INDIVIDUAL);
  awards_draft_recipient_set_position (second, "Kế toán");
  awards_draft_recipient_set_organisation (second, "HTX Bạch Đằng");

  /* The second row has no name: Ctrl+S refuses and puts the cursor into that name. */
  CHECKED (form);
  gtk_widget_grab_focus (GTK_WIDGET (awards_decision_editor_get_entry (editor, "number")));
  gui_test_press_keys ("ctrl+s");
  g_assert_nonnull (editor);
  g_assert_false (awards_decision_editor_get_saving (editor));
  g_assert_nonnull (awards_draft_recipient_get_message (second));
  GUI_TEST_WAIT_UNTIL ((entry = name_entry_of (table, second)) != NULL);
  GUI_TEST_WAIT_UNTIL (has_focus_within (GTK_EDITABLE (entry)));

  /* A header problem comes first. */
  gtk_editable_set_text (awards_decision_editor_get_entry (editor, "date"), "30/02/2011");
  gui_test_press_keys ("ctrl+s");
  GUI_TEST_WAIT_UNTIL (has_focus_within (awards_decision_editor_get_entry (editor, "date")));

  /* A problem far down a long annex, in a row not in view: the table scrolls to it. */
  gtk_editable_set_text (awards_decision_editor_get_entry (editor, "date"), "28/02/2011");
  awards_draft_recipient_set_name (second, "Đào Văn Hai");
  {
    g_autoptr (GString) rows = g_string_new (NULL);
    AwardsDraftRecipient *last;

    for (guint i = 1; i <= 300; i++)
      g_string_append_printf (rows, "Tập thể\tHTX Vận tải số %u\n", i);
    g_assert_cmpuint (awards_decision_form_paste_rows (form, rows->str), ==, 300);
    last = awards_decision_form_add_recipient (form, AWARDS_RECIPIENT_KIND_INDIVIDUAL);
    awards_draft_recipient_set_name (last, "Lê Văn Cuối");
    CHECKED (form);
    g_assert_nonnull (awards_draft_recipient_get_message (last));
    gtk_widget_grab_focus (GTK_WIDGET (awards_decision_editor_get_entry (editor, "number")));
    GUI_TEST_WAIT_UNTIL (name_entry_of (table, last) == NULL);
    gui_test_press_keys ("ctrl+s");
    GUI_TEST_WAIT_UNTIL ((entry = name_entry_of (table, last)) != NULL &&
                         has_focus_within (GTK_EDITABLE (entry)));
  }
  g_object_remove_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
}

/* The mapped button under @widget that reads @label. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The message dialog shown over @window, if any. */
static AdwMessageDialog *
question_of (GtkWindow *window)
{
  g_autoptr (GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data) &&
        gtk_window_get_transient_for (l->data) == window)
      return l->data;

  return NULL;
}

static void
test_closed_catalogue (Fixture       *fixture,
                       gconstpointer  data)
{
  AwardsDecisionEditor *editor;
  AwardsDecisionForm *form;
  GtkEditable *award, *authority;
  GtkButton *use, *add;
  AdwMessageDialog *question;
  g_autoptr (AwardsAwardType) typo = NULL;
  g_autoptr (AwardsOrganisation) near = NULL;
  g_autoptr (AwardsAwardType) added = NULL;
  GtkWidget *button, *name;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-decision", NULL);
  editor = AWARDS_DECISION_EDITOR (awards_window_get_editor (fixture->window));
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (editor));
  form = awards_decision_editor_get_form (editor);
  award = awards_decision_editor_get_entry (editor, "award");
  authority = awards_decision_editor_get_entry (editor, "authority");

  /* Search as you type, folded: "bang khen" finds "Bằng khen". */
  gtk_editable_set_text (award, "bang khen");
  /* The suggestions are asked of the store asynchronously. */
  GUI_TEST_WAIT_UNTIL (!awards_completion_is_pending (GTK_ENTRY (award)));
  g_assert_cmpuint (awards_completion_get_n_suggestions (GTK_ENTRY (award)), >=, 1);

  /* A typo is not a new award type: it is marked, and the name meant is one click away. */
  gtk_editable_set_text (award, "Bằng khn");
  /* The editor looks names up on the store's threads, and shows what it found when it is in. */
  g_assert_true (awards_decision_form_get_checking (form));
  CHECKED (form);
  g_assert_cmpstr (gtk_label_get_label (awards_decision_editor_get_message_label (editor,
                                                                                  "award")),
                   ==, "“Bằng khn” is not in the catalogue of awards. Did you mean “Bằng khen”?");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (award), "error"));
  use = awards_decision_editor_get_catalogue_button (editor, "award", "use");
  add = awards_decision_editor_get_catalogue_button (editor, "award", "add");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (editor));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (use)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (add)));
  g_assert_cmpstr (gtk_button_get_label (use), ==, "Use “Bằng khen”");

  /* Saving refuses while the typo stands. */
  gtk_editable_set_text (awards_decision_editor_get_entry (editor, "number"), "16/QĐ-UBND");
  gtk_editable_set_text (awards_decision_editor_get_entry (editor, "date"), "29/12/2011");
  gtk_editable_set_text (authority, "UBND thanh pho Hai Phong");
  CHECKED (form);
  g_assert_cmpstr (gtk_button_get_label (awards_decision_editor_get_catalogue_button
                                           (editor, "authority", "use")), ==,
                   "Use “UBND thành phố Hải Phòng”");
  g_signal_emit_by_name (awards_decision_editor_get_catalogue_button (editor, "authority", "use"),
                         "clicked");
  g_assert_cmpstr (gtk_editable_get_text (authority), ==, "UBND thành phố Hải Phòng");
  CHECKED (form);
  g_assert_cmpstr (gtk_label_get_label (awards_decision_editor_get_message_label (editor,
                                                                                  "authority")),
                   ==, "");
  awards_draft_recipient_set_name (recipient_at (form, 0), "HTX Bach Dang");
  /* Pressed before the row's name is looked up, Save waits for the answer, then refuses. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_true (awards_decision_editor_get_saving (editor));
  GUI_TEST_WAIT_UNTIL (!awards_decision_editor_get_saving (editor));
  gui_test_settle (50);
  g_assert_nonnull (editor);
  g_assert_false (awards_decision_editor_get_saving (editor));

  g_signal_emit_by_name (use, "clicked");
  CHECKED (form);
  g_assert_cmpstr (gtk_editable_get_text (award), ==, "Bằng khen");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (award), "error"));

  /* An organisation one step from a stored one is flagged in its row before saving. */
  g_assert_cmpstr (awards_draft_recipient_get_message (recipient_at (form, 0)), ==,
                   "“HTX Bach Dang” is not recorded yet. Did you mean “HTX Bạch Đằng”?");
  GUI_TEST_WAIT_UNTIL ((button = find_button (GTK_WIDGET (editor), "Use “HTX Bạch Đằng”")));
  name = name_entry_of (GTK_WIDGET (editor), recipient_at (form, 0));
  g_assert_true (gtk_widget_has_css_class (name, "error"));
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpstr (awards_draft_recipient_get_name (recipient_at (form, 0)), ==, "HTX Bạch Đằng");
  CHECKED (form);
  g_assert_null (awards_draft_recipient_get_message (recipient_at (form, 0)));
  g_assert_false (gtk_widget_has_css_class (name, "error"));

  /* A row's award nearly equal to the catalogue's marks the award's cell, not the name's. */
  awards_draft_recipient_set_award (recipient_at (form, 0), "Giấy khenn");
  CHECKED (form);
  g_assert_cmpstr (awards_draft_recipient_get_message (recipient_at (form, 0)), ==,
                   "“Giấy khenn” is not in the catalogue of awards. Did you mean “Giấy khen”?");
  {
    GtkWidget *row_award = cell_entry_of (GTK_WIDGET (editor), recipient_at (form, 0), "award");

    g_assert_nonnull (row_award);
    g_assert_true (gtk_widget_has_css_class (row_award, "error"));
    g_assert_false (gtk_widget_has_css_class (name, "error"));
    awards_draft_recipient_set_award (recipient_at (form, 0), "");
    CHECKED (form);
    g_assert_false (gtk_widget_has_css_class (row_award, "error"));
  }

  /* A new award type only through its own step, which names the nearest ones. */
  gtk_editable_set_text (award, "Bằng khen của Liên minh");
  CHECKED (form);
  g_assert_false (awards_decision_form_get_valid (form));
  /* Pressed from the keyboard: the button has the focus. */
  gtk_widget_grab_focus (GTK_WIDGET (add));
  g_signal_emit_by_name (add, "clicked");
  GUI_TEST_WAIT_UNTIL ((question = question_of (GTK_WINDOW (editor))) != NULL);
  g_assert_cmpstr (adw_message_dialog_get_heading (question), ==,
                   "Add “Bằng khen của Liên minh” as a New Award Type?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (question), "Bằng khen"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (question), ==, "cancel");
  adw_message_dialog_response (question, "add");
  CHECKED (form);
  g_assert_true (awards_decision_form_get_valid (form));
  /* The button that asked is gone: the typing goes on in the field. */
  GUI_TEST_WAIT_UNTIL (has_focus_within (award));

  gtk_editable_set_text (award, "Bằng khen");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  GUI_TEST_WAIT_UNTIL (editor == NULL);

  typo = awards_store_find_award_type (fixture->store, "Bằng khn", NULL);
  g_assert_null (typo);
  near = awards_store_find_organisation (fixture->store, "HTX Bach Dang", NULL);
  g_assert_null (near);
  added = awards_store_find_award_type (fixture->store, "Bằng khen của Liên minh", NULL);
  g_assert_null (added);
}

/* Closed while its save waits for the rows' look-ups (a server that does not answer), the
 * decision editor gives the save up, having written nothing, and asks as it does when idle. */
static void
test_close_while_checking (Fixture       *fixture,
                           gconstpointer  data)
{
  AwardsDecisionEditor *editor;
  AwardsDecisionForm *form;
  AdwMessageDialog *question;
  guint n_decisions = awards_store_count_decisions (fixture->store, NULL, NULL);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-decision", NULL);
  editor = AWARDS_DECISION_EDITOR (awards_window_get_editor (fixture->window));
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  form = awards_decision_editor_get_form (editor);
  gtk_editable_set_text (awards_decision_editor_get_entry (editor, "authority"),
                         "UBND thành phố Hải Phòng");
  g_assert_true (awards_decision_form_get_checking (form));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_true (awards_decision_editor_get_saving (editor));

  gtk_window_close (GTK_WINDOW (editor));
  g_assert_false (awards_decision_editor_get_saving (editor));
  question = awards_decision_editor_get_close_dialog (editor);
  g_assert_nonnull (question);
  adw_message_dialog_response (question, "discard");
  GUI_TEST_WAIT_UNTIL (editor == NULL);
  g_assert_cmpuint (awards_store_count_decisions (fixture->store, NULL, NULL), ==, n_decisions);
}

static void
test_award_editor_catalogue (Fixture       *fixture,
                             gconstpointer  data)
{
  AwardsCommendationEditor *editor;
  g_autoptr (GPtrArray) awards = NULL;
  g_autoptr (AwardsCommendation) saved = NULL;
  AwardsCommendation *merit;
  GtkWidget *button;
  AwardsQuery query;

  awards_query_init (&query);
  query.recipient_kind = AWARDS_RECIPIENT_KIND_COLLECTIVE;
  awards = awards_store_list_commendations (fixture->store, &query, AWARDS_ORDER_ANNEX, NULL);
  merit = g_ptr_array_index (awards, 0);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.edit-commendation", "x",
                              awards_commendation_get_id (merit));
  GUI_TEST_WAIT_UNTIL (awards_window_get_editor (fixture->window) != NULL);
  editor = AWARDS_COMMENDATION_EDITOR (awards_window_get_editor (fixture->window));
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (editor));

  gtk_editable_set_text (awards_commendation_editor_get_entry (editor, "award-name"),
                         "Bằng khn");
  GUI_TEST_WAIT_UNTIL (!awards_editor_base_get_checking (AWARDS_EDITOR_BASE (editor)));
  g_assert_cmpstr (gtk_label_get_label (awards_commendation_editor_get_message (editor,
                                                                                "award-name")),
                   ==, "“Bằng khn” is not in the catalogue of awards. Did you mean “Bằng khen”?");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  gui_test_settle (50);
  g_assert_nonnull (editor);

  GUI_TEST_WAIT_UNTIL ((button = find_button (GTK_WIDGET (editor), "Use “Bằng khen”")));
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpstr (gtk_editable_get_text (awards_commendation_editor_get_entry (editor,
                                                                                "award-name")),
                   ==, "Bằng khen");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  GUI_TEST_WAIT_UNTIL (editor == NULL);

  saved = awards_store_get_commendation (fixture->store, awards_commendation_get_id (merit),
                                         NULL);
  g_assert_cmpstr (awards_commendation_get_award_name (saved), ==, "Bằng khen");
  g_assert_null (awards_store_find_award_type (fixture->store, "Bằng khn", NULL));
}

/* Shows the "members" page of the first stack under @widget that has one. */
static gboolean
show_members_page (GtkWidget *widget)
{
  if (GTK_IS_STACK (widget) && gtk_stack_get_child_by_name (GTK_STACK (widget), "members"))
    {
      gtk_stack_set_visible_child_name (GTK_STACK (widget), "members");
      return TRUE;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (show_members_page (child))
      return TRUE;

  return FALSE;
}

/* The mapped widget under @widget whose tooltip reads @tooltip. */
static GtkWidget *
find_tooltip (GtkWidget  *widget,
              const char *tooltip)
{
  if (gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_tooltip (child, tooltip);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkColumnView *
column_view_of (GtkWidget *widget)
{
  return GTK_COLUMN_VIEW (gtk_widget_get_ancestor (widget, GTK_TYPE_COLUMN_VIEW));
}

static const char *
decision_number_at (GtkColumnView *view,
                    guint          position)
{
  g_autoptr (AwardsCommendation) commendation =
    g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (view)), position);
  static char number[64];

  g_strlcpy (number, awards_commendation_get_decision_number (commendation), sizeof number);
  return number;
}

static GtkColumnViewColumn *
column_titled (GtkColumnView *view,
               const char    *title)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }

  return NULL;
}

static void
test_members_awards_table (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr (GPtrArray) merit = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (AwardsOrganisation) bach_dang = NULL;
  GtkWidget *page = awards_window_get_detail_page (fixture->window, "organisations");
  GtkWidget *delete, *scrolled, *position;
  GtkColumnView *view;
  graphene_rect_t bounds;
  AwardsQuery query;
  guint before;

  /* An earlier decision of the same day, with a smaller number. */
  g_ptr_array_add (merit, awards_test_recipient (AWARDS_RECIPIENT_KIND_INDIVIDUAL, "Trần Văn Bảy",
                                              "HTX Bạch Đằng", "Chủ nhiệm", "Giấy khen"));
  awards_test_save_decision (fixture->store, "789/QĐ-UBND", "2011-12-28",
                          "UBND thành phố Hải Phòng", merit);

  bach_dang = awards_store_find_organisation (fixture->store, "HTX Bạch Đằng", NULL);
  awards_window_show_organisation (fixture->window, awards_organisation_get_id (bach_dang));
  GUI_TEST_WAIT_UNTIL (show_members_page (page));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));

  /* At the default 1100 pixels, each row's delete button is on screen, inside the table. */
  GUI_TEST_WAIT_UNTIL ((delete = find_tooltip (page, "Delete Award of Nguyễn Thị Hoa")) != NULL);
  scrolled = gtk_widget_get_ancestor (delete, GTK_TYPE_SCROLLED_WINDOW);
  /* The page reads its record on the store's threads: the table is laid out some frames after
   * its rows exist (many, under the sanitizers). */
  GUI_TEST_WAIT_UNTIL (gtk_widget_get_width (scrolled) > 0 && gtk_widget_get_width (delete) > 0);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_true (gtk_widget_compute_bounds (delete, scrolled, &bounds));
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (scrolled));

  /* A cell cut short shows itself whole in its tooltip. */
  position = find_tooltip (page, "Chủ nhiệm");
  g_assert_nonnull (position);
  g_assert_true (GTK_IS_LABEL (position));

  /* The Decision header sorts by number, counting: 789 before 3457. */
  view = column_view_of (delete);
  gtk_column_view_sort_by_column (view, column_titled (view, "Decision"), GTK_SORT_ASCENDING);
  g_assert_cmpstr (decision_number_at (view, 0), ==, "789/QĐ-UBND");
  gtk_column_view_sort_by_column (view, column_titled (view, "Decision"), GTK_SORT_DESCENDING);
  g_assert_cmpstr (decision_number_at (view, 0), ==, "3457/QĐ-UBND");
  g_assert_nonnull (gtk_column_view_column_get_sorter (column_titled (view, "Award")));

  /* F2 edits the selected row; Delete deletes it. */
  gtk_selection_model_select_item (gtk_column_view_get_model (view), 0, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (view));
  gui_test_focus_window (GTK_WINDOW (fixture->window));
  if (!gui_test_press_keys ("F2"))
    {
      g_test_skip ("xdotool is not installed");
      return;
    }
  GUI_TEST_WAIT_UNTIL (AWARDS_IS_COMMENDATION_EDITOR (awards_window_get_editor (fixture->window)));
  gtk_window_destroy (awards_window_get_editor (fixture->window));
  gui_test_focus_window (GTK_WINDOW (fixture->window));

  awards_query_init (&query);
  query.recipient_kind = AWARDS_RECIPIENT_KIND_INDIVIDUAL;
  before = awards_store_count_commendations (fixture->store, &query, NULL);
  gtk_selection_model_select_item (gtk_column_view_get_model (view), 0, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (view));
  gui_test_press_keys ("Delete");
  GUI_TEST_WAIT_UNTIL (awards_store_count_commendations (fixture->store, &query, NULL) ==
                       before - 1);
}

/* The organisation, person and award editors share one base: the same question on close. */
static void
test_record_editor_base (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *actions[] = { "win.new-organisation", "win.new-person" };
  const char *headings[] = { "Discard the Changes to the Organisation?",
                             "Discard the Changes to the Person?" };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      GtkWindow *editor;
      AdwMessageDialog *question;

      gtk_widget_activate_action (GTK_WIDGET (fixture->window), actions[i], NULL);
      editor = awards_window_get_editor (fixture->window);
      g_assert_true (AWARDS_IS_EDITOR_BASE (editor));
      g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (editor));

      /* Untouched, Save refuses with the focus on the empty name. */
      gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
      g_assert_nonnull (editor);
      g_assert_true (GTK_IS_ENTRY (gtk_widget_get_ancestor (gtk_window_get_focus (editor),
                                                            GTK_TYPE_ENTRY)));

      gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_ancestor (gtk_window_get_focus (editor),
                                                                    GTK_TYPE_ENTRY)),
                             "Vũ Thị Lan");
      gtk_window_close (editor);
      GUI_TEST_WAIT_UNTIL ((question = question_of (editor)) != NULL);
      g_assert_cmpstr (adw_message_dialog_get_heading (question), ==, headings[i]);
      g_assert_cmpstr (adw_message_dialog_get_default_response (question), ==, "cancel");
      adw_message_dialog_response (question, "cancel");
      gui_test_settle (20);
      g_assert_nonnull (editor);

      gtk_window_close (editor);
      GUI_TEST_WAIT_UNTIL ((question = question_of (editor)) != NULL);
      adw_message_dialog_response (question, "discard");
      GUI_TEST_WAIT_UNTIL (editor == NULL);
    }
}

static const char *
listed_decision (GListModel *model,
                 guint       position)
{
  g_autoptr (AwardsDecision) decision = g_list_model_get_item (model, position);
  static char number[64];

  g_strlcpy (number, decision != NULL ? awards_decision_get_number (decision) : "", sizeof number);
  return number;
}

/* The Decisions list shows one day's decisions by their number as counted. */
static void
test_decisions_by_number (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr (GPtrArray) merit = g_ptr_array_new_with_free_func (g_object_unref);
  AwardsBrowseView *view;
  GListModel *model;

  g_ptr_array_add (merit, awards_test_recipient (AWARDS_RECIPIENT_KIND_COLLECTIVE, "HTX Bạch Đằng",
                                              NULL, NULL, "Giấy khen"));
  awards_test_save_decision (fixture->store, "789/QĐ-UBND", "2011-12-28",
                          "UBND thành phố Hải Phòng", merit);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-section", "s",
                              "decisions");
  view = awards_window_get_browse_view (fixture->window, "decisions");
  GUI_TEST_WAIT_UNTIL ((model = G_LIST_MODEL (awards_browse_view_get_model (view))) != NULL &&
                       g_list_model_get_n_items (model) == 3 &&
                       g_strcmp0 (listed_decision (model, 2), "") != 0);
  g_assert_cmpstr (listed_decision (model, 0), ==, "789/QĐ-UBND");
  g_assert_cmpstr (listed_decision (model, 1), ==, "3456/QĐ-UBND");
  g_assert_cmpstr (listed_decision (model, 2), ==, "3457/QĐ-UBND");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = gui_test_make_home ("test-editor-entry");
  int result;

  gtk_test_init (&argc, &argv, NULL);
  /* gtk_test_init () asks for en_US.UTF-8, which these machines do not have. */
  setlocale (LC_ALL, "C.UTF-8");
  adw_init ();
  awards_gui_ensure_resources ();
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/entry/escape-closes-popup-first", test_escape_closes_popup_first);
  ADD ("/entry/suggestions-wider-than-cell", test_suggestions_wider_than_cell);
  ADD ("/entry/impossible-date", test_impossible_date);
  ADD ("/entry/enter-adds-row", test_enter_adds_row);
  ADD ("/entry/failed-save-focuses-problem", test_failed_save_focuses_problem);
  ADD ("/entry/closed-catalogue", test_closed_catalogue);
  ADD ("/entry/close-while-checking", test_close_while_checking);
  ADD ("/entry/award-editor-catalogue", test_award_editor_catalogue);
  ADD ("/lists/members-awards-table", test_members_awards_table);
  ADD ("/entry/record-editor-base", test_record_editor_base);
  ADD ("/lists/decisions-by-number", test_decisions_by_number);

  result = g_test_run ();
  awards_test_remove_tree (home);

  return result;
}
