/* awards-window-history.h: undo, redo and the History section of the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "awards-window.h"

G_BEGIN_DECLS

void awards_window_history_class_init (GtkWidgetClass *widget_class);
void awards_window_history_init       (AwardsWindow   *self);
void awards_window_history_update     (AwardsWindow   *self);
gboolean awards_window_history_get_stepping (AwardsWindow *self);
GMenuModel *
     awards_window_history_get_menu_section (AwardsWindow *self);
GtkWindow *
     awards_window_history_show_record (AwardsWindow *self,
                                        const char   *kind,
                                        gint64        record_id,
                                        const char   *name);

G_END_DECLS
