#include "config.h"

#include <fcntl.h>
#include <locale.h>
#include <unistd.h>
#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "awards-batch.h"
#include "awards-command.h"
#include "awards-schema.h"
#include "awards-store.h"
#include "awards-store-open.h"
#include "awards-store-private.h"
#include "awards-store-watch.h"
#include "awards-test-pg.h"
#include "awards-test-util.h"

typedef struct
{
  char        *dir;
  char        *path;     /* the file, or the server database's address ("/server/…" tests) */
  char        *server;
  AwardsStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("test-store-XXXXXX", &error);
  g_assert_no_error (error);
  if (data != NULL)
    {
      gboolean created = FALSE;

      fixture->server = awards_test_pg_new_database (NULL);
      g_assert_nonnull (fixture->server);
      awards_store_init_server (fixture->server, &created, NULL, &error);
      g_assert_no_error (error);
      fixture->path = g_strdup (fixture->server);
    }
  else
    {
      fixture->path = g_build_filename (fixture->dir, "sub", "awards.db", NULL);
    }
  fixture->store = awards_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  if (fixture->server != NULL)
    awards_test_pg_drop_database (fixture->server);
  g_free (fixture->server);
  awards_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static gint64
add_award (AwardsBatch *batch,
           const char  *authority,
           const char  *number,
           const char  *date,
           const char  *award,
           const char  *collective,
           const char  *individual,
           const char  *organisation,
           GError     **error)
{
  AwardsNewCommendation spec = { 0, };
  gint64 authority_id;

  authority_id = awards_batch_ensure_authority (batch, authority, error);
  if (authority_id == 0)
    return 0;
  spec.decision_id = awards_batch_ensure_decision (batch, number, date, authority_id, error);
  if (spec.decision_id == 0)
    return 0;
  spec.award_type_id = awards_batch_ensure_award_type (batch, award, NULL, error);
  if (spec.award_type_id == 0)
    return 0;
  if (collective != NULL)
    {
      spec.recipient_kind = AWARDS_RECIPIENT_KIND_COLLECTIVE;
      spec.organisation_id = awards_batch_ensure_organisation (batch, collective, error);
      if (spec.organisation_id == 0)
        return 0;
      spec.recipient_name = collective;
    }
  else
    {
      spec.recipient_kind = AWARDS_RECIPIENT_KIND_INDIVIDUAL;
      spec.organisation_at_time_id = awards_batch_ensure_organisation (batch, organisation, error);
      if (spec.organisation_at_time_id == 0)
        return 0;
      spec.person_id = awards_batch_ensure_person (batch, individual,
                                                   spec.organisation_at_time_id, NULL, error);
      if (spec.person_id == 0)
        return 0;
      spec.recipient_name = individual;
    }
  return awards_batch_add_commendation (batch, &spec, error);
}

/* The 2011 year-end review of DESIGN.md. */
static void
add_ceremony (AwardsStore *store)
{
  static const char *const flags[] = {
    "Liên minh HTX thành phố Hải Phòng", "HTX Bạch Đằng", "Công ty TNHH Quý Cao",
  };
  static const char *const city_collectives[] = {
    "HTX Tân Phong", "HTX Đồng Tâm", "HTX Vận tải Thống Nhất", "HTX Thủy sản Cát Hải",
    "HTX Dịch vụ điện An Lư",
  };
  static const char *const city_people[] = {
    "Nguyễn Văn Đức", "Trần Thị Bích", "Lê Văn Ánh", "Phạm Thị Anh", "Đặng Quốc Hùng",
    "Vũ Thị Hường", "Bùi Văn Ơn", "Đỗ Thị Ước", "Hoàng Văn Dũng", "Ngô Thị Đào",
  };
  static const char *const vca_people[] = {
    "Cao Thị Anh", "Trần Quốc Ánh", "Lý Văn Bình", "Phan Thị Cúc", "Võ Văn Em", "Hồ Thị Giang",
    "Dương Văn Khoa",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsBatch) batch = awards_batch_begin (store, &error);
  const char *city = "UBND thành phố Hải Phòng";
  const char *vca = "Liên minh HTX Việt Nam";

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    g_assert_cmpint (add_award (batch, city, "3456/QĐ-UBND", "2011-12-28", "Cờ thi đua xuất sắc",
                                flags[i], NULL, NULL, &error), >, 0);
  for (guint i = 0; i < G_N_ELEMENTS (city_collectives); i++)
    g_assert_cmpint (add_award (batch, city, "3457/QĐ-UBND", "2011-12-28", "Bằng khen",
                                city_collectives[i], NULL, NULL, &error), >, 0);
  for (guint i = 0; i < G_N_ELEMENTS (city_people); i++)
    g_assert_cmpint (add_award (batch, city, "3457/QĐ-UBND", "2011-12-28", "Bằng khen",
                                NULL, city_people[i], "HTX Bạch Đằng", &error), >, 0);
  g_assert_cmpint (add_award (batch, vca, "789/QĐ-LMHTXVN", "2011-12-28", "Bằng khen",
                              "HTX Bạch Đằng", NULL, NULL, &error), >, 0);
  g_assert_cmpint (add_award (batch, vca, "789/QĐ-LMHTXVN", "2011-12-28", "Bằng khen",
                              "HTX Tân Phong", NULL, NULL, &error), >, 0);
  for (guint i = 0; i < G_N_ELEMENTS (vca_people); i++)
    g_assert_cmpint (add_award (batch, vca, "789/QĐ-LMHTXVN", "2011-12-28", "Bằng khen",
                                NULL, vca_people[i], "Công ty TNHH Quý Cao", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (awards_batch_get_n_added (batch), ==, 27);
  awards_batch_commit (batch, &error);
  g_assert_no_error (error);
}

static guint
count_all (AwardsStore *store)
{
  g_autoptr(GError) error = NULL;
  guint count = awards_store_count_commendations (store, NULL, &error);

  g_assert_no_error (error);
  return count;
}

static void
test_open_seeds_catalogue (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) types = awards_store_list_award_types (fixture->store, &error);
  g_autoptr(AwardsAwardType) flag = NULL;
  g_autoptr(AwardsAwardType) merit = NULL;
  g_autoptr(AwardsAwardType) worker = NULL;
  int previous_rank = G_MININT;

  g_assert_no_error (error);
  g_assert_cmpint (awards_store_get_schema_version (fixture->store), ==, AWARDS_SCHEMA_VERSION);
  g_assert_cmpuint (types->len, >=, 15);
  for (guint i = 0; i < types->len; i++)
    {
      int rank = awards_award_type_get_rank (g_ptr_array_index (types, i));

      g_assert_cmpint (rank, >=, previous_rank);
      previous_rank = rank;
    }

  flag = awards_store_find_award_type (fixture->store, "cờ thi đua  xuất sắc", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (awards_award_type_get_name (flag), ==, "Cờ thi đua xuất sắc");
  g_assert_cmpint (awards_award_type_get_eligibility (flag), ==, AWARDS_ELIGIBILITY_COLLECTIVE);
  merit = awards_store_find_award_type (fixture->store, "Bằng khen", &error);
  g_assert_no_error (error);
  g_assert_cmpint (awards_award_type_get_eligibility (merit), ==, AWARDS_ELIGIBILITY_BOTH);
  worker = awards_store_find_award_type (fixture->store, "Lao động tiên tiến", &error);
  g_assert_no_error (error);
  g_assert_cmpint (awards_award_type_get_eligibility (worker), ==, AWARDS_ELIGIBILITY_INDIVIDUAL);
  g_assert_cmpint (awards_award_type_get_rank (flag), <, awards_award_type_get_rank (merit));
  g_assert_cmpint (awards_award_type_get_rank (merit), <, awards_award_type_get_rank (worker));
}

static void
test_reopen_keeps_data (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsStore) again = NULL;

  add_ceremony (fixture->store);
  g_clear_object (&fixture->store);
  again = awards_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_all (again), ==, 27);
}

static void
write_file (const char *path,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

static void
test_refuses_garbage (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "garbage.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  AwardsStore *store;

  write_file (path, "this is a spreadsheet, not a database\n"
                    "with several lines of text that SQLite cannot read as pages\n", -1);
  g_file_get_contents (path, &before, NULL, NULL);
  store = awards_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_NOT_A_DATABASE);
  g_assert_nonnull (strstr (error->message, "garbage.db"));
  g_file_get_contents (path, &after, NULL, NULL);
  g_assert_cmpstr (before, ==, after);
}

static void
test_refuses_other_application (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "other.db", NULL);
  sqlite3 *db = NULL;
  AwardsStore *store;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x); INSERT INTO t VALUES (1);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = awards_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_NOT_A_DATABASE);
}

