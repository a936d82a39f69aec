/* awards-decision-recipients.c: the decision editor's table of recipients
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "awards-completion.h"
#include "awards-decision-editor-private.h"
#include "awards-decision-recipients.h"
#include "awards-gui-utils.h"

/*
 * The table of a decision's recipients, one row per #AwardsDraftRecipient of the editor's form:
 * its columns, the cells bound to each row, pasting spreadsheet rows into a name, and the
 * "did you mean" buttons under a name that nearly equals a stored one. It lives apart from
 * awards-decision-editor.c, which keeps the window, its header fields, saving and closing.
 */

typedef enum
{
  COLUMN_NUMBER,
  COLUMN_KIND,
  COLUMN_NAME,
  COLUMN_ORGANISATION,
  COLUMN_POSITION,
  COLUMN_AWARD,
  COLUMN_REMOVE,
  N_COLUMNS
} Column;

/* ---- The recipients table --------------------------------------------------------------- */

static gboolean
text_to_visible (GBinding     *binding,
                 const GValue *from,
                 GValue       *to,
                 gpointer      user_data)
{
  const char *text = g_value_get_string (from);

  g_value_set_boolean (to, text != NULL && text[0] != '\0');
  return TRUE;
}

typedef struct
{
  GPtrArray            *bindings;
  AwardsDraftRecipient *item;
  gulong                kind_handler;
  gulong                message_handler;
} CellState;

static void
cell_state_clear (CellState *state)
{
  for (guint i = 0; i < state->bindings->len; i++)
    g_binding_unbind (g_ptr_array_index (state->bindings, i));
  g_ptr_array_set_size (state->bindings, 0);

  if (state->item != NULL && state->kind_handler != 0)
    g_signal_handler_disconnect (state->item, state->kind_handler);
  if (state->item != NULL && state->message_handler != 0)
    g_signal_handler_disconnect (state->item, state->message_handler);
  state->kind_handler = 0;
  state->message_handler = 0;
  g_clear_object (&state->item);
}

static void
cell_state_free (gpointer data)
{
  CellState *state = data;

  cell_state_clear (state);
  g_ptr_array_unref (state->bindings);
  g_free (state);
}

static CellState *
cell_state_get (GtkListItem *list_item)
{
  CellState *state = g_object_get_data (G_OBJECT (list_item), "awards-cell-state");

  if (state == NULL)
    {
      state = g_new0 (CellState, 1);
      state->bindings = g_ptr_array_new_with_free_func (g_object_unref);
      g_object_set_data_full (G_OBJECT (list_item), "awards-cell-state", state,
                              cell_state_free);
    }

  return state;
}

static void
keep_binding (CellState *state,
              GBinding  *binding)
{
  g_ptr_array_add (state->bindings, g_object_ref (binding));
}

static gboolean
kind_to_selected (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  g_value_set_uint (to, g_value_get_enum (from) == AWARDS_RECIPIENT_KIND_INDIVIDUAL ? 1 : 0);
  return TRUE;
}

static gboolean
selected_to_kind (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  guint selected = g_value_get_uint (from);

  if (selected == GTK_INVALID_LIST_POSITION)
    return FALSE;

  g_value_set_enum (to, selected == 1 ? AWARDS_RECIPIENT_KIND_INDIVIDUAL
                                      : AWARDS_RECIPIENT_KIND_COLLECTIVE);
  return TRUE;
}

static gboolean
kind_to_individual (GBinding     *binding,
                    const GValue *from,
                    GValue       *to,
                    gpointer      user_data)
{
  g_value_set_boolean (to, g_value_get_enum (from) == AWARDS_RECIPIENT_KIND_INDIVIDUAL);
  return TRUE;
}

