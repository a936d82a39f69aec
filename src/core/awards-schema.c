#include "config.h"

#include <glib/gi18n-lib.h>

#include "awards-schema.h"
#include "awards-schema-v2.h"
#include "awards-schema-v3.h"
#include "awards-schema-v4.h"
#include "awards-schema-v5.h"
#include "awards-schema-v6.h"
#include "awards-search-id.h"
#include "awards-store.h"

/*
 * Every step brings a database from version N-1 to N. Steps are never edited once released: a
 * change to the schema is a new step. The text columns *_key hold derived values (see
 * awards-text.h) that the C layer computes on every write: name_key for matching names on import,
 * search_key (folded) for search, sort_key for Vietnamese order. updated_at stays NULL until a
 * row is first changed.
 *
 * Lists of allowed values are written as comparisons joined by OR: SQLite (3.40) builds a
 * temporary index for an IN list of more than two values every time a CHECK runs, which tripled
 * the cost of inserting a person.
 */

/*
 * The same recipient gets an award at most once per decision. Organisations count as positive
 * keys and people as negative ones, so that one index covers both kinds of recipient; a deleted
 * award is told apart by its own id and never collides. Not being partial, the index also serves
 * every look-up by decision, deleted awards included (the decision_propagate trigger); the last
 * column, which changes nothing to what is unique, lets it count a decision's awards alone.
 */
#define COMMENDATION_ONCE \
  "CREATE UNIQUE INDEX commendation_once ON commendation (decision_id, award_type_id," \
  " ifnull (organisation_id, -person_id), iif (deleted = 0, 0, id), deleted)"

#define COMMENDATION_ELIGIBILITY_INSERT \
  "CREATE TRIGGER commendation_eligibility_insert BEFORE INSERT ON commendation" \
  " BEGIN" \
  "  SELECT RAISE (ABORT, 'award not allowed for this kind of recipient')" \
  "   WHERE (SELECT eligibility FROM award_type WHERE id = NEW.award_type_id)" \
  "         = CASE WHEN NEW.person_id IS NULL THEN 'individual' ELSE 'collective' END;" \
  " END"

/* The triggers that note a new row for the search index (see search_pending below). */
#define ORGANISATION_SEARCH_INSERT \
  "CREATE TRIGGER organisation_search_insert AFTER INSERT ON organisation BEGIN" \
  "  INSERT OR IGNORE INTO search_pending VALUES (NEW.id * 4);" \
  " END"
#define PERSON_SEARCH_INSERT \
  "CREATE TRIGGER person_search_insert AFTER INSERT ON person BEGIN" \
  "  INSERT OR IGNORE INTO search_pending VALUES (NEW.id * 4 + 1);" \
  " END"
#define DECISION_SEARCH_INSERT \
  "CREATE TRIGGER decision_search_insert AFTER INSERT ON decision BEGIN" \
  "  INSERT OR IGNORE INTO search_pending VALUES (NEW.id * 4 + 2);" \
  " END"

