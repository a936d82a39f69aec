/* awards-window-history.c: undo, redo and the History section of the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "awards-audit.h"
#include "awards-command-async.h"
#include "awards-decision-page.h"
#include "awards-gui-utils.h"
#include "awards-history-view.h"
#include "awards-organisation-page.h"
#include "awards-person-page.h"
#include "awards-store-async.h"
#include "awards-store-watch.h"
#include "awards-window-history.h"
#include "awards-window-private.h"

/*
 * The window walks the store's command history: win.undo and win.redo (Ctrl+Z, Ctrl+Shift+Z),
 * and menu items whose labels say what they will undo or redo. It also adds the History section
 * (recent changes of the whole database) to the window's sections, and asks the store to watch
 * for other programs' commits, so that the lists follow them.
 */

/* How often the window looks for commits by other programs. */
#define WATCH_INTERVAL_MS 750

typedef struct
{
  GMenu             *section;
  AwardsHistoryView *view;
  AwardsStore       *store;     /* the store the view and the watch were given */
  gboolean           stepping;  /* an undo or a redo is under way on the write thread */
} WindowHistory;

static WindowHistory *
window_history (AwardsWindow *self)
{
  return g_object_get_data (G_OBJECT (self), "awards-window-history");
}

static void
window_history_free (gpointer data)
{
  WindowHistory *history = data;

  g_clear_object (&history->section);
  g_free (history);
}

static void
step_ready_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr (AwardsWindow) self = user_data;
  WindowHistory *history = window_history (self);
  gboolean undo = g_async_result_is_tagged (result, awards_store_undo_async);
  g_autoptr (GError) error = NULL;
  gboolean done;

  done = undo ? awards_store_undo_finish (AWARDS_STORE (source), result, &error)
              : awards_store_redo_finish (AWARDS_STORE (source), result, &error);
  /* The window closed meanwhile (it lets go of its store): nothing is left to show. */
  if (history == NULL || awards_window_get_store (self) == NULL)
    return;
  history->stepping = FALSE;
  if (!done)
    awards_gui_show_error (GTK_WIDGET (self), undo ? _("The change could not be undone")
                                                   : _("The change could not be redone"), error);
  awards_window_history_update (self);
}

/* An undo is a write: it may wait for another program's, so the window does not wait with it. */
static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AwardsWindow *self = AWARDS_WINDOW (widget);
  AwardsStore *store = awards_window_get_store (self);
  WindowHistory *history = window_history (self);
  gboolean undo = g_str_equal (action_name, "win.undo");

  if (store == NULL || history == NULL || history->stepping)
    return;
  history->stepping = TRUE;
  /* A toast that offers to undo what this step undoes (or to undo again what it redoes)
   * would offer what is no longer there. */
  if (awards_window_get_last_toast (self) != NULL)
    adw_toast_dismiss (awards_window_get_last_toast (self));
  gtk_widget_action_set_enabled (widget, "win.undo", FALSE);
  gtk_widget_action_set_enabled (widget, "win.redo", FALSE);
  if (undo)
    awards_store_undo_async (store, NULL, step_ready_cb, g_object_ref (self));
  else
    awards_store_redo_async (store, NULL, step_ready_cb, g_object_ref (self));
}

/* Whether an undo or a redo is under way, for the tests. */
gboolean
awards_window_history_get_stepping (AwardsWindow *self)
{
  WindowHistory *history = window_history (self);

  return history != NULL && history->stepping;
}

/**
 * awards_window_history_show_record:
 * @kind: "organisation", "person" or "decision"
 *
 * Opens a window with the history of one record: who changed what, when, old → new.
 *
 * Returns: (transfer none): the history window
 */
