/* awards-csv-reader.c: streaming CSV records with their line numbers (internal to src/io)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <csv.h>
#include <glib/gi18n-lib.h>

#include "awards-csv-cell.h"
#include "awards-csv-reader.h"
#include "awards-worker.h"

#define CHUNK_SIZE (64 * 1024)

/* No award list has a field or a row near these sizes. */
#define MAX_FIELD_SIZE  (64 * 1024)
#define MAX_RECORD_SIZE (1024 * 1024)

/* Records travel from the parsing thread to the caller's in blocks; a few blocks in flight keep
 * both threads busy while bounding the memory to a few hundred kilobytes whatever the file. */
#define BLOCK_RECORDS   512
#define BLOCK_TEXT      (192 * 1024)
#define BLOCKS_IN_FLIGHT 4

typedef struct
{
  guint    line;
  guint    first_field;     /* index into the block's offsets */
  guint    n_fields;
  gboolean valid_utf8;
  gpointer prepared;
} BlockRecord;

/* Whole records: the fields of every record, each NUL-terminated, one after the other. */
typedef struct
{
  GString  *text;
  GArray   *offsets;        /* gsize: where each field starts in text */
  GArray   *records;        /* BlockRecord */
  guint64   bytes_read;     /* of the stream, once these records were parsed */
  gboolean  last;           /* the parser has finished: nothing follows */
} Block;

struct _AwardsCsvReader
{
  AwardsCsvRecordFunc  func;
  gpointer             user_data;
  AwardsCsvPrepareFunc prepare_func;
  GDestroyNotify       prepare_free;
  gpointer             prepare_data;
  gpointer             prepared;           /* of the record being handed over */
  GPtrArray           *prepare_fields;     /* the parsing thread's */
  char                 separator;
  gboolean             has_bom;
  gboolean             utf16;              /* the file starts with a UTF-16 byte order mark */

  /* The caller's side: how far the records it was given go, and whether it asked to stop. */
  guint64              bytes_read;
  GPtrArray           *pointers;
  gint                 caller_stopped;     /* atomic */

  /* The parsing thread's side, read by the caller only once the thread has ended. */
  struct csv_parser    parser;
  GInputStream        *stream;
  GCancellable        *cancellable;
  char                *first_chunk;
  gsize                first_chunk_len;
  guint64              bytes_parsed;
  guint                line;               /* the physical line being fed to the parser */
  guint                record_line;        /* where the current record started */
  gboolean             after_cr;           /* the last line ended with a carriage return */
  gboolean             awaiting_record;
  gboolean             valid_utf8;         /* of the current record */
  guint                record_first_field;
  Block               *block;              /* being filled */
  gboolean             stopped;
  char                *syntax_error;
  guint                syntax_error_line;
  GError              *read_error;

  GAsyncQueue         *full;               /* blocks for the caller, in order */
  GAsyncQueue         *empty;              /* blocks the caller is done with */
};

static Block *
block_new (void)
{
  Block *block = g_new0 (Block, 1);

  block->text = g_string_sized_new (BLOCK_TEXT + 4096);
  block->offsets = g_array_sized_new (FALSE, FALSE, sizeof (gsize), BLOCK_RECORDS * 16);
  block->records = g_array_sized_new (FALSE, FALSE, sizeof (BlockRecord), BLOCK_RECORDS);
  return block;
}

/* Frees what the prepare function made for the records of @block. */
static void
block_clear_prepared (Block          *block,
                      GDestroyNotify  prepare_free)
{
  if (prepare_free == NULL)
    return;
  for (guint r = 0; r < block->records->len; r++)
    g_clear_pointer (&g_array_index (block->records, BlockRecord, r).prepared, prepare_free);
}

static void
block_free (Block          *block,
            GDestroyNotify  prepare_free)
{
  block_clear_prepared (block, prepare_free);
  g_string_free (block->text, TRUE);
  g_array_unref (block->offsets);
  g_array_unref (block->records);
  g_free (block);
}

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
  reader->pointers = g_ptr_array_sized_new (16);
  reader->prepare_fields = g_ptr_array_sized_new (16);

  return reader;
}

