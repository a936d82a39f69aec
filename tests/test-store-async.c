/* test-store-async.c: reads that never wait, asynchronous calls, read-only opening and the
 * messages that tell busy, disk full, read-only and damaged apart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <pwd.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "awards-batch.h"
#include "awards-command.h"
#include "awards-store.h"
#include "awards-store-async.h"
#include "awards-store-open.h"
#include "awards-store-private.h"
#include "awards-test-util.h"

typedef struct
{
  char        *dir;
  char        *path;
  AwardsStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("test-store-async-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "awards.db", NULL);
  fixture->store = awards_store_open (fixture->path, &error);
  g_assert_no_error (error);
  awards_test_seed (fixture->store);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  awards_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* ------------------------------------------------------------------------------------------- */
/* A whole-database read paused in its row callback on a worker thread                           */

typedef struct
{
  GMutex   mutex;
  GCond    cond;
  gboolean paused;        /* the read is inside its first row callback */
  gboolean released;      /* the test lets it go on */
  guint    n_rows;
  gboolean finished;
  gboolean ok;
} PausedRead;

static gboolean
pause_in_row_cb (const AwardsCommendationRow *row,
                 gpointer                     user_data)
{
  PausedRead *read = user_data;

  g_mutex_lock (&read->mutex);
  read->n_rows++;
  if (read->n_rows == 1)
    {
      read->paused = TRUE;
      g_cond_broadcast (&read->cond);
      while (!read->released)
        g_cond_wait (&read->cond, &read->mutex);
    }
  g_mutex_unlock (&read->mutex);
  return TRUE;
}

static void
whole_read_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  PausedRead *read = task_data;
  g_autoptr(GError) error = NULL;

  if (awards_store_foreach_commendation (source_object, NULL, AWARDS_ORDER_CHRONOLOGICAL,
                                         pause_in_row_cb, read, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
whole_read_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  PausedRead *read = user_data;

  read->ok = g_task_propagate_boolean (G_TASK (result), NULL);
  read->finished = TRUE;
}

static gboolean
read_is_paused (PausedRead *read)
{
  gboolean paused;

  g_mutex_lock (&read->mutex);
  paused = read->paused && !read->released;
  g_mutex_unlock (&read->mutex);
  return paused;
}

/* What the main loop asks while the read is paused, with what each call answered. */
typedef struct
{
  PausedRead *read;
  GPtrArray  *page;
  GPtrArray  *hits;
  GPtrArray  *suggestions;
  gint64      saved_id;
  guint       n_answered;
  guint       n_answered_while_paused;
} Answers;

static void
count_answer (Answers *answers)
{
  answers->n_answered++;
  if (read_is_paused (answers->read))
    answers->n_answered_while_paused++;
}

static void
page_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Answers *answers = user_data;
  g_autoptr(GError) error = NULL;

  answers->page = awards_store_list_organisations_finish (AWARDS_STORE (source), result, &error);
  g_assert_no_error (error);
  count_answer (answers);
}

static void
search_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Answers *answers = user_data;
  g_autoptr(GError) error = NULL;

  answers->hits = awards_store_search_finish (AWARDS_STORE (source), result, &error);
  g_assert_no_error (error);
  count_answer (answers);
}

static void
completion_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Answers *answers = user_data;
  g_autoptr(GError) error = NULL;

  answers->suggestions = awards_store_list_people_finish (AWARDS_STORE (source), result, &error);
  g_assert_no_error (error);
  count_answer (answers);
}

static void
save_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Answers *answers = user_data;
  g_autoptr(GError) error = NULL;

  answers->saved_id = awards_store_save_organisation_finish (AWARDS_STORE (source), result,
                                                             &error);
  g_assert_no_error (error);
  count_answer (answers);
}

