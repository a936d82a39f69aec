/* awards-db.h: one connection to a database, on either backend
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The seam between the program and its two backends: SQLite (a file) and PostgreSQL (a server,
 * over libpq). A statement is written once, with "?" placeholders; the PostgreSQL side numbers
 * them. Values are 64-bit integers, doubles, UTF-8 text, bytes and NULL on both sides. */

typedef enum {
  AWARDS_DB_SQLITE,
  AWARDS_DB_POSTGRESQL,
} AwardsDbBackend;

typedef enum {
  AWARDS_DB_NULL,
  AWARDS_DB_INTEGER,
  AWARDS_DB_FLOAT,
  AWARDS_DB_TEXT,
  AWARDS_DB_BLOB,
} AwardsDbType;

typedef enum {
  AWARDS_DB_OPEN_READ_ONLY = 1 << 0,
  /* SQLite: make the file when it does not exist (a server database must exist already). */
  AWARDS_DB_OPEN_CREATE    = 1 << 1,
} AwardsDbOpenFlags;

#define AWARDS_DB_ERROR (awards_db_error_quark ())

typedef enum {
  AWARDS_DB_ERROR_FAILED,
  /* The database could not be reached or opened (no server, wrong password, no such file). */
  AWARDS_DB_ERROR_CONNECT,
  /* Another writer holds the data, or a concurrent change made this transaction fail: retry. */
  AWARDS_DB_ERROR_BUSY,
  /* A constraint or trigger refused the change. */
  AWARDS_DB_ERROR_CONSTRAINT,
  /* The role may read but not write. */
  AWARDS_DB_ERROR_READ_ONLY,
} AwardsDbError;

typedef struct _AwardsDb     AwardsDb;
typedef struct _AwardsDbStmt AwardsDbStmt;

GQuark           awards_db_error_quark      (void);

/* TRUE when @name names a PostgreSQL database: a postgresql:// or postgres:// URI, or libpq's
 * keyword form ("host=… dbname=…"). Anything else is an SQLite file name. */
gboolean         awards_db_name_is_server   (const char         *name);
/* @name with any password removed, for messages and logs. */
char            *awards_db_name_for_display (const char         *name);

AwardsDb        *awards_db_open             (const char         *name,
                                             AwardsDbOpenFlags   flags,
                                             GError            **error);
void             awards_db_close            (AwardsDb           *db);
AwardsDbBackend  awards_db_get_backend      (AwardsDb           *db);
const char      *awards_db_get_name         (AwardsDb           *db);
/* The backend's own handle (sqlite3 * or PGconn *), for the few places that need the backend. */
gpointer         awards_db_get_handle       (AwardsDb           *db);

/* Runs @sql, which may hold several statements and no placeholders. */
gboolean         awards_db_exec             (AwardsDb           *db,
                                             const char         *sql,
                                             GError            **error);
/* A write transaction that other writers wait for (SQLite: BEGIN IMMEDIATE; PostgreSQL:
 * SERIALIZABLE, so that a conflict is an AWARDS_DB_ERROR_BUSY to retry, never a lost change). */
gboolean         awards_db_begin_write      (AwardsDb           *db,
                                             GError            **error);
/* A read transaction seeing one snapshot of the whole database. */
gboolean         awards_db_begin_read       (AwardsDb           *db,
                                             GError            **error);
gboolean         awards_db_commit           (AwardsDb           *db,
                                             GError            **error);
void             awards_db_rollback         (AwardsDb           *db);

/* A statement with "?" placeholders. A streaming statement (PostgreSQL: a cursor fetched in
 * pages, inside a transaction) keeps memory flat over millions of rows. */
AwardsDbStmt    *awards_db_prepare          (AwardsDb           *db,
                                             const char         *sql,
                                             GError            **error);
AwardsDbStmt    *awards_db_prepare_streaming (AwardsDb          *db,
                                             const char         *sql,
                                             GError            **error);
void             awards_db_stmt_free        (AwardsDbStmt       *stmt);

/* Placeholders count from 1. Text and bytes are copied. */
void             awards_db_stmt_bind_null   (AwardsDbStmt       *stmt,
                                             int                 index);
/* A NULL that stands for a missing number (an id): the server must know its type where the SQL
 * does not say it ("?2 IS NULL"). A NULL @text of bind_text () is a text's. */
void             awards_db_stmt_bind_null_integer (AwardsDbStmt *stmt,
                                             int                 index);
void             awards_db_stmt_bind_int64  (AwardsDbStmt       *stmt,
                                             int                 index,
                                             gint64              value);
void             awards_db_stmt_bind_double (AwardsDbStmt       *stmt,
                                             int                 index,
                                             double              value);
/* A NULL @text binds SQL NULL. */
void             awards_db_stmt_bind_text   (AwardsDbStmt       *stmt,
                                             int                 index,
                                             const char         *text);
void             awards_db_stmt_bind_blob   (AwardsDbStmt       *stmt,
                                             int                 index,
                                             gconstpointer       data,
                                             gsize               size);

/* TRUE with a row to read, FALSE at the end (error unset) or on an error (error set). */
gboolean         awards_db_stmt_step        (AwardsDbStmt       *stmt,
                                             GError            **error);
/* Runs a statement that returns no rows (or whose rows are not wanted). */
gboolean         awards_db_stmt_run         (AwardsDbStmt       *stmt,
                                             GError            **error);
/* Back to before the first step; the bindings are kept. */
void             awards_db_stmt_reset       (AwardsDbStmt       *stmt);
/* Rows changed by the last run. */
gint64           awards_db_stmt_changes     (AwardsDbStmt       *stmt);
/* Every parameter back to NULL. */
void             awards_db_stmt_clear_bindings (AwardsDbStmt    *stmt);

