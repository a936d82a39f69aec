/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * awards-batch-decisions.c: the decisions a batch finds or creates, and the names of their
 * authorities. A decision is told apart by its authority and number (or its date when it has
 * none), and a number taken twice is refused with the date it was first used; that is its own
 * rule, apart from the look-ups of names in awards-batch.c.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "awards-batch-private.h"
#include "awards-date.h"
#include "awards-decision-number.h"
#include "awards-store-insert.h"
#include "awards-store-private.h"
#include "awards-text.h"

static const char *
authority_name (AwardsBatch *self,
                gint64       authority_id)
{
  const char *name = g_hash_table_lookup (self->authority_names, &authority_id);
  AwardsDbStmt *stmt;

  if (name != NULL)
    return name;
  stmt = awards_store_statement (self->store, "SELECT name FROM authority WHERE id = ?", NULL);
  if (stmt == NULL)
    return "?";
  awards_db_stmt_bind_int64 (stmt, 1, authority_id);
  if (awards_db_stmt_next (stmt) == AWARDS_DB_ROW)
    {
      char *copy = g_strdup (awards_db_stmt_column_text (stmt, 0));

      g_hash_table_replace (self->authority_names, awards_batch_id_new (authority_id), copy);
      name = copy;
    }
  awards_db_stmt_reset (stmt);
  return name != NULL ? name : "?";
}

static DecisionInfo *
remember_decision (AwardsBatch *self,
                   gint64       id,
                   gint64       authority_id,
                   const char  *date,
                   const char  *number)
{
  DecisionInfo *info = g_new0 (DecisionInfo, 1);

  info->id = id;
  info->authority_id = authority_id;
  info->date = g_strdup (date);
  info->number = g_strdup (number);
  g_hash_table_replace (self->decision_by_id, awards_batch_id_new (id), info);
  return info;
}

DecisionInfo *
awards_batch_decision_info_for_id (AwardsBatch  *self,
                                   gint64        id,
                                   GError      **error)
{
  DecisionInfo *info = g_hash_table_lookup (self->decision_by_id, &id);
  AwardsDbStmt *stmt;

  if (info != NULL)
    return info;
  stmt = awards_store_statement (self->store,
                               "SELECT authority_id, date, number FROM decision WHERE id = ?",
                               error);
  if (stmt == NULL)
    return NULL;
  awards_db_stmt_bind_int64 (stmt, 1, id);
  if (awards_db_stmt_next (stmt) == AWARDS_DB_ROW)
    info = remember_decision (self, id, awards_db_stmt_column_int64 (stmt, 0),
                              awards_db_stmt_column_text (stmt, 1),
                              awards_db_stmt_column_text (stmt, 2));
  else
    awards_store_set_not_found (error, _("decision"), id);
  awards_db_stmt_reset (stmt);
  return info;
}

static char *
decision_search_key (const char *number,
                     const char *authority,
                     const char *occasion)
{
  g_autofree char *text = g_strjoin (" ", number != NULL ? number : "", authority,
                                     occasion != NULL ? occasion : "", NULL);

  return awards_text_fold (text);
}

/* The key under which a batch sending by COPY keeps a decision it knows: its number's, or its
 * date's when it has no number. */
static char *
decision_key (gint64      authority_id,
              const char *number_key,
              const char *date)
{
  return number_key != NULL
         ? g_strdup_printf ("%" G_GINT64_FORMAT "|#%s", authority_id, number_key)
         : g_strdup_printf ("%" G_GINT64_FORMAT "|@%s", authority_id, date);
}

/* Notes a decision once its authority's are read; of two without a number on one date, the
 * first (the lower id) is the one found, as find_decision () finds it. */
static void
note_decision_key (AwardsBatch  *self,
                   DecisionInfo *info,
                   const char   *number_key)
{
  char *key;

  if (!g_hash_table_contains (self->decision_keys_read, &info->authority_id))
    return;
  key = decision_key (info->authority_id, number_key, info->date);
  if (g_hash_table_contains (self->decision_keys, key))
    g_free (key);
  else
    g_hash_table_insert (self->decision_keys, key, info);
}

