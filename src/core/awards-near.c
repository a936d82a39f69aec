/* awards-near.c: names that are nearly equal (typos, diacritics, common abbreviations)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "awards-near.h"
#include "awards-near-words.h"
#include "awards-text.h"

/* Abbreviations that Vietnamese offices write interchangeably with the words they stand for,
 * as they fold (lower case, no diacritics, đ written d). */
static const struct
{
  const char *abbreviation;
  const char *words;
  gboolean    generic;    /* says what kind of body, not which one */
} expansions[] = {
  { "htx", "hop tac xa", TRUE },
  { "lmhtx", "lien minh hop tac xa", TRUE },
  { "lm", "lien minh", TRUE },
  { "ubnd", "uy ban nhan dan", TRUE },
  { "hdnd", "hoi dong nhan dan", TRUE },
  { "tp", "thanh pho", TRUE },
  { "cty", "cong ty", TRUE },
  { "ctcp", "cong ty co phan", TRUE },
  { "cp", "co phan", TRUE },
  { "tnhh", "trach nhiem huu han", TRUE },
  { "mtv", "mot thanh vien", TRUE },
  { "dntn", "doanh nghiep tu nhan", TRUE },
  { "dn", "doanh nghiep", TRUE },
  /* The kinds of cooperative and fund in their names: "HTX DV NN …", "Quỹ TDND …". */
  { "qtdnd", "quy tin dung nhan dan", TRUE },
  { "tdnd", "tin dung nhan dan", TRUE },
  { "nn", "nong nghiep", TRUE },
  { "dv", "dich vu", TRUE },
  { "dvnn", "dich vu nong nghiep", TRUE },
  { "tm", "thuong mai", TRUE },
  { "sx", "san xuat", TRUE },
  { "kd", "kinh doanh", TRUE },
  { "xd", "xay dung", TRUE },
  { "tw", "trung uong", FALSE },
  { "vn", "viet nam", FALSE },
};

/* Below these lengths of what distinguishes a name (its letters and digits, leaving out the
 * words of the abbreviations above), an edit is more likely another name than a typo:
 * "HTX An" and "HTX Ân" are two cooperatives, "Bằng khn" is a slip. */
#define ONE_EDIT_FROM  4
#define TWO_EDITS_FROM 10

void
awards_near_match_free (AwardsNearMatch *match)
{
  if (match == NULL)
    return;
  g_free (match->name);
  g_free (match);
}

/* The folded words of @name, split at anything that is not a letter or digit. */
static GStrv
folded_words (const char *name)
{
  g_autofree char *folded = awards_text_fold (name);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GString *word = g_string_new (NULL);

  for (const char *p = folded != NULL ? folded : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        {
          g_strv_builder_add (builder, word->str);
          g_string_truncate (word, 0);
        }
    }
  if (word->len > 0)
    g_strv_builder_add (builder, word->str);
  g_string_free (word, TRUE);

  return g_strv_builder_end (builder);
}

static const char *
expansion_of (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (expansions); i++)
    if (strcmp (word, expansions[i].abbreviation) == 0)
      return expansions[i].words;
  return NULL;
}

static char *
join_expanded (GStrv words)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *expanded = expansion_of (words[i]);

      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, expanded != NULL ? expanded : words[i]);
    }
  return g_string_free (out, FALSE);
}

/**
 * awards_near_key:
 * @name: a name
 *
 * The key under which names that differ only by case, diacritics, punctuation, spacing or the
 * common abbreviations (HTX, UBND, TP, Cty, TNHH, LM, CP …) are equal: "UBND TP. Hải Phòng"
 * and "Ủy ban nhân dân thành phố Hải Phòng" both give "uy ban nhan dan thanh pho hai phong".
 *
 * Returns: (transfer full): the key, empty for a name without letters or digits
 */
char *
awards_near_key (const char *name)
{
  g_auto(GStrv) words = folded_words (name);

  return join_expanded (words);
}

/* Letters and digits of the expanded key outside the words that only say what kind of body
 * a name is (hợp tác xã, công ty …); all of them for a name made of those words alone. */
