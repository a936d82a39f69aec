/* test-eligibility.c: the shipped rules over ten years of titles, ratings and initiatives
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "io-test-util.h"
#include "awards-eligibility.h"
#include "awards-ratings-import.h"

#define BK "Bằng khen"
#define BK_TTG "Bằng khen của Thủ tướng Chính phủ"
#define CSTD "Chiến sĩ thi đua cơ sở"
#define CSTD_TINH "Chiến sĩ thi đua cấp tỉnh"
#define CSTD_TQ "Chiến sĩ thi đua toàn quốc"
#define LDTT "Lao động tiên tiến"
#define TTLDXS "Tập thể lao động xuất sắc"
#define TTLDTT "Tập thể lao động tiên tiến"
#define CTD "Cờ thi đua"
#define HTX "HTX Bạch Đằng"

/* An award to a person of HTX Bạch Đằng (or to an organisation) for a year. */
typedef struct
{
  const char *award;
  const char *recipient;    /* an organisation's name starts with "HTX" */
  int         year;
} Given;

static const Given history[] = {
  /* Trần Văn Ba: three CSTĐ cơ sở in a row with a provincial initiative. */
  { CSTD, "Trần Văn Ba", 2022 }, { CSTD, "Trần Văn Ba", 2023 }, { CSTD, "Trần Văn Ba", 2024 },
  /* Lê Thị Bốn: two in a row, no initiative. */
  { CSTD, "Lê Thị Bốn", 2023 }, { CSTD, "Lê Thị Bốn", 2024 },
  /* Phạm Văn Năm: a lower title in 2023 breaks the chain. */
  { CSTD, "Phạm Văn Năm", 2021 }, { CSTD, "Phạm Văn Năm", 2022 }, { LDTT, "Phạm Văn Năm", 2023 },
  { CSTD, "Phạm Văn Năm", 2024 },
  /* Hoàng Văn Sáu: a year without any title (2023) breaks it too. */
  { CSTD, "Hoàng Văn Sáu", 2021 }, { CSTD, "Hoàng Văn Sáu", 2022 },
  { CSTD, "Hoàng Văn Sáu", 2024 },
  /* Đỗ Văn Tám: two CSTĐ cơ sở ending in 2023, under the previous regime. */
  { CSTD, "Đỗ Văn Tám", 2022 }, { CSTD, "Đỗ Văn Tám", 2023 },
  /* Ngô Văn Chín: eligible, but already given the Bằng khen for this chain. */
  { CSTD, "Ngô Văn Chín", 2023 }, { CSTD, "Ngô Văn Chín", 2024 }, { BK, "Ngô Văn Chín", 2024 },
  /* Bùi Văn Mười: two provincial CSTĐ with a national initiative. */
  { CSTD_TINH, "Bùi Văn Mười", 2023 }, { CSTD_TINH, "Bùi Văn Mười", 2024 },
  /* Đinh Văn Một: a Bằng khen, then five years of HTXSNV (ratings below). */
  { BK, "Đinh Văn Một", 2017 },
  /* Collectives. */
  { TTLDXS, "HTX Bạch Đằng", 2023 }, { TTLDXS, "HTX Bạch Đằng", 2024 },
  { TTLDXS, "HTX Tân Hưng", 2022 }, { TTLDTT, "HTX Tân Hưng", 2023 },
  { TTLDXS, "HTX Tân Hưng", 2024 },
  { TTLDXS, "HTX Đông Hải", 2024 },
};

#define RATINGS \
  "recipient_type,recipient,organisation,year,rating\n" \
  "individual,Vũ Thị Bảy,HTX Bạch Đằng,2021,Hoàn thành tốt nhiệm vụ\n" \
  "individual,Vũ Thị Bảy,HTX Bạch Đằng,2022,Hoàn thành xuất sắc nhiệm vụ\n" \
  "individual,Vũ Thị Bảy,HTX Bạch Đằng,2023,Hoàn thành xuất sắc nhiệm vụ\n" \
  "individual,Đinh Văn Một,HTX Bạch Đằng,2018,excellent\n" \
  "individual,Đinh Văn Một,HTX Bạch Đằng,2019,excellent\n" \
  "individual,Đinh Văn Một,HTX Bạch Đằng,2020,excellent\n" \
  "individual,Đinh Văn Một,HTX Bạch Đằng,2021,excellent\n" \
  "individual,Đinh Văn Một,HTX Bạch Đằng,2022,excellent\n" \
  "collective,HTX Bạch Đằng,,2024,excellent\n" \
  "collective,HTX Tân Hưng,,2023,excellent\n" \
  "collective,HTX Tân Hưng,,2024,excellent\n" \
  "collective,HTX Đông Hải,,2023,good\n" \
  "collective,HTX Đông Hải,,2024,excellent\n"

