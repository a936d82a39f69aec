/* awards-decision-form.c: the state of the decision editor, without GTK (what it finds wrong:
 * awards-decision-form-checks.c; rows pasted from a spreadsheet: awards-pasted-rows.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "awards-catalogue.h"
#include "awards-date.h"
#include "awards-date-check.h"
#include "awards-name-guard.h"
#include "awards-decision-form-private.h"
#include "awards-pasted-rows.h"
#include "awards-text.h"

/**
 * AwardsDecisionForm:
 *
 * Everything the decision editor shows, as plain data: the header fields as typed, the
 * recipient rows, and after every change the message each field and each row should show.
 *
 * Messages about a field that is merely still empty wait until the user has typed into that
 * field or has tried to save; messages about something wrong (a bad date, an award that a
 * collective cannot receive, a recipient listed twice, a number already used) show at once.
 *
 * A form is empty for a new decision, or filled by awards_decision_form_load() to edit a saved
 * one: then saving rewrites that decision, updating the awards whose rows are still there,
 * deleting those whose rows were removed and adding the new rows.
 */

static void
row_suggestion_free (gpointer data)
{
  RowSuggestion *suggestion = data;

  g_free (suggestion->name);
  g_free (suggestion);
}

G_DEFINE_FINAL_TYPE (AwardsDecisionForm, awards_decision_form, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

void
awards_decision_form_notify (AwardsDecisionForm *self,
                             guint               prop_id)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

void
awards_decision_form_set_modified (AwardsDecisionForm *self,
                                   gboolean            modified)
{
  if (self->modified == modified)
    return;

  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/* Stores a text field; returns whether it changed. */
gboolean
awards_decision_form_replace_field (AwardsDecisionForm *self,
                                    guint               prop_id,
                                    const char         *value)
{
  char **slot = &self->fields[FIELD_INDEX (prop_id)];

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (g_strcmp0 (*slot, value) == 0)
    return FALSE;

  g_free (*slot);
  *slot = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);

  return TRUE;
}

static void
set_field (AwardsDecisionForm *self,
           guint               prop_id,
           const char         *value)
{
  if (!awards_decision_form_replace_field (self, prop_id, value))
    return;

  self->touched |= 1u << FIELD_INDEX (prop_id);
  awards_decision_form_set_modified (self, TRUE);
  awards_decision_form_validate (self);
}

static void
recipient_notify_cb (AwardsDraftRecipient *recipient,
                     GParamSpec           *pspec,
                     AwardsDecisionForm   *self)
{
  /* The form writes the messages itself; only the user's edits count as changes. */
  if (g_strcmp0 (pspec->name, "message") == 0)
    return;

  awards_decision_form_set_modified (self, TRUE);
  awards_decision_form_validate (self);
}

static void
recipients_changed_cb (GListModel         *model,
                       guint               position,
                       guint               removed,
                       guint               added,
                       AwardsDecisionForm *self)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr (AwardsDraftRecipient) recipient = g_list_model_get_item (model, i);

      g_signal_connect_object (recipient, "notify", G_CALLBACK (recipient_notify_cb),
                               self, G_CONNECT_DEFAULT);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_RECIPIENTS]);
  awards_decision_form_set_modified (self, TRUE);
  awards_decision_form_validate (self);
}

static void
awards_decision_form_dispose (GObject *object)
{
  AwardsDecisionForm *self = AWARDS_DECISION_FORM (object);

  if (self->recipients != NULL)
    {
      guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->recipients));

      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr (AwardsDraftRecipient) recipient =
            g_list_model_get_item (G_LIST_MODEL (self->recipients), i);

          g_signal_handlers_disconnect_by_data (recipient, self);
        }
      g_signal_handlers_disconnect_by_data (self->recipients, self);
    }
  g_clear_object (&self->recipients);
  g_clear_object (&self->decision);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (awards_decision_form_parent_class)->dispose (object);
}

