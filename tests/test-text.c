/* test-text.c: Vietnamese normalisation, folding and collation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib.h>

#include "awards-casefold.h"
#include "awards-text.h"

/* "Bạch Đằng" with combining marks, as some keyboards and converters write it. */
#define BACH_DANG_NFD "Ba\xcc\xa3\x63h \xc4\x90\x61\xcc\x86\xcc\x80ng"

static void
assert_normalize (const char *input,
                  const char *expected)
{
  g_autofree char *result = awards_text_normalize (input);

  g_assert_cmpstr (result, ==, expected);
}

static void
assert_fold (const char *input,
             const char *expected)
{
  g_autofree char *result = awards_text_fold (input);

  g_assert_cmpstr (result, ==, expected);
}

static void
assert_fts_query (const char *input,
                  const char *expected)
{
  g_autofree char *result = awards_text_fts_query (input);

  g_assert_cmpstr (result, ==, expected);
}

static void
test_normalize_nfd (void)
{
  /* "Nguyễn Đức Hiệp" typed with combining marks (as macOS and some converters produce). */
  const char *nfd = "Nguye\xcc\x82\xcc\x83n \xc4\x90u\xcc\x9b\xcc\x81" "c Hie\xcc\xa3\xcc\x82p";
  g_autofree char *result = awards_text_normalize (nfd);

  g_assert_cmpstr (result, ==, "Nguyễn Đức Hiệp");
  g_assert_cmpuint (strlen (result), <, strlen (nfd));

  /* Already NFC text is kept byte for byte. */
  assert_normalize ("Hợp tác xã Bạch Đằng", "Hợp tác xã Bạch Đằng");
  /* Tone mark before the vowel's own mark still composes to the same letter. */
  assert_normalize ("Vie\xcc\xa3\xcc\x82t", "Việt");
}

static void
test_normalize_whitespace (void)
{
  assert_normalize ("  HTX   Bạch\tĐằng \n", "HTX Bạch Đằng");
  assert_normalize ("Trần\xc2\xa0Quốc\xc2\xa0\xc2\xa0" "Ánh", "Trần Quốc Ánh");
  assert_normalize ("\r\nLê\xe2\x80\x83" "Bình\xe3\x80\x80", "Lê Bình");
  assert_normalize ("a \n\t b", "a b");
  assert_normalize ("", "");
  assert_normalize (" \t\n\xc2\xa0 ", "");
  assert_normalize ("1234/QĐ-UBND", "1234/QĐ-UBND");
}

static void
test_normalize_invalid (void)
{
  assert_normalize (NULL, NULL);
  assert_normalize ("Ba\xffng", NULL);
  assert_normalize ("\xc3", NULL);
}

/* The table of awards_casefold () gives what g_utf8_casefold () gives, for every character it
 * keeps and for the texts that need the fallback. */
static void
test_casefold_table (void)
{
  static const char *const texts[] = {
    "HTX Bạch Đằng", "NGUYỄN VĂN ĐỨC", "Straße ẞ", "ǰ ŉ ẖ ẚ", "ΣΊΣΥΦΟΣ", "Ｆｕｌｌ", "日本", "",
  };

  for (gunichar c = 1; c < 0x2000; c++)
    {
      char in[8];
      gint n = g_unichar_to_utf8 (c, in);
      g_autofree char *expected = NULL;
      g_autofree char *folded = NULL;

      if (!g_unichar_validate (c))
        continue;
      in[n] = '\0';
      expected = g_utf8_casefold (in, -1);
      folded = awards_casefold (in);
      g_assert_cmpstr (folded, ==, expected);
    }
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *expected = g_utf8_casefold (texts[i], -1);
      g_autofree char *folded = awards_casefold (texts[i]);

      g_assert_cmpstr (folded, ==, expected);
    }
}

static void
test_name_key (void)
{
  g_autofree char *a = awards_text_name_key ("HTX  bạch Đằng");
  g_autofree char *b = awards_text_name_key ("htx Bạch đằng");
  g_autofree char *c = awards_text_name_key ("htx Bach dang");
  g_autofree char *nfd = awards_text_name_key (" HTX " BACH_DANG_NFD " ");

  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, ==, nfd);
  g_assert_cmpstr (a, !=, c);
  g_assert_null (awards_text_name_key (NULL));
  g_assert_null (awards_text_name_key ("\xff"));
}

