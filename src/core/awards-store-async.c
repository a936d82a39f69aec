/* awards-store-async.c: the store's asynchronous calls, for the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "awards-store-async-private.h"

/*
 * One Call holds the copied arguments of any call; each operation is a thread function that
 * runs the synchronous twin with them. Results travel through GTask: objects and arrays as
 * pointers, counts and ids as integers (an id fits the gssize of the 64-bit systems we build
 * for; it is checked below).
 */

G_STATIC_ASSERT (sizeof (gssize) >= sizeof (gint64));

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

  if (call->func (source_object, call, &error))
    {
      g_task_return_boolean (task, TRUE);
      return;
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

static void
list_organisations_thread (GTask        *task,
                           gpointer      source_object,
                           gpointer      task_data,
                           GCancellable *cancellable)
{
  AwardsStore *store = source_object;
  Call *call = task_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *result = awards_store_list_organisations (store, call->search, call->offset,
                                                       call->limit, &error);

  if (result == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, result, (GDestroyNotify) g_ptr_array_unref);
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
  g_autoptr(GTask) task = NULL;
  Call *call;

  g_return_if_fail (AWARDS_IS_STORE (self));

  call = g_new0 (Call, 1);
  call->search = g_strdup (search);
  call->offset = offset;
  call->limit = limit;
  task = awards_store_call_task (self, awards_store_list_organisations_async, call,
                                 cancellable, callback, user_data);
  awards_worker_run_task (AWARDS_WORK_READ, task, list_organisations_thread);
}

GPtrArray *
awards_store_list_organisations_finish (AwardsStore   *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, awards_store_list_organisations_async),
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
count_organisations_thread (GTask        *task,
                            gpointer      source_object,
                            gpointer      task_data,
                            GCancellable *cancellable)
{
  AwardsStore *store = source_object;
  Call *call = task_data;
  g_autoptr(GError) error = NULL;
  guint result = awards_store_count_organisations (store, call->search, &error);

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_int (task, result);
}

void
awards_store_count_organisations_async (AwardsStore         *self,
                                        const char          *search,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Call *call;

  g_return_if_fail (AWARDS_IS_STORE (self));

  call = g_new0 (Call, 1);
  call->search = g_strdup (search);
  task = awards_store_call_task (self, awards_store_count_organisations_async, call,
                                 cancellable, callback, user_data);
  awards_worker_run_task (AWARDS_WORK_READ, task, count_organisations_thread);
}

guint
awards_store_count_organisations_finish (AwardsStore   *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), 0);
  g_return_val_if_fail (g_async_result_is_tagged (result, awards_store_count_organisations_async),
                        0);

  gssize count = g_task_propagate_int (G_TASK (result), error);

  return count > 0 ? (guint) count : 0;
}

static void
list_people_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  AwardsStore *store = source_object;
  Call *call = task_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *result = awards_store_list_people (store, call->search, call->organisation_id,
                                                call->offset, call->limit, &error);

  if (result == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, result, (GDestroyNotify) g_ptr_array_unref);
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
  g_autoptr(GTask) task = NULL;
  Call *call;

  g_return_if_fail (AWARDS_IS_STORE (self));

  call = g_new0 (Call, 1);
  call->search = g_strdup (search);
  call->organisation_id = organisation_id;
  call->offset = offset;
  call->limit = limit;
  task = awards_store_call_task (self, awards_store_list_people_async, call,
                                 cancellable, callback, user_data);
  awards_worker_run_task (AWARDS_WORK_READ, task, list_people_thread);
}

GPtrArray *
awards_store_list_people_finish (AwardsStore   *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, awards_store_list_people_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
count_people_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  AwardsStore *store = source_object;
  Call *call = task_data;
  g_autoptr(GError) error = NULL;
  guint result = awards_store_count_people (store, call->search, call->organisation_id, &error);

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_int (task, result);
}

void
awards_store_count_people_async (AwardsStore         *self,
                                 const char          *search,
                                 gint64               organisation_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Call *call;

  g_return_if_fail (AWARDS_IS_STORE (self));

  call = g_new0 (Call, 1);
  call->search = g_strdup (search);
  call->organisation_id = organisation_id;
  task = awards_store_call_task (self, awards_store_count_people_async, call,
                                 cancellable, callback, user_data);
  awards_worker_run_task (AWARDS_WORK_READ, task, count_people_thread);
}

guint
awards_store_count_people_finish (AwardsStore   *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), 0);
  g_return_val_if_fail (g_async_result_is_tagged (result, awards_store_count_people_async), 0);

  gssize count = g_task_propagate_int (G_TASK (result), error);

  return count > 0 ? (guint) count : 0;
}

