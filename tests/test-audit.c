/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "awards-audit.h"
#include "awards-batch.h"
#include "awards-db.h"
#include "awards-db-schema.h"
#include "awards-command.h"
#include "awards-authority.h"
#include "awards-merge.h"
#include "awards-review-store.h"
#include "awards-settings.h"
#include "awards-store.h"
#include "awards-store-open.h"
#include "awards-test-pg.h"

/* The audit log, the command history (undo and redo) and the row versions of issue 8, on a file
 * and on a database on the test server ("/server/…"; skipped when tools/test could not start
 * one). */

typedef struct
{
  char        *dir;
  char        *path;     /* the file, or the server database's address */
  char        *server;
  AwardsStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gboolean created = FALSE;

  fixture->dir = g_dir_make_tmp ("test-audit-XXXXXX", &error);
  g_assert_no_error (error);
  if (data != NULL)
    {
      fixture->server = awards_test_pg_new_database (NULL);
      g_assert_nonnull (fixture->server);
      awards_store_init_server (fixture->server, &created, NULL, &error);
      g_assert_no_error (error);
      fixture->path = g_strdup (fixture->server);
    }
  else
    {
      fixture->path = g_build_filename (fixture->dir, "awards.db", NULL);
    }
  fixture->store = awards_store_open (fixture->path, &error);
  g_assert_no_error (error);
}

/* Another program's connection to the fixture's database. */
static AwardsDb *
open_other (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  AwardsDb *db = awards_db_open (fixture->path, 0, &error);

  g_assert_no_error (error);
  return db;
}

/* Runs @sql as another program would; returns its error message, or NULL. */
static char *
exec_other (Fixture    *fixture,
            const char *sql)
{
  g_autoptr(AwardsDb) db = open_other (fixture);
  g_autoptr(GError) error = NULL;

  if (awards_db_exec (db, sql, &error))
    return NULL;
  return g_strdup (error->message);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);

  g_clear_object (&fixture->store);
  if (fixture->server != NULL)
    awards_test_pg_drop_database (fixture->server);
  g_free (fixture->server);
  g_unlink (wal);
  g_unlink (shm);
  g_unlink (fixture->path);
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static AwardsAuditEntry *
newest_entry (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = awards_store_list_audit (fixture->store, NULL, 1, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  return g_ptr_array_steal_index (entries, 0);
}

static guint
count_entries (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = awards_store_list_audit (fixture->store, NULL, 0, &error);

  g_assert_no_error (error);
  return entries->len;
}

static gint64
save_organisation (Fixture    *fixture,
                   const char *name)
{
  g_autoptr(AwardsOrganisation) organisation = awards_organisation_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  awards_organisation_set_name (organisation, name);
  awards_organisation_set_district (organisation, "Thủy Nguyên");
  id = awards_store_save_organisation (fixture->store, organisation, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
rename_organisation (Fixture    *fixture,
                     gint64      id,
                     const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsOrganisation) organisation =
    awards_store_get_organisation (fixture->store, id, &error);

  g_assert_no_error (error);
  awards_organisation_set_name (organisation, name);
  g_assert_cmpint (awards_store_save_organisation (fixture->store, organisation, &error), ==, id);
  g_assert_no_error (error);
}

static void
test_organisation_entries (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsAuditEntry) created = NULL;
  g_autoptr(AwardsAuditEntry) edited = NULL;
  g_autoptr(AwardsAuditEntry) deleted = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *details = NULL;
  gint64 id;

  id = save_organisation (fixture, "HTX Bạch Đằng");
  created = newest_entry (fixture);
  g_assert_cmpint (created->command_id, ==, 0);
  g_assert_cmpstr (created->user, ==, g_get_user_name ());
  /* On a server the log names the database login too (the test server's is in its address). */
  if (fixture->server == NULL)
    {
      g_assert_null (created->role);
    }
  else
    {
      g_autofree char *login = g_strdup_printf ("user='%s'", created->role);

      g_assert_nonnull (created->role);
      g_assert_nonnull (strstr (fixture->server, login));
    }
  g_assert_cmpstr (created->action, ==, "create");
  g_assert_cmpstr (created->kind, ==, "organisation");
  g_assert_cmpint (created->record_id, ==, id);
  g_assert_cmpstr (created->record, ==, "HTX Bạch Đằng");
  g_assert_null (created->before);
  g_assert_cmpstr (created->after, ==,
                   "{\"name\":\"HTX Bạch Đằng\",\"kind\":\"other\",\"district\":\"Thủy Nguyên\"}");
  g_assert_nonnull (created->time);
  g_assert_true (g_str_has_suffix (created->time, "Z"));

  rename_organisation (fixture, id, "HTX Bạch Đằng Mới");
  edited = newest_entry (fixture);
  g_assert_cmpstr (edited->action, ==, "edit");
  g_assert_cmpstr (edited->kind, ==, "organisation");
  g_assert_cmpint (edited->record_id, ==, id);
  g_assert_cmpstr (edited->record, ==, "HTX Bạch Đằng Mới");
  g_assert_cmpstr (edited->before, ==, "{\"name\":\"HTX Bạch Đằng\"}");
  g_assert_cmpstr (edited->after, ==, "{\"name\":\"HTX Bạch Đằng Mới\"}");
  details = awards_audit_entry_describe (edited);
  g_assert_cmpstr (details, ==, "Name: HTX Bạch Đằng → HTX Bạch Đằng Mới");
  /* The log itself keeps the fields in no reader's language. */
  g_assert_cmpstr (edited->details, ==, "name: HTX Bạch Đằng → HTX Bạch Đằng Mới");

  g_assert_true (awards_store_delete_organisation (fixture->store, id, &error));
  g_assert_no_error (error);
  deleted = newest_entry (fixture);
  g_assert_cmpstr (deleted->action, ==, "delete");
  g_assert_cmpint (deleted->record_id, ==, id);
  g_assert_cmpstr (deleted->record, ==, "HTX Bạch Đằng Mới");
  g_assert_cmpstr (deleted->before, ==,
                   "{\"name\":\"HTX Bạch Đằng Mới\",\"kind\":\"other\","
                   "\"district\":\"Thủy Nguyên\"}");
  g_assert_null (deleted->after);

  /* A failed write leaves no entry. */
  g_assert_false (awards_store_delete_organisation (fixture->store, id, &error));
  g_assert_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_NOT_FOUND);
  g_assert_cmpuint (count_entries (fixture), ==, 3);

  /* The record's own history has all three, newest first. */
  history = awards_store_list_record_audit (fixture->store, "organisation", id, 0, NULL);
  g_assert_cmpuint (history->len, ==, 3);
  g_assert_cmpstr (((AwardsAuditEntry *) history->pdata[0])->action, ==, "delete");
  g_assert_cmpstr (((AwardsAuditEntry *) history->pdata[2])->action, ==, "create");
}

