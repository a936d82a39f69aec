/* awards-edit-guard.c: an editor's watch over its record, changed elsewhere while it is open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "awards-audit.h"
#include "awards-edit-guard.h"
#include "awards-store-watch.h"

/*
 * An editor opened on a record remembers the record's row version. When the store says that
 * something changed and the record's version moved (another window, another program), the
 * editor shows a toast; and a save over a record changed since it was opened asks first, so
 * that nobody's change is overwritten silently.
 */

struct _AwardsEditGuard
{
  AdwWindow       *editor;     /* weak: the guard belongs to it */
  AwardsStore     *store;
  char            *kind;
  gint64           record_id;
  char            *name;
  gint64           version;    /* when the editor was opened */
  gboolean         told;
  gboolean         confirmed;
  gboolean         saving;
  AdwToastOverlay *overlay;
  gulong           changed_id;
};

static gint64
current_version (AwardsEditGuard *guard)
{
  return awards_store_get_row_version (guard->store, guard->kind, guard->record_id, NULL);
}

gboolean
awards_edit_guard_changed_elsewhere (AwardsEditGuard *guard)
{
  g_return_val_if_fail (guard != NULL, FALSE);

  return current_version (guard) != guard->version;
}

static void
store_changed_cb (AwardsStore     *store,
                  AwardsEditGuard *guard)
{
  AdwToast *toast;

  if (guard->told || guard->saving || !awards_edit_guard_changed_elsewhere (guard))
    return;
  guard->told = TRUE;
  /* A server that went away cannot say what became of the record: it was not deleted. */
  if (awards_store_watch_lost_connection (store))
    toast = adw_toast_new (_("The connection to the database server was lost: this record "
                             "cannot be saved now"));
  else
    toast = adw_toast_new (current_version (guard) < 0
                           ? _("This record was deleted elsewhere")
                           : _("This record was changed elsewhere; saving will ask first"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (guard->overlay, toast);
}

/**
 * awards_edit_guard_new:
 * @editor: the editor window; its content is put inside a toast overlay
 * @kind: "organisation", "person", "decision" or "award"
 * @name: the record's name, for the question before an overwrite
 *
 * Returns: (transfer full): the guard, which the editor frees when it goes
 */
AwardsEditGuard *
awards_edit_guard_new (AdwWindow   *editor,
                       AwardsStore *store,
                       const char  *kind,
                       gint64       record_id,
                       const char  *name)
{
  AwardsEditGuard *guard = g_new0 (AwardsEditGuard, 1);
  g_autoptr (GtkWidget) content = NULL;

  guard->editor = editor;
  guard->store = g_object_ref (store);
  guard->kind = g_strdup (kind);
  guard->record_id = record_id;
  guard->name = g_strdup (name);
  guard->version = current_version (guard);

  content = adw_window_get_content (editor);
  if (content != NULL)
    g_object_ref (content);
  guard->overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_window_set_content (editor, GTK_WIDGET (guard->overlay));
  adw_toast_overlay_set_child (guard->overlay, content);

  guard->changed_id = g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), guard);
  return guard;
}

void
awards_edit_guard_free (AwardsEditGuard *guard)
{
  if (guard == NULL)
    return;
  g_clear_signal_handler (&guard->changed_id, guard->store);
  g_clear_object (&guard->store);
  g_free (guard->kind);
  g_free (guard->name);
  g_free (guard);
}

typedef struct
{
  GtkWidget       *editor;
  AwardsEditGuard *guard;
  char            *save_action;
} Question;

static void
question_free (Question *question)
{
  g_object_unref (question->editor);
  g_free (question->save_action);
  g_free (question);
}

/* The save closes the editor, which must not happen while its dialog is still answering. */
static gboolean
save_again_cb (gpointer data)
{
  Question *question = data;

  /* A destroyed editor is hidden, and its guard is gone with it. */
  if (gtk_widget_get_visible (question->editor))
    {
      question->guard->confirmed = TRUE;
      gtk_widget_activate_action (question->editor, question->save_action, NULL);
    }
  question_free (question);
  return G_SOURCE_REMOVE;
}

static void
overwrite_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       gpointer          data)
{
  Question *question = data;

  gtk_window_destroy (GTK_WINDOW (dialog));
  if (g_str_equal (response, "overwrite"))
    g_idle_add (save_again_cb, question);
  else
    question_free (question);
}

/**
 * awards_edit_guard_may_save:
 * @save_action: the editor's action that saves, run again when the user chooses to overwrite
 *
 * Returns: %TRUE when the save may go ahead; %FALSE when the record changed since the editor
 *   opened, and a question now asks whether to overwrite it
 */
gboolean
awards_edit_guard_may_save (AwardsEditGuard *guard,
                            const char      *save_action)
{
  AdwMessageDialog *dialog;
  Question *question;

  g_return_val_if_fail (guard != NULL, TRUE);

  /* Without the server nothing can be known of others' changes: the save itself says why it
   * failed, rather than a question about a change nobody made. */
  if (guard->confirmed || awards_store_watch_lost_connection (guard->store) ||
      !awards_edit_guard_changed_elsewhere (guard))
    {
      guard->saving = TRUE;
      return TRUE;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (guard->editor),
                                                       _("Changed Elsewhere"), NULL));
  adw_message_dialog_format_body (dialog,
                                  _("“%s” was changed by someone else since you opened it. "
                                    "Save your version over those changes?"),
                                  guard->name != NULL ? guard->name : "");
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"),
                                    "overwrite", _("_Overwrite"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "overwrite",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  question = g_new0 (Question, 1);
  question->editor = g_object_ref (GTK_WIDGET (guard->editor));
  question->guard = guard;
  question->save_action = g_strdup (save_action);
  g_signal_connect (dialog, "response", G_CALLBACK (overwrite_response_cb), question);
  gtk_window_present (GTK_WINDOW (dialog));
  return FALSE;
}
