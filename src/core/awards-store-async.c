/* awards-store-async.c: the store's asynchronous calls, for the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "awards-audit.h"
#include "awards-store-async-private.h"
#include "awards-store-private.h"

/* How often a call that a server refused for a concurrent change (a deadlock with another
 * program's transaction, a serialization failure) is run again before the clerk is told. Each
 * call is one transaction, rolled back whole when it fails, so running it again is safe. */
#define SERVER_RETRIES 3

/*
 * One Call holds the copied arguments of any call and its result; each operation is a small
 * function that runs the synchronous twin with them on a worker thread, and one runner
 * (awards_store_call_run ()) does the rest: the task, the pool, the error, the result's way
 * back to the caller's main context. A public _async is its arguments, a _finish one line.
 */

void
awards_store_call_free (gpointer data)
{
  Call *call = data;

  g_free (call->search);
  g_free (call->date_from);
  g_free (call->date_to);
  g_free (call->query_search);
  g_clear_object (&call->object);
  g_clear_pointer (&call->recipients, g_ptr_array_unref);
  if (call->data != NULL && call->data_free != NULL)
    call->data_free (call->data);
  if (call->result != NULL && call->result_free != NULL)
    call->result_free (call->result);
  g_free (call);
}

void
awards_store_call_set_query (Call              *call,
                             const AwardsQuery *query)
{
  if (query != NULL)
    call->query = *query;
  else
    awards_query_init (&call->query);
  call->query.date_from = call->date_from = g_strdup (call->query.date_from);
  call->query.date_to = call->date_to = g_strdup (call->query.date_to);
  call->query.search = call->query_search = g_strdup (call->query.search);
}

/**
 * awards_store_run_task:
 * @self: the store the work uses
 * @kind: what the work is, which decides the pool it runs on
 * @task: the task
 * @func: the work
 *
 * Runs work that uses the store (a report, an export, an import) on src/core's threads, for the
 * layers above that must not start threads of their own. The store is kept alive until @func
 * returns.
 */
void
awards_store_run_task (AwardsStore     *self,
                       AwardsWorkKind   kind,
                       GTask           *task,
                       GTaskThreadFunc  func)
{
  g_return_if_fail (AWARDS_IS_STORE (self));
  g_return_if_fail (G_IS_TASK (task));

  /* The task holds the store for as long as the work may use it. */
  g_object_set_data_full (G_OBJECT (task), "awards-store", g_object_ref (self), g_object_unref);
  awards_worker_run_task (kind, task, func);
}

GTask *
awards_store_call_task (AwardsStore         *self,
                        gpointer             source_tag,
                        Call                *call,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, call, awards_store_call_free);
  return task;
}

/**
 * awards_store_call_new:
 * @func: what the call does on its worker thread
 * @result_free: (nullable): frees the result @func leaves, when nobody claims it
 *
 * Returns: (transfer full): a call with no arguments yet; the caller fills them in
 */
Call *
awards_store_call_new (AwardsCallFunc  func,
                       GDestroyNotify  result_free)
{
  Call *call = g_new0 (Call, 1);

  call->func = func;
  call->result_free = result_free;
  return call;
}

static void
call_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Call *call = task_data;
  GError *error = NULL;

  for (guint attempt = 0; ; attempt++)
    {
      if (call->func (source_object, call, &error))
        {
          g_task_return_boolean (task, TRUE);
          return;
        }
      if (attempt == SERVER_RETRIES || !awards_store_is_server (source_object) ||
          !g_error_matches (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_BUSY))
        break;
      g_clear_error (&error);
      g_usleep ((attempt + 1) * 50 * G_TIME_SPAN_MILLISECOND);
    }
  /* Every synchronous twin says why it failed; this is only a guard against one that forgets. */
  if (error == NULL)
    error = g_error_new_literal (AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_FAILED,
                                 _("The database gave no answer"));
  g_task_return_error (task, error);
}

/**
 * awards_store_call_run:
 * @kind: the pool the call runs on
 * @source_tag: the public _async function, which its _finish checks
 * @call: (transfer full): the call, with its copied arguments
 *
 * Runs @call on src/core's worker threads; @callback then runs in the caller's thread-default
 * main context, where the matching awards_store_call_finish*() takes the result.
 */
