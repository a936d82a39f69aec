/* awards-batch-copy.h: a large batch's new people, decisions and awards, sent to a server with
 * COPY
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "awards-db.h"

G_BEGIN_DECLS

/* A new person's record; NULL texts are SQL NULL, organisation_id 0 is none. */
typedef struct
{
  const char *full_name;
  const char *family_name;
  const char *middle_name;
  const char *given_name;
  gint64      organisation_id;
  const char *position;
  const char *name_key;
  const char *search_key;
  GBytes     *sort_key;
  const char *created_at;
} AwardsNewPersonRow;

/* A new decision's record; NULL texts are SQL NULL. */
typedef struct
{
  const char *number;
  const char *number_key;
  const char *date;
  gint64      authority_id;
  const char *signer_name;
  const char *signer_title;
  const char *occasion;
  const char *kind;
  const char *notes;
  const char *search_key;
} AwardsNewDecisionRow;

/* A new award's record; NULL texts are SQL NULL, ids of 0 are none. */
typedef struct
{
  gint64      decision_id;
  gint64      award_type_id;
  gint64      authority_id;
  const char *date;
  const char *period;
  gint64      organisation_id;
  gint64      person_id;
  const char *recipient_name;
  gint64      organisation_at_time_id;
  const char *position;
  const char *achievement;
  const char *register_number;
  const char *created_at;
} AwardsNewAwardRow;

typedef struct _AwardsBatchCopy AwardsBatchCopy;

AwardsBatchCopy *awards_batch_copy_new              (AwardsDb                     *db,
                                                     GError                      **error);
gint64           awards_batch_copy_add_person       (AwardsBatchCopy              *self,
                                                     const AwardsNewPersonRow     *row,
                                                     GError                      **error);
gboolean         awards_batch_copy_holds_person     (AwardsBatchCopy              *self,
                                                     gint64                        id);
gint64           awards_batch_copy_add_decision     (AwardsBatchCopy              *self,
                                                     const AwardsNewDecisionRow   *row,
                                                     GError                      **error);
gint64           awards_batch_copy_add_commendation (AwardsBatchCopy              *self,
                                                     const AwardsNewAwardRow      *row,
                                                     GError                      **error);
gboolean         awards_batch_copy_send             (AwardsBatchCopy              *self,
                                                     GError                      **error);
gboolean         awards_batch_copy_is_full          (AwardsBatchCopy              *self);
void             awards_batch_copy_free             (AwardsBatchCopy              *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwardsBatchCopy, awards_batch_copy_free)

G_END_DECLS
