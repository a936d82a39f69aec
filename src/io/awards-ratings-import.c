/* awards-ratings-import.c: annual ratings and initiatives from CSV files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "awards-csv-reader.h"
#include "awards-importer.h"
#include "awards-ratings-import.h"
#include "awards-review-store.h"
#include "awards-text.h"

typedef enum
{
  COLUMN_IGNORED = -2,
  COLUMN_UNKNOWN = -1,
  COLUMN_RECIPIENT_TYPE = 0,
  COLUMN_RECIPIENT,
  COLUMN_ORGANISATION,
  COLUMN_YEAR,
  COLUMN_RATING,
  COLUMN_TITLE,
  COLUMN_SCOPE,
  N_COLUMNS
} Column;

/* Folded names: the English ones of the README, then the usual Vietnamese headings. */
static const struct
{
  Column      column;
  const char *names;
} column_names[] = {
  { COLUMN_RECIPIENT_TYPE, "recipient_type|loai|doi tuong|loai doi tuong" },
  { COLUMN_RECIPIENT, "recipient|ho va ten|ho ten|ten|ten tap the|tap the, ca nhan" },
  { COLUMN_ORGANISATION, "organisation|organization|don vi|don vi cong tac" },
  { COLUMN_YEAR, "year|nam" },
  { COLUMN_RATING, "rating|xep loai|muc do hoan thanh nhiem vu|danh gia" },
  { COLUMN_TITLE, "title|ten sang kien|sang kien|ten de tai" },
  { COLUMN_SCOPE, "scope|pham vi|cap|pham vi anh huong" },
  { COLUMN_IGNORED, "stt|so tt|so thu tu" },
};

typedef struct
{
  AwardsStore  *store;
  const char   *display_name;
  GPtrArray    *problems;       /* "FILE:LINE: message" */
  GPtrArray    *ratings;
  GPtrArray    *initiatives;
  gboolean      have_header;
  gboolean      header_ok;       /* the rows are not read under a wrong header */
  gboolean      is_rating_file;
  int           columns[N_COLUMNS];
} ReadState;

G_GNUC_PRINTF (3, 4)
static void
add_problem (ReadState  *state,
             guint       line,
             const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (state->problems, g_strdup_printf ("%s:%u: %s", state->display_name, line,
                                                     message));
}

static int
find_column (const char *heading)
{
  g_autofree char *folded = awards_text_fold (heading);

  if (folded == NULL)
    return COLUMN_UNKNOWN;
  for (guint i = 0; i < G_N_ELEMENTS (column_names); i++)
    {
      g_auto(GStrv) names = g_strsplit (column_names[i].names, "|", -1);

      if (g_strv_contains ((const char * const *)names, folded))
        return column_names[i].column;
    }
  return COLUMN_UNKNOWN;
}

static void
read_header (ReadState  *state,
             guint       line,
             char      **fields,
             guint       n_fields)
{
  static const Column rating_columns[] = {
    COLUMN_RECIPIENT_TYPE, COLUMN_RECIPIENT, COLUMN_YEAR, COLUMN_RATING,
  };
  static const Column initiative_columns[] = {
    COLUMN_RECIPIENT_TYPE, COLUMN_RECIPIENT, COLUMN_YEAR, COLUMN_TITLE, COLUMN_SCOPE,
  };
  const Column *required;
  guint n_required;

  for (guint i = 0; i < N_COLUMNS; i++)
    state->columns[i] = -1;
  for (guint i = 0; i < n_fields; i++)
    {
      int column = find_column (fields[i]);

      if (column == COLUMN_UNKNOWN)
        add_problem (state, line, _("unknown column “%s”"), fields[i]);
      else if (column >= 0 && state->columns[column] >= 0)
        add_problem (state, line, _("the column “%s” is given twice"), fields[i]);
      else if (column >= 0)
        state->columns[column] = i;
    }

  state->is_rating_file = state->columns[COLUMN_RATING] >= 0;
  if (state->is_rating_file &&
      (state->columns[COLUMN_TITLE] >= 0 || state->columns[COLUMN_SCOPE] >= 0))
    add_problem (state, line, _("a file holds either ratings or initiatives, not both"));
  required = state->is_rating_file ? rating_columns : initiative_columns;
  n_required = state->is_rating_file ? G_N_ELEMENTS (rating_columns)
                                     : G_N_ELEMENTS (initiative_columns);
  for (guint i = 0; i < n_required; i++)
    if (state->columns[required[i]] < 0)
      {
        static const char *const english[] = {
          "recipient_type", "recipient", "organisation", "year", "rating", "title", "scope",
        };

        add_problem (state, line, _("the column “%s” is missing"), english[required[i]]);
      }
}

