/* awards-decision-filter-bar.h: the year and authority drop-downs above the Decisions list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "awards-browse-view.h"
#include "awards-store-decision-filter.h"

G_BEGIN_DECLS

#define AWARDS_TYPE_DECISION_FILTER_BAR (awards_decision_filter_bar_get_type ())

G_DECLARE_FINAL_TYPE (AwardsDecisionFilterBar, awards_decision_filter_bar,
                      AWARDS, DECISION_FILTER_BAR, GtkWidget)

GtkWidget   *awards_decision_filter_bar_new           (void);
void         awards_decision_filter_bar_set_store     (AwardsDecisionFilterBar *self,
                                                       AwardsStore             *store);
void         awards_decision_filter_bar_refresh       (AwardsDecisionFilterBar *self);
void         awards_decision_filter_bar_get_filter    (AwardsDecisionFilterBar *self,
                                                       AwardsDecisionFilter    *filter);
void         awards_decision_filter_bar_attach        (AwardsDecisionFilterBar *self,
                                                       AwardsBrowseView        *view);
GtkDropDown *awards_decision_filter_bar_get_year_drop_down      (AwardsDecisionFilterBar *self);
GtkDropDown *awards_decision_filter_bar_get_authority_drop_down (AwardsDecisionFilterBar *self);

G_END_DECLS