static void
test_refuses_newer_version (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  AwardsStore *store;

  add_ceremony (fixture->store);
  g_clear_object (&fixture->store);

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  sql = g_strdup_printf ("PRAGMA user_version = %d", AWARDS_SCHEMA_VERSION + 1);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = awards_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer version"));

  /* Nothing was changed: the version and the rows are as the newer program left them. */
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT (SELECT user_version FROM pragma_user_version),"
                                           " (SELECT count(*) FROM commendation)", -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, AWARDS_SCHEMA_VERSION + 1);
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 27);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
test_migrates_empty_file (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "empty.db", NULL);
  g_autoptr(AwardsStore) store = NULL;
  g_autoptr(GPtrArray) types = NULL;

  write_file (path, "", 0);
  store = awards_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (awards_store_get_schema_version (store), ==, AWARDS_SCHEMA_VERSION);
  types = awards_store_list_award_types (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (types->len, >, 0);
}

static void
test_schema_constraints (Fixture       *fixture,
                         gconstpointer  data)
{
  sqlite3 *db = NULL;

  add_ceremony (fixture->store);
  g_clear_object (&fixture->store);

  /* The rules hold even for a program that bypasses the store. */
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  /* Two recipients. */
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO commendation (decision_id, award_type_id,"
                                     " authority_id, date, organisation_id, person_id,"
                                     " recipient_name) SELECT decision_id, award_type_id,"
                                     " authority_id, date, 1, 1, 'x' FROM commendation LIMIT 1",
                                 NULL, NULL, NULL), !=, SQLITE_OK);
  /* No recipient. */
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO commendation (decision_id, award_type_id,"
                                     " authority_id, date, recipient_name) SELECT decision_id,"
                                     " award_type_id, authority_id, date, 'x' FROM commendation"
                                     " LIMIT 1", NULL, NULL, NULL), !=, SQLITE_OK);
  /* A flag to a person. */
  g_assert_cmpint (sqlite3_exec (db, "UPDATE commendation SET award_type_id = (SELECT id FROM"
                                     " award_type WHERE name = 'Cờ thi đua xuất sắc')"
                                     " WHERE person_id IS NOT NULL", NULL, NULL, NULL),
                   !=, SQLITE_OK);
  /* A missing decision. */
  g_assert_cmpint (sqlite3_exec (db, "UPDATE commendation SET decision_id = 9999",
                                 NULL, NULL, NULL), !=, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_batch_rules (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsBatch) batch = NULL;

  add_ceremony (fixture->store);

  batch = awards_batch_begin (fixture->store, &error);
  g_assert_no_error (error);

  /* A flag to an individual. */
  g_assert_cmpint (add_award (batch, "UBND thành phố Hải Phòng", "1/QĐ-UBND", "2012-01-05",
                              "Cờ thi đua xuất sắc", NULL, "Nguyễn Văn Đức", "HTX Bạch Đằng",
                              &error), ==, 0);
  g_assert_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==, "“Cờ thi đua xuất sắc” can only be given to a collective");
  g_clear_error (&error);

  /* The same recipient twice in one decision, even spelt differently. */
  g_assert_cmpint (add_award (batch, "UBND thành phố Hải Phòng", "3457/QĐ-UBND", "2011-12-28",
                              "bằng khen", "htx  bạch đằng", NULL, NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (add_award (batch, "UBND thành phố Hải Phòng", "3457/QĐ-UBND", "2011-12-28",
                              "Bằng khen", "HTX Bạch Đằng", NULL, NULL, &error), ==, 0);
  g_assert_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "already receives"));
  g_clear_error (&error);

  /* A decision number reused by the same authority with another date. */
  g_assert_cmpint (add_award (batch, "UBND thành phố Hải Phòng", "3456/qđ-ubnd", "2011-12-29",
                              "Bằng khen", "HTX Mới", NULL, NULL, &error), ==, 0);
  g_assert_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "28/12/2011"));
  g_clear_error (&error);

  /* Another authority may use the same number. */
  g_assert_cmpint (add_award (batch, "Liên minh HTX Việt Nam", "3456/QĐ-UBND", "2011-12-29",
                              "Bằng khen", "HTX Mới", NULL, NULL, &error), >, 0);
  g_assert_no_error (error);

  /* An unknown award is added after the known ones, with the eligibility its name implies. */
  g_assert_cmpint (add_award (batch, "Liên minh HTX Việt Nam", "5/QĐ", "2012-02-02",
                              "Cờ thi đua tiêu biểu", "HTX Mới", NULL, NULL, &error), >, 0);
  g_assert_no_error (error);

  /* Freeing without commit writes nothing. */
  g_clear_pointer (&batch, awards_batch_free);
  g_assert_cmpuint (count_all (fixture->store), ==, 27);
  g_assert_null (awards_store_find_organisation (fixture->store, "HTX Mới", NULL));
  g_assert_null (awards_store_find_award_type (fixture->store, "Cờ thi đua tiêu biểu", NULL));
}