static void
update_row_labels (GtkListItem *list_item,
                   Column       column)
{
  GtkWidget *child = gtk_list_item_get_child (list_item);
  guint row = gtk_list_item_get_position (list_item) + 1;
  g_autofree char *label = NULL;

  switch (column)
    {
    case COLUMN_NUMBER:
      label = g_strdup_printf ("%u", row);
      gtk_label_set_label (GTK_LABEL (child), label);
      return;

    case COLUMN_KIND:
      label = g_strdup_printf (_("Type, row %u"), row);
      /* The drop-down's inner button is what takes the focus. */
      awards_gui_set_accessible_label_inside (child, label);
      return;

    case COLUMN_NAME:
      label = g_strdup_printf (_("Name, row %u"), row);
      child = gtk_widget_get_first_child (child);
      break;

    case COLUMN_ORGANISATION:
      label = g_strdup_printf (_("Organisation, row %u"), row);
      break;

    case COLUMN_POSITION:
      label = g_strdup_printf (_("Position, row %u"), row);
      break;

    case COLUMN_AWARD:
      label = g_strdup_printf (_("Award, row %u"), row);
      break;

    case COLUMN_REMOVE:
      label = g_strdup_printf (_("Remove row %u"), row);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (child), "u", row - 1);
      gtk_widget_set_tooltip_text (child, label);
      break;

    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }

  awards_gui_set_accessible_label (child, label);
}

static void
position_changed_cb (GtkListItem *list_item,
                     GParamSpec  *pspec,
                     gpointer     column)
{
  if (gtk_list_item_get_item (list_item) != NULL)
    update_row_labels (list_item, GPOINTER_TO_UINT (column));
}

static GtkWidget *row_suggestion_box_new (AwardsDecisionEditor *self);

/* Enter in the last row adds a row of the same kind, as in a spreadsheet. */
static void
cell_activate_cb (GtkEntry             *entry,
                  AwardsDecisionEditor *self)
{
  AwardsDraftRecipient *recipient = g_object_get_data (G_OBJECT (entry), "awards-row-recipient");
  GListModel *recipients = awards_decision_form_get_recipients (self->form);
  guint n_items = g_list_model_get_n_items (recipients);
  g_autoptr (AwardsDraftRecipient) last = NULL;

  if (recipient == NULL || n_items == 0)
    return;

  last = g_list_model_get_item (recipients, n_items - 1);
  if (last == recipient)
    awards_decision_editor_add_row (self, awards_draft_recipient_get_kind (recipient));
}

static GtkWidget *
cell_entry_new (AwardsDecisionEditor *self)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_widget_set_hexpand (entry, TRUE);
  g_signal_connect_object (entry, "activate", G_CALLBACK (cell_activate_cb), self,
                           G_CONNECT_DEFAULT);

  return entry;
}

typedef struct
{
  AwardsDecisionEditor *editor;   /* weak */
  GtkEditable          *text;
} PasteData;

static void
paste_data_free (PasteData *data)
{
  g_clear_weak_pointer (&data->editor);
  g_clear_object (&data->text);
  g_free (data);
}

static gboolean
looks_like_rows (const char *text)
{
  g_autofree char *trimmed = g_strdup (text);

  g_strchomp (trimmed);
  return strchr (trimmed, '\t') != NULL || strchr (trimmed, '\n') != NULL;
}

static void
paste_into_entry_ready_cb (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  PasteData *data = user_data;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);

  if (text != NULL && data->editor != NULL)
    {
      if (looks_like_rows (text))
        {
          awards_decision_form_paste_rows (data->editor->form, text);
        }
      else
        {
          int position;

          gtk_editable_delete_selection (data->text);
          position = gtk_editable_get_position (data->text);
          gtk_editable_insert_text (data->text, text, -1, &position);
          gtk_editable_set_position (data->text, position);
        }
    }

  paste_data_free (data);
}

/* A name cell takes a paste of several spreadsheet rows as that many recipients. */
static void
name_paste_cb (GtkText              *text,
               AwardsDecisionEditor *self)
{
  PasteData *data = g_new0 (PasteData, 1);

  g_signal_stop_emission_by_name (text, "paste-clipboard");

  g_set_weak_pointer (&data->editor, self);
  data->text = GTK_EDITABLE (g_object_ref (text));
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (text)), NULL,
                                 paste_into_entry_ready_cb, data);
}

