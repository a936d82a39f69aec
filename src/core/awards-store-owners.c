/* awards-store-owners.c: who has a database open, and restore's exclusive hold on it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "awards-output-file.h"
#include "awards-store.h"
#include "awards-store-owners.h"

/*
 * Every process that opens a database registers in a folder beside it, `DATABASE-owners`: it
 * holds a shared flock () on `lock` for as long as the database is open, and leaves a small
 * record (program, user, host, process, since) that restore uses to name it. Restore takes the
 * same lock exclusively, from the copy it keeps of the old database to the end, so no process
 * can open the database or write to it in between; an opener that finds the lock taken waits
 * for the restore to end.
 *
 * Why a folder beside the database and not a lock row inside it (as GnuCash keeps): a row needs
 * a write transaction, which a reader on a read-only file, or one reading while a long import
 * holds the write lock, cannot have; and the row of a process that was killed stays behind.
 * The kernel drops a flock () when its process ends, however it ends, so the lock itself is
 * never stale; a record of a dead process on this host is ignored and removed. Where the folder
 * cannot be written (read-only media), an opener goes unregistered: nothing there can be
 * restored either, since a restore must write the database and keep a copy beside it.
 */

#define OPEN_WAIT_USEC (15 * G_USEC_PER_SEC)

struct _AwardsOwner
{
  char     *database_path;
  char     *folder;
  char     *record_path;
  char     *restored_seen;
  int       lock_fd;
  gboolean  protected;
};

static char *
owners_folder (const char *database_path)
{
  return g_strconcat (database_path, "-owners", NULL);
}

static int
open_lock (const char *folder)
{
  g_autofree char *lock_path = g_build_filename (folder, "lock", NULL);

  if (g_mkdir (folder, 0700) != 0 && errno != EEXIST)
    return -1;
  return open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
}

static char *
read_restored_stamp (const char *folder)
{
  g_autofree char *path = g_build_filename (folder, "restored", NULL);
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return g_strdup ("");
  return contents;
}

static void
write_record (AwardsOwner *self,
              const char  *program)
{
  static gint counter;
  g_autoptr(GKeyFile) record = g_key_file_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *since = g_date_time_format (now, "%Y-%m-%d %H:%M:%S");
  g_autofree char *name = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_key_file_set_string (record, "Owner", "Program", program);
  g_key_file_set_string (record, "Owner", "User", g_get_user_name ());
  g_key_file_set_string (record, "Owner", "Host", g_get_host_name ());
  g_key_file_set_int64 (record, "Owner", "Pid", getpid ());
  g_key_file_set_string (record, "Owner", "Since", since);
  contents = g_key_file_to_data (record, &length, NULL);

  /* Several stores of one process (the tests, a copy between databases) each have a record. */
  name = g_strdup_printf ("%s-%d-%d", g_get_host_name (), (int) getpid (),
                          g_atomic_int_add (&counter, 1));
  self->record_path = g_build_filename (self->folder, name, NULL);
  if (!g_file_set_contents_full (self->record_path, contents, length,
                                 G_FILE_SET_CONTENTS_NONE, 0600, NULL))
    g_clear_pointer (&self->record_path, g_free);
}

static AwardsOwner *
owner_new (const char *database_path)
{
  AwardsOwner *self = g_new0 (AwardsOwner, 1);

  self->database_path = g_strdup (database_path);
  self->folder = owners_folder (database_path);
  self->lock_fd = -1;
  return self;
}

static const char *
program_name (void)
{
  return g_get_prgname () != NULL ? g_get_prgname () : "coop-awards";
}

/**
 * awards_owner_describe_others:
 * @database_path: a database
 * @self: (nullable): the caller's own registration, which is left out
 *
 * Returns: (nullable): the processes that have @database_path open, as a phrase
 */
char *
awards_owner_describe_others (const char  *database_path,
                              AwardsOwner *self)
{
  g_autofree char *folder = owners_folder (database_path);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GString) others = g_string_new (NULL);
  const char *name;

  if (dir == NULL)
    return NULL;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autoptr(GKeyFile) record = g_key_file_new ();
      g_autofree char *program = NULL;
      g_autofree char *user = NULL;
      g_autofree char *host = NULL;
      g_autofree char *since = NULL;
      gint64 pid;

      if (g_str_equal (name, "lock") || g_str_equal (name, "restored") ||
          (self != NULL && g_strcmp0 (path, self->record_path) == 0) ||
          !g_key_file_load_from_file (record, path, G_KEY_FILE_NONE, NULL))
        continue;
      program = g_key_file_get_string (record, "Owner", "Program", NULL);
      user = g_key_file_get_string (record, "Owner", "User", NULL);
      host = g_key_file_get_string (record, "Owner", "Host", NULL);
      since = g_key_file_get_string (record, "Owner", "Since", NULL);
      pid = g_key_file_get_int64 (record, "Owner", "Pid", NULL);
      if (program == NULL || host == NULL || pid <= 0)
        continue;

      /* A process that was killed could not remove its record. */
      if (g_str_equal (host, g_get_host_name ()) && kill ((pid_t) pid, 0) != 0 &&
          errno == ESRCH)
        {
          g_unlink (path);
          continue;
        }

      if (others->len > 0)
        g_string_append (others, "; ");
      g_string_append_printf (others, _("%s (user %s on %s, process %d, since %s)"),
                              program, user != NULL ? user : "?", host, (int) pid,
                              since != NULL ? since : "?");
    }
  if (others->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&others), FALSE);
}

/**
 * awards_owner_register:
 * @database_path: the database being opened
 * @error: where to put the error
 *
 * Records that this process has @database_path open. While a restore holds the database, this
 * waits for it to end, and says so if it does not end soon.
 *
 * Returns: (transfer full) (nullable): the registration; unregister it on closing
 */
