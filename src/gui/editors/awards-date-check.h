/* awards-date-check.h: what is wrong with a date as typed, in a sentence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *awards_date_check_message (const char *text);

G_END_DECLS