static void
person_chosen_cb (GtkEntry *entry,
                  GObject  *item,
                  gpointer  user_data)
{
  AwardsDraftRecipient *recipient = g_object_get_data (G_OBJECT (entry), "awards-recipient");
  AwardsPerson *person = AWARDS_PERSON (item);

  if (recipient == NULL || !AWARDS_IS_PERSON (item))
    return;

  /* Picking a known person fills in where they work now, unless typed already. */
  if (awards_draft_recipient_get_organisation (recipient) == NULL)
    awards_draft_recipient_set_organisation (recipient,
                                             awards_person_get_organisation_name (person));
  if (awards_draft_recipient_get_position (recipient) == NULL)
    awards_draft_recipient_set_position (recipient, awards_person_get_position (person));
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               AwardsDecisionEditor     *self)
{
  Column column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "awards-column"));
  GtkWidget *child = NULL;

  switch (column)
    {
    case COLUMN_NUMBER:
      child = gtk_label_new (NULL);
      gtk_widget_add_css_class (child, "dim-label");
      gtk_widget_add_css_class (child, "numeric");
      break;

    case COLUMN_KIND:
      {
        const char *kinds[] = { _("Collective"), _("Individual"), NULL };

        child = gtk_drop_down_new_from_strings (kinds);
        gtk_widget_set_valign (child, GTK_ALIGN_START);
      }
      break;

    case COLUMN_NAME:
      {
        GtkWidget *entry = cell_entry_new (self);
        GtkWidget *message = gtk_label_new (NULL);

        child = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
        gtk_box_append (GTK_BOX (child), entry);
        gtk_label_set_xalign (GTK_LABEL (message), 0.0f);
        gtk_label_set_wrap (GTK_LABEL (message), TRUE);
        gtk_widget_add_css_class (message, "error");
        gtk_widget_add_css_class (message, "caption");
        gtk_box_append (GTK_BOX (child), message);
        gtk_box_append (GTK_BOX (child), row_suggestion_box_new (self));

        awards_completion_attach (GTK_ENTRY (entry), self->store,
                                  AWARDS_COMPLETION_ORGANISATION, person_chosen_cb, self);
        g_signal_connect_object (gtk_editable_get_delegate (GTK_EDITABLE (entry)),
                                 "paste-clipboard", G_CALLBACK (name_paste_cb), self,
                                 G_CONNECT_DEFAULT);
      }
      break;

    case COLUMN_ORGANISATION:
      child = cell_entry_new (self);
      gtk_widget_set_valign (child, GTK_ALIGN_START);
      awards_completion_attach (GTK_ENTRY (child), self->store, AWARDS_COMPLETION_ORGANISATION,
                                NULL, NULL);
      break;

    case COLUMN_POSITION:
      child = cell_entry_new (self);
      gtk_widget_set_valign (child, GTK_ALIGN_START);
      break;

    case COLUMN_AWARD:
      child = cell_entry_new (self);
      gtk_widget_set_valign (child, GTK_ALIGN_START);
      gtk_entry_set_placeholder_text (GTK_ENTRY (child), _("As the decision"));
      awards_completion_attach (GTK_ENTRY (child), self->store, AWARDS_COMPLETION_AWARD_TYPE,
                                NULL, NULL);
      break;

    case COLUMN_REMOVE:
      child = gtk_button_new_from_icon_name ("list-remove-symbolic");
      gtk_widget_add_css_class (child, "flat");
      gtk_widget_set_valign (child, GTK_ALIGN_START);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (child), "u", 0);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (child), "editor.remove-row");
      break;

    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }

  gtk_list_item_set_child (list_item, child);
  gtk_list_item_set_activatable (list_item, FALSE);
  g_signal_connect (list_item, "notify::position", G_CALLBACK (position_changed_cb),
                    GUINT_TO_POINTER (column));
}

/* ---- Names that nearly equal stored ones ------------------------------------------------ */

