/* test-reports-page.c: the Reports section in a real window under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "awards-batch.h"
#include "awards-command.h"
#include "awards-gui-utils.h"
#include "awards-print-operation.h"
#include "awards-record-picker.h"
#include "awards-reports-page.h"
#include "awards-test-util.h"

typedef struct
{
  char              *dir;
  AwardsStore       *store;
  GtkWindow         *window;
  AwardsReportsPage *page;
  char              *default_from;   /* the period the page opened with */
  char              *default_to;
} Fixture;

#define WAIT_UNTIL(expr) AWARDS_TEST_WAIT_UNTIL (expr, 10)

/* ------------------------------------------------------------------------------------------- */
/* The 2011 year-end review of Hải Phòng (DESIGN.md), written with a batch                      */

static void
add_award (AwardsBatch *batch,
           const char  *authority,
           const char  *number,
           const char  *award,
           const char  *collective,
           const char  *individual,
           const char  *organisation)
{
  g_autoptr (GError) error = NULL;
  AwardsNewCommendation spec = { 0, };
  gint64 authority_id;

  authority_id = awards_batch_ensure_authority (batch, authority, &error);
  g_assert_no_error (error);
  spec.decision_id = awards_batch_ensure_decision (batch, number, "2011-12-28", authority_id,
                                                   &error);
  g_assert_no_error (error);
  spec.award_type_id = awards_batch_ensure_award_type (batch, award, NULL, &error);
  g_assert_no_error (error);
  spec.achievement = "Đã có thành tích xuất sắc trong sản xuất kinh doanh năm 2011";
  spec.period = "2011";

  if (collective != NULL)
    {
      spec.recipient_kind = AWARDS_RECIPIENT_KIND_COLLECTIVE;
      spec.organisation_id = awards_batch_ensure_organisation (batch, collective, &error);
      g_assert_no_error (error);
    }
  else
    {
      spec.recipient_kind = AWARDS_RECIPIENT_KIND_INDIVIDUAL;
      spec.organisation_at_time_id = awards_batch_ensure_organisation (batch, organisation,
                                                                       &error);
      g_assert_no_error (error);
      spec.person_id = awards_batch_ensure_person (batch, individual,
                                                   spec.organisation_at_time_id, NULL, &error);
      g_assert_no_error (error);
    }

  g_assert_cmpint (awards_batch_add_commendation (batch, &spec, &error), >, 0);
  g_assert_no_error (error);
}

static void
add_ceremony (AwardsStore *store)
{
  static const char * const flags[] = {
    "Liên minh HTX thành phố Hải Phòng", "HTX Bạch Đằng", "Công ty TNHH Quý Cao",
  };
  static const char * const city_collectives[] = {
    "HTX Tân Phong", "HTX Đồng Tâm", "HTX Vận tải Thống Nhất", "HTX Thủy sản Cát Hải",
    "HTX Dịch vụ điện An Lư",
  };
  static const char * const city_people[] = {
    "Nguyễn Văn Đức", "Trần Thị Bích", "Lê Văn Ánh", "Phạm Thị Anh", "Đặng Quốc Hùng",
    "Vũ Thị Hường", "Bùi Văn Ơn", "Đỗ Thị Ước", "Hoàng Văn Dũng", "Ngô Thị Đào",
  };
  static const char * const vca_people[] = {
    "Cao Thị Anh", "Trần Quốc Ánh", "Lý Văn Bình", "Phan Thị Cúc", "Võ Văn Em", "Hồ Thị Giang",
    "Dương Văn Khoa",
  };
  const char *city = "UBND thành phố Hải Phòng";
  const char *vca = "Liên minh HTX Việt Nam";
  g_autoptr (GError) error = NULL;
  g_autoptr (AwardsBatch) batch = awards_batch_begin (store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    add_award (batch, city, "3456/QĐ-UBND", "Cờ thi đua xuất sắc", flags[i], NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (city_collectives); i++)
    add_award (batch, city, "3457/QĐ-UBND", "Bằng khen", city_collectives[i], NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (city_people); i++)
    add_award (batch, city, "3457/QĐ-UBND", "Bằng khen", NULL, city_people[i], "HTX Bạch Đằng");
  add_award (batch, vca, "789/QĐ-LMHTXVN", "Bằng khen", "HTX Bạch Đằng", NULL, NULL);
  add_award (batch, vca, "789/QĐ-LMHTXVN", "Bằng khen", "HTX Tân Phong", NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (vca_people); i++)
    add_award (batch, vca, "789/QĐ-LMHTXVN", "Bằng khen", NULL, vca_people[i],
               "Công ty TNHH Quý Cao");
  g_assert_cmpuint (awards_batch_get_n_added (batch), ==, 27);
  awards_batch_commit (batch, &error);
  g_assert_no_error (error);
}

/* ------------------------------------------------------------------------------------------- */
/* Finding what is on screen                                                                    */

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
named (Fixture    *fixture,
       const char *name)
{
  GtkWidget *widget = find_named (GTK_WIDGET (fixture->page), name);

  if (widget == NULL)
    g_error ("No widget named %s in the page", name);
  return widget;
}

static GtkWidget *
find_type (GtkWidget *root,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static char *
shown_text (Fixture *fixture)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (named (fixture,
                                                                          "report-text")));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static const char *
label_text (Fixture    *fixture,
            const char *name)
{
  return gtk_label_get_label (GTK_LABEL (named (fixture, name)));
}

static void
set_text (Fixture    *fixture,
          const char *name,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (named (fixture, name)), text);
}