#define INITIATIVES \
  "recipient_type,recipient,organisation,year,title,scope\n" \
  "individual,Trần Văn Ba,HTX Bạch Đằng,2024,Máy sấy lúa,tỉnh\n" \
  "individual,Hoàng Văn Sáu,HTX Bạch Đằng,2024,Quy trình ủ phân,tỉnh\n" \
  "individual,Bùi Văn Mười,HTX Bạch Đằng,2024,Giống lúa mới,toàn quốc\n" \
  "individual,Vũ Thị Bảy,HTX Bạch Đằng,2022,Sổ kho điện tử,cơ sở\n" \
  "individual,Vũ Thị Bảy,HTX Bạch Đằng,2023,Bảng chấm công,cơ sở\n" \
  "individual,Đinh Văn Một,HTX Bạch Đằng,2018,Sáng kiến 1,cơ sở\n" \
  "individual,Đinh Văn Một,HTX Bạch Đằng,2019,Sáng kiến 2,cơ sở\n" \
  "individual,Đinh Văn Một,HTX Bạch Đằng,2020,Sáng kiến 3,cơ sở\n" \
  "individual,Đinh Văn Một,HTX Bạch Đằng,2021,Sáng kiến 4,cơ sở\n" \
  "individual,Đinh Văn Một,HTX Bạch Đằng,2022,Sáng kiến 5,tỉnh\n"

static void
load_fixture (Fixture *fixture)
{
  g_autoptr(GString) csv = g_string_new (HEADER);
  g_autoptr(GError) error = NULL;
  g_autofree char *ratings = NULL;
  g_autofree char *initiatives = NULL;
  const char *paths[3] = { NULL, };

  /* Vũ Thị Bảy has ratings only; she is entered through an award to her of another kind. */
  g_string_append (csv, "1/QĐ-HTX,15/12/2015,HTX Bạch Đằng,Giấy khen,individual,Vũ Thị Bảy,"
                        HTX ",,,2015\n");
  for (guint i = 0; i < G_N_ELEMENTS (history); i++)
    {
      gboolean collective = g_str_has_prefix (history[i].recipient, "HTX");

      /* Titles are decided in December; the period names the year. */
      g_string_append_printf (csv, "%d-%u/QĐ,20/12/%d,UBND thành phố Hải Phòng,%s,%s,%s,%s,,,%d\n",
                              history[i].year, i, history[i].year, history[i].award,
                              collective ? "collective" : "individual", history[i].recipient,
                              collective ? "" : HTX, history[i].year);
    }
  g_assert_true (import_text (fixture, csv->str, FALSE, NULL, &error));
  g_assert_no_error (error);

  ratings = write_file (fixture, "ratings.csv", RATINGS);
  initiatives = write_file (fixture, "initiatives.csv", INITIATIVES);
  paths[0] = ratings;
  paths[1] = initiatives;
  g_assert_true (awards_ratings_import_files (fixture->store, paths, FALSE, NULL, NULL, &error));
  g_assert_no_error (error);
}

static AwardsRules *
shipped_rules (void)
{
  g_autoptr(GError) error = NULL;
  AwardsRules *rules = awards_rules_load_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (rules);
  return rules;
}

static GPtrArray *
review (Fixture     *fixture,
        AwardsRules *rules,
        int          year,
        const char  *award)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *candidates = awards_eligibility_run (fixture->store, rules, year, award, &error);

  g_assert_no_error (error);
  g_assert_nonnull (candidates);
  return candidates;
}

static const AwardsCandidate *
find_candidate (GPtrArray  *candidates,
                const char *award,
                const char *recipient)
{
  const AwardsCandidate *found = NULL;

  for (guint i = 0; i < candidates->len; i++)
    {
      const AwardsCandidate *candidate = g_ptr_array_index (candidates, i);

      if (g_str_equal (candidate->award, award) && g_str_equal (candidate->recipient, recipient))
        {
          /* One entry per award and recipient. */
          g_assert_null (found);
          found = candidate;
        }
    }
  return found;
}

static void
assert_eligible (GPtrArray  *candidates,
                 const char *award,
                 const char *recipient,
                 const char *reason)
{
  const AwardsCandidate *candidate = find_candidate (candidates, award, recipient);

  if (candidate == NULL)
    g_error ("%s is not proposed for %s", recipient, award);
  g_assert_cmpstr (candidate->missing, ==, NULL);
  g_assert_cmpstr (candidate->reason, ==, reason);
  g_assert_cmpuint (strlen (candidate->basis), >, 0);
}

