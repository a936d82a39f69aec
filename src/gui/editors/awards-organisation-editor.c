/* awards-organisation-editor.c: creating and editing one organisation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "awards-catalogue-prompt.h"
#include "awards-completion.h"
#include "awards-edit-guard.h"
#include "awards-date.h"
#include "awards-gui-utils.h"
#include "awards-near-record.h"
#include "awards-organisation-editor.h"
#include "awards-text.h"
#include "awards-record-checks.h"
#include "awards-store-async.h"

/**
 * AwardsOrganisationEditor:
 *
 * A window for one organisation. The checks come from awards_check_organisation(); a message
 * shows under a field once the user has changed it, or after a first attempt to save.
 */

/* The order of the kind drop-down, from the most common kind. */
static const AwardsOrganisationKind kind_order[] = {
  AWARDS_ORGANISATION_KIND_COOPERATIVE,
  AWARDS_ORGANISATION_KIND_COOPERATIVE_UNION,
  AWARDS_ORGANISATION_KIND_COOPERATIVE_ALLIANCE,
  AWARDS_ORGANISATION_KIND_ENTERPRISE,
  AWARDS_ORGANISATION_KIND_AGENCY,
  AWARDS_ORGANISATION_KIND_OTHER,
};

typedef enum
{
  FIELD_NAME,
  FIELD_SHORT_NAME,
  FIELD_PARENT_NAME,
  FIELD_TAX_CODE,
  FIELD_ADDRESS,
  FIELD_DISTRICT,
  FIELD_SECTOR,
  FIELD_FOUNDED,
  FIELD_DISSOLVED,
  FIELD_NOTES,
  N_FIELDS
} Field;

/* Property names of AwardsOrganisation, in the order of Field. */
static const char * const field_names[N_FIELDS] = {
  "name", "short-name", "parent-name", "tax-code", "address", "district", "sector",
  "founded", "dissolved", "notes",
};

struct _AwardsOrganisationEditor
{
  AwardsEditorBase           parent_instance;

  AwardsStore        *store;
  AwardsEditGuard    *guard;       /* only for a record that exists */
  AwardsOrganisation *organisation;
  gboolean            touched[N_FIELDS];

  GtkButton          *save_button;
  GtkLabel           *error_label;
  GtkEntry           *name_entry;
  GtkLabel           *name_message;
  GtkEntry           *short_name_entry;
  GtkDropDown        *kind_dropdown;
  GtkEntry           *parent_entry;
  GtkLabel           *parent_message;
  GtkEntry           *tax_code_entry;
  GtkEntry           *address_entry;
  GtkEntry           *district_entry;
  GtkEntry           *sector_entry;
  GtkEntry           *founded_entry;
  GtkLabel           *founded_message;
  GtkEntry           *dissolved_entry;
  GtkLabel           *dissolved_message;
  GtkEntry           *notes_entry;
  GtkLabel           *former_names_label;

  /* A name nearly equal to another organisation's asks "did you mean …?" before saving. */
  gint64              near_id;
  char               *near_name;
  char               *kept_name;   /* folded: the user keeps this name as new */
  GtkButton          *use_button;
  GtkButton          *keep_button;

  /* A new organisation's kind follows its name ("HTX …" a cooperative) until the user
   * chooses one. */
  gboolean            kind_chosen;
  gboolean            guessing_kind;

  gboolean            creating;     /* the save records a new name, unless recorded meanwhile */
};

G_DEFINE_FINAL_TYPE (AwardsOrganisationEditor, awards_organisation_editor, AWARDS_TYPE_EDITOR_BASE)

static GtkEntry *
field_entry (AwardsOrganisationEditor *self,
             Field                     field)
{
  GtkEntry *entries[N_FIELDS] = {
    self->name_entry, self->short_name_entry, self->parent_entry, self->tax_code_entry,
    self->address_entry, self->district_entry, self->sector_entry, self->founded_entry,
    self->dissolved_entry, self->notes_entry,
  };

  return entries[field];
}

