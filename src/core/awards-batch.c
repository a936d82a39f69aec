#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "awards-batch.h"
#include "awards-batch-copy.h"
#include "awards-batch-private.h"
#include "awards-catalogue.h"
#include "awards-command-private.h"
#include "awards-schema.h"
#include "awards-store-insert.h"
#include "awards-store-private.h"
#include "awards-text.h"

/*
 * Imports name the same organisations, people, authorities and awards over and over. The batch
 * remembers every name it has resolved twice over: by the text exactly as given (no Unicode work
 * at all for a repeat) and by its normalised key (one lookup in the database per new name).
 *
 * A large batch into a small database runs in bulk mode (awards_batch_expect_rows ()): what
 * every new row would have to update, row by row, is put aside and brought up to date once by
 * the commit (see awards_schema_begin_bulk ()). On a server, a large batch sends its new people
 * and awards with COPY instead (awards-batch-copy.c).
 */

/* A server's batch of at least this many awards sends them with COPY (awards-batch-copy.c);
 * tests lower it. */
#define COPY_MIN_ROWS 2000
static guint copy_min_rows = COPY_MIN_ROWS;

/* Past this many entries a text cache starts afresh, so that unique texts cannot fill memory. */
#define TEXT_CACHE_MAX 1024

static const char *const statement_sql[N_STATEMENTS] = {
  [STATEMENT_FIND_PERSON] =
    "SELECT id FROM person WHERE name_key = ?1 AND organisation_id IS NOT DISTINCT FROM ?2"
    " ORDER BY id LIMIT 1",
  [STATEMENT_INSERT_PERSON] =
    "INSERT INTO person (full_name, family_name, middle_name, given_name, organisation_id,"
    " position, name_key, search_key, sort_key, created_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
  [STATEMENT_INSERT_COMMENDATION] =
    "INSERT INTO commendation (decision_id, award_type_id, authority_id, date, period,"
    " organisation_id, person_id, recipient_name, organisation_at_time_id, position, achievement,"
    " register_number, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
    " ?13)",
};

/* What a server's statement adds to each (awards-store-insert.c): the new id, and for an award
 * given twice no row rather than an error, which would end the server's whole transaction
 * where the import goes on to find every bad row. */
static const char *const statement_server_suffix[N_STATEMENTS] = {
  [STATEMENT_FIND_PERSON] = "",
  [STATEMENT_INSERT_PERSON] = AWARDS_STORE_RETURNING_ID,
  [STATEMENT_INSERT_COMMENDATION] = " ON CONFLICT DO NOTHING" AWARDS_STORE_RETURNING_ID,
};

gint64 *
awards_batch_id_new (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

static gint64
cached_id (GHashTable *table,
           const char *key)
{
  gint64 *id = g_hash_table_lookup (table, key);

  return id != NULL ? *id : 0;
}

static void
remember_id (GHashTable *table,
             const char *key,
             gint64      id)
{
  g_hash_table_replace (table, g_strdup (key), awards_batch_id_new (id));
}

static void
award_info_free (gpointer data)
{
  AwardInfo *info = data;

  g_free (info->name);
  g_free (info);
}

static void
decision_info_free (gpointer data)
{
  DecisionInfo *info = data;

  g_free (info->date);
  g_free (info->number);
  g_free (info);
}

static GHashTable *
new_text_table (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static GHashTable *
new_id_table (GDestroyNotify value_free)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, value_free);
}

static void
text_cache_init (TextCache *cache)
{
  cache->table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  cache->last_text = NULL;
  cache->last_normal = NULL;
}

/* The normalised form of an optional text (NULL when blank), remembered: positions, periods
 * and achievements repeat from row to row. Valid until the next call with the same cache. */
