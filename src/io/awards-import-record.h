/* awards-import-record.h: recording a checked row of an import through the batch (internal to
 * src/io)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "awards-import-header.h"
#include "awards-import-run.h"

G_BEGIN_DECLS

void awards_import_record_row (AwardsImportRun     *run,
                               guint                line,
                               const char          *values[N_COLUMNS],
                               const char          *iso_date,
                               AwardsRecipientKind  kind);

void awards_import_record_guard_names (AwardsImportRun     *run,
                                       guint                line,
                                       const char          *values[N_COLUMNS],
                                       AwardsRecipientKind  kind);

G_END_DECLS
