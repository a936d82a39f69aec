/* awards-certificate-exchange.c: certificate templates shared between offices as files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "awards-certificate-exchange.h"
#include "awards-report.h"

/*
 * A template names its blank's picture. Written as an absolute path it only works on the machine
 * that wrote it, so a template leaves this office with its picture beside it under the template's
 * name, and arrives in the user's folder the same way. awards_certificate_template_save() writes
 * a picture in the file's own folder by its relative name.
 */

/* "bang-khen.png" for the template "bang-khen" and a picture "/scans/phoi 1.PNG". */
static char *
picture_name (const AwardsCertificateTemplate *template)
{
  g_autofree char *base = g_path_get_basename (template->background);
  const char *dot = strrchr (base, '.');

  return g_strconcat (template->name, dot != NULL && dot != base ? dot : ".png", NULL);
}

/* Copies the template's picture into @dir under the template's name. Sets *@copied to the path
 * of the copy, and *@created when the copy is a new file. */
static gboolean
copy_picture (const AwardsCertificateTemplate  *template,
              const char                       *dir,
              char                            **copied,
              gboolean                         *created,
              GError                          **error)
{
  g_autofree char *name = picture_name (template);
  g_autofree char *target = g_build_filename (dir, name, NULL);
  g_autofree char *source_path = g_canonicalize_filename (template->background, NULL);
  g_autofree char *target_path = g_canonicalize_filename (target, NULL);
  g_autoptr (GFile) source = g_file_new_for_path (source_path);
  g_autoptr (GFile) destination = g_file_new_for_path (target_path);
  g_autoptr (GError) local_error = NULL;

  *created = FALSE;
  if (g_strcmp0 (source_path, target_path) != 0)
    {
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       _("Could not make the folder %s: %s"), dir, g_strerror (saved));
          return FALSE;
        }
      *created = !g_file_test (target_path, G_FILE_TEST_EXISTS);
      if (!g_file_copy (source, destination, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL,
                        &local_error))
        {
          g_autofree char *display = g_filename_display_name (template->background);

          *created = FALSE;
          g_set_error (error, AWARDS_REPORT_ERROR, AWARDS_REPORT_ERROR_FAILED,
                       _("Could not copy the blank’s picture %s: %s"), display,
                       local_error->message);
          return FALSE;
        }
    }
  *copied = g_steal_pointer (&target_path);
  return TRUE;
}

/* Saves @template (its picture already at @picture, if any) to @path; a picture copied for it
 * is removed again when the template cannot be written. */
static gboolean
save_with_picture (AwardsCertificateTemplate  *template,
                   char                       *picture,
                   gboolean                    created,
                   const char                 *path,
                   GError                    **error)
{
  if (picture != NULL)
    {
      g_free (template->background);
      template->background = g_strdup (picture);
    }
  if (awards_certificate_template_save (template, path, error))
    return TRUE;
  if (created)
    g_unlink (picture);
  return FALSE;
}

/**
 * awards_certificate_template_export:
 * @template: the template
 * @path: the file to write
 * @error: return location for a #GError
 *
 * Writes @template to @path with its picture beside it.
 *
 * Returns: %TRUE when both were written
 */
gboolean
awards_certificate_template_export (const AwardsCertificateTemplate  *template,
                                    const char                       *path,
                                    GError                          **error)
{
  g_autoptr (AwardsCertificateTemplate) copy = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *picture = NULL;
  gboolean created = FALSE;

  g_return_val_if_fail (template != NULL, FALSE);
  g_return_val_if_fail (template->name != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  copy = awards_certificate_template_copy (template);
  dir = g_path_get_dirname (path);
  if (copy->background != NULL &&
      !copy_picture (copy, dir, &picture, &created, error))
    return FALSE;
  return save_with_picture (copy, picture, created, path, error);
}

/**
 * awards_certificate_template_import:
 * @path: a template file, from another office or an older version
 * @dir: the folder to keep it in (the user's templates)
 * @error: return location for a #GError
 *
 * Reads the template at @path and keeps it, with its picture, in @dir. A picture that is not
 * there (an old file naming a path of another machine) is left named as it was: the template
 * still prints, only its previews and test prints lack the blank.
 *
 * Returns: (transfer full): the template as kept in @dir, or %NULL
 */
AwardsCertificateTemplate *
awards_certificate_template_import (const char  *path,
                                    const char  *dir,
                                    GError     **error)
{
  g_autoptr (AwardsCertificateTemplate) template = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *target = NULL;
  g_autofree char *picture = NULL;
  gboolean created = FALSE;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (dir != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  template = awards_certificate_template_load (path, error);
  if (template == NULL)
    return NULL;

  if (template->background != NULL &&
      g_file_test (template->background, G_FILE_TEST_IS_REGULAR) &&
      !copy_picture (template, dir, &picture, &created, error))
    return NULL;

  file_name = g_strconcat (template->name, ".certificate", NULL);
  target = g_build_filename (dir, file_name, NULL);
  if (!save_with_picture (template, picture, created, target, error))
    return NULL;
  g_free (template->path);
  template->path = g_steal_pointer (&target);
  return g_steal_pointer (&template);
}
