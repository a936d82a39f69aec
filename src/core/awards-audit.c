/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1

#include <stdarg.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "awards-audit-private.h"
#include "awards-capture.h"
#include "awards-date.h"
#include "awards-store-insert.h"
#include "awards-store-private.h"

/*
 * The audit log: written from a command's changeset inside the command's transaction, read by
 * the history command, the window's History page and each record's page. Nothing here updates
 * or deletes a row of it.
 */

static const struct
{
  const char *table;
  const char *kind;
  const char *name_sql;    /* the name shown for a record of the table */
} tables[] = {
  { "organisation", "organisation", "SELECT name FROM organisation WHERE id = ?" },
  { "organisation_name", "former_name", "SELECT name FROM organisation_name WHERE id = ?" },
  { "person", "person", "SELECT full_name FROM person WHERE id = ?" },
  { "authority", "authority", "SELECT name FROM authority WHERE id = ?" },
  { "award_type", "award_type", "SELECT name FROM award_type WHERE id = ?" },
  { "decision", "decision", "SELECT coalesce (number, date) FROM decision WHERE id = ?" },
  { "commendation", "award", "SELECT recipient_name FROM commendation WHERE id = ?" },
};

/* Columns the program derives or stamps itself: they say nothing a reader of the log needs. */
static const char *const derived_columns[] = {
  "id", "name_key", "search_key", "sort_key", "number_key", "row_version", "updated_at",
  "created_at", "family_name", "middle_name", "given_name",
};

const char *
awards_audit_kind_of_table (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (g_strcmp0 (tables[i].table, table) == 0)
      return tables[i].kind;
  return NULL;
}

const char *
awards_audit_table_of_kind (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (g_strcmp0 (tables[i].kind, kind) == 0)
      return tables[i].table;
  return NULL;
}

static const char *
name_sql_of_table (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (g_strcmp0 (tables[i].table, table) == 0)
      return tables[i].name_sql;
  return NULL;
}

static gboolean
column_is_derived (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (derived_columns); i++)
    if (g_strcmp0 (derived_columns[i], name) == 0)
      return TRUE;
  return FALSE;
}

/* One record changed by a command. */
typedef struct
{
  const char *kind;
  const char *table;
  const char *action;
  gint64      id;
  JsonObject *before;
  JsonObject *after;
  char       *name;
} Change;

static void
change_free (Change *change)
{
  g_clear_pointer (&change->before, json_object_unref);
  g_clear_pointer (&change->after, json_object_unref);
  g_free (change->name);
  g_free (change);
}

static void
set_json_value (JsonObject    *object,
                const char    *name,
                sqlite3_value *value)
{
  switch (sqlite3_value_type (value))
    {
    case SQLITE_INTEGER:
      json_object_set_int_member (object, name, sqlite3_value_int64 (value));
      break;
    case SQLITE_FLOAT:
      json_object_set_double_member (object, name, sqlite3_value_double (value));
      break;
    case SQLITE_TEXT:
      json_object_set_string_member (object, name, (const char *) sqlite3_value_text (value));
      break;
    case SQLITE_NULL:
      json_object_set_null_member (object, name);
      break;
    default:
      /* Blobs are sort keys: derived, unreadable. */
      break;
    }
}

static char **
table_columns (sqlite3    *db,
               GHashTable *cache,
               const char *table)
{
  char **columns = g_hash_table_lookup (cache, table);
  g_autoptr(GPtrArray) names = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;

  if (columns != NULL)
    return columns;
  names = g_ptr_array_new ();
  sql = g_strdup_printf ("SELECT name FROM pragma_table_info ('%s') ORDER BY cid", table);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK)
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  g_ptr_array_add (names, NULL);
  columns = (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
  g_hash_table_insert (cache, g_strdup (table), columns);
  return columns;
}

static char *
lookup_name (AwardsStore *store,
             const char  *table,
             gint64       id)
{
  const char *sql = name_sql_of_table (table);
  AwardsDbStmt *stmt;
  char *name = NULL;

  if (sql == NULL || (stmt = awards_store_statement (store, sql, NULL)) == NULL)
    return NULL;
  awards_db_stmt_bind_int64 (stmt, 1, id);
  if (awards_db_stmt_next (stmt) == AWARDS_DB_ROW && awards_db_stmt_column_text (stmt, 0) != NULL)
    name = g_strdup (awards_db_stmt_column_text (stmt, 0));
  awards_db_stmt_reset (stmt);
  return name;
}