static void
list_decisions_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  AwardsStore *store = source_object;
  Call *call = task_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *result = awards_store_list_decisions (store, call->search, call->offset, call->limit,
                                                   &error);

  if (result == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, result, (GDestroyNotify) g_ptr_array_unref);
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
  g_autoptr(GTask) task = NULL;
  Call *call;

  g_return_if_fail (AWARDS_IS_STORE (self));

  call = g_new0 (Call, 1);
  call->search = g_strdup (search);
  call->offset = offset;
  call->limit = limit;
  task = awards_store_call_task (self, awards_store_list_decisions_async, call,
                                 cancellable, callback, user_data);
  awards_worker_run_task (AWARDS_WORK_READ, task, list_decisions_thread);
}

GPtrArray *
awards_store_list_decisions_finish (AwardsStore   *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, awards_store_list_decisions_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
count_decisions_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  AwardsStore *store = source_object;
  Call *call = task_data;
  g_autoptr(GError) error = NULL;
  guint result = awards_store_count_decisions (store, call->search, &error);

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_int (task, result);
}

void
awards_store_count_decisions_async (AwardsStore         *self,
                                    const char          *search,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Call *call;

  g_return_if_fail (AWARDS_IS_STORE (self));

  call = g_new0 (Call, 1);
  call->search = g_strdup (search);
  task = awards_store_call_task (self, awards_store_count_decisions_async, call,
                                 cancellable, callback, user_data);
  awards_worker_run_task (AWARDS_WORK_READ, task, count_decisions_thread);
}

guint
awards_store_count_decisions_finish (AwardsStore   *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), 0);
  g_return_val_if_fail (g_async_result_is_tagged (result, awards_store_count_decisions_async), 0);

  gssize count = g_task_propagate_int (G_TASK (result), error);

  return count > 0 ? (guint) count : 0;
}

static void
search_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  AwardsStore *store = source_object;
  Call *call = task_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *result = awards_store_search (store, call->search, call->limit, &error);

  if (result == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, result, (GDestroyNotify) g_ptr_array_unref);
}

void
awards_store_search_async (AwardsStore         *self,
                           const char          *text,
                           guint                limit,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Call *call;

  g_return_if_fail (AWARDS_IS_STORE (self));
  g_return_if_fail (text != NULL);

  call = g_new0 (Call, 1);
  call->search = g_strdup (text);
  call->limit = limit;
  task = awards_store_call_task (self, awards_store_search_async, call,
                                 cancellable, callback, user_data);
  awards_worker_run_task (AWARDS_WORK_READ, task, search_thread);
}

GPtrArray *
awards_store_search_finish (AwardsStore   *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, awards_store_search_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
get_organisation_thread (GTask        *task,
                         gpointer      source_object,
                         gpointer      task_data,
                         GCancellable *cancellable)
{
  AwardsStore *store = source_object;
  Call *call = task_data;
  g_autoptr(GError) error = NULL;
  AwardsOrganisation *result = awards_store_get_organisation (store, call->id, &error);

  if (result == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, result, g_object_unref);
}

void
awards_store_get_organisation_async (AwardsStore         *self,
                                     gint64               id,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Call *call;

  g_return_if_fail (AWARDS_IS_STORE (self));

  call = g_new0 (Call, 1);
  call->id = id;
  task = awards_store_call_task (self, awards_store_get_organisation_async, call,
                                 cancellable, callback, user_data);
  awards_worker_run_task (AWARDS_WORK_READ, task, get_organisation_thread);
}

AwardsOrganisation *
awards_store_get_organisation_finish (AwardsStore   *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, awards_store_get_organisation_async),
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
get_person_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  AwardsStore *store = source_object;
  Call *call = task_data;
  g_autoptr(GError) error = NULL;
  AwardsPerson *result = awards_store_get_person (store, call->id, &error);

  if (result == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, result, g_object_unref);
}

void
awards_store_get_person_async (AwardsStore         *self,
                               gint64               id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Call *call;

  g_return_if_fail (AWARDS_IS_STORE (self));

  call = g_new0 (Call, 1);
  call->id = id;
  task = awards_store_call_task (self, awards_store_get_person_async, call,
                                 cancellable, callback, user_data);
  awards_worker_run_task (AWARDS_WORK_READ, task, get_person_thread);
}

AwardsPerson *
awards_store_get_person_finish (AwardsStore   *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, awards_store_get_person_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
get_decision_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  AwardsStore *store = source_object;
  Call *call = task_data;
  g_autoptr(GError) error = NULL;
  AwardsDecision *result = awards_store_get_decision (store, call->id, &error);

  if (result == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, result, g_object_unref);
}

void
awards_store_get_decision_async (AwardsStore         *self,
                                 gint64               id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Call *call;

  g_return_if_fail (AWARDS_IS_STORE (self));

  call = g_new0 (Call, 1);
  call->id = id;
  task = awards_store_call_task (self, awards_store_get_decision_async, call,
                                 cancellable, callback, user_data);
  awards_worker_run_task (AWARDS_WORK_READ, task, get_decision_thread);
}

