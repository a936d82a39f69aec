/* test-certificate-exchange.c: a template and its blank's picture, exported and imported between
 * offices
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include "awards-certificate-exchange.h"
#include "awards-report.h"
#include "awards-test-util.h"

/* A PNG would do as well; the picture is copied as it is, byte for byte. */
static const char picture_bytes[] = "\x89PNG\r\n\x1a\n a scanned blank";

static const char with_absolute_picture[] =
  "[Certificate]\n"
  "Name=giay-khen-thu\n"
  "Title=Giấy khen – thử\n"
  "Recipient=individual\n"
  "Paper=A4\n"
  "Orientation=landscape\n"
  "Background=%s\n"
  "[Field name]\n"
  "X=40\nY=100\nWidth=200\nSize=20\nPattern={name}\n";

static char *
write_template (const char *dir,
                const char *file_name,
                const char *background)
{
  g_autofree char *path = g_build_filename (dir, file_name, NULL);
  g_autofree char *data = g_strdup_printf (with_absolute_picture, background);
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, data, -1, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static char *
read_background_key (const char *path)
{
  g_autoptr (GKeyFile) file = g_key_file_new ();
  g_autoptr (GError) error = NULL;
  char *value;

  g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  value = g_key_file_get_string (file, "Certificate", "Background", &error);
  g_assert_no_error (error);
  return value;
}

static void
assert_same_bytes (const char *path)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  g_autoptr (GError) error = NULL;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (data, length, picture_bytes, sizeof picture_bytes - 1);
}

/* Exported to folder A, A's files moved to folder B, imported from B: the template kept in the
 * user's folder names a picture that is there. */
