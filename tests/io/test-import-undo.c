/* test-import-undo.c: undo of an import too large to keep as a changeset (issue 8)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <sqlite3.h>

#include "awards-audit.h"
#include "awards-command-private.h"
#include "io-test-util.h"

/*
 * The limit above which an import keeps no changeset is lowered to a few awards, so that the
 * importer runs the path of a large import: no session, the ranges of new ids in the audit
 * entry, and an undo that deletes those ranges. A file of 8,000 rows into a small database also
 * runs the bulk mode, which ends the first transaction and begins another.
 */
#define TEST_MAX_UNDOABLE 5

/* Rows that reuse what the seed created (HTX Bạch Đằng, UBND thành phố Hải Phòng, Bằng khen)
 * and add a new authority, award, decision, organisations and people. */
static GString *
big_file (guint n_rows)
{
  GString *text = g_string_new (HEADER);

  g_string_append (text, "77/QĐ-UBND,2012-12-20,UBND thành phố Hải Phòng,Bằng khen,"
                         "collective,HTX Bạch Đằng,,,hoàn thành xuất sắc,2012\n");
  for (guint i = 1; i < n_rows; i++)
    {
      if (i % 2 == 0)
        g_string_append_printf (text, "88/QĐ-UBND,2012-12-30,UBND huyện Thủy Nguyên,"
                                      "Giấy khen đột xuất,collective,HTX Mới Số %u,,,,2012\n", i);
      else
        g_string_append_printf (text, "88/QĐ-UBND,2012-12-30,UBND huyện Thủy Nguyên,"
                                      "Giấy khen đột xuất,individual,Người Thứ %u,HTX Bạch Đằng,"
                                      "Xã viên,,2012\n", i);
    }
  return text;
}

/* The export of every award, as the CLI's export writes it. */
static char *
export_text (AwardsStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  AwardsQuery query;
  guint n_rows = 0;

  awards_query_init (&query);
  g_assert_true (awards_export_csv_to_stream (store, &query, stream, &n_rows, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (stream, NULL, &error));
  return g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)),
                    g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)));
}

/* "table=rows" for every table of the file but the log, which an undo adds to; the search
 * index by its rows, not by the segments FTS5 keeps them in. */
static char *
table_counts (Fixture *fixture)
{
  g_autofree char *path = g_build_filename (fixture->dir, "awards.db", NULL);
  g_autoptr(GString) counts = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *tables = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table'"
                                           " AND name <> 'audit_log'"
                                           " AND name NOT LIKE 'search_index_%'"
                                           " AND name NOT LIKE 'sqlite_%' ORDER BY name", -1,
                                       &tables, NULL), ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (tables, 0);
      g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM \"%s\"", name);
      sqlite3_stmt *count = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &count, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (count), ==, SQLITE_ROW);
      g_string_append_printf (counts, "%s=%lld\n", name,
                              (long long) sqlite3_column_int64 (count, 0));
      sqlite3_finalize (count);
    }
  sqlite3_finalize (tables);
  sqlite3_close (db);
  return g_string_free (g_steal_pointer (&counts), FALSE);
}

/* Imports @contents as the file @name; from a stream of unknown size when @sized is FALSE, as a
 * spreadsheet goes, so that the batch learns how large it is only while it adds the rows. */
static void
import_as (Fixture    *fixture,
           const char *name,
           const char *contents,
           gboolean    sized)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsImporter) importer = awards_importer_new (fixture->store);
  g_autofree char *path = write_file (fixture, name, contents);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  awards_importer_set_allow_new (importer, TRUE);
  if (sized)
    g_assert_true (awards_importer_import_file (importer, file, name, NULL, &error));
  else
    {
      g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (contents, -1, NULL);

      g_assert_true (awards_importer_import_stream (importer, stream, 0, name, NULL, &error));
    }
  g_assert_no_error (error);
}

static void
import_file (Fixture    *fixture,
             const char *name,
             const char *contents)
{
  import_as (fixture, name, contents, TRUE);
}

