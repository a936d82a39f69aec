/* awards-import-dialog.c: importing a flat award list from the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "awards-gui-utils.h"
#include "awards-import-dialog.h"
#include "awards-import-preview.h"
#include "awards-importer.h"
#include "awards-store-async.h"

/**
 * AwardsImportDialog:
 *
 * Shows what a CSV file holds (its columns, its first rows and how many rows there are), then
 * imports it in a worker thread with a progress bar. The import is all or nothing: when a row
 * is wrong, the dialog lists every problem as "line: message" and nothing is written.
 */

#define PREVIEW_ROWS 10

struct _AwardsImportDialog
{
  AdwWindow       parent_instance;

  AwardsStore    *store;
  GFile          *file;
  AwardsImporter *importer;
  GCancellable   *cancellable;
  char           *problems_text;
  gboolean        importing;
  gboolean        close_after_import;

  GtkButton      *close_button;
  GtkButton      *import_button;
  GtkStack       *stack;
  GtkLabel       *file_label;
  GtkLabel       *summary_label;
  GtkGrid        *preview_grid;
  GtkProgressBar *progress_bar;
  AdwStatusPage  *done_page;
  GtkLabel       *errors_label;
  GtkTextView    *errors_view;
  AdwStatusPage  *failed_page;
};

G_DEFINE_FINAL_TYPE (AwardsImportDialog, awards_import_dialog, ADW_TYPE_WINDOW)

enum
{
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_state (AwardsImportDialog *self,
            const char         *state)
{
  gboolean finished = g_str_equal (state, "done") || g_str_equal (state, "errors") ||
                      g_str_equal (state, "failed");

  gtk_stack_set_visible_child_name (self->stack, state);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.start",
                                 g_str_equal (state, "preview"));
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), !finished);
  gtk_button_set_label (self->close_button, finished ? _("_Close") : _("_Cancel"));
}

static void
show_failure (AwardsImportDialog *self,
              const GError       *error)
{
  adw_status_page_set_description (self->failed_page, error->message);
  show_state (self, "failed");
}

static GtkWidget *
grid_label_new (const char *text,
                gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 32);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  if (heading)
    gtk_widget_add_css_class (label, "heading");

  return label;
}

static void
show_preview (AwardsImportDialog  *self,
              AwardsImportPreview *preview)
{
  g_autofree char *summary = NULL;
  g_autofree char *columns = g_strjoinv (", ", preview->columns);
  guint n_columns = g_strv_length (preview->columns);

  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u award in this file. Columns: %s.",
                                          "%u awards in this file. Columns: %s.",
                                          preview->n_rows),
                             preview->n_rows, columns);
  if (preview->syntax_error != NULL)
    {
      g_autofree char *with_error = NULL;

      /* Translators: the summary of a file, then the line where reading it stopped. */
      with_error = g_strdup_printf (_("%s Line %u: %s"), summary, preview->syntax_error_line,
                                    preview->syntax_error);
      g_free (summary);
      summary = g_steal_pointer (&with_error);
    }
  gtk_label_set_label (self->summary_label, summary);

  for (guint column = 0; column < n_columns; column++)
    gtk_grid_attach (self->preview_grid, grid_label_new (preview->columns[column], TRUE),
                     (int) column, 0, 1, 1);

  for (guint row = 0; row < preview->rows->len; row++)
    {
      GStrv cells = g_ptr_array_index (preview->rows, row);

      for (guint column = 0; cells[column] != NULL && column < n_columns; column++)
        {
          GtkWidget *label = grid_label_new (cells[column], FALSE);

          gtk_widget_set_tooltip_text (label, cells[column]);
          gtk_grid_attach (self->preview_grid, label, (int) column, (int) row + 1, 1, 1);
        }
    }

  show_state (self, "preview");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.start", preview->n_rows > 0);
}

static void
preview_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GFile *file = task_data;
  GError *error = NULL;
  AwardsImportPreview *preview;

  preview = awards_import_preview (file, PREVIEW_ROWS, cancellable, &error);
  if (preview == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, preview, (GDestroyNotify) awards_import_preview_free);
}

static void
preview_ready_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  AwardsImportDialog *self = AWARDS_IMPORT_DIALOG (source);
  g_autoptr (AwardsImportPreview) preview = NULL;
  g_autoptr (GError) error = NULL;

  preview = g_task_propagate_pointer (G_TASK (result), &error);
  if (preview == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_failure (self, error);
      return;
    }

  show_preview (self, preview);
}

static void
progress_cb (guint64  rows_done,
             guint64  bytes_read,
             guint64  bytes_total,
             gpointer user_data)
{
  AwardsImportDialog *self = user_data;
  g_autofree char *text = NULL;

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lu row read", "%lu rows read",
                                       (gulong) rows_done),
                          (gulong) rows_done);
  gtk_progress_bar_set_text (self->progress_bar, text);

  if (bytes_total > 0)
    gtk_progress_bar_set_fraction (self->progress_bar,
                                   MIN (1.0, (double) bytes_read / (double) bytes_total));
  else
    gtk_progress_bar_pulse (self->progress_bar);
}

static void
show_problems (AwardsImportDialog *self)
{
  GPtrArray *problems = awards_importer_get_problems (self->importer);
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *summary = NULL;
  guint n = problems != NULL ? problems->len : 0;

  for (guint i = 0; i < n; i++)
    {
      AwardsImportProblem *problem = g_ptr_array_index (problems, i);

      /* Translators: a problem of an imported file: "12: the date is not valid". */
      g_string_append_printf (text, _("%u: %s"), problem->line, problem->message);
      g_string_append_c (text, '\n');
    }

  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "The file has %u problem. Correct it in the file "
                                          "and import again.",
                                          "The file has %u problems. Correct them in the file "
                                          "and import again.", n),
                             n);
  gtk_label_set_label (self->errors_label, summary);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->errors_view), text->str, -1);

  g_free (self->problems_text);
  self->problems_text = g_string_free (g_steal_pointer (&text), FALSE);
  show_state (self, "errors");
}

