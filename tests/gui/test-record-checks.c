/* test-record-checks.c: what the record editors check, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "awards-name-guard.h"
#include "awards-record-checks.h"
#include "awards-test-util.h"

typedef struct
{
  char            *dir;
  AwardsStore     *store;
  AwardsNameGuard *guard;       /* the checks' look-ups, answered at once */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("test-record-checks-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "awards.db", NULL);
  fixture->store = awards_store_open (path, &error);
  g_assert_no_error (error);
  awards_test_seed (fixture->store);
  fixture->guard = awards_name_guard_new (fixture->store);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->guard, awards_name_guard_free);
  g_clear_object (&fixture->store);
  awards_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static void
test_organisation (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr (AwardsOrganisation) organisation = awards_organisation_new ();
  g_autoptr (AwardsOrganisation) existing = NULL;
  g_autoptr (GPtrArray) problems = NULL;

  problems = awards_check_organisation (fixture->guard, organisation);
  g_assert_cmpstr (awards_field_problems_lookup (problems, "name"), ==,
                   "Enter the name of the organisation.");
  g_clear_pointer (&problems, g_ptr_array_unref);

  awards_organisation_set_name (organisation, "HTX Vận tải Hồng Bàng");
  awards_organisation_set_parent_name (organisation, "Liên minh HTX tỉnh Hải Dương");
  awards_organisation_set_founded (organisation, "30/02/1998");
  problems = awards_check_organisation (fixture->guard, organisation);
  g_assert_null (awards_field_problems_lookup (problems, "name"));
  g_assert_cmpstr (awards_field_problems_lookup (problems, "parent-name"), ==,
                   "There is no organisation named “Liên minh HTX tỉnh Hải Dương”.");
  g_assert_nonnull (awards_field_problems_lookup (problems, "founded"));
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* An existing parent, found without accents; dissolved before founded is refused. */
  awards_organisation_set_parent_name (organisation, "lien minh htx thanh pho hai phong");
  awards_organisation_set_founded (organisation, "01/03/1998");
  awards_organisation_set_dissolved (organisation, "1997-12-31");
  problems = awards_check_organisation (fixture->guard, organisation);
  g_assert_null (awards_field_problems_lookup (problems, "founded"));
  g_assert_cmpstr (awards_field_problems_lookup (problems, "dissolved"), ==,
                   "The organisation cannot be dissolved before it was founded.");
  g_clear_pointer (&problems, g_ptr_array_unref);

  existing = awards_store_find_organisation (fixture->store, "HTX Bạch Đằng", NULL);
  g_assert_nonnull (existing);
  awards_organisation_set_parent_name (existing, "HTX Bạch Đằng");
  problems = awards_check_organisation (fixture->guard, existing);
  g_assert_cmpstr (awards_field_problems_lookup (problems, "parent-name"), ==,
                   "An organisation cannot be a member of itself.");
}

static void
test_person (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr (AwardsPerson) person = awards_person_new ();
  g_autoptr (GPtrArray) problems = NULL;
  int year;

  awards_person_set_birth_year (person, 1850);
  awards_person_set_organisation_name (person, "HTX Không Có");
  problems = awards_check_person (fixture->guard, person);
  g_assert_nonnull (awards_field_problems_lookup (problems, "full-name"));
  g_assert_nonnull (awards_field_problems_lookup (problems, "birth-year"));
  g_assert_cmpstr (awards_field_problems_lookup (problems, "organisation-name"), ==,
                   "There is no organisation named “HTX Không Có”.");
  g_clear_pointer (&problems, g_ptr_array_unref);

  awards_person_set_full_name (person, "Đan Đức Hiệp");
  awards_person_set_birth_year (person, 1968);
  awards_person_set_organisation_name (person, "HTX Đan Phượng");
  problems = awards_check_person (fixture->guard, person);
  g_assert_cmpuint (problems->len, ==, 0);

  g_assert_true (awards_check_parse_year ("", &year));
  g_assert_cmpint (year, ==, 0);
  g_assert_true (awards_check_parse_year (" 1975 ", &year));
  g_assert_cmpint (year, ==, 1975);
  g_assert_false (awards_check_parse_year ("75a", &year));
  g_assert_false (awards_check_parse_year ("1899", &year));
  g_assert_false (awards_check_parse_year ("3000", &year));
}

