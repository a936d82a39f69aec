/* awards-near-words.h: the comparison of two names word by word (awards-near-words.c), for
 * awards-near.c; the texts are folded, their words one space apart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include <glib.h>

G_BEGIN_DECLS

static inline gboolean
awards_near_same_text (const gunichar *a,
                       glong           a_len,
                       const gunichar *b,
                       glong           b_len)
{
  return a_len == b_len && memcmp (a, b, a_len * sizeof (gunichar)) == 0;
}

/* Whether the words of two texts can be within @bound words of each other (see
 * awards_near_word_mask ()): as many of them, and no more than @bound that only one of the two
 * has. */
static inline gboolean
awards_near_words_may_be_near (guint   a_words,
                               guint64 a_mask,
                               guint   b_words,
                               guint64 b_mask,
                               guint   bound)
{
  return a_words == b_words &&
         (guint) __builtin_popcountll (a_mask & ~b_mask) <= bound &&
         (guint) __builtin_popcountll (b_mask & ~a_mask) <= bound;
}

guint    awards_near_count_words       (const gunichar *text,
                                        glong           length);
guint64  awards_near_word_mask         (const gunichar *text,
                                        glong           length);
guint    awards_near_word_distance     (const gunichar *a,
                                        glong           a_len,
                                        const gunichar *b,
                                        glong           b_len,
                                        guint           bound,
                                        gboolean        person);
guint32  awards_near_joined_hash       (const gunichar *text,
                                        glong           length);
gboolean awards_near_space_slip        (const gunichar *a,
                                        glong           a_len,
                                        guint           a_words,
                                        const gunichar *b,
                                        glong           b_len,
                                        guint           b_words);
gboolean awards_near_same_when_spoken  (const gunichar *a,
                                        glong           a_len,
                                        const gunichar *b,
                                        glong           b_len);

G_END_DECLS
