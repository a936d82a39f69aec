/* awards-near-words.c: the comparison of two names word by word, for awards-near.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "awards-near-words.h"

guint
awards_near_count_words (const gunichar *text,
                         glong           length)
{
  guint words = length > 0 ? 1 : 0;

  for (glong i = 0; i < length; i++)
    words += text[i] == ' ';
  return words;
}

/* Letters are hashed by FNV-1a, a step a letter. */
#define HASH_START 2166136261u

static inline guint32
hash_step (guint32  hash,
           gunichar c)
{
  return (hash ^ c) * 16777619u;
}

/* One bit for each word of @text, chosen by the word's letters: two texts that differ in at
 * most N words at the same places have at most N bits that one has and the other lacks. */
guint64
awards_near_word_mask (const gunichar *text,
                       glong           length)
{
  guint64 mask = 0;
  guint32 hash = HASH_START;

  for (glong i = 0; i <= length; i++)
    {
      if (i == length || text[i] == ' ')
        {
          mask |= G_GUINT64_CONSTANT (1) << (hash % 64);
          hash = HASH_START;
          continue;
        }
      hash = hash_step (hash, text[i]);
    }
  return length > 0 ? mask : 0;
}

/* Optimal string alignment distance (Levenshtein plus adjacent transpositions), or @bound + 1
 * as soon as it is known to exceed @bound. */
static guint
edit_distance (const gunichar *a,
               glong           a_len,
               const gunichar *b,
               glong           b_len,
               guint           bound)
{
  guint stack_rows[3 * 32];
  g_autofree guint *heap_rows = NULL;
  guint *rows = stack_rows;
  guint *before, *previous, *current;
  guint result;

  if ((guint) ABS (a_len - b_len) > bound)
    return bound + 1;

  /* Words are short: a name's words are compared without asking for memory. */
  if (b_len >= 32)
    rows = heap_rows = g_new (guint, 3 * (b_len + 1));
  before = rows;
  previous = rows + (b_len + 1);
  current = rows + 2 * (b_len + 1);

  for (glong j = 0; j <= b_len; j++)
    previous[j] = j;

  for (glong i = 1; i <= a_len; i++)
    {
      guint *spare;
      guint row_min;

      current[0] = i;
      row_min = current[0];
      for (glong j = 1; j <= b_len; j++)
        {
          guint cost = a[i - 1] == b[j - 1] ? 0 : 1;
          guint best = previous[j - 1] + cost;

          best = MIN (best, previous[j] + 1);
          best = MIN (best, current[j - 1] + 1);
          if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
            best = MIN (best, before[j - 2] + 1);
          current[j] = best;
          row_min = MIN (row_min, best);
        }
      if (row_min > bound)
        return bound + 1;

      spare = before;
      before = previous;
      previous = current;
      current = spare;
    }

  result = previous[b_len];
  return MIN (result, bound + 1);
}

/* A slip changes a letter or two of a word; in a short word that is another word. The words
 * of a person's name are syllables of two to seven letters: a slip that leaves no syllable
 * ("Vn" for "Văn") is told apart by awards_near_word_distance (), so one is allowed from three
 * letters. */
static guint
word_edits (glong    length,
            gboolean person)
{
  if (person)
    return length < 3 ? 0 : 1;
  if (length < 4)
    return 0;
  return length < 8 ? 1 : 2;
}

/* The parts of a Vietnamese syllable as they fold (ă, â → a; ê → e; ô, ơ → o; ư → u; đ → d). */
static const char *const initials[] = {
  "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
  "b", "c", "d", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
};
static const char *const finals[] = { "ng", "nh", "ch", "c", "m", "n", "p", "t", "" };
static const char *const nuclei[] = {
  "a", "e", "i", "o", "u", "y", "ai", "ao", "au", "ay", "eo", "eu", "ia", "ie", "iu", "oa",
  "oe", "oi", "oo", "ua", "ue", "ui", "uo", "uu", "uy", "ye", "ieu", "oai", "oao", "oay", "oeo",
  "uay", "uoi", "uou", "uya", "uye", "uyu", "yeu",
};

