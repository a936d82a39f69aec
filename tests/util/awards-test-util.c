/* awards-test-util.c: what the tests share, once instead of a copy per test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "awards-batch.h"
#include "awards-test-util.h"

/* A fresh private folder for one test; the test fails at once if none can be made. */
char *
awards_test_make_dir (const char *prefix)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *template = g_strconcat (prefix, "-XXXXXX", NULL);
  char *dir = g_dir_make_tmp (template, &error);

  g_assert_no_error (error);
  return dir;
}

/* Removes a tree that a test made. A symbolic link is removed, never followed, so that a test
 * that links to a file outside its folder cannot remove that file's folder. */
void
awards_test_remove_tree (const char *path)
{
  if (path == NULL)
    return;

  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          awards_test_remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    {
      g_unlink (path);
    }
}

/* One turn of the default main context. It never blocks for long, so that a lost wake-up
 * cannot hang a test; the short sleep keeps an idle wait from spinning a core. */
void
awards_test_iterate (void)
{
  if (!g_main_context_iteration (NULL, FALSE))
    g_usleep (1000);
}

/* One turn, then whether there is time left before @deadline (monotonic microseconds). */
gboolean
awards_test_iterate_until (gint64 deadline)
{
  awards_test_iterate ();
  return g_get_monotonic_time () < deadline;
}

/* How much longer than usual a wait may take: $AWARDS_TEST_TIMEOUT_SCALE, 1 when unset. Builds
 * with sanitizers run several times slower, and a wait that times out there is no bug. */
double
awards_test_timeout_scale (void)
{
  static double scale;

  if (scale == 0)
    {
      const char *value = g_getenv ("AWARDS_TEST_TIMEOUT_SCALE");
      double parsed = value != NULL ? g_ascii_strtod (value, NULL) : 1;

      scale = parsed >= 1 ? parsed : 1;
    }
  return scale;
}

/* Lets pending work (redraws, idles, search delays) run for @ms milliseconds. */
void
awards_test_settle (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < end)
    awards_test_iterate ();
}

AwardsCommendation *
awards_test_recipient (AwardsRecipientKind  kind,
                       const char          *name,
                       const char          *organisation,
                       const char          *position,
                       const char          *award)
{
  AwardsCommendation *commendation = awards_commendation_new ();

  awards_commendation_set_recipient_kind (commendation, kind);
  awards_commendation_set_recipient_name (commendation, name);
  awards_commendation_set_organisation_at_time_name (commendation, organisation);
  awards_commendation_set_position (commendation, position);
  awards_commendation_set_award_name (commendation, award);
  awards_commendation_set_achievement (commendation,
                                       "Đã có thành tích xuất sắc trong sản xuất kinh doanh "
                                       "năm 2011");
  return commendation;
}

