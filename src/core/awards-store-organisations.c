/* awards-store-organisations.c: the store's organisations
 *
 * Reading (by id, by current or former name, a counted page of a list or a search) and writing
 * (save with former names and the search index, delete) the organisation table.
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
/* Organisations                                                                                 */

#define ORGANISATION_COLUMNS \
  "o.id, o.name, o.short_name, o.kind, o.parent_id, " \
  "(SELECT p.name FROM organisation p WHERE p.id = o.parent_id), " \
  "o.tax_code, o.address, o.district, o.sector, o.founded, o.dissolved, o.notes, " \
  "(SELECT count(*) FROM commendation c WHERE c.organisation_id = o.id AND c.deleted = 0) + " \
  "(SELECT count(*) FROM commendation c WHERE c.organisation_at_time_id = o.id AND c.deleted = 0), " \
  "o.row_version "

static gpointer
organisation_from_row (AwardsDbStmt *stmt,
                        gpointer      user_data G_GNUC_UNUSED)
{
  AwardsOrganisation *organisation = awards_organisation_new ();
  AwardsOrganisationKind kind = AWARDS_ORGANISATION_KIND_OTHER;

  awards_organisation_kind_from_string (awards_db_stmt_column_text (stmt, 3), &kind);
  awards_organisation_set_id (organisation, awards_db_stmt_column_int64 (stmt, 0));
  awards_organisation_set_name (organisation, awards_db_stmt_column_text (stmt, 1));
  awards_organisation_set_short_name (organisation, awards_db_stmt_column_text (stmt, 2));
  awards_organisation_set_kind (organisation, kind);
  awards_organisation_set_parent_id (organisation, awards_db_stmt_column_int64 (stmt, 4));
  awards_organisation_set_parent_name (organisation, awards_db_stmt_column_text (stmt, 5));
  awards_organisation_set_tax_code (organisation, awards_db_stmt_column_text (stmt, 6));
  awards_organisation_set_address (organisation, awards_db_stmt_column_text (stmt, 7));
  awards_organisation_set_district (organisation, awards_db_stmt_column_text (stmt, 8));
  awards_organisation_set_sector (organisation, awards_db_stmt_column_text (stmt, 9));
  awards_organisation_set_founded (organisation, awards_db_stmt_column_text (stmt, 10));
  awards_organisation_set_dissolved (organisation, awards_db_stmt_column_text (stmt, 11));
  awards_organisation_set_notes (organisation, awards_db_stmt_column_text (stmt, 12));
  awards_organisation_set_award_count (organisation, awards_db_stmt_column_int (stmt, 13));
  awards_organisation_set_row_version (organisation, awards_db_stmt_column_int64 (stmt, 14));
  return organisation;
}

static gboolean
load_former_names (AwardsStore         *self,
                   AwardsOrganisation  *organisation,
                   GError             **error)
{
  g_autoptr(GPtrArray) names = NULL;
  gint64 id = awards_organisation_get_id (organisation);

  names = awards_store_query_list (self,
                                   "SELECT name FROM organisation_name WHERE organisation_id = ?"
                                   " ORDER BY id",
                                   awards_query_bind_id, awards_query_read_text, g_free, &id,
                                   _("Could not read the organisation"), error);
  if (names == NULL)
    return FALSE;
  g_ptr_array_add (names, NULL);
  g_object_set (organisation, "former-names", (char **)names->pdata, NULL);
  return TRUE;
}

AwardsOrganisation *
awards_store_get_organisation (AwardsStore  *self,
                               gint64        id,
                               GError      **error)
{
  g_autoptr(AwardsOrganisation) organisation = NULL;

  g_return_val_if_fail (AWARDS_IS_STORE (self), NULL);

  /* The former names are read on the connection that read the organisation. */
  awards_store_read_begin (self);
  if (awards_store_query_row (self,
                              "SELECT " ORGANISATION_COLUMNS " FROM organisation o WHERE o.id = ?",
                              awards_query_bind_id, organisation_from_row, &id,
                              (gpointer *)&organisation, _("Could not read the organisation"),
                              error) &&
      organisation == NULL)
    awards_store_set_not_found (error, _("organisation"), id);
  if (organisation != NULL && !load_former_names (self, organisation, error))
    g_clear_object (&organisation);
  awards_store_read_end (self);
  return g_steal_pointer (&organisation);
}