static void
assert_missing (GPtrArray  *candidates,
                const char *award,
                const char *recipient,
                const char *reason,
                const char *missing)
{
  const AwardsCandidate *candidate = find_candidate (candidates, award, recipient);

  if (candidate == NULL)
    g_error ("%s is not listed as nearly eligible for %s", recipient, award);
  g_assert_cmpstr (candidate->reason, ==, reason);
  g_assert_cmpstr (candidate->missing, ==, missing);
}

static void
assert_absent (GPtrArray  *candidates,
               const char *award,
               const char *recipient)
{
  g_assert_null (find_candidate (candidates, award, recipient));
}

static void
test_individual_titles_2024 (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(AwardsRules) rules = shipped_rules ();
  g_autoptr(GPtrArray) candidates = NULL;
  const AwardsCandidate *ba;

  load_fixture (fixture);
  candidates = review (fixture, rules, 2024, NULL);

  /* CSTĐ cấp tỉnh: three in a row with a provincial initiative; one year short; none at all. */
  assert_eligible (candidates, CSTD_TINH, "Trần Văn Ba",
                   "3 lần liên tục Chiến sĩ thi đua cơ sở 2022–2024; 1 sáng kiến cấp bộ, ngành, "
                   "tỉnh");
  ba = find_candidate (candidates, CSTD_TINH, "Trần Văn Ba");
  g_assert_cmpstr (ba->organisation, ==, HTX);
  g_assert_true (strstr (ba->basis, "06/2022/QH15") != NULL);
  assert_missing (candidates, CSTD_TINH, "Lê Thị Bốn",
                  "2 lần liên tục Chiến sĩ thi đua cơ sở 2023–2024",
                  "còn thiếu 1 lần Chiến sĩ thi đua cơ sở liên tục; cần 1 sáng kiến cấp bộ, "
                  "ngành, tỉnh trong 2023–2024, có 0");
  /* A lower title in between and a gap both leave a chain of one: too short for either. */
  assert_absent (candidates, CSTD_TINH, "Phạm Văn Năm");
  assert_absent (candidates, CSTD_TINH, "Hoàng Văn Sáu");

  /* Bằng khen: two CSTĐ cơ sở in a row (the 2022 law). */
  assert_eligible (candidates, BK, "Trần Văn Ba", "2 lần liên tục Chiến sĩ thi đua cơ sở 2023–2024");
  assert_eligible (candidates, BK, "Lê Thị Bốn", "2 lần liên tục Chiến sĩ thi đua cơ sở 2023–2024");
  assert_missing (candidates, BK, "Phạm Văn Năm", "Chiến sĩ thi đua cơ sở 2024",
                  "còn thiếu 1 lần Chiến sĩ thi đua cơ sở liên tục");
  assert_missing (candidates, BK, "Hoàng Văn Sáu", "Chiến sĩ thi đua cơ sở 2024",
                  "còn thiếu 1 lần Chiến sĩ thi đua cơ sở liên tục");
  /* Already given for this chain: not proposed again. */
  assert_absent (candidates, BK, "Ngô Văn Chín");
  /* Provincial CSTĐ count as links of the Bằng khen chain too. */
  assert_eligible (candidates, BK, "Bùi Văn Mười", "2 lần liên tục Chiến sĩ thi đua cấp tỉnh "
                   "2023–2024");

  /* CSTĐ toàn quốc. */
  assert_eligible (candidates, CSTD_TQ, "Bùi Văn Mười",
                   "2 lần liên tục Chiến sĩ thi đua cấp tỉnh 2023–2024; 1 sáng kiến toàn quốc");

  /* Đỗ Văn Tám's chain ended in 2023: nothing in 2024. */
  assert_absent (candidates, BK, "Đỗ Văn Tám");
}

