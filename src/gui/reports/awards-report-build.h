/* awards-report-build.h: a report built and laid out in pages off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "awards-report-options.h"
#include "awards-report-printer.h"

G_BEGIN_DECLS

/* What the preview shows: the report, its pages and its plain text. */
typedef struct
{
  AwardsReport        *report;
  AwardsReportPrinter *printer;
  double               page_width;
  double               page_height;
  char                *text;
  char                *file_stem;        /* e.g. "tong-hop-khen-thuong-2011" */
} AwardsBuiltReport;

void               awards_built_report_free   (AwardsBuiltReport    *built);

gboolean           awards_report_build_async  (gpointer              source_object,
                                               AwardsStore          *store,
                                               AwardsReportOptions  *options,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
AwardsBuiltReport *awards_report_build_finish (GAsyncResult         *result,
                                               GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwardsBuiltReport, awards_built_report_free)

G_END_DECLS
