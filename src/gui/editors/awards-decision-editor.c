/* awards-decision-editor.c: entering a decision with all its recipients
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "awards-catalogue-prompt.h"
#include "awards-completion.h"
#include "awards-date.h"
#include "awards-editor-base.h"
#include "awards-decision-editor-private.h"
#include "awards-decision-recipients.h"
#include "awards-edit-guard.h"
#include "awards-gui-utils.h"
#include "awards-store-async.h"

/**
 * AwardsDecisionEditor:
 *
 * A window for one decision: the header fields, then a table of recipients that grows with
 * "Add" buttons or with rows pasted from a spreadsheet. Everything the editor shows about the
 * validity of the input comes from its #AwardsDecisionForm; the editor only binds widgets to it.
 * Saving writes the decision and all its recipients in one transaction, in a worker thread.
 *
 * The editor starts empty for a new decision; awards_decision_editor_load() fills it with a
 * saved decision to edit, header and recipients.
 */

G_DEFINE_FINAL_TYPE (AwardsDecisionEditor, awards_decision_editor, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum
{
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
toast (AwardsDecisionEditor *self,
       const char           *title)
{
  AdwToast *message = awards_gui_toast_new (title);

  adw_toast_set_timeout (message, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, message);
}

/* ---- Binding widgets to the form ------------------------------------------------------- */

static void
message_changed_cb (GObject    *form,
                    GParamSpec *pspec,
                    GtkLabel   *label)
{
  g_autofree char *message = NULL;

  g_object_get (form, g_param_spec_get_name (pspec), &message, NULL);
  awards_gui_show_field_message (label, g_object_get_data (G_OBJECT (label), "awards-field"),
                                 message);
}

/* Shows the form's message @property in @label, and marks @field while there is one. */
static void
bind_message (gpointer    source,
              const char *property,
              GtkLabel   *label,
              GtkWidget  *field)
{
  g_autofree char *signal = g_strconcat ("notify::", property, NULL);

  g_object_set_data (G_OBJECT (label), "awards-field", field);
  g_signal_connect_object (source, signal, G_CALLBACK (message_changed_cb), label,
                           G_CONNECT_DEFAULT);
  message_changed_cb (source, g_object_class_find_property (G_OBJECT_GET_CLASS (source),
                                                            property), label);
}

static void
update_count (AwardsDecisionEditor *self)
{
  GListModel *recipients = awards_decision_form_get_recipients (self->form);
  guint n_items = g_list_model_get_n_items (recipients);
  guint n_collectives = 0, n_individuals = 0;
  g_autofree char *collectives = NULL;
  g_autofree char *individuals = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr (AwardsDraftRecipient) recipient = g_list_model_get_item (recipients, i);

      if (awards_draft_recipient_is_blank (recipient))
        continue;
      if (awards_draft_recipient_get_kind (recipient) == AWARDS_RECIPIENT_KIND_INDIVIDUAL)
        n_individuals++;
      else
        n_collectives++;
    }

  collectives = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u collective",
                                              "%u collectives", n_collectives),
                                 n_collectives);
  individuals = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u individual",
                                              "%u individuals", n_individuals),
                                 n_individuals);
  /* Translators: "3 collectives, 10 individuals". */
  text = g_strdup_printf (_("%s, %s"), collectives, individuals);
  gtk_label_set_label (self->count_label, text);
}

/* ---- Header fields ----------------------------------------------------------------------- */

static void
date_popover_show_cb (AwardsDecisionEditor *self)
{
  g_autofree char *iso = NULL;
  g_autoptr (GDateTime) date = NULL;

  if (awards_date_parse (awards_decision_form_get_date (self->form), &iso))
    {
      g_autofree char *midnight = g_strconcat (iso, "T00:00:00", NULL);
      g_autoptr (GTimeZone) local = g_time_zone_new_local ();

      date = g_date_time_new_from_iso8601 (midnight, local);
    }
  if (date == NULL)
    date = g_date_time_new_now_local ();

  gtk_calendar_select_day (self->calendar, date);
}

