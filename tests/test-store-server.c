/* test-store-server.c: the store's lists, counts and searches give the same answers on a file and
 * on its copy on the test server (skipped when tools/test could not start one)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "awards-audit.h"
#include "awards-batch.h"
#include "awards-batch-private.h"
#include "awards-command.h"
#include "awards-command-private.h"
#include "awards-db-private.h"
#include "awards-db-schema.h"
#include "awards-merge.h"
#include "awards-store-async.h"
#include "awards-store-decision-filter.h"
#include "awards-store-open.h"
#include "awards-test-pg.h"
#include "awards-test-util.h"

typedef struct
{
  char        *dir;
  char        *server;
  AwardsStore *file;
  AwardsStore *copy;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *why = NULL;
  g_autofree char *path = NULL;
  f->server = awards_test_pg_new_database (&why);
  if (f->server == NULL)
    {
      g_test_skip (why);
      return;
    }
  f->dir = awards_test_make_dir ("test-store-server");
  path = g_build_filename (f->dir, "office.db", NULL);
  f->file = awards_store_open (path, &error);
  g_assert_no_error (error);
  awards_test_seed (f->file);
  /* Enough people of one family for the broad plans (four times the page or more). */
  awards_test_fill_long_decision (f->file, 40);

  awards_test_pg_copy_file (path, f->server);
  f->copy = awards_store_open (f->server, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->file);
  g_clear_object (&f->copy);
  awards_test_pg_drop_database (f->server);
  if (f->dir != NULL)
    awards_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->server);
}

/* Names of a list of organisations, people or decisions, one per line. */
static char *
names_of (GPtrArray *list)
{
  GString *out = g_string_new (NULL);

  g_assert_nonnull (list);
  for (guint i = 0; i < list->len; i++)
    {
      GObject *object = g_ptr_array_index (list, i);
      g_autofree char *name = NULL;
      gint64 id = 0;

      if (AWARDS_IS_ORGANISATION (object))
        name = g_strdup (awards_organisation_get_name (AWARDS_ORGANISATION (object)));
      else if (AWARDS_IS_PERSON (object))
        name = g_strdup (awards_person_get_full_name (AWARDS_PERSON (object)));
      else
        name = g_strdup (awards_decision_get_number (AWARDS_DECISION (object)));
      g_object_get (object, "id", &id, NULL);
      g_string_append_printf (out, "%" G_GINT64_FORMAT " %s\n", id, name);
    }
  return g_string_free (out, FALSE);
}

/* Fails with the store's own words when a list could not be read. */
#define LIST(call) \
  ({ g_autoptr (GError) list_error = NULL; \
     GPtrArray *list = call; \
     g_assert_no_error (list_error); \
     list; })

static char *
hits_of (GPtrArray *hits)
{
  GString *out = g_string_new (NULL);

  g_assert_nonnull (hits);
  for (guint i = 0; i < hits->len; i++)
    {
      AwardsSearchHit *hit = g_ptr_array_index (hits, i);

      g_string_append_printf (out, "%d %" G_GINT64_FORMAT " %s\n", hit->kind, hit->id, hit->title);
    }
  return g_string_free (out, FALSE);
}

