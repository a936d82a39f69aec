/* awards-reports-page.c: choosing, showing, printing and exporting reports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * About 800 lines: the choosing and the showing are widgets of their own (AwardsReportOptions,
 * AwardsReportPreview, AwardsRecordPicker), the build on the store's pool is in
 * awards-report-build.c and the export's dialog and worker in awards-report-export.c; what
 * stays is the page's own state (the report on screen, its actions, the print dialog and the
 * toasts) and its public API.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "awards-print-file.h"
#include "awards-print-operation.h"
#include "awards-report-build.h"
#include "awards-report-export.h"
#include "awards-report-options.h"
#include "awards-report-preview.h"
#include "awards-gui-utils.h"
#include "awards-reports-page.h"
#include "awards-store-async.h"
#include "awards-store-watch.h"

/**
 * AwardsReportsPage:
 *
 * The Reports section of the window. The clerk picks a report and its filters in an
 * #AwardsReportOptions and presses Show: the report is built on the store's pool and its pages
 * are drawn on screen as they will print, with the plain text a click away. From there it
 * prints through the GTK print dialog or is saved as PDF, CSV or XLSX.
 *
 * The header fields (issuing body, place, signer) stay in the options for the session, so that
 * a clerk who prints several reports types them once.
 */

struct _AwardsReportsPage
{
  AdwBin               parent_instance;

  AwardsStore         *store;
  gulong               store_changed_id;
  guint                refresh_id;       /* the shown report is built again when it fires */


  GCancellable        *build_cancellable;
  GCancellable        *record_cancellable; /* the organisation or decision a report is of */
  AwardsReport        *report;
  char                *file_stem;        /* e.g. "tong-hop-khen-thuong-2011" */

  GtkPrintSettings    *print_settings;
  GtkPrintOperation   *print_operation;  /* while the print dialog runs */
  GtkNativeDialog     *file_chooser;

  AdwToastOverlay     *toast_overlay;
  AdwLeaflet          *leaflet;
  AwardsReportOptions *options;
  AwardsReportPreview *preview;
};

