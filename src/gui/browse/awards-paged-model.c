/* awards-paged-model.c: a list model that loads its items a page at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "coop-awards"

#include "config.h"

#include <glib/gi18n.h>

#include "awards-paged-model.h"
#include "awards-worker.h"

/**
 * AwardsPagedModel:
 *
 * A #GListModel over a query that may match hundreds of thousands of rows. It asks for the
 * number of matching items once per reload and then for pages of items as a view needs them,
 * keeping only the most recently used pages in memory.
 *
 * A reload (a new search, or data that changed) compares the items it still remembers with the
 * new ones, property by property, and reports exactly the range that changed: deleting one row
 * of a short list emits one removal, not a reset.
 *
 * In asynchronous mode (for queries that may take longer than a frame) the count and the pages
 * that are in memory are read again in a worker thread; the model keeps its items until the new
 * ones arrive and then reports the difference the same way. The store must allow that: ours
 * serialises its calls with a lock.
 *
 * This file depends on GIO only, so that it can be tested without a display.
 */

#define MAX_CACHED_PAGES 16

struct _AwardsPagedModel
{
  GObject               parent_instance;

  GType                 item_type;
  AwardsPagedCountFunc  count_func;
  AwardsPagedFetchFunc  fetch_func;
  gpointer              user_data;
  GDestroyNotify        user_data_destroy;

  char                 *search;
  guint                 page_size;

  gboolean              counted;
  guint                 n_items;

  /* Page index → GPtrArray of items; recent holds the indexes, most recently used first. */
  GHashTable           *pages;
  GQueue                recent;

  GParamSpec          **item_pspecs;
  guint                 n_item_pspecs;

  GError               *error;

  /* In asynchronous mode counting and reloading happen in a worker thread. */
  gboolean              async;
  GCancellable         *loading;
};

static void awards_paged_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AwardsPagedModel, awards_paged_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      awards_paged_model_list_model_init))

enum
{
  PROP_0,
  PROP_ITEM_TYPE,
  PROP_N_ITEMS,
  PROP_SEARCH,
  PROP_PAGE_SIZE,
  PROP_ASYNC,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GHashTable *
page_table_new (void)
{
  return g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
}

static void
set_error (AwardsPagedModel *self,
           GError           *error)
{
  g_clear_error (&self->error);
  self->error = error;
}

/* Counts the items the first time anybody asks, without telling anybody: nobody can have seen
 * a previous count. */
static void start_loading (AwardsPagedModel *self);

static void
ensure_counted (AwardsPagedModel *self)
{
  GError *error = NULL;

  if (self->counted)
    return;

  self->counted = TRUE;

  if (self->async)
    {
      /* Empty until the worker has counted; then one items-changed brings everything. */
      self->n_items = 0;
      start_loading (self);
      return;
    }

  self->n_items = self->count_func (self->search, self->user_data, &error);
  if (error != NULL)
    {
      self->n_items = 0;
      set_error (self, error);
    }
}

static void
touch_page (AwardsPagedModel *self,
            guint             index)
{
  GList *link = g_queue_find (&self->recent, GUINT_TO_POINTER (index));

  if (link != NULL && link == self->recent.head)
    return;

  if (link != NULL)
    g_queue_unlink (&self->recent, link);
  else
    link = g_list_alloc ();

  link->data = GUINT_TO_POINTER (index);
  g_queue_push_head_link (&self->recent, link);

  while (self->recent.length > MAX_CACHED_PAGES)
    {
      guint oldest = GPOINTER_TO_UINT (g_queue_pop_tail (&self->recent));

      g_hash_table_remove (self->pages, GUINT_TO_POINTER (oldest));
    }
}

static GPtrArray *
load_page (AwardsPagedModel *self,
           guint             index)
{
  GPtrArray *page;
  GError *error = NULL;

  page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (index));
  if (page == NULL)
    {
      gint64 start = g_get_monotonic_time ();

      page = self->fetch_func (self->search, index * self->page_size, self->page_size,
                               self->user_data, &error);
      g_debug ("%s: page %u read in %.1f ms", g_type_name (self->item_type), index,
               (g_get_monotonic_time () - start) / 1000.0);
      if (page == NULL)
        {
          /* An empty page stands in so that a failing store is not asked again and again while
           * a view scrolls; the error is kept for whoever shows it. */
          page = g_ptr_array_new_with_free_func (g_object_unref);
          set_error (self, error != NULL ? error
                           : g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED,
                                                  _("Could not read the list")));
        }
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (index), page);
    }

  touch_page (self, index);

  return page;
}

