/* awards-store-filter.c: the WHERE clause of an AwardsQuery
 *
 * Turns the filters of a list of awards or of a report (AwardsQuery) into SQL and its
 * parameters, for the commendation lists (awards-store-awards.c) and the reports
 * (awards-store-reports.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "awards-command-private.h"
#include "awards-date.h"
#include "awards-search-id.h"
#include "awards-store-filter.h"
#include "awards-store-private.h"
#include "awards-store-query.h"
#include "awards-text.h"

/* ------------------------------------------------------------------------------------------- */
/* Building a WHERE clause from an AwardsQuery                                                   */

typedef struct
{
  gboolean  is_text;
  gint64    id;
  char     *text;
} Bind;

static void
bind_clear (gpointer data)
{
  Bind *bind = data;

  g_free (bind->text);
}

void
awards_filter_init (AwardsFilter *filter)
{
  filter->with = g_string_new (NULL);
  filter->where = g_string_new ("c.deleted = 0");
  filter->binds = g_array_new (FALSE, TRUE, sizeof (Bind));
  g_array_set_clear_func (filter->binds, bind_clear);
}

void
awards_filter_clear (AwardsFilter *filter)
{
  g_string_free (filter->with, TRUE);
  g_string_free (filter->where, TRUE);
  g_array_unref (filter->binds);
}

static int
filter_add_id (AwardsFilter *filter,
               gint64  id)
{
  Bind bind = { FALSE, id, NULL };

  g_array_append_val (filter->binds, bind);
  return filter->binds->len;
}

static int
filter_add_text (AwardsFilter *filter,
                 const char   *text)
{
  Bind bind = { TRUE, 0, g_strdup (text) };

  g_array_append_val (filter->binds, bind);
  return filter->binds->len;
}

void
awards_filter_bind (AwardsFilter *filter,
                    AwardsDbStmt *stmt)
{
  for (guint i = 0; i < filter->binds->len; i++)
    {
      Bind *bind = &g_array_index (filter->binds, Bind, i);

      if (bind->is_text)
        awards_db_stmt_bind_text (stmt, i + 1, bind->text);
      else
        awards_db_stmt_bind_int64 (stmt, i + 1, bind->id);
    }
}

/*
 * Awards where any of several columns meets its condition, written as a union of one look-up
 * per column, each by its own index: SQLite cannot use partial indexes for the branches of an
 * OR and would read the whole table instead.
 */
static void
append_any_of (GString            *where,
               guint               n_columns,
               const char * const *columns,
               const char * const *conditions)
{
  g_string_append (where, " AND c.id IN (");
  for (guint i = 0; i < n_columns; i++)
    g_string_append_printf (where, "%sSELECT id FROM commendation WHERE deleted = 0 AND %s %s",
                            i > 0 ? " UNION ALL " : "", columns[i], conditions[i]);
  g_string_append (where, ")");
}

void
awards_filter_build (AwardsFilter      *filter,
                     const AwardsQuery *query)
{
  static const char * const members[] = { "organisation_id", "organisation_at_time_id" };
  /* In the order of the kinds of search rows: organisation 0, person 1, decision 2. */
  static const char * const found[] = { "organisation_id", "person_id", "decision_id" };

  if (query == NULL)
    return;

  if (query->organisation_id > 0)
    {
      int n = filter_add_id (filter, query->organisation_id);
      g_autofree char *condition = NULL;

      if (query->with_subsidiaries)
        {
          /* The organisation and every organisation below it in the membership tree. */
          g_string_append_printf (filter->with,
                                  "WITH RECURSIVE tree (id) AS (SELECT ?%d UNION"
                                  " SELECT o.id FROM organisation o JOIN tree"
                                  " ON o.parent_id = tree.id) ", n);
          condition = g_strdup ("IN tree");
        }
      else
        condition = g_strdup_printf ("= ?%d", n);
      if (query->with_members)
        {
          const char *conditions[] = { condition, condition };

          append_any_of (filter->where, G_N_ELEMENTS (members), members, conditions);
        }
      else
        g_string_append_printf (filter->where, " AND c.organisation_id %s", condition);
    }
  if (query->person_id > 0)
    g_string_append_printf (filter->where, " AND c.person_id = ?%d",
                            filter_add_id (filter, query->person_id));
  if (query->decision_id > 0)
    g_string_append_printf (filter->where, " AND c.decision_id = ?%d",
                            filter_add_id (filter, query->decision_id));
  if (query->authority_id > 0)
    g_string_append_printf (filter->where, " AND c.authority_id = ?%d",
                            filter_add_id (filter, query->authority_id));
  if (query->award_type_id > 0)
    g_string_append_printf (filter->where, " AND c.award_type_id = ?%d",
                            filter_add_id (filter, query->award_type_id));
  if (query->date_from != NULL)
    g_string_append_printf (filter->where, " AND c.date >= ?%d",
                            filter_add_text (filter, query->date_from));
  if (query->date_to != NULL)
    g_string_append_printf (filter->where, " AND c.date <= ?%d",
                            filter_add_text (filter, query->date_to));
  if (query->recipient_kind == AWARDS_RECIPIENT_KIND_COLLECTIVE)
    g_string_append (filter->where, " AND c.person_id IS NULL");
  else if (query->recipient_kind == AWARDS_RECIPIENT_KIND_INDIVIDUAL)
    g_string_append (filter->where, " AND c.person_id IS NOT NULL");
  if (query->search != NULL)
    {
      g_autofree char *match = awards_text_fts_query (query->search);

      if (match != NULL)
        {
          char *conditions[G_N_ELEMENTS (found)];
          int n = filter_add_text (filter, match);

          for (guint i = 0; i < G_N_ELEMENTS (found); i++)
            conditions[i] = g_strdup_printf ("IN (SELECT rowid / %d FROM search_index"
                                             " WHERE search_index MATCH ?%d AND rowid %% %d = %u)",
                                             AWARDS_SEARCH_ID_KINDS, n,
                                             AWARDS_SEARCH_ID_KINDS, i);
          append_any_of (filter->where, G_N_ELEMENTS (found), found,
                         (const char * const *)conditions);
          for (guint i = 0; i < G_N_ELEMENTS (found); i++)
            g_free (conditions[i]);
        }
    }
}

void
awards_filter_bind_cb (AwardsDbStmt *stmt,
                       gpointer      user_data)
{
  awards_filter_bind (user_data, stmt);
}
