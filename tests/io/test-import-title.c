/* test-import-title.c: a CSV whose header row sits below a title block imports as the
 * spreadsheets do, with the file's own line numbers in its messages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "awards-import-check.h"
#include "io-test-util.h"

/* What an office's sheet saved as CSV starts with: the authority and the motto side by side,
 * the list's title, a blank line. */
#define TITLE_BLOCK \
  "UBND THÀNH PHỐ HẢI PHÒNG,,,,,,CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM,,,,\n" \
  ",,,,,,Độc lập - Tự do - Hạnh phúc,,,,\n" \
  "DANH SÁCH KHEN THƯỞNG NĂM 2011,,,,,,,,,,\n" \
  ",,,,,,,,,,\n"

#define VI_HEADER \
  "STT,Số QĐ,Ngày QĐ,Cấp khen,Hình thức khen thưởng,Đối tượng,Họ và tên,Đơn vị,Chức vụ," \
  "Thành tích,Năm\n"

static void
test_title_block (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsImporter) importer = NULL;

  g_assert_true (import_text (fixture,
                              TITLE_BLOCK VI_HEADER
                              "1,3456/QĐ-UBND,28/12/2011,UBND thành phố Hải Phòng,Bằng khen,"
                                "Tập thể,HTX Bạch Đằng,,,,2011\n"
                              "2,3456/QĐ-UBND,28/12/2011,UBND thành phố Hải Phòng,Bằng khen,"
                                "Cá nhân,Trần Văn Bảy,HTX Bạch Đằng,Chủ nhiệm,,2011\n",
                              FALSE, &importer, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_commendations (fixture->store), ==, 2);
}

static void
test_title_block_line_numbers (Fixture       *fixture,
                               gconstpointer  data)
{
  /* The title block is lines 1–4, the header line 5; the bad row is line 7. */
  assert_import_fails (fixture,
                       TITLE_BLOCK VI_HEADER
                       "1,3456/QĐ-UBND,28/12/2011,UBND thành phố Hải Phòng,Bằng khen,"
                         "Tập thể,HTX Bạch Đằng,,,,2011\n"
                       "2,3456/QĐ-UBND,31/02/2011,UBND thành phố Hải Phòng,Bằng khen,"
                         "Tập thể,HTX Đan Phượng,,,,2011\n",
                       "awards.csv:7: invalid date “31/02/2011” in column Ngày QĐ");
}

/* The preview the window shows before "Import" reads the same rows. */
static void
test_title_block_preview (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsImporter) importer = awards_importer_new (fixture->store);
  g_autofree char *path = write_file (fixture, "awards.csv",
                                      TITLE_BLOCK VI_HEADER
                                      "1,3456/QĐ-UBND,28/12/2011,UBND thành phố Hải Phòng,"
                                        "Bằng khen,Tập thể,HTX Bạch Đằng,,,,2011\n"
                                      "2,3456/QĐ-UBND,31/02/2011,UBND thành phố Hải Phòng,"
                                        "Bằng khen,Tập thể,HTX Đan Phượng,,,,2011\n");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AwardsImportCheck) check = NULL;
  const AwardsCheckedRow *row;

  check = awards_import_check_file (importer, file, 50, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (check);
  g_assert_null (check->error);
  g_assert_cmpuint (check->n_rows, ==, 2);
  g_assert_cmpuint (check->rows->len, ==, 2);
  row = g_ptr_array_index (check->rows, 0);
  g_assert_cmpuint (row->line, ==, 6);
  g_assert_null (row->problem);
  row = g_ptr_array_index (check->rows, 1);
  g_assert_cmpuint (row->line, ==, 7);
  g_assert_nonnull (row->problem);
  g_assert_nonnull (strstr (row->problem, "31/02/2011"));
}

static void
test_title_block_without_header (Fixture       *fixture,
                                 gconstpointer  data)
{
  assert_import_fails (fixture, TITLE_BLOCK,
                       "awards.csv:1: no row names the columns of the list "
                       "(such as “Họ và tên” and “Hình thức khen thưởng”)");
}

static void
test_header_problems_still_said (Fixture       *fixture,
                                 gconstpointer  data)
{
  /* A row that names a column is the header, wrong or not. */
  assert_import_fails (fixture,
                       TITLE_BLOCK
                       "decision_date,authority,award,recipient_type\n"
                       "2011-12-28,UBND,Bằng khen,collective\n",
                       "awards.csv:5: missing column “recipient”");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/import/csv-title/imports", test_title_block);
  ADD ("/import/csv-title/line-numbers", test_title_block_line_numbers);
  ADD ("/import/csv-title/preview", test_title_block_preview);
  ADD ("/import/csv-title/without-header", test_title_block_without_header);
  ADD ("/import/csv-title/header-problems", test_header_problems_still_said);

  return g_test_run ();
}
