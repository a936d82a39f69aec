/* awards-casefold.c: g_utf8_casefold () by table for the characters of Vietnamese text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "awards-casefold.h"

/*
 * Every name key (awards_text_name_key ()) is case folded, and an import derives one for each
 * new organisation, person and decision number. g_utf8_casefold () searches GLib's tables for
 * each character; here the folds of the blocks Vietnamese text is written in (Basic Latin to
 * the combining diacritics, U+0000..U+036F, and Latin Extended Additional, U+1E00..U+1EFF,
 * where the letters with tones are) are asked of g_utf8_casefold () once and kept by code
 * point. A text with any other character is folded by g_utf8_casefold () whole, so the result
 * is always exactly its result (it folds each character on its own, whatever surrounds it).
 */

#define LOW_END    0x0370
#define EXT_START  0x1E00
#define EXT_END    0x1F00

typedef struct
{
  guint8 len;        /* 0: not kept (U+0000, or a fold too long) */
  char   bytes[7];
} Fold;

static Fold folds_low[LOW_END];
static Fold folds_ext[EXT_END - EXT_START];

static void
fold_fill (Fold     *fold,
           gunichar  c)
{
  char in[8];
  gint n = g_unichar_to_utf8 (c, in);
  g_autofree char *out = NULL;
  gsize len;

  in[n] = '\0';
  out = g_utf8_casefold (in, n);
  len = strlen (out);
  /* At most twice the character's own length, which awards_casefold () allocates for. */
  fold->len = len < sizeof fold->bytes && len <= 2 * (gsize) n ? (guint8) len : 0;
  if (fold->len > 0)
    memcpy (fold->bytes, out, len);
}

static void
ensure_folds (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      for (gunichar c = 0; c < LOW_END; c++)
        fold_fill (&folds_low[c], c);
      for (gunichar c = EXT_START; c < EXT_END; c++)
        fold_fill (&folds_ext[c - EXT_START], c);
      g_once_init_leave (&initialized, 1);
    }
}

/**
 * awards_casefold:
 * @text: valid UTF-8 text
 *
 * Returns: (transfer full): g_utf8_casefold (@text, -1)
 */
char *
awards_casefold (const char *text)
{
  gsize len;
  char *result;
  char *out;
  const char *p;

  g_return_val_if_fail (text != NULL, NULL);

  ensure_folds ();
  len = strlen (text);
  /* A kept fold is at most twice as long as its character (see fold_fill ()). */
  result = g_malloc (len * 2 + 1);
  out = result;
  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const Fold *fold = NULL;

      if (c < LOW_END)
        fold = &folds_low[c];
      else if (c >= EXT_START && c < EXT_END)
        fold = &folds_ext[c - EXT_START];
      if (fold == NULL || fold->len == 0)
        {
          g_free (result);
          return g_utf8_casefold (text, -1);
        }
      memcpy (out, fold->bytes, fold->len);
      out += fold->len;
    }
  *out = '\0';
  return result;
}
