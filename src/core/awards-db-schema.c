/* awards-db-schema.c: what a database is, and making one, on either backend
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "awards-db-schema.h"
#include "awards-schema-pg.h"
#include "awards-schema.h"
#include "awards-store.h"

static gboolean
query_int64 (AwardsDb    *db,
             const char  *sql,
             gint64      *value,
             GError     **error)
{
  g_autoptr(AwardsDbStmt) stmt = awards_db_prepare (db, sql, error);
  GError *local_error = NULL;

  if (stmt == NULL)
    return FALSE;
  if (!awards_db_stmt_step (stmt, &local_error))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      *value = 0;
      return TRUE;
    }
  *value = awards_db_stmt_column_int64 (stmt, 0);
  return TRUE;
}

static gboolean
read_version_sqlite (AwardsDb    *db,
                     int         *version,
                     GError     **error)
{
  gint64 application_id = 0;
  gint64 user_version = 0;
  gint64 n_tables = 0;

  if (!query_int64 (db, "PRAGMA application_id", &application_id, error) ||
      !query_int64 (db, "PRAGMA user_version", &user_version, error) ||
      !query_int64 (db, "SELECT count(*) FROM sqlite_master", &n_tables, error))
    return FALSE;
  if ((application_id != 0 && application_id != AWARDS_APPLICATION_ID) ||
      (application_id == 0 && n_tables > 0))
    {
      g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is an SQLite database of another program, not a Coop Awards database."),
                   awards_db_get_name (db));
      return FALSE;
    }
  *version = (int) user_version;
  return TRUE;
}

static gboolean
read_version_pg (AwardsDb    *db,
                 int         *version,
                 GError     **error)
{
  g_autofree char *display = awards_db_name_for_display (awards_db_get_name (db));
  g_autoptr(AwardsDbStmt) meta = NULL;
  g_autofree char *application = NULL;
  gint64 has_meta = 0;
  gint64 n_tables = 0;
  gint64 schema_version = -1;
  gint64 may_read = 0;

  if (!query_int64 (db, "SELECT count(*) FROM pg_catalog.pg_tables"
                        " WHERE schemaname = current_schema () AND tablename = 'awards_meta'",
                    &has_meta, error) ||
      /* Tables, views, sequences and foreign tables: any of them is another program's. */
      !query_int64 (db, "SELECT count(*) FROM pg_catalog.pg_class"
                        " WHERE relnamespace = current_schema ()::regnamespace"
                        " AND relkind IN ('r', 'p', 'v', 'm', 'S', 'f')", &n_tables, error))
    return FALSE;
  if (!has_meta)
    {
      if (n_tables > 0)
        {
          g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_NOT_A_DATABASE,
                       _("The server database “%s” holds the tables of another program, not a "
                         "Coop Awards database."), display);
          return FALSE;
        }
      *version = 0;
      return TRUE;
    }

  /* A login that is in neither of the office's groups yet may connect but read nothing: say
   * that, rather than the server's "permission denied for table awards_meta". */
  if (!query_int64 (db, "SELECT has_table_privilege ('awards_meta', 'SELECT')::int",
                    &may_read, error))
    return FALSE;
  if (!may_read)
    {
      gint64 in_group = 0;

      /* In a group already: the database (a copy, say, made after the groups were given their
       * rights on another) has not given the groups theirs. */
      if (!query_int64 (db, "SELECT EXISTS (SELECT FROM pg_catalog.pg_roles"
                            " WHERE rolname IN ('coop_awards_clerks', 'coop_awards_readers')"
                            " AND pg_has_role (current_user, oid, 'MEMBER'))::int",
                        &in_group, error))
        return FALSE;
      if (in_group)
        g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_READ_ONLY,
                     _("This database user is in the office's group of the clerks or the "
                       "readers, but the office database “%s” does not give that group its "
                       "rights yet: the database's owner must run office-roles.sql on it, as "
                       "on every new or copied office database."), display);
      else
        g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_READ_ONLY,
                     _("This database user may not read the office database “%s”: the "
                       "database's owner must first put it in the office's group of the "
                       "clerks or the readers."), display);
      return FALSE;
    }

  meta = awards_db_prepare (db, "SELECT key, value FROM awards_meta", error);
  if (meta == NULL)
    return FALSE;
  while (awards_db_stmt_step (meta, error))
    {
      const char *key = awards_db_stmt_column_text (meta, 0);
      const char *value = awards_db_stmt_column_text (meta, 1);

      if (g_strcmp0 (key, "application") == 0)
        {
          g_free (application);
          application = g_strdup (value);
        }
      else if (g_strcmp0 (key, "schema_version") == 0 && value != NULL)
        schema_version = g_ascii_strtoll (value, NULL, 10);
    }
  if (error != NULL && *error != NULL)
    return FALSE;
  if (g_strcmp0 (application, "coop-awards") != 0)
    {
      g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_NOT_A_DATABASE,
                   _("The server database “%s” belongs to another program, not Coop Awards."),
                   display);
      return FALSE;
    }
  if (schema_version <= 0 || schema_version > G_MAXINT)
    {
      g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_NOT_A_DATABASE,
                   _("The server database “%s” is damaged: its database version is not one "
                     "Coop Awards ever wrote. Nothing was changed."), display);
      return FALSE;
    }
  *version = (int) schema_version;
  return TRUE;
}

