/* awards-list-models.h: paged list models over the store's tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "awards-paged-model.h"
#include "awards-store.h"

G_BEGIN_DECLS

AwardsPagedModel *awards_list_model_new_organisations  (AwardsStore       *store);
AwardsPagedModel *awards_list_model_new_people         (AwardsStore       *store,
                                                        gint64             organisation_id);
AwardsPagedModel *awards_list_model_new_decisions      (AwardsStore       *store);
AwardsPagedModel *awards_list_model_new_commendations  (AwardsStore       *store,
                                                        const AwardsQuery *query,
                                                        AwardsOrder        order);

AwardsCommendation *awards_commendation_new_from_row   (const AwardsCommendationRow *row);

G_END_DECLS
