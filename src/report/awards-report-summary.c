/* awards-report-summary.c: counts of awards, by authority and award, and by year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "awards-report-private.h"
#include "awards-text.h"

#define MAX_YEARS 300

static int
compare_summary_rows (gconstpointer a,
                      gconstpointer b)
{
  const AwardsSummaryRow *row_a = *(const AwardsSummaryRow * const *) a;
  const AwardsSummaryRow *row_b = *(const AwardsSummaryRow * const *) b;
  int cmp;

  if (row_a->authority_id != row_b->authority_id)
    {
      cmp = awards_text_compare (row_a->authority, row_b->authority);
      if (cmp != 0)
        return cmp;
      return row_a->authority_id < row_b->authority_id ? -1 : 1;
    }

  if (row_a->award_rank != row_b->award_rank)
    return row_a->award_rank < row_b->award_rank ? -1 : 1;

  cmp = awards_text_compare (row_a->award, row_b->award);
  if (cmp != 0)
    return cmp;

  return (row_a->award_type_id > row_b->award_type_id) -
         (row_a->award_type_id < row_b->award_type_id);
}

/* Emulation titles are given "danh hiệu …", flags and commendation forms by their own name:
 * "tặng danh hiệu Lao động tiên tiến", "tặng Cờ thi đua", "tặng Bằng khen". */
static GHashTable *
find_titles (AwardsStore *store)
{
  g_autoptr (GPtrArray) award_types = awards_store_list_award_types (store, NULL);
  GHashTable *titles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; award_types != NULL && i < award_types->len; i++)
    {
      AwardsAwardType *award_type = g_ptr_array_index (award_types, i);
      g_autofree char *folded = awards_text_fold (awards_award_type_get_name (award_type));

      if (awards_award_type_get_category (award_type) == AWARDS_AWARD_CATEGORY_TITLE &&
          (folded == NULL || !g_str_has_prefix (folded, "co ")))
        g_hash_table_add (titles, g_memdup2 (&(gint64) { awards_award_type_get_id (award_type) },
                                             sizeof (gint64)));
    }

  return titles;
}

static void
add_authority_sentence (AwardsReport *self,
                        GPtrArray    *rows,
                        guint         first,
                        guint         end,
                        GHashTable   *titles)
{
  const AwardsSummaryRow *head = g_ptr_array_index (rows, first);
  g_autoptr (GString) sentence = g_string_new (head->authority);

  for (guint i = first; i < end; i++)
    {
      const AwardsSummaryRow *row = g_ptr_array_index (rows, i);
      g_autofree char *counts = awards_report_count_text (row->collectives, row->individuals);

      g_string_append_printf (sentence, "%s tặng %s%s cho %s",
                              i == first ? "" : ";",
                              g_hash_table_contains (titles, &row->award_type_id)
                                ? "danh hiệu " : "",
                              row->award, counts);
    }
  g_string_append_c (sentence, '.');

  awards_report_add_paragraph (self, sentence->str);
}

