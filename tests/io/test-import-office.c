/* test-import-office.c: award lists as a provincial office keeps them, not as export writes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "awards-import-check.h"
#include "awards-import-columns.h"
#include "awards-store-private.h"
#include "awards-text.h"
#include "io-test-util.h"

/* One decision number typed four ways, as clerks do from row to row, is one decision. */
static void
test_decision_number_spacing (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) decisions = NULL;

  g_assert_true (import_text (fixture,
                              HEADER
                              "1234/QĐ-UBND,28/12/2019,UBND tỉnh Nam Định,Bằng khen,tập thể,"
                              "HTX Nông nghiệp Yên Tiến,,,,2019\n"
                              "1234 / QĐ-UBND,28/12/2019,UBND tỉnh Nam Định,Bằng khen,tập thể,"
                              "HTX Dịch vụ Hải Hậu,,,,2019\n"
                              " 1234/ QĐ - UBND ,28/12/2019,UBND tỉnh Nam Định,Bằng khen,tập thể,"
                              "HTX Thủy sản Giao Thủy,,,,2019\n"
                              /* Ð (eth), as text converted from VNI or TCVN3 fonts has it */
                              "1234/Q\xc3\x90-UBND,28/12/2019,UBND tỉnh Nam Định,Bằng khen,tập thể,"
                              "HTX Muối Bạch Long,,,,2019\n",
                              FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_commendations (fixture->store), ==, 4);

  decisions = awards_store_list_decisions (fixture->store, NULL, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (decisions->len, ==, 1);
  g_assert_cmpstr (awards_decision_get_number (g_ptr_array_index (decisions, 0)), ==,
                   "1234/QĐ-UBND");

  /* A later list that spaces it again finds the same decision, and refuses the repeat. */
  g_assert_false (import_text (fixture,
                               HEADER
                               "1234 /QĐ-UBND,28/12/2019,UBND tỉnh Nam Định,Bằng khen,tập thể,"
                               "HTX Nông nghiệp Yên Tiến,,,,2019\n",
                               FALSE, NULL, &error));
  g_assert_error (error, AWARDS_IMPORT_ERROR, AWARDS_IMPORT_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "awards.csv:2: "));
  g_assert_cmpuint (count_commendations (fixture->store), ==, 4);
}

/* A decision saved before numbers were stored in one form keeps the key of the number as it was
 * typed: a list that types it the same way again, and a look-up by that number, find it. */
