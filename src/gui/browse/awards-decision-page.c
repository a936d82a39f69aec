/* awards-decision-page.c: the details of one decision
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "awards-certificate-print.h"
#include "awards-commendation-list.h"
#include "awards-decision-page.h"
#include "awards-gui-utils.h"
#include "awards-store-async.h"
#include "awards-store-open.h"
#include "awards-list-models.h"

/**
 * AwardsDecisionPage:
 *
 * A decision: its number, date, authority, signer and occasion, and its recipients in the
 * order of its printed annex (collectives first, then individuals, by award, then as entered).
 * Its Edit button opens the whole decision in the editor ("win.edit-decision").
 */

struct _AwardsDecisionPage
{
  AdwBin                  parent_instance;

  AwardsStore            *store;
  gint64                  decision_id;
  AdwStatusPage          *empty_page;
  GCancellable           *loading;        /* the record being read */
  gboolean                reload_lists;   /* read the lists again once it is in */
  AwardsPagedModel       *recipients_model;

  GtkStack               *stack;
  GtkLabel               *title_label;
  GtkButton              *edit_button;
  GtkLabel               *authority_label;
  GtkLabel               *signer_label;
  GtkLabel               *occasion_label;
  GtkLabel               *count_label;
  AwardsCommendationList *recipients_list;
};

G_DEFINE_FINAL_TYPE (AwardsDecisionPage, awards_decision_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_DECISION_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_count (AwardsDecisionPage *self)
{
  guint n = self->recipients_model
            ? g_list_model_get_n_items (G_LIST_MODEL (self->recipients_model)) : 0;
  g_autofree char *text = NULL;

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u recipient", "%u recipients", n), n);
  gtk_label_set_label (self->count_label, text);
}

static void
apply_model (AwardsDecisionPage *self)
{
  AwardsQuery query;

  if (self->recipients_model != NULL)
    g_signal_handlers_disconnect_by_data (self->recipients_model, self);
  g_clear_object (&self->recipients_model);

  if (self->store != NULL && self->decision_id > 0)
    {
      awards_query_init (&query);
      query.decision_id = self->decision_id;
      self->recipients_model = awards_list_model_new_commendations (self->store, &query,
                                                                    AWARDS_ORDER_DECISION);
      awards_paged_model_set_async (self->recipients_model, TRUE);
      g_signal_connect_object (self->recipients_model, "items-changed",
                               G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
    }

  awards_commendation_list_set_model (self->recipients_list,
                                      G_LIST_MODEL (self->recipients_model));
}

static void
show_header (AwardsDecisionPage *self,
             AwardsDecision     *decision)
{
  g_autofree char *date = awards_gui_format_date (awards_decision_get_date (decision));
  g_autofree char *title = NULL;
  g_autofree char *signer = NULL;
  const char *number = awards_decision_get_number (decision);
  const char *signer_name = awards_decision_get_signer_name (decision);
  const char *signer_title = awards_decision_get_signer_title (decision);
  const char *occasion = awards_decision_get_occasion (decision);

  if (number != NULL && number[0] != '\0')
    /* Translators: "Decision 1234/QĐ-UBND of 28/12/2011". */
    title = g_strdup_printf (_("Decision %s of %s"), number, date);
  else
    title = g_strdup_printf (_("Decision of %s"), date);
  gtk_label_set_label (self->title_label, title);

  awards_gui_set_label_or_hide (self->authority_label,
                                awards_decision_get_authority_name (decision));

  if (signer_name != NULL && signer_title != NULL)
    /* Translators: the signer's name and title. */
    signer = g_strdup_printf (_("Signed by %s, %s"), signer_name, signer_title);
  else if (signer_name != NULL)
    signer = g_strdup_printf (_("Signed by %s"), signer_name);
  awards_gui_set_label_or_hide (self->signer_label, signer);

  awards_gui_set_label_or_hide (self->occasion_label, occasion);
  update_count (self);

  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->edit_button), "x",
                                    awards_decision_get_id (decision));
}

