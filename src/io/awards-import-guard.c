/* awards-import-guard.c: new names in an import, and the near duplicates among them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "awards-import-guard.h"
#include "awards-store-near.h"
#include "awards-text.h"

/*
 * An import creates the award types, authorities and organisations it does not find; a typo
 * must not become one of them. The guard reads the stored names of those kinds once, then
 * decides for each name the file writes, once per spelling: a known name passes; a new name
 * nearly equal to a known one or to an earlier new one is a problem of the row ("did you
 * mean …"), unless new names are allowed or the user said what the name stands for
 * (a resolution: use an existing name, or create it as written). The new names are kept for
 * the summary of a dry run, people included.
 */

#define N_KINDS (AWARDS_NEAR_PERSON + 1)

typedef struct
{
  char    *use;        /* the name to give the batch; NULL: a problem */
  char    *nearest;    /* a refused person: the nearest of the organisation's people */
} Verdict;

/* The verdict of nearly every person: the name passes as the row writes it. One for all, so
 * that a person costs the guard a key and no verdict of its own. */
static Verdict pass_as_written;

struct _AwardsImportGuard
{
  AwardsStore     *store;
  gboolean         allow_new;
  GHashTable      *resolutions;              /* resolution key → name to use, "" = as written */
  AwardsNearIndex *indexes[N_KINDS];
  GHashTable      *verdicts[N_KINDS];        /* name as written → Verdict */
  GPtrArray       *new_names[N_KINDS];       /* char*, in file order */
  GHashTable      *near_names;               /* resolution key → AwardsImportNearName */
  GPtrArray       *near_order;
  GHashTable      *people_seen;              /* "organisation\x1fname key" */
  GHashTable      *people_indexes;           /* organisation id → AwardsNearIndex */
  /* "organisation\x1fname" → Verdict, but for the names that pass as their organisation's
   * index has them (awards_near_index_contains_name ()): most people, held once there. */
  GHashTable      *people_verdicts;
  GStringChunk    *people_verdict_text;      /* the keys of people_verdicts */
  GString         *verdict_key;              /* the key of the row at hand, reused */
  /* When new names are allowed, nobody's name is compared with the file's new people: only
   * their keys are kept ("organisation\x1fname key", in new_people_text), not a whole entry
   * of the organisation's near index each (a third of the memory a new person took). */
  GHashTable      *new_people_keys;
  GStringChunk    *new_people_text;
  GString         *new_person_key;           /* reused */
};

void
awards_import_near_name_free (AwardsImportNearName *near_name)
{
  if (near_name == NULL)
    return;
  g_free (near_name->name);
  g_strfreev (near_name->suggestions);
  g_free (near_name);
}

/* A new name is listed as it will be stored, not as the file spells it: "Nguyễn  Văn Hùng"
 * with two spaces or in decomposed Unicode is recorded as "Nguyễn Văn Hùng". */
static char *
listed_name (const char *name)
{
  char *normalized = awards_text_normalize (name);

  return normalized != NULL ? normalized : g_strdup (name);
}

static void
verdict_free (gpointer data)
{
  Verdict *verdict = data;

  if (verdict == &pass_as_written)
    return;
  g_free (verdict->use);
  g_free (verdict->nearest);
  g_free (verdict);
}

/* awards_import_resolution_key () from the name's key: a new name needs its key three times. */
static char *
resolution_key_for (AwardsNearKind  kind,
                    const char     *name_key)
{
  return g_strdup_printf ("%d:%s", (int) kind, name_key != NULL ? name_key : "");
}

/**
 * awards_import_resolution_key:
 * @kind: what @name names
 * @name: a name as a file writes it
 *
 * Returns: (transfer full): the key under which a resolution of @name is given to
 *   awards_import_guard_new ()
 */
char *
awards_import_resolution_key (AwardsNearKind  kind,
                              const char     *name)
{
  g_autofree char *key = awards_text_name_key (name);

  return resolution_key_for (kind, key);
}

