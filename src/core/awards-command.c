/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

/* The session extension records what a command changed, as a changeset that can be inverted. */
#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1

#include <string.h>

#include <glib/gi18n-lib.h>

#include "awards-audit-private.h"
#include "awards-capture.h"
#include "awards-command-private.h"
#include "awards-import-undo.h"
#include "awards-store-private.h"

/*
 * A command records its changes with an SQLite session on the store's connection. At its end the
 * changes become the rows of the audit log and a changeset kept in the session's history: undo
 * applies the inverse of that changeset, redo applies it again, each as a command of its own
 * that is logged too. A change made since by anyone else shows up as a conflict, and then the
 * undo is refused rather than overwriting that change.
 */

/* The tables whose rows a command may change and undo. A changeset lists its tables in this
 * order, and an undo deletes in it: rows that refer to others come first, so that no deletion
 * sets a reference to NULL (person.organisation_id) in a row the undo still has to check. */
static const char *const tracked_tables[] = {
  "commendation", "person", "organisation_name", "decision", "organisation", "award_type",
  "authority",
};

/* A large import is not kept as a changeset, which would hold every row in memory: it is undone
 * by the ranges of ids it created (awards-import-undo.c). Tests lower the limit. */
static guint undoable_max_awards = 20000;
#define UNDOABLE_MAX_AWARDS undoable_max_awards

typedef struct
{
  char            *action;
  char            *kind;
  gint64           record_id;
  char            *record;
  char            *source;
  guint            n_awards;
  gboolean         counted;
  sqlite3_session *session;
  gboolean         capturing;      /* on a server: its rows are recorded (awards-capture.c) */
  GPtrArray       *captured;       /* on a server: what it changed, for the log and undo */
  gboolean         finished;
  gboolean         written;
  gboolean         empty;            /* an edit that changed nothing visible: rolled back */
  gboolean         history_step;   /* an undo or a redo: logged, but not itself undoable */
  gpointer         changeset;
  int              changeset_size;
  AwardsImportRanges *ranges;      /* an import's rows, for when its changeset is not kept */
  char            *details;
  gboolean         outside_undo;   /* logged with the fields it was given, never undone */
  char            *before;         /* those fields, as JSON objects */
  char            *after;
} AwardsCommand;

typedef struct
{
  AwardsCommand *current;
  guint          depth;
  GPtrArray     *undo;    /* AwardsCommand *, the newest last */
  GPtrArray     *redo;
} AwardsHistory;

static void
command_free (AwardsCommand *command)
{
  if (command == NULL)
    return;
  g_clear_pointer (&command->session, sqlite3session_delete);
  g_clear_pointer (&command->changeset, sqlite3_free);
  g_clear_pointer (&command->captured, g_ptr_array_unref);
  g_clear_pointer (&command->ranges, awards_import_ranges_free);
  g_free (command->details);
  g_free (command->before);
  g_free (command->after);
  g_free (command->action);
  g_free (command->kind);
  g_free (command->record);
  g_free (command->source);
  g_free (command);
}

static void
history_free (gpointer data)
{
  AwardsHistory *history = data;

  command_free (history->current);
  g_ptr_array_unref (history->undo);
  g_ptr_array_unref (history->redo);
  g_free (history);
}

static AwardsHistory *
history_get (AwardsStore *store)
{
  static GQuark quark;
  AwardsHistory *history;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("awards-command-history");
  history = g_object_get_qdata (G_OBJECT (store), quark);
  if (history == NULL)
    {
      history = g_new0 (AwardsHistory, 1);
      history->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) command_free);
      history->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) command_free);
      g_object_set_qdata_full (G_OBJECT (store), quark, history, history_free);
    }
  return history;
}

static sqlite3_session *
start_session (AwardsStore *store)
{
  sqlite3_session *session = NULL;

  if (awards_store_is_server (store))
    return NULL;
  if (sqlite3session_create (awards_store_get_db (store), "main", &session) != SQLITE_OK)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (tracked_tables); i++)
    if (sqlite3session_attach (session, tracked_tables[i]) != SQLITE_OK)
      {
        sqlite3session_delete (session);
        return NULL;
      }
  return session;
}

