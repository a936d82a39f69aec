/* awards-batch-copy.c: a large batch's new people, decisions and awards, sent to a server with
 * COPY
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "awards-batch-copy.h"
#include "awards-store-private.h"
#include "awards-store.h"

/*
 * A server answers each statement after a trip there and back: an import that inserted its
 * rows one statement at a time spent most of its time waiting (49 s for 200,000 awards, 2.5 s of
 * it the program's own work). Here the new people and awards are kept as COPY's rows and sent a
 * few megabytes at a time, two statements for thousands of rows.
 *
 * Their ids come from the tables' own sequences, taken a block at a time, so that the batch
 * knows the id of a row before the server has it (the awards name their people and decisions,
 * the importer names the lines of the awards). The people and decisions are sent before the
 * awards that name them. Decisions came later: 9,433 of them inserted one at a time were 0.47 s
 * of the server's time in an import of 200,000 rows, besides their trips.
 *
 * One thing a row-by-row insert learnt from the server is known here instead: an award that
 * repeats another of the same decision (ON CONFLICT DO NOTHING said so). The batch sends here
 * only awards of decisions it created itself, so that a repeat can only be of a row of this
 * batch; each of those leaves a fingerprint of its decision, award and recipient. A row whose
 * fingerprint was seen may be a repeat (or, rarely, share a fingerprint): it is refused here, and
 * the batch sends what is kept and asks the server, row by row, which tells exactly.
 */

/* What is kept is sent past this many bytes of one table's rows. */
#define SEND_BYTES (4 * 1024 * 1024)

/* Ids are drawn from a sequence in blocks growing from the first to the largest size. */
#define FIRST_BLOCK 256
#define LARGEST_BLOCK 16384

/* Ids drawn from a table's sequence: next is the last one given, up to last. */
typedef struct
{
  const char   *table;
  gint64        next;
  gint64        last;
  guint         block;
} IdPool;

typedef struct
{
  guint64 *slots;     /* 0: empty */
  gsize    size;      /* a power of two */
  gsize    used;
} FingerprintSet;

struct _AwardsBatchCopy
{
  AwardsDb        *db;
  AwardsDbInsert  *people;
  AwardsDbInsert  *decisions;
  AwardsDbInsert  *commendations;
  IdPool           person_ids;
  IdPool           decision_ids;
  IdPool           commendation_ids;
  gint64           first_person_kept;    /* the lowest and highest id of the people kept */
  gint64           last_person_kept;
  FingerprintSet   seen;
};

static const char *const person_columns[] = {
  "id", "full_name", "family_name", "middle_name", "given_name", "organisation_id", "position",
  "name_key", "search_key", "sort_key", "created_at", NULL
};

static const char *const decision_columns[] = {
  "id", "number", "number_key", "date", "authority_id", "signer_name", "signer_title", "occasion",
  "kind", "notes", "search_key", NULL
};

static const char *const commendation_columns[] = {
  "id", "decision_id", "award_type_id", "authority_id", "date", "period", "organisation_id",
  "person_id", "recipient_name", "organisation_at_time_id", "position", "achievement",
  "register_number", "created_at", NULL
};

AwardsBatchCopy *
awards_batch_copy_new (AwardsDb  *db,
                       GError   **error)
{
  g_autoptr(AwardsBatchCopy) self = g_new0 (AwardsBatchCopy, 1);

  g_return_val_if_fail (awards_db_get_backend (db) == AWARDS_DB_POSTGRESQL, NULL);

  self->db = db;
  self->person_ids.table = "person";
  self->person_ids.block = FIRST_BLOCK;
  self->decision_ids.table = "decision";
  self->decision_ids.block = FIRST_BLOCK;
  self->commendation_ids.table = "commendation";
  self->commendation_ids.block = FIRST_BLOCK;
  self->people = awards_db_insert_begin_deferred (db, "person", person_columns, error);
  if (self->people == NULL)
    return NULL;
  self->decisions = awards_db_insert_begin_deferred (db, "decision", decision_columns, error);
  if (self->decisions == NULL)
    return NULL;
  self->commendations = awards_db_insert_begin_deferred (db, "commendation",
                                                         commendation_columns, error);
  if (self->commendations == NULL)
    return NULL;
  return g_steal_pointer (&self);
}

void
awards_batch_copy_free (AwardsBatchCopy *self)
{
  if (self == NULL)
    return;
  /* Whatever was not sent is not written: the batch is being rolled back. */
  g_clear_pointer (&self->people, awards_db_insert_abandon);
  g_clear_pointer (&self->decisions, awards_db_insert_abandon);
  g_clear_pointer (&self->commendations, awards_db_insert_abandon);
  g_free (self->seen.slots);
  g_free (self);
}

