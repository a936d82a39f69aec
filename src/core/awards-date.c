/* awards-date.c: parsing and writing dates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "awards-date.h"
#include "awards-text.h"

#define MIN_YEAR 1900
#define MAX_YEAR 2200

/* Reads between @min_digits and @max_digits ASCII digits at *@p into @value and moves *@p past
 * them. */
static gboolean
read_number (const char **p,
             guint        min_digits,
             guint        max_digits,
             guint       *value)
{
  guint digits = 0;

  *value = 0;
  while (g_ascii_isdigit (**p) && digits < max_digits)
    {
      *value = *value * 10 + (guint) (**p - '0');
      (*p)++;
      digits++;
    }

  return digits >= min_digits && !g_ascii_isdigit (**p);
}

static gboolean
is_valid_date (guint year,
               guint month,
               guint day)
{
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1)
    return FALSE;

  return day <= g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year);
}

/* Parses exactly "YYYY-MM-DD", nothing around it. */
static gboolean
parse_iso (const char *text,
           guint      *year,
           guint      *month,
           guint      *day)
{
  const char *p = text;

  if (text == NULL)
    return FALSE;

  if (!read_number (&p, 4, 4, year) || *p++ != '-' ||
      !read_number (&p, 2, 2, month) || *p++ != '-' ||
      !read_number (&p, 2, 2, day) || *p != '\0')
    return FALSE;

  return is_valid_date (*year, *month, *day);
}

/* Parses exactly "D/M/YYYY" with one or two digits for day and month. */
static gboolean
parse_dmy (const char *text,
           guint      *year,
           guint      *month,
           guint      *day)
{
  const char *p = text;

  if (!read_number (&p, 1, 2, day) || *p++ != '/' ||
      !read_number (&p, 1, 2, month) || *p++ != '/' ||
      !read_number (&p, 4, 4, year) || *p != '\0')
    return FALSE;

  return is_valid_date (*year, *month, *day);
}

/**
 * awards_date_parse:
 * @text: (nullable): a date as "YYYY-MM-DD" or "DD/MM/YYYY" (day and month may have one digit);
 *   surrounding whitespace is ignored
 * @iso_out: (out) (optional): the date as "YYYY-MM-DD"
 *
 * Parses and validates a date between the years 1900 and 2200.
 *
 * Returns: %TRUE if @text is a valid date; otherwise %FALSE and *@iso_out is %NULL
 */
gboolean
awards_date_parse (const char  *text,
                   char       **iso_out)
{
  g_autofree char *trimmed = NULL;
  guint year, month, day;

  if (iso_out != NULL)
    *iso_out = NULL;

  /* Normalising trims no-break spaces and newlines too, as cells pasted from documents have. */
  trimmed = awards_text_normalize (text);
  if (trimmed == NULL)
    return FALSE;

  if (!parse_iso (trimmed, &year, &month, &day) && !parse_dmy (trimmed, &year, &month, &day))
    return FALSE;

  if (iso_out != NULL)
    *iso_out = g_strdup_printf ("%04u-%02u-%02u", year, month, day);

  return TRUE;
}

/**
 * awards_date_is_future:
 * @iso: (nullable): a date as "YYYY-MM-DD"
 *
 * Whether @iso comes after today, on this computer's calendar. A decision is recorded once it is
 * signed: a date after today is a slip in its year ("2101" for "2011").
 *
 * Returns: %TRUE when @iso is a date after today
 */
gboolean
awards_date_is_future (const char *iso)
{
  g_autofree char *today = awards_date_today ();

  return awards_date_is_after (iso, today);
}

/**
 * awards_date_today:
 *
 * Returns: (transfer full): today's date on this computer's calendar, as "YYYY-MM-DD"
 */
char *
awards_date_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/**
 * awards_date_is_after:
 * @iso: (nullable): a date as "YYYY-MM-DD"
 * @day: a date as "YYYY-MM-DD", such as awards_date_today ()
 *
 * As awards_date_is_future () against @day, for a caller that checks many dates: reading the
 * clock and the time zone for each cost an import of alternating dates a per cent of its time.
 *
 * Returns: %TRUE when @iso is a date after @day
 */
gboolean
awards_date_is_after (const char *iso,
                      const char *day)
{
  return iso != NULL && strlen (iso) == 10 && strcmp (iso, day) > 0;
}

/**
 * awards_date_format_short:
 * @iso: (nullable): a date as "YYYY-MM-DD"
 *
 * Returns: (transfer full) (nullable): the date as "DD/MM/YYYY", or %NULL if @iso is not a valid
 *   date
 */
char *
awards_date_format_short (const char *iso)
{
  guint year, month, day;

  if (!parse_iso (iso, &year, &month, &day))
    return NULL;

  return g_strdup_printf ("%02u/%02u/%04u", day, month, year);
}

/**
 * awards_date_format_long:
 * @place: (nullable): where the document is signed, e.g. "Hải Phòng"
 * @iso: (nullable): a date as "YYYY-MM-DD"
 *
 * Writes the place and date line of an official document: "Hải Phòng, ngày 28 tháng 12 năm 2011".
 * The day has two digits; the month too for January and February only ("tháng 02", "tháng 3"),
 * as the official style writes them. Without a place the line reads "Ngày 28 tháng 12 năm 2011".
 *
 * Returns: (transfer full) (nullable): the line, or %NULL if @iso is not a valid date
 */
char *
awards_date_format_long (const char *place,
                         const char *iso)
{
  g_autofree char *normalized_place = NULL;
  g_autofree char *month_text = NULL;
  guint year, month, day;

  if (!parse_iso (iso, &year, &month, &day))
    return NULL;

  month_text = month < 3 ? g_strdup_printf ("%02u", month) : g_strdup_printf ("%u", month);
  normalized_place = awards_text_normalize (place);

  if (normalized_place == NULL || normalized_place[0] == '\0')
    return g_strdup_printf ("Ngày %02u tháng %s năm %04u", day, month_text, year);

  return g_strdup_printf ("%s, ngày %02u tháng %s năm %04u",
                          normalized_place, day, month_text, year);
}

/**
 * awards_date_year:
 * @iso: (nullable): a date as "YYYY-MM-DD"
 *
 * Returns: the year of @iso, or 0 if it is not a valid date
 */
int
awards_date_year (const char *iso)
{
  guint year, month, day;

  if (!parse_iso (iso, &year, &month, &day))
    return 0;

  return (int) year;
}
