/* test-near.c: nearly equal names, alone and looked up in a store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include <glib/gstdio.h>

#include "awards-near.h"
#include "awards-store-near.h"
#include "awards-store.h"

static gboolean
near (AwardsNearKind    kind,
      const char       *a,
      const char       *b,
      AwardsNearReason *reason,
      guint            *distance)
{
  gboolean forward = awards_near_compare (kind, a, b, reason, distance);

  /* Nearness does not depend on which name is the new one. */
  g_assert_cmpint (forward, ==, awards_near_compare (kind, b, a, NULL, NULL));
  return forward;
}

static void
test_key (void)
{
  g_autofree char *a = awards_near_key ("UBND TP. Hải Phòng");
  g_autofree char *b = awards_near_key ("Ủy ban nhân dân  thành phố Hải Phòng");
  g_autofree char *c = awards_near_key ("Công ty TNHH Quý Cao");
  g_autofree char *d = awards_near_key ("LM HTX Việt Nam");

  g_assert_cmpstr (a, ==, "uy ban nhan dan thanh pho hai phong");
  g_assert_cmpstr (b, ==, a);
  g_assert_cmpstr (c, ==, "cong ty trach nhiem huu han quy cao");
  g_assert_cmpstr (d, ==, "lien minh hop tac xa viet nam");
}

static void
test_folded (void)
{
  AwardsNearReason reason;
  guint distance = 99;

  g_assert_true (near (AWARDS_NEAR_ORGANISATION, "HTX Bach Dang", "HTX Bạch Đằng", &reason, &distance));
  g_assert_cmpint (reason, ==, AWARDS_NEAR_FOLDED);
  g_assert_cmpuint (distance, ==, 0);
  g_assert_true (near (AWARDS_NEAR_PERSON, "Đan Đức Hiệp", "dan duc hiep", &reason, NULL));
  g_assert_cmpint (reason, ==, AWARDS_NEAR_FOLDED);
  /* The same name, as normalisation and case folding see it, is not a near duplicate. */
  g_assert_false (near (AWARDS_NEAR_AWARD_TYPE, "Bằng khen", "BẰNG  KHEN", NULL, NULL));
  /* A space left out or put in: a word that is no syllable ("bachdang") is two run together. */
  g_assert_true (near (AWARDS_NEAR_ORGANISATION, "HTX BạchĐằng", "HTX Bạch Đằng", &reason,
                       NULL));
  g_assert_cmpint (reason, ==, AWARDS_NEAR_FOLDED);
  g_assert_true (near (AWARDS_NEAR_PERSON, "Nguyễn Vănan", "Nguyễn Văn An", NULL, NULL));
}

/* The spelling variants of the same word ("Kỉ", "Kỷ"; "sĩ", "sỹ") and the slips of the ear that
 * leave another syllable ("xuất xắc" for "xuất sắc", "chường" for "trường") are near; a
 * person's different given name stays a different person. */
static void
test_spelling (void)
{
  static const char *const pairs[][3] = {
    { "a", "Tập thể lao động xuất xắc", "Tập thể lao động xuất sắc" },
    { "a", "Kỉ niệm chương", "Kỷ niệm chương" },
    { "a", "Chiến sỹ thi đua cơ sở", "Chiến sĩ thi đua cơ sở" },
    { "o", "Chường Mầm non Hoa Sen", "Trường Mầm non Hoa Sen" },
    { "o", "HTX Suân Sơn", "HTX Xuân Sơn" },
    { "o", "HTX nông nghiệp Chường Xuân", "Hợp tác xã nông nghiệp Trường Xuân" },
    { "p", "Lí Thị Hoa", "Lý Thị Hoa" },
  };
  AwardsNearReason reason;

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      AwardsNearKind kind = pairs[i][0][0] == 'a' ? AWARDS_NEAR_AWARD_TYPE
                            : pairs[i][0][0] == 'o' ? AWARDS_NEAR_ORGANISATION
                            : AWARDS_NEAR_PERSON;

      g_assert_true (near (kind, pairs[i][1], pairs[i][2], &reason, NULL));
      g_assert_cmpint (reason, ==, AWARDS_NEAR_SPELLING);
    }
  g_assert_false (near (AWARDS_NEAR_PERSON, "Nguyễn Văn Sinh", "Nguyễn Văn Xinh", NULL, NULL));
  /* Only at a word's start: "tr" and "ch" inside a word are other letters. */
  g_assert_false (near (AWARDS_NEAR_ORGANISATION, "HTX Atra", "HTX Acha", NULL, NULL));
}