static const char *
name_column (const char *table)
{
  if (g_strcmp0 (table, "person") == 0)
    return "full_name";
  if (g_strcmp0 (table, "decision") == 0)
    return "number";
  if (g_strcmp0 (table, "commendation") == 0)
    return "recipient_name";
  return "name";
}

/* Adds a record read from a changeset or from the rows a server recorded, or drops it. */
static void
keep_change (AwardsStore *store,
             GPtrArray   *changes,
             Change      *change,
             gboolean     update,
             gboolean     visible)
{
  /* An award is deleted and restored by a mark, which the log says in its own words. */
  if (update && g_strcmp0 (change->table, "commendation") == 0 &&
      change->after != NULL && json_object_has_member (change->after, "deleted"))
    change->action = json_object_get_int_member (change->after, "deleted") ? "delete"
                                                                           : "restore";

  /* A trigger that only counted a row's version changed nothing a reader cares about. */
  if (!visible)
    {
      change_free (change);
      return;
    }
  if (change->name == NULL || g_strcmp0 (change->table, "decision") == 0)
    {
      g_autofree char *name = lookup_name (store, change->table, change->id);

      if (name != NULL)
        {
          g_free (change->name);
          change->name = g_steal_pointer (&name);
        }
    }
  g_ptr_array_add (changes, change);
}

/* Turns a changeset into the records it changed, with the fields before and after. */
static GPtrArray *
read_changes (AwardsStore   *store,
              gconstpointer  changeset,
              int            size)
{
  sqlite3 *db = awards_store_get_db (store);
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);
  g_autoptr(GHashTable) cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) g_strfreev);
  sqlite3_changeset_iter *iter = NULL;

  if (changeset == NULL || size == 0)
    return g_steal_pointer (&changes);
  if (sqlite3changeset_start (&iter, size, (void *) changeset) != SQLITE_OK)
    return g_steal_pointer (&changes);
  while (sqlite3changeset_next (iter) == SQLITE_ROW)
    {
      const char *table;
      int n_columns;
      int op;
      char **columns;
      Change *change;
      sqlite3_value *value = NULL;
      gboolean visible = FALSE;

      sqlite3changeset_op (iter, &table, &n_columns, &op, NULL);
      if (awards_audit_kind_of_table (table) == NULL)
        continue;
      columns = table_columns (db, cache, table);
      change = g_new0 (Change, 1);
      change->kind = awards_audit_kind_of_table (table);
      change->table = awards_audit_table_of_kind (change->kind);
      change->action = op == SQLITE_INSERT ? "create" : op == SQLITE_DELETE ? "delete" : "edit";
      if (op != SQLITE_INSERT)
        change->before = json_object_new ();
      if (op != SQLITE_DELETE)
        change->after = json_object_new ();

      /* Every tracked table has its id as column 0. */
      if ((op == SQLITE_INSERT ? sqlite3changeset_new (iter, 0, &value)
                               : sqlite3changeset_old (iter, 0, &value)) == SQLITE_OK &&
          value != NULL)
        change->id = sqlite3_value_int64 (value);

      for (int i = 0; i < n_columns && columns[i] != NULL; i++)
        {
          sqlite3_value *old_value = NULL;
          sqlite3_value *new_value = NULL;

          if (op != SQLITE_INSERT)
            sqlite3changeset_old (iter, i, &old_value);
          if (op != SQLITE_DELETE)
            sqlite3changeset_new (iter, i, &new_value);
          if (g_strcmp0 (columns[i], name_column (table)) == 0)
            {
              sqlite3_value *named = new_value != NULL ? new_value : old_value;

              if (named != NULL && sqlite3_value_type (named) == SQLITE_TEXT)
                change->name = g_strdup ((const char *) sqlite3_value_text (named));
            }
          if (column_is_derived (columns[i]))
            continue;
          /* An update carries the old and new values of the changed columns only. */
          if (op == SQLITE_UPDATE && new_value == NULL)
            continue;
          if (op == SQLITE_INSERT && sqlite3_value_type (new_value) == SQLITE_NULL)
            continue;
          if (op == SQLITE_DELETE && sqlite3_value_type (old_value) == SQLITE_NULL)
            continue;
          if (old_value != NULL)
            set_json_value (change->before, columns[i], old_value);
          if (new_value != NULL)
            set_json_value (change->after, columns[i], new_value);
          visible = TRUE;
        }

      keep_change (store, changes, change, op == SQLITE_UPDATE, visible);
    }
  sqlite3changeset_finalize (iter);
  return g_steal_pointer (&changes);
}

