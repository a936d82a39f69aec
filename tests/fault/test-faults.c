/* test-faults.c: every write, sync and allocation of an import, a decision save and a restore
 * fails in turn, or the power goes there; the record must survive each time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For each operation a first run counts its writes, syncs and SQLite allocations; then for every
 * N the operation runs again on a fresh copy of the same database with the Nth one failing (or the
 * power lost at the Nth sync). Afterwards the file must pass PRAGMA integrity_check and hold
 * exactly what was acknowledged: everything the operation adds when it said it succeeded, and
 * nothing of it when it said it failed.
 *
 * Every write and sync is failed in turn; every allocation only with AWARDS_FAULT_EXHAUSTIVE set
 * (as .ci/run does once), about 60 spread over them otherwise.
 */

#include "config.h"

#include <locale.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "awards-fault-vfs.h"
#include "awards-importer.h"
#include "awards-store.h"
#include "awards-test-util.h"

#define CSV_HEADER \
  "decision_number,decision_date,authority,award,recipient_type,recipient,organisation," \
  "position,achievement,period\n"

/* Four awards of one decision that the seed does not hold. */
static const char import_csv[] =
  CSV_HEADER
  "88/QĐ-LMHTX,15/01/2012,Liên minh HTX thành phố Hải Phòng,Giấy khen,collective,"
    "HTX Tân Hưng,,,đã có thành tích trong phong trào thi đua,2011\n"
  "88/QĐ-LMHTX,15/01/2012,Liên minh HTX thành phố Hải Phòng,Giấy khen,collective,"
    "HTX Đông Hải,,,đã có thành tích trong phong trào thi đua,2011\n"
  "88/QĐ-LMHTX,15/01/2012,Liên minh HTX thành phố Hải Phòng,Giấy khen,individual,"
    "Lê Văn Cường,HTX Tân Hưng,Chủ nhiệm,đã có thành tích trong phong trào thi đua,2011\n"
  "88/QĐ-LMHTX,15/01/2012,Liên minh HTX thành phố Hải Phòng,Giấy khen,individual,"
    "Phạm Thị Dung,HTX Đông Hải,Kế toán,đã có thành tích trong phong trào thi đua,2011\n";

typedef enum
{
  OPERATION_IMPORT,
  OPERATION_SAVE_DECISION,
  OPERATION_RESTORE,
} Operation;

typedef struct
{
  char  *dir;
  char  *template_db;   /* the seed: 8 awards */
  char  *backup;        /* the seed and 2 more awards, as a backup file */
  char  *csv;
  char  *db;            /* the copy each round works on */
  guint  faults;        /* faults injected, for the log */
} Fixture;

static gboolean verbose;
static gboolean exhaustive;

/* Opens @path with the real VFS, checks it, and counts its awards. */
static guint
count_awards (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint count;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, "unix"), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM commendation", -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return count;
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_file_get_contents (from, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (to, contents, length, &error);
  g_assert_no_error (error);
}

/* Removes the working database with its journals and the copies a restore kept of it, so that
 * every round starts from the same files and does the same writes. */
