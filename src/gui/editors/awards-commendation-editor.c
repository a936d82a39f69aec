/* awards-commendation-editor.c: editing one award
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "awards-commendation-editor.h"
#include "awards-catalogue-prompt.h"
#include "awards-completion.h"
#include "awards-edit-guard.h"
#include "awards-gui-utils.h"
#include "awards-record-checks.h"
#include "awards-store-async.h"

/**
 * AwardsCommendationEditor:
 *
 * A window for one award of a decision: which award, the recipient's organisation and
 * position at the time, the achievement, the period and the register number, and whether it
 * was revoked. The recipient and the decision are shown, not edited: an award to someone else
 * is a different award. The checks come from awards_check_commendation().
 */

typedef enum
{
  FIELD_AWARD_NAME,
  FIELD_ORGANISATION_AT_TIME_NAME,
  FIELD_POSITION,
  FIELD_ACHIEVEMENT,
  FIELD_PERIOD,
  FIELD_REGISTER_NUMBER,
  N_FIELDS
} Field;

/* Property names of AwardsCommendation, in the order of Field. */
static const char * const field_names[N_FIELDS] = {
  "award-name", "organisation-at-time-name", "position", "achievement", "period",
  "register-number",
};

struct _AwardsCommendationEditor
{
  AwardsEditorBase           parent_instance;

  AwardsStore        *store;
  AwardsCommendation *commendation;
  gboolean            touched[N_FIELDS];

  GtkButton          *save_button;
  GtkLabel           *error_label;
  GtkLabel           *recipient_label;
  GtkLabel           *decision_label;
  GtkEntry           *award_entry;
  GtkLabel           *award_message;
  GtkEntry           *organisation_entry;
  GtkLabel           *organisation_message;
  GtkEntry           *position_entry;
  GtkEntry           *achievement_entry;
  GtkEntry           *period_entry;
  GtkEntry           *register_number_entry;
  GtkCheckButton     *revoked_check;

  /* The award must be in the catalogue; the organisation not nearly a stored one. */
  AwardsNameGuard    *guard;
  char               *suggestions[N_FIELDS];
  GtkButton          *use_buttons[N_FIELDS];
  GtkButton          *add_buttons[N_FIELDS];

  /* Another clerk's correction of the same award is not overwritten without asking. */
  AwardsEditGuard    *edit_guard;
};

G_DEFINE_FINAL_TYPE (AwardsCommendationEditor, awards_commendation_editor, AWARDS_TYPE_EDITOR_BASE)

static GtkEntry *
field_entry (AwardsCommendationEditor *self,
             Field                     field)
{
  GtkEntry *entries[N_FIELDS] = {
    self->award_entry, self->organisation_entry, self->position_entry,
    self->achievement_entry, self->period_entry, self->register_number_entry,
  };

  return entries[field];
}

static GtkLabel *
field_message (AwardsCommendationEditor *self,
               Field                     field)
{
  if (field == FIELD_AWARD_NAME)
    return self->award_message;
  if (field == FIELD_ORGANISATION_AT_TIME_NAME)
    return self->organisation_message;

  return NULL;
}

static AwardsCommendation *
build_draft (AwardsCommendationEditor *self)
{
  AwardsCommendation *draft = awards_commendation_copy (self->commendation);

  for (guint i = 0; i < N_FIELDS; i++)
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (field_entry (self, i)));
      g_autofree char *stripped = g_strstrip (g_strdup (text));

      g_object_set (draft, field_names[i], stripped[0] != '\0' ? stripped : NULL, NULL);
    }
  awards_commendation_set_revoked (draft, gtk_check_button_get_active (self->revoked_check));

  return draft;
}

