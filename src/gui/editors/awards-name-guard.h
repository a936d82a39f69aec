/* awards-name-guard.h: new names that are nearly existing ones, caught before saving
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "awards-near.h"
#include "awards-store.h"

G_BEGIN_DECLS

typedef struct _AwardsNameGuard AwardsNameGuard;

typedef void (*AwardsNameGuardFunc) (gpointer user_data);

/* What awards_name_guard_eligibility () returns besides an #AwardsEligibility. */
#define AWARDS_NAME_GUARD_NOT_IN_CATALOGUE (-1)
#define AWARDS_NAME_GUARD_CHECKING         (-2)

AwardsNameGuard *awards_name_guard_new      (AwardsStore      *store);
void             awards_name_guard_set_store (AwardsNameGuard *self,
                                              AwardsStore     *store);
void             awards_name_guard_forget    (AwardsNameGuard *self);
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
gboolean         awards_name_guard_is_accepted (AwardsNameGuard  *self,
                                                AwardsNearKind    kind,
                                                const char       *name);
char            *awards_name_guard_check_number (AwardsNameGuard *self,
                                                 const char      *number,
                                                 const char      *authority,
                                                 gint64           own_id);
int              awards_name_guard_eligibility  (AwardsNameGuard *self,
                                                 const char      *award);
gint64           awards_name_guard_award_type   (AwardsNameGuard  *self,
                                                 const char       *award,
                                                 int              *eligibility,
                                                 char            **failure);
gint64           awards_name_guard_organisation (AwardsNameGuard *self,
                                                 const char      *name);
gint64           awards_name_guard_near_organisation (AwardsNameGuard  *self,
                                                      const char       *name,
                                                      gint64            own_id,
                                                      char            **existing_name);
gint64           awards_name_guard_near_person       (AwardsNameGuard  *self,
                                                      const char       *full_name,
                                                      const char       *organisation,
                                                      gint64            own_id,
                                                      char            **existing_name);
void             awards_name_guard_set_answered_func (AwardsNameGuard     *self,
                                                      AwardsNameGuardFunc  func,
                                                      gpointer             user_data);
gboolean         awards_name_guard_is_checking       (AwardsNameGuard     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwardsNameGuard, awards_name_guard_free)

G_END_DECLS
