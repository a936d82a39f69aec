/* awards-catalogue-prompt.h: the editors' way to use a stored name or add a new one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "awards-name-guard.h"

G_BEGIN_DECLS

GtkWidget        *awards_catalogue_prompt_buttons_new (GtkLabel        *message,
                                                       GtkButton      **use,
                                                       GtkButton      **add,
                                                       const char      *add_label);
void              awards_catalogue_prompt_update     (GtkButton       *use,
                                                       GtkButton       *add,
                                                       const char      *suggestion,
                                                       gboolean         unknown);
AdwMessageDialog *awards_catalogue_prompt_dialog_new (GtkWindow       *parent,
                                                       AwardsNameGuard *guard,
                                                       AwardsNearKind   kind,
                                                       const char      *name);

G_END_DECLS
