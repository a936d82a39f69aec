#include "config.h"

#include <string.h>

#include <glib-object.h>

#include "awards-authority.h"
#include "awards-award-type.h"
#include "awards-commendation.h"
#include "awards-decision.h"
#include "awards-enum-types.h"
#include "awards-enums.h"
#include "awards-organisation.h"
#include "awards-person.h"

/* Counts "notify" emissions and remembers which property fired last. */
typedef struct
{
  guint       count;
  const char *last;
} NotifyLog;

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           NotifyLog  *log)
{
  log->count++;
  log->last = pspec->name;
}

static void
watch (gpointer   object,
       NotifyLog *log)
{
  g_signal_connect (object, "notify", G_CALLBACK (notify_cb), log);
}

static void
test_organisation_accessors (void)
{
  g_autoptr(AwardsOrganisation) org = awards_organisation_new ();
  NotifyLog log = { 0 };

  g_assert_cmpint (awards_organisation_get_id (org), ==, 0);
  g_assert_null (awards_organisation_get_name (org));
  g_assert_cmpint (awards_organisation_get_kind (org), ==, AWARDS_ORGANISATION_KIND_OTHER);
  g_assert_nonnull (awards_organisation_get_former_names (org));
  g_assert_null (awards_organisation_get_former_names (org)[0]);

  watch (org, &log);

  awards_organisation_set_name (org, "HTX Bạch Đằng");
  g_assert_cmpstr (awards_organisation_get_name (org), ==, "HTX Bạch Đằng");
  g_assert_cmpuint (log.count, ==, 1);
  g_assert_cmpstr (log.last, ==, "name");

  /* The same value again, even from another buffer, is not a change. */
  {
    g_autofree char *same = g_strdup ("HTX Bạch Đằng");

    awards_organisation_set_name (org, same);
    g_assert_cmpuint (log.count, ==, 1);
  }

  awards_organisation_set_kind (org, AWARDS_ORGANISATION_KIND_COOPERATIVE);
  awards_organisation_set_kind (org, AWARDS_ORGANISATION_KIND_COOPERATIVE);
  g_assert_cmpint (awards_organisation_get_kind (org), ==, AWARDS_ORGANISATION_KIND_COOPERATIVE);
  g_assert_cmpuint (log.count, ==, 2);
  g_assert_cmpstr (log.last, ==, "kind");

  awards_organisation_set_parent_id (org, 17);
  awards_organisation_set_parent_id (org, 17);
  g_assert_cmpint (awards_organisation_get_parent_id (org), ==, 17);
  g_assert_cmpuint (log.count, ==, 3);

  awards_organisation_set_founded (org, "1998-03-01");
  g_assert_cmpstr (awards_organisation_get_founded (org), ==, "1998-03-01");
  g_assert_cmpuint (log.count, ==, 4);

  awards_organisation_set_founded (org, NULL);
  awards_organisation_set_founded (org, NULL);
  g_assert_null (awards_organisation_get_founded (org));
  g_assert_cmpuint (log.count, ==, 5);

  awards_organisation_set_award_count (org, 12);
  awards_organisation_set_award_count (org, 12);
  g_assert_cmpuint (awards_organisation_get_award_count (org), ==, 12);
  g_assert_cmpuint (log.count, ==, 6);
  g_assert_cmpstr (log.last, ==, "award-count");
}

static void
test_organisation_former_names (void)
{
  g_autoptr(AwardsOrganisation) org = awards_organisation_new ();
  const char * const names[] = { "HTX Đông Hải", "HTX Đông Hải 2", NULL };
  const char * const empty[] = { NULL };
  g_auto(GStrv) from_property = NULL;
  NotifyLog log = { 0 };

  watch (org, &log);

  /* NULL and an empty vector are the same "no former names". */
  awards_organisation_set_former_names (org, NULL);
  awards_organisation_set_former_names (org, empty);
  g_assert_cmpuint (log.count, ==, 0);

  awards_organisation_set_former_names (org, names);
  g_assert_cmpuint (log.count, ==, 1);
  g_assert_cmpstrv (awards_organisation_get_former_names (org), names);
  g_assert_true (awards_organisation_get_former_names (org) != names);

  awards_organisation_set_former_names (org, names);
  g_assert_cmpuint (log.count, ==, 1);

  g_object_get (org, "former-names", &from_property, NULL);
  g_assert_cmpstrv (from_property, names);

  awards_organisation_set_former_names (org, NULL);
  g_assert_cmpuint (log.count, ==, 2);
  g_assert_nonnull (awards_organisation_get_former_names (org));
  g_assert_null (awards_organisation_get_former_names (org)[0]);
}

