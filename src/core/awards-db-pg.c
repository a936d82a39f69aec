/* awards-db-pg.c: the PostgreSQL half of AwardsDb, over libpq
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "awards-db-private.h"

/* Type numbers of PostgreSQL's built-in types (pg_type.oid), fixed since version 7. */
enum {
  PG_BOOL = 16,
  PG_BYTEA = 17,
  PG_INT8 = 20,
  PG_INT2 = 21,
  PG_INT4 = 23,
  PG_TEXT = 25,
  PG_OID = 26,
  PG_FLOAT4 = 700,
  PG_FLOAT8 = 701,
  PG_NUMERIC = 1700,
};

/* A streaming statement fetches this many rows at a time. */
#define FETCH_ROWS 2000

static int
error_code_for_state (const char *state)
{
  if (state == NULL)
    return AWARDS_DB_ERROR_FAILED;
  /* serialization_failure, deadlock_detected, lock_not_available */
  if (strcmp (state, "40001") == 0 || strcmp (state, "40P01") == 0 || strcmp (state, "55P03") == 0)
    return AWARDS_DB_ERROR_BUSY;
  /* integrity constraints, and the triggers' own refusals (raise_exception) */
  if (g_str_has_prefix (state, "23") || strcmp (state, "P0001") == 0)
    return AWARDS_DB_ERROR_CONSTRAINT;
  /* read_only_sql_transaction, insufficient_privilege */
  if (strcmp (state, "25006") == 0 || strcmp (state, "42501") == 0)
    return AWARDS_DB_ERROR_READ_ONLY;
  /* connection_exception; operator_intervention (the server shutting down, or starting) */
  if (g_str_has_prefix (state, "08") || g_str_has_prefix (state, "57P"))
    return AWARDS_DB_ERROR_CONNECT;
  return AWARDS_DB_ERROR_FAILED;
}

/* Sets @error from a failed result (or, without one, from the connection) and frees @result. */
static void
set_pg_error (AwardsDb  *db,
              PGresult  *result,
              GError   **error)
{
  g_autofree char *display = awards_db_name_for_display (db->name);
  const char *message = NULL;
  int code;

  if (result != NULL)
    message = PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY);
  if (message == NULL)
    message = PQerrorMessage (db->pg);
  g_strlcpy (db->last_state, result != NULL && PQresultErrorField (result, PG_DIAG_SQLSTATE)
                             ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : "",
             sizeof db->last_state);
  g_set_error (error, AWARDS_DB_ERROR, AWARDS_DB_ERROR_FAILED, "%s: %s", display, message);
  /* libpq's own failures carry no SQLSTATE. Those of the connection ("server closed the
   * connection", "could not send data", in the middle of a COPY) may come before libpq marks
   * the connection bad: reading what the server sent marks it, in any language. */
  if (db->last_state[0] == '\0' && PQstatus (db->pg) == CONNECTION_OK)
    PQconsumeInput (db->pg);
  if (PQstatus (db->pg) == CONNECTION_BAD)
    code = AWARDS_DB_ERROR_CONNECT;
  else
    code = error_code_for_state (result != NULL ? PQresultErrorField (result, PG_DIAG_SQLSTATE)
                                                : NULL);
  if (error != NULL && *error != NULL)
    {
      (*error)->code = code;
      g_strchomp ((*error)->message);
    }
  PQclear (result);
}

/* How long the server lets a session of the program sit in a transaction without a word; see
 * awards_db_pg_open (). Tests shorten it. */
static guint stalled_seconds = 120;

/**
 * awards_db_pg_set_stalled_timeout:
 * @seconds: the new bound, or 0 for the usual two minutes
 *
 * For tests: how long a session may stay idle inside a transaction, for connections opened
 * from now on.
 */
void
awards_db_pg_set_stalled_timeout (guint seconds)
{
  stalled_seconds = seconds > 0 ? seconds : 120;
}