static void
test_same_answers (Fixture       *f,
                   gconstpointer  data)
{
  static const char *const searches[] = {
    NULL, "htx", "h", "ng", "nguyen", "nguyen van", "bach dang", "a b c d e", "3457", "không ai",
  };
  static const guint pages[][2] = { { 0, 200 }, { 0, 2 }, { 3, 2 }, { 1, 1 } };
  guint compared = 0;

  if (f->server == NULL)
    return;
  for (guint s = 0; s < G_N_ELEMENTS (searches); s++)
    {
      const char *search = searches[s];
      g_autoptr (GError) error = NULL;

      g_assert_cmpuint (awards_store_count_organisations (f->file, search, NULL), ==,
                        awards_store_count_organisations (f->copy, search, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (awards_store_count_people (f->file, search, 0, NULL), ==,
                        awards_store_count_people (f->copy, search, 0, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (awards_store_count_decisions (f->file, search, NULL), ==,
                        awards_store_count_decisions (f->copy, search, &error));
      g_assert_no_error (error);
      for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
        {
          guint offset = pages[p][0];
          guint limit = pages[p][1];
          g_autofree char *file_list = NULL;
          g_autofree char *copy_list = NULL;

          file_list = names_of (awards_store_list_organisations (f->file, search, offset, limit,
                                                                 NULL));
          copy_list = names_of (awards_store_list_organisations (f->copy, search, offset, limit,
                                                                 NULL));
          g_assert_cmpstr (file_list, ==, copy_list);
          g_free (file_list);
          g_free (copy_list);
          file_list = names_of (LIST (awards_store_list_people (f->file, search, 0, offset, limit, &list_error)));
          copy_list = names_of (LIST (awards_store_list_people (f->copy, search, 0, offset, limit, &list_error)));
          g_assert_cmpstr (file_list, ==, copy_list);
          g_free (file_list);
          g_free (copy_list);
          file_list = names_of (LIST (awards_store_list_decisions (f->file, search, offset, limit, &list_error)));
          copy_list = names_of (LIST (awards_store_list_decisions (f->copy, search, offset, limit, &list_error)));
          g_assert_cmpstr (file_list, ==, copy_list);
          compared++;
        }
      if (search != NULL)
        {
          g_autofree char *file_hits = hits_of (LIST (awards_store_search (f->file, search, 12, &list_error)));
          g_autofree char *copy_hits = hits_of (LIST (awards_store_search (f->copy, search, 12, &list_error)));

          g_assert_cmpstr (file_hits, ==, copy_hits);
        }
    }
  g_assert_cmpuint (compared, ==, G_N_ELEMENTS (searches) * G_N_ELEMENTS (pages));

  /* The decisions section's filters: by year, by authority, both, with and without a search. */
  {
    g_autoptr (GArray) file_years = awards_store_list_decision_years (f->file, NULL);
    g_autoptr (GArray) copy_years = awards_store_list_decision_years (f->copy, NULL);
    g_autoptr (AwardsDecision) any = NULL;
    gint64 authority_id;

    g_assert_nonnull (copy_years);
    g_assert_cmpuint (file_years->len, ==, copy_years->len);
    g_assert_cmpuint (file_years->len, >, 0);
    for (guint i = 0; i < file_years->len; i++)
      g_assert_cmpuint (g_array_index (file_years, guint, i), ==,
                        g_array_index (copy_years, guint, i));
    any = awards_store_get_decision (f->file, 1, NULL);
    g_assert_nonnull (any);
    authority_id = awards_decision_get_authority_id (any);
    for (guint y = 0; y <= file_years->len; y++)
      for (guint a = 0; a < 2; a++)
        for (guint s = 0; s < 2; s++)
          {
            AwardsDecisionFilter filter = {
              y < file_years->len ? g_array_index (file_years, guint, y) : 0,
              a ? authority_id : 0,
            };
            const char *search = s ? "qd" : NULL;
            g_autofree char *file_list = NULL;
            g_autofree char *copy_list = NULL;

            g_autoptr (GError) count_error = NULL;

            guint file_count = awards_store_count_decisions_filtered (f->file, search, &filter,
                                                                      NULL);

            g_assert_cmpuint (file_count, ==,
                              awards_store_count_decisions_filtered (f->copy, search, &filter,
                                                                     &count_error));
            g_assert_no_error (count_error);
            file_list = names_of (LIST (awards_store_list_decisions_filtered (
              f->file, search, &filter, 0, 50, &list_error)));
            copy_list = names_of (LIST (awards_store_list_decisions_filtered (
              f->copy, search, &filter, 0, 50, &list_error)));
            g_assert_cmpstr (file_list, ==, copy_list);
          }
  }
  /* Not a comparison of empty lists: the broad searches found people on both. */
  g_assert_cmpuint (awards_store_count_people (f->copy, "nguyen", 0, NULL), >=, 8);
}

static gboolean
append_row (const AwardsCommendationRow *row,
            gpointer                     user_data)
{
  g_string_append_printf (user_data, "%" G_GINT64_FORMAT " %s %s | %s | %s | %d | %s"
                          " | %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT " | %s | %s | %s | %s\n",
                          row->id, row->decision_number, row->date, row->authority, row->award,
                          row->recipient_kind, row->recipient, row->organisation_id,
                          row->person_id, row->organisation_at_time, row->position,
                          row->achievement, row->period);
  return TRUE;
}

/* Every award of @store with its recipient and decision, and every organisation and person. */
static char *
dump (AwardsStore *store)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *organisations = NULL;
  g_autofree char *people = NULL;
  AwardsQuery query;

  awards_query_init (&query);
  awards_store_foreach_commendation (store, &query, AWARDS_ORDER_CHRONOLOGICAL, append_row, out,
                                     &error);
  g_assert_no_error (error);
  organisations = names_of (LIST (awards_store_list_organisations (store, NULL, 0, 1000,
                                                                   &list_error)));
  people = names_of (LIST (awards_store_list_people (store, NULL, 0, 0, 1000, &list_error)));
  g_string_append_printf (out, "%s%s", organisations, people);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static AwardsCommendation *
recipient_new (AwardsRecipientKind  kind,
               const char          *name,
               const char          *organisation,
               const char          *award)
{
  AwardsCommendation *item = awards_commendation_new ();

  awards_commendation_set_recipient_kind (item, kind);
  awards_commendation_set_recipient_name (item, name);
  if (organisation != NULL)
    awards_commendation_set_organisation_at_time_name (item, organisation);
  awards_commendation_set_award_name (item, award);
  return item;
}

/* A decision with its recipients saved, edited and refused; returns its id. */
static gint64
save_decisions (AwardsStore *store,
                GString     *refusals)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AwardsDecision) decision = awards_decision_new ();
  g_autoptr (AwardsDecision) clash = awards_decision_new ();
  g_autoptr (GPtrArray) recipients = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) twice = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 id;

  awards_decision_set_number (decision, "12/QĐ-LMHTX");
  awards_decision_set_date (decision, "15/01/2012");
  awards_decision_set_authority_name (decision, "Liên minh HTX thành phố Hải Phòng");
  awards_decision_set_signer_name (decision, "Nguyễn Văn Hùng");
  g_ptr_array_add (recipients, recipient_new (AWARDS_RECIPIENT_KIND_COLLECTIVE, "HTX Bạch Đằng",
                                              NULL, "Giấy khen"));
  g_ptr_array_add (recipients, recipient_new (AWARDS_RECIPIENT_KIND_INDIVIDUAL, "Mai Văn Tài",
                                              "HTX Rạng Đông", "Giấy khen"));
  g_ptr_array_add (recipients, recipient_new (AWARDS_RECIPIENT_KIND_INDIVIDUAL, "Trần Văn Bảy",
                                              "HTX Bạch Đằng", "Lao động tiên tiến"));
  g_ptr_array_add (recipients, recipient_new (AWARDS_RECIPIENT_KIND_COLLECTIVE, "HTX Rạng Đông",
                                              NULL, "Kỷ niệm chương mới"));
  g_ptr_array_add (recipients, recipient_new (AWARDS_RECIPIENT_KIND_INDIVIDUAL, "Mai Văn Tài",
                                              "HTX Rạng Đông", "Lao động tiên tiến"));
  id = awards_store_save_decision (store, decision, recipients, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  /* The first recipient dropped, the others kept, one more added. */
  g_ptr_array_remove_index (recipients, 0);
  g_ptr_array_add (recipients, recipient_new (AWARDS_RECIPIENT_KIND_INDIVIDUAL, "Đan Đức Hiệp",
                                              "HTX Đan Phượng", "Giấy khen"));
  awards_decision_set_occasion (decision, "Tổng kết năm 2011");
  g_assert_cmpint (awards_store_save_decision (store, decision, recipients, &error), ==, id);
  g_assert_no_error (error);

  /* The same recipient twice in one new decision, then a number already used: each refused,
   * nothing of either written, and the store goes on writing. */
  awards_decision_set_number (clash, "13/QĐ-LMHTX");
  awards_decision_set_date (clash, "2012-03-01");
  awards_decision_set_authority_name (clash, "Liên minh HTX thành phố Hải Phòng");
  g_ptr_array_add (twice, recipient_new (AWARDS_RECIPIENT_KIND_COLLECTIVE, "HTX Mới Lập",
                                         NULL, "Giấy khen"));
  g_ptr_array_add (twice, recipient_new (AWARDS_RECIPIENT_KIND_COLLECTIVE, "HTX Mới Lập",
                                         NULL, "Giấy khen"));
  g_assert_cmpint (awards_store_save_decision (store, clash, twice, &error), ==, 0);
  g_assert_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_CONSTRAINT);
  g_string_append_printf (refusals, "%s\n", error->message);
  g_clear_error (&error);
  awards_decision_set_number (clash, "12/qđ-lmhtx");
  g_ptr_array_remove_index (twice, 1);
  g_assert_cmpint (awards_store_save_decision (store, clash, twice, &error), ==, 0);
  g_assert_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_CONSTRAINT);
  g_string_append_printf (refusals, "%s\n", error->message);
  g_clear_error (&error);
  g_assert_null (awards_store_find_organisation (store, "HTX Mới Lập", NULL));
  return id;
}

