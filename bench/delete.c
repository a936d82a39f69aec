/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * delete.c — times deleting and merging organisations and people on a large database.
 *
 * Each round adds an organisation and a person who have no award, then deletes both, and times
 * the deletes alone; it also times the refusal to delete an organisation that has awards (the
 * store counts them first). Merges are timed twice: two organisations that a round adds (one
 * with a member), merged and then deleted, show what a merge costs besides the rows it moves;
 * and two organisations of the generated list, with their awards, members and members' awards,
 * merged and then undone (the undo is timed too), show a real one. Its floor is the same rows
 * rewritten by bare UPDATEs on a connection of SQLite's own, committed as durably as the store
 * commits (WAL, synchronous FULL): a merge's time goes on the pages of the rows it moves, each
 * on a page of its own, and the floor writes the same pages. The floor runs after the merge and
 * its undo have read those pages, so the merge is timed once more after it, on the same warm
 * pages, and the two warm figures give the ratio. Prints a markdown table of the medians. The
 * database is changed only by rows that the rounds add and remove again, by the floor's
 * rewriting rows as they were (their versions count up), and by the entries of the history of
 * changes.
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include <glib.h>
#include <sqlite3.h>

#include "awards-command.h"
#include "awards-merge.h"
#include "awards-store.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return (x > y) - (x < y);
}

static void
add_time (GArray *times,
          gint64  start)
{
  double ms = (g_get_monotonic_time () - start) / 1000.0;

  g_array_append_val (times, ms);
}

static gint64
add_organisation (AwardsStore *store,
                  const char  *name)
{
  g_autoptr (AwardsOrganisation) organisation = awards_organisation_new ();
  g_autoptr (GError) error = NULL;
  gint64 id;

  awards_organisation_set_name (organisation, name);
  id = awards_store_save_organisation (store, organisation, &error);
  g_assert_no_error (error);
  return id;
}

/* Merges two organisations that the round adds, the first with a member, then deletes what is
 * left; times the merge. */
static void
merge_new (AwardsStore *store,
           int          round,
           GArray      *times)
{
  g_autofree char *from_name = g_strdup_printf ("HTX thử gộp số %d", round);
  g_autofree char *into_name = g_strdup_printf ("HTX thử nhận số %d", round);
  g_autoptr (AwardsPerson) person = awards_person_new ();
  g_autoptr (GError) error = NULL;
  gint64 from_id = add_organisation (store, from_name);
  gint64 into_id = add_organisation (store, into_name);
  gint64 person_id;
  gint64 start;

  awards_person_set_full_name (person, "Trần Thị Thử");
  awards_person_set_organisation_id (person, from_id);
  person_id = awards_store_save_person (store, person, &error);
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  if (!awards_store_merge_organisations (store, from_id, into_id, &error))
    g_error ("%s", error->message);
  add_time (times, start);

  if (!awards_store_delete_person (store, person_id, &error) ||
      !awards_store_delete_organisation (store, into_id, &error))
    g_error ("%s", error->message);
}

typedef struct
{
  GArray *merge;      /* the merge, its pages read from the file */
  GArray *undo;
  GArray *warm;       /* the same merge again, after the floor */
  GArray *floor;      /* the floor, on the pages the merge and its undo read */
} MergeTimes;

/* Rewrites, as they are, the rows that merging organisation @id would move (its awards, the
 * awards of its members at the time, its members, its member organisations), in one
 * transaction committed as the store commits; times it into @times unless NULL. */
