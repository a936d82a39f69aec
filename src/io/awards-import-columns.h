/* awards-import-columns.h: the column names of the flat award list, in English and Vietnamese
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The columns in the order of DESIGN.md's table, which is also the order of export. */
typedef enum
{
  AWARDS_IMPORT_COLUMN_DECISION_NUMBER,
  AWARDS_IMPORT_COLUMN_DECISION_DATE,
  AWARDS_IMPORT_COLUMN_AUTHORITY,
  AWARDS_IMPORT_COLUMN_AWARD,
  AWARDS_IMPORT_COLUMN_RECIPIENT_TYPE,
  AWARDS_IMPORT_COLUMN_RECIPIENT,
  AWARDS_IMPORT_COLUMN_ORGANISATION,
  AWARDS_IMPORT_COLUMN_POSITION,
  AWARDS_IMPORT_COLUMN_ACHIEVEMENT,
  AWARDS_IMPORT_COLUMN_PERIOD,
  AWARDS_IMPORT_N_COLUMNS,

  /* A running number ("STT") that offices put first: read and ignored. */
  AWARDS_IMPORT_COLUMN_IGNORED = -2,
  /* Not a column name of the list. */
  AWARDS_IMPORT_COLUMN_UNKNOWN = -3,
} AwardsImportColumn;

AwardsImportColumn  awards_import_column_from_name      (const char          *name);
const char         *awards_import_column_get_name       (AwardsImportColumn   column);
const char         *awards_import_column_get_vi_name    (AwardsImportColumn   column);
const char         *awards_import_column_get_label      (AwardsImportColumn   column);
gboolean            awards_import_columns_are_header    (const char * const  *fields,
                                                         guint                n_fields);

G_END_DECLS
