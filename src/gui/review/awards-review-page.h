/* awards-review-page.h: the year-end review: candidates, proposal list, decision
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "awards-store.h"

G_BEGIN_DECLS

#define AWARDS_TYPE_REVIEW_PAGE (awards_review_page_get_type ())

G_DECLARE_FINAL_TYPE (AwardsReviewPage, awards_review_page, AWARDS, REVIEW_PAGE, GtkBox)

void awards_review_page_set_store (AwardsReviewPage *self,
                                   AwardsStore      *store);
void awards_review_page_set_year  (AwardsReviewPage *self,
                                   int               year);

G_END_DECLS
