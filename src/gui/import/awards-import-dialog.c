/* awards-import-dialog.c: importing a flat award list from the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "awards-gui-utils.h"
#include "awards-import-check.h"
#include "awards-import-dialog.h"
#include "awards-accessible-names.h"
#include "awards-importer.h"
#include "awards-store-async.h"

/**
 * AwardsImportDialog:
 *
 * Checks every row of a CSV file or workbook before anything is written, and shows the first
 * rows and every bad row with its problem, under column names in the interface language. A new
 * name nearly equal to an existing one is asked about (use the existing record, or add the new
 * one) and the file checked again. A file with other problems is corrected in its own program
 * and read again with Check Again, keeping those answers. Then it imports in a worker thread
 * with a progress bar. The import is all or nothing: when a row is wrong, the dialog lists
 * every problem as "line: message" and nothing is written.
 */

#define PREVIEW_ROWS 10

struct _AwardsImportDialog
{
  AdwWindow       parent_instance;

  AwardsStore    *store;
  GFile          *file;
  AwardsImporter *importer;
  AwardsImportCheck *check;
  GCancellable   *cancellable;
  char           *problems_text;
  gboolean        importing;
  gboolean        close_after_import;
  gboolean        showing_sheets;

  GtkButton      *close_button;
  GtkButton      *import_button;
  GtkButton      *check_again_button;
  GtkStack       *stack;
  GtkLabel       *file_label;
  GtkWidget      *sheet_box;
  GtkDropDown    *sheet_dropdown;
  GtkStringList  *sheet_list;
  GtkLabel       *summary_label;
  GtkLabel       *new_names_label;
  GtkListBox     *near_list;
  GtkGrid        *preview_grid;
  GtkProgressBar *progress_bar;
  AdwStatusPage  *done_page;
  GtkLabel       *errors_label;
  GtkTextView    *errors_view;
  AdwStatusPage  *failed_page;
  gboolean        import_failed;     /* the import itself, not reading the file */
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
  /* The file may be corrected and read again while its problems are shown. */
  gtk_widget_set_visible (GTK_WIDGET (self->check_again_button),
                          g_str_equal (state, "errors") ||
                          (g_str_equal (state, "preview") && self->check != NULL &&
                           self->check->problems->len > 0));
  gtk_button_set_label (self->close_button, finished ? _("_Close") : _("_Cancel"));
  /* GTK names it by the new label as written, underscore included. */
  awards_accessible_names_fix (GTK_WIDGET (self->close_button));
  /* Done, the Import button is gone: Close takes the keyboard, and Enter or Escape ends. */
  if (finished)
    gtk_widget_grab_focus (GTK_WIDGET (self->close_button));
}

static void
show_failure (AwardsImportDialog *self,
              const GError       *error)
{
  awards_gui_set_status_description (self->failed_page, error->message);
  show_state (self, "failed");
}

static GtkWidget *
grid_label_new (const char *text,
                gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  /* Short values whole, long ones cut at a width that still reads; the table scrolls. */
  gtk_label_set_width_chars (GTK_LABEL (label), MIN ((int) g_utf8_strlen (text, -1) + 1, 16));
  gtk_label_set_max_width_chars (GTK_LABEL (label), 32);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  if (heading)
    gtk_widget_add_css_class (label, "heading");

  return label;
}

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    {
      if (GTK_IS_GRID (box))
        gtk_grid_remove (GTK_GRID (box), child);
      else
        gtk_list_box_remove (GTK_LIST_BOX (box), child);
    }
}

static const char *
near_kind_text (AwardsNearKind kind)
{
  switch (kind)
    {
    case AWARDS_NEAR_AWARD_TYPE:
      return _("A new award type, nearly equal to “%s”");
    case AWARDS_NEAR_AUTHORITY:
      return _("A new authority, nearly equal to “%s”");
    case AWARDS_NEAR_PERSON:
      return _("A new person of the same organisation, nearly equal to “%s”");
    case AWARDS_NEAR_ORGANISATION:
    default:
      return _("A new organisation, nearly equal to “%s”");
    }
}

