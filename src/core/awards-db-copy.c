/* awards-db-copy.c: copying a whole database between any two backends, verified
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "awards-db-copy.h"
#include "awards-search-id.h"
#include "awards-db-schema.h"
#include "awards-schema-pg.h"
#include "awards-store.h"

/* The tables that hold what clerks entered; a destination that has rows in any of them is not
 * empty. (The others hold the catalogue and settings that a new database starts with.) */
static const char *const record_tables[] = {
  "organisation", "person", "decision", "commendation", "audit_log", "annual_rating",
  "initiative", NULL
};

static void
hash_value (GChecksum    *row,
            AwardsDbStmt *stmt,
            int           column)
{
  char prefix[48];
  const guint8 *data;
  gsize size = 0;

  /* A tag and a length before each value, so that no two rows serialise alike. */
  switch (awards_db_stmt_column_type (stmt, column))
    {
    case AWARDS_DB_NULL:
      g_checksum_update (row, (const guchar *) "N;", 2);
      return;
    case AWARDS_DB_INTEGER:
      g_snprintf (prefix, sizeof prefix, "I%" G_GINT64_FORMAT ";",
                  awards_db_stmt_column_int64 (stmt, column));
      g_checksum_update (row, (const guchar *) prefix, -1);
      return;
    case AWARDS_DB_FLOAT:
      g_snprintf (prefix, sizeof prefix, "F%.17g;", awards_db_stmt_column_double (stmt, column));
      g_checksum_update (row, (const guchar *) prefix, -1);
      return;
    case AWARDS_DB_BLOB:
      data = awards_db_stmt_column_blob (stmt, column, &size);
      g_snprintf (prefix, sizeof prefix, "B%" G_GSIZE_FORMAT ":", size);
      break;
    case AWARDS_DB_TEXT:
    default:
      data = (const guint8 *) awards_db_stmt_column_text (stmt, column);
      size = data != NULL ? strlen ((const char *) data) : 0;
      g_snprintf (prefix, sizeof prefix, "T%" G_GSIZE_FORMAT ":", size);
      break;
    }
  g_checksum_update (row, (const guchar *) prefix, -1);
  if (size > 0)
    g_checksum_update (row, data, size);
}

static int
compare_digests (gconstpointer a,
                 gconstpointer b)
{
  return memcmp (a, b, 32);
}

char *
awards_db_checksum (AwardsDb  *db,
                    gint64    *rows,
                    GError   **error)
{
  g_autoptr(GChecksum) whole = g_checksum_new (G_CHECKSUM_SHA256);
  const char *const *tables = awards_schema_pg_tables ();
  GError *local_error = NULL;

  *rows = 0;
  for (guint t = 0; tables[t] != NULL; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", tables[t]);
      g_autoptr(AwardsDbStmt) stmt = awards_db_prepare_streaming (db, sql, error);
      g_autoptr(GByteArray) digests = g_byte_array_new ();
      g_autoptr(GChecksum) row = g_checksum_new (G_CHECKSUM_SHA256);
      char header[128];
      guint n = 0;

      if (stmt == NULL)
        return NULL;
      /* Rows are compared whatever order a backend returns them in: each row's digest, sorted. */
      while (awards_db_stmt_step (stmt, &local_error))
        {
          guint8 digest[32];
          gsize length = sizeof digest;

          g_checksum_reset (row);
          for (int c = 0; c < awards_db_stmt_column_count (stmt); c++)
            hash_value (row, stmt, c);
          g_checksum_get_digest (row, digest, &length);
          g_byte_array_append (digests, digest, sizeof digest);
          n++;
        }
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return NULL;
        }
      if (n > 0)
        qsort (digests->data, n, 32, compare_digests);
      g_snprintf (header, sizeof header, "%s:%u;", tables[t], n);
      g_checksum_update (whole, (const guchar *) header, -1);
      g_checksum_update (whole, digests->data, digests->len);
      *rows += n;
    }
  return g_strdup (g_checksum_get_string (whole));
}

