/* test-paged-model.c: the paged list model, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "awards-list-models.h"
#include "awards-paged-model.h"
#include "awards-test-util.h"

/* A fake table: organisations named "Org 000" … in a GPtrArray, with call counters. */
typedef struct
{
  GPtrArray *rows;
  guint      n_counts;
  guint      n_fetches;
  guint      last_offset;
  guint      last_limit;
  char      *last_search;
  gboolean   fail;
  GMutex     lock;        /* the workers of two searches may count at once */
} Table;

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint n_signals;
} Changes;

static AwardsOrganisation *
row_new (const char *name,
         guint       award_count)
{
  AwardsOrganisation *organisation = awards_organisation_new ();

  awards_organisation_set_name (organisation, name);
  awards_organisation_set_award_count (organisation, award_count);
  return organisation;
}

static Table *
table_new (guint n)
{
  Table *table = g_new0 (Table, 1);

  g_mutex_init (&table->lock);
  table->rows = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Org %03u", i);

      g_ptr_array_add (table->rows, row_new (name, i));
    }
  return table;
}

static void
table_free (gpointer data)
{
  Table *table = data;

  g_ptr_array_unref (table->rows);
  g_free (table->last_search);
  g_mutex_clear (&table->lock);
  g_free (table);
}

static gboolean
row_matches (AwardsOrganisation *row,
             const char         *search)
{
  return search == NULL || strstr (awards_organisation_get_name (row), search) != NULL;
}

static guint
table_count (const char  *search,
             gpointer     user_data,
             GError     **error)
{
  Table *table = user_data;
  guint n = 0;

  g_mutex_lock (&table->lock);
  table->n_counts++;
  g_free (table->last_search);
  table->last_search = g_strdup (search);
  g_mutex_unlock (&table->lock);
  for (guint i = 0; i < table->rows->len; i++)
    n += row_matches (g_ptr_array_index (table->rows, i), search);

  return n;
}

static GPtrArray *
table_fetch (const char  *search,
             guint        offset,
             guint        limit,
             gpointer     user_data,
             GError     **error)
{
  Table *table = user_data;
  GPtrArray *page;
  guint seen = 0;

  g_mutex_lock (&table->lock);
  table->n_fetches++;
  table->last_offset = offset;
  table->last_limit = limit;
  g_mutex_unlock (&table->lock);
  if (table->fail)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "disk on fire");
      return NULL;
    }

  page = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < table->rows->len && page->len < limit; i++)
    {
      AwardsOrganisation *row = g_ptr_array_index (table->rows, i);

      if (!row_matches (row, search))
        continue;
      if (seen++ >= offset)
        g_ptr_array_add (page, awards_organisation_copy (row));
    }

  return page;
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *changes)
{
  changes->position = position;
  changes->removed = removed;
  changes->added = added;
  changes->n_signals++;
}

static AwardsPagedModel *
model_new (Table   *table,
           Changes *changes)
{
  AwardsPagedModel *model = awards_paged_model_new (AWARDS_TYPE_ORGANISATION, table_count,
                                                    table_fetch, table, NULL);

  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), changes);
  return model;
}

static const char *
name_at (AwardsPagedModel *model,
         guint             position)
{
  g_autoptr (AwardsOrganisation) organisation = g_list_model_get_item (G_LIST_MODEL (model),
                                                                       position);
  static char name[64];

  g_assert_nonnull (organisation);
  g_strlcpy (name, awards_organisation_get_name (organisation), sizeof name);
  return name;
}

static void
test_lazy_pages (void)
{
  Table *table = table_new (1000);
  Changes changes = { 0, };
  g_autoptr (AwardsPagedModel) model = model_new (table, &changes);

  /* Nothing is read before anybody asks. */
  g_assert_cmpuint (table->n_counts, ==, 0);
  g_assert_cmpuint (table->n_fetches, ==, 0);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1000);
  g_assert_cmpuint (table->n_counts, ==, 1);
  g_assert_cmpuint (table->n_fetches, ==, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == AWARDS_TYPE_ORGANISATION);

  /* One page of 200 around the item asked for, and only once. */
  g_assert_cmpstr (name_at (model, 450), ==, "Org 450");
  g_assert_cmpuint (table->n_fetches, ==, 1);
  g_assert_cmpuint (table->last_offset, ==, 400);
  g_assert_cmpuint (table->last_limit, ==, AWARDS_PAGED_MODEL_DEFAULT_PAGE_SIZE);
  g_assert_cmpstr (name_at (model, 599), ==, "Org 599");
  g_assert_cmpstr (name_at (model, 400), ==, "Org 400");
  g_assert_cmpuint (table->n_fetches, ==, 1);
  g_assert_cmpuint (awards_paged_model_get_n_pages_loaded (model), ==, 1);

  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 1000));
  g_assert_cmpuint (changes.n_signals, ==, 0);

  g_object_unref (model);
  model = NULL;
  table_free (table);
}

