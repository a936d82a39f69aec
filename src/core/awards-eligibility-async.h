/* awards-eligibility-async.h: the year-end review computed on the store's threads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "awards-eligibility.h"

G_BEGIN_DECLS

void       awards_eligibility_run_async  (AwardsStore          *store,
                                          AwardsRules          *rules,
                                          int                   year,
                                          const char           *award,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
GPtrArray *awards_eligibility_run_finish (AwardsStore          *store,
                                          GAsyncResult         *result,
                                          GError              **error);

G_END_DECLS
