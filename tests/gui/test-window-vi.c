/* test-window-vi.c: the window speaks Vietnamese in a Vietnamese locale
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs with LANGUAGE=vi, LC_ALL=vi_VN.UTF-8 and COOP_AWARDS_LOCALEDIR set to the build tree's
 * catalogues (see meson.build). Each check names an English string, the Vietnamese that
 * po/vi.po gives for it, and looks for that Vietnamese on the screen.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gui-test-find.h"
#include "awards-about.h"
#include "awards-audit.h"
#include "awards-decision-editor-private.h"
#include "awards-gui-utils.h"
#include "awards-import-dialog.h"
#include "awards-shortcuts-window.h"
#include "awards-window-private.h"
#include "awards-test-util.h"

typedef struct
{
  char         *dir;
  AwardsStore  *store;
  AwardsWindow *window;
  gint64        decision_id;
} Fixture;

static gboolean have_vietnamese;

/* Whether the locale exists; the catalogue must, since the test depends on it being built. */
static gboolean
can_speak_vietnamese (void)
{
  g_autofree char *catalogue = NULL;

  if (!have_vietnamese)
    {
      g_test_skip ("The vi_VN.UTF-8 locale is not installed");
      return FALSE;
    }

  catalogue = g_build_filename (g_getenv ("COOP_AWARDS_LOCALEDIR"), "vi", "LC_MESSAGES",
                                GETTEXT_PACKAGE ".mo", NULL);
  g_assert_true (g_file_test (catalogue, G_FILE_TEST_IS_REGULAR));

  return TRUE;
}

#define WAIT_UNTIL(expr) AWARDS_TEST_WAIT_UNTIL (expr, 5)

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  if (!have_vietnamese)
    return;

  fixture->dir = g_dir_make_tmp ("test-window-vi-XXXXXX", &error);
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
  GtkWindow *editor;

  if (fixture->window == NULL)
    return;

  editor = awards_window_get_editor (fixture->window);
  if (editor != NULL)
    gtk_window_destroy (editor);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  awards_test_settle (20);
  g_clear_object (&fixture->store);
  awards_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* Whether a mapped label under @widget shows @text, mnemonic underlines left out. */
static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;

  return FALSE;
}

/* The text of a label with a mnemonic, as it is shown. */
static char *
without_mnemonic (const char *label)
{
  GString *text = g_string_new (NULL);

  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_' && p[1] != '\0')
        p++;
      g_string_append_c (text, *p);
    }

  return g_string_free (text, FALSE);
}

/* Checks that the catalogue translates @english as @vietnamese, and that @widget shows it. */
static void
assert_shows_translation (GtkWidget  *widget,
                          const char *english,
                          const char *vietnamese)
{
  g_autofree char *shown = without_mnemonic (vietnamese);

  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, english), ==, vietnamese);
  WAIT_UNTIL (shows_text (widget, shown));
}

/* A record's history says what changed in Vietnamese: the fields by their labels, dates as
 * they are written on paper. */
static void
test_history (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AwardsOrganisation) organisation = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  guint n_decisions = 0;
  GtkWindow *history;

  if (!can_speak_vietnamese ())
    return;

  organisation = awards_store_find_organisation (fixture->store, "HTX Bạch Đằng", &error);
  g_assert_no_error (error);
  awards_organisation_set_name (organisation, "HTX Sông Bạch Đằng");
  awards_organisation_set_founded (organisation, "2001-05-20");
  awards_store_save_organisation (fixture->store, organisation, &error);
  g_assert_no_error (error);

  awards_window_show_organisation (fixture->window, awards_organisation_get_id (organisation));
  WAIT_UNTIL (shows_text (GTK_WIDGET (fixture->window), "HTX Sông Bạch Đằng"));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-organisation-history",
                              NULL);
  WAIT_UNTIL ((history = gui_test_find_toplevel ("Lịch sử của “HTX Sông Bạch Đằng”")) != NULL);
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Name"), ==, "Tên");
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Founded"), ==, "Thành lập");
  WAIT_UNTIL (gui_test_shows_text_within (GTK_WIDGET (history),
                                 "Tên: HTX Bạch Đằng → HTX Sông Bạch Đằng; "
                                 "Thành lập: — → 20/05/2001"));
  gtk_window_destroy (history);

  /* The log keeps what a decision brought as a count in no language; it is read in Vietnamese. */
  entries = awards_store_list_audit (fixture->store, NULL, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      AwardsAuditEntry *entry = g_ptr_array_index (entries, i);

      if (g_strcmp0 (entry->kind, "decision") != 0)
        continue;
      g_assert_true (g_str_has_suffix (entry->details, " awards and other records"));
      g_assert_true (g_str_has_suffix (entry->description,
                                       " lượt khen thưởng và các bản ghi khác"));
      n_decisions++;
    }
  g_assert_cmpuint (n_decisions, ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-section", "s", "history");
  WAIT_UNTIL (gui_test_shows_text_within (GTK_WIDGET (fixture->window),
                                 " lượt khen thưởng và các bản ghi khác"));
}

