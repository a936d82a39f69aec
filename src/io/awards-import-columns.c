/* awards-import-columns.c: the column names of the flat award list, in English and Vietnamese
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "awards-import-columns.h"
#include "awards-text.h"

/*
 * Offices name the columns of their lists in Vietnamese, each office a little differently, with
 * or without diacritics, capitals and punctuation. Names are compared folded (lower case, no
 * diacritics, đ written d) with everything but letters and digits made one space, so
 * "Số QĐ", "SỐ QĐ." and "so qd" are one name. The first Vietnamese name of each column is the
 * one export writes.
 */
static const struct
{
  const char *name;
  const char *label;
  const char *vi_name;
  const char *folded[12];
} columns[AWARDS_IMPORT_N_COLUMNS] = {
  [AWARDS_IMPORT_COLUMN_DECISION_NUMBER] = {
    "decision_number", N_("Decision number"), "Số quyết định",
    { "so quyet dinh", "so qd", "quyet dinh so", "so hieu quyet dinh", "quyet dinh",
      "so ky hieu", "so ky hieu qd", "so ky hieu quyet dinh", "so qd khen thuong",
      "so quyet dinh khen thuong", NULL } },
  [AWARDS_IMPORT_COLUMN_DECISION_DATE] = {
    "decision_date", N_("Decision date"), "Ngày quyết định",
    { "ngay quyet dinh", "ngay qd", "ngay ky", "ngay ky quyet dinh", "ngay",
      "ngay thang nam qd", "ngay thang nam quyet dinh", "ngay ban hanh", "ngay thang nam ban hanh",
      "ngay qd khen thuong", NULL } },
  [AWARDS_IMPORT_COLUMN_AUTHORITY] = {
    "authority", N_("Authority"), "Cơ quan khen thưởng",
    { "co quan khen thuong", "cap khen", "cap khen thuong", "co quan quyet dinh",
      "co quan ban hanh", "cap quyet dinh", "co quan ra quyet dinh", NULL } },
  [AWARDS_IMPORT_COLUMN_AWARD] = {
    "award", N_("Award"), "Hình thức khen thưởng",
    { "hinh thuc khen thuong", "danh hieu", "hinh thuc", "danh hieu thi dua",
      "hinh thuc danh hieu", "khen thuong", "hinh thuc kt", "hinh thuc khen", NULL } },
  [AWARDS_IMPORT_COLUMN_RECIPIENT_TYPE] = {
    "recipient_type", N_("Recipient type"), "Đối tượng",
    { "doi tuong", "loai", "loai doi tuong", "tap the ca nhan", "ca nhan tap the",
      "doi tuong khen thuong", NULL } },
  [AWARDS_IMPORT_COLUMN_RECIPIENT] = {
    "recipient", N_("Recipient"), "Họ và tên",
    { "ho va ten", "ho ten", "ten tap the", "ten", "ten tap the ca nhan",
      "ho va ten ten tap the", "ten ca nhan tap the", NULL } },
  [AWARDS_IMPORT_COLUMN_ORGANISATION] = {
    "organisation", N_("Organisation"), "Đơn vị",
    { "don vi", "don vi cong tac", "co quan don vi", "to chuc", NULL } },
  [AWARDS_IMPORT_COLUMN_POSITION] = {
    "position", N_("Position"), "Chức vụ",
    { "chuc vu", "chuc danh", NULL } },
  [AWARDS_IMPORT_COLUMN_ACHIEVEMENT] = {
    "achievement", N_("Achievement"), "Thành tích",
    { "thanh tich", "noi dung", "noi dung thanh tich", "ly do", NULL } },
  [AWARDS_IMPORT_COLUMN_PERIOD] = {
    "period", N_("Period"), "Năm",
    { "nam", "nam khen thuong", "giai doan", NULL } },
};

static const char *const ignored[] = { "stt", "tt", "so tt", "so thu tu", NULL };