static void
test_commendation (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr (AwardsCommendation) commendation = awards_commendation_new ();
  g_autoptr (GPtrArray) problems = NULL;

  awards_commendation_set_recipient_kind (commendation, AWARDS_RECIPIENT_KIND_INDIVIDUAL);
  awards_commendation_set_award_name (commendation, "Cờ thi đua xuất sắc");
  awards_commendation_set_organisation_at_time_name (commendation, "HTX Bạch Đằng");
  problems = awards_check_commendation (fixture->guard, commendation);
  g_assert_cmpstr (awards_field_problems_lookup (problems, "award-name"), ==,
                   "“Cờ thi đua xuất sắc” is not awarded to individuals.");
  g_assert_null (awards_field_problems_lookup (problems, "organisation-at-time-name"));
  g_clear_pointer (&problems, g_ptr_array_unref);

  awards_commendation_set_award_name (commendation, "Huy chương vàng");
  awards_commendation_set_organisation_at_time_name (commendation, "HTX Nowhere");
  problems = awards_check_commendation (fixture->guard, commendation);
  g_assert_cmpstr (awards_field_problems_lookup (problems, "award-name"), ==,
                   "There is no award named “Huy chương vàng” in the catalogue.");
  g_assert_nonnull (awards_field_problems_lookup (problems, "organisation-at-time-name"));
  g_clear_pointer (&problems, g_ptr_array_unref);

  awards_commendation_set_award_name (commendation, "bằng khen");
  awards_commendation_set_organisation_at_time_name (commendation, NULL);
  problems = awards_check_commendation (fixture->guard, commendation);
  g_assert_cmpuint (problems->len, ==, 0);
}

/* An editor checks every row after every change; what the guard found of a name is kept, and
 * forgotten when the database changes. */
static void
test_name_guard_kept_until_change (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr (AwardsNameGuard) guard = awards_name_guard_new (fixture->store);
  g_autoptr (AwardsStore) other = NULL;
  g_autoptr (AwardsOrganisation) organisation = awards_organisation_new ();
  g_autoptr (AwardsOrganisation) renamed = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "awards.db", NULL);
  g_autofree char *suggestion = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *message =
    awards_name_guard_check (guard, AWARDS_NEAR_ORGANISATION, "HTX Bach Dang", NULL,
                             &suggestion);

  g_assert_cmpstr (message, ==, "“HTX Bach Dang” is not recorded yet. Did you mean "
                                "“HTX Bạch Đằng”?");
  g_assert_cmpstr (suggestion, ==, "HTX Bạch Đằng");

  /* Another clerk records the name: until this store hears of it, the verdict stands. */
  other = awards_store_open (path, &error);
  g_assert_no_error (error);
  awards_organisation_set_name (organisation, "HTX Bach Dang");
  g_assert_cmpint (awards_store_save_organisation (other, organisation, &error), >, 0);
  g_assert_no_error (error);
  kept = awards_name_guard_check (guard, AWARDS_NEAR_ORGANISATION, "HTX Bach Dang", NULL, NULL);
  g_assert_cmpstr (kept, ==, message);

  /* A change through this store is heard at once: the name is now recorded. */
  renamed = awards_store_find_organisation (fixture->store, "HTX Đan Phượng", &error);
  g_assert_no_error (error);
  awards_organisation_set_notes (renamed, "Đổi ghi chú");
  g_assert_cmpint (awards_store_save_organisation (fixture->store, renamed, &error), >, 0);
  g_assert_no_error (error);
  g_assert_null (awards_name_guard_check (guard, AWARDS_NEAR_ORGANISATION, "HTX Bach Dang",
                                          NULL, NULL));
}

static void
count_answers (gpointer user_data)
{
  (*(guint *) user_data)++;
}

/* Asked on the store's threads, the guard tells its editor once when the last answer is in: the
 * editor checks all its fields then, not once per answer. */
static void
test_name_guard_tells_once (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr (AwardsNameGuard) guard = awards_name_guard_new (fixture->store);
  guint n_told = 0;
  guint n_names = 40;

  awards_name_guard_set_answered_func (guard, count_answers, &n_told);
  for (guint i = 0; i < n_names; i++)
    {
      g_autofree char *name = g_strdup_printf ("HTX Bạch Đằng số %u", i);
      g_autofree char *message = awards_name_guard_check (guard, AWARDS_NEAR_ORGANISATION, name,
                                                          NULL, NULL);

      /* Not answered yet: nothing is said. */
      g_assert_null (message);
    }
  g_assert_true (awards_name_guard_is_checking (guard));
  AWARDS_TEST_WAIT_UNTIL (!awards_name_guard_is_checking (guard), 10);
  g_assert_cmpuint (n_told, ==, 1);

  /* Every answer is kept: asking again costs nothing and tells nothing. */
  for (guint i = 0; i < n_names; i++)
    {
      g_autofree char *name = g_strdup_printf ("HTX Bạch Đằng số %u", i);
      g_autofree char *message = awards_name_guard_check (guard, AWARDS_NEAR_ORGANISATION, name,
                                                          NULL, NULL);

      g_assert_null (message);
    }
  g_assert_false (awards_name_guard_is_checking (guard));
  g_assert_cmpuint (n_told, ==, 1);
}

