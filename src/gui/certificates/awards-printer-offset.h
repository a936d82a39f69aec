/* awards-printer-offset.h: how far a printer shifts what it prints, kept per printer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "awards-store.h"

G_BEGIN_DECLS

#define AWARDS_TYPE_PRINTER_OFFSET (awards_printer_offset_get_type ())

G_DECLARE_FINAL_TYPE (AwardsPrinterOffset, awards_printer_offset, AWARDS, PRINTER_OFFSET, GtkGrid)

/* A printer's name and its offset right and down in mm, read from and saved to its store. */
GtkWidget *awards_printer_offset_new       (void);
void       awards_printer_offset_set_store (AwardsPrinterOffset *self,
                                            AwardsStore         *store);

G_END_DECLS