static GtkLabel *
field_message (AwardsOrganisationEditor *self,
               Field                     field)
{
  switch (field)
    {
    case FIELD_NAME:
      return self->name_message;
    case FIELD_PARENT_NAME:
      return self->parent_message;
    case FIELD_FOUNDED:
      return self->founded_message;
    case FIELD_DISSOLVED:
      return self->dissolved_message;
    case FIELD_SHORT_NAME:
    case FIELD_TAX_CODE:
    case FIELD_ADDRESS:
    case FIELD_DISTRICT:
    case FIELD_SECTOR:
    case FIELD_NOTES:
    case N_FIELDS:
    default:
      return NULL;
    }
}

/* The organisation as typed; dates stay as typed, the store reads both forms. */
static AwardsOrganisation *
build_draft (AwardsOrganisationEditor *self)
{
  AwardsOrganisation *draft = awards_organisation_copy (self->organisation);
  guint selected = gtk_drop_down_get_selected (self->kind_dropdown);

  for (guint i = 0; i < N_FIELDS; i++)
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (field_entry (self, i)));
      g_autofree char *stripped = g_strstrip (g_strdup (text));

      g_object_set (draft, field_names[i], stripped[0] != '\0' ? stripped : NULL, NULL);
    }

  if (selected < G_N_ELEMENTS (kind_order))
    awards_organisation_set_kind (draft, kind_order[selected]);

  return draft;
}

static AwardsNameGuard *
guard (AwardsOrganisationEditor *self)
{
  return awards_editor_base_get_name_guard (AWARDS_EDITOR_BASE (self));
}

/* Whether the user keeps the name typed as a new one, whatever is recorded. */
static gboolean
kept_as_new (AwardsOrganisationEditor *self)
{
  g_autofree char *folded = awards_text_fold (gtk_editable_get_text (GTK_EDITABLE (
                                                                       self->name_entry)));

  return self->kept_name != NULL && g_strcmp0 (folded, self->kept_name) == 0;
}

/* Whether @name is another organisation's, or nearly equals it, unless the user keeps it as
 * new; shows or hides the buttons that answer. Returns the question, or %NULL. */
static char *
check_near_name (AwardsOrganisationEditor *self,
                 const char               *name)
{
  g_autofree char *folded = name != NULL ? awards_text_fold (name) : NULL;
  gint64 own_id = awards_organisation_get_id (self->organisation);
  gint64 same_id = 0;

  g_clear_pointer (&self->near_name, g_free);
  self->near_id = 0;
  if (folded != NULL && g_strcmp0 (folded, self->kept_name) != 0)
    same_id = awards_name_guard_organisation (guard (self), name);
  /* The very name of another organisation (two clerks entering the same cooperative, or one
   * not finding it): most often the same cooperative, which is opened instead. */
  if (same_id > 0 && same_id != own_id)
    {
      g_autofree char *open_label = g_strdup_printf (_("Open “%s”"), name);

      self->near_id = same_id;
      self->near_name = g_strdup (name);
      awards_catalogue_prompt_update (self->use_button, self->keep_button, self->near_name,
                                      TRUE);
      gtk_button_set_label (self->use_button, open_label);
      return g_strdup_printf (_("An organisation named “%s” is recorded already. Open it, or "
                                "keep this one as another of the same name."), name);
    }
  if (folded != NULL && g_strcmp0 (folded, self->kept_name) != 0)
    self->near_id = awards_name_guard_near_organisation (guard (self), name, own_id,
                                                         &self->near_name);
  /* Still being looked up: no question yet. */
  if (self->near_id < 0)
    self->near_id = 0;
  awards_catalogue_prompt_update (self->use_button, self->keep_button, self->near_name,
                                  self->near_id > 0);
  if (self->near_id == 0)
    return NULL;
  return g_strdup_printf (_("“%s” is not recorded yet. Did you mean “%s”?"), name,
                          self->near_name);
}

