/* awards-command-async.c: undo and redo on the store's write thread, for the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "awards-command-async.h"
#include "awards-store-async-private.h"

/*
 * An undo is a write like any other: it waits for the write lock, which another program may
 * hold for a while, so the window asks for it here and goes on answering in the meantime. It
 * queues behind the saves asked before it, on the one write thread, so it undoes what the user
 * saw saved last.
 */

static gboolean
undo (AwardsStore  *store,
      Call         *call,
      GError      **error)
{
  return awards_store_undo (store, error);
}

static gboolean
redo (AwardsStore  *store,
      Call         *call,
      GError      **error)
{
  return awards_store_redo (store, error);
}

/**
 * awards_store_undo_async:
 *
 * Undoes the newest command of the session's history, as awards_store_undo() does.
 */
void
awards_store_undo_async (AwardsStore         *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_return_if_fail (AWARDS_IS_STORE (self));

  awards_store_call_run (self, AWARDS_WORK_WRITE, awards_store_undo_async,
                         awards_store_call_new (undo, NULL), cancellable, callback, user_data);
}

gboolean
awards_store_undo_finish (AwardsStore   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  return awards_store_call_finish (self, result, awards_store_undo_async, error);
}

/**
 * awards_store_redo_async:
 *
 * Redoes the newest command undone, as awards_store_redo() does.
 */
void
awards_store_redo_async (AwardsStore         *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_return_if_fail (AWARDS_IS_STORE (self));

  awards_store_call_run (self, AWARDS_WORK_WRITE, awards_store_redo_async,
                         awards_store_call_new (redo, NULL), cancellable, callback, user_data);
}

gboolean
awards_store_redo_finish (AwardsStore   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  return awards_store_call_finish (self, result, awards_store_redo_async, error);
}
