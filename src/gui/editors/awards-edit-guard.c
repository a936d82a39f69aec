/* awards-edit-guard.c: an editor's watch over its record, changed elsewhere while it is open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "awards-audit.h"
#include "awards-edit-guard.h"
#include "awards-gui-utils.h"
#include "awards-store-async.h"
#include "awards-store-watch.h"

/*
 * An editor opened on a record remembers the record's row version. When the store says that
 * something changed and the record's version moved (another window, another program), the
 * editor shows a toast; and a save over a record changed since it was opened asks first, so
 * that nobody's change is overwritten silently.
 */

struct _AwardsEditGuard
{
  AdwWindow       *editor;       /* weak: the guard belongs to it */
  AwardsStore     *store;
  char            *kind;
  gint64           record_id;
  char            *name;
  gint64           version;      /* when the editor was opened */
  gboolean         told;
  gboolean         confirmed;    /* the user chose to overwrite */
  gboolean         recreate;     /* the record was deleted: the user chose to save it anew */
  gboolean         checked;      /* a save found the record unchanged and runs again */
  gboolean         saving;
  gboolean         reading;      /* a read of the version after a change is on its way */
  gboolean         read_again;   /* and another change came meanwhile */
  char            *save_action;  /* while a save waits for the version */
  GCancellable    *cancellable;  /* the reads on their way, cancelled when the guard goes */
  AdwToastOverlay *overlay;
  gulong           changed_id;
  AdwToast        *lost_toast;   /* says the connection was lost, until it is made again */
  gint64           opened_at;    /* real time, µs */
  gboolean         deleted_elsewhere;
  char            *changed_by;   /* "lan, 10:32", once the history has said who it was */
};

/* Whether a read of the version came back because the guard went (its editor closed). */
static gboolean
gone (GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void read_after_change (AwardsEditGuard *guard);

/* Returns: (transfer none): the toast, which stays until dismissed */
static AdwToast *
tell (AwardsEditGuard *guard,
      const char      *message)
{
  AdwToast *toast = awards_gui_toast_new (message);

  guard->told = TRUE;
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (guard->overlay, toast);
  return toast;
}

/* A server that went away cannot say what became of the record: it was not deleted. */
static void
tell_lost_connection (AwardsEditGuard *guard)
{
  /* Kept, to be dismissed when the window connects again. */
  g_set_object (&guard->lost_toast,
                tell (guard, _("The connection to the database server was lost: this record "
                               "cannot be saved now")));
}

/* The history's last entry of the record, if it was made while the editor was open (the
 * history counts seconds): "lan, 10:32". A server's clock behind this one's hides who it was,
 * rather than naming the clerk of the change the editor opened with. */
static char *
describe_change (AwardsEditGuard        *guard,
                 const AwardsAuditEntry *entry)
{
  g_autoptr (GDateTime) utc = g_date_time_new_from_iso8601 (entry->time, NULL);
  g_autoptr (GDateTime) local = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *who = awards_audit_entry_who (entry);
  g_autofree char *when = NULL;

  if (utc == NULL || who[0] == '\0' ||
      g_date_time_to_unix (utc) < guard->opened_at / G_USEC_PER_SEC)
    return NULL;
  local = g_date_time_to_local (utc);
  if (g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now) &&
      g_date_time_get_year (local) == g_date_time_get_year (now))
    when = g_date_time_format (local, "%H:%M");
  else
    when = g_date_time_format (local, "%d/%m/%Y %H:%M");
  /* Translators: who changed a record, and when: "lan, 10:32". */
  return g_strdup_printf (_("%s, %s"), who, when);
}

static void
changed_by_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  AwardsEditGuard *guard = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  g_autofree char *message = NULL;
  gboolean deleted;

  entries = awards_store_list_audit_finish (AWARDS_STORE (source), result, &error);
  if (gone (error))
    return;
  g_clear_pointer (&guard->changed_by, g_free);
  if (entries != NULL && entries->len > 0)
    guard->changed_by = describe_change (guard, g_ptr_array_index (entries, 0));
  if (guard->told || guard->saving)
    return;
  deleted = guard->deleted_elsewhere;
  if (guard->changed_by != NULL)
    message = g_strdup_printf (deleted ? _("This record was deleted elsewhere (%s)")
                                       : _("This record was changed elsewhere (%s); saving will "
                                           "ask first"), guard->changed_by);
  else
    message = g_strdup (deleted ? _("This record was deleted elsewhere")
                                : _("This record was changed elsewhere; saving will ask "
                                    "first"));
  tell (guard, message);
}

static void
changed_version_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  AwardsEditGuard *guard = user_data;
  g_autoptr (GError) error = NULL;
  gint64 version;

  version = awards_store_get_row_version_finish (AWARDS_STORE (source), result, &error);
  if (gone (error))
    return;
  guard->reading = FALSE;
  if (guard->told || guard->saving)
    return;
  if (awards_store_watch_lost_connection (guard->store))
    tell_lost_connection (guard);
  /* A version that could not be read tells nothing: the next change, or the save, asks again.
   * Who made the change is read from the history first. */
  else if (error == NULL && version != guard->version)
    {
      guard->deleted_elsewhere = version < 0;
      awards_store_list_audit_async (guard->store, guard->kind, guard->record_id, 1,
                                     guard->cancellable, changed_by_cb, guard);
    }
  else if (guard->read_again)
    read_after_change (guard);
}