static void
test_new_award_type_rank (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsBatch) batch = awards_batch_begin (fixture->store, &error);
  g_autoptr(AwardsAwardType) added = NULL;
  g_autoptr(AwardsAwardType) last_known = NULL;
  AwardsEligibility eligibility = AWARDS_ELIGIBILITY_BOTH;

  g_assert_no_error (error);
  g_assert_cmpint (awards_batch_ensure_award_type (batch, "Tập thể tiêu biểu", &eligibility,
                                                   &error), >, 0);
  g_assert_cmpint (eligibility, ==, AWARDS_ELIGIBILITY_COLLECTIVE);
  awards_batch_commit (batch, &error);
  g_assert_no_error (error);

  added = awards_store_find_award_type (fixture->store, "Tập thể tiêu biểu", &error);
  last_known = awards_store_find_award_type (fixture->store, "Giấy khen", &error);
  g_assert_no_error (error);
  g_assert_cmpint (awards_award_type_get_rank (added), >, awards_award_type_get_rank (last_known));
}

static void
test_summary (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  AwardsSummaryRow *row;
  AwardsQuery query;

  add_ceremony (fixture->store);
  awards_query_init (&query);
  query.date_from = "2011-12-01";
  query.date_to = "2011-12-31";
  rows = awards_store_summary (fixture->store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);

  /* "Liên minh" sorts before "UBND". */
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row->authority, ==, "Liên minh HTX Việt Nam");
  g_assert_cmpstr (row->award, ==, "Bằng khen");
  g_assert_cmpuint (row->collectives, ==, 2);
  g_assert_cmpuint (row->individuals, ==, 7);
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpstr (row->authority, ==, "UBND thành phố Hải Phòng");
  g_assert_cmpstr (row->award, ==, "Cờ thi đua xuất sắc");
  g_assert_cmpuint (row->collectives, ==, 3);
  g_assert_cmpuint (row->individuals, ==, 0);
  row = g_ptr_array_index (rows, 2);
  g_assert_cmpstr (row->award, ==, "Bằng khen");
  g_assert_cmpuint (row->collectives, ==, 5);
  g_assert_cmpuint (row->individuals, ==, 10);

  g_clear_pointer (&rows, g_ptr_array_unref);
  query.date_from = "2012-01-01";
  query.date_to = NULL;
  rows = awards_store_summary (fixture->store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 0);

  g_clear_pointer (&rows, g_ptr_array_unref);
  awards_query_init (&query);
  rows = awards_store_yearly (fixture->store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpint (row->year, ==, 2011);
  g_assert_cmpstr (row->award, ==, "Bằng khen");
  g_assert_cmpuint (row->collectives, ==, 7);
  g_assert_cmpuint (row->individuals, ==, 17);
}

static void
test_organisation_awards (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsOrganisation) organisation = NULL;
  g_autoptr(GPtrArray) own = NULL;
  g_autoptr(GPtrArray) all = NULL;
  AwardsQuery query;

  add_ceremony (fixture->store);
  organisation = awards_store_find_organisation (fixture->store, "htx bạch đằng", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (awards_organisation_get_name (organisation), ==, "HTX Bạch Đằng");
  g_assert_cmpint (awards_organisation_get_kind (organisation), ==,
                   AWARDS_ORGANISATION_KIND_COOPERATIVE);
  /* Two awards of its own, ten to its people. */
  g_assert_cmpuint (awards_organisation_get_award_count (organisation), ==, 12);

  awards_query_init (&query);
  query.organisation_id = awards_organisation_get_id (organisation);
  own = awards_store_list_commendations (fixture->store, &query, AWARDS_ORDER_CHRONOLOGICAL,
                                         &error);
  g_assert_no_error (error);
  g_assert_cmpuint (own->len, ==, 2);
  query.with_members = TRUE;
  all = awards_store_list_commendations (fixture->store, &query, AWARDS_ORDER_CHRONOLOGICAL,
                                         &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 12);
}

static void
test_person_moves (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsOrganisation) bach_dang = NULL;
  g_autoptr(AwardsPerson) person = NULL;
  g_autoptr(GPtrArray) people = NULL;
  AwardsQuery query;

  add_ceremony (fixture->store);
  bach_dang = awards_store_find_organisation (fixture->store, "HTX Bạch Đằng", &error);
  g_assert_no_error (error);
  people = awards_store_list_people (fixture->store, "nguyen van duc", 0, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 1);
  person = g_object_ref (g_ptr_array_index (people, 0));

  /* The person moves to another cooperative: their old award stays with Bạch Đằng. */
  awards_person_set_organisation_id (person, 0);
  awards_store_save_person (fixture->store, person, &error);
  g_assert_no_error (error);
  awards_query_init (&query);
  query.organisation_id = awards_organisation_get_id (bach_dang);
  query.with_members = TRUE;
  g_assert_cmpuint (awards_store_count_commendations (fixture->store, &query, &error), ==, 12);
}

/* A new organisation is recorded only if no other has, or once had, its name, unless said
 * otherwise: two clerks entering the same cooperative at the same moment make one record. */
