/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "awards-command.h"

G_BEGIN_DECLS

/*
 * Internal to src/core. A write function calls, with the store's write transaction open:
 *
 *   awards_command_begin () after BEGIN, awards_command_finish () before the commit (it writes
 *   the audit rows inside the transaction), awards_command_end () after COMMIT or ROLLBACK.
 *
 * Commands nest: a write made inside another command (an award updated while its decision is
 * saved, anything inside a batch) belongs to the outer command, and only the outer one is logged.
 */

/* What a command did, as the audit log's action column spells it. */
#define AWARDS_ACTION_CREATE  "create"
#define AWARDS_ACTION_EDIT    "edit"
#define AWARDS_ACTION_DELETE  "delete"
#define AWARDS_ACTION_RESTORE "restore"
#define AWARDS_ACTION_MERGE   "merge"
#define AWARDS_ACTION_IMPORT  "import"
#define AWARDS_ACTION_UNDO    "undo"
#define AWARDS_ACTION_REDO    "redo"

/* After the undo or redo list changed, with the store's lock held. */
void      awards_command_history_snapshot (AwardsStore *store);
void      awards_command_begin          (AwardsStore  *store,
                                         const char   *action,
                                         const char   *kind,
                                         gint64        record_id);
void      awards_command_describe       (AwardsStore  *store,
                                         const char   *action,
                                         const char   *kind,
                                         gint64        record_id);
void      awards_command_set_fields     (AwardsStore  *store,
                                         const char   *record,
                                         const char   *before,
                                         const char   *after,
                                         const char   *details);
void      awards_command_set_count      (AwardsStore  *store,
                                         guint         n_awards);
void      awards_command_forget_changes (AwardsStore  *store);
gboolean  awards_command_begin_ranges   (AwardsStore  *store,
                                         GError      **error);
void      awards_command_set_max_undoable (guint      n_awards);
gboolean  awards_command_may_keep       (guint         n_awards);
gboolean  awards_command_finish         (AwardsStore  *store,
                                         gboolean      ok,
                                         GError      **error);
gboolean  awards_command_commit         (AwardsStore  *store,
                                         gboolean      ok,
                                         GError      **error);
void      awards_command_end            (AwardsStore  *store,
                                         gboolean      committed);
void      awards_command_abort          (AwardsStore  *store);
gboolean  awards_command_log_restore    (AwardsStore  *store,
                                         const char   *source,
                                         GError      **error);

G_END_DECLS
