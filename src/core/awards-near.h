/* awards-near.h: names that are nearly equal (typos, diacritics, common abbreviations)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The kinds of named records a new name is checked against. People are only compared within
 * one organisation, for names equal after folding or one slip apart in the family or middle
 * name (never in the given name): two people of nearly the same name are common, two
 * spellings of one person in one organisation are a mistake. */
typedef enum
{
  AWARDS_NEAR_AWARD_TYPE,
  AWARDS_NEAR_AUTHORITY,
  AWARDS_NEAR_ORGANISATION,
  AWARDS_NEAR_PERSON,
} AwardsNearKind;

/* Why two names were found nearly equal, from the closest to the loosest. */
typedef enum
{
  AWARDS_NEAR_FOLDED,        /* equal but for case, diacritics, đ and spaces */
  AWARDS_NEAR_ABBREVIATION,  /* equal once common abbreviations are written out */
  AWARDS_NEAR_EDITS,         /* one or two edits apart (a transposition counts as one) */
  AWARDS_NEAR_SPELLING,      /* equal but for i and y, or s and x, ch and tr at a word's start */
} AwardsNearReason;

typedef struct
{
  gint64            id;
  char             *name;
  AwardsNearReason  reason;
  guint             distance;
} AwardsNearMatch;

void              awards_near_match_free      (AwardsNearMatch   *match);

char             *awards_near_key             (const char        *name);
guint             awards_near_allowed_edits   (AwardsNearKind     kind,
                                               const char        *name);
gboolean          awards_near_compare         (AwardsNearKind     kind,
                                               const char        *name,
                                               const char        *other,
                                               AwardsNearReason  *reason,
                                               guint             *distance);

typedef struct _AwardsNearIndex AwardsNearIndex;

AwardsNearIndex  *awards_near_index_new       (AwardsNearKind     kind);
void              awards_near_index_free      (AwardsNearIndex   *self);
void              awards_near_index_add       (AwardsNearIndex   *self,
                                               gint64             id,
                                               const char        *name);
guint             awards_near_index_get_size  (AwardsNearIndex   *self);
gboolean          awards_near_index_contains  (AwardsNearIndex   *self,
                                               const char        *name);
gboolean          awards_near_index_contains_name (AwardsNearIndex *self,
                                                   const char      *name);
GPtrArray        *awards_near_index_lookup    (AwardsNearIndex   *self,
                                               const char        *name,
                                               guint              limit);

/* The same, for a caller that has the name's key (awards_text_name_key ()) already. */
void              awards_near_index_add_keyed      (AwardsNearIndex *self,
                                                    gint64           id,
                                                    const char      *name,
                                                    const char      *name_key);
gboolean          awards_near_index_contains_key   (AwardsNearIndex *self,
                                                    const char      *name_key);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwardsNearMatch, awards_near_match_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwardsNearIndex, awards_near_index_free)

G_END_DECLS
