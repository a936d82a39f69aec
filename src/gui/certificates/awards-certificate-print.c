/* awards-certificate-print.c: certificates and calibration pages through the print dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "awards-certificate-print.h"
#include "awards-date.h"
#include "awards-official-layout.h"
#include "awards-print-file.h"
#include "awards-settings.h"

typedef struct
{
  AwardsStore                *store;
  GPtrArray                  *templates;
  GPtrArray                  *data;
  AwardsCertificatePrintMode  mode;
  gboolean                    previewing;
  gboolean                    numbered;
  double                      offset_x;
  double                      offset_y;
  GError                     *error;
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->store);
  g_clear_pointer (&job->templates, g_ptr_array_unref);
  g_clear_pointer (&job->data, g_ptr_array_unref);
  g_clear_error (&job->error);
  g_free (job);
}

static gboolean
preview_cb (GtkPrintOperation        *operation,
            GtkPrintOperationPreview *preview,
            GtkPrintContext          *context,
            GtkWindow                *parent,
            Job                      *job)
{
  /* A preview shows the certificates but gives no register numbers. */
  job->previewing = TRUE;
  return FALSE;
}

static gboolean
assign_numbers (Job     *job,
                GError **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  const AwardsCertificateData *first = g_ptr_array_index (job->data, 0);

  for (guint i = 0; i < job->data->len; i++)
    g_array_append_val (ids, ((AwardsCertificateData *) job->data->pdata[i])->commendation_id);
  if (!awards_store_assign_register_numbers (job->store, (gint64 *) ids->data, ids->len,
                                             awards_date_year (first->decision_date), error))
    return FALSE;

  for (guint i = 0; i < job->data->len; i++)
    {
      AwardsCertificateData *certificate = g_ptr_array_index (job->data, i);
      g_autoptr (AwardsCommendation) award =
        awards_store_get_commendation (job->store, certificate->commendation_id, error);

      if (award == NULL)
        return FALSE;
      g_free (certificate->register_number);
      certificate->register_number = g_strdup (awards_commendation_get_register_number (award));
    }
  return TRUE;
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                Job               *job)
{
  GtkPrintSettings *settings = gtk_print_operation_get_print_settings (operation);
  const char *printer = settings != NULL ? gtk_print_settings_get_printer (settings) : NULL;

  awards_store_get_printer_offset (job->store, printer, &job->offset_x, &job->offset_y, NULL);
  gtk_print_operation_set_n_pages (operation, job->mode == AWARDS_CERTIFICATE_PRINT_CALIBRATION
                                                ? 1 : (int) job->data->len);

  if (job->mode == AWARDS_CERTIFICATE_PRINT_FINAL && !job->previewing && !job->numbered &&
      job->store != NULL)
    {
      job->numbered = TRUE;
      if (!assign_numbers (job, &job->error))
        gtk_print_operation_cancel (operation);
    }
}

static void
request_page_setup_cb (GtkPrintOperation *operation,
                       GtkPrintContext   *context,
                       int                page_nr,
                       GtkPageSetup      *setup,
                       Job               *job)
{
  const AwardsCertificateTemplate *template =
    g_ptr_array_index (job->templates, MIN ((guint) page_nr, job->templates->len - 1));
  g_autoptr (GtkPaperSize) paper = NULL;
  double width = MIN (template->paper_width, template->paper_height);
  double height = MAX (template->paper_width, template->paper_height);

  paper = gtk_paper_size_new_custom ("coop-awards-blank", _("Certificate blank"), width, height,
                                     GTK_UNIT_MM);
  gtk_page_setup_set_paper_size (setup, paper);
  gtk_page_setup_set_orientation (setup, template->paper_width > template->paper_height
                                           ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                           : GTK_PAGE_ORIENTATION_PORTRAIT);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              Job               *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  PangoContext *pango = gtk_print_context_create_pango_context (context);
  const AwardsCertificateTemplate *template = g_ptr_array_index (job->templates, page_nr);

  awards_official_layout_free (awards_official_layout_new (pango, NULL, 0));
  if (job->mode == AWARDS_CERTIFICATE_PRINT_CALIBRATION)
    awards_certificate_draw_calibration (cr, pango, template->paper_width,
                                         template->paper_height, job->offset_x, job->offset_y);
  else
    awards_certificate_draw (cr, pango, template, g_ptr_array_index (job->data, page_nr),
                             job->mode == AWARDS_CERTIFICATE_PRINT_TEST,
                             -job->offset_x, -job->offset_y);
  g_object_unref (pango);
}