static Field
validate (AwardsCommendationEditor *self)
{
  g_autoptr (AwardsCommendation) draft = build_draft (self);
  g_autoptr (GPtrArray) problems = awards_check_commendation (self->guard, draft);
  Field first = N_FIELDS;

  for (guint i = 0; i < N_FIELDS; i++)
    {
      const char *message = awards_field_problems_lookup (problems, field_names[i]);
      GtkLabel *label = field_message (self, i);
      g_autofree char *guarded = NULL;

      g_clear_pointer (&self->suggestions[i], g_free);
      /* The guard's message says which name was meant; it comes before the plain one. */
      if (self->use_buttons[i] != NULL)
        {
          g_autofree char *typed = NULL;

          g_object_get (draft, field_names[i], &typed, NULL);
          guarded = awards_name_guard_check (self->guard,
                                             i == FIELD_AWARD_NAME ? AWARDS_NEAR_AWARD_TYPE
                                                                   : AWARDS_NEAR_ORGANISATION,
                                             typed, NULL, &self->suggestions[i]);
          if (guarded != NULL)
            message = guarded;
        }
      if (self->use_buttons[i] != NULL)
        awards_catalogue_prompt_update (self->use_buttons[i], self->add_buttons[i],
                                        self->suggestions[i], guarded != NULL);

      if (message != NULL && first == N_FIELDS)
        first = i;
      if (label != NULL)
        awards_gui_show_field_message (label, GTK_WIDGET (field_entry (self, i)),
                                       awards_editor_base_get_show_all (AWARDS_EDITOR_BASE (self)) ||
                                       self->touched[i] ? message : NULL);
    }

  return first;
}

static void
entry_changed_cb (GtkEditable              *editable,
                  AwardsCommendationEditor *self)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (GTK_EDITABLE (field_entry (self, i)) == editable)
      self->touched[i] = TRUE;

  awards_editor_base_changed (AWARDS_EDITOR_BASE (self));
}

static void
revoked_changed_cb (AwardsCommendationEditor *self)
{
  awards_editor_base_changed (AWARDS_EDITOR_BASE (self));
}

static gboolean
commendation_save_async (AwardsEditorBase    *base,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  AwardsCommendationEditor *self = AWARDS_COMMENDATION_EDITOR (base);
  g_autoptr (AwardsCommendation) draft = NULL;
  gint64 award_type_id;
  const char *organisation_name;

  /* The store keeps ids; the names were checked to exist. */
  draft = build_draft (self);
  /* Looked up already: Save waits for the checks' answers. */
  award_type_id = awards_name_guard_award_type (self->guard,
                                                awards_commendation_get_award_name (draft),
                                                NULL, NULL);
  if (award_type_id > 0)
    awards_commendation_set_award_type_id (draft, award_type_id);

  organisation_name = awards_commendation_get_organisation_at_time_name (draft);
  if (awards_commendation_get_recipient_kind (draft) == AWARDS_RECIPIENT_KIND_INDIVIDUAL)
    {
      gint64 organisation_id = organisation_name != NULL
                               ? awards_name_guard_organisation (self->guard, organisation_name)
                               : 0;

      awards_commendation_set_organisation_at_time_id (draft, MAX (0, organisation_id));
    }

  /* Nobody's change is overwritten without asking: the question saves again if told to. */
  if (self->edit_guard != NULL && !awards_edit_guard_may_save (self->edit_guard, "editor.save"))
    return FALSE;
  awards_store_update_commendation_async (self->store, draft, NULL, callback, user_data);
  return TRUE;
}

static gint64
commendation_save_finish (AwardsEditorBase  *base,
                          GAsyncResult      *result,
                          GError           **error)
{
  AwardsCommendationEditor *self = AWARDS_COMMENDATION_EDITOR (base);

  if (!awards_store_update_commendation_finish (self->store, result, error))
    return 0;
  return awards_commendation_get_id (self->commendation);
}

