/* awards-db.c: one connection to a database; the SQLite half and the calls both halves share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "awards-db-private.h"
#include "awards-db-sqlite.h"

G_DEFINE_QUARK (awards-db-error-quark, awards_db_error)

/* Whether @name has "host=", "hostaddr=", "dbname=", "user=", "port=" or "service=" as a word, in
 * any case and with spaces around "=" as libpq allows. */
static gboolean
looks_like_server_keywords (const char *name)
{
  return g_regex_match_simple ("(^|\\s)(host|hostaddr|dbname|user|port|service)\\s*=", name,
                               G_REGEX_CASELESS, 0);
}

gboolean
awards_db_name_is_server (const char *name)
{
  PQconninfoOption *options;
  char *message = NULL;

  g_return_val_if_fail (name != NULL, FALSE);

  if (g_ascii_strncasecmp (name, "postgresql://", strlen ("postgresql://")) == 0 ||
      g_ascii_strncasecmp (name, "postgres://", strlen ("postgres://")) == 0)
    return TRUE;

  /* libpq's keyword form ("host=/run/postgresql dbname=awards"): when every word is one of
   * libpq's keywords, so that a file called "a=b.db" stays a file; and when it names a server
   * with one of the words an address always has, even if another word is wrong
   * ("database=awards" for "dbname=awards", "PASSWORD=…"): libpq then says which word it does
   * not know, where a file of that name would have taken the office's records unseen. */
  if (strchr (name, '=') == NULL || g_file_test (name, G_FILE_TEST_EXISTS))
    return FALSE;
  options = PQconninfoParse (name, &message);
  PQfreemem (message);
  if (options == NULL)
    return looks_like_server_keywords (name);
  PQconninfoFree (options);
  return TRUE;
}

char *
awards_db_name_for_display (const char *name)
{
  g_autoptr(GRegex) uri = NULL;
  g_autoptr(GRegex) keyword = NULL;
  g_autofree char *without_uri_password = NULL;

  g_return_val_if_fail (name != NULL, NULL);

  if (!awards_db_name_is_server (name))
    return g_strdup (name);

  uri = g_regex_new ("^(postgres(?:ql)?://[^:/@?]*):[^@/?]*@", G_REGEX_CASELESS, 0, NULL);
  keyword = g_regex_new ("password\\s*=\\s*('(?:[^'\\\\]|\\\\.)*'|\\S+)", G_REGEX_CASELESS,
                         0, NULL);
  without_uri_password = g_regex_replace (uri, name, -1, 0, "\\1@", 0, NULL);
  return g_regex_replace (keyword, without_uri_password, -1, 0, "password=…", 0, NULL);
}

static void
set_sqlite_error (AwardsDb    *db,
                  GError     **error)
{
  int code = AWARDS_DB_ERROR_FAILED;

  switch (sqlite3_errcode (db->lite) & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = AWARDS_DB_ERROR_BUSY;
      break;
    case SQLITE_CONSTRAINT:
      code = AWARDS_DB_ERROR_CONSTRAINT;
      break;
    case SQLITE_READONLY:
      code = AWARDS_DB_ERROR_READ_ONLY;
      break;
    case SQLITE_CANTOPEN:
    case SQLITE_NOTADB:
    case SQLITE_PERM:
      code = AWARDS_DB_ERROR_CONNECT;
      break;
    default:
      break;
    }
  g_set_error (error, AWARDS_DB_ERROR, code, "%s: %s", db->name, sqlite3_errmsg (db->lite));
}

static AwardsDb *
sqlite_open (const char         *name,
             AwardsDbOpenFlags   flags,
             GError            **error)
{
  g_autoptr(AwardsDb) db = g_new0 (AwardsDb, 1);
  int open_flags = SQLITE_OPEN_NOMUTEX;

  db->backend = AWARDS_DB_SQLITE;
  db->name = g_strdup (name);
  if (flags & AWARDS_DB_OPEN_READ_ONLY)
    open_flags |= SQLITE_OPEN_READONLY;
  else
    open_flags |= SQLITE_OPEN_READWRITE | ((flags & AWARDS_DB_OPEN_CREATE) ? SQLITE_OPEN_CREATE : 0);

  if (sqlite3_open_v2 (name, &db->lite, open_flags, NULL) != SQLITE_OK)
    {
      if (db->lite == NULL)
        g_set_error (error, AWARDS_DB_ERROR, AWARDS_DB_ERROR_CONNECT, _("Not enough memory."));
      else
        g_set_error (error, AWARDS_DB_ERROR, AWARDS_DB_ERROR_CONNECT,
                     _("Cannot open “%s”: %s."), name, sqlite3_errmsg (db->lite));
      return NULL;
    }
  sqlite3_extended_result_codes (db->lite, 1);
  sqlite3_busy_timeout (db->lite, 5000);
  if (!awards_db_exec (db, "PRAGMA foreign_keys = ON", error))
    return NULL;
  return g_steal_pointer (&db);
}