gint64
awards_test_save_decision (AwardsStore *store,
                           const char  *number,
                           const char  *date,
                           const char  *authority,
                           GPtrArray   *recipients)
{
  g_autoptr (AwardsDecision) decision = awards_decision_new ();
  g_autoptr (GError) error = NULL;
  gint64 id;

  awards_decision_set_number (decision, number);
  awards_decision_set_date (decision, date);
  awards_decision_set_authority_name (decision, authority);
  id = awards_store_save_decision (store, decision, recipients, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

/* The year-end review of Hải Phòng, 28/12/2011: two decisions, 5 collectives, 3 people.
 * Returns the id of the second decision (5 recipients). */
gint64
awards_test_seed (AwardsStore *store)
{
  g_autoptr (GPtrArray) flags = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) merits = g_ptr_array_new_with_free_func (g_object_unref);
  const AwardsRecipientKind C = AWARDS_RECIPIENT_KIND_COLLECTIVE;
  const AwardsRecipientKind I = AWARDS_RECIPIENT_KIND_INDIVIDUAL;

  g_ptr_array_add (flags, awards_test_recipient (C, "Liên minh HTX thành phố Hải Phòng", NULL,
                                                 NULL, "Cờ thi đua xuất sắc"));
  g_ptr_array_add (flags, awards_test_recipient (C, "HTX Bạch Đằng", NULL, NULL,
                                                 "Cờ thi đua xuất sắc"));
  g_ptr_array_add (flags, awards_test_recipient (C, "Công ty TNHH Quý Cao", NULL, NULL,
                                                 "Cờ thi đua xuất sắc"));
  awards_test_save_decision (store, "3456/QĐ-UBND", "2011-12-28", "UBND thành phố Hải Phòng",
                             flags);

  g_ptr_array_add (merits, awards_test_recipient (C, "HTX Đan Phượng", NULL, NULL, "Bằng khen"));
  g_ptr_array_add (merits, awards_test_recipient (C, "HTX nông nghiệp Minh Tân", NULL, NULL,
                                                  "Bằng khen"));
  g_ptr_array_add (merits, awards_test_recipient (I, "Trần Văn Bảy", "HTX Bạch Đằng", "Chủ nhiệm",
                                                  "Bằng khen"));
  g_ptr_array_add (merits, awards_test_recipient (I, "Đan Đức Hiệp", "HTX Đan Phượng", "Kế toán",
                                                  "Bằng khen"));
  g_ptr_array_add (merits, awards_test_recipient (I, "Nguyễn Thị Hoa", "HTX Bạch Đằng", "Xã viên",
                                                  "Bằng khen"));
  return awards_test_save_decision (store, "3457/QĐ-UBND", "2011-12-28",
                                    "UBND thành phố Hải Phòng", merits);
}

/* One decision of @n_people individual awards ("999/QĐ-LMHTX", 30/12/2012) spread over 20
 * cooperatives with long names: the long annex of the report tests and bench/report-pdf.c. */
void
awards_test_fill_long_decision (AwardsStore *store,
                                guint        n_people)
{
  static const char *families[] = { "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Đặng", "Vũ" };
  static const char *middles[] = { "Văn", "Thị", "Đức", "Minh", "Thu", "Quốc" };
  static const char *givens[] = { "An", "Bình", "Cường", "Dũng", "Đạt", "Giang", "Hà", "Hải",
                                  "Khánh", "Linh", "Mai", "Nam", "Oanh", "Phúc", "Quân", "Sơn",
                                  "Tâm", "Uyên", "Vinh", "Xuân", "Yến" };
  g_autoptr (AwardsBatch) batch = NULL;
  g_autoptr (GError) error = NULL;
  gint64 authority, award, decision;
  gint64 organisations[20];

  batch = awards_batch_begin (store, &error);
  g_assert_no_error (error);
  authority = awards_batch_ensure_authority (batch, "Liên minh HTX thành phố Hải Phòng", &error);
  award = awards_batch_ensure_award_type (batch, "Giấy khen", NULL, &error);
  decision = awards_batch_ensure_decision (batch, "999/QĐ-LMHTX", "2012-12-30", authority,
                                           &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (organisations); i++)
    {
      g_autofree char *name = g_strdup_printf ("Hợp tác xã Dịch vụ Nông nghiệp Tổng hợp số %u "
                                               "xã Kiến Thụy", i + 1);

      organisations[i] = awards_batch_ensure_organisation (batch, name, &error);
      g_assert_no_error (error);
    }

  for (guint i = 0; i < n_people; i++)
    {
      g_autofree char *name = NULL;
      AwardsNewCommendation c = { 0 };

      guint k = i / G_N_ELEMENTS (organisations);

      /* Names repeat across organisations but not within one, where a name is a person. */
      name = g_strdup_printf ("%s %s %s", families[k % G_N_ELEMENTS (families)],
                              middles[(k / G_N_ELEMENTS (families)) % G_N_ELEMENTS (middles)],
                              givens[(k / G_N_ELEMENTS (families) / G_N_ELEMENTS (middles)) %
                                     G_N_ELEMENTS (givens)]);
      c.decision_id = decision;
      c.award_type_id = award;
      c.recipient_kind = AWARDS_RECIPIENT_KIND_INDIVIDUAL;
      c.organisation_at_time_id = organisations[i % G_N_ELEMENTS (organisations)];
      c.person_id = awards_batch_ensure_person (batch, name, c.organisation_at_time_id, NULL,
                                               &error);
      c.position = i % 5 == 0 ? "Phó chủ nhiệm kiêm kế toán trưởng" : "Xã viên";
      c.achievement = "đã có thành tích trong phong trào thi đua năm 2012";
      g_assert_cmpint (awards_batch_add_commendation (batch, &c, &error), >, 0);
      g_assert_no_error (error);
    }

  g_assert_true (awards_batch_commit (batch, &error));
  g_assert_no_error (error);
}
