/* test-import.c: importing the flat award list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "io-test-util.h"

/* A well-formed collective row of decision 45/QĐ-UBND; @i tells the recipients apart. */
static void
append_good_row (GString *text,
                 guint    i)
{
  g_string_append_printf (text,
                          "45/QĐ-UBND,2011-12-28,UBND thành phố Hải Phòng,Bằng khen,collective,"
                          "HTX Số %u,,,,2011\n", i);
}

/* The header and good rows on lines 2 to @last_good_line. */
static GString *
good_rows_until (guint last_good_line)
{
  GString *text = g_string_new (HEADER);

  for (guint line = 2; line <= last_good_line; line++)
    append_good_row (text, line);

  return text;
}

/* Sets up a store that already holds the Hải Phòng ceremony, so that "nothing written" is
 * checked against a database with data in it. */
static void
fixture_set_up_with_data (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture_set_up (fixture, data);
  g_assert_true (import_text (fixture, HAI_PHONG_2011, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_commendations (fixture->store), ==, 27);
}

typedef struct
{
  char *decision_number;
  char *date;
  char *authority;
  char *award;
  AwardsRecipientKind kind;
  char *recipient;
  char *organisation;
  char *position;
  char *achievement;
  char *period;
} Row;

static void
row_free (Row *row)
{
  g_free (row->decision_number);
  g_free (row->date);
  g_free (row->authority);
  g_free (row->award);
  g_free (row->recipient);
  g_free (row->organisation);
  g_free (row->position);
  g_free (row->achievement);
  g_free (row->period);
  g_free (row);
}

static gboolean
collect_row_cb (const AwardsCommendationRow *row,
                gpointer                     user_data)
{
  GPtrArray *rows = user_data;
  Row *copy = g_new0 (Row, 1);

  copy->decision_number = g_strdup (row->decision_number);
  copy->date = g_strdup (row->date);
  copy->authority = g_strdup (row->authority);
  copy->award = g_strdup (row->award);
  copy->kind = row->recipient_kind;
  copy->recipient = g_strdup (row->recipient);
  copy->organisation = g_strdup (row->organisation_at_time);
  copy->position = g_strdup (row->position);
  copy->achievement = g_strdup (row->achievement);
  copy->period = g_strdup (row->period);
  g_ptr_array_add (rows, copy);

  return TRUE;
}

/* Every commendation of the store, in chronological order. */
static GPtrArray *
list_rows (AwardsStore *store)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  AwardsQuery query;

  awards_query_init (&query);
  g_assert_true (awards_store_foreach_commendation (store, &query, AWARDS_ORDER_CHRONOLOGICAL,
                                                    collect_row_cb, rows, &error));
  g_assert_no_error (error);

  return rows;
}

static void
test_import_basic (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsImporter) importer = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  Row *row;

  g_assert_true (import_text (fixture,
                              HEADER
                              "12/QĐ-UBND,2011-12-28,UBND thành phố Hải Phòng,Bằng khen,"
                              "collective,HTX Bạch Đằng,,,sản xuất kinh doanh giỏi,2011\n"
                              "12/QĐ-UBND,2011-12-28,UBND thành phố Hải Phòng,Bằng khen,"
                              "individual,Nguyễn Văn An,HTX Bạch Đằng,Chủ nhiệm,,2011\n",
                              FALSE, &importer, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (awards_importer_get_n_rows (importer), ==, 2);
  g_assert_cmpuint (awards_importer_get_n_added (importer), ==, 2);
  g_assert_cmpuint (awards_importer_get_problems (importer)->len, ==, 0);

  rows = list_rows (fixture->store);
  g_assert_cmpuint (rows->len, ==, 2);

  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row->decision_number, ==, "12/QĐ-UBND");
  g_assert_cmpstr (row->date, ==, "2011-12-28");
  g_assert_cmpstr (row->authority, ==, "UBND thành phố Hải Phòng");
  g_assert_cmpstr (row->award, ==, "Bằng khen");
  g_assert_cmpint (row->kind, ==, AWARDS_RECIPIENT_KIND_COLLECTIVE);
  g_assert_cmpstr (row->recipient, ==, "HTX Bạch Đằng");
  g_assert_cmpstr (row->achievement, ==, "sản xuất kinh doanh giỏi");
  g_assert_cmpstr (row->period, ==, "2011");

  row = g_ptr_array_index (rows, 1);
  g_assert_cmpint (row->kind, ==, AWARDS_RECIPIENT_KIND_INDIVIDUAL);
  g_assert_cmpstr (row->recipient, ==, "Nguyễn Văn An");
  g_assert_cmpstr (row->organisation, ==, "HTX Bạch Đằng");
  g_assert_cmpstr (row->position, ==, "Chủ nhiệm");
  g_assert_null (row->achievement);
}

