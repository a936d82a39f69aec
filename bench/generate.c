/* generate.c — deterministic generator of realistic award lists for benchmarks.
 *
 * Writes the flat award list of DESIGN.md ("The flat award list (CSV)") with made-up but
 * plausible Vietnamese organisations, people, authorities and decisions. The same seed always
 * gives the same bytes: the generator has its own random number generator and never depends on
 * hash table order, the locale or the clock.
 */

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#define FIRST_YEAR 1995
#define LAST_YEAR  2024

/* Random numbers: xoshiro256** seeded through splitmix64 (both public domain algorithms). */

typedef struct
{
  guint64 s[4];
} Rng;

static guint64
splitmix64 (guint64 *state)
{
  guint64 z = (*state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

static void
rng_init (Rng     *rng,
          guint64  seed)
{
  for (guint i = 0; i < 4; i++)
    rng->s[i] = splitmix64 (&seed);
}

static inline guint64
rotl (guint64 x,
      int     k)
{
  return (x << k) | (x >> (64 - k));
}

static inline guint64
rng_next (Rng *rng)
{
  guint64 *s = rng->s;
  guint64 result = rotl (s[1] * 5, 7) * 9;
  guint64 t = s[1] << 17;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl (s[3], 45);
  return result;
}

/* A number in [0, n). */
static inline guint32
rng_below (Rng     *rng,
           guint32  n)
{
  return (guint32) (((rng_next (rng) >> 32) * (guint64) n) >> 32);
}

/* A number in [lo, hi]. */
static inline int
rng_between (Rng *rng,
             int  lo,
             int  hi)
{
  return lo + (int) rng_below (rng, (guint32) (hi - lo + 1));
}

static inline double
rng_unit (Rng *rng)
{
  return (double) (rng_next (rng) >> 11) * (1.0 / 9007199254740992.0);
}

static inline gboolean
rng_chance (Rng    *rng,
            double  p)
{
  return rng_unit (rng) < p;
}

/* An index in [0, n) that favours the front of the list, so that some organisations and people
 * are honoured far more often than others, as in real records. */
static inline guint
rng_skewed (Rng   *rng,
            guint  n)
{
  double u = rng_unit (rng);

  if (rng_chance (rng, 0.5))
    u = u * u;
  return MIN ((guint) (u * n), n - 1);
}

/* Weighted tables. */

typedef struct
{
  const char *text;
  guint       weight;
} Weighted;

static guint
weighted_total (const Weighted *table,
                guint           n)
{
  guint total = 0;

  for (guint i = 0; i < n; i++)
    total += table[i].weight;
  return total;
}

static guint
weighted_pick (Rng            *rng,
               const Weighted *table,
               guint           n)
{
  guint total = weighted_total (table, n);
  guint r = rng_below (rng, total);

  for (guint i = 0; i < n; i++)
    {
      if (r < table[i].weight)
        return i;
      r -= table[i].weight;
    }
  return n - 1;
}

#define PICK(rng, table) (table[weighted_pick ((rng), (table), G_N_ELEMENTS (table))].text)

/* Names. Weights of family names are per mille of the population, roughly. */

static const Weighted family_names[] = {
  { "Nguyễn", 380 }, { "Trần", 110 }, { "Lê", 95 }, { "Phạm", 70 }, { "Hoàng", 50 },
  { "Huỳnh", 20 }, { "Phan", 45 }, { "Vũ", 39 }, { "Võ", 20 }, { "Đặng", 21 },
  { "Bùi", 20 }, { "Đỗ", 14 }, { "Hồ", 13 }, { "Ngô", 13 }, { "Dương", 10 },
  { "Lý", 5 }, { "Đinh", 8 }, { "Trương", 8 }, { "Đoàn", 5 }, { "Trịnh", 5 },
  { "Mai", 5 }, { "Đào", 5 }, { "Lương", 4 }, { "Hà", 4 }, { "Lưu", 3 },
  { "Cao", 3 }, { "Lâm", 3 }, { "Tạ", 2 }, { "Vương", 2 }, { "Tô", 2 },
};

static const Weighted male_middle_names[] = {
  { "Văn", 40 }, { "Đức", 8 }, { "Quốc", 6 }, { "Minh", 7 }, { "Hữu", 6 }, { "Công", 5 },
  { "Xuân", 4 }, { "Thanh", 4 }, { "Ngọc", 3 }, { "Đình", 5 }, { "Quang", 4 }, { "Mạnh", 2 },
  { "Tiến", 2 }, { "Trọng", 2 }, { "Duy", 3 }, { "Văn Đức", 1 }, { "Bá", 2 }, { "Thế", 2 },
};

static const Weighted female_middle_names[] = {
  { "Thị", 55 }, { "Thị Bích", 4 }, { "Thị Thu", 5 }, { "Thị Minh", 3 }, { "Thị Thanh", 4 },
  { "Thị Kim", 3 }, { "Thị Hồng", 3 }, { "Thị Ngọc", 3 }, { "Ngọc", 5 }, { "Thu", 4 },
  { "Thanh", 4 }, { "Minh", 3 }, { "Kim", 2 }, { "Hồng", 2 }, { "Phương", 2 },
};

static const Weighted male_given_names[] = {
  { "An", 3 }, { "Bình", 4 }, { "Cường", 4 }, { "Dũng", 5 }, { "Đức", 4 }, { "Hùng", 6 },
  { "Huy", 3 }, { "Hải", 5 }, { "Long", 4 }, { "Minh", 5 }, { "Nam", 5 }, { "Phong", 3 },
  { "Quang", 3 }, { "Sơn", 5 }, { "Thắng", 5 }, { "Tuấn", 6 }, { "Trung", 4 }, { "Việt", 3 },
  { "Đạt", 3 }, { "Đông", 3 }, { "Toàn", 3 }, { "Thành", 5 }, { "Hiếu", 3 }, { "Khánh", 2 },
  { "Lâm", 2 }, { "Tài", 2 }, { "Thịnh", 2 }, { "Vinh", 3 }, { "Hưng", 4 }, { "Chiến", 3 },
  { "Điệp", 1 }, { "Lợi", 2 }, { "Quý", 2 }, { "Tâm", 2 }, { "Kiên", 2 }, { "Phúc", 2 },
  { "Đoàn", 1 }, { "Tú", 2 }, { "Hoàng", 2 }, { "Nghĩa", 2 },
};

static const Weighted female_given_names[] = {
  { "Anh", 4 }, { "Bích", 2 }, { "Chi", 2 }, { "Dung", 4 }, { "Hà", 5 }, { "Hạnh", 4 },
  { "Hằng", 4 }, { "Hoa", 5 }, { "Hương", 6 }, { "Lan", 5 }, { "Liên", 3 }, { "Linh", 4 },
  { "Loan", 3 }, { "Mai", 4 }, { "Nga", 4 }, { "Ngọc", 3 }, { "Nhung", 3 }, { "Oanh", 2 },
  { "Phương", 4 }, { "Thảo", 4 }, { "Thu", 3 }, { "Thủy", 5 }, { "Trang", 4 }, { "Tuyết", 2 },
  { "Vân", 3 }, { "Yến", 3 }, { "Đào", 2 }, { "Điệp", 1 }, { "Huệ", 3 }, { "Lý", 1 },
  { "Bích Ngọc", 1 }, { "Thu Hà", 1 }, { "Minh Châu", 1 }, { "Đoan", 1 }, { "Giang", 2 },
};

/* Syllables for place-like and trade names; many carry Đ/đ on purpose. */

static const char *const place_first[] = {
  "Tân", "Đồng", "An", "Bình", "Hòa", "Phú", "Đông", "Tây", "Nam", "Bắc", "Hưng", "Long",
  "Thành", "Đức", "Đại", "Đình", "Quang", "Vĩnh", "Thuận", "Hợp", "Thịnh", "Minh", "Hải",
  "Trung", "Kiến", "Lạc", "Đoàn", "Bạch", "Quý", "Hoàng", "Phúc", "Ngọc", "Cẩm", "Kim",
  "Tiên", "Thủy", "Cát", "Quyết", "Tam", "Ngũ", "Vạn", "Đặng", "Đa", "Mỹ", "Thái", "Hồng",
  "Xuân", "Lập", "Việt", "Điền",
};

static const char *const place_second[] = {
  "Phong", "Tâm", "Lợi", "Thắng", "Hòa", "Đằng", "Lộc", "Phát", "Tiến", "Hưng", "Thịnh",
  "Đạt", "Điền", "Khê", "Sơn", "Hải", "Thành", "Cường", "Long", "Lâm", "An", "Bình", "Đông",
  "Định", "Đức", "Nghĩa", "Tín", "Cao", "Quang", "Trung", "Thuận", "Yên", "Đô", "Vinh",
  "Dương", "Hà", "Xá", "Châu", "Mỹ", "Lạc", "Đồng", "Kiều", "Đài", "Phương", "Thọ", "Khánh",
};

typedef enum
{
  ORG_COOPERATIVE,
  ORG_COMPANY,
  ORG_ALLIANCE,
} OrgKind;

typedef struct
{
  const char *prefix;
  OrgKind     kind;
  guint       weight;
} OrgPrefix;

static const OrgPrefix org_prefixes[] = {
  { "HTX nông nghiệp", ORG_COOPERATIVE, 20 },
  { "HTX dịch vụ nông nghiệp", ORG_COOPERATIVE, 12 },
  { "HTX dịch vụ điện", ORG_COOPERATIVE, 5 },
  { "HTX dịch vụ tổng hợp", ORG_COOPERATIVE, 4 },
  { "HTX vận tải", ORG_COOPERATIVE, 6 },
  { "HTX vận tải thủy", ORG_COOPERATIVE, 1 },
  { "HTX thủy sản", ORG_COOPERATIVE, 5 },
  { "HTX nuôi trồng thủy sản", ORG_COOPERATIVE, 3 },
  { "HTX tiểu thủ công nghiệp", ORG_COOPERATIVE, 4 },
  { "HTX mây tre đan", ORG_COOPERATIVE, 2 },
  { "HTX thương mại dịch vụ", ORG_COOPERATIVE, 5 },
  { "HTX môi trường", ORG_COOPERATIVE, 3 },
  { "HTX xây dựng", ORG_COOPERATIVE, 3 },
  { "HTX chăn nuôi", ORG_COOPERATIVE, 3 },
  { "HTX rau an toàn", ORG_COOPERATIVE, 2 },
  { "HTX muối", ORG_COOPERATIVE, 1 },
  { "HTX dệt may", ORG_COOPERATIVE, 1 },
  { "HTX cơ khí", ORG_COOPERATIVE, 1 },
  { "HTX", ORG_COOPERATIVE, 4 },
  { "Quỹ tín dụng nhân dân", ORG_COOPERATIVE, 4 },
  { "Liên hiệp HTX", ORG_COOPERATIVE, 1 },
  { "Công ty TNHH", ORG_COMPANY, 2 },
  { "Công ty TNHH Thương mại", ORG_COMPANY, 2 },
  { "Công ty TNHH Thương mại và Dịch vụ", ORG_COMPANY, 1 },
  { "Công ty TNHH Xây dựng", ORG_COMPANY, 1 },
  { "Công ty cổ phần", ORG_COMPANY, 2 },
};

static const Weighted cooperative_positions[] = {
  { "Giám đốc", 10 }, { "Phó Giám đốc", 10 }, { "Chủ tịch HĐQT", 6 },
  { "Kế toán trưởng", 7 }, { "Kế toán", 5 }, { "Trưởng ban kiểm soát", 5 }, { "Thủ quỹ", 3 },
  { "Xã viên", 34 }, { "Nhân viên", 8 }, { "Cán bộ kỹ thuật", 4 }, { "Tổ trưởng sản xuất", 4 },
};

static const Weighted company_positions[] = {
  { "Giám đốc", 10 }, { "Phó Giám đốc", 12 }, { "Kế toán trưởng", 8 }, { "Kế toán", 6 },
  { "Trưởng phòng kinh doanh", 6 }, { "Nhân viên", 30 }, { "Công nhân", 24 },
  { "Cán bộ kỹ thuật", 6 },
};

static const Weighted alliance_positions[] = {
  { "Chủ tịch", 4 }, { "Phó Chủ tịch", 8 }, { "Chánh Văn phòng", 4 },
  { "Trưởng ban Tổ chức - Kiểm tra", 4 }, { "Trưởng ban Chính sách - Phát triển", 4 },
  { "Kế toán trưởng", 3 }, { "Chuyên viên", 30 },
};

/* Provinces: the organisations of a province are honoured by its own authorities. */

typedef struct
{
  const char *name;       /* as written after "UBND " and "Liên minh HTX " */
  guint       org_weight; /* share of the organisations */
} Province;

static const Province provinces[] = {
  { "thành phố Hải Phòng", 30 },
  { "tỉnh Thái Bình", 15 },
  { "tỉnh Nam Định", 15 },
  { "tỉnh Quảng Ninh", 12 },
  { "tỉnh Đắk Lắk", 14 },
  { "tỉnh Đồng Tháp", 14 },
};

#define N_PROVINCES G_N_ELEMENTS (provinces)
#define NATIONAL    (-1)

typedef enum
{
  LEVEL_STATE,
  LEVEL_GOVERNMENT,
  LEVEL_MINISTRY,
  LEVEL_NATIONAL_ALLIANCE,
  LEVEL_PROVINCE,
  LEVEL_PROVINCIAL_ALLIANCE,
  LEVEL_DISTRICT,
  N_LEVELS
} Level;

typedef struct
{
  const char *name;     /* NULL: "UBND " or "Liên minh HTX " + the province */
  Level       level;
  int         province; /* NATIONAL or an index into provinces[] */
  const char *suffix;   /* of the decision number, e.g. "QĐ-TTg" */
  guint       weight;   /* share of the decisions */
  guint       per_year; /* decisions signed in a year, for plausible numbers */
} AuthoritySpec;

static const AuthoritySpec authority_specs[] = {
  { "Chủ tịch nước", LEVEL_STATE, NATIONAL, "QĐ-CTN", 2, 2500 },
  { "Thủ tướng Chính phủ", LEVEL_GOVERNMENT, NATIONAL, "QĐ-TTg", 3, 2000 },
  { "Bộ Nông nghiệp và Phát triển nông thôn", LEVEL_MINISTRY, NATIONAL, "QĐ-BNN-TĐKT", 3, 3000 },
  { "Bộ Kế hoạch và Đầu tư", LEVEL_MINISTRY, NATIONAL, "QĐ-BKHĐT", 2, 1800 },
  { "Bộ Công Thương", LEVEL_MINISTRY, NATIONAL, "QĐ-BCT", 1, 4000 },
  { "Liên minh HTX Việt Nam", LEVEL_NATIONAL_ALLIANCE, NATIONAL, "QĐ-LMHTXVN", 8, 1200 },
  { NULL, LEVEL_PROVINCE, 0, "QĐ-UBND", 14, 3200 },
  { NULL, LEVEL_PROVINCE, 1, "QĐ-UBND", 8, 2600 },
  { NULL, LEVEL_PROVINCE, 2, "QĐ-UBND", 8, 2600 },
  { NULL, LEVEL_PROVINCE, 3, "QĐ-UBND", 7, 3000 },
  { NULL, LEVEL_PROVINCE, 4, "QĐ-UBND", 7, 2800 },
  { NULL, LEVEL_PROVINCE, 5, "QĐ-UBND", 7, 2500 },
  { NULL, LEVEL_PROVINCIAL_ALLIANCE, 0, "QĐ-LMHTX", 10, 300 },
  { NULL, LEVEL_PROVINCIAL_ALLIANCE, 1, "QĐ-LMHTX", 6, 200 },
  { NULL, LEVEL_PROVINCIAL_ALLIANCE, 2, "QĐ-LMHTX", 6, 200 },
  { NULL, LEVEL_PROVINCIAL_ALLIANCE, 3, "QĐ-LMHTX", 5, 200 },
  { NULL, LEVEL_PROVINCIAL_ALLIANCE, 4, "QĐ-LMHTX", 5, 200 },
  { NULL, LEVEL_PROVINCIAL_ALLIANCE, 5, "QĐ-LMHTX", 5, 200 },
  { "UBND huyện An Lão", LEVEL_DISTRICT, 0, "QĐ-UBND", 4, 1500 },
  { "UBND huyện Thủy Nguyên", LEVEL_DISTRICT, 0, "QĐ-UBND", 5, 2200 },
  { "UBND huyện Tiên Lãng", LEVEL_DISTRICT, 0, "QĐ-UBND", 4, 1500 },
  { "UBND huyện Vĩnh Bảo", LEVEL_DISTRICT, 0, "QĐ-UBND", 4, 1500 },
  { "UBND huyện Kiến Thụy", LEVEL_DISTRICT, 0, "QĐ-UBND", 3, 1300 },
  { "UBND quận Đồ Sơn", LEVEL_DISTRICT, 0, "QĐ-UBND", 2, 900 },
  { "UBND huyện Đông Hưng", LEVEL_DISTRICT, 1, "QĐ-UBND", 3, 1400 },
  { "UBND huyện Kiến Xương", LEVEL_DISTRICT, 1, "QĐ-UBND", 3, 1300 },
  { "UBND huyện Hải Hậu", LEVEL_DISTRICT, 2, "QĐ-UBND", 3, 1500 },
  { "UBND huyện Giao Thủy", LEVEL_DISTRICT, 2, "QĐ-UBND", 3, 1200 },
  { "UBND thị xã Đông Triều", LEVEL_DISTRICT, 3, "QĐ-UBND", 3, 1400 },
  { "UBND huyện Krông Pắc", LEVEL_DISTRICT, 4, "QĐ-UBND", 3, 1200 },
  { "UBND huyện Tháp Mười", LEVEL_DISTRICT, 5, "QĐ-UBND", 3, 1100 },
};

#define N_AUTHORITIES G_N_ELEMENTS (authority_specs)

/* Awards, by the level of the authority that grants them. The names are those of the seeded
 * catalogue, so that an import finds them. */

typedef enum
{
  ELIGIBLE_BOTH,
  ELIGIBLE_COLLECTIVE,
  ELIGIBLE_INDIVIDUAL,
} Eligibility;

typedef enum
{
  AWARD_ANNUAL,   /* for the year's work */
  AWARD_CAREER,   /* orders: for several years of work */
  AWARD_MEDAL,    /* Kỷ niệm chương: for a contribution over time */
} AwardKind;

typedef struct
{
  const char *name;
  Eligibility eligibility;
  AwardKind   kind;
  guint       weight;
} AwardSpec;

#define MAX_LEVEL_AWARDS 5

typedef struct
{
  AwardSpec awards[MAX_LEVEL_AWARDS];
  guint     fallback; /* an award open to both kinds of recipient */
  int       min_size;
  int       max_size;
} LevelAwards;

static const LevelAwards level_awards[N_LEVELS] = {
  [LEVEL_STATE] = { {
      { "Huân chương Lao động hạng Ba", ELIGIBLE_BOTH, AWARD_CAREER, 70 },
      { "Huân chương Lao động hạng Nhì", ELIGIBLE_BOTH, AWARD_CAREER, 22 },
      { "Huân chương Lao động hạng Nhất", ELIGIBLE_BOTH, AWARD_CAREER, 7 },
      { "Huân chương Độc lập", ELIGIBLE_BOTH, AWARD_CAREER, 1 },
    }, 0, 3, 12 },
  [LEVEL_GOVERNMENT] = { {
      { "Bằng khen của Thủ tướng Chính phủ", ELIGIBLE_BOTH, AWARD_CAREER, 80 },
      { "Cờ thi đua của Chính phủ", ELIGIBLE_COLLECTIVE, AWARD_ANNUAL, 12 },
      { "Chiến sĩ thi đua toàn quốc", ELIGIBLE_INDIVIDUAL, AWARD_CAREER, 8 },
    }, 0, 3, 25 },
  [LEVEL_MINISTRY] = { {
      { "Bằng khen", ELIGIBLE_BOTH, AWARD_ANNUAL, 70 },
      { "Cờ thi đua", ELIGIBLE_COLLECTIVE, AWARD_ANNUAL, 10 },
      { "Chiến sĩ thi đua cấp bộ", ELIGIBLE_INDIVIDUAL, AWARD_ANNUAL, 10 },
      { "Kỷ niệm chương", ELIGIBLE_BOTH, AWARD_MEDAL, 10 },
    }, 0, 3, 40 },
  [LEVEL_NATIONAL_ALLIANCE] = { {
      { "Bằng khen", ELIGIBLE_BOTH, AWARD_ANNUAL, 60 },
      { "Cờ thi đua", ELIGIBLE_COLLECTIVE, AWARD_ANNUAL, 10 },
      { "Cờ thi đua xuất sắc", ELIGIBLE_COLLECTIVE, AWARD_ANNUAL, 5 },
      { "Chiến sĩ thi đua cấp bộ", ELIGIBLE_INDIVIDUAL, AWARD_ANNUAL, 5 },
      { "Kỷ niệm chương", ELIGIBLE_BOTH, AWARD_MEDAL, 20 },
    }, 0, 3, 40 },
  [LEVEL_PROVINCE] = { {
      { "Bằng khen", ELIGIBLE_BOTH, AWARD_ANNUAL, 60 },
      { "Cờ thi đua", ELIGIBLE_COLLECTIVE, AWARD_ANNUAL, 8 },
      { "Cờ thi đua xuất sắc", ELIGIBLE_COLLECTIVE, AWARD_ANNUAL, 6 },
      { "Chiến sĩ thi đua cấp tỉnh", ELIGIBLE_INDIVIDUAL, AWARD_ANNUAL, 10 },
      { "Tập thể lao động xuất sắc", ELIGIBLE_COLLECTIVE, AWARD_ANNUAL, 16 },
    }, 0, 3, 40 },
  [LEVEL_PROVINCIAL_ALLIANCE] = { {
      { "Giấy khen", ELIGIBLE_BOTH, AWARD_ANNUAL, 60 },
      { "Tập thể lao động tiên tiến", ELIGIBLE_COLLECTIVE, AWARD_ANNUAL, 15 },
      { "Lao động tiên tiến", ELIGIBLE_INDIVIDUAL, AWARD_ANNUAL, 15 },
      { "Chiến sĩ thi đua cơ sở", ELIGIBLE_INDIVIDUAL, AWARD_ANNUAL, 10 },
    }, 0, 3, 40 },
  [LEVEL_DISTRICT] = { {
      { "Giấy khen", ELIGIBLE_BOTH, AWARD_ANNUAL, 50 },
      { "Tập thể lao động tiên tiến", ELIGIBLE_COLLECTIVE, AWARD_ANNUAL, 20 },
      { "Lao động tiên tiến", ELIGIBLE_INDIVIDUAL, AWARD_ANNUAL, 20 },
      { "Chiến sĩ thi đua cơ sở", ELIGIBLE_INDIVIDUAL, AWARD_ANNUAL, 10 },
    }, 0, 3, 40 },
};

static guint
level_n_awards (const LevelAwards *level)
{
  guint n = 0;

  while (n < MAX_LEVEL_AWARDS && level->awards[n].name != NULL)
    n++;
  return n;
}

/* Achievements. "%1$d" is the year of the work, "%2$d" the first year of a career span. */

static const char *const annual_collective_achievements[] = {
  "Đã có thành tích xuất sắc trong sản xuất kinh doanh năm %1$d",
  "Đã có thành tích xuất sắc trong phong trào thi đua năm %1$d",
  "Đã hoàn thành xuất sắc nhiệm vụ năm %1$d",
  "Đã có thành tích xuất sắc trong xây dựng và phát triển kinh tế tập thể năm %1$d",
};

static const char *const annual_individual_achievements[] = {
  "Đã có thành tích xuất sắc trong sản xuất kinh doanh năm %1$d",
  "Đã hoàn thành xuất sắc nhiệm vụ năm %1$d",
  "Đã có thành tích xuất sắc trong công tác năm %1$d",
  "Đã có thành tích xuất sắc trong phong trào thi đua năm %1$d",
};

/* Campaign achievements may hold commas and quotes, which exercises RFC 4180 quoting. */
static const char *const campaign_achievements[] = {
  "Đã có thành tích xuất sắc trong phong trào thi đua \"Chung sức xây dựng nông thôn mới\" "
  "năm %1$d",
  "Đã có thành tích xuất sắc trong công tác phòng, chống thiên tai năm %1$d",
  "Đã có thành tích xuất sắc trong thực hiện Luật Hợp tác xã năm %1$d",
  "Đã có thành tích trong phong trào thi đua chào mừng Đại hội Liên minh Hợp tác xã, "
  "năm %1$d",
};

static const char *const career_achievement =
  "Đã có thành tích xuất sắc trong công tác từ năm %2$d đến năm %1$d, góp phần vào sự nghiệp "
  "xây dựng chủ nghĩa xã hội và bảo vệ Tổ quốc";

static const char *const medal_achievement =
  "Đã có nhiều đóng góp cho sự nghiệp xây dựng và phát triển kinh tế tập thể";

/* A text already encoded as one CSV field (RFC 4180: in quotes when it holds a comma, a quote or
 * a line break), so that a name is encoded once and not once per row. */

typedef struct
{
  char *csv;
  gsize len;
} Field;

static void
field_init (Field      *field,
            const char *text)
{
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      field->csv = g_strdup (text);
    }
  else
    {
      GString *quoted = g_string_new ("\"");

      for (const char *p = text; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (quoted, '"');
          g_string_append_c (quoted, *p);
        }
      g_string_append_c (quoted, '"');
      field->csv = g_string_free (quoted, FALSE);
    }
  field->len = strlen (field->csv);
}

static void
field_clear (Field *field)
{
  g_clear_pointer (&field->csv, g_free);
  field->len = 0;
}

static void
field_free (gpointer data)
{
  field_clear (data);
  g_free (data);
}

/* The generated world. */

typedef struct
{
  Field   name;
  OrgKind kind;
  int     province;
} Organisation;

typedef struct
{
  Field        name;
  guint        organisation;
  const Field *position;
} Person;

typedef struct
{
  GPtrArray *organisations; /* of guint indices, as GUINT_TO_POINTER (i + 1) */
  GPtrArray *people;
} Pool;

typedef struct
{
  Field                name;
  const AuthoritySpec *spec;
  GHashTable          *numbers; /* decision numbers already given, as GUINT_TO_POINTER */
} Authority;

typedef struct
{
  guint  authority;
  guint  size;
  guint  seq;       /* creation order, to break ties in sorting */
  guint  template;  /* which achievement wording */
  gint16 year;
  guint8 month;
  guint8 day;
  guint8 campaign;  /* not an annual review */
  gint16 period;
} Decision;

typedef struct
{
  Rng           rng;
  Organisation *organisations;
  guint         n_organisations;
  Person       *people;
  guint         n_people;
  Pool          pools[N_PROVINCES + 1]; /* the last one is the whole country */
  int           alliance_of[N_PROVINCES]; /* organisation index of a province's alliance, or -1 */
  Authority     authorities[N_AUTHORITIES];
  guint        *organisation_stamp;
  guint        *person_stamp;
  GHashTable   *fields; /* texts of the tables above, encoded, by address */
} World;

/* The encoded field of a text from the tables. */
static const Field *
world_field (World      *world,
             const char *text)
{
  Field *field = g_hash_table_lookup (world->fields, text);

  if (field == NULL)
    {
      field = g_new0 (Field, 1);
      field_init (field, text);
      g_hash_table_insert (world->fields, (gpointer) text, field);
    }
  return field;
}

static char *
make_place_name (Rng *rng)
{
  const char *first = place_first[rng_below (rng, G_N_ELEMENTS (place_first))];
  const char *second;

  do
    second = place_second[rng_below (rng, G_N_ELEMENTS (place_second))];
  while (strcmp (first, second) == 0);
  return g_strconcat (first, " ", second, NULL);
}

static guint
pick_org_prefix (Rng *rng)
{
  guint total = 0;
  guint r;

  for (guint i = 0; i < G_N_ELEMENTS (org_prefixes); i++)
    total += org_prefixes[i].weight;
  r = rng_below (rng, total);
  for (guint i = 0; i < G_N_ELEMENTS (org_prefixes); i++)
    {
      if (r < org_prefixes[i].weight)
        return i;
      r -= org_prefixes[i].weight;
    }
  return 0;
}

static int
pick_province (Rng *rng)
{
  guint total = 0;
  guint r;

  for (guint i = 0; i < N_PROVINCES; i++)
    total += provinces[i].org_weight;
  r = rng_below (rng, total);
  for (guint i = 0; i < N_PROVINCES; i++)
    {
      if (r < provinces[i].org_weight)
        return (int) i;
      r -= provinces[i].org_weight;
    }
  return 0;
}

/* Names must be unique the way the importer compares them, so compare case-folded. */
static gboolean
claim_name (GHashTable *seen,
            const char *name)
{
  char *key = g_utf8_casefold (name, -1);

  if (g_hash_table_contains (seen, key))
    {
      g_free (key);
      return FALSE;
    }
  g_hash_table_add (seen, key);
  return TRUE;
}

static void
make_organisations (World *world,
                    guint  n)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  world->organisations = g_new0 (Organisation, n);
  world->n_organisations = n;

  /* Each province's cooperative alliance is also a member organisation that gets awards. They go
   * last, where the skewed draws rarely land, so that they do not employ half the province. */
  for (guint p = 0; p < N_PROVINCES; p++)
    world->alliance_of[p] = -1;
  if (n > 2 * N_PROVINCES)
    {
      n -= N_PROVINCES;
      for (guint p = 0; p < N_PROVINCES; p++)
        {
          Organisation *alliance = &world->organisations[n + p];

          g_autofree char *name = g_strconcat ("Liên minh HTX ", provinces[p].name, NULL);

          field_init (&alliance->name, name);
          alliance->kind = ORG_ALLIANCE;
          alliance->province = (int) p;
          world->alliance_of[p] = (int) (n + p);
          claim_name (seen, name);
        }
    }

  for (guint i = 0; i < n; i++)
    {
      const OrgPrefix *prefix = NULL;
      g_autofree char *name = NULL;

      for (guint attempt = 0; name == NULL; attempt++)
        {
          g_autofree char *place = make_place_name (&world->rng);

          prefix = &org_prefixes[pick_org_prefix (&world->rng)];
          /* When the plain names run out, number them the way real namesakes are told apart. */
          if (attempt < 16)
            name = g_strconcat (prefix->prefix, " ", place, NULL);
          else
            name = g_strdup_printf ("%s %s %u", prefix->prefix, place, 2 + attempt / 16);
          if (!claim_name (seen, name))
            g_clear_pointer (&name, g_free);
        }
      field_init (&world->organisations[i].name, name);
      world->organisations[i].kind = prefix->kind;
      world->organisations[i].province = pick_province (&world->rng);
    }
}