static AwardsNearKind
row_property_kind (AwardsDraftRecipient *recipient,
                   const char           *property)
{
  if (g_strcmp0 (property, "award") == 0)
    return AWARDS_NEAR_AWARD_TYPE;
  if (g_strcmp0 (property, "name") == 0 &&
      awards_draft_recipient_get_kind (recipient) == AWARDS_RECIPIENT_KIND_INDIVIDUAL)
    return AWARDS_NEAR_PERSON;

  return AWARDS_NEAR_ORGANISATION;
}

static void
row_use_clicked_cb (GtkButton            *button,
                    AwardsDecisionEditor *self)
{
  AwardsDraftRecipient *recipient = g_object_get_data (G_OBJECT (button),
                                                       "awards-row-recipient");
  const char *property = NULL;
  const char *suggestion;
  g_autofree char *name = NULL;

  if (recipient == NULL)
    return;

  suggestion = awards_decision_form_get_row_suggestion (self->form, recipient, &property);
  if (suggestion == NULL)
    return;

  name = g_strdup (suggestion);
  g_object_set (recipient, property, name, NULL);
}

static void
row_keep_clicked_cb (GtkButton            *button,
                     AwardsDecisionEditor *self)
{
  AwardsDraftRecipient *recipient = g_object_get_data (G_OBJECT (button),
                                                       "awards-row-recipient");
  const char *property = NULL;
  g_autofree char *typed = NULL;

  if (recipient == NULL ||
      awards_decision_form_get_row_suggestion (self->form, recipient, &property) == NULL)
    return;

  g_object_get (recipient, property, &typed, NULL);
  awards_decision_form_accept_new_name (self->form, row_property_kind (recipient, property),
                                        typed);
}

/* The "did you mean" buttons under a recipient's name. */
static GtkWidget *
row_suggestion_box_new (AwardsDecisionEditor *self)
{
  /* One above the other: side by side they would not fit the name column. */
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *use = gtk_button_new ();
  GtkWidget *keep = gtk_button_new_with_label (_("Keep as New"));

  gtk_widget_set_halign (use, GTK_ALIGN_START);
  gtk_widget_set_halign (keep, GTK_ALIGN_START);
  gtk_widget_add_css_class (use, "flat");
  gtk_widget_add_css_class (use, "caption");
  gtk_widget_add_css_class (keep, "flat");
  gtk_widget_add_css_class (keep, "caption");
  gtk_widget_set_tooltip_text (keep, _("Save the name as typed, as a new record"));
  g_signal_connect_object (use, "clicked", G_CALLBACK (row_use_clicked_cb), self,
                           G_CONNECT_DEFAULT);
  g_signal_connect_object (keep, "clicked", G_CALLBACK (row_keep_clicked_cb), self,
                           G_CONNECT_DEFAULT);
  gtk_box_append (GTK_BOX (box), use);
  gtk_box_append (GTK_BOX (box), keep);
  gtk_widget_set_visible (box, FALSE);

  return box;
}

/* The field of its row that a recipient's message is about: the one a "did you mean" names, an
 * award not given to its kind, a person's missing organisation; else the name, which stands for
 * the row. */
static const char *
message_property (AwardsDecisionEditor *self,
                  AwardsDraftRecipient *recipient)
{
  const char *property = NULL;

  if (awards_draft_recipient_get_message (recipient) == NULL)
    return NULL;
  awards_decision_form_get_row_suggestion (self->form, recipient, &property);
  return property != NULL ? property : "name";
}

/* Marks the cell whose field the row's message is about, and only that one. */
static void
mark_cell (AwardsDecisionEditor *self,
           AwardsDraftRecipient *recipient,
           GtkWidget            *entry,
           const char           *property)
{
  if (g_strcmp0 (message_property (self, recipient), property) == 0)
    gtk_widget_add_css_class (entry, "error");
  else
    gtk_widget_remove_css_class (entry, "error");
}

static void
field_message_changed_cb (AwardsDraftRecipient *recipient,
                          GParamSpec           *pspec,
                          GtkWidget            *entry)
{
  GtkRoot *root = gtk_widget_get_root (entry);

  if (AWARDS_IS_DECISION_EDITOR (root))
    mark_cell (AWARDS_DECISION_EDITOR (root), recipient, entry,
               g_object_get_data (G_OBJECT (entry), "awards-cell-property"));
}

