/* test-date.c: parsing and writing dates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>

#include "awards-date.h"

static void
assert_parses (const char *text,
               const char *expected_iso)
{
  g_autofree char *iso = NULL;

  if (!awards_date_parse (text, &iso))
    g_error ("“%s” should parse as %s", text, expected_iso);
  g_assert_cmpstr (iso, ==, expected_iso);
}

static void
assert_rejects (const char *text)
{
  char *iso = (char *) "untouched";

  if (awards_date_parse (text, &iso))
    g_error ("“%s” should be rejected, got %s", text, iso);
  g_assert_null (iso);
}

static void
test_parse_iso (void)
{
  assert_parses ("2011-12-28", "2011-12-28");
  assert_parses ("1900-01-01", "1900-01-01");
  assert_parses ("2200-12-31", "2200-12-31");
  assert_parses ("2012-02-29", "2012-02-29");
  assert_parses ("2000-02-29", "2000-02-29");
  assert_parses (" 2011-12-28\t", "2011-12-28");
}

static void
test_parse_dmy (void)
{
  assert_parses ("28/12/2011", "2011-12-28");
  assert_parses ("05/02/2012", "2012-02-05");
  assert_parses ("5/2/2012", "2012-02-05");
  assert_parses ("7/03/2012", "2012-03-07");
  assert_parses ("07/3/2012", "2012-03-07");
  assert_parses ("29/02/2012", "2012-02-29");
  assert_parses ("31/01/2011", "2011-01-31");
  assert_parses ("30/04/1975", "1975-04-30");
  assert_parses ("  28/12/2011  ", "2011-12-28");
  assert_parses ("\xc2\xa0" "28/12/2011\n", "2011-12-28");
}

static void
test_parse_invalid (void)
{
  /* Calendar. */
  assert_rejects ("31/02/2011");
  assert_rejects ("29/02/2011");
  assert_rejects ("1900-02-29");
  assert_rejects ("31/04/2011");
  assert_rejects ("2011-13-01");
  assert_rejects ("2011-00-10");
  assert_rejects ("2011-12-00");
  assert_rejects ("2011-12-32");
  assert_rejects ("00/12/2011");
  assert_rejects ("12/13/2011");
  /* Range of years. */
  assert_rejects ("1899-12-31");
  assert_rejects ("31/12/1899");
  assert_rejects ("2201-01-01");
  assert_rejects ("01/01/2201");
  /* Shapes. */
  assert_rejects ("");
  assert_rejects ("   ");
  assert_rejects (NULL);
  assert_rejects ("2011-1-5");
  assert_rejects ("2011/12/28");
  assert_rejects ("28-12-2011");
  assert_rejects ("28/12/11");
  assert_rejects ("028/12/2011");
  assert_rejects ("28/012/2011");
  assert_rejects ("28/12/02011");
  assert_rejects ("20111-12-28");
  assert_rejects ("2011-12-28x");
  assert_rejects ("2011-12-28 10:00");
  assert_rejects ("28/12/2011/");
  assert_rejects ("28 /12/2011");
  assert_rejects ("+8/12/2011");
  assert_rejects ("-8/12/2011");
  assert_rejects ("ngày 28 tháng 12 năm 2011");
  assert_rejects ("2011-12-2\xff");
}

static void
test_parse_optional_out (void)
{
  g_assert_true (awards_date_parse ("28/12/2011", NULL));
  g_assert_false (awards_date_parse ("31/02/2011", NULL));
}

static void
test_format_short (void)
{
  g_autofree char *a = awards_date_format_short ("2011-12-28");
  g_autofree char *b = awards_date_format_short ("2012-02-05");
  g_autofree char *c = awards_date_format_short ("1975-04-30");

  g_assert_cmpstr (a, ==, "28/12/2011");
  g_assert_cmpstr (b, ==, "05/02/2012");
  g_assert_cmpstr (c, ==, "30/04/1975");

  g_assert_null (awards_date_format_short (NULL));
  g_assert_null (awards_date_format_short (""));
  g_assert_null (awards_date_format_short ("2011-02-31"));
  g_assert_null (awards_date_format_short ("28/12/2011"));
  g_assert_null (awards_date_format_short ("2011-12-28 "));
}

static void
assert_long (const char *place,
             const char *iso,
             const char *expected)
{
  g_autofree char *result = awards_date_format_long (place, iso);

  g_assert_cmpstr (result, ==, expected);
}

