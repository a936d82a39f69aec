/* awards-search-id.h: the row id of a record in the search index
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * One FTS5 table indexes organisations, people and decisions together, so its row id says both
 * the record and its kind: rowid = id * 4 + kind, kind being an AwardsSearchKind (0 organisation,
 * 1 person, 2 decision; 3 is free). This header is the one place that says so: the store, the
 * bulk batch and the schema's triggers (which, being SQL text of schema version 1, spell the
 * same arithmetic out) follow it.
 */

#define AWARDS_SEARCH_ID_KINDS 4

/* The same encoding as SQL text, to be pasted into statements. */
#define AWARDS_SEARCH_ID_KINDS_SQL "4"
#define AWARDS_SEARCH_ROWID_SQL(id, kind) "(" id " * " AWARDS_SEARCH_ID_KINDS_SQL " + " kind ")"
#define AWARDS_SEARCH_ID_OF_SQL(rowid) "(" rowid " / " AWARDS_SEARCH_ID_KINDS_SQL ")"
#define AWARDS_SEARCH_KIND_OF_SQL(rowid) "(" rowid " % " AWARDS_SEARCH_ID_KINDS_SQL ")"

/* The kinds as SQL literals, matching AwardsSearchKind. */
#define AWARDS_SEARCH_KIND_ORGANISATION_SQL "0"
#define AWARDS_SEARCH_KIND_PERSON_SQL "1"
#define AWARDS_SEARCH_KIND_DECISION_SQL "2"

/* Brings the search index up to date with the rows the triggers noted as changed in
 * search_pending, in three statements whatever their number; on both backends. */
#define AWARDS_SEARCH_FLUSH_SQL \
  "DELETE FROM search_index WHERE rowid IN (SELECT ref FROM search_pending);" \
  "INSERT INTO search_index (rowid, body)" \
  " SELECT ref, body FROM (SELECT p.ref," \
  "  CASE " AWARDS_SEARCH_KIND_OF_SQL ("p.ref") \
  "   WHEN " AWARDS_SEARCH_KIND_ORGANISATION_SQL \
  "    THEN (SELECT search_key FROM organisation" \
  "          WHERE id = " AWARDS_SEARCH_ID_OF_SQL ("p.ref") ")" \
  "   WHEN " AWARDS_SEARCH_KIND_PERSON_SQL \
  "    THEN (SELECT search_key FROM person" \
  "          WHERE id = " AWARDS_SEARCH_ID_OF_SQL ("p.ref") ")" \
  "   ELSE (SELECT search_key FROM decision" \
  "         WHERE id = " AWARDS_SEARCH_ID_OF_SQL ("p.ref") ")" \
  "  END AS body FROM search_pending p) AS s WHERE body IS NOT NULL;" \
  "DELETE FROM search_pending;"

static inline gint64
awards_search_rowid (gint64 id,
                     int    kind)
{
  return id * AWARDS_SEARCH_ID_KINDS + kind;
}

static inline gint64
awards_search_rowid_get_id (gint64 rowid)
{
  return rowid / AWARDS_SEARCH_ID_KINDS;
}

static inline int
awards_search_rowid_get_kind (gint64 rowid)
{
  return (int)(rowid % AWARDS_SEARCH_ID_KINDS);
}

G_END_DECLS
