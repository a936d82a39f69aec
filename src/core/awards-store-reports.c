/* awards-store-reports.c: the counts that reports are built on
 *
 * Per authority and award, or per year and award, the awards to collectives and to individuals
 * of an AwardsQuery, counted by SQLite.
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

void
awards_summary_row_free (AwardsSummaryRow *row)
{
  if (row == NULL)
    return;
  g_free (row->authority);
  g_free (row->award);
  g_free (row);
}

/* ------------------------------------------------------------------------------------------- */
/* Reports                                                                                       */

static gpointer
summary_row_from_row (AwardsDbStmt *stmt,
                      gpointer      user_data G_GNUC_UNUSED)
{
  AwardsSummaryRow *row = g_new0 (AwardsSummaryRow, 1);

  row->authority_id = awards_db_stmt_column_int64 (stmt, 0);
  row->authority = g_strdup (awards_db_stmt_column_text (stmt, 1));
  row->award_type_id = awards_db_stmt_column_int64 (stmt, 2);
  row->award = g_strdup (awards_db_stmt_column_text (stmt, 3));
  row->award_rank = awards_db_stmt_column_int (stmt, 4);
  row->year = awards_db_stmt_column_int (stmt, 5);
  row->collectives = awards_db_stmt_column_int (stmt, 6);
  row->individuals = awards_db_stmt_column_int (stmt, 7);
  return row;
}

static GPtrArray *
run_summary (AwardsStore        *self,
             const AwardsQuery  *query,
             gboolean            by_year,
             GError            **error)
{
  GPtrArray *result;
  g_autoptr(GString) sql = g_string_new (NULL);
  AwardsFilter filter;

  /*
   * Revoked awards were taken back: they count no more. The inner query groups by date first,
   * the order of the commendation_report index, so that it streams over the index without
   * sorting a million rows; the outer one adds up its few thousand groups.
   */
  awards_filter_init (&filter);
  awards_filter_build (&filter, query);
  g_string_append (filter.where, " AND c.revoked = 0");
  if (by_year)
    g_string_append_printf (sql,
                            "%sSELECT 0, NULL, t.id, t.name, t.rank,"
                            " CAST (substr (s.date, 1, 4) AS INTEGER) AS year,"
                            " sum (s.collectives), sum (s.individuals) FROM"
                            " (SELECT c.date, c.award_type_id,"
                            "   count (*) - count (c.person_id) AS collectives,"
                            "   count (c.person_id) AS individuals"
                            "  FROM commendation c WHERE %s"
                            "  GROUP BY c.date, c.authority_id, c.award_type_id) s"
                            " JOIN award_type t ON t.id = s.award_type_id"
                            " GROUP BY year, t.id"
                            " ORDER BY year, t.rank, t.name_key",
                            filter.with->str, filter.where->str);
  else
    g_string_append_printf (sql,
                            "%sSELECT a.id, a.name, t.id, t.name, t.rank, 0,"
                            " sum (s.collectives), sum (s.individuals) FROM"
                            " (SELECT c.date, c.authority_id, c.award_type_id,"
                            "   count (*) - count (c.person_id) AS collectives,"
                            "   count (c.person_id) AS individuals"
                            "  FROM commendation c WHERE %s"
                            "  GROUP BY c.date, c.authority_id, c.award_type_id) s"
                            " JOIN authority a ON a.id = s.authority_id"
                            " JOIN award_type t ON t.id = s.award_type_id"
                            " GROUP BY a.id, t.id"
                            " ORDER BY a.sort_key, t.rank, t.name_key",
                            filter.with->str, filter.where->str);

  result = awards_store_query_list (self, sql->str, awards_filter_bind_cb, summary_row_from_row,
                                    (GDestroyNotify)awards_summary_row_free, &filter,
                                    _("Could not count the awards"), error);
  awards_filter_clear (&filter);
  return result;
}

/**
 * awards_store_summary:
 *
 * Returns: (transfer full) (element-type AwardsSummaryRow): per authority and award, the number
 *   of awards to collectives and to individuals, ordered by authority (Vietnamese order) then
 *   award rank. Revoked awards are not counted.
 */
GPtrArray *
awards_store_summary (AwardsStore        *self,
                      const AwardsQuery  *query,
                      GError            **error)
{
  g_return_val_if_fail (AWARDS_IS_STORE (self), NULL);

  return run_summary (self, query, FALSE, error);
}

/**
 * awards_store_get_award_years:
 * @first: (out): the year of the first award that counts, or 0 when none does
 * @last: (out): the year of the last one, or 0
 *
 * The years that reports have something to count in (live, not revoked awards), read from the
 * two ends of the report index: what the window needs to offer a range of years, without
 * counting a million awards year by year.
 *
 * Returns: %FALSE with @error set when the database could not be read
 */
gboolean
awards_store_get_award_years (AwardsStore  *self,
                              int          *first,
                              int          *last,
                              GError      **error)
{
  AwardsDbStmt *stmt;
  gboolean ok;

  g_return_val_if_fail (AWARDS_IS_STORE (self), FALSE);
  g_return_val_if_fail (first != NULL && last != NULL, FALSE);

  *first = *last = 0;
  awards_store_read_begin (self);
  stmt = awards_store_statement (self,
                                 "SELECT (SELECT min (date) FROM commendation"
                                 "        WHERE deleted = 0 AND revoked = 0),"
                                 " (SELECT max (date) FROM commendation"
                                 "  WHERE deleted = 0 AND revoked = 0)", error);
  if (stmt == NULL)
    {
      awards_store_read_end (self);
      return FALSE;
    }
  ok = awards_db_stmt_next (stmt) == AWARDS_DB_ROW;
  if (ok)
    {
      const char *dates[] = { awards_db_stmt_column_text (stmt, 0),
                              awards_db_stmt_column_text (stmt, 1) };

      /* Stored dates are ISO, "YYYY-MM-DD". */
      if (dates[0] != NULL && dates[1] != NULL)
        {
          *first = (int) g_ascii_strtoll (dates[0], NULL, 10);
          *last = (int) g_ascii_strtoll (dates[1], NULL, 10);
        }
    }
  else
    {
      awards_store_set_error (self, error, _("Could not count the awards"));
    }
  awards_db_stmt_reset (stmt);
  awards_store_read_end (self);
  return ok;
}

/**
 * awards_store_yearly:
 *
 * Returns: (transfer full) (element-type AwardsSummaryRow): per year and award (authority
 *   fields empty), the number of awards to collectives and to individuals, by year then rank.
 *   Revoked awards are not counted.
 */
GPtrArray *
awards_store_yearly (AwardsStore        *self,
                     const AwardsQuery  *query,
                     GError            **error)
{
  g_return_val_if_fail (AWARDS_IS_STORE (self), NULL);

  return run_summary (self, query, TRUE, error);
}
