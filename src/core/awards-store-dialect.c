/* awards-store-dialect.c: the few words of the store's SQL that differ on a server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "awards-store-dialect.h"

/*
 * The store's statements are written once, in the SQL both backends take; awards_store_statement
 * () passes those of a server connection through awards_store_server_sql () for what differs:
 *
 * - The search index is SQLite's FTS5 table in a file and a plain table with a trigram index
 *   (pg_trgm) on a server. "search_index MATCH ?N" takes the same argument on both, the FTS5
 *   expression of awards_text_fts_query (), in which every word ("bach"*) must begin a word of the
 *   folded text. On a server the first four words each become a regular expression of their own
 *   ("\mbach": a word that begins so), which the trigram index serves and which costs little per
 *   row; any further words become look-aheads in one more expression. (One expression of
 *   look-aheads for every word took 341 ms for "nguyen van" among a million awards, the index being
 *   of no help to it; this takes 27.)
 * - SQLite's CAST of "3456/QĐ-UBND" to a number reads the digits it begins with; the server
 *   refuses it, so the decisions' order spells that out.
 * - The stamp of a change (updated_at) is SQLite's strftime, which the server spells with
 *   to_char, in the same form.
 */

char *
awards_store_server_sql (const char *sql)
{
  static const char match[] = "search_index MATCH ?";
  GString *out = g_string_new (NULL);
  const char *p = sql;
  const char *found;

  while ((found = strstr (p, match)) != NULL)
    {
      const char *number = found + strlen (match);
      const char *end = number + strspn (number, "0123456789");
      g_autofree char *param = g_strdup_printf ("CAST (?%.*s AS text)", (int) (end - number),
                                                number);

      g_string_append_len (out, p, found - p);
      if (end == number)
        {
          /* A "?" without its number cannot be used twice: every word as a look-ahead. */
          g_string_append_printf (out, "search_index.body ~ regexp_replace (%s,"
                                  " '\"([^\"]*)\"\\*\\s*', '(?=.*\\\\m\\1)', 'g')", param);
          p = end;
          continue;
        }
      /* The first four words each as a plain expression, which the trigram index serves and
       * which is cheap to try on a row (the text is padded with empty words: "\m" alone where
       * there are fewer); any further words as look-aheads, and '' when there are none. An
       * empty word's condition is "pattern = '\m' OR …": planned for the words searched (a
       * reader plans each search), it is true before any row is read, where "~ '\m'" was tried
       * on every row found. */
      g_string_append_c (out, '(');
      for (int k = 0; k < 4; k++)
        {
          g_autofree char *word = g_strdup_printf ("regexp_replace ("
                                                   "%s || ' \"\"* \"\"* \"\"*',"
                                                   " '^(?:\"[^\"]*\"\\*\\s*){%d}"
                                                   "\"([^\"]*)\"\\*.*$', '\\\\m\\1')",
                                                   param, k);

          g_string_append_printf (out, "(%s = '\\m' OR search_index.body ~ %s) AND ", word,
                                  word);
        }
      {
        g_autofree char *rest = g_strdup_printf ("regexp_replace (regexp_replace (%s,"
                                                 " '^(?:\"[^\"]*\"\\*\\s*){0,4}', ''),"
                                                 " '\"([^\"]*)\"\\*\\s*',"
                                                 " '(?=.*\\\\m\\1)', 'g')", param);

        g_string_append_printf (out, "(%s = '' OR search_index.body ~ %s))", rest, rest);
      }
      p = end;
    }
  g_string_append (out, p);

  /* SQLite reads the number at the start of a text ("3456/QĐ-UBND" is 3456, "QĐ" 0); the
   * server refuses such a cast, so it is spelled out. */
  g_string_replace (out, "CAST(d.number AS INTEGER)",
                    "coalesce (CAST (substring (d.number FROM '^\\s*[-+]?[0-9]{1,18}')"
                    " AS bigint), 0)", 0);
  /* The time of a change, in SQLite's spelling: the server has no strftime. */
  g_string_replace (out, "strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')",
                    "to_char (statement_timestamp () AT TIME ZONE 'UTC',"
                    " 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')", 0);
  /* And the day of one (a former name's end), in UTC as SQLite's date ('now'). */
  g_string_replace (out, "date ('now')",
                    "to_char (statement_timestamp () AT TIME ZONE 'UTC', 'YYYY-MM-DD')", 0);
  return g_string_free (out, FALSE);
}