static void
test_string_from_itself (void)
{
  g_autoptr(AwardsPerson) person = awards_person_new ();

  /* A setter given a pointer into the current value must copy before it frees. */
  awards_person_set_full_name (person, "Ông Đan Đức Hiệp");
  awards_person_set_full_name (person, awards_person_get_full_name (person) + strlen ("Ông "));
  g_assert_cmpstr (awards_person_get_full_name (person), ==, "Đan Đức Hiệp");
}

static void
test_commendation_accessors (void)
{
  g_autoptr(AwardsCommendation) c = awards_commendation_new ();
  NotifyLog log = { 0 };

  g_assert_cmpint (awards_commendation_get_recipient_kind (c), ==, AWARDS_RECIPIENT_KIND_ANY);
  g_assert_false (awards_commendation_get_revoked (c));

  watch (c, &log);

  awards_commendation_set_recipient_kind (c, AWARDS_RECIPIENT_KIND_INDIVIDUAL);
  awards_commendation_set_recipient_kind (c, AWARDS_RECIPIENT_KIND_INDIVIDUAL);
  g_assert_cmpuint (log.count, ==, 1);
  g_assert_cmpstr (log.last, ==, "recipient-kind");

  awards_commendation_set_person_id (c, 4242);
  awards_commendation_set_organisation_at_time_id (c, 7);
  awards_commendation_set_organisation_at_time_name (c, "Công ty TNHH Quý Cao");
  awards_commendation_set_date (c, "2011-12-28");
  awards_commendation_set_award_rank (c, -3);
  g_assert_cmpuint (log.count, ==, 6);
  g_assert_cmpint (awards_commendation_get_person_id (c), ==, 4242);
  g_assert_cmpint (awards_commendation_get_organisation_at_time_id (c), ==, 7);
  g_assert_cmpstr (awards_commendation_get_organisation_at_time_name (c), ==,
                   "Công ty TNHH Quý Cao");
  g_assert_cmpstr (awards_commendation_get_date (c), ==, "2011-12-28");
  g_assert_cmpint (awards_commendation_get_award_rank (c), ==, -3);

  /* Any non-zero gboolean is TRUE: setting 2 after TRUE is no change. */
  awards_commendation_set_revoked (c, TRUE);
  awards_commendation_set_revoked (c, 2);
  g_assert_true (awards_commendation_get_revoked (c));
  g_assert_cmpuint (log.count, ==, 7);
  g_assert_cmpstr (log.last, ==, "revoked");

  /* g_object_set goes through the same setters. */
  g_object_set (c, "achievement", "Hoàn thành xuất sắc nhiệm vụ năm 2011", NULL);
  g_object_set (c, "achievement", "Hoàn thành xuất sắc nhiệm vụ năm 2011", NULL);
  g_assert_cmpuint (log.count, ==, 8);
  g_assert_cmpstr (awards_commendation_get_achievement (c), ==,
                   "Hoàn thành xuất sắc nhiệm vụ năm 2011");
}

/* Gives a property a value that differs from its default. */
static void
make_test_value (GParamSpec *pspec,
                 GValue     *value)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  g_value_init (value, type);

  if (type == G_TYPE_INT64)
    g_value_set_int64 (value, 123456789012);
  else if (type == G_TYPE_UINT)
    g_value_set_uint (value, 31);
  else if (type == G_TYPE_INT)
    g_value_set_int (value, 1962);
  else if (type == G_TYPE_BOOLEAN)
    g_value_set_boolean (value, TRUE);
  else if (type == G_TYPE_STRING)
    g_value_take_string (value, g_strdup_printf ("Giá trị %s", pspec->name));
  else if (type == G_TYPE_STRV)
    {
      const char * const strv[] = { "Một", "Hai", NULL };

      g_value_set_boxed (value, strv);
    }
  else if (G_TYPE_IS_ENUM (type))
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (type);

      g_value_set_enum (value, klass->maximum);
    }
  else
    g_assert_not_reached ();
}

