/* awards-record-checks.c: what the record editors check before saving, without GTK
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "awards-date.h"
#include "awards-date-check.h"
#include "awards-record-checks.h"

#define MIN_BIRTH_YEAR 1900
#define BIRTH_YEAR_MESSAGE N_("Enter a year of birth such as 1975, or leave it empty.")

void
awards_field_problem_free (AwardsFieldProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->field);
  g_free (problem->message);
  g_free (problem);
}

static void
add_problem (GPtrArray  *problems,
             const char *field,
             char       *message)
{
  AwardsFieldProblem *problem = g_new0 (AwardsFieldProblem, 1);

  problem->field = g_strdup (field);
  problem->message = message;
  g_ptr_array_add (problems, problem);
}

static GPtrArray *
problems_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) awards_field_problem_free);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  while (g_ascii_isspace (*text))
    text++;

  return *text == '\0';
}

/**
 * awards_field_problems_lookup:
 * @problems: (element-type AwardsFieldProblem): problems from a check
 * @field: a property name
 *
 * Returns: (nullable): the message for @field, or %NULL
 */
const char *
awards_field_problems_lookup (GPtrArray  *problems,
                              const char *field)
{
  g_return_val_if_fail (problems != NULL, NULL);
  g_return_val_if_fail (field != NULL, NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      AwardsFieldProblem *problem = g_ptr_array_index (problems, i);

      if (g_str_equal (problem->field, field))
        return problem->message;
    }

  return NULL;
}

/**
 * awards_check_parse_year:
 * @text: (nullable): what the user typed
 * @year: (out): the year, or 0 when @text is blank
 *
 * Returns: %TRUE if @text is blank or a plausible birth year
 */
gboolean
awards_check_parse_year (const char *text,
                         int        *year)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));
  guint64 value;

  g_return_val_if_fail (year != NULL, FALSE);

  *year = 0;
  if (stripped[0] == '\0')
    return TRUE;

  if (!g_ascii_string_to_unsigned (stripped, 10, MIN_BIRTH_YEAR,
                                   (guint64) g_date_time_get_year (now), &value, NULL))
    return FALSE;

  *year = (int) value;
  return TRUE;
}

/**
 * awards_check_birth_year_text:
 * @text: (nullable): what the user typed as a year of birth
 * @year: (out): the year, or 0 when @text is blank or wrong
 *
 * Returns: (transfer full) (nullable): the message for the field, or %NULL if @text is fine
 */
char *
awards_check_birth_year_text (const char *text,
                              int        *year)
{
  g_return_val_if_fail (year != NULL, NULL);

  if (awards_check_parse_year (text, year))
    return NULL;

  *year = 0;
  return g_strdup (_(BIRTH_YEAR_MESSAGE));
}

static void
check_optional_date (GPtrArray  *problems,
                     const char *field,
                     const char *text,
                     char      **iso)
{
  if (is_blank (text))
    return;

  if (!awards_date_parse (text, iso))
    add_problem (problems, field, awards_date_check_message (text));
}

/**
 * awards_check_organisation:
 * @store: the store, to look up the parent organisation
 * @organisation: the organisation as typed; dates may be dd/mm/yyyy or ISO
 *
 * Returns: (transfer full) (element-type AwardsFieldProblem): the problems, empty if none
 */
GPtrArray *
awards_check_organisation (AwardsStore        *store,
                           AwardsOrganisation *organisation)
{
  GPtrArray *problems = problems_new ();
  const char *parent_name;
  g_autofree char *founded = NULL;
  g_autofree char *dissolved = NULL;

  g_return_val_if_fail (AWARDS_IS_STORE (store), problems);
  g_return_val_if_fail (AWARDS_IS_ORGANISATION (organisation), problems);

  if (is_blank (awards_organisation_get_name (organisation)))
    add_problem (problems, "name", g_strdup (_("Enter the name of the organisation.")));

  parent_name = awards_organisation_get_parent_name (organisation);
  if (!is_blank (parent_name))
    {
      g_autoptr (AwardsOrganisation) parent =
        awards_store_find_organisation (store, parent_name, NULL);

      if (parent == NULL)
        add_problem (problems, "parent-name",
                     g_strdup_printf (_("There is no organisation named “%s”."), parent_name));
      else if (awards_organisation_get_id (organisation) != 0 &&
               awards_organisation_get_id (parent) == awards_organisation_get_id (organisation))
        add_problem (problems, "parent-name",
                     g_strdup (_("An organisation cannot be a member of itself.")));
    }

  check_optional_date (problems, "founded", awards_organisation_get_founded (organisation),
                       &founded);
  check_optional_date (problems, "dissolved", awards_organisation_get_dissolved (organisation),
                       &dissolved);
  if (founded != NULL && dissolved != NULL && strcmp (dissolved, founded) < 0)
    add_problem (problems, "dissolved",
                 g_strdup (_("The organisation cannot be dissolved before it was founded.")));

  return problems;
}