/* A value of a row image as the log keeps it: the server's booleans as SQLite's 0 and 1. */
static void
set_json_node (JsonObject *object,
               const char *name,
               JsonNode   *node)
{
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    json_object_set_int_member (object, name, json_node_get_boolean (node) ? 1 : 0);
  else
    json_object_set_member (object, name, json_node_copy (node));
}

/* One record over the rows a server recorded: its first image and its last. */
typedef struct
{
  const char *table;
  gint64      id;
  char        op;          /* 'I', 'U', 'D', or 0 when made and removed by the same command */
  JsonObject *old_row;
  JsonObject *new_row;
} Collapsed;

static void
collapsed_free (Collapsed *record)
{
  g_clear_pointer (&record->old_row, json_object_unref);
  g_clear_pointer (&record->new_row, json_object_unref);
  g_free (record);
}

/* Folds one more change of a record into what the command did to it, as SQLite's session does:
 * made then edited is made; made then removed is nothing; removed then made again is edited. */
static void
collapse (Collapsed  *record,
          char        op,
          JsonObject *new_row)
{
  g_clear_pointer (&record->new_row, json_object_unref);
  record->new_row = new_row != NULL ? json_object_ref (new_row) : NULL;
  if (op == 'D')
    record->op = record->op == 'I' ? 0 : 'D';
  else if (op == 'I')
    record->op = record->op == 'D' ? 'U' : 'I';
  else if (record->op == 0)
    record->op = 'U';
}

/* Turns the rows a server recorded into the records the command changed, as read_changes (). */
static GPtrArray *
read_captured (AwardsStore *store,
               GPtrArray   *rows)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);
  g_autoptr(GHashTable) cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) g_strfreev);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) records =
    g_ptr_array_new_with_free_func ((GDestroyNotify) collapsed_free);

  for (guint i = 0; i < rows->len; i++)
    {
      AwardsCapturedRow *row = g_ptr_array_index (rows, i);
      const char *kind = awards_audit_kind_of_table (row->table);
      g_autoptr(JsonObject) old_row = awards_capture_parse_image (row->old_row);
      g_autoptr(JsonObject) new_row = awards_capture_parse_image (row->new_row);
      JsonObject *image = new_row != NULL ? new_row : old_row;
      g_autofree char *key = NULL;
      Collapsed *record;

      if (kind == NULL || image == NULL || row->op == NULL)
        continue;
      key = g_strdup_printf ("%s:%" G_GINT64_FORMAT, row->table,
                             json_object_get_int_member_with_default (image, "id", 0));
      record = g_hash_table_lookup (seen, key);
      if (record == NULL)
        {
          record = g_new0 (Collapsed, 1);
          record->table = awards_audit_table_of_kind (kind);
          record->id = json_object_get_int_member_with_default (image, "id", 0);
          record->op = row->op[0];
          record->old_row = g_steal_pointer (&old_row);
          record->new_row = g_steal_pointer (&new_row);
          g_hash_table_insert (seen, g_steal_pointer (&key), record);
          g_ptr_array_add (records, record);
        }
      else
        {
          collapse (record, row->op[0], new_row);
        }
    }

  for (guint i = 0; i < records->len; i++)
    {
      Collapsed *record = g_ptr_array_index (records, i);
      char **columns;
      Change *change;
      gboolean visible = FALSE;

      if (record->op == 0)
        continue;
      columns = g_hash_table_lookup (cache, record->table);
      if (columns == NULL)
        {
          columns = awards_capture_table_columns (store, record->table);
          g_hash_table_insert (cache, g_strdup (record->table), columns);
        }
      change = g_new0 (Change, 1);
      change->kind = awards_audit_kind_of_table (record->table);
      change->table = record->table;
      change->id = record->id;
      change->action = record->op == 'I' ? "create" : record->op == 'D' ? "delete" : "edit";
      if (record->op != 'I')
        change->before = json_object_new ();
      if (record->op != 'D')
        change->after = json_object_new ();
      for (guint c = 0; columns[c] != NULL; c++)
        {
          JsonNode *old_value = record->op != 'I' && record->old_row != NULL
                                ? json_object_get_member (record->old_row, columns[c]) : NULL;
          JsonNode *new_value = record->op != 'D' && record->new_row != NULL
                                ? json_object_get_member (record->new_row, columns[c]) : NULL;
          JsonNode *named = new_value != NULL ? new_value : old_value;

          if (g_strcmp0 (columns[c], name_column (record->table)) == 0 && named != NULL &&
              JSON_NODE_HOLDS_VALUE (named) && json_node_get_value_type (named) == G_TYPE_STRING)
            {
              g_free (change->name);
              change->name = g_strdup (json_node_get_string (named));
            }
          if (column_is_derived (columns[c]))
            continue;
          if (record->op == 'U' && (old_value == NULL || new_value == NULL ||
                                    json_node_equal (old_value, new_value)))
            continue;
          if (record->op == 'I' && (new_value == NULL || JSON_NODE_HOLDS_NULL (new_value)))
            continue;
          if (record->op == 'D' && (old_value == NULL || JSON_NODE_HOLDS_NULL (old_value)))
            continue;
          if (old_value != NULL)
            set_json_node (change->before, columns[c], old_value);
          if (new_value != NULL)
            set_json_node (change->after, columns[c], new_value);
          visible = TRUE;
        }
      keep_change (store, changes, change, record->op == 'U', visible);
    }
  return g_steal_pointer (&changes);
}

