/* test-review-page.c: the year-end review in the real window, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <adwaita.h>

#include "awards-decision-editor-private.h"
#include "awards-gui-utils.h"
#include "awards-importer.h"
#include "awards-proposal.h"
#include "awards-review-data-box.h"
#include "awards-review-page-private.h"
#include "awards-review-store.h"
#include "awards-window-private.h"
#include "awards-test-util.h"

#define HISTORY \
  "decision_number,decision_date,authority,award,recipient_type,recipient,organisation," \
  "position,achievement,period\n" \
  "1/QĐ-HTX,2023-12-20,HTX Bạch Đằng,Chiến sĩ thi đua cơ sở,individual,Trần Văn Ba," \
    "HTX Bạch Đằng,Xã viên,,2023\n" \
  "2/QĐ-HTX,2024-12-20,HTX Bạch Đằng,Chiến sĩ thi đua cơ sở,individual,Trần Văn Ba," \
    "HTX Bạch Đằng,Xã viên,,2024\n" \
  "2/QĐ-HTX,2024-12-20,HTX Bạch Đằng,Chiến sĩ thi đua cơ sở,individual,Lê Thị Bốn," \
    "HTX Bạch Đằng,Nhân viên,,2024\n" \
  "3/QĐ-UBND,2023-12-22,UBND thành phố Hải Phòng,Tập thể lao động xuất sắc,collective," \
    "HTX Tân Hưng,,,,2023\n" \
  "4/QĐ-UBND,2024-12-22,UBND thành phố Hải Phòng,Tập thể lao động xuất sắc,collective," \
    "HTX Tân Hưng,,,,2024\n"

#define WAIT_UNTIL(expr)                                                        \
  G_STMT_START {                                                                \
    gint64 wait_end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;            \
    while (!(expr) && g_get_monotonic_time () < wait_end)                       \
      if (!g_main_context_iteration (NULL, FALSE))                              \
        g_usleep (2000);                                                        \
    if (!(expr))                                                                \
      g_error ("Timed out waiting for %s", #expr);                              \
  } G_STMT_END

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static int
find_candidate (AwardsReviewPage *page,
                const char       *award,
                const char       *recipient)
{
  GPtrArray *candidates = awards_review_page_get_candidates (page);

  for (guint i = 0; candidates != NULL && i < candidates->len; i++)
    {
      const AwardsCandidate *candidate = g_ptr_array_index (candidates, i);

      if (g_str_equal (candidate->award, award) && g_str_equal (candidate->recipient, recipient))
        return i;
    }
  return -1;
}

/* Saves what @widget shows as a PNG, for the README, when COOP_AWARDS_SCREENSHOT names a file. */
static void
maybe_save_screenshot (GtkWidget *widget)
{
  const char *path = g_getenv ("COOP_AWARDS_SCREENSHOT");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GskRenderer) renderer = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (path == NULL || path[0] == '\0')
    return;
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  renderer = gsk_cairo_renderer_new ();
  g_assert_true (gsk_renderer_realize (renderer, NULL, NULL));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_renderer_unrealize (renderer);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static void
