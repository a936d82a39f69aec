/* awards-pasted-rows.h: the rows of an annex copied from a spreadsheet, read as recipients
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "awards-draft-recipient.h"

G_BEGIN_DECLS

GPtrArray *awards_pasted_rows_parse (const char *text);

G_END_DECLS