AwardsOwner *
awards_owner_register (const char  *database_path,
                       GError     **error)
{
  g_autoptr(AwardsOwner) self = NULL;
  gint64 deadline = g_get_monotonic_time () + OPEN_WAIT_USEC;

  g_return_val_if_fail (database_path != NULL, NULL);

  self = owner_new (database_path);
  awards_output_file_protect_database (database_path);
  self->protected = TRUE;

  self->lock_fd = open_lock (self->folder);
  if (self->lock_fd < 0)
    return g_steal_pointer (&self);

  while (flock (self->lock_fd, LOCK_SH | LOCK_NB) != 0)
    {
      if (errno != EWOULDBLOCK && errno != EINTR)
        return g_steal_pointer (&self);
      if (g_get_monotonic_time () > deadline)
        {
          g_autofree char *holder = awards_owner_describe_others (database_path, self);

          g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_BUSY,
                       _("“%s” is being restored from a backup by %s; try again when it has "
                         "finished."), database_path,
                       holder != NULL ? holder : _("another program"));
          return NULL;
        }
      g_usleep (20 * 1000);
    }

  write_record (self, program_name ());
  self->restored_seen = read_restored_stamp (self->folder);
  return g_steal_pointer (&self);
}

/**
 * awards_owner_take_restored:
 *
 * Returns: %TRUE once after another process restored the database over this one's
 */
gboolean
awards_owner_take_restored (AwardsOwner *self)
{
  g_autofree char *stamp = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->lock_fd < 0)
    return FALSE;
  stamp = read_restored_stamp (self->folder);
  if (g_strcmp0 (stamp, self->restored_seen) == 0)
    return FALSE;
  g_free (self->restored_seen);
  self->restored_seen = g_steal_pointer (&stamp);
  return TRUE;
}

/**
 * awards_store_take_restored:
 * @store: an #AwardsStore
 *
 * Returns: %TRUE once after another process restored the store's database over it: what the
 *   window shows must be read again
 */
gboolean
awards_store_take_restored (gpointer store)
{
  AwardsOwner *self;

  g_return_val_if_fail (AWARDS_IS_STORE (store), FALSE);

  self = g_object_get_data (G_OBJECT (store), "awards-owner");
  return self != NULL && awards_owner_take_restored (self);
}

/**
 * awards_owner_take_exclusive:
 * @database_path: the database to restore
 * @force: go on although other processes have it open
 * @error: where to put the error
 *
 * Returns: (transfer full) (nullable): the hold; unregister it when the restore is over
 */
AwardsOwner *
awards_owner_take_exclusive (const char  *database_path,
                             gboolean     force,
                             GError     **error)
{
  g_autoptr(AwardsOwner) self = NULL;

  g_return_val_if_fail (database_path != NULL, NULL);

  self = owner_new (database_path);
  self->lock_fd = open_lock (self->folder);
  if (self->lock_fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_READ_ONLY,
                   _("Could not restore “%s”: its folder cannot be written (%s)."),
                   database_path, g_strerror (saved_errno));
      return NULL;
    }

  if (flock (self->lock_fd, LOCK_EX | LOCK_NB) != 0)
    {
      g_autofree char *others = awards_owner_describe_others (database_path, self);

      if (!force)
        {
          g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_BUSY,
                       _("“%s” is in use by %s. Close it there first, or restore anyway "
                         "and have those programs reload it."), database_path,
                       others != NULL ? others : _("another program"));
          return NULL;
        }
      /* Forced: the others keep their connections, and see the restored file through them. */
    }

  write_record (self, program_name ());
  return g_steal_pointer (&self);
}

/**
 * awards_owner_mark_restored:
 *
 * Tells the other processes that have the database open that it was restored.
 */
void
awards_owner_mark_restored (AwardsOwner *self)
{
  g_autofree char *path = NULL;
  g_autofree char *stamp = NULL;

  g_return_if_fail (self != NULL);

  path = g_build_filename (self->folder, "restored", NULL);
  stamp = g_strdup_printf ("%" G_GINT64_FORMAT " %d\n", g_get_real_time (), (int) getpid ());
  g_file_set_contents_full (path, stamp, -1, G_FILE_SET_CONTENTS_NONE, 0600, NULL);
}

/**
 * awards_owner_is_last:
 * @self: (nullable): the process's registration, or %NULL for none
 *
 * Whether no other process has the database open, by the owners' lock: this process's shared
 * hold is let go and the lock taken whole, which only succeeds when nobody else holds it; it
 * is then kept until awards_owner_unregister (), so that nobody opens the database meanwhile.
 * Otherwise the shared hold is taken back. A process that could not register cannot tell.
 */
gboolean
awards_owner_is_last (AwardsOwner *self)
{
  int fd;

  if (self == NULL || self->lock_fd < 0)
    return FALSE;
  fd = open_lock (self->folder);
  if (fd < 0)
    return FALSE;
  close (self->lock_fd);
  self->lock_fd = fd;
  if (flock (fd, LOCK_EX | LOCK_NB) == 0)
    return TRUE;
  flock (fd, LOCK_SH | LOCK_NB);
  return FALSE;
}

/**
 * awards_owner_unregister:
 *
 * Removes the record and releases the lock.
 */
void
awards_owner_unregister (AwardsOwner *self)
{
  if (self == NULL)
    return;

  if (self->record_path != NULL)
    g_unlink (self->record_path);
  if (self->lock_fd >= 0)
    close (self->lock_fd);
  if (self->protected)
    awards_output_file_unprotect_database (self->database_path);
  g_free (self->restored_seen);
  g_free (self->record_path);
  g_free (self->folder);
  g_free (self->database_path);
  g_free (self);
}
