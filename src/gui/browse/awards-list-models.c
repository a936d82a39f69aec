/* awards-list-models.c: paged list models over the store's tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "awards-list-models.h"

/* Everything a model needs to ask the store again: its own copy of the query. */
typedef struct
{
  AwardsStore *store;
  gint64       organisation_id;
  AwardsQuery  query;
  char        *date_from;
  char        *date_to;
  AwardsOrder  order;
} ListSource;

static void
list_source_free (gpointer data)
{
  ListSource *source = data;

  g_clear_object (&source->store);
  g_free (source->date_from);
  g_free (source->date_to);
  g_free (source);
}

static ListSource *
list_source_new (AwardsStore *store)
{
  ListSource *source = g_new0 (ListSource, 1);

  source->store = g_object_ref (store);
  awards_query_init (&source->query);

  return source;
}

static guint
count_organisations (const char  *search,
                     gpointer     user_data,
                     GError     **error)
{
  ListSource *source = user_data;

  return awards_store_count_organisations (source->store, search, error);
}

static GPtrArray *
fetch_organisations (const char  *search,
                     guint        offset,
                     guint        limit,
                     gpointer     user_data,
                     GError     **error)
{
  ListSource *source = user_data;

  return awards_store_list_organisations (source->store, search, offset, limit, error);
}

/**
 * awards_list_model_new_organisations:
 * @store: the store
 *
 * Returns: (transfer full): every organisation, in Vietnamese order, filtered by the model's
 *   search
 */
AwardsPagedModel *
awards_list_model_new_organisations (AwardsStore *store)
{
  g_return_val_if_fail (AWARDS_IS_STORE (store), NULL);

  return awards_paged_model_new (AWARDS_TYPE_ORGANISATION,
                                 count_organisations, fetch_organisations,
                                 list_source_new (store), list_source_free);
}

static guint
count_people (const char  *search,
              gpointer     user_data,
              GError     **error)
{
  ListSource *source = user_data;

  return awards_store_count_people (source->store, search, source->organisation_id, error);
}

static GPtrArray *
fetch_people (const char  *search,
              guint        offset,
              guint        limit,
              gpointer     user_data,
              GError     **error)
{
  ListSource *source = user_data;

  return awards_store_list_people (source->store, search, source->organisation_id,
                                   offset, limit, error);
}

/**
 * awards_list_model_new_people:
 * @store: the store
 * @organisation_id: only the people currently in this organisation, or 0 for everybody
 *
 * Returns: (transfer full): people ordered by given name, filtered by the model's search
 */
AwardsPagedModel *
awards_list_model_new_people (AwardsStore *store,
                              gint64       organisation_id)
{
  ListSource *source;

  g_return_val_if_fail (AWARDS_IS_STORE (store), NULL);

  source = list_source_new (store);
  source->organisation_id = organisation_id;

  return awards_paged_model_new (AWARDS_TYPE_PERSON, count_people, fetch_people,
                                 source, list_source_free);
}

static guint
count_decisions (const char  *search,
                 gpointer     user_data,
                 GError     **error)
{
  ListSource *source = user_data;

  return awards_store_count_decisions (source->store, search, error);
}

static GPtrArray *
fetch_decisions (const char  *search,
                 guint        offset,
                 guint        limit,
                 gpointer     user_data,
                 GError     **error)
{
  ListSource *source = user_data;

  return awards_store_list_decisions (source->store, search, offset, limit, error);
}

/**
 * awards_list_model_new_decisions:
 * @store: the store
 *
 * Returns: (transfer full): decisions in the store's order, filtered by the model's search
 */
AwardsPagedModel *
awards_list_model_new_decisions (AwardsStore *store)
{
  g_return_val_if_fail (AWARDS_IS_STORE (store), NULL);

  return awards_paged_model_new (AWARDS_TYPE_DECISION, count_decisions, fetch_decisions,
                                 list_source_new (store), list_source_free);
}

/**
 * awards_commendation_new_from_row:
 * @row: a row from awards_store_foreach_commendation()
 *
 * Returns: (transfer full): a commendation holding a copy of @row
 */
