/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

/* The session extension applies a command's changeset, or its inverse. */
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
 * awards-command-undo.c: undo and redo. Each applies the inverse of a command's changeset (or
 * its captured rows on a server, or the ranges of a large import), or the changeset again, as a
 * command of its own that is logged too; a change made since by anyone else is a conflict, and
 * the step is refused rather than overwriting it.
 */

/* The label kept by awards_command_history_snapshot (): no wait for a write under way. */
static char *
kept_label (AwardsStore *self,
            gboolean     undo)
{
  AwardsHistory *history = awards_command_history (self);
  char *label;

  g_mutex_lock (&history->labels_lock);
  label = g_strdup (history->labels[undo ? 0 : 1]);
  g_mutex_unlock (&history->labels_lock);
  return label;
}

gboolean
awards_store_can_undo (AwardsStore *self)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (AWARDS_IS_STORE (self), FALSE);

  label = kept_label (self, TRUE);
  return label != NULL;
}

gboolean
awards_store_can_redo (AwardsStore *self)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (AWARDS_IS_STORE (self), FALSE);

  label = kept_label (self, FALSE);
  return label != NULL;
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

  return kept_label (self, TRUE);
}

char *
awards_store_get_redo_label (AwardsStore *self)
{
  g_return_val_if_fail (AWARDS_IS_STORE (self), NULL);

  return kept_label (self, FALSE);
}

void
awards_store_clear_history (AwardsStore *self)
{
  AwardsHistory *history;

  g_return_if_fail (AWARDS_IS_STORE (self));

  awards_store_lock (self);
  history = awards_command_history (self);
  g_ptr_array_set_size (history->undo, 0);
  g_ptr_array_set_size (history->redo, 0);
  awards_command_history_snapshot (self);
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
 * The close of an undo or a redo, with the store's lock held (it is released): the step's
 * command is forgotten, and the labels are kept as the lists now are, a failed commit having
 * put them back as they were.
 */
static void
end_step (AwardsStore   *self,
          AwardsCommand *current)
{
  awards_command_history (self)->current = current;
  current->history_step = FALSE;
  awards_command_abort (self);
  awards_command_history_snapshot (self);
  awards_store_unlock (self);
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
  AwardsHistory *history = awards_command_history (self);
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
      history->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) awards_command_free);
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
    awards_command_free (original);
  g_clear_pointer (&redo, g_ptr_array_unref);
  end_step (self, current);
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
  AwardsHistory *history = awards_command_history (self);
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
  end_step (self, current);
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
  history = awards_command_history (self);
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
  label = awards_command_label (original);
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
  end_step (self, current);
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
