/* awards-command-async.h: undo and redo on the store's write thread, for the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "awards-command.h"
#include "awards-store-async.h"

G_BEGIN_DECLS

void     awards_store_undo_async  (AwardsStore          *self,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data);
gboolean awards_store_undo_finish (AwardsStore          *self,
                                   GAsyncResult         *result,
                                   GError              **error);
void     awards_store_redo_async  (AwardsStore          *self,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data);
gboolean awards_store_redo_finish (AwardsStore          *self,
                                   GAsyncResult         *result,
                                   GError              **error);

G_END_DECLS
