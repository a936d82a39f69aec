/* awards-store-async-private.h: what the store's asynchronous calls share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "awards-store-async.h"

G_BEGIN_DECLS

typedef struct _Call Call;

/*
 * What a call does on its worker thread: runs the synchronous twin with the copied arguments,
 * leaves its result in @call (result, or number) and returns %FALSE with @error set when it failed.
 */
typedef gboolean (*AwardsCallFunc) (AwardsStore  *store,
                                    Call         *call,
                                    GError      **error);

/* The copied arguments of any call, and its result. */
struct _Call
{
  char        *search;
  gint64       id;
  gint64       organisation_id;
  guint        offset;
  guint        limit;
  AwardsQuery  query;
  char        *date_from;
  char        *date_to;
  char        *query_search;
  AwardsOrder  order;
  GObject     *object;
  GPtrArray   *recipients;

  gpointer        data;          /* anything else the call needs, freed with data_free */
  GDestroyNotify  data_free;

  AwardsCallFunc  func;
  gpointer        result;        /* an object or an array, freed with result_free if unclaimed */
  GDestroyNotify  result_free;
  gint64          number;        /* a count or an id */
};

void   awards_store_call_free      (gpointer             data);
void   awards_store_call_set_query (Call                *call,
                                    const AwardsQuery   *query);
GTask *awards_store_call_task      (AwardsStore         *self,
                                    gpointer             source_tag,
                                    Call                *call,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);

Call     *awards_store_call_new            (AwardsCallFunc       func,
                                           GDestroyNotify       result_free);
void      awards_store_call_run            (AwardsStore         *self,
                                           AwardsWorkKind       kind,
                                           gpointer             source_tag,
                                           Call                *call,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean  awards_store_call_finish         (AwardsStore         *self,
                                           GAsyncResult        *result,
                                           gpointer             source_tag,
                                           GError             **error);
gpointer  awards_store_call_finish_pointer (AwardsStore         *self,
                                           GAsyncResult        *result,
                                           gpointer             source_tag,
                                           GError             **error);
gint64    awards_store_call_finish_number  (AwardsStore         *self,
                                           GAsyncResult        *result,
                                           gpointer             source_tag,
                                           GError             **error);

G_END_DECLS