static void
decision_read_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr (AwardsDecisionPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (AwardsDecision) decision = NULL;

  decision = awards_store_get_decision_finish (AWARDS_STORE (source), result, &error);

  /* Cancelled: the page went, or asked for another record since. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->loading);

  if (decision == NULL)
    {
      self->reload_lists = FALSE;
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  show_header (self, decision);
  gtk_stack_set_visible_child_name (self->stack, "details");
  if (self->reload_lists && self->recipients_model != NULL)
    awards_paged_model_reload (self->recipients_model, NULL);
  self->reload_lists = FALSE;
}

/*
 * Reads the record on the store's threads and shows its header when it is in (or the empty
 * page if it is gone), so that the window does not wait for the database; @reload_lists reads
 * its lists again too, once the record is known to be there.
 */
static void
load_decision (AwardsDecisionPage *self,
               gboolean            reload_lists)
{
  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  self->reload_lists = self->reload_lists || reload_lists;

  if (self->store == NULL || self->decision_id <= 0)
    {
      self->reload_lists = FALSE;
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  self->loading = g_cancellable_new ();
  awards_store_get_decision_async (self->store, self->decision_id, self->loading, decision_read_cb,
                                   g_object_ref (self));
}

/**
 * awards_decision_page_reload:
 * @self: a #AwardsDecisionPage
 *
 * Reads the decision and its recipients again, after the data changed.
 */
void
awards_decision_page_reload (AwardsDecisionPage *self)
{
  g_return_if_fail (AWARDS_IS_DECISION_PAGE (self));

  load_decision (self, TRUE);
}

static void
awards_decision_page_dispose (GObject *object)
{
  AwardsDecisionPage *self = AWARDS_DECISION_PAGE (object);

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  if (self->recipients_model != NULL)
    g_signal_handlers_disconnect_by_data (self->recipients_model, self);
  g_clear_object (&self->recipients_model);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (awards_decision_page_parent_class)->dispose (object);
}

static void
awards_decision_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AwardsDecisionPage *self = AWARDS_DECISION_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_DECISION_ID:
      g_value_set_int64 (value, self->decision_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awards_decision_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  AwardsDecisionPage *self = AWARDS_DECISION_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      awards_decision_page_set_store (self, g_value_get_object (value));
      break;

    case PROP_DECISION_ID:
      awards_decision_page_set_decision_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* "Print Certificates": every recipient, the selected one, or a test print with the blank's
 * picture, in the annex's order (issue 12). */
static void
print_certificates_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  AwardsDecisionPage *self = AWARDS_DECISION_PAGE (widget);
  const char *which = parameter != NULL ? g_variant_get_string (parameter, NULL) : "test";
  g_autoptr (GArray) ids = NULL;
  g_autoptr (GPtrArray) templates = NULL;
  g_autoptr (GPtrArray) data = NULL;
  g_autoptr (GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->store == NULL || self->decision_id <= 0)
    return;

  if (g_str_equal (which, "selected"))
    {
      GtkColumnView *view = awards_commendation_list_get_column_view (self->recipients_list);
      GtkSelectionModel *selection = gtk_column_view_get_model (view);
      gpointer item = GTK_IS_SINGLE_SELECTION (selection)
                        ? gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (selection))
                        : NULL;
      gint64 id;

      if (!AWARDS_IS_COMMENDATION (item))
        return;
      id = awards_commendation_get_id (item);
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_val (ids, id);
    }

  if (!awards_certificate_print_collect (self->store, self->decision_id, ids, &templates, &data,
                                         &error) ||
      !awards_certificate_print (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store,
                                 templates, data,
                                 g_str_equal (which, "test") ? AWARDS_CERTIFICATE_PRINT_TEST
                                                             : AWARDS_CERTIFICATE_PRINT_FINAL,
                                 NULL, &error))
    awards_gui_show_error (widget, _("Could not print the certificates"), error);
}

static void
awards_decision_page_class_init (AwardsDecisionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = awards_decision_page_dispose;
  object_class->get_property = awards_decision_page_get_property;
  object_class->set_property = awards_decision_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         AWARDS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DECISION_ID] =
    g_param_spec_int64 ("decision-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (AWARDS_TYPE_COMMENDATION_LIST);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/coopawards/CoopAwards/ui/"
                                               "awards-decision-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AwardsDecisionPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AwardsDecisionPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, AwardsDecisionPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, AwardsDecisionPage, edit_button);
  gtk_widget_class_bind_template_child (widget_class, AwardsDecisionPage, authority_label);
  gtk_widget_class_bind_template_child (widget_class, AwardsDecisionPage, signer_label);
  gtk_widget_class_bind_template_child (widget_class, AwardsDecisionPage, occasion_label);
  gtk_widget_class_bind_template_child (widget_class, AwardsDecisionPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, AwardsDecisionPage, recipients_list);
  /* Final prints record their register numbers; a test print writes nothing, and a database
   * that may only be read keeps it. */
  gtk_widget_class_install_action (widget_class, "decision.print-certificates", "s",
                                   print_certificates_action);
  gtk_widget_class_install_action (widget_class, "decision.test-print-certificates", NULL,
                                   print_certificates_action);
}

static void
awards_decision_page_init (AwardsDecisionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* "Edit" alone would not say what it edits to a screen reader. */
  g_object_set_data_full (G_OBJECT (self->edit_button), "awards-accessible-label",
                          g_strdup (_("Edit Decision")), g_free);
}

AwardsStore *
awards_decision_page_get_store (AwardsDecisionPage *self)
{
  g_return_val_if_fail (AWARDS_IS_DECISION_PAGE (self), NULL);

  return self->store;
}

void
awards_decision_page_set_store (AwardsDecisionPage *self,
                                AwardsStore        *store)
{
  g_return_if_fail (AWARDS_IS_DECISION_PAGE (self));
  g_return_if_fail (store == NULL || AWARDS_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  self->decision_id = 0;
  apply_model (self);
  load_decision (self, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "decision.print-certificates",
                                 store == NULL || !awards_store_is_read_only (store));
  /* A database that may only be read offers no new decision. */
  adw_status_page_set_description (
    self->empty_page,
    store != NULL && awards_store_is_read_only (store)
      ? _("Choose a decision in the list to see its recipients.")
      : _("Choose a decision in the list to see its recipients, or press Ctrl+N to enter a new "
          "one."));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

gint64
awards_decision_page_get_decision_id (AwardsDecisionPage *self)
{
  g_return_val_if_fail (AWARDS_IS_DECISION_PAGE (self), 0);

  return self->decision_id;
}

/**
 * awards_decision_page_set_decision_id:
 * @self: a #AwardsDecisionPage
 * @id: the decision to show, or 0 for none
 */
void
awards_decision_page_set_decision_id (AwardsDecisionPage *self,
                                      gint64              id)
{
  g_return_if_fail (AWARDS_IS_DECISION_PAGE (self));

  if (self->decision_id == id)
    return;

  self->decision_id = id;
  apply_model (self);
  load_decision (self, FALSE);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DECISION_ID]);
}