static const char schema_v1[] =
  "CREATE TABLE organisation ("
  "  id            INTEGER PRIMARY KEY,"
  "  name          TEXT NOT NULL CHECK (name <> ''),"
  "  short_name    TEXT,"
  "  kind          TEXT NOT NULL DEFAULT 'other' CHECK (kind = 'other' OR kind = 'cooperative'"
  "                  OR kind = 'cooperative_union' OR kind = 'cooperative_alliance'"
  "                  OR kind = 'enterprise' OR kind = 'agency'),"
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
  "  updated_at    TEXT"
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
  "  gender          TEXT NOT NULL DEFAULT 'unknown'"
  "                    CHECK (gender = 'unknown' OR gender = 'male' OR gender = 'female'),"
  "  birth_year      INTEGER CHECK (birth_year IS NULL OR birth_year BETWEEN 1880 AND 2200),"
  "  organisation_id INTEGER REFERENCES organisation (id) ON DELETE SET NULL,"
  "  position        TEXT,"
  "  notes           TEXT,"
  "  name_key        TEXT NOT NULL,"
  "  search_key      TEXT NOT NULL,"
  "  sort_key        BLOB NOT NULL,"
  "  created_at      TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,"
  "  updated_at      TEXT"
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
  "  eligibility TEXT NOT NULL"
  "                CHECK (eligibility = 'both' OR eligibility = 'collective'"
  "                       OR eligibility = 'individual'),"
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
  "                  CHECK (kind = 'annual' OR kind = 'campaign' OR kind = 'exceptional'"
  "                         OR kind = 'career'),"
  "  notes         TEXT,"
  "  search_key    TEXT NOT NULL,"
  "  created_at    TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,"
  "  updated_at    TEXT,"
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
  "  updated_at              TEXT,"
  "  CHECK ((organisation_id IS NULL) <> (person_id IS NULL)),"
  "  CHECK (person_id IS NOT NULL OR organisation_at_time_id IS NULL)"
  ");"
  COMMENDATION_ONCE ";"
  COMMENDATION_ELIGIBILITY_INSERT ";"
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

  /* Search over folded keys: rowid = id * 4 + kind (0 organisation, 1 person, 2 decision), the
   * encoding that awards-search-id.h defines; this text of version 1 spells it out.
   * FTS5 writes out its pending terms at every statement that touches it, so row triggers into
   * it would make an import of 100,000 people write 100,000 tiny segments. The triggers only
   * note what changed; the store brings the index up to date with one statement before each
   * commit (awards_store_flush_search). */
  "CREATE VIRTUAL TABLE search_index USING fts5 (body, tokenize = 'unicode61', prefix = '2');"
  "CREATE TABLE search_pending (ref INTEGER PRIMARY KEY);"
  ORGANISATION_SEARCH_INSERT ";"
  "CREATE TRIGGER organisation_search_update AFTER UPDATE OF search_key ON organisation BEGIN"
  "  INSERT OR IGNORE INTO search_pending VALUES (NEW.id * 4);"
  " END;"
  "CREATE TRIGGER organisation_search_delete AFTER DELETE ON organisation BEGIN"
  "  INSERT OR IGNORE INTO search_pending VALUES (OLD.id * 4);"
  " END;"
  PERSON_SEARCH_INSERT ";"
  "CREATE TRIGGER person_search_update AFTER UPDATE OF search_key ON person BEGIN"
  "  INSERT OR IGNORE INTO search_pending VALUES (NEW.id * 4 + 1);"
  " END;"
  "CREATE TRIGGER person_search_delete AFTER DELETE ON person BEGIN"
  "  INSERT OR IGNORE INTO search_pending VALUES (OLD.id * 4 + 1);"
  " END;"
  DECISION_SEARCH_INSERT ";"
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
 * The indexes used only for reading lists and reports. A large import drops them and builds them
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
  /* Only the awards that have the column: any comparison with it implies that, so the
   * foreign-key checks of a delete use them as well as the lists (schema step 6). The awards of
   * one recipient are few enough to sort, and a date in the key made building these a third
   * slower. Each holds deleted so that counting a recipient's live awards needs only the index. */
  { "commendation_organisation",
    "CREATE INDEX IF NOT EXISTS commendation_organisation"
    " ON commendation (organisation_id, deleted)"
    " WHERE organisation_id IS NOT NULL" },
  { "commendation_person",
    "CREATE INDEX IF NOT EXISTS commendation_person ON commendation (person_id, deleted)"
    " WHERE person_id IS NOT NULL" },
  { "commendation_at_time",
    "CREATE INDEX IF NOT EXISTS commendation_at_time"
    " ON commendation (organisation_at_time_id, deleted)"
    " WHERE organisation_at_time_id IS NOT NULL" },
  /* Reports count from this index alone, in date order: a date range is one range of it, and
   * grouping by date first needs no sorting. Lists filtered by date use it too. */
  { "commendation_report",
    "CREATE INDEX IF NOT EXISTS commendation_report ON commendation"
    " (date, authority_id, award_type_id, revoked, person_id, deleted) WHERE deleted = 0" },
};

/*
 * The triggers that a bulk batch drops besides the list indexes, because every new row would
 * fire them (even the trigger that only notes a person for search nearly doubled the cost of
 * inserting the person). awards_schema_end_bulk () does their work for all the new rows at once:
 * it checks who receives the new awards, and it adds the new rows to the search index directly
 * (being new, they cannot be in it yet).
 *
 * The unique index of awards stays: the rows of an import come decision by decision, so keeping
 * it costs less than building it again.
 */