static gint64
take_id (AwardsBatchCopy  *self,
         IdPool           *pool,
         GError          **error)
{
  g_autoptr(AwardsDbStmt) stmt = NULL;
  g_autofree char *sql = NULL;
  gint64 last = 0;

  if (pool->next < pool->last)
    return ++pool->next;

  /* One statement moves the sequence past a whole block (nextval () for each id took 0.55 s of
   * a 200,000-row import). Another program taking an id between its two calls would take one of
   * the block, and one of the two inserts would fail whole; Coop Awards' own writers cannot,
   * holding the write lock. */
  sql = g_strdup_printf ("SELECT setval (pg_get_serial_sequence ('%s', 'id'),"
                         " nextval (pg_get_serial_sequence ('%s', 'id')) + %u - 1)",
                         pool->table, pool->table, pool->block);
  stmt = awards_db_prepare (self->db, sql, error);
  if (stmt == NULL)
    return 0;
  if (awards_db_stmt_next (stmt) == AWARDS_DB_ROW)
    last = awards_db_stmt_column_int64 (stmt, 0);
  if (last <= 0)
    {
      awards_store_set_db_error (error,
                                 pool == &self->person_ids ? _("Could not save the person")
                                 : pool == &self->decision_ids ? _("Could not save the decision")
                                 : _("Could not save the award"),
                                 awards_db_get_last_error (self->db));
      return 0;
    }
  pool->next = last - pool->block + 1;
  pool->last = last;
  pool->block = MIN (pool->block * 2, LARGEST_BLOCK);
  return pool->next;
}

static guint64
fingerprint (gint64 a,
             gint64 b,
             gint64 c)
{
  /* splitmix64's finaliser over the three values in turn */
  guint64 h = 0x9e3779b97f4a7c15u;
  const gint64 values[] = { a, b, c };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      h ^= (guint64) values[i];
      h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9u;
      h = (h ^ (h >> 27)) * 0x94d049bb133111ebu;
      h ^= h >> 31;
    }
  return h != 0 ? h : 1;
}

static void
set_grow (FingerprintSet *set)
{
  guint64 *old = set->slots;
  gsize old_size = set->size;

  set->size = old_size != 0 ? old_size * 2 : 4096;
  set->slots = g_new0 (guint64, set->size);
  for (gsize i = 0; i < old_size; i++)
    {
      gsize at;

      if (old[i] == 0)
        continue;
      for (at = old[i] & (set->size - 1); set->slots[at] != 0; at = (at + 1) & (set->size - 1))
        ;
      set->slots[at] = old[i];
    }
  g_free (old);
}

/* Adds @value; FALSE when it was there already. */
static gboolean
set_add (FingerprintSet *set,
         guint64         value)
{
  gsize at;

  if ((set->used + 1) * 2 > set->size)
    set_grow (set);
  for (at = value & (set->size - 1); set->slots[at] != 0; at = (at + 1) & (set->size - 1))
    if (set->slots[at] == value)
      return FALSE;
  set->slots[at] = value;
  set->used++;
  return TRUE;
}

static void
insert_id (AwardsDbInsert *insert,
           gint64          id)
{
  if (id > 0)
    awards_db_insert_int64 (insert, id);
  else
    awards_db_insert_null (insert);
}

/**
 * awards_batch_copy_add_person:
 *
 * Keeps a new person for the next send.
 *
 * Returns: the person's id, or 0 on error
 */
gint64
awards_batch_copy_add_person (AwardsBatchCopy           *self,
                              const AwardsNewPersonRow  *row,
                              GError                   **error)
{
  AwardsDbInsert *insert = self->people;
  gsize sort_key_size = 0;
  gconstpointer sort_key = g_bytes_get_data (row->sort_key, &sort_key_size);
  gint64 id = take_id (self, &self->person_ids, error);

  if (id == 0)
    return 0;
  awards_db_insert_int64 (insert, id);
  awards_db_insert_text (insert, row->full_name);
  awards_db_insert_text (insert, row->family_name);
  awards_db_insert_text (insert, row->middle_name);
  awards_db_insert_text (insert, row->given_name);
  insert_id (insert, row->organisation_id);
  awards_db_insert_text (insert, row->position);
  awards_db_insert_text (insert, row->name_key);
  awards_db_insert_text (insert, row->search_key);
  awards_db_insert_blob (insert, sort_key, sort_key_size);
  awards_db_insert_text (insert, row->created_at);
  if (!awards_db_insert_end_row (insert, error))
    return 0;
  if (self->first_person_kept == 0 || id < self->first_person_kept)
    self->first_person_kept = id;
  self->last_person_kept = MAX (self->last_person_kept, id);
  return id;
}

