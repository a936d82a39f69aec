/* awards-name-guard.c: new names that are nearly existing ones, caught before saving
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "awards-name-guard.h"
#include "awards-store-watch.h"
#include "awards-store-near.h"
#include "awards-text.h"

/*
 * The catalogue of award types and authorities is closed: a name that is not in it is a
 * problem until the user picks a catalogue name or adds the new one on purpose. A new
 * organisation or person is fine unless it nearly equals a stored one ("HTX Bach Dang" for
 * "HTX Bạch Đằng"): then the editor asks "did you mean …?" before anything is saved. What
 * the user chose to keep as new is remembered for the life of the editor. No GTK here, so the
 * checks are tested without a display.
 */

#define N_KINDS (AWARDS_NEAR_PERSON + 1)

struct _AwardsNameGuard
{
  AwardsStore     *store;
  gulong           changed_id;
  GHashTable      *accepted[N_KINDS];   /* folded names the user keeps as new */
  GHashTable      *catalogue[N_KINDS];  /* name key → name, of award types and authorities */
  AwardsNearIndex *index[N_KINDS];      /* catalogue and organisations, read once */
  GHashTable      *verdicts;            /* check_key () → Verdict, until the store changes */
};

/* What a check said of a name, kept so that the same name costs no second look-up. */
typedef struct
{
  char *message;
  char *suggestion;
} Verdict;

static void
verdict_free (gpointer data)
{
  Verdict *verdict = data;

  g_free (verdict->message);
  g_free (verdict->suggestion);
  g_free (verdict);
}

/* An editor checks every row of a decision after every change: on a server, each look-up is a
 * trip there and back, hundreds per keystroke. The verdicts hold until the database changes. */
static void
forget_verdicts (AwardsNameGuard *self)
{
  g_hash_table_remove_all (self->verdicts);
}

/**
 * awards_name_guard_new:
 * @store: where the existing names are
 *
 * Returns: (transfer full): a guard for one editor
 */
AwardsNameGuard *
awards_name_guard_new (AwardsStore *store)
{
  AwardsNameGuard *self = g_new0 (AwardsNameGuard, 1);

  g_return_val_if_fail (AWARDS_IS_STORE (store), NULL);

  self->store = g_object_ref (store);
  for (guint i = 0; i < N_KINDS; i++)
    self->accepted[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->verdicts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, verdict_free);
  self->changed_id = g_signal_connect_swapped (store, "changed", G_CALLBACK (forget_verdicts),
                                               self);

  return self;
}

void
awards_name_guard_free (AwardsNameGuard *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < N_KINDS; i++)
    {
      g_clear_pointer (&self->accepted[i], g_hash_table_unref);
      g_clear_pointer (&self->catalogue[i], g_hash_table_unref);
      g_clear_pointer (&self->index[i], awards_near_index_free);
    }
  g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_pointer (&self->verdicts, g_hash_table_unref);
  g_clear_object (&self->store);
  g_free (self);
}

/**
 * awards_name_guard_accept:
 * @self: a guard
 * @kind: what @name names
 * @name: a new name the user keeps on purpose
 */
void
awards_name_guard_accept (AwardsNameGuard *self,
                          AwardsNearKind   kind,
                          const char      *name)
{
  g_return_if_fail (self != NULL && kind < N_KINDS);

  if (name != NULL)
    g_hash_table_add (self->accepted[kind], awards_text_fold (name));
}

static gboolean
is_accepted (AwardsNameGuard *self,
             AwardsNearKind   kind,
             const char      *name)
{
  g_autofree char *folded = awards_text_fold (name);

  return folded != NULL && g_hash_table_contains (self->accepted[kind], folded);
}

static GHashTable *
catalogue (AwardsNameGuard *self,
           AwardsNearKind   kind)
{
  g_autoptr (GPtrArray) items = NULL;

  if (self->catalogue[kind] != NULL)
    return self->catalogue[kind];

  self->catalogue[kind] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  items = kind == AWARDS_NEAR_AUTHORITY ? awards_store_list_authorities (self->store, NULL)
                                        : awards_store_list_award_types (self->store, NULL);
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      GObject *item = g_ptr_array_index (items, i);
      const char *name = kind == AWARDS_NEAR_AUTHORITY
                         ? awards_authority_get_name (AWARDS_AUTHORITY (item))
                         : awards_award_type_get_name (AWARDS_AWARD_TYPE (item));

      g_hash_table_insert (self->catalogue[kind], awards_text_name_key (name), g_strdup (name));
    }

  return self->catalogue[kind];
}

