#pragma once

#include <glib-object.h>

#include "awards-enums.h"

G_BEGIN_DECLS

#define AWARDS_TYPE_AWARD_TYPE (awards_award_type_get_type ())

G_DECLARE_FINAL_TYPE (AwardsAwardType, awards_award_type, AWARDS, AWARD_TYPE, GObject)

AwardsAwardType *awards_award_type_new  (void);
AwardsAwardType *awards_award_type_copy (AwardsAwardType *self);

gint64 awards_award_type_get_id (AwardsAwardType *self);
void   awards_award_type_set_id (AwardsAwardType *self,
                                 gint64           id);

const char *awards_award_type_get_name (AwardsAwardType *self);
void        awards_award_type_set_name (AwardsAwardType *self,
                                        const char      *name);

AwardsAwardCategory awards_award_type_get_category (AwardsAwardType *self);
void                awards_award_type_set_category (AwardsAwardType     *self,
                                                    AwardsAwardCategory  category);

AwardsEligibility awards_award_type_get_eligibility (AwardsAwardType *self);
void              awards_award_type_set_eligibility (AwardsAwardType   *self,
                                                     AwardsEligibility  eligibility);

int  awards_award_type_get_rank (AwardsAwardType *self);
void awards_award_type_set_rank (AwardsAwardType *self,
                                 int              rank);

G_END_DECLS