static gboolean
in_list (const char         *text,
         const char * const *list,
         gsize               n)
{
  for (gsize i = 0; i < n; i++)
    if (strcmp (text, list[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Whether the parts of a syllable go together, as the language puts them (in folded letters):
 * - "nh" and "ch" close only front vowels and the glides before them: anh, ênh, inh, quỳnh,
 *   oanh, huênh, huỳnh (not "Lonh");
 * - "ng" and "c" never close i, y, uy, uê: those take "nh" and "ch";
 * - iê, yê and uyê are never open (tiên, yên, tuyết; not "Nguyê");
 * - uê is open or closed by "nh", "ch" (thuế, huênh, nguệch; not "Nguên");
 * - yê and yêu follow no consonant but "qu" (yên, yêu, quyên; not "Ngyên": nguyên is u-yê);
 * - a vowel that ends in a glide (ai, ao, au, ay, iu, oi, uôi, yêu…) takes no final consonant;
 * - ia is open; ua and ưa are open, or u-â closed by n, t, ng (xuân, xuất, khuâng; not
 *   "Xuâm"). */
static gboolean
parts_fit (const char *initial,
           const char *nucleus,
           const char *final)
{
  static const char *const before_palatal[] = { "a", "e", "i", "y", "oa", "ue", "uy" };
  static const char *const not_before_velar[] = { "i", "y", "uy", "ue" };
  static const char *const never_open[] = { "ie", "ye", "uye" };
  static const char *const glide_ended[] = {
    "ai", "ao", "au", "ay", "eo", "eu", "iu", "oi", "ui", "uu", "ieu", "oai", "oao", "oay",
    "oeo", "uay", "uoi", "uou", "uyu", "yeu",
  };
  static const char *const after_u_a[] = { "", "n", "t", "ng" };

  if (final[0] != '\0' &&
      (in_list (nucleus, glide_ended, G_N_ELEMENTS (glide_ended)) ||
       strcmp (nucleus, "ia") == 0 || strcmp (nucleus, "uya") == 0))
    return FALSE;
  if (strcmp (nucleus, "ua") == 0 && !in_list (final, after_u_a, G_N_ELEMENTS (after_u_a)))
    return FALSE;

  if (strcmp (final, "nh") == 0 || strcmp (final, "ch") == 0)
    return in_list (nucleus, before_palatal, G_N_ELEMENTS (before_palatal));
  if ((strcmp (final, "ng") == 0 || strcmp (final, "c") == 0) &&
      in_list (nucleus, not_before_velar, G_N_ELEMENTS (not_before_velar)))
    return FALSE;
  if (final[0] == '\0' && in_list (nucleus, never_open, G_N_ELEMENTS (never_open)))
    return FALSE;
  if (strcmp (nucleus, "ue") == 0 && final[0] != '\0')
    return FALSE;
  if (nucleus[0] == 'y' && nucleus[1] != '\0' && initial[0] != '\0' &&
      strcmp (initial, "qu") != 0)
    return FALSE;
  return TRUE;
}

/* Whether a folded word can be a Vietnamese syllable: an initial consonant, a vowel nucleus and
 * a final consonant, each from the language's short lists, that go together (parts_fit ()). */
static gboolean
is_syllable (const gunichar *word,
             glong           length)
{
  char text[12];

  if (length < 1 || length >= (glong) sizeof text)
    return FALSE;
  for (glong k = 0; k < length; k++)
    {
      if (word[k] > 'z' || !g_ascii_isalpha ((char) word[k]))
        return FALSE;
      text[k] = (char) word[k];
    }
  text[length] = '\0';

  for (gsize i = 0; i < G_N_ELEMENTS (initials); i++)
    {
      gsize initial = strlen (initials[i]);

      if (strncmp (text, initials[i], initial) != 0)
        continue;
      for (gsize f = 0; f < G_N_ELEMENTS (finals); f++)
        {
          gsize final = strlen (finals[f]);
          char nucleus[12];

          if ((gsize) length < initial + final + 1 ||
              strcmp (text + length - final, finals[f]) != 0)
            continue;
          memcpy (nucleus, text + initial, length - initial - final);
          nucleus[length - initial - final] = '\0';
          if (in_list (nucleus, nuclei, G_N_ELEMENTS (nuclei)) &&
              parts_fit (initials[i], nucleus, finals[f]))
            return TRUE;
        }
    }
  return FALSE;
}

/**
 * awards_near_joined_hash:
 *
 * A hash of the letters of @text without its spaces: texts that differ only where their words
 * are split have the same.
 */
guint32
awards_near_joined_hash (const gunichar *text,
                         glong           length)
{
  guint32 hash = HASH_START;

  for (glong i = 0; i < length; i++)
    if (text[i] != ' ')
      hash = hash_step (hash, text[i]);
  return hash;
}

/* Whether @text has a word that is no syllable. */
static gboolean
has_non_syllable (const gunichar *text,
                  glong           length)
{
  for (glong i = 0; i < length; i++)
    {
      glong end = i;

      while (end < length && text[end] != ' ')
        end++;
      if (!is_syllable (text + i, end - i))
        return TRUE;
      i = end;
    }
  return FALSE;
}

/**
 * awards_near_space_slip:
 *
 * Whether two folded texts are the same letters with a space or two left out or put in by
 * mistake ("bachdang" for "bach dang"): equal without their spaces, in one or two words more or
 * less, the one with fewer holding a word that is no syllable. Syllables split another way
 * ("an hoa", "anh oa") are two names.
 */
gboolean
awards_near_space_slip (const gunichar *a,
                        glong           a_len,
                        guint           a_words,
                        const gunichar *b,
                        glong           b_len,
                        guint           b_words)
{
  glong i = 0, j = 0;

  if (a_words == b_words || a_words + 2 < b_words || b_words + 2 < a_words ||
      a_len == 0 || b_len == 0)
    return FALSE;
  for (;;)
    {
      while (i < a_len && a[i] == ' ')
        i++;
      while (j < b_len && b[j] == ' ')
        j++;
      if (i == a_len || j == b_len)
        break;
      if (a[i++] != b[j++])
        return FALSE;
    }
  if (i != a_len || j != b_len)
    return FALSE;
  return a_words < b_words ? has_non_syllable (a, a_len) : has_non_syllable (b, b_len);
}

/* The end of the word of @text that starts at @start. */
static glong
word_end (const gunichar *text,
          glong           length,
          glong           start)
{
  while (start < length && text[start] != ' ')
    start++;
  return start;
}

/* The edits between two texts of as many words, word by word, each word within what its
 * length allows ("Vạn Quang" and "Bắc Quang" are two places, "Bằng khn" a slip); @bound + 1
 * when they have different numbers of words or a word differs too much.
 *
 * Most pairs an index compares share little: the words are first compared as they are, and
 * only the few that differ, and only when there are no more of them than @bound allows, are
 * aligned letter by letter. */
guint
awards_near_word_distance (const gunichar *a,
                           glong           a_len,
                           const gunichar *b,
                           glong           b_len,
                           guint           bound,
                           gboolean        person)
{
  glong a_starts[3], b_starts[3];
  guint n_differing = 0;
  guint total = 0;

  g_assert (bound < G_N_ELEMENTS (a_starts));

  for (glong i = 0, j = 0;; i++, j++)
    {
      glong a_end = word_end (a, a_len, i);
      glong b_end = word_end (b, b_len, j);

      if (!awards_near_same_text (a + i, a_end - i, b + j, b_end - j))
        {
          glong longer = MAX (a_end - i, b_end - j);

          if (n_differing == bound ||
              (guint) ABS ((a_end - i) - (b_end - j)) > word_edits (longer, person))
            return bound + 1;
          a_starts[n_differing] = i;
          b_starts[n_differing] = j;
          n_differing++;
        }
      i = a_end;
      j = b_end;
      if (i >= a_len || j >= b_len)
        {
          if (i < a_len || j < b_len)
            return bound + 1;
          break;
        }
    }

  for (guint k = 0; k < n_differing; k++)
    {
      glong i = a_starts[k], j = b_starts[k];
      glong a_end = word_end (a, a_len, i);
      glong b_end = word_end (b, b_len, j);
      guint allowed = MIN (word_edits (MAX (a_end - i, b_end - j), person), bound - total);
      guint d;

      d = edit_distance (a + i, a_end - i, b + j, b_end - j, allowed);
      if (d > allowed)
        return bound + 1;
      /* A letter more, less or other in a Vietnamese syllable mostly makes another syllable
       * ("Bình", "Vinh"; "Phú", "Phúc"): a slip leaves a word that is none ("khn"). */
      if (is_syllable (a + i, a_end - i) && is_syllable (b + j, b_end - j))
        return bound + 1;
      total += d;
    }
  return total;
}

/* A folded letter as the commonest spelling variants and slips of the ear write it: "y" as "i"
 * (Kỷ niệm and Kỉ niệm, sĩ and sỹ are the same word), and at the start of a word "x" as "s",
 * "tr" as "ch", which most of the country says alike ("xuất xắc" for "xuất sắc"). */
static gunichar
spoken_letter (const gunichar *text,
               glong           length,
               glong           i,
               glong           word_start)
{
  gunichar c = text[i];

  if (c == 'y')
    return 'i';
  if (i == word_start && c == 'x')
    return 's';
  if (i == word_start && c == 't' && i + 1 < length && text[i + 1] == 'r')
    return 'c';
  if (i == word_start + 1 && c == 'r' && text[word_start] == 't')
    return 'h';
  return c;
}

/* Whether two folded texts are written the same once spoken_letter () has made the variants
 * one. */
gboolean
awards_near_same_when_spoken (const gunichar *a,
                              glong           a_len,
                              const gunichar *b,
                              glong           b_len)
{
  glong word_start = 0;

  if (a_len != b_len || a_len == 0)
    return FALSE;
  for (glong i = 0; i < a_len; i++)
    {
      if (a[i] == ' ' || b[i] == ' ')
        {
          if (a[i] != b[i])
            return FALSE;
          word_start = i + 1;
          continue;
        }
      if (spoken_letter (a, a_len, i, word_start) != spoken_letter (b, b_len, i, word_start))
        return FALSE;
    }
  return TRUE;
}
