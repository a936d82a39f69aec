/* awards-decision-form.h: the state and the checks of the decision editor, without GTK
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "awards-draft-recipient.h"
#include "awards-name-guard.h"
#include "awards-store.h"

G_BEGIN_DECLS

/* The fields of the decision header that can carry a message. */
typedef enum
{
  AWARDS_DECISION_FIELD_NUMBER,
  AWARDS_DECISION_FIELD_DATE,
  AWARDS_DECISION_FIELD_AUTHORITY,
  AWARDS_DECISION_FIELD_AWARD,
  AWARDS_DECISION_FIELD_RECIPIENTS,
  AWARDS_DECISION_N_FIELDS
} AwardsDecisionField;

#define AWARDS_TYPE_DECISION_FORM (awards_decision_form_get_type ())

G_DECLARE_FINAL_TYPE (AwardsDecisionForm, awards_decision_form, AWARDS, DECISION_FORM, GObject)

AwardsDecisionForm   *awards_decision_form_new                (AwardsStore          *store);
AwardsStore          *awards_decision_form_get_store          (AwardsDecisionForm   *self);
void                  awards_decision_form_set_store          (AwardsDecisionForm   *self,
                                                               AwardsStore          *store);
void                  awards_decision_form_set_checks_async   (AwardsDecisionForm   *self,
                                                               gboolean              async);
gboolean              awards_decision_form_get_checking       (AwardsDecisionForm   *self);
gboolean              awards_decision_form_load               (AwardsDecisionForm   *self,
                                                               gint64                decision_id,
                                                               GError              **error);
void                  awards_decision_form_load_async         (AwardsDecisionForm   *self,
                                                               gint64                decision_id,
                                                               GCancellable         *cancellable,
                                                               GAsyncReadyCallback   callback,
                                                               gpointer              user_data);
gboolean              awards_decision_form_load_finish        (AwardsDecisionForm   *self,
                                                               GAsyncResult         *result,
                                                               GError              **error);
gint64                awards_decision_form_get_decision_id    (AwardsDecisionForm   *self);

const char           *awards_decision_form_get_number         (AwardsDecisionForm   *self);
void                  awards_decision_form_set_number         (AwardsDecisionForm   *self,
                                                               const char           *number);
const char           *awards_decision_form_get_date           (AwardsDecisionForm   *self);
void                  awards_decision_form_set_date           (AwardsDecisionForm   *self,
                                                               const char           *date);
const char           *awards_decision_form_get_authority      (AwardsDecisionForm   *self);
void                  awards_decision_form_set_authority      (AwardsDecisionForm   *self,
                                                               const char           *authority);
const char           *awards_decision_form_get_award          (AwardsDecisionForm   *self);
void                  awards_decision_form_set_award          (AwardsDecisionForm   *self,
                                                               const char           *award);
const char           *awards_decision_form_get_signer_name    (AwardsDecisionForm   *self);
void                  awards_decision_form_set_signer_name    (AwardsDecisionForm   *self,
                                                               const char           *signer_name);
const char           *awards_decision_form_get_signer_title   (AwardsDecisionForm   *self);
void                  awards_decision_form_set_signer_title   (AwardsDecisionForm   *self,
                                                               const char           *signer_title);
const char           *awards_decision_form_get_occasion       (AwardsDecisionForm   *self);
void                  awards_decision_form_set_occasion       (AwardsDecisionForm   *self,
                                                               const char           *occasion);
const char           *awards_decision_form_get_achievement    (AwardsDecisionForm   *self);
void                  awards_decision_form_set_achievement    (AwardsDecisionForm   *self,
                                                               const char           *achievement);

GListModel           *awards_decision_form_get_recipients     (AwardsDecisionForm   *self);
guint                 awards_decision_form_get_n_recipients   (AwardsDecisionForm   *self);
AwardsDraftRecipient *awards_decision_form_add_recipient      (AwardsDecisionForm   *self,
                                                               AwardsRecipientKind   kind);
void                  awards_decision_form_remove_recipient   (AwardsDecisionForm   *self,
                                                               guint                 position);
guint                 awards_decision_form_paste_rows         (AwardsDecisionForm   *self,
                                                               const char           *text);

const char           *awards_decision_form_get_message        (AwardsDecisionForm   *self,
                                                               AwardsDecisionField   field);
gboolean              awards_decision_form_get_valid          (AwardsDecisionForm   *self);
guint                 awards_decision_form_get_n_problems     (AwardsDecisionForm   *self);
gboolean              awards_decision_form_get_modified       (AwardsDecisionForm   *self);
void                  awards_decision_form_show_all_problems  (AwardsDecisionForm   *self);
void                  awards_decision_form_validate           (AwardsDecisionForm   *self);

AwardsDecision       *awards_decision_form_build_decision     (AwardsDecisionForm   *self);
GPtrArray            *awards_decision_form_build_recipients   (AwardsDecisionForm   *self);
gint64                awards_decision_form_save               (AwardsDecisionForm   *self,
                                                               GError              **error);

const char           *awards_decision_form_get_suggestion     (AwardsDecisionForm   *self,
                                                               AwardsDecisionField   field);
const char           *awards_decision_form_get_row_suggestion (AwardsDecisionForm   *self,
                                                               AwardsDraftRecipient *recipient,
                                                               const char          **property);
void                  awards_decision_form_accept_new_name    (AwardsDecisionForm   *self,
                                                               AwardsNearKind        kind,
                                                               const char           *name);
AwardsNameGuard      *awards_decision_form_get_name_guard     (AwardsDecisionForm   *self);

G_END_DECLS