G_DEFINE_FINAL_TYPE (AwardsReportsPage, awards_reports_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_actions (AwardsReportsPage *self);
static void build_report   (AwardsReportsPage *self,
                            gboolean           reveal);

/* ------------------------------------------------------------------------------------------- */
/* Small helpers                                                                                */

static void
toast (AwardsReportsPage *self,
       const char        *text)
{
  AdwToast *toast = awards_gui_toast_new (text);

  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The report on screen is built again from the records as they are now, so that what is
 * printed or saved from it is never older than the last change (an import, another clerk's
 * save). */
static gboolean
refresh_cb (gpointer user_data)
{
  AwardsReportsPage *self = user_data;

  self->refresh_id = 0;
  /* A print dialog works on the report it was opened with. */
  if (self->report != NULL && self->print_operation == NULL)
    build_report (self, FALSE);
  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (AwardsStore *store,
                  gpointer     user_data)
{
  AwardsReportsPage *self = user_data;

  /* A lost server: the report on screen stays, to be printed or saved meanwhile. */
  if (awards_store_watch_lost_connection (store))
    return;
  awards_report_options_reload (self->options);
  /* Changes that follow each other closely (an office's clerks, an undo after a save) are
   * taken together: a second after the last. */
  if (self->report != NULL)
    {
      g_clear_handle_id (&self->refresh_id, g_source_remove);
      self->refresh_id = g_timeout_add_seconds (1, refresh_cb, self);
    }
}

static void
update_actions (AwardsReportsPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean shown = self->report != NULL &&
                   g_strcmp0 (awards_report_preview_get_state (self->preview), "report") == 0;
  guint n_pages = awards_report_preview_get_n_pages (self->preview);
  guint page_nr = awards_report_preview_get_page_nr (self->preview);

  gtk_widget_action_set_enabled (widget, "reports.show",
                                 self->store != NULL &&
                                 awards_report_options_has_subject (self->options));
  gtk_widget_action_set_enabled (widget, "reports.print",
                                 shown && self->print_operation == NULL);
  gtk_widget_action_set_enabled (widget, "reports.export", shown);
  gtk_widget_action_set_enabled (widget, "reports.previous-page", shown && page_nr > 0);
  gtk_widget_action_set_enabled (widget, "reports.next-page",
                                 shown && page_nr + 1 < n_pages);
}

/* ------------------------------------------------------------------------------------------- */
/* Building a report                                                                            */

static void
show_state (AwardsReportsPage *self,
            const char        *state)
{
  awards_report_preview_set_state (self->preview, state);
  update_actions (self);
}

static void
show_result (AwardsReportsPage *self,
             AwardsBuiltReport *result)
{
  g_set_object (&self->report, result->report);
  g_free (self->file_stem);
  self->file_stem = g_strdup (result->file_stem);

  awards_report_preview_show_report (self->preview, result->report, result->printer,
                                     result->page_width, result->page_height, result->text);
  update_actions (self);
}
static void
build_ready_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  AwardsReportsPage *self = AWARDS_REPORTS_PAGE (source);
  g_autoptr (AwardsBuiltReport) built = NULL;
  g_autoptr (GError) error = NULL;

  built = awards_report_build_finish (result, &error);
  if (built == NULL)
    {
      /* A newer request replaced this one and shows its own state. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      g_clear_object (&self->build_cancellable);
      awards_report_preview_show_error (self->preview, error->message);
      update_actions (self);
      return;
    }

  g_clear_object (&self->build_cancellable);
  show_result (self, built);
}

/**
 * awards_reports_page_show_report:
 * @self: a #AwardsReportsPage
 *
 * Builds the report the controls describe in a worker thread and shows it when it is ready;
 * "state" is "building" meanwhile. A report still being built is abandoned. Does nothing when
 * the controls are not valid: the page already says why under them.
 */
void
awards_reports_page_show_report (AwardsReportsPage *self)
{
  g_return_if_fail (AWARDS_IS_REPORTS_PAGE (self));

  build_report (self, TRUE);
}

/* Builds the report of the controls; @reveal shows the building on screen, otherwise (a
 * refresh) the report on screen stays until the new one replaces it. */
static void
build_report (AwardsReportsPage *self,
              gboolean           reveal)
{
  g_autoptr (GCancellable) cancellable = NULL;

  if (self->store == NULL || !awards_report_options_has_subject (self->options))
    return;

  cancellable = g_cancellable_new ();
  if (!awards_report_build_async (self, self->store, self->options, cancellable,
                                  build_ready_cb, NULL))
    return;

  if (self->build_cancellable != NULL)
    g_cancellable_cancel (self->build_cancellable);
  g_clear_object (&self->build_cancellable);
  self->build_cancellable = g_steal_pointer (&cancellable);

  if (!reveal)
    return;
  show_state (self, "building");
  /* On a narrow window the filters and the report take turns. */
  adw_leaflet_set_visible_child_name (self->leaflet, "preview");
}

/* ------------------------------------------------------------------------------------------- */
/* The preview                                                                                  */

static void
previous_page_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AwardsReportsPage *self = AWARDS_REPORTS_PAGE (widget);

  awards_report_preview_turn_page (self->preview, -1);
}

static void
next_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AwardsReportsPage *self = AWARDS_REPORTS_PAGE (widget);

  awards_report_preview_turn_page (self->preview, 1);
}

static void
folded_changed_cb (AwardsReportsPage *self)
{
  awards_report_preview_set_back_visible (self->preview, adw_leaflet_get_folded (self->leaflet));
}

static void
back_requested_cb (AwardsReportsPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* ------------------------------------------------------------------------------------------- */
/* Printing                                                                                     */

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               gpointer                 user_data)
{
  AwardsReportsPage *self = user_data;

  if (AWARDS_IS_PRINT_OPERATION (operation) &&
      awards_print_operation_get_refusal (AWARDS_PRINT_OPERATION (operation)) != NULL)
    toast (self, awards_print_operation_get_refusal (AWARDS_PRINT_OPERATION (operation)));
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    g_set_object (&self->print_settings, gtk_print_operation_get_print_settings (operation));
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *message = NULL;

      gtk_print_operation_get_error (operation, &error);
      message = g_strdup_printf (_("Could not print: %s"),
                                 error != NULL ? error->message : _("unknown error"));
      toast (self, message);
    }

  if (self->print_operation == operation)
    g_clear_object (&self->print_operation);
  update_actions (self);
}

/* A file printed to is renamed into place after "done" when GTK writes it asynchronously. */
static void
print_file_written_cb (GObject      *owner,
                       const GError *error)
{
  if (error != NULL)
    toast (AWARDS_REPORTS_PAGE (owner), error->message);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AwardsReportsPage *self = AWARDS_REPORTS_PAGE (widget);
  g_autoptr (AwardsPrintOperation) operation = NULL;
  g_autoptr (GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkPrintOperationResult result;

  if (self->report == NULL || self->print_operation != NULL)
    return;

  operation = awards_print_operation_new (self->report);
  /* "Print to File" offers the name Export PDF offers, in the folder printed to last. */
  awards_print_file_suggest_name (GTK_PRINT_OPERATION (operation), self->print_settings,
                                  self->file_stem != NULL ? self->file_stem : "bao-cao");
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);
  awards_print_file_notify (GTK_PRINT_OPERATION (operation), G_OBJECT (self),
                            print_file_written_cb);

  self->print_operation = g_object_ref (GTK_PRINT_OPERATION (operation));
  update_actions (self);

  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                    GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error);

  /* Errors normally come to "done", which says them; this is for one that did not. */
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR &&
      self->print_operation == GTK_PRINT_OPERATION (operation))
    {
      g_autofree char *message = g_strdup_printf (_("Could not print: %s"),
                                                  error != NULL ? error->message
                                                                : _("unknown error"));

      toast (self, message);
      g_clear_object (&self->print_operation);
      update_actions (self);
    }
}

