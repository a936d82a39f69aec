/* readers.c — times what the window asks of the store, with and without an export running
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Generates N awards with awards-bench-generate (or takes an existing database), then asks the
 * store, through its asynchronous calls as the window does, for the first page of organisations,
 * a search and the completion of a person's name, several times each: first with nothing else
 * running, then while a whole-database CSV export runs on the store's long-work threads, over
 * and over. It prints a markdown table of the median and the slowest time from the call to its
 * callback in the main loop, in milliseconds.
 */

#include "config.h"

#include <fcntl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <gio/gio.h>
#include <gio/gunixoutputstream.h>
#include <glib/gstdio.h>

#include "awards-exporter.h"
#include "awards-importer.h"
#include "awards-store.h"
#include "awards-store-async.h"

typedef enum
{
  CALL_FIRST_PAGE,
  CALL_SEARCH,
  CALL_COMPLETION,
  N_CALLS
} Call;

static const char *const call_names[N_CALLS] = {
  "first page of organisations (200)",
  "search \"nguyen van\" (50 hits)",
  "completion of a person \"tran th\" (12)",
};

typedef struct
{
  gboolean  answered;
  GError   *error;
} Answer;

static void
answered_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Answer *answer = user_data;
  GPtrArray *items;

  if (g_async_result_is_tagged (result, awards_store_list_organisations_async))
    items = awards_store_list_organisations_finish (AWARDS_STORE (source), result,
                                                    &answer->error);
  else if (g_async_result_is_tagged (result, awards_store_search_async))
    items = awards_store_search_finish (AWARDS_STORE (source), result, &answer->error);
  else
    items = awards_store_list_people_finish (AWARDS_STORE (source), result, &answer->error);
  g_clear_pointer (&items, g_ptr_array_unref);
  answer->answered = TRUE;
}

/* One call, from the moment it is made to its callback in the main loop, in milliseconds. */
static double
time_call (AwardsStore *store,
           Call         call)
{
  Answer answer = { 0 };
  gint64 start = g_get_monotonic_time ();

  switch (call)
    {
    case CALL_FIRST_PAGE:
      awards_store_list_organisations_async (store, NULL, 0, 200, NULL, answered_cb, &answer);
      break;
    case CALL_SEARCH:
      awards_store_search_async (store, "nguyen van", 50, NULL, answered_cb, &answer);
      break;
    case CALL_COMPLETION:
    default:
      awards_store_list_people_async (store, "tran th", 0, 0, 12, NULL, answered_cb, &answer);
      break;
    }
  while (!answer.answered)
    g_main_context_iteration (NULL, TRUE);
  if (answer.error != NULL)
    {
      g_printerr ("%s: %s\n", call_names[call], answer.error->message);
      exit (1);
    }
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

typedef struct
{
  double median;
  double slowest;
} Timing;

static void
time_calls (AwardsStore *store,
            guint        runs,
            Timing       timings[N_CALLS])
{
  for (guint c = 0; c < N_CALLS; c++)
    {
      g_autofree double *times = g_new0 (double, runs);

      for (guint i = 0; i < runs; i++)
        times[i] = time_call (store, c);
      qsort (times, runs, sizeof (double), (int (*)(const void *, const void *)) compare_doubles);
      timings[c].median = times[runs / 2];
      timings[c].slowest = times[runs - 1];
    }
}

/* The export that runs meanwhile: the whole database as CSV to /dev/null, again and again. */
typedef struct
{
  gint     stop;
  guint    n_exports;
  guint    n_rows;
} Export;

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Export *export = task_data;
  g_autoptr(GError) error = NULL;

  while (!g_atomic_int_get (&export->stop))
    {
      g_autoptr(GOutputStream) out = NULL;
      int fd = open ("/dev/null", O_WRONLY);
      guint n_rows = 0;

      out = g_unix_output_stream_new (fd, TRUE);
      if (!awards_export_csv_to_stream (source_object, NULL, out, &n_rows, NULL, &error))
        break;
      export->n_rows = n_rows;
      export->n_exports++;
    }
  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  gboolean *done = user_data;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_printerr ("export: %s\n", error->message);
  *done = TRUE;
}

