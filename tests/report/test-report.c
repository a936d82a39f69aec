/* test-report.c: reports over a store written through AwardsBatch
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include "awards-batch.h"
#include "awards-report.h"
#include "awards-settings.h"
#include "awards-report-printer.h"
#include "awards-store.h"
#include "awards-store-open.h"
#include "awards-test-pg.h"
#include "awards-test-util.h"

#define ACHIEVEMENT "đã có thành tích xuất sắc trong sản xuất kinh doanh năm 2011"

/* The data of a test says whether its database starts empty ("…empty") and whether it is on
 * the test server ("server…"); every report is built from a file and again from a server. */
typedef struct
{
  char        *dir;
  char        *server;
  AwardsStore *store;
} Fixture;

typedef struct
{
  const char *name;
  const char *organisation;
  const char *position;
} Individual;

/* The 2011 year-end review in Hải Phòng (DESIGN.md), plus a 2010 decision whose recipients
 * later moved. Individuals are entered out of order so that the annex has to sort them. */
static const char *flag_collectives[] = {
  "LM HTX thành phố Hải Phòng", "HTX Bạch Đằng", "Công ty TNHH Quý Cao",
};

static const char *city_collectives[] = {
  "HTX Thủy sản Đồng Tiến", "HTX Vận tải Đông Hải", "HTX Điện Kiến An",
  "HTX Nông nghiệp An Lư", "HTX Dịch vụ Tân Liên",
};

static const Individual city_individuals[] = {
  { "Lê Văn Hùng", "HTX Điện Kiến An", "Tổ trưởng" },
  { "Hoàng Văn Bảy", "Công ty TNHH Quý Cao", "Giám đốc" },
  { "Trần Văn An", "HTX Bạch Đằng", "Chủ nhiệm" },
  { "Nguyễn Thị Anh", "LM HTX thành phố Hải Phòng", "Chuyên viên" },
  { "Ngô Văn Đức", "HTX Vận tải Đông Hải", "Chủ nhiệm" },
  { "Đỗ Thị Ân", "HTX Bạch Đằng", "Kế toán trưởng" },
  { "Vũ Thị Dung", "HTX Dịch vụ Tân Liên", "Phó chủ nhiệm" },
  { "Phạm Đức An", "HTX Thủy sản Đồng Tiến", "Chủ nhiệm" },
  { "Bùi Văn Hùng", "HTX Bạch Đằng", "Xã viên" },
  { "Lê Văn Ánh", "HTX Nông nghiệp An Lư", "Kế toán" },
};

/* Given name, then middle, then family name, in Vietnamese order. */
static const char *city_individuals_annex_order[] = {
  "Phạm Đức An", "Trần Văn An", "Nguyễn Thị Anh", "Lê Văn Ánh", "Đỗ Thị Ân",
  "Hoàng Văn Bảy", "Vũ Thị Dung", "Ngô Văn Đức", "Bùi Văn Hùng", "Lê Văn Hùng",
};

static const char *national_collectives[] = {
  "HTX Bạch Đằng", "HTX Nông nghiệp An Lư",
};

static const Individual national_individuals[] = {
  { "Nguyễn Văn Thành", "HTX Bạch Đằng", "Phó chủ nhiệm" },
  { "Trần Thị Hoa", "HTX Nông nghiệp An Lư", "Xã viên" },
  { "Lê Thị Lan", "HTX Dịch vụ Tân Liên", "Kế toán" },
  { "Phạm Văn Minh", "HTX Vận tải Đông Hải", "Lái xe" },
  { "Đặng Thị Nga", "HTX Thủy sản Đồng Tiến", "Xã viên" },
  { "Vũ Văn Quang", "HTX Điện Kiến An", "Thợ điện" },
  { "Hoàng Thị Yến", "Công ty TNHH Quý Cao", "Phó giám đốc" },
};

static const Individual individuals_2010[] = {
  { "Phạm Văn Cường", "HTX Bạch Đằng", "Tổ trưởng" },
  { "Trần Văn An", "HTX Bạch Đằng", "Chủ nhiệm" },
  { "Mai Thị Hương", "Công ty TNHH Quý Cao", "Thủ kho" },
  { "Đinh Văn Tú", "HTX Điện Kiến An", "Thợ điện" },
};

static void
add_collective (AwardsBatch *batch,
                gint64       decision,
                gint64       award,
                const char  *name)
{
  AwardsNewCommendation c = { 0 };
  g_autoptr (GError) error = NULL;

  c.decision_id = decision;
  c.award_type_id = award;
  c.recipient_kind = AWARDS_RECIPIENT_KIND_COLLECTIVE;
  c.organisation_id = awards_batch_ensure_organisation (batch, name, &error);
  g_assert_no_error (error);
  c.achievement = ACHIEVEMENT;
  c.period = "2011";
  g_assert_cmpint (awards_batch_add_commendation (batch, &c, &error), >, 0);
  g_assert_no_error (error);
}

static void
add_individual (AwardsBatch      *batch,
                gint64            decision,
                gint64            award,
                const Individual *person,
                const char       *achievement)
{
  AwardsNewCommendation c = { 0 };
  g_autoptr (GError) error = NULL;

  c.decision_id = decision;
  c.award_type_id = award;
  c.recipient_kind = AWARDS_RECIPIENT_KIND_INDIVIDUAL;
  c.organisation_at_time_id = awards_batch_ensure_organisation (batch, person->organisation,
                                                                &error);
  g_assert_no_error (error);
  c.person_id = awards_batch_ensure_person (batch, person->name, c.organisation_at_time_id,
                                           person->position, &error);
  g_assert_no_error (error);
  c.position = person->position;
  c.achievement = achievement;
  g_assert_cmpint (awards_batch_add_commendation (batch, &c, &error), >, 0);
  g_assert_no_error (error);
}