static GPtrArray *
nearest_names (AwardsNameGuard *self,
               AwardsNearKind   kind,
               const char      *name,
               guint            limit,
               gboolean         widen)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) matches = NULL;

  g_return_val_if_fail (self != NULL && kind < AWARDS_NEAR_PERSON, names);

  if (name == NULL)
    return names;

  if (self->index[kind] == NULL)
    self->index[kind] = awards_store_load_near_index (self->store, kind, NULL);
  if (self->index[kind] == NULL)
    return names;

  matches = awards_near_index_lookup (self->index[kind], name, limit);
  for (guint i = 0; matches != NULL && i < matches->len; i++)
    {
      AwardsNearMatch *match = g_ptr_array_index (matches, i);

      g_ptr_array_add (names, g_strdup (match->name));
    }

  /* A longer or shorter form of a catalogue name ("Bằng khen của …") is near in meaning. */
  if (widen && kind != AWARDS_NEAR_ORGANISATION && names->len < limit)
    {
      g_autofree char *folded = awards_text_fold (name);
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, catalogue (self, kind));
      while (folded != NULL && names->len < limit && g_hash_table_iter_next (&iter, NULL, &value))
        {
          g_autofree char *other = awards_text_fold (value);
          gboolean listed = FALSE;

          for (guint i = 0; i < names->len; i++)
            listed = listed || g_strcmp0 (g_ptr_array_index (names, i), value) == 0;
          if (!listed && other != NULL && other[0] != '\0' &&
              (strstr (folded, other) != NULL || strstr (other, folded) != NULL))
            g_ptr_array_add (names, g_strdup (value));
        }
    }

  return names;
}

/**
 * awards_name_guard_nearest:
 * @self: a guard
 * @kind: award types, authorities or organisations
 * @name: a name as typed
 * @limit: the most names to return
 *
 * The stored names nearest to @name: those a typo away first, then, in the catalogue, those
 * that contain @name or are contained in it.
 *
 * Returns: (transfer full) (element-type utf8): the names; empty when none is near
 */
GPtrArray *
awards_name_guard_nearest (AwardsNameGuard *self,
                           AwardsNearKind   kind,
                           const char      *name,
                           guint            limit)
{
  return nearest_names (self, kind, name, limit, TRUE);
}

static char *
check_catalogue (AwardsNameGuard  *self,
                 AwardsNearKind    kind,
                 const char       *name,
                 char            **suggestion)
{
  g_autoptr (GPtrArray) nearest = NULL;
  g_autofree char *key = awards_text_name_key (name);

  /* The store matches catalogue names by this key too: "bằng khen" is "Bằng khen". */
  if (key != NULL && g_hash_table_contains (catalogue (self, kind), key))
    return NULL;

  nearest = nearest_names (self, kind, name, 1, FALSE);
  if (nearest->len > 0)
    {
      *suggestion = g_strdup (g_ptr_array_index (nearest, 0));
      return g_strdup_printf (kind == AWARDS_NEAR_AUTHORITY
                              ? _("“%s” is not a known authority. Did you mean “%s”?")
                              : _("“%s” is not in the catalogue of awards. Did you mean “%s”?"),
                              name, *suggestion);
    }

  return g_strdup_printf (kind == AWARDS_NEAR_AUTHORITY
                          ? _("“%s” is not a known authority: pick one, or add it as a new "
                              "authority.")
                          : _("“%s” is not in the catalogue of awards: pick one, or add it as "
                              "a new award type."),
                          name);
}

static char *check_name (AwardsNameGuard  *self,
                         AwardsNearKind    kind,
                         const char       *normalized,
                         const char       *organisation,
                         char            **suggestion);