/**
 * awards_db_new_for_sqlite:
 * @lite: (transfer full): an open SQLite connection, configured by the caller
 *
 * Gives a connection the store opened itself (with its own flags and recovery) the statements of
 * AwardsDb; closing the AwardsDb closes @lite.
 */
AwardsDb *
awards_db_new_for_sqlite (sqlite3    *lite,
                          const char *name)
{
  AwardsDb *db = g_new0 (AwardsDb, 1);

  db->backend = AWARDS_DB_SQLITE;
  db->name = g_strdup (name);
  db->lite = lite;
  return db;
}

AwardsDb *
awards_db_open (const char         *name,
                AwardsDbOpenFlags   flags,
                GError            **error)
{
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (awards_db_name_is_server (name))
    return awards_db_pg_open (name, flags, error);
  return sqlite_open (name, flags, error);
}

void
awards_db_close (AwardsDb *db)
{
  if (db == NULL)
    return;
  if (db->lite != NULL)
    sqlite3_close_v2 (db->lite);
  if (db->pg != NULL)
    PQfinish (db->pg);
  g_clear_error (&db->last_error);
  g_free (db->name);
  g_free (db);
}

AwardsDbBackend
awards_db_get_backend (AwardsDb *db)
{
  return db->backend;
}

const char *
awards_db_get_name (AwardsDb *db)
{
  return db->name;
}

gpointer
awards_db_get_handle (AwardsDb *db)
{
  return db->backend == AWARDS_DB_SQLITE ? (gpointer) db->lite : (gpointer) db->pg;
}

gboolean
awards_db_exec (AwardsDb    *db,
                const char  *sql,
                GError     **error)
{
  GError *local_error = NULL;

  g_return_val_if_fail (db != NULL && sql != NULL, FALSE);

  if (db->backend == AWARDS_DB_POSTGRESQL)
    {
      if (awards_db_pg_exec (db, sql, &local_error))
        return TRUE;
    }
  else
    {
      if (sqlite3_exec (db->lite, sql, NULL, NULL, NULL) == SQLITE_OK)
        return TRUE;
      set_sqlite_error (db, &local_error);
    }
  g_clear_error (&db->last_error);
  db->last_error = g_error_copy (local_error);
  g_propagate_error (error, local_error);
  return FALSE;
}

gboolean
awards_db_begin_write (AwardsDb  *db,
                       GError   **error)
{
  return awards_db_exec (db, db->backend == AWARDS_DB_SQLITE
                               ? "BEGIN IMMEDIATE"
                               : "BEGIN ISOLATION LEVEL SERIALIZABLE", error);
}