static gint64
save_person (Fixture    *fixture,
             gint64      id,
             const char *name,
             int         birth_year)
{
  g_autoptr(AwardsPerson) person = awards_person_new ();
  g_autoptr(GError) error = NULL;

  awards_person_set_id (person, id);
  awards_person_set_full_name (person, name);
  awards_person_set_birth_year (person, birth_year);
  id = awards_store_save_person (fixture->store, person, &error);
  g_assert_no_error (error);
  return id;
}

static void
test_person_entries (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsAuditEntry) created = NULL;
  g_autoptr(AwardsAuditEntry) edited = NULL;
  g_autoptr(AwardsAuditEntry) deleted = NULL;
  gint64 id;

  id = save_person (fixture, 0, "Mai Văn Tài", 1970);
  created = newest_entry (fixture);
  g_assert_cmpstr (created->action, ==, "create");
  g_assert_cmpstr (created->kind, ==, "person");
  g_assert_cmpint (created->record_id, ==, id);
  g_assert_cmpstr (created->record, ==, "Mai Văn Tài");
  g_assert_cmpstr (created->after, ==,
                   "{\"full_name\":\"Mai Văn Tài\",\"gender\":\"unknown\",\"birth_year\":1970}");

  save_person (fixture, id, "Mai Văn Tài", 1971);
  edited = newest_entry (fixture);
  g_assert_cmpstr (edited->action, ==, "edit");
  g_assert_cmpstr (edited->before, ==, "{\"birth_year\":1970}");
  g_assert_cmpstr (edited->after, ==, "{\"birth_year\":1971}");
  g_assert_cmpstr (edited->details, ==, "birth_year: 1970 → 1971");
  g_assert_cmpstr (edited->description, ==, "Year of birth: 1970 → 1971");

  g_assert_true (awards_store_delete_person (fixture->store, id, &error));
  deleted = newest_entry (fixture);
  g_assert_cmpstr (deleted->action, ==, "delete");
  g_assert_cmpstr (deleted->kind, ==, "person");
  g_assert_cmpstr (deleted->record, ==, "Mai Văn Tài");
  g_assert_null (deleted->after);
}

