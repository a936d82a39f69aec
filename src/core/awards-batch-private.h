/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * awards-batch-private.h: what the files of AwardsBatch share. The batch's state is one
 * structure, written to by its look-ups and life (awards-batch.c), its awards
 * (awards-batch-awards.c), its people (awards-batch-people.c), its decisions
 * (awards-batch-decisions.c) and a file's bulk mode (awards-batch-bulk.c); nothing outside
 * those files sees it.
 */

#pragma once

#include <sqlite3.h>

#include "awards-batch.h"
#include "awards-batch-copy.h"
#include "awards-db.h"
#include "awards-schema.h"

G_BEGIN_DECLS

typedef struct
{
  gint64             id;
  AwardsEligibility  eligibility;
  char              *name;
} AwardInfo;

typedef struct
{
  gint64  id;
  gint64  authority_id;
  char   *date;
  char   *number;
  gboolean by_copy;       /* created by this batch once it sent awards by COPY: all its awards
                           * went that way, or were first compared (awards-batch-copy.c) */
} DecisionInfo;

/* A person as the batch knows them: the current full name when the batch wrote it. */
typedef struct
{
  gint64      id;
  char       *name;       /* NULL when not read yet */
} PersonRef;

/* Normalised optional texts by the text as given; rows in a row often repeat the last one. */
typedef struct
{
  GHashTable *table;      /* text as given → normalised ("" for none) */
  const char *last_text;  /* a key of table */
  const char *last_normal;
} TextCache;

/* The statements run for every row, prepared once per batch. */
typedef enum
{
  STATEMENT_FIND_PERSON,
  STATEMENT_INSERT_PERSON,
  STATEMENT_INSERT_COMMENDATION,
  N_STATEMENTS
} Statement;
struct _AwardsBatch
{
  AwardsStore     *store;
  AwardsDb        *adb;                  /* the write connection, a file's or a server's */
  sqlite3         *db;                   /* a file's, for its bulk mode; NULL on a server */
  gboolean         open;
  guint            n_added;
  AwardsDbStmt    *statements[N_STATEMENTS];
  AwardsBatchCopy *copy;                 /* a large batch's rows for a server, not yet sent */
  GError          *send_failure;         /* why the server refused them (awards_batch_send_kept) */

  GHashTable      *authority_ids;        /* text or key → gint64 * */
  GHashTable      *authority_names;      /* gint64 * id → name */
  GHashTable      *award_types;          /* text or key → AwardInfo * (owned by award_infos) */
  GPtrArray       *award_infos;
  GHashTable      *award_by_id;          /* gint64 * → AwardInfo * */
  GHashTable      *organisation_ids;     /* text or key → gint64 * */
  GHashTable      *organisation_names;   /* gint64 * id → current name */
  GHashTable      *new_organisations;    /* gint64 * ids created by this batch */
  GHashTable      *people;               /* PersonKey * → PersonRef * (a reference each) */
  GHashTable      *people_before;        /* the generation before (awards-batch-people.c) */
  gboolean         people_forgotten;     /* a generation of people was let go */
  PersonRef       *last_person;          /* what ensure_person () last returned */
  GHashTable      *person_names;         /* gint64 * id → full name */
  GHashTable      *decisions;            /* "authority id|number key" → DecisionInfo * */
  GHashTable      *decision_by_id;       /* gint64 * → DecisionInfo * (owns) */
  GHashTable      *decision_keys;        /* sending by COPY: "authority id|#number key" or
                                          * "authority id|@date" → DecisionInfo * */
  GHashTable      *decision_keys_read;   /* gint64 * authority ids whose decisions are there */
  TextCache        periods;
  TextCache        positions;
  TextCache        achievements;
  int              next_rank;

  gint64           changes_at_begin;     /* sqlite3_total_changes64 () */
  gboolean         bulk;
  gboolean         foreign_keys_off;     /* in bulk mode, when nothing was written before */
  gboolean         journal_switched;     /* a rollback journal instead of the log until the end */
  int              cache_size_before;    /* PRAGMA cache_size to restore; 0: not changed */
  GThread         *cleaner;              /* freeing the look-up tables after a bulk commit */
  char            *created_at;           /* when the batch began, as CURRENT_TIMESTAMP writes it */
  AwardsBulkStart  bulk_start;
};

/* The batch's own look-ups and life (awards-batch.c). */
gint64       *awards_batch_id_new               (gint64          id);
/* Gives the store back once the batch's transaction is over, committed or rolled back. */
void          awards_batch_close                (AwardsBatch    *self);
const char   *awards_batch_cached_optional_text (TextCache      *cache,
                                                 const char     *text);
AwardsDbStmt *awards_batch_statement            (AwardsBatch    *self,
                                                 Statement       which,
                                                 GError        **error);
void          awards_batch_bind_static_text     (AwardsDbStmt   *stmt,
                                                 int             index,
                                                 const char     *text);
void          awards_batch_set_empty            (GError        **error,
                                                 const char     *what);

gboolean      awards_batch_send_kept            (AwardsBatch    *self,
                                                 GError        **error);
gboolean      awards_batch_maybe_start_copy     (AwardsBatch    *self,
                                                 guint           n_rows,
                                                 GError        **error);
AwardInfo    *awards_batch_award_info_for_id    (AwardsBatch    *self,
                                                 gint64          id,
                                                 GError        **error);

/* The people (awards-batch-people.c). */
guint         awards_batch_person_key_hash      (gconstpointer   data);
gboolean      awards_batch_person_key_equal     (gconstpointer   a,
                                                 gconstpointer   b);
GHashTable   *awards_batch_people_new           (void);
void          awards_batch_set_people_generation (guint          n_names);

/* The decisions (awards-batch-decisions.c). */
DecisionInfo *awards_batch_decision_info_for_id (AwardsBatch    *self,
                                                 gint64          id,
                                                 GError        **error);

/* A file's bulk mode (awards-batch-bulk.c). */
gboolean      awards_batch_start_bulk           (AwardsBatch    *self,
                                                 guint           n_rows,
                                                 GError        **error);
void          awards_batch_widen_cache_for_commit (AwardsBatch  *self);
void          awards_batch_restore_bulk         (AwardsBatch    *self);

G_END_DECLS
