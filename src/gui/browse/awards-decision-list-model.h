/* awards-decision-list-model.h: the Decisions list, narrowed by search, year and authority
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "awards-paged-model.h"
#include "awards-store-decision-filter.h"

G_BEGIN_DECLS

AwardsPagedModel *awards_decision_list_model_new        (AwardsStore                *store);
void              awards_decision_list_model_set_filter (AwardsPagedModel           *model,
                                                         const AwardsDecisionFilter *filter);
gboolean          awards_decision_list_model_get_filter (AwardsPagedModel           *model,
                                                         AwardsDecisionFilter       *filter);

G_END_DECLS
