/* awards-history-view.c: a list of changes from the audit log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "awards-history-view.h"
#include "awards-store-async.h"

/*
 * Shows the newest changes of the whole database (the window's History section), or those of one
 * record (its page's history): what was done to what, when, by whom, and what changed old → new.
 * The log only grows, and only its newest part is shown, so a plain list box is enough.
 */

#define SHOWN_ENTRIES 200

struct _AwardsHistoryView
{
  GtkWidget    parent_instance;

  AwardsStore *store;
  char        *kind;        /* NULL: the whole database */
  gint64       record_id;
  GtkWidget   *stack;
  GtkListBox  *list;
  guint        n_rows;
  GCancellable *reading;    /* the read of the log on its way */
};

G_DEFINE_FINAL_TYPE (AwardsHistoryView, awards_history_view, GTK_TYPE_WIDGET)

static const char *
action_label (const char *action)
{
  static const struct { const char *action; const char *label; } labels[] = {
    { "create", N_("Added") }, { "edit", N_("Changed") }, { "delete", N_("Deleted") },
    { "restore", N_("Restored") }, { "merge", N_("Merged") }, { "import", N_("Imported") },
    { "undo", N_("Undone") }, { "redo", N_("Redone") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].action, action) == 0)
      return _(labels[i].label);
  return action;
}

static const char *
kind_label (const char *kind)
{
  static const struct { const char *kind; const char *label; } labels[] = {
    { "organisation", N_("Organisation") }, { "person", N_("Person") },
    { "decision", N_("Decision") }, { "award", N_("Award") }, { "import", N_("Import") },
    { "database", N_("Database") }, { "authority", N_("Authority") },
    { "award_type", N_("Award type") }, { "former_name", N_("Former name") },
    { "setting", N_("Office profile") }, { "rating", N_("Rating") },
    { "initiative", N_("Initiative") }, { "staff_class", N_("Staff class") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].kind, kind) == 0)
      return _(labels[i].label);
  return kind;
}

/**
 * awards_entry_title:
 *
 * Returns: (transfer full): e.g. "Changed: HTX Bạch Đằng"
 */
char *
awards_entry_title (const AwardsAuditEntry *entry)
{
  /* Translators: an entry of the history: what was done, then to which record. */
  return g_strdup_printf (_("%s: %s"), action_label (entry->action),
                          entry->record != NULL ? entry->record : kind_label (entry->kind));
}

static GtkWidget *
entry_row (const AwardsAuditEntry *entry)
{
  g_autoptr (GDateTime) utc = g_date_time_new_from_iso8601 (entry->time, NULL);
  g_autoptr (GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;
  g_autofree char *when = local != NULL ? g_date_time_format (local, "%d/%m/%Y %H:%M:%S")
                                        : g_strdup (entry->time);
  g_autofree char *title = awards_entry_title (entry);
  g_autofree char *details = awards_audit_entry_describe (entry);
  g_autofree char *who = awards_audit_entry_who (entry);
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();

  subtitle = g_strdup_printf ("%s · %s · %s%s%s", kind_label (entry->kind), when, who,
                              details != NULL ? "\n" : "", details != NULL ? details : "");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
  return row;
}

static void
entries_read_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  AwardsHistoryView *self = user_data;
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *child;

  entries = awards_store_list_audit_finish (AWARDS_STORE (source), result, &error);
  /* A newer read replaced this one, or the view went. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->reading);
  if (error != NULL)
    g_warning ("Could not read the history: %s", error->message);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  self->n_rows = 0;
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      gtk_list_box_append (self->list, entry_row (g_ptr_array_index (entries, i)));
      self->n_rows++;
    }
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), self->n_rows > 0 ? "list" : "empty");
}

/**
 * awards_history_view_reload:
 *
 * Reads the log again, on the store's threads; the list shows the entries when they are in.
 */
void
awards_history_view_reload (AwardsHistoryView *self)
{
  g_return_if_fail (AWARDS_IS_HISTORY_VIEW (self));

  /* Nobody looks at a hidden list: it is read when shown. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  if (self->reading != NULL)
    g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
  if (self->store == NULL)
    {
      GtkWidget *child;

      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
        gtk_list_box_remove (self->list, child);
      self->n_rows = 0;
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "empty");
      return;
    }
  self->reading = g_cancellable_new ();
  awards_store_list_audit_async (self->store, self->kind, self->record_id, SHOWN_ENTRIES,
                                 self->reading, entries_read_cb, self);
}

guint
awards_history_view_get_n_rows (AwardsHistoryView *self)
{
  g_return_val_if_fail (AWARDS_IS_HISTORY_VIEW (self), 0);

  return self->n_rows;
}

void
awards_history_view_set_store (AwardsHistoryView *self,
                               AwardsStore       *store)
{
  g_return_if_fail (AWARDS_IS_HISTORY_VIEW (self));

  g_set_object (&self->store, store);
  awards_history_view_reload (self);
}

/**
 * awards_history_view_set_record:
 * @kind: (nullable): "organisation", "person", "decision" or "award"; %NULL for the whole log
 */
void
awards_history_view_set_record (AwardsHistoryView *self,
                                const char        *kind,
                                gint64             record_id)
{
  g_return_if_fail (AWARDS_IS_HISTORY_VIEW (self));

  g_free (self->kind);
  self->kind = g_strdup (kind);
  self->record_id = record_id;
  awards_history_view_reload (self);
}

static void
awards_history_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (awards_history_view_parent_class)->map (widget);
  awards_history_view_reload (AWARDS_HISTORY_VIEW (widget));
}

static void
awards_history_view_dispose (GObject *object)
{
  AwardsHistoryView *self = AWARDS_HISTORY_VIEW (object);

  if (self->reading != NULL)
    g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
  g_clear_pointer (&self->stack, gtk_widget_unparent);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (awards_history_view_parent_class)->dispose (object);
}

static void
awards_history_view_finalize (GObject *object)
{
  AwardsHistoryView *self = AWARDS_HISTORY_VIEW (object);

  g_free (self->kind);
  G_OBJECT_CLASS (awards_history_view_parent_class)->finalize (object);
}

static void
awards_history_view_class_init (AwardsHistoryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = awards_history_view_dispose;
  object_class->finalize = awards_history_view_finalize;
  widget_class->map = awards_history_view_map;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
awards_history_view_init (AwardsHistoryView *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *empty = adw_status_page_new ();

  self->stack = gtk_stack_new ();
  gtk_widget_set_parent (self->stack, GTK_WIDGET (self));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_set_margin_top (GTK_WIDGET (self->list), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->list), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (self->list), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->list), 12);
  gtk_widget_set_valign (GTK_WIDGET (self->list), GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Changes"), -1);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->list));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_stack_add_named (GTK_STACK (self->stack), scrolled, "list");

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "document-open-recent-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Changes Yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Every change to the records is listed here, newest "
                                     "first."));
  gtk_stack_add_named (GTK_STACK (self->stack), empty, "empty");
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "empty");
}

AwardsHistoryView *
awards_history_view_new (void)
{
  return g_object_new (AWARDS_TYPE_HISTORY_VIEW, NULL);
}