static void
calendar_day_selected_cb (AwardsDecisionEditor *self)
{
  g_autoptr (GDateTime) date = gtk_calendar_get_date (self->calendar);
  g_autofree char *text = g_date_time_format (date, "%d/%m/%Y");

  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), text);
  gtk_popover_popdown (self->date_popover);
}

static GtkWidget *find_name_entry (GtkWidget            *widget,
                                   AwardsDraftRecipient *recipient);

static void
focus_first_problem (AwardsDecisionEditor *self)
{
  const struct
  {
    AwardsDecisionField  field;
    GtkWidget           *widget;
  } fields[] = {
    { AWARDS_DECISION_FIELD_NUMBER, GTK_WIDGET (self->number_entry) },
    { AWARDS_DECISION_FIELD_DATE, GTK_WIDGET (self->date_entry) },
    { AWARDS_DECISION_FIELD_AUTHORITY, GTK_WIDGET (self->authority_entry) },
    { AWARDS_DECISION_FIELD_AWARD, GTK_WIDGET (self->award_entry) },
  };

  GListModel *recipients = awards_decision_form_get_recipients (self->form);
  guint n_items = g_list_model_get_n_items (recipients);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (awards_decision_form_get_message (self->form, fields[i].field) != NULL)
        {
          gtk_widget_grab_focus (fields[i].widget);
          return;
        }
    }

  /* The name of the first row with a problem. A row out of view has no widgets: the table is
   * scrolled to about where it is, and the row takes the focus once it is bound. */
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr (AwardsDraftRecipient) recipient = g_list_model_get_item (recipients, i);

      if (awards_draft_recipient_get_message (recipient) != NULL)
        {
          GtkWidget *entry = find_name_entry (GTK_WIDGET (self->recipients_view), recipient);
          GtkAdjustment *adjustment;

          if (entry != NULL)
            {
              gtk_widget_grab_focus (entry);
              return;
            }
          adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->recipients_view));
          g_set_weak_pointer (&self->focus_item, recipient);
          if (adjustment != NULL)
            gtk_adjustment_set_value (adjustment,
                                      gtk_adjustment_get_upper (adjustment) * i / n_items);
          gtk_widget_grab_focus (GTK_WIDGET (self->recipients_view));
          return;
        }
    }

  gtk_widget_grab_focus (GTK_WIDGET (self->recipients_view));
}

/* ---- Saving ------------------------------------------------------------------------------ */

/* Busy (saving, or reading the decision): not editable, and the spinner turns. */
void
awards_decision_editor_set_busy (AwardsDecisionEditor *self,
                                 gboolean              saving)
{
  self->saving = saving;
  gtk_spinner_set_spinning (self->spinner, saving);
  gtk_widget_set_sensitive (self->body, !saving);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", !saving);
}

static void
save_ready_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr (AwardsDecisionEditor) self = user_data;
  g_autoptr (GError) error = NULL;
  gint64 id;

  id = awards_store_save_decision_finish (AWARDS_STORE (source), result, &error);
  /* Destroyed meanwhile: its rows are gone, and the store tells the lists. */
  if (self->form == NULL)
    return;
  awards_decision_editor_set_busy (self, FALSE);
  if (id <= 0)
    {
      awards_gui_show_error (GTK_WIDGET (self), _("The decision could not be saved"), error);
      return;
    }

  self->done = TRUE;
  g_signal_emit (self, signals[SAVED], 0, id, self->n_saving);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
