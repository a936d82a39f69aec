/* test-certificate-template.c: reading, writing and choosing certificate templates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "awards-certificate.h"
#include "awards-report.h"

static const char minimal[] =
  "[Certificate]\n"
  "Name=giay-khen-thu\n"
  "Award=Giấy khen\n"
  "Recipient=collective\n"
  "Paper=A4\n"
  "Orientation=landscape\n"
  "Background=blank.png\n"
  "[Field name]\n"
  "X=40\nY=100.5\nWidth=200\nSize=20\nMinSize=16\nLines=2\nBold=true\nAlign=left\n"
  "Pattern={label} {name}\n";

static void
test_parse_and_round_trip (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AwardsCertificateTemplate) template = NULL;
  g_autoptr (AwardsCertificateTemplate) again = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;
  const AwardsCertificateField *name;

  template = awards_certificate_template_parse (minimal, strlen (minimal),
                                                "/blanks", "thu.certificate", &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (template->paper_width, ==, 297);
  g_assert_cmpfloat (template->paper_height, ==, 210);
  g_assert_cmpstr (template->background, ==, "/blanks/blank.png");
  g_assert_cmpint (template->recipient, ==, AWARDS_RECIPIENT_KIND_COLLECTIVE);
  name = &template->fields[AWARDS_CERTIFICATE_FIELD_NAME];
  g_assert_true (name->visible);
  g_assert_cmpfloat (name->y, ==, 100.5);
  g_assert_cmpuint (name->max_lines, ==, 2);
  g_assert_cmpint (name->align, ==, AWARDS_CERTIFICATE_ALIGN_LEFT);
  /* Fields the file does not mention are not printed. */
  g_assert_false (template->fields[AWARDS_CERTIFICATE_FIELD_REGISTER].visible);

  data = awards_certificate_template_to_data (template, &length);
  again = awards_certificate_template_parse (data, length, NULL, "again", &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (again->fields[AWARDS_CERTIFICATE_FIELD_NAME].x, ==, 40);
  g_assert_cmpfloat (again->fields[AWARDS_CERTIFICATE_FIELD_NAME].min_size, ==, 16);
  g_assert_cmpstr (again->fields[AWARDS_CERTIFICATE_FIELD_NAME].pattern, ==, "{label} {name}");
  g_assert_cmpfloat (again->paper_width, ==, 297);
  g_assert_false (again->fields[AWARDS_CERTIFICATE_FIELD_REGISTER].visible);
}

static void
assert_refused (const char *text,
                const char *expected)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AwardsCertificateTemplate) template =
    awards_certificate_template_parse (text, strlen (text), NULL, "bad.certificate", &error);

  g_assert_null (template);
  g_assert_error (error, AWARDS_REPORT_ERROR, AWARDS_REPORT_ERROR_INVALID);
  if (strstr (error->message, expected) == NULL)
    g_error ("“%s” not in “%s”", expected, error->message);
}

static void
test_bad_files_say_where (void)
{
  g_autofree char *bad_x = NULL;
  g_autofree char *bad_placeholder = NULL;
  g_autofree char *bad_recipient = NULL;

  bad_x = g_strconcat (minimal, "[Field register]\nX=left\n", NULL);
  assert_refused (bad_x, "bad.certificate: [Field register] X: not a number");

  bad_placeholder = g_strconcat (minimal, "[Field decision]\nPattern=Số {decison_number}\n",
                                 NULL);
  assert_refused (bad_placeholder, "bad.certificate: [Field decision] Pattern:");

  bad_recipient = g_strdup (minimal);
  memcpy (strstr (bad_recipient, "collective"), "householdx", 10);
  assert_refused (bad_recipient, "[Certificate] Recipient:");
  assert_refused ("[Other]\nName=x\n", "not a certificate template");

  /* A line that is not "key=value" is named by its number, as a text editor counts. */
  assert_refused ("# shared by another office\n[Certificate]\nName=x\nthis line is broken\n",
                  "bad.certificate:4: ");
  assert_refused ("Name=x\n[Certificate]\n", "bad.certificate:1: ");
}

static void
test_expand_patterns (void)
{
  AwardsCertificateData data = { 0, };
  g_autofree char *line = NULL;
  g_autofree char *decision = NULL;
  g_autofree char *position = NULL;
  g_autofree char *empty = NULL;

  data.place = (char *) "Hải Phòng";
  data.decision_date = (char *) "2012-02-05";
  data.decision_number = (char *) "15/QĐ-UBND";
  data.position = (char *) "Giám đốc";
  data.unit = (char *) "HTX Bạch Đằng";

  line = awards_certificate_expand ("{place}, ngày {dd} tháng {mm} năm {yyyy}", &data);
  g_assert_cmpstr (line, ==, "Hải Phòng, ngày 05 tháng 02 năm 2012");
  decision = awards_certificate_expand ("Số: {decision_number} ngày {decision_date}", &data);
  g_assert_cmpstr (decision, ==, "Số: 15/QĐ-UBND ngày 05/02/2012");
  position = awards_certificate_expand ("{position_unit}", &data);
  g_assert_cmpstr (position, ==, "Giám đốc, HTX Bạch Đằng");
  empty = awards_certificate_expand ("  {register_number} ", &data);
  g_assert_cmpstr (empty, ==, "");

  data.decision_date = (char *) "2012-11-25";
  g_free (line);
  line = awards_certificate_expand ("ngày {dd} tháng {mm}", &data);
  g_assert_cmpstr (line, ==, "ngày 25 tháng 11");
}

static void
test_find_by_award_and_kind (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) templates = awards_certificate_template_list (&error);
  AwardsCertificateTemplate *found;

  g_assert_no_error (error);
  found = awards_certificate_template_find (templates, "Bằng khen", AWARDS_RECIPIENT_KIND_INDIVIDUAL);
  g_assert_nonnull (found);
  g_assert_cmpstr (found->name, ==, "bang-khen-ca-nhan");
  g_assert_cmpfloat (found->paper_width, ==, 420);
  g_assert_cmpfloat (found->paper_height, ==, 297);

  found = awards_certificate_template_find (templates, "giay khen", AWARDS_RECIPIENT_KIND_COLLECTIVE);
  g_assert_nonnull (found);
  g_assert_cmpstr (found->name, ==, "giay-khen-tap-the");
  g_assert_cmpfloat (found->paper_width, ==, 297);
  g_assert_cmpfloat (found->paper_height, ==, 210);

  /* A longer award name that begins with a template's award. */
  found = awards_certificate_template_find (templates, "Bằng khen của Chủ tịch UBND tỉnh",
                                            AWARDS_RECIPIENT_KIND_COLLECTIVE);
  g_assert_nonnull (found);
  g_assert_cmpstr (found->name, ==, "bang-khen-tap-the");

  g_assert_null (awards_certificate_template_find (templates, "Cờ thi đua xuất sắc",
                                                   AWARDS_RECIPIENT_KIND_COLLECTIVE));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  /* No user templates from the home folder. */
  g_setenv ("XDG_DATA_HOME", "/nonexistent/test-certificate-template", TRUE);

  g_test_add_func ("/certificate-template/parse-and-round-trip", test_parse_and_round_trip);
  g_test_add_func ("/certificate-template/bad-files-say-where", test_bad_files_say_where);
  g_test_add_func ("/certificate-template/expand-patterns", test_expand_patterns);
  g_test_add_func ("/certificate-template/find-by-award-and-kind", test_find_by_award_and_kind);

  return g_test_run ();
}
