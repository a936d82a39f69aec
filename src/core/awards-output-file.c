/* awards-output-file.c: every file the program writes, written safely
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gio/gunixoutputstream.h>

#include "awards-output-file.h"

/*
 * Exports, reports, backups and kept copies hold people's personal data, and a mistyped or
 * hostile destination must never cost the record itself. So every file is written to a
 * temporary file in the destination's folder, synced, and renamed over the destination: until
 * the rename the old file is intact, and after it the new one is complete. A destination that
 * is an open database or one of its journal files (by device and inode, or by name when the
 * journal does not exist yet), a link to one, a device or a folder is refused with a sentence.
 * New files are private (0600) whatever the umask; a replaced file keeps its mode.
 */

struct _AwardsOutputFile
{
  char          *path;         /* what the caller named */
  char          *final_path;   /* where the content goes: the end of any chain of links */
  char          *temp_path;
  int            fd;
  GOutputStream *stream;
  mode_t         mode;
  gboolean       committed;
};

G_DEFINE_QUARK (awards-output-file-error-quark, awards_output_file_error)

static const char *const database_suffixes[] = { "", "-wal", "-shm", "-journal" };

static GMutex protected_lock;
static GHashTable *protected_databases;   /* path → number of stores open on it */

/**
 * awards_output_file_protect_database:
 * @database_path: a database file this process has just opened
 *
 * From now on no destination may be @database_path or one of its journal files.
 */
void
awards_output_file_protect_database (const char *database_path)
{
  guint count;

  g_return_if_fail (database_path != NULL);

  g_mutex_lock (&protected_lock);
  if (protected_databases == NULL)
    protected_databases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  count = GPOINTER_TO_UINT (g_hash_table_lookup (protected_databases, database_path));
  g_hash_table_insert (protected_databases, g_strdup (database_path),
                       GUINT_TO_POINTER (count + 1));
  g_mutex_unlock (&protected_lock);
}

/**
 * awards_output_file_unprotect_database:
 * @database_path: a database file this process closes
 */
void
awards_output_file_unprotect_database (const char *database_path)
{
  guint count;

  g_return_if_fail (database_path != NULL);

  g_mutex_lock (&protected_lock);
  if (protected_databases != NULL)
    {
      count = GPOINTER_TO_UINT (g_hash_table_lookup (protected_databases, database_path));
      if (count > 1)
        g_hash_table_insert (protected_databases, g_strdup (database_path),
                             GUINT_TO_POINTER (count - 1));
      else
        g_hash_table_remove (protected_databases, database_path);
    }
  g_mutex_unlock (&protected_lock);
}

/* The absolute name of @path with its folder resolved, whether or not @path itself exists. */
static char *
canonical_name (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *real_folder = realpath (folder, NULL);

  if (real_folder == NULL)
    {
      g_autofree char *absolute = g_canonicalize_filename (path, NULL);

      return g_steal_pointer (&absolute);
    }
  return g_build_filename (real_folder, base, NULL);
}

/* Follows a chain of symbolic links to the file that would really be written. */
static char *
follow_links (const char  *path,
              gboolean    *was_link,
              GError     **error)
{
  g_autofree char *current = g_strdup (path);
  GStatBuf info;

  *was_link = FALSE;
  for (guint hops = 0; hops < 40; hops++)
    {
      g_autofree char *target = NULL;
      g_autofree char *folder = NULL;

      if (g_lstat (current, &info) != 0 || !S_ISLNK (info.st_mode))
        return g_steal_pointer (&current);

      *was_link = TRUE;
      target = g_file_read_link (current, error);
      if (target == NULL)
        return NULL;
      folder = g_path_get_dirname (current);
      g_free (current);
      current = g_path_is_absolute (target) ? g_steal_pointer (&target)
                                            : g_build_filename (folder, target, NULL);
    }
  g_set_error (error, AWARDS_OUTPUT_FILE_ERROR, AWARDS_OUTPUT_FILE_ERROR_REFUSED,
               _("“%s” is a chain of links that does not end: choose another file."), path);
  return NULL;
}