gboolean
awards_db_begin_read (AwardsDb  *db,
                      GError   **error)
{
  /* SQLite takes its snapshot at the first read of the transaction and keeps it to the end. */
  return awards_db_exec (db, db->backend == AWARDS_DB_SQLITE
                               ? "BEGIN"
                               : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", error);
}

gboolean
awards_db_commit (AwardsDb  *db,
                  GError   **error)
{
  return awards_db_exec (db, "COMMIT", error);
}

void
awards_db_rollback (AwardsDb *db)
{
  if (db->backend == AWARDS_DB_SQLITE)
    {
      if (!sqlite3_get_autocommit (db->lite))
        sqlite3_exec (db->lite, "ROLLBACK", NULL, NULL, NULL);
    }
  else
    {
      PQclear (PQexec (db->pg, "ROLLBACK"));
    }
}

static AwardsDbStmt *
prepare (AwardsDb    *db,
         const char  *sql,
         gboolean     streaming,
         GError     **error)
{
  g_autoptr(AwardsDbStmt) stmt = NULL;

  g_return_val_if_fail (db != NULL && sql != NULL, NULL);

  stmt = g_new0 (AwardsDbStmt, 1);
  stmt->db = db;
  stmt->row = -1;
  stmt->streaming = streaming;
  if (db->backend == AWARDS_DB_POSTGRESQL)
    return awards_db_pg_prepare (stmt, sql, error) ? g_steal_pointer (&stmt) : NULL;

  if (sqlite3_prepare_v2 (db->lite, sql, -1, &stmt->lite, NULL) != SQLITE_OK)
    {
      set_sqlite_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&stmt);
}

AwardsDbStmt *
awards_db_prepare (AwardsDb    *db,
                   const char  *sql,
                   GError     **error)
{
  return prepare (db, sql, FALSE, error);
}

AwardsDbStmt *
awards_db_prepare_streaming (AwardsDb    *db,
                             const char  *sql,
                             GError     **error)
{
  return prepare (db, sql, TRUE, error);
}

void
awards_db_stmt_free (AwardsDbStmt *stmt)
{
  if (stmt == NULL)
    return;
  if (stmt->lite != NULL)
    sqlite3_finalize (stmt->lite);
  if (stmt->db->backend == AWARDS_DB_POSTGRESQL)
    awards_db_pg_clear (stmt);
  g_free (stmt);
}

static AwardsDbParam *
pg_param (AwardsDbStmt *stmt,
          int           index)
{
  AwardsDbParam *param;

  /* A parameter the SQL does not have is ignored, as SQLite does (one bind function may serve
   * several statements, some of which leave a parameter out). */
  if (index < 1 || index > stmt->n_params)
    return NULL;
  param = &stmt->params[index - 1];
  g_clear_pointer (&param->text, g_free);
  param->size = 0;
  param->type = AWARDS_DB_NULL;
  param->null_type = AWARDS_DB_NULL;
  return param;
}

void
awards_db_stmt_bind_null (AwardsDbStmt *stmt,
                          int           index)
{
  if (stmt->lite != NULL)
    sqlite3_bind_null (stmt->lite, index);
  else
    pg_param (stmt, index);
}

void
awards_db_stmt_bind_null_integer (AwardsDbStmt *stmt,
                                  int           index)
{
  AwardsDbParam *param;

  if (stmt->lite != NULL)
    sqlite3_bind_null (stmt->lite, index);
  else if ((param = pg_param (stmt, index)) != NULL)
    param->null_type = AWARDS_DB_INTEGER;
}

void
awards_db_stmt_bind_int64 (AwardsDbStmt *stmt,
                           int           index,
                           gint64        value)
{
  AwardsDbParam *param;

  if (stmt->lite != NULL)
    {
      sqlite3_bind_int64 (stmt->lite, index, value);
      return;
    }
  if ((param = pg_param (stmt, index)) == NULL)
    return;
  param->type = AWARDS_DB_INTEGER;
  param->text = g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

void
awards_db_stmt_bind_double (AwardsDbStmt *stmt,
                            int           index,
                            double        value)
{
  AwardsDbParam *param;
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (stmt->lite != NULL)
    {
      sqlite3_bind_double (stmt->lite, index, value);
      return;
    }
  if ((param = pg_param (stmt, index)) == NULL)
    return;
  param->type = AWARDS_DB_FLOAT;
  param->text = g_strdup (g_ascii_dtostr (buffer, sizeof buffer, value));
}

void
awards_db_stmt_bind_text (AwardsDbStmt *stmt,
                          int           index,
                          const char   *text)
{
  AwardsDbParam *param;

  if (stmt->lite != NULL)
    {
      if (text == NULL)
        sqlite3_bind_null (stmt->lite, index);
      else
        sqlite3_bind_text (stmt->lite, index, text, -1, SQLITE_TRANSIENT);
      return;
    }
  if ((param = pg_param (stmt, index)) == NULL)
    return;
  if (text == NULL)
    {
      param->null_type = AWARDS_DB_TEXT;
      return;
    }
  param->type = AWARDS_DB_TEXT;
  param->text = g_strdup (text);
}

void
awards_db_stmt_bind_blob (AwardsDbStmt  *stmt,
                          int            index,
                          gconstpointer  data,
                          gsize          size)
{
  AwardsDbParam *param;

  if (stmt->lite != NULL)
    {
      sqlite3_bind_blob64 (stmt->lite, index, size > 0 ? data : "", size, SQLITE_TRANSIENT);
      return;
    }
  if ((param = pg_param (stmt, index)) == NULL)
    return;
  param->type = AWARDS_DB_BLOB;
  param->text = g_memdup2 (size > 0 ? data : "", MAX (size, 1));
  param->size = size;
}

gboolean
awards_db_stmt_step (AwardsDbStmt  *stmt,
                     GError       **error)
{
  int rc;

  g_return_val_if_fail (stmt != NULL, FALSE);

  if (stmt->db->backend == AWARDS_DB_POSTGRESQL)
    return awards_db_pg_step (stmt, error);

  /* SQLite would start again after the end; both backends stay at the end until a reset. */
  if (stmt->done)
    return FALSE;
  rc = sqlite3_step (stmt->lite);
  if (rc == SQLITE_ROW)
    return TRUE;
  stmt->done = TRUE;
  if (rc == SQLITE_DONE)
    {
      stmt->changes = sqlite3_changes64 (stmt->db->lite);
      return FALSE;
    }
  set_sqlite_error (stmt->db, error);
  sqlite3_reset (stmt->lite);
  return FALSE;
}

AwardsDbStep
awards_db_stmt_next (AwardsDbStmt *stmt)
{
  GError *local_error = NULL;

  if (awards_db_stmt_step (stmt, &local_error))
    return AWARDS_DB_ROW;
  if (local_error == NULL)
    return AWARDS_DB_DONE;
  g_clear_error (&stmt->db->last_error);
  stmt->db->last_error = local_error;
  return AWARDS_DB_FAILED;
}

const GError *
awards_db_get_last_error (AwardsDb *db)
{
  return db->last_error;
}

void
awards_db_stmt_clear_bindings (AwardsDbStmt *stmt)
{
  if (stmt->lite != NULL)
    {
      sqlite3_clear_bindings (stmt->lite);
      return;
    }
  for (int i = 1; i <= stmt->n_params; i++)
    awards_db_stmt_bind_null (stmt, i);
}

gboolean
awards_db_stmt_run (AwardsDbStmt  *stmt,
                    GError       **error)
{
  GError *local_error = NULL;

  while (awards_db_stmt_step (stmt, &local_error))
    ;
  awards_db_stmt_reset (stmt);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

void
awards_db_stmt_reset (AwardsDbStmt *stmt)
{
  if (stmt->lite != NULL)
    {
      sqlite3_reset (stmt->lite);
      stmt->done = FALSE;
    }
  else
    {
      awards_db_pg_reset (stmt);
    }
}

gint64
awards_db_stmt_changes (AwardsDbStmt *stmt)
{
  return stmt->changes;
}

int
awards_db_stmt_column_count (AwardsDbStmt *stmt)
{
  if (stmt->lite != NULL)
    return sqlite3_column_count (stmt->lite);
  return stmt->result != NULL ? PQnfields (stmt->result) : 0;
}

const char *
awards_db_stmt_column_name (AwardsDbStmt *stmt,
                            int           column)
{
  if (stmt->lite != NULL)
    return sqlite3_column_name (stmt->lite, column);
  return stmt->result != NULL ? PQfname (stmt->result, column) : NULL;
}

AwardsDbType
awards_db_stmt_column_type (AwardsDbStmt *stmt,
                            int           column)
{
  if (stmt->lite == NULL)
    return awards_db_pg_column_type (stmt, column);

  switch (sqlite3_column_type (stmt->lite, column))
    {
    case SQLITE_INTEGER:
      return AWARDS_DB_INTEGER;
    case SQLITE_FLOAT:
      return AWARDS_DB_FLOAT;
    case SQLITE_TEXT:
      return AWARDS_DB_TEXT;
    case SQLITE_BLOB:
      return AWARDS_DB_BLOB;
    default:
      return AWARDS_DB_NULL;
    }
}

gint64
awards_db_stmt_column_int64 (AwardsDbStmt *stmt,
                             int           column)
{
  const char *text;

  if (stmt->lite != NULL)
    return sqlite3_column_int64 (stmt->lite, column);
  text = awards_db_stmt_column_text (stmt, column);
  if (text == NULL)
    return 0;
  /* A condition read as a number (SQLite has no booleans: the same SQL gives 1 or 0 there). */
  if (text[0] == 't' && text[1] == '\0')
    return 1;
  return g_ascii_strtoll (text, NULL, 10);
}

int
awards_db_stmt_column_int (AwardsDbStmt *stmt,
                           int           column)
{
  return (int) awards_db_stmt_column_int64 (stmt, column);
}

double
awards_db_stmt_column_double (AwardsDbStmt *stmt,
                              int           column)
{
  const char *text;

  if (stmt->lite != NULL)
    return sqlite3_column_double (stmt->lite, column);
  text = awards_db_stmt_column_text (stmt, column);
  return text != NULL ? g_ascii_strtod (text, NULL) : 0.0;
}

const char *
awards_db_stmt_column_text (AwardsDbStmt *stmt,
                            int           column)
{
  if (stmt->lite != NULL)
    return (const char *) sqlite3_column_text (stmt->lite, column);
  if (stmt->result == NULL || stmt->row < 0 || PQgetisnull (stmt->result, stmt->row, column))
    return NULL;
  return PQgetvalue (stmt->result, stmt->row, column);
}

const guint8 *
awards_db_stmt_column_blob (AwardsDbStmt *stmt,
                            int           column,
                            gsize        *size)
{
  if (stmt->lite != NULL)
    {
      const guint8 *data = sqlite3_column_blob (stmt->lite, column);

      *size = sqlite3_column_bytes (stmt->lite, column);
      return data;
    }
  return awards_db_pg_column_blob (stmt, column, size);
}

static AwardsDbInsert *
insert_begin (AwardsDb           *db,
              const char         *table,
              const char *const  *columns,
              gboolean            deferred,
              GError            **error)
{
  g_autoptr(GString) sql = NULL;
  AwardsDbInsert *insert;

  g_return_val_if_fail (db != NULL && table != NULL && columns != NULL && columns[0] != NULL, NULL);

  insert = g_new0 (AwardsDbInsert, 1);
  insert->db = db;
  insert->n_columns = g_strv_length ((GStrv) columns);
  if (db->backend == AWARDS_DB_POSTGRESQL)
    {
      if (!awards_db_pg_insert_begin (insert, table, columns, deferred, error))
        {
          g_free (insert);
          return NULL;
        }
      return insert;
    }

  sql = g_string_new (NULL);
  g_string_append_printf (sql, "INSERT INTO \"%s\" (", table);
  for (int i = 0; i < insert->n_columns; i++)
    g_string_append_printf (sql, "%s\"%s\"", i > 0 ? ", " : "", columns[i]);
  g_string_append (sql, ") VALUES (");
  for (int i = 0; i < insert->n_columns; i++)
    g_string_append (sql, i > 0 ? ", ?" : "?");
  g_string_append_c (sql, ')');
  insert->stmt = awards_db_prepare (db, sql->str, error);
  if (insert->stmt == NULL)
    {
      g_free (insert);
      return NULL;
    }
  return insert;
}

AwardsDbInsert *
awards_db_insert_begin (AwardsDb           *db,
                        const char         *table,
                        const char *const  *columns,
                        GError            **error)
{
  return insert_begin (db, table, columns, FALSE, error);
}

AwardsDbInsert *
awards_db_insert_begin_deferred (AwardsDb           *db,
                                 const char         *table,
                                 const char *const  *columns,
                                 GError            **error)
{
  return insert_begin (db, table, columns, TRUE, error);
}

void
awards_db_insert_null (AwardsDbInsert *insert)
{
  if (insert->stmt != NULL)
    awards_db_stmt_bind_null (insert->stmt, ++insert->column);
  else
    awards_db_pg_insert_value (insert, AWARDS_DB_NULL, NULL, 0);
}

void
awards_db_insert_int64 (AwardsDbInsert *insert,
                        gint64          value)
{
  char text[32];

  if (insert->stmt != NULL)
    {
      awards_db_stmt_bind_int64 (insert->stmt, ++insert->column, value);
      return;
    }
  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, value);
  awards_db_pg_insert_value (insert, AWARDS_DB_INTEGER, text, strlen (text));
}

void
awards_db_insert_double (AwardsDbInsert *insert,
                         double          value)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  if (insert->stmt != NULL)
    {
      awards_db_stmt_bind_double (insert->stmt, ++insert->column, value);
      return;
    }
  g_ascii_dtostr (text, sizeof text, value);
  awards_db_pg_insert_value (insert, AWARDS_DB_FLOAT, text, strlen (text));
}

void
awards_db_insert_text (AwardsDbInsert *insert,
                       const char     *text)
{
  if (insert->stmt != NULL)
    awards_db_stmt_bind_text (insert->stmt, ++insert->column, text);
  else if (text == NULL)
    awards_db_pg_insert_value (insert, AWARDS_DB_NULL, NULL, 0);
  else
    awards_db_pg_insert_value (insert, AWARDS_DB_TEXT, text, strlen (text));
}

void
awards_db_insert_blob (AwardsDbInsert *insert,
                       gconstpointer   data,
                       gsize           size)
{
  if (insert->stmt != NULL)
    awards_db_stmt_bind_blob (insert->stmt, ++insert->column, data, size);
  else
    awards_db_pg_insert_value (insert, AWARDS_DB_BLOB, data, size);
}

gboolean
awards_db_insert_end_row (AwardsDbInsert  *insert,
                          GError         **error)
{
  g_return_val_if_fail (insert->column == insert->n_columns, FALSE);

  insert->column = 0;
  if (insert->stmt != NULL)
    return awards_db_stmt_run (insert->stmt, error);
  return awards_db_pg_insert_end_row (insert, error);
}

gboolean
awards_db_insert_finish (AwardsDbInsert  *insert,
                         GError         **error)
{
  gboolean ok = TRUE;

  if (insert == NULL)
    return TRUE;
  if (insert->stmt != NULL)
    awards_db_stmt_free (insert->stmt);
  else
    ok = awards_db_pg_insert_finish (insert, error);
  g_free (insert);
  return ok;
}

gboolean
awards_db_insert_send (AwardsDbInsert  *insert,
                       GError         **error)
{
  g_return_val_if_fail (insert != NULL && insert->column == 0, FALSE);

  return insert->stmt != NULL || awards_db_pg_insert_send (insert, error);
}

gsize
awards_db_insert_get_pending (AwardsDbInsert *insert)
{
  g_return_val_if_fail (insert != NULL, 0);

  return insert->buffer != NULL ? insert->buffer->len : 0;
}

void
awards_db_insert_abandon (AwardsDbInsert *insert)
{
  if (insert == NULL)
    return;
  if (insert->stmt != NULL)
    awards_db_stmt_free (insert->stmt);
  else
    awards_db_pg_insert_abandon (insert);
  g_free (insert);
}

void
awards_db_stmt_bind_static_text (AwardsDbStmt *stmt,
                                 int           index,
                                 const char   *text)
{
  if (stmt->lite != NULL && text != NULL)
    sqlite3_bind_text (stmt->lite, index, text, -1, SQLITE_STATIC);
  else
    awards_db_stmt_bind_text (stmt, index, text);
}

void
awards_db_stmt_bind_static_blob (AwardsDbStmt  *stmt,
                                 int            index,
                                 gconstpointer  data,
                                 gsize          size)
{
  if (stmt->lite != NULL)
    sqlite3_bind_blob64 (stmt->lite, index, size > 0 ? data : "", size, SQLITE_STATIC);
  else
    awards_db_stmt_bind_blob (stmt, index, data, size);
}

/* SQLite says it in its extended result code; a server in the SQLSTATE (23505 unique_violation;
 * the schema's triggers raise 23000, and P0001 is a plain RAISE EXCEPTION). */
AwardsDbConstraint
awards_db_get_last_constraint (AwardsDb *db)
{
  if (db->backend == AWARDS_DB_SQLITE)
    {
      int code = sqlite3_extended_errcode (db->lite);

      if ((code & 0xff) != SQLITE_CONSTRAINT)
        return AWARDS_DB_CONSTRAINT_NONE;
      if (code == SQLITE_CONSTRAINT_UNIQUE)
        return AWARDS_DB_CONSTRAINT_UNIQUE;
      return code == SQLITE_CONSTRAINT_TRIGGER ? AWARDS_DB_CONSTRAINT_TRIGGER
                                               : AWARDS_DB_CONSTRAINT_OTHER;
    }
  if (!g_str_has_prefix (db->last_state, "23") && strcmp (db->last_state, "P0001") != 0)
    return AWARDS_DB_CONSTRAINT_NONE;
  if (strcmp (db->last_state, "23505") == 0)
    return AWARDS_DB_CONSTRAINT_UNIQUE;
  if (strcmp (db->last_state, "23000") == 0 || strcmp (db->last_state, "P0001") == 0)
    return AWARDS_DB_CONSTRAINT_TRIGGER;
  return AWARDS_DB_CONSTRAINT_OTHER;
}
