/* awards-report-header.h: a document's header and signature, defaulting to the office profile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "awards-report.h"
#include "awards-store.h"

G_BEGIN_DECLS

#define AWARDS_TYPE_REPORT_HEADER (awards_report_header_get_type ())

G_DECLARE_FINAL_TYPE (AwardsReportHeader, awards_report_header, AWARDS, REPORT_HEADER, GtkBox)

void awards_report_header_show_profile (AwardsReportHeader  *self,
                                        AwardsStore         *store);
void awards_report_header_read         (AwardsReportHeader  *self,
                                        AwardsReportRequest *request,
                                        GPtrArray           *keep);

G_END_DECLS