static AwardsAuditEntry *
newest_entry (AwardsStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = awards_store_list_audit (store, NULL, 1, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  return g_ptr_array_steal_index (entries, 0);
}

static void
fixture_set_up_seeded (Fixture       *fixture,
                       gconstpointer  data)
{
  fixture_set_up (fixture, data);
  import_file (fixture, "tong-ket-2011.csv", HAI_PHONG_2011);
  awards_command_set_max_undoable (TEST_MAX_UNDOABLE);
}

static void
fixture_tear_down_seeded (Fixture       *fixture,
                          gconstpointer  data)
{
  awards_command_set_max_undoable (20000);
  fixture_tear_down (fixture, data);
}

/* Imports @n_rows, undoes them, and finds the database as it was, export and tables alike. */
static void
undo_and_compare (Fixture  *fixture,
                  guint     n_rows,
                  gboolean  sized)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) file = big_file (n_rows);
  g_autofree char *export_before = export_text (fixture->store);
  g_autofree char *counts_before = table_counts (fixture);
  g_autofree char *export_after = NULL;
  g_autofree char *counts_after = NULL;
  g_autofree char *label = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(AwardsAuditEntry) imported = NULL;
  g_autoptr(AwardsAuditEntry) undone = NULL;
  guint n_awards = count_commendations (fixture->store);

  import_as (fixture, "khen-2012.csv", file->str, sized);
  g_assert_cmpuint (count_commendations (fixture->store), ==, n_awards + n_rows);

  /* One entry, as for a small import, whose after holds the ranges instead of the rows. */
  imported = newest_entry (fixture->store);
  g_assert_cmpstr (imported->action, ==, "import");
  g_assert_cmpstr (imported->kind, ==, "import");
  g_assert_cmpstr (imported->record, ==, "khen-2012.csv");
  expected = g_strdup_printf ("%u awards", n_rows);
  g_assert_cmpstr (imported->details, ==, expected);
  g_assert_nonnull (imported->after);
  g_assert_true (g_str_has_prefix (imported->after, "{\"created\":{\"commendation\":["));
  g_assert_nonnull (strstr (imported->after, "\"authority\":["));
  g_assert_nonnull (strstr (imported->after, "\"award_type\":["));

  label = awards_store_get_undo_label (fixture->store);
  g_assert_cmpstr (label, ==, "Undo Import “khen-2012.csv”");
  g_assert_true (awards_store_undo (fixture->store, &error));
  g_assert_no_error (error);

  export_after = export_text (fixture->store);
  counts_after = table_counts (fixture);
  g_assert_cmpstr (export_after, ==, export_before);
  g_assert_cmpstr (counts_after, ==, counts_before);
  g_assert_cmpuint (count_commendations (fixture->store), ==, n_awards);

  undone = newest_entry (fixture->store);
  g_assert_cmpstr (undone->action, ==, "undo");
  g_assert_cmpstr (undone->kind, ==, "import");
  g_assert_cmpstr (undone->record, ==, "khen-2012.csv");
  g_assert_cmpstr (undone->details, ==, expected);

  /* The rows are gone and were not kept: there is nothing to redo, and the import before it
   * (the seed, small enough for a changeset) is next. */
  g_assert_false (awards_store_can_redo (fixture->store));
  g_assert_false (awards_store_redo (fixture->store, &error));
  g_assert_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_NOT_FOUND);
  g_clear_pointer (&label, g_free);
  label = awards_store_get_undo_label (fixture->store);
  g_assert_cmpstr (label, ==, "Undo Import “tong-ket-2011.csv”");
}

static void
test_undo_large (Fixture       *fixture,
                 gconstpointer  data)
{
  undo_and_compare (fixture, 40, TRUE);
}

/* Without the size, the batch drops its changes when the rows pass the limit. */
static void
test_undo_unknown_size (Fixture       *fixture,
                        gconstpointer  data)
{
  undo_and_compare (fixture, 40, FALSE);
}

/* 8,000 rows of some 120 bytes into 27 awards: the batch goes into bulk mode. */
static void
test_undo_bulk (Fixture       *fixture,
                gconstpointer  data)
{
  undo_and_compare (fixture, 8000, TRUE);
}

/* A second store on the same file: another window or program. */
static AwardsStore *
open_other (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "awards.db", NULL);
  AwardsStore *other = awards_store_open (path, &error);

  g_assert_no_error (error);
  return other;
}

