/* awards-record-picker.c: a searchable list of organisations, decisions or people, one chosen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "awards-date.h"
#include "awards-list-models.h"
#include "awards-record-picker.h"

/**
 * AwardsRecordPicker:
 *
 * A search entry over a #GtkListView of organisations, decisions or people, read a page at a
 * time through an #AwardsPagedModel, one of which is the choice. The reports page uses it to
 * pick the organisation or decision a report is about.
 *
 * The list is filled only once it is on screen (and again when the store changes while it is),
 * so that opening the window or saving a record does not pay for lists nobody looks at. Moving
 * through the list with the arrow keys chooses, as clicking does. With "offers-all" the first
 * row, "All organisations", stands for no choice (id 0).
 */

/* How far down the list a reload looks for the choice, to show it selected again. */
#define CHOICE_LOOKUP_LIMIT 200

struct _AwardsRecordPicker
{
  GtkBox               parent_instance;

  AwardsRecordPickerKind kind;
  gboolean             offers_all;

  AwardsStore         *store;
  AwardsPagedModel    *records;
  GListStore          *sections;   /* the "All" row's model, then the records */
  GtkSingleSelection  *selection;
  gboolean             filling;
  gboolean             stale;      /* to fill when the list is next on screen */

  gint64               chosen_id;
  gint64               chosen_authority_id;
  char                *chosen_title;

  GtkSearchEntry      *search_entry;
  GtkScrolledWindow   *scrolled;
  GtkListView         *list_view;
  GtkLabel            *note_label;
};

G_DEFINE_FINAL_TYPE (AwardsRecordPicker, awards_record_picker, GTK_TYPE_BOX)

enum
{
  PROP_0,
  PROP_KIND,
  PROP_OFFERS_ALL,
  PROP_PLACEHOLDER_TEXT,
  PROP_SEARCH_LABEL,
  PROP_LIST_LABEL,
  PROP_LIST_NAME,
  PROP_MIN_CONTENT_HEIGHT,
  PROP_MAX_CONTENT_HEIGHT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------------------------------- */
/* What a row shows                                                                             */

typedef struct
{
  gint64       id;
  gint64       authority_id;
  const char  *title;
  char        *subtitle;
  gboolean     choosable;
} RowFacts;

/* The facts of an item of the list; the "All" row is a #GtkStringObject. */
static void
row_facts (gpointer  item,
           RowFacts *facts)
{
  memset (facts, 0, sizeof *facts);
  facts->choosable = TRUE;

  if (GTK_IS_STRING_OBJECT (item))
    {
      facts->title = gtk_string_object_get_string (item);
    }
  else if (AWARDS_IS_ORGANISATION (item))
    {
      guint count = awards_organisation_get_award_count (item);

      facts->id = awards_organisation_get_id (item);
      facts->title = awards_organisation_get_name (item);
      facts->subtitle = g_strdup_printf (ngettext ("%u award", "%u awards", count), count);
    }
  else if (AWARDS_IS_DECISION (item))
    {
      const char *number = awards_decision_get_number (item);
      g_autofree char *date = awards_date_format_short (awards_decision_get_date (item));

      facts->id = awards_decision_get_id (item);
      facts->authority_id = awards_decision_get_authority_id (item);
      facts->title = number;
      /* Translators: a decision's authority and date,
       * e.g. "UBND thành phố Hải Phòng, 28/12/2011". */
      facts->subtitle = g_strdup_printf (_("%s, %s"), awards_decision_get_authority_name (item),
                                         date != NULL ? date : "");
      /* The annex is found by its decision's number: one without a number cannot be chosen. */
      if (number == NULL || number[0] == '\0')
        {
          facts->title = _("This decision has no number yet");
          facts->choosable = FALSE;
        }
    }
  else if (AWARDS_IS_PERSON (item))
    {
      facts->id = awards_person_get_id (item);
      facts->title = awards_person_get_full_name (item);
    }
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);
  gtk_label_set_xalign (GTK_LABEL (title), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  RowFacts facts;

  row_facts (gtk_list_item_get_item (list_item), &facts);
  gtk_label_set_label (GTK_LABEL (title), facts.title != NULL ? facts.title : "");
  gtk_label_set_label (GTK_LABEL (subtitle), facts.subtitle != NULL ? facts.subtitle : "");
  gtk_widget_set_visible (subtitle, facts.subtitle != NULL);
  gtk_widget_set_sensitive (box, facts.choosable);
  gtk_list_item_set_selectable (list_item, facts.choosable);
  gtk_list_item_set_activatable (list_item, facts.choosable);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  facts.title != NULL ? facts.title : "",
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  facts.subtitle != NULL ? facts.subtitle : "",
                                  -1);
  g_free (facts.subtitle);
}

