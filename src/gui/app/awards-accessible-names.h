/* awards-accessible-names.h: button names without mnemonics for screen readers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void  awards_accessible_names_install (void);
void  awards_accessible_names_fix     (GtkWidget *root);
char *awards_accessible_strip_mnemonic (const char *label);
void  awards_accessible_name_once      (GtkWidget  *widget,
                                        const char *name);

G_END_DECLS
