/* awards-store-async.h: the store's asynchronous calls, for the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "awards-store.h"
#include "awards-worker.h"

G_BEGIN_DECLS

/*
 * Each call runs its synchronous twin of awards-store.h on src/core's worker threads
 * (awards-worker.c): reads on a read-only connection of their own, writes one at a time. The
 * callback runs in the thread-default main context of the caller. The arguments are copied;
 * objects given to a save are referenced and must not be changed until the callback.
 */

void                 awards_store_run_task                   (AwardsStore          *self,
                                                              AwardsWorkKind        kind,
                                                              GTask                *task,
                                                              GTaskThreadFunc       func);

void                 awards_store_list_authorities_async     (AwardsStore          *self,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
GPtrArray           *awards_store_list_authorities_finish    (AwardsStore          *self,
                                                              GAsyncResult         *result,
                                                              GError              **error);

void                 awards_store_list_award_types_async     (AwardsStore          *self,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
GPtrArray           *awards_store_list_award_types_finish    (AwardsStore          *self,
                                                              GAsyncResult         *result,
                                                              GError              **error);

void                 awards_store_list_organisations_async   (AwardsStore          *self,
                                                              const char           *search,
                                                              guint                 offset,
                                                              guint                 limit,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
GPtrArray           *awards_store_list_organisations_finish  (AwardsStore          *self,
                                                              GAsyncResult         *result,
                                                              GError              **error);

void                 awards_store_count_organisations_async  (AwardsStore          *self,
                                                              const char           *search,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
guint                awards_store_count_organisations_finish (AwardsStore          *self,
                                                              GAsyncResult         *result,
                                                              GError              **error);

void                 awards_store_list_people_async          (AwardsStore          *self,
                                                              const char           *search,
                                                              gint64                organisation_id,
                                                              guint                 offset,
                                                              guint                 limit,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
GPtrArray           *awards_store_list_people_finish         (AwardsStore          *self,
                                                              GAsyncResult         *result,
                                                              GError              **error);

void                 awards_store_count_people_async         (AwardsStore          *self,
                                                              const char           *search,
                                                              gint64                organisation_id,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
guint                awards_store_count_people_finish        (AwardsStore          *self,
                                                              GAsyncResult         *result,
                                                              GError              **error);

void                 awards_store_list_decisions_async       (AwardsStore          *self,
                                                              const char           *search,
                                                              guint                 offset,
                                                              guint                 limit,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
GPtrArray           *awards_store_list_decisions_finish      (AwardsStore          *self,
                                                              GAsyncResult         *result,
                                                              GError              **error);

void                 awards_store_count_decisions_async      (AwardsStore          *self,
                                                              const char           *search,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
guint                awards_store_count_decisions_finish     (AwardsStore          *self,
                                                              GAsyncResult         *result,
                                                              GError              **error);

void                 awards_store_search_async               (AwardsStore          *self,
                                                              const char           *text,
                                                              guint                 limit,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
GPtrArray           *awards_store_search_finish              (AwardsStore          *self,
                                                              GAsyncResult         *result,
                                                              GError              **error);

void                 awards_store_get_organisation_async     (AwardsStore          *self,
                                                              gint64                id,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
AwardsOrganisation  *awards_store_get_organisation_finish    (AwardsStore          *self,
                                                              GAsyncResult         *result,
                                                              GError              **error);

void                 awards_store_get_person_async           (AwardsStore          *self,
                                                              gint64                id,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
AwardsPerson        *awards_store_get_person_finish          (AwardsStore          *self,
                                                              GAsyncResult         *result,
                                                              GError              **error);

void                 awards_store_get_decision_async         (AwardsStore          *self,
                                                              gint64                id,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
AwardsDecision      *awards_store_get_decision_finish        (AwardsStore          *self,
                                                              GAsyncResult         *result,
                                                              GError              **error);

void                 awards_store_get_commendation_async     (AwardsStore          *self,
                                                              gint64                id,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
AwardsCommendation  *awards_store_get_commendation_finish    (AwardsStore          *self,
                                                              GAsyncResult         *result,
                                                              GError              **error);

void                 awards_store_get_row_version_async      (AwardsStore          *self,
                                                              const char           *kind,
                                                              gint64                record_id,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
gint64               awards_store_get_row_version_finish     (AwardsStore          *self,
                                                              GAsyncResult         *result,
                                                              GError              **error);

void                 awards_store_list_audit_async           (AwardsStore          *self,
                                                              const char           *kind,
                                                              gint64                record_id,
                                                              guint                 limit,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
GPtrArray           *awards_store_list_audit_finish          (AwardsStore          *self,
                                                              GAsyncResult         *result,
                                                              GError              **error);

void                 awards_store_list_commendations_async   (AwardsStore          *self,
                                                              const AwardsQuery    *query,
                                                              AwardsOrder           order,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
GPtrArray           *awards_store_list_commendations_finish  (AwardsStore          *self,
                                                              GAsyncResult         *result,
                                                              GError              **error);

void                 awards_store_count_commendations_async  (AwardsStore          *self,
                                                              const AwardsQuery    *query,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
guint                awards_store_count_commendations_finish (AwardsStore          *self,
                                                              GAsyncResult         *result,
                                                              GError              **error);

void                 awards_store_summary_async              (AwardsStore          *self,
                                                              const AwardsQuery    *query,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
GPtrArray           *awards_store_summary_finish             (AwardsStore          *self,
                                                              GAsyncResult         *result,
                                                              GError              **error);

void                 awards_store_yearly_async               (AwardsStore          *self,
                                                              const AwardsQuery    *query,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
GPtrArray           *awards_store_yearly_finish              (AwardsStore          *self,
                                                              GAsyncResult         *result,
                                                              GError              **error);

void                 awards_store_save_organisation_async    (AwardsStore          *self,
                                                              AwardsOrganisation   *organisation,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
gint64               awards_store_save_organisation_finish   (AwardsStore          *self,
                                                              GAsyncResult         *result,
                                                              GError              **error);
void                 awards_store_create_organisation_async  (AwardsStore          *self,
                                                              AwardsOrganisation   *organisation,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
gint64               awards_store_create_organisation_finish (AwardsStore          *self,
                                                              GAsyncResult         *result,
                                                              GError              **error);

void                 awards_store_save_person_async          (AwardsStore          *self,
                                                              AwardsPerson         *person,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
gint64               awards_store_save_person_finish         (AwardsStore          *self,
                                                              GAsyncResult         *result,
                                                              GError              **error);
void                 awards_store_create_person_async        (AwardsStore          *self,
                                                              AwardsPerson         *person,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
gint64               awards_store_create_person_finish       (AwardsStore          *self,
                                                              GAsyncResult         *result,
                                                              GError              **error);

void                 awards_store_save_decision_async        (AwardsStore          *self,
                                                              AwardsDecision       *decision,
                                                              GPtrArray            *recipients,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
gint64               awards_store_save_decision_finish       (AwardsStore          *self,
                                                              GAsyncResult         *result,
                                                              GError              **error);

void                 awards_store_save_award_type_async      (AwardsStore          *self,
                                                              AwardsAwardType      *award_type,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
gint64               awards_store_save_award_type_finish     (AwardsStore          *self,
                                                              GAsyncResult         *result,
                                                              GError              **error);

void                 awards_store_update_commendation_async  (AwardsStore          *self,
                                                              AwardsCommendation   *commendation,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
gboolean             awards_store_update_commendation_finish (AwardsStore          *self,
                                                              GAsyncResult         *result,
                                                              GError              **error);

void                 awards_store_delete_organisation_async  (AwardsStore          *self,
                                                              gint64                id,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
gboolean             awards_store_delete_organisation_finish (AwardsStore          *self,
                                                              GAsyncResult         *result,
                                                              GError              **error);

void                 awards_store_delete_person_async        (AwardsStore          *self,
                                                              gint64                id,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
gboolean             awards_store_delete_person_finish       (AwardsStore          *self,
                                                              GAsyncResult         *result,
                                                              GError              **error);

void                 awards_store_delete_commendation_async  (AwardsStore          *self,
                                                              gint64                id,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
gboolean             awards_store_delete_commendation_finish (AwardsStore          *self,
                                                              GAsyncResult         *result,
                                                              GError              **error);

void                 awards_store_restore_commendation_async  (AwardsStore         *self,
                                                               gint64               id,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
gboolean             awards_store_restore_commendation_finish (AwardsStore         *self,
                                                               GAsyncResult        *result,
                                                               GError             **error);

void                 awards_store_set_setting_async          (AwardsStore          *self,
                                                              const char           *key,
                                                              const char           *value,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
char                *awards_store_set_setting_finish         (AwardsStore          *self,
                                                              GAsyncResult         *result,
                                                              GError              **error);
void                 awards_store_list_settings_async        (AwardsStore          *self,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
GHashTable          *awards_store_list_settings_finish       (AwardsStore          *self,
                                                              GAsyncResult         *result,
                                                              GError              **error);

G_END_DECLS
