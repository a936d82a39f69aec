/* awards-review-store.c: the tables of schema step 4 (ratings, initiatives, levels, staff classes)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "awards-review-store.h"
#include "awards-audit-private.h"
#include "awards-command-private.h"
#include "awards-store-insert.h"
#include "awards-store-private.h"
#include "awards-text.h"

/* Organisations count as positive keys and people as negative ones, as in the schema's indexes. */
static void
bind_recipient (AwardsDbStmt        *stmt,
                int                  organisation_index,
                AwardsRecipientKind  kind,
                gint64               recipient_id)
{
  awards_stmt_bind_id (stmt, organisation_index,
                  kind == AWARDS_RECIPIENT_KIND_COLLECTIVE ? recipient_id : 0);
  awards_stmt_bind_id (stmt, organisation_index + 1,
                  kind == AWARDS_RECIPIENT_KIND_INDIVIDUAL ? recipient_id : 0);
}

static gboolean
check_recipient (AwardsRecipientKind   kind,
                 gint64                recipient_id,
                 int                   year,
                 GError              **error)
{
  if ((kind != AWARDS_RECIPIENT_KIND_COLLECTIVE && kind != AWARDS_RECIPIENT_KIND_INDIVIDUAL) ||
      recipient_id <= 0)
    {
      awards_store_set_invalid (error, _("A rating or an initiative needs one recipient."));
      return FALSE;
    }
  if (year < 1900 || year > 2200)
    {
      g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_INVALID,
                   _("%d is not a year between 1900 and 2200."), year);
      return FALSE;
    }
  return TRUE;
}

/* The text of the first column of @stmt's first row, or NULL; resets @stmt. */
static char *
first_text (AwardsDbStmt *stmt,
            gboolean     *ok)
{
  char *value = NULL;
  AwardsDbStep rc = awards_db_stmt_next (stmt);

  if (rc == AWARDS_DB_ROW && awards_db_stmt_column_text (stmt, 0) != NULL)
    value = g_strdup (awards_db_stmt_column_text (stmt, 0));
  awards_db_stmt_reset (stmt);
  *ok = rc == AWARDS_DB_ROW || rc == AWARDS_DB_DONE;
  return value;
}

/* The rating recorded for a recipient and year, or NULL. */
static char *
current_rating (AwardsStore          *store,
                AwardsRecipientKind   kind,
                gint64                recipient_id,
                int                   year,
                gboolean             *ok)
{
  AwardsDbStmt *stmt = awards_store_statement (store,
                                               "SELECT rating FROM annual_rating"
                                               " WHERE coalesce (organisation_id, -person_id)"
                                               " = coalesce (?1, -?2) AND year = ?3", NULL);

  *ok = stmt != NULL;
  if (stmt == NULL)
    return NULL;
  bind_recipient (stmt, 1, kind, recipient_id);
  awards_db_stmt_bind_int64 (stmt, 3, year);
  return first_text (stmt, ok);
}

/* "Trần Văn Bảy (2011)": the record a rating or an initiative is logged under. */
static char *
recipient_year_name (AwardsStore          *store,
                     AwardsRecipientKind   kind,
                     gint64                recipient_id,
                     int                   year)
{
  g_autofree char *name =
    awards_audit_record_name (store, kind == AWARDS_RECIPIENT_KIND_INDIVIDUAL ? "person"
                                                                              : "organisation",
                              recipient_id);

  return g_strdup_printf ("%s (%d)", name != NULL ? name : "?", year);
}

/* Logs the change of one field of the current command, if it changed. */
static void
log_field (AwardsStore *store,
           const char  *record,
           const char  *field,
           const char  *before,
           const char  *after)
{
  g_autofree char *before_json = NULL;
  g_autofree char *after_json = NULL;

  if (g_strcmp0 (before, after) == 0)
    return;
  before_json = awards_audit_field_json (field, before, NULL);
  after_json = awards_audit_field_json (field, after, NULL);
  awards_command_set_fields (store, record, before_json, after_json, NULL);
}

