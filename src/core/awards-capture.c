/* awards-capture.c: the rows a command changed on a server database, and putting them back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "awards-audit-private.h"
#include "awards-capture.h"
#include "awards-schema-pg.h"
#include "awards-store-private.h"

/*
 * On a server the schema's capture triggers (awards-schema-pg.c) write each changed row's
 * images into the session's table awards_changes while the write transaction has
 * awards.capture on. A command takes them at its end: the audit log is written from them, and
 * they are what undo and redo put back, as SQLite's changesets are on a file.
 *
 * Putting back goes in the order the references allow (awards_capture_apply_inverse ()), not
 * the order the triggers saw, which puts what a reference's action changed after its cause.
 * Each row is checked before it is written: the row in the database must still be as the
 * command left it, apart from the stamps every write changes. A row already as it is to become
 * is left alone (a trigger put it there first); anything else is a change made since by
 * somebody else, and the step stops without writing.
 */

#define WITHOUT_STAMPS(image) "(" image " - 'row_version' - 'updated_at')"

void
awards_captured_row_free (AwardsCapturedRow *row)
{
  if (row == NULL)
    return;
  g_free (row->table);
  g_free (row->op);
  g_free (row->old_row);
  g_free (row->new_row);
  g_free (row);
}

/* Turns the recording of rows on or off for the rest of the write transaction. */
gboolean
awards_capture_set (AwardsStore *store,
                    gboolean     on)
{
  return awards_store_exec (store, on ? "SET LOCAL awards.capture = 'on'"
                                      : "SET LOCAL awards.capture = 'off'", NULL);
}

/**
 * awards_capture_take:
 *
 * The rows recorded since the last call in this transaction, oldest first, and empties the
 * session's table.
 *
 * Returns: (transfer full) (element-type AwardsCapturedRow): the rows, or %NULL on error
 */
GPtrArray *
awards_capture_take (AwardsStore  *store,
                     GError      **error)
{
  g_autoptr(GPtrArray) rows =
    g_ptr_array_new_with_free_func ((GDestroyNotify) awards_captured_row_free);
  AwardsDbStmt *stmt;
  AwardsDbStep step;

  stmt = awards_store_statement (store,
                                 "SELECT tbl, op, old_row::text, new_row::text"
                                 " FROM pg_temp.awards_changes ORDER BY seq", error);
  if (stmt == NULL)
    return NULL;
  while ((step = awards_db_stmt_next (stmt)) == AWARDS_DB_ROW)
    {
      AwardsCapturedRow *row = g_new0 (AwardsCapturedRow, 1);

      row->table = g_strdup (awards_db_stmt_column_text (stmt, 0));
      row->op = g_strdup (awards_db_stmt_column_text (stmt, 1));
      row->old_row = g_strdup (awards_db_stmt_column_text (stmt, 2));
      row->new_row = g_strdup (awards_db_stmt_column_text (stmt, 3));
      g_ptr_array_add (rows, row);
    }
  awards_db_stmt_reset (stmt);
  if (step == AWARDS_DB_FAILED)
    {
      awards_store_set_error (store, error, _("Could not read the database"));
      return NULL;
    }
  stmt = awards_store_statement (store, "DELETE FROM pg_temp.awards_changes", error);
  if (stmt == NULL ||
      !awards_store_run (store, stmt, _("Could not read the database"), error))
    return NULL;
  return g_steal_pointer (&rows);
}

/**
 * awards_capture_table_columns:
 *
 * Returns: (transfer full): the columns of @table on the server, in their order
 */
char **
awards_capture_table_columns (AwardsStore *store,
                              const char  *table)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  AwardsDbStmt *stmt;

  stmt = awards_store_statement (store,
                                 "SELECT column_name::text FROM information_schema.columns"
                                 " WHERE table_schema = current_schema () AND table_name = ?1"
                                 " ORDER BY ordinal_position", NULL);
  if (stmt != NULL)
    {
      awards_db_stmt_bind_text (stmt, 1, table);
      while (awards_db_stmt_next (stmt) == AWARDS_DB_ROW)
        g_ptr_array_add (names, g_strdup (awards_db_stmt_column_text (stmt, 0)));
      awards_db_stmt_reset (stmt);
    }
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

/**
 * awards_capture_parse_image:
 * @text: (nullable): a row image as the server wrote it (jsonb text)
 *
 * Returns: (transfer full) (nullable): its object, or %NULL when there is none or it is not one
 */
