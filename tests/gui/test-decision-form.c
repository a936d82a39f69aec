/* test-decision-form.c: what the decision editor shows, computed without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "awards-decision-form.h"
#include "awards-test-pg.h"
#include "awards-test-util.h"

typedef struct
{
  char               *dir;
  AwardsStore        *store;
  AwardsDecisionForm *form;
  gint64              decision_id;
  char               *server;       /* the test database on the server, for a server test */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("test-decision-form-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "awards.db", NULL);
  fixture->store = awards_store_open (path, &error);
  g_assert_no_error (error);
  fixture->decision_id = awards_test_seed (fixture->store);
  fixture->form = awards_decision_form_new (fixture->store);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->form);
  /* Checks still out on the store's threads hold it until they come back. */
  awards_test_settle (50);
  g_clear_object (&fixture->store);
  if (fixture->server != NULL)
    awards_test_pg_drop_database (fixture->server);
  g_free (fixture->server);
  if (fixture->dir != NULL)
    awards_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* The same seed, copied onto a new database of the test server; the test skips without one. */
static void
fixture_set_up_server (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *why = NULL;
  g_autofree char *path = NULL;

  fixture->server = awards_test_pg_new_database (&why);
  if (fixture->server == NULL)
    {
      g_test_skip (why);
      return;
    }
  fixture_set_up (fixture, data);
  g_clear_object (&fixture->form);
  g_clear_object (&fixture->store);
  path = g_build_filename (fixture->dir, "awards.db", NULL);
  awards_test_pg_copy_file (path, fixture->server);
  fixture->store = awards_store_open (fixture->server, &error);
  g_assert_no_error (error);
  fixture->form = awards_decision_form_new (fixture->store);
}

static AwardsDraftRecipient *
row (AwardsDecisionForm *form,
     guint               position)
{
  g_autoptr (AwardsDraftRecipient) recipient =
    g_list_model_get_item (awards_decision_form_get_recipients (form), position);

  g_assert_nonnull (recipient);
  return recipient;  /* still owned by the form */
}

static const char *
message (AwardsDecisionForm  *form,
         AwardsDecisionField  field)
{
  return awards_decision_form_get_message (form, field);
}

/* A decision of the Vietnam Cooperative Alliance, ready to save but for its recipients. */
static void
fill_header (AwardsDecisionForm *form)
{
  awards_decision_form_set_number (form, "15/QĐ-LMHTXVN");
  awards_decision_form_set_date (form, "28/12/2011");
  /* A new authority, added on purpose as the editor's "Add Authority…" does. */
  awards_decision_form_accept_new_name (form, AWARDS_NEAR_AUTHORITY, "Liên minh HTX Việt Nam");
  awards_decision_form_set_authority (form, "Liên minh HTX Việt Nam");
  awards_decision_form_set_award (form, "Bằng khen");
  awards_decision_form_set_signer_name (form, "Nguyễn Văn Thịnh");
  awards_decision_form_set_achievement (form, "Đã có thành tích xuất sắc năm 2011");
}

static void
test_new_form (Fixture       *fixture,
               gconstpointer  data)
{
  AwardsDecisionForm *form = fixture->form;

  /* Not savable, but nothing nags before the user has typed. */
  g_assert_false (awards_decision_form_get_valid (form));
  g_assert_false (awards_decision_form_get_modified (form));
  g_assert_cmpuint (awards_decision_form_get_n_problems (form), ==, 0);
  for (guint f = 0; f < AWARDS_DECISION_N_FIELDS; f++)
    g_assert_null (message (form, f));

  /* One blank row to type into. */
  g_assert_cmpuint (awards_decision_form_get_n_recipients (form), ==, 1);
  g_assert_true (awards_draft_recipient_is_blank (row (form, 0)));
}

static void
test_date (Fixture       *fixture,
           gconstpointer  data)
{
  AwardsDecisionForm *form = fixture->form;

  awards_decision_form_set_date (form, "31/02/2011");
  g_assert_nonnull (message (form, AWARDS_DECISION_FIELD_DATE));
  g_assert_cmpstr (message (form, AWARDS_DECISION_FIELD_DATE), ==,
                   "There is no such day: month 2 of 2011 has 28 days.");
  awards_decision_form_set_date (form, "28-12-2011");
  g_assert_true (strstr (message (form, AWARDS_DECISION_FIELD_DATE), "dd/mm/yyyy") != NULL);
  awards_decision_form_set_date (form, "28/13/2011");
  g_assert_cmpstr (message (form, AWARDS_DECISION_FIELD_DATE), ==,
                   "There is no month 13: months go from 1 to 12.");
  awards_decision_form_set_date (form, "28/12/1811");
  g_assert_cmpstr (message (form, AWARDS_DECISION_FIELD_DATE), ==,
                   "The year 1811 is out of range: enter a year between 1900 and 2200.");
  g_assert_true (awards_decision_form_get_modified (form));

  awards_decision_form_set_date (form, "28/12/2011");
  g_assert_null (message (form, AWARDS_DECISION_FIELD_DATE));

  /* 2101 for 2011: a date after today is a slip, not a decision already signed. */
  awards_decision_form_set_date (form, "28/12/2101");
  g_assert_cmpstr (message (form, AWARDS_DECISION_FIELD_DATE), ==,
                   "This date is after today: a decision is recorded once it is signed. "
                   "Check its year.");

  awards_decision_form_set_date (form, "2011-12-28");
  g_assert_null (message (form, AWARDS_DECISION_FIELD_DATE));

  /* Emptied after typing: now it is missing. */
  awards_decision_form_set_date (form, "");
  g_assert_nonnull (message (form, AWARDS_DECISION_FIELD_DATE));
}

