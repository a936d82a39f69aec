/* test-certificate-designer.c: the certificate designer and the Preferences window, in a real
 * window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "gui-test-find.h"
#include "awards-certificate-designer.h"
#include "awards-certificate-exchange.h"
#include "awards-certificate-print.h"
#include "awards-gui-utils.h"
#include "awards-preferences-window.h"
#include "awards-printer-offset.h"
#include "awards-report-private.h"
#include "awards-reports-page.h"
#include "awards-settings.h"
#include "awards-test-util.h"

typedef struct
{
  char                      *dir;
  AwardsStore               *store;
  GtkWindow                 *window;
  AwardsCertificateDesigner *designer;
  gint64                     decision_id;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) recipients = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("test-designer-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", fixture->dir, TRUE);
  path = g_build_filename (fixture->dir, "awards.db", NULL);
  fixture->store = awards_store_open (path, &error);
  g_assert_no_error (error);

  g_ptr_array_add (recipients, awards_test_recipient (AWARDS_RECIPIENT_KIND_INDIVIDUAL,
                                                   "Trần Thị Bích Ngọc", "HTX Bạch Đằng",
                                                   "Kế toán trưởng", "Bằng khen"));
  g_ptr_array_add (recipients, awards_test_recipient (AWARDS_RECIPIENT_KIND_INDIVIDUAL,
                                                   "Lê Văn Ánh", "HTX Bạch Đằng", "Giám đốc",
                                                   "Bằng khen"));
  fixture->decision_id = awards_test_save_decision (fixture->store, "3457/QĐ-UBND", "2011-12-28",
                                                 "UBND thành phố Hải Phòng", recipients);

  fixture->designer = AWARDS_CERTIFICATE_DESIGNER (awards_certificate_designer_new (fixture->store));
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1100, 700);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->designer));
  gtk_window_present (fixture->window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_true (awards_certificate_designer_show_template (fixture->designer,
                                                            "bang-khen-ca-nhan"));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->store);
  awards_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static const AwardsCertificateField *
field (Fixture                  *fixture,
       AwardsCertificateFieldId  id)
{
  return &awards_certificate_designer_get_template (fixture->designer)->fields[id];
}

static void
test_drag_moves_a_field (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkGesture *drag = awards_certificate_designer_get_drag (fixture->designer);
  double x0 = field (fixture, AWARDS_CERTIFICATE_FIELD_DECISION)->x;
  double y0 = field (fixture, AWARDS_CERTIFICATE_FIELD_DECISION)->y;
  double start_x, start_y, one_x, one_y, px_per_mm;

  awards_certificate_designer_select_field (fixture->designer, AWARDS_CERTIFICATE_FIELD_NAME);
  awards_certificate_designer_mm_to_canvas (fixture->designer, 0, 0, &start_x, &start_y);
  awards_certificate_designer_mm_to_canvas (fixture->designer, 1, 1, &one_x, &one_y);
  px_per_mm = one_x - start_x;
  g_assert_cmpfloat (px_per_mm, >, 0.5);

  /* Press inside the decision line's box: it becomes the selected field and follows. */
  awards_certificate_designer_mm_to_canvas (fixture->designer, x0 + 5, y0 + 1, &start_x,
                                            &start_y);
  g_signal_emit_by_name (drag, "drag-begin", start_x, start_y);
  g_assert_cmpint (awards_certificate_designer_get_selected_field (fixture->designer), ==,
                   AWARDS_CERTIFICATE_FIELD_DECISION);
  g_signal_emit_by_name (drag, "drag-update", 10 * px_per_mm, -4 * px_per_mm);
  g_signal_emit_by_name (drag, "drag-end", 20 * px_per_mm, -8 * px_per_mm);

  g_assert_cmpfloat_with_epsilon (field (fixture, AWARDS_CERTIFICATE_FIELD_DECISION)->x,
                                  x0 + 20, 0.051);
  g_assert_cmpfloat_with_epsilon (field (fixture, AWARDS_CERTIFICATE_FIELD_DECISION)->y,
                                  y0 - 8, 0.051);
  /* The numbers follow the drag. */
  g_assert_cmpfloat_with_epsilon (
    gtk_spin_button_get_value (awards_certificate_designer_get_spin (fixture->designer, "x")),
    x0 + 20, 0.051);

  /* A press on empty paper moves nothing. */
  awards_certificate_designer_mm_to_canvas (fixture->designer, 5, 5, &start_x, &start_y);
  g_signal_emit_by_name (drag, "drag-begin", start_x, start_y);
  g_signal_emit_by_name (drag, "drag-end", 30 * px_per_mm, 30 * px_per_mm);
  g_assert_cmpfloat_with_epsilon (field (fixture, AWARDS_CERTIFICATE_FIELD_DECISION)->x,
                                  x0 + 20, 0.051);
}