static void
test_create_refuses_recorded_name (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsStore) other = awards_store_open (fixture->path, &error);
  g_autoptr(AwardsOrganisation) mine = awards_organisation_new ();
  g_autoptr(AwardsOrganisation) theirs = awards_organisation_new ();
  g_autoptr(AwardsOrganisation) renamed = NULL;
  g_autoptr(AwardsOrganisation) fresh = awards_organisation_new ();
  gint64 id;

  g_assert_no_error (error);
  awards_organisation_set_name (theirs, "HTX Tân Tiến");
  g_assert_cmpint (awards_store_save_organisation (other, theirs, &error), >, 0);
  g_assert_no_error (error);

  awards_organisation_set_name (mine, "HTX Tân Tiến");
  g_assert_cmpint (awards_store_create_organisation (fixture->store, mine, &error), ==, 0);
  g_assert_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "“HTX Tân Tiến” was recorded meanwhile"));
  g_clear_error (&error);
  g_assert_cmpuint (awards_store_count_organisations (fixture->store, "tan tien", NULL), ==, 1);
  /* Nothing of the refused save is left to undo. */
  g_assert_false (awards_store_can_undo (fixture->store));

  /* A former name counts as well. */
  renamed = awards_store_find_organisation (other, "HTX Tân Tiến", &error);
  g_assert_no_error (error);
  awards_organisation_set_name (renamed, "HTX Dịch vụ Tân Tiến");
  g_assert_cmpint (awards_store_save_organisation (other, renamed, &error), >, 0);
  g_assert_cmpint (awards_store_create_organisation (fixture->store, mine, &error), ==, 0);
  g_assert_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_EXISTS);
  g_clear_error (&error);

  /* Another name is recorded, and undone as any new record. */
  awards_organisation_set_name (fresh, "HTX Hòa Bình");
  id = awards_store_create_organisation (fixture->store, fresh, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_true (awards_store_can_undo (fixture->store));
  g_assert_true (awards_store_undo (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (awards_store_count_organisations (fixture->store, "hoa binh", NULL), ==, 0);
}

/* The same for a person of an organisation; another organisation's person of the same name is
 * another person. */
static void
test_create_person_refuses_recorded_name (Fixture       *fixture,
                                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsStore) other = awards_store_open (fixture->path, &error);
  g_autoptr(AwardsOrganisation) first = awards_organisation_new ();
  g_autoptr(AwardsOrganisation) second = awards_organisation_new ();
  g_autoptr(AwardsPerson) theirs = awards_person_new ();
  g_autoptr(AwardsPerson) mine = awards_person_new ();
  gint64 first_id, second_id;

  g_assert_no_error (error);
  awards_organisation_set_name (first, "HTX Xây dựng Thái Thụy");
  awards_organisation_set_name (second, "HTX Muối Thụy Hải");
  first_id = awards_store_save_organisation (fixture->store, first, &error);
  second_id = awards_store_save_organisation (fixture->store, second, &error);
  g_assert_no_error (error);

  awards_person_set_full_name (theirs, "Đinh Văn Long");
  awards_person_set_organisation_id (theirs, first_id);
  g_assert_cmpint (awards_store_save_person (other, theirs, &error), >, 0);
  g_assert_no_error (error);

  awards_person_set_full_name (mine, "Đinh Văn Long");
  awards_person_set_organisation_id (mine, first_id);
  g_assert_cmpint (awards_store_create_person (fixture->store, mine, &error), ==, 0);
  g_assert_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "“Đinh Văn Long” of this organisation"));
  g_clear_error (&error);

  awards_person_set_organisation_id (mine, second_id);
  g_assert_cmpint (awards_store_create_person (fixture->store, mine, &error), >, 0);
  g_assert_no_error (error);
}

