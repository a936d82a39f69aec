/* test-store-server.c: the store's lists, counts and searches give the same answers on a file and
 * on its copy on the test server (skipped when tools/test could not start one)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "awards-db-copy.h"
#include "awards-db-schema.h"
#include "awards-store-decision-filter.h"
#include "awards-store-open.h"
#include "awards-test-pg.h"
#include "awards-test-util.h"

typedef struct
{
  char        *dir;
  char        *server;
  AwardsStore *file;
  AwardsStore *copy;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *why = NULL;
  g_autofree char *path = NULL;
  AwardsDbCopyResult copied;
  gboolean created = FALSE;

  f->server = awards_test_pg_new_database (&why);
  if (f->server == NULL)
    {
      g_test_skip (why);
      return;
    }
  f->dir = awards_test_make_dir ("test-store-server");
  path = g_build_filename (f->dir, "office.db", NULL);
  f->file = awards_store_open (path, &error);
  g_assert_no_error (error);
  awards_test_seed (f->file);
  /* Enough people of one family for the broad plans (four times the page or more). */
  awards_test_fill_long_decision (f->file, 40);

  awards_server_init (f->server, &created, &error);
  g_assert_no_error (error);
  awards_db_copy (path, f->server, NULL, NULL, &copied, &error);
  g_assert_no_error (error);
  f->copy = awards_store_open (f->server, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->file);
  g_clear_object (&f->copy);
  awards_test_pg_drop_database (f->server);
  if (f->dir != NULL)
    awards_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->server);
}

/* Names of a list of organisations, people or decisions, one per line. */
static char *
names_of (GPtrArray *list)
{
  GString *out = g_string_new (NULL);

  g_assert_nonnull (list);
  for (guint i = 0; i < list->len; i++)
    {
      GObject *object = g_ptr_array_index (list, i);
      g_autofree char *name = NULL;
      gint64 id = 0;

      if (AWARDS_IS_ORGANISATION (object))
        name = g_strdup (awards_organisation_get_name (AWARDS_ORGANISATION (object)));
      else if (AWARDS_IS_PERSON (object))
        name = g_strdup (awards_person_get_full_name (AWARDS_PERSON (object)));
      else
        name = g_strdup (awards_decision_get_number (AWARDS_DECISION (object)));
      g_object_get (object, "id", &id, NULL);
      g_string_append_printf (out, "%" G_GINT64_FORMAT " %s\n", id, name);
    }
  return g_string_free (out, FALSE);
}

/* Fails with the store's own words when a list could not be read. */
#define LIST(call) \
  ({ g_autoptr (GError) list_error = NULL; \
     GPtrArray *list = call; \
     g_assert_no_error (list_error); \
     list; })

static char *
hits_of (GPtrArray *hits)
{
  GString *out = g_string_new (NULL);

  g_assert_nonnull (hits);
  for (guint i = 0; i < hits->len; i++)
    {
      AwardsSearchHit *hit = g_ptr_array_index (hits, i);

      g_string_append_printf (out, "%d %" G_GINT64_FORMAT " %s\n", hit->kind, hit->id, hit->title);
    }
  return g_string_free (out, FALSE);
}

