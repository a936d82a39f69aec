/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * Schema step 3: the office profile, document numbers and certificate templates (issue 12).
 * Included by awards-schema.c only. A step is never edited once released.
 *
 * `setting` holds the office profile (office.name, signer.title, …) and the register-number
 * sequences ("register.next.2011"), so that every clerk and the CLI share one profile and a
 * sequence moves in the same transaction as the awards that take its numbers. Numbers typed by
 * hand may repeat across books, so uniqueness is kept by the assignment (which skips any number
 * in use), not by an index that could refuse an existing file.
 */
static const char schema_v3[] =
  "CREATE TABLE setting ("
  "  key    TEXT PRIMARY KEY CHECK (key <> ''),"
  "  value  TEXT NOT NULL"
  ") WITHOUT ROWID;"
  "CREATE INDEX commendation_register_number ON commendation (register_number)"
  " WHERE register_number IS NOT NULL;";
