/* awards-window-delete.h: deleting records from the main window, and undoing a deleted award
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "awards-window.h"

G_BEGIN_DECLS

void awards_window_delete_class_init (GtkWidgetClass *widget_class);

G_END_DECLS