/* Spaces around a value, quoted or not, are not part of it: the same person and organisation
 * written with and without them are one. */
static void
test_import_trims (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsImporter) importer = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  Row *row;

  g_assert_true (import_text (fixture,
                              HEADER
                              "12/QĐ-UBND,2011-12-28,UBND thành phố Hải Phòng,Bằng khen,"
                              "individual,\"  Nguyễn Văn An \",\" HTX Bạch Đằng\",Chủ nhiệm,,2011\n"
                              "13/QĐ-UBND,2011-12-29,UBND thành phố Hải Phòng,\"Bằng khen  \","
                              "individual,Nguyễn Văn An,HTX Bạch Đằng,,,2011\n",
                              FALSE, &importer, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (awards_importer_get_n_added (importer), ==, 2);

  rows = list_rows (fixture->store);
  g_assert_cmpuint (rows->len, ==, 2);
  for (guint i = 0; i < rows->len; i++)
    {
      row = g_ptr_array_index (rows, i);
      g_assert_cmpstr (row->recipient, ==, "Nguyễn Văn An");
      g_assert_cmpstr (row->organisation, ==, "HTX Bạch Đằng");
      g_assert_cmpstr (row->award, ==, "Bằng khen");
    }
  g_assert_cmpint (awards_store_count_people (fixture->store, NULL, 0, NULL), ==, 1);
}

static void
test_import_bom_crlf (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  /* As Excel writes "CSV UTF-8": a byte order mark and CRLF line ends. */
  g_assert_true (import_text (fixture,
                              "\xEF\xBB\xBF"
                              "decision_number,decision_date,authority,award,recipient_type,"
                              "recipient,organisation,position,achievement,period\r\n"
                              "7/QĐ-UBND,2012-01-05,UBND huyện An Lão,Giấy khen,collective,"
                              "HTX An Tiến,,,,2011\r\n",
                              FALSE, NULL, &error));
  g_assert_no_error (error);

  rows = list_rows (fixture->store);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (((Row *) rows->pdata[0])->decision_number, ==, "7/QĐ-UBND");
  g_assert_cmpstr (((Row *) rows->pdata[0])->period, ==, "2011");
}

static void
test_import_semicolons (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  g_assert_true (import_text (fixture,
                              "decision_number;decision_date;authority;award;recipient_type;"
                              "recipient;organisation;position;achievement;period\n"
                              "8/QĐ-UBND;2012-01-05;UBND huyện An Lão;Giấy khen;individual;"
                              "Trần Văn Bảy;HTX An Tiến;Kế toán;sản xuất, kinh doanh giỏi;2011\n",
                              FALSE, NULL, &error));
  g_assert_no_error (error);

  rows = list_rows (fixture->store);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (((Row *) rows->pdata[0])->recipient, ==, "Trần Văn Bảy");
  g_assert_cmpstr (((Row *) rows->pdata[0])->achievement, ==, "sản xuất, kinh doanh giỏi");
}

static void
test_import_date_forms (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  g_assert_true (import_text (fixture,
                              HEADER
                              "1/QĐ-UBND,2010-03-08,UBND huyện An Lão,Giấy khen,collective,"
                              "HTX An Tiến,,,,\n"
                              "2/QĐ-UBND,28/12/2011,UBND huyện An Lão,Giấy khen,collective,"
                              "HTX An Tiến,,,,\n"
                              "3/QĐ-UBND,5/1/2012,UBND huyện An Lão,Giấy khen,collective,"
                              "HTX An Tiến,,,,\n",
                              FALSE, NULL, &error));
  g_assert_no_error (error);

  rows = list_rows (fixture->store);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (((Row *) rows->pdata[0])->date, ==, "2010-03-08");
  g_assert_cmpstr (((Row *) rows->pdata[1])->date, ==, "2011-12-28");
  g_assert_cmpstr (((Row *) rows->pdata[2])->date, ==, "2012-01-05");
}

static void
test_import_vietnamese_kinds (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  g_assert_true (import_text (fixture,
                              HEADER
                              "9/QĐ-UBND,2012-01-05,UBND huyện An Lão,Giấy khen,tập thể,"
                              "HTX An Tiến,,,,\n"
                              "9/QĐ-UBND,2012-01-05,UBND huyện An Lão,Giấy khen,cá nhân,"
                              "Trần Văn Bảy,HTX An Tiến,,,\n"
                              "9/QĐ-UBND,2012-01-05,UBND huyện An Lão,Giấy khen,Cá nhân,"
                              "Lê Thị Hoa,HTX An Tiến,,,\n",
                              FALSE, NULL, &error));
  g_assert_no_error (error);

  rows = list_rows (fixture->store);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpint (((Row *) rows->pdata[0])->kind, ==, AWARDS_RECIPIENT_KIND_COLLECTIVE);
  g_assert_cmpint (((Row *) rows->pdata[1])->kind, ==, AWARDS_RECIPIENT_KIND_INDIVIDUAL);
  g_assert_cmpint (((Row *) rows->pdata[2])->kind, ==, AWARDS_RECIPIENT_KIND_INDIVIDUAL);
}

static void
test_import_column_order (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  Row *row;

  /* Any order, any case, blanks around the names, optional columns left out. */
  g_assert_true (import_text (fixture,
                              " Recipient ,RECIPIENT_TYPE,award, Organisation,authority,"
                              "decision_date\n"
                              "Trần Văn Bảy,individual,Giấy khen,HTX An Tiến,UBND huyện An Lão,"
                              "05/01/2012\n",
                              FALSE, NULL, &error));
  g_assert_no_error (error);

  rows = list_rows (fixture->store);
  g_assert_cmpuint (rows->len, ==, 1);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row->recipient, ==, "Trần Văn Bảy");
  g_assert_cmpstr (row->organisation, ==, "HTX An Tiến");
  g_assert_cmpstr (row->authority, ==, "UBND huyện An Lão");
  g_assert_cmpstr (row->date, ==, "2012-01-05");
  g_assert_null (row->decision_number);
}

