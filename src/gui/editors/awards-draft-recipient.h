/* awards-draft-recipient.h: one row of a decision being entered
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "awards-commendation.h"
#include "awards-enums.h"

G_BEGIN_DECLS

#define AWARDS_TYPE_DRAFT_RECIPIENT (awards_draft_recipient_get_type ())

G_DECLARE_FINAL_TYPE (AwardsDraftRecipient, awards_draft_recipient, AWARDS, DRAFT_RECIPIENT,
                      GObject)

AwardsDraftRecipient *awards_draft_recipient_new              (AwardsRecipientKind   kind);

AwardsRecipientKind   awards_draft_recipient_get_kind         (AwardsDraftRecipient *self);
void                  awards_draft_recipient_set_kind         (AwardsDraftRecipient *self,
                                                               AwardsRecipientKind   kind);
const char           *awards_draft_recipient_get_name         (AwardsDraftRecipient *self);
void                  awards_draft_recipient_set_name         (AwardsDraftRecipient *self,
                                                               const char           *name);
const char           *awards_draft_recipient_get_organisation (AwardsDraftRecipient *self);
void                  awards_draft_recipient_set_organisation (AwardsDraftRecipient *self,
                                                               const char           *organisation);
const char           *awards_draft_recipient_get_position     (AwardsDraftRecipient *self);
void                  awards_draft_recipient_set_position     (AwardsDraftRecipient *self,
                                                               const char           *position);
const char           *awards_draft_recipient_get_award        (AwardsDraftRecipient *self);
void                  awards_draft_recipient_set_award        (AwardsDraftRecipient *self,
                                                               const char           *award);
const char           *awards_draft_recipient_get_achievement  (AwardsDraftRecipient *self);
void                  awards_draft_recipient_set_achievement  (AwardsDraftRecipient *self,
                                                               const char           *achievement);
const char           *awards_draft_recipient_get_message      (AwardsDraftRecipient *self);
void                  awards_draft_recipient_set_message      (AwardsDraftRecipient *self,
                                                               const char           *message);
AwardsCommendation   *awards_draft_recipient_get_saved        (AwardsDraftRecipient *self);
void                  awards_draft_recipient_set_saved        (AwardsDraftRecipient *self,
                                                               AwardsCommendation   *saved);
gboolean              awards_draft_recipient_is_blank         (AwardsDraftRecipient *self);

G_END_DECLS