const char *
awards_batch_cached_optional_text (TextCache  *cache,
                                   const char *text)
{
  const char *normal;
  char *fresh;
  char *copy;

  if (text == NULL)
    return NULL;
  if (cache->last_text != NULL && strcmp (cache->last_text, text) == 0)
    normal = cache->last_normal;
  else if (g_hash_table_lookup_extended (cache->table, text, (gpointer *) &copy,
                                         (gpointer *) &normal))
    {
      cache->last_text = copy;
      cache->last_normal = normal;
    }
  else
    {
      if (g_hash_table_size (cache->table) >= TEXT_CACHE_MAX)
        g_hash_table_remove_all (cache->table);
      fresh = awards_store_optional_text (text);
      normal = fresh != NULL ? fresh : g_strdup ("");
      copy = g_strdup (text);
      g_hash_table_insert (cache->table, copy, (char *) normal);
      cache->last_text = copy;
      cache->last_normal = normal;
    }
  return normal[0] != '\0' ? normal : NULL;
}

AwardsDbStmt *
awards_batch_statement (AwardsBatch  *self,
                        Statement     which,
                        GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *server_sql = NULL;

  if (self->statements[which] != NULL)
    return self->statements[which];
  if (self->db == NULL)
    server_sql = g_strconcat (statement_sql[which], statement_server_suffix[which], NULL);
  self->statements[which] = awards_db_prepare (self->adb,
                                               server_sql != NULL ? server_sql
                                                                  : statement_sql[which],
                                               &local_error);
  if (self->statements[which] == NULL && self->db != NULL)
    awards_store_set_error (self->store, error, _("Could not read the database"));
  else if (self->statements[which] == NULL)
    g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_FAILED, "%s (%s)",
                 _("Could not read the database"), local_error->message);
  return self->statements[which];
}

/* Binds a text that outlives the statement's next step; NULL becomes SQL NULL. */
void
awards_batch_bind_static_text (AwardsDbStmt *stmt,
                               int           index,
                               const char   *text)
{
  awards_db_stmt_bind_static_text (stmt, index, text);
}

/**
 * awards_batch_begin:
 *
 * Opens a write transaction on @store; the store is locked to this thread until the batch is
 * committed or freed.
 *
 * Returns: (transfer full): the batch, or %NULL if the database is busy or read-only
 */
AwardsBatch *
awards_batch_begin (AwardsStore  *store,
                    GError      **error)
{
  g_autoptr(GDateTime) now = NULL;
  AwardsBatch *self;

  g_return_val_if_fail (AWARDS_IS_STORE (store), NULL);

  awards_store_lock (store);
  if (awards_store_is_in_batch (store))
    {
      awards_store_unlock (store);
      g_set_error_literal (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_BUSY,
                           _("Another change is being written to the database."));
      return NULL;
    }
  if (!awards_store_begin_immediate (store, error))
    {
      awards_store_unlock (store);
      return NULL;
    }
  awards_store_set_in_batch (store, TRUE);
  /* An import unless the caller says otherwise (a decision saved with its awards). */
  awards_command_begin (store, AWARDS_ACTION_IMPORT, "import", 0);
  if (!awards_command_begin_ranges (store, error))
    {
      awards_store_rollback (store);
      awards_command_abort (store);
      awards_store_set_in_batch (store, FALSE);
      awards_store_unlock (store);
      return NULL;
    }

  self = g_new0 (AwardsBatch, 1);
  self->store = g_object_ref (store);
  self->adb = awards_store_get_connection (store);
  self->db = awards_store_get_db (store);
  if (self->db != NULL)
    self->changes_at_begin = sqlite3_total_changes64 (self->db);
  self->open = TRUE;
  /* Every row of the batch was created at its beginning, and formatting the time once spares
   * SQLite doing it for each of a million rows. */
  now = g_date_time_new_now_utc ();
  self->created_at = g_date_time_format (now, "%Y-%m-%d %H:%M:%S");
  self->authority_ids = new_text_table ();
  self->authority_names = new_id_table (g_free);
  self->award_types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->award_infos = g_ptr_array_new_with_free_func (award_info_free);
  self->award_by_id = new_id_table (NULL);
  self->organisation_ids = new_text_table ();
  self->organisation_names = new_id_table (g_free);
  self->new_organisations = new_id_table (NULL);
  self->people = awards_batch_people_new ();
  self->person_names = new_id_table (g_free);
  self->decisions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->decision_by_id = new_id_table (decision_info_free);
  self->decision_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->decision_keys_read = new_id_table (NULL);
  text_cache_init (&self->periods);
  text_cache_init (&self->positions);
  text_cache_init (&self->achievements);
  return self;
}

