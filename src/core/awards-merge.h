/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "awards-store.h"

G_BEGIN_DECLS

gboolean awards_store_merge_organisations (AwardsStore  *self,
                                           gint64        from_id,
                                           gint64        into_id,
                                           GError      **error);

G_END_DECLS
