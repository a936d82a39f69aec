/* search.c — times the store's search and list queries on an existing database.
 *
 * Opens the database read as the program would (awards_store_open) and runs each typical query
 * several times in-process, printing a markdown table in milliseconds of:
 *
 * - the cold run: the query alone on a store opened for it, so that no statement is prepared and
 *   SQLite's own cache is empty (the file is in the system's page cache: the queries before read
 *   it). It is what the first search after the window opens, or `coop-awards-cli search`, meets;
 * - the first run on the store that the next runs share (its statements partly prepared by the
 *   queries before), then the median and the slowest of the next runs: what a clerk typing into
 *   the search field meets.
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include <glib.h>

#include "awards-db.h"
#include "awards-store.h"

typedef enum
{
  QUERY_SEARCH,
  QUERY_ORGANISATIONS,
  QUERY_COUNT_ORGANISATIONS,
  QUERY_PEOPLE,
  QUERY_COUNT_PEOPLE,
} QueryKind;

typedef struct
{
  QueryKind   kind;
  const char *text;       /* NULL: no search */
  guint       offset;
  guint       limit;
} Query;

/* Stands for a name that occurs about once, looked up in the database. */
#define RARE_NAME "(rare)"

/* What the program asks for: `coop-awards-cli search` shows 50 hits, the completion of a name
 * field 12, and a list of the window loads pages of 200 rows. */
static const Query queries[] = {
  { QUERY_SEARCH, "h", 0, 50 },
  { QUERY_SEARCH, "ng", 0, 50 },
  { QUERY_SEARCH, "nguyen", 0, 50 },
  { QUERY_SEARCH, "nguyen van", 0, 50 },
  { QUERY_SEARCH, "ngu van du", 0, 50 },
  { QUERY_SEARCH, "bach dang", 0, 50 },
  { QUERY_SEARCH, "htx", 0, 50 },
  { QUERY_SEARCH, "3456", 0, 50 },
  { QUERY_SEARCH, "thanh pho", 0, 50 },
  { QUERY_SEARCH, "thanh pho hai phong", 0, 50 },
  { QUERY_SEARCH, RARE_NAME, 0, 50 },
  { QUERY_ORGANISATIONS, NULL, 0, 200 },
  { QUERY_ORGANISATIONS, "htx", 0, 200 },
  { QUERY_ORGANISATIONS, "bach dang", 0, 200 },
  { QUERY_COUNT_ORGANISATIONS, NULL, 0, 0 },
  { QUERY_COUNT_ORGANISATIONS, "htx", 0, 0 },
  { QUERY_PEOPLE, NULL, 0, 200 },
  { QUERY_PEOPLE, "nguyen", 0, 200 },
  { QUERY_PEOPLE, "nguyen", 0, 12 },
  { QUERY_COUNT_PEOPLE, NULL, 0, 0 },
  { QUERY_COUNT_PEOPLE, "nguyen", 0, 0 },
};

static const char *
kind_name (QueryKind kind)
{
  switch (kind)
    {
    case QUERY_SEARCH:
      return "awards_store_search";
    case QUERY_ORGANISATIONS:
      return "list_organisations";
    case QUERY_COUNT_ORGANISATIONS:
      return "count_organisations";
    case QUERY_PEOPLE:
      return "list_people";
    case QUERY_COUNT_PEOPLE:
      return "count_people";
    default:
      g_assert_not_reached ();
    }
}

/* Runs the query once; returns the number of rows it gave, or -1 on error. */
static int
run_query (AwardsStore  *store,
           const Query  *query,
           const char   *text,
           GError      **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  guint count;

  switch (query->kind)
    {
    case QUERY_SEARCH:
      rows = awards_store_search (store, text, query->limit, error);
      break;
    case QUERY_ORGANISATIONS:
      rows = awards_store_list_organisations (store, text, query->offset, query->limit, error);
      break;
    case QUERY_PEOPLE:
      rows = awards_store_list_people (store, text, 0, query->offset, query->limit, error);
      break;
    case QUERY_COUNT_ORGANISATIONS:
      count = awards_store_count_organisations (store, text, error);
      return error != NULL && *error != NULL ? -1 : (int)count;
    case QUERY_COUNT_PEOPLE:
      count = awards_store_count_people (store, text, 0, error);
      return error != NULL && *error != NULL ? -1 : (int)count;
    default:
      g_assert_not_reached ();
    }
  return rows != NULL ? (int)rows->len : -1;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return (x > y) - (x < y);
}

