/* awards-gui-utils.h: small helpers shared by the widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "awards-enums.h"

G_BEGIN_DECLS

void        awards_gui_ensure_resources          (void);
char       *awards_gui_format_date               (const char             *iso);
void        awards_gui_set_accessible_label      (GtkWidget              *widget,
                                                  const char             *label);
void        awards_gui_set_accessible_label_inside (GtkWidget            *widget,
                                                    const char           *label);
void        awards_gui_set_label_or_hide         (GtkLabel               *label,
                                                  const char             *text);
GBinding   *awards_gui_bind_text                 (gpointer                 source,
                                                  const char              *property,
                                                  GtkEditable             *editable);
GBinding   *awards_gui_bind_label                (gpointer                 source,
                                                  const char              *property,
                                                  GtkLabel                *label);
void        awards_gui_show_error                (GtkWidget              *parent,
                                                  const char             *heading,
                                                  const GError           *error);
void        awards_gui_show_field_message     (GtkLabel               *label,
                                                  GtkWidget              *field,
                                                  const char             *message);
void        awards_gui_destroy_later             (GtkWindow              *window);
AdwMessageDialog *awards_gui_discard_dialog_new  (GtkWindow              *parent,
                                                  const char             *heading);
AdwToast   *awards_gui_toast_new                 (const char             *text);
const char *awards_gui_toast_get_text            (AdwToast               *toast);
void        awards_gui_set_status_description    (AdwStatusPage          *page,
                                                  const char             *text);

G_END_DECLS
