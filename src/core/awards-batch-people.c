/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * awards-batch-people.c: the people a batch finds or adds. A person is told apart by name within
 * an organisation, so the batch remembers people by organisation and name, as given and as
 * keys; an import meets hundreds of thousands of them, and their keys and records are kept small
 * here, apart from the look-ups of the other names in awards-batch.c.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "awards-batch-private.h"
#include "awards-store-insert.h"
#include "awards-store-private.h"
#include "awards-text.h"

/* A name within an organisation, as given or as its key. A stored key holds its text after
 * itself, in the same block (person_key_new ()). */
typedef struct
{
  gint64      organisation_id;
  const char *text;
} PersonKey;

guint
awards_batch_person_key_hash (gconstpointer data)
{
  const PersonKey *key = data;

  return g_str_hash (key->text) ^ ((guint) key->organisation_id * 2654435761u);
}

gboolean
awards_batch_person_key_equal (gconstpointer a,
                               gconstpointer b)
{
  const PersonKey *x = a;
  const PersonKey *y = b;

  return x->organisation_id == y->organisation_id && strcmp (x->text, y->text) == 0;
}

/* One block per key rather than two: an import of a million rows keeps half a million. */
static PersonKey *
person_key_new (gint64      organisation_id,
                const char *text)
{
  gsize size = strlen (text) + 1;
  PersonKey *key = g_malloc (sizeof (PersonKey) + size);

  key->organisation_id = organisation_id;
  key->text = memcpy (key + 1, text, size);
  return key;
}

static void
person_ref_clear (gpointer data)
{
  PersonRef *person = data;

  g_free (person->name);
}

static void
person_ref_release (gpointer data)
{
  g_rc_box_release_full (data, person_ref_clear);
}

GHashTable *
awards_batch_people_new (void)
{
  return g_hash_table_new_full (awards_batch_person_key_hash, awards_batch_person_key_equal,
                                g_free, person_ref_release);
}

static void
remember_person (AwardsBatch *self,
                 gint64       organisation_id,
                 const char  *text,
                 PersonRef   *person)
{
  g_hash_table_replace (self->people, person_key_new (organisation_id, text),
                        g_rc_box_acquire (person));
}

/* Takes @name; the caller owns the reference returned. */
static PersonRef *
new_person_ref (gint64  id,
                char   *name)
{
  PersonRef *person = g_rc_box_new (PersonRef);

  person->id = id;
  person->name = name;
  return person;
}

/*
 * The people a batch remembers come in two generations. An import names hundreds of thousands
 * of people, and each took about 400 bytes until its end (100 MB for 256,000 people): when the
 * generation at hand is full, the one before it is let go and a new one begins. A name met again
 * moves from the generation before to the one at hand; a person let go is looked up in the
 * database again.
 */
#define PEOPLE_GENERATION (1 << 17)
static guint people_generation = PEOPLE_GENERATION;

/* Lets a test let people go after a few. */
void
awards_batch_set_people_generation (guint n_names)
{
  people_generation = n_names > 0 ? n_names : PEOPLE_GENERATION;
}

static gboolean
maybe_begin_generation (AwardsBatch  *self,
                        GError      **error)
{
  if (g_hash_table_size (self->people) < people_generation)
    return TRUE;
  /* The people kept for a server's COPY are sent first: one let go is looked up there. */
  if (self->copy != NULL && !awards_batch_send_kept (self, error))
    return FALSE;
  if (self->people_before != NULL && g_hash_table_size (self->people_before) > 0)
    self->people_forgotten = TRUE;
  /* The award that follows a person's name is added before the next name is looked up. */
  self->last_person = NULL;
  g_clear_pointer (&self->people_before, g_hash_table_unref);
  self->people_before = g_steal_pointer (&self->people);
  self->people = awards_batch_people_new ();
  return TRUE;
}

static PersonRef *
cached_person (AwardsBatch *self,
               gint64       organisation_id,
               const char  *text)
{
  PersonKey key = { organisation_id, text };
  PersonRef *person = g_hash_table_lookup (self->people, &key);
  gpointer stored_key;

  if (person != NULL || self->people_before == NULL)
    return person;
  if (!g_hash_table_steal_extended (self->people_before, &key, &stored_key,
                                    (gpointer *) &person))
    return NULL;
  g_hash_table_insert (self->people, stored_key, person);
  return person;
}