static guint
distinctive_length (const char *expanded)
{
  static GStrv *phrases;
  g_auto(GStrv) words = g_strsplit (expanded, " ", -1);
  guint length = 0;
  guint total = 0;
  guint i = 0;

  /* The generic phrases in words, split once: this runs for every name an import meets. */
  if (g_once_init_enter (&phrases))
    {
      GStrv *split = g_new0 (GStrv, G_N_ELEMENTS (expansions));

      for (guint e = 0; e < G_N_ELEMENTS (expansions); e++)
        if (expansions[e].generic)
          split[e] = g_strsplit (expansions[e].words, " ", -1);
      g_once_init_leave (&phrases, split);
    }

  while (words[i] != NULL)
    {
      guint skip = 0;

      for (guint e = 0; e < G_N_ELEMENTS (expansions) && skip == 0; e++)
        {
          const char *const *phrase = (const char *const *) phrases[e];
          guint n = 0;

          if (phrase == NULL)
            continue;
          while (phrase[n] != NULL && words[i + n] != NULL && strcmp (phrase[n], words[i + n]) == 0)
            n++;
          if (phrase[n] == NULL)
            skip = n;
        }
      for (guint k = 0; k < MAX (skip, 1); k++)
        total += g_utf8_strlen (words[i + k], -1);
      if (skip > 0)
        {
          i += skip;
          continue;
        }
      length += g_utf8_strlen (words[i], -1);
      i++;
    }
  return length > 0 ? length : total;
}

/* A person's name is short and made of syllables: one slip at most, never in the given name
 * (see entries_near ()). */
static guint
edits_for_length (AwardsNearKind kind,
                  guint          length)
{
  if (length < ONE_EDIT_FROM)
    return 0;
  if (kind == AWARDS_NEAR_PERSON)
    return 1;
  return length < TWO_EDITS_FROM ? 1 : 2;
}

/**
 * awards_near_allowed_edits:
 * @kind: what @name names
 * @name: a name
 *
 * How many edits may separate @name from another name of @kind for the two to count as nearly
 * equal: none for names whose distinctive part is shorter than four letters, one up to nine,
 * two from ten; one for people.
 */
guint
awards_near_allowed_edits (AwardsNearKind  kind,
                           const char     *name)
{
  g_autofree char *expanded = awards_near_key (name);

  return edits_for_length (kind, distinctive_length (expanded));
}

/*
 * Everything a comparison needs about one name, computed once, in one block with its texts: an
 * import keeps one for each person of each organisation it names, hundreds of thousands, and
 * four blocks a name (the entry, its name, its key, its folded letters) took twice the memory.
 * The block holds the name, its key and its digits as C strings, then the folded letters and,
 * when the abbreviations change them, the expanded ones. Letters take a byte each when they all
 * fit one, as every folded Vietnamese name's do, four otherwise; a comparison widens them to
 * gunichar (NearLetters).
 */
typedef struct _NearEntry NearEntry;

enum
{
  ENTRY_HAS_KEY      = 1 << 0,
  ENTRY_HAS_DIGITS   = 1 << 1,
  ENTRY_COMPLETE     = 1 << 2,  /* everything below the name's key is there */
  ENTRY_WIDE         = 1 << 3,  /* four bytes a letter */
  ENTRY_OWN_EXPANDED = 1 << 4,  /* the expanded letters differ from the folded ones */
  ENTRY_PERSON       = 1 << 5,
};

struct _NearEntry
{
  NearEntry *next;            /* in the ring of its bucket by folded length */
  NearEntry *next_expanded;   /* in the ring of its bucket by expanded length, if in one */
  gint64     id;
  guint64    folded_mask;
  guint64    expanded_mask;
  guint32    joined_hash;     /* of the folded letters without spaces */
  guint      seen;
  guint32    folded_len;      /* in letters */
  guint32    expanded_len;
  guint      folded_words;
  guint      expanded_words;
  guint32    key_at;          /* offsets into text */
  guint32    digits_at;
  guint32    letters_at;
  guint8     edits;
  guint8     flags;
  char       text[];
};

static inline const char *
entry_name (const NearEntry *entry)
{
  return entry->text;
}

static inline const char *
entry_key (const NearEntry *entry)
{
  return (entry->flags & ENTRY_HAS_KEY) != 0 ? entry->text + entry->key_at : NULL;
}