static void
test_regime_change (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(AwardsRules) rules = shipped_rules ();
  g_autoptr(AwardsRules) adjusted = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  GString *edited;

  load_fixture (fixture);

  /* 2023 is governed by the 2003 law and Decree 91/2017: a Bằng khen needs two years of HTXSNV
   * with two initiatives; two CSTĐ cơ sở are not enough. */
  candidates = review (fixture, rules, 2023, NULL);
  assert_eligible (candidates, BK, "Vũ Thị Bảy",
                   "2 năm liên tục Hoàn thành xuất sắc nhiệm vụ 2022–2023; 2 sáng kiến cấp cơ sở");
  g_assert_true (strstr (find_candidate (candidates, BK, "Vũ Thị Bảy")->basis,
                         "91/2017") != NULL);
  assert_absent (candidates, BK, "Đỗ Văn Tám");
  assert_missing (candidates, CSTD_TINH, "Đỗ Văn Tám",
                  "2 lần liên tục Chiến sĩ thi đua cơ sở 2022–2023",
                  "còn thiếu 1 lần Chiến sĩ thi đua cơ sở liên tục; cần 1 sáng kiến cấp bộ, "
                  "ngành, tỉnh trong 2022–2023, có 0");
  g_clear_pointer (&candidates, g_ptr_array_unref);

  /* A clerk who moves the new regime to 2023 in a copy of the file gets the new rule. */
  g_assert_true (g_file_get_contents (awards_rules_get_path (rules), &text, NULL, &error));
  edited = g_string_new (text);
  g_string_replace (edited, "to = 2023", "to = 2022", 1);
  g_string_replace (edited, "from = 2024", "from = 2023", 1);
  path = write_file (fixture, "adjusted.ini", edited->str);
  g_string_free (edited, TRUE);
  adjusted = awards_rules_load (path, &error);
  g_assert_no_error (error);
  candidates = review (fixture, adjusted, 2023, BK);
  assert_eligible (candidates, BK, "Đỗ Văn Tám", "2 lần liên tục Chiến sĩ thi đua cơ sở 2022–2023");
  /* --award leaves the other awards out. */
  g_assert_null (find_candidate (candidates, CSTD_TINH, "Đỗ Văn Tám"));
}

static void
test_prime_minister (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(AwardsRules) rules = shipped_rules ();
  g_autoptr(GPtrArray) candidates = NULL;

  load_fixture (fixture);
  candidates = review (fixture, rules, 2022, BK_TTG);
  assert_eligible (candidates, BK_TTG, "Đinh Văn Một",
                   "5 năm liên tục Hoàn thành xuất sắc nhiệm vụ 2018–2022; 5 sáng kiến cấp cơ "
                   "sở; đã được tặng Bằng khen năm 2017");
  g_clear_pointer (&candidates, g_ptr_array_unref);

  /* One year short in 2021. */
  candidates = review (fixture, rules, 2021, BK_TTG);
  assert_missing (candidates, BK_TTG, "Đinh Văn Một",
                  "4 năm liên tục Hoàn thành xuất sắc nhiệm vụ 2018–2021; đã được tặng Bằng khen "
                  "năm 2017",
                  "còn thiếu 1 năm Hoàn thành xuất sắc nhiệm vụ liên tục; cần 5 sáng kiến cấp "
                  "cơ sở trong 2018–2021, có 4");
}

static void
test_collectives (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(AwardsRules) rules = shipped_rules ();
  g_autoptr(GPtrArray) candidates = NULL;

  load_fixture (fixture);
  candidates = review (fixture, rules, 2024, NULL);

  assert_eligible (candidates, CTD, "HTX Bạch Đằng",
                   "2 lần liên tục Tập thể lao động xuất sắc 2023–2024");
  /* A lower title in 2023 breaks Tân Hưng's chain. */
  assert_missing (candidates, CTD, "HTX Tân Hưng", "Tập thể lao động xuất sắc 2024",
                  "còn thiếu 1 lần Tập thể lao động xuất sắc liên tục");
  assert_eligible (candidates, BK, "HTX Tân Hưng",
                   "2 năm liên tục Hoàn thành xuất sắc nhiệm vụ 2023–2024");
  /* A "good" year is lower than "excellent": one year only. */
  assert_missing (candidates, BK, "HTX Đông Hải", "Hoàn thành xuất sắc nhiệm vụ 2024",
                  "còn thiếu 1 năm Hoàn thành xuất sắc nhiệm vụ liên tục");
  /* The Bằng khen to individuals and to collectives come from different rules, yet stay in one
   * group. */
  {
    g_autoptr(GHashTable) closed = g_hash_table_new (g_str_hash, g_str_equal);
    const char *current = NULL;

    for (guint i = 0; i < candidates->len; i++)
      {
        const AwardsCandidate *candidate = g_ptr_array_index (candidates, i);

        if (g_strcmp0 (current, candidate->award) == 0)
          continue;
        g_assert_false (g_hash_table_contains (closed, candidate->award));
        if (current != NULL)
          g_hash_table_add (closed, (gpointer)current);
        current = candidate->award;
      }
  }
  /* Everyone rated excellent in 2024 already holds the title of that year. */
  assert_absent (candidates, TTLDXS, "HTX Bạch Đằng");
  assert_absent (candidates, TTLDXS, "HTX Tân Hưng");
  assert_absent (candidates, TTLDXS, "HTX Đông Hải");
}