/* What the import would create besides the awards: a line per kind, the first names of each. */
static void
show_new_names (AwardsImportDialog *self,
                AwardsImportCheck  *check)
{
  static const struct
  {
    AwardsNearKind  kind;
    const char     *format;
  } kinds[] = {
    { AWARDS_NEAR_ORGANISATION, N_("New organisations (%'u): %s") },
    { AWARDS_NEAR_PERSON, N_("New people (%'u): %s") },
    { AWARDS_NEAR_AUTHORITY, N_("New authorities (%'u): %s") },
    { AWARDS_NEAR_AWARD_TYPE, N_("New award types (%'u): %s") },
  };
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      GPtrArray *names = check->new_names[kinds[i].kind];
      g_autoptr (GString) list = g_string_new (NULL);

      if (names == NULL || names->len == 0)
        continue;
      for (guint j = 0; j < MIN (names->len, 5); j++)
        g_string_append_printf (list, "%s%s", j > 0 ? ", " : "",
                                (const char *) g_ptr_array_index (names, j));
      if (names->len > 5)
        g_string_append (list, ", …");
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, _(kinds[i].format), names->len, list->str);
    }
  gtk_label_set_label (self->new_names_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->new_names_label), text->len > 0);
}

/* The first button under @widget, depth first. */
static GtkWidget *
find_first_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_visible (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *button = find_first_button (child);

      if (button != NULL)
        return button;
    }
  return NULL;
}

/* One row per near name: the user says whether it is the existing record or a new one. */
static void
show_near_names (AwardsImportDialog *self,
                 GPtrArray          *near_names)
{
  clear_box (GTK_WIDGET (self->near_list));
  gtk_widget_set_visible (GTK_WIDGET (self->near_list), near_names->len > 0);

  for (guint i = 0; i < near_names->len; i++)
    {
      const AwardsImportNearName *near_name = g_ptr_array_index (near_names, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *use = gtk_button_new ();
      GtkWidget *create = gtk_button_new_with_mnemonic (_("Add as _New"));
      g_autofree char *title = g_strdup_printf ("“%s”", near_name->name);
      g_autofree char *subtitle = g_strdup_printf (near_kind_text (near_name->kind),
                                                   near_name->suggestions[0]);
      g_autofree char *use_label = g_strdup_printf (_("Use “%s”"), near_name->suggestions[0]);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

      gtk_button_set_label (GTK_BUTTON (use), use_label);
      gtk_widget_set_valign (use, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (use, "suggested-action");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (use), "import.resolve");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (use), "(ub)", i, TRUE);
      gtk_widget_set_valign (create, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (create), "import.resolve");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (create), "(ub)", i, FALSE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), use);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), create);
      gtk_list_box_append (self->near_list, row);
    }
  awards_accessible_names_fix (GTK_WIDGET (self->near_list));
}

/* A workbook of several sheets lets the user choose the one that holds the list; the check
 * says which it read (by default the first with data). */
static void
show_sheets (AwardsImportDialog *self,
             AwardsImportCheck  *check)
{
  guint n_names = check->sheet_names != NULL ? g_strv_length (check->sheet_names) : 0;
  guint selected = 0;

  for (guint i = 0; i < n_names; i++)
    if (g_strcmp0 (check->sheet_names[i], check->sheet_name) == 0)
      selected = i;

  self->showing_sheets = TRUE;
  gtk_string_list_splice (self->sheet_list, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->sheet_list)),
                          (const char * const *) check->sheet_names);
  gtk_drop_down_set_selected (self->sheet_dropdown,
                              n_names > 0 ? selected : GTK_INVALID_LIST_POSITION);
  self->showing_sheets = FALSE;
  gtk_widget_set_visible (self->sheet_box, n_names > 1);
}

/* The keyboard goes where the clerk's next step is: the first near name still to answer, else
 * Import when the file can be imported, else Close. The question a button answered goes with
 * the check it starts, and GTK would otherwise put the focus on the selectable summary. */
