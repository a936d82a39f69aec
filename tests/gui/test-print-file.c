/* test-print-file.c: "Print to File" in the print dialog, in a real window under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <adwaita.h>
#include <glib/gstdio.h>
#include <gtk/gtkunixprint.h>

#include "awards-certificate-print.h"
#include "awards-gui-utils.h"
#include "awards-print-file.h"
#include "awards-print-operation.h"
#include "awards-reports-page.h"
#include "awards-test-util.h"

/*
 * Issue 9: GTK's file printer wrote the file itself, in place and world-readable, and was only
 * checked against the database's files. These tests drive the real print dialog: they choose
 * "Print to File" and a destination as a user would, press Print, and look at what is on disk.
 */

typedef struct
{
  char              *dir;
  char              *database;
  AwardsStore       *store;
  GtkWindow         *window;
  AwardsReportsPage *page;
  gint64             decision_id;
} Fixture;

#define WAIT_UNTIL(expr) AWARDS_TEST_WAIT_UNTIL (expr, 20)

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

static void
set_text (Fixture    *fixture,
          const char *name,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (fixture->page), name)), text);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  GtkWidget *show;

  fixture->dir = awards_test_make_dir ("test-print-file");
  fixture->database = g_build_filename (fixture->dir, "awards.db", NULL);
  fixture->store = awards_store_open (fixture->database, &error);
  g_assert_no_error (error);
  fixture->decision_id = awards_test_seed (fixture->store);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  g_object_ref_sink (fixture->window);
  gtk_window_set_title (fixture->window, "Reports");
  gtk_window_set_default_size (fixture->window, 1000, 700);
  fixture->page = AWARDS_REPORTS_PAGE (awards_reports_page_new (fixture->store));
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  gtk_window_present (fixture->window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));

  set_text (fixture, "from-entry", "01/12/2011");
  set_text (fixture, "to-entry", "31/12/2011");
  show = find_named (GTK_WIDGET (fixture->page), "show-button");
  g_assert_nonnull (show);
  g_signal_emit_by_name (show, "clicked");
  WAIT_UNTIL (g_strcmp0 (awards_reports_page_get_state (fixture->page), "report") == 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->window);
  g_clear_object (&fixture->store);
  awards_test_remove_tree (fixture->dir);
  g_free (fixture->database);
  g_free (fixture->dir);
}

static GtkPrintUnixDialog *
find_print_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_PRINT_UNIX_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_PRINT_UNIX_DIALOG (window);
    }
  return NULL;
}

static gboolean
file_printer_chosen (GtkPrintUnixDialog *dialog)
{
  GtkPrinter *printer = gtk_print_unix_dialog_get_selected_printer (dialog);

  return printer != NULL && gtk_printer_is_virtual (printer) &&
         g_str_equal (gtk_printer_get_name (printer), "Print to File");
}

static gboolean replace_confirmed;

/* The dialog asks before it replaces an existing file: the answer is Replace. */
static gboolean
confirm_replace (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        {
          GtkWidget *replace = gtk_dialog_get_widget_for_response (GTK_DIALOG (window),
                                                                   GTK_RESPONSE_ACCEPT);

          g_assert_nonnull (replace);
          g_signal_emit_by_name (replace, "clicked");
          replace_confirmed = TRUE;
          return G_SOURCE_REMOVE;
        }
    }
  return G_SOURCE_CONTINUE;
}

static void
press_print (gpointer dialog)
{
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_OK);
}

/* In the print dialog on screen: chooses "Print to File" and @path, and presses Print. */
static void
print_to_file (const char *path)
{
  g_autoptr (GtkPrintSettings) settings = gtk_print_settings_new ();
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  GtkPrintUnixDialog *dialog = NULL;

  WAIT_UNTIL ((dialog = find_print_dialog ()) != NULL);
  gtk_print_settings_set_printer (settings, "Print to File");
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");
  gtk_print_unix_dialog_set_settings (dialog, settings);
  WAIT_UNTIL (file_printer_chosen (dialog));
  /* As a click would: from the main loop, which the dialog's response handler may turn. */
  g_idle_add_once (press_print, dialog);
}

