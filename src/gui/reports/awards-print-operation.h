/* awards-print-operation.h: printing a report with the GTK print dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "awards-report.h"

G_BEGIN_DECLS

#define AWARDS_TYPE_PRINT_OPERATION (awards_print_operation_get_type ())

G_DECLARE_FINAL_TYPE (AwardsPrintOperation, awards_print_operation,
                      AWARDS, PRINT_OPERATION, GtkPrintOperation)

AwardsPrintOperation *awards_print_operation_new        (AwardsReport         *report);
const char           *awards_print_operation_get_refusal (AwardsPrintOperation *self);
AwardsReport         *awards_print_operation_get_report (AwardsPrintOperation *self);

G_END_DECLS