gboolean
awards_db_read_version (AwardsDb  *db,
                        int       *version,
                        GError   **error)
{
  g_return_val_if_fail (db != NULL && version != NULL, FALSE);

  if (awards_db_get_backend (db) == AWARDS_DB_SQLITE)
    return read_version_sqlite (db, version, error);
  return read_version_pg (db, version, error);
}

gboolean
awards_db_check_current (AwardsDb  *db,
                         GError   **error)
{
  g_autofree char *display = awards_db_name_for_display (awards_db_get_name (db));
  int version = 0;

  if (!awards_db_read_version (db, &version, error))
    return FALSE;
  if (version == 0 && awards_db_get_backend (db) == AWARDS_DB_POSTGRESQL)
    {
      g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is empty, not a Coop Awards database yet: its owner sets it up with "
                     "“coop-awards-cli init-server”."), display);
      return FALSE;
    }
  if (version == 0)
    {
      g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is empty, not a Coop Awards database."), display);
      return FALSE;
    }
  if (version > AWARDS_SCHEMA_VERSION)
    {
      g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Coop Awards (database version %d; "
                     "this version knows up to %d). Update Coop Awards to open it; the "
                     "database was left untouched."), display, version, AWARDS_SCHEMA_VERSION);
      return FALSE;
    }
  if (version < AWARDS_SCHEMA_VERSION)
    {
      g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_READ_ONLY,
                   _("“%s” was written by an older version of Coop Awards and must be brought "
                     "up to date first: open it once with Coop Awards for a change."), display);
      return FALSE;
    }
  return TRUE;
}

gboolean
awards_db_create_schema (AwardsDb  *db,
                         GError   **error)
{
  g_return_val_if_fail (db != NULL, FALSE);

  if (awards_db_get_backend (db) == AWARDS_DB_SQLITE)
    return awards_schema_migrate (awards_db_get_handle (db), 0, error);
  return awards_db_exec (db, awards_schema_pg_sql (), error);
}

/* A login that is not the database's owner may not make its tables, nor the extension they
 * need: the server's "permission denied to create extension" becomes a sentence saying who may. */
void
awards_server_setup_error (GError     **error,
                           GError      *failure,
                           const char  *display)
{
  if (g_error_matches (failure, AWARDS_DB_ERROR, AWARDS_DB_ERROR_READ_ONLY))
    {
      g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_READ_ONLY,
                   _("Only the owner of “%s” may set it up as a Coop Awards database: run this "
                     "again as the database's owner (%s)."), display, failure->message);
      g_error_free (failure);
      return;
    }
  g_propagate_error (error, failure);
}

/* Whether a new office database may be made in the database @db is connected to: its text must
 * be UTF-8 (Vietnamese does not fit in another encoding), and the login must be the database's
 * owner, or the tables would be another user's and the owner could not give the clerks their
 * rights (data/server/office-roles.sql). */
static gboolean
may_create_here (AwardsDb    *db,
                 const char  *display,
                 GError     **error)
{
  g_autoptr(AwardsDbStmt) stmt = NULL;
  g_autofree char *encoding = NULL;
  g_autofree char *owner = NULL;
  gboolean is_owner = FALSE;

  stmt = awards_db_prepare (db, "SELECT getdatabaseencoding (), pg_get_userbyid (datdba),"
                                " pg_get_userbyid (datdba) = current_user"
                                " FROM pg_catalog.pg_database"
                                " WHERE datname = current_database ()", error);
  if (stmt == NULL)
    return FALSE;
  if (!awards_db_stmt_step (stmt, error))
    return error == NULL || *error == NULL;
  encoding = g_strdup (awards_db_stmt_column_text (stmt, 0));
  owner = g_strdup (awards_db_stmt_column_text (stmt, 1));
  is_owner = g_strcmp0 (awards_db_stmt_column_text (stmt, 2), "t") == 0;
  if (g_strcmp0 (encoding, "UTF8") != 0)
    {
      g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_INVALID,
                   _("The server database “%s” keeps its text in the %s encoding, which cannot "
                     "hold Vietnamese. Create it again in UTF-8 (createdb --encoding=UTF8 "
                     "--template=template0 …) and run init-server on that one."),
                   display, encoding != NULL ? encoding : "?");
      return FALSE;
    }
  if (!is_owner)
    {
      g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_READ_ONLY,
                   _("Only the owner of “%s” may set it up as a Coop Awards database: run this "
                     "again as the database's owner (%s)."), display, owner != NULL ? owner : "?");
      return FALSE;
    }
  return TRUE;
}

