/* awards-certificate-print.h: certificates and calibration pages through the print dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "awards-certificate.h"
#include "awards-store.h"

G_BEGIN_DECLS

typedef enum
{
  AWARDS_CERTIFICATE_PRINT_FINAL,        /* text only, onto the blanks; gives register numbers */
  AWARDS_CERTIFICATE_PRINT_TEST,         /* with the blank's picture, on plain paper */
  AWARDS_CERTIFICATE_PRINT_CALIBRATION,  /* a grid and rulers the size of the first template */
} AwardsCertificatePrintMode;

/*
 * Prints one page per certificate (@templates and @data side by side), each page the size of its
 * template, shifted by the chosen printer's offset. Every page is checked first: text that does
 * not fit is reported (with the recipient and the field) and nothing is printed. A final print
 * gives the awards without a register number the next numbers of the decision's year just
 * before the pages are drawn, and not for a preview. @export_path, when given, writes a PDF
 * without a dialog (tests). Returns FALSE with @error when nothing was printed.
 */
gboolean awards_certificate_print (GtkWindow                  *parent,
                                   AwardsStore                *store,
                                   GPtrArray                  *templates,
                                   GPtrArray                  *data,
                                   AwardsCertificatePrintMode  mode,
                                   const char                 *export_path,
                                   GError                    **error);

/* The certificates of a decision for printing: all recipients, or those in @ids (commendation
 * ids), in the annex's order, each with its award's template. */
gboolean awards_certificate_print_collect (AwardsStore  *store,
                                           gint64        decision_id,
                                           GArray       *ids,
                                           GPtrArray   **templates,
                                           GPtrArray   **data,
                                           GError      **error);

G_END_DECLS
