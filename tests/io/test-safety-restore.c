/* test-safety-restore.c: restore holds the database alone, and loses no acknowledged award
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "awards-store-owners.h"
#include "io-test-util.h"

static char *
make_backup (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  char *backup = g_build_filename (fixture->dir, "backup.db", NULL);

  g_assert_true (import_text (fixture, HAI_PHONG_2011, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (awards_store_backup (fixture->store, backup, &error));
  g_assert_no_error (error);
  return backup;
}

static void
test_refused_while_open (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = make_backup (fixture);
  g_autofree char *path = g_strdup (awards_store_get_path (fixture->store));
  g_autofree char *pid = g_strdup_printf ("%d", (int) getpid ());
  g_autofree char *saved = NULL;
  g_autoptr(GError) delete_error = NULL;
  g_autoptr(GPtrArray) all = NULL;

  /* A change after the backup, which a restore would undo. */
  all = awards_store_list_commendations (fixture->store, NULL, AWARDS_ORDER_CHRONOLOGICAL,
                                         &error);
  g_assert_true (awards_store_delete_commendation (fixture->store,
                   awards_commendation_get_id (g_ptr_array_index (all, 0)), &delete_error));
  g_assert_no_error (delete_error);
  g_assert_cmpuint (count_commendations (fixture->store), ==, 26);

  g_assert_false (awards_store_restore (path, backup, &saved, &error));
  g_assert_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_BUSY);
  /* The message names who has it open. */
  g_assert_nonnull (strstr (error->message, g_get_prgname ()));
  g_assert_nonnull (strstr (error->message, g_get_user_name ()));
  g_assert_nonnull (strstr (error->message, g_get_host_name ()));
  g_assert_nonnull (strstr (error->message, pid));
  g_clear_error (&error);
  g_assert_null (saved);
  g_assert_cmpuint (count_commendations (fixture->store), ==, 26);
  g_assert_false (awards_store_take_restored (fixture->store));

  /* Forced, the restore goes ahead, and the open store learns of it and sees the backup. */
  g_assert_true (awards_store_restore_full (path, backup, TRUE, &saved, &error));
  g_assert_no_error (error);
  g_assert_nonnull (saved);
  g_assert_true (awards_store_take_restored (fixture->store));
  g_assert_false (awards_store_take_restored (fixture->store));
  g_assert_cmpuint (count_commendations (fixture->store), ==, 27);

  /* Closed, nothing holds it. */
  g_clear_object (&fixture->store);
  g_clear_pointer (&saved, g_free);
  g_assert_true (awards_store_restore (path, backup, &saved, &error));
  g_assert_no_error (error);
}

static void
test_stale_records_ignored (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = make_backup (fixture);
  g_autofree char *path = g_strdup (awards_store_get_path (fixture->store));
  g_autofree char *record = g_strconcat (path, "-owners", G_DIR_SEPARATOR_S, "dead-record",
                                         NULL);
  g_autofree char *contents = NULL;
  g_autofree char *others = NULL;
  pid_t child;

  /* A process that was killed with the database open: its record stays, its pid is free. */
  child = fork ();
  if (child == 0)
    _exit (0);
  g_assert_cmpint (waitpid (child, NULL, 0), ==, child);
  contents = g_strdup_printf ("[Owner]\nProgram=coop-awards\nUser=ghost\nHost=%s\nPid=%d\n"
                              "Since=2026-01-01 00:00:00\n", g_get_host_name (), (int) child);
  g_assert_true (g_file_set_contents (record, contents, -1, NULL));

  others = awards_owner_describe_others (path, NULL);
  g_assert_nonnull (others);
  g_assert_null (strstr (others, "ghost"));
  g_assert_false (g_file_test (record, G_FILE_TEST_EXISTS));

  g_assert_true (g_file_set_contents (record, contents, -1, NULL));
  g_clear_object (&fixture->store);
  g_assert_true (awards_store_restore (path, backup, NULL, &error));
  g_assert_no_error (error);
}

/* A backup that is a copy of a live database (in write-ahead-log mode), whole or cut short, is
 * read without leaving its -wal and -shm files beside it, whether it is restored or refused. */
