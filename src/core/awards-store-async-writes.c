/* awards-store-async-writes.c: the store's asynchronous writes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "awards-store-async-private.h"

/* Writes run on the one write thread, in the order they were asked; see awards-store-async.c. */

static void
save_organisation_thread (GTask        *task,
                          gpointer      source_object,
                          gpointer      task_data,
                          GCancellable *cancellable)
{
  AwardsStore *store = source_object;
  Call *call = task_data;
  g_autoptr(GError) error = NULL;
  gint64 result = awards_store_save_organisation (store, AWARDS_ORGANISATION (call->object),
                                                  &error);

  if (result == 0)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_int (task, result);
}

void
awards_store_save_organisation_async (AwardsStore         *self,
                                      AwardsOrganisation  *organisation,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Call *call;

  g_return_if_fail (AWARDS_IS_STORE (self));
  g_return_if_fail (AWARDS_IS_ORGANISATION (organisation));

  call = g_new0 (Call, 1);
  call->object = g_object_ref (G_OBJECT (organisation));
  task = awards_store_call_task (self, awards_store_save_organisation_async, call,
                                 cancellable, callback, user_data);
  awards_worker_run_task (AWARDS_WORK_WRITE, task, save_organisation_thread);
}

gint64
awards_store_save_organisation_finish (AwardsStore   *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), 0);
  g_return_val_if_fail (g_async_result_is_tagged (result, awards_store_save_organisation_async), 0);

  gssize id = g_task_propagate_int (G_TASK (result), error);

  return id > 0 ? (gint64) id : 0;
}

static void
save_person_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  AwardsStore *store = source_object;
  Call *call = task_data;
  g_autoptr(GError) error = NULL;
  gint64 result = awards_store_save_person (store, AWARDS_PERSON (call->object), &error);

  if (result == 0)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_int (task, result);
}

void
awards_store_save_person_async (AwardsStore         *self,
                                AwardsPerson        *person,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Call *call;

  g_return_if_fail (AWARDS_IS_STORE (self));
  g_return_if_fail (AWARDS_IS_PERSON (person));

  call = g_new0 (Call, 1);
  call->object = g_object_ref (G_OBJECT (person));
  task = awards_store_call_task (self, awards_store_save_person_async, call,
                                 cancellable, callback, user_data);
  awards_worker_run_task (AWARDS_WORK_WRITE, task, save_person_thread);
}

gint64
awards_store_save_person_finish (AwardsStore   *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), 0);
  g_return_val_if_fail (g_async_result_is_tagged (result, awards_store_save_person_async), 0);

  gssize id = g_task_propagate_int (G_TASK (result), error);

  return id > 0 ? (gint64) id : 0;
}

static void
save_decision_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  AwardsStore *store = source_object;
  Call *call = task_data;
  g_autoptr(GError) error = NULL;
  gint64 result = awards_store_save_decision (store, AWARDS_DECISION (call->object),
                                              call->recipients, &error);

  if (result == 0)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_int (task, result);
}

void
awards_store_save_decision_async (AwardsStore         *self,
                                  AwardsDecision      *decision,
                                  GPtrArray           *recipients,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Call *call;

  g_return_if_fail (AWARDS_IS_STORE (self));
  g_return_if_fail (AWARDS_IS_DECISION (decision));
  g_return_if_fail (recipients != NULL);

  call = g_new0 (Call, 1);
  call->object = g_object_ref (G_OBJECT (decision));
  call->recipients = g_ptr_array_ref (recipients);
  task = awards_store_call_task (self, awards_store_save_decision_async, call,
                                 cancellable, callback, user_data);
  awards_worker_run_task (AWARDS_WORK_WRITE, task, save_decision_thread);
}

gint64
awards_store_save_decision_finish (AwardsStore   *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), 0);
  g_return_val_if_fail (g_async_result_is_tagged (result, awards_store_save_decision_async), 0);

  gssize id = g_task_propagate_int (G_TASK (result), error);

  return id > 0 ? (gint64) id : 0;
}

static void
update_commendation_thread (GTask        *task,
                            gpointer      source_object,
                            gpointer      task_data,
                            GCancellable *cancellable)
{
  AwardsStore *store = source_object;
  Call *call = task_data;
  g_autoptr(GError) error = NULL;
  if (!awards_store_update_commendation (store, AWARDS_COMMENDATION (call->object), &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
awards_store_update_commendation_async (AwardsStore         *self,
                                        AwardsCommendation  *commendation,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Call *call;

  g_return_if_fail (AWARDS_IS_STORE (self));
  g_return_if_fail (AWARDS_IS_COMMENDATION (commendation));

  call = g_new0 (Call, 1);
  call->object = g_object_ref (G_OBJECT (commendation));
  task = awards_store_call_task (self, awards_store_update_commendation_async, call,
                                 cancellable, callback, user_data);
  awards_worker_run_task (AWARDS_WORK_WRITE, task, update_commendation_thread);
}

gboolean
awards_store_update_commendation_finish (AwardsStore   *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, awards_store_update_commendation_async),
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
delete_organisation_thread (GTask        *task,
                            gpointer      source_object,
                            gpointer      task_data,
                            GCancellable *cancellable)
{
  AwardsStore *store = source_object;
  Call *call = task_data;
  g_autoptr(GError) error = NULL;
  if (!awards_store_delete_organisation (store, call->id, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
awards_store_delete_organisation_async (AwardsStore         *self,
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
  task = awards_store_call_task (self, awards_store_delete_organisation_async, call,
                                 cancellable, callback, user_data);
  awards_worker_run_task (AWARDS_WORK_WRITE, task, delete_organisation_thread);
}

gboolean
awards_store_delete_organisation_finish (AwardsStore   *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, awards_store_delete_organisation_async),
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
delete_person_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  AwardsStore *store = source_object;
  Call *call = task_data;
  g_autoptr(GError) error = NULL;
  if (!awards_store_delete_person (store, call->id, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
awards_store_delete_person_async (AwardsStore         *self,
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
  task = awards_store_call_task (self, awards_store_delete_person_async, call,
                                 cancellable, callback, user_data);
  awards_worker_run_task (AWARDS_WORK_WRITE, task, delete_person_thread);
}

gboolean
awards_store_delete_person_finish (AwardsStore   *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, awards_store_delete_person_async), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
delete_commendation_thread (GTask        *task,
                            gpointer      source_object,
                            gpointer      task_data,
                            GCancellable *cancellable)
{
  AwardsStore *store = source_object;
  Call *call = task_data;
  g_autoptr(GError) error = NULL;
  if (!awards_store_delete_commendation (store, call->id, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
awards_store_delete_commendation_async (AwardsStore         *self,
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
  task = awards_store_call_task (self, awards_store_delete_commendation_async, call,
                                 cancellable, callback, user_data);
  awards_worker_run_task (AWARDS_WORK_WRITE, task, delete_commendation_thread);
}

gboolean
awards_store_delete_commendation_finish (AwardsStore   *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, awards_store_delete_commendation_async),
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