static char *
get_field (ReadState  *state,
           char      **fields,
           guint       n_fields,
           Column      column)
{
  int index = state->columns[column];

  if (index < 0 || (guint)index >= n_fields)
    return NULL;
  return awards_text_normalize (fields[index]);
}

static gboolean
on_record (AwardsCsvReader  *reader,
           guint             line,
           char            **fields,
           guint             n_fields,
           gboolean          valid_utf8,
           gpointer          user_data)
{
  ReadState *state = user_data;
  g_autofree char *type_text = NULL;
  g_autofree char *recipient = NULL;
  g_autofree char *organisation = NULL;
  g_autofree char *year_text = NULL;
  g_autoptr(GError) error = NULL;
  AwardsRecipientKind kind;
  gint64 recipient_id;
  gint64 year;
  char *end = NULL;

  if (!valid_utf8)
    {
      add_problem (state, line, _("the line is not valid UTF-8 text"));
      return TRUE;
    }
  if (!state->have_header)
    {
      guint n_problems = state->problems->len;

      state->have_header = TRUE;
      read_header (state, line, fields, n_fields);
      state->header_ok = state->problems->len == n_problems;
      return TRUE;
    }
  if (!state->header_ok)
    return TRUE;

  type_text = get_field (state, fields, n_fields, COLUMN_RECIPIENT_TYPE);
  recipient = get_field (state, fields, n_fields, COLUMN_RECIPIENT);
  organisation = get_field (state, fields, n_fields, COLUMN_ORGANISATION);
  year_text = get_field (state, fields, n_fields, COLUMN_YEAR);
  if (organisation != NULL && organisation[0] == '\0')
    g_clear_pointer (&organisation, g_free);

  if (type_text == NULL || !awards_recipient_kind_from_string (type_text, &kind) ||
      kind == AWARDS_RECIPIENT_KIND_ANY)
    {
      add_problem (state, line, _("recipient_type “%s” is neither collective nor individual"),
                   type_text != NULL ? type_text : "");
      return TRUE;
    }
  if (recipient == NULL || recipient[0] == '\0')
    {
      add_problem (state, line, _("the recipient is empty"));
      return TRUE;
    }
  year = year_text != NULL ? g_ascii_strtoll (year_text, &end, 10) : 0;
  if (year_text == NULL || end == year_text || *end != '\0' || year < 1900 || year > 2200)
    {
      add_problem (state, line, _("year “%s” is not a year between 1900 and 2200"),
                   year_text != NULL ? year_text : "");
      return TRUE;
    }
  recipient_id = awards_review_find_recipient (state->store, kind, recipient,
                                               kind == AWARDS_RECIPIENT_KIND_INDIVIDUAL
                                               ? organisation : NULL, &error);
  if (recipient_id == 0)
    {
      add_problem (state, line, "%s", error->message);
      return TRUE;
    }

  if (state->is_rating_file)
    {
      g_autofree char *text = get_field (state, fields, n_fields, COLUMN_RATING);
      AwardsRatingRecord *record;
      AwardsRating rating = awards_rating_parse (text);

      if (rating == AWARDS_RATING_NONE)
        {
          add_problem (state, line, _("rating “%s” is not one of: Hoàn thành xuất sắc nhiệm vụ, "
                                      "Hoàn thành tốt nhiệm vụ, Hoàn thành nhiệm vụ, Không "
                                      "hoàn thành nhiệm vụ"), text != NULL ? text : "");
          return TRUE;
        }
      record = g_new0 (AwardsRatingRecord, 1);
      record->kind = kind;
      record->recipient_id = recipient_id;
      record->year = year;
      record->rating = rating;
      g_ptr_array_add (state->ratings, record);
    }
  else
    {
      g_autofree char *title = get_field (state, fields, n_fields, COLUMN_TITLE);
      g_autofree char *scope_text = get_field (state, fields, n_fields, COLUMN_SCOPE);
      AwardsScope scope = awards_scope_parse (scope_text);
      AwardsInitiative *initiative;

      if (title == NULL || title[0] == '\0')
        {
          add_problem (state, line, _("the title of the initiative is empty"));
          return TRUE;
        }
      if (scope == AWARDS_SCOPE_NONE)
        {
          add_problem (state, line, _("scope “%s” is not one of: cơ sở, tỉnh, toàn quốc"),
                       scope_text != NULL ? scope_text : "");
          return TRUE;
        }
      initiative = g_new0 (AwardsInitiative, 1);
      initiative->kind = kind;
      initiative->recipient_id = recipient_id;
      initiative->year = year;
      initiative->title = g_steal_pointer (&title);
      initiative->scope = scope;
      g_ptr_array_add (state->initiatives, initiative);
    }
  return TRUE;
}