static void
test_show_all_problems (Fixture       *fixture,
                        gconstpointer  data)
{
  AwardsDecisionForm *form = fixture->form;

  awards_decision_form_show_all_problems (form);
  g_assert_nonnull (message (form, AWARDS_DECISION_FIELD_DATE));
  g_assert_nonnull (message (form, AWARDS_DECISION_FIELD_AUTHORITY));
  g_assert_nonnull (message (form, AWARDS_DECISION_FIELD_AWARD));
  g_assert_nonnull (message (form, AWARDS_DECISION_FIELD_RECIPIENTS));
  g_assert_null (message (form, AWARDS_DECISION_FIELD_NUMBER));
  g_assert_cmpuint (awards_decision_form_get_n_problems (form), ==, 4);

  fill_header (form);
  g_assert_cmpuint (awards_decision_form_get_n_problems (form), ==, 1);
  awards_draft_recipient_set_name (row (form, 0), "HTX Bạch Đằng");
  g_assert_cmpuint (awards_decision_form_get_n_problems (form), ==, 0);
  g_assert_true (awards_decision_form_get_valid (form));
}

static void
test_eligibility (Fixture       *fixture,
                  gconstpointer  data)
{
  AwardsDecisionForm *form = fixture->form;
  AwardsDraftRecipient *person;
  const char *property = NULL;

  fill_header (form);
  awards_decision_form_set_award (form, "Cờ thi đua xuất sắc");
  person = row (form, 0);
  awards_draft_recipient_set_kind (person, AWARDS_RECIPIENT_KIND_INDIVIDUAL);
  awards_draft_recipient_set_name (person, "Trần Văn Bảy");
  awards_draft_recipient_set_organisation (person, "HTX Bạch Đằng");

  /* A flag never goes to an individual. The row's message is about the decision's award,
   * which the row leaves blank: the row, its name, is marked. */
  g_assert_cmpstr (awards_draft_recipient_get_message (person), ==,
                   "“Cờ thi đua xuất sắc” is not awarded to individuals.");
  g_assert_false (awards_decision_form_get_valid (form));
  awards_decision_form_get_row_suggestion (form, person, &property);
  g_assert_cmpstr (property, ==, "name");

  /* The row's own award wins over the decision's. */
  awards_draft_recipient_set_award (person, "Bằng khen");
  g_assert_null (awards_draft_recipient_get_message (person));
  g_assert_true (awards_decision_form_get_valid (form));

  /* Chiến sĩ thi đua is for individuals only; an unknown award is judged by its name. */
  awards_draft_recipient_set_kind (person, AWARDS_RECIPIENT_KIND_COLLECTIVE);
  awards_draft_recipient_set_award (person, "Chiến sĩ thi đua cơ sở");
  /* The row's own award is what is wrong, and is marked. */
  awards_decision_form_get_row_suggestion (form, person, &property);
  g_assert_cmpstr (property, ==, "award");
  g_assert_cmpstr (awards_draft_recipient_get_message (person), ==,
                   "“Chiến sĩ thi đua cơ sở” is not awarded to collectives.");
}

static void
test_duplicates (Fixture       *fixture,
                 gconstpointer  data)
{
  AwardsDecisionForm *form = fixture->form;
  AwardsDraftRecipient *second;
  AwardsDraftRecipient *third;

  fill_header (form);
  awards_draft_recipient_set_name (row (form, 0), "HTX Bạch Đằng");
  second = awards_decision_form_add_recipient (form, AWARDS_RECIPIENT_KIND_COLLECTIVE);
  awards_draft_recipient_set_name (second, "  htx   BẠCH ĐẰNG ");

  g_assert_null (awards_draft_recipient_get_message (row (form, 0)));
  g_assert_cmpstr (awards_draft_recipient_get_message (second), ==,
                   "Listed twice: the same recipient is on row 1.");

  /* The same name as an individual, or with another award, is someone or something else. */
  awards_draft_recipient_set_award (second, "Giấy khen");
  g_assert_null (awards_draft_recipient_get_message (second));

  third = awards_decision_form_add_recipient (form, AWARDS_RECIPIENT_KIND_INDIVIDUAL);
  awards_draft_recipient_set_name (third, "HTX Bạch Đằng");
  awards_draft_recipient_set_organisation (third, "HTX Đan Phượng");
  g_assert_null (awards_draft_recipient_get_message (third));

  /* Removing the first row clears the second. */
  awards_draft_recipient_set_award (second, NULL);
  g_assert_nonnull (awards_draft_recipient_get_message (second));
  awards_decision_form_remove_recipient (form, 0);
  g_assert_null (awards_draft_recipient_get_message (second));
}

