/* awards-decision-editor-private.h: what the tests reach inside the decision editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "awards-decision-editor.h"
#include "awards-decision-form.h"

G_BEGIN_DECLS

AwardsDecisionForm *awards_decision_editor_get_form           (AwardsDecisionEditor *self);
GtkEditable        *awards_decision_editor_get_entry          (AwardsDecisionEditor *self,
                                                               const char           *name);
GtkLabel           *awards_decision_editor_get_message_label  (AwardsDecisionEditor *self,
                                                               const char           *name);
GtkColumnView      *awards_decision_editor_get_recipients_view (AwardsDecisionEditor *self);
AdwMessageDialog   *awards_decision_editor_get_close_dialog   (AwardsDecisionEditor *self);
gboolean            awards_decision_editor_get_saving         (AwardsDecisionEditor *self);
GtkButton          *awards_decision_editor_get_catalogue_button (AwardsDecisionEditor *self,
                                                                 const char           *field,
                                                                 const char           *which);

G_END_DECLS
