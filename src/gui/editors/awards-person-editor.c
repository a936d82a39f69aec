/* awards-person-editor.c: creating and editing one person
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "awards-catalogue-prompt.h"
#include "awards-completion.h"
#include "awards-edit-guard.h"
#include "awards-gui-utils.h"
#include "awards-near-record.h"
#include "awards-person-editor.h"
#include "awards-text.h"
#include "awards-record-checks.h"
#include "awards-store-async.h"

/**
 * AwardsPersonEditor:
 *
 * A window for one person. The checks come from awards_check_person(); a message shows under
 * a field once the user has changed it, or after a first attempt to save.
 */

typedef enum
{
  FIELD_FULL_NAME,
  FIELD_BIRTH_YEAR,
  FIELD_ORGANISATION_NAME,
  FIELD_POSITION,
  FIELD_NOTES,
  N_FIELDS
} Field;

/* Property names of AwardsPerson, in the order of Field. */
static const char * const field_names[N_FIELDS] = {
  "full-name", "birth-year", "organisation-name", "position", "notes",
};

struct _AwardsPersonEditor
{
  AwardsEditorBase     parent_instance;

  AwardsStore  *store;
  AwardsEditGuard *guard;       /* only for a person who exists */
  AwardsPerson *person;
  gboolean      touched[N_FIELDS];

  GtkButton    *save_button;
  GtkLabel     *error_label;
  GtkEntry     *full_name_entry;
  GtkLabel     *full_name_message;
  GtkDropDown  *gender_dropdown;
  GtkEntry     *birth_year_entry;
  GtkLabel     *birth_year_message;
  GtkEntry     *organisation_entry;
  GtkLabel     *organisation_message;
  GtkEntry     *position_entry;
  GtkEntry     *notes_entry;

  /* A name a letter away from another person's of the same organisation asks "did you mean
   * …?" before saving. */
  gint64        near_id;
  char         *near_name;
  char         *kept_name;   /* folded: the user keeps this name as new */
  GtkButton    *use_button;
  GtkButton    *keep_button;
  gboolean      creating;    /* the save records a new name, unless recorded meanwhile */
};

G_DEFINE_FINAL_TYPE (AwardsPersonEditor, awards_person_editor, AWARDS_TYPE_EDITOR_BASE)

static GtkEntry *
field_entry (AwardsPersonEditor *self,
             Field               field)
{
  GtkEntry *entries[N_FIELDS] = {
    self->full_name_entry, self->birth_year_entry, self->organisation_entry,
    self->position_entry, self->notes_entry,
  };

  return entries[field];
}

static GtkLabel *
field_message (AwardsPersonEditor *self,
               Field               field)
{
  switch (field)
    {
    case FIELD_FULL_NAME:
      return self->full_name_message;
    case FIELD_BIRTH_YEAR:
      return self->birth_year_message;
    case FIELD_ORGANISATION_NAME:
      return self->organisation_message;
    case FIELD_POSITION:
    case FIELD_NOTES:
    case N_FIELDS:
    default:
      return NULL;
    }
}

static char *
entry_text (AwardsPersonEditor *self,
            Field               field)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (field_entry (self, field)));
  char *stripped = g_strstrip (g_strdup (text));

  if (stripped[0] == '\0')
    g_clear_pointer (&stripped, g_free);

  return stripped;
}

/* The person as typed; a year that is not a year is left out, and validate () says so. */
static AwardsPerson *
build_draft (AwardsPersonEditor *self)
{
  AwardsPerson *draft = awards_person_copy (self->person);
  g_autofree char *full_name = entry_text (self, FIELD_FULL_NAME);
  g_autofree char *year_text = entry_text (self, FIELD_BIRTH_YEAR);
  g_autofree char *organisation = entry_text (self, FIELD_ORGANISATION_NAME);
  g_autofree char *position = entry_text (self, FIELD_POSITION);
  g_autofree char *notes = entry_text (self, FIELD_NOTES);
  guint gender = gtk_drop_down_get_selected (self->gender_dropdown);
  int year = 0;
  g_autofree char *year_message = awards_check_birth_year_text (year_text, &year);

  awards_person_set_full_name (draft, full_name);
  awards_person_set_birth_year (draft, year);
  awards_person_set_organisation_name (draft, organisation);
  awards_person_set_position (draft, position);
  awards_person_set_notes (draft, notes);
  awards_person_set_gender (draft, gender <= AWARDS_GENDER_FEMALE ? (AwardsGender) gender
                                                                  : AWARDS_GENDER_UNKNOWN);

  return draft;
}

