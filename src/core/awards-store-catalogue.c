/* awards-store-catalogue.c: the store's authorities and award types (the catalogue)
 *
 * Listing, finding by name and saving the authorities that give decisions and the award types
 * they give; seeding a new database's catalogue stays with opening, in awards-store.c.
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
#include "awards-store-insert.h"
#include "awards-store-private.h"
#include "awards-store-query.h"
#include "awards-text.h"

/* ------------------------------------------------------------------------------------------- */
/* Authorities and award types                                                                   */

static gpointer
authority_from_row (AwardsDbStmt *stmt,
                     gpointer      user_data G_GNUC_UNUSED)
{
  AwardsAuthority *authority = awards_authority_new ();

  awards_authority_set_id (authority, awards_db_stmt_column_int64 (stmt, 0));
  awards_authority_set_name (authority, awards_db_stmt_column_text (stmt, 1));
  awards_authority_set_short_name (authority, awards_db_stmt_column_text (stmt, 2));
  awards_authority_set_award_count (authority, awards_db_stmt_column_int (stmt, 3));
  return authority;
}

/* The award count is left at 0 here: counting needs a pass over every award, and the lists of
 * authorities (choosers, filters) are read when a window opens. */
#define AUTHORITY_COLUMNS "a.id, a.name, a.short_name, 0 "

GPtrArray *
awards_store_list_authorities (AwardsStore  *self,
                               GError      **error)
{
  g_return_val_if_fail (AWARDS_IS_STORE (self), NULL);

  return awards_store_query_list (self,
                                  "SELECT " AUTHORITY_COLUMNS " FROM authority a ORDER BY a.sort_key",
                                  NULL, authority_from_row, g_object_unref, NULL,
                                  _("Could not read the authorities"), error);
}

AwardsAuthority *
awards_store_find_authority (AwardsStore  *self,
                             const char   *name,
                             GError      **error)
{
  g_autofree char *key = NULL;
  AwardsAuthority *authority = NULL;

  g_return_val_if_fail (AWARDS_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  key = awards_text_name_key (name);
  if (!awards_store_query_row (self,
                               "SELECT " AUTHORITY_COLUMNS " FROM authority a WHERE a.name_key = ?",
                               awards_query_bind_text, authority_from_row, key,
                               (gpointer *)&authority, _("Could not read the authorities"), error))
    return NULL;
  if (authority == NULL)
    g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_NOT_FOUND,
                 _("There is no authority named “%s”."), name);
  return authority;
}

gint64
awards_store_save_authority (AwardsStore      *self,
                             AwardsAuthority  *authority,
                             GError          **error)
{
  g_autofree char *name = NULL;
  g_autofree char *short_name = NULL;
  g_autofree char *key = NULL;
  g_autofree char *search_key = NULL;
  g_autoptr(GBytes) sort_key = NULL;
  AwardsDbStmt *stmt;
  gint64 id;
  gboolean ok;

  g_return_val_if_fail (AWARDS_IS_STORE (self), 0);
  g_return_val_if_fail (AWARDS_IS_AUTHORITY (authority), 0);

  name = awards_store_optional_text (awards_authority_get_name (authority));
  if (name == NULL)
    {
      awards_store_set_invalid (error, _("The authority has no name."));
      return 0;
    }
  short_name = awards_store_optional_text (awards_authority_get_short_name (authority));
  key = awards_text_name_key (name);
  search_key = awards_text_fold (name);
  sort_key = awards_text_collation_key (name);
  id = awards_authority_get_id (authority);

  if (!awards_store_write_begin (self, error))
    return 0;
  if (id > 0)
    stmt = awards_store_statement (self,
                                 "UPDATE authority SET name = ?1, short_name = ?2, name_key = ?3,"
                                 " search_key = ?4, sort_key = ?5 WHERE id = ?6", error);
  else
    stmt = awards_store_insert_statement (self,
                                 "INSERT INTO authority (name, short_name, name_key, search_key,"
                                 " sort_key) VALUES (?1, ?2, ?3, ?4, ?5)", error);
  ok = stmt != NULL;
  if (ok)
    {
      awards_db_stmt_bind_text (stmt, 1, name);
      awards_db_stmt_bind_text (stmt, 2, short_name);
      awards_db_stmt_bind_text (stmt, 3, key);
      awards_db_stmt_bind_text (stmt, 4, search_key);
      awards_stmt_bind_bytes (stmt, 5, sort_key);
      if (id > 0)
        {
          awards_db_stmt_bind_int64 (stmt, 6, id);
          ok = awards_store_run (self, stmt, _("Could not save the authority"), error);
        }
      else if (awards_store_step_id (self, stmt, &id) != AWARDS_DB_ROW)
        {
          awards_store_set_error (self, error, _("Could not save the authority"));
          ok = FALSE;
        }
    }
  if (!awards_store_write_end (self, ok, error))
    return 0;
  awards_authority_set_id (authority, id);
  awards_authority_set_name (authority, name);
  return id;
}