static void
fill_entries (AwardsCommendationEditor *self)
{
  AwardsCommendation *commendation = self->commendation;
  gboolean individual =
    awards_commendation_get_recipient_kind (commendation) == AWARDS_RECIPIENT_KIND_INDIVIDUAL;
  g_autofree char *date = awards_gui_format_date (awards_commendation_get_date (commendation));
  g_autofree char *recipient = NULL;
  g_autofree char *decision = NULL;
  const char *number = awards_commendation_get_decision_number (commendation);

  /* Translators: a recipient and whether it is a collective or an individual. */
  recipient = g_strdup_printf (_("%s (%s)"),
                               awards_commendation_get_recipient_name (commendation),
                               awards_recipient_kind_get_label (
                                 awards_commendation_get_recipient_kind (commendation)));
  gtk_label_set_label (self->recipient_label, recipient);

  /* Translators: decision number, date and authority. */
  decision = g_strdup_printf (_("%s of %s, %s"), number ? number : "—", date,
                              awards_commendation_get_authority_name (commendation));
  gtk_label_set_label (self->decision_label, decision);

  for (guint i = 0; i < N_FIELDS; i++)
    {
      g_autofree char *value = NULL;

      g_object_get (commendation, field_names[i], &value, NULL);
      gtk_editable_set_text (GTK_EDITABLE (field_entry (self, i)), value ? value : "");
    }
  gtk_check_button_set_active (self->revoked_check,
                               awards_commendation_get_revoked (commendation));

  gtk_widget_set_sensitive (GTK_WIDGET (self->organisation_entry), individual);
  gtk_widget_set_sensitive (GTK_WIDGET (self->position_entry), individual);
}

static void
awards_commendation_editor_dispose (GObject *object)
{
  AwardsCommendationEditor *self = AWARDS_COMMENDATION_EDITOR (object);

  g_clear_object (&self->commendation);
  g_clear_object (&self->store);
  g_clear_pointer (&self->edit_guard, awards_edit_guard_free);
  for (guint i = 0; i < N_FIELDS; i++)
    g_clear_pointer (&self->suggestions[i], g_free);

  G_OBJECT_CLASS (awards_commendation_editor_parent_class)->dispose (object);
}

static GtkWidget *
commendation_validate (AwardsEditorBase *base,
                       gboolean          show_all)
{
  AwardsCommendationEditor *self = AWARDS_COMMENDATION_EDITOR (base);
  Field first = validate (self);

  return first != N_FIELDS ? GTK_WIDGET (field_entry (self, first)) : NULL;
}

static void
awards_commendation_editor_class_init (AwardsCommendationEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AwardsEditorBaseClass *editor_class = AWARDS_EDITOR_BASE_CLASS (klass);

  object_class->dispose = awards_commendation_editor_dispose;
  editor_class->validate = commendation_validate;
  editor_class->save_async = commendation_save_async;
  editor_class->save_finish = commendation_save_finish;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/coopawards/CoopAwards/ui/"
                                               "awards-commendation-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, AwardsCommendationEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, AwardsCommendationEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, AwardsCommendationEditor,
                                        recipient_label);
  gtk_widget_class_bind_template_child (widget_class, AwardsCommendationEditor,
                                        decision_label);
  gtk_widget_class_bind_template_child (widget_class, AwardsCommendationEditor, award_entry);
  gtk_widget_class_bind_template_child (widget_class, AwardsCommendationEditor, award_message);
  gtk_widget_class_bind_template_child (widget_class, AwardsCommendationEditor,
                                        organisation_entry);
  gtk_widget_class_bind_template_child (widget_class, AwardsCommendationEditor,
                                        organisation_message);
  gtk_widget_class_bind_template_child (widget_class, AwardsCommendationEditor,
                                        position_entry);
  gtk_widget_class_bind_template_child (widget_class, AwardsCommendationEditor,
                                        achievement_entry);
  gtk_widget_class_bind_template_child (widget_class, AwardsCommendationEditor, period_entry);
  gtk_widget_class_bind_template_child (widget_class, AwardsCommendationEditor,
                                        register_number_entry);
  gtk_widget_class_bind_template_child (widget_class, AwardsCommendationEditor, revoked_check);

}

static Field
button_field (AwardsCommendationEditor *self,
              GtkButton                *button)
{
  return button == self->use_buttons[FIELD_AWARD_NAME] ||
         button == self->add_buttons[FIELD_AWARD_NAME] ? FIELD_AWARD_NAME
                                                       : FIELD_ORGANISATION_AT_TIME_NAME;
}