AwardsImportGuard *
awards_import_guard_new (AwardsStore  *store,
                         gboolean      allow_new,
                         GHashTable   *resolutions,
                         GError      **error)
{
  g_autoptr(AwardsImportGuard) self = g_new0 (AwardsImportGuard, 1);

  self->store = g_object_ref (store);
  self->allow_new = allow_new;
  self->resolutions = resolutions != NULL ? g_hash_table_ref (resolutions) : NULL;
  for (guint kind = 0; kind < N_KINDS; kind++)
    {
      self->verdicts[kind] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, verdict_free);
      self->new_names[kind] = g_ptr_array_new_with_free_func (g_free);
      if (kind == AWARDS_NEAR_PERSON)
        continue;
      self->indexes[kind] = awards_store_load_near_index (store, kind, error);
      if (self->indexes[kind] == NULL)
        return NULL;
    }
  self->near_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) awards_import_near_name_free);
  self->near_order = g_ptr_array_new ();
  self->people_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->people_indexes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                (GDestroyNotify) awards_near_index_free);
  self->people_verdicts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, verdict_free);
  self->people_verdict_text = g_string_chunk_new (64 * 1024);
  self->verdict_key = g_string_new (NULL);
  self->new_people_keys = g_hash_table_new (g_str_hash, g_str_equal);
  self->new_people_text = g_string_chunk_new (64 * 1024);
  self->new_person_key = g_string_new (NULL);

  return g_steal_pointer (&self);
}

void
awards_import_guard_free (AwardsImportGuard *self)
{
  if (self == NULL)
    return;
  for (guint kind = 0; kind < N_KINDS; kind++)
    {
      g_clear_pointer (&self->indexes[kind], awards_near_index_free);
      g_clear_pointer (&self->verdicts[kind], g_hash_table_unref);
      g_clear_pointer (&self->new_names[kind], g_ptr_array_unref);
    }
  g_clear_pointer (&self->near_order, g_ptr_array_unref);
  g_clear_pointer (&self->near_names, g_hash_table_unref);
  g_clear_pointer (&self->people_seen, g_hash_table_unref);
  g_clear_pointer (&self->people_indexes, g_hash_table_unref);
  g_clear_pointer (&self->people_verdicts, g_hash_table_unref);
  g_clear_pointer (&self->people_verdict_text, g_string_chunk_free);
  if (self->verdict_key != NULL)
    g_string_free (self->verdict_key, TRUE);
  g_clear_pointer (&self->new_people_keys, g_hash_table_unref);
  g_clear_pointer (&self->new_people_text, g_string_chunk_free);
  if (self->new_person_key != NULL)
    g_string_free (self->new_person_key, TRUE);
  g_clear_pointer (&self->resolutions, g_hash_table_unref);
  g_clear_object (&self->store);
  g_free (self);
}

static char *
near_problem (AwardsNearKind  kind,
              const char     *name,
              const char     *suggestion)
{
  switch (kind)
    {
    case AWARDS_NEAR_AWARD_TYPE:
      return g_strdup_printf (_("unknown award “%s”; did you mean “%s”?"), name, suggestion);
    case AWARDS_NEAR_AUTHORITY:
      return g_strdup_printf (_("unknown authority “%s”; did you mean “%s”?"), name, suggestion);
    case AWARDS_NEAR_ORGANISATION:
      return g_strdup_printf (_("unknown organisation “%s”; did you mean “%s”?"), name,
                              suggestion);
    case AWARDS_NEAR_PERSON:
    default:
      g_assert_not_reached ();
    }
}

static Verdict *
decide (AwardsImportGuard *self,
        AwardsNearKind     kind,
        const char        *name,
        guint              line)
{
  AwardsNearIndex *index = self->indexes[kind];
  Verdict *verdict = g_new0 (Verdict, 1);
  g_autofree char *name_key = awards_text_name_key (name);
  g_autofree char *key = NULL;
  g_autoptr(GPtrArray) matches = NULL;
  const char *resolved = NULL;

  if (awards_near_index_contains_key (index, name_key))
    {
      verdict->use = g_strdup (name);
      return verdict;
    }

  key = resolution_key_for (kind, name_key);
  if (self->resolutions != NULL)
    resolved = g_hash_table_lookup (self->resolutions, key);

  /* A name the user chose to map onto an existing one. */
  if (resolved != NULL && resolved[0] != '\0')
    {
      verdict->use = g_strdup (resolved);
      return verdict;
    }

  if (!self->allow_new && resolved == NULL)
    matches = awards_near_index_lookup (index, name, 3);

  if (matches != NULL && matches->len > 0)
    {
      AwardsImportNearName *near_name;
      g_autoptr(GStrvBuilder) suggestions = NULL;

      /* Another spelling of the same name ("bằng khn", "Bằng khn") was refused already. */
      if (g_hash_table_contains (self->near_names, key))
        return verdict;

      near_name = g_new0 (AwardsImportNearName, 1);
      suggestions = g_strv_builder_new ();

      for (guint i = 0; i < matches->len; i++)
        g_strv_builder_add (suggestions, ((AwardsNearMatch *) g_ptr_array_index (matches, i))->name);
      near_name->kind = kind;
      near_name->name = g_strdup (name);
      near_name->suggestions = g_strv_builder_end (suggestions);
      near_name->first_line = line;
      g_hash_table_insert (self->near_names, g_steal_pointer (&key), near_name);
      g_ptr_array_add (self->near_order, near_name);
      return verdict;
    }

  /* New: later names of the file are compared with it too. */
  awards_near_index_add_keyed (index, 0, name, name_key);
  g_ptr_array_add (self->new_names[kind], listed_name (name));
  verdict->use = g_strdup (name);
  return verdict;
}

