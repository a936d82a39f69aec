/* awards-store-repair.c: names that older versions stored with invisible characters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "awards-store-private.h"
#include "awards-command-private.h"
#include "awards-store-repair.h"
#include "awards-text.h"

/*
 * Before names were cleaned on entry, a byte-order mark or a zero-width space inside a name made
 * a second organisation that looks exactly like the first. The check finds such records by
 * normalising their stored names again in C (the stored keys were made from the dirty names,
 * so SQL cannot group them), and the repair merges each group of look-alikes into its oldest
 * record and cleans the rest, all in one transaction.
 */

typedef struct
{
  gint64  id;
  gint64  organisation_id;   /* people only */
  char   *name;
  char   *clean;
  char   *key;
} Named;

static void
named_free (Named *named)
{
  g_free (named->name);
  g_free (named->clean);
  g_free (named->key);
  g_free (named);
}

/* Every organisation or person, with its name cleaned now; ordered by id. */
static GPtrArray *
load_names (AwardsStore  *self,
            gboolean      people,
            GError      **error)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) named_free);
  AwardsDbStmt *stmt;
  AwardsDbStep rc;

  stmt = awards_store_statement (self, people ? "SELECT id, full_name, organisation_id FROM person"
                                              " ORDER BY id"
                                            : "SELECT id, name, 0 FROM organisation ORDER BY id",
                               error);
  if (stmt == NULL)
    return NULL;
  while ((rc = awards_db_stmt_next (stmt)) == AWARDS_DB_ROW)
    {
      Named *named = g_new0 (Named, 1);
      g_autofree char *folded = NULL;

      named->id = awards_db_stmt_column_int64 (stmt, 0);
      named->name = g_strdup (awards_db_stmt_column_text (stmt, 1));
      named->organisation_id = awards_db_stmt_column_int64 (stmt, 2);
      named->clean = awards_text_normalize (named->name);
      if (named->clean == NULL)
        named->clean = g_utf8_make_valid (named->name, -1);
      folded = awards_text_name_key (named->clean);
      named->key = g_strdup_printf ("%" G_GINT64_FORMAT "\x1f%s", named->organisation_id,
                                    folded != NULL ? folded : named->clean);
      g_ptr_array_add (all, named);
    }
  awards_db_stmt_reset (stmt);
  if (rc != AWARDS_DB_DONE)
    {
      awards_store_set_error (self, error, _("Could not check the database"));
      return NULL;
    }
  return g_steal_pointer (&all);
}

/* For each record that looks like an older one, the older one (the first of its group). */
static GHashTable *
find_look_alikes (GPtrArray *all)
{
  g_autoptr(GHashTable) first = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTable *duplicates = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < all->len; i++)
    {
      Named *named = g_ptr_array_index (all, i);
      Named *older = g_hash_table_lookup (first, named->key);

      if (older == NULL)
        g_hash_table_insert (first, named->key, named);
      else
        g_hash_table_insert (duplicates, named, older);
    }
  return duplicates;
}

static void
describe (GPtrArray   *problems,
          gboolean     people,
          GPtrArray   *all)
{
  g_autoptr(GHashTable) duplicates = find_look_alikes (all);

  for (guint i = 0; i < all->len; i++)
    {
      Named *named = g_ptr_array_index (all, i);
      Named *older = g_hash_table_lookup (duplicates, named);

      if (g_strcmp0 (named->name, named->clean) != 0)
        g_ptr_array_add (problems,
                         people
                         ? g_strdup_printf (_("The name of the person “%s” (number %d) holds "
                                              "invisible or control characters."),
                                            named->clean, (int) named->id)
                         : g_strdup_printf (_("The name of the organisation “%s” (number %d) "
                                              "holds invisible or control characters."),
                                            named->clean, (int) named->id));
      if (older != NULL)
        g_ptr_array_add (problems,
                         people
                         ? g_strdup_printf (_("The people numbered %d and %d look alike: both "
                                              "are “%s” in the same organisation."),
                                            (int) older->id, (int) named->id, named->clean)
                         : g_strdup_printf (_("The organisations numbered %d and %d look alike: "
                                              "both are “%s”."),
                                            (int) older->id, (int) named->id, named->clean));
    }
}

