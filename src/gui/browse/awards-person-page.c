/* awards-person-page.c: the details of one person
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
#include "awards-person-page.h"

/**
 * AwardsPersonPage:
 *
 * A person and the whole history of their awards, with the organisation and position they had
 * at the time of each.
 */

struct _AwardsPersonPage
{
  AdwBin                  parent_instance;

  AwardsStore            *store;
  gint64                  person_id;
  GCancellable           *loading;        /* the record being read */
  gboolean                reload_lists;   /* read the lists again once it is in */
  AwardsPagedModel       *history_model;

  GtkStack               *stack;
  GtkLabel               *name_label;
  GtkButton              *edit_button;
  GtkButton              *delete_button;
  GtkLabel               *details_label;
  GtkButton              *organisation_button;
  AwardsCommendationList *history_list;
  AwardsReviewDataBox    *review_data;
};

G_DEFINE_FINAL_TYPE (AwardsPersonPage, awards_person_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_PERSON_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
apply_model (AwardsPersonPage *self)
{
  AwardsQuery query;

  g_clear_object (&self->history_model);

  if (self->store != NULL && self->person_id > 0)
    {
      awards_query_init (&query);
      query.person_id = self->person_id;
      self->history_model = awards_list_model_new_commendations (self->store, &query,
                                                                 AWARDS_ORDER_NEWEST_FIRST);
      awards_paged_model_set_async (self->history_model, TRUE);
    }

  awards_commendation_list_set_model (self->history_list, G_LIST_MODEL (self->history_model));
}

static void
show_header (AwardsPersonPage *self,
             AwardsPerson     *person)
{
  g_autoptr (GString) details = g_string_new (NULL);
  g_autofree char *organisation_text = NULL;
  const char *gender = awards_gender_get_label (awards_person_get_gender (person));
  const char *position = awards_person_get_position (person);
  const char *organisation = awards_person_get_organisation_name (person);
  guint n_awards = awards_person_get_award_count (person);

  gtk_label_set_label (self->name_label, awards_person_get_full_name (person));

  if (gender[0] != '\0')
    g_string_append (details, gender);
  if (awards_person_get_birth_year (person) > 0)
    {
      if (details->len > 0)
        g_string_append (details, " · ");
      g_string_append_printf (details, _("born %d"), awards_person_get_birth_year (person));
    }
  if (details->len > 0)
    g_string_append (details, " · ");
  g_string_append_printf (details,
                          g_dngettext (GETTEXT_PACKAGE, "%u award", "%u awards", n_awards),
                          n_awards);
  awards_gui_set_label_or_hide (self->details_label, details->str);

  if (organisation != NULL && position != NULL && position[0] != '\0')
    /* Translators: a person's position and organisation, "Chủ nhiệm, HTX Bạch Đằng". */
    organisation_text = g_strdup_printf (_("%s, %s"), position, organisation);
  else if (organisation != NULL)
    organisation_text = g_strdup (organisation);
  else if (position != NULL)
    organisation_text = g_strdup (position);

  gtk_button_set_label (self->organisation_button, organisation_text ? organisation_text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->organisation_button), organisation_text != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->organisation_button),
                            awards_person_get_organisation_id (person) > 0);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->organisation_button), "x",
                                    awards_person_get_organisation_id (person));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->edit_button), "x",
                                    awards_person_get_id (person));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->delete_button), "x",
                                    awards_person_get_id (person));
}

