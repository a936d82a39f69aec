/* awards-store-dialect.h: the store's SQL as a server takes it (private to src/core)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @sql, written for both backends, with what differs on a server rewritten (awards-store-dialect.c). */
char *awards_store_server_sql (const char *sql);

G_END_DECLS
