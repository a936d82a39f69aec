/* awards-csv-reader.c: streaming CSV records with their line numbers (internal to src/io)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <csv.h>
#include <glib/gi18n-lib.h>

#include "awards-csv-reader.h"

#define CHUNK_SIZE (64 * 1024)

struct _AwardsCsvReader
{
  AwardsCsvRecordFunc  func;
  gpointer             user_data;

  struct csv_parser    parser;
  char                 separator;
  gboolean             has_bom;
  guint64              bytes_read;

  /* The physical line being fed to the parser, and where the current record started. */
  guint                line;
  guint                record_line;
  gboolean             awaiting_record;

  /* The fields of the current record, each NUL-terminated, one after the other. */
  GString             *fields;
  GArray              *offsets;
  GPtrArray           *pointers;
  gboolean             valid_utf8;

  gboolean             stopped;
  char                *syntax_error;
  guint                syntax_error_line;
};

AwardsCsvReader *
awards_csv_reader_new (AwardsCsvRecordFunc func,
                       gpointer            user_data)
{
  AwardsCsvReader *reader;

  g_return_val_if_fail (func != NULL, NULL);

  reader = g_new0 (AwardsCsvReader, 1);
  reader->func = func;
  reader->user_data = user_data;
  reader->separator = ',';
  reader->line = 1;
  reader->record_line = 1;
  reader->awaiting_record = TRUE;
  reader->fields = g_string_sized_new (1024);
  reader->offsets = g_array_sized_new (FALSE, FALSE, sizeof (gsize), 16);
  reader->pointers = g_ptr_array_sized_new (16);
  reader->valid_utf8 = TRUE;

  return reader;
}

void
awards_csv_reader_free (AwardsCsvReader *reader)
{
  if (reader == NULL)
    return;

  g_string_free (reader->fields, TRUE);
  g_array_unref (reader->offsets);
  g_ptr_array_unref (reader->pointers);
  g_free (reader->syntax_error);
  g_free (reader);
}

static void
reset_record (AwardsCsvReader *reader)
{
  g_string_truncate (reader->fields, 0);
  g_array_set_size (reader->offsets, 0);
  reader->valid_utf8 = TRUE;
}

static void
on_field (void   *data,
          size_t  len,
          void   *user_data)
{
  AwardsCsvReader *reader = user_data;
  gsize offset = reader->fields->len;

  if (reader->stopped)
    return;

  if (data != NULL && len > 0)
    {
      if (reader->valid_utf8 && !g_utf8_validate_len (data, len, NULL))
        reader->valid_utf8 = FALSE;
      g_string_append_len (reader->fields, data, len);
    }
  g_string_append_c (reader->fields, '\0');
  g_array_append_val (reader->offsets, offset);
}

static void
on_record (int   terminator,
           void *user_data)
{
  AwardsCsvReader *reader = user_data;

  reader->awaiting_record = TRUE;

  if (reader->stopped)
    {
      reset_record (reader);
      return;
    }

  /* The buffer does not move any more, so the pointers stay valid during the call. */
  g_ptr_array_set_size (reader->pointers, 0);
  for (guint i = 0; i < reader->offsets->len; i++)
    g_ptr_array_add (reader->pointers,
                     reader->fields->str + g_array_index (reader->offsets, gsize, i));
  g_ptr_array_add (reader->pointers, NULL);

  if (!reader->func (reader, reader->record_line, (char **) reader->pointers->pdata,
                     reader->offsets->len, reader->valid_utf8, reader->user_data))
    reader->stopped = TRUE;

  reset_record (reader);
}

static void
set_syntax_error (AwardsCsvReader *reader,
                  guint            line,
                  const char      *message)
{
  reader->syntax_error = g_strdup (message);
  reader->syntax_error_line = line;
  reader->stopped = TRUE;
}

