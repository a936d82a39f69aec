/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "awards-audit-private.h"
#include "awards-db-private.h"
#include "awards-import-undo.h"
#include "awards-schema-pg.h"
#include "awards-store-private.h"

/*
 * Undo of an import of any size without holding its rows in memory (issue 8). The import notes
 * the first free id of every table it may add to when it begins, and the last id when it ends;
 * the audit entry keeps those ranges (after = {"created": {table: [first, last]}}). Undo deletes
 * the ranges in one transaction, but only when every row is still as the import left it and
 * nothing outside the import has come to depend on it: otherwise the undo would take away, or
 * change, what someone did since. Rows the import only reused (an organisation that existed)
 * lie outside the ranges and stay.
 *
 * The same on a server, whose writers take one lock in turn (awards_store_begin_immediate ()):
 * the ids an import takes from the tables' sequences follow one another too. Everything here
 * runs on AwardsDb; only the schema's own description (columns, references) is asked each
 * backend in its own words.
 */

/* In the order of deletion: rows that refer to others go first, as in awards-command.c. */
static const struct
{
  const char *table;
  const char *name_sql;    /* the name a refusal gives a row of it */
} import_tables[] = {
  { "commendation", "SELECT recipient_name FROM commendation WHERE id = ?" },
  { "person", "SELECT full_name FROM person WHERE id = ?" },
  { "organisation_name", "SELECT name FROM organisation_name WHERE id = ?" },
  { "decision", "SELECT coalesce (number, date) FROM decision WHERE id = ?" },
  { "organisation", "SELECT name FROM organisation WHERE id = ?" },
  { "award_type", "SELECT name FROM award_type WHERE id = ?" },
  { "authority", "SELECT name FROM authority WHERE id = ?" },
};

#define N_IMPORT_TABLES G_N_ELEMENTS (import_tables)

struct _AwardsImportRanges
{
  gint64 first[N_IMPORT_TABLES];   /* the first id the import could take */
  gint64 last[N_IMPORT_TABLES];    /* the last it took; first - 1 when none */
  gint64 entry_id;                 /* the import's row in audit_log */
};

/* Failures are kept on the connection (awards_db_get_last_error ()) for set_read_error (). */
static AwardsDbStmt *
prepare (AwardsDb   *db,
         const char *sql)
{
  g_autoptr(GError) local_error = NULL;
  AwardsDbStmt *stmt = awards_db_prepare (db, sql, &local_error);

  if (stmt == NULL)
    {
      g_clear_error (&db->last_error);
      db->last_error = g_steal_pointer (&local_error);
    }
  return stmt;
}

/* @n_params of @a, @b and @c are bound, as ?1, ?2 and ?3. */
static gint64
query_int (AwardsDb   *db,
           const char *sql,
           int         n_params,
           gint64      a,
           gint64      b,
           gint64      c,
           gboolean   *ok)
{
  g_autoptr(AwardsDbStmt) stmt = prepare (db, sql);
  AwardsDbStep step = AWARDS_DB_FAILED;
  gint64 value = 0;

  if (stmt != NULL)
    {
      for (int i = 1; i <= n_params; i++)
        awards_db_stmt_bind_int64 (stmt, i, i == 1 ? a : i == 2 ? b : c);
      step = awards_db_stmt_next (stmt);
      if (step == AWARDS_DB_ROW)
        value = awards_db_stmt_column_int64 (stmt, 0);
    }
  if (step == AWARDS_DB_FAILED)
    *ok = FALSE;
  return value;
}

static gboolean
read_max_ids (AwardsDb *db,
              gint64   *ids)
{
  gboolean ok = TRUE;

  for (guint i = 0; i < N_IMPORT_TABLES; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT coalesce (max (id), 0) FROM %s",
                                              import_tables[i].table);

      ids[i] = query_int (db, sql, 0, 0, 0, 0, &ok);
    }
  return ok;
}

/**
 * awards_import_ranges_begin:
 * @db: the store's connection (a file's or a server's), inside the import's write transaction,
 *   before it wrote anything
 *
 * Returns: (transfer full) (nullable): the ranges, open; %NULL when the database cannot be read
 */
AwardsImportRanges *
awards_import_ranges_begin (AwardsDb *db)
{
  g_autoptr(AwardsImportRanges) self = g_new0 (AwardsImportRanges, 1);

  if (!awards_import_ranges_restart (self, db))
    return NULL;
  return g_steal_pointer (&self);
}

/* Starts the ranges again: the import ended its transaction before writing and began another,
 * between which someone else may have written. */