static void
test_individual_needs_organisation (Fixture       *fixture,
                                    gconstpointer  data)
{
  AwardsDecisionForm *form = fixture->form;
  AwardsDraftRecipient *person;

  fill_header (form);
  person = row (form, 0);
  awards_draft_recipient_set_kind (person, AWARDS_RECIPIENT_KIND_INDIVIDUAL);
  awards_draft_recipient_set_name (person, "Đan Đức Hiệp");

  g_assert_cmpstr (awards_draft_recipient_get_message (person), ==,
                   "Enter the person’s organisation.");
  g_assert_false (awards_decision_form_get_valid (form));
  awards_draft_recipient_set_organisation (person, "HTX Đan Phượng");
  g_assert_true (awards_decision_form_get_valid (form));
}

/* One decision that names a new organisation twice, spelt two ways, would record two
 * organisations: the second spelling is asked about, as a near name of a stored one is. */
static void
test_new_names_near_each_other (Fixture       *fixture,
                                gconstpointer  data)
{
  AwardsDecisionForm *form = fixture->form;
  AwardsDraftRecipient *collective;
  AwardsDraftRecipient *person;
  AwardsDraftRecipient *other;
  const char *property = NULL;

  fill_header (form);
  collective = row (form, 0);
  awards_draft_recipient_set_name (collective, "HTX Tân Tiến Mới");
  person = awards_decision_form_add_recipient (form, AWARDS_RECIPIENT_KIND_INDIVIDUAL);
  awards_draft_recipient_set_name (person, "Lê Thị Hoa");
  awards_draft_recipient_set_organisation (person, "HTX Tan Tien Moi");
  g_assert_null (awards_draft_recipient_get_message (collective));
  g_assert_cmpstr (awards_draft_recipient_get_message (person), ==,
                   "“HTX Tan Tien Moi” is not recorded yet. Did you mean “HTX Tân Tiến Mới”?");
  g_assert_cmpstr (awards_decision_form_get_row_suggestion (form, person, &property), ==,
                   "HTX Tân Tiến Mới");
  g_assert_cmpstr (property, ==, "organisation");
  g_assert_false (awards_decision_form_get_valid (form));

  /* The same name twice, or a name far from the other, is no question. */
  awards_draft_recipient_set_organisation (person, "HTX Tân Tiến Mới");
  g_assert_null (awards_draft_recipient_get_message (person));
  other = awards_decision_form_add_recipient (form, AWARDS_RECIPIENT_KIND_COLLECTIVE);
  awards_draft_recipient_set_name (other, "HTX Hòa Bình");
  g_assert_null (awards_draft_recipient_get_message (other));
  g_assert_true (awards_decision_form_get_valid (form));

  /* Kept as new on purpose, the other spelling is taken as it is. */
  awards_draft_recipient_set_name (other, "HTX Tân Tiến Mớii");
  g_assert_nonnull (awards_draft_recipient_get_message (other));
  awards_decision_form_accept_new_name (form, AWARDS_NEAR_ORGANISATION, "HTX Tân Tiến Mớii");
  g_assert_null (awards_draft_recipient_get_message (other));
  g_assert_true (awards_decision_form_get_valid (form));
}

static void
test_number_already_used (Fixture       *fixture,
                          gconstpointer  data)
{
  AwardsDecisionForm *form = fixture->form;

  fill_header (form);
  awards_decision_form_set_number (form, "3457/QĐ-UBND");
  g_assert_null (message (form, AWARDS_DECISION_FIELD_NUMBER));

  /* The seeded decision 3457/QĐ-UBND is by the city's People's Committee. */
  awards_decision_form_set_authority (form, "UBND thành phố Hải Phòng");
  g_assert_cmpstr (message (form, AWARDS_DECISION_FIELD_NUMBER), ==,
                   "Decision 3457/QĐ-UBND of 28/12/2011 by UBND thành phố Hải Phòng is already "
                   "recorded.");
  g_assert_false (awards_decision_form_get_valid (form));

  awards_decision_form_set_number (form, "3458/QĐ-UBND");
  g_assert_null (message (form, AWARDS_DECISION_FIELD_NUMBER));
}