static void
test_fold_basic (void)
{
  g_autofree char *folded = awards_text_fold ("HTX Bạch Đằng");

  g_assert_cmpstr (folded, ==, "htx bach dang");
  g_assert_nonnull (strstr (folded, "bach dang"));

  assert_fold ("Hợp tác xã Nông nghiệp Thủy Nguyên", "hop tac xa nong nghiep thuy nguyen");
  assert_fold ("Nguyễn Thị Hường", "nguyen thi huong");
  assert_fold ("", "");
  assert_fold (NULL, NULL);
  assert_fold ("Ng\xff", NULL);
}

static void
test_fold_d_stroke (void)
{
  assert_fold ("Đan Đức Hiệp", "dan duc hiep");
  assert_fold ("đđĐĐ", "dddd");
  /* Eth, which legacy-encoding conversions leave where Đ was meant. */
  assert_fold ("\xc3\x90\xc3\xa0o", "dao");
}

static void
test_fold_vowels (void)
{
  assert_fold ("ơ ư ă â ê ô", "o u a a e o");
  assert_fold ("Ơ Ư Ă Â Ê Ô", "o u a a e o");
  assert_fold ("ƯỚC ƠN ẮNG ẪU ỆT ỘC ỲỶỸỴÝ", "uoc on ang au et oc yyyyy");
  assert_fold ("àáảãạ ằắẳẵặ ầấẩẫậ", "aaaaa aaaaa aaaaa");
  assert_fold ("ÀÁẢÃẠ ÈÉẺẼẸ ÌÍỈĨỊ ÒÓỎÕỌ ÙÚỦŨỤ", "aaaaa eeeee iiiii ooooo uuuuu");
  assert_fold ("ờớởỡợ ừứửữự ềếểễệ ồốổỗộ", "ooooo uuuuu eeeee ooooo");
}

static void
test_fold_nfd (void)
{
  /* Decomposed input folds like its precomposed form, and the result is ASCII. */
  g_autofree char *nfd = awards_text_fold (BACH_DANG_NFD);
  g_autofree char *nfc = awards_text_fold ("Bạch Đằng");

  g_assert_cmpstr (nfd, ==, "bach dang");
  g_assert_cmpstr (nfd, ==, nfc);
}

static void
test_fold_punctuation (void)
{
  assert_fold ("1234/QĐ-UBND", "1234/qd-ubnd");
  assert_fold ("  Công ty (TNHH)\t\"Hải Phòng\"  ", "cong ty (tnhh) \"hai phong\"");
  assert_fold ("Lê\xc2\xa0\xc2\xa0" "Bình", "le binh");
  /* A stray mark between spaces disappears without leaving a double space. */
  assert_fold ("a \xcc\x81 b", "a b");
  /* Other scripts are only lowercased and stripped of marks. */
  assert_fold ("Ελλάδα Straße 한국", "ελλαδα straße 한국");
}

static void
test_fold_ascii_only (void)
{
  const char *names[] = {
    "Hợp tác xã Dịch vụ Nông nghiệp Đông Sơn", "Đỗ Thị Thu Hương", "Phạm Ngọc Ước",
    "Vũ Văn Ơn", "Ủy ban nhân dân thành phố Hải Phòng", "Bằng khen của Thủ tướng Chính phủ",
    "Chiến sĩ thi đua cấp cơ sở", "Nguyễn Thị Ngọc Ánh", "Trịnh Xuân Đạt", "Lã Thị Yến",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *folded = awards_text_fold (names[i]);

      for (const char *p = folded; *p != '\0'; p++)
        g_assert_cmpint ((guchar) *p, <, 0x80);
    }
}

