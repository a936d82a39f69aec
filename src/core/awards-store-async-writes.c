/* awards-store-async-writes.c: the store's asynchronous writes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "awards-store-async-private.h"

/* Writes run on the one write thread, in the order they were asked; see awards-store-async.c. */

static gboolean
save_organisation (AwardsStore  *store,
                   Call         *call,
                   GError      **error)
{
  call->number = awards_store_save_organisation (store, AWARDS_ORGANISATION (call->object),
                                                  error);
  return call->number > 0;
}

void
awards_store_save_organisation_async (AwardsStore         *self,
                                      AwardsOrganisation  *organisation,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  Call *call;

  g_return_if_fail (AWARDS_IS_STORE (self));
  g_return_if_fail (AWARDS_IS_ORGANISATION (organisation));

  call = awards_store_call_new (save_organisation, NULL);
  call->object = g_object_ref (G_OBJECT (organisation));
  awards_store_call_run (self, AWARDS_WORK_WRITE, awards_store_save_organisation_async, call,
                         cancellable, callback, user_data);
}

gint64
awards_store_save_organisation_finish (AwardsStore   *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return awards_store_call_finish_number (self, result, awards_store_save_organisation_async,
                                          error);
}

static gboolean
save_person (AwardsStore  *store,
             Call         *call,
             GError      **error)
{
  call->number = awards_store_save_person (store, AWARDS_PERSON (call->object), error);
  return call->number > 0;
}

void
awards_store_save_person_async (AwardsStore         *self,
                                AwardsPerson        *person,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  Call *call;

  g_return_if_fail (AWARDS_IS_STORE (self));
  g_return_if_fail (AWARDS_IS_PERSON (person));

  call = awards_store_call_new (save_person, NULL);
  call->object = g_object_ref (G_OBJECT (person));
  awards_store_call_run (self, AWARDS_WORK_WRITE, awards_store_save_person_async, call,
                         cancellable, callback, user_data);
}

gint64
awards_store_save_person_finish (AwardsStore   *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return awards_store_call_finish_number (self, result, awards_store_save_person_async, error);
}

static gboolean
save_decision (AwardsStore  *store,
               Call         *call,
               GError      **error)
{
  call->number = awards_store_save_decision (store, AWARDS_DECISION (call->object),
                                              call->recipients, error);
  return call->number > 0;
}

void
awards_store_save_decision_async (AwardsStore         *self,
                                  AwardsDecision      *decision,
                                  GPtrArray           *recipients,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  Call *call;

  g_return_if_fail (AWARDS_IS_STORE (self));
  g_return_if_fail (AWARDS_IS_DECISION (decision));
  g_return_if_fail (recipients != NULL);

  call = awards_store_call_new (save_decision, NULL);
  call->object = g_object_ref (G_OBJECT (decision));
  call->recipients = g_ptr_array_ref (recipients);
  awards_store_call_run (self, AWARDS_WORK_WRITE, awards_store_save_decision_async, call,
                         cancellable, callback, user_data);
}

gint64
awards_store_save_decision_finish (AwardsStore   *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return awards_store_call_finish_number (self, result, awards_store_save_decision_async, error);
}

static gboolean
update_commendation (AwardsStore  *store,
                     Call         *call,
                     GError      **error)
{
  return awards_store_update_commendation (store, AWARDS_COMMENDATION (call->object), error);
}

void
awards_store_update_commendation_async (AwardsStore         *self,
                                        AwardsCommendation  *commendation,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  Call *call;

  g_return_if_fail (AWARDS_IS_STORE (self));
  g_return_if_fail (AWARDS_IS_COMMENDATION (commendation));

  call = awards_store_call_new (update_commendation, NULL);
  call->object = g_object_ref (G_OBJECT (commendation));
  awards_store_call_run (self, AWARDS_WORK_WRITE, awards_store_update_commendation_async, call,
                         cancellable, callback, user_data);
}

gboolean
awards_store_update_commendation_finish (AwardsStore   *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  return awards_store_call_finish (self, result, awards_store_update_commendation_async, error);
}

