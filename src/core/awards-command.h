/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "awards-store.h"

G_BEGIN_DECLS

/*
 * Every change the store writes is a command: applied in one transaction together with its rows
 * in the audit log, and kept in the session's history so that it can be undone and redone.
 * The store's write functions open and close commands themselves; the functions here let the
 * rest of the program say more about the command under way, and walk the history.
 */

void      awards_store_set_command_source (AwardsStore  *self,
                                           const char   *source);

gboolean  awards_store_can_undo           (AwardsStore  *self);
gboolean  awards_store_can_redo           (AwardsStore  *self);
char     *awards_store_get_undo_label     (AwardsStore  *self);
char     *awards_store_get_redo_label     (AwardsStore  *self);
gboolean  awards_store_undo               (AwardsStore  *self,
                                           GError      **error);
gboolean  awards_store_redo               (AwardsStore  *self,
                                           GError      **error);
void      awards_store_clear_history      (AwardsStore  *self);

G_END_DECLS