checking_changed_cb (AwardsDecisionEditor *self)
{
  if (!self->save_when_checked || awards_decision_form_get_checking (self->form))
    return;

  self->save_when_checked = FALSE;
  awards_decision_editor_set_busy (self, FALSE);
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.save", NULL);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AwardsDecisionEditor *self = AWARDS_DECISION_EDITOR (widget);
  g_autoptr (AwardsDecision) decision = NULL;
  g_autoptr (GPtrArray) recipients = NULL;

  if (self->saving)
    return;

  awards_decision_form_show_all_problems (self->form);
  /* The name typed last may still be on its way to the server: the save follows the answer. */
  if (awards_decision_form_get_checking (self->form))
    {
      self->save_when_checked = TRUE;
      awards_decision_editor_set_busy (self, TRUE);
      return;
    }
  if (!awards_decision_form_get_valid (self->form))
    {
      guint n = awards_decision_form_get_n_problems (self->form);
      g_autofree char *title = NULL;

      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Correct the marked problem before saving",
                                            "Correct the %u marked problems before saving", n),
                               n);
      toast (self, title);
      focus_first_problem (self);
      return;
    }

  /* Nobody's change is overwritten without asking. */
  if (self->guard != NULL && !awards_edit_guard_may_save (self->guard, "editor.save"))
    return;

  decision = awards_decision_form_build_decision (self->form);
  recipients = awards_decision_form_build_recipients (self->form);
  /* Deleted elsewhere, and saved anew as the clerk chose: a new decision with new awards. */
  if (awards_edit_guard_recreates (self->guard))
    {
      awards_decision_set_id (decision, 0);
      for (guint i = 0; i < recipients->len; i++)
        awards_commendation_set_id (g_ptr_array_index (recipients, i), 0);
    }
  self->n_saving = recipients->len;
  awards_decision_editor_set_busy (self, TRUE);
  /* The editor stays alive until the write has answered, even if the window goes first. */
  awards_store_save_decision_async (self->store, decision, recipients, NULL, save_ready_cb,
                                    g_object_ref (self));
}

/* ---- Rows -------------------------------------------------------------------------------- */

static GtkWidget *
find_name_entry (GtkWidget            *widget,
                 AwardsDraftRecipient *recipient)
{
  if (GTK_IS_ENTRY (widget) &&
      g_object_get_data (G_OBJECT (widget), "awards-recipient") == recipient)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *entry = find_name_entry (child, recipient);

      if (entry != NULL)
        return entry;
    }

  return NULL;
}

static gboolean
show_new_row_idle_cb (gpointer data)
{
  AwardsDecisionEditor *self = data;
  GtkAdjustment *adjustment;
  GtkWidget *entry;

  if (self->focus_item == NULL)
    return G_SOURCE_REMOVE;

  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->recipients_view));
  if (adjustment != NULL)
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) -
                                          gtk_adjustment_get_page_size (adjustment));

  /* A visible row is bound as soon as it is added; one further down when it scrolls in. */
  entry = find_name_entry (GTK_WIDGET (self->recipients_view), self->focus_item);
  if (entry != NULL)
    {
      g_clear_weak_pointer (&self->focus_item);
      gtk_widget_grab_focus (entry);
    }

  return G_SOURCE_REMOVE;
}

void
awards_decision_editor_add_row (AwardsDecisionEditor *self,
                                AwardsRecipientKind   kind)
{
  AwardsDraftRecipient *recipient;

  recipient = awards_decision_form_add_recipient (self->form, kind);
  g_set_weak_pointer (&self->focus_item, recipient);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, show_new_row_idle_cb, g_object_ref (self),
                   g_object_unref);
}

static void
add_collective_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  awards_decision_editor_add_row (AWARDS_DECISION_EDITOR (widget),
                                  AWARDS_RECIPIENT_KIND_COLLECTIVE);
}

static void
add_individual_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  awards_decision_editor_add_row (AWARDS_DECISION_EDITOR (widget),
                                  AWARDS_RECIPIENT_KIND_INDIVIDUAL);
}

static void
remove_row_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AwardsDecisionEditor *self = AWARDS_DECISION_EDITOR (widget);
  guint position = g_variant_get_uint32 (parameter);

  if (position < awards_decision_form_get_n_recipients (self->form))
    awards_decision_form_remove_recipient (self->form, position);
}