static gboolean
is_state (Fixture    *fixture,
          const char *state)
{
  return g_strcmp0 (awards_reports_page_get_state (fixture->page), state) == 0;
}

/* Presses "Show Report" and waits for the report. */
static void
press_show (Fixture *fixture)
{
  GtkWidget *button = named (fixture, "show-button");

  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (is_state (fixture, "building") || is_state (fixture, "report"));
  WAIT_UNTIL (!is_state (fixture, "building"));
  g_assert_cmpstr (awards_reports_page_get_state (fixture->page), ==, "report");
}

/* The text of a PDF, with its lines joined, as pdftotext reads it. */
static char *
pdf_text (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto (GStrv) words = NULL;
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  words = g_strsplit_set (out, " \n\f\t", -1);
  for (guint i = 0, j = 0; ; i++)
    {
      if (words[i] != NULL && words[i][0] == '\0')
        {
          g_free (words[i]);
          continue;
        }
      words[j++] = words[i];
      if (words[i] == NULL)
        break;
    }
  return g_strjoinv (" ", words);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GError **error = user_data;
  gboolean ok = awards_reports_page_export_finish (AWARDS_REPORTS_PAGE (source), result, error);

  g_assert_true (ok == (*error == NULL));
  if (ok)
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "done");
}

/* Exports the report on screen through the page, as the file chooser would. */
static char *
export_report (Fixture            *fixture,
               AwardsReportFormat  format,
               const char         *name)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  GError *error = NULL;

  awards_reports_page_export_async (fixture->page, format, file, NULL, export_done_cb, &error);
  WAIT_UNTIL (error != NULL);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);   /* the "done" marker */
  g_clear_error (&error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  return g_steal_pointer (&path);
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *path)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr (GdkTexture) texture = NULL;
  g_autoptr (GError) error = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  gsk_renderer_realize (renderer, NULL, &error);
  g_assert_no_error (error);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_renderer_unrealize (renderer);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* ------------------------------------------------------------------------------------------- */
/* Fixture                                                                                      */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("test-reports-page-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "awards.db", NULL);
  fixture->store = awards_store_open (path, &error);
  g_assert_no_error (error);
  add_ceremony (fixture->store);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  g_object_ref_sink (fixture->window);
  gtk_window_set_title (fixture->window, "Reports");
  gtk_window_set_default_size (fixture->window, 1200, 800);
  fixture->page = AWARDS_REPORTS_PAGE (awards_reports_page_new (fixture->store));
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  gtk_window_present (fixture->window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));

  /* The page opens on the current reporting year (checked in /reports-page/reporting-year);
   * the 2011 ceremony needs all dates. */
  fixture->default_from = g_strdup (gtk_editable_get_text (GTK_EDITABLE (named (fixture,
                                                                                "from-entry"))));
  fixture->default_to = g_strdup (gtk_editable_get_text (GTK_EDITABLE (named (fixture,
                                                                              "to-entry"))));
  set_text (fixture, "from-entry", "");
  set_text (fixture, "to-entry", "");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->window);
  g_clear_object (&fixture->store);
  awards_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->default_from);
  g_free (fixture->default_to);
}

