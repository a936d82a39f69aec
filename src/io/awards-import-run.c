/* awards-import-run.c: one import of a flat award list, row by row (internal to src/io)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "awards-batch.h"
#include "awards-command.h"
#include "awards-csv-reader.h"
#include "awards-date.h"
#include "awards-import-columns.h"
#include "awards-import-title.h"
#include "awards-import-totals.h"
#include "awards-import-guard.h"
#include "awards-import-header.h"
#include "awards-import-letters.h"
#include "awards-import-run.h"
#include "awards-sheet.h"
#include "awards-text.h"

#define PROGRESS_EVERY_ROWS 1000

/* What the reader's parsing thread knows to prepare the names of new people ahead. */
typedef struct
{
  gboolean    have_header;
  int         type_field;         /* -1: no such column */
  int         recipient_field;
  int         organisation_field;
  GHashTable *seen;               /* "organisation\x1fname" as written, in seen_text */
  GStringChunk *seen_text;        /* one block for all: no allocation per person */
  GString    *seen_key;           /* the record's, reused */
} Prepare;

/* A name already passed to the batch by the previous row, with the id it returned. */
typedef struct
{
  GString *text;
  gint64   id;
} LastName;

/* Everything one run of the importer needs; the results are taken by the importer at the end. */
struct _AwardsImportRun
{
  AwardsBatch               *batch;
  char                      *display_name;
  gboolean                   dry_run;
  GCancellable              *cancellable;

  AwardsCsvReader           *reader;
  guint64                    bytes_total;
  AwardsImportProgressFunc   progress_func;
  gpointer                   progress_data;

  gboolean                   have_header;
  AwardsImportHeader         header;          /* its columns, once have_header */
  gboolean                   find_header;     /* a title block may come first */
  gboolean                   skipped_title;   /* a CSV's title block came first */

  AwardsImportGuard         *guard;
  gboolean                   allow_new;
  GHashTable                *resolutions;
  GPtrArray                 *new_names[AWARDS_NEAR_PERSON + 1];
  GPtrArray                 *near_names;

  GPtrArray                 *problems;        /* AwardsImportProblem */
  GError                    *fatal;           /* an error of the store, not of the file */
  guint                      n_rows;
  guint                      n_added;

  /* Consecutive rows usually share these, so the previous values save most batch calls. */
  GString                   *last_date_text;
  char                      *last_date_iso;
  LastName                   last_authority;
  LastName                   last_award;
  AwardsEligibility          last_eligibility;
  LastName                   last_organisation;
  GString                   *last_decision_number;
  char                      *last_decision_iso;
  gint64                     last_decision_authority_id;
  gint64                     last_decision_id;

  /* The line of each award this run added, by its id from first_commendation on: a row that
   * repeats an award of the file names the line of the first. */
  gint64                     first_commendation;
  GArray                    *commendation_lines;

  Prepare                    prepare;
};

void
awards_import_problem_free (AwardsImportProblem *problem)
{
  g_free (problem->message);
  g_free (problem);
}

/* Problem list */

/* Takes @message. The header's problems are added here too (awards-import-header.c). */
void
awards_import_problems_take (GPtrArray *problems,
                             guint      line,
                             char      *message)
{
  AwardsImportProblem *problem = g_new (AwardsImportProblem, 1);

  problem->line = line;
  problem->message = message;
  g_ptr_array_add (problems, problem);
}

static void
add_problem_literal (AwardsImportRun *run,
                     guint            line,
                     char            *message)
{
  awards_import_problems_take (run->problems, line, message);
}

G_GNUC_PRINTF (3, 4)
static void
add_problem (AwardsImportRun  *run,
             guint       line,
             const char *format,
             ...)
{
  va_list args;

  va_start (args, format);
  add_problem_literal (run, line, g_strdup_vprintf (format, args));
  va_end (args);
}

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
  if (!is_data_error (error))
    {
      if (run->fatal == NULL)
        run->fatal = error;
      else
        g_error_free (error);
      return FALSE;
    }

  add_problem_literal (run, line, g_strdup (error->message));
  g_error_free (error);
  return TRUE;
}