JsonObject *
awards_capture_parse_image (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (text == NULL || !json_parser_load_from_data (parser, text, -1, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  return JSON_NODE_HOLDS_OBJECT (root) ? json_object_ref (json_node_get_object (root)) : NULL;
}

static gboolean
is_stamp (const char *column)
{
  return g_str_equal (column, "row_version") || g_str_equal (column, "updated_at");
}

/*
 * An update is put back as SQLite's session puts one back: only the columns it changed are
 * written, and only they are checked, so that another clerk's change to other fields of the same
 * record since is kept rather than refused. Builds "a = r.a, b = r.b" (row_version is raised by
 * the table's trigger, so that an editor still holding the version it read before sees that the
 * record changed) and "(to_jsonb (x) -> 'a') = (?N::jsonb -> 'a') AND …" for the changed columns
 * other than the stamps.
 */
static gboolean
changed_columns (const char  *old_row,
                 const char  *new_row,
                 char       **set,
                 char       **same_as_new,
                 char       **same_as_old)
{
  g_autoptr(JsonObject) before = awards_capture_parse_image (old_row);
  g_autoptr(JsonObject) after = awards_capture_parse_image (new_row);
  g_autoptr(GString) assignments = g_string_new (NULL);
  g_autoptr(GString) as_new = g_string_new ("TRUE");
  g_autoptr(GString) as_old = g_string_new ("TRUE");
  g_autoptr(GList) members = NULL;

  if (before == NULL || after == NULL)
    return FALSE;
  members = json_object_get_members (after);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *column = l->data;
      JsonNode *old_value = json_object_get_member (before, column);

      /* Column names come from the server's own images; anything else is not written. */
      if (old_value == NULL || strspn (column, "abcdefghijklmnopqrstuvwxyz_") != strlen (column))
        return FALSE;
      if (g_str_equal (column, "id") || g_str_equal (column, "row_version") ||
          json_node_equal (old_value, json_object_get_member (after, column)))
        continue;
      if (assignments->len > 0)
        g_string_append (assignments, ", ");
      g_string_append_printf (assignments, "%s = r.%s", column, column);
      if (is_stamp (column))
        continue;
      g_string_append_printf (as_new, " AND (to_jsonb (x) -> '%s') = (?2::jsonb -> '%s')",
                              column, column);
      g_string_append_printf (as_old, " AND (to_jsonb (x) -> '%s') = (?1::jsonb -> '%s')",
                              column, column);
    }
  *set = assignments->len > 0 ? g_string_free (g_steal_pointer (&assignments), FALSE) : NULL;
  *same_as_new = g_string_free (g_steal_pointer (&as_new), FALSE);
  *same_as_old = g_string_free (g_steal_pointer (&as_old), FALSE);
  return TRUE;
}

/* Runs a statement whose parameters are the images given, and says how many rows it changed
 * (or, for a SELECT, how many it returned); -1 on failure. */
static gint64
run_with_images (AwardsStore  *store,
                 const char   *sql,
                 const char   *first,
                 const char   *second,
                 GError      **error)
{
  AwardsDbStmt *stmt = awards_store_statement (store, sql, error);
  AwardsDbStep step;
  gint64 n_rows = 0;

  if (stmt == NULL)
    return -1;
  awards_db_stmt_bind_text (stmt, 1, first);
  if (second != NULL)
    awards_db_stmt_bind_text (stmt, 2, second);
  while ((step = awards_db_stmt_next (stmt)) == AWARDS_DB_ROW)
    n_rows++;
  if (step == AWARDS_DB_DONE && n_rows == 0)
    n_rows = awards_db_stmt_changes (stmt);
  awards_db_stmt_reset (stmt);
  if (step == AWARDS_DB_FAILED)
    {
      awards_store_set_error (store, error, _("Could not undo the change"));
      return -1;
    }
  return n_rows;
}

/* Whether the row with the image's id holds the image, stamps aside (1), another version of it
 * (0), or is missing (-1); -2 on failure. */
static int
row_state (AwardsStore  *store,
           const char   *table,
           const char   *image,
           GError      **error)
{
  g_autofree char *sql =
    g_strdup_printf ("SELECT 1 FROM %s AS x WHERE x.id = (?1::jsonb ->> 'id')::bigint"
                     " UNION ALL"
                     " SELECT 1 FROM %s AS x WHERE x.id = (?1::jsonb ->> 'id')::bigint"
                     " AND " WITHOUT_STAMPS ("to_jsonb (x)") " = " WITHOUT_STAMPS ("?1::jsonb"),
                     table, table);
  gint64 n = run_with_images (store, sql, image, NULL, error);

  if (n < 0)
    return -2;
  return n == 0 ? -1 : n == 2 ? 1 : 0;
}

/* Puts one row back as it was before the change the trigger saw; *conflict when it cannot. */
static gboolean
put_back (AwardsStore        *store,
          AwardsCapturedRow  *row,
          gboolean           *conflict,
          GError            **error)
{
  const char *table = row->table;
  g_autofree char *sql = NULL;
  g_autofree char *set = NULL;
  g_autofree char *same_as_new = NULL;
  g_autofree char *same_as_old = NULL;
  gint64 n;
  int state;

  /* Only the tables whose records the log shows (those a command may change) are written back,
   * whatever the table names read from awards_changes say. */
  if (awards_audit_kind_of_table (table) == NULL || row->op == NULL)
    {
      *conflict = TRUE;
      return TRUE;
    }
  switch (row->op[0])
    {
    case 'I':
      sql = g_strdup_printf ("DELETE FROM %s AS x WHERE x.id = (?1::jsonb ->> 'id')::bigint"
                             " AND " WITHOUT_STAMPS ("to_jsonb (x)") " = "
                             WITHOUT_STAMPS ("?1::jsonb"), table);
      n = run_with_images (store, sql, row->new_row, NULL, error);
      if (n < 0)
        return FALSE;
      if (n == 0)
        *conflict = TRUE;
      return TRUE;

    case 'U':
      if (!changed_columns (row->old_row, row->new_row, &set, &same_as_new, &same_as_old))
        {
          awards_store_set_error (store, error, _("Could not undo the change"));
          return FALSE;
        }
      /* Only a stamp changed: nothing to put back. */
      if (set == NULL)
        return TRUE;
      sql = g_strdup_printf ("UPDATE %s AS x SET %s"
                             " FROM jsonb_populate_record (NULL::%s, ?1::jsonb) AS r"
                             " WHERE x.id = r.id AND %s", table, set, table, same_as_new);
      n = run_with_images (store, sql, row->old_row, row->new_row, error);
      if (n < 0)
        return FALSE;
      if (n > 0)
        return TRUE;
      /* Already as it was (a trigger got there first), or changed since. */
      g_free (sql);
      sql = g_strdup_printf ("SELECT 1 FROM %s AS x WHERE x.id = (?1::jsonb ->> 'id')::bigint"
                             " AND %s", table, same_as_old);
      n = run_with_images (store, sql, row->old_row, NULL, error);
      if (n < 0)
        return FALSE;
      if (n == 0)
        *conflict = TRUE;
      return TRUE;

    case 'D':
      state = row_state (store, table, row->old_row, error);
      if (state == -2)
        return FALSE;
      if (state == 1)
        return TRUE;
      if (state == 0)
        {
          *conflict = TRUE;
          return TRUE;
        }
      sql = g_strdup_printf ("INSERT INTO %s SELECT * FROM jsonb_populate_record (NULL::%s,"
                             " ?1::jsonb)", table, table);
      return run_with_images (store, sql, row->old_row, NULL, error) >= 0;

    default:
      *conflict = TRUE;
      return TRUE;
    }
}

/* Where @table stands among the recorded tables, each before those it refers to; tables not
 * recorded come first, as if they referred to all. */
static guint
table_rank (const char *table)
{
  const char *const *tables = awards_schema_pg_captured_tables ();

  for (guint i = 0; tables[i] != NULL; i++)
    if (g_strcmp0 (tables[i], table) == 0)
      return i + 1;
  return 0;
}

/* Puts back the rows of @rows whose operation is @op (I, U or D), newest first, those of
 * @rank only (G_MAXUINT: of every table). */
static gboolean
put_back_some (AwardsStore  *store,
               GPtrArray    *rows,
               char          op,
               guint         rank,
               gboolean     *conflict,
               GError      **error)
{
  for (guint i = rows->len; i > 0; i--)
    {
      AwardsCapturedRow *row = g_ptr_array_index (rows, i - 1);

      if (row->op == NULL || row->op[0] != op ||
          (rank != G_MAXUINT && table_rank (row->table) != rank))
        continue;
      if (!put_back (store, row, conflict, error) || *conflict)
        return FALSE;
    }
  return TRUE;
}

/**
 * awards_capture_apply_inverse:
 * @rows: (element-type AwardsCapturedRow): what a command changed, oldest first
 * @conflict: (out): set when a row was changed since by somebody else (nothing is then written:
 *   the caller rolls back)
 *
 * Undoes what @rows record, inside the open write transaction: first the deleted rows are put
 * back, the tables referred to before those that refer to them; then the updated rows; then the
 * added rows are deleted, those that refer to others first. A server checks each reference at
 * once (a file's changeset checks them at the end), and the order of the recorded rows does not
 * say which came first: the server records a row that a reference's action changed (a member
 * left without the organisation deleted) after the row that caused it.
 *
 * Returns: %FALSE when the database failed (@error set) or on a conflict
 */
gboolean
awards_capture_apply_inverse (AwardsStore  *store,
                              GPtrArray    *rows,
                              gboolean     *conflict,
                              GError      **error)
{
  guint n_ranks = g_strv_length ((GStrv) awards_schema_pg_captured_tables ()) + 1;

  *conflict = FALSE;
  /* A row of no known operation cannot be put back: the undo stops, as for any conflict. */
  for (guint i = 0; i < rows->len; i++)
    {
      const char *op = ((AwardsCapturedRow *) g_ptr_array_index (rows, i))->op;

      if (op == NULL || op[0] == '\0' || strchr ("IUD", op[0]) == NULL)
        {
          *conflict = TRUE;
          return FALSE;
        }
    }
  for (guint rank = n_ranks; rank > 0; rank--)
    if (!put_back_some (store, rows, 'D', rank - 1, conflict, error))
      return FALSE;
  if (!put_back_some (store, rows, 'U', G_MAXUINT, conflict, error))
    return FALSE;
  for (guint rank = 0; rank < n_ranks; rank++)
    if (!put_back_some (store, rows, 'I', rank, conflict, error))
      return FALSE;
  return TRUE;
}