static void
test_abbreviation (void)
{
  static const char *const pairs[][2] = {
    { "HTX Bạch Đằng", "Hợp tác xã Bạch Đằng" },
    { "UBND thành phố Hải Phòng", "Ủy ban nhân dân TP Hải Phòng" },
    { "Cty TNHH Quý Cao", "Công ty trách nhiệm hữu hạn Quý Cao" },
    { "LM HTX Việt Nam", "Liên minh Hợp tác xã Việt Nam" },
    { "Công ty CP Hải Âu", "Công ty cổ phần Hải Âu" },
    { "CTCP Hải Âu", "Công ty Cổ phần Hải Âu" },
    { "Quỹ TDND Hưng Lộc", "Quỹ tín dụng nhân dân Hưng Lộc" },
    { "QTDND Hưng Lộc", "Quỹ tín dụng nhân dân Hưng Lộc" },
    { "HTX NN Diễn Thịnh", "HTX nông nghiệp Diễn Thịnh" },
    { "HTX DV NN Quỳnh Lương", "HTX Dịch vụ Nông nghiệp Quỳnh Lương" },
    { "HTX DVNN Quỳnh Lương", "HTX Dịch vụ Nông nghiệp Quỳnh Lương" },
    { "Công ty TNHH TM Hoàng Long", "Công ty TNHH Thương mại Hoàng Long" },
    { "HTX SX KD Minh Tân", "HTX sản xuất kinh doanh Minh Tân" },
    { "HTX XD Thành Công", "HTX Xây dựng Thành Công" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      AwardsNearReason reason;

      g_assert_true (near (AWARDS_NEAR_ORGANISATION, pairs[i][0], pairs[i][1], &reason, NULL));
      g_assert_cmpint (reason, ==, AWARDS_NEAR_ABBREVIATION);
    }
}

static void
test_edits (void)
{
  AwardsNearReason reason;
  guint distance = 0;

  g_assert_true (near (AWARDS_NEAR_AWARD_TYPE, "Bằng khn", "Bằng khen", &reason, &distance));
  g_assert_cmpint (reason, ==, AWARDS_NEAR_EDITS);
  g_assert_cmpuint (distance, ==, 1);

  /* A transposition is one edit, so it is near even where one edit is all that is allowed. */
  g_assert_cmpuint (awards_near_allowed_edits (AWARDS_NEAR_AWARD_TYPE, "Giấy khen"), ==, 1);
  g_assert_true (near (AWARDS_NEAR_AWARD_TYPE, "Giấy kehn", "Giấy khen", &reason, &distance));
  g_assert_cmpuint (distance, ==, 1);

  /* Two edits in a long name; not in a short one. */
  g_assert_true (near (AWARDS_NEAR_AUTHORITY, "UBND thành phố Hải Phongg", "UBND thành phố Hải Phòng",
                       NULL, &distance));
  g_assert_cmpuint (distance, ==, 1);
  g_assert_true (near (AWARDS_NEAR_AWARD_TYPE, "Lao động tiên tiếnn x", "Lao động tiên tiến",
                       NULL, &distance) == FALSE);
  g_assert_true (near (AWARDS_NEAR_AWARD_TYPE, "Lao dong tien tienn", "Lao động tiên tiến",
                       NULL, &distance));
  g_assert_true (near (AWARDS_NEAR_AWARD_TYPE, "Lao dog tien tienn", "Lao động tiên tiến",
                       NULL, &distance));
  g_assert_cmpuint (distance, ==, 2);
  g_assert_false (near (AWARDS_NEAR_AWARD_TYPE, "Bang kheen x", "Bằng khen", NULL, NULL));

  /* A name made only of common words is all distinctive. */
  g_assert_true (near (AWARDS_NEAR_AUTHORITY, "Liên minh HTX Việt Nama", "Liên minh HTX Việt Nam",
                       NULL, &distance));
  g_assert_cmpuint (distance, ==, 1);

  /* A slip in a written-out abbreviation. */
  g_assert_true (near (AWARDS_NEAR_ORGANISATION, "Hợp tác xa Bạch Đằng", "HTX Bạch Đằng", NULL,
                       NULL));
  /* Words of three letters are too short to tell a slip from another word. */
  g_assert_false (near (AWARDS_NEAR_ORGANISATION, "HTC Bạch Đằng", "HTX Bạch Đằng", NULL, NULL));

  /* A slip that leaves letters no Vietnamese syllable puts together: u-â closed by m, a glide
   * closed by a consonant, ia closed. Other syllables stay other names. */
  g_assert_true (near (AWARDS_NEAR_ORGANISATION, "HTX nông nghiệp Trường Xuâm",
                       "Hợp tác xã nông nghiệp Trường Xuân", NULL, &distance));
  g_assert_cmpuint (distance, ==, 1);
  g_assert_true (near (AWARDS_NEAR_ORGANISATION, "HTX Thành Lợin", "HTX Thành Lợi", NULL, NULL));
  g_assert_true (near (AWARDS_NEAR_ORGANISATION, "HTX Phú Gian Mỹ", "HTX Phú Gia Mỹ", NULL, NULL)
                 == FALSE);
  g_assert_false (near (AWARDS_NEAR_ORGANISATION, "HTX Xuân Thành", "HTX Xuất Thành", NULL, NULL));
}

static void
test_not_near (void)
{
  /* Syllables split another way are another name, not a space left out. */
  g_assert_false (near (AWARDS_NEAR_ORGANISATION, "HTX dịch vụ An Hòa", "HTX dịch vụ Anh Oa",
                        NULL, NULL));
  /* Short distinctive parts: the abbreviations' words do not lengthen them. */
  g_assert_cmpuint (awards_near_allowed_edits (AWARDS_NEAR_ORGANISATION, "HTX An"), ==, 0);
  g_assert_false (near (AWARDS_NEAR_ORGANISATION, "HTX An", "HTX Ân Thi", NULL, NULL));
  g_assert_false (near (AWARDS_NEAR_ORGANISATION, "HTX Hà", "HTX Hải", NULL, NULL));
  /* Two edits in a long name, but in one short word: another place. */
  g_assert_false (near (AWARDS_NEAR_ORGANISATION, "HTX dịch vụ tổng hợp Vạn Quang",
                        "HTX dịch vụ tổng hợp Bắc Quang", NULL, NULL));
  g_assert_false (near (AWARDS_NEAR_ORGANISATION, "Quỹ tín dụng nhân dân Thái Châu",
                        "Quỹ tín dụng nhân dân Thủy Châu", NULL, NULL));
  /* A letter more, less or other in a syllable makes another syllable, not a slip. */
  g_assert_false (near (AWARDS_NEAR_ORGANISATION, "HTX tiểu thủ công nghiệp Quyết Bình",
                        "HTX tiểu thủ công nghiệp Quyết Vinh", NULL, NULL));
  g_assert_false (near (AWARDS_NEAR_ORGANISATION, "HTX rau an toàn Tân Thắng",
                        "HTX rau an toàn Tân Thành", NULL, NULL));
  g_assert_false (near (AWARDS_NEAR_ORGANISATION, "HTX nông nghiệp Phú Trung",
                        "HTX nông nghiệp Phúc Trung", NULL, NULL));
  g_assert_false (near (AWARDS_NEAR_ORGANISATION, "HTX nông nghiệp Phúc Phong",
                        "HTX nông nghiệp Phúc Phương", NULL, NULL));
  g_assert_false (near (AWARDS_NEAR_AWARD_TYPE, "Bằng khen", "Giấy khen", NULL, NULL));
  g_assert_false (near (AWARDS_NEAR_AWARD_TYPE, "Cờ thi đua", "Cờ thi đua xuất sắc", NULL, NULL));
  /* Digits make different names. */
  g_assert_false (near (AWARDS_NEAR_ORGANISATION, "Chi bộ số 1", "Chi bộ số 2", NULL, NULL));
  g_assert_false (near (AWARDS_NEAR_ORGANISATION, "HTX Đông Hải 2", "HTX Đông Hải", NULL, NULL));
  /* People differ by one letter all the time. */
  g_assert_false (near (AWARDS_NEAR_PERSON, "Nguyễn Văn An", "Nguyễn Văn Anh", NULL, NULL));
}

/*
 * People. What "the same person" means for an import or an editor: the same organisation (see
 * test_store), and a name that is either equal without its accents ("Dan Duc Hiep", a list
 * typed without diacritics) or one slip away in the family or middle name, where the slip
 * leaves a word that is no Vietnamese syllable ("Vn", "Phạmm"). The given name must be the
 * same: Vietnamese names differ by one letter of the given name all the time ("An", "Anh",
 * "Ân"…), and a list cannot say whether "Nguyễn Văn Ann" is a slip or another person; asking
 * about every such pair would teach clerks to click the question away. A different syllable in
 * the family or middle name ("Trần Thị Hoa", "Trần Thu Hoa") is another name too.
 */
static void
test_people (void)
{
  AwardsNearReason reason = AWARDS_NEAR_FOLDED;
  guint distance = 0;

  /* A letter left out of, or added to, the family or middle name. */
  g_assert_true (near (AWARDS_NEAR_PERSON, "Trần Vn Bảy", "Trần Văn Bảy", &reason, &distance));
  g_assert_cmpint (reason, ==, AWARDS_NEAR_EDITS);
  g_assert_cmpuint (distance, ==, 1);
  g_assert_true (near (AWARDS_NEAR_PERSON, "Phạmm Thị Dung", "Phạm Thị Dung", NULL, NULL));
  /* Letter strings the language has no syllable for, though each part is one of its parts:
   * "uê" closed by "n", "yê" after "ng", "uyê" open, "o" closed by "nh". */
  g_assert_true (near (AWARDS_NEAR_PERSON, "Nguễn Văn An", "Nguyễn Văn An", NULL, NULL));
  g_assert_true (near (AWARDS_NEAR_PERSON, "Ngyễn Văn An", "Nguyễn Văn An", NULL, NULL));
  g_assert_true (near (AWARDS_NEAR_PERSON, "Nguyễ Văn An", "Nguyễn Văn An", NULL, NULL));
  g_assert_true (near (AWARDS_NEAR_ORGANISATION, "Công ty TNHH Thương mại Hoàng Lonh",
                       "Công ty TNHH Thương mại Hoàng Long", NULL, NULL));
  /* Syllables those rules leave alone, a letter apart: names of their own. */
  g_assert_false (near (AWARDS_NEAR_ORGANISATION, "HTX dịch vụ Quỳnh Oanh",
                        "HTX dịch vụ Quỳnh Anh", NULL, NULL));
  g_assert_false (near (AWARDS_NEAR_PERSON, "Lê Tuyết Mai", "Lê Tuyến Mai", NULL, NULL));
  g_assert_false (near (AWARDS_NEAR_PERSON, "Đỗ Quỳnh Chi", "Đỗ Huỳnh Chi", NULL, NULL));
  g_assert_true (near (AWARDS_NEAR_PERSON, "Nguyen Vna An", "Nguyễn Văn An", NULL, NULL));
  /* Without accents. */
  g_assert_true (near (AWARDS_NEAR_PERSON, "Tran Van Bay", "Trần Văn Bảy", &reason, NULL));
  g_assert_cmpint (reason, ==, AWARDS_NEAR_FOLDED);

  /* Another given name is another person, a letter apart or not. */
  g_assert_false (near (AWARDS_NEAR_PERSON, "Nguyễn Văn An", "Nguyễn Văn Anh", NULL, NULL));
  g_assert_false (near (AWARDS_NEAR_PERSON, "Nguyễn Văn Ann", "Nguyễn Văn An", NULL, NULL));
  g_assert_false (near (AWARDS_NEAR_PERSON, "Trần Vn Bảo", "Trần Văn Bảy", NULL, NULL));
  /* Another real middle or family name, and two slips, are not one slip. */
  g_assert_false (near (AWARDS_NEAR_PERSON, "Trần Thu Hoa", "Trần Thị Hoa", NULL, NULL));
  g_assert_false (near (AWARDS_NEAR_PERSON, "Lê Văn Cường", "Lý Văn Cường", NULL, NULL));
  g_assert_false (near (AWARDS_NEAR_PERSON, "Trầnn Vn Bảy", "Trần Văn Bảy", NULL, NULL));
}

static void
test_index (void)
{
  g_autoptr(AwardsNearIndex) index = awards_near_index_new (AWARDS_NEAR_AWARD_TYPE);
  g_autoptr(GPtrArray) matches = NULL;
  AwardsNearMatch *match;

  awards_near_index_add (index, 1, "Bằng khen");
  awards_near_index_add (index, 2, "Giấy khen");
  awards_near_index_add (index, 3, "Bằng khen của Thủ tướng Chính phủ");
  awards_near_index_add (index, 4, "Bang khen");
  awards_near_index_add (index, 5, "Cờ thi đua");
  g_assert_cmpuint (awards_near_index_get_size (index), ==, 5);

  /* Nearest first: equal when folded, then one edit. */
  matches = awards_near_index_lookup (index, "Băng khen", 0);
  g_assert_cmpuint (matches->len, ==, 2);
  match = g_ptr_array_index (matches, 0);
  g_assert_cmpint (match->reason, ==, AWARDS_NEAR_FOLDED);
  g_assert_cmpstr (match->name, ==, "Bang khen");
  g_assert_cmpint (match->id, ==, 4);
  match = g_ptr_array_index (matches, 1);
  g_assert_cmpint (match->reason, ==, AWARDS_NEAR_FOLDED);
  g_assert_cmpstr (match->name, ==, "Bằng khen");
  g_clear_pointer (&matches, g_ptr_array_unref);

  matches = awards_near_index_lookup (index, "Bằng khn", 1);
  g_assert_cmpuint (matches->len, ==, 1);
  match = g_ptr_array_index (matches, 0);
  g_assert_cmpuint (match->distance, ==, 1);
  g_clear_pointer (&matches, g_ptr_array_unref);

  /* A name already in the index is not its own near duplicate. */
  matches = awards_near_index_lookup (index, "Cờ thi đua", 0);
  g_assert_cmpuint (matches->len, ==, 0);
  g_clear_pointer (&matches, g_ptr_array_unref);

  matches = awards_near_index_lookup (index, "Huân chương Lao động", 0);
  g_assert_cmpuint (matches->len, ==, 0);
}

/* An index keeps a name's letters a byte each when they fit one, and four bytes otherwise:
 * names in other scripts are near or not as they are when compared one to one, and an index
 * finds them among names of both widths. */
static void
test_wide_letters (void)
{
  g_autoptr(AwardsNearIndex) index = awards_near_index_new (AWARDS_NEAR_ORGANISATION);
  g_autoptr(GPtrArray) matches = NULL;
  AwardsNearReason reason;
  guint distance;

  g_assert_true (awards_near_compare (AWARDS_NEAR_ORGANISATION, "Công ty Дружба",
                                      "Cty Дружбы", &reason, &distance));
  g_assert_cmpint (reason, ==, AWARDS_NEAR_EDITS);
  g_assert_cmpuint (distance, ==, 1);
  g_assert_true (awards_near_compare (AWARDS_NEAR_ORGANISATION, "HTX Дру́жба", "HTX Дружба",
                                      &reason, NULL));
  g_assert_cmpint (reason, ==, AWARDS_NEAR_FOLDED);
  g_assert_false (awards_near_compare (AWARDS_NEAR_ORGANISATION, "HTX Дружба", "HTX Мир",
                                       NULL, NULL));

  awards_near_index_add (index, 1, "HTX Bạch Đằng");
  awards_near_index_add (index, 2, "Công ty Дружба");
  awards_near_index_add (index, 3, "HTX Мир");
  matches = awards_near_index_lookup (index, "Cty Дружбы", 0);
  g_assert_cmpuint (matches->len, ==, 1);
  g_assert_cmpstr (((AwardsNearMatch *) g_ptr_array_index (matches, 0))->name, ==,
                   "Công ty Дружба");
  g_clear_pointer (&matches, g_ptr_array_unref);
  matches = awards_near_index_lookup (index, "Hợp tác xã Bach Dang", 0);
  g_assert_cmpuint (matches->len, ==, 1);
  g_assert_cmpstr (((AwardsNearMatch *) g_ptr_array_index (matches, 0))->name, ==,
                   "HTX Bạch Đằng");
}

/* An index tells a name as it was added from the same name written otherwise, before and after
 * a look-up has readied its names for comparing. */
static void
test_index_contains_name (void)
{
  g_autoptr(AwardsNearIndex) index = awards_near_index_new (AWARDS_NEAR_PERSON);
  g_autoptr(GPtrArray) matches = NULL;

  awards_near_index_add (index, 1, "Nguyễn Văn Hùng");
  awards_near_index_add (index, 2, "Trần Thị Lan");
  g_assert_true (awards_near_index_contains_name (index, "Nguyễn Văn Hùng"));
  g_assert_false (awards_near_index_contains_name (index, "nguyễn văn hùng"));
  g_assert_true (awards_near_index_contains (index, "nguyễn văn hùng"));
  g_assert_false (awards_near_index_contains_name (index, "Nguyễn Văn Hải"));

  matches = awards_near_index_lookup (index, "Nguyễn Văn Hải", 0);
  g_assert_cmpuint (matches->len, ==, 0);
  g_clear_pointer (&matches, g_ptr_array_unref);
  matches = awards_near_index_lookup (index, "Trần Thi Lan", 0);
  g_assert_cmpuint (matches->len, ==, 1);
  awards_near_index_add (index, 0, "Trần Thi Lan");

  g_assert_true (awards_near_index_contains_name (index, "Nguyễn Văn Hùng"));
  g_assert_true (awards_near_index_contains_name (index, "Trần Thị Lan"));
  g_assert_true (awards_near_index_contains_name (index, "Trần Thi Lan"));
  g_assert_true (awards_near_index_contains (index, "TRẦN THỊ LAN"));
  g_assert_false (awards_near_index_contains_name (index, "Trần Thị  Lan"));
  g_assert_cmpuint (awards_near_index_get_size (index), ==, 3);
}

/* A name made of the parts below, each word at times misspelt as a clerk would: a letter left
 * out, doubled or changed, the diacritics dropped, an abbreviation written out. */
static char *
random_name (GRand *rand)
{
  static const char *const kinds[] = { "HTX", "Hợp tác xã", "HTX dịch vụ", "Công ty TNHH",
                                       "Cty TNHH", "HTX nông nghiệp", "" };
  static const char *const places[] = { "Bạch Đằng", "Bach Dang", "Đồng Tâm", "Đông Tâm",
                                        "Hòa Bình", "Hoà Bình", "Tân Lập", "Tân Lạp",
                                        "Kỷ Niệm", "Kỉ Niệm", "Trung Sơn", "Chung Sơn",
                                        "Xuân Thủy", "Suân Thủy", "Đồng Khánh", "Đồng Khnh",
                                        "Quang Trung 2", "Quang Trung 3", "An", "Ân",
                                        "Phú Xuân Đông", "Phú Xuân Dông", "Thống Nhất" };
  const char *kind = kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (kinds))];
  const char *place = places[g_rand_int_range (rand, 0, G_N_ELEMENTS (places))];
  GString *name = g_string_new (kind);

  if (name->len > 0)
    g_string_append_c (name, ' ');
  g_string_append (name, place);
  /* Now and then its words run together, as a space left out writes them. */
  if (g_rand_int_range (rand, 0, 6) == 0 && strchr (place, ' ') != NULL)
    {
      gsize at = name->len - strlen (strchr (place, ' '));

      g_string_erase (name, at, 1);
    }
  /* Now and then a slip: a letter of the place doubled or gone. */
  if (g_rand_int_range (rand, 0, 4) == 0)
    {
      gsize at = name->len - 1;

      if (g_rand_boolean (rand))
        g_string_insert_c (name, at, name->str[at]);
      else
        g_string_erase (name, at, 1);
    }
  return g_string_free (name, FALSE);
}

