/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * Schema step 6: the indexes of an award's recipient hold deleted awards too.
 *
 * They were partial on "deleted = 0", which SQLite cannot use to look up the awards that refer
 * to an organisation or a person: deleting either, or counting its awards before refusing to,
 * read every award (0.9–1.3 s at a million awards). Partial only on the column being present,
 * they serve the foreign-key checks and those counts. The new definitions are in
 * list_indexes (awards-schema.c), which creates them again after this step.
 *
 * Included by awards-schema.c only. A step is never edited once released.
 */
static const char schema_v6[] =
  "DROP INDEX IF EXISTS commendation_organisation;"
  "DROP INDEX IF EXISTS commendation_person;"
  "DROP INDEX IF EXISTS commendation_at_time;";
