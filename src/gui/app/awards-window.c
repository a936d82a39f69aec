/* awards-window.c: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "awards-browse-view.h"
#include "awards-db.h"
#include "awards-store-open.h"
#include "awards-store-owners.h"
#include "awards-store-async.h"
#include "awards-store-watch.h"
#include "awards-decision-filter-bar.h"
#include "awards-decision-list-model.h"
#include "awards-decision-page.h"
#include "awards-gui-utils.h"
#include "awards-list-models.h"
#include "awards-list-row.h"
#include "awards-organisation-page.h"
#include "awards-person-page.h"
#include "awards-reports-page.h"
#include "awards-window-delete.h"
#include "awards-window-editors.h"
#include "awards-window-history.h"
#include "awards-review-page.h"
#include "awards-window-private.h"

/**
 * AwardsWindow:
 *
 * The main window: three sections (organisations, people, decisions), each a searchable list
 * beside the details of the chosen item. The window owns the store it shows, opens the
 * editors, and reloads its lists when the store says that something changed.
 */

struct _AwardsWindow
{
  AdwApplicationWindow  parent_instance;

  AwardsStore          *store;
  GSettings            *settings;
  GtkWindow            *editor;            /* weak */
  AdwToast             *last_toast;        /* weak */

  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  GtkButton            *back_button;
  AdwSplitButton       *new_button;
  GtkStack             *main_stack;
  GtkRevealer          *read_only_bar;
  GtkLabel             *read_only_label;
  GtkButton            *reconnect_button;
  guint                 reconnect_id;       /* tries a lost server again now and then */
  guint                 reconnect_seconds;  /* how often; 0: only when asked */
  AdwViewStack         *view_stack;
  AdwStatusPage        *error_page;
  GtkButton            *retry_button;
  char                 *retry_path;        /* a server that could not be opened, tried again */
  guint                 retry_id;
  gboolean              retrying;
  AdwStatusPage        *connecting_page;
  AwardsBrowseView     *organisations_view;
  AwardsBrowseView     *people_view;
  AwardsBrowseView     *decisions_view;
  AwardsOrganisationPage *organisation_page;
  AwardsPersonPage     *person_page;
  AwardsDecisionPage   *decision_page;
  AwardsReportsPage    *reports_page;
  AwardsReviewPage     *review_page;
  GtkButton            *report_button;
};

G_DEFINE_FINAL_TYPE (AwardsWindow, awards_window, ADW_TYPE_APPLICATION_WINDOW)

/* A server that went away is asked again this often, until it answers. */
#define RECONNECT_SECONDS 5

static void
stop_retrying (AwardsWindow *self)
{
  g_clear_handle_id (&self->retry_id, g_source_remove);
  g_clear_pointer (&self->retry_path, g_free);
  if (self->retry_button != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->retry_button), FALSE);
}

static void
retried_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  g_autoptr (AwardsWindow) self = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (AwardsStore) store = awards_store_open_finish (result, &error);
  g_autofree char *shown = NULL;

  self->retrying = FALSE;
  /* Opened meanwhile, or closed. */
  if (self->retry_path == NULL || self->store != NULL)
    return;
  if (store != NULL)
    {
      awards_window_set_store (self, store);
      return;
    }
  shown = awards_db_name_for_display (self->retry_path);
  awards_window_show_open_error_retrying (self, shown, error, self->retry_path);
}

static void
retry_open (AwardsWindow *self)
{
  if (self->retry_path == NULL || self->retrying || self->store != NULL)
    return;
  self->retrying = TRUE;
  awards_store_open_async (self->retry_path, NULL, retried_cb, g_object_ref (self));
}

static gboolean
retry_timeout_cb (gpointer data)
{
  retry_open (AWARDS_WINDOW (data));
  return G_SOURCE_CONTINUE;
}

static void
retry_open_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  retry_open (AWARDS_WINDOW (widget));
}

