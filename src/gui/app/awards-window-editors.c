/* awards-window-editors.c: the main window's actions that open an editor, the import, the
 * preferences or a database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "awards-browse-view.h"
#include "awards-commendation-editor.h"
#include "awards-decision-editor.h"
#include "awards-gui-utils.h"
#include "awards-import-dialog.h"
#include "awards-organisation-editor.h"
#include "awards-organisation-page.h"
#include "awards-person-editor.h"
#include "awards-preferences-window.h"
#include "awards-store-open.h"
#include "awards-store-watch.h"
#include "awards-window-editors.h"
#include "awards-window-private.h"

/*
 * The window's actions that open something: the editors of decisions, organisations, people
 * and awards (win.new-*, win.edit-*, each with a toast once saved), the import (win.import),
 * the preferences (win.preferences), another database (win.open-database) and the server of a
 * lost connection again (win.reconnect). They live apart from awards-window.c to keep that file
 * to the window itself; like awards-window-delete.c they reach the window only through its
 * accessors, and track what they open with awards_window_track_editor ().
 */

/* The same checks and toasts as the window's own actions, through the window's accessors. */
static void
decision_saved_cb (AwardsWindow *self,
                   gint64        decision_id,
                   guint         n_recipients)
{
  g_autofree char *title = NULL;

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "Decision saved with %u recipient",
                                        "Decision saved with %u recipients",
                                        n_recipients),
                           n_recipients);
  awards_window_toast (self, title);
  awards_window_show_decision (self, decision_id);
}

static void
new_decision_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AwardsWindow *self = AWARDS_WINDOW (widget);
  AwardsDecisionEditor *editor;

  if (!awards_window_has_store (self))
    return;

  editor = awards_decision_editor_new (GTK_WINDOW (self), awards_window_get_store (self));
  g_signal_connect_object (editor, "saved", G_CALLBACK (decision_saved_cb), self,
                           G_CONNECT_SWAPPED);
  awards_window_track_editor (self, GTK_WINDOW (editor));
}

static void
decision_loaded_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr (AwardsWindow) self = user_data;
  AwardsDecisionEditor *editor = AWARDS_DECISION_EDITOR (source);
  g_autoptr (GError) error = NULL;

  if (awards_decision_editor_load_finish (editor, result, &error) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_window_destroy (GTK_WINDOW (editor));
  awards_gui_show_error (GTK_WIDGET (self), _("The decision could not be read"), error);
}

/* The editor opens at once, busy until its decision is read on the store's threads: a decision
 * of thousands of recipients, or a server far away, takes a moment. */
static void
edit_decision_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AwardsWindow *self = AWARDS_WINDOW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  AwardsDecisionEditor *editor;

  if (!awards_window_has_store (self) || id <= 0)
    return;

  editor = awards_decision_editor_new (GTK_WINDOW (self), awards_window_get_store (self));
  g_signal_connect_object (editor, "saved", G_CALLBACK (decision_saved_cb), self,
                           G_CONNECT_SWAPPED);
  awards_decision_editor_load_async (editor, id, decision_loaded_cb, g_object_ref (self));
  awards_window_track_editor (self, GTK_WINDOW (editor));
}

static void
organisation_saved_cb (AwardsWindow *self,
                       gint64        id)
{
  awards_window_toast (self, _("Organisation saved"));
  awards_window_show_organisation (self, id);
}

static void
person_saved_cb (AwardsWindow *self,
                 gint64        id)
{
  awards_window_toast (self, _("Person saved"));
  awards_window_show_person (self, id);
}

static void
open_organisation_editor (AwardsWindow       *self,
                          AwardsOrganisation *organisation)
{
  AwardsOrganisationEditor *editor;

  editor = awards_organisation_editor_new (GTK_WINDOW (self), awards_window_get_store (self),
                                           organisation);
  g_signal_connect_object (editor, "saved", G_CALLBACK (organisation_saved_cb), self,
                           G_CONNECT_SWAPPED);
  awards_window_track_editor (self, GTK_WINDOW (editor));
}

