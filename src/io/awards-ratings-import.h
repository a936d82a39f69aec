/* awards-ratings-import.h: annual ratings and initiatives from CSV files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "awards-store.h"

G_BEGIN_DECLS

/*
 * Reads every file, then writes all their rows in one transaction, or nothing when any row of
 * any file is wrong: the error (AWARDS_IMPORT_ERROR_INVALID) then lists every problem as
 * "FILE:LINE: message". A file whose header has a `rating` column holds ratings
 * (recipient_type, recipient, organisation, year, rating); one with `title` and `scope` holds
 * initiatives (recipient_type, recipient, organisation, year, title, scope). Vietnamese column
 * names are accepted as well; an `STT` column is ignored.
 */
gboolean awards_ratings_import_files (AwardsStore         *store,
                                      const char * const  *paths,
                                      gboolean             dry_run,
                                      guint               *n_ratings,
                                      guint               *n_initiatives,
                                      GError             **error);

G_END_DECLS