static void
log_notice (void       *data,
            const char *message)
{
  g_debug ("%s", message);
}

/* Whether a failed connection failed because no server answered at all (switched off, a wrong
 * host, the network cut) rather than because a server refused it: a second, short try says. */
static gboolean
server_does_not_answer (const char *name)
{
  static const char *const keywords[] = { "dbname", "connect_timeout", NULL };
  const char *values[] = { name, "2", NULL };

  return PQpingParams (keywords, values, 1) == PQPING_NO_RESPONSE;
}

/* Puts @text's lines and tabs on one line, in place, the words one space apart. */
static void
one_line (char *text)
{
  char *out = text;
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        space = out != text;
      else
        {
          if (space)
            *out++ = ' ';
          space = FALSE;
          *out++ = *p;
        }
    }
  *out = '\0';
}

AwardsDb *
awards_db_pg_open (const char         *name,
                   AwardsDbOpenFlags   flags,
                   GError            **error)
{
  g_autoptr(AwardsDb) db = g_new0 (AwardsDb, 1);
  g_autofree char *display = awards_db_name_for_display (name);
  g_autofree char *message = NULL;
  /* A server that does not answer is given up after ten seconds instead of the system's
   * minutes (the window says meanwhile that it is connecting); an address that sets its own
   * connect_timeout keeps it, as the later value wins. */
  static const char *const keywords[] = { "connect_timeout", "dbname", NULL };
  const char *values[] = { "10", name, NULL };

  db->backend = AWARDS_DB_POSTGRESQL;
  db->name = g_strdup (name);
  db->pg = PQconnectdbParams (keywords, values, 1);
  if (db->pg == NULL)
    {
      g_set_error (error, AWARDS_DB_ERROR, AWARDS_DB_ERROR_CONNECT, _("Not enough memory."));
      return NULL;
    }
  if (PQstatus (db->pg) != CONNECTION_OK)
    {
      const char *reason = NULL;

      message = g_strchomp (g_strdup (PQerrorMessage (db->pg)));
      /* The two failures a clerk meets most get a sentence of their own, in the clerk's
       * language; libpq's words (English) follow for whoever looks after the server. */
      if (PQconnectionNeedsPassword (db->pg))
        reason = _("the server asks for a password and none was given; keep it in the file "
                   ".pgpass in your home folder");
      /* The server answered, and said no: libpq gives its words only, and these are the
       * server's usual (English) ones. They come first: a login with a password that then
       * fails for another reason (a misspelt database) was not refused for its password. */
      else if (strstr (message, "FATAL:  database \"") != NULL &&
               strstr (message, "\" does not exist") != NULL)
        reason = _("the server has no database of that name; check the name in the address, "
                   "or create the database and run “coop-awards-cli init-server” on it");
      else if (strstr (message, "FATAL:  role \"") != NULL &&
               strstr (message, "\" does not exist") != NULL)
        reason = _("the server has no user of that name; the office's administrator creates "
                   "one for each clerk");
      else if (PQconnectionUsedPassword (db->pg) &&
               strstr (message, "authentication failed") != NULL)
        reason = _("the server refused the user name or the password");
      else if (server_does_not_answer (name))
        reason = _("no database server answers at that address; check that the server is "
                   "switched on and that the address is right");
      /* libpq's words are lines with tabs: one line, after the clerk's sentence. */
      one_line (message);
      if (reason != NULL)
        g_set_error (error, AWARDS_DB_ERROR, AWARDS_DB_ERROR_CONNECT,
                     /* Translators: the address, why, and the server's own words. */
                     _("Cannot connect to the database server “%s”: %s (%s)"), display, reason,
                     message);
      else
        g_set_error (error, AWARDS_DB_ERROR, AWARDS_DB_ERROR_CONNECT,
                     _("Cannot connect to the database server “%s”: %s"), display, message);
      return NULL;
    }
  /* libpq writes the server's notices and warnings to standard error by default ("WARNING:
   * terminating connection because of crash of another server process"), before the program's
   * own sentence about what happened; they are for whoever debugs, not for the clerk. */
  PQsetNoticeProcessor (db->pg, log_notice, NULL);
  if (PQsetClientEncoding (db->pg, "UTF8") != 0)
    {
      g_set_error (error, AWARDS_DB_ERROR, AWARDS_DB_ERROR_CONNECT,
                   _("The database server “%s” cannot send text as UTF-8."), display);
      return NULL;
    }
  /* Quiet the server's notices (e.g. "relation already exists, skipping"): they are not for the
   * clerk, and the program says what happened itself. */
  if (!awards_db_pg_exec (db, "SET client_min_messages = warning", error))
    return NULL;
  /* A writer holds the office's write lock until its transaction ends, and every other clerk's
   * save waits for it. A clerk whose laptop went to sleep in the middle of an import would hold
   * it for good: the server ends such a session once it has said nothing for two minutes
   * inside a transaction, which rolls back, and the others go on. The program itself never
   * leaves a transaction idle for long: an import sends its rows as it reads them. */
  {
    g_autofree char *sql = g_strdup_printf ("SET idle_in_transaction_session_timeout = '%us'",
                                            stalled_seconds);

    if (!awards_db_pg_exec (db, sql, error))
      return NULL;
  }
  if ((flags & AWARDS_DB_OPEN_READ_ONLY) &&
      !awards_db_pg_exec (db, "SET default_transaction_read_only = on;"
                              /* A search's plan depends on its words: a reader's prepared
                               * statements are planned for each run's values. */
                              " SET plan_cache_mode = force_custom_plan", error))
    return NULL;
  return g_steal_pointer (&db);
}

