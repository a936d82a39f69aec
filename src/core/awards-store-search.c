#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "awards-date.h"
#include "awards-search-id.h"
#include "awards-search-match.h"
#include "awards-store-private.h"
#include "awards-store-query.h"
#include "awards-text.h"

/*
 * Search runs one FTS5 prefix query over the folded keys of organisations, people and decisions.
 * FTS5 yields matches in rowid order without scoring, so a broad word ("nguyen") stops after a
 * bounded number of candidates instead of ranking a hundred thousand rows; the candidates are then
 * ranked here: whole-text matches, then matches at the start, then the rest; organisations before
 * people before decisions; Vietnamese order within each. Ranking needs only the folded text, the
 * kind and a sort key, so only the hits returned are described (name, parent, number of awards):
 * describing every candidate counted the awards of a thousand organisations for one key press.
 */

#define CANDIDATES_PER_RESULT 20
#define MAX_CANDIDATES 4000

void
awards_search_hit_free (AwardsSearchHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->title);
  g_free (hit->subtitle);
  g_free (hit);
}

typedef struct
{
  AwardsSearchHit *hit;
  int              closeness;    /* 0 equal, 1 prefix, 2 words elsewhere; G_MAXINT gone */
  GBytes          *sort_key;     /* NULL until loaded by load_sort_key () */
  gboolean         loaded;
} Candidate;

#define CANDIDATE_GONE G_MAXINT

static void
candidate_free (gpointer data)
{
  Candidate *candidate = data;

  awards_search_hit_free (candidate->hit);
  g_clear_pointer (&candidate->sort_key, g_bytes_unref);
  g_free (candidate);
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = *(const Candidate **)a;
  const Candidate *y = *(const Candidate **)b;

  if (x->closeness != y->closeness)
    return x->closeness < y->closeness ? -1 : 1;
  if (x->hit->kind != y->hit->kind)
    return (int)x->hit->kind - (int)y->hit->kind;
  if (x->sort_key == NULL || y->sort_key == NULL)
    return (x->sort_key == NULL) - (y->sort_key == NULL);
  return g_bytes_compare (x->sort_key, y->sort_key);
}

/* The order before sort keys are loaded: closeness, then kind. */
static int
compare_rank (gconstpointer a,
              gconstpointer b)
{
  const Candidate *x = *(const Candidate **)a;
  const Candidate *y = *(const Candidate **)b;

  if (x->closeness != y->closeness)
    return x->closeness < y->closeness ? -1 : 1;
  return (int)x->hit->kind - (int)y->hit->kind;
}

static gboolean
same_rank (const Candidate *x,
           const Candidate *y)
{
  return x->closeness == y->closeness && x->hit->kind == y->hit->kind;
}

static int
closeness (const char *folded_body,
           const char *folded_query)
{
  if (strcmp (folded_body, folded_query) == 0)
    return 0;
  if (g_str_has_prefix (folded_body, folded_query))
    return 1;
  return 2;
}

/* Loads the key that orders a candidate among those of its rank; marks it gone if its row is. */
static gboolean
load_sort_key (AwardsStore  *self,
               Candidate    *candidate,
               GError      **error)
{
  static const char *const sql[] = {
    [AWARDS_SEARCH_ORGANISATION] = "SELECT sort_key FROM organisation WHERE id = ?",
    [AWARDS_SEARCH_PERSON] = "SELECT sort_key FROM person WHERE id = ?",
    [AWARDS_SEARCH_DECISION] = "SELECT a.sort_key FROM decision d"
                               " JOIN authority a ON a.id = d.authority_id WHERE d.id = ?",
  };
  AwardsDbStmt *stmt;
  AwardsDbStep rc;

  g_assert ((guint)candidate->hit->kind < G_N_ELEMENTS (sql));
  stmt = awards_store_statement (self, sql[candidate->hit->kind], error);
  if (stmt == NULL)
    return FALSE;
  awards_db_stmt_bind_int64 (stmt, 1, candidate->hit->id);
  rc = awards_db_stmt_next (stmt);
  if (rc == AWARDS_DB_ROW)
    {
      gsize size = 0;
      const guint8 *key = awards_db_stmt_column_blob (stmt, 0, &size);

      candidate->sort_key = g_bytes_new (key, size);
    }
  else if (rc == AWARDS_DB_DONE)
    candidate->closeness = CANDIDATE_GONE;
  else
    awards_store_set_error (self, error, _("Could not search the database"));
  awards_db_stmt_reset (stmt);
  candidate->loaded = TRUE;
  return rc == AWARDS_DB_ROW || rc == AWARDS_DB_DONE;
}

/*
 * Sorts the candidates so that the first @limit are the best, in their final order, loading sort
 * keys only for the ranks that reach into the first @limit. Returns how many are sorted so.
 */