/* memcmp of the bytes, a key that is a prefix of the other first: what SQLite does with BLOBs. */
static int
memcmp_keys (GBytes *key_a,
             GBytes *key_b)
{
  gsize size_a, size_b;
  const guint8 *data_a = g_bytes_get_data (key_a, &size_a);
  const guint8 *data_b = g_bytes_get_data (key_b, &size_b);
  int result = memcmp (data_a, data_b, MIN (size_a, size_b));

  if (result != 0)
    return result;

  return size_a < size_b ? -1 : size_a > size_b ? 1 : 0;
}

typedef struct
{
  const char *text;
  GBytes     *key;
} Keyed;

static int
compare_keyed (gconstpointer a,
               gconstpointer b)
{
  const Keyed *keyed_a = a;
  const Keyed *keyed_b = b;

  return memcmp_keys (keyed_a->key, keyed_b->key);
}

/* Shuffles @expected, sorts it by @make_key with memcmp of the keys, and checks the order. */
static void
assert_key_order (const char * const *expected,
                  gsize               n,
                  GBytes           *(*make_key) (const char *))
{
  g_autofree Keyed *items = g_new0 (Keyed, n);
  g_autoptr (GRand) rand = g_rand_new_with_seed (20111228);

  for (gsize i = 0; i < n; i++)
    {
      items[i].text = expected[i];
      items[i].key = make_key (expected[i]);
      g_assert_nonnull (items[i].key);
    }

  for (guint round = 0; round < 20; round++)
    {
      for (gsize i = n - 1; i > 0; i--)
        {
          gsize j = g_rand_int_range (rand, 0, (gint32) i + 1);
          Keyed tmp = items[i];

          items[i] = items[j];
          items[j] = tmp;
        }

      qsort (items, n, sizeof (Keyed), compare_keyed);

      for (gsize i = 0; i < n; i++)
        g_assert_cmpstr (items[i].text, ==, expected[i]);
    }

  for (gsize i = 0; i < n; i++)
    g_bytes_unref (items[i].key);
}

static void
test_collation_order (void)
{
  const char *expected[] = {
    "Anh", "Ánh", "Ân", "Bích", "Dũng", "Đào", "Đức", "Hường", "Ơn", "Ước",
  };

  assert_key_order (expected, G_N_ELEMENTS (expected), awards_text_collation_key);
}

static void
test_collation_letters (void)
{
  const char *vowels_a[] = { "a", "ă", "â", "b" };
  const char *vowels_o[] = { "o", "ô", "ơ", "p" };
  const char *vowels_u[] = { "u", "ư", "v" };
  const char *vowels_e[] = { "e", "ê", "g" };
  const char *letters_d[] = { "d", "dz", "đ", "đa", "e" };
  /* Tones are secondary: the base letters decide first, then level, huyền, hỏi, ngã, sắc, nặng. */
  const char *tones[] = { "ma", "mà", "mả", "mã", "má", "mạ", "mac", "mă" };
  const char *words[] = { "Hà Nội", "Hà Tĩnh", "Hải Dương", "Hải Phòng", "Huế" };

  assert_key_order (vowels_a, G_N_ELEMENTS (vowels_a), awards_text_collation_key);
  assert_key_order (vowels_o, G_N_ELEMENTS (vowels_o), awards_text_collation_key);
  assert_key_order (vowels_u, G_N_ELEMENTS (vowels_u), awards_text_collation_key);
  assert_key_order (vowels_e, G_N_ELEMENTS (vowels_e), awards_text_collation_key);
  assert_key_order (letters_d, G_N_ELEMENTS (letters_d), awards_text_collation_key);
  assert_key_order (tones, G_N_ELEMENTS (tones), awards_text_collation_key);
  assert_key_order (words, G_N_ELEMENTS (words), awards_text_collation_key);
}

static void
test_collation_case (void)
{
  g_autoptr (GBytes) lower = awards_text_collation_key ("anh");
  g_autoptr (GBytes) upper = awards_text_collation_key ("Anh");
  g_autoptr (GBytes) acute = awards_text_collation_key ("ánh");
  g_autoptr (GBytes) b = awards_text_collation_key ("bình");

  /* Case is only tertiary: it never beats a tone or a letter. */
  g_assert_cmpint (memcmp_keys (lower, upper), <, 0);
  g_assert_cmpint (memcmp_keys (upper, acute), <, 0);
  g_assert_cmpint (memcmp_keys (acute, b), <, 0);
}

