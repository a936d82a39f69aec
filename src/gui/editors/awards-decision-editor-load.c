/* awards-decision-editor-load.c: the decision editor opened on a saved decision
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "awards-decision-editor-private.h"
#include "awards-edit-guard.h"
#include "awards-store-async.h"

/*
 * The editor of a saved decision reads it on the store's threads when the window opens it
 * (awards_decision_editor_load_async ()): it shows at once, busy, and fills when the decision
 * and its awards are in. The synchronous twin serves the tests.
 */

static void
set_edit_title (AwardsDecisionEditor *self)
{
  gtk_window_set_title (GTK_WINDOW (self), _("Edit Decision"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->save_button),
                               _("Save the changes to the decision and its recipients "
                                 "(Ctrl+S)"));
}

/* The editor edits a saved decision: its guard notes the decision's version (@version, or -1 to
 * read it now) before the decision is read, so that a change made meanwhile is asked about at
 * the save rather than lost. */
static void
begin_edit (AwardsDecisionEditor *self,
            gint64                decision_id,
            gint64                version)
{
  g_clear_pointer (&self->guard, awards_edit_guard_free);
  self->guard = awards_edit_guard_new (ADW_WINDOW (self), self->store, "decision", decision_id,
                                       NULL, version);
  set_edit_title (self);
}

/**
 * awards_decision_editor_load:
 * @self: a #AwardsDecisionEditor, not changed yet
 * @decision_id: a saved decision
 * @error: return location for an error
 *
 * Fills the editor with a saved decision and its recipients, to edit them. Saving then
 * rewrites that decision.
 *
 * Returns: %TRUE if the decision was read
 */
gboolean
awards_decision_editor_load (AwardsDecisionEditor  *self,
                             gint64                 decision_id,
                             GError               **error)
{
  g_return_val_if_fail (AWARDS_IS_DECISION_EDITOR (self), FALSE);
  g_return_val_if_fail (decision_id > 0, FALSE);
  g_return_val_if_fail (!self->saving, FALSE);

  begin_edit (self, decision_id, -1);
  if (!awards_decision_form_load (self->form, decision_id, error))
    return FALSE;
  awards_edit_guard_set_name (self->guard, awards_decision_form_get_number (self->form));
  return TRUE;
}

static void
load_ready_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  AwardsDecisionEditor *self = g_task_get_source_object (task);
  GError *error = NULL;

  if (!awards_decision_form_load_finish (AWARDS_DECISION_FORM (source), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  /* Closed meanwhile: nothing to show. */
  if (self->form == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "closed");
      return;
    }
  awards_decision_editor_set_busy (self, FALSE);
  awards_edit_guard_set_name (self->guard, awards_decision_form_get_number (self->form));
  g_task_return_boolean (task, TRUE);
}

/* The decision's version first, then the decision: see begin_edit (). */
static void
load_version_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  AwardsDecisionEditor *self = g_task_get_source_object (task);
  gint64 decision_id = *(gint64 *) g_task_get_task_data (task);
  GError *error = NULL;
  gint64 version;

  version = awards_store_get_row_version_finish (AWARDS_STORE (source), result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (self->form == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "closed");
      return;
    }
  if (version < 0)
    {
      g_task_return_new_error (task, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_NOT_FOUND,
                               _("The decision no longer exists: it was deleted elsewhere."));
      return;
    }
  begin_edit (self, decision_id, version);
  awards_decision_form_load_async (self->form, decision_id, NULL, load_ready_cb,
                                   g_steal_pointer (&task));
}

/**
 * awards_decision_editor_load_async:
 * @self: a #AwardsDecisionEditor, not changed yet
 * @decision_id: a saved decision
 * @callback: called when the editor is filled, or the decision could not be read
 *
 * As awards_decision_editor_load(), but the decision is read on the store's threads; the
 * editor can be shown meanwhile, busy and not editable until the decision is in.
 */
void
awards_decision_editor_load_async (AwardsDecisionEditor *self,
                                   gint64                decision_id,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data)
{
  GTask *task;

  g_return_if_fail (AWARDS_IS_DECISION_EDITOR (self));
  g_return_if_fail (decision_id > 0);
  g_return_if_fail (!self->saving);

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, awards_decision_editor_load_async);
  g_task_set_task_data (task, g_memdup2 (&decision_id, sizeof decision_id), g_free);
  set_edit_title (self);
  awards_decision_editor_set_busy (self, TRUE);
  awards_store_get_row_version_async (self->store, "decision", decision_id, NULL,
                                      load_version_cb, task);
}

/**
 * awards_decision_editor_load_finish:
 *
 * Returns: %TRUE if the decision was read and the editor filled
 */
gboolean
awards_decision_editor_load_finish (AwardsDecisionEditor  *self,
                                    GAsyncResult          *result,
                                    GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

