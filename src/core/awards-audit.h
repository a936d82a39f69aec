/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "awards-store.h"

G_BEGIN_DECLS

/* One row of the audit log. before and after are JSON objects of the fields that changed. */
typedef struct
{
  gint64  id;
  gint64  command_id;   /* 0 for a whole command; else the command this part belongs to */
  char   *time;         /* ISO 8601, UTC */
  char   *user;
  char   *role;
  char   *action;       /* create, edit, delete, restore, merge, import, undo, redo */
  char   *kind;         /* organisation, person, decision, award, import, … */
  gint64  record_id;
  char   *record;       /* the record's name, or the imported file */
  char   *before;
  char   *after;
  char   *details;      /* "field: old → new; …", or what an import or a decision brought */
  char   *description;  /* the fields changed in a reader's words, when read from a store */
} AwardsAuditEntry;

void       awards_audit_entry_free         (AwardsAuditEntry  *entry);
char      *awards_audit_entry_describe     (const AwardsAuditEntry *entry);
char      *awards_audit_entry_logged_details (const AwardsAuditEntry *entry);
char      *awards_audit_entry_who          (const AwardsAuditEntry *entry);

GPtrArray *awards_store_list_audit         (AwardsStore  *self,
                                            const char   *since,
                                            guint         limit,
                                            GError      **error);
GPtrArray *awards_store_list_record_audit  (AwardsStore  *self,
                                            const char   *kind,
                                            gint64        record_id,
                                            guint         limit,
                                            GError      **error);
gint64     awards_store_get_row_version    (AwardsStore  *self,
                                            const char   *kind,
                                            gint64        record_id,
                                            GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwardsAuditEntry, awards_audit_entry_free)

G_END_DECLS
