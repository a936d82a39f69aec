/* awards-statistics.c: the statistics forms 0602.N and 0603.N of TT 02/2023/TT-BNV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "awards-report-private.h"
#include "awards-review-store.h"
#include "awards-statistics.h"
#include "awards-text.h"

/*
 * The forms' structure follows TT 02/2023/TT-BNV (in force from 10/5/2023) as REFERENCE.md
 * describes it: stub columns A (row label), B (code) and C (unit), then numbered data columns;
 * rows 01 total, by recipient, by staff class and by kind of commendation. The texts are the
 * forms' own Vietnamese, whatever the interface language.
 */

typedef enum
{
  ROW_TOTAL,
  ROW_SUBMITTED_CENTRAL,
  ROW_SUBMITTED_PROVINCE,
  ROW_COLLECTIVE,
  ROW_ENTERPRISE,
  ROW_HOUSEHOLD,
  ROW_INDIVIDUAL,
  ROW_CLASS_LEADER_PROVINCE,
  ROW_CLASS_LEADER_DEPARTMENT,
  ROW_CLASS_ENTREPRENEUR,
  ROW_CLASS_LEADER_OTHER,
  ROW_CLASS_WORKER,
  ROW_KIND_ANNUAL,
  ROW_KIND_CAMPAIGN,
  ROW_KIND_EXCEPTIONAL,
  ROW_KIND_FOREIGN,
  ROW_KIND_CAREER,
  ROW_KIND_SERVICE,
  ROW_KIND_RESISTANCE,
} RowSelector;

typedef struct
{
  RowSelector  selector;
  const char  *label;
  const char  *unit;
} FormRow;

typedef enum
{
  WHO_ANY,
  WHO_COLLECTIVE,
  WHO_INDIVIDUAL,
} Who;

typedef struct
{
  const char *group;       /* a heading over several columns, or NULL */
  const char *label;
  const char *prefixes;    /* folded award names, '|'-separated; NULL = every award; "" = other */
  Who         who;
} FormColumn;

typedef struct
{
  const char       *number;
  const char       *title;
  AwardsLevel       level;
  gboolean          landscape;
  const char       *received;      /* "Ngày nhận báo cáo", or NULL */
  const FormRow    *rows;
  guint             n_rows;
  const FormColumn *columns;
  guint             n_columns;
} FormInfo;

#define RECIPIENT_ROWS \
  { ROW_COLLECTIVE, "1. Tập thể", "Tập thể" }, \
  { ROW_ENTERPRISE, "Trong đó: Doanh nghiệp", "Doanh nghiệp" }, \
  { ROW_HOUSEHOLD, "2. Hộ gia đình", "Hộ" }, \
  { ROW_INDIVIDUAL, "3. Cá nhân", "Người" }, \
  { ROW_CLASS_LEADER_PROVINCE, "- Lãnh đạo cấp bộ, tỉnh và tương đương trở lên", "Người" }, \
  { ROW_CLASS_LEADER_DEPARTMENT, "- Lãnh đạo cấp vụ, sở và tương đương", "Người" }, \
  { ROW_CLASS_ENTREPRENEUR, "- Doanh nhân", "Người" }, \
  { ROW_CLASS_LEADER_OTHER, "- Lãnh đạo khác từ phó trưởng phòng và tương đương trở lên", \
    "Người" }, \
  { ROW_CLASS_WORKER, "- Người trực tiếp lao động, sản xuất, công tác (công nhân, nông dân, " \
    "…)", "Người" }, \
  { ROW_KIND_ANNUAL, "4. Chia theo loại hình: - Thường xuyên (tổng kết năm)", "Lượt" }, \
  { ROW_KIND_CAMPAIGN, "- Theo đợt, chuyên đề", "Lượt" }, \
  { ROW_KIND_EXCEPTIONAL, "- Đột xuất", "Lượt" }, \
  { ROW_KIND_FOREIGN, "- Đối ngoại", "Lượt" }, \
  { ROW_KIND_CAREER, "- Quá trình cống hiến", "Lượt" }, \
  { ROW_KIND_SERVICE, "- Niên hạn", "Lượt" }, \
  { ROW_KIND_RESISTANCE, "- Thành tích kháng chiến", "Lượt" }

