/* awards-db-private.h: what the two backends of AwardsDb share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libpq-fe.h>
#include <sqlite3.h>

#include "awards-db.h"

G_BEGIN_DECLS

struct _AwardsDb
{
  AwardsDbBackend  backend;
  char            *name;
  sqlite3         *lite;
  PGconn          *pg;
  guint            next_cursor;
  guint            next_prepared;
  GError          *last_error;  /* the last failure of a statement (awards_db_stmt_next ()) */
  char             last_state[6]; /* PostgreSQL: the SQLSTATE of the last failure, "" for none */
};

/* One bound value of a PostgreSQL statement, kept until the statement runs. */
typedef struct
{
  AwardsDbType  type;
  char         *text;   /* the value in PostgreSQL's text form, or the bytes of a blob */
  gsize         size;
  AwardsDbType  null_type; /* a NULL's type when the binding said it (text, integer) */
} AwardsDbParam;

struct _AwardsDbStmt
{
  AwardsDb      *db;
  gint64         changes;

  /* SQLite */
  sqlite3_stmt  *lite;

  /* PostgreSQL */
  char          *sql;        /* with $1, $2, … */
  int            n_params;
  guint8        *referenced; /* per parameter: whether the SQL uses it */
  AwardsDbParam *params;
  gboolean       streaming;
  char          *cursor;     /* a streaming statement's open cursor */
  PGresult      *result;
  int            row;        /* the current row of result, -1 before the first */
  gboolean       done;
  GPtrArray     *blobs;      /* unescaped bytea values of the current row */
  guint          runs;       /* how often it ran: the second run prepares it on the server */
  GHashTable    *prepared;   /* the parameters' types, as text → the server's statement name */
};

struct _AwardsDbInsert
{
  AwardsDb     *db;
  int           n_columns;
  int           column;     /* the next value's column, from 0 */
  AwardsDbStmt *stmt;       /* SQLite: the INSERT */
  GString      *line;       /* PostgreSQL: the row in COPY's text form */
  GString      *buffer;     /* PostgreSQL: rows not yet sent */
  char         *copy_sql;   /* PostgreSQL, deferred: the COPY that sends them */
  gboolean      failed;
};

/* The PostgreSQL half, in awards-db-pg.c. */
gboolean      awards_db_pg_insert_begin (AwardsDbInsert    *insert,
                                         const char        *table,
                                         const char *const *columns,
                                         gboolean           deferred,
                                         GError           **error);
void          awards_db_pg_insert_value (AwardsDbInsert    *insert,
                                         AwardsDbType       type,
                                         const char        *text,
                                         gsize              size);
gboolean      awards_db_pg_insert_end_row (AwardsDbInsert  *insert,
                                         GError           **error);
gboolean      awards_db_pg_insert_finish (AwardsDbInsert   *insert,
                                         GError           **error);
gboolean      awards_db_pg_insert_send  (AwardsDbInsert    *insert,
                                         GError           **error);
void          awards_db_pg_insert_abandon (AwardsDbInsert  *insert);
void          awards_db_pg_set_stalled_timeout (guint       seconds);
AwardsDb     *awards_db_pg_open        (const char         *name,
                                        AwardsDbOpenFlags   flags,
                                        GError            **error);
gboolean      awards_db_pg_exec        (AwardsDb           *db,
                                        const char         *sql,
                                        GError            **error);
gboolean      awards_db_pg_prepare     (AwardsDbStmt       *stmt,
                                        const char         *sql,
                                        GError            **error);
void          awards_db_pg_clear       (AwardsDbStmt       *stmt);
gboolean      awards_db_pg_step        (AwardsDbStmt       *stmt,
                                        GError            **error);
void          awards_db_pg_reset       (AwardsDbStmt       *stmt);
AwardsDbType  awards_db_pg_column_type (AwardsDbStmt       *stmt,
                                        int                 column);
const guint8 *awards_db_pg_column_blob (AwardsDbStmt       *stmt,
                                        int                 column,
                                        gsize              *size);
/* "?" placeholders outside quotes and comments become $1, $2, …; *n_params gets their count. */
char         *awards_db_pg_number_placeholders (const char *sql,
                                                int        *n_params);
/* The same, also saying which parameters the SQL uses (for g_free ()), for the ones it does not:
 * PostgreSQL must be told their type. */
char         *awards_db_pg_number_placeholders_full (const char  *sql,
                                                     int         *n_params,
                                                     guint8     **referenced);

G_END_DECLS