static gboolean
write_rating (AwardsStore          *store,
              AwardsRecipientKind   kind,
              gint64                recipient_id,
              int                   year,
              AwardsRating          rating,
              GError              **error)
{
  AwardsDbStmt *stmt;

  if (!check_recipient (kind, recipient_id, year, error))
    return FALSE;
  if (rating == AWARDS_RATING_NONE)
    stmt = awards_store_statement (store,
                                 "DELETE FROM annual_rating WHERE coalesce (organisation_id,"
                                 " -person_id) = coalesce (?1, -?2) AND year = ?3", error);
  /* A server's ON CONFLICT DO UPDATE names the unique index it means, by its expressions
   * (SQLite's and the server's spell the index each its own way). */
  else if (awards_store_is_server (store))
    stmt = awards_store_statement (store,
                                   "INSERT INTO annual_rating (organisation_id, person_id, year,"
                                   " rating) VALUES (?1, ?2, ?3, ?4)"
                                   " ON CONFLICT (coalesce (organisation_id, -person_id), year)"
                                   " DO UPDATE SET rating = excluded.rating", error);
  else
    stmt = awards_store_statement (store,
                                 "INSERT INTO annual_rating (organisation_id, person_id, year,"
                                 " rating) VALUES (?1, ?2, ?3, ?4)"
                                 " ON CONFLICT DO UPDATE SET rating = excluded.rating", error);
  if (stmt == NULL)
    return FALSE;
  bind_recipient (stmt, 1, kind, recipient_id);
  awards_db_stmt_bind_int64 (stmt, 3, year);
  if (rating != AWARDS_RATING_NONE)
    awards_db_stmt_bind_text (stmt, 4, awards_rating_to_string (rating));
  return awards_store_run (store, stmt, _("Could not save the rating"), error);
}

gboolean
awards_review_set_rating (AwardsStore          *store,
                          AwardsRecipientKind   kind,
                          gint64                recipient_id,
                          int                   year,
                          AwardsRating          rating,
                          GError              **error)
{
  gboolean ok;

  g_return_val_if_fail (AWARDS_IS_STORE (store), FALSE);

  if (!awards_store_write_begin (store, error))
    return FALSE;
  /* A rating decides who is eligible: who changed it is logged. */
  awards_command_begin (store, AWARDS_ACTION_EDIT, "rating", 0);
  ok = check_recipient (kind, recipient_id, year, error);
  if (ok)
    {
      g_autofree char *before = current_rating (store, kind, recipient_id, year, &ok);
      g_autofree char *record = recipient_year_name (store, kind, recipient_id, year);

      if (ok)
        log_field (store, record, "rating", before,
                   rating != AWARDS_RATING_NONE ? awards_rating_to_string (rating) : NULL);
      else
        awards_store_set_error (store, error, _("Could not read the ratings"));
    }
  ok = ok && write_rating (store, kind, recipient_id, year, rating, error);
  return awards_command_commit (store, ok, error);
}

/* The recipient columns of a list: kind, id, name, a person's organisation. */
#define RECIPIENT_COLUMNS \
  " CASE WHEN x.person_id IS NULL THEN 1 ELSE 2 END," \
  " coalesce (x.organisation_id, x.person_id)," \
  " CASE WHEN x.person_id IS NULL THEN o.name ELSE p.full_name END," \
  " po.name"
#define RECIPIENT_JOINS \
  " LEFT JOIN organisation o ON o.id = x.organisation_id" \
  " LEFT JOIN person p ON p.id = x.person_id" \
  " LEFT JOIN organisation po ON po.id = p.organisation_id"
#define RECIPIENT_FILTER \
  " WHERE x.year BETWEEN ?3 AND ?4 AND (?1 IS NULL AND ?2 IS NULL" \
  "  OR coalesce (x.organisation_id, -x.person_id) = coalesce (?1, -?2))" \
  "  AND (?5 = 0 OR (?5 = 1) = (x.person_id IS NULL))"

