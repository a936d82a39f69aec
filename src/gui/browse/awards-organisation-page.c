/* awards-organisation-page.c: the details of one organisation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "awards-commendation-list.h"
#include "awards-review-data-box.h"
#include "awards-gui-utils.h"
#include "awards-store-async.h"
#include "awards-list-models.h"
#include "awards-list-row.h"
#include "awards-organisation-page.h"

/**
 * AwardsOrganisationPage:
 *
 * An organisation: its kind, parent, address and former names, then three lists: the awards
 * to the organisation itself, the awards to people while they belonged to it, and its people.
 */

struct _AwardsOrganisationPage
{
  AdwBin                  parent_instance;

  AwardsStore            *store;
  gint64                  organisation_id;
  GCancellable           *loading;        /* the record being read */
  gboolean                reload_lists;   /* read the lists again once it is in */
  AwardsPagedModel       *own_model;
  AwardsPagedModel       *members_model;
  AwardsPagedModel       *people_model;
  GtkSingleSelection     *people_selection;

  GtkStack               *stack;
  GtkLabel               *name_label;
  GtkButton              *edit_button;
  GtkButton              *delete_button;
  GtkLabel               *kind_label;
  GtkLabel               *address_label;
  GtkLabel               *former_names_label;
  GtkStackPage           *own_stack_page;
  GtkStackPage           *members_stack_page;
  GtkStackPage           *people_stack_page;
  AwardsCommendationList *own_list;
  AwardsReviewDataBox    *review_data;
  AwardsCommendationList *members_list;
  GtkStack               *people_stack;
  GtkListView            *people_view;
};

