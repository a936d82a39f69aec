/* awards-store-decision-filter.h: the Decisions list narrowed to a year and an authority
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "awards-store.h"

G_BEGIN_DECLS

/**
 * AwardsDecisionFilter:
 * @year: only decisions dated in this year, or 0 for every year
 * @authority_id: only decisions of this authority, or 0 for every authority
 *
 * What the Decisions list is narrowed to, besides its search text.
 */
typedef struct
{
  guint  year;
  gint64 authority_id;
} AwardsDecisionFilter;

guint      awards_store_count_decisions_filtered (AwardsStore                *self,
                                                  const char                 *search,
                                                  const AwardsDecisionFilter *filter,
                                                  GError                    **error);
GPtrArray *awards_store_list_decisions_filtered  (AwardsStore                *self,
                                                  const char                 *search,
                                                  const AwardsDecisionFilter *filter,
                                                  guint                       offset,
                                                  guint                       limit,
                                                  GError                    **error);
GArray    *awards_store_list_decision_years      (AwardsStore                *self,
                                                  GError                    **error);

G_END_DECLS