/* Without a choice, the period is the statutory reporting year: 01/12 of the year before the
 * current reporting year to 30/11 of it. */
static void
test_reporting_year (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  int year = g_date_time_get_year (now) + (g_date_time_get_month (now) == 12 ? 1 : 0);
  g_autofree char *from = g_strdup_printf ("01/12/%d", year - 1);
  g_autofree char *to = g_strdup_printf ("30/11/%d", year);

  g_assert_cmpstr (fixture->default_from, ==, from);
  g_assert_cmpstr (fixture->default_to, ==, to);
}

/* ------------------------------------------------------------------------------------------- */
/* Tests                                                                                        */

static void
test_summary_shows_and_exports (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *words = NULL;
  g_autofree char *csv_path = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *name = NULL;
  GtkExpander *expander;

  g_assert_cmpstr (awards_reports_page_get_state (fixture->page), ==, "empty");

  set_text (fixture, "from-entry", "01/12/2011");
  set_text (fixture, "to-entry", "31/12/2011");
  expander = GTK_EXPANDER (find_type (GTK_WIDGET (fixture->page), GTK_TYPE_EXPANDER));
  gtk_expander_set_expanded (expander, TRUE);
  set_text (fixture, "place-entry", "Hải Phòng");
  set_text (fixture, "signer-name-entry", "Nguyễn Văn An");
  press_show (fixture);

  /* On screen: the title, the prose and the tables as text, the totals and the pages. */
  g_assert_nonnull (strstr (label_text (fixture, "report-title"),
                            "Báo cáo tổng hợp khen thưởng"));
  text = shown_text (fixture);
  g_assert_nonnull (strstr (text, "Cờ thi đua xuất sắc"));
  g_assert_nonnull (strstr (text, "UBND thành phố Hải Phòng tặng Cờ thi đua xuất sắc cho 3 tập "
                                  "thể"));
  g_assert_nonnull (strstr (text, "5 tập thể và 10 cá nhân"));
  g_assert_nonnull (strstr (text, "2 tập thể và 7 cá nhân"));
  g_assert_cmpstr (label_text (fixture, "totals-label"), ==,
                   "10 awards to collectives, 17 to individuals");
  g_assert_true (g_str_has_prefix (label_text (fixture, "page-label"), "Page 1 of "));

  /* Saved as the clerk would name it, and what pdftotext reads back. */
  name = awards_reports_page_suggest_file_name (fixture->page, AWARDS_REPORT_FORMAT_PDF);
  g_assert_cmpstr (name, ==, "tong-hop-khen-thuong-2011.pdf");
  pdf = export_report (fixture, AWARDS_REPORT_FORMAT_PDF, name);
  words = pdf_text (pdf);
  g_assert_nonnull (strstr (words, "UBND thành phố Hải Phòng tặng Cờ thi đua xuất sắc cho 3 "
                                   "tập thể"));
  g_assert_nonnull (strstr (words, "Hải Phòng, ngày"));
  g_assert_nonnull (strstr (words, "Nguyễn Văn An"));

  csv_path = export_report (fixture, AWARDS_REPORT_FORMAT_CSV, "summary.csv");
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
  g_assert_true (g_str_has_prefix (csv, "authority,award,collectives,individuals\n"));
  g_assert_true (g_str_has_suffix (csv, "TOTAL,,10,17\n"));
}

/* The report on screen follows the records: a change (here an award deleted, then the delete
 * undone, as an import or another clerk's save would) builds it again, and what is printed or
 * saved from it is never older than the change. */
static void
test_summary_follows_changes (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  gint64 individual = 0;

  set_text (fixture, "from-entry", "01/12/2011");
  set_text (fixture, "to-entry", "31/12/2011");
  press_show (fixture);
  g_assert_cmpstr (label_text (fixture, "totals-label"), ==,
                   "10 awards to collectives, 17 to individuals");

  for (gint64 id = 1; individual == 0 && id < 100; id++)
    {
      g_autoptr (AwardsCommendation) award = awards_store_get_commendation (fixture->store, id,
                                                                            NULL);

      if (award != NULL && awards_commendation_get_person_id (award) > 0 &&
          g_str_has_prefix (awards_commendation_get_date (award), "2011-12"))
        individual = id;
    }
  g_assert_cmpint (individual, >, 0);
  g_assert_true (awards_store_delete_commendation (fixture->store, individual, &error));
  g_assert_no_error (error);
  WAIT_UNTIL (g_strcmp0 (label_text (fixture, "totals-label"),
                         "10 awards to collectives, 16 to individuals") == 0);
  g_assert_cmpstr (awards_reports_page_get_state (fixture->page), ==, "report");

  g_assert_true (awards_store_undo (fixture->store, &error));
  g_assert_no_error (error);
  WAIT_UNTIL (g_strcmp0 (label_text (fixture, "totals-label"),
                         "10 awards to collectives, 17 to individuals") == 0);
}

