/* awards-text.c: Vietnamese text normalisation, folding and collation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <unicode/ucol.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "awards-casefold.h"
#include "awards-text.h"

/* Most names and titles fit in these, so the hot paths do not allocate for scratch space. */
#define STACK_UCHARS   128
#define STACK_KEY_SIZE 256

/* Values of the fold tables besides an ASCII byte. */
#define FOLD_SLOW 0
#define FOLD_DROP 1

/* The Unicode White_Space property: ASCII blanks, NEL, NBSP and the other space separators. */
static inline gboolean
is_space (gunichar c)
{
  if (c < 0x80)
    return c == ' ' || (c >= 0x09 && c <= 0x0D);

  return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
         c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

/* UTF-16 scratch buffer, on the stack unless the text is long. */
typedef struct
{
  UChar   *data;
  int32_t  len;
  UChar    stack[STACK_UCHARS];
} U16Buf;

static void
u16buf_clear (U16Buf *buf)
{
  if (buf->data != buf->stack)
    g_free (buf->data);
  buf->data = NULL;
  buf->len = 0;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (U16Buf, u16buf_clear)

/* Fills @buf from UTF-8; FALSE when @text is not valid UTF-8. */
static gboolean
u16buf_set_utf8 (U16Buf     *buf,
                 const char *text)
{
  UErrorCode status = U_ZERO_ERROR;
  int32_t len = 0;

  buf->data = buf->stack;
  u_strFromUTF8 (buf->stack, STACK_UCHARS, &len, text, -1, &status);
  if (status == U_BUFFER_OVERFLOW_ERROR)
    {
      status = U_ZERO_ERROR;
      buf->data = g_new (UChar, len + 1);
      u_strFromUTF8 (buf->data, len + 1, &len, text, -1, &status);
    }
  buf->len = len;

  return U_SUCCESS (status);
}

/* ICU caches the instance, so asking for it again is cheap and thread-safe. */
static const UNormalizer2 *
get_nfc (void)
{
  UErrorCode status = U_ZERO_ERROR;
  const UNormalizer2 *nfc = unorm2_getNFCInstance (&status);

  if (U_FAILURE (status))
    g_error ("ICU normalisation data is missing: %s", u_errorName (status));

  return nfc;
}

/* Brings @buf to NFC. Returns FALSE when it already was, so callers can keep the original. */
static gboolean
u16buf_to_nfc (U16Buf *buf)
{
  const UNormalizer2 *nfc = get_nfc ();
  UErrorCode status = U_ZERO_ERROR;
  int32_t span;
  int32_t capacity;
  UChar *normalized;
  int32_t len;

  span = unorm2_spanQuickCheckYes (nfc, buf->data, buf->len, &status);
  if (U_SUCCESS (status) && span == buf->len)
    return FALSE;

  /* NFC makes a text at most three times longer. */
  status = U_ZERO_ERROR;
  capacity = buf->len * 3 + 1;
  normalized = g_new (UChar, capacity);
  len = unorm2_normalize (nfc, buf->data, buf->len, normalized, capacity, &status);
  if (U_FAILURE (status))
    {
      g_free (normalized);
      return FALSE;
    }

  u16buf_clear (buf);
  buf->data = normalized;
  buf->len = len;

  return TRUE;
}

/* Trims @buf and collapses every whitespace run into one ASCII space, in place. All White_Space
 * characters are in the BMP, so no surrogate can be mistaken for one. */
static void
u16buf_collapse_spaces (U16Buf *buf)
{
  gboolean pending = FALSE;
  int32_t out = 0;

  for (int32_t i = 0; i < buf->len; i++)
    {
      UChar c = buf->data[i];

      if (is_space (c))
        {
          pending = out > 0;
          continue;
        }

      if (pending)
        {
          buf->data[out++] = ' ';
          pending = FALSE;
        }
      buf->data[out++] = c;
    }

  buf->len = out;
}

/* Normalised (NFC, trimmed, collapsed) UTF-16 form of @text, ready for the collator; FALSE when
 * @text is not valid UTF-8. */
static gboolean
u16buf_set_collatable (U16Buf     *buf,
                       const char *text)
{
  if (!u16buf_set_utf8 (buf, text))
    return FALSE;

  u16buf_to_nfc (buf);
  u16buf_collapse_spaces (buf);

  return TRUE;
}

/* Copy of valid UTF-8 @text, trimmed, with each whitespace run replaced by one ASCII space. */
/* Characters that show nothing, or change how the rest shows, and that only ever reach a name
 * by accident (a byte-order mark pasted from a file, a zero-width space from a web page) or to
 * deceive (a right-to-left override): stored, they make "HTX Bạch Đằng" and a second "HTX Bạch
 * Đằng" that look the same and are not. Tab, newline and the other spaces are not here: they
 * become one space. */
static gboolean
is_invisible (gunichar c)
{
  if (c < 0x80)
    return (c < 0x20 && !(c >= 0x09 && c <= 0x0D)) || c == 0x7F;

  return (c >= 0x80 && c <= 0x9F && c != 0x85) ||    /* C1 controls; NEL is a line break */
         c == 0x00AD ||                               /* soft hyphen */
         c == 0x061C ||                               /* Arabic letter mark */
         (c >= 0x200B && c <= 0x200F) ||              /* zero-width, LRM, RLM */
         (c >= 0x202A && c <= 0x202E) ||              /* embeddings and overrides */
         (c >= 0x2060 && c <= 0x2064) ||              /* word joiner, invisible operators */
         (c >= 0x2066 && c <= 0x2069) ||              /* isolates */
         c == 0xFEFF;                                 /* byte-order mark, zero-width no-break */
}

/* A copy of @text without its invisible characters, or %NULL when it has none. */
static char *
strip_invisible (const char *text)
{
  GString *out = NULL;
  const guchar *b;

  /* Every invisible character outside ASCII starts with one of these bytes, which Vietnamese
   * letters never do: most names need no decoding at all. The ASCII controls go here too, not
   * later with the spaces: a combining mark after one must meet its letter before composing,
   * or normalising twice would not give the same text (found by fuzz/fuzz-text-fold). */
  for (b = (const guchar *) text; *b != '\0'; b++)
    if (*b == 0xC2 || *b == 0xD8 || *b == 0xE2 || *b == 0xEF ||
        (*b < 0x80 && is_invisible (*b)))
      break;
  if (*b == '\0')
    return NULL;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_invisible (c))
        {
          if (out == NULL)
            out = g_string_new_len (text, p - text);
        }
      else if (out != NULL)
        g_string_append_unichar (out, c);
    }
  return out != NULL ? g_string_free (out, FALSE) : NULL;
}