static AwardsNameGuard *
guard (AwardsPersonEditor *self)
{
  return awards_editor_base_get_name_guard (AWARDS_EDITOR_BASE (self));
}

static gboolean
same_name (const char *typed,
           const char *recorded)
{
  g_autofree char *normalized = awards_text_normalize (typed);

  return g_strcmp0 (normalized, recorded) == 0;
}

/* Whether the user keeps the name typed as a new one, whatever is recorded. */
static gboolean
kept_as_new (AwardsPersonEditor *self)
{
  g_autofree char *folded = awards_text_fold (gtk_editable_get_text (GTK_EDITABLE (
                                                                       self->full_name_entry)));

  return self->kept_name != NULL && g_strcmp0 (folded, self->kept_name) == 0;
}

/* Whether the person's name nearly equals another's of the same organisation, unless the user
 * keeps it as new; shows or hides the buttons that answer. Returns the question, or %NULL. */
static char *
check_near_name (AwardsPersonEditor *self,
                 AwardsPerson       *draft)
{
  const char *name = awards_person_get_full_name (draft);
  const char *organisation = awards_person_get_organisation_name (draft);
  g_autofree char *folded = name != NULL ? awards_text_fold (name) : NULL;

  g_clear_pointer (&self->near_name, g_free);
  self->near_id = 0;
  if (folded != NULL && g_strcmp0 (folded, self->kept_name) != 0)
    self->near_id = awards_name_guard_near_person (guard (self), name, organisation,
                                                   awards_person_get_id (self->person),
                                                   &self->near_name);
  /* Still being looked up: no question yet. */
  if (self->near_id < 0)
    self->near_id = 0;
  awards_catalogue_prompt_update (self->use_button, self->keep_button, self->near_name,
                                  self->near_id > 0);
  if (self->near_id == 0)
    return NULL;
  /* The very name of another person of the organisation (two clerks entering the same
   * person, or one not finding them): most often the same person, who is opened instead. */
  if (same_name (name, self->near_name))
    {
      g_autofree char *open_label = g_strdup_printf (_("Open “%s”"), self->near_name);

      gtk_button_set_label (self->use_button, open_label);
      return g_strdup_printf (_("%s has a person named “%s” recorded already. Open them, or "
                                "keep this one as another person of the same name."),
                              organisation, self->near_name);
    }
  return g_strdup_printf (_("%s has no “%s” yet. Did you mean “%s”?"), organisation, name,
                          self->near_name);
}