static void
import_ready_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (AwardsImportDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  guint n_added;

  self->importing = FALSE;

  if (!awards_importer_import_finish (AWARDS_IMPORTER (source), result, &error))
    {
      if (self->close_after_import)
        gtk_window_destroy (GTK_WINDOW (self));
      else if (g_error_matches (error, AWARDS_IMPORT_ERROR, AWARDS_IMPORT_ERROR_INVALID))
        show_problems (self);
      else
        show_failure (self, error);
      return;
    }

  n_added = awards_importer_get_n_added (AWARDS_IMPORTER (source));
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Award Imported",
                                        "%u Awards Imported", n_added),
                           n_added);
  adw_status_page_set_title (self->done_page, title);
  show_state (self, "done");
  g_signal_emit (self, signals[IMPORTED], 0, n_added);

  if (self->close_after_import)
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AwardsImportDialog *self = AWARDS_IMPORT_DIALOG (widget);

  if (self->importing)
    return;

  self->importing = TRUE;
  g_clear_object (&self->importer);
  self->importer = awards_importer_new (self->store);
  awards_importer_set_progress_func (self->importer, progress_cb, self, NULL);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  show_state (self, "progress");

  awards_importer_import_async (self->importer, self->file, NULL, self->cancellable,
                                import_ready_cb, g_object_ref (self));
}

static gboolean
awards_import_dialog_close_request (GtkWindow *window)
{
  AwardsImportDialog *self = AWARDS_IMPORT_DIALOG (window);

  /* Cancelling rolls the import back; the window closes when the worker has stopped. */
  if (self->importing)
    {
      self->close_after_import = TRUE;
      g_cancellable_cancel (self->cancellable);
      return TRUE;
    }

  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (awards_import_dialog_parent_class)->close_request (window);
}

static void
awards_import_dialog_dispose (GObject *object)
{
  AwardsImportDialog *self = AWARDS_IMPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->importer != NULL)
    awards_importer_set_progress_func (self->importer, NULL, NULL, NULL);

  g_clear_object (&self->importer);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->file);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (awards_import_dialog_parent_class)->dispose (object);
}

static void
awards_import_dialog_finalize (GObject *object)
{
  AwardsImportDialog *self = AWARDS_IMPORT_DIALOG (object);

  g_free (self->problems_text);

  G_OBJECT_CLASS (awards_import_dialog_parent_class)->finalize (object);
}

static void
awards_import_dialog_class_init (AwardsImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = awards_import_dialog_dispose;
  object_class->finalize = awards_import_dialog_finalize;
  window_class->close_request = awards_import_dialog_close_request;

  /**
   * AwardsImportDialog::imported:
   * @self: the dialog
   * @n_added: how many awards were added
   */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/coopawards/CoopAwards/ui/"
                                               "awards-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AwardsImportDialog, close_button);
  gtk_widget_class_bind_template_child (widget_class, AwardsImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, AwardsImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, AwardsImportDialog, file_label);
  gtk_widget_class_bind_template_child (widget_class, AwardsImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, AwardsImportDialog, preview_grid);
  gtk_widget_class_bind_template_child (widget_class, AwardsImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, AwardsImportDialog, done_page);
  gtk_widget_class_bind_template_child (widget_class, AwardsImportDialog, errors_label);
  gtk_widget_class_bind_template_child (widget_class, AwardsImportDialog, errors_view);
  gtk_widget_class_bind_template_child (widget_class, AwardsImportDialog, failed_page);

  gtk_widget_class_install_action (widget_class, "import.start", NULL, start_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
awards_import_dialog_init (AwardsImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  show_state (self, "loading");
}

/**
 * awards_import_dialog_new:
 * @parent: (nullable): the main window
 * @store: where the awards go
 * @file: the CSV file
 *
 * Starts reading the preview at once.
 *
 * Returns: (transfer none): a new dialog, not shown yet
 */
AwardsImportDialog *
awards_import_dialog_new (GtkWindow   *parent,
                          AwardsStore *store,
                          GFile       *file)
{
  AwardsImportDialog *self;
  g_autoptr (GTask) task = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (AWARDS_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (AWARDS_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->file = g_object_ref (file);

  name = g_file_get_parse_name (file);
  gtk_label_set_label (self->file_label, name);

  task = g_task_new (self, self->cancellable, preview_ready_cb, NULL);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  awards_store_run_task (store, AWARDS_WORK_LONG, task, preview_thread);

  return self;
}

/**
 * awards_import_dialog_get_state:
 * @self: a #AwardsImportDialog
 *
 * Returns: "loading", "preview", "progress", "done", "errors" or "failed"
 */
const char *
awards_import_dialog_get_state (AwardsImportDialog *self)
{
  g_return_val_if_fail (AWARDS_IS_IMPORT_DIALOG (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * awards_import_dialog_get_problems_text:
 * @self: a #AwardsImportDialog
 *
 * Returns: (nullable): the problems shown, one "line: message" per line
 */
const char *
awards_import_dialog_get_problems_text (AwardsImportDialog *self)
{
  g_return_val_if_fail (AWARDS_IS_IMPORT_DIALOG (self), NULL);

  return self->problems_text;
}