gboolean
awards_server_init (const char  *name,
                    gboolean    *created,
                    gboolean    *updated,
                    GError     **error)
{
  g_autoptr(AwardsDb) db = NULL;
  g_autofree char *display = NULL;
  int version = 0;

  g_return_val_if_fail (name != NULL, FALSE);

  *created = FALSE;
  if (updated != NULL)
    *updated = FALSE;
  display = awards_db_name_for_display (name);
  if (!awards_db_name_is_server (name))
    {
      g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_INVALID,
                   _("“%s” is not the address of a database server (postgresql://…)."), display);
      return FALSE;
    }
  db = awards_db_open (name, 0, error);
  if (db == NULL)
    return FALSE;

  /* Two clerks setting up the same database at once: the second waits for the first and then
   * finds its work done. */
  if (!awards_db_exec (db, "BEGIN; " AWARDS_DB_SETUP_LOCK_SQL, error))
    return FALSE;
  if (!awards_db_read_version (db, &version, error))
    {
      awards_db_rollback (db);
      return FALSE;
    }
  if (version == 0)
    {
      GError *failure = NULL;

      if (!may_create_here (db, display, error))
        {
          awards_db_rollback (db);
          return FALSE;
        }
      if (!awards_db_create_schema (db, &failure) || !awards_db_commit (db, &failure))
        {
          awards_db_rollback (db);
          awards_server_setup_error (error, failure, display);
          return FALSE;
        }
      *created = TRUE;
      return TRUE;
    }
  /* Already made: this version's is left as it is, but for the recording of changes, which
   * databases made by the first server version lack; a newer (or older) one is refused. */
  if (version == AWARDS_SCHEMA_VERSION &&
      (!awards_db_has_capture (db) || !awards_db_has_counts (db) ||
       !awards_db_has_statement_triggers (db)))
    {
      GError *failure = NULL;

      if (!awards_db_exec (db, awards_schema_pg_capture_sql (), &failure) ||
          !awards_db_exec (db, awards_schema_pg_counts_sql (), &failure) ||
          !awards_db_exec (db, awards_schema_pg_statement_triggers_sql (), &failure) ||
          !awards_db_commit (db, &failure))
        {
          awards_db_rollback (db);
          awards_server_setup_error (error, failure, display);
          return FALSE;
        }
      if (updated != NULL)
        *updated = TRUE;
      return TRUE;
    }
  awards_db_rollback (db);
  return awards_db_check_current (db, error);
}

/**
 * awards_db_has_counts:
 *
 * Whether a server database keeps the counts of its rows (awards_schema_pg_counts_sql ()).
 */
gboolean
awards_db_has_counts (AwardsDb *db)
{
  gint64 present = 0;

  return query_int64 (db, "SELECT count(*) FROM pg_catalog.pg_trigger"
                          " WHERE tgname = 'person_count_insert'", &present, NULL) &&
         present > 0;
}

/**
 * awards_db_has_statement_triggers:
 *
 * Whether a server database checks an import's new rows once per statement
 * (awards_schema_pg_statement_triggers_sql ()) rather than row by row, as databases made
 * before do until init-server is run again. Both are correct; the row triggers are slower.
 */
gboolean
awards_db_has_statement_triggers (AwardsDb *db)
{
  gint64 present = 0;

  /* Bit 0 of tgtype is TRIGGER_TYPE_ROW. The guard came later (awards-schema-pg.c). */
  return query_int64 (db, "SELECT count(*) FROM pg_catalog.pg_trigger"
                          " WHERE tgname = 'commendation_eligibility_insert'"
                          " AND tgtype & 1 = 0"
                          " AND to_regclass ('awards_reference_guard') IS NOT NULL",
                      &present, NULL) &&
         present > 0;
}

/**
 * awards_db_has_capture:
 *
 * Whether a server database records the rows its commands change (the history of changes and
 * undo need it): databases made before that was added do not, until init-server is run again.
 */
gboolean
awards_db_has_capture (AwardsDb *db)
{
  gint64 present = 0;

  return query_int64 (db, "SELECT count(*) FROM pg_catalog.pg_trigger"
                          " WHERE tgname = 'commendation_capture'", &present, NULL) &&
         present > 0;
}
