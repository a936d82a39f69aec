/* awards-decision-number.h: the one written form of a decision number
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *awards_decision_number_normalize (const char *number);
char *awards_decision_number_key       (const char *number);
char *awards_decision_number_typed_key (const char *number);

G_END_DECLS