gboolean
awards_db_pg_exec (AwardsDb    *db,
                   const char  *sql,
                   GError     **error)
{
  PGresult *result = PQexec (db->pg, sql);
  ExecStatusType status = PQresultStatus (result);

  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY)
    {
      set_pg_error (db, result, error);
      return FALSE;
    }
  PQclear (result);
  return TRUE;
}

char *
awards_db_pg_number_placeholders (const char *sql,
                                  int        *n_params)
{
  return awards_db_pg_number_placeholders_full (sql, n_params, NULL);
}

char *
awards_db_pg_number_placeholders_full (const char  *sql,
                                       int         *n_params,
                                       guint8     **referenced)
{
  GString *out = g_string_sized_new (strlen (sql) + 16);
  g_autoptr(GByteArray) used = g_byte_array_new ();
  int n = 0;

  for (const char *p = sql; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '"')
        {
          /* A quoted string or name, with its doubled quotes, is copied as it is. */
          char quote = *p;

          g_string_append_c (out, *p);
          for (p++; *p != '\0'; p++)
            {
              g_string_append_c (out, *p);
              if (*p == quote)
                {
                  if (p[1] == quote)
                    g_string_append_c (out, *++p);
                  else
                    break;
                }
            }
          if (*p == '\0')
            break;
        }
      else if (p[0] == '-' && p[1] == '-')
        {
          for (; *p != '\0' && *p != '\n'; p++)
            g_string_append_c (out, *p);
          if (*p == '\0')
            break;
          g_string_append_c (out, *p);
        }
      else if (*p == '?' && g_ascii_isdigit (p[1]))
        {
          /* SQLite's numbered form, ?2, is PostgreSQL's $2. */
          int number = 0;

          for (p++; g_ascii_isdigit (*p); p++)
            number = number * 10 + (*p - '0');
          p--;
          g_string_append_printf (out, "$%d", number);
          n = MAX (n, number);
          if ((guint) number > used->len)
            {
              guint old = used->len;

              g_byte_array_set_size (used, number);
              memset (used->data + old, 0, number - old);
            }
          if (number > 0)
            used->data[number - 1] = 1;
        }
      else if (*p == '?')
        {
          g_string_append_printf (out, "$%d", ++n);
          g_byte_array_set_size (used, n);
          used->data[n - 1] = 1;
        }
      else
        {
          g_string_append_c (out, *p);
        }
    }
  *n_params = n;
  if (referenced != NULL)
    {
      guint old = used->len;

      g_byte_array_set_size (used, MAX (n, 1));
      memset (used->data + old, 0, used->len - old);
      *referenced = g_memdup2 (used->data, used->len);
    }
  return g_string_free (out, FALSE);
}

