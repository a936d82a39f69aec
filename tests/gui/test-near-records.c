/* test-near-records.c: the organisation and person editors ask "did you mean …?" before saving
 * a name nearly equal to a stored one, in a real window under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include <adwaita.h>

#include "gui-test-find.h"
#include "gui-test-home.h"
#include "awards-gui-utils.h"
#include "awards-organisation-editor.h"
#include "awards-person-editor.h"
#include "awards-window-private.h"
#include "awards-test-util.h"

typedef struct
{
  char         *dir;
  AwardsStore  *store;
  AwardsWindow *window;
} Fixture;

#define WAIT_UNTIL(expr) AWARDS_TEST_WAIT_UNTIL (expr, 5)
/* The editors look names up on the store's threads; their messages come with the answers. */
#define CHECKED(editor) WAIT_UNTIL (!awards_editor_base_get_checking (AWARDS_EDITOR_BASE (editor)))

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = awards_test_make_dir ("test-near-records");
  path = g_build_filename (fixture->dir, "awards.db", NULL);
  fixture->store = awards_store_open (path, &error);
  g_assert_no_error (error);
  /* HTX Bạch Đằng, with Trần Văn Bảy and Nguyễn Thị Hoa. */
  awards_test_seed (fixture->store);

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

/* The visible button under @widget labelled @label. */
static GtkButton *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_is_visible (widget) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return GTK_BUTTON (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkButton *button = find_button (child, label);

      if (button != NULL)
        return button;
    }
  return NULL;
}

/* The message under a field; the label keeps its place, empty, when there is none. */
static const char *
shown_message (GtkLabel *label)
{
  const char *text = gtk_label_get_label (label);

  return gtk_widget_get_visible (GTK_WIDGET (label)) && text[0] != '\0' ? text : NULL;
}

