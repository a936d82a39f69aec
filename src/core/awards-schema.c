#include "config.h"

#include <glib/gi18n-lib.h>

#include "awards-schema.h"
#include "awards-store.h"

/*
 * Every step brings a database from version N-1 to N. Steps are never edited once released: a
 * change to the schema is a new step. The text columns *_key hold derived values (see
 * awards-text.h) that the C layer computes on every write: name_key for matching names on import,
 * search_key (folded) for search, sort_key for Vietnamese order.
 */

static const char schema_v1[] =
  "CREATE TABLE organisation ("
  "  id            INTEGER PRIMARY KEY,"
  "  name          TEXT NOT NULL CHECK (name <> ''),"
  "  short_name    TEXT,"
  "  kind          TEXT NOT NULL DEFAULT 'other' CHECK (kind IN ('other', 'cooperative',"
  "                  'cooperative_union', 'cooperative_alliance', 'enterprise', 'agency')),"
  "  parent_id     INTEGER REFERENCES organisation (id) ON DELETE SET NULL"
  "                  CHECK (parent_id IS NULL OR parent_id <> id),"
  "  tax_code      TEXT UNIQUE CHECK (tax_code IS NULL OR tax_code <> ''),"
  "  address       TEXT,"
  "  district      TEXT,"
  "  sector        TEXT,"
  "  founded       TEXT CHECK (founded IS NULL OR founded GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),"
  "  dissolved     TEXT CHECK (dissolved IS NULL OR dissolved GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),"
  "  merged_into_id INTEGER REFERENCES organisation (id) ON DELETE SET NULL,"
  "  notes         TEXT,"
  "  name_key      TEXT NOT NULL,"
  "  search_key    TEXT NOT NULL,"
  "  sort_key      BLOB NOT NULL,"
  "  created_at    TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,"
  "  updated_at    TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP"
  ");"
  "CREATE INDEX organisation_name_key ON organisation (name_key);"
  "CREATE INDEX organisation_parent ON organisation (parent_id);"

  /* Former names, kept when an organisation is renamed or merged. */
  "CREATE TABLE organisation_name ("
  "  id              INTEGER PRIMARY KEY,"
  "  organisation_id INTEGER NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,"
  "  name            TEXT NOT NULL CHECK (name <> ''),"
  "  name_key        TEXT NOT NULL,"
  "  until           TEXT,"
  "  UNIQUE (organisation_id, name_key)"
  ");"
  "CREATE INDEX organisation_name_name_key ON organisation_name (name_key);"

  "CREATE TABLE person ("
  "  id              INTEGER PRIMARY KEY,"
  "  full_name       TEXT NOT NULL CHECK (full_name <> ''),"
  "  family_name     TEXT NOT NULL,"
  "  middle_name     TEXT NOT NULL,"
  "  given_name      TEXT NOT NULL CHECK (given_name <> ''),"
  "  gender          TEXT NOT NULL DEFAULT 'unknown' CHECK (gender IN ('unknown', 'male', 'female')),"
  "  birth_year      INTEGER CHECK (birth_year IS NULL OR birth_year BETWEEN 1880 AND 2200),"
  "  organisation_id INTEGER REFERENCES organisation (id) ON DELETE SET NULL,"
  "  position        TEXT,"
  "  notes           TEXT,"
  "  name_key        TEXT NOT NULL,"
  "  search_key      TEXT NOT NULL,"
  "  sort_key        BLOB NOT NULL,"
  "  created_at      TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,"
  "  updated_at      TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP"
  ");"
  "CREATE INDEX person_name_key ON person (name_key, organisation_id);"

  "CREATE TABLE authority ("
  "  id          INTEGER PRIMARY KEY,"
  "  name        TEXT NOT NULL CHECK (name <> ''),"
  "  short_name  TEXT,"
  "  name_key    TEXT NOT NULL UNIQUE,"
  "  search_key  TEXT NOT NULL,"
  "  sort_key    BLOB NOT NULL"
  ");"

  "CREATE TABLE award_type ("
  "  id          INTEGER PRIMARY KEY,"
  "  name        TEXT NOT NULL CHECK (name <> ''),"
  "  category    TEXT NOT NULL CHECK (category IN ('form', 'title')),"
  "  eligibility TEXT NOT NULL CHECK (eligibility IN ('both', 'collective', 'individual')),"
  "  rank        INTEGER NOT NULL,"
  "  name_key    TEXT NOT NULL UNIQUE,"
  "  search_key  TEXT NOT NULL"
  ");"

  "CREATE TABLE decision ("
  "  id            INTEGER PRIMARY KEY,"
  "  number        TEXT CHECK (number IS NULL OR number <> ''),"
  "  number_key    TEXT,"
  "  date          TEXT NOT NULL"
  "                  CHECK (date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),"
  "  authority_id  INTEGER NOT NULL REFERENCES authority (id),"
  "  signer_name   TEXT,"
  "  signer_title  TEXT,"
  "  occasion      TEXT,"
  "  kind          TEXT NOT NULL DEFAULT 'annual'"
  "                  CHECK (kind IN ('annual', 'campaign', 'exceptional', 'career')),"
  "  notes         TEXT,"
  "  search_key    TEXT NOT NULL,"
  "  created_at    TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,"
  "  updated_at    TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,"
  "  UNIQUE (authority_id, number_key)"
  ");"
  "CREATE INDEX decision_date ON decision (date);"
  "CREATE INDEX decision_number_key ON decision (number_key);"

  /* One award to one recipient. The authority and the date repeat the decision's so that reports
   * over a million rows need no join; triggers keep them equal. */
  "CREATE TABLE commendation ("
  "  id                      INTEGER PRIMARY KEY,"
  "  decision_id             INTEGER NOT NULL REFERENCES decision (id),"
  "  award_type_id           INTEGER NOT NULL REFERENCES award_type (id),"
  "  authority_id            INTEGER NOT NULL REFERENCES authority (id),"
  "  date                    TEXT NOT NULL,"
  "  period                  TEXT,"
  "  organisation_id         INTEGER REFERENCES organisation (id),"
  "  person_id               INTEGER REFERENCES person (id),"
  "  recipient_name          TEXT NOT NULL CHECK (recipient_name <> ''),"
  "  organisation_at_time_id INTEGER REFERENCES organisation (id),"
  "  position                TEXT,"
  "  achievement             TEXT,"
  "  register_number         TEXT,"
  "  revoked                 INTEGER NOT NULL DEFAULT 0 CHECK (revoked IN (0, 1)),"
  "  deleted                 INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),"
  "  created_at              TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,"
  "  updated_at              TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,"
  "  CHECK ((organisation_id IS NULL) <> (person_id IS NULL)),"
  "  CHECK (person_id IS NOT NULL OR organisation_at_time_id IS NULL)"
  ");"
  "CREATE UNIQUE INDEX commendation_unique_collective"
  "  ON commendation (decision_id, award_type_id, organisation_id)"
  "  WHERE organisation_id IS NOT NULL AND deleted = 0;"
  "CREATE UNIQUE INDEX commendation_unique_individual"
  "  ON commendation (decision_id, award_type_id, person_id)"
  "  WHERE person_id IS NOT NULL AND deleted = 0;"
  "CREATE TRIGGER commendation_eligibility_insert BEFORE INSERT ON commendation"
  " BEGIN"
  "  SELECT RAISE (ABORT, 'award not allowed for this kind of recipient')"
  "   WHERE (SELECT eligibility FROM award_type WHERE id = NEW.award_type_id)"
  "         = CASE WHEN NEW.person_id IS NULL THEN 'individual' ELSE 'collective' END;"
  " END;"
  "CREATE TRIGGER commendation_eligibility_update"
  " BEFORE UPDATE OF award_type_id, person_id, organisation_id ON commendation"
  " BEGIN"
  "  SELECT RAISE (ABORT, 'award not allowed for this kind of recipient')"
  "   WHERE (SELECT eligibility FROM award_type WHERE id = NEW.award_type_id)"
  "         = CASE WHEN NEW.person_id IS NULL THEN 'individual' ELSE 'collective' END;"
  " END;"
  "CREATE TRIGGER decision_propagate AFTER UPDATE OF date, authority_id ON decision"
  " BEGIN"
  "  UPDATE commendation SET date = NEW.date, authority_id = NEW.authority_id"
  "   WHERE decision_id = NEW.id;"
  " END;"

  /* Search over folded keys: rowid = id * 4 + kind (0 organisation, 1 person, 2 decision).
   * FTS5 writes out its pending terms at every statement that touches it, so row triggers into
   * it would make an import of 100,000 people write 100,000 tiny segments. The triggers only
   * note what changed; the store brings the index up to date with one statement before each
   * commit (awards_store_flush_search). */
  "CREATE VIRTUAL TABLE search_index USING fts5 (body, tokenize = 'unicode61', prefix = '2');"
  "CREATE TABLE search_pending (ref INTEGER PRIMARY KEY);"
  "CREATE TRIGGER organisation_search_insert AFTER INSERT ON organisation BEGIN"
  "  INSERT OR IGNORE INTO search_pending VALUES (NEW.id * 4);"
  " END;"
  "CREATE TRIGGER organisation_search_update AFTER UPDATE OF search_key ON organisation BEGIN"
  "  INSERT OR IGNORE INTO search_pending VALUES (NEW.id * 4);"
  " END;"
  "CREATE TRIGGER organisation_search_delete AFTER DELETE ON organisation BEGIN"
  "  INSERT OR IGNORE INTO search_pending VALUES (OLD.id * 4);"
  " END;"
  "CREATE TRIGGER person_search_insert AFTER INSERT ON person BEGIN"
  "  INSERT OR IGNORE INTO search_pending VALUES (NEW.id * 4 + 1);"
  " END;"
  "CREATE TRIGGER person_search_update AFTER UPDATE OF search_key ON person BEGIN"
  "  INSERT OR IGNORE INTO search_pending VALUES (NEW.id * 4 + 1);"
  " END;"
  "CREATE TRIGGER person_search_delete AFTER DELETE ON person BEGIN"
  "  INSERT OR IGNORE INTO search_pending VALUES (OLD.id * 4 + 1);"
  " END;"
  "CREATE TRIGGER decision_search_insert AFTER INSERT ON decision BEGIN"
  "  INSERT OR IGNORE INTO search_pending VALUES (NEW.id * 4 + 2);"
  " END;"
  "CREATE TRIGGER decision_search_update AFTER UPDATE OF search_key ON decision BEGIN"
  "  INSERT OR IGNORE INTO search_pending VALUES (NEW.id * 4 + 2);"
  " END;"
  "CREATE TRIGGER decision_search_delete AFTER DELETE ON decision BEGIN"
  "  INSERT OR IGNORE INTO search_pending VALUES (OLD.id * 4 + 2);"
  " END;";

