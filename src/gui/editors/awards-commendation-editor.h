/* awards-commendation-editor.h: creating and editing one commendation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "awards-editor-base.h"

#include "awards-store.h"

G_BEGIN_DECLS

#define AWARDS_TYPE_COMMENDATION_EDITOR (awards_commendation_editor_get_type ())

G_DECLARE_FINAL_TYPE (AwardsCommendationEditor, awards_commendation_editor,
                      AWARDS, COMMENDATION_EDITOR, AwardsEditorBase)

AwardsCommendationEditor *awards_commendation_editor_new (GtkWindow          *parent,
                                                          AwardsStore        *store,
                                                          AwardsCommendation *commendation);
void         awards_commendation_editor_set_store (AwardsCommendationEditor *self,
                                                   AwardsStore              *store);
GtkEditable *awards_commendation_editor_get_entry (AwardsCommendationEditor *self,
                                                   const char               *field);
GtkLabel *awards_commendation_editor_get_message (AwardsCommendationEditor *self,
                                                  const char               *field);

G_END_DECLS
