/* awards-import-totals.h: the totals rows of an office's award list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean awards_import_is_totals_text (const char *text);

G_END_DECLS