/* Folded words of @name separated by single spaces, nothing else. */
static char *
fold_name (const char *name)
{
  g_autofree char *folded = awards_text_fold (name);
  GString *out = g_string_new (NULL);
  gboolean pending = FALSE;

  for (const char *p = folded != NULL ? folded : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalnum (c))
        {
          pending = out->len > 0;
          continue;
        }
      if (pending)
        g_string_append_c (out, ' ');
      pending = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/**
 * awards_import_column_from_name:
 * @name: a header field, trimmed
 *
 * The column that @name names: its English name in any case ("decision_number", also written
 * "Decision number"), or one of its Vietnamese names.
 *
 * Returns: the column, %AWARDS_IMPORT_COLUMN_IGNORED for a running number column, or
 *   %AWARDS_IMPORT_COLUMN_UNKNOWN
 */
AwardsImportColumn
awards_import_column_from_name (const char *name)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (name != NULL, AWARDS_IMPORT_COLUMN_UNKNOWN);

  for (guint i = 0; i < AWARDS_IMPORT_N_COLUMNS; i++)
    if (g_ascii_strcasecmp (name, columns[i].name) == 0)
      return (AwardsImportColumn) i;

  folded = fold_name (name);
  for (guint i = 0; ignored[i] != NULL; i++)
    if (strcmp (folded, ignored[i]) == 0)
      return AWARDS_IMPORT_COLUMN_IGNORED;

  for (guint i = 0; i < AWARDS_IMPORT_N_COLUMNS; i++)
    {
      g_autofree char *english = g_strdelimit (g_strdup (columns[i].name), "_", ' ');

      if (strcmp (folded, english) == 0)
        return (AwardsImportColumn) i;
      for (guint j = 0; columns[i].folded[j] != NULL; j++)
        if (strcmp (folded, columns[i].folded[j]) == 0)
          return (AwardsImportColumn) i;
    }

  return AWARDS_IMPORT_COLUMN_UNKNOWN;
}

/* Returns: the English name that export writes, e.g. "decision_number" */
const char *
awards_import_column_get_name (AwardsImportColumn column)
{
  g_return_val_if_fail (column >= 0 && column < AWARDS_IMPORT_N_COLUMNS, NULL);
  return columns[column].name;
}

/* Returns: the Vietnamese name that export writes with Vietnamese headers */
const char *
awards_import_column_get_vi_name (AwardsImportColumn column)
{
  g_return_val_if_fail (column >= 0 && column < AWARDS_IMPORT_N_COLUMNS, NULL);
  return columns[column].vi_name;
}

/* Returns: the column's name in the interface language, for people to read */
const char *
awards_import_column_get_label (AwardsImportColumn column)
{
  g_return_val_if_fail (column >= 0 && column < AWARDS_IMPORT_N_COLUMNS, NULL);
  return g_dgettext (GETTEXT_PACKAGE, columns[column].label);
}

/**
 * awards_import_columns_are_header:
 * @fields: (array length=n_fields): the cells of a row, trimmed
 * @n_fields: their number
 *
 * Whether a row of a spreadsheet is the header of the list rather than a line of the title
 * block above it: at least three of its cells name columns, among them the recipient and the
 * award.
 */
gboolean
awards_import_columns_are_header (const char * const *fields,
                                  guint               n_fields)
{
  gboolean present[AWARDS_IMPORT_N_COLUMNS] = { FALSE, };
  guint n_known = 0;

  for (guint i = 0; i < n_fields; i++)
    {
      AwardsImportColumn column;

      if (fields[i] == NULL || fields[i][0] == '\0')
        continue;
      column = awards_import_column_from_name (fields[i]);
      if (column >= 0 && !present[column])
        {
          present[column] = TRUE;
          n_known++;
        }
    }

  return n_known >= 3 && present[AWARDS_IMPORT_COLUMN_RECIPIENT] &&
         present[AWARDS_IMPORT_COLUMN_AWARD];
}