static inline const char *
entry_digits (const NearEntry *entry)
{
  return (entry->flags & ENTRY_HAS_DIGITS) != 0 ? entry->text + entry->digits_at : NULL;
}

static inline gboolean
entry_own_expanded (const NearEntry *entry)
{
  return (entry->flags & ENTRY_OWN_EXPANDED) != 0;
}

static inline gboolean
entry_person (const NearEntry *entry)
{
  return (entry->flags & ENTRY_PERSON) != 0;
}

#define near_entry_free g_free

/* An entry with its name and key only: what awards_near_index_contains () needs. */
static NearEntry *
near_entry_new_keyed (gint64      id,
                      const char *name,
                      const char *name_key)
{
  gsize name_size = strlen (name) + 1;
  gsize key_size = name_key != NULL ? strlen (name_key) + 1 : 0;
  NearEntry *entry = g_malloc0 (sizeof (NearEntry) + name_size + key_size);

  entry->id = id;
  memcpy (entry->text, name, name_size);
  entry->key_at = (guint32) name_size;
  if (name_key != NULL)
    {
      memcpy (entry->text + name_size, name_key, key_size);
      entry->flags |= ENTRY_HAS_KEY;
    }
  entry->digits_at = (guint32) (name_size + key_size);
  return entry;
}

static gboolean
letters_are_wide (const gunichar *letters,
                  glong           length)
{
  for (glong i = 0; i < length; i++)
    if (letters[i] > 0xff)
      return TRUE;
  return FALSE;
}

static void
store_letters (char           *out,
               const gunichar *letters,
               glong           length,
               gboolean        wide)
{
  if (wide)
    memcpy (out, letters, length * sizeof (gunichar));
  else
    for (glong i = 0; i < length; i++)
      out[i] = (char) (guchar) letters[i];
}

/* Adds what a comparison needs to an entry of near_entry_new_keyed (), which it reallocates:
 * the entry returned replaces @entry. */
static NearEntry *
near_entry_complete (NearEntry      *entry,
                     AwardsNearKind  kind)
{
  g_auto(GStrv) words = folded_words (entry_name (entry));
  g_autofree char *folded = g_strjoinv (" ", words);
  g_autofree char *expanded = join_expanded (words);
  g_autofree gunichar *folded_letters = NULL;
  g_autofree gunichar *expanded_letters = NULL;
  g_autoptr(GString) digits = g_string_new (NULL);
  glong folded_len, expanded_len;
  gboolean own_expanded;
  gboolean wide;
  gsize letter_size;
  gsize digits_size;
  char *letters;

  folded_letters = g_utf8_to_ucs4_fast (folded, -1, &folded_len);
  /* Most names, and nearly all people's, have no abbreviation to write out: one copy. */
  own_expanded = strcmp (folded, expanded) != 0;
  if (own_expanded)
    expanded_letters = g_utf8_to_ucs4_fast (expanded, -1, &expanded_len);
  else
    expanded_len = folded_len;
  wide = letters_are_wide (folded_letters, folded_len) ||
         (own_expanded && letters_are_wide (expanded_letters, expanded_len));
  letter_size = wide ? sizeof (gunichar) : 1;
  for (const char *p = folded; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);
  digits_size = digits->len > 0 ? digits->len + 1 : 0;

  entry = g_realloc (entry, sizeof (NearEntry) + entry->digits_at + digits_size +
                            letter_size * (folded_len + (own_expanded ? expanded_len : 0)));
  if (digits_size > 0)
    {
      memcpy (entry->text + entry->digits_at, digits->str, digits_size);
      entry->flags |= ENTRY_HAS_DIGITS;
    }
  entry->letters_at = (guint32) (entry->digits_at + digits_size);
  letters = entry->text + entry->letters_at;
  store_letters (letters, folded_letters, folded_len, wide);
  if (own_expanded)
    store_letters (letters + letter_size * folded_len, expanded_letters, expanded_len, wide);

  entry->folded_len = (guint32) folded_len;
  entry->expanded_len = (guint32) expanded_len;
  entry->folded_words = awards_near_count_words (folded_letters, folded_len);
  entry->folded_mask = awards_near_word_mask (folded_letters, folded_len);
  if (own_expanded)
    {
      entry->expanded_words = awards_near_count_words (expanded_letters, expanded_len);
      entry->expanded_mask = awards_near_word_mask (expanded_letters, expanded_len);
    }
  else
    {
      entry->expanded_words = entry->folded_words;
      entry->expanded_mask = entry->folded_mask;
    }
  entry->joined_hash = awards_near_joined_hash (folded_letters, folded_len);
  entry->edits = (guint8) edits_for_length (kind, distinctive_length (expanded));
  entry->flags |= ENTRY_COMPLETE |
                  (wide ? ENTRY_WIDE : 0) |
                  (own_expanded ? ENTRY_OWN_EXPANDED : 0) |
                  (kind == AWARDS_NEAR_PERSON ? ENTRY_PERSON : 0);
  return entry;
}

