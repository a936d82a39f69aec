#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "awards-batch.h"
#include "awards-command-private.h"
#include "awards-date.h"
#include "awards-search-id.h"
#include "awards-store-filter.h"
#include "awards-store-private.h"
#include "awards-store-query.h"
#include "awards-text.h"

/* Commendations: their lists and rows; decisions are in awards-store-decisions.c, the reports
 * in awards-store-reports.c and the WHERE clause of a query in awards-store-filter.c. */

void
awards_query_init (AwardsQuery *query)
{
  g_return_if_fail (query != NULL);

  memset (query, 0, sizeof *query);
}

/* ------------------------------------------------------------------------------------------- */
/* Commendations                                                                                 */

#define COMMENDATION_COLUMNS \
  "c.id, c.decision_id, d.number, c.date, c.authority_id, a.name, c.award_type_id, t.name, " \
  "t.rank, c.organisation_id, c.person_id, c.recipient_name, c.organisation_at_time_id, " \
  "oat.name, c.position, c.achievement, c.period, c.register_number, c.revoked, c.row_version "

#define COMMENDATION_JOINS \
  " JOIN decision d ON d.id = c.decision_id" \
  " JOIN authority a ON a.id = c.authority_id" \
  " JOIN award_type t ON t.id = c.award_type_id" \
  " LEFT JOIN organisation oat ON oat.id = c.organisation_at_time_id"

static void
row_from_statement (AwardsDbStmt          *stmt,
                    AwardsCommendationRow *row)
{
  row->id = awards_db_stmt_column_int64 (stmt, 0);
  row->decision_id = awards_db_stmt_column_int64 (stmt, 1);
  row->decision_number = awards_db_stmt_column_text (stmt, 2);
  row->date = awards_db_stmt_column_text (stmt, 3);
  row->authority_id = awards_db_stmt_column_int64 (stmt, 4);
  row->authority = awards_db_stmt_column_text (stmt, 5);
  row->award_type_id = awards_db_stmt_column_int64 (stmt, 6);
  row->award = awards_db_stmt_column_text (stmt, 7);
  row->award_rank = awards_db_stmt_column_int (stmt, 8);
  row->organisation_id = awards_db_stmt_column_int64 (stmt, 9);
  row->person_id = awards_db_stmt_column_int64 (stmt, 10);
  row->recipient_kind = row->person_id > 0 ? AWARDS_RECIPIENT_KIND_INDIVIDUAL
                                           : AWARDS_RECIPIENT_KIND_COLLECTIVE;
  row->recipient = awards_db_stmt_column_text (stmt, 11);
  row->organisation_at_time_id = awards_db_stmt_column_int64 (stmt, 12);
  row->organisation_at_time = awards_db_stmt_column_text (stmt, 13);
  row->position = awards_db_stmt_column_text (stmt, 14);
  row->achievement = awards_db_stmt_column_text (stmt, 15);
  row->period = awards_db_stmt_column_text (stmt, 16);
  row->register_number = awards_db_stmt_column_text (stmt, 17);
  row->revoked = awards_db_stmt_column_int (stmt, 18) != 0;
  row->row_version = awards_db_stmt_column_int64 (stmt, 19);
}

static AwardsCommendation *
commendation_from_row (const AwardsCommendationRow *row)
{
  AwardsCommendation *commendation = awards_commendation_new ();

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
  awards_commendation_set_row_version (commendation, row->row_version);
  return commendation;
}

static const char *
order_clause (AwardsOrder order)
{
  switch (order)
    {
    case AWARDS_ORDER_ANNEX:
      return " ORDER BY t.rank, t.name_key, (c.person_id IS NOT NULL),"
             " coalesce (ro.sort_key, rp.sort_key), c.id";
    case AWARDS_ORDER_DECISION:
      /* The groups of the annex (awards-report-listing.c), each in the order of entry. */
      return " ORDER BY (c.person_id IS NOT NULL), t.rank, c.award_type_id, c.id";
    case AWARDS_ORDER_NEWEST_FIRST:
      return " ORDER BY c.date DESC, c.decision_id DESC, c.id";
    case AWARDS_ORDER_CHRONOLOGICAL:
    default:
      return " ORDER BY c.date, c.decision_id, c.id";
    }
}

/**
 * awards_store_foreach_commendation:
 * @query: (nullable): what to select; %NULL selects every award
 * @order: the order of the rows
 * @func: called for each row; the row is valid only during the call
 *
 * Streams awards without building objects: for exports and reports over many rows. The rows come
 * from one of the store's read-only connections, in one snapshot of the database; nothing that
 * another call waits for is held meanwhile (not the write lock), so lists, searches and writes
 * go on while @func runs. @func must not call the store.
 */