/**
 * awards_csv_reader_set_prepare_func:
 * @func: (nullable): called in the parsing thread for each record
 * @free_func: (nullable): frees what @func returns
 *
 * Work that needs nothing but the record can be done by @func while the caller's thread is busy
 * with earlier records.
 */
void
awards_csv_reader_set_prepare_func (AwardsCsvReader      *reader,
                                    AwardsCsvPrepareFunc  func,
                                    GDestroyNotify        free_func,
                                    gpointer              user_data)
{
  g_return_if_fail (reader != NULL);

  reader->prepare_func = func;
  reader->prepare_free = free_func;
  reader->prepare_data = user_data;
}

/**
 * awards_csv_reader_get_prepared:
 *
 * Returns: (transfer none) (nullable): during the record function, what the prepare function
 *   returned for that record
 */
gpointer
awards_csv_reader_get_prepared (AwardsCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, NULL);

  return reader->prepared;
}

void
awards_csv_reader_free (AwardsCsvReader *reader)
{
  if (reader == NULL)
    return;

  g_ptr_array_unref (reader->pointers);
  g_ptr_array_unref (reader->prepare_fields);
  g_free (reader->syntax_error);
  g_clear_error (&reader->read_error);
  g_free (reader);
}

/* ------------------------------------------------------------------------------------------- */
/* The parsing thread                                                                           */

/* Hands the filled block to the caller and takes an empty one, waiting for one if need be. */
static void
pass_block (AwardsCsvReader *reader,
            gboolean         last)
{
  Block *block = reader->block;

  block->bytes_read = reader->bytes_parsed;
  block->last = last;
  g_async_queue_push (reader->full, block);
  reader->block = NULL;
  if (last)
    return;

  /* What the prepare function made is freed in this thread, which allocated it. */
  block = g_async_queue_pop (reader->empty);
  block_clear_prepared (block, reader->prepare_free);
  g_string_truncate (block->text, 0);
  g_array_set_size (block->offsets, 0);
  g_array_set_size (block->records, 0);
  block->last = FALSE;
  reader->block = block;
  reader->record_first_field = 0;
}

/* The end of the first line in @data: a line feed, or a carriage return, which ends lines
 * alone in files from old Macs. */
static const char *
find_line_end (const char *data,
               gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (data[i] == '\n' || data[i] == '\r')
      return data + i;
  return NULL;
}

/* A hostile or wrong file must not take all memory: the field being parsed and the record
 * being gathered are bounded, whatever the file. */
static void set_syntax_error (AwardsCsvReader *reader,
                              guint            line,
                              const char      *message);

static gboolean
check_sizes (AwardsCsvReader *reader,
             gsize            field_size)
{
  gsize record_size = reader->parser.entry_pos;
  Block *block = reader->block;

  if (reader->stopped)
    return FALSE;

  if (field_size > MAX_FIELD_SIZE || reader->parser.entry_pos > MAX_FIELD_SIZE)
    {
      set_syntax_error (reader, reader->record_line,
                        _("a field is longer than 64 KiB: this is not an award list"));
      return FALSE;
    }
  if (block->offsets->len > reader->record_first_field)
    record_size += block->text->len -
                   g_array_index (block->offsets, gsize, reader->record_first_field);
  if (record_size > MAX_RECORD_SIZE)
    {
      set_syntax_error (reader, reader->record_line,
                        _("a row is longer than 1 MiB: this is not an award list"));
      return FALSE;
    }
  return TRUE;
}

static void
on_field (void   *data,
          size_t  len,
          void   *user_data)
{
  AwardsCsvReader *reader = user_data;
  Block *block = reader->block;
  gsize offset = block->text->len;

  if (reader->stopped)
    return;

  if (data != NULL && len > 0)
    {
      if (reader->valid_utf8 && !g_utf8_validate_len (data, len, NULL))
        reader->valid_utf8 = FALSE;
      g_string_append_len (block->text, data, len);
    }
  g_string_append_c (block->text, '\0');
  /* The quote that export puts before a formula-like cell is not part of the text. */
  if (data != NULL && len > 1 && ((const char *) data)[0] == '\'' &&
      awards_csv_cell_unguard (block->text->str + offset) != block->text->str + offset)
    g_string_erase (block->text, offset, 1);
  g_array_append_val (block->offsets, offset);
  check_sizes (reader, len);
}

