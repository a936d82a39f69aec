/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "awards-command-private.h"
#include "awards-merge.h"
#include "awards-store-private.h"
#include "awards-text.h"

/*
 * Two records of one cooperative (a typo at import, a rename not recorded as one) become one: the
 * awards, people and member organisations of the first move to the second, whose former names
 * keep the first one's names, and the first is deleted. It is one command: one entry in the log
 * (with a part for every record that moved) and one undo.
 */

static gboolean
run (AwardsStore  *self,
     const char   *sql,
     gint64        from_id,
     gint64        into_id,
     GError      **error)
{
  AwardsDbStmt *stmt = awards_store_statement (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  awards_db_stmt_bind_int64 (stmt, 1, from_id);
  awards_db_stmt_bind_int64 (stmt, 2, into_id);
  return awards_store_run (self, stmt, _("Could not merge the organisations"), error);
}

static gboolean
merge (AwardsStore  *self,
       gint64        from_id,
       gint64        into_id,
       GError      **error)
{
  g_autoptr (AwardsOrganisation) from = NULL;
  g_autoptr (AwardsOrganisation) into = NULL;
  g_autofree char *key = NULL;
  AwardsDbStmt *stmt;

  if (from_id == into_id)
    {
      awards_store_set_invalid (error, _("An organisation cannot be merged into itself."));
      return FALSE;
    }
  from = awards_store_get_organisation (self, from_id, error);
  if (from == NULL)
    return FALSE;
  into = awards_store_get_organisation (self, into_id, error);
  if (into == NULL)
    return FALSE;

  /* The merged organisation's names, current and former, become former names of the other. */
  key = awards_text_name_key (awards_organisation_get_name (from));
  /* A name the other already has is kept once (ON CONFLICT, which SQLite and a server both
   * take: a server has no INSERT OR IGNORE). */
  stmt = awards_store_statement (self,
                                 "INSERT INTO organisation_name"
                                 " (organisation_id, name, name_key, until)"
                                 " VALUES (?1, ?2, ?3, date ('now')) ON CONFLICT DO NOTHING",
                                 error);
  if (stmt == NULL)
    return FALSE;
  awards_db_stmt_bind_int64 (stmt, 1, into_id);
  awards_db_stmt_bind_text (stmt, 2, awards_organisation_get_name (from));
  awards_db_stmt_bind_text (stmt, 3, key);
  if (!awards_store_run (self, stmt, _("Could not merge the organisations"), error))
    return FALSE;

  /* The WHERE keeps SQLite from reading ON CONFLICT as the SELECT's join. */
  if (!run (self, "INSERT INTO organisation_name (organisation_id, name, name_key, until)"
                  " SELECT ?2, name, name_key, until FROM organisation_name"
                  " WHERE organisation_id = ?1 ON CONFLICT DO NOTHING", from_id, into_id,
            error) ||
      !run (self, "UPDATE commendation SET organisation_id = ?2 WHERE organisation_id = ?1",
            from_id, into_id, error) ||
      !run (self, "UPDATE commendation SET organisation_at_time_id = ?2"
                  " WHERE organisation_at_time_id = ?1", from_id, into_id, error) ||
      !run (self, "UPDATE person SET organisation_id = ?2 WHERE organisation_id = ?1",
            from_id, into_id, error) ||
      !run (self, "UPDATE organisation SET parent_id = CASE WHEN id = ?2 THEN NULL ELSE ?2 END"
                  " WHERE parent_id = ?1", from_id, into_id, error) ||
      !run (self, "DELETE FROM organisation WHERE id = ?1 AND ?2 IS NOT NULL",
            from_id, into_id, error))
    {
      /* The same award to both in one decision cannot become one award twice. */
      if (error != NULL && *error != NULL && (*error)->code == AWARDS_STORE_ERROR_CONSTRAINT)
        {
          g_clear_error (error);
          g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_CONSTRAINT,
                       _("“%s” and “%s” received the same award in the same decision; remove "
                         "one of the two awards before merging."),
                       awards_organisation_get_name (from), awards_organisation_get_name (into));
        }
      return FALSE;
    }

  /* Saving the organisation again brings its search key up to date with the new former names;
   * inside this command's transaction, as a part of it. */
  g_clear_object (&into);
  into = awards_store_get_organisation (self, into_id, error);
  return into != NULL && awards_store_save_organisation (self, into, error) > 0;
}

/**
 * awards_store_merge_organisations:
 * @from_id: the organisation that goes
 * @into_id: the organisation that stays
 *
 * Moves every award, person and member organisation of @from_id to @into_id, keeps its names as
 * former names of @into_id, and deletes it, in one transaction logged as a "merge".
 */
gboolean
awards_store_merge_organisations (AwardsStore  *self,
                                  gint64        from_id,
                                  gint64        into_id,
                                  GError      **error)
{
  gboolean ok;

  g_return_val_if_fail (AWARDS_IS_STORE (self), FALSE);

  if (!awards_store_write_begin (self, error))
    return FALSE;
  if (awards_store_is_in_batch (self))
    {
      g_set_error_literal (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_BUSY,
                           _("Another change is being written to the database."));
      awards_store_unlock (self);
      return FALSE;
    }
  awards_command_begin (self, AWARDS_ACTION_MERGE, "organisation", into_id);
  /* The writes of the store's own functions join this transaction, as a batch's do. */
  awards_store_set_in_batch (self, TRUE);
  ok = merge (self, from_id, into_id, error);
  awards_store_set_in_batch (self, FALSE);
  return awards_command_commit (self, ok, error);
}