static const struct
{
  const char *drop;
  const char *create;
  const char *add_new_rows;     /* does the trigger's work; ?1 is the first new id */
  gsize       first_id;         /* offset of that id in AwardsBulkStart */
} bulk_triggers[] = {
  { "DROP TRIGGER IF EXISTS commendation_eligibility_insert", COMMENDATION_ELIGIBILITY_INSERT,
    NULL, 0 },
  { "DROP TRIGGER IF EXISTS organisation_search_insert", ORGANISATION_SEARCH_INSERT,
    "INSERT INTO search_index (rowid, body) SELECT "
    AWARDS_SEARCH_ROWID_SQL ("id", AWARDS_SEARCH_KIND_ORGANISATION_SQL)
    ", search_key FROM organisation"
    " WHERE id >= ?1", G_STRUCT_OFFSET (AwardsBulkStart, organisation) },
  { "DROP TRIGGER IF EXISTS person_search_insert", PERSON_SEARCH_INSERT,
    "INSERT INTO search_index (rowid, body) SELECT "
    AWARDS_SEARCH_ROWID_SQL ("id", AWARDS_SEARCH_KIND_PERSON_SQL) ", search_key FROM person"
    " WHERE id >= ?1", G_STRUCT_OFFSET (AwardsBulkStart, person) },
  { "DROP TRIGGER IF EXISTS decision_search_insert", DECISION_SEARCH_INSERT,
    "INSERT INTO search_index (rowid, body) SELECT "
    AWARDS_SEARCH_ROWID_SQL ("id", AWARDS_SEARCH_KIND_DECISION_SQL) ", search_key FROM decision"
    " WHERE id >= ?1", G_STRUCT_OFFSET (AwardsBulkStart, decision) },
};

static gboolean
create_list_indexes (sqlite3  *db,
                     GError  **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (list_indexes); i++)
    {
      if (!exec_sql (db, list_indexes[i][1], error))
        return FALSE;
    }
  return TRUE;
}

static void
set_sql_error (sqlite3     *db,
               GError     **error,
               const char  *what)
{
  g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_FAILED, "%s (%s)", what,
               sqlite3_errmsg (db));
}

/* The next id of @table, or 0 with @error set. */
static gint64
next_id (sqlite3     *db,
         const char  *table,
         GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce (max (id), 0) + 1 FROM %s", table);
  sqlite3_stmt *stmt = NULL;
  gint64 id = 0;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else
    set_sql_error (db, error, _("Could not read the database"));
  sqlite3_finalize (stmt);
  return id;
}

/* Runs @sql with ?1 bound to @id. */
static gboolean
exec_with_id (sqlite3     *db,
              const char  *sql,
              gint64       id,
              GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      rc = sqlite3_step (stmt);
    }
  if (rc != SQLITE_DONE)
    set_sql_error (db, error, _("Could not update the database"));
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE;
}

/**
 * awards_schema_begin_bulk:
 * @db: an open connection, inside a write transaction
 * @start: (inout): where the new rows will start; drop_indexes is set by the caller
 *
 * Prepares for a batch that adds many rows: drops the list indexes (when @start's drop_indexes
 * says so), the trigger that checks who may receive an award and the triggers that note new rows
 * for search. The caller checks who
 * receives what itself until awards_schema_end_bulk () restores everything; a rollback restores
 * them as well.
 */
gboolean
awards_schema_begin_bulk (sqlite3          *db,
                          AwardsBulkStart  *start,
                          GError          **error)
{
  g_return_val_if_fail (db != NULL && start != NULL, FALSE);

  if ((start->organisation = next_id (db, "organisation", error)) == 0 ||
      (start->person = next_id (db, "person", error)) == 0 ||
      (start->decision = next_id (db, "decision", error)) == 0 ||
      (start->commendation = next_id (db, "commendation", error)) == 0)
    return FALSE;

  for (guint i = 0; start->drop_indexes && i < G_N_ELEMENTS (list_indexes); i++)
    {
      g_autofree char *sql = NULL;

      /* The import reads the people of each organisation it names (to compare a new person
       * with them) on this connection: without the index every such read scans all people,
       * and the import grows with the square of its size. create_list_indexes () at the end
       * leaves an index that exists alone. */
      if (g_str_equal (list_indexes[i][0], "person_organisation"))
        continue;
      sql = g_strdup_printf ("DROP INDEX IF EXISTS %s", list_indexes[i][0]);
      if (!exec_sql (db, sql, error))
        return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (bulk_triggers); i++)
    {
      if (!exec_sql (db, bulk_triggers[i].drop, error))
        return FALSE;
    }
  return TRUE;
}