/* Whether the person of @id may be among the people kept, not yet on the server. */
gboolean
awards_batch_copy_holds_person (AwardsBatchCopy *self,
                                gint64           id)
{
  return self->first_person_kept != 0 && id >= self->first_person_kept &&
         id <= self->last_person_kept;
}

/**
 * awards_batch_copy_add_decision:
 *
 * Keeps a new decision for the next send. The caller has made sure that its number is free.
 *
 * Returns: the decision's id, or 0 on error
 */
gint64
awards_batch_copy_add_decision (AwardsBatchCopy             *self,
                                const AwardsNewDecisionRow  *row,
                                GError                     **error)
{
  AwardsDbInsert *insert = self->decisions;
  gint64 id = take_id (self, &self->decision_ids, error);

  if (id == 0)
    return 0;
  awards_db_insert_int64 (insert, id);
  awards_db_insert_text (insert, row->number);
  awards_db_insert_text (insert, row->number_key);
  awards_db_insert_text (insert, row->date);
  awards_db_insert_int64 (insert, row->authority_id);
  awards_db_insert_text (insert, row->signer_name);
  awards_db_insert_text (insert, row->signer_title);
  awards_db_insert_text (insert, row->occasion);
  awards_db_insert_text (insert, row->kind);
  awards_db_insert_text (insert, row->notes);
  awards_db_insert_text (insert, row->search_key);
  if (!awards_db_insert_end_row (insert, error))
    return 0;
  return id;
}

/**
 * awards_batch_copy_add_commendation:
 * @row: an award of a decision the batch created
 *
 * Keeps a new award for the next send, unless it may repeat an award kept or sent before.
 *
 * Returns: the award's id; 0 without an error when it may be a repeat (the caller sends what is
 *   kept and inserts the award itself); 0 with @error set on an error
 */
gint64
awards_batch_copy_add_commendation (AwardsBatchCopy          *self,
                                    const AwardsNewAwardRow  *row,
                                    GError                  **error)
{
  AwardsDbInsert *insert = self->commendations;
  gint64 recipient = row->person_id > 0 ? -row->person_id : row->organisation_id;
  gint64 id;

  if (!set_add (&self->seen, fingerprint (row->decision_id, row->award_type_id, recipient)))
    return 0;
  id = take_id (self, &self->commendation_ids, error);
  if (id == 0)
    return 0;
  awards_db_insert_int64 (insert, id);
  awards_db_insert_int64 (insert, row->decision_id);
  awards_db_insert_int64 (insert, row->award_type_id);
  awards_db_insert_int64 (insert, row->authority_id);
  awards_db_insert_text (insert, row->date);
  awards_db_insert_text (insert, row->period);
  insert_id (insert, row->organisation_id);
  insert_id (insert, row->person_id);
  awards_db_insert_text (insert, row->recipient_name);
  insert_id (insert, row->organisation_at_time_id);
  awards_db_insert_text (insert, row->position);
  awards_db_insert_text (insert, row->achievement);
  awards_db_insert_text (insert, row->register_number);
  awards_db_insert_text (insert, row->created_at);
  if (!awards_db_insert_end_row (insert, error))
    return 0;
  return id;
}

/* Whether enough is kept to be sent. */
gboolean
awards_batch_copy_is_full (AwardsBatchCopy *self)
{
  return awards_db_insert_get_pending (self->commendations) >= SEND_BYTES ||
         awards_db_insert_get_pending (self->people) >= SEND_BYTES ||
         awards_db_insert_get_pending (self->decisions) >= SEND_BYTES;
}

/**
 * awards_batch_copy_send:
 *
 * Writes what is kept: the people and the decisions, then the awards that may name them. After
 * an error the server's transaction is over and must be rolled back.
 */
gboolean
awards_batch_copy_send (AwardsBatchCopy  *self,
                        GError          **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!awards_db_insert_send (self->people, &local_error) ||
      !awards_db_insert_send (self->decisions, &local_error) ||
      !awards_db_insert_send (self->commendations, &local_error))
    {
      awards_store_set_db_error (error, _("Could not save the award"), local_error);
      return FALSE;
    }
  self->first_person_kept = 0;
  self->last_person_kept = 0;
  return TRUE;
}