static void
test_memory_is_bounded (void)
{
  Table *table = table_new (5000);
  Changes changes = { 0, };
  g_autoptr (AwardsPagedModel) model = model_new (table, &changes);

  awards_paged_model_set_page_size (model, 50);
  for (guint i = 0; i < 5000; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_nonnull (item);
    }

  /* Scrolling through 5,000 items read 100 pages but keeps only a few. */
  g_assert_cmpuint (table->n_fetches, ==, 100);
  g_assert_cmpuint (awards_paged_model_get_n_pages_loaded (model), <=, 16);
  g_assert_cmpstr (name_at (model, 4999), ==, "Org 4999");

  g_object_unref (model);
  model = NULL;
  table_free (table);
}

static void
read_all (AwardsPagedModel *model)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));

  for (guint i = 0; i < n; i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), i));
}

static void
test_reload_exact (void)
{
  Table *table = table_new (30);
  Changes changes = { 0, };
  g_autoptr (AwardsPagedModel) model = model_new (table, &changes);
  g_autoptr (GError) error = NULL;

  read_all (model);

  /* Nothing changed: no signal at all. */
  g_assert_true (awards_paged_model_reload (model, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes.n_signals, ==, 0);

  /* One row deleted in the middle. */
  g_ptr_array_remove_index (table->rows, 12);
  awards_paged_model_reload (model, NULL);
  g_assert_cmpuint (changes.n_signals, ==, 1);
  g_assert_cmpuint (changes.position, ==, 12);
  g_assert_cmpuint (changes.removed, ==, 1);
  g_assert_cmpuint (changes.added, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 29);
  g_assert_cmpstr (name_at (model, 12), ==, "Org 013");

  /* The same row back again. */
  g_ptr_array_insert (table->rows, 12, row_new ("Org 012", 12));
  awards_paged_model_reload (model, NULL);
  g_assert_cmpuint (changes.n_signals, ==, 2);
  g_assert_cmpuint (changes.position, ==, 12);
  g_assert_cmpuint (changes.removed, ==, 0);
  g_assert_cmpuint (changes.added, ==, 1);

  /* A changed count is a changed row. */
  awards_organisation_set_award_count (g_ptr_array_index (table->rows, 3), 99);
  awards_paged_model_reload (model, NULL);
  g_assert_cmpuint (changes.n_signals, ==, 3);
  g_assert_cmpuint (changes.position, ==, 3);
  g_assert_cmpuint (changes.removed, ==, 1);
  g_assert_cmpuint (changes.added, ==, 1);

  /* A row added at the end. */
  g_ptr_array_add (table->rows, row_new ("Org 999", 1));
  awards_paged_model_reload (model, NULL);
  g_assert_cmpuint (changes.n_signals, ==, 4);
  g_assert_cmpuint (changes.position, ==, 30);
  g_assert_cmpuint (changes.removed, ==, 0);
  g_assert_cmpuint (changes.added, ==, 1);

  g_object_unref (model);
  model = NULL;
  table_free (table);
}

static void
test_reload_unread_items_count_as_changed (void)
{
  Table *table = table_new (1000);
  Changes changes = { 0, };
  g_autoptr (AwardsPagedModel) model = model_new (table, &changes);

  /* Only the first page was read: the rest cannot be compared and is replaced. */
  g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), 0));
  g_ptr_array_remove_index (table->rows, 500);
  awards_paged_model_reload (model, NULL);

  g_assert_cmpuint (changes.n_signals, ==, 1);
  g_assert_cmpuint (changes.position, ==, 200);
  g_assert_cmpuint (changes.removed, ==, 800);
  g_assert_cmpuint (changes.added, ==, 799);

  g_object_unref (model);
  model = NULL;
  table_free (table);
}