/* ------------------------------------------------------------------------------------------- */
/* Exporting                                                                                    */

static void
export_written_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr (GTask) outer = user_data;
  AwardsReportsPage *self = g_task_get_source_object (outer);
  const char *display_name = g_task_get_task_data (outer);
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  if (!awards_report_export_finish (result, &error))
    {
      message = g_strdup_printf (_("Could not save “%s”: %s"), display_name,
                                 error->message);
      toast (self, message);
      g_task_return_error (outer, g_steal_pointer (&error));
      return;
    }

  message = g_strdup_printf (_("Saved “%s”"), display_name);
  toast (self, message);
  g_task_return_boolean (outer, TRUE);
}

/**
 * awards_reports_page_export_async:
 * @self: a #AwardsReportsPage
 * @format: PDF, CSV, XLSX or TEXT
 * @file: where to write; an existing file is replaced only once the report is complete
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is written
 * @user_data: data for @callback
 *
 * Writes the report on screen in a worker thread, then says in a toast that it is saved, or
 * why not.
 */
void
awards_reports_page_export_async (AwardsReportsPage   *self,
                                  AwardsReportFormat   format,
                                  GFile               *file,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr (GTask) outer = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (AWARDS_IS_REPORTS_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, awards_reports_page_export_async);

  if (self->report == NULL)
    {
      g_task_return_new_error (outer, AWARDS_REPORT_ERROR, AWARDS_REPORT_ERROR_INVALID,
                               _("There is no report to save: show one first."));
      return;
    }
  if (!g_file_is_native (file))
    {
      g_task_return_new_error (outer, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Reports can only be saved to a folder on this computer."));
      return;
    }

  g_task_set_task_data (outer, g_file_get_basename (file), g_free);
  path = g_file_get_path (file);
  awards_report_export_async (self->report, format, path, cancellable, export_written_cb,
                              g_object_ref (outer));
}

/**
 * awards_reports_page_export_finish:
 * @self: a #AwardsReportsPage
 * @result: the result given to the callback
 * @error: return location for an error
 *
 * Returns: %TRUE when the file was written
 */
gboolean
awards_reports_page_export_finish (AwardsReportsPage  *self,
                                   GAsyncResult       *result,
                                   GError            **error)
{
  g_return_val_if_fail (AWARDS_IS_REPORTS_PAGE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
export_chosen_cb (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  AwardsReportsPage *self = user_data;
  AwardsReportFormat format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog),
                                                                  "report-format"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        awards_reports_page_export_async (self, format, file, NULL, NULL, NULL);
    }

  if (self->file_chooser == dialog)
    g_clear_object (&self->file_chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AwardsReportsPage *self = AWARDS_REPORTS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *name = NULL;
  AwardsReportFormat format;
  GtkFileChooserNative *chooser;

  if (self->report == NULL ||
      !awards_report_format_from_string (g_variant_get_string (parameter, NULL), &format))
    return;

  if (self->file_chooser != NULL)
    gtk_native_dialog_destroy (self->file_chooser);
  g_clear_object (&self->file_chooser);

  name = awards_reports_page_suggest_file_name (self, format);
  chooser = awards_report_export_chooser_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              format, name);
  self->file_chooser = GTK_NATIVE_DIALOG (chooser);
  g_object_set_data (G_OBJECT (chooser), "report-format", GINT_TO_POINTER (format));
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_chosen_cb), self, 0);
  gtk_native_dialog_show (self->file_chooser);
}

