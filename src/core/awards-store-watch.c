/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "awards-store-private.h"
#include "awards-db.h"
#include "awards-schema-pg.h"
#include "awards-store-watch.h"

/*
 * Commits by other programs (another window, coop-awards-cli import) are noticed by polling
 * SQLite's data_version on a connection of the watch's own: the number changes whenever another
 * connection has committed, and reading it costs no I/O. The watch never takes the store's lock,
 * so a long write in a worker thread does not stall the main loop here. The store's own commits
 * change the number as well; the watch takes its new value whenever the store says "changed", so
 * that the program's own writes do not reload everything twice.
 */

typedef struct
{
  GWeakRef  store;
  sqlite3  *db;
  gint64    version;
  guint     source_id;
  gulong    handler_id;
} Watch;

static gboolean
read_version (Watch  *watch,
              gint64 *version)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  if (sqlite3_prepare_v2 (watch->db, "PRAGMA data_version", -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  ok = sqlite3_step (stmt) == SQLITE_ROW;
  if (ok)
    *version = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return ok;
}

static gboolean
poll_cb (gpointer data)
{
  Watch *watch = data;
  g_autoptr(AwardsStore) store = g_weak_ref_get (&watch->store);
  gint64 version = 0;

  if (store == NULL)
    return G_SOURCE_REMOVE;
  if (read_version (watch, &version) && version != watch->version)
    {
      watch->version = version;
      awards_store_emit_changed (store);
    }
  return G_SOURCE_CONTINUE;
}

static void
store_changed_cb (AwardsStore *store,
                  Watch       *watch)
{
  read_version (watch, &watch->version);
}

static void
watch_free (gpointer data)
{
  Watch *watch = data;

  g_clear_handle_id (&watch->source_id, g_source_remove);
  g_weak_ref_clear (&watch->store);
  sqlite3_close (watch->db);
  g_free (watch);
}

/*
 * On a server, other clients' commits are heard rather than looked for: every table of records
 * notifies AWARDS_SCHEMA_PG_CHANGES once per transaction (awards-schema-pg.c), and a connection
 * of its own listens. The notifications of one commit (one per table) come together and make
 * one "changed".
 */
typedef struct
{
  GWeakRef  store;
  AwardsDb *db;
  guint     idle_id;
} ServerWatch;

static void
server_watch_free (gpointer data)
{
  ServerWatch *watch = data;

  g_clear_handle_id (&watch->idle_id, g_source_remove);
  g_weak_ref_clear (&watch->store);
  g_clear_pointer (&watch->db, awards_db_close);
  g_free (watch);
}

static gboolean
server_changed_cb (gpointer data)
{
  ServerWatch *watch = data;
  g_autoptr(AwardsStore) store = g_weak_ref_get (&watch->store);

  watch->idle_id = 0;
  if (store != NULL)
    awards_store_emit_changed (store);
  return G_SOURCE_REMOVE;
}

static void
notified_cb (const char *channel,
             const char *payload,
             gint64      sender,
             gpointer    user_data)
{
  ServerWatch *watch = user_data;

  /* The listener's connection is gone, and with it, as a rule, the store's own: the server
   * stopped or cannot be reached. The store's users learn it at this "changed", emitted now:
   * the watch goes with its source when this returns, and an idle of its own with it. */
  if (channel == NULL)
    {
      g_autoptr(AwardsStore) store = g_weak_ref_get (&watch->store);

      if (store != NULL)
        {
          g_object_set_data (G_OBJECT (store), "awards-store-watch-lost", GINT_TO_POINTER (TRUE));
          awards_store_emit_changed (store);
        }
      return;
    }
  if (watch->idle_id == 0)
    watch->idle_id = g_idle_add (server_changed_cb, watch);
}

static void
server_listener_free (gpointer data)
{
  GSource *source = data;

  g_source_destroy (source);
  g_source_unref (source);
}

static void
watch_server (AwardsStore *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsDb) db = awards_db_open (awards_store_get_path (self),
                                           AWARDS_DB_OPEN_READ_ONLY, &error);
  ServerWatch *watch;
  GSource *source;

  if (db == NULL || !awards_db_listen (db, AWARDS_SCHEMA_PG_CHANGES, &error))
    {
      /* Not being told about other clerks is no reason to refuse the database. */
      g_message ("Could not listen for other clients' changes: %s", error->message);
      return;
    }
  watch = g_new0 (ServerWatch, 1);
  g_weak_ref_init (&watch->store, self);
  watch->db = g_steal_pointer (&db);
  /* The source owns the watch and its connection; the store owns the source. */
  source = awards_db_notification_source_new (watch->db, notified_cb, watch, server_watch_free);
  g_source_attach (source, g_main_context_get_thread_default ());
  g_object_set_data_full (G_OBJECT (self), "awards-store-watch", source, server_listener_free);
}

/**
 * awards_store_watch_other_writers:
 * @interval_ms: how often to look, e.g. 750
 *
 * From now on the store emits "changed" (in the thread-default main context of the caller)
 * within @interval_ms of a commit by another program. Calling it again changes nothing.
 */
void
awards_store_watch_other_writers (AwardsStore *self,
                                  guint        interval_ms)
{
  Watch *watch;

  g_return_if_fail (AWARDS_IS_STORE (self));

  if (g_object_get_data (G_OBJECT (self), "awards-store-watch") != NULL)
    return;
  if (awards_db_name_is_server (awards_store_get_path (self)))
    {
      watch_server (self);
      return;
    }
  watch = g_new0 (Watch, 1);
  if (sqlite3_open_v2 (awards_store_get_path (self), &watch->db, SQLITE_OPEN_READONLY, NULL)
      != SQLITE_OK)
    {
      /* Not being told about other writers is no reason to refuse the file. */
      g_warning ("Could not watch %s for changes: %s", awards_store_get_path (self),
                 sqlite3_errmsg (watch->db));
      sqlite3_close (watch->db);
      g_free (watch);
      return;
    }
  g_weak_ref_init (&watch->store, self);
  read_version (watch, &watch->version);
  watch->source_id = g_timeout_add (interval_ms, poll_cb, watch);
  g_signal_connect (self, "changed", G_CALLBACK (store_changed_cb), watch);
  g_object_set_data_full (G_OBJECT (self), "awards-store-watch", watch, watch_free);
}

/**
 * awards_store_watch_lost_connection:
 *
 * Returns: %TRUE when the store is on a server and the connection that listens to it was lost
 *   (the server stopped or cannot be reached): what the store shows may be out of date, and its
 *   own connections are most likely gone too
 */
gboolean
awards_store_watch_lost_connection (AwardsStore *self)
{
  g_return_val_if_fail (AWARDS_IS_STORE (self), FALSE);

  return g_object_get_data (G_OBJECT (self), "awards-store-watch-lost") != NULL;
}
