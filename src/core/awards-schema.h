#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* The version this build writes. Files with a higher user_version are refused. */
#define AWARDS_SCHEMA_VERSION 6

/* PRAGMA application_id of our files: "CoAw". */
#define AWARDS_APPLICATION_ID 0x436f4177

gboolean awards_schema_migrate (sqlite3  *db,
                                int       from_version,
                                GError  **error);

/* Where the rows of a bulk batch start: the first id each table will give; and whether the
 * batch drops the list indexes (a file that holds more awards than it brings keeps them). */
typedef struct
{
  gint64 organisation;
  gint64 person;
  gint64 decision;
  gint64 commendation;
  gboolean drop_indexes;
} AwardsBulkStart;

gboolean awards_schema_begin_bulk       (sqlite3                *db,
                                         AwardsBulkStart        *start,
                                         GError                **error);
gboolean awards_schema_end_bulk         (sqlite3                *db,
                                         const AwardsBulkStart  *start,
                                         GError                **error);
gboolean awards_schema_check_references (sqlite3                *db,
                                         const AwardsBulkStart  *start,
                                         GError                **error);

G_END_DECLS