static void
test_import_quoted_fields (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GString) text = g_string_new (HEADER);

  /* Lines 2-4 are one record; line 5 is blank; line 6 is wrong and must be named so. */
  g_string_append (text,
                   "10/QĐ-UBND,2012-01-05,UBND huyện An Lão,Giấy khen,collective,"
                   "\"HTX Dịch vụ, Thương mại \"\"Hòa Bình\"\"\",,,\"đã có thành tích:\n"
                   "- sản xuất, kinh doanh;\n- xây dựng nông thôn mới\",2011\n"
                   "\n"
                   "10/QĐ-UBND,31/02/2012,UBND huyện An Lão,Giấy khen,collective,HTX A,,,,\n");
  assert_import_fails (fixture, text->str,
                       "awards.csv:6: invalid date “31/02/2012” in column decision_date");

  /* Without the bad line, the quoted fields come through intact. */
  g_string_truncate (text, strstr (text->str, "\n\n") - text->str + 1);
  g_assert_true (import_text (fixture, text->str, FALSE, NULL, &error));
  g_assert_no_error (error);

  rows = list_rows (fixture->store);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (((Row *) rows->pdata[0])->recipient, ==,
                   "HTX Dịch vụ, Thương mại \"Hòa Bình\"");
  g_assert_nonnull (strstr (((Row *) rows->pdata[0])->achievement, "kinh doanh;"));
}

static void
test_import_unnamed_columns (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* Spreadsheets add separators for blank columns: harmless while those columns are empty. */
  g_assert_true (import_text (fixture,
                              "decision_date,authority,award,recipient_type,recipient,,\n"
                              "28/12/2011,UBND huyện An Lão,Giấy khen,collective,HTX A,,\n",
                              FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_commendations (fixture->store), ==, 1);

  assert_import_fails (fixture,
                       "decision_date,authority,award,recipient_type,recipient,,\n"
                       "28/12/2011,UBND huyện An Lão,Giấy khen,collective,HTX B,,ghi chú\n",
                       "awards.csv:2: a value in column 7, which has no name in the header");
}

/* Line numbers stay right across the 64 KiB chunks the file is read in. */
static void
test_import_long_file_lines (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (HEADER);

  for (guint line = 2; line <= 3001; line++)
    {
      if (line % 7 == 0)
        g_string_append_printf (text,
                                "45/QĐ-UBND,2011-12-28,UBND thành phố Hải Phòng,Bằng khen,"
                                "collective,HTX Số %u,,,\"hai\r\ndòng\",2011\r\n", line);
      else
        append_good_row (text, line);
    }
  /* Every seventh record spans two lines: record N starts on line N + (N - 1) / 7, and the
   * last one ends on line 3001 + 428. */
  g_string_append (text, "45/QĐ-UBND,2011-12-28,UBND thành phố Hải Phòng,Bằng khen,collective,"
                         "HTX Số 100,,,,2011\n");
  assert_import_fails (fixture, text->str,
                       "awards.csv:3430: “HTX Số 100” already receives “Bằng khen” in "
                       "decision 45/QĐ-UBND (line 114)");
}

static void
test_import_bad_date (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GString) text = good_rows_until (6);

  g_string_append (text, "45/QĐ-UBND,31/02/2011,UBND thành phố Hải Phòng,Bằng khen,collective,"
                         "HTX Số 7,,,,2011\n");
  assert_import_fails (fixture, text->str,
                       "awards.csv:7: invalid date “31/02/2011” in column decision_date");
}

