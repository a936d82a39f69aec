/* awards-db-sqlite.h: an AwardsDb over a connection SQLite opened elsewhere
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "awards-db.h"

G_BEGIN_DECLS

AwardsDb *awards_db_new_for_sqlite (sqlite3    *lite,
                                    const char *name);

G_END_DECLS
