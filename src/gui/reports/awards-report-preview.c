/* awards-report-preview.c: the pages of a report as they will print, its text and totals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "awards-gui-utils.h"
#include "awards-report-preview.h"

/**
 * AwardsReportPreview:
 *
 * The right side of the Reports page: nothing yet, a spinner while a report is built, why it
 * could not be, or the report itself: its title, its pages drawn as they will print (or its
 * plain text), a page navigator and a status line with the totals. The print and export
 * buttons of the status line call the page's actions.
 */

/* The space around the previewed page, in pixels; the page navigator floats below it. */
#define PREVIEW_MARGIN        18
#define PREVIEW_MARGIN_BOTTOM 72

struct _AwardsReportPreview
{
  AdwBin               parent_instance;

  AwardsReportPrinter *printer;          /* laid out for the preview */
  double               page_width;
  double               page_height;
  guint                page_nr;

  GtkStack            *preview_stack;
  GtkSpinner          *spinner;
  AdwStatusPage       *error_page;
  GtkButton           *back_button;
  GtkLabel            *title_label;
  GtkToggleButton     *text_toggle;
  GtkLabel            *page_label;
  GtkStack            *view_stack;
  GtkDrawingArea      *page_area;
  AdwSplitButton      *export_button;
  GtkTextView         *text_view;
  GtkLabel            *totals_label;
};

G_DEFINE_FINAL_TYPE (AwardsReportPreview, awards_report_preview, ADW_TYPE_BIN)

enum
{
  PAGE_CHANGED,
  BACK_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_accessible_label (GtkWidget  *widget,
                      const char *label,
                      const char *description)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description != NULL ? description : "",
                                  -1);
}

static void
update_page_label (AwardsReportPreview *self)
{
  guint n_pages = awards_report_preview_get_n_pages (self);
  g_autofree char *text = NULL;

  /* Translators: the page of the report shown, "Page 1 of 3". */
  text = g_strdup_printf (_("Page %u of %u"), MIN (self->page_nr + 1, n_pages), n_pages);
  gtk_label_set_label (self->page_label, text);
  set_accessible_label (GTK_WIDGET (self->page_area), text, NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self->page_area));
  g_signal_emit (self, signals[PAGE_CHANGED], 0);
}

/* The text report lines its columns up in a monospace face that has every Vietnamese letter:
 * "monospace" is DejaVu Sans Mono here, which lacks some, and they would fall back to a
 * proportional face and shift the columns. */
static void
set_report_font (AwardsReportPreview *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextTagTable *tags = gtk_text_buffer_get_tag_table (buffer);
  GtkTextIter start, end;

  if (gtk_text_tag_table_lookup (tags, "report-font") == NULL)
    gtk_text_buffer_create_tag (buffer, "report-font",
                                "family", "Liberation Mono, DejaVu Sans Mono, monospace",
                                NULL);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_apply_tag_by_name (buffer, "report-font", &start, &end);
}

static void
draw_page_cb (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  AwardsReportPreview *self = user_data;
  double scale, x, y, w, h;

  /* A desk under the sheet, so that the page's white stands out in either style. */
  cairo_set_source_rgba (cr, 0, 0, 0, 0.06);
  cairo_paint (cr);

  if (self->printer == NULL || self->page_nr >= awards_report_printer_get_n_pages (self->printer))
    return;

  scale = MIN ((width - 2.0 * PREVIEW_MARGIN) / self->page_width,
               (height - PREVIEW_MARGIN - PREVIEW_MARGIN_BOTTOM) / self->page_height);
  if (scale <= 0)
    return;

  w = self->page_width * scale;
  h = self->page_height * scale;
  x = floor ((width - w) / 2);
  y = PREVIEW_MARGIN;

  /* The sheet, with a faint shadow to lift it off the background. */
  cairo_set_source_rgba (cr, 0, 0, 0, 0.18);
  cairo_rectangle (cr, x + 1, y + 2, w, h);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, w, h);
  cairo_fill (cr);

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, self->page_width, self->page_height);
  cairo_clip (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  awards_report_printer_draw_page (self->printer, cr, self->page_nr);
  cairo_restore (cr);
}

