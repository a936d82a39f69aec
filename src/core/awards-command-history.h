/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * awards-command-history.h: a store's commands and its undo and redo lists, shared by the
 * commands themselves (awards-command.c) and by undo and redo (awards-command-undo.c). Private
 * to those two files.
 */

/* Its includer defines SQLITE_ENABLE_SESSION and SQLITE_ENABLE_PREUPDATE_HOOK first. */
#include <sqlite3.h>

#include "awards-import-undo.h"
#include "awards-store.h"

G_BEGIN_DECLS

typedef struct
{
  char            *action;
  char            *kind;
  gint64           record_id;
  char            *record;
  char            *source;
  guint            n_awards;
  gboolean         counted;
  sqlite3_session *session;
  gboolean         capturing;      /* on a server: its rows are recorded (awards-capture.c) */
  GPtrArray       *captured;       /* on a server: what it changed, for the log and undo */
  gboolean         finished;
  gboolean         written;
  gboolean         empty;            /* an edit that changed nothing visible: rolled back */
  gboolean         history_step;   /* an undo or a redo: logged, but not itself undoable */
  gpointer         changeset;
  int              changeset_size;
  AwardsImportRanges *ranges;      /* an import's rows, for when its changeset is not kept */
  char            *details;
  gboolean         outside_undo;   /* logged with the fields it was given, never undone */
  char            *before;         /* those fields, as JSON objects */
  char            *after;
} AwardsCommand;

typedef struct
{
  AwardsCommand *current;
  guint          depth;
  GPtrArray     *undo;    /* AwardsCommand *, the newest last */
  GPtrArray     *redo;

  /* "Undo …" and "Redo …" of the newest steps, or NULL, as the lists were when last changed:
   * the window reads them without waiting for a write under way (awards_store_get_undo_label ()),
   * under labels_lock alone. */
  GMutex         labels_lock;
  char          *labels[2];
} AwardsHistory;

AwardsHistory *awards_command_history (AwardsStore          *store);
void           awards_command_free    (AwardsCommand        *command);
char          *awards_command_label   (const AwardsCommand  *command);

G_END_DECLS