/* An index finds, for each new name, exactly the earlier names that awards_near_compare ()
 * calls near: the buckets and shortcuts of a look-up leave none out, whatever the number of
 * words of the two and however they are spelt. */
static void
test_index_agrees_with_compare (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (14);

  for (AwardsNearKind kind = AWARDS_NEAR_ORGANISATION; kind <= AWARDS_NEAR_PERSON; kind++)
    {
      g_autoptr(AwardsNearIndex) index = awards_near_index_new (kind);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      guint n_near = 0;

      for (guint i = 0; i < 400; i++)
        {
          g_autofree char *name = random_name (rand);
          g_autoptr(GPtrArray) matches = NULL;
          g_autoptr(GHashTable) expected = g_hash_table_new (g_str_hash, g_str_equal);

          if (awards_near_index_contains (index, name))
            continue;
          for (guint k = 0; k < names->len; k++)
            if (awards_near_compare (kind, name, g_ptr_array_index (names, k), NULL, NULL))
              g_hash_table_add (expected, g_ptr_array_index (names, k));

          matches = awards_near_index_lookup (index, name, 0);
          for (guint k = 0; k < matches->len; k++)
            {
              AwardsNearMatch *match = g_ptr_array_index (matches, k);

              if (!g_hash_table_remove (expected, match->name))
                g_error ("“%s” was found near “%s”, which it is not", match->name, name);
            }
          if (g_hash_table_size (expected) > 0)
            g_error ("“%s” was not found near “%s”",
                     (char *) g_hash_table_get_keys (expected)->data, name);
          n_near += matches->len;

          /* As an import does: the name looked up is added next (half the time). */
          if (g_rand_boolean (rand))
            {
              awards_near_index_add (index, i + 1, name);
              g_ptr_array_add (names, g_steal_pointer (&name));
            }
        }
      /* The names are near often enough for the comparison to mean something. */
      g_assert_cmpuint (n_near, >, 50);
    }
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
    }
  g_remove (path);
}

