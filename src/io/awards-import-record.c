/* awards-import-record.c: recording a checked row of an import through the batch (internal to
 * src/io)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "awards-import-record.h"
#include "awards-import-run-private.h"

/*
 * A row that awards-import-run.c has checked is recorded here: the guard passes, replaces or
 * refuses each name that could be new, the batch finds or creates the authority, the award,
 * the decision, the organisation and the person (the previous row's names save most of those
 * calls), and then adds the award. The batch's errors about the data become the row's
 * problems; any other stops the import.
 */

/* Errors about the data are problems of the row; anything else (a full disk, a locked or
 * read-only database) stops the import. */
static gboolean
is_data_error (const GError *error)
{
  if (error->domain != AWARDS_STORE_ERROR)
    return FALSE;

  switch ((AwardsStoreError) error->code)
    {
    case AWARDS_STORE_ERROR_CONSTRAINT:
    case AWARDS_STORE_ERROR_INVALID:
    case AWARDS_STORE_ERROR_NOT_FOUND:
      return TRUE;

    case AWARDS_STORE_ERROR_FAILED:
    case AWARDS_STORE_ERROR_NOT_A_DATABASE:
    case AWARDS_STORE_ERROR_TOO_NEW:
    case AWARDS_STORE_ERROR_READ_ONLY:
    case AWARDS_STORE_ERROR_BUSY:
    default:
      return FALSE;
    }
}

/* Takes @error. Returns FALSE when the import must stop. */
static gboolean
add_batch_problem (AwardsImportRun *run,
                   guint            line,
                   GError          *error)
{
  const GError *failure = awards_batch_get_failure (run->batch);

  /* After the server refused what was sent, everything fails for that one reason. */
  if (failure != NULL)
    {
      g_error_free (error);
      if (run->fatal == NULL)
        run->fatal = g_error_copy (failure);
      return FALSE;
    }
  if (!is_data_error (error))
    {
      if (run->fatal == NULL)
        run->fatal = error;
      else
        g_error_free (error);
      return FALSE;
    }

  awards_import_problems_take (run->problems, line, g_strdup (error->message));
  g_error_free (error);
  return TRUE;
}

static gboolean
last_name_matches (const LastName *last,
                   const char     *text)
{
  return last->id != 0 && strcmp (last->text->str, text) == 0;
}

static void
last_name_set (LastName   *last,
               const char *text,
               gint64      id)
{
  g_string_assign (last->text, text);
  last->id = id;
}

static void
remember_commendation (AwardsImportRun *run,
                       gint64           id,
                       guint            line)
{
  if (run->first_commendation == 0)
    run->first_commendation = id;
  if (id < run->first_commendation)
    return;
  if ((guint64) (id - run->first_commendation) >= run->commendation_lines->len)
    g_array_set_size (run->commendation_lines, (guint) (id - run->first_commendation) + 1);
  g_array_index (run->commendation_lines, guint, id - run->first_commendation) = line;
}

/* The line of the row that added award @id, or 0 when this run did not add it. */
static guint
commendation_line (AwardsImportRun *run,
                   gint64           id)
{
  if (run->first_commendation == 0 || id < run->first_commendation ||
      (guint64) (id - run->first_commendation) >= run->commendation_lines->len)
    return 0;
  return g_array_index (run->commendation_lines, guint, id - run->first_commendation);
}

/* Lets the guard pass, replace or refuse a name the row writes; FALSE when refused. */
static gboolean
guard_name (AwardsImportRun  *run,
            AwardsNearKind    kind,
            guint             line,
            const char      **name)
{
  char *problem = NULL;
  const char *use = awards_import_guard_check (run->guard, kind, *name, line, &problem);

  if (use == NULL)
    {
      awards_import_problems_take_near (run->problems, line, problem);
      return FALSE;
    }
  *name = use;
  return TRUE;
}

/* @guarded: (nullable): what the guard made of @name already (guard_row_names ()) */
static gint64
ensure_authority (AwardsImportRun *run,
                  guint            line,
                  const char      *name,
                  const char      *guarded)
{
  GError *error = NULL;
  gint64 id;

  if (last_name_matches (&run->last_authority, name))
    return run->last_authority.id;

  if (guarded != NULL)
    name = guarded;
  else if (!guard_name (run, AWARDS_NEAR_AUTHORITY, line, &name))
    return 0;
  id = awards_batch_ensure_authority (run->batch, name, &error);
  if (id <= 0)
    {
      add_batch_problem (run, line, error);
      return 0;
    }

  last_name_set (&run->last_authority, name, id);
  return id;
}