static char *
make_person_name (Rng *rng)
{
  gboolean male = rng_chance (rng, 0.55);
  const char *family = PICK (rng, family_names);
  const char *middle = male ? PICK (rng, male_middle_names) : PICK (rng, female_middle_names);
  const char *given = male ? PICK (rng, male_given_names) : PICK (rng, female_given_names);

  /* Avoid "Nguyễn Thị Bích Bích" and the like. */
  while (g_str_has_suffix (middle, given))
    given = male ? PICK (rng, male_given_names) : PICK (rng, female_given_names);
  return g_strconcat (family, " ", middle, " ", given, NULL);
}

static void
make_people (World *world,
             guint  n)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  world->people = g_new0 (Person, n);
  world->n_people = n;

  for (guint i = 0; i < n; i++)
    {
      Person *person = &world->people[i];
      const Organisation *organisation;

      person->organisation = rng_skewed (&world->rng, world->n_organisations);
      organisation = &world->organisations[person->organisation];

      /* Two people of one organisation do not share a name, or the importer would merge them;
       * only a world with too few organisations for its people gets namesakes. */
      for (guint attempt = 0; ; attempt++)
        {
          g_autofree char *name = make_person_name (&world->rng);
          char *key;

          if (attempt >= 8)
            person->organisation = rng_below (&world->rng, world->n_organisations);
          key = g_strdup_printf ("%u\t%s", person->organisation, name);
          if (g_hash_table_contains (seen, key) && attempt < 64)
            {
              g_free (key);
              continue;
            }
          g_hash_table_add (seen, key);
          field_init (&person->name, name);
          break;
        }

      organisation = &world->organisations[person->organisation];
      switch (organisation->kind)
        {
        case ORG_COMPANY:
          person->position = world_field (world, PICK (&world->rng, company_positions));
          break;
        case ORG_ALLIANCE:
          person->position = world_field (world, PICK (&world->rng, alliance_positions));
          break;
        case ORG_COOPERATIVE:
        default:
          person->position = world_field (world, PICK (&world->rng, cooperative_positions));
          break;
        }
    }
}