/**
 * awards_store_find_organisation:
 * @name_or_id: a number (the organisation's id), or a name, current or former, compared
 *   without regard to case, spacing or Unicode form
 *
 * Returns: (transfer full): the organisation, or %NULL with %AWARDS_STORE_ERROR_NOT_FOUND
 */
AwardsOrganisation *
awards_store_find_organisation (AwardsStore  *self,
                                const char   *name_or_id,
                                GError      **error)
{
  g_autofree char *key = NULL;
  gint64 id = 0;
  AwardsDbStmt *stmt;
  char *end = NULL;
  AwardsDbStep rc;

  g_return_val_if_fail (AWARDS_IS_STORE (self), NULL);
  g_return_val_if_fail (name_or_id != NULL, NULL);

  id = g_ascii_strtoll (name_or_id, &end, 10);
  if (end != name_or_id && *end == '\0' && id > 0)
    {
      AwardsOrganisation *by_id = awards_store_get_organisation (self, id, NULL);

      if (by_id != NULL)
        return by_id;
    }

  key = awards_text_name_key (name_or_id);
  id = 0;
  awards_store_read_begin (self);
  stmt = awards_store_statement (self,
                               "SELECT id FROM organisation WHERE name_key = ?1"
                               " UNION ALL SELECT organisation_id FROM organisation_name"
                               " WHERE name_key = ?1 LIMIT 1", error);
  if (stmt == NULL)
    {
      awards_store_read_end (self);
      return NULL;
    }
  awards_db_stmt_bind_text (stmt, 1, key);
  rc = awards_db_stmt_next (stmt);
  if (rc == AWARDS_DB_ROW)
    id = awards_db_stmt_column_int64 (stmt, 0);
  /* The error is the reader's: said before the reader goes back. */
  else if (rc != AWARDS_DB_DONE)
    awards_store_set_error (self, error, _("Could not read the organisation"));
  awards_db_stmt_reset (stmt);
  awards_store_read_end (self);

  if (rc != AWARDS_DB_ROW && rc != AWARDS_DB_DONE)
    return NULL;
  if (id == 0)
    {
      g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_NOT_FOUND,
                   _("There is no organisation named “%s”."), name_or_id);
      return NULL;
    }
  return awards_store_get_organisation (self, id, error);
}


guint
awards_store_count_organisations (AwardsStore  *self,
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
                                 COUNT_SEARCH ("0"), error);
  else
    stmt = awards_store_statement (self, "SELECT count(*) FROM organisation", error);
  if (stmt != NULL)
    {
      if (match != NULL)
        awards_db_stmt_bind_text (stmt, 1, match);
      if (awards_db_stmt_next (stmt) == AWARDS_DB_ROW)
        count = awards_db_stmt_column_int (stmt, 0);
      else
        awards_store_set_error (self, error, _("Could not count the organisations"));
      awards_db_stmt_reset (stmt);
    }
  awards_store_read_end (self);
  return count;
}

/**
 * awards_store_list_organisations:
 * @search: (nullable): what the user typed; %NULL or blank lists all
 *
 * Returns: (transfer full): organisations in Vietnamese alphabetical order, with their award
 *   counts (their own and their people's while they belonged to them), or %NULL on error
 */
GPtrArray *
awards_store_list_organisations (AwardsStore  *self,
                                 const char   *search,
                                 guint         offset,
                                 guint         limit,
                                 GError      **error)
{
  AwardsQueryPage page = { NULL, 0, offset, limit };
  g_autofree char *match = NULL;
  GPtrArray *result;
  const char *sql;

  g_return_val_if_fail (AWARDS_IS_STORE (self), NULL);

  match = search != NULL ? awards_text_fts_query (search) : NULL;
  page.match = match;
  /* The page is read on the connection that judged the search broad. */
  awards_store_read_begin (self);
  if (match != NULL && awards_store_is_server (self) &&
      awards_store_search_is_broad (self, match, "0", (guint64)offset + limit))
    /* As for people (awards-store-people.c): the sort-key index, each search text by its key. */
    sql = "SELECT " ORGANISATION_COLUMNS " FROM organisation o"
          " WHERE EXISTS (SELECT 1 FROM search_index"
          "   WHERE rowid = " AWARDS_SEARCH_ROWID_SQL ("o.id", AWARDS_SEARCH_KIND_ORGANISATION_SQL)
          "   AND search_index MATCH ?1)"
          " ORDER BY o.sort_key, o.id LIMIT ?3 OFFSET ?4";
  else if (match != NULL &&
           awards_store_search_is_broad (self, match, "0", (guint64)offset + limit))
    sql = "SELECT " ORGANISATION_COLUMNS " FROM organisation o"
          " WHERE +o.id IN " SEARCH_IDS ("0")
          " ORDER BY o.sort_key, o.id LIMIT ?3 OFFSET ?4";
  else if (match != NULL)
    sql = "SELECT " ORGANISATION_COLUMNS " FROM organisation o"
          " WHERE o.id IN " SEARCH_IDS ("0")
          " ORDER BY o.sort_key, o.id LIMIT ?3 OFFSET ?4";
  else
    sql = "SELECT " ORGANISATION_COLUMNS " FROM organisation o"
          " ORDER BY o.sort_key, o.id LIMIT ?3 OFFSET ?4";
  result = awards_store_query_list (self, sql, awards_query_bind_page, organisation_from_row,
                                    g_object_unref, &page,
                                    _("Could not read the organisations"), error);
  awards_store_read_end (self);
  return result;
}