static void
focus_next_step (AwardsImportDialog *self)
{
  GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->near_list));
  GtkWidget *target = NULL;

  /* A row's first button is its "Use" button. */
  if (row != NULL && gtk_widget_get_visible (GTK_WIDGET (self->near_list)))
    target = find_first_button (row);
  if (target == NULL && gtk_widget_get_visible (GTK_WIDGET (self->import_button)) &&
      gtk_widget_is_sensitive (GTK_WIDGET (self->import_button)))
    target = GTK_WIDGET (self->import_button);
  if (target == NULL)
    target = GTK_WIDGET (self->close_button);
  gtk_widget_grab_focus (target);
}

static void
show_check (AwardsImportDialog *self,
            AwardsImportCheck  *check)
{
  g_autofree char *summary = NULL;
  guint n_columns = g_strv_length (check->columns);
  guint n_problems = check->problems->len;
  guint n_near = check->near_names->len;
  guint n_other = 0;
  int first_column = n_problems > 0 ? 2 : 1;

  g_clear_pointer (&self->check, awards_import_check_free);
  self->check = check;
  show_sheets (self, check);

  if (check->error != NULL)
    {
      awards_gui_set_status_description (self->failed_page, check->error);
      show_state (self, "failed");
      return;
    }

  /* A near name is one question, however many rows name it; the rest are the file's. */
  for (guint i = 0; i < n_problems; i++)
    if (!((AwardsImportProblem *) g_ptr_array_index (check->problems, i))->near_name)
      n_other++;

  if (n_problems == 0)
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%'u award in this file. Every row is good.",
                                            "%'u awards in this file. Every row is good.",
                                            check->n_rows),
                               check->n_rows);
  else if (n_near > 0 && n_other == 0)
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%'u award in this file. Say below what each new "
                                            "name stands for.",
                                            "%'u awards in this file. Say below what each new "
                                            "name stands for.", check->n_rows),
                               check->n_rows);
  else if (n_near > 0)
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Say below what each new name stands for. %'u other "
                                            "problem is shown beside its row: correct it in the "
                                            "file, save it and check it again.",
                                            "Say below what each new name stands for. %'u other "
                                            "problems are shown beside their rows: correct them "
                                            "in the file, save it and check it again.",
                                            n_other),
                               n_other);
  else
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "The file has %'u problem, shown beside its row. "
                                            "Correct it in the file, save it and check it again.",
                                            "The file has %'u problems, shown beside their rows. "
                                            "Correct them in the file, save it and check it "
                                            "again.",
                                            n_problems),
                               n_problems);
  gtk_label_set_label (self->summary_label, summary);
  show_new_names (self, check);
  show_near_names (self, check->near_names);

  clear_box (GTK_WIDGET (self->preview_grid));
  /* Translators: the heading of the column of the file's row numbers in the import preview. */
  gtk_grid_attach (self->preview_grid, grid_label_new (_("Row"), TRUE), 0, 0, 1, 1);
  /* The problems come right after the row numbers, where they are seen without scrolling. */
  if (n_problems > 0)
    gtk_grid_attach (self->preview_grid, grid_label_new (_("Problem"), TRUE), 1, 0, 1, 1);
  for (guint column = 0; column < n_columns; column++)
    gtk_grid_attach (self->preview_grid, grid_label_new (check->columns[column], TRUE),
                     (int) column + first_column, 0, 1, 1);

  for (guint row = 0; row < check->rows->len; row++)
    {
      const AwardsCheckedRow *checked = g_ptr_array_index (check->rows, row);
      g_autofree char *line = g_strdup_printf ("%u", checked->line);
      GtkWidget *label = grid_label_new (line, FALSE);

      if (checked->problem != NULL)
        gtk_widget_add_css_class (label, "error");
      gtk_grid_attach (self->preview_grid, label, 0, (int) row + 1, 1, 1);
      for (guint column = 0; checked->cells[column] != NULL && column < n_columns; column++)
        {
          label = grid_label_new (checked->cells[column], FALSE);
          gtk_widget_set_tooltip_text (label, checked->cells[column]);
          gtk_grid_attach (self->preview_grid, label, (int) column + first_column, (int) row + 1,
                           1, 1);
        }
      if (checked->problem != NULL)
        {
          label = grid_label_new (checked->problem, FALSE);
          gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_NONE);
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_width_chars (GTK_LABEL (label), 36);
          gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
          gtk_widget_add_css_class (label, "error");
          gtk_grid_attach (self->preview_grid, label, 1, (int) row + 1, 1, 1);
        }
    }

  show_state (self, "preview");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.start",
                                 check->n_rows > 0 && n_problems == 0);
  focus_next_step (self);
}

