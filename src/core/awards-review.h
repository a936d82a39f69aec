/* awards-review.h: what the year-end review knows besides awards: ratings, initiatives, levels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "awards-enums.h"

G_BEGIN_DECLS

/* The annual rating of a person or an organisation (mức độ hoàn thành nhiệm vụ), best first. */
typedef enum
{
  AWARDS_RATING_NONE = 0,
  AWARDS_RATING_EXCELLENT,       /* Hoàn thành xuất sắc nhiệm vụ */
  AWARDS_RATING_GOOD,            /* Hoàn thành tốt nhiệm vụ */
  AWARDS_RATING_COMPLETED,       /* Hoàn thành nhiệm vụ */
  AWARDS_RATING_NOT_COMPLETED,   /* Không hoàn thành nhiệm vụ */
} AwardsRating;

/* Where an initiative or a research project was recognised, narrowest first. */
typedef enum
{
  AWARDS_SCOPE_NONE = 0,
  AWARDS_SCOPE_BASE,             /* cơ sở */
  AWARDS_SCOPE_PROVINCE,         /* bộ, ngành, tỉnh */
  AWARDS_SCOPE_NATIONAL,         /* toàn quốc */
} AwardsScope;

/* The level of an authority, highest first. */
typedef enum
{
  AWARDS_LEVEL_NONE = 0,
  AWARDS_LEVEL_CENTRAL,          /* Trung ương: Chủ tịch nước, Chính phủ, Thủ tướng */
  AWARDS_LEVEL_PROVINCE,         /* bộ, ban, ngành, đoàn thể Trung ương, tỉnh */
  AWARDS_LEVEL_DISTRICT,         /* huyện */
  AWARDS_LEVEL_BASE,             /* cơ sở */
} AwardsLevel;

/* The staff classes of the statistics forms 0602.N and 0603.N. */
typedef enum
{
  AWARDS_STAFF_CLASS_NONE = 0,
  AWARDS_STAFF_CLASS_LEADER_PROVINCE,    /* lãnh đạo cấp bộ, tỉnh trở lên */
  AWARDS_STAFF_CLASS_LEADER_DEPARTMENT,  /* lãnh đạo cấp vụ, sở và tương đương */
  AWARDS_STAFF_CLASS_ENTREPRENEUR,       /* doanh nhân */
  AWARDS_STAFF_CLASS_LEADER_OTHER,       /* lãnh đạo khác từ phó trưởng phòng trở lên */
  AWARDS_STAFF_CLASS_WORKER,             /* người trực tiếp lao động, sản xuất */
} AwardsStaffClass;

#define AWARDS_N_STAFF_CLASSES 5

/* Machine names ("excellent", "province", …), as stored and as written in CSV files. */
const char       *awards_rating_to_string      (AwardsRating      rating);
const char       *awards_scope_to_string       (AwardsScope       scope);
const char       *awards_level_to_string       (AwardsLevel       level);
const char       *awards_staff_class_to_string (AwardsStaffClass  staff_class);

/* Vietnamese labels, as the law and the forms write them. */
const char       *awards_rating_get_label      (AwardsRating      rating);
const char       *awards_scope_get_label       (AwardsScope       scope);
const char       *awards_level_get_label       (AwardsLevel       level);
const char       *awards_staff_class_get_label (AwardsStaffClass  staff_class);

/* Read a machine name, a Vietnamese label (accents optional) or a usual abbreviation
 * ("HTXSNV", "tỉnh"); NONE when the text means nothing known. */
AwardsRating      awards_rating_parse          (const char       *text);
AwardsScope       awards_scope_parse           (const char       *text);
AwardsLevel       awards_level_parse           (const char       *text);
AwardsStaffClass  awards_staff_class_parse     (const char       *text);

/* One rating of one recipient; recipient and organisation are names for display. */
typedef struct
{
  gint64               id;
  AwardsRecipientKind  kind;
  gint64               recipient_id;
  char                *recipient;
  char                *organisation;    /* a person's current organisation, or NULL */
  int                  year;
  AwardsRating         rating;
} AwardsRatingRecord;

/* One recognised initiative or research project. */
typedef struct
{
  gint64               id;
  AwardsRecipientKind  kind;
  gint64               recipient_id;
  int                  year;
  char                *title;
  AwardsScope          scope;
} AwardsInitiative;

/* A position and its staff class, as the clerk keeps them. */
typedef struct
{
  char             *position;
  AwardsStaffClass  staff_class;
} AwardsStaffClassEntry;

/* The statutory reporting year of emulation and commendation @year (TT 02/2023/TT-BNV): from
 * 01/12 of the year before to 30/11 of @year, as ISO dates. */
void awards_reporting_year_range (int     year,
                                  char  **date_from,
                                  char  **date_to);
/* The reporting year an ISO date falls in: December belongs to the next year. 0 if not a date. */
int  awards_reporting_year_of    (const char *iso_date);

void awards_rating_record_free     (AwardsRatingRecord    *record);
void awards_initiative_free        (AwardsInitiative      *initiative);
void awards_staff_class_entry_free (AwardsStaffClassEntry *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwardsRatingRecord, awards_rating_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwardsInitiative, awards_initiative_free)

G_END_DECLS
