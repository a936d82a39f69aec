/* awards-sheet-xml.h: reading the zipped XML of xlsx and ods workbooks (internal to src/io)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <gsf/gsf.h>
#include <libxml/xmlreader.h>

G_BEGIN_DECLS

GsfInfile       *awards_sheet_zip_open       (GFile             *file,
                                              GError           **error);
GBytes          *awards_sheet_zip_read       (GsfInfile         *zip,
                                              const char        *path,
                                              gboolean           optional,
                                              GError           **error);
xmlTextReaderPtr awards_sheet_xml_reader     (GBytes            *bytes);
char            *awards_sheet_xml_attribute  (xmlTextReaderPtr   reader,
                                              const char        *local_name);
gboolean         awards_sheet_xml_is         (xmlTextReaderPtr   reader,
                                              int                type,
                                              const char        *local_name);
void             awards_sheet_xml_error      (GError           **error,
                                              GFile             *file);

/* libgsf 1.14 declares no automatic cleanups of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInput, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInfile, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlTextReader, xmlFreeTextReader)

G_END_DECLS
