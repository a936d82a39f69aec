/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * Schema step 2: the audit log and the command history (issue 8).
 * Included by awards-schema.c only. A step is never edited once released.
 *
 * audit_log holds one row for every command (command_id NULL) and one row for each further record
 * the command changed (command_id = the command's row), so that an import or a decision saved
 * with its awards reads as one entry. before and after are JSON objects of the fields that
 * changed (all of them for a created or deleted record). user is the operating-system user; role
 * stays NULL until a shared database names its own roles. Nothing in the program edits or
 * deletes a row of it, and the triggers make sure nothing else does either.
 *
 * row_version counts the changes of an editable record, so that a save can tell that the record
 * changed since it was opened. A trigger raises it on every update that did not set it higher
 * itself; the store never writes it.
 */
#define AUDIT_REFUSE(op) \
  "CREATE TRIGGER audit_log_no_" op " BEFORE " op " ON audit_log" \
  " BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;"

#define ROW_VERSION(table) \
  "ALTER TABLE " table " ADD COLUMN row_version INTEGER NOT NULL DEFAULT 0;" \
  "CREATE TRIGGER " table "_row_version AFTER UPDATE ON " table \
  " WHEN NEW.row_version <= OLD.row_version" \
  " BEGIN UPDATE " table " SET row_version = OLD.row_version + 1 WHERE id = NEW.id; END;"

static const char schema_v2[] =
  "CREATE TABLE audit_log ("
  "  id          INTEGER PRIMARY KEY,"
  "  command_id  INTEGER REFERENCES audit_log (id),"
  "  at          TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')),"
  "  user        TEXT NOT NULL,"
  "  role        TEXT,"
  "  action      TEXT NOT NULL CHECK (action <> ''),"
  "  kind        TEXT NOT NULL CHECK (kind <> ''),"
  "  record_id   INTEGER,"
  "  record      TEXT,"
  "  before      TEXT CHECK (before IS NULL OR json_valid (before)),"
  "  after       TEXT CHECK (after IS NULL OR json_valid (after)),"
  "  details     TEXT"
  ");"
  "CREATE INDEX audit_log_record ON audit_log (kind, record_id);"
  "CREATE INDEX audit_log_command ON audit_log (command_id);"
  "CREATE INDEX audit_log_at ON audit_log (at);"
  AUDIT_REFUSE ("UPDATE")
  AUDIT_REFUSE ("DELETE")

  ROW_VERSION ("organisation")
  ROW_VERSION ("person")
  ROW_VERSION ("decision")
  ROW_VERSION ("commendation")

  /* Step 1 checks an award against its type when the award is written; an award type whose
   * eligibility is narrowed under awards it already has would break the same rule. */
  "CREATE TRIGGER award_type_eligibility_update BEFORE UPDATE OF eligibility ON award_type"
  " BEGIN"
  "  SELECT RAISE (ABORT, 'award not allowed for this kind of recipient')"
  "   WHERE EXISTS (SELECT 1 FROM commendation c WHERE c.award_type_id = NEW.id"
  "     AND c.deleted = 0"
  "     AND NEW.eligibility = CASE WHEN c.person_id IS NULL THEN 'individual'"
  "                                ELSE 'collective' END);"
  " END;";