static AwardsDbStmt *
prepare_list (AwardsStore          *store,
              const char           *sql,
              AwardsRecipientKind   kind,
              gint64                recipient_id,
              int                   from_year,
              int                   to_year,
              GError              **error)
{
  AwardsDbStmt *stmt = awards_store_statement (store, sql, error);

  if (stmt == NULL)
    return NULL;
  /* Without a recipient both ids are NULL: bound as ids all the same, for the server. */
  bind_recipient (stmt, 1, kind, recipient_id > 0 ? recipient_id : 0);
  awards_db_stmt_bind_int64 (stmt, 3, from_year);
  awards_db_stmt_bind_int64 (stmt, 4, to_year);
  awards_db_stmt_bind_int64 (stmt, 5, kind);
  return stmt;
}

GPtrArray *
awards_review_list_ratings (AwardsStore          *store,
                            AwardsRecipientKind   kind,
                            gint64                recipient_id,
                            int                   from_year,
                            int                   to_year,
                            GError              **error)
{
  g_autoptr(GPtrArray) result =
    g_ptr_array_new_with_free_func ((GDestroyNotify)awards_rating_record_free);
  AwardsDbStmt *stmt;
  AwardsDbStep rc;

  g_return_val_if_fail (AWARDS_IS_STORE (store), NULL);

  awards_store_read_begin (store);
  stmt = prepare_list (store,
                       "SELECT x.id," RECIPIENT_COLUMNS ", x.year, x.rating"
                       " FROM annual_rating x" RECIPIENT_JOINS RECIPIENT_FILTER
                       " ORDER BY x.person_id IS NOT NULL, coalesce (x.organisation_id,"
                       " x.person_id), x.year",
                       kind, recipient_id, from_year, to_year, error);
  if (stmt == NULL)
    {
      awards_store_read_end (store);
      return NULL;
    }
  while ((rc = awards_db_stmt_next (stmt)) == AWARDS_DB_ROW)
    {
      AwardsRatingRecord *record = g_new0 (AwardsRatingRecord, 1);

      record->id = awards_db_stmt_column_int64 (stmt, 0);
      record->kind = awards_db_stmt_column_int (stmt, 1);
      record->recipient_id = awards_db_stmt_column_int64 (stmt, 2);
      record->recipient = g_strdup (awards_db_stmt_column_text (stmt, 3));
      record->organisation = g_strdup (awards_db_stmt_column_text (stmt, 4));
      record->year = awards_db_stmt_column_int (stmt, 5);
      record->rating = awards_rating_parse (awards_db_stmt_column_text (stmt, 6));
      g_ptr_array_add (result, record);
    }
  awards_db_stmt_reset (stmt);
  if (rc != AWARDS_DB_DONE)
    awards_store_set_error (store, error, _("Could not read the ratings"));
  awards_store_read_end (store);
  return rc == AWARDS_DB_DONE ? g_steal_pointer (&result) : NULL;
}