G_DEFINE_FINAL_TYPE (AwardsOrganisationPage, awards_organisation_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_ORGANISATION_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_titles (AwardsOrganisationPage *self)
{
  guint n_own = self->own_model ? g_list_model_get_n_items (G_LIST_MODEL (self->own_model)) : 0;
  guint n_members =
    self->members_model ? g_list_model_get_n_items (G_LIST_MODEL (self->members_model)) : 0;
  guint n_people =
    self->people_model ? g_list_model_get_n_items (G_LIST_MODEL (self->people_model)) : 0;
  g_autofree char *own = NULL;
  g_autofree char *members = NULL;
  g_autofree char *people = NULL;

  /* Translators: a tab title with the number of items in it. */
  own = g_strdup_printf (_("Awards (%u)"), n_own);
  members = g_strdup_printf (_("Members’ Awards (%u)"), n_members);
  people = g_strdup_printf (_("People (%u)"), n_people);

  gtk_stack_page_set_title (self->own_stack_page, own);
  gtk_stack_page_set_title (self->members_stack_page, members);
  gtk_stack_page_set_title (self->people_stack_page, people);
  gtk_stack_set_visible_child_name (self->people_stack, n_people > 0 ? "list" : "empty");
}

static void
models_changed_cb (AwardsOrganisationPage *self)
{
  update_titles (self);
}

static void
person_activate_cb (AwardsOrganisationPage *self,
                    guint                   position)
{
  g_autoptr (AwardsPerson) person = NULL;

  if (self->people_model == NULL)
    return;

  person = g_list_model_get_item (G_LIST_MODEL (self->people_model), position);
  if (person != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-person", "x",
                                awards_person_get_id (person));
}

static void
clear_models (AwardsOrganisationPage *self)
{
  if (self->own_model != NULL)
    g_signal_handlers_disconnect_by_data (self->own_model, self);
  if (self->members_model != NULL)
    g_signal_handlers_disconnect_by_data (self->members_model, self);
  if (self->people_model != NULL)
    g_signal_handlers_disconnect_by_data (self->people_model, self);

  g_clear_object (&self->own_model);
  g_clear_object (&self->members_model);
  g_clear_object (&self->people_model);
}

static void
create_models (AwardsOrganisationPage *self)
{
  AwardsQuery query;

  clear_models (self);

  if (self->store == NULL || self->organisation_id <= 0)
    return;

  awards_query_init (&query);
  query.organisation_id = self->organisation_id;
  query.recipient_kind = AWARDS_RECIPIENT_KIND_COLLECTIVE;
  self->own_model = awards_list_model_new_commendations (self->store, &query,
                                                         AWARDS_ORDER_NEWEST_FIRST);
  awards_paged_model_set_async (self->own_model, TRUE);

  awards_query_init (&query);
  query.organisation_id = self->organisation_id;
  query.with_members = TRUE;
  query.recipient_kind = AWARDS_RECIPIENT_KIND_INDIVIDUAL;
  self->members_model = awards_list_model_new_commendations (self->store, &query,
                                                             AWARDS_ORDER_NEWEST_FIRST);
  awards_paged_model_set_async (self->members_model, TRUE);

  self->people_model = awards_list_model_new_people (self->store, self->organisation_id);

  g_signal_connect_object (self->own_model, "items-changed",
                           G_CALLBACK (models_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->members_model, "items-changed",
                           G_CALLBACK (models_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->people_model, "items-changed",
                           G_CALLBACK (models_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
show_header (AwardsOrganisationPage *self,
             AwardsOrganisation     *organisation)
{
  GString *kind = g_string_new (awards_organisation_kind_get_label (
                                  awards_organisation_get_kind (organisation)));
  GString *address = g_string_new (NULL);
  const char * const *former = awards_organisation_get_former_names (organisation);
  const char *parent = awards_organisation_get_parent_name (organisation);
  const char *text;
  g_autofree char *former_text = NULL;
  g_autofree char *kind_text = NULL;
  g_autofree char *address_text = NULL;

  gtk_label_set_label (self->name_label, awards_organisation_get_name (organisation));

  if (parent != NULL && parent[0] != '\0')
    /* Translators: "Cooperative · member of Liên minh HTX thành phố Hải Phòng". */
    g_string_append_printf (kind, _(" · member of %s"), parent);
  text = awards_organisation_get_sector (organisation);
  if (text != NULL && text[0] != '\0')
    g_string_append_printf (kind, " · %s", text);
  text = awards_organisation_get_tax_code (organisation);
  if (text != NULL && text[0] != '\0')
    g_string_append_printf (kind, _(" · tax code %s"), text);
  kind_text = g_string_free (kind, FALSE);
  awards_gui_set_label_or_hide (self->kind_label, kind_text);

  text = awards_organisation_get_address (organisation);
  if (text != NULL && text[0] != '\0')
    g_string_append (address, text);
  text = awards_organisation_get_district (organisation);
  if (text != NULL && text[0] != '\0')
    g_string_append_printf (address, "%s%s", address->len > 0 ? ", " : "", text);
  address_text = g_string_free (address, FALSE);
  awards_gui_set_label_or_hide (self->address_label, address_text);

  if (former != NULL && former[0] != NULL)
    {
      g_autofree char *names = g_strjoinv ("; ", (char **) former);

      former_text = g_strdup_printf (_("Formerly: %s"), names);
    }
  awards_gui_set_label_or_hide (self->former_names_label, former_text);

  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->edit_button), "x",
                                    awards_organisation_get_id (organisation));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->delete_button), "x",
                                    awards_organisation_get_id (organisation));
}

static void
organisation_read_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr (AwardsOrganisationPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (AwardsOrganisation) organisation = NULL;

  organisation = awards_store_get_organisation_finish (AWARDS_STORE (source), result,
                                                       &error);

  /* Cancelled: the page went, or asked for another record since. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->loading);

  if (organisation == NULL)
    {
      self->reload_lists = FALSE;
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  show_header (self, organisation);
  awards_review_data_box_set_recipient (self->review_data, self->store,
                                        AWARDS_RECIPIENT_KIND_COLLECTIVE, self->organisation_id);
  update_titles (self);
  gtk_stack_set_visible_child_name (self->stack, "details");
  if (self->reload_lists && self->own_model != NULL)
    {
      awards_paged_model_reload (self->own_model, NULL);
      awards_paged_model_reload (self->members_model, NULL);
      awards_paged_model_reload (self->people_model, NULL);
    }
  self->reload_lists = FALSE;
}

/*
 * Reads the record on the store's threads and shows its header when it is in (or the empty
 * page if it is gone), so that the window does not wait for the database; @reload_lists reads
 * its lists again too, once the record is known to be there.
 */
static void
load_organisation (AwardsOrganisationPage *self,
                   gboolean                reload_lists)
{
  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  self->reload_lists = self->reload_lists || reload_lists;

  if (self->store == NULL || self->organisation_id <= 0)
    {
      self->reload_lists = FALSE;
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  self->loading = g_cancellable_new ();
  awards_store_get_organisation_async (self->store, self->organisation_id, self->loading,
                                       organisation_read_cb, g_object_ref (self));
}

static void
apply_models (AwardsOrganisationPage *self)
{
  create_models (self);
  awards_commendation_list_set_model (self->own_list, G_LIST_MODEL (self->own_model));
  awards_commendation_list_set_model (self->members_list, G_LIST_MODEL (self->members_model));
  gtk_single_selection_set_model (self->people_selection, G_LIST_MODEL (self->people_model));
}

/**
 * awards_organisation_page_reload:
 * @self: a #AwardsOrganisationPage
 *
 * Reads the organisation and its lists again, after the data changed.
 */
void
awards_organisation_page_reload (AwardsOrganisationPage *self)
{
  g_return_if_fail (AWARDS_IS_ORGANISATION_PAGE (self));

  load_organisation (self, TRUE);
}

static void
awards_organisation_page_dispose (GObject *object)
{
  AwardsOrganisationPage *self = AWARDS_ORGANISATION_PAGE (object);

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  clear_models (self);
  g_clear_object (&self->people_selection);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (awards_organisation_page_parent_class)->dispose (object);
}

static void
awards_organisation_page_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  AwardsOrganisationPage *self = AWARDS_ORGANISATION_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_ORGANISATION_ID:
      g_value_set_int64 (value, self->organisation_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awards_organisation_page_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  AwardsOrganisationPage *self = AWARDS_ORGANISATION_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      awards_organisation_page_set_store (self, g_value_get_object (value));
      break;

    case PROP_ORGANISATION_ID:
      awards_organisation_page_set_organisation_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awards_organisation_page_class_init (AwardsOrganisationPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = awards_organisation_page_dispose;
  object_class->get_property = awards_organisation_page_get_property;
  object_class->set_property = awards_organisation_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         AWARDS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ORGANISATION_ID] =
    g_param_spec_int64 ("organisation-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (AWARDS_TYPE_COMMENDATION_LIST);
  g_type_ensure (AWARDS_TYPE_REVIEW_DATA_BOX);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/coopawards/CoopAwards/ui/"
                                               "awards-organisation-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AwardsOrganisationPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AwardsOrganisationPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, AwardsOrganisationPage, edit_button);
  gtk_widget_class_bind_template_child (widget_class, AwardsOrganisationPage, delete_button);
  gtk_widget_class_bind_template_child (widget_class, AwardsOrganisationPage, kind_label);
  gtk_widget_class_bind_template_child (widget_class, AwardsOrganisationPage, address_label);
  gtk_widget_class_bind_template_child (widget_class, AwardsOrganisationPage,
                                        former_names_label);
  gtk_widget_class_bind_template_child (widget_class, AwardsOrganisationPage, own_stack_page);
  gtk_widget_class_bind_template_child (widget_class, AwardsOrganisationPage,
                                        members_stack_page);
  gtk_widget_class_bind_template_child (widget_class, AwardsOrganisationPage,
                                        people_stack_page);
  gtk_widget_class_bind_template_child (widget_class, AwardsOrganisationPage, own_list);
  gtk_widget_class_bind_template_child (widget_class, AwardsOrganisationPage, review_data);
  gtk_widget_class_bind_template_child (widget_class, AwardsOrganisationPage, members_list);
  gtk_widget_class_bind_template_child (widget_class, AwardsOrganisationPage, people_stack);
  gtk_widget_class_bind_template_child (widget_class, AwardsOrganisationPage, people_view);
  gtk_widget_class_bind_template_callback (widget_class, person_activate_cb);
}

static void
awards_organisation_page_init (AwardsOrganisationPage *self)
{
  g_autoptr (GtkListItemFactory) factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  factory = awards_list_row_factory_new (AWARDS_TYPE_PERSON);
  gtk_list_view_set_factory (self->people_view, factory);
  self->people_selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->people_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->people_selection, TRUE);
  gtk_list_view_set_model (self->people_view, GTK_SELECTION_MODEL (self->people_selection));
}

AwardsStore *
awards_organisation_page_get_store (AwardsOrganisationPage *self)
{
  g_return_val_if_fail (AWARDS_IS_ORGANISATION_PAGE (self), NULL);

  return self->store;
}

void
awards_organisation_page_set_store (AwardsOrganisationPage *self,
                                    AwardsStore            *store)
{
  g_return_if_fail (AWARDS_IS_ORGANISATION_PAGE (self));
  g_return_if_fail (store == NULL || AWARDS_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  self->organisation_id = 0;
  apply_models (self);
  load_organisation (self, FALSE);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

gint64
awards_organisation_page_get_organisation_id (AwardsOrganisationPage *self)
{
  g_return_val_if_fail (AWARDS_IS_ORGANISATION_PAGE (self), 0);

  return self->organisation_id;
}

/**
 * awards_organisation_page_set_organisation_id:
 * @self: a #AwardsOrganisationPage
 * @id: the organisation to show, or 0 for none
 */
void
awards_organisation_page_set_organisation_id (AwardsOrganisationPage *self,
                                              gint64                  id)
{
  g_return_if_fail (AWARDS_IS_ORGANISATION_PAGE (self));

  if (self->organisation_id == id)
    return;

  self->organisation_id = id;
  apply_models (self);
  load_organisation (self, FALSE);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANISATION_ID]);
}