static gboolean
values_equal (const GValue *a,
              const GValue *b)
{
  GType type = G_VALUE_TYPE (a);

  if (type != G_VALUE_TYPE (b))
    return FALSE;

  if (type == G_TYPE_INT64)
    return g_value_get_int64 (a) == g_value_get_int64 (b);
  if (type == G_TYPE_UINT)
    return g_value_get_uint (a) == g_value_get_uint (b);
  if (type == G_TYPE_INT)
    return g_value_get_int (a) == g_value_get_int (b);
  if (type == G_TYPE_BOOLEAN)
    return g_value_get_boolean (a) == g_value_get_boolean (b);
  if (type == G_TYPE_STRING)
    return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;
  if (type == G_TYPE_STRV)
    return g_strv_equal (g_value_get_boxed (a), g_value_get_boxed (b));
  if (G_TYPE_IS_ENUM (type))
    return g_value_get_enum (a) == g_value_get_enum (b);

  g_assert_not_reached ();
}

typedef gpointer (*CopyFunc) (gpointer self);

static void
check_every_property (GType    type,
                      CopyFunc copy_func)
{
  g_autoptr(GObject) object = g_object_new (type, NULL);
  g_autoptr(GObject) copy = NULL;
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);
  g_assert_cmpuint (n_pspecs, >, 3);

  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_auto(GValue) wanted = G_VALUE_INIT;
      g_auto(GValue) got = G_VALUE_INIT;
      NotifyLog log = { 0 };
      gulong handler;

      g_assert_true (pspec->flags & G_PARAM_READWRITE);
      g_assert_true (pspec->flags & G_PARAM_EXPLICIT_NOTIFY);

      make_test_value (pspec, &wanted);
      handler = g_signal_connect (object, "notify", G_CALLBACK (notify_cb), &log);

      g_object_set_property (object, pspec->name, &wanted);
      g_assert_cmpuint (log.count, ==, 1);
      g_assert_cmpstr (log.last, ==, pspec->name);

      g_object_set_property (object, pspec->name, &wanted);
      g_assert_cmpuint (log.count, ==, 1);

      g_value_init (&got, G_PARAM_SPEC_VALUE_TYPE (pspec));
      g_object_get_property (object, pspec->name, &got);
      g_assert_true (values_equal (&wanted, &got));

      g_signal_handler_disconnect (object, handler);
    }

  copy = copy_func (object);
  g_assert_true (G_OBJECT_TYPE (copy) == type);
  g_assert_true (copy != object);

  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) original = G_VALUE_INIT;
      g_auto(GValue) copied = G_VALUE_INIT;

      g_value_init (&original, G_PARAM_SPEC_VALUE_TYPE (pspecs[i]));
      g_value_init (&copied, G_PARAM_SPEC_VALUE_TYPE (pspecs[i]));
      g_object_get_property (object, pspecs[i]->name, &original);
      g_object_get_property (copy, pspecs[i]->name, &copied);
      g_assert_true (values_equal (&original, &copied));

      /* Strings are owned by each object, not shared. */
      if (G_VALUE_HOLDS_STRING (&original))
        g_assert_true (g_value_get_string (&original) != g_value_get_string (&copied));
    }

  /* Resetting every property on the copy leaves the original untouched. */
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) original = G_VALUE_INIT;
      g_auto(GValue) after = G_VALUE_INIT;
      const GValue *dflt = g_param_spec_get_default_value (pspecs[i]);

      g_value_init (&original, G_PARAM_SPEC_VALUE_TYPE (pspecs[i]));
      g_object_get_property (object, pspecs[i]->name, &original);
      g_object_set_property (copy, pspecs[i]->name, dflt);

      g_value_init (&after, G_PARAM_SPEC_VALUE_TYPE (pspecs[i]));
      g_object_get_property (object, pspecs[i]->name, &after);
      g_assert_true (values_equal (&original, &after));
    }
}

static void
test_every_property (void)
{
  check_every_property (AWARDS_TYPE_ORGANISATION, (CopyFunc) awards_organisation_copy);
  check_every_property (AWARDS_TYPE_PERSON, (CopyFunc) awards_person_copy);
  check_every_property (AWARDS_TYPE_AUTHORITY, (CopyFunc) awards_authority_copy);
  check_every_property (AWARDS_TYPE_AWARD_TYPE, (CopyFunc) awards_award_type_copy);
  check_every_property (AWARDS_TYPE_DECISION, (CopyFunc) awards_decision_copy);
  check_every_property (AWARDS_TYPE_COMMENDATION, (CopyFunc) awards_commendation_copy);
}

