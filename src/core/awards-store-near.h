/* awards-store-near.h: looking up stored names that a new name nearly equals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "awards-near.h"
#include "awards-store.h"

G_BEGIN_DECLS

AwardsNearIndex *awards_store_load_near_index  (AwardsStore     *self,
                                                AwardsNearKind   kind,
                                                GError         **error);
AwardsNearIndex *awards_store_load_person_near_index (AwardsStore  *self,
                                                      gint64        organisation_id,
                                                      GError      **error);
GPtrArray       *awards_store_find_near_names  (AwardsStore     *self,
                                                AwardsNearKind   kind,
                                                const char      *name,
                                                gint64           organisation_id,
                                                guint            limit,
                                                GError         **error);
gint64           awards_store_find_person_id   (AwardsStore     *self,
                                                const char      *full_name,
                                                gint64           organisation_id,
                                                GError         **error);

G_END_DECLS