static char *
generator_path (const char *argv0)
{
  g_autofree char *dir = g_path_get_dirname (argv0);

  return g_build_filename (dir, "awards-bench-generate", NULL);
}

static gboolean
make_database (const char  *argv0,
               const char  *path,
               guint        rows,
               GError     **error)
{
  g_autofree char *generator = generator_path (argv0);
  g_autofree char *rows_text = g_strdup_printf ("%u", rows);
  g_autofree char *csv = g_strconcat (path, ".csv", NULL);
  const char *args[] = { generator, "--rows", rows_text, "--output", csv, NULL };
  g_autoptr(AwardsStore) store = NULL;
  g_autoptr(AwardsImporter) importer = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) args, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                     &status, error) ||
      !g_spawn_check_wait_status (status, error))
    return FALSE;

  store = awards_store_open (path, error);
  if (store == NULL)
    return FALSE;
  importer = awards_importer_new (store);
  /* Generated names include near pairs ("Đông", "Đồng") that are meant to be distinct. */
  awards_importer_set_allow_new (importer, TRUE);
  file = g_file_new_for_path (csv);
  if (!awards_importer_import_file (importer, file, NULL, NULL, error))
    return FALSE;
  g_unlink (csv);
  g_printerr ("Generated and imported %u awards in %.1f s.\n", rows, g_timer_elapsed (timer, NULL));
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  int rows = 1000000;
  int runs = 9;
  g_autofree char *database = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  GOptionEntry entries[] = {
    { "rows", 'n', 0, G_OPTION_ARG_INT, &rows, "Awards to generate (default 1,000,000)", "N" },
    { "runs", 'r', 0, G_OPTION_ARG_INT, &runs, "Times each call is made (default 9)", "N" },
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database,
      "An existing database to use instead of generating one", "FILE" },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— time the window's calls");
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsStore) store = NULL;
  g_autoptr(GTask) task = NULL;
  Timing idle[N_CALLS];
  Timing busy[N_CALLS];
  Export export = { 0 };
  gboolean export_done = FALSE;

  setlocale (LC_ALL, "C.UTF-8");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || rows <= 0 || runs <= 0)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "--rows and --runs must be positive");
      return 2;
    }

  if (database == NULL)
    {
      dir = g_dir_make_tmp ("awards-bench-readers-XXXXXX", &error);
      if (dir == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      path = g_build_filename (dir, "awards.db", NULL);
      if (!make_database (argv[0], path, rows, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }
  else
    path = g_strdup (database);

  store = awards_store_open (path, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  /* One warm-up round, as a window that has been open a while has its pages in the cache. */
  time_calls (store, 1, idle);
  time_calls (store, runs, idle);

  task = g_task_new (store, NULL, export_done_cb, &export_done);
  g_task_set_task_data (task, &export, NULL);
  awards_store_run_task (store, AWARDS_WORK_LONG, task, export_thread);
  /* Let the export get going before the first call. */
  g_usleep (200 * 1000);
  time_calls (store, runs, busy);
  g_atomic_int_set (&export.stop, TRUE);
  while (!export_done)
    g_main_context_iteration (NULL, TRUE);

  printf ("\n%u awards in %s; %d runs of each call; ms from the call to its callback\n\n",
          awards_store_count_commendations (store, NULL, NULL), path, runs);
  printf ("| call | idle: median | idle: slowest | during export: median"
          " | during export: slowest |\n");
  printf ("|---|---:|---:|---:|---:|\n");
  for (guint c = 0; c < N_CALLS; c++)
    printf ("| %s | %.1f | %.1f | %.1f | %.1f |\n", call_names[c], idle[c].median,
            idle[c].slowest, busy[c].median, busy[c].slowest);
  printf ("\nThe export ran %u time(s) to its end meanwhile (%u rows each).\n",
          export.n_exports, export.n_rows);

  g_clear_object (&store);
  if (dir != NULL)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_unlink (path);
      g_unlink (wal);
      g_unlink (shm);
      g_rmdir (dir);
    }
  return 0;
}
