/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * import-undo.c — imports a flat award list into a database and undoes the import, as the
 * window's Undo would, printing the time and the peak resident memory after each step and the
 * number of awards before, between and after. An import above the changeset limit is undone by
 * the ranges of ids it created (src/core/awards-import-undo.c); this shows what that costs at a
 * million awards. The database is written: give a scratch file.
 */

#include "config.h"

#include <locale.h>
#include <sys/resource.h>

#include <gio/gio.h>

#include "awards-command.h"
#include "awards-importer.h"
#include "awards-store.h"

static long
peak_rss_kb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

static guint
count_awards (AwardsStore *store)
{
  AwardsQuery query;

  awards_query_init (&query);
  return awards_store_count_commendations (store, &query, NULL);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *database = NULL;
  g_autofree char *input = NULL;
  GOptionEntry entries[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database, "The database (it is written)", "FILE" },
    { "input", 0, 0, G_OPTION_ARG_FILENAME, &input, "The award list to import", "FILE" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("— import and undo");
  g_autoptr (GError) error = NULL;
  g_autoptr (AwardsStore) store = NULL;
  g_autoptr (AwardsImporter) importer = NULL;
  g_autoptr (GFile) file = NULL;
  g_autofree char *label = NULL;
  gint64 start;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || database == NULL ||
      input == NULL)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "--database and --input are needed");
      return 2;
    }
  store = awards_store_open (database, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print ("before: %u awards, peak RSS %ld kB\n", count_awards (store), peak_rss_kb ());

  importer = awards_importer_new (store);
  awards_importer_set_allow_new (importer, TRUE);
  file = g_file_new_for_path (input);
  start = g_get_monotonic_time ();
  if (!awards_importer_import_file (importer, file, NULL, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print ("import: %.1f s, %u awards, peak RSS %ld kB\n",
           (g_get_monotonic_time () - start) / 1e6, count_awards (store), peak_rss_kb ());

  label = awards_store_get_undo_label (store);
  start = g_get_monotonic_time ();
  if (!awards_store_undo (store, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print ("%s: %.1f s, %u awards, peak RSS %ld kB\n", label,
           (g_get_monotonic_time () - start) / 1e6, count_awards (store), peak_rss_kb ());
  return 0;
}