struct _AwardsPersonName
{
  char   *normal;
  char   *key;
  char   *search_key;
  GBytes *sort_key;
  char   *family;
  char   *middle;
  char   *given;
};

/* The key of a name, and when @complete everything else a new person needs. */
static AwardsPersonName *
prepare_name (const char *full_name,
              gboolean    complete)
{
  AwardsPersonName *name;
  char *normal = awards_store_optional_text (full_name);

  if (normal == NULL)
    return NULL;
  name = g_new0 (AwardsPersonName, 1);
  name->key = awards_text_name_key (normal);
  if (!complete)
    {
      g_free (normal);
      return name;
    }
  name->normal = normal;
  name->search_key = awards_text_fold (normal);
  name->sort_key = awards_text_person_sort_key (normal);
  awards_text_split_name (normal, &name->family, &name->middle, &name->given);
  return name;
}

/**
 * awards_person_name_prepare:
 * @full_name: (nullable): a name as written, e.g. "Nguyễn  Văn Đức"
 *
 * Derives what storing a new person with this name needs. Thread-safe.
 *
 * Returns: (transfer full) (nullable): the prepared name, or %NULL when @full_name is blank
 */
AwardsPersonName *
awards_person_name_prepare (const char *full_name)
{
  return prepare_name (full_name, TRUE);
}

/**
 * awards_person_name_prepare_key:
 * @full_name: (nullable): a name as written
 *
 * Derives only the key of a name, which finds a person met before. Thread-safe.
 *
 * Returns: (transfer full) (nullable): the name with its key, or %NULL when @full_name is blank
 */
AwardsPersonName *
awards_person_name_prepare_key (const char *full_name)
{
  return prepare_name (full_name, FALSE);
}

void
awards_person_name_free (AwardsPersonName *name)
{
  if (name == NULL)
    return;
  g_free (name->normal);
  g_free (name->key);
  g_free (name->search_key);
  g_bytes_unref (name->sort_key);
  g_free (name->family);
  g_free (name->middle);
  g_free (name->given);
  g_free (name);
}

/*
 * Adds a person with the same statement as awards_store_save_person () would run, through a
 * statement kept for the batch. Imports add people by the ten thousand.
 */
static gint64
insert_person (AwardsBatch             *self,
               const AwardsPersonName  *name,
               gint64                   organisation_id,
               const char              *position,
               GError                 **error)
{
  AwardsNewPersonRow row = {
    .full_name = name->normal,
    .family_name = name->family != NULL ? name->family : "",
    .middle_name = name->middle != NULL ? name->middle : "",
    .given_name = name->given,
    .organisation_id = organisation_id,
    .position = awards_batch_cached_optional_text (&self->positions, position),
    .name_key = name->key,
    .search_key = name->search_key,
    .sort_key = name->sort_key,
    .created_at = self->created_at,
  };
  AwardsDbStmt *stmt;
  gsize sort_key_size = 0;
  const void *sort_key_data;
  gint64 id;

  if (self->copy != NULL)
    return awards_batch_copy_add_person (self->copy, &row, error);

  stmt = awards_batch_statement (self, STATEMENT_INSERT_PERSON, error);
  if (stmt == NULL)
    return 0;
  sort_key_data = g_bytes_get_data (row.sort_key, &sort_key_size);
  awards_batch_bind_static_text (stmt, 1, row.full_name);
  awards_batch_bind_static_text (stmt, 2, row.family_name);
  awards_batch_bind_static_text (stmt, 3, row.middle_name);
  awards_batch_bind_static_text (stmt, 4, row.given_name);
  awards_stmt_bind_id (stmt, 5, row.organisation_id);
  awards_batch_bind_static_text (stmt, 6, row.position);
  awards_batch_bind_static_text (stmt, 7, row.name_key);
  awards_batch_bind_static_text (stmt, 8, row.search_key);
  awards_db_stmt_bind_static_blob (stmt, 9, sort_key_data, sort_key_size);
  awards_batch_bind_static_text (stmt, 10, row.created_at);
  if (awards_store_step_id (self->store, stmt, &id) != AWARDS_DB_ROW)
    {
      awards_store_set_error (self->store, error, _("Could not save the person"));
      return 0;
    }
  return id;
}

