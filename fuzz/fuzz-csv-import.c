/* fuzz-csv-import.c: libFuzzer target for the CSV reader and the importer's row checks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each input is imported, as a file would be, into one database in a temporary folder that
 * lives as long as the fuzzer (in memory where /dev/shm exists: every commit syncs). One input in
 * eight (by its first byte) is written; the others are dry runs, which check every row the same
 * way without the commit, so that the fuzzer tries many more inputs. Whatever the bytes, the import must end with TRUE or a GError,
 * never a crash, a leak or undefined behaviour.
 */

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <stdint.h>
#include <stdlib.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "awards-importer.h"
#include "awards-store.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static AwardsStore *store;
static char *dir;

static void
remove_dir (void)
{
  g_autoptr (GDir) listing = NULL;
  const char *name;

  g_clear_object (&store);
  listing = g_dir_open (dir, 0, NULL);
  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  setlocale (LC_ALL, "C.UTF-8");
  if (g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR))
    dir = g_mkdtemp (g_build_filename ("/dev/shm", "fuzz-csv-import-XXXXXX", NULL));
  else
    dir = g_dir_make_tmp ("fuzz-csv-import-XXXXXX", &error);
  if (dir == NULL)
    g_error ("%s", error != NULL ? error->message : g_strerror (errno));
  path = g_build_filename (dir, "awards.db", NULL);
  store = awards_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  atexit (remove_dir);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (AwardsImporter) importer = awards_importer_new (store);
  g_autoptr (GInputStream) stream = NULL;
  g_autoptr (GError) error = NULL;
  gboolean ok;

  awards_importer_set_dry_run (importer, size == 0 || (data[0] & 7) != 0);
  stream = g_memory_input_stream_new_from_data (data, size, NULL);
  ok = awards_importer_import_stream (importer, stream, size, "fuzz.csv", NULL, &error);
  /* Either it worked, or it says why, with a message that names the file. */
  if (ok != (error == NULL))
    abort ();
  if (error != NULL && error->message[0] == '\0')
    abort ();
  return 0;
}
