/* io-test-util.h: a fresh store in a temporary directory for every test of src/io
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib/gstdio.h>

#include "awards-batch.h"
#include "awards-exporter.h"
#include "awards-import-preview.h"
#include "awards-importer.h"
#include "awards-store-open.h"
#include "awards-test-pg.h"
#include "awards-test-util.h"

#define HEADER \
  "decision_number,decision_date,authority,award,recipient_type,recipient,organisation," \
  "position,achievement,period\n"

/* The 2011 year-end review of Hải Phòng (DESIGN.md): 3 flags, 5 + 10 and 2 + 7 certificates. */
#define HAI_PHONG_2011 \
  HEADER \
  "3456/QĐ-UBND,28/12/2011,UBND thành phố Hải Phòng,Cờ thi đua xuất sắc,collective," \
    "Liên minh HTX thành phố Hải Phòng,,,đã có thành tích xuất sắc năm 2011,2011\n" \
  "3456/QĐ-UBND,28/12/2011,UBND thành phố Hải Phòng,Cờ thi đua xuất sắc,collective," \
    "HTX Bạch Đằng,,,đã có thành tích xuất sắc năm 2011,2011\n" \
  "3456/QĐ-UBND,28/12/2011,UBND thành phố Hải Phòng,Cờ thi đua xuất sắc,collective," \
    "Công ty TNHH Quý Cao,,,đã có thành tích xuất sắc năm 2011,2011\n" \
  "3457/QĐ-UBND,28/12/2011,UBND thành phố Hải Phòng,Bằng khen,collective,HTX Bạch Đằng,,," \
    "\"đã có thành tích xuất sắc trong sản xuất, kinh doanh năm 2011\",2011\n" \
  "3457/QĐ-UBND,28/12/2011,UBND thành phố Hải Phòng,Bằng khen,collective,HTX Tân Hưng,,," \
    "\"đã có thành tích xuất sắc trong sản xuất, kinh doanh năm 2011\",2011\n" \
  "3457/QĐ-UBND,28/12/2011,UBND thành phố Hải Phòng,Bằng khen,collective,HTX Đông Hải,,," \
    "\"đã có thành tích xuất sắc trong sản xuất, kinh doanh năm 2011\",2011\n" \
  "3457/QĐ-UBND,28/12/2011,UBND thành phố Hải Phòng,Bằng khen,collective," \
    "HTX nông nghiệp An Lư,,,\"đã có thành tích xuất sắc trong sản xuất, kinh doanh năm " \
    "2011\",2011\n" \
  "3457/QĐ-UBND,28/12/2011,UBND thành phố Hải Phòng,Bằng khen,collective," \
    "HTX vận tải Thành Công,,,\"đã có thành tích xuất sắc trong sản xuất, kinh doanh năm " \
    "2011\",2011\n" \
  "3457/QĐ-UBND,28/12/2011,UBND thành phố Hải Phòng,Bằng khen,individual,Nguyễn Văn An," \
    "HTX Bạch Đằng,Chủ nhiệm,đã có thành tích xuất sắc,2011\n" \
  "3457/QĐ-UBND,28/12/2011,UBND thành phố Hải Phòng,Bằng khen,individual,Trần Thị Bình," \
    "HTX Bạch Đằng,Kế toán trưởng,đã có thành tích xuất sắc,2011\n" \
  "3457/QĐ-UBND,28/12/2011,UBND thành phố Hải Phòng,Bằng khen,individual,Lê Văn Cường," \
    "HTX Tân Hưng,Chủ nhiệm,đã có thành tích xuất sắc,2011\n" \
  "3457/QĐ-UBND,28/12/2011,UBND thành phố Hải Phòng,Bằng khen,individual,Phạm Thị Dung," \
    "HTX Đông Hải,Phó Chủ nhiệm,đã có thành tích xuất sắc,2011\n" \
  "3457/QĐ-UBND,28/12/2011,UBND thành phố Hải Phòng,Bằng khen,individual,Hoàng Văn Em," \
    "Công ty TNHH Quý Cao,Giám đốc,đã có thành tích xuất sắc,2011\n" \
  "3457/QĐ-UBND,28/12/2011,UBND thành phố Hải Phòng,Bằng khen,individual,Vũ Thị Giang," \
    "HTX nông nghiệp An Lư,Chủ nhiệm,đã có thành tích xuất sắc,2011\n" \
  "3457/QĐ-UBND,28/12/2011,UBND thành phố Hải Phòng,Bằng khen,individual,Đan Đức Hiệp," \
    "HTX vận tải Thành Công,Chủ nhiệm,đã có thành tích xuất sắc,2011\n" \
  "3457/QĐ-UBND,28/12/2011,UBND thành phố Hải Phòng,Bằng khen,individual,Bùi Văn Khoa," \
    "Liên minh HTX thành phố Hải Phòng,Trưởng ban,đã có thành tích xuất sắc,2011\n" \
  "3457/QĐ-UBND,28/12/2011,UBND thành phố Hải Phòng,Bằng khen,individual,Đỗ Thị Lan," \
    "Liên minh HTX thành phố Hải Phòng,Chuyên viên,đã có thành tích xuất sắc,2011\n" \
  "3457/QĐ-UBND,28/12/2011,UBND thành phố Hải Phòng,Bằng khen,individual,Ngô Văn Minh," \
    "HTX Bạch Đằng,Tổ trưởng sản xuất,đã có thành tích xuất sắc,2011\n" \
  "1234/QĐ-LMHTXVN,28/12/2011,Liên minh HTX Việt Nam,Bằng khen,collective," \
    "Liên minh HTX thành phố Hải Phòng,,,đã có thành tích trong phong trào HTX,2011\n" \
  "1234/QĐ-LMHTXVN,28/12/2011,Liên minh HTX Việt Nam,Bằng khen,collective,HTX Bạch Đằng,,," \
    "đã có thành tích trong phong trào HTX,2011\n" \
  "1234/QĐ-LMHTXVN,28/12/2011,Liên minh HTX Việt Nam,Bằng khen,individual,Nguyễn Văn An," \
    "HTX Bạch Đằng,Chủ nhiệm,đã có thành tích trong phong trào HTX,2011\n" \
  "1234/QĐ-LMHTXVN,28/12/2011,Liên minh HTX Việt Nam,Bằng khen,individual,Lê Văn Cường," \
    "HTX Tân Hưng,Chủ nhiệm,đã có thành tích trong phong trào HTX,2011\n" \
  "1234/QĐ-LMHTXVN,28/12/2011,Liên minh HTX Việt Nam,Bằng khen,individual,Phạm Thị Dung," \
    "HTX Đông Hải,Phó Chủ nhiệm,đã có thành tích trong phong trào HTX,2011\n" \
  "1234/QĐ-LMHTXVN,28/12/2011,Liên minh HTX Việt Nam,Bằng khen,individual,Hoàng Văn Em," \
    "Công ty TNHH Quý Cao,Giám đốc,đã có thành tích trong phong trào HTX,2011\n" \
  "1234/QĐ-LMHTXVN,28/12/2011,Liên minh HTX Việt Nam,Bằng khen,individual,Vũ Thị Giang," \
    "HTX nông nghiệp An Lư,Chủ nhiệm,đã có thành tích trong phong trào HTX,2011\n" \
  "1234/QĐ-LMHTXVN,28/12/2011,Liên minh HTX Việt Nam,Bằng khen,individual,Đan Đức Hiệp," \
    "HTX vận tải Thành Công,Chủ nhiệm,đã có thành tích trong phong trào HTX,2011\n" \
  "1234/QĐ-LMHTXVN,28/12/2011,Liên minh HTX Việt Nam,Bằng khen,individual,Bùi Văn Khoa," \
    "Liên minh HTX thành phố Hải Phòng,Trưởng ban,đã có thành tích trong phong trào HTX,2011\n"

