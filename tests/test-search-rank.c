/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include "awards-store.h"

/*
 * Search ranks its candidates before describing any: the hits returned must be the best ones in
 * their final order whatever the limit, and each must be described in full.
 */

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
  g_autoptr (GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("test-search-rank-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "awards.db", NULL);
  fixture->store = awards_store_open (fixture->path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  g_clear_object (&fixture->store);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (fixture->path, suffixes[i], NULL);
      g_unlink (file);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static gint64
add_organisation (Fixture    *fixture,
                  const char *name)
{
  g_autoptr (AwardsOrganisation) organisation = awards_organisation_new ();
  g_autoptr (GError) error = NULL;
  gint64 id;

  awards_organisation_set_name (organisation, name);
  id = awards_store_save_organisation (fixture->store, organisation, &error);
  g_assert_no_error (error);
  return id;
}

static void
add_person (Fixture    *fixture,
            const char *name,
            gint64      organisation_id)
{
  g_autoptr (AwardsPerson) person = awards_person_new ();
  g_autoptr (GError) error = NULL;

  awards_person_set_full_name (person, name);
  awards_person_set_organisation_id (person, organisation_id);
  awards_store_save_person (fixture->store, person, &error);
  g_assert_no_error (error);
}

static void
assert_titles (GPtrArray         *hits,
               const char *const *expected)
{
  guint n = g_strv_length ((char **)expected);

  for (guint i = 0; i < hits->len; i++)
    g_test_message ("hit %u: %s", i, ((AwardsSearchHit *)g_ptr_array_index (hits, i))->title);
  g_assert_cmpuint (hits->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      AwardsSearchHit *hit = g_ptr_array_index (hits, i);

      /* The title comes from describing the hit: ranked hits are described. */
      g_assert_cmpstr (hit->title, ==, expected[i]);
    }
}

static void
test_best_first_at_any_limit (Fixture       *fixture,
                              gconstpointer  data)
{
  /* Entered out of order, so that the order of the index (entry order) is not the answer. */
  const char *organisations[] = {
    "Tân Xuân", "HTX Ư", "HTX Ân", "HTX Bình", "HTX Anh", "HTX Đông", "HTX Ăn", "HTX Dương",
    "HTX", "Liên minh HTX",
  };
  const char *const first_three[] = { "HTX", "HTX Anh", "HTX Ăn", NULL };
  const char *const first_eight[] = {
    "HTX", "HTX Anh", "HTX Ăn", "HTX Ân", "HTX Bình", "HTX Dương", "HTX Đông", "HTX Ư", NULL
  };
  g_autoptr (GPtrArray) hits = NULL;
  g_autoptr (GError) error = NULL;
  gint64 tan_xuan = 0;

  for (guint i = 0; i < G_N_ELEMENTS (organisations); i++)
    {
      gint64 id = add_organisation (fixture, organisations[i]);

      if (i == 0)
        tan_xuan = id;
    }
  g_assert_cmpint (tan_xuan, >, 0);
  add_person (fixture, "Hoàng Văn Tân", tan_xuan);

  hits = awards_store_search (fixture->store, "htx", 50, &error);
  g_assert_no_error (error);
  /* The whole text, then the names that start with it in Vietnamese order, then the rest. */
  {
    const char *const expected[] = {
      "HTX", "HTX Anh", "HTX Ăn", "HTX Ân", "HTX Bình", "HTX Dương", "HTX Đông", "HTX Ư",
      "Liên minh HTX", NULL
    };
    assert_titles (hits, expected);
  }
  g_clear_pointer (&hits, g_ptr_array_unref);

  hits = awards_store_search (fixture->store, "htx", 3, &error);
  g_assert_no_error (error);
  assert_titles (hits, first_three);
  g_clear_pointer (&hits, g_ptr_array_unref);

  hits = awards_store_search (fixture->store, "htx", 8, &error);
  g_assert_no_error (error);
  assert_titles (hits, first_eight);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Kinds rank organisations before people at the same closeness. */
  hits = awards_store_search (fixture->store, "tan", 50, &error);
  g_assert_no_error (error);
  {
    const char *const expected[] = { "Tân Xuân", "Hoàng Văn Tân", NULL };
    assert_titles (hits, expected);
  }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char *const *)a, *(const char *const *)b);
}

/* The titles of @hits in the order of their bytes, joined by "|". */
static char *
sorted_titles (GPtrArray *hits)
{
  g_autoptr (GPtrArray) titles = g_ptr_array_new ();

  for (guint i = 0; i < hits->len; i++)
    g_ptr_array_add (titles, ((AwardsSearchHit *)g_ptr_array_index (hits, i))->title);
  g_ptr_array_sort (titles, compare_strings);
  g_ptr_array_add (titles, NULL);
  return g_strjoinv ("|", (char **)titles->pdata);
}

static char *
search_titles (Fixture    *fixture,
               const char *text)
{
  g_autoptr (GPtrArray) hits = NULL;
  g_autoptr (GError) error = NULL;

  hits = awards_store_search (fixture->store, text, 200, &error);
  g_assert_no_error (error);
  return sorted_titles (hits);
}

/*
 * A prefix of one letter is looked up as the word itself or a prefix of two characters (the
 * index keeps prefixes of two): every word that begins with the letter must still be found,
 * whatever follows it (a digit, a letter, a letter of another script, nothing), and none that
 * only contains it.
 */
static void
test_one_letter (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *organisations[] = {
    "H", "HTX H2 Nam", "Công ty Hλόγος", "HTX Hòa Bình", "Tân Xuân", "Thanh Đông", "HTX 9 Hải",
    "Đội 9",
  };
  g_autofree char *h = NULL;
  g_autofree char *nine = NULL;
  g_autofree char *two_words = NULL;
  g_autofree char *many = NULL;
  gint64 tan_xuan;

  for (guint i = 0; i < G_N_ELEMENTS (organisations); i++)
    add_organisation (fixture, organisations[i]);
  tan_xuan = add_organisation (fixture, "HTX Tân Xuân");
  add_person (fixture, "Nguyễn Văn Hλ", tan_xuan);
  add_person (fixture, "Nguyễn Thị Hà", tan_xuan);
  add_person (fixture, "Nguyễn Thị Lan", tan_xuan);
  add_person (fixture, "Trần Văn Hải", tan_xuan);

  h = search_titles (fixture, "h");
  g_assert_cmpstr (h, ==, "Công ty Hλόγος|H|HTX 9 Hải|HTX H2 Nam|HTX Hòa Bình|HTX Tân Xuân|"
                          "Nguyễn Thị Hà|Nguyễn Văn Hλ|Trần Văn Hải");
  nine = search_titles (fixture, "9");
  g_assert_cmpstr (nine, ==, "HTX 9 Hải|Đội 9");
  /* With another word, each must match. */
  two_words = search_titles (fixture, "nguyen h");
  g_assert_cmpstr (two_words, ==, "Nguyễn Thị Hà|Nguyễn Văn Hλ");

  /* Too many words of another script after the letter to list: the plain prefix finds them. */
  for (guint i = 0; i < 70; i++)
    {
      g_autofree char *name = g_strdup_printf ("Hλ%u", i);

      add_organisation (fixture, name);
    }
  many = search_titles (fixture, "h");
  g_assert_cmpuint (strlen (many), >, strlen (h));
  {
    g_auto (GStrv) found = g_strsplit (many, "|", -1);

    g_assert_cmpuint (g_strv_length (found), ==, 9 + 70);
    for (guint i = 0; i < 70; i++)
      {
        g_autofree char *name = g_strdup_printf ("Hλ%u", i);

        g_assert_true (g_strv_contains ((const char *const *)found, name));
      }
  }
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/search/rank/best-first-at-any-limit", Fixture, NULL, fixture_set_up,
              test_best_first_at_any_limit, fixture_tear_down);
  g_test_add ("/search/rank/one-letter", Fixture, NULL, fixture_set_up, test_one_letter,
              fixture_tear_down);
  return g_test_run ();
}