static void
test_collation_normalized (void)
{
  g_autoptr (GBytes) nfc = awards_text_collation_key ("Bạch Đằng");
  g_autoptr (GBytes) nfd = awards_text_collation_key ("  Ba\xcc\xa3\x63h\xc2\xa0"
                                                      "\xc4\x90\x61\xcc\x86\xcc\x80ng ");
  g_autoptr (GBytes) empty = awards_text_collation_key ("");
  g_autoptr (GBytes) blank = awards_text_collation_key (" \t ");
  gsize size;
  const guint8 *data = g_bytes_get_data (nfc, &size);

  g_assert_true (g_bytes_equal (nfc, nfd));
  g_assert_true (g_bytes_equal (empty, blank));

  /* The key keeps ICU's terminator, and has no other zero byte. */
  g_assert_cmpuint (size, >, 1);
  g_assert_cmpint (data[size - 1], ==, 0);
  g_assert_null (memchr (data, 0, size - 1));

  g_assert_null (awards_text_collation_key (NULL));
  g_assert_null (awards_text_collation_key ("B\xffng"));
}

static void
test_collation_long (void)
{
  /* Longer than the stack buffers, so the heap paths run too. */
  g_autoptr (GString) nfc = g_string_new (NULL);
  g_autoptr (GString) nfd = g_string_new ("\t");
  g_autoptr (GBytes) key_nfc = NULL;
  g_autoptr (GBytes) key_nfd = NULL;
  g_autoptr (GBytes) key_longer = NULL;
  g_autoptr (GBytes) key_person = NULL;
  g_autofree char *normalized = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *given = NULL;

  for (guint i = 0; i < 60; i++)
    {
      g_string_append (nfc, i == 0 ? "Bạch Đằng" : " Bạch Đằng");
      g_string_append (nfd, BACH_DANG_NFD "\xc2\xa0 ");
    }

  key_nfc = awards_text_collation_key (nfc->str);
  key_nfd = awards_text_collation_key (nfd->str);
  g_assert_cmpuint (g_bytes_get_size (key_nfc), >, 256);
  g_assert_true (g_bytes_equal (key_nfc, key_nfd));

  g_string_append (nfc, " a");
  key_longer = awards_text_collation_key (nfc->str);
  g_assert_cmpint (memcmp_keys (key_nfd, key_longer), <, 0);

  normalized = awards_text_normalize (nfd->str);
  g_assert_true (g_str_has_prefix (nfc->str, normalized));
  g_assert_cmpuint (strlen (normalized), ==, nfc->len - 2);

  folded = awards_text_fold (nfd->str);
  g_assert_true (g_str_has_prefix (folded, "bach dang bach dang "));
  g_assert_true (g_str_has_suffix (folded, " bach dang"));

  key_person = awards_text_person_sort_key (nfd->str);
  g_assert_nonnull (key_person);
  awards_text_split_name (nfd->str, NULL, NULL, &given);
  g_assert_cmpstr (given, ==, "Đằng");
}

static void
test_collation_concatenated (void)
{
  /* Concatenated keys order by the first part completely before the second. */
  const char *pairs[][2] = {
    { "Anh", "Ánh" }, { "Anh", "Zung" }, { "Ánh", "An" }, { "Ánhx", "An" }, { "Ân", "A" },
  };
  g_autoptr (GPtrArray) keys = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);

  for (gsize i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      g_autoptr (GBytes) first = awards_text_collation_key (pairs[i][0]);
      g_autoptr (GBytes) second = awards_text_collation_key (pairs[i][1]);
      g_autoptr (GByteArray) joined = g_byte_array_new ();
      gsize size;
      const guint8 *data;

      data = g_bytes_get_data (first, &size);
      g_byte_array_append (joined, data, size);
      data = g_bytes_get_data (second, &size);
      g_byte_array_append (joined, data, size);
      g_ptr_array_add (keys, g_byte_array_free_to_bytes (g_steal_pointer (&joined)));
    }

  for (guint i = 0; i + 1 < keys->len; i++)
    g_assert_cmpint (memcmp_keys (keys->pdata[i], keys->pdata[i + 1]), <, 0);
}

