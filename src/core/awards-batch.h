#pragma once

#include "awards-store.h"

G_BEGIN_DECLS

/*
 * A batch is one write transaction over many records, for imports and for saving a decision with
 * its recipients. It finds or creates the authorities, award types, organisations, people and
 * decisions named in the input, remembering the ones it has seen, and adds commendations. A failed
 * call leaves the transaction usable, so that an importer can report every bad row; nothing is
 * written unless awards_batch_commit () is called, and freeing an uncommitted batch rolls it back.
 */
typedef struct _AwardsBatch AwardsBatch;

/* One new award. Either the ids or the names are given; names are found or created. */
typedef struct
{
  gint64               decision_id;
  gint64               award_type_id;
  AwardsRecipientKind  recipient_kind;
  gint64               organisation_id;            /* collective recipient */
  gint64               person_id;                  /* individual recipient */
  const char          *recipient_name;             /* the name at the time; NULL = current name */
  gint64               organisation_at_time_id;    /* the person's organisation at the time */
  const char          *position;
  const char          *achievement;
  const char          *period;
  const char          *register_number;
} AwardsNewCommendation;

/**
 * AwardsPersonName:
 *
 * What the batch derives from a person's name to store a new person: the normalised name, its
 * keys and its parts. Preparing it takes most of the time of adding a person and needs no
 * database, so an importer may prepare names in another thread.
 */
typedef struct _AwardsPersonName AwardsPersonName;

AwardsPersonName *awards_person_name_prepare     (const char       *full_name);
AwardsPersonName *awards_person_name_prepare_key (const char       *full_name);
void              awards_person_name_free        (AwardsPersonName *name);

AwardsBatch *awards_batch_begin                (AwardsStore                  *store,
                                                GError                      **error);
gboolean     awards_batch_expect_rows          (AwardsBatch                  *self,
                                                guint                         n_rows,
                                                GError                      **error);
gint64       awards_batch_ensure_authority     (AwardsBatch                  *self,
                                                const char                   *name,
                                                GError                      **error);
gint64       awards_batch_ensure_award_type    (AwardsBatch                  *self,
                                                const char                   *name,
                                                AwardsEligibility            *eligibility,
                                                GError                      **error);
gint64       awards_batch_ensure_organisation  (AwardsBatch                  *self,
                                                const char                   *name,
                                                GError                      **error);
gint64       awards_batch_ensure_person        (AwardsBatch                  *self,
                                                const char                   *full_name,
                                                gint64                        organisation_id,
                                                const char                   *position,
                                                GError                      **error);
gint64       awards_batch_ensure_decision      (AwardsBatch                  *self,
                                                const char                   *number,
                                                const char                   *iso_date,
                                                gint64                        authority_id,
                                                GError                      **error);
gint64       awards_batch_add_commendation     (AwardsBatch                  *self,
                                                const AwardsNewCommendation  *commendation,
                                                GError                      **error);
gint64       awards_batch_find_commendation    (AwardsBatch                  *self,
                                                const AwardsNewCommendation  *commendation);
gint64       awards_batch_ensure_prepared_person (AwardsBatch                *self,
                                                const char                   *full_name,
                                                const AwardsPersonName       *prepared,
                                                gint64                        organisation_id,
                                                const char                   *position,
                                                GError                      **error);
guint        awards_batch_get_n_added          (AwardsBatch                  *self);
const GError *awards_batch_get_failure         (AwardsBatch                  *self);
gboolean     awards_batch_commit               (AwardsBatch                  *self,
                                                GError                      **error);
void         awards_batch_free                 (AwardsBatch                  *self);

/* For tests: the size from which a server's batch sends its rows with COPY. */
void         awards_batch_set_copy_min_rows    (guint                         n_rows);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwardsBatch, awards_batch_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwardsPersonName, awards_person_name_free)

G_END_DECLS
