/* awards-gui-utils.c: small helpers shared by the widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "awards-accessible-names.h"
#include "awards-date.h"
#include "awards-gui-utils.h"
#include "awards-resources.h"

/**
 * awards_gui_format_date:
 * @iso: (nullable): a date as "YYYY-MM-DD"
 *
 * Returns: (transfer full): the date as dd/mm/yyyy, or an empty string
 */
char *
awards_gui_format_date (const char *iso)
{
  char *text = awards_date_format_short (iso);

  return text != NULL ? text : g_strdup ("");
}

void
awards_gui_set_accessible_label (GtkWidget  *widget,
                                 const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label ? label : "",
                                  -1);
}

/**
 * awards_gui_set_accessible_label_inside:
 * @widget: a composite control: a #GtkMenuButton, a #GtkDropDown or a #GtkColumnView
 * @label: its accessible name
 *
 * Names @widget and the parts of it that take the focus. In GTK 4.8 the inner button of a menu
 * button or a drop-down, and the inner list of a column view, do not share the name of the
 * whole, and a screen reader would read out their type name instead.
 */
void
awards_gui_set_accessible_label_inside (GtkWidget  *widget,
                                        const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  awards_gui_set_accessible_label (widget, label);
  /* Tells awards_accessible_names_fix() that this name was chosen. */
  g_object_set_data_full (G_OBJECT (widget), "awards-accessible-label", g_strdup (label), g_free);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) || GTK_IS_MENU_BUTTON (child) || GTK_IS_LIST_VIEW (child))
        awards_gui_set_accessible_label_inside (child, label);
    }
}

/**
 * awards_gui_set_label_or_hide:
 * @label: a label
 * @text: (nullable): its text; the label hides when it is empty
 */
void
awards_gui_set_label_or_hide (GtkLabel   *label,
                              const char *text)
{
  g_return_if_fail (GTK_IS_LABEL (label));

  gtk_label_set_label (label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && text[0] != '\0');
}

static gboolean
null_to_empty (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      user_data)
{
  const char *text = g_value_get_string (from);

  g_value_set_string (to, text ? text : "");
  return TRUE;
}

/**
 * awards_gui_bind_text:
 * @source: an object with a string property
 * @property: the property
 * @editable: the entry that edits it
 *
 * Binds both ways, showing %NULL as an empty entry.
 *
 * Returns: (transfer none): the binding, owned by the two objects
 */
GBinding *
awards_gui_bind_text (gpointer     source,
                      const char  *property,
                      GtkEditable *editable)
{
  g_return_val_if_fail (G_IS_OBJECT (source), NULL);
  g_return_val_if_fail (GTK_IS_EDITABLE (editable), NULL);

  return g_object_bind_property_full (source, property, editable, "text",
                                      G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                                      null_to_empty, NULL, NULL, NULL);
}

/**
 * awards_gui_bind_label:
 * @source: an object with a string property
 * @property: the property
 * @label: the label that shows it
 *
 * Binds one way, showing %NULL as an empty label.
 *
 * Returns: (transfer none): the binding, owned by the two objects
 */
GBinding *
awards_gui_bind_label (gpointer     source,
                       const char  *property,
                       GtkLabel    *label)
{
  g_return_val_if_fail (G_IS_OBJECT (source), NULL);
  g_return_val_if_fail (GTK_IS_LABEL (label), NULL);

  return g_object_bind_property_full (source, property, label, "label", G_BINDING_SYNC_CREATE,
                                      null_to_empty, NULL, NULL, NULL);
}

/**
 * awards_gui_show_error:
 * @parent: a widget of the window the message belongs to
 * @heading: what failed, as a short sentence
 * @error: (nullable): why
 *
 * Shows a modal message with a Close button.
 */