static gboolean
has_records (AwardsDb  *db,
             gboolean  *any,
             GError   **error)
{
  *any = FALSE;
  for (guint t = 0; record_tables[t] != NULL; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM \"%s\" LIMIT 1", record_tables[t]);
      g_autoptr(AwardsDbStmt) stmt = awards_db_prepare (db, sql, error);
      GError *local_error = NULL;

      if (stmt == NULL)
        return FALSE;
      if (awards_db_stmt_step (stmt, &local_error))
        *any = TRUE;
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
copy_table (AwardsDb    *source,
            AwardsDb    *dest,
            const char  *table,
            gint64      *rows,
            GError     **error)
{
  g_autofree char *select = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY 1", table);
  g_autofree char *clear = g_strdup_printf ("DELETE FROM \"%s\"", table);
  g_autoptr(AwardsDbStmt) stmt = NULL;
  g_autoptr(GPtrArray) columns = NULL;
  AwardsDbInsert *insert = NULL;
  GError *local_error = NULL;

  /* What a new database starts with (the catalogue, the staff classes) gives way to the
   * source's own; the record tables were found empty (and the history may not be deleted). */
  if (!g_strv_contains (record_tables, table) && !awards_db_exec (dest, clear, error))
    return FALSE;

  stmt = awards_db_prepare_streaming (source, select, error);
  if (stmt == NULL)
    return FALSE;
  while (awards_db_stmt_step (stmt, &local_error))
    {
      int n = awards_db_stmt_column_count (stmt);

      if (insert == NULL)
        {
          columns = g_ptr_array_new ();
          for (int c = 0; c < n; c++)
            g_ptr_array_add (columns, (gpointer) awards_db_stmt_column_name (stmt, c));
          g_ptr_array_add (columns, NULL);
          insert = awards_db_insert_begin (dest, table, (const char *const *) columns->pdata,
                                           &local_error);
          if (insert == NULL)
            break;
        }
      for (int c = 0; c < n; c++)
        {
          const guint8 *data;
          gsize size;

          switch (awards_db_stmt_column_type (stmt, c))
            {
            case AWARDS_DB_NULL:
              awards_db_insert_null (insert);
              break;
            case AWARDS_DB_INTEGER:
              awards_db_insert_int64 (insert, awards_db_stmt_column_int64 (stmt, c));
              break;
            case AWARDS_DB_FLOAT:
              awards_db_insert_double (insert, awards_db_stmt_column_double (stmt, c));
              break;
            case AWARDS_DB_BLOB:
              data = awards_db_stmt_column_blob (stmt, c, &size);
              awards_db_insert_blob (insert, data, size);
              break;
            case AWARDS_DB_TEXT:
            default:
              awards_db_insert_text (insert, awards_db_stmt_column_text (stmt, c));
              break;
            }
        }
      if (!awards_db_insert_end_row (insert, &local_error))
        break;
      (*rows)++;
    }
  if (insert != NULL)
    {
      if (local_error != NULL)
        awards_db_insert_finish (insert, NULL);
      else
        awards_db_insert_finish (insert, &local_error);
    }
  if (local_error != NULL)
    {
      g_propagate_prefixed_error (error, local_error, _("Copying the table %s: "), table);
      return FALSE;
    }
  return TRUE;
}

/* Rows were written with their ids: the server's id counters go on after the highest. */
static gboolean
reset_id_counters (AwardsDb  *dest,
                   GError   **error)
{
  g_autoptr(AwardsDbStmt) tables =
    awards_db_prepare (dest, "SELECT table_name FROM information_schema.columns"
                             " WHERE table_schema = current_schema () AND column_name = 'id'"
                             " AND is_identity = 'YES'", error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GError *local_error = NULL;

  if (tables == NULL)
    return FALSE;
  while (awards_db_stmt_step (tables, &local_error))
    g_ptr_array_add (names, g_strdup (awards_db_stmt_column_text (tables, 0)));
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  for (guint i = 0; i < names->len; i++)
    {
      const char *table = names->pdata[i];
      g_autofree char *sql =
        g_strdup_printf ("SELECT setval (pg_get_serial_sequence ('\"%s\"', 'id'),"
                         " coalesce ((SELECT max (id) FROM \"%s\"), 1),"
                         " (SELECT max (id) FROM \"%s\") IS NOT NULL)", table, table, table);

      if (!awards_db_exec (dest, sql, error))
        return FALSE;
    }
  return TRUE;
}

/* A new file for the copy, made private beside where it will be: the copy is written there and
 * linked into place only when it is complete and verified. */
static char *
make_temporary_file (const char  *dest,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (dest);
  g_autofree char *base = g_path_get_basename (dest);
  g_autofree char *template = g_strdup_printf ("%s/.%s.copy-XXXXXX", dir, base);
  int fd;

  if (g_file_test (dest, G_FILE_TEST_EXISTS) || g_file_test (dest, G_FILE_TEST_IS_SYMLINK))
    {
      g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_INVALID,
                   _("“%s” already exists. A copy goes into a new file and never replaces "
                     "one; choose another name or remove the file first."), dest);
      return NULL;
    }
  fd = g_mkstemp_full (template, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot write in the folder “%s”: %s."), dir, g_strerror (saved));
      return NULL;
    }
  close (fd);
  return g_steal_pointer (&template);
}

/* The finished copy on the disk before its name is (the copy was written without syncing). */
static gboolean
sync_file (const char  *path,
           GError     **error)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  int saved;

  if (fd >= 0 && fsync (fd) == 0)
    {
      close (fd);
      return TRUE;
    }
  saved = errno;
  if (fd >= 0)
    close (fd);
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
               _("Cannot write “%s” to the disk: %s."), path, g_strerror (saved));
  return FALSE;
}