enum
{
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What needs an open database. */
static const char * const store_actions[] = {
  "win.new-decision", "win.new-organisation", "win.new-person", "win.import", "win.search",
  "win.report-current",
};

/* What changes the records: off when the database may only be read. */
static const char * const write_actions[] = {
  "win.new-decision", "win.new-organisation", "win.new-person", "win.import",
  "win.edit-organisation", "win.edit-person", "win.edit-decision", "win.edit-commendation",
  "win.delete-organisation", "win.delete-person", "win.delete-commendation", "win.undo-delete",
};

static AwardsBrowseView *
current_view (AwardsWindow *self)
{
  GtkWidget *child = adw_view_stack_get_visible_child (self->view_stack);

  return AWARDS_IS_BROWSE_VIEW (child) ? AWARDS_BROWSE_VIEW (child) : self->organisations_view;
}

/* Gives the visible section its list, the first time it is shown. */
static void
ensure_section_model (AwardsWindow *self)
{
  AwardsBrowseView *view = current_view (self);
  g_autoptr (AwardsPagedModel) model = NULL;

  if (self->store == NULL || awards_browse_view_get_model (view) != NULL)
    return;

  if (view == self->people_view)
    model = awards_list_model_new_people (self->store, 0);
  else if (view == self->decisions_view)
    model = awards_decision_list_model_new (self->store);
  else
    model = awards_list_model_new_organisations (self->store);

  /* A search through 30,000 people can take longer than a frame. */
  awards_paged_model_set_async (model, TRUE);
  awards_browse_view_set_model (view, model);
}

static void
section_changed_cb (AwardsWindow *self)
{
  ensure_section_model (self);
}

static void
update_back_button_cb (AwardsWindow *self)
{
  gboolean browsing = g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack),
                                 "browse") == 0;

  GtkWidget *section = adw_view_stack_get_visible_child (self->view_stack);

  browsing = browsing && AWARDS_IS_BROWSE_VIEW (section) &&
             awards_browse_view_get_showing_content (AWARDS_BROWSE_VIEW (section));
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), browsing);
  /* The Reports section has its own print and export buttons. */
  gtk_widget_set_visible (GTK_WIDGET (self->report_button), AWARDS_IS_BROWSE_VIEW (section));
}

/* On a narrow window the header bar has room for an icon only. */
static void
title_visible_cb (AwardsWindow *self)
{
  if (adw_view_switcher_title_get_title_visible (self->switcher_title))
    {
      adw_split_button_set_icon_name (self->new_button, "list-add-symbolic");
      awards_gui_set_accessible_label (GTK_WIDGET (self->new_button), _("New Decision"));
    }
  else
    {
      adw_split_button_set_label (self->new_button, _("_New Decision"));
    }
}

static void
organisation_selected_cb (AwardsWindow *self)
{
  AwardsOrganisation *organisation =
    awards_browse_view_get_selected_item (self->organisations_view);

  /* A reload may drop the selection; the page keeps showing what it showed. */
  if (organisation != NULL)
    awards_organisation_page_set_organisation_id (self->organisation_page,
                                                  awards_organisation_get_id (organisation));
}

static void
person_selected_cb (AwardsWindow *self)
{
  AwardsPerson *person = awards_browse_view_get_selected_item (self->people_view);

  if (person != NULL)
    awards_person_page_set_person_id (self->person_page, awards_person_get_id (person));
}

static void
decision_selected_cb (AwardsWindow *self)
{
  AwardsDecision *decision = awards_browse_view_get_selected_item (self->decisions_view);

  if (decision != NULL)
    awards_decision_page_set_decision_id (self->decision_page,
                                          awards_decision_get_id (decision));
}

static void
reload (AwardsWindow *self)
{
  AwardsBrowseView *views[] = { self->organisations_view, self->people_view,
                                self->decisions_view };

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      AwardsPagedModel *model = awards_browse_view_get_model (views[i]);

      if (model != NULL)
        awards_paged_model_reload (model, NULL);
    }

  awards_organisation_page_reload (self->organisation_page);
  awards_person_page_reload (self->person_page);
  awards_decision_page_reload (self->decision_page);
}

static void update_read_only (AwardsWindow *self);

static void
store_changed_cb (AwardsWindow *self,
                  AwardsStore  *store)
{
  /* A lost server: what is shown stays, under the bar that says it may be out of date, rather
   * than being replaced by errors. */
  if (awards_store_watch_lost_connection (store))
    {
      update_read_only (self);
      return;
    }
  reload (self);
  awards_window_history_update (self);
}