/**
 * awards_batch_ensure_person:
 * @organisation_id: the person's organisation, or 0
 * @position: (nullable): the position given to a new person
 *
 * People are told apart by name within an organisation: the same name in the same organisation
 * is the same person; elsewhere it is another person.
 */
gint64
awards_batch_ensure_person (AwardsBatch  *self,
                            const char   *full_name,
                            gint64        organisation_id,
                            const char   *position,
                            GError      **error)
{
  return awards_batch_ensure_prepared_person (self, full_name, NULL, organisation_id, position,
                                              error);
}

/**
 * awards_batch_ensure_prepared_person:
 * @full_name: the name as written
 * @prepared: (nullable): awards_person_name_prepare () of @full_name, if already done, or
 *   awards_person_name_prepare_key () for a name met before
 * @organisation_id: the person's organisation, or 0
 * @position: (nullable): the position given to a new person
 *
 * As awards_batch_ensure_person (); @prepared spares the work of deriving the keys of a name
 * the batch has not met yet.
 */
gint64
awards_batch_ensure_prepared_person (AwardsBatch             *self,
                                     const char              *full_name,
                                     const AwardsPersonName  *prepared,
                                     gint64                   organisation_id,
                                     const char              *position,
                                     GError                 **error)
{
  g_autoptr(AwardsPersonName) own = NULL;
  g_autofree char *own_key = NULL;
  const AwardsPersonName *name;
  const char *key;
  PersonRef *person;
  AwardsDbStmt *stmt;
  gint64 id = 0;
  AwardsDbStep rc;

  g_return_val_if_fail (self != NULL && self->open, 0);

  if (!maybe_begin_generation (self, error))
    return 0;
  /* Names are remembered within their organisation as keys, and as given when the key is not
   * given with them (an import's reader derives it on its own thread). */
  if (prepared == NULL && full_name != NULL &&
      (person = cached_person (self, organisation_id, full_name)) != NULL)
    {
      self->last_person = person;
      return person->id;
    }
  /* The key alone finds a person met before; only a new one needs the rest of the name. */
  if (prepared != NULL)
    key = prepared->key;
  else
    {
      g_autofree char *normal = awards_store_optional_text (full_name);

      key = own_key = normal != NULL ? awards_text_name_key (normal) : NULL;
    }
  if (key == NULL)
    {
      awards_batch_set_empty (error, _("recipient"));
      return 0;
    }
  person = cached_person (self, organisation_id, key);

  if (person == NULL)
    {
      /* Nobody can belong to an organisation this batch has just created, but through the
       * batch, which remembers them all until it lets a generation of them go. */
      if (self->people_forgotten ||
          !g_hash_table_contains (self->new_organisations, &organisation_id))
        {
          stmt = awards_batch_statement (self, STATEMENT_FIND_PERSON, error);
          if (stmt == NULL)
            return 0;
          awards_batch_bind_static_text (stmt, 1, key);
          awards_stmt_bind_id (stmt, 2, organisation_id);
          rc = awards_db_stmt_next (stmt);
          if (rc == AWARDS_DB_ROW)
            id = awards_db_stmt_column_int64 (stmt, 0);
          awards_db_stmt_reset (stmt);
          if (rc != AWARDS_DB_ROW && rc != AWARDS_DB_DONE)
            {
              awards_store_set_error (self->store, error, _("Could not read the people"));
              return 0;
            }
        }
      if (id > 0)
        {
          person = new_person_ref (id, NULL);
        }
      else
        {
          name = prepared;
          if (name == NULL || name->normal == NULL)
            name = own = awards_person_name_prepare (full_name);
          if (name == NULL)
            {
              awards_batch_set_empty (error, _("recipient"));
              return 0;
            }
          id = insert_person (self, name, organisation_id, position, error);
          if (id == 0)
            return 0;
          /* Only the person's record holds the name: the award that follows names the person
           * just returned, and any other is read again (recipient_current_name ()). */
          person = new_person_ref (id, g_strdup (name->normal));
        }
      remember_person (self, organisation_id, key, person);
      /* The tables hold it now. */
      g_rc_box_release_full (person, person_ref_clear);
    }
  if (prepared == NULL && full_name != NULL)
    remember_person (self, organisation_id, full_name, person);
  self->last_person = person;
  return person->id;
}