static void
remove_database (const char *path)
{
  g_autofree char *dir_name = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autoptr (GDir) dir = g_dir_open (dir_name, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_prefix (name, base))
        {
          g_autofree char *file = g_build_filename (dir_name, name, NULL);

          g_unlink (file);
        }
    }
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AwardsStore) store = NULL;
  g_autoptr (GPtrArray) more = g_ptr_array_new_with_free_func (g_object_unref);

  fixture->dir = awards_test_make_dir ("test-faults");
  fixture->template_db = g_build_filename (fixture->dir, "template.db", NULL);
  fixture->backup = g_build_filename (fixture->dir, "backup.db", NULL);
  fixture->csv = g_build_filename (fixture->dir, "awards.csv", NULL);
  fixture->db = g_build_filename (fixture->dir, "awards.db", NULL);

  g_file_set_contents (fixture->csv, import_csv, -1, &error);
  g_assert_no_error (error);

  /* The backup holds two awards more than the database it is restored over. */
  store = awards_store_open (fixture->template_db, &error);
  g_assert_no_error (error);
  awards_test_seed (store);
  g_clear_object (&store);
  copy_file (fixture->template_db, fixture->backup);
  store = awards_store_open (fixture->backup, &error);
  g_assert_no_error (error);
  g_ptr_array_add (more, awards_test_recipient (AWARDS_RECIPIENT_KIND_COLLECTIVE, "HTX Tân Hưng",
                                                NULL, NULL, "Giấy khen"));
  g_ptr_array_add (more, awards_test_recipient (AWARDS_RECIPIENT_KIND_COLLECTIVE, "HTX Đông Hải",
                                                NULL, NULL, "Giấy khen"));
  awards_test_save_decision (store, "12/QĐ-UBND", "2012-03-01", "UBND huyện Thủy Nguyên", more);
  g_clear_object (&store);

  g_assert_cmpuint (count_awards (fixture->template_db), ==, 8);
  g_assert_cmpuint (count_awards (fixture->backup), ==, 10);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  awards_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->template_db);
  g_free (fixture->backup);
  g_free (fixture->csv);
  g_free (fixture->db);
}

static gboolean
run_operation (Fixture    *fixture,
               Operation   operation,
               AwardsStore *store,
               GError    **error)
{
  switch (operation)
    {
    case OPERATION_IMPORT:
      {
        g_autoptr (AwardsImporter) importer = awards_importer_new (store);
        g_autoptr (GFile) file = g_file_new_for_path (fixture->csv);

        return awards_importer_import_file (importer, file, NULL, NULL, error);
      }

    case OPERATION_SAVE_DECISION:
      {
        g_autoptr (GPtrArray) recipients = g_ptr_array_new_with_free_func (g_object_unref);
        g_autoptr (AwardsDecision) decision = awards_decision_new ();

        g_ptr_array_add (recipients,
                         awards_test_recipient (AWARDS_RECIPIENT_KIND_INDIVIDUAL, "Vũ Thị Lan",
                                                "HTX Bạch Đằng", "Xã viên", "Giấy khen"));
        g_ptr_array_add (recipients,
                         awards_test_recipient (AWARDS_RECIPIENT_KIND_COLLECTIVE,
                                                "HTX vận tải Thành Công", NULL, NULL,
                                                "Giấy khen"));
        g_ptr_array_add (recipients,
                         awards_test_recipient (AWARDS_RECIPIENT_KIND_INDIVIDUAL, "Đan Đức Hiệp",
                                                "HTX Đan Phượng", "Kế toán", "Giấy khen"));
        awards_decision_set_number (decision, "45/QĐ-UBND");
        awards_decision_set_date (decision, "2012-02-20");
        awards_decision_set_authority_name (decision, "UBND huyện Kiến Thụy");
        return awards_store_save_decision (store, decision, recipients, error) > 0;
      }

    case OPERATION_RESTORE:
      {
        g_autofree char *saved = NULL;

        return awards_store_restore (fixture->db, fixture->backup, &saved, error);
      }
    }
  g_assert_not_reached ();
}