static gboolean
is_pdf (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  /* Whole: from its header to its end-of-file marker. */
  return g_file_get_contents (path, &contents, &length, NULL) && length > 8 &&
         memcmp (contents, "%PDF", 4) == 0 &&
         g_strstr_len (contents + length - MIN (length, 32), MIN (length, 32), "%%EOF") != NULL;
}

/* Whether the folder holds a temporary file left by a writer. */
static gboolean
has_leftovers (const char *dir)
{
  g_autoptr (GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (folder)) != NULL)
    if (name[0] == '.')
      return TRUE;
  return FALSE;
}

static char *
file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static mode_t
file_mode (const char *path)
{
  GStatBuf info;

  g_assert_cmpint (g_lstat (path, &info), ==, 0);
  return info.st_mode & 07777;
}

/* The window's Print action, the dialog, "Print to File": a new file is private whatever the
 * umask; printing to it again (the dialog offers the same file, the report's name in the folder
 * printed to, and asks before replacing it) replaces it whole and keeps the mode it has been
 * given since. */
static void
test_window_prints_private_file (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *name = awards_reports_page_suggest_file_name (fixture->page,
                                                                 AWARDS_REPORT_FORMAT_PDF);
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  mode_t old_umask = umask (022);
  guint confirm;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "reports.print", NULL));
  print_to_file (path);
  WAIT_UNTIL (g_file_test (path, G_FILE_TEST_EXISTS) && !has_leftovers (fixture->dir));
  g_assert_true (is_pdf (path));
  g_assert_cmpint (file_mode (path), ==, 0600);

  g_assert_true (g_file_set_contents (path, "the old report", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  replace_confirmed = FALSE;
  confirm = g_timeout_add (50, confirm_replace, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "reports.print", NULL));
  print_to_file (path);
  WAIT_UNTIL (is_pdf (path) && !has_leftovers (fixture->dir));
  g_assert_cmpint (file_mode (path), ==, 0640);
  if (!replace_confirmed)
    g_source_remove (confirm);

  umask (old_umask);
}

static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         gpointer                 user_data)
{
  gboolean *done = user_data;

  *done = TRUE;
}

/* The shared print helper: a link to the open database is refused with a sentence, and the
 * database is not touched. */
static void
test_link_to_database_refused (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *link = g_build_filename (fixture->dir, "link.pdf", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (AwardsPrintOperation) operation = NULL;
  g_autoptr (GError) error = NULL;
  gboolean done = FALSE;
  GtkPrintOperationResult result;
  guint confirm;
  const char *refusal;

  g_assert_cmpint (symlink ("awards.db", link), ==, 0);
  before = file_checksum (fixture->database);

  operation = awards_print_operation_new (awards_reports_page_get_report (fixture->page));
  g_signal_connect (operation, "done", G_CALLBACK (done_cb), &done);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                    GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, fixture->window,
                                    &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_IN_PROGRESS);
  /* The link exists: the dialog asks whether to replace it, and the user says yes. */
  replace_confirmed = FALSE;
  confirm = g_timeout_add (50, confirm_replace, NULL);
  print_to_file (link);
  WAIT_UNTIL (done);
  if (!replace_confirmed)
    g_source_remove (confirm);

  refusal = awards_print_operation_get_refusal (operation);
  g_assert_nonnull (refusal);
  g_assert_nonnull (strstr (refusal, "link to the open database"));
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  after = file_checksum (fixture->database);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (has_leftovers (fixture->dir));
  g_ptr_array_unref (awards_store_check (fixture->store, &error));
  g_assert_no_error (error);
}

typedef struct
{
  const char *path;
  gboolean    chosen;
  gboolean    pressed;
} Driver;

/* For a print dialog run by a blocking call: chooses the file and presses Print from the loop
 * that the call turns. */
