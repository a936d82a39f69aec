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
#include "awards-import-record.h"
#include "awards-import-run.h"
#include "awards-import-run-private.h"
#include "awards-sheet.h"
#include "awards-text.h"

#define PROGRESS_EVERY_ROWS 1000

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
  AwardsImportProblem *problem = g_new0 (AwardsImportProblem, 1);

  problem->line = line;
  problem->message = message;
  g_ptr_array_add (problems, problem);
}

/* Takes @message, the problem of a row that names a near name. */
void
awards_import_problems_take_near (GPtrArray *problems,
                                  guint      line,
                                  char      *message)
{
  awards_import_problems_take (problems, line, message);
  ((AwardsImportProblem *) g_ptr_array_index (problems, problems->len - 1))->near_name = TRUE;
}

/* Adds the problem of @line, written from @format. */
void
awards_import_problems_add (GPtrArray  *problems,
                            guint       line,
                            const char *format,
                            ...)
{
  va_list args;

  va_start (args, format);
  awards_import_problems_take (problems, line, g_strdup_vprintf (format, args));
  va_end (args);
}

/* The column's name as the file's header writes it, for messages in the file's own words. */
static const char *
column_name (AwardsImportRun *run,
             Column           column)
{
  return awards_import_header_column_name (&run->header, column);
}

/* Rows */

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
  run->last_date_future = awards_date_is_after (run->last_date_iso, run->today);

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

  for (guint i = 0; i < N_COLUMNS; i++)
    values[i] = "";

  if (n_fields != n_header_fields)
    {
      add_problem (run, line,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u field, but the header has %u",
                                "%u fields, but the header has %u", n_fields),
                   n_fields, n_header_fields);
      return FALSE;
    }

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
  else if (run->last_date_future)
    {
      add_problem (run, line, _("the date “%s” in column %s is after today: a decision is "
                                "recorded once it is signed; check its year"),
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
                   _("invalid recipient type “%s” (expected collective or individual, "
                     "tập thể or cá nhân)"),
                   values[COLUMN_RECIPIENT_TYPE]);
      *kind = AWARDS_RECIPIENT_KIND_ANY;
      ok = FALSE;
    }

  if (values[COLUMN_RECIPIENT][0] == '\0')
    {
      add_problem (run, line, _("empty %s"), column_name (run, COLUMN_RECIPIENT));
      ok = FALSE;
    }

  if (*kind == AWARDS_RECIPIENT_KIND_INDIVIDUAL && values[COLUMN_ORGANISATION][0] == '\0')
    {
      add_problem (run, line, _("empty %s, which an individual needs"),
                   column_name (run, COLUMN_ORGANISATION));
      ok = FALSE;
    }

  return ok;
}

/* People whose names the reader remembers having prepared, at most. */
#define PREPARE_SEEN_MAX (1 << 17)

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
  /* A name met before needs only its key, which finds the person in the batch. */
  if (g_hash_table_contains (prepare->seen, prepare->seen_key->str))
    return awards_person_name_prepare_key (name);
  /* What is seen is forgotten now and then, as the batch forgets people: a name met again
   * after that is only prepared twice. */
  if (g_hash_table_size (prepare->seen) >= PREPARE_SEEN_MAX)
    {
      g_hash_table_remove_all (prepare->seen);
      g_string_chunk_clear (prepare->seen_text);
    }
  g_hash_table_add (prepare->seen, g_string_chunk_insert_len (prepare->seen_text,
                                                              prepare->seen_key->str,
                                                              (gssize) prepare->seen_key->len));

  return awards_person_name_prepare (name);
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
    awards_import_record_row (run, line, values, iso_date, kind);
  else
    awards_import_record_guard_names (run, line, values, kind);
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
  run->today = awards_date_today ();
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
  g_free (run->today);
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
  /* The guard knows every person of the file by now, and the commit's index builds would
   * sort beside all of it: nothing asks it anything more. */
  g_clear_pointer (&run->guard, awards_import_guard_free);

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
