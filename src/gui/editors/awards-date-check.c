/* awards-date-check.c: what is wrong with a date as typed, in a sentence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "awards-date.h"
#include "awards-date-check.h"
#include "awards-text.h"

/* The years awards_date_parse() accepts. */
#define MIN_YEAR 1900
#define MAX_YEAR 2200

/* Reads "D/M/YYYY" or "YYYY-MM-DD" into numbers without judging them; FALSE if the text does not
 * have that shape at all. */
static gboolean
split_date (const char *text,
            guint      *day,
            guint      *month,
            guint      *year)
{
  g_auto (GStrv) parts = NULL;
  const char *separator = strchr (text, '/') != NULL ? "/" : "-";

  parts = g_strsplit (text, separator, -1);
  if (g_strv_length (parts) != 3)
    return FALSE;

  for (guint i = 0; i < 3; i++)
    {
      if (parts[i][0] == '\0' || strlen (parts[i]) > 4)
        return FALSE;
      for (const char *p = parts[i]; *p != '\0'; p++)
        if (!g_ascii_isdigit (*p))
          return FALSE;
    }

  if (separator[0] == '/')
    {
      if (strlen (parts[0]) > 2 || strlen (parts[1]) > 2 || strlen (parts[2]) != 4)
        return FALSE;
      *day = (guint) atoi (parts[0]);
      *month = (guint) atoi (parts[1]);
      *year = (guint) atoi (parts[2]);
    }
  else
    {
      if (strlen (parts[0]) != 4 || strlen (parts[1]) != 2 || strlen (parts[2]) != 2)
        return FALSE;
      *year = (guint) atoi (parts[0]);
      *month = (guint) atoi (parts[1]);
      *day = (guint) atoi (parts[2]);
    }

  return TRUE;
}

/**
 * awards_date_check_message:
 * @text: (nullable): a date as typed, dd/mm/yyyy or yyyy-mm-dd
 *
 * Says what is wrong with the value, not only with its shape: "31/02/2011" is written
 * correctly but names a day that does not exist, and the clerk must be told that.
 *
 * Returns: (transfer full) (nullable): a sentence, or %NULL if @text is a valid date or blank
 */
char *
awards_date_check_message (const char *text)
{
  g_autofree char *trimmed = awards_text_normalize (text);
  guint day = 0, month = 0, year = 0;

  if (trimmed == NULL || trimmed[0] == '\0' || awards_date_parse (trimmed, NULL))
    return NULL;

  if (!split_date (trimmed, &day, &month, &year))
    return g_strdup (_("Write the date as dd/mm/yyyy, for example 28/12/2011."));

  if (year < MIN_YEAR || year > MAX_YEAR)
    return g_strdup_printf (_("The year %u is out of range: enter a year between %u and %u."),
                            year, MIN_YEAR, MAX_YEAR);

  if (month < 1 || month > 12)
    return g_strdup_printf (_("There is no month %u: months go from 1 to 12."), month);

  /* Translators: the day is written right but is not in the calendar, as 31/02/2011. */
  return g_strdup_printf (_("There is no such day: month %u of %u has %u days."),
                          month, year,
                          (guint) g_date_get_days_in_month ((GDateMonth) month,
                                                            (GDateYear) year));
}
