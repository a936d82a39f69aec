/* awards-review-store.h: ratings, initiatives, authority levels and staff classes in the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "awards-review.h"
#include "awards-store.h"

G_BEGIN_DECLS

/* Sets the rating of a recipient for a year; AWARDS_RATING_NONE removes it. */
gboolean   awards_review_set_rating          (AwardsStore          *store,
                                              AwardsRecipientKind   kind,
                                              gint64                recipient_id,
                                              int                   year,
                                              AwardsRating          rating,
                                              GError              **error);

/* (element-type AwardsRatingRecord): of one recipient (@recipient_id > 0) or of everyone, in the
 * years @from_year..@to_year, by recipient then year. */
GPtrArray *awards_review_list_ratings        (AwardsStore          *store,
                                              AwardsRecipientKind   kind,
                                              gint64                recipient_id,
                                              int                   from_year,
                                              int                   to_year,
                                              GError              **error);

/* Adds an initiative (its id is ignored); returns the new id, 0 on error. */
gint64     awards_review_add_initiative      (AwardsStore          *store,
                                              const AwardsInitiative *initiative,
                                              GError              **error);
gboolean   awards_review_remove_initiative   (AwardsStore          *store,
                                              gint64                id,
                                              GError              **error);
/* (element-type AwardsInitiative): as awards_review_list_ratings (). */
GPtrArray *awards_review_list_initiatives    (AwardsStore          *store,
                                              AwardsRecipientKind   kind,
                                              gint64                recipient_id,
                                              int                   from_year,
                                              int                   to_year,
                                              GError              **error);

AwardsLevel awards_review_get_authority_level (AwardsStore         *store,
                                              gint64                authority_id,
                                              GError              **error);
gboolean   awards_review_set_authority_level (AwardsStore          *store,
                                              gint64                authority_id,
                                              AwardsLevel           level,
                                              GError              **error);

/* (element-type AwardsStaffClassEntry), in Vietnamese order of the positions. */
GPtrArray *awards_review_list_staff_classes  (AwardsStore          *store,
                                              GError              **error);
/* Sets the class of a position; AWARDS_STAFF_CLASS_NONE removes the position. */
gboolean   awards_review_set_staff_class     (AwardsStore          *store,
                                              const char           *position,
                                              AwardsStaffClass      staff_class,
                                              GError              **error);
/* The class of @position from @entries (what awards_review_list_staff_classes () returned): the
 * longest listed position that begins it, ignoring case and accents; NONE when none does. */
AwardsStaffClass awards_review_classify_position (GPtrArray        *entries,
                                              const char           *position);

/* The id of the organisation named @name, or of the person named @name in the organisation named
 * @organisation; 0 with %AWARDS_STORE_ERROR_NOT_FOUND when there is none. */
gint64     awards_review_find_recipient      (AwardsStore          *store,
                                              AwardsRecipientKind   kind,
                                              const char           *name,
                                              const char           *organisation,
                                              GError              **error);

/* Writes ratings (set, replacing) and initiatives (added) in one transaction: all or nothing. */
gboolean   awards_review_import              (AwardsStore          *store,
                                              GPtrArray            *ratings,
                                              GPtrArray            *initiatives,
                                              GError              **error);

/* One award as the statistics forms count it, valid during the callback. */
typedef struct
{
  gboolean                individual;
  AwardsOrganisationKind  organisation_kind;  /* of a collective recipient */
  const char             *position;           /* an individual's position at the time */
  gint64                  award_type_id;
  const char             *award;
  AwardsAwardCategory     category;
  AwardsDecisionKind      decision_kind;
  AwardsLevel             level;
} AwardsStatisticRow;

typedef void (*AwardsStatisticRowFunc) (const AwardsStatisticRow *row,
                                        gpointer                  user_data);

/* Every award that is neither deleted nor revoked dated @date_from..@date_to (ISO, inclusive). */
gboolean   awards_review_foreach_statistic   (AwardsStore          *store,
                                              const char           *date_from,
                                              const char           *date_to,
                                              AwardsStatisticRowFunc func,
                                              gpointer              user_data,
                                              GError              **error);

G_END_DECLS