static gint64
ensure_award_type (AwardsImportRun   *run,
                   guint              line,
                   const char        *name,
                   const char        *guarded,
                   AwardsEligibility *eligibility)
{
  GError *error = NULL;
  gint64 id;

  if (last_name_matches (&run->last_award, name))
    {
      *eligibility = run->last_eligibility;
      return run->last_award.id;
    }

  *eligibility = AWARDS_ELIGIBILITY_BOTH;
  if (guarded != NULL)
    name = guarded;
  else if (!guard_name (run, AWARDS_NEAR_AWARD_TYPE, line, &name))
    return 0;
  id = awards_batch_ensure_award_type (run->batch, name, eligibility, &error);
  if (id <= 0)
    {
      add_batch_problem (run, line, error);
      return 0;
    }

  last_name_set (&run->last_award, name, id);
  run->last_eligibility = *eligibility;
  return id;
}

static gint64
ensure_organisation (AwardsImportRun *run,
                     guint            line,
                     const char      *name,
                     const char      *guarded)
{
  GError *error = NULL;
  gint64 id;

  if (last_name_matches (&run->last_organisation, name))
    return run->last_organisation.id;

  if (guarded != NULL)
    name = guarded;
  else if (!guard_name (run, AWARDS_NEAR_ORGANISATION, line, &name))
    return 0;
  id = awards_batch_ensure_organisation (run->batch, name, &error);
  if (id <= 0)
    {
      add_batch_problem (run, line, error);
      return 0;
    }

  last_name_set (&run->last_organisation, name, id);
  return id;
}

static gint64
ensure_decision (AwardsImportRun *run,
                 guint            line,
                 const char      *number,
                 const char      *iso_date,
                 gint64           authority_id)
{
  GError *error = NULL;
  gint64 id;

  if (run->last_decision_id > 0 &&
      run->last_decision_authority_id == authority_id &&
      strcmp (run->last_decision_iso, iso_date) == 0 &&
      strcmp (run->last_decision_number->str, number) == 0)
    return run->last_decision_id;

  id = awards_batch_ensure_decision (run->batch, number[0] != '\0' ? number : NULL, iso_date,
                                     authority_id, &error);
  if (id <= 0)
    {
      add_batch_problem (run, line, error);
      run->last_decision_id = 0;
      return 0;
    }

  g_string_assign (run->last_decision_number, number);
  g_free (run->last_decision_iso);
  run->last_decision_iso = g_strdup (iso_date);
  run->last_decision_authority_id = authority_id;
  run->last_decision_id = id;
  return id;
}

static const char *
nonempty_or_null (const char *text)
{
  return text[0] != '\0' ? text : NULL;
}

/* The names of a row that the guard has seen, as it lets them be used; NULL when the row
 * repeats the previous row's name, which the guard passed already. */
typedef struct
{
  const char *authority;
  const char *award;
  const char *organisation;
} GuardedNames;

/* Lets the guard see every name of the row that could be new, so that a row with several
 * near duplicates reports them all. The names it passes go into @guarded, so that the row's
 * look-ups do not ask it again. An empty name, or the organisation of a row whose recipient
 * type is not known, is left to the row's own problems. */
static gboolean
guard_row_names (AwardsImportRun     *run,
                 guint                line,
                 const char          *values[N_COLUMNS],
                 AwardsRecipientKind  kind,
                 GuardedNames        *guarded)
{
  const char *authority = values[COLUMN_AUTHORITY];
  const char *award = values[COLUMN_AWARD];
  const char *organisation = kind == AWARDS_RECIPIENT_KIND_COLLECTIVE
                             ? values[COLUMN_RECIPIENT]
                             : kind == AWARDS_RECIPIENT_KIND_INDIVIDUAL
                             ? values[COLUMN_ORGANISATION] : "";
  gboolean ok = TRUE;

  guarded->authority = guarded->award = guarded->organisation = NULL;
  if (authority[0] != '\0' && !last_name_matches (&run->last_authority, authority))
    {
      ok &= guard_name (run, AWARDS_NEAR_AUTHORITY, line, &authority);
      guarded->authority = authority;
    }
  if (award[0] != '\0' && !last_name_matches (&run->last_award, award))
    {
      ok &= guard_name (run, AWARDS_NEAR_AWARD_TYPE, line, &award);
      guarded->award = award;
    }
  if (organisation[0] != '\0' && !last_name_matches (&run->last_organisation, organisation))
    {
      ok &= guard_name (run, AWARDS_NEAR_ORGANISATION, line, &organisation);
      guarded->organisation = organisation;
    }
  return ok;
}

/* A row with problems of its own is not recorded, but the names in it that are nearly equal
 * to others are asked about with them, so that the clerk corrects the row in one go. */
void
awards_import_record_guard_names (AwardsImportRun     *run,
                                  guint                line,
                                  const char          *values[N_COLUMNS],
                                  AwardsRecipientKind  kind)
{
  GuardedNames guarded;

  guard_row_names (run, line, values, kind, &guarded);
}

