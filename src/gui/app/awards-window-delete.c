/* awards-window-delete.c: deleting records from the main window, and undoing a deleted award
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "awards-browse-view.h"
#include "awards-gui-utils.h"
#include "awards-organisation-page.h"
#include "awards-person-page.h"
#include "awards-store-async.h"
#include "awards-window-delete.h"
#include "awards-window-private.h"

/*
 * The window's delete actions: win.delete-commendation (with a toast that offers to undo it,
 * win.undo-delete), and win.delete-organisation and win.delete-person, which ask first. They
 * live apart from awards-window.c to keep that file to the window itself; like
 * awards-window-history.c they reach the window only through its accessors.
 */

/* The same checks and toasts as the window's own actions, through the window's accessors. */
/* A delete under way, and the toast that will offer to undo it. */
typedef struct
{
  AwardsWindow *window;
  AdwToast     *undo_toast;
} DeleteDone;

static void
delete_done_free (DeleteDone *done)
{
  g_object_unref (done->window);
  g_object_unref (done->undo_toast);
  g_free (done);
}

static void
commendation_deleted_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  DeleteDone *done = user_data;
  AwardsWindow *self = done->window;
  g_autoptr (GError) error = NULL;

  /* A window that closed meanwhile has let go of its store: nothing is left to show. */
  if (!awards_store_delete_commendation_finish (AWARDS_STORE (source), result, &error))
    {
      if (awards_window_get_store (self) != NULL)
        awards_gui_show_error (GTK_WIDGET (self), _("The award could not be deleted"), error);
    }
  else if (awards_window_get_store (self) != NULL)
    awards_window_add_toast (self, g_object_ref (done->undo_toast));
  delete_done_free (done);
}

/* The award is read for the toast's title, then deleted: both on the store's threads, as the
 * delete may wait for another program's write. */
static void
delete_commendation_read (AwardsWindow *self,
                          GObject      *record)
{
  AwardsCommendation *commendation = AWARDS_COMMENDATION (record);
  gint64 id = awards_commendation_get_id (commendation);
  g_autofree char *title = NULL;
  DeleteDone *done;
  AdwToast *undo_toast;

  /* Translators: "Bằng khen to HTX Bạch Đằng deleted". */
  title = g_strdup_printf (_("%s to %s deleted"),
                           awards_commendation_get_award_name (commendation),
                           awards_commendation_get_recipient_name (commendation));
  undo_toast = awards_gui_toast_new (title);
  adw_toast_set_button_label (undo_toast, _("_Undo"));
  adw_toast_set_action_name (undo_toast, "win.undo-delete");
  adw_toast_set_action_target_value (undo_toast, g_variant_new_int64 (id));
  adw_toast_set_priority (undo_toast, ADW_TOAST_PRIORITY_HIGH);
  done = g_new0 (DeleteDone, 1);
  done->window = g_object_ref (self);
  done->undo_toast = undo_toast;
  awards_store_delete_commendation_async (awards_window_get_store (self), id, NULL,
                                          commendation_deleted_cb, done);
}

static void
delete_commendation_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  awards_window_read_record (AWARDS_WINDOW (widget), AWARDS_WINDOW_RECORD_COMMENDATION,
                             g_variant_get_int64 (parameter), delete_commendation_read);
}

static void
commendation_restored_cb (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr (AwardsWindow) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!awards_store_restore_commendation_finish (AWARDS_STORE (source), result, &error) &&
      awards_window_get_store (self) != NULL)
    awards_gui_show_error (GTK_WIDGET (self), _("The award could not be restored"), error);
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AwardsWindow *self = AWARDS_WINDOW (widget);

  if (!awards_window_has_store (self))
    return;

  awards_store_restore_commendation_async (awards_window_get_store (self),
                                           g_variant_get_int64 (parameter), NULL,
                                           commendation_restored_cb, g_object_ref (self));
}

/* What a confirmation of deleting an organisation or a person is about. */
typedef struct
{
  gboolean  is_person;
  gint64    id;
  char     *name;
} DeleteRequest;

static void
delete_request_free (gpointer data)
{
  DeleteRequest *request = data;

  g_free (request->name);
  g_free (request);
}

typedef struct
{
  AwardsWindow  *window;
  DeleteRequest  request;
} RecordDelete;

static void
record_deleted_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  RecordDelete *delete = user_data;
  AwardsWindow *self = delete->window;
  DeleteRequest *request = &delete->request;
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  gboolean deleted;

  /* The store refuses records that have awards, and says so in a sentence. */
  deleted = request->is_person
            ? awards_store_delete_person_finish (AWARDS_STORE (source), result, &error)
            : awards_store_delete_organisation_finish (AWARDS_STORE (source), result, &error);

  /* A window that closed meanwhile has let go of its store: nothing is left to show. */
  if (awards_window_get_store (self) != NULL && !deleted)
    awards_gui_show_error (GTK_WIDGET (self),
                           request->is_person ? _("The person could not be deleted")
                                              : _("The organisation could not be deleted"),
                           error);
  else if (awards_window_get_store (self) != NULL)
    {
      if (request->is_person)
        {
          AwardsPersonPage *person_page =
            AWARDS_PERSON_PAGE (awards_window_get_detail_page (self, "people"));

          if (awards_person_page_get_person_id (person_page) == request->id)
            awards_person_page_set_person_id (person_page, 0);
          awards_browse_view_show_sidebar (awards_window_get_browse_view (self, "people"));
        }
      else
        {
          AwardsOrganisationPage *organisation_page =
            AWARDS_ORGANISATION_PAGE (awards_window_get_detail_page (self, "organisations"));

          if (awards_organisation_page_get_organisation_id (organisation_page) ==
              request->id)
            awards_organisation_page_set_organisation_id (organisation_page, 0);
          awards_browse_view_show_sidebar (awards_window_get_browse_view (self,
                                                                          "organisations"));
        }

      /* Translators: a toast; %s is the name of an organisation or a person. */
      title = g_strdup_printf (_("“%s” deleted"), request->name);
      awards_window_toast (self, title);
    }

  g_object_unref (delete->window);
  g_free (request->name);
  g_free (delete);
}

