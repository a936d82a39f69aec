/* awards-fault-vfs.c: an SQLite VFS for the tests that fails the Nth write or sync, or loses
 * power there, as SQLite's own test harness does
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The shim wraps the default VFS ("unix") and is registered as the new default, so that every
 * connection the program opens by path goes through it without any hook in src/. Writes reach
 * the real file at once (reads must see them), but until the file is synced the shim keeps what
 * each write replaced: at a power loss it puts those bytes back and cuts the file to its size at
 * the last sync, which is what a disk that lost its cache would show. From the power loss on,
 * every write, sync, truncation and deletion fails and changes nothing, as in a dead machine,
 * until the test closes its connections and calls awards_fault_restore_power ().
 *
 * Allocation faults go through SQLite's own memory hooks (SQLITE_CONFIG_MALLOC) rather than the
 * VFS: that is where SQLite allocates, and it reaches every allocation, not only those of I/O.
 * GLib's own allocations are left alone: g_malloc () aborts on failure by design.
 */

#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "awards-fault-vfs.h"

typedef struct
{
  gint64  offset;
  GBytes *old;      /* what the write or truncation replaced, within the synced size */
} Undo;

typedef struct
{
  gboolean dirty;       /* changed since its last sync */
  gint64   synced_size;
  GArray  *undo;        /* of Undo, oldest first */
} FileHistory;

typedef struct
{
  sqlite3_file  base;
  sqlite3_file *real;
  char         *path;   /* NULL for a temporary file, which a power loss takes whole */
} ShimFile;

static GMutex lock;
static sqlite3_vfs *real_vfs;
static sqlite3_vfs shim_vfs;
static GHashTable *histories;    /* path → FileHistory */
static AwardsFaultKind armed_kind;
static guint armed_at;
static guint counts[AWARDS_FAULT_MALLOC + 1];
static gboolean fired;
static gboolean power_off;
static sqlite3_mem_methods real_mem;

static void
undo_clear (gpointer data)
{
  g_bytes_unref (((Undo *) data)->old);
}

static void
history_free (gpointer data)
{
  FileHistory *history = data;

  g_array_unref (history->undo);
  g_free (history);
}

static FileHistory *
history_for (const char *path)
{
  FileHistory *history = g_hash_table_lookup (histories, path);

  if (history == NULL)
    {
      history = g_new0 (FileHistory, 1);
      history->undo = g_array_new (FALSE, FALSE, sizeof (Undo));
      g_array_set_clear_func (history->undo, undo_clear);
      g_hash_table_insert (histories, g_strdup (path), history);
    }
  return history;
}

/* Counts one event of @kind; TRUE when it is the one to fail. Called with the lock held. */
static gboolean
count_event (AwardsFaultKind kind)
{
  counts[kind]++;
  if (armed_kind == AWARDS_FAULT_POWER_LOSS && kind == AWARDS_FAULT_SYNC &&
      counts[kind] == armed_at)
    {
      fired = TRUE;
      power_off = TRUE;
      return TRUE;
    }
  if (armed_kind == kind && counts[kind] == armed_at)
    {
      fired = TRUE;
      return TRUE;
    }
  return FALSE;
}

/* Keeps the bytes of [@offset, @offset + @length) that lie within the size the file had at its
 * last sync, before a write or truncation replaces them. */
static int
remember (ShimFile *file,
          gint64    offset,
          gint64    length)
{
  FileHistory *history;
  sqlite3_int64 size = 0;
  int rc;

  if (file->path == NULL)
    return SQLITE_OK;
  rc = file->real->pMethods->xFileSize (file->real, &size);
  if (rc != SQLITE_OK)
    return rc;
  history = history_for (file->path);
  if (!history->dirty)
    {
      history->dirty = TRUE;
      history->synced_size = size;
      g_array_set_size (history->undo, 0);
    }
  length = MIN (offset + length, MIN (size, history->synced_size)) - offset;
  if (length > 0)
    {
      guchar *old = g_malloc (length);
      Undo undo;

      rc = file->real->pMethods->xRead (file->real, old, (int) length, offset);
      if (rc != SQLITE_OK && rc != SQLITE_IOERR_SHORT_READ)
        {
          g_free (old);
          return rc;
        }
      undo.offset = offset;
      undo.old = g_bytes_new_take (old, length);
      g_array_append_val (history->undo, undo);
    }
  return SQLITE_OK;
}