static NearEntry *
near_entry_new (AwardsNearKind  kind,
                gint64          id,
                const char     *name)
{
  g_autofree char *name_key = awards_text_name_key (name);

  return near_entry_complete (near_entry_new_keyed (id, name, name_key), kind);
}

/* A complete entry with its folded and expanded letters as gunichar, as the comparisons of
 * awards-near-words.c take them; the expanded letters are the folded ones unless the entry has
 * its own. */
typedef struct
{
  const NearEntry *entry;
  const gunichar  *folded;
  const gunichar  *expanded;
  gunichar        *heap;
  gunichar         stack[128];
} NearLetters;

static void
near_letters_init (NearLetters     *self,
                   const NearEntry *entry)
{
  gsize n = entry->folded_len + (entry_own_expanded (entry) ? entry->expanded_len : 0);
  const char *stored = entry->text + entry->letters_at;
  gunichar *out = self->stack;

  g_assert ((entry->flags & ENTRY_COMPLETE) != 0);
  self->entry = entry;
  self->heap = NULL;
  if (n > G_N_ELEMENTS (self->stack))
    out = self->heap = g_new (gunichar, n);
  if ((entry->flags & ENTRY_WIDE) != 0)
    memcpy (out, stored, n * sizeof (gunichar));
  else
    for (gsize i = 0; i < n; i++)
      out[i] = (guchar) stored[i];
  self->folded = out;
  self->expanded = entry_own_expanded (entry) ? out + entry->folded_len : out;
}

static void
near_letters_clear (NearLetters *self)
{
  g_clear_pointer (&self->heap, g_free);
}

/* Whether the last folded words of two names, the given names of people, are equal. */
static gboolean
same_given_name (const NearLetters *a,
                 const NearLetters *b)
{
  glong a_len = a->entry->folded_len, b_len = b->entry->folded_len;
  glong i = a_len, j = b_len;

  while (i > 0 && a->folded[i - 1] != ' ')
    i--;
  while (j > 0 && b->folded[j - 1] != ' ')
    j--;
  return awards_near_same_text (a->folded + i, a_len - i, b->folded + j, b_len - j);
}

/* The edits between the folded (or, with @expanded, the expanded) words of @a and @b, as
 * awards_near_word_distance () counts them: @bound + 1 when more than @bound. */
static guint
edits_between (const NearLetters *a,
               const NearLetters *b,
               gboolean           expanded,
               guint              bound)
{
  const NearEntry *x = a->entry, *y = b->entry;

  if (expanded)
    {
      if (!awards_near_words_may_be_near (x->expanded_words, x->expanded_mask,
                                          y->expanded_words, y->expanded_mask, bound))
        return bound + 1;
      return awards_near_word_distance (a->expanded, x->expanded_len,
                                        b->expanded, y->expanded_len, bound, entry_person (x));
    }
  if (!awards_near_words_may_be_near (x->folded_words, x->folded_mask,
                                      y->folded_words, y->folded_mask, bound))
    return bound + 1;
  return awards_near_word_distance (a->folded, x->folded_len, b->folded, y->folded_len, bound,
                                    entry_person (x));
}

/* Whether two names can be near at all, before their letters are looked at: not the same name,
 * and the same digits ("Chi bộ 1" and "Chi bộ 2", or one year and another, are different names,
 * not typos). */
