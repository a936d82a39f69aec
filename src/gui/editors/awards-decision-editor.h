/* awards-decision-editor.h: entering a decision with all its recipients
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "awards-store.h"

G_BEGIN_DECLS

#define AWARDS_TYPE_DECISION_EDITOR (awards_decision_editor_get_type ())

G_DECLARE_FINAL_TYPE (AwardsDecisionEditor, awards_decision_editor, AWARDS, DECISION_EDITOR,
                      AdwWindow)

AwardsDecisionEditor *awards_decision_editor_new       (GtkWindow            *parent,
                                                        AwardsStore          *store);
gboolean              awards_decision_editor_load      (AwardsDecisionEditor *self,
                                                        gint64                decision_id,
                                                        GError              **error);
void                  awards_decision_editor_load_async  (AwardsDecisionEditor *self,
                                                          gint64                decision_id,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
gboolean              awards_decision_editor_load_finish (AwardsDecisionEditor *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);
AwardsStore          *awards_decision_editor_get_store (AwardsDecisionEditor *self);
void                  awards_decision_editor_set_store (AwardsDecisionEditor *self,
                                                        AwardsStore          *store);

G_END_DECLS