/**
 * awards_name_guard_check:
 * @self: a guard
 * @kind: what @name names
 * @name: (nullable): the name as typed
 * @organisation: (nullable): for a person, the organisation as typed
 * @suggestion: (out) (transfer full) (optional): the stored name the user probably meant
 *
 * Award types and authorities must be in the catalogue; organisations and people may be new,
 * but not nearly equal to a stored one. Names the user accepted pass. What a check found of a
 * name is kept until the store says "changed".
 *
 * Returns: (transfer full) (nullable): what is wrong, or %NULL
 */
char *
awards_name_guard_check (AwardsNameGuard  *self,
                         AwardsNearKind    kind,
                         const char       *name,
                         const char       *organisation,
                         char            **suggestion)
{
  g_autofree char *normalized = awards_text_normalize (name);
  g_autofree char *key = NULL;
  Verdict *verdict;

  g_return_val_if_fail (self != NULL && kind < N_KINDS, NULL);

  if (suggestion != NULL)
    *suggestion = NULL;
  if (normalized == NULL || normalized[0] == '\0' || is_accepted (self, kind, normalized))
    return NULL;
  /* A server that went away cannot say what is recorded: no word rather than a wrong "not in
   * the catalogue"; the save then says why it failed. */
  if (awards_store_watch_lost_connection (self->store))
    return NULL;

  /* Only a person's verdict depends on the organisation. */
  key = g_strdup_printf ("%d\x1f%s\x1f%s", kind, normalized,
                         kind == AWARDS_NEAR_PERSON && organisation != NULL ? organisation : "");
  verdict = g_hash_table_lookup (self->verdicts, key);
  if (verdict == NULL)
    {
      verdict = g_new0 (Verdict, 1);
      verdict->message = check_name (self, kind, normalized, organisation,
                                     &verdict->suggestion);
      g_hash_table_insert (self->verdicts, g_steal_pointer (&key), verdict);
    }
  if (suggestion != NULL)
    *suggestion = g_strdup (verdict->suggestion);
  return g_strdup (verdict->message);
}

/* awards_name_guard_check () of a name normalised, not accepted, on a store that answers. */
static char *
check_name (AwardsNameGuard  *self,
            AwardsNearKind    kind,
            const char       *normalized,
            const char       *organisation,
            char            **suggestion)
{
  g_autofree char *suggested = NULL;
  g_autoptr (GPtrArray) matches = NULL;
  char *message = NULL;

  switch (kind)
    {
    case AWARDS_NEAR_AWARD_TYPE:
    case AWARDS_NEAR_AUTHORITY:
      message = check_catalogue (self, kind, normalized, &suggested);
      break;

    case AWARDS_NEAR_ORGANISATION:
      {
        g_autoptr (AwardsOrganisation) existing =
          awards_store_find_organisation (self->store, normalized, NULL);
        g_autoptr (GPtrArray) nearest = NULL;

        if (existing != NULL)
          break;
        nearest = nearest_names (self, kind, normalized, 1, FALSE);
        if (nearest->len == 0)
          break;
        suggested = g_strdup (g_ptr_array_index (nearest, 0));
        message = g_strdup_printf (_("“%s” is not recorded yet. Did you mean “%s”?"),
                                   normalized, suggested);
      }
      break;

    case AWARDS_NEAR_PERSON:
      {
        g_autoptr (AwardsOrganisation) employer =
          organisation != NULL ? awards_store_find_organisation (self->store, organisation, NULL)
                               : NULL;

        if (employer == NULL)
          break;
        matches = awards_store_find_near_names (self->store, kind, normalized,
                                                awards_organisation_get_id (employer), 1, NULL);
        if (matches == NULL || matches->len == 0)
          break;
        if (g_strcmp0 (((AwardsNearMatch *) g_ptr_array_index (matches, 0))->name,
                       normalized) == 0)
          break;
        suggested = g_strdup (((AwardsNearMatch *) g_ptr_array_index (matches, 0))->name);
        message = g_strdup_printf (_("%s has no “%s” yet. Did you mean “%s”?"),
                                   awards_organisation_get_name (employer), normalized,
                                   suggested);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  *suggestion = g_steal_pointer (&suggested);
  return message;
}
