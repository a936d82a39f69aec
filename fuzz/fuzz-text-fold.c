/* fuzz-text-fold.c: libFuzzer target for the normalisation and folding of names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs every text key on any bytes; valid UTF-8 must give valid UTF-8 keys, and folding and
 * normalising are idempotent, which the search and the duplicate checks rely on.
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

static void
check_text (const char *text)
{
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    abort ();
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autofree char *normalized = awards_text_normalize (text);
  g_autofree char *folded = awards_text_fold (text);
  g_autofree char *key = awards_text_name_key (text);
  g_autofree char *query = awards_text_fts_query (text);
  g_autoptr (GBytes) collation = awards_text_collation_key (text);
  gboolean valid = g_utf8_validate (text, -1, NULL);

  if (valid)
    {
      check_text (normalized);
      check_text (folded);
      check_text (key);
      check_text (query);
    }
  if (normalized != NULL)
    {
      g_autofree char *twice = awards_text_normalize (normalized);

      if (g_strcmp0 (twice, normalized) != 0)
        abort ();
    }
  if (folded != NULL)
    {
      g_autofree char *twice = awards_text_fold (folded);

      if (g_strcmp0 (twice, folded) != 0)
        abort ();
    }
  if (valid && awards_text_compare (text, text) != 0)
    abort ();
  return 0;
}
