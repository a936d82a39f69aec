/* awards-store-async-catalogue.c: the store's asynchronous reads of its catalogue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "awards-store-async-private.h"

/* The authorities and award types are few: what an entry completes from, read once. */

static gboolean
list_authorities (AwardsStore  *store,
                  Call         *call,
                  GError      **error)
{
  call->result = awards_store_list_authorities (store, error);
  return call->result != NULL;
}

void
awards_store_list_authorities_async (AwardsStore         *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (AWARDS_IS_STORE (self));

  awards_store_call_run (self, AWARDS_WORK_READ, awards_store_list_authorities_async,
                         awards_store_call_new (list_authorities,
                                                (GDestroyNotify) g_ptr_array_unref),
                         cancellable, callback, user_data);
}

GPtrArray *
awards_store_list_authorities_finish (AwardsStore   *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return awards_store_call_finish_pointer (self, result, awards_store_list_authorities_async,
                                           error);
}

static gboolean
list_award_types (AwardsStore  *store,
                  Call         *call,
                  GError      **error)
{
  call->result = awards_store_list_award_types (store, error);
  return call->result != NULL;
}

void
awards_store_list_award_types_async (AwardsStore         *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (AWARDS_IS_STORE (self));

  awards_store_call_run (self, AWARDS_WORK_READ, awards_store_list_award_types_async,
                         awards_store_call_new (list_award_types,
                                                (GDestroyNotify) g_ptr_array_unref),
                         cancellable, callback, user_data);
}

GPtrArray *
awards_store_list_award_types_finish (AwardsStore   *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return awards_store_call_finish_pointer (self, result, awards_store_list_award_types_async,
                                           error);
}
