/* awards-editor-base.c: what the record editors share: change tracking, saving, closing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "awards-completion.h"
#include "awards-editor-base.h"
#include "awards-gui-utils.h"

/**
 * AwardsEditorBase:
 *
 * The window of one record: an organisation, a person or an award. A subclass lays out the
 * fields, checks them (#AwardsEditorBaseClass.validate) and writes the record with the store's
 * asynchronous call (#AwardsEditorBaseClass.save_async); it calls awards_editor_base_changed()
 * on every edit. While the write waits for the database, the editor is busy: Save is off, the
 * fields do not take changes that the closing editor would lose, and closing waits.
 *
 * The base owns the rest, the same in every editor: the "editor.save" action and Ctrl+S, which
 * show every message and put the focus on the first problem before anything is written; the
 * #AwardsEditorBase::saved signal; Escape, which closes a completion popup first and the
 * editor next; and the question before unsaved changes are thrown away, whose default is to
 * keep editing. The decision editor, which has its own busy state, shares only that question
 * (awards_editor_base_ask_to_discard()).
 */

typedef struct
{
  GtkLabel *error_label;      /* where a failed save says why */
  char     *discard_heading;
  gboolean  show_all;         /* after a first attempt to save */
  gboolean  modified;
  gboolean  saving;           /* a write is under way */
  gboolean  disposed;         /* destroyed while it was saving: nothing left to show */
  gboolean  done;             /* saved, or changes thrown away: close without asking */
  gboolean  save_when_checked;  /* Save was pressed while names were being looked up */
  AwardsNameGuard *name_guard;  /* the editor's look-ups, answered on the store's threads */
} AwardsEditorBasePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (AwardsEditorBase, awards_editor_base, ADW_TYPE_WINDOW)

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
validate (AwardsEditorBase *self)
{
  AwardsEditorBasePrivate *priv = awards_editor_base_get_instance_private (self);
  AwardsEditorBaseClass *klass = AWARDS_EDITOR_BASE_GET_CLASS (self);

  return klass->validate != NULL ? klass->validate (self, priv->show_all) : NULL;
}

static void
set_saving (AwardsEditorBase *self,
            gboolean          saving)
{
  AwardsEditorBasePrivate *priv = awards_editor_base_get_instance_private (self);
  GtkWidget *content = adw_window_get_content (ADW_WINDOW (self));

  priv->saving = saving;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", !saving);
  if (content != NULL)
    gtk_widget_set_sensitive (content, !saving);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_BUSY, saving, -1);
}

static void
save_ready_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr (AwardsEditorBase) self = user_data;
  AwardsEditorBasePrivate *priv = awards_editor_base_get_instance_private (self);
  AwardsEditorBaseClass *klass = AWARDS_EDITOR_BASE_GET_CLASS (self);
  g_autoptr (GError) error = NULL;
  gint64 id;

  /* Closed while the write ran: its fields are gone; the store tells the lists. */
  if (priv->disposed)
    return;

  id = klass->save_finish (self, result, &error);
  set_saving (self, FALSE);
  if (id <= 0)
    {
      /* A new name that another clerk recorded meanwhile (awards_store_create_organisation (),
       * awards_store_create_person ()): it is looked up again, and asked about by its field. */
      if (g_error_matches (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_EXISTS) &&
          priv->name_guard != NULL)
        {
          awards_name_guard_forget (priv->name_guard);
          validate (self);
        }
      if (priv->error_label != NULL)
        awards_gui_set_label_or_hide (priv->error_label, error ? error->message : NULL);
      return;
    }

  priv->done = TRUE;
  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AwardsEditorBase *self = AWARDS_EDITOR_BASE (widget);
  AwardsEditorBasePrivate *priv = awards_editor_base_get_instance_private (self);
  AwardsEditorBaseClass *klass = AWARDS_EDITOR_BASE_GET_CLASS (self);
  GtkWidget *problem;

  if (priv->saving)
    return;

  priv->show_all = TRUE;
  problem = validate (self);
  /* A name typed last may still be on its way to the server: the save follows the answer. */
  if (priv->name_guard != NULL && awards_name_guard_is_checking (priv->name_guard))
    {
      priv->save_when_checked = TRUE;
      set_saving (self, TRUE);
      return;
    }
  if (problem != NULL)
    {
      gtk_widget_grab_focus (problem);
      return;
    }

  g_return_if_fail (klass->save_async != NULL && klass->save_finish != NULL);
  if (priv->error_label != NULL)
    awards_gui_set_label_or_hide (priv->error_label, NULL);
  /* The editor stays alive until the write has answered, even if the window goes first. */
  if (!klass->save_async (self, save_ready_cb, g_object_ref (self)))
    {
      g_object_unref (self);
      return;
    }
  set_saving (self, TRUE);
}