/* The award of @recipient in @awards whose type is @award. */
static AwardsCommendation *
award_of (GPtrArray  *awards,
          const char *recipient,
          const char *award)
{
  for (guint i = 0; i < awards->len; i++)
    {
      AwardsCommendation *item = g_ptr_array_index (awards, i);

      if (g_strcmp0 (awards_commendation_get_recipient_name (item), recipient) == 0 &&
          g_strcmp0 (awards_commendation_get_award_name (item), award) == 0)
        return item;
    }
  g_assert_not_reached ();
}

/* Edits that the schema refuses: an award made a repeat of another, an award to a kind of
 * recipient that may not receive it, a registration code already used. */
static void
refused_edits (AwardsStore *store,
               gint64       decision_id,
               GString     *refusals)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) awards = NULL;
  g_autoptr (AwardsOrganisation) first = NULL;
  g_autoptr (AwardsOrganisation) second = NULL;
  AwardsCommendation *item;
  AwardsQuery query;
  gint64 merit;
  gint64 individuals_only;

  awards_query_init (&query);
  query.decision_id = decision_id;
  awards = awards_store_list_commendations (store, &query, AWARDS_ORDER_ANNEX, &error);
  g_assert_no_error (error);
  merit = awards_commendation_get_award_type_id (award_of (awards, "Mai Văn Tài", "Giấy khen"));
  individuals_only = awards_commendation_get_award_type_id (award_of (awards, "Mai Văn Tài",
                                                                      "Lao động tiên tiến"));

  item = award_of (awards, "Mai Văn Tài", "Lao động tiên tiến");
  awards_commendation_set_award_type_id (item, merit);
  g_assert_false (awards_store_update_commendation (store, item, &error));
  g_assert_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_CONSTRAINT);
  g_string_append_printf (refusals, "%s\n", error->message);
  g_clear_error (&error);

  item = award_of (awards, "HTX Rạng Đông", "Kỷ niệm chương mới");
  awards_commendation_set_award_type_id (item, individuals_only);
  g_assert_false (awards_store_update_commendation (store, item, &error));
  g_assert_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_CONSTRAINT);
  g_string_append_printf (refusals, "%s\n", error->message);
  g_clear_error (&error);

  first = awards_store_find_organisation (store, "HTX Bạch Đằng", &error);
  g_assert_no_error (error);
  awards_organisation_set_tax_code (first, "0201234567");
  g_assert_cmpint (awards_store_save_organisation (store, first, &error), >, 0);
  g_assert_no_error (error);
  second = awards_store_find_organisation (store, "HTX Đan Phượng", &error);
  g_assert_no_error (error);
  awards_organisation_set_tax_code (second, "0201234567");
  g_assert_cmpint (awards_store_save_organisation (store, second, &error), ==, 0);
  g_assert_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_CONSTRAINT);
  g_string_append_printf (refusals, "%s\n", error->message);
  g_clear_error (&error);

  /* A person is added, renamed and deleted; one with awards is not deleted, and one already
   * gone is not found. */
  {
    g_autoptr (AwardsPerson) person = awards_person_new ();
    gint64 id;

    awards_person_set_full_name (person, "Hoàng Thị Mười");
    awards_person_set_organisation_id (person, awards_organisation_get_id (first));
    id = awards_store_save_person (store, person, &error);
    g_assert_no_error (error);
    g_assert_cmpint (id, >, 0);
    awards_person_set_full_name (person, "Hoàng Thị Mười Một");
    g_assert_cmpint (awards_store_save_person (store, person, &error), ==, id);
    g_assert_no_error (error);
    g_assert_true (awards_store_delete_person (store, id, &error));
    g_assert_no_error (error);
    g_assert_false (awards_store_delete_person (store, id, &error));
    g_assert_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_NOT_FOUND);
    g_string_append_printf (refusals, "%s\n", error->message);
    g_clear_error (&error);
    awards_person_set_full_name (person, "Hoàng Thị Mười Hai");
    g_assert_cmpint (awards_store_save_person (store, person, &error), ==, 0);
    g_assert_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_NOT_FOUND);
    g_string_append_printf (refusals, "%s\n", error->message);
    g_clear_error (&error);
    g_assert_false (awards_store_delete_organisation (store, awards_organisation_get_id (first),
                                                      &error));
    g_assert_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_CONSTRAINT);
    g_string_append_printf (refusals, "%s\n", error->message);
  }
}

