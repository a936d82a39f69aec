/* awards-print-file.h: the print dialog's "Print to File" written like every other file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Told once the file printed to is in place (@error %NULL) or could not be written, when that is
 * known only after the operation's "done" signal. */
typedef void (*AwardsPrintFileFunc) (GObject      *owner,
                                     const GError *error);

void          awards_print_file_guard      (GtkPrintOperation    *operation);
void          awards_print_file_notify     (GtkPrintOperation    *operation,
                                            GObject              *owner,
                                            AwardsPrintFileFunc   func);
void          awards_print_file_suggest_name (GtkPrintOperation  *operation,
                                              GtkPrintSettings   *previous,
                                              const char         *stem);
gboolean      awards_print_file_set_export (GtkPrintOperation    *operation,
                                            const char           *path,
                                            GError              **error);
const GError *awards_print_file_get_error  (GtkPrintOperation    *operation);

G_END_DECLS