static void
discard_response_cb (GtkWindow  *editor,
                     const char *response)
{
  if (g_str_equal (response, "discard"))
    awards_gui_destroy_later (editor);
}

/**
 * awards_editor_base_ask_to_discard:
 * @editor: an editor with unsaved changes
 * @heading: the question, naming what would be lost
 *
 * Asks before the changes are thrown away; "Keep Editing" is the default. Discarding destroys
 * @editor without asking it again.
 *
 * Returns: (transfer none): the question, shown
 */
AdwMessageDialog *
awards_editor_base_ask_to_discard (GtkWindow  *editor,
                                   const char *heading)
{
  AdwMessageDialog *dialog;

  g_return_val_if_fail (GTK_IS_WINDOW (editor), NULL);

  dialog = awards_gui_discard_dialog_new (editor, heading);
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), editor,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

static gboolean
awards_editor_base_close_request (GtkWindow *window)
{
  AwardsEditorBase *self = AWARDS_EDITOR_BASE (window);
  AwardsEditorBasePrivate *priv = awards_editor_base_get_instance_private (self);

  /* A save that waits for the look-ups has written nothing yet: closing gives it up. */
  if (priv->save_when_checked)
    {
      priv->save_when_checked = FALSE;
      set_saving (self, FALSE);
    }
  /* The record is being written: the editor closes by itself when that is done. */
  if (priv->saving)
    return TRUE;
  if (priv->done || !priv->modified)
    return GTK_WINDOW_CLASS (awards_editor_base_parent_class)->close_request (window);

  awards_editor_base_ask_to_discard (window, priv->discard_heading != NULL
                                             ? priv->discard_heading
                                             : _("Discard the Changes?"));
  return TRUE;
}

static void
awards_editor_base_dispose (GObject *object)
{
  AwardsEditorBase *self = AWARDS_EDITOR_BASE (object);
  AwardsEditorBasePrivate *priv = awards_editor_base_get_instance_private (self);

  priv->disposed = TRUE;
  g_clear_pointer (&priv->name_guard, awards_name_guard_free);

  G_OBJECT_CLASS (awards_editor_base_parent_class)->dispose (object);
}

static void
awards_editor_base_finalize (GObject *object)
{
  AwardsEditorBase *self = AWARDS_EDITOR_BASE (object);
  AwardsEditorBasePrivate *priv = awards_editor_base_get_instance_private (self);

  g_free (priv->discard_heading);

  G_OBJECT_CLASS (awards_editor_base_parent_class)->finalize (object);
}

