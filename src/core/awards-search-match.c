/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "awards-search-match.h"
#include "awards-store-private.h"

/*
 * Two things that keep a search fast on a million awards without changing what it finds.
 *
 * A search reads a thousand rows one statement at a time (the candidates' sort keys, then the
 * descriptions of the hits). Outside a transaction each of those statements took and released
 * the file's shared lock and looked at the log again, which cost more than the reads themselves;
 * in one read transaction they do not, and they all see one snapshot.
 *
 * The search index keeps a prefix index of two characters only (the schema fixes it). FTS5
 * answers a prefix of one character, "h"*, by merging the whole list of every word that begins
 * with it before it yields the first row: a quarter of the index for "h" or "n", 7–13 ms warm and
 * three times that cold. The same rows come from the word "h" itself or any word that begins with
 * "h" and one more character, and a prefix of two characters is read from the prefix index one
 * row at a time, so a LIMIT stops it early. The characters that can follow are the letters and
 * digits of folded text; the words in which something else follows (a name in another script)
 * are looked up in the index's vocabulary, which lists them without reading anyone's list.
 */

/* More words of that kind than this, and the search keeps the plain prefix. */
#define MAX_OTHER_WORDS 64

/*
 * The vocabulary of the search index, on this connection only (a temporary table is not part of
 * the database file). Words that begin with ?1 and then a character that is neither a digit nor
 * a lower-case ASCII letter: the three ranges around "?10".."?19" and "?1a".."?1z".
 */
#define CREATE_VOCABULARY \
  "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_terms" \
  " USING fts5vocab (main, search_index, row)"
#define OTHER_WORDS \
  "SELECT term FROM temp.search_terms WHERE term > ?1 AND term < ?1 || '0'" \
  " UNION ALL SELECT term FROM temp.search_terms WHERE term >= ?1 || ':' AND term < ?1 || 'a'" \
  " UNION ALL SELECT term FROM temp.search_terms" \
  "   WHERE term >= ?1 || '{' AND term < char (unicode (?1) + 1)"

static gboolean
step_once (AwardsStore *self,
           const char  *sql)
{
  sqlite3_stmt *stmt = awards_store_prepare (self, sql, NULL);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE;
}

/**
 * awards_search_snapshot_begin:
 *
 * Inside awards_store_read_begin (): starts a read transaction when the read runs on one of the
 * store's read-only connections. On the write connection (a read inside a write) it starts
 * nothing, as the write's transaction is already open or the write lock keeps others out.
 *
 * Returns: whether a transaction was started, for awards_search_snapshot_end ()
 */
gboolean
awards_search_snapshot_begin (AwardsStore *self)
{
  sqlite3_stmt *stmt;
  sqlite3 *db;

  /* A server reads each statement at its own commit; the file's lock is what this saves. */
  if (awards_store_is_server (self))
    return FALSE;
  stmt = awards_store_prepare (self, "BEGIN", NULL);
  db = stmt != NULL ? sqlite3_db_handle (stmt) : NULL;

  if (db == NULL || sqlite3_db_readonly (db, "main") != 1 || !sqlite3_get_autocommit (db))
    return FALSE;
  return step_once (self, "BEGIN");
}

void
awards_search_snapshot_end (AwardsStore *self,
                            gboolean     began)
{
  /* A read transaction has nothing to keep: ending it cannot lose anything. */
  if (began)
    step_once (self, "COMMIT");
}

/* Appends " OR "WORD"" for each word of the index that begins with @c and then a character
 * other than a digit or an ASCII letter; FALSE when they cannot be listed or are too many. */
static gboolean
append_other_words (AwardsStore *self,
                    GString     *group,
                    char         c)
{
  char prefix[2] = { c, '\0' };
  sqlite3_stmt *stmt;
  guint n = 0;
  int rc;

  if (!step_once (self, CREATE_VOCABULARY))
    return FALSE;
  stmt = awards_store_prepare (self, OTHER_WORDS, NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, prefix, 1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW && ++n <= MAX_OTHER_WORDS)
    {
      const char *word = (const char *)sqlite3_column_text (stmt, 0);

      g_string_append (group, " OR \"");
      for (const char *p = word; p != NULL && *p != '\0'; p++)
        {
          /* A word of the index holds no quote; double one anyway, as FTS5 escapes it. */
          if (*p == '"')
            g_string_append_c (group, '"');
          g_string_append_c (group, *p);
        }
      g_string_append_c (group, '"');
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE && n <= MAX_OTHER_WORDS;
}

/**
 * awards_search_match_expand:
 * @match: an expression of awards_text_fts_query (): `"word"*`, separated by spaces
 *
 * Inside awards_store_read_begin (): the same expression, with every prefix of one digit or
 * letter written as that word or a prefix of two characters, which find the same rows but are
 * read from the prefix index. An expression without such a prefix, or whose words of that kind
 * cannot be listed, comes back as it is.
 *
 * Returns: (transfer full): the expression to match
 */
char *
awards_search_match_expand (AwardsStore *self,
                            const char  *match)
{
  static const char follow[] = "0123456789abcdefghijklmnopqrstuvwxyz";
  g_autoptr (GString) out = g_string_new (NULL);
  gboolean expanded = FALSE;
  const char *p = match;

  /* SQLite's prefix index only: a server's trigram index needs no help with one letter. */
  if (awards_store_is_server (self))
    return g_strdup (match);

  while (*p != '\0')
    {
      const char *word;
      const char *end;

      if (*p != '"' || (end = strchr (p + 1, '"')) == NULL || end[1] != '*')
        return g_strdup (match);   /* not of awards_text_fts_query (): leave it alone */
      word = p + 1;
      if (out->len > 0)
        g_string_append (out, " AND ");
      if (end - word == 1 && g_ascii_isalnum (*word) && !g_ascii_isupper (*word))
        {
          g_autoptr (GString) group = g_string_new (NULL);

          g_string_append_printf (group, "(\"%c\"", *word);
          for (const char *f = follow; *f != '\0'; f++)
            g_string_append_printf (group, " OR \"%c%c\"*", *word, *f);
          if (!append_other_words (self, group, *word))
            return g_strdup (match);
          g_string_append_c (group, ')');
          g_string_append (out, group->str);
          expanded = TRUE;
        }
      else
        {
          g_string_append_len (out, p, end + 2 - p);
        }
      p = end + 2;
      while (*p == ' ')
        p++;
    }
  return expanded ? g_string_free (g_steal_pointer (&out), FALSE) : g_strdup (match);
}