static void
open_person_editor (AwardsWindow *self,
                    AwardsPerson *person)
{
  AwardsPersonEditor *editor;

  editor = awards_person_editor_new (GTK_WINDOW (self), awards_window_get_store (self), person);
  g_signal_connect_object (editor, "saved", G_CALLBACK (person_saved_cb), self,
                           G_CONNECT_SWAPPED);
  awards_window_track_editor (self, GTK_WINDOW (editor));
}

static void
new_organisation_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  AwardsWindow *self = AWARDS_WINDOW (widget);

  if (awards_window_has_store (self))
    open_organisation_editor (self, NULL);
}

/* A person added while an organisation is shown most likely belongs to it. */
static void
new_member_read (AwardsWindow *self,
                 GObject      *record)
{
  AwardsOrganisation *organisation = AWARDS_ORGANISATION (record);
  g_autoptr (AwardsPerson) person = awards_person_new ();

  awards_person_set_organisation_id (person, awards_organisation_get_id (organisation));
  awards_person_set_organisation_name (person, awards_organisation_get_name (organisation));
  open_person_editor (self, person);
}

static void
new_person_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AwardsWindow *self = AWARDS_WINDOW (widget);
  g_autoptr (AwardsPerson) person = NULL;
  gint64 organisation_id;

  if (!awards_window_has_store (self))
    return;

  organisation_id = awards_organisation_page_get_organisation_id (
    AWARDS_ORGANISATION_PAGE (awards_window_get_detail_page (self, "organisations")));
  if (organisation_id > 0 &&
      awards_window_get_current_view (self) ==
        awards_window_get_browse_view (self, "organisations"))
    {
      awards_window_read_record (self, AWARDS_WINDOW_RECORD_ORGANISATION, organisation_id,
                                 new_member_read);
      return;
    }
  person = awards_person_new ();
  open_person_editor (self, person);
}

static void
edit_organisation_read (AwardsWindow *self,
                        GObject      *record)
{
  open_organisation_editor (self, AWARDS_ORGANISATION (record));
}

static void
edit_organisation_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  awards_window_read_record (AWARDS_WINDOW (widget), AWARDS_WINDOW_RECORD_ORGANISATION,
                             g_variant_get_int64 (parameter), edit_organisation_read);
}

static void
edit_person_read (AwardsWindow *self,
                  GObject      *record)
{
  open_person_editor (self, AWARDS_PERSON (record));
}

static void
edit_person_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  awards_window_read_record (AWARDS_WINDOW (widget), AWARDS_WINDOW_RECORD_PERSON,
                             g_variant_get_int64 (parameter), edit_person_read);
}

static void
commendation_saved_cb (AwardsWindow *self)
{
  awards_window_toast (self, _("Award saved"));
}

static void
edit_commendation_read (AwardsWindow *self,
                        GObject      *record)
{
  AwardsCommendationEditor *editor;

  editor = awards_commendation_editor_new (GTK_WINDOW (self), awards_window_get_store (self),
                                           AWARDS_COMMENDATION (record));
  g_signal_connect_object (editor, "saved", G_CALLBACK (commendation_saved_cb), self,
                           G_CONNECT_SWAPPED);
  awards_window_track_editor (self, GTK_WINDOW (editor));
}

static void
edit_commendation_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  awards_window_read_record (AWARDS_WINDOW (widget), AWARDS_WINDOW_RECORD_COMMENDATION,
                             g_variant_get_int64 (parameter), edit_commendation_read);
}

static void
imported_cb (AwardsWindow *self,
             guint         n_added)
{
  g_autofree char *title = NULL;

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u award imported",
                                        "%u awards imported", n_added),
                           n_added);
  awards_window_toast (self, title);
}

