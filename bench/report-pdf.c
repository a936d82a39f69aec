/* report-pdf.c — times the PDF annex of one long decision.
 *
 * DESIGN.md asks that reports stay interactive at scale: the annex of a decision of 10,000
 * recipients should come out as a PDF within about 3 s. This fills a temporary database with such
 * a decision (N recipients, default 10,000), builds and writes the PDF RUNS times (default 5)
 * and prints the median and slowest times. The test suite checks that the PDF is written; only
 * here is it timed, because a time limit in a test fails on a loaded machine or under the
 * sanitizers without any bug.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include <gio/gio.h>

#include "awards-report.h"
#include "awards-store.h"
#include "awards-test-util.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  guint n = argc > 1 ? (guint) strtoul (argv[1], NULL, 10) : 10000;
  guint runs = argc > 2 ? (guint) strtoul (argv[2], NULL, 10) : 5;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr (AwardsStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  gsize size = 0;

  setlocale (LC_ALL, "C.UTF-8");
  if (runs == 0)
    runs = 1;

  dir = awards_test_make_dir ("awards-bench-report");
  path = g_build_filename (dir, "awards.db", NULL);
  store = awards_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  awards_test_fill_long_decision (store, n);

  for (guint run = 0; run < runs; run++)
    {
      AwardsReportRequest request;
      g_autoptr (AwardsReport) report = NULL;
      g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();
      g_autoptr (GTimer) timer = g_timer_new ();
      double seconds;

      awards_report_request_init (&request, AWARDS_REPORT_KIND_DECISION);
      request.decision = "999/QĐ-LMHTX";
      report = awards_report_build (store, &request, &error);
      if (report == NULL ||
          !awards_report_write (report, AWARDS_REPORT_FORMAT_PDF, out, NULL, &error))
        g_error ("%s", error->message);
      seconds = g_timer_elapsed (timer, NULL);
      g_array_append_val (times, seconds);
      size = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out));
    }

  g_array_sort (times, compare_doubles);
  g_print ("| annex of %u recipients, build + PDF | median %.2f s | slowest %.2f s | %zu bytes |\n",
           n, g_array_index (times, double, times->len / 2),
           g_array_index (times, double, times->len - 1), size);

  g_clear_object (&store);
  awards_test_remove_tree (dir);
  return EXIT_SUCCESS;
}
