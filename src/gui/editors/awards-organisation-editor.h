/* awards-organisation-editor.h: creating and editing one organisation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "awards-editor-base.h"

#include "awards-store.h"

G_BEGIN_DECLS

#define AWARDS_TYPE_ORGANISATION_EDITOR (awards_organisation_editor_get_type ())

G_DECLARE_FINAL_TYPE (AwardsOrganisationEditor, awards_organisation_editor,
                      AWARDS, ORGANISATION_EDITOR, AwardsEditorBase)

AwardsOrganisationEditor *awards_organisation_editor_new (GtkWindow          *parent,
                                                          AwardsStore        *store,
                                                          AwardsOrganisation *organisation);
void         awards_organisation_editor_set_store (AwardsOrganisationEditor *self,
                                                   AwardsStore              *store);
GtkEditable *awards_organisation_editor_get_entry (AwardsOrganisationEditor *self,
                                                   const char               *field);
GtkLabel *awards_organisation_editor_get_message (AwardsOrganisationEditor *self,
                                                  const char               *field);

G_END_DECLS