void
awards_batch_close (AwardsBatch *self)
{
  if (!self->open)
    return;
  self->open = FALSE;
  awards_batch_restore_bulk (self);
  awards_command_abort (self->store);
  awards_store_pause_readers (self->store, FALSE);
  awards_store_set_in_batch (self->store, FALSE);
  awards_store_unlock (self->store);
}

/* The batch's look-up tables, taken out of it to be freed. */
typedef struct
{
  GHashTable *tables[17];
  GPtrArray  *arrays[1];
} Caches;

static Caches *
take_caches (AwardsBatch *self)
{
  Caches *caches = g_new0 (Caches, 1);
  GHashTable **tables[] = {
    &self->authority_ids, &self->authority_names, &self->award_types, &self->award_by_id,
    &self->organisation_ids, &self->organisation_names, &self->new_organisations,
    &self->people, &self->people_before, &self->person_names, &self->decisions,
    &self->decision_keys,
    &self->decision_keys_read, &self->decision_by_id,
    &self->periods.table, &self->positions.table, &self->achievements.table,
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (tables) <= G_N_ELEMENTS (caches->tables));
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    caches->tables[i] = g_steal_pointer (tables[i]);
  /* The award records go last: tables above point into them. */
  caches->arrays[0] = g_steal_pointer (&self->award_infos);
  self->last_person = NULL;
  return caches;
}

static gpointer
free_caches (gpointer data)
{
  Caches *caches = data;

  for (guint i = 0; i < G_N_ELEMENTS (caches->tables); i++)
    g_clear_pointer (&caches->tables[i], g_hash_table_unref);
  for (guint i = 0; i < G_N_ELEMENTS (caches->arrays); i++)
    g_clear_pointer (&caches->arrays[i], g_ptr_array_unref);
  g_free (caches);
  return NULL;
}

/**
 * awards_batch_free:
 *
 * Frees the batch; if it was not committed, everything it wrote is rolled back.
 */
void
awards_batch_free (AwardsBatch *self)
{
  if (self == NULL)
    return;

  /* Statements are finalised first: the rollback may have to restore the schema. */
  for (guint i = 0; i < N_STATEMENTS; i++)
    g_clear_pointer (&self->statements[i], awards_db_stmt_free);
  g_clear_pointer (&self->copy, awards_batch_copy_free);
  if (self->open)
    {
      awards_store_rollback (self->store);
      awards_batch_close (self);
    }
  if (self->cleaner != NULL)
    g_thread_join (self->cleaner);
  else
    free_caches (take_caches (self));
  g_object_unref (self->store);
  g_free (self->created_at);
  g_clear_error (&self->send_failure);
  g_free (self);
}

/* Sends the rows kept for COPY, if any. */
gboolean
awards_batch_send_kept (AwardsBatch  *self,
                        GError      **error)
{
  g_autoptr(GError) local_error = NULL;

  if (self->send_failure != NULL)
    {
      g_propagate_error (error, g_error_copy (self->send_failure));
      return FALSE;
    }
  if (self->copy == NULL || awards_batch_copy_send (self->copy, &local_error))
    return TRUE;

  /* The rows were checked before they were kept: a server that refuses them was changed by
   * another clerk meanwhile (a record they name deleted, an award type made for the other kind
   * of recipient). Its transaction is over, so the batch is: whatever it is asked next gives
   * this reason, not the server's "current transaction is aborted". */
  if (g_error_matches (local_error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_CONSTRAINT))
    self->send_failure =
      g_error_new (AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_FAILED,
                   _("Another user deleted or changed records that these awards name while they "
                     "were being saved, so nothing was saved; try again (%s)"),
                   local_error->message);
  else
    self->send_failure = g_steal_pointer (&local_error);
  g_propagate_error (error, g_error_copy (self->send_failure));
  return FALSE;
}

/**
 * awards_batch_get_failure:
 *
 * Why the server refused the rows the batch sent, after which nothing else it does can
 * succeed; %NULL while it has not.
 *
 * Returns: (transfer none) (nullable): the reason
 */
