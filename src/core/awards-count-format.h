/* awards-count-format.h: counts written for people, with the locale's thousands separator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *awards_count_format (guint64     value);
gboolean  awards_count_parse  (const char *text,
                               guint64    *value);

G_END_DECLS