static gboolean
exec_sql (sqlite3     *db,
          const char  *sql,
          GError     **error)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_FAILED,
                   _("Could not update the database structure: %s"),
                   message != NULL ? message : sqlite3_errmsg (db));
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

/*
 * The indexes used only for reading lists in order. A large import drops them and builds them
 * again at its end, which sorts once instead of inserting a million keys one by one. They are
 * part of the current schema: a migration that changes one of them changes it here.
 */
static const char *const list_indexes[][2] = {
  { "organisation_sort_key",
    "CREATE INDEX IF NOT EXISTS organisation_sort_key ON organisation (sort_key)" },
  { "person_sort_key",
    "CREATE INDEX IF NOT EXISTS person_sort_key ON person (sort_key)" },
  { "person_organisation",
    "CREATE INDEX IF NOT EXISTS person_organisation ON person (organisation_id, sort_key)" },
  { "commendation_organisation",
    "CREATE INDEX IF NOT EXISTS commendation_organisation"
    " ON commendation (organisation_id, date) WHERE deleted = 0" },
  { "commendation_person",
    "CREATE INDEX IF NOT EXISTS commendation_person"
    " ON commendation (person_id, date) WHERE deleted = 0" },
  { "commendation_at_time",
    "CREATE INDEX IF NOT EXISTS commendation_at_time"
    " ON commendation (organisation_at_time_id, date) WHERE deleted = 0" },
  { "commendation_decision",
    "CREATE INDEX IF NOT EXISTS commendation_decision"
    " ON commendation (decision_id) WHERE deleted = 0" },
  { "commendation_date",
    "CREATE INDEX IF NOT EXISTS commendation_date ON commendation (date)" },
};

