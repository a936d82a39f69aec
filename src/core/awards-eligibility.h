/* awards-eligibility.h: who has earned which award in a year, by the rules of awards-rules.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "awards-rules.h"
#include "awards-store.h"

G_BEGIN_DECLS

/* One proposal, or one near miss (missing != NULL). The texts are Vietnamese, as the proposal
 * list prints them. */
typedef struct
{
  char                *rule_id;
  char                *award;
  gint64               award_type_id;
  AwardsRecipientKind  kind;
  gint64               recipient_id;
  char                *recipient;
  char                *organisation;   /* an individual's organisation; NULL for collectives */
  gint64               organisation_id;
  char                *reason;         /* "3 lần liên tục Chiến sĩ thi đua cơ sở 2009–2011" */
  char                *basis;          /* the rule's legal basis */
  char                *missing;        /* what is missing, or NULL when eligible */
} AwardsCandidate;

void awards_candidate_free (AwardsCandidate *candidate);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwardsCandidate, awards_candidate_free)

/*
 * The candidates of the year under review @year under the regime that governs it, for every
 * award of the rules or only @award (a name; NULL for all): for each rule in the file's order,
 * the eligible ones then the near misses, each group in Vietnamese order. A recipient who
 * received the award during the chain is left out. A rule naming an award that is not in the
 * catalogue fails with AWARDS_RULES_ERROR_INVALID and the rule's file and line.
 *
 * Returns: (element-type AwardsCandidate) (transfer container)
 */
GPtrArray *awards_eligibility_run (AwardsStore  *store,
                                   AwardsRules  *rules,
                                   int           year,
                                   const char   *award,
                                   GError      **error);

G_END_DECLS