static gint64
save_decision (Fixture *fixture)
{
  g_autoptr(AwardsDecision) decision = awards_decision_new ();
  g_autoptr(GPtrArray) recipients = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  AwardsCommendation *item;
  gint64 id;

  awards_decision_set_number (decision, "12/QĐ-LMHTX");
  awards_decision_set_date (decision, "15/01/2012");
  awards_decision_set_authority_name (decision, "Liên minh HTX thành phố Hải Phòng");
  item = awards_commendation_new ();
  awards_commendation_set_recipient_kind (item, AWARDS_RECIPIENT_KIND_COLLECTIVE);
  awards_commendation_set_recipient_name (item, "HTX Bạch Đằng");
  awards_commendation_set_award_name (item, "Giấy khen");
  g_ptr_array_add (recipients, item);
  item = awards_commendation_new ();
  awards_commendation_set_recipient_kind (item, AWARDS_RECIPIENT_KIND_INDIVIDUAL);
  awards_commendation_set_recipient_name (item, "Mai Văn Tài");
  awards_commendation_set_organisation_at_time_name (item, "HTX Rạng Đông");
  awards_commendation_set_award_name (item, "Giấy khen");
  g_ptr_array_add (recipients, item);
  id = awards_store_save_decision (fixture->store, decision, recipients, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static guint
count_rows (Fixture    *fixture,
            const char *sql)
{
  g_autoptr(AwardsDb) db = open_other (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsDbStmt) stmt = awards_db_prepare (db, sql, &error);

  g_assert_no_error (error);
  g_assert_true (awards_db_stmt_step (stmt, &error));
  g_assert_no_error (error);
  return (guint) awards_db_stmt_column_int64 (stmt, 0);
}

static void
test_decision_entry (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(AwardsAuditEntry) entry = NULL;
  g_autoptr(GPtrArray) award_history = NULL;
  g_autoptr(GPtrArray) awards = NULL;
  AwardsAuditEntry *part;
  AwardsQuery query;
  gint64 id;

  id = save_decision (fixture);
  g_assert_cmpuint (count_entries (fixture), ==, 1);
  entry = newest_entry (fixture);
  g_assert_cmpstr (entry->action, ==, "create");
  g_assert_cmpstr (entry->kind, ==, "decision");
  g_assert_cmpint (entry->record_id, ==, id);
  g_assert_cmpstr (entry->record, ==, "12/QĐ-LMHTX");
  g_assert_null (entry->before);
  g_assert_nonnull (strstr (entry->after, "\"number\":\"12/QĐ-LMHTX\""));
  g_assert_nonnull (strstr (entry->after, "\"date\":\"2012-01-15\""));
  g_assert_cmpstr (entry->details, ==, "2 awards and other records");

  /* Its parts: the authority, two organisations, the person and the two awards. */
  g_assert_cmpuint (count_rows (fixture, "SELECT count(*) FROM audit_log WHERE command_id IS NOT NULL"),
                    ==, 6);
  awards_query_init (&query);
  query.decision_id = id;
  awards = awards_store_list_commendations (fixture->store, &query, AWARDS_ORDER_ANNEX, NULL);
  g_assert_cmpuint (awards->len, ==, 2);
  award_history =
    awards_store_list_record_audit (fixture->store, "award",
                                    awards_commendation_get_id (awards->pdata[0]), 0, NULL);
  g_assert_cmpuint (award_history->len, ==, 1);
  part = award_history->pdata[0];
  g_assert_cmpint (part->command_id, ==, entry->id);
  g_assert_cmpstr (part->action, ==, "create");
  g_assert_cmpstr (part->kind, ==, "award");
  g_assert_cmpstr (part->record, ==, "HTX Bạch Đằng");
  g_assert_null (part->before);
  g_assert_nonnull (strstr (part->after, "\"recipient_name\":\"HTX Bạch Đằng\""));

  /* An edit of the decision and of an award says what changed in the decision as well as how
   * many awards: the history showed "1 award" and nothing of the new signer. */
  {
    g_autoptr (AwardsDecision) decision = awards_store_get_decision (fixture->store, id, NULL);
    g_autoptr (AwardsAuditEntry) edited = NULL;
    g_autofree char *described = NULL;
    g_autoptr (GError) error = NULL;

    awards_decision_set_signer_name (decision, "Đặng Trọng Thăng");
    awards_commendation_set_position (awards->pdata[1], "Giám đốc");
    g_assert_cmpint (awards_store_save_decision (fixture->store, decision, awards, &error), ==,
                     id);
    g_assert_no_error (error);
    edited = newest_entry (fixture);
    g_assert_cmpstr (edited->action, ==, "edit");
    described = awards_audit_entry_describe (edited);
    g_assert_cmpstr (described, ==, "Signer’s name: — → Đặng Trọng Thăng; 1 award");
  }
}

/* The history words an edit for a reader: labels, dates as on paper, and the records that a
 * field refers to by their names, or by their numbers once they are gone. */
static void
test_readable_fields (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsPerson) person = awards_person_new ();
  g_autoptr(AwardsOrganisation) organisation = NULL;
  g_autoptr(AwardsAuditEntry) moved = NULL;
  g_autoptr(AwardsAuditEntry) founded = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *gone = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *columns = NULL;
  gint64 first = save_organisation (fixture, "HTX Bạch Đằng");
  gint64 second = save_organisation (fixture, "HTX Tân Liên");
  gint64 id;

  awards_person_set_full_name (person, "Mai Văn Tài");
  awards_person_set_organisation_id (person, first);
  id = awards_store_save_person (fixture->store, person, &error);
  g_assert_no_error (error);
  awards_person_set_id (person, id);
  awards_person_set_organisation_id (person, second);
  awards_person_set_gender (person, AWARDS_GENDER_FEMALE);
  g_assert_cmpint (awards_store_save_person (fixture->store, person, &error), ==, id);
  g_assert_no_error (error);
  moved = newest_entry (fixture);
  columns = g_strdup_printf ("gender: unknown → female; organisation_id: %" G_GINT64_FORMAT
                             " → %" G_GINT64_FORMAT, first, second);
  g_assert_cmpstr (moved->details, ==, columns);
  g_assert_cmpstr (moved->description, ==,
                   "Gender: — → female; Organisation: HTX Bạch Đằng → HTX Tân Liên");

  organisation = awards_store_get_organisation (fixture->store, second, &error);
  g_assert_no_error (error);
  awards_organisation_set_founded (organisation, "2001-05-20");
  g_assert_cmpint (awards_store_save_organisation (fixture->store, organisation, &error), ==,
                   second);
  founded = newest_entry (fixture);
  g_assert_cmpstr (founded->description, ==, "Founded: — → 20/05/2001");

  /* The organisation the person left is deleted: the old entry names it by its number. */
  g_assert_true (awards_store_delete_organisation (fixture->store, first, &error));
  g_assert_no_error (error);
  history = awards_store_list_record_audit (fixture->store, "person", id, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  gone = awards_audit_entry_describe (history->pdata[0]);
  expected = g_strdup_printf ("Gender: — → female; Organisation: no. %" G_GINT64_FORMAT
                              " → HTX Tân Liên", first);
  g_assert_cmpstr (gone, ==, expected);
}

static void
test_award_entries (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) awards = NULL;
  g_autoptr(AwardsAuditEntry) edited = NULL;
  g_autoptr(AwardsAuditEntry) deleted = NULL;
  g_autoptr(AwardsAuditEntry) restored = NULL;
  g_autofree char *label = NULL;
  AwardsCommendation *award;
  AwardsQuery query;
  gint64 id;

  awards_query_init (&query);
  query.decision_id = save_decision (fixture);
  awards = awards_store_list_commendations (fixture->store, &query, AWARDS_ORDER_ANNEX, NULL);
  award = awards->pdata[0];
  id = awards_commendation_get_id (award);

  awards_commendation_set_achievement (award, "Sản xuất giỏi");
  g_assert_true (awards_store_update_commendation (fixture->store, award, &error));
  g_assert_no_error (error);
  edited = newest_entry (fixture);
  g_assert_cmpstr (edited->action, ==, "edit");
  g_assert_cmpstr (edited->kind, ==, "award");
  g_assert_cmpint (edited->record_id, ==, id);
  g_assert_cmpstr (edited->record, ==, "HTX Bạch Đằng");
  g_assert_cmpstr (edited->before, ==, "{\"achievement\":null}");
  g_assert_cmpstr (edited->after, ==, "{\"achievement\":\"Sản xuất giỏi\"}");
  g_assert_cmpstr (edited->details, ==, "achievement: — → Sản xuất giỏi");
  g_assert_cmpstr (edited->description, ==, "Achievement: — → Sản xuất giỏi");

  g_assert_true (awards_store_delete_commendation (fixture->store, id, &error));
  deleted = newest_entry (fixture);
  g_assert_cmpstr (deleted->action, ==, "delete");
  g_assert_cmpstr (deleted->kind, ==, "award");
  g_assert_cmpstr (deleted->before, ==, "{\"deleted\":0}");
  g_assert_cmpstr (deleted->after, ==, "{\"deleted\":1}");
  /* The action says it: no "Deleted: no → yes" beside it. */
  g_assert_null (deleted->description);
  /* Undo names the award by its recipient, not as if the recipient were deleted. */
  label = awards_store_get_undo_label (fixture->store);
  g_assert_cmpstr (label, ==, "Undo Delete the award to “HTX Bạch Đằng”");

  g_assert_true (awards_store_restore_commendation (fixture->store, id, &error));
  restored = newest_entry (fixture);
  g_assert_cmpstr (restored->action, ==, "restore");
  g_assert_cmpstr (restored->after, ==, "{\"deleted\":0}");
}

/* A batch as the importer runs it: one entry naming the file and the number of awards. */
static void
import_two (Fixture    *fixture,
            const char *file)
{
  g_autoptr(GError) error = NULL;
  AwardsBatch *batch = awards_batch_begin (fixture->store, &error);
  AwardsNewCommendation spec = { 0, };
  const char *const names[] = { "HTX Tân Phong", "HTX Đồng Tâm" };
  gint64 authority;

  g_assert_no_error (error);
  awards_store_set_command_source (fixture->store, file);
  authority = awards_batch_ensure_authority (batch, "UBND thành phố Hải Phòng", &error);
  spec.decision_id = awards_batch_ensure_decision (batch, "3456/QĐ-UBND", "2011-12-28",
                                                   authority, &error);
  spec.award_type_id = awards_batch_ensure_award_type (batch, "Bằng khen", NULL, &error);
  spec.recipient_kind = AWARDS_RECIPIENT_KIND_COLLECTIVE;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      spec.organisation_id = awards_batch_ensure_organisation (batch, names[i], &error);
      spec.recipient_name = names[i];
      g_assert_cmpint (awards_batch_add_commendation (batch, &spec, &error), >, 0);
    }
  g_assert_no_error (error);
  g_assert_true (awards_batch_commit (batch, &error));
  g_assert_no_error (error);
  awards_batch_free (batch);
}

