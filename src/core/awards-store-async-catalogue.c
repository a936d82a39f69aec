/* awards-store-async-catalogue.c: the store's asynchronous reads of its catalogue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "awards-store-async-private.h"

/* The authorities and award types are few: what an entry completes from, read once. */

static void
list_catalogue_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  AwardsStore *store = source_object;
  g_autoptr(GError) error = NULL;
  GPtrArray *result;

  if (g_task_get_source_tag (task) == awards_store_list_authorities_async)
    result = awards_store_list_authorities (store, &error);
  else
    result = awards_store_list_award_types (store, &error);

  if (result == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, result, (GDestroyNotify) g_ptr_array_unref);
}

void
awards_store_list_authorities_async (AwardsStore         *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (AWARDS_IS_STORE (self));

  task = awards_store_call_task (self, awards_store_list_authorities_async, g_new0 (Call, 1),
                                 cancellable, callback, user_data);
  awards_worker_run_task (AWARDS_WORK_READ, task, list_catalogue_thread);
}

GPtrArray *
awards_store_list_authorities_finish (AwardsStore   *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, awards_store_list_authorities_async),
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
awards_store_list_award_types_async (AwardsStore         *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (AWARDS_IS_STORE (self));

  task = awards_store_call_task (self, awards_store_list_award_types_async, g_new0 (Call, 1),
                                 cancellable, callback, user_data);
  awards_worker_run_task (AWARDS_WORK_READ, task, list_catalogue_thread);
}

GPtrArray *
awards_store_list_award_types_finish (AwardsStore   *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, awards_store_list_award_types_async),
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