static void
test_reads_do_not_wait_for_whole_read (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(AwardsOrganisation) added = awards_organisation_new ();
  PausedRead read = { 0 };
  Answers answers = { 0 };
  guint n_organisations;
  guint n_awards;

  n_awards = awards_store_count_commendations (fixture->store, NULL, NULL);
  g_assert_cmpuint (n_awards, ==, 8);
  n_organisations = awards_store_count_organisations (fixture->store, NULL, NULL);
  g_assert_cmpuint (n_organisations, >=, 5);

  g_mutex_init (&read.mutex);
  g_cond_init (&read.cond);
  answers.read = &read;

  task = g_task_new (fixture->store, NULL, whole_read_done_cb, &read);
  g_task_set_task_data (task, &read, NULL);
  awards_store_run_task (fixture->store, AWARDS_WORK_LONG, task, whole_read_thread);

  g_mutex_lock (&read.mutex);
  while (!read.paused)
    g_cond_wait (&read.cond, &read.mutex);
  g_mutex_unlock (&read.mutex);

  /* The first page of organisations, a search, and what the completion of a person's name asks
   * for, then a write: all of them answer while the whole read is still inside its callback. */
  awards_store_list_organisations_async (fixture->store, NULL, 0, 200, NULL, page_cb, &answers);
  awards_store_search_async (fixture->store, "bach dang", 20, NULL, search_cb, &answers);
  awards_store_list_people_async (fixture->store, "tran", 0, 0, 12, NULL, completion_cb,
                                  &answers);
  while (answers.n_answered < 3)
    g_main_context_iteration (NULL, TRUE);

  awards_organisation_set_name (added, "HTX Thủy sản Cát Hải");
  awards_store_save_organisation_async (fixture->store, added, NULL, save_cb, &answers);
  while (answers.n_answered < 4)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (read_is_paused (&read));
  g_assert_cmpuint (answers.n_answered_while_paused, ==, 4);
  g_assert_cmpuint (answers.page->len, ==, n_organisations);
  g_assert_cmpuint (answers.hits->len, >=, 1);
  g_assert_cmpstr (((AwardsSearchHit *) g_ptr_array_index (answers.hits, 0))->title, ==,
                   "HTX Bạch Đằng");
  g_assert_cmpuint (answers.suggestions->len, ==, 1);
  g_assert_cmpstr (awards_person_get_full_name (g_ptr_array_index (answers.suggestions, 0)), ==,
                   "Trần Văn Bảy");
  g_assert_cmpint (answers.saved_id, >, 0);

  /* The read goes on from where it paused, in the snapshot it began with. */
  g_mutex_lock (&read.mutex);
  read.released = TRUE;
  g_cond_broadcast (&read.cond);
  g_mutex_unlock (&read.mutex);
  while (!read.finished)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (read.ok);
  g_assert_cmpuint (read.n_rows, ==, n_awards);
  g_assert_cmpuint (awards_store_count_organisations (fixture->store, NULL, NULL), ==,
                    n_organisations + 1);

  g_clear_pointer (&answers.page, g_ptr_array_unref);
  g_clear_pointer (&answers.hits, g_ptr_array_unref);
  g_clear_pointer (&answers.suggestions, g_ptr_array_unref);
  g_cond_clear (&read.cond);
  g_mutex_clear (&read.mutex);
}

static void
cancelled_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GError **error = user_data;
  g_autoptr(GPtrArray) page = NULL;

  page = awards_store_list_organisations_finish (AWARDS_STORE (source), result, error);
  g_assert_null (page);
}

static void
test_cancelled_call (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  awards_store_list_organisations_async (fixture->store, NULL, 0, 10, cancellable, cancelled_cb,
                                         &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* ------------------------------------------------------------------------------------------- */
/* Reading while another connection writes, and the messages                                     */

static sqlite3 *
open_other_writer (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE;"
                                 "UPDATE organisation SET notes = 'not committed';",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  return db;
}

static void
test_read_during_other_write (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(AwardsStore) reader = NULL;
  g_autoptr(AwardsStore) writer = NULL;
  g_autoptr(GPtrArray) organisations = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(AwardsOrganisation) organisation = awards_organisation_new ();
  g_autoptr(GError) error = NULL;
  sqlite3 *other;

  other = open_other_writer (fixture->path);

  /* Opening, for reading or for writing, needs no write lock: it does not wait. */
  reader = awards_store_open_read_only (fixture->path, &error);
  g_assert_no_error (error);
  writer = awards_store_open (fixture->path, &error);
  g_assert_no_error (error);

  organisations = awards_store_list_organisations (reader, NULL, 0, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (organisations->len, ==,
                    awards_store_count_organisations (fixture->store, NULL, NULL));
  g_assert_null (awards_organisation_get_notes (g_ptr_array_index (organisations, 0)));
  hits = awards_store_search (writer, "minh tan", 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);

  /* A write has to wait, and says so when it gives up. */
  sqlite3_busy_timeout (awards_store_get_db (writer), 50);
  awards_organisation_set_name (organisation, "HTX Cát Bà");
  g_assert_cmpint (awards_store_save_organisation (writer, organisation, &error), ==, 0);
  g_assert_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "busy: another program is writing, try again"));

  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
}

static void
test_disk_full (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(AwardsOrganisation) organisation = awards_organisation_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *notes = g_strnfill (200000, 'x');
  g_autofree char *limit = NULL;
  sqlite3 *db = awards_store_get_db (fixture->store);
  sqlite3_stmt *stmt = NULL;
  int n_pages;

  /* The file may not grow: as on a full disk, SQLite answers SQLITE_FULL. */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA page_count", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n_pages = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  limit = g_strdup_printf ("PRAGMA max_page_count = %d", n_pages);
  g_assert_true (awards_store_exec (fixture->store, limit, NULL));

  awards_organisation_set_name (organisation, "HTX Cát Bà");
  awards_organisation_set_notes (organisation, notes);
  g_assert_cmpint (awards_store_save_organisation (fixture->store, organisation, &error), ==, 0);
  g_assert_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_DISK_FULL);
  g_assert_nonnull (strstr (error->message, "the disk is full"));
}