const GError *
awards_batch_get_failure (AwardsBatch *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->send_failure;
}

/* On a server, a batch of @n_rows awards or more sends its new rows with COPY from now on. */
gboolean
awards_batch_maybe_start_copy (AwardsBatch  *self,
                               guint         n_rows,
                               GError      **error)
{
  if (self->copy != NULL || self->db != NULL || n_rows < copy_min_rows)
    return TRUE;
  self->copy = awards_batch_copy_new (self->adb, error);
  return self->copy != NULL;
}

/* Lets a test run a server's COPY with a few awards; 0 restores the usual size. */
void
awards_batch_set_copy_min_rows (guint n_rows)
{
  copy_min_rows = n_rows > 0 ? n_rows : COPY_MIN_ROWS;
}

/**
 * awards_batch_commit:
 * @error: return location for an error
 *
 * Writes everything the batch added, in one transaction, or nothing. Whatever the outcome, the
 * batch takes nothing more afterwards: only awards_batch_free () may follow, which rolls back a
 * commit that failed.
 *
 * Returns: %TRUE when everything was written
 */
gboolean
awards_batch_commit (AwardsBatch  *self,
                     GError      **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->open, FALSE);

  /* Nothing is added after a commit, whatever its outcome: the look-up tables of a large batch,
   * hundreds of thousands of entries, are freed in another thread while SQLite works. */
  if (self->bulk && self->cleaner == NULL)
    self->cleaner = g_thread_new ("batch-cleanup", free_caches, take_caches (self));

  if (!awards_batch_send_kept (self, error))
    return FALSE;
  awards_batch_widen_cache_for_commit (self);
  if (self->bulk && !awards_schema_end_bulk (self->db, &self->bulk_start, error))
    return FALSE;
  if (self->foreign_keys_off &&
      !awards_schema_check_references (self->db, &self->bulk_start, error))
    return FALSE;
  awards_command_set_count (self->store, self->n_added);
  if (!awards_command_finish (self->store, TRUE, error) ||
      !awards_store_flush_search (self->store, error) ||
      !awards_store_exec (self->store, "COMMIT", error))
    return FALSE;
  awards_command_end (self->store, TRUE);
  awards_command_history_snapshot (self->store);
  awards_batch_close (self);
  awards_store_emit_changed (self->store);
  return TRUE;
}

/**
 * awards_batch_expect_rows:
 * @n_rows: about how many awards the batch will add
 *
 * Tells the batch the size of what is coming; call it first. When it is large compared with
 * what the database holds, the batch goes into bulk mode: the list indexes and the triggers that
 * every new row would fire are dropped now and the commit builds them again, one sort instead of
 * a million insertions; who may receive an award is checked by the batch row by row, and by the
 * schema once more at the commit, like the references of the new rows. A rollback brings
 * everything back.
 *
 * Returns: %FALSE on error; the batch may then have ended (rolled back) and must only be freed
 */
gboolean
awards_batch_expect_rows (AwardsBatch  *self,
                          guint         n_rows,
                          GError      **error)
{
  g_return_val_if_fail (self != NULL && self->open, FALSE);

  /* What an import too large to be undone writes is not kept in memory for undoing. */
  if (!awards_command_may_keep (n_rows))
    awards_command_forget_changes (self->store);
  /* Bulk mode is what a file needs (its indexes, triggers, journal and cache); a server is
   * sent the rows with COPY. */
  if (!awards_batch_maybe_start_copy (self, n_rows, error))
    return FALSE;
  if (self->bulk || n_rows < 5000 || self->db == NULL)
    return TRUE;
  if (!awards_batch_start_bulk (self, n_rows, error))
    return FALSE;
  if (self->bulk)
    awards_command_forget_changes (self->store);
  return TRUE;
}

guint
awards_batch_get_n_added (AwardsBatch *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_added;
}

void
awards_batch_set_empty (GError     **error,
                        const char  *what)
{
  g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_INVALID, _("empty %s"), what);
}