static void
import_file_chosen_cb (AwardsWindow         *self,
                       int                   response,
                       GtkFileChooserNative *chooser)
{
  g_autoptr (GFile) file = NULL;
  AwardsImportDialog *dialog;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_object_unref (chooser);

  if (file == NULL || awards_window_get_store (self) == NULL)
    return;

  dialog = awards_import_dialog_new (GTK_WINDOW (self), awards_window_get_store (self), file);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (imported_cb), self,
                           G_CONNECT_SWAPPED);
  awards_window_track_editor (self, GTK_WINDOW (dialog));
}

/* The office profile printed on documents (issue 12). */
static void
preferences_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AwardsWindow *self = AWARDS_WINDOW (widget);

  if (!awards_window_has_store (self))
    return;
  gtk_window_present (GTK_WINDOW (awards_preferences_window_new (GTK_WINDOW (self),
                                                                 awards_window_get_store (self))));
}

/* Whether @window was opened from @parent, or from a window opened from it. */
static gboolean
belongs_to (GtkWindow *window,
            GtkWindow *parent)
{
  for (GtkWindow *up = gtk_window_get_transient_for (window); up != NULL;
       up = gtk_window_get_transient_for (up))
    {
      if (up == parent)
        return TRUE;
    }
  return FALSE;
}

/* The server of a window whose connection was lost is asked again; the window takes the new
 * connection as a database opened anew (lists, pages, history, the watch on other clerks).
 * The try on its way is set on the window. */
#define RECONNECTING "awards-window-reconnecting"
/* The toast that said Connect Again failed, until a try succeeds. */
#define FAILED_TOAST "awards-window-reconnect-failed"

typedef struct
{
  AwardsWindow *window;
  gboolean      quietly;    /* the window's own try: a failure is not news */
} Reconnect;

static void
reconnected_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  Reconnect *reconnect = data;
  g_autoptr (AwardsWindow) self = reconnect->window;
  gboolean quietly = reconnect->quietly;
  g_autoptr (GError) error = NULL;
  g_autoptr (AwardsStore) store = awards_store_open_finish (result, &error);
  GListModel *toplevels;

  g_free (reconnect);
  g_object_set_data (G_OBJECT (self), RECONNECTING, NULL);
  /* Closed meanwhile, or connected by another try. */
  if (awards_window_get_store (self) == NULL ||
      !awards_store_watch_lost_connection (awards_window_get_store (self)))
    return;
  /* Why (the server's address and words) was said when the connection was lost; the clerk
   * who asks again learns that it failed, and that the window goes on trying. */
  if (store == NULL)
    {
      g_debug ("Still no connection: %s", error->message);
      if (!quietly)
        {
          AdwToast *toast = awards_gui_toast_new (_("Still no connection to the database "
                                                    "server; the window tries again every "
                                                    "few seconds"));

          g_object_set_data_full (G_OBJECT (self), FAILED_TOAST, g_object_ref (toast),
                                  g_object_unref);
          awards_window_add_toast (self, toast);
        }
      return;
    }
  /* The news that it failed is old now. */
  if (g_object_get_data (G_OBJECT (self), FAILED_TOAST) != NULL)
    adw_toast_dismiss (g_object_get_data (G_OBJECT (self), FAILED_TOAST));
  g_object_set_data (G_OBJECT (self), FAILED_TOAST, NULL);
  awards_window_set_store (self, store);
  /* The editors open meanwhile (a decision's, and one opened from it) keep what the clerk
   * typed, and save through the new connection. */
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) editor = g_list_model_get_item (toplevels, i);

      if (!belongs_to (editor, GTK_WINDOW (self)))
        continue;
      if (AWARDS_IS_ORGANISATION_EDITOR (editor))
        awards_organisation_editor_set_store (AWARDS_ORGANISATION_EDITOR (editor), store);
      else if (AWARDS_IS_PERSON_EDITOR (editor))
        awards_person_editor_set_store (AWARDS_PERSON_EDITOR (editor), store);
      else if (AWARDS_IS_COMMENDATION_EDITOR (editor))
        awards_commendation_editor_set_store (AWARDS_COMMENDATION_EDITOR (editor), store);
      else if (AWARDS_IS_DECISION_EDITOR (editor))
        awards_decision_editor_set_store (AWARDS_DECISION_EDITOR (editor), store);
      else if (AWARDS_IS_IMPORT_DIALOG (editor))
        awards_import_dialog_set_store (AWARDS_IMPORT_DIALOG (editor), store);
    }
  awards_window_toast (self, _("Connected to the database server again"));
}