static void
add_summary_table (AwardsReport *self,
                   GPtrArray    *rows)
{
  AwardsDocTable *table = awards_doc_add_table (self->doc);
  g_autofree char *total_c = awards_count_format (self->total_collectives);
  g_autofree char *total_i = awards_count_format (self->total_individuals);
  guint group = 0;

  awards_doc_table_add_column (table, 0, 30, AWARDS_DOC_ALIGN_CENTER, FALSE);
  awards_doc_table_add_column (table, 1, 120, AWARDS_DOC_ALIGN_START, FALSE);
  awards_doc_table_add_column (table, 0, 58, AWARDS_DOC_ALIGN_END, TRUE);
  awards_doc_table_add_column (table, 0, 58, AWARDS_DOC_ALIGN_END, TRUE);
  awards_doc_table_add (table, AWARDS_DOC_ROW_HEADER,
                        "TT", "Cơ quan khen thưởng, hình thức khen thưởng", "Tập thể", "Cá nhân");

  for (guint first = 0, end; first < rows->len; first = end)
    {
      const AwardsSummaryRow *head = g_ptr_array_index (rows, first);
      g_autofree char *roman = awards_report_roman (++group);
      g_autofree char *group_c = NULL;
      g_autofree char *group_i = NULL;
      guint collectives = 0, individuals = 0;

      for (end = first; end < rows->len; end++)
        {
          const AwardsSummaryRow *row = g_ptr_array_index (rows, end);

          if (row->authority_id != head->authority_id)
            break;
          collectives += row->collectives;
          individuals += row->individuals;
        }

      group_c = awards_count_format (collectives);
      group_i = awards_count_format (individuals);
      awards_doc_table_add (table, AWARDS_DOC_ROW_GROUP, roman, head->authority, group_c, group_i);

      for (guint i = first; i < end; i++)
        {
          const AwardsSummaryRow *row = g_ptr_array_index (rows, i);
          g_autofree char *number = awards_report_uint (i - first + 1);
          g_autofree char *c = awards_count_format (row->collectives);
          g_autofree char *n = awards_count_format (row->individuals);

          awards_doc_table_add (table, AWARDS_DOC_ROW_NORMAL, number, row->award, c, n);
        }
    }

  awards_doc_table_add_spanned (table, AWARDS_DOC_ROW_TOTAL, 2, "Tổng cộng", total_c, total_i);
}

static void
add_totals_paragraph (AwardsReport *self)
{
  g_autofree char *all = awards_count_format (self->total_collectives +
                                              self->total_individuals);
  g_autofree char *collectives = awards_count_format (self->total_collectives);
  g_autofree char *individuals = awards_count_format (self->total_individuals);
  g_autofree char *text = NULL;

  text = g_strdup_printf ("Tổng cộng: %s lượt khen thưởng, gồm %s lượt tập thể và "
                          "%s lượt cá nhân.", all, collectives, individuals);
  awards_report_add_paragraph (self, text);
}

gboolean
awards_report_build_summary (AwardsReport               *self,
                             AwardsStore                *store,
                             const AwardsReportRequest  *request,
                             GError                    **error)
{
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GHashTable) titles = NULL;
  g_autofree char *period = NULL;

  rows = awards_store_summary (store, &request->query, error);
  if (rows == NULL)
    return FALSE;

  /* The store groups; the order is ours, so that every format and the CSV agree on it. */
  g_ptr_array_sort (rows, compare_summary_rows);
  titles = find_titles (store);

  for (guint i = 0; i < rows->len; i++)
    {
      const AwardsSummaryRow *row = g_ptr_array_index (rows, i);

      self->total_collectives += row->collectives;
      self->total_individuals += row->individuals;
    }

  period = awards_report_period_text (request->query.date_from, request->query.date_to);
  if (period != NULL)
    {
      g_autofree char *lower = g_strdup (period);

      /* "Từ ngày …" reads "từ ngày …" inside the title. */
      lower[0] = g_ascii_tolower (lower[0]);
      self->title = g_strdup_printf ("Báo cáo tổng hợp khen thưởng %s", lower);
    }
  else
    {
      self->title = g_strdup ("Báo cáo tổng hợp khen thưởng");
    }

  awards_doc_add_text (self->doc, AWARDS_DOC_BLOCK_TITLE, "BÁO CÁO TỔNG HỢP KHEN THƯỞNG");
  awards_doc_add_text (self->doc, AWARDS_DOC_BLOCK_SUBTITLE,
                       period != NULL ? period : "Toàn bộ thời gian");
  awards_report_add_filters (self, store, &request->query);

  if (rows->len == 0)
    awards_report_add_paragraph (self, "Không có khen thưởng nào trong thời gian và phạm vi này.");

  for (guint first = 0, end; first < rows->len; first = end)
    {
      const AwardsSummaryRow *head = g_ptr_array_index (rows, first);

      for (end = first + 1; end < rows->len; end++)
        {
          const AwardsSummaryRow *row = g_ptr_array_index (rows, end);

          if (row->authority_id != head->authority_id)
            break;
        }
      add_authority_sentence (self, rows, first, end, titles);
    }

  add_summary_table (self, rows);
  add_totals_paragraph (self);

  awards_report_add_csv_row (self, "authority", "award", "collectives", "individuals", NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      const AwardsSummaryRow *row = g_ptr_array_index (rows, i);
      g_autofree char *c = awards_report_uint (row->collectives);
      g_autofree char *n = awards_report_uint (row->individuals);

      awards_report_add_csv_row (self, row->authority, row->award, c, n, NULL);
    }
  {
    g_autofree char *c = awards_report_uint (self->total_collectives);
    g_autofree char *n = awards_report_uint (self->total_individuals);

    awards_report_add_csv_row (self, "TOTAL", "", c, n, NULL);
  }

  awards_report_set_frame (self, request, NULL, NULL, NULL, NULL);
  self->summary_rows = g_steal_pointer (&rows);

  return TRUE;
}