/* Whether @final_path (existing with @info, or not) is a file of an open database. */
static char *
find_database_file (const char    *final_path,
                    const GStatBuf *info,
                    gboolean       *is_main)
{
  g_autofree char *name = canonical_name (final_path);
  GHashTableIter iter;
  gpointer key;
  char *found = NULL;

  g_mutex_lock (&protected_lock);
  if (protected_databases != NULL)
    {
      g_hash_table_iter_init (&iter, protected_databases);
      while (found == NULL && g_hash_table_iter_next (&iter, &key, NULL))
        {
          const char *database = key;
          g_autofree char *resolved = realpath (database, NULL);
          g_autofree char *spelled = canonical_name (database);

          for (guint i = 0; found == NULL && i < G_N_ELEMENTS (database_suffixes); i++)
            {
              /* SQLite names the journals after the resolved database file; the name as given
               * is checked too, for a journal that does not exist yet. */
              g_autofree char *side = g_strconcat (resolved != NULL ? resolved : spelled,
                                                   database_suffixes[i], NULL);
              g_autofree char *side_spelled = g_strconcat (spelled, database_suffixes[i], NULL);
              GStatBuf side_info;

              if (g_str_equal (name, side) || g_str_equal (name, side_spelled) ||
                  (info != NULL && g_stat (side, &side_info) == 0 &&
                   side_info.st_dev == info->st_dev && side_info.st_ino == info->st_ino))
                {
                  found = g_strdup (database);
                  *is_main = i == 0;
                }
            }
        }
    }
  g_mutex_unlock (&protected_lock);
  return found;
}

static gboolean
check_destination (const char  *path,
                   char       **final_path_out,
                   GStatBuf    *info_out,
                   gboolean    *exists_out,
                   GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *final_path = NULL;
  g_autofree char *database = NULL;
  gboolean was_link = FALSE;
  gboolean is_main = FALSE;
  gboolean exists;
  GStatBuf info;

  final_path = follow_links (path, &was_link, error);
  if (final_path == NULL)
    return FALSE;
  exists = g_lstat (final_path, &info) == 0;

  database = find_database_file (final_path, exists ? &info : NULL, &is_main);
  if (database != NULL)
    {
      g_autofree char *display_database = g_filename_display_name (database);

      if (was_link)
        g_set_error (error, AWARDS_OUTPUT_FILE_ERROR, AWARDS_OUTPUT_FILE_ERROR_REFUSED,
                     _("“%s” is a link to the open database “%s” or one of its files: "
                       "choose another file."), display, display_database);
      else if (is_main)
        g_set_error (error, AWARDS_OUTPUT_FILE_ERROR, AWARDS_OUTPUT_FILE_ERROR_REFUSED,
                     _("“%s” is the open database itself: choose another file."), display);
      else
        g_set_error (error, AWARDS_OUTPUT_FILE_ERROR, AWARDS_OUTPUT_FILE_ERROR_REFUSED,
                     _("“%s” is a working file of the open database “%s”: choose another "
                       "file."), display, display_database);
      return FALSE;
    }

  if (exists && S_ISDIR (info.st_mode))
    {
      g_set_error (error, AWARDS_OUTPUT_FILE_ERROR, AWARDS_OUTPUT_FILE_ERROR_REFUSED,
                   _("“%s” is a folder: name a file in it."), display);
      return FALSE;
    }
  if (exists && !S_ISREG (info.st_mode))
    {
      g_set_error (error, AWARDS_OUTPUT_FILE_ERROR, AWARDS_OUTPUT_FILE_ERROR_REFUSED,
                   _("“%s” is a device or another special file, not an ordinary file: choose "
                     "another file."), display);
      return FALSE;
    }

  if (final_path_out != NULL)
    *final_path_out = g_steal_pointer (&final_path);
  if (info_out != NULL)
    *info_out = info;
  if (exists_out != NULL)
    *exists_out = exists;
  return TRUE;
}

/**
 * awards_output_file_check:
 * @path: a destination the user named
 * @error: where to put the sentence that says why it is refused
 *
 * Returns: whether @path may be written: it is not an open database or one of its files, nor a
 *   link to one, nor a device or a folder
 */
gboolean
awards_output_file_check (const char  *path,
                          GError     **error)
{
  g_return_val_if_fail (path != NULL, FALSE);

  return check_destination (path, NULL, NULL, NULL, error);
}

static void
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);

  /* The I/O domain, as the writers before this helper reported, for callers that tell a
   * missing folder from a full disk. */
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Could not write “%s”: %s"), display, g_strerror (saved_errno));
}

/**
 * awards_output_file_new:
 * @path: the destination
 * @error: where to put the error
 *
 * Checks @path and creates the temporary file that will replace it. Write through
 * awards_output_file_get_stream () or to awards_output_file_get_temp_path (), then call
 * awards_output_file_commit (); freeing without committing leaves @path as it was.
 *
 * Returns: (transfer full) (nullable): the output file
 */