static gint64
ensure_id (gint64  id,
           GError *error)
{
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
fill_store (AwardsStore *store)
{
  g_autoptr (AwardsBatch) batch = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (AwardsPerson) moved = NULL;
  g_autoptr (AwardsOrganisation) quy_cao = NULL;
  gint64 city, national, alliance, flag, merit, paper;
  gint64 city_decision, national_decision, decision_2010;

  batch = awards_batch_begin (store, &error);
  g_assert_no_error (error);

  city = ensure_id (awards_batch_ensure_authority (batch, "UBND thành phố Hải Phòng", &error),
                    error);
  national = ensure_id (awards_batch_ensure_authority (batch, "Liên minh HTX Việt Nam", &error),
                        error);
  alliance = ensure_id (awards_batch_ensure_authority (batch, "Liên minh HTX thành phố Hải Phòng",
                                                       &error), error);
  flag = ensure_id (awards_batch_ensure_award_type (batch, "Cờ thi đua xuất sắc", NULL, &error),
                    error);
  merit = ensure_id (awards_batch_ensure_award_type (batch, "Bằng khen", NULL, &error), error);
  paper = ensure_id (awards_batch_ensure_award_type (batch, "Giấy khen", NULL, &error), error);

  city_decision = ensure_id (awards_batch_ensure_decision (batch, "3456/QĐ-UBND", "2011-12-28",
                                                           city, &error), error);
  national_decision = ensure_id (awards_batch_ensure_decision (batch, "789/QĐ-LMHTXVN",
                                                               "2011-12-28", national, &error),
                                 error);
  decision_2010 = ensure_id (awards_batch_ensure_decision (batch, "45/QĐ-LMHTX", "2010-12-20",
                                                           alliance, &error), error);

  for (guint i = 0; i < G_N_ELEMENTS (flag_collectives); i++)
    add_collective (batch, city_decision, flag, flag_collectives[i]);
  for (guint i = 0; i < G_N_ELEMENTS (city_collectives); i++)
    add_collective (batch, city_decision, merit, city_collectives[i]);
  for (guint i = 0; i < G_N_ELEMENTS (city_individuals); i++)
    add_individual (batch, city_decision, merit, &city_individuals[i], ACHIEVEMENT);

  for (guint i = 0; i < G_N_ELEMENTS (national_collectives); i++)
    add_collective (batch, national_decision, merit, national_collectives[i]);
  for (guint i = 0; i < G_N_ELEMENTS (national_individuals); i++)
    add_individual (batch, national_decision, merit, &national_individuals[i], ACHIEVEMENT);

  for (guint i = 0; i < G_N_ELEMENTS (individuals_2010); i++)
    add_individual (batch, decision_2010, paper, &individuals_2010[i],
                    i == 0 ? "có sáng kiến cải tiến kỹ thuật" : "hoàn thành xuất sắc nhiệm vụ");

  g_assert_true (awards_batch_commit (batch, &error));
  g_assert_no_error (error);

  /* Phạm Văn Cường has since moved from HTX Bạch Đằng to Công ty TNHH Quý Cao. */
  {
    g_autoptr (GPtrArray) people = awards_store_list_people (store, "Phạm Văn Cường", 0, 0, 10,
                                                            &error);

    g_assert_no_error (error);
    g_assert_cmpuint (people->len, ==, 1);
    moved = g_object_ref (g_ptr_array_index (people, 0));
  }
  quy_cao = awards_store_find_organisation (store, "Công ty TNHH Quý Cao", &error);
  g_assert_no_error (error);
  awards_person_set_organisation_id (moved, awards_organisation_get_id (quy_cao));
  g_assert_cmpint (awards_store_save_person (store, moved, &error), >, 0);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("report-test-XXXXXX", &error);
  g_assert_no_error (error);

  if (data != NULL && g_str_has_prefix (data, "server"))
    {
      gboolean created = FALSE;

      fixture->server = awards_test_pg_new_database (NULL);
      g_assert_nonnull (fixture->server);
      awards_store_init_server (fixture->server, &created, NULL, &error);
      g_assert_no_error (error);
      path = g_strdup (fixture->server);
    }
  else
    {
      path = g_build_filename (fixture->dir, "awards.db", NULL);
    }
  fixture->store = awards_store_open (path, &error);
  g_assert_no_error (error);

  if (data == NULL || !g_str_has_suffix (data, "empty"))
    fill_store (fixture->store);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  if (fixture->server != NULL)
    awards_test_pg_drop_database (fixture->server);
  g_free (fixture->server);
  /* REPORT_KEEP_DIR=1 keeps the database and the files for a look. */
  if (g_getenv ("REPORT_KEEP_DIR") != NULL)
    g_test_message ("kept %s", fixture->dir);
  else
    awards_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static AwardsReport *
build (Fixture             *fixture,
       AwardsReportRequest *request)
{
  g_autoptr (GError) error = NULL;
  AwardsReport *report = awards_report_build (fixture->store, request, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static char *
write_string (AwardsReport       *report,
              AwardsReportFormat  format)
{
  g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr (GError) error = NULL;

  g_assert_true (awards_report_write (report, format, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (out, NULL, NULL));

  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static gint64
authority_id (Fixture    *fixture,
              const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AwardsAuthority) authority = awards_store_find_authority (fixture->store, name,
                                                                        &error);

  g_assert_no_error (error);
  return awards_authority_get_id (authority);
}

static gint64
organisation_id (Fixture    *fixture,
                 const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AwardsOrganisation) organisation =
    awards_store_find_organisation (fixture->store, name, &error);

  g_assert_no_error (error);
  return awards_organisation_get_id (organisation);
}

/* Runs a program and returns what it printed; the test is skipped if the program is missing. */
static char *
run (const char * const *argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *program = g_find_program_in_path (argv[0]);
  char *out = NULL;
  int status = 0;

  if (program == NULL)
    return NULL;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
}

static gboolean
have_program (const char *name)
{
  g_autofree char *path = g_find_program_in_path (name);

  return path != NULL;
}

static char *
pdf_text (const char *path,
          int         page)
{
  g_autofree char *page_text = g_strdup_printf ("%d", page);
  const char *all[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  const char *one[] = { "pdftotext", "-enc", "UTF-8", "-f", page_text, "-l", page_text, path,
                        "-", NULL };

  return run (page > 0 ? one : all);
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” not found in:\n%s", needle, haystack);
}

/* Summary */

static const char summary_2011_csv[] =
  "authority,award,collectives,individuals\n"
  "Liên minh HTX Việt Nam,Bằng khen,2,7\n"
  "UBND thành phố Hải Phòng,Cờ thi đua xuất sắc,3,0\n"
  "UBND thành phố Hải Phòng,Bằng khen,5,10\n"
  "TOTAL,,10,17\n";

static void
test_summary_numbers (Fixture       *fixture,
                      gconstpointer  data)
{
  AwardsReportRequest request;
  g_autoptr (AwardsReport) report = NULL;
  GPtrArray *rows;
  const AwardsSummaryRow *row;
  guint collectives, individuals;

  awards_report_request_init (&request, AWARDS_REPORT_KIND_SUMMARY);
  request.query.date_from = "2011-01-01";
  request.query.date_to = "2011-12-31";
  report = build (fixture, &request);

  g_assert_cmpint (awards_report_get_kind (report), ==, AWARDS_REPORT_KIND_SUMMARY);
  g_assert_cmpstr (awards_report_get_title (report), ==,
                   "Báo cáo tổng hợp khen thưởng từ ngày 01/01/2011 đến ngày 31/12/2011");

  awards_report_get_totals (report, &collectives, &individuals);
  g_assert_cmpuint (collectives, ==, 10);
  g_assert_cmpuint (individuals, ==, 17);

  rows = awards_report_get_summary_rows (report);
  g_assert_cmpuint (rows->len, ==, 3);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row->authority, ==, "Liên minh HTX Việt Nam");
  g_assert_cmpstr (row->award, ==, "Bằng khen");
  g_assert_cmpuint (row->collectives, ==, 2);
  g_assert_cmpuint (row->individuals, ==, 7);
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpstr (row->award, ==, "Cờ thi đua xuất sắc");
  g_assert_cmpuint (row->collectives, ==, 3);
  g_assert_cmpuint (row->individuals, ==, 0);
  row = g_ptr_array_index (rows, 2);
  g_assert_cmpstr (row->award, ==, "Bằng khen");
  g_assert_cmpuint (row->collectives, ==, 5);
  g_assert_cmpuint (row->individuals, ==, 10);
}

static void
test_summary_csv (Fixture       *fixture,
                  gconstpointer  data)
{
  AwardsReportRequest request;
  g_autoptr (AwardsReport) report = NULL;
  g_autofree char *csv = NULL;

  awards_report_request_init (&request, AWARDS_REPORT_KIND_SUMMARY);
  request.query.date_from = "2011-01-01";
  request.query.date_to = "2011-12-31";
  report = build (fixture, &request);

  csv = write_string (report, AWARDS_REPORT_FORMAT_CSV);
  g_assert_cmpstr (csv, ==, summary_2011_csv);
}

/* "thành" sorts before "Việt" although 'V' < 't' in ASCII: the order is the Vietnamese
 * alphabet's, regardless of case. */
static void
test_summary_all_time_order (Fixture       *fixture,
                             gconstpointer  data)
{
  AwardsReportRequest request;
  g_autoptr (AwardsReport) report = NULL;
  g_autofree char *csv = NULL;

  awards_report_request_init (&request, AWARDS_REPORT_KIND_SUMMARY);
  report = build (fixture, &request);
  csv = write_string (report, AWARDS_REPORT_FORMAT_CSV);

  g_assert_cmpstr (csv, ==,
                   "authority,award,collectives,individuals\n"
                   "Liên minh HTX thành phố Hải Phòng,Giấy khen,0,4\n"
                   "Liên minh HTX Việt Nam,Bằng khen,2,7\n"
                   "UBND thành phố Hải Phòng,Cờ thi đua xuất sắc,3,0\n"
                   "UBND thành phố Hải Phòng,Bằng khen,5,10\n"
                   "TOTAL,,10,21\n");
}

static void
test_summary_filters (Fixture       *fixture,
                      gconstpointer  data)
{
  AwardsReportRequest request;
  g_autoptr (AwardsReport) by_authority = NULL;
  g_autoptr (AwardsReport) individuals = NULL;
  g_autoptr (AwardsReport) organisation = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *text = NULL;

  awards_report_request_init (&request, AWARDS_REPORT_KIND_SUMMARY);
  request.query.authority_id = authority_id (fixture, "UBND thành phố Hải Phòng");
  by_authority = build (fixture, &request);
  csv = write_string (by_authority, AWARDS_REPORT_FORMAT_CSV);
  g_assert_cmpstr (csv, ==,
                   "authority,award,collectives,individuals\n"
                   "UBND thành phố Hải Phòng,Cờ thi đua xuất sắc,3,0\n"
                   "UBND thành phố Hải Phòng,Bằng khen,5,10\n"
                   "TOTAL,,8,10\n");
  text = write_string (by_authority, AWARDS_REPORT_FORMAT_TEXT);
  assert_contains (text, "Cơ quan khen thưởng: UBND thành phố Hải Phòng\n");
  g_clear_pointer (&csv, g_free);
  g_clear_pointer (&text, g_free);

  awards_report_request_init (&request, AWARDS_REPORT_KIND_SUMMARY);
  request.query.recipient_kind = AWARDS_RECIPIENT_KIND_INDIVIDUAL;
  request.query.date_from = "2011-01-01";
  individuals = build (fixture, &request);
  csv = write_string (individuals, AWARDS_REPORT_FORMAT_CSV);
  g_assert_cmpstr (csv, ==,
                   "authority,award,collectives,individuals\n"
                   "Liên minh HTX Việt Nam,Bằng khen,0,7\n"
                   "UBND thành phố Hải Phòng,Bằng khen,0,10\n"
                   "TOTAL,,0,17\n");
  g_clear_pointer (&csv, g_free);

  /* An organisation's own awards, without its people's. */
  awards_report_request_init (&request, AWARDS_REPORT_KIND_SUMMARY);
  request.query.organisation_id = organisation_id (fixture, "HTX Bạch Đằng");
  organisation = build (fixture, &request);
  csv = write_string (organisation, AWARDS_REPORT_FORMAT_CSV);
  g_assert_cmpstr (csv, ==,
                   "authority,award,collectives,individuals\n"
                   "Liên minh HTX Việt Nam,Bằng khen,1,0\n"
                   "UBND thành phố Hải Phòng,Cờ thi đua xuất sắc,1,0\n"
                   "TOTAL,,2,0\n");
}

static void
test_summary_prose (Fixture       *fixture,
                    gconstpointer  data)
{
  AwardsReportRequest request;
  g_autoptr (AwardsReport) report = NULL;
  const char * const *paragraphs;
  g_autofree char *text = NULL;

  awards_report_request_init (&request, AWARDS_REPORT_KIND_SUMMARY);
  request.query.date_from = "2011-01-01";
  request.query.date_to = "2011-12-31";
  report = build (fixture, &request);

  paragraphs = awards_report_get_paragraphs (report);
  g_assert_cmpstr (paragraphs[0], ==,
                   "Liên minh HTX Việt Nam tặng Bằng khen cho 2 tập thể và 7 cá nhân.");
  g_assert_cmpstr (paragraphs[1], ==,
                   "UBND thành phố Hải Phòng tặng Cờ thi đua xuất sắc cho 3 tập thể; "
                   "tặng Bằng khen cho 5 tập thể và 10 cá nhân.");
  g_assert_cmpstr (paragraphs[2], ==,
                   "Tổng cộng: 27 lượt khen thưởng, gồm 10 lượt tập thể và 17 lượt cá nhân.");
  g_assert_null (paragraphs[3]);

  /* Title, period, prose, then the table, then the totals. */
  text = write_string (report, AWARDS_REPORT_FORMAT_TEXT);
  g_assert_true (g_str_has_prefix (text, "BÁO CÁO TỔNG HỢP KHEN THƯỞNG\n"
                                         "Từ ngày 01/01/2011 đến ngày 31/12/2011\n\n"
                                         "Liên minh HTX Việt Nam tặng Bằng khen cho 2 tập thể "
                                         "và 7 cá nhân.\n"
                                         "UBND thành phố Hải Phòng tặng Cờ thi đua xuất sắc cho "
                                         "3 tập thể; tặng Bằng khen cho 5 tập thể và 10 cá "
                                         "nhân.\n\n"));
  assert_contains (text, "\nII  UBND thành phố Hải Phòng  ");
  assert_contains (text, "Tổng cộng");
  g_assert_true (g_str_has_suffix (text, "\n\nTổng cộng: 27 lượt khen thưởng, gồm 10 lượt tập "
                                         "thể và 17 lượt cá nhân.\n"));
}

static void
test_summary_text_table (Fixture       *fixture,
                         gconstpointer  data)
{
  AwardsReportRequest request;
  g_autoptr (AwardsReport) report = NULL;
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;
  const char *table_start;

  awards_report_request_init (&request, AWARDS_REPORT_KIND_SUMMARY);
  request.query.date_from = "2011-01-01";
  request.query.date_to = "2011-12-31";
  report = build (fixture, &request);
  text = write_string (report, AWARDS_REPORT_FORMAT_TEXT);

  table_start = strstr (text, "TT  ");
  g_assert_nonnull (table_start);
  lines = g_strsplit (table_start, "\n", 0);
  {
    const char *expected[] = {
      "TT  Cơ quan khen thưởng, hình thức khen thưởng  Tập thể  Cá nhân",
      "--  ------------------------------------------  -------  -------",
      " I  Liên minh HTX Việt Nam                            2        7",
      " 1  Bằng khen                                         2        7",
      "II  UBND thành phố Hải Phòng                          8       10",
      " 1  Cờ thi đua xuất sắc                               3        0",
      " 2  Bằng khen                                         5       10",
      "--  ------------------------------------------  -------  -------",
      "Tổng cộng                                            10       17",
    };

    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      g_assert_cmpstr (lines[i], ==, expected[i]);
  }
}

static void
test_summary_empty (Fixture       *fixture,
                    gconstpointer  data)
{
  AwardsReportRequest request;
  g_autoptr (AwardsReport) report = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *text = NULL;

  awards_report_request_init (&request, AWARDS_REPORT_KIND_SUMMARY);
  request.query.date_from = "1990-01-01";
  request.query.date_to = "1990-12-31";
  report = build (fixture, &request);

  csv = write_string (report, AWARDS_REPORT_FORMAT_CSV);
  g_assert_cmpstr (csv, ==, "authority,award,collectives,individuals\nTOTAL,,0,0\n");
  text = write_string (report, AWARDS_REPORT_FORMAT_TEXT);
  assert_contains (text, "Không có khen thưởng nào");
}

static void
test_csv_quoting (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr (AwardsBatch) batch = NULL;
  g_autoptr (GError) error = NULL;
  AwardsReportRequest request;
  g_autoptr (AwardsReport) report = NULL;
  g_autofree char *csv = NULL;
  AwardsNewCommendation c = { 0 };
  gint64 authority;

  batch = awards_batch_begin (fixture->store, &error);
  g_assert_no_error (error);
  authority = awards_batch_ensure_authority (batch, "Bộ Nông nghiệp, PTNT \"Trung ương\"",
                                             &error);
  g_assert_no_error (error);
  c.decision_id = awards_batch_ensure_decision (batch, "1/QĐ-BNN", "2012-03-01", authority,
                                                &error);
  g_assert_no_error (error);
  c.award_type_id = awards_batch_ensure_award_type (batch, "Bằng khen", NULL, &error);
  c.recipient_kind = AWARDS_RECIPIENT_KIND_COLLECTIVE;
  c.organisation_id = awards_batch_ensure_organisation (batch, "HTX Bạch Đằng", &error);
  g_assert_cmpint (awards_batch_add_commendation (batch, &c, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (awards_batch_commit (batch, &error));

  awards_report_request_init (&request, AWARDS_REPORT_KIND_SUMMARY);
  request.query.date_from = "2012-01-01";
  report = build (fixture, &request);
  csv = write_string (report, AWARDS_REPORT_FORMAT_CSV);
  g_assert_cmpstr (csv, ==,
                   "authority,award,collectives,individuals\n"
                   "\"Bộ Nông nghiệp, PTNT \"\"Trung ương\"\"\",Bằng khen,1,0\n"
                   "TOTAL,,1,0\n");
}

/* Decision annex */

static void
test_annex_order (Fixture       *fixture,
                  gconstpointer  data)
{
  AwardsReportRequest request;
  g_autoptr (AwardsReport) report = NULL;
  g_autofree char *csv = NULL;
  g_auto (GStrv) lines = NULL;
  guint line = 1;

  awards_report_request_init (&request, AWARDS_REPORT_KIND_DECISION);
  request.decision = "3456/QĐ-UBND";
  /* By name; the default, the order entered, is tested in tests/cli/test-documents.c. */
  request.annex_order = AWARDS_ANNEX_ORDER_NAME;
  report = build (fixture, &request);

  g_assert_cmpstr (awards_report_get_title (report), ==,
                   "Danh sách khen thưởng kèm theo Quyết định số 3456/QĐ-UBND ngày 28/12/2011 "
                   "của UBND thành phố Hải Phòng");

  csv = write_string (report, AWARDS_REPORT_FORMAT_CSV);
  lines = g_strsplit (csv, "\n", 0);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 3 + 5 + 10 + 1);
  g_assert_cmpstr (lines[0], ==,
                   "decision_number,decision_date,authority,award,recipient_type,recipient,"
                   "organisation,position,achievement,period");

  /* Collectives first, the flag before the certificate, each group in Vietnamese order. */
  {
    const char *collectives[] = {
      "Cờ thi đua xuất sắc,collective,Công ty TNHH Quý Cao,",
      "Cờ thi đua xuất sắc,collective,HTX Bạch Đằng,",
      "Cờ thi đua xuất sắc,collective,LM HTX thành phố Hải Phòng,",
      "Bằng khen,collective,HTX Dịch vụ Tân Liên,",
      "Bằng khen,collective,HTX Điện Kiến An,",
      "Bằng khen,collective,HTX Nông nghiệp An Lư,",
      "Bằng khen,collective,HTX Thủy sản Đồng Tiến,",
      "Bằng khen,collective,HTX Vận tải Đông Hải,",
    };

    for (guint i = 0; i < G_N_ELEMENTS (collectives); i++, line++)
      {
        g_assert_true (g_str_has_prefix (lines[line],
                                         "3456/QĐ-UBND,2011-12-28,UBND thành phố Hải Phòng,"));
        assert_contains (lines[line], collectives[i]);
      }
  }

  for (guint i = 0; i < G_N_ELEMENTS (city_individuals_annex_order); i++, line++)
    {
      g_autofree char *expected = g_strdup_printf ("Bằng khen,individual,%s,",
                                                   city_individuals_annex_order[i]);

      assert_contains (lines[line], expected);
    }

  /* The person's organisation and position at the time, the achievement, no period. */
  g_assert_cmpstr (lines[9], ==,
                   "3456/QĐ-UBND,2011-12-28,UBND thành phố Hải Phòng,Bằng khen,individual,"
                   "Phạm Đức An,HTX Thủy sản Đồng Tiến,Chủ nhiệm," ACHIEVEMENT ",");
}

/* The decision's page and editor list its recipients in the order of its printed annex, so that
 * the numbers a clerk reads on the screen are those on paper. */
static void
test_annex_order_as_listed (Fixture       *fixture,
                            gconstpointer  data)
{
  AwardsReportRequest request;
  g_autoptr (AwardsReport) report = NULL;
  g_autoptr (AwardsDecision) decision = NULL;
  g_autoptr (GPtrArray) listed = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *csv = NULL;
  g_auto (GStrv) lines = NULL;
  AwardsQuery query;

  awards_report_request_init (&request, AWARDS_REPORT_KIND_DECISION);
  request.decision = "3456/QĐ-UBND";
  report = build (fixture, &request);
  csv = write_string (report, AWARDS_REPORT_FORMAT_CSV);
  lines = g_strsplit (csv, "\n", 0);

  decision = awards_store_find_decision (fixture->store, "3456/QĐ-UBND", 0, &error);
  g_assert_no_error (error);
  awards_query_init (&query);
  query.decision_id = awards_decision_get_id (decision);
  listed = awards_store_list_commendations (fixture->store, &query, AWARDS_ORDER_DECISION,
                                            &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 3 + 5 + 10);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + listed->len + 1);
  for (guint i = 0; i < listed->len; i++)
    {
      g_auto (GStrv) fields = g_strsplit (lines[1 + i], ",", 7);

      g_assert_cmpstr (fields[5], ==,
                       awards_commendation_get_recipient_name (listed->pdata[i]));
    }
}

static void
test_annex_text (Fixture       *fixture,
                 gconstpointer  data)
{
  AwardsReportRequest request;
  g_autoptr (AwardsReport) report = NULL;
  g_autofree char *text = NULL;
  const char *individuals;

  awards_report_request_init (&request, AWARDS_REPORT_KIND_DECISION);
  request.decision = "3456/QĐ-UBND";
  request.annex_order = AWARDS_ANNEX_ORDER_NAME;
  report = build (fixture, &request);
  text = write_string (report, AWARDS_REPORT_FORMAT_TEXT);

  g_assert_true (g_str_has_prefix (text, "DANH SÁCH KHEN THƯỞNG\n"
                                         "(Kèm theo Quyết định số 3456/QĐ-UBND ngày 28/12/2011 "
                                         "của UBND thành phố Hải Phòng)\n\n"
                                         "UBND thành phố Hải Phòng tặng Cờ thi đua xuất sắc cho "
                                         "3 tập thể; tặng Bằng khen cho 5 tập thể và 10 cá "
                                         "nhân.\n"));
  assert_contains (text, "\nI. Cờ thi đua xuất sắc: 3 tập thể\n"
                         "Đã có thành tích xuất sắc trong sản xuất kinh doanh năm 2011.\n");
  assert_contains (text, "\nII. Bằng khen: 5 tập thể\n");
  individuals = strstr (text, "\nIII. Bằng khen: 10 cá nhân\n");
  g_assert_nonnull (individuals);
  assert_contains (individuals, "TT  Họ và tên       Chức vụ         Đơn vị\n");
  assert_contains (individuals, "\n 1  Phạm Đức An     Chủ nhiệm       HTX Thủy sản Đồng Tiến\n");
  assert_contains (individuals, "\n10  Lê Văn Hùng     Tổ trưởng       HTX Điện Kiến An\n");
  g_assert_true (g_str_has_suffix (text, "\nTổng cộng: 8 tập thể và 10 cá nhân.\n"));
}

static void
test_annex_not_found (Fixture       *fixture,
                      gconstpointer  data)
{
  AwardsReportRequest request;
  g_autoptr (AwardsReport) report = NULL;
  g_autoptr (GError) error = NULL;

  awards_report_request_init (&request, AWARDS_REPORT_KIND_DECISION);
  request.decision = "9999/QĐ-UBND";
  report = awards_report_build (fixture->store, &request, &error);
  g_assert_error (error, AWARDS_REPORT_ERROR, AWARDS_REPORT_ERROR_NOT_FOUND);
  g_assert_null (report);
}

/* Organisation record */

static void
test_organisation_record (Fixture       *fixture,
                          gconstpointer  data)
{
  AwardsReportRequest request;
  g_autoptr (AwardsReport) report = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;
  guint collectives, individuals;

  awards_report_request_init (&request, AWARDS_REPORT_KIND_ORGANISATION);
  request.organisation = "htx bach dang";
  report = build (fixture, &request);
  g_assert_cmpstr (awards_report_get_title (report), ==,
                   "Quá trình khen thưởng của HTX Bạch Đằng");

  awards_report_get_totals (report, &collectives, &individuals);
  g_assert_cmpuint (collectives, ==, 2);
  g_assert_cmpuint (individuals, ==, 6);

  csv = write_string (report, AWARDS_REPORT_FORMAT_CSV);
  lines = g_strsplit (csv, "\n", 0);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 8 + 1);

  /* Chronological: the 2010 awards of people who worked there then, Phạm Văn Cường included
   * although he has moved since. */
  g_assert_true (g_str_has_prefix (lines[1], "45/QĐ-LMHTX,2010-12-20,"));
  g_assert_true (g_str_has_prefix (lines[2], "45/QĐ-LMHTX,2010-12-20,"));
  assert_contains (csv, "45/QĐ-LMHTX,2010-12-20,Liên minh HTX thành phố Hải Phòng,Giấy khen,"
                        "individual,Phạm Văn Cường,HTX Bạch Đằng,Tổ trưởng,"
                        "có sáng kiến cải tiến kỹ thuật,\n");
  for (guint i = 3; i <= 8; i++)
    assert_contains (lines[i], ",2011-12-28,");
  assert_contains (csv, "3456/QĐ-UBND,2011-12-28,UBND thành phố Hải Phòng,Cờ thi đua xuất sắc,"
                        "collective,HTX Bạch Đằng,,," ACHIEVEMENT ",2011\n");
  assert_contains (csv, ",Bằng khen,individual,Đỗ Thị Ân,HTX Bạch Đằng,Kế toán trưởng,");
  assert_contains (csv, "789/QĐ-LMHTXVN,2011-12-28,Liên minh HTX Việt Nam,Bằng khen,collective,"
                        "HTX Bạch Đằng,");
  g_assert_null (strstr (csv, "Hoàng Văn Bảy"));

  text = write_string (report, AWARDS_REPORT_FORMAT_TEXT);
  assert_contains (text, "QUÁ TRÌNH KHEN THƯỞNG\nĐơn vị: HTX Bạch Đằng\n");
  assert_contains (text, "HTX Bạch Đằng và người lao động của đơn vị đã được khen thưởng 8 lượt, "
                         "gồm 2 lượt tập thể và 6 lượt cá nhân.");
  assert_contains (text, "Hình thức khen thưởng cao nhất của tập thể: Cờ thi đua xuất sắc của "
                         "UBND thành phố Hải Phòng (năm 2011).");
  assert_contains (text, "45/QĐ-LMHTX 20/12/2010");
  assert_contains (text, "Phạm Văn Cường, Tổ trưởng");
}

static void
test_organisation_moved_person (Fixture       *fixture,
                                gconstpointer  data)
{
  AwardsReportRequest request;
  g_autoptr (AwardsReport) report = NULL;
  g_autofree char *csv = NULL;
  g_auto (GStrv) lines = NULL;

  /* Phạm Văn Cường works at Công ty TNHH Quý Cao today; his 2010 award is not theirs. */
  awards_report_request_init (&request, AWARDS_REPORT_KIND_ORGANISATION);
  request.query.organisation_id = organisation_id (fixture, "Công ty TNHH Quý Cao");
  report = build (fixture, &request);
  csv = write_string (report, AWARDS_REPORT_FORMAT_CSV);

  g_assert_null (strstr (csv, "Phạm Văn Cường"));
  assert_contains (csv, ",Giấy khen,individual,Mai Thị Hương,Công ty TNHH Quý Cao,Thủ kho,");
  assert_contains (csv, ",Cờ thi đua xuất sắc,collective,Công ty TNHH Quý Cao,");
  assert_contains (csv, ",Bằng khen,individual,Hoàng Văn Bảy,");
  assert_contains (csv, ",Bằng khen,individual,Hoàng Thị Yến,");
  lines = g_strsplit (csv, "\n", 0);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 4 + 1);
}

static void
test_organisation_not_found (Fixture       *fixture,
                             gconstpointer  data)
{
  AwardsReportRequest request;
  g_autoptr (AwardsReport) report = NULL;
  g_autoptr (GError) error = NULL;

  awards_report_request_init (&request, AWARDS_REPORT_KIND_ORGANISATION);
  request.organisation = "HTX Không Có";
  report = awards_report_build (fixture->store, &request, &error);
  g_assert_error (error, AWARDS_REPORT_ERROR, AWARDS_REPORT_ERROR_NOT_FOUND);
  g_assert_null (report);
}

/* Yearly statistics */

static void
test_yearly (Fixture       *fixture,
             gconstpointer  data)
{
  AwardsReportRequest request;
  g_autoptr (AwardsReport) report = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;
  const char *table;

  awards_report_request_init (&request, AWARDS_REPORT_KIND_YEARLY);
  request.from_year = 2009;
  request.to_year = 2011;
  report = build (fixture, &request);

  csv = write_string (report, AWARDS_REPORT_FORMAT_CSV);
  g_assert_cmpstr (csv, ==,
                   "year,award,collectives,individuals\n"
                   "2010,Giấy khen,0,4\n"
                   "2011,Cờ thi đua xuất sắc,3,0\n"
                   "2011,Bằng khen,7,17\n"
                   "TOTAL,,10,21\n");

  text = write_string (report, AWARDS_REPORT_FORMAT_TEXT);
  g_assert_true (g_str_has_prefix (text, "THỐNG KÊ KHEN THƯỞNG THEO NĂM\n"
                                         "Từ năm 2009 đến năm 2011\n\n"
                                         "Từ năm 2009 đến năm 2011 có 31 lượt khen thưởng, gồm 10 "
                                         "lượt tập thể và 21 lượt cá nhân.\n"
                                         "Năm có nhiều lượt khen thưởng nhất là năm 2011 "
                                         "(27 lượt).\n\n"));

  /* Years down, award types across (by rank), each split into collectives and individuals. */
  table = strstr (text, "\n Năm  ");
  g_assert_nonnull (table);
  lines = g_strsplit (table + 1, "\n", 0);
  {
    const char *expected[] = {
      " Năm  Cờ thi đua xuất sắc  Bằng khen         Giấy khen         Tổng cộng",
      "        Tập thể   Cá nhân  Tập thể  Cá nhân  Tập thể  Cá nhân  Tập thể  Cá nhân",
      "----  ---------  --------  -------  -------  -------  -------  -------  -------",
      "2009          0         0        0        0        0        0        0        0",
      "2010          0         0        0        0        0        4        0        4",
      "2011          3         0        7       17        0        0       10       17",
      "----  ---------  --------  -------  -------  -------  -------  -------  -------",
      "Cộng          3         0        7       17        0        4       10       21",
    };

    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      g_assert_cmpstr (lines[i], ==, expected[i]);
  }
}

static void
test_yearly_invalid (Fixture       *fixture,
                     gconstpointer  data)
{
  AwardsReportRequest request;
  g_autoptr (AwardsReport) report = NULL;
  g_autoptr (GError) error = NULL;

  awards_report_request_init (&request, AWARDS_REPORT_KIND_YEARLY);
  request.from_year = 2011;
  request.to_year = 2009;
  report = awards_report_build (fixture->store, &request, &error);
  g_assert_error (error, AWARDS_REPORT_ERROR, AWARDS_REPORT_ERROR_INVALID);
  g_assert_null (report);
}

/* Formats */

static void
test_format_names (void)
{
  AwardsReportFormat format;

  g_assert_true (awards_report_format_from_string ("text", &format));
  g_assert_cmpint (format, ==, AWARDS_REPORT_FORMAT_TEXT);
  g_assert_true (awards_report_format_from_string ("CSV", &format));
  g_assert_cmpint (format, ==, AWARDS_REPORT_FORMAT_CSV);
  g_assert_true (awards_report_format_from_string ("pdf", &format));
  g_assert_cmpint (format, ==, AWARDS_REPORT_FORMAT_PDF);
  g_assert_true (awards_report_format_from_string ("xlsx", &format));
  g_assert_cmpint (format, ==, AWARDS_REPORT_FORMAT_XLSX);
  g_assert_false (awards_report_format_from_string ("docx", &format));
  g_assert_false (awards_report_format_from_string (NULL, &format));
}

static void
test_xlsx (Fixture       *fixture,
           gconstpointer  data)
{
  AwardsReportRequest request;
  g_autoptr (AwardsReport) report = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "summary.xlsx", NULL);
  g_autofree char *strings = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  awards_report_request_init (&request, AWARDS_REPORT_KIND_SUMMARY);
  request.query.date_from = "2011-01-01";
  request.query.date_to = "2011-12-31";
  report = build (fixture, &request);

  g_assert_true (awards_report_write_file (report, AWARDS_REPORT_FORMAT_XLSX, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_cmpint (memcmp (contents, "PK", 2), ==, 0);

  strings = run ((const char *[]) { "unzip", "-p", path, "xl/sharedStrings.xml", NULL });
  if (strings == NULL)
    {
      g_test_skip ("unzip is not installed");
      return;
    }
  assert_contains (strings, "BÁO CÁO TỔNG HỢP KHEN THƯỞNG");
  assert_contains (strings, "Cờ thi đua xuất sắc");
  assert_contains (strings, "UBND thành phố Hải Phòng tặng Cờ thi đua xuất sắc cho 3 tập thể");
}

static void
test_write_file_error (Fixture       *fixture,
                                    gconstpointer  data)
{
  AwardsReportRequest request;
  g_autoptr (AwardsReport) report = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "missing", "summary.csv", NULL);

  awards_report_request_init (&request, AWARDS_REPORT_KIND_SUMMARY);
  report = build (fixture, &request);

  g_assert_false (awards_report_write_file (report, AWARDS_REPORT_FORMAT_CSV, path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* PDF */

static char *
write_pdf (Fixture      *fixture,
           AwardsReport *report,
           const char   *name)
{
  g_autoptr (GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_assert_true (awards_report_write_file (report, AWARDS_REPORT_FORMAT_PDF, path, &error));
  g_assert_no_error (error);

  /* REPORT_KEEP_PDF=DIR keeps a copy for looking at the pages. */
  if (g_getenv ("REPORT_KEEP_PDF") != NULL)
    {
      g_autofree char *contents = NULL;
      g_autofree char *copy = g_build_filename (g_getenv ("REPORT_KEEP_PDF"), name, NULL);
      gsize length;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (copy, contents, (gssize) length, NULL));
    }

  return path;
}

static void
test_pdf_summary (Fixture       *fixture,
                  gconstpointer  data)
{
  AwardsReportRequest request;
  g_autoptr (AwardsReport) report = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;

  if (!have_program ("pdftotext"))
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  awards_report_request_init (&request, AWARDS_REPORT_KIND_SUMMARY);
  request.query.date_from = "2011-01-01";
  request.query.date_to = "2011-12-31";
  request.place = "Hải Phòng";
  request.date = "2011-12-28";
  request.signer_title = "Chủ tịch";
  request.signer_name = "Nguyễn Văn Thắng";
  report = build (fixture, &request);
  path = write_pdf (fixture, report, "summary.pdf");

  text = pdf_text (path, 0);
  assert_contains (text, "LIÊN MINH HỢP TÁC XÃ");
  assert_contains (text, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  assert_contains (text, "Độc lập - Tự do - Hạnh phúc");
  assert_contains (text, "Hải Phòng, ngày 28 tháng 12 năm 2011");
  assert_contains (text, "BÁO CÁO TỔNG HỢP KHEN THƯỞNG");
  assert_contains (text, "Từ ngày 01/01/2011 đến ngày 31/12/2011");
  assert_contains (text, "Cơ quan khen thưởng, hình thức khen thưởng");
  assert_contains (text, "UBND thành phố Hải Phòng");
  assert_contains (text, "Cờ thi đua xuất sắc");
  assert_contains (text, "CHỦ TỊCH");
  assert_contains (text, "Nguyễn Văn Thắng");
  assert_contains (text, "Trang 1/1");

  /* The prose wraps across lines on the page; joined up it is the sentence. */
  {
    g_autoptr (GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);

    flat = g_regex_replace_literal (spaces, text, -1, 0, " ", 0, NULL);
  }
  assert_contains (flat, "UBND thành phố Hải Phòng tặng Cờ thi đua xuất sắc cho 3 tập thể; "
                         "tặng Bằng khen cho 5 tập thể và 10 cá nhân.");
}

/* A long name of the governing body wraps inside the office's block: it must not reach the
 * nation's block beside it, which would read as one line with it. */
static void
test_pdf_letterhead_columns_apart (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AwardsReport) report = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;
  AwardsReportRequest request;
  gboolean seen = FALSE;

  if (!have_program ("pdftotext"))
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  g_assert_true (awards_store_set_setting (fixture->store, "office.parent",
                                           "Ủy ban nhân dân thành phố Hải Phòng", &error));
  g_assert_no_error (error);
  awards_report_request_init (&request, AWARDS_REPORT_KIND_SUMMARY);
  request.query.date_from = "2011-01-01";
  request.query.date_to = "2011-12-31";
  report = build (fixture, &request);
  path = write_pdf (fixture, report, "letterhead.pdf");
  {
    const char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", "-l", "1", path, "-", NULL };

    text = run (argv);
  }
  lines = g_strsplit (text, "\n", 0);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *nation = strstr (lines[i], "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");

      if (nation == NULL)
        continue;
      seen = TRUE;
      /* A wide gap before the nation's name: the office's text ends well before it. */
      g_assert_true (nation - lines[i] >= 4 && strncmp (nation - 4, "    ", 4) == 0);
    }
  g_assert_true (seen);
  assert_contains (text, "ỦY BAN NHÂN DÂN THÀNH PHỐ");
}

/* Every sentence "Câu N: …" from 1 to @n is in @pdf_text, in order: its number, since a page
 * may break the line between "Câu" and the number, and the next page begins with the table's
 * header. */
static void
assert_all_sentences (const char *pdf_text,
                      guint       n)
{
  g_autofree char *flat = g_strdup (pdf_text);
  const char *at = flat;

  /* pdftotext breaks the lines of a cell where the PDF does: read them as one text. */
  g_strdelimit (flat, "\n", ' ');
  for (guint i = 1; i <= n; i++)
    {
      g_autofree char *sentence = g_strdup_printf (" %u: ", i);
      const char *found = strstr (at, sentence);

      if (found == NULL)
        g_error ("“%s” is missing from the PDF", sentence);
      at = found;
    }
}

/* An achievement longer than a page goes on over the pages: in the organisation's record, its
 * row continues page after page under the header; in the decision's annex, its paragraph. No
 * sentence is lost, none runs over the footer. */
static void
test_pdf_longer_than_a_page (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AwardsCommendation) award = NULL;
  g_autoptr (AwardsDecision) decision = NULL;
  g_autoptr (AwardsOrganisation) organisation = NULL;
  g_autoptr (GString) long_text = g_string_new (NULL);
  AwardsReportRequest request;
  gint64 organisation_id;
  const guint n = 150;

  if (!have_program ("pdftotext"))
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  for (guint i = 1; i <= n; i++)
    g_string_append_printf (long_text, "Câu %u: đã có thành tích xuất sắc trong sản xuất kinh "
                                       "doanh, ổn định việc làm cho xã viên. ", i);
  award = awards_store_get_commendation (fixture->store, 1, &error);
  g_assert_no_error (error);
  awards_commendation_set_achievement (award, long_text->str);
  g_assert_true (awards_store_update_commendation (fixture->store, award, &error));
  g_assert_no_error (error);
  decision = awards_store_get_decision (fixture->store,
                                        awards_commendation_get_decision_id (award), &error);
  g_assert_no_error (error);
  organisation_id = awards_commendation_get_organisation_id (award) > 0
                    ? awards_commendation_get_organisation_id (award)
                    : awards_commendation_get_organisation_at_time_id (award);
  organisation = awards_store_get_organisation (fixture->store, organisation_id, &error);
  g_assert_no_error (error);

  for (guint kind = 0; kind < 2; kind++)
    {
      g_autoptr (AwardsReport) report = NULL;
      g_autofree char *path = NULL;
      g_autofree char *all = NULL;
      g_autofree char *first_page = NULL;
      g_autofree char *name = g_strdup_printf ("long-%u.pdf", kind);

      awards_report_request_init (&request, kind == 0 ? AWARDS_REPORT_KIND_ORGANISATION
                                                      : AWARDS_REPORT_KIND_DECISION);
      request.organisation = awards_organisation_get_name (organisation);
      request.decision = awards_decision_get_number (decision);
      report = build (fixture, &request);
      path = write_pdf (fixture, report, name);
      all = pdf_text (path, 0);
      assert_all_sentences (all, n);
      assert_contains (all, "Trang 3/");
      /* The record's first page shows the award's row from its top: its decision. */
      first_page = pdf_text (path, 1);
      if (kind == 0)
        assert_contains (first_page, awards_decision_get_number (decision));
    }
}

static void
test_pdf_long_annex (Fixture       *fixture,
                     gconstpointer  data)
{
  AwardsReportRequest request;
  g_autoptr (AwardsReport) report = NULL;
  g_autoptr (AwardsReportPrinter) printer = NULL;
  g_autofree char *path = NULL;
  g_autofree char *page1 = NULL;
  g_autofree char *page2 = NULL;
  g_autofree char *all = NULL;

  if (!have_program ("pdftotext"))
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  awards_test_fill_long_decision (fixture->store, 300);

  awards_report_request_init (&request, AWARDS_REPORT_KIND_DECISION);
  request.decision = "999/QĐ-LMHTX";
  request.place = "Hải Phòng";
  report = build (fixture, &request);
  path = write_pdf (fixture, report, "annex.pdf");

  page1 = pdf_text (path, 1);
  /* The issuing body breaks before the place, as headers are set. */
  assert_contains (page1, "LIÊN MINH HTX\nTHÀNH PHỐ HẢI PHÒNG\n");
  assert_contains (page1, "Hải Phòng, ngày 30 tháng 12 năm 2012");
  assert_contains (page1, "DANH SÁCH KHEN THƯỞNG");
  assert_contains (page1, "Họ và tên");
  assert_contains (page1, "Trang 1/");

  /* The table's header row is repeated at the top of the next page; the page header is not. */
  page2 = pdf_text (path, 2);
  assert_contains (page2, "Họ và tên");
  assert_contains (page2, "Chức vụ");
  assert_contains (page2, "Đơn vị");
  assert_contains (page2, "Trang 2/");
  g_assert_null (strstr (page2, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));

  all = pdf_text (path, 0);
  assert_contains (all, "Tổng cộng: 300 cá nhân.");
  assert_contains (all, "Hợp tác xã Dịch vụ Nông nghiệp");

  /* The printer the window uses lays out the same pages. */
  printer = awards_report_printer_new (report);
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
    cairo_t *cr = cairo_create (surface);
    PangoContext *context = pango_cairo_create_context (cr);
    g_autofree char *trailer = NULL;
    guint n_pages;

    pango_cairo_context_set_resolution (context, 72);
    awards_report_printer_paginate (printer, context, 595.276, 841.89);
    n_pages = awards_report_printer_get_n_pages (printer);
    g_assert_cmpuint (n_pages, >=, 3);
    trailer = g_strdup_printf ("Trang %u/%u", n_pages, n_pages);
    assert_contains (all, trailer);
    awards_report_printer_draw_page (printer, cr, n_pages - 1);
    g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);

    g_object_unref (context);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
}

static void
test_pdf_other_kinds (Fixture       *fixture,
                      gconstpointer  data)
{
  AwardsReportRequest request;
  g_autoptr (AwardsReport) organisation = NULL;
  g_autoptr (AwardsReport) yearly = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  if (!have_program ("pdftotext"))
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  awards_report_request_init (&request, AWARDS_REPORT_KIND_ORGANISATION);
  request.organisation = "HTX Bạch Đằng";
  organisation = build (fixture, &request);
  path = write_pdf (fixture, organisation, "organisation.pdf");
  text = pdf_text (path, 0);
  assert_contains (text, "QUÁ TRÌNH KHEN THƯỞNG");
  assert_contains (text, "Phạm Văn Cường");
  assert_contains (text, "3456/QĐ-UBND");
  g_clear_pointer (&path, g_free);
  g_clear_pointer (&text, g_free);

  awards_report_request_init (&request, AWARDS_REPORT_KIND_YEARLY);
  request.from_year = 2005;
  request.to_year = 2011;
  yearly = build (fixture, &request);
  path = write_pdf (fixture, yearly, "yearly.pdf");
  text = pdf_text (path, 0);
  assert_contains (text, "THỐNG KÊ KHEN THƯỞNG THEO NĂM");
  assert_contains (text, "Tập thể");
  assert_contains (text, "2008");
}

/* 10,000 recipients come out as one PDF (how fast is measured by bench/report-pdf.c, not here:
 * a timing limit fails on a loaded machine or under the sanitizers without any bug). */
static void
test_pdf_annex_10000 (Fixture       *fixture,
                      gconstpointer  data)
{
  AwardsReportRequest request;
  g_autoptr (AwardsReport) report = NULL;
  g_autoptr (GOutputStream) out = NULL;
  g_autoptr (GError) error = NULL;
  const char *pdf;
  gsize size;

  awards_test_fill_long_decision (fixture->store, 10000);

  awards_report_request_init (&request, AWARDS_REPORT_KIND_DECISION);
  request.decision = "999/QĐ-LMHTX";
  report = build (fixture, &request);
  out = g_memory_output_stream_new_resizable ();
  g_assert_true (awards_report_write (report, AWARDS_REPORT_FORMAT_PDF, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (out, NULL, NULL));

  pdf = g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out));
  size = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out));
  g_assert_cmpuint (size, >, 10000);
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
  g_assert_nonnull (g_strstr_len (pdf + size - MIN (size, 1024), MIN (size, 1024), "%%EOF"));
}