/**
 * awards_command_begin:
 * @action: what the command does (AWARDS_ACTION_*)
 * @kind: the kind of record it is about
 * @record_id: the record, or 0 when it is created by the command
 *
 * Starts a command inside the write transaction that the caller has just opened, or joins the
 * command already under way.
 */
void
awards_command_begin (AwardsStore *store,
                      const char  *action,
                      const char  *kind,
                      gint64       record_id)
{
  AwardsHistory *history = history_get (store);
  AwardsCommand *command;

  if (history->current != NULL)
    {
      history->depth++;
      return;
    }
  command = g_new0 (AwardsCommand, 1);
  command->action = g_strdup (action);
  command->kind = g_strdup (kind);
  command->record_id = record_id;
  command->session = start_session (store);
  command->capturing = awards_store_is_server (store) && awards_capture_set (store, TRUE);
  history->current = command;
  history->depth = 1;
}

/* Lets a command begun by a batch say what it is: a decision saved, an import. */
void
awards_command_describe (AwardsStore *store,
                         const char  *action,
                         const char  *kind,
                         gint64       record_id)
{
  AwardsCommand *command = history_get (store)->current;

  if (command == NULL)
    return;
  g_free (command->action);
  command->action = g_strdup (action);
  g_free (command->kind);
  command->kind = g_strdup (kind);
  command->record_id = record_id;
}

/**
 * awards_command_set_fields:
 * @record: (nullable): the name the log shows for the record
 * @before: (nullable): the fields changed, as they were, as a JSON object
 * @after: (nullable): the same fields as they are now
 * @details: (nullable): what else to say, when the fields are not all
 *
 * Makes the current command one that the log records with these fields, and that Undo leaves
 * alone: the office's settings, ratings, initiatives and staff classes are changed again where
 * they were changed, and a change of them neither joins the undo list nor empties it.
 */
void
awards_command_set_fields (AwardsStore *store,
                           const char  *record,
                           const char  *before,
                           const char  *after,
                           const char  *details)
{
  AwardsHistory *history = history_get (store);
  AwardsCommand *command = history->current;

  /* Only a command of its own: inside another, the outer one is what is logged and undone. */
  if (command == NULL || history->depth != 1)
    return;
  command->outside_undo = TRUE;
  g_free (command->record);
  command->record = g_strdup (record);
  g_free (command->before);
  command->before = g_strdup (before);
  g_free (command->after);
  command->after = g_strdup (after);
  g_free (command->details);
  command->details = g_strdup (details);
}

void
awards_command_set_count (AwardsStore *store,
                          guint        n_awards)
{
  AwardsCommand *command = history_get (store)->current;

  if (command == NULL)
    return;
  command->n_awards = n_awards;
  command->counted = TRUE;
}

/**
 * awards_store_set_command_source:
 * @source: the file an import reads, shown in the log as the record
 *
 * Called inside an import's batch, so that its one entry in the log names the file.
 */
void
awards_store_set_command_source (AwardsStore *self,
                                 const char  *source)
{
  AwardsCommand *command;

  g_return_if_fail (AWARDS_IS_STORE (self));

  awards_store_lock (self);
  command = history_get (self)->current;
  if (command != NULL)
    {
      g_free (command->source);
      command->source = g_strdup (source);
    }
  awards_store_unlock (self);
}

/* Whether an import of about @n_awards awards is kept for undoing. */
gboolean
awards_command_may_keep (guint n_awards)
{
  return n_awards <= UNDOABLE_MAX_AWARDS;
}

/* Lets a test run the path of a large import with a few awards. */
void
awards_command_set_max_undoable (guint n_awards)
{
  undoable_max_awards = n_awards;
}

/*
 * Notes where a batch's rows will start, in its transaction before it writes anything; again
 * when the batch ended its transaction before writing and began another. A read that fails may
 * have ended the transaction (SQLite rolls back when memory runs out): the caller then rolls
 * back and gives up, as for any other failed read.
 */
