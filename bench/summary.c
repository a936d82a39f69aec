/* summary.c — times the report queries of the store against the plain SQL floor.
 *
 * Runs awards_store_summary () and awards_store_yearly () on a database written by the program,
 * and, when given the table that `sqlite3 .import` makes of the same CSV, the plain aggregate of
 * that table, in the same run, and prints a markdown table of the median and slowest times.
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include <glib.h>
#include <sqlite3.h>

#include "awards-store.h"

typedef enum
{
  REPORT_SUMMARY,
  REPORT_YEARLY,
  REPORT_FLOOR,
} ReportKind;

typedef struct
{
  ReportKind  kind;
  const char *label;
  const char *date_from;    /* ISO dates, inclusive */
  const char *date_to;
  const char *sql;          /* the floor's query */
} Report;

#define ONE_YEAR_FROM "2011-01-01"
#define ONE_YEAR_TO   "2011-12-31"

static const Report reports[] = {
  { REPORT_SUMMARY, "awards_store_summary, everything", NULL, NULL, NULL },
  { REPORT_SUMMARY, "awards_store_summary, 2011", ONE_YEAR_FROM, ONE_YEAR_TO, NULL },
  { REPORT_YEARLY, "awards_store_yearly, every year", NULL, NULL, NULL },
  { REPORT_YEARLY, "awards_store_yearly, 2005–2014", "2005-01-01", "2014-12-31", NULL },
  { REPORT_FLOOR, "floor: sqlite3 GROUP BY over the .import table, everything", NULL, NULL,
    "SELECT authority, award, recipient_type, count(*) FROM awards GROUP BY 1, 2, 3" },
  { REPORT_FLOOR, "floor: the same, 2011", NULL, NULL,
    "SELECT authority, award, recipient_type, count(*) FROM awards"
    " WHERE decision_date BETWEEN '" ONE_YEAR_FROM "' AND '" ONE_YEAR_TO "'"
    " GROUP BY 1, 2, 3" },
};

/* Runs the plain aggregate; returns its number of rows, or -1. */
static int
run_floor (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int rows = 0;
  int rc;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_printerr ("floor: %s\n", sqlite3_errmsg (db));
      return -1;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    rows++;
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE ? rows : -1;
}

/* Runs one report once; returns its number of rows, or -1. */
static int
run_report (AwardsStore  *store,
            sqlite3      *floor,
            const Report *report)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  AwardsQuery query;

  if (report->kind == REPORT_FLOOR)
    return run_floor (floor, report->sql);

  awards_query_init (&query);
  query.date_from = report->date_from;
  query.date_to = report->date_to;
  if (report->kind == REPORT_SUMMARY)
    rows = awards_store_summary (store, &query, &error);
  else
    rows = awards_store_yearly (store, &query, &error);
  if (rows == NULL)
    {
      g_printerr ("%s: %s\n", report->label, error->message);
      return -1;
    }
  return (int)rows->len;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsStore) store = NULL;
  g_autofree char *database = NULL;
  g_autofree char *floor_path = NULL;
  sqlite3 *floor = NULL;
  guint64 count = 0;
  int runs = 5;
  GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database, "The database to report on", "FILE" },
    { "floor", 'f', 0, G_OPTION_ARG_FILENAME, &floor_path,
      "The table “awards” that sqlite3 .import made of the same CSV", "FILE" },
    { "runs", 'n', 0, G_OPTION_ARG_INT, &runs, "Runs of each report (default 5)", "N" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  context = g_option_context_new ("- time the report queries of the store");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || database == NULL || runs < 1)
    {
      g_printerr ("%s\n", error != NULL ? error->message
                  : "usage: awards-bench-summary --database FILE [--floor FILE] [--runs N]");
      return 2;
    }
  if (!g_file_test (database, G_FILE_TEST_IS_REGULAR) ||
      (floor_path != NULL && !g_file_test (floor_path, G_FILE_TEST_IS_REGULAR)))
    {
      g_printerr ("no such database: %s\n", database);
      return 1;
    }
  store = awards_store_open (database, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (floor_path != NULL &&
      sqlite3_open_v2 (floor_path, &floor, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      g_printerr ("%s: %s\n", floor_path, sqlite3_errmsg (floor));
      return 1;
    }
  count = awards_store_count_commendations (store, NULL, NULL);
  g_print ("%" G_GUINT64_FORMAT " awards in %s, median of %d runs after one more:\n\n",
           count, database, runs);

  g_print ("| report | rows | first run, ms | median, ms | slowest, ms |\n");
  g_print ("|---|---:|---:|---:|---:|\n");
  for (guint i = 0; i < G_N_ELEMENTS (reports); i++)
    {
      const Report *report = &reports[i];
      g_autofree double *times = g_new (double, runs + 1);
      int rows = 0;

      if (report->kind == REPORT_FLOOR && floor == NULL)
        continue;
      for (int run = 0; run <= runs; run++)
        {
          gint64 start = g_get_monotonic_time ();

          rows = run_report (store, floor, report);
          times[run] = (g_get_monotonic_time () - start) / 1000.0;
          if (rows < 0)
            return 1;
        }
      qsort (times + 1, runs, sizeof (double), compare_doubles);
      g_print ("| %s | %d | %.0f | %.0f | %.0f |\n", report->label, rows, times[0],
               times[1 + runs / 2], times[runs]);
    }
  sqlite3_close (floor);
  return 0;
}