static void
update_row_suggestion (AwardsDecisionEditor *self,
                       AwardsDraftRecipient *recipient,
                       GtkWidget            *box)
{
  GtkWidget *use = gtk_widget_get_first_child (box);
  GtkWidget *keep = gtk_widget_get_last_child (box);
  GtkWidget *entry = gtk_widget_get_first_child (gtk_widget_get_parent (box));
  const char *suggestion = awards_decision_form_get_row_suggestion (self->form, recipient, NULL);
  g_autofree char *label = NULL;

  g_object_set_data (G_OBJECT (use), "awards-row-recipient", recipient);
  g_object_set_data (G_OBJECT (keep), "awards-row-recipient", recipient);
  gtk_widget_set_visible (box, suggestion != NULL);

  /* A row with a problem marks its name, as the header marks its fields, unless the problem
   * is another field's (an organisation or an award nearly equal to a stored one). */
  mark_cell (self, recipient, entry, "name");
  if (suggestion == NULL)
    return;

  /* Translators: a button under a name that nearly equals a stored one. */
  label = g_strdup_printf (_("Use “%s”"), suggestion);
  gtk_button_set_label (GTK_BUTTON (use), label);
}

static void
row_message_changed_cb (AwardsDraftRecipient *recipient,
                        GParamSpec           *pspec,
                        GtkWidget            *box)
{
  AwardsDecisionEditor *self = AWARDS_DECISION_EDITOR (gtk_widget_get_root (box));

  if (self != NULL)
    update_row_suggestion (self, recipient, box);
}

static void
recipient_kind_changed_cb (AwardsDraftRecipient *recipient,
                           GParamSpec           *pspec,
                           GtkEntry             *entry)
{
  awards_completion_set_kind (entry,
                              awards_draft_recipient_get_kind (recipient) ==
                              AWARDS_RECIPIENT_KIND_INDIVIDUAL
                              ? AWARDS_COMPLETION_PERSON : AWARDS_COMPLETION_ORGANISATION);
}

static gboolean
grab_focus_idle_cb (gpointer data)
{
  gtk_widget_grab_focus (GTK_WIDGET (data));
  return G_SOURCE_REMOVE;
}

