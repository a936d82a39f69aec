/* awards-count-format.c: counts written for people, with the locale's thousands separator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <langinfo.h>
#include <string.h>

#include "awards-count-format.h"

/* The separator of LC_NUMERIC: "." under vi_VN ("69.793"), "," under en_US, none under C. It is
 * what the window's status line prints with "%'u"; reports share it through this file so that a
 * count reads the same in both. nl_langinfo () is safe in the worker threads that build reports. */
static const char *
thousands_separator (void)
{
  const char *separator = nl_langinfo (THOUSEP);

  return separator != NULL ? separator : "";
}

/**
 * awards_count_format:
 * @value: a count
 *
 * Returns: (transfer full): @value in decimal, its digits grouped by three with the thousands
 *   separator of the current locale, if it has one: "69.793" under a Vietnamese locale
 */
char *
awards_count_format (guint64 value)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, value);
  const char *separator = thousands_separator ();
  GString *out;
  gsize n = strlen (digits);

  if (separator[0] == '\0' || n <= 3)
    return g_steal_pointer (&digits);

  out = g_string_sized_new (n + n / 3 * strlen (separator));
  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append (out, separator);
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

/**
 * awards_count_parse:
 * @text: a count as awards_count_format() writes it, or plain digits
 * @value: (out): the count
 *
 * Reads a count back, so that a spreadsheet gets a number where a report shows "69.793".
 *
 * Returns: %TRUE when @text is a count
 */
gboolean
awards_count_parse (const char *text,
                    guint64    *value)
{
  const char *separator = thousands_separator ();
  gsize separator_len = strlen (separator);
  g_autoptr (GString) digits = g_string_new (NULL);
  const char *p = text;
  gsize group = 0;
  gboolean grouped = FALSE;

  g_return_val_if_fail (value != NULL, FALSE);

  if (text == NULL || text[0] == '\0')
    return FALSE;

  /* Either plain digits, or groups of three after a first group of one to three. */
  while (*p != '\0')
    {
      if (g_ascii_isdigit (*p))
        {
          g_string_append_c (digits, *p++);
          group++;
        }
      else if (separator_len > 0 && strncmp (p, separator, separator_len) == 0 &&
               group > 0 && (grouped ? group == 3 : group <= 3))
        {
          p += separator_len;
          grouped = TRUE;
          group = 0;
        }
      else
        return FALSE;
    }
  if (group == 0 || (grouped && group != 3))
    return FALSE;

  return g_ascii_string_to_unsigned (digits->str, 10, 0, G_MAXUINT64, value, NULL);
}