AwardsOutputFile *
awards_output_file_new (const char  *path,
                        GError     **error)
{
  g_autoptr(AwardsOutputFile) self = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *base = NULL;
  GStatBuf info;
  gboolean exists = FALSE;
  mode_t mode = 0600;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_new0 (AwardsOutputFile, 1);
  self->fd = -1;
  self->path = g_strdup (path);
  if (!check_destination (path, &self->final_path, &info, &exists, error))
    return NULL;

  folder = g_path_get_dirname (self->final_path);
  base = g_path_get_basename (self->final_path);
  self->temp_path = g_strdup_printf ("%s%c.%s.XXXXXX", folder, G_DIR_SEPARATOR, base);
  self->fd = g_mkstemp_full (self->temp_path, O_RDWR | O_CLOEXEC, 0600);
  if (self->fd < 0)
    {
      set_errno_error (error, errno, path);
      g_clear_pointer (&self->temp_path, g_free);
      return NULL;
    }

  /* The umask decides nothing here: a new file is private, a replaced one keeps its mode. */
  if (exists)
    mode = info.st_mode & 07777;
  self->mode = mode;
  if (fchmod (self->fd, mode) != 0)
    {
      set_errno_error (error, errno, path);
      return NULL;
    }
  return g_steal_pointer (&self);
}

/**
 * awards_output_file_get_temp_path:
 *
 * Returns: the temporary file, for writers that want a file name (SQLite, xlsxwriter)
 */
const char *
awards_output_file_get_temp_path (AwardsOutputFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->temp_path;
}

/**
 * awards_output_file_get_path:
 *
 * Returns: the destination as the caller named it
 */
const char *
awards_output_file_get_path (AwardsOutputFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->path;
}

/**
 * awards_output_file_get_stream:
 *
 * Returns: (transfer none): a stream into the temporary file
 */
GOutputStream *
awards_output_file_get_stream (AwardsOutputFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->stream == NULL)
    self->stream = g_unix_output_stream_new (self->fd, FALSE);
  return self->stream;
}

/**
 * awards_output_file_commit:
 * @error: where to put the error
 *
 * Syncs the temporary file and renames it over the destination.
 *
 * Returns: %TRUE when the destination now holds the new content
 */
gboolean
awards_output_file_commit (AwardsOutputFile  *self,
                           GError           **error)
{
  g_autofree char *folder = NULL;
  int folder_fd;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->committed, FALSE);

  if (self->stream != NULL && !g_output_stream_flush (self->stream, NULL, error))
    return FALSE;
  if (fsync (self->fd) != 0)
    {
      set_errno_error (error, errno, self->path);
      return FALSE;
    }
  /* A writer given the temporary file's name (GTK's file printer) may have replaced it with a
   * file of its own: the mode is made right again by name. */
  if (g_chmod (self->temp_path, self->mode) != 0)
    {
      set_errno_error (error, errno, self->path);
      return FALSE;
    }
  /* The destination may have changed while the content was written. */
  if (!check_destination (self->path, NULL, NULL, NULL, error))
    return FALSE;
  if (g_rename (self->temp_path, self->final_path) != 0)
    {
      set_errno_error (error, errno, self->path);
      return FALSE;
    }
  self->committed = TRUE;

  /* The rename itself is on disk only once the folder is synced. */
  folder = g_path_get_dirname (self->final_path);
  folder_fd = open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (folder_fd >= 0)
    {
      fsync (folder_fd);
      close (folder_fd);
    }
  return TRUE;
}

/**
 * awards_output_file_free:
 *
 * Closes the file; without a commit, the temporary file is removed and the destination is
 * left as it was.
 */
void
awards_output_file_free (AwardsOutputFile *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->stream);
  if (self->fd >= 0)
    close (self->fd);
  if (!self->committed && self->temp_path != NULL)
    g_unlink (self->temp_path);
  g_free (self->temp_path);
  g_free (self->final_path);
  g_free (self->path);
  g_free (self);
}

/**
 * awards_output_file_create_private:
 * @path: a file that SQLite is about to create
 * @error: where to put the error
 *
 * Creates @path empty and private (0600) when it does not exist, so that SQLite, which creates
 * files world-readable under the usual umask, opens it as it is. An empty file is an empty
 * database to SQLite, and its journal files take its mode.
 *
 * Returns: %TRUE when @path exists now
 */
gboolean
awards_output_file_create_private (const char  *path,
                                   GError     **error)
{
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);

  fd = open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      if (errno == EEXIST)
        return TRUE;
      set_errno_error (error, errno, path);
      return FALSE;
    }
  fchmod (fd, 0600);
  close (fd);
  return TRUE;
}