/* Normalises a required name; sets an error naming @what when it is blank. */
static char *
required_name (const char  *text,
               const char  *what,
               GError     **error)
{
  char *name = awards_store_optional_text (text);

  if (name == NULL)
    awards_batch_set_empty (error, what);
  return name;
}

/* Looks up one id by a single text parameter. Returns -1 on a database error. */
static gint64
lookup_id (AwardsBatch  *self,
           const char   *sql,
           const char   *text,
           GError      **error)
{
  AwardsDbStmt *stmt = awards_store_statement (self->store, sql, error);
  gint64 id = 0;
  AwardsDbStep rc;

  if (stmt == NULL)
    return -1;
  awards_db_stmt_bind_text (stmt, 1, text);
  rc = awards_db_stmt_next (stmt);
  if (rc == AWARDS_DB_ROW)
    id = awards_db_stmt_column_int64 (stmt, 0);
  awards_db_stmt_reset (stmt);
  if (rc != AWARDS_DB_ROW && rc != AWARDS_DB_DONE)
    {
      awards_store_set_error (self->store, error, _("Could not read the database"));
      return -1;
    }
  return id;
}

gint64
awards_batch_ensure_authority (AwardsBatch  *self,
                               const char   *name,
                               GError      **error)
{
  g_autofree char *normal = NULL;
  g_autofree char *key = NULL;
  gint64 id;

  g_return_val_if_fail (self != NULL && self->open, 0);

  if (name != NULL && (id = cached_id (self->authority_ids, name)) > 0)
    return id;
  if ((normal = required_name (name, _("authority"), error)) == NULL)
    return 0;
  key = awards_text_name_key (normal);
  id = cached_id (self->authority_ids, key);
  if (id == 0)
    {
      id = lookup_id (self, "SELECT id FROM authority WHERE name_key = ?", key, error);
      if (id < 0)
        return 0;
      if (id == 0)
        {
          g_autoptr(AwardsAuthority) authority = awards_authority_new ();

          awards_authority_set_name (authority, normal);
          id = awards_store_save_authority (self->store, authority, error);
          if (id == 0)
            return 0;
        }
      remember_id (self->authority_ids, key, id);
      g_hash_table_replace (self->authority_names, awards_batch_id_new (id), g_strdup (normal));
    }
  remember_id (self->authority_ids, name, id);
  return id;
}

static AwardInfo *
remember_award (AwardsBatch       *self,
                gint64             id,
                const char        *name,
                AwardsEligibility  eligibility)
{
  AwardInfo *info = g_new0 (AwardInfo, 1);

  info->id = id;
  info->name = g_strdup (name);
  info->eligibility = eligibility;
  g_ptr_array_add (self->award_infos, info);
  g_hash_table_replace (self->award_by_id, awards_batch_id_new (id), info);
  return info;
}

