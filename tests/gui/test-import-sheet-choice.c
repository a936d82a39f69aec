/* test-import-sheet-choice.c: the window's import preview: the sheet of a workbook, near people
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <adwaita.h>
#include <xlsxwriter.h>

#include "awards-gui-utils.h"
#include "awards-import-dialog.h"
#include "awards-store.h"
#include "awards-store-near.h"
#include "awards-test-util.h"

#define WAIT_UNTIL(expr) AWARDS_TEST_WAIT_UNTIL (expr, 5)

typedef struct
{
  char        *dir;
  AwardsStore *store;
  GtkWindow   *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("test-import-sheet-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "awards.db", NULL);
  fixture->store = awards_store_open (path, &error);
  g_assert_no_error (error);
  awards_test_seed (fixture->store);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  g_object_ref_sink (fixture->window);
  gtk_window_present (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->window);
  awards_test_settle (20);
  g_clear_object (&fixture->store);
  awards_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static void
write_list (lxw_worksheet  *sheet,
            const char    **recipients,
            const char     *date)
{
  static const char *header[] = { "STT", "Số QĐ", "Ngày QĐ", "Cấp khen", "Hình thức khen thưởng",
                                  "Đối tượng", "Họ và tên" };

  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    worksheet_write_string (sheet, 0, (lxw_col_t) i, header[i], NULL);
  for (guint row = 0; recipients[row] != NULL; row++)
    {
      worksheet_write_number (sheet, row + 1, 0, row + 1, NULL);
      worksheet_write_string (sheet, row + 1, 1, "77/QĐ-UBND", NULL);
      worksheet_write_string (sheet, row + 1, 2, date, NULL);
      worksheet_write_string (sheet, row + 1, 3, "UBND thành phố Hải Phòng", NULL);
      worksheet_write_string (sheet, row + 1, 4, "Bằng khen", NULL);
      worksheet_write_string (sheet, row + 1, 5, "Tập thể", NULL);
      worksheet_write_string (sheet, row + 1, 6, recipients[row], NULL);
    }
}

/* An empty cover sheet, then the lists of two years on sheets of their own. */
static GFile *
write_workbook (Fixture *fixture)
{
  static const char *year_2011[] = { "HTX Tân Hưng", "HTX Đông Hải", NULL };
  static const char *year_2012[] = { "HTX vận tải Thành Công", NULL };
  g_autofree char *path = g_build_filename (fixture->dir, "hai-nam.xlsx", NULL);
  lxw_workbook *workbook = workbook_new (path);

  g_assert_nonnull (workbook);
  workbook_add_worksheet (workbook, "Bìa");
  write_list (workbook_add_worksheet (workbook, "Năm 2011"), year_2011, "28/12/2011");
  write_list (workbook_add_worksheet (workbook, "Năm 2012"), year_2012, "27/12/2012");
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);
  return g_file_new_for_path (path);
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static char *
sheet_at (GtkDropDown *dropdown,
          guint        position)
{
  g_autoptr (GtkStringObject) item = g_list_model_get_item (gtk_drop_down_get_model (dropdown),
                                                            position);

  return item != NULL ? g_strdup (gtk_string_object_get_string (item)) : NULL;
}

static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_label (child, text))
      return TRUE;
  return FALSE;
}

static gboolean
preview_has (AwardsImportDialog *dialog,
             const char         *text)
{
  g_autofree char *preview = awards_import_dialog_get_preview_text (dialog);

  return strstr (preview, text) != NULL;
}

static guint
count_awards_of (Fixture    *fixture,
                 const char *name)
{
  g_autoptr (AwardsOrganisation) organisation =
    awards_store_find_organisation (fixture->store, name, NULL);
  AwardsQuery query;

  if (organisation == NULL)
    return 0;
  awards_query_init (&query);
  query.organisation_id = awards_organisation_get_id (organisation);
  return awards_store_count_commendations (fixture->store, &query, NULL);
}