static void
test_numbers_move_a_field (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AwardsCertificateTemplate) saved = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "exported.certificate", NULL);

  awards_certificate_designer_select_field (fixture->designer,
                                            AWARDS_CERTIFICATE_FIELD_ACHIEVEMENT);
  gtk_spin_button_set_value (awards_certificate_designer_get_spin (fixture->designer, "y"),
                             181.5);
  gtk_spin_button_set_value (awards_certificate_designer_get_spin (fixture->designer, "x"), 66);
  g_assert_cmpfloat (field (fixture, AWARDS_CERTIFICATE_FIELD_ACHIEVEMENT)->y, ==, 181.5);
  g_assert_cmpfloat (field (fixture, AWARDS_CERTIFICATE_FIELD_ACHIEVEMENT)->x, ==, 66);
  /* The other fields stay where they were. */
  g_assert_cmpfloat (field (fixture, AWARDS_CERTIFICATE_FIELD_NAME)->y, ==, 145);

  /* Exported, the file reads back with the new numbers. */
  g_assert_true (awards_certificate_designer_save (fixture->designer, path, &error));
  g_assert_no_error (error);
  saved = awards_certificate_template_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (saved->fields[AWARDS_CERTIFICATE_FIELD_ACHIEVEMENT].y, ==, 181.5);
  g_assert_cmpfloat (saved->fields[AWARDS_CERTIFICATE_FIELD_ACHIEVEMENT].x, ==, 66);
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

static void
test_preview_shows_the_recipient (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *name = NULL;
  g_autofree char *position = NULL;
  g_autofree char *picture = g_build_filename (fixture->dir, "designer.png", NULL);
  g_autoptr (GdkTexture) texture = NULL;
  g_autoptr (GError) error = NULL;
  const char *keep = g_getenv ("DESIGNER_SCREENSHOT");

  /* The newest award comes first: the decision's last recipient, once the awards are read on
   * the store's threads (the sample stands in until then). */
  AWARDS_TEST_WAIT_UNTIL ((g_free (name),
                           name = awards_certificate_designer_get_preview_text (
                             fixture->designer, AWARDS_CERTIFICATE_FIELD_NAME),
                           g_str_equal (name, "Lê Văn Ánh") ||
                           g_str_equal (name, "Trần Thị Bích Ngọc")), 5);
  g_assert_true (g_str_equal (name, "Lê Văn Ánh") || g_str_equal (name, "Trần Thị Bích Ngọc"));
  position = awards_certificate_designer_get_preview_text (fixture->designer,
                                                           AWARDS_CERTIFICATE_FIELD_POSITION);
  g_assert_nonnull (strstr (position, "HTX Bạch Đằng"));

  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  save_screenshot (awards_certificate_designer_get_canvas (fixture->designer), picture);
  texture = gdk_texture_new_from_filename (picture, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), >, 400);
  if (keep != NULL && keep[0] != '\0')
    save_screenshot (GTK_WIDGET (fixture->designer), keep);
}