/* Returns a borrowed item, or a placeholder when the store returned fewer items than it had
 * counted (the data changed under us; the next reload puts it right). */
static gpointer
peek_item (AwardsPagedModel *self,
           guint             position)
{
  GPtrArray *page = load_page (self, position / self->page_size);
  guint offset = position % self->page_size;

  if (offset >= page->len)
    {
      while (page->len <= offset)
        g_ptr_array_add (page, g_object_new (self->item_type, NULL));
    }

  return g_ptr_array_index (page, offset);
}

static gpointer
lookup_old_item (GHashTable *old_pages,
                 guint       page_size,
                 guint       position)
{
  GPtrArray *page = g_hash_table_lookup (old_pages, GUINT_TO_POINTER (position / page_size));

  if (page == NULL || position % page_size >= page->len)
    return NULL;

  return g_ptr_array_index (page, position % page_size);
}

static gboolean
values_equal (GParamSpec   *pspec,
              const GValue *a,
              const GValue *b)
{
  if (G_VALUE_HOLDS (a, G_TYPE_STRV))
    {
      const char * const *sa = g_value_get_boxed (a);
      const char * const *sb = g_value_get_boxed (b);
      static const char * const empty[] = { NULL };

      return g_strv_equal ((const char * const *) (sa ? sa : empty),
                           (const char * const *) (sb ? sb : empty));
    }

  return g_param_values_cmp (pspec, a, b) == 0;
}

/* Two items are the same row when every readable property has the same value. */
static gboolean
items_equal (AwardsPagedModel *self,
             GObject          *a,
             GObject          *b)
{
  if (a == b)
    return TRUE;

  if (G_OBJECT_TYPE (a) != G_OBJECT_TYPE (b))
    return FALSE;

  for (guint i = 0; i < self->n_item_pspecs; i++)
    {
      GParamSpec *pspec = self->item_pspecs[i];
      g_auto (GValue) va = G_VALUE_INIT;
      g_auto (GValue) vb = G_VALUE_INIT;

      if (!(pspec->flags & G_PARAM_READABLE))
        continue;

      g_value_init (&va, pspec->value_type);
      g_value_init (&vb, pspec->value_type);
      g_object_get_property (a, pspec->name, &va);
      g_object_get_property (b, pspec->name, &vb);

      if (!values_equal (pspec, &va, &vb))
        return FALSE;
    }

  return TRUE;
}

static GType
awards_paged_model_get_item_type (GListModel *model)
{
  return AWARDS_PAGED_MODEL (model)->item_type;
}

static guint
awards_paged_model_get_n_items (GListModel *model)
{
  AwardsPagedModel *self = AWARDS_PAGED_MODEL (model);

  ensure_counted (self);

  return self->n_items;
}

static gpointer
awards_paged_model_get_item (GListModel *model,
                             guint       position)
{
  AwardsPagedModel *self = AWARDS_PAGED_MODEL (model);

  ensure_counted (self);

  if (position >= self->n_items)
    return NULL;

  return g_object_ref (peek_item (self, position));
}

static void
awards_paged_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = awards_paged_model_get_item_type;
  iface->get_n_items = awards_paged_model_get_n_items;
  iface->get_item = awards_paged_model_get_item;
}

static void
awards_paged_model_constructed (GObject *object)
{
  AwardsPagedModel *self = AWARDS_PAGED_MODEL (object);
  g_autoptr (GTypeClass) klass = NULL;

  G_OBJECT_CLASS (awards_paged_model_parent_class)->constructed (object);

  g_assert (g_type_is_a (self->item_type, G_TYPE_OBJECT));

  klass = g_type_class_ref (self->item_type);
  self->item_pspecs = g_object_class_list_properties (G_OBJECT_CLASS (klass),
                                                      &self->n_item_pspecs);
}

static void
awards_paged_model_finalize (GObject *object)
{
  AwardsPagedModel *self = AWARDS_PAGED_MODEL (object);

  /* A worker may still hold user_data; it is cancelled and the task keeps the model alive
   * until it returns, so finalize never runs while a worker runs. */
  g_clear_object (&self->loading);

  if (self->user_data_destroy != NULL)
    self->user_data_destroy (self->user_data);

  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_queue_clear (&self->recent);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->item_pspecs, g_free);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (awards_paged_model_parent_class)->finalize (object);
}