static void
test_property_names (void)
{
  g_autoptr(AwardsOrganisation) org = awards_organisation_new ();
  g_autoptr(AwardsPerson) person = awards_person_new ();
  g_autoptr(AwardsCommendation) c = awards_commendation_new ();
  g_autoptr(AwardsAwardType) award = awards_award_type_new ();
  g_autoptr(AwardsDecision) decision = awards_decision_new ();
  g_autoptr(AwardsAuthority) authority = awards_authority_new ();
  const char *org_props[] = { "id", "name", "short-name", "kind", "parent-id", "parent-name",
                              "tax-code", "address", "district", "sector", "founded",
                              "dissolved", "notes", "former-names", "award-count" };
  const char *person_props[] = { "id", "full-name", "family-name", "middle-name", "given-name",
                                 "gender", "birth-year", "organisation-id",
                                 "organisation-name", "position", "notes", "award-count" };
  const char *authority_props[] = { "id", "name", "short-name", "award-count" };
  const char *award_props[] = { "id", "name", "category", "eligibility", "rank" };
  const char *decision_props[] = { "id", "number", "date", "authority-id", "authority-name",
                                   "signer-name", "signer-title", "occasion", "kind", "notes",
                                   "recipient-count" };
  const char *commendation_props[] = { "id", "decision-id", "decision-number", "date",
                                       "authority-id", "authority-name", "award-type-id",
                                       "award-name", "award-rank", "recipient-kind",
                                       "organisation-id", "person-id", "recipient-name",
                                       "organisation-at-time-id", "organisation-at-time-name",
                                       "position", "achievement", "period", "register-number",
                                       "revoked" };
  struct
  {
    gpointer     object;
    const char **names;
    guint        n_names;
  } cases[] = {
    { org, org_props, G_N_ELEMENTS (org_props) },
    { person, person_props, G_N_ELEMENTS (person_props) },
    { authority, authority_props, G_N_ELEMENTS (authority_props) },
    { award, award_props, G_N_ELEMENTS (award_props) },
    { decision, decision_props, G_N_ELEMENTS (decision_props) },
    { c, commendation_props, G_N_ELEMENTS (commendation_props) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GObjectClass *klass = G_OBJECT_GET_CLASS (cases[i].object);
      g_autofree GParamSpec **all = NULL;
      guint n_all;

      all = g_object_class_list_properties (klass, &n_all);
      g_assert_cmpuint (n_all, ==, cases[i].n_names);

      for (guint j = 0; j < cases[i].n_names; j++)
        g_assert_nonnull (g_object_class_find_property (klass, cases[i].names[j]));
    }

  g_assert_true (G_PARAM_SPEC_VALUE_TYPE (g_object_class_find_property (
                   G_OBJECT_GET_CLASS (c), "recipient-kind")) == AWARDS_TYPE_RECIPIENT_KIND);
  g_assert_true (G_PARAM_SPEC_VALUE_TYPE (g_object_class_find_property (
                   G_OBJECT_GET_CLASS (org), "kind")) == AWARDS_TYPE_ORGANISATION_KIND);
}

static void
test_person_birth_year (void)
{
  g_autoptr(AwardsPerson) person = awards_person_new ();

  g_assert_cmpint (awards_person_get_birth_year (person), ==, 0);
  awards_person_set_birth_year (person, 1962);
  g_assert_cmpint (awards_person_get_birth_year (person), ==, 1962);

  /* The store relies on 0 meaning "unknown": a negative year is a programming error. */
  if (g_test_undefined ())
    {
      if (g_test_subprocess ())
        {
          awards_person_set_birth_year (person, -5);
          return;
        }

      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_failed ();
      g_test_trap_assert_stderr ("*CRITICAL*birth_year*");
    }
}

static void
test_enum_round_trips (void)
{
  for (int k = AWARDS_RECIPIENT_KIND_ANY; k <= AWARDS_RECIPIENT_KIND_INDIVIDUAL; k++)
    {
      AwardsRecipientKind parsed = 99;

      g_assert_true (awards_recipient_kind_from_string (awards_recipient_kind_to_string (k),
                                                        &parsed));
      g_assert_cmpint (parsed, ==, k);
    }

  for (int e = AWARDS_ELIGIBILITY_BOTH; e <= AWARDS_ELIGIBILITY_INDIVIDUAL; e++)
    {
      AwardsEligibility parsed = 99;

      g_assert_true (awards_eligibility_from_string (awards_eligibility_to_string (e), &parsed));
      g_assert_cmpint (parsed, ==, e);
    }

  for (int c = AWARDS_AWARD_CATEGORY_FORM; c <= AWARDS_AWARD_CATEGORY_TITLE; c++)
    {
      AwardsAwardCategory parsed = 99;

      g_assert_true (awards_award_category_from_string (awards_award_category_to_string (c),
                                                        &parsed));
      g_assert_cmpint (parsed, ==, c);
    }

  for (int k = AWARDS_ORGANISATION_KIND_OTHER; k <= AWARDS_ORGANISATION_KIND_AGENCY; k++)
    {
      AwardsOrganisationKind parsed = 99;

      g_assert_true (awards_organisation_kind_from_string (awards_organisation_kind_to_string (k),
                                                           &parsed));
      g_assert_cmpint (parsed, ==, k);
    }

  for (int k = AWARDS_DECISION_KIND_ANNUAL; k <= AWARDS_DECISION_KIND_CAREER; k++)
    {
      AwardsDecisionKind parsed = 99;

      g_assert_true (awards_decision_kind_from_string (awards_decision_kind_to_string (k),
                                                       &parsed));
      g_assert_cmpint (parsed, ==, k);
    }

  for (int g = AWARDS_GENDER_UNKNOWN; g <= AWARDS_GENDER_FEMALE; g++)
    {
      AwardsGender parsed = 99;

      g_assert_true (awards_gender_from_string (awards_gender_to_string (g), &parsed));
      g_assert_cmpint (parsed, ==, g);
    }
}

static void
test_enum_machine_names (void)
{
  AwardsOrganisationKind kind = AWARDS_ORGANISATION_KIND_OTHER;
  AwardsDecisionKind decision = AWARDS_DECISION_KIND_ANNUAL;

  /* These strings are stored in databases and CSV files: they must never change. */
  g_assert_cmpstr (awards_recipient_kind_to_string (AWARDS_RECIPIENT_KIND_ANY), ==, "any");
  g_assert_cmpstr (awards_recipient_kind_to_string (AWARDS_RECIPIENT_KIND_COLLECTIVE), ==,
                   "collective");
  g_assert_cmpstr (awards_recipient_kind_to_string (AWARDS_RECIPIENT_KIND_INDIVIDUAL), ==,
                   "individual");
  g_assert_cmpstr (awards_eligibility_to_string (AWARDS_ELIGIBILITY_BOTH), ==, "both");
  g_assert_cmpstr (awards_award_category_to_string (AWARDS_AWARD_CATEGORY_TITLE), ==, "title");
  g_assert_cmpstr (awards_organisation_kind_to_string (AWARDS_ORGANISATION_KIND_COOPERATIVE_UNION),
                   ==, "cooperative_union");
  g_assert_cmpstr (awards_organisation_kind_to_string (
                     AWARDS_ORGANISATION_KIND_COOPERATIVE_ALLIANCE), ==, "cooperative_alliance");
  g_assert_cmpstr (awards_decision_kind_to_string (AWARDS_DECISION_KIND_EXCEPTIONAL), ==,
                   "exceptional");
  g_assert_cmpstr (awards_gender_to_string (AWARDS_GENDER_FEMALE), ==, "female");
  g_assert_null (awards_gender_to_string ((AwardsGender) 99));

  g_assert_true (awards_organisation_kind_from_string (" Enterprise\n", &kind));
  g_assert_cmpint (kind, ==, AWARDS_ORGANISATION_KIND_ENTERPRISE);

  /* Unknown text fails and leaves the output alone. */
  g_assert_false (awards_organisation_kind_from_string ("cooperative union", &kind));
  g_assert_false (awards_organisation_kind_from_string ("", &kind));
  g_assert_false (awards_organisation_kind_from_string (NULL, &kind));
  g_assert_cmpint (kind, ==, AWARDS_ORGANISATION_KIND_ENTERPRISE);
  g_assert_false (awards_decision_kind_from_string ("yearly", &decision));
  g_assert_false (awards_decision_kind_from_string ("annual\xff", &decision));
  g_assert_cmpint (decision, ==, AWARDS_DECISION_KIND_ANNUAL);
}

static void
test_recipient_kind_vietnamese (void)
{
  const struct
  {
    const char          *text;
    AwardsRecipientKind  kind;
  } accepted[] = {
    { "tập thể", AWARDS_RECIPIENT_KIND_COLLECTIVE },
    { "cá nhân", AWARDS_RECIPIENT_KIND_INDIVIDUAL },
    { "Tập thể", AWARDS_RECIPIENT_KIND_COLLECTIVE },
    { "  CÁ NHÂN\t", AWARDS_RECIPIENT_KIND_INDIVIDUAL },
    { "TẬP  THỂ", AWARDS_RECIPIENT_KIND_COLLECTIVE },
    /* Decomposed, as some spreadsheets and macOS write it. */
    { "ta\xcc\xa3\xcc\x82p the\xcc\x82\xcc\x89", AWARDS_RECIPIENT_KIND_COLLECTIVE },
    { "ca\xcc\x81 nha\xcc\x82n", AWARDS_RECIPIENT_KIND_INDIVIDUAL },
    { "tap the", AWARDS_RECIPIENT_KIND_COLLECTIVE },
    { "Ca Nhan", AWARDS_RECIPIENT_KIND_INDIVIDUAL },
    { "Collective", AWARDS_RECIPIENT_KIND_COLLECTIVE },
    { " individual ", AWARDS_RECIPIENT_KIND_INDIVIDUAL },
  };
  const char *rejected[] = { "tập", "canhan", "hộ gia đình", "", "   ", "collectives" };

  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      AwardsRecipientKind kind = AWARDS_RECIPIENT_KIND_ANY;

      g_assert_true (awards_recipient_kind_from_string (accepted[i].text, &kind));
      g_assert_cmpint (kind, ==, accepted[i].kind);
    }

  for (guint i = 0; i < G_N_ELEMENTS (rejected); i++)
    {
      AwardsRecipientKind kind = AWARDS_RECIPIENT_KIND_COLLECTIVE;

      g_assert_false (awards_recipient_kind_from_string (rejected[i], &kind));
      g_assert_cmpint (kind, ==, AWARDS_RECIPIENT_KIND_COLLECTIVE);
    }

  /* The Vietnamese words are accepted on input but never written. */
  g_assert_cmpstr (awards_recipient_kind_to_string (AWARDS_RECIPIENT_KIND_COLLECTIVE), ==,
                   "collective");
}

