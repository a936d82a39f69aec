/* awards-report-preview.h: the pages of a report as they will print, its text and totals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "awards-report.h"
#include "awards-report-printer.h"

G_BEGIN_DECLS

#define AWARDS_TYPE_REPORT_PREVIEW (awards_report_preview_get_type ())

G_DECLARE_FINAL_TYPE (AwardsReportPreview, awards_report_preview, AWARDS, REPORT_PREVIEW, AdwBin)

void        awards_report_preview_set_state        (AwardsReportPreview *self,
                                                    const char          *state);
const char *awards_report_preview_get_state        (AwardsReportPreview *self);
void        awards_report_preview_show_error       (AwardsReportPreview *self,
                                                    const char          *message);
void        awards_report_preview_show_report      (AwardsReportPreview *self,
                                                    AwardsReport        *report,
                                                    AwardsReportPrinter *printer,
                                                    double               page_width,
                                                    double               page_height,
                                                    const char          *text);
void        awards_report_preview_clear            (AwardsReportPreview *self);
guint       awards_report_preview_get_page_nr      (AwardsReportPreview *self);
guint       awards_report_preview_get_n_pages      (AwardsReportPreview *self);
void        awards_report_preview_turn_page        (AwardsReportPreview *self,
                                                    int                  delta);
void        awards_report_preview_set_back_visible (AwardsReportPreview *self,
                                                    gboolean             visible);

G_END_DECLS