static char *
json_to_text (JsonObject *object)
{
  g_autoptr(JsonNode) node = NULL;

  if (object == NULL)
    return NULL;
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (node, object);
  return json_to_string (node, FALSE);
}

/**
 * awards_audit_field_json:
 * @name: the first field's name
 * @...: its value (nullable), then more names and values, ending with a %NULL name
 *
 * Returns: (transfer full): the JSON object of the fields, {"@name": "value", …}, for
 *   awards_command_set_fields ()
 */
char *
awards_audit_field_json (const char *name,
                         ...)
{
  g_autoptr(JsonObject) object = json_object_new ();
  va_list args;

  va_start (args, name);
  for (const char *field = name; field != NULL; field = va_arg (args, const char *))
    {
      const char *value = va_arg (args, const char *);

      if (value != NULL)
        json_object_set_string_member (object, field, value);
      else
        json_object_set_null_member (object, field);
    }
  va_end (args);
  return json_to_text (object);
}

/**
 * awards_audit_record_name:
 * @table: "organisation", "person", …
 *
 * Returns: (transfer full) (nullable): the name the log gives the record
 */
char *
awards_audit_record_name (AwardsStore *store,
                          const char  *table,
                          gint64       id)
{
  return lookup_name (store, table, id);
}

/**
 * awards_audit_entry_who:
 *
 * Returns: (transfer full): who made the change: the desktop's user, and on a server database
 *   the database role beside it when it differs ("lan (thuky_lan)")
 */
char *
awards_audit_entry_who (const AwardsAuditEntry *entry)
{
  if (entry->role == NULL || g_strcmp0 (entry->role, entry->user) == 0)
    return g_strdup (entry->user != NULL ? entry->user : "");
  return g_strdup_printf ("%s (%s)", entry->user != NULL ? entry->user : "", entry->role);
}

static gint64
insert_row (AwardsStore *store,
            gint64       command_id,
            const char  *action,
            const char  *kind,
            gint64       record_id,
            const char  *record,
            const char  *before,
            const char  *after,
            const char  *details)
{
  AwardsDbStmt *stmt;
  gint64 id = 0;

  stmt = awards_store_insert_statement (store,
                                        "INSERT INTO audit_log (command_id, \"user\", role, action,"
                                        " kind, record_id, record, before, after, details)"
                                        " VALUES (?1, ?2, ?10, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", NULL);
  if (stmt == NULL)
    return 0;
  awards_stmt_bind_id (stmt, 1, command_id);
  awards_db_stmt_bind_text (stmt, 2, g_get_user_name ());
  awards_db_stmt_bind_text (stmt, 3, action);
  awards_db_stmt_bind_text (stmt, 4, kind);
  awards_stmt_bind_id (stmt, 5, record_id);
  awards_db_stmt_bind_text (stmt, 6, record);
  awards_db_stmt_bind_text (stmt, 7, before);
  awards_db_stmt_bind_text (stmt, 8, after);
  awards_db_stmt_bind_text (stmt, 9, details);
  awards_db_stmt_bind_text (stmt, 10, awards_store_get_role_name (store));
  if (awards_store_step_id (store, stmt, &id) != AWARDS_DB_ROW)
    id = 0;
  return id;
}

