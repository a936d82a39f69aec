/* test-review-data.c: ratings, initiatives, levels and staff classes, and their CSV import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "io-test-util.h"
#include "awards-ratings-import.h"
#include "awards-review-store.h"

static gint64
find (Fixture             *fixture,
      AwardsRecipientKind  kind,
      const char          *name,
      const char          *organisation)
{
  g_autoptr(GError) error = NULL;
  gint64 id = awards_review_find_recipient (fixture->store, kind, name, organisation, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
import_hai_phong (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (import_text (fixture, HAI_PHONG_2011, FALSE, NULL, &error));
  g_assert_no_error (error);
}

static void
test_ratings (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ratings = NULL;
  gint64 an, bach_dang;
  const AwardsRatingRecord *record;

  import_hai_phong (fixture);
  an = find (fixture, AWARDS_RECIPIENT_KIND_INDIVIDUAL, "Nguyễn Văn An", "HTX Bạch Đằng");
  bach_dang = find (fixture, AWARDS_RECIPIENT_KIND_COLLECTIVE, "htx bạch đằng", NULL);

  g_assert_true (awards_review_set_rating (fixture->store, AWARDS_RECIPIENT_KIND_INDIVIDUAL, an,
                                           2010, AWARDS_RATING_GOOD, &error));
  g_assert_no_error (error);
  /* A second rating for the same year replaces the first. */
  g_assert_true (awards_review_set_rating (fixture->store, AWARDS_RECIPIENT_KIND_INDIVIDUAL, an,
                                           2010, AWARDS_RATING_EXCELLENT, &error));
  g_assert_true (awards_review_set_rating (fixture->store, AWARDS_RECIPIENT_KIND_INDIVIDUAL, an,
                                           2011, AWARDS_RATING_COMPLETED, &error));
  /* The organisation with the same id as nobody in particular keeps its own ratings. */
  g_assert_true (awards_review_set_rating (fixture->store, AWARDS_RECIPIENT_KIND_COLLECTIVE,
                                           bach_dang, 2010, AWARDS_RATING_NOT_COMPLETED, &error));
  g_assert_no_error (error);

  ratings = awards_review_list_ratings (fixture->store, AWARDS_RECIPIENT_KIND_INDIVIDUAL, an,
                                        1900, 2200, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ratings->len, ==, 2);
  record = g_ptr_array_index (ratings, 0);
  g_assert_cmpint (record->year, ==, 2010);
  g_assert_cmpint (record->rating, ==, AWARDS_RATING_EXCELLENT);
  g_assert_cmpstr (record->recipient, ==, "Nguyễn Văn An");
  g_assert_cmpstr (record->organisation, ==, "HTX Bạch Đằng");
  g_clear_pointer (&ratings, g_ptr_array_unref);

  /* Everyone's, in a range of years. */
  ratings = awards_review_list_ratings (fixture->store, AWARDS_RECIPIENT_KIND_ANY, 0, 2010,
                                        2010, &error);
  g_assert_cmpuint (ratings->len, ==, 2);
  record = g_ptr_array_index (ratings, 0);
  g_assert_cmpint (record->kind, ==, AWARDS_RECIPIENT_KIND_COLLECTIVE);
  g_assert_cmpint (record->rating, ==, AWARDS_RATING_NOT_COMPLETED);
  g_clear_pointer (&ratings, g_ptr_array_unref);

  g_assert_true (awards_review_set_rating (fixture->store, AWARDS_RECIPIENT_KIND_INDIVIDUAL, an,
                                           2010, AWARDS_RATING_NONE, &error));
  ratings = awards_review_list_ratings (fixture->store, AWARDS_RECIPIENT_KIND_INDIVIDUAL, an,
                                        1900, 2200, &error);
  g_assert_cmpuint (ratings->len, ==, 1);

  g_assert_false (awards_review_set_rating (fixture->store, AWARDS_RECIPIENT_KIND_INDIVIDUAL, an,
                                            1800, AWARDS_RATING_GOOD, &error));
  g_assert_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_INVALID);
}