gboolean
awards_db_pg_prepare (AwardsDbStmt  *stmt,
                      const char    *sql,
                      GError       **error)
{
  stmt->sql = awards_db_pg_number_placeholders_full (sql, &stmt->n_params, &stmt->referenced);
  stmt->params = g_new0 (AwardsDbParam, MAX (stmt->n_params, 1));
  stmt->blobs = g_ptr_array_new_with_free_func (PQfreemem);
  return TRUE;
}

static void
clear_result (AwardsDbStmt *stmt)
{
  g_clear_pointer (&stmt->result, PQclear);
  if (stmt->blobs != NULL)
    g_ptr_array_set_size (stmt->blobs, 0);
  stmt->row = -1;
}

void
awards_db_pg_reset (AwardsDbStmt *stmt)
{
  clear_result (stmt);
  if (stmt->cursor != NULL)
    {
      g_autofree char *close = g_strdup_printf ("CLOSE %s", stmt->cursor);

      /* In a transaction that has already failed the cursor is gone with it. */
      if (PQtransactionStatus (stmt->db->pg) == PQTRANS_INTRANS)
        PQclear (PQexec (stmt->db->pg, close));
      g_clear_pointer (&stmt->cursor, g_free);
    }
  stmt->done = FALSE;
}

void
awards_db_pg_clear (AwardsDbStmt *stmt)
{
  awards_db_pg_reset (stmt);
  for (int i = 0; i < stmt->n_params; i++)
    g_free (stmt->params[i].text);
  g_clear_pointer (&stmt->params, g_free);
  g_clear_pointer (&stmt->referenced, g_free);
  g_clear_pointer (&stmt->blobs, g_ptr_array_unref);
  g_clear_pointer (&stmt->prepared, g_hash_table_unref);
  g_clear_pointer (&stmt->sql, g_free);
}

/*
 * A statement that runs again (the store keeps its statements, and an import runs the same few
 * for every row) is prepared on the server the second time, and executed by name from then on:
 * the server then parses and plans it once rather than at every row, which was most of an
 * import's time. The parameters' types are part of a prepared statement, and a binding may
 * give a parameter another type (a NULL); each set of types has its statement. A statement that
 * runs once is sent whole, as before, and leaves nothing on the server.
 */
static const char *
prepared_name (AwardsDbStmt  *stmt,
               const Oid     *types,
               PGresult     **failed)
{
  g_autoptr(GString) key = g_string_new (NULL);
  const char *name;
  char *new_name;
  PGresult *result;

  for (int i = 0; i < stmt->n_params; i++)
    g_string_append_printf (key, "%u,", types[i]);
  if (stmt->prepared == NULL)
    stmt->prepared = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  name = g_hash_table_lookup (stmt->prepared, key->str);
  if (name != NULL)
    return name;
  new_name = g_strdup_printf ("awards_statement_%u", ++stmt->db->next_prepared);
  result = PQprepare (stmt->db->pg, new_name, stmt->sql, stmt->n_params, types);
  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    {
      /* The caller reports the server's answer as that of the statement. */
      g_free (new_name);
      *failed = result;
      return NULL;
    }
  PQclear (result);
  g_hash_table_insert (stmt->prepared, g_strdup (key->str), new_name);
  return new_name;
}