static int
compare_text_cb (gconstpointer a,
                 gconstpointer b)
{
  return awards_text_compare (*(const char **) a, *(const char **) b);
}

static int
compare_person_cb (gconstpointer a,
                   gconstpointer b)
{
  return awards_text_compare_person (*(const char **) a, *(const char **) b);
}

static void
test_compare_texts (void)
{
  const char *names[] = { "Ước", "Anh", "Đức", "Ơn", "Ân", "Hường", "Ánh", "Đào", "Bích", "Dũng" };
  const char *expected[] = {
    "Anh", "Ánh", "Ân", "Bích", "Dũng", "Đào", "Đức", "Hường", "Ơn", "Ước",
  };

  qsort (names, G_N_ELEMENTS (names), sizeof (char *), compare_text_cb);
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_cmpstr (names[i], ==, expected[i]);

  g_assert_cmpint (awards_text_compare ("Bạch  Đằng", BACH_DANG_NFD), ==, 0);
  g_assert_cmpint (awards_text_compare ("a", "ă"), <, 0);
  g_assert_cmpint (awards_text_compare ("ơ", "ô"), >, 0);
  g_assert_cmpint (awards_text_compare (NULL, "a"), <, 0);
  g_assert_cmpint (awards_text_compare ("a", NULL), >, 0);
  g_assert_cmpint (awards_text_compare (NULL, NULL), ==, 0);

  /* The comparison agrees with the keys. */
  for (gsize i = 0; i + 1 < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr (GBytes) key_a = awards_text_collation_key (expected[i]);
      g_autoptr (GBytes) key_b = awards_text_collation_key (expected[i + 1]);

      g_assert_cmpint (memcmp_keys (key_a, key_b), <, 0);
      g_assert_cmpint (awards_text_compare (expected[i], expected[i + 1]), <, 0);
      g_assert_cmpint (awards_text_compare (expected[i + 1], expected[i]), >, 0);
    }
}

static void
test_person_order (void)
{
  const char *people[] = {
    "Nguyễn Văn An",
    "Lê Bình",
    "Trần Quốc Ánh",
    "Cao Thị Anh",
    "Đỗ Thị Thu Hương",
    "Phạm Ngọc Ước",
    "Vũ Văn Ơn",
    "Nguyễn Văn Ơn",
    "Hoàng Văn Dũng",
    "Bùi Đức Dũng",
  };
  const char *people_sorted[] = {
    "Nguyễn Văn An",
    "Cao Thị Anh",
    "Trần Quốc Ánh",
    "Lê Bình",
    "Bùi Đức Dũng",
    "Hoàng Văn Dũng",
    "Đỗ Thị Thu Hương",
    "Nguyễn Văn Ơn",
    "Vũ Văn Ơn",
    "Phạm Ngọc Ước",
  };
  const char *same_given[] = {
    "Anh",
    "Cao Anh",
    "Trần Quốc Anh",
    "Lê Thị Anh",
    "Nguyễn Thị Anh",
    "Cao Thị Mai Anh",
    "Trần Quốc Ánh",
  };

  assert_key_order (people_sorted, G_N_ELEMENTS (people_sorted), awards_text_person_sort_key);
  assert_key_order (same_given, G_N_ELEMENTS (same_given), awards_text_person_sort_key);

  g_assert_cmpint (awards_text_compare_person ("Cao Thị Anh", "Trần Quốc Ánh"), <, 0);
  g_assert_cmpint (awards_text_compare_person ("Nguyễn Văn An", "Lê Bình"), <, 0);
  /* Same given name: the middle name decides, then the family name. */
  g_assert_cmpint (awards_text_compare_person ("Trần Thị Hoa", "Lê Văn Hoa"), <, 0);
  g_assert_cmpint (awards_text_compare_person ("Lê Văn Hoa", "Trần Văn Hoa"), <, 0);
  g_assert_cmpint (awards_text_compare_person ("Đào Văn Hoa", "Dương Văn Hoa"), >, 0);
  g_assert_cmpint (awards_text_compare_person (" Lê  Văn Hoa", "Lê Văn Hoa"), ==, 0);
  /* A plain full-name sort would say otherwise. */
  g_assert_cmpint (awards_text_compare ("Cao Thị Anh", "Trần Quốc Ánh"), <, 0);
  g_assert_cmpint (awards_text_compare ("Nguyễn Văn An", "Lê Bình"), >, 0);
  g_assert_cmpint (awards_text_compare_person (NULL, "An"), <, 0);

  qsort (people, G_N_ELEMENTS (people), sizeof (char *), compare_person_cb);
  for (gsize i = 0; i < G_N_ELEMENTS (people); i++)
    g_assert_cmpstr (people[i], ==, people_sorted[i]);

  g_assert_null (awards_text_person_sort_key (NULL));
  g_assert_null (awards_text_person_sort_key ("L\xff"));
}