static void
test_import_entry (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(AwardsAuditEntry) entry = NULL;

  import_two (fixture, "tong-ket-2011.csv");
  g_assert_cmpuint (count_entries (fixture), ==, 1);
  entry = newest_entry (fixture);
  g_assert_cmpstr (entry->action, ==, "import");
  g_assert_cmpstr (entry->kind, ==, "import");
  g_assert_cmpint (entry->record_id, ==, 0);
  g_assert_cmpstr (entry->record, ==, "tong-ket-2011.csv");
  g_assert_cmpstr (entry->details, ==, "2 awards");
  g_assert_null (entry->before);
  g_assert_null (entry->after);
  /* The decision, the two organisations and the two awards are its parts. */
  g_assert_cmpuint (count_rows (fixture, "SELECT count(*) FROM audit_log WHERE command_id = "
                                         "(SELECT max (id) FROM audit_log WHERE command_id IS NULL)"
                                         " AND kind IN ('organisation', 'award', 'decision')"),
                    ==, 5);
}

/* The log is append-only in SQL too, whatever program writes to the file. */
static void
test_sql_refuses_changes (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *update = NULL;
  g_autofree char *delete = NULL;

  save_organisation (fixture, "HTX Bạch Đằng");
  update = exec_other (fixture, "UPDATE audit_log SET \"user\" = 'someone else'");
  g_assert_nonnull (update);
  g_assert_nonnull (strstr (update, "the audit log is append-only"));
  delete = exec_other (fixture, "DELETE FROM audit_log");
  g_assert_nonnull (delete);
  g_assert_nonnull (strstr (delete, "the audit log is append-only"));
  g_assert_cmpuint (count_rows (fixture, "SELECT count(*) FROM audit_log WHERE \"user\" = '"
                                         "someone else'"), ==, 0);
  g_assert_cmpuint (count_entries (fixture), ==, 1);
}

/* An award type cannot be narrowed under the awards it already has. */
static void
test_sql_refuses_eligibility (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *narrowed = NULL;
  g_autofree char *changed = NULL;

  save_decision (fixture);
  narrowed = exec_other (fixture, "UPDATE award_type SET eligibility = 'collective'"
                                  " WHERE name = 'Giấy khen'");
  g_assert_nonnull (narrowed);
  g_assert_nonnull (strstr (narrowed, "award not allowed for this kind of recipient"));
  /* An award changed to a type its recipient may not have is refused as well. */
  changed = exec_other (fixture, "UPDATE commendation SET award_type_id ="
                                 " (SELECT id FROM award_type WHERE eligibility = 'collective'"
                                 "  LIMIT 1) WHERE person_id IS NOT NULL");
  g_assert_nonnull (changed);
}

