/* awards-date.h: parsing and writing dates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  awards_date_parse        (const char  *text,
                                    char       **iso_out);
gboolean  awards_date_is_future    (const char  *iso);
char     *awards_date_today        (void);
gboolean  awards_date_is_after     (const char  *iso,
                                    const char  *day);
char     *awards_date_format_short (const char  *iso);
char     *awards_date_format_long  (const char  *place,
                                    const char  *iso);
int       awards_date_year         (const char  *iso);

G_END_DECLS