static gboolean
entries_may_be_near (const NearEntry *a,
                     const NearEntry *b)
{
  const char *a_key = entry_key (a), *b_key = entry_key (b);

  return a_key != NULL && b_key != NULL && strcmp (a_key, b_key) != 0 &&
         g_strcmp0 (entry_digits (a), entry_digits (b)) == 0;
}

/* Whether @a and @b, which entries_may_be_near () lets through, are nearly equal, and how. */
static gboolean
letters_near (const NearLetters *a,
              const NearLetters *b,
              AwardsNearReason  *reason,
              guint             *distance)
{
  const NearEntry *x = a->entry, *y = b->entry;
  gboolean person = entry_person (x);
  gboolean either_expanded = entry_own_expanded (x) || entry_own_expanded (y);
  guint bound;
  guint d;

  if (x->folded_len > 0 &&
      awards_near_same_text (a->folded, x->folded_len, b->folded, y->folded_len))
    {
      *reason = AWARDS_NEAR_FOLDED;
      *distance = 0;
      return TRUE;
    }
  /* A space left out or put in ("HTX BạchĐằng"): equal but for spaces too. */
  if (x->joined_hash == y->joined_hash &&
      awards_near_space_slip (a->folded, x->folded_len, x->folded_words,
                              b->folded, y->folded_len, y->folded_words))
    {
      *reason = AWARDS_NEAR_FOLDED;
      *distance = 0;
      return TRUE;
    }
  if (x->expanded_len > 0 &&
      awards_near_same_text (a->expanded, x->expanded_len, b->expanded, y->expanded_len))
    {
      *reason = AWARDS_NEAR_ABBREVIATION;
      *distance = 0;
      return TRUE;
    }

  /* A different given name is a different person (see below), whatever its spelling. The
   * variant may come with an abbreviation ("HTX Chường Xuân", "Hợp tác xã Trường Xuân"). */
  if ((awards_near_same_when_spoken (a->folded, x->folded_len, b->folded, y->folded_len) ||
       (either_expanded &&
        awards_near_same_when_spoken (a->expanded, x->expanded_len,
                                      b->expanded, y->expanded_len))) &&
      (!person || same_given_name (a, b)))
    {
      *reason = AWARDS_NEAR_SPELLING;
      *distance = 0;
      return TRUE;
    }

  bound = MIN (x->edits, y->edits);
  if (bound == 0)
    return FALSE;

  /* A slip shows on the folded words as written, or on the words with the abbreviations
   * written out ("Hợp tác xa Bạch Đằng" for "HTX Bạch Đằng"). */
  /* A different given name is a different person, even one letter apart ("Nguyễn Văn Ann"
   * may be a slip, but "Nguyễn Văn An" and "Nguyễn Văn Anh" are two people, and the list
   * cannot tell which): only the family and middle names may hold the slip. */
  if (person && !same_given_name (a, b))
    return FALSE;

  d = edits_between (a, b, FALSE, bound);
  /* Names without abbreviations share one copy of their letters: nothing more to compare. */
  if (either_expanded)
    d = MIN (d, edits_between (a, b, TRUE, bound));
  if (d > bound)
    return FALSE;

  *reason = AWARDS_NEAR_EDITS;
  *distance = d;
  return TRUE;
}

/* Whether @a and @b are nearly equal, and how; never for the same name. */
static gboolean
entries_near (const NearLetters *a,
              const NearEntry   *b,
              AwardsNearReason  *reason,
              guint             *distance)
{
  NearLetters b_letters;
  gboolean near;

  if (!entries_may_be_near (a->entry, b))
    return FALSE;
  near_letters_init (&b_letters, b);
  near = letters_near (a, &b_letters, reason, distance);
  near_letters_clear (&b_letters);
  return near;
}

/**
 * awards_near_compare:
 * @kind: what the names name
 * @name: a name
 * @other: another name
 * @reason: (out) (optional): why they are near
 * @distance: (out) (optional): the number of edits between them, 0 unless @reason is
 *   %AWARDS_NEAR_EDITS
 *
 * Whether @name and @other are different names that are nearly equal: equal after folding
 * (case, diacritics, đ), equal but for common abbreviations, or a few edits apart as
 * awards_near_allowed_edits() permits. Names that differ in their digits are never near, and
 * a name is not near itself (names equal after normalisation and case folding).
 */