static void
test_initiatives (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  AwardsInitiative initiative = { 0, };
  gint64 id;

  import_hai_phong (fixture);
  initiative.kind = AWARDS_RECIPIENT_KIND_INDIVIDUAL;
  initiative.recipient_id = find (fixture, AWARDS_RECIPIENT_KIND_INDIVIDUAL, "Lê Văn Cường", NULL);
  initiative.year = 2011;
  initiative.title = (char *)"  Quy trình   sấy lúa ";
  initiative.scope = AWARDS_SCOPE_PROVINCE;
  id = awards_review_add_initiative (fixture->store, &initiative, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  initiative.title = (char *)"";
  g_assert_cmpint (awards_review_add_initiative (fixture->store, &initiative, &error), ==, 0);
  g_assert_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_INVALID);
  g_clear_error (&error);

  list = awards_review_list_initiatives (fixture->store, AWARDS_RECIPIENT_KIND_INDIVIDUAL,
                                         initiative.recipient_id, 1900, 2200, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((AwardsInitiative *)g_ptr_array_index (list, 0))->title, ==,
                   "Quy trình sấy lúa");
  g_assert_cmpint (((AwardsInitiative *)g_ptr_array_index (list, 0))->scope, ==,
                   AWARDS_SCOPE_PROVINCE);
  g_clear_pointer (&list, g_ptr_array_unref);

  g_assert_true (awards_review_remove_initiative (fixture->store, id, &error));
  list = awards_review_list_initiatives (fixture->store, AWARDS_RECIPIENT_KIND_ANY, 0, 1900,
                                         2200, &error);
  g_assert_cmpuint (list->len, ==, 0);
}

static void
test_levels (Fixture       *fixture,
             gconstpointer  data)
{
  static const struct
  {
    const char  *name;
    AwardsLevel  level;
  } cases[] = {
    { "Chủ tịch nước", AWARDS_LEVEL_CENTRAL },
    { "Thủ tướng Chính phủ", AWARDS_LEVEL_CENTRAL },
    { "UBND thành phố Hải Phòng", AWARDS_LEVEL_PROVINCE },
    { "Liên minh HTX Việt Nam", AWARDS_LEVEL_PROVINCE },
    { "UBND huyện An Lão", AWARDS_LEVEL_DISTRICT },
    { "HTX Bạch Đằng", AWARDS_LEVEL_BASE },
  };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AwardsAuthority) authority = awards_authority_new ();
      gint64 id;

      awards_authority_set_name (authority, cases[i].name);
      id = awards_store_save_authority (fixture->store, authority, &error);
      g_assert_no_error (error);
      g_assert_cmpint (awards_review_get_authority_level (fixture->store, id, &error), ==,
                       cases[i].level);
      if (i == G_N_ELEMENTS (cases) - 1)
        {
          /* The clerk corrects a guess, and the correction stays. */
          g_assert_true (awards_review_set_authority_level (fixture->store, id,
                                                            AWARDS_LEVEL_DISTRICT, &error));
          g_assert_cmpint (awards_review_get_authority_level (fixture->store, id, &error), ==,
                           AWARDS_LEVEL_DISTRICT);
        }
    }
  g_assert_cmpint (awards_level_parse ("bộ, ngành, tỉnh"), ==, AWARDS_LEVEL_PROVINCE);
}

static void
test_staff_classes (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = awards_review_list_staff_classes (fixture->store, &error);

  g_assert_no_error (error);
  g_assert_cmpint (awards_review_classify_position (entries, "Chủ nhiệm HTX Bạch Đằng"), ==,
                   AWARDS_STAFF_CLASS_LEADER_OTHER);
  g_assert_cmpint (awards_review_classify_position (entries, "Phó giám đốc Sở Nội vụ"), ==,
                   AWARDS_STAFF_CLASS_LEADER_DEPARTMENT);
  g_assert_cmpint (awards_review_classify_position (entries, "PHO GIAM DOC"), ==,
                   AWARDS_STAFF_CLASS_LEADER_OTHER);
  g_assert_cmpint (awards_review_classify_position (entries, "xã viên"), ==,
                   AWARDS_STAFF_CLASS_WORKER);
  g_assert_cmpint (awards_review_classify_position (entries, "Chuyên viên"), ==,
                   AWARDS_STAFF_CLASS_NONE);
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* The clerk adds a position and changes another. */
  g_assert_true (awards_review_set_staff_class (fixture->store, "Chuyên viên",
                                                AWARDS_STAFF_CLASS_WORKER, &error));
  g_assert_true (awards_review_set_staff_class (fixture->store, "giám đốc",
                                                AWARDS_STAFF_CLASS_ENTREPRENEUR, &error));
  g_assert_no_error (error);
  entries = awards_review_list_staff_classes (fixture->store, &error);
  g_assert_cmpint (awards_review_classify_position (entries, "Chuyên viên"), ==,
                   AWARDS_STAFF_CLASS_WORKER);
  g_assert_cmpint (awards_review_classify_position (entries, "Giám đốc công ty"), ==,
                   AWARDS_STAFF_CLASS_ENTREPRENEUR);
  g_clear_pointer (&entries, g_ptr_array_unref);

  g_assert_true (awards_review_set_staff_class (fixture->store, "Chuyên viên",
                                                AWARDS_STAFF_CLASS_NONE, &error));
  entries = awards_review_list_staff_classes (fixture->store, &error);
  g_assert_cmpint (awards_review_classify_position (entries, "Chuyên viên"), ==,
                   AWARDS_STAFF_CLASS_NONE);
}