static void
test_sheet_choice (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr (GFile) file = write_workbook (fixture);
  g_autofree char *preview = NULL;
  g_autofree char *first = NULL;
  g_autofree char *third = NULL;
  AwardsImportDialog *dialog;
  GtkDropDown *dropdown;
  GtkStringObject *selected;

  dialog = awards_import_dialog_new (fixture->window, fixture->store, file);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  WAIT_UNTIL (g_str_equal (awards_import_dialog_get_state (dialog), "preview"));

  /* Every sheet is offered, in the workbook's order; the empty cover is passed over. */
  dropdown = GTK_DROP_DOWN (find_widget (GTK_WIDGET (dialog), GTK_TYPE_DROP_DOWN));
  g_assert_nonnull (dropdown);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (dropdown)));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)), ==, 3);
  first = sheet_at (dropdown, 0);
  third = sheet_at (dropdown, 2);
  g_assert_cmpstr (first, ==, "Bìa");
  g_assert_cmpstr (third, ==, "Năm 2012");
  selected = gtk_drop_down_get_selected_item (dropdown);
  g_assert_cmpstr (gtk_string_object_get_string (selected), ==, "Năm 2011");
  preview = awards_import_dialog_get_preview_text (dialog);
  g_assert_nonnull (strstr (preview, "HTX Tân Hưng"));
  g_assert_null (strstr (preview, "HTX vận tải Thành Công"));
  g_clear_pointer (&preview, g_free);

  /* The other year's sheet is read and checked again, with the sheet's own row numbers. */
  gtk_drop_down_set_selected (dropdown, 2);
  WAIT_UNTIL (g_str_equal (awards_import_dialog_get_state (dialog), "preview") &&
              preview_has (dialog, "HTX vận tải Thành Công"));
  g_assert_false (preview_has (dialog, "HTX Tân Hưng"));
  g_assert_true (preview_has (dialog, "\n2 | "));

  /* The cover sheet has no list: it says so, and another sheet can still be chosen. */
  gtk_drop_down_set_selected (dropdown, 0);
  WAIT_UNTIL (g_str_equal (awards_import_dialog_get_state (dialog), "preview") &&
              !preview_has (dialog, "HTX vận tải Thành Công"));
  g_assert_true (shows_label (GTK_WIDGET (dialog), "The file has 1 problem, shown beside its row. "
                                                   "Correct it in the file, save it and check it "
                                                   "again."));
  gtk_drop_down_set_selected (dropdown, 2);
  WAIT_UNTIL (g_str_equal (awards_import_dialog_get_state (dialog), "preview") &&
              preview_has (dialog, "HTX vận tải Thành Công"));

  /* Importing takes the chosen sheet only. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.start", NULL);
  WAIT_UNTIL (g_str_equal (awards_import_dialog_get_state (dialog), "done"));
  g_assert_cmpuint (count_awards_of (fixture, "HTX vận tải Thành Công"), ==, 1);
  g_assert_cmpuint (count_awards_of (fixture, "HTX Tân Hưng"), ==, 0);

  gtk_window_destroy (GTK_WINDOW (dialog));
  WAIT_UNTIL (dialog == NULL);
}

/* A CSV file has no sheets: nothing to choose. */
static void
test_csv_has_no_sheets (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "list.csv", NULL);
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  AwardsImportDialog *dialog;
  GtkWidget *dropdown;

  g_file_set_contents (path, "decision_date,authority,award,recipient_type,recipient\n"
                             "29/12/2011,UBND thành phố Hải Phòng,Bằng khen,collective,"
                             "HTX Tân Hưng\n", -1, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (path);
  dialog = awards_import_dialog_new (fixture->window, fixture->store, file);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  WAIT_UNTIL (g_str_equal (awards_import_dialog_get_state (dialog), "preview"));
  dropdown = find_widget (GTK_WIDGET (dialog), GTK_TYPE_DROP_DOWN);
  g_assert_nonnull (dropdown);
  g_assert_false (gtk_widget_get_mapped (dropdown));
  gtk_window_destroy (GTK_WINDOW (dialog));
  WAIT_UNTIL (dialog == NULL);
}

/* A slip in the name of someone of the organisation is asked about by name; "use existing"
 * gives the award to the person already recorded. */