void
awards_store_call_run (AwardsStore         *self,
                       AwardsWorkKind       kind,
                       gpointer             source_tag,
                       Call                *call,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = awards_store_call_task (self, source_tag, call, cancellable, callback,
                                                  user_data);

  awards_worker_run_task (kind, task, call_thread);
}

/**
 * awards_store_call_finish:
 *
 * Returns: whether the call succeeded; its result, if any, stays in the call
 */
gboolean
awards_store_call_finish (AwardsStore   *self,
                          GAsyncResult  *result,
                          gpointer       source_tag,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, source_tag), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * awards_store_call_finish_pointer:
 *
 * Returns: (transfer full) (nullable): the object or array the call left, or %NULL with @error
 *   set
 */
gpointer
awards_store_call_finish_pointer (AwardsStore   *self,
                                  GAsyncResult  *result,
                                  gpointer       source_tag,
                                  GError       **error)
{
  Call *call;

  if (!awards_store_call_finish (self, result, source_tag, error))
    return NULL;
  call = g_task_get_task_data (G_TASK (result));
  return g_steal_pointer (&call->result);
}

/**
 * awards_store_call_finish_number:
 *
 * Returns: the count or id the call left, or 0 with @error set
 */
gint64
awards_store_call_finish_number (AwardsStore   *self,
                                 GAsyncResult  *result,
                                 gpointer       source_tag,
                                 GError       **error)
{
  Call *call;

  if (!awards_store_call_finish (self, result, source_tag, error))
    return 0;
  call = g_task_get_task_data (G_TASK (result));
  return call->number;
}

static gboolean
list_organisations (AwardsStore  *store,
                    Call         *call,
                    GError      **error)
{
  call->result = awards_store_list_organisations (store, call->search, call->offset,
                                                  call->limit, error);
  return call->result != NULL;
}

void
awards_store_list_organisations_async (AwardsStore         *self,
                                       const char          *search,
                                       guint                offset,
                                       guint                limit,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  Call *call;

  g_return_if_fail (AWARDS_IS_STORE (self));

  call = awards_store_call_new (list_organisations, (GDestroyNotify) g_ptr_array_unref);
  call->search = g_strdup (search);
  call->offset = offset;
  call->limit = limit;
  awards_store_call_run (self, AWARDS_WORK_READ, awards_store_list_organisations_async, call,
                         cancellable, callback, user_data);
}

GPtrArray *
awards_store_list_organisations_finish (AwardsStore   *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  return awards_store_call_finish_pointer (self, result, awards_store_list_organisations_async,
                                           error);
}

static gboolean
count_organisations (AwardsStore  *store,
                     Call         *call,
                     GError      **error)
{
  GError *local = NULL;

  call->number = awards_store_count_organisations (store, call->search, &local);
  if (local == NULL)
    return TRUE;
  g_propagate_error (error, local);
  return FALSE;
}

void
awards_store_count_organisations_async (AwardsStore         *self,
                                        const char          *search,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  Call *call;

  g_return_if_fail (AWARDS_IS_STORE (self));

  call = awards_store_call_new (count_organisations, NULL);
  call->search = g_strdup (search);
  awards_store_call_run (self, AWARDS_WORK_READ, awards_store_count_organisations_async, call,
                         cancellable, callback, user_data);
}

guint
awards_store_count_organisations_finish (AwardsStore   *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  return (guint) awards_store_call_finish_number (self, result,
                                                  awards_store_count_organisations_async, error);
}

static gboolean
list_people (AwardsStore  *store,
             Call         *call,
             GError      **error)
{
  call->result = awards_store_list_people (store, call->search, call->organisation_id,
                                           call->offset, call->limit, error);
  return call->result != NULL;
}

void
awards_store_list_people_async (AwardsStore         *self,
                                const char          *search,
                                gint64               organisation_id,
                                guint                offset,
                                guint                limit,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  Call *call;

  g_return_if_fail (AWARDS_IS_STORE (self));

  call = awards_store_call_new (list_people, (GDestroyNotify) g_ptr_array_unref);
  call->search = g_strdup (search);
  call->organisation_id = organisation_id;
  call->offset = offset;
  call->limit = limit;
  awards_store_call_run (self, AWARDS_WORK_READ, awards_store_list_people_async, call,
                         cancellable, callback, user_data);
}

GPtrArray *
awards_store_list_people_finish (AwardsStore   *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return awards_store_call_finish_pointer (self, result, awards_store_list_people_async, error);
}

