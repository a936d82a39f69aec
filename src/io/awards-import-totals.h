/* awards-import-totals.h: the totals rows of an office's award list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "awards-import-columns.h"

G_BEGIN_DECLS

gboolean awards_import_is_totals_text (const char               *text);
gboolean awards_import_is_totals_row  (const AwardsImportColumn *columns,
                                       guint                     n_columns,
                                       const char * const       *fields,
                                       guint                     n_fields);

G_END_DECLS
