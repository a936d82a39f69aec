/* awards-store-people.c: the store's people
 *
 * Reading (by id, a counted page of a list or a search, optionally within one organisation) and
 * writing (save with the search index, delete) the person table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "awards-catalogue.h"
#include "awards-command-private.h"
#include "awards-date.h"
#include "awards-search-id.h"
#include "awards-store-delete.h"
#include "awards-store-insert.h"
#include "awards-store-private.h"
#include "awards-store-query.h"
#include "awards-text.h"

/* ------------------------------------------------------------------------------------------- */
/* People                                                                                        */

#define PERSON_COLUMNS \
  "p.id, p.full_name, p.family_name, p.middle_name, p.given_name, p.gender, p.birth_year, " \
  "p.organisation_id, (SELECT o.name FROM organisation o WHERE o.id = p.organisation_id), " \
  "p.position, p.notes, " \
  "(SELECT count(*) FROM commendation c WHERE c.person_id = p.id AND c.deleted = 0), " \
  "p.row_version "

static gpointer
person_from_row (AwardsDbStmt *stmt,
                  gpointer      user_data G_GNUC_UNUSED)
{
  AwardsPerson *person = awards_person_new ();
  AwardsGender gender = AWARDS_GENDER_UNKNOWN;

  awards_gender_from_string (awards_db_stmt_column_text (stmt, 5), &gender);
  awards_person_set_id (person, awards_db_stmt_column_int64 (stmt, 0));
  awards_person_set_full_name (person, awards_db_stmt_column_text (stmt, 1));
  awards_person_set_family_name (person, awards_db_stmt_column_text (stmt, 2));
  awards_person_set_middle_name (person, awards_db_stmt_column_text (stmt, 3));
  awards_person_set_given_name (person, awards_db_stmt_column_text (stmt, 4));
  awards_person_set_gender (person, gender);
  awards_person_set_birth_year (person, awards_db_stmt_column_int (stmt, 6));
  awards_person_set_organisation_id (person, awards_db_stmt_column_int64 (stmt, 7));
  awards_person_set_organisation_name (person, awards_db_stmt_column_text (stmt, 8));
  awards_person_set_position (person, awards_db_stmt_column_text (stmt, 9));
  awards_person_set_notes (person, awards_db_stmt_column_text (stmt, 10));
  awards_person_set_award_count (person, awards_db_stmt_column_int (stmt, 11));
  awards_person_set_row_version (person, awards_db_stmt_column_int64 (stmt, 12));
  return person;
}

AwardsPerson *
awards_store_get_person (AwardsStore  *self,
                         gint64        id,
                         GError      **error)
{
  AwardsPerson *person = NULL;

  g_return_val_if_fail (AWARDS_IS_STORE (self), NULL);

  if (awards_store_query_row (self, "SELECT " PERSON_COLUMNS " FROM person p WHERE p.id = ?",
                              awards_query_bind_id, person_from_row, &id, (gpointer *)&person,
                              _("Could not read the person"), error) &&
      person == NULL)
    awards_store_set_not_found (error, _("person"), id);
  return person;
}

guint
awards_store_count_people (AwardsStore  *self,
                           const char   *search,
                           gint64        organisation_id,
                           GError      **error)
{
  g_autofree char *match = NULL;
  AwardsDbStmt *stmt;
  guint count = 0;

  g_return_val_if_fail (AWARDS_IS_STORE (self), 0);

  match = search != NULL ? awards_text_fts_query (search) : NULL;
  awards_store_read_begin (self);
  if (match != NULL && organisation_id <= 0)
    stmt = awards_store_statement (self, COUNT_SEARCH ("1"), error);
  else if (match != NULL)
    stmt = awards_store_statement (self,
                                 "SELECT count(*) FROM person WHERE id IN " SEARCH_IDS ("1")
                                 " AND organisation_id = ?2", error);
  else if (organisation_id > 0)
    stmt = awards_store_statement (self,
                                 "SELECT count(*) FROM person WHERE organisation_id = ?2", error);
  else if (awards_store_has_row_counts (self))
    /* A server keeps the number, which it would count row by row. */
    stmt = awards_store_statement (self, "SELECT n FROM awards_counts WHERE tbl = 'person'"
                                         " AND ?2 IS NULL", error);
  else
    /* Without a condition SQLite counts the smallest index instead of every row. */
    stmt = awards_store_statement (self, "SELECT count(*) FROM person WHERE ?2 IS NULL", error);
  if (stmt != NULL)
    {
      if (match != NULL)
        awards_db_stmt_bind_text (stmt, 1, match);
      awards_stmt_bind_id (stmt, 2, organisation_id);
      if (awards_db_stmt_next (stmt) == AWARDS_DB_ROW)
        count = awards_db_stmt_column_int (stmt, 0);
      else
        awards_store_set_error (self, error, _("Could not count the people"));
      awards_db_stmt_reset (stmt);
    }
  awards_store_read_end (self);
  return count;
}

