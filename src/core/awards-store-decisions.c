/* awards-store-decisions.c: the store's decisions
 *
 * Reading decisions (by id, by number, a counted page of a list or a search) and saving one
 * with its list of recipients, as the decision editor does, in one transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "awards-batch.h"
#include "awards-command-private.h"
#include "awards-date.h"
#include "awards-decision-number.h"
#include "awards-search-id.h"
#include "awards-store-decision-row.h"
#include "awards-store-private.h"
#include "awards-store-query.h"
#include "awards-text.h"

/* ------------------------------------------------------------------------------------------- */
/* Decisions                                                                                     */

AwardsDecision *
awards_store_get_decision (AwardsStore  *self,
                           gint64        id,
                           GError      **error)
{
  AwardsDecision *decision = NULL;

  g_return_val_if_fail (AWARDS_IS_STORE (self), NULL);

  if (awards_store_query_row (self,
                              "SELECT " AWARDS_DECISION_COLUMNS " FROM decision d"
                              " JOIN authority a ON a.id = d.authority_id WHERE d.id = ?",
                              awards_query_bind_id, awards_store_decision_from_row, &id,
                              (gpointer *)&decision,
                              _("Could not read the decision"), error) &&
      decision == NULL)
    awards_store_set_not_found (error, _("decision"), id);
  return decision;
}

/**
 * awards_store_find_decision:
 * @number: the decision number, compared without regard to case and spacing
 * @authority_id: the authority that gave it, or 0 for any
 *
 * Returns: (transfer full): the decision; %NULL with %AWARDS_STORE_ERROR_NOT_FOUND when there is
 *   none, or with %AWARDS_STORE_ERROR_INVALID when several authorities used the number
 */
AwardsDecision *
awards_store_find_decision (AwardsStore  *self,
                            const char   *number,
                            gint64        authority_id,
                            GError      **error)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *key = NULL;
  g_autofree char *typed_key = NULL;
  const char *keys[2];
  AwardsQueryPage page = { NULL, authority_id, 0, 0 };

  g_return_val_if_fail (AWARDS_IS_STORE (self), NULL);
  g_return_val_if_fail (number != NULL, NULL);

  /* A decision saved before numbers were stored in one written form is found as typed. */
  key = awards_decision_number_key (number);
  typed_key = awards_decision_number_typed_key (number);
  keys[0] = key;
  keys[1] = typed_key;
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      if (keys[i] == NULL)
        continue;
      page.match = keys[i];
      g_clear_pointer (&found, g_ptr_array_unref);
      found = awards_store_query_list (self,
                                       "SELECT " AWARDS_DECISION_COLUMNS " FROM decision d"
                                       " JOIN authority a ON a.id = d.authority_id"
                                       " WHERE d.number_key = ?1"
                                       " AND (?2 IS NULL OR d.authority_id = ?2)"
                                       " ORDER BY d.date DESC LIMIT 2",
                                       awards_query_bind_page, awards_store_decision_from_row,
                                       g_object_unref, &page,
                                       _("Could not read the decisions"), error);
      if (found == NULL)
        return NULL;
      if (found->len > 0)
        break;
    }
  if (found == NULL)
    found = g_ptr_array_new ();
  if (found->len == 0)
    {
      g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_NOT_FOUND,
                   _("There is no decision numbered “%s”."), number);
      return NULL;
    }
  if (found->len > 1)
    {
      g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_INVALID,
                   _("Several authorities gave a decision numbered “%s”; name the authority."),
                   number);
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (found, 0));
}

guint
awards_store_count_decisions (AwardsStore  *self,
                              const char   *search,
                              GError      **error)
{
  g_autofree char *match = NULL;
  AwardsDbStmt *stmt;
  guint count = 0;

  g_return_val_if_fail (AWARDS_IS_STORE (self), 0);

  match = search != NULL ? awards_text_fts_query (search) : NULL;
  awards_store_read_begin (self);
  if (match != NULL)
    stmt = awards_store_statement (self,
                                 "SELECT count(*) FROM search_index WHERE search_index MATCH ?1"
                                 " AND " AWARDS_SEARCH_KIND_OF_SQL ("rowid") " = "
                                 AWARDS_SEARCH_KIND_DECISION_SQL, error);
  else
    stmt = awards_store_statement (self, "SELECT count(*) FROM decision", error);
  if (stmt != NULL)
    {
      if (match != NULL)
        awards_db_stmt_bind_text (stmt, 1, match);
      if (awards_db_stmt_next (stmt) == AWARDS_DB_ROW)
        count = awards_db_stmt_column_int (stmt, 0);
      else
        awards_store_set_error (self, error, _("Could not count the decisions"));
      awards_db_stmt_reset (stmt);
    }
  awards_store_read_end (self);
  return count;
}