static int
shim_close (sqlite3_file *base)
{
  ShimFile *file = (ShimFile *) base;
  int rc = file->real->pMethods->xClose (file->real);

  g_free (file->path);
  return rc;
}

static int
shim_read (sqlite3_file *base,
           void         *buffer,
           int           amount,
           sqlite3_int64 offset)
{
  ShimFile *file = (ShimFile *) base;

  return file->real->pMethods->xRead (file->real, buffer, amount, offset);
}

static int
shim_write (sqlite3_file *base,
            const void   *buffer,
            int           amount,
            sqlite3_int64 offset)
{
  ShimFile *file = (ShimFile *) base;
  int rc;

  g_mutex_lock (&lock);
  if (power_off || count_event (AWARDS_FAULT_WRITE))
    {
      g_mutex_unlock (&lock);
      return SQLITE_IOERR_WRITE;
    }
  rc = remember (file, offset, amount);
  g_mutex_unlock (&lock);
  if (rc != SQLITE_OK)
    return rc;
  return file->real->pMethods->xWrite (file->real, buffer, amount, offset);
}

static int
shim_truncate (sqlite3_file *base,
               sqlite3_int64 size)
{
  ShimFile *file = (ShimFile *) base;
  sqlite3_int64 old_size = 0;
  int rc;

  g_mutex_lock (&lock);
  if (power_off || count_event (AWARDS_FAULT_WRITE))
    {
      g_mutex_unlock (&lock);
      return SQLITE_IOERR_TRUNCATE;
    }
  rc = file->real->pMethods->xFileSize (file->real, &old_size);
  if (rc == SQLITE_OK && old_size > size)
    rc = remember (file, size, old_size - size);
  g_mutex_unlock (&lock);
  if (rc != SQLITE_OK)
    return rc;
  return file->real->pMethods->xTruncate (file->real, size);
}

static int
shim_sync (sqlite3_file *base,
           int           flags)
{
  ShimFile *file = (ShimFile *) base;
  int rc;

  g_mutex_lock (&lock);
  if (power_off || count_event (AWARDS_FAULT_SYNC))
    {
      g_mutex_unlock (&lock);
      return SQLITE_IOERR_FSYNC;
    }
  g_mutex_unlock (&lock);

  rc = file->real->pMethods->xSync (file->real, flags);
  if (rc == SQLITE_OK && file->path != NULL)
    {
      g_mutex_lock (&lock);
      history_for (file->path)->dirty = FALSE;
      g_array_set_size (history_for (file->path)->undo, 0);
      g_mutex_unlock (&lock);
    }
  return rc;
}

static int
shim_file_size (sqlite3_file  *base,
                sqlite3_int64 *size)
{
  ShimFile *file = (ShimFile *) base;

  return file->real->pMethods->xFileSize (file->real, size);
}

static int
shim_lock (sqlite3_file *base,
           int           level)
{
  ShimFile *file = (ShimFile *) base;

  return file->real->pMethods->xLock (file->real, level);
}

static int
shim_unlock (sqlite3_file *base,
             int           level)
{
  ShimFile *file = (ShimFile *) base;

  return file->real->pMethods->xUnlock (file->real, level);
}

static int
shim_check_reserved_lock (sqlite3_file *base,
                          int          *reserved)
{
  ShimFile *file = (ShimFile *) base;

  return file->real->pMethods->xCheckReservedLock (file->real, reserved);
}

static int
shim_file_control (sqlite3_file *base,
                   int           op,
                   void         *arg)
{
  ShimFile *file = (ShimFile *) base;

  return file->real->pMethods->xFileControl (file->real, op, arg);
}

static int
shim_sector_size (sqlite3_file *base)
{
  ShimFile *file = (ShimFile *) base;

  return file->real->pMethods->xSectorSize (file->real);
}

