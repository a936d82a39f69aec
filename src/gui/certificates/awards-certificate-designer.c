/* awards-certificate-designer.c: fields placed over a certificate blank, by dragging and by numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "awards-accessible-names.h"
#include "awards-certificate-designer.h"
#include "awards-certificate-files.h"
#include "awards-certificate-print.h"
#include "awards-certificate-samples.h"
#include "awards-gui-utils.h"
#include "awards-official-layout.h"
#include "awards-printer-offset.h"
#include "awards-report.h"
#include "awards-settings.h"
#include "awards-store-async.h"

#define MM (72.0 / 25.4)
#define CANVAS_MARGIN 12.0
#define MAX_RECIPIENTS 200

/**
 * AwardsCertificateDesigner:
 *
 * The blank's picture with the fields drawn on it as boxes and filled with a chosen recipient's
 * data. A field is moved by dragging its box or by the numbers beside the canvas (mm from the
 * blank's top-left corner); both edit the same template, which is saved into the user's folder or
 * exported to a file for another office. The printer's offset (mm) is found by printing the
 * calibration page on plain paper and measuring how far the crosses moved.
 */

struct _AwardsCertificateDesigner
{
  GtkBox                     parent_instance;

  AwardsStore               *store;
  GPtrArray                 *templates;    /* AwardsCertificateTemplate, as read */
  AwardsCertificateTemplate *template;     /* the copy being edited */
  AwardsCertificateData     *preview;
  GPtrArray                 *recipients;   /* AwardsCertificateData to choose from */
  GCancellable              *reading;      /* the latest awards, being read */
  AwardsCertificateFieldId   selected;
  gboolean                   updating;

  /* Where the blank is on the canvas: its origin in pixels and pixels per mm. */
  double                     origin_x;
  double                     origin_y;
  double                     px_per_mm;
  double                     drag_start_x;
  double                     drag_start_y;
  gboolean                   dragging;

  GtkWidget                 *canvas;
  GtkGesture                *drag;
  GtkDropDown               *template_dropdown;
  GtkDropDown               *field_dropdown;
  GtkDropDown               *recipient_dropdown;
  GHashTable                *spins;        /* "x", "y", "width", "size" */
  GtkCheckButton            *visible_check;
  GtkCheckButton            *bold_check;
  GtkCheckButton            *italic_check;
  AwardsPrinterOffset       *printer_offset;
  GPtrArray                 *template_widgets; /* what needs a template to work on */
};

G_DEFINE_FINAL_TYPE (AwardsCertificateDesigner, awards_certificate_designer, GTK_TYPE_BOX)

static GtkSpinButton *
spin (AwardsCertificateDesigner *self,
      const char                *what)
{
  return g_hash_table_lookup (self->spins, what);
}

/* Geometry */

static void
update_geometry (AwardsCertificateDesigner *self)
{
  double width = gtk_widget_get_width (self->canvas) - 2 * CANVAS_MARGIN;
  double height = gtk_widget_get_height (self->canvas) - 2 * CANVAS_MARGIN;

  if (self->template == NULL || width <= 0 || height <= 0)
    {
      self->px_per_mm = 1;
      self->origin_x = self->origin_y = CANVAS_MARGIN;
      return;
    }
  self->px_per_mm = MIN (width / self->template->paper_width,
                         height / self->template->paper_height);
  self->origin_x = CANVAS_MARGIN + (width - self->template->paper_width * self->px_per_mm) / 2;
  self->origin_y = CANVAS_MARGIN + (height - self->template->paper_height * self->px_per_mm) / 2;
}

void
awards_certificate_designer_mm_to_canvas (AwardsCertificateDesigner *self,
                                          double                     x_mm,
                                          double                     y_mm,
                                          double                    *x,
                                          double                    *y)
{
  g_return_if_fail (AWARDS_IS_CERTIFICATE_DESIGNER (self));

  update_geometry (self);
  *x = self->origin_x + x_mm * self->px_per_mm;
  *y = self->origin_y + y_mm * self->px_per_mm;
}

/* A field's box in mm: its width, and the height of its lines at its size. */
static double
field_height (const AwardsCertificateField *field)
{
  return field->size * 1.25 * field->max_lines / MM;
}