static void
test_window (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *window;

  if (!can_speak_vietnamese ())
    return;

  window = GTK_WIDGET (fixture->window);

  /* The sections, the main button, and the empty pages. */
  assert_shows_translation (window, "_Organisations", "Đơn _vị");
  assert_shows_translation (window, "_People", "_Cá nhân");
  assert_shows_translation (window, "_Decisions", "_Quyết định");
  assert_shows_translation (window, "_Reports", "_Báo cáo");
  assert_shows_translation (window, "_New Decision", "Quyết định _mới");
  assert_shows_translation (window, "No Organisation Selected", "Chưa chọn đơn vị");

  gtk_widget_activate_action (window, "win.show-section", "s", "decisions");
  assert_shows_translation (window, "No Decision Selected", "Chưa chọn quyết định");

  /* Vietnamese data shows as it was written. */
  awards_window_show_decision (fixture->window, fixture->decision_id);
  WAIT_UNTIL (shows_text (window, "Trần Văn Bảy"));
  assert_shows_translation (window, "_Edit", "_Sửa");
}

static void
test_decision_editor (Fixture       *fixture,
                      gconstpointer  data)
{
  AwardsDecisionEditor *editor;
  GtkWidget *widget;
  GtkEditable *date;

  if (!can_speak_vietnamese ())
    return;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.edit-decision", "x",
                              fixture->decision_id);
  editor = AWARDS_DECISION_EDITOR (awards_window_get_editor (fixture->window));
  g_assert_nonnull (editor);
  WAIT_UNTIL (!awards_decision_editor_get_saving (editor));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (editor));
  widget = GTK_WIDGET (editor);

  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Edit Decision"), ==, "Sửa quyết định");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "Sửa quyết định");

  /* The header fields, the table and its buttons. */
  assert_shows_translation (widget, "Decision _number", "_Số quyết định");
  assert_shows_translation (widget, "_Date", "_Ngày");
  assert_shows_translation (widget, "_Authority", "Cơ _quan khen thưởng");
  assert_shows_translation (widget, "A_chievement", "_Thành tích");
  assert_shows_translation (widget, "Recipients", "Đối tượng khen thưởng");
  assert_shows_translation (widget, "Add _Collective", "Thêm tậ_p thể");
  assert_shows_translation (widget, "Add _Individual", "Thêm _cá nhân");
  assert_shows_translation (widget, "_Save", "_Lưu");
  assert_shows_translation (widget, "No.", "STT");
  assert_shows_translation (widget, "Name", "Tên");
  assert_shows_translation (widget, "Position", "Chức vụ");

  /* Counts take the catalogue's plural, and messages come from it too. */
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "%u collective", "%u collectives", 2), ==,
                   "%u tập thể");
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "%u individual", "%u individuals", 3), ==,
                   "%u cá nhân");
  WAIT_UNTIL (shows_text (widget, "2 tập thể, 3 cá nhân"));

  date = awards_decision_editor_get_entry (editor, "date");
  gtk_editable_set_text (date, "31/02/2011");
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE,
                               "There is no such day: month %u of %u has %u days."), ==,
                   "Không có ngày này: tháng %u năm %u chỉ có %u ngày.");
  WAIT_UNTIL (shows_text (widget, "Không có ngày này: tháng 2 năm 2011 chỉ có 28 ngày."));

  /* The decision, as saved. */
  g_assert_cmpstr (gtk_editable_get_text (awards_decision_editor_get_entry (editor,
                                                                            "authority")),
                   ==, "UBND thành phố Hải Phòng");
}