/* Two cooperatives made one; then one given the same award as the other in one decision. */
static void
merge (AwardsStore *store,
       GString     *refusals)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AwardsOrganisation) from = awards_store_find_organisation (store, "HTX Rạng Đông",
                                                                       &error);
  g_autoptr (AwardsOrganisation) into = NULL;
  g_autoptr (AwardsOrganisation) other = NULL;

  g_assert_no_error (error);
  into = awards_store_find_organisation (store, "HTX Bạch Đằng", &error);
  g_assert_no_error (error);
  g_assert_true (awards_store_merge_organisations (store, awards_organisation_get_id (from),
                                                   awards_organisation_get_id (into), &error));
  g_assert_no_error (error);

  /* Both received the flag in 3456/QĐ-UBND: the merge is refused and changes nothing. */
  other = awards_store_find_organisation (store, "Liên minh HTX thành phố Hải Phòng", &error);
  g_assert_no_error (error);
  g_assert_false (awards_store_merge_organisations (store, awards_organisation_get_id (other),
                                                    awards_organisation_get_id (into), &error));
  g_assert_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_CONSTRAINT);
  g_string_append_printf (refusals, "%s\n", error->message);
}

/* The decision editor's saves and a merge write the same records on the server as in the file,
 * refuse the same things with the same sentences, and are undone alike. */
static void
test_writes_as_the_file (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr (GString) file_refusals = g_string_new (NULL);
  g_autoptr (GString) copy_refusals = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *file_dump = NULL;
  g_autofree char *copy_dump = NULL;

  if (f->server == NULL)
    return;
  before = dump (f->copy);
  refused_edits (f->file, save_decisions (f->file, file_refusals), file_refusals);
  refused_edits (f->copy, save_decisions (f->copy, copy_refusals), copy_refusals);
  file_dump = dump (f->file);
  copy_dump = dump (f->copy);
  g_assert_cmpstr (file_dump, ==, copy_dump);
  g_assert_cmpstr (file_dump, !=, before);
  g_assert_nonnull (strstr (copy_dump, "Mai Văn Tài"));
  g_assert_nonnull (strstr (copy_dump, "Kỷ niệm chương mới"));

  merge (f->file, file_refusals);
  merge (f->copy, copy_refusals);
  g_free (file_dump);
  g_free (copy_dump);
  file_dump = dump (f->file);
  copy_dump = dump (f->copy);
  g_assert_cmpstr (file_dump, ==, copy_dump);
  g_assert_null (strstr (copy_dump, "HTX Rạng Đông\n"));
  g_assert_cmpstr (file_refusals->str, ==, copy_refusals->str);
  g_test_message ("refusals:\n%s", copy_refusals->str);
  g_assert_nonnull (strstr (copy_refusals->str, "already receives"));
  g_assert_nonnull (strstr (copy_refusals->str, "already receives this award"));
  g_assert_nonnull (strstr (copy_refusals->str, "cannot be given to this kind"));
  g_assert_nonnull (strstr (copy_refusals->str, "registration code"));

  /* The merge is one command, undone as one. */
  g_assert_true (awards_store_undo (f->file, &error));
  g_assert_no_error (error);
  g_assert_true (awards_store_undo (f->copy, &error));
  g_assert_no_error (error);
  g_free (file_dump);
  g_free (copy_dump);
  file_dump = dump (f->file);
  copy_dump = dump (f->copy);
  g_assert_cmpstr (file_dump, ==, copy_dump);
  g_assert_nonnull (strstr (copy_dump, "HTX Rạng Đông\n"));
}

/* An import of @n_people new people of a new cooperative, each given an award in a new
 * decision, through the batch as the importer writes. */
static void
import_people (AwardsStore *store,
               guint        n_people,
               gboolean     commit)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AwardsBatch) batch = awards_batch_begin (store, &error);
  gint64 authority_id;
  gint64 award_id;
  gint64 decision_id;
  gint64 organisation_id;

  g_assert_no_error (error);
  awards_store_set_command_source (store, "khen-2013.csv");
  g_assert_true (awards_batch_expect_rows (batch, n_people, &error));
  authority_id = awards_batch_ensure_authority (batch, "UBND huyện Thủy Nguyên", &error);
  g_assert_no_error (error);
  award_id = awards_batch_ensure_award_type (batch, "Giấy khen", NULL, &error);
  g_assert_no_error (error);
  decision_id = awards_batch_ensure_decision (batch, "77/QĐ-UBND", "2013-12-20", authority_id,
                                              &error);
  g_assert_no_error (error);
  organisation_id = awards_batch_ensure_organisation (batch, "HTX Thủy Nguyên Mới", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n_people; i++)
    {
      g_autofree char *name = g_strdup_printf ("Phạm Văn Số %u", i + 1);
      AwardsNewCommendation award = {
        .decision_id = decision_id,
        .award_type_id = award_id,
        .recipient_kind = AWARDS_RECIPIENT_KIND_INDIVIDUAL,
        .organisation_at_time_id = organisation_id,
        .position = "Xã viên",
      };

      award.person_id = awards_batch_ensure_person (batch, name, organisation_id, "Xã viên",
                                                    &error);
      g_assert_no_error (error);
      g_assert_cmpint (awards_batch_add_commendation (batch, &award, &error), >, 0);
      g_assert_no_error (error);
    }
  /* Without a commit, the batch is rolled back when it is freed. */
  if (commit)
    {
      g_assert_true (awards_batch_commit (batch, &error));
      g_assert_no_error (error);
    }
}