/* One round on a fresh copy of the seed: TRUE when the fault was reached. */
static gboolean
run_round (Fixture         *fixture,
           Operation        operation,
           AwardsFaultKind  kind,
           guint            n,
           guint            expected_after,
           guint           *counts)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AwardsStore) store = NULL;
  gboolean ok, fired;
  guint found;

  remove_database (fixture->db);
  copy_file (fixture->template_db, fixture->db);
  if (operation != OPERATION_RESTORE)
    {
      store = awards_store_open (fixture->db, &error);
      g_assert_no_error (error);
    }

  awards_fault_arm (kind, n);
  ok = run_operation (fixture, operation, store, &error);
  fired = awards_fault_fired ();
  if (counts != NULL)
    {
      counts[AWARDS_FAULT_WRITE] = awards_fault_count (AWARDS_FAULT_WRITE);
      counts[AWARDS_FAULT_SYNC] = awards_fault_count (AWARDS_FAULT_SYNC);
      counts[AWARDS_FAULT_MALLOC] = awards_fault_count (AWARDS_FAULT_MALLOC);
    }
  awards_fault_disarm ();

  /* A fault that was never reached must not have changed the outcome. */
  if (!fired)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
    }
  if (verbose && fired)
    g_printerr ("kind %d n %u: %s\n", kind, n, ok ? "succeeded" : error->message);

  g_clear_object (&store);
  if (awards_fault_power_is_off ())
    awards_fault_restore_power ();

  found = count_awards (fixture->db);
  if (ok)
    g_assert_cmpuint (found, ==, expected_after);
  else
    g_assert_cmpuint (found, ==, 8);

  /* The program itself opens what is left. */
  g_clear_error (&error);
  store = awards_store_open (fixture->db, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  if (fired)
    fixture->faults++;
  return fired;
}

static void
test_every_fault (Fixture       *fixture,
                  gconstpointer  data)
{
  Operation operation = GPOINTER_TO_INT (data);
  guint expected = operation == OPERATION_IMPORT ? 12 :
                   operation == OPERATION_SAVE_DECISION ? 11 : 10;
  guint counts[AWARDS_FAULT_MALLOC + 1] = { 0, };
  const AwardsFaultKind kinds[] = {
    AWARDS_FAULT_WRITE, AWARDS_FAULT_SYNC, AWARDS_FAULT_POWER_LOSS, AWARDS_FAULT_MALLOC,
  };

  /* A clean run counts what the operation does. */
  g_assert_false (run_round (fixture, operation, AWARDS_FAULT_NONE, 0, expected, counts));
  counts[AWARDS_FAULT_POWER_LOSS] = counts[AWARDS_FAULT_SYNC];
  g_assert_cmpuint (counts[AWARDS_FAULT_WRITE], >, 0);
  g_assert_cmpuint (counts[AWARDS_FAULT_SYNC], >, 0);
  g_assert_cmpuint (counts[AWARDS_FAULT_MALLOC], >, 0);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      guint n, step = 1;

      /* Every write and sync always; the thousands of allocations every one only where asked
       * (.ci/run's plain pass), a spread of them otherwise, so that the suite stays quick. */
      if (kinds[k] == AWARDS_FAULT_MALLOC && !exhaustive)
        step = MAX (1, counts[kinds[k]] / 60);
      for (n = 1; n <= counts[kinds[k]]; n += step)
        g_assert_true (run_round (fixture, operation, kinds[k], n, expected, NULL));
      /* One past the last: nothing fails, and the operation succeeds. */
      g_assert_false (run_round (fixture, operation, kinds[k], counts[kinds[k]] + 1, expected,
                                 NULL));
    }

  g_test_message ("%u writes, %u syncs, %u allocations: %u faults injected",
                  counts[AWARDS_FAULT_WRITE], counts[AWARDS_FAULT_SYNC],
                  counts[AWARDS_FAULT_MALLOC], fixture->faults);
  /* Machine-readable for the CI summary and the README's figures. */
  g_print ("# faults injected: %u\n", fixture->faults);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  awards_fault_install ();
  g_test_init (&argc, &argv, NULL);
  verbose = g_getenv ("AWARDS_FAULT_VERBOSE") != NULL;
  exhaustive = g_getenv ("AWARDS_FAULT_EXHAUSTIVE") != NULL;

  g_test_add ("/faults/import", Fixture, GINT_TO_POINTER (OPERATION_IMPORT), fixture_set_up,
              test_every_fault, fixture_tear_down);
  g_test_add ("/faults/save-decision", Fixture, GINT_TO_POINTER (OPERATION_SAVE_DECISION),
              fixture_set_up, test_every_fault, fixture_tear_down);
  g_test_add ("/faults/restore", Fixture, GINT_TO_POINTER (OPERATION_RESTORE), fixture_set_up,
              test_every_fault, fixture_tear_down);

  return g_test_run ();
}