/* The version is read on the store's threads: on a server it is a trip there and back, and the
 * window must not wait for it. */
static void
read_after_change (AwardsEditGuard *guard)
{
  guard->reading = TRUE;
  guard->read_again = FALSE;
  awards_store_get_row_version_async (guard->store, guard->kind, guard->record_id,
                                      guard->cancellable, changed_version_cb, guard);
}

static void
store_changed_cb (AwardsStore     *store,
                  AwardsEditGuard *guard)
{
  if (guard->told || guard->saving)
    return;
  if (awards_store_watch_lost_connection (store))
    tell_lost_connection (guard);
  else if (guard->reading)
    guard->read_again = TRUE;
  else
    read_after_change (guard);
}

/**
 * awards_edit_guard_new:
 * @editor: the editor window; its content is put inside a toast overlay
 * @kind: "organisation", "person", "decision" or "award"
 * @name: the record's name, for the question before an overwrite
 * @version: the record's row version, read with the record the editor shows; or -1 to read it
 *   now (which waits for the store)
 *
 * Returns: (transfer full): the guard, which the editor frees when it goes
 */
AwardsEditGuard *
awards_edit_guard_new (AdwWindow   *editor,
                       AwardsStore *store,
                       const char  *kind,
                       gint64       record_id,
                       const char  *name,
                       gint64       version)
{
  AwardsEditGuard *guard = g_new0 (AwardsEditGuard, 1);
  g_autoptr (GtkWidget) content = NULL;

  guard->editor = editor;
  guard->store = g_object_ref (store);
  guard->kind = g_strdup (kind);
  guard->record_id = record_id;
  guard->name = g_strdup (name);
  /* The version read with the record: one read later would miss a change made in between,
   * which a save would then overwrite without a question. */
  guard->version = version >= 0 ? version
                                : awards_store_get_row_version (store, kind, record_id, NULL);
  guard->cancellable = g_cancellable_new ();
  guard->opened_at = g_get_real_time ();

  content = adw_window_get_content (editor);
  if (content != NULL)
    g_object_ref (content);
  guard->overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_window_set_content (editor, GTK_WIDGET (guard->overlay));
  adw_toast_overlay_set_child (guard->overlay, content);

  guard->changed_id = g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), guard);
  return guard;
}

/**
 * awards_edit_guard_set_store:
 * @guard: a guard
 * @store: the same database, connected again (a server that went away and came back)
 *
 * Watches the record through @store; the record is read again, and a change made while the
 * connection was lost is told as any other.
 */
void
awards_edit_guard_set_store (AwardsEditGuard *guard,
                             AwardsStore     *store)
{
  g_return_if_fail (guard != NULL);
  g_return_if_fail (AWARDS_IS_STORE (store));

  if (store == guard->store)
    return;
  g_clear_signal_handler (&guard->changed_id, guard->store);
  /* What was on its way through the lost connection is dropped: a save asks again. */
  g_cancellable_cancel (guard->cancellable);
  g_object_unref (guard->cancellable);
  guard->cancellable = g_cancellable_new ();
  g_clear_pointer (&guard->save_action, g_free);
  guard->reading = guard->read_again = FALSE;
  g_set_object (&guard->store, store);
  guard->changed_id = g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), guard);
  if (guard->lost_toast != NULL)
    adw_toast_dismiss (guard->lost_toast);
  g_clear_object (&guard->lost_toast);
  guard->told = FALSE;
  adw_toast_overlay_add_toast (guard->overlay,
                               awards_gui_toast_new (_("Connected again: this record can be "
                                                       "saved")));
  read_after_change (guard);
}

/* The record's name for the question, when it is known only after the guard was made. */
void
awards_edit_guard_set_name (AwardsEditGuard *guard,
                            const char      *name)
{
  g_return_if_fail (guard != NULL);

  g_free (guard->name);
  guard->name = g_strdup (name);
}

void
awards_edit_guard_free (AwardsEditGuard *guard)
{
  if (guard == NULL)
    return;
  g_clear_signal_handler (&guard->changed_id, guard->store);
  g_cancellable_cancel (guard->cancellable);
  g_clear_object (&guard->cancellable);
  g_clear_object (&guard->lost_toast);
  g_clear_object (&guard->store);
  g_free (guard->save_action);
  g_free (guard->kind);
  g_free (guard->name);
  g_free (guard->changed_by);
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

/* "overwrite" saves over another's change; "save-new" saves a record deleted elsewhere anew. */
static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             gpointer          data)
{
  Question *question = data;

  gtk_window_destroy (GTK_WINDOW (dialog));
  if (g_str_equal (response, "overwrite") || g_str_equal (response, "save-new"))
    {
      question->guard->recreate = g_str_equal (response, "save-new");
      g_idle_add (save_again_cb, question);
    }
  else
    question_free (question);
}

