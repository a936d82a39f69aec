/* awards-import-header.c: the header row of a flat award list, which names its columns
 * (internal to src/io: awards-import-run.c reads its rows by it)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "awards-import-header.h"
#include "awards-import-run.h"

/*
 * The header row finds the columns by name, in English or Vietnamese and in any order; takes
 * two Vietnamese award columns ("Danh hiệu thi đua" and "Hình thức khen thưởng") as one; and
 * refuses a column written twice. It lives apart from awards-import-run.c, which reads the
 * rows below it by the columns it found.
 */

static const struct
{
  const char *name;
  gboolean    required;
} columns[N_COLUMNS] = {
  [COLUMN_DECISION_NUMBER] = { "decision_number", FALSE },
  [COLUMN_DECISION_DATE]   = { "decision_date",   TRUE },
  [COLUMN_AUTHORITY]       = { "authority",       TRUE },
  [COLUMN_AWARD]           = { "award",           TRUE },
  [COLUMN_RECIPIENT_TYPE]  = { "recipient_type",  TRUE },
  [COLUMN_RECIPIENT]       = { "recipient",       TRUE },
  [COLUMN_ORGANISATION]    = { "organisation",    FALSE },
  [COLUMN_POSITION]        = { "position",        FALSE },
  [COLUMN_ACHIEVEMENT]     = { "achievement",     FALSE },
  [COLUMN_PERIOD]          = { "period",          FALSE },
};

void
awards_import_header_init (AwardsImportHeader *header)
{
  header->field_columns = g_array_new (FALSE, FALSE, sizeof (Column));
}

void
awards_import_header_clear (AwardsImportHeader *header)
{
  g_array_unref (header->field_columns);
  for (guint i = 0; i < N_COLUMNS; i++)
    g_free (header->names[i]);
  g_free (header->second_award_column);
}

Column
awards_import_header_column_from_name (const char *name)
{
  AwardsImportColumn column = awards_import_column_from_name (name);

  return column == AWARDS_IMPORT_COLUMN_UNKNOWN ? N_COLUMNS : (Column) column;
}

/* The column's name as the file's header writes it, for messages in the file's own words. */
const char *
awards_import_header_column_name (const AwardsImportHeader *header,
                                  Column                    column)
{
  return header->names[column] != NULL ? header->names[column] : columns[column].name;
}

/* Whether @name is a second Vietnamese name of the award column, other than the first: the
 * same name twice, or the English one, is a column written twice. */
static gboolean
other_award_name (const AwardsImportHeader *header,
                  const char               *name)
{
  const char *first = header->names[COLUMN_AWARD];
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (first == NULL || g_ascii_strcasecmp (name, columns[COLUMN_AWARD].name) == 0 ||
      g_ascii_strcasecmp (first, columns[COLUMN_AWARD].name) == 0)
    return FALSE;
  a = g_utf8_casefold (first, -1);
  b = g_utf8_casefold (name, -1);
  return g_strcmp0 (a, b) != 0;
}

/* Returns FALSE when the header is unusable, with its problems added to @problems. */
gboolean
awards_import_header_read (AwardsImportHeader  *header,
                           GPtrArray           *problems,
                           guint                line,
                           char               **fields,
                           guint                n_fields,
                           gboolean             valid_utf8)
{
  gboolean present[N_COLUMNS] = { FALSE, };
  gboolean english = TRUE;
  guint n_problems = problems->len;

  if (!valid_utf8)
    {
      awards_import_problems_add (problems, line,
                                  _("invalid UTF-8 text (save the file as “CSV UTF-8”)"));
      return FALSE;
    }

  for (guint i = 0; i < n_fields; i++)
    {
      const char *name = g_strstrip (fields[i]);
      Column column;

      if (name[0] == '\0')
        {
          column = COLUMN_UNNAMED;
        }
      else
        {
          column = awards_import_header_column_from_name (name);
          if (column == N_COLUMNS)
            awards_import_problems_add (problems, line, _("unknown column “%s”"), name);
          else if (column == COLUMN_IGNORED)
            ;
          else if (present[column] && column == COLUMN_AWARD &&
                   header->second_award_column == NULL && other_award_name (header, name))
            /* Offices list titles ("Danh hiệu thi đua") and commendations ("Hình thức khen
             * thưởng") in two columns, each row filling one: both are the award. */
            header->second_award_column = g_strdup (name);
          else if (present[column])
            awards_import_problems_add (problems, line, _("duplicated column “%s”"),
                                        g_ascii_strcasecmp (name, columns[column].name) == 0
                                          ? columns[column].name : name);
          else
            {
              present[column] = TRUE;
              header->names[column] = g_strdup (name);
              english &= g_ascii_strcasecmp (name, columns[column].name) == 0;
            }
        }

      g_array_append_val (header->field_columns, column);
    }

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      /* A header in Vietnamese is told the missing column's Vietnamese name. */
      const char *vi_name = awards_import_column_get_vi_name ((AwardsImportColumn) i);

      if (columns[i].required && !present[i])
        awards_import_problems_add (problems, line, _("missing column “%s”"),
                                    english ? columns[i].name : vi_name);
    }

  return problems->len == n_problems;
}
