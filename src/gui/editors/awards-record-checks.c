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
 * @guard: looks up the parent organisation (a name still being looked up passes for now:
 *   awards_name_guard_is_checking ())
 * @organisation: the organisation as typed; dates may be dd/mm/yyyy or ISO
 *
 * Returns: (transfer full) (element-type AwardsFieldProblem): the problems, empty if none
 */
GPtrArray *
awards_check_organisation (AwardsNameGuard    *guard,
                           AwardsOrganisation *organisation)
{
  GPtrArray *problems = problems_new ();
  const char *parent_name;
  g_autofree char *founded = NULL;
  g_autofree char *dissolved = NULL;

  g_return_val_if_fail (guard != NULL, problems);
  g_return_val_if_fail (AWARDS_IS_ORGANISATION (organisation), problems);

  if (is_blank (awards_organisation_get_name (organisation)))
    add_problem (problems, "name", g_strdup (_("Enter the name of the organisation.")));

  parent_name = awards_organisation_get_parent_name (organisation);
  if (!is_blank (parent_name))
    {
      gint64 parent_id = awards_name_guard_organisation (guard, parent_name);

      if (parent_id == 0)
        add_problem (problems, "parent-name",
                     g_strdup_printf (_("There is no organisation named “%s”."), parent_name));
      else if (awards_organisation_get_id (organisation) != 0 &&
               parent_id == awards_organisation_get_id (organisation))
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
 * @guard: looks up the organisation, as for awards_check_organisation ()
 * @person: the person as typed
 *
 * Returns: (transfer full) (element-type AwardsFieldProblem): the problems, empty if none
 */
GPtrArray *
awards_check_person (AwardsNameGuard *guard,
                     AwardsPerson    *person)
{
  GPtrArray *problems = problems_new ();
  const char *organisation_name;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  int birth_year;

  g_return_val_if_fail (guard != NULL, problems);
  g_return_val_if_fail (AWARDS_IS_PERSON (person), problems);

  if (is_blank (awards_person_get_full_name (person)))
    add_problem (problems, "full-name", g_strdup (_("Enter the person’s full name.")));

  birth_year = awards_person_get_birth_year (person);
  if (birth_year != 0 &&
      (birth_year < MIN_BIRTH_YEAR || birth_year > g_date_time_get_year (now)))
    add_problem (problems, "birth-year", g_strdup (_(BIRTH_YEAR_MESSAGE)));

  organisation_name = awards_person_get_organisation_name (person);
  if (!is_blank (organisation_name) &&
      awards_name_guard_organisation (guard, organisation_name) == 0)
    add_problem (problems, "organisation-name",
                 g_strdup_printf (_("There is no organisation named “%s”."), organisation_name));

  return problems;
}

/**
 * awards_check_commendation:
 * @guard: looks up the award and the organisation, as for awards_check_organisation ()
 * @commendation: the award as edited
 *
 * Returns: (transfer full) (element-type AwardsFieldProblem): the problems, empty if none
 */
GPtrArray *
awards_check_commendation (AwardsNameGuard    *guard,
                           AwardsCommendation *commendation)
{
  GPtrArray *problems = problems_new ();
  AwardsRecipientKind kind;
  const char *award_name;
  const char *organisation_name;

  g_return_val_if_fail (guard != NULL, problems);
  g_return_val_if_fail (AWARDS_IS_COMMENDATION (commendation), problems);

  kind = awards_commendation_get_recipient_kind (commendation);
  award_name = awards_commendation_get_award_name (commendation);
  if (is_blank (award_name))
    {
      add_problem (problems, "award-name", g_strdup (_("Enter the award.")));
    }
  else
    {
      g_autofree char *failure = NULL;
      int eligibility;
      gint64 type_id = awards_name_guard_award_type (guard, award_name, &eligibility, &failure);

      /* A catalogue that cannot be read (the server went away) is said so: the award is not
       * missing from it. */
      if (failure != NULL)
        add_problem (problems, "award-name", g_steal_pointer (&failure));
      else if (type_id == 0)
        add_problem (problems, "award-name",
                     g_strdup_printf (_("There is no award named “%s” in the catalogue."),
                                      award_name));
      else if (type_id > 0 && !awards_eligibility_allows (eligibility, kind))
        add_problem (problems, "award-name",
                     g_strdup_printf (kind == AWARDS_RECIPIENT_KIND_INDIVIDUAL
                                      ? _("“%s” is not awarded to individuals.")
                                      : _("“%s” is not awarded to collectives."),
                                      award_name));
    }

  organisation_name = awards_commendation_get_organisation_at_time_name (commendation);
  if (kind == AWARDS_RECIPIENT_KIND_INDIVIDUAL && !is_blank (organisation_name) &&
      awards_name_guard_organisation (guard, organisation_name) == 0)
    add_problem (problems, "organisation-at-time-name",
                 g_strdup_printf (_("There is no organisation named “%s”."), organisation_name));

  return problems;
}
