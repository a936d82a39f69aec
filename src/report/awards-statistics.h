/* awards-statistics.h: the statistics forms of TT 02/2023/TT-BNV that count commendations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "awards-report.h"

G_BEGIN_DECLS

typedef enum
{
  AWARDS_STATISTICS_FORM_0602,   /* Số lượng khen thưởng cấp Nhà nước */
  AWARDS_STATISTICS_FORM_0603,   /* … cấp bộ, ban, ngành, đoàn thể Trung ương và tỉnh */
} AwardsStatisticsForm;

/* Reads "0602", "0603" or the full "0602.N" … */
gboolean awards_statistics_form_from_string (const char            *text,
                                             AwardsStatisticsForm  *form);

typedef struct _AwardsStatistics AwardsStatistics;

/*
 * Counts the awards of the reporting year @year (01/12 of the year before to 30/11 of @year)
 * that the form covers: those of authorities of the central level (0602) or of the ministry
 * and province level (0603), neither deleted nor revoked, by the form's rows and columns.
 */
AwardsStatistics *awards_statistics_count       (AwardsStore           *store,
                                                 AwardsStatisticsForm   form,
                                                 int                    year,
                                                 GError               **error);
guint             awards_statistics_get_n_rows    (AwardsStatistics    *self);
guint             awards_statistics_get_n_columns (AwardsStatistics    *self);
/* The count of row @row (0 = the form's row 01) in data column @column (0 = column 1, Tổng số). */
guint             awards_statistics_get         (AwardsStatistics     *self,
                                                 guint                 row,
                                                 guint                 column);
/* How many individuals' positions have no staff class (left out of rows by staff class). */
guint             awards_statistics_get_unclassified (AwardsStatistics *self);
void              awards_statistics_free        (AwardsStatistics     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwardsStatistics, awards_statistics_free)

/*
 * The form as a report, written by awards_report_write () in every format: the form's header
 * ("Biểu số", "Ban hành theo", "Đơn vị báo cáo", "Đơn vị nhận báo cáo"), title and period, the
 * table with its merged column headings, the stub columns A–C and numbered data columns, and the
 * signature block. @frame gives the reporting unit (issuer), the place, date and signer; NULL
 * fields take the defaults. CSV: one row per form row, "ma_so,chi_tieu,don_vi_tinh," then the
 * numbered columns.
 */
AwardsReport     *awards_statistics_build_report (AwardsStore               *store,
                                                  AwardsStatisticsForm       form,
                                                  int                        year,
                                                  const AwardsReportRequest *frame,
                                                  const char                *receiver,
                                                  GError                   **error);

G_END_DECLS