static Field
validate (AwardsPersonEditor *self)
{
  g_autoptr (AwardsPerson) draft = build_draft (self);
  g_autoptr (GPtrArray) problems = awards_check_person (guard (self), draft);
  g_autofree char *year_text = entry_text (self, FIELD_BIRTH_YEAR);
  g_autofree char *year_message = NULL;
  Field first = N_FIELDS;
  int year;

  year_message = awards_check_birth_year_text (year_text, &year);

  for (guint i = 0; i < N_FIELDS; i++)
    {
      const char *message = i == FIELD_BIRTH_YEAR && year_message != NULL
                            ? year_message
                            : awards_field_problems_lookup (problems, field_names[i]);
      GtkLabel *label = field_message (self, i);
      g_autofree char *near_message = NULL;

      if (i == FIELD_FULL_NAME)
        {
          near_message = check_near_name (self, draft);
          if (message == NULL)
            message = near_message;
        }

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
entry_changed_cb (GtkEditable        *editable,
                  AwardsPersonEditor *self)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (GTK_EDITABLE (field_entry (self, i)) == editable)
      self->touched[i] = TRUE;

  awards_editor_base_changed (AWARDS_EDITOR_BASE (self));
}

static void
gender_changed_cb (AwardsPersonEditor *self)
{
  awards_editor_base_changed (AWARDS_EDITOR_BASE (self));
}

static gboolean
person_save_async (AwardsEditorBase    *base,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  AwardsPersonEditor *self = AWARDS_PERSON_EDITOR (base);
  g_autoptr (AwardsPerson) draft = NULL;
  const char *organisation_name;

  draft = build_draft (self);
  organisation_name = awards_person_get_organisation_name (draft);
  awards_person_set_organisation_id (draft, 0);
  /* Looked up already: Save waits for the checks' answers. */
  if (organisation_name != NULL)
    awards_person_set_organisation_id (draft, MAX (0, awards_name_guard_organisation (
                                                        guard (self), organisation_name)));

  /* Nobody's change is overwritten without asking: the question saves again if told to. */
  if (self->guard != NULL && !awards_edit_guard_may_save (self->guard, "editor.save"))
    return FALSE;
  if (awards_edit_guard_recreates (self->guard))
    awards_person_set_id (draft, 0);
  /* A new name is recorded only if nobody recorded it in the organisation since it was looked
   * up, unless the clerk keeps this one as another of the same name. */
  self->creating = awards_person_get_id (draft) == 0 && !kept_as_new (self);
  if (self->creating)
    awards_store_create_person_async (self->store, draft, NULL, callback, user_data);
  else
    awards_store_save_person_async (self->store, draft, NULL, callback, user_data);
  return TRUE;
}

static gint64
person_save_finish (AwardsEditorBase  *base,
                    GAsyncResult      *result,
                    GError           **error)
{
  AwardsPersonEditor *self = AWARDS_PERSON_EDITOR (base);

  return self->creating ? awards_store_create_person_finish (self->store, result, error)
                        : awards_store_save_person_finish (self->store, result, error);
}

static void
set_entry (GtkEntry   *entry,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
}

static void
fill_entries (AwardsPersonEditor *self)
{
  int year = awards_person_get_birth_year (self->person);
  g_autofree char *year_text = year > 0 ? g_strdup_printf ("%d", year) : NULL;

  set_entry (self->full_name_entry, awards_person_get_full_name (self->person));
  set_entry (self->birth_year_entry, year_text);
  set_entry (self->organisation_entry, awards_person_get_organisation_name (self->person));
  set_entry (self->position_entry, awards_person_get_position (self->person));
  set_entry (self->notes_entry, awards_person_get_notes (self->person));
  gtk_drop_down_set_selected (self->gender_dropdown, awards_person_get_gender (self->person));
}

static void
awards_person_editor_dispose (GObject *object)
{
  AwardsPersonEditor *self = AWARDS_PERSON_EDITOR (object);

  g_clear_pointer (&self->guard, awards_edit_guard_free);
  g_clear_pointer (&self->near_name, g_free);
  g_clear_pointer (&self->kept_name, g_free);
  g_clear_object (&self->person);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (awards_person_editor_parent_class)->dispose (object);
}

static GtkWidget *
person_validate (AwardsEditorBase *base,
                 gboolean          show_all)
{
  AwardsPersonEditor *self = AWARDS_PERSON_EDITOR (base);
  Field first = validate (self);

  return first != N_FIELDS ? GTK_WIDGET (field_entry (self, first)) : NULL;
}

static void
awards_person_editor_class_init (AwardsPersonEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AwardsEditorBaseClass *editor_class = AWARDS_EDITOR_BASE_CLASS (klass);

  object_class->dispose = awards_person_editor_dispose;
  editor_class->validate = person_validate;
  editor_class->save_async = person_save_async;
  editor_class->save_finish = person_save_finish;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/coopawards/CoopAwards/ui/"
                                               "awards-person-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, AwardsPersonEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, AwardsPersonEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, AwardsPersonEditor, full_name_entry);
  gtk_widget_class_bind_template_child (widget_class, AwardsPersonEditor, full_name_message);
  gtk_widget_class_bind_template_child (widget_class, AwardsPersonEditor, gender_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AwardsPersonEditor, birth_year_entry);
  gtk_widget_class_bind_template_child (widget_class, AwardsPersonEditor, birth_year_message);
  gtk_widget_class_bind_template_child (widget_class, AwardsPersonEditor, organisation_entry);
  gtk_widget_class_bind_template_child (widget_class, AwardsPersonEditor,
                                        organisation_message);
  gtk_widget_class_bind_template_child (widget_class, AwardsPersonEditor, position_entry);
  gtk_widget_class_bind_template_child (widget_class, AwardsPersonEditor, notes_entry);

}

/* The existing person opens in their own editor, in place of this one. */
static void
use_clicked_cb (AwardsPersonEditor *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (self->near_id == 0 || parent == NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (parent), "win.edit-person", "x", self->near_id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
keep_clicked_cb (AwardsPersonEditor *self)
{
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->full_name_entry));

  g_free (self->kept_name);
  self->kept_name = awards_text_fold (typed);
  validate (self);
}

static void
awards_person_editor_init (AwardsPersonEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  awards_editor_base_set_error_label (AWARDS_EDITOR_BASE (self), self->error_label);

  awards_catalogue_prompt_buttons_new (self->full_name_message, &self->use_button,
                                       &self->keep_button, _("Keep as _New"));
  g_signal_connect_swapped (self->use_button, "clicked", G_CALLBACK (use_clicked_cb), self);
  g_signal_connect_swapped (self->keep_button, "clicked", G_CALLBACK (keep_clicked_cb), self);
}

/**
 * awards_person_editor_new:
 * @parent: (nullable): the main window
 * @store: where the person is saved
 * @person: (nullable): the person to edit, or %NULL for a new one; a new person may come with
 *   an organisation already
 *
 * Returns: (transfer none): a new editor, not shown yet
 */
AwardsPersonEditor *
awards_person_editor_new (GtkWindow    *parent,
                          AwardsStore  *store,
                          AwardsPerson *person)
{
  AwardsPersonEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (AWARDS_IS_STORE (store), NULL);
  g_return_val_if_fail (person == NULL || AWARDS_IS_PERSON (person), NULL);

  self = g_object_new (AWARDS_TYPE_PERSON_EDITOR, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  awards_editor_base_set_name_guard (AWARDS_EDITOR_BASE (self), awards_name_guard_new (store));
  self->person = person != NULL ? awards_person_copy (person) : awards_person_new ();

  gtk_window_set_title (GTK_WINDOW (self), awards_person_get_id (self->person) > 0
                                           ? _("Edit Person") : _("New Person"));
  awards_editor_base_set_discard_heading (AWARDS_EDITOR_BASE (self),
                                          _("Discard the Changes to the Person?"));
  awards_completion_attach (self->organisation_entry, store, AWARDS_COMPLETION_ORGANISATION,
                            NULL, NULL);
  fill_entries (self);

  if (awards_person_get_id (self->person) > 0)
    self->guard = awards_edit_guard_new (ADW_WINDOW (self), store, "person",
                                         awards_person_get_id (self->person),
                                         awards_person_get_full_name (self->person),
                                         awards_person_get_row_version (self->person));

  for (guint i = 0; i < N_FIELDS; i++)
    g_signal_connect (field_entry (self, i), "changed", G_CALLBACK (entry_changed_cb), self);
  g_signal_connect_swapped (self->gender_dropdown, "notify::selected",
                            G_CALLBACK (gender_changed_cb), self);

  return self;
}

/**
 * awards_person_editor_get_entry:
 * @self: a #AwardsPersonEditor
 * @field: a property name of #AwardsPerson
 *
 * Returns: (transfer none) (nullable): the entry of that field
 */
GtkEditable *
awards_person_editor_get_entry (AwardsPersonEditor *self,
                                const char         *field)
{
  g_return_val_if_fail (AWARDS_IS_PERSON_EDITOR (self), NULL);

  for (guint i = 0; i < N_FIELDS; i++)
    if (g_strcmp0 (field_names[i], field) == 0)
      return GTK_EDITABLE (field_entry (self, i));

  return NULL;
}

/**
 * awards_person_editor_get_message:
 * @self: a #AwardsPersonEditor
 * @field: a property name of #AwardsPerson
 *
 * Returns: (transfer none) (nullable): the label under that field, if it has one
 */
GtkLabel *
awards_person_editor_get_message (AwardsPersonEditor *self,
                                  const char         *field)
{
  g_return_val_if_fail (AWARDS_IS_PERSON_EDITOR (self), NULL);

  for (guint i = 0; i < N_FIELDS; i++)
    if (g_strcmp0 (field_names[i], field) == 0)
      return field_message (self, i);

  return NULL;
}

/**
 * awards_person_editor_set_store:
 * @self: an editor
 * @store: the same database, connected again after the server went away
 *
 * The editor saves through @store: what the clerk typed meanwhile is kept.
 */
void
awards_person_editor_set_store (AwardsPersonEditor *self,
                                AwardsStore        *store)
{
  g_return_if_fail (AWARDS_IS_PERSON_EDITOR (self));
  g_return_if_fail (AWARDS_IS_STORE (store));

  g_set_object (&self->store, store);
  awards_name_guard_set_store (guard (self), store);
  awards_completion_set_store (self->organisation_entry, store);
  if (self->guard != NULL)
    awards_edit_guard_set_store (self->guard, store);
  awards_editor_base_changed (AWARDS_EDITOR_BASE (self));
}