/* An import too large to keep its rows for undo is undone by the ranges of ids it took, on the
 * server as in the file; @data non-NULL: with its rows sent by COPY, whose ids the import draws
 * from the server's sequences a block at a time. */
static void
test_large_import_undone (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *file_dump = NULL;
  g_autofree char *copy_dump = NULL;

  if (f->server == NULL)
    return;
  before = dump (f->copy);
  awards_command_set_max_undoable (3);
  awards_batch_set_copy_min_rows (data != NULL ? 1 : 0);
  /* An import rolled back first: a server's sequences do not give its ids back, so the next
   * import's ids do not follow the last row's. */
  import_people (f->file, 5, FALSE);
  import_people (f->copy, 5, FALSE);
  copy_dump = dump (f->copy);
  g_assert_cmpstr (copy_dump, ==, before);
  g_clear_pointer (&copy_dump, g_free);
  import_people (f->file, 8, TRUE);
  import_people (f->copy, 8, TRUE);
  /* The same records, under other numbers on the server (the ids after the rolled-back ones). */
  file_dump = dump (f->file);
  copy_dump = dump (f->copy);
  g_assert_cmpstr (file_dump, !=, copy_dump);
  g_assert_nonnull (strstr (file_dump, "Phạm Văn Số 8"));
  g_assert_nonnull (strstr (copy_dump, "Phạm Văn Số 8"));
  /* The people's own records, not only the names on their awards. */
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *people = names_of (LIST (awards_store_list_people (i ? f->copy : f->file,
                                                                          NULL, 0, 0, 1000,
                                                                          &list_error)));

      g_assert_nonnull (strstr (people, "Phạm Văn Số 8"));
    }
  /* The entry of the import holds its ranges, not its rows, on both. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (GPtrArray) entries = awards_store_list_audit (i ? f->copy : f->file, NULL, 1,
                                                               &error);
      AwardsAuditEntry *imported;

      g_assert_no_error (error);
      g_assert_cmpuint (entries->len, ==, 1);
      imported = g_ptr_array_index (entries, 0);
      g_assert_cmpstr (imported->record, ==, "khen-2013.csv");
      g_assert_true (g_str_has_prefix (imported->after, "{\"created\":{\"commendation\":["));
    }

  g_assert_true (awards_store_undo (f->file, &error));
  g_assert_no_error (error);
  g_assert_true (awards_store_undo (f->copy, &error));
  g_assert_no_error (error);
  awards_command_set_max_undoable (20000);
  awards_batch_set_copy_min_rows (0);
  g_free (file_dump);
  g_free (copy_dump);
  file_dump = dump (f->file);
  copy_dump = dump (f->copy);
  g_assert_cmpstr (file_dump, ==, copy_dump);
  g_assert_cmpstr (copy_dump, ==, before);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  GError **error = data;

  awards_store_save_organisation_finish (AWARDS_STORE (source), result, error);
  if (*error == NULL)
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "saved");
}

/* A change the server refuses for a concurrent transaction (a serialization failure, a deadlock)
 * is made again, whole, before the clerk is told: here a trigger refuses the first two tries
 * (a sequence counts them, which no rollback undoes). */
static void
test_retries_when_busy (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) outcome = NULL;
  g_autoptr (AwardsDb) owner = NULL;
  g_autoptr (AwardsOrganisation) organisation = NULL;
  g_autoptr (AwardsDbStmt) tries = NULL;
  g_autoptr (AwardsOrganisation) saved = NULL;

  if (f->server == NULL)
    return;
  owner = awards_db_open (f->server, 0, &error);
  g_assert_no_error (error);
  awards_db_exec (owner,
                  "CREATE SEQUENCE tries;"
                  "CREATE FUNCTION refuse_twice () RETURNS trigger LANGUAGE plpgsql AS $$"
                  " BEGIN"
                  "  IF nextval ('tries') <= 2 THEN"
                  "   RAISE EXCEPTION 'concurrent change' USING ERRCODE = '40001';"
                  "  END IF;"
                  "  RETURN NEW;"
                  " END $$;"
                  "CREATE TRIGGER refuse_twice BEFORE UPDATE ON organisation"
                  " FOR EACH ROW EXECUTE FUNCTION refuse_twice ()", &error);
  g_assert_no_error (error);

  organisation = awards_store_find_organisation (f->copy, "HTX Bạch Đằng", &error);
  g_assert_no_error (error);
  awards_organisation_set_address (organisation, "12 Lê Lợi, Thủy Nguyên");
  awards_store_save_organisation_async (f->copy, organisation, NULL, saved_cb, &outcome);
  while (outcome == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (outcome, G_IO_ERROR, G_IO_ERROR_EXISTS);

  saved = awards_store_get_organisation (f->copy, awards_organisation_get_id (organisation),
                                         &error);
  g_assert_no_error (error);
  g_assert_cmpstr (awards_organisation_get_address (saved), ==, "12 Lê Lợi, Thủy Nguyên");
  tries = awards_db_prepare (owner, "SELECT last_value FROM tries", &error);
  g_assert_true (awards_db_stmt_step (tries, &error));
  g_assert_cmpint (awards_db_stmt_column_int64 (tries, 0), ==, 3);
}

static gint64
count_on_server (AwardsDb *db)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AwardsDbStmt) stmt = awards_db_prepare (db, "SELECT count(*) FROM person", &error);

  g_assert_no_error (error);
  g_assert_true (awards_db_stmt_step (stmt, &error));
  return awards_db_stmt_column_int64 (stmt, 0);
}

/* The number of people a list shows is kept by the server (awards_counts), which counting row by
 * row made slow: it follows the copy, the program's own changes and another client's. */