static void
remove_temporary (const char *path)
{
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (journal);
  g_unlink (wal);
  g_unlink (shm);
  g_unlink (path);
}

static AwardsDb *
open_destination (const char  *to,
                  char       **temporary,
                  GError     **error)
{
  g_autoptr(AwardsDb) dest = NULL;
  g_autofree char *display = awards_db_name_for_display (to);
  int version = 0;
  gboolean any = FALSE;

  if (!awards_db_name_is_server (to))
    {
      *temporary = make_temporary_file (to, error);
      if (*temporary == NULL)
        return NULL;
      dest = awards_db_open (*temporary, 0, error);
      if (dest == NULL ||
          /* A new file no one else sees: no journal to keep it safe mid-way (a failed copy is
           * removed), the whole copy in memory until its commit, and one sync of the finished
           * file before it takes its name. */
          !awards_db_exec (dest, "PRAGMA page_size = 8192; PRAGMA journal_mode = OFF;"
                                 " PRAGMA synchronous = OFF; PRAGMA cache_size = -262144;"
                                 " PRAGMA temp_store = MEMORY", error) ||
          !awards_db_begin_write (dest, error) ||
          !awards_db_create_schema (dest, error) ||
          !awards_db_exec (dest, "PRAGMA defer_foreign_keys = ON", error))
        return NULL;
      return g_steal_pointer (&dest);
    }

  dest = awards_db_open (to, 0, error);
  if (dest == NULL || !awards_db_begin_write (dest, error))
    return NULL;
  /* The same lock as init-server: a copy and a set-up of one database never cross. */
  if (!awards_db_exec (dest, AWARDS_DB_SETUP_LOCK_SQL, error) ||
      !awards_db_read_version (dest, &version, error))
    return NULL;
  if (version == 0)
    {
      GError *failure = NULL;

      if (awards_db_create_schema (dest, &failure))
        return g_steal_pointer (&dest);
      /* A clerk may fill a database the owner set up, not set one up. */
      awards_server_setup_error (error, failure, display);
      return NULL;
    }
  if (!awards_db_check_current (dest, error) || !has_records (dest, &any, error))
    return NULL;
  if (any)
    {
      g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_INVALID,
                   _("The server database “%s” already holds records. A copy goes only into an "
                     "empty database, so that nothing is mixed or lost; nothing was changed."),
                   display);
      return NULL;
    }
  /* The award catalogue that init-server puts into a new database gives way to the source's:
   * no award refers to it yet. */
  if (!awards_db_exec (dest, "DELETE FROM award_type", error))
    return NULL;
  return g_steal_pointer (&dest);
}

static gboolean
count_awards (AwardsDb  *db,
              gint64    *awards,
              GError   **error)
{
  g_autoptr(AwardsDbStmt) stmt =
    awards_db_prepare (db, "SELECT count(*) FROM commendation WHERE deleted = 0", error);
  GError *local_error = NULL;

  if (stmt == NULL)
    return FALSE;
  if (awards_db_stmt_step (stmt, &local_error))
    *awards = awards_db_stmt_column_int64 (stmt, 0);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
copy_into (AwardsDb              *source,
           AwardsDb              *dest,
           AwardsDbCopyProgress   progress,
           gpointer               user_data,
           AwardsDbCopyResult    *result,
           GError               **error)
{
  const char *const *tables = awards_schema_pg_tables ();
  g_autofree char *source_sum = NULL;
  g_autofree char *dest_sum = NULL;
  gint64 source_rows = 0;
  gint64 dest_rows = 0;
  gint64 copied = 0;

  for (guint t = 0; tables[t] != NULL; t++)
    {
      if (!copy_table (source, dest, tables[t], &copied, error))
        return FALSE;
      if (progress != NULL)
        progress (tables[t], copied, user_data);
    }
  if (awards_db_get_backend (dest) == AWARDS_DB_POSTGRESQL && !reset_id_counters (dest, error))
    return FALSE;
  /* The search tables are not copied: the destination's triggers noted every record, and its
   * index is built from them here, so that it can be searched by a reader at once. */
  if (!awards_db_exec (dest, AWARDS_SEARCH_FLUSH_SQL, error))
    return FALSE;

  /* Both sides are read again, the source in the snapshot it was copied from and the
   * destination inside its own transaction, before anything is committed. */
  source_sum = awards_db_checksum (source, &source_rows, error);
  if (source_sum == NULL)
    return FALSE;
  dest_sum = awards_db_checksum (dest, &dest_rows, error);
  if (dest_sum == NULL)
    return FALSE;
  if (source_rows != copied || dest_rows != copied || strcmp (source_sum, dest_sum) != 0)
    {
      g_autofree char *read = g_strdup_printf ("%" G_GINT64_FORMAT, source_rows);
      g_autofree char *written = g_strdup_printf ("%" G_GINT64_FORMAT, dest_rows);

      g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_FAILED,
                   _("The copy does not match its source (%s rows read, %s written, checksums "
                     "%.12s… and %.12s…); nothing was kept."),
                   read, written, source_sum, dest_sum);
      return FALSE;
    }
  result->rows = copied;
  g_strlcpy (result->checksum, source_sum, sizeof result->checksum);
  return count_awards (source, &result->awards, error);
}

