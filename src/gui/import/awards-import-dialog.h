/* awards-import-dialog.h: importing a flat award list from the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "awards-store.h"

G_BEGIN_DECLS

#define AWARDS_TYPE_IMPORT_DIALOG (awards_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AwardsImportDialog, awards_import_dialog, AWARDS, IMPORT_DIALOG, AdwWindow)

AwardsImportDialog *awards_import_dialog_new               (GtkWindow          *parent,
                                                            AwardsStore        *store,
                                                            GFile              *file);
void                awards_import_dialog_set_store         (AwardsImportDialog *self,
                                                            AwardsStore        *store);
const char         *awards_import_dialog_get_state         (AwardsImportDialog *self);
const char         *awards_import_dialog_get_problems_text (AwardsImportDialog *self);

char               *awards_import_dialog_get_preview_text  (AwardsImportDialog *self);

G_END_DECLS