static gboolean
rank_candidates (AwardsStore  *self,
                 GPtrArray    *candidates,
                 guint         limit,
                 guint        *ranked,
                 GError      **error)
{
  guint end = 0;

  for (;;)
    {
      gboolean changed = FALSE;

      g_ptr_array_sort (candidates, compare_rank);
      end = MIN (limit, candidates->len);
      if (end == 0)
        break;
      /* Take in the rest of the last rank: the first @limit are chosen in Vietnamese order. */
      while (end < candidates->len &&
             same_rank (g_ptr_array_index (candidates, end - 1),
                        g_ptr_array_index (candidates, end)))
        end++;
      for (guint i = 0; i < end; i++)
        {
          Candidate *candidate = g_ptr_array_index (candidates, i);

          if (candidate->loaded)
            continue;
          if (!load_sort_key (self, candidate, error))
            return FALSE;
          changed |= candidate->closeness == CANDIDATE_GONE;
        }
      /* A row that has gone leaves room for one more rank: sort again and load what is new. */
      if (!changed)
        break;
    }

  g_ptr_array_sort (candidates, compare_candidates);
  *ranked = end;
  return TRUE;
}

/* Fills in a candidate's title, subtitle and count; returns FALSE if the row has gone. */
static gboolean
describe (AwardsStore *self,
          Candidate   *candidate)
{
  AwardsSearchHit *hit = candidate->hit;
  AwardsDbStmt *stmt = NULL;
  gboolean found = FALSE;

  switch (hit->kind)
    {
    case AWARDS_SEARCH_ORGANISATION:
      stmt = awards_store_statement (self,
                                   "SELECT o.name, (SELECT p.name FROM organisation p"
                                   "   WHERE p.id = o.parent_id), o.sort_key,"
                                   " (SELECT count(*) FROM commendation c"
                                   "   WHERE c.organisation_id = o.id AND c.deleted = 0) +"
                                   " (SELECT count(*) FROM commendation c"
                                   "   WHERE c.organisation_at_time_id = o.id AND c.deleted = 0)"
                                   " FROM organisation o WHERE o.id = ?", NULL);
      break;
    case AWARDS_SEARCH_PERSON:
      stmt = awards_store_statement (self,
                                   "SELECT p.full_name, (SELECT o.name FROM organisation o"
                                   "   WHERE o.id = p.organisation_id), p.sort_key,"
                                   " (SELECT count(*) FROM commendation c"
                                   "   WHERE c.person_id = p.id AND c.deleted = 0)"
                                   " FROM person p WHERE p.id = ?", NULL);
      break;
    case AWARDS_SEARCH_DECISION:
      stmt = awards_store_statement (self,
                                   "SELECT coalesce (d.number, ''), a.name, a.sort_key,"
                                   " (SELECT count(*) FROM commendation c"
                                   "   WHERE c.decision_id = d.id AND c.deleted = 0), d.date"
                                   " FROM decision d JOIN authority a ON a.id = d.authority_id"
                                   " WHERE d.id = ?", NULL);
      break;
    default:
      g_assert_not_reached ();
    }
  if (stmt == NULL)
    return FALSE;

  awards_db_stmt_bind_int64 (stmt, 1, hit->id);
  if (awards_db_stmt_next (stmt) == AWARDS_DB_ROW)
    {
      const char *subtitle = awards_db_stmt_column_text (stmt, 1);

      found = TRUE;
      hit->title = g_strdup (awards_db_stmt_column_text (stmt, 0));
      hit->award_count = awards_db_stmt_column_int (stmt, 3);
      if (hit->kind == AWARDS_SEARCH_DECISION)
        {
          g_autofree char *date = awards_date_format_short (awards_db_stmt_column_text (stmt, 4));

          hit->subtitle = g_strdup_printf ("%s, %s", subtitle, date != NULL ? date : "");
          if (hit->title[0] == '\0')
            {
              g_free (hit->title);
              hit->title = g_strdup (_("(no number)"));
            }
        }
      else
        hit->subtitle = g_strdup (subtitle);
    }
  awards_db_stmt_reset (stmt);
  return found;
}

/* The look-up in the search index that finds the candidates of a search. */
typedef struct
{
  const char *match;
  const char *folded_query;
  int         limit;
} CandidateQuery;

static void
bind_candidates (AwardsDbStmt *stmt,
                 gpointer      user_data)
{
  CandidateQuery *query = user_data;

  awards_db_stmt_bind_text (stmt, 1, query->match);
  awards_db_stmt_bind_int64 (stmt, 2, query->limit);
}