/* The column's name as the file's header writes it, for messages in the file's own words. */
static const char *
column_name (AwardsImportRun *run,
             Column           column)
{
  return awards_import_header_column_name (&run->header, column);
}

/* Rows */

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

static const char *
parse_date_cached (AwardsImportRun *run,
                   const char      *text)
{
  if (run->last_date_iso != NULL && strcmp (run->last_date_text->str, text) == 0)
    return run->last_date_iso;

  g_clear_pointer (&run->last_date_iso, g_free);
  if (!awards_date_parse (text, &run->last_date_iso))
    return NULL;
  g_string_assign (run->last_date_text, text);

  return run->last_date_iso;
}

static gboolean
parse_recipient_kind (const char          *text,
                      AwardsRecipientKind *kind)
{
  g_autofree char *normalized = NULL;

  /* The machine names are what exports write: spare them the Unicode folding. */
  if (strcmp (text, "collective") == 0)
    {
      *kind = AWARDS_RECIPIENT_KIND_COLLECTIVE;
      return TRUE;
    }
  if (strcmp (text, "individual") == 0)
    {
      *kind = AWARDS_RECIPIENT_KIND_INDIVIDUAL;
      return TRUE;
    }

  if (awards_recipient_kind_from_string (text, kind))
    return TRUE;

  /* Spreadsheets on some systems write decomposed Vietnamese letters. */
  normalized = awards_text_normalize (text);
  return normalized != NULL && awards_recipient_kind_from_string (normalized, kind);
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
      add_problem_literal (run, line, problem);
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

/* Whether @text has the shape of a date we read, right or wrong: "D/M/YYYY" or "YYYY-MM-DD". */
static gboolean
is_date_shaped (const char *text)
{
  return g_regex_match_simple ("^[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}$|^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
                               text, 0, 0);
}

/* Maps the fields to the columns and checks what C can check alone. Returns FALSE, with the
 * problems added, when the row cannot be recorded. */
static gboolean
check_row (AwardsImportRun      *run,
           guint                 line,
           char                **fields,
           guint                 n_fields,
           const char           *values[N_COLUMNS],
           const char          **iso_date,
           AwardsRecipientKind  *kind)
{
  guint n_header_fields = run->header.field_columns->len;
  gboolean ok = TRUE;

  if (n_fields != n_header_fields)
    {
      add_problem (run, line,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u field, but the header has %u",
                                "%u fields, but the header has %u", n_fields),
                   n_fields, n_header_fields);
      return FALSE;
    }

  for (guint i = 0; i < N_COLUMNS; i++)
    values[i] = "";

  for (guint i = 0; i < n_fields; i++)
    {
      Column column = g_array_index (run->header.field_columns, Column, i);

      if (column == COLUMN_IGNORED)
        continue;
      if (column == COLUMN_AWARD && values[COLUMN_AWARD][0] != '\0')
        {
          /* The second of two award columns: one award a row, in either. */
          if (fields[i][0] != '\0')
            {
              add_problem (run, line,
                           _("two awards on one row, “%s” and “%s”: write each on a row of "
                             "its own"), values[COLUMN_AWARD], fields[i]);
              ok = FALSE;
            }
          continue;
        }
      if (column != COLUMN_UNNAMED)
        values[column] = fields[i];
      else if (fields[i][0] != '\0')
        {
          add_problem (run, line, _("a value in column %u, which has no name in the header"),
                       i + 1);
          ok = FALSE;
        }
    }

  if (values[COLUMN_DECISION_DATE][0] == '\0')
    {
      add_problem (run, line, _("empty %s"), column_name (run, COLUMN_DECISION_DATE));
      ok = FALSE;
    }
  else if ((*iso_date = parse_date_cached (run, values[COLUMN_DECISION_DATE])) == NULL)
    {
      /* "28/12/19" or "28.12.2019" is a date in a form we do not read, not a wrong date. */
      if (is_date_shaped (values[COLUMN_DECISION_DATE]))
        add_problem (run, line, _("invalid date “%s” in column %s"),
                     values[COLUMN_DECISION_DATE], column_name (run, COLUMN_DECISION_DATE));
      else
        add_problem (run, line,
                     _("date “%s” in column %s must be written as day/month/year "
                       "(28/12/2019) or year-month-day (2019-12-28)"),
                     values[COLUMN_DECISION_DATE], column_name (run, COLUMN_DECISION_DATE));
      ok = FALSE;
    }

  if (values[COLUMN_AUTHORITY][0] == '\0')
    {
      add_problem (run, line, _("empty %s"), column_name (run, COLUMN_AUTHORITY));
      ok = FALSE;
    }

  if (values[COLUMN_AWARD][0] == '\0' && run->header.second_award_column != NULL)
    {
      add_problem (run, line, _("empty %s and %s"), column_name (run, COLUMN_AWARD),
                   run->header.second_award_column);
      ok = FALSE;
    }
  else if (values[COLUMN_AWARD][0] == '\0')
    {
      add_problem (run, line, _("empty %s"), column_name (run, COLUMN_AWARD));
      ok = FALSE;
    }

  if (values[COLUMN_RECIPIENT_TYPE][0] == '\0')
    {
      add_problem (run, line, _("empty %s"), column_name (run, COLUMN_RECIPIENT_TYPE));
      ok = FALSE;
    }
  else if (!parse_recipient_kind (values[COLUMN_RECIPIENT_TYPE], kind) ||
           *kind == AWARDS_RECIPIENT_KIND_ANY)
    {
      add_problem (run, line,
                   _("invalid recipient type “%s” (expected collective or individual)"),
                   values[COLUMN_RECIPIENT_TYPE]);
      ok = FALSE;
    }

  if (values[COLUMN_RECIPIENT][0] == '\0')
    {
      add_problem (run, line, _("empty %s"), column_name (run, COLUMN_RECIPIENT));
      ok = FALSE;
    }

  if (*kind == AWARDS_RECIPIENT_KIND_INDIVIDUAL && values[COLUMN_ORGANISATION][0] == '\0')
    {
      add_problem (run, line, _("empty organisation, which an individual needs"));
      ok = FALSE;
    }

  return ok;
}