gboolean
awards_command_begin_ranges (AwardsStore  *store,
                             GError      **error)
{
  AwardsCommand *command = history_get (store)->current;

  if (command == NULL)
    return TRUE;
  /* A new transaction records nothing until told to. */
  if (command->capturing && !awards_capture_set (store, TRUE))
    {
      awards_store_set_error (store, error, _("Could not read the database"));
      return FALSE;
    }
  if (command->ranges == NULL)
    command->ranges = awards_import_ranges_begin (awards_store_get_connection (store));
  else if (!awards_import_ranges_restart (command->ranges, awards_store_get_connection (store)))
    g_clear_pointer (&command->ranges, awards_import_ranges_free);
  if (command->ranges == NULL)
    {
      awards_store_set_error (store, error, _("Could not read the database"));
      return FALSE;
    }
  return TRUE;
}

/* A bulk import writes too much to keep: it is logged as one entry and undone by its ranges. */
void
awards_command_forget_changes (AwardsStore *store)
{
  AwardsCommand *command = history_get (store)->current;

  if (command == NULL)
    return;
  g_clear_pointer (&command->session, sqlite3session_delete);
  if (command->capturing)
    {
      awards_capture_set (store, FALSE);
      command->capturing = FALSE;
    }
}

static char *
command_label (const AwardsCommand *command)
{
  const char *name = command->record != NULL ? command->record : "";

  if (g_strcmp0 (command->action, AWARDS_ACTION_IMPORT) == 0)
    return g_strdup_printf (_("Import “%s”"), name);
  /* An award is named by its recipient: "Delete “HTX A”" would read as deleting HTX A. */
  if (g_strcmp0 (command->kind, "award") == 0)
    {
      if (g_strcmp0 (command->action, AWARDS_ACTION_CREATE) == 0)
        return g_strdup_printf (_("Add an award to “%s”"), name);
      if (g_strcmp0 (command->action, AWARDS_ACTION_DELETE) == 0)
        return g_strdup_printf (_("Delete the award to “%s”"), name);
      if (g_strcmp0 (command->action, AWARDS_ACTION_RESTORE) == 0)
        return g_strdup_printf (_("Restore the award to “%s”"), name);
      return g_strdup_printf (_("Edit the award to “%s”"), name);
    }
  if (g_strcmp0 (command->action, AWARDS_ACTION_CREATE) == 0)
    return g_strdup_printf (_("Add “%s”"), name);
  if (g_strcmp0 (command->action, AWARDS_ACTION_DELETE) == 0)
    return g_strdup_printf (_("Delete “%s”"), name);
  if (g_strcmp0 (command->action, AWARDS_ACTION_RESTORE) == 0)
    return g_strdup_printf (_("Restore “%s”"), name);
  if (g_strcmp0 (command->action, AWARDS_ACTION_MERGE) == 0)
    return g_strdup_printf (_("Merge “%s”"), name);
  return g_strdup_printf (_("Edit “%s”"), name);
}

/**
 * awards_command_finish:
 * @ok: whether the command's writes succeeded
 *
 * Closes a nested command, or writes the outer command's rows into the audit log, still inside
 * its transaction. Returns: @ok, or %FALSE when the log could not be written (then the caller
 * rolls back: no change goes unlogged)
 */