static PGresult *
run_with_params (AwardsDbStmt *stmt,
                 const char   *sql)
{
  int n = stmt->n_params;
  g_autofree Oid *types = g_new0 (Oid, MAX (n, 1));
  g_autofree const char **values = g_new0 (const char *, MAX (n, 1));
  g_autofree int *lengths = g_new0 (int, MAX (n, 1));
  g_autofree int *formats = g_new0 (int, MAX (n, 1));

  for (int i = 0; i < n; i++)
    {
      AwardsDbParam *param = &stmt->params[i];

      values[i] = param->text;
      switch (param->type)
        {
        case AWARDS_DB_INTEGER:
          types[i] = PG_INT8;
          break;
        case AWARDS_DB_FLOAT:
          types[i] = PG_FLOAT8;
          break;
        case AWARDS_DB_TEXT:
          types[i] = PG_TEXT;
          break;
        case AWARDS_DB_BLOB:
          /* Bytes go in binary form: no escaping, NULs allowed. */
          types[i] = PG_BYTEA;
          lengths[i] = (int) param->size;
          formats[i] = 1;
          break;
        case AWARDS_DB_NULL:
        default:
          /* The server infers the type of a NULL from where it is used, unless the binding
           * said it: "?2 IS NULL" alone says nothing. A parameter the SQL does not use needs a
           * type all the same. */
          if (param->null_type == AWARDS_DB_INTEGER)
            types[i] = PG_INT8;
          else if (param->null_type == AWARDS_DB_TEXT || !stmt->referenced[i])
            types[i] = PG_TEXT;
          else
            types[i] = 0;
          break;
        }
    }
  if (sql == stmt->sql && stmt->runs++ > 0)
    {
      PGresult *failed = NULL;
      const char *name = prepared_name (stmt, types, &failed);

      if (name != NULL)
        return PQexecPrepared (stmt->db->pg, name, n, values, lengths, formats, 0);
      return failed;
    }
  return PQexecParams (stmt->db->pg, sql, n, types, values, lengths, formats, 0);
}

static gboolean
fetch_page (AwardsDbStmt  *stmt,
            GError       **error)
{
  g_autofree char *fetch = g_strdup_printf ("FETCH FORWARD %d FROM %s", FETCH_ROWS, stmt->cursor);
  PGresult *result;

  clear_result (stmt);
  result = PQexec (stmt->db->pg, fetch);
  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    {
      set_pg_error (stmt->db, result, error);
      return FALSE;
    }
  stmt->result = result;
  return TRUE;
}

static gboolean
start (AwardsDbStmt  *stmt,
       GError       **error)
{
  PGresult *result;
  ExecStatusType status;

  if (stmt->streaming)
    {
      g_autofree char *declare = NULL;

      if (PQtransactionStatus (stmt->db->pg) != PQTRANS_INTRANS)
        {
          g_set_error (error, AWARDS_DB_ERROR, AWARDS_DB_ERROR_FAILED,
                       "a streaming statement runs inside a transaction");
          return FALSE;
        }
      stmt->cursor = g_strdup_printf ("awards_cursor_%u", ++stmt->db->next_cursor);
      declare = g_strdup_printf ("DECLARE %s NO SCROLL CURSOR FOR %s", stmt->cursor, stmt->sql);
      result = run_with_params (stmt, declare);
      if (PQresultStatus (result) != PGRES_COMMAND_OK)
        {
          g_clear_pointer (&stmt->cursor, g_free);
          set_pg_error (stmt->db, result, error);
          return FALSE;
        }
      PQclear (result);
      return fetch_page (stmt, error);
    }

  result = run_with_params (stmt, stmt->sql);
  status = PQresultStatus (result);
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK)
    {
      set_pg_error (stmt->db, result, error);
      return FALSE;
    }
  stmt->changes = g_ascii_strtoll (PQcmdTuples (result), NULL, 10);
  stmt->result = result;
  return TRUE;
}

