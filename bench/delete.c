/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * delete.c — times deleting an organisation and a person on a large database.
 *
 * Each round adds an organisation and a person who have no award, then deletes both, and times
 * the deletes alone; it also times the refusal to delete an organisation that has awards (the
 * store counts them first). Prints a markdown table of the medians. The database is changed
 * only by rows that the rounds add and remove again.
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include <glib.h>

#include "awards-store.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return (x > y) - (x < y);
}

static double
median (GArray *times)
{
  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, times->len / 2);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *database = NULL;
  int runs = 9;
  GOptionEntry entries[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database, "The database (it is written)", "FILE" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Rounds (default 9)", "N" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("— time deletes");
  g_autoptr (GError) error = NULL;
  g_autoptr (AwardsStore) store = NULL;
  g_autoptr (GArray) organisation_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) person_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) refusal_times = g_array_new (FALSE, FALSE, sizeof (double));

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || database == NULL)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "--database FILE is needed");
      return 2;
    }
  store = awards_store_open (database, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  for (int round = 0; round < runs; round++)
    {
      g_autoptr (AwardsOrganisation) organisation = awards_organisation_new ();
      g_autoptr (AwardsPerson) person = awards_person_new ();
      g_autofree char *name = g_strdup_printf ("HTX thử xóa số %d", round);
      gint64 organisation_id;
      gint64 person_id;
      gint64 start;

      awards_organisation_set_name (organisation, name);
      organisation_id = awards_store_save_organisation (store, organisation, &error);
      g_assert_no_error (error);
      awards_person_set_full_name (person, "Nguyễn Văn Thử");
      awards_person_set_organisation_id (person, organisation_id);
      person_id = awards_store_save_person (store, person, &error);
      g_assert_no_error (error);

      start = g_get_monotonic_time ();
      if (!awards_store_delete_person (store, person_id, &error))
        g_error ("%s", error->message);
      g_array_append_val (person_times, (double) { (g_get_monotonic_time () - start) / 1000.0 });

      start = g_get_monotonic_time ();
      if (!awards_store_delete_organisation (store, organisation_id, &error))
        g_error ("%s", error->message);
      g_array_append_val (organisation_times,
                          (double) { (g_get_monotonic_time () - start) / 1000.0 });

      /* Organisation 1 of a generated database has awards: the delete is refused. */
      start = g_get_monotonic_time ();
      if (awards_store_delete_organisation (store, 1, &error))
        g_error ("organisation 1 had no award: use a generated database");
      g_clear_error (&error);
      g_array_append_val (refusal_times, (double) { (g_get_monotonic_time () - start) / 1000.0 });
    }

  g_print ("| delete (median of %d) | ms |\n|---|---:|\n", runs);
  g_print ("| a person without awards | %.2f |\n", median (person_times));
  g_print ("| an organisation without awards | %.2f |\n", median (organisation_times));
  g_print ("| refusing an organisation with awards | %.2f |\n", median (refusal_times));
  return 0;
}
