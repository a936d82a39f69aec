/* awards-accessible-names.c: button names without mnemonics for screen readers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "awards-accessible-names.h"
#include "awards-gui-utils.h"

/*
 * GTK 4.8 names a button with a mnemonic label by that label as written, underscore included,
 * and then adds the text of the label inside it, which it marks as labelling the button: a
 * screen reader says "_Hủy Hủy" for Cancel. Every window is put right when it is mapped: a
 * button with a label of its own is named by that label without the mnemonic, and no longer
 * labelled by its inner label. A name given on purpose (object data "awards-accessible-label")
 * is kept.
 */

/**
 * awards_accessible_strip_mnemonic:
 * @label: (nullable): a label that may hold mnemonics ("_Hủy", "Sh_ow", "Tom __ Jerry")
 *
 * Returns: (transfer full) (nullable): the label as read: "Hủy", "Show", "Tom _ Jerry"
 */
char *
awards_accessible_strip_mnemonic (const char *label)
{
  GString *text;

  if (label == NULL)
    return NULL;

  text = g_string_sized_new (strlen (label));
  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_')
        {
          /* "__" is a literal underscore. */
          if (p[1] == '_')
            {
              g_string_append_c (text, '_');
              p++;
            }
          continue;
        }
      g_string_append_c (text, *p);
    }

  return g_string_free (text, FALSE);
}

static void
fix_button (GtkButton *button)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (button));
  const char *label = gtk_button_get_label (button);
  const char *chosen = g_object_get_data (G_OBJECT (button), "awards-accessible-label");
  g_autofree char *name = NULL;

  /* The button inside a menu button with a label reads that label. */
  if (label == NULL && GTK_IS_MENU_BUTTON (parent))
    {
      label = gtk_menu_button_get_label (GTK_MENU_BUTTON (parent));
      if (label != NULL && chosen == NULL)
        chosen = g_object_get_data (G_OBJECT (parent), "awards-accessible-label");
      if (label != NULL && chosen == NULL && gtk_menu_button_get_use_underline (GTK_MENU_BUTTON
                                                                                 (parent)))
        name = awards_accessible_strip_mnemonic (label);
    }

  /* Icon buttons and buttons with a child of their own are named where they are made; inside
   * a menu button named by awards_gui_set_accessible_label_inside() they read it twice. */
  if (label == NULL || gtk_button_get_icon_name (button) != NULL)
    {
      if (GTK_IS_MENU_BUTTON (parent) &&
          g_object_get_data (G_OBJECT (button), "awards-accessible-label") != NULL)
        gtk_accessible_reset_relation (GTK_ACCESSIBLE (button),
                                       GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      return;
    }

  if (chosen != NULL)
    name = g_strdup (chosen);
  else if (name == NULL)
    name = gtk_button_get_use_underline (button) ? awards_accessible_strip_mnemonic (label)
                                                 : g_strdup (label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button),
                                 GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

static void
fix_check_button (GtkCheckButton *button)
{
  const char *label = gtk_check_button_get_label (button);
  g_autofree char *name = NULL;

  if (label == NULL || !gtk_check_button_get_use_underline (button))
    return;

  name = awards_accessible_strip_mnemonic (label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button),
                                 GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/* A split button's arrow is read as the main button's label ("Export", twice): it is named by
 * what its tooltip says it offers. */
static void
fix_split_button (AdwSplitButton *split)
{
  const char *tooltip = adw_split_button_get_dropdown_tooltip (split);

  if (tooltip == NULL || tooltip[0] == '\0')
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (split));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_MENU_BUTTON (child))
      {
        GtkWidget *inner = gtk_widget_get_first_child (child);

        g_object_set_data_full (G_OBJECT (child), "awards-accessible-label", g_strdup (tooltip),
                                g_free);
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        tooltip, -1);
        if (GTK_IS_BUTTON (inner))
          {
            gtk_accessible_update_property (GTK_ACCESSIBLE (inner),
                                            GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
            gtk_accessible_reset_relation (GTK_ACCESSIBLE (inner),
                                           GTK_ACCESSIBLE_RELATION_LABELLED_BY);
          }
      }
}

/**
 * awards_accessible_names_fix:
 * @root: a widget
 *
 * Names every button with a label under @root by its label as read.
 */
void
awards_accessible_names_fix (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root))
    fix_button (GTK_BUTTON (root));
  else if (GTK_IS_CHECK_BUTTON (root))
    fix_check_button (GTK_CHECK_BUTTON (root));
  else if (ADW_IS_SPLIT_BUTTON (root))
    fix_split_button (ADW_SPLIT_BUTTON (root));

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    awards_accessible_names_fix (child);
}

/* The list a drop-down opens, and its search entry, are inside its popover, not its button:
 * GTK 4.8 names them by their type ("GtkListView"). */
static void
name_popup_parts (GtkWidget  *root,
                  const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child))
        awards_gui_set_accessible_label (child, name);
      else if (GTK_IS_SEARCH_ENTRY (child))
        {
          /* TRANSLATORS: the search entry in the open list of a drop-down named %s. */
          g_autofree char *search = g_strdup_printf (_("%s: search"), name);

          awards_gui_set_accessible_label (child, search);
        }
      else
        name_popup_parts (child, name);
    }
}

/**
 * awards_accessible_name_once:
 * @widget: a control with a label beside it whose mnemonic points at it
 * @name: (nullable): its name; %NULL keeps the name its template gave it
 *
 * GTK 4.8 reads a control's own name and then the label that labels it ("From date From",
 * "Left (mm) Left (mm)"), and leaves the inner button of a drop-down without a name. The control
 * keeps one name, on the whole and inside (a drop-down's open list too); the label's mnemonic
 * still moves the focus to it.
 */
void
awards_accessible_name_once (GtkWidget  *widget,
                             const char *name)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  if (name == NULL)
    return;
  awards_gui_set_accessible_label_inside (widget, name);
  if (GTK_IS_DROP_DOWN (widget))
    name_popup_parts (widget, name);
}

static gboolean
map_hook_cb (GSignalInvocationHint *hint,
             guint                  n_params,
             const GValue          *params,
             gpointer               user_data)
{
  GObject *object = g_value_get_object (&params[0]);

  if (GTK_IS_WINDOW (object))
    awards_accessible_names_fix (GTK_WIDGET (object));

  return TRUE;
}

/**
 * awards_accessible_names_install:
 *
 * Fixes the names in every window as it is mapped. Call once, after gtk_init().
 */
void
awards_accessible_names_install (void)
{
  static gsize installed = 0;

  if (g_once_init_enter (&installed))
    {
      /* The signal exists once the class does; the class is never freed. */
      g_type_class_ref (GTK_TYPE_WIDGET);
      g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0, map_hook_cb,
                                  NULL, NULL);
      g_once_init_leave (&installed, 1);
    }
}
