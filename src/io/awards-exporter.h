/* awards-exporter.h: exporting the flat award list (CSV, XLSX)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "awards-store.h"

G_BEGIN_DECLS

#define AWARDS_EXPORT_ERROR (awards_export_error_quark ())

typedef enum
{
  AWARDS_EXPORT_ERROR_FAILED,
  AWARDS_EXPORT_ERROR_TOO_MANY_ROWS,     /* more rows than a spreadsheet holds */
} AwardsExportError;

GQuark awards_export_error_quark (void);

typedef enum
{
  AWARDS_EXPORT_FORMAT_CSV,
  AWARDS_EXPORT_FORMAT_XLSX,
} AwardsExportFormat;

/*
 * Both formats have the columns of the flat award list (DESIGN.md), in this order:
 * decision_number, decision_date (YYYY-MM-DD), authority, award, recipient_type (collective or
 * individual), recipient, organisation, position, achievement, period; one row per commendation
 * in chronological order. CSV is UTF-8 without a byte order mark, comma-separated, RFC 4180
 * quoting, and every line ends with "\n". XLSX has a bold header row and dates as text.
 */
const char *awards_export_format_to_string   (AwardsExportFormat   format);
gboolean    awards_export_format_from_string (const char          *text,
                                              AwardsExportFormat  *format);

gboolean    awards_export_csv_to_stream      (AwardsStore         *store,
                                              const AwardsQuery   *query,
                                              GOutputStream       *stream,
                                              guint               *n_rows,
                                              GCancellable        *cancellable,
                                              GError             **error);
gboolean    awards_export_xlsx_to_path       (AwardsStore         *store,
                                              const AwardsQuery   *query,
                                              const char          *path,
                                              guint               *n_rows,
                                              GCancellable        *cancellable,
                                              GError             **error);
gboolean    awards_export_to_path            (AwardsStore         *store,
                                              const AwardsQuery   *query,
                                              AwardsExportFormat   format,
                                              const char          *path,
                                              guint               *n_rows,
                                              GCancellable        *cancellable,
                                              GError             **error);
void        awards_export_to_path_async      (AwardsStore         *store,
                                              const AwardsQuery   *query,
                                              AwardsExportFormat   format,
                                              const char          *path,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean    awards_export_to_path_finish     (AwardsStore         *store,
                                              GAsyncResult        *result,
                                              guint               *n_rows,
                                              GError             **error);

typedef enum
{
  AWARDS_EXPORT_HEADER_EN,
  AWARDS_EXPORT_HEADER_VI,
} AwardsExportHeader;

gboolean    awards_export_to_path_with_header (AwardsStore        *store,
                                               const AwardsQuery  *query,
                                               AwardsExportFormat  format,
                                               AwardsExportHeader  header,
                                               const char         *path,
                                               guint              *n_rows,
                                               GCancellable       *cancellable,
                                               GError            **error);

G_END_DECLS