static int
field_at (AwardsCertificateDesigner *self,
          double                     x,
          double                     y)
{
  double x_mm = (x - self->origin_x) / self->px_per_mm;
  double y_mm = (y - self->origin_y) / self->px_per_mm;

  /* The selected field first, so a field under another stays reachable once chosen. */
  for (int pass = 0; pass < 2; pass++)
    for (int i = 0; i < AWARDS_CERTIFICATE_N_FIELDS; i++)
      {
        const AwardsCertificateField *field = &self->template->fields[i];

        if ((pass == 0) != ((guint) i == self->selected) || !field->visible)
          continue;
        if (x_mm >= field->x && x_mm <= field->x + field->width &&
            y_mm >= field->y && y_mm <= field->y + field_height (field))
          return i;
      }
  return -1;
}

/* Drawing */

static void
draw_canvas (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  AwardsCertificateDesigner *self = user_data;
  PangoContext *context;

  if (self->template == NULL)
    return;
  update_geometry (self);

  cairo_save (cr);
  cairo_translate (cr, self->origin_x, self->origin_y);
  cairo_rectangle (cr, 0, 0, self->template->paper_width * self->px_per_mm,
                   self->template->paper_height * self->px_per_mm);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 0.5, 0.5, 0.5);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  /* Points from here on, as on paper. */
  cairo_scale (cr, self->px_per_mm / MM, self->px_per_mm / MM);
  context = pango_cairo_create_context (cr);
  pango_cairo_context_set_resolution (context, 72);
  awards_official_layout_free (awards_official_layout_new (context, NULL, 0));
  awards_certificate_draw (cr, context, self->template, self->preview, TRUE, 0, 0);
  g_object_unref (context);

  for (guint i = 0; i < AWARDS_CERTIFICATE_N_FIELDS; i++)
    {
      const AwardsCertificateField *field = &self->template->fields[i];
      static const double dash[] = { 3, 2 };

      if (!field->visible)
        continue;
      cairo_rectangle (cr, field->x * MM, field->y * MM, field->width * MM,
                       field_height (field) * MM);
      if (i == self->selected)
        {
          cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.9);
          cairo_set_line_width (cr, 1.5 * MM / self->px_per_mm);
          cairo_set_dash (cr, NULL, 0, 0);
        }
      else
        {
          cairo_set_source_rgba (cr, 0.3, 0.3, 0.3, 0.6);
          cairo_set_line_width (cr, 0.8 * MM / self->px_per_mm);
          cairo_set_dash (cr, dash, 2, 0);
        }
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

/* Numbers and the template */

static void
show_field (AwardsCertificateDesigner *self)
{
  const AwardsCertificateField *field;

  if (self->template == NULL)
    return;
  field = &self->template->fields[self->selected];
  self->updating = TRUE;
  gtk_spin_button_set_value (spin (self, "x"), field->x);
  gtk_spin_button_set_value (spin (self, "y"), field->y);
  gtk_spin_button_set_value (spin (self, "width"), field->width);
  gtk_spin_button_set_value (spin (self, "size"), field->size);
  gtk_check_button_set_active (self->visible_check, field->visible);
  gtk_check_button_set_active (self->bold_check, field->bold);
  gtk_check_button_set_active (self->italic_check, field->italic);
  gtk_drop_down_set_selected (self->field_dropdown, self->selected);
  self->updating = FALSE;
  gtk_widget_queue_draw (self->canvas);
}

static void
numbers_changed_cb (AwardsCertificateDesigner *self)
{
  AwardsCertificateField *field;

  if (self->updating || self->template == NULL)
    return;
  field = &self->template->fields[self->selected];
  field->x = gtk_spin_button_get_value (spin (self, "x"));
  field->y = gtk_spin_button_get_value (spin (self, "y"));
  field->width = gtk_spin_button_get_value (spin (self, "width"));
  field->size = gtk_spin_button_get_value (spin (self, "size"));
  field->min_size = MIN (field->min_size, field->size);
  field->visible = gtk_check_button_get_active (self->visible_check);
  field->bold = gtk_check_button_get_active (self->bold_check);
  field->italic = gtk_check_button_get_active (self->italic_check);
  gtk_widget_queue_draw (self->canvas);
}