static const char *
nonempty_or_null (const char *text)
{
  return text[0] != '\0' ? text : NULL;
}

static char *
stripped_copy (const char *text)
{
  return g_strstrip (g_strdup (text));
}

/*
 * Runs in the reader's thread: derives the keys of each person's name the first time the file
 * names them, so that the batch only has to look them up. The header is read here again, for
 * the columns; a record it cannot make sense of simply gets nothing, and the batch derives what
 * it needs itself.
 */
static gpointer
prepare_record (guint         line,
                char * const *fields,
                guint         n_fields,
                gpointer      user_data)
{
  Prepare *prepare = user_data;
  g_autofree char *type = NULL;
  g_autofree char *name = NULL;
  AwardsRecipientKind kind;

  if (!prepare->have_header && awards_import_is_title_row ((const char * const *) fields, n_fields))
    return NULL;
  if (!prepare->have_header)
    {
      prepare->have_header = TRUE;
      for (guint i = 0; i < n_fields; i++)
        {
          g_autofree char *column_name = stripped_copy (fields[i]);

          switch ((int) awards_import_header_column_from_name (column_name))
            {
            case COLUMN_RECIPIENT_TYPE:
              prepare->type_field = (int) i;
              break;
            case COLUMN_RECIPIENT:
              prepare->recipient_field = (int) i;
              break;
            case COLUMN_ORGANISATION:
              prepare->organisation_field = (int) i;
              break;
            default:
              break;
            }
        }
      return NULL;
    }

  /* Before the keys are derived: import_row () finds the fields already fixed. */
  for (guint i = 0; i < n_fields; i++)
    awards_import_fix_look_alikes (fields[i]);

  if (prepare->type_field < 0 || prepare->recipient_field < 0 ||
      prepare->organisation_field < 0 || (guint) prepare->type_field >= n_fields ||
      (guint) prepare->recipient_field >= n_fields ||
      (guint) prepare->organisation_field >= n_fields)
    return NULL;

  type = stripped_copy (fields[prepare->type_field]);
  if (!parse_recipient_kind (type, &kind) || kind != AWARDS_RECIPIENT_KIND_INDIVIDUAL)
    return NULL;

  name = stripped_copy (fields[prepare->recipient_field]);
  g_string_assign (prepare->seen_key, fields[prepare->organisation_field]);
  g_string_append_c (prepare->seen_key, '\x1f');
  g_string_append (prepare->seen_key, name);
  if (g_hash_table_contains (prepare->seen, prepare->seen_key->str))
    return NULL;
  g_hash_table_add (prepare->seen, g_string_chunk_insert_len (prepare->seen_text,
                                                              prepare->seen_key->str,
                                                              (gssize) prepare->seen_key->len));

  return awards_person_name_prepare (name);
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
 * look-ups do not ask it again. */
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
                             ? values[COLUMN_RECIPIENT] : values[COLUMN_ORGANISATION];
  gboolean ok = TRUE;

  guarded->authority = guarded->award = guarded->organisation = NULL;
  if (!last_name_matches (&run->last_authority, authority))
    {
      ok &= guard_name (run, AWARDS_NEAR_AUTHORITY, line, &authority);
      guarded->authority = authority;
    }
  if (!last_name_matches (&run->last_award, award))
    {
      ok &= guard_name (run, AWARDS_NEAR_AWARD_TYPE, line, &award);
      guarded->award = award;
    }
  if (!last_name_matches (&run->last_organisation, organisation))
    {
      ok &= guard_name (run, AWARDS_NEAR_ORGANISATION, line, &organisation);
      guarded->organisation = organisation;
    }
  return ok;
}

