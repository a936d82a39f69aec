/* awards-import-header.h: the header row of a flat award list, which names its columns
 * (internal to src/io: awards-import-run.c reads its rows by it)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "awards-import-columns.h"

G_BEGIN_DECLS

typedef enum
{
  COLUMN_DECISION_NUMBER,
  COLUMN_DECISION_DATE,
  COLUMN_AUTHORITY,
  COLUMN_AWARD,
  COLUMN_RECIPIENT_TYPE,
  COLUMN_RECIPIENT,
  COLUMN_ORGANISATION,
  COLUMN_POSITION,
  COLUMN_ACHIEVEMENT,
  COLUMN_PERIOD,
  N_COLUMNS,

  /* A header field left empty, as spreadsheets write for trailing blank columns. */
  COLUMN_UNNAMED = -1,
  /* A running number ("STT"), read and ignored. */
  COLUMN_IGNORED = AWARDS_IMPORT_COLUMN_IGNORED,
} Column;

G_STATIC_ASSERT ((int) N_COLUMNS == (int) AWARDS_IMPORT_N_COLUMNS);
G_STATIC_ASSERT ((int) COLUMN_PERIOD == (int) AWARDS_IMPORT_COLUMN_PERIOD);
/* The header's columns are handed to awards_import_is_totals_row () as they are. */
G_STATIC_ASSERT (sizeof (Column) == sizeof (AwardsImportColumn));

/* What the header row said, for the rows below it. */
typedef struct
{
  GArray *field_columns;               /* Column of every field of the header */
  char   *names[N_COLUMNS];            /* as the file writes them */
  char   *second_award_column;         /* titles and commendations apart */
} AwardsImportHeader;

void        awards_import_header_init             (AwardsImportHeader        *header);
void        awards_import_header_clear            (AwardsImportHeader        *header);
gboolean    awards_import_header_read             (AwardsImportHeader        *header,
                                                   GPtrArray                 *problems,
                                                   guint                      line,
                                                   char                     **fields,
                                                   guint                      n_fields,
                                                   gboolean                   valid_utf8);
Column      awards_import_header_column_from_name (const char                *name);
const char *awards_import_header_column_name      (const AwardsImportHeader  *header,
                                                   Column                     column);

G_END_DECLS