gboolean
awards_import_ranges_restart (AwardsImportRanges *self,
                              AwardsDb           *db)
{
  if (!read_max_ids (db, self->first))
    return FALSE;
  for (guint i = 0; i < N_IMPORT_TABLES; i++)
    {
      self->last[i] = self->first[i];
      self->first[i]++;
    }
  return TRUE;
}

/* Notes where the import ended, still inside its transaction. A server's ids come from
 * sequences, which do not give back the ids of a transaction rolled back: the import's first
 * row may lie past the first free id, and the range then starts at it. (A file's rowids follow
 * the last row: there the first row is the first free id.) */
gboolean
awards_import_ranges_close (AwardsImportRanges *self,
                            AwardsDb           *db)
{
  gboolean ok = TRUE;

  for (guint i = 0; i < N_IMPORT_TABLES && ok; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT coalesce (min (id), ?1) FROM %s"
                                              " WHERE id >= ?1", import_tables[i].table);

      self->first[i] = query_int (db, sql, 1, self->first[i], 0, 0, &ok);
    }
  return ok && read_max_ids (db, self->last);
}

/* {"created": {"commendation": [first, last], …}}, the tables the import added to. */
char *
awards_import_ranges_to_json (const AwardsImportRanges *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "created");
  json_builder_begin_object (builder);
  for (guint i = 0; i < N_IMPORT_TABLES; i++)
    {
      if (self->last[i] < self->first[i])
        continue;
      json_builder_set_member_name (builder, import_tables[i].table);
      json_builder_begin_array (builder);
      json_builder_add_int_value (builder, self->first[i]);
      json_builder_add_int_value (builder, self->last[i]);
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* Notes the import's own audit entry, just written: what the log says after it is what
 * happened since. */
gboolean
awards_import_ranges_note_entry (AwardsImportRanges *self,
                                 AwardsDb           *db)
{
  gboolean ok = TRUE;

  self->entry_id = query_int (db, "SELECT coalesce (max (id), 0) FROM audit_log"
                                  " WHERE command_id IS NULL", 0, 0, 0, 0, &ok);
  return ok;
}

static char *
row_name (AwardsDb *db,
          guint     table,
          gint64    id)
{
  g_autoptr(AwardsDbStmt) stmt = prepare (db, import_tables[table].name_sql);
  char *name = NULL;

  if (stmt != NULL)
    {
      awards_db_stmt_bind_int64 (stmt, 1, id);
      if (awards_db_stmt_next (stmt) == AWARDS_DB_ROW &&
          awards_db_stmt_column_text (stmt, 0) != NULL)
        name = g_strdup (awards_db_stmt_column_text (stmt, 0));
    }
  return name != NULL ? name : g_strdup_printf ("%s %" G_GINT64_FORMAT,
                                                import_tables[table].table, id);
}

/* The last failure's message (a file's is SQLite's own, as before). */
static const char *
last_message (AwardsDb *db)
{
  const GError *failure = awards_db_get_last_error (db);

  if (db->backend == AWARDS_DB_SQLITE)
    return sqlite3_errmsg (db->lite);
  return failure != NULL ? failure->message : "?";
}

static void
set_read_error (AwardsDb  *db,
                GError   **error)
{
  g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_FAILED, "%s (%s)",
               _("Could not read the database"), last_message (db));
}

static gboolean
table_has_column (AwardsDb   *db,
                  const char *table,
                  const char *column)
{
  gboolean ok = TRUE;
  g_autofree char *sql = NULL;

  if (db->backend == AWARDS_DB_SQLITE)
    sql = g_strdup_printf ("SELECT count (*) FROM pragma_table_info ('%s') WHERE name = '%s'",
                           table, column);
  else
    sql = g_strdup_printf ("SELECT count (*) FROM information_schema.columns"
                           " WHERE table_schema = current_schema () AND table_name = '%s'"
                           " AND column_name = '%s'", table, column);

  return query_int (db, sql, 0, 0, 0, 0, &ok) > 0;
}

/* The index of @table among the import's tables, or -1. */
static int
import_table_index (const char *table)
{
  for (guint i = 0; i < N_IMPORT_TABLES; i++)
    if (g_strcmp0 (import_tables[i].table, table) == 0)
      return (int) i;
  return -1;
}

/*
 * The first row of the import that was changed or deleted since, or whose id was given again.
 * A record with a time of change (updated_at) is edited until every edit of it was undone: the
 * undo of an edit writes the time back, while row_version, which an undo raises too, would keep
 * the import blocked after the user did as told. Deleted, created, merged records and the edits
 * of records without that time are found in the later entries of the log, and rows deleted
 * behind the program's back by their number. Sets *changed to the table and *changed_id to the
 * row (0 when rows are missing).
 */