static void
view_toggled_cb (AwardsReportPreview *self,
                 GtkToggleButton     *button)
{
  gtk_stack_set_visible_child_name (self->view_stack,
                                    gtk_toggle_button_get_active (self->text_toggle)
                                    ? "text" : "pages");
}

static void
back_clicked_cb (AwardsReportPreview *self,
                 GtkButton           *button)
{
  g_signal_emit (self, signals[BACK_REQUESTED], 0);
}

static void
awards_report_preview_dispose (GObject *object)
{
  AwardsReportPreview *self = AWARDS_REPORT_PREVIEW (object);

  /* No gtk_widget_dispose_template (): AdwBin unparents its child itself. */
  g_clear_object (&self->printer);

  G_OBJECT_CLASS (awards_report_preview_parent_class)->dispose (object);
}

static void
awards_report_preview_class_init (AwardsReportPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = awards_report_preview_dispose;

  /**
   * AwardsReportPreview::page-changed:
   *
   * Another page is shown, or another report: what the page navigator can do changed.
   */
  signals[PAGE_CHANGED] = g_signal_new ("page-changed", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 0);
  /**
   * AwardsReportPreview::back-requested:
   *
   * The back button was pressed: on a narrow window, the clerk wants the filters again.
   */
  signals[BACK_REQUESTED] = g_signal_new ("back-requested", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/coopawards/CoopAwards/ui/"
                                               "awards-report-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, AwardsReportPreview, preview_stack);
  gtk_widget_class_bind_template_child (widget_class, AwardsReportPreview, spinner);
  gtk_widget_class_bind_template_child (widget_class, AwardsReportPreview, error_page);
  gtk_widget_class_bind_template_child (widget_class, AwardsReportPreview, back_button);
  gtk_widget_class_bind_template_child (widget_class, AwardsReportPreview, title_label);
  gtk_widget_class_bind_template_child (widget_class, AwardsReportPreview, text_toggle);
  gtk_widget_class_bind_template_child (widget_class, AwardsReportPreview, page_label);
  gtk_widget_class_bind_template_child (widget_class, AwardsReportPreview, view_stack);
  gtk_widget_class_bind_template_child (widget_class, AwardsReportPreview, page_area);
  gtk_widget_class_bind_template_child (widget_class, AwardsReportPreview, export_button);
  gtk_widget_class_bind_template_child (widget_class, AwardsReportPreview, text_view);
  gtk_widget_class_bind_template_child (widget_class, AwardsReportPreview, totals_label);
  gtk_widget_class_bind_template_callback (widget_class, view_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
}

static void
awards_report_preview_init (AwardsReportPreview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (self->page_area, draw_page_cb, self, NULL);

  /* GTK 4.8 leaves the inner buttons of this control without a name of its own. */
  awards_gui_set_accessible_label_inside (GTK_WIDGET (self->export_button), _("Export"));
  awards_report_preview_set_state (self, "empty");
}

/**
 * awards_report_preview_set_state:
 * @self: a #AwardsReportPreview
 * @state: "empty", "building", "report" or "error"
 */
void
awards_report_preview_set_state (AwardsReportPreview *self,
                                 const char          *state)
{
  g_return_if_fail (AWARDS_IS_REPORT_PREVIEW (self));

  gtk_stack_set_visible_child_name (self->preview_stack, state);
  if (g_str_equal (state, "building"))
    gtk_spinner_start (self->spinner);
  else
    gtk_spinner_stop (self->spinner);
}

const char *
awards_report_preview_get_state (AwardsReportPreview *self)
{
  g_return_val_if_fail (AWARDS_IS_REPORT_PREVIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->preview_stack);
}

/* Says why there is no report, in place of it. */
void
awards_report_preview_show_error (AwardsReportPreview *self,
                                  const char          *message)
{
  g_return_if_fail (AWARDS_IS_REPORT_PREVIEW (self));

  awards_gui_set_status_description (self->error_page, message);
  awards_report_preview_set_state (self, "error");
}

/**
 * awards_report_preview_show_report:
 * @self: a #AwardsReportPreview
 * @report: the report
 * @printer: @report laid out on pages of @page_width × @page_height points
 * @page_width: in points
 * @page_height: in points
 * @text: the report as plain text
 *
 * Shows the first page of @report, its title, its text and its totals.
 */
void
awards_report_preview_show_report (AwardsReportPreview *self,
                                   AwardsReport        *report,
                                   AwardsReportPrinter *printer,
                                   double               page_width,
                                   double               page_height,
                                   const char          *text)
{
  g_autofree char *collectives = NULL;
  g_autofree char *individuals = NULL;
  g_autofree char *totals = NULL;
  guint n_collectives = 0, n_individuals = 0;

  g_return_if_fail (AWARDS_IS_REPORT_PREVIEW (self));

  g_set_object (&self->printer, printer);
  self->page_width = page_width;
  self->page_height = page_height;
  self->page_nr = 0;

  gtk_label_set_label (self->title_label, awards_report_get_title (report));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), awards_report_get_title (report));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text, -1);
  set_report_font (self);

  awards_report_get_totals (report, &n_collectives, &n_individuals);
  /* "%'u" groups thousands as the locale does: 69.793 in Vietnamese. */
  collectives = g_strdup_printf (ngettext ("%'u award to collectives",
                                           "%'u awards to collectives", n_collectives),
                                 n_collectives);
  individuals = g_strdup_printf (ngettext ("%'u to individuals", "%'u to individuals",
                                           n_individuals), n_individuals);
  /* Translators: "18 awards to collectives, 17 to individuals". */
  totals = g_strdup_printf (_("%s, %s"), collectives, individuals);
  gtk_label_set_label (self->totals_label, totals);

  awards_report_preview_set_state (self, "report");
  update_page_label (self);
}