/* What the worker uses, held by the task: the dialog may be disposed while it runs. */
typedef struct
{
  AwardsImporter *importer;
  GFile          *file;
} CheckData;

static void
check_data_free (CheckData *data)
{
  g_clear_object (&data->importer);
  g_clear_object (&data->file);
  g_free (data);
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CheckData *data = task_data;
  GError *error = NULL;
  AwardsImportCheck *check;

  check = awards_import_check_file (data->importer, data->file, PREVIEW_ROWS, cancellable,
                                    &error);
  if (check == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, check, (GDestroyNotify) awards_import_check_free);
}

static void
check_ready_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  AwardsImportDialog *self = AWARDS_IMPORT_DIALOG (source);
  AwardsImportCheck *check;
  g_autoptr (GError) error = NULL;

  self->importing = FALSE;
  check = g_task_propagate_pointer (G_TASK (result), &error);
  /* Disposed while the worker ran: nothing is left to show it in. */
  if (self->importer == NULL)
    {
      g_clear_pointer (&check, awards_import_check_free);
      return;
    }
  if (self->close_after_import)
    {
      g_clear_pointer (&check, awards_import_check_free);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  if (check == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_failure (self, error);
      return;
    }

  show_check (self, check);
}

/* Checks the whole file in a worker thread; the importer is not touched meanwhile. */
static void
start_check (AwardsImportDialog *self)
{
  g_autoptr (GTask) task = g_task_new (self, self->cancellable, check_ready_cb, NULL);
  CheckData *data = g_new0 (CheckData, 1);

  data->importer = g_object_ref (self->importer);
  data->file = g_object_ref (self->file);
  g_task_set_task_data (task, data, (GDestroyNotify) check_data_free);
  self->importing = TRUE;
  show_state (self, "loading");
  awards_store_run_task (self->store, AWARDS_WORK_LONG, task,
                         check_thread);
}

/* Another sheet is read and checked from the start. */
static void
sheet_selected_cb (AwardsImportDialog *self)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (self->sheet_dropdown);
  const char *name = item != NULL ? gtk_string_object_get_string (item) : NULL;

  if (self->showing_sheets || self->importing || self->check == NULL || name == NULL ||
      g_strcmp0 (name, self->check->sheet_name) == 0)
    return;

  awards_importer_set_sheet_name (self->importer, name);
  start_check (self);
}

static void
resolve_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AwardsImportDialog *self = AWARDS_IMPORT_DIALOG (widget);
  const AwardsImportNearName *near_name;
  guint index;
  gboolean use_existing;

  g_variant_get (parameter, "(ub)", &index, &use_existing);
  if (self->importing || self->check == NULL || index >= self->check->near_names->len)
    return;

  near_name = g_ptr_array_index (self->check->near_names, index);
  awards_importer_resolve_near_name (self->importer, near_name->kind, near_name->name,
                                     use_existing ? near_name->suggestions[0] : NULL);
  start_check (self);
}

/* The clerk has corrected the file in its own program: it is read from the start, and the
 * answers given about near names still hold. */
