/* awards-report-printer.h: a report laid out on pages and drawn with Cairo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "awards-report.h"

G_BEGIN_DECLS

/*
 * AwardsReportPrinter lays a report out on pages the way Vietnamese administrative documents
 * look: on the first page the issuing body and the national motto side by side with the place
 * and date under the motto, then the title, the prose and the tables; tables have ruled cells,
 * long names wrap inside their cell and the header row repeats at the top of every page; each
 * page ends with "Trang 1/3"; the signature block closes the last page. Units are points.
 *
 * The PDF writer and the window's print operation share it. From a GtkPrintOperation, with
 * gtk_print_operation_set_unit (op, GTK_UNIT_POINTS) and set_use_full_page (op, TRUE) so that the
 * printer's own margins apply:
 *
 *   begin-print:  PangoContext *pango = gtk_print_context_create_pango_context (context);
 *                 self->printer = awards_report_printer_new (report);
 *                 awards_report_printer_paginate (self->printer, pango,
 *                                                 gtk_print_context_get_width (context),
 *                                                 gtk_print_context_get_height (context));
 *                 gtk_print_operation_set_n_pages (op,
 *                   awards_report_printer_get_n_pages (self->printer));
 *   draw-page:    awards_report_printer_draw_page (self->printer,
 *                                                  gtk_print_context_get_cairo_context (context),
 *                                                  page_nr);
 *
 * awards_report_get_landscape () says when the default page setup should be landscape.
 * Pagination takes a few hundred milliseconds for a 10,000-recipient annex; drawing a page is
 * quick. The printer keeps a reference to the report and to the Pango context.
 */

#define AWARDS_TYPE_REPORT_PRINTER (awards_report_printer_get_type ())

G_DECLARE_FINAL_TYPE (AwardsReportPrinter, awards_report_printer, AWARDS, REPORT_PRINTER, GObject)

AwardsReportPrinter *awards_report_printer_new         (AwardsReport        *report);
AwardsReport        *awards_report_printer_get_report  (AwardsReportPrinter *self);

/* Margins inside the page, in points; the default is 20 mm top and bottom, 25 mm left, 15 mm
 * right. Takes effect at the next pagination. */
void                 awards_report_printer_set_margins (AwardsReportPrinter *self,
                                                        double               top,
                                                        double               right,
                                                        double               bottom,
                                                        double               left);

/* Lays the report out for pages of @page_width × @page_height points, measuring text with
 * @context: a PangoCairo context whose resolution matches the target (72 dpi for a PDF surface;
 * GtkPrintContext's is right). Metric hinting and glyph position rounding are turned off on
 * @context, so that every target breaks lines and pages alike. */
void                 awards_report_printer_paginate    (AwardsReportPrinter *self,
                                                        PangoContext        *context,
                                                        double               page_width,
                                                        double               page_height);
guint                awards_report_printer_get_n_pages (AwardsReportPrinter *self);

/* Draws page @page_nr (from 0) with its top-left corner at the origin of @cr. */
void                 awards_report_printer_draw_page   (AwardsReportPrinter *self,
                                                        cairo_t             *cr,
                                                        guint                page_nr);

/* Writes every page as an A4 PDF document (landscape when the report asks for it). */
gboolean             awards_report_printer_write_pdf   (AwardsReportPrinter *self,
                                                        GOutputStream       *output,
                                                        GCancellable        *cancellable,
                                                        GError             **error);

G_END_DECLS
