/* awards-store-repair.h: names that older versions stored with invisible characters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "awards-store.h"

G_BEGIN_DECLS

gboolean awards_store_check_names  (AwardsStore  *self,
                                    GPtrArray    *problems,
                                    GError      **error);
gboolean awards_store_repair_names (AwardsStore  *self,
                                    guint        *n_repaired,
                                    GError      **error);

G_END_DECLS
