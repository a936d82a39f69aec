/* awards-decision-list-model.c: the Decisions list, narrowed by search, year and authority
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "awards-decision-list-model.h"

/* The model's own copy of what it asks the store for. The paged model owns it (its user data);
 * the same pointer is kept on the model under this key so that the filter can be changed. */
#define SOURCE_KEY "awards-decision-list-source"

typedef struct
{
  AwardsStore          *store;
  GMutex                lock;     /* the worker reads the filter while the window may change it */
  AwardsDecisionFilter  filter;
} DecisionSource;

static AwardsDecisionFilter
source_filter (DecisionSource *source)
{
  AwardsDecisionFilter filter;

  g_mutex_lock (&source->lock);
  filter = source->filter;
  g_mutex_unlock (&source->lock);
  return filter;
}

static void
decision_source_free (gpointer data)
{
  DecisionSource *source = data;

  g_clear_object (&source->store);
  g_mutex_clear (&source->lock);
  g_free (source);
}

static guint
count_decisions (const char  *search,
                 gpointer     user_data,
                 GError     **error)
{
  DecisionSource *source = user_data;
  AwardsDecisionFilter filter = source_filter (source);

  return awards_store_count_decisions_filtered (source->store, search, &filter, error);
}

static GPtrArray *
fetch_decisions (const char  *search,
                 guint        offset,
                 guint        limit,
                 gpointer     user_data,
                 GError     **error)
{
  DecisionSource *source = user_data;
  AwardsDecisionFilter filter = source_filter (source);

  return awards_store_list_decisions_filtered (source->store, search, &filter,
                                               offset, limit, error);
}

/**
 * awards_decision_list_model_new:
 * @store: the store
 *
 * Returns: (transfer full): every decision, newest first and those of one day by their number,
 *   filtered by the model's search and by awards_decision_list_model_set_filter()
 */
AwardsPagedModel *
awards_decision_list_model_new (AwardsStore *store)
{
  DecisionSource *source;
  AwardsPagedModel *model;

  g_return_val_if_fail (AWARDS_IS_STORE (store), NULL);

  source = g_new0 (DecisionSource, 1);
  source->store = g_object_ref (store);
  g_mutex_init (&source->lock);
  model = awards_paged_model_new (AWARDS_TYPE_DECISION, count_decisions, fetch_decisions,
                                  source, decision_source_free);
  g_object_set_data (G_OBJECT (model), SOURCE_KEY, source);
  return model;
}

/**
 * awards_decision_list_model_set_filter:
 * @model: a model made by awards_decision_list_model_new()
 * @filter: (nullable): the year and authority to keep, %NULL for all
 *
 * Changes the filter and reads the list again when it differs.
 */
void
awards_decision_list_model_set_filter (AwardsPagedModel           *model,
                                       const AwardsDecisionFilter *filter)
{
  AwardsDecisionFilter all = { 0, 0 };
  DecisionSource *source;

  g_return_if_fail (AWARDS_IS_PAGED_MODEL (model));

  source = g_object_get_data (G_OBJECT (model), SOURCE_KEY);
  g_return_if_fail (source != NULL);

  if (filter == NULL)
    filter = &all;
  if (source->filter.year == filter->year && source->filter.authority_id == filter->authority_id)
    return;

  /* A load still running with the old filter is superseded by the reload's. */
  g_mutex_lock (&source->lock);
  source->filter = *filter;
  g_mutex_unlock (&source->lock);
  awards_paged_model_reload (model, NULL);
}

/**
 * awards_decision_list_model_get_filter:
 * @model: a model made by awards_decision_list_model_new()
 * @filter: (out): the model's filter
 *
 * Returns: %TRUE when @model is a decision list model
 */
gboolean
awards_decision_list_model_get_filter (AwardsPagedModel     *model,
                                       AwardsDecisionFilter *filter)
{
  DecisionSource *source;

  g_return_val_if_fail (AWARDS_IS_PAGED_MODEL (model), FALSE);
  g_return_val_if_fail (filter != NULL, FALSE);

  source = g_object_get_data (G_OBJECT (model), SOURCE_KEY);
  if (source == NULL)
    return FALSE;
  *filter = source_filter (source);
  return TRUE;
}
