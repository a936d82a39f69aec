/* awards-test-util.h: what the tests share — temporary folders, waiting on the main loop, and the
 * seed data set of the 2011 year-end review of Hải Phòng
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "awards-store.h"

G_BEGIN_DECLS

char    *awards_test_make_dir        (const char *prefix);
void     awards_test_remove_tree     (const char *path);

void     awards_test_iterate         (void);
gboolean awards_test_iterate_until   (gint64      deadline);
void     awards_test_settle          (guint       ms);
double   awards_test_timeout_scale   (void);

/* Turns the main loop until @expr holds, for @seconds at most (times $AWARDS_TEST_TIMEOUT_SCALE,
 * which the sanitizer pass sets); a test that waits longer fails. */
#define AWARDS_TEST_WAIT_UNTIL(expr, seconds)                                                 \
  G_STMT_START {                                                                              \
    gint64 awards_test_wait_end = g_get_monotonic_time () +                                 \
      (gint64) ((seconds) * awards_test_timeout_scale () * G_USEC_PER_SEC);                    \
    while (!(expr) && awards_test_iterate_until (awards_test_wait_end))                       \
      ;                                                                                       \
    if (!(expr))                                                                              \
      g_error ("Timed out waiting for %s", #expr);                                            \
  } G_STMT_END

AwardsCommendation *awards_test_recipient     (AwardsRecipientKind  kind,
                                               const char          *name,
                                               const char          *organisation,
                                               const char          *position,
                                               const char          *award);
gint64              awards_test_save_decision (AwardsStore         *store,
                                               const char          *number,
                                               const char          *date,
                                               const char          *authority,
                                               GPtrArray           *recipients);
gint64              awards_test_seed          (AwardsStore         *store);
void                awards_test_fill_long_decision (AwardsStore    *store,
                                                    guint           n_people);

G_END_DECLS