static char *
collapse_spaces_utf8 (const char *text)
{
  char *result = g_malloc (strlen (text) + 1);
  char *out = result;
  gboolean pending = FALSE;
  const char *p = text;

  while (*p != '\0')
    {
      const char *next;
      gunichar c;

      if ((guchar) *p < 0x80)
        {
          c = (guchar) *p;
          next = p + 1;
        }
      else
        {
          c = g_utf8_get_char (p);
          next = g_utf8_next_char (p);
        }

      if (is_space (c))
        {
          pending = out > result;
        }
      else if (is_invisible (c))
        {
          /* Dropped: it neither separates words nor joins them. */
        }
      else
        {
          if (pending)
            {
              *out++ = ' ';
              pending = FALSE;
            }
          memcpy (out, p, next - p);
          out += next - p;
        }

      p = next;
    }
  *out = '\0';

  return result;
}

/**
 * awards_text_normalize:
 * @text: (nullable): UTF-8 text
 *
 * Brings @text to the form every stored string has: NFC, trimmed, each run of whitespace (tabs,
 * newlines and no-break spaces included) replaced by one ASCII space, and without byte-order
 * marks, zero-width characters, bidirectional controls and C0/C1 control characters.
 *
 * Returns: (transfer full) (nullable): the normalised text, or %NULL if @text is %NULL or not
 *   valid UTF-8
 */
