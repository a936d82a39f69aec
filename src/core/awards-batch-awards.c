/* awards-batch-awards.c: the awards a batch adds, and the award an import's row would repeat
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "awards-batch.h"
#include "awards-batch-copy.h"
#include "awards-batch-private.h"
#include "awards-date.h"
#include "awards-catalogue.h"
#include "awards-command-private.h"
#include "awards-store-insert.h"
#include "awards-store-private.h"

/* Names of recipients read from the database that the batch keeps, at most. */
#define RECIPIENT_NAMES_MAX (1 << 17)

static const char *
recipient_current_name (AwardsBatch  *self,
                        gboolean      person,
                        gint64        id)
{
  GHashTable *names = person ? self->person_names : self->organisation_names;
  const char *name;
  AwardsDbStmt *stmt;

  /* An import names the person just before giving them the award. */
  if (person && self->last_person != NULL && self->last_person->id == id &&
      self->last_person->name != NULL)
    return self->last_person->name;
  name = g_hash_table_lookup (names, &id);
  if (name != NULL)
    return name;
  /* A person the batch keeps for COPY is read from the server once sent. */
  if (person && self->copy != NULL && awards_batch_copy_holds_person (self->copy, id) &&
      !awards_batch_send_kept (self, NULL))
    return NULL;
  stmt = awards_store_statement (self->store,
                               person ? "SELECT full_name FROM person WHERE id = ?"
                                      : "SELECT name FROM organisation WHERE id = ?", NULL);
  if (stmt == NULL)
    return NULL;
  awards_db_stmt_bind_int64 (stmt, 1, id);
  if (awards_db_stmt_next (stmt) == AWARDS_DB_ROW)
    {
      char *copy = g_strdup (awards_db_stmt_column_text (stmt, 0));

      /* A name read once is kept, until there are as many as the batch keeps of people. */
      if (g_hash_table_size (names) >= RECIPIENT_NAMES_MAX)
        g_hash_table_remove_all (names);
      g_hash_table_replace (names, awards_batch_id_new (id), copy);
      name = copy;
    }
  awards_db_stmt_reset (stmt);
  return name;
}

static void
set_given_twice (GError             **error,
                 const char          *recipient_name,
                 const AwardInfo     *award,
                 const DecisionInfo  *decision)
{
  if (decision->number != NULL)
    g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_CONSTRAINT,
                 _("“%s” already receives “%s” in decision %s"),
                 recipient_name, award->name, decision->number);
  else
    {
      /* dd/mm/yyyy, as every date a clerk reads. */
      g_autofree char *date = awards_date_format_short (decision->date);

      g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_CONSTRAINT,
                   _("“%s” already receives “%s” in the decision of %s"),
                   recipient_name, award->name, date != NULL ? date : decision->date);
    }
}

/* Inserts one award with its own statement; 0 with an error when the server or the file refuses
 * it. */
static gint64
insert_commendation (AwardsBatch              *self,
                     const AwardsNewAwardRow  *row,
                     const AwardInfo          *award,
                     const DecisionInfo       *decision,
                     GError                  **error)
{
  AwardsDbStmt *stmt = awards_batch_statement (self, STATEMENT_INSERT_COMMENDATION, error);
  AwardsDbStep step;
  gint64 id;

  if (stmt == NULL)
    return 0;
  awards_db_stmt_bind_int64 (stmt, 1, row->decision_id);
  awards_db_stmt_bind_int64 (stmt, 2, row->award_type_id);
  awards_db_stmt_bind_int64 (stmt, 3, row->authority_id);
  awards_batch_bind_static_text (stmt, 4, row->date);
  awards_batch_bind_static_text (stmt, 5, row->period);
  awards_stmt_bind_id (stmt, 6, row->organisation_id);
  awards_stmt_bind_id (stmt, 7, row->person_id);
  awards_batch_bind_static_text (stmt, 8, row->recipient_name);
  awards_stmt_bind_id (stmt, 9, row->organisation_at_time_id);
  awards_batch_bind_static_text (stmt, 10, row->position);
  awards_batch_bind_static_text (stmt, 11, row->achievement);
  awards_batch_bind_static_text (stmt, 12, row->register_number);
  awards_batch_bind_static_text (stmt, 13, row->created_at);
  /* A file refuses a repeat with an error, a server adds no row (statement_server_suffix). */
  step = awards_store_step_id (self->store, stmt, &id);
  if (step == AWARDS_DB_DONE ||
      (step == AWARDS_DB_FAILED &&
       awards_db_get_last_constraint (self->adb) == AWARDS_DB_CONSTRAINT_UNIQUE))
    {
      set_given_twice (error, row->recipient_name, award, decision);
      return 0;
    }
  if (step == AWARDS_DB_FAILED)
    {
      awards_store_set_error (self->store, error, _("Could not save the award"));
      return 0;
    }
  return id;
}

/**
 * awards_batch_add_commendation:
 *
 * Adds one award. Refuses an award the recipient's kind may not receive and the same award twice
 * to one recipient in one decision, with a sentence that names them.
 *
 * Returns: the new commendation's id, or 0 on error
 */
