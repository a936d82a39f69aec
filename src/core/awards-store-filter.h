/* awards-store-filter.h: the WHERE clause of an AwardsQuery (private to src/core)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "awards-db.h"

#include "awards-store.h"

G_BEGIN_DECLS

/* The conditions of a query on the awards ("commendation c"): @with goes before the SELECT and
 * @where after WHERE; the parameters are numbered from 1 in the order they were added. */
typedef struct
{
  GString *with;     /* a WITH clause, or empty */
  GString *where;
  GArray  *binds;
} AwardsFilter;

void awards_filter_init    (AwardsFilter      *filter);
void awards_filter_clear   (AwardsFilter      *filter);
void awards_filter_build   (AwardsFilter      *filter,
                            const AwardsQuery *query);
void awards_filter_bind    (AwardsFilter      *filter,
                            AwardsDbStmt      *stmt);
/* awards_filter_bind () as an AwardsQueryBind, @user_data being the filter. */
void awards_filter_bind_cb (AwardsDbStmt      *stmt,
                            gpointer           user_data);

G_END_DECLS