static void
test_people_counted (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AwardsDb) other = NULL;
  g_autoptr (AwardsPerson) person = awards_person_new ();
  g_autofree char *delete = NULL;
  gint64 id;

  if (f->server == NULL)
    return;
  other = awards_db_open (f->server, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (awards_store_count_people (f->copy, NULL, 0, NULL), ==,
                   count_on_server (other));
  g_assert_cmpint (awards_store_count_people (f->copy, NULL, 0, NULL), ==,
                   awards_store_count_people (f->file, NULL, 0, NULL));

  awards_person_set_full_name (person, "Lê Thị Mới");
  id = awards_store_save_person (f->copy, person, &error);
  g_assert_no_error (error);
  g_assert_cmpint (awards_store_count_people (f->copy, NULL, 0, NULL), ==,
                   count_on_server (other));

  delete = g_strdup_printf ("DELETE FROM person WHERE id = %" G_GINT64_FORMAT, id);
  awards_db_exec (other, delete, &error);
  g_assert_no_error (error);
  g_assert_cmpint (awards_store_count_people (f->copy, NULL, 0, NULL), ==,
                   count_on_server (other));
  g_assert_cmpint (awards_store_count_people (f->copy, NULL, 0, NULL), ==,
                   awards_store_count_people (f->file, NULL, 0, NULL));
}

/* The references of awards that the server's triggers check (awards-schema-pg.c) can be broken
 * only by a client deleting at REPEATABLE READ, or by one that switches triggers off: the check
 * of the database finds such an award, as it finds a file's broken references. */
static void
test_check_finds_award_of_nobody (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AwardsDb) other = NULL;
  g_autoptr (GPtrArray) before = NULL;
  g_autoptr (GPtrArray) after = NULL;
  guint found = 0;

  if (f->server == NULL)
    return;
  before = awards_store_check (f->copy, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < before->len; i++)
    g_assert_null (strstr (g_ptr_array_index (before, i), "“commendation”"));

  /* The test server's login may switch the triggers off (as a replica does). */
  other = awards_db_open (f->server, 0, &error);
  g_assert_no_error (error);
  awards_db_exec (other, "SET session_replication_role = replica;"
                         " UPDATE commendation SET person_id = person_id + 1000000"
                         " WHERE id = (SELECT min (id) FROM commendation"
                         "             WHERE person_id IS NOT NULL)", &error);
  g_assert_no_error (error);

  after = awards_store_check (f->copy, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  for (guint i = 0; i < after->len; i++)
    if (strstr (g_ptr_array_index (after, i), "“commendation”") != NULL &&
        strstr (g_ptr_array_index (after, i), "(1)") != NULL)
      found++;
  g_assert_cmpuint (found, ==, 1);
}

/* A batch that sends by COPY from its first award, with a decision of its own numbered @number
 * (a "Giấy khen" of UBND huyện Thủy Nguyên), as a large import's would be. */
static AwardsBatch *
begin_copy_batch (Fixture    *f,
                  const char *number,
                  gint64     *decision_id,
                  gint64     *award_id)
{
  g_autoptr (GError) error = NULL;
  AwardsBatch *batch;
  gint64 authority_id;

  awards_batch_set_copy_min_rows (1);
  batch = awards_batch_begin (f->copy, &error);
  g_assert_no_error (error);
  g_assert_true (awards_batch_expect_rows (batch, 1, &error));
  authority_id = awards_batch_ensure_authority (batch, "UBND huyện Thủy Nguyên", &error);
  *award_id = awards_batch_ensure_award_type (batch, "Giấy khen", NULL, &error);
  *decision_id = awards_batch_ensure_decision (batch, number, "2013-12-20", authority_id,
                                               &error);
  g_assert_no_error (error);
  return batch;
}

/* A server that ends the connection (shut down, or by its administrator: SQLSTATE 57P01) in the
 * middle of an import sent by COPY is named as the reason, before the server's own words; a
 * trigger raises that state here, as a shutdown would, without ending the test's server. */
static void
test_connection_lost_said (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AwardsDb) owner = NULL;
  g_autoptr (AwardsBatch) batch = NULL;
  gint64 award_id, decision_id, person_id;

  if (f->server == NULL)
    return;
  owner = awards_db_open (f->server, 0, &error);
  g_assert_no_error (error);
  awards_db_exec (owner,
                  "CREATE FUNCTION shut_down () RETURNS trigger LANGUAGE plpgsql AS $$"
                  " BEGIN"
                  "  RAISE EXCEPTION 'terminating connection due to administrator command'"
                  "   USING ERRCODE = '57P01';"
                  " END $$;"
                  "CREATE TRIGGER shut_down AFTER INSERT ON commendation"
                  " FOR EACH STATEMENT EXECUTE FUNCTION shut_down ()", &error);
  g_assert_no_error (error);

  batch = begin_copy_batch (f, "78/QĐ-UBND", &decision_id, &award_id);
  person_id = awards_batch_ensure_person (batch, "Phạm Văn Mất", 0, NULL, &error);
  g_assert_no_error (error);
  {
    AwardsNewCommendation award = {
      .decision_id = decision_id,
      .award_type_id = award_id,
      .recipient_kind = AWARDS_RECIPIENT_KIND_INDIVIDUAL,
      .person_id = person_id,
    };

    if (awards_batch_add_commendation (batch, &award, &error) > 0)
      awards_batch_commit (batch, &error);
  }
  awards_batch_set_copy_min_rows (0);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "the connection to the database server was lost"));
  g_clear_error (&error);

  /* The server then ends the program's sessions, as a restart does: the next save says the
   * connection is gone, in one line, and not that the database refused anything. */
  g_clear_pointer (&batch, awards_batch_free);
  awards_db_exec (owner,
                  "SELECT pg_terminate_backend (pid) FROM pg_stat_activity"
                  " WHERE datname = current_database () AND pid <> pg_backend_pid ()", &error);
  g_assert_no_error (error);
  {
    g_autoptr (AwardsOrganisation) organisation = awards_organisation_new ();

    awards_organisation_set_name (organisation, "HTX Sau Khi Mất Kết Nối");
    g_assert_cmpint (awards_store_save_organisation (f->copy, organisation, &error), ==, 0);
    g_assert_nonnull (error);
    g_assert_nonnull (strstr (error->message, "the connection to the database server was lost"));
    g_assert_null (strstr (error->message, "refused"));
    /* Nor the server's English, which says nothing more to a clerk. */
    g_assert_null (strstr (error->message, "terminating"));
    g_assert_null (strchr (error->message, '\n'));
    g_assert_null (strchr (error->message, '\t'));
  }
}