static void
use_clicked_cb (GtkButton                *button,
                AwardsCommendationEditor *self)
{
  Field field = button_field (self, button);
  g_autofree char *name = g_strdup (self->suggestions[field]);

  if (name != NULL)
    gtk_editable_set_text (GTK_EDITABLE (field_entry (self, field)), name);
}

static void
award_type_added_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr (AwardsCommendationEditor) self = user_data;
  g_autoptr (GError) error = NULL;
  gint64 id = awards_store_save_award_type_finish (AWARDS_STORE (source), result, &error);

  /* Closed meanwhile: the catalogue has the type, nothing is left to show. */
  if (self->store == NULL)
    return;
  if (id <= 0)
    {
      awards_gui_show_error (GTK_WIDGET (self), _("The award type could not be added"), error);
      return;
    }
  validate (self);
}

static void
add_response_cb (AdwMessageDialog         *dialog,
                 const char               *response,
                 AwardsCommendationEditor *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->award_entry));
  g_autoptr (AwardsAwardType) award_type = NULL;

  if (!g_str_equal (response, "add"))
    return;

  /* An award edits one record: the new type goes into the catalogue now, on this answer, on
   * the store's write thread. The name is accepted at once, so the field shows no question
   * while the write is under way. */
  award_type = awards_award_type_new ();
  awards_award_type_set_name (award_type, name);
  awards_name_guard_accept (self->guard, AWARDS_NEAR_AWARD_TYPE, name);
  awards_store_save_award_type_async (self->store, award_type, NULL, award_type_added_cb,
                                      g_object_ref (self));
}

static void
add_clicked_cb (GtkButton                *button,
                AwardsCommendationEditor *self)
{
  Field field = button_field (self, button);
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (field_entry (self, field)));
  AdwMessageDialog *dialog;

  /* A new organisation needs no catalogue: keeping the name as typed is enough. */
  if (field == FIELD_ORGANISATION_AT_TIME_NAME)
    {
      awards_name_guard_accept (self->guard, AWARDS_NEAR_ORGANISATION, typed);
      validate (self);
      return;
    }

  dialog = awards_catalogue_prompt_dialog_new (GTK_WINDOW (self), self->guard,
                                               AWARDS_NEAR_AWARD_TYPE, typed);
  g_signal_connect_object (dialog, "response", G_CALLBACK (add_response_cb), self,
                           G_CONNECT_DEFAULT);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
awards_commendation_editor_init (AwardsCommendationEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  awards_editor_base_set_error_label (AWARDS_EDITOR_BASE (self), self->error_label);

  awards_catalogue_prompt_buttons_new (self->award_message,
                                       &self->use_buttons[FIELD_AWARD_NAME],
                                       &self->add_buttons[FIELD_AWARD_NAME],
                                       _("Add Award _Type…"));
  awards_catalogue_prompt_buttons_new (self->organisation_message,
                                       &self->use_buttons[FIELD_ORGANISATION_AT_TIME_NAME],
                                       &self->add_buttons[FIELD_ORGANISATION_AT_TIME_NAME],
                                       _("Keep as _New"));
  for (guint i = 0; i < N_FIELDS; i++)
    {
      if (self->use_buttons[i] == NULL)
        continue;
      g_signal_connect_object (self->use_buttons[i], "clicked", G_CALLBACK (use_clicked_cb),
                               self, G_CONNECT_DEFAULT);
      g_signal_connect_object (self->add_buttons[i], "clicked", G_CALLBACK (add_clicked_cb),
                               self, G_CONNECT_DEFAULT);
    }
}

/**
 * awards_commendation_editor_new:
 * @parent: (nullable): the main window
 * @store: where the award is saved
 * @commendation: the award to edit
 *
 * Returns: (transfer none): a new editor, not shown yet
 */