static void
test_near_person (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "people.csv", NULL);
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (AwardsOrganisation) bach_dang = NULL;
  g_autofree char *preview = NULL;
  AwardsImportDialog *dialog;
  AwardsQuery query;
  guint before;

  g_file_set_contents (path, "decision_date,authority,award,recipient_type,recipient,"
                             "organisation\n"
                             "29/12/2012,UBND thành phố Hải Phòng,Giấy khen,individual,"
                             "Trần Vn Bảy,HTX Bạch Đằng\n", -1, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (path);
  bach_dang = awards_store_find_organisation (fixture->store, "HTX Bạch Đằng", NULL);
  awards_query_init (&query);
  query.organisation_id = awards_organisation_get_id (bach_dang);
  query.with_members = TRUE;
  before = awards_store_count_commendations (fixture->store, &query, NULL);

  dialog = awards_import_dialog_new (fixture->window, fixture->store, file);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  WAIT_UNTIL (g_str_equal (awards_import_dialog_get_state (dialog), "preview"));
  g_assert_true (shows_label (GTK_WIDGET (dialog), "“Trần Vn Bảy”"));
  g_assert_true (shows_label (GTK_WIDGET (dialog), "A new person of the same organisation, "
                                                   "nearly equal to “Trần Văn Bảy”"));
  preview = awards_import_dialog_get_preview_text (dialog);
  g_assert_nonnull (strstr (preview, "unknown person “Trần Vn Bảy” of “HTX Bạch Đằng”; "
                                     "did you mean “Trần Văn Bảy”?"));

  /* The keyboard is on the question to answer, then on Import, then on Close. */
  g_assert_true (GTK_IS_BUTTON (gtk_window_get_focus (GTK_WINDOW (dialog))));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (gtk_window_get_focus (GTK_WINDOW (dialog)))),
                   ==, "Use “Trần Văn Bảy”");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.resolve", "(ub)", 0, TRUE);
  WAIT_UNTIL (g_str_equal (awards_import_dialog_get_state (dialog), "preview") &&
              shows_label (GTK_WIDGET (dialog), "1 award in this file. Every row is good."));
  g_assert_true (GTK_IS_BUTTON (gtk_window_get_focus (GTK_WINDOW (dialog))));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (gtk_window_get_focus (GTK_WINDOW (dialog)))),
                   ==, "_Import");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.start", NULL);
  WAIT_UNTIL (g_str_equal (awards_import_dialog_get_state (dialog), "done"));
  g_assert_true (GTK_IS_BUTTON (gtk_window_get_focus (GTK_WINDOW (dialog))));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (gtk_window_get_focus (GTK_WINDOW (dialog)))),
                   ==, "_Close");

  /* The award went to Trần Văn Bảy of HTX Bạch Đằng; nobody new was made. */
  g_assert_cmpuint (awards_store_count_commendations (fixture->store, &query, NULL), ==,
                    before + 1);
  g_assert_cmpint (awards_store_find_person_id (fixture->store, "Trần Vn Bảy",
                                                query.organisation_id, NULL), ==, 0);
  g_assert_cmpint (awards_store_find_person_id (fixture->store, "Trần Văn Bảy",
                                                query.organisation_id, NULL), >, 0);
  /* Documents print the award with the name chosen, not the file's slip. */
  {
    g_autoptr (GPtrArray) awards = awards_store_list_commendations (fixture->store, &query,
                                                                     AWARDS_ORDER_CHRONOLOGICAL,
                                                                     NULL);
    guint chosen = 0;

    for (guint i = 0; i < awards->len; i++)
      {
        const char *name = awards_commendation_get_recipient_name (awards->pdata[i]);

        g_assert_cmpstr (name, !=, "Trần Vn Bảy");
        chosen += g_strcmp0 (name, "Trần Văn Bảy") == 0;
      }
    g_assert_cmpuint (chosen, >=, 2);
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
  WAIT_UNTIL (dialog == NULL);
}

/* A near name among other problems is answered in the dialog; the rest is corrected in the
 * file, which is read again without choosing it again, and the answer still holds. */