static void
test_eligibility_allows (void)
{
  g_assert_true (awards_eligibility_allows (AWARDS_ELIGIBILITY_BOTH,
                                            AWARDS_RECIPIENT_KIND_COLLECTIVE));
  g_assert_true (awards_eligibility_allows (AWARDS_ELIGIBILITY_BOTH,
                                            AWARDS_RECIPIENT_KIND_INDIVIDUAL));
  g_assert_false (awards_eligibility_allows (AWARDS_ELIGIBILITY_BOTH,
                                             AWARDS_RECIPIENT_KIND_ANY));

  g_assert_true (awards_eligibility_allows (AWARDS_ELIGIBILITY_COLLECTIVE,
                                            AWARDS_RECIPIENT_KIND_COLLECTIVE));
  g_assert_false (awards_eligibility_allows (AWARDS_ELIGIBILITY_COLLECTIVE,
                                             AWARDS_RECIPIENT_KIND_INDIVIDUAL));
  g_assert_false (awards_eligibility_allows (AWARDS_ELIGIBILITY_COLLECTIVE,
                                             AWARDS_RECIPIENT_KIND_ANY));

  g_assert_true (awards_eligibility_allows (AWARDS_ELIGIBILITY_INDIVIDUAL,
                                            AWARDS_RECIPIENT_KIND_INDIVIDUAL));
  g_assert_false (awards_eligibility_allows (AWARDS_ELIGIBILITY_INDIVIDUAL,
                                             AWARDS_RECIPIENT_KIND_COLLECTIVE));
  g_assert_false (awards_eligibility_allows (AWARDS_ELIGIBILITY_INDIVIDUAL,
                                             AWARDS_RECIPIENT_KIND_ANY));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/records/organisation/accessors", test_organisation_accessors);
  g_test_add_func ("/records/organisation/former-names", test_organisation_former_names);
  g_test_add_func ("/records/person/string-from-itself", test_string_from_itself);
  g_test_add_func ("/records/person/birth-year", test_person_birth_year);
  g_test_add_func ("/records/commendation/accessors", test_commendation_accessors);
  g_test_add_func ("/records/all/notify-once-and-copy", test_every_property);
  g_test_add_func ("/records/all/property-names", test_property_names);
  g_test_add_func ("/enums/round-trip", test_enum_round_trips);
  g_test_add_func ("/enums/machine-names", test_enum_machine_names);
  g_test_add_func ("/enums/recipient-kind/vietnamese", test_recipient_kind_vietnamese);
  g_test_add_func ("/enums/eligibility/allows", test_eligibility_allows);

  return g_test_run ();
}