static void
person_read_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (AwardsPersonPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (AwardsPerson) person = NULL;

  person = awards_store_get_person_finish (AWARDS_STORE (source), result, &error);

  /* Cancelled: the page went, or asked for another record since. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->loading);

  if (person == NULL)
    {
      self->reload_lists = FALSE;
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  show_header (self, person);
  awards_review_data_box_set_recipient (self->review_data, self->store,
                                        AWARDS_RECIPIENT_KIND_INDIVIDUAL, self->person_id);
  gtk_stack_set_visible_child_name (self->stack, "details");
  if (self->reload_lists && self->history_model != NULL)
    awards_paged_model_reload (self->history_model, NULL);
  self->reload_lists = FALSE;
}

/*
 * Reads the record on the store's threads and shows its header when it is in (or the empty
 * page if it is gone), so that the window does not wait for the database; @reload_lists reads
 * its lists again too, once the record is known to be there.
 */
static void
load_person (AwardsPersonPage *self,
             gboolean          reload_lists)
{
  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  self->reload_lists = self->reload_lists || reload_lists;

  if (self->store == NULL || self->person_id <= 0)
    {
      self->reload_lists = FALSE;
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  self->loading = g_cancellable_new ();
  awards_store_get_person_async (self->store, self->person_id, self->loading, person_read_cb,
                                 g_object_ref (self));
}

/**
 * awards_person_page_reload:
 * @self: a #AwardsPersonPage
 *
 * Reads the person and their awards again, after the data changed.
 */
void
awards_person_page_reload (AwardsPersonPage *self)
{
  g_return_if_fail (AWARDS_IS_PERSON_PAGE (self));

  load_person (self, TRUE);
}

static void
awards_person_page_dispose (GObject *object)
{
  AwardsPersonPage *self = AWARDS_PERSON_PAGE (object);

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_object (&self->history_model);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (awards_person_page_parent_class)->dispose (object);
}

static void
awards_person_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AwardsPersonPage *self = AWARDS_PERSON_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awards_person_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AwardsPersonPage *self = AWARDS_PERSON_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      awards_person_page_set_store (self, g_value_get_object (value));
      break;

    case PROP_PERSON_ID:
      awards_person_page_set_person_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awards_person_page_class_init (AwardsPersonPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = awards_person_page_dispose;
  object_class->get_property = awards_person_page_get_property;
  object_class->set_property = awards_person_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         AWARDS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (AWARDS_TYPE_COMMENDATION_LIST);
  g_type_ensure (AWARDS_TYPE_REVIEW_DATA_BOX);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/coopawards/CoopAwards/ui/"
                                               "awards-person-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AwardsPersonPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AwardsPersonPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, AwardsPersonPage, edit_button);
  gtk_widget_class_bind_template_child (widget_class, AwardsPersonPage, delete_button);
  gtk_widget_class_bind_template_child (widget_class, AwardsPersonPage, details_label);
  gtk_widget_class_bind_template_child (widget_class, AwardsPersonPage, organisation_button);
  gtk_widget_class_bind_template_child (widget_class, AwardsPersonPage, history_list);
  gtk_widget_class_bind_template_child (widget_class, AwardsPersonPage, review_data);
}

static void
awards_person_page_init (AwardsPersonPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

AwardsStore *
awards_person_page_get_store (AwardsPersonPage *self)
{
  g_return_val_if_fail (AWARDS_IS_PERSON_PAGE (self), NULL);

  return self->store;
}

void
awards_person_page_set_store (AwardsPersonPage *self,
                              AwardsStore      *store)
{
  g_return_if_fail (AWARDS_IS_PERSON_PAGE (self));
  g_return_if_fail (store == NULL || AWARDS_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  self->person_id = 0;
  apply_model (self);
  load_person (self, FALSE);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

gint64
awards_person_page_get_person_id (AwardsPersonPage *self)
{
  g_return_val_if_fail (AWARDS_IS_PERSON_PAGE (self), 0);

  return self->person_id;
}

/**
 * awards_person_page_set_person_id:
 * @self: a #AwardsPersonPage
 * @id: the person to show, or 0 for none
 */
void
awards_person_page_set_person_id (AwardsPersonPage *self,
                                  gint64            id)
{
  g_return_if_fail (AWARDS_IS_PERSON_PAGE (self));

  if (self->person_id == id)
    return;

  self->person_id = id;
  apply_model (self);
  load_person (self, FALSE);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_ID]);
}