/* Asks @dialog, whose "cancel" answer keeps the editor as it is; the other saves again. */
static void
present_question (AwardsEditGuard  *guard,
                  AdwMessageDialog *dialog,
                  const char       *save_action)
{
  Question *question = g_new0 (Question, 1);

  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  question->editor = g_object_ref (GTK_WIDGET (guard->editor));
  question->guard = guard;
  question->save_action = g_strdup (save_action);
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), question);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
ask (AwardsEditGuard *guard,
     const char      *save_action)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (guard->editor),
                                                       _("Changed Elsewhere"), NULL));
  if (guard->changed_by != NULL)
    adw_message_dialog_format_body (dialog,
                                    _("“%s” was changed by someone else since you opened it "
                                      "(%s). Save your version over those changes?"),
                                    guard->name != NULL ? guard->name : "", guard->changed_by);
  else
    adw_message_dialog_format_body (dialog,
                                    _("“%s” was changed by someone else since you opened it. "
                                      "Save your version over those changes?"),
                                    guard->name != NULL ? guard->name : "");
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"),
                                    "overwrite", _("_Overwrite"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "overwrite",
                                              ADW_RESPONSE_DESTRUCTIVE);
  present_question (guard, dialog, save_action);
}

/* The record is gone. An organisation or a person is saved anew as typed, if the user says
 * so; an award belongs to its decision, and is brought back from the history first. */
static void
ask_deleted (AwardsEditGuard *guard,
             const char      *save_action)
{
  gboolean award = g_strcmp0 (guard->kind, "award") == 0;
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (guard->editor),
                                                       _("Deleted Elsewhere"), NULL));
  if (award)
    adw_message_dialog_format_body (dialog,
                                    _("“%s” was deleted by someone else since you opened it. "
                                      "To save it, bring it back first: undo its deletion in "
                                      "the History page."),
                                    guard->name != NULL ? guard->name : "");
  else
    adw_message_dialog_format_body (dialog,
                                    _("“%s” was deleted by someone else since you opened it. "
                                      "Save what you typed as a new record?"),
                                    guard->name != NULL ? guard->name : "");
  adw_message_dialog_add_responses (dialog, "cancel", award ? _("_Close") : _("_Cancel"), NULL);
  if (!award)
    {
      adw_message_dialog_add_responses (dialog, "save-new", _("_Save as New"), NULL);
      adw_message_dialog_set_response_appearance (dialog, "save-new",
                                                  ADW_RESPONSE_SUGGESTED);
    }
  present_question (guard, dialog, save_action);
}

static void
save_version_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  AwardsEditGuard *guard = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *save_action = NULL;
  gint64 version;

  version = awards_store_get_row_version_finish (AWARDS_STORE (source), result, &error);
  if (gone (error))
    return;
  save_action = g_steal_pointer (&guard->save_action);
  /* Unchanged, or unknown (the save then says itself why it fails): the save goes ahead. */
  if (error != NULL || version == guard->version)
    {
      /* The action runs at once; it may stop before the save (a field made invalid meanwhile),
       * and the next save must read the version again. */
      guard->checked = TRUE;
      gtk_widget_activate_action (GTK_WIDGET (guard->editor), save_action, NULL);
      guard->checked = FALSE;
    }
  else if (version < 0)
    ask_deleted (guard, save_action);
  else
    ask (guard, save_action);
}

/**
 * awards_edit_guard_recreates:
 *
 * Returns: whether the record was deleted elsewhere and the user chose to save it as a new one:
 *   the editor then saves it without its id
 */
gboolean
awards_edit_guard_recreates (AwardsEditGuard *guard)
{
  return guard != NULL && guard->recreate;
}

/**
 * awards_edit_guard_may_save:
 * @save_action: the editor's action that saves, run again when the record is found unchanged
 *   or the user chooses to overwrite it
 *
 * Returns: %TRUE when the save may go ahead; %FALSE while the record's version is read (the
 *   save then runs again) or a question asks whether to overwrite a change made elsewhere
 */
gboolean
awards_edit_guard_may_save (AwardsEditGuard *guard,
                            const char      *save_action)
{
  g_return_val_if_fail (guard != NULL, TRUE);

  /* Without the server nothing can be known of others' changes: the save itself says why it
   * failed, rather than a question about a change nobody made. */
  if (guard->confirmed || guard->checked || awards_store_watch_lost_connection (guard->store))
    {
      guard->checked = FALSE;
      guard->saving = TRUE;
      return TRUE;
    }
  /* A second press while the first one's read is on its way. */
  if (guard->save_action != NULL)
    return FALSE;
  guard->save_action = g_strdup (save_action);
  awards_store_get_row_version_async (guard->store, guard->kind, guard->record_id,
                                      guard->cancellable, save_version_cb, guard);
  return FALSE;
}