static void
test_summary_filters (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *text = NULL;
  GtkDropDown *authority = GTK_DROP_DOWN (named (fixture, "authority-dropdown"));
  GtkDropDown *recipients = GTK_DROP_DOWN (named (fixture, "recipients-dropdown"));
  GListModel *names = gtk_drop_down_get_model (authority);
  guint vca = GTK_INVALID_LIST_POSITION;
  guint collectives, individuals;

  /* "All authorities" first, then the catalogue. */
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, 3);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 0), ==,
                   "All authorities");
  for (guint i = 1; i < 3; i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (names), i),
                   "Liên minh HTX Việt Nam") == 0)
      vca = i;
  g_assert_cmpuint (vca, !=, GTK_INVALID_LIST_POSITION);

  gtk_drop_down_set_selected (authority, vca);
  press_show (fixture);
  awards_report_get_totals (awards_reports_page_get_report (fixture->page), &collectives,
                            &individuals);
  g_assert_cmpuint (collectives, ==, 2);
  g_assert_cmpuint (individuals, ==, 7);
  text = shown_text (fixture);
  g_assert_null (strstr (text, "Cờ thi đua xuất sắc"));

  gtk_drop_down_set_selected (authority, 0);
  gtk_drop_down_set_selected (recipients, 1);
  press_show (fixture);
  awards_report_get_totals (awards_reports_page_get_report (fixture->page), &collectives,
                            &individuals);
  g_assert_cmpuint (collectives, ==, 10);
  g_assert_cmpuint (individuals, ==, 0);
  g_assert_cmpstr (label_text (fixture, "totals-label"), ==,
                   "10 awards to collectives, 0 to individuals");
}

static void
test_period_is_checked (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *from = named (fixture, "from-entry");
  GtkWidget *to = named (fixture, "to-entry");
  GtkWidget *message = named (fixture, "period-message");

  set_text (fixture, "from-entry", "32/12/2011");
  g_assert_false (gtk_widget_get_visible (message));   /* not while typing */
  g_signal_emit_by_name (named (fixture, "show-button"), "clicked");
  g_assert_cmpstr (awards_reports_page_get_state (fixture->page), ==, "empty");
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (message)),
                            "“32/12/2011” is not a date"));
  g_assert_true (gtk_widget_has_css_class (from, "error"));

  /* Corrected, the message goes at once. */
  set_text (fixture, "from-entry", "31/12/2011");
  g_assert_false (gtk_widget_get_visible (message));
  g_assert_false (gtk_widget_has_css_class (from, "error"));

  set_text (fixture, "to-entry", "01/12/2011");
  g_signal_emit_by_name (to, "activate");
  g_assert_cmpstr (awards_reports_page_get_state (fixture->page), ==, "empty");
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (message)), "ends before it starts"));
  g_assert_true (gtk_widget_has_css_class (to, "error"));

  /* Empty dates mean no limit. */
  set_text (fixture, "from-entry", "");
  set_text (fixture, "to-entry", "");
  g_assert_false (gtk_widget_get_visible (message));
}

static void
test_quick_choices (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *from = g_strdup_printf ("01/01/%d", g_date_time_get_year (now) - 1);
  g_autofree char *to = g_strdup_printf ("31/12/%d", g_date_time_get_year (now) - 1);
  GtkWidget *box = gtk_widget_get_parent (named (fixture, "period-message"));
  GtkWidget *last_year = NULL;

  /* The buttons under the period: This Year, Last Year, All Dates. */
  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BOX (child) && GTK_IS_BUTTON (gtk_widget_get_first_child (child)))
      last_year = gtk_widget_get_next_sibling (gtk_widget_get_first_child (child));
  g_assert_nonnull (last_year);

  g_signal_emit_by_name (last_year, "clicked");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (fixture, "from-entry"))), ==,
                   from);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (fixture, "to-entry"))), ==, to);

  press_show (fixture);
  g_assert_nonnull (strstr (label_text (fixture, "report-title"), from));
  g_assert_cmpstr (label_text (fixture, "totals-label"), ==,
                   "0 awards to collectives, 0 to individuals");
}