gboolean
awards_near_compare (AwardsNearKind    kind,
                     const char       *name,
                     const char       *other,
                     AwardsNearReason *reason,
                     guint            *distance)
{
  NearEntry *a, *b;
  NearLetters a_letters;
  AwardsNearReason r = AWARDS_NEAR_EDITS;
  guint d = 0;
  gboolean near;

  g_return_val_if_fail (name != NULL && other != NULL, FALSE);

  a = near_entry_new (kind, 0, name);
  b = near_entry_new (kind, 0, other);
  near_letters_init (&a_letters, a);
  near = entries_near (&a_letters, b, &r, &d);
  near_letters_clear (&a_letters);
  near_entry_free (a);
  near_entry_free (b);

  if (reason != NULL)
    *reason = r;
  if (distance != NULL)
    *distance = d;
  return near;
}

/*
 * AwardsNearIndex: a set of names of one kind to look new names up in. Two names can only be
 * near when their folded or their expanded texts have as many words and lengths that differ by
 * at most two, so the names are kept in buckets by both, and a look-up compares only the names
 * of the neighbouring buckets of its own number of words; or when their folded letters are the
 * same but for one or two spaces, in the buckets with as many letters and words more or less.
 *
 * An import holds an index for each organisation it names, of its people, most of them with a
 * few dozen names in a few dozen buckets: a bucket is a ring of its entries, linked through
 * them, and the table of buckets holds its last entry (the first follows it). An array of
 * pointers for each took more than the entries themselves.
 */
struct _AwardsNearIndex
{
  AwardsNearKind  kind;
  GPtrArray      *entries;
  GHashTable     *by_folded_len;     /* bucket → its last entry, linked by next */
  GHashTable     *by_expanded_len;   /* bucket → its last entry, linked by next_expanded */
  GHashTable     *name_keys;
  /* The names as given, which a caller asks about for every row that names one again. */
  GHashTable     *names;
  guint           generation;
  /* Entries from this one on are not in the buckets yet: an import that allows new names
   * only asks whether a name is there, and never pays for what a comparison needs. */
  guint           n_unbucketed_from;
  /* The name last looked up, which is most often the name added next. */
  NearEntry      *last_query;
};

AwardsNearIndex *
awards_near_index_new (AwardsNearKind kind)
{
  AwardsNearIndex *self = g_new0 (AwardsNearIndex, 1);

  self->kind = kind;
  self->entries = g_ptr_array_new_with_free_func (near_entry_free);
  self->by_folded_len = g_hash_table_new (NULL, NULL);
  self->by_expanded_len = g_hash_table_new (NULL, NULL);
  self->name_keys = g_hash_table_new (g_str_hash, g_str_equal);
  self->names = g_hash_table_new (g_str_hash, g_str_equal);
  return self;
}

void
awards_near_index_free (AwardsNearIndex *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->by_folded_len);
  g_hash_table_unref (self->by_expanded_len);
  g_hash_table_unref (self->name_keys);
  g_hash_table_unref (self->names);
  g_ptr_array_unref (self->entries);
  g_clear_pointer (&self->last_query, near_entry_free);
  g_free (self);
}

/* The bucket of a text of @length letters and @words words. */
static gpointer
bucket_key (glong length,
            guint words)
{
  return GSIZE_TO_POINTER (((gsize) length << 8) | MIN (words, 255));
}

/* The link of @entry to the next entry of its ring, in the buckets by folded or by expanded
 * length. */
static inline NearEntry **
ring_link (NearEntry *entry,
           gboolean   expanded)
{
  return expanded ? &entry->next_expanded : &entry->next;
}

static void
bucket_add (GHashTable *buckets,
            gboolean    expanded,
            gpointer    key,
            NearEntry  *entry)
{
  NearEntry *last = g_hash_table_lookup (buckets, key);

  if (last == NULL)
    *ring_link (entry, expanded) = entry;
  else
    {
      *ring_link (entry, expanded) = *ring_link (last, expanded);
      *ring_link (last, expanded) = entry;
    }
  g_hash_table_insert (buckets, key, entry);
}

