/* awards-report-export.h: writing a report to a file the clerk chooses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "awards-report.h"

G_BEGIN_DECLS

const char           *awards_report_format_extension     (AwardsReportFormat    format);

GtkFileChooserNative *awards_report_export_chooser_new   (GtkWindow            *parent,
                                                          AwardsReportFormat    format,
                                                          const char           *file_name);

void                  awards_report_export_async         (AwardsReport         *report,
                                                          AwardsReportFormat    format,
                                                          const char           *path,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
gboolean              awards_report_export_finish        (GAsyncResult         *result,
                                                          GError              **error);

G_END_DECLS
