/* test-decision-filter-bar.c: the Decisions list filtered by year and authority, in a real
 * window under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <adwaita.h>

#include "gui-test-home.h"
#include "awards-browse-view.h"
#include "awards-decision-filter-bar.h"
#include "awards-gui-utils.h"
#include "awards-list-row.h"
#include "awards-window-private.h"
#include "awards-test-util.h"

typedef struct
{
  char         *dir;
  AwardsStore  *store;
  AwardsWindow *window;
} Fixture;

#define WAIT_UNTIL(expr) AWARDS_TEST_WAIT_UNTIL (expr, 5)

static void
add_decision (AwardsStore *store,
              const char  *number,
              const char  *date,
              const char  *authority,
              const char  *organisation)
{
  g_autoptr (GPtrArray) recipients = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (recipients, awards_test_recipient (AWARDS_RECIPIENT_KIND_COLLECTIVE,
                                                      organisation, NULL, NULL, "Bằng khen"));
  awards_test_save_decision (store, number, date, authority, recipients);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = awards_test_make_dir ("test-decision-filter-bar");
  path = g_build_filename (fixture->dir, "awards.db", NULL);
  fixture->store = awards_store_open (path, &error);
  g_assert_no_error (error);
  /* 3456 and 3457 of 28/12/2011 by the city, and three more. */
  awards_test_seed (fixture->store);
  add_decision (fixture->store, "789/QĐ-UBND", "2011-12-28", "UBND thành phố Hải Phòng",
                "HTX Tân Tiến");
  add_decision (fixture->store, "12/QĐ-LMHTX", "2013-05-10", "Liên minh HTX Việt Nam",
                "HTX Bạch Đằng");
  add_decision (fixture->store, "45/QĐ-UBND", "2013-06-01", "UBND thành phố Hải Phòng",
                "HTX Đan Phượng");

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

/* The decision numbers of @model in its order, joined by spaces. */
static char *
numbers (GListModel *model)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (AwardsDecision) decision = g_list_model_get_item (model, i);

      g_string_append_printf (text, "%s%s", i > 0 ? " " : "",
                              awards_decision_get_number (decision));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The choices a drop-down offers, joined by "|". */
static char *
choices (GtkDropDown *drop_down)
{
  GListModel *model = gtk_drop_down_get_model (drop_down);
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_string_append_printf (text, "%s%s", i > 0 ? "|" : "",
                            gtk_string_list_get_string (GTK_STRING_LIST (model), i));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Whether a mapped widget under @widget is a list row titled @title, or a label reading it. */
static gboolean
shows (GtkWidget  *widget,
       const char *title)
{
  if (gtk_widget_get_mapped (widget) &&
      ((AWARDS_IS_LIST_ROW (widget) &&
        g_strcmp0 (awards_list_row_get_title (AWARDS_LIST_ROW (widget)), title) == 0) ||
       (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), title) == 0)))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows (child, title))
      return TRUE;
  return FALSE;
}

static guint
position_of (GtkDropDown *drop_down,
             const char  *label)
{
  GListModel *model = gtk_drop_down_get_model (drop_down);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label) == 0)
      return i;
  g_error ("No choice “%s”", label);
}