gboolean
awards_command_finish (AwardsStore  *store,
                       gboolean      ok,
                       GError      **error)
{
  AwardsHistory *history = history_get (store);
  AwardsCommand *command = history->current;
  AwardsAuditCommand audit = { 0, };
  g_autofree char *details = NULL;
  g_autofree char *record = NULL;
  g_autofree char *after = NULL;

  if (command == NULL)
    return ok;
  if (history->depth > 1)
    {
      history->depth--;
      return ok;
    }
  command->finished = TRUE;
  if (!ok)
    return FALSE;

  if (command->session != NULL &&
      (!command->counted || command->n_awards <= UNDOABLE_MAX_AWARDS) &&
      sqlite3session_changeset (command->session, &command->changeset_size,
                                &command->changeset) != SQLITE_OK)
    {
      command->changeset = NULL;
      command->changeset_size = 0;
    }
  g_clear_pointer (&command->session, sqlite3session_delete);
  if (command->capturing)
    {
      g_autoptr(GPtrArray) rows = awards_capture_take (store, error);

      if (rows == NULL)
        return FALSE;
      if (!command->counted || command->n_awards <= UNDOABLE_MAX_AWARDS)
        command->captured = g_steal_pointer (&rows);
    }
  /* The ranges stand in for a changeset that was not kept, and only then. */
  if (command->changeset != NULL || command->captured != NULL || command->source == NULL)
    g_clear_pointer (&command->ranges, awards_import_ranges_free);
  else if (command->ranges != NULL &&
           !awards_import_ranges_close (command->ranges, awards_store_get_connection (store)))
    {
      awards_store_set_error (store, error, _("Could not read the database"));
      return FALSE;
    }

  /* An import of no award (a list with its header only) added nothing: no entry, no undo. */
  if (command->source != NULL && command->counted && command->n_awards == 0)
    {
      command->empty = TRUE;
      return TRUE;
    }
  /* An import is one entry that names the file and the number of awards. */
  if (command->source != NULL)
    {
      details = awards_audit_count_details (command->n_awards, FALSE);
      g_free (command->kind);
      command->kind = g_strdup ("import");
      g_free (command->action);
      command->action = g_strdup (AWARDS_ACTION_IMPORT);
    }
  audit.action = command->action;
  audit.kind = command->kind;
  audit.record_id = command->record_id;
  audit.record = command->source != NULL ? command->source : command->record;
  audit.details = details != NULL ? details : command->details;
  audit.changeset = command->changeset;
  audit.changeset_size = command->changeset_size;
  audit.captured = command->captured;
  if (command->ranges != NULL)
    after = awards_import_ranges_to_json (command->ranges);
  audit.after = after != NULL ? after : command->after;
  audit.before = command->before;
  if (!awards_audit_write (store, &audit, &record, &command->empty, error))
    return FALSE;
  if (command->empty)
    return TRUE;
  if (command->ranges != NULL &&
      !awards_import_ranges_note_entry (command->ranges, awards_store_get_connection (store)))
    {
      awards_store_set_error (store, error, _("Could not read the database"));
      return FALSE;
    }
  if (command->record == NULL)
    command->record = g_steal_pointer (&record);
  command->written = TRUE;
  return TRUE;
}

/* The usual close of a store's write function: finish, commit or roll back, end. */
gboolean
awards_command_commit (AwardsStore  *store,
                       gboolean      ok,
                       GError      **error)
{
  AwardsHistory *history = history_get (store);
  AwardsCommand *command = history->current;
  gboolean outer = command != NULL && history->depth == 1;

  ok = awards_command_finish (store, ok, error);
  /* An edit that changed nothing visible is rolled back rather than committed: it would only
   * count the record's version up, and another clerk editing it would be told it had changed. */
  if (ok && outer && command->empty)
    {
      awards_store_write_end (store, FALSE, NULL);
      awards_command_end (store, FALSE);
      return TRUE;
    }
  /* The command joins the history before the commit emits "changed", so that whoever listens
   * reads the new Undo label; it leaves again if the commit fails. */
  if (ok && outer)
    awards_command_end (store, TRUE);
  if (!awards_store_write_end (store, ok, error) && ok && outer)
    {
      if (history->undo->len > 0 && g_ptr_array_index (history->undo, history->undo->len - 1)
                                    == (gpointer) command)
        g_ptr_array_remove_index (history->undo, history->undo->len - 1);
      return FALSE;
    }
  if (!outer || !ok)
    awards_command_end (store, ok);
  return ok;
}

/**
 * awards_command_end:
 * @committed: whether the transaction was committed
 *
 * Called after the commit or rollback of the transaction. A committed command goes into the
 * history (and a new command empties the redo list); anything else is forgotten.
 */