static void
paste_rows_ready_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr (AwardsDecisionEditor) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result,
                                                          &error);
  guint n_added;

  if (text == NULL)
    {
      toast (self, _("The clipboard holds no text to paste"));
      return;
    }

  n_added = awards_decision_form_paste_rows (self->form, text);
  if (n_added == 0)
    toast (self, _("The clipboard holds no rows to paste"));
}

static void
paste_rows_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, paste_rows_ready_cb,
                                 g_object_ref (widget));
}

/* ---- Closing ----------------------------------------------------------------------------- */

static gboolean
awards_decision_editor_close_request (GtkWindow *window)
{
  AwardsDecisionEditor *self = AWARDS_DECISION_EDITOR (window);
  AdwMessageDialog *dialog;

  /* A save that waits for the rows' look-ups has written nothing yet: closing gives it up (a
   * server that does not answer must not keep the editor open). */
  if (self->save_when_checked)
    {
      self->save_when_checked = FALSE;
      awards_decision_editor_set_busy (self, FALSE);
    }
  if (self->saving)
    return TRUE;

  if (self->done || !awards_decision_form_get_modified (self->form))
    return GTK_WINDOW_CLASS (awards_decision_editor_parent_class)->close_request (window);

  dialog = awards_editor_base_ask_to_discard (window,
                                              awards_decision_form_get_decision_id (self->form) > 0
                                              ? _("Discard the Changes to the Decision?")
                                              : _("Discard the New Decision?"));
  g_set_weak_pointer (&self->close_dialog, dialog);

  return TRUE;
}

/* ---- The closed catalogue: authority and award ------------------------------------------ */

static gboolean
is_authority_button (AwardsDecisionEditor *self,
                     GtkButton            *button)
{
  return button == self->authority_use_button || button == self->authority_add_button;
}

static void
catalogue_use_clicked_cb (GtkButton            *button,
                          AwardsDecisionEditor *self)
{
  gboolean authority = is_authority_button (self, button);
  const char *suggestion =
    awards_decision_form_get_suggestion (self->form, authority ? AWARDS_DECISION_FIELD_AUTHORITY
                                                               : AWARDS_DECISION_FIELD_AWARD);
  g_autofree char *name = g_strdup (suggestion);

  if (name != NULL)
    gtk_editable_set_text (GTK_EDITABLE (authority ? self->authority_entry : self->award_entry),
                           name);
}

static void
add_response_cb (AdwMessageDialog     *dialog,
                 const char           *response,
                 AwardsDecisionEditor *self)
{
  AwardsNearKind kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "awards-kind"));
  const char *name = g_object_get_data (G_OBJECT (dialog), "awards-name");

  if (!g_str_equal (response, "add"))
    return;
  awards_decision_form_accept_new_name (self->form, kind, name);
  /* The button that asked is gone with the question: the typing goes on in the field, not on
   * whatever GTK would pick (the header's Cancel). */
  gtk_widget_grab_focus (GTK_WIDGET (kind == AWARDS_NEAR_AUTHORITY ? self->authority_entry
                                                                   : self->award_entry));
}

/* The deliberate way into the catalogue: says what the catalogue has that is nearest, and adds
 * the new name only on an explicit answer. */