char *
awards_text_normalize (const char *text)
{
  g_auto (U16Buf) buf = { 0 };
  g_autofree char *nfc = NULL;
  g_autofree char *stripped = NULL;
  const char *p;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  for (p = text; *p != '\0' && (guchar) *p < 0x80; p++)
    ;

  /* Invisible characters go before composing, or a mark they separated stays apart. */
  if (*p != '\0' && (stripped = strip_invisible (text)) != NULL)
    text = stripped;

  /* ASCII is always in NFC; for the rest, a quick check usually spares the round trip. */
  if (*p != '\0' && u16buf_set_utf8 (&buf, text) && u16buf_to_nfc (&buf))
    {
      UErrorCode status = U_ZERO_ERROR;
      int32_t len = 0;

      /* Three UTF-8 bytes at most per UTF-16 unit. */
      nfc = g_malloc ((gsize) buf.len * 3 + 1);
      u_strToUTF8 (nfc, buf.len * 3 + 1, &len, buf.data, buf.len, &status);
      if (U_FAILURE (status))
        return NULL;
      text = nfc;
    }

  return collapse_spaces_utf8 (text);
}

/**
 * awards_text_name_key:
 * @text: (nullable): UTF-8 text
 *
 * Key for matching names on import: the normalised text, case folded. Diacritics are kept, so
 * "Bạch" and "Bach" differ.
 *
 * Returns: (transfer full) (nullable): the key, or %NULL if @text is %NULL or not valid UTF-8
 */
char *
awards_text_name_key (const char *text)
{
  g_autofree char *normalized = awards_text_normalize (text);

  if (normalized == NULL)
    return NULL;

  return awards_casefold (normalized);
}

/* Folds one character the general way: lower case, canonical decomposition without the marks,
 * and d for the barred D that has no decomposition. */
static void
fold_char_slow (gunichar  c,
                GString  *out)
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n;

  /* Ð/ð (eth) also turn up in Vietnamese text converted from legacy encodings in place of Đ/đ. */
  if (c == 0x0110 || c == 0x0111 || c == 0x00D0 || c == 0x00F0)
    {
      g_string_append_c (out, 'd');
      return;
    }

  if (g_unichar_ismark (c))
    return;

  /* Hangul syllables decompose into jamo; they carry no diacritics worth removing. */
  if (c >= 0xAC00 && c <= 0xD7A3)
    {
      g_string_append_unichar (out, c);
      return;
    }

  n = g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed));
  for (gsize i = 0; i < n; i++)
    {
      gunichar lower;

      if (g_unichar_ismark (decomposed[i]))
        continue;

      lower = g_unichar_tolower (decomposed[i]);
      if (lower == 0x0111 || lower == 0x00F0)
        g_string_append_c (out, 'd');
      else
        g_string_append_unichar (out, lower);
    }
}

/* Precomputed folds of the blocks Vietnamese text is made of: Latin-1 Supplement, Latin
 * Extended-A/B, IPA, spacing modifiers and combining diacritics (U+0080..U+036F), and Latin
 * Extended Additional (U+1E00..U+1EFF), where the precomposed letters with tones live. */
static guint8 fold_table_low[0x370];
static guint8 fold_table_ext[0x100];

static guint8
fold_table_entry (gunichar c)
{
  g_autoptr (GString) folded = g_string_new (NULL);

  fold_char_slow (c, folded);
  if (folded->len == 0)
    return FOLD_DROP;
  if (folded->len == 1 && (guchar) folded->str[0] >= 0x20 && (guchar) folded->str[0] < 0x80)
    return (guint8) folded->str[0];

  return FOLD_SLOW;
}

