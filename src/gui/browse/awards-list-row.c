/* awards-list-row.c: one row of the organisation, people and decision lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "awards-gui-utils.h"
#include "awards-list-row.h"
#include "awards-store.h"

/**
 * AwardsListRow:
 *
 * A title, an optional subtitle and a count. GTK 4.8 list views keep up to 200 rows alive per
 * list, so rows are built in code from #GtkInscription, which does not measure its text, rather
 * than from a template: that keeps the window opening in well under a second.
 *
 * A secondary click opens a menu of what can be done with the row's item (edit it, delete it),
 * through the window's actions. The menu is made only when it is first needed.
 */

struct _AwardsListRow
{
  GtkWidget  parent_instance;

  GtkWidget *text_box;
  GtkWidget *title;
  GtkWidget *subtitle;
  GtkWidget *count;
  GtkWidget *menu;

  /* What the menu offers for the bound item. */
  GType      item_type;
  gint64     item_id;
};

G_DEFINE_FINAL_TYPE (AwardsListRow, awards_list_row, GTK_TYPE_WIDGET)

static GtkWidget *
inscription_new (gboolean dim)
{
  GtkWidget *inscription = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (inscription),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_xalign (GTK_INSCRIPTION (inscription), 0.0f);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (inscription), 30);
  gtk_widget_set_hexpand (inscription, TRUE);
  if (dim)
    {
      gtk_widget_add_css_class (inscription, "dim-label");
      gtk_widget_add_css_class (inscription, "caption");
    }

  return inscription;
}

static void
awards_list_row_dispose (GObject *object)
{
  AwardsListRow *self = AWARDS_LIST_ROW (object);

  g_clear_pointer (&self->text_box, gtk_widget_unparent);
  g_clear_pointer (&self->count, gtk_widget_unparent);
  g_clear_pointer (&self->menu, gtk_widget_unparent);

  G_OBJECT_CLASS (awards_list_row_parent_class)->dispose (object);
}

/* The layout leaves the popover out; it is placed here, beside the row. */
static void
awards_list_row_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  AwardsListRow *self = AWARDS_LIST_ROW (widget);

  GTK_WIDGET_CLASS (awards_list_row_parent_class)->size_allocate (widget, width, height, baseline);

  if (self->menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->menu));
}

static void
secondary_click_cb (GtkGestureClick *gesture,
                    int              n_press,
                    double           x,
                    double           y,
                    AwardsListRow   *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  awards_list_row_popup_menu (self, x, y);
}

static void
awards_list_row_class_init (AwardsListRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = awards_list_row_dispose;
  widget_class->size_allocate = awards_list_row_size_allocate;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "awards-list-row");
}

static void
awards_list_row_init (AwardsListRow *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkGesture *click;

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 12);

  self->text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_hexpand (self->text_box, TRUE);
  gtk_widget_set_valign (self->text_box, GTK_ALIGN_CENTER);
  gtk_widget_set_parent (self->text_box, GTK_WIDGET (self));

  self->title = inscription_new (FALSE);
  gtk_box_append (GTK_BOX (self->text_box), self->title);
  self->subtitle = inscription_new (TRUE);
  gtk_widget_set_visible (self->subtitle, FALSE);
  gtk_box_append (GTK_BOX (self->text_box), self->subtitle);

  self->count = gtk_inscription_new (NULL);
  gtk_inscription_set_xalign (GTK_INSCRIPTION (self->count), 1.0f);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (self->count), 3);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (self->count), 4);
  gtk_widget_set_valign (self->count, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->count, "dim-label");
  gtk_widget_add_css_class (self->count, "numeric");
  gtk_widget_set_parent (self->count, GTK_WIDGET (self));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (click, "pressed", G_CALLBACK (secondary_click_cb), self,
                           G_CONNECT_DEFAULT);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
awards_list_row_new (void)
{
  return g_object_new (AWARDS_TYPE_LIST_ROW, NULL);
}

void
awards_list_row_set_title (AwardsListRow *self,
                           const char    *title)
{
  g_return_if_fail (AWARDS_IS_LIST_ROW (self));

  gtk_inscription_set_text (GTK_INSCRIPTION (self->title), title);
  gtk_widget_set_tooltip_text (self->title, title);
  /* The row is what a screen reader and the tests find; it reads as its title. */
  awards_gui_set_accessible_label (GTK_WIDGET (self), title);
}

const char *
awards_list_row_get_title (AwardsListRow *self)
{
  g_return_val_if_fail (AWARDS_IS_LIST_ROW (self), NULL);

  return gtk_inscription_get_text (GTK_INSCRIPTION (self->title));
}

/**
 * awards_list_row_set_subtitle:
 * @self: a #AwardsListRow
 * @subtitle: (nullable): the second line; none when empty
 */
void
awards_list_row_set_subtitle (AwardsListRow *self,
                              const char    *subtitle)
{
  g_return_if_fail (AWARDS_IS_LIST_ROW (self));

  gtk_inscription_set_text (GTK_INSCRIPTION (self->subtitle), subtitle);
  gtk_widget_set_visible (self->subtitle, subtitle != NULL && subtitle[0] != '\0');
}