static gint64
organisation_id (Fixture    *fixture,
                 const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AwardsOrganisation) organisation =
    awards_store_find_organisation (fixture->store, name, &error);

  g_assert_no_error (error);
  return awards_organisation_get_id (organisation);
}

static void
test_show_organisation (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  guint collectives, individuals;

  awards_reports_page_show_organisation (fixture->page,
                                         organisation_id (fixture, "HTX Bạch Đằng"));
  WAIT_UNTIL (!is_state (fixture, "building"));
  g_assert_cmpstr (awards_reports_page_get_state (fixture->page), ==, "report");
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (named (fixture,
                                                                      "kind-dropdown"))),
                    ==, AWARDS_REPORT_KIND_ORGANISATION);

  text = shown_text (fixture);
  g_assert_nonnull (strstr (text, "HTX Bạch Đằng"));
  g_assert_nonnull (strstr (text, "Nguyễn Văn Đức"));
  awards_report_get_totals (awards_reports_page_get_report (fixture->page), &collectives,
                            &individuals);
  g_assert_cmpuint (collectives, ==, 2);     /* the flag and the alliance's certificate */
  g_assert_cmpuint (individuals, ==, 10);    /* its people, while they worked there */

  name = awards_reports_page_suggest_file_name (fixture->page, AWARDS_REPORT_FORMAT_XLSX);
  g_assert_cmpstr (name, ==, "khen-thuong-htx-bach-dang.xlsx");
}

static void
test_show_decision (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AwardsDecision) decision = NULL;
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *words = NULL;

  decision = awards_store_find_decision (fixture->store, "3456/QĐ-UBND", 0, &error);
  g_assert_no_error (error);
  awards_reports_page_show_decision (fixture->page, awards_decision_get_id (decision));
  WAIT_UNTIL (!is_state (fixture, "building"));
  g_assert_cmpstr (awards_reports_page_get_state (fixture->page), ==, "report");

  text = shown_text (fixture);
  g_assert_nonnull (strstr (text, "Công ty TNHH Quý Cao"));
  g_assert_nonnull (strstr (text, "Liên minh HTX thành phố Hải Phòng"));
  g_assert_null (strstr (text, "Nguyễn Văn Đức"));

  name = awards_reports_page_suggest_file_name (fixture->page, AWARDS_REPORT_FORMAT_PDF);
  g_assert_cmpstr (name, ==, "quyet-dinh-3456-qd-ubnd.pdf");
  pdf = export_report (fixture, AWARDS_REPORT_FORMAT_PDF, name);
  words = pdf_text (pdf);
  g_assert_nonnull (strstr (words, "Công ty TNHH Quý Cao"));
}

static void
test_show_search (Fixture       *fixture,
                  gconstpointer  data)
{
  guint collectives, individuals;

  /* Filters left over from before do not narrow "print what I see". */
  set_text (fixture, "from-entry", "01/01/2020");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (named (fixture, "recipients-dropdown")), 2);

  awards_reports_page_show_search (fixture->page, "quy cao");
  WAIT_UNTIL (!is_state (fixture, "building"));
  g_assert_cmpstr (awards_reports_page_get_state (fixture->page), ==, "report");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (fixture, "search-entry"))), ==,
                   "quy cao");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (fixture, "from-entry"))), ==, "");

  awards_report_get_totals (awards_reports_page_get_report (fixture->page), &collectives,
                            &individuals);
  g_assert_cmpuint (collectives, ==, 1);
  g_assert_cmpuint (individuals, <=, 7);
}

static void
test_yearly (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;

  gtk_drop_down_set_selected (GTK_DROP_DOWN (named (fixture, "kind-dropdown")),
                              AWARDS_REPORT_KIND_YEARLY);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (named (fixture, "from-year-spin")), 2010);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (named (fixture, "to-year-spin")), 2011);
  press_show (fixture);

  text = shown_text (fixture);
  g_assert_nonnull (strstr (text, "2011"));
  g_assert_nonnull (strstr (text, "Bằng khen"));
  name = awards_reports_page_suggest_file_name (fixture->page, AWARDS_REPORT_FORMAT_CSV);
  g_assert_cmpstr (name, ==, "thong-ke-khen-thuong-2010-2011.csv");
}