void
awards_command_end (AwardsStore *store,
                    gboolean     committed)
{
  AwardsHistory *history = history_get (store);
  AwardsCommand *command = history->current;

  if (command == NULL || !command->finished)
    return;
  history->current = NULL;
  history->depth = 0;
  if (!committed || !command->written || command->history_step)
    {
      /* An undo or a redo keeps its changeset for the caller, which put it there. */
      if (!command->history_step)
        command_free (command);
      return;
    }
  if (command->outside_undo)
    {
      command_free (command);
      return;
    }
  g_ptr_array_set_size (history->redo, 0);
  if (command->changeset == NULL && command->captured == NULL && command->ranges == NULL)
    {
      /* Nothing before a change that cannot be undone can be undone past it. */
      g_ptr_array_set_size (history->undo, 0);
      command_free (command);
      return;
    }
  g_ptr_array_add (history->undo, command);
}

/**
 * awards_command_log_restore:
 * @source: the backup the database was restored from
 *
 * Records in a database just restored that it was, as its first entry after the backup's own.
 */
gboolean
awards_command_log_restore (AwardsStore  *store,
                            const char   *source,
                            GError      **error)
{
  AwardsCommand *command;

  if (!awards_store_write_begin (store, error))
    return FALSE;
  awards_command_begin (store, AWARDS_ACTION_RESTORE, "database", 0);
  command = history_get (store)->current;
  command->record = g_strdup (source);
  g_clear_pointer (&command->session, sqlite3session_delete);
  return awards_command_commit (store, TRUE, error);
}

/* The batch or the caller rolled back: nothing of the command remains. */
void
awards_command_abort (AwardsStore *store)
{
  AwardsHistory *history = history_get (store);

  if (history->current != NULL && !history->current->history_step)
    command_free (history->current);
  history->current = NULL;
  history->depth = 0;
}

/* ------------------------------------------------------------------------------------------- */
/* Undo and redo                                                                                 */

gboolean
awards_store_can_undo (AwardsStore *self)
{
  gboolean can;

  g_return_val_if_fail (AWARDS_IS_STORE (self), FALSE);

  awards_store_lock (self);
  can = history_get (self)->undo->len > 0;
  awards_store_unlock (self);
  return can;
}

gboolean
awards_store_can_redo (AwardsStore *self)
{
  gboolean can;

  g_return_val_if_fail (AWARDS_IS_STORE (self), FALSE);

  awards_store_lock (self);
  can = history_get (self)->redo->len > 0;
  awards_store_unlock (self);
  return can;
}

static char *
step_label (AwardsStore *self,
            gboolean     undo)
{
  AwardsHistory *history;
  GPtrArray *stack;
  g_autofree char *label = NULL;
  char *result = NULL;

  awards_store_lock (self);
  history = history_get (self);
  stack = undo ? history->undo : history->redo;
  if (stack->len > 0)
    {
      label = command_label (g_ptr_array_index (stack, stack->len - 1));
      /* TRANSLATORS: %s is what will be undone, e.g. Delete “HTX Bạch Đằng” */
      result = g_strdup_printf (undo ? _("Undo %s") : _("Redo %s"), label);
    }
  awards_store_unlock (self);
  return result;
}

/**
 * awards_store_get_undo_label:
 *
 * Returns: (transfer full) (nullable): e.g. "Undo Delete “HTX Bạch Đằng”", or %NULL
 */
char *
awards_store_get_undo_label (AwardsStore *self)
{
  g_return_val_if_fail (AWARDS_IS_STORE (self), NULL);

  return step_label (self, TRUE);
}

char *
awards_store_get_redo_label (AwardsStore *self)
{
  g_return_val_if_fail (AWARDS_IS_STORE (self), NULL);

  return step_label (self, FALSE);
}

void
awards_store_clear_history (AwardsStore *self)
{
  AwardsHistory *history;

  g_return_if_fail (AWARDS_IS_STORE (self));

  awards_store_lock (self);
  history = history_get (self);
  g_ptr_array_set_size (history->undo, 0);
  g_ptr_array_set_size (history->redo, 0);
  awards_store_unlock (self);
}

typedef struct
{
  sqlite3 *db;
  int      conflict;
} ApplyContext;

