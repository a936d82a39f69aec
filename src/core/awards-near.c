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

/* Everything a comparison needs about one name, computed once. */
typedef struct
{
  gint64     id;
  char      *name;
  char      *name_key;
  gunichar  *folded;
  glong      folded_len;
  gunichar  *expanded;
  glong      expanded_len;
  guint      folded_words;
  guint      expanded_words;
  guint64    folded_mask;
  guint64    expanded_mask;
  guint32    joined_hash;  /* of the folded letters without spaces */
  char      *digits;     /* NULL for a name without any */
  guint      edits;
  guint      seen;
  gboolean   person;
} NearEntry;

static void
near_entry_free (gpointer data)
{
  NearEntry *entry = data;

  g_free (entry->name);
  g_free (entry->name_key);
  if (entry->expanded != entry->folded)
    g_free (entry->expanded);
  g_free (entry->folded);
  g_free (entry->digits);
  g_free (entry);
}

/* An entry with its name and key only: what awards_near_index_contains () needs. */
static NearEntry *
near_entry_new_keyed (gint64      id,
                      const char *name,
                      char       *name_key)
{
  NearEntry *entry = g_new0 (NearEntry, 1);

  entry->id = id;
  entry->name = g_strdup (name);
  entry->name_key = name_key;
  return entry;
}

/* Adds what a comparison needs to an entry of near_entry_new_keyed (). */
static void
near_entry_complete (NearEntry      *entry,
                     AwardsNearKind  kind)
{
  g_auto(GStrv) words = folded_words (entry->name);
  g_autofree char *folded = g_strjoinv (" ", words);
  g_autofree char *expanded = join_expanded (words);
  GString *digits = g_string_new (NULL);

  entry->folded = g_utf8_to_ucs4_fast (folded, -1, &entry->folded_len);
  /* Most names, and nearly all people's, have no abbreviation to write out: one copy. */
  if (strcmp (folded, expanded) == 0)
    {
      entry->expanded = entry->folded;
      entry->expanded_len = entry->folded_len;
    }
  else
    entry->expanded = g_utf8_to_ucs4_fast (expanded, -1, &entry->expanded_len);
  entry->folded_words = awards_near_count_words (entry->folded, entry->folded_len);
  entry->expanded_words = awards_near_count_words (entry->expanded, entry->expanded_len);
  entry->folded_mask = awards_near_word_mask (entry->folded, entry->folded_len);
  entry->expanded_mask = awards_near_word_mask (entry->expanded, entry->expanded_len);
  entry->joined_hash = awards_near_joined_hash (entry->folded, entry->folded_len);
  for (const char *p = folded; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);
  entry->digits = g_string_free (digits, digits->len == 0);
  entry->edits = edits_for_length (kind, distinctive_length (expanded));
  entry->person = kind == AWARDS_NEAR_PERSON;
}

static NearEntry *
near_entry_new (AwardsNearKind  kind,
                gint64          id,
                const char     *name)
{
  NearEntry *entry = near_entry_new_keyed (id, name, awards_text_name_key (name));

  near_entry_complete (entry, kind);
  return entry;
}

/* Whether the last folded words of two names, the given names of people, are equal. */
static gboolean
same_given_name (const NearEntry *a,
                 const NearEntry *b)
{
  glong i = a->folded_len, j = b->folded_len;

  while (i > 0 && a->folded[i - 1] != ' ')
    i--;
  while (j > 0 && b->folded[j - 1] != ' ')
    j--;
  return awards_near_same_text (a->folded + i, a->folded_len - i,
                                b->folded + j, b->folded_len - j);
}

/* The edits between the folded (or, with @expanded, the expanded) words of @a and @b, as
 * awards_near_word_distance () counts them: @bound + 1 when more than @bound. */
static guint
edits_between (const NearEntry *a,
               const NearEntry *b,
               gboolean         expanded,
               guint            bound)
{
  if (expanded)
    {
      if (!awards_near_words_may_be_near (a->expanded_words, a->expanded_mask,
                                          b->expanded_words, b->expanded_mask, bound))
        return bound + 1;
      return awards_near_word_distance (a->expanded, a->expanded_len,
                                        b->expanded, b->expanded_len, bound, a->person);
    }
  if (!awards_near_words_may_be_near (a->folded_words, a->folded_mask,
                                      b->folded_words, b->folded_mask, bound))
    return bound + 1;
  return awards_near_word_distance (a->folded, a->folded_len, b->folded, b->folded_len, bound,
                                    a->person);
}