/* "3 awards, 1 person": what a command changed besides its own record. */
static char *
summarise (GPtrArray *changes,
           Change    *head)
{
  guint n_awards = 0;
  guint n_others = 0;

  for (guint i = 0; i < changes->len; i++)
    {
      Change *change = g_ptr_array_index (changes, i);

      if (change == head)
        continue;
      if (g_strcmp0 (change->kind, "award") == 0)
        n_awards++;
      else if (g_strcmp0 (change->kind, "former_name") != 0)
        n_others++;
    }
  if (n_awards == 0 && n_others == 0)
    return NULL;
  return awards_audit_count_details (n_awards, n_others > 0);
}

/**
 * awards_audit_write:
 * @record_name: (out): the name the entry gave the command's record
 *
 * Writes one row for the command and one for each further record it changed.
 */
gboolean
awards_audit_write (AwardsStore               *store,
                    const AwardsAuditCommand  *command,
                    char                     **record_name,
                    gboolean                  *empty,
                    GError                   **error)
{
  g_autoptr(GPtrArray) changes = command->captured != NULL
                                 ? read_captured (store, command->captured)
                                 : read_changes (store, command->changeset,
                                                 command->changeset_size);
  g_autofree char *head_before = NULL;
  g_autofree char *head_after = NULL;
  g_autofree char *details = NULL;
  g_autofree char *name = NULL;
  Change *head = NULL;
  gint64 record_id = command->record_id;
  gint64 command_id;

  /* Saving a record as it was (a field typed again as it stood) changes only what the program
   * stamps itself: nothing to log, and nothing to undo; nor does a repair that found nothing to
   * merge. */
  *empty = changes->len == 0 &&
           ((g_strcmp0 (command->action, "edit") == 0 && command->details == NULL &&
             command->after == NULL) ||
            g_strcmp0 (command->action, "merge") == 0);
  if (*empty)
    return TRUE;

  /* The command's own record carries its fields on the command's row. */
  for (guint i = 0; i < changes->len && head == NULL; i++)
    {
      Change *change = g_ptr_array_index (changes, i);

      if (g_strcmp0 (change->kind, command->kind) == 0 &&
          (record_id == change->id ||
           (record_id <= 0 && g_strcmp0 (change->action, "create") == 0)))
        head = change;
    }
  if (head != NULL)
    {
      record_id = head->id;
      head_before = json_to_text (head->before);
      head_after = json_to_text (head->after);
    }
  else if (command->after != NULL || command->before != NULL)
    {
      head_before = g_strdup (command->before);
      head_after = g_strdup (command->after);
    }

  if (command->record != NULL)
    name = g_strdup (command->record);
  else if (head != NULL && head->name != NULL)
    name = g_strdup (head->name);
  else if (awards_audit_table_of_kind (command->kind) != NULL && record_id > 0)
    name = lookup_name (store, awards_audit_table_of_kind (command->kind), record_id);

  if (command->details != NULL)
    details = g_strdup (command->details);
  else
    details = summarise (changes, head);
  if (details == NULL && head_before != NULL && head_after != NULL)
    details = awards_audit_describe_columns (head_before, head_after);

  command_id = insert_row (store, 0, command->action, command->kind,
                           record_id, name, head_before, head_after, details);
  if (command_id == 0)
    {
      awards_store_set_error (store, error, _("Could not write the audit log"));
      return FALSE;
    }
  for (guint i = 0; i < changes->len; i++)
    {
      Change *change = g_ptr_array_index (changes, i);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;

      if (change == head)
        continue;
      before = json_to_text (change->before);
      after = json_to_text (change->after);
      if (insert_row (store, command_id, change->action, change->kind, change->id, change->name,
                      before, after, NULL) == 0)
        {
          awards_store_set_error (store, error, _("Could not write the audit log"));
          return FALSE;
        }
    }
  if (record_name != NULL)
    *record_name = g_steal_pointer (&name);
  return TRUE;
}