static void
on_record (int   terminator,
           void *user_data)
{
  AwardsCsvReader *reader = user_data;
  Block *block = reader->block;
  BlockRecord record;

  reader->awaiting_record = TRUE;

  if (reader->stopped)
    return;

  record.line = reader->record_line;
  record.first_field = reader->record_first_field;
  record.n_fields = block->offsets->len - reader->record_first_field;
  record.valid_utf8 = reader->valid_utf8;
  record.prepared = NULL;
  if (reader->prepare_func != NULL)
    {
      g_ptr_array_set_size (reader->prepare_fields, 0);
      for (guint i = 0; i < record.n_fields; i++)
        g_ptr_array_add (reader->prepare_fields,
                         block->text->str + g_array_index (block->offsets, gsize,
                                                           record.first_field + i));
      g_ptr_array_add (reader->prepare_fields, NULL);
      record.prepared = reader->prepare_func (record.line,
                                              (char * const *) reader->prepare_fields->pdata,
                                              record.n_fields, reader->prepare_data);
    }
  g_array_append_val (block->records, record);
  reader->record_first_field = block->offsets->len;
  reader->valid_utf8 = TRUE;

  if (block->records->len >= BLOCK_RECORDS || block->text->len >= BLOCK_TEXT)
    pass_block (reader, FALSE);
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
      const char *newline = find_line_end (data, len);
      gsize segment = newline != NULL ? (gsize) (newline - data) + 1 : len;

      if (memchr (data, '\0', segment) != NULL)
        {
          /* Excel's "Unicode Text" is UTF-16: text, but not the text we read. */
          if (reader->utf16)
            set_syntax_error (reader, reader->line,
                              _("the file is in UTF-16 (“Unicode Text”): save it as "
                                "“CSV UTF-8”"));
          else
            set_syntax_error (reader, reader->line,
                              _("the file holds NUL bytes: it is not a text file"));
          return TRUE;
        }

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

      if (!check_sizes (reader, 0))
        return TRUE;

      /* A carriage return alone ends a line too; the line feed of a CR LF pair does not
       * count again. */
      if (newline != NULL && !(*newline == '\n' && segment == 1 && reader->after_cr))
        reader->line++;
      reader->after_cr = newline != NULL && *newline == '\r';
      data += segment;
      len -= segment;
    }

  return TRUE;
}

/* Parses the stream to its end, or until the caller stops or something goes wrong. */
static gpointer
parse_thread (gpointer data)
{
  AwardsCsvReader *reader = data;
  g_autofree char *buffer = reader->first_chunk;
  const char *text = buffer;
  gsize n_read = reader->first_chunk_len;
  gboolean ok = TRUE;

  reader->first_chunk = NULL;
  if (reader->has_bom)
    {
      text += 3;
      n_read -= 3;
    }

  while (n_read > 0 && !reader->stopped)
    {
      gssize n;

      if (!feed (reader, text, n_read, &reader->read_error))
        {
          ok = FALSE;
          break;
        }
      if (reader->stopped || g_atomic_int_get (&reader->caller_stopped))
        break;

      n = g_input_stream_read (reader->stream, buffer, CHUNK_SIZE, reader->cancellable,
                               &reader->read_error);
      if (n < 0)
        {
          ok = FALSE;
          break;
        }
      reader->bytes_parsed += (guint64) n;
      text = buffer;
      n_read = (gsize) n;
    }

  if (ok && !reader->stopped && !g_atomic_int_get (&reader->caller_stopped))
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

  pass_block (reader, TRUE);
  return NULL;
}

/* ------------------------------------------------------------------------------------------- */
/* The caller's side                                                                            */

/* Calls the record function for each record of @block, unless the caller has stopped. */
static void
deliver_block (AwardsCsvReader *reader,
               Block           *block)
{
  for (guint r = 0; r < block->records->len; r++)
    {
      const BlockRecord *record = &g_array_index (block->records, BlockRecord, r);

      if (g_atomic_int_get (&reader->caller_stopped))
        break;

      g_ptr_array_set_size (reader->pointers, 0);
      for (guint i = 0; i < record->n_fields; i++)
        g_ptr_array_add (reader->pointers,
                         block->text->str + g_array_index (block->offsets, gsize,
                                                           record->first_field + i));
      g_ptr_array_add (reader->pointers, NULL);

      reader->prepared = record->prepared;
      if (!reader->func (reader, record->line, (char **) reader->pointers->pdata,
                         record->n_fields, record->valid_utf8, reader->user_data))
        g_atomic_int_set (&reader->caller_stopped, TRUE);
      reader->prepared = NULL;
    }
}