static void
assert_rules_refused (Fixture    *fixture,
                      const char *text,
                      const char *expected_format)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_file (fixture, "rules.ini", text);
  g_autoptr(GString) expected = g_string_new (expected_format);
  g_autoptr(AwardsRules) rules = awards_rules_load (path, &error);

  g_string_replace (expected, "FILE", path, 0);
  g_assert_null (rules);
  g_assert_error (error, AWARDS_RULES_ERROR, AWARDS_RULES_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, expected->str);
}

#define REGIME "[regime a]\nname = Luật\nfrom = 2000\nto = 2010\n"

static void
test_malformed (Fixture       *fixture,
                gconstpointer  data)
{
  assert_rules_refused (fixture,
                        REGIME
                        "[rule r]\n"
                        "regime = b\n"
                        "award = Bằng khen\n"
                        "recipient = someone\n"
                        "chain = title\n"
                        "titles = Chiến sĩ thi đua cơ sở\n"
                        "years = two\n"
                        "breaks = gap, hole\n"
                        "colour = red\n"
                        "basis = Điều 74\n"
                        "verified = maybe\n"
                        "this line is wrong\n"
                        "[regime c]\nname = x\nfrom = 2005\n",
                        "FILE:6: there is no regime “b” before this rule\n"
                        "FILE:8: “recipient” must be individual or collective, not “someone”\n"
                        "FILE:11: “years” must be a whole number from 1 to 30, not “two”\n"
                        "FILE:12: “breaks” lists gap and lower, not “hole”\n"
                        "FILE:13: unknown key “colour”\n"
                        "FILE:15: “verified” must be yes or no, not “maybe”\n"
                        "FILE:16: a line must be “key = value”, a “[group]” or a comment\n"
                        "FILE:17: the years of regime “c” overlap those of “a”");
  assert_rules_refused (fixture, "[rule r\n", "FILE:1: a group heading must end with “]”");
}

/* An award the catalogue does not know is found when the rules meet the database. */
static void
test_unknown_award (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsRules) rules = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  g_autofree char *path = NULL;
  g_autofree char *expected = NULL;

  path = write_file (fixture, "rules.ini",
                     REGIME
                     "[rule r]\nregime = a\naward = Bằng khen\nrecipient = individual\n"
                     "chain = title\ntitles = Chiến sĩ thi đua xã\nyears = 2\n"
                     "breaks = gap\nbasis = Điều 74\nverified = no\n");
  rules = awards_rules_load (path, &error);
  g_assert_no_error (error);
  candidates = awards_eligibility_run (fixture->store, rules, 2005, NULL, &error);
  g_assert_null (candidates);
  expected = g_strdup_printf ("%s:10: there is no award named “Chiến sĩ thi đua xã” in the "
                              "catalogue", path);
  g_assert_error (error, AWARDS_RULES_ERROR, AWARDS_RULES_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);

  /* A year that no regime governs. */
  g_assert_null (awards_eligibility_run (fixture->store, rules, 2011, NULL, &error));
  g_assert_error (error, AWARDS_RULES_ERROR, AWARDS_RULES_ERROR_NOT_FOUND);
}

/* The clerk's copy in the configuration folder replaces the shipped file. */
static void
test_user_copy (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *shipped = g_strdup (g_getenv ("COOP_AWARDS_RULES"));
  g_autofree char *folder = g_build_filename (g_get_user_config_dir (), "coop-awards", NULL);
  g_autofree char *copy = g_build_filename (folder, "eligibility-rules.ini", NULL);
  g_autofree char *found = NULL;

  g_unsetenv ("COOP_AWARDS_RULES");
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (copy, REGIME, -1, NULL));
  found = awards_rules_default_path ();
  g_assert_cmpstr (found, ==, copy);
  g_setenv ("COOP_AWARDS_RULES", shipped, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/eligibility/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("individual-titles-2024", test_individual_titles_2024);
  ADD ("regime-change", test_regime_change);
  ADD ("prime-minister", test_prime_minister);
  ADD ("collectives", test_collectives);
  ADD ("malformed", test_malformed);
  ADD ("unknown-award", test_unknown_award);
  ADD ("user-copy", test_user_copy);
#undef ADD

  return g_test_run ();
}
