#pragma once

#include <glib-object.h>

#include "awards-enums.h"

G_BEGIN_DECLS

#define AWARDS_TYPE_DECISION (awards_decision_get_type ())

G_DECLARE_FINAL_TYPE (AwardsDecision, awards_decision, AWARDS, DECISION, GObject)

AwardsDecision *awards_decision_new  (void);
AwardsDecision *awards_decision_copy (AwardsDecision *self);

gint64 awards_decision_get_id (AwardsDecision *self);
void   awards_decision_set_id (AwardsDecision *self,
                               gint64          id);

const char *awards_decision_get_number (AwardsDecision *self);
void        awards_decision_set_number (AwardsDecision *self,
                                        const char     *number);

const char *awards_decision_get_date (AwardsDecision *self);
void        awards_decision_set_date (AwardsDecision *self,
                                      const char     *date);

gint64 awards_decision_get_authority_id (AwardsDecision *self);
void   awards_decision_set_authority_id (AwardsDecision *self,
                                         gint64          authority_id);

const char *awards_decision_get_authority_name (AwardsDecision *self);
void        awards_decision_set_authority_name (AwardsDecision *self,
                                                const char     *authority_name);

const char *awards_decision_get_signer_name (AwardsDecision *self);
void        awards_decision_set_signer_name (AwardsDecision *self,
                                             const char     *signer_name);

const char *awards_decision_get_signer_title (AwardsDecision *self);
void        awards_decision_set_signer_title (AwardsDecision *self,
                                              const char     *signer_title);

const char *awards_decision_get_occasion (AwardsDecision *self);
void        awards_decision_set_occasion (AwardsDecision *self,
                                          const char     *occasion);

AwardsDecisionKind awards_decision_get_kind (AwardsDecision *self);
void               awards_decision_set_kind (AwardsDecision     *self,
                                             AwardsDecisionKind  kind);

const char *awards_decision_get_notes (AwardsDecision *self);
void        awards_decision_set_notes (AwardsDecision *self,
                                       const char     *notes);

guint awards_decision_get_recipient_count (AwardsDecision *self);
void  awards_decision_set_recipient_count (AwardsDecision *self,
                                           guint           recipient_count);

G_END_DECLS