/* Whether @a and @b are nearly equal, and how; never for the same name. */
static gboolean
entries_near (const NearEntry  *a,
              const NearEntry  *b,
              AwardsNearReason *reason,
              guint            *distance)
{
  guint bound;
  guint d;

  if (a->name_key == NULL || b->name_key == NULL || strcmp (a->name_key, b->name_key) == 0)
    return FALSE;

  /* "Chi bộ 1" and "Chi bộ 2", or one year and another, are different names, not typos. */
  if (g_strcmp0 (a->digits, b->digits) != 0)
    return FALSE;

  if (a->folded_len > 0 &&
      awards_near_same_text (a->folded, a->folded_len, b->folded, b->folded_len))
    {
      *reason = AWARDS_NEAR_FOLDED;
      *distance = 0;
      return TRUE;
    }
  /* A space left out or put in ("HTX BạchĐằng"): equal but for spaces too. */
  if (a->joined_hash == b->joined_hash &&
      awards_near_space_slip (a->folded, a->folded_len, a->folded_words,
                              b->folded, b->folded_len, b->folded_words))
    {
      *reason = AWARDS_NEAR_FOLDED;
      *distance = 0;
      return TRUE;
    }
  if (a->expanded_len > 0 &&
      awards_near_same_text (a->expanded, a->expanded_len, b->expanded, b->expanded_len))
    {
      *reason = AWARDS_NEAR_ABBREVIATION;
      *distance = 0;
      return TRUE;
    }

  /* A different given name is a different person (see below), whatever its spelling. The
   * variant may come with an abbreviation ("HTX Chường Xuân", "Hợp tác xã Trường Xuân"). */
  if ((awards_near_same_when_spoken (a->folded, a->folded_len, b->folded, b->folded_len) ||
       ((a->expanded != a->folded || b->expanded != b->folded) &&
        awards_near_same_when_spoken (a->expanded, a->expanded_len,
                                      b->expanded, b->expanded_len))) &&
      (!a->person || same_given_name (a, b)))
    {
      *reason = AWARDS_NEAR_SPELLING;
      *distance = 0;
      return TRUE;
    }

  bound = MIN (a->edits, b->edits);
  if (bound == 0)
    return FALSE;

  /* A slip shows on the folded words as written, or on the words with the abbreviations
   * written out ("Hợp tác xa Bạch Đằng" for "HTX Bạch Đằng"). */
  /* A different given name is a different person, even one letter apart ("Nguyễn Văn Ann"
   * may be a slip, but "Nguyễn Văn An" and "Nguyễn Văn Anh" are two people, and the list
   * cannot tell which): only the family and middle names may hold the slip. */
  if (a->person && !same_given_name (a, b))
    return FALSE;

  d = edits_between (a, b, FALSE, bound);
  /* Names without abbreviations share one copy of their letters: nothing more to compare. */
  if (a->expanded != a->folded || b->expanded != b->folded)
    d = MIN (d, edits_between (a, b, TRUE, bound));
  if (d > bound)
    return FALSE;

  *reason = AWARDS_NEAR_EDITS;
  *distance = d;
  return TRUE;
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
  AwardsNearReason r = AWARDS_NEAR_EDITS;
  guint d = 0;
  gboolean near;

  g_return_val_if_fail (name != NULL && other != NULL, FALSE);

  a = near_entry_new (kind, 0, name);
  b = near_entry_new (kind, 0, other);
  near = entries_near (a, b, &r, &d);
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
 */
struct _AwardsNearIndex
{
  AwardsNearKind  kind;
  GPtrArray      *entries;
  GHashTable     *by_folded_len;
  GHashTable     *by_expanded_len;
  GHashTable     *name_keys;
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
  self->by_folded_len = g_hash_table_new_full (NULL, NULL, NULL,
                                               (GDestroyNotify) g_ptr_array_unref);
  self->by_expanded_len = g_hash_table_new_full (NULL, NULL, NULL,
                                                 (GDestroyNotify) g_ptr_array_unref);
  self->name_keys = g_hash_table_new (g_str_hash, g_str_equal);
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

static void
bucket_add (GHashTable *buckets,
            gpointer    key,
            NearEntry  *entry)
{
  GPtrArray *bucket = g_hash_table_lookup (buckets, key);

  if (bucket == NULL)
    {
      bucket = g_ptr_array_new ();
      g_hash_table_insert (buckets, key, bucket);
    }
  g_ptr_array_add (bucket, entry);
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

  if (self->last_query != NULL && strcmp (self->last_query->name, name) == 0)
    {
      entry = g_steal_pointer (&self->last_query);
      entry->id = id;
      g_free (entry->name_key);
      entry->name_key = g_strdup (name_key);
    }
  else
    entry = near_entry_new_keyed (id, name, g_strdup (name_key));
  g_ptr_array_add (self->entries, entry);
  if (entry->name_key != NULL)
    g_hash_table_add (self->name_keys, entry->name_key);
}

/* Puts the entries added since the last look-up into the buckets, in the order of adding. */
static void
index_complete (AwardsNearIndex *self)
{
  for (guint i = self->n_unbucketed_from; i < self->entries->len; i++)
    {
      NearEntry *entry = g_ptr_array_index (self->entries, i);

      if (entry->folded == NULL)
        near_entry_complete (entry, self->kind);
      bucket_add (self->by_folded_len, bucket_key (entry->folded_len, entry->folded_words), entry);
      /* A name without abbreviations is found by its folded text (awards_near_index_lookup ()):
       * nearly every person's, whose indexes are the most. */
      if (entry->expanded != entry->folded)
        bucket_add (self->by_expanded_len,
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

/* Adds the entries of @bucket near @query to @matches, each entry once per look-up; with
 * @joined_only, only those with the same letters but for spaces (awards_near_index_lookup ()). */
static void
collect_bucket (AwardsNearIndex *self,
                GPtrArray       *bucket,
                const NearEntry *query,
                gboolean         joined_only,
                GPtrArray       *matches)
{
  for (guint i = 0; bucket != NULL && i < bucket->len; i++)
    {
      NearEntry *entry = g_ptr_array_index (bucket, i);
      AwardsNearReason reason;
      guint distance;
      AwardsNearMatch *match;

      if (joined_only && entry->joined_hash != query->joined_hash)
        continue;
      if (entry->seen == self->generation)
        continue;
      entry->seen = self->generation;
      if (!entries_near (query, entry, &reason, &distance))
        continue;

      match = g_new0 (AwardsNearMatch, 1);
      match->id = entry->id;
      match->name = g_strdup (entry->name);
      match->reason = reason;
      match->distance = distance;
      g_ptr_array_add (matches, match);
    }
}

static void
collect_band (AwardsNearIndex *self,
              GHashTable      *buckets,
              glong            length,
              guint            words,
              const NearEntry *query,
              GPtrArray       *matches)
{
  for (glong l = MAX (0, length - 2); l <= length + 2; l++)
    collect_bucket (self, g_hash_table_lookup (buckets, bucket_key (l, words)), query, FALSE,
                    matches);
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

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  index_complete (self);
  query = near_entry_new (self->kind, 0, name);
  self->generation++;
  collect_band (self, self->by_folded_len, query->folded_len, query->folded_words, query,
                matches);
  /* A name with abbreviations is in the buckets of its expanded text too; one without, whose
   * expanded text is its folded one, is looked up there by the expanded text of the query. */
  collect_band (self, self->by_expanded_len, query->expanded_len, query->expanded_words, query,
                matches);
  if (query->expanded != query->folded)
    collect_band (self, self->by_folded_len, query->expanded_len, query->expanded_words, query,
                  matches);
  /* A space or two more or less: as many letters more or less, and words. Only a space slip
   * can make such names near (awards_near_space_slip ()): the others are passed over by the
   * hash of their letters without spaces. */
  for (int k = -2; k <= 2; k++)
    if (k != 0 && query->folded_len + k >= 0 && (int) query->folded_words + k > 0)
      collect_bucket (self, g_hash_table_lookup (self->by_folded_len,
                                                 bucket_key (query->folded_len + k,
                                                             query->folded_words + k)),
                      query, TRUE, matches);
  g_clear_pointer (&self->last_query, near_entry_free);
  self->last_query = query;

  g_ptr_array_sort (matches, compare_matches);
  if (limit > 0 && matches->len > limit)
    g_ptr_array_set_size (matches, limit);
  return g_steal_pointer (&matches);
}
