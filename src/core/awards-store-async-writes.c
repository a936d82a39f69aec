/* awards-store-async-writes.c: the store's asynchronous writes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "awards-settings.h"
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
create_organisation (AwardsStore  *store,
                     Call         *call,
                     GError      **error)
{
  call->number = awards_store_create_organisation (store, AWARDS_ORGANISATION (call->object),
                                                    error);
  return call->number > 0;
}

/* awards_store_create_organisation () on the write thread. */
void
awards_store_create_organisation_async (AwardsStore         *self,
                                        AwardsOrganisation  *organisation,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  Call *call;

  g_return_if_fail (AWARDS_IS_STORE (self));
  g_return_if_fail (AWARDS_IS_ORGANISATION (organisation));

  call = awards_store_call_new (create_organisation, NULL);
  call->object = g_object_ref (G_OBJECT (organisation));
  awards_store_call_run (self, AWARDS_WORK_WRITE, awards_store_create_organisation_async, call,
                         cancellable, callback, user_data);
}

gint64
awards_store_create_organisation_finish (AwardsStore   *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  return awards_store_call_finish_number (self, result, awards_store_create_organisation_async,
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

static gboolean
create_person (AwardsStore  *store,
               Call         *call,
               GError      **error)
{
  call->number = awards_store_create_person (store, AWARDS_PERSON (call->object), error);
  return call->number > 0;
}

/* awards_store_create_person () on the write thread. */
void
awards_store_create_person_async (AwardsStore         *self,
                                  AwardsPerson        *person,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  Call *call;

  g_return_if_fail (AWARDS_IS_STORE (self));
  g_return_if_fail (AWARDS_IS_PERSON (person));

  call = awards_store_call_new (create_person, NULL);
  call->object = g_object_ref (G_OBJECT (person));
  awards_store_call_run (self, AWARDS_WORK_WRITE, awards_store_create_person_async, call,
                         cancellable, callback, user_data);
}

gint64
awards_store_create_person_finish (AwardsStore   *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return awards_store_call_finish_number (self, result, awards_store_create_person_async,
                                          error);
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

/* The office profile: a setting saved, then read back as stored (normalised, or the default). */
static gboolean
set_setting (AwardsStore  *store,
             Call         *call,
             GError      **error)
{
  GError *local_error = NULL;

  if (!awards_store_set_setting (store, call->search, call->data, error))
    return FALSE;
  call->result = awards_store_get_setting (store, call->search, &local_error);
  if (local_error == NULL)
    return TRUE;
  g_propagate_error (error, local_error);
  return FALSE;
}

void
awards_store_set_setting_async (AwardsStore         *self,
                                const char          *key,
                                const char          *value,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  Call *call;

  g_return_if_fail (AWARDS_IS_STORE (self));
  g_return_if_fail (key != NULL);

  call = awards_store_call_new (set_setting, g_free);
  call->search = g_strdup (key);
  call->data = g_strdup (value);
  call->data_free = g_free;
  awards_store_call_run (self, AWARDS_WORK_WRITE, awards_store_set_setting_async, call,
                         cancellable, callback, user_data);
}

/**
 * awards_store_set_setting_finish:
 *
 * Returns: (transfer full) (nullable): the value as stored (%NULL for a key with no value and no
 *   default), or %NULL with @error set
 */
char *
awards_store_set_setting_finish (AwardsStore   *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return awards_store_call_finish_pointer (self, result, awards_store_set_setting_async, error);
}

static gboolean
list_settings (AwardsStore  *store,
               Call         *call,
               GError      **error)
{
  call->result = awards_store_list_settings (store, error);
  return call->result != NULL;
}

void
awards_store_list_settings_async (AwardsStore         *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (AWARDS_IS_STORE (self));

  awards_store_call_run (self, AWARDS_WORK_READ, awards_store_list_settings_async,
                         awards_store_call_new (list_settings,
                                                (GDestroyNotify) g_hash_table_unref),
                         cancellable, callback, user_data);
}

/**
 * awards_store_list_settings_finish:
 *
 * Returns: (transfer full) (nullable): as awards_store_list_settings (), or %NULL with @error
 *   set
 */
GHashTable *
awards_store_list_settings_finish (AwardsStore   *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return awards_store_call_finish_pointer (self, result, awards_store_list_settings_async, error);
}
