/* test-restore-race.c: a forced restore loses no write another writer was told had succeeded
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "awards-store.h"
#include "awards-store-owners.h"
#include "awards-test-util.h"

/*
 * Issue 9: a restore that kept its "before restore" copy and then overwrote the database with no
 * lock held in between lost the writes another program committed in that gap: they were in
 * neither file. Here a second thread, with a store of its own as another program would have,
 * saves organisations in a loop while restores run with force; afterwards every save that
 * reported success must be in one of the kept copies or in the restored database.
 */

#define N_RESTORES 10

typedef struct
{
  const char *path;
  GMutex      lock;
  GPtrArray  *saved;      /* names whose save reported success */
  GPtrArray  *refusals;   /* the messages of the saves that failed */
  guint       attempts;
  gboolean    stop;
} Writer;

static guint
writer_attempts (Writer *writer)
{
  guint attempts;

  g_mutex_lock (&writer->lock);
  attempts = writer->attempts;
  g_mutex_unlock (&writer->lock);
  return attempts;
}

static gpointer
writer_thread (gpointer data)
{
  Writer *writer = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (AwardsStore) store = awards_store_open (writer->path, &error);

  g_assert_no_error (error);
  for (guint n = 1;; n++)
    {
      g_autoptr (AwardsOrganisation) organisation = awards_organisation_new ();
      g_autoptr (GError) save_error = NULL;
      g_autofree char *name = g_strdup_printf ("HTX Thử Nghiệm %u", n);
      gboolean stop;

      awards_organisation_set_name (organisation, name);
      awards_store_save_organisation (store, organisation, &save_error);

      g_mutex_lock (&writer->lock);
      writer->attempts++;
      if (save_error == NULL)
        g_ptr_array_add (writer->saved, g_steal_pointer (&name));
      else
        g_ptr_array_add (writer->refusals, g_strdup (save_error->message));
      stop = writer->stop;
      g_mutex_unlock (&writer->lock);
      if (stop)
        break;
      /* A pause, as between an import's batches: a writer that never lets go of the lock
       * would keep the restore waiting until it gives up as busy. */
      g_usleep (2000);
    }
  return NULL;
}

/* Adds the organisation names of the database at @path to @names. */
static void
collect_names (const char *path,
               GHashTable *names)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM organisation", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
test_forced_restore_loses_no_write (void)
{
  g_autofree char *dir = awards_test_make_dir ("test-restore-race");
  g_autofree char *path = g_build_filename (dir, "awards.db", NULL);
  g_autofree char *backup = g_build_filename (dir, "backup.db", NULL);
  g_autoptr (GPtrArray) copies = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GError) error = NULL;
  Writer writer = { 0 };
  GThread *thread;

  {
    g_autoptr (AwardsStore) store = awards_store_open (path, &error);

    g_assert_no_error (error);
    awards_test_seed (store);
    g_assert_true (awards_store_backup (store, backup, &error));
    g_assert_no_error (error);
  }

  writer.path = path;
  g_mutex_init (&writer.lock);
  writer.saved = g_ptr_array_new_with_free_func (g_free);
  writer.refusals = g_ptr_array_new_with_free_func (g_free);
  thread = g_thread_new ("writer", writer_thread, &writer);

  for (guint round = 0; round < N_RESTORES; round++)
    {
      char *copy = NULL;
      guint before = writer_attempts (&writer);

      /* Each restore starts while the writer is saving. */
      while (writer_attempts (&writer) < before + 3)
        g_usleep (1000);
      if (awards_store_restore_full (path, backup, TRUE, &copy, &error))
        g_ptr_array_add (copies, copy);
      else
        {
          /* Refused only as busy, with a sentence that says so. */
          g_assert_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_BUSY);
          g_test_message ("restore refused: %s", error->message);
          g_clear_error (&error);
        }
    }

  g_mutex_lock (&writer.lock);
  writer.stop = TRUE;
  g_mutex_unlock (&writer.lock);
  g_thread_join (thread);

  g_assert_cmpuint (copies->len, >, 0);
  g_assert_cmpuint (writer.saved->len, >, 0);
  for (guint i = 0; i < writer.refusals->len; i++)
    g_test_message ("save refused: %s", (char *) writer.refusals->pdata[i]);

  for (guint i = 0; i < copies->len; i++)
    collect_names (copies->pdata[i], names);
  collect_names (path, names);
  for (guint i = 0; i < writer.saved->len; i++)
    if (!g_hash_table_contains (names, writer.saved->pdata[i]))
      g_error ("“%s” was saved, but is in neither the restored database nor a kept copy",
               (char *) writer.saved->pdata[i]);

  g_ptr_array_unref (writer.saved);
  g_ptr_array_unref (writer.refusals);
  g_mutex_clear (&writer.lock);
  awards_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/restore/forced-restore-loses-no-write", test_forced_restore_loses_no_write);

  return g_test_run ();
}
