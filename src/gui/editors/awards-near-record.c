/* awards-near-record.c: the stored organisation or person a new name probably means
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "awards-near.h"
#include "awards-near-record.h"
#include "awards-store-near.h"
#include "awards-text.h"

/*
 * The organisation and person editors ask this, through their name guard on the store's
 * threads (awards_name_guard_near_organisation ()), of a name that is not stored yet:
 * "HTX Bach Dang" when "HTX Bạch Đằng" exists, "Trần Văn Bẩy" or "Trần Văn Bay" when
 * "Trần Văn Bảy" works in the same cooperative. A stored name equal to the typed one is no
 * question (the record checks handle duplicates), nor is the record being edited itself.
 * No GTK here, so that it is tested without a display.
 */

/**
 * awards_near_record_organisation:
 * @store: the store
 * @name: (nullable): the name as typed
 * @own_id: the organisation being edited, or 0 for a new one
 * @existing_name: (out) (transfer full) (optional): the stored name meant
 *
 * Returns: the id of another organisation whose name nearly equals @name, or 0
 */
gint64
awards_near_record_organisation (AwardsStore  *store,
                                 const char   *name,
                                 gint64        own_id,
                                 char        **existing_name)
{
  g_autofree char *normalized = awards_text_normalize (name);
  g_autoptr (AwardsOrganisation) equal = NULL;
  g_autoptr (GPtrArray) matches = NULL;

  g_return_val_if_fail (AWARDS_IS_STORE (store), 0);

  if (existing_name != NULL)
    *existing_name = NULL;
  if (normalized == NULL || normalized[0] == '\0')
    return 0;

  equal = awards_store_find_organisation (store, normalized, NULL);
  if (equal != NULL)
    return 0;

  matches = awards_store_find_near_names (store, AWARDS_NEAR_ORGANISATION, normalized, 0, 3,
                                          NULL);
  for (guint i = 0; matches != NULL && i < matches->len; i++)
    {
      AwardsNearMatch *match = g_ptr_array_index (matches, i);

      if (match->id == own_id)
        continue;
      if (existing_name != NULL)
        *existing_name = g_strdup (match->name);
      return match->id;
    }
  return 0;
}

/* Whether two folded names are one letter apart: one changed, added or dropped. */
static gboolean
one_edit_apart (const char *a,
                const char *b)
{
  g_autofree gunichar *x = g_utf8_to_ucs4_fast (a, -1, NULL);
  g_autofree gunichar *y = g_utf8_to_ucs4_fast (b, -1, NULL);
  glong i = 0, nx = 0, ny = 0;

  while (x[nx] != 0)
    nx++;
  while (y[ny] != 0)
    ny++;
  if (ABS (nx - ny) > 1)
    return FALSE;

  while (i < nx && i < ny && x[i] == y[i])
    i++;
  if (i == nx && i == ny)
    return FALSE;
  /* After the first difference the rest must match: replaced, or one side has one more. */
  if (nx == ny)
    return memcmp (x + i + 1, y + i + 1, (nx - i - 1) * sizeof (gunichar)) == 0;
  if (nx > ny)
    return memcmp (x + i + 1, y + i, (ny - i) * sizeof (gunichar)) == 0;
  return memcmp (x + i, y + i + 1, (nx - i) * sizeof (gunichar)) == 0;
}

/**
 * awards_near_record_person:
 * @store: the store
 * @full_name: (nullable): the name as typed
 * @organisation_name: (nullable): the person's organisation as typed
 * @own_id: the person being edited, or 0 for a new one
 * @existing_name: (out) (transfer full) (optional): the stored name meant
 *
 * People are compared only within their organisation, where two spellings of one name are a
 * mistake: equal but for accents and case, or one letter apart.
 *
 * Returns: the id of another person of the organisation whose name nearly equals @full_name,
 *   or 0
 */
gint64
awards_near_record_person (AwardsStore  *store,
                           const char   *full_name,
                           const char   *organisation_name,
                           gint64        own_id,
                           char        **existing_name)
{
  g_autofree char *normalized = awards_text_normalize (full_name);
  g_autofree char *folded = NULL;
  g_autoptr (AwardsOrganisation) organisation = NULL;
  g_autoptr (GPtrArray) people = NULL;

  g_return_val_if_fail (AWARDS_IS_STORE (store), 0);

  if (existing_name != NULL)
    *existing_name = NULL;
  if (normalized == NULL || normalized[0] == '\0' || organisation_name == NULL)
    return 0;

  organisation = awards_store_find_organisation (store, organisation_name, NULL);
  if (organisation == NULL)
    return 0;

  /* A cooperative has tens of people, a large one a few thousand. */
  people = awards_store_list_people (store, NULL, awards_organisation_get_id (organisation),
                                     0, 10000, NULL);
  /* The very name: this person's own, or another person of the same name, who is given. */
  for (guint i = 0; people != NULL && i < people->len; i++)
    {
      AwardsPerson *person = g_ptr_array_index (people, i);

      if (g_strcmp0 (awards_person_get_full_name (person), normalized) != 0)
        continue;
      if (awards_person_get_id (person) == own_id)
        return 0;
      if (existing_name != NULL)
        *existing_name = g_strdup (normalized);
      return awards_person_get_id (person);
    }

  folded = awards_text_fold (normalized);
  for (guint i = 0; people != NULL && i < people->len; i++)
    {
      AwardsPerson *person = g_ptr_array_index (people, i);
      g_autofree char *other = awards_text_fold (awards_person_get_full_name (person));

      if (awards_person_get_id (person) == own_id || folded == NULL || other == NULL)
        continue;
      /* Equal but for accents and case ("Trần Văn Bẩy"), or one letter off ("Trần Văn Bat"). */
      if (strcmp (folded, other) != 0 && !one_edit_apart (folded, other))
        continue;
      if (existing_name != NULL)
        *existing_name = g_strdup (awards_person_get_full_name (person));
      return awards_person_get_id (person);
    }
  return 0;
}