static void
test_row_version (Fixture       *fixture,
                  gconstpointer  data)
{
  gint64 id = save_organisation (fixture, "HTX Bạch Đằng");

  g_assert_cmpint (awards_store_get_row_version (fixture->store, "organisation", id, NULL), ==, 0);
  rename_organisation (fixture, id, "HTX Bạch Đằng 2");
  g_assert_cmpint (awards_store_get_row_version (fixture->store, "organisation", id, NULL), ==, 1);
  rename_organisation (fixture, id, "HTX Bạch Đằng 3");
  g_assert_cmpint (awards_store_get_row_version (fixture->store, "organisation", id, NULL), ==, 2);
  g_assert_cmpint (awards_store_get_row_version (fixture->store, "organisation", id + 100, NULL),
                   ==, -1);

  /* A record carries the version read with its fields, which an editor's guard starts from;
   * one not read from the store has none. */
  {
    g_autoptr(AwardsOrganisation) read = awards_store_get_organisation (fixture->store, id, NULL);
    g_autoptr(AwardsOrganisation) copy = awards_organisation_copy (read);
    g_autoptr(AwardsOrganisation) fresh = awards_organisation_new ();
    g_autoptr(AwardsPerson) person = awards_person_new ();
    g_autoptr(AwardsPerson) person_read = NULL;
    g_autoptr(GError) error = NULL;
    gint64 person_id;

    g_assert_cmpint (awards_organisation_get_row_version (read), ==, 2);
    g_assert_cmpint (awards_organisation_get_row_version (copy), ==, 2);
    g_assert_cmpint (awards_organisation_get_row_version (fresh), ==, -1);

    awards_person_set_full_name (person, "Lê Văn An");
    person_id = awards_store_save_person (fixture->store, person, &error);
    g_assert_no_error (error);
    awards_person_set_id (person, person_id);
    awards_person_set_position (person, "Xã viên");
    awards_store_save_person (fixture->store, person, &error);
    g_assert_no_error (error);
    person_read = awards_store_get_person (fixture->store, person_id, &error);
    g_assert_no_error (error);
    g_assert_cmpint (awards_person_get_row_version (person_read), ==, 1);
    g_assert_cmpint (awards_person_get_row_version (person_read), ==,
                     awards_store_get_row_version (fixture->store, "person", person_id, NULL));
  }
}

static char *
organisation_name (Fixture *fixture,
                   gint64   id)
{
  g_autoptr(AwardsOrganisation) organisation =
    awards_store_get_organisation (fixture->store, id, NULL);

  return organisation != NULL ? g_strdup (awards_organisation_get_name (organisation)) : NULL;
}

/* Undoes or redoes, and asserts that it worked. */
static void
assert_step (Fixture  *fixture,
             gboolean  undo)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = undo ? awards_store_undo (fixture->store, &error)
                     : awards_store_redo (fixture->store, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
}

/* A change of an authority's level changes who is eligible: it is in the log, in a reader's
 * words, and Undo takes it back. */
static void
test_authority_level (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsAuditEntry) edited = NULL;
  g_autoptr(AwardsAuthority) authority = NULL;
  g_autofree char *expected = NULL;
  AwardsLevel before, after;
  gint64 authority_id;

  save_decision (fixture);
  authority = awards_store_find_authority (fixture->store,
                                           "Liên minh HTX thành phố Hải Phòng", &error);
  g_assert_no_error (error);
  g_assert_nonnull (authority);
  authority_id = awards_authority_get_id (authority);
  before = awards_review_get_authority_level (fixture->store, authority_id, &error);
  g_assert_no_error (error);
  after = before == AWARDS_LEVEL_BASE ? AWARDS_LEVEL_DISTRICT : AWARDS_LEVEL_BASE;
  g_assert_true (awards_review_set_authority_level (fixture->store, authority_id, after,
                                                    &error));
  g_assert_no_error (error);
  edited = newest_entry (fixture);
  g_assert_cmpstr (edited->action, ==, "edit");
  g_assert_cmpstr (edited->kind, ==, "authority");
  g_assert_cmpint (edited->record_id, ==, authority_id);
  g_assert_cmpstr (edited->record, ==, "Liên minh HTX thành phố Hải Phòng");
  expected = g_strdup_printf ("Level: %s → %s", before != AWARDS_LEVEL_NONE
                                                 ? awards_level_get_label (before) : "—",
                              awards_level_get_label (after));
  g_assert_cmpstr (edited->description, ==, expected);

  assert_step (fixture, TRUE);
  g_assert_cmpint (awards_review_get_authority_level (fixture->store, authority_id, &error), ==,
                   before);
  g_assert_no_error (error);
}

/* The office profile, ratings, initiatives and staff classes are logged with what changed, and
 * Undo leaves them alone: the change before them can still be undone. */