static void
test_check_again (Fixture       *fixture,
                  gconstpointer  data)
{
  static const char header[] = "decision_date,authority,award,recipient_type,recipient,"
                               "organisation\n";
  g_autofree char *path = g_build_filename (fixture->dir, "mixed.csv", NULL);
  g_autofree char *bad = NULL;
  g_autofree char *good = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (AwardsOrganisation) bach_dang = NULL;
  AwardsImportDialog *dialog;

  bad = g_strconcat (header, "29/12/2012,UBND thành phố Hải Phòng,Giấy khen,individual,"
                             "Trần Vn Bảy,HTX Bạch Đằng\n"
                             "31/02/2012,UBND thành phố Hải Phòng,Giấy khen,collective,"
                             "HTX Bạch Đằng,\n", NULL);
  good = g_strconcat (header, "29/12/2012,UBND thành phố Hải Phòng,Giấy khen,individual,"
                              "Trần Vn Bảy,HTX Bạch Đằng\n"
                              "28/02/2012,UBND thành phố Hải Phòng,Giấy khen,collective,"
                              "HTX Bạch Đằng,\n", NULL);
  g_file_set_contents (path, bad, -1, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (path);
  bach_dang = awards_store_find_organisation (fixture->store, "HTX Bạch Đằng", NULL);

  dialog = awards_import_dialog_new (fixture->window, fixture->store, file);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  WAIT_UNTIL (g_str_equal (awards_import_dialog_get_state (dialog), "preview"));
  g_assert_true (shows_label (GTK_WIDGET (dialog), "Say below what each new name stands for. "
                                                   "1 other problem is shown beside its row: "
                                                   "correct it in the file, save it and check "
                                                   "it again."));
  /* A button's label is a label of its own. */
  g_assert_true (shows_label (GTK_WIDGET (dialog), "Check _Again"));

  /* The answer is given first; the bad date is still there. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.resolve", "(ub)", 0, TRUE);
  WAIT_UNTIL (g_str_equal (awards_import_dialog_get_state (dialog), "preview") &&
              shows_label (GTK_WIDGET (dialog), "The file has 1 problem, shown beside its row. "
                                                "Correct it in the file, save it and check it "
                                                "again."));
  g_assert_false (preview_has (dialog, "Trần Vn Bảy”; did you mean"));

  /* Corrected in its own program and saved; F5 or the button reads it again. */
  g_file_set_contents (path, good, -1, &error);
  g_assert_no_error (error);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.check-again", NULL);
  WAIT_UNTIL (g_str_equal (awards_import_dialog_get_state (dialog), "preview") &&
              shows_label (GTK_WIDGET (dialog), "2 awards in this file. Every row is good."));
  g_assert_false (shows_label (GTK_WIDGET (dialog), "Check _Again"));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.start", NULL);
  WAIT_UNTIL (g_str_equal (awards_import_dialog_get_state (dialog), "done"));

  /* The award went to the person already recorded. */
  g_assert_cmpint (awards_store_find_person_id (fixture->store, "Trần Vn Bảy",
                                                awards_organisation_get_id (bach_dang), NULL),
                   ==, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
  WAIT_UNTIL (dialog == NULL);
}

/* A near name that several rows write is one question, not a problem of the file for each row
 * after the first. */
static void
test_near_name_in_several_rows (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "twice.csv", NULL);
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  AwardsImportDialog *dialog;

  g_file_set_contents (path,
                       "decision_date,authority,award,recipient_type,recipient,organisation\n"
                       "29/12/2012,UBND thành phố Hải Phòng,Giấy khen,collective,"
                       "HTX Bach Dang,\n"
                       "29/12/2012,UBND thành phố Hải Phòng,Giấy khen,individual,"
                       "Lê Thị Mai,HTX Bach Dang\n", -1, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (path);
  dialog = awards_import_dialog_new (fixture->window, fixture->store, file);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  WAIT_UNTIL (g_str_equal (awards_import_dialog_get_state (dialog), "preview"));
  g_assert_true (shows_label (GTK_WIDGET (dialog), "2 awards in this file. Say below what each "
                                                   "new name stands for."));
  gtk_window_destroy (GTK_WINDOW (dialog));
  WAIT_UNTIL (dialog == NULL);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "C.UTF-8");
  adw_init ();
  awards_gui_ensure_resources ();

  g_test_add ("/import-dialog/sheet-choice", Fixture, NULL, fixture_set_up, test_sheet_choice,
              fixture_tear_down);
  g_test_add ("/import-dialog/csv-has-no-sheets", Fixture, NULL, fixture_set_up,
              test_csv_has_no_sheets, fixture_tear_down);
  g_test_add ("/import-dialog/near-person", Fixture, NULL, fixture_set_up, test_near_person,
              fixture_tear_down);
  g_test_add ("/import-dialog/check-again", Fixture, NULL, fixture_set_up, test_check_again,
              fixture_tear_down);
  g_test_add ("/import-dialog/near-name-in-several-rows", Fixture, NULL, fixture_set_up,
              test_near_name_in_several_rows, fixture_tear_down);
  return g_test_run ();
}
