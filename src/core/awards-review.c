/* awards-review.c: names and labels of ratings, scopes, levels and staff classes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "awards-review.h"
#include "awards-text.h"

typedef struct
{
  const char *name;        /* machine name */
  const char *label;       /* Vietnamese label */
  const char *aliases;     /* folded alternatives, '|'-separated */
} Names;

/* The labels are the law's words: documents print them in Vietnamese whatever the interface
 * language, so they are not translated. */
static const Names ratings[] = {
  { NULL, NULL, NULL },
  { "excellent", "Hoàn thành xuất sắc nhiệm vụ", "htxsnv|xuat sac" },
  { "good", "Hoàn thành tốt nhiệm vụ", "httnv|tot" },
  { "completed", "Hoàn thành nhiệm vụ", "htnv|hoan thanh" },
  { "not_completed", "Không hoàn thành nhiệm vụ", "khtnv|khong hoan thanh" },
};

static const Names scopes[] = {
  { NULL, NULL, NULL },
  { "base", "cơ sở", "co so|cap co so" },
  { "province", "tỉnh", "tinh|cap tinh|bo|cap bo|nganh|cap bo, nganh, tinh|bo, nganh, tinh" },
  { "national", "toàn quốc", "toan quoc|quoc gia|national" },
};

static const Names levels[] = {
  { NULL, NULL, NULL },
  { "central", "Trung ương", "trung uong|nha nuoc|cap nha nuoc" },
  { "province", "Bộ, ngành, tỉnh", "bo, nganh, tinh|tinh|bo|nganh|cap tinh|cap bo" },
  { "district", "Huyện", "huyen|cap huyen" },
  { "base", "Cơ sở", "co so|cap co so" },
};

static const Names staff_classes[] = {
  { NULL, NULL, NULL },
  { "leader_province", "Lãnh đạo cấp bộ, tỉnh trở lên", "lanh dao cap bo, tinh" },
  { "leader_department", "Lãnh đạo cấp vụ, sở và tương đương", "lanh dao cap vu, so" },
  { "entrepreneur", "Doanh nhân", "doanh nhan" },
  { "leader_other", "Lãnh đạo khác từ phó trưởng phòng trở lên", "lanh dao khac|leader" },
  { "worker", "Người trực tiếp lao động, sản xuất", "truc tiep|cong nhan|nong dan|direct worker" },
};

static const char *
get_name (const Names *names,
          guint        n_names,
          guint        value)
{
  return value > 0 && value < n_names ? names[value].name : NULL;
}

static const char *
get_label (const Names *names,
           guint        n_names,
           guint        value)
{
  return value > 0 && value < n_names ? names[value].label : NULL;
}

static guint
parse (const Names *names,
       guint        n_names,
       const char  *text)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return 0;
  folded = awards_text_fold (text);
  if (folded == NULL || folded[0] == '\0')
    return 0;
  for (guint i = 1; i < n_names; i++)
    {
      g_autofree char *label = awards_text_fold (names[i].label);
      g_auto(GStrv) aliases = g_strsplit (names[i].aliases, "|", -1);

      if (g_str_equal (folded, names[i].name) || g_str_equal (folded, label))
        return i;
      for (guint j = 0; aliases[j] != NULL; j++)
        if (g_str_equal (folded, aliases[j]))
          return i;
    }
  return 0;
}

#define DEFINE_NAMES(prefix, Type, table) \
  const char *prefix##_to_string (Type value) \
  { return get_name (table, G_N_ELEMENTS (table), value); } \
  const char *prefix##_get_label (Type value) \
  { return get_label (table, G_N_ELEMENTS (table), value); } \
  Type prefix##_parse (const char *text) \
  { return (Type) parse (table, G_N_ELEMENTS (table), text); }

DEFINE_NAMES (awards_rating, AwardsRating, ratings)
DEFINE_NAMES (awards_scope, AwardsScope, scopes)
DEFINE_NAMES (awards_level, AwardsLevel, levels)
DEFINE_NAMES (awards_staff_class, AwardsStaffClass, staff_classes)

void
awards_rating_record_free (AwardsRatingRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->recipient);
  g_free (record->organisation);
  g_free (record);
}

void
awards_initiative_free (AwardsInitiative *initiative)
{
  if (initiative == NULL)
    return;
  g_free (initiative->title);
  g_free (initiative);
}

void
awards_staff_class_entry_free (AwardsStaffClassEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->position);
  g_free (entry);
}

void
awards_reporting_year_range (int     year,
                             char  **date_from,
                             char  **date_to)
{
  if (date_from != NULL)
    *date_from = g_strdup_printf ("%04d-12-01", year - 1);
  if (date_to != NULL)
    *date_to = g_strdup_printf ("%04d-11-30", year);
}

int
awards_reporting_year_of (const char *iso_date)
{
  int year, month;

  if (iso_date == NULL || sscanf (iso_date, "%4d-%2d", &year, &month) != 2)
    return 0;
  return month == 12 ? year + 1 : year;
}