static gboolean
values_equal (sqlite3_value *a,
              sqlite3_value *b)
{
  int type = sqlite3_value_type (a);

  if (type != sqlite3_value_type (b))
    return FALSE;
  switch (type)
    {
    case SQLITE_NULL:
      return TRUE;
    case SQLITE_INTEGER:
      return sqlite3_value_int64 (a) == sqlite3_value_int64 (b);
    case SQLITE_FLOAT:
      return sqlite3_value_double (a) == sqlite3_value_double (b);
    default:
      return sqlite3_value_bytes (a) == sqlite3_value_bytes (b) &&
             memcmp (sqlite3_value_blob (a), sqlite3_value_blob (b),
                     sqlite3_value_bytes (a)) == 0;
    }
}

/* The columns that writes and triggers stamp by themselves: a record whose other columns are
 * as expected is the same record, whatever these say. */
static gboolean
column_is_stamp (sqlite3    *db,
                 const char *table,
                 int         column)
{
  g_autofree char *sql = g_strdup_printf ("SELECT name FROM pragma_table_info ('%s')"
                                          " WHERE cid = %d", table, column);
  sqlite3_stmt *stmt = NULL;
  gboolean stamp = FALSE;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);

      stamp = g_strcmp0 (name, "row_version") == 0 || g_strcmp0 (name, "updated_at") == 0;
    }
  sqlite3_finalize (stmt);
  return stamp;
}

/* Whether the row in the database holds the change's new (or old) values, stamps aside. */
static gboolean
current_row_matches (ApplyContext           *context,
                     sqlite3_changeset_iter *iter,
                     gboolean                new_values)
{
  const char *table;
  int n_columns;
  int op;

  sqlite3changeset_op (iter, &table, &n_columns, &op, NULL);
  for (int i = 0; i < n_columns; i++)
    {
      sqlite3_value *expected = NULL;
      sqlite3_value *current = NULL;

      if ((new_values ? sqlite3changeset_new (iter, i, &expected)
                      : sqlite3changeset_old (iter, i, &expected)) != SQLITE_OK ||
          expected == NULL)
        continue;
      if (sqlite3changeset_conflict (iter, i, &current) != SQLITE_OK || current == NULL)
        return FALSE;
      if (!values_equal (expected, current) && !column_is_stamp (context->db, table, i))
        return FALSE;
    }
  return TRUE;
}

/*
 * Only the stamps differ (a later write, a trigger): the change applies. The row already holds
 * what the step would write (a trigger got there first, as when a decision's date is put back
 * and its awards follow): it is left alone. Anything else means that someone changed the record
 * since, and the step stops.
 */
static int
apply_conflict_cb (void                   *data,
                   int                     conflict,
                   sqlite3_changeset_iter *iter)
{
  ApplyContext *context = data;
  const char *table;
  int n_columns;
  int op;

  sqlite3changeset_op (iter, &table, &n_columns, &op, NULL);
  if (conflict == SQLITE_CHANGESET_DATA && op == SQLITE_UPDATE &&
      current_row_matches (context, iter, TRUE))
    return SQLITE_CHANGESET_OMIT;
  if (conflict == SQLITE_CHANGESET_DATA && current_row_matches (context, iter, FALSE))
    return SQLITE_CHANGESET_REPLACE;
  if (context->conflict == 0)
    context->conflict = conflict;
  return SQLITE_CHANGESET_ABORT;
}

/*
 * Undoes a large import by deleting the ranges of rows it created, with the write transaction
 * open and @original the newest of the undo list. It cannot be redone: the rows are gone and
 * keeping them for a redo is what the limit on changesets avoids; the file can be imported again.
 * The log gets one entry, like the import's, not a row for each record deleted.
 */
