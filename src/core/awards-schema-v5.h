/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * Schema step 5: who has the database open, for exclusive restore (issue 9).
 * Included by awards-schema.c only. A step is never edited once released.
 */
static const char schema_v5[] =
  "SELECT 1;";