/* One step, for loops written as SQLite's: the error, if any, is kept on the connection
 * (awards_db_get_last_error ()) until its next failure. */
typedef enum {
  AWARDS_DB_ROW,
  AWARDS_DB_DONE,
  AWARDS_DB_FAILED,
} AwardsDbStep;

AwardsDbStep     awards_db_stmt_next        (AwardsDbStmt       *stmt);
/* The last failure of a statement of @db (NULL before any). */
const GError    *awards_db_get_last_error   (AwardsDb           *db);

int              awards_db_stmt_column_count (AwardsDbStmt      *stmt);
const char      *awards_db_stmt_column_name (AwardsDbStmt       *stmt,
                                             int                 column);
AwardsDbType     awards_db_stmt_column_type (AwardsDbStmt       *stmt,
                                             int                 column);
gint64           awards_db_stmt_column_int64 (AwardsDbStmt      *stmt,
                                             int                 column);
int              awards_db_stmt_column_int  (AwardsDbStmt       *stmt,
                                             int                 column);
double           awards_db_stmt_column_double (AwardsDbStmt     *stmt,
                                             int                 column);
/* NULL for SQL NULL. Valid until the next step. */
const char      *awards_db_stmt_column_text (AwardsDbStmt       *stmt,
                                             int                 column);
const guint8    *awards_db_stmt_column_blob (AwardsDbStmt       *stmt,
                                             int                 column,
                                             gsize              *size);

/* Notifications (PostgreSQL only: a file has no other clients to hear from). @sender is the
 * server process of the connection that sent it (see awards_db_get_session_id ()). */
typedef void (*AwardsDbNotifyFunc) (const char *channel,
                                    const char *payload,
                                    gint64      sender,
                                    gpointer    user_data);

/* The server's process for this connection (0 for SQLite): a listener that also writes tells
 * its own notifications by it. */
gint64           awards_db_get_session_id   (AwardsDb           *db);
gboolean         awards_db_listen           (AwardsDb           *db,
                                             const char         *channel,
                                             GError            **error);
/* A source for the thread-default main context that calls @func for every notification the
 * connection receives; the connection should do nothing else meanwhile. When the connection is
 * lost (the server stopped), @func is called once more with a %NULL @channel, and the source
 * ends. */
GSource         *awards_db_notification_source_new (AwardsDb         *db,
                                             AwardsDbNotifyFunc  func,
                                             gpointer            user_data,
                                             GDestroyNotify      destroy);

/* Many rows into one table, as fast as the backend takes them (PostgreSQL: COPY, one command, so
 * that a table's rows may refer to each other in any order). Values are given column by column,
 * in the order of @columns, then the row is ended. */
typedef struct _AwardsDbInsert AwardsDbInsert;

AwardsDbInsert  *awards_db_insert_begin     (AwardsDb           *db,
                                             const char         *table,
                                             const char *const  *columns,
                                             GError            **error);
void             awards_db_insert_null      (AwardsDbInsert     *insert);
void             awards_db_insert_int64     (AwardsDbInsert     *insert,
                                             gint64              value);
void             awards_db_insert_double    (AwardsDbInsert     *insert,
                                             double              value);
void             awards_db_insert_text      (AwardsDbInsert     *insert,
                                             const char         *text);
void             awards_db_insert_blob      (AwardsDbInsert     *insert,
                                             gconstpointer       data,
                                             gsize               size);
gboolean         awards_db_insert_end_row   (AwardsDbInsert     *insert,
                                             GError            **error);
/* Sends what is left and frees @insert; with an error, the rows are not all written and the
 * transaction must be rolled back. */
gboolean         awards_db_insert_finish    (AwardsDbInsert     *insert,
                                             GError            **error);

/* An insert whose rows are kept until awards_db_insert_send (), so that other statements can run
 * on the connection in between (a server's COPY holds the connection while it lasts). On a file
 * each row is written when it ends, as by awards_db_insert_begin (). */
AwardsDbInsert  *awards_db_insert_begin_deferred (AwardsDb      *db,
                                             const char         *table,
                                             const char *const  *columns,
                                             GError            **error);
/* Writes the rows kept so far, in one COPY, and keeps @insert for more. */
gboolean         awards_db_insert_send      (AwardsDbInsert     *insert,
                                             GError            **error);
/* The size of the rows kept, in bytes (0 on a file). */
gsize            awards_db_insert_get_pending (AwardsDbInsert   *insert);
/* Frees @insert without writing what it kept. */
void             awards_db_insert_abandon   (AwardsDbInsert     *insert);

/* As bind_text () and bind_blob (), without a copy on SQLite, for statements run row after row:
 * the value must stay as it is until the statement is next reset (a server copies it). */
void             awards_db_stmt_bind_static_text (AwardsDbStmt  *stmt,
                                             int                 index,
                                             const char         *text);
void             awards_db_stmt_bind_static_blob (AwardsDbStmt  *stmt,
                                             int                 index,
                                             gconstpointer       data,
                                             gsize               size);

/* What kind of constraint refused the last failed statement of @db (an error of
 * AWARDS_DB_ERROR_CONSTRAINT), where the program tells the user more than "refused". */
typedef enum {
  AWARDS_DB_CONSTRAINT_NONE,
  /* A UNIQUE constraint or index: the value is already used. */
  AWARDS_DB_CONSTRAINT_UNIQUE,
  /* A trigger of the schema raised its refusal. */
  AWARDS_DB_CONSTRAINT_TRIGGER,
  AWARDS_DB_CONSTRAINT_OTHER,
} AwardsDbConstraint;

AwardsDbConstraint awards_db_get_last_constraint (AwardsDb      *db);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwardsDb, awards_db_close)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwardsDbStmt, awards_db_stmt_free)

G_END_DECLS
