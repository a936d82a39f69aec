/* awards-certificate-files.c: the certificate designer's file dialogs — export, import and the
 * blank's picture
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "awards-certificate-exchange.h"
#include "awards-certificate-files.h"
#include "awards-gui-utils.h"
#include "awards-report.h"

/*
 * The designer edits one template; these dialogs move it between the designer and files. A
 * template travels with its picture beside it (awards-certificate-exchange.c), so that another
 * office gets the blank too.
 */

static GtkWindow *
parent_window (AwardsCertificateDesigner *designer)
{
  return GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (designer)));
}

static void
export_response_cb (GtkNativeDialog           *dialog,
                    int                        response,
                    AwardsCertificateDesigner *designer)
{
  const AwardsCertificateTemplate *template = awards_certificate_designer_get_template (designer);
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT && template != NULL &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) != NULL &&
      (path = g_file_get_path (file)) != NULL &&
      !awards_certificate_template_export (template, path, &error))
    awards_gui_show_error (GTK_WIDGET (designer), _("Could not export the template"), error);
  g_object_unref (dialog);
}

/**
 * awards_certificate_files_export:
 * @designer: a designer with a template
 *
 * Asks where to export the template being edited, and writes it there with its picture.
 */
void
awards_certificate_files_export (AwardsCertificateDesigner *designer)
{
  const AwardsCertificateTemplate *template = awards_certificate_designer_get_template (designer);
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;

  g_return_if_fail (template != NULL);

  name = g_strconcat (template->name, ".certificate", NULL);
  dialog = gtk_file_chooser_native_new (_("Export Template"), parent_window (designer),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), designer);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
import_response_cb (GtkNativeDialog           *dialog,
                    int                        response,
                    AwardsCertificateDesigner *designer)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autoptr (AwardsCertificateTemplate) template = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) != NULL &&
      (path = g_file_get_path (file)) != NULL)
    {
      dir = awards_certificate_template_user_dir ();
      template = awards_certificate_template_import (path, dir, &error);
      if (template != NULL)
        awards_certificate_designer_show_template (designer, template->name);
      else
        awards_gui_show_error (GTK_WIDGET (designer), _("Could not import the template"), error);
    }
  g_object_unref (dialog);
}

/**
 * awards_certificate_files_import:
 * @designer: a designer
 *
 * Asks for a template file, keeps it with its picture among the user's templates and shows it.
 */
void
awards_certificate_files_import (AwardsCertificateDesigner *designer)
{
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Import Template"), parent_window (designer),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), NULL);
  g_signal_connect (dialog, "response", G_CALLBACK (import_response_cb), designer);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* The blank's scanned picture, drawn under the fields and on test prints; Save keeps it. */
static void
picture_response_cb (GtkNativeDialog           *dialog,
                     int                        response,
                     AwardsCertificateDesigner *designer)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      awards_certificate_designer_get_template (designer) != NULL &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) != NULL &&
      (path = g_file_get_path (file)) != NULL)
    {
      cairo_surface_t *image = cairo_image_surface_create_from_png (path);
      cairo_status_t status = cairo_surface_status (image);

      cairo_surface_destroy (image);
      if (status != CAIRO_STATUS_SUCCESS)
        {
          g_autofree char *display = g_filename_display_name (path);
          g_autoptr (GError) error = g_error_new (AWARDS_REPORT_ERROR,
                                                  AWARDS_REPORT_ERROR_INVALID,
                                                  _("%s is not a PNG image: scan the blank "
                                                    "or save its picture as PNG."), display);

          awards_gui_show_error (GTK_WIDGET (designer), _("Could not use the image"), error);
        }
      else
        awards_certificate_designer_set_background (designer, path);
    }
  g_object_unref (dialog);
}

/**
 * awards_certificate_files_choose_picture:
 * @designer: a designer with a template
 *
 * Asks for the scanned blank (PNG) to draw under the template's fields.
 */
void
awards_certificate_files_choose_picture (AwardsCertificateDesigner *designer)
{
  GtkFileChooserNative *dialog;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("PNG images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_suffix (filter, "png");
  dialog = gtk_file_chooser_native_new (_("Choose the Blank’s Picture"), parent_window (designer),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), NULL);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_signal_connect (dialog, "response", G_CALLBACK (picture_response_cb), designer);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}
