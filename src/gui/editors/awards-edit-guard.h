/* awards-edit-guard.h: an editor's watch over its record, changed elsewhere while it is open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "awards-store.h"

G_BEGIN_DECLS

typedef struct _AwardsEditGuard AwardsEditGuard;

AwardsEditGuard *awards_edit_guard_new          (AdwWindow       *editor,
                                                 AwardsStore     *store,
                                                 const char      *kind,
                                                 gint64           record_id,
                                                 const char      *name,
                                                 gint64           version);
void             awards_edit_guard_set_name     (AwardsEditGuard *guard,
                                                 const char      *name);
void             awards_edit_guard_free         (AwardsEditGuard *guard);
gboolean         awards_edit_guard_may_save     (AwardsEditGuard *guard,
                                                 const char      *save_action);
gboolean         awards_edit_guard_recreates    (AwardsEditGuard *guard);
void             awards_edit_guard_set_store    (AwardsEditGuard *guard,
                                                 AwardsStore     *store);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwardsEditGuard, awards_edit_guard_free)

G_END_DECLS
