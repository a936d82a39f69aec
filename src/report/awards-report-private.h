/* awards-report-private.h: what the report builders and writers share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "awards-count-format.h"
#include "awards-report.h"
#include "awards-report-document.h"
#include "awards-settings.h"

G_BEGIN_DECLS

/* The body's name the header carries when the request names none. */
#define AWARDS_REPORT_DEFAULT_ISSUER       "LIÊN MINH HỢP TÁC XÃ"
#define AWARDS_REPORT_DEFAULT_SIGNER_TITLE "THỦ TRƯỞNG ĐƠN VỊ"

struct _AwardsReport
{
  GObject           parent_instance;

  AwardsReportKind  kind;
  char             *title;
  AwardsDoc        *doc;
  GPtrArray        *csv_rows;       /* GStrv, the first one the header */
  GPtrArray        *prose;          /* char *, NULL-terminated */
  GPtrArray        *summary_rows;   /* AwardsSummaryRow, SUMMARY only */
  guint             total_collectives;
  guint             total_individuals;
  AwardsOfficeProfile *profile;     /* the store's office profile, read by awards_report_build () */
};

/* The laid-out content, for the writers and the printer. */
AwardsDoc *awards_report_get_document      (AwardsReport               *self);

/* Builders: each fills the report's title, document, prose and CSV rows from the store. */
gboolean  awards_report_build_summary      (AwardsReport               *self,
                                            AwardsStore                *store,
                                            const AwardsReportRequest  *request,
                                            GError                    **error);
gboolean  awards_report_build_yearly       (AwardsReport               *self,
                                            AwardsStore                *store,
                                            const AwardsReportRequest  *request,
                                            GError                    **error);
gboolean  awards_report_build_organisation (AwardsReport               *self,
                                            AwardsStore                *store,
                                            const AwardsReportRequest  *request,
                                            GError                    **error);
gboolean  awards_report_build_decision     (AwardsReport               *self,
                                            AwardsStore                *store,
                                            const AwardsReportRequest  *request,
                                            GError                    **error);

/* Shared pieces of Vietnamese wording. */
void      awards_report_add_paragraph      (AwardsReport               *self,
                                            const char                 *text);
void      awards_report_add_csv_row        (AwardsReport               *self,
                                            const char                 *first,
                                            ...) G_GNUC_NULL_TERMINATED;
void      awards_report_set_frame          (AwardsReport               *self,
                                            const AwardsReportRequest  *request,
                                            const char                 *default_issuer,
                                            const char                 *default_date,
                                            const char                 *default_signer_title,
                                            const char                 *default_signer_name);
void      awards_report_add_filters        (AwardsReport               *self,
                                            AwardsStore                *store,
                                            const AwardsQuery          *query);
char     *awards_report_period_text        (const char                 *date_from,
                                            const char                 *date_to);
char     *awards_report_count_text         (guint                       collectives,
                                            guint                       individuals);
char     *awards_report_roman              (guint                       number);
char     *awards_report_uint               (guint                       value);

/* Writers */
void      awards_report_write_text         (AwardsDoc                  *doc,
                                            GString                    *out);
void      awards_report_write_csv          (GPtrArray                  *rows,
                                            GString                    *out);
gboolean  awards_report_write_xlsx         (AwardsReport               *self,
                                            const char                 *path,
                                            GError                    **error);

G_END_DECLS
