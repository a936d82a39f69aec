/* awards-print-operation.c: printing a report with the GTK print dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "awards-output-file.h"
#include "awards-print-file.h"
#include "awards-print-operation.h"
#include "awards-report-printer.h"

/**
 * AwardsPrintOperation:
 *
 * Prints an #AwardsReport the way the PDF export lays it out: the report's printer paginates for
 * the page the user chose in the print dialog and draws each page. Units are points and the
 * whole sheet is ours, so the printer's own margins (those of an administrative document) apply
 * rather than the print backend's.
 */

struct _AwardsPrintOperation
{
  GtkPrintOperation    parent_instance;

  AwardsReport        *report;
  AwardsReportPrinter *printer;   /* between begin-print and end-print */
  char                *refusal;   /* why the file chosen to print to was refused */
};

G_DEFINE_FINAL_TYPE (AwardsPrintOperation, awards_print_operation, GTK_TYPE_PRINT_OPERATION)

enum
{
  PROP_0,
  PROP_REPORT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkPageSetup *
default_page_setup_new (AwardsReport *report)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  g_autoptr (GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_page_setup_set_orientation (setup, awards_report_get_landscape (report)
                                           ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                           : GTK_PAGE_ORIENTATION_PORTRAIT);
  return setup;
}

static void
awards_print_operation_begin_print (GtkPrintOperation *operation,
                                    GtkPrintContext   *context)
{
  AwardsPrintOperation *self = AWARDS_PRINT_OPERATION (operation);
  GtkPrintSettings *settings = gtk_print_operation_get_print_settings (operation);
  const char *uri = settings != NULL ? gtk_print_settings_get (settings,
                                                               GTK_PRINT_SETTINGS_OUTPUT_URI)
                                     : NULL;
  g_autofree char *path = uri != NULL ? g_filename_from_uri (uri, NULL, NULL) : NULL;
  g_autoptr (GError) error = NULL;
  PangoContext *pango;
  guint n_pages;

  /* Printing to a file must not overwrite the open database or one of its files. */
  if (path != NULL && !awards_output_file_check (path, &error))
    {
      g_free (self->refusal);
      self->refusal = g_strdup (error->message);
      gtk_print_operation_cancel (operation);
      return;
    }

  pango = gtk_print_context_create_pango_context (context);
  g_clear_object (&self->printer);
  self->printer = awards_report_printer_new (self->report);
  awards_report_printer_paginate (self->printer, pango,
                                  gtk_print_context_get_width (context),
                                  gtk_print_context_get_height (context));
  g_object_unref (pango);

  n_pages = awards_report_printer_get_n_pages (self->printer);
  gtk_print_operation_set_n_pages (operation, (int) MAX (1, n_pages));
}

static void
awards_print_operation_draw_page (GtkPrintOperation *operation,
                                  GtkPrintContext   *context,
                                  int                page_nr)
{
  AwardsPrintOperation *self = AWARDS_PRINT_OPERATION (operation);

  g_return_if_fail (self->printer != NULL);

  if (page_nr < 0 || (guint) page_nr >= awards_report_printer_get_n_pages (self->printer))
    return;

  awards_report_printer_draw_page (self->printer, gtk_print_context_get_cairo_context (context),
                                   (guint) page_nr);
}

static void
awards_print_operation_end_print (GtkPrintOperation *operation,
                                  GtkPrintContext   *context)
{
  AwardsPrintOperation *self = AWARDS_PRINT_OPERATION (operation);

  g_clear_object (&self->printer);
}

static void
awards_print_operation_constructed (GObject *object)
{
  AwardsPrintOperation *self = AWARDS_PRINT_OPERATION (object);
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (object);
  g_autoptr (GtkPageSetup) setup = NULL;

  G_OBJECT_CLASS (awards_print_operation_parent_class)->constructed (object);

  g_return_if_fail (AWARDS_IS_REPORT (self->report));

  setup = default_page_setup_new (self->report);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_job_name (operation, awards_report_get_title (self->report));
  /* Printing to a file writes it like every other file: privately, and renamed into place. */
  awards_print_file_guard (operation);
}

static void
awards_print_operation_dispose (GObject *object)
{
  AwardsPrintOperation *self = AWARDS_PRINT_OPERATION (object);

  g_clear_object (&self->printer);
  g_clear_object (&self->report);
  g_clear_pointer (&self->refusal, g_free);

  G_OBJECT_CLASS (awards_print_operation_parent_class)->dispose (object);
}

static void
awards_print_operation_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  AwardsPrintOperation *self = AWARDS_PRINT_OPERATION (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      g_value_set_object (value, self->report);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awards_print_operation_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  AwardsPrintOperation *self = AWARDS_PRINT_OPERATION (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      g_set_object (&self->report, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awards_print_operation_class_init (AwardsPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->constructed = awards_print_operation_constructed;
  object_class->dispose = awards_print_operation_dispose;
  object_class->get_property = awards_print_operation_get_property;
  object_class->set_property = awards_print_operation_set_property;

  operation_class->begin_print = awards_print_operation_begin_print;
  operation_class->draw_page = awards_print_operation_draw_page;
  operation_class->end_print = awards_print_operation_end_print;

  /**
   * AwardsPrintOperation:report:
   *
   * The report to print.
   */
  properties[PROP_REPORT] =
    g_param_spec_object ("report", NULL, NULL,
                         AWARDS_TYPE_REPORT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
awards_print_operation_init (AwardsPrintOperation *self)
{
}

/**
 * awards_print_operation_new:
 * @report: the report to print
 *
 * The operation starts on an A4 page, landscape when the report asks for it, and lets the
 * print dialog run asynchronously.
 *
 * Returns: (transfer full): a new print operation
 */
AwardsPrintOperation *
awards_print_operation_new (AwardsReport *report)
{
  g_return_val_if_fail (AWARDS_IS_REPORT (report), NULL);

  return g_object_new (AWARDS_TYPE_PRINT_OPERATION,
                       "report", report,
                       "allow-async", TRUE,
                       NULL);
}

/**
 * awards_print_operation_get_report:
 * @self: a #AwardsPrintOperation
 *
 * Returns: (transfer none): the report being printed
 */
AwardsReport *
awards_print_operation_get_report (AwardsPrintOperation *self)
{
  g_return_val_if_fail (AWARDS_IS_PRINT_OPERATION (self), NULL);

  return self->report;
}

/**
 * awards_print_operation_get_refusal:
 *
 * Returns: (nullable): why printing to the chosen file was refused, after a cancelled print
 */
const char *
awards_print_operation_get_refusal (AwardsPrintOperation *self)
{
  const GError *error;

  g_return_val_if_fail (AWARDS_IS_PRINT_OPERATION (self), NULL);

  if (self->refusal != NULL)
    return self->refusal;
  error = awards_print_file_get_error (GTK_PRINT_OPERATION (self));
  return error != NULL ? error->message : NULL;
}
