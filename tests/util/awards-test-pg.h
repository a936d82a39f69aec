/* awards-test-pg.h: fresh PostgreSQL databases for the tests, on the private cluster that
 * tools/test starts (tools/pg-sandbox) and names in $COOP_AWARDS_TEST_PG
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The libpq connection string of a new, empty database, or NULL (with the reason in @why) when no
 * test server was started; the caller then skips with that reason. */
char    *awards_test_pg_new_database  (char       **why);
/* Drops a database made by awards_test_pg_new_database (), closing what still uses it. */
void     awards_test_pg_drop_database (const char  *name);
/* Whether tools/test started a test server (COOP_AWARDS_TEST_PG): tests that run on a file and
 * again on the server add their server half only then, and else one test that skips. */
gboolean awards_test_pg_available     (void);
void     awards_test_pg_copy_file     (const char  *path,
                                       const char  *server);
void     awards_test_pg_skip          (void);

G_END_DECLS
