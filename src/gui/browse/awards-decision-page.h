/* awards-decision-page.h: the details of one decision
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "awards-store.h"

G_BEGIN_DECLS

#define AWARDS_TYPE_DECISION_PAGE (awards_decision_page_get_type ())

G_DECLARE_FINAL_TYPE (AwardsDecisionPage, awards_decision_page, AWARDS, DECISION_PAGE, AdwBin)

AwardsStore  *awards_decision_page_get_store       (AwardsDecisionPage *self);
void          awards_decision_page_set_store       (AwardsDecisionPage *self,
                                                    AwardsStore        *store);
gint64        awards_decision_page_get_decision_id (AwardsDecisionPage *self);
void          awards_decision_page_set_decision_id (AwardsDecisionPage *self,
                                                    gint64             id);
void          awards_decision_page_reload          (AwardsDecisionPage *self);

G_END_DECLS