AwardInfo *
awards_batch_award_info_for_id (AwardsBatch  *self,
                                gint64        id,
                                GError      **error)
{
  AwardInfo *info = g_hash_table_lookup (self->award_by_id, &id);
  AwardsDbStmt *stmt;
  AwardsEligibility eligibility = AWARDS_ELIGIBILITY_BOTH;
  AwardsDbStep rc;

  if (info != NULL)
    return info;
  stmt = awards_store_statement (self->store,
                               "SELECT name, eligibility FROM award_type WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  awards_db_stmt_bind_int64 (stmt, 1, id);
  rc = awards_db_stmt_next (stmt);
  if (rc == AWARDS_DB_ROW)
    {
      awards_eligibility_from_string (awards_db_stmt_column_text (stmt, 1), &eligibility);
      info = remember_award (self, id, awards_db_stmt_column_text (stmt, 0), eligibility);
    }
  else
    awards_store_set_not_found (error, _("award"), id);
  awards_db_stmt_reset (stmt);
  return info;
}

static int
next_award_rank (AwardsBatch  *self,
                 GError      **error)
{
  AwardsDbStmt *stmt;

  if (self->next_rank > 0)
    return self->next_rank++;
  stmt = awards_store_statement (self->store, "SELECT coalesce (max (rank), 0) FROM award_type",
                               error);
  if (stmt == NULL)
    return 0;
  if (awards_db_stmt_next (stmt) == AWARDS_DB_ROW)
    self->next_rank = awards_db_stmt_column_int (stmt, 0) + 1;
  awards_db_stmt_reset (stmt);
  return self->next_rank++;
}

/**
 * awards_batch_ensure_award_type:
 * @eligibility: (out) (optional): who may receive the award
 *
 * Finds the award type by name, or adds it to the catalogue after the known ones, with the
 * eligibility its name implies (awards_catalogue_eligibility_for_name ()).
 */
gint64
awards_batch_ensure_award_type (AwardsBatch        *self,
                                const char         *name,
                                AwardsEligibility  *eligibility,
                                GError            **error)
{
  g_autofree char *normal = NULL;
  g_autofree char *key = NULL;
  AwardInfo *info;

  g_return_val_if_fail (self != NULL && self->open, 0);

  info = name != NULL ? g_hash_table_lookup (self->award_types, name) : NULL;
  if (info == NULL)
    {
      gint64 id;

      if ((normal = required_name (name, _("award"), error)) == NULL)
        return 0;
      key = awards_text_name_key (normal);
      info = g_hash_table_lookup (self->award_types, key);
      if (info == NULL)
        {
          id = lookup_id (self, "SELECT id FROM award_type WHERE name_key = ?", key, error);
          if (id < 0)
            return 0;
          if (id > 0)
            info = awards_batch_award_info_for_id (self, id, error);
          else
            {
              g_autoptr(AwardsAwardType) type = awards_award_type_new ();
              int rank = next_award_rank (self, error);

              if (rank == 0)
                return 0;
              awards_award_type_set_name (type, normal);
              awards_award_type_set_category (type, awards_catalogue_category_for_name (normal));
              awards_award_type_set_eligibility (type,
                                                 awards_catalogue_eligibility_for_name (normal));
              awards_award_type_set_rank (type, rank);
              id = awards_store_save_award_type (self->store, type, error);
              if (id == 0)
                return 0;
              info = remember_award (self, id, normal,
                                     awards_award_type_get_eligibility (type));
            }
          if (info == NULL)
            return 0;
          g_hash_table_replace (self->award_types, g_strdup (key), info);
        }
      g_hash_table_replace (self->award_types, g_strdup (name), info);
    }
  if (eligibility != NULL)
    *eligibility = info->eligibility;
  return info->id;
}

/**
 * awards_batch_ensure_organisation:
 *
 * Finds the organisation by its current or a former name (normalised, case-insensitive), or
 * creates it.
 */
gint64
awards_batch_ensure_organisation (AwardsBatch  *self,
                                  const char   *name,
                                  GError      **error)
{
  g_autofree char *normal = NULL;
  g_autofree char *key = NULL;
  gint64 id;

  g_return_val_if_fail (self != NULL && self->open, 0);

  if (name != NULL && (id = cached_id (self->organisation_ids, name)) > 0)
    return id;
  if ((normal = required_name (name, _("organisation"), error)) == NULL)
    return 0;
  key = awards_text_name_key (normal);
  id = cached_id (self->organisation_ids, key);
  if (id == 0)
    {
      id = lookup_id (self,
                      "SELECT id FROM organisation WHERE name_key = ?1"
                      " UNION ALL SELECT organisation_id FROM organisation_name"
                      " WHERE name_key = ?1 LIMIT 1", key, error);
      if (id < 0)
        return 0;
      if (id == 0)
        {
          g_autoptr(AwardsOrganisation) organisation = awards_organisation_new ();

          awards_organisation_set_name (organisation, normal);
          awards_organisation_set_kind (organisation, awards_organisation_guess_kind (normal));
          id = awards_store_save_organisation (self->store, organisation, error);
          if (id == 0)
            return 0;
          g_hash_table_add (self->new_organisations, awards_batch_id_new (id));
          g_hash_table_replace (self->organisation_names, awards_batch_id_new (id),
                                g_strdup (normal));
        }
      remember_id (self->organisation_ids, key, id);
    }
  remember_id (self->organisation_ids, name, id);
  return id;
}