test_review_to_decision (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-review-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "awards.db", NULL);
  g_autoptr(AwardsStore) store = NULL;
  g_autoptr(AwardsImporter) importer = NULL;
  g_autoptr(GInputStream) input = NULL;
  AwardsWindow *window;
  AwardsReviewPage *page;
  AwardsDecisionEditor *editor;
  AwardsDecisionForm *form;
  g_autoptr(AwardsDraftRecipient) recipient = NULL;
  GtkWidget *stack;
  int index;

  g_assert_no_error (error);
  store = awards_store_open (path, &error);
  g_assert_no_error (error);
  importer = awards_importer_new (store);
  input = g_memory_input_stream_new_from_data (HISTORY, -1, NULL);
  g_assert_true (awards_importer_import_stream (importer, input, strlen (HISTORY), "history.csv",
                                                NULL, &error));
  g_assert_no_error (error);

  window = g_object_ref_sink (awards_window_new (NULL, store));
  /* Wide enough for the six sections' switcher (see test_data_box). */
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  /* The review is a section of the window's navigation. */
  page = AWARDS_REVIEW_PAGE (find_descendant (GTK_WIDGET (window), AWARDS_TYPE_REVIEW_PAGE));
  g_assert_nonnull (page);
  stack = gtk_widget_get_ancestor (GTK_WIDGET (page), ADW_TYPE_VIEW_STACK);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "review");
  awards_review_page_set_year (page, 2024);
  WAIT_UNTIL (find_candidate (page, "Bằng khen", "Trần Văn Ba") >= 0);

  /* The reason is shown in words with the legal basis; a near miss has no check box. */
  index = find_candidate (page, "Bằng khen", "Trần Văn Ba");
  {
    const AwardsCandidate *candidate =
      g_ptr_array_index (awards_review_page_get_candidates (page), index);

    g_assert_cmpstr (candidate->reason, ==, "2 lần liên tục Chiến sĩ thi đua cơ sở 2023–2024");
    g_assert_null (candidate->missing);
  }
  g_assert_cmpint (find_candidate (page, "Cờ thi đua", "HTX Tân Hưng"), >=, 0);
  g_assert_null (awards_review_page_get_check (page,
                                               find_candidate (page, "Chiến sĩ thi đua cấp tỉnh",
                                                               "Trần Văn Ba")));
  g_assert_cmpint (find_candidate (page, "Bằng khen", "Lê Thị Bốn"), >=, 0);
  g_assert_null (awards_review_page_get_check (page, find_candidate (page, "Bằng khen",
                                                                      "Lê Thị Bốn")));

  g_assert_false (gtk_widget_get_sensitive (
                    GTK_WIDGET (awards_review_page_get_decision_button (page))));
  gtk_check_button_set_active (awards_review_page_get_check (page, index), TRUE);
  g_assert_true (gtk_widget_get_sensitive (
                   GTK_WIDGET (awards_review_page_get_decision_button (page))));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  maybe_save_screenshot (GTK_WIDGET (window));

  /* The proposal list of the selection, as the export writes it. */
  {
    g_autoptr(GPtrArray) selected = g_ptr_array_new ();
    g_autoptr(AwardsReport) report = NULL;
    g_autofree char *pdf = g_build_filename (dir, "proposal.pdf", NULL);
    g_autofree char *text = NULL;
    const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };

    g_ptr_array_add (selected, g_ptr_array_index (awards_review_page_get_candidates (page), index));
    report = awards_proposal_build_report (selected, 2024, NULL);
    g_assert_true (awards_report_write_file (report, AWARDS_REPORT_FORMAT_PDF, pdf, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH |
                                 G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &text, NULL, NULL,
                                 &error));
    g_assert_no_error (error);
    g_assert_nonnull (strstr (text, "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"));
    g_assert_nonnull (strstr (text, "Trần Văn Ba"));
    g_assert_nonnull (strstr (text, "2 lần liên tục Chiến sĩ thi đua cơ sở 2023"));
    g_assert_nonnull (strstr (text, "Căn cứ đề nghị"));
  }

  /* "Create Decision" opens the decision editor with the award and the recipient filled in. */
  g_signal_emit_by_name (awards_review_page_get_decision_button (page), "clicked");
  WAIT_UNTIL (awards_review_page_get_editor (page) != NULL);
  editor = AWARDS_DECISION_EDITOR (awards_review_page_get_editor (page));
  form = awards_decision_editor_get_form (editor);
  g_assert_cmpstr (awards_decision_form_get_award (form), ==, "Bằng khen");
  g_assert_cmpstr (gtk_editable_get_text (awards_decision_editor_get_entry (editor, "award")), ==,
                   "Bằng khen");
  g_assert_cmpuint (awards_decision_form_get_n_recipients (form), ==, 1);
  recipient = g_list_model_get_item (awards_decision_form_get_recipients (form), 0);
  g_assert_cmpint (awards_draft_recipient_get_kind (recipient), ==,
                   AWARDS_RECIPIENT_KIND_INDIVIDUAL);
  g_assert_cmpstr (awards_draft_recipient_get_name (recipient), ==, "Trần Văn Ba");
  g_assert_cmpstr (awards_draft_recipient_get_organisation (recipient), ==, "HTX Bạch Đằng");

  gtk_window_destroy (GTK_WINDOW (editor));
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  g_clear_object (&store);
  awards_test_remove_tree (dir);
}