/**
 * awards_import_guard_check:
 * @self: a guard
 * @kind: award type, authority or organisation
 * @name: a name as a row of the file writes it (trimmed)
 * @line: the row's line, for the first mention of a near name
 * @problem: (out) (transfer full) (optional): the row's problem when the name is refused
 *
 * Returns: (nullable): the name to record (@name, or the existing name that the user chose for
 *   it), or %NULL when @name is a near duplicate that the row must not create
 */
const char *
awards_import_guard_check (AwardsImportGuard  *self,
                           AwardsNearKind      kind,
                           const char         *name,
                           guint               line,
                           char              **problem)
{
  Verdict *verdict;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (kind != AWARDS_NEAR_PERSON, NULL);

  verdict = g_hash_table_lookup (self->verdicts[kind], name);
  if (verdict == NULL)
    {
      verdict = decide (self, kind, name, line);
      g_hash_table_insert (self->verdicts[kind], g_strdup (name), verdict);
    }

  if (verdict->use == NULL && problem != NULL)
    {
      g_autofree char *key = awards_import_resolution_key (kind, name);
      AwardsImportNearName *near_name = g_hash_table_lookup (self->near_names, key);

      *problem = near_problem (kind, name, near_name->suggestions[0]);
    }
  return verdict->use;
}

/* The people of one organisation, read once per import; the file's new people are added. */
static AwardsNearIndex *
people_index (AwardsImportGuard  *self,
              gint64              organisation_id,
              GError            **error)
{
  AwardsNearIndex *index = g_hash_table_lookup (self->people_indexes, &organisation_id);

  if (index == NULL)
    {
      index = awards_store_load_person_near_index (self->store, organisation_id, error);
      if (index == NULL)
        return NULL;
      g_hash_table_insert (self->people_indexes, g_memdup2 (&organisation_id, sizeof (gint64)),
                           index);
    }
  return index;
}

/* The key of a new person in new_people_keys, valid until the next call. */
static const char *
new_person_key (AwardsImportGuard *self,
                gint64             organisation_id,
                const char        *name_key)
{
  g_string_printf (self->new_person_key, "%" G_GINT64_FORMAT "\x1f%s", organisation_id,
                   name_key);
  return self->new_person_key->str;
}

