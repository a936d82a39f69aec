/* awards-decision-form-load.c: a saved decision and its awards read into the decision form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "awards-date.h"
#include "awards-decision-form-private.h"
#include "awards-store-async.h"

/*
 * The award and the achievement that most of a decision's awards share become the decision's;
 * each row then shows only what differs from them. The decision and its awards are read on the
 * caller's thread (awards_decision_form_load ()) or on the store's (the _async twin), and fill
 * the form the same way.
 */

/* Returns the value that most awards share, or NULL if some award has none: a row without a
 * value of its own takes the decision's, so only a value that every award has can become it. */
static const char *
most_common (GPtrArray  *commendations,
             const char *(*get_text) (AwardsCommendation *commendation))
{
  g_autoptr (GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  const char *best = NULL;
  guint best_count = 0;

  for (guint i = 0; i < commendations->len; i++)
    {
      const char *value = get_text (g_ptr_array_index (commendations, i));
      guint count;

      if (value == NULL)
        return NULL;

      count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, value)) + 1;
      g_hash_table_insert (counts, (gpointer) value, GUINT_TO_POINTER (count));
      if (count > best_count)
        {
          best = value;
          best_count = count;
        }
    }

  return best;
}

static AwardsDraftRecipient *
row_for_commendation (AwardsCommendation *commendation,
                      const char         *decision_award,
                      const char         *decision_achievement)
{
  AwardsRecipientKind kind = awards_commendation_get_recipient_kind (commendation);
  const char *award = awards_commendation_get_award_name (commendation);
  const char *achievement = awards_commendation_get_achievement (commendation);
  AwardsDraftRecipient *row;

  row = awards_draft_recipient_new (kind == AWARDS_RECIPIENT_KIND_INDIVIDUAL
                                    ? AWARDS_RECIPIENT_KIND_INDIVIDUAL
                                    : AWARDS_RECIPIENT_KIND_COLLECTIVE);
  awards_draft_recipient_set_name (row, awards_commendation_get_recipient_name (commendation));
  if (kind == AWARDS_RECIPIENT_KIND_INDIVIDUAL)
    {
      awards_draft_recipient_set_organisation (
        row, awards_commendation_get_organisation_at_time_name (commendation));
      awards_draft_recipient_set_position (row, awards_commendation_get_position (commendation));
    }

  /* A row shows only what differs from the decision. */
  if (g_strcmp0 (award, decision_award) != 0)
    awards_draft_recipient_set_award (row, award);
  if (g_strcmp0 (achievement, decision_achievement) != 0)
    awards_draft_recipient_set_achievement (row, achievement);

  awards_draft_recipient_set_saved (row, commendation);

  return row;
}

/* Fills the form with @decision and its awards, as read from the store. */
static void
fill (AwardsDecisionForm *self,
      AwardsDecision     *decision,
      GPtrArray          *commendations)
{
  g_autoptr (GPtrArray) rows = NULL;
  g_autofree char *date = NULL;
  const char *award;
  const char *achievement;
  guint n_items;

  award = most_common (commendations, awards_commendation_get_award_name);
  achievement = most_common (commendations, awards_commendation_get_achievement);

  rows = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < commendations->len; i++)
    g_ptr_array_add (rows, row_for_commendation (g_ptr_array_index (commendations, i),
                                                 award, achievement));

  /* One validation for the whole decision, once it is all in. */
  self->freeze_count++;

  g_set_object (&self->decision, decision);
  date = awards_date_format_short (awards_decision_get_date (decision));
  awards_decision_form_replace_field (self, PROP_NUMBER, awards_decision_get_number (decision));
  awards_decision_form_replace_field (self, PROP_DATE, date);
  awards_decision_form_replace_field (self, PROP_AUTHORITY, awards_decision_get_authority_name (decision));
  awards_decision_form_replace_field (self, PROP_AWARD, award);
  awards_decision_form_replace_field (self, PROP_SIGNER_NAME, awards_decision_get_signer_name (decision));
  awards_decision_form_replace_field (self, PROP_SIGNER_TITLE, awards_decision_get_signer_title (decision));
  awards_decision_form_replace_field (self, PROP_OCCASION, awards_decision_get_occasion (decision));
  awards_decision_form_replace_field (self, PROP_ACHIEVEMENT, achievement);

  n_items = awards_decision_form_get_n_recipients (self);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr (AwardsDraftRecipient) recipient =
        g_list_model_get_item (G_LIST_MODEL (self->recipients), i);

      g_signal_handlers_disconnect_by_data (recipient, self);
    }
  g_list_store_splice (self->recipients, 0, n_items, rows->pdata, rows->len);

  self->touched = 0;
  self->show_all = FALSE;
  self->freeze_count--;

  awards_decision_form_set_modified (self, FALSE);
  awards_decision_form_validate (self);

}


