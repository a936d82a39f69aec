/* awards-shortcuts-window.h: the shortcuts window in the interface language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void awards_shortcuts_window_translate (GtkWindow *window);

G_END_DECLS
