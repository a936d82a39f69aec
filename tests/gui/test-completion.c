/* test-completion.c: name completion answers while a whole-database read is paused
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include <gtk/gtk.h>

#include "awards-completion.h"
#include "awards-store-async.h"
#include "awards-test-util.h"

/* The export's stand-in: a whole-database read that stops in its first row until let go. */
typedef struct
{
  GMutex   mutex;
  GCond    cond;
  gboolean paused;
  gboolean released;
  gboolean finished;
} PausedRead;

static gboolean
pause_cb (const AwardsCommendationRow *row,
          gpointer                     user_data)
{
  PausedRead *read = user_data;

  g_mutex_lock (&read->mutex);
  if (!read->paused)
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
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;

  if (awards_store_foreach_commendation (source_object, NULL, AWARDS_ORDER_CHRONOLOGICAL,
                                         pause_cb, task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
read_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  PausedRead *read = user_data;

  g_assert_true (g_task_propagate_boolean (G_TASK (result), NULL));
  read->finished = TRUE;
}

static gboolean
still_paused (PausedRead *read)
{
  gboolean paused;

  g_mutex_lock (&read->mutex);
  paused = read->paused && !read->released;
  g_mutex_unlock (&read->mutex);
  return paused;
}

static void
test_completion_during_whole_read (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-completion-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "awards.db", NULL);
  g_autoptr(AwardsStore) store = NULL;
  g_autoptr(GTask) task = NULL;
  GtkWidget *window;
  GtkWidget *entry;
  PausedRead read = { 0 };

  g_assert_no_error (error);
  store = awards_store_open (path, &error);
  g_assert_no_error (error);
  awards_test_seed (store);

  window = gtk_window_new ();
  entry = gtk_entry_new ();
  gtk_window_set_child (GTK_WINDOW (window), entry);
  awards_completion_attach (GTK_ENTRY (entry), store, AWARDS_COMPLETION_PERSON, NULL, NULL);
  gtk_window_present (GTK_WINDOW (window));

  g_mutex_init (&read.mutex);
  g_cond_init (&read.cond);
  task = g_task_new (store, NULL, read_done_cb, &read);
  g_task_set_task_data (task, &read, NULL);
  awards_store_run_task (store, AWARDS_WORK_LONG, task, read_thread);
  g_mutex_lock (&read.mutex);
  while (!read.paused)
    g_cond_wait (&read.cond, &read.mutex);
  g_mutex_unlock (&read.mutex);

  /* Typing asks the store and returns at once; the names arrive while the read is paused. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "tran");
  g_assert_true (awards_completion_is_pending (GTK_ENTRY (entry)));
  while (awards_completion_is_pending (GTK_ENTRY (entry)))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (still_paused (&read));
  g_assert_cmpuint (awards_completion_get_n_suggestions (GTK_ENTRY (entry)), ==, 1);

  /* A newer key press replaces the question before it. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "nguyen thi h");
  gtk_editable_set_text (GTK_EDITABLE (entry), "dan duc");
  while (awards_completion_is_pending (GTK_ENTRY (entry)))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (still_paused (&read));
  g_assert_cmpuint (awards_completion_get_n_suggestions (GTK_ENTRY (entry)), ==, 1);

  /* The catalogue is read the same way, once, and filtered as the user types. */
  awards_completion_set_kind (GTK_ENTRY (entry), AWARDS_COMPLETION_AUTHORITY);
  gtk_editable_set_text (GTK_EDITABLE (entry), "hai phong");
  g_assert_true (awards_completion_is_pending (GTK_ENTRY (entry)));
  while (awards_completion_is_pending (GTK_ENTRY (entry)))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (still_paused (&read));
  g_assert_cmpuint (awards_completion_get_n_suggestions (GTK_ENTRY (entry)), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (entry), "ubnd");
  g_assert_false (awards_completion_is_pending (GTK_ENTRY (entry)));
  g_assert_cmpuint (awards_completion_get_n_suggestions (GTK_ENTRY (entry)), ==, 1);

  g_mutex_lock (&read.mutex);
  read.released = TRUE;
  g_cond_broadcast (&read.cond);
  g_mutex_unlock (&read.mutex);
  while (!read.finished)
    g_main_context_iteration (NULL, TRUE);

  gtk_window_destroy (GTK_WINDOW (window));
  g_cond_clear (&read.cond);
  g_mutex_clear (&read.mutex);
  g_clear_object (&store);
  awards_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  /* gtk_test_init asks for a locale that does not exist here. */
  setlocale (LC_ALL, "C.UTF-8");

  g_test_add_func ("/completion/answers-during-a-whole-read", test_completion_during_whole_read);

  return g_test_run ();
}