static void
awards_paged_model_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AwardsPagedModel *self = AWARDS_PAGED_MODEL (object);

  switch (prop_id)
    {
    case PROP_ITEM_TYPE:
      g_value_set_gtype (value, self->item_type);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, g_list_model_get_n_items (G_LIST_MODEL (self)));
      break;

    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;

    case PROP_PAGE_SIZE:
      g_value_set_uint (value, self->page_size);
      break;

    case PROP_ASYNC:
      g_value_set_boolean (value, self->async);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading != NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awards_paged_model_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AwardsPagedModel *self = AWARDS_PAGED_MODEL (object);

  switch (prop_id)
    {
    case PROP_ITEM_TYPE:
      self->item_type = g_value_get_gtype (value);
      break;

    case PROP_SEARCH:
      awards_paged_model_set_search (self, g_value_get_string (value));
      break;

    case PROP_PAGE_SIZE:
      awards_paged_model_set_page_size (self, g_value_get_uint (value));
      break;

    case PROP_ASYNC:
      awards_paged_model_set_async (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awards_paged_model_class_init (AwardsPagedModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = awards_paged_model_constructed;
  object_class->finalize = awards_paged_model_finalize;
  object_class->get_property = awards_paged_model_get_property;
  object_class->set_property = awards_paged_model_set_property;

  properties[PROP_ITEM_TYPE] =
    g_param_spec_gtype ("item-type", NULL, NULL,
                        G_TYPE_OBJECT,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PAGE_SIZE] =
    g_param_spec_uint ("page-size", NULL, NULL,
                       1, G_MAXUINT, AWARDS_PAGED_MODEL_DEFAULT_PAGE_SIZE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ASYNC] =
    g_param_spec_boolean ("async", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
awards_paged_model_init (AwardsPagedModel *self)
{
  self->page_size = AWARDS_PAGED_MODEL_DEFAULT_PAGE_SIZE;
  self->pages = page_table_new ();
  g_queue_init (&self->recent);
}

/**
 * awards_paged_model_new:
 * @item_type: the #GObject type of the items
 * @count_func: counts the items matching a search
 * @fetch_func: reads one page of items
 * @user_data: data for both functions
 * @user_data_destroy: (nullable): frees @user_data with the model
 *
 * Nothing is read until the model is first asked for its size.
 *
 * Returns: (transfer full): a new model
 */
AwardsPagedModel *
awards_paged_model_new (GType                 item_type,
                        AwardsPagedCountFunc  count_func,
                        AwardsPagedFetchFunc  fetch_func,
                        gpointer              user_data,
                        GDestroyNotify        user_data_destroy)
{
  AwardsPagedModel *self;

  g_return_val_if_fail (g_type_is_a (item_type, G_TYPE_OBJECT), NULL);
  g_return_val_if_fail (count_func != NULL, NULL);
  g_return_val_if_fail (fetch_func != NULL, NULL);

  self = g_object_new (AWARDS_TYPE_PAGED_MODEL, "item-type", item_type, NULL);
  self->count_func = count_func;
  self->fetch_func = fetch_func;
  self->user_data = user_data;
  self->user_data_destroy = user_data_destroy;

  return self;
}

/**
 * awards_paged_model_get_search:
 * @self: a #AwardsPagedModel
 *
 * Returns: (nullable): the search text the items match
 */
const char *
awards_paged_model_get_search (AwardsPagedModel *self)
{
  g_return_val_if_fail (AWARDS_IS_PAGED_MODEL (self), NULL);

  return self->search;
}

/**
 * awards_paged_model_set_search:
 * @self: a #AwardsPagedModel
 * @search: (nullable): what the user typed
 *
 * Changes the search and reloads the model. An empty text is the same as %NULL.
 */
void
awards_paged_model_set_search (AwardsPagedModel *self,
                               const char       *search)
{
  g_return_if_fail (AWARDS_IS_PAGED_MODEL (self));

  if (search != NULL && search[0] == '\0')
    search = NULL;

  if (g_strcmp0 (self->search, search) == 0)
    return;

  g_free (self->search);
  self->search = g_strdup (search);

  awards_paged_model_reload (self, NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
}

guint
awards_paged_model_get_page_size (AwardsPagedModel *self)
{
  g_return_val_if_fail (AWARDS_IS_PAGED_MODEL (self), 0);

  return self->page_size;
}

/**
 * awards_paged_model_set_page_size:
 * @self: a #AwardsPagedModel
 * @page_size: how many items to read at once
 *
 * Changing the page size forgets the loaded pages; the items stay the same.
 */
void
awards_paged_model_set_page_size (AwardsPagedModel *self,
                                  guint             page_size)
{
  g_return_if_fail (AWARDS_IS_PAGED_MODEL (self));
  g_return_if_fail (page_size > 0);

  if (self->page_size == page_size)
    return;

  self->page_size = page_size;
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->recent);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE_SIZE]);
}

/**
 * awards_paged_model_get_n_pages_loaded:
 * @self: a #AwardsPagedModel
 *
 * Returns: how many pages are in memory; never more than a small fixed number
 */
guint
awards_paged_model_get_n_pages_loaded (AwardsPagedModel *self)
{
  g_return_val_if_fail (AWARDS_IS_PAGED_MODEL (self), 0);

  return g_hash_table_size (self->pages);
}

/* Takes the new count and, when given, pages already read for it; reports what changed compared
 * with the items the model remembers. */
static void
apply_reload (AwardsPagedModel *self,
              guint             new_n,
              GHashTable       *new_pages)
{
  g_autoptr (GHashTable) old_pages = NULL;
  guint old_n, common, prefix, suffix;

  old_n = self->n_items;

  g_clear_error (&self->error);
  old_pages = g_steal_pointer (&self->pages);
  self->pages = new_pages != NULL ? g_hash_table_ref (new_pages) : page_table_new ();
  g_queue_clear (&self->recent);
  if (new_pages != NULL)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, new_pages);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_queue_push_tail (&self->recent, key);
    }
  self->counted = TRUE;
  self->n_items = new_n;

  /* Only items still in memory can be compared; anything beyond them counts as changed. */
  common = MIN (old_n, new_n);
  for (prefix = 0; prefix < common; prefix++)
    {
      GObject *old_item = lookup_old_item (old_pages, self->page_size, prefix);

      if (old_item == NULL || !items_equal (self, old_item, peek_item (self, prefix)))
        break;
    }

  for (suffix = 0; suffix < common - prefix; suffix++)
    {
      GObject *old_item = lookup_old_item (old_pages, self->page_size, old_n - 1 - suffix);

      if (old_item == NULL ||
          !items_equal (self, old_item, peek_item (self, new_n - 1 - suffix)))
        break;
    }

  if (old_n - prefix - suffix > 0 || new_n - prefix - suffix > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                                old_n - prefix - suffix, new_n - prefix - suffix);

  if (old_n != new_n)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

typedef struct
{
  AwardsPagedCountFunc  count_func;
  AwardsPagedFetchFunc  fetch_func;
  gpointer              user_data;
  char                 *search;
  guint                 page_size;
  GArray               *indexes;        /* the pages to read along with the count */
  guint                 n_items;
  GHashTable           *pages;
} LoadJob;

static void
load_job_free (gpointer data)
{
  LoadJob *job = data;

  g_free (job->search);
  g_array_unref (job->indexes);
  g_clear_pointer (&job->pages, g_hash_table_unref);
  g_free (job);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadJob *job = task_data;
  GError *error = NULL;

  job->n_items = job->count_func (job->search, job->user_data, &error);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  job->pages = page_table_new ();
  for (guint i = 0; i < job->indexes->len && !g_cancellable_is_cancelled (cancellable); i++)
    {
      guint index = g_array_index (job->indexes, guint, i);
      GPtrArray *page;

      if ((guint64) index * job->page_size >= job->n_items)
        continue;

      page = job->fetch_func (job->search, index * job->page_size, job->page_size,
                              job->user_data, &error);
      if (page == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      g_hash_table_insert (job->pages, GUINT_TO_POINTER (index), page);
    }

  g_task_return_boolean (task, TRUE);
}

static void
load_ready_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  AwardsPagedModel *self = AWARDS_PAGED_MODEL (source);
  LoadJob *job = g_task_get_task_data (G_TASK (result));
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));
  g_autoptr (GError) error = NULL;

  /* A newer load replaced this one. */
  if (g_cancellable_is_cancelled (cancellable) || cancellable != self->loading)
    return;

  g_clear_object (&self->loading);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      set_error (self, g_steal_pointer (&error));
      return;
    }

  /* The pages were read with this page size; a change meanwhile makes them unusable. */
  apply_reload (self, job->n_items, job->page_size == self->page_size ? job->pages : NULL);
  /* bench/window.sh waits for this line to time the first rows on screen. */
  g_debug ("%s: %u items loaded", g_type_name (self->item_type), job->n_items);
}