static gint64
write_initiative (AwardsStore             *store,
                  const AwardsInitiative  *initiative,
                  GError                 **error)
{
  g_autofree char *title = awards_store_optional_text (initiative->title);
  AwardsDbStmt *stmt;
  gint64 id;

  if (!check_recipient (initiative->kind, initiative->recipient_id, initiative->year, error))
    return 0;
  if (title == NULL)
    {
      awards_store_set_invalid (error, _("The initiative has no title."));
      return 0;
    }
  if (awards_scope_to_string (initiative->scope) == NULL)
    {
      awards_store_set_invalid (error, _("The initiative has no scope."));
      return 0;
    }
  stmt = awards_store_insert_statement (store,
                               "INSERT INTO initiative (organisation_id, person_id, year, title,"
                               " scope) VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return 0;
  bind_recipient (stmt, 1, initiative->kind, initiative->recipient_id);
  awards_db_stmt_bind_int64 (stmt, 3, initiative->year);
  awards_db_stmt_bind_text (stmt, 4, title);
  awards_db_stmt_bind_text (stmt, 5, awards_scope_to_string (initiative->scope));
  if (awards_store_step_id (store, stmt, &id) != AWARDS_DB_ROW)
    {
      awards_store_set_error (store, error, _("Could not save the initiative"));
      return 0;
    }
  return id;
}

/* The fields of an initiative as the log keeps them. */
static char *
initiative_json (const char  *title,
                 AwardsScope  scope)
{
  return awards_audit_field_json ("title", title, "scope", awards_scope_to_string (scope), NULL);
}

/* Gives the current command the initiative @id is before it is removed. */
static gboolean
log_initiative_removal (AwardsStore  *store,
                        gint64        id,
                        GError      **error)
{
  AwardsDbStmt *stmt = awards_store_statement (store,
                                               "SELECT CASE WHEN person_id IS NULL THEN 1"
                                               " ELSE 2 END, coalesce (organisation_id,"
                                               " person_id), year, title, scope"
                                               " FROM initiative WHERE id = ?", error);
  AwardsDbStep rc;

  if (stmt == NULL)
    return FALSE;
  awards_db_stmt_bind_int64 (stmt, 1, id);
  rc = awards_db_stmt_next (stmt);
  if (rc == AWARDS_DB_ROW)
    {
      g_autofree char *record =
        recipient_year_name (store, awards_db_stmt_column_int (stmt, 0),
                             awards_db_stmt_column_int64 (stmt, 1),
                             awards_db_stmt_column_int (stmt, 2));
      g_autofree char *before =
        initiative_json (awards_db_stmt_column_text (stmt, 3),
                         awards_scope_parse (awards_db_stmt_column_text (stmt, 4)));

      awards_command_set_fields (store, record, before, NULL, NULL);
    }
  awards_db_stmt_reset (stmt);
  if (rc == AWARDS_DB_DONE)
    {
      /* Another clerk removed it first. */
      awards_store_set_not_found (error, _("initiative"), id);
      return FALSE;
    }
  if (rc != AWARDS_DB_ROW)
    {
      awards_store_set_error (store, error, _("Could not read the initiatives"));
      return FALSE;
    }
  return TRUE;
}

gint64
awards_review_add_initiative (AwardsStore             *store,
                              const AwardsInitiative  *initiative,
                              GError                 **error)
{
  gint64 id;

  g_return_val_if_fail (AWARDS_IS_STORE (store), 0);
  g_return_val_if_fail (initiative != NULL, 0);

  if (!awards_store_write_begin (store, error))
    return 0;
  awards_command_begin (store, AWARDS_ACTION_CREATE, "initiative", 0);
  id = write_initiative (store, initiative, error);
  if (id > 0)
    {
      g_autofree char *record = recipient_year_name (store, initiative->kind,
                                                     initiative->recipient_id, initiative->year);
      g_autofree char *after = initiative_json (initiative->title, initiative->scope);

      awards_command_set_fields (store, record, NULL, after, NULL);
    }
  if (!awards_command_commit (store, id > 0, id > 0 ? error : NULL))
    return 0;
  return id;
}

gboolean
awards_review_remove_initiative (AwardsStore  *store,
                                 gint64        id,
                                 GError      **error)
{
  AwardsDbStmt *stmt;
  gboolean ok;

  g_return_val_if_fail (AWARDS_IS_STORE (store), FALSE);

  if (!awards_store_write_begin (store, error))
    return FALSE;
  awards_command_begin (store, AWARDS_ACTION_DELETE, "initiative", 0);
  ok = log_initiative_removal (store, id, error);
  stmt = ok ? awards_store_statement (store, "DELETE FROM initiative WHERE id = ?", error) : NULL;
  ok = stmt != NULL;
  if (ok)
    {
      awards_db_stmt_bind_int64 (stmt, 1, id);
      ok = awards_store_run (store, stmt, _("Could not remove the initiative"), error);
    }
  return awards_command_commit (store, ok, error);
}

GPtrArray *
awards_review_list_initiatives (AwardsStore          *store,
                                AwardsRecipientKind   kind,
                                gint64                recipient_id,
                                int                   from_year,
                                int                   to_year,
                                GError              **error)
{
  g_autoptr(GPtrArray) result =
    g_ptr_array_new_with_free_func ((GDestroyNotify)awards_initiative_free);
  AwardsDbStmt *stmt;
  AwardsDbStep rc;

  g_return_val_if_fail (AWARDS_IS_STORE (store), NULL);

  awards_store_read_begin (store);
  stmt = prepare_list (store,
                       "SELECT x.id, CASE WHEN x.person_id IS NULL THEN 1 ELSE 2 END,"
                       " coalesce (x.organisation_id, x.person_id), x.year, x.title, x.scope"
                       " FROM initiative x" RECIPIENT_FILTER
                       " ORDER BY x.person_id IS NOT NULL, coalesce (x.organisation_id,"
                       " x.person_id), x.year, x.id",
                       kind, recipient_id, from_year, to_year, error);
  if (stmt == NULL)
    {
      awards_store_read_end (store);
      return NULL;
    }
  while ((rc = awards_db_stmt_next (stmt)) == AWARDS_DB_ROW)
    {
      AwardsInitiative *initiative = g_new0 (AwardsInitiative, 1);

      initiative->id = awards_db_stmt_column_int64 (stmt, 0);
      initiative->kind = awards_db_stmt_column_int (stmt, 1);
      initiative->recipient_id = awards_db_stmt_column_int64 (stmt, 2);
      initiative->year = awards_db_stmt_column_int (stmt, 3);
      initiative->title = g_strdup (awards_db_stmt_column_text (stmt, 4));
      initiative->scope = awards_scope_parse (awards_db_stmt_column_text (stmt, 5));
      g_ptr_array_add (result, initiative);
    }
  awards_db_stmt_reset (stmt);
  if (rc != AWARDS_DB_DONE)
    awards_store_set_error (store, error, _("Could not read the initiatives"));
  awards_store_read_end (store);
  return rc == AWARDS_DB_DONE ? g_steal_pointer (&result) : NULL;
}

AwardsLevel
awards_review_get_authority_level (AwardsStore  *store,
                                   gint64        authority_id,
                                   GError      **error)
{
  AwardsLevel level = AWARDS_LEVEL_NONE;
  AwardsDbStmt *stmt;
  AwardsDbStep rc;

  g_return_val_if_fail (AWARDS_IS_STORE (store), AWARDS_LEVEL_NONE);

  awards_store_read_begin (store);
  stmt = awards_store_statement (store, "SELECT level FROM authority WHERE id = ?", error);
  if (stmt != NULL)
    {
      awards_db_stmt_bind_int64 (stmt, 1, authority_id);
      rc = awards_db_stmt_next (stmt);
      if (rc == AWARDS_DB_ROW)
        level = awards_level_parse (awards_db_stmt_column_text (stmt, 0));
      else if (rc == AWARDS_DB_DONE)
        awards_store_set_not_found (error, _("authority"), authority_id);
      else
        awards_store_set_error (store, error, _("Could not read the authorities"));
      awards_db_stmt_reset (stmt);
    }
  awards_store_read_end (store);
  return level;
}

gboolean
awards_review_set_authority_level (AwardsStore  *store,
                                   gint64        authority_id,
                                   AwardsLevel   level,
                                   GError      **error)
{
  AwardsDbStmt *stmt;
  gboolean ok;

  g_return_val_if_fail (AWARDS_IS_STORE (store), FALSE);

  if (!awards_store_write_begin (store, error))
    return FALSE;
  /* A change of level changes who is eligible: it is logged, and can be undone. */
  awards_command_begin (store, AWARDS_ACTION_EDIT, "authority", authority_id);
  stmt = awards_store_statement (store, "UPDATE authority SET level = ?1 WHERE id = ?2", error);
  ok = stmt != NULL;
  if (ok)
    {
      awards_db_stmt_bind_text (stmt, 1, awards_level_to_string (level));
      awards_db_stmt_bind_int64 (stmt, 2, authority_id);
      ok = awards_store_run (store, stmt, _("Could not save the authority"), error);
    }
  return awards_command_commit (store, ok, error);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const AwardsStaffClassEntry *x = *(AwardsStaffClassEntry * const *)a;
  const AwardsStaffClassEntry *y = *(AwardsStaffClassEntry * const *)b;

  return awards_text_compare (x->position, y->position);
}

GPtrArray *
awards_review_list_staff_classes (AwardsStore  *store,
                                  GError      **error)
{
  g_autoptr(GPtrArray) result =
    g_ptr_array_new_with_free_func ((GDestroyNotify)awards_staff_class_entry_free);
  AwardsDbStmt *stmt;
  AwardsDbStep rc;

  g_return_val_if_fail (AWARDS_IS_STORE (store), NULL);

  awards_store_read_begin (store);
  stmt = awards_store_statement (store, "SELECT position, class FROM staff_class", error);
  if (stmt == NULL)
    {
      awards_store_read_end (store);
      return NULL;
    }
  while ((rc = awards_db_stmt_next (stmt)) == AWARDS_DB_ROW)
    {
      AwardsStaffClassEntry *entry = g_new0 (AwardsStaffClassEntry, 1);

      entry->position = g_strdup (awards_db_stmt_column_text (stmt, 0));
      entry->staff_class = awards_staff_class_parse (awards_db_stmt_column_text (stmt, 1));
      g_ptr_array_add (result, entry);
    }
  awards_db_stmt_reset (stmt);
  awards_store_read_end (store);
  if (rc != AWARDS_DB_DONE)
    {
      awards_store_set_error (store, error, _("Could not read the staff classes"));
      return NULL;
    }
  g_ptr_array_sort (result, compare_entries);
  return g_steal_pointer (&result);
}

gboolean
awards_review_set_staff_class (AwardsStore       *store,
                               const char        *position,
                               AwardsStaffClass   staff_class,
                               GError           **error)
{
  g_autofree char *text = NULL;
  g_autofree char *key = NULL;
  AwardsDbStmt *stmt;
  gboolean ok;

  g_return_val_if_fail (AWARDS_IS_STORE (store), FALSE);

  text = awards_store_optional_text (position);
  if (text == NULL)
    {
      awards_store_set_invalid (error, _("The position is empty."));
      return FALSE;
    }
  key = awards_text_fold (text);
  if (!awards_store_write_begin (store, error))
    return FALSE;
  /* The staff classes decide the rows of the statistics forms: who changed one is logged. */
  awards_command_begin (store, AWARDS_ACTION_EDIT, "staff_class", 0);
  stmt = awards_store_statement (store, "SELECT position FROM staff_class"
                                 " WHERE position_key = ?1", error);
  ok = stmt != NULL;
  if (ok)
    {
      g_autofree char *before = NULL;
      g_autofree char *spelled = NULL;

      awards_db_stmt_bind_text (stmt, 1, key);
      spelled = first_text (stmt, &ok);
      stmt = ok ? awards_store_statement (store, "SELECT class FROM staff_class"
                                          " WHERE position_key = ?1", error) : NULL;
      ok = stmt != NULL;
      if (ok)
        {
          awards_db_stmt_bind_text (stmt, 1, key);
          before = first_text (stmt, &ok);
        }
      if (!ok)
        awards_store_set_error (store, error, _("Could not read the staff classes"));
      else if (g_strcmp0 (before, awards_staff_class_to_string (staff_class)) != 0)
        log_field (store, text, "class", before, awards_staff_class_to_string (staff_class));
      /* The same class: only the position's spelling may change. */
      else if (staff_class != AWARDS_STAFF_CLASS_NONE)
        log_field (store, text, "position", spelled, text);
    }
  if (!ok)
    return awards_command_commit (store, FALSE, error);
  if (staff_class == AWARDS_STAFF_CLASS_NONE)
    stmt = awards_store_statement (store, "DELETE FROM staff_class WHERE position_key = ?2", error);
  else
    stmt = awards_store_statement (store,
                                 "INSERT INTO staff_class (position, position_key, class)"
                                 " VALUES (?1, ?2, ?3) ON CONFLICT (position_key) DO UPDATE"
                                 " SET position = excluded.position, class = excluded.class",
                                 error);
  ok = stmt != NULL;
  if (ok)
    {
      if (staff_class != AWARDS_STAFF_CLASS_NONE)
        {
          awards_db_stmt_bind_text (stmt, 1, text);
          awards_db_stmt_bind_text (stmt, 3, awards_staff_class_to_string (staff_class));
        }
      awards_db_stmt_bind_text (stmt, 2, key);
      ok = awards_store_run (store, stmt, _("Could not save the staff class"), error);
    }
  return awards_command_commit (store, ok, error);
}

AwardsStaffClass
awards_review_classify_position (GPtrArray  *entries,
                                 const char *position)
{
  g_autofree char *folded = NULL;
  AwardsStaffClass best = AWARDS_STAFF_CLASS_NONE;
  gsize best_length = 0;

  g_return_val_if_fail (entries != NULL, AWARDS_STAFF_CLASS_NONE);

  if (position == NULL || (folded = awards_text_fold (position)) == NULL)
    return AWARDS_STAFF_CLASS_NONE;
  for (guint i = 0; i < entries->len; i++)
    {
      const AwardsStaffClassEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *key = awards_text_fold (entry->position);
      gsize length = key != NULL ? strlen (key) : 0;

      /* A whole word or words: "Giám đốc" begins "Giám đốc HTX", not "Giám đốcx". */
      if (length > best_length && strncmp (folded, key, length) == 0 &&
          (folded[length] == '\0' || folded[length] == ' '))
        {
          best = entry->staff_class;
          best_length = length;
        }
    }
  return best;
}

gint64
awards_review_find_recipient (AwardsStore          *store,
                              AwardsRecipientKind   kind,
                              const char           *name,
                              const char           *organisation,
                              GError              **error)
{
  g_autofree char *key = NULL;
  g_autofree char *organisation_key = NULL;
  AwardsDbStmt *stmt;
  gint64 id = 0;
  AwardsDbStep rc;

  g_return_val_if_fail (AWARDS_IS_STORE (store), 0);
  g_return_val_if_fail (name != NULL, 0);

  key = awards_text_name_key (name);
  organisation_key = organisation != NULL ? awards_text_name_key (organisation) : NULL;
  awards_store_read_begin (store);
  if (kind == AWARDS_RECIPIENT_KIND_COLLECTIVE)
    stmt = awards_store_statement (store,
                                 "SELECT id FROM organisation WHERE name_key = ?1"
                                 " UNION ALL SELECT organisation_id FROM organisation_name"
                                 " WHERE name_key = ?1 LIMIT 1", error);
  else
    stmt = awards_store_statement (store,
                                 "SELECT p.id FROM person p LEFT JOIN organisation o"
                                 " ON o.id = p.organisation_id WHERE p.name_key = ?1"
                                 " AND (?2 IS NULL OR o.name_key = ?2) ORDER BY p.id LIMIT 1",
                                 error);
  if (stmt != NULL)
    {
      awards_db_stmt_bind_text (stmt, 1, key);
      if (kind != AWARDS_RECIPIENT_KIND_COLLECTIVE)
        awards_db_stmt_bind_text (stmt, 2, organisation_key);
      rc = awards_db_stmt_next (stmt);
      if (rc == AWARDS_DB_ROW)
        id = awards_db_stmt_column_int64 (stmt, 0);
      else if (rc != AWARDS_DB_DONE)
        awards_store_set_error (store, error, _("Could not read the database"));
      else if (kind == AWARDS_RECIPIENT_KIND_COLLECTIVE)
        g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_NOT_FOUND,
                     _("There is no organisation named “%s”."), name);
      else if (organisation != NULL)
        g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_NOT_FOUND,
                     _("There is no person named “%s” in “%s”."), name, organisation);
      else
        g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_NOT_FOUND,
                     _("There is no person named “%s”."), name);
      awards_db_stmt_reset (stmt);
    }
  awards_store_read_end (store);
  return id;
}