static gboolean
drive_dialog (gpointer data)
{
  Driver *driver = data;
  GtkPrintUnixDialog *dialog = find_print_dialog ();

  if (dialog == NULL || driver->pressed)
    return G_SOURCE_CONTINUE;
  if (!driver->chosen)
    {
      g_autoptr (GtkPrintSettings) settings = gtk_print_settings_new ();
      g_autofree char *uri = g_filename_to_uri (driver->path, NULL, NULL);

      gtk_print_settings_set_printer (settings, "Print to File");
      gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
      gtk_print_unix_dialog_set_settings (dialog, settings);
      driver->chosen = TRUE;
    }
  else if (file_printer_chosen (dialog))
    {
      driver->pressed = TRUE;
      g_idle_add_once (press_print, dialog);
    }
  return G_SOURCE_CONTINUE;
}

static gboolean
print_certificates (Fixture     *fixture,
                    const char  *path,
                    GError     **error)
{
  g_autoptr (GPtrArray) templates = NULL;
  g_autoptr (GPtrArray) certificates = NULL;
  Driver driver = { path, FALSE, FALSE };
  guint drive;
  guint confirm;
  gboolean ok;

  g_assert_true (awards_certificate_print_collect (fixture->store, fixture->decision_id, NULL,
                                                   &templates, &certificates, error));
  drive = g_timeout_add (50, drive_dialog, &driver);
  replace_confirmed = FALSE;
  confirm = g_timeout_add (50, confirm_replace, NULL);
  ok = awards_certificate_print (fixture->window, fixture->store, templates, certificates,
                                 AWARDS_CERTIFICATE_PRINT_TEST, NULL, error);
  g_source_remove (drive);
  if (!replace_confirmed)
    g_source_remove (confirm);
  g_assert_true (driver.pressed);
  return ok;
}

/* Certificates through the print dialog: the same rule as the reports. */
static void
test_certificates_print_to_file (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "certificates.pdf", NULL);
  g_autofree char *link = g_build_filename (fixture->dir, "certificates-link.pdf", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (GError) error = NULL;
  mode_t old_umask = umask (022);

  g_assert_true (print_certificates (fixture, path, &error));
  g_assert_no_error (error);
  g_assert_true (is_pdf (path));
  g_assert_cmpint (file_mode (path), ==, 0600);
  g_assert_false (has_leftovers (fixture->dir));

  g_assert_cmpint (symlink ("awards.db", link), ==, 0);
  before = file_checksum (fixture->database);
  g_assert_false (print_certificates (fixture, link, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "link to the open database"));
  after = file_checksum (fixture->database);
  g_assert_cmpstr (before, ==, after);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  g_assert_false (has_leftovers (fixture->dir));

  umask (old_umask);
}

static void
end_preview (gpointer preview)
{
  gtk_print_operation_preview_end_preview (GTK_PRINT_OPERATION_PREVIEW (preview));
  g_object_unref (preview);
}

/* Stands for the window's own preview: it shows nothing and closes at once. */
static gboolean
handle_preview_cb (GtkPrintOperation        *operation,
                   GtkPrintOperationPreview *preview,
                   GtkPrintContext          *context,
                   GtkWindow                *parent,
                   gboolean                 *previewed)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
  cairo_t *cr = cairo_create (surface);

  gtk_print_context_set_cairo_context (context, cr, 72, 72);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  *previewed = TRUE;
  g_idle_add_once (end_preview, g_object_ref (preview));
  return TRUE;
}

static void
press_preview (gpointer dialog)
{
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_APPLY);
}

/* Preview with "Print to File" chosen writes nothing where the file was chosen, not even an
 * empty temporary file. */