static void
ensure_fold_tables (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      for (gunichar c = 0x80; c < G_N_ELEMENTS (fold_table_low); c++)
        fold_table_low[c] = fold_table_entry (c);
      for (gunichar c = 0; c < G_N_ELEMENTS (fold_table_ext); c++)
        fold_table_ext[c] = fold_table_entry (0x1E00 + c);
      g_once_init_leave (&initialized, 1);
    }
}

static inline guint8
fold_table_lookup (gunichar c)
{
  if (c < G_N_ELEMENTS (fold_table_low))
    return fold_table_low[c];
  if (c >= 0x1E00 && c < 0x1F00)
    return fold_table_ext[c - 0x1E00];

  return FOLD_SLOW;
}

/**
 * awards_text_fold:
 * @text: (nullable): UTF-8 text
 *
 * Search key of @text: normalised, lower case, without any diacritics, with đ/Đ written d.
 * Punctuation is kept. Vietnamese text folds to ASCII: "HTX Bạch Đằng" gives "htx bach dang".
 *
 * Returns: (transfer full) (nullable): the folded text, or %NULL if @text is %NULL or not valid
 *   UTF-8
 */
char *
awards_text_fold (const char *text)
{
  GString *out;
  gboolean pending = FALSE;
  const char *p;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  ensure_fold_tables ();

  /* Folding each character on its own gives the same result whether the input is NFC or NFD,
   * so there is no need to normalise first; whitespace is collapsed on the way. */
  out = g_string_sized_new (strlen (text));
  p = text;
  while (*p != '\0')
    {
      guchar byte = (guchar) *p;
      gunichar c;
      guint8 folded;
      gsize len_before;

      if (byte < 0x80)
        {
          p++;
          if (is_space (byte))
            {
              pending = out->len > 0;
              continue;
            }
          if (pending)
            {
              g_string_append_c (out, ' ');
              pending = FALSE;
            }
          g_string_append_c (out, g_ascii_tolower (byte));
          continue;
        }

      c = g_utf8_get_char (p);
      p = g_utf8_next_char (p);

      if (is_space (c))
        {
          pending = out->len > 0;
          continue;
        }

      folded = fold_table_lookup (c);
      if (folded == FOLD_DROP)
        continue;

      len_before = out->len;
      if (pending)
        g_string_append_c (out, ' ');

      if (folded != FOLD_SLOW)
        g_string_append_c (out, folded);
      else
        fold_char_slow (c, out);

      /* A character that folded to nothing must not use up the pending space. */
      if (out->len == len_before + (pending ? 1 : 0))
        g_string_truncate (out, len_before);
      else
        pending = FALSE;
    }

  return g_string_free (out, FALSE);
}

static void
collator_free (gpointer data)
{
  ucol_close (data);
}

/* ICU collators must not be shared between threads, so each thread opens its own. The collation
 * data for "vi" is built into libicu: no installed locale is involved. */
static GPrivate collator_private = G_PRIVATE_INIT (collator_free);

static UCollator *
get_collator (void)
{
  UCollator *collator = g_private_get (&collator_private);
  UErrorCode status = U_ZERO_ERROR;

  if (G_LIKELY (collator != NULL))
    return collator;

  collator = ucol_open ("vi", &status);
  if (U_FAILURE (status))
    g_error ("Cannot open the ICU collator: %s", u_errorName (status));
  if (status == U_USING_DEFAULT_WARNING)
    g_warning ("ICU has no Vietnamese collation data; sorting by the root collation");

  g_private_set (&collator_private, collator);

  return collator;
}

/* Appends the sort key of @text (terminating 0x00 included) to @key. */
static void
append_sort_key (GByteArray  *key,
                 UCollator   *collator,
                 const UChar *text,
                 int32_t      len)
{
  guint8 stack[STACK_KEY_SIZE];
  int32_t size;

  size = ucol_getSortKey (collator, text, len, stack, sizeof stack);
  if (size <= (int32_t) sizeof stack)
    {
      g_byte_array_append (key, stack, size);
    }
  else
    {
      guint old_len = key->len;

      g_byte_array_set_size (key, old_len + size);
      ucol_getSortKey (collator, text, len, key->data + old_len, size);
    }
}