static void
awards_decision_form_finalize (GObject *object)
{
  AwardsDecisionForm *self = AWARDS_DECISION_FORM (object);

  for (guint i = 0; i < G_N_ELEMENTS (self->fields); i++)
    g_free (self->fields[i]);
  for (guint i = 0; i < AWARDS_DECISION_N_FIELDS; i++)
    {
      g_free (self->messages[i]);
      g_free (self->suggestions[i]);
    }
  g_clear_pointer (&self->row_suggestions, g_hash_table_unref);
  g_clear_pointer (&self->guard, awards_name_guard_free);

  G_OBJECT_CLASS (awards_decision_form_parent_class)->finalize (object);
}

static void
awards_decision_form_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AwardsDecisionForm *self = AWARDS_DECISION_FORM (object);

  switch (prop_id)
    {
    case PROP_NUMBER:
    case PROP_DATE:
    case PROP_AUTHORITY:
    case PROP_AWARD:
    case PROP_SIGNER_NAME:
    case PROP_SIGNER_TITLE:
    case PROP_OCCASION:
    case PROP_ACHIEVEMENT:
      g_value_set_string (value, form_field_text (self, prop_id));
      break;

    case PROP_NUMBER_MESSAGE:
    case PROP_DATE_MESSAGE:
    case PROP_AUTHORITY_MESSAGE:
    case PROP_AWARD_MESSAGE:
    case PROP_RECIPIENTS_MESSAGE:
      g_value_set_string (value, self->messages[prop_id - PROP_NUMBER_MESSAGE]);
      break;

    case PROP_VALID:
      g_value_set_boolean (value, self->valid);
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;

    case PROP_N_PROBLEMS:
      g_value_set_uint (value, self->n_problems);
      break;

    case PROP_N_RECIPIENTS:
      g_value_set_uint (value, awards_decision_form_get_n_recipients (self));
      break;

    case PROP_CHECKING:
      g_value_set_boolean (value, self->checking);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awards_decision_form_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  AwardsDecisionForm *self = AWARDS_DECISION_FORM (object);

  switch (prop_id)
    {
    case PROP_NUMBER:
    case PROP_DATE:
    case PROP_AUTHORITY:
    case PROP_AWARD:
    case PROP_SIGNER_NAME:
    case PROP_SIGNER_TITLE:
    case PROP_OCCASION:
    case PROP_ACHIEVEMENT:
      set_field (self, prop_id, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awards_decision_form_class_init (AwardsDecisionFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = awards_decision_form_dispose;
  object_class->finalize = awards_decision_form_finalize;
  object_class->get_property = awards_decision_form_get_property;
  object_class->set_property = awards_decision_form_set_property;

  properties[PROP_NUMBER] = g_param_spec_string ("number", NULL, NULL, NULL, rw);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, rw);
  properties[PROP_AUTHORITY] = g_param_spec_string ("authority", NULL, NULL, NULL, rw);
  properties[PROP_AWARD] = g_param_spec_string ("award", NULL, NULL, NULL, rw);
  properties[PROP_SIGNER_NAME] = g_param_spec_string ("signer-name", NULL, NULL, NULL, rw);
  properties[PROP_SIGNER_TITLE] = g_param_spec_string ("signer-title", NULL, NULL, NULL, rw);
  properties[PROP_OCCASION] = g_param_spec_string ("occasion", NULL, NULL, NULL, rw);
  properties[PROP_ACHIEVEMENT] = g_param_spec_string ("achievement", NULL, NULL, NULL, rw);

  properties[PROP_NUMBER_MESSAGE] =
    g_param_spec_string ("number-message", NULL, NULL, NULL, ro);
  properties[PROP_DATE_MESSAGE] =
    g_param_spec_string ("date-message", NULL, NULL, NULL, ro);
  properties[PROP_AUTHORITY_MESSAGE] =
    g_param_spec_string ("authority-message", NULL, NULL, NULL, ro);
  properties[PROP_AWARD_MESSAGE] =
    g_param_spec_string ("award-message", NULL, NULL, NULL, ro);
  properties[PROP_RECIPIENTS_MESSAGE] =
    g_param_spec_string ("recipients-message", NULL, NULL, NULL, ro);

  properties[PROP_VALID] = g_param_spec_boolean ("valid", NULL, NULL, FALSE, ro);
  properties[PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE, ro);
  properties[PROP_N_PROBLEMS] =
    g_param_spec_uint ("n-problems", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_N_RECIPIENTS] =
    g_param_spec_uint ("n-recipients", NULL, NULL, 0, G_MAXUINT, 0, ro);
  /**
   * AwardsDecisionForm:checking:
   *
   * Whether names, numbers or awards typed are still being looked up (see
   * awards_decision_form_set_checks_async ()); the form is not valid until they are in.
   */
  properties[PROP_CHECKING] = g_param_spec_boolean ("checking", NULL, NULL, FALSE, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
awards_decision_form_init (AwardsDecisionForm *self)
{
  g_autoptr (AwardsDraftRecipient) first = NULL;

  first = awards_draft_recipient_new (AWARDS_RECIPIENT_KIND_COLLECTIVE);

  self->recipients = g_list_store_new (AWARDS_TYPE_DRAFT_RECIPIENT);
  self->row_suggestions = g_hash_table_new_full (NULL, NULL, NULL, row_suggestion_free);

  /* A new form has one blank row to type into; blank rows are neither checked nor saved. */
  g_list_store_append (self->recipients, first);
  g_signal_connect_object (first, "notify", G_CALLBACK (recipient_notify_cb), self,
                           G_CONNECT_DEFAULT);
  g_signal_connect (self->recipients, "items-changed", G_CALLBACK (recipients_changed_cb), self);
}

/**
 * awards_decision_form_new:
 * @store: the store the decision will be saved in, and checked against
 *
 * Returns: (transfer full): an empty form with one blank row, not modified
 */
AwardsDecisionForm *
awards_decision_form_new (AwardsStore *store)
{
  AwardsDecisionForm *self;

  g_return_val_if_fail (AWARDS_IS_STORE (store), NULL);

  self = g_object_new (AWARDS_TYPE_DECISION_FORM, NULL);
  self->store = g_object_ref (store);
  self->guard = awards_name_guard_new (store);
  awards_decision_form_validate (self);

  return self;
}

static void
checks_answered (gpointer user_data)
{
  awards_decision_form_validate (AWARDS_DECISION_FORM (user_data));
}

/**
 * awards_decision_form_set_checks_async:
 * @self: a #AwardsDecisionForm
 * @async: whether to look names up on the store's threads
 *
 * The form checks every row against the database after every change. On a server each new
 * name is a trip over the network: an editor turns this on so that typing never waits. A name
 * being looked up is not held against its row; #AwardsDecisionForm:checking is %TRUE and the
 * form is not valid until the answers are in, and the form checks itself again when they are.
 */
void
awards_decision_form_set_checks_async (AwardsDecisionForm *self,
                                       gboolean            async)
{
  g_return_if_fail (AWARDS_IS_DECISION_FORM (self));

  /* The guard is the form's: it goes with it, and calls nothing after. */
  awards_name_guard_set_answered_func (self->guard, async ? checks_answered : NULL, self);
}

/**
 * awards_decision_form_get_checking:
 * @self: a #AwardsDecisionForm
 *
 * Returns: whether names are still being looked up
 */
gboolean
awards_decision_form_get_checking (AwardsDecisionForm *self)
{
  g_return_val_if_fail (AWARDS_IS_DECISION_FORM (self), FALSE);

  return self->checking;
}

AwardsStore *
awards_decision_form_get_store (AwardsDecisionForm *self)
{
  g_return_val_if_fail (AWARDS_IS_DECISION_FORM (self), NULL);

  return self->store;
}

/**
 * awards_decision_form_set_store:
 * @self: a #AwardsDecisionForm
 * @store: the same database, connected again after the server went away
 *
 * Looks names up and saves through @store; the names are checked again.
 */
void
awards_decision_form_set_store (AwardsDecisionForm *self,
                                AwardsStore        *store)
{
  g_return_if_fail (AWARDS_IS_DECISION_FORM (self));
  g_return_if_fail (AWARDS_IS_STORE (store));

  g_set_object (&self->store, store);
  awards_name_guard_set_store (self->guard, store);
  awards_decision_form_validate (self);
}

/**
 * awards_decision_form_get_decision_id:
 * @self: a #AwardsDecisionForm
 *
 * Returns: the id of the saved decision the form edits, or 0 for a new decision
 */
gint64
awards_decision_form_get_decision_id (AwardsDecisionForm *self)
{
  g_return_val_if_fail (AWARDS_IS_DECISION_FORM (self), 0);

  return self->decision != NULL ? awards_decision_get_id (self->decision) : 0;
}

#define DEFINE_FIELD_ACCESSORS(field, PROP)                                          \
  const char *                                                                       \
  awards_decision_form_get_##field (AwardsDecisionForm *self)                        \
  {                                                                                  \
    g_return_val_if_fail (AWARDS_IS_DECISION_FORM (self), NULL);                     \
    return form_field_text (self, PROP);                                                  \
  }                                                                                  \
                                                                                     \
  void                                                                               \
  awards_decision_form_set_##field (AwardsDecisionForm *self,                        \
                                    const char         *value)                       \
  {                                                                                  \
    g_return_if_fail (AWARDS_IS_DECISION_FORM (self));                               \
    set_field (self, PROP, value);                                                   \
  }

DEFINE_FIELD_ACCESSORS (number, PROP_NUMBER)
DEFINE_FIELD_ACCESSORS (date, PROP_DATE)
DEFINE_FIELD_ACCESSORS (authority, PROP_AUTHORITY)
DEFINE_FIELD_ACCESSORS (award, PROP_AWARD)
DEFINE_FIELD_ACCESSORS (signer_name, PROP_SIGNER_NAME)
DEFINE_FIELD_ACCESSORS (signer_title, PROP_SIGNER_TITLE)
DEFINE_FIELD_ACCESSORS (occasion, PROP_OCCASION)
DEFINE_FIELD_ACCESSORS (achievement, PROP_ACHIEVEMENT)

/**
 * awards_decision_form_get_recipients:
 * @self: a #AwardsDecisionForm
 *
 * Returns: (transfer none): the rows, a #GListModel of #AwardsDraftRecipient
 */
GListModel *
awards_decision_form_get_recipients (AwardsDecisionForm *self)
{
  g_return_val_if_fail (AWARDS_IS_DECISION_FORM (self), NULL);

  return G_LIST_MODEL (self->recipients);
}

guint
awards_decision_form_get_n_recipients (AwardsDecisionForm *self)
{
  g_return_val_if_fail (AWARDS_IS_DECISION_FORM (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->recipients));
}

/**
 * awards_decision_form_add_recipient:
 * @self: a #AwardsDecisionForm
 * @kind: collective or individual
 *
 * Appends an empty row.
 *
 * Returns: (transfer none): the new row
 */
AwardsDraftRecipient *
awards_decision_form_add_recipient (AwardsDecisionForm  *self,
                                    AwardsRecipientKind  kind)
{
  g_autoptr (AwardsDraftRecipient) recipient = NULL;

  g_return_val_if_fail (AWARDS_IS_DECISION_FORM (self), NULL);

  recipient = awards_draft_recipient_new (kind);
  g_list_store_append (self->recipients, recipient);

  return recipient;
}

void
awards_decision_form_remove_recipient (AwardsDecisionForm *self,
                                       guint               position)
{
  g_autoptr (AwardsDraftRecipient) recipient = NULL;

  g_return_if_fail (AWARDS_IS_DECISION_FORM (self));
  g_return_if_fail (position < awards_decision_form_get_n_recipients (self));

  recipient = g_list_model_get_item (G_LIST_MODEL (self->recipients), position);
  g_signal_handlers_disconnect_by_data (recipient, self);
  g_list_store_remove (self->recipients, position);
}

/**
 * awards_decision_form_paste_rows:
 * @self: a #AwardsDecisionForm
 * @text: lines copied from a spreadsheet: cells separated by tabs
 *
 * Adds one row per non-empty line, read as awards_pasted_rows_parse () says. Blank rows at the
 * end of the table are replaced.
 *
 * Returns: the number of rows added
 */
guint
awards_decision_form_paste_rows (AwardsDecisionForm *self,
                                 const char         *text)
{
  g_autoptr (GPtrArray) rows = NULL;
  guint n_items;

  g_return_val_if_fail (AWARDS_IS_DECISION_FORM (self), 0);

  rows = awards_pasted_rows_parse (text);
  if (rows->len == 0)
    return 0;

  /* One validation for the whole paste, not one per row. */
  self->freeze_count++;

  n_items = awards_decision_form_get_n_recipients (self);
  while (n_items > 0)
    {
      g_autoptr (AwardsDraftRecipient) last =
        g_list_model_get_item (G_LIST_MODEL (self->recipients), n_items - 1);

      if (!awards_draft_recipient_is_blank (last))
        break;

      awards_decision_form_remove_recipient (self, --n_items);
    }
  g_list_store_splice (self->recipients, n_items, 0, rows->pdata, rows->len);

  self->freeze_count--;
  awards_decision_form_validate (self);

  return rows->len;
}

/**
 * awards_decision_form_get_message:
 * @self: a #AwardsDecisionForm
 * @field: a field
 *
 * Returns: (nullable): the message to show under @field, or %NULL if there is none
 */
const char *
awards_decision_form_get_message (AwardsDecisionForm  *self,
                                  AwardsDecisionField  field)
{
  g_return_val_if_fail (AWARDS_IS_DECISION_FORM (self), NULL);
  g_return_val_if_fail (field < AWARDS_DECISION_N_FIELDS, NULL);

  return self->messages[field];
}

/**
 * awards_decision_form_get_valid:
 * @self: a #AwardsDecisionForm
 *
 * Returns: %TRUE if the decision can be saved as it is, including problems that are not shown
 *   yet because the user has not reached the field
 */
gboolean
awards_decision_form_get_valid (AwardsDecisionForm *self)
{
  g_return_val_if_fail (AWARDS_IS_DECISION_FORM (self), FALSE);

  return self->valid;
}

/**
 * awards_decision_form_get_n_problems:
 * @self: a #AwardsDecisionForm
 *
 * Returns: how many messages the form shows now, fields and rows together
 */
guint
awards_decision_form_get_n_problems (AwardsDecisionForm *self)
{
  g_return_val_if_fail (AWARDS_IS_DECISION_FORM (self), 0);

  return self->n_problems;
}

/**
 * awards_decision_form_get_modified:
 * @self: a #AwardsDecisionForm
 *
 * Returns: %TRUE if the user changed something since the form was created or saved
 */
gboolean
awards_decision_form_get_modified (AwardsDecisionForm *self)
{
  g_return_val_if_fail (AWARDS_IS_DECISION_FORM (self), FALSE);

  return self->modified;
}

/**
 * awards_decision_form_show_all_problems:
 * @self: a #AwardsDecisionForm
 *
 * Shows the messages about empty fields too, as when the user tries to save.
 */
void
awards_decision_form_show_all_problems (AwardsDecisionForm *self)
{
  g_return_if_fail (AWARDS_IS_DECISION_FORM (self));

  if (self->show_all)
    return;

  self->show_all = TRUE;
  awards_decision_form_validate (self);
}

static char *
normalized_or_null (const char *text)
{
  char *normalized = awards_text_normalize (text);

  if (normalized != NULL && normalized[0] == '\0')
    g_clear_pointer (&normalized, g_free);

  return normalized;
}

/**
 * awards_decision_form_build_decision:
 * @self: a #AwardsDecisionForm
 *
 * Returns: (transfer full): the decision header as typed, with an ISO date, and the id of
 *   the saved decision when the form edits one
 */
AwardsDecision *
awards_decision_form_build_decision (AwardsDecisionForm *self)
{
  AwardsDecision *decision;
  g_autofree char *iso = NULL;

  g_return_val_if_fail (AWARDS_IS_DECISION_FORM (self), NULL);

  awards_date_parse (form_field_text (self, PROP_DATE), &iso);

  if (self->decision != NULL)
    {
      /* The saved decision keeps its id, kind and notes; its authority is found again by the
       * name as typed. */
      decision = awards_decision_copy (self->decision);
      awards_decision_set_authority_id (decision, 0);
    }
  else
    {
      decision = awards_decision_new ();
    }
  awards_decision_set_date (decision, iso);

#define SET_TEXT(setter, PROP)                                                  \
  G_STMT_START {                                                                \
    g_autofree char *value = normalized_or_null (form_field_text (self, PROP));      \
    setter (decision, value);                                                   \
  } G_STMT_END

  SET_TEXT (awards_decision_set_number, PROP_NUMBER);
  SET_TEXT (awards_decision_set_authority_name, PROP_AUTHORITY);
  SET_TEXT (awards_decision_set_signer_name, PROP_SIGNER_NAME);
  SET_TEXT (awards_decision_set_signer_title, PROP_SIGNER_TITLE);
  SET_TEXT (awards_decision_set_occasion, PROP_OCCASION);
#undef SET_TEXT

  return decision;
}

static gboolean
same_name (const char *a,
           const char *b)
{
  g_autofree char *key_a = awards_text_name_key (a);
  g_autofree char *key_b = awards_text_name_key (b);

  return g_strcmp0 (key_a, key_b) == 0;
}

/* Whether a row still names the recipient of the award it was read from. */
static gboolean
names_saved_recipient (AwardsDraftRecipient *recipient,
                       AwardsCommendation   *saved)
{
  AwardsRecipientKind kind = awards_draft_recipient_get_kind (recipient);

  if (kind != awards_commendation_get_recipient_kind (saved) ||
      !same_name (awards_draft_recipient_get_name (recipient),
                  awards_commendation_get_recipient_name (saved)))
    return FALSE;

  /* Two people of the same name in different organisations are different people. */
  return kind != AWARDS_RECIPIENT_KIND_INDIVIDUAL ||
         same_name (awards_draft_recipient_get_organisation (recipient),
                    awards_commendation_get_organisation_at_time_name (saved));
}

/* A row saves as an update of its saved award while it names the same recipient. A row that
 * names somebody else now replaces that award, which the store deletes, with a new one for the
 * same period. */
static AwardsCommendation *
commendation_for_row (AwardsDraftRecipient *recipient,
                      const char           *award)
{
  AwardsCommendation *saved = awards_draft_recipient_get_saved (recipient);
  AwardsCommendation *commendation;

  if (saved != NULL && names_saved_recipient (recipient, saved))
    {
      commendation = awards_commendation_copy (saved);
      /* Another award is found again by its name. */
      if (!same_name (award, awards_commendation_get_award_name (saved)))
        awards_commendation_set_award_type_id (commendation, 0);
      return commendation;
    }

  commendation = awards_commendation_new ();
  if (saved != NULL)
    awards_commendation_set_period (commendation, awards_commendation_get_period (saved));

  return commendation;
}

/**
 * awards_decision_form_build_recipients:
 * @self: a #AwardsDecisionForm
 *
 * Blank rows are left out. Each commendation names its recipient, the recipient's organisation
 * and position for individuals, and its award and achievement, falling back to the decision's.
 * Rows of a saved decision that still name their recipient keep the id of their award, so that
 * awards_store_save_decision() updates it.
 *
 * Returns: (transfer full) (element-type AwardsCommendation): the commendations to save
 */
GPtrArray *
awards_decision_form_build_recipients (AwardsDecisionForm *self)
{
  GPtrArray *result;
  guint n_items;

  g_return_val_if_fail (AWARDS_IS_DECISION_FORM (self), NULL);

  result = g_ptr_array_new_with_free_func (g_object_unref);
  n_items = awards_decision_form_get_n_recipients (self);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr (AwardsDraftRecipient) recipient =
        g_list_model_get_item (G_LIST_MODEL (self->recipients), i);
      AwardsRecipientKind kind = awards_draft_recipient_get_kind (recipient);
      const char *achievement = awards_draft_recipient_get_achievement (recipient);
      AwardsCommendation *commendation;
      g_autofree char *name = NULL;
      g_autofree char *award = NULL;
      g_autofree char *text = NULL;

      if (awards_draft_recipient_is_blank (recipient))
        continue;

      name = normalized_or_null (awards_draft_recipient_get_name (recipient));
      award = normalized_or_null (awards_decision_form_effective_award (self, recipient));

      commendation = commendation_for_row (recipient, award);
      awards_commendation_set_recipient_kind (commendation, kind);
      awards_commendation_set_recipient_name (commendation, name);
      awards_commendation_set_award_name (commendation, award);

      if (kind == AWARDS_RECIPIENT_KIND_INDIVIDUAL)
        {
          g_autofree char *organisation =
            normalized_or_null (awards_draft_recipient_get_organisation (recipient));
          g_autofree char *position =
            normalized_or_null (awards_draft_recipient_get_position (recipient));

          awards_commendation_set_organisation_at_time_name (commendation, organisation);
          awards_commendation_set_position (commendation, position);
        }

      text = normalized_or_null (form_is_blank (achievement)
                                 ? form_field_text (self, PROP_ACHIEVEMENT) : achievement);
      awards_commendation_set_achievement (commendation, text);

      g_ptr_array_add (result, commendation);
    }

  return result;
}

/**
 * awards_decision_form_save:
 * @self: a #AwardsDecisionForm
 * @error: return location for an error
 *
 * Saves the decision and all its recipients in one transaction. Call it only when the form is
 * valid; the store checks again anyway. Afterwards the form edits the saved decision, as
 * awards_decision_form_load() reads it.
 *
 * Returns: the id of the decision, new or edited, or 0 on error
 */
gint64
awards_decision_form_save (AwardsDecisionForm  *self,
                           GError             **error)
{
  g_autoptr (AwardsDecision) decision = NULL;
  g_autoptr (GPtrArray) recipients = NULL;
  gint64 id;

  g_return_val_if_fail (AWARDS_IS_DECISION_FORM (self), 0);

  decision = awards_decision_form_build_decision (self);
  recipients = awards_decision_form_build_recipients (self);

  id = awards_store_save_decision (self->store, decision, recipients, error);
  if (id <= 0)
    return 0;

  /* From now on the form edits the decision as saved, with the ids of its new awards. */
  if (!awards_decision_form_load (self, id, NULL))
    awards_decision_form_set_modified (self, FALSE);

  return id;
}

/**
 * awards_decision_form_get_suggestion:
 * @self: a #AwardsDecisionForm
 * @field: %AWARDS_DECISION_FIELD_AUTHORITY or %AWARDS_DECISION_FIELD_AWARD
 *
 * Returns: (nullable): the catalogue name the user probably meant, while the field holds a
 *   name the catalogue does not have
 */
const char *
awards_decision_form_get_suggestion (AwardsDecisionForm  *self,
                                     AwardsDecisionField  field)
{
  g_return_val_if_fail (AWARDS_IS_DECISION_FORM (self), NULL);
  g_return_val_if_fail (field < AWARDS_DECISION_N_FIELDS, NULL);

  return self->suggestions[field];
}

/**
 * awards_decision_form_get_row_suggestion:
 * @self: a #AwardsDecisionForm
 * @recipient: one of its rows
 * @property: (out) (optional): the row's property the suggestion is for: "name",
 *   "organisation" or "award"
 *
 * Returns: (nullable): the stored name the user probably meant in that row
 */
const char *
awards_decision_form_get_row_suggestion (AwardsDecisionForm    *self,
                                         AwardsDraftRecipient  *recipient,
                                         const char           **property)
{
  RowSuggestion *suggestion;

  g_return_val_if_fail (AWARDS_IS_DECISION_FORM (self), NULL);

  suggestion = g_hash_table_lookup (self->row_suggestions, recipient);
  if (property != NULL)
    *property = suggestion != NULL ? suggestion->property : NULL;

  return suggestion != NULL ? suggestion->name : NULL;
}

/**
 * awards_decision_form_accept_new_name:
 * @self: a #AwardsDecisionForm
 * @kind: what @name names
 * @name: a new name the user adds on purpose
 *
 * Lets @name be saved as a new award type, authority, organisation or person although it is
 * not in the catalogue or nearly equals a stored name.
 */
void
awards_decision_form_accept_new_name (AwardsDecisionForm *self,
                                      AwardsNearKind      kind,
                                      const char         *name)
{
  g_return_if_fail (AWARDS_IS_DECISION_FORM (self));

  awards_name_guard_accept (self->guard, kind, name);
  awards_decision_form_validate (self);
}

/**
 * awards_decision_form_get_name_guard:
 * @self: a #AwardsDecisionForm
 *
 * Returns: (transfer none): what checks new names, to list the nearest stored ones
 */
AwardsNameGuard *
awards_decision_form_get_name_guard (AwardsDecisionForm *self)
{
  g_return_val_if_fail (AWARDS_IS_DECISION_FORM (self), NULL);

  return self->guard;
}