static int
shim_device_characteristics (sqlite3_file *base)
{
  ShimFile *file = (ShimFile *) base;

  /* Claims nothing about atomic or ordered writes, so SQLite takes every precaution. */
  return file->real->pMethods->xDeviceCharacteristics (file->real) &
         ~(SQLITE_IOCAP_ATOMIC | SQLITE_IOCAP_SAFE_APPEND | SQLITE_IOCAP_SEQUENTIAL |
           SQLITE_IOCAP_POWERSAFE_OVERWRITE | SQLITE_IOCAP_BATCH_ATOMIC);
}

static int
shim_shm_map (sqlite3_file  *base,
              int            page,
              int            page_size,
              int            extend,
              void volatile **memory)
{
  ShimFile *file = (ShimFile *) base;

  return file->real->pMethods->xShmMap (file->real, page, page_size, extend, memory);
}

static int
shim_shm_lock (sqlite3_file *base,
               int           offset,
               int           n,
               int           flags)
{
  ShimFile *file = (ShimFile *) base;

  return file->real->pMethods->xShmLock (file->real, offset, n, flags);
}

static void
shim_shm_barrier (sqlite3_file *base)
{
  ShimFile *file = (ShimFile *) base;

  file->real->pMethods->xShmBarrier (file->real);
}

static int
shim_shm_unmap (sqlite3_file *base,
                int           delete_flag)
{
  ShimFile *file = (ShimFile *) base;

  return file->real->pMethods->xShmUnmap (file->real, delete_flag);
}

/* No memory-mapped reads: every page must come through xRead, where the shim sees it. */
static int
shim_fetch (sqlite3_file  *base,
            sqlite3_int64  offset,
            int            amount,
            void         **page)
{
  *page = NULL;
  return SQLITE_OK;
}

static int
shim_unfetch (sqlite3_file  *base,
              sqlite3_int64  offset,
              void          *page)
{
  return SQLITE_OK;
}

static const sqlite3_io_methods shim_io = {
  3,
  shim_close,
  shim_read,
  shim_write,
  shim_truncate,
  shim_sync,
  shim_file_size,
  shim_lock,
  shim_unlock,
  shim_check_reserved_lock,
  shim_file_control,
  shim_sector_size,
  shim_device_characteristics,
  shim_shm_map,
  shim_shm_lock,
  shim_shm_barrier,
  shim_shm_unmap,
  shim_fetch,
  shim_unfetch,
};

static int
shim_open (sqlite3_vfs  *vfs,
           const char   *name,
           sqlite3_file *base,
           int           flags,
           int          *out_flags)
{
  ShimFile *file = (ShimFile *) base;
  int rc;

  memset (file, 0, sizeof (ShimFile));
  g_mutex_lock (&lock);
  if (power_off)
    {
      g_mutex_unlock (&lock);
      return SQLITE_IOERR;
    }
  g_mutex_unlock (&lock);

  file->real = (sqlite3_file *) (file + 1);
  rc = real_vfs->xOpen (real_vfs, name, file->real, flags, out_flags);
  if (file->real->pMethods == NULL)
    return rc;
  file->path = (name != NULL && !(flags & SQLITE_OPEN_DELETEONCLOSE)) ? g_strdup (name) : NULL;
  base->pMethods = &shim_io;
  return rc;
}

static int
shim_delete (sqlite3_vfs *vfs,
             const char  *name,
             int          sync_dir)
{
  g_mutex_lock (&lock);
  if (power_off)
    {
      g_mutex_unlock (&lock);
      return SQLITE_IOERR_DELETE;
    }
  /* A deleted file's history goes with it: a new file of that name starts afresh. */
  g_hash_table_remove (histories, name);
  g_mutex_unlock (&lock);
  return real_vfs->xDelete (real_vfs, name, sync_dir);
}

static void *
fault_malloc (int size)
{
  gboolean fail;

  g_mutex_lock (&lock);
  fail = count_event (AWARDS_FAULT_MALLOC);
  g_mutex_unlock (&lock);
  return fail ? NULL : real_mem.xMalloc (size);
}