gboolean
awards_store_foreach_commendation (AwardsStore               *self,
                                   const AwardsQuery         *query,
                                   AwardsOrder                order,
                                   AwardsCommendationRowFunc  func,
                                   gpointer                   user_data,
                                   GError                   **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  AwardsCommendationRow row;
  AwardsFilter filter;
  AwardsDbStmt *stmt;
  gboolean ok = TRUE;
  AwardsDbStep rc;

  g_return_val_if_fail (AWARDS_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  awards_filter_init (&filter);
  awards_filter_build (&filter, query);
  g_string_append_printf (sql, "%sSELECT " COMMENDATION_COLUMNS " FROM commendation c"
                          COMMENDATION_JOINS "%s WHERE %s%s",
                          filter.with->str,
                          order == AWARDS_ORDER_ANNEX
                            ? " LEFT JOIN organisation ro ON ro.id = c.organisation_id"
                              " LEFT JOIN person rp ON rp.id = c.person_id" : "",
                          filter.where->str, order_clause (order));

  awards_store_read_begin (self);
  stmt = awards_store_statement (self, sql->str, error);
  if (stmt != NULL)
    {
      awards_filter_bind (&filter, stmt);
      while ((rc = awards_db_stmt_next (stmt)) == AWARDS_DB_ROW)
        {
          row_from_statement (stmt, &row);
          if (!func (&row, user_data))
            break;
        }
      if (rc != AWARDS_DB_ROW && rc != AWARDS_DB_DONE)
        {
          awards_store_set_error (self, error, _("Could not read the awards"));
          ok = FALSE;
        }
      awards_db_stmt_reset (stmt);
    }
  else
    ok = FALSE;
  awards_store_read_end (self);
  awards_filter_clear (&filter);
  return ok;
}

static gboolean
collect_commendation_cb (const AwardsCommendationRow *row,
                         gpointer                     user_data)
{
  g_ptr_array_add (user_data, commendation_from_row (row));
  return TRUE;
}

/**
 * awards_store_list_commendations:
 *
 * Returns: (transfer full): the selected awards as objects, or %NULL on error. Use
 *   awards_store_foreach_commendation () for selections that may be large.
 */
GPtrArray *
awards_store_list_commendations (AwardsStore        *self,
                                 const AwardsQuery  *query,
                                 AwardsOrder         order,
                                 GError            **error)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (AWARDS_IS_STORE (self), NULL);

  if (!awards_store_foreach_commendation (self, query, order, collect_commendation_cb, result,
                                          error))
    return NULL;
  return g_steal_pointer (&result);
}

guint
awards_store_count_commendations (AwardsStore        *self,
                                  const AwardsQuery  *query,
                                  GError            **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  AwardsFilter filter;
  AwardsDbStmt *stmt;
  guint count = 0;

  g_return_val_if_fail (AWARDS_IS_STORE (self), 0);

  awards_filter_init (&filter);
  awards_filter_build (&filter, query);
  g_string_append_printf (sql, "%sSELECT count(*) FROM commendation c WHERE %s",
                          filter.with->str, filter.where->str);
  awards_store_read_begin (self);
  stmt = awards_store_statement (self, sql->str, error);
  if (stmt != NULL)
    {
      awards_filter_bind (&filter, stmt);
      if (awards_db_stmt_next (stmt) == AWARDS_DB_ROW)
        count = awards_db_stmt_column_int (stmt, 0);
      else
        awards_store_set_error (self, error, _("Could not count the awards"));
      awards_db_stmt_reset (stmt);
    }
  awards_store_read_end (self);
  awards_filter_clear (&filter);
  return count;
}

static gpointer
commendation_read_row (AwardsDbStmt *stmt,
                       gpointer      user_data G_GNUC_UNUSED)
{
  AwardsCommendationRow row;

  row_from_statement (stmt, &row);
  return commendation_from_row (&row);
}

AwardsCommendation *
awards_store_get_commendation (AwardsStore  *self,
                               gint64        id,
                               GError      **error)
{
  AwardsCommendation *commendation = NULL;

  g_return_val_if_fail (AWARDS_IS_STORE (self), NULL);

  if (awards_store_query_row (self,
                              "SELECT " COMMENDATION_COLUMNS " FROM commendation c"
                              COMMENDATION_JOINS " WHERE c.id = ? AND c.deleted = 0",
                              awards_query_bind_id, commendation_read_row, &id,
                              (gpointer *)&commendation, _("Could not read the award"), error) &&
      commendation == NULL)
    awards_store_set_not_found (error, _("award"), id);
  return commendation;
}

static void
set_constraint_error (AwardsStore  *self,
                      GError      **error,
                      const char   *what)
{
  AwardsDbConstraint constraint =
    awards_db_get_last_constraint (awards_store_get_connection (self));

  if (constraint == AWARDS_DB_CONSTRAINT_UNIQUE)
    g_set_error_literal (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_CONSTRAINT,
                         _("The recipient already receives this award in this decision."));
  else if (constraint == AWARDS_DB_CONSTRAINT_TRIGGER)
    g_set_error_literal (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_CONSTRAINT,
                         _("This award cannot be given to this kind of recipient."));
  else
    awards_store_set_error (self, error, what);
}

/**
 * awards_store_update_commendation:
 *
 * Saves the award type, the recipient's name, position and organisation at the time, the
 * achievement, period, register number and the revoked mark of an existing award.
 */