/**
 * awards_store_list_decisions:
 *
 * Returns: (transfer full): decisions, newest first, and those of one day by their number
 *   counted (789/QĐ before 3457/QĐ), with their recipient counts
 */
GPtrArray *
awards_store_list_decisions (AwardsStore  *self,
                             const char   *search,
                             guint         offset,
                             guint         limit,
                             GError      **error)
{
  AwardsQueryPage page = { NULL, 0, offset, limit };
  g_autofree char *match = NULL;
  const char *sql;

  g_return_val_if_fail (AWARDS_IS_STORE (self), NULL);

  match = search != NULL ? awards_text_fts_query (search) : NULL;
  page.match = match;
  if (match != NULL)
    sql = "SELECT " AWARDS_DECISION_COLUMNS " FROM decision d"
          " JOIN authority a ON a.id = d.authority_id"
          " WHERE d.id IN (SELECT " AWARDS_SEARCH_ID_OF_SQL ("rowid")
          "   FROM search_index WHERE search_index MATCH ?1"
          "   AND " AWARDS_SEARCH_KIND_OF_SQL ("rowid") " = "
          AWARDS_SEARCH_KIND_DECISION_SQL ")"
          " ORDER BY d.date DESC, " AWARDS_DECISION_NUMBER_ORDER
          " LIMIT ?3 OFFSET ?4";
  else
    sql = "SELECT " AWARDS_DECISION_COLUMNS " FROM decision d"
          " JOIN authority a ON a.id = d.authority_id"
          " ORDER BY d.date DESC, " AWARDS_DECISION_NUMBER_ORDER
          " LIMIT ?3 OFFSET ?4";
  return awards_store_query_list (self, sql, awards_query_bind_page, awards_store_decision_from_row,
                                  g_object_unref, &page, _("Could not read the decisions"), error);
}

static gboolean
update_decision_header (AwardsStore     *self,
                        AwardsDecision  *decision,
                        gint64           authority_id,
                        GError         **error)
{
  g_autofree char *number =
    awards_decision_number_normalize (awards_decision_get_number (decision));
  g_autofree char *number_key = number != NULL ? awards_text_name_key (number) : NULL;
  g_autofree char *signer_name =
    awards_store_optional_text (awards_decision_get_signer_name (decision));
  g_autofree char *signer_title =
    awards_store_optional_text (awards_decision_get_signer_title (decision));
  g_autofree char *occasion = awards_store_optional_text (awards_decision_get_occasion (decision));
  g_autofree char *notes = awards_store_optional_text (awards_decision_get_notes (decision));
  g_autofree char *search_text = NULL;
  g_autofree char *search_key = NULL;
  AwardsDbStmt *stmt;
  AwardsDbStep rc;

  search_text = g_strjoin (" ", number != NULL ? number : "",
                           awards_decision_get_authority_name (decision) != NULL
                             ? awards_decision_get_authority_name (decision) : "",
                           occasion != NULL ? occasion : "", NULL);
  search_key = awards_text_fold (search_text);

  stmt = awards_store_statement (self,
                               "UPDATE decision SET number = ?1, number_key = ?2, date = ?3,"
                               " authority_id = ?4, signer_name = ?5, signer_title = ?6,"
                               " occasion = ?7, kind = ?8, notes = ?9, search_key = ?10,"
                               " updated_at = strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')"
                               " WHERE id = ?11", error);
  if (stmt == NULL)
    return FALSE;
  awards_db_stmt_bind_text (stmt, 1, number);
  awards_db_stmt_bind_text (stmt, 2, number_key);
  awards_db_stmt_bind_text (stmt, 3, awards_decision_get_date (decision));
  awards_db_stmt_bind_int64 (stmt, 4, authority_id);
  awards_db_stmt_bind_text (stmt, 5, signer_name);
  awards_db_stmt_bind_text (stmt, 6, signer_title);
  awards_db_stmt_bind_text (stmt, 7, occasion);
  awards_db_stmt_bind_text (stmt, 8, awards_decision_kind_to_string (awards_decision_get_kind (decision)));
  awards_db_stmt_bind_text (stmt, 9, notes);
  awards_db_stmt_bind_text (stmt, 10, search_key);
  awards_db_stmt_bind_int64 (stmt, 11, awards_decision_get_id (decision));
  rc = awards_db_stmt_next (stmt);
  awards_db_stmt_reset (stmt);
  if (rc != AWARDS_DB_DONE)
    {
      if (awards_db_get_last_constraint (awards_store_get_connection (self)) ==
          AWARDS_DB_CONSTRAINT_UNIQUE)
        g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_CONSTRAINT,
                     _("The authority already used the decision number “%s”."), number);
      else
        awards_store_set_error (self, error, _("Could not save the decision"));
      return FALSE;
    }
  return TRUE;
}