/**
 * awards_schema_drop_list_indexes:
 *
 * Drops the list indexes inside the caller's transaction (see awards_schema_create_list_indexes).
 */
gboolean
awards_schema_drop_list_indexes (sqlite3  *db,
                                 GError  **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (list_indexes); i++)
    {
      g_autofree char *sql = g_strdup_printf ("DROP INDEX IF EXISTS %s", list_indexes[i][0]);

      if (!exec_sql (db, sql, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
awards_schema_create_list_indexes (sqlite3  *db,
                                   GError  **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (list_indexes); i++)
    {
      if (!exec_sql (db, list_indexes[i][1], error))
        return FALSE;
    }
  return TRUE;
}

static const char *const steps[] = {
  NULL,        /* version 0: an empty file */
  schema_v1,
};

G_STATIC_ASSERT (G_N_ELEMENTS (steps) == AWARDS_SCHEMA_VERSION + 1);


/**
 * awards_schema_migrate:
 * @db: an open connection, inside a write transaction
 * @from_version: the file's current user_version
 * @error: return location for an error
 *
 * Runs every step from @from_version to %AWARDS_SCHEMA_VERSION and records the new version. The
 * caller owns the transaction, so that a failing step (or the seeding that follows) leaves the
 * file exactly as it was.
 */
gboolean
awards_schema_migrate (sqlite3  *db,
                       int       from_version,
                       GError  **error)
{
  g_autofree char *set_version = NULL;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (from_version >= 0 && from_version <= AWARDS_SCHEMA_VERSION, FALSE);

  for (int version = from_version + 1; version <= AWARDS_SCHEMA_VERSION; version++)
    {
      if (!exec_sql (db, steps[version], error))
        return FALSE;
    }
  if (!awards_schema_create_list_indexes (db, error))
    return FALSE;

  set_version = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                                 AWARDS_APPLICATION_ID, AWARDS_SCHEMA_VERSION);
  return exec_sql (db, set_version, error);
}
