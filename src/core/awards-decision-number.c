/* awards-decision-number.c: the one written form of a decision number
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "awards-decision-number.h"
#include "awards-text.h"

/**
 * awards_decision_number_normalize:
 * @number: (nullable): a decision number as typed, e.g. "1234 / QĐ-UBND"
 *
 * Brings a decision number to the form official documents write it in, "1234/QĐ-UBND": the
 * text normalised as every stored string is, no space beside a slash or a hyphen, and Đ where
 * text converted from a legacy encoding has the look-alike Ð (eth). Lists typed by hand write
 * one number "1234/QĐ-UBND" on one row and "1234 / QĐ - UBND" or "1234/QÐ-UBND" on the next;
 * kept as typed, they would be two decisions of the same authority.
 *
 * Returns: (transfer full) (nullable): the number, or %NULL if @number is %NULL, blank or not
 *   valid UTF-8
 */
char *
awards_decision_number_normalize (const char *number)
{
  g_autofree char *normalized = awards_text_normalize (number);
  GString *out;

  if (normalized == NULL || normalized[0] == '\0')
    return NULL;

  /* Normalising left at most one ASCII space between words and none at either end. */
  out = g_string_sized_new (strlen (normalized));
  for (const char *p = normalized; *p != '\0'; p++)
    {
      if (*p == ' ' && (p[1] == '/' || p[1] == '-'))
        continue;
      if (*p == ' ' && out->len > 0 &&
          (out->str[out->len - 1] == '/' || out->str[out->len - 1] == '-'))
        continue;
      /* Ð and ð (U+00D0, U+00F0) become Đ and đ (U+0110, U+0111): two bytes each. */
      if ((guchar) p[0] == 0xC3 && ((guchar) p[1] == 0x90 || (guchar) p[1] == 0xB0))
        {
          g_string_append_c (out, (char) 0xC4);
          g_string_append_c (out, (guchar) p[1] == 0x90 ? (char) 0x90 : (char) 0x91);
          p++;
          continue;
        }
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

/**
 * awards_decision_number_key:
 * @number: (nullable): a decision number as typed
 *
 * Returns: (transfer full) (nullable): the key decisions are stored under: that of the number's
 *   written form (awards_decision_number_normalize ()); %NULL for no number
 */
char *
awards_decision_number_key (const char *number)
{
  g_autofree char *normal = awards_decision_number_normalize (number);

  return normal != NULL ? awards_text_name_key (normal) : NULL;
}

/**
 * awards_decision_number_typed_key:
 * @number: (nullable): a decision number as typed
 *
 * A decision saved before numbers were stored in one written form has the key of its number as
 * it was typed, and is the same decision: this is that key, or %NULL when it is the same as
 * awards_decision_number_key () (or there is no number).
 *
 * Returns: (transfer full) (nullable): the key
 */
char *
awards_decision_number_typed_key (const char *number)
{
  g_autofree char *text = awards_text_normalize (number);
  g_autofree char *key = NULL;
  g_autofree char *typed = NULL;

  if (text == NULL || text[0] == '\0')
    return NULL;
  key = awards_decision_number_key (number);
  typed = awards_text_name_key (text);
  return g_strcmp0 (typed, key) != 0 ? g_steal_pointer (&typed) : NULL;
}
