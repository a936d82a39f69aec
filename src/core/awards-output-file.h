/* awards-output-file.h: every file the program writes, written safely
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define AWARDS_OUTPUT_FILE_ERROR (awards_output_file_error_quark ())

typedef enum
{
  AWARDS_OUTPUT_FILE_ERROR_FAILED,
  AWARDS_OUTPUT_FILE_ERROR_REFUSED,   /* the destination must not be written */
} AwardsOutputFileError;

GQuark awards_output_file_error_quark (void);

typedef struct _AwardsOutputFile AwardsOutputFile;

/* The databases this process has open; no destination may be one of their files. */
void              awards_output_file_protect_database   (const char        *database_path);
void              awards_output_file_unprotect_database (const char        *database_path);

gboolean          awards_output_file_check              (const char        *path,
                                                         GError           **error);
AwardsOutputFile *awards_output_file_new                (const char        *path,
                                                         GError           **error);
const char       *awards_output_file_get_temp_path      (AwardsOutputFile  *self);
const char       *awards_output_file_get_path           (AwardsOutputFile  *self);
GOutputStream    *awards_output_file_get_stream         (AwardsOutputFile  *self);
gboolean          awards_output_file_commit             (AwardsOutputFile  *self,
                                                         GError           **error);
void              awards_output_file_free               (AwardsOutputFile  *self);

gboolean          awards_output_file_create_private     (const char        *path,
                                                         GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwardsOutputFile, awards_output_file_free)

G_END_DECLS
