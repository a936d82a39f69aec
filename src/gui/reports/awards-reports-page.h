/* awards-reports-page.h: choosing, showing, printing and exporting reports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "awards-report.h"
#include "awards-store.h"

G_BEGIN_DECLS

#define AWARDS_TYPE_REPORTS_PAGE (awards_reports_page_get_type ())

G_DECLARE_FINAL_TYPE (AwardsReportsPage, awards_reports_page, AWARDS, REPORTS_PAGE, AdwBin)

GtkWidget    *awards_reports_page_new                (AwardsStore          *store);
AwardsStore  *awards_reports_page_get_store          (AwardsReportsPage    *self);
void          awards_reports_page_set_store          (AwardsReportsPage    *self,
                                                      AwardsStore          *store);

/* "Print what I see": each chooses the report, fills its filters and shows it. */
void          awards_reports_page_show_organisation  (AwardsReportsPage    *self,
                                                      gint64                id);
void          awards_reports_page_show_decision      (AwardsReportsPage    *self,
                                                      gint64                id);
void          awards_reports_page_show_search        (AwardsReportsPage    *self,
                                                      const char           *text);

/* Builds the report the controls describe, off the main thread; does nothing when a filter is
 * not valid (the page says why). */
void          awards_reports_page_show_report        (AwardsReportsPage    *self);

/* "empty", "building", "report" or "error". */
const char   *awards_reports_page_get_state          (AwardsReportsPage    *self);
AwardsReport *awards_reports_page_get_report         (AwardsReportsPage    *self);

/* A file name for the shown report, e.g. "tong-hop-khen-thuong-2011.pdf". */
char         *awards_reports_page_suggest_file_name  (AwardsReportsPage    *self,
                                                      AwardsReportFormat    format);

/* Writes the shown report to @file in a worker thread, then says so in a toast. */
void          awards_reports_page_export_async       (AwardsReportsPage    *self,
                                                      AwardsReportFormat    format,
                                                      GFile                *file,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gboolean      awards_reports_page_export_finish      (AwardsReportsPage    *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

G_END_DECLS