/* Records a checked row: the batch finds or creates what it names, then adds the award. */
static void
record_row (AwardsImportRun     *run,
            guint                line,
            const char          *values[N_COLUMNS],
            const char          *iso_date,
            AwardsRecipientKind  kind)
{
  AwardsEligibility eligibility;
  AwardsNewCommendation commendation = { 0, };
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
            add_problem (run, line, "%s", problem);
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
    }

  commendation.decision_id = decision_id;
  commendation.award_type_id = award_type_id;
  commendation.recipient_kind = kind;
  commendation.recipient_name = values[COLUMN_RECIPIENT];
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

static void
import_row (AwardsImportRun  *run,
            guint             line,
            char            **fields,
            guint             n_fields,
            gboolean          valid_utf8)
{
  const char *values[N_COLUMNS];
  const char *iso_date = NULL;
  AwardsRecipientKind kind = AWARDS_RECIPIENT_KIND_ANY;
  gboolean blank = TRUE;

  for (guint i = 0; i < n_fields; i++)
    {
      char *field = fields[i];

      /* Most fields have nothing to trim: look at both ends before moving anything. */
      if (field[0] != '\0')
        {
          gsize length = strlen (field);

          if (g_ascii_isspace (field[0]) || g_ascii_isspace (field[length - 1]))
            g_strstrip (field);
          awards_import_fix_look_alikes (field);
        }
      if (field[0] != '\0')
        blank = FALSE;
    }

  /* Spreadsheets write rows of empty cells below the data, and offices a totals row. */
  if (blank ||
      awards_import_is_totals_row ((const AwardsImportColumn *) run->header.field_columns->data,
                                   run->header.field_columns->len, (const char * const *) fields,
                                   n_fields))
    return;

  run->n_rows++;

  if (!valid_utf8)
    {
      add_problem (run, line, _("invalid UTF-8 text (save the file as “CSV UTF-8”)"));
      return;
    }

  if (check_row (run, line, fields, n_fields, values, &iso_date, &kind))
    record_row (run, line, values, iso_date, kind);
}

