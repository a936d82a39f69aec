/* awards-catalogue-prompt.c: the editors' way to use a stored name or add a new one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "awards-catalogue-prompt.h"

/*
 * Under a field whose name the catalogue lacks, or that nearly equals a stored name, an editor
 * shows two small buttons: "Use “Bằng khen”" (the name meant, one click) and a deliberate way
 * to keep the new name ("Add Award Type…", which asks first and names the nearest stored ones).
 */

static GtkButton *
small_button_new (const char *label)
{
  GtkWidget *button = label != NULL ? gtk_button_new_with_mnemonic (label) : gtk_button_new ();

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "caption");
  gtk_widget_set_visible (button, FALSE);
  return GTK_BUTTON (button);
}

/**
 * awards_catalogue_prompt_buttons_new:
 * @message: the message label under a field, a child of a #GtkGrid
 * @use: (out) (transfer none): the button that puts in the name meant
 * @add: (out) (transfer none): the button that keeps the typed name
 * @add_label: the label of @add, with a mnemonic
 *
 * Puts a row of the two buttons under @message, in the grid cell of @message.
 *
 * Returns: (transfer none): the row of buttons, hidden until awards_catalogue_prompt_update()
 */
GtkWidget *
awards_catalogue_prompt_buttons_new (GtkLabel   *message,
                                     GtkButton **use,
                                     GtkButton **add,
                                     const char *add_label)
{
  GtkWidget *grid = gtk_widget_get_parent (GTK_WIDGET (message));
  GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  int column, row, width, height;

  g_return_val_if_fail (GTK_IS_GRID (grid), NULL);

  gtk_grid_query_child (GTK_GRID (grid), GTK_WIDGET (message), &column, &row, &width, &height);
  g_object_ref (message);
  gtk_grid_remove (GTK_GRID (grid), GTK_WIDGET (message));
  gtk_box_append (GTK_BOX (cell), GTK_WIDGET (message));
  g_object_unref (message);

  *use = small_button_new (NULL);
  *add = small_button_new (add_label);
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (*use));
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (*add));
  gtk_widget_set_visible (buttons, FALSE);
  gtk_box_append (GTK_BOX (cell), buttons);
  gtk_grid_attach (GTK_GRID (grid), cell, column, row, width, height);

  return buttons;
}

/**
 * awards_catalogue_prompt_update:
 * @use: the button made by awards_catalogue_prompt_buttons_new()
 * @add: the other one
 * @suggestion: (nullable): the stored name meant
 * @unknown: whether the field holds a name the catalogue lacks or nearly has
 */
void
awards_catalogue_prompt_update (GtkButton  *use,
                                GtkButton  *add,
                                const char *suggestion,
                                gboolean    unknown)
{
  g_return_if_fail (GTK_IS_BUTTON (use) && GTK_IS_BUTTON (add));

  gtk_widget_set_visible (GTK_WIDGET (use), unknown && suggestion != NULL);
  gtk_widget_set_visible (GTK_WIDGET (add), unknown);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (use)), unknown);
  if (unknown && suggestion != NULL)
    {
      /* Translators: a button under a name that nearly equals a stored one. */
      g_autofree char *label = g_strdup_printf (_("Use “%s”"), suggestion);

      gtk_button_set_label (use, label);
    }
}

/**
 * awards_catalogue_prompt_dialog_new:
 * @parent: the editor
 * @guard: what knows the stored names
 * @kind: %AWARDS_NEAR_AWARD_TYPE or %AWARDS_NEAR_AUTHORITY
 * @name: the new name
 *
 * The deliberate way into the catalogue: says which stored names are nearest, and adds the new
 * name only on an explicit answer; Cancel is the default.
 *
 * Returns: (transfer floating): a dialog with the responses "cancel" and "add"
 */
AdwMessageDialog *
awards_catalogue_prompt_dialog_new (GtkWindow       *parent,
                                    AwardsNameGuard *guard,
                                    AwardsNearKind   kind,
                                    const char      *name)
{
  gboolean authority = kind == AWARDS_NEAR_AUTHORITY;
  g_autoptr (GPtrArray) nearest = awards_name_guard_nearest (guard, kind, name, 5);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  heading = g_strdup_printf (authority ? _("Add “%s” as a New Authority?")
                                       : _("Add “%s” as a New Award Type?"), name);
  if (nearest->len > 0)
    {
      g_autofree char *names = NULL;

      g_ptr_array_add (nearest, NULL);
      names = g_strjoinv ("\n", (char **) nearest->pdata);
      body = g_strdup_printf (_("The nearest names in the catalogue are:\n%s\n\nA new name "
                                "is a row of its own in the official reports."), names);
    }
  else
    {
      body = g_strdup (_("No name in the catalogue is near it. A new name is a row of its own "
                         "in the official reports."));
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "add", authority ? _("_Add Authority")
                                                     : _("_Add Award Type"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");

  return dialog;
}
