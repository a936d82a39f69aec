/* awards-window-editors.h: the main window's actions that open an editor, the import, the
 * preferences or a database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "awards-window.h"

G_BEGIN_DECLS

void awards_window_editors_class_init (GtkWidgetClass *widget_class);

G_END_DECLS