static void
report_progress (AwardsImportRun *run)
{
  if (run->progress_func != NULL)
    run->progress_func (run->n_rows,
                        run->reader != NULL ? awards_csv_reader_get_bytes_read (run->reader) : 0,
                        run->bytes_total, run->progress_data);
}

static gboolean
on_record (AwardsCsvReader  *reader,
           guint             line,
           char            **fields,
           guint             n_fields,
           gboolean          valid_utf8,
           gpointer          user_data)
{
  AwardsImportRun *run = user_data;

  /* A spreadsheet may have a title block above the header row. */
  if (!run->have_header && run->find_header &&
      !awards_import_columns_are_header ((const char * const *) fields, n_fields))
    return TRUE;
  /* So may a CSV saved from one; the reader's line numbers stay the file's own. */
  if (!run->have_header && !run->find_header &&
      awards_import_is_title_row ((const char * const *) fields, n_fields))
    {
      run->skipped_title = TRUE;
      return TRUE;
    }

  if (!run->have_header)
    {
      run->have_header = TRUE;
      return awards_import_header_read (&run->header, run->problems, line, fields, n_fields,
                                        valid_utf8);
    }

  import_row (run, line, fields, n_fields, valid_utf8);

  if (run->n_rows % PROGRESS_EVERY_ROWS == 0)
    report_progress (run);

  return run->fatal == NULL && !g_cancellable_is_cancelled (run->cancellable);
}

AwardsImportRun *
awards_import_run_new (const char   *display_name,
                       gboolean      dry_run,
                       GCancellable *cancellable)
{
  AwardsImportRun *run = g_new0 (AwardsImportRun, 1);

  run->display_name = g_strdup (display_name);
  run->dry_run = dry_run;
  run->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  awards_import_header_init (&run->header);
  run->problems = awards_import_problems_new ();
  run->last_date_text = g_string_new (NULL);
  run->last_authority.text = g_string_new (NULL);
  run->last_award.text = g_string_new (NULL);
  run->last_organisation.text = g_string_new (NULL);
  run->last_decision_number = g_string_new (NULL);
  run->commendation_lines = g_array_new (FALSE, TRUE, sizeof (guint));
  run->prepare.type_field = -1;
  run->prepare.recipient_field = -1;
  run->prepare.organisation_field = -1;
  run->prepare.seen = g_hash_table_new (g_str_hash, g_str_equal);
  run->prepare.seen_text = g_string_chunk_new (64 * 1024);
  run->prepare.seen_key = g_string_new (NULL);

  return run;
}

void
awards_import_run_free (AwardsImportRun *run)
{
  g_clear_pointer (&run->batch, awards_batch_free);
  g_clear_pointer (&run->reader, awards_csv_reader_free);
  g_clear_object (&run->cancellable);
  g_free (run->display_name);
  awards_import_header_clear (&run->header);
  g_clear_pointer (&run->guard, awards_import_guard_free);
  g_clear_pointer (&run->resolutions, g_hash_table_unref);
  for (guint i = 0; i < G_N_ELEMENTS (run->new_names); i++)
    g_clear_pointer (&run->new_names[i], g_ptr_array_unref);
  g_clear_pointer (&run->near_names, g_ptr_array_unref);
  g_clear_pointer (&run->problems, g_ptr_array_unref);
  g_clear_error (&run->fatal);
  g_string_free (run->last_date_text, TRUE);
  g_free (run->last_date_iso);
  g_string_free (run->last_authority.text, TRUE);
  g_string_free (run->last_award.text, TRUE);
  g_string_free (run->last_organisation.text, TRUE);
  g_string_free (run->last_decision_number, TRUE);
  g_free (run->last_decision_iso);
  g_array_unref (run->commendation_lines);
  g_hash_table_unref (run->prepare.seen);
  g_string_chunk_free (run->prepare.seen_text);
  g_string_free (run->prepare.seen_key, TRUE);
  g_free (run);
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const AwardsImportProblem *x = *(AwardsImportProblem * const *) a;
  const AwardsImportProblem *y = *(AwardsImportProblem * const *) b;

  return (x->line > y->line) - (x->line < y->line);
}