static gpointer
award_type_from_row (AwardsDbStmt *stmt,
                      gpointer      user_data G_GNUC_UNUSED)
{
  AwardsAwardType *type = awards_award_type_new ();
  AwardsAwardCategory category = AWARDS_AWARD_CATEGORY_FORM;
  AwardsEligibility eligibility = AWARDS_ELIGIBILITY_BOTH;

  awards_award_category_from_string (awards_db_stmt_column_text (stmt, 2), &category);
  awards_eligibility_from_string (awards_db_stmt_column_text (stmt, 3), &eligibility);
  awards_award_type_set_id (type, awards_db_stmt_column_int64 (stmt, 0));
  awards_award_type_set_name (type, awards_db_stmt_column_text (stmt, 1));
  awards_award_type_set_category (type, category);
  awards_award_type_set_eligibility (type, eligibility);
  awards_award_type_set_rank (type, awards_db_stmt_column_int (stmt, 4));
  return type;
}

#define AWARD_TYPE_COLUMNS "t.id, t.name, t.category, t.eligibility, t.rank "

GPtrArray *
awards_store_list_award_types (AwardsStore  *self,
                               GError      **error)
{
  g_return_val_if_fail (AWARDS_IS_STORE (self), NULL);

  return awards_store_query_list (self,
                                  "SELECT " AWARD_TYPE_COLUMNS " FROM award_type t"
                                  " ORDER BY t.rank, t.name_key",
                                  NULL, award_type_from_row, g_object_unref, NULL,
                                  _("Could not read the award catalogue"), error);
}

AwardsAwardType *
awards_store_find_award_type (AwardsStore  *self,
                              const char   *name,
                              GError      **error)
{
  g_autofree char *key = NULL;
  AwardsAwardType *type = NULL;

  g_return_val_if_fail (AWARDS_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  key = awards_text_name_key (name);
  if (!awards_store_query_row (self,
                               "SELECT " AWARD_TYPE_COLUMNS " FROM award_type t WHERE t.name_key = ?",
                               awards_query_bind_text, award_type_from_row, key,
                               (gpointer *)&type, _("Could not read the award catalogue"), error))
    return NULL;
  if (type == NULL)
    g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_NOT_FOUND,
                 _("There is no award named “%s” in the catalogue."), name);
  return type;
}

gint64
awards_store_save_award_type (AwardsStore      *self,
                              AwardsAwardType  *award_type,
                              GError          **error)
{
  g_autofree char *name = NULL;
  g_autofree char *key = NULL;
  g_autofree char *search_key = NULL;
  AwardsDbStmt *stmt;
  gint64 id;
  gboolean ok;

  g_return_val_if_fail (AWARDS_IS_STORE (self), 0);
  g_return_val_if_fail (AWARDS_IS_AWARD_TYPE (award_type), 0);

  name = awards_store_optional_text (awards_award_type_get_name (award_type));
  if (name == NULL)
    {
      awards_store_set_invalid (error, _("The award has no name."));
      return 0;
    }
  key = awards_text_name_key (name);
  search_key = awards_text_fold (name);
  id = awards_award_type_get_id (award_type);

  if (!awards_store_write_begin (self, error))
    return 0;
  if (id > 0)
    stmt = awards_store_statement (self,
                                 "UPDATE award_type SET name = ?1, category = ?2, eligibility = ?3,"
                                 " rank = ?4, name_key = ?5, search_key = ?6 WHERE id = ?7", error);
  else
    stmt = awards_store_insert_statement (self,
                                 "INSERT INTO award_type (name, category, eligibility, rank,"
                                 " name_key, search_key) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  ok = stmt != NULL;
  if (ok)
    {
      awards_db_stmt_bind_text (stmt, 1, name);
      awards_db_stmt_bind_text (stmt, 2,
                        awards_award_category_to_string (awards_award_type_get_category (award_type)));
      awards_db_stmt_bind_text (stmt, 3,
                        awards_eligibility_to_string (awards_award_type_get_eligibility (award_type)));
      awards_db_stmt_bind_int64 (stmt, 4, awards_award_type_get_rank (award_type));
      awards_db_stmt_bind_text (stmt, 5, key);
      awards_db_stmt_bind_text (stmt, 6, search_key);
      if (id > 0)
        {
          awards_db_stmt_bind_int64 (stmt, 7, id);
          ok = awards_store_run (self, stmt, _("Could not save the award"), error);
        }
      else if (awards_store_step_id (self, stmt, &id) != AWARDS_DB_ROW)
        {
          awards_store_set_error (self, error, _("Could not save the award"));
          ok = FALSE;
        }
    }
  if (!awards_store_write_end (self, ok, error))
    return 0;
  awards_award_type_set_id (award_type, id);
  awards_award_type_set_name (award_type, name);
  return id;
}