static void
test_print_exports_certificates (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr (GPtrArray) templates = NULL;
  g_autoptr (GPtrArray) certificates = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *pdf = g_build_filename (fixture->dir, "certificates.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (AwardsCommendation) award = NULL;
  gsize length = 0;

  g_assert_true (awards_certificate_print_collect (fixture->store, fixture->decision_id, NULL,
                                                   &templates, &certificates, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (certificates->len, ==, 2);
  g_assert_true (awards_certificate_print (NULL, fixture->store, templates, certificates,
                                           AWARDS_CERTIFICATE_PRINT_FINAL, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));

  /* The final print numbered both awards. */
  award = awards_store_get_commendation (fixture->store,
                                         ((AwardsCertificateData *) certificates->pdata[0])->commendation_id,
                                         &error);
  g_assert_no_error (error);
  g_assert_cmpstr (awards_commendation_get_register_number (award), ==, "1/2011");
}

/* Closes the message a refused setting shows, after checking that its body holds @text (unless
 * %NULL). */
static void
dismiss_message (const char *text)
{
  AdwMessageDialog *dialog = gui_test_find_message_dialog ();

  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The setting was not saved");
  if (text != NULL)
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), text));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_preferences_save_the_profile (Fixture       *fixture,
                                   gconstpointer  data)
{
  GtkWidget *preferences = awards_preferences_window_new (fixture->window, fixture->store);
  GtkWidget *name_row, *year_row, *font_row;
  g_autofree char *name = NULL;
  g_autofree char *year = NULL;
  g_autofree char *font = NULL;

  gtk_window_present (GTK_WINDOW (preferences));
  gtk_test_widget_wait_for_draw (preferences);

  name_row = awards_preferences_window_get_row (AWARDS_PREFERENCES_WINDOW (preferences),
                                                "office.name");
  g_assert_true (ADW_IS_ENTRY_ROW (name_row));
  /* The profile is read on the store's threads: the rows take changes once it is in. */
  AWARDS_TEST_WAIT_UNTIL (gtk_widget_is_sensitive (name_row), 5);
  /* The row shows the stored value (the default), not a grey placeholder. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "LIÊN MINH HỢP TÁC XÃ");

  /* Saved on the write thread: the row waits for the answer, then shows the value as stored. */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "  Liên minh HTX   thành phố Hải Phòng ");
  g_signal_emit_by_name (name_row, "apply");
  g_assert_false (gtk_widget_is_sensitive (name_row));
  AWARDS_TEST_WAIT_UNTIL (gtk_widget_is_sensitive (name_row), 5);
  name = awards_store_get_setting (fixture->store, "office.name", NULL);
  g_assert_cmpstr (name, ==, "Liên minh HTX thành phố Hải Phòng");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==,
                   "Liên minh HTX thành phố Hải Phòng");

  /* A bad value is not saved and the row says so. */
  year_row = awards_preferences_window_get_row (AWARDS_PREFERENCES_WINDOW (preferences),
                                                "year.start");
  gtk_editable_set_text (GTK_EDITABLE (year_row), "31/02");
  g_signal_emit_by_name (year_row, "apply");
  AWARDS_TEST_WAIT_UNTIL (gtk_widget_is_sensitive (year_row), 5);
  year = awards_store_get_setting (fixture->store, "year.start", NULL);
  g_assert_cmpstr (year, ==, "01/12");
  g_assert_true (gtk_widget_has_css_class (year_row, "error"));
  dismiss_message (NULL);

  /* A font the documents would not be printed in is refused with the whole sentence, which a
   * toast cut short. */
  font_row = awards_preferences_window_get_row (AWARDS_PREFERENCES_WINDOW (preferences),
                                                "report.font");
  gtk_editable_set_text (GTK_EDITABLE (font_row), "Liberation Sans");
  g_signal_emit_by_name (font_row, "apply");
  font = awards_store_get_setting (fixture->store, "report.font", NULL);
  g_assert_cmpstr (font, ==, "Liberation Serif");
  g_assert_true (gtk_widget_has_css_class (font_row, "error"));
  dismiss_message ("such as Liberation Serif or Times New Roman");

  gtk_window_destroy (GTK_WINDOW (preferences));
}


