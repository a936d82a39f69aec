/* awards-name-guard.h: new names that are nearly existing ones, caught before saving
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "awards-near.h"
#include "awards-store.h"

G_BEGIN_DECLS

typedef struct _AwardsNameGuard AwardsNameGuard;

AwardsNameGuard *awards_name_guard_new      (AwardsStore      *store);
void             awards_name_guard_free     (AwardsNameGuard  *self);
void             awards_name_guard_accept   (AwardsNameGuard  *self,
                                             AwardsNearKind    kind,
                                             const char       *name);
char            *awards_name_guard_check    (AwardsNameGuard  *self,
                                             AwardsNearKind    kind,
                                             const char       *name,
                                             const char       *organisation,
                                             char            **suggestion);
GPtrArray       *awards_name_guard_nearest  (AwardsNameGuard  *self,
                                             AwardsNearKind    kind,
                                             const char       *name,
                                             guint             limit);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwardsNameGuard, awards_name_guard_free)

G_END_DECLS