/**
 * awards_store_list_people:
 * @search: (nullable): what the user typed
 * @organisation_id: only the people currently in this organisation, or 0
 *
 * Returns: (transfer full): people ordered by given name, middle name, then family name
 */
GPtrArray *
awards_store_list_people (AwardsStore  *self,
                          const char   *search,
                          gint64        organisation_id,
                          guint         offset,
                          guint         limit,
                          GError      **error)
{
  AwardsQueryPage page = { NULL, organisation_id, offset, limit };
  g_autofree char *match = NULL;
  GPtrArray *result;
  const char *sql;

  g_return_val_if_fail (AWARDS_IS_STORE (self), NULL);

  match = search != NULL ? awards_text_fts_query (search) : NULL;
  page.match = match;
  /* The page is read on the connection that judged the search broad. */
  awards_store_read_begin (self);
  if (match != NULL && organisation_id > 0)
    sql = "SELECT " PERSON_COLUMNS " FROM person p"
          " WHERE p.organisation_id = ?2 AND +p.id IN " SEARCH_IDS ("1")
          " ORDER BY p.sort_key, p.id LIMIT ?3 OFFSET ?4";
  else if (match != NULL && awards_store_is_server (self) &&
           awards_store_search_is_broad (self, match, "1", (guint64)offset + limit))
    /* The server walks the sort-key index and looks each person's search text up by its key,
     * until the page is full: 506 → 24 ms for "nguyen" among a million awards' people. */
    sql = "SELECT " PERSON_COLUMNS " FROM person p"
          " WHERE EXISTS (SELECT 1 FROM search_index"
          "   WHERE rowid = " AWARDS_SEARCH_ROWID_SQL ("p.id", AWARDS_SEARCH_KIND_PERSON_SQL)
          "   AND search_index MATCH ?1) AND ?2 IS NULL"
          " ORDER BY p.sort_key, p.id LIMIT ?3 OFFSET ?4";
  else if (match != NULL && awards_store_search_is_broad (self, match, "1", (guint64)offset + limit))
    sql = "SELECT " PERSON_COLUMNS " FROM person p"
          " WHERE +p.id IN " SEARCH_IDS ("1") " AND ?2 IS NULL"
          " ORDER BY p.sort_key, p.id LIMIT ?3 OFFSET ?4";
  else if (match != NULL)
    sql = "SELECT " PERSON_COLUMNS " FROM person p"
          " WHERE p.id IN " SEARCH_IDS ("1") " AND ?2 IS NULL"
          " ORDER BY p.sort_key, p.id LIMIT ?3 OFFSET ?4";
  else if (organisation_id > 0)
    sql = "SELECT " PERSON_COLUMNS " FROM person p"
          " WHERE p.organisation_id = ?2"
          " ORDER BY p.sort_key, p.id LIMIT ?3 OFFSET ?4";
  else
    sql = "SELECT " PERSON_COLUMNS " FROM person p WHERE ?2 IS NULL"
          " ORDER BY p.sort_key, p.id LIMIT ?3 OFFSET ?4";
  result = awards_store_query_list (self, sql, awards_query_bind_page, person_from_row,
                                    g_object_unref, &page, _("Could not read the people"), error);
  awards_store_read_end (self);
  return result;
}

