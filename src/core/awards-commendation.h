#pragma once

#include <glib-object.h>

#include "awards-enums.h"

G_BEGIN_DECLS

#define AWARDS_TYPE_COMMENDATION (awards_commendation_get_type ())

G_DECLARE_FINAL_TYPE (AwardsCommendation, awards_commendation, AWARDS, COMMENDATION, GObject)

AwardsCommendation *awards_commendation_new  (void);
AwardsCommendation *awards_commendation_copy (AwardsCommendation *self);

gint64 awards_commendation_get_id (AwardsCommendation *self);
void   awards_commendation_set_id (AwardsCommendation *self,
                                   gint64              id);

gint64 awards_commendation_get_decision_id (AwardsCommendation *self);
void   awards_commendation_set_decision_id (AwardsCommendation *self,
                                            gint64              decision_id);

const char *awards_commendation_get_decision_number (AwardsCommendation *self);
void        awards_commendation_set_decision_number (AwardsCommendation *self,
                                                     const char         *decision_number);

const char *awards_commendation_get_date (AwardsCommendation *self);
void        awards_commendation_set_date (AwardsCommendation *self,
                                          const char         *date);

gint64 awards_commendation_get_authority_id (AwardsCommendation *self);
void   awards_commendation_set_authority_id (AwardsCommendation *self,
                                             gint64              authority_id);

const char *awards_commendation_get_authority_name (AwardsCommendation *self);
void        awards_commendation_set_authority_name (AwardsCommendation *self,
                                                    const char         *authority_name);

gint64 awards_commendation_get_award_type_id (AwardsCommendation *self);
void   awards_commendation_set_award_type_id (AwardsCommendation *self,
                                              gint64              award_type_id);

const char *awards_commendation_get_award_name (AwardsCommendation *self);
void        awards_commendation_set_award_name (AwardsCommendation *self,
                                                const char         *award_name);

int  awards_commendation_get_award_rank (AwardsCommendation *self);
void awards_commendation_set_award_rank (AwardsCommendation *self,
                                         int                 award_rank);

AwardsRecipientKind awards_commendation_get_recipient_kind (AwardsCommendation *self);
void                awards_commendation_set_recipient_kind (AwardsCommendation  *self,
                                                            AwardsRecipientKind  recipient_kind);

gint64 awards_commendation_get_organisation_id (AwardsCommendation *self);
void   awards_commendation_set_organisation_id (AwardsCommendation *self,
                                                gint64              organisation_id);

gint64 awards_commendation_get_person_id (AwardsCommendation *self);
void   awards_commendation_set_person_id (AwardsCommendation *self,
                                          gint64              person_id);

const char *awards_commendation_get_recipient_name (AwardsCommendation *self);
void        awards_commendation_set_recipient_name (AwardsCommendation *self,
                                                    const char         *recipient_name);

gint64 awards_commendation_get_organisation_at_time_id (AwardsCommendation *self);
void   awards_commendation_set_organisation_at_time_id (AwardsCommendation *self,
                                                        gint64              organisation_id);

const char *awards_commendation_get_organisation_at_time_name (AwardsCommendation *self);
void        awards_commendation_set_organisation_at_time_name (AwardsCommendation *self,
                                                               const char         *name);

const char *awards_commendation_get_position (AwardsCommendation *self);
void        awards_commendation_set_position (AwardsCommendation *self,
                                              const char         *position);

const char *awards_commendation_get_achievement (AwardsCommendation *self);
void        awards_commendation_set_achievement (AwardsCommendation *self,
                                                 const char         *achievement);

const char *awards_commendation_get_period (AwardsCommendation *self);
void        awards_commendation_set_period (AwardsCommendation *self,
                                            const char         *period);

const char *awards_commendation_get_register_number (AwardsCommendation *self);
void        awards_commendation_set_register_number (AwardsCommendation *self,
                                                     const char         *register_number);

gboolean awards_commendation_get_revoked (AwardsCommendation *self);
void     awards_commendation_set_revoked (AwardsCommendation *self,
                                          gboolean            revoked);

gint64 awards_commendation_get_row_version (AwardsCommendation *self);
void   awards_commendation_set_row_version (AwardsCommendation *self,
                                            gint64             row_version);

G_END_DECLS
