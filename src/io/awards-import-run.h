/* awards-import-run.h: one import of a flat award list, row by row (internal to src/io)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "awards-import-guard.h"
#include "awards-importer.h"
#include "awards-sheet.h"

G_BEGIN_DECLS

/*
 * The work of AwardsImporter for one stream, in whichever thread runs it: reads the CSV, checks
 * every row, records it through one AwardsBatch and commits only a file without problems. The
 * batch is ended in the thread that began it, before awards_import_run_execute () returns.
 */
typedef struct _AwardsImportRun AwardsImportRun;

AwardsImportRun *awards_import_run_new               (const char                *display_name,
                                                      gboolean                   dry_run,
                                                      GCancellable              *cancellable);
void             awards_import_run_free              (AwardsImportRun           *run);
void             awards_import_run_set_progress_func (AwardsImportRun           *run,
                                                      AwardsImportProgressFunc   func,
                                                      gpointer                   user_data,
                                                      guint64                    bytes_total);
gboolean         awards_import_run_execute           (AwardsImportRun           *run,
                                                      AwardsStore               *store,
                                                      GInputStream              *stream,
                                                      GError                   **error);
gboolean         awards_import_run_execute_sheet     (AwardsImportRun           *run,
                                                      AwardsStore               *store,
                                                      AwardsSheet               *sheet,
                                                      GError                   **error);
void             awards_import_run_set_new_names     (AwardsImportRun           *run,
                                                      gboolean                   allow_new,
                                                      GHashTable                *resolutions);
GPtrArray       *awards_import_run_steal_new_names   (AwardsImportRun           *run,
                                                      AwardsNearKind             kind);
GPtrArray       *awards_import_run_steal_near_names  (AwardsImportRun           *run);
GPtrArray       *awards_import_run_steal_problems    (AwardsImportRun           *run);
guint            awards_import_run_get_n_rows        (AwardsImportRun           *run);
guint            awards_import_run_get_n_added       (AwardsImportRun           *run);

GPtrArray       *awards_import_problems_new          (void);
void             awards_import_problem_free          (AwardsImportProblem       *problem);
void             awards_import_problems_take         (GPtrArray                 *problems,
                                                      guint                      line,
                                                      char                      *message);
void             awards_import_problems_take_near    (GPtrArray                 *problems,
                                                      guint                      line,
                                                      char                      *message);
void             awards_import_problems_add          (GPtrArray                 *problems,
                                                      guint                      line,
                                                      const char                *format,
                                                      ...) G_GNUC_PRINTF (3, 4);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwardsImportRun, awards_import_run_free)

G_END_DECLS