static Verdict *
decide_person (AwardsImportGuard  *self,
               AwardsNearIndex    *index,
               const char         *full_name,
               gint64              organisation_id,
               guint               line)
{
  g_autoptr(GPtrArray) matches = NULL;
  g_autofree char *name_key = NULL;
  g_autofree char *key = NULL;
  const char *resolved = NULL;
  const char *new_key;
  Verdict *verdict;

  name_key = awards_text_name_key (full_name);
  /* Formatted once: nothing below changes it before the name is kept as new. */
  new_key = self->allow_new && name_key != NULL
            ? new_person_key (self, organisation_id, name_key) : NULL;
  if (awards_near_index_contains_key (index, name_key) ||
      (new_key != NULL && g_hash_table_contains (self->new_people_keys, new_key)))
    return &pass_as_written;

  key = resolution_key_for (AWARDS_NEAR_PERSON, name_key);
  if (self->resolutions != NULL)
    resolved = g_hash_table_lookup (self->resolutions, key);
  if (resolved != NULL && resolved[0] != '\0')
    {
      verdict = g_new0 (Verdict, 1);
      verdict->use = g_strdup (resolved);
      return verdict;
    }

  if (!self->allow_new && resolved == NULL)
    matches = awards_near_index_lookup (index, full_name, 3);
  if (matches != NULL && matches->len > 0)
    {
      g_autoptr(GStrvBuilder) suggestions = g_strv_builder_new ();
      AwardsImportNearName *near_name;

      /* The same name refused in another organisation is asked about once; each row's
       * problem names the person of its own organisation. */
      verdict = g_new0 (Verdict, 1);
      verdict->nearest = g_strdup (((AwardsNearMatch *) g_ptr_array_index (matches, 0))->name);
      if (g_hash_table_contains (self->near_names, key))
        return verdict;
      for (guint i = 0; i < matches->len; i++)
        g_strv_builder_add (suggestions,
                            ((AwardsNearMatch *) g_ptr_array_index (matches, i))->name);
      near_name = g_new0 (AwardsImportNearName, 1);
      near_name->kind = AWARDS_NEAR_PERSON;
      near_name->name = g_strdup (full_name);
      near_name->suggestions = g_strv_builder_end (suggestions);
      near_name->first_line = line;
      g_hash_table_insert (self->near_names, g_steal_pointer (&key), near_name);
      g_ptr_array_add (self->near_order, near_name);
      return verdict;
    }

  /* New to the organisation: a second spelling of it later in the file is asked about, unless
   * new names are allowed, when only its key is needed. */
  if (new_key != NULL)
    g_hash_table_add (self->new_people_keys,
                      g_string_chunk_insert (self->new_people_text, new_key));
  else
    awards_near_index_add_keyed (index, 0, full_name, name_key);
  return &pass_as_written;
}

/**
 * awards_import_guard_check_person:
 * @self: a guard
 * @full_name: a person's name as a row of the file writes it (trimmed)
 * @organisation: the organisation's name as the file writes it, for the problem
 * @organisation_id: the organisation's id (it may be new to this import), 0 for none
 * @line: the row's line, for the first mention of a near name
 * @problem: (out) (transfer full) (optional): the row's problem when the name is refused
 * @error: return location for an error of the store
 *
 * A new person nearly equal to a person of the same organisation (see awards_near_compare ())
 * is refused like a near award type: it is most likely a slip in the name of someone already
 * recorded, and a second record would split that person's awards in two.
 *
 * Returns: (nullable): the name to record (@full_name, or the existing name that the user
 *   chose for it), or %NULL when the person is refused (@problem set) or on an error (@error
 *   set); when new names are allowed and none is resolved, @full_name itself, valid as long as
 *   the caller's string
 */
/* "organisation\x1fname" in self->verdict_key: every row of a person looks its verdict up,
 * and formatting a new string for each row cost more than the look-up. */
static const char *
person_verdict_key (AwardsImportGuard *self,
                    gint64             organisation_id,
                    const char        *full_name)
{
  char digits[24];
  guint n = 0;
  guint64 value = organisation_id < 0 ? 0 - (guint64) organisation_id : (guint64) organisation_id;

  do
    digits[n++] = (char) ('0' + value % 10);
  while ((value /= 10) > 0);
  if (organisation_id < 0)
    digits[n++] = '-';
  g_string_truncate (self->verdict_key, 0);
  while (n > 0)
    g_string_append_c (self->verdict_key, digits[--n]);
  g_string_append_c (self->verdict_key, '\x1f');
  g_string_append (self->verdict_key, full_name);
  return self->verdict_key->str;
}

