/* test-import-office.c: award lists as a provincial office keeps them, not as export writes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "io-test-util.h"

/* One decision number typed three ways, as clerks do from row to row, is one decision. */
static void
test_decision_number_spacing (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) decisions = NULL;

  g_assert_true (import_text (fixture,
                              HEADER
                              "1234/QĐ-UBND,28/12/2019,UBND tỉnh Nam Định,Bằng khen,tập thể,"
                              "HTX Nông nghiệp Yên Tiến,,,,2019\n"
                              "1234 / QĐ-UBND,28/12/2019,UBND tỉnh Nam Định,Bằng khen,tập thể,"
                              "HTX Dịch vụ Hải Hậu,,,,2019\n"
                              " 1234/ QĐ - UBND ,28/12/2019,UBND tỉnh Nam Định,Bằng khen,tập thể,"
                              "HTX Thủy sản Giao Thủy,,,,2019\n",
                              FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_commendations (fixture->store), ==, 3);

  decisions = awards_store_list_decisions (fixture->store, NULL, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (decisions->len, ==, 1);
  g_assert_cmpstr (awards_decision_get_number (g_ptr_array_index (decisions, 0)), ==,
                   "1234/QĐ-UBND");

  /* A later list that spaces it again finds the same decision, and refuses the repeat. */
  g_assert_false (import_text (fixture,
                               HEADER
                               "1234 /QĐ-UBND,28/12/2019,UBND tỉnh Nam Định,Bằng khen,tập thể,"
                               "HTX Nông nghiệp Yên Tiến,,,,2019\n",
                               FALSE, NULL, &error));
  g_assert_error (error, AWARDS_IMPORT_ERROR, AWARDS_IMPORT_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "awards.csv:2: "));
  g_assert_cmpuint (count_commendations (fixture->store), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  /* Each test on a file, and on a database of the test server. */
#define ADD(path, func) \
  G_STMT_START { \
    g_test_add ("/io/import-office/" path, Fixture, NULL, fixture_set_up, func, \
                fixture_tear_down); \
    if (awards_test_pg_available ()) \
      g_test_add ("/server/io/import-office/" path, Fixture, io_test_on_server, fixture_set_up, \
                  func, fixture_tear_down); \
  } G_STMT_END
  if (!awards_test_pg_available ())
    g_test_add_func ("/server/skipped", awards_test_pg_skip);

  ADD ("decision-number-spacing", test_decision_number_spacing);

  return g_test_run ();
}