gboolean
awards_certificate_print (GtkWindow                  *parent,
                          AwardsStore                *store,
                          GPtrArray                  *templates,
                          GPtrArray                  *data,
                          AwardsCertificatePrintMode  mode,
                          const char                 *export_path,
                          GError                    **error)
{
  g_autoptr (GtkPrintOperation) operation = NULL;
  GtkPrintOperationResult result;
  Job *job;
  gboolean ok;

  g_return_val_if_fail (templates != NULL && templates->len > 0, FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  if (mode != AWARDS_CERTIFICATE_PRINT_CALIBRATION &&
      !awards_certificates_check (templates, data, error))
    return FALSE;

  job = g_new0 (Job, 1);
  job->store = store != NULL ? g_object_ref (store) : NULL;
  job->templates = g_ptr_array_ref (templates);
  job->data = g_ptr_array_ref (data);
  job->mode = mode;

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  /* Positions are measured from the paper's edge, not from the printer's margins. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_job_name (operation, mode == AWARDS_CERTIFICATE_PRINT_CALIBRATION
                                                 ? _("Calibration page") : _("Certificates"));
  g_signal_connect (operation, "preview", G_CALLBACK (preview_cb), job);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (operation, "request-page-setup", G_CALLBACK (request_page_setup_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);

  /* A file printed or exported to is written like every other file (awards-print-file.c). */
  awards_print_file_guard (operation);
  if (export_path != NULL && !awards_print_file_set_export (operation, export_path, error))
    {
      job_free (job);
      return FALSE;
    }
  result = gtk_print_operation_run (operation, export_path != NULL
                                                 ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                                 : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    parent, error);

  ok = result != GTK_PRINT_OPERATION_RESULT_ERROR;
  if (job->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&job->error));
      ok = FALSE;
    }
  else if (ok && awards_print_file_get_error (operation) != NULL)
    {
      g_propagate_error (error, g_error_copy (awards_print_file_get_error (operation)));
      ok = FALSE;
    }
  job_free (job);
  return ok;
}

gboolean
awards_certificate_print_collect (AwardsStore  *store,
                                  gint64        decision_id,
                                  GArray       *ids,
                                  GPtrArray   **templates_out,
                                  GPtrArray   **data_out,
                                  GError      **error)
{
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) templates = NULL;
  g_autoptr (GPtrArray) pages = g_ptr_array_new_with_free_func (
    (GDestroyNotify) awards_certificate_template_free);
  g_autoptr (GPtrArray) data = g_ptr_array_new_with_free_func (
    (GDestroyNotify) awards_certificate_data_free);

  all = awards_certificate_data_for_decision_id (store, decision_id, error);
  if (all == NULL)
    return FALSE;
  templates = awards_certificate_template_list (error);
  if (templates == NULL)
    return FALSE;

  for (guint i = 0; i < all->len; i++)
    {
      AwardsCertificateData *certificate = g_ptr_array_index (all, i);
      AwardsCertificateTemplate *template;
      gboolean wanted = ids == NULL;

      for (guint j = 0; !wanted && j < ids->len; j++)
        wanted = g_array_index (ids, gint64, j) == certificate->commendation_id;
      template = awards_certificate_template_find (templates, certificate->award,
                                                   certificate->kind);
      if (!wanted || template == NULL)
        continue;
      g_ptr_array_add (pages, awards_certificate_template_copy (template));
      g_ptr_array_add (data, awards_certificate_data_copy (certificate));
    }

  if (data->len == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("None of these awards has a certificate template."));
      return FALSE;
    }

  *templates_out = g_steal_pointer (&pages);
  *data_out = g_steal_pointer (&data);
  return TRUE;
}