/* A decision is recorded once signed: a date after today is a slip in its year, refused. */
static void
test_import_future_date (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GString) text = good_rows_until (6);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autofree char *date = g_date_time_format (tomorrow, "%d/%m/%Y");
  g_autofree char *expected = NULL;

  g_string_append_printf (text, "45/QĐ-UBND,%s,UBND thành phố Hải Phòng,Bằng khen,collective,"
                          "HTX Số 7,,,,2011\n", date);
  expected = g_strdup_printf ("awards.csv:7: the date “%s” in column decision_date is after "
                              "today: a decision is recorded once it is signed; check its year",
                              date);
  assert_import_fails (fixture, text->str, expected);
}

static void
test_import_empty_recipient (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GString) text = good_rows_until (8);

  g_string_append (text, "45/QĐ-UBND,2011-12-28,UBND thành phố Hải Phòng,Bằng khen,collective,"
                         "  ,,,,2011\n");
  assert_import_fails (fixture, text->str, "awards.csv:9: empty recipient");
}

static void
test_import_header_problems (Fixture       *fixture,
                             gconstpointer  data)
{
  assert_import_fails (fixture,
                       "decision_number,decision_date,authority,award,recipient_type,"
                       "recipient,xyz\n"
                       "1,2011-12-28,UBND,Bằng khen,collective,HTX A,b\n",
                       "awards.csv:1: unknown column “xyz”");
  assert_import_fails (fixture,
                       "decision_date,authority,award,Award,recipient_type,recipient\n"
                       "2011-12-28,UBND,Bằng khen,Bằng khen,collective,HTX A\n",
                       "awards.csv:1: duplicated column “award”");
  assert_import_fails (fixture,
                       "decision_date,authority,award,recipient_type\n"
                       "2011-12-28,UBND,Bằng khen,collective\n",
                       "awards.csv:1: missing column “recipient”");
  assert_import_fails (fixture, "",
                       "awards.csv:1: the file is empty: its first line must name the columns");
}

static void
test_import_unterminated_quote (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GString) text = good_rows_until (11);

  g_string_append (text, "45/QĐ-UBND,2011-12-28,UBND thành phố Hải Phòng,Bằng khen,collective,"
                         "\"HTX Số 12,,,,2011\n");
  append_good_row (text, 13);
  append_good_row (text, 14);
  assert_import_fails (fixture, text->str, "awards.csv:12: unterminated quoted field");
}

static void
test_import_misplaced_quote (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GString) text = good_rows_until (2);

  g_string_append (text, "45/QĐ-UBND,2011-12-28,UBND thành phố Hải Phòng,Bằng khen,collective,"
                         "HTX \"Số\" 3,,,,2011\n");
  assert_import_fails (fixture, text->str,
                       "awards.csv:3: misplaced quote: a field with quotes must be quoted as a "
                       "whole, with each quote doubled");
}

static void
test_import_eligibility (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GString) text = good_rows_until (14);

  g_string_append (text, "45/QĐ-UBND,2011-12-28,UBND thành phố Hải Phòng,Cờ thi đua xuất sắc,"
                         "individual,Nguyễn Văn An,HTX Bạch Đằng,,,2011\n");
  assert_import_fails (fixture, text->str,
                       "awards.csv:15: “Cờ thi đua xuất sắc” can only be given to a "
                       "collective");
}

static void
test_import_duplicate_in_file (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GString) text = good_rows_until (15);

  g_string_append (text, "45/QĐ-UBND,2011-12-28,UBND thành phố Hải Phòng,Bằng khen,individual,"
                         "Nguyễn Văn An,HTX Bạch Đằng,,,2011\n");
  append_good_row (text, 17);
  g_string_append (text, "45/QĐ-UBND,28/12/2011,UBND thành phố Hải Phòng,Bằng khen,individual,"
                         "Nguyễn Văn An,HTX Bạch Đằng,,,2011\n");
  assert_import_fails (fixture, text->str,
                       "awards.csv:18: “Nguyễn Văn An” already receives “Bằng khen” in "
                       "decision 45/QĐ-UBND (line 16)");
}

/* On a server, a large import starts sending its awards by COPY partway (here from its 16th
 * award, the last row: the file is too small for the importer to announce 16 rows at its start,
 * it guesses one per 150 bytes); a repeat of an award inserted before that is found all the
 * same. */