/**
 * awards_decision_form_load:
 * @self: a #AwardsDecisionForm
 * @decision_id: a decision of the store
 * @error: return location for an error
 *
 * Fills the form with a saved decision and its awards, in the order of its annex, to edit it.
 * The award and the achievement that the awards share become the decision's, and each row
 * shows only what differs from them. Afterwards the form is not modified and shows no message
 * about fields left empty.
 *
 * Returns: %TRUE if the decision was read
 */
gboolean
awards_decision_form_load (AwardsDecisionForm  *self,
                           gint64               decision_id,
                           GError             **error)
{
  g_autoptr (AwardsDecision) decision = NULL;
  g_autoptr (GPtrArray) commendations = NULL;
  AwardsQuery query;

  g_return_val_if_fail (AWARDS_IS_DECISION_FORM (self), FALSE);
  g_return_val_if_fail (decision_id > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  decision = awards_store_get_decision (self->store, decision_id, error);
  if (decision == NULL)
    return FALSE;

  awards_query_init (&query);
  query.decision_id = decision_id;
  commendations = awards_store_list_commendations (self->store, &query, AWARDS_ORDER_DECISION,
                                                   error);
  if (commendations == NULL)
    return FALSE;

  fill (self, decision, commendations);
  return TRUE;
}

static void
load_commendations_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GPtrArray) commendations = NULL;
  GError *error = NULL;

  commendations = awards_store_list_commendations_finish (AWARDS_STORE (source), result,
                                                          &error);
  if (commendations == NULL)
    g_task_return_error (task, error);
  else if (!g_task_return_error_if_cancelled (task))
    {
      fill (g_task_get_source_object (task), g_task_get_task_data (task), commendations);
      g_task_return_boolean (task, TRUE);
    }
}

static void
load_decision_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  GCancellable *cancellable;
  AwardsDecision *decision;
  AwardsQuery query;
  GError *error = NULL;

  decision = awards_store_get_decision_finish (AWARDS_STORE (source), result, &error);
  if (decision == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_set_task_data (task, decision, g_object_unref);
  awards_query_init (&query);
  query.decision_id = awards_decision_get_id (decision);
  cancellable = g_task_get_cancellable (task);
  awards_store_list_commendations_async (AWARDS_STORE (source), &query, AWARDS_ORDER_DECISION,
                                         cancellable, load_commendations_cb,
                                         g_steal_pointer (&task));
}

/**
 * awards_decision_form_load_async:
 * @self: a #AwardsDecisionForm
 * @decision_id: a decision of the store
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the form is filled, or the decision could not be read
 * @user_data: data for @callback
 *
 * Reads the decision and its awards on the store's threads, then fills the form with them as
 * awards_decision_form_load() does. The form is not changed until both are read.
 */
void
awards_decision_form_load_async (AwardsDecisionForm  *self,
                                 gint64               decision_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (AWARDS_IS_DECISION_FORM (self));
  g_return_if_fail (decision_id > 0);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, awards_decision_form_load_async);
  awards_store_get_decision_async (self->store, decision_id, cancellable, load_decision_cb,
                                   task);
}

/**
 * awards_decision_form_load_finish:
 * @self: a #AwardsDecisionForm
 * @result: the result given to the callback
 * @error: return location for an error
 *
 * Returns: %TRUE if the decision was read and the form filled
 */
gboolean
awards_decision_form_load_finish (AwardsDecisionForm  *self,
                                  GAsyncResult        *result,
                                  GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