/*
 * On a server every look-up is a trip there and back, and an import looked up each new decision
 * before inserting it (9,433 for 200,000 rows). A batch sending by COPY reads all the decisions
 * of an authority at its first one instead, and keeps their keys with those it adds. It holds
 * the write lock, so no writer of ours adds one meanwhile; the unique constraint stays the last
 * word for any other.
 */
static gboolean
read_decision_keys (AwardsBatch  *self,
                    gint64        authority_id,
                    GError      **error)
{
  AwardsDbStmt *stmt;
  AwardsDbStep rc;

  if (g_hash_table_contains (self->decision_keys_read, &authority_id))
    return TRUE;
  stmt = awards_store_statement (self->store,
                                 "SELECT id, date, number, number_key FROM decision"
                                 " WHERE authority_id = ?1 ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  g_hash_table_add (self->decision_keys_read, awards_batch_id_new (authority_id));
  awards_db_stmt_bind_int64 (stmt, 1, authority_id);
  while ((rc = awards_db_stmt_next (stmt)) == AWARDS_DB_ROW)
    {
      gint64 id = awards_db_stmt_column_int64 (stmt, 0);
      DecisionInfo *info = g_hash_table_lookup (self->decision_by_id, &id);

      if (info == NULL)
        info = remember_decision (self, id, authority_id, awards_db_stmt_column_text (stmt, 1),
                                  awards_db_stmt_column_text (stmt, 2));
      note_decision_key (self, info, awards_db_stmt_column_text (stmt, 3));
    }
  awards_db_stmt_reset (stmt);
  if (rc != AWARDS_DB_DONE)
    {
      g_hash_table_remove (self->decision_keys_read, &authority_id);
      awards_store_set_error (self->store, error, _("Could not read the decisions"));
      return FALSE;
    }
  return TRUE;
}

/* find_decision () from the keys read, for a batch sending by COPY. */
static gint64
find_kept_decision (AwardsBatch  *self,
                    const char   *number_key,
                    const char   *typed_key,
                    const char   *iso_date,
                    gint64        authority_id,
                    char        **found_date,
                    GError      **error)
{
  g_autofree char *key = NULL;
  DecisionInfo *info;

  if (!read_decision_keys (self, authority_id, error))
    return -1;
  key = decision_key (authority_id, number_key, iso_date);
  info = g_hash_table_lookup (self->decision_keys, key);
  if (info == NULL && number_key != NULL && typed_key != NULL)
    {
      g_free (key);
      key = decision_key (authority_id, typed_key, iso_date);
      info = g_hash_table_lookup (self->decision_keys, key);
    }
  if (info == NULL)
    return 0;
  if (found_date != NULL)
    *found_date = g_strdup (info->date);
  return info->id;
}

/*
 * Inserts a decision header. The caller has checked that the number is free for the authority;
 * the UNIQUE constraint stays as the last word.
 */
static gint64
insert_decision (AwardsBatch     *self,
                 AwardsDecision  *decision,
                 const char      *number,
                 const char      *number_key,
                 const char      *iso_date,
                 gint64           authority_id,
                 GError         **error)
{
  g_autofree char *signer_name = NULL;
  g_autofree char *signer_title = NULL;
  g_autofree char *occasion = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *search_key = NULL;
  AwardsDecisionKind kind = AWARDS_DECISION_KIND_ANNUAL;
  DecisionInfo *info;
  AwardsDbStmt *stmt;
  gint64 id;

  if (decision != NULL)
    {
      signer_name = awards_store_optional_text (awards_decision_get_signer_name (decision));
      signer_title = awards_store_optional_text (awards_decision_get_signer_title (decision));
      occasion = awards_store_optional_text (awards_decision_get_occasion (decision));
      notes = awards_store_optional_text (awards_decision_get_notes (decision));
      kind = awards_decision_get_kind (decision);
    }
  search_key = decision_search_key (number, authority_name (self, authority_id), occasion);

  if (self->copy != NULL)
    {
      AwardsNewDecisionRow row = {
        .number = number,
        .number_key = number_key,
        .date = iso_date,
        .authority_id = authority_id,
        .signer_name = signer_name,
        .signer_title = signer_title,
        .occasion = occasion,
        .kind = awards_decision_kind_to_string (kind),
        .notes = notes,
        .search_key = search_key,
      };

      id = awards_batch_copy_add_decision (self->copy, &row, error);
      if (id == 0)
        return 0;
      info = remember_decision (self, id, authority_id, iso_date, number);
      info->by_copy = TRUE;
      note_decision_key (self, info, number_key);
      return id;
    }

  stmt = awards_store_insert_statement (self->store,
                                        "INSERT INTO decision (number, number_key, date,"
                                        " authority_id, signer_name, signer_title, occasion, kind,"
                                        " notes, search_key)"
                                        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                                        error);
  if (stmt == NULL)
    return 0;
  awards_db_stmt_bind_text (stmt, 1, number);
  awards_db_stmt_bind_text (stmt, 2, number_key);
  awards_db_stmt_bind_text (stmt, 3, iso_date);
  awards_db_stmt_bind_int64 (stmt, 4, authority_id);
  awards_db_stmt_bind_text (stmt, 5, signer_name);
  awards_db_stmt_bind_text (stmt, 6, signer_title);
  awards_db_stmt_bind_text (stmt, 7, occasion);
  awards_db_stmt_bind_text (stmt, 8, awards_decision_kind_to_string (kind));
  awards_db_stmt_bind_text (stmt, 9, notes);
  awards_db_stmt_bind_text (stmt, 10, search_key);
  if (awards_store_step_id (self->store, stmt, &id) != AWARDS_DB_ROW)
    {
      awards_store_set_error (self->store, error, _("Could not save the decision"));
      return 0;
    }
  note_decision_key (self, remember_decision (self, id, authority_id, iso_date, number),
                     number_key);
  return id;
}

/* Finds the decision an authority gave under the number of @number_key (the number's
 * awards_decision_number_key ()), or without a number on @iso_date; or under @typed_key
 * (awards_decision_number_typed_key ()), the key of a decision saved before numbers were stored
 * in one written form; the first key wins. Each key is one look-up in the unique index: the
 * ordered look-up of both that this replaces built a sorter for every new decision, half of
 * what an import spent on decisions. */
static gint64
find_decision (AwardsBatch  *self,
               const char   *number_key,
               const char   *typed_key,
               const char   *iso_date,
               gint64        authority_id,
               char        **found_date,
               GError      **error)
{
  AwardsDbStmt *stmt;
  gint64 id = 0;
  AwardsDbStep rc;

  if (self->copy != NULL)
    return find_kept_decision (self, number_key, typed_key, iso_date, authority_id, found_date,
                               error);
  if (number_key != NULL)
    stmt = awards_store_statement (self->store,
                                 "SELECT id, date FROM decision WHERE authority_id = ?1"
                                 " AND number_key = coalesce ((SELECT number_key FROM decision"
                                 " WHERE authority_id = ?1 AND number_key = ?2), ?4)", error);
  else
    stmt = awards_store_statement (self->store,
                                 "SELECT id, date FROM decision WHERE authority_id = ?1"
                                 " AND number_key IS NULL AND date = ?3 ORDER BY id LIMIT 1",
                                 error);
  if (stmt == NULL)
    return -1;
  awards_db_stmt_bind_int64 (stmt, 1, authority_id);
  if (number_key != NULL)
    {
      awards_db_stmt_bind_text (stmt, 2, number_key);
      awards_db_stmt_bind_text (stmt, 4, typed_key != NULL ? typed_key : number_key);
    }
  else
    {
      awards_db_stmt_bind_text (stmt, 3, iso_date);
    }
  rc = awards_db_stmt_next (stmt);
  if (rc == AWARDS_DB_ROW)
    {
      id = awards_db_stmt_column_int64 (stmt, 0);
      if (found_date != NULL)
        *found_date = g_strdup (awards_db_stmt_column_text (stmt, 1));
    }
  awards_db_stmt_reset (stmt);
  if (rc != AWARDS_DB_ROW && rc != AWARDS_DB_DONE)
    {
      awards_store_set_error (self->store, error, _("Could not read the decisions"));
      return -1;
    }
  return id;
}

static void
set_number_taken (AwardsBatch  *self,
                  const char   *number,
                  gint64        authority_id,
                  const char   *found_date,
                  GError      **error)
{
  g_autofree char *shown = awards_date_format_short (found_date);

  g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_CONSTRAINT,
               _("decision number “%s” of “%s” is already used by the decision dated %s"),
               number, authority_name (self, authority_id), shown != NULL ? shown : found_date);
}

