/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "awards-store.h"

G_BEGIN_DECLS

void awards_store_watch_other_writers (AwardsStore *self,
                                       guint        interval_ms);
gboolean awards_store_watch_lost_connection (AwardsStore *self);

G_END_DECLS
