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
const char        *awards_schema_pg_capture_sql (void);
const char        *awards_schema_pg_counts_sql  (void);
const char        *awards_schema_pg_statement_triggers_sql (void);

/* A reference that the server checks with triggers rather than a foreign key: @column of
 * @child holds an id of @parent. */
typedef struct
{
  const char *child;
  const char *column;
  const char *parent;
} AwardsSchemaPgReference;

const AwardsSchemaPgReference *awards_schema_pg_checked_references (void);

/* The tables whose changes are recorded, each before the tables it refers to. */
const char *const *awards_schema_pg_captured_tables (void);

/* The session's table of the rows its commands changed (awards_schema_pg_capture_sql ()):
 * made by each connection that writes, emptied by each commit. */
#define AWARDS_SCHEMA_PG_CHANGES_TABLE_SQL \
  "CREATE TEMP TABLE IF NOT EXISTS awards_changes (seq bigserial PRIMARY KEY," \
  " tbl text NOT NULL, op text NOT NULL, old_row jsonb, new_row jsonb) ON COMMIT DELETE ROWS"

G_END_DECLS
