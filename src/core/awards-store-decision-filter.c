/* awards-store-decision-filter.c: the Decisions list narrowed to a year and an authority
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "awards-search-id.h"
#include "awards-store-decision-row.h"
#include "awards-store-decision-filter.h"
#include "awards-store-private.h"
#include "awards-text.h"

/* The columns, order and row reading of awards_store_list_decisions (): the filtered list must
 * look exactly like the unfiltered one, which is the filter with nothing chosen. */
#define FILTER_ORDER " ORDER BY d.date DESC, " AWARDS_DECISION_NUMBER_ORDER

/* ?1 the search, ?2 and ?3 the year as a range of dates (so the date index serves it), ?4 the
 * authority; a NULL parameter leaves its condition out. */
#define FILTER_SEARCH \
  " d.id IN (SELECT " AWARDS_SEARCH_ID_OF_SQL ("rowid") \
  "   FROM search_index WHERE search_index MATCH ?1" \
  "   AND " AWARDS_SEARCH_KIND_OF_SQL ("rowid") " = " AWARDS_SEARCH_KIND_DECISION_SQL ") AND"
#define FILTER_REST \
  " (?2 IS NULL OR (d.date >= ?2 AND d.date < ?3))" \
  " AND (?4 IS NULL OR d.authority_id = ?4)"

static void
bind_filter (AwardsDbStmt               *stmt,
             const char                 *match,
             const AwardsDecisionFilter *filter)
{
  if (match != NULL)
    awards_db_stmt_bind_text (stmt, 1, match);
  if (filter != NULL && filter->year > 0)
    {
      g_autofree char *from = g_strdup_printf ("%04u-01-01", filter->year);
      g_autofree char *to = g_strdup_printf ("%04u-01-01", filter->year + 1);

      awards_db_stmt_bind_text (stmt, 2, from);
      awards_db_stmt_bind_text (stmt, 3, to);
    }
  else
    {
      /* NULL dates, bound as texts all the same: a server must know their type. */
      awards_db_stmt_bind_text (stmt, 2, NULL);
      awards_db_stmt_bind_text (stmt, 3, NULL);
    }
  awards_stmt_bind_id (stmt, 4, filter != NULL ? filter->authority_id : 0);
}

/**
 * awards_store_count_decisions_filtered:
 * @search: (nullable): the search text
 * @filter: (nullable): the year and authority, or %NULL for all
 *
 * Returns: how many decisions match both
 */
guint
awards_store_count_decisions_filtered (AwardsStore                *self,
                                       const char                 *search,
                                       const AwardsDecisionFilter *filter,
                                       GError                    **error)
{
  g_autofree char *match = NULL;
  AwardsDbStmt *stmt;
  guint count = 0;

  g_return_val_if_fail (AWARDS_IS_STORE (self), 0);

  match = search != NULL ? awards_text_fts_query (search) : NULL;
  awards_store_read_begin (self);
  if (match != NULL)
    stmt = awards_store_statement (self,
                                 "SELECT count(*) FROM decision d WHERE" FILTER_SEARCH
                                 FILTER_REST, error);
  else
    stmt = awards_store_statement (self, "SELECT count(*) FROM decision d WHERE" FILTER_REST,
                                 error);
  if (stmt != NULL)
    {
      bind_filter (stmt, match, filter);
      if (awards_db_stmt_next (stmt) == AWARDS_DB_ROW)
        count = awards_db_stmt_column_int (stmt, 0);
      else
        awards_store_set_error (self, error, _("Could not count the decisions"));
      awards_db_stmt_reset (stmt);
      awards_db_stmt_clear_bindings (stmt);
    }
  awards_store_read_end (self);
  return count;
}

/**
 * awards_store_list_decisions_filtered:
 * @search: (nullable): the search text
 * @filter: (nullable): the year and authority, or %NULL for all
 *
 * Returns: (transfer full): a page of the matching decisions, newest first, those of one day by
 *   their number counted, with their recipient counts; %NULL on error
 */
GPtrArray *
awards_store_list_decisions_filtered (AwardsStore                *self,
                                      const char                 *search,
                                      const AwardsDecisionFilter *filter,
                                      guint                       offset,
                                      guint                       limit,
                                      GError                    **error)
{
  g_autoptr (GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *match = NULL;
  AwardsDbStmt *stmt;
  AwardsDbStep rc;

  g_return_val_if_fail (AWARDS_IS_STORE (self), NULL);

  match = search != NULL ? awards_text_fts_query (search) : NULL;
  awards_store_read_begin (self);
  if (match != NULL)
    stmt = awards_store_statement (self,
                                 "SELECT " AWARDS_DECISION_COLUMNS " FROM decision d"
                                 " JOIN authority a ON a.id = d.authority_id"
                                 " WHERE" FILTER_SEARCH FILTER_REST FILTER_ORDER
                                 " LIMIT ?5 OFFSET ?6", error);
  else
    stmt = awards_store_statement (self,
                                 "SELECT " AWARDS_DECISION_COLUMNS " FROM decision d"
                                 " JOIN authority a ON a.id = d.authority_id"
                                 " WHERE" FILTER_REST FILTER_ORDER
                                 " LIMIT ?5 OFFSET ?6", error);
  if (stmt == NULL)
    {
      awards_store_read_end (self);
      return NULL;
    }
  bind_filter (stmt, match, filter);
  awards_db_stmt_bind_int64 (stmt, 5, limit);
  awards_db_stmt_bind_int64 (stmt, 6, offset);
  while ((rc = awards_db_stmt_next (stmt)) == AWARDS_DB_ROW)
    g_ptr_array_add (result, awards_store_decision_from_row (stmt, NULL));
  if (rc != AWARDS_DB_DONE)
    {
      awards_store_set_error (self, error, _("Could not read the decisions"));
      g_clear_pointer (&result, g_ptr_array_unref);
    }
  awards_db_stmt_reset (stmt);
  awards_db_stmt_clear_bindings (stmt);
  awards_store_read_end (self);
  return g_steal_pointer (&result);
}

/**
 * awards_store_list_decision_years:
 *
 * Returns: (transfer full) (element-type guint): the years that have decisions, newest first;
 *   %NULL on error
 */
GArray *
awards_store_list_decision_years (AwardsStore  *self,
                                  GError      **error)
{
  g_autoptr (GArray) years = g_array_new (FALSE, FALSE, sizeof (guint));
  AwardsDbStmt *stmt;
  AwardsDbStep rc;

  g_return_val_if_fail (AWARDS_IS_STORE (self), NULL);

  awards_store_read_begin (self);
  stmt = awards_store_statement (self,
                               "SELECT DISTINCT CAST(substr(date, 1, 4) AS INTEGER) FROM decision"
                               " ORDER BY 1 DESC", error);
  if (stmt == NULL)
    {
      awards_store_read_end (self);
      return NULL;
    }
  while ((rc = awards_db_stmt_next (stmt)) == AWARDS_DB_ROW)
    {
      guint year = awards_db_stmt_column_int (stmt, 0);

      g_array_append_val (years, year);
    }
  if (rc != AWARDS_DB_DONE)
    {
      awards_store_set_error (self, error, _("Could not read the decisions"));
      g_clear_pointer (&years, g_array_unref);
    }
  awards_db_stmt_reset (stmt);
  awards_store_read_end (self);
  return g_steal_pointer (&years);
}