GtkWindow *
awards_window_history_show_record (AwardsWindow *self,
                                   const char   *kind,
                                   gint64        record_id,
                                   const char   *name)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  AwardsHistoryView *view = awards_history_view_new ();
  g_autofree char *title = g_strdup_printf (_("History of “%s”"), name != NULL ? name : "");

  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 520);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (view));
  adw_window_set_content (ADW_WINDOW (window), box);
  /* Closed from the keyboard as a dialog is: Escape, or Ctrl+W. */
  {
    GtkEventController *keys = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (keys), GTK_SHORTCUT_SCOPE_LOCAL);
    gtk_shortcut_controller_add_shortcut (
      GTK_SHORTCUT_CONTROLLER (keys),
      gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                     gtk_keyval_trigger_new (GDK_KEY_w,
                                                                             GDK_CONTROL_MASK)),
                        gtk_named_action_new ("window.close")));
    gtk_widget_add_controller (window, keys);
  }
  awards_history_view_set_store (view, awards_window_get_store (self));
  awards_history_view_set_record (view, kind, record_id);
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

typedef struct
{
  AwardsWindow *window;  /* a reference */
  AwardsStore  *store;   /* the store it was asked of */
  char         *kind;
  gint64        id;
} HistoryRead;

static void
history_read_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  HistoryRead *read = user_data;
  AwardsStore *store = AWARDS_STORE (source);
  g_autoptr (GObject) record = NULL;
  const char *name = NULL;

  /* A record that cannot be read (deleted elsewhere meanwhile) still has its history. */
  if (g_str_equal (read->kind, "person"))
    {
      record = G_OBJECT (awards_store_get_person_finish (store, result, NULL));
      name = record != NULL ? awards_person_get_full_name (AWARDS_PERSON (record)) : NULL;
    }
  else if (g_str_equal (read->kind, "decision"))
    {
      record = G_OBJECT (awards_store_get_decision_finish (store, result, NULL));
      name = record != NULL ? awards_decision_get_number (AWARDS_DECISION (record)) : NULL;
    }
  else
    {
      record = G_OBJECT (awards_store_get_organisation_finish (store, result, NULL));
      name = record != NULL ? awards_organisation_get_name (AWARDS_ORGANISATION (record))
                            : NULL;
    }
  /* Another database opened, or the window closed, meanwhile. */
  if (awards_window_get_store (read->window) == read->store &&
      gtk_widget_get_visible (GTK_WIDGET (read->window)))
    awards_window_history_show_record (read->window, read->kind, read->id, name);
  g_object_unref (read->window);
  g_object_unref (read->store);
  g_free (read->kind);
  g_free (read);
}

/* The History button of a page: the history of the record the page shows, under the record's
 * name, which is read on the store's threads first. */
static void
show_record_history_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  AwardsWindow *self = AWARDS_WINDOW (widget);
  AwardsStore *store = awards_window_get_store (self);
  HistoryRead *read;
  const char *kind;
  gint64 id;

  if (store == NULL)
    return;
  if (g_str_equal (action_name, "win.show-person-history"))
    {
      kind = "person";
      id = awards_person_page_get_person_id (
        AWARDS_PERSON_PAGE (awards_window_get_detail_page (self, "people")));
    }
  else if (g_str_equal (action_name, "win.show-decision-history"))
    {
      kind = "decision";
      id = awards_decision_page_get_decision_id (
        AWARDS_DECISION_PAGE (awards_window_get_detail_page (self, "decisions")));
    }
  else
    {
      kind = "organisation";
      id = awards_organisation_page_get_organisation_id (
        AWARDS_ORGANISATION_PAGE (awards_window_get_detail_page (self, "organisations")));
    }
  if (id <= 0)
    return;

  read = g_new0 (HistoryRead, 1);
  read->window = g_object_ref (self);
  read->store = g_object_ref (store);
  read->kind = g_strdup (kind);
  read->id = id;
  if (g_str_equal (kind, "person"))
    awards_store_get_person_async (store, id, NULL, history_read_cb, read);
  else if (g_str_equal (kind, "decision"))
    awards_store_get_decision_async (store, id, NULL, history_read_cb, read);
  else
    awards_store_get_organisation_async (store, id, NULL, history_read_cb, read);
}