/**
 * awards_text_collation_key:
 * @text: (nullable): UTF-8 text
 *
 * Binary sort key of the normalised @text: comparing keys with memcmp (a key that is a prefix of
 * another sorts first, as g_bytes_compare() does) orders texts in Vietnamese alphabetical order,
 * tones at the second level and case at the third. The key ends with its 0x00 terminator, so
 * concatenated keys compare component by component.
 *
 * Returns: (transfer full) (nullable): the key, or %NULL if @text is %NULL or not valid UTF-8
 */
GBytes *
awards_text_collation_key (const char *text)
{
  g_auto (U16Buf) buf = { 0 };
  UCollator *collator;
  guint8 stack[STACK_KEY_SIZE];
  guint8 *heap;
  int32_t size;

  if (text == NULL || !u16buf_set_collatable (&buf, text))
    return NULL;

  collator = get_collator ();
  size = ucol_getSortKey (collator, buf.data, buf.len, stack, sizeof stack);
  if (size <= (int32_t) sizeof stack)
    return g_bytes_new (stack, size);

  heap = g_malloc (size);
  ucol_getSortKey (collator, buf.data, buf.len, heap, size);

  return g_bytes_new_take (heap, size);
}

/* Offsets of the first and last space of normalised text, or -1 without any. */
static void
find_name_spaces (const UChar *text,
                  int32_t      len,
                  int32_t     *first,
                  int32_t     *last)
{
  *first = -1;
  *last = -1;

  for (int32_t i = 0; i < len; i++)
    {
      if (text[i] == ' ')
        {
          if (*first < 0)
            *first = i;
          *last = i;
        }
    }
}

/**
 * awards_text_person_sort_key:
 * @full_name: (nullable): a person's full name, family name first
 *
 * Sort key putting people in the order offices use: by given name (the last word), then middle
 * name(s), then family name (the first word). The key is the concatenation of the collation keys
 * of those three parts, so the given name decides completely, tones included, before the rest.
 *
 * Returns: (transfer full) (nullable): the key, or %NULL if @full_name is %NULL or not valid UTF-8
 */
GBytes *
awards_text_person_sort_key (const char *full_name)
{
  g_auto (U16Buf) buf = { 0 };
  UCollator *collator;
  GByteArray *key;
  int32_t first, last;

  if (full_name == NULL || !u16buf_set_collatable (&buf, full_name))
    return NULL;

  collator = get_collator ();
  key = g_byte_array_sized_new (3 * buf.len + 16);
  find_name_spaces (buf.data, buf.len, &first, &last);

  if (first < 0)
    {
      append_sort_key (key, collator, buf.data, buf.len);
      append_sort_key (key, collator, buf.data, 0);
      append_sort_key (key, collator, buf.data, 0);
    }
  else
    {
      append_sort_key (key, collator, buf.data + last + 1, buf.len - last - 1);
      if (first == last)
        append_sort_key (key, collator, buf.data, 0);
      else
        append_sort_key (key, collator, buf.data + first + 1, last - first - 1);
      append_sort_key (key, collator, buf.data, first);
    }

  return g_byte_array_free_to_bytes (key);
}

/**
 * awards_text_split_name:
 * @full_name: a person's full name, family name first
 * @family: (out) (optional): the first word, "" for a one-word name
 * @middle: (out) (optional): the words between the first and the last, "" when none
 * @given: (out) (optional): the last word
 *
 * Splits the normalised @full_name into its parts. Each part is a new string; all are "" when
 * @full_name is empty or not valid UTF-8.
 */