void
awards_list_row_set_count (AwardsListRow *self,
                           guint          count,
                           const char    *tooltip)
{
  char text[16];

  g_return_if_fail (AWARDS_IS_LIST_ROW (self));

  g_snprintf (text, sizeof text, "%u", count);
  gtk_inscription_set_text (GTK_INSCRIPTION (self->count), text);
  gtk_widget_set_tooltip_text (self->count, tooltip);
}

static void
append_item (GMenu      *menu,
             const char *label,
             const char *action,
             gint64      id)
{
  g_autoptr (GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, g_variant_new_int64 (id));
  g_menu_append_item (menu, item);
}

/**
 * awards_list_row_popup_menu:
 * @self: a #AwardsListRow
 * @x: where, in the row's coordinates
 * @y: where, in the row's coordinates
 *
 * Opens the menu of the row's item, as a secondary click does.
 */
void
awards_list_row_popup_menu (AwardsListRow *self,
                            double         x,
                            double         y)
{
  g_autoptr (GMenu) menu = NULL;
  GdkRectangle where = { (int) x, (int) y, 1, 1 };

  g_return_if_fail (AWARDS_IS_LIST_ROW (self));

  if (self->item_id <= 0)
    return;

  menu = g_menu_new ();
  if (self->item_type == AWARDS_TYPE_ORGANISATION)
    {
      append_item (menu, _("_Edit Organisation"), "win.edit-organisation", self->item_id);
      append_item (menu, _("_Delete Organisation…"), "win.delete-organisation", self->item_id);
    }
  else if (self->item_type == AWARDS_TYPE_PERSON)
    {
      append_item (menu, _("_Edit Person"), "win.edit-person", self->item_id);
      append_item (menu, _("_Delete Person…"), "win.delete-person", self->item_id);
    }
  else if (self->item_type == AWARDS_TYPE_DECISION)
    {
      append_item (menu, _("_Edit Decision"), "win.edit-decision", self->item_id);
    }

  if (self->menu == NULL)
    {
      self->menu = gtk_popover_menu_new_from_model (NULL);
      gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
      gtk_widget_set_halign (self->menu, GTK_ALIGN_START);
      gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
    }

  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->menu), G_MENU_MODEL (menu));
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), &where);
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

/**
 * awards_list_row_get_menu:
 * @self: a #AwardsListRow
 *
 * Returns: (transfer none) (nullable): the row's menu, once it has been opened
 */
GtkPopover *
awards_list_row_get_menu (AwardsListRow *self)
{
  g_return_val_if_fail (AWARDS_IS_LIST_ROW (self), NULL);

  return self->menu != NULL ? GTK_POPOVER (self->menu) : NULL;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, awards_list_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  AwardsListRow *row = AWARDS_LIST_ROW (gtk_list_item_get_child (list_item));
  gpointer item = gtk_list_item_get_item (list_item);
  g_autofree char *tooltip = NULL;

  row->item_type = G_OBJECT_TYPE (item);
  if (row->menu != NULL)
    gtk_popover_popdown (GTK_POPOVER (row->menu));

  if (AWARDS_IS_ORGANISATION (item))
    {
      guint n = awards_organisation_get_award_count (item);

      row->item_id = awards_organisation_get_id (item);
      awards_list_row_set_title (row, awards_organisation_get_name (item));
      awards_list_row_set_subtitle (row, NULL);
      tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u award", "%u awards", n), n);
      awards_list_row_set_count (row, n, tooltip);
    }
  else if (AWARDS_IS_PERSON (item))
    {
      guint n = awards_person_get_award_count (item);

      row->item_id = awards_person_get_id (item);
      awards_list_row_set_title (row, awards_person_get_full_name (item));
      awards_list_row_set_subtitle (row, awards_person_get_organisation_name (item));
      tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u award", "%u awards", n), n);
      awards_list_row_set_count (row, n, tooltip);
    }
  else if (AWARDS_IS_DECISION (item))
    {
      guint n = awards_decision_get_recipient_count (item);
      const char *number = awards_decision_get_number (item);
      const char *authority = awards_decision_get_authority_name (item);
      g_autofree char *date = awards_gui_format_date (awards_decision_get_date (item));
      g_autofree char *subtitle = NULL;

      row->item_id = awards_decision_get_id (item);
      awards_list_row_set_title (row, number != NULL && number[0] != '\0'
                                      ? number : _("Decision without number"));
      /* Translators: a decision's date and the authority that signed it. */
      subtitle = g_strdup_printf (_("%s · %s"), date, authority ? authority : "");
      awards_list_row_set_subtitle (row, subtitle);
      tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u recipient", "%u recipients",
                                              n), n);
      awards_list_row_set_count (row, n, tooltip);
    }
}

/**
 * awards_list_row_factory_new:
 * @item_type: %AWARDS_TYPE_ORGANISATION, %AWARDS_TYPE_PERSON or %AWARDS_TYPE_DECISION
 *
 * Returns: (transfer full): a factory of #AwardsListRow for those items
 */
GtkListItemFactory *
awards_list_row_factory_new (GType item_type)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_return_val_if_fail (item_type == AWARDS_TYPE_ORGANISATION ||
                        item_type == AWARDS_TYPE_PERSON ||
                        item_type == AWARDS_TYPE_DECISION, factory);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);

  return factory;
}