static void
test_rename_keeps_former_name (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsOrganisation) organisation = NULL;
  g_autoptr(AwardsOrganisation) found = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  const char * const *former;

  add_ceremony (fixture->store);
  organisation = awards_store_find_organisation (fixture->store, "HTX Bạch Đằng", &error);
  g_assert_no_error (error);
  awards_organisation_set_name (organisation, "HTX Dịch vụ Bạch Đằng Xanh");
  awards_store_save_organisation (fixture->store, organisation, &error);
  g_assert_no_error (error);

  found = awards_store_find_organisation (fixture->store, "HTX Bạch Đằng", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (awards_organisation_get_name (found), ==, "HTX Dịch vụ Bạch Đằng Xanh");
  former = awards_organisation_get_former_names (found);
  g_assert_nonnull (former);
  g_assert_cmpstr (former[0], ==, "HTX Bạch Đằng");

  /* The awards keep the name the cooperative had on the day. */
  {
    g_autoptr(GPtrArray) own = NULL;
    AwardsQuery query;

    awards_query_init (&query);
    query.organisation_id = awards_organisation_get_id (found);
    own = awards_store_list_commendations (fixture->store, &query, AWARDS_ORDER_CHRONOLOGICAL,
                                           &error);
    g_assert_no_error (error);
    g_assert_cmpuint (own->len, ==, 2);
    g_assert_cmpstr (awards_commendation_get_recipient_name (g_ptr_array_index (own, 0)), ==,
                     "HTX Bạch Đằng");
  }

  hits = awards_store_search (fixture->store, "xanh", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GPtrArray) organisations = NULL;
  AwardsSearchHit *hit;

  add_ceremony (fixture->store);

  hits = awards_store_search (fixture->store, "bach dang", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, >=, 1);
  hit = g_ptr_array_index (hits, 0);
  g_assert_cmpint (hit->kind, ==, AWARDS_SEARCH_ORGANISATION);
  g_assert_cmpstr (hit->title, ==, "HTX Bạch Đằng");
  g_assert_cmpuint (hit->award_count, ==, 12);
  g_clear_pointer (&hits, g_ptr_array_unref);

  hits = awards_store_search (fixture->store, "ngu van du", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  hit = g_ptr_array_index (hits, 0);
  g_assert_cmpint (hit->kind, ==, AWARDS_SEARCH_PERSON);
  g_assert_cmpstr (hit->title, ==, "Nguyễn Văn Đức");
  g_assert_cmpstr (hit->subtitle, ==, "HTX Bạch Đằng");
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* đ and d are one letter to search. */
  hits = awards_store_search (fixture->store, "Đào", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (((AwardsSearchHit *)g_ptr_array_index (hits, 0))->title, ==, "Ngô Thị Đào");
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* A decision by its number. */
  hits = awards_store_search (fixture->store, "3456", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  hit = g_ptr_array_index (hits, 0);
  g_assert_cmpint (hit->kind, ==, AWARDS_SEARCH_DECISION);
  g_assert_cmpstr (hit->title, ==, "3456/QĐ-UBND");
  g_assert_cmpuint (hit->award_count, ==, 3);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Quotes and operators are just text. */
  hits = awards_store_search (fixture->store, "\"htx\" OR NOT *", 10, &error);
  g_assert_no_error (error);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = awards_store_search (fixture->store, "  -- ", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 0);

  organisations = awards_store_list_organisations (fixture->store, "htx", 0, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (organisations->len, ==, 7);
  g_assert_cmpuint (awards_store_count_organisations (fixture->store, "htx", &error), ==, 7);
}

static void
test_vietnamese_order (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) organisations = NULL;
  g_autoptr(GPtrArray) people = NULL;
  static const char *const expected_orgs[] = {
    "Công ty TNHH Quý Cao", "HTX Bạch Đằng", "HTX Dịch vụ điện An Lư", "HTX Đồng Tâm",
    "HTX Tân Phong", "HTX Thủy sản Cát Hải", "HTX Vận tải Thống Nhất",
    "Liên minh HTX thành phố Hải Phòng",
  };

  add_ceremony (fixture->store);
  organisations = awards_store_list_organisations (fixture->store, NULL, 0, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (organisations->len, ==, G_N_ELEMENTS (expected_orgs));
  for (guint i = 0; i < organisations->len; i++)
    g_assert_cmpstr (awards_organisation_get_name (g_ptr_array_index (organisations, i)), ==,
                     expected_orgs[i]);

  /* People by given name: Anh (Cao Thị, Phạm Thị) < Ánh (Trần Quốc, Lê Văn) < Bích … */
  people = awards_store_list_people (fixture->store, NULL, 0, 0, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (awards_person_get_full_name (g_ptr_array_index (people, 0)), ==, "Cao Thị Anh");
  g_assert_cmpstr (awards_person_get_full_name (g_ptr_array_index (people, 1)), ==, "Phạm Thị Anh");
  /* Same given name: the middle name decides (Quốc < Văn) before the family name. */
  g_assert_cmpstr (awards_person_get_full_name (g_ptr_array_index (people, 2)), ==,
                   "Trần Quốc Ánh");
  g_assert_cmpstr (awards_person_get_full_name (g_ptr_array_index (people, 3)), ==, "Lê Văn Ánh");
  g_assert_cmpstr (awards_person_get_full_name (g_ptr_array_index (people, 4)), ==,
                   "Trần Thị Bích");
  g_assert_cmpstr (awards_person_get_given_name (g_ptr_array_index (people, 4)), ==, "Bích");
}

static void
test_delete_and_restore (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  gint64 id;
  guint changes = 0;

  add_ceremony (fixture->store);
  g_signal_connect_swapped (fixture->store, "changed", G_CALLBACK (g_atomic_int_inc), &changes);
  all = awards_store_list_commendations (fixture->store, NULL, AWARDS_ORDER_CHRONOLOGICAL, &error);
  g_assert_no_error (error);
  id = awards_commendation_get_id (g_ptr_array_index (all, 0));

  g_assert_true (awards_store_delete_commendation (fixture->store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_all (fixture->store), ==, 26);
  g_assert_null (awards_store_get_commendation (fixture->store, id, NULL));
  g_assert_false (awards_store_delete_commendation (fixture->store, id, &error));
  g_assert_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (awards_store_restore_commendation (fixture->store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_all (fixture->store), ==, 27);
  g_assert_cmpuint (changes, ==, 2);

  /* A person whose only award is deleted is not deleted either (undoing the award's deletion
   * needs them), and the sentence says why, though their page shows no award. */
  for (guint i = 0; i < all->len; i++)
    {
      gint64 person_id = awards_commendation_get_person_id (g_ptr_array_index (all, i));
      AwardsQuery query;

      if (person_id <= 0)
        continue;
      awards_query_init (&query);
      query.person_id = person_id;
      if (awards_store_count_commendations (fixture->store, &query, NULL) != 1)
        continue;
      id = awards_commendation_get_id (g_ptr_array_index (all, i));
      g_assert_true (awards_store_delete_commendation (fixture->store, id, &error));
      g_assert_no_error (error);
      g_assert_false (awards_store_delete_person (fixture->store, person_id, &error));
      g_assert_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_CONSTRAINT);
      g_assert_cmpstr (error->message, ==, "The person has 1 deleted award, which the history "
                                           "of changes can bring back; they cannot be "
                                           "deleted.");
      g_clear_error (&error);
      g_assert_true (awards_store_restore_commendation (fixture->store, id, &error));
      g_assert_no_error (error);
      g_assert_false (awards_store_delete_person (fixture->store, person_id, &error));
      g_assert_cmpstr (error->message, ==, "The person has 1 award recorded; they cannot be "
                                           "deleted.");
      return;
    }
  g_assert_not_reached ();
}

static void
test_save_decision (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsDecision) decision = awards_decision_new ();
  g_autoptr(GPtrArray) recipients = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) saved = NULL;
  g_autoptr(AwardsDecision) clash = NULL;
  AwardsCommendation *item;
  AwardsQuery query;
  gint64 id;

  add_ceremony (fixture->store);
  awards_decision_set_number (decision, "12/QĐ-LMHTX");
  awards_decision_set_date (decision, "15/01/2012");
  awards_decision_set_authority_name (decision, "Liên minh HTX thành phố Hải Phòng");
  awards_decision_set_signer_name (decision, "Nguyễn Văn Hùng");

  item = awards_commendation_new ();
  awards_commendation_set_recipient_kind (item, AWARDS_RECIPIENT_KIND_COLLECTIVE);
  awards_commendation_set_recipient_name (item, "HTX Bạch Đằng");
  awards_commendation_set_award_name (item, "Giấy khen");
  g_ptr_array_add (recipients, item);
  item = awards_commendation_new ();
  awards_commendation_set_recipient_kind (item, AWARDS_RECIPIENT_KIND_INDIVIDUAL);
  awards_commendation_set_recipient_name (item, "Mai Văn Tài");
  awards_commendation_set_organisation_at_time_name (item, "HTX Rạng Đông");
  awards_commendation_set_position (item, "Giám đốc");
  awards_commendation_set_award_name (item, "Giấy khen");
  g_ptr_array_add (recipients, item);

  id = awards_store_save_decision (fixture->store, decision, recipients, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpstr (awards_decision_get_date (decision), ==, "2012-01-15");
  g_assert_cmpuint (count_all (fixture->store), ==, 29);
  g_assert_nonnull (awards_store_find_organisation (fixture->store, "HTX Rạng Đông", NULL));

  /* Edit: drop the first recipient, keep the second. */
  g_ptr_array_remove_index (recipients, 0);
  awards_decision_set_occasion (decision, "Tổng kết năm 2011");
  id = awards_store_save_decision (fixture->store, decision, recipients, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, ==, awards_decision_get_id (decision));
  awards_query_init (&query);
  query.decision_id = id;
  saved = awards_store_list_commendations (fixture->store, &query, AWARDS_ORDER_ANNEX, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (saved->len, ==, 1);
  g_assert_cmpstr (awards_commendation_get_recipient_name (g_ptr_array_index (saved, 0)), ==,
                   "Mai Văn Tài");
  g_assert_cmpstr (awards_commendation_get_organisation_at_time_name (g_ptr_array_index (saved, 0)),
                   ==, "HTX Rạng Đông");

  /* Another user deletes the award while the decision is open; the clerk's list, saved over
   * that change, puts it back (as a new award), instead of failing at every save. */
  g_assert_true (awards_store_delete_commendation (fixture->store,
                                                   awards_commendation_get_id (
                                                     g_ptr_array_index (recipients, 0)),
                                                   &error));
  g_assert_no_error (error);
  g_assert_cmpint (awards_store_save_decision (fixture->store, decision, recipients, &error), ==,
                   id);
  g_assert_no_error (error);
  g_clear_pointer (&saved, g_ptr_array_unref);
  saved = awards_store_list_commendations (fixture->store, &query, AWARDS_ORDER_ANNEX, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (saved->len, ==, 1);
  g_assert_cmpstr (awards_commendation_get_recipient_name (g_ptr_array_index (saved, 0)), ==,
                   "Mai Văn Tài");
  g_assert_cmpint (awards_commendation_get_id (g_ptr_array_index (saved, 0)), ==,
                   awards_commendation_get_id (g_ptr_array_index (recipients, 0)));

  /* A second decision with the same number from the same authority is refused, and nothing of it
   * is written. */
  clash = awards_decision_new ();
  awards_decision_set_number (clash, "12/qđ-lmhtx");
  awards_decision_set_date (clash, "2012-03-01");
  awards_decision_set_authority_name (clash, "Liên minh HTX thành phố Hải Phòng");
  g_ptr_array_remove_index (recipients, 0);
  item = awards_commendation_new ();
  awards_commendation_set_recipient_kind (item, AWARDS_RECIPIENT_KIND_COLLECTIVE);
  awards_commendation_set_recipient_name (item, "HTX Hoàn Toàn Mới");
  awards_commendation_set_award_name (item, "Giấy khen");
  g_ptr_array_add (recipients, item);
  g_assert_cmpint (awards_store_save_decision (fixture->store, clash, recipients, &error), ==, 0);
  g_assert_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "15/01/2012"));
  g_assert_null (awards_store_find_organisation (fixture->store, "HTX Hoàn Toàn Mới", NULL));
  g_assert_cmpuint (count_all (fixture->store), ==, 28);
}

static void
test_backup_restore_check (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = g_build_filename (fixture->dir, "backup.db", NULL);
  g_autofree char *saved = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(AwardsStore) reopened = NULL;
  g_autoptr(AwardsStore) old = NULL;

  add_ceremony (fixture->store);
  problems = awards_store_check (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);

  g_assert_true (awards_store_backup (fixture->store, backup, &error));
  g_assert_no_error (error);

  /* Change the database, then restore the backup over it. */
  {
    g_autoptr(GPtrArray) all = awards_store_list_commendations (fixture->store, NULL,
                                                                 AWARDS_ORDER_CHRONOLOGICAL,
                                                                 &error);
    for (guint i = 0; i < 5; i++)
      awards_store_delete_commendation (fixture->store,
                                        awards_commendation_get_id (g_ptr_array_index (all, i)),
                                        &error);
    g_assert_no_error (error);
  }
  g_assert_cmpuint (count_all (fixture->store), ==, 22);
  g_clear_object (&fixture->store);

  g_assert_true (awards_store_restore (fixture->path, backup, &saved, &error));
  g_assert_no_error (error);
  g_assert_nonnull (saved);
  reopened = awards_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_all (reopened), ==, 27);
  old = awards_store_open (saved, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_all (old), ==, 22);

  /* A damaged source is refused and the database stays as it is. */
  {
    g_autofree char *bad = g_build_filename (fixture->dir, "bad.db", NULL);

    write_file (bad, "SQLite format 3\0 but then nothing useful", 40);
    g_assert_false (awards_store_restore (fixture->path, bad, NULL, &error));
    g_assert_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_NOT_A_DATABASE);
    g_clear_error (&error);
    g_assert_cmpuint (count_all (reopened), ==, 27);
  }
}

static void
test_restore_over_damaged (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = g_build_filename (fixture->dir, "backup.db", NULL);
  g_autofree char *saved = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(AwardsStore) reopened = NULL;
  const char garbage[] = "the disk ate this database";

  add_ceremony (fixture->store);
  g_assert_true (awards_store_backup (fixture->store, backup, &error));
  g_assert_no_error (error);
  g_clear_object (&fixture->store);

  /* The database is destroyed: the restore must still work, and keep the damaged file. */
  write_file (fixture->path, garbage, sizeof garbage - 1);
  g_assert_true (awards_store_restore (fixture->path, backup, &saved, &error));
  g_assert_no_error (error);
  g_file_get_contents (saved, &kept, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kept, ==, garbage);
  reopened = awards_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_all (reopened), ==, 27);
}

static void
test_check_finds_problems (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(AwardsDecision) empty = awards_decision_new ();
  g_autoptr(GPtrArray) none = g_ptr_array_new ();

  add_ceremony (fixture->store);
  awards_decision_set_number (empty, "99/QĐ");
  awards_decision_set_date (empty, "2012-05-05");
  awards_decision_set_authority_name (empty, "UBND thành phố Hải Phòng");
  awards_store_save_decision (fixture->store, empty, none, &error);
  g_assert_no_error (error);

  problems = awards_store_check (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "99/QĐ"));
}

/* The range of years the report options offer comes from the two ends of the awards that
 * count: deleted awards do not. */
static void
test_award_years (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsDecision) decision = awards_decision_new ();
  g_autoptr(GPtrArray) recipients = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) saved = NULL;
  AwardsCommendation *item;
  AwardsQuery query;
  int first = -1, last = -1;
  gint64 id;

  g_assert_true (awards_store_get_award_years (fixture->store, &first, &last, &error));
  g_assert_no_error (error);
  g_assert_cmpint (first, ==, 0);
  g_assert_cmpint (last, ==, 0);

  add_ceremony (fixture->store);
  g_assert_true (awards_store_get_award_years (fixture->store, &first, &last, &error));
  g_assert_cmpint (first, ==, 2011);
  g_assert_cmpint (last, ==, 2011);

  awards_decision_set_number (decision, "7/QĐ-LMHTX");
  awards_decision_set_date (decision, "03/02/2014");
  awards_decision_set_authority_name (decision, "Liên minh HTX thành phố Hải Phòng");
  item = awards_commendation_new ();
  awards_commendation_set_recipient_kind (item, AWARDS_RECIPIENT_KIND_COLLECTIVE);
  awards_commendation_set_recipient_name (item, "HTX Bạch Đằng");
  awards_commendation_set_award_name (item, "Giấy khen");
  g_ptr_array_add (recipients, item);
  id = awards_store_save_decision (fixture->store, decision, recipients, &error);
  g_assert_no_error (error);
  g_assert_true (awards_store_get_award_years (fixture->store, &first, &last, &error));
  g_assert_cmpint (first, ==, 2011);
  g_assert_cmpint (last, ==, 2014);

  awards_query_init (&query);
  query.decision_id = id;
  saved = awards_store_list_commendations (fixture->store, &query, AWARDS_ORDER_CHRONOLOGICAL,
                                           &error);
  g_assert_no_error (error);
  g_assert_cmpuint (saved->len, ==, 1);
  id = awards_commendation_get_id (g_ptr_array_index (saved, 0));
  g_assert_true (awards_store_delete_commendation (fixture->store, id, &error));
  g_assert_true (awards_store_get_award_years (fixture->store, &first, &last, &error));
  g_assert_cmpint (first, ==, 2011);
  g_assert_cmpint (last, ==, 2011);
}

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  GAsyncResult **out = data;

  *out = g_object_ref (result);
}

