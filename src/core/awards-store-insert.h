/* awards-store-insert.h: the id of a new row, on either backend
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "awards-db.h"
#include "awards-store.h"

G_BEGIN_DECLS

/* Appended to an INSERT of one row on a server, which says the new id itself. */
#define AWARDS_STORE_RETURNING_ID " RETURNING id"

AwardsDbStmt *awards_store_insert_statement (AwardsStore   *self,
                                             const char    *sql,
                                             GError       **error);
AwardsDbStep  awards_store_step_id          (AwardsStore   *self,
                                             AwardsDbStmt  *stmt,
                                             gint64        *id);

G_END_DECLS