static void
test_search (void)
{
  Table *table = table_new (300);
  Changes changes = { 0, };
  g_autoptr (AwardsPagedModel) model = model_new (table, &changes);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 300);

  awards_paged_model_set_search (model, "Org 12");
  g_assert_cmpstr (table->last_search, ==, "Org 12");
  g_assert_cmpstr (awards_paged_model_get_search (model), ==, "Org 12");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 10);
  g_assert_cmpuint (changes.n_signals, ==, 1);
  g_assert_cmpuint (changes.position, ==, 0);
  g_assert_cmpuint (changes.removed, ==, 300);
  g_assert_cmpuint (changes.added, ==, 10);
  g_assert_cmpstr (name_at (model, 1), ==, "Org 121");

  /* The same search again asks nothing; an empty one means no search. */
  awards_paged_model_set_search (model, "Org 12");
  g_assert_cmpuint (changes.n_signals, ==, 1);
  awards_paged_model_set_search (model, "");
  g_assert_null (awards_paged_model_get_search (model));
  g_assert_null (table->last_search);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 300);

  g_object_unref (model);
  model = NULL;
  table_free (table);
}

static void
test_fetch_error (void)
{
  Table *table = table_new (10);
  Changes changes = { 0, };
  g_autoptr (AwardsPagedModel) model = model_new (table, &changes);
  g_autoptr (GObject) item = NULL;
  const GError *error;

  table->fail = TRUE;
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 10);

  /* A view must never get NULL inside the model's size: a blank item stands in. */
  item = g_list_model_get_item (G_LIST_MODEL (model), 3);
  g_assert_true (AWARDS_IS_ORGANISATION (item));
  error = awards_paged_model_get_error (model);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);

  table->fail = FALSE;
  awards_paged_model_reload (model, NULL);
  g_assert_null (awards_paged_model_get_error (model));
  g_assert_cmpstr (name_at (model, 3), ==, "Org 003");

  g_object_unref (model);
  model = NULL;
  table_free (table);
}

static void
wait_for_load (AwardsPagedModel *model)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (awards_paged_model_get_loading (model) && g_get_monotonic_time () < end)
    awards_test_iterate ();
  g_assert_false (awards_paged_model_get_loading (model));
}

/* A list view shown for the first time asks for the item after the first page at once: the
 * first load reads two pages in the worker, so that neither is read on the main thread. */