/* The organisation's and the award's cells are marked when the row's message is theirs. */
static void
watch_cell_message (AwardsDecisionEditor *self,
                    CellState            *state,
                    AwardsDraftRecipient *recipient,
                    GtkWidget            *entry,
                    const char           *property)
{
  g_object_set_data (G_OBJECT (entry), "awards-cell-property", (gpointer) property);
  state->message_handler = g_signal_connect_object (recipient, "notify::message",
                                                    G_CALLBACK (field_message_changed_cb),
                                                    entry, G_CONNECT_DEFAULT);
  mark_cell (self, recipient, entry, property);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              AwardsDecisionEditor     *self)
{
  Column column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "awards-column"));
  AwardsDraftRecipient *recipient = gtk_list_item_get_item (list_item);
  GtkWidget *child = gtk_list_item_get_child (list_item);
  CellState *state = cell_state_get (list_item);

  cell_state_clear (state);
  state->item = g_object_ref (recipient);

  switch (column)
    {
    case COLUMN_NUMBER:
    case COLUMN_REMOVE:
      break;

    case COLUMN_KIND:
      keep_binding (state, g_object_bind_property_full (recipient, "kind", child, "selected",
                                                        G_BINDING_BIDIRECTIONAL |
                                                        G_BINDING_SYNC_CREATE,
                                                        kind_to_selected, selected_to_kind,
                                                        NULL, NULL));
      break;

    case COLUMN_NAME:
      {
        GtkWidget *entry = gtk_widget_get_first_child (child);
        GtkWidget *message = gtk_widget_get_next_sibling (entry);

        g_object_set_data (G_OBJECT (entry), "awards-recipient", recipient);
        g_object_set_data (G_OBJECT (entry), "awards-row-recipient", recipient);
        keep_binding (state, awards_gui_bind_text (recipient, "name", GTK_EDITABLE (entry)));
        keep_binding (state, awards_gui_bind_label (recipient, "message", GTK_LABEL (message)));
        keep_binding (state, g_object_bind_property_full (recipient, "message", message,
                                                          "visible", G_BINDING_SYNC_CREATE,
                                                          text_to_visible, NULL, NULL, NULL));
        state->kind_handler = g_signal_connect_object (recipient, "notify::kind",
                                                       G_CALLBACK (recipient_kind_changed_cb),
                                                       entry, G_CONNECT_DEFAULT);
        state->message_handler =
          g_signal_connect_object (recipient, "notify::message",
                                   G_CALLBACK (row_message_changed_cb),
                                   gtk_widget_get_last_child (child), G_CONNECT_DEFAULT);
        update_row_suggestion (self, recipient, gtk_widget_get_last_child (child));
        recipient_kind_changed_cb (recipient, NULL, GTK_ENTRY (entry));

        if (recipient == self->focus_item)
          {
            g_clear_weak_pointer (&self->focus_item);
            g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, grab_focus_idle_cb,
                             g_object_ref (entry), g_object_unref);
          }
      }
      break;

    case COLUMN_ORGANISATION:
    case COLUMN_POSITION:
      g_object_set_data (G_OBJECT (child), "awards-row-recipient", recipient);
      keep_binding (state, awards_gui_bind_text (recipient,
                                                 column == COLUMN_ORGANISATION ? "organisation"
                                                                               : "position",
                                                 GTK_EDITABLE (child)));
      keep_binding (state, g_object_bind_property_full (recipient, "kind", child, "sensitive",
                                                        G_BINDING_SYNC_CREATE,
                                                        kind_to_individual, NULL, NULL, NULL));
      if (column == COLUMN_ORGANISATION)
        watch_cell_message (self, state, recipient, child, "organisation");
      break;

    case COLUMN_AWARD:
      g_object_set_data (G_OBJECT (child), "awards-row-recipient", recipient);
      keep_binding (state, awards_gui_bind_text (recipient, "award", GTK_EDITABLE (child)));
      watch_cell_message (self, state, recipient, child, "award");
      break;

    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }

  update_row_labels (list_item, column);
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                AwardsDecisionEditor     *self)
{
  cell_state_clear (cell_state_get (list_item));
}

void
awards_decision_editor_create_columns (AwardsDecisionEditor *self)
{
  static const struct
  {
    const char *title;
    int         width;
    gboolean    expand;
  } columns[N_COLUMNS] = {
    [COLUMN_NUMBER] = { N_("No."), 40, FALSE },
    [COLUMN_KIND] = { N_("Type"), 130, FALSE },
    [COLUMN_NAME] = { N_("Name"), 260, TRUE },
    [COLUMN_ORGANISATION] = { N_("Organisation"), 220, TRUE },
    [COLUMN_POSITION] = { N_("Position"), 180, FALSE },
    [COLUMN_AWARD] = { N_("Award"), 160, FALSE },
    [COLUMN_REMOVE] = { "", 48, FALSE },
  };

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr (GtkColumnViewColumn) column = NULL;

      g_object_set_data (G_OBJECT (factory), "awards-column", GUINT_TO_POINTER (i));
      g_signal_connect_object (factory, "setup", G_CALLBACK (setup_cell_cb), self,
                               G_CONNECT_DEFAULT);
      g_signal_connect_object (factory, "bind", G_CALLBACK (bind_cell_cb), self,
                               G_CONNECT_DEFAULT);
      g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_cell_cb), self,
                               G_CONNECT_DEFAULT);

      column = gtk_column_view_column_new (columns[i].title[0] ? _(columns[i].title) : "",
                                           g_object_ref (factory));
      gtk_column_view_column_set_fixed_width (column, columns[i].width);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_resizable (column, i != COLUMN_REMOVE && i != COLUMN_NUMBER);
      gtk_column_view_append_column (self->recipients_view, column);
    }
}