/* ------------------------------------------------------------------------------------------- */
/* Controls                                                                                     */

static void
show_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  awards_reports_page_show_report (AWARDS_REPORTS_PAGE (widget));
}

static void
preview_page_changed_cb (AwardsReportsPage *self)
{
  update_actions (self);
}

static void
options_changed_cb (AwardsReportsPage *self)
{
  update_actions (self);
}

static void
options_activated_cb (AwardsReportsPage *self)
{
  awards_reports_page_show_report (self);
}

/* ------------------------------------------------------------------------------------------- */
/* The object                                                                                   */

static void
awards_reports_page_dispose (GObject *object)
{
  AwardsReportsPage *self = AWARDS_REPORTS_PAGE (object);

  if (self->build_cancellable != NULL)
    g_cancellable_cancel (self->build_cancellable);
  g_clear_object (&self->build_cancellable);
  g_cancellable_cancel (self->record_cancellable);
  g_clear_object (&self->record_cancellable);
  if (self->file_chooser != NULL)
    gtk_native_dialog_destroy (self->file_chooser);
  g_clear_object (&self->file_chooser);
  if (self->print_operation != NULL)
    g_signal_handlers_disconnect_by_data (self->print_operation, self);
  g_clear_object (&self->print_operation);

  g_clear_signal_handler (&self->store_changed_id, self->store);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_object (&self->store);
  g_clear_object (&self->report);
  g_clear_object (&self->print_settings);

  G_OBJECT_CLASS (awards_reports_page_parent_class)->dispose (object);
}

static void
awards_reports_page_finalize (GObject *object)
{
  AwardsReportsPage *self = AWARDS_REPORTS_PAGE (object);

  g_free (self->file_stem);

  G_OBJECT_CLASS (awards_reports_page_parent_class)->finalize (object);
}

