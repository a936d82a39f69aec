/* awards-store-insert.c: the id of a new row, on either backend
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "awards-store-insert.h"
#include "awards-store-private.h"

/*
 * A file's connection knows the rowid it inserted last. A server has no such thing that costs
 * nothing (ids come from sequences shared by every client): there the INSERT says the id itself
 * (RETURNING id). SQLite 3.40 takes RETURNING too, but pays for it with a statement journal and
 * a temporary table per row, which tripled the cost of an import's inserts; so a file's
 * statement goes without it.
 */

/**
 * awards_store_insert_statement:
 * @sql: an INSERT of one row, without RETURNING
 *
 * The statement of @sql (awards_store_statement ()), with RETURNING id on a server, for
 * awards_store_step_id ().
 */
AwardsDbStmt *
awards_store_insert_statement (AwardsStore  *self,
                               const char   *sql,
                               GError      **error)
{
  g_autofree char *server_sql = NULL;

  if (!awards_store_is_server (self))
    return awards_store_statement (self, sql, error);
  server_sql = g_strconcat (sql, AWARDS_STORE_RETURNING_ID, NULL);
  return awards_store_statement (self, server_sql, error);
}

/**
 * awards_store_step_id:
 * @stmt: a statement of awards_store_insert_statement (), or any INSERT of one row that returns
 *   the id on a server (AWARDS_STORE_RETURNING_ID)
 * @id: (out): the new row's id, 0 when the statement added none (ON CONFLICT DO NOTHING)
 *
 * Runs the insert and reads the new id, then resets @stmt.
 *
 * Returns: %AWARDS_DB_ROW when a row was added, %AWARDS_DB_DONE when none was,
 *   %AWARDS_DB_FAILED on an error (kept on the connection: awards_db_get_last_error ())
 */
AwardsDbStep
awards_store_step_id (AwardsStore  *self,
                      AwardsDbStmt *stmt,
                      gint64       *id)
{
  sqlite3 *file = awards_store_get_db (self);
  AwardsDbStep step = awards_db_stmt_next (stmt);

  *id = 0;
  if (file != NULL && step == AWARDS_DB_DONE && awards_db_stmt_changes (stmt) > 0)
    {
      *id = sqlite3_last_insert_rowid (file);
      step = AWARDS_DB_ROW;
    }
  else if (file == NULL && step == AWARDS_DB_ROW)
    {
      *id = awards_db_stmt_column_int64 (stmt, 0);
    }
  awards_db_stmt_reset (stmt);
  return step;
}