static void
test_damaged (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsStore) store = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_clear_object (&fixture->store);
  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
  /* The header of an SQLite file, overwritten. */
  memset (contents, 'z', 100);
  g_assert_true (g_file_set_contents (fixture->path, contents, length, NULL));

  store = awards_store_open_read_only (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_NOT_A_DATABASE);
  g_assert_nonnull (strstr (error->message, "damaged"));
  g_clear_error (&error);

  store = awards_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_NOT_A_DATABASE);
}

static void
test_busy_at_opening (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsStore) store = NULL;
  sqlite3 *other = NULL;

  /* With a rollback journal (as during a large import), a writer about to commit shuts readers
   * out: that is busy, not damaged. */
  g_clear_object (&fixture->store);
  g_assert_cmpint (sqlite3_open (fixture->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "PRAGMA journal_mode = DELETE; BEGIN EXCLUSIVE;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  store = awards_store_open_read_only (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "busy: another program is writing"));

  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsStore) store = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-store-async-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "typo", "awards.db", NULL);
  g_autofree char *folder = g_path_get_dirname (path);

  store = awards_store_open_read_only (path, &error);
  g_assert_null (store);
  g_assert_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_NOT_FOUND);
  /* Nothing was created on the way. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  awards_test_remove_tree (dir);
}

/* ------------------------------------------------------------------------------------------- */
/* Read-only media                                                                                */

/* Tests run as root in CI, and root writes anything: the checks drop to an ordinary user. */
static void
become_ordinary_user (void)
{
  struct passwd *nobody;

  if (geteuid () != 0)
    return;
  nobody = getpwnam ("nobody");
  g_assert_nonnull (nobody);
  g_assert_cmpint (setgid (nobody->pw_gid), ==, 0);
  g_assert_cmpint (setuid (nobody->pw_uid), ==, 0);
}

static void
check_read_only_copy (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsStore) store = NULL;
  g_autoptr(AwardsStore) writable = NULL;
  g_autoptr(GPtrArray) organisations = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(AwardsOrganisation) organisation = awards_organisation_new ();

  become_ordinary_user ();
  g_assert_cmpint (access (path, W_OK), !=, 0);

  store = awards_store_open_read_only (path, &error);
  g_assert_no_error (error);
  organisations = awards_store_list_organisations (store, NULL, 0, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (organisations->len, >=, 5);
  hits = awards_store_search (store, "dan phuong", 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, >=, 1);
  g_assert_cmpuint (awards_store_count_commendations (store, NULL, &error), ==, 8);
  g_assert_no_error (error);
  problems = awards_store_check (store, &error);
  g_assert_no_error (error);

  /* A write says why it cannot be done. */
  awards_organisation_set_name (organisation, "HTX Cát Bà");
  g_assert_cmpint (awards_store_save_organisation (store, organisation, &error), ==, 0);
  g_assert_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "read-only"));
  g_clear_error (&error);

  /* Opened for writing, it can still be read, and a write says the same, not "damaged". */
  writable = awards_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (awards_store_is_read_only (writable));
  g_assert_cmpuint (awards_store_count_commendations (writable, NULL, &error), ==, 8);
  g_assert_cmpint (awards_store_save_organisation (writable, organisation, &error), ==, 0);
  g_assert_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "read-only"));
}

static void
test_read_only_media (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fixture->dir, "media", NULL);
  g_autofree char *copy = g_build_filename (folder, "awards.db", NULL);

  if (g_test_subprocess ())
    {
      check_read_only_copy (g_getenv ("AWARDS_TEST_READ_ONLY_COPY"));
      return;
    }

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  if (g_strcmp0 (data, "log") == 0)
    {
      g_autofree char *contents = NULL;
      gsize length = 0;

      /* The file as the program leaves it, in WAL mode, copied without its log and shared
       * memory, which a read-only folder does not let SQLite create. */
      g_clear_object (&fixture->store);
      g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
      g_assert_cmpint (contents[18], ==, 2);
      g_assert_true (g_file_set_contents (copy, contents, length, NULL));
    }
  else
    {
      /* A backup is one file with no log beside it, as a copy on a CD would be. */
      g_assert_true (awards_store_backup (fixture->store, copy, NULL));
    }
  g_assert_cmpint (g_chmod (copy, 0444), ==, 0);
  g_assert_cmpint (g_chmod (folder, 0555), ==, 0);
  g_assert_cmpint (g_chmod (fixture->dir, 0755), ==, 0);

  /* The variable is for the subprocess, which starts with no thread. */
  g_setenv ("AWARDS_TEST_READ_ONLY_COPY", copy, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();

  g_chmod (folder, 0755);
}