static void *
fault_realloc (void *old,
               int   size)
{
  gboolean fail;

  g_mutex_lock (&lock);
  fail = count_event (AWARDS_FAULT_MALLOC);
  g_mutex_unlock (&lock);
  return fail ? NULL : real_mem.xRealloc (old, size);
}

/**
 * awards_fault_install:
 *
 * Makes the shim SQLite's default VFS and routes its allocations through the fault counter.
 * Call it before anything in the process uses SQLite.
 */
void
awards_fault_install (void)
{
  sqlite3_mem_methods mem;

  g_assert_cmpint (sqlite3_config (SQLITE_CONFIG_GETMALLOC, &real_mem), ==, SQLITE_OK);
  mem = real_mem;
  mem.xMalloc = fault_malloc;
  mem.xRealloc = fault_realloc;
  g_assert_cmpint (sqlite3_config (SQLITE_CONFIG_MALLOC, &mem), ==, SQLITE_OK);
  /* SQLite's own allocation of its lookaside slots would hide small allocations from the hook. */
  g_assert_cmpint (sqlite3_config (SQLITE_CONFIG_LOOKASIDE, 0, 0), ==, SQLITE_OK);

  real_vfs = sqlite3_vfs_find (NULL);
  g_assert_nonnull (real_vfs);
  shim_vfs = *real_vfs;
  shim_vfs.zName = "awards-fault";
  shim_vfs.szOsFile = sizeof (ShimFile) + real_vfs->szOsFile;
  shim_vfs.pNext = NULL;
  shim_vfs.xOpen = shim_open;
  shim_vfs.xDelete = shim_delete;
  g_assert_cmpint (sqlite3_vfs_register (&shim_vfs, 1), ==, SQLITE_OK);

  histories = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, history_free);
}

/* Starts counting afresh; with @n > 0 the @n-th event of @kind fails (0: only count). */
void
awards_fault_arm (AwardsFaultKind kind,
                  guint           n)
{
  g_mutex_lock (&lock);
  armed_kind = kind;
  armed_at = n;
  memset (counts, 0, sizeof counts);
  fired = FALSE;
  g_mutex_unlock (&lock);
}

void
awards_fault_disarm (void)
{
  g_mutex_lock (&lock);
  armed_kind = AWARDS_FAULT_NONE;
  armed_at = 0;
  g_mutex_unlock (&lock);
}

gboolean
awards_fault_fired (void)
{
  gboolean result;

  g_mutex_lock (&lock);
  result = fired;
  g_mutex_unlock (&lock);
  return result;
}

guint
awards_fault_count (AwardsFaultKind kind)
{
  guint result;

  g_mutex_lock (&lock);
  result = counts[kind == AWARDS_FAULT_POWER_LOSS ? AWARDS_FAULT_SYNC : kind];
  g_mutex_unlock (&lock);
  return result;
}

gboolean
awards_fault_power_is_off (void)
{
  gboolean result;

  g_mutex_lock (&lock);
  result = power_off;
  g_mutex_unlock (&lock);
  return result;
}

/* Undoes, newest first, every write that no sync made durable, as the disk would show after the
 * power came back, then lets I/O work again. Every connection must be closed by then. */
void
awards_fault_restore_power (void)
{
  GHashTableIter iter;
  gpointer key, value;

  g_mutex_lock (&lock);
  g_hash_table_iter_init (&iter, histories);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      FileHistory *history = value;
      int fd;

      if (!history->dirty)
        continue;
      fd = open (key, O_WRONLY | O_CLOEXEC);
      if (fd >= 0)
        {
          for (guint i = history->undo->len; i > 0; i--)
            {
              Undo *undo = &g_array_index (history->undo, Undo, i - 1);
              gsize size;
              const guchar *data = g_bytes_get_data (undo->old, &size);

              g_assert_cmpint (pwrite (fd, data, size, undo->offset), ==, (gssize) size);
            }
          g_assert_cmpint (ftruncate (fd, history->synced_size), ==, 0);
          close (fd);
        }
    }
  g_hash_table_remove_all (histories);
  power_off = FALSE;
  armed_kind = AWARDS_FAULT_NONE;
  g_mutex_unlock (&lock);
}