static void
test_async_first_pages (void)
{
  Table *table = table_new (500);
  Changes changes = { 0, };
  g_autoptr (AwardsPagedModel) model = model_new (table, &changes);

  awards_paged_model_set_async (model, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  wait_for_load (model);
  g_assert_cmpuint (changes.added, ==, 500);
  g_assert_cmpuint (table->n_fetches, ==, 2);
  g_assert_cmpstr (name_at (model, 0), ==, "Org 000");
  g_assert_cmpstr (name_at (model, 2 * AWARDS_PAGED_MODEL_DEFAULT_PAGE_SIZE - 1), ==, "Org 399");
  g_assert_cmpuint (table->n_fetches, ==, 2);
  g_assert_cmpstr (name_at (model, 2 * AWARDS_PAGED_MODEL_DEFAULT_PAGE_SIZE), ==, "Org 400");
  g_assert_cmpuint (table->n_fetches, ==, 3);

  g_clear_object (&model);
  table_free (table);
}

static void
test_async (void)
{
  Table *table = table_new (30);
  Changes changes = { 0, };
  g_autoptr (AwardsPagedModel) model = model_new (table, &changes);

  awards_paged_model_set_async (model, TRUE);

  /* Empty at first; the count and the first page come from a worker in one signal. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_assert_true (awards_paged_model_get_loading (model));
  wait_for_load (model);
  g_assert_cmpuint (changes.n_signals, ==, 1);
  g_assert_cmpuint (changes.position, ==, 0);
  g_assert_cmpuint (changes.removed, ==, 0);
  g_assert_cmpuint (changes.added, ==, 30);
  g_assert_cmpuint (table->n_fetches, ==, 1);
  g_assert_cmpstr (name_at (model, 29), ==, "Org 029");
  g_assert_cmpuint (table->n_fetches, ==, 1);

  /* A reload keeps the items until the worker is done, then reports the exact change. */
  g_ptr_array_remove_index (table->rows, 7);
  g_assert_true (awards_paged_model_reload (model, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 30);
  wait_for_load (model);
  g_assert_cmpuint (changes.n_signals, ==, 2);
  g_assert_cmpuint (changes.position, ==, 7);
  g_assert_cmpuint (changes.removed, ==, 1);
  g_assert_cmpuint (changes.added, ==, 0);

  /* A newer search wins over an older one still running. */
  awards_paged_model_set_search (model, "Org 02");
  awards_paged_model_set_search (model, "Org 01");
  wait_for_load (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 10);
  g_assert_cmpstr (name_at (model, 0), ==, "Org 010");

  /* Workers hold the model; only once the last one has returned can the table go. */
  {
    AwardsPagedModel *weak = model;
    gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

    g_object_add_weak_pointer (G_OBJECT (weak), (gpointer *) &weak);
    g_clear_object (&model);
    while (weak != NULL && g_get_monotonic_time () < end)
      awards_test_iterate ();
    g_assert_null (weak);
  }
  table_free (table);
}

static void
test_store_lists (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-paged-model-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "awards.db", NULL);
  g_autoptr (AwardsStore) store = awards_store_open (path, &error);
  g_autoptr (AwardsPagedModel) organisations = NULL;
  g_autoptr (AwardsPagedModel) people = NULL;
  g_autoptr (AwardsPagedModel) awards = NULL;
  g_autoptr (AwardsOrganisation) found = NULL;
  g_autoptr (AwardsCommendation) first = NULL;
  g_autoptr (AwardsCommendation) last = NULL;
  AwardsQuery query;
  gint64 decision_id;

  g_assert_no_error (error);
  decision_id = awards_test_seed (store);

  /* Folded search: no accents, đ as d. */
  organisations = awards_list_model_new_organisations (store);
  awards_paged_model_set_search (organisations, "bach dang");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (organisations)), ==, 1);
  found = g_list_model_get_item (G_LIST_MODEL (organisations), 0);
  g_assert_cmpstr (awards_organisation_get_name (found), ==, "HTX Bạch Đằng");

  awards_paged_model_set_search (organisations, "dan phuong");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (organisations)), ==, 1);

  /* People of one organisation. */
  people = awards_list_model_new_people (store, awards_organisation_get_id (found));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (people)), ==, 2);

  /* A decision's awards read two at a time give the same rows as one read. */
  awards_query_init (&query);
  query.decision_id = decision_id;
  awards = awards_list_model_new_commendations (store, &query, AWARDS_ORDER_ANNEX);
  awards_paged_model_set_page_size (awards, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (awards)), ==, 5);
  first = g_list_model_get_item (G_LIST_MODEL (awards), 0);
  last = g_list_model_get_item (G_LIST_MODEL (awards), 4);
  g_assert_cmpint (awards_commendation_get_recipient_kind (first), ==,
                   AWARDS_RECIPIENT_KIND_COLLECTIVE);
  g_assert_cmpint (awards_commendation_get_recipient_kind (last), ==,
                   AWARDS_RECIPIENT_KIND_INDIVIDUAL);
  g_assert_cmpstr (awards_commendation_get_award_name (last), ==, "Bằng khen");
  g_assert_cmpstr (awards_commendation_get_decision_number (last), ==, "3457/QĐ-UBND");
  g_assert_cmpuint (awards_paged_model_get_n_pages_loaded (awards), ==, 2);

  g_clear_object (&organisations);
  g_clear_object (&people);
  g_clear_object (&awards);
  g_clear_object (&store);
  awards_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/paged-model/lazy-pages", test_lazy_pages);
  g_test_add_func ("/paged-model/memory-is-bounded", test_memory_is_bounded);
  g_test_add_func ("/paged-model/reload-exact", test_reload_exact);
  g_test_add_func ("/paged-model/reload-unread-items", test_reload_unread_items_count_as_changed);
  g_test_add_func ("/paged-model/search", test_search);
  g_test_add_func ("/paged-model/fetch-error", test_fetch_error);
  g_test_add_func ("/paged-model/async", test_async);
  g_test_add_func ("/paged-model/async-first-pages", test_async_first_pages);
  g_test_add_func ("/paged-model/store-lists", test_store_lists);

  return g_test_run ();
}
