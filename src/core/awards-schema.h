#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* The version this build writes. Files with a higher user_version are refused. */
#define AWARDS_SCHEMA_VERSION 1

/* PRAGMA application_id of our files: "CoAw". */
#define AWARDS_APPLICATION_ID 0x436f4177

gboolean awards_schema_migrate (sqlite3  *db,
                                int       from_version,
                                GError  **error);

gboolean awards_schema_drop_list_indexes   (sqlite3  *db,
                                            GError  **error);
gboolean awards_schema_create_list_indexes (sqlite3  *db,
                                            GError  **error);

G_END_DECLS