AwardsCommendation *
awards_commendation_new_from_row (const AwardsCommendationRow *row)
{
  AwardsCommendation *commendation;

  g_return_val_if_fail (row != NULL, NULL);

  commendation = awards_commendation_new ();
  awards_commendation_set_id (commendation, row->id);
  awards_commendation_set_decision_id (commendation, row->decision_id);
  awards_commendation_set_decision_number (commendation, row->decision_number);
  awards_commendation_set_date (commendation, row->date);
  awards_commendation_set_authority_id (commendation, row->authority_id);
  awards_commendation_set_authority_name (commendation, row->authority);
  awards_commendation_set_award_type_id (commendation, row->award_type_id);
  awards_commendation_set_award_name (commendation, row->award);
  awards_commendation_set_award_rank (commendation, row->award_rank);
  awards_commendation_set_recipient_kind (commendation, row->recipient_kind);
  awards_commendation_set_organisation_id (commendation, row->organisation_id);
  awards_commendation_set_person_id (commendation, row->person_id);
  awards_commendation_set_recipient_name (commendation, row->recipient);
  awards_commendation_set_organisation_at_time_id (commendation, row->organisation_at_time_id);
  awards_commendation_set_organisation_at_time_name (commendation, row->organisation_at_time);
  awards_commendation_set_position (commendation, row->position);
  awards_commendation_set_achievement (commendation, row->achievement);
  awards_commendation_set_period (commendation, row->period);
  awards_commendation_set_register_number (commendation, row->register_number);
  awards_commendation_set_revoked (commendation, row->revoked);

  return commendation;
}

static void
fill_query (ListSource  *source,
            const char  *search,
            AwardsQuery *query)
{
  *query = source->query;
  query->search = search;
}

static guint
count_commendations (const char  *search,
                     gpointer     user_data,
                     GError     **error)
{
  ListSource *source = user_data;
  AwardsQuery query;

  fill_query (source, search, &query);

  return awards_store_count_commendations (source->store, &query, error);
}

typedef struct
{
  GPtrArray *page;
  guint      skip;
  guint      limit;
} PageCollector;

static gboolean
collect_row_cb (const AwardsCommendationRow *row,
                gpointer                     user_data)
{
  PageCollector *collector = user_data;

  if (collector->skip > 0)
    {
      collector->skip--;
      return TRUE;
    }

  g_ptr_array_add (collector->page, awards_commendation_new_from_row (row));

  return collector->page->len < collector->limit;
}

/* The store reads commendations row by row; a page skips the rows before it, which costs
 * microseconds per row and keeps only one page of objects alive. */
static GPtrArray *
fetch_commendations (const char  *search,
                     guint        offset,
                     guint        limit,
                     gpointer     user_data,
                     GError     **error)
{
  ListSource *source = user_data;
  g_autoptr (GPtrArray) page = g_ptr_array_new_with_free_func (g_object_unref);
  PageCollector collector = { page, offset, limit };
  AwardsQuery query;

  fill_query (source, search, &query);

  if (!awards_store_foreach_commendation (source->store, &query, source->order,
                                          collect_row_cb, &collector, error))
    return NULL;

  return g_steal_pointer (&page);
}

/**
 * awards_list_model_new_commendations:
 * @store: the store
 * @query: what to list; the model keeps a copy. Its search is replaced by the model's.
 * @order: the order of the list
 *
 * Returns: (transfer full): a model of #AwardsCommendation
 */
AwardsPagedModel *
awards_list_model_new_commendations (AwardsStore       *store,
                                     const AwardsQuery *query,
                                     AwardsOrder        order)
{
  ListSource *source;

  g_return_val_if_fail (AWARDS_IS_STORE (store), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  source = list_source_new (store);
  source->query = *query;
  source->date_from = g_strdup (query->date_from);
  source->date_to = g_strdup (query->date_to);
  source->query.date_from = source->date_from;
  source->query.date_to = source->date_to;
  source->query.search = NULL;
  source->order = order;

  return awards_paged_model_new (AWARDS_TYPE_COMMENDATION,
                                 count_commendations, fetch_commendations,
                                 source, list_source_free);
}