void
awards_certificate_designer_select_field (AwardsCertificateDesigner *self,
                                          AwardsCertificateFieldId   id)
{
  g_return_if_fail (AWARDS_IS_CERTIFICATE_DESIGNER (self));
  g_return_if_fail (id < AWARDS_CERTIFICATE_N_FIELDS);

  self->selected = id;
  show_field (self);
}

AwardsCertificateFieldId
awards_certificate_designer_get_selected_field (AwardsCertificateDesigner *self)
{
  g_return_val_if_fail (AWARDS_IS_CERTIFICATE_DESIGNER (self), 0);

  return self->selected;
}

static void
field_selected_cb (GtkDropDown               *dropdown,
                   GParamSpec                *pspec,
                   AwardsCertificateDesigner *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (!self->updating && selected < AWARDS_CERTIFICATE_N_FIELDS)
    awards_certificate_designer_select_field (self, selected);
}

static void
fill_template_names (AwardsCertificateDesigner *self)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);

  for (guint i = 0; i < self->templates->len; i++)
    {
      AwardsCertificateTemplate *template = g_ptr_array_index (self->templates, i);

      gtk_string_list_append (names, template->title != NULL ? template->title : template->name);
    }
  self->updating = TRUE;
  gtk_drop_down_set_model (self->template_dropdown, G_LIST_MODEL (names));
  self->updating = FALSE;
}

/* Without any template (none installed, none imported yet) only Import can do anything. */
static void
update_sensitivity (AwardsCertificateDesigner *self)
{
  for (guint i = 0; i < self->template_widgets->len; i++)
    gtk_widget_set_sensitive (g_ptr_array_index (self->template_widgets, i),
                              self->template != NULL);
}

static void
use_template (AwardsCertificateDesigner       *self,
              const AwardsCertificateTemplate *template)
{
  g_clear_pointer (&self->template, awards_certificate_template_free);
  self->template = awards_certificate_template_copy (template);
  update_sensitivity (self);
  show_field (self);
}

static void
template_selected_cb (GtkDropDown               *dropdown,
                      GParamSpec                *pspec,
                      AwardsCertificateDesigner *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (!self->updating && self->templates != NULL && selected < self->templates->len)
    use_template (self, g_ptr_array_index (self->templates, selected));
}

gboolean
awards_certificate_designer_show_template (AwardsCertificateDesigner *self,
                                           const char                *name)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *templates;

  g_return_val_if_fail (AWARDS_IS_CERTIFICATE_DESIGNER (self), FALSE);

  templates = awards_certificate_template_list (&error);
  if (templates == NULL)
    {
      awards_gui_show_error (GTK_WIDGET (self), _("Could not read the certificate templates"),
                             error);
      return FALSE;
    }
  g_clear_pointer (&self->templates, g_ptr_array_unref);
  self->templates = templates;
  fill_template_names (self);

  for (guint i = 0; i < templates->len; i++)
    {
      AwardsCertificateTemplate *template = g_ptr_array_index (templates, i);

      if (name == NULL || g_strcmp0 (template->name, name) == 0)
        {
          self->updating = TRUE;
          gtk_drop_down_set_selected (self->template_dropdown, i);
          self->updating = FALSE;
          use_template (self, template);
          return TRUE;
        }
    }
  return FALSE;
}

const AwardsCertificateTemplate *
awards_certificate_designer_get_template (AwardsCertificateDesigner *self)
{
  g_return_val_if_fail (AWARDS_IS_CERTIFICATE_DESIGNER (self), NULL);

  return self->template;
}

/* Preview data */

void
awards_certificate_designer_set_preview (AwardsCertificateDesigner   *self,
                                         const AwardsCertificateData *data)
{
  g_return_if_fail (AWARDS_IS_CERTIFICATE_DESIGNER (self));
  g_return_if_fail (data != NULL);

  g_clear_pointer (&self->preview, awards_certificate_data_free);
  self->preview = awards_certificate_data_copy (data);
  gtk_widget_queue_draw (self->canvas);
}