static const FormRow rows_0602[] = {
  { ROW_TOTAL, "Tổng số", "Lượt" },
  { ROW_SUBMITTED_CENTRAL, "Chia theo cơ quan trình: - Bộ, ban, ngành, đoàn thể Trung ương",
    "Lượt" },
  { ROW_SUBMITTED_PROVINCE, "- Tỉnh, thành phố trực thuộc Trung ương", "Lượt" },
  RECIPIENT_ROWS,
};

static const FormRow rows_0603[] = {
  { ROW_TOTAL, "Tổng số", "Lượt" },
  RECIPIENT_ROWS,
};

#define HONOURS "anh hung|nha giao nhan dan|nha giao uu tu|thay thuoc nhan dan|" \
  "thay thuoc uu tu|nghe si nhan dan|nghe si uu tu|nghe nhan nhan dan|nghe nhan uu tu|" \
  "ba me viet nam anh hung"

static const FormColumn columns_0602[] = {
  { NULL, "Tổng số", NULL, WHO_ANY },
  { "Huân chương", "Tập thể", "huan chuong", WHO_COLLECTIVE },
  { "Huân chương", "Cá nhân", "huan chuong", WHO_INDIVIDUAL },
  { "Huy chương", "Tập thể", "huy chuong", WHO_COLLECTIVE },
  { "Huy chương", "Cá nhân", "huy chuong", WHO_INDIVIDUAL },
  { NULL, "Giải thưởng Hồ Chí Minh", "giai thuong ho chi minh", WHO_ANY },
  { NULL, "Giải thưởng Nhà nước", "giai thuong nha nuoc", WHO_ANY },
  { "Danh hiệu vinh dự Nhà nước", "Tập thể", HONOURS, WHO_COLLECTIVE },
  { "Danh hiệu vinh dự Nhà nước", "Cá nhân", HONOURS, WHO_INDIVIDUAL },
  { NULL, "Cờ thi đua của Chính phủ", "co thi dua cua chinh phu", WHO_ANY },
  { "Bằng khen của Thủ tướng Chính phủ", "Tập thể", "bang khen cua thu tuong", WHO_COLLECTIVE },
  { "Bằng khen của Thủ tướng Chính phủ", "Cá nhân", "bang khen cua thu tuong", WHO_INDIVIDUAL },
  { NULL, "Chiến sĩ thi đua toàn quốc", "chien si thi dua toan quoc", WHO_ANY },
  { NULL, "Hình thức khác", "", WHO_ANY },
};

static const FormColumn columns_0603[] = {
  { NULL, "Tổng số", NULL, WHO_ANY },
  { "Chia ra", "Bằng khen", "bang khen", WHO_ANY },
  { "Chia ra", "Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh", "chien si thi dua cap", WHO_ANY },
  { "Chia ra", "Cờ thi đua cấp bộ, ban, ngành, tỉnh", "co thi dua", WHO_ANY },
  { "Chia ra", "Kỷ niệm chương, Huy hiệu", "ky niem chuong|huy hieu", WHO_ANY },
};

static const FormInfo forms[] = {
  { "0602.N/BNV-TĐKT", "SỐ LƯỢNG KHEN THƯỞNG CẤP NHÀ NƯỚC", AWARDS_LEVEL_CENTRAL, TRUE,
    "Ngày nhận báo cáo: Ngày 15 tháng 12 năm báo cáo",
    rows_0602, G_N_ELEMENTS (rows_0602), columns_0602, G_N_ELEMENTS (columns_0602) },
  { "0603.N/BNV-TĐKT", "SỐ LƯỢNG KHEN THƯỞNG CẤP BỘ, BAN, NGÀNH, ĐOÀN THỂ TRUNG ƯƠNG VÀ "
    "TỈNH, THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG", AWARDS_LEVEL_PROVINCE, FALSE, NULL,
    rows_0603, G_N_ELEMENTS (rows_0603), columns_0603, G_N_ELEMENTS (columns_0603) },
};

struct _AwardsStatistics
{
  const FormInfo *info;
  int             year;
  guint          *values;        /* n_rows × n_columns */
  guint           unclassified;
  GPtrArray      *staff_classes;
  GHashTable     *award_columns; /* award_type_id → bit set of matching columns */
};

gboolean
awards_statistics_form_from_string (const char            *text,
                                    AwardsStatisticsForm  *form)
{
  if (text == NULL)
    return FALSE;
  if (g_str_has_prefix (text, "0602"))
    *form = AWARDS_STATISTICS_FORM_0602;
  else if (g_str_has_prefix (text, "0603"))
    *form = AWARDS_STATISTICS_FORM_0603;
  else
    return FALSE;
  return text[4] == '\0' || g_ascii_strcasecmp (text + 4, ".N") == 0 ||
         g_ascii_strncasecmp (text + 4, ".N/", 3) == 0;
}