static gboolean
count_people (AwardsStore  *store,
              Call         *call,
              GError      **error)
{
  GError *local = NULL;

  call->number = awards_store_count_people (store, call->search, call->organisation_id,
                                            &local);
  if (local == NULL)
    return TRUE;
  g_propagate_error (error, local);
  return FALSE;
}

void
awards_store_count_people_async (AwardsStore         *self,
                                 const char          *search,
                                 gint64               organisation_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  Call *call;

  g_return_if_fail (AWARDS_IS_STORE (self));

  call = awards_store_call_new (count_people, NULL);
  call->search = g_strdup (search);
  call->organisation_id = organisation_id;
  awards_store_call_run (self, AWARDS_WORK_READ, awards_store_count_people_async, call,
                         cancellable, callback, user_data);
}

guint
awards_store_count_people_finish (AwardsStore   *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return (guint) awards_store_call_finish_number (self, result, awards_store_count_people_async,
                                                  error);
}

static gboolean
list_decisions (AwardsStore  *store,
                Call         *call,
                GError      **error)
{
  call->result = awards_store_list_decisions (store, call->search, call->offset, call->limit,
                                              error);
  return call->result != NULL;
}

void
awards_store_list_decisions_async (AwardsStore         *self,
                                   const char          *search,
                                   guint                offset,
                                   guint                limit,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  Call *call;

  g_return_if_fail (AWARDS_IS_STORE (self));

  call = awards_store_call_new (list_decisions, (GDestroyNotify) g_ptr_array_unref);
  call->search = g_strdup (search);
  call->offset = offset;
  call->limit = limit;
  awards_store_call_run (self, AWARDS_WORK_READ, awards_store_list_decisions_async, call,
                         cancellable, callback, user_data);
}

GPtrArray *
awards_store_list_decisions_finish (AwardsStore   *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return awards_store_call_finish_pointer (self, result, awards_store_list_decisions_async, error);
}

static gboolean
count_decisions (AwardsStore  *store,
                 Call         *call,
                 GError      **error)
{
  GError *local = NULL;

  call->number = awards_store_count_decisions (store, call->search, &local);
  if (local == NULL)
    return TRUE;
  g_propagate_error (error, local);
  return FALSE;
}

void
awards_store_count_decisions_async (AwardsStore         *self,
                                    const char          *search,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  Call *call;

  g_return_if_fail (AWARDS_IS_STORE (self));

  call = awards_store_call_new (count_decisions, NULL);
  call->search = g_strdup (search);
  awards_store_call_run (self, AWARDS_WORK_READ, awards_store_count_decisions_async, call,
                         cancellable, callback, user_data);
}

guint
awards_store_count_decisions_finish (AwardsStore   *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return (guint) awards_store_call_finish_number (self, result, awards_store_count_decisions_async,
                                                  error);
}

static gboolean
search (AwardsStore  *store,
        Call         *call,
        GError      **error)
{
  call->result = awards_store_search (store, call->search, call->limit, error);
  return call->result != NULL;
}

void
awards_store_search_async (AwardsStore         *self,
                           const char          *text,
                           guint                limit,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  Call *call;

  g_return_if_fail (AWARDS_IS_STORE (self));
  g_return_if_fail (text != NULL);

  call = awards_store_call_new (search, (GDestroyNotify) g_ptr_array_unref);
  call->search = g_strdup (text);
  call->limit = limit;
  awards_store_call_run (self, AWARDS_WORK_READ, awards_store_search_async, call,
                         cancellable, callback, user_data);
}

GPtrArray *
awards_store_search_finish (AwardsStore   *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  return awards_store_call_finish_pointer (self, result, awards_store_search_async, error);
}

static gboolean
get_organisation (AwardsStore  *store,
                  Call         *call,
                  GError      **error)
{
  call->result = awards_store_get_organisation (store, call->id, error);
  return call->result != NULL;
}

void
awards_store_get_organisation_async (AwardsStore         *self,
                                     gint64               id,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  Call *call;

  g_return_if_fail (AWARDS_IS_STORE (self));

  call = awards_store_call_new (get_organisation, g_object_unref);
  call->id = id;
  awards_store_call_run (self, AWARDS_WORK_READ, awards_store_get_organisation_async, call,
                         cancellable, callback, user_data);
}

AwardsOrganisation *
awards_store_get_organisation_finish (AwardsStore   *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return awards_store_call_finish_pointer (self, result, awards_store_get_organisation_async,
                                           error);
}