/* Opens a store of its own for one run of @query, so that its statements are prepared and its
 * pages read as on a first search; returns the run's time in ms (the opening left out), or -1. */
static double
time_cold_run (const char   *database,
               const Query  *query,
               const char   *text,
               GError      **error)
{
  g_autoptr(AwardsStore) store = awards_store_open (database, error);
  gint64 start;

  if (store == NULL)
    return -1;
  start = g_get_monotonic_time ();
  if (run_query (store, query, text, error) < 0)
    return -1;
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* A name that occurs once: the person with the highest id, as the generator writes few twins. */
static char *
find_rare_name (AwardsStore *store)
{
  g_autoptr(GPtrArray) people = NULL;
  guint n = awards_store_count_people (store, NULL, 0, NULL);
  char *name = NULL;

  if (n == 0)
    return g_strdup ("Đan Đức Hiệp");
  people = awards_store_list_people (store, NULL, 0, n / 2, 1, NULL);
  if (people != NULL && people->len > 0)
    name = g_strdup (awards_person_get_full_name (g_ptr_array_index (people, 0)));
  return name != NULL ? name : g_strdup ("Đan Đức Hiệp");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsStore) store = NULL;
  g_autofree char *database = NULL;
  g_autofree char *rare = NULL;
  int runs = 15;
  double total_start;
  GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database, "The database to query", "FILE" },
    { "runs", 'n', 0, G_OPTION_ARG_INT, &runs, "Runs of each query (default 15)", "N" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  context = g_option_context_new ("- time the search and list queries of the store");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || database == NULL || runs < 1)
    {
      g_printerr ("%s\n", error != NULL ? error->message
                                        : "usage: awards-bench-search --database FILE [--runs N]");
      return 2;
    }
  if (!awards_db_name_is_server (database) && !g_file_test (database, G_FILE_TEST_IS_REGULAR))
    {
      g_printerr ("%s: no such database\n", database);
      return 1;
    }

  total_start = g_get_monotonic_time ();
  store = awards_store_open (database, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print ("Opening %s: %.1f ms\n\n", database, (g_get_monotonic_time () - total_start) / 1000.0);
  rare = find_rare_name (store);

  g_print ("| query | rows | cold run, ms | first run, ms | median, ms | slowest, ms |\n");
  g_print ("|---|---:|---:|---:|---:|---:|\n");
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      const Query *query = &queries[i];
      const char *text = g_strcmp0 (query->text, RARE_NAME) == 0 ? rare : query->text;
      g_autofree double *times = g_new (double, runs + 1);
      g_autofree char *label = NULL;
      int rows = 0;
      double cold;

      cold = time_cold_run (database, query, text, &error);
      if (cold < 0)
        {
          g_printerr ("%s: %s\n", kind_name (query->kind), error->message);
          return 1;
        }
      for (int run = 0; run <= runs; run++)
        {
          gint64 start = g_get_monotonic_time ();

          rows = run_query (store, query, text, &error);
          times[run] = (g_get_monotonic_time () - start) / 1000.0;
          if (rows < 0)
            {
              g_printerr ("%s: %s\n", kind_name (query->kind), error->message);
              return 1;
            }
        }
      qsort (times + 1, runs, sizeof (double), compare_doubles);

      label = g_strdup_printf ("%s %s%s%s", kind_name (query->kind),
                               text != NULL ? "\"" : "(no search)", text != NULL ? text : "",
                               text != NULL ? "\"" : "");
      if (query->limit > 0)
        {
          g_autofree char *with_limit = g_strdup_printf ("%s, limit %u", label, query->limit);

          g_free (label);
          label = g_steal_pointer (&with_limit);
        }
      g_print ("| %s | %d | %.1f | %.1f | %.1f | %.1f |\n", label, rows, cold, times[0],
               times[1 + runs / 2], times[runs]);
    }
  return 0;
}