static void
test_backup_left_as_found (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (awards_store_get_path (fixture->store));
  g_autofree char *live = g_build_filename (fixture->dir, "live-copy.db", NULL);
  g_autofree char *cut = g_build_filename (fixture->dir, "cut-short.db", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  const char *const copies[] = { cut, live };

  g_clear_object (&fixture->store);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8192);
  /* Byte 18 of a file in write-ahead-log mode is 2. */
  g_assert_cmpint (contents[18], ==, 2);
  g_assert_true (g_file_set_contents (live, contents, length, NULL));
  g_assert_true (g_file_set_contents (cut, contents, length / 2, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (copies); i++)
    {
      g_autofree char *wal = g_strconcat (copies[i], "-wal", NULL);
      g_autofree char *shm = g_strconcat (copies[i], "-shm", NULL);
      gboolean restored = awards_store_restore (path, copies[i], NULL, &error);

      g_assert_cmpint (restored, ==, copies[i] == live);
      g_clear_error (&error);
      g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
    }
}

/* Restores and imports at once: every import that said it was done must be found afterwards,
 * in the database or in a copy a restore kept. */
typedef struct
{
  char      *path;
  char      *backup;
  GMutex     lock;
  GArray    *acknowledged;   /* rounds */
  GPtrArray *saved_copies;
  guint      restores;
  gint       imports_done;   /* atomic */
} Race;

#define IMPORT_ROUNDS 24
#define RESTORES 8

static gpointer
import_thread (gpointer data)
{
  Race *race = data;

  for (guint round = 0; round < IMPORT_ROUNDS; round++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AwardsStore) store = awards_store_open (race->path, &error);
      g_autoptr(AwardsImporter) importer = NULL;
      g_autoptr(GInputStream) input = NULL;
      g_autofree char *text = NULL;

      g_assert_no_error (error);
      text = g_strdup_printf (HEADER
                              "R%u/QĐ-UBND,2012-01-05,UBND thành phố Hải Phòng,Giấy khen,"
                              "collective,HTX Bạch Đằng,,,round %u,2012\n"
                              "R%u/QĐ-UBND,2012-01-05,UBND thành phố Hải Phòng,Giấy khen,"
                              "individual,Nguyễn Văn An,HTX Bạch Đằng,Chủ nhiệm,round %u,2012\n",
                              round, round, round, round);
      input = g_memory_input_stream_new_from_data (g_strdup (text), -1, g_free);
      importer = awards_importer_new (store);
      if (awards_importer_import_stream (importer, input, 0, "race.csv", NULL, &error))
        {
          g_mutex_lock (&race->lock);
          g_array_append_val (race->acknowledged, round);
          g_mutex_unlock (&race->lock);
        }
      g_clear_object (&importer);
      g_clear_object (&store);
      g_usleep (2000);
    }
  g_atomic_int_set (&race->imports_done, TRUE);
  return NULL;
}

static gpointer
restore_thread (gpointer data)
{
  Race *race = data;

  while (race->restores < RESTORES && !g_atomic_int_get (&race->imports_done))
    {
      g_autoptr(GError) error = NULL;
      char *saved = NULL;

      if (awards_store_restore (race->path, race->backup, &saved, &error))
        {
          g_ptr_array_add (race->saved_copies, saved);
          race->restores++;
          g_usleep (3000);
        }
      else
        {
          /* Refused while the importer has the database open: the only acceptable failure. */
          g_assert_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_BUSY);
          g_usleep (500);
        }
    }
  return NULL;
}

static gboolean
collect_round_cb (const AwardsCommendationRow *row,
                  gpointer                     user_data)
{
  if (row->achievement != NULL && g_str_has_prefix (row->achievement, "round "))
    g_hash_table_add (user_data, g_strdup (row->achievement));
  return TRUE;
}

static void
collect_rounds (const char *path,
                GHashTable *found)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsStore) store = awards_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (awards_store_foreach_commendation (store, NULL, AWARDS_ORDER_CHRONOLOGICAL,
                                                    collect_round_cb, found, &error));
  g_assert_no_error (error);
}

static void
test_race_with_import (Fixture       *fixture,
                       gconstpointer  data)
{
  Race race = { 0 };
  g_autoptr(GHashTable) found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GThread *importer;
  GThread *restorer;

  race.backup = make_backup (fixture);
  race.path = g_strdup (awards_store_get_path (fixture->store));
  g_clear_object (&fixture->store);
  g_mutex_init (&race.lock);
  race.acknowledged = g_array_new (FALSE, FALSE, sizeof (guint));
  race.saved_copies = g_ptr_array_new_with_free_func (g_free);

  importer = g_thread_new ("importer", import_thread, &race);
  restorer = g_thread_new ("restorer", restore_thread, &race);
  g_thread_join (importer);
  g_thread_join (restorer);

  g_test_message ("%u imports acknowledged, %u restores", race.acknowledged->len, race.restores);
  g_assert_cmpuint (race.acknowledged->len, ==, IMPORT_ROUNDS);
  g_assert_cmpuint (race.restores, >, 0);

  collect_rounds (race.path, found);
  for (guint i = 0; i < race.saved_copies->len; i++)
    collect_rounds (g_ptr_array_index (race.saved_copies, i), found);
  for (guint i = 0; i < race.acknowledged->len; i++)
    {
      g_autofree char *round = g_strdup_printf ("round %u",
                                                g_array_index (race.acknowledged, guint, i));

      if (!g_hash_table_contains (found, round))
        g_error ("the import of “%s” was acknowledged and then lost", round);
    }

  g_ptr_array_unref (race.saved_copies);
  g_array_unref (race.acknowledged);
  g_mutex_clear (&race.lock);
  g_free (race.path);
  g_free (race.backup);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/safety/restore/refused-while-open", test_refused_while_open);
  ADD ("/safety/restore/stale-records-ignored", test_stale_records_ignored);
  ADD ("/safety/restore/race-with-import", test_race_with_import);
  ADD ("/safety/restore/backup-left-as-found", test_backup_left_as_found);

  return g_test_run ();
}