typedef struct
{
  char        *dir;
  char        *server;
  AwardsStore *store;
} Fixture;

/* The data of a test whose store is a new database on the test server instead of a file. */
static const char io_test_on_server[] = "server";
/* The same, with the server sent every import's new rows by COPY however few they are. */
static const char io_test_on_server_by_copy[] = "server by copy";

static void G_GNUC_UNUSED
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("coop-awards-io-XXXXXX", &error);
  g_assert_no_error (error);

  if (data == io_test_on_server || data == io_test_on_server_by_copy)
    {
      gboolean created = FALSE;

      fixture->server = awards_test_pg_new_database (NULL);
      g_assert_nonnull (fixture->server);
      awards_store_init_server (fixture->server, &created, NULL, &error);
      g_assert_no_error (error);
      path = g_strdup (fixture->server);
      awards_batch_set_copy_min_rows (data == io_test_on_server_by_copy ? 1 : 0);
    }
  else
    {
      path = g_build_filename (fixture->dir, "awards.db", NULL);
    }
  fixture->store = awards_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);
}

static void G_GNUC_UNUSED
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  awards_batch_set_copy_min_rows (0);
  if (fixture->server != NULL)
    awards_test_pg_drop_database (fixture->server);
  g_free (fixture->server);
  awards_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* Writes @contents (NUL-terminated) to @name in the test's directory; returns the path. */
static char * G_GNUC_UNUSED
write_file (Fixture    *fixture,
            const char *name,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return path;
}

static guint G_GNUC_UNUSED
count_commendations (AwardsStore *store)
{
  g_autoptr(GError) error = NULL;
  AwardsQuery query;
  guint count;

  awards_query_init (&query);
  count = awards_store_count_commendations (store, &query, &error);
  g_assert_no_error (error);

  return count;
}

/* Imports @contents as the file "awards.csv" of the test's directory. */
static gboolean G_GNUC_UNUSED
import_text (Fixture          *fixture,
             const char       *contents,
             gboolean          dry_run,
             AwardsImporter  **importer_out,
             GError          **error)
{
  g_autoptr(AwardsImporter) importer = awards_importer_new (fixture->store);
  g_autofree char *path = write_file (fixture, "awards.csv", contents);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gboolean ok;

  awards_importer_set_dry_run (importer, dry_run);
  ok = awards_importer_import_file (importer, file, NULL, NULL, error);

  if (importer_out != NULL)
    *importer_out = g_steal_pointer (&importer);

  return ok;
}

/* Imports @contents and insists that it fails with exactly @expected, writing nothing. */
static void G_GNUC_UNUSED
assert_import_fails (Fixture    *fixture,
                     const char *contents,
                     const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsImporter) importer = NULL;
  guint before = count_commendations (fixture->store);

  g_assert_false (import_text (fixture, contents, FALSE, &importer, &error));
  g_assert_error (error, AWARDS_IMPORT_ERROR, AWARDS_IMPORT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, expected);
  g_assert_cmpuint (awards_importer_get_problems (importer)->len, >, 0);
  g_assert_cmpuint (count_commendations (fixture->store), ==, before);
}