/* ------------------------------------------------------------------------------------------- */
/* Filling                                                                                      */

static void
update_note (AwardsRecordPicker *self)
{
  const GError *error = self->records != NULL ? awards_paged_model_get_error (self->records)
                                              : NULL;
  guint n = self->records != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->records)) : 0;
  const char *note = NULL;

  if (self->records == NULL)
    note = NULL;
  else if (error != NULL)
    note = error->message;
  else if (n == 0 && awards_paged_model_get_search (self->records) != NULL)
    note = _("Nothing matches.");
  else if (n == 0)
    note = self->kind == AWARDS_RECORD_PICKER_ORGANISATIONS ? _("There are no organisations yet.")
           : self->kind == AWARDS_RECORD_PICKER_DECISIONS ? _("There are no decisions yet.")
           : _("There are no people yet.");

  gtk_label_set_label (self->note_label, note != NULL ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), note != NULL);
}

/* Selects the row of the choice, if it is near the top of the list, or none. */
static void
select_choice (AwardsRecordPicker *self)
{
  GListModel *rows = G_LIST_MODEL (self->selection);
  guint n = MIN (g_list_model_get_n_items (rows), CHOICE_LOOKUP_LIMIT);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (rows, i);
      RowFacts facts;

      row_facts (item, &facts);
      g_free (facts.subtitle);
      if (facts.choosable && facts.id == self->chosen_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

static void
fill (AwardsRecordPicker *self)
{
  g_autofree char *search = NULL;

  self->filling = TRUE;
  self->stale = FALSE;

  search = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  if (self->records != NULL)
    {
      if (g_strcmp0 (awards_paged_model_get_search (self->records),
                     search[0] != '\0' ? search : NULL) != 0)
        awards_paged_model_set_search (self->records, search);
      else
        awards_paged_model_reload (self->records, NULL);
    }

  /* The list gets its rows the first time it is filled, not before. */
  if (gtk_single_selection_get_model (self->selection) == NULL)
    {
      GtkFlattenListModel *flat = gtk_flatten_list_model_new (G_LIST_MODEL (g_object_ref
                                                                             (self->sections)));

      gtk_single_selection_set_model (self->selection, G_LIST_MODEL (flat));
      g_object_unref (flat);
    }

  select_choice (self);
  update_note (self);
  self->filling = FALSE;
}

static void
fill_when_shown (AwardsRecordPicker *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self->list_view)))
    fill (self);
  else
    self->stale = TRUE;
}

static void
list_map_cb (AwardsRecordPicker *self)
{
  if (self->stale)
    fill (self);
}

static void
search_changed_cb (AwardsRecordPicker *self)
{
  fill (self);
}

static void
selection_changed_cb (AwardsRecordPicker *self)
{
  GObject *item = gtk_single_selection_get_selected_item (self->selection);
  RowFacts facts;

  if (self->filling || item == NULL)
    return;

  row_facts (item, &facts);
  g_free (facts.subtitle);
  if (facts.choosable && facts.id != self->chosen_id)
    awards_record_picker_set_choice (self, facts.id, facts.authority_id, facts.title);
}

static void
rebuild_sections (AwardsRecordPicker *self)
{
  g_list_store_remove_all (self->sections);

  if (self->offers_all)
    {
      g_autoptr (GtkStringList) all = gtk_string_list_new (NULL);

      gtk_string_list_append (all, _("All organisations"));
      g_list_store_append (self->sections, all);
    }

  g_clear_object (&self->records);
  if (self->store != NULL)
    {
      switch (self->kind)
        {
        case AWARDS_RECORD_PICKER_DECISIONS:
          self->records = awards_list_model_new_decisions (self->store);
          break;
        case AWARDS_RECORD_PICKER_PEOPLE:
          self->records = awards_list_model_new_people (self->store, 0);
          break;
        case AWARDS_RECORD_PICKER_ORGANISATIONS:
        default:
          self->records = awards_list_model_new_organisations (self->store);
          break;
        }
      g_list_store_append (self->sections, self->records);
    }
}

