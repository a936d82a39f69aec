/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "awards-schema.h"
#include "awards-store.h"

/*
 * Deleting an organisation or a person makes SQLite look up the awards that refer to it (the
 * foreign keys) and the store count them first. Each look-up must be a search of an index, not
 * a scan of every award: at a million awards a scan took a second.
 */

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AwardsStore) store = NULL;

  fixture->dir = g_dir_make_tmp ("test-indexes-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "awards.db", NULL);
  store = awards_store_open (fixture->path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (fixture->path, suffixes[i], NULL);
      g_unlink (file);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* The plan of @sql as one string, its steps joined by "; ". */
static char *
query_plan (sqlite3    *db,
            const char *sql)
{
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  g_autoptr (GString) plan = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, explain, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (plan->len > 0)
        g_string_append (plan, "; ");
      g_string_append (plan, (const char *)sqlite3_column_text (stmt, 3));
    }
  sqlite3_finalize (stmt);
  return g_string_free (g_steal_pointer (&plan), FALSE);
}

static void
assert_searches_index (sqlite3    *db,
                       const char *sql)
{
  g_autofree char *plan = query_plan (db, sql);

  g_test_message ("%s → %s", sql, plan);
  g_assert_nonnull (strstr (plan, "SEARCH commendation USING"));
  g_assert_null (strstr (plan, "SCAN commendation"));
}

/* The queries that SQLite runs for the foreign keys of a deleted parent, and the store's counts. */
static const char *const lookups[] = {
  "SELECT 1 FROM commendation WHERE organisation_id = ?1",
  "SELECT 1 FROM commendation WHERE organisation_at_time_id = ?1",
  "SELECT 1 FROM commendation WHERE person_id = ?1",
  "SELECT count(*) FROM commendation WHERE organisation_id = ?1 OR organisation_at_time_id = ?1",
  "SELECT count(*) FROM commendation WHERE person_id = ?1",
};

static void
test_new_database (Fixture       *fixture,
                   gconstpointer  data)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==,
                   SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (lookups); i++)
    assert_searches_index (db, lookups[i]);
  sqlite3_close (db);
}

/* A file of the version before step 6 has the partial indexes that a delete could not use;
 * opening it brings the new ones. */
static void
test_migrated_database (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AwardsStore) store = NULL;
  g_autofree char *downgrade = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  downgrade = g_strdup_printf (
    "DROP INDEX commendation_organisation; DROP INDEX commendation_person;"
    " DROP INDEX commendation_at_time;"
    " CREATE INDEX commendation_organisation ON commendation (organisation_id, deleted)"
    "  WHERE deleted = 0 AND organisation_id IS NOT NULL;"
    " CREATE INDEX commendation_person ON commendation (person_id, deleted)"
    "  WHERE deleted = 0 AND person_id IS NOT NULL;"
    " CREATE INDEX commendation_at_time ON commendation (organisation_at_time_id, deleted)"
    "  WHERE deleted = 0 AND organisation_at_time_id IS NOT NULL;"
    " PRAGMA user_version = %d;", AWARDS_SCHEMA_VERSION - 1);
  g_assert_cmpint (sqlite3_exec (db, downgrade, NULL, NULL, NULL), ==, SQLITE_OK);
  /* The old indexes are what made deletes read every award. */
  {
    g_autofree char *plan = query_plan (db, lookups[2]);
    g_assert_nonnull (strstr (plan, "SCAN commendation"));
  }
  sqlite3_close (db);

  store = awards_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==,
                   SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (lookups); i++)
    assert_searches_index (db, lookups[i]);
  sqlite3_close (db);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/indexes/deletes-search/new-database", Fixture, NULL, fixture_set_up,
              test_new_database, fixture_tear_down);
  g_test_add ("/indexes/deletes-search/migrated-database", Fixture, NULL, fixture_set_up,
              test_migrated_database, fixture_tear_down);
  return g_test_run ();
}
