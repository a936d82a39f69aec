/* awards-store-delete.c: deleting a record that no award refers to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "awards-command-private.h"
#include "awards-store-delete.h"
#include "awards-store-private.h"

/* The refusal to delete record @id, or NULL (and @error unset) when nothing refers to it. */
static char *
refusal_of (AwardsStore                 *self,
            const AwardsStoreDeleteSpec *spec,
            gint64                       id,
            GError                     **error)
{
  AwardsDbStmt *stmt = awards_store_statement (self, spec->count_sql, error);
  char *refusal = NULL;

  if (stmt == NULL)
    return NULL;
  awards_db_stmt_bind_int64 (stmt, 1, id);
  if (awards_db_stmt_next (stmt) == AWARDS_DB_ROW && awards_db_stmt_column_int (stmt, 0) > 0)
    {
      int n = awards_db_stmt_column_int (stmt, 0);
      int n_deleted = awards_db_stmt_column_int (stmt, 1);

      refusal = n_deleted < n ? spec->refusal (n - n_deleted) : spec->refusal_deleted (n);
    }
  awards_db_stmt_reset (stmt);
  return refusal;
}

/**
 * awards_store_delete_refusal:
 * @self: the store
 * @spec: what would be deleted
 * @id: the record
 * @error: return location for an error of the store
 *
 * Why record @id cannot be deleted, for a question that should not be asked; on any thread of
 * the store's reads.
 *
 * Returns: (transfer full) (nullable): the sentence, or %NULL when the record may be deleted
 *   as far as the records read now tell (or on an error)
 */
char *
awards_store_delete_refusal (AwardsStore                 *self,
                             const AwardsStoreDeleteSpec *spec,
                             gint64                       id,
                             GError                     **error)
{
  char *refusal;

  g_return_val_if_fail (AWARDS_IS_STORE (self), NULL);

  awards_store_read_begin (self);
  refusal = refusal_of (self, spec, id, error);
  awards_store_read_end (self);
  return refusal;
}

/**
 * awards_store_delete_unused:
 * @self: the store
 * @spec: what is deleted and how its awards are counted
 * @id: the record
 * @error: return location for an error
 *
 * Deletes one organisation or person as one logged command, refusing (with the number of awards
 * in the sentence) while any award, even a deleted one, refers to it. On a server, an award
 * another user adds meanwhile is refused by the delete itself, and said as such.
 *
 * Returns: whether the record was deleted
 */
gboolean
awards_store_delete_unused (AwardsStore                 *self,
                            const AwardsStoreDeleteSpec *spec,
                            gint64                       id,
                            GError                     **error)
{
  AwardsDbStmt *stmt;
  GError *failure = NULL;
  g_autofree char *refusal = NULL;
  gboolean ok;

  g_return_val_if_fail (AWARDS_IS_STORE (self), FALSE);

  if (!awards_store_write_begin (self, error))
    return FALSE;
  awards_command_begin (self, AWARDS_ACTION_DELETE, spec->kind, id);
  refusal = refusal_of (self, spec, id, &failure);
  ok = refusal == NULL && failure == NULL;
  if (refusal != NULL)
    g_set_error_literal (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_CONSTRAINT, refusal);
  else if (failure != NULL)
    g_propagate_error (error, failure);
  if (ok)
    {
      stmt = awards_store_statement (self, spec->delete_sql, error);
      ok = stmt != NULL;
      if (ok)
        {
          awards_db_stmt_bind_int64 (stmt, 1, id);
          ok = awards_store_run (self, stmt, _(spec->failed), &failure);
          if (g_error_matches (failure, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_CONSTRAINT))
            {
              g_clear_error (&failure);
              g_set_error_literal (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_CONSTRAINT,
                                   _(spec->raced));
            }
          else if (failure != NULL)
            g_propagate_error (error, failure);
        }
      if (ok && awards_db_stmt_changes (stmt) == 0)
        {
          awards_store_set_not_found (error, _(spec->what), id);
          ok = FALSE;
        }
    }
  return awards_command_commit (self, ok, error);
}
