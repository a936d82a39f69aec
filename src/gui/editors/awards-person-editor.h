/* awards-person-editor.h: creating and editing one person
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "awards-editor-base.h"

#include "awards-store.h"

G_BEGIN_DECLS

#define AWARDS_TYPE_PERSON_EDITOR (awards_person_editor_get_type ())

G_DECLARE_FINAL_TYPE (AwardsPersonEditor, awards_person_editor, AWARDS, PERSON_EDITOR, AwardsEditorBase)

AwardsPersonEditor *awards_person_editor_new         (GtkWindow          *parent,
                                                      AwardsStore        *store,
                                                      AwardsPerson       *person);
void                awards_person_editor_set_store   (AwardsPersonEditor *self,
                                                      AwardsStore        *store);
GtkEditable        *awards_person_editor_get_entry   (AwardsPersonEditor *self,
                                                      const char         *field);
GtkLabel           *awards_person_editor_get_message (AwardsPersonEditor *self,
                                                      const char         *field);

G_END_DECLS
