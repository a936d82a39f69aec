/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "awards-store.h"

G_BEGIN_DECLS

/* Internal to the store's search (awards-store-search.c). */

gboolean  awards_search_snapshot_begin (AwardsStore  *self);
void      awards_search_snapshot_end   (AwardsStore  *self,
                                        gboolean      began);
char     *awards_search_match_expand   (AwardsStore  *self,
                                        const char   *match);

G_END_DECLS