void
awards_statistics_free (AwardsStatistics *self)
{
  if (self == NULL)
    return;
  g_free (self->values);
  g_clear_pointer (&self->staff_classes, g_ptr_array_unref);
  g_clear_pointer (&self->award_columns, g_hash_table_unref);
  g_free (self);
}

static gboolean
name_matches (const char *folded,
              const char *prefixes)
{
  g_auto(GStrv) list = g_strsplit (prefixes, "|", -1);

  for (guint i = 0; list[i] != NULL; i++)
    {
      gsize length = strlen (list[i]);

      if (strncmp (folded, list[i], length) == 0 && (folded[length] == '\0' ||
                                                   folded[length] == ' '))
        return TRUE;
    }
  return FALSE;
}

/* Which columns an award goes to by its name, ignoring who receives it: a bit per column. */
static guint
award_columns (AwardsStatistics *self,
               gint64            award_type_id,
               const char       *award)
{
  gpointer cached;
  g_autofree char *folded = NULL;
  guint bits = 1;   /* column 1, the total */
  gboolean named = FALSE;

  if (g_hash_table_lookup_extended (self->award_columns, &award_type_id, NULL, &cached))
    return GPOINTER_TO_UINT (cached);

  folded = awards_text_fold (award);
  /* The longest matching family wins: "Bằng khen của Thủ tướng" is not a plain Bằng khen. */
  {
    gsize best = 0;
    guint best_bits = 0;

    for (guint c = 1; c < self->info->n_columns; c++)
      {
        const FormColumn *column = &self->info->columns[c];
        g_auto(GStrv) list = NULL;

        if (column->prefixes == NULL || column->prefixes[0] == '\0')
          continue;
        list = g_strsplit (column->prefixes, "|", -1);
        for (guint i = 0; list[i] != NULL; i++)
          {
            gsize length = strlen (list[i]);

            if (!name_matches (folded, list[i]) || length < best)
              continue;
            if (length > best)
              best_bits = 0;
            best = length;
            best_bits |= 1u << c;
          }
      }
    if (best > 0)
      {
        bits |= best_bits;
        named = TRUE;
      }
  }
  if (!named)
    for (guint c = 1; c < self->info->n_columns; c++)
      if (self->info->columns[c].prefixes != NULL && self->info->columns[c].prefixes[0] == '\0')
        bits |= 1u << c;

  {
    gint64 *key = g_new (gint64, 1);

    *key = award_type_id;
    g_hash_table_insert (self->award_columns, key, GUINT_TO_POINTER (bits));
  }
  return bits;
}

static gboolean
row_matches (RowSelector               selector,
             const AwardsStatisticRow *row,
             AwardsStaffClass          staff_class)
{
  switch (selector)
    {
    case ROW_TOTAL:
      return TRUE;
    case ROW_SUBMITTED_CENTRAL:
      /* The office sends its proposals through the province: nothing goes to this row. */
      return FALSE;
    case ROW_SUBMITTED_PROVINCE:
      return TRUE;
    case ROW_COLLECTIVE:
      return !row->individual;
    case ROW_ENTERPRISE:
      return !row->individual && row->organisation_kind == AWARDS_ORGANISATION_KIND_ENTERPRISE;
    case ROW_HOUSEHOLD:
      return FALSE;
    case ROW_INDIVIDUAL:
      return row->individual;
    case ROW_CLASS_LEADER_PROVINCE:
      return row->individual && staff_class == AWARDS_STAFF_CLASS_LEADER_PROVINCE;
    case ROW_CLASS_LEADER_DEPARTMENT:
      return row->individual && staff_class == AWARDS_STAFF_CLASS_LEADER_DEPARTMENT;
    case ROW_CLASS_ENTREPRENEUR:
      return row->individual && staff_class == AWARDS_STAFF_CLASS_ENTREPRENEUR;
    case ROW_CLASS_LEADER_OTHER:
      return row->individual && staff_class == AWARDS_STAFF_CLASS_LEADER_OTHER;
    case ROW_CLASS_WORKER:
      return row->individual && staff_class == AWARDS_STAFF_CLASS_WORKER;
    case ROW_KIND_ANNUAL:
      return row->decision_kind == AWARDS_DECISION_KIND_ANNUAL;
    case ROW_KIND_CAMPAIGN:
      return row->decision_kind == AWARDS_DECISION_KIND_CAMPAIGN;
    case ROW_KIND_EXCEPTIONAL:
      return row->decision_kind == AWARDS_DECISION_KIND_EXCEPTIONAL;
    case ROW_KIND_CAREER:
      return row->decision_kind == AWARDS_DECISION_KIND_CAREER;
    case ROW_KIND_FOREIGN:
    case ROW_KIND_SERVICE:
    case ROW_KIND_RESISTANCE:
      /* Decisions do not record these kinds yet. */
      return FALSE;
    default:
      g_assert_not_reached ();
    }
}