static void
start_loading (AwardsPagedModel *self)
{
  g_autoptr (GTask) task = NULL;
  LoadJob *job;
  gboolean was_loading = self->loading != NULL;

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  self->loading = g_cancellable_new ();

  job = g_new0 (LoadJob, 1);
  job->count_func = self->count_func;
  job->fetch_func = self->fetch_func;
  job->user_data = self->user_data;
  job->search = g_strdup (self->search);
  job->page_size = self->page_size;
  job->indexes = g_array_new (FALSE, FALSE, sizeof (guint));
  for (GList *l = self->recent.head; l != NULL; l = l->next)
    {
      guint index = GPOINTER_TO_UINT (l->data);

      g_array_append_val (job->indexes, index);
    }
  /* A list view shown for the first time asks at once for the item after the first page too
   * (GTK 4.8 asked for item 200 of a page of 200): both are read here, not one of them on the
   * main thread. */
  if (job->indexes->len == 0)
    {
      guint first[] = { 0, 1 };

      g_array_append_vals (job->indexes, first, G_N_ELEMENTS (first));
    }

  task = g_task_new (self, self->loading, load_ready_cb, NULL);
  g_task_set_source_tag (task, start_loading);
  g_task_set_task_data (task, job, load_job_free);
  awards_worker_run_task (AWARDS_WORK_READ, task, load_thread);

  if (!was_loading)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/**
 * awards_paged_model_reload:
 * @self: a #AwardsPagedModel
 * @error: return location for an error
 *
 * Counts the items again and emits #GListModel::items-changed for the range that differs from
 * what the model held before. Call it after the data changed. In asynchronous mode this only
 * starts the work, and the signal comes later.
 *
 * Returns: %TRUE on success; on error the model keeps its previous items
 */
gboolean
awards_paged_model_reload (AwardsPagedModel  *self,
                           GError           **error)
{
  g_autoptr (GError) local_error = NULL;
  guint new_n;

  g_return_val_if_fail (AWARDS_IS_PAGED_MODEL (self), FALSE);

  if (self->async)
    {
      self->counted = TRUE;
      start_loading (self);
      return TRUE;
    }

  if (!self->counted)
    self->n_items = 0;

  new_n = self->count_func (self->search, self->user_data, &local_error);
  if (local_error != NULL)
    {
      set_error (self, g_error_copy (local_error));
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  apply_reload (self, new_n, NULL);

  return TRUE;
}

/**
 * awards_paged_model_get_async:
 * @self: a #AwardsPagedModel
 *
 * Returns: whether counting and reloading happen in a worker thread
 */
gboolean
awards_paged_model_get_async (AwardsPagedModel *self)
{
  g_return_val_if_fail (AWARDS_IS_PAGED_MODEL (self), FALSE);

  return self->async;
}

/**
 * awards_paged_model_set_async:
 * @self: a #AwardsPagedModel
 * @async: whether to count and reload in a worker thread
 *
 * For lists whose query may take longer than a frame. The count and user data given to
 * awards_paged_model_new() must then be safe to call from another thread. Pages needed while
 * scrolling are still read at once.
 */
void
awards_paged_model_set_async (AwardsPagedModel *self,
                              gboolean          async)
{
  g_return_if_fail (AWARDS_IS_PAGED_MODEL (self));

  async = !!async;
  if (self->async == async)
    return;

  self->async = async;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASYNC]);
}

/**
 * awards_paged_model_get_loading:
 * @self: a #AwardsPagedModel
 *
 * Returns: %TRUE while a worker thread is counting or reading for the model
 */
gboolean
awards_paged_model_get_loading (AwardsPagedModel *self)
{
  g_return_val_if_fail (AWARDS_IS_PAGED_MODEL (self), FALSE);

  return self->loading != NULL;
}

/**
 * awards_paged_model_get_error:
 * @self: a #AwardsPagedModel
 *
 * Returns: (nullable): the last error met while counting or reading a page, if the model has
 *   not loaded successfully since
 */
const GError *
awards_paged_model_get_error (AwardsPagedModel *self)
{
  g_return_val_if_fail (AWARDS_IS_PAGED_MODEL (self), NULL);

  return self->error;
}