/* Another program may restore a backup over the open database, when told to go ahead: read
 * everything again and say so, so that nobody goes on editing what is no longer there. */
static gboolean
restored_watch_cb (gpointer data)
{
  AwardsWindow *self = data;

  if (self->store != NULL && awards_store_take_restored (self->store))
    {
      reload (self);
      awards_window_add_toast (self, awards_gui_toast_new (_("Another program restored the "
                                                             "database from a backup: "
                                                             "everything shown was read "
                                                             "again.")));
    }
  return G_SOURCE_CONTINUE;
}

static void
remove_source (gpointer id)
{
  g_source_remove (GPOINTER_TO_UINT (id));
}

static void
track_editor (AwardsWindow *self,
              GtkWindow    *editor)
{
  g_set_weak_pointer (&self->editor, editor);
  gtk_window_present (editor);
}

/* The dialogs of the window's other files (awards-window-delete.c, -editors.c) are tracked as
 * its own. */
void
awards_window_track_editor (AwardsWindow *self,
                            GtkWindow    *editor)
{
  track_editor (self, editor);
}

/* The section shown, for the window's other files (awards-window-editors.c); the organisations
 * when the section shown is not a list. */
AwardsBrowseView *
awards_window_get_current_view (AwardsWindow *self)
{
  return current_view (self);
}

/**
 * awards_window_add_toast:
 * @self: a #AwardsWindow
 * @toast: (transfer full): the toast
 */
void
awards_window_add_toast (AwardsWindow *self,
                         AdwToast     *toast)
{
  g_return_if_fail (AWARDS_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  g_set_weak_pointer (&self->last_toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* A toast of one line, for the window's actions in its other files. */
void
awards_window_toast (AwardsWindow *self,
                     const char   *title)
{
  awards_window_add_toast (self, awards_gui_toast_new (title));
}

/* Whether a database is open: the actions that need one do nothing without it. */
gboolean
awards_window_has_store (AwardsWindow *self)
{
  return self->store != NULL;
}

typedef struct
{
  AwardsWindow         *window;   /* a reference */
  AwardsWindowRecord    kind;
  AwardsWindowReadFunc  then;
} RecordRead;

static void
record_read_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  RecordRead *read = user_data;
  AwardsStore *store = AWARDS_STORE (source);
  g_autoptr (GError) error = NULL;
  g_autoptr (GObject) record = NULL;
  const char *failure = NULL;

  switch (read->kind)
    {
    case AWARDS_WINDOW_RECORD_ORGANISATION:
      record = G_OBJECT (awards_store_get_organisation_finish (store, result, &error));
      failure = _("The organisation could not be read");
      break;
    case AWARDS_WINDOW_RECORD_PERSON:
      record = G_OBJECT (awards_store_get_person_finish (store, result, &error));
      failure = _("The person could not be read");
      break;
    case AWARDS_WINDOW_RECORD_COMMENDATION:
    default:
      record = G_OBJECT (awards_store_get_commendation_finish (store, result, &error));
      failure = _("The award could not be read");
      break;
    }
  /* Another database opened, or the window closed, meanwhile: the record is of no use now. */
  if (read->window->store == store)
    {
      if (record != NULL)
        read->then (read->window, record);
      else
        awards_gui_show_error (GTK_WIDGET (read->window), failure, error);
    }
  g_object_unref (read->window);
  g_free (read);
}

/*
 * Reads the record @id of @kind for an action on the store's threads (a server may take its
 * time, and the window must not wait), then calls @then with it; when it cannot be read, says
 * why instead.
 */
void
awards_window_read_record (AwardsWindow         *self,
                           AwardsWindowRecord    kind,
                           gint64                id,
                           AwardsWindowReadFunc  then)
{
  RecordRead *read;

  if (self->store == NULL)
    return;
  read = g_new0 (RecordRead, 1);
  read->window = g_object_ref (self);
  read->kind = kind;
  read->then = then;
  switch (kind)
    {
    case AWARDS_WINDOW_RECORD_ORGANISATION:
      awards_store_get_organisation_async (self->store, id, NULL, record_read_cb, read);
      break;
    case AWARDS_WINDOW_RECORD_PERSON:
      awards_store_get_person_async (self->store, id, NULL, record_read_cb, read);
      break;
    case AWARDS_WINDOW_RECORD_COMMENDATION:
    default:
      awards_store_get_commendation_async (self->store, id, NULL, record_read_cb, read);
      break;
    }
}

static gboolean
require_store (AwardsWindow *self)
{
  return self->store != NULL;
}

static void
show_organisation_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  awards_window_show_organisation (AWARDS_WINDOW (widget), g_variant_get_int64 (parameter));
}

static void
show_person_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  awards_window_show_person (AWARDS_WINDOW (widget), g_variant_get_int64 (parameter));
}

