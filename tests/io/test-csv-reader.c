/* test-csv-reader.c: the CSV reader hands records over in order from its parsing thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "awards-csv-reader.h"

typedef struct
{
  GThread *caller;
  guint    n_records;
  guint    stop_after;        /* 0: never */
  gboolean wrong_thread;
  gboolean out_of_order;
  guint    last_line;
  guint64  last_bytes_read;
  GString *seen;              /* "line:first field" of the first records */
} Collected;

static gboolean
collect (AwardsCsvReader  *reader,
         guint             line,
         char            **fields,
         guint             n_fields,
         gboolean          valid_utf8,
         gpointer          user_data)
{
  Collected *collected = user_data;
  guint64 bytes_read = awards_csv_reader_get_bytes_read (reader);

  if (g_thread_self () != collected->caller)
    collected->wrong_thread = TRUE;
  if (line <= collected->last_line || bytes_read < collected->last_bytes_read)
    collected->out_of_order = TRUE;
  g_assert_cmpuint (g_strv_length (fields), ==, n_fields);
  collected->last_line = line;
  collected->last_bytes_read = bytes_read;
  if (collected->n_records < 4)
    g_string_append_printf (collected->seen, "%u:%s|", line, fields[0]);

  collected->n_records++;
  return collected->stop_after == 0 || collected->n_records < collected->stop_after;
}

static AwardsCsvReader *
read_text (const char  *text,
           Collected   *collected,
           GError     **error)
{
  g_autoptr (GInputStream) stream = g_memory_input_stream_new_from_data (text, strlen (text),
                                                                        NULL);
  AwardsCsvReader *reader = awards_csv_reader_new (collect, collected);

  collected->caller = g_thread_self ();
  collected->seen = g_string_new (NULL);
  if (!awards_csv_reader_read (reader, stream, NULL, error))
    g_clear_pointer (&reader, awards_csv_reader_free);
  return reader;
}

/* Many more records than one block holds, some spanning lines: every one arrives, in order,
 * in the calling thread, with the line where it starts. */
static void
test_many_records (void)
{
  g_autoptr (GString) text = g_string_new ("name;note\n");
  g_autoptr (AwardsCsvReader) reader = NULL;
  g_autoptr (GError) error = NULL;
  Collected collected = { 0, };
  guint expected_line = 2;
  guint last_line = 0;

  for (guint i = 0; i < 20000; i++)
    {
      last_line = expected_line;
      if (i % 7 == 3)
        {
          g_string_append_printf (text, "HTX Số %u;\"hai\ndòng\"\n", i);
          expected_line += 2;
        }
      else
        {
          g_string_append_printf (text, "HTX Số %u;Đã có thành tích\n", i);
          expected_line += 1;
        }
    }

  reader = read_text (text->str, &collected, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reader);

  g_assert_cmpuint (collected.n_records, ==, 20001);
  g_assert_false (collected.wrong_thread);
  g_assert_false (collected.out_of_order);
  g_assert_cmpuint (collected.last_line, ==, last_line);
  g_assert_cmpstr (collected.seen->str, ==, "1:name|2:HTX Số 0|3:HTX Số 1|4:HTX Số 2|");
  g_assert_cmpint (awards_csv_reader_get_separator (reader), ==, ';');
  g_assert_cmpuint (awards_csv_reader_get_bytes_read (reader), ==, text->len);
  g_assert_null (awards_csv_reader_get_syntax_error (reader, NULL));
  g_string_free (collected.seen, TRUE);
}

/* A caller that stops gets nothing more, and hears nothing of what lies further on, as if the
 * rest had never been read: here an unterminated quote at the end. */
static void
test_stop (void)
{
  g_autoptr (GString) text = g_string_new ("name,note\n");
  g_autoptr (AwardsCsvReader) reader = NULL;
  g_autoptr (GError) error = NULL;
  Collected collected = { 0, };

  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (text, "HTX %u,x\n", i);
  g_string_append (text, "HTX cuối,\"chưa đóng\n");

  collected.stop_after = 10;
  reader = read_text (text->str, &collected, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reader);
  g_assert_cmpuint (collected.n_records, ==, 10);
  g_assert_null (awards_csv_reader_get_syntax_error (reader, NULL));
  g_string_free (collected.seen, TRUE);
}

/* Without a stop, the same text ends in a syntax error at the line of the unterminated record,
 * after every record before it. */