char *
awards_certificate_designer_get_preview_text (AwardsCertificateDesigner *self,
                                              AwardsCertificateFieldId   id)
{
  g_return_val_if_fail (AWARDS_IS_CERTIFICATE_DESIGNER (self), NULL);
  g_return_val_if_fail (self->template != NULL, NULL);

  return awards_certificate_expand (self->template->fields[id].pattern, self->preview);
}

static void
recipient_selected_cb (GtkDropDown               *dropdown,
                       GParamSpec                *pspec,
                       AwardsCertificateDesigner *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->recipients != NULL && selected < self->recipients->len)
    awards_certificate_designer_set_preview (self, g_ptr_array_index (self->recipients,
                                                                      selected));
}

static void
show_recipients (AwardsCertificateDesigner *self,
                 GPtrArray                 *recipients)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);

  g_clear_pointer (&self->recipients, g_ptr_array_unref);
  self->recipients = recipients;

  for (guint i = 0; i < self->recipients->len; i++)
    gtk_string_list_append (names, ((AwardsCertificateData *) self->recipients->pdata[i])->name);
  gtk_drop_down_set_model (self->recipient_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->recipient_dropdown, 0);
  awards_certificate_designer_set_preview (self, g_ptr_array_index (self->recipients, 0));
}

static void
read_recipients (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  g_task_return_pointer (task, awards_certificate_preview_recipients (task_data, MAX_RECIPIENTS),
                         (GDestroyNotify) g_ptr_array_unref);
}

static void
recipients_read_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GPtrArray *recipients = g_task_propagate_pointer (G_TASK (result), NULL);

  /* The designer is gone. */
  if (recipients == NULL)
    return;
  show_recipients (AWARDS_CERTIFICATE_DESIGNER (source), recipients);
}

/* The latest awards, to preview a template with real names: the sample until they are read on
 * the store's threads. */
static void
load_recipients (AwardsCertificateDesigner *self)
{
  g_autoptr (GTask) task = NULL;
  GPtrArray *sample =
    g_ptr_array_new_with_free_func ((GDestroyNotify) awards_certificate_data_free);

  g_ptr_array_add (sample, awards_certificate_sample_data ());
  show_recipients (self, sample);

  self->reading = g_cancellable_new ();
  task = g_task_new (self, self->reading, recipients_read_cb, NULL);
  g_task_set_check_cancellable (task, TRUE);
  g_task_set_task_data (task, g_object_ref (self->store), g_object_unref);
  awards_store_run_task (self->store, AWARDS_WORK_READ, task, read_recipients);
}

/* Dragging */

static void
drag_begin_cb (GtkGestureDrag            *gesture,
               double                     x,
               double                     y,
               AwardsCertificateDesigner *self)
{
  int field;

  update_geometry (self);
  field = self->template != NULL ? field_at (self, x, y) : -1;
  self->dragging = field >= 0;
  if (!self->dragging)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  awards_certificate_designer_select_field (self, field);
  self->drag_start_x = self->template->fields[field].x;
  self->drag_start_y = self->template->fields[field].y;
  gtk_widget_grab_focus (self->canvas);
}

static void
drag_update_cb (GtkGestureDrag            *gesture,
                double                     offset_x,
                double                     offset_y,
                AwardsCertificateDesigner *self)
{
  if (!self->dragging)
    return;
  /* Tenths of a millimetre: finer than a printer places a line, and what the numbers show. */
  gtk_spin_button_set_value (spin (self, "x"),
                             round ((self->drag_start_x + offset_x / self->px_per_mm) * 10) / 10);
  gtk_spin_button_set_value (spin (self, "y"),
                             round ((self->drag_start_y + offset_y / self->px_per_mm) * 10) / 10);
}

static void
drag_end_cb (GtkGestureDrag            *gesture,
             double                     offset_x,
             double                     offset_y,
             AwardsCertificateDesigner *self)
{
  drag_update_cb (gesture, offset_x, offset_y, self);
  self->dragging = FALSE;
}

