/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "awards-audit.h"

G_BEGIN_DECLS

/* What awards-command.c hands to the writer of the audit log. */
typedef struct
{
  const char  *action;
  const char  *kind;           /* a kind of record, or "import" */
  gint64       record_id;
  const char  *record;         /* the name to show, when the command knows it better */
  const char  *details;        /* when the command knows them better */
  gconstpointer changeset;
  int          changeset_size;
  GPtrArray   *captured;       /* on a server, instead of the changeset (awards-capture.h) */
  const char  *after;          /* for the command's row when no record of it changed */
  const char  *before;         /* with @after, when the command gives its own fields */
} AwardsAuditCommand;

/* The kind of record a table holds, or NULL for a table the log does not show. */
const char *awards_audit_kind_of_table  (const char          *table);
const char *awards_audit_table_of_kind  (const char          *kind);

/* Writes the command's rows inside the open transaction; returns the name it gave the record.
 * An edit that changed nothing a reader of the log would see is not written: *@empty says so. */
gboolean    awards_audit_write          (AwardsStore         *store,
                                         const AwardsAuditCommand *command,
                                         char               **record_name,
                                         gboolean            *empty,
                                         GError             **error);

char       *awards_audit_field_json     (const char          *name,
                                         ...) G_GNUC_NULL_TERMINATED;
char       *awards_audit_ratings_details (guint               n_ratings,
                                          guint               n_initiatives);
char       *awards_audit_record_name    (AwardsStore         *store,
                                         const char          *table,
                                         gint64               id);

/* The name of the record of @table with @id, or NULL (awards-audit-describe.c). */
typedef char *(*AwardsAuditNameLookup) (const char *table,
                                        gint64      id,
                                        gpointer    user_data);

char       *awards_audit_count_details         (guint                   n_awards,
                                                gboolean                with_others);
char       *awards_audit_describe_columns      (const char             *before_json,
                                                const char             *after_json);
void        awards_audit_entry_set_description (AwardsAuditEntry       *entry,
                                                AwardsAuditNameLookup   lookup,
                                                gpointer                user_data);

G_END_DECLS
