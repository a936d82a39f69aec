/* awards-store-owners.h: who has a database open, and restore's exclusive hold on it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _AwardsOwner AwardsOwner;

/* One process's registration while it has a database open. */
AwardsOwner *awards_owner_register        (const char   *database_path,
                                           GError      **error);
void         awards_owner_unregister      (AwardsOwner  *self);
gboolean     awards_owner_take_restored   (AwardsOwner  *self);
gboolean     awards_owner_is_last         (AwardsOwner  *self);

/* The exclusive hold of restore: refused while another process has the database open, unless
 * @force. */
AwardsOwner *awards_owner_take_exclusive  (const char   *database_path,
                                           gboolean      force,
                                           GError      **error);
void         awards_owner_mark_restored   (AwardsOwner  *self);

/* For the window: whether another process restored the database since the last call. */
gboolean     awards_store_take_restored   (gpointer      store);

gboolean     awards_store_restore_full    (const char   *database_path,
                                           const char   *source,
                                           gboolean      force,
                                           char        **saved_copy,
                                           GError      **error);

char        *awards_owner_describe_others (const char   *database_path,
                                           AwardsOwner  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwardsOwner, awards_owner_unregister)

G_END_DECLS
