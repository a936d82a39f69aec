/* awards-import-title.h: the title block above the header row of a CSV list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean awards_import_is_title_row (const char * const *fields,
                                     guint               n_fields);

G_END_DECLS