static void
show_decision_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  awards_window_show_decision (AWARDS_WINDOW (widget), g_variant_get_int64 (parameter));
}

static void
show_section_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AwardsWindow *self = AWARDS_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, g_variant_get_string (parameter, NULL));
}

/*
 * "Print what I see": the report of the organisation or decision that is open, or a summary
 * restricted to what the list's search finds.
 */
static void
report_current_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AwardsWindow *self = AWARDS_WINDOW (widget);
  GtkWidget *section = adw_view_stack_get_visible_child (self->view_stack);
  const char *search = NULL;
  gint64 id = 0;

  if (!require_store (self) || !AWARDS_IS_BROWSE_VIEW (section))
    return;

  if (section == GTK_WIDGET (self->organisations_view))
    id = awards_organisation_page_get_organisation_id (self->organisation_page);
  else if (section == GTK_WIDGET (self->decisions_view))
    id = awards_decision_page_get_decision_id (self->decision_page);
  search = gtk_editable_get_text (awards_browse_view_get_search_entry (AWARDS_BROWSE_VIEW (section)));

  if (id > 0 && section == GTK_WIDGET (self->organisations_view))
    awards_reports_page_show_organisation (self->reports_page, id);
  else if (id > 0)
    awards_reports_page_show_decision (self->reports_page, id);
  else if (search != NULL && search[0] != '\0')
    awards_reports_page_show_search (self->reports_page, search);
  adw_view_stack_set_visible_child_name (self->view_stack, "reports");
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  awards_browse_view_focus_search (current_view (AWARDS_WINDOW (widget)));
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  awards_browse_view_show_sidebar (current_view (AWARDS_WINDOW (widget)));
}

static void
save_window_state (AwardsWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "is-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}

static gboolean
awards_window_close_request (GtkWindow *window)
{
  save_window_state (AWARDS_WINDOW (window));

  return GTK_WINDOW_CLASS (awards_window_parent_class)->close_request (window);
}

static void
awards_window_dispose (GObject *object)
{
  AwardsWindow *self = AWARDS_WINDOW (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);

  g_clear_handle_id (&self->reconnect_id, g_source_remove);
  stop_retrying (self);
  g_clear_weak_pointer (&self->editor);
  g_clear_weak_pointer (&self->last_toast);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (awards_window_parent_class)->dispose (object);
}

static void
awards_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AwardsWindow *self = AWARDS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awards_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  AwardsWindow *self = AWARDS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      awards_window_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awards_window_class_init (AwardsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = awards_window_dispose;
  object_class->get_property = awards_window_get_property;
  object_class->set_property = awards_window_set_property;
  window_class->close_request = awards_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         AWARDS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (AWARDS_TYPE_BROWSE_VIEW);
  g_type_ensure (AWARDS_TYPE_ORGANISATION_PAGE);
  g_type_ensure (AWARDS_TYPE_PERSON_PAGE);
  g_type_ensure (AWARDS_TYPE_DECISION_PAGE);
  g_type_ensure (AWARDS_TYPE_REPORTS_PAGE);
  g_type_ensure (AWARDS_TYPE_REVIEW_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/coopawards/CoopAwards/ui/"
                                               "awards-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AwardsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AwardsWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, AwardsWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, AwardsWindow, new_button);
  gtk_widget_class_bind_template_child (widget_class, AwardsWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, AwardsWindow, read_only_bar);
  gtk_widget_class_bind_template_child (widget_class, AwardsWindow, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, AwardsWindow, reconnect_button);
  gtk_widget_class_bind_template_child (widget_class, AwardsWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, AwardsWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, AwardsWindow, retry_button);
  gtk_widget_class_install_action (widget_class, "win.retry-open", NULL, retry_open_action);
  gtk_widget_class_bind_template_child (widget_class, AwardsWindow, connecting_page);
  gtk_widget_class_bind_template_child (widget_class, AwardsWindow, organisations_view);
  gtk_widget_class_bind_template_child (widget_class, AwardsWindow, people_view);
  gtk_widget_class_bind_template_child (widget_class, AwardsWindow, decisions_view);
  gtk_widget_class_bind_template_child (widget_class, AwardsWindow, organisation_page);
  gtk_widget_class_bind_template_child (widget_class, AwardsWindow, person_page);
  gtk_widget_class_bind_template_child (widget_class, AwardsWindow, decision_page);
  gtk_widget_class_bind_template_child (widget_class, AwardsWindow, reports_page);
  gtk_widget_class_bind_template_child (widget_class, AwardsWindow, review_page);
  gtk_widget_class_bind_template_child (widget_class, AwardsWindow, report_button);
  gtk_widget_class_bind_template_callback (widget_class, update_back_button_cb);
  gtk_widget_class_bind_template_callback (widget_class, section_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, title_visible_cb);
  gtk_widget_class_bind_template_callback (widget_class, organisation_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, person_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, decision_selected_cb);
  awards_window_history_class_init (widget_class);
  awards_window_delete_class_init (widget_class);
  awards_window_editors_class_init (widget_class);

  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.report-current", NULL,
                                   report_current_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "win.show-section", "s", show_section_action);
  gtk_widget_class_install_action (widget_class, "win.show-organisation", "x",
                                   show_organisation_action);
  gtk_widget_class_install_action (widget_class, "win.show-person", "x", show_person_action);
  gtk_widget_class_install_action (widget_class, "win.show-decision", "x",
                                   show_decision_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "win.go-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK,
                                       "win.show-section", "s", "organisations");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK,
                                       "win.show-section", "s", "people");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK,
                                       "win.show-section", "s", "decisions");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK,
                                       "win.show-section", "s", "reports");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.report-current", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

