#include "config.h"

#include <string.h>

#include "awards-catalogue.h"
#include "awards-text.h"

static const AwardsCatalogueEntry catalogue[] = {
  { "Huân chương Sao vàng", AWARDS_AWARD_CATEGORY_FORM, AWARDS_ELIGIBILITY_BOTH, 10 },
  { "Huân chương Hồ Chí Minh", AWARDS_AWARD_CATEGORY_FORM, AWARDS_ELIGIBILITY_BOTH, 11 },
  { "Huân chương Độc lập", AWARDS_AWARD_CATEGORY_FORM, AWARDS_ELIGIBILITY_BOTH, 12 },
  { "Huân chương Lao động hạng Nhất", AWARDS_AWARD_CATEGORY_FORM, AWARDS_ELIGIBILITY_BOTH, 13 },
  { "Huân chương Lao động hạng Nhì", AWARDS_AWARD_CATEGORY_FORM, AWARDS_ELIGIBILITY_BOTH, 14 },
  { "Huân chương Lao động hạng Ba", AWARDS_AWARD_CATEGORY_FORM, AWARDS_ELIGIBILITY_BOTH, 15 },
  { "Cờ thi đua của Chính phủ", AWARDS_AWARD_CATEGORY_TITLE, AWARDS_ELIGIBILITY_COLLECTIVE, 20 },
  { "Chiến sĩ thi đua toàn quốc", AWARDS_AWARD_CATEGORY_TITLE, AWARDS_ELIGIBILITY_INDIVIDUAL, 21 },
  { "Bằng khen của Thủ tướng Chính phủ", AWARDS_AWARD_CATEGORY_FORM, AWARDS_ELIGIBILITY_BOTH, 22 },
  { "Cờ thi đua xuất sắc", AWARDS_AWARD_CATEGORY_TITLE, AWARDS_ELIGIBILITY_COLLECTIVE, 30 },
  { "Cờ thi đua", AWARDS_AWARD_CATEGORY_TITLE, AWARDS_ELIGIBILITY_COLLECTIVE, 31 },
  { "Chiến sĩ thi đua cấp bộ", AWARDS_AWARD_CATEGORY_TITLE, AWARDS_ELIGIBILITY_INDIVIDUAL, 32 },
  { "Chiến sĩ thi đua cấp tỉnh", AWARDS_AWARD_CATEGORY_TITLE, AWARDS_ELIGIBILITY_INDIVIDUAL, 33 },
  { "Tập thể lao động xuất sắc", AWARDS_AWARD_CATEGORY_TITLE, AWARDS_ELIGIBILITY_COLLECTIVE, 34 },
  { "Bằng khen", AWARDS_AWARD_CATEGORY_FORM, AWARDS_ELIGIBILITY_BOTH, 35 },
  { "Kỷ niệm chương", AWARDS_AWARD_CATEGORY_FORM, AWARDS_ELIGIBILITY_BOTH, 36 },
  { "Tập thể lao động tiên tiến", AWARDS_AWARD_CATEGORY_TITLE, AWARDS_ELIGIBILITY_COLLECTIVE, 40 },
  { "Chiến sĩ thi đua cơ sở", AWARDS_AWARD_CATEGORY_TITLE, AWARDS_ELIGIBILITY_INDIVIDUAL, 41 },
  { "Lao động tiên tiến", AWARDS_AWARD_CATEGORY_TITLE, AWARDS_ELIGIBILITY_INDIVIDUAL, 50 },
  { "Giấy khen", AWARDS_AWARD_CATEGORY_FORM, AWARDS_ELIGIBILITY_BOTH, 51 },
};

const AwardsCatalogueEntry *
awards_catalogue_get_entries (guint *n_entries)
{
  g_return_val_if_fail (n_entries != NULL, NULL);

  *n_entries = G_N_ELEMENTS (catalogue);
  return catalogue;
}

static gboolean
starts_with_word (const char *folded,
                  const char *prefix)
{
  gsize len = strlen (prefix);

  return strncmp (folded, prefix, len) == 0 && (folded[len] == '\0' || folded[len] == ' ');
}

AwardsEligibility
awards_catalogue_eligibility_for_name (const char *name)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (name != NULL, AWARDS_ELIGIBILITY_BOTH);

  /* Flags and "Tập thể …" titles go to collectives; "Chiến sĩ thi đua …" and "Lao động tiên tiến"
   * to individuals; everything else (Bằng khen, Giấy khen, orders, medals) to both. */
  folded = awards_text_fold (name);
  if (folded == NULL)
    return AWARDS_ELIGIBILITY_BOTH;
  if (starts_with_word (folded, "co thi dua") || starts_with_word (folded, "tap the"))
    return AWARDS_ELIGIBILITY_COLLECTIVE;
  if (starts_with_word (folded, "chien si thi dua") || starts_with_word (folded, "lao dong tien tien"))
    return AWARDS_ELIGIBILITY_INDIVIDUAL;
  return AWARDS_ELIGIBILITY_BOTH;
}

AwardsAwardCategory
awards_catalogue_category_for_name (const char *name)
{
  AwardsEligibility eligibility = awards_catalogue_eligibility_for_name (name);

  /* Every emulation title is reserved to one kind of recipient; forms are for both. */
  return eligibility == AWARDS_ELIGIBILITY_BOTH ? AWARDS_AWARD_CATEGORY_FORM
                                                : AWARDS_AWARD_CATEGORY_TITLE;
}