static void
awards_editor_base_class_init (AwardsEditorBaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = awards_editor_base_dispose;
  object_class->finalize = awards_editor_base_finalize;
  window_class->close_request = awards_editor_base_close_request;

  /**
   * AwardsEditorBase::saved:
   * @self: the editor
   * @id: the record saved
   *
   * Emitted after the record was written, just before the editor closes.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
awards_editor_base_init (AwardsEditorBase *self)
{
  awards_completion_guard_escape (GTK_WINDOW (self));
}

/**
 * awards_editor_base_changed:
 * @self: an editor
 *
 * Records that the user changed something, and checks the fields again.
 */
void
awards_editor_base_changed (AwardsEditorBase *self)
{
  AwardsEditorBasePrivate *priv = awards_editor_base_get_instance_private (self);

  g_return_if_fail (AWARDS_IS_EDITOR_BASE (self));

  priv->modified = TRUE;
  validate (self);
}

/**
 * awards_editor_base_get_show_all:
 * @self: an editor
 *
 * Returns: whether every message shows, after a first attempt to save
 */
gboolean
awards_editor_base_get_show_all (AwardsEditorBase *self)
{
  AwardsEditorBasePrivate *priv = awards_editor_base_get_instance_private (self);

  g_return_val_if_fail (AWARDS_IS_EDITOR_BASE (self), FALSE);

  return priv->show_all;
}

/**
 * awards_editor_base_get_saving:
 * @self: an editor
 *
 * Returns: whether the record is being written, and the editor waits for the answer
 */
gboolean
awards_editor_base_get_saving (AwardsEditorBase *self)
{
  AwardsEditorBasePrivate *priv = awards_editor_base_get_instance_private (self);

  g_return_val_if_fail (AWARDS_IS_EDITOR_BASE (self), FALSE);

  return priv->saving;
}

/**
 * awards_editor_base_set_error_label:
 * @self: an editor
 * @label: (transfer none): where a failed save says why; a child of @self
 */
void
awards_editor_base_set_error_label (AwardsEditorBase *self,
                                    GtkLabel         *label)
{
  AwardsEditorBasePrivate *priv = awards_editor_base_get_instance_private (self);

  g_return_if_fail (AWARDS_IS_EDITOR_BASE (self));

  priv->error_label = label;
}

/**
 * awards_editor_base_set_discard_heading:
 * @self: an editor
 * @heading: the question asked before unsaved changes are thrown away
 */
void
awards_editor_base_set_discard_heading (AwardsEditorBase *self,
                                        const char       *heading)
{
  AwardsEditorBasePrivate *priv = awards_editor_base_get_instance_private (self);

  g_return_if_fail (AWARDS_IS_EDITOR_BASE (self));

  g_free (priv->discard_heading);
  priv->discard_heading = g_strdup (heading);
}

/* The guard's answers are in, or the database changed: the fields are checked again, and a
 * save that waited for the answers goes on. */
static void
checks_answered (gpointer user_data)
{
  AwardsEditorBase *self = user_data;
  AwardsEditorBasePrivate *priv = awards_editor_base_get_instance_private (self);

  validate (self);
  if (!priv->save_when_checked || awards_name_guard_is_checking (priv->name_guard))
    return;
  priv->save_when_checked = FALSE;
  set_saving (self, FALSE);
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.save", NULL);
}

/**
 * awards_editor_base_set_name_guard:
 * @self: an editor
 * @guard: (transfer full): the guard the subclass checks names with
 *
 * The editor looks names up through @guard on the store's threads: a field whose name is being
 * looked up has no message yet, the fields are checked again when the answer is in, and Save
 * waits for the answers. The editor frees @guard when it goes.
 */
void
awards_editor_base_set_name_guard (AwardsEditorBase *self,
                                   AwardsNameGuard  *guard)
{
  AwardsEditorBasePrivate *priv = awards_editor_base_get_instance_private (self);

  g_return_if_fail (AWARDS_IS_EDITOR_BASE (self));
  g_return_if_fail (priv->name_guard == NULL);

  priv->name_guard = guard;
  awards_name_guard_set_answered_func (guard, checks_answered, self);
}

/**
 * awards_editor_base_get_name_guard:
 * @self: an editor
 *
 * Returns: (transfer none) (nullable): the guard of awards_editor_base_set_name_guard ()
 */
AwardsNameGuard *
awards_editor_base_get_name_guard (AwardsEditorBase *self)
{
  AwardsEditorBasePrivate *priv = awards_editor_base_get_instance_private (self);

  g_return_val_if_fail (AWARDS_IS_EDITOR_BASE (self), NULL);

  return priv->name_guard;
}

/**
 * awards_editor_base_get_checking:
 * @self: an editor
 *
 * Returns: whether names typed are still being looked up on the store's threads
 */
gboolean
awards_editor_base_get_checking (AwardsEditorBase *self)
{
  AwardsEditorBasePrivate *priv = awards_editor_base_get_instance_private (self);

  g_return_val_if_fail (AWARDS_IS_EDITOR_BASE (self), FALSE);

  return priv->name_guard != NULL && awards_name_guard_is_checking (priv->name_guard);
}