static GSettings *
settings_new_if_installed (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;

  /* Running from the build tree without the compiled schema must not abort. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_debug ("GSettings schema %s is not installed; window state is not kept", APP_ID);
      return NULL;
    }

  return g_settings_new (APP_ID);
}

static void
awards_window_init (AwardsWindow *self)
{
  g_autoptr (GtkListItemFactory) organisation_factory = NULL;
  g_autoptr (GtkListItemFactory) person_factory = NULL;
  g_autoptr (GtkListItemFactory) decision_factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->reconnect_seconds = RECONNECT_SECONDS;
  /* A modal editor holds only its own window: the clerk's other window (another database, or
   * another role) stays usable. Windows made transient for this one join its group. */
  {
    g_autoptr (GtkWindowGroup) group = gtk_window_group_new ();

    gtk_window_group_add_window (group, GTK_WINDOW (self));
  }

  organisation_factory = awards_list_row_factory_new (AWARDS_TYPE_ORGANISATION);
  person_factory = awards_list_row_factory_new (AWARDS_TYPE_PERSON);
  decision_factory = awards_list_row_factory_new (AWARDS_TYPE_DECISION);
  awards_browse_view_set_factory (self->organisations_view, organisation_factory);
  awards_browse_view_set_factory (self->people_view, person_factory);
  awards_browse_view_set_factory (self->decisions_view, decision_factory);
  awards_decision_filter_bar_attach (AWARDS_DECISION_FILTER_BAR (awards_decision_filter_bar_new ()),
                                     self->decisions_view);

  self->settings = settings_new_if_installed ();
  if (self->settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "is-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }

  /* The split button's arrow has a tooltip but no name of its own. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->new_button));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_MENU_BUTTON (child))
      awards_gui_set_accessible_label_inside (child, _("New organisation or person"));

  for (guint i = 0; i < G_N_ELEMENTS (store_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), store_actions[i], FALSE);
  update_back_button_cb (self);
  awards_window_history_init (self);
}

static gboolean
reconnect_timeout_cb (gpointer data)
{
  AwardsWindow *self = data;

  awards_window_reconnect (self, TRUE);
  return G_SOURCE_CONTINUE;
}

/* Tries a lost server again every @seconds from the next loss on; 0 leaves it to the clerk's
 * Connect Again. */
void
awards_window_set_reconnect_interval (AwardsWindow *self,
                                      guint         seconds)
{
  g_return_if_fail (AWARDS_IS_WINDOW (self));

  self->reconnect_seconds = seconds;
  g_clear_handle_id (&self->reconnect_id, g_source_remove);
}

/* A database that may only be read (a reader's role, a server, a file on a CD) is shown with
 * every change switched off and a sentence saying why, instead of errors at every save. */
static void
update_read_only (AwardsWindow *self)
{
  g_autofree char *why = self->store != NULL ? awards_store_describe_read_only (self->store) : NULL;

  gboolean lost = self->store != NULL && awards_store_watch_lost_connection (self->store);

  /* A server that went away takes every change with it until the window connects again. */
  if (lost)
    {
      g_free (why);
      why = g_strdup (_("The connection to the database server was lost: what is shown may be "
                        "out of date, and nothing can be changed. The window connects again "
                        "as soon as the server answers."));
    }
  if (lost && self->reconnect_id == 0 && self->reconnect_seconds > 0)
    self->reconnect_id = g_timeout_add_seconds (self->reconnect_seconds, reconnect_timeout_cb,
                                                self);
  else if (!lost)
    g_clear_handle_id (&self->reconnect_id, g_source_remove);

  for (guint i = 0; i < G_N_ELEMENTS (write_actions); i++)
    {
      /* The actions of store_actions need a database as well. */
      gboolean needs_store = g_strv_contains ((const char * const *) store_actions,
                                              write_actions[i]);

      gtk_widget_action_set_enabled (GTK_WIDGET (self), write_actions[i],
                                     why == NULL && (self->store != NULL || !needs_store));
    }
  /* A reader opens the office profile to read it (the window says why it cannot change it). */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.preferences",
                                 self->store != NULL && !lost);
  gtk_label_set_text (self->read_only_label, why != NULL ? why : "");
  gtk_widget_set_visible (GTK_WIDGET (self->reconnect_button), lost);
  /* A reader's window offers no New button (its menu would hold three greyed items); a lost
   * server's keeps it, greyed, until the connection is back. */
  gtk_widget_set_visible (GTK_WIDGET (self->new_button),
                          self->store == NULL || !awards_store_is_read_only (self->store));
  gtk_revealer_set_reveal_child (self->read_only_bar, why != NULL);
}

gboolean
awards_window_is_read_only (AwardsWindow *self)
{
  g_return_val_if_fail (AWARDS_IS_WINDOW (self), FALSE);

  return self->store != NULL && awards_store_is_read_only (self->store);
}

/* "Coop Awards — awards.db", or the program's name alone without a database. */
static void
set_window_title (AwardsWindow *self,
                  const char   *database)
{
  g_autofree char *title = NULL;

  if (database == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Coop Awards"));
      return;
    }
  /* Translators: the window's title: the program's name, then the database it shows. */
  title = g_strdup_printf (_("Coop Awards — %s"), database);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

/**
 * awards_window_new:
 * @application: the application
 * @store: (nullable): the store to show
 *
 * Returns: (transfer full): a new window
 */
AwardsWindow *
awards_window_new (GtkApplication *application,
                   AwardsStore    *store)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (store == NULL || AWARDS_IS_STORE (store), NULL);

  return g_object_new (AWARDS_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

AwardsStore *
awards_window_get_store (AwardsWindow *self)
{
  g_return_val_if_fail (AWARDS_IS_WINDOW (self), NULL);

  return self->store;
}

/**
 * awards_window_set_store:
 * @self: a #AwardsWindow
 * @store: (nullable): the store to show
 *
 * Shows @store and remembers its file as the last database.
 */
void
awards_window_set_store (AwardsWindow *self,
                         AwardsStore  *store)
{
  g_autofree char *basename = NULL;
  gint64 shown[3] = { 0, 0, 0 };
  gboolean again;

  g_return_if_fail (AWARDS_IS_WINDOW (self));
  g_return_if_fail (store == NULL || AWARDS_IS_STORE (store));

  if (self->store == store)
    return;
  if (store != NULL)
    stop_retrying (self);

  /* The same database connected again: the records shown are shown again. */
  again = self->store != NULL && store != NULL &&
          g_strcmp0 (awards_store_get_path (self->store), awards_store_get_path (store)) == 0;
  if (again)
    {
      shown[0] = awards_organisation_page_get_organisation_id (self->organisation_page);
      shown[1] = awards_person_page_get_person_id (self->person_page);
      shown[2] = awards_decision_page_get_decision_id (self->decision_page);
    }
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);

  if (store != NULL)
    {
      g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self,
                               G_CONNECT_SWAPPED);
      if (g_object_get_data (G_OBJECT (self), "awards-restored-watch") == NULL)
        g_object_set_data_full (G_OBJECT (self), "awards-restored-watch",
                                GUINT_TO_POINTER (g_timeout_add_seconds (2, restored_watch_cb,
                                                                         self)),
                                remove_source);
      const char *path = awards_store_get_path (store);
      g_autofree char *shown = awards_db_name_for_display (path);

      /* A server is named by its address, without a password, which is never remembered. */
      basename = awards_db_name_is_server (path) ? g_strdup (shown) : g_path_get_basename (path);
      if (self->settings != NULL && g_strcmp0 (shown, path) == 0)
        g_settings_set_string (self->settings, "last-database", path);
    }

  /* Each section reads its list when it is first shown. */
  awards_browse_view_set_model (self->organisations_view, NULL);
  awards_browse_view_set_model (self->people_view, NULL);
  awards_browse_view_set_model (self->decisions_view, NULL);
  awards_decision_filter_bar_set_store (
    AWARDS_DECISION_FILTER_BAR (awards_browse_view_get_filter_bar (self->decisions_view)), store);
  ensure_section_model (self);

  awards_organisation_page_set_store (self->organisation_page, store);
  awards_person_page_set_store (self->person_page, store);
  awards_decision_page_set_store (self->decision_page, store);
  awards_reports_page_set_store (self->reports_page, store);
  awards_review_page_set_store (self->review_page, store);
  if (shown[0] > 0)
    awards_organisation_page_set_organisation_id (self->organisation_page, shown[0]);
  if (shown[1] > 0)
    awards_person_page_set_person_id (self->person_page, shown[1]);
  if (shown[2] > 0)
    awards_decision_page_set_decision_id (self->decision_page, shown[2]);

  for (guint i = 0; i < G_N_ELEMENTS (store_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), store_actions[i], store != NULL);
  update_read_only (self);

  adw_view_switcher_title_set_subtitle (self->switcher_title, basename);
  /* The header shows the subtitle only when narrow: the window list and Alt+Tab tell two
   * windows (two databases, or two roles on one server) apart by the window's title. */
  set_window_title (self, basename);
  gtk_stack_set_visible_child_name (self->main_stack, store != NULL ? "browse" : "error");
  update_back_button_cb (self);
  awards_window_history_update (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * awards_window_show_open_error:
 * @self: a #AwardsWindow
 * @path: the database that failed to open
 * @error: why
 *
 * Shows why the database could not be opened, with a button to open another.
 */
void
awards_window_show_open_error (AwardsWindow *self,
                               const char   *path,
                               const GError *error)
{
  g_autofree char *description = NULL;

  g_return_if_fail (AWARDS_IS_WINDOW (self));

  awards_window_set_store (self, NULL);
  stop_retrying (self);
  description = g_markup_printf_escaped ("%s\n%s", path ? path : "",
                                         error ? error->message : "");
  adw_status_page_set_description (self->error_page, description);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
}

/**
 * awards_window_show_open_error_retrying:
 * @self: a #AwardsWindow
 * @shown: the database, as it may be shown (no password)
 * @error: why it could not be opened
 * @path: the server's address, which is tried again
 *
 * As awards_window_show_open_error (), for a server: the window tries it again every five
 * seconds, and Try Again tries at once; the database is shown once it answers.
 */
void
awards_window_show_open_error_retrying (AwardsWindow *self,
                                        const char   *shown,
                                        const GError *error,
                                        const char   *path)
{
  g_autofree char *address = g_strdup (path);

  g_return_if_fail (AWARDS_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  awards_window_show_open_error (self, shown, error);
  self->retry_path = g_steal_pointer (&address);
  gtk_widget_set_visible (GTK_WIDGET (self->retry_button), TRUE);
  if (self->retry_id == 0 && self->reconnect_seconds > 0)
    self->retry_id = g_timeout_add_seconds (self->reconnect_seconds, retry_timeout_cb, self);
}

/**
 * awards_window_show_connecting:
 * @self: a #AwardsWindow without a store
 * @shown: the database being opened, as it may be shown (no password)
 *
 * Says that the database is being opened, until awards_window_set_store () or
 * awards_window_show_open_error (): a server may take seconds to answer, or not answer.
 */
void
awards_window_show_connecting (AwardsWindow *self,
                               const char   *shown)
{
  g_autofree char *description = NULL;

  g_return_if_fail (AWARDS_IS_WINDOW (self));

  awards_window_set_store (self, NULL);
  /* The description is markup, and an address holds ampersands. */
  description = g_markup_escape_text (shown, -1);
  adw_status_page_set_description (self->connecting_page, description);
  adw_view_switcher_title_set_subtitle (self->switcher_title, shown);
  set_window_title (self, shown);
  gtk_stack_set_visible_child_name (self->main_stack, "connecting");
}

void
awards_window_show_organisation (AwardsWindow *self,
                                 gint64        id)
{
  g_return_if_fail (AWARDS_IS_WINDOW (self));

  adw_view_stack_set_visible_child_name (self->view_stack, "organisations");
  awards_organisation_page_set_organisation_id (self->organisation_page, id);
  awards_browse_view_show_content (self->organisations_view);
}

void
awards_window_show_person (AwardsWindow *self,
                           gint64        id)
{
  g_return_if_fail (AWARDS_IS_WINDOW (self));

  adw_view_stack_set_visible_child_name (self->view_stack, "people");
  awards_person_page_set_person_id (self->person_page, id);
  awards_browse_view_show_content (self->people_view);
}

void
awards_window_show_decision (AwardsWindow *self,
                             gint64        id)
{
  g_return_if_fail (AWARDS_IS_WINDOW (self));

  adw_view_stack_set_visible_child_name (self->view_stack, "decisions");
  awards_decision_page_set_decision_id (self->decision_page, id);
  awards_browse_view_show_content (self->decisions_view);
}

/**
 * awards_window_get_browse_view:
 * @self: a #AwardsWindow
 * @section: "organisations", "people" or "decisions"
 *
 * Returns: (transfer none): the section's view
 */
AwardsBrowseView *
awards_window_get_browse_view (AwardsWindow *self,
                               const char   *section)
{
  g_return_val_if_fail (AWARDS_IS_WINDOW (self), NULL);

  if (g_strcmp0 (section, "people") == 0)
    return self->people_view;
  if (g_strcmp0 (section, "decisions") == 0)
    return self->decisions_view;

  return self->organisations_view;
}

/**
 * awards_window_get_detail_page:
 * @self: a #AwardsWindow
 * @section: "organisations", "people" or "decisions"
 *
 * Returns: (transfer none): the section's details page
 */
GtkWidget *
awards_window_get_detail_page (AwardsWindow *self,
                               const char   *section)
{
  g_return_val_if_fail (AWARDS_IS_WINDOW (self), NULL);

  if (g_strcmp0 (section, "people") == 0)
    return GTK_WIDGET (self->person_page);
  if (g_strcmp0 (section, "decisions") == 0)
    return GTK_WIDGET (self->decision_page);
  if (g_strcmp0 (section, "reports") == 0)
    return GTK_WIDGET (self->reports_page);

  return GTK_WIDGET (self->organisation_page);
}

/**
 * awards_window_get_editor:
 * @self: a #AwardsWindow
 *
 * Returns: (transfer none) (nullable): the editor or dialog opened last, while it is open
 */
GtkWindow *
awards_window_get_editor (AwardsWindow *self)
{
  g_return_val_if_fail (AWARDS_IS_WINDOW (self), NULL);

  return self->editor;
}

/**
 * awards_window_get_last_toast:
 * @self: a #AwardsWindow
 *
 * Returns: (transfer none) (nullable): the toast shown last, while it is shown
 */
AdwToast *
awards_window_get_last_toast (AwardsWindow *self)
{
  g_return_val_if_fail (AWARDS_IS_WINDOW (self), NULL);

  return self->last_toast;
}
