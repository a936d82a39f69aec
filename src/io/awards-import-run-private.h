/* awards-import-run-private.h: one import run as its two files share it (internal to
 * awards-import-run.c, which reads the rows, and awards-import-record.c, which records them)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "awards-batch.h"
#include "awards-csv-reader.h"
#include "awards-import-guard.h"
#include "awards-import-header.h"
#include "awards-import-run.h"

G_BEGIN_DECLS

/* What the reader's parsing thread knows to prepare the names of new people ahead. */
typedef struct
{
  gboolean    have_header;
  int         type_field;         /* -1: no such column */
  int         recipient_field;
  int         organisation_field;
  GHashTable *seen;               /* "organisation\x1fname" as written, in seen_text */
  GStringChunk *seen_text;        /* one block for all: no allocation per person */
  GString    *seen_key;           /* the record's, reused */
} Prepare;

/* A name already passed to the batch by the previous row, with the id it returned. */
typedef struct
{
  GString *text;
  gint64   id;
} LastName;

/* Everything one run of the importer needs; the results are taken by the importer at the end. */
struct _AwardsImportRun
{
  AwardsBatch               *batch;
  char                      *display_name;
  gboolean                   dry_run;
  GCancellable              *cancellable;

  AwardsCsvReader           *reader;
  guint64                    bytes_total;
  AwardsImportProgressFunc   progress_func;
  gpointer                   progress_data;

  gboolean                   have_header;
  AwardsImportHeader         header;          /* its columns, once have_header */
  gboolean                   find_header;     /* a title block may come first */
  gboolean                   skipped_title;   /* a CSV's title block came first */

  AwardsImportGuard         *guard;
  gboolean                   allow_new;
  GHashTable                *resolutions;
  GPtrArray                 *new_names[AWARDS_NEAR_PERSON + 1];
  GPtrArray                 *near_names;

  GPtrArray                 *problems;        /* AwardsImportProblem */
  GError                    *fatal;           /* an error of the store, not of the file */
  guint                      n_rows;
  guint                      n_added;

  /* Consecutive rows usually share these, so the previous values save most batch calls. */
  GString                   *last_date_text;
  char                      *last_date_iso;
  gboolean                   last_date_future;  /* last_date_iso comes after today */
  char                      *today;             /* awards_date_today () at the start */
  LastName                   last_authority;
  LastName                   last_award;
  AwardsEligibility          last_eligibility;
  LastName                   last_organisation;
  GString                   *last_decision_number;
  char                      *last_decision_iso;
  gint64                     last_decision_authority_id;
  gint64                     last_decision_id;

  /* The line of each award this run added, by its id from first_commendation on: a row that
   * repeats an award of the file names the line of the first. */
  gint64                     first_commendation;
  GArray                    *commendation_lines;

  Prepare                    prepare;
};

/* A row's problem, in the run's words, from either file. */
#define add_problem(run, line, ...) \
  awards_import_problems_add ((run)->problems, (line), __VA_ARGS__)

G_END_DECLS