/* ------------------------------------------------------------------------------------------- */
/* Reading                                                                                       */

void
awards_audit_entry_free (AwardsAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->time);
  g_free (entry->user);
  g_free (entry->role);
  g_free (entry->action);
  g_free (entry->kind);
  g_free (entry->record);
  g_free (entry->before);
  g_free (entry->after);
  g_free (entry->details);
  g_free (entry->description);
  g_free (entry);
}

#define AUDIT_COLUMNS \
  "id, command_id, at, \"user\", role, action, kind, record_id, record, before, after, details"

static char *
dup_column (AwardsDbStmt *stmt,
            int           column)
{
  return g_strdup (awards_db_stmt_column_text (stmt, column));
}

/* The records that the fields of the entries being read refer to, each looked up once. */
typedef struct
{
  AwardsStore *store;
  GHashTable  *names;   /* "table:id" → name, or "" for a record that is gone */
} ReferenceNames;

/* Names the record that a field of an entry refers to (AwardsAuditNameLookup). */
static char *
name_of_reference (const char *table,
                   gint64      id,
                   gpointer    user_data)
{
  ReferenceNames *references = user_data;
  g_autofree char *key = g_strdup_printf ("%s:%" G_GINT64_FORMAT, table, id);
  const char *known = g_hash_table_lookup (references->names, key);
  char *name;
  char *date;

  if (known != NULL)
    return known[0] != '\0' ? g_strdup (known) : NULL;
  name = lookup_name (references->store, table, id);
  /* A decision without a number is named by its date. */
  if (name != NULL && g_strcmp0 (table, "decision") == 0 &&
      (date = awards_date_format_short (name)) != NULL)
    {
      g_free (name);
      name = date;
    }
  g_hash_table_insert (references->names, g_steal_pointer (&key),
                       g_strdup (name != NULL ? name : ""));
  return name;
}

static GPtrArray *
read_entries (AwardsStore   *self,
              AwardsDbStmt  *stmt,
              GError       **error)
{
  g_autoptr(GPtrArray) entries =
    g_ptr_array_new_with_free_func ((GDestroyNotify) awards_audit_entry_free);
  AwardsDbStep rc;

  while ((rc = awards_db_stmt_next (stmt)) == AWARDS_DB_ROW)
    {
      AwardsAuditEntry *entry = g_new0 (AwardsAuditEntry, 1);

      entry->id = awards_db_stmt_column_int64 (stmt, 0);
      entry->command_id = awards_db_stmt_column_int64 (stmt, 1);
      entry->time = dup_column (stmt, 2);
      entry->user = dup_column (stmt, 3);
      entry->role = dup_column (stmt, 4);
      entry->action = dup_column (stmt, 5);
      entry->kind = dup_column (stmt, 6);
      entry->record_id = awards_db_stmt_column_int64 (stmt, 7);
      entry->record = dup_column (stmt, 8);
      entry->before = dup_column (stmt, 9);
      entry->after = dup_column (stmt, 10);
      entry->details = dup_column (stmt, 11);
      g_ptr_array_add (entries, entry);
    }
  awards_db_stmt_reset (stmt);
  if (rc != AWARDS_DB_DONE)
    {
      awards_store_set_error (self, error, _("Could not read the audit log"));
      return NULL;
    }
  {
    ReferenceNames references = {
      self, g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
    };

    for (guint i = 0; i < entries->len; i++)
      awards_audit_entry_set_description (g_ptr_array_index (entries, i), name_of_reference,
                                          &references);
    g_hash_table_unref (references.names);
  }
  return g_steal_pointer (&entries);
}

/**
 * awards_store_list_audit:
 * @since: (nullable): a date (any form awards_date_parse () takes): only entries from that day on
 * @limit: at most this many entries, or 0 for all
 *
 * Returns: (transfer full) (element-type AwardsAuditEntry): the commands of the log, newest
 *   first; the records a command changed besides its own are not listed one by one
 */