/* Reads the whole stream within one batch; commits only when nothing is wrong. */
static gboolean
on_sheet_row (guint     row,
              char    **cells,
              guint     n_cells,
              gpointer  user_data)
{
  return on_record (NULL, row, cells, n_cells, TRUE, user_data);
}

static gboolean
import_run_read_csv (AwardsImportRun  *run,
                     GInputStream     *stream,
                     GError          **error)
{
  /* A row of the flat list takes some 150 bytes; a large file lets the batch prepare for bulk. */
  if (run->bytes_total > 0 &&
      !awards_batch_expect_rows (run->batch, (guint)MIN (run->bytes_total / 150, G_MAXUINT),
                                 error))
    return FALSE;

  run->reader = awards_csv_reader_new (on_record, run);
  awards_csv_reader_set_prepare_func (run->reader, prepare_record,
                                      (GDestroyNotify) awards_person_name_free, &run->prepare);
  return awards_csv_reader_read (run->reader, stream, run->cancellable, error);
}

static gboolean
import_run_finish (AwardsImportRun  *run,
                   GError          **error)
{
  const char *syntax_error = NULL;
  guint syntax_line = 0;

  for (guint i = 0; i < G_N_ELEMENTS (run->new_names); i++)
    run->new_names[i] = awards_import_guard_steal_new_names (run->guard, i);
  run->near_names = awards_import_guard_steal_near_names (run->guard);

  if (run->fatal != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&run->fatal));
      return FALSE;
    }

  if (g_cancellable_set_error_if_cancelled (run->cancellable, error))
    return FALSE;

  if (run->reader != NULL)
    syntax_error = awards_csv_reader_get_syntax_error (run->reader, &syntax_line);
  if (syntax_error != NULL)
    add_problem (run, syntax_line, "%s", syntax_error);
  else if (!run->have_header && (run->find_header || run->skipped_title))
    add_problem (run, 1, _("no row names the columns of the list (such as “%s” and “%s”)"),
                 awards_import_column_get_vi_name (AWARDS_IMPORT_COLUMN_RECIPIENT),
                 awards_import_column_get_vi_name (AWARDS_IMPORT_COLUMN_AWARD));
  else if (!run->have_header)
    add_problem (run, 1, _("the file is empty: its first line must name the columns"));

  run->n_added = awards_batch_get_n_added (run->batch);
  report_progress (run);

  if (run->problems->len > 0)
    {
      g_autoptr(GString) message = g_string_new (NULL);

      /* Row problems come in file order already; header and syntax problems may not. */
      g_ptr_array_sort (run->problems, compare_problems);

      for (guint i = 0; i < run->problems->len; i++)
        {
          const AwardsImportProblem *problem = g_ptr_array_index (run->problems, i);

          if (i > 0)
            g_string_append_c (message, '\n');
          g_string_append_printf (message, "%s:%u: %s",
                                  run->display_name, problem->line, problem->message);
        }

      g_set_error_literal (error, AWARDS_IMPORT_ERROR, AWARDS_IMPORT_ERROR_INVALID, message->str);
      return FALSE;
    }

  if (run->dry_run)
    return TRUE;

  return awards_batch_commit (run->batch, error);
}