static void
test_needs_a_subject (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *show = named (fixture, "show-button");
  GtkListView *list = GTK_LIST_VIEW (named (fixture, "organisation-list"));
  GtkSelectionModel *rows = gtk_list_view_get_model (list);
  g_autoptr (GObject) row = NULL;

  /* The organisation list is not on screen yet, so it has not been filled... */
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (list)));
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (rows), 0));

  /* ...until its report is chosen. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (named (fixture, "kind-dropdown")),
                              AWARDS_REPORT_KIND_ORGANISATION);
  g_assert_false (gtk_widget_is_sensitive (show));

  /* Choosing a row of the list makes the choice. */
  row = g_list_model_get_item (G_LIST_MODEL (rows), 0);
  g_assert_nonnull (row);
  gtk_selection_model_select_item (rows, 0, TRUE);
  g_assert_true (gtk_widget_is_sensitive (show));
  press_show (fixture);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (named (fixture, "kind-dropdown")),
                              AWARDS_REPORT_KIND_DECISION);
  g_assert_false (gtk_widget_is_sensitive (show));
}

static void
test_print_operation_exports (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr (AwardsPrintOperation) operation = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "printed.pdf", NULL);
  g_autofree char *words = NULL;
  GtkPrintOperationResult result;

  set_text (fixture, "from-entry", "01/12/2011");
  set_text (fixture, "to-entry", "31/12/2011");
  press_show (fixture);

  operation = awards_print_operation_new (awards_reports_page_get_report (fixture->page));
  g_object_set (operation, "allow-async", FALSE, NULL);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                    GTK_PRINT_OPERATION_ACTION_EXPORT, fixture->window, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  words = pdf_text (path);
  g_assert_nonnull (strstr (words, "UBND thành phố Hải Phòng tặng Cờ thi đua xuất sắc cho 3 "
                                   "tập thể"));
  g_assert_nonnull (strstr (words, "Trang 1/"));
}

static void
test_screenshot (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "reports-page.png", NULL);
  const char *keep = g_getenv ("REPORTS_PAGE_SCREENSHOT");
  g_autoptr (GdkTexture) texture = NULL;
  g_autoptr (GError) error = NULL;

  set_text (fixture, "from-entry", "01/12/2011");
  set_text (fixture, "to-entry", "31/12/2011");
  press_show (fixture);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));

  save_screenshot (GTK_WIDGET (fixture->page), path);
  texture = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==,
                   gtk_widget_get_width (GTK_WIDGET (fixture->page)));

  /* Set by hand to keep a picture of the page, e.g. for the notes or the README. */
  if (keep != NULL && keep[0] != '\0')
    save_screenshot (GTK_WIDGET (fixture->page), keep);
}

/* A database of 2011 opens "Statistics by year" on 2011, not on the last calendar years. The
 * years that have awards are read on the store's threads. */
static void
test_yearly_opens_on_data (Fixture       *fixture,
                           gconstpointer  data)
{
  AWARDS_TEST_WAIT_UNTIL (gtk_spin_button_get_value_as_int (
                            GTK_SPIN_BUTTON (named (fixture, "to-year-spin"))) == 2011, 5);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (named (fixture,
                                                                             "from-year-spin"))),
                   ==, 2011);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (named (fixture,
                                                                             "to-year-spin"))),
                   ==, 2011);
}

/* The text report is in a monospace face with Vietnamese, and its status line is not cut. */
static void
test_text_report_face (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkTextView *view;
  GtkTextTag *tag;
  GtkTextIter start;
  g_autofree char *family = NULL;

  set_text (fixture, "from-entry", "01/12/2011");
  set_text (fixture, "to-entry", "31/12/2011");
  press_show (fixture);
  view = GTK_TEXT_VIEW (named (fixture, "report-text"));
  tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (gtk_text_view_get_buffer
                                                                    (view)), "report-font");
  g_assert_nonnull (tag);
  g_object_get (tag, "family", &family, NULL);
  g_assert_true (g_str_has_prefix (family, "Liberation Mono"));
  gtk_text_buffer_get_start_iter (gtk_text_view_get_buffer (view), &start);
  g_assert_true (gtk_text_iter_has_tag (&start, tag));
  g_assert_cmpint (gtk_label_get_ellipsize (GTK_LABEL (named (fixture, "totals-label"))), ==,
                   PANGO_ELLIPSIZE_NONE);
}