gboolean
awards_db_pg_step (AwardsDbStmt  *stmt,
                   GError       **error)
{
  if (stmt->done)
    return FALSE;

  if (stmt->result == NULL)
    {
      if (!start (stmt, error))
        {
          stmt->done = TRUE;
          return FALSE;
        }
    }
  else
    {
      g_ptr_array_set_size (stmt->blobs, 0);
      stmt->row++;
      if (stmt->row >= PQntuples (stmt->result) && stmt->cursor != NULL &&
          PQntuples (stmt->result) == FETCH_ROWS)
        {
          if (!fetch_page (stmt, error))
            {
              stmt->done = TRUE;
              return FALSE;
            }
          stmt->row = 0;
        }
      if (stmt->row < PQntuples (stmt->result))
        return TRUE;
      stmt->done = TRUE;
      return FALSE;
    }

  stmt->row = 0;
  if (PQntuples (stmt->result) > 0)
    return TRUE;
  stmt->done = TRUE;
  return FALSE;
}

AwardsDbType
awards_db_pg_column_type (AwardsDbStmt *stmt,
                          int           column)
{
  if (stmt->result == NULL || stmt->row < 0 || stmt->row >= PQntuples (stmt->result) ||
      PQgetisnull (stmt->result, stmt->row, column))
    return AWARDS_DB_NULL;

  switch (PQftype (stmt->result, column))
    {
    case PG_BOOL:
    case PG_INT2:
    case PG_INT4:
    case PG_INT8:
    case PG_OID:
      return AWARDS_DB_INTEGER;
    case PG_FLOAT4:
    case PG_FLOAT8:
    case PG_NUMERIC:
      return AWARDS_DB_FLOAT;
    case PG_BYTEA:
      return AWARDS_DB_BLOB;
    default:
      return AWARDS_DB_TEXT;
    }
}

const guint8 *
awards_db_pg_column_blob (AwardsDbStmt *stmt,
                          int           column,
                          gsize        *size)
{
  const char *text = awards_db_stmt_column_text (stmt, column);
  size_t length = 0;
  guint8 *bytes;

  *size = 0;
  if (text == NULL)
    return NULL;
  if (PQftype (stmt->result, column) != PG_BYTEA)
    {
      *size = strlen (text);
      return (const guint8 *) text;
    }
  bytes = PQunescapeBytea ((const unsigned char *) text, &length);
  if (bytes == NULL)
    return NULL;
  /* Kept until the next step, like SQLite's own pointers. */
  g_ptr_array_add (stmt->blobs, bytes);
  *size = length;
  return bytes;
}

/* COPY's rows are sent in pieces of about this many bytes. */
#define COPY_BUFFER 65536

/* Ends a COPY and reads its outcome; @abandon ends it with an error, writing nothing. */
static gboolean
end_copy (AwardsDbInsert  *insert,
          gboolean         abandon,
          GError         **error)
{
  gboolean ok = !abandon;
  PGresult *result;

  if (PQputCopyEnd (insert->db->pg, abandon ? "the copy was abandoned" : NULL) != 1 && ok)
    {
      set_pg_error (insert->db, NULL, error);
      ok = FALSE;
    }
  while ((result = PQgetResult (insert->db->pg)) != NULL)
    {
      if (PQresultStatus (result) != PGRES_COMMAND_OK && ok)
        {
          set_pg_error (insert->db, result, error);
          ok = FALSE;
          continue;
        }
      PQclear (result);
    }
  return ok;
}

static gboolean
start_copy (AwardsDbInsert  *insert,
            const char      *sql,
            GError         **error)
{
  PGresult *result = PQexec (insert->db->pg, sql);

  if (PQresultStatus (result) != PGRES_COPY_IN)
    {
      set_pg_error (insert->db, result, error);
      return FALSE;
    }
  PQclear (result);
  return TRUE;
}