/* ------------------------------------------------------------------------------------------- */
/* The object                                                                                   */

static void
awards_record_picker_dispose (GObject *object)
{
  AwardsRecordPicker *self = AWARDS_RECORD_PICKER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), AWARDS_TYPE_RECORD_PICKER);
  g_clear_object (&self->selection);
  g_clear_object (&self->sections);
  g_clear_object (&self->records);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (awards_record_picker_parent_class)->dispose (object);
}

static void
awards_record_picker_finalize (GObject *object)
{
  AwardsRecordPicker *self = AWARDS_RECORD_PICKER (object);

  g_free (self->chosen_title);

  G_OBJECT_CLASS (awards_record_picker_parent_class)->finalize (object);
}

static void
awards_record_picker_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AwardsRecordPicker *self = AWARDS_RECORD_PICKER (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_OFFERS_ALL:
      g_value_set_boolean (value, self->offers_all);
      break;
    case PROP_PLACEHOLDER_TEXT:
      /* GTK 4.8 has the property but not its accessors. */
      g_object_get_property (G_OBJECT (self->search_entry), "placeholder-text", value);
      break;
    case PROP_LIST_NAME:
      g_value_set_string (value, gtk_widget_get_name (GTK_WIDGET (self->list_view)));
      break;
    case PROP_MIN_CONTENT_HEIGHT:
      g_value_set_int (value, gtk_scrolled_window_get_min_content_height (self->scrolled));
      break;
    case PROP_MAX_CONTENT_HEIGHT:
      g_value_set_int (value, gtk_scrolled_window_get_max_content_height (self->scrolled));
      break;
    case PROP_SEARCH_LABEL:
    case PROP_LIST_LABEL:
      g_value_set_string (value, NULL);   /* kept by the accessible only */
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awards_record_picker_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  AwardsRecordPicker *self = AWARDS_RECORD_PICKER (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_int (value);
      rebuild_sections (self);
      break;
    case PROP_OFFERS_ALL:
      self->offers_all = g_value_get_boolean (value);
      rebuild_sections (self);
      break;
    case PROP_PLACEHOLDER_TEXT:
      g_object_set_property (G_OBJECT (self->search_entry), "placeholder-text", value);
      break;
    case PROP_SEARCH_LABEL:
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, g_value_get_string (value),
                                      -1);
      break;
    case PROP_LIST_LABEL:
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, g_value_get_string (value),
                                      -1);
      break;
    case PROP_LIST_NAME:
      gtk_widget_set_name (GTK_WIDGET (self->list_view), g_value_get_string (value));
      break;
    case PROP_MIN_CONTENT_HEIGHT:
      gtk_scrolled_window_set_min_content_height (self->scrolled, g_value_get_int (value));
      break;
    case PROP_MAX_CONTENT_HEIGHT:
      gtk_scrolled_window_set_max_content_height (self->scrolled, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awards_record_picker_class_init (AwardsRecordPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = awards_record_picker_dispose;
  object_class->finalize = awards_record_picker_finalize;
  object_class->get_property = awards_record_picker_get_property;
  object_class->set_property = awards_record_picker_set_property;

  /* What the list holds: an #AwardsRecordPickerKind. */
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, AWARDS_RECORD_PICKER_ORGANISATIONS,
                      AWARDS_RECORD_PICKER_PEOPLE, AWARDS_RECORD_PICKER_ORGANISATIONS,
                      flags | G_PARAM_CONSTRUCT);
  /* Whether the first row, "All organisations", stands for no choice. */
  properties[PROP_OFFERS_ALL] =
    g_param_spec_boolean ("offers-all", NULL, NULL, FALSE, flags | G_PARAM_CONSTRUCT);
  properties[PROP_PLACEHOLDER_TEXT] =
    g_param_spec_string ("placeholder-text", NULL, NULL, NULL, flags);
  /* The accessible names of the search entry and of the list. */
  properties[PROP_SEARCH_LABEL] =
    g_param_spec_string ("search-label", NULL, NULL, NULL, flags);
  properties[PROP_LIST_LABEL] =
    g_param_spec_string ("list-label", NULL, NULL, NULL, flags);
  /* The widget name of the list, by which tests find it. */
  properties[PROP_LIST_NAME] =
    g_param_spec_string ("list-name", NULL, NULL, NULL, flags);
  properties[PROP_MIN_CONTENT_HEIGHT] =
    g_param_spec_int ("min-content-height", NULL, NULL, -1, G_MAXINT, 168, flags);
  properties[PROP_MAX_CONTENT_HEIGHT] =
    g_param_spec_int ("max-content-height", NULL, NULL, -1, G_MAXINT, 240, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AwardsRecordPicker::changed:
   *
   * The choice changed, by the user or by awards_record_picker_set_choice().
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/coopawards/CoopAwards/ui/"
                                               "awards-record-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, AwardsRecordPicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AwardsRecordPicker, scrolled);
  gtk_widget_class_bind_template_child (widget_class, AwardsRecordPicker, list_view);
  gtk_widget_class_bind_template_child (widget_class, AwardsRecordPicker, note_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_map_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_row_cb);
}

static void
awards_record_picker_init (AwardsRecordPicker *self)
{
  self->sections = g_list_store_new (G_TYPE_LIST_MODEL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected",
                            G_CALLBACK (selection_changed_cb), self);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
}

/**
 * awards_record_picker_set_store:
 * @self: a #AwardsRecordPicker
 * @store: (nullable): the store to list
 *
 * Lists @store's records, once the list is on screen. The choice stays: the caller says when
 * it no longer holds.
 */
void
awards_record_picker_set_store (AwardsRecordPicker *self,
                                AwardsStore        *store)
{
  g_return_if_fail (AWARDS_IS_RECORD_PICKER (self));
  g_return_if_fail (store == NULL || AWARDS_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;
  rebuild_sections (self);
  fill_when_shown (self);
}

/**
 * awards_record_picker_reload:
 * @self: a #AwardsRecordPicker
 *
 * Reads the records again (the store changed), now if the list is on screen, else when it is.
 */
void
awards_record_picker_reload (AwardsRecordPicker *self)
{
  g_return_if_fail (AWARDS_IS_RECORD_PICKER (self));

  fill_when_shown (self);
}

gint64
awards_record_picker_get_chosen_id (AwardsRecordPicker *self)
{
  g_return_val_if_fail (AWARDS_IS_RECORD_PICKER (self), 0);

  return self->chosen_id;
}

/* The authority of the chosen decision: a decision's number is unique only per authority. */
gint64
awards_record_picker_get_chosen_authority_id (AwardsRecordPicker *self)
{
  g_return_val_if_fail (AWARDS_IS_RECORD_PICKER (self), 0);

  return self->chosen_authority_id;
}

/* The chosen record's name, or its number for a decision. */
const char *
awards_record_picker_get_chosen_title (AwardsRecordPicker *self)
{
  g_return_val_if_fail (AWARDS_IS_RECORD_PICKER (self), NULL);

  return self->chosen_title;
}

/**
 * awards_record_picker_set_choice:
 * @self: a #AwardsRecordPicker
 * @id: the record, or 0 for none
 * @authority_id: the decision's authority, or 0
 * @title: (nullable): the record's name or number
 *
 * Makes @id the choice and emits #AwardsRecordPicker::changed; the list is left as it is.
 */
void
awards_record_picker_set_choice (AwardsRecordPicker *self,
                                 gint64              id,
                                 gint64              authority_id,
                                 const char         *title)
{
  g_return_if_fail (AWARDS_IS_RECORD_PICKER (self));

  self->chosen_id = id;
  self->chosen_authority_id = authority_id;
  g_free (self->chosen_title);
  self->chosen_title = g_strdup (title);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * awards_record_picker_choose:
 * @self: a #AwardsRecordPicker
 * @id: the record, or 0 for none
 * @authority_id: the decision's authority, or 0
 * @title: (nullable): the record's name or number
 *
 * Makes @id the choice and lists it, searching for its title, as when the window asks for it.
 */
void
awards_record_picker_choose (AwardsRecordPicker *self,
                             gint64              id,
                             gint64              authority_id,
                             const char         *title)
{
  g_return_if_fail (AWARDS_IS_RECORD_PICKER (self));

  awards_record_picker_set_choice (self, id, authority_id, title);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry),
                         id != 0 && title != NULL ? title : "");
  fill (self);
}