static void
assert_split (const char *full_name,
              const char *family,
              const char *middle,
              const char *given)
{
  g_autofree char *out_family = NULL;
  g_autofree char *out_middle = NULL;
  g_autofree char *out_given = NULL;

  awards_text_split_name (full_name, &out_family, &out_middle, &out_given);
  g_assert_cmpstr (out_family, ==, family);
  g_assert_cmpstr (out_middle, ==, middle);
  g_assert_cmpstr (out_given, ==, given);
}

static void
test_split_name (void)
{
  g_autofree char *given = NULL;

  assert_split ("Nguyễn Văn An", "Nguyễn", "Văn", "An");
  assert_split ("Đỗ Thị Thu Hương", "Đỗ", "Thị Thu", "Hương");
  assert_split ("Tôn Nữ Thị Ngọc Hân", "Tôn", "Nữ Thị Ngọc", "Hân");
  assert_split ("Lê Bình", "Lê", "", "Bình");
  assert_split ("Ánh", "", "", "Ánh");
  assert_split ("  Trần \t Quốc\xc2\xa0Ánh  ", "Trần", "Quốc", "Ánh");
  assert_split ("Nguye\xcc\x82\xcc\x83n Hoa", "Nguyễn", "", "Hoa");
  assert_split ("", "", "", "");
  assert_split ("   ", "", "", "");

  /* Out parameters are optional. */
  awards_text_split_name ("Phạm Ngọc Ước", NULL, NULL, &given);
  g_assert_cmpstr (given, ==, "Ước");
  awards_text_split_name ("Phạm Ngọc Ước", NULL, NULL, NULL);
}

static void
test_fts_query (void)
{
  assert_fts_query ("ngu van du", "\"ngu\"* \"van\"* \"du\"*");
  assert_fts_query ("Bạch-Đằng", "\"bach\"* \"dang\"*");
  assert_fts_query ("  HTX   Bạch Đằng ", "\"htx\"* \"bach\"* \"dang\"*");
  assert_fts_query ("Đan Đức Hiệp", "\"dan\"* \"duc\"* \"hiep\"*");
  assert_fts_query ("1234/QĐ-UBND", "\"1234\"* \"qd\"* \"ubnd\"*");
  assert_fts_query ("năm 2011", "\"nam\"* \"2011\"*");
}

static void
test_fts_query_hostile (void)
{
  /* Quotes, FTS5 operators and syntax characters only separate words. */
  assert_fts_query ("\"Bạch\" \"", "\"bach\"*");
  assert_fts_query ("a\"b", "\"a\"* \"b\"*");
  assert_fts_query ("\"\"\"x", "\"x\"*");
  assert_fts_query ("bach OR dang NOT x*", "\"bach\"* \"or\"* \"dang\"* \"not\"* \"x\"*");
  assert_fts_query ("col:value (a) {b} ^c +d", "\"col\"* \"value\"* \"a\"* \"b\"* \"c\"* \"d\"*");
  assert_fts_query ("it's", "\"it\"* \"s\"*");

  assert_fts_query ("  ", NULL);
  assert_fts_query ("--", NULL);
  assert_fts_query ("\"\"", NULL);
  assert_fts_query ("", NULL);
  assert_fts_query (NULL, NULL);
  assert_fts_query ("\xff", NULL);
}