void
awards_text_split_name (const char  *full_name,
                        char       **family,
                        char       **middle,
                        char       **given)
{
  g_autofree char *normalized = NULL;
  const char *first;
  const char *last;

  g_return_if_fail (full_name != NULL);

  normalized = awards_text_normalize (full_name);
  if (normalized == NULL)
    normalized = g_strdup ("");

  first = strchr (normalized, ' ');
  last = strrchr (normalized, ' ');

  if (first == NULL)
    {
      if (family != NULL)
        *family = g_strdup ("");
      if (middle != NULL)
        *middle = g_strdup ("");
      if (given != NULL)
        *given = g_steal_pointer (&normalized);
      return;
    }

  if (family != NULL)
    *family = g_strndup (normalized, first - normalized);
  if (middle != NULL)
    *middle = first == last ? g_strdup ("") : g_strndup (first + 1, last - first - 1);
  if (given != NULL)
    *given = g_strdup (last + 1);
}

/**
 * awards_text_fts_query:
 * @user_query: (nullable): what the user typed
 *
 * Turns a search typed by the user into an SQLite FTS5 MATCH expression over folded text: every
 * word (a run of letters and digits) becomes a quoted prefix term, and all terms must match.
 * "Bạch-Đằng" gives `"bach"* "dang"*`. Quotes in the input only separate words.
 *
 * Returns: (transfer full) (nullable): the expression, or %NULL when @user_query has no word
 */
char *
awards_text_fts_query (const char *user_query)
{
  g_autofree char *folded = awards_text_fold (user_query);
  GString *query;
  const char *p;
  const char *word = NULL;

  if (folded == NULL)
    return NULL;

  query = g_string_new (NULL);
  p = folded;
  for (;;)
    {
      gunichar c = g_utf8_get_char (p);
      gboolean in_word = c != 0 && (g_unichar_isalnum (c) || g_unichar_ismark (c));

      if (in_word && word == NULL)
        {
          word = p;
        }
      else if (!in_word && word != NULL)
        {
          if (query->len > 0)
            g_string_append_c (query, ' ');
          g_string_append_c (query, '"');
          g_string_append_len (query, word, p - word);
          g_string_append (query, "\"*");
          word = NULL;
        }

      if (c == 0)
        break;
      p = g_utf8_next_char (p);
    }

  if (query->len == 0)
    {
      g_string_free (query, TRUE);
      return NULL;
    }

  return g_string_free (query, FALSE);
}

/**
 * awards_text_compare:
 * @a: (nullable): UTF-8 text
 * @b: (nullable): UTF-8 text
 *
 * Compares the normalised texts in Vietnamese alphabetical order, as their collation keys do.
 * %NULL and invalid UTF-8 sort first.
 *
 * Returns: negative, zero or positive, like strcmp()
 */
int
awards_text_compare (const char *a,
                     const char *b)
{
  g_auto (U16Buf) buf_a = { 0 };
  g_auto (U16Buf) buf_b = { 0 };
  gboolean valid_a = a != NULL && u16buf_set_collatable (&buf_a, a);
  gboolean valid_b = b != NULL && u16buf_set_collatable (&buf_b, b);

  if (!valid_a || !valid_b)
    {
      if (!valid_a && !valid_b)
        return g_strcmp0 (a, b);
      return valid_a ? 1 : -1;
    }

  return ucol_strcoll (get_collator (), buf_a.data, buf_a.len, buf_b.data, buf_b.len);
}

/**
 * awards_text_compare_person:
 * @full_name_a: (nullable): a full name
 * @full_name_b: (nullable): a full name
 *
 * Compares two people's names as awards_text_person_sort_key() orders them.
 *
 * Returns: negative, zero or positive, like strcmp()
 */
int
awards_text_compare_person (const char *full_name_a,
                            const char *full_name_b)
{
  g_autoptr (GBytes) key_a = awards_text_person_sort_key (full_name_a);
  g_autoptr (GBytes) key_b = awards_text_person_sort_key (full_name_b);

  if (key_a == NULL || key_b == NULL)
    {
      if (key_a == NULL && key_b == NULL)
        return g_strcmp0 (full_name_a, full_name_b);
      return key_a == NULL ? -1 : 1;
    }

  return g_bytes_compare (key_a, key_b);
}
