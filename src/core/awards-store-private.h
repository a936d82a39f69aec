#pragma once

#include <sqlite3.h>

#include "awards-batch.h"
#include "awards-db.h"
#include "awards-store.h"

G_BEGIN_DECLS

/* Internal API shared by the store and AwardsBatch; the rest of the program uses awards-store.h. */

void          awards_store_lock           (AwardsStore  *self);
void          awards_store_unlock         (AwardsStore  *self);
/* Reads take one of the store's read-only connections for the call (awards-store-readers.c). */
void          awards_store_read_begin     (AwardsStore  *self);
void          awards_store_read_end       (AwardsStore  *self);
void          awards_store_close_idle_readers (AwardsStore *self);
guint         awards_store_get_n_checkpoints (AwardsStore *self);
void          awards_store_pause_readers  (AwardsStore  *self,
                                           gboolean      paused);
sqlite3_stmt *awards_store_prepare        (AwardsStore  *self,
                                           const char   *sql,
                                           GError      **error);
gboolean      awards_store_exec           (AwardsStore  *self,
                                           const char   *sql,
                                           GError      **error);
void          awards_store_set_error      (AwardsStore  *self,
                                           GError      **error,
                                           const char   *what);
void          awards_store_set_db_error   (GError      **error,
                                           const char   *what,
                                           const GError *failure);
void          awards_store_emit_changed   (AwardsStore  *self);
/* Emits "changed" in the calling thread's main context from now on (a store opened in a
 * thread). */
void          awards_store_adopt_context  (AwardsStore  *self);
gboolean      awards_store_is_in_batch    (AwardsStore  *self);
void          awards_store_set_in_batch   (AwardsStore  *self,
                                           gboolean      in_batch);

/* The lock a server's writers take in turn: one number for every Coop Awards database. */
#define AWARDS_STORE_WRITE_LOCK_SQL "SELECT pg_advisory_xact_lock (4352623513)"

const char   *awards_store_get_role_name  (AwardsStore  *self);
gboolean      awards_store_begin_immediate (AwardsStore *self,
                                            GError     **error);
/* A write transaction for one public call; inside a batch, the batch's transaction is used. */
gboolean      awards_store_write_begin    (AwardsStore  *self,
                                           GError      **error);
void          awards_store_rollback       (AwardsStore  *self);
gboolean      awards_store_write_end      (AwardsStore  *self,
                                           gboolean      ok,
                                           GError      **error);
gboolean      awards_store_step_done      (AwardsStore  *self,
                                           sqlite3_stmt *stmt,
                                           const char   *what,
                                           GError      **error);
void          awards_store_set_invalid    (GError      **error,
                                           const char   *message);
void          awards_store_set_not_found  (GError      **error,
                                           const char   *what,
                                           gint64        id);
gboolean      awards_store_flush_search   (AwardsStore  *self,
                                           GError      **error);
char         *awards_store_optional_text  (const char   *text);
sqlite3      *awards_store_get_db         (AwardsStore  *self);

/* Binding helpers: NULL strings and 0 ids become SQL NULL. */
void          awards_bind_text            (sqlite3_stmt *stmt,
                                           int           index,
                                           const char   *text);
void          awards_bind_id              (sqlite3_stmt *stmt,
                                           int           index,
                                           gint64        id);
void          awards_bind_bytes           (sqlite3_stmt *stmt,
                                           int           index,
                                           GBytes       *bytes);
const char   *awards_column_text          (sqlite3_stmt *stmt,
                                           int           column);

/* The same on either backend (awards-db.h): the store's files move onto these from the SQLite
 * calls above one by one; on a server the SQLite calls fail with a sentence saying so. */
AwardsDbStmt *awards_store_statement      (AwardsStore  *self,
                                           const char   *sql,
                                           GError      **error);
gboolean      awards_store_run            (AwardsStore  *self,
                                           AwardsDbStmt *stmt,
                                           const char   *what,
                                           GError      **error);
AwardsDb     *awards_store_get_connection (AwardsStore  *self);
gboolean      awards_store_is_server      (AwardsStore  *self);
gboolean      awards_store_has_row_counts (AwardsStore *self);
/* NULL strings bind NULL through awards_db_stmt_bind_text (); 0 ids bind NULL here. */
void          awards_stmt_bind_id         (AwardsDbStmt *stmt,
                                           int           index,
                                           gint64        id);
void          awards_stmt_bind_bytes      (AwardsDbStmt *stmt,
                                           int           index,
                                           GBytes       *bytes);

/* A new decision for awards_store_save_decision (): its number must not be in use at all. */
gint64        awards_batch_create_decision (AwardsBatch     *self,
                                            AwardsDecision  *decision,
                                            gint64           authority_id,
                                            GError         **error);

G_END_DECLS