static void
test_syntax_error_after_records (void)
{
  g_autoptr (GString) text = g_string_new ("name,note\n");
  g_autoptr (AwardsCsvReader) reader = NULL;
  g_autoptr (GError) error = NULL;
  Collected collected = { 0, };
  const char *message;
  guint line = 0;

  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (text, "HTX %u,x\n", i);
  g_string_append (text, "HTX cuối,\"chưa đóng\n");

  reader = read_text (text->str, &collected, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reader);
  g_assert_cmpuint (collected.n_records, ==, 5001);
  message = awards_csv_reader_get_syntax_error (reader, &line);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "unterminated"));
  g_assert_cmpuint (line, ==, 5002);
  g_string_free (collected.seen, TRUE);
}

/* A misplaced quote in the middle stops the reading there: the records after it never come. */
static void
test_misplaced_quote (void)
{
  g_autoptr (GString) text = g_string_new ("name,note\n");
  g_autoptr (AwardsCsvReader) reader = NULL;
  g_autoptr (GError) error = NULL;
  Collected collected = { 0, };
  guint line = 0;

  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (text, "HTX %u,x\n", i);
  g_string_append (text, "HTX \"Bạch\" Đằng,x\n");
  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (text, "HTX %u,y\n", i);

  reader = read_text (text->str, &collected, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reader);
  g_assert_cmpuint (collected.n_records, ==, 3001);
  g_assert_nonnull (awards_csv_reader_get_syntax_error (reader, &line));
  g_assert_cmpuint (line, ==, 3002);
  g_string_free (collected.seen, TRUE);
}

/* An empty stream is no record and no error. */
static void
test_empty (void)
{
  g_autoptr (AwardsCsvReader) reader = NULL;
  g_autoptr (GError) error = NULL;
  Collected collected = { 0, };

  reader = read_text ("", &collected, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reader);
  g_assert_cmpuint (collected.n_records, ==, 0);
  g_assert_null (awards_csv_reader_get_syntax_error (reader, NULL));
  g_string_free (collected.seen, TRUE);
}

typedef struct
{
  GThread *caller;
  gboolean prepared_in_caller;
  gboolean mismatch;
  guint    n_records;
} Prepared;

static gint n_prepared_alive;

static gpointer
prepare_line (guint         line,
              char * const *fields,
              guint         n_fields,
              gpointer      user_data)
{
  Prepared *prepared = user_data;

  if (g_thread_self () == prepared->caller)
    prepared->prepared_in_caller = TRUE;
  /* Every third record gets nothing. */
  if (line % 3 == 0)
    return NULL;
  g_atomic_int_inc (&n_prepared_alive);
  return g_strdup_printf ("%u:%s", line, fields[0]);
}

static void
free_prepared (gpointer data)
{
  g_atomic_int_add (&n_prepared_alive, -1);
  g_free (data);
}

static gboolean
check_prepared (AwardsCsvReader  *reader,
                guint             line,
                char            **fields,
                guint             n_fields,
                gboolean          valid_utf8,
                gpointer          user_data)
{
  Prepared *prepared = user_data;
  const char *got = awards_csv_reader_get_prepared (reader);
  g_autofree char *expected = line % 3 == 0 ? NULL : g_strdup_printf ("%u:%s", line, fields[0]);

  if (g_strcmp0 (got, expected) != 0)
    prepared->mismatch = TRUE;
  prepared->n_records++;
  return prepared->n_records < 7000;
}

/* The prepare function runs in the parsing thread; the record function finds what it made for
 * that very record, and all of it is freed, also past a stop. */
static void
test_prepare (void)
{
  g_autoptr (GString) text = g_string_new ("name\n");
  g_autoptr (GInputStream) stream = NULL;
  g_autoptr (AwardsCsvReader) reader = NULL;
  g_autoptr (GError) error = NULL;
  Prepared prepared = { 0, };

  for (guint i = 0; i < 10000; i++)
    g_string_append_printf (text, "HTX %u\n", i);
  stream = g_memory_input_stream_new_from_data (text->str, text->len, NULL);

  prepared.caller = g_thread_self ();
  reader = awards_csv_reader_new (check_prepared, &prepared);
  awards_csv_reader_set_prepare_func (reader, prepare_line, free_prepared, &prepared);
  g_assert_true (awards_csv_reader_read (reader, stream, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (prepared.n_records, ==, 7000);
  g_assert_false (prepared.mismatch);
  g_assert_false (prepared.prepared_in_caller);
  g_assert_null (awards_csv_reader_get_prepared (reader));
  g_assert_cmpint (g_atomic_int_get (&n_prepared_alive), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv-reader/many-records", test_many_records);
  g_test_add_func ("/csv-reader/stop", test_stop);
  g_test_add_func ("/csv-reader/syntax-error-after-records", test_syntax_error_after_records);
  g_test_add_func ("/csv-reader/misplaced-quote", test_misplaced_quote);
  g_test_add_func ("/csv-reader/empty", test_empty);
  g_test_add_func ("/csv-reader/prepare", test_prepare);

  return g_test_run ();
}
