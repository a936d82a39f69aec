/* awards-rules.h: the eligibility rules, read from a data file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "awards-enums.h"
#include "awards-review.h"

G_BEGIN_DECLS

#define AWARDS_RULES_ERROR (awards_rules_error_quark ())

typedef enum
{
  AWARDS_RULES_ERROR_NOT_FOUND,
  AWARDS_RULES_ERROR_INVALID,   /* the message says "FILE:LINE: what" */
} AwardsRulesError;

GQuark awards_rules_error_quark (void);

typedef enum
{
  AWARDS_CHAIN_TITLE,
  AWARDS_CHAIN_RATING,
} AwardsChainKind;

typedef struct
{
  char  *id;
  char  *name;          /* the legal texts */
  int    from_year;
  int    to_year;       /* G_MAXINT when open */
  guint  line;
} AwardsRegime;

typedef struct
{
  char                *id;
  const AwardsRegime  *regime;
  char                *award;
  guint                award_line;
  AwardsRecipientKind  recipient;
  AwardsChainKind      chain;
  GStrv                titles;         /* AWARDS_CHAIN_TITLE */
  guint                titles_line;
  AwardsRating         rating;         /* AWARDS_CHAIN_RATING */
  int                  years;
  int                  ends;
  gboolean             break_on_gap;
  gboolean             break_on_lower;
  int                  initiatives;
  AwardsScope          initiative_scope;
  char                *requires_award; /* or NULL */
  guint                requires_line;
  int                  requires_within;
  char                *basis;
  gboolean             verified;
  char                *source;
  guint                line;
} AwardsRule;

typedef struct _AwardsRules AwardsRules;

/* Reads and checks a rules file; every mistake is reported as "FILE:LINE: what". */
AwardsRules        *awards_rules_load            (const char   *path,
                                                  GError      **error);
/* The file in use: $COOP_AWARDS_RULES, else the clerk's copy in the user configuration folder
 * (coop-awards/eligibility-rules.ini), else the one installed with the program. */
char               *awards_rules_default_path    (void);
AwardsRules        *awards_rules_load_default    (GError      **error);

const char         *awards_rules_get_path        (AwardsRules  *rules);
/* (element-type AwardsRule) (transfer none), in the file's order. */
GPtrArray          *awards_rules_get_rules       (AwardsRules  *rules);
/* The regime that governs reviews of @year, or NULL. */
const AwardsRegime *awards_rules_regime_for_year (AwardsRules  *rules,
                                                  int           year);
void                awards_rules_free            (AwardsRules  *rules);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwardsRules, awards_rules_free)

G_END_DECLS
