/* test-settings.c: the office profile and the register-number sequences in the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include "awards-batch.h"
#include "awards-settings.h"
#include "awards-store.h"

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
  g_autoptr (GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("test-settings-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "awards.db", NULL);
  fixture->store = awards_store_open (fixture->path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);

  g_clear_object (&fixture->store);
  g_unlink (fixture->path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static void
test_defaults_and_normalising (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *start = awards_store_get_setting (fixture->store, "year.start", &error);
  g_autofree char *name = NULL;
  g_autofree char *form = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (start, ==, "01/12");

  /* Decomposed "ợ" (o + horn + dot below) and stray spaces come back as one NFC text. */
  g_assert_true (awards_store_set_setting (fixture->store, "office.name",
                                           "  Liên minh  H\xc6\xa1\xcc\xa3p tác xã \n", &error));
  g_assert_no_error (error);
  name = awards_store_get_setting (fixture->store, "office.name", &error);
  g_assert_cmpstr (name, ==, "Liên minh Hợp tác xã");

  g_assert_true (awards_store_set_setting (fixture->store, "signer.form", "kt", &error));
  form = awards_store_get_setting (fixture->store, "signer.form", &error);
  g_assert_cmpstr (form, ==, "KT.");

  /* An empty value returns the key to its default. */
  g_assert_true (awards_store_set_setting (fixture->store, "office.name", "", &error));
  g_free (name);
  name = awards_store_get_setting (fixture->store, "office.name", &error);
  g_assert_cmpstr (name, ==, awards_settings_get_default ("office.name"));
}

static void
test_rejects_bad_values (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  g_assert_false (awards_store_set_setting (fixture->store, "office.colour", "red", &error));
  g_assert_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "office.colour"));
  g_clear_error (&error);

  g_assert_false (awards_store_set_setting (fixture->store, "year.start", "31/02", &error));
  g_assert_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (awards_store_set_setting (fixture->store, "signer.form", "thay mặt", &error));
  g_assert_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (awards_store_set_setting (fixture->store, "office.abbreviation", "LM HTX",
                                            &error));
  g_assert_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_INVALID);
}

static void
test_profile_survives_reopening (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AwardsOfficeProfile) profile = NULL;
  g_autofree char *form_line = NULL;

  g_assert_true (awards_store_set_setting (fixture->store, "office.parent",
                                           "UBND thành phố Hải Phòng", &error));
  g_assert_true (awards_store_set_setting (fixture->store, "office.name",
                                           "Liên minh HTX thành phố Hải Phòng", &error));
  g_assert_true (awards_store_set_setting (fixture->store, "signer.name", "Phạm Văn Hùng",
                                           &error));
  g_assert_true (awards_store_set_setting (fixture->store, "year.start", "1/9", &error));
  g_assert_no_error (error);

  g_clear_object (&fixture->store);
  fixture->store = awards_store_open (fixture->path, &error);
  g_assert_no_error (error);

  profile = awards_store_get_office_profile (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (profile->parent, ==, "UBND thành phố Hải Phòng");
  g_assert_cmpstr (profile->name, ==, "Liên minh HTX thành phố Hải Phòng");
  g_assert_cmpstr (profile->signer_name, ==, "Phạm Văn Hùng");
  g_assert_cmpstr (profile->signer_form, ==, "TM.");
  g_assert_cmpuint (profile->year_start_day, ==, 1);
  g_assert_cmpuint (profile->year_start_month, ==, 9);
  g_assert_null (profile->place);
  form_line = awards_office_profile_form_line (profile);
  g_assert_cmpstr (form_line, ==, "TM. LIÊN MINH HTX THÀNH PHỐ HẢI PHÒNG");
}

static GArray *
add_decision (AwardsStore *store,
              const char  *number,
              guint        n_people)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AwardsBatch) batch = awards_batch_begin (store, &error);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  AwardsNewCommendation spec = { 0, };
  gint64 authority, organisation;

  g_assert_no_error (error);
  authority = awards_batch_ensure_authority (batch, "UBND thành phố Hải Phòng", &error);
  organisation = awards_batch_ensure_organisation (batch, "HTX Bạch Đằng", &error);
  spec.decision_id = awards_batch_ensure_decision (batch, number, "2011-12-28", authority,
                                                   &error);
  spec.award_type_id = awards_batch_ensure_award_type (batch, "Bằng khen", NULL, &error);
  spec.recipient_kind = AWARDS_RECIPIENT_KIND_INDIVIDUAL;
  spec.organisation_at_time_id = organisation;
  for (guint i = 0; i < n_people; i++)
    {
      g_autofree char *name = g_strdup_printf ("Nguyễn Văn %c", 'A' + i);
      gint64 id;

      spec.person_id = awards_batch_ensure_person (batch, name, organisation, NULL, &error);
      spec.recipient_name = name;
      id = awards_batch_add_commendation (batch, &spec, &error);
      g_assert_no_error (error);
      g_array_append_val (ids, id);
    }
  awards_batch_commit (batch, &error);
  g_assert_no_error (error);
  return ids;
}