gboolean
awards_store_update_commendation (AwardsStore         *self,
                                  AwardsCommendation  *commendation,
                                  GError             **error)
{
  g_autofree char *recipient_name = NULL;
  g_autofree char *position = NULL;
  g_autofree char *achievement = NULL;
  g_autofree char *period = NULL;
  g_autofree char *register_number = NULL;
  AwardsDbStmt *stmt;
  gboolean ok;
  AwardsDbStep rc;

  g_return_val_if_fail (AWARDS_IS_STORE (self), FALSE);
  g_return_val_if_fail (AWARDS_IS_COMMENDATION (commendation), FALSE);

  recipient_name =
    awards_store_optional_text (awards_commendation_get_recipient_name (commendation));
  if (recipient_name == NULL)
    {
      awards_store_set_invalid (error, _("The recipient has no name."));
      return FALSE;
    }
  position = awards_store_optional_text (awards_commendation_get_position (commendation));
  achievement = awards_store_optional_text (awards_commendation_get_achievement (commendation));
  period = awards_store_optional_text (awards_commendation_get_period (commendation));
  register_number =
    awards_store_optional_text (awards_commendation_get_register_number (commendation));

  if (!awards_store_write_begin (self, error))
    return FALSE;
  awards_command_begin (self, AWARDS_ACTION_EDIT, "award",
                        awards_commendation_get_id (commendation));
  stmt = awards_store_statement (self,
                               "UPDATE commendation SET award_type_id = ?1, recipient_name = ?2,"
                               " organisation_at_time_id = CASE WHEN person_id IS NULL THEN NULL"
                               "   ELSE ?3 END,"
                               " position = ?4, achievement = ?5, period = ?6,"
                               " register_number = ?7, revoked = ?8,"
                               " updated_at = strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')"
                               " WHERE id = ?9 AND deleted = 0", error);
  ok = stmt != NULL;
  if (ok)
    {
      awards_db_stmt_bind_int64 (stmt, 1, awards_commendation_get_award_type_id (commendation));
      awards_db_stmt_bind_text (stmt, 2, recipient_name);
      awards_stmt_bind_id (stmt, 3, awards_commendation_get_organisation_at_time_id (commendation));
      awards_db_stmt_bind_text (stmt, 4, position);
      awards_db_stmt_bind_text (stmt, 5, achievement);
      awards_db_stmt_bind_text (stmt, 6, period);
      awards_db_stmt_bind_text (stmt, 7, register_number);
      awards_db_stmt_bind_int64 (stmt, 8, awards_commendation_get_revoked (commendation) ? 1 : 0);
      awards_db_stmt_bind_int64 (stmt, 9, awards_commendation_get_id (commendation));
      rc = awards_db_stmt_next (stmt);
      awards_db_stmt_reset (stmt);
      if (rc != AWARDS_DB_DONE)
        {
          set_constraint_error (self, error, _("Could not save the award"));
          ok = FALSE;
        }
      else if (awards_db_stmt_changes (stmt) == 0)
        {
          awards_store_set_not_found (error, _("award"), awards_commendation_get_id (commendation));
          ok = FALSE;
        }
    }
  return awards_command_commit (self, ok, error);
}

static gboolean
set_deleted (AwardsStore  *self,
             gint64        id,
             gboolean      deleted,
             GError      **error)
{
  AwardsDbStmt *stmt;
  gboolean ok;
  AwardsDbStep rc;

  if (!awards_store_write_begin (self, error))
    return FALSE;
  awards_command_begin (self, deleted ? AWARDS_ACTION_DELETE : AWARDS_ACTION_RESTORE, "award", id);
  stmt = awards_store_statement (self,
                               "UPDATE commendation SET deleted = ?1,"
                               " updated_at = strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')"
                               " WHERE id = ?2 AND deleted = 1 - ?1", error);
  ok = stmt != NULL;
  if (ok)
    {
      awards_db_stmt_bind_int64 (stmt, 1, deleted ? 1 : 0);
      awards_db_stmt_bind_int64 (stmt, 2, id);
      rc = awards_db_stmt_next (stmt);
      awards_db_stmt_reset (stmt);
      if (rc != AWARDS_DB_DONE)
        {
          set_constraint_error (self, error, _("Could not change the award"));
          ok = FALSE;
        }
      else if (awards_db_stmt_changes (stmt) == 0)
        {
          awards_store_set_not_found (error, _("award"), id);
          ok = FALSE;
        }
    }
  return awards_command_commit (self, ok, error);
}

/**
 * awards_store_delete_commendation:
 *
 * Marks an award deleted. It disappears from every list and report but stays in the file, so
 * that awards_store_restore_commendation () can undo the deletion.
 */
gboolean
awards_store_delete_commendation (AwardsStore  *self,
                                  gint64        id,
                                  GError      **error)
{
  g_return_val_if_fail (AWARDS_IS_STORE (self), FALSE);

  return set_deleted (self, id, TRUE, error);
}

gboolean
awards_store_restore_commendation (AwardsStore  *self,
                                   gint64        id,
                                   GError      **error)
{
  g_return_val_if_fail (AWARDS_IS_STORE (self), FALSE);

  return set_deleted (self, id, FALSE, error);
}