static void
test_organisation (Fixture       *fixture,
                   gconstpointer  data)
{
  AwardsOrganisationEditor *editor;
  AwardsOrganisationEditor *opened;
  g_autoptr (AwardsOrganisation) existing =
    awards_store_find_organisation (fixture->store, "HTX Bạch Đằng", NULL);
  g_autoptr (AwardsOrganisation) kept = NULL;
  GtkButton *use;
  GtkButton *keep;

  /* Typed without accents, the name is flagged before anything is saved. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-organisation", NULL);
  editor = AWARDS_ORGANISATION_EDITOR (awards_window_get_editor (fixture->window));
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_editable_set_text (awards_organisation_editor_get_entry (editor, "name"), "HTX Bach Dang");
  CHECKED (editor);
  g_assert_cmpstr (shown_message (awards_organisation_editor_get_message (editor, "name")), ==,
                   "“HTX Bach Dang” is not recorded yet. Did you mean “HTX Bạch Đằng”?");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_nonnull (editor);

  /* One click opens the existing record instead. */
  use = find_button (GTK_WIDGET (editor), "Use “HTX Bạch Đằng”");
  g_assert_nonnull (use);
  g_signal_emit_by_name (use, "clicked");
  WAIT_UNTIL (editor == NULL);
  WAIT_UNTIL (awards_window_get_editor (fixture->window) != NULL);
  opened = AWARDS_ORGANISATION_EDITOR (awards_window_get_editor (fixture->window));
  g_assert_nonnull (opened);
  g_assert_cmpstr (gtk_editable_get_text (awards_organisation_editor_get_entry (opened, "name")),
                   ==, awards_organisation_get_name (existing));
  g_assert_null (shown_message (awards_organisation_editor_get_message (opened, "name")));
  gtk_window_destroy (GTK_WINDOW (opened));

  /* The other keeps the new name, and it saves. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-organisation", NULL);
  editor = AWARDS_ORGANISATION_EDITOR (awards_window_get_editor (fixture->window));
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_editable_set_text (awards_organisation_editor_get_entry (editor, "name"), "HTX Bach Dang");
  CHECKED (editor);
  keep = find_button (GTK_WIDGET (editor), "Keep as _New");
  g_assert_nonnull (keep);
  g_signal_emit_by_name (keep, "clicked");
  g_assert_null (shown_message (awards_organisation_editor_get_message (editor, "name")));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  WAIT_UNTIL (editor == NULL);
  kept = awards_store_find_organisation (fixture->store, "HTX Bach Dang", NULL);
  g_assert_nonnull (kept);
  g_assert_cmpint (awards_organisation_get_id (kept), !=, awards_organisation_get_id (existing));
  /* Its kind was taken from its name, as an import takes it: "HTX …" is a cooperative. */
  g_assert_cmpint (awards_organisation_get_kind (kept), ==, AWARDS_ORGANISATION_KIND_COOPERATIVE);

  /* The very name of a recorded organisation is asked about too, and opens it. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-organisation", NULL);
  editor = AWARDS_ORGANISATION_EDITOR (awards_window_get_editor (fixture->window));
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_editable_set_text (awards_organisation_editor_get_entry (editor, "name"), "HTX Bạch Đằng");
  CHECKED (editor);
  g_assert_cmpstr (shown_message (awards_organisation_editor_get_message (editor, "name")), ==,
                   "An organisation named “HTX Bạch Đằng” is recorded already. Open it, or keep "
                   "this one as another of the same name.");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_nonnull (editor);
  use = find_button (GTK_WIDGET (editor), "Open “HTX Bạch Đằng”");
  g_assert_nonnull (use);
  g_signal_emit_by_name (use, "clicked");
  WAIT_UNTIL (editor == NULL);
  WAIT_UNTIL (awards_window_get_editor (fixture->window) != NULL);
  opened = AWARDS_ORGANISATION_EDITOR (awards_window_get_editor (fixture->window));
  g_assert_null (shown_message (awards_organisation_editor_get_message (opened, "name")));
  gtk_window_destroy (GTK_WINDOW (opened));
  g_assert_cmpuint (awards_store_count_organisations (fixture->store, "bach dang", NULL), ==, 2);
}

static void
test_person (Fixture       *fixture,
             gconstpointer  data)
{
  AwardsPersonEditor *editor;
  AwardsPersonEditor *opened;
  GtkButton *use;
  GtkButton *keep;

  /* One letter from a person of the same cooperative. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-person", NULL);
  WAIT_UNTIL (awards_window_get_editor (fixture->window) != NULL);
  editor = AWARDS_PERSON_EDITOR (awards_window_get_editor (fixture->window));
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_editable_set_text (awards_person_editor_get_entry (editor, "organisation-name"),
                         "HTX Bạch Đằng");
  CHECKED (editor);
  gtk_editable_set_text (awards_person_editor_get_entry (editor, "full-name"), "Trần Văn Bẩy");
  CHECKED (editor);
  g_assert_cmpstr (shown_message (awards_person_editor_get_message (editor, "full-name")), ==,
                   "HTX Bạch Đằng has no “Trần Văn Bẩy” yet. Did you mean “Trần Văn Bảy”?");
  gtk_editable_set_text (awards_person_editor_get_entry (editor, "full-name"), "Trần Văn Bay");
  CHECKED (editor);
  g_assert_cmpstr (shown_message (awards_person_editor_get_message (editor, "full-name")), ==,
                   "HTX Bạch Đằng has no “Trần Văn Bay” yet. Did you mean “Trần Văn Bảy”?");
  /* Two letters off is another person. */
  gtk_editable_set_text (awards_person_editor_get_entry (editor, "full-name"), "Trần Văn Bình");
  CHECKED (editor);
  g_assert_null (shown_message (awards_person_editor_get_message (editor, "full-name")));

  gtk_editable_set_text (awards_person_editor_get_entry (editor, "full-name"), "Trần Văn Bat");
  CHECKED (editor);
  use = find_button (GTK_WIDGET (editor), "Use “Trần Văn Bảy”");
  g_assert_nonnull (use);
  g_signal_emit_by_name (use, "clicked");
  WAIT_UNTIL (editor == NULL);
  WAIT_UNTIL (awards_window_get_editor (fixture->window) != NULL);
  opened = AWARDS_PERSON_EDITOR (awards_window_get_editor (fixture->window));
  g_assert_nonnull (opened);
  g_assert_cmpstr (gtk_editable_get_text (awards_person_editor_get_entry (opened, "full-name")),
                   ==, "Trần Văn Bảy");
  gtk_window_destroy (GTK_WINDOW (opened));

  /* Kept as new, the name saves. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-person", NULL);
  WAIT_UNTIL (awards_window_get_editor (fixture->window) != NULL);
  editor = AWARDS_PERSON_EDITOR (awards_window_get_editor (fixture->window));
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_editable_set_text (awards_person_editor_get_entry (editor, "organisation-name"),
                         "HTX Bạch Đằng");
  CHECKED (editor);
  gtk_editable_set_text (awards_person_editor_get_entry (editor, "full-name"), "Trần Văn Bat");
  CHECKED (editor);
  keep = find_button (GTK_WIDGET (editor), "Keep as _New");
  g_assert_nonnull (keep);
  g_signal_emit_by_name (keep, "clicked");
  g_assert_null (shown_message (awards_person_editor_get_message (editor, "full-name")));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  WAIT_UNTIL (editor == NULL);

  /* The very name of a person of the organisation is asked about too, and opens them. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-person", NULL);
  WAIT_UNTIL (awards_window_get_editor (fixture->window) != NULL);
  editor = AWARDS_PERSON_EDITOR (awards_window_get_editor (fixture->window));
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_editable_set_text (awards_person_editor_get_entry (editor, "organisation-name"),
                         "HTX Bạch Đằng");
  CHECKED (editor);
  gtk_editable_set_text (awards_person_editor_get_entry (editor, "full-name"), "Trần Văn Bảy");
  CHECKED (editor);
  g_assert_cmpstr (shown_message (awards_person_editor_get_message (editor, "full-name")), ==,
                   "HTX Bạch Đằng has a person named “Trần Văn Bảy” recorded already. Open "
                   "them, or keep this one as another person of the same name.");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_nonnull (editor);
  use = find_button (GTK_WIDGET (editor), "Open “Trần Văn Bảy”");
  g_assert_nonnull (use);
  g_signal_emit_by_name (use, "clicked");
  WAIT_UNTIL (editor == NULL);
  WAIT_UNTIL (awards_window_get_editor (fixture->window) != NULL);
  opened = AWARDS_PERSON_EDITOR (awards_window_get_editor (fixture->window));
  g_assert_null (shown_message (awards_person_editor_get_message (opened, "full-name")));
  gtk_window_destroy (GTK_WINDOW (opened));
}

/* Two clerks enter the same new person at the same moment: the second save is refused by the
 * store, and asked about. */
static void
test_person_recorded_meanwhile (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "awards.db", NULL);
  g_autoptr (AwardsStore) other = awards_store_open (path, &error);
  g_autoptr (AwardsPerson) theirs = awards_person_new ();
  g_autoptr (AwardsOrganisation) employer =
    awards_store_find_organisation (fixture->store, "HTX Bạch Đằng", NULL);
  g_autoptr (GPtrArray) people = NULL;
  AwardsPersonEditor *editor;
  guint n = 0;

  g_assert_no_error (error);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-person", NULL);
  WAIT_UNTIL (awards_window_get_editor (fixture->window) != NULL);
  editor = AWARDS_PERSON_EDITOR (awards_window_get_editor (fixture->window));
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_editable_set_text (awards_person_editor_get_entry (editor, "organisation-name"),
                         "HTX Bạch Đằng");
  gtk_editable_set_text (awards_person_editor_get_entry (editor, "full-name"), "Đinh Văn Long");
  CHECKED (editor);
  g_assert_null (shown_message (awards_person_editor_get_message (editor, "full-name")));

  awards_person_set_full_name (theirs, "Đinh Văn Long");
  awards_person_set_organisation_id (theirs, awards_organisation_get_id (employer));
  g_assert_cmpint (awards_store_save_person (other, theirs, &error), >, 0);
  g_assert_no_error (error);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  WAIT_UNTIL (editor == NULL ||
              gui_test_shows_text_within (GTK_WIDGET (editor), "was recorded meanwhile"));
  g_assert_nonnull (editor);
  people = awards_store_list_people (fixture->store, NULL,
                                     awards_organisation_get_id (employer), 0, 100, NULL);
  for (guint i = 0; i < people->len; i++)
    n += g_str_equal (awards_person_get_full_name (people->pdata[i]), "Đinh Văn Long");
  g_assert_cmpuint (n, ==, 1);
  WAIT_UNTIL (g_strcmp0 (shown_message (awards_person_editor_get_message (editor, "full-name")),
                         "HTX Bạch Đằng has a person named “Đinh Văn Long” recorded already. "
                         "Open them, or keep this one as another person of the same name.")
              == 0);
  gtk_window_destroy (GTK_WINDOW (editor));
}