gboolean
awards_db_copy (const char            *from,
                const char            *to,
                AwardsDbCopyProgress   progress,
                gpointer               user_data,
                AwardsDbCopyResult    *result,
                GError               **error)
{
  g_autoptr(AwardsDb) source = NULL;
  g_autoptr(AwardsDb) dest = NULL;
  g_autofree char *temporary = NULL;
  g_autofree char *to_display = NULL;
  GError *local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (from != NULL && to != NULL && result != NULL, FALSE);

  to_display = awards_db_name_for_display (to);
  memset (result, 0, sizeof *result);
  if (g_strcmp0 (from, to) == 0)
    {
      g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_INVALID,
                   _("A database cannot be copied onto itself."));
      return FALSE;
    }

  source = awards_db_open (from, AWARDS_DB_OPEN_READ_ONLY, error);
  if (source == NULL || !awards_db_check_current (source, error) ||
      !awards_db_begin_read (source, error))
    return FALSE;

  dest = open_destination (to, &temporary, &local_error);
  ok = dest != NULL && copy_into (source, dest, progress, user_data, result, &local_error) &&
       awards_db_commit (dest, &local_error);
  /* The clerk named the new file, not the temporary one it is written as. */
  if (!ok && local_error != NULL && temporary != NULL)
    {
      g_autofree char *temporary_display = awards_db_name_for_display (temporary);
      g_autoptr(GString) message = g_string_new (local_error->message);

      g_string_replace (message, temporary_display, to_display, 0);
      g_free (local_error->message);
      local_error->message = g_string_free (g_steal_pointer (&message), FALSE);
    }
  /* The destination checks every reference, which the source did not (a file written with
   * foreign keys off, a server's rows written with its triggers off). */
  if (!ok && g_error_matches (local_error, AWARDS_DB_ERROR, AWARDS_DB_ERROR_CONSTRAINT))
    {
      g_autofree char *from_display = awards_db_name_for_display (from);

      g_prefix_error (&local_error, _("“%s” holds a record that breaks the database’s rules, "
                                      "so nothing was copied: "),
                      from_display);
    }
  else if (!ok && g_error_matches (local_error, AWARDS_DB_ERROR, AWARDS_DB_ERROR_READ_ONLY))
    g_prefix_error (&local_error, _("This database user may only read “%s”, not write to it. "),
                    to_display);
  /* Its transaction is rolled back with the connection: nothing was copied. */
  else if (!ok && dest != NULL &&
           g_error_matches (local_error, AWARDS_DB_ERROR, AWARDS_DB_ERROR_CONNECT))
    g_prefix_error (&local_error, _("The connection to the database server was lost during "
                                    "the copy; nothing was copied. "));
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  if (!ok && dest != NULL)
    awards_db_rollback (dest);
  awards_db_rollback (source);

  if (temporary != NULL)
    {
      /* The file is complete: it takes the database's usual log mode and then its name, which
       * link () gives only if nothing has taken the name meanwhile. */
      ok = ok && awards_db_exec (dest, "PRAGMA journal_mode = WAL", error);
      g_clear_pointer (&dest, awards_db_close);
      ok = ok && sync_file (temporary, error);
      if (ok && link (temporary, to) != 0)
        {
          int saved = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       _("Cannot create “%s”: %s."), to, g_strerror (saved));
          ok = FALSE;
        }
      if (ok)
        {
          /* The new name on the disk too. */
          g_autofree char *folder = g_path_get_dirname (to);
          int fd = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

          if (fd >= 0)
            {
              fsync (fd);
              close (fd);
            }
        }
      remove_temporary (temporary);
    }
  return ok;
}
