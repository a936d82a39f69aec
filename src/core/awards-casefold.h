/* awards-casefold.h: g_utf8_casefold () by table for the characters of Vietnamese text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *awards_casefold (const char *text);

G_END_DECLS