static void
make_pools (World *world)
{
  for (guint p = 0; p <= N_PROVINCES; p++)
    {
      world->pools[p].organisations = g_ptr_array_new ();
      world->pools[p].people = g_ptr_array_new ();
    }
  for (guint i = 0; i < world->n_organisations; i++)
    {
      g_ptr_array_add (world->pools[world->organisations[i].province].organisations,
                       GUINT_TO_POINTER (i + 1));
      g_ptr_array_add (world->pools[N_PROVINCES].organisations, GUINT_TO_POINTER (i + 1));
    }
  for (guint i = 0; i < world->n_people; i++)
    {
      int province = world->organisations[world->people[i].organisation].province;

      g_ptr_array_add (world->pools[province].people, GUINT_TO_POINTER (i + 1));
      g_ptr_array_add (world->pools[N_PROVINCES].people, GUINT_TO_POINTER (i + 1));
    }
}

static void
make_authorities (World *world)
{
  for (guint a = 0; a < N_AUTHORITIES; a++)
    {
      const AuthoritySpec *spec = &authority_specs[a];
      Authority *authority = &world->authorities[a];

      authority->spec = spec;
      g_autofree char *name = NULL;

      if (spec->name != NULL)
        name = g_strdup (spec->name);
      else if (spec->level == LEVEL_PROVINCE)
        name = g_strconcat ("UBND ", provinces[spec->province].name, NULL);
      else
        name = g_strconcat ("Liên minh HTX ", provinces[spec->province].name, NULL);
      field_init (&authority->name, name);
      authority->numbers = g_hash_table_new (g_direct_hash, g_direct_equal);
    }
}

