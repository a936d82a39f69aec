/* awards-store-async-private.h: what the store's asynchronous calls share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "awards-store-async.h"

G_BEGIN_DECLS

/* The copied arguments of any call. */
typedef struct
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
} Call;

void   awards_store_call_free      (gpointer             data);
void   awards_store_call_set_query (Call                *call,
                                    const AwardsQuery   *query);
GTask *awards_store_call_task      (AwardsStore         *self,
                                    gpointer             source_tag,
                                    Call                *call,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);

G_END_DECLS
