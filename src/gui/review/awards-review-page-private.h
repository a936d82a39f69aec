/* awards-review-page-private.h: what the tests reach inside the review page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "awards-eligibility.h"
#include "awards-review-page.h"

G_BEGIN_DECLS

/* (element-type AwardsCandidate) (transfer none): what the page shows, in its order. */
GPtrArray      *awards_review_page_get_candidates   (AwardsReviewPage *self);
/* The check button of candidate @index, or NULL for a near miss. */
GtkCheckButton *awards_review_page_get_check        (AwardsReviewPage *self,
                                                     guint             index);
GtkButton      *awards_review_page_get_decision_button (AwardsReviewPage *self);
/* The decision editor the page opened last, or NULL. */
GtkWindow      *awards_review_page_get_editor       (AwardsReviewPage *self);

G_END_DECLS