/**
 * awards_check_person:
 * @store: the store, to look up the organisation
 * @person: the person as typed
 *
 * Returns: (transfer full) (element-type AwardsFieldProblem): the problems, empty if none
 */
GPtrArray *
awards_check_person (AwardsStore  *store,
                     AwardsPerson *person)
{
  GPtrArray *problems = problems_new ();
  const char *organisation_name;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  int birth_year;

  g_return_val_if_fail (AWARDS_IS_STORE (store), problems);
  g_return_val_if_fail (AWARDS_IS_PERSON (person), problems);

  if (is_blank (awards_person_get_full_name (person)))
    add_problem (problems, "full-name", g_strdup (_("Enter the person’s full name.")));

  birth_year = awards_person_get_birth_year (person);
  if (birth_year != 0 &&
      (birth_year < MIN_BIRTH_YEAR || birth_year > g_date_time_get_year (now)))
    add_problem (problems, "birth-year", g_strdup (_(BIRTH_YEAR_MESSAGE)));

  organisation_name = awards_person_get_organisation_name (person);
  if (!is_blank (organisation_name))
    {
      g_autoptr (AwardsOrganisation) organisation =
        awards_store_find_organisation (store, organisation_name, NULL);

      if (organisation == NULL)
        add_problem (problems, "organisation-name",
                     g_strdup_printf (_("There is no organisation named “%s”."),
                                      organisation_name));
    }

  return problems;
}

/**
 * awards_check_commendation:
 * @store: the store, to look up the award and the organisation
 * @commendation: the award as edited
 *
 * Returns: (transfer full) (element-type AwardsFieldProblem): the problems, empty if none
 */
GPtrArray *
awards_check_commendation (AwardsStore        *store,
                           AwardsCommendation *commendation)
{
  GPtrArray *problems = problems_new ();
  AwardsRecipientKind kind;
  const char *award_name;
  const char *organisation_name;

  g_return_val_if_fail (AWARDS_IS_STORE (store), problems);
  g_return_val_if_fail (AWARDS_IS_COMMENDATION (commendation), problems);

  kind = awards_commendation_get_recipient_kind (commendation);
  award_name = awards_commendation_get_award_name (commendation);
  if (is_blank (award_name))
    {
      add_problem (problems, "award-name", g_strdup (_("Enter the award.")));
    }
  else
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (AwardsAwardType) type = awards_store_find_award_type (store, award_name, &error);

      /* A catalogue that cannot be read (the server went away) is said so: the award is not
       * missing from it. */
      if (type == NULL && error != NULL &&
          !g_error_matches (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_NOT_FOUND))
        add_problem (problems, "award-name", g_strdup (error->message));
      else if (type == NULL)
        add_problem (problems, "award-name",
                     g_strdup_printf (_("There is no award named “%s” in the catalogue."),
                                      award_name));
      else if (!awards_eligibility_allows (awards_award_type_get_eligibility (type), kind))
        add_problem (problems, "award-name",
                     g_strdup_printf (kind == AWARDS_RECIPIENT_KIND_INDIVIDUAL
                                      ? _("“%s” is not awarded to individuals.")
                                      : _("“%s” is not awarded to collectives."),
                                      award_name));
    }

  organisation_name = awards_commendation_get_organisation_at_time_name (commendation);
  if (kind == AWARDS_RECIPIENT_KIND_INDIVIDUAL && !is_blank (organisation_name))
    {
      g_autoptr (AwardsOrganisation) organisation =
        awards_store_find_organisation (store, organisation_name, NULL);

      if (organisation == NULL)
        add_problem (problems, "organisation-at-time-name",
                     g_strdup_printf (_("There is no organisation named “%s”."),
                                      organisation_name));
    }

  return problems;
}
