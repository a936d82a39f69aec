/* awards-store-near.c: looking up stored names that a new name nearly equals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "awards-store-near.h"
#include "awards-store-private.h"
#include "awards-text.h"

/*
 * The catalogue (award types, authorities) holds tens of names and a province about a thousand
 * organisations, so their names are read once into an AwardsNearIndex, whose length buckets keep
 * each look-up to the names of about the same length. People are many, but a person is only
 * matched within one organisation, which the person_organisation index reaches directly.
 */

static const char *
names_sql (AwardsNearKind kind)
{
  switch (kind)
    {
    case AWARDS_NEAR_AWARD_TYPE:
      return "SELECT id, name FROM award_type";
    case AWARDS_NEAR_AUTHORITY:
      return "SELECT id, name FROM authority";
    case AWARDS_NEAR_ORGANISATION:
      /* Former names too, as import matches them. */
      return "SELECT id, name FROM organisation"
             " UNION ALL SELECT organisation_id, name FROM organisation_name";
    case AWARDS_NEAR_PERSON:
      return "SELECT id, full_name FROM person WHERE organisation_id IS NOT DISTINCT FROM ?1";
    default:
      g_assert_not_reached ();
    }
}

static AwardsNearIndex *
load_index (AwardsStore     *self,
            AwardsNearKind   kind,
            gint64           organisation_id,
            GError         **error)
{
  g_autoptr(AwardsNearIndex) index = awards_near_index_new (kind);
  AwardsDbStmt *stmt;
  AwardsDbStep rc;

  awards_store_read_begin (self);
  stmt = awards_store_statement (self, names_sql (kind), error);
  if (stmt == NULL)
    {
      awards_store_read_end (self);
      return NULL;
    }
  if (kind == AWARDS_NEAR_PERSON)
    awards_stmt_bind_id (stmt, 1, organisation_id);
  while ((rc = awards_db_stmt_next (stmt)) == AWARDS_DB_ROW)
    awards_near_index_add (index, awards_db_stmt_column_int64 (stmt, 0), awards_db_stmt_column_text (stmt, 1));
  if (rc != AWARDS_DB_DONE)
    {
      awards_store_set_error (self, error, _("Could not read the names to compare with"));
      g_clear_pointer (&index, awards_near_index_free);
    }
  awards_db_stmt_reset (stmt);
  awards_store_read_end (self);
  return g_steal_pointer (&index);
}

/**
 * awards_store_load_near_index:
 * @self: a store
 * @kind: award types, authorities or organisations (not people)
 * @error: return location for an error
 *
 * Reads every stored name of @kind into an index, for a caller that checks many new names at
 * once, such as an import; it may add its own new names to the index as it goes.
 *
 * Returns: (transfer full) (nullable): the index, or %NULL with @error set
 */
AwardsNearIndex *
awards_store_load_near_index (AwardsStore     *self,
                              AwardsNearKind   kind,
                              GError         **error)
{
  g_return_val_if_fail (AWARDS_IS_STORE (self), NULL);
  g_return_val_if_fail (kind != AWARDS_NEAR_PERSON, NULL);

  return load_index (self, kind, 0, error);
}

/**
 * awards_store_load_person_near_index:
 * @self: a store
 * @organisation_id: the organisation whose people to read, 0 for people without one
 * @error: return location for an error
 *
 * Like awards_store_load_near_index () for the people of one organisation, the only ones a
 * new person is compared with.
 *
 * Returns: (transfer full) (nullable): the index, or %NULL with @error set
 */
AwardsNearIndex *
awards_store_load_person_near_index (AwardsStore  *self,
                                     gint64        organisation_id,
                                     GError      **error)
{
  g_return_val_if_fail (AWARDS_IS_STORE (self), NULL);

  return load_index (self, AWARDS_NEAR_PERSON, organisation_id, error);
}

/**
 * awards_store_find_near_names:
 * @self: a store
 * @kind: what @name names
 * @name: a new name
 * @organisation_id: for people, the organisation to look in (0 for people without one);
 *   ignored for other kinds
 * @limit: the most matches to return, 0 for all
 * @error: return location for an error
 *
 * The stored names of @kind that @name nearly equals, nearest first (see
 * awards_near_compare()). A stored name equal to @name is not among them.
 *
 * Returns: (transfer full) (element-type AwardsNearMatch) (nullable): the matches, or %NULL
 *   with @error set
 */
GPtrArray *
awards_store_find_near_names (AwardsStore     *self,
                              AwardsNearKind   kind,
                              const char      *name,
                              gint64           organisation_id,
                              guint            limit,
                              GError         **error)
{
  g_autoptr(AwardsNearIndex) index = NULL;

  g_return_val_if_fail (AWARDS_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  index = load_index (self, kind, organisation_id, error);
  if (index == NULL)
    return NULL;
  return awards_near_index_lookup (index, name, limit);
}

/**
 * awards_store_find_person_id:
 * @self: a store
 * @full_name: a person's full name
 * @organisation_id: the person's organisation, or 0 for none
 * @error: return location for an error
 *
 * The person of that name (normalised and case folded) in that organisation, as import matches
 * people.
 *
 * Returns: the person's id, 0 when there is none, or -1 with @error set
 */
gint64
awards_store_find_person_id (AwardsStore  *self,
                             const char   *full_name,
                             gint64        organisation_id,
                             GError      **error)
{
  g_autofree char *key = NULL;
  AwardsDbStmt *stmt;
  gint64 id = 0;
  AwardsDbStep rc;

  g_return_val_if_fail (AWARDS_IS_STORE (self), -1);
  g_return_val_if_fail (full_name != NULL, -1);

  key = awards_text_name_key (full_name);
  if (key == NULL)
    return 0;

  awards_store_read_begin (self);
  stmt = awards_store_statement (self, "SELECT id FROM person WHERE name_key = ?1"
                                     " AND organisation_id IS NOT DISTINCT FROM ?2 LIMIT 1", error);
  if (stmt == NULL)
    {
      awards_store_read_end (self);
      return -1;
    }
  awards_db_stmt_bind_text (stmt, 1, key);
  awards_stmt_bind_id (stmt, 2, organisation_id);
  rc = awards_db_stmt_next (stmt);
  if (rc == AWARDS_DB_ROW)
    id = awards_db_stmt_column_int64 (stmt, 0);
  else if (rc != AWARDS_DB_DONE)
    {
      awards_store_set_error (self, error, _("Could not read the names to compare with"));
      id = -1;
    }
  awards_db_stmt_reset (stmt);
  awards_store_read_end (self);
  return id;
}