static void
world_free (World *world)
{
  for (guint i = 0; i < world->n_organisations; i++)
    field_clear (&world->organisations[i].name);
  g_free (world->organisations);
  for (guint i = 0; i < world->n_people; i++)
    field_clear (&world->people[i].name);
  g_free (world->people);
  for (guint p = 0; p <= N_PROVINCES; p++)
    {
      g_ptr_array_unref (world->pools[p].organisations);
      g_ptr_array_unref (world->pools[p].people);
    }
  for (guint a = 0; a < N_AUTHORITIES; a++)
    {
      field_clear (&world->authorities[a].name);
      g_hash_table_unref (world->authorities[a].numbers);
    }
  g_free (world->organisation_stamp);
  g_free (world->person_stamp);
  g_clear_pointer (&world->fields, g_hash_table_unref);
}

/* Decisions. */

static int
days_in_month (int year,
               int month)
{
  static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0))
    return 29;
  return days[month - 1];
}

static int
day_of_year (int year,
             int month,
             int day)
{
  int n = day;

  for (int m = 1; m < month; m++)
    n += days_in_month (year, m);
  return n;
}

/* More recent years weigh more: more cooperatives, and more of the archive typed in. */
static int
pick_year (Rng *rng)
{
  int span = LAST_YEAR - FIRST_YEAR + 1;
  guint total = (guint) (span * (span + 1) / 2) + 4 * (guint) span;
  guint r = rng_below (rng, total);

  for (int i = 0; i < span; i++)
    {
      guint weight = (guint) i + 5;

      if (r < weight)
        return FIRST_YEAR + i;
      r -= weight;
    }
  return LAST_YEAR;
}