gboolean
awards_review_import (AwardsStore  *store,
                      GPtrArray    *ratings,
                      GPtrArray    *initiatives,
                      GError      **error)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (AWARDS_IS_STORE (store), FALSE);

  /* Nothing to add: nothing written, nothing logged. */
  if ((ratings == NULL || ratings->len == 0) && (initiatives == NULL || initiatives->len == 0))
    return TRUE;
  if (!awards_store_write_begin (store, error))
    return FALSE;
  /* One entry for the whole list, as for an import of awards. */
  awards_command_begin (store, AWARDS_ACTION_IMPORT, "rating", 0);
  {
    g_autofree char *details =
      awards_audit_ratings_details (ratings != NULL ? ratings->len : 0,
                                    initiatives != NULL ? initiatives->len : 0);

    awards_command_set_fields (store, NULL, NULL, NULL, details);
  }
  for (guint i = 0; ok && ratings != NULL && i < ratings->len; i++)
    {
      const AwardsRatingRecord *record = g_ptr_array_index (ratings, i);

      ok = write_rating (store, record->kind, record->recipient_id, record->year,
                         record->rating, error);
    }
  for (guint i = 0; ok && initiatives != NULL && i < initiatives->len; i++)
    ok = write_initiative (store, g_ptr_array_index (initiatives, i), error) > 0;
  return awards_command_commit (store, ok, ok ? error : NULL);
}