static void
test_import_repeat_across_copy_start (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (HEADER);

  awards_batch_set_copy_min_rows (16);
  g_string_append (text, "46/QĐ-UBND,2011-12-28,UBND thành phố Hải Phòng,Bằng khen,individual,"
                         "Nguyễn Văn An,HTX Bạch Đằng,,,2011\n");
  for (guint line = 3; line <= 16; line++)
    append_good_row (text, line);
  g_string_append (text, "46/QĐ-UBND,2011-12-28,UBND thành phố Hải Phòng,Bằng khen,individual,"
                         "Nguyễn Văn An,HTX Bạch Đằng,,,2011\n");
  assert_import_fails (fixture, text->str,
                       "awards.csv:17: “Nguyễn Văn An” already receives “Bằng khen” in "
                       "decision 46/QĐ-UBND (line 2)");
}

static void
test_import_row_problems (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GString) text = good_rows_until (2);

  g_string_append (text,
                   /* 3 */ "45/QĐ-UBND,2011-12-28,UBND,Bằng khen,collective,HTX \xC3\x28,,,,\n"
                   /* 4 */ "45/QĐ-UBND,2011-12-28,UBND,Bằng khen,group,HTX Số 4,,,,\n"
                   /* 5 */ "45/QĐ-UBND,2011-12-28,UBND,Bằng khen,individual,Lê Văn Tư,,,,\n"
                   /* 6 */ "45/QĐ-UBND,2011-12-28,UBND,Bằng khen,collective,HTX Số 6,,,\n"
                   /* 7 */ ",,,,,,,,,\n"
                   /* 8 */ ",,, ,,,,,,2011\n");
  assert_import_fails (fixture, text->str,
                       "awards.csv:3: invalid UTF-8 text (save the file as “CSV UTF-8”)\n"
                       "awards.csv:4: invalid recipient type “group” (expected collective or "
                       "individual, tập thể or cá nhân)\n"
                       "awards.csv:5: empty organisation, which an individual needs\n"
                       "awards.csv:6: 9 fields, but the header has 10\n"
                       "awards.csv:8: empty decision_date\n"
                       "awards.csv:8: empty authority\n"
                       "awards.csv:8: empty award\n"
                       "awards.csv:8: empty recipient_type\n"
                       "awards.csv:8: empty recipient");
}

/* All the problems of a file are reported at once, in line order. */
static void
test_import_every_problem (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GString) text = good_rows_until (6);
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsImporter) importer = NULL;
  GPtrArray *problems;
  const AwardsImportProblem *problem;

  g_string_append (text,
                   /* 7 */ "45/QĐ-UBND,31/02/2011,UBND thành phố Hải Phòng,Bằng khen,collective,"
                            "HTX Số 7,,,,2011\n");
  append_good_row (text, 8);
  g_string_append (text,
                   /* 9 */ "45/QĐ-UBND,2011-12-28,UBND thành phố Hải Phòng,Bằng khen,collective,"
                            ",,,,2011\n"
                   /* 10 */ "45/QĐ-UBND,2011-12-28,UBND thành phố Hải Phòng,Cờ thi đua xuất sắc,"
                             "individual,Nguyễn Văn An,HTX Bạch Đằng,,,2011\n");
  append_good_row (text, 4);

  g_assert_false (import_text (fixture, text->str, FALSE, &importer, &error));
  g_assert_error (error, AWARDS_IMPORT_ERROR, AWARDS_IMPORT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "awards.csv:7: invalid date “31/02/2011” in column decision_date\n"
                   "awards.csv:9: empty recipient\n"
                   "awards.csv:10: “Cờ thi đua xuất sắc” can only be given to a collective\n"
                   "awards.csv:11: “HTX Số 4” already receives “Bằng khen” in decision "
                   "45/QĐ-UBND (line 4)");

  problems = awards_importer_get_problems (importer);
  g_assert_cmpuint (problems->len, ==, 4);
  problem = g_ptr_array_index (problems, 1);
  g_assert_cmpuint (problem->line, ==, 9);
  g_assert_cmpstr (problem->message, ==, "empty recipient");
  g_assert_cmpuint (awards_importer_get_n_rows (importer), ==, 10);
  g_assert_cmpuint (count_commendations (fixture->store), ==, 27);
}

static void
test_import_dry_run (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsImporter) importer = NULL;
  g_autoptr(GString) text = good_rows_until (11);
  guint before = count_commendations (fixture->store);

  g_assert_true (import_text (fixture, text->str, TRUE, &importer, &error));
  g_assert_no_error (error);
  g_assert_true (awards_importer_get_dry_run (importer));
  g_assert_cmpuint (awards_importer_get_n_rows (importer), ==, 10);
  g_assert_cmpuint (awards_importer_get_n_added (importer), ==, 10);
  g_assert_cmpuint (count_commendations (fixture->store), ==, before);
  g_clear_object (&importer);

  /* A dry run finds the same problems as an import. */
  g_string_append (text, "45/QĐ-UBND,2011-12-28,UBND thành phố Hải Phòng,Bằng khen,collective,"
                         "HTX Số 2,,,,2011\n");
  g_assert_false (import_text (fixture, text->str, TRUE, &importer, &error));
  g_assert_error (error, AWARDS_IMPORT_ERROR, AWARDS_IMPORT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "awards.csv:12: “HTX Số 2” already receives “Bằng khen” in decision "
                   "45/QĐ-UBND (line 2)");
  g_assert_cmpuint (count_commendations (fixture->store), ==, before);
}

