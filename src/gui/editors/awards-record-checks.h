/* awards-record-checks.h: what the record editors check before saving, without GTK
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "awards-name-guard.h"

G_BEGIN_DECLS

/* A message for one field of a record; @field is the record's property name. */
typedef struct
{
  char *field;
  char *message;
} AwardsFieldProblem;

void        awards_field_problem_free        (AwardsFieldProblem *problem);
const char *awards_field_problems_lookup     (GPtrArray          *problems,
                                              const char         *field);

gboolean    awards_check_parse_year          (const char         *text,
                                              int                *year);
char       *awards_check_birth_year_text     (const char         *text,
                                              int                *year);

GPtrArray  *awards_check_organisation        (AwardsNameGuard    *guard,
                                              AwardsOrganisation *organisation);
GPtrArray  *awards_check_person              (AwardsNameGuard    *guard,
                                              AwardsPerson       *person);
GPtrArray  *awards_check_commendation        (AwardsNameGuard    *guard,
                                              AwardsCommendation *commendation);

G_END_DECLS