/* ------------------------------------------------------------------------------------------- */
/* The Undo label while a long write holds the store                                             */

typedef struct
{
  AwardsStore *store;
  GMutex       mutex;
  GCond        cond;
  gboolean     begun;
  gboolean     released;
} HeldWrite;

/* Begins a batch (an import holds the store like this for seconds) and keeps it open until
 * told; then drops it. */
static gpointer
hold_write (gpointer data)
{
  HeldWrite *held = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (AwardsBatch) batch = awards_batch_begin (held->store, &error);

  g_assert_no_error (error);
  g_mutex_lock (&held->mutex);
  held->begun = TRUE;
  g_cond_broadcast (&held->cond);
  while (!held->released)
    g_cond_wait (&held->cond, &held->mutex);
  g_mutex_unlock (&held->mutex);
  return NULL;
}

/* The window reads the Undo label whenever another clerk's commit arrives: it must not wait for
 * a write of this store under way (with the store's lock, it waited for the whole import). */
static void
test_undo_label_during_a_write (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr (AwardsOrganisation) organisation =
    awards_store_find_organisation (fixture->store, "HTX Bạch Đằng", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *undo = NULL;
  g_autofree char *redo = NULL;
  HeldWrite held = { .store = fixture->store };
  GThread *thread;

  awards_organisation_set_notes (organisation, "Ghi chú mới");
  g_assert_cmpint (awards_store_save_organisation (fixture->store, organisation, &error), >, 0);
  g_assert_no_error (error);

  g_mutex_init (&held.mutex);
  g_cond_init (&held.cond);
  thread = g_thread_new ("held-write", hold_write, &held);
  g_mutex_lock (&held.mutex);
  while (!held.begun)
    g_cond_wait (&held.cond, &held.mutex);
  g_mutex_unlock (&held.mutex);

  /* Read while the batch holds the store; a wait here would never end. */
  undo = awards_store_get_undo_label (fixture->store);
  redo = awards_store_get_redo_label (fixture->store);
  g_assert_cmpstr (undo, ==, "Undo Edit “HTX Bạch Đằng”");
  g_assert_null (redo);
  g_assert_true (awards_store_can_undo (fixture->store));
  g_assert_false (awards_store_can_redo (fixture->store));

  g_mutex_lock (&held.mutex);
  held.released = TRUE;
  g_cond_broadcast (&held.cond);
  g_mutex_unlock (&held.mutex);
  g_thread_join (thread);
  g_mutex_clear (&held.mutex);
  g_cond_clear (&held.cond);

  /* The labels follow the lists: undone, the step moves to Redo. */
  g_assert_true (awards_store_undo (fixture->store, &error));
  g_assert_no_error (error);
  g_clear_pointer (&undo, g_free);
  g_clear_pointer (&redo, g_free);
  undo = awards_store_get_undo_label (fixture->store);
  redo = awards_store_get_redo_label (fixture->store);
  g_assert_cmpstr (undo, !=, "Undo Edit “HTX Bạch Đằng”");
  g_assert_cmpstr (redo, ==, "Redo Edit “HTX Bạch Đằng”");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/store-async/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("reads-do-not-wait-for-a-whole-read", test_reads_do_not_wait_for_whole_read);
  ADD ("cancelled-call", test_cancelled_call);
  ADD ("read-during-another-write", test_read_during_other_write);
  ADD ("undo-label-during-a-write", test_undo_label_during_a_write);
  ADD ("message/disk-full", test_disk_full);
  ADD ("message/damaged", test_damaged);
  ADD ("message/busy-at-opening", test_busy_at_opening);
  g_test_add ("/store-async/read-only-media/backup", Fixture, "backup", fixture_set_up,
              test_read_only_media, fixture_tear_down);
  g_test_add ("/store-async/read-only-media/log", Fixture, "log", fixture_set_up,
              test_read_only_media, fixture_tear_down);
  g_test_add_func ("/store-async/missing-file-is-not-created", test_missing_file);

  return g_test_run ();
}
