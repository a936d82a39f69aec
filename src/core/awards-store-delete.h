/* awards-store-delete.h: deleting a record that no award refers to (private to src/core)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "awards-store.h"

G_BEGIN_DECLS

typedef struct
{
  const char *kind;          /* the audit log's kind: "organisation" */
  const char *count_sql;     /* counts the awards that refer to ?1, then the deleted ones */
  const char *delete_sql;    /* deletes row ?1 */
  const char *failed;        /* N_(): "Could not delete the organisation" */
  const char *what;          /* N_(): "organisation", for "not found" */
  /* N_(): why the delete failed when the count found no award: another user gave one after
   * the count (on a server, at READ COMMITTED, the delete's own check waits for them). */
  const char *raced;
  /* The refusal for @n awards, translated with its plural, for g_free (). */
  char       *(*refusal) (int n);
  /* The refusal when all @n are deleted awards, which the record's page no longer shows. */
  char       *(*refusal_deleted) (int n);
} AwardsStoreDeleteSpec;

char    *awards_store_delete_refusal (AwardsStore                 *self,
                                     const AwardsStoreDeleteSpec *spec,
                                     gint64                       id,
                                     GError                     **error);
gboolean awards_store_delete_unused (AwardsStore                 *self,
                                     const AwardsStoreDeleteSpec *spec,
                                     gint64                       id,
                                     GError                     **error);

G_END_DECLS
