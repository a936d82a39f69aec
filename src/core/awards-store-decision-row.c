/* awards-store-decision-row.c: how the store reads a decision from a row (internal to src/core)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "awards-store-decision-row.h"
#include "awards-store-private.h"

/**
 * awards_store_decision_from_row:
 * @stmt: a statement at a row of %AWARDS_DECISION_COLUMNS
 * @user_data: unused, for awards_store_query_list ()
 *
 * Returns: (transfer full) (type AwardsDecision): the decision of the row
 */
gpointer
awards_store_decision_from_row (AwardsDbStmt *stmt,
                                gpointer      user_data G_GNUC_UNUSED)
{
  AwardsDecision *decision = awards_decision_new ();
  AwardsDecisionKind kind = AWARDS_DECISION_KIND_ANNUAL;

  awards_decision_kind_from_string (awards_db_stmt_column_text (stmt, 8), &kind);
  awards_decision_set_id (decision, awards_db_stmt_column_int64 (stmt, 0));
  awards_decision_set_number (decision, awards_db_stmt_column_text (stmt, 1));
  awards_decision_set_date (decision, awards_db_stmt_column_text (stmt, 2));
  awards_decision_set_authority_id (decision, awards_db_stmt_column_int64 (stmt, 3));
  awards_decision_set_authority_name (decision, awards_db_stmt_column_text (stmt, 4));
  awards_decision_set_signer_name (decision, awards_db_stmt_column_text (stmt, 5));
  awards_decision_set_signer_title (decision, awards_db_stmt_column_text (stmt, 6));
  awards_decision_set_occasion (decision, awards_db_stmt_column_text (stmt, 7));
  awards_decision_set_kind (decision, kind);
  awards_decision_set_notes (decision, awards_db_stmt_column_text (stmt, 9));
  awards_decision_set_recipient_count (decision, awards_db_stmt_column_int (stmt, 10));
  return decision;
}