/* Returns the first field with a problem, or N_FIELDS. */
static Field
validate (AwardsOrganisationEditor *self)
{
  g_autoptr (AwardsOrganisation) draft = build_draft (self);
  g_autoptr (GPtrArray) problems = awards_check_organisation (guard (self), draft);
  Field first = N_FIELDS;

  for (guint i = 0; i < N_FIELDS; i++)
    {
      const char *message = awards_field_problems_lookup (problems, field_names[i]);
      GtkLabel *label = field_message (self, i);
      g_autofree char *near_message = NULL;

      if (i == FIELD_NAME)
        {
          near_message = check_near_name (self, awards_organisation_get_name (draft));
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
guess_kind (AwardsOrganisationEditor *self)
{
  AwardsOrganisationKind kind =
    awards_organisation_guess_kind (gtk_editable_get_text (GTK_EDITABLE (self->name_entry)));

  for (guint i = 0; i < G_N_ELEMENTS (kind_order); i++)
    if (kind_order[i] == kind)
      {
        self->guessing_kind = TRUE;
        gtk_drop_down_set_selected (self->kind_dropdown, i);
        self->guessing_kind = FALSE;
      }
}

static void
entry_changed_cb (GtkEditable              *editable,
                  AwardsOrganisationEditor *self)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (GTK_EDITABLE (field_entry (self, i)) == editable)
      self->touched[i] = TRUE;
  if (editable == GTK_EDITABLE (self->name_entry) && !self->kind_chosen &&
      awards_organisation_get_id (self->organisation) == 0)
    guess_kind (self);

  awards_editor_base_changed (AWARDS_EDITOR_BASE (self));
}

static void
kind_changed_cb (AwardsOrganisationEditor *self)
{
  if (!self->guessing_kind)
    self->kind_chosen = TRUE;
  awards_editor_base_changed (AWARDS_EDITOR_BASE (self));
}

static gboolean
organisation_save_async (AwardsEditorBase    *base,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  AwardsOrganisationEditor *self = AWARDS_ORGANISATION_EDITOR (base);
  g_autoptr (AwardsOrganisation) draft = NULL;
  const char *parent_name;

  draft = build_draft (self);
  parent_name = awards_organisation_get_parent_name (draft);
  awards_organisation_set_parent_id (draft, 0);
  /* Looked up already: Save waits for the checks' answers. */
  if (parent_name != NULL)
    awards_organisation_set_parent_id (draft, MAX (0, awards_name_guard_organisation (
                                                        guard (self), parent_name)));

  /* Nobody's change is overwritten without asking: the question saves again if told to. */
  if (self->guard != NULL && !awards_edit_guard_may_save (self->guard, "editor.save"))
    return FALSE;
  if (awards_edit_guard_recreates (self->guard))
    awards_organisation_set_id (draft, 0);
  /* A new name is recorded only if nobody recorded it since it was looked up, unless the clerk
   * keeps this one as another of the same name. */
  self->creating = awards_organisation_get_id (draft) == 0 && !kept_as_new (self);
  if (self->creating)
    awards_store_create_organisation_async (self->store, draft, NULL, callback, user_data);
  else
    awards_store_save_organisation_async (self->store, draft, NULL, callback, user_data);
  return TRUE;
}

static gint64
organisation_save_finish (AwardsEditorBase  *base,
                          GAsyncResult      *result,
                          GError           **error)
{
  AwardsOrganisationEditor *self = AWARDS_ORGANISATION_EDITOR (base);

  return self->creating ? awards_store_create_organisation_finish (self->store, result, error)
                        : awards_store_save_organisation_finish (self->store, result, error);
}

static void
fill_entries (AwardsOrganisationEditor *self)
{
  const char * const *former = awards_organisation_get_former_names (self->organisation);
  AwardsOrganisationKind kind = awards_organisation_get_kind (self->organisation);

  for (guint i = 0; i < N_FIELDS; i++)
    {
      g_autofree char *value = NULL;

      g_object_get (self->organisation, field_names[i], &value, NULL);
      if (i == FIELD_FOUNDED || i == FIELD_DISSOLVED)
        {
          g_autofree char *iso = g_steal_pointer (&value);

          value = awards_gui_format_date (iso);
        }
      gtk_editable_set_text (GTK_EDITABLE (field_entry (self, i)), value ? value : "");
    }

  /* The record's own kind, not one the user chose. */
  self->guessing_kind = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (kind_order); i++)
    if (kind_order[i] == kind)
      gtk_drop_down_set_selected (self->kind_dropdown, i);
  self->guessing_kind = FALSE;

  if (former != NULL && former[0] != NULL)
    {
      g_autofree char *names = g_strjoinv ("\n", (char **) former);

      gtk_label_set_label (self->former_names_label, names);
    }
  else
    {
      gtk_label_set_label (self->former_names_label, _("None"));
    }
}

static void
awards_organisation_editor_dispose (GObject *object)
{
  AwardsOrganisationEditor *self = AWARDS_ORGANISATION_EDITOR (object);

  g_clear_pointer (&self->guard, awards_edit_guard_free);
  g_clear_pointer (&self->near_name, g_free);
  g_clear_pointer (&self->kept_name, g_free);
  g_clear_object (&self->organisation);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (awards_organisation_editor_parent_class)->dispose (object);
}

static GtkWidget *
organisation_validate (AwardsEditorBase *base,
                       gboolean          show_all)
{
  AwardsOrganisationEditor *self = AWARDS_ORGANISATION_EDITOR (base);
  Field first = validate (self);

  return first != N_FIELDS ? GTK_WIDGET (field_entry (self, first)) : NULL;
}

static void
awards_organisation_editor_class_init (AwardsOrganisationEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AwardsEditorBaseClass *editor_class = AWARDS_EDITOR_BASE_CLASS (klass);

  object_class->dispose = awards_organisation_editor_dispose;
  editor_class->validate = organisation_validate;
  editor_class->save_async = organisation_save_async;
  editor_class->save_finish = organisation_save_finish;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/coopawards/CoopAwards/ui/"
                                               "awards-organisation-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, AwardsOrganisationEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, AwardsOrganisationEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, AwardsOrganisationEditor, name_entry);
  gtk_widget_class_bind_template_child (widget_class, AwardsOrganisationEditor, name_message);
  gtk_widget_class_bind_template_child (widget_class, AwardsOrganisationEditor,
                                        short_name_entry);
  gtk_widget_class_bind_template_child (widget_class, AwardsOrganisationEditor, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AwardsOrganisationEditor, parent_entry);
  gtk_widget_class_bind_template_child (widget_class, AwardsOrganisationEditor,
                                        parent_message);
  gtk_widget_class_bind_template_child (widget_class, AwardsOrganisationEditor,
                                        tax_code_entry);
  gtk_widget_class_bind_template_child (widget_class, AwardsOrganisationEditor, address_entry);
  gtk_widget_class_bind_template_child (widget_class, AwardsOrganisationEditor,
                                        district_entry);
  gtk_widget_class_bind_template_child (widget_class, AwardsOrganisationEditor, sector_entry);
  gtk_widget_class_bind_template_child (widget_class, AwardsOrganisationEditor, founded_entry);
  gtk_widget_class_bind_template_child (widget_class, AwardsOrganisationEditor,
                                        founded_message);
  gtk_widget_class_bind_template_child (widget_class, AwardsOrganisationEditor,
                                        dissolved_entry);
  gtk_widget_class_bind_template_child (widget_class, AwardsOrganisationEditor,
                                        dissolved_message);
  gtk_widget_class_bind_template_child (widget_class, AwardsOrganisationEditor, notes_entry);
  gtk_widget_class_bind_template_child (widget_class, AwardsOrganisationEditor,
                                        former_names_label);

}

/* The existing organisation opens in its own editor, in place of this one. */
static void
use_clicked_cb (AwardsOrganisationEditor *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (self->near_id == 0 || parent == NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (parent), "win.edit-organisation", "x", self->near_id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
keep_clicked_cb (AwardsOrganisationEditor *self)
{
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->name_entry));

  g_free (self->kept_name);
  self->kept_name = awards_text_fold (typed);
  validate (self);
}

static void
awards_organisation_editor_init (AwardsOrganisationEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  awards_editor_base_set_error_label (AWARDS_EDITOR_BASE (self), self->error_label);

  awards_catalogue_prompt_buttons_new (self->name_message, &self->use_button,
                                       &self->keep_button, _("Keep as _New"));
  g_signal_connect_swapped (self->use_button, "clicked", G_CALLBACK (use_clicked_cb), self);
  g_signal_connect_swapped (self->keep_button, "clicked", G_CALLBACK (keep_clicked_cb), self);
}

/**
 * awards_organisation_editor_new:
 * @parent: (nullable): the main window
 * @store: where the organisation is saved
 * @organisation: (nullable): the organisation to edit, or %NULL for a new one
 *
 * Returns: (transfer none): a new editor, not shown yet
 */
AwardsOrganisationEditor *
awards_organisation_editor_new (GtkWindow          *parent,
                                AwardsStore        *store,
                                AwardsOrganisation *organisation)
{
  AwardsOrganisationEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (AWARDS_IS_STORE (store), NULL);
  g_return_val_if_fail (organisation == NULL || AWARDS_IS_ORGANISATION (organisation), NULL);

  self = g_object_new (AWARDS_TYPE_ORGANISATION_EDITOR, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  awards_editor_base_set_name_guard (AWARDS_EDITOR_BASE (self), awards_name_guard_new (store));
  self->organisation = organisation != NULL ? awards_organisation_copy (organisation)
                                            : awards_organisation_new ();

  gtk_window_set_title (GTK_WINDOW (self),
                        awards_organisation_get_id (self->organisation) > 0
                        ? _("Edit Organisation") : _("New Organisation"));
  awards_editor_base_set_discard_heading (AWARDS_EDITOR_BASE (self),
                                          _("Discard the Changes to the Organisation?"));
  awards_completion_attach (self->parent_entry, store, AWARDS_COMPLETION_ORGANISATION,
                            NULL, NULL);
  fill_entries (self);

  if (awards_organisation_get_id (self->organisation) > 0)
    self->guard = awards_edit_guard_new (ADW_WINDOW (self), store, "organisation",
                                         awards_organisation_get_id (self->organisation),
                                         awards_organisation_get_name (self->organisation),
                                         awards_organisation_get_row_version (self->organisation));

  for (guint i = 0; i < N_FIELDS; i++)
    g_signal_connect (field_entry (self, i), "changed", G_CALLBACK (entry_changed_cb), self);
  g_signal_connect_swapped (self->kind_dropdown, "notify::selected",
                            G_CALLBACK (kind_changed_cb), self);

  return self;
}

/**
 * awards_organisation_editor_get_entry:
 * @self: a #AwardsOrganisationEditor
 * @field: a property name of #AwardsOrganisation
 *
 * Returns: (transfer none) (nullable): the entry of that field
 */
GtkEditable *
awards_organisation_editor_get_entry (AwardsOrganisationEditor *self,
                                      const char               *field)
{
  g_return_val_if_fail (AWARDS_IS_ORGANISATION_EDITOR (self), NULL);

  for (guint i = 0; i < N_FIELDS; i++)
    if (g_strcmp0 (field_names[i], field) == 0)
      return GTK_EDITABLE (field_entry (self, i));

  return NULL;
}

/**
 * awards_organisation_editor_get_message:
 * @self: a #AwardsOrganisationEditor
 * @field: a property name of #AwardsOrganisation
 *
 * Returns: (transfer none) (nullable): the label under that field, if it has one
 */
GtkLabel *
awards_organisation_editor_get_message (AwardsOrganisationEditor *self,
                                        const char               *field)
{
  g_return_val_if_fail (AWARDS_IS_ORGANISATION_EDITOR (self), NULL);

  for (guint i = 0; i < N_FIELDS; i++)
    if (g_strcmp0 (field_names[i], field) == 0)
      return field_message (self, i);

  return NULL;
}

/**
 * awards_organisation_editor_set_store:
 * @self: an editor
 * @store: the same database, connected again after the server went away
 *
 * The editor saves through @store: what the clerk typed meanwhile is kept.
 */
void
awards_organisation_editor_set_store (AwardsOrganisationEditor *self,
                                      AwardsStore              *store)
{
  g_return_if_fail (AWARDS_IS_ORGANISATION_EDITOR (self));
  g_return_if_fail (AWARDS_IS_STORE (store));

  g_set_object (&self->store, store);
  awards_name_guard_set_store (guard (self), store);
  awards_completion_set_store (self->parent_entry, store);
  if (self->guard != NULL)
    awards_edit_guard_set_store (self->guard, store);
  awards_editor_base_changed (AWARDS_EDITOR_BASE (self));
}
