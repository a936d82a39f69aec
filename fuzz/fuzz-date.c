/* fuzz-date.c: libFuzzer target for the parsing and formatting of dates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any text either parses to an ISO date that formats and parses again to itself, or is refused.
 */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "awards-date.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autofree char *iso = NULL;
  g_autofree char *again = NULL;
  g_autofree char *short_form = NULL;
  g_autofree char *long_form = NULL;

  if (!awards_date_parse (text, &iso))
    return 0;
  if (iso == NULL)
    abort ();

  /* A parsed date is a real one, and every form of it reads back the same. */
  if (!awards_date_parse (iso, &again) || strcmp (again, iso) != 0)
    abort ();
  g_clear_pointer (&again, g_free);
  short_form = awards_date_format_short (iso);
  if (short_form == NULL || !awards_date_parse (short_form, &again) || strcmp (again, iso) != 0)
    abort ();
  long_form = awards_date_format_long ("Hải Phòng", iso);
  if (long_form == NULL || awards_date_year (iso) <= 0)
    abort ();
  return 0;
}