static char *
organisation_search_key (const char *name,
                         const char *short_name,
                         const char *tax_code,
                         const char * const *former_names)
{
  g_autoptr(GString) text = g_string_new (name);

  if (short_name != NULL)
    g_string_append_printf (text, " %s", short_name);
  if (tax_code != NULL)
    g_string_append_printf (text, " %s", tax_code);
  for (guint i = 0; former_names != NULL && former_names[i] != NULL; i++)
    g_string_append_printf (text, " %s", former_names[i]);
  return awards_text_fold (text->str);
}

/* Inserts or updates an organisation inside an open transaction. */
static gint64
write_organisation (AwardsStore         *self,
                    AwardsOrganisation  *organisation,
                    GError             **error)
{
  g_autofree char *name = awards_store_optional_text (awards_organisation_get_name (organisation));
  g_autofree char *short_name = awards_store_optional_text (awards_organisation_get_short_name (organisation));
  g_autofree char *tax_code = awards_store_optional_text (awards_organisation_get_tax_code (organisation));
  g_autofree char *founded = NULL;
  g_autofree char *dissolved = NULL;
  g_autofree char *old_name = NULL;
  g_autofree char *key = NULL;
  g_autofree char *search_key = NULL;
  g_auto(GStrv) former = NULL;
  g_autoptr(GBytes) sort_key = NULL;
  gint64 id = awards_organisation_get_id (organisation);
  gint64 parent_id = awards_organisation_get_parent_id (organisation);
  AwardsDbStmt *stmt;
  AwardsDbStep rc;

  if (name == NULL)
    {
      awards_store_set_invalid (error, _("The organisation has no name."));
      return 0;
    }
  if (awards_organisation_get_founded (organisation) != NULL &&
      !awards_date_parse (awards_organisation_get_founded (organisation), &founded))
    {
      awards_store_set_invalid (error, _("The founding date is not a valid date."));
      return 0;
    }
  if (awards_organisation_get_dissolved (organisation) != NULL &&
      !awards_date_parse (awards_organisation_get_dissolved (organisation), &dissolved))
    {
      awards_store_set_invalid (error, _("The dissolution date is not a valid date."));
      return 0;
    }
  if (id > 0 && parent_id == id)
    {
      awards_store_set_invalid (error, _("An organisation cannot be its own parent."));
      return 0;
    }

  /* A rename keeps the old name as a former name, so that old awards and imports still find it. */
  if (id > 0)
    {
      stmt = awards_store_statement (self, "SELECT name FROM organisation WHERE id = ?", error);
      if (stmt == NULL)
        return 0;
      awards_db_stmt_bind_int64 (stmt, 1, id);
      rc = awards_db_stmt_next (stmt);
      if (rc == AWARDS_DB_ROW)
        old_name = g_strdup (awards_db_stmt_column_text (stmt, 0));
      awards_db_stmt_reset (stmt);
      if (old_name == NULL)
        {
          awards_store_set_not_found (error, _("organisation"), id);
          return 0;
        }
      if (g_strcmp0 (old_name, name) != 0)
        {
          g_autofree char *old_key = awards_text_name_key (old_name);

          stmt = awards_store_statement (self,
                                       "INSERT INTO organisation_name"
                                       " (organisation_id, name, name_key, until)"
                                       " VALUES (?1, ?2, ?3, date ('now'))"
                                       " ON CONFLICT DO NOTHING", error);
          if (stmt == NULL)
            return 0;
          awards_db_stmt_bind_int64 (stmt, 1, id);
          awards_db_stmt_bind_text (stmt, 2, old_name);
          awards_db_stmt_bind_text (stmt, 3, old_key);
          if (!awards_store_run (self, stmt, _("Could not keep the former name"), error))
            return 0;
        }
      if (!load_former_names (self, organisation, error))
        return 0;
    }

  g_object_get (organisation, "former-names", &former, NULL);
  key = awards_text_name_key (name);
  search_key = organisation_search_key (name, short_name, tax_code, (const char * const *)former);
  sort_key = awards_text_collation_key (name);

  if (id > 0)
    stmt = awards_store_statement (self,
                                 "UPDATE organisation SET name = ?1, short_name = ?2, kind = ?3,"
                                 " parent_id = ?4, tax_code = ?5, address = ?6, district = ?7,"
                                 " sector = ?8, founded = ?9, dissolved = ?10, notes = ?11,"
                                 " name_key = ?12, search_key = ?13, sort_key = ?14,"
                                 " updated_at = strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')"
                                 " WHERE id = ?15", error);
  else
    stmt = awards_store_insert_statement (self,
                                 "INSERT INTO organisation (name, short_name, kind, parent_id,"
                                 " tax_code, address, district, sector, founded, dissolved, notes,"
                                 " name_key, search_key, sort_key)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
                                 " ?14)", error);
  if (stmt == NULL)
    return 0;
  {
    g_autofree char *address = awards_store_optional_text (awards_organisation_get_address (organisation));
    g_autofree char *district = awards_store_optional_text (awards_organisation_get_district (organisation));
    g_autofree char *sector = awards_store_optional_text (awards_organisation_get_sector (organisation));
    g_autofree char *notes = awards_store_optional_text (awards_organisation_get_notes (organisation));

    awards_db_stmt_bind_text (stmt, 1, name);
    awards_db_stmt_bind_text (stmt, 2, short_name);
    awards_db_stmt_bind_text (stmt, 3,
                      awards_organisation_kind_to_string (awards_organisation_get_kind (organisation)));
    awards_stmt_bind_id (stmt, 4, parent_id);
    awards_db_stmt_bind_text (stmt, 5, tax_code);
    awards_db_stmt_bind_text (stmt, 6, address);
    awards_db_stmt_bind_text (stmt, 7, district);
    awards_db_stmt_bind_text (stmt, 8, sector);
    awards_db_stmt_bind_text (stmt, 9, founded);
    awards_db_stmt_bind_text (stmt, 10, dissolved);
    awards_db_stmt_bind_text (stmt, 11, notes);
    awards_db_stmt_bind_text (stmt, 12, key);
    awards_db_stmt_bind_text (stmt, 13, search_key);
    awards_stmt_bind_bytes (stmt, 14, sort_key);
    if (id > 0)
      awards_db_stmt_bind_int64 (stmt, 15, id);
  }
  if (id > 0)
    {
      rc = awards_db_stmt_next (stmt);
      awards_db_stmt_reset (stmt);
    }
  else
    rc = awards_store_step_id (self, stmt, &id);
  if (rc == AWARDS_DB_FAILED)
    {
      if (awards_db_get_last_constraint (awards_store_get_connection (self)) ==
          AWARDS_DB_CONSTRAINT_UNIQUE)
        g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_CONSTRAINT,
                     _("Another organisation already has the registration code “%s”."),
                     tax_code);
      else
        awards_store_set_error (self, error, _("Could not save the organisation"));
      return 0;
    }
  awards_organisation_set_id (organisation, id);
  awards_organisation_set_name (organisation, name);
  return id;
}

