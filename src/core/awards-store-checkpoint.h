/* awards-store-checkpoint.h: the log of a database file, copied into it off the writer's thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

typedef struct _AwardsCheckpointer AwardsCheckpointer;

AwardsCheckpointer *awards_checkpointer_new       (sqlite3            *db,
                                                   const char         *filename);
void                awards_checkpointer_free      (AwardsCheckpointer *self);
void                awards_checkpointer_pause     (AwardsCheckpointer *self,
                                                   gboolean            paused);
guint               awards_checkpointer_get_count (AwardsCheckpointer *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwardsCheckpointer, awards_checkpointer_free)

G_END_DECLS
