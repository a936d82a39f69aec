#include "config.h"

#include <glib/gi18n-lib.h>

#include "awards-enums.h"

typedef struct
{
  int         value;
  const char *name;
} EnumName;

/* Machine names first, as to_string() writes them; for recipient kinds the Vietnamese words that
 * spreadsheets use follow, with and without diacritics. */
static const EnumName recipient_kinds[] = {
  { AWARDS_RECIPIENT_KIND_ANY, "any" },
  { AWARDS_RECIPIENT_KIND_COLLECTIVE, "collective" },
  { AWARDS_RECIPIENT_KIND_INDIVIDUAL, "individual" },
  { AWARDS_RECIPIENT_KIND_COLLECTIVE, "tập thể" },
  { AWARDS_RECIPIENT_KIND_INDIVIDUAL, "cá nhân" },
  { AWARDS_RECIPIENT_KIND_COLLECTIVE, "tap the" },
  { AWARDS_RECIPIENT_KIND_INDIVIDUAL, "ca nhan" },
};

static const EnumName eligibilities[] = {
  { AWARDS_ELIGIBILITY_BOTH, "both" },
  { AWARDS_ELIGIBILITY_COLLECTIVE, "collective" },
  { AWARDS_ELIGIBILITY_INDIVIDUAL, "individual" },
};

static const EnumName award_categories[] = {
  { AWARDS_AWARD_CATEGORY_FORM, "form" },
  { AWARDS_AWARD_CATEGORY_TITLE, "title" },
};

static const EnumName organisation_kinds[] = {
  { AWARDS_ORGANISATION_KIND_OTHER, "other" },
  { AWARDS_ORGANISATION_KIND_COOPERATIVE, "cooperative" },
  { AWARDS_ORGANISATION_KIND_COOPERATIVE_UNION, "cooperative_union" },
  { AWARDS_ORGANISATION_KIND_COOPERATIVE_ALLIANCE, "cooperative_alliance" },
  { AWARDS_ORGANISATION_KIND_ENTERPRISE, "enterprise" },
  { AWARDS_ORGANISATION_KIND_AGENCY, "agency" },
};

static const EnumName decision_kinds[] = {
  { AWARDS_DECISION_KIND_ANNUAL, "annual" },
  { AWARDS_DECISION_KIND_CAMPAIGN, "campaign" },
  { AWARDS_DECISION_KIND_EXCEPTIONAL, "exceptional" },
  { AWARDS_DECISION_KIND_CAREER, "career" },
};

static const EnumName genders[] = {
  { AWARDS_GENDER_UNKNOWN, "unknown" },
  { AWARDS_GENDER_MALE, "male" },
  { AWARDS_GENDER_FEMALE, "female" },
};

static const char *
lookup_name (const EnumName *names,
             gsize           n_names,
             int             value)
{
  for (gsize i = 0; i < n_names; i++)
    {
      if (names[i].value == value)
        return names[i].name;
    }

  return NULL;
}

/* Folds text for comparison: trimmed, inner white space collapsed to one space, case-folded and
 * NFC-normalised, so that "  Tập  THỂ " typed or pasted in decomposed form still matches. */
static char *
fold_name (const char *text)
{
  g_autoptr(GString) collapsed = g_string_new (NULL);
  g_autofree char *folded = NULL;
  gboolean pending_space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          pending_space = collapsed->len > 0;
          continue;
        }

      if (pending_space)
        g_string_append_c (collapsed, ' ');
      pending_space = FALSE;
      g_string_append_unichar (collapsed, c);
    }

  folded = g_utf8_casefold (collapsed->str, collapsed->len);

  return g_utf8_normalize (folded, -1, G_NORMALIZE_DEFAULT_COMPOSE);
}

