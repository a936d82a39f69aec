/* awards-import-letters.h: letters of legacy Vietnamese text that only look right
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void awards_import_fix_look_alikes (char *text);

G_END_DECLS