void
awards_window_history_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-organisation-history", NULL,
                                   show_record_history_action);
  gtk_widget_class_install_action (widget_class, "win.show-person-history", NULL,
                                   show_record_history_action);
  gtk_widget_class_install_action (widget_class, "win.show-decision-history", NULL,
                                   show_record_history_action);
  g_type_ensure (AWARDS_TYPE_HISTORY_VIEW);

  gtk_widget_class_install_action (widget_class, "win.undo", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, step_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
}

/* The header bar's main menu: the menu button with the menu icon. */
static GtkMenuButton *
find_primary_menu_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) &&
      g_strcmp0 (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)),
                 "open-menu-symbolic") == 0)
    return GTK_MENU_BUTTON (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *found = find_primary_menu_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

void
awards_window_history_init (AwardsWindow *self)
{
  WindowHistory *history = g_new0 (WindowHistory, 1);
  GtkMenuButton *menu_button = find_primary_menu_button (GTK_WIDGET (self));
  GMenuModel *menu = menu_button != NULL ? gtk_menu_button_get_menu_model (menu_button) : NULL;
  AdwViewStack *stack = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (self),
                                                                       AWARDS_TYPE_WINDOW,
                                                                       "view_stack"));
  AdwViewStackPage *page;

  g_object_set_data_full (G_OBJECT (self), "awards-window-history", history,
                          window_history_free);

  history->section = g_menu_new ();
  if (G_IS_MENU (menu))
    g_menu_insert_section (G_MENU (menu), 0, NULL, G_MENU_MODEL (history->section));

  history->view = awards_history_view_new ();
  page = adw_view_stack_add_titled (stack, GTK_WIDGET (history->view), "history",
                                    _("_History"));
  adw_view_stack_page_set_use_underline (page, TRUE);
  adw_view_stack_page_set_icon_name (page, "document-open-recent-symbolic");

  awards_window_history_update (self);
}

/* The menu section of Undo and Redo, for the tests. */
GMenuModel *
awards_window_history_get_menu_section (AwardsWindow *self)
{
  WindowHistory *history = window_history (self);

  return history != NULL ? G_MENU_MODEL (history->section) : NULL;
}

/* A record's name may hold an underscore, which a menu would take for a mnemonic. */
static void
append_item (GMenu      *menu,
             const char *label,
             const char *fallback,
             const char *action)
{
  g_auto (GStrv) parts = NULL;
  g_autofree char *escaped = NULL;

  if (label == NULL)
    {
      g_menu_append (menu, fallback, action);
      return;
    }
  parts = g_strsplit (label, "_", -1);
  escaped = g_strjoinv ("__", parts);
  g_menu_append (menu, escaped, action);
}

/**
 * awards_window_history_update:
 *
 * Follows the store: the labels and states of Undo and Redo, the History section's store and
 * the watch on other programs. Called when the store or its data changed.
 */
void
awards_window_history_update (AwardsWindow *self)
{
  WindowHistory *history = window_history (self);
  AwardsStore *store = awards_window_get_store (self);
  g_autofree char *undo_label = NULL;
  g_autofree char *redo_label = NULL;

  if (history == NULL)
    return;
  if (store != history->store)
    {
      history->store = store;
      awards_history_view_set_store (history->view, store);
      if (store != NULL)
        awards_store_watch_other_writers (store, WATCH_INTERVAL_MS);
    }
  else
    awards_history_view_reload (history->view);

  if (store != NULL)
    {
      undo_label = awards_store_get_undo_label (store);
      redo_label = awards_store_get_redo_label (store);
    }
  /* A database that may only be read has nothing to undo in this window. */
  if (store != NULL && awards_window_is_read_only (self))
    {
      g_clear_pointer (&undo_label, g_free);
      g_clear_pointer (&redo_label, g_free);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 undo_label != NULL && !history->stepping);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 redo_label != NULL && !history->stepping);

  g_menu_remove_all (history->section);
  append_item (history->section, undo_label, _("_Undo"), "win.undo");
  append_item (history->section, redo_label, _("_Redo"), "win.redo");
}
