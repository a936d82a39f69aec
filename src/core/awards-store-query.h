/* awards-store-query.h: running one query of the store into objects (private to src/core)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "awards-db.h"

#include "awards-search-id.h"
#include "awards-store.h"

G_BEGIN_DECLS

/* Binds the parameters of the statement; @user_data is the query's. */
typedef void     (*AwardsQueryBind)      (AwardsDbStmt *stmt,
                                          gpointer      user_data);
/* Turns the current row into a new object (or boxed value) that the caller will own. */
typedef gpointer (*AwardsQueryRowReader) (AwardsDbStmt *stmt,
                                          gpointer      user_data);

GPtrArray *awards_store_query_list (AwardsStore          *self,
                                    const char           *sql,
                                    AwardsQueryBind       bind,
                                    AwardsQueryRowReader  read_row,
                                    GDestroyNotify        free_row,
                                    gpointer              user_data,
                                    const char           *what,
                                    GError              **error);
gboolean   awards_store_query_row  (AwardsStore          *self,
                                    const char           *sql,
                                    AwardsQueryBind       bind,
                                    AwardsQueryRowReader  read_row,
                                    gpointer              user_data,
                                    gpointer             *out_row,
                                    const char           *what,
                                    GError              **error);

/* Binds for the usual one-parameter queries: @user_data is a gint64 * or a const char *. */
void       awards_query_bind_id    (AwardsDbStmt         *stmt,
                                    gpointer              user_data);
void       awards_query_bind_text  (AwardsDbStmt         *stmt,
                                    gpointer              user_data);

/* Reads the first column as a new string, for g_free (). */
gpointer   awards_query_read_text  (AwardsDbStmt         *stmt,
                                    gpointer              user_data);

/* A page of a list: ?1 what the user typed (as an FTS query, or NULL), ?2 an owner's id (0 binds
 * NULL), ?3 the limit and ?4 the offset; a query leaves out the parameters it does not use. */
typedef struct
{
  const char *match;
  gint64      id;
  guint       offset;
  guint       limit;
} AwardsQueryPage;

void       awards_query_bind_page  (AwardsDbStmt         *stmt,
                                    gpointer              user_data);

/* The searches of the organisation and person lists (awards-store-organisations.c and
 * awards-store-people.c); ?1 is the FTS query. */
/* The FTS5 rows of one kind that match what the user typed, as a subquery of ids. */
#define SEARCH_IDS(kind) \
  "(SELECT " AWARDS_SEARCH_ID_OF_SQL ("rowid") " FROM search_index" \
  " WHERE search_index MATCH ?1 AND " AWARDS_SEARCH_KIND_OF_SQL ("rowid") " = " kind ")"

/* Every organisation and person has one row in the search index, so it counts them alone. */
#define COUNT_SEARCH(kind) \
  "SELECT count(*) FROM search_index WHERE search_index MATCH ?1" \
  " AND " AWARDS_SEARCH_KIND_OF_SQL ("rowid") " = " kind

gboolean   awards_store_search_is_broad (AwardsStore *self,
                                         const char  *match,
                                         const char  *kind,
                                         guint64      end);

G_END_DECLS
