/* test-decision-filter.c: the Decisions list narrowed to a year and an authority, in the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "awards-store-decision-filter.h"
#include "awards-test-util.h"

typedef struct
{
  char        *dir;
  AwardsStore *store;
  gint64       city;       /* UBND thành phố Hải Phòng */
  gint64       union_vn;   /* Liên minh HTX Việt Nam */
} Fixture;

static void
add_decision (AwardsStore *store,
              const char  *number,
              const char  *date,
              const char  *authority,
              const char  *organisation)
{
  g_autoptr (GPtrArray) recipients = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (recipients, awards_test_recipient (AWARDS_RECIPIENT_KIND_COLLECTIVE,
                                                      organisation, NULL, NULL, "Bằng khen"));
  awards_test_save_decision (store, number, date, authority, recipients);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AwardsAuthority) city = NULL;
  g_autoptr (AwardsAuthority) union_vn = NULL;
  g_autofree char *path = NULL;

  fixture->dir = awards_test_make_dir ("test-decision-filter");
  path = g_build_filename (fixture->dir, "awards.db", NULL);
  fixture->store = awards_store_open (path, &error);
  g_assert_no_error (error);

  /* 3456 and 3457 of 28/12/2011 by the city. */
  awards_test_seed (fixture->store);
  add_decision (fixture->store, "789/QĐ-UBND", "2011-12-28", "UBND thành phố Hải Phòng",
                "HTX Tân Tiến");
  add_decision (fixture->store, "12/QĐ-LMHTX", "2013-05-10", "Liên minh HTX Việt Nam",
                "HTX Bạch Đằng");
  add_decision (fixture->store, "45/QĐ-UBND", "2013-06-01", "UBND thành phố Hải Phòng",
                "HTX Đan Phượng");

  city = awards_store_find_authority (fixture->store, "UBND thành phố Hải Phòng", &error);
  g_assert_no_error (error);
  union_vn = awards_store_find_authority (fixture->store, "Liên minh HTX Việt Nam", &error);
  g_assert_no_error (error);
  fixture->city = awards_authority_get_id (city);
  fixture->union_vn = awards_authority_get_id (union_vn);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  awards_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* The numbers of the decisions the filter lets through, in the list's order, joined by spaces;
 * the count must agree with the list. */
static char *
numbers (Fixture    *fixture,
         const char *search,
         guint       year,
         gint64      authority_id)
{
  AwardsDecisionFilter filter = { year, authority_id };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GString) text = g_string_new (NULL);
  guint count;

  list = awards_store_list_decisions_filtered (fixture->store, search, &filter, 0, 100, &error);
  g_assert_no_error (error);
  count = awards_store_count_decisions_filtered (fixture->store, search, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, list->len);

  for (guint i = 0; i < list->len; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? " " : "",
                            awards_decision_get_number (g_ptr_array_index (list, i)));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *all = numbers (fixture, NULL, 0, 0);
  g_autofree char *year_2011 = numbers (fixture, NULL, 2011, 0);
  g_autofree char *year_2012 = numbers (fixture, NULL, 2012, 0);
  g_autofree char *union_vn = numbers (fixture, NULL, 0, fixture->union_vn);
  g_autofree char *city_2013 = numbers (fixture, NULL, 2013, fixture->city);
  g_autofree char *union_2011 = numbers (fixture, NULL, 2011, fixture->union_vn);

  /* Newest first; one day's decisions by their number counted, 789 before 3456. */
  g_assert_cmpstr (all, ==, "45/QĐ-UBND 12/QĐ-LMHTX 789/QĐ-UBND 3456/QĐ-UBND 3457/QĐ-UBND");
  g_assert_cmpstr (year_2011, ==, "789/QĐ-UBND 3456/QĐ-UBND 3457/QĐ-UBND");
  g_assert_cmpstr (year_2012, ==, "");
  g_assert_cmpstr (union_vn, ==, "12/QĐ-LMHTX");
  g_assert_cmpstr (city_2013, ==, "45/QĐ-UBND");
  g_assert_cmpstr (union_2011, ==, "");
}

static void
test_filters_with_search (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *search_2011 = numbers (fixture, "3457", 2011, 0);
  g_autofree char *search_2013 = numbers (fixture, "3457", 2013, 0);
  g_autofree char *search_city = numbers (fixture, "qđ ubnd", 0, fixture->city);
  g_autofree char *search_union = numbers (fixture, "3457", 0, fixture->union_vn);

  g_assert_cmpstr (search_2011, ==, "3457/QĐ-UBND");
  g_assert_cmpstr (search_2013, ==, "");
  g_assert_cmpstr (search_city, ==, "45/QĐ-UBND 789/QĐ-UBND 3456/QĐ-UBND 3457/QĐ-UBND");
  g_assert_cmpstr (search_union, ==, "");
}

static void
test_pages (Fixture       *fixture,
            gconstpointer  data)
{
  AwardsDecisionFilter filter = { 2011, fixture->city };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) second = NULL;

  /* A page further on keeps the order: the second of 2011 is 3456. */
  second = awards_store_list_decisions_filtered (fixture->store, NULL, &filter, 1, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (second->len, ==, 1);
  g_assert_cmpstr (awards_decision_get_number (g_ptr_array_index (second, 0)), ==,
                   "3456/QĐ-UBND");
}

static void
test_years (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) years = awards_store_list_decision_years (fixture->store, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (years->len, ==, 2);
  g_assert_cmpuint (g_array_index (years, guint, 0), ==, 2013);
  g_assert_cmpuint (g_array_index (years, guint, 1), ==, 2011);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/decision-filter/year-and-authority", test_filters);
  ADD ("/store/decision-filter/with-search", test_filters_with_search);
  ADD ("/store/decision-filter/pages", test_pages);
  ADD ("/store/decision-filter/years", test_years);

  return g_test_run ();
}
