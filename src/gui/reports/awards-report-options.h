/* awards-report-options.h: what a report is about, its filters and its header fields
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "awards-report.h"
#include "awards-store.h"

G_BEGIN_DECLS

#define AWARDS_TYPE_REPORT_OPTIONS (awards_report_options_get_type ())

G_DECLARE_FINAL_TYPE (AwardsReportOptions, awards_report_options, AWARDS, REPORT_OPTIONS, GtkBox)

void             awards_report_options_set_store           (AwardsReportOptions *self,
                                                            AwardsStore         *store);
void             awards_report_options_reload              (AwardsReportOptions *self);
gboolean         awards_report_options_has_subject         (AwardsReportOptions *self);
AwardsReportKind awards_report_options_get_kind            (AwardsReportOptions *self);
void             awards_report_options_set_kind            (AwardsReportOptions *self,
                                                            AwardsReportKind     kind);
gboolean         awards_report_options_read                (AwardsReportOptions *self,
                                                            AwardsReportRequest *request,
                                                            GPtrArray           *keep,
                                                            char               **file_stem);
void             awards_report_options_choose_organisation (AwardsReportOptions *self,
                                                            gint64               id,
                                                            const char          *name);
void             awards_report_options_choose_decision     (AwardsReportOptions *self,
                                                            gint64               id,
                                                            gint64               authority_id,
                                                            const char          *number);
void             awards_report_options_choose_search       (AwardsReportOptions *self,
                                                            const char          *text);

G_END_DECLS