static void
test_logged_outside_undo (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ratings = g_ptr_array_new ();
  AwardsRatingRecord record = { 0, };
  AwardsInitiative initiative = { 0, };
  g_autofree char *label = NULL;
  g_autofree char *name = NULL;
  guint n_entries;
  gint64 id = save_organisation (fixture, "HTX Bạch Đằng");
  gint64 initiative_id;

  rename_organisation (fixture, id, "HTX Sông Cấm");

  g_assert_true (awards_store_set_setting (fixture->store, "signer.name", "Phạm Văn Hùng",
                                           &error));
  g_assert_no_error (error);
  {
    g_autoptr(AwardsAuditEntry) entry = newest_entry (fixture);

    g_assert_cmpstr (entry->action, ==, "edit");
    g_assert_cmpstr (entry->kind, ==, "setting");
    g_assert_cmpstr (entry->details, ==, "signer.name: — → Phạm Văn Hùng");
    g_assert_cmpstr (entry->description, ==, "Signer's Name: — → Phạm Văn Hùng");
  }
  /* The same value again changes nothing, and nothing is logged. */
  n_entries = count_entries (fixture);
  g_assert_true (awards_store_set_setting (fixture->store, "signer.name", "Phạm Văn Hùng",
                                           &error));
  g_assert_cmpuint (count_entries (fixture), ==, n_entries);

  g_assert_true (awards_review_set_staff_class (fixture->store, "Chủ nhiệm HTX",
                                                AWARDS_STAFF_CLASS_ENTREPRENEUR, &error));
  g_assert_no_error (error);
  {
    g_autoptr(AwardsAuditEntry) entry = newest_entry (fixture);

    g_assert_cmpstr (entry->kind, ==, "staff_class");
    g_assert_cmpstr (entry->record, ==, "Chủ nhiệm HTX");
    g_assert_cmpstr (entry->description, ==, "Staff class: — → Doanh nhân");
  }

  g_assert_true (awards_review_set_rating (fixture->store, AWARDS_RECIPIENT_KIND_COLLECTIVE, id,
                                           2011, AWARDS_RATING_EXCELLENT, &error));
  g_assert_no_error (error);
  g_assert_true (awards_review_set_rating (fixture->store, AWARDS_RECIPIENT_KIND_COLLECTIVE, id,
                                           2011, AWARDS_RATING_GOOD, &error));
  g_assert_no_error (error);
  {
    g_autoptr(AwardsAuditEntry) entry = newest_entry (fixture);
    g_autofree char *expected = g_strdup_printf ("Rating: %s → %s",
                                                 awards_rating_get_label (AWARDS_RATING_EXCELLENT),
                                                 awards_rating_get_label (AWARDS_RATING_GOOD));

    g_assert_cmpstr (entry->kind, ==, "rating");
    g_assert_cmpstr (entry->record, ==, "HTX Sông Cấm (2011)");
    g_assert_cmpstr (entry->description, ==, expected);
  }

  initiative.kind = AWARDS_RECIPIENT_KIND_COLLECTIVE;
  initiative.recipient_id = id;
  initiative.year = 2011;
  initiative.title = (char *) "Máy sấy lúa";
  initiative.scope = AWARDS_SCOPE_PROVINCE;
  initiative_id = awards_review_add_initiative (fixture->store, &initiative, &error);
  g_assert_no_error (error);
  g_assert_true (awards_review_remove_initiative (fixture->store, initiative_id, &error));
  g_assert_no_error (error);
  {
    g_autoptr(AwardsAuditEntry) entry = newest_entry (fixture);
    g_autofree char *expected = g_strdup_printf ("Initiative: Máy sấy lúa; Scope: %s",
                                                 awards_scope_get_label (AWARDS_SCOPE_PROVINCE));

    g_assert_cmpstr (entry->action, ==, "delete");
    g_assert_cmpstr (entry->kind, ==, "initiative");
    g_assert_cmpstr (entry->description, ==, expected);
  }
  /* Removed already: said so, and nothing logged. */
  n_entries = count_entries (fixture);
  g_assert_false (awards_review_remove_initiative (fixture->store, initiative_id, &error));
  g_assert_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (count_entries (fixture), ==, n_entries);

  record.kind = AWARDS_RECIPIENT_KIND_COLLECTIVE;
  record.recipient_id = id;
  record.year = 2012;
  record.rating = AWARDS_RATING_COMPLETED;
  g_ptr_array_add (ratings, &record);
  g_assert_true (awards_review_import (fixture->store, ratings, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(AwardsAuditEntry) entry = newest_entry (fixture);

    g_assert_cmpstr (entry->action, ==, "import");
    g_assert_cmpstr (entry->kind, ==, "rating");
    g_assert_cmpstr (entry->details, ==, "1 rating, 0 initiatives");
  }

  /* None of them stood in the way of undoing the rename. */
  label = awards_store_get_undo_label (fixture->store);
  g_assert_cmpstr (label, ==, "Undo Edit “HTX Sông Cấm”");
  assert_step (fixture, TRUE);
  name = organisation_name (fixture, id);
  g_assert_cmpstr (name, ==, "HTX Bạch Đằng");
}

static void
test_undo_edit (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsAuditEntry) undone = NULL;
  g_autoptr(AwardsAuditEntry) redone = NULL;
  g_autofree char *label = NULL;
  g_autofree char *name = NULL;
  gint64 id;

  g_assert_false (awards_store_can_undo (fixture->store));
  id = save_organisation (fixture, "HTX Bạch Đằng");
  rename_organisation (fixture, id, "HTX Sông Cấm");
  g_assert_true (awards_store_can_undo (fixture->store));
  g_assert_false (awards_store_can_redo (fixture->store));
  label = awards_store_get_undo_label (fixture->store);
  g_assert_cmpstr (label, ==, "Undo Edit “HTX Sông Cấm”");

  assert_step (fixture, TRUE);
  name = organisation_name (fixture, id);
  g_assert_cmpstr (name, ==, "HTX Bạch Đằng");
  g_clear_pointer (&name, g_free);
  g_assert_true (awards_store_can_redo (fixture->store));
  g_clear_pointer (&label, g_free);
  label = awards_store_get_redo_label (fixture->store);
  g_assert_cmpstr (label, ==, "Redo Edit “HTX Sông Cấm”");
  undone = newest_entry (fixture);
  g_assert_cmpstr (undone->action, ==, "undo");
  g_assert_cmpstr (undone->kind, ==, "organisation");
  g_assert_cmpint (undone->record_id, ==, id);
  g_assert_cmpstr (undone->before, ==, "{\"name\":\"HTX Sông Cấm\"}");
  g_assert_cmpstr (undone->after, ==, "{\"name\":\"HTX Bạch Đằng\"}");

  assert_step (fixture, FALSE);
  name = organisation_name (fixture, id);
  g_assert_cmpstr (name, ==, "HTX Sông Cấm");
  g_clear_pointer (&name, g_free);
  redone = newest_entry (fixture);
  g_assert_cmpstr (redone->action, ==, "redo");
  g_assert_cmpstr (redone->after, ==, "{\"name\":\"HTX Sông Cấm\"}");

  /* Undo twice: the edit, then the creation. */
  assert_step (fixture, TRUE);
  assert_step (fixture, TRUE);
  g_assert_null (organisation_name (fixture, id));
  g_assert_false (awards_store_can_undo (fixture->store));
  g_assert_false (awards_store_undo (fixture->store, &error));
  g_assert_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A new command empties the redo list. */
  save_organisation (fixture, "HTX Đồng Tâm");
  g_assert_false (awards_store_can_redo (fixture->store));
}