static AwardsSummaryRow *
summary_row (GPtrArray *summary,
             guint      i)
{
  g_assert_cmpuint (i, <, summary->len);
  return g_ptr_array_index (summary, i);
}

static void
test_import_hai_phong (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsImporter) importer = NULL;
  g_autoptr(GPtrArray) summary = NULL;
  AwardsSummaryRow *row;
  AwardsQuery query;

  g_assert_true (import_text (fixture, HAI_PHONG_2011, FALSE, &importer, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (awards_importer_get_n_rows (importer), ==, 27);
  g_assert_cmpuint (awards_importer_get_n_added (importer), ==, 27);
  g_assert_cmpuint (count_commendations (fixture->store), ==, 27);

  awards_query_init (&query);
  query.date_from = "2011-12-28";
  query.date_to = "2011-12-28";
  summary = awards_store_summary (fixture->store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->len, ==, 3);

  /* By authority in Vietnamese order (L before U), then by award rank (flags first). */
  row = summary_row (summary, 0);
  g_assert_cmpstr (row->authority, ==, "Liên minh HTX Việt Nam");
  g_assert_cmpstr (row->award, ==, "Bằng khen");
  g_assert_cmpuint (row->collectives, ==, 2);
  g_assert_cmpuint (row->individuals, ==, 7);

  row = summary_row (summary, 1);
  g_assert_cmpstr (row->authority, ==, "UBND thành phố Hải Phòng");
  g_assert_cmpstr (row->award, ==, "Cờ thi đua xuất sắc");
  g_assert_cmpuint (row->collectives, ==, 3);
  g_assert_cmpuint (row->individuals, ==, 0);

  row = summary_row (summary, 2);
  g_assert_cmpstr (row->authority, ==, "UBND thành phố Hải Phòng");
  g_assert_cmpstr (row->award, ==, "Bằng khen");
  g_assert_cmpuint (row->collectives, ==, 5);
  g_assert_cmpuint (row->individuals, ==, 10);
}

static void
test_import_again_refused (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsImporter) importer = NULL;
  g_auto(GStrv) lines = NULL;

  /* The fixture imported the ceremony once already. */
  g_assert_false (import_text (fixture, HAI_PHONG_2011, FALSE, &importer, &error));
  g_assert_error (error, AWARDS_IMPORT_ERROR, AWARDS_IMPORT_ERROR_INVALID);

  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 27);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *prefix = g_strdup_printf ("awards.csv:%u: ", i + 2);

      g_assert_true (g_str_has_prefix (lines[i], prefix));
      g_assert_nonnull (strstr (lines[i], "already receives"));
    }
  g_assert_nonnull (strstr (lines[0], "Liên minh HTX thành phố Hải Phòng"));
  g_assert_cmpuint (count_commendations (fixture->store), ==, 27);
}

static void
test_import_decision_date_conflict (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsImporter) importer = NULL;

  /* 3456/QĐ-UBND of the city was dated 28/12/2011 by the fixture's import. */
  g_assert_false (import_text (fixture,
                               HEADER
                               "99/QĐ-UBND,2012-02-01,UBND thành phố Hải Phòng,Bằng khen,"
                               "collective,HTX Mới,,,,\n"
                               "3456/QĐ-UBND,2012-02-01,UBND thành phố Hải Phòng,Bằng khen,"
                               "collective,HTX Mới,,,,\n",
                               FALSE, &importer, &error));
  g_assert_error (error, AWARDS_IMPORT_ERROR, AWARDS_IMPORT_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "awards.csv:3: "));
  g_assert_null (strchr (error->message, '\n'));
  g_assert_nonnull (strstr (error->message, "3456/QĐ-UBND"));
  g_assert_cmpuint (count_commendations (fixture->store), ==, 27);

  /* Within one file too: the second date for 77/QĐ-UBND is refused. */
  g_clear_error (&error);
  g_assert_false (import_text (fixture,
                               HEADER
                               "77/QĐ-UBND,2012-02-01,UBND thành phố Hải Phòng,Bằng khen,"
                               "collective,HTX Mới,,,,\n"
                               "77/QĐ-UBND,2012-02-02,UBND thành phố Hải Phòng,Bằng khen,"
                               "collective,HTX Cũ,,,,\n",
                               FALSE, NULL, &error));
  g_assert_error (error, AWARDS_IMPORT_ERROR, AWARDS_IMPORT_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "awards.csv:3: "));
  g_assert_nonnull (strstr (error->message, "77/QĐ-UBND"));
  g_assert_cmpuint (count_commendations (fixture->store), ==, 27);
}