static gboolean
get_person (AwardsStore  *store,
            Call         *call,
            GError      **error)
{
  call->result = awards_store_get_person (store, call->id, error);
  return call->result != NULL;
}

void
awards_store_get_person_async (AwardsStore         *self,
                               gint64               id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  Call *call;

  g_return_if_fail (AWARDS_IS_STORE (self));

  call = awards_store_call_new (get_person, g_object_unref);
  call->id = id;
  awards_store_call_run (self, AWARDS_WORK_READ, awards_store_get_person_async, call,
                         cancellable, callback, user_data);
}

AwardsPerson *
awards_store_get_person_finish (AwardsStore   *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return awards_store_call_finish_pointer (self, result, awards_store_get_person_async, error);
}

static gboolean
get_decision (AwardsStore  *store,
              Call         *call,
              GError      **error)
{
  call->result = awards_store_get_decision (store, call->id, error);
  return call->result != NULL;
}

void
awards_store_get_decision_async (AwardsStore         *self,
                                 gint64               id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  Call *call;

  g_return_if_fail (AWARDS_IS_STORE (self));

  call = awards_store_call_new (get_decision, g_object_unref);
  call->id = id;
  awards_store_call_run (self, AWARDS_WORK_READ, awards_store_get_decision_async, call,
                         cancellable, callback, user_data);
}

AwardsDecision *
awards_store_get_decision_finish (AwardsStore   *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return awards_store_call_finish_pointer (self, result, awards_store_get_decision_async, error);
}

static gboolean
get_commendation (AwardsStore  *store,
                  Call         *call,
                  GError      **error)
{
  call->result = awards_store_get_commendation (store, call->id, error);
  return call->result != NULL;
}

void
awards_store_get_commendation_async (AwardsStore         *self,
                                     gint64               id,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  Call *call;

  g_return_if_fail (AWARDS_IS_STORE (self));

  call = awards_store_call_new (get_commendation, g_object_unref);
  call->id = id;
  awards_store_call_run (self, AWARDS_WORK_READ, awards_store_get_commendation_async, call,
                         cancellable, callback, user_data);
}

AwardsCommendation *
awards_store_get_commendation_finish (AwardsStore   *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return awards_store_call_finish_pointer (self, result, awards_store_get_commendation_async,
                                           error);
}