/* Forgets the report shown (another database was opened). */
void
awards_report_preview_clear (AwardsReportPreview *self)
{
  g_return_if_fail (AWARDS_IS_REPORT_PREVIEW (self));

  g_clear_object (&self->printer);
  self->page_nr = 0;
}

guint
awards_report_preview_get_page_nr (AwardsReportPreview *self)
{
  g_return_val_if_fail (AWARDS_IS_REPORT_PREVIEW (self), 0);

  return self->page_nr;
}

guint
awards_report_preview_get_n_pages (AwardsReportPreview *self)
{
  g_return_val_if_fail (AWARDS_IS_REPORT_PREVIEW (self), 0);

  return self->printer != NULL ? awards_report_printer_get_n_pages (self->printer) : 0;
}

/* Shows the page @delta pages away (-1 the previous, 1 the next), if there is one. */
void
awards_report_preview_turn_page (AwardsReportPreview *self,
                                 int                  delta)
{
  guint n_pages;

  g_return_if_fail (AWARDS_IS_REPORT_PREVIEW (self));

  n_pages = awards_report_preview_get_n_pages (self);
  if ((delta < 0 && self->page_nr < (guint) -delta) ||
      (delta > 0 && self->page_nr + delta >= n_pages) || delta == 0)
    return;

  self->page_nr += delta;
  update_page_label (self);
}

/* The back button is shown when the filters and the report take turns (a narrow window). */
void
awards_report_preview_set_back_visible (AwardsReportPreview *self,
                                        gboolean             visible)
{
  g_return_if_fail (AWARDS_IS_REPORT_PREVIEW (self));

  gtk_widget_set_visible (GTK_WIDGET (self->back_button), visible);
}
