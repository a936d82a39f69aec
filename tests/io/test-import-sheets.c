/* test-import-sheets.c: workbooks, Vietnamese column names and near-duplicate names on import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <sqlite3.h>

#include "awards-import-check.h"
#include "awards-sheet-names.h"
#include "io-test-util.h"

/* The committed workbooks of fixtures/ (see make-fixtures.py). */
static GFile *
fixture_file (const char *name)
{
  return g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "io", "fixtures", name, NULL));
}

static gboolean
import (Fixture         *fixture,
        GFile           *file,
        gboolean         allow_new,
        AwardsImporter **importer_out,
        GError         **error)
{
  g_autoptr(AwardsImporter) importer = awards_importer_new (fixture->store);
  gboolean ok;

  awards_importer_set_allow_new (importer, allow_new);
  ok = awards_importer_import_file (importer, file, NULL, NULL, error);
  if (importer_out != NULL)
    *importer_out = g_steal_pointer (&importer);
  return ok;
}

static void
import_fixture (Fixture    *fixture,
                const char *name)
{
  g_autoptr(GFile) file = fixture_file (name);
  g_autoptr(GError) error = NULL;

  g_assert_true (import (fixture, file, FALSE, NULL, &error));
  g_assert_no_error (error);
}

static char *
export_all (Fixture *fixture)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  guint n_rows = 0;

  g_assert_true (awards_export_csv_to_stream (fixture->store, NULL, stream, &n_rows, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (stream, "", 1, NULL, NULL, NULL));
  g_output_stream_close (stream, NULL, NULL);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
}

/* The awards of the equivalent CSV, as export writes them. */
static char *
expected_awards (void)
{
  Fixture csv = { 0, };
  char *exported;

  fixture_set_up (&csv, NULL);
  import_fixture (&csv, "awards-vi.csv");
  exported = export_all (&csv);
  fixture_tear_down (&csv, NULL);
  return exported;
}

static void
test_csv_vietnamese (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *exported = NULL;

  /* Vietnamese column names, an STT column, text dates. */
  import_fixture (fixture, "awards-vi.csv");
  exported = export_all (fixture);
  g_assert_cmpuint (count_commendations (fixture->store), ==, 5);
  g_assert_nonnull (strstr (exported, "\n3456/QĐ-UBND,2011-12-28,UBND thành phố Hải Phòng,"
                                      "Bằng khen,individual,Trần Văn Bảy,HTX Bạch Đằng,"
                                      "Chủ nhiệm,Đã có thành tích xuất sắc,2011\n"));
  g_assert_nonnull (strstr (exported, "\n56/QĐ-LMHTX,2012-01-15,Liên minh HTX Việt Nam,"));
}

/* A workbook with a title block, Vietnamese headers, an STT column, date cells and a merged
 * decision imports exactly the awards of the equivalent CSV. */
static void
test_workbook_same_as_csv (Fixture       *fixture,
                           gconstpointer  data)
{
  const char *name = data;
  g_autofree char *expected = expected_awards ();
  g_autofree char *exported = NULL;

  import_fixture (fixture, name);
  exported = export_all (fixture);
  g_assert_cmpuint (count_commendations (fixture->store), ==, 5);
  g_assert_cmpstr (exported, ==, expected);
}

/* The names that typos.xlsx misspells, without any award. */
static void
seed_names (Fixture *fixture)
{
  g_autoptr(AwardsOrganisation) organisation = awards_organisation_new ();
  g_autoptr(AwardsAuthority) authority = awards_authority_new ();
  g_autoptr(GError) error = NULL;

  awards_organisation_set_name (organisation, "HTX Bạch Đằng");
  g_assert_cmpint (awards_store_save_organisation (fixture->store, organisation, &error), >, 0);
  g_assert_no_error (error);
  awards_authority_set_name (authority, "Liên minh HTX Việt Nam");
  g_assert_cmpint (awards_store_save_authority (fixture->store, authority, &error), >, 0);
  g_assert_no_error (error);
}