static gboolean
find_changed (const AwardsImportRanges  *self,
              AwardsDb                  *db,
              int                       *changed,
              gint64                    *changed_id,
              GError                   **error)
{
  gboolean ok = TRUE;

  *changed = -1;
  *changed_id = 0;
  for (guint i = 0; i < N_IMPORT_TABLES && *changed < 0; i++)
    {
      const char *kind = awards_audit_kind_of_table (import_tables[i].table);
      gboolean stamped;
      gint64 id;

      if (self->last[i] < self->first[i])
        continue;
      stamped = table_has_column (db, import_tables[i].table, "updated_at");

      id = 0;
      if (kind != NULL)
        {
          g_autofree char *sql = g_strdup_printf ("SELECT record_id FROM audit_log"
                                                  " WHERE kind = '%s' AND record_id"
                                                  " BETWEEN ?2 AND ?3 AND id > ?1"
                                                  " AND action NOT IN ('undo', 'redo'%s)"
                                                  " ORDER BY id LIMIT 1", kind,
                                                  stamped ? ", 'edit'" : "");

          id = query_int (db, sql, 3, self->entry_id, self->first[i], self->last[i], &ok);
        }
      if (id == 0 && stamped)
        {
          g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE id BETWEEN ?1 AND ?2"
                                                  " AND updated_at IS NOT NULL LIMIT 1",
                                                  import_tables[i].table);

          id = query_int (db, sql, 2, self->first[i], self->last[i], 0, &ok);
        }
      if (id == 0)
        {
          g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM %s"
                                                  " WHERE id BETWEEN ?1 AND ?2",
                                                  import_tables[i].table);

          if (query_int (db, sql, 2, self->first[i], self->last[i], 0, &ok) !=
              self->last[i] - self->first[i] + 1)
            *changed = (int) i;
        }
      else
        {
          *changed = (int) i;
          *changed_id = id;
        }
    }
  if (!ok)
    set_read_error (db, error);
  return ok;
}

/* The first id in [@first, @last] that @column of @child refers to from a row outside
 * [@own_first, @own_last]; 0 when none, -1 on error. */
static gint64
find_referring (AwardsDb   *db,
                const char *child,
                const char *column,
                gint64      first,
                gint64      last,
                gint64      own_first,
                gint64      own_last)
{
  /* Every table that refers to another has an id (SQLite's rowid), on both backends. */
  g_autofree char *sql = g_strdup_printf ("SELECT \"%s\" FROM \"%s\" WHERE \"%s\""
                                          " BETWEEN ?1 AND ?2 AND NOT (id BETWEEN ?3 AND ?4)"
                                          " LIMIT 1", column, child, column);
  g_autoptr(AwardsDbStmt) stmt = prepare (db, sql);
  AwardsDbStep step;

  if (stmt == NULL)
    return -1;
  awards_db_stmt_bind_int64 (stmt, 1, first);
  awards_db_stmt_bind_int64 (stmt, 2, last);
  awards_db_stmt_bind_int64 (stmt, 3, own_first);
  awards_db_stmt_bind_int64 (stmt, 4, own_last);
  step = awards_db_stmt_next (stmt);
  if (step == AWARDS_DB_ROW)
    return awards_db_stmt_column_int64 (stmt, 0);
  return step == AWARDS_DB_DONE ? 0 : -1;
}

/*
 * The first row of the import that a row outside it refers to (an award added since to an
 * imported decision, a person moved into an imported cooperative). Every reference the schema
 * declares is looked at, in every table, so that a table added later is not overlooked.
 */