static void
test_preview_leaves_nothing (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "preview.pdf", NULL);
  g_autoptr (AwardsPrintOperation) operation = NULL;
  g_autoptr (GtkPrintSettings) settings = gtk_print_settings_new ();
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr (GError) error = NULL;
  GtkPrintUnixDialog *dialog = NULL;
  gboolean previewed = FALSE;

  operation = awards_print_operation_new (awards_reports_page_get_report (fixture->page));
  g_signal_connect (operation, "preview", G_CALLBACK (handle_preview_cb), &previewed);
  gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                           GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, fixture->window, &error);
  g_assert_no_error (error);
  WAIT_UNTIL ((dialog = find_print_dialog ()) != NULL);
  gtk_print_settings_set_printer (settings, "Print to File");
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
  gtk_print_unix_dialog_set_settings (dialog, settings);
  WAIT_UNTIL (file_printer_chosen (dialog));
  g_idle_add_once (press_preview, dialog);
  WAIT_UNTIL (previewed && find_print_dialog () == NULL);
  awards_test_settle (200);

  g_assert_false (has_leftovers (fixture->dir));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  /* The next dialog offers the file the user chose. */
  g_assert_cmpstr (gtk_print_settings_get (gtk_print_operation_get_print_settings (
                     GTK_PRINT_OPERATION (operation)), GTK_PRINT_SETTINGS_OUTPUT_URI), ==, uri);
}

/* "Print to File" offers the report's own name, in the folder printed to last. */
static void
test_suggested_name (void)
{
  g_autoptr (GtkPrintOperation) first = gtk_print_operation_new ();
  g_autoptr (GtkPrintOperation) second = gtk_print_operation_new ();
  g_autoptr (GtkPrintSettings) previous = gtk_print_settings_new ();
  g_autofree char *expected = NULL;
  const char *uri;

  awards_print_file_suggest_name (first, NULL, "tong-hop-khen-thuong-2024");
  uri = gtk_print_settings_get (gtk_print_operation_get_print_settings (first),
                                GTK_PRINT_SETTINGS_OUTPUT_URI);
  g_assert_true (g_str_has_prefix (uri, "file:///"));
  g_assert_true (g_str_has_suffix (uri, "/tong-hop-khen-thuong-2024.pdf"));

  gtk_print_settings_set (previous, GTK_PRINT_SETTINGS_OUTPUT_URI,
                          "file:///tmp/van-phong/bao-cao-truoc.pdf");
  gtk_print_settings_set_n_copies (previous, 3);
  awards_print_file_suggest_name (second, previous, "quyet-dinh-1523");
  g_assert_cmpstr (gtk_print_settings_get (gtk_print_operation_get_print_settings (second),
                                           GTK_PRINT_SETTINGS_OUTPUT_URI),
                   ==, "file:///tmp/van-phong/quyet-dinh-1523.pdf");
  /* The other choices of the print before stay, and its settings are not changed. */
  g_assert_cmpint (gtk_print_settings_get_n_copies (gtk_print_operation_get_print_settings (
                                                      second)), ==, 3);
  g_assert_cmpstr (gtk_print_settings_get (previous, GTK_PRINT_SETTINGS_OUTPUT_URI), ==,
                   "file:///tmp/van-phong/bao-cao-truoc.pdf");
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  /* Only GTK's own file printer: no print server is asked. */
  g_object_set (gtk_settings_get_default (), "gtk-print-backends", "file", NULL);
  adw_init ();
  setlocale (LC_ALL, "C.UTF-8");
  awards_gui_ensure_resources ();

  g_test_add ("/print-file/window-prints-private-file", Fixture, NULL, fixture_set_up,
              test_window_prints_private_file, fixture_tear_down);
  g_test_add ("/print-file/link-to-database-refused", Fixture, NULL, fixture_set_up,
              test_link_to_database_refused, fixture_tear_down);

  g_test_add ("/print-file/certificates", Fixture, NULL, fixture_set_up,
              test_certificates_print_to_file, fixture_tear_down);

  g_test_add ("/print-file/preview-leaves-nothing", Fixture, NULL, fixture_set_up,
              test_preview_leaves_nothing, fixture_tear_down);
  g_test_add_func ("/print-file/suggested-name", test_suggested_name);

  return g_test_run ();
}
