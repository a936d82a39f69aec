/* test-cli-office.c: coop-awards-cli on workbooks as offices keep them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <gio/gio.h>
#include <xlsxwriter.h>

static const char *cli_path;

typedef struct
{
  char *dir;
  char *database;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("coop-awards-cli-office-XXXXXX", &error);
  g_assert_no_error (error);
  f->database = g_build_filename (f->dir, "awards.db", NULL);
}

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children =
    g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                               G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  GFileInfo *info;

  while (children != NULL &&
         (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (info));

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        remove_tree (child);
      else
        g_file_delete (child, NULL, NULL);
      g_object_unref (info);
    }
  g_file_delete (file, NULL, NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GFile) dir = g_file_new_for_path (f->dir);

  remove_tree (dir);
  g_free (f->database);
  g_free (f->dir);
}

/* Runs the program with @args; returns its exit status and what it wrote. */
static int
run_cli (const char * const  *args,
         char               **out,
         char               **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (gpointer) cli_path);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, out, err, &error);
  g_assert_no_error (error);
  return g_subprocess_get_exit_status (process);
}

/* A cover sheet with nothing on it, as offices put before their lists, then the list. */
static char *
write_workbook_with_cover (Fixture *f)
{
  static const char *header[] = { "STT", "Số QĐ", "Ngày QĐ", "Cấp khen", "Hình thức khen thưởng",
                                  "Đối tượng", "Họ và tên" };
  static const char *recipients[] = { "HTX Nông nghiệp Yên Tiến", "HTX Dịch vụ Hải Hậu" };
  char *path = g_build_filename (f->dir, "khen-thuong-2019.xlsx", NULL);
  lxw_workbook *workbook = workbook_new (path);
  lxw_worksheet *sheet;

  g_assert_nonnull (workbook);
  workbook_add_worksheet (workbook, "Bìa");
  sheet = workbook_add_worksheet (workbook, "Danh sách");
  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    worksheet_write_string (sheet, 0, (lxw_col_t) i, header[i], NULL);
  for (guint row = 0; row < G_N_ELEMENTS (recipients); row++)
    {
      worksheet_write_number (sheet, row + 1, 0, row + 1, NULL);
      worksheet_write_string (sheet, row + 1, 1, "1234/QĐ-UBND", NULL);
      worksheet_write_string (sheet, row + 1, 2, "28/12/2019", NULL);
      worksheet_write_string (sheet, row + 1, 3, "UBND tỉnh Nam Định", NULL);
      worksheet_write_string (sheet, row + 1, 4, "Bằng khen", NULL);
      worksheet_write_string (sheet, row + 1, 5, "Tập thể", NULL);
      worksheet_write_string (sheet, row + 1, 6, recipients[row], NULL);
    }
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);
  return path;
}

/* Without a sheet named, the list is read from the first sheet with data, as in the window. */
static void
test_import_passes_over_empty_cover (Fixture       *f,
                                     gconstpointer  data)
{
  g_autofree char *path = write_workbook_with_cover (f);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out2 = NULL;
  g_autofree char *err2 = NULL;
  const char *import[] = { "--database", f->database, "import", path, NULL };
  const char *import_cover[] = { "--database", f->database, "import", path,
                                 "--sheet", "Bìa", NULL };

  /* A sheet named is read even when it is the empty one: it is the clerk's choice. */
  g_assert_cmpint (run_cli (import_cover, &out2, &err2), ==, 1);
  g_assert_nonnull (strstr (err2, ":1: no row names the columns"));

  g_assert_cmpint (run_cli (import, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_nonnull (strstr (out, "Imported 2 awards"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  if (argc < 2)
    {
      g_printerr ("usage: %s [--tap] PATH-TO-coop-awards-cli\n", argv[0]);
      return 2;
    }
  cli_path = argv[1];

  g_test_add ("/cli/office/import-passes-over-empty-cover", Fixture, NULL, fixture_setup,
              test_import_passes_over_empty_cover, fixture_teardown);

  return g_test_run ();
}
