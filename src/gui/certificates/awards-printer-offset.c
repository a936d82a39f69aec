/* awards-printer-offset.c: how far a printer shifts what it prints, kept per printer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "awards-accessible-names.h"
#include "awards-gui-utils.h"
#include "awards-printer-offset.h"
#include "awards-settings.h"
#include "awards-store-async.h"

/**
 * AwardsPrinterOffset:
 *
 * The printer's name and how far it shifts a page, in mm, as measured on the calibration page
 * (a grid and crosses printed on plain paper). Certificates are shifted back by it. Typing a
 * printer's name shows its offset; changing the numbers saves them for that printer at once.
 * Both go through the store's threads: on a server another clerk's import may hold the write
 * lock, and typing a name must not wait for the network.
 */

struct _AwardsPrinterOffset
{
  GtkGrid         parent_instance;

  AwardsStore    *store;
  GtkEntry       *printer_entry;
  GtkSpinButton  *right_spin;
  GtkSpinButton  *down_spin;
  gboolean        updating;
  GCancellable   *reading;     /* the offset of the printer named, being read */
};

/* A printer's offset, on its way to or from the store. */
typedef struct
{
  AwardsStore *store;
  char        *printer;
  double       x;
  double       y;
} Offset;

static void
offset_free (gpointer data)
{
  Offset *offset = data;

  g_object_unref (offset->store);
  g_free (offset->printer);
  g_free (offset);
}

static Offset *
offset_new (AwardsPrinterOffset *self)
{
  Offset *offset = g_new0 (Offset, 1);

  offset->store = g_object_ref (self->store);
  offset->printer = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->printer_entry)));
  offset->x = gtk_spin_button_get_value (self->right_spin);
  offset->y = gtk_spin_button_get_value (self->down_spin);
  return offset;
}

G_DEFINE_FINAL_TYPE (AwardsPrinterOffset, awards_printer_offset, GTK_TYPE_GRID)

static void
read_offset (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Offset *offset = task_data;

  offset->x = offset->y = 0;
  awards_store_get_printer_offset (offset->store, offset->printer, &offset->x, &offset->y, NULL);
  g_task_return_boolean (task, TRUE);
}

static void
offset_read_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  AwardsPrinterOffset *self = AWARDS_PRINTER_OFFSET (source);
  Offset *offset = g_task_get_task_data (G_TASK (result));

  /* Another name was typed since, or the widget is gone. */
  if (!g_task_propagate_boolean (G_TASK (result), NULL))
    return;
  g_clear_object (&self->reading);
  self->updating = TRUE;
  gtk_spin_button_set_value (self->right_spin, offset->x);
  gtk_spin_button_set_value (self->down_spin, offset->y);
  self->updating = FALSE;
}

static void
printer_changed_cb (AwardsPrinterOffset *self)
{
  g_autoptr (GTask) task = NULL;

  if (self->reading != NULL)
    g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
  if (self->store == NULL)
    return;

  self->reading = g_cancellable_new ();
  task = g_task_new (self, self->reading, offset_read_cb, NULL);
  g_task_set_check_cancellable (task, TRUE);
  g_task_set_task_data (task, offset_new (self), offset_free);
  awards_store_run_task (self->store, AWARDS_WORK_READ, task, read_offset);
}

static void
write_offset (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Offset *offset = task_data;
  GError *error = NULL;

  if (awards_store_set_printer_offset (offset->store, offset->printer, offset->x, offset->y,
                                       &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
offset_written_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr (GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error) &&
      gtk_widget_get_root (GTK_WIDGET (source)) != NULL)
    awards_gui_show_error (GTK_WIDGET (source), _("Could not save the printer's offset"), error);
}

/* Saved on the store's write thread, in the order the numbers were changed. */
static void
offset_changed_cb (AwardsPrinterOffset *self)
{
  g_autoptr (GTask) task = NULL;

  if (self->updating || self->store == NULL)
    return;

  /* The numbers the clerk set win over those of a read still on its way. */
  if (self->reading != NULL)
    g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
  task = g_task_new (self, NULL, offset_written_cb, NULL);
  g_task_set_task_data (task, offset_new (self), offset_free);
  awards_store_run_task (self->store, AWARDS_WORK_WRITE, task, write_offset);
}

static GtkSpinButton *
add_spin (AwardsPrinterOffset *self,
          int                  row,
          const char          *label)
{
  GtkWidget *title = gtk_label_new_with_mnemonic (label);
  GtkWidget *button = gtk_spin_button_new_with_range (-50, 50, 0.1);

  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (button), 1);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (title), button);
  awards_accessible_name_once (button, gtk_label_get_text (GTK_LABEL (title)));
  gtk_grid_attach (GTK_GRID (self), title, 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (self), button, 1, row, 1, 1);
  g_signal_connect_swapped (button, "value-changed", G_CALLBACK (offset_changed_cb), self);
  return GTK_SPIN_BUTTON (button);
}

static void
awards_printer_offset_dispose (GObject *object)
{
  AwardsPrinterOffset *self = AWARDS_PRINTER_OFFSET (object);

  if (self->reading != NULL)
    g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (awards_printer_offset_parent_class)->dispose (object);
}

static void
awards_printer_offset_class_init (AwardsPrinterOffsetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = awards_printer_offset_dispose;
}

static void
awards_printer_offset_init (AwardsPrinterOffset *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new_with_mnemonic (_("P_rinter"));

  gtk_grid_set_row_spacing (GTK_GRID (self), 6);
  gtk_grid_set_column_spacing (GTK_GRID (self), 12);

  self->printer_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->printer_entry));
  awards_accessible_name_once (GTK_WIDGET (self->printer_entry),
                               gtk_label_get_text (GTK_LABEL (label)));
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->printer_entry));
  gtk_grid_attach (GTK_GRID (self), box, 0, 0, 2, 1);

  self->right_spin = add_spin (self, 1, _("Offset _right (mm)"));
  self->down_spin = add_spin (self, 2, _("Offset _down (mm)"));
  g_signal_connect_swapped (self->printer_entry, "changed", G_CALLBACK (printer_changed_cb),
                            self);
}

/**
 * awards_printer_offset_new:
 *
 * Returns: (transfer floating): the printer's name and offset; they work once a store is set
 */
GtkWidget *
awards_printer_offset_new (void)
{
  return g_object_new (AWARDS_TYPE_PRINTER_OFFSET, NULL);
}

/**
 * awards_printer_offset_set_store:
 * @self: a #AwardsPrinterOffset
 * @store: the store that keeps the offsets
 *
 * Shows the offset @store keeps for the printer named (at first, the unnamed printer's).
 */
void
awards_printer_offset_set_store (AwardsPrinterOffset *self,
                                 AwardsStore         *store)
{
  g_return_if_fail (AWARDS_IS_PRINTER_OFFSET (self));
  g_return_if_fail (AWARDS_IS_STORE (store));

  g_set_object (&self->store, store);
  printer_changed_cb (self);
}