static void
count_row_cb (const AwardsStatisticRow *row,
              gpointer                  user_data)
{
  AwardsStatistics *self = user_data;
  const FormInfo *info = self->info;
  AwardsStaffClass staff_class = AWARDS_STAFF_CLASS_NONE;
  guint bits;

  if (row->level != info->level)
    return;
  if (row->individual)
    {
      staff_class = awards_review_classify_position (self->staff_classes, row->position);
      if (staff_class == AWARDS_STAFF_CLASS_NONE)
        self->unclassified++;
    }
  bits = award_columns (self, row->award_type_id, row->award);
  for (guint c = 0; c < info->n_columns; c++)
    {
      Who who = info->columns[c].who;

      if ((bits & (1u << c)) == 0 ||
          (who == WHO_COLLECTIVE && row->individual) ||
          (who == WHO_INDIVIDUAL && !row->individual))
        continue;
      for (guint r = 0; r < info->n_rows; r++)
        if (row_matches (info->rows[r].selector, row, staff_class))
          self->values[r * info->n_columns + c]++;
    }
}

AwardsStatistics *
awards_statistics_count (AwardsStore           *store,
                         AwardsStatisticsForm   form,
                         int                    year,
                         GError               **error)
{
  g_autoptr(AwardsStatistics) self = g_new0 (AwardsStatistics, 1);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (AWARDS_IS_STORE (store), NULL);
  g_return_val_if_fail (form < G_N_ELEMENTS (forms), NULL);

  self->info = &forms[form];
  self->year = year;
  self->values = g_new0 (guint, self->info->n_rows * self->info->n_columns);
  self->award_columns = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->staff_classes = awards_review_list_staff_classes (store, error);
  if (self->staff_classes == NULL)
    return NULL;
  awards_reporting_year_range (year, &from, &to);
  if (!awards_review_foreach_statistic (store, from, to, count_row_cb, self, error))
    return NULL;
  return g_steal_pointer (&self);
}

guint
awards_statistics_get_n_rows (AwardsStatistics *self)
{
  return self->info->n_rows;
}

guint
awards_statistics_get_n_columns (AwardsStatistics *self)
{
  return self->info->n_columns;
}

guint
awards_statistics_get (AwardsStatistics *self,
                       guint             row,
                       guint             column)
{
  g_return_val_if_fail (row < self->info->n_rows && column < self->info->n_columns, 0);
  return self->values[row * self->info->n_columns + column];
}

guint
awards_statistics_get_unclassified (AwardsStatistics *self)
{
  return self->unclassified;
}

static void
add_header_rows (AwardsDocTable *table,
                 const FormInfo *info)
{
  guint n = 3 + info->n_columns;
  g_autofree const char **first = g_new0 (const char *, n);
  g_autofree guint *first_spans = g_new0 (guint, n);
  g_autofree const char **second = g_new0 (const char *, n);
  g_autofree const char **third = g_new0 (const char *, n);
  g_autofree char **numbers = g_new0 (char *, info->n_columns + 1);
  gboolean any_group = FALSE;
  guint n_first = 0;

  first[n_first] = "Chỉ tiêu";
  first_spans[n_first++] = 1;
  first[n_first] = "Mã số";
  first_spans[n_first++] = 1;
  first[n_first] = "Đơn vị tính";
  first_spans[n_first++] = 1;
  for (guint c = 0; c < info->n_columns; c++)
    {
      const FormColumn *column = &info->columns[c];

      if (column->group != NULL && c > 0 &&
          g_strcmp0 (info->columns[c - 1].group, column->group) == 0)
        {
          first_spans[n_first - 1]++;
        }
      else
        {
          first[n_first] = column->group != NULL ? column->group : column->label;
          first_spans[n_first++] = 1;
        }
      second[3 + c] = column->group != NULL ? column->label : NULL;
      any_group |= column->group != NULL;
      numbers[c] = g_strdup_printf ("%u", c + 1);
      third[3 + c] = numbers[c];
    }
  third[0] = "A";
  third[1] = "B";
  third[2] = "C";

  awards_doc_table_add_row (table, AWARDS_DOC_ROW_HEADER, first, first_spans, n_first);
  if (any_group)
    awards_doc_table_add_row (table, AWARDS_DOC_ROW_HEADER, second, NULL, n);
  awards_doc_table_add_row (table, AWARDS_DOC_ROW_HEADER, third, NULL, n);
  for (guint c = 0; c < info->n_columns; c++)
    g_free (numbers[c]);
}

