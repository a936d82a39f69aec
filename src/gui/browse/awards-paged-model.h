/* awards-paged-model.h: a list model that loads its items a page at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define AWARDS_PAGED_MODEL_DEFAULT_PAGE_SIZE 200

/**
 * AwardsPagedCountFunc:
 * @search: (nullable): the model's search text
 * @user_data: the data given to awards_paged_model_new()
 * @error: return location for an error
 *
 * Returns: how many items match @search
 */
typedef guint      (*AwardsPagedCountFunc) (const char  *search,
                                            gpointer     user_data,
                                            GError     **error);

/**
 * AwardsPagedFetchFunc:
 * @search: (nullable): the model's search text
 * @offset: the position of the first item wanted
 * @limit: how many items are wanted at most
 * @user_data: the data given to awards_paged_model_new()
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the items, in the model's order, or %NULL on error
 */
typedef GPtrArray *(*AwardsPagedFetchFunc) (const char  *search,
                                            guint        offset,
                                            guint        limit,
                                            gpointer     user_data,
                                            GError     **error);

#define AWARDS_TYPE_PAGED_MODEL (awards_paged_model_get_type ())

G_DECLARE_FINAL_TYPE (AwardsPagedModel, awards_paged_model, AWARDS, PAGED_MODEL, GObject)

AwardsPagedModel *awards_paged_model_new           (GType                 item_type,
                                                    AwardsPagedCountFunc  count_func,
                                                    AwardsPagedFetchFunc  fetch_func,
                                                    gpointer              user_data,
                                                    GDestroyNotify        user_data_destroy);
const char       *awards_paged_model_get_search    (AwardsPagedModel     *self);
void              awards_paged_model_set_search    (AwardsPagedModel     *self,
                                                    const char           *search);
guint             awards_paged_model_get_page_size (AwardsPagedModel     *self);
void              awards_paged_model_set_page_size (AwardsPagedModel     *self,
                                                    guint                 page_size);
guint             awards_paged_model_get_n_pages_loaded (AwardsPagedModel *self);
gboolean          awards_paged_model_reload        (AwardsPagedModel     *self,
                                                    GError              **error);
const GError     *awards_paged_model_get_error     (AwardsPagedModel     *self);
gboolean          awards_paged_model_get_async     (AwardsPagedModel     *self);
void              awards_paged_model_set_async     (AwardsPagedModel     *self,
                                                    gboolean              async);
gboolean          awards_paged_model_get_loading   (AwardsPagedModel     *self);

G_END_DECLS
