/* awards-import-check.h: every row of a file checked before it is imported, for a preview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "awards-importer.h"

G_BEGIN_DECLS

/* One row as the file writes it, with its problems if it has any. */
typedef struct
{
  guint   line;            /* the file's own line or row number */
  GStrv   cells;
  char   *problem;         /* (nullable) its problems, one per line, translated */
} AwardsCheckedRow;

typedef struct
{
  GStrv       columns;     /* the header's columns, named in the interface language */
  GPtrArray  *rows;        /* AwardsCheckedRow: the first rows and every bad row, in order */
  guint       n_rows;      /* every data row of the file */
  guint       n_added;     /* the awards an import would add, when the file is good */
  GPtrArray  *problems;    /* AwardsImportProblem, every problem of the file */
  GPtrArray  *near_names;  /* AwardsImportNearName, for the user to decide */
  GPtrArray  *new_names[AWARDS_NEAR_PERSON + 1];
  char       *error;       /* (nullable) the file could not be read at all, translated */
  GStrv       sheet_names; /* (nullable) a workbook's sheets; %NULL for a CSV file */
  char       *sheet_name;  /* (nullable) the sheet read */
} AwardsImportCheck;

void               awards_import_check_free (AwardsImportCheck *check);
AwardsImportCheck *awards_import_check_file (AwardsImporter    *importer,
                                             GFile             *file,
                                             guint              max_rows,
                                             GCancellable      *cancellable,
                                             GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwardsImportCheck, awards_import_check_free)

G_END_DECLS