/**
 * awards_batch_ensure_decision:
 * @number: (nullable): the decision number; decisions without one are told apart by date
 * @iso_date: the decision's date, YYYY-MM-DD
 *
 * Finds the decision or creates it. A number the authority already used with another date is
 * an error (%AWARDS_STORE_ERROR_CONSTRAINT).
 */
gint64
awards_batch_ensure_decision (AwardsBatch  *self,
                              const char   *number,
                              const char   *iso_date,
                              gint64        authority_id,
                              GError      **error)
{
  g_autofree char *normal_number = NULL;
  g_autofree char *number_key = NULL;
  g_autofree char *typed_key = NULL;
  g_autofree char *raw_key = NULL;
  g_autofree char *found_date = NULL;
  DecisionInfo *info;
  gint64 id;

  g_return_val_if_fail (self != NULL && self->open, 0);
  g_return_val_if_fail (iso_date != NULL, 0);
  g_return_val_if_fail (authority_id > 0, 0);

  raw_key = g_strdup_printf ("%" G_GINT64_FORMAT "|%s|%s", authority_id,
                             number != NULL ? number : "", number != NULL ? "" : iso_date);
  info = g_hash_table_lookup (self->decisions, raw_key);
  if (info == NULL)
    {
      /* The number's key is derived once, for the look-up and for a new decision. */
      normal_number = awards_decision_number_normalize (number);
      number_key = normal_number != NULL ? awards_text_name_key (normal_number) : NULL;
      typed_key = awards_decision_number_typed_key (number);
      id = find_decision (self, number_key, typed_key, iso_date, authority_id, &found_date,
                          error);
      if (id < 0)
        return 0;
      if (id == 0)
        id = insert_decision (self, NULL, normal_number, number_key, iso_date, authority_id,
                              error);
      if (id == 0)
        return 0;
      info = awards_batch_decision_info_for_id (self, id, error);
      if (info == NULL)
        return 0;
      g_hash_table_replace (self->decisions, g_strdup (raw_key), info);
    }
  if (strcmp (info->date, iso_date) != 0)
    {
      set_number_taken (self, info->number, authority_id, info->date, error);
      return 0;
    }
  return info->id;
}

/*
 * For AwardsStore's save_decision (): a new decision whose number must not be in use at all.
 */
gint64
awards_batch_create_decision (AwardsBatch     *self,
                              AwardsDecision  *decision,
                              gint64           authority_id,
                              GError         **error)
{
  g_autofree char *number =
    awards_decision_number_normalize (awards_decision_get_number (decision));
  g_autofree char *number_key = number != NULL ? awards_text_name_key (number) : NULL;
  g_autofree char *typed_key =
    awards_decision_number_typed_key (awards_decision_get_number (decision));
  g_autofree char *found_date = NULL;
  const char *date = awards_decision_get_date (decision);
  gint64 id;

  if (number != NULL)
    {
      id = find_decision (self, number_key, typed_key, date, authority_id, &found_date, error);
      if (id < 0)
        return 0;
      if (id > 0)
        {
          set_number_taken (self, number, authority_id, found_date, error);
          return 0;
        }
    }
  return insert_decision (self, decision, number, number_key, date, authority_id, error);
}