/**
 * awards_store_save_organisation:
 *
 * Inserts the organisation when its id is 0, else updates it. A new name keeps the old one as a
 * former name. Sets the id on @organisation.
 *
 * Returns: the id, or 0 on error
 */
gint64
awards_store_save_organisation (AwardsStore         *self,
                                AwardsOrganisation  *organisation,
                                GError             **error)
{
  gint64 id;

  g_return_val_if_fail (AWARDS_IS_STORE (self), 0);
  g_return_val_if_fail (AWARDS_IS_ORGANISATION (organisation), 0);

  if (!awards_store_write_begin (self, error))
    return 0;
  id = awards_organisation_get_id (organisation);
  awards_command_begin (self, id > 0 ? AWARDS_ACTION_EDIT : AWARDS_ACTION_CREATE,
                        "organisation", id);
  id = write_organisation (self, organisation, error);
  if (!awards_command_commit (self, id > 0, error))
    return 0;
  return id;
}

/**
 * awards_store_create_organisation:
 * @organisation: a new organisation (its id 0)
 *
 * Records @organisation unless an organisation of its name, or that once had it, is recorded:
 * then nothing is written and the error is %AWARDS_STORE_ERROR_EXISTS. An editor asks about a
 * recorded name as it is typed; this catches the one another clerk saved since, as the look-up
 * and the insert are one write transaction, which other writers wait for on either backend.
 *
 * Returns: the new id, or 0 with @error set
 */