GPtrArray *
awards_store_list_audit (AwardsStore  *self,
                         const char   *since,
                         guint         limit,
                         GError      **error)
{
  g_autofree char *since_iso = NULL;
  AwardsDbStmt *stmt;
  GPtrArray *entries;

  g_return_val_if_fail (AWARDS_IS_STORE (self), NULL);

  if (since != NULL && !awards_date_parse (since, &since_iso))
    {
      g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_INVALID,
                   _("“%s” is not a date; write it as DD/MM/YYYY or YYYY-MM-DD."), since);
      return NULL;
    }
  awards_store_read_begin (self);
  stmt = awards_store_statement (self,
                               "SELECT " AUDIT_COLUMNS " FROM audit_log"
                               " WHERE command_id IS NULL AND (?1 IS NULL OR at >= ?1)"
                               " ORDER BY id DESC LIMIT ?2", error);
  if (stmt == NULL)
    {
      awards_store_read_end (self);
      return NULL;
    }
  awards_db_stmt_bind_text (stmt, 1, since_iso);
  awards_db_stmt_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : G_MAXINT64);
  entries = read_entries (self, stmt, error);
  awards_store_read_end (self);
  return entries;
}

/**
 * awards_store_list_record_audit:
 * @kind: "organisation", "person", "decision" or "award"
 *
 * Returns: (transfer full) (element-type AwardsAuditEntry): every change of the record, newest
 *   first, whether the record was a command's own or one of the records it changed
 */
GPtrArray *
awards_store_list_record_audit (AwardsStore  *self,
                                const char   *kind,
                                gint64        record_id,
                                guint         limit,
                                GError      **error)
{
  AwardsDbStmt *stmt;
  GPtrArray *entries;

  g_return_val_if_fail (AWARDS_IS_STORE (self), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  awards_store_read_begin (self);
  stmt = awards_store_statement (self,
                               "SELECT " AUDIT_COLUMNS " FROM audit_log"
                               " WHERE kind = ?1 AND record_id = ?2"
                               " ORDER BY id DESC LIMIT ?3", error);
  if (stmt == NULL)
    {
      awards_store_read_end (self);
      return NULL;
    }
  awards_db_stmt_bind_text (stmt, 1, kind);
  awards_db_stmt_bind_int64 (stmt, 2, record_id);
  awards_db_stmt_bind_int64 (stmt, 3, limit > 0 ? (gint64) limit : G_MAXINT64);
  entries = read_entries (self, stmt, error);
  awards_store_read_end (self);
  return entries;
}

/**
 * awards_store_get_row_version:
 * @kind: "organisation", "person", "decision" or "award"
 *
 * Returns: how many times the record was changed, or -1 when it does not exist (any more; a
 *   deleted award, which the history can bring back, counts as gone)
 */
gint64
awards_store_get_row_version (AwardsStore  *self,
                              const char   *kind,
                              gint64        record_id,
                              GError      **error)
{
  const char *table = awards_audit_table_of_kind (kind);
  g_autofree char *sql = NULL;
  AwardsDbStmt *stmt;
  gint64 version = -1;
  AwardsDbStep rc;

  g_return_val_if_fail (AWARDS_IS_STORE (self), -1);
  g_return_val_if_fail (table != NULL, -1);

  /* A decision is saved with its awards: a change to any of them is a change to it. */
  if (g_strcmp0 (table, "decision") == 0)
    sql = g_strdup ("SELECT d.row_version + (SELECT count(*) + coalesce (sum (c.row_version), 0)"
                    " FROM commendation c WHERE c.decision_id = d.id) FROM decision d"
                    " WHERE d.id = ?");
  else if (g_strcmp0 (table, "commendation") == 0)
    sql = g_strdup ("SELECT row_version FROM commendation WHERE id = ? AND deleted = 0");
  else
    sql = g_strdup_printf ("SELECT row_version FROM %s WHERE id = ?", table);
  awards_store_read_begin (self);
  stmt = awards_store_statement (self, sql, error);
  if (stmt != NULL)
    {
      awards_db_stmt_bind_int64 (stmt, 1, record_id);
      rc = awards_db_stmt_next (stmt);
      if (rc == AWARDS_DB_ROW)
        version = awards_db_stmt_column_int64 (stmt, 0);
      else if (rc != AWARDS_DB_DONE)
        awards_store_set_error (self, error, _("Could not read the record"));
      awards_db_stmt_reset (stmt);
    }
  awards_store_read_end (self);
  return version;
}