static void
test_fts_query_never_unbalanced (void)
{
  const char *inputs[] = {
    "\"", "\"\"\"", "a\"", "\"a", "Đ\"ằ\"ng\"", "* \" ( ) : ^ + - NEAR(a b)",
    "\xe2\x80\x9c" "Bạch\xe2\x80\x9d",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autofree char *query = awards_text_fts_query (inputs[i]);
      guint quotes = 0;

      if (query == NULL)
        continue;

      for (const char *p = query; *p != '\0'; p++)
        if (*p == '"')
          quotes++;
      g_assert_cmpuint (quotes % 2, ==, 0);
      g_assert_null (strstr (query, "\"\""));
    }
}

static gpointer
thread_keys (gpointer data)
{
  const char *expected[] = {
    "Anh", "Ánh", "Ân", "Bích", "Dũng", "Đào", "Đức", "Hường", "Ơn", "Ước",
  };

  for (guint round = 0; round < 2000; round++)
    {
      for (gsize i = 0; i + 1 < G_N_ELEMENTS (expected); i++)
        {
          g_autoptr (GBytes) a = awards_text_collation_key (expected[i]);
          g_autoptr (GBytes) b = awards_text_collation_key (expected[i + 1]);

          if (memcmp_keys (a, b) >= 0)
            return GINT_TO_POINTER (FALSE);
        }
    }

  return GINT_TO_POINTER (TRUE);
}

static void
test_collation_threads (void)
{
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("collation", thread_keys, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_assert_true (GPOINTER_TO_INT (g_thread_join (threads[i])));
}

/* A control character between a letter and its mark is dropped before composing: normalising
 * is idempotent (fuzz/fuzz-text-fold found "Hoo\x04\u0300a" staying decomposed once). */
static void
test_normalize_control_before_mark (void)
{
  g_autofree char *once = awards_text_normalize ("Hoo\x04\xcc\x80" "a");
  g_autofree char *twice = awards_text_normalize (once);

  g_assert_cmpstr (once, ==, "Ho\xc3\xb2" "a");
  g_assert_cmpstr (twice, ==, once);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/normalize/nfd", test_normalize_nfd);
  g_test_add_func ("/text/normalize/control-before-mark", test_normalize_control_before_mark);
  g_test_add_func ("/text/normalize/whitespace", test_normalize_whitespace);
  g_test_add_func ("/text/normalize/invalid", test_normalize_invalid);
  g_test_add_func ("/text/name-key", test_name_key);
  g_test_add_func ("/text/casefold-table", test_casefold_table);
  g_test_add_func ("/text/fold/basic", test_fold_basic);
  g_test_add_func ("/text/fold/d-stroke", test_fold_d_stroke);
  g_test_add_func ("/text/fold/vowels", test_fold_vowels);
  g_test_add_func ("/text/fold/nfd", test_fold_nfd);
  g_test_add_func ("/text/fold/punctuation", test_fold_punctuation);
  g_test_add_func ("/text/fold/ascii-only", test_fold_ascii_only);
  g_test_add_func ("/text/collation/order", test_collation_order);
  g_test_add_func ("/text/collation/letters", test_collation_letters);
  g_test_add_func ("/text/collation/case", test_collation_case);
  g_test_add_func ("/text/collation/normalized", test_collation_normalized);
  g_test_add_func ("/text/collation/concatenated", test_collation_concatenated);
  g_test_add_func ("/text/collation/long", test_collation_long);
  g_test_add_func ("/text/collation/threads", test_collation_threads);
  g_test_add_func ("/text/compare/texts", test_compare_texts);
  g_test_add_func ("/text/person/order", test_person_order);
  g_test_add_func ("/text/person/split", test_split_name);
  g_test_add_func ("/text/fts-query/words", test_fts_query);
  g_test_add_func ("/text/fts-query/hostile", test_fts_query_hostile);
  g_test_add_func ("/text/fts-query/balanced", test_fts_query_never_unbalanced);

  return g_test_run ();
}
