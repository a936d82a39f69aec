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

void
awards_batch_person_ref_free (gpointer data)
{
  PersonRef *person = data;

  g_free (person->name);
  g_free (person);
}

static PersonRef *
cached_person (AwardsBatch *self,
               gint64       organisation_id,
               const char  *text)
{
  PersonKey key = { organisation_id, text };

  return g_hash_table_lookup (self->people, &key);
}

static void
remember_person (AwardsBatch *self,
                 gint64       organisation_id,
                 const char  *text,
                 PersonRef   *person)
{
  g_hash_table_replace (self->people, person_key_new (organisation_id, text), person);
}

/* Takes @name. */
static PersonRef *
new_person_ref (AwardsBatch *self,
                gint64       id,
                char        *name)
{
  PersonRef *person = g_new (PersonRef, 1);

  person->id = id;
  person->name = name;
  g_ptr_array_add (self->person_refs, person);
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
  AwardsPersonName *name;
  char *normal = awards_store_optional_text (full_name);

  if (normal == NULL)
    return NULL;
  name = g_new0 (AwardsPersonName, 1);
  name->normal = normal;
  name->key = awards_text_name_key (normal);
  name->search_key = awards_text_fold (normal);
  name->sort_key = awards_text_person_sort_key (normal);
  awards_text_split_name (normal, &name->family, &name->middle, &name->given);
  return name;
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
 * @prepared: (nullable): awards_person_name_prepare () of @full_name, if already done
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
  const AwardsPersonName *name;
  PersonRef *person;
  AwardsDbStmt *stmt;
  gint64 id = 0;
  AwardsDbStep rc;

  g_return_val_if_fail (self != NULL && self->open, 0);

  /* Names are remembered within their organisation, as given and as keys. */
  if (full_name != NULL && (person = cached_person (self, organisation_id, full_name)) != NULL)
    {
      self->last_person = person;
      return person->id;
    }
  name = prepared;
  if (name == NULL)
    name = own = awards_person_name_prepare (full_name);
  if (name == NULL)
    {
      awards_batch_set_empty (error, _("recipient"));
      return 0;
    }
  person = cached_person (self, organisation_id, name->key);

  if (person == NULL)
    {
      /* Nobody can belong to an organisation this batch has just created, but through the
       * batch. */
      if (!g_hash_table_contains (self->new_organisations, &organisation_id))
        {
          stmt = awards_batch_statement (self, STATEMENT_FIND_PERSON, error);
          if (stmt == NULL)
            return 0;
          awards_batch_bind_static_text (stmt, 1, name->key);
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
          person = new_person_ref (self, id, NULL);
        }
      else
        {
          id = insert_person (self, name, organisation_id, position, error);
          if (id == 0)
            return 0;
          /* Only the person's record holds the name: the award that follows names the person
           * just returned, and any other is read again (recipient_current_name ()). */
          person = new_person_ref (self, id, g_strdup (name->normal));
        }
      remember_person (self, organisation_id, name->key, person);
    }
  if (full_name != NULL)
    remember_person (self, organisation_id, full_name, person);
  self->last_person = person;
  return person->id;
}