static gboolean
delete_organisation (AwardsStore  *store,
                     Call         *call,
                     GError      **error)
{
  return awards_store_delete_organisation (store, call->id, error);
}

void
awards_store_delete_organisation_async (AwardsStore         *self,
                                        gint64               id,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  Call *call;

  g_return_if_fail (AWARDS_IS_STORE (self));

  call = awards_store_call_new (delete_organisation, NULL);
  call->id = id;
  awards_store_call_run (self, AWARDS_WORK_WRITE, awards_store_delete_organisation_async, call,
                         cancellable, callback, user_data);
}

gboolean
awards_store_delete_organisation_finish (AwardsStore   *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  return awards_store_call_finish (self, result, awards_store_delete_organisation_async, error);
}

static gboolean
delete_person (AwardsStore  *store,
               Call         *call,
               GError      **error)
{
  return awards_store_delete_person (store, call->id, error);
}

void
awards_store_delete_person_async (AwardsStore         *self,
                                  gint64               id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  Call *call;

  g_return_if_fail (AWARDS_IS_STORE (self));

  call = awards_store_call_new (delete_person, NULL);
  call->id = id;
  awards_store_call_run (self, AWARDS_WORK_WRITE, awards_store_delete_person_async, call,
                         cancellable, callback, user_data);
}

gboolean
awards_store_delete_person_finish (AwardsStore   *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return awards_store_call_finish (self, result, awards_store_delete_person_async, error);
}

static gboolean
delete_commendation (AwardsStore  *store,
                     Call         *call,
                     GError      **error)
{
  return awards_store_delete_commendation (store, call->id, error);
}

void
awards_store_delete_commendation_async (AwardsStore         *self,
                                        gint64               id,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  Call *call;

  g_return_if_fail (AWARDS_IS_STORE (self));

  call = awards_store_call_new (delete_commendation, NULL);
  call->id = id;
  awards_store_call_run (self, AWARDS_WORK_WRITE, awards_store_delete_commendation_async, call,
                         cancellable, callback, user_data);
}

gboolean
awards_store_delete_commendation_finish (AwardsStore   *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  return awards_store_call_finish (self, result, awards_store_delete_commendation_async, error);
}

static gboolean
save_award_type (AwardsStore  *store,
                 Call         *call,
                 GError      **error)
{
  call->number = awards_store_save_award_type (store, AWARDS_AWARD_TYPE (call->object), error);
  return call->number > 0;
}

void
awards_store_save_award_type_async (AwardsStore         *self,
                                    AwardsAwardType     *award_type,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  Call *call;

  g_return_if_fail (AWARDS_IS_STORE (self));
  g_return_if_fail (AWARDS_IS_AWARD_TYPE (award_type));

  call = awards_store_call_new (save_award_type, NULL);
  call->object = g_object_ref (G_OBJECT (award_type));
  awards_store_call_run (self, AWARDS_WORK_WRITE, awards_store_save_award_type_async, call,
                         cancellable, callback, user_data);
}

gint64
awards_store_save_award_type_finish (AwardsStore   *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return awards_store_call_finish_number (self, result, awards_store_save_award_type_async,
                                          error);
}

static gboolean
restore_commendation (AwardsStore  *store,
                      Call         *call,
                      GError      **error)
{
  return awards_store_restore_commendation (store, call->id, error);
}

void
awards_store_restore_commendation_async (AwardsStore         *self,
                                         gint64               id,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  Call *call;

  g_return_if_fail (AWARDS_IS_STORE (self));

  call = awards_store_call_new (restore_commendation, NULL);
  call->id = id;
  awards_store_call_run (self, AWARDS_WORK_WRITE, awards_store_restore_commendation_async, call,
                         cancellable, callback, user_data);
}

gboolean
awards_store_restore_commendation_finish (AwardsStore   *self,
                                          GAsyncResult  *result,
                                          GError       **error)
{
  return awards_store_call_finish (self, result, awards_store_restore_commendation_async, error);
}