static void
picker_changed_count_cb (AwardsRecordPicker *picker,
                         guint              *count)
{
  (*count)++;
}

/* The record picker on its own, over people: filled once on screen, narrowed by its search
 * entry, saying when nothing matches, and choosing the row that is selected. */
static void
test_record_picker_people (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr (GtkWindow) window = GTK_WINDOW (gtk_window_new ());
  AwardsRecordPicker *picker = g_object_new (AWARDS_TYPE_RECORD_PICKER,
                                             "kind", AWARDS_RECORD_PICKER_PEOPLE,
                                             "list-name", "people-list", NULL);
  GtkListView *list;
  GListModel *rows;
  GtkWidget *search;
  GtkWidget *note;
  g_autoptr (GObject) first = NULL;
  guint n_all, changes = 0;

  g_object_ref_sink (window);
  awards_record_picker_set_store (picker, fixture->store);
  g_signal_connect (picker, "changed", G_CALLBACK (picker_changed_count_cb), &changes);
  list = GTK_LIST_VIEW (find_named (GTK_WIDGET (picker), "people-list"));
  rows = G_LIST_MODEL (gtk_list_view_get_model (list));
  search = find_type (GTK_WIDGET (picker), GTK_TYPE_SEARCH_ENTRY);
  note = find_type (gtk_widget_get_last_child (GTK_WIDGET (picker)), GTK_TYPE_LABEL);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 0);   /* not on screen yet */

  gtk_window_set_child (window, GTK_WIDGET (picker));
  gtk_window_present (window);
  WAIT_UNTIL (g_list_model_get_n_items (rows) > 0);
  n_all = g_list_model_get_n_items (rows);
  g_assert_cmpuint (n_all, ==, 17);   /* the ceremony's seventeen people, no "All" row */
  g_assert_false (gtk_widget_get_visible (note));

  gtk_editable_set_text (GTK_EDITABLE (search), "Nguyễn Văn Đức");
  g_signal_emit_by_name (search, "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (rows), <, n_all);
  g_assert_cmpuint (g_list_model_get_n_items (rows), >, 0);
  first = g_list_model_get_item (rows, 0);
  g_assert_true (AWARDS_IS_PERSON (first));

  gtk_selection_model_select_item (GTK_SELECTION_MODEL (rows), 0, TRUE);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpint (awards_record_picker_get_chosen_id (picker), ==,
                   awards_person_get_id (AWARDS_PERSON (first)));
  g_assert_cmpstr (awards_record_picker_get_chosen_title (picker), ==,
                   awards_person_get_full_name (AWARDS_PERSON (first)));

  gtk_editable_set_text (GTK_EDITABLE (search), "không có ai tên này");
  g_signal_emit_by_name (search, "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 0);
  g_assert_true (gtk_widget_get_visible (note));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (note)), ==, "Nothing matches.");
  /* A search that hides the choice does not undo it. */
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpint (awards_record_picker_get_chosen_id (picker), !=, 0);

  gtk_window_destroy (window);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* gtk_test_init chose en_US.UTF-8, which need not exist; Vietnamese must come through. */
  setlocale (LC_ALL, "C.UTF-8");
  awards_gui_ensure_resources ();

#define ADD(path, func) \
  g_test_add ("/reports-page/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("summary/shows-and-exports", test_summary_shows_and_exports);
  ADD ("summary/filters", test_summary_filters);
  ADD ("summary/follows-changes", test_summary_follows_changes);
  ADD ("summary/period-is-checked", test_period_is_checked);
  ADD ("summary/quick-choices", test_quick_choices);
  ADD ("organisation", test_show_organisation);
  ADD ("decision", test_show_decision);
  ADD ("search", test_show_search);
  ADD ("yearly", test_yearly);
  ADD ("needs-a-subject", test_needs_a_subject);
  ADD ("print-operation", test_print_operation_exports);
  ADD ("screenshot", test_screenshot);
  ADD ("reporting-year", test_reporting_year);
  ADD ("yearly-opens-on-data", test_yearly_opens_on_data);
  ADD ("text-report-face", test_text_report_face);
  ADD ("record-picker/people", test_record_picker_people);

  return g_test_run ();
}