/* Lets the sets of names and keys find @entry's; an equal one already there gives way. */
static void
index_keep_texts (AwardsNearIndex *self,
                  NearEntry       *entry)
{
  g_hash_table_add (self->names, (char *) entry_name (entry));
  if (entry_key (entry) != NULL)
    g_hash_table_add (self->name_keys, (char *) entry_key (entry));
}

/**
 * awards_near_index_add:
 * @self: an index
 * @id: the record's id (0 for a name not yet stored)
 * @name: its name
 *
 * Adds a name to look new names up against.
 */
void
awards_near_index_add (AwardsNearIndex *self,
                       gint64           id,
                       const char      *name)
{
  g_autofree char *name_key = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL);

  name_key = awards_text_name_key (name);
  awards_near_index_add_keyed (self, id, name, name_key);
}

/**
 * awards_near_index_add_keyed:
 * @self: an index
 * @id: the record's id (0 for a name not yet stored)
 * @name: its name
 * @name_key: (nullable): awards_text_name_key () of @name
 *
 * As awards_near_index_add (), for a caller that has derived the key already.
 */
void
awards_near_index_add_keyed (AwardsNearIndex *self,
                             gint64           id,
                             const char      *name,
                             const char      *name_key)
{
  NearEntry *entry;

  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL);

  if (self->last_query != NULL && strcmp (entry_name (self->last_query), name) == 0 &&
      g_strcmp0 (entry_key (self->last_query), name_key) == 0)
    {
      entry = g_steal_pointer (&self->last_query);
      entry->id = id;
    }
  else
    entry = near_entry_new_keyed (id, name, name_key);
  g_ptr_array_add (self->entries, entry);
  index_keep_texts (self, entry);
}

/* Puts the entries added since the last look-up into the buckets, in the order of adding. */
static void
index_complete (AwardsNearIndex *self)
{
  for (guint i = self->n_unbucketed_from; i < self->entries->len; i++)
    {
      NearEntry *entry = g_ptr_array_index (self->entries, i);

      if ((entry->flags & ENTRY_COMPLETE) == 0)
        {
          /* Completing moves the entry, and its texts with it: the sets may hold them (or
           * another entry's equal ones), and are given the new place. */
          g_hash_table_remove (self->names, entry_name (entry));
          if (entry_key (entry) != NULL)
            g_hash_table_remove (self->name_keys, entry_key (entry));
          entry = near_entry_complete (entry, self->kind);
          g_ptr_array_index (self->entries, i) = entry;
          index_keep_texts (self, entry);
        }
      bucket_add (self->by_folded_len, FALSE,
                  bucket_key (entry->folded_len, entry->folded_words), entry);
      /* A name without abbreviations is found by its folded text (awards_near_index_lookup ()):
       * nearly every person's, whose indexes are the most. */
      if (entry_own_expanded (entry))
        bucket_add (self->by_expanded_len, TRUE,
                    bucket_key (entry->expanded_len, entry->expanded_words), entry);
    }
  self->n_unbucketed_from = self->entries->len;
}

/**
 * awards_near_index_contains:
 * @self: an index
 * @name: a name
 *
 * Whether @name itself (normalised and case folded) is in @self.
 */
gboolean
awards_near_index_contains (AwardsNearIndex *self,
                            const char      *name)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  key = awards_text_name_key (name);
  return awards_near_index_contains_key (self, key);
}

/**
 * awards_near_index_contains_key:
 * @self: an index
 * @name_key: (nullable): awards_text_name_key () of a name
 *
 * As awards_near_index_contains (), for a caller that has derived the key already.
 */
gboolean
awards_near_index_contains_key (AwardsNearIndex *self,
                                const char      *name_key)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return name_key != NULL && g_hash_table_contains (self->name_keys, name_key);
}

/**
 * awards_near_index_contains_name:
 * @self: an index
 * @name: a name
 *
 * Whether @name, exactly as given, was added to @self: a cheaper question than
 * awards_near_index_contains (), which derives the name's key, for a caller that meets the same
 * names again and again as a file writes them.
 */
gboolean
awards_near_index_contains_name (AwardsNearIndex *self,
                                 const char      *name)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  return g_hash_table_contains (self->names, name);
}

guint
awards_near_index_get_size (AwardsNearIndex *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->entries->len;
}