/* Arrow keys move the selected field by a millimetre (a tenth with Shift). */
static gboolean
key_pressed_cb (GtkEventControllerKey     *controller,
                guint                      keyval,
                guint                      keycode,
                GdkModifierType            state,
                AwardsCertificateDesigner *self)
{
  double step = (state & GDK_SHIFT_MASK) ? 0.1 : 1.0;
  const char *what = NULL;
  double sign = 1;

  switch (keyval)
    {
    case GDK_KEY_Left: what = "x"; sign = -1; break;
    case GDK_KEY_Right: what = "x"; break;
    case GDK_KEY_Up: what = "y"; sign = -1; break;
    case GDK_KEY_Down: what = "y"; break;
    default: return FALSE;
    }
  gtk_spin_button_set_value (spin (self, what),
                             gtk_spin_button_get_value (spin (self, what)) + sign * step);
  return TRUE;
}

/* Saving and printing (export, import and the picture: awards-certificate-files.c) */

gboolean
awards_certificate_designer_save (AwardsCertificateDesigner  *self,
                                  const char                 *path,
                                  GError                    **error)
{
  g_autofree char *user_path = NULL;

  g_return_val_if_fail (AWARDS_IS_CERTIFICATE_DESIGNER (self), FALSE);
  g_return_val_if_fail (self->template != NULL, FALSE);

  if (path == NULL)
    {
      g_autofree char *dir = awards_certificate_template_user_dir ();
      g_autofree char *name = g_strconcat (self->template->name, ".certificate", NULL);

      user_path = g_build_filename (dir, name, NULL);
      path = user_path;
    }
  return awards_certificate_template_save (self->template, path, error);
}

static void
save_cb (AwardsCertificateDesigner *self)
{
  g_autoptr (GError) error = NULL;

  if (!awards_certificate_designer_save (self, NULL, &error))
    awards_gui_show_error (GTK_WIDGET (self), _("Could not save the template"), error);
}

void
awards_certificate_designer_set_background (AwardsCertificateDesigner *self,
                                            const char                *path)
{
  g_return_if_fail (AWARDS_IS_CERTIFICATE_DESIGNER (self));
  g_return_if_fail (self->template != NULL);

  g_free (self->template->background);
  self->template->background = g_strdup (path);
  gtk_widget_queue_draw (self->canvas);
}

static void
print_with (AwardsCertificateDesigner  *self,
            AwardsCertificatePrintMode  mode)
{
  g_autoptr (GPtrArray) templates = g_ptr_array_new ();
  g_autoptr (GPtrArray) data = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;

  if (self->template == NULL)
    return;
  g_ptr_array_add (templates, self->template);
  g_ptr_array_add (data, self->preview);
  if (!awards_certificate_print (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                 self->store, templates, data, mode, NULL, &error))
    awards_gui_show_error (GTK_WIDGET (self), _("Could not print"), error);
}

static void
test_print_cb (AwardsCertificateDesigner *self)
{
  print_with (self, AWARDS_CERTIFICATE_PRINT_TEST);
}

static void
calibration_cb (AwardsCertificateDesigner *self)
{
  print_with (self, AWARDS_CERTIFICATE_PRINT_CALIBRATION);
}

/* Building */

static GtkSpinButton *
add_spin (AwardsCertificateDesigner *self,
          GtkGrid                   *grid,
          int                        row,
          const char                *what,
          const char                *label,
          double                     min,
          double                     max,
          double                     step,
          GCallback                  callback)
{
  GtkWidget *title = gtk_label_new_with_mnemonic (label);
  GtkWidget *button = gtk_spin_button_new_with_range (min, max, step);

  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (button), 1);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (title), button);
  awards_accessible_name_once (button, gtk_label_get_text (GTK_LABEL (title)));
  gtk_grid_attach (grid, title, 0, row, 1, 1);
  gtk_grid_attach (grid, button, 1, row, 1, 1);
  g_signal_connect_swapped (button, "value-changed", callback, self);
  g_hash_table_insert (self->spins, (gpointer) what, button);
  return GTK_SPIN_BUTTON (button);
}