/* GTK and libadwaita 1.2 lack Vietnamese for these titles; the program sets its own. */
static void
test_toolkit_titles (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr (GtkBuilder) builder = NULL;
  GtkWindow *shortcuts;
  GtkWindow *about;

  if (!can_speak_vietnamese ())
    return;

  builder = gtk_builder_new_from_resource ("/io/github/coopawards/CoopAwards/gtk/"
                                           "help-overlay.ui");
  shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
  awards_shortcuts_window_translate (shortcuts);
  g_assert_cmpstr (gtk_window_get_title (shortcuts), ==, "Phím tắt");
  gtk_window_present (shortcuts);
  WAIT_UNTIL (shows_text (GTK_WIDGET (shortcuts), "Phím tắt"));
  gtk_window_destroy (shortcuts);

  about = awards_about_window_new (GTK_WINDOW (fixture->window));
  g_assert_cmpstr (gtk_window_get_title (about), ==, "Giới thiệu Coop Awards");
  gtk_window_destroy (about);
}

/* The report's status line groups thousands as Vietnamese does: 69.793. */
static void
test_thousands (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *collectives = NULL;

  if (!can_speak_vietnamese ())
    return;

  collectives = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u award to collectives",
                                              "%'u awards to collectives", 69793), 69793);
  g_assert_cmpstr (collectives, ==, "69.793 lượt khen thưởng tập thể");
}

/* The import dialog counts a large file's awards with the thousands grouped: 1.200, not 1200. */
static void
test_import_thousands (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr (GString) csv = g_string_new ("decision_number,decision_date,authority,award,"
                                          "recipient_type,recipient,organisation\n");
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;
  AwardsImportDialog *dialog;

  if (!can_speak_vietnamese ())
    return;

  for (guint i = 0; i < 1200; i++)
    g_string_append_printf (csv, "99/QĐ-UBND,28/12/2011,UBND thành phố Hải Phòng,Bằng khen,"
                            "cá nhân,Người Thứ %u,HTX Bạch Đằng\n", i + 1);
  path = g_build_filename (fixture->dir, "nhieu.csv", NULL);
  g_file_set_contents (path, csv->str, -1, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (path);

  dialog = awards_import_dialog_new (GTK_WINDOW (fixture->window), fixture->store, file);
  gtk_window_present (GTK_WINDOW (dialog));
  WAIT_UNTIL (g_str_equal (awards_import_dialog_get_state (dialog), "preview"));
  WAIT_UNTIL (gui_test_shows_text_within (GTK_WIDGET (dialog), "Tệp có 1.200 khen thưởng."));
  WAIT_UNTIL (gui_test_shows_text_within (GTK_WIDGET (dialog), "Cá nhân mới (1.200): "));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autofree char *home = g_dir_make_tmp ("test-window-vi-home-XXXXXX", &error);
  const char *xdg[] = { "XDG_RUNTIME_DIR", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME" };
  const char *localedir = g_getenv ("COOP_AWARDS_LOCALEDIR");
  int result;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (xdg); i++)
    {
      g_autofree char *dir = g_build_filename (home, xdg[i], NULL);

      g_mkdir_with_parents (dir, 0700);
      g_setenv (xdg[i], dir, TRUE);
    }

  gtk_test_init (&argc, &argv, NULL);

  /* gtk_test_init () asks for en_US.UTF-8; this test wants the Vietnamese locale itself, which
   * the CI script generates. Without it the tests are skipped, not failed. */
  have_vietnamese = setlocale (LC_ALL, "vi_VN.UTF-8") != NULL;
  if (!have_vietnamese)
    setlocale (LC_ALL, "C.UTF-8");

  g_assert_nonnull (localedir);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  adw_init ();
  awards_gui_ensure_resources ();
  /* Without a window manager, focus moves without focus-out events, and a blinking cursor
   * then warns that it missed one; warnings are fatal in these tests. */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/window-vi/window", test_window);
  ADD ("/window-vi/decision-editor", test_decision_editor);
  ADD ("/window-vi/toolkit-titles", test_toolkit_titles);
  ADD ("/window-vi/thousands", test_thousands);
  ADD ("/window-vi/history", test_history);
  ADD ("/window-vi/import-thousands", test_import_thousands);

  result = g_test_run ();
  awards_test_remove_tree (home);

  return result;
}