static gint64
person_id (AwardsStore *store,
           const char  *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = awards_store_list_people (store, NULL, 0, 0, G_MAXUINT, &error);
  gint64 id = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < people->len; i++)
    if (g_strcmp0 (awards_person_get_full_name (g_ptr_array_index (people, i)), name) == 0)
      id = awards_person_get_id (g_ptr_array_index (people, i));
  g_assert_cmpint (id, >, 0);
  return id;
}

/* Asserts that the undo is refused with @message and leaves everything as it is. */
static void
assert_undo_refused (Fixture    *fixture,
                     const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *export_before = export_text (fixture->store);
  g_autofree char *counts_before = table_counts (fixture);
  g_autofree char *export_after = NULL;
  g_autofree char *counts_after = NULL;
  g_autofree char *label = NULL;

  g_assert_false (awards_store_undo (fixture->store, &error));
  g_assert_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==, message);
  export_after = export_text (fixture->store);
  counts_after = table_counts (fixture);
  g_assert_cmpstr (export_after, ==, export_before);
  g_assert_cmpstr (counts_after, ==, counts_before);
  label = awards_store_get_undo_label (fixture->store);
  g_assert_cmpstr (label, ==, "Undo Import “khen-2012.csv”");
}

/* A person of the import edited elsewhere since: refused, until that edit is undone. */
static void
test_refused_after_edit (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) file = big_file (40);
  g_autoptr(AwardsStore) other = NULL;
  g_autoptr(AwardsPerson) person = NULL;
  g_autofree char *export_before = export_text (fixture->store);
  g_autofree char *export_after = NULL;
  gint64 id;

  import_file (fixture, "khen-2012.csv", file->str);
  other = open_other (fixture);
  id = person_id (other, "Người Thứ 7");
  person = awards_store_get_person (other, id, &error);
  g_assert_no_error (error);
  awards_person_set_position (person, "Tổ trưởng");
  g_assert_cmpint (awards_store_save_person (other, person, &error), ==, id);
  g_assert_no_error (error);

  assert_undo_refused (fixture, "Import “khen-2012.csv” cannot be undone: “Người Thứ 7”, which it "
                                "added, was changed after it; undo that change first.");

  /* Done as the sentence says, the import goes. */
  g_assert_true (awards_store_undo (other, &error));
  g_assert_no_error (error);
  g_assert_true (awards_store_undo (fixture->store, &error));
  g_assert_no_error (error);
  export_after = export_text (fixture->store);
  g_assert_cmpstr (export_after, ==, export_before);
}

/* A person added since to a cooperative of the import: refused, and the person stays. */
static void
test_refused_when_used (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) file = big_file (40);
  g_autoptr(AwardsStore) other = NULL;
  g_autoptr(AwardsOrganisation) organisation = NULL;
  g_autoptr(AwardsPerson) person = awards_person_new ();

  import_file (fixture, "khen-2012.csv", file->str);
  other = open_other (fixture);
  organisation = awards_store_find_organisation (other, "HTX Mới Số 4", &error);
  g_assert_no_error (error);
  g_assert_nonnull (organisation);
  awards_person_set_full_name (person, "Đinh Văn Tuấn");
  awards_person_set_organisation_id (person, awards_organisation_get_id (organisation));
  g_assert_cmpint (awards_store_save_person (other, person, &error), >, 0);
  g_assert_no_error (error);

  assert_undo_refused (fixture, "Import “khen-2012.csv” cannot be undone: “HTX Mới Số 4”, which "
                                "it added, is used by a record added or changed after it; undo "
                                "that first.");
  g_assert_cmpint (person_id (fixture->store, "Đinh Văn Tuấn"), >, 0);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/import-undo/large", Fixture, NULL, fixture_set_up_seeded, test_undo_large,
              fixture_tear_down_seeded);
  g_test_add ("/import-undo/unknown-size", Fixture, NULL, fixture_set_up_seeded,
              test_undo_unknown_size, fixture_tear_down_seeded);
  g_test_add ("/import-undo/bulk", Fixture, NULL, fixture_set_up_seeded, test_undo_bulk,
              fixture_tear_down_seeded);
  g_test_add ("/import-undo/refused-after-edit", Fixture, NULL, fixture_set_up_seeded,
              test_refused_after_edit, fixture_tear_down_seeded);
  g_test_add ("/import-undo/refused-when-used", Fixture, NULL, fixture_set_up_seeded,
              test_refused_when_used, fixture_tear_down_seeded);

  return g_test_run ();
}