void
awards_gui_show_error (GtkWidget    *parent,
                       const char   *heading,
                       const GError *error)
{
  GtkRoot *root;
  AdwMessageDialog *dialog;

  g_return_if_fail (GTK_IS_WIDGET (parent));

  root = gtk_widget_get_root (parent);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                              : NULL,
                                                       heading,
                                                       error ? error->message : NULL));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * awards_gui_discard_dialog_new:
 * @parent: the editor being closed
 * @heading: the question
 *
 * The safe answer, to keep editing, is the default: an Enter typed on after Escape must neither
 * save a half-typed record nor lose it.
 *
 * Returns: (transfer floating): a dialog with the responses "cancel" (keep editing) and
 *   "discard"
 */
AdwMessageDialog *
awards_gui_discard_dialog_new (GtkWindow  *parent,
                               const char *heading)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading,
                                                       _("Unsaved changes are lost when the "
                                                         "editor closes.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Keep Editing"),
                                    "discard", _("_Discard Changes"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");

  return dialog;
}

/**
 * awards_gui_ensure_resources:
 *
 * Registers the templates and icons. They live in a static library, so nothing would pull
 * their constructor in; the application and the tests call this once before any widget.
 */
void
awards_gui_ensure_resources (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      awards_register_resource ();
      awards_accessible_names_install ();
      g_once_init_leave (&registered, 1);
    }
}

static gboolean
destroy_window_cb (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

/**
 * awards_gui_destroy_later:
 * @window: a window
 *
 * Destroys @window from an idle. A message dialog that is transient for @window must be gone
 * first, or it would outlive its parent.
 */
void
awards_gui_destroy_later (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_window_cb, g_object_ref (window),
                   g_object_unref);
}

/**
 * awards_gui_show_field_message:
 * @label: the message label under @field
 * @field: (nullable): the control the message is about
 * @message: (nullable): what is wrong, or %NULL when nothing is
 *
 * Shows @message under @field and marks @field with the `.error` style class. The label stays
 * in the layout while empty, so that a message appearing does not move the controls below it
 * from under the pointer.
 */
void
awards_gui_show_field_message (GtkLabel   *label,
                               GtkWidget  *field,
                               const char *message)
{
  gboolean shown = message != NULL && message[0] != '\0';

  g_return_if_fail (GTK_IS_LABEL (label));
  g_return_if_fail (field == NULL || GTK_IS_WIDGET (field));

  gtk_label_set_label (label, shown ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
  if (field == NULL)
    return;

  if (shown)
    gtk_widget_add_css_class (field, "error");
  else
    gtk_widget_remove_css_class (field, "error");
}

/**
 * awards_gui_toast_new:
 * @text: what the toast says, as plain text
 *
 * The text is shown as written, in a label of its own: a toast's title is markup, which names
 * ("HTX Hòa & Bình") and a server's address ("…&port=5432") would leave empty, and one line,
 * cut with "…" in an editor's narrow window, where a long sentence here wraps.
 *
 * Returns: (transfer full): a new toast
 */
AdwToast *
awards_gui_toast_new (const char *text)
{
  AdwToast *toast = adw_toast_new ("");
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 45);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_widget_add_css_class (label, "heading");
  adw_toast_set_custom_title (toast, label);
  return toast;
}

/**
 * awards_gui_toast_get_text:
 * @toast: a toast of awards_gui_toast_new () or adw_toast_new ()
 *
 * Returns: what @toast shows, as plain text
 */
const char *
awards_gui_toast_get_text (AdwToast *toast)
{
  GtkWidget *custom;

  g_return_val_if_fail (ADW_IS_TOAST (toast), NULL);

  custom = adw_toast_get_custom_title (toast);
  if (GTK_IS_LABEL (custom))
    return gtk_label_get_text (GTK_LABEL (custom));
  return adw_toast_get_title (toast);
}

/**
 * awards_gui_set_status_description:
 * @page: a status page
 * @text: (nullable): its description, as plain text (a status page takes markup)
 */
void
awards_gui_set_status_description (AdwStatusPage *page,
                                   const char    *text)
{
  g_autofree char *escaped = text != NULL ? g_markup_escape_text (text, -1) : NULL;

  adw_status_page_set_description (page, escaped);
}
