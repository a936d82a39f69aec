#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Who received a commendation. */
typedef enum
{
  AWARDS_RECIPIENT_KIND_ANY = 0,
  AWARDS_RECIPIENT_KIND_COLLECTIVE,
  AWARDS_RECIPIENT_KIND_INDIVIDUAL,
} AwardsRecipientKind;

/* Who may receive an award type. */
typedef enum
{
  AWARDS_ELIGIBILITY_BOTH = 0,
  AWARDS_ELIGIBILITY_COLLECTIVE,
  AWARDS_ELIGIBILITY_INDIVIDUAL,
} AwardsEligibility;

/* Whether an award type is an emulation title or a commendation form. */
typedef enum
{
  AWARDS_AWARD_CATEGORY_FORM = 0,
  AWARDS_AWARD_CATEGORY_TITLE,
} AwardsAwardCategory;

typedef enum
{
  AWARDS_ORGANISATION_KIND_OTHER = 0,
  AWARDS_ORGANISATION_KIND_COOPERATIVE,
  AWARDS_ORGANISATION_KIND_COOPERATIVE_UNION,
  AWARDS_ORGANISATION_KIND_COOPERATIVE_ALLIANCE,
  AWARDS_ORGANISATION_KIND_ENTERPRISE,
  AWARDS_ORGANISATION_KIND_AGENCY,
} AwardsOrganisationKind;

typedef enum
{
  AWARDS_DECISION_KIND_ANNUAL = 0,
  AWARDS_DECISION_KIND_CAMPAIGN,
  AWARDS_DECISION_KIND_EXCEPTIONAL,
  AWARDS_DECISION_KIND_CAREER,
} AwardsDecisionKind;

typedef enum
{
  AWARDS_GENDER_UNKNOWN = 0,
  AWARDS_GENDER_MALE,
  AWARDS_GENDER_FEMALE,
} AwardsGender;

/* The stable machine names used in the database and in CSV files. */
const char *awards_recipient_kind_to_string   (AwardsRecipientKind    kind);
gboolean    awards_recipient_kind_from_string (const char            *text,
                                               AwardsRecipientKind   *kind);
const char *awards_eligibility_to_string      (AwardsEligibility      eligibility);
gboolean    awards_eligibility_from_string    (const char            *text,
                                               AwardsEligibility     *eligibility);
gboolean    awards_eligibility_allows         (AwardsEligibility      eligibility,
                                               AwardsRecipientKind    kind);
const char *awards_award_category_to_string   (AwardsAwardCategory    category);
gboolean    awards_award_category_from_string (const char            *text,
                                               AwardsAwardCategory   *category);
const char *awards_organisation_kind_to_string   (AwardsOrganisationKind  kind);
gboolean    awards_organisation_kind_from_string (const char             *text,
                                                  AwardsOrganisationKind *kind);
const char *awards_decision_kind_to_string    (AwardsDecisionKind     kind);
gboolean    awards_decision_kind_from_string  (const char            *text,
                                               AwardsDecisionKind    *kind);
const char *awards_gender_to_string           (AwardsGender           gender);
gboolean    awards_gender_from_string         (const char            *text,
                                               AwardsGender          *gender);

/* Translated names for people to read. */
const char *awards_organisation_kind_get_label (AwardsOrganisationKind  kind);
const char *awards_decision_kind_get_label     (AwardsDecisionKind      kind);
const char *awards_recipient_kind_get_label    (AwardsRecipientKind     kind);
const char *awards_gender_get_label            (AwardsGender            gender);

G_END_DECLS