/* Inserts or updates a person inside an open transaction. */
static gint64
write_person (AwardsStore   *self,
              AwardsPerson  *person,
              GError       **error)
{
  g_autofree char *full_name = awards_store_optional_text (awards_person_get_full_name (person));
  g_autofree char *position = awards_store_optional_text (awards_person_get_position (person));
  g_autofree char *notes = awards_store_optional_text (awards_person_get_notes (person));
  g_autofree char *family = NULL;
  g_autofree char *middle = NULL;
  g_autofree char *given = NULL;
  g_autofree char *key = NULL;
  g_autofree char *search_key = NULL;
  g_autoptr(GBytes) sort_key = NULL;
  gint64 id = awards_person_get_id (person);
  int birth_year = awards_person_get_birth_year (person);
  AwardsDbStmt *stmt;
  AwardsDbStep rc;

  if (full_name == NULL)
    {
      awards_store_set_invalid (error, _("The person has no name."));
      return 0;
    }
  if (birth_year != 0 && (birth_year < 1880 || birth_year > 2200))
    {
      awards_store_set_invalid (error, _("The year of birth is not a plausible year."));
      return 0;
    }
  awards_text_split_name (full_name, &family, &middle, &given);
  key = awards_text_name_key (full_name);
  search_key = awards_text_fold (full_name);
  sort_key = awards_text_person_sort_key (full_name);

  if (id > 0)
    stmt = awards_store_statement (self,
                                 "UPDATE person SET full_name = ?1, family_name = ?2,"
                                 " middle_name = ?3, given_name = ?4, gender = ?5, birth_year = ?6,"
                                 " organisation_id = ?7, position = ?8, notes = ?9, name_key = ?10,"
                                 " search_key = ?11, sort_key = ?12,"
                                 " updated_at = strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')"
                                 " WHERE id = ?13", error);
  else
    stmt = awards_store_insert_statement (self,
                                 "INSERT INTO person (full_name, family_name, middle_name,"
                                 " given_name, gender, birth_year, organisation_id, position, notes,"
                                 " name_key, search_key, sort_key)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)", error);
  if (stmt == NULL)
    return 0;
  awards_db_stmt_bind_text (stmt, 1, full_name);
  awards_db_stmt_bind_text (stmt, 2, family != NULL ? family : "");
  awards_db_stmt_bind_text (stmt, 3, middle != NULL ? middle : "");
  awards_db_stmt_bind_text (stmt, 4, given);
  awards_db_stmt_bind_text (stmt, 5, awards_gender_to_string (awards_person_get_gender (person)));
  if (birth_year != 0)
    awards_db_stmt_bind_int64 (stmt, 6, birth_year);
  else
    awards_db_stmt_bind_null (stmt, 6);
  awards_stmt_bind_id (stmt, 7, awards_person_get_organisation_id (person));
  awards_db_stmt_bind_text (stmt, 8, position);
  awards_db_stmt_bind_text (stmt, 9, notes);
  awards_db_stmt_bind_text (stmt, 10, key);
  awards_db_stmt_bind_text (stmt, 11, search_key);
  awards_stmt_bind_bytes (stmt, 12, sort_key);
  if (id > 0)
    awards_db_stmt_bind_int64 (stmt, 13, id);
  if (id > 0)
    {
      rc = awards_db_stmt_next (stmt);
      awards_db_stmt_reset (stmt);
    }
  else
    rc = awards_store_step_id (self, stmt, &id);
  if (rc == AWARDS_DB_FAILED)
    {
      awards_store_set_error (self, error, _("Could not save the person"));
      return 0;
    }
  if (rc == AWARDS_DB_DONE && awards_db_stmt_changes (stmt) == 0)
    {
      awards_store_set_not_found (error, _("person"), id);
      return 0;
    }
  awards_person_set_id (person, id);
  awards_person_set_full_name (person, full_name);
  awards_person_set_family_name (person, family);
  awards_person_set_middle_name (person, middle);
  awards_person_set_given_name (person, given);
  return id;
}

gint64
awards_store_save_person (AwardsStore   *self,
                          AwardsPerson  *person,
                          GError       **error)
{
  gint64 id;

  g_return_val_if_fail (AWARDS_IS_STORE (self), 0);
  g_return_val_if_fail (AWARDS_IS_PERSON (person), 0);

  if (!awards_store_write_begin (self, error))
    return 0;
  id = awards_person_get_id (person);
  awards_command_begin (self, id > 0 ? AWARDS_ACTION_EDIT : AWARDS_ACTION_CREATE, "person", id);
  id = write_person (self, person, error);
  if (!awards_command_commit (self, id > 0, error))
    return 0;
  return id;
}

