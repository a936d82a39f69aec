/* test-report-numbers.c: counts of thousands in the report body under a Vietnamese locale
 * ("1.200"), while CSV and XLSX keep plain numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "awards-count-format.h"
#include "awards-report.h"
#include "awards-test-util.h"

typedef struct
{
  char        *dir;
  AwardsStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = awards_test_make_dir ("test-report-numbers");
  path = g_build_filename (fixture->dir, "awards.db", NULL);
  fixture->store = awards_store_open (path, &error);
  g_assert_no_error (error);
  /* One decision of 1,200 individual awards (Giấy khen, 30/12/2012). */
  awards_test_fill_long_decision (fixture->store, 1200);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  awards_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static AwardsReport *
build_summary (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;
  AwardsReportRequest request;
  AwardsReport *report;

  awards_report_request_init (&request, AWARDS_REPORT_KIND_SUMMARY);
  report = awards_report_build (fixture->store, &request, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

/* The file @format writes, read back: text as it is, PDF through pdftotext, XLSX as the XML
 * of its sheet. %NULL when the program needed to read it is missing. */
static char *
write_and_read (Fixture            *fixture,
                AwardsReport       *report,
                AwardsReportFormat  format,
                const char         *name)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  const char *pdf_argv[] = { "pdftotext", "-enc", "UTF-8", "-layout", path, "-", NULL };
  const char *xlsx_argv[] = { "unzip", "-p", path, "xl/worksheets/sheet1.xml", NULL };
  const char * const *argv = NULL;
  g_autofree char *program = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (awards_report_write_file (report, format, path, &error));
  g_assert_no_error (error);

  if (format == AWARDS_REPORT_FORMAT_PDF)
    argv = pdf_argv;
  else if (format == AWARDS_REPORT_FORMAT_XLSX)
    argv = xlsx_argv;
  else
    {
      g_assert_true (g_file_get_contents (path, &out, NULL, &error));
      g_assert_no_error (error);
      return out;
    }

  program = g_find_program_in_path (argv[0]);
  if (program == NULL)
    return NULL;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
test_format (void)
{
  g_autofree char *small = awards_count_format (999);
  g_autofree char *thousands = awards_count_format (69793);
  g_autofree char *millions = awards_count_format (1000000);
  guint64 value = 0;

  g_assert_cmpstr (small, ==, "999");
  g_assert_cmpstr (thousands, ==, "69.793");
  g_assert_cmpstr (millions, ==, "1.000.000");

  g_assert_true (awards_count_parse ("69.793", &value));
  g_assert_cmpuint (value, ==, 69793);
  g_assert_true (awards_count_parse ("69793", &value));
  g_assert_cmpuint (value, ==, 69793);
  g_assert_true (awards_count_parse ("1.000.000", &value));
  g_assert_cmpuint (value, ==, 1000000);
  g_assert_false (awards_count_parse ("6.9793", &value));
  g_assert_false (awards_count_parse ("1.2", &value));
  g_assert_false (awards_count_parse (".123", &value));
  g_assert_false (awards_count_parse ("3457/QĐ", &value));
  g_assert_false (awards_count_parse ("", &value));
}

static void
test_text_and_pdf (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr (AwardsReport) report = build_summary (fixture);
  g_autofree char *text = write_and_read (fixture, report, AWARDS_REPORT_FORMAT_TEXT,
                                          "summary.txt");
  g_autofree char *pdf = NULL;

  /* The sentence, the table's cells and the total. */
  g_assert_nonnull (strstr (text, "cho 1.200 cá nhân"));
  g_assert_nonnull (strstr (text, "Tổng cộng: 1.200 lượt khen thưởng"));
  g_assert_null (strstr (text, "1200"));

  pdf = write_and_read (fixture, report, AWARDS_REPORT_FORMAT_PDF, "summary.pdf");
  if (pdf == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }
  g_assert_nonnull (strstr (pdf, "1.200"));
  g_assert_null (strstr (pdf, "1200"));
}

static void
test_csv_and_xlsx_plain (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr (AwardsReport) report = build_summary (fixture);
  g_autofree char *csv = write_and_read (fixture, report, AWARDS_REPORT_FORMAT_CSV,
                                         "summary.csv");
  g_autofree char *sheet = NULL;

  g_assert_nonnull (strstr (csv, ",1200"));
  g_assert_null (strstr (csv, "1.200"));

  sheet = write_and_read (fixture, report, AWARDS_REPORT_FORMAT_XLSX, "summary.xlsx");
  if (sheet == NULL)
    {
      g_test_skip ("unzip is not installed");
      return;
    }
  /* A number cell, not the text "1.200". */
  g_assert_nonnull (strstr (sheet, "<v>1200</v>"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* The environment asks for vi_VN.UTF-8 and the Vietnamese catalogue; where the locale is not
   * installed there is nothing to test (tools/test and the CI script generate it). */
  if (setlocale (LC_ALL, "") == NULL || g_strcmp0 (setlocale (LC_NUMERIC, NULL), "C.UTF-8") == 0)
    {
      g_test_skip ("the vi_VN.UTF-8 locale is not installed");
      return g_test_run ();
    }

  g_test_add_func ("/report/numbers/format", test_format);
  g_test_add ("/report/numbers/text-and-pdf", Fixture, NULL, fixture_set_up, test_text_and_pdf,
              fixture_tear_down);
  g_test_add ("/report/numbers/csv-and-xlsx-plain", Fixture, NULL, fixture_set_up,
              test_csv_and_xlsx_plain, fixture_tear_down);

  return g_test_run ();
}