gint64
awards_store_create_organisation (AwardsStore         *self,
                                  AwardsOrganisation  *organisation,
                                  GError             **error)
{
  const char *name = awards_organisation_get_name (organisation);
  g_autofree char *key = NULL;
  AwardsDbStmt *stmt;
  AwardsDbStep rc;
  gint64 id = 0;

  g_return_val_if_fail (AWARDS_IS_STORE (self), 0);
  g_return_val_if_fail (AWARDS_IS_ORGANISATION (organisation), 0);
  g_return_val_if_fail (awards_organisation_get_id (organisation) == 0, 0);

  if (!awards_store_write_begin (self, error))
    return 0;
  key = awards_text_name_key (name != NULL ? name : "");
  stmt = awards_store_statement (self,
                                 "SELECT id FROM organisation WHERE name_key = ?1"
                                 " UNION ALL SELECT organisation_id FROM organisation_name"
                                 " WHERE name_key = ?1 LIMIT 1", error);
  rc = AWARDS_DB_FAILED;
  if (stmt != NULL)
    {
      awards_db_stmt_bind_text (stmt, 1, key);
      rc = awards_db_stmt_next (stmt);
      if (rc == AWARDS_DB_FAILED)
        awards_store_set_error (self, error, _("Could not read the organisation"));
      awards_db_stmt_reset (stmt);
    }
  if (rc != AWARDS_DB_DONE)
    {
      if (rc == AWARDS_DB_ROW)
        g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_EXISTS,
                     _("An organisation named “%s” was recorded meanwhile, perhaps by another "
                       "user. Open it, or keep this one as another of the same name."), name);
      awards_store_write_end (self, FALSE, NULL);
      return 0;
    }

  awards_command_begin (self, AWARDS_ACTION_CREATE, "organisation", 0);
  id = write_organisation (self, organisation, error);
  if (!awards_command_commit (self, id > 0, error))
    return 0;
  return id;
}

static char *
organisation_refusal (int n)
{
  return g_strdup_printf (ngettext ("The organisation has %d award recorded; it cannot be deleted.",
                                    "The organisation has %d awards recorded; it cannot be deleted.",
                                    n),
                          n);
}

static char *
organisation_refusal_deleted (int n)
{
  return g_strdup_printf (ngettext ("The organisation has %d deleted award, which the history of "
                                    "changes can bring back; it cannot be deleted.",
                                    "The organisation has %d deleted awards, which the history of "
                                    "changes can bring back; it cannot be deleted.",
                                    n),
                          n);
}

static const AwardsStoreDeleteSpec organisation_delete = {
  "organisation",
  "SELECT count(*), count(*) FILTER (WHERE deleted = 1) FROM commendation"
  " WHERE organisation_id = ?1 OR organisation_at_time_id = ?1",
  "DELETE FROM organisation WHERE id = ?",
  N_("Could not delete the organisation"),
  N_("organisation"),
  N_("Another user has just recorded an award of the organisation; it cannot be deleted."),
  organisation_refusal,
  organisation_refusal_deleted,
};

/**
 * awards_store_organisation_delete_refusal:
 *
 * Why organisation @id cannot be deleted (see awards_store_delete_refusal ()), or %NULL.
 */
char *
awards_store_organisation_delete_refusal (AwardsStore  *self,
                                          gint64        id,
                                          GError      **error)
{
  return awards_store_delete_refusal (self, &organisation_delete, id, error);
}

gboolean
awards_store_delete_organisation (AwardsStore  *self,
                                  gint64        id,
                                  GError      **error)
{
  return awards_store_delete_unused (self, &organisation_delete, id, error);
}