/* The delete is a write: it may wait for another program's, so the window does not wait. */
static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    AwardsWindow     *self)
{
  DeleteRequest *request = g_object_get_data (G_OBJECT (dialog), "awards-delete-request");
  AwardsStore *store = awards_window_get_store (self);
  RecordDelete *delete;

  if (!g_str_equal (response, "delete") || store == NULL)
    return;

  delete = g_new0 (RecordDelete, 1);
  delete->window = g_object_ref (self);
  delete->request = *request;
  delete->request.name = g_strdup (request->name);
  if (request->is_person)
    awards_store_delete_person_async (store, request->id, NULL, record_deleted_cb, delete);
  else
    awards_store_delete_organisation_async (store, request->id, NULL, record_deleted_cb,
                                            delete);
}

/* Takes @request. */
static void
ask_delete (AwardsWindow  *self,
            DeleteRequest *request)
{
  g_autofree char *heading = NULL;
  gboolean is_person = request->is_person;
  const char *name = request->name;
  AdwMessageDialog *dialog;

  /* Translators: a question; %s is the name of an organisation or a person. */
  heading = g_strdup_printf (_("Delete “%s”?"), name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
    GTK_WINDOW (self), heading,
    is_person ? _("The person is removed from the records. Undo (Ctrl+Z) puts them back.")
              : _("The organisation is removed from the records, and its people are left "
                  "without an organisation. Undo (Ctrl+Z) puts it back.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");

  g_object_set_data_full (G_OBJECT (dialog), "awards-delete-request", request,
                          delete_request_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self,
                           G_CONNECT_DEFAULT);
  awards_window_track_editor (self, GTK_WINDOW (dialog));
}

/* Whether the record has awards is read before the question: a record that cannot be deleted
 * is said so at once, not after the clerk has said yes. */
static void
refusal_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  DeleteRequest *request = task_data;
  AwardsStore *store = g_object_get_data (G_OBJECT (task), "awards-store");
  GError *error = NULL;
  char *refusal = request->is_person
                  ? awards_store_person_delete_refusal (store, request->id, &error)
                  : awards_store_organisation_delete_refusal (store, request->id, &error);

  /* A failed read leaves the question to the delete itself, which refuses as well. */
  g_clear_error (&error);
  g_task_return_pointer (task, refusal, g_free);
}

static void
refusal_read_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  AwardsWindow *self = AWARDS_WINDOW (source);
  DeleteRequest *request = g_task_get_task_data (G_TASK (result));
  g_autofree char *refusal = g_task_propagate_pointer (G_TASK (result), NULL);
  DeleteRequest *copy;

  if (awards_window_get_store (self) == NULL)
    return;
  if (refusal != NULL)
    {
      g_autoptr (GError) error = g_error_new_literal (AWARDS_STORE_ERROR,
                                                      AWARDS_STORE_ERROR_CONSTRAINT, refusal);

      awards_gui_show_error (GTK_WIDGET (self),
                             request->is_person ? _("The person could not be deleted")
                                                : _("The organisation could not be deleted"),
                             error);
      return;
    }
  copy = g_new0 (DeleteRequest, 1);
  *copy = *request;
  copy->name = g_strdup (request->name);
  ask_delete (self, copy);
}

static void
confirm_delete (AwardsWindow *self,
                gboolean      is_person,
                gint64        id,
                const char   *name)
{
  AwardsStore *store = awards_window_get_store (self);
  DeleteRequest *request;
  GTask *task;

  if (store == NULL)
    return;
  request = g_new0 (DeleteRequest, 1);
  request->is_person = is_person;
  request->id = id;
  request->name = g_strdup (name);
  task = g_task_new (self, NULL, refusal_read_cb, NULL);
  g_task_set_task_data (task, request, delete_request_free);
  awards_store_run_task (store, AWARDS_WORK_READ, task, refusal_thread);
  g_object_unref (task);
}

static void
delete_organisation_read (AwardsWindow *self,
                          GObject      *record)
{
  AwardsOrganisation *organisation = AWARDS_ORGANISATION (record);

  confirm_delete (self, FALSE, awards_organisation_get_id (organisation),
                  awards_organisation_get_name (organisation));
}

static void
delete_organisation_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  awards_window_read_record (AWARDS_WINDOW (widget), AWARDS_WINDOW_RECORD_ORGANISATION,
                             g_variant_get_int64 (parameter), delete_organisation_read);
}

static void
delete_person_read (AwardsWindow *self,
                    GObject      *record)
{
  AwardsPerson *person = AWARDS_PERSON (record);

  confirm_delete (self, TRUE, awards_person_get_id (person), awards_person_get_full_name (person));
}

static void
delete_person_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  awards_window_read_record (AWARDS_WINDOW (widget), AWARDS_WINDOW_RECORD_PERSON,
                             g_variant_get_int64 (parameter), delete_person_read);
}

void
awards_window_delete_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.delete-organisation", "x",
                                   delete_organisation_action);
  gtk_widget_class_install_action (widget_class, "win.delete-person", "x",
                                   delete_person_action);
  gtk_widget_class_install_action (widget_class, "win.delete-commendation", "x",
                                   delete_commendation_action);
  gtk_widget_class_install_action (widget_class, "win.undo-delete", "x", undo_delete_action);
}