static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ratings = NULL;
  g_autoptr(GPtrArray) initiatives = NULL;
  g_autofree char *ratings_path = NULL;
  g_autofree char *initiatives_path = NULL;
  const char *paths[3] = { NULL, };
  guint n_ratings = 0, n_initiatives = 0;

  import_hai_phong (fixture);
  ratings_path = write_file (fixture, "ratings.csv",
                             "recipient_type,recipient,organisation,year,rating\n"
                             "individual,Nguyễn Văn An,HTX Bạch Đằng,2010,HTXSNV\n"
                             "cá nhân,NGUYỄN VĂN AN,HTX Bạch Đằng,2011,Hoàn thành xuất sắc nhiệm vụ\n"
                             "collective,HTX Tân Hưng,,2011,Hoàn thành tốt nhiệm vụ\n");
  initiatives_path = write_file (fixture, "initiatives.csv",
                                 "STT;Loại;Họ và tên;Đơn vị;Năm;Tên sáng kiến;Phạm vi\n"
                                 "1;cá nhân;Nguyễn Văn An;HTX Bạch Đằng;2011;Máy gieo hạt;cơ sở\n");
  paths[0] = ratings_path;
  paths[1] = initiatives_path;
  g_assert_true (awards_ratings_import_files (fixture->store, paths, FALSE, &n_ratings,
                                              &n_initiatives, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_ratings, ==, 3);
  g_assert_cmpuint (n_initiatives, ==, 1);
  ratings = awards_review_list_ratings (fixture->store, AWARDS_RECIPIENT_KIND_ANY, 0, 1900, 2200,
                                        &error);
  g_assert_cmpuint (ratings->len, ==, 3);
  initiatives = awards_review_list_initiatives (fixture->store, AWARDS_RECIPIENT_KIND_ANY, 0,
                                                1900, 2200, &error);
  g_assert_cmpuint (initiatives->len, ==, 1);
  g_assert_cmpstr (((AwardsInitiative *)g_ptr_array_index (initiatives, 0))->title, ==,
                   "Máy gieo hạt");
}

static void
test_import_all_or_nothing (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ratings = NULL;
  g_autofree char *good = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *expected = NULL;
  const char *paths[3] = { NULL, };

  import_hai_phong (fixture);
  good = write_file (fixture, "good.csv",
                     "recipient_type,recipient,organisation,year,rating\n"
                     "individual,Nguyễn Văn An,HTX Bạch Đằng,2010,HTXSNV\n");
  bad = write_file (fixture, "bad.csv",
                    "recipient_type,recipient,organisation,year,rating\n"
                    "individual,Nguyễn Văn An,HTX Bạch Đằng,2011,excellent\n"
                    "individual,Nguyễn Văn Ai,HTX Bạch Đằng,2011,excellent\n"
                    "collective,HTX Tân Hưng,,20x1,excellent\n"
                    "collective,HTX Tân Hưng,,2011,rất tốt\n");
  paths[0] = good;
  paths[1] = bad;
  g_assert_false (awards_ratings_import_files (fixture->store, paths, FALSE, NULL, NULL,
                                               &error));
  g_assert_error (error, AWARDS_IMPORT_ERROR, AWARDS_IMPORT_ERROR_INVALID);
  expected = g_strdup_printf ("%s:3: There is no person named “Nguyễn Văn Ai” in “HTX Bạch Đằng”.\n"
                              "%s:4: year “20x1” is not a year between 1900 and 2200\n"
                              "%s:5: rating “rất tốt” is not one of: Hoàn thành xuất sắc nhiệm "
                              "vụ, Hoàn thành tốt nhiệm vụ, Hoàn thành nhiệm vụ, Không hoàn "
                              "thành nhiệm vụ", bad, bad, bad);
  g_assert_cmpstr (error->message, ==, expected);
  ratings = awards_review_list_ratings (fixture->store, AWARDS_RECIPIENT_KIND_ANY, 0, 1900, 2200,
                                        NULL);
  g_assert_cmpuint (ratings->len, ==, 0);
  g_clear_error (&error);

  /* An unknown column and a missing one are told on the header line. */
  g_free (bad);
  bad = write_file (fixture, "bad.csv", "recipient_type,recipient,colour,rating\n");
  paths[0] = bad;
  paths[1] = NULL;
  g_assert_false (awards_ratings_import_files (fixture->store, paths, FALSE, NULL, NULL,
                                               &error));
  g_free (expected);
  expected = g_strdup_printf ("%s:1: unknown column “colour”\n"
                              "%s:1: the column “year” is missing", bad, bad);
  g_assert_cmpstr (error->message, ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/review-data/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("ratings", test_ratings);
  ADD ("initiatives", test_initiatives);
  ADD ("authority-levels", test_levels);
  ADD ("staff-classes", test_staff_classes);
  ADD ("import", test_import);
  ADD ("import-all-or-nothing", test_import_all_or_nothing);
#undef ADD

  return g_test_run ();
}
