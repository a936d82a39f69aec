/* awards-text.h: Vietnamese text normalisation, folding and collation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char    *awards_text_normalize       (const char  *text);
char    *awards_text_name_key        (const char  *text);
char    *awards_text_fold            (const char  *text);
GBytes  *awards_text_collation_key   (const char  *text);
GBytes  *awards_text_person_sort_key (const char  *full_name);
void     awards_text_split_name      (const char  *full_name,
                                      char       **family,
                                      char       **middle,
                                      char       **given);
char    *awards_text_fts_query       (const char  *user_query);
int      awards_text_compare         (const char  *a,
                                      const char  *b);
int      awards_text_compare_person  (const char  *full_name_a,
                                      const char  *full_name_b);

G_END_DECLS