/* The first new award, if any, that its recipient's kind may not receive. */
static gboolean
find_misfit (sqlite3  *db,
             gint64    first_id,
             gint64   *misfit,
             GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  *misfit = 0;
  rc = sqlite3_prepare_v2 (db,
                           "SELECT c.id FROM commendation c JOIN award_type t"
                           " ON t.id = c.award_type_id WHERE c.id >= ?1 AND t.eligibility"
                           " = CASE WHEN c.person_id IS NULL THEN 'individual' ELSE 'collective'"
                           " END LIMIT 1", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, first_id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        *misfit = sqlite3_column_int64 (stmt, 0);
    }
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    set_sql_error (db, error, _("Could not check the new awards"));
  sqlite3_finalize (stmt);
  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

/**
 * awards_schema_end_bulk:
 * @db: the connection of awards_schema_begin_bulk (), in the same transaction
 * @start: what awards_schema_begin_bulk () returned
 *
 * Checks who receives the new awards, adds the new rows to the search index, then builds the
 * indexes and triggers again. An award to a kind of recipient that may not receive it fails
 * with %AWARDS_STORE_ERROR_CONSTRAINT; the caller must then roll back.
 */
gboolean
awards_schema_end_bulk (sqlite3                *db,
                        const AwardsBulkStart  *start,
                        GError                **error)
{
  gint64 misfit;

  g_return_val_if_fail (db != NULL && start != NULL, FALSE);

  if (!find_misfit (db, start->commendation, &misfit, error))
    return FALSE;
  if (misfit > 0)
    {
      /* The number is formatted first: xgettext cannot see through G_GINT64_FORMAT. */
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, misfit);

      g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_CONSTRAINT,
                   _("The award number %s cannot be given to this kind of recipient."), number);
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (bulk_triggers); i++)
    {
      if (bulk_triggers[i].add_new_rows != NULL &&
          !exec_with_id (db, bulk_triggers[i].add_new_rows,
                         G_STRUCT_MEMBER (gint64, start, bulk_triggers[i].first_id), error))
        return FALSE;
      if (!exec_sql (db, bulk_triggers[i].create, error))
        return FALSE;
    }
  return create_list_indexes (db, error);
}

/*
 * The ids of @table that certainly exist, as a range [*low, *high]: the whole table's when it has
 * no gap, else the rows from @first_new on when they have none, else an empty range. Returns
 * %FALSE on error.
 */
static gboolean
ids_without_gaps (sqlite3     *db,
                  const char  *table,
                  gint64       first_new,
                  gint64      *low,
                  gint64      *high,
                  GError     **error)
{
  g_autofree char *sql =
    g_strdup_printf ("SELECT count (*), min (id), max (id) FROM %s WHERE id >= ?1", table);
  sqlite3_stmt *stmt = NULL;
  gint64 from[] = { G_MININT64, first_new };
  gboolean ok = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK;

  *low = 1;
  *high = 0;
  for (guint i = 0; ok && i < G_N_ELEMENTS (from); i++)
    {
      gint64 count, min, max;

      sqlite3_bind_int64 (stmt, 1, from[i]);
      ok = sqlite3_step (stmt) == SQLITE_ROW;
      if (!ok)
        break;
      count = sqlite3_column_int64 (stmt, 0);
      min = sqlite3_column_int64 (stmt, 1);
      max = sqlite3_column_int64 (stmt, 2);
      sqlite3_reset (stmt);
      if (count > 0 && max - min + 1 == count)
        {
          *low = min;
          *high = max;
          break;
        }
    }
  if (!ok)
    set_sql_error (db, error, _("Could not check the new records"));
  sqlite3_finalize (stmt);
  return ok;
}

/* Where the rows that a bulk batch adds to @table start, or 1 for a table it does not add to. */
static gint64
first_new_id (const AwardsBulkStart *start,
              const char            *table)
{
  if (g_str_equal (table, "organisation"))
    return start->organisation;
  if (g_str_equal (table, "person"))
    return start->person;
  if (g_str_equal (table, "decision"))
    return start->decision;
  if (g_str_equal (table, "commendation"))
    return start->commendation;
  return 1;
}

/*
 * Whether every row of @table from @first_id on refers to records that exist, in one pass over
 * those rows: a reference inside a range of ids without gaps is one to a record that exists,
 * and only the others are looked up. pragma_foreign_key_check () looks up every reference of
 * every row: for the awards of an import of 200,000 rows that took 0.3 s of 2.1 s. The
 * references are the schema's own (pragma_foreign_key_list ()). On %FALSE, *@broken says
 * whether a reference is broken (the pragma then names it) or @error is set.
 */