static gboolean
find_referenced (const AwardsImportRanges  *self,
                 AwardsDb                  *db,
                 int                       *referenced,
                 gint64                    *referenced_id,
                 GError                   **error)
{
  g_autoptr(AwardsDbStmt) stmt = NULL;
  gboolean ok = TRUE;
  AwardsDbStep step = AWARDS_DB_FAILED;

  *referenced = -1;
  *referenced_id = 0;
  /* Each reference as (table, column, table referred to); a server's are single columns too. */
  if (db->backend == AWARDS_DB_SQLITE)
    stmt = prepare (db, "SELECT m.name, f.\"from\", f.\"table\" FROM sqlite_schema m,"
                        " pragma_foreign_key_list (m.name) f WHERE m.type = 'table'"
                        " ORDER BY m.name, f.id");
  else
    {
      /* The foreign keys, and the references that triggers check instead. */
      g_autoptr(GString) sql =
        g_string_new ("SELECT child.relname::text, a.attname::text, parent.relname::text"
                      " FROM pg_catalog.pg_constraint c"
                      " JOIN pg_catalog.pg_class child ON child.oid = c.conrelid"
                      " JOIN pg_catalog.pg_class parent ON parent.oid = c.confrelid"
                      " JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid"
                      "  AND a.attnum = c.conkey[1]"
                      " WHERE c.contype = 'f'"
                      "  AND child.relnamespace = current_schema ()::regnamespace");

      for (const AwardsSchemaPgReference *r = awards_schema_pg_checked_references ();
           r->child != NULL; r++)
        g_string_append_printf (sql, " UNION ALL SELECT '%s', '%s', '%s'",
                                r->child, r->column, r->parent);
      g_string_append (sql, " ORDER BY 1, 2");
      stmt = prepare (db, sql->str);
    }
  while (stmt != NULL)
    {
      const char *child;
      const char *column;
      int parent;
      int own;
      gint64 id;

      if ((step = awards_db_stmt_next (stmt)) != AWARDS_DB_ROW)
        break;
      child = awards_db_stmt_column_text (stmt, 0);
      column = awards_db_stmt_column_text (stmt, 1);
      parent = import_table_index (awards_db_stmt_column_text (stmt, 2));
      own = import_table_index (child);
      if (parent < 0 || self->last[parent] < self->first[parent])
        continue;
      /* A row of the import referring to another of its rows goes with it. */
      id = find_referring (db, child, column, self->first[parent], self->last[parent],
                           own >= 0 ? self->first[own] : 1, own >= 0 ? self->last[own] : 0);
      if (id < 0)
        {
          ok = FALSE;
          break;
        }
      if (id > 0)
        {
          *referenced = parent;
          *referenced_id = id;
          break;
        }
    }
  if (step == AWARDS_DB_FAILED)
    ok = FALSE;
  if (!ok)
    set_read_error (db, error);
  return ok;
}

/**
 * awards_import_ranges_undo:
 * @db: the store's connection, inside the undo's write transaction
 * @label: what is undone, e.g. Import “tong-ket-2011.csv”
 *
 * Deletes the rows of the import, or nothing with %AWARDS_STORE_ERROR_CONSTRAINT and a sentence
 * that names the row changed or used since. The caller commits or rolls back.
 */
gboolean
awards_import_ranges_undo (const AwardsImportRanges  *self,
                           AwardsDb                  *db,
                           const char                *label,
                           GError                   **error)
{
  int table;
  gint64 id;

  g_return_val_if_fail (self != NULL && db != NULL, FALSE);

  if (!find_changed (self, db, &table, &id, error))
    return FALSE;
  if (table >= 0 && id == 0)
    {
      g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_CONSTRAINT,
                   _("%s cannot be undone: some of the records it added are no longer in the "
                     "database."), label);
      return FALSE;
    }
  if (table >= 0)
    {
      g_autofree char *name = row_name (db, table, id);

      g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_CONSTRAINT,
                   _("%s cannot be undone: “%s”, which it added, was changed after it; undo "
                     "that change first."), label, name);
      return FALSE;
    }
  if (!find_referenced (self, db, &table, &id, error))
    return FALSE;
  if (table >= 0)
    {
      g_autofree char *name = row_name (db, table, id);

      g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_CONSTRAINT,
                   _("%s cannot be undone: “%s”, which it added, is used by a record added or "
                     "changed after it; undo that first."), label, name);
      return FALSE;
    }

  for (guint i = 0; i < N_IMPORT_TABLES; i++)
    {
      g_autofree char *sql = NULL;
      g_autoptr(AwardsDbStmt) stmt = NULL;
      AwardsDbStep step = AWARDS_DB_FAILED;

      if (self->last[i] < self->first[i])
        continue;
      sql = g_strdup_printf ("DELETE FROM %s WHERE id BETWEEN ?1 AND ?2", import_tables[i].table);
      stmt = prepare (db, sql);
      if (stmt != NULL)
        {
          awards_db_stmt_bind_int64 (stmt, 1, self->first[i]);
          awards_db_stmt_bind_int64 (stmt, 2, self->last[i]);
          step = awards_db_stmt_next (stmt);
        }
      if (step != AWARDS_DB_DONE)
        {
          g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_FAILED, "%s (%s)",
                       _("Could not undo the change"), last_message (db));
          return FALSE;
        }
    }
  return TRUE;
}

void
awards_import_ranges_free (AwardsImportRanges *self)
{
  g_free (self);
}