static gboolean
step_ranges (AwardsStore    *self,
             AwardsCommand  *original,
             const char     *label,
             GError        **error)
{
  AwardsHistory *history = history_get (self);
  AwardsCommand *current;
  GPtrArray *redo = NULL;
  gboolean ok;

  awards_command_begin (self, AWARDS_ACTION_UNDO, original->kind, original->record_id);
  current = history->current;
  current->history_step = TRUE;
  current->record = g_strdup (original->record);
  g_clear_pointer (&current->session, sqlite3session_delete);
  if (current->capturing)
    {
      awards_capture_set (self, FALSE);
      current->capturing = FALSE;
    }
  g_clear_pointer (&current->ranges, awards_import_ranges_free);
  current->details = awards_audit_count_details (original->n_awards, FALSE);
  ok = awards_import_ranges_undo (original->ranges, awards_store_get_connection (self), label,
                                  error);
  ok = awards_command_finish (self, ok, error);

  /* As in step (): the lists change before the commit emits "changed", back if it fails. The
   * import leaves the history, and what was undone before it cannot be redone over it. */
  if (ok)
    {
      g_ptr_array_steal_index (history->undo, history->undo->len - 1);
      redo = g_steal_pointer (&history->redo);
      history->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) command_free);
    }
  if (!awards_store_write_end (self, ok, error) && ok)
    {
      ok = FALSE;
      g_ptr_array_add (history->undo, original);
      g_ptr_array_unref (history->redo);
      history->redo = g_steal_pointer (&redo);
    }
  awards_store_lock (self);
  if (ok)
    command_free (original);
  g_clear_pointer (&redo, g_ptr_array_unref);
  history->current = current;
  current->history_step = FALSE;
  awards_command_abort (self);
  awards_store_unlock (self);
  return ok;
}

/*
 * The step of a command on a server: what it changed is put back from the rows recorded (the
 * command's own for an undo, the undo's for a redo), and what the step itself changed is kept
 * for the next step the other way. Called as step () is, with the step's command begun.
 */
static gboolean
step_captured (AwardsStore    *self,
               gboolean        undo,
               AwardsCommand  *original,
               const char     *label,
               GError        **error)
{
  AwardsHistory *history = history_get (self);
  AwardsCommand *current = history->current;
  GPtrArray *from = undo ? history->undo : history->redo;
  GPtrArray *to = undo ? history->redo : history->undo;
  gboolean conflict = FALSE;
  gboolean ok;

  ok = awards_capture_apply_inverse (self, original->captured, &conflict, error);
  if (!ok && conflict)
    g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_CONSTRAINT,
                 undo ? _("%s cannot be undone: the records it changed were changed again "
                          "since.")
                      : _("%s cannot be redone: the records it changed were changed again "
                          "since."),
                 label);
  if (ok)
    g_clear_pointer (&current->source, g_free);
  ok = awards_command_finish (self, ok, error);
  if (ok && current->captured == NULL)
    {
      g_set_error_literal (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_FAILED,
                           _("Could not undo the change"));
      ok = FALSE;
    }
  if (ok)
    {
      g_ptr_array_steal_index (from, from->len - 1);
      g_ptr_array_add (to, original);
    }
  if (!awards_store_write_end (self, ok, error) && ok)
    {
      ok = FALSE;
      g_ptr_array_steal_index (to, to->len - 1);
      g_ptr_array_add (from, original);
    }
  awards_store_lock (self);
  if (ok)
    {
      g_clear_pointer (&original->captured, g_ptr_array_unref);
      original->captured = g_steal_pointer (&current->captured);
    }
  history->current = current;
  current->history_step = FALSE;
  awards_command_abort (self);
  awards_store_unlock (self);
  return ok;
}