/* The editors look names up on the store's threads, so typing never waits for a server: a name
 * just typed has no message until its answer is in, and Save pressed meanwhile waits for the
 * answers, then refuses a near name or saves with the ids they found. */
static void
test_save_waits_for_checks (Fixture       *fixture,
                            gconstpointer  data)
{
  AwardsOrganisationEditor *editor;
  AwardsPersonEditor *person_editor;
  AdwMessageDialog *discard;
  g_autoptr (AwardsOrganisation) employer =
    awards_store_find_organisation (fixture->store, "HTX Bạch Đằng", NULL);
  g_autoptr (GPtrArray) people = NULL;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-organisation", NULL);
  editor = AWARDS_ORGANISATION_EDITOR (awards_window_get_editor (fixture->window));
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_editable_set_text (awards_organisation_editor_get_entry (editor, "name"), "HTX Bach Dang");
  g_assert_true (awards_editor_base_get_checking (AWARDS_EDITOR_BASE (editor)));
  g_assert_null (shown_message (awards_organisation_editor_get_message (editor, "name")));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_true (awards_editor_base_get_saving (AWARDS_EDITOR_BASE (editor)));
  WAIT_UNTIL (!awards_editor_base_get_saving (AWARDS_EDITOR_BASE (editor)));
  g_assert_nonnull (editor);
  g_assert_cmpstr (shown_message (awards_organisation_editor_get_message (editor, "name")), ==,
                   "“HTX Bach Dang” is not recorded yet. Did you mean “HTX Bạch Đằng”?");
  g_assert_false (awards_editor_base_get_checking (AWARDS_EDITOR_BASE (editor)));
  gtk_window_destroy (GTK_WINDOW (editor));
  WAIT_UNTIL (editor == NULL);

  /* Closed while its save waits for the answers (a server that does not answer), the editor
   * gives the save up and asks before throwing the name away, as it does when idle. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-organisation", NULL);
  editor = AWARDS_ORGANISATION_EDITOR (awards_window_get_editor (fixture->window));
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_editable_set_text (awards_organisation_editor_get_entry (editor, "name"), "HTX Mới Lập");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_true (awards_editor_base_get_saving (AWARDS_EDITOR_BASE (editor)));
  gtk_window_close (GTK_WINDOW (editor));
  g_assert_false (awards_editor_base_get_saving (AWARDS_EDITOR_BASE (editor)));
  WAIT_UNTIL ((discard = gui_test_find_message_dialog ()) != NULL);
  adw_message_dialog_response (discard, "discard");
  WAIT_UNTIL (editor == NULL);
  g_assert_null (awards_store_find_organisation (fixture->store, "HTX Mới Lập", NULL));

  /* A new person of a stored cooperative, saved at once: the organisation found on the way is
   * the one saved. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-person", NULL);
  WAIT_UNTIL (awards_window_get_editor (fixture->window) != NULL);
  person_editor = AWARDS_PERSON_EDITOR (awards_window_get_editor (fixture->window));
  g_object_add_weak_pointer (G_OBJECT (person_editor), (gpointer *) &person_editor);
  gtk_editable_set_text (awards_person_editor_get_entry (person_editor, "organisation-name"),
                         "HTX Bạch Đằng");
  gtk_editable_set_text (awards_person_editor_get_entry (person_editor, "full-name"),
                         "Lương Thị Mới");
  g_assert_true (awards_editor_base_get_checking (AWARDS_EDITOR_BASE (person_editor)));
  gtk_widget_activate_action (GTK_WIDGET (person_editor), "editor.save", NULL);
  WAIT_UNTIL (person_editor == NULL);
  people = awards_store_list_people (fixture->store, "Lương Thị Mới",
                                     awards_organisation_get_id (employer), 0, 10, NULL);
  g_assert_nonnull (people);
  g_assert_cmpuint (people->len, ==, 1);
}

/* Two clerks enter the same new cooperative at the same moment: each editor looked the name up
 * before the other saved. The second save is refused by the store, and asked about. */
static void
test_organisation_recorded_meanwhile (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "awards.db", NULL);
  g_autoptr (AwardsStore) other = awards_store_open (path, &error);
  g_autoptr (AwardsOrganisation) theirs = awards_organisation_new ();
  AwardsOrganisationEditor *editor;
  GtkButton *keep;

  g_assert_no_error (error);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-organisation", NULL);
  editor = AWARDS_ORGANISATION_EDITOR (awards_window_get_editor (fixture->window));
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_editable_set_text (awards_organisation_editor_get_entry (editor, "name"), "HTX Tân Tiến");
  CHECKED (editor);
  g_assert_null (shown_message (awards_organisation_editor_get_message (editor, "name")));

  /* The other clerk's save lands before this window has heard of it. */
  awards_organisation_set_name (theirs, "HTX Tân Tiến");
  g_assert_cmpint (awards_store_save_organisation (other, theirs, &error), >, 0);
  g_assert_no_error (error);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  WAIT_UNTIL (editor == NULL ||
              gui_test_shows_text_within (GTK_WIDGET (editor), "was recorded meanwhile"));
  g_assert_nonnull (editor);
  g_assert_cmpuint (awards_store_count_organisations (fixture->store, "tan tien", NULL), ==, 1);
  CHECKED (editor);
  WAIT_UNTIL (g_strcmp0 (shown_message (awards_organisation_editor_get_message (editor, "name")),
                         "An organisation named “HTX Tân Tiến” is recorded already. Open it, "
                         "or keep this one as another of the same name.") == 0);

  /* Kept as another of the same name, it is saved. */
  keep = find_button (GTK_WIDGET (editor), "Keep as _New");
  g_assert_nonnull (keep);
  g_signal_emit_by_name (keep, "clicked");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  WAIT_UNTIL (editor == NULL);
  g_assert_cmpuint (awards_store_count_organisations (fixture->store, "tan tien", NULL), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = gui_test_make_home ("test-near-records");
  int result;

  gtk_test_init (&argc, &argv, NULL);
  /* gtk_test_init () asks for en_US.UTF-8, which these machines do not have. */
  setlocale (LC_ALL, "C.UTF-8");
  adw_init ();
  awards_gui_ensure_resources ();
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

  g_test_add ("/near-records/organisation", Fixture, NULL, fixture_set_up, test_organisation,
              fixture_tear_down);
  g_test_add ("/near-records/organisation-recorded-meanwhile", Fixture, NULL, fixture_set_up,
              test_organisation_recorded_meanwhile, fixture_tear_down);
  g_test_add ("/near-records/person-recorded-meanwhile", Fixture, NULL, fixture_set_up,
              test_person_recorded_meanwhile, fixture_tear_down);
  g_test_add ("/near-records/person", Fixture, NULL, fixture_set_up, test_person,
              fixture_tear_down);
  g_test_add ("/near-records/save-waits-for-checks", Fixture, NULL, fixture_set_up,
              test_save_waits_for_checks, fixture_tear_down);

  result = g_test_run ();
  awards_test_remove_tree (home);
  return result;
}