AwardsDecision *
awards_store_get_decision_finish (AwardsStore   *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, awards_store_get_decision_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
get_commendation_thread (GTask        *task,
                         gpointer      source_object,
                         gpointer      task_data,
                         GCancellable *cancellable)
{
  AwardsStore *store = source_object;
  Call *call = task_data;
  g_autoptr(GError) error = NULL;
  AwardsCommendation *result = awards_store_get_commendation (store, call->id, &error);

  if (result == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, result, g_object_unref);
}

void
awards_store_get_commendation_async (AwardsStore         *self,
                                     gint64               id,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Call *call;

  g_return_if_fail (AWARDS_IS_STORE (self));

  call = g_new0 (Call, 1);
  call->id = id;
  task = awards_store_call_task (self, awards_store_get_commendation_async, call,
                                 cancellable, callback, user_data);
  awards_worker_run_task (AWARDS_WORK_READ, task, get_commendation_thread);
}

AwardsCommendation *
awards_store_get_commendation_finish (AwardsStore   *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, awards_store_get_commendation_async),
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
list_commendations_thread (GTask        *task,
                           gpointer      source_object,
                           gpointer      task_data,
                           GCancellable *cancellable)
{
  AwardsStore *store = source_object;
  Call *call = task_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *result = awards_store_list_commendations (store, &call->query, call->order, &error);

  if (result == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, result, (GDestroyNotify) g_ptr_array_unref);
}

void
awards_store_list_commendations_async (AwardsStore         *self,
                                       const AwardsQuery   *query,
                                       AwardsOrder          order,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Call *call;

  g_return_if_fail (AWARDS_IS_STORE (self));

  call = g_new0 (Call, 1);
  awards_store_call_set_query (call, query);
  call->order = order;
  task = awards_store_call_task (self, awards_store_list_commendations_async, call,
                                 cancellable, callback, user_data);
  awards_worker_run_task (AWARDS_WORK_READ, task, list_commendations_thread);
}

GPtrArray *
awards_store_list_commendations_finish (AwardsStore   *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, awards_store_list_commendations_async),
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
count_commendations_thread (GTask        *task,
                            gpointer      source_object,
                            gpointer      task_data,
                            GCancellable *cancellable)
{
  AwardsStore *store = source_object;
  Call *call = task_data;
  g_autoptr(GError) error = NULL;
  guint result = awards_store_count_commendations (store, &call->query, &error);

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_int (task, result);
}

void
awards_store_count_commendations_async (AwardsStore         *self,
                                        const AwardsQuery   *query,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Call *call;

  g_return_if_fail (AWARDS_IS_STORE (self));

  call = g_new0 (Call, 1);
  awards_store_call_set_query (call, query);
  task = awards_store_call_task (self, awards_store_count_commendations_async, call,
                                 cancellable, callback, user_data);
  awards_worker_run_task (AWARDS_WORK_READ, task, count_commendations_thread);
}

guint
awards_store_count_commendations_finish (AwardsStore   *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), 0);
  g_return_val_if_fail (g_async_result_is_tagged (result, awards_store_count_commendations_async),
                        0);

  gssize count = g_task_propagate_int (G_TASK (result), error);

  return count > 0 ? (guint) count : 0;
}

static void
summary_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  AwardsStore *store = source_object;
  Call *call = task_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *result = awards_store_summary (store, &call->query, &error);

  if (result == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, result, (GDestroyNotify) g_ptr_array_unref);
}

void
awards_store_summary_async (AwardsStore         *self,
                            const AwardsQuery   *query,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Call *call;

  g_return_if_fail (AWARDS_IS_STORE (self));

  call = g_new0 (Call, 1);
  awards_store_call_set_query (call, query);
  task = awards_store_call_task (self, awards_store_summary_async, call,
                                 cancellable, callback, user_data);
  awards_worker_run_task (AWARDS_WORK_LONG, task, summary_thread);
}

GPtrArray *
awards_store_summary_finish (AwardsStore   *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, awards_store_summary_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
yearly_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  AwardsStore *store = source_object;
  Call *call = task_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *result = awards_store_yearly (store, &call->query, &error);

  if (result == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, result, (GDestroyNotify) g_ptr_array_unref);
}

void
awards_store_yearly_async (AwardsStore         *self,
                           const AwardsQuery   *query,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Call *call;

  g_return_if_fail (AWARDS_IS_STORE (self));

  call = g_new0 (Call, 1);
  awards_store_call_set_query (call, query);
  task = awards_store_call_task (self, awards_store_yearly_async, call,
                                 cancellable, callback, user_data);
  awards_worker_run_task (AWARDS_WORK_LONG, task, yearly_thread);
}

GPtrArray *
awards_store_yearly_finish (AwardsStore   *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, awards_store_yearly_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