static gboolean
new_rows_refer_to_records (sqlite3                *db,
                           const AwardsBulkStart  *start,
                           const char             *table,
                           gint64                  first_id,
                           gboolean               *broken,
                           GError                **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;
  int rc;

  *broken = FALSE;
  /* A NULL reference makes its term NULL, which is not true: NULL refers to nothing. */
  g_string_printf (sql, "SELECT 1 FROM \"%s\" c WHERE c.id >= ?1 AND (FALSE", table);
  rc = sqlite3_prepare_v2 (db, "SELECT \"from\", \"table\" FROM pragma_foreign_key_list (?1)",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  while (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *column = (const char *) sqlite3_column_text (stmt, 0);
      const char *parent = (const char *) sqlite3_column_text (stmt, 1);
      gint64 range[2];

      if (!ids_without_gaps (db, parent, first_new_id (start, parent), &range[0], &range[1],
                             error))
        {
          sqlite3_finalize (stmt);
          return FALSE;
        }
      g_string_append_printf (sql, " OR (c.\"%s\" NOT BETWEEN ?%u AND ?%u"
                              " AND NOT EXISTS (SELECT 1 FROM \"%s\" WHERE id = c.\"%s\"))",
                              column, ranges->len + 2, ranges->len + 3, parent, column);
      g_array_append_vals (ranges, range, 2);
    }
  sqlite3_finalize (stmt);
  stmt = NULL;
  g_string_append (sql, ") LIMIT 1");

  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, first_id);
      for (guint i = 0; i < ranges->len; i++)
        sqlite3_bind_int64 (stmt, i + 2, g_array_index (ranges, gint64, i));
      rc = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  if (rc == SQLITE_ROW)
    {
      *broken = TRUE;
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      set_sql_error (db, error, _("Could not check the new records"));
      return FALSE;
    }
  return TRUE;
}

/**
 * awards_schema_check_references:
 * @db: the connection of awards_schema_begin_bulk (), in the same transaction
 * @start: what awards_schema_begin_bulk () returned
 *
 * For a bulk batch that wrote with foreign keys off: checks that every row it added refers to
 * records that exist, as SQLite would have row by row. Rows from before the batch are not its
 * business (awards_store_check () reports them).
 */
gboolean
awards_schema_check_references (sqlite3                *db,
                                const AwardsBulkStart  *start,
                                GError                **error)
{
  static const struct
  {
    const char *table;
    gsize       first_id;
  } written[] = {
    { "organisation", G_STRUCT_OFFSET (AwardsBulkStart, organisation) },
    { "person", G_STRUCT_OFFSET (AwardsBulkStart, person) },
    { "decision", G_STRUCT_OFFSET (AwardsBulkStart, decision) },
    { "commendation", G_STRUCT_OFFSET (AwardsBulkStart, commendation) },
  };
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (db != NULL && start != NULL, FALSE);

  rc = sqlite3_prepare_v2 (db, "SELECT rowid, parent FROM pragma_foreign_key_check (?1)", -1,
                           &stmt, NULL);
  for (guint i = 0; rc == SQLITE_OK && i < G_N_ELEMENTS (written); i++)
    {
      gint64 first_id = G_STRUCT_MEMBER (gint64, start, written[i].first_id);
      gboolean broken = FALSE;

      /* Each table's new rows are checked in one pass; only a broken reference found there is
       * looked for again by the pragma, to be named. */
      if (new_rows_refer_to_records (db, start, written[i].table, first_id, &broken, error))
        continue;
      if (!broken)
        {
          sqlite3_finalize (stmt);
          return FALSE;
        }
      sqlite3_bind_text (stmt, 1, written[i].table, -1, SQLITE_STATIC);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          if (sqlite3_column_int64 (stmt, 0) >= first_id)
            {
              g_autofree char *number =
                g_strdup_printf ("%" G_GINT64_FORMAT, (gint64)sqlite3_column_int64 (stmt, 0));

              g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_CONSTRAINT,
                           _("A new record in “%s” (number %s) refers to a record in “%s” that "
                             "does not exist."),
                           written[i].table, number, (const char *)sqlite3_column_text (stmt, 1));
              sqlite3_finalize (stmt);
              return FALSE;
            }
        }
      if (rc != SQLITE_DONE)
        break;
      sqlite3_reset (stmt);
      rc = SQLITE_OK;
    }
  if (rc != SQLITE_OK)
    set_sql_error (db, error, _("Could not check the new records"));
  sqlite3_finalize (stmt);
  return rc == SQLITE_OK;
}

static const char *const steps[] = {
  NULL,        /* version 0: an empty file */
  schema_v1,
  schema_v2,
  schema_v3,
  schema_v4,
  schema_v5,
  schema_v6,
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
  if (!create_list_indexes (db, error))
    return FALSE;

  set_version = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                                 AWARDS_APPLICATION_ID, AWARDS_SCHEMA_VERSION);
  return exec_sql (db, set_version, error);
}