static gboolean
get_row_version (AwardsStore  *store,
                 Call         *call,
                 GError      **error)
{
  GError *local = NULL;

  call->number = awards_store_get_row_version (store, call->search, call->id, &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  return TRUE;
}

/**
 * awards_store_get_row_version_async:
 * @kind: "organisation", "person", "decision" or "award"
 *
 * Reads the record's row version on the store's threads, for an editor that must not wait.
 */
void
awards_store_get_row_version_async (AwardsStore         *self,
                                    const char          *kind,
                                    gint64               record_id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  Call *call;

  g_return_if_fail (AWARDS_IS_STORE (self));
  g_return_if_fail (kind != NULL);

  call = awards_store_call_new (get_row_version, NULL);
  call->search = g_strdup (kind);
  call->id = record_id;
  awards_store_call_run (self, AWARDS_WORK_READ, awards_store_get_row_version_async, call,
                         cancellable, callback, user_data);
}

/**
 * awards_store_get_row_version_finish:
 *
 * Returns: as awards_store_get_row_version(): the version, or -1 when the record does not
 *   exist (any more) or, with @error set, when it could not be read
 */
gint64
awards_store_get_row_version_finish (AwardsStore   *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  GError *local = NULL;
  gint64 version = awards_store_call_finish_number (self, result,
                                                    awards_store_get_row_version_async,
                                                    &local);

  if (local != NULL)
    {
      g_propagate_error (error, local);
      return -1;
    }
  return version;
}

static gboolean
list_audit (AwardsStore  *store,
            Call         *call,
            GError      **error)
{
  if (call->search != NULL)
    call->result = awards_store_list_record_audit (store, call->search, call->id, call->limit,
                                                   error);
  else
    call->result = awards_store_list_audit (store, NULL, call->limit, error);
  return call->result != NULL;
}

/**
 * awards_store_list_audit_async:
 * @kind: (nullable): the kind of record whose entries are wanted, as for
 *   awards_store_list_record_audit (); %NULL for the whole log, newest first
 *
 * Reads entries of the audit log on the store's threads.
 */
void
awards_store_list_audit_async (AwardsStore         *self,
                               const char          *kind,
                               gint64               record_id,
                               guint                limit,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  Call *call;

  g_return_if_fail (AWARDS_IS_STORE (self));

  call = awards_store_call_new (list_audit, (GDestroyNotify) g_ptr_array_unref);
  call->search = g_strdup (kind);
  call->id = record_id;
  call->limit = limit;
  awards_store_call_run (self, AWARDS_WORK_READ, awards_store_list_audit_async, call,
                         cancellable, callback, user_data);
}

/**
 * awards_store_list_audit_finish:
 *
 * Returns: (transfer full) (element-type AwardsAuditEntry): the entries, or %NULL with @error
 */
GPtrArray *
awards_store_list_audit_finish (AwardsStore   *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return awards_store_call_finish_pointer (self, result, awards_store_list_audit_async, error);
}

static gboolean
list_commendations (AwardsStore  *store,
                    Call         *call,
                    GError      **error)
{
  call->result = awards_store_list_commendations (store, &call->query, call->order, error);
  return call->result != NULL;
}

void
awards_store_list_commendations_async (AwardsStore         *self,
                                       const AwardsQuery   *query,
                                       AwardsOrder          order,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  Call *call;

  g_return_if_fail (AWARDS_IS_STORE (self));

  call = awards_store_call_new (list_commendations, (GDestroyNotify) g_ptr_array_unref);
  awards_store_call_set_query (call, query);
  call->order = order;
  awards_store_call_run (self, AWARDS_WORK_READ, awards_store_list_commendations_async, call,
                         cancellable, callback, user_data);
}

GPtrArray *
awards_store_list_commendations_finish (AwardsStore   *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  return awards_store_call_finish_pointer (self, result, awards_store_list_commendations_async,
                                           error);
}

static gboolean
count_commendations (AwardsStore  *store,
                     Call         *call,
                     GError      **error)
{
  GError *local = NULL;

  call->number = awards_store_count_commendations (store, &call->query, &local);
  if (local == NULL)
    return TRUE;
  g_propagate_error (error, local);
  return FALSE;
}

void
awards_store_count_commendations_async (AwardsStore         *self,
                                        const AwardsQuery   *query,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  Call *call;

  g_return_if_fail (AWARDS_IS_STORE (self));

  call = awards_store_call_new (count_commendations, NULL);
  awards_store_call_set_query (call, query);
  awards_store_call_run (self, AWARDS_WORK_READ, awards_store_count_commendations_async, call,
                         cancellable, callback, user_data);
}

guint
awards_store_count_commendations_finish (AwardsStore   *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  return (guint) awards_store_call_finish_number (self, result,
                                                  awards_store_count_commendations_async, error);
}

static gboolean
summary (AwardsStore  *store,
         Call         *call,
         GError      **error)
{
  call->result = awards_store_summary (store, &call->query, error);
  return call->result != NULL;
}

void
awards_store_summary_async (AwardsStore         *self,
                            const AwardsQuery   *query,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  Call *call;

  g_return_if_fail (AWARDS_IS_STORE (self));

  call = awards_store_call_new (summary, (GDestroyNotify) g_ptr_array_unref);
  awards_store_call_set_query (call, query);
  awards_store_call_run (self, AWARDS_WORK_LONG, awards_store_summary_async, call,
                         cancellable, callback, user_data);
}

GPtrArray *
awards_store_summary_finish (AwardsStore   *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return awards_store_call_finish_pointer (self, result, awards_store_summary_async, error);
}

static gboolean
yearly (AwardsStore  *store,
        Call         *call,
        GError      **error)
{
  call->result = awards_store_yearly (store, &call->query, error);
  return call->result != NULL;
}

void
awards_store_yearly_async (AwardsStore         *self,
                           const AwardsQuery   *query,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  Call *call;

  g_return_if_fail (AWARDS_IS_STORE (self));

  call = awards_store_call_new (yearly, (GDestroyNotify) g_ptr_array_unref);
  awards_store_call_set_query (call, query);
  awards_store_call_run (self, AWARDS_WORK_LONG, awards_store_yearly_async, call,
                         cancellable, callback, user_data);
}

GPtrArray *
awards_store_yearly_finish (AwardsStore   *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  return awards_store_call_finish_pointer (self, result, awards_store_yearly_async, error);
}
