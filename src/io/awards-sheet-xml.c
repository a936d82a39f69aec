/* awards-sheet-xml.c: reading the zipped XML of xlsx and ods workbooks (internal to src/io)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <gsf/gsf-infile-zip.h>
#include <gsf/gsf-input-gio.h>

#include "awards-importer.h"
#include "awards-sheet-xml.h"

/* No member of a workbook of award lists comes near this; a bigger one is a broken or hostile
 * file, not one to inflate into memory. */
#define MAX_MEMBER_SIZE (512 * 1024 * 1024)

static void
set_unreadable (GError     **error,
                GFile       *file,
                const char  *detail)
{
  g_autofree char *name = g_file_get_basename (file);

  g_set_error (error, AWARDS_IMPORT_ERROR, AWARDS_IMPORT_ERROR_FAILED,
               _("%s is not a workbook that can be read (%s)."), name, detail);
}

/* Opens @file as a zip archive. */
GsfInfile *
awards_sheet_zip_open (GFile   *file,
                       GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GsfInput) input = gsf_input_gio_new (file, &local_error);
  GsfInfile *zip;

  if (input == NULL)
    {
      set_unreadable (error, file, local_error != NULL ? local_error->message : "");
      return NULL;
    }
  zip = gsf_infile_zip_new (input, &local_error);
  if (zip == NULL)
    set_unreadable (error, file, local_error != NULL ? local_error->message : "zip");
  return zip;
}

/* The whole of the member at @path ("xl/workbook.xml"); NULL, without an error when @optional,
 * if there is none. */
GBytes *
awards_sheet_zip_read (GsfInfile   *zip,
                       const char  *path,
                       gboolean     optional,
                       GError     **error)
{
  g_auto(GStrv) names = g_strsplit (path[0] == '/' ? path + 1 : path, "/", -1);
  g_autoptr(GsfInput) member = gsf_infile_child_by_aname (zip, (const char **) names);
  gsf_off_t size;
  const guint8 *data;

  if (member == NULL)
    {
      if (!optional)
        g_set_error (error, AWARDS_IMPORT_ERROR, AWARDS_IMPORT_ERROR_FAILED,
                     _("The workbook has no part “%s”."), path);
      return NULL;
    }

  size = gsf_input_size (member);
  if (size < 0 || size > MAX_MEMBER_SIZE)
    {
      g_set_error (error, AWARDS_IMPORT_ERROR, AWARDS_IMPORT_ERROR_FAILED,
                   _("The workbook's part “%s” is too big to read."), path);
      return NULL;
    }
  if (size == 0)
    return g_bytes_new (NULL, 0);

  data = gsf_input_read (member, size, NULL);
  if (data == NULL)
    {
      g_set_error (error, AWARDS_IMPORT_ERROR, AWARDS_IMPORT_ERROR_FAILED,
                   _("The workbook's part “%s” cannot be read."), path);
      return NULL;
    }
  return g_bytes_new (data, size);
}

/* A reader that loads nothing from the network and expands no entities. */
xmlTextReaderPtr
awards_sheet_xml_reader (GBytes *bytes)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);

  return xmlReaderForMemory (data != NULL ? data : "", (int) size, NULL, NULL,
                             XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                             XML_PARSE_HUGE);
}

/* The value of the current element's attribute of that local name, whatever its namespace. */
char *
awards_sheet_xml_attribute (xmlTextReaderPtr  reader,
                            const char       *local_name)
{
  char *value = NULL;

  if (xmlTextReaderMoveToFirstAttribute (reader) != 1)
    return NULL;
  do
    {
      const char *name = (const char *) xmlTextReaderConstLocalName (reader);

      if (name != NULL && strcmp (name, local_name) == 0)
        {
          value = g_strdup ((const char *) xmlTextReaderConstValue (reader));
          break;
        }
    }
  while (xmlTextReaderMoveToNextAttribute (reader) == 1);
  xmlTextReaderMoveToElement (reader);
  return value;
}

gboolean
awards_sheet_xml_is (xmlTextReaderPtr  reader,
                     int               type,
                     const char       *local_name)
{
  const char *name;

  if (xmlTextReaderNodeType (reader) != type)
    return FALSE;
  name = (const char *) xmlTextReaderConstLocalName (reader);
  return name != NULL && strcmp (name, local_name) == 0;
}

void
awards_sheet_xml_error (GError **error,
                        GFile   *file)
{
  set_unreadable (error, file, "XML");
}