/* A clerk whose program stopped in the middle of a write (a laptop gone to sleep) holds the
 * office's write lock: the server ends that session after a while, its transaction is rolled
 * back, the other clerks' saves go on, and the stalled program is told when it wakes. */
static void
test_stalled_writer_let_go (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AwardsStore) stalled = NULL;
  g_autoptr (AwardsStore) other = NULL;
  g_autoptr (AwardsBatch) batch = NULL;
  g_autoptr (AwardsOrganisation) organisation = awards_organisation_new ();
  g_autoptr (AwardsOrganisation) found = NULL;

  if (f->server == NULL)
    return;
  awards_db_pg_set_stalled_timeout (1);
  stalled = awards_store_open (f->server, &error);
  g_assert_no_error (error);
  other = awards_store_open (f->server, &error);
  g_assert_no_error (error);
  awards_db_pg_set_stalled_timeout (0);

  batch = awards_batch_begin (stalled, &error);
  g_assert_no_error (error);
  g_assert_cmpint (awards_batch_ensure_organisation (batch, "HTX Ngủ Quên", &error), >, 0);
  g_assert_no_error (error);

  /* The other clerk's save waits for the lock until the server lets the stalled session go. */
  awards_organisation_set_name (organisation, "HTX Thức Khuya");
  g_assert_cmpint (awards_store_save_organisation (other, organisation, &error), >, 0);
  g_assert_no_error (error);

  /* The stalled import wakes to a sentence, and nothing of it was kept. */
  g_usleep (G_USEC_PER_SEC / 2);
  g_assert_false (awards_batch_commit (batch, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  found = awards_store_find_organisation (other, "HTX Ngủ Quên", &error);
  g_assert_null (found);
  g_assert_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_NOT_FOUND);
}

/* A server's batch lets go of the people it met long ago as a file's does: those it keeps for
 * COPY are sent first, so that the look-up of one met again finds them (a person of an
 * organisation the batch created would be added twice otherwise). */
static void
test_copy_forgets_people (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AwardsBatch) batch = NULL;
  g_autoptr (AwardsDb) db = NULL;
  gint64 before, ids[8] = { 0 };

  if (f->server == NULL)
    return;
  db = awards_db_open (f->server, 0, &error);
  g_assert_no_error (error);
  before = count_on_server (db);
  awards_batch_set_copy_min_rows (1);
  awards_batch_set_people_generation (3);
  batch = awards_batch_begin (f->copy, &error);
  g_assert_true (awards_batch_expect_rows (batch, 3 * G_N_ELEMENTS (ids), &error));
  g_assert_no_error (error);
  for (guint round = 0; round < 3; round++)
    for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
      {
        g_autofree char *name = g_strdup_printf ("HTX Tân Lập %u", i);
        gint64 organisation_id = awards_batch_ensure_organisation (batch, name, &error);
        gint64 id = awards_batch_ensure_person (batch, "Lê Thị Hoa", organisation_id, NULL,
                                                &error);

        g_assert_no_error (error);
        if (round == 0)
          ids[i] = id;
        g_assert_cmpint (id, ==, ids[i]);
      }
  awards_batch_set_people_generation (0);
  awards_batch_set_copy_min_rows (0);
  g_assert_true (awards_batch_commit (batch, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_on_server (db), ==, before + G_N_ELEMENTS (ids));
}

/* Rows kept for COPY are checked before they are kept; when the server refuses them all the
 * same, another clerk changed what they name meanwhile. The batch says so, and so does every call
 * after it, instead of the server's "current transaction is aborted"; nothing is written. */
static void
test_refused_rows_said (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AwardsDb) other = NULL;
  g_autoptr (AwardsBatch) batch = NULL;
  g_autofree char *delete = NULL;
  gint64 award_id, decision_id, person_id, organisation_id;
  gint64 people_before;

  if (f->server == NULL)
    return;
  other = awards_db_open (f->server, 0, &error);
  g_assert_no_error (error);

  /* A person without awards, whom another clerk will delete. */
  batch = awards_batch_begin (f->copy, &error);
  g_assert_no_error (error);
  person_id = awards_batch_ensure_person (batch, "Phạm Văn Xóa", 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (awards_batch_commit (batch, &error));
  g_clear_pointer (&batch, awards_batch_free);
  people_before = count_on_server (other);

  batch = begin_copy_batch (f, "79/QĐ-UBND", &decision_id, &award_id);
  g_assert_cmpint (awards_batch_ensure_person (batch, "Phạm Văn Xóa", 0, NULL, &error), ==,
                   person_id);
  {
    AwardsNewCommendation award = {
      .decision_id = decision_id,
      .award_type_id = award_id,
      .recipient_kind = AWARDS_RECIPIENT_KIND_INDIVIDUAL,
      .person_id = person_id,
    };

    g_assert_cmpint (awards_batch_add_commendation (batch, &award, &error), >, 0);
    g_assert_no_error (error);
  }
  delete = g_strdup_printf ("DELETE FROM person WHERE id = %" G_GINT64_FORMAT, person_id);
  awards_db_exec (other, delete, &error);
  g_assert_no_error (error);

  g_assert_false (awards_batch_send_kept (batch, &error));
  awards_batch_set_copy_min_rows (0);
  g_assert_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "Another user deleted or changed records"));
  g_assert_nonnull (strstr (error->message, "person_id"));
  g_assert_nonnull (awards_batch_get_failure (batch));
  g_clear_error (&error);

  /* What comes next fails for the same reason. */
  organisation_id = awards_batch_ensure_organisation (batch, "HTX Sau Lỗi", &error);
  g_assert_cmpint (organisation_id, ==, 0);
  g_clear_error (&error);
  g_assert_false (awards_batch_commit (batch, &error));
  g_assert_nonnull (strstr (error->message, "Another user deleted or changed records"));
  g_clear_pointer (&batch, awards_batch_free);
  g_assert_cmpint (count_on_server (other), ==, people_before - 1);
}