static char *
register_number (AwardsStore *store,
                 gint64       id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AwardsCommendation) award = awards_store_get_commendation (store, id, &error);

  g_assert_no_error (error);
  return g_strdup (awards_commendation_get_register_number (award));
}

static void
test_register_numbers_never_reused (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) first = add_decision (fixture->store, "1/QĐ-UBND", 3);
  g_autoptr (GArray) second = add_decision (fixture->store, "2/QĐ-UBND", 3);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (AwardsCommendation) typed = NULL;
  g_autofree char *kept = NULL;

  /* A number typed by hand that the sequence would give next is skipped, not given twice. */
  typed = awards_store_get_commendation (fixture->store, g_array_index (second, gint64, 0),
                                         &error);
  awards_commendation_set_register_number (typed, "4/2011");
  g_assert_true (awards_store_update_commendation (fixture->store, typed, &error));
  g_assert_no_error (error);

  g_assert_true (awards_store_assign_register_numbers (fixture->store, (gint64 *) first->data,
                                                       first->len, 2011, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < first->len; i++)
    {
      g_autofree char *number = register_number (fixture->store,
                                                 g_array_index (first, gint64, i));
      g_autofree char *expected = g_strdup_printf ("%u/2011", i + 1);

      g_assert_cmpstr (number, ==, expected);
    }

  /* Assigning again changes nothing for awards that have a number. */
  g_assert_true (awards_store_assign_register_numbers (fixture->store, (gint64 *) first->data,
                                                       first->len, 2011, &error));
  kept = register_number (fixture->store, g_array_index (first, gint64, 0));
  g_assert_cmpstr (kept, ==, "1/2011");

  g_assert_true (awards_store_assign_register_numbers (fixture->store, (gint64 *) second->data,
                                                       second->len, 2011, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < first->len; i++)
    {
      g_hash_table_add (seen, register_number (fixture->store, g_array_index (first, gint64, i)));
      g_hash_table_add (seen, register_number (fixture->store,
                                               g_array_index (second, gint64, i)));
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, 6);
  g_assert_true (g_hash_table_contains (seen, "4/2011"));
  g_assert_true (g_hash_table_contains (seen, "5/2011"));
  g_assert_true (g_hash_table_contains (seen, "6/2011"));
  g_assert_false (g_hash_table_contains (seen, "7/2011"));
}

static void
test_register_numbers_all_or_nothing (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = add_decision (fixture->store, "1/QĐ-UBND", 2);
  g_autofree char *number = NULL;
  g_autofree char *next = NULL;
  gint64 bad = 999999;

  /* An unknown award stops the whole assignment: neither the awards nor the sequence move. */
  g_array_append_val (ids, bad);
  g_assert_false (awards_store_assign_register_numbers (fixture->store, (gint64 *) ids->data,
                                                        ids->len, 2011, &error));
  g_assert_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  number = register_number (fixture->store, g_array_index (ids, gint64, 0));
  g_assert_null (number);

  g_assert_true (awards_store_assign_register_numbers (fixture->store, (gint64 *) ids->data, 2,
                                                       2011, &error));
  next = register_number (fixture->store, g_array_index (ids, gint64, 0));
  g_assert_cmpstr (next, ==, "1/2011");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/settings/defaults-and-normalising", Fixture, NULL, fixture_set_up,
              test_defaults_and_normalising, fixture_tear_down);
  g_test_add ("/settings/rejects-bad-values", Fixture, NULL, fixture_set_up,
              test_rejects_bad_values, fixture_tear_down);
  g_test_add ("/settings/profile-survives-reopening", Fixture, NULL, fixture_set_up,
              test_profile_survives_reopening, fixture_tear_down);
  g_test_add ("/settings/register-numbers-never-reused", Fixture, NULL, fixture_set_up,
              test_register_numbers_never_reused, fixture_tear_down);
  g_test_add ("/settings/register-numbers-all-or-nothing", Fixture, NULL, fixture_set_up,
              test_register_numbers_all_or_nothing, fixture_tear_down);

  return g_test_run ();
}