static int
compare_matches (gconstpointer a,
                 gconstpointer b)
{
  const AwardsNearMatch *x = *(const AwardsNearMatch **) a;
  const AwardsNearMatch *y = *(const AwardsNearMatch **) b;

  if (x->distance != y->distance)
    return x->distance < y->distance ? -1 : 1;
  if (x->reason != y->reason)
    return x->reason < y->reason ? -1 : 1;
  return awards_text_compare (x->name, y->name);
}

/* Adds the entries of the bucket @key of @buckets near @query to @matches, each entry once per
 * look-up; with @joined_only, only those with the same letters but for spaces
 * (awards_near_index_lookup ()). */
static void
collect_bucket (AwardsNearIndex   *self,
                GHashTable        *buckets,
                gpointer           key,
                const NearLetters *query,
                gboolean           joined_only,
                GPtrArray         *matches)
{
  gboolean expanded = buckets == self->by_expanded_len;
  NearEntry *last = g_hash_table_lookup (buckets, key);
  NearEntry *entry = last;

  if (last == NULL)
    return;
  do
    {
      AwardsNearReason reason;
      guint distance;
      AwardsNearMatch *match;

      entry = *ring_link (entry, expanded);
      if (joined_only && entry->joined_hash != query->entry->joined_hash)
        continue;
      if (entry->seen == self->generation)
        continue;
      entry->seen = self->generation;
      if (!entries_near (query, entry, &reason, &distance))
        continue;

      match = g_new0 (AwardsNearMatch, 1);
      match->id = entry->id;
      match->name = g_strdup (entry_name (entry));
      match->reason = reason;
      match->distance = distance;
      g_ptr_array_add (matches, match);
    }
  while (entry != last);
}

static void
collect_band (AwardsNearIndex   *self,
              GHashTable        *buckets,
              glong              length,
              guint              words,
              const NearLetters *query,
              GPtrArray         *matches)
{
  for (glong l = MAX (0, length - 2); l <= length + 2; l++)
    collect_bucket (self, buckets, bucket_key (l, words), query, FALSE, matches);
}

/**
 * awards_near_index_lookup:
 * @self: an index
 * @name: a new name
 * @limit: the most matches to return, 0 for all
 *
 * The names in @self that @name nearly equals (see awards_near_compare()), nearest first.
 * A name equal to @name itself is not among them.
 *
 * Returns: (transfer full) (element-type AwardsNearMatch): the matches, possibly none
 */
GPtrArray *
awards_near_index_lookup (AwardsNearIndex *self,
                          const char      *name,
                          guint            limit)
{
  g_autoptr(GPtrArray) matches =
    g_ptr_array_new_with_free_func ((GDestroyNotify) awards_near_match_free);
  NearEntry *query;
  NearLetters letters;
  glong folded_len;
  guint folded_words;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  index_complete (self);
  query = near_entry_new (self->kind, 0, name);
  near_letters_init (&letters, query);
  folded_len = query->folded_len;
  folded_words = query->folded_words;
  self->generation++;
  collect_band (self, self->by_folded_len, folded_len, folded_words, &letters, matches);
  /* A name with abbreviations is in the buckets of its expanded text too; one without, whose
   * expanded text is its folded one, is looked up there by the expanded text of the query. */
  collect_band (self, self->by_expanded_len, query->expanded_len, query->expanded_words,
                &letters, matches);
  if (entry_own_expanded (query))
    collect_band (self, self->by_folded_len, query->expanded_len, query->expanded_words,
                  &letters, matches);
  /* A space or two more or less: as many letters more or less, and words. Only a space slip
   * can make such names near (awards_near_space_slip ()): the others are passed over by the
   * hash of their letters without spaces. */
  for (int k = -2; k <= 2; k++)
    if (k != 0 && folded_len + k >= 0 && (int) folded_words + k > 0)
      collect_bucket (self, self->by_folded_len,
                      bucket_key (folded_len + k, folded_words + k), &letters, TRUE, matches);
  near_letters_clear (&letters);
  g_clear_pointer (&self->last_query, near_entry_free);
  self->last_query = query;

  g_ptr_array_sort (matches, compare_matches);
  if (limit > 0 && matches->len > limit)
    g_ptr_array_set_size (matches, limit);
  return g_steal_pointer (&matches);
}
