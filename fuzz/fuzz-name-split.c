/* fuzz-name-split.c: libFuzzer target for the splitting and ordering of Vietnamese names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A full name splits into family, middle and given names that are pieces of it, and the order
 * of people is a consistent one: a name is equal to itself, and comparing two names either way
 * gives opposite answers.
 */

#include "config.h"

#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "awards-text.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  return 0;
}

static int
sign (int value)
{
  return (value > 0) - (value < 0);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  /* Two names, separated by the first NUL of the input (or the same name twice). */
  const char *end = memchr (data, '\0', size);
  g_autofree char *a = g_strndup ((const char *) data, size);
  g_autofree char *b = end != NULL ? g_strndup (end + 1, size - (end + 1 - (const char *) data))
                                   : g_strdup (a);
  g_autofree char *family = NULL;
  g_autofree char *middle = NULL;
  g_autofree char *given = NULL;
  g_autoptr (GBytes) key = NULL;

  awards_text_split_name (a, &family, &middle, &given);
  if (g_utf8_validate (a, -1, NULL))
    {
      const char *parts[] = { family, middle, given };

      for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
        if (parts[i] != NULL && !g_utf8_validate (parts[i], -1, NULL))
          abort ();
      if (awards_text_compare_person (a, a) != 0)
        abort ();
      if (g_utf8_validate (b, -1, NULL) &&
          sign (awards_text_compare_person (a, b)) != -sign (awards_text_compare_person (b, a)))
        abort ();
    }
  key = awards_text_person_sort_key (a);
  return 0;
}