static void
test_decision_number_saved_as_typed (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) decisions = NULL;
  g_autoptr(AwardsDecision) found = NULL;
  g_autofree char *key = awards_text_name_key ("77 / QĐ-UBND");
  g_autofree char *sql = NULL;

  g_assert_true (import_text (fixture,
                              HEADER
                              "77/QĐ-UBND,28/12/2019,UBND tỉnh Nam Định,Bằng khen,tập thể,"
                              "HTX Nông nghiệp Yên Tiến,,,,2019\n",
                              FALSE, NULL, &error));
  g_assert_no_error (error);
  /* As an earlier version stored it. */
  sql = g_strdup_printf ("UPDATE decision SET number = '77 / QĐ-UBND', number_key = '%s'", key);
  g_assert_true (awards_store_exec (fixture->store, sql, NULL));

  g_assert_true (import_text (fixture,
                              HEADER
                              "77 / QĐ-UBND,28/12/2019,UBND tỉnh Nam Định,Bằng khen,tập thể,"
                              "HTX Dịch vụ Hải Hậu,,,,2019\n",
                              FALSE, NULL, &error));
  g_assert_no_error (error);
  decisions = awards_store_list_decisions (fixture->store, NULL, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (decisions->len, ==, 1);
  g_assert_cmpuint (count_commendations (fixture->store), ==, 2);

  found = awards_store_find_decision (fixture->store, "77 / QĐ-UBND", 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_clear_object (&found);
  /* The number in its written form finds a decision stored in it. */
  g_assert_true (import_text (fixture,
                              HEADER
                              "78 / QĐ-UBND,29/12/2019,UBND tỉnh Nam Định,Bằng khen,tập thể,"
                              "HTX Dịch vụ Hải Hậu,,,,2019\n",
                              FALSE, NULL, &error));
  g_assert_no_error (error);
  found = awards_store_find_decision (fixture->store, "78 / QĐ - UBND", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (awards_decision_get_number (found), ==, "78/QĐ-UBND");

  /* Both forms in use, by a decision saved as typed and another under the written form: the
   * written form's is the one a row names. The other, of another date, would refuse the row. */
  g_assert_true (import_text (fixture,
                              HEADER
                              "79/QĐ-UBND,30/12/2019,UBND tỉnh Nam Định,Bằng khen,tập thể,"
                              "HTX Dịch vụ Hải Hậu,,,,2019\n",
                              FALSE, NULL, &error));
  g_assert_no_error (error);
  g_free (key);
  key = awards_text_name_key ("79 / QĐ-UBND");
  g_free (sql);
  sql = g_strdup_printf ("INSERT INTO decision (number, number_key, date, authority_id, search_key)"
                         " SELECT '79 / QĐ-UBND', '%s', '2019-12-01', authority_id, search_key"
                         " FROM decision WHERE number = '79/QĐ-UBND'", key);
  g_assert_true (awards_store_exec (fixture->store, sql, NULL));
  g_assert_true (import_text (fixture,
                              HEADER
                              "79 / QĐ-UBND,30/12/2019,UBND tỉnh Nam Định,Bằng khen,tập thể,"
                              "HTX Nông nghiệp Yên Tiến,,,,2019\n",
                              FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_commendations (fixture->store), ==, 5);
}

/* Titles ("Danh hiệu thi đua") and commendations ("Hình thức khen thưởng") in two columns, each
 * row filling one of them: both are the award. A row that fills both, or neither, is named. */
#define TWO_AWARD_COLUMNS \
  "Số quyết định,Ngày quyết định,Cơ quan khen thưởng,Danh hiệu thi đua,Hình thức khen thưởng," \
  "Đối tượng,Họ và tên,Đơn vị\n"

static void
test_title_and_commendation_columns (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsImporter) importer = NULL;

  g_assert_true (import_text (fixture,
                              TWO_AWARD_COLUMNS
                              "12/QĐ-UBND,28/12/2019,UBND tỉnh Nam Định,Chiến sĩ thi đua cơ sở,,"
                              "cá nhân,Đỗ Thị Hương,HTX Nông nghiệp Yên Tiến\n"
                              "12/QĐ-UBND,28/12/2019,UBND tỉnh Nam Định,,Bằng khen,tập thể,"
                              "HTX Nông nghiệp Yên Tiến,\n",
                              FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_commendations (fixture->store), ==, 2);
  g_assert_nonnull (awards_store_find_award_type (fixture->store, "Chiến sĩ thi đua cơ sở", NULL));

  g_assert_false (import_text (fixture,
                               TWO_AWARD_COLUMNS
                               "13/QĐ-UBND,28/12/2019,UBND tỉnh Nam Định,Chiến sĩ thi đua cơ sở,"
                               "Bằng khen,cá nhân,Trần Văn Nam,HTX Nông nghiệp Yên Tiến\n"
                               "13/QĐ-UBND,28/12/2019,UBND tỉnh Nam Định,,,tập thể,"
                               "HTX Dịch vụ Hải Hậu,\n",
                               FALSE, &importer, &error));
  g_assert_error (error, AWARDS_IMPORT_ERROR, AWARDS_IMPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message,
                            "awards.csv:2: two awards on one row, “Chiến sĩ thi đua cơ sở” and "
                            "“Bằng khen”: write each on a row of its own"));
  g_assert_nonnull (strstr (error->message,
                            "awards.csv:3: empty Danh hiệu thi đua and Hình thức khen thưởng"));
  g_assert_cmpuint (count_commendations (fixture->store), ==, 2);
}

/* The check before an import names the two award columns as the file does: both are the award,
 * and "Award" twice would not tell the clerk which column is which. */
static void
test_two_award_columns_named_apart (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsImporter) importer = awards_importer_new (fixture->store);
  g_autofree char *path = write_file (fixture, "awards.csv",
                                      TWO_AWARD_COLUMNS
                                      "12/QĐ-UBND,28/12/2019,UBND tỉnh Nam Định,"
                                      "Chiến sĩ thi đua cơ sở,,cá nhân,Đỗ Thị Hương,"
                                      "HTX Nông nghiệp Yên Tiến\n");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AwardsImportCheck *check = awards_import_check_file (importer, file, 100, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (check);
  g_assert_null (check->error);
  g_assert_cmpuint (g_strv_length (check->columns), ==, 8);
  g_assert_cmpstr (check->columns[0], ==,
                   awards_import_column_get_label (AWARDS_IMPORT_COLUMN_DECISION_NUMBER));
  g_assert_cmpstr (check->columns[3], ==, "Danh hiệu thi đua");
  g_assert_cmpstr (check->columns[4], ==, "Hình thức khen thưởng");
  g_assert_cmpuint (check->n_rows, ==, 1);
  awards_import_check_free (check);
}

/* Headers in the words of administrative documents ("Số, ký hiệu", "Ngày, tháng, năm", "Cơ quan
 * ban hành") and the "Hình thức KT" of hand-made lists name the columns too. */
static void
test_header_document_words (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) decisions = NULL;

  g_assert_true (import_text (fixture,
                              "STT,Họ và tên / Tên tập thể,Cá nhân / Tập thể,Đơn vị,Hình thức KT,"
                              "\"Số, ký hiệu QĐ\",\"Ngày, tháng, năm QĐ\",Cơ quan ban hành\n"
                              "1,Nguyễn Văn Hùng,Cá nhân,HTX Nông nghiệp Yên Tiến,Bằng khen,"
                              "1234/QĐ-UBND,28/12/2019,UBND tỉnh Nam Định\n",
                              FALSE, NULL, &error));
  g_assert_no_error (error);

  decisions = awards_store_list_decisions (fixture->store, NULL, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (decisions->len, ==, 1);
  g_assert_cmpstr (awards_decision_get_number (g_ptr_array_index (decisions, 0)), ==,
                   "1234/QĐ-UBND");
  g_assert_cmpstr (awards_decision_get_date (g_ptr_array_index (decisions, 0)), ==,
                   "2019-12-28");
}

/* A clerk whose header is in Vietnamese is not told to add "decision_date". */
static void
test_missing_column_in_header_words (Fixture       *fixture,
                                     gconstpointer  data)
{
  assert_import_fails (fixture,
                       "Họ và tên,Đơn vị,Hình thức khen thưởng,Số QĐ,Loại,Cơ quan khen thưởng\n"
                       "Nguyễn Văn Hùng,HTX Nông nghiệp Yên Tiến,Bằng khen,1234/QĐ-UBND,cá nhân,"
                       "UBND tỉnh Nam Định\n",
                       "awards.csv:1: missing column “Ngày quyết định”");
  /* Two columns for one: the second is named as the file writes it. */
  assert_import_fails (fixture,
                       "Họ và tên,Tên tập thể,Đơn vị,Hình thức khen thưởng,Ngày QĐ,Loại,"
                       "Cơ quan khen thưởng\n"
                       "Nguyễn Văn Hùng,,HTX Nông nghiệp Yên Tiến,Bằng khen,28/12/2019,cá nhân,"
                       "UBND tỉnh Nam Định\n",
                       "awards.csv:1: duplicated column “Tên tập thể”");
}

#define OFFICE_HEADER \
  "STT,Họ và tên,Đơn vị,Hình thức khen thưởng,Số QĐ,Ngày QĐ,Cơ quan khen thưởng,Loại\n"

/* Subtotals and the grand total of a list are not awards, whatever their spelling. */
static void
test_totals_rows_skipped (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsImporter) importer = NULL;

  g_assert_true (import_text (fixture,
                              OFFICE_HEADER
                              "1,Nguyễn Văn Hùng,HTX Nông nghiệp Yên Tiến,Bằng khen,1234/QĐ-UBND,"
                              "28/12/2019,UBND tỉnh Nam Định,cá nhân\n"
                              ",Cộng: 1 cá nhân,,,,,,\n"
                              "2,HTX Nông nghiệp Yên Tiến,,Bằng khen,1234/QĐ-UBND,28/12/2019,"
                              "UBND tỉnh Nam Định,tập thể\n"
                              ",CỘNG (1),,,,,,\n"
                              ",\"TỔNG CỘNG: 1 cá nhân, 1 tập thể\",\"TỔNG CỘNG: 1 cá nhân, 1 tập "
                              "thể\",,,,,\n"
                              ",Tổng số 2\n",
                              FALSE, &importer, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_commendations (fixture->store), ==, 2);
}

/* The window's check counts what the import will add: the totals row is neither an award nor
 * a row to correct. */
static void
test_totals_rows_not_counted (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsImporter) importer = awards_importer_new (fixture->store);
  g_autofree char *path = write_file (fixture, "awards.csv",
                                      OFFICE_HEADER
                                      "1,Nguyễn Văn Hùng,HTX Nông nghiệp Yên Tiến,Bằng khen,"
                                      "1234/QĐ-UBND,28/12/2019,UBND tỉnh Nam Định,cá nhân\n"
                                      "2,HTX Nông nghiệp Yên Tiến,,Bằng khen,1234/QĐ-UBND,"
                                      "28/12/2019,UBND tỉnh Nam Định,tập thể\n"
                                      ",\"Tổng cộng: 1 cá nhân, 1 tập thể\",,,,,,\n"
                                      /* In the running-number column. */
                                      "Tổng cộng,,,,,,,\n"
                                      "\"Cộng: 2 lượt\",,,,,,,\n"
                                      /* Merged across the row, as a workbook gives it: the
                                       * same text in every cell of the merge. */
                                      "TỔNG SỐ 2,TỔNG SỐ 2,TỔNG SỐ 2,TỔNG SỐ 2,TỔNG SỐ 2,"
                                      "TỔNG SỐ 2,TỔNG SỐ 2,TỔNG SỐ 2\n");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AwardsImportCheck *check = awards_import_check_file (importer, file, 100, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (check);
  g_assert_null (check->error);
  g_assert_cmpuint (check->n_rows, ==, 2);
  g_assert_cmpuint (check->rows->len, ==, 2);
  g_assert_cmpuint (check->problems->len, ==, 0);
  awards_import_check_free (check);
  g_assert_cmpuint (count_commendations (fixture->store), ==, 0);
}

/* A name that only begins like a total is a row with its fields missing, and is said so. */
static void
test_totals_words_in_names (Fixture       *fixture,
                            gconstpointer  data)
{
  assert_import_fails (fixture,
                       OFFICE_HEADER
                       "1,Tổng công ty Lương thực Nam Định,,,,,,\n",
                       "awards.csv:2: empty Ngày QĐ\n"
                       "awards.csv:2: empty Cơ quan khen thưởng\n"
                       "awards.csv:2: empty Hình thức khen thưởng\n"
                       "awards.csv:2: empty Loại");
  assert_import_fails (fixture,
                       OFFICE_HEADER
                       "1,Cộng đồng dân cư thôn Đông,,,,,,\n",
                       "awards.csv:2: empty Ngày QĐ\n"
                       "awards.csv:2: empty Cơ quan khen thưởng\n"
                       "awards.csv:2: empty Hình thức khen thưởng\n"
                       "awards.csv:2: empty Loại");
  /* A person without an organisation: the column is named as the file names it. */
  assert_import_fails (fixture,
                       OFFICE_HEADER
                       "1,Lê Văn Tư,,Bằng khen,12/QĐ-UBND,28/12/2019,UBND tỉnh Nam Định,CN\n"
                       "2,Lê Văn Năm,,Bằng khen,12/QĐ-UBND,28/12/2019,UBND tỉnh Nam Định,"
                       "cá nhân\n",
                       "awards.csv:2: invalid recipient type “CN” (expected collective or "
                       "individual, tập thể or cá nhân)\n"
                       "awards.csv:3: empty Đơn vị, which an individual needs");
  /* A total with an award in it is a row to correct, not a total. */
  assert_import_fails (fixture,
                       OFFICE_HEADER
                       ",Tổng cộng,,Bằng khen,,,,\n",
                       "awards.csv:2: empty Ngày QĐ\n"
                       "awards.csv:2: empty Cơ quan khen thưởng\n"
                       "awards.csv:2: empty Loại");
}

/* The dry run lists new names as they will be stored: doubled and trailing spaces gone, and
 * decomposed letters (as some Vietnamese keyboards type them) composed. */
static void
test_new_names_listed_as_stored (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsImporter) importer = NULL;
  GPtrArray *people;
  GPtrArray *organisations;

  g_assert_true (import_text (fixture,
                              OFFICE_HEADER
                              "1,Nguyễn  Văn Hùng ,HTX  Nông nghiệp Yên Tiến,Bằng khen,"
                              "1234/QĐ-UBND,28/12/2019,UBND tỉnh Nam Định,cá nhân\n"
                              /* "Phạm Đức Thắng" in NFD */
                              "2,Pha\xcc\xa3m \xc4\x90u\xcc\x9b\xcc\x81" "c Tha\xcc\x86\xcc\x81" "ng,"
                              "HTX  Nông nghiệp Yên Tiến,Bằng khen,1234/QĐ-UBND,28/12/2019,"
                              "UBND tỉnh Nam Định,cá nhân\n",
                              TRUE, &importer, &error));
  g_assert_no_error (error);

  people = awards_importer_get_new_names (importer, AWARDS_NEAR_PERSON);
  g_assert_cmpuint (people->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (people, 0), ==,
                   "Nguyễn Văn Hùng (HTX Nông nghiệp Yên Tiến)");
  g_assert_cmpstr (g_ptr_array_index (people, 1), ==,
                   "Phạm Đức Thắng (HTX Nông nghiệp Yên Tiến)");
  organisations = awards_importer_get_new_names (importer, AWARDS_NEAR_ORGANISATION);
  g_assert_cmpuint (organisations->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (organisations, 0), ==, "HTX Nông nghiệp Yên Tiến");
  g_assert_cmpuint (count_commendations (fixture->store), ==, 0);
}

/* A date in a form the import does not read is told what form to use; a wrong day in the right
 * form is still simply invalid. */
static void
test_date_forms_explained (Fixture       *fixture,
                           gconstpointer  data)
{
  assert_import_fails (fixture,
                       OFFICE_HEADER
                       "1,Nguyễn Văn Hùng,HTX Nông nghiệp Yên Tiến,Bằng khen,1234/QĐ-UBND,"
                       "28/12/19,UBND tỉnh Nam Định,cá nhân\n"
                       "2,Trần Thị Mai,HTX Nông nghiệp Yên Tiến,Bằng khen,1234/QĐ-UBND,"
                       "28 / 12 / 2019,UBND tỉnh Nam Định,cá nhân\n"
                       "3,Lê Văn Nam,HTX Nông nghiệp Yên Tiến,Bằng khen,1234/QĐ-UBND,"
                       "31/11/2019,UBND tỉnh Nam Định,cá nhân\n",
                       "awards.csv:2: date “28/12/19” in column Ngày QĐ must be written as "
                       "day/month/year (28/12/2019) or year-month-day (2019-12-28)\n"
                       "awards.csv:3: date “28 / 12 / 2019” in column Ngày QĐ must be written as "
                       "day/month/year (28/12/2019) or year-month-day (2019-12-28)\n"
                       "awards.csv:4: invalid date “31/11/2019” in column Ngày QĐ");
}

/* Excel's "Unicode Text" is UTF-16 with a byte order mark: the clerk is told how to save it. */
static void
test_utf16_refused_with_advice (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsImporter) importer = awards_importer_new (fixture->store);
  g_autofree char *path = g_build_filename (fixture->dir, "khen-thuong.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree gunichar2 *utf16 = NULL;
  glong n_units = 0;
  GString *bytes = g_string_new ("\xff\xfe");

  utf16 = g_utf8_to_utf16 ("Họ và tên\tHình thức khen thưởng\r\n", -1, NULL, &n_units, &error);
  g_assert_no_error (error);
  /* Little-endian, as Windows writes it, whatever this machine is. */
  for (glong i = 0; i < n_units; i++)
    {
      g_string_append_c (bytes, (char) (utf16[i] & 0xff));
      g_string_append_c (bytes, (char) (utf16[i] >> 8));
    }
  g_file_set_contents (path, bytes->str, (gssize) bytes->len, &error);
  g_string_free (bytes, TRUE);
  g_assert_no_error (error);

  g_assert_false (awards_importer_import_file (importer, file, "khen-thuong.txt", NULL, &error));
  g_assert_error (error, AWARDS_IMPORT_ERROR, AWARDS_IMPORT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "khen-thuong.txt:1: the file is in UTF-16 (“Unicode Text”): save it as "
                   "“CSV UTF-8”");
}

/* Ð and ð (eth), which legacy conversions write for Đ and đ, are the Vietnamese letters: the
 * person of a later list is the one already recorded, not a look-alike to be asked about. */
static void
test_eth_is_d_with_stroke (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsImporter) importer = NULL;
  GPtrArray *people;

  g_assert_true (import_text (fixture,
                              OFFICE_HEADER
                              "1,Đỗ Thị Hương,HTX Dịch vụ Hải Hậu,Bằng khen,1234/QĐ-UBND,"
                              "28/12/2019,UBND tỉnh Nam Định,cá nhân\n",
                              FALSE, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (import_text (fixture,
                              OFFICE_HEADER
                              "1,\xc3\x90ỗ Thị Hương,HTX Dịch vụ Hải Hậu,Giấy khen,"
                              "55/Q\xc3\x90-UBND,05/01/2020,UBND tỉnh Nam \xc3\x90ịnh,cá nhân\n"
                              "2,Trần Văn \xc3\xb0ức,HTX Dịch vụ Hải Hậu,Giấy khen,"
                              "55/QĐ-UBND,05/01/2020,UBND tỉnh Nam Định,cá nhân\n",
                              TRUE, &importer, &error));
  g_assert_no_error (error);
  people = awards_importer_get_new_names (importer, AWARDS_NEAR_PERSON);
  g_assert_cmpuint (people->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (people, 0), ==, "Trần Văn đức (HTX Dịch vụ Hải Hậu)");
  g_assert_cmpuint (awards_importer_get_new_names (importer, AWARDS_NEAR_AUTHORITY)->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  /* Each test on a file, and on a database of the test server: row by row, and with the new
   * people, decisions and awards sent by COPY. */
#define ADD(path, func) \
  G_STMT_START { \
    g_test_add ("/io/import-office/" path, Fixture, NULL, fixture_set_up, func, \
                fixture_tear_down); \
    if (awards_test_pg_available ()) \
      { \
        g_test_add ("/server/io/import-office/" path, Fixture, io_test_on_server, fixture_set_up, \
                    func, fixture_tear_down); \
        g_test_add ("/server/io/import-office-by-copy/" path, Fixture, io_test_on_server_by_copy, \
                    fixture_set_up, func, fixture_tear_down); \
      } \
  } G_STMT_END
  if (!awards_test_pg_available ())
    g_test_add_func ("/server/skipped", awards_test_pg_skip);

  ADD ("decision-number-spacing", test_decision_number_spacing);
  ADD ("decision-number-saved-as-typed", test_decision_number_saved_as_typed);
  ADD ("header-document-words", test_header_document_words);
  ADD ("title-and-commendation-columns", test_title_and_commendation_columns);
  ADD ("two-award-columns-named-apart", test_two_award_columns_named_apart);
  ADD ("missing-column-in-header-words", test_missing_column_in_header_words);
  ADD ("totals-rows-skipped", test_totals_rows_skipped);
  ADD ("totals-rows-not-counted", test_totals_rows_not_counted);
  ADD ("totals-words-in-names", test_totals_words_in_names);
  ADD ("date-forms-explained", test_date_forms_explained);
  ADD ("new-names-listed-as-stored", test_new_names_listed_as_stored);
  ADD ("utf16-refused-with-advice", test_utf16_refused_with_advice);
  ADD ("eth-is-d-with-stroke", test_eth_is_d_with_stroke);

  return g_test_run ();
}