static void
test_same_answers (Fixture       *f,
                   gconstpointer  data)
{
  static const char *const searches[] = {
    NULL, "htx", "h", "ng", "nguyen", "nguyen van", "bach dang", "a b c d e", "3457", "không ai",
  };
  static const guint pages[][2] = { { 0, 200 }, { 0, 2 }, { 3, 2 }, { 1, 1 } };
  guint compared = 0;

  if (f->server == NULL)
    return;
  for (guint s = 0; s < G_N_ELEMENTS (searches); s++)
    {
      const char *search = searches[s];
      g_autoptr (GError) error = NULL;

      g_assert_cmpuint (awards_store_count_organisations (f->file, search, NULL), ==,
                        awards_store_count_organisations (f->copy, search, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (awards_store_count_people (f->file, search, 0, NULL), ==,
                        awards_store_count_people (f->copy, search, 0, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (awards_store_count_decisions (f->file, search, NULL), ==,
                        awards_store_count_decisions (f->copy, search, &error));
      g_assert_no_error (error);
      for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
        {
          guint offset = pages[p][0];
          guint limit = pages[p][1];
          g_autofree char *file_list = NULL;
          g_autofree char *copy_list = NULL;

          file_list = names_of (awards_store_list_organisations (f->file, search, offset, limit,
                                                                 NULL));
          copy_list = names_of (awards_store_list_organisations (f->copy, search, offset, limit,
                                                                 NULL));
          g_assert_cmpstr (file_list, ==, copy_list);
          g_free (file_list);
          g_free (copy_list);
          file_list = names_of (LIST (awards_store_list_people (f->file, search, 0, offset, limit, &list_error)));
          copy_list = names_of (LIST (awards_store_list_people (f->copy, search, 0, offset, limit, &list_error)));
          g_assert_cmpstr (file_list, ==, copy_list);
          g_free (file_list);
          g_free (copy_list);
          file_list = names_of (LIST (awards_store_list_decisions (f->file, search, offset, limit, &list_error)));
          copy_list = names_of (LIST (awards_store_list_decisions (f->copy, search, offset, limit, &list_error)));
          g_assert_cmpstr (file_list, ==, copy_list);
          compared++;
        }
      if (search != NULL)
        {
          g_autofree char *file_hits = hits_of (LIST (awards_store_search (f->file, search, 12, &list_error)));
          g_autofree char *copy_hits = hits_of (LIST (awards_store_search (f->copy, search, 12, &list_error)));

          g_assert_cmpstr (file_hits, ==, copy_hits);
        }
    }
  g_assert_cmpuint (compared, ==, G_N_ELEMENTS (searches) * G_N_ELEMENTS (pages));

  /* The decisions section's filters: by year, by authority, both, with and without a search. */
  {
    g_autoptr (GArray) file_years = awards_store_list_decision_years (f->file, NULL);
    g_autoptr (GArray) copy_years = awards_store_list_decision_years (f->copy, NULL);
    g_autoptr (AwardsDecision) any = NULL;
    gint64 authority_id;

    g_assert_nonnull (copy_years);
    g_assert_cmpuint (file_years->len, ==, copy_years->len);
    g_assert_cmpuint (file_years->len, >, 0);
    for (guint i = 0; i < file_years->len; i++)
      g_assert_cmpuint (g_array_index (file_years, guint, i), ==,
                        g_array_index (copy_years, guint, i));
    any = awards_store_get_decision (f->file, 1, NULL);
    g_assert_nonnull (any);
    authority_id = awards_decision_get_authority_id (any);
    for (guint y = 0; y <= file_years->len; y++)
      for (guint a = 0; a < 2; a++)
        for (guint s = 0; s < 2; s++)
          {
            AwardsDecisionFilter filter = {
              y < file_years->len ? g_array_index (file_years, guint, y) : 0,
              a ? authority_id : 0,
            };
            const char *search = s ? "qd" : NULL;
            g_autofree char *file_list = NULL;
            g_autofree char *copy_list = NULL;

            g_autoptr (GError) count_error = NULL;

            guint file_count = awards_store_count_decisions_filtered (f->file, search, &filter,
                                                                      NULL);

            g_assert_cmpuint (file_count, ==,
                              awards_store_count_decisions_filtered (f->copy, search, &filter,
                                                                     &count_error));
            g_assert_no_error (count_error);
            file_list = names_of (LIST (awards_store_list_decisions_filtered (
              f->file, search, &filter, 0, 50, &list_error)));
            copy_list = names_of (LIST (awards_store_list_decisions_filtered (
              f->copy, search, &filter, 0, 50, &list_error)));
            g_assert_cmpstr (file_list, ==, copy_list);
          }
  }
  /* Not a comparison of empty lists: the broad searches found people on both. */
  g_assert_cmpuint (awards_store_count_people (f->copy, "nguyen", 0, NULL), >=, 8);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/store-server/same-answers", Fixture, NULL, fixture_set_up, test_same_answers,
              fixture_tear_down);
  return g_test_run ();
}