static void
assert_typos_refused (Fixture    *fixture,
                      const char *name,
                      const char *expected)
{
  g_autoptr(GFile) file = fixture_file (name);
  g_autoptr(AwardsImporter) importer = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *near_names;
  const AwardsImportNearName *near_name;

  seed_names (fixture);
  g_assert_false (import (fixture, file, FALSE, &importer, &error));
  g_assert_error (error, AWARDS_IMPORT_ERROR, AWARDS_IMPORT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, expected);
  g_assert_cmpuint (count_commendations (fixture->store), ==, 0);

  near_names = awards_importer_get_near_names (importer);
  g_assert_cmpuint (near_names->len, ==, 3);
  near_name = g_ptr_array_index (near_names, 0);
  g_assert_cmpint (near_name->kind, ==, AWARDS_NEAR_AWARD_TYPE);
  g_assert_cmpstr (near_name->name, ==, "Bằng khn");
  g_assert_cmpstr (near_name->suggestions[0], ==, "Bằng khen");
  g_clear_object (&importer);
  g_clear_error (&error);

  /* Allowed, they become new records. */
  g_assert_true (import (fixture, file, TRUE, &importer, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_commendations (fixture->store), ==, 5);
  g_assert_cmpuint (awards_importer_get_new_names (importer, AWARDS_NEAR_AWARD_TYPE)->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (awards_importer_get_new_names (importer,
                                                                     AWARDS_NEAR_AWARD_TYPE), 0),
                   ==, "Bằng khn");
}

static void
test_typos_csv (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *name = NULL;

  csv = g_strconcat ("STT,Số quyết định,Ngày quyết định,Cơ quan khen thưởng,"
                     "Hình thức khen thưởng,Loại,Tên,Đơn vị,Chức vụ,Nội dung,Năm\n",
                     "1,9/QĐ-UBND,02/02/2012,UBND thành phố Hải Phòng,Bằng khn,tập thể,"
                     "HTX Bạch Đằng,,,,2012\n",
                     "2,9/QĐ-UBND,02/02/2012,UBND thành phố Hải Phòng,Bằng khen,cá nhân,"
                     "Nguyễn Văn Tư,HTX Bạch Đằg,,,2012\n",
                     "3,10/QĐ-LMHTX,02/02/2012,Liên minh HTX Việt Nama,Bằng khen,tập thể,"
                     "HTX Bạch Đằng,,,,2012\n",
                     "4,11/QĐ-LMHTX,03/02/2012,Liên minh HTX Việt Nam,Bằng khen,tập thể,"
                     "Cty TNHH Quý Cao,,,,2012\n",
                     "5,11/QĐ-LMHTX,03/02/2012,Liên minh HTX Việt Nam,Bằng khen,tập thể,"
                     "Công ty trách nhiệm hữu hạn Quý Cao,,,,2012\n", NULL);
  path = write_file (fixture, "typos.csv", csv);
  name = g_path_get_basename (path);
  expected = g_strdup_printf ("%s:2: unknown award “Bằng khn”; did you mean “Bằng khen”?\n"
                              "%s:3: unknown organisation “HTX Bạch Đằg”; did you mean “HTX Bạch Đằng”?\n"
                              "%s:4: unknown authority “Liên minh HTX Việt Nama”; "
                              "did you mean “Liên minh HTX Việt Nam”?\n"
                              "%s:5: unknown organisation “Cty TNHH Quý Cao”; "
                              "did you mean “Công ty TNHH Quý Cao”?\n"
                              "%s:6: unknown organisation “Công ty trách nhiệm hữu hạn Quý Cao”; "
                              "did you mean “Công ty TNHH Quý Cao”?",
                              name, name, name, name, name);

  {
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(AwardsImporter) importer = NULL;
    g_autoptr(GError) error = NULL;

    import_fixture (fixture, "awards-vi.csv");
    g_assert_false (import (fixture, file, FALSE, &importer, &error));
    g_assert_error (error, AWARDS_IMPORT_ERROR, AWARDS_IMPORT_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==, expected);
    g_clear_object (&importer);
    g_clear_error (&error);

    g_assert_true (import (fixture, file, TRUE, &importer, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (count_commendations (fixture->store), ==, 10);
  }
}

/* A row with problems of its own still has its near names asked about, so that it is
 * corrected in one go; an organisation is looked at only when the recipient type is known. */
static void
test_typos_beside_other_problems (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *name = NULL;

  path = write_file (fixture, "mixed.csv",
                     "Số quyết định,Ngày quyết định,Cơ quan khen thưởng,"
                     "Hình thức khen thưởng,Loại,Tên,Đơn vị\n"
                     "9/QĐ-UBND,31/02/2012,UBND thành phố Hải Phòng,Bằng khn,tập thể,"
                     "HTX Bạch Đằng,\n"
                     "10/QĐ-LMHTX,02/02/2012,Liên minh HTX Việt Nama,Bằng khen,tập thẻ,"
                     "HTX Bạch Đằg,\n"
                     "11/QĐ-LMHTX,03/02/2012,Liên minh HTX Việt Nam,,tập thể,"
                     "HTX Bạch Đằg,\n"
                     "12/QĐ-LMHTX,03/02/2012,Liên minh HTX Việt Nama,Bằng khn\n");
  name = g_path_get_basename (path);
  expected = g_strdup_printf ("%s:2: invalid date “31/02/2012” in column Ngày quyết định\n"
                              "%s:2: unknown award “Bằng khn”; did you mean “Bằng khen”?\n"
                              "%s:3: invalid recipient type “tập thẻ” (expected collective or "
                              "individual, tập thể or cá nhân)\n"
                              "%s:3: unknown authority “Liên minh HTX Việt Nama”; "
                              "did you mean “Liên minh HTX Việt Nam”?\n"
                              "%s:4: empty Hình thức khen thưởng\n"
                              "%s:4: unknown organisation “HTX Bạch Đằg”; "
                              "did you mean “HTX Bạch Đằng”?\n"
                              "%s:5: 4 fields, but the header has 7",
                              name, name, name, name, name, name, name);
  file = g_file_new_for_path (path);
  import_fixture (fixture, "awards-vi.csv");
  g_assert_false (import (fixture, file, FALSE, NULL, &error));
  g_assert_error (error, AWARDS_IMPORT_ERROR, AWARDS_IMPORT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, expected);
  g_assert_cmpuint (count_commendations (fixture->store), ==, 5);
}

/* The people of @organisation, read from the file. */
static int
count_people (Fixture    *fixture,
              const char *organisation)
{
  g_autofree char *path = g_build_filename (fixture->dir, "awards.db", NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int n = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM person p JOIN organisation o"
                                       " ON o.id = p.organisation_id WHERE o.name = ?", -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, organisation, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* With new names allowed, a person written again in another case or spacing is the same
 * person of the organisation, in an organisation already there as in one the file creates; a
 * near spelling is a new person, and so is the same name in another organisation. */
static void
test_new_people_allowed (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *csv = NULL;
  int before;

  csv = g_strconcat ("decision_number,decision_date,authority,award,recipient_type,recipient,"
                     "organisation\n",
                     "901/QĐ-TEST,02/02/2012,UBND thành phố Hải Phòng,Bằng khen,individual,"
                     "Nguyễn Văn Tư,HTX Bạch Đằng\n",
                     "902/QĐ-TEST,03/02/2012,UBND thành phố Hải Phòng,Bằng khen,individual,"
                     "NGUYỄN VĂN TƯ,HTX Bạch Đằng\n",
                     "903/QĐ-TEST,04/02/2012,UBND thành phố Hải Phòng,Bằng khen,individual,"
                     "Nguyễn Văn Từ,HTX Bạch Đằng\n",
                     "901/QĐ-TEST,02/02/2012,UBND thành phố Hải Phòng,Bằng khen,individual,"
                     "Nguyễn Văn Tư,HTX Đông Lợi\n",
                     "902/QĐ-TEST,03/02/2012,UBND thành phố Hải Phòng,Bằng khen,individual,"
                     "nguyễn văn tư,HTX Đông Lợi\n",
                     "901/QĐ-TEST,02/02/2012,UBND thành phố Hải Phòng,Bằng khen,individual,"
                     "Nguyễn Văn Tư,HTX Phú Tâm\n", NULL);
  path = write_file (fixture, "people.csv", csv);
  file = g_file_new_for_path (path);

  import_fixture (fixture, "awards-vi.csv");
  before = count_people (fixture, "HTX Bạch Đằng");
  g_assert_cmpint (before, >, 0);
  g_assert_cmpint (count_people (fixture, "HTX Đông Lợi"), ==, 0);

  g_assert_true (import (fixture, file, TRUE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_people (fixture, "HTX Bạch Đằng"), ==, before + 2);
  g_assert_cmpint (count_people (fixture, "HTX Đông Lợi"), ==, 1);
  g_assert_cmpint (count_people (fixture, "HTX Phú Tâm"), ==, 1);
}

static void
test_typos_xlsx (Fixture       *fixture,
                 gconstpointer  data)
{
  /* The spreadsheet's own row numbers, below its title block. */
  assert_typos_refused (fixture, "typos.xlsx",
                        "typos.xlsx:6: unknown award “Bằng khn”; did you mean “Bằng khen”?\n"
                        "typos.xlsx:7: unknown organisation “HTX Bạch Đằg”; "
                        "did you mean “HTX Bạch Đằng”?\n"
                        "typos.xlsx:8: unknown authority “Liên minh HTX Việt Nama”; "
                        "did you mean “Liên minh HTX Việt Nam”?");
}

static gboolean
has_name (GPtrArray  *names,
          const char *name)
{
  for (guint i = 0; i < names->len; i++)
    if (g_str_equal (g_ptr_array_index (names, i), name))
      return TRUE;
  return FALSE;
}

/* The window says per name what a near duplicate stands for. */
static void
test_resolutions (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GFile) file = fixture_file ("typos.xlsx");
  g_autoptr(AwardsImporter) importer = awards_importer_new (fixture->store);
  g_autoptr(GError) error = NULL;
  g_autofree char *exported = NULL;

  seed_names (fixture);
  awards_importer_resolve_near_name (importer, AWARDS_NEAR_AWARD_TYPE, "Bằng khn", "Bằng khen");
  awards_importer_resolve_near_name (importer, AWARDS_NEAR_ORGANISATION, "HTX Bạch Đằg",
                                     "HTX Bạch Đằng");
  awards_importer_resolve_near_name (importer, AWARDS_NEAR_AUTHORITY, "Liên minh HTX Việt Nama",
                                     NULL);
  g_assert_true (awards_importer_import_file (importer, file, NULL, NULL, &error));
  g_assert_no_error (error);

  /* Of the near names, only the authority, which the user chose to create, is new. */
  g_assert_cmpuint (awards_importer_get_new_names (importer, AWARDS_NEAR_AWARD_TYPE)->len, ==, 0);
  g_assert_false (has_name (awards_importer_get_new_names (importer, AWARDS_NEAR_ORGANISATION),
                            "HTX Bạch Đằg"));
  g_assert_cmpuint (awards_importer_get_new_names (importer, AWARDS_NEAR_ORGANISATION)->len, ==, 2);
  g_assert_true (has_name (awards_importer_get_new_names (importer, AWARDS_NEAR_AUTHORITY),
                           "Liên minh HTX Việt Nama"));
  exported = export_all (fixture);
  g_assert_null (strstr (exported, "Bằng khn"));
  g_assert_null (strstr (exported, "HTX Bạch Đằg,"));
  g_assert_nonnull (strstr (exported, ",Liên minh HTX Việt Nama,"));
}

/* A new person of a near organisation that the user took for the existing one is listed under
 * that one, where the import records them. */
static void
test_resolution_lists_person_under_it (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(AwardsImporter) importer = awards_importer_new (fixture->store);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_file (fixture, "people.csv",
                                      "decision_number,decision_date,authority,award,"
                                      "recipient_type,recipient,organisation\n"
                                      "5/QĐ-LMHTX,2011-12-28,Liên minh HTX Việt Nam,Giấy khen,"
                                      "individual,Đỗ Văn Nam,HTX Bach Dangg\n");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GPtrArray *people;

  seed_names (fixture);
  awards_importer_set_dry_run (importer, TRUE);
  awards_importer_resolve_near_name (importer, AWARDS_NEAR_ORGANISATION, "HTX Bach Dangg",
                                     "HTX Bạch Đằng");
  g_assert_true (awards_importer_import_file (importer, file, NULL, NULL, &error));
  g_assert_no_error (error);
  people = awards_importer_get_new_names (importer, AWARDS_NEAR_PERSON);
  g_assert_cmpuint (people->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (people, 0), ==, "Đỗ Văn Nam (HTX Bạch Đằng)");
  g_assert_cmpuint (awards_importer_get_new_names (importer, AWARDS_NEAR_ORGANISATION)->len, ==,
                    0);
}

static void
test_sheet_choice (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GFile) file = fixture_file ("awards-vi.xlsx");
  g_autoptr(AwardsImporter) importer = awards_importer_new (fixture->store);
  g_autoptr(GError) error = NULL;

  awards_importer_set_sheet_name (importer, "Không có");
  g_assert_false (awards_importer_import_file (importer, file, NULL, NULL, &error));
  g_assert_error (error, AWARDS_IMPORT_ERROR, AWARDS_IMPORT_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==,
                   "The workbook has no sheet “Không có”; its sheets are “Danh sách”, “Khác”.");
  g_clear_error (&error);

  /* A sheet without the list's header row. */
  awards_importer_set_sheet_name (importer, "Khác");
  g_assert_false (awards_importer_import_file (importer, file, NULL, NULL, &error));
  g_assert_error (error, AWARDS_IMPORT_ERROR, AWARDS_IMPORT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "awards-vi.xlsx:1: no row names the columns of the list "
                                       "(such as “Họ và tên” and “Hình thức khen thưởng”)");
  g_clear_error (&error);

  awards_importer_set_sheet_name (importer, "Danh sách");
  g_assert_true (awards_importer_import_file (importer, file, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_commendations (fixture->store), ==, 5);
}

/* A damaged workbook is refused with a sentence, not a crash. */
static void
test_damaged_workbook (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *zip_path = write_file (fixture, "broken.xlsx", "PK\003\004 not a zip");
  g_autoptr(GFile) zip = g_file_new_for_path (zip_path);
  g_autofree char *ole_path = NULL;
  g_autoptr(GFile) ole = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (import (fixture, zip, FALSE, NULL, &error));
  g_assert_error (error, AWARDS_IMPORT_ERROR, AWARDS_IMPORT_ERROR_FAILED);
  g_assert_true (g_str_has_prefix (error->message, "broken.xlsx is not a workbook that can be read"));
  g_clear_error (&error);

  /* The signature of an Excel 97–2003 file and nothing after it. */
  ole_path = write_file (fixture, "broken.xls", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 and no more");
  ole = g_file_new_for_path (ole_path);
  g_assert_false (import (fixture, ole, FALSE, NULL, &error));
  g_assert_error (error, AWARDS_IMPORT_ERROR, AWARDS_IMPORT_ERROR_FAILED);
  g_assert_true (g_str_has_prefix (error->message, "broken.xls is not a workbook that can be read"));
  g_assert_cmpuint (count_commendations (fixture->store), ==, 0);
}

/* Export with Vietnamese column names imports into an empty database unchanged. */
static void
test_export_vietnamese_header (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "vi.csv", NULL);
  g_autofree char *written = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  Fixture empty = { 0, };

  import_fixture (fixture, "awards-vi.csv");
  before = export_all (fixture);
  g_assert_true (awards_export_to_path_with_header (fixture->store, NULL, AWARDS_EXPORT_FORMAT_CSV,
                                                    AWARDS_EXPORT_HEADER_VI, path, NULL, NULL,
                                                    &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &written, NULL, NULL));
  g_assert_true (g_str_has_prefix (written, "Số quyết định,Ngày quyết định,Cơ quan khen thưởng,"
                                            "Hình thức khen thưởng,Đối tượng,Họ và tên,Đơn vị,"
                                            "Chức vụ,Thành tích,Năm\n"));

  fixture_set_up (&empty, NULL);
  g_assert_true (import (&empty, file, FALSE, NULL, &error));
  g_assert_no_error (error);
  after = export_all (&empty);
  fixture_tear_down (&empty, NULL);
  g_assert_cmpstr (after, ==, before);
}

/* A header over two rows (header2.*, see make-header-fixtures.py): a merged "Quyết định" over
 * "Số" and "Ngày", the other names merged down across both rows, a title merged across the
 * top. The two rows are read as one header; the data rows keep the sheet's own numbers. */
static void
test_two_row_header (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *name = data;
  g_autoptr(GFile) file = fixture_file (name);
  g_autoptr(AwardsImporter) importer = awards_importer_new (fixture->store);
  g_autoptr(AwardsImportCheck) check = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *expected = NULL;
  g_auto(GStrv) sheets = NULL;
  const AwardsCheckedRow *row;

  /* The workbook's sheets, in order, as the window offers them. */
  sheets = awards_sheet_list_names (file, awards_sheet_sniff (file, NULL), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (sheets), ==, 2);
  g_assert_cmpstr (sheets[0], ==, "Danh sách");
  g_assert_cmpstr (sheets[1], ==, "Có lỗi");

  /* The preview names the combined columns and numbers the rows as the sheet does. */
  check = awards_import_check_file (importer, file, 10, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (check->error);
  g_assert_cmpuint (check->problems->len, ==, 0);
  g_assert_cmpuint (check->n_rows, ==, 2);
  g_assert_cmpstr (check->sheet_name, ==, "Danh sách");
  g_assert_cmpstr (check->columns[3], ==, "Decision number");
  g_assert_cmpstr (check->columns[4], ==, "Decision date");
  row = g_ptr_array_index (check->rows, 0);
  g_assert_cmpuint (row->line, ==, 5);
  g_assert_cmpstr (row->cells[3], ==, "3457/QĐ-UBND");
  g_assert_cmpstr (row->cells[4], ==, "28/12/2011");

  /* A bad row is named by its row in the sheet. */
  awards_importer_set_sheet_name (importer, "Có lỗi");
  g_assert_false (awards_importer_import_file (importer, file, NULL, NULL, &error));
  g_assert_error (error, AWARDS_IMPORT_ERROR, AWARDS_IMPORT_ERROR_INVALID);
  expected = g_strdup_printf ("%s:6: invalid date “31/02/2011” in column Ngày quyết định", name);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);
  g_assert_cmpuint (count_commendations (fixture->store), ==, 0);
  awards_importer_set_sheet_name (importer, "Danh sách");

  g_assert_true (awards_importer_import_file (importer, file, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_commendations (fixture->store), ==, 2);
  exported = export_all (fixture);
  g_assert_nonnull (strstr (exported, "\n3457/QĐ-UBND,2011-12-28,UBND thành phố Hải Phòng,"
                                      "Bằng khen,collective,HTX Tân Hưng,"));
  g_assert_nonnull (strstr (exported, "\n3457/QĐ-UBND,2011-12-28,UBND thành phố Hải Phòng,"
                                      "Bằng khen,individual,Trần Văn Bảy,HTX Bạch Đằng,"));

}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/import-sheets/csv-vietnamese", Fixture, NULL, fixture_set_up,
              test_csv_vietnamese, fixture_tear_down);
  g_test_add ("/import-sheets/xlsx", Fixture, "awards-vi.xlsx", fixture_set_up,
              test_workbook_same_as_csv, fixture_tear_down);
  g_test_add ("/import-sheets/xlsx-libreoffice", Fixture, "awards-vi-lo.xlsx", fixture_set_up,
              test_workbook_same_as_csv, fixture_tear_down);
  g_test_add ("/import-sheets/xls", Fixture, "awards-vi.xls", fixture_set_up,
              test_workbook_same_as_csv, fixture_tear_down);
  g_test_add ("/import-sheets/ods", Fixture, "awards-vi.ods", fixture_set_up,
              test_workbook_same_as_csv, fixture_tear_down);
  g_test_add ("/import-sheets/two-row-header-xlsx", Fixture, "header2.xlsx", fixture_set_up,
              test_two_row_header, fixture_tear_down);
  g_test_add ("/import-sheets/two-row-header-xls", Fixture, "header2.xls", fixture_set_up,
              test_two_row_header, fixture_tear_down);
  g_test_add ("/import-sheets/two-row-header-ods", Fixture, "header2.ods", fixture_set_up,
              test_two_row_header, fixture_tear_down);
  g_test_add ("/import-sheets/typos-csv", Fixture, NULL, fixture_set_up,
              test_typos_csv, fixture_tear_down);
  g_test_add ("/import-sheets/typos-beside-other-problems", Fixture, NULL, fixture_set_up,
              test_typos_beside_other_problems, fixture_tear_down);
  g_test_add ("/import-sheets/new-people-allowed", Fixture, NULL, fixture_set_up,
              test_new_people_allowed, fixture_tear_down);
  g_test_add ("/import-sheets/typos-xlsx", Fixture, NULL, fixture_set_up,
              test_typos_xlsx, fixture_tear_down);
  g_test_add ("/import-sheets/resolutions", Fixture, NULL, fixture_set_up,
              test_resolutions, fixture_tear_down);
  g_test_add ("/import-sheets/resolution-lists-person-under-it", Fixture, NULL, fixture_set_up,
              test_resolution_lists_person_under_it, fixture_tear_down);
  g_test_add ("/import-sheets/sheet-choice", Fixture, NULL, fixture_set_up,
              test_sheet_choice, fixture_tear_down);
  g_test_add ("/import-sheets/damaged-workbook", Fixture, NULL, fixture_set_up,
              test_damaged_workbook, fixture_tear_down);
  g_test_add ("/import-sheets/export-vietnamese-header", Fixture, NULL, fixture_set_up,
              test_export_vietnamese_header, fixture_tear_down);

  return g_test_run ();
}