static void
rewrite_rows (sqlite3 *db,
              gint64   id,
              GArray  *times)
{
  static const char *const statements[] = {
    "UPDATE commendation SET organisation_id = ?1 WHERE organisation_id = ?1",
    "UPDATE commendation SET organisation_at_time_id = ?1 WHERE organisation_at_time_id = ?1",
    "UPDATE person SET organisation_id = ?1 WHERE organisation_id = ?1",
    "UPDATE organisation SET parent_id = ?1 WHERE parent_id = ?1",
  };
  gint64 start = g_get_monotonic_time ();

  if (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
    g_error ("the floor could not begin: %s", sqlite3_errmsg (db));
  for (size_t i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      sqlite3_stmt *stmt = NULL;

      if (sqlite3_prepare_v2 (db, statements[i], -1, &stmt, NULL) != SQLITE_OK)
        g_error ("the floor: %s", sqlite3_errmsg (db));
      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        g_error ("the floor: %s", sqlite3_errmsg (db));
      sqlite3_finalize (stmt);
    }
  if (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    g_error ("the floor could not commit: %s", sqlite3_errmsg (db));
  if (times != NULL)
    add_time (times, start);
}

/* Merges and undoes, timing the merge alone. */
static void
merge_and_undo (AwardsStore *store,
                gint64       from_id,
                gint64       into_id,
                GArray      *times)
{
  g_autoptr (GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  if (!awards_store_merge_organisations (store, from_id, into_id, &error))
    g_error ("merging again: %s", error->message);
  add_time (times, start);
  if (!awards_store_undo (store, &error))
    g_error ("undoing the merge: %s", error->message);
}

/* Merges organisation @from_id of the generated list into the next one that it can be merged
 * into (two that received the same award in one decision cannot), then undoes the merge; times
 * both, then the floor and the merge again. Returns FALSE when no organisation up to
 * @from_id + 20 would do. */
static gboolean
merge_generated (AwardsStore *store,
                 sqlite3     *floor_db,
                 gint64       from_id,
                 MergeTimes  *times)
{
  for (gint64 into_id = from_id + 1; into_id <= from_id + 20; into_id++)
    {
      g_autoptr (GError) error = NULL;
      gint64 start = g_get_monotonic_time ();

      if (!awards_store_merge_organisations (store, from_id, into_id, &error))
        {
          if (g_error_matches (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_CONSTRAINT) ||
              g_error_matches (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_NOT_FOUND))
            continue;
          g_error ("%s", error->message);
        }
      add_time (times->merge, start);
      start = g_get_monotonic_time ();
      if (!awards_store_undo (store, &error))
        g_error ("undoing the merge: %s", error->message);
      add_time (times->undo, start);
      /* Once to read the pages into the floor's own cache, as the merge has them in its. */
      rewrite_rows (floor_db, from_id, NULL);
      rewrite_rows (floor_db, from_id, times->floor);
      merge_and_undo (store, from_id, into_id, times->warm);
      return TRUE;
    }
  return FALSE;
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
  double warm;
  double floor_ms;
  g_autoptr (GArray) refusal_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) merge_new_times = g_array_new (FALSE, FALSE, sizeof (double));
  MergeTimes merge_times = {
    g_array_new (FALSE, FALSE, sizeof (double)), g_array_new (FALSE, FALSE, sizeof (double)),
    g_array_new (FALSE, FALSE, sizeof (double)), g_array_new (FALSE, FALSE, sizeof (double)),
  };
  sqlite3 *floor_db = NULL;
  gint64 from_id = 1;

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
  /* The store's settings for its writes: its log, synced at every commit, a 128 MB cache, and
   * no copy of the log into the file in a commit (the store's thread does that). */
  if (sqlite3_open_v2 (database, &floor_db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
      sqlite3_exec (floor_db, "PRAGMA synchronous = FULL; PRAGMA cache_size = -131072;"
                              " PRAGMA foreign_keys = ON", NULL, NULL, NULL) != SQLITE_OK)
    {
      g_printerr ("%s: %s\n", database, sqlite3_errmsg (floor_db));
      return 1;
    }
  sqlite3_busy_timeout (floor_db, 5000);
  sqlite3_wal_autocheckpoint (floor_db, 0);

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

      merge_new (store, round, merge_new_times);
      /* A different pair each round, so that no round merges rows that the last one read. */
      while (!merge_generated (store, floor_db, from_id, &merge_times))
        {
          from_id += 20;
          if (from_id > 1000)
            g_error ("no two organisations could be merged: use a generated database");
        }
      from_id += 97;
    }

  g_print ("| delete or merge (median of %d) | ms |\n|---|---:|\n", runs);
  g_print ("| a person without awards | %.2f |\n", median (person_times));
  g_print ("| an organisation without awards | %.2f |\n", median (organisation_times));
  g_print ("| refusing an organisation with awards | %.2f |\n", median (refusal_times));
  g_print ("| merging two organisations without awards (one member moves) | %.2f |\n",
           median (merge_new_times));
  g_print ("| merging two organisations of the generated list (their awards, members and "
           "members' awards move) | %.2f |\n", median (merge_times.merge));
  g_print ("| undoing that merge | %.2f |\n", median (merge_times.undo));
  warm = median (merge_times.warm);
  floor_ms = median (merge_times.floor);
  g_print ("| the same merge again, its pages read | %.2f |\n", warm);
  g_print ("| floor: the same rows rewritten by bare UPDATEs on a plain SQLite connection, "
           "committed as the store commits | %.2f |\n", floor_ms);
  g_print ("| the merge again over its floor | %.2fx |\n", warm / floor_ms);
  sqlite3_close (floor_db);
  g_array_unref (merge_times.merge);
  g_array_unref (merge_times.undo);
  g_array_unref (merge_times.warm);
  g_array_unref (merge_times.floor);
  return 0;
}