/* Adds one recipient of the editor's list, finding or creating the organisation or person. */
static gboolean
add_recipient (AwardsBatch         *batch,
               gint64               decision_id,
               AwardsCommendation  *recipient,
               guint                row,
               GError             **error)
{
  AwardsNewCommendation spec = { 0, };
  g_autoptr(GError) local_error = NULL;
  AwardsRecipientKind kind = awards_commendation_get_recipient_kind (recipient);
  const char *name = awards_commendation_get_recipient_name (recipient);

  spec.decision_id = decision_id;
  spec.recipient_kind = kind;
  spec.recipient_name = name;
  spec.position = awards_commendation_get_position (recipient);
  spec.achievement = awards_commendation_get_achievement (recipient);
  spec.period = awards_commendation_get_period (recipient);
  spec.register_number = awards_commendation_get_register_number (recipient);

  spec.award_type_id = awards_commendation_get_award_type_id (recipient);
  if (spec.award_type_id <= 0)
    spec.award_type_id = awards_batch_ensure_award_type (batch,
                                                         awards_commendation_get_award_name (recipient),
                                                         NULL, &local_error);
  if (spec.award_type_id > 0 && kind == AWARDS_RECIPIENT_KIND_INDIVIDUAL)
    {
      spec.organisation_at_time_id = awards_commendation_get_organisation_at_time_id (recipient);
      if (spec.organisation_at_time_id <= 0 &&
          awards_commendation_get_organisation_at_time_name (recipient) != NULL)
        spec.organisation_at_time_id =
          awards_batch_ensure_organisation (batch,
                                            awards_commendation_get_organisation_at_time_name (recipient),
                                            &local_error);
      spec.person_id = awards_commendation_get_person_id (recipient);
      if (local_error == NULL && spec.person_id <= 0)
        spec.person_id = awards_batch_ensure_person (batch, name, spec.organisation_at_time_id,
                                                     spec.position, &local_error);
    }
  else if (spec.award_type_id > 0 && kind == AWARDS_RECIPIENT_KIND_COLLECTIVE)
    {
      spec.organisation_id = awards_commendation_get_organisation_id (recipient);
      if (spec.organisation_id <= 0)
        spec.organisation_id = awards_batch_ensure_organisation (batch, name, &local_error);
    }
  else if (local_error == NULL)
    awards_store_set_invalid (&local_error, _("the recipient is neither a collective nor an individual"));

  if (local_error == NULL)
    {
      gint64 id = awards_batch_add_commendation (batch, &spec, &local_error);

      if (id > 0)
        {
          /* The editor keeps its objects: give them what was found or created. */
          awards_commendation_set_id (recipient, id);
          awards_commendation_set_decision_id (recipient, decision_id);
          awards_commendation_set_award_type_id (recipient, spec.award_type_id);
          awards_commendation_set_organisation_id (recipient, spec.organisation_id);
          awards_commendation_set_person_id (recipient, spec.person_id);
          awards_commendation_set_organisation_at_time_id (recipient,
                                                           spec.organisation_at_time_id);
        }
    }
  if (local_error != NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Recipient %u: %s"), row, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/**
 * awards_store_save_decision:
 * @decision: the header; with id 0 a new decision is created. The authority is its authority-id,
 *   or else found or created by authority-name
 * @recipients: (element-type AwardsCommendation): the full list of recipients. Items with an id
 *   are existing awards and are updated (one deleted meanwhile is added again); items without
 *   one are added (organisations and people named but not yet known are created); awards of the
 *   decision missing from the list are deleted (and can be restored)
 *
 * Saves a whole decision in one transaction: everything or nothing.
 *
 * Returns: the decision's id, or 0 on error
 */
gint64
awards_store_save_decision (AwardsStore     *self,
                            AwardsDecision  *decision,
                            GPtrArray       *recipients,
                            GError         **error)
{
  g_autoptr(AwardsBatch) batch = NULL;
  g_autoptr(GHashTable) kept = NULL;
  g_autofree char *iso_date = NULL;
  g_autofree char *authority_name = NULL;
  gint64 decision_id;
  gint64 authority_id;
  AwardsDbStmt *stmt;
  AwardsDbStep rc;

  g_return_val_if_fail (AWARDS_IS_STORE (self), 0);
  g_return_val_if_fail (AWARDS_IS_DECISION (decision), 0);
  g_return_val_if_fail (recipients != NULL, 0);

  if (awards_decision_get_date (decision) == NULL ||
      !awards_date_parse (awards_decision_get_date (decision), &iso_date))
    {
      awards_store_set_invalid (error, _("The decision date is not a valid date."));
      return 0;
    }
  awards_decision_set_date (decision, iso_date);

  batch = awards_batch_begin (self, error);
  if (batch == NULL)
    return 0;
  /* The decision and all its awards are one command: one entry in the log, one undo. */
  awards_command_describe (self,
                           awards_decision_get_id (decision) > 0 ? AWARDS_ACTION_EDIT
                                                                 : AWARDS_ACTION_CREATE,
                           "decision", awards_decision_get_id (decision));

  authority_id = awards_decision_get_authority_id (decision);
  if (authority_id <= 0)
    {
      authority_id = awards_batch_ensure_authority (batch,
                                                    awards_decision_get_authority_name (decision),
                                                    error);
      if (authority_id == 0)
        return 0;
    }
  {
    g_autoptr(AwardsAuthority) authority = NULL;

    if (!awards_store_query_row (self, "SELECT name FROM authority WHERE id = ?",
                                 awards_query_bind_id, awards_query_read_text, &authority_id,
                                 (gpointer *)&authority_name, _("Could not read the authorities"),
                                 error))
      return 0;
    if (authority_name == NULL)
      {
        awards_store_set_not_found (error, _("authority"), authority_id);
        return 0;
      }
    awards_decision_set_authority_id (decision, authority_id);
    awards_decision_set_authority_name (decision, authority_name);
  }

  decision_id = awards_decision_get_id (decision);
  if (decision_id > 0)
    {
      if (!update_decision_header (self, decision, authority_id, error))
        return 0;
    }
  else
    {
      decision_id = awards_batch_create_decision (batch, decision, authority_id, error);
      if (decision_id == 0)
        return 0;
    }

  /* Existing awards first: updated, or deleted when the clerk removed them from the list. */
  kept = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < recipients->len; i++)
    {
      AwardsCommendation *recipient = g_ptr_array_index (recipients, i);
      gint64 id = awards_commendation_get_id (recipient);

      if (id > 0)
        {
          if (awards_commendation_get_award_type_id (recipient) <= 0)
            {
              gint64 type_id =
                awards_batch_ensure_award_type (batch,
                                                awards_commendation_get_award_name (recipient),
                                                NULL, error);

              if (type_id == 0)
                return 0;
              awards_commendation_set_award_type_id (recipient, type_id);
            }
          g_autoptr(GError) local_error = NULL;

          /* An award that another user deleted since the editor read it: the clerk's list,
           * saved over the other's changes (the editor asked), puts it back as a new award. */
          if (!awards_store_update_commendation (self, recipient, &local_error))
            {
              if (!g_error_matches (local_error, AWARDS_STORE_ERROR,
                                    AWARDS_STORE_ERROR_NOT_FOUND))
                {
                  g_propagate_error (error, g_steal_pointer (&local_error));
                  return 0;
                }
              awards_commendation_set_id (recipient, 0);
              continue;
            }
          g_hash_table_add (kept, g_memdup2 (&id, sizeof id));
        }
    }
  if (awards_decision_get_id (decision) > 0)
    {
      g_autoptr(GArray) removed = g_array_new (FALSE, FALSE, sizeof (gint64));

      stmt = awards_store_statement (self,
                                   "SELECT id FROM commendation WHERE decision_id = ?"
                                   " AND deleted = 0", error);
      if (stmt == NULL)
        return 0;
      awards_db_stmt_bind_int64 (stmt, 1, decision_id);
      while ((rc = awards_db_stmt_next (stmt)) == AWARDS_DB_ROW)
        {
          gint64 id = awards_db_stmt_column_int64 (stmt, 0);

          if (!g_hash_table_contains (kept, &id))
            g_array_append_val (removed, id);
        }
      awards_db_stmt_reset (stmt);
      for (guint i = 0; i < removed->len; i++)
        if (!awards_store_delete_commendation (self, g_array_index (removed, gint64, i), error))
          return 0;
    }

  for (guint i = 0; i < recipients->len; i++)
    {
      AwardsCommendation *recipient = g_ptr_array_index (recipients, i);

      if (awards_commendation_get_id (recipient) > 0)
        continue;
      if (!add_recipient (batch, decision_id, recipient, i + 1, error))
        return 0;
    }

  if (!awards_batch_commit (batch, error))
    return 0;
  awards_decision_set_id (decision, decision_id);
  return decision_id;
}