static AwardsStore *
open_in_context (const char  *path,
                 GError     **error)
{
  GAsyncResult *result = NULL;
  AwardsStore *store;

  awards_store_open_async (path, NULL, opened_cb, &result);
  while (result == NULL)
    g_main_context_iteration (g_main_context_get_thread_default (), TRUE);
  store = awards_store_open_finish (result, error);
  g_object_unref (result);
  return store;
}

/* The window opens its database in another thread; the store it gets back tells of changes in
 * the window's own main context, not in the thread that opened it. */
static void
test_open_async (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autofree char *garbage = g_build_filename (fixture->dir, "garbage.db", NULL);
  g_autoptr(AwardsStore) store = NULL;
  g_autoptr(GPtrArray) all = NULL;
  guint changes = 0;
  gint64 id;

  add_ceremony (fixture->store);
  g_main_context_push_thread_default (context);

  store = open_in_context (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpuint (count_all (store), ==, 27);
  g_signal_connect_swapped (store, "changed", G_CALLBACK (g_atomic_int_inc), &changes);
  all = awards_store_list_commendations (store, NULL, AWARDS_ORDER_CHRONOLOGICAL, &error);
  g_assert_no_error (error);
  id = awards_commendation_get_id (g_ptr_array_index (all, 0));
  g_assert_true (awards_store_delete_commendation (store, id, &error));
  g_assert_no_error (error);
  while (g_main_context_iteration (context, FALSE))
    ;
  g_assert_cmpuint (changes, ==, 1);

  write_file (garbage, "not a database, only a line of text that is long enough to be read\n", -1);
  g_assert_null (open_in_context (garbage, &error));
  g_assert_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_NOT_A_DATABASE);

  g_main_context_pop_thread_default (context);
}