static void
check_again_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AwardsImportDialog *self = AWARDS_IMPORT_DIALOG (widget);

  if (self->importing || !gtk_widget_get_visible (GTK_WIDGET (self->check_again_button)))
    return;
  start_check (self);
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
                                          "The file has %'u problem. Correct it in the file, "
                                          "save it and check it again.",
                                          "The file has %'u problems. Correct them in the file, "
                                          "save it and check it again.", n),
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
        {
          /* Nothing was written: the preview, and its answers, come back once the window
           * connects again (awards_import_dialog_set_store ()). */
          self->import_failed = TRUE;
          show_failure (self, error);
        }
      return;
    }

  n_added = awards_importer_get_n_added (AWARDS_IMPORTER (source));
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u Award Imported",
                                        "%'u Awards Imported", n_added),
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
  g_clear_pointer (&self->check, awards_import_check_free);

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
  gtk_widget_class_bind_template_child (widget_class, AwardsImportDialog, check_again_button);
  gtk_widget_class_bind_template_child (widget_class, AwardsImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, AwardsImportDialog, file_label);
  gtk_widget_class_bind_template_child (widget_class, AwardsImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, AwardsImportDialog, sheet_box);
  gtk_widget_class_bind_template_child (widget_class, AwardsImportDialog, sheet_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AwardsImportDialog, sheet_list);
  gtk_widget_class_bind_template_callback (widget_class, sheet_selected_cb);
  gtk_widget_class_bind_template_child (widget_class, AwardsImportDialog, near_list);
  gtk_widget_class_bind_template_child (widget_class, AwardsImportDialog, new_names_label);
  gtk_widget_class_bind_template_child (widget_class, AwardsImportDialog, preview_grid);
  gtk_widget_class_bind_template_child (widget_class, AwardsImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, AwardsImportDialog, done_page);
  gtk_widget_class_bind_template_child (widget_class, AwardsImportDialog, errors_label);
  gtk_widget_class_bind_template_child (widget_class, AwardsImportDialog, errors_view);
  gtk_widget_class_bind_template_child (widget_class, AwardsImportDialog, failed_page);

  gtk_widget_class_install_action (widget_class, "import.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "import.resolve", "(ub)", resolve_action);
  gtk_widget_class_install_action (widget_class, "import.check-again", NULL, check_again_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "import.check-again", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "import.check-again", NULL);
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
  g_autofree char *name = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (AWARDS_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (AWARDS_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->file = g_object_ref (file);

  name = g_file_get_parse_name (file);
  gtk_label_set_label (self->file_label, name);

  self->importer = awards_importer_new (store);
  start_check (self);

  return self;
}

/**
 * awards_import_dialog_set_store:
 * @self: a #AwardsImportDialog
 * @store: the same database, connected again after the server went away
 *
 * The dialog imports through @store. An import that failed on the lost connection is offered
 * again, with the answers the clerk gave.
 */
void
awards_import_dialog_set_store (AwardsImportDialog *self,
                                AwardsStore        *store)
{
  g_return_if_fail (AWARDS_IS_IMPORT_DIALOG (self));
  g_return_if_fail (AWARDS_IS_STORE (store));

  if (self->importing || !g_set_object (&self->store, store))
    return;
  awards_importer_set_store (self->importer, store);
  if (self->import_failed)
    {
      self->import_failed = FALSE;
      show_state (self, "preview");
    }
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

/**
 * awards_import_dialog_get_preview_text:
 * @self: a #AwardsImportDialog
 *
 * Returns: (transfer full): what the preview table shows, a line per row and " | " between
 *   the cells, for tests and for copying
 */
char *
awards_import_dialog_get_preview_text (AwardsImportDialog *self)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (AWARDS_IS_IMPORT_DIALOG (self), NULL);

  for (int row = 0; gtk_grid_get_child_at (self->preview_grid, 0, row) != NULL; row++)
    {
      for (int column = 0;; column++)
        {
          GtkWidget *cell = gtk_grid_get_child_at (self->preview_grid, column, row);

          if (cell == NULL && gtk_grid_get_child_at (self->preview_grid, column + 1, row) == NULL)
            break;
          if (column > 0)
            g_string_append (text, " | ");
          if (cell != NULL)
            g_string_append (text, gtk_label_get_label (GTK_LABEL (cell)));
        }
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}
