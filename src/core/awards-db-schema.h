/* awards-db-schema.h: what a database is, and making one, on either backend
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "awards-db.h"

G_BEGIN_DECLS

/* Taken inside a transaction by whatever sets up or fills a server database (init-server, copy),
 * so that two of them never cross. */
#define AWARDS_DB_SETUP_LOCK_SQL "SELECT pg_advisory_xact_lock (4352623512)"

/* The schema version of the database @db is connected to: 0 when it holds nothing at all. A
 * database of another program is an AWARDS_STORE_ERROR_NOT_A_DATABASE. */
gboolean awards_db_read_version   (AwardsDb     *db,
                                   int          *version,
                                   GError      **error);
/* Refuses, with a sentence naming the database, anything but a Coop Awards database of this
 * version: empty, another program's, older or newer. */
gboolean awards_db_check_current  (AwardsDb     *db,
                                   GError      **error);
/* Makes @db, which must be empty, a Coop Awards database of this version, inside the caller's
 * transaction. */
gboolean awards_db_create_schema  (AwardsDb     *db,
                                   GError      **error);
/* `init-server`: makes the server database @name a Coop Awards database, or leaves one that
 * already is (@created says which), adding to one made by an earlier version what this version
 * needs (@updated, which may be NULL, says so). Several at once are safe. */
gboolean awards_server_init       (const char   *name,
                                   gboolean     *created,
                                   gboolean     *updated,
                                   GError      **error);
/* Propagates @failure, a failure to make a server database's tables, into @error; a refusal
 * for want of a privilege becomes a sentence saying that only the database's owner may. */
void     awards_server_setup_error (GError      **error,
                                    GError       *failure,
                                    const char   *display);

gboolean awards_db_has_capture    (AwardsDb     *db);
gboolean awards_db_has_counts     (AwardsDb     *db);
gboolean awards_db_has_statement_triggers (AwardsDb *db);

G_END_DECLS
