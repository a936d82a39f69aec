/* awards-decision-recipients.h: the decision editor's table of recipients
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "awards-decision-editor.h"

G_BEGIN_DECLS

void awards_decision_editor_create_columns (AwardsDecisionEditor *self);

G_END_DECLS