static gboolean
parse_name (const EnumName *names,
            gsize           n_names,
            const char     *text,
            int            *value)
{
  g_autofree char *key = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;

  key = fold_name (text);
  if (key == NULL || *key == '\0')
    return FALSE;

  for (gsize i = 0; i < n_names; i++)
    {
      g_autofree char *candidate = fold_name (names[i].name);

      if (g_strcmp0 (key, candidate) == 0)
        {
          *value = names[i].value;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * awards_recipient_kind_to_string:
 * @kind: a recipient kind
 *
 * Returns: the machine name of @kind ("collective", "individual" or "any"), or %NULL when
 *   @kind is not a known value
 */
const char *
awards_recipient_kind_to_string (AwardsRecipientKind kind)
{
  return lookup_name (recipient_kinds, G_N_ELEMENTS (recipient_kinds), kind);
}

/**
 * awards_recipient_kind_from_string:
 * @text: (nullable): a machine name or one of the Vietnamese words "tập thể", "cá nhân"
 * @kind: (out): where to store the kind
 *
 * Parses @text, ignoring case and surrounding white space. @kind is left alone on failure.
 *
 * Returns: %TRUE when @text names a recipient kind
 */
gboolean
awards_recipient_kind_from_string (const char          *text,
                                   AwardsRecipientKind *kind)
{
  int value;

  g_return_val_if_fail (kind != NULL, FALSE);

  if (!parse_name (recipient_kinds, G_N_ELEMENTS (recipient_kinds), text, &value))
    return FALSE;

  *kind = value;
  return TRUE;
}

/**
 * awards_eligibility_to_string:
 * @eligibility: an eligibility
 *
 * Returns: the machine name of @eligibility, or %NULL when it is not a known value
 */
const char *
awards_eligibility_to_string (AwardsEligibility eligibility)
{
  return lookup_name (eligibilities, G_N_ELEMENTS (eligibilities), eligibility);
}

/**
 * awards_eligibility_from_string:
 * @text: (nullable): a machine name: "both", "collective" or "individual"
 * @eligibility: (out): where to store the eligibility
 *
 * Parses @text, ignoring case and surrounding white space. @eligibility is left alone on
 * failure.
 *
 * Returns: %TRUE when @text names an eligibility
 */
gboolean
awards_eligibility_from_string (const char        *text,
                                AwardsEligibility *eligibility)
{
  int value;

  g_return_val_if_fail (eligibility != NULL, FALSE);

  if (!parse_name (eligibilities, G_N_ELEMENTS (eligibilities), text, &value))
    return FALSE;

  *eligibility = value;
  return TRUE;
}

/**
 * awards_eligibility_allows:
 * @eligibility: who may receive an award type
 * @kind: who would receive it
 *
 * Returns: %TRUE when an award with @eligibility may go to a recipient of @kind;
 *   %AWARDS_RECIPIENT_KIND_ANY is never allowed, since a real recipient is one or the other
 */
gboolean
awards_eligibility_allows (AwardsEligibility   eligibility,
                           AwardsRecipientKind kind)
{
  switch (eligibility)
    {
    case AWARDS_ELIGIBILITY_BOTH:
      return kind == AWARDS_RECIPIENT_KIND_COLLECTIVE || kind == AWARDS_RECIPIENT_KIND_INDIVIDUAL;

    case AWARDS_ELIGIBILITY_COLLECTIVE:
      return kind == AWARDS_RECIPIENT_KIND_COLLECTIVE;

    case AWARDS_ELIGIBILITY_INDIVIDUAL:
      return kind == AWARDS_RECIPIENT_KIND_INDIVIDUAL;

    default:
      return FALSE;
    }
}

/**
 * awards_award_category_to_string:
 * @category: an award category
 *
 * Returns: "form" or "title", or %NULL when @category is not a known value
 */
const char *
awards_award_category_to_string (AwardsAwardCategory category)
{
  return lookup_name (award_categories, G_N_ELEMENTS (award_categories), category);
}

/**
 * awards_award_category_from_string:
 * @text: (nullable): "form" or "title"
 * @category: (out): where to store the category
 *
 * Parses @text, ignoring case and surrounding white space. @category is left alone on failure.
 *
 * Returns: %TRUE when @text names a category
 */
gboolean
awards_award_category_from_string (const char          *text,
                                   AwardsAwardCategory *category)
{
  int value;

  g_return_val_if_fail (category != NULL, FALSE);

  if (!parse_name (award_categories, G_N_ELEMENTS (award_categories), text, &value))
    return FALSE;

  *category = value;
  return TRUE;
}

/**
 * awards_organisation_kind_to_string:
 * @kind: an organisation kind
 *
 * Returns: the machine name of @kind, e.g. "cooperative_union", or %NULL when @kind is not a
 *   known value
 */
const char *
awards_organisation_kind_to_string (AwardsOrganisationKind kind)
{
  return lookup_name (organisation_kinds, G_N_ELEMENTS (organisation_kinds), kind);
}

/**
 * awards_organisation_kind_from_string:
 * @text: (nullable): a machine name, e.g. "cooperative"
 * @kind: (out): where to store the kind
 *
 * Parses @text, ignoring case and surrounding white space. @kind is left alone on failure.
 *
 * Returns: %TRUE when @text names an organisation kind
 */
gboolean
awards_organisation_kind_from_string (const char             *text,
                                      AwardsOrganisationKind *kind)
{
  int value;

  g_return_val_if_fail (kind != NULL, FALSE);

  if (!parse_name (organisation_kinds, G_N_ELEMENTS (organisation_kinds), text, &value))
    return FALSE;

  *kind = value;
  return TRUE;
}

/**
 * awards_decision_kind_to_string:
 * @kind: a decision kind
 *
 * Returns: the machine name of @kind, e.g. "annual", or %NULL when @kind is not a known value
 */
const char *
awards_decision_kind_to_string (AwardsDecisionKind kind)
{
  return lookup_name (decision_kinds, G_N_ELEMENTS (decision_kinds), kind);
}

/**
 * awards_decision_kind_from_string:
 * @text: (nullable): a machine name, e.g. "campaign"
 * @kind: (out): where to store the kind
 *
 * Parses @text, ignoring case and surrounding white space. @kind is left alone on failure.
 *
 * Returns: %TRUE when @text names a decision kind
 */
gboolean
awards_decision_kind_from_string (const char         *text,
                                  AwardsDecisionKind *kind)
{
  int value;

  g_return_val_if_fail (kind != NULL, FALSE);

  if (!parse_name (decision_kinds, G_N_ELEMENTS (decision_kinds), text, &value))
    return FALSE;

  *kind = value;
  return TRUE;
}

/**
 * awards_gender_to_string:
 * @gender: a gender
 *
 * Returns: "unknown", "male" or "female", or %NULL when @gender is not a known value
 */
const char *
awards_gender_to_string (AwardsGender gender)
{
  return lookup_name (genders, G_N_ELEMENTS (genders), gender);
}

/**
 * awards_gender_from_string:
 * @text: (nullable): "unknown", "male" or "female"
 * @gender: (out): where to store the gender
 *
 * Parses @text, ignoring case and surrounding white space. @gender is left alone on failure.
 *
 * Returns: %TRUE when @text names a gender
 */
gboolean
awards_gender_from_string (const char   *text,
                           AwardsGender *gender)
{
  int value;

  g_return_val_if_fail (gender != NULL, FALSE);

  if (!parse_name (genders, G_N_ELEMENTS (genders), text, &value))
    return FALSE;

  *gender = value;
  return TRUE;
}

/* Labels for people: translated, for lists, forms and printouts. */

const char *
awards_organisation_kind_get_label (AwardsOrganisationKind kind)
{
  switch (kind)
    {
    case AWARDS_ORGANISATION_KIND_COOPERATIVE:
      return _("Cooperative");
    case AWARDS_ORGANISATION_KIND_COOPERATIVE_UNION:
      return _("Cooperative union");
    case AWARDS_ORGANISATION_KIND_COOPERATIVE_ALLIANCE:
      return _("Cooperative alliance");
    case AWARDS_ORGANISATION_KIND_ENTERPRISE:
      return _("Enterprise");
    case AWARDS_ORGANISATION_KIND_AGENCY:
      return _("Agency");
    case AWARDS_ORGANISATION_KIND_OTHER:
    default:
      return _("Other organisation");
    }
}

const char *
awards_decision_kind_get_label (AwardsDecisionKind kind)
{
  switch (kind)
    {
    case AWARDS_DECISION_KIND_CAMPAIGN:
      return _("Campaign");
    case AWARDS_DECISION_KIND_EXCEPTIONAL:
      return _("Exceptional");
    case AWARDS_DECISION_KIND_CAREER:
      return _("Career");
    case AWARDS_DECISION_KIND_ANNUAL:
    default:
      return _("Annual");
    }
}

const char *
awards_recipient_kind_get_label (AwardsRecipientKind kind)
{
  switch (kind)
    {
    case AWARDS_RECIPIENT_KIND_COLLECTIVE:
      return _("Collective");
    case AWARDS_RECIPIENT_KIND_INDIVIDUAL:
      return _("Individual");
    case AWARDS_RECIPIENT_KIND_ANY:
    default:
      return "";
    }
}

const char *
awards_gender_get_label (AwardsGender gender)
{
  switch (gender)
    {
    case AWARDS_GENDER_MALE:
      return _("Male");
    case AWARDS_GENDER_FEMALE:
      return _("Female");
    case AWARDS_GENDER_UNKNOWN:
    default:
      return "";
    }
}