/* Ratings and initiatives are entered in the person's and the organisation's pages. */
static void
test_data_box (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-review-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "awards.db", NULL);
  g_autoptr(AwardsStore) store = awards_store_open (path, &error);
  g_autoptr(AwardsPerson) person = awards_person_new ();
  g_autoptr(GPtrArray) ratings = NULL;
  g_autoptr(GPtrArray) initiatives = NULL;
  AwardsWindow *window;
  AwardsReviewDataBox *box;
  GtkWidget *remove;
  gint64 id;

  g_assert_no_error (error);
  awards_person_set_full_name (person, "Trần Văn Ba");
  id = awards_store_save_person (store, person, &error);
  g_assert_no_error (error);

  window = g_object_ref_sink (awards_window_new (NULL, store));
  /* Wide enough for the six sections' switcher: narrower, libadwaita 1.2 warns while it
   * squeezes the switcher into the header. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  /* Both pages carry the box; the test drives the person's. */
  /* The box sits in an expander of each page, collapsed until the clerk opens it. */
  for (guint i = 0; i < 2; i++)
    {
      GtkWidget *expander = find_descendant (awards_window_get_detail_page (window, i == 0
                                                                            ? "organisations"
                                                                            : "people"),
                                             GTK_TYPE_EXPANDER);

      g_assert_nonnull (expander);
      gtk_expander_set_expanded (GTK_EXPANDER (expander), TRUE);
    }
  g_assert_nonnull (find_descendant (awards_window_get_detail_page (window, "organisations"),
                                     AWARDS_TYPE_REVIEW_DATA_BOX));
  box = AWARDS_REVIEW_DATA_BOX (find_descendant (awards_window_get_detail_page (window, "people"),
                                                 AWARDS_TYPE_REVIEW_DATA_BOX));
  g_assert_nonnull (box);
  awards_review_data_box_set_recipient (box, store, AWARDS_RECIPIENT_KIND_INDIVIDUAL, id);

  g_assert_true (awards_review_data_box_add_rating (box, 2023, AWARDS_RATING_EXCELLENT));
  g_assert_true (awards_review_data_box_add_initiative (box, 2023, "Máy sấy lúa",
                                                        AWARDS_SCOPE_PROVINCE));
  /* The box reads its lists again on the store's threads. */
  WAIT_UNTIL (awards_review_data_box_get_n_rows (box) == 2);
  ratings = awards_review_list_ratings (store, AWARDS_RECIPIENT_KIND_INDIVIDUAL, id, 1900, 2200,
                                        &error);
  g_assert_cmpuint (ratings->len, ==, 1);
  g_assert_cmpint (((AwardsRatingRecord *)g_ptr_array_index (ratings, 0))->rating, ==,
                   AWARDS_RATING_EXCELLENT);

  /* The first row's remove button takes the rating away again. */
  remove = find_descendant (GTK_WIDGET (box), ADW_TYPE_ACTION_ROW);
  while (remove != NULL && g_object_get_data (G_OBJECT (remove), "button") == NULL)
    remove = gtk_widget_get_next_sibling (remove);
  g_assert_nonnull (remove);
  g_signal_emit_by_name (g_object_get_data (G_OBJECT (remove), "button"), "clicked");
  WAIT_UNTIL (awards_review_data_box_get_n_rows (box) == 1);
  g_clear_pointer (&ratings, g_ptr_array_unref);
  ratings = awards_review_list_ratings (store, AWARDS_RECIPIENT_KIND_INDIVIDUAL, id, 1900, 2200,
                                        &error);
  g_assert_cmpuint (ratings->len, ==, 0);
  initiatives = awards_review_list_initiatives (store, AWARDS_RECIPIENT_KIND_INDIVIDUAL, id,
                                                1900, 2200, &error);
  g_assert_cmpuint (initiatives->len, ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  g_clear_object (&store);
  awards_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *rules = NULL;

  gtk_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "C.UTF-8");
  adw_init ();
  awards_gui_ensure_resources ();
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);
  rules = g_test_build_filename (G_TEST_DIST, "..", "..", "data", "eligibility-rules.ini", NULL);
  g_setenv ("COOP_AWARDS_RULES", rules, TRUE);

  g_test_add_func ("/review-page/review-to-decision", test_review_to_decision);
  g_test_add_func ("/review-page/ratings-and-initiatives", test_data_box);

  return g_test_run ();
}