/* Undoes (or redoes) the newest command of one list, as a logged command of its own. */
static gboolean
step (AwardsStore  *self,
      gboolean      undo,
      GError      **error)
{
  AwardsHistory *history;
  GPtrArray *from;
  GPtrArray *to;
  AwardsCommand *original;
  AwardsCommand *current;
  ApplyContext context = { 0, };
  g_autofree char *label = NULL;
  gpointer inverse = NULL;
  int inverse_size = 0;
  gboolean ok;
  int rc;

  if (!awards_store_write_begin (self, error))
    return FALSE;
  history = history_get (self);
  if (awards_store_is_in_batch (self) || history->current != NULL)
    {
      g_set_error_literal (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_BUSY,
                           _("Another change is being written to the database."));
      awards_store_unlock (self);
      return FALSE;
    }
  from = undo ? history->undo : history->redo;
  to = undo ? history->redo : history->undo;
  if (from->len == 0)
    {
      g_set_error_literal (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_NOT_FOUND,
                           undo ? _("There is nothing to undo.") : _("There is nothing to redo."));
      awards_store_write_end (self, FALSE, NULL);
      return FALSE;
    }
  original = g_ptr_array_index (from, from->len - 1);
  label = command_label (original);
  if (original->changeset == NULL && original->captured == NULL && undo &&
      original->ranges != NULL)
    return step_ranges (self, original, label, error);
  if (original->changeset == NULL && original->captured == NULL)
    {
      g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_INVALID,
                   _("“%s” was too large to be kept for undoing."), original->record);
      awards_store_write_end (self, FALSE, NULL);
      return FALSE;
    }

  awards_command_begin (self, undo ? AWARDS_ACTION_UNDO : AWARDS_ACTION_REDO,
                        original->kind, original->record_id);
  current = history->current;
  current->history_step = TRUE;
  current->record = g_strdup (original->record);
  if (original->captured != NULL)
    return step_captured (self, undo, original, label, error);
  if (undo)
    {
      ok = sqlite3changeset_invert (original->changeset_size, original->changeset,
                                    &inverse_size, &inverse) == SQLITE_OK;
    }
  else
    {
      inverse = sqlite3_malloc (original->changeset_size);
      ok = inverse != NULL;
      if (ok)
        memcpy (inverse, original->changeset, original->changeset_size);
      inverse_size = original->changeset_size;
    }
  if (!ok)
    g_set_error_literal (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_FAILED,
                         _("Not enough memory to undo the change."));
  if (ok)
    {
      context.db = awards_store_get_db (self);
      rc = sqlite3changeset_apply (context.db, inverse_size, inverse, NULL,
                                   apply_conflict_cb, &context);
      if (rc != SQLITE_OK || context.conflict != 0)
        {
          if (context.conflict != 0 || rc == SQLITE_ABORT)
            g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_CONSTRAINT,
                         undo ? _("%s cannot be undone: the records it changed were changed "
                                  "again since.")
                              : _("%s cannot be redone: the records it changed were changed "
                                  "again since."),
                         label);
          else
            awards_store_set_error (self, error, _("Could not undo the change"));
          ok = FALSE;
        }
    }
  sqlite3_free (inverse);

  /* The log names the command undone, the way the menu did. */
  if (ok)
    {
      g_free (current->source);
      current->source = NULL;
    }
  ok = awards_command_finish (self, ok, error);

  /* The lists move before the commit, whose "changed" makes the window read the new labels;
   * they move back if the commit fails. What the step wrote, inverted, is what the next step
   * in the other direction applies (for a redo, the changes themselves). */
  inverse = NULL;
  inverse_size = 0;
  if (ok && undo && current->changeset != NULL)
    sqlite3changeset_invert (current->changeset_size, current->changeset,
                             &inverse_size, &inverse);
  else if (ok && !undo)
    {
      inverse = g_steal_pointer (&current->changeset);
      inverse_size = current->changeset_size;
    }
  if (ok)
    {
      g_ptr_array_steal_index (from, from->len - 1);
      g_ptr_array_add (to, original);
    }
  if (!awards_store_write_end (self, ok, error) && ok)
    {
      ok = FALSE;
      g_ptr_array_steal_index (to, to->len - 1);
      g_ptr_array_add (from, original);
      g_clear_pointer (&inverse, sqlite3_free);
    }
  awards_store_lock (self);
  if (ok)
    {
      g_clear_pointer (&original->changeset, sqlite3_free);
      original->changeset = g_steal_pointer (&inverse);
      original->changeset_size = inverse_size;
    }
  history->current = current;
  current->history_step = FALSE;
  awards_command_abort (self);
  awards_store_unlock (self);
  return ok;
}

/**
 * awards_store_undo:
 *
 * Undoes the newest command of this session, in one transaction that the log records as an
 * "undo". Refused when a record it changed was changed again since (by anyone).
 */
gboolean
awards_store_undo (AwardsStore  *self,
                   GError      **error)
{
  g_return_val_if_fail (AWARDS_IS_STORE (self), FALSE);

  return step (self, TRUE, error);
}

gboolean
awards_store_redo (AwardsStore  *self,
                   GError      **error)
{
  g_return_val_if_fail (AWARDS_IS_STORE (self), FALSE);

  return step (self, FALSE, error);
}
