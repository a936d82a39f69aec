/* awards-report-table.h: one table of a report measured and drawn on pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "awards-report-document.h"

G_BEGIN_DECLS

/*
 * The column edges and the row heights of a table at a given width, and the drawing of any run
 * of its rows under its header rows. Cells wrap inside their column; texts that repeat down a
 * column (organisations, positions) are laid out once and reused, which is most of a long
 * annex's cost.
 */
typedef struct _AwardsReportTable AwardsReportTable;

/* Measures @table, which must outlive the result, with @context between @x and @x + @width. */
AwardsReportTable *awards_report_table_new               (const AwardsDocTable       *table,
                                                          PangoContext               *context,
                                                          const PangoFontDescription *font,
                                                          const PangoFontDescription *bold,
                                                          double                      x,
                                                          double                      width);
void               awards_report_table_free              (AwardsReportTable          *self);

double             awards_report_table_get_header_height (AwardsReportTable          *self);
guint              awards_report_table_get_n_rows        (AwardsReportTable          *self);
double             awards_report_table_get_row_height    (AwardsReportTable          *self,
                                                          guint                       row);

/* Draws the header rows at @y, then @n_rows rows from @first_row under them. */
void               awards_report_table_draw              (AwardsReportTable          *self,
                                                          cairo_t                    *cr,
                                                          double                      y,
                                                          guint                       first_row,
                                                          guint                       n_rows);

/* A row taller than a page goes over several: where this page's part of @row ends, given
 * that earlier pages showed it down to @from and this one has @room; and the drawing of that
 * part, from @from to @to, under the header rows at @y. */
double             awards_report_table_row_break         (AwardsReportTable          *self,
                                                          guint                       row,
                                                          double                      from,
                                                          double                      room);
void               awards_report_table_draw_part         (AwardsReportTable          *self,
                                                          cairo_t                    *cr,
                                                          double                      y,
                                                          guint                       row,
                                                          double                      from,
                                                          double                      to);

double             awards_report_layout_break            (PangoLayout                *layout,
                                                          double                      top,
                                                          double                      from,
                                                          double                      room);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwardsReportTable, awards_report_table_free)

G_END_DECLS