/* After a change of the database every question is asked again; until its answer is in, a
 * message stays as it was instead of going blank, and the editor still waits for the answer. */
static void
test_name_guard_keeps_messages_while_asking_again (Fixture       *fixture,
                                                   gconstpointer  data)
{
  g_autoptr (AwardsNameGuard) guard = awards_name_guard_new (fixture->store);
  g_autoptr (AwardsOrganisation) other = awards_organisation_new ();
  g_autoptr (AwardsOrganisation) meant = awards_organisation_new ();
  g_autoptr (GError) error = NULL;
  const char *expected = "“HTX Bach Dang” is not recorded yet. Did you mean “HTX Bạch Đằng”?";
  guint n_told = 0;
  char *message;
  char *suggestion = NULL;

  awards_name_guard_set_answered_func (guard, count_answers, &n_told);
  g_assert_null (awards_name_guard_check (guard, AWARDS_NEAR_ORGANISATION, "HTX Bach Dang",
                                          NULL, NULL));
  AWARDS_TEST_WAIT_UNTIL (!awards_name_guard_is_checking (guard), 10);
  message = awards_name_guard_check (guard, AWARDS_NEAR_ORGANISATION, "HTX Bach Dang", NULL,
                                     NULL);
  g_assert_cmpstr (message, ==, expected);
  g_free (message);

  /* Another organisation is saved: the editor is told, and asks again. */
  awards_organisation_set_name (other, "HTX Tân Tiến");
  g_assert_cmpint (awards_store_save_organisation (fixture->store, other, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (n_told, ==, 2);
  message = awards_name_guard_check (guard, AWARDS_NEAR_ORGANISATION, "HTX Bach Dang", NULL,
                                     &suggestion);
  g_assert_true (awards_name_guard_is_checking (guard));
  g_assert_cmpstr (message, ==, expected);
  g_assert_cmpstr (suggestion, ==, "HTX Bạch Đằng");
  g_clear_pointer (&message, g_free);
  g_clear_pointer (&suggestion, g_free);
  AWARDS_TEST_WAIT_UNTIL (!awards_name_guard_is_checking (guard), 10);
  message = awards_name_guard_check (guard, AWARDS_NEAR_ORGANISATION, "HTX Bach Dang", NULL,
                                     NULL);
  g_assert_cmpstr (message, ==, expected);
  g_free (message);

  /* The name itself is recorded: the old message stands while the question is out, and goes
   * when the answer says the name is known. */
  awards_organisation_set_name (meant, "HTX Bach Dang");
  g_assert_cmpint (awards_store_save_organisation (fixture->store, meant, &error), >, 0);
  g_assert_no_error (error);
  message = awards_name_guard_check (guard, AWARDS_NEAR_ORGANISATION, "HTX Bach Dang", NULL,
                                     NULL);
  g_assert_true (awards_name_guard_is_checking (guard));
  g_assert_cmpstr (message, ==, expected);
  g_free (message);
  AWARDS_TEST_WAIT_UNTIL (!awards_name_guard_is_checking (guard), 10);
  g_assert_null (awards_name_guard_check (guard, AWARDS_NEAR_ORGANISATION, "HTX Bach Dang",
                                          NULL, NULL));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/record-checks/name-guard-kept-until-change", Fixture, NULL, fixture_set_up,
              test_name_guard_kept_until_change, fixture_tear_down);
  g_test_add ("/record-checks/name-guard-tells-once", Fixture, NULL, fixture_set_up,
              test_name_guard_tells_once, fixture_tear_down);
  g_test_add ("/record-checks/name-guard-keeps-messages-while-asking-again", Fixture, NULL,
              fixture_set_up, test_name_guard_keeps_messages_while_asking_again,
              fixture_tear_down);
  g_test_add ("/record-checks/organisation", Fixture, NULL, fixture_set_up, test_organisation,
              fixture_tear_down);
  g_test_add ("/record-checks/person", Fixture, NULL, fixture_set_up, test_person,
              fixture_tear_down);
  g_test_add ("/record-checks/commendation", Fixture, NULL, fixture_set_up, test_commendation,
              fixture_tear_down);

  return g_test_run ();
}