static void
awards_reports_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AwardsReportsPage *self = AWARDS_REPORTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awards_reports_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AwardsReportsPage *self = AWARDS_REPORTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      awards_reports_page_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awards_reports_page_class_init (AwardsReportsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = awards_reports_page_dispose;
  object_class->finalize = awards_reports_page_finalize;
  object_class->get_property = awards_reports_page_get_property;
  object_class->set_property = awards_reports_page_set_property;

  /**
   * AwardsReportsPage:store:
   *
   * The store the reports read.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         AWARDS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (AWARDS_TYPE_REPORT_OPTIONS);
  g_type_ensure (AWARDS_TYPE_REPORT_PREVIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/coopawards/CoopAwards/ui/"
                                               "awards-reports-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AwardsReportsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AwardsReportsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AwardsReportsPage, options);
  gtk_widget_class_bind_template_child (widget_class, AwardsReportsPage, preview);
  gtk_widget_class_bind_template_callback (widget_class, folded_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, options_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, preview_page_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_requested_cb);
  gtk_widget_class_bind_template_callback (widget_class, options_activated_cb);

  gtk_widget_class_install_action (widget_class, "reports.show", NULL, show_action);
  gtk_widget_class_install_action (widget_class, "reports.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "reports.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "reports.previous-page", NULL,
                                   previous_page_action);
  gtk_widget_class_install_action (widget_class, "reports.next-page", NULL, next_page_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "reports.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK,
                                       "reports.previous-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK,
                                       "reports.next-page", NULL);
}

static void
awards_reports_page_init (AwardsReportsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  folded_changed_cb (self);
  show_state (self, "empty");
}

/**
 * awards_reports_page_new:
 * @store: (nullable): the store the reports read
 *
 * Returns: (transfer floating): a new reports page
 */
GtkWidget *
awards_reports_page_new (AwardsStore *store)
{
  g_return_val_if_fail (store == NULL || AWARDS_IS_STORE (store), NULL);

  return g_object_new (AWARDS_TYPE_REPORTS_PAGE, "store", store, NULL);
}

/**
 * awards_reports_page_get_store:
 * @self: a #AwardsReportsPage
 *
 * Returns: (transfer none) (nullable): the store the reports read
 */
AwardsStore *
awards_reports_page_get_store (AwardsReportsPage *self)
{
  g_return_val_if_fail (AWARDS_IS_REPORTS_PAGE (self), NULL);

  return self->store;
}

/**
 * awards_reports_page_set_store:
 * @self: a #AwardsReportsPage
 * @store: (nullable): the store the reports read
 *
 * A new store (another database opened) forgets the report on screen and the choices that
 * belonged to the old one; the period, years and header fields stay. The same database
 * connected again keeps them all, and makes the report again.
 */
void
awards_reports_page_set_store (AwardsReportsPage *self,
                               AwardsStore       *store)
{
  gboolean again;

  g_return_if_fail (AWARDS_IS_REPORTS_PAGE (self));
  g_return_if_fail (store == NULL || AWARDS_IS_STORE (store));

  if (self->store == store)
    return;

  again = self->store != NULL && store != NULL &&
          g_strcmp0 (awards_store_get_path (self->store), awards_store_get_path (store)) == 0;
  g_clear_signal_handler (&self->store_changed_id, self->store);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_set_object (&self->store, store);
  if (store != NULL)
    self->store_changed_id = g_signal_connect_object (store, "changed",
                                                      G_CALLBACK (store_changed_cb), self, 0);
  /* The same database connected again: the report stays, and is made again from it. */
  if (again)
    {
      awards_report_options_set_store (self->options, store);
      store_changed_cb (store, self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
      return;
    }

  if (self->build_cancellable != NULL)
    g_cancellable_cancel (self->build_cancellable);
  g_clear_object (&self->build_cancellable);
  g_cancellable_cancel (self->record_cancellable);
  g_clear_object (&self->record_cancellable);
  g_clear_object (&self->report);
  awards_report_preview_clear (self->preview);

  awards_report_options_set_store (self->options, store);
  show_state (self, "empty");

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/* A new record to report on: the read of the one before, if still on its way, is of no use. */
static GCancellable *
begin_record_read (AwardsReportsPage *self)
{
  g_cancellable_cancel (self->record_cancellable);
  g_clear_object (&self->record_cancellable);
  self->record_cancellable = g_cancellable_new ();
  /* The report shown, or being built, is no longer the one asked for. */
  if (self->build_cancellable != NULL)
    g_cancellable_cancel (self->build_cancellable);
  g_clear_object (&self->build_cancellable);
  show_state (self, "building");
  adw_leaflet_set_visible_child_name (self->leaflet, "preview");
  return self->record_cancellable;
}

static void
organisation_read_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  AwardsReportsPage *self = user_data;
  g_autoptr (AwardsOrganisation) organisation = NULL;
  g_autoptr (GError) error = NULL;

  organisation = awards_store_get_organisation_finish (AWARDS_STORE (source), result, &error);
  /* Another record was asked for, another database opened, or the page went. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (organisation == NULL)
    {
      awards_report_preview_show_error (self->preview, error->message);
      update_actions (self);
      return;
    }
  awards_report_options_choose_organisation (self->options,
                                             awards_organisation_get_id (organisation),
                                             awards_organisation_get_name (organisation));
  awards_reports_page_show_report (self);
}

/**
 * awards_reports_page_show_organisation:
 * @self: a #AwardsReportsPage
 * @id: an organisation
 *
 * Shows the organisation's record: its own awards and its people's, with its member
 * organisations. The organisation is read on the store's threads first.
 */
void
awards_reports_page_show_organisation (AwardsReportsPage *self,
                                       gint64             id)
{
  g_return_if_fail (AWARDS_IS_REPORTS_PAGE (self));
  g_return_if_fail (self->store != NULL);

  awards_report_options_set_kind (self->options, AWARDS_REPORT_KIND_ORGANISATION);
  awards_store_get_organisation_async (self->store, id, begin_record_read (self),
                                       organisation_read_cb, self);
}

static void
decision_read_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  AwardsReportsPage *self = user_data;
  g_autoptr (AwardsDecision) decision = NULL;
  g_autoptr (GError) error = NULL;
  const char *number;

  decision = awards_store_get_decision_finish (AWARDS_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  number = decision != NULL ? awards_decision_get_number (decision) : NULL;
  if (decision != NULL && (number == NULL || number[0] == '\0'))
    g_set_error_literal (&error, AWARDS_REPORT_ERROR, AWARDS_REPORT_ERROR_INVALID,
                         _("This decision has no number yet: give it one to print its "
                           "annex."));
  if (error != NULL)
    {
      awards_report_preview_show_error (self->preview, error->message);
      update_actions (self);
      return;
    }
  awards_report_options_choose_decision (self->options, awards_decision_get_id (decision),
                                         awards_decision_get_authority_id (decision), number);
  awards_reports_page_show_report (self);
}

/**
 * awards_reports_page_show_decision:
 * @self: a #AwardsReportsPage
 * @id: a decision
 *
 * Shows the decision's annex, the list of its recipients. The decision is read on the store's
 * threads first.
 */
void
awards_reports_page_show_decision (AwardsReportsPage *self,
                                   gint64             id)
{
  g_return_if_fail (AWARDS_IS_REPORTS_PAGE (self));
  g_return_if_fail (self->store != NULL);

  awards_report_options_set_kind (self->options, AWARDS_REPORT_KIND_DECISION);
  awards_store_get_decision_async (self->store, id, begin_record_read (self),
                                   decision_read_cb, self);
}

/**
 * awards_reports_page_show_search:
 * @self: a #AwardsReportsPage
 * @text: (nullable): what the user searched for
 *
 * Shows the summary of every award the search finds, over all dates, authorities and awards.
 */
void
awards_reports_page_show_search (AwardsReportsPage *self,
                                 const char        *text)
{
  g_return_if_fail (AWARDS_IS_REPORTS_PAGE (self));
  g_return_if_fail (self->store != NULL);

  g_cancellable_cancel (self->record_cancellable);
  awards_report_options_choose_search (self->options, text);
  awards_reports_page_show_report (self);
}

/**
 * awards_reports_page_get_state:
 * @self: a #AwardsReportsPage
 *
 * Returns: "empty", "building", "report" or "error"
 */
const char *
awards_reports_page_get_state (AwardsReportsPage *self)
{
  g_return_val_if_fail (AWARDS_IS_REPORTS_PAGE (self), NULL);

  return awards_report_preview_get_state (self->preview);
}

/**
 * awards_reports_page_get_report:
 * @self: a #AwardsReportsPage
 *
 * Returns: (transfer none) (nullable): the report on screen
 */
AwardsReport *
awards_reports_page_get_report (AwardsReportsPage *self)
{
  g_return_val_if_fail (AWARDS_IS_REPORTS_PAGE (self), NULL);

  return self->report;
}

/**
 * awards_reports_page_suggest_file_name:
 * @self: a #AwardsReportsPage
 * @format: the format to save in
 *
 * Returns: (transfer full): a file name for the report on screen, in ASCII so that it travels
 *   well by mail and USB stick, e.g. "tong-hop-khen-thuong-2011.pdf"
 */
char *
awards_reports_page_suggest_file_name (AwardsReportsPage  *self,
                                       AwardsReportFormat  format)
{
  g_return_val_if_fail (AWARDS_IS_REPORTS_PAGE (self), NULL);

  return g_strdup_printf ("%s.%s", self->file_stem != NULL ? self->file_stem : "bao-cao",
                          awards_report_format_extension (format));
}