/* The log of a file is copied back into it by a thread of the store, not by the save that makes
 * it pass its size: the saves go on, and the file itself (read without its log) holds what they
 * wrote. Without the thread, nothing would copy the log any more and it would grow for ever. */
static void
test_log_copied_off_the_writer (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *wal = NULL;
  gint64 largest_wal = 0;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n_saved = 0;

  g_assert_cmpuint (awards_store_get_n_checkpoints (fixture->store), ==, 0);
  /* Each save writes a few pages of the table, its indexes, the search index and the log of
   * changes; a log of 1,000 pages takes about a hundred. */
  while (awards_store_get_n_checkpoints (fixture->store) == 0 && n_saved < 5000)
    {
      g_autoptr(AwardsOrganisation) organisation = awards_organisation_new ();
      g_autofree char *name = g_strdup_printf ("HTX Kiểm tra số %u", n_saved++);

      awards_organisation_set_name (organisation, name);
      g_assert_cmpint (awards_store_save_organisation (fixture->store, organisation, &error), >, 0);
      g_assert_no_error (error);
    }
  g_test_message ("%u saves", n_saved);
  g_assert_cmpuint (awards_store_get_n_checkpoints (fixture->store), >=, 1);

  /* Saves that follow each other closely begin before the thread is done, and the log does not
   * start again from its beginning: it stays bounded only because the commit copies it itself
   * past 4,000 pages (of 8 KiB). A thousand saves write about 14,000 pages. */
  wal = g_strconcat (fixture->path, "-wal", NULL);
  for (guint i = 0; i < 1000; i++)
    {
      g_autoptr(AwardsOrganisation) organisation = awards_organisation_new ();
      g_autofree char *name = g_strdup_printf ("HTX Kiểm tra số %u", n_saved++);
      GStatBuf buf;

      awards_organisation_set_name (organisation, name);
      g_assert_cmpint (awards_store_save_organisation (fixture->store, organisation, &error), >, 0);
      g_assert_no_error (error);
      g_assert_cmpint (g_stat (wal, &buf), ==, 0);
      largest_wal = MAX (largest_wal, (gint64) buf.st_size);
    }
  g_test_message ("largest log: %" G_GINT64_FORMAT " bytes", largest_wal);
  g_assert_cmpint (largest_wal, <, (gint64) 4500 * 8192);

  /* No checkpoint runs while the file is read without its log. */
  awards_store_pause_readers (fixture->store, TRUE);
  uri = g_strdup_printf ("file:%s?immutable=1", fixture->path);
  g_assert_cmpint (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count (*) FROM organisation"
                                       " WHERE name LIKE 'HTX Kiểm tra số %'", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), >, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  awards_store_pause_readers (fixture->store, FALSE);
}