typedef struct
{
  AwardsStore *store;
  gint64       id;
  GError      *error;
} DeleteRace;

static gpointer
delete_thread (gpointer data)
{
  DeleteRace *race = data;

  awards_store_delete_organisation (race->store, race->id, &race->error);
  return NULL;
}

/* Another clerk gives an award to the organisation the program deletes, after the program has
 * counted its awards: the server refuses the delete, and the clerk reads why in a sentence,
 * not in the server's words. */
static void
test_delete_lost_race (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AwardsDb) other = NULL;
  g_autoptr (AwardsDb) watcher = NULL;
  g_autoptr (AwardsOrganisation) organisation = awards_organisation_new ();
  g_autoptr (AwardsOrganisation) kept = NULL;
  g_autofree char *insert = NULL;
  DeleteRace race = { f->copy, 0, NULL };
  GThread *thread;
  gint64 waiting = 0;

  if (f->server == NULL)
    return;
  awards_organisation_set_name (organisation, "HTX Sắp Giải Thể");
  race.id = awards_store_save_organisation (f->copy, organisation, &error);
  g_assert_no_error (error);
  other = awards_db_open (f->server, 0, &error);
  g_assert_no_error (error);
  watcher = awards_db_open (f->server, 0, &error);
  g_assert_no_error (error);

  insert = g_strdup_printf ("BEGIN;"
                            "INSERT INTO commendation (decision_id, award_type_id, authority_id,"
                            " date, organisation_id, recipient_name)"
                            " SELECT decision_id, award_type_id, authority_id, date, %"
                            G_GINT64_FORMAT ", 'HTX Sắp Giải Thể' FROM commendation"
                            " WHERE organisation_id IS NOT NULL ORDER BY id LIMIT 1", race.id);
  awards_db_exec (other, insert, &error);
  g_assert_no_error (error);

  thread = g_thread_new ("delete", delete_thread, &race);
  for (guint i = 0; i < 200 && waiting == 0; i++)
    {
      g_autoptr (AwardsDbStmt) stmt =
        awards_db_prepare (watcher, "SELECT count(*) FROM pg_stat_activity"
                                    " WHERE wait_event_type = 'Lock'"
                                    " AND datname = current_database ()", &error);

      g_assert_no_error (error);
      g_assert_true (awards_db_stmt_step (stmt, &error));
      waiting = awards_db_stmt_column_int64 (stmt, 0);
      if (waiting == 0)
        g_usleep (20000);
    }
  g_assert_cmpint (waiting, ==, 1);
  awards_db_exec (other, "COMMIT", &error);
  g_assert_no_error (error);
  g_thread_join (thread);

  g_assert_error (race.error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_CONSTRAINT);
  g_assert_cmpstr (race.error->message, ==, "Another user has just recorded an award of the "
                                            "organisation; it cannot be deleted.");
  g_clear_error (&race.error);
  kept = awards_store_get_organisation (f->copy, race.id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (kept);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/store-server/same-answers", Fixture, NULL, fixture_set_up, test_same_answers,
              fixture_tear_down);
  g_test_add ("/store-server/writes-as-the-file", Fixture, NULL, fixture_set_up,
              test_writes_as_the_file, fixture_tear_down);
  g_test_add ("/store-server/large-import-undone", Fixture, NULL, fixture_set_up,
              test_large_import_undone, fixture_tear_down);
  g_test_add ("/store-server/large-import-undone-by-copy", Fixture, "copy", fixture_set_up,
              test_large_import_undone, fixture_tear_down);
  g_test_add ("/store-server/copy-forgets-people", Fixture, NULL, fixture_set_up,
              test_copy_forgets_people, fixture_tear_down);
  g_test_add ("/store-server/people-counted", Fixture, NULL, fixture_set_up,
              test_people_counted, fixture_tear_down);
  g_test_add ("/store-server/retries-when-busy", Fixture, NULL, fixture_set_up,
              test_retries_when_busy, fixture_tear_down);
  g_test_add ("/store-server/stalled-writer-let-go", Fixture, NULL, fixture_set_up,
              test_stalled_writer_let_go, fixture_tear_down);
  g_test_add ("/store-server/connection-lost-said", Fixture, NULL, fixture_set_up,
              test_connection_lost_said, fixture_tear_down);
  g_test_add ("/store-server/check-finds-award-of-nobody", Fixture, NULL, fixture_set_up,
              test_check_finds_award_of_nobody, fixture_tear_down);
  g_test_add ("/store-server/delete-lost-race", Fixture, NULL, fixture_set_up,
              test_delete_lost_race, fixture_tear_down);
  g_test_add ("/store-server/refused-rows-said", Fixture, NULL, fixture_set_up,
              test_refused_rows_said, fixture_tear_down);
  return g_test_run ();
}