const char *
awards_import_guard_check_person (AwardsImportGuard  *self,
                                  const char         *full_name,
                                  const char         *organisation,
                                  gint64              organisation_id,
                                  guint               line,
                                  char              **problem,
                                  GError            **error)
{
  AwardsNearIndex *index;
  Verdict *verdict;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (full_name != NULL, NULL);

  /* With new names allowed and no name resolved, every person passes as written, known or
   * new alike (see decide_person ()): there is nothing to read, derive or keep for them, and
   * an import of a million rows kept a verdict for each of its 225,000 people. */
  if (self->allow_new &&
      (self->resolutions == NULL || g_hash_table_size (self->resolutions) == 0))
    return full_name;

  index = people_index (self, organisation_id, error);
  if (index == NULL)
    return NULL;
  /* A name its organisation has as written, stored or new to the file, passes: a person
   * costs the guard a verdict of its own only when it is written another way. */
  if (awards_near_index_contains_name (index, full_name))
    return full_name;

  verdict = g_hash_table_lookup (self->people_verdicts,
                                 person_verdict_key (self, organisation_id, full_name));
  if (verdict == NULL)
    {
      verdict = decide_person (self, index, full_name, organisation_id, line);
      if (verdict == &pass_as_written && awards_near_index_contains_name (index, full_name))
        return full_name;
      g_hash_table_insert (self->people_verdicts,
                           g_string_chunk_insert_len (self->people_verdict_text,
                                                      self->verdict_key->str,
                                                      (gssize) self->verdict_key->len),
                           verdict);
    }
  if (verdict == &pass_as_written)
    return full_name;

  if (verdict->use == NULL && problem != NULL)
    {
      if (organisation != NULL && organisation[0] != '\0')
        *problem = g_strdup_printf (_("unknown person “%s” of “%s”; did you mean “%s”?"),
                                    full_name, organisation, verdict->nearest);
      else
        *problem = g_strdup_printf (_("unknown person “%s”; did you mean “%s”?"), full_name,
                                    verdict->nearest);
    }
  return verdict->use;
}

/**
 * awards_import_guard_note_person:
 * @self: a guard
 * @full_name: a person's name as the file writes it
 * @organisation: the organisation's name as the file writes it
 * @organisation_id: the organisation's id (it may be new to this import)
 * @error: return location for an error of the store
 *
 * Notes the person for the list of new people, once per organisation and name; call it before
 * the person is recorded.
 */
gboolean
awards_import_guard_note_person (AwardsImportGuard  *self,
                                 const char         *full_name,
                                 const char         *organisation,
                                 gint64              organisation_id,
                                 GError            **error)
{
  g_autofree char *key = awards_text_name_key (full_name);
  gint64 id;

  if (key == NULL ||
      !g_hash_table_add (self->people_seen, g_strdup_printf ("%" G_GINT64_FORMAT "\x1f%s",
                                                             organisation_id, key)))
    return TRUE;

  id = awards_store_find_person_id (self->store, full_name, organisation_id, error);
  if (id < 0)
    return FALSE;
  if (id == 0)
    {
      g_autofree char *person = listed_name (full_name);
      g_autofree char *resolution = organisation != NULL
                                    ? awards_import_resolution_key (AWARDS_NEAR_ORGANISATION,
                                                                    organisation)
                                    : NULL;
      const char *use = resolution != NULL && self->resolutions != NULL
                        ? g_hash_table_lookup (self->resolutions, resolution) : NULL;
      /* Under the organisation the person will be recorded in: the existing one the user
       * chose for a near name of the file's. */
      g_autofree char *organisation_name = listed_name (use != NULL && use[0] != '\0'
                                                        ? use : organisation);

      g_ptr_array_add (self->new_names[AWARDS_NEAR_PERSON],
                       g_strdup_printf ("%s (%s)", person, organisation_name));
    }
  return TRUE;
}

/* Returns: (transfer full) (element-type utf8): the new names of @kind, in file order */
GPtrArray *
awards_import_guard_steal_new_names (AwardsImportGuard *self,
                                     AwardsNearKind     kind)
{
  GPtrArray *names = g_steal_pointer (&self->new_names[kind]);

  self->new_names[kind] = g_ptr_array_new_with_free_func (g_free);
  return names;
}

/* Returns: (transfer full) (element-type AwardsImportNearName): the refused near names, in file
 *   order */
GPtrArray *
awards_import_guard_steal_near_names (AwardsImportGuard *self)
{
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) awards_import_near_name_free);

  for (guint i = 0; i < self->near_order->len; i++)
    {
      AwardsImportNearName *near_name = g_ptr_array_index (self->near_order, i);
      g_autofree char *key = awards_import_resolution_key (near_name->kind, near_name->name);
      gpointer stolen_key = NULL, stolen = NULL;

      if (g_hash_table_steal_extended (self->near_names, key, &stolen_key, &stolen))
        {
          g_free (stolen_key);
          g_ptr_array_add (result, stolen);
        }
    }
  g_ptr_array_set_size (self->near_order, 0);
  return result;
}