static guint
pick_authority (Rng *rng)
{
  guint total = 0;
  guint r;

  for (guint a = 0; a < N_AUTHORITIES; a++)
    total += authority_specs[a].weight;
  r = rng_below (rng, total);
  for (guint a = 0; a < N_AUTHORITIES; a++)
    {
      if (r < authority_specs[a].weight)
        return a;
      r -= authority_specs[a].weight;
    }
  return 0;
}

static void
plan_decision (World    *world,
               Decision *decision,
               guint     forced_size)
{
  Rng *rng = &world->rng;
  const AuthoritySpec *spec;
  double kind = rng_unit (rng);
  int year = pick_year (rng);

  decision->authority = pick_authority (rng);
  spec = &authority_specs[decision->authority];
  if (forced_size > 0)
    decision->size = forced_size;
  else
    decision->size = (guint) rng_between (rng, level_awards[spec->level].min_size,
                                          level_awards[spec->level].max_size);
  decision->template = rng_below (rng, 4);
  decision->campaign = FALSE;

  if (kind < 0.55 || (kind < 0.75 && year == FIRST_YEAR))
    {
      /* The year-end review, signed in the last fortnight of December. */
      decision->month = 12;
      decision->day = (guint8) rng_between (rng, 15, 31);
      decision->period = (gint16) year;
    }
  else if (kind < 0.75)
    {
      /* The review of last year, signed early in the new year. */
      decision->month = (guint8) rng_between (rng, 1, 3);
      decision->day = (guint8) rng_between (rng, 2, days_in_month (year, decision->month));
      decision->period = (gint16) (year - 1);
    }
  else
    {
      /* Campaigns, anniversaries and exceptional awards, any time of the year. */
      decision->month = (guint8) rng_between (rng, 1, 12);
      decision->day = (guint8) rng_between (rng, 1, days_in_month (year, decision->month));
      decision->period = (gint16) year;
      decision->campaign = TRUE;
    }
  decision->year = (gint16) year;
}