/* Saving a record as it stands (a field typed again as it was) writes nothing: no entry in the
 * log, nothing to undo, and no new version that would tell another clerk it had changed. */
static void
test_unchanged_save (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *label = NULL;
  g_autofree char *label_after = NULL;
  gint64 id = save_organisation (fixture, "HTX Bạch Đằng");
  guint changes = 0;

  rename_organisation (fixture, id, "HTX Sông Cấm");
  g_assert_cmpuint (count_entries (fixture), ==, 2);
  g_assert_cmpint (awards_store_get_row_version (fixture->store, "organisation", id, NULL), ==, 1);
  label = awards_store_get_undo_label (fixture->store);

  g_signal_connect_swapped (fixture->store, "changed", G_CALLBACK (g_atomic_int_inc), &changes);
  rename_organisation (fixture, id, "HTX Sông Cấm");
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (count_entries (fixture), ==, 2);
  g_assert_cmpint (awards_store_get_row_version (fixture->store, "organisation", id, NULL), ==, 1);
  label_after = awards_store_get_undo_label (fixture->store);
  g_assert_cmpstr (label_after, ==, label);
  g_assert_cmpuint (changes, ==, 0);

  /* A real change after it is logged and undone as ever. */
  rename_organisation (fixture, id, "HTX Sông Cấm 2");
  g_assert_cmpuint (count_entries (fixture), ==, 3);
  assert_step (fixture, TRUE);
  g_assert_cmpint (awards_store_get_row_version (fixture->store, "organisation", id, NULL), >, 1);
}

static void
test_undo_delete (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *name = NULL;
  gint64 id = save_organisation (fixture, "HTX Bạch Đằng");
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(AwardsPerson) member = awards_person_new ();
  g_autoptr(AwardsPerson) back = NULL;
  gint64 member_id;

  /* A member is left without an organisation by the delete, and back in it after the undo (the
   * window's question says that Undo puts the organisation back). */
  awards_person_set_full_name (member, "Lê Thị Hoa");
  awards_person_set_organisation_id (member, id);
  member_id = awards_store_save_person (fixture->store, member, &error);
  g_assert_no_error (error);

  g_assert_true (awards_store_delete_organisation (fixture->store, id, &error));
  back = awards_store_get_person (fixture->store, member_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (awards_person_get_organisation_id (back), ==, 0);
  g_clear_object (&back);
  label = awards_store_get_undo_label (fixture->store);
  g_assert_cmpstr (label, ==, "Undo Delete “HTX Bạch Đằng”");
  assert_step (fixture, TRUE);
  name = organisation_name (fixture, id);
  g_assert_cmpstr (name, ==, "HTX Bạch Đằng");
  back = awards_store_get_person (fixture->store, member_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (awards_person_get_organisation_id (back), ==, id);
  /* Back in the search index too. */
  found = awards_store_search (fixture->store, "bach dang", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_true (awards_store_redo (fixture->store, &error));
  g_assert_null (organisation_name (fixture, id));
}

static void
test_undo_decision (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = save_decision (fixture);
  AwardsQuery query;

  awards_query_init (&query);
  g_assert_cmpuint (awards_store_count_commendations (fixture->store, &query, NULL), ==, 2);
  assert_step (fixture, TRUE);
  g_assert_cmpuint (awards_store_count_commendations (fixture->store, &query, NULL), ==, 0);
  g_assert_null (awards_store_get_decision (fixture->store, id, NULL));
  g_assert_cmpuint (awards_store_count_organisations (fixture->store, NULL, NULL), ==, 0);
  g_assert_cmpuint (awards_store_count_people (fixture->store, NULL, 0, NULL), ==, 0);

  assert_step (fixture, FALSE);
  g_assert_cmpuint (awards_store_count_commendations (fixture->store, &query, NULL), ==, 2);
  g_assert_nonnull (awards_store_get_decision (fixture->store, id, NULL));
}

static void
test_undo_import (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autoptr(AwardsAuditEntry) undone = NULL;
  AwardsQuery query;

  awards_query_init (&query);
  import_two (fixture, "tong-ket-2011.csv");
  label = awards_store_get_undo_label (fixture->store);
  g_assert_cmpstr (label, ==, "Undo Import “tong-ket-2011.csv”");
  assert_step (fixture, TRUE);
  g_assert_cmpuint (awards_store_count_commendations (fixture->store, &query, NULL), ==, 0);
  g_assert_cmpuint (awards_store_count_organisations (fixture->store, NULL, NULL), ==, 0);
  undone = newest_entry (fixture);
  g_assert_cmpstr (undone->action, ==, "undo");
  g_assert_cmpstr (undone->kind, ==, "import");
  g_assert_cmpstr (undone->record, ==, "tong-ket-2011.csv");
  g_assert_true (awards_store_redo (fixture->store, &error));
  g_assert_cmpuint (awards_store_count_commendations (fixture->store, &query, NULL), ==, 2);
}

/* A record changed by another program since is not overwritten by an undo. */
static void
test_undo_refused_after_other_change (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autoptr(AwardsAuditEntry) newest = NULL;
  gint64 id = save_organisation (fixture, "HTX Bạch Đằng");
  g_autofree char *failed = NULL;

  rename_organisation (fixture, id, "HTX Sông Cấm");
  failed = exec_other (fixture, "UPDATE organisation SET name = 'HTX Khác'");
  g_assert_null (failed);
  g_assert_false (awards_store_undo (fixture->store, &error));
  g_assert_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==, "Edit “HTX Sông Cấm” cannot be undone: the records it "
                                       "changed were changed again since.");
  name = organisation_name (fixture, id);
  g_assert_cmpstr (name, ==, "HTX Khác");
  newest = newest_entry (fixture);
  g_assert_cmpstr (newest->action, ==, "edit");
}

/* Two records of one cooperative become one, as one command that can be undone. */
static void
test_merge (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AwardsOrganisation) typo = NULL;
  g_autoptr (AwardsOrganisation) right = NULL;
  g_autoptr (AwardsOrganisation) merged = NULL;
  g_autoptr (AwardsAuditEntry) entry = NULL;
  g_autoptr (GPtrArray) found = NULL;
  g_auto (GStrv) former = NULL;
  gint64 typo_id, right_id;
  guint version_before;

  save_decision (fixture);
  typo_id = save_organisation (fixture, "HTX Bach Dang");
  right = awards_store_find_organisation (fixture->store, "HTX Bạch Đằng", NULL);
  right_id = awards_organisation_get_id (right);
  /* The person of the decision is moved under the typo, to see them come back. */
  {
    g_autoptr (GPtrArray) people = awards_store_list_people (fixture->store, NULL, 0, 0, 10,
                                                             NULL);
    AwardsPerson *person = people->pdata[0];

    awards_person_set_organisation_id (person, typo_id);
    awards_store_save_person (fixture->store, person, &error);
    g_assert_no_error (error);
  }

  version_before = count_rows (fixture, "SELECT sum (row_version) FROM person");
  g_assert_true (awards_store_merge_organisations (fixture->store, typo_id, right_id, &error));
  g_assert_no_error (error);
  /* The person moved is one version on: an editor open on them asks before overwriting. */
  g_assert_cmpuint (count_rows (fixture, "SELECT sum (row_version) FROM person"), ==,
                    version_before + 1);
  g_assert_null (awards_store_get_organisation (fixture->store, typo_id, NULL));
  merged = awards_store_get_organisation (fixture->store, right_id, NULL);
  g_object_get (merged, "former-names", &former, NULL);
  g_assert_true (g_strv_contains ((const char * const *) former, "HTX Bach Dang"));
  g_assert_cmpuint (awards_store_count_people (fixture->store, NULL, right_id, NULL), ==, 1);
  /* The merged name still finds the organisation that stayed. */
  found = awards_store_search (fixture->store, "HTX Bach Dang", 10, NULL);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (((AwardsSearchHit *) found->pdata[0])->id, ==, right_id);

  entry = newest_entry (fixture);
  g_assert_cmpstr (entry->action, ==, "merge");
  g_assert_cmpstr (entry->kind, ==, "organisation");
  g_assert_cmpint (entry->record_id, ==, right_id);
  g_assert_cmpstr (entry->record, ==, "HTX Bạch Đằng");
  g_assert_cmpuint (count_rows (fixture, "SELECT count(*) FROM audit_log WHERE command_id ="
                                         " (SELECT max (id) FROM audit_log WHERE command_id IS NULL)"
                                         " AND action = 'delete' AND kind = 'organisation'"),
                    ==, 1);

  assert_step (fixture, TRUE);
  typo = awards_store_get_organisation (fixture->store, typo_id, NULL);
  g_assert_nonnull (typo);
  g_assert_cmpstr (awards_organisation_get_name (typo), ==, "HTX Bach Dang");
  g_assert_cmpuint (awards_store_count_people (fixture->store, NULL, typo_id, NULL), ==, 1);

  g_assert_false (awards_store_merge_organisations (fixture->store, right_id, right_id, &error));
  g_assert_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_INVALID);
}

