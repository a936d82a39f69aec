/* awards-schema-pg.h: the schema of a database on a PostgreSQL server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The channel on which a server database tells its listeners which table a commit changed (the
 * payload is the table's name). */
#define AWARDS_SCHEMA_PG_CHANGES "coop_awards_changes"

const char        *awards_schema_pg_sql    (void);
const char *const *awards_schema_pg_tables (void);

G_END_DECLS