static void
test_paste_rows (Fixture       *fixture,
                 gconstpointer  data)
{
  AwardsDecisionForm *form = fixture->form;
  AwardsDraftRecipient *recipient;
  const char *property = NULL;
  guint n;

  fill_header (form);
  n = awards_decision_form_paste_rows (form,
                                       "STT\tHọ và tên\tĐơn vị\tChức vụ\r\n"
                                       "1\tHTX Bạch Đằng\r\n"
                                       "2.\tTrần Văn Bảy\tHTX Bạch Đằng\tChủ nhiệm\r\n"
                                       "\n"
                                       "3\tcá nhân\tNguyễn Thị Hoa\n"
                                       "4\ttập thể\tCông ty TNHH Quý Cao\t\t\tGiấy khen\n");
  g_assert_cmpuint (n, ==, 4);

  /* The blank starting row was replaced; the header line was skipped. */
  g_assert_cmpuint (awards_decision_form_get_n_recipients (form), ==, 4);

  recipient = row (form, 0);
  g_assert_cmpint (awards_draft_recipient_get_kind (recipient), ==,
                   AWARDS_RECIPIENT_KIND_COLLECTIVE);
  g_assert_cmpstr (awards_draft_recipient_get_name (recipient), ==, "HTX Bạch Đằng");

  recipient = row (form, 1);
  g_assert_cmpint (awards_draft_recipient_get_kind (recipient), ==,
                   AWARDS_RECIPIENT_KIND_INDIVIDUAL);
  g_assert_cmpstr (awards_draft_recipient_get_name (recipient), ==, "Trần Văn Bảy");
  g_assert_cmpstr (awards_draft_recipient_get_organisation (recipient), ==, "HTX Bạch Đằng");
  g_assert_cmpstr (awards_draft_recipient_get_position (recipient), ==, "Chủ nhiệm");

  /* A kind column wins; this individual still lacks an organisation, whose cell is marked. */
  recipient = row (form, 2);
  g_assert_cmpint (awards_draft_recipient_get_kind (recipient), ==,
                   AWARDS_RECIPIENT_KIND_INDIVIDUAL);
  g_assert_cmpstr (awards_draft_recipient_get_message (recipient), ==,
                   "Enter the person’s organisation.");
  awards_decision_form_get_row_suggestion (form, recipient, &property);
  g_assert_cmpstr (property, ==, "organisation");

  recipient = row (form, 3);
  g_assert_cmpint (awards_draft_recipient_get_kind (recipient), ==,
                   AWARDS_RECIPIENT_KIND_COLLECTIVE);
  g_assert_cmpstr (awards_draft_recipient_get_award (recipient), ==, "Giấy khen");

  /* Nothing pastable adds nothing. */
  g_assert_cmpuint (awards_decision_form_paste_rows (form, "\n\t\n"), ==, 0);
  g_assert_cmpuint (awards_decision_form_get_n_recipients (form), ==, 4);

  /* A first line that starts with its kind is a recipient, not column titles. */
  g_assert_cmpuint (awards_decision_form_paste_rows (form,
                                                     "Tập thể\tHTX Chè Thanh Đức\n"
                                                     "Cá nhân\tLê Văn Thắng\tHTX Chè Thanh Đức\n"),
                    ==, 2);
  recipient = row (form, 4);
  g_assert_cmpint (awards_draft_recipient_get_kind (recipient), ==,
                   AWARDS_RECIPIENT_KIND_COLLECTIVE);
  g_assert_cmpstr (awards_draft_recipient_get_name (recipient), ==, "HTX Chè Thanh Đức");

  /* The titles of the editor's own columns, copied with the rows, are not a recipient. */
  g_assert_cmpuint (awards_decision_form_paste_rows (form,
                                                     "Loại\tTên\tĐơn vị\tChức vụ\n"
                                                     "Cá nhân\tLê Thị Mai\tHTX Chè Thanh Đức"
                                                     "\tKế toán\n"), ==, 1);
  g_assert_cmpuint (awards_decision_form_paste_rows (form,
                                                     "No.\tType\tName\tOrganisation\n"
                                                     "7\tCollective\tHTX Hòa Bình\n"), ==, 1);
  g_assert_cmpuint (awards_decision_form_get_n_recipients (form), ==, 8);
  g_assert_cmpstr (awards_draft_recipient_get_name (row (form, 6)), ==, "Lê Thị Mai");
  g_assert_cmpstr (awards_draft_recipient_get_name (row (form, 7)), ==, "HTX Hòa Bình");

  /* An annex as offices type it: its column titles, whatever the first says, and section
   * headings, whose kind the rows below take. */
  g_assert_cmpuint (awards_decision_form_paste_rows (form,
                                                     "TT\tTên tập thể, cá nhân\tĐơn vị\tChức vụ\n"
                                                     "I. TẬP THỂ\n"
                                                     "1\tHTX Vận tải Đồng Tâm\n"
                                                     "II\tCá nhân\n"
                                                     "1\tLê Văn Thắng\n"
                                                     "2\tTrần Thị Hạnh\tHTX Vận tải Đồng Tâm\n"),
                    ==, 3);
  g_assert_cmpuint (awards_decision_form_get_n_recipients (form), ==, 11);
  recipient = row (form, 8);
  g_assert_cmpstr (awards_draft_recipient_get_name (recipient), ==, "HTX Vận tải Đồng Tâm");
  g_assert_cmpint (awards_draft_recipient_get_kind (recipient), ==,
                   AWARDS_RECIPIENT_KIND_COLLECTIVE);
  /* Under "Cá nhân", a person without an organisation is still a person. */
  recipient = row (form, 9);
  g_assert_cmpstr (awards_draft_recipient_get_name (recipient), ==, "Lê Văn Thắng");
  g_assert_cmpint (awards_draft_recipient_get_kind (recipient), ==,
                   AWARDS_RECIPIENT_KIND_INDIVIDUAL);
  g_assert_cmpint (awards_draft_recipient_get_kind (row (form, 10)), ==,
                   AWARDS_RECIPIENT_KIND_INDIVIDUAL);
  g_assert_cmpuint (awards_decision_form_paste_rows (form,
                                                     "Đối tượng khen thưởng\tĐơn vị\tChức vụ"
                                                     "\tKhen thưởng\n"
                                                     "HTX Muối Thụy Hải\n"), ==, 1);
  g_assert_cmpstr (awards_draft_recipient_get_name (row (form, 11)), ==, "HTX Muối Thụy Hải");
}