static int
compare_decisions (gconstpointer a,
                   gconstpointer b)
{
  const Decision *x = a;
  const Decision *y = b;

  if (x->year != y->year)
    return x->year - y->year;
  if (x->month != y->month)
    return x->month - y->month;
  if (x->day != y->day)
    return x->day - y->day;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Numbers run through the year, roughly in step with the date; each is given once. */
static guint
number_decision (World          *world,
                 const Decision *decision)
{
  Authority *authority = &world->authorities[decision->authority];
  guint per_year = authority->spec->per_year;
  guint doy = (guint) day_of_year (decision->year, decision->month, decision->day);
  guint centre = MAX (1u, per_year * doy / 366);
  guint spread = MAX (8u, per_year / 50);

  for (guint attempt = 0; ; attempt++)
    {
      guint lo = centre > spread ? centre - spread : 1;
      guint number = lo + rng_below (&world->rng, 2 * spread);

      if (!g_hash_table_contains (authority->numbers, GUINT_TO_POINTER (number)))
        {
          g_hash_table_add (authority->numbers, GUINT_TO_POINTER (number));
          return number;
        }
      /* A crowded stretch: look further away. */
      if (attempt % 8 == 7)
        spread *= 2;
    }
}

/* Output, through our own buffer: stdio's per-character locking would cost more than all of
 * the generating. */

typedef struct
{
  FILE  *file;
  gsize  len;
  char   data[1 << 16];
} Output;

static void
output_flush (Output *out)
{
  if (out->len > 0)
    fwrite (out->data, 1, out->len, out->file);
  out->len = 0;
}

static inline void
output_byte (Output *out,
             char    c)
{
  if (out->len == sizeof out->data)
    output_flush (out);
  out->data[out->len++] = c;
}

static inline void
output_bytes (Output     *out,
              const char *text,
              gsize       len)
{
  if (out->len + len > sizeof out->data)
    {
      output_flush (out);
      if (len > sizeof out->data)
        {
          fwrite (text, 1, len, out->file);
          return;
        }
    }
  memcpy (out->data + out->len, text, len);
  out->len += len;
}

static const char csv_header[] =
  "decision_number,decision_date,authority,award,recipient_type,recipient,organisation,"
  "position,achievement,period\n";

/* The columns, in the order of the header. */
typedef struct
{
  const Field *decision_number;
  const Field *decision_date;
  const Field *authority;
  const Field *award;
  const Field *recipient_type;
  const Field *recipient;
  const Field *organisation;
  const Field *position;
  const Field *achievement;
  const Field *period;
} Row;

static void
output_row (Output    *out,
            const Row *row)
{
  const Field *fields[] = {
    row->decision_number, row->decision_date, row->authority, row->award, row->recipient_type,
    row->recipient, row->organisation, row->position, row->achievement, row->period,
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (i > 0)
        output_byte (out, ',');
      output_bytes (out, fields[i]->csv, fields[i]->len);
    }
  output_byte (out, '\n');
}

/* Draws a recipient not yet in this decision, first from the authority's own province, then
 * from the whole country. Returns the index + 1, or 0 when everybody is already in it. */
static guint
draw_recipient (World    *world,
                int       province,
                gboolean  collective,
                guint     stamp)
{
  guint *stamps = collective ? world->organisation_stamp : world->person_stamp;
  int pools[2] = { province, N_PROVINCES };
  guint n_pools = province == NATIONAL ? 1 : 2;

  if (province == NATIONAL)
    pools[0] = N_PROVINCES;

  for (guint p = 0; p < n_pools; p++)
    {
      GPtrArray *pool = collective ? world->pools[pools[p]].organisations
                                   : world->pools[pools[p]].people;
      guint start;

      if (pool->len == 0)
        continue;
      for (guint attempt = 0; attempt < 32; attempt++)
        {
          guint id = GPOINTER_TO_UINT (pool->pdata[rng_skewed (&world->rng, pool->len)]);

          if (stamps[id - 1] != stamp)
            {
              stamps[id - 1] = stamp;
              return id;
            }
        }
      /* Nearly everybody is in already: look through the whole pool. */
      start = rng_below (&world->rng, pool->len);
      for (guint k = 0; k < pool->len; k++)
        {
          guint id = GPOINTER_TO_UINT (pool->pdata[(start + k) % pool->len]);

          if (stamps[id - 1] != stamp)
            {
              stamps[id - 1] = stamp;
              return id;
            }
        }
    }
  return 0;
}

static const char *
achievement_template (const Decision  *decision,
                      const AwardSpec *award,
                      gboolean         collective)
{
  guint campaign = decision->template;

  switch (award->kind)
    {
    case AWARD_CAREER:
      return career_achievement;
    case AWARD_MEDAL:
      return medal_achievement;
    case AWARD_ANNUAL:
    default:
      if (!decision->campaign)
        return collective ? annual_collective_achievements[decision->template]
                          : annual_individual_achievements[decision->template];
      /* The new-countryside campaign started in 2010, the first Law on Cooperatives in 1997. */
      if (campaign == 0 && decision->period < 2010)
        campaign = 2;
      if (campaign == 2 && decision->period < 1997)
        campaign = 1;
      return campaign_achievements[campaign];
    }
}

/* The achievement texts of one decision, each formatted once. */
typedef struct
{
  guint n;
  struct
  {
    const char *template;
    Field       text;
  } entries[8];
} AchievementCache;

static const Field *
achievement_text (AchievementCache *cache,
                  const Decision   *decision,
                  const char       *template)
{
  g_autofree char *text = NULL;
  guint i;

  for (i = 0; i < cache->n; i++)
    if (cache->entries[i].template == template)
      return &cache->entries[i].text;
  g_assert (i < G_N_ELEMENTS (cache->entries));

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  text = g_strdup_printf (template, (int) decision->period, decision->period - 4);
#pragma GCC diagnostic pop
  cache->entries[i].template = template;
  field_init (&cache->entries[i].text, text);
  cache->n++;
  return &cache->entries[i].text;
}

static void
achievement_cache_clear (AchievementCache *cache)
{
  for (guint i = 0; i < cache->n; i++)
    field_clear (&cache->entries[i].text);
  cache->n = 0;
}

static guint64
write_decision (World          *world,
                Output         *out,
                const Decision *decision,
                guint           stamp,
                guint64         rows_left)
{
  Rng *rng = &world->rng;
  const Authority *authority = &world->authorities[decision->authority];
  const AuthoritySpec *spec = authority->spec;
  const LevelAwards *level = &level_awards[spec->level];
  guint n_level_awards = level_n_awards (level);
  Weighted weights[MAX_LEVEL_AWARDS];
  guint chosen[3];
  guint n_chosen = 0;
  guint n_wanted = 1 + (rng_chance (rng, 0.35) ? 1 : 0) + (rng_chance (rng, 0.15) ? 1 : 0);
  char text[64];
  Field number;
  Field date;
  Field period;
  AchievementCache achievements = { 0 };
  guint64 written = 0;

  /* The awards this decision gives: one to three of those the authority may grant. */
  for (guint i = 0; i < n_level_awards; i++)
    weights[i] = (Weighted) { level->awards[i].name, level->awards[i].weight };
  while (n_chosen < MIN (n_wanted, n_level_awards))
    {
      guint pick = weighted_pick (rng, weights, n_level_awards);
      gboolean again = FALSE;

      for (guint k = 0; k < n_chosen; k++)
        again |= chosen[k] == pick;
      if (!again)
        chosen[n_chosen++] = pick;
    }

  /* Before the 2003 decree the People's Committees signed "QĐ-UB". */
  if (decision->year < 2004 && strcmp (spec->suffix, "QĐ-UBND") == 0)
    g_snprintf (text, sizeof text, "%u/QĐ-UB", number_decision (world, decision));
  else
    g_snprintf (text, sizeof text, "%u/%s", number_decision (world, decision), spec->suffix);
  field_init (&number, text);
  g_snprintf (text, sizeof text, "%04d-%02d-%02d", decision->year, decision->month, decision->day);
  field_init (&date, text);
  g_snprintf (text, sizeof text, "%d", decision->period);
  field_init (&period, text);

  /* A provincial alliance does not honour itself. */
  if (spec->level == LEVEL_PROVINCIAL_ALLIANCE && world->alliance_of[spec->province] >= 0)
    world->organisation_stamp[world->alliance_of[spec->province]] = stamp;

  for (guint r = 0; r < decision->size && written < rows_left; r++)
    {
      gboolean collective = rng_chance (rng, 0.35);
      const AwardSpec *award = NULL;
      guint candidates[3];
      guint n_candidates = 0;
      guint id;
      Row row;

      id = draw_recipient (world, spec->province, collective, stamp);
      if (id == 0)
        {
          collective = !collective;
          id = draw_recipient (world, spec->province, collective, stamp);
          if (id == 0)
            break;
        }

      for (guint k = 0; k < n_chosen; k++)
        {
          Eligibility e = level->awards[chosen[k]].eligibility;

          if (e == ELIGIBLE_BOTH || (e == ELIGIBLE_COLLECTIVE) == collective)
            candidates[n_candidates++] = chosen[k];
        }
      if (n_candidates > 0)
        award = &level->awards[candidates[rng_below (rng, n_candidates)]];
      else
        award = &level->awards[level->fallback];

      row.decision_number = &number;
      row.decision_date = &date;
      row.authority = &authority->name;
      row.award = world_field (world, award->name);
      row.achievement = achievement_text (&achievements, decision,
                                          achievement_template (decision, award, collective));
      row.period = &period;
      if (collective)
        {
          row.recipient_type = world_field (world, "collective");
          row.recipient = &world->organisations[id - 1].name;
          row.organisation = world_field (world, "");
          row.position = world_field (world, "");
        }
      else
        {
          const Person *person = &world->people[id - 1];

          row.recipient_type = world_field (world, "individual");
          row.recipient = &person->name;
          row.organisation = &world->organisations[person->organisation].name;
          row.position = person->position;
          /* The 2012 Law on Cooperatives renamed members "thành viên". */
          if (decision->year >= 2013 && strcmp (row.position->csv, "Xã viên") == 0)
            row.position = world_field (world, "Thành viên");
        }
      output_row (out, &row);
      written++;
    }

  field_clear (&number);
  field_clear (&date);
  field_clear (&period);
  achievement_cache_clear (&achievements);
  return written;
}

static gboolean
parse_count (const char *text,
             guint64     max,
             guint64    *out)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 0, max, &value, NULL))
    return FALSE;
  *out = value;
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *seed_text = NULL;
  g_autofree char *rows_text = NULL;
  g_autofree char *organisations_text = NULL;
  g_autofree char *size_text = NULL;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "seed", 's', 0, G_OPTION_ARG_STRING, &seed_text, "Random seed (default 1)", "N" },
    { "rows", 'n', 0, G_OPTION_ARG_STRING, &rows_text, "Rows to write (default 200000)", "N" },
    { "organisations", 0, 0, G_OPTION_ARG_STRING, &organisations_text,
      "Distinct organisations (default 3000)", "N" },
    { "decision-size", 0, 0, G_OPTION_ARG_STRING, &size_text,
      "Recipients in every decision (default: random, 3 to 40)", "N" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write here instead of stdout", "FILE" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree Decision *decisions = NULL;
  guint64 seed = 1;
  guint64 rows = 200000;
  guint64 n_organisations = 3000;
  guint64 decision_size = 0;
  guint64 planned = 0;
  guint64 written = 0;
  guint n_decisions = 0;
  guint capacity;
  World world = { 0 };
  static Output out;

  context = g_option_context_new ("- write a deterministic award list for benchmarks");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (argc > 1)
    {
      g_printerr ("Unexpected argument: %s\n", argv[1]);
      return 2;
    }
  if ((seed_text != NULL && !parse_count (seed_text, G_MAXUINT64, &seed))
      || (rows_text != NULL && !parse_count (rows_text, G_MAXUINT32, &rows))
      || (organisations_text != NULL
          && !parse_count (organisations_text, G_MAXUINT32 / 2, &n_organisations))
      || (size_text != NULL && !parse_count (size_text, G_MAXUINT32, &decision_size)))
    {
      g_printerr ("--seed, --rows, --organisations and --decision-size take a whole number\n");
      return 2;
    }
  if (n_organisations == 0 || (size_text != NULL && decision_size == 0))
    {
      g_printerr ("--organisations and --decision-size must be at least 1\n");
      return 2;
    }

  rng_init (&world.rng, seed);
  world.fields = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, field_free);
  make_organisations (&world, (guint) n_organisations);
  /* About one person for every four awards, as in a provincial archive. */
  make_people (&world, (guint) MAX (1, rows / 4));
  make_pools (&world);
  make_authorities (&world);
  world.organisation_stamp = g_new0 (guint, world.n_organisations);
  world.person_stamp = g_new0 (guint, world.n_people);

  /* Plan every decision first, so that they can be written in date order. */
  capacity = 1024;
  decisions = g_new (Decision, capacity);
  while (planned < rows)
    {
      if (n_decisions == capacity)
        {
          capacity *= 2;
          decisions = g_renew (Decision, decisions, capacity);
        }
      plan_decision (&world, &decisions[n_decisions], (guint) decision_size);
      decisions[n_decisions].seq = n_decisions;
      planned += decisions[n_decisions].size;
      n_decisions++;
    }
  qsort (decisions, n_decisions, sizeof (Decision), compare_decisions);

  if (output != NULL)
    {
      out.file = fopen (output, "wb");
      if (out.file == NULL)
        {
          g_printerr ("Cannot write %s: %s\n", output, g_strerror (errno));
          world_free (&world);
          return 1;
        }
    }
  else
    out.file = stdout;

  output_bytes (&out, csv_header, strlen (csv_header));
  /* A decision runs short only when it wants more recipients than the world has; then the plan
   * is used again from the start, with new numbers, until the rows are written. */
  for (guint d = 0; written < rows; d++)
    {
      guint64 n = write_decision (&world, &out, &decisions[d % n_decisions], d + 1,
                                  rows - written);

      if (n == 0)
        break;
      written += n;
    }
  output_flush (&out);

  if (fflush (out.file) != 0 || ferror (out.file)
      || (out.file != stdout && fclose (out.file) != 0))
    {
      g_printerr ("Cannot write %s: %s\n", output != NULL ? output : "stdout",
                  g_strerror (errno));
      world_free (&world);
      return 1;
    }
  world_free (&world);
  return 0;
}