gboolean
awards_review_foreach_statistic (AwardsStore             *store,
                                 const char              *date_from,
                                 const char              *date_to,
                                 AwardsStatisticRowFunc   func,
                                 gpointer                 user_data,
                                 GError                 **error)
{
  AwardsDbStmt *stmt;
  AwardsDbStep rc;

  g_return_val_if_fail (AWARDS_IS_STORE (store), FALSE);
  g_return_val_if_fail (date_from != NULL && date_to != NULL && func != NULL, FALSE);

  awards_store_read_begin (store);
  stmt = awards_store_statement (store,
                               "SELECT c.person_id IS NOT NULL, o.kind, c.position,"
                               " c.award_type_id, t.name, t.category, d.kind, a.level"
                               " FROM commendation c"
                               " JOIN award_type t ON t.id = c.award_type_id"
                               " JOIN authority a ON a.id = c.authority_id"
                               " JOIN decision d ON d.id = c.decision_id"
                               " LEFT JOIN organisation o ON o.id = c.organisation_id"
                               " WHERE c.deleted = 0 AND c.revoked = 0"
                               " AND c.date BETWEEN ?1 AND ?2", error);
  if (stmt == NULL)
    {
      awards_store_read_end (store);
      return FALSE;
    }
  awards_db_stmt_bind_text (stmt, 1, date_from);
  awards_db_stmt_bind_text (stmt, 2, date_to);
  while ((rc = awards_db_stmt_next (stmt)) == AWARDS_DB_ROW)
    {
      AwardsStatisticRow row = { 0, };

      row.individual = awards_db_stmt_column_int (stmt, 0) != 0;
      if (!row.individual)
        awards_organisation_kind_from_string (awards_db_stmt_column_text (stmt, 1),
                                              &row.organisation_kind);
      row.position = awards_db_stmt_column_text (stmt, 2);
      row.award_type_id = awards_db_stmt_column_int64 (stmt, 3);
      row.award = awards_db_stmt_column_text (stmt, 4);
      awards_award_category_from_string (awards_db_stmt_column_text (stmt, 5), &row.category);
      awards_decision_kind_from_string (awards_db_stmt_column_text (stmt, 6), &row.decision_kind);
      row.level = awards_level_parse (awards_db_stmt_column_text (stmt, 7));
      func (&row, user_data);
    }
  awards_db_stmt_reset (stmt);
  if (rc != AWARDS_DB_DONE)
    awards_store_set_error (store, error, _("Could not read the awards"));
  awards_store_read_end (store);
  return rc == AWARDS_DB_DONE;
}