static gint64
add_organisation (AwardsStore *store,
                  const char  *name)
{
  g_autoptr(AwardsOrganisation) organisation = awards_organisation_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  awards_organisation_set_name (organisation, name);
  id = awards_store_save_organisation (store, organisation, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
add_person (AwardsStore *store,
            const char  *name,
            gint64       organisation_id)
{
  g_autoptr(AwardsPerson) person = awards_person_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  awards_person_set_full_name (person, name);
  awards_person_set_organisation_id (person, organisation_id);
  id = awards_store_save_person (store, person, &error);
  g_assert_no_error (error);
  return id;
}

static void
test_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-near-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "awards.db", NULL);
  g_autoptr(AwardsStore) store = awards_store_open (path, &error);
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(AwardsNearIndex) index = NULL;
  gint64 bach_dang, quy_cao, hiep;
  AwardsNearMatch *match;

  g_assert_no_error (error);
  bach_dang = add_organisation (store, "HTX Bạch Đằng");
  quy_cao = add_organisation (store, "Công ty TNHH Quý Cao");
  hiep = add_person (store, "Đan Đức Hiệp", bach_dang);
  add_person (store, "Nguyễn Văn An", bach_dang);

  /* The seeded catalogue answers for award types. */
  matches = awards_store_find_near_names (store, AWARDS_NEAR_AWARD_TYPE, "Bằng khn", 0, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (matches->len, >=, 1);
  match = g_ptr_array_index (matches, 0);
  g_assert_cmpstr (match->name, ==, "Bằng khen");
  g_clear_pointer (&matches, g_ptr_array_unref);

  matches = awards_store_find_near_names (store, AWARDS_NEAR_ORGANISATION,
                                          "Cty trách nhiệm hữu hạn Quý Cao", 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (matches->len, ==, 1);
  match = g_ptr_array_index (matches, 0);
  g_assert_cmpint (match->id, ==, quy_cao);
  g_assert_cmpint (match->reason, ==, AWARDS_NEAR_ABBREVIATION);
  g_clear_pointer (&matches, g_ptr_array_unref);

  /* People: within their organisation only. */
  matches = awards_store_find_near_names (store, AWARDS_NEAR_PERSON, "Dan Duc Hiep", bach_dang, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (matches->len, ==, 1);
  match = g_ptr_array_index (matches, 0);
  g_assert_cmpint (match->id, ==, hiep);
  g_clear_pointer (&matches, g_ptr_array_unref);

  matches = awards_store_find_near_names (store, AWARDS_NEAR_PERSON, "Dan Duc Hiep", quy_cao, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (matches->len, ==, 0);
  g_clear_pointer (&matches, g_ptr_array_unref);

  /* A slip in a middle name, within the organisation only; the index of one organisation's
   * people, as an import reads it, finds it too. */
  matches = awards_store_find_near_names (store, AWARDS_NEAR_PERSON, "Nguyễn Vn An", bach_dang, 0,
                                          &error);
  g_assert_no_error (error);
  g_assert_cmpuint (matches->len, ==, 1);
  match = g_ptr_array_index (matches, 0);
  g_assert_cmpstr (match->name, ==, "Nguyễn Văn An");
  g_assert_cmpint (match->reason, ==, AWARDS_NEAR_EDITS);
  g_clear_pointer (&matches, g_ptr_array_unref);
  index = awards_store_load_person_near_index (store, quy_cao, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (awards_near_index_get_size (index), ==, 0);
  g_clear_pointer (&index, awards_near_index_free);
  index = awards_store_load_person_near_index (store, bach_dang, &error);
  g_assert_no_error (error);
  g_assert_true (awards_near_index_contains (index, "nguyễn văn an"));
  matches = awards_near_index_lookup (index, "Nguyễn Vn An", 0);
  g_assert_cmpuint (matches->len, ==, 1);
  g_clear_pointer (&matches, g_ptr_array_unref);
  matches = awards_near_index_lookup (index, "Nguyễn Văn Anh", 0);
  g_assert_cmpuint (matches->len, ==, 0);
  g_clear_pointer (&matches, g_ptr_array_unref);
  g_clear_pointer (&index, awards_near_index_free);

  /* An index for many look-ups, with a file's own new names added to it. */
  index = awards_store_load_near_index (store, AWARDS_NEAR_ORGANISATION, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (awards_near_index_get_size (index), ==, 2);
  awards_near_index_add (index, 0, "HTX Nông nghiệp Đồng Tâm");
  matches = awards_near_index_lookup (index, "HTX Nông nghiệp Đồng Tâmm", 0);
  g_assert_cmpuint (matches->len, ==, 1);
  match = g_ptr_array_index (matches, 0);
  g_assert_cmpint (match->id, ==, 0);

  g_clear_object (&store);
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/near/key", test_key);
  g_test_add_func ("/near/folded", test_folded);
  g_test_add_func ("/near/abbreviation", test_abbreviation);
  g_test_add_func ("/near/spelling", test_spelling);
  g_test_add_func ("/near/edits", test_edits);
  g_test_add_func ("/near/not-near", test_not_near);
  g_test_add_func ("/near/people", test_people);
  g_test_add_func ("/near/index", test_index);
  g_test_add_func ("/near/index-agrees-with-compare", test_index_agrees_with_compare);
  g_test_add_func ("/near/wide-letters", test_wide_letters);
  g_test_add_func ("/near/index-contains-name", test_index_contains_name);
  g_test_add_func ("/near/store", test_store);

  return g_test_run ();
}