/* Counts separators in the header line, outside quotes; a semicolon wins only by majority. */
static char
detect_separator (const char *data,
                  gsize       len)
{
  gboolean quoted = FALSE;
  guint commas = 0;
  guint semicolons = 0;

  for (gsize i = 0; i < len; i++)
    {
      char c = data[i];

      if (c == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (c == '\n' || c == '\r')
        break;
      else if (c == ',')
        commas++;
      else if (c == ';')
        semicolons++;
    }

  return semicolons > commas ? ';' : ',';
}

/* Feeds one line at a time, so that every record knows the physical line where it starts even
 * when a quoted field spans several lines. */
static gboolean
feed (AwardsCsvReader  *reader,
      const char       *data,
      gsize             len,
      GError          **error)
{
  while (len > 0 && !reader->stopped)
    {
      const char *newline = memchr (data, '\n', len);
      gsize segment = newline != NULL ? (gsize) (newline - data) + 1 : len;

      if (reader->awaiting_record)
        {
          /* libcsv skips blank lines: the record starts on the first line with content. */
          for (gsize i = 0; i < segment; i++)
            {
              char c = data[i];

              if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
                {
                  reader->awaiting_record = FALSE;
                  reader->record_line = reader->line;
                  break;
                }
            }
        }

      if (csv_parse (&reader->parser, data, segment, on_field, on_record, reader) != segment)
        {
          int code = csv_error (&reader->parser);

          if (code == CSV_EPARSE)
            {
              set_syntax_error (reader, reader->line,
                                _("misplaced quote: a field with quotes must be quoted as a "
                                  "whole, with each quote doubled"));
              return TRUE;
            }

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", csv_strerror (code));
          return FALSE;
        }

      if (newline != NULL)
        reader->line++;
      data += segment;
      len -= segment;
    }

  return TRUE;
}

/**
 * awards_csv_reader_read:
 * @reader: a reader
 * @stream: UTF-8 text, with or without a byte order mark, comma- or semicolon-separated
 * @cancellable: (nullable): a cancellable
 * @error: where to put an I/O error
 *
 * Reads @stream to its end, calling the record function for every record. A syntax error of the
 * CSV text stops the reading but is not an I/O error: see awards_csv_reader_get_syntax_error ().
 *
 * Returns: %FALSE on an I/O error or cancellation
 */
gboolean
awards_csv_reader_read (AwardsCsvReader  *reader,
                        GInputStream     *stream,
                        GCancellable     *cancellable,
                        GError          **error)
{
  g_autofree char *buffer = NULL;
  gsize n_read = 0;
  const char *data;
  gboolean ok = TRUE;

  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), FALSE);

  buffer = g_malloc (CHUNK_SIZE);

  /* A full first chunk holds the header line, to find the separator in. */
  if (!g_input_stream_read_all (stream, buffer, CHUNK_SIZE, &n_read, cancellable, error))
    return FALSE;
  reader->bytes_read = n_read;

  data = buffer;
  if (n_read >= 3 && memcmp (buffer, "\xEF\xBB\xBF", 3) == 0)
    {
      reader->has_bom = TRUE;
      data += 3;
      n_read -= 3;
    }
  reader->separator = detect_separator (data, n_read);

  if (csv_init (&reader->parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, csv_strerror (CSV_ENOMEM));
      return FALSE;
    }
  csv_set_delim (&reader->parser, (unsigned char) reader->separator);

  while (n_read > 0 && !reader->stopped)
    {
      gssize n;

      if (!feed (reader, data, n_read, error))
        {
          ok = FALSE;
          break;
        }

      if (reader->stopped)
        break;

      n = g_input_stream_read (stream, buffer, CHUNK_SIZE, cancellable, error);
      if (n < 0)
        {
          ok = FALSE;
          break;
        }
      reader->bytes_read += (guint64) n;
      data = buffer;
      n_read = (gsize) n;
    }

  if (ok && !reader->stopped)
    {
      guint last_record_line = reader->record_line;
      gboolean in_record = !reader->awaiting_record;

      if (csv_fini (&reader->parser, on_field, on_record, reader) != 0)
        {
          if (in_record)
            set_syntax_error (reader, last_record_line, _("unterminated quoted field"));
          else
            set_syntax_error (reader, reader->line, _("unterminated quoted field"));
        }
    }

  csv_free (&reader->parser);

  return ok;
}

char
awards_csv_reader_get_separator (AwardsCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, ',');

  return reader->separator;
}

gboolean
awards_csv_reader_get_has_bom (AwardsCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, FALSE);

  return reader->has_bom;
}

guint64
awards_csv_reader_get_bytes_read (AwardsCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);

  return reader->bytes_read;
}

/**
 * awards_csv_reader_get_syntax_error:
 * @reader: a reader
 * @line: (out) (optional): the line of the error
 *
 * Returns: (nullable): the translated description of the syntax error that stopped the reading
 */
const char *
awards_csv_reader_get_syntax_error (AwardsCsvReader *reader,
                                    guint           *line)
{
  g_return_val_if_fail (reader != NULL, NULL);

  if (line != NULL)
    *line = reader->syntax_error_line;

  return reader->syntax_error;
}