static void
test_format_long (void)
{
  assert_long ("Hải Phòng", "2011-12-28", "Hải Phòng, ngày 28 tháng 12 năm 2011");
  assert_long ("Hà Nội", "2012-02-05", "Hà Nội, ngày 05 tháng 02 năm 2012");
  assert_long ("Hải Phòng", "2012-01-15", "Hải Phòng, ngày 15 tháng 01 năm 2012");
  assert_long ("Thủy Nguyên", "2012-03-07", "Thủy Nguyên, ngày 07 tháng 3 năm 2012");
  assert_long ("Hải Phòng", "2013-09-02", "Hải Phòng, ngày 02 tháng 9 năm 2013");
  assert_long ("Hải Phòng", "2013-10-01", "Hải Phòng, ngày 01 tháng 10 năm 2013");
  assert_long ("  Hải\xc2\xa0Phòng ", "2011-12-28", "Hải Phòng, ngày 28 tháng 12 năm 2011");
}

static void
test_format_long_no_place (void)
{
  assert_long (NULL, "2011-12-28", "Ngày 28 tháng 12 năm 2011");
  assert_long ("", "2011-12-28", "Ngày 28 tháng 12 năm 2011");
  assert_long ("  ", "2012-02-05", "Ngày 05 tháng 02 năm 2012");
}

static void
test_format_long_invalid (void)
{
  assert_long ("Hải Phòng", NULL, NULL);
  assert_long ("Hải Phòng", "2011-02-30", NULL);
  assert_long ("Hải Phòng", "28/12/2011", NULL);
  assert_long (NULL, "", NULL);
}

static void
test_year (void)
{
  g_assert_cmpint (awards_date_year ("2011-12-28"), ==, 2011);
  g_assert_cmpint (awards_date_year ("1900-01-01"), ==, 1900);
  g_assert_cmpint (awards_date_year ("2200-12-31"), ==, 2200);
  g_assert_cmpint (awards_date_year ("2011-02-29"), ==, 0);
  g_assert_cmpint (awards_date_year ("2011"), ==, 0);
  g_assert_cmpint (awards_date_year ("28/12/2011"), ==, 0);
  g_assert_cmpint (awards_date_year (""), ==, 0);
  g_assert_cmpint (awards_date_year (NULL), ==, 0);
}

static void
test_round_trip (void)
{
  g_autoptr (GDate) date = g_date_new_dmy (1, G_DATE_JANUARY, 1900);

  /* Every day in the range survives DD/MM/YYYY -> ISO -> DD/MM/YYYY. */
  while (g_date_get_year (date) <= 2200)
    {
      g_autofree char *dmy = g_strdup_printf ("%d/%d/%d", g_date_get_day (date),
                                              g_date_get_month (date), g_date_get_year (date));
      g_autofree char *iso = NULL;
      g_autofree char *short_form = NULL;
      g_autofree char *expected = g_strdup_printf ("%02d/%02d/%04d", g_date_get_day (date),
                                                   g_date_get_month (date),
                                                   g_date_get_year (date));

      g_assert_true (awards_date_parse (dmy, &iso));
      short_form = awards_date_format_short (iso);
      g_assert_cmpstr (short_form, ==, expected);
      g_assert_cmpint (awards_date_year (iso), ==, g_date_get_year (date));

      g_date_add_days (date, 1);
    }
}

static void
test_is_future (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autoptr (GDateTime) yesterday = g_date_time_add_days (now, -1);
  g_autofree char *today_iso = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *tomorrow_iso = g_date_time_format (tomorrow, "%Y-%m-%d");
  g_autofree char *yesterday_iso = g_date_time_format (yesterday, "%Y-%m-%d");

  g_assert_true (awards_date_is_future (tomorrow_iso));
  g_assert_true (awards_date_is_future ("2101-12-28"));
  g_assert_false (awards_date_is_future (today_iso));
  g_assert_false (awards_date_is_future (yesterday_iso));
  g_assert_false (awards_date_is_future ("2011-12-28"));
  g_assert_false (awards_date_is_future (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/parse/iso", test_parse_iso);
  g_test_add_func ("/date/parse/dmy", test_parse_dmy);
  g_test_add_func ("/date/parse/invalid", test_parse_invalid);
  g_test_add_func ("/date/parse/optional-out", test_parse_optional_out);
  g_test_add_func ("/date/format/short", test_format_short);
  g_test_add_func ("/date/format/long", test_format_long);
  g_test_add_func ("/date/format/long-no-place", test_format_long_no_place);
  g_test_add_func ("/date/format/long-invalid", test_format_long_invalid);
  g_test_add_func ("/date/year", test_year);
  g_test_add_func ("/date/is-future", test_is_future);
  g_test_add_func ("/date/round-trip", test_round_trip);

  return g_test_run ();
}