/* Asks the lost server again; @quietly when the window tries by itself, so that only the
 * clerk's own Connect Again says that it failed. */
void
awards_window_reconnect (AwardsWindow *self,
                         gboolean      quietly)
{
  Reconnect *reconnect;

  g_return_if_fail (AWARDS_IS_WINDOW (self));

  if (awards_window_get_store (self) == NULL ||
      !awards_store_watch_lost_connection (awards_window_get_store (self)))
    return;
  /* Connect Again while the window's own try is on its way: that try's answer is said. */
  reconnect = g_object_get_data (G_OBJECT (self), RECONNECTING);
  if (reconnect != NULL)
    {
      reconnect->quietly = reconnect->quietly && quietly;
      return;
    }
  reconnect = g_new0 (Reconnect, 1);
  g_object_set_data (G_OBJECT (self), RECONNECTING, reconnect);
  reconnect->window = g_object_ref (self);
  reconnect->quietly = quietly;
  awards_store_open_async (awards_store_get_path (awards_window_get_store (self)), NULL,
                           reconnected_cb, reconnect);
}

static void
reconnect_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  awards_window_reconnect (AWARDS_WINDOW (widget), FALSE);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AwardsWindow *self = AWARDS_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();

  if (!awards_window_has_store (self))
    return;

  chooser = gtk_file_chooser_native_new (_("Import Awards"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Preview"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (csv, _("Award lists (CSV, Excel, OpenDocument)"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_filter_add_suffix (csv, "xlsx");
  gtk_file_filter_add_suffix (csv, "xls");
  gtk_file_filter_add_suffix (csv, "ods");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);

  g_signal_connect_object (chooser, "response", G_CALLBACK (import_file_chosen_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
database_chosen_cb (AwardsWindow         *self,
                    int                   response,
                    GtkFileChooserNative *chooser)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (AwardsStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_object_unref (chooser);

  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;

  store = awards_store_open (path, &error);
  if (store == NULL)
    {
      awards_gui_show_error (GTK_WIDGET (self), _("The database could not be opened"), error);
      return;
    }

  awards_window_set_store (self, store);
}

static void
open_database_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AwardsWindow *self = AWARDS_WINDOW (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Open Database"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (database_chosen_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
awards_window_editors_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-decision", NULL, new_decision_action);
  gtk_widget_class_install_action (widget_class, "win.new-organisation", NULL,
                                   new_organisation_action);
  gtk_widget_class_install_action (widget_class, "win.new-person", NULL, new_person_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.reconnect", NULL, reconnect_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK,
                                       "win.preferences", NULL);
  gtk_widget_class_install_action (widget_class, "win.open-database", NULL,
                                   open_database_action);
  gtk_widget_class_install_action (widget_class, "win.edit-organisation", "x",
                                   edit_organisation_action);
  gtk_widget_class_install_action (widget_class, "win.edit-person", "x", edit_person_action);
  gtk_widget_class_install_action (widget_class, "win.edit-decision", "x",
                                   edit_decision_action);
  gtk_widget_class_install_action (widget_class, "win.edit-commendation", "x",
                                   edit_commendation_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-decision", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK,
                                       "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "win.open-database", NULL);
}