static void
test_export_move_import (void)
{
  g_autofree char *top = awards_test_make_dir ("test-certificate-exchange");
  g_autofree char *scans = g_build_filename (top, "scans", NULL);
  g_autofree char *folder_a = g_build_filename (top, "A", NULL);
  g_autofree char *folder_b = g_build_filename (top, "B", NULL);
  g_autofree char *user = g_build_filename (top, "user", "certificates", NULL);
  g_autofree char *scan = g_build_filename (scans, "phôi quét 1.png", NULL);
  g_autofree char *original = NULL;
  g_autofree char *exported = g_build_filename (folder_a, "chia-se.certificate", NULL);
  g_autofree char *exported_picture = g_build_filename (folder_a, "giay-khen-thu.png", NULL);
  g_autofree char *moved = g_build_filename (folder_b, "chia-se.certificate", NULL);
  g_autofree char *moved_picture = g_build_filename (folder_b, "giay-khen-thu.png", NULL);
  g_autofree char *kept = g_build_filename (user, "giay-khen-thu.certificate", NULL);
  g_autofree char *kept_picture = g_build_filename (user, "giay-khen-thu.png", NULL);
  g_autofree char *background = NULL;
  g_autoptr (AwardsCertificateTemplate) template = NULL;
  g_autoptr (AwardsCertificateTemplate) imported = NULL;
  g_autoptr (AwardsCertificateTemplate) reread = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (scans, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (folder_a, 0700), ==, 0);
  g_file_set_contents (scan, picture_bytes, sizeof picture_bytes - 1, &error);
  g_assert_no_error (error);
  original = write_template (scans, "mine.certificate", scan);
  template = awards_certificate_template_load (original, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (template->background, ==, scan);

  g_assert_true (awards_certificate_template_export (template, exported, &error));
  g_assert_no_error (error);
  /* The picture beside the file, named after the template, and named relative to it. */
  assert_same_bytes (exported_picture);
  background = read_background_key (exported);
  g_assert_cmpstr (background, ==, "giay-khen-thu.png");
  /* The template being edited is not changed by exporting it. */
  g_assert_cmpstr (template->background, ==, scan);

  /* Another office: the folder arrives under another name, the scan is not on this machine. */
  g_assert_cmpint (g_rename (folder_a, folder_b), ==, 0);
  g_assert_cmpint (g_unlink (scan), ==, 0);

  imported = awards_certificate_template_import (moved, user, &error);
  g_assert_no_error (error);
  g_assert_nonnull (imported);
  g_assert_cmpstr (imported->path, ==, kept);
  g_assert_cmpstr (imported->background, ==, kept_picture);
  assert_same_bytes (kept_picture);
  g_clear_pointer (&background, g_free);
  background = read_background_key (kept);
  g_assert_cmpstr (background, ==, "giay-khen-thu.png");

  /* Read back as the designer reads the user's folder: the picture is found. */
  reread = awards_certificate_template_load (kept, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (reread->background, ==, kept_picture);
  g_assert_true (g_file_test (reread->background, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpfloat (reread->fields[AWARDS_CERTIFICATE_FIELD_NAME].x, ==, 40);
  /* The file imported from stays as it was. */
  assert_same_bytes (moved_picture);

  awards_test_remove_tree (top);
}

/* A file of an older version names its picture by an absolute path: imported on the same
 * machine, the picture is found and kept with the template. */
static void
test_import_old_absolute_path (void)
{
  g_autofree char *top = awards_test_make_dir ("test-certificate-exchange");
  g_autofree char *scan = g_build_filename (top, "scan.png", NULL);
  g_autofree char *incoming = g_build_filename (top, "incoming", NULL);
  g_autofree char *user = g_build_filename (top, "user", NULL);
  g_autofree char *kept_picture = g_build_filename (user, "giay-khen-thu.png", NULL);
  g_autofree char *old = NULL;
  g_autoptr (AwardsCertificateTemplate) imported = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (incoming, 0700), ==, 0);
  g_file_set_contents (scan, picture_bytes, sizeof picture_bytes - 1, &error);
  g_assert_no_error (error);
  old = write_template (incoming, "old.certificate", scan);

  imported = awards_certificate_template_import (old, user, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (imported->background, ==, kept_picture);
  assert_same_bytes (kept_picture);

  awards_test_remove_tree (top);
}

/* An old file naming a picture of another machine is still imported: the template prints, and
 * keeps the name it had. */
static void
test_import_missing_picture (void)
{
  g_autofree char *top = awards_test_make_dir ("test-certificate-exchange");
  g_autofree char *user = g_build_filename (top, "user", NULL);
  g_autofree char *kept = g_build_filename (user, "giay-khen-thu.certificate", NULL);
  g_autofree char *old = write_template (top, "old.certificate",
                                         "/nonexistent/another-office/scan.png");
  g_autofree char *background = NULL;
  g_autoptr (AwardsCertificateTemplate) imported = NULL;
  g_autoptr (GError) error = NULL;

  imported = awards_certificate_template_import (old, user, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (imported->background, ==, "/nonexistent/another-office/scan.png");
  background = read_background_key (kept);
  g_assert_cmpstr (background, ==, "/nonexistent/another-office/scan.png");

  awards_test_remove_tree (top);
}

/* A picture that cannot be read stops the export with the picture named, and nothing written. */
static void
test_export_unreadable_picture (void)
{
  g_autofree char *top = awards_test_make_dir ("test-certificate-exchange");
  g_autofree char *target = g_build_filename (top, "out.certificate", NULL);
  g_autoptr (AwardsCertificateTemplate) template = awards_certificate_template_new ();
  g_autoptr (GError) error = NULL;

  template->name = g_strdup ("giay-khen-thu");
  template->background = g_build_filename (top, "missing-scan.png", NULL);
  g_assert_false (awards_certificate_template_export (template, target, &error));
  g_assert_error (error, AWARDS_REPORT_ERROR, AWARDS_REPORT_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "missing-scan.png"));
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));

  awards_test_remove_tree (top);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/certificate-exchange/export-move-import", test_export_move_import);
  g_test_add_func ("/certificate-exchange/import-old-absolute-path",
                   test_import_old_absolute_path);
  g_test_add_func ("/certificate-exchange/import-missing-picture", test_import_missing_picture);
  g_test_add_func ("/certificate-exchange/export-unreadable-picture",
                   test_export_unreadable_picture);

  return g_test_run ();
}