/**
 * awards_store_create_person:
 * @person: a new person (their id 0)
 *
 * Records @person unless their organisation has a person of the same name recorded: then
 * nothing is written and the error is %AWARDS_STORE_ERROR_EXISTS. As
 * awards_store_create_organisation (), the look-up and the insert are one write transaction.
 *
 * Returns: the new id, or 0 with @error set
 */
gint64
awards_store_create_person (AwardsStore   *self,
                            AwardsPerson  *person,
                            GError       **error)
{
  g_autofree char *full_name = NULL;
  g_autofree char *key = NULL;
  gint64 organisation_id;
  gint64 id;

  g_return_val_if_fail (AWARDS_IS_STORE (self), 0);
  g_return_val_if_fail (AWARDS_IS_PERSON (person), 0);
  g_return_val_if_fail (awards_person_get_id (person) == 0, 0);

  if (!awards_store_write_begin (self, error))
    return 0;
  full_name = awards_store_optional_text (awards_person_get_full_name (person));
  organisation_id = awards_person_get_organisation_id (person);
  if (full_name != NULL && organisation_id > 0)
    {
      AwardsDbStmt *stmt = awards_store_statement (self,
                                                   "SELECT id FROM person WHERE name_key = ?1"
                                                   " AND organisation_id = ?2 LIMIT 1", error);
      AwardsDbStep rc = AWARDS_DB_FAILED;

      key = awards_text_name_key (full_name);
      if (stmt != NULL)
        {
          awards_db_stmt_bind_text (stmt, 1, key);
          awards_db_stmt_bind_int64 (stmt, 2, organisation_id);
          rc = awards_db_stmt_next (stmt);
          if (rc == AWARDS_DB_FAILED)
            awards_store_set_error (self, error, _("Could not read the person"));
          awards_db_stmt_reset (stmt);
        }
      if (rc != AWARDS_DB_DONE)
        {
          if (rc == AWARDS_DB_ROW)
            g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_EXISTS,
                         _("A person named “%s” of this organisation was recorded meanwhile, "
                           "perhaps by another user. Open them, or keep this one as another "
                           "person of the same name."), full_name);
          awards_store_write_end (self, FALSE, NULL);
          return 0;
        }
    }

  awards_command_begin (self, AWARDS_ACTION_CREATE, "person", 0);
  id = write_person (self, person, error);
  if (!awards_command_commit (self, id > 0, error))
    return 0;
  return id;
}

static char *
person_refusal (int n)
{
  return g_strdup_printf (ngettext ("The person has %d award recorded; they cannot be deleted.",
                                    "The person has %d awards recorded; they cannot be deleted.",
                                    n),
                          n);
}

static char *
person_refusal_deleted (int n)
{
  return g_strdup_printf (ngettext ("The person has %d deleted award, which the history of "
                                    "changes can bring back; they cannot be deleted.",
                                    "The person has %d deleted awards, which the history of "
                                    "changes can bring back; they cannot be deleted.",
                                    n),
                          n);
}

static const AwardsStoreDeleteSpec person_delete = {
  "person",
  "SELECT count(*), count(*) FILTER (WHERE deleted = 1) FROM commendation"
  " WHERE person_id = ?",
  "DELETE FROM person WHERE id = ?",
  N_("Could not delete the person"),
  N_("person"),
  N_("Another user has just recorded an award of the person; they cannot be deleted."),
  person_refusal,
  person_refusal_deleted,
};

/**
 * awards_store_person_delete_refusal:
 *
 * Why person @id cannot be deleted (see awards_store_delete_refusal ()), or %NULL.
 */
char *
awards_store_person_delete_refusal (AwardsStore  *self,
                                    gint64        id,
                                    GError      **error)
{
  return awards_store_delete_refusal (self, &person_delete, id, error);
}

gboolean
awards_store_delete_person (AwardsStore  *self,
                            gint64        id,
                            GError      **error)
{
  return awards_store_delete_unused (self, &person_delete, id, error);
}