static void
catalogue_add_clicked_cb (GtkButton            *button,
                          AwardsDecisionEditor *self)
{
  gboolean authority = is_authority_button (self, button);
  AwardsNearKind kind = authority ? AWARDS_NEAR_AUTHORITY : AWARDS_NEAR_AWARD_TYPE;
  const char *name = gtk_editable_get_text (GTK_EDITABLE (authority ? self->authority_entry
                                                                    : self->award_entry));
  AdwMessageDialog *dialog;

  dialog = awards_catalogue_prompt_dialog_new (GTK_WINDOW (self),
                                               awards_decision_form_get_name_guard (self->form),
                                               kind, name);
  g_object_set_data (G_OBJECT (dialog), "awards-kind", GUINT_TO_POINTER (kind));
  g_object_set_data_full (G_OBJECT (dialog), "awards-name", g_strdup (name), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (add_response_cb), self,
                           G_CONNECT_DEFAULT);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
update_catalogue_buttons (AwardsDecisionEditor *self)
{
  const struct
  {
    AwardsDecisionField  field;
    GtkButton           *use;
    GtkButton           *add;
  } fields[] = {
    { AWARDS_DECISION_FIELD_AUTHORITY, self->authority_use_button, self->authority_add_button },
    { AWARDS_DECISION_FIELD_AWARD, self->award_use_button, self->award_add_button },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *suggestion = awards_decision_form_get_suggestion (self->form, fields[i].field);
      const char *message = awards_decision_form_get_message (self->form, fields[i].field);
      const char *text = fields[i].field == AWARDS_DECISION_FIELD_AUTHORITY
                         ? awards_decision_form_get_authority (self->form)
                         : awards_decision_form_get_award (self->form);
      g_autofree char *typed = g_strstrip (g_strdup (text ? text : ""));
      /* The only message about a typed name is that the catalogue lacks it. */
      gboolean unknown = message != NULL && typed[0] != '\0';

      awards_catalogue_prompt_update (fields[i].use, fields[i].add, suggestion, unknown);
    }
}

static void
add_catalogue_buttons (AwardsDecisionEditor *self,
                       GtkLabel             *message,
                       const char           *add_label,
                       GtkButton           **use,
                       GtkButton           **add)
{
  awards_catalogue_prompt_buttons_new (message, use, add, add_label);
  g_signal_connect_object (*use, "clicked", G_CALLBACK (catalogue_use_clicked_cb), self,
                           G_CONNECT_DEFAULT);
  g_signal_connect_object (*add, "clicked", G_CALLBACK (catalogue_add_clicked_cb), self,
                           G_CONNECT_DEFAULT);
}

/* ---- GObject ----------------------------------------------------------------------------- */

static void
bind_form (AwardsDecisionEditor *self)
{
  const struct
  {
    const char *property;
    GtkEntry   *entry;
  } entries[] = {
    { "number", self->number_entry },
    { "date", self->date_entry },
    { "authority", self->authority_entry },
    { "award", self->award_entry },
    { "signer-name", self->signer_entry },
    { "signer-title", self->signer_title_entry },
    { "occasion", self->occasion_entry },
    { "achievement", self->achievement_entry },
  };
  GtkNoSelection *selection;
  GListModel *recipients;

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    awards_gui_bind_text (self->form, entries[i].property, GTK_EDITABLE (entries[i].entry));

  bind_message (self->form, "number-message", self->number_message,
                GTK_WIDGET (self->number_entry));
  bind_message (self->form, "date-message", self->date_message, GTK_WIDGET (self->date_entry));
  bind_message (self->form, "authority-message", self->authority_message,
                GTK_WIDGET (self->authority_entry));
  bind_message (self->form, "award-message", self->award_message,
                GTK_WIDGET (self->award_entry));
  bind_message (self->form, "recipients-message", self->recipients_message, NULL);

  awards_completion_attach (self->authority_entry, self->store, AWARDS_COMPLETION_AUTHORITY,
                            NULL, NULL);
  awards_completion_attach (self->award_entry, self->store, AWARDS_COMPLETION_AWARD_TYPE,
                            NULL, NULL);

  recipients = awards_decision_form_get_recipients (self->form);
  selection = gtk_no_selection_new (g_object_ref (recipients));
  gtk_column_view_set_model (self->recipients_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  g_signal_connect_object (self->form, "notify::n-problems", G_CALLBACK (update_count), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->form, "notify::authority-message",
                           G_CALLBACK (update_catalogue_buttons), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->form, "notify::award-message",
                           G_CALLBACK (update_catalogue_buttons), self, G_CONNECT_SWAPPED);
  update_catalogue_buttons (self);
  g_signal_connect_object (awards_decision_form_get_recipients (self->form), "items-changed",
                           G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->form, "notify::valid", G_CALLBACK (update_count), self,
                           G_CONNECT_SWAPPED);
  update_count (self);
}

static void
awards_decision_editor_map (GtkWidget *widget)
{
  AwardsDecisionEditor *self = AWARDS_DECISION_EDITOR (widget);

  GTK_WIDGET_CLASS (awards_decision_editor_parent_class)->map (widget);

  /* The template's focus-widget is applied before the entry is in the window, and is lost:
   * the first focusable control, Cancel, takes the focus when the window is shown. Moving it
   * any earlier gives the window an accessible object of the wrong role. */
  if (!self->focus_set)
    {
      self->focus_set = TRUE;
      gtk_widget_grab_focus (GTK_WIDGET (self->number_entry));
    }
}

static void
awards_decision_editor_constructed (GObject *object)
{
  AwardsDecisionEditor *self = AWARDS_DECISION_EDITOR (object);

  G_OBJECT_CLASS (awards_decision_editor_parent_class)->constructed (object);

  g_assert (self->store != NULL);

  self->form = awards_decision_form_new (self->store);
  awards_decision_form_set_checks_async (self->form, TRUE);
  g_signal_connect_object (self->form, "notify::checking", G_CALLBACK (checking_changed_cb),
                           self, G_CONNECT_SWAPPED);
  awards_decision_editor_create_columns (self);
  bind_form (self);
}

static void
awards_decision_editor_dispose (GObject *object)
{
  AwardsDecisionEditor *self = AWARDS_DECISION_EDITOR (object);

  g_clear_weak_pointer (&self->focus_item);
  g_clear_weak_pointer (&self->close_dialog);
  g_clear_pointer (&self->guard, awards_edit_guard_free);
  g_clear_object (&self->form);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (awards_decision_editor_parent_class)->dispose (object);
}

static void
awards_decision_editor_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  AwardsDecisionEditor *self = AWARDS_DECISION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awards_decision_editor_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  AwardsDecisionEditor *self = AWARDS_DECISION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awards_decision_editor_class_init (AwardsDecisionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = awards_decision_editor_constructed;
  object_class->dispose = awards_decision_editor_dispose;
  object_class->get_property = awards_decision_editor_get_property;
  object_class->set_property = awards_decision_editor_set_property;
  window_class->close_request = awards_decision_editor_close_request;
  widget_class->map = awards_decision_editor_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         AWARDS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AwardsDecisionEditor::saved:
   * @self: the editor
   * @decision_id: the decision, new or edited
   * @n_recipients: how many awards it holds
   *
   * Emitted after the decision was saved, just before the editor closes.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/coopawards/CoopAwards/ui/"
                                               "awards-decision-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, AwardsDecisionEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AwardsDecisionEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, AwardsDecisionEditor, spinner);
  gtk_widget_class_bind_template_child (widget_class, AwardsDecisionEditor, body);
  gtk_widget_class_bind_template_child (widget_class, AwardsDecisionEditor, number_entry);
  gtk_widget_class_bind_template_child (widget_class, AwardsDecisionEditor, number_message);
  gtk_widget_class_bind_template_child (widget_class, AwardsDecisionEditor, date_entry);
  gtk_widget_class_bind_template_child (widget_class, AwardsDecisionEditor, date_message);
  gtk_widget_class_bind_template_child (widget_class, AwardsDecisionEditor, date_button);
  gtk_widget_class_bind_template_child (widget_class, AwardsDecisionEditor, date_popover);
  gtk_widget_class_bind_template_child (widget_class, AwardsDecisionEditor, calendar);
  gtk_widget_class_bind_template_child (widget_class, AwardsDecisionEditor, authority_entry);
  gtk_widget_class_bind_template_child (widget_class, AwardsDecisionEditor, authority_message);
  gtk_widget_class_bind_template_child (widget_class, AwardsDecisionEditor, award_entry);
  gtk_widget_class_bind_template_child (widget_class, AwardsDecisionEditor, award_message);
  gtk_widget_class_bind_template_child (widget_class, AwardsDecisionEditor, signer_entry);
  gtk_widget_class_bind_template_child (widget_class, AwardsDecisionEditor,
                                        signer_title_entry);
  gtk_widget_class_bind_template_child (widget_class, AwardsDecisionEditor, occasion_entry);
  gtk_widget_class_bind_template_child (widget_class, AwardsDecisionEditor, achievement_entry);
  gtk_widget_class_bind_template_child (widget_class, AwardsDecisionEditor, count_label);
  gtk_widget_class_bind_template_child (widget_class, AwardsDecisionEditor,
                                        recipients_message);
  gtk_widget_class_bind_template_child (widget_class, AwardsDecisionEditor, recipients_view);
  gtk_widget_class_bind_template_callback (widget_class, date_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, calendar_day_selected_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.add-collective", NULL,
                                   add_collective_action);
  gtk_widget_class_install_action (widget_class, "editor.add-individual", NULL,
                                   add_individual_action);
  gtk_widget_class_install_action (widget_class, "editor.remove-row", "u", remove_row_action);
  gtk_widget_class_install_action (widget_class, "editor.paste-rows", NULL, paste_rows_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.paste-rows", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
awards_decision_editor_init (AwardsDecisionEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  awards_completion_guard_escape (GTK_WINDOW (self));
  add_catalogue_buttons (self, self->authority_message, _("Add _Authority…"),
                         &self->authority_use_button, &self->authority_add_button);
  add_catalogue_buttons (self, self->award_message, _("Add Award _Type…"),
                         &self->award_use_button, &self->award_add_button);

  awards_gui_set_accessible_label_inside (GTK_WIDGET (self->date_button), _("Choose the date"));
  awards_gui_set_accessible_label_inside (GTK_WIDGET (self->recipients_view), _("Recipients"));
}

/**
 * awards_decision_editor_new:
 * @parent: (nullable): the main window
 * @store: where the decision goes
 *
 * Returns: (transfer none): a new editor, not shown yet; it belongs to GTK like any window
 */
AwardsDecisionEditor *
awards_decision_editor_new (GtkWindow   *parent,
                            AwardsStore *store)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (AWARDS_IS_STORE (store), NULL);

  return g_object_new (AWARDS_TYPE_DECISION_EDITOR,
                       "transient-for", parent,
                       "store", store,
                       NULL);
}

AwardsStore *
awards_decision_editor_get_store (AwardsDecisionEditor *self)
{
  g_return_val_if_fail (AWARDS_IS_DECISION_EDITOR (self), NULL);

  return self->store;
}

/**
 * awards_decision_editor_set_store:
 * @self: a #AwardsDecisionEditor
 * @store: the same database, connected again after the server went away
 *
 * The editor saves through @store, with its look-ups, completions and watch on the decision:
 * what the clerk typed meanwhile is kept.
 */
void
awards_decision_editor_set_store (AwardsDecisionEditor *self,
                                  AwardsStore          *store)
{
  g_return_if_fail (AWARDS_IS_DECISION_EDITOR (self));
  g_return_if_fail (AWARDS_IS_STORE (store));

  if (store == self->store)
    return;
  g_set_object (&self->store, store);
  awards_decision_form_set_store (self->form, store);
  awards_completion_set_store_within (GTK_WIDGET (self), store);
  /* The guard of a saved decision says so itself. */
  if (self->guard != NULL)
    awards_edit_guard_set_store (self->guard, store);
  else
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 awards_gui_toast_new (_("Connected again: this decision can be "
                                                         "saved")));
}

/**
 * awards_decision_editor_get_form:
 * @self: a #AwardsDecisionEditor
 *
 * Returns: (transfer none): the form behind the editor
 */
AwardsDecisionForm *
awards_decision_editor_get_form (AwardsDecisionEditor *self)
{
  g_return_val_if_fail (AWARDS_IS_DECISION_EDITOR (self), NULL);

  return self->form;
}

/**
 * awards_decision_editor_get_entry:
 * @self: a #AwardsDecisionEditor
 * @name: a form property: "number", "date", "authority", "award", "signer-name",
 *   "signer-title", "occasion" or "achievement"
 *
 * Returns: (transfer none) (nullable): the entry of that field
 */
GtkEditable *
awards_decision_editor_get_entry (AwardsDecisionEditor *self,
                                  const char           *name)
{
  const struct
  {
    const char *name;
    GtkEntry   *entry;
  } entries[] = {
    { "number", self->number_entry },
    { "date", self->date_entry },
    { "authority", self->authority_entry },
    { "award", self->award_entry },
    { "signer-name", self->signer_entry },
    { "signer-title", self->signer_title_entry },
    { "occasion", self->occasion_entry },
    { "achievement", self->achievement_entry },
  };

  g_return_val_if_fail (AWARDS_IS_DECISION_EDITOR (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    if (g_strcmp0 (entries[i].name, name) == 0)
      return GTK_EDITABLE (entries[i].entry);

  return NULL;
}

/**
 * awards_decision_editor_get_message_label:
 * @self: a #AwardsDecisionEditor
 * @name: "number", "date", "authority", "award" or "recipients"
 *
 * Returns: (transfer none) (nullable): the label under that field
 */
GtkLabel *
awards_decision_editor_get_message_label (AwardsDecisionEditor *self,
                                          const char           *name)
{
  g_return_val_if_fail (AWARDS_IS_DECISION_EDITOR (self), NULL);

  if (g_strcmp0 (name, "number") == 0)
    return self->number_message;
  if (g_strcmp0 (name, "date") == 0)
    return self->date_message;
  if (g_strcmp0 (name, "authority") == 0)
    return self->authority_message;
  if (g_strcmp0 (name, "award") == 0)
    return self->award_message;
  if (g_strcmp0 (name, "recipients") == 0)
    return self->recipients_message;

  return NULL;
}

/**
 * awards_decision_editor_get_recipients_view:
 * @self: a #AwardsDecisionEditor
 *
 * Returns: (transfer none): the recipients table
 */
GtkColumnView *
awards_decision_editor_get_recipients_view (AwardsDecisionEditor *self)
{
  g_return_val_if_fail (AWARDS_IS_DECISION_EDITOR (self), NULL);

  return self->recipients_view;
}

/**
 * awards_decision_editor_get_close_dialog:
 * @self: a #AwardsDecisionEditor
 *
 * Returns: (transfer none) (nullable): the question about unsaved changes, while it is shown
 */
AdwMessageDialog *
awards_decision_editor_get_close_dialog (AwardsDecisionEditor *self)
{
  g_return_val_if_fail (AWARDS_IS_DECISION_EDITOR (self), NULL);

  return self->close_dialog;
}

gboolean
awards_decision_editor_get_saving (AwardsDecisionEditor *self)
{
  g_return_val_if_fail (AWARDS_IS_DECISION_EDITOR (self), FALSE);

  return self->saving;
}

/**
 * awards_decision_editor_get_catalogue_button:
 * @self: a #AwardsDecisionEditor
 * @field: "authority" or "award"
 * @which: "use" (the name meant) or "add" (add the typed name to the catalogue)
 *
 * Returns: (transfer none) (nullable): the button under that field
 */
GtkButton *
awards_decision_editor_get_catalogue_button (AwardsDecisionEditor *self,
                                             const char           *field,
                                             const char           *which)
{
  gboolean use = g_strcmp0 (which, "use") == 0;

  g_return_val_if_fail (AWARDS_IS_DECISION_EDITOR (self), NULL);

  if (g_strcmp0 (field, "authority") == 0)
    return use ? self->authority_use_button : self->authority_add_button;
  if (g_strcmp0 (field, "award") == 0)
    return use ? self->award_use_button : self->award_add_button;

  return NULL;
}