gboolean
awards_db_pg_insert_begin (AwardsDbInsert     *insert,
                           const char         *table,
                           const char *const  *columns,
                           gboolean            deferred,
                           GError            **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);

  g_string_append_printf (sql, "COPY \"%s\" (", table);
  for (int i = 0; columns[i] != NULL; i++)
    g_string_append_printf (sql, "%s\"%s\"", i > 0 ? ", " : "", columns[i]);
  g_string_append (sql, ") FROM STDIN");
  /* A deferred insert starts its COPY when it sends (awards_db_pg_insert_send ()). */
  if (deferred)
    insert->copy_sql = g_string_free (g_steal_pointer (&sql), FALSE);
  else if (!start_copy (insert, sql->str, error))
    return FALSE;
  insert->line = g_string_new (NULL);
  insert->buffer = g_string_sized_new (COPY_BUFFER + 4096);
  return TRUE;
}

/* COPY's text form: tab between columns, \N for NULL, and backslash escapes for the characters
 * that would end a column or a row. */
static void
append_escaped (GString    *line,
                const char *text,
                gsize       size)
{
  gsize start = 0;

  /* Most texts have nothing to escape: they are copied in one piece. */
  for (gsize i = 0; i < size; i++)
    {
      const char *escape;

      switch (text[i])
        {
        case '\\':
          escape = "\\\\";
          break;
        case '\t':
          escape = "\\t";
          break;
        case '\n':
          escape = "\\n";
          break;
        case '\r':
          escape = "\\r";
          break;
        default:
          continue;
        }
      g_string_append_len (line, text + start, (gssize) (i - start));
      g_string_append (line, escape);
      start = i + 1;
    }
  g_string_append_len (line, text + start, (gssize) (size - start));
}

void
awards_db_pg_insert_value (AwardsDbInsert *insert,
                           AwardsDbType    type,
                           const char     *text,
                           gsize           size)
{
  static const char hex[] = "0123456789abcdef";

  if (insert->column++ > 0)
    g_string_append_c (insert->line, '\t');
  switch (type)
    {
    case AWARDS_DB_NULL:
      g_string_append (insert->line, "\\N");
      break;
    case AWARDS_DB_BLOB:
      /* bytea's hex form, its backslash escaped for COPY */
      g_string_append (insert->line, "\\\\x");
      for (gsize i = 0; i < size; i++)
        {
          g_string_append_c (insert->line, hex[((const guint8 *) text)[i] >> 4]);
          g_string_append_c (insert->line, hex[((const guint8 *) text)[i] & 0xf]);
        }
      break;
    default:
      append_escaped (insert->line, text, size);
      break;
    }
}

static gboolean
send_buffer (AwardsDbInsert  *insert,
             GError         **error)
{
  if (insert->buffer->len == 0)
    return TRUE;
  if (PQputCopyData (insert->db->pg, insert->buffer->str, (int) insert->buffer->len) != 1)
    {
      insert->failed = TRUE;
      set_pg_error (insert->db, NULL, error);
      return FALSE;
    }
  g_string_truncate (insert->buffer, 0);
  return TRUE;
}

gboolean
awards_db_pg_insert_end_row (AwardsDbInsert  *insert,
                             GError         **error)
{
  g_string_append_len (insert->buffer, insert->line->str, insert->line->len);
  g_string_append_c (insert->buffer, '\n');
  g_string_truncate (insert->line, 0);
  return insert->copy_sql != NULL || insert->buffer->len < COPY_BUFFER ||
         send_buffer (insert, error);
}

static void
free_buffers (AwardsDbInsert *insert)
{
  g_string_free (insert->line, TRUE);
  g_string_free (insert->buffer, TRUE);
  g_free (insert->copy_sql);
}

gboolean
awards_db_pg_insert_send (AwardsDbInsert  *insert,
                          GError         **error)
{
  if (insert->copy_sql == NULL || insert->buffer->len == 0)
    return TRUE;
  if (!start_copy (insert, insert->copy_sql, error))
    return FALSE;
  if (!send_buffer (insert, error))
    {
      end_copy (insert, TRUE, NULL);
      return FALSE;
    }
  return end_copy (insert, FALSE, error);
}