static void
test_filter (Fixture       *fixture,
             gconstpointer  data)
{
  AwardsBrowseView *view = awards_window_get_browse_view (fixture->window, "decisions");
  GtkEditable *search = awards_browse_view_get_search_entry (view);
  GtkWidget *bar;
  GtkDropDown *year;
  GtkDropDown *authority;
  GListModel *model;
  g_autofree char *years = NULL;
  g_autofree char *authorities = NULL;
  g_autofree char *all = NULL;
  g_autofree char *of_2011 = NULL;
  g_autofree char *of_union = NULL;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-section", "s",
                              "decisions");
  bar = awards_browse_view_get_filter_bar (view);
  g_assert_true (AWARDS_IS_DECISION_FILTER_BAR (bar));
  year = awards_decision_filter_bar_get_year_drop_down (AWARDS_DECISION_FILTER_BAR (bar));
  authority =
    awards_decision_filter_bar_get_authority_drop_down (AWARDS_DECISION_FILTER_BAR (bar));
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (year)) &&
              gtk_widget_get_mapped (GTK_WIDGET (authority)));

  /* The years that have decisions, newest first; the authorities of the catalogue. */
  years = choices (year);
  g_assert_cmpstr (years, ==, "All years|2013|2011");
  authorities = choices (authority);
  g_assert_true (g_str_has_prefix (authorities, "All authorities|"));
  g_assert_nonnull (strstr (authorities, "|Liên minh HTX Việt Nam"));
  g_assert_nonnull (strstr (authorities, "|UBND thành phố Hải Phòng"));

  model = G_LIST_MODEL (awards_browse_view_get_model (view));
  WAIT_UNTIL (n_items (model) == 5);
  all = numbers (model);
  g_assert_cmpstr (all, ==, "45/QĐ-UBND 12/QĐ-LMHTX 789/QĐ-UBND 3456/QĐ-UBND 3457/QĐ-UBND");

  /* A year keeps its decisions, one day's by their number counted. */
  gtk_drop_down_set_selected (year, position_of (year, "2011"));
  WAIT_UNTIL (n_items (model) == 3);
  of_2011 = numbers (model);
  g_assert_cmpstr (of_2011, ==, "789/QĐ-UBND 3456/QĐ-UBND 3457/QĐ-UBND");
  WAIT_UNTIL (shows (GTK_WIDGET (view), "789/QĐ-UBND"));
  g_assert_false (shows (GTK_WIDGET (view), "45/QĐ-UBND"));

  /* The search narrows within the year, and the year within the search. */
  gtk_editable_set_text (search, "3457");
  WAIT_UNTIL (n_items (model) == 1);
  gtk_drop_down_set_selected (year, position_of (year, "2013"));
  WAIT_UNTIL (n_items (model) == 0);
  WAIT_UNTIL (shows (GTK_WIDGET (view), "No Results"));
  gtk_editable_set_text (search, "");

  /* An authority and a year together; nothing left says that the filters are why. */
  gtk_drop_down_set_selected (authority, position_of (authority, "Liên minh HTX Việt Nam"));
  WAIT_UNTIL (n_items (model) == 1);
  gtk_drop_down_set_selected (year, position_of (year, "2011"));
  WAIT_UNTIL (n_items (model) == 0);
  WAIT_UNTIL (shows (GTK_WIDGET (view), "Nothing matches the chosen filters."));
  gtk_drop_down_set_selected (year, 0);
  WAIT_UNTIL (n_items (model) == 1);
  of_union = numbers (model);
  g_assert_cmpstr (of_union, ==, "12/QĐ-LMHTX");

  /* "All" again shows everything. */
  gtk_drop_down_set_selected (authority, 0);
  WAIT_UNTIL (n_items (model) == 5);
}

static void
test_keyboard_and_refresh (Fixture       *fixture,
                           gconstpointer  data)
{
  AwardsBrowseView *view = awards_window_get_browse_view (fixture->window, "decisions");
  AwardsDecisionFilterBar *bar;
  GtkDropDown *year;
  GtkDropDown *authority;
  GtkWidget *focus;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-section", "s",
                              "decisions");
  bar = AWARDS_DECISION_FILTER_BAR (awards_browse_view_get_filter_bar (view));
  year = awards_decision_filter_bar_get_year_drop_down (bar);
  authority = awards_decision_filter_bar_get_authority_drop_down (bar);
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (year)));

  /* Tab from the search entry reaches the year, then the authority. */
  awards_browse_view_focus_search (view);
  WAIT_UNTIL ((focus = gtk_root_get_focus (GTK_ROOT (fixture->window))) != NULL &&
              gtk_widget_is_ancestor (focus, GTK_WIDGET (awards_browse_view_get_search_entry (view))));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD));
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_true (focus == GTK_WIDGET (year) || gtk_widget_is_ancestor (focus, GTK_WIDGET (year)));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD));
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_true (focus == GTK_WIDGET (authority) ||
                 gtk_widget_is_ancestor (focus, GTK_WIDGET (authority)));

  /* A chosen year stays chosen when a decision of a new year is saved. */
  gtk_drop_down_set_selected (year, position_of (year, "2011"));
  add_decision (fixture->store, "7/QĐ-UBND", "2015-02-03", "UBND thành phố Hải Phòng",
                "HTX Tân Tiến");
  WAIT_UNTIL (g_list_model_get_n_items (gtk_drop_down_get_model (year)) == 4);
  g_assert_cmpuint (gtk_drop_down_get_selected (year), ==, position_of (year, "2011"));
  WAIT_UNTIL (n_items (awards_browse_view_get_model (view)) == 3);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = gui_test_make_home ("test-decision-filter-bar");
  int result;

  gtk_test_init (&argc, &argv, NULL);
  /* gtk_test_init () asks for en_US.UTF-8, which these machines do not have. */
  setlocale (LC_ALL, "C.UTF-8");
  adw_init ();
  awards_gui_ensure_resources ();
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

  g_test_add ("/decision-filter-bar/filter", Fixture, NULL, fixture_set_up, test_filter,
              fixture_tear_down);
  g_test_add ("/decision-filter-bar/keyboard-and-refresh", Fixture, NULL, fixture_set_up,
              test_keyboard_and_refresh, fixture_tear_down);

  result = g_test_run ();
  awards_test_remove_tree (home);
  return result;
}
