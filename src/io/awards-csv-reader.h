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

AwardsCsvReader *awards_csv_reader_new              (AwardsCsvRecordFunc   func,
                                                     gpointer              user_data);
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