static void
test_save (Fixture       *fixture,
           gconstpointer  data)
{
  AwardsDecisionForm *form = fixture->form;
  g_autoptr (GError) error = NULL;
  g_autoptr (AwardsDecision) decision = NULL;
  g_autoptr (GPtrArray) saved = NULL;
  AwardsQuery query;
  gint64 id;

  fill_header (form);
  awards_decision_form_paste_rows (form,
                                   "HTX Bạch Đằng\n"
                                   "Trần Văn Bảy\tHTX Bạch Đằng\tChủ nhiệm\n"
                                   "Phạm Thị Thu\tHTX Vận tải Hồng Bàng\tKế toán trưởng\n");
  g_assert_true (awards_decision_form_get_valid (form));
  g_assert_true (awards_decision_form_get_modified (form));

  id = awards_decision_form_save (form, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_false (awards_decision_form_get_modified (form));

  decision = awards_store_get_decision (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (awards_decision_get_number (decision), ==, "15/QĐ-LMHTXVN");
  g_assert_cmpstr (awards_decision_get_date (decision), ==, "2011-12-28");
  g_assert_cmpstr (awards_decision_get_authority_name (decision), ==, "Liên minh HTX Việt Nam");
  g_assert_cmpstr (awards_decision_get_signer_name (decision), ==, "Nguyễn Văn Thịnh");

  awards_query_init (&query);
  query.decision_id = id;
  saved = awards_store_list_commendations (fixture->store, &query, AWARDS_ORDER_ANNEX, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (saved->len, ==, 3);
  for (guint i = 0; i < saved->len; i++)
    {
      AwardsCommendation *commendation = g_ptr_array_index (saved, i);

      g_assert_cmpstr (awards_commendation_get_award_name (commendation), ==, "Bằng khen");
      g_assert_cmpstr (awards_commendation_get_achievement (commendation), ==,
                       "Đã có thành tích xuất sắc năm 2011");
    }

  /* The new organisation of the third row was created on the way. */
  g_assert_cmpuint (awards_store_count_organisations (fixture->store, "hong bang", NULL), ==, 1);
}

/* The awards of a decision, in the order of its annex. */
static GPtrArray *
list_awards (AwardsStore *store,
             gint64       decision_id)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *awards;
  AwardsQuery query;

  awards_query_init (&query);
  query.decision_id = decision_id;
  awards = awards_store_list_commendations (store, &query, AWARDS_ORDER_ANNEX, &error);
  g_assert_no_error (error);

  return awards;
}

static AwardsCommendation *
award_to (GPtrArray  *awards,
          const char *recipient)
{
  for (guint i = 0; i < awards->len; i++)
    if (g_strcmp0 (awards_commendation_get_recipient_name (g_ptr_array_index (awards, i)),
                   recipient) == 0)
      return g_ptr_array_index (awards, i);

  return NULL;
}

static void
test_edit (Fixture       *fixture,
           gconstpointer  data)
{
  AwardsDecisionForm *form = fixture->form;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) before = list_awards (fixture->store, fixture->decision_id);
  g_autoptr (GPtrArray) after = NULL;
  g_autoptr (AwardsDecision) decision = NULL;
  g_autoptr (AwardsCommendation) numbered = NULL;
  AwardsCommendation *award;
  AwardsDraftRecipient *added;
  gint64 bay_id, hoa_id, hiep_id, minh_tan_id;

  /* A certificate number, which the editor does not show, must survive the edit. */
  bay_id = awards_commendation_get_id (award_to (before, "Trần Văn Bảy"));
  hoa_id = awards_commendation_get_id (award_to (before, "Nguyễn Thị Hoa"));
  hiep_id = awards_commendation_get_id (award_to (before, "Đan Đức Hiệp"));
  minh_tan_id = awards_commendation_get_id (award_to (before, "HTX nông nghiệp Minh Tân"));
  numbered = awards_commendation_copy (award_to (before, "Trần Văn Bảy"));
  awards_commendation_set_register_number (numbered, "BK-2011-0457");
  g_assert_true (awards_store_update_commendation (fixture->store, numbered, &error));
  g_assert_no_error (error);

  g_assert_true (awards_decision_form_load (form, fixture->decision_id, &error));
  g_assert_no_error (error);

  /* The header, the shared award and achievement, and the annex: collectives, then people by
   * given name. */
  g_assert_cmpint (awards_decision_form_get_decision_id (form), ==, fixture->decision_id);
  g_assert_cmpstr (awards_decision_form_get_number (form), ==, "3457/QĐ-UBND");
  g_assert_cmpstr (awards_decision_form_get_date (form), ==, "28/12/2011");
  g_assert_cmpstr (awards_decision_form_get_authority (form), ==, "UBND thành phố Hải Phòng");
  g_assert_cmpstr (awards_decision_form_get_award (form), ==, "Bằng khen");
  g_assert_cmpstr (awards_decision_form_get_achievement (form), ==,
                   "Đã có thành tích xuất sắc trong sản xuất kinh doanh năm 2011");
  g_assert_cmpuint (awards_decision_form_get_n_recipients (form), ==, 5);
  g_assert_cmpstr (awards_draft_recipient_get_name (row (form, 0)), ==, "HTX Đan Phượng");
  g_assert_cmpstr (awards_draft_recipient_get_name (row (form, 1)), ==,
                   "HTX nông nghiệp Minh Tân");
  g_assert_cmpstr (awards_draft_recipient_get_name (row (form, 2)), ==, "Trần Văn Bảy");
  g_assert_cmpstr (awards_draft_recipient_get_organisation (row (form, 2)), ==,
                   "HTX Bạch Đằng");
  g_assert_cmpstr (awards_draft_recipient_get_position (row (form, 2)), ==, "Chủ nhiệm");
  g_assert_null (awards_draft_recipient_get_award (row (form, 2)));
  g_assert_cmpstr (awards_draft_recipient_get_name (row (form, 3)), ==, "Đan Đức Hiệp");
  g_assert_cmpstr (awards_draft_recipient_get_name (row (form, 4)), ==, "Nguyễn Thị Hoa");
  g_assert_nonnull (awards_draft_recipient_get_saved (row (form, 4)));

  /* Nothing to say about a decision as it was saved; its own number is no duplicate. */
  g_assert_false (awards_decision_form_get_modified (form));
  g_assert_true (awards_decision_form_get_valid (form));
  g_assert_cmpuint (awards_decision_form_get_n_problems (form), ==, 0);
  g_assert_null (message (form, AWARDS_DECISION_FIELD_NUMBER));

  /* The number of the authority's other decision is. */
  awards_decision_form_set_number (form, "3456/QĐ-UBND");
  g_assert_nonnull (message (form, AWARDS_DECISION_FIELD_NUMBER));
  awards_decision_form_set_number (form, "3457/QĐ-UBND");
  g_assert_null (message (form, AWARDS_DECISION_FIELD_NUMBER));
  g_assert_true (awards_decision_form_get_modified (form));

  /* A later date; one person removed, one added; a position and an award changed; one
   * cooperative replaced by another. */
  awards_decision_form_set_date (form, "30/12/2011");
  awards_decision_form_remove_recipient (form, 3);
  awards_draft_recipient_set_position (row (form, 2), "Chủ tịch HĐQT");
  awards_draft_recipient_set_award (row (form, 3), "Giấy khen");
  awards_draft_recipient_set_name (row (form, 1), "HTX Vận tải Hồng Bàng");
  added = awards_decision_form_add_recipient (form, AWARDS_RECIPIENT_KIND_INDIVIDUAL);
  awards_draft_recipient_set_name (added, "Lê Văn Tám");
  awards_draft_recipient_set_organisation (added, "HTX Đan Phượng");
  awards_draft_recipient_set_position (added, "Xã viên");
  g_assert_true (awards_decision_form_get_valid (form));

  g_assert_cmpint (awards_decision_form_save (form, &error), ==, fixture->decision_id);
  g_assert_no_error (error);
  g_assert_false (awards_decision_form_get_modified (form));

  /* Still one decision, with the new date on it and on each award. */
  g_assert_cmpuint (awards_store_count_decisions (fixture->store, NULL, NULL), ==, 2);
  decision = awards_store_get_decision (fixture->store, fixture->decision_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (awards_decision_get_date (decision), ==, "2011-12-30");
  g_assert_cmpstr (awards_decision_get_number (decision), ==, "3457/QĐ-UBND");

  after = list_awards (fixture->store, fixture->decision_id);
  g_assert_cmpuint (after->len, ==, 5);
  for (guint i = 0; i < after->len; i++)
    {
      award = g_ptr_array_index (after, i);
      g_assert_cmpstr (awards_commendation_get_date (award), ==, "2011-12-30");
      g_assert_cmpint (awards_commendation_get_id (award), !=, hiep_id);
      g_assert_cmpint (awards_commendation_get_id (award), !=, minh_tan_id);
    }
  g_assert_null (award_to (after, "Đan Đức Hiệp"));
  g_assert_null (award_to (after, "HTX nông nghiệp Minh Tân"));

  /* Kept rows are updated in place, with what the editor does not show. */
  award = award_to (after, "Trần Văn Bảy");
  g_assert_cmpint (awards_commendation_get_id (award), ==, bay_id);
  g_assert_cmpstr (awards_commendation_get_position (award), ==, "Chủ tịch HĐQT");
  g_assert_cmpstr (awards_commendation_get_register_number (award), ==, "BK-2011-0457");
  award = award_to (after, "Nguyễn Thị Hoa");
  g_assert_cmpint (awards_commendation_get_id (award), ==, hoa_id);
  g_assert_cmpstr (awards_commendation_get_award_name (award), ==, "Giấy khen");

  award = award_to (after, "HTX Vận tải Hồng Bàng");
  g_assert_nonnull (award);
  g_assert_cmpstr (awards_commendation_get_award_name (award), ==, "Bằng khen");
  award = award_to (after, "Lê Văn Tám");
  g_assert_nonnull (award);
  g_assert_cmpstr (awards_commendation_get_organisation_at_time_name (award), ==,
                   "HTX Đan Phượng");
  g_assert_cmpstr (awards_commendation_get_achievement (award), ==,
                   "Đã có thành tích xuất sắc trong sản xuất kinh doanh năm 2011");

  /* The form now edits the saved decision: the odd award shows on its row only. */
  g_assert_cmpuint (awards_decision_form_get_n_recipients (form), ==, 5);
  g_assert_cmpstr (awards_decision_form_get_award (form), ==, "Bằng khen");
  for (guint i = 0; i < 5; i++)
    {
      AwardsDraftRecipient *recipient = row (form, i);
      gboolean is_hoa = g_strcmp0 (awards_draft_recipient_get_name (recipient),
                                   "Nguyễn Thị Hoa") == 0;

      g_assert_nonnull (awards_draft_recipient_get_saved (recipient));
      g_assert_cmpstr (awards_draft_recipient_get_award (recipient), ==,
                       is_hoa ? "Giấy khen" : NULL);
    }

  /* Saving again unchanged changes nothing. */
  g_assert_cmpint (awards_decision_form_save (form, &error), ==, fixture->decision_id);
  g_assert_no_error (error);
  g_clear_pointer (&before, g_ptr_array_unref);
  before = list_awards (fixture->store, fixture->decision_id);
  g_assert_cmpuint (before->len, ==, 5);
  for (guint i = 0; i < 5; i++)
    g_assert_cmpint (awards_commendation_get_id (g_ptr_array_index (before, i)), ==,
                     awards_commendation_get_id (g_ptr_array_index (after, i)));
}

/* A saved row whose name is cleared is a mistake, not a row to drop. */
static void
test_edit_cleared_row (Fixture       *fixture,
                       gconstpointer  data)
{
  AwardsDecisionForm *form = fixture->form;
  g_autoptr (GError) error = NULL;

  g_assert_true (awards_decision_form_load (form, fixture->decision_id, &error));
  awards_draft_recipient_set_name (row (form, 0), NULL);
  g_assert_false (awards_decision_form_get_valid (form));
  g_assert_cmpstr (awards_draft_recipient_get_message (row (form, 0)), ==,
                   "Enter the name of the organisation.");

  /* A missing decision is an error, and leaves the form as it was. */
  g_assert_false (awards_decision_form_load (form, 999999, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (awards_decision_form_get_n_recipients (form), ==, 5);
}

static void
count_notify (gpointer  object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
on_changed (AwardsStore *store,
            gboolean    *heard)
{
  *heard = TRUE;
}

/* In the editor every look-up goes to the store's threads: typing never waits for a server. A
 * name being looked up is not held against its row, but the form is not valid until the answer
 * is in, and then shows it; an answer to a question asked before the database changed is not
 * trusted. */
static void
test_checks_async (Fixture       *fixture,
                   gconstpointer  data)
{
  AwardsDecisionForm *form = fixture->form;
  g_autoptr (AwardsOrganisation) organisation = awards_organisation_new ();
  g_autoptr (GError) error = NULL;
  AwardsDraftRecipient *first;
  guint n_checking = 0;
  gboolean heard = FALSE;
  gulong changed_id;

  if (form == NULL)
    return;   /* skipped: no test server */

  awards_decision_form_set_checks_async (form, TRUE);
  g_signal_connect (form, "notify::checking", G_CALLBACK (count_notify), &n_checking);
  fill_header (form);
  first = row (form, 0);
  awards_draft_recipient_set_name (first, "HTX Bach Dang");
  awards_decision_form_set_number (form, "3457/QĐ-UBND");
  awards_decision_form_set_authority (form, "UBND thành phố Hải Phòng");

  /* Asked, not answered: nothing is said yet, and nothing may be saved. */
  g_assert_true (awards_decision_form_get_checking (form));
  g_assert_false (awards_decision_form_get_valid (form));
  g_assert_null (message (form, AWARDS_DECISION_FIELD_NUMBER));
  g_assert_null (awards_draft_recipient_get_message (first));

  AWARDS_TEST_WAIT_UNTIL (!awards_decision_form_get_checking (form), 10);
  g_assert_cmpuint (n_checking, >=, 2);
  g_assert_cmpstr (message (form, AWARDS_DECISION_FIELD_NUMBER), ==,
                   "Decision 3457/QĐ-UBND of 28/12/2011 by UBND thành phố Hải Phòng is already "
                   "recorded.");
  g_assert_cmpstr (awards_draft_recipient_get_message (first), ==,
                   "“HTX Bach Dang” is not recorded yet. Did you mean “HTX Bạch Đằng”?");
  g_assert_false (awards_decision_form_get_valid (form));

  /* Answers come from the store's threads: the same question is not asked twice. */
  awards_decision_form_set_number (form, "3458/QĐ-UBND");
  awards_draft_recipient_set_name (first, "HTX Bạch Đằng");
  AWARDS_TEST_WAIT_UNTIL (!awards_decision_form_get_checking (form), 10);
  g_assert_null (message (form, AWARDS_DECISION_FIELD_NUMBER));
  g_assert_null (awards_draft_recipient_get_message (first));
  g_assert_true (awards_decision_form_get_valid (form));
  awards_draft_recipient_set_name (first, "HTX Bach Dang");
  g_assert_false (awards_decision_form_get_checking (form));
  g_assert_nonnull (awards_draft_recipient_get_message (first));

  /* A name asked about just before it is recorded: the answer follows the database, whichever
   * of the two comes back first. */
  awards_draft_recipient_set_name (first, "HTX Tan Tien Moi");
  g_assert_true (awards_decision_form_get_checking (form));
  changed_id = g_signal_connect (fixture->store, "changed", G_CALLBACK (on_changed), &heard);
  awards_organisation_set_name (organisation, "HTX Tân Tiến Mới");
  g_assert_cmpint (awards_store_save_organisation (fixture->store, organisation, &error), >, 0);
  g_assert_no_error (error);
  AWARDS_TEST_WAIT_UNTIL (heard, 10);
  g_signal_handler_disconnect (fixture->store, changed_id);
  AWARDS_TEST_WAIT_UNTIL (!awards_decision_form_get_checking (form), 10);
  g_assert_cmpstr (awards_draft_recipient_get_message (first), ==,
                   "“HTX Tan Tien Moi” is not recorded yet. Did you mean “HTX Tân Tiến Mới”?");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/decision-form/new-form", test_new_form);
  ADD ("/decision-form/date", test_date);
  ADD ("/decision-form/show-all-problems", test_show_all_problems);
  ADD ("/decision-form/eligibility", test_eligibility);
  ADD ("/decision-form/duplicates", test_duplicates);
  ADD ("/decision-form/individual-needs-organisation", test_individual_needs_organisation);
  ADD ("/decision-form/number-already-used", test_number_already_used);
  ADD ("/decision-form/new-names-near-each-other", test_new_names_near_each_other);
  ADD ("/decision-form/paste-rows", test_paste_rows);
  ADD ("/decision-form/save", test_save);
  ADD ("/decision-form/edit", test_edit);
  ADD ("/decision-form/edit-cleared-row", test_edit_cleared_row);
  ADD ("/decision-form/checks-async", test_checks_async);
  if (awards_test_pg_available ())
    g_test_add ("/decision-form/server/checks-async", Fixture, NULL, fixture_set_up_server,
                test_checks_async, fixture_tear_down);
  else
    g_test_add_func ("/decision-form/server/skipped", awards_test_pg_skip);

  return g_test_run ();
}