static GtkCheckButton *
add_check (AwardsCertificateDesigner *self,
           GtkGrid                   *grid,
           int                        row,
           const char                *label)
{
  GtkWidget *check = gtk_check_button_new_with_mnemonic (label);

  gtk_grid_attach (grid, check, 0, row, 2, 1);
  g_signal_connect_swapped (check, "toggled", G_CALLBACK (numbers_changed_cb), self);
  return GTK_CHECK_BUTTON (check);
}

static GtkWidget *
add_button (GtkBox     *box,
            const char *label,
            GCallback   callback,
            gpointer    self)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  g_signal_connect_swapped (button, "clicked", callback, self);
  gtk_box_append (box, button);
  return button;
}

static GtkWidget *
labelled (const char *text,
          GtkWidget  *widget)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  awards_accessible_name_once (widget, gtk_label_get_text (GTK_LABEL (label)));
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), widget);
  return box;
}

static void
build (AwardsCertificateDesigner *self)
{
  const char *field_names[AWARDS_CERTIFICATE_N_FIELDS + 1] = { NULL, };
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *main_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *side = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkEventController *keys;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (self), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self), 12);

  self->template_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  self->recipient_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_box_append (GTK_BOX (top), labelled (_("_Template"), GTK_WIDGET (self->template_dropdown)));
  gtk_box_append (GTK_BOX (top), labelled (_("_Preview With"),
                                           GTK_WIDGET (self->recipient_dropdown)));
  gtk_box_append (GTK_BOX (self), top);

  self->canvas = gtk_drawing_area_new ();
  gtk_widget_set_hexpand (self->canvas, TRUE);
  gtk_widget_set_vexpand (self->canvas, TRUE);
  gtk_widget_set_size_request (self->canvas, 480, 340);
  gtk_widget_set_focusable (self->canvas, TRUE);
  awards_gui_set_accessible_label (self->canvas, _("Certificate blank"));
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->canvas), draw_canvas, self, NULL);
  self->drag = gtk_gesture_drag_new ();
  g_signal_connect (self->drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (self->drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (self->drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (self->canvas, GTK_EVENT_CONTROLLER (self->drag));
  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (self->canvas, keys);
  gtk_box_append (GTK_BOX (main_box), self->canvas);

  for (guint i = 0; i < AWARDS_CERTIFICATE_N_FIELDS; i++)
    field_names[i] = awards_certificate_field_id_get_label (i);
  self->field_dropdown = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (field_names));
  gtk_box_append (GTK_BOX (side), labelled (_("_Field"), GTK_WIDGET (self->field_dropdown)));

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  add_spin (self, GTK_GRID (grid), 0, "x", _("_Left (mm)"), -50, 1000, 0.1,
            G_CALLBACK (numbers_changed_cb));
  add_spin (self, GTK_GRID (grid), 1, "y", _("T_op (mm)"), -50, 1000, 0.1,
            G_CALLBACK (numbers_changed_cb));
  add_spin (self, GTK_GRID (grid), 2, "width", _("_Width (mm)"), 1, 1000, 0.5,
            G_CALLBACK (numbers_changed_cb));
  add_spin (self, GTK_GRID (grid), 3, "size", _("_Size (pt)"), 4, 96, 0.5,
            G_CALLBACK (numbers_changed_cb));
  self->visible_check = add_check (self, GTK_GRID (grid), 4, _("_Printed"));
  self->bold_check = add_check (self, GTK_GRID (grid), 5, _("_Bold"));
  self->italic_check = add_check (self, GTK_GRID (grid), 6, _("_Italic"));
  gtk_box_append (GTK_BOX (side), grid);

  self->printer_offset = AWARDS_PRINTER_OFFSET (awards_printer_offset_new ());
  gtk_box_append (GTK_BOX (side), GTK_WIDGET (self->printer_offset));

  g_ptr_array_add (self->template_widgets, GTK_WIDGET (self->field_dropdown));
  g_ptr_array_add (self->template_widgets, grid);
  g_ptr_array_add (self->template_widgets,
                   add_button (GTK_BOX (buttons), _("_Save Template"), G_CALLBACK (save_cb),
                               self));
  g_ptr_array_add (self->template_widgets,
                   add_button (GTK_BOX (buttons), _("_Export…"), G_CALLBACK (awards_certificate_files_export), self));
  add_button (GTK_BOX (buttons), _("I_mport…"), G_CALLBACK (awards_certificate_files_import), self);
  g_ptr_array_add (self->template_widgets,
                   add_button (GTK_BOX (buttons), _("Blan_k’s Picture…"),
                               G_CALLBACK (awards_certificate_files_choose_picture), self));
  g_ptr_array_add (self->template_widgets,
                   add_button (GTK_BOX (buttons), _("_Test Print…"), G_CALLBACK (test_print_cb),
                               self));
  g_ptr_array_add (self->template_widgets,
                   add_button (GTK_BOX (buttons), _("_Calibration Page…"),
                               G_CALLBACK (calibration_cb), self));
  gtk_box_append (GTK_BOX (side), buttons);

  gtk_box_append (GTK_BOX (main_box), side);
  gtk_box_append (GTK_BOX (self), main_box);

  g_signal_connect (self->template_dropdown, "notify::selected",
                    G_CALLBACK (template_selected_cb), self);
  g_signal_connect (self->field_dropdown, "notify::selected", G_CALLBACK (field_selected_cb),
                    self);
  g_signal_connect (self->recipient_dropdown, "notify::selected",
                    G_CALLBACK (recipient_selected_cb), self);
}

static void
awards_certificate_designer_dispose (GObject *object)
{
  AwardsCertificateDesigner *self = AWARDS_CERTIFICATE_DESIGNER (object);

  if (self->reading != NULL)
    g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
  g_clear_object (&self->store);
  g_clear_pointer (&self->templates, g_ptr_array_unref);
  g_clear_pointer (&self->template, awards_certificate_template_free);
  g_clear_pointer (&self->preview, awards_certificate_data_free);
  g_clear_pointer (&self->recipients, g_ptr_array_unref);
  g_clear_pointer (&self->spins, g_hash_table_unref);
  g_clear_pointer (&self->template_widgets, g_ptr_array_unref);

  G_OBJECT_CLASS (awards_certificate_designer_parent_class)->dispose (object);
}

static void
awards_certificate_designer_class_init (AwardsCertificateDesignerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = awards_certificate_designer_dispose;
}

static void
awards_certificate_designer_init (AwardsCertificateDesigner *self)
{
  self->spins = g_hash_table_new (g_str_hash, g_str_equal);
  self->template_widgets = g_ptr_array_new ();
  self->selected = AWARDS_CERTIFICATE_FIELD_NAME;
  self->preview = awards_certificate_sample_data ();
  build (self);
  update_sensitivity (self);
}

GtkWidget *
awards_certificate_designer_new (AwardsStore *store)
{
  AwardsCertificateDesigner *self;

  g_return_val_if_fail (AWARDS_IS_STORE (store), NULL);

  self = g_object_new (AWARDS_TYPE_CERTIFICATE_DESIGNER, NULL);
  self->store = g_object_ref (store);
  awards_printer_offset_set_store (self->printer_offset, store);
  load_recipients (self);
  awards_certificate_designer_show_template (self, NULL);
  return GTK_WIDGET (self);
}

GtkWidget *
awards_certificate_designer_window_new (GtkWindow   *parent,
                                        AwardsStore *store)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_window_set_title (GTK_WINDOW (window), _("Certificate Templates"));
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), awards_certificate_designer_new (store));
  adw_window_set_content (ADW_WINDOW (window), box);
  return window;
}

GtkWidget *
awards_certificate_designer_get_canvas (AwardsCertificateDesigner *self)
{
  g_return_val_if_fail (AWARDS_IS_CERTIFICATE_DESIGNER (self), NULL);

  return self->canvas;
}

GtkGesture *
awards_certificate_designer_get_drag (AwardsCertificateDesigner *self)
{
  g_return_val_if_fail (AWARDS_IS_CERTIFICATE_DESIGNER (self), NULL);

  return self->drag;
}

GtkSpinButton *
awards_certificate_designer_get_spin (AwardsCertificateDesigner *self,
                                      const char                *what)
{
  g_return_val_if_fail (AWARDS_IS_CERTIFICATE_DESIGNER (self), NULL);

  return spin (self, what);
}