/**
 * awards_csv_reader_read:
 * @reader: a reader
 * @stream: UTF-8 text, with or without a byte order mark, comma- or semicolon-separated
 * @cancellable: (nullable): a cancellable
 * @error: where to put an I/O error
 *
 * Reads @stream to its end, calling the record function for every record, in order and in the
 * calling thread. The text is read and parsed in a thread of its own meanwhile, so that parsing
 * the next records overlaps with what the record function does. A syntax error of the CSV text
 * stops the reading but is not an I/O error: see awards_csv_reader_get_syntax_error ().
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
  AwardsWorkerThread *thread;
  gboolean ok;

  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), FALSE);

  buffer = g_malloc (CHUNK_SIZE);

  /* A full first chunk holds the header line, to find the separator in; both are known before
   * the first record arrives. */
  if (!g_input_stream_read_all (stream, buffer, CHUNK_SIZE, &n_read, cancellable, error))
    return FALSE;

  reader->has_bom = n_read >= 3 && memcmp (buffer, "\xEF\xBB\xBF", 3) == 0;
  reader->utf16 = n_read >= 2 && (memcmp (buffer, "\xFF\xFE", 2) == 0 ||
                                  memcmp (buffer, "\xFE\xFF", 2) == 0);
  reader->separator = reader->has_bom ? detect_separator (buffer + 3, n_read - 3)
                                      : detect_separator (buffer, n_read);

  if (csv_init (&reader->parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, csv_strerror (CSV_ENOMEM));
      return FALSE;
    }
  csv_set_delim (&reader->parser, (unsigned char) reader->separator);
  /* libcsv grows a field 128 bytes at a time by default, copying it each time. */
  csv_set_blk_size (&reader->parser, 16 * 1024);

  reader->stream = stream;
  reader->cancellable = cancellable;
  reader->first_chunk = g_steal_pointer (&buffer);
  reader->first_chunk_len = n_read;
  reader->bytes_parsed = n_read;
  reader->bytes_read = 0;
  reader->line = 1;
  reader->record_line = 1;
  reader->awaiting_record = TRUE;
  reader->after_cr = FALSE;
  reader->valid_utf8 = TRUE;
  reader->stopped = FALSE;
  g_atomic_int_set (&reader->caller_stopped, FALSE);
  reader->full = g_async_queue_new ();
  reader->empty = g_async_queue_new ();
  reader->block = block_new ();
  reader->record_first_field = 0;
  for (guint i = 1; i < BLOCKS_IN_FLIGHT; i++)
    g_async_queue_push (reader->empty, block_new ());

  thread = awards_worker_thread_start (parse_thread, reader);

  for (;;)
    {
      Block *block = g_async_queue_pop (reader->full);
      gboolean last = block->last;

      deliver_block (reader, block);
      reader->bytes_read = block->bytes_read;
      if (last)
        {
          block_free (block, reader->prepare_free);
          break;
        }
      g_async_queue_push (reader->empty, block);
    }

  /* The thread has passed its last block: joining it makes what it wrote visible here. */
  awards_worker_thread_join (thread);
  csv_free (&reader->parser);
  g_async_queue_unref (reader->full);
  reader->full = NULL;
  while (g_async_queue_length (reader->empty) > 0)
    block_free (g_async_queue_pop (reader->empty), reader->prepare_free);
  g_async_queue_unref (reader->empty);
  reader->empty = NULL;
  reader->stream = NULL;
  reader->cancellable = NULL;

  /* What the parser met after the caller stopped does not concern it, as if never read. */
  if (g_atomic_int_get (&reader->caller_stopped))
    {
      g_clear_pointer (&reader->syntax_error, g_free);
      g_clear_error (&reader->read_error);
    }

  ok = reader->read_error == NULL;
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&reader->read_error));
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
