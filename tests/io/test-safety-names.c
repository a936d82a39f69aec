/* test-safety-names.c: invisible and control characters never make a second look-alike name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "awards-audit.h"
#include "awards-command.h"
#include "awards-store-repair.h"
#include "awards-text.h"
#include "io-test-util.h"

static void
test_normalize_removes_invisible (void)
{
  static const char *const dirty[] = {
    "\xEF\xBB\xBFHTX Bạch Đằng",                 /* byte-order mark */
    "HTX Bạch\xE2\x80\x8B Đằng",                 /* zero-width space */
    "HTX\xE2\x80\x8C Bạch\xE2\x80\x8D Đằng",     /* zero-width non-joiner and joiner */
    "HTX Bạch Đằng\xE2\x81\xA0",                 /* word joiner */
    "\xE2\x80\xAEHTX Bạch Đằng\xE2\x80\xAC",     /* right-to-left override, pop */
    "\xE2\x81\xA6HTX Bạch Đằng\xE2\x81\xA9",     /* isolate */
    "HTX\xE2\x80\x8E Bạch\xE2\x80\x8F Đằng",     /* LRM, RLM */
    "HTX\x01 Bạch\x1b Đằng\x7f",                 /* C0 controls and DEL */
    "HTX \xC2\x9B" "Bạch Đằng",                  /* a C1 control */
  };

  for (guint i = 0; i < G_N_ELEMENTS (dirty); i++)
    {
      g_autofree char *clean = awards_text_normalize (dirty[i]);

      g_assert_cmpstr (clean, ==, "HTX Bạch Đằng");
    }

  /* Removed before composing: the mark a zero-width space kept apart joins its letter. */
  {
    g_autofree char *clean = awards_text_normalize ("Ba\xE2\x80\x8B\xCC\x81nh");

    g_assert_cmpstr (clean, ==, "Bánh");
  }
}

static void
test_import_makes_no_look_alike (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

  g_assert_true (import_text (fixture, HAI_PHONG_2011, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (awards_store_count_organisations (fixture->store, NULL, NULL), ==, 7);

  g_assert_true (import_text (fixture,
                              HEADER
                              "9/QĐ-UBND,2012-03-01,UBND thành phố Hải Phòng,Giấy khen,collective,"
                              "\xEF\xBB\xBFHTX Bạch\xE2\x80\x8B Đằng,,,\xE2\x80\xAEtốt,2012\n",
                              FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (awards_store_count_organisations (fixture->store, NULL, NULL), ==, 7);
  g_assert_true (awards_store_check_names (fixture->store, problems, &error));
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static guint
awards_of (AwardsStore *store,
           const char  *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsOrganisation) organisation = awards_store_find_organisation (store, name,
                                                                               &error);
  AwardsQuery query;

  g_assert_no_error (error);
  awards_query_init (&query);
  query.organisation_id = awards_organisation_get_id (organisation);
  return awards_store_count_commendations (store, &query, NULL);
}

static void
test_check_and_repair_old_records (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) after = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) all_problems = NULL;
  g_autofree char *path = g_strdup (awards_store_get_path (fixture->store));
  guint repaired = 0;

  g_assert_true (import_text (fixture, HAI_PHONG_2011, FALSE, NULL, &error));
  g_assert_true (import_text (fixture,
                              HEADER
                              "9/QĐ-UBND,2012-03-01,UBND thành phố Hải Phòng,Giấy khen,collective,"
                              "HTX Bạch Đằng cũ,,,tốt,2012\n"
                              "9/QĐ-UBND,2012-03-01,UBND thành phố Hải Phòng,Giấy khen,individual,"
                              "Trần Văn Bảy,HTX Bạch Đằng cũ,Thủ kho,tốt,2012\n",
                              FALSE, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&fixture->store);

  /* What an older version stored: the same name behind a byte-order mark and a zero-width
   * space, with keys made from that, and an award's texts with a right-to-left override. */
  exec_sql (path,
            "UPDATE organisation SET name = char (65279) || 'HTX Bạch' || char (8203) || ' Đằng',"
            " name_key = char (65279) || 'htx bạch' || char (8203) || ' đằng'"
            " WHERE name = 'HTX Bạch Đằng cũ';"
            "UPDATE commendation SET recipient_name = char (65279) || 'HTX Bạch Đằng',"
            " achievement = char (8238) || 'tốt' WHERE recipient_name = 'HTX Bạch Đằng cũ';");
  fixture->store = awards_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (awards_store_count_organisations (fixture->store, NULL, NULL), ==, 8);

  g_assert_true (awards_store_check_names (fixture->store, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "invisible"));
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 1), "look alike"));

  g_assert_true (awards_store_repair_names (fixture->store, &repaired, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (repaired, >=, 2);

  /* The repair is in the audit log, as one command with its parts. */
  {
    g_autoptr(GPtrArray) log = awards_store_list_audit (fixture->store, NULL, 1, &error);
    AwardsAuditEntry *entry;

    g_assert_no_error (error);
    g_assert_cmpuint (log->len, ==, 1);
    entry = g_ptr_array_index (log, 0);
    g_assert_cmpstr (entry->action, ==, "merge");
    g_assert_cmpstr (entry->kind, ==, "repair");
    g_assert_cmpint (entry->command_id, ==, 0);
  }
  g_assert_true (awards_store_can_undo (fixture->store));

  /* One organisation, holding the awards of both, and the person moved with them. */
  g_assert_cmpuint (awards_store_count_organisations (fixture->store, NULL, NULL), ==, 7);
  g_assert_cmpuint (count_commendations (fixture->store), ==, 29);
  g_assert_cmpuint (awards_of (fixture->store, "HTX Bạch Đằng"), ==, 4);
  {
    g_autoptr(AwardsOrganisation) keeper =
      awards_store_find_organisation (fixture->store, "HTX Bạch Đằng", &error);

    g_assert_cmpuint (awards_store_count_people (fixture->store, NULL,
                                                 awards_organisation_get_id (keeper), NULL),
                      ==, 4);
  }

  g_assert_true (awards_store_check_names (fixture->store, after, &error));
  g_assert_cmpuint (after->len, ==, 0);
  all_problems = awards_store_check (fixture->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < all_problems->len; i++)
    g_test_message ("%s", (const char *) g_ptr_array_index (all_problems, i));
  g_assert_cmpuint (all_problems->len, ==, 0);

  /* The award texts are clean too. */
  {
    g_autoptr(GPtrArray) rows = awards_store_list_commendations (fixture->store, NULL, AWARDS_ORDER_CHRONOLOGICAL,
                                            &error);
    for (guint i = 0; i < rows->len; i++)
      {
        AwardsCommendation *row = g_ptr_array_index (rows, i);
        g_autofree char *clean =
          awards_text_normalize (awards_commendation_get_recipient_name (row));

        g_assert_cmpstr (awards_commendation_get_recipient_name (row), ==, clean);
        g_assert_null (strstr (awards_commendation_get_achievement (row) != NULL
                               ? awards_commendation_get_achievement (row) : "", "\xE2\x80\xAE"));
      }
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/safety/names/normalize-removes-invisible", test_normalize_removes_invisible);
  g_test_add ("/safety/names/import-makes-no-look-alike", Fixture, NULL, fixture_set_up,
              test_import_makes_no_look_alike, fixture_tear_down);
  g_test_add ("/safety/names/check-and-repair-old-records", Fixture, NULL, fixture_set_up,
              test_check_and_repair_old_records, fixture_tear_down);

  return g_test_run ();
}