/* Records a checked row: the batch finds or creates what it names, then adds the award. */
void
awards_import_record_row (AwardsImportRun     *run,
                          guint                line,
                          const char          *values[N_COLUMNS],
                          const char          *iso_date,
                          AwardsRecipientKind  kind)
{
  AwardsEligibility eligibility;
  AwardsNewCommendation commendation = { 0, };
  /* The name at the time, as documents print it: the one the clerk chose for a near name. */
  const char *recipient_name = values[COLUMN_RECIPIENT];
  gint64 authority_id, award_type_id, decision_id, organisation_id, id, earlier;
  guint earlier_line;
  GError *error = NULL;
  GuardedNames guarded;

  if (!guard_row_names (run, line, values, kind, &guarded))
    return;

  authority_id = ensure_authority (run, line, values[COLUMN_AUTHORITY], guarded.authority);
  if (authority_id == 0)
    return;

  award_type_id = ensure_award_type (run, line, values[COLUMN_AWARD], guarded.award,
                                     &eligibility);
  if (award_type_id == 0)
    return;

  if (!awards_eligibility_allows (eligibility, kind))
    {
      if (eligibility == AWARDS_ELIGIBILITY_COLLECTIVE)
        add_problem (run, line, _("“%s” can only be given to a collective"),
                     values[COLUMN_AWARD]);
      else
        add_problem (run, line, _("“%s” can only be given to an individual"),
                     values[COLUMN_AWARD]);
      return;
    }

  decision_id = ensure_decision (run, line, values[COLUMN_DECISION_NUMBER], iso_date,
                                 authority_id);
  if (decision_id == 0)
    return;

  if (kind == AWARDS_RECIPIENT_KIND_COLLECTIVE)
    {
      organisation_id = ensure_organisation (run, line, values[COLUMN_RECIPIENT],
                                             guarded.organisation);
      if (organisation_id == 0)
        return;
      if (guarded.organisation != NULL)
        recipient_name = guarded.organisation;

      commendation.organisation_id = organisation_id;
    }
  else
    {
      g_autofree char *problem = NULL;
      const AwardsPersonName *prepared;
      const char *person;
      gint64 person_id;

      organisation_id = ensure_organisation (run, line, values[COLUMN_ORGANISATION],
                                             guarded.organisation);
      if (organisation_id == 0)
        return;

      /* A slip in the name of someone of the organisation must not make a second person. */
      person = awards_import_guard_check_person (run->guard, values[COLUMN_RECIPIENT],
                                                 values[COLUMN_ORGANISATION], organisation_id,
                                                 line, &problem, &error);
      if (person == NULL)
        {
          if (error != NULL)
            add_batch_problem (run, line, error);
          else
            awards_import_problems_take_near (run->problems, line, g_steal_pointer (&problem));
          return;
        }

      /* The new people are listed only in a dry run's summary: one look-up per person. */
      if (run->dry_run &&
          !awards_import_guard_note_person (run->guard, person,
                                           values[COLUMN_ORGANISATION], organisation_id, &error))
        {
          add_batch_problem (run, line, error);
          return;
        }

      /* The reader prepared the name as written, not the existing one chosen for it. */
      prepared = run->reader != NULL && strcmp (person, values[COLUMN_RECIPIENT]) == 0
                 ? awards_csv_reader_get_prepared (run->reader) : NULL;
      person_id = awards_batch_ensure_prepared_person (run->batch, person, prepared,
                                                       organisation_id,
                                                       nonempty_or_null (values[COLUMN_POSITION]),
                                                       &error);
      if (person_id <= 0)
        {
          add_batch_problem (run, line, error);
          return;
        }

      commendation.person_id = person_id;
      commendation.organisation_at_time_id = organisation_id;
      recipient_name = person;
    }

  commendation.decision_id = decision_id;
  commendation.award_type_id = award_type_id;
  commendation.recipient_kind = kind;
  commendation.recipient_name = recipient_name;
  commendation.position = nonempty_or_null (values[COLUMN_POSITION]);
  commendation.achievement = nonempty_or_null (values[COLUMN_ACHIEVEMENT]);
  commendation.period = nonempty_or_null (values[COLUMN_PERIOD]);

  id = awards_batch_add_commendation (run->batch, &commendation, &error);
  if (id > 0)
    {
      remember_commendation (run, id, line);
      return;
    }

  /* The batch refuses a repeat; a repeat of a row of this file names the line of the first. */
  earlier = g_error_matches (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_CONSTRAINT)
            ? awards_batch_find_commendation (run->batch, &commendation) : 0;
  earlier_line = commendation_line (run, earlier);
  if (earlier_line == 0)
    {
      add_batch_problem (run, line, error);
      return;
    }
  g_clear_error (&error);
  if (values[COLUMN_DECISION_NUMBER][0] != '\0')
    add_problem (run, line, _("“%s” already receives “%s” in decision %s (line %u)"),
                 values[COLUMN_RECIPIENT], values[COLUMN_AWARD],
                 values[COLUMN_DECISION_NUMBER], earlier_line);
  else
    add_problem (run, line, _("“%s” already receives “%s” in the decision of %s (line %u)"),
                 values[COLUMN_RECIPIENT], values[COLUMN_AWARD],
                 values[COLUMN_DECISION_DATE], earlier_line);
}
