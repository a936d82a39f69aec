#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "awards-batch.h"
#include "awards-batch-private.h"
#include "awards-command-private.h"
#include "awards-schema.h"
#include "awards-store.h"
#include "awards-store-private.h"
#include "awards-test-util.h"

/* The bulk mode of AwardsBatch: what a large import drops for speed is checked again at commit. */

typedef struct
{
  char        *dir;
  char        *path;
  AwardsStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("test-bulk-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "awards.db", NULL);
  fixture->store = awards_store_open (fixture->path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  awards_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static int
count (AwardsStore *store,
       const char  *sql)
{
  sqlite3_stmt *stmt = NULL;
  int n = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (awards_store_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static int
schema_objects (AwardsStore *store)
{
  return count (store, "SELECT count(*) FROM sqlite_master WHERE type IN ('index', 'trigger')");
}

/* A bulk batch of @n awards from the @first: organisations "HTX n", each a Bằng khen and a
 * person. */
static AwardsBatch *
fill_bulk_from (AwardsStore *store,
                guint        first,
                guint        n)
{
  g_autoptr(GError) error = NULL;
  AwardsBatch *batch = awards_batch_begin (store, &error);
  gint64 authority, award, flag, decision = 0;

  g_assert_no_error (error);
  g_assert_true (awards_batch_expect_rows (batch, n, &error));
  g_assert_no_error (error);
  authority = awards_batch_ensure_authority (batch, "UBND thành phố Hải Phòng", &error);
  award = awards_batch_ensure_award_type (batch, "Bằng khen", NULL, &error);
  flag = awards_batch_ensure_award_type (batch, "Cờ thi đua xuất sắc", NULL, &error);
  g_assert_no_error (error);
  for (guint i = first / 2; i < (first + n) / 2; i++)
    {
      AwardsNewCommendation spec = { 0, };
      g_autofree char *name = g_strdup_printf ("HTX Bạch Đằng %u", i);
      g_autofree char *number = g_strdup_printf ("%u/QĐ-UBND", i / 20);

      if (i % 20 == 0 || decision == 0)
        decision = awards_batch_ensure_decision (batch, number, "2011-12-28", authority, &error);
      spec.decision_id = decision;
      spec.award_type_id = i % 7 == 0 ? flag : award;
      spec.recipient_kind = AWARDS_RECIPIENT_KIND_COLLECTIVE;
      spec.organisation_id = awards_batch_ensure_organisation (batch, name, &error);
      g_assert_cmpint (awards_batch_add_commendation (batch, &spec, &error), >, 0);
      spec.award_type_id = award;
      spec.recipient_kind = AWARDS_RECIPIENT_KIND_INDIVIDUAL;
      spec.organisation_at_time_id = spec.organisation_id;
      spec.organisation_id = 0;
      spec.person_id = awards_batch_ensure_person (batch, "Nguyễn Văn Đức",
                                                   spec.organisation_at_time_id, NULL, &error);
      g_assert_cmpint (awards_batch_add_commendation (batch, &spec, &error), >, 0);
      g_assert_no_error (error);
    }
  return batch;
}

static AwardsBatch *
fill_bulk (AwardsStore *store,
           guint        n)
{
  return fill_bulk_from (store, 0, n);
}

static void
test_bulk_commit (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  int objects = schema_objects (fixture->store);
  AwardsBatch *batch = fill_bulk (fixture->store, 10000);

  g_assert_cmpint (schema_objects (fixture->store), <, objects);
  g_assert_true (awards_batch_commit (batch, &error));
  g_assert_no_error (error);
  awards_batch_free (batch);

  g_assert_cmpint (schema_objects (fixture->store), ==, objects);
  g_assert_cmpint (count (fixture->store, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (count (fixture->store, "SELECT count(*) FROM commendation"), ==, 10000);
  g_assert_cmpint (count (fixture->store, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  g_assert_cmpint (count (fixture->store, "SELECT count(*) FROM search_pending"), ==, 0);
  hits = awards_store_search (fixture->store, "bach dang 4999", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = awards_store_search (fixture->store, "nguyen van duc", 10, &error);
  g_assert_cmpuint (hits->len, ==, 10);
}

static void
test_bulk_rollback (Fixture       *fixture,
                    gconstpointer  data)
{
  int objects = schema_objects (fixture->store);
  AwardsBatch *batch = fill_bulk (fixture->store, 10000);

  awards_batch_free (batch);
  g_assert_cmpint (schema_objects (fixture->store), ==, objects);
  g_assert_cmpint (count (fixture->store, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (count (fixture->store, "SELECT count(*) FROM commendation"), ==, 0);
  g_assert_cmpint (count (fixture->store, "SELECT count(*) FROM person"), ==, 0);
}

static void
test_bulk_refuses_repeats (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AwardsBatch *batch = fill_bulk (fixture->store, 10000);
  AwardsNewCommendation spec = { 0, };

  spec.decision_id = awards_batch_ensure_decision (batch, "0/QĐ-UBND", "2011-12-28",
                                                   awards_batch_ensure_authority (batch, "UBND thành phố Hải Phòng", NULL),
                                                   &error);
  spec.award_type_id = awards_batch_ensure_award_type (batch, "Bằng khen", NULL, &error);
  spec.recipient_kind = AWARDS_RECIPIENT_KIND_COLLECTIVE;
  spec.organisation_id = awards_batch_ensure_organisation (batch, "HTX Bạch Đằng 1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (awards_batch_add_commendation (batch, &spec, &error), ==, 0);
  g_assert_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "already receives"));
  g_clear_error (&error);

  /* A flag to a person. */
  spec.award_type_id = awards_batch_ensure_award_type (batch, "Cờ thi đua xuất sắc", NULL, &error);
  spec.recipient_kind = AWARDS_RECIPIENT_KIND_INDIVIDUAL;
  spec.organisation_at_time_id = spec.organisation_id;
  spec.organisation_id = 0;
  spec.person_id = awards_batch_ensure_person (batch, "Nguyễn Văn Đức",
                                               spec.organisation_at_time_id, NULL, &error);
  g_assert_cmpint (awards_batch_add_commendation (batch, &spec, &error), ==, 0);
  g_assert_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  g_assert_true (awards_batch_commit (batch, &error));
  g_assert_no_error (error);
  awards_batch_free (batch);
}

/* What the batch's own checks would refuse, written behind its back, fails the commit. */
static void
test_bulk_commit_checks (Fixture       *fixture,
                         gconstpointer  data)
{
  static const char *const sneaky[] = {
    /* a flag to a person */
    "INSERT INTO commendation (decision_id, award_type_id, authority_id, date, person_id,"
    " recipient_name, organisation_at_time_id) SELECT decision_id,"
    " (SELECT id FROM award_type WHERE name = 'Cờ thi đua xuất sắc'), authority_id, date,"
    " (SELECT max (id) FROM person), 'x', organisation_at_time_id FROM commendation"
    " WHERE person_id IS NOT NULL LIMIT 1",
    /* a decision that does not exist */
    "INSERT INTO commendation (decision_id, award_type_id, authority_id, date, organisation_id,"
    " recipient_name) SELECT 99999, award_type_id, authority_id, date, organisation_id, 'x'"
    " FROM commendation WHERE organisation_id IS NOT NULL LIMIT 1",
    /* a person in an organisation that does not exist */
    "INSERT INTO person (full_name, family_name, middle_name, given_name, organisation_id,"
    " name_key, search_key, sort_key) VALUES ('A B', 'A', '', 'B', 99999, 'a b', 'a b', x'00')",
    /* a new person gone from the middle of the new ones, whose award stays */
    "DELETE FROM person WHERE id = (SELECT min (person_id) FROM commendation)",
    /* an organisation gone from the middle of the new ones, whose awards stay */
    "DELETE FROM organisation WHERE id = (SELECT max (organisation_at_time_id) FROM commendation)",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sneaky); i++)
    {
      g_autoptr(GError) error = NULL;
      int objects = schema_objects (fixture->store);
      AwardsBatch *batch = fill_bulk (fixture->store, 10000);

      g_assert_true (awards_store_exec (fixture->store, sneaky[i], NULL));
      g_assert_false (awards_batch_commit (batch, &error));
      g_assert_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_CONSTRAINT);
      g_test_message ("%s", error->message);
      awards_batch_free (batch);
      g_assert_cmpint (schema_objects (fixture->store), ==, objects);
      g_assert_cmpint (count (fixture->store, "SELECT count(*) FROM commendation"), ==, 0);
      g_assert_cmpint (count (fixture->store, "PRAGMA foreign_keys"), ==, 1);
    }
}

/* The commit names the new row whose reference is broken, its table and the missing parent's. */
static void
test_bulk_references_named (Fixture       *fixture,
                            gconstpointer  data)
{
  static const struct
  {
    const char *sql;
    const char *table;
    const char *parent;
  } broken[] = {
    { "INSERT INTO commendation (decision_id, award_type_id, authority_id, date, organisation_id,"
      " recipient_name) SELECT decision_id, award_type_id, authority_id, date, 99999, 'x'"
      " FROM commendation WHERE organisation_id IS NOT NULL LIMIT 1",
      "commendation", "organisation" },
    { "INSERT INTO decision (number, number_key, date, authority_id, search_key)"
      " VALUES ('1/X', '1/x', '2011-12-28', 99999, '1/x')",
      "decision", "authority" },
    /* Each reference of an award, past the ids that the batch knows to exist. */
    { "INSERT INTO commendation (decision_id, award_type_id, authority_id, date, person_id,"
      " recipient_name, organisation_at_time_id) SELECT decision_id, award_type_id, authority_id,"
      " date, 99999, 'x', organisation_at_time_id FROM commendation"
      " WHERE person_id IS NOT NULL LIMIT 1",
      "commendation", "person" },
    /* (deleted, as the same award to the same recipient in one decision may be once alive) */
    { "INSERT INTO commendation (decision_id, award_type_id, authority_id, date, person_id,"
      " recipient_name, organisation_at_time_id, deleted) SELECT decision_id, award_type_id,"
      " authority_id, date, person_id, 'x', 99999, 1 FROM commendation"
      " WHERE person_id IS NOT NULL LIMIT 1",
      "commendation", "organisation" },
    { "INSERT INTO commendation (decision_id, award_type_id, authority_id, date, organisation_id,"
      " recipient_name, deleted) SELECT decision_id, award_type_id, 99999, date,"
      " organisation_id, 'x', 1 FROM commendation WHERE organisation_id IS NOT NULL LIMIT 1",
      "commendation", "authority" },
    { "INSERT INTO commendation (decision_id, award_type_id, authority_id, date, organisation_id,"
      " recipient_name) SELECT decision_id, 99999, authority_id, date, organisation_id, 'x'"
      " FROM commendation WHERE organisation_id IS NOT NULL LIMIT 1",
      "commendation", "award_type" },
    { "INSERT INTO commendation (decision_id, award_type_id, authority_id, date, organisation_id,"
      " recipient_name) SELECT 99999, award_type_id, authority_id, date, organisation_id, 'x'"
      " FROM commendation WHERE organisation_id IS NOT NULL LIMIT 1",
      "commendation", "decision" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *table = g_strdup_printf ("“%s”", broken[i].table);
      g_autofree char *parent = g_strdup_printf ("“%s”", broken[i].parent);
      AwardsBatch *batch = fill_bulk (fixture->store, 10000);
      g_autofree char *row = NULL;

      g_assert_true (awards_store_exec (fixture->store, broken[i].sql, NULL));
      row = g_strdup_printf ("(number %" G_GINT64_FORMAT ")",
                             (gint64) sqlite3_last_insert_rowid (awards_store_get_db (fixture->store)));
      g_assert_false (awards_batch_commit (batch, &error));
      g_assert_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_CONSTRAINT);
      g_assert_nonnull (strstr (error->message, table));
      g_assert_nonnull (strstr (error->message, parent));
      g_assert_nonnull (strstr (error->message, row));
      awards_batch_free (batch);
      g_assert_cmpint (count (fixture->store, "SELECT count(*) FROM commendation"), ==, 0);
    }
}

/* A broken reference written before the batch is not the batch's to refuse: the commit checks
 * the rows it added, not the whole table (awards_store_check () reports the old one). */
static void
test_bulk_references_old_rows (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AwardsBatch *batch;

  g_assert_true (awards_store_exec (fixture->store, "PRAGMA foreign_keys = OFF", NULL));
  g_assert_true (awards_store_exec (fixture->store,
                                    "INSERT INTO person (full_name, family_name, middle_name,"
                                    " given_name, organisation_id, name_key, search_key, sort_key)"
                                    " VALUES ('A B', 'A', '', 'B', 99999, 'a b', 'a b', x'00')",
                                    NULL));
  g_assert_true (awards_store_exec (fixture->store, "PRAGMA foreign_keys = ON", NULL));

  batch = fill_bulk (fixture->store, 10000);
  g_assert_true (awards_batch_commit (batch, &error));
  g_assert_no_error (error);
  awards_batch_free (batch);
  g_assert_cmpint (count (fixture->store, "SELECT count(*) FROM commendation"), ==, 10000);
  g_assert_cmpint (count (fixture->store, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 1);
}

/* A bulk batch reads its rows with a smaller page cache (12 MiB into an empty file, where it
 * drops the list indexes), and gives the store its own back whether it commits or rolls
 * back. */
static void
test_bulk_cache_size (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  int usual = count (fixture->store, "PRAGMA cache_size");
  AwardsBatch *batch;

  g_assert_cmpint (usual, <, -32768);
  batch = fill_bulk (fixture->store, 10000);
  g_assert_cmpint (count (fixture->store, "PRAGMA cache_size"), ==, -12288);
  awards_batch_free (batch);
  g_assert_cmpint (count (fixture->store, "PRAGMA cache_size"), ==, usual);

  batch = fill_bulk (fixture->store, 10000);
  g_assert_cmpint (count (fixture->store, "PRAGMA cache_size"), ==, -12288);
  g_assert_true (awards_batch_commit (batch, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fixture->store, "PRAGMA cache_size"), ==, usual);
  awards_batch_free (batch);
  g_assert_cmpint (count (fixture->store, "PRAGMA cache_size"), ==, usual);
}

/* A second large import into a database that is not empty any more is not a bulk one. */
static void
test_bulk_only_when_large (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AwardsBatch *batch = fill_bulk (fixture->store, 10000);
  int objects;

  g_assert_true (awards_batch_commit (batch, &error));
  awards_batch_free (batch);
  objects = schema_objects (fixture->store);
  batch = awards_batch_begin (fixture->store, &error);
  g_assert_true (awards_batch_expect_rows (batch, 6000, &error));
  g_assert_cmpint (schema_objects (fixture->store), ==, objects);
  g_assert_cmpint (count (fixture->store, "PRAGMA foreign_keys"), ==, 1);
  /* It works in the smaller page cache all the same, and gives the store's back. */
  g_assert_cmpint (count (fixture->store, "PRAGMA cache_size"), ==, -32768);
  awards_batch_free (batch);
  g_assert_cmpint (count (fixture->store, "PRAGMA cache_size"), <, -32768);
}

/* A batch too large to be undone, into a file that already holds more awards than it brings,
 * keeps the list indexes (building them again would sort every award of the file) and puts only
 * what fires for every new row aside; the commit checks the new rows as in an empty file. */
static void
test_bulk_keeps_indexes_of_a_large_file (Fixture       *fixture,
                                         gconstpointer  data)
{
  const char *indexes = "SELECT count(*) FROM sqlite_master WHERE type = 'index'";
  const char *triggers = "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  AwardsBatch *batch = fill_bulk (fixture->store, 10000);
  int n_indexes, n_triggers;

  g_assert_true (awards_batch_commit (batch, &error));
  awards_batch_free (batch);
  n_indexes = count (fixture->store, indexes);
  n_triggers = count (fixture->store, triggers);
  awards_command_set_max_undoable (1000);

  batch = fill_bulk_from (fixture->store, 10000, 6000);
  g_assert_cmpint (count (fixture->store, indexes), ==, n_indexes);
  g_assert_cmpint (count (fixture->store, triggers), <, n_triggers);
  g_assert_cmpint (count (fixture->store, "PRAGMA foreign_keys"), ==, 0);
  /* Its rows go into the indexes at random places: it keeps more of them in memory. */
  g_assert_cmpint (count (fixture->store, "PRAGMA cache_size"), ==, -65536);
  g_assert_true (awards_batch_commit (batch, &error));
  g_assert_no_error (error);
  awards_batch_free (batch);
  g_assert_cmpint (count (fixture->store, triggers), ==, n_triggers);
  g_assert_cmpint (count (fixture->store, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (count (fixture->store, "SELECT count(*) FROM commendation"), ==, 16000);
  g_assert_cmpint (count (fixture->store, "SELECT count(*) FROM search_pending"), ==, 0);
  hits = awards_store_search (fixture->store, "bach dang 7999", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);

  /* A flag given to a person behind the batch's back fails the commit, which leaves it all. */
  batch = fill_bulk_from (fixture->store, 16000, 6000);
  g_assert_true (awards_store_exec (fixture->store,
                                    "INSERT INTO commendation (decision_id, award_type_id,"
                                    " authority_id, date, person_id, recipient_name) SELECT"
                                    " decision_id, (SELECT id FROM award_type"
                                    " WHERE name = 'Cờ thi đua xuất sắc'), authority_id, date,"
                                    " (SELECT max (id) FROM person), 'x' FROM commendation"
                                    " LIMIT 1", NULL));
  g_assert_false (awards_batch_commit (batch, &error));
  g_assert_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_CONSTRAINT);
  awards_batch_free (batch);
  awards_command_set_max_undoable (20000);
  g_assert_cmpint (count (fixture->store, indexes), ==, n_indexes);
  g_assert_cmpint (count (fixture->store, triggers), ==, n_triggers);
  g_assert_cmpint (count (fixture->store, "SELECT count(*) FROM commendation"), ==, 16000);
}

/* A batch lets the people it met long ago go, and finds them again in the database, those of
 * organisations it created itself too, whether the name comes alone or with its key. */
static void
test_batch_forgets_people (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AwardsBatch *batch = awards_batch_begin (fixture->store, &error);
  gint64 ids[10] = { 0 };

  awards_batch_set_people_generation (3);
  for (guint round = 0; round < 3; round++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
        {
          g_autofree char *organisation = g_strdup_printf ("HTX Bạch Đằng %u", i);
          g_autoptr(AwardsPersonName) key = awards_person_name_prepare_key ("Nguyễn  Văn Đức");
          gint64 organisation_id = awards_batch_ensure_organisation (batch, organisation,
                                                                     &error);
          gint64 id;

          g_assert_no_error (error);
          /* The last round names them as an import's reader does, with their key. */
          id = awards_batch_ensure_prepared_person (batch, "Nguyễn  Văn Đức",
                                                    round == 2 ? key : NULL, organisation_id,
                                                    NULL, &error);
          g_assert_no_error (error);
          g_assert_cmpint (id, >, 0);
          if (round == 0)
            ids[i] = id;
          else
            g_assert_cmpint (id, ==, ids[i]);
        }
    }
  awards_batch_set_people_generation (0);
  g_assert_true (awards_batch_commit (batch, &error));
  g_assert_no_error (error);
  awards_batch_free (batch);
  g_assert_cmpint (count (fixture->store, "SELECT count(*) FROM person"), ==, G_N_ELEMENTS (ids));
  g_assert_cmpint (count (fixture->store, "SELECT count(*) FROM person"
                                          " WHERE full_name = 'Nguyễn Văn Đức'"), ==,
                   G_N_ELEMENTS (ids));
}

static void
test_summary_skips_revoked (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) yearly = NULL;
  g_autoptr(AwardsCommendation) award = NULL;
  AwardsBatch *batch = fill_bulk (fixture->store, 100);
  guint total_before = 0, total_after = 0, total_yearly = 0;

  g_assert_true (awards_batch_commit (batch, &error));
  awards_batch_free (batch);
  before = awards_store_summary (fixture->store, NULL, &error);
  award = awards_store_get_commendation (fixture->store, 1, &error);
  g_assert_no_error (error);
  awards_commendation_set_revoked (award, TRUE);
  g_assert_true (awards_store_update_commendation (fixture->store, award, &error));
  after = awards_store_summary (fixture->store, NULL, &error);
  yearly = awards_store_yearly (fixture->store, NULL, &error);
  for (guint i = 0; i < before->len; i++)
    {
      AwardsSummaryRow *row = g_ptr_array_index (before, i);

      total_before += row->collectives + row->individuals;
    }
  for (guint i = 0; i < after->len; i++)
    {
      AwardsSummaryRow *row = g_ptr_array_index (after, i);

      total_after += row->collectives + row->individuals;
    }
  for (guint i = 0; i < yearly->len; i++)
    {
      AwardsSummaryRow *row = g_ptr_array_index (yearly, i);

      g_assert_cmpint (row->year, ==, 2011);
      total_yearly += row->collectives + row->individuals;
    }
  g_assert_cmpuint (total_before, ==, 100);
  g_assert_cmpuint (total_after, ==, 99);
  g_assert_cmpuint (total_yearly, ==, 99);
  /* Lists keep it. */
  g_assert_cmpuint (awards_store_count_commendations (fixture->store, NULL, &error), ==, 100);
}

static char *
journal_mode (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  char *mode = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    mode = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return mode;
}

/* A bulk batch writes with a rollback journal, so that its pages are written once, and puts the
 * log back at its end, committed or not. */
static void
test_bulk_journal (Fixture       *fixture,
                   gconstpointer  data)
{
  sqlite3 *db = awards_store_get_db (fixture->store);
  g_autoptr(GError) error = NULL;
  AwardsBatch *batch;
  char *mode;

  batch = fill_bulk (fixture->store, 6000);
  mode = journal_mode (db);
  g_assert_cmpstr (mode, ==, "delete");
  g_free (mode);
  g_assert_true (awards_batch_commit (batch, &error));
  g_assert_no_error (error);
  awards_batch_free (batch);
  mode = journal_mode (db);
  g_assert_cmpstr (mode, ==, "wal");
  g_free (mode);

  /* A database as large as the batch is not bulk any more: start again from an empty one. */
  g_clear_object (&fixture->store);
  g_unlink (fixture->path);
  fixture->store = awards_store_open (fixture->path, &error);
  g_assert_no_error (error);
  db = awards_store_get_db (fixture->store);

  batch = fill_bulk (fixture->store, 6000);
  awards_batch_free (batch);   /* rolled back */
  mode = journal_mode (db);
  g_assert_cmpstr (mode, ==, "wal");
  g_free (mode);
  g_assert_cmpint (count (fixture->store, "SELECT count(*) FROM commendation"), ==, 0);
}

/* While another connection has the file open, the log cannot be left: the batch keeps it. */
static void
test_bulk_journal_shared (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *other = NULL;
  sqlite3_stmt *stmt = NULL;
  AwardsBatch *batch;
  char *mode;

  g_assert_cmpint (sqlite3_open (fixture->path, &other), ==, SQLITE_OK);
  /* A reader that has looked at the file holds the log open. */
  g_assert_cmpint (sqlite3_prepare_v2 (other, "SELECT count(*) FROM organisation", -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  sqlite3_finalize (stmt);

  batch = fill_bulk (fixture->store, 6000);
  mode = journal_mode (awards_store_get_db (fixture->store));
  g_assert_cmpstr (mode, ==, "wal");
  g_free (mode);
  g_assert_true (awards_batch_commit (batch, &error));
  g_assert_no_error (error);
  awards_batch_free (batch);

  g_assert_cmpint (sqlite3_prepare_v2 (other, "SELECT count(*) FROM commendation", -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 6000);
  sqlite3_finalize (stmt);
  sqlite3_close (other);
}

/* A file left with a rollback journal (an import cut short) gets its log back when opened. */
static void
test_open_restores_log (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  char *mode;

  g_clear_object (&fixture->store);
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  mode = journal_mode (db);
  g_assert_cmpstr (mode, ==, "delete");
  g_free (mode);
  sqlite3_close (db);

  fixture->store = awards_store_open (fixture->path, &error);
  g_assert_no_error (error);
  mode = journal_mode (awards_store_get_db (fixture->store));
  g_assert_cmpstr (mode, ==, "wal");
  g_free (mode);
}

/* The batch writes the time it began as SQLite's CURRENT_TIMESTAMP would: UTC, to the second. */
static void
test_batch_created_at (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AwardsBatch *batch = fill_bulk (fixture->store, 200);

  g_assert_true (awards_batch_commit (batch, &error));
  g_assert_no_error (error);
  awards_batch_free (batch);

  g_assert_cmpint (count (fixture->store, "SELECT count(*) FROM commendation"), ==, 200);
  g_assert_cmpint (count (fixture->store, "SELECT count(*) FROM commendation"
                                          " WHERE created_at = datetime (created_at)"
                                          " AND abs (unixepoch () - unixepoch (created_at)) < 120"),
                   ==, 200);
  g_assert_cmpint (count (fixture->store, "SELECT count(*) FROM person"
                                          " WHERE created_at = datetime (created_at)"
                                          " AND abs (unixepoch () - unixepoch (created_at)) < 120"),
                   ==, count (fixture->store, "SELECT count(*) FROM person"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/batch/bulk-commit", test_bulk_commit);
  ADD ("/store/batch/bulk-rollback", test_bulk_rollback);
  ADD ("/store/batch/bulk-refuses-repeats", test_bulk_refuses_repeats);
  ADD ("/store/batch/bulk-commit-checks", test_bulk_commit_checks);
  ADD ("/store/batch/bulk-only-when-large", test_bulk_only_when_large);
  ADD ("/store/batch/bulk-cache-size", test_bulk_cache_size);
  ADD ("/store/batch/bulk-keeps-indexes-of-a-large-file",
       test_bulk_keeps_indexes_of_a_large_file);
  ADD ("/store/batch/bulk-references-named", test_bulk_references_named);
  ADD ("/store/batch/bulk-references-old-rows", test_bulk_references_old_rows);
  ADD ("/store/batch/bulk-journal", test_bulk_journal);
  ADD ("/store/batch/bulk-journal-shared", test_bulk_journal_shared);
  ADD ("/store/batch/open-restores-log", test_open_restores_log);
  ADD ("/store/batch/created-at", test_batch_created_at);
  ADD ("/store/batch/forgets-people", test_batch_forgets_people);
  ADD ("/store/report/summary-skips-revoked", test_summary_skips_revoked);

  return g_test_run ();
}