AwardsReport *
awards_statistics_build_report (AwardsStore               *store,
                                AwardsStatisticsForm       form,
                                int                        year,
                                const AwardsReportRequest *frame,
                                const char                *receiver,
                                GError                   **error)
{
  g_autoptr(AwardsStatistics) statistics = NULL;
  g_autoptr(AwardsReport) self = NULL;
  AwardsReportRequest defaults;
  const FormInfo *info;
  AwardsDocTable *table;
  AwardsDoc *doc;
  GPtrArray *csv_header;
  g_autofree char *reporting_unit = NULL;
  g_autofree char *receiving_unit = NULL;
  g_autofree char *number = NULL;
  g_autofree char *period = NULL;
  const char *signer;

  statistics = awards_statistics_count (store, form, year, error);
  if (statistics == NULL)
    return NULL;
  info = statistics->info;

  if (frame == NULL)
    {
      awards_report_request_init (&defaults, AWARDS_REPORT_KIND_SUMMARY);
      frame = &defaults;
    }
  self = g_object_new (AWARDS_TYPE_REPORT, NULL);
  self->kind = AWARDS_REPORT_KIND_SUMMARY;
  self->title = g_strdup_printf ("Biểu số %.6s năm %d", info->number, year);
  doc = self->doc;
  doc->landscape = info->landscape;
  awards_report_set_frame (self, frame, NULL, NULL, NULL, NULL);
  signer = frame->signer_title != NULL && frame->signer_title[0] != '\0'
           ? frame->signer_title : AWARDS_REPORT_DEFAULT_SIGNER_TITLE;

  /* The form's own header: left the form and its circular, right the two units. */
  reporting_unit = g_strdup_printf ("Đơn vị báo cáo: %s", frame->issuer != NULL &&
                                    frame->issuer[0] != '\0' ? frame->issuer
                                    : AWARDS_REPORT_DEFAULT_ISSUER);
  receiving_unit = g_strdup_printf ("Đơn vị nhận báo cáo: %s",
                                    receiver != NULL && receiver[0] != '\0'
                                    ? receiver : "Bộ Nội vụ (Ban Thi đua – Khen thưởng Trung ương)");
  number = g_strdup_printf ("Biểu số: %s", info->number);
  table = awards_doc_add_table (doc);
  awards_doc_table_add_column (table, 1.0, 100.0, AWARDS_DOC_ALIGN_START, FALSE);
  awards_doc_table_add_column (table, 1.0, 100.0, AWARDS_DOC_ALIGN_START, FALSE);
  awards_doc_table_add (table, AWARDS_DOC_ROW_NORMAL, number, reporting_unit);
  awards_doc_table_add (table, AWARDS_DOC_ROW_NORMAL,
                        "Ban hành theo Thông tư số 02/2023/TT-BNV ngày 23/3/2023 của Bộ "
                        "trưởng Bộ Nội vụ", receiving_unit);
  if (info->received != NULL)
    awards_doc_table_add (table, AWARDS_DOC_ROW_NORMAL, info->received, NULL);

  awards_doc_add_text (doc, AWARDS_DOC_BLOCK_TITLE, info->title);
  period = g_strdup_printf ("Năm %d (thời điểm báo cáo: từ ngày 01/12/%d đến ngày 30/11/%d)",
                            year, year - 1, year);
  awards_doc_add_text (doc, AWARDS_DOC_BLOCK_SUBTITLE, period);

  table = awards_doc_add_table (doc);
  awards_doc_table_add_column (table, 6.0, 120.0, AWARDS_DOC_ALIGN_START, FALSE);
  awards_doc_table_add_column (table, 1.0, 24.0, AWARDS_DOC_ALIGN_CENTER, FALSE);
  awards_doc_table_add_column (table, 1.6, 36.0, AWARDS_DOC_ALIGN_CENTER, FALSE);
  for (guint c = 0; c < info->n_columns; c++)
    awards_doc_table_add_column (table, 1.4, 28.0, AWARDS_DOC_ALIGN_END, TRUE);
  add_header_rows (table, info);

  csv_header = g_ptr_array_new ();
  g_ptr_array_add (csv_header, g_strdup ("ma_so"));
  g_ptr_array_add (csv_header, g_strdup ("chi_tieu"));
  g_ptr_array_add (csv_header, g_strdup ("don_vi_tinh"));
  for (guint c = 0; c < info->n_columns; c++)
    g_ptr_array_add (csv_header,
                     info->columns[c].group != NULL && info->columns[c].who != WHO_ANY
                     ? g_strdup_printf ("%u. %s – %s", c + 1, info->columns[c].group,
                                        info->columns[c].label)
                     : g_strdup_printf ("%u. %s", c + 1, info->columns[c].label));
  g_ptr_array_add (csv_header, NULL);
  g_ptr_array_add (self->csv_rows, g_ptr_array_free (csv_header, FALSE));

  for (guint r = 0; r < info->n_rows; r++)
    {
      guint n = 3 + info->n_columns;
      g_auto(GStrv) cells = g_new0 (char *, n + 1);

      cells[0] = g_strdup (info->rows[r].label);
      cells[1] = g_strdup_printf ("%02u", r + 1);
      cells[2] = g_strdup (info->rows[r].unit);
      for (guint c = 0; c < info->n_columns; c++)
        cells[3 + c] = awards_count_format (awards_statistics_get (statistics, r, c));
      awards_doc_table_add_row (table, r == 0 ? AWARDS_DOC_ROW_TOTAL : AWARDS_DOC_ROW_NORMAL,
                                (const char * const *)cells, NULL, n);

      /* CSV holds plain numbers, without the thousands separator of the printed form. */
      {
        GStrv row = g_new0 (char *, n + 1);

        row[0] = g_strdup (cells[1]);
        row[1] = g_strdup (cells[0]);
        row[2] = g_strdup (cells[2]);
        for (guint c = 0; c < info->n_columns; c++)
          row[3 + c] = g_strdup_printf ("%u", awards_statistics_get (statistics, r, c));
        g_ptr_array_add (self->csv_rows, row);
      }
    }

  if (statistics->unclassified > 0)
    awards_doc_add_printf (doc, AWARDS_DOC_BLOCK_PARAGRAPH,
                           "Ghi chú: %u lượt khen thưởng cá nhân có chức vụ chưa có trong bảng "
                           "phân loại chức vụ nên không được tính vào các dòng theo đối tượng "
                           "cán bộ.", statistics->unclassified);

  /* The signature block of the form: the person who drew it up and the unit's head. */
  table = awards_doc_add_table (doc);
  awards_doc_table_add_column (table, 1.0, 100.0, AWARDS_DOC_ALIGN_CENTER, FALSE);
  awards_doc_table_add_column (table, 1.0, 100.0, AWARDS_DOC_ALIGN_CENTER, FALSE);
  awards_doc_table_add (table, AWARDS_DOC_ROW_NORMAL, NULL, doc->place_date);
  {
    g_autofree char *head = g_utf8_strup (signer, -1);

    awards_doc_table_add (table, AWARDS_DOC_ROW_TOTAL, "Người lập biểu", head);
  }
  awards_doc_table_add (table, AWARDS_DOC_ROW_NORMAL, "(Ký, họ tên)", "(Ký, họ tên, đóng dấu)");
  if (frame->signer_name != NULL && frame->signer_name[0] != '\0')
    awards_doc_table_add (table, AWARDS_DOC_ROW_TOTAL, NULL, frame->signer_name);

  /* The table above carries the signatures; the page's own block would repeat them. */
  g_free (doc->signer_title);
  doc->signer_title = g_strdup ("");
  g_clear_pointer (&doc->signer_name, g_free);

  for (guint r = 0; r < info->n_rows; r++)
    {
      if (info->rows[r].selector == ROW_COLLECTIVE)
        self->total_collectives = awards_statistics_get (statistics, r, 0);
      else if (info->rows[r].selector == ROW_INDIVIDUAL)
        self->total_individuals = awards_statistics_get (statistics, r, 0);
    }
  return g_steal_pointer (&self);
}