static gint64
save_named (AwardsStore *store,
            const char  *name)
{
  g_autoptr(AwardsOrganisation) organisation = awards_organisation_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  awards_organisation_set_name (organisation, name);
  id = awards_store_save_organisation (store, organisation, &error);
  g_assert_no_error (error);
  return id;
}

/* Drops every POSIX lock this process holds on the database's files, as anything in it that
 * opens and closes one of them does (a file chooser showing their folder reads each file to
 * tell its type). */
static void
drop_posix_locks (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      int fd = g_open (file, O_RDONLY, 0);

      if (fd >= 0)
        close (fd);
    }
}

/* The other process of the test below: the command line beside the window. */
static void
test_other_reader_child (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsStore) store = NULL;

  /* Run by the test below only. */
  if (!g_test_subprocess ())
    return;
  store = awards_store_open (g_getenv ("AWARDS_TEST_PATH"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (awards_store_count_organisations (store, NULL, NULL), >, 0);
}

/* A window whose locks were dropped keeps every change when another process of ours opens and
 * closes the database meanwhile: that process took itself for the last one and deleted the log
 * the window went on writing to, and the window's later changes were gone when it closed. */
static void
test_changes_kept_after_lock_loss (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsStore) reopened = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  gint64 before, after;

  /* As the window does: its watch's connection, which only reads, is the last to close. */
  awards_store_watch_other_writers (fixture->store, 60 * 1000);
  before = save_named (fixture->store, "HTX Trước Khi Mất Khóa");
  drop_posix_locks (fixture->path);

  g_setenv ("AWARDS_TEST_PATH", fixture->path, TRUE);
  g_test_trap_subprocess ("/store/open/changes-kept-after-lock-loss/child", 0,
                          G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  /* It left the log, which this store still writes to, where it was. */
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  after = save_named (fixture->store, "HTX Sau Khi Mất Khóa");
  g_clear_object (&fixture->store);
  /* The last one out folded the log into the file and removed it. */
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  reopened = awards_store_open (fixture->path, &error);
  g_assert_no_error (error);
  {
    g_autoptr(AwardsOrganisation) first = awards_store_get_organisation (reopened, before,
                                                                         &error);
    g_autoptr(AwardsOrganisation) second = NULL;

    g_assert_no_error (error);
    g_assert_cmpstr (awards_organisation_get_name (first), ==, "HTX Trước Khi Mất Khóa");
    second = awards_store_get_organisation (reopened, after, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (awards_organisation_get_name (second), ==, "HTX Sau Khi Mất Khóa");
  }
}

int
main (int   argc,
      char *argv[])
{
  gboolean server;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  server = awards_test_pg_available ();
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  /* The tests of records, reports and searches run again on the test server; those of a file's
   * bytes (damage, other programs, versions, backups) are a file's alone. */
#define ADD_BOTH(path, func) \
  G_STMT_START { \
    ADD (path, func); \
    if (server) \
      g_test_add ("/server" path, Fixture, "server", fixture_set_up, func, fixture_tear_down); \
  } G_STMT_END

  ADD_BOTH ("/store/open/seeds-catalogue", test_open_seeds_catalogue);
  ADD_BOTH ("/store/open/reopen-keeps-data", test_reopen_keeps_data);
  ADD_BOTH ("/store/open/in-a-thread", test_open_async);
  ADD ("/store/open/log-copied-off-the-writer", test_log_copied_off_the_writer);
  ADD ("/store/open/changes-kept-after-lock-loss", test_changes_kept_after_lock_loss);
  g_test_add_func ("/store/open/changes-kept-after-lock-loss/child", test_other_reader_child);
  ADD ("/store/open/refuses-garbage", test_refuses_garbage);
  ADD ("/store/open/refuses-other-application", test_refuses_other_application);
  ADD ("/store/open/refuses-newer-version", test_refuses_newer_version);
  ADD ("/store/open/migrates-empty-file", test_migrates_empty_file);
  ADD ("/store/schema/constraints", test_schema_constraints);
  ADD_BOTH ("/store/batch/rules", test_batch_rules);
  ADD_BOTH ("/store/batch/new-award-type-rank", test_new_award_type_rank);
  ADD_BOTH ("/store/report/summary", test_summary);
  ADD_BOTH ("/store/report/award-years", test_award_years);
  ADD_BOTH ("/store/organisation/awards", test_organisation_awards);
  ADD_BOTH ("/store/organisation/person-moves", test_person_moves);
  ADD_BOTH ("/store/organisation/rename-keeps-former-name", test_rename_keeps_former_name);
  ADD_BOTH ("/store/organisation/create-refuses-recorded-name",
            test_create_refuses_recorded_name);
  ADD_BOTH ("/store/person/create-refuses-recorded-name",
            test_create_person_refuses_recorded_name);
  ADD_BOTH ("/store/search/folded", test_search);
  ADD_BOTH ("/store/order/vietnamese", test_vietnamese_order);
  ADD_BOTH ("/store/commendation/delete-and-restore", test_delete_and_restore);
  ADD_BOTH ("/store/decision/save", test_save_decision);
  ADD ("/store/safety/backup-restore-check", test_backup_restore_check);
  ADD ("/store/safety/restore-over-damaged", test_restore_over_damaged);
  ADD ("/store/safety/check-finds-problems", test_check_finds_problems);

  if (!server)
    g_test_add_func ("/server/skipped", awards_test_pg_skip);
  return g_test_run ();
}