gboolean
awards_db_pg_insert_finish (AwardsDbInsert  *insert,
                            GError         **error)
{
  gboolean ok;

  if (insert->copy_sql != NULL)
    ok = awards_db_pg_insert_send (insert, error);
  else
    {
      ok = !insert->failed && send_buffer (insert, error);
      /* An insert given up (after an error elsewhere) ends the COPY with an error, writing
       * nothing. */
      ok = end_copy (insert, !ok, ok ? error : NULL) && ok;
    }
  free_buffers (insert);
  return ok;
}

void
awards_db_pg_insert_abandon (AwardsDbInsert *insert)
{
  if (insert->copy_sql == NULL)
    end_copy (insert, TRUE, NULL);
  free_buffers (insert);
}

gint64
awards_db_get_session_id (AwardsDb *db)
{
  return db->backend == AWARDS_DB_POSTGRESQL ? PQbackendPID (db->pg) : 0;
}

gboolean
awards_db_listen (AwardsDb    *db,
                  const char  *channel,
                  GError     **error)
{
  g_autofree char *quoted = NULL;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (db != NULL && channel != NULL, FALSE);

  if (db->backend != AWARDS_DB_POSTGRESQL)
    {
      g_set_error (error, AWARDS_DB_ERROR, AWARDS_DB_ERROR_FAILED,
                   "only a server database sends notifications");
      return FALSE;
    }
  quoted = PQescapeIdentifier (db->pg, channel, strlen (channel));
  sql = g_strdup_printf ("LISTEN %s", quoted);
  PQfreemem (g_steal_pointer (&quoted));
  return awards_db_pg_exec (db, sql, error);
}

typedef struct
{
  GSource             source;
  AwardsDb           *db;
  gpointer            fd_tag;
} NotificationSource;

static gboolean
notification_dispatch (GSource     *source,
                       GSourceFunc  callback,
                       gpointer     user_data)
{
  NotificationSource *self = (NotificationSource *) source;
  AwardsDbNotifyFunc func = (AwardsDbNotifyFunc) (gpointer) callback;
  PGnotify *notification;

  if (g_source_query_unix_fd (source, self->fd_tag) == 0)
    return G_SOURCE_CONTINUE;
  /* A connection the server closed stops the source rather than spinning on it, and the
   * listener is told (a %NULL channel), so that the program can say so. */
  if (PQconsumeInput (self->db->pg) == 0)
    {
      g_debug ("The connection to the database server was lost: %s",
               PQerrorMessage (self->db->pg));
      if (func != NULL)
        func (NULL, NULL, 0, user_data);
      return G_SOURCE_REMOVE;
    }
  while ((notification = PQnotifies (self->db->pg)) != NULL)
    {
      if (func != NULL)
        func (notification->relname, notification->extra, notification->be_pid, user_data);
      PQfreemem (notification);
    }
  return G_SOURCE_CONTINUE;
}

static GSourceFuncs notification_funcs = {
  NULL, NULL, notification_dispatch, NULL, NULL, NULL,
};

GSource *
awards_db_notification_source_new (AwardsDb           *db,
                                   AwardsDbNotifyFunc  func,
                                   gpointer            user_data,
                                   GDestroyNotify      destroy)
{
  NotificationSource *self;
  GSource *source;

  g_return_val_if_fail (db != NULL && db->backend == AWARDS_DB_POSTGRESQL, NULL);

  source = g_source_new (&notification_funcs, sizeof (NotificationSource));
  self = (NotificationSource *) source;
  self->db = db;
  self->fd_tag = g_source_add_unix_fd (source, PQsocket (db->pg), G_IO_IN | G_IO_ERR | G_IO_HUP);
  g_source_set_callback (source, (GSourceFunc) (gpointer) func, user_data, destroy);
  g_source_set_static_name (source, "AwardsDb notifications");
  return source;
}
