/* awards-csv-cell.h: CSV cells that spreadsheet programs show as text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean     awards_csv_cell_needs_guard (const char *text);
const char  *awards_csv_cell_unguard     (const char *text);

G_END_DECLS