static gboolean
read_file (ReadState   *state,
           const char  *path,
           GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(AwardsCsvReader) reader = NULL;
  const char *syntax_error;
  guint syntax_line = 0;

  stream = g_file_read (file, NULL, error);
  if (stream == NULL)
    return FALSE;
  state->display_name = path;
  state->have_header = FALSE;
  reader = awards_csv_reader_new (on_record, state);
  if (!awards_csv_reader_read (reader, G_INPUT_STREAM (stream), NULL, error))
    return FALSE;
  syntax_error = awards_csv_reader_get_syntax_error (reader, &syntax_line);
  if (syntax_error != NULL)
    add_problem (state, syntax_line, "%s", syntax_error);
  else if (!state->have_header)
    add_problem (state, 1, _("the file is empty: its first line must name the columns"));
  return TRUE;
}

gboolean
awards_ratings_import_files (AwardsStore         *store,
                             const char * const  *paths,
                             gboolean             dry_run,
                             guint               *n_ratings,
                             guint               *n_initiatives,
                             GError             **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) ratings =
    g_ptr_array_new_with_free_func ((GDestroyNotify)awards_rating_record_free);
  g_autoptr(GPtrArray) initiatives =
    g_ptr_array_new_with_free_func ((GDestroyNotify)awards_initiative_free);
  ReadState state = { store, NULL, problems, ratings, initiatives, FALSE, FALSE, FALSE, { 0, } };

  g_return_val_if_fail (AWARDS_IS_STORE (store), FALSE);
  g_return_val_if_fail (paths != NULL, FALSE);

  for (guint i = 0; paths[i] != NULL; i++)
    if (!read_file (&state, paths[i], error))
      return FALSE;

  if (problems->len > 0)
    {
      g_autofree char *message = NULL;

      g_ptr_array_add (problems, NULL);
      message = g_strjoinv ("\n", (char **)problems->pdata);
      g_set_error_literal (error, AWARDS_IMPORT_ERROR, AWARDS_IMPORT_ERROR_INVALID, message);
      return FALSE;
    }
  if (n_ratings != NULL)
    *n_ratings = ratings->len;
  if (n_initiatives != NULL)
    *n_initiatives = initiatives->len;
  if (dry_run)
    return TRUE;
  return awards_review_import (store, ratings, initiatives, error);
}
