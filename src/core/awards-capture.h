/* awards-capture.h: the rows a command changed on a server database, and putting them back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "awards-store.h"

G_BEGIN_DECLS

/* One row as a trigger saw it change: op is "I", "U" or "D"; the images are jsonb text. */
typedef struct
{
  char *table;
  char *op;
  char *old_row;
  char *new_row;
} AwardsCapturedRow;

void       awards_captured_row_free   (AwardsCapturedRow *row);

gboolean   awards_capture_set         (AwardsStore  *store,
                                       gboolean      on);
GPtrArray *awards_capture_take        (AwardsStore  *store,
                                       GError      **error);
gboolean   awards_capture_apply_inverse (AwardsStore *store,
                                         GPtrArray   *rows,
                                         gboolean    *conflict,
                                         GError     **error);
char     **awards_capture_table_columns (AwardsStore *store,
                                         const char  *table);
JsonObject *awards_capture_parse_image  (const char  *text);

G_END_DECLS
