/* awards-review-data-box.h: a recipient's annual ratings and initiatives, with add and remove
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "awards-store.h"

G_BEGIN_DECLS

#define AWARDS_TYPE_REVIEW_DATA_BOX (awards_review_data_box_get_type ())

G_DECLARE_FINAL_TYPE (AwardsReviewDataBox, awards_review_data_box, AWARDS, REVIEW_DATA_BOX,
                      GtkBox)

/* Shows and edits the ratings and initiatives of one organisation or person (0 for none). */
void awards_review_data_box_set_recipient (AwardsReviewDataBox  *self,
                                           AwardsStore          *store,
                                           AwardsRecipientKind   kind,
                                           gint64                recipient_id);

/* For tests: what the add row holds, then a click on its button. */
gboolean awards_review_data_box_add_rating     (AwardsReviewDataBox *self,
                                                int                  year,
                                                guint                rating);
gboolean awards_review_data_box_add_initiative (AwardsReviewDataBox *self,
                                                int                  year,
                                                const char          *title,
                                                guint                scope);
guint    awards_review_data_box_get_n_rows     (AwardsReviewDataBox *self);

G_END_DECLS
