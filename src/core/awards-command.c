/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

/* The session extension records what a command changed, as a changeset that can be inverted. */
#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1

#include <string.h>

#include <glib/gi18n-lib.h>

#include "awards-audit-private.h"
#include "awards-capture.h"
#include "awards-command-history.h"
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

void
awards_command_free (AwardsCommand *command)
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

  awards_command_free (history->current);
  g_ptr_array_unref (history->undo);
  g_ptr_array_unref (history->redo);
  g_mutex_clear (&history->labels_lock);
  g_free (history->labels[0]);
  g_free (history->labels[1]);
  g_free (history);
}

AwardsHistory *
awards_command_history (AwardsStore *store)
{
  /* The window reads the labels from its own thread: the history is made once, whoever asks. */
  static GMutex making;
  static GQuark quark;
  AwardsHistory *history;

  g_mutex_lock (&making);
  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("awards-command-history");
  history = g_object_get_qdata (G_OBJECT (store), quark);
  if (history == NULL)
    {
      history = g_new0 (AwardsHistory, 1);
      history->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) awards_command_free);
      history->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) awards_command_free);
      g_mutex_init (&history->labels_lock);
      g_object_set_qdata_full (G_OBJECT (store), quark, history, history_free);
    }
  g_mutex_unlock (&making);
  return history;
}

/* The label of the newest command of @stack, as the Edit menu shows it, or NULL. */
static char *
step_label (GPtrArray *stack,
            gboolean   undo)
{
  g_autofree char *label = NULL;

  if (stack->len == 0)
    return NULL;
  label = awards_command_label (g_ptr_array_index (stack, stack->len - 1));
  /* TRANSLATORS: %s is what will be undone, e.g. Delete “HTX Bạch Đằng” */
  return g_strdup_printf (undo ? _("Undo %s") : _("Redo %s"), label);
}

/**
 * awards_command_history_snapshot:
 *
 * Keeps the labels of the newest undo and redo steps for readers that must not wait for the
 * store's lock: a long write (an import, a merge) holds it, and the window asks for the labels
 * whenever another clerk's commit arrives. Call it with the store's lock held, after the lists
 * changed.
 */
void
awards_command_history_snapshot (AwardsStore *store)
{
  AwardsHistory *history = awards_command_history (store);
  char *labels[2] = { step_label (history->undo, TRUE), step_label (history->redo, FALSE) };

  g_mutex_lock (&history->labels_lock);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      g_free (history->labels[i]);
      history->labels[i] = labels[i];
    }
  g_mutex_unlock (&history->labels_lock);
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
  AwardsHistory *history = awards_command_history (store);
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
  AwardsCommand *command = awards_command_history (store)->current;

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
  AwardsHistory *history = awards_command_history (store);
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
  AwardsCommand *command = awards_command_history (store)->current;

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
  command = awards_command_history (self)->current;
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
  AwardsCommand *command = awards_command_history (store)->current;

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
  AwardsCommand *command = awards_command_history (store)->current;

  if (command == NULL)
    return;
  g_clear_pointer (&command->session, sqlite3session_delete);
  if (command->capturing)
    {
      awards_capture_set (store, FALSE);
      command->capturing = FALSE;
    }
}

char *
awards_command_label (const AwardsCommand *command)
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
  AwardsHistory *history = awards_command_history (store);
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
  AwardsHistory *history = awards_command_history (store);
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
      awards_store_lock (store);
      if (history->undo->len > 0 && g_ptr_array_index (history->undo, history->undo->len - 1)
                                    == (gpointer) command)
        g_ptr_array_remove_index (history->undo, history->undo->len - 1);
      awards_command_history_snapshot (store);
      awards_store_unlock (store);
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
  AwardsHistory *history = awards_command_history (store);
  AwardsCommand *command = history->current;

  if (command == NULL || !command->finished)
    return;
  history->current = NULL;
  history->depth = 0;
  if (!committed || !command->written || command->history_step)
    {
      /* An undo or a redo keeps its changeset for the caller, which put it there. */
      if (!command->history_step)
        awards_command_free (command);
      return;
    }
  if (command->outside_undo)
    {
      awards_command_free (command);
      return;
    }
  g_ptr_array_set_size (history->redo, 0);
  if (command->changeset == NULL && command->captured == NULL && command->ranges == NULL)
    {
      /* Nothing before a change that cannot be undone can be undone past it. */
      g_ptr_array_set_size (history->undo, 0);
      awards_command_free (command);
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
  command = awards_command_history (store)->current;
  command->record = g_strdup (source);
  g_clear_pointer (&command->session, sqlite3session_delete);
  return awards_command_commit (store, TRUE, error);
}

/* The batch or the caller rolled back: nothing of the command remains. */
void
awards_command_abort (AwardsStore *store)
{
  AwardsHistory *history = awards_command_history (store);

  if (history->current != NULL && !history->current->history_step)
    awards_command_free (history->current);
  history->current = NULL;
  history->depth = 0;
}
