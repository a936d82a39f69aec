/* awards-csv-reader.h: streaming CSV records with their line numbers (internal to src/io)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _AwardsCsvReader AwardsCsvReader;

/*
 * Called for every record that is not blank. @line is the physical line where the record starts;
 * @fields are NUL-terminated and may be changed in place, but only live during the call.
 * @valid_utf8 is FALSE when a field is not valid UTF-8. Return FALSE to stop reading.
 */
typedef gboolean (*AwardsCsvRecordFunc) (AwardsCsvReader  *reader,
                                         guint             line,
                                         char            **fields,
                                         guint             n_fields,
                                         gboolean          valid_utf8,
                                         gpointer          user_data);

/**
 * AwardsCsvPrepareFunc:
 * @line: the line where the record starts
 * @fields: (array length=n_fields): the fields, as read (not trimmed)
 * @user_data: what was given to awards_csv_reader_set_prepare_func ()
 *
 * Runs in the reader's parsing thread, record after record in order, before the record is handed
 * over; what it returns is available to the record function through
 * awards_csv_reader_get_prepared (), and freed afterwards.
 *
 * Returns: (nullable) (transfer full): anything derived from the record
 */
typedef gpointer (*AwardsCsvPrepareFunc) (guint             line,
                                          char * const     *fields,
                                          guint             n_fields,
                                          gpointer          user_data);

AwardsCsvReader *awards_csv_reader_new              (AwardsCsvRecordFunc   func,
                                                     gpointer              user_data);
void             awards_csv_reader_set_prepare_func (AwardsCsvReader      *reader,
                                                     AwardsCsvPrepareFunc  func,
                                                     GDestroyNotify        free_func,
                                                     gpointer              user_data);
gpointer         awards_csv_reader_get_prepared     (AwardsCsvReader      *reader);
void             awards_csv_reader_free             (AwardsCsvReader      *reader);
gboolean         awards_csv_reader_read             (AwardsCsvReader      *reader,
                                                     GInputStream         *stream,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
char             awards_csv_reader_get_separator    (AwardsCsvReader      *reader);
gboolean         awards_csv_reader_get_has_bom      (AwardsCsvReader      *reader);
guint64          awards_csv_reader_get_bytes_read   (AwardsCsvReader      *reader);
const char      *awards_csv_reader_get_syntax_error (AwardsCsvReader      *reader,
                                                     guint                *line);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwardsCsvReader, awards_csv_reader_free)

G_END_DECLS