/**
 * awards_store_check_names:
 * @problems: (element-type utf8): where to add one sentence per problem
 *
 * Finds names stored with invisible or control characters, and records that look exactly like
 * another once those are removed.
 *
 * Returns: %FALSE on a database error
 */
gboolean
awards_store_check_names (AwardsStore  *self,
                          GPtrArray    *problems,
                          GError      **error)
{
  g_autoptr(GPtrArray) organisations = NULL;
  g_autoptr(GPtrArray) people = NULL;

  g_return_val_if_fail (AWARDS_IS_STORE (self), FALSE);

  awards_store_lock (self);
  organisations = load_names (self, FALSE, error);
  people = organisations != NULL ? load_names (self, TRUE, error) : NULL;
  awards_store_unlock (self);
  if (people == NULL)
    return FALSE;

  describe (problems, FALSE, organisations);
  describe (problems, TRUE, people);
  return TRUE;
}

static gboolean
run_with_ids (AwardsStore  *self,
              const char   *sql,
              gint64        keep,
              gint64        gone,
              GError      **error)
{
  AwardsDbStmt *stmt = awards_store_statement (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  awards_db_stmt_bind_int64 (stmt, 1, keep);
  awards_db_stmt_bind_int64 (stmt, 2, gone);
  return awards_store_run (self, stmt, _("Could not merge the look-alike records"), error);
}

/* Moves everything of organisation @gone to @keep, then removes @gone. An award both received
 * in the same decision stays with @gone, which is then kept as merged into @keep. */
static gboolean
merge_organisation (AwardsStore  *self,
                    gint64        keep,
                    gint64        gone,
                    GError      **error)
{
  static const char *const steps[] = {
    "UPDATE OR IGNORE commendation SET organisation_id = ?1 WHERE organisation_id = ?2",
    "UPDATE commendation SET organisation_at_time_id = ?1 WHERE organisation_at_time_id = ?2",
    "UPDATE person SET organisation_id = ?1 WHERE organisation_id = ?2",
    "UPDATE organisation SET parent_id = ?1 WHERE parent_id = ?2 AND id <> ?1",
    "UPDATE organisation SET parent_id = NULL WHERE id = ?1 AND parent_id = ?2",
    "UPDATE OR IGNORE organisation_name SET organisation_id = ?1 WHERE organisation_id = ?2",
    "UPDATE organisation SET merged_into_id = ?1 WHERE merged_into_id = ?2",
    "DELETE FROM organisation WHERE id = ?2 AND NOT EXISTS (SELECT 1 FROM commendation"
    "  WHERE organisation_id = ?2)",
    "UPDATE organisation SET merged_into_id = ?1 WHERE id = ?2",
  };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (!run_with_ids (self, steps[i], keep, gone, error))
      return FALSE;
  return TRUE;
}

static gboolean
merge_person (AwardsStore  *self,
              gint64        keep,
              gint64        gone,
              GError      **error)
{
  return run_with_ids (self, "UPDATE OR IGNORE commendation SET person_id = ?1"
                             " WHERE person_id = ?2", keep, gone, error) &&
         run_with_ids (self, "DELETE FROM person WHERE id = ?2 AND NOT EXISTS"
                             " (SELECT 1 FROM commendation WHERE person_id = ?2)",
                       keep, gone, error);
}

/* Saves each record whose name is dirty again: saving normalises every text and its keys. */
static gboolean
clean_records (AwardsStore  *self,
               gboolean      people,
               GPtrArray    *all,
               GHashTable   *duplicates,
               guint        *n_repaired,
               GError      **error)
{
  for (guint i = 0; i < all->len; i++)
    {
      Named *named = g_ptr_array_index (all, i);

      if (g_hash_table_contains (duplicates, named) || g_str_equal (named->name, named->clean))
        continue;
      if (people)
        {
          g_autoptr(AwardsPerson) person = awards_store_get_person (self, named->id, error);

          if (person == NULL || awards_store_save_person (self, person, error) == 0)
            return FALSE;
        }
      else
        {
          g_autoptr(AwardsOrganisation) organisation =
            awards_store_get_organisation (self, named->id, error);

          if (organisation == NULL ||
              awards_store_save_organisation (self, organisation, error) == 0)
            return FALSE;
        }
      (*n_repaired)++;
    }
  return TRUE;
}

/* The texts of the awards themselves: the recipient's name at the time and the rest. */
static gboolean
clean_commendations (AwardsStore  *self,
                     guint        *n_repaired,
                     GError      **error)
{
  static const char *const columns[] = { "recipient_name", "position", "achievement",
                                         "period", "register_number" };

  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    {
      g_autofree char *select = g_strdup_printf ("SELECT id, %s FROM commendation"
                                                 " WHERE %s IS NOT NULL", columns[c], columns[c]);
      g_autofree char *update = g_strdup_printf ("UPDATE commendation SET %s = ?2 WHERE id = ?1",
                                                 columns[c]);
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
      AwardsDbStmt *stmt = awards_store_statement (self, select, error);
      AwardsDbStep rc;

      if (stmt == NULL)
        return FALSE;
      while ((rc = awards_db_stmt_next (stmt)) == AWARDS_DB_ROW)
        {
          const char *text = awards_db_stmt_column_text (stmt, 1);
          g_autofree char *clean = awards_store_optional_text (text);
          gint64 id = awards_db_stmt_column_int64 (stmt, 0);

          if (clean != NULL && g_strcmp0 (clean, text) != 0)
            {
              g_array_append_val (ids, id);
              g_ptr_array_add (texts, g_steal_pointer (&clean));
            }
        }
      awards_db_stmt_reset (stmt);
      if (rc != AWARDS_DB_DONE)
        {
          awards_store_set_error (self, error, _("Could not check the database"));
          return FALSE;
        }
      for (guint i = 0; i < ids->len; i++)
        {
          stmt = awards_store_statement (self, update, error);
          if (stmt == NULL)
            return FALSE;
          awards_db_stmt_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
          awards_db_stmt_bind_text (stmt, 2, g_ptr_array_index (texts, i));
          if (!awards_store_run (self, stmt, _("Could not clean the names"), error))
            return FALSE;
          (*n_repaired)++;
        }
    }
  return TRUE;
}

static gboolean
repair_kind (AwardsStore  *self,
             gboolean      people,
             guint        *n_repaired,
             GError      **error)
{
  g_autoptr(GPtrArray) all = load_names (self, people, error);
  g_autoptr(GHashTable) duplicates = NULL;
  GHashTableIter iter;
  gpointer key;
  gpointer value;

  if (all == NULL)
    return FALSE;
  duplicates = find_look_alikes (all);
  g_hash_table_iter_init (&iter, duplicates);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Named *gone = key;
      Named *keep = value;

      if (!(people ? merge_person (self, keep->id, gone->id, error)
                   : merge_organisation (self, keep->id, gone->id, error)))
        return FALSE;
      (*n_repaired)++;
    }
  return clean_records (self, people, all, duplicates, n_repaired, error);
}

/**
 * awards_store_repair_names:
 * @n_repaired: (out) (optional): how many records were cleaned or merged
 *
 * Merges look-alike organisations (then people) into the oldest of each group and removes
 * invisible and control characters from the names and texts that hold them, in one
 * transaction.
 *
 * Returns: %FALSE on a database error; nothing is changed then
 */
gboolean
awards_store_repair_names (AwardsStore  *self,
                           guint        *n_repaired,
                           GError      **error)
{
  guint count = 0;
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
  /* One entry of the audit log, with a part for every record cleaned or merged away: a repair
   * changes the record like any other command, and can be undone like one. */
  awards_command_begin (self, AWARDS_ACTION_MERGE, "repair", 0);
  /* The saves below write through this transaction, as inside a batch. */
  awards_store_set_in_batch (self, TRUE);
  ok = repair_kind (self, FALSE, &count, error) &&
       repair_kind (self, TRUE, &count, error) &&
       clean_commendations (self, &count, error);
  awards_store_set_in_batch (self, FALSE);
  ok = awards_command_commit (self, ok, ok ? error : NULL);
  if (ok && n_repaired != NULL)
    *n_repaired = count;
  return ok;
}