/* Yearly statistics */

typedef struct
{
  gint64      award_type_id;
  const char *award;
  int         rank;
  guint       column;
} YearlyAward;

static int
compare_yearly_awards (gconstpointer a,
                       gconstpointer b)
{
  const YearlyAward *award_a = a;
  const YearlyAward *award_b = b;
  int cmp;

  if (award_a->rank != award_b->rank)
    return award_a->rank < award_b->rank ? -1 : 1;

  cmp = awards_text_compare (award_a->award, award_b->award);
  if (cmp != 0)
    return cmp;

  return (award_a->award_type_id > award_b->award_type_id) -
         (award_a->award_type_id < award_b->award_type_id);
}

static void
add_yearly_table (AwardsReport *self,
                  int           from_year,
                  guint         n_years,
                  GArray       *awards,
                  const guint  *counts)
{
  AwardsDocTable *table = awards_doc_add_table (self->doc);
  guint n_awards = awards->len;
  guint n_texts = n_awards + 2;
  g_autofree const char **texts = g_new0 (const char *, 2 * n_awards + 3);
  g_autofree guint *spans = g_new0 (guint, 2 * n_awards + 3);
  g_autoptr (GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
  guint total_c = 0, total_i = 0;

  awards_doc_table_add_column (table, 0, 40, AWARDS_DOC_ALIGN_CENTER, FALSE);
  for (guint i = 0; i < n_awards + 1; i++)
    {
      awards_doc_table_add_column (table, 1, 28, AWARDS_DOC_ALIGN_END, TRUE);
      awards_doc_table_add_column (table, 1, 28, AWARDS_DOC_ALIGN_END, TRUE);
    }

  texts[0] = "Năm";
  spans[0] = 1;
  for (guint i = 0; i < n_awards; i++)
    {
      texts[i + 1] = g_array_index (awards, YearlyAward, i).award;
      spans[i + 1] = 2;
    }
  texts[n_awards + 1] = "Tổng cộng";
  spans[n_awards + 1] = 2;
  awards_doc_table_add_row (table, AWARDS_DOC_ROW_HEADER, texts, spans, n_texts);

  /* The second header row: "Năm" continues down, each award splits in two. */
  texts[0] = NULL;
  for (guint i = 0; i < n_awards + 1; i++)
    {
      texts[1 + 2 * i] = "Tập thể";
      texts[2 + 2 * i] = "Cá nhân";
    }
  awards_doc_table_add_row (table, AWARDS_DOC_ROW_HEADER, texts, NULL, 2 * n_awards + 3);

  for (guint y = 0; y <= n_years; y++)
    {
      guint year_c = 0, year_i = 0;

      g_ptr_array_set_size (owned, 0);
      if (y < n_years)
        g_ptr_array_add (owned, g_strdup_printf ("%d", from_year + (int) y));
      else
        g_ptr_array_add (owned, g_strdup ("Cộng"));

      for (guint a = 0; a < n_awards; a++)
        {
          guint c = 0, n = 0;

          if (y < n_years)
            {
              c = counts[(y * n_awards + a) * 2];
              n = counts[(y * n_awards + a) * 2 + 1];
            }
          else
            {
              for (guint k = 0; k < n_years; k++)
                {
                  c += counts[(k * n_awards + a) * 2];
                  n += counts[(k * n_awards + a) * 2 + 1];
                }
            }
          year_c += c;
          year_i += n;
          g_ptr_array_add (owned, awards_count_format (c));
          g_ptr_array_add (owned, awards_count_format (n));
        }

      if (y < n_years)
        {
          total_c += year_c;
          total_i += year_i;
        }
      g_ptr_array_add (owned, awards_count_format (year_c));
      g_ptr_array_add (owned, awards_count_format (year_i));

      awards_doc_table_add_row (table, y < n_years ? AWARDS_DOC_ROW_NORMAL : AWARDS_DOC_ROW_TOTAL,
                                (const char * const *) owned->pdata, NULL, owned->len);
    }

  g_assert (total_c == self->total_collectives && total_i == self->total_individuals);
}

gboolean
awards_report_build_yearly (AwardsReport               *self,
                            AwardsStore                *store,
                            const AwardsReportRequest  *request,
                            GError                    **error)
{
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GArray) awards = NULL;
  g_autoptr (GHashTable) columns = NULL;
  g_autofree guint *counts = NULL;
  g_autofree char *year_from = NULL;
  g_autofree char *year_to = NULL;
  g_autofree char *years_text = NULL;
  AwardsQuery query = request->query;
  guint n_years, n_awards;
  int best_year = 0;
  guint best_count = 0;

  if (request->from_year < 1900 || request->to_year < request->from_year ||
      request->to_year - request->from_year >= MAX_YEARS)
    {
      g_set_error (error, AWARDS_REPORT_ERROR, AWARDS_REPORT_ERROR_INVALID,
                   "Give the years as from ≤ to, e.g. --from-year 2005 --to-year 2011 "
                   "(got %d–%d)", request->from_year, request->to_year);
      return FALSE;
    }
  n_years = (guint) (request->to_year - request->from_year + 1);

  /* The years bound the period; a narrower period in the query still applies. */
  year_from = g_strdup_printf ("%04d-01-01", request->from_year);
  year_to = g_strdup_printf ("%04d-12-31", request->to_year);
  if (query.date_from == NULL || strcmp (query.date_from, year_from) < 0)
    query.date_from = year_from;
  if (query.date_to == NULL || strcmp (query.date_to, year_to) > 0)
    query.date_to = year_to;

  rows = awards_store_yearly (store, &query, error);
  if (rows == NULL)
    return FALSE;

  /* The store may count per authority too; the table adds those up per year and award. */
  awards = g_array_new (FALSE, TRUE, sizeof (YearlyAward));
  columns = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < rows->len; i++)
    {
      AwardsSummaryRow *row = g_ptr_array_index (rows, i);

      if (!g_hash_table_contains (columns, &row->award_type_id))
        {
          YearlyAward award = { row->award_type_id, row->award, row->award_rank, 0 };

          g_array_append_val (awards, award);
          g_hash_table_add (columns, &row->award_type_id);
        }
    }
  g_array_sort (awards, compare_yearly_awards);
  n_awards = awards->len;
  g_hash_table_remove_all (columns);
  for (guint i = 0; i < n_awards; i++)
    {
      YearlyAward *award = &g_array_index (awards, YearlyAward, i);

      award->column = i;
      g_hash_table_insert (columns, &award->award_type_id, award);
    }

  counts = g_new0 (guint, (gsize) n_years * MAX (n_awards, 1) * 2);
  for (guint i = 0; i < rows->len; i++)
    {
      AwardsSummaryRow *row = g_ptr_array_index (rows, i);
      YearlyAward *award = g_hash_table_lookup (columns, &row->award_type_id);
      guint y;

      if (row->year < request->from_year || row->year > request->to_year)
        continue;
      y = (guint) (row->year - request->from_year);
      counts[(y * n_awards + award->column) * 2] += row->collectives;
      counts[(y * n_awards + award->column) * 2 + 1] += row->individuals;
      self->total_collectives += row->collectives;
      self->total_individuals += row->individuals;
    }

  for (guint y = 0; y < n_years; y++)
    {
      guint sum = 0;

      for (guint a = 0; a < n_awards * 2; a++)
        sum += counts[y * n_awards * 2 + a];
      if (sum > best_count)
        {
          best_count = sum;
          best_year = request->from_year + (int) y;
        }
    }

  if (n_years == 1)
    years_text = g_strdup_printf ("năm %d", request->from_year);
  else
    years_text = g_strdup_printf ("từ năm %d đến năm %d", request->from_year, request->to_year);

  self->title = g_strdup_printf ("Thống kê khen thưởng %s", years_text);
  awards_doc_add_text (self->doc, AWARDS_DOC_BLOCK_TITLE, "THỐNG KÊ KHEN THƯỞNG THEO NĂM");
  {
    g_autofree char *subtitle = g_strdup (years_text);

    subtitle[0] = g_ascii_toupper (subtitle[0]);
    awards_doc_add_text (self->doc, AWARDS_DOC_BLOCK_SUBTITLE, subtitle);
  }
  awards_report_add_filters (self, store, &request->query);

  {
    g_autofree char *intro = NULL;
    g_autofree char *capital = g_strdup (years_text);

    capital[0] = g_ascii_toupper (capital[0]);
    if (self->total_collectives + self->total_individuals == 0)
      intro = g_strdup_printf ("%s không có khen thưởng nào.", capital);
    else
      {
        g_autofree char *all = awards_count_format (self->total_collectives +
                                                    self->total_individuals);
        g_autofree char *collectives = awards_count_format (self->total_collectives);
        g_autofree char *individuals = awards_count_format (self->total_individuals);

        intro = g_strdup_printf ("%s có %s lượt khen thưởng, gồm %s lượt tập thể và "
                                 "%s lượt cá nhân.", capital, all, collectives, individuals);
      }
    awards_report_add_paragraph (self, intro);

    if (n_years > 1 && best_count > 0)
      {
        g_autofree char *count = awards_count_format (best_count);
        g_autofree char *best = g_strdup_printf ("Năm có nhiều lượt khen thưởng nhất là năm %d "
                                                 "(%s lượt).", best_year, count);

        awards_report_add_paragraph (self, best);
      }
  }

  add_yearly_table (self, request->from_year, n_years, awards, counts);
  /* Beyond five award types the columns are too narrow for a portrait page. */
  self->doc->landscape = n_awards > 5;

  awards_report_add_csv_row (self, "year", "award", "collectives", "individuals", NULL);
  for (guint y = 0; y < n_years; y++)
    {
      g_autofree char *year = g_strdup_printf ("%d", request->from_year + (int) y);

      for (guint a = 0; a < n_awards; a++)
        {
          guint c = counts[(y * n_awards + a) * 2];
          guint n = counts[(y * n_awards + a) * 2 + 1];
          g_autofree char *c_text = NULL;
          g_autofree char *n_text = NULL;

          if (c == 0 && n == 0)
            continue;
          c_text = awards_report_uint (c);
          n_text = awards_report_uint (n);
          awards_report_add_csv_row (self, year, g_array_index (awards, YearlyAward, a).award,
                                     c_text, n_text, NULL);
        }
    }
  {
    g_autofree char *c = awards_report_uint (self->total_collectives);
    g_autofree char *n = awards_report_uint (self->total_individuals);

    awards_report_add_csv_row (self, "TOTAL", "", c, n, NULL);
  }

  awards_report_set_frame (self, request, NULL, NULL, NULL, NULL);

  return TRUE;
}