AwardsCommendationEditor *
awards_commendation_editor_new (GtkWindow          *parent,
                                AwardsStore        *store,
                                AwardsCommendation *commendation)
{
  AwardsCommendationEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (AWARDS_IS_STORE (store), NULL);
  g_return_val_if_fail (AWARDS_IS_COMMENDATION (commendation), NULL);

  self = g_object_new (AWARDS_TYPE_COMMENDATION_EDITOR, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  /* The editor's look-ups: the base frees the guard, and checks again when answers come. */
  self->guard = awards_name_guard_new (store);
  awards_editor_base_set_name_guard (AWARDS_EDITOR_BASE (self), self->guard);
  self->commendation = awards_commendation_copy (commendation);

  gtk_window_set_title (GTK_WINDOW (self), _("Edit Award"));
  awards_editor_base_set_discard_heading (AWARDS_EDITOR_BASE (self),
                                          _("Discard the Changes to the Award?"));
  awards_completion_attach (self->award_entry, store, AWARDS_COMPLETION_AWARD_TYPE, NULL, NULL);
  awards_completion_attach (self->organisation_entry, store, AWARDS_COMPLETION_ORGANISATION,
                            NULL, NULL);
  fill_entries (self);

  {
    /* Translators: the award and its recipient, in the question before an overwrite. */
    g_autofree char *name = g_strdup_printf (_("%s to %s"),
                                             awards_commendation_get_award_name (commendation),
                                             awards_commendation_get_recipient_name (commendation));

    self->edit_guard = awards_edit_guard_new (ADW_WINDOW (self), store, "award",
                                              awards_commendation_get_id (commendation), name,
                                              awards_commendation_get_row_version (commendation));
  }

  for (guint i = 0; i < N_FIELDS; i++)
    g_signal_connect (field_entry (self, i), "changed", G_CALLBACK (entry_changed_cb), self);
  g_signal_connect_swapped (self->revoked_check, "notify::active",
                            G_CALLBACK (revoked_changed_cb), self);

  return self;
}

/**
 * awards_commendation_editor_get_entry:
 * @self: a #AwardsCommendationEditor
 * @field: a property name of #AwardsCommendation
 *
 * Returns: (transfer none) (nullable): the entry of that field
 */
GtkEditable *
awards_commendation_editor_get_entry (AwardsCommendationEditor *self,
                                      const char               *field)
{
  g_return_val_if_fail (AWARDS_IS_COMMENDATION_EDITOR (self), NULL);

  for (guint i = 0; i < N_FIELDS; i++)
    if (g_strcmp0 (field_names[i], field) == 0)
      return GTK_EDITABLE (field_entry (self, i));

  return NULL;
}

/**
 * awards_commendation_editor_get_message:
 * @self: a #AwardsCommendationEditor
 * @field: a property name of #AwardsCommendation
 *
 * Returns: (transfer none) (nullable): the label under that field, if it has one
 */
GtkLabel *
awards_commendation_editor_get_message (AwardsCommendationEditor *self,
                                        const char               *field)
{
  g_return_val_if_fail (AWARDS_IS_COMMENDATION_EDITOR (self), NULL);

  for (guint i = 0; i < N_FIELDS; i++)
    if (g_strcmp0 (field_names[i], field) == 0)
      return field_message (self, i);

  return NULL;
}

/**
 * awards_commendation_editor_set_store:
 * @self: an editor
 * @store: the same database, connected again after the server went away
 *
 * The editor saves through @store: what the clerk typed meanwhile is kept.
 */
void
awards_commendation_editor_set_store (AwardsCommendationEditor *self,
                                      AwardsStore              *store)
{
  g_return_if_fail (AWARDS_IS_COMMENDATION_EDITOR (self));
  g_return_if_fail (AWARDS_IS_STORE (store));

  g_set_object (&self->store, store);
  awards_name_guard_set_store (self->guard, store);
  awards_completion_set_store (self->award_entry, store);
  awards_completion_set_store (self->organisation_entry, store);
  awards_edit_guard_set_store (self->edit_guard, store);
  awards_editor_base_changed (AWARDS_EDITOR_BASE (self));
}