static void
test_import_display_name (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsImporter) importer = awards_importer_new (fixture->store);
  g_autofree char *path = write_file (fixture, "list.csv",
                                      HEADER "1,2011-13-01,A,B,collective,C,,,,\n");
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_false (awards_importer_import_file (importer, file, "data/list.csv", NULL, &error));
  g_assert_error (error, AWARDS_IMPORT_ERROR, AWARDS_IMPORT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "data/list.csv:2: invalid date “2011-13-01” in column decision_date");
  g_clear_error (&error);

  g_assert_false (awards_importer_import_file (importer, file, NULL, NULL, &error));
  g_assert_true (g_str_has_prefix (error->message, "list.csv:2: "));
}

typedef struct
{
  guint   calls;
  guint64 last_rows;
  guint64 last_bytes;
  guint64 total;
  gboolean done;
  gboolean ok;
  GError *error;
} Progress;

static void
progress_cb (guint64  rows,
             guint64  bytes_read,
             guint64  bytes_total,
             gpointer user_data)
{
  Progress *progress = user_data;

  g_assert_cmpuint (rows, >=, progress->last_rows);
  progress->calls++;
  progress->last_rows = rows;
  progress->last_bytes = bytes_read;
  progress->total = bytes_total;
}

static void
test_import_progress (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsImporter) importer = awards_importer_new (fixture->store);
  g_autoptr(GString) text = good_rows_until (2501);
  g_autofree char *path = write_file (fixture, "big.csv", text->str);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  Progress progress = { 0, };

  awards_importer_set_progress_func (importer, progress_cb, &progress, NULL);
  g_assert_true (awards_importer_import_file (importer, file, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (progress.calls, >=, 3);
  g_assert_cmpuint (progress.last_rows, ==, 2500);
  g_assert_cmpuint (progress.last_bytes, ==, text->len);
  g_assert_cmpuint (progress.total, ==, text->len);
  g_assert_cmpuint (count_commendations (fixture->store), ==, 2500);
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Progress *progress = user_data;

  progress->ok = awards_importer_import_finish (AWARDS_IMPORTER (source), result,
                                                &progress->error);
  progress->done = TRUE;
}

static void
test_import_async (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(AwardsImporter) importer = awards_importer_new (fixture->store);
  g_autoptr(GString) text = good_rows_until (1501);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  Progress progress = { 0, };

  g_string_append (text, "45/QĐ-UBND,2011-12-28,UBND thành phố Hải Phòng,Bằng khen,collective,"
                         "HTX Số 2,,,,2011\n");
  path = write_file (fixture, "async.csv", text->str);
  file = g_file_new_for_path (path);

  awards_importer_set_progress_func (importer, progress_cb, &progress, NULL);
  awards_importer_import_async (importer, file, NULL, NULL, import_done_cb, &progress);
  while (!progress.done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (progress.ok);
  g_assert_error (progress.error, AWARDS_IMPORT_ERROR, AWARDS_IMPORT_ERROR_INVALID);
  g_assert_cmpstr (progress.error->message, ==,
                   "async.csv:1502: “HTX Số 2” already receives “Bằng khen” in decision "
                   "45/QĐ-UBND (line 2)");
  g_clear_error (&progress.error);
  g_assert_cmpuint (awards_importer_get_problems (importer)->len, ==, 1);
  g_assert_cmpuint (awards_importer_get_n_rows (importer), ==, 1501);
  g_assert_cmpuint (count_commendations (fixture->store), ==, 0);

  /* Progress reached the main context; let any late ones arrive. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (progress.calls, >=, 1);
  g_assert_cmpuint (progress.last_rows, ==, 1501);

  /* Now a good file. */
  g_free (path);
  path = write_file (fixture, "async.csv", HAI_PHONG_2011);
  progress.done = FALSE;
  progress.last_rows = 0;
  awards_importer_import_async (importer, file, NULL, NULL, import_done_cb, &progress);
  while (!progress.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (progress.error);
  g_assert_true (progress.ok);
  g_assert_cmpuint (awards_importer_get_n_added (importer), ==, 27);
  g_assert_cmpuint (count_commendations (fixture->store), ==, 27);
}

static void
test_import_cancelled (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsImporter) importer = awards_importer_new (fixture->store);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *path = write_file (fixture, "awards.csv", HAI_PHONG_2011);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_cancellable_cancel (cancellable);
  g_assert_false (awards_importer_import_file (importer, file, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (count_commendations (fixture->store), ==, 0);
}

static void
test_import_preview (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsImportPreview) preview = NULL;
  g_autofree char *path = write_file (fixture, "preview.csv",
                                      "\xEF\xBB\xBF" "decision_date;authority;award;"
                                      "recipient_type;recipient\r\n"
                                      "28/12/2011;UBND;Bằng khen;collective;\"HTX A; B\"\r\n"
                                      "\r\n"
                                      "28/12/2011;UBND;Bằng khen;collective;HTX C\r\n"
                                      "28/12/2011;UBND;Bằng khen;collective;HTX D\r\n");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GStrv row;

  preview = awards_import_preview (file, 2, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (preview->separator, ==, ';');
  g_assert_true (preview->has_bom);
  g_assert_cmpuint (g_strv_length (preview->columns), ==, 5);
  g_assert_cmpstr (preview->columns[4], ==, "recipient");
  g_assert_cmpuint (preview->n_rows, ==, 3);
  g_assert_cmpuint (preview->rows->len, ==, 2);
  row = g_ptr_array_index (preview->rows, 0);
  g_assert_cmpstr (row[4], ==, "HTX A; B");
  row = g_ptr_array_index (preview->rows, 1);
  g_assert_cmpstr (row[4], ==, "HTX C");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  /* Each test on a file, and twice on a database on the test server: with its new rows inserted
   * one by one, and sent by COPY as a large import's are. */
#define ADD(path, func) \
  G_STMT_START { \
    g_test_add ("/io/import/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down); \
    if (awards_test_pg_available ()) \
      { \
        g_test_add ("/server/io/import/" path, Fixture, io_test_on_server, fixture_set_up, \
                    func, fixture_tear_down); \
        g_test_add ("/server/io/import-by-copy/" path, Fixture, io_test_on_server_by_copy, \
                    fixture_set_up, func, fixture_tear_down); \
      } \
  } G_STMT_END
#define ADD_WITH_DATA(path, func) \
  G_STMT_START { \
    g_test_add ("/io/import/" path, Fixture, NULL, fixture_set_up_with_data, func, \
                fixture_tear_down); \
    if (awards_test_pg_available ()) \
      { \
        g_test_add ("/server/io/import/" path, Fixture, io_test_on_server, \
                    fixture_set_up_with_data, func, fixture_tear_down); \
        g_test_add ("/server/io/import-by-copy/" path, Fixture, io_test_on_server_by_copy, \
                    fixture_set_up_with_data, func, fixture_tear_down); \
      } \
  } G_STMT_END
  if (!awards_test_pg_available ())
    g_test_add_func ("/server/skipped", awards_test_pg_skip);

  ADD ("basic", test_import_basic);
  ADD ("trims", test_import_trims);
  ADD ("bom-crlf", test_import_bom_crlf);
  ADD ("semicolons", test_import_semicolons);
  ADD ("date-forms", test_import_date_forms);
  ADD ("vietnamese-recipient-types", test_import_vietnamese_kinds);
  ADD ("column-order", test_import_column_order);
  ADD ("quoted-fields", test_import_quoted_fields);
  ADD ("unnamed-columns", test_import_unnamed_columns);
  ADD_WITH_DATA ("long-file-lines", test_import_long_file_lines);
  ADD_WITH_DATA ("rejects/bad-date", test_import_bad_date);
  ADD_WITH_DATA ("rejects/future-date", test_import_future_date);
  ADD_WITH_DATA ("rejects/empty-recipient", test_import_empty_recipient);
  ADD_WITH_DATA ("rejects/header", test_import_header_problems);
  ADD_WITH_DATA ("rejects/unterminated-quote", test_import_unterminated_quote);
  ADD_WITH_DATA ("rejects/misplaced-quote", test_import_misplaced_quote);
  ADD_WITH_DATA ("rejects/eligibility", test_import_eligibility);
  ADD_WITH_DATA ("rejects/duplicate-in-file", test_import_duplicate_in_file);
  ADD_WITH_DATA ("rejects/repeat-across-copy-start", test_import_repeat_across_copy_start);
  ADD_WITH_DATA ("rejects/row-problems", test_import_row_problems);
  ADD_WITH_DATA ("rejects/every-problem", test_import_every_problem);
  ADD_WITH_DATA ("rejects/import-again", test_import_again_refused);
  ADD_WITH_DATA ("rejects/decision-date-conflict", test_import_decision_date_conflict);
  ADD_WITH_DATA ("dry-run", test_import_dry_run);
  ADD ("hai-phong-2011", test_import_hai_phong);
  ADD ("display-name", test_import_display_name);
  ADD ("progress", test_import_progress);
  ADD ("async", test_import_async);
  ADD ("cancelled", test_import_cancelled);
  ADD ("preview", test_import_preview);

  return g_test_run ();
}
