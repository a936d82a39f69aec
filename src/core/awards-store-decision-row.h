/* awards-store-decision-row.h: how the store reads a decision from a row (internal to src/core)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "awards-db.h"

#include "awards-decision.h"

G_BEGIN_DECLS

/* The columns of a decision, read from "decision d JOIN authority a ON a.id = d.authority_id",
 * with its count of recipients. Every list of decisions reads these, so that a filtered list
 * looks exactly like the unfiltered one. */
#define AWARDS_DECISION_COLUMNS \
  "d.id, d.number, d.date, d.authority_id, a.name, d.signer_name, d.signer_title, d.occasion, " \
  "d.kind, d.notes, " \
  "(SELECT count(*) FROM commendation c WHERE c.decision_id = d.id AND c.deleted = 0) "

/* Decisions of one day by their number as counted, not as text: "789/QĐ-UBND" comes before
 * "3457/QĐ-UBND". SQLite's CAST reads the leading digits; the id keeps pages stable. */
#define AWARDS_DECISION_NUMBER_ORDER "CAST(d.number AS INTEGER), d.number, d.id"

gpointer awards_store_decision_from_row (AwardsDbStmt *stmt,
                                         gpointer      user_data);

G_END_DECLS