/* The first widget of @type under @widget, after skipping @skip of them. */
static GtkWidget *
find_of_type (GtkWidget *widget,
              GType      type,
              guint     *skip)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    {
      if (*skip == 0)
        return widget;
      (*skip)--;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_of_type (child, type, skip);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static double
stored_offset_right (AwardsStore *store,
                     const char  *printer)
{
  double x = 0, y = 0;

  awards_store_get_printer_offset (store, printer, &x, &y, NULL);
  return x;
}

/* A printer's offset is read as its name is typed and saved as the numbers change, both on the
 * store's threads; another printer shows its own. */
static void
test_printer_offset (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *offset = g_object_ref_sink (awards_printer_offset_new ());
  guint skip = 0;
  GtkEditable *printer;
  GtkSpinButton *right;

  awards_printer_offset_set_store (AWARDS_PRINTER_OFFSET (offset), fixture->store);
  printer = GTK_EDITABLE (find_of_type (offset, GTK_TYPE_ENTRY, &skip));
  right = GTK_SPIN_BUTTON (find_of_type (offset, GTK_TYPE_SPIN_BUTTON, &skip));
  g_assert_nonnull (printer);
  g_assert_nonnull (right);

  gtk_editable_set_text (printer, "HP LaserJet P2035");
  awards_test_settle (50);
  gtk_spin_button_set_value (right, 1.5);
  AWARDS_TEST_WAIT_UNTIL (stored_offset_right (fixture->store, "HP LaserJet P2035") == 1.5, 5);

  gtk_editable_set_text (printer, "Canon LBP 2900");
  AWARDS_TEST_WAIT_UNTIL (gtk_spin_button_get_value (right) == 0, 5);
  gtk_editable_set_text (printer, "HP LaserJet P2035");
  AWARDS_TEST_WAIT_UNTIL (gtk_spin_button_get_value (right) == 1.5, 5);
  g_assert_cmpfloat (stored_offset_right (fixture->store, "Canon LBP 2900"), ==, 0);

  g_object_unref (offset);
  awards_test_settle (50);
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A collapsed expander keeps its child out of the widget tree. */
static void
expand_all (GtkWidget *root)
{
  if (GTK_IS_EXPANDER (root))
    gtk_expander_set_expanded (GTK_EXPANDER (root), TRUE);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    expand_all (child);
}

static AwardsDoc *
show_decision (AwardsReportsPage *page,
               gint64             id)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  awards_reports_page_show_decision (page, id);
  while (g_strcmp0 (awards_reports_page_get_state (page), "report") != 0 &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (awards_reports_page_get_state (page), ==, "report");
  return awards_report_get_document (awards_reports_page_get_report (page));
}

static void
test_report_options_show_the_profile (Fixture       *fixture,
                                      gconstpointer  data)
{
  GtkWidget *page, *window;
  GtkEditable *issuer, *signer, *number;
  AwardsDoc *doc;

  g_assert_true (awards_store_set_setting (fixture->store, "office.name",
                                           "Liên minh HTX thành phố Hải Phòng", NULL));
  g_assert_true (awards_store_set_setting (fixture->store, "signer.name", "Phạm Văn Hùng", NULL));
  g_assert_true (awards_store_set_setting (fixture->store, "office.place", "Hải Phòng", NULL));

  page = awards_reports_page_new (fixture->store);
  window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);
  expand_all (page);

  /* The fields hold the values that will be printed, not grey examples, once the profile is
   * read on the store's threads. */
  issuer = GTK_EDITABLE (find_named (page, "issuer-entry"));
  signer = GTK_EDITABLE (find_named (page, "signer-name-entry"));
  number = GTK_EDITABLE (find_named (page, "number-entry"));
  {
    gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

    while (g_strcmp0 (gtk_editable_get_text (issuer), "Liên minh HTX thành phố Hải Phòng") != 0 &&
           g_get_monotonic_time () < deadline)
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
  }
  g_assert_cmpstr (gtk_editable_get_text (issuer), ==, "Liên minh HTX thành phố Hải Phòng");
  g_assert_cmpstr (gtk_editable_get_text (signer), ==, "Phạm Văn Hùng");
  g_assert_null (gtk_entry_get_placeholder_text (GTK_ENTRY (issuer)));

  /* Left as they are, the decision's annex is headed by its authority; the office's own signer
   * does not sign for the city, which named none: the signature is left blank. */
  doc = show_decision (AWARDS_REPORTS_PAGE (page), fixture->decision_id);
  g_assert_cmpstr (doc->issuer, ==, "UBND THÀNH PHỐ HẢI PHÒNG");
  g_assert_null (doc->signer_name);
  g_assert_cmpstr (doc->signer_title, ==, "THỦ TRƯỞNG ĐƠN VỊ");
  g_assert_cmpstr (doc->place_date, ==, "Hải Phòng, ngày 28 tháng 12 năm 2011");

  /* Changed, they override the profile for this one document. */
  gtk_editable_set_text (signer, "Nguyễn Văn Bình");
  gtk_editable_set_text (number, "12");
  doc = show_decision (AWARDS_REPORTS_PAGE (page), fixture->decision_id);
  g_assert_cmpstr (doc->signer_name, ==, "Nguyễn Văn Bình");
  g_assert_cmpstr (doc->number, ==, "Số: 12/BC-LMHTX");

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Before any template is installed or imported, only Import can do something: Export, Save and
 * the prints have nothing to work on (they used to dereference the missing template). */
static void
test_without_templates_only_import_works (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-designer-empty-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr (AwardsStore) store = NULL;
  g_autoptr (GPtrArray) templates = NULL;
  g_autofree char *shipped = g_strdup (g_getenv ("COOP_AWARDS_CERTIFICATES"));
  AwardsCertificateDesigner *designer;
  GtkWindow *window;

  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", dir, TRUE);
  g_setenv ("COOP_AWARDS_CERTIFICATES", dir, TRUE);
  templates = awards_certificate_template_list (&error);
  g_assert_no_error (error);
  if (templates->len > 0)
    {
      /* An installed copy of the program ships its templates in a folder always read. */
      g_test_skip ("templates are installed on this machine");
      g_setenv ("COOP_AWARDS_CERTIFICATES", shipped != NULL ? shipped : "", TRUE);
      awards_test_remove_tree (dir);
      return;
    }

  path = g_build_filename (dir, "awards.db", NULL);
  store = awards_store_open (path, &error);
  g_assert_no_error (error);
  designer = AWARDS_CERTIFICATE_DESIGNER (awards_certificate_designer_new (store));
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (window, GTK_WIDGET (designer));
  gtk_window_present (window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  g_assert_null (awards_certificate_designer_get_template (designer));
  g_assert_true (gtk_widget_is_sensitive (find_button (GTK_WIDGET (designer), "I_mport…")));
  g_assert_false (gtk_widget_is_sensitive (find_button (GTK_WIDGET (designer), "_Export…")));
  g_assert_false (gtk_widget_is_sensitive (find_button (GTK_WIDGET (designer),
                                                        "_Save Template")));
  g_assert_false (gtk_widget_is_sensitive (find_button (GTK_WIDGET (designer),
                                                        "_Test Print…")));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (
    awards_certificate_designer_get_spin (designer, "x"))));

  gtk_window_destroy (window);
  g_clear_object (&store);
  /* The other tests use the shipped templates again. */
  g_setenv ("COOP_AWARDS_CERTIFICATES", shipped != NULL ? shipped : "", TRUE);
  awards_test_remove_tree (dir);
}

/* Exported to folder A, A's files moved to folder B, imported from B: the designer shows the
 * template over its picture, kept among the user's templates. */
static void
test_exported_picture_travels (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *folder_a = g_build_filename (fixture->dir, "A", NULL);
  g_autofree char *folder_b = g_build_filename (fixture->dir, "B", NULL);
  g_autofree char *exported = g_build_filename (folder_a, "chia-se.certificate", NULL);
  g_autofree char *moved = g_build_filename (folder_b, "chia-se.certificate", NULL);
  g_autofree char *user_dir = awards_certificate_template_user_dir ();
  g_autofree char *kept_picture = g_build_filename (user_dir, "bang-khen-ca-nhan.png", NULL);
  g_autofree char *kept = g_build_filename (user_dir, "bang-khen-ca-nhan.certificate", NULL);
  g_autofree char *shipped = NULL;
  g_autoptr (AwardsCertificateTemplate) imported = NULL;
  g_autoptr (GError) error = NULL;
  const AwardsCertificateTemplate *shown;
  GStatBuf original, copy;

  shown = awards_certificate_designer_get_template (fixture->designer);
  g_assert_nonnull (shown->background);
  shipped = g_strdup (shown->background);
  g_assert_cmpint (g_mkdir_with_parents (folder_a, 0700), ==, 0);
  g_assert_true (awards_certificate_template_export (shown, exported, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_rename (folder_a, folder_b), ==, 0);

  imported = awards_certificate_template_import (moved, user_dir, &error);
  g_assert_no_error (error);
  g_assert_true (awards_certificate_designer_show_template (fixture->designer, imported->name));

  shown = awards_certificate_designer_get_template (fixture->designer);
  g_assert_cmpstr (shown->path, ==, kept);
  g_assert_cmpstr (shown->background, ==, kept_picture);
  g_assert_cmpint (g_stat (shown->background, &copy), ==, 0);
  g_assert_cmpint (g_stat (shipped, &original), ==, 0);
  g_assert_cmpint (copy.st_size, ==, original.st_size);

  /* The user's folder is shared by the tests: the shipped template is theirs again. */
  g_assert_cmpint (g_unlink (kept), ==, 0);
  g_assert_cmpint (g_unlink (kept_picture), ==, 0);
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
  g_test_add ("/certificate-designer/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

  /* First: the user's folder of templates is found once, and must be empty here. */
  g_test_add_func ("/certificate-designer/without-templates-only-import-works",
                   test_without_templates_only_import_works);
  ADD ("drag-moves-a-field", test_drag_moves_a_field);
  ADD ("numbers-move-a-field", test_numbers_move_a_field);
  ADD ("preview-shows-the-recipient", test_preview_shows_the_recipient);
  ADD ("print-exports-certificates", test_print_exports_certificates);
  ADD ("preferences-save-the-profile", test_preferences_save_the_profile);
  ADD ("printer-offset", test_printer_offset);
  ADD ("report-options-show-the-profile", test_report_options_show_the_profile);
  ADD ("exported-picture-travels", test_exported_picture_travels);

  return g_test_run ();
}
