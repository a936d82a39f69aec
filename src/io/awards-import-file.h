/* awards-import-file.h: importing a file of any of the list's formats (internal to src/io)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "awards-import-run.h"

G_BEGIN_DECLS

gboolean awards_import_run_execute_file (AwardsImportRun  *run,
                                         AwardsStore      *store,
                                         GFile            *file,
                                         const char       *sheet_name,
                                         GCancellable     *cancellable,
                                         GError          **error);

G_END_DECLS