static gpointer
candidate_from_row (AwardsDbStmt *stmt,
                    gpointer      user_data)
{
  CandidateQuery *query = user_data;
  gint64 rowid = awards_db_stmt_column_int64 (stmt, 0);
  Candidate *candidate = g_new0 (Candidate, 1);

  candidate->hit = g_new0 (AwardsSearchHit, 1);
  candidate->hit->kind = (AwardsSearchKind)awards_search_rowid_get_kind (rowid);
  candidate->hit->id = awards_search_rowid_get_id (rowid);
  candidate->closeness = closeness (awards_db_stmt_column_text (stmt, 1), query->folded_query);
  /* A server sends the sort keys with the candidates (SERVER_CANDIDATES): one round trip instead
   * of one per candidate. */
  if (awards_db_stmt_column_count (stmt) > 2)
    {
      gsize size = 0;
      const guint8 *key = awards_db_stmt_column_blob (stmt, 2, &size);

      if (key != NULL)
        candidate->sort_key = g_bytes_new (key, size);
      else
        candidate->closeness = CANDIDATE_GONE;
      candidate->loaded = TRUE;
    }
  return candidate;
}

/* The candidates with their sort keys (those of load_sort_key ()), for a server. */
#define SERVER_CANDIDATES \
  "SELECT rowid, body, CASE " AWARDS_SEARCH_KIND_OF_SQL ("rowid") \
  "  WHEN " AWARDS_SEARCH_KIND_ORGANISATION_SQL " THEN (SELECT sort_key FROM organisation" \
  "    WHERE id = " AWARDS_SEARCH_ID_OF_SQL ("search_index.rowid") ")" \
  "  WHEN " AWARDS_SEARCH_KIND_PERSON_SQL " THEN (SELECT sort_key FROM person" \
  "    WHERE id = " AWARDS_SEARCH_ID_OF_SQL ("search_index.rowid") ")" \
  "  ELSE (SELECT a.sort_key FROM decision d JOIN authority a ON a.id = d.authority_id" \
  "    WHERE d.id = " AWARDS_SEARCH_ID_OF_SQL ("search_index.rowid") ") END" \
  " FROM search_index WHERE search_index MATCH ?1 ORDER BY rowid LIMIT ?2"

/**
 * awards_store_search:
 * @text: what the user typed; accents, case and đ/d do not matter, and every word may be the
 *   start of a word ("ngu van du" finds "Nguyễn Văn Đức")
 * @limit: the most hits to return
 *
 * Returns: (transfer full) (element-type AwardsSearchHit): the best hits first; an empty array
 *   when @text has no word
 */
GPtrArray *
awards_store_search (AwardsStore  *self,
                     const char   *text,
                     guint         limit,
                     GError      **error)
{
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GPtrArray) result =
    g_ptr_array_new_with_free_func ((GDestroyNotify)awards_search_hit_free);
  g_autofree char *match = NULL;
  g_autofree char *folded_query = NULL;
  g_autofree char *expanded = NULL;
  CandidateQuery query;
  guint ranked = 0;
  gboolean snapshot;

  g_return_val_if_fail (AWARDS_IS_STORE (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  match = awards_text_fts_query (text);
  if (match == NULL || limit == 0)
    return g_steal_pointer (&result);
  folded_query = awards_text_fold (text);

  query.folded_query = folded_query;
  query.limit = MIN (MAX_CANDIDATES, limit * CANDIDATES_PER_RESULT);

  /* The candidates are ranked and described on the reader that found them, in one snapshot. */
  awards_store_read_begin (self);
  snapshot = awards_search_snapshot_begin (self);
  expanded = awards_search_match_expand (self, match);
  query.match = expanded;
  candidates = awards_store_query_list (self,
                                        awards_store_is_server (self)
                                        ? SERVER_CANDIDATES
                                        : "SELECT rowid, body FROM search_index"
                                          " WHERE search_index MATCH ?1 ORDER BY rowid LIMIT ?2",
                                        bind_candidates, candidate_from_row, candidate_free,
                                        &query, _("Could not search the database"), error);
  if (candidates == NULL || !rank_candidates (self, candidates, limit, &ranked, error))
    {
      awards_search_snapshot_end (self, snapshot);
      awards_store_read_end (self);
      return NULL;
    }
  /* Only the hits returned are described. */
  for (guint i = 0; i < ranked && result->len < limit; i++)
    {
      Candidate *candidate = g_ptr_array_index (candidates, i);

      if (candidate->closeness == CANDIDATE_GONE)
        break;
      if (describe (self, candidate))
        g_ptr_array_add (result, g_steal_pointer (&candidate->hit));
    }
  awards_search_snapshot_end (self, snapshot);
  awards_store_read_end (self);
  return g_steal_pointer (&result);
}
