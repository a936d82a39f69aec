/* awards-store-open.h: opening a database in another thread, or for reading only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "awards-store.h"

G_BEGIN_DECLS

AwardsStore *awards_store_open_read_only (const char   *path,
                                          GError      **error);
void         awards_store_open_async     (const char          *path,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
AwardsStore *awards_store_open_finish    (GAsyncResult  *result,
                                          GError       **error);
gboolean     awards_store_is_read_only   (AwardsStore  *self);
char        *awards_store_describe_read_only (AwardsStore *self);
gboolean     awards_store_init_server        (const char   *name,
                                              gboolean     *created,
                                              gboolean     *updated,
                                              GError      **error);

G_END_DECLS