gint64
awards_batch_add_commendation (AwardsBatch                  *self,
                               const AwardsNewCommendation  *commendation,
                               GError                      **error)
{
  g_autofree char *normal_name = NULL;
  g_autofree char *register_number = NULL;
  const char *recipient_name;
  gboolean individual;
  DecisionInfo *decision;
  AwardInfo *award;
  const char *current_name;
  AwardsNewAwardRow row;
  gint64 id;

  g_return_val_if_fail (self != NULL && self->open, 0);
  g_return_val_if_fail (commendation != NULL, 0);

  individual = commendation->recipient_kind == AWARDS_RECIPIENT_KIND_INDIVIDUAL;
  if ((individual && commendation->person_id <= 0) ||
      (!individual && commendation->organisation_id <= 0) ||
      (individual && commendation->organisation_id > 0) ||
      (!individual && commendation->person_id > 0))
    {
      awards_store_set_invalid (error, _("an award needs exactly one recipient"));
      return 0;
    }

  decision = awards_batch_decision_info_for_id (self, commendation->decision_id, error);
  if (decision == NULL)
    return 0;
  award = awards_batch_award_info_for_id (self, commendation->award_type_id, error);
  if (award == NULL)
    return 0;

  if (!awards_eligibility_allows (award->eligibility, commendation->recipient_kind))
    {
      g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_CONSTRAINT,
                   individual ? _("“%s” can only be given to a collective")
                              : _("“%s” can only be given to an individual"),
                   award->name);
      return 0;
    }

  /* The name at the time is most often the current name, written the same way. */
  current_name = recipient_current_name (self, individual,
                                         individual ? commendation->person_id
                                                    : commendation->organisation_id);
  recipient_name = commendation->recipient_name;
  if (recipient_name != NULL && g_strcmp0 (recipient_name, current_name) != 0)
    recipient_name = normal_name = awards_store_optional_text (recipient_name);
  if (recipient_name == NULL)
    recipient_name = current_name;
  if (recipient_name == NULL)
    {
      awards_store_set_not_found (error, individual ? _("person") : _("organisation"),
                                  individual ? commendation->person_id
                                             : commendation->organisation_id);
      return 0;
    }

  register_number = awards_store_optional_text (commendation->register_number);
  row = (AwardsNewAwardRow) {
    .decision_id = decision->id,
    .award_type_id = award->id,
    .authority_id = decision->authority_id,
    .date = decision->date,
    .period = awards_batch_cached_optional_text (&self->periods, commendation->period),
    .organisation_id = individual ? 0 : commendation->organisation_id,
    .person_id = individual ? commendation->person_id : 0,
    .recipient_name = recipient_name,
    .organisation_at_time_id = individual ? commendation->organisation_at_time_id : 0,
    .position = awards_batch_cached_optional_text (&self->positions, commendation->position),
    .achievement = awards_batch_cached_optional_text (&self->achievements,
                                                      commendation->achievement),
    .register_number = register_number,
    .created_at = self->created_at,
  };

  if (!awards_batch_maybe_start_copy (self, self->n_added + 1, error))
    return 0;
  /* Only the awards of a decision this batch created while sending by COPY go that way: no
   * award of the server's, nor one the batch inserted itself before, can be repeated by them. */
  id = 0;
  if (self->copy != NULL && decision->by_copy)
    {
      g_autoptr(GError) local_error = NULL;

      id = awards_batch_copy_add_commendation (self->copy, &row, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return 0;
        }
      if (id > 0 && awards_batch_copy_is_full (self->copy) &&
          !awards_batch_send_kept (self, error))
        return 0;
    }
  /* Anything else is inserted here, after the people it may name. */
  if (id == 0)
    {
      if (!awards_batch_send_kept (self, error))
        return 0;
      id = insert_commendation (self, &row, award, decision, error);
      if (id == 0)
        return 0;
    }
  self->n_added++;
  /* A batch larger than it said (a spreadsheet does not say) stops recording its changes for
   * undo once there are too many to keep; the import is then undone by its ranges of ids. */
  if (!awards_command_may_keep (self->n_added) && awards_command_may_keep (self->n_added - 1))
    awards_command_forget_changes (self->store);
  return id;
}

/**
 * awards_batch_find_commendation:
 * @commendation: the decision, award and recipient of an award
 *
 * Finds the award that @commendation would repeat: the same recipient given the same award in
 * the same decision, deleted awards apart. awards_batch_add_commendation () refuses such a
 * repeat; this says which award was there first.
 *
 * Returns: its id, or 0 when there is none (or it cannot be read)
 */
gint64
awards_batch_find_commendation (AwardsBatch                 *self,
                                const AwardsNewCommendation *commendation)
{
  AwardsDbStmt *stmt;
  gint64 recipient;
  gint64 id = 0;

  g_return_val_if_fail (self != NULL && self->open, 0);
  g_return_val_if_fail (commendation != NULL, 0);

  /* The award repeated may be among those kept for COPY. */
  if (!awards_batch_send_kept (self, NULL))
    return 0;
  /* The same expression as the unique index, which answers the query. */
  recipient = commendation->recipient_kind == AWARDS_RECIPIENT_KIND_INDIVIDUAL
              ? -commendation->person_id : commendation->organisation_id;
  if (awards_store_is_server (self->store))
    stmt = awards_store_statement (self->store,
                                   "SELECT id FROM commendation WHERE decision_id = ?1"
                                   " AND award_type_id = ?2"
                                   " AND coalesce (organisation_id, -person_id) = ?3"
                                   " AND deleted = 0", NULL);
  else
    stmt = awards_store_statement (self->store,
                                   "SELECT id FROM commendation WHERE decision_id = ?1"
                                   " AND award_type_id = ?2"
                                   " AND ifnull (organisation_id, -person_id) = ?3"
                                   " AND deleted = 0", NULL);
  if (stmt == NULL)
    return 0;
  awards_db_stmt_bind_int64 (stmt, 1, commendation->decision_id);
  awards_db_stmt_bind_int64 (stmt, 2, commendation->award_type_id);
  awards_db_stmt_bind_int64 (stmt, 3, recipient);
  if (awards_db_stmt_next (stmt) == AWARDS_DB_ROW)
    id = awards_db_stmt_column_int64 (stmt, 0);
  awards_db_stmt_reset (stmt);
  return id;
}