int
main (int   argc,
      char *argv[])
{
  gboolean server;

  /* Messages with Vietnamese in them are printed as such, not as question marks. */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  server = awards_test_pg_available ();
#define ADD(path, func) \
  G_STMT_START { \
    g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down); \
    if (server) \
      g_test_add ("/server" path, Fixture, "server", fixture_set_up, func, fixture_tear_down); \
  } G_STMT_END
#define ADD_EMPTY(path, func) \
  G_STMT_START { \
    g_test_add (path, Fixture, "empty", fixture_set_up, func, fixture_tear_down); \
    if (server) \
      g_test_add ("/server" path, Fixture, "server-empty", fixture_set_up, func, \
                  fixture_tear_down); \
  } G_STMT_END

  ADD ("/report/summary/numbers", test_summary_numbers);
  ADD ("/report/summary/csv", test_summary_csv);
  ADD ("/report/summary/all-time-order", test_summary_all_time_order);
  ADD ("/report/summary/filters", test_summary_filters);
  ADD ("/report/summary/prose", test_summary_prose);
  ADD ("/report/summary/text-table", test_summary_text_table);
  ADD ("/report/summary/empty", test_summary_empty);
  ADD_EMPTY ("/report/summary/csv-quoting", test_csv_quoting);
  ADD ("/report/decision/annex-order", test_annex_order);
  ADD ("/report/decision/annex-order-as-listed", test_annex_order_as_listed);
  ADD ("/report/decision/text", test_annex_text);
  ADD ("/report/decision/not-found", test_annex_not_found);
  ADD ("/report/organisation/record", test_organisation_record);
  ADD ("/report/organisation/moved-person", test_organisation_moved_person);
  ADD ("/report/organisation/not-found", test_organisation_not_found);
  ADD ("/report/yearly/table", test_yearly);
  ADD ("/report/yearly/invalid", test_yearly_invalid);
  g_test_add_func ("/report/format/names", test_format_names);
  ADD ("/report/format/xlsx", test_xlsx);
  ADD ("/report/format/write-file-error", test_write_file_error);
  ADD ("/report/pdf/summary", test_pdf_summary);
  ADD ("/report/pdf/longer-than-a-page", test_pdf_longer_than_a_page);
  ADD ("/report/pdf/letterhead-columns-apart", test_pdf_letterhead_columns_apart);
  ADD_EMPTY ("/report/pdf/long-annex", test_pdf_long_annex);
  ADD ("/report/pdf/other-kinds", test_pdf_other_kinds);
  /* Ten thousand awards written row by row are a file's test only. */
  g_test_add ("/report/pdf/annex-10000", Fixture, "empty", fixture_set_up, test_pdf_annex_10000,
              fixture_tear_down);
  if (!server)
    g_test_add_func ("/server/skipped", awards_test_pg_skip);

  return g_test_run ();
}
