/* awards-decision-editor-private.h: what the tests reach inside the decision editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "awards-decision-editor.h"
#include "awards-decision-form.h"
#include "awards-edit-guard.h"

G_BEGIN_DECLS

/* Shared by awards-decision-editor.c and awards-decision-recipients.c, its table. */
struct _AwardsDecisionEditor
{
  AdwWindow             parent_instance;

  AwardsStore          *store;
  AwardsEditGuard      *guard;            /* only for a saved decision */
  AwardsDecisionForm   *form;
  AwardsDraftRecipient *focus_item;       /* weak: the row whose name wants the focus */
  AdwMessageDialog     *close_dialog;     /* weak */
  gboolean              saving;
  gboolean              save_when_checked;  /* Save was pressed while names were looked up */
  guint                 n_saving;      /* the recipients of the decision being saved */
  gboolean              done;
  gboolean              focus_set;

  AdwToastOverlay      *toast_overlay;
  GtkButton            *save_button;
  GtkSpinner           *spinner;
  GtkWidget            *body;
  GtkEntry             *number_entry;
  GtkLabel             *number_message;
  GtkEntry             *date_entry;
  GtkLabel             *date_message;
  GtkMenuButton        *date_button;
  GtkPopover           *date_popover;
  GtkCalendar          *calendar;
  GtkEntry             *authority_entry;
  GtkLabel             *authority_message;
  GtkEntry             *award_entry;
  GtkLabel             *award_message;
  GtkEntry             *signer_entry;
  GtkEntry             *signer_title_entry;
  GtkEntry             *occasion_entry;
  GtkEntry             *achievement_entry;
  GtkLabel             *count_label;
  GtkLabel             *recipients_message;
  GtkColumnView        *recipients_view;

  /* Under the authority and award: use the catalogue name meant, or add the new one. */
  GtkButton            *authority_use_button;
  GtkButton            *authority_add_button;
  GtkButton            *award_use_button;
  GtkButton            *award_add_button;
};

AwardsDecisionForm *awards_decision_editor_get_form           (AwardsDecisionEditor *self);
GtkEditable        *awards_decision_editor_get_entry          (AwardsDecisionEditor *self,
                                                               const char           *name);
GtkLabel           *awards_decision_editor_get_message_label  (AwardsDecisionEditor *self,
                                                               const char           *name);
GtkColumnView      *awards_decision_editor_get_recipients_view (AwardsDecisionEditor *self);
AdwMessageDialog   *awards_decision_editor_get_close_dialog   (AwardsDecisionEditor *self);
gboolean            awards_decision_editor_get_saving         (AwardsDecisionEditor *self);
void                awards_decision_editor_set_busy           (AwardsDecisionEditor *self,
                                                               gboolean              busy);
GtkButton          *awards_decision_editor_get_catalogue_button (AwardsDecisionEditor *self,
                                                                 const char           *field,
                                                                 const char           *which);

void                awards_decision_editor_add_row            (AwardsDecisionEditor *self,
                                                               AwardsRecipientKind   kind);

G_END_DECLS