static gboolean
import_run_read (AwardsImportRun  *run,
                 AwardsStore      *store,
                 GInputStream     *stream,
                 AwardsSheet      *sheet,
                 GError          **error)
{
  run->batch = awards_batch_begin (store, error);
  if (run->batch == NULL)
    return FALSE;
  /* The whole import is one entry in the audit log, named after its file. */
  awards_store_set_command_source (store, run->display_name);

  run->guard = awards_import_guard_new (store, run->allow_new, run->resolutions, error);
  if (run->guard == NULL)
    return FALSE;

  if (sheet != NULL)
    {
      run->find_header = TRUE;
      awards_sheet_foreach_row (sheet, on_sheet_row, run);
    }
  else if (!import_run_read_csv (run, stream, error))
    return FALSE;

  return import_run_finish (run, error);
}

gboolean
awards_import_run_execute (AwardsImportRun  *run,
                           AwardsStore      *store,
                           GInputStream     *stream,
                           GError          **error)
{
  gboolean ok = import_run_read (run, store, stream, NULL, error);

  /* The batch holds the store's lock for its thread: end it (rolling back unless committed)
   * in the thread that began it, before the results travel anywhere. */
  g_clear_pointer (&run->batch, awards_batch_free);

  return ok;
}

void
awards_import_run_set_progress_func (AwardsImportRun          *run,
                                     AwardsImportProgressFunc  func,
                                     gpointer                  user_data,
                                     guint64                   bytes_total)
{
  run->progress_func = func;
  run->progress_data = user_data;
  run->bytes_total = bytes_total;
}

/* Returns: (transfer full): the problems found, in line order */
GPtrArray *
awards_import_run_steal_problems (AwardsImportRun *run)
{
  GPtrArray *problems = g_steal_pointer (&run->problems);

  run->problems = awards_import_problems_new ();
  return problems;
}

guint
awards_import_run_get_n_rows (AwardsImportRun *run)
{
  return run->n_rows;
}

guint
awards_import_run_get_n_added (AwardsImportRun *run)
{
  return run->n_added;
}

GPtrArray *
awards_import_problems_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) awards_import_problem_free);
}

/* Like awards_import_run_execute () for the rows of a spreadsheet. */
gboolean
awards_import_run_execute_sheet (AwardsImportRun  *run,
                                 AwardsStore      *store,
                                 AwardsSheet      *sheet,
                                 GError          **error)
{
  gboolean ok = import_run_read (run, store, NULL, sheet, error);

  g_clear_pointer (&run->batch, awards_batch_free);
  return ok;
}

/* @resolutions: (nullable): what the user chose for near names, see awards_import_guard_new () */
void
awards_import_run_set_new_names (AwardsImportRun *run,
                                 gboolean         allow_new,
                                 GHashTable      *resolutions)
{
  run->allow_new = allow_new;
  g_clear_pointer (&run->resolutions, g_hash_table_unref);
  run->resolutions = resolutions != NULL ? g_hash_table_ref (resolutions) : NULL;
}

/* Returns: (transfer full) (element-type utf8): the names of @kind that the run adds */
GPtrArray *
awards_import_run_steal_new_names (AwardsImportRun *run,
                                   AwardsNearKind   kind)
{
  GPtrArray *names = g_steal_pointer (&run->new_names[kind]);

  return names != NULL ? names : g_ptr_array_new_with_free_func (g_free);
}

/* Returns: (transfer full) (element-type AwardsImportNearName): the refused near names */
GPtrArray *
awards_import_run_steal_near_names (AwardsImportRun *run)
{
  GPtrArray *names = g_steal_pointer (&run->near_names);

  return names != NULL ? names
                       : g_ptr_array_new_with_free_func ((GDestroyNotify) awards_import_near_name_free);
}
