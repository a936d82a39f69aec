/* test-export.c: exporting the flat award list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "io-test-util.h"

/* Fields that need quoting, a decision without a number and Vietnamese recipient types. */
#define TRICKY \
  HEADER \
  "5/QĐ-UBND,2012-01-05,UBND huyện An Lão,Giấy khen,collective," \
    "\"HTX Dịch vụ, Thương mại \"\"Hòa Bình\"\"\",,,\"sản xuất, kinh doanh giỏi\",2011\n" \
  "5/QĐ-UBND,05/01/2012,UBND huyện An Lão,Giấy khen,cá nhân,Trần Văn Bảy,HTX An Tiến," \
    "\"Kế toán; thủ quỹ\",,2011\n" \
  ",2010-03-08,UBND huyện An Lão,Giấy khen,tập thể,HTX An Tiến,,,,\n"

static void
import_or_die (Fixture    *fixture,
               const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (import_text (fixture, contents, FALSE, NULL, &error));
  g_assert_no_error (error);
}

static char *
export_csv_text (AwardsStore       *store,
                 const AwardsQuery *query,
                 guint             *n_rows)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();

  g_assert_true (awards_export_csv_to_stream (store, query, stream, n_rows, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (stream, "", 1, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (stream, NULL, &error));

  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
}

static void
test_export_csv (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *text = NULL;
  guint n_rows = 0;

  import_or_die (fixture, TRICKY);
  text = export_csv_text (fixture->store, NULL, &n_rows);

  g_assert_cmpuint (n_rows, ==, 3);
  g_assert_cmpstr (text, ==,
                   HEADER
                   ",2010-03-08,UBND huyện An Lão,Giấy khen,collective,HTX An Tiến,,,,\n"
                   "5/QĐ-UBND,2012-01-05,UBND huyện An Lão,Giấy khen,collective,"
                   "\"HTX Dịch vụ, Thương mại \"\"Hòa Bình\"\"\",,,\"sản xuất, kinh doanh giỏi\","
                   "2011\n"
                   "5/QĐ-UBND,2012-01-05,UBND huyện An Lão,Giấy khen,individual,Trần Văn Bảy,"
                   "HTX An Tiến,\"Kế toán; thủ quỹ\",,2011\n");
}

static void
test_export_empty (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *text = NULL;
  guint n_rows = 99;

  text = export_csv_text (fixture->store, NULL, &n_rows);
  g_assert_cmpuint (n_rows, ==, 0);
  g_assert_cmpstr (text, ==, HEADER);
}

static void
test_export_query (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  AwardsQuery query;
  guint n_rows = 0;

  import_or_die (fixture, HAI_PHONG_2011);
  import_or_die (fixture, TRICKY);

  awards_query_init (&query);
  query.recipient_kind = AWARDS_RECIPIENT_KIND_INDIVIDUAL;
  query.date_from = "2011-01-01";
  query.date_to = "2011-12-31";
  text = export_csv_text (fixture->store, &query, &n_rows);
  g_assert_cmpuint (n_rows, ==, 17);

  lines = g_strsplit (text, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 19);
  for (guint i = 1; i < 18; i++)
    g_assert_nonnull (strstr (lines[i], ",2011-12-28,"));
  g_assert_cmpstr (lines[18], ==, "");
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static void
test_export_round_trip (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first_path = g_build_filename (fixture->dir, "first.csv", NULL);
  g_autofree char *second_path = g_build_filename (fixture->dir, "second.csv", NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  Fixture other = { 0, };
  guint n_rows = 0;

  import_or_die (fixture, HAI_PHONG_2011);
  import_or_die (fixture, TRICKY);
  import_or_die (fixture,
                 HEADER
                 "6/QĐ-UBND,2013-04-30,UBND huyện An Lão,Giấy khen,individual,Trần Văn Bảy,"
                 "HTX An Tiến,,\"dòng một\ndòng hai\",2012\n"
                 "6/QĐ-UBND,2013-04-30,UBND huyện An Lão,Giấy khen,individual,Lê Thị Hoa,"
                 "\"HTX Dịch vụ, Thương mại \"\"Hòa Bình\"\"\",\" Tổ trưởng \",,2012\n");

  g_assert_true (awards_export_to_path (fixture->store, NULL, AWARDS_EXPORT_FORMAT_CSV,
                                        first_path, &n_rows, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_rows, ==, 32);

  fixture_set_up (&other, NULL);
  {
    g_autoptr(AwardsImporter) importer = awards_importer_new (other.store);
    g_autoptr(GFile) file = g_file_new_for_path (first_path);

    g_assert_true (awards_importer_import_file (importer, file, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (awards_importer_get_n_added (importer), ==, 32);
  }

  g_assert_true (awards_export_to_path (other.store, NULL, AWARDS_EXPORT_FORMAT_CSV,
                                        second_path, &n_rows, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_rows, ==, 32);
  fixture_tear_down (&other, NULL);

  first = read_file (first_path);
  second = read_file (second_path);
  g_assert_true (g_str_has_prefix (first, HEADER));
  g_assert_cmpstr (first, ==, second);
}

static void
test_export_replaces_file (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_file (fixture, "out.csv", "old contents that are longer\n");
  g_autofree char *text = NULL;

  import_or_die (fixture, TRICKY);
  g_assert_true (awards_export_to_path (fixture->store, NULL, AWARDS_EXPORT_FORMAT_CSV, path,
                                        NULL, NULL, &error));
  g_assert_no_error (error);

  text = read_file (path);
  g_assert_true (g_str_has_prefix (text, HEADER ",2010-03-08,"));
}

static void
test_export_stdout (Fixture       *fixture,
                    gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;

      import_or_die (fixture, HAI_PHONG_2011);
      g_assert_true (awards_export_to_path (fixture->store, NULL, AWARDS_EXPORT_FORMAT_CSV, "-",
                                            NULL, NULL, &error));
      g_assert_no_error (error);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout (HEADER "3456/QĐ-UBND,2011-12-28,UBND thành phố Hải Phòng,"
                             "Cờ thi đua xuất sắc,collective,Liên minh HTX thành phố Hải Phòng,"
                             "*Bùi Văn Khoa,Liên minh HTX thành phố Hải Phòng,Trưởng ban,"
                             "đã có thành tích trong phong trào HTX,2011\n");
}

static void
test_export_format_names (void)
{
  AwardsExportFormat format = AWARDS_EXPORT_FORMAT_CSV;

  g_assert_true (awards_export_format_from_string ("XLSX", &format));
  g_assert_cmpint (format, ==, AWARDS_EXPORT_FORMAT_XLSX);
  g_assert_true (awards_export_format_from_string ("csv", &format));
  g_assert_cmpint (format, ==, AWARDS_EXPORT_FORMAT_CSV);
  g_assert_false (awards_export_format_from_string ("ods", &format));
  g_assert_false (awards_export_format_from_string (NULL, &format));
  g_assert_cmpstr (awards_export_format_to_string (AWARDS_EXPORT_FORMAT_XLSX), ==, "xlsx");
}

static void
test_export_xlsx (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "awards.xlsx", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *unzip = g_find_program_in_path ("unzip");
  gsize length = 0;
  guint n_rows = 0;

  import_or_die (fixture, HAI_PHONG_2011);
  g_assert_true (awards_export_to_path (fixture->store, NULL, AWARDS_EXPORT_FORMAT_XLSX, path,
                                        &n_rows, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_rows, ==, 27);

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 2);
  g_assert_cmpmem (contents, 2, "PK", 2);

  if (unzip == NULL)
    {
      g_test_skip ("unzip is not installed: the workbook's text is not checked");
      return;
    }

  {
    const char *argv[] = { unzip, "-p", path, "xl/sharedStrings.xml", NULL };
    g_autofree char *out = NULL;
    int status = 0;

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status,
                  &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (out, "Đan Đức Hiệp"));
    g_assert_nonnull (strstr (out, "decision_number"));
    g_assert_nonnull (strstr (out, "2011-12-28"));
  }
}

typedef struct
{
  gboolean done;
  gboolean ok;
  guint    n_rows;
  GError  *error;
} AsyncResult;

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  AsyncResult *async = user_data;

  async->ok = awards_export_to_path_finish (AWARDS_STORE (source), result, &async->n_rows,
                                            &async->error);
  async->done = TRUE;
}

static void
test_export_async (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "async.csv", NULL);
  g_autofree char *text = NULL;
  AsyncResult async = { 0, };
  AwardsQuery query;

  import_or_die (fixture, HAI_PHONG_2011);

  awards_query_init (&query);
  query.recipient_kind = AWARDS_RECIPIENT_KIND_COLLECTIVE;
  awards_export_to_path_async (fixture->store, &query, AWARDS_EXPORT_FORMAT_CSV, path, NULL,
                               export_done_cb, &async);
  while (!async.done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_no_error (async.error);
  g_assert_true (async.ok);
  g_assert_cmpuint (async.n_rows, ==, 10);
  text = read_file (path);
  g_assert_null (strstr (text, ",individual,"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  /* Each test on a file, and again on a database on the test server. */
#define ADD(path, func) \
  G_STMT_START { \
    g_test_add ("/io/export/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down); \
    if (awards_test_pg_available ()) \
      g_test_add ("/server/io/export/" path, Fixture, io_test_on_server, fixture_set_up, func, \
                  fixture_tear_down); \
  } G_STMT_END
  if (!awards_test_pg_available ())
    g_test_add_func ("/server/skipped", awards_test_pg_skip);

  ADD ("csv", test_export_csv);
  ADD ("empty", test_export_empty);
  ADD ("query", test_export_query);
  ADD ("round-trip", test_export_round_trip);
  ADD ("replaces-file", test_export_replaces_file);
  ADD ("stdout", test_export_stdout);
  ADD ("xlsx", test_export_xlsx);
  ADD ("async", test_export_async);
  g_test_add_func ("/io/export/format-names", test_export_format_names);

  return g_test_run ();
}