/* A file whose version is negative was never written by this program: refused, not asserted. */
static void
test_negative_version_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-audit-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "damaged.db", NULL);
  g_autoptr(AwardsStore) store = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = -3", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (db);
  store = awards_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_NOT_A_DATABASE);
  g_assert_nonnull (strstr (error->message, "(-3)"));
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  gboolean server;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  /* Each test on a file, and again on the server when there is one. */
  server = awards_test_pg_available ();
#define ADD(name, func) \
  G_STMT_START { \
    g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down); \
    if (server) \
      g_test_add ("/server" name, Fixture, "server", fixture_set_up, func, fixture_tear_down); \
  } G_STMT_END
  ADD ("/audit/organisation", test_organisation_entries);
  ADD ("/audit/person", test_person_entries);
  ADD ("/audit/decision", test_decision_entry);
  ADD ("/audit/award", test_award_entries);
  ADD ("/audit/readable-fields", test_readable_fields);
  ADD ("/audit/authority-level", test_authority_level);
  ADD ("/audit/logged-outside-undo", test_logged_outside_undo);
  ADD ("/audit/import", test_import_entry);
  ADD ("/audit/sql/refuses-update-and-delete", test_sql_refuses_changes);
  ADD ("/audit/sql/refuses-eligibility", test_sql_refuses_eligibility);
  ADD ("/audit/row-version", test_row_version);
  ADD ("/history/undo-edit", test_undo_edit);
  ADD ("/history/unchanged-save", test_unchanged_save);
  ADD ("/history/undo-delete", test_undo_delete);
  ADD ("/history/undo-decision", test_undo_decision);
  ADD ("/history/undo-import", test_undo_import);
  ADD ("/history/undo-refused-after-other-change", test_undo_refused_after_other_change);
  ADD ("/audit/merge", test_merge);
#undef ADD
  g_test_add_func ("/store/refuses-negative-version", test_negative_version_refused);
  if (!server)
    g_test_add_func ("/server/skipped", awards_test_pg_skip);

  return g_test_run ();
}
