/* awards-browse-view.c: a searchable list beside the details of the selected item
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "awards-browse-view.h"
#include "awards-gui-utils.h"

/**
 * AwardsBrowseView:
 *
 * One section of the window: a search entry and a list on the left, the details of the
 * selected item on the right. On a narrow window the two sides fold into one and the list
 * leads to the details. The search filters as the user types; the paged model asks the store
 * again for each search.
 */

struct _AwardsBrowseView
{
  AdwBin              parent_instance;

  AwardsPagedModel   *model;
  GtkSingleSelection *selection;
  char               *search_placeholder;
  char               *list_label;

  AdwLeaflet         *leaflet;
  GtkBox             *sidebar;
  GtkSearchEntry     *search_entry;
  GtkStack           *list_stack;
  GtkListView        *list_view;
  AdwStatusPage      *empty_page;
  GtkWidget          *start_box;          /* New Decision and Import, on a new database */
  GtkWidget          *content_rule;       /* between the list and the record's page */
  AdwBin             *content_bin;

  gint64              selected_id;        /* the record chosen last, kept across reloads */
  guint               selected_position;

  GtkWidget          *filter_bar;         /* (nullable): controls between search and list */
  gboolean            filtered;           /* the filter bar narrows the list */
};

G_DEFINE_FINAL_TYPE (AwardsBrowseView, awards_browse_view, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_MODEL,
  PROP_FACTORY,
  PROP_CONTENT,
  PROP_SEARCH_PLACEHOLDER,
  PROP_LIST_LABEL,
  PROP_SELECTED_ITEM,
  PROP_SHOWING_CONTENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A record's page says "choose one in the list"; with nothing recorded yet it would contradict
 * the list, which says how to begin. Until there is something to choose, the list takes the
 * whole width, and the record's page and the rule beside it are left out. */
static void
show_content_page (AwardsBrowseView *self,
                   gboolean          shown)
{
  gtk_widget_set_visible (GTK_WIDGET (self->content_bin), shown);
  gtk_widget_set_visible (self->content_rule, shown);
  gtk_widget_set_hexpand (GTK_WIDGET (self->sidebar), !shown);
  gtk_widget_set_visible (self->start_box, !shown);
}

static void
update_empty_state (AwardsBrowseView *self)
{
  guint n_items = self->model ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  /* While the list is still being read it is not known to be empty. */
  if (n_items > 0 || (self->model != NULL && awards_paged_model_get_loading (self->model)))
    {
      gtk_stack_set_visible_child_name (self->list_stack, "list");
      show_content_page (self, TRUE);
      return;
    }
  show_content_page (self, search[0] != '\0' || self->filtered || self->model == NULL);

  if (search[0] == '\0' && self->filtered)
    {
      adw_status_page_set_title (self->empty_page, _("No Results"));
      adw_status_page_set_description (self->empty_page,
                                       _("Nothing matches the chosen filters."));
    }
  else if (search[0] != '\0')
    {
      adw_status_page_set_title (self->empty_page, _("No Results"));
      adw_status_page_set_description (self->empty_page,
                                       _("Nothing matches. Accents and case do not matter: "
                                         "“bach dang” finds “Bạch Đằng”."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("Nothing Here Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("Enter a decision or import a list of awards."));
    }
  gtk_stack_set_visible_child_name (self->list_stack, "empty");
}

static void
model_items_changed_cb (GListModel       *model,
                        guint             position,
                        guint             removed,
                        guint             added,
                        AwardsBrowseView *self)
{
  update_empty_state (self);
}

static gint64
item_id (gpointer item)
{
  gint64 id = 0;

  if (item != NULL && g_object_class_find_property (G_OBJECT_GET_CLASS (item), "id") != NULL)
    g_object_get (item, "id", &id, NULL);
  return id;
}

/* A reload (this window's change, or another program's) replaces the rows; the record chosen
 * before is chosen again where it still is, looked for near where it was. */
static void
restore_selection_cb (GListModel       *model,
                      guint             position,
                      guint             removed,
                      guint             added,
                      AwardsBrowseView *self)
{
  guint n = g_list_model_get_n_items (model);
  guint from, to;

  if (self->selected_id == 0 || gtk_single_selection_get_selected_item (self->selection) != NULL)
    return;
  from = self->selected_position > 50 ? self->selected_position - 50 : 0;
  to = MIN (n, self->selected_position + 50);
  for (guint i = from; i < to; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (model, i);

      if (item_id (item) == self->selected_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
}

static void
selection_changed_cb (AwardsBrowseView *self)
{
  gpointer selected = gtk_single_selection_get_selected_item (self->selection);

  if (selected != NULL)
    {
      self->selected_id = item_id (selected);
      self->selected_position = gtk_single_selection_get_selected (self->selection);
    }

  /* On a narrow window the list fills it: choosing an item leads to its details. */
  if (gtk_single_selection_get_selected_item (self->selection) != NULL &&
      adw_leaflet_get_folded (self->leaflet))
    awards_browse_view_show_content (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ITEM]);
}

static void
search_changed_cb (AwardsBrowseView *self,
                   GtkSearchEntry   *entry)
{
  if (self->model != NULL)
    awards_paged_model_set_search (self->model, gtk_editable_get_text (GTK_EDITABLE (entry)));

  update_empty_state (self);
}

static void
search_activate_cb (AwardsBrowseView *self,
                    GtkSearchEntry   *entry)
{
  if (self->model == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 0)
    return;

  gtk_single_selection_set_selected (self->selection, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
  awards_browse_view_show_content (self);
}

static void
list_activate_cb (AwardsBrowseView *self,
                  guint             position,
                  GtkListView      *list_view)
{
  gtk_single_selection_set_selected (self->selection, position);
  awards_browse_view_show_content (self);
}

static void
leaflet_changed_cb (AwardsBrowseView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWING_CONTENT]);
}

static void
awards_browse_view_dispose (GObject *object)
{
  AwardsBrowseView *self = AWARDS_BROWSE_VIEW (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);

  g_clear_object (&self->selection);

  G_OBJECT_CLASS (awards_browse_view_parent_class)->dispose (object);
}

static void
awards_browse_view_finalize (GObject *object)
{
  AwardsBrowseView *self = AWARDS_BROWSE_VIEW (object);

  g_free (self->search_placeholder);
  g_free (self->list_label);

  G_OBJECT_CLASS (awards_browse_view_parent_class)->finalize (object);
}

static void
awards_browse_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AwardsBrowseView *self = AWARDS_BROWSE_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    case PROP_FACTORY:
      g_value_set_object (value, awards_browse_view_get_factory (self));
      break;

    case PROP_CONTENT:
      g_value_set_object (value, awards_browse_view_get_content (self));
      break;

    case PROP_SEARCH_PLACEHOLDER:
      g_value_set_string (value, self->search_placeholder);
      break;

    case PROP_LIST_LABEL:
      g_value_set_string (value, self->list_label);
      break;

    case PROP_SELECTED_ITEM:
      g_value_set_object (value, awards_browse_view_get_selected_item (self));
      break;

    case PROP_SHOWING_CONTENT:
      g_value_set_boolean (value, awards_browse_view_get_showing_content (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awards_browse_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AwardsBrowseView *self = AWARDS_BROWSE_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      awards_browse_view_set_model (self, g_value_get_object (value));
      break;

    case PROP_FACTORY:
      awards_browse_view_set_factory (self, g_value_get_object (value));
      break;

    case PROP_CONTENT:
      awards_browse_view_set_content (self, g_value_get_object (value));
      break;

    case PROP_SEARCH_PLACEHOLDER:
      awards_browse_view_set_search_placeholder (self, g_value_get_string (value));
      break;

    case PROP_LIST_LABEL:
      awards_browse_view_set_list_label (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awards_browse_view_class_init (AwardsBrowseViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = awards_browse_view_dispose;
  object_class->finalize = awards_browse_view_finalize;
  object_class->get_property = awards_browse_view_get_property;
  object_class->set_property = awards_browse_view_set_property;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL,
                         AWARDS_TYPE_PAGED_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_FACTORY] =
    g_param_spec_object ("factory", NULL, NULL,
                         GTK_TYPE_LIST_ITEM_FACTORY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CONTENT] =
    g_param_spec_object ("content", NULL, NULL,
                         GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SEARCH_PLACEHOLDER] =
    g_param_spec_string ("search-placeholder", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_LIST_LABEL] =
    g_param_spec_string ("list-label", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SELECTED_ITEM] =
    g_param_spec_object ("selected-item", NULL, NULL,
                         G_TYPE_OBJECT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SHOWING_CONTENT] =
    g_param_spec_boolean ("showing-content", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/coopawards/CoopAwards/ui/"
                                               "awards-browse-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AwardsBrowseView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AwardsBrowseView, sidebar);
  gtk_widget_class_bind_template_child (widget_class, AwardsBrowseView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AwardsBrowseView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, AwardsBrowseView, list_view);
  gtk_widget_class_bind_template_child (widget_class, AwardsBrowseView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, AwardsBrowseView, content_bin);
  gtk_widget_class_bind_template_child (widget_class, AwardsBrowseView, start_box);
  gtk_widget_class_bind_template_child (widget_class, AwardsBrowseView, content_rule);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_changed_cb);
}

static void
awards_browse_view_init (AwardsBrowseView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (selection_changed_cb), self);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->list_view));
  update_empty_state (self);
}

AwardsPagedModel *
awards_browse_view_get_model (AwardsBrowseView *self)
{
  g_return_val_if_fail (AWARDS_IS_BROWSE_VIEW (self), NULL);

  return self->model;
}

/**
 * awards_browse_view_set_model:
 * @self: a #AwardsBrowseView
 * @model: (nullable): the items to list; the search entry sets its search
 */
void
awards_browse_view_set_model (AwardsBrowseView *self,
                              AwardsPagedModel *model)
{
  g_return_if_fail (AWARDS_IS_BROWSE_VIEW (self));
  g_return_if_fail (model == NULL || AWARDS_IS_PAGED_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);

  g_set_object (&self->model, model);

  if (model != NULL)
    {
      awards_paged_model_set_search (model,
                                     gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
      g_signal_connect_object (model, "items-changed", G_CALLBACK (model_items_changed_cb),
                               self, G_CONNECT_DEFAULT);
      /* After the selection model has dropped a replaced row. */
      g_signal_connect_object (model, "items-changed", G_CALLBACK (restore_selection_cb),
                               self, G_CONNECT_AFTER);
      g_signal_connect_object (model, "notify::loading", G_CALLBACK (update_empty_state),
                               self, G_CONNECT_SWAPPED);
    }

  self->selected_id = 0;
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (model));
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  update_empty_state (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

GtkListItemFactory *
awards_browse_view_get_factory (AwardsBrowseView *self)
{
  g_return_val_if_fail (AWARDS_IS_BROWSE_VIEW (self), NULL);

  return gtk_list_view_get_factory (self->list_view);
}

void
awards_browse_view_set_factory (AwardsBrowseView   *self,
                                GtkListItemFactory *factory)
{
  g_return_if_fail (AWARDS_IS_BROWSE_VIEW (self));

  if (gtk_list_view_get_factory (self->list_view) == factory)
    return;

  gtk_list_view_set_factory (self->list_view, factory);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FACTORY]);
}

GtkWidget *
awards_browse_view_get_content (AwardsBrowseView *self)
{
  g_return_val_if_fail (AWARDS_IS_BROWSE_VIEW (self), NULL);

  return adw_bin_get_child (self->content_bin);
}

void
awards_browse_view_set_content (AwardsBrowseView *self,
                                GtkWidget        *content)
{
  g_return_if_fail (AWARDS_IS_BROWSE_VIEW (self));

  if (adw_bin_get_child (self->content_bin) == content)
    return;

  adw_bin_set_child (self->content_bin, content);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT]);
}

const char *
awards_browse_view_get_search_placeholder (AwardsBrowseView *self)
{
  g_return_val_if_fail (AWARDS_IS_BROWSE_VIEW (self), NULL);

  return self->search_placeholder;
}

/**
 * awards_browse_view_set_search_placeholder:
 * @self: a #AwardsBrowseView
 * @placeholder: (nullable): the hint in the empty search entry, also its accessible name
 */
void
awards_browse_view_set_search_placeholder (AwardsBrowseView *self,
                                           const char       *placeholder)
{
  g_return_if_fail (AWARDS_IS_BROWSE_VIEW (self));

  if (g_strcmp0 (self->search_placeholder, placeholder) == 0)
    return;

  g_free (self->search_placeholder);
  self->search_placeholder = g_strdup (placeholder);
  g_object_set (self->search_entry, "placeholder-text", placeholder, NULL);
  awards_gui_set_accessible_label (GTK_WIDGET (self->search_entry), placeholder);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_PLACEHOLDER]);
}

const char *
awards_browse_view_get_list_label (AwardsBrowseView *self)
{
  g_return_val_if_fail (AWARDS_IS_BROWSE_VIEW (self), NULL);

  return self->list_label;
}

/**
 * awards_browse_view_set_list_label:
 * @self: a #AwardsBrowseView
 * @label: (nullable): the accessible name of the list
 */
void
awards_browse_view_set_list_label (AwardsBrowseView *self,
                                   const char       *label)
{
  g_return_if_fail (AWARDS_IS_BROWSE_VIEW (self));

  if (g_strcmp0 (self->list_label, label) == 0)
    return;

  g_free (self->list_label);
  self->list_label = g_strdup (label);
  awards_gui_set_accessible_label (GTK_WIDGET (self->list_view), label);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIST_LABEL]);
}

/**
 * awards_browse_view_get_selected_item:
 * @self: a #AwardsBrowseView
 *
 * Returns: (transfer none) (nullable): the item selected in the list
 */
gpointer
awards_browse_view_get_selected_item (AwardsBrowseView *self)
{
  g_return_val_if_fail (AWARDS_IS_BROWSE_VIEW (self), NULL);

  return gtk_single_selection_get_selected_item (self->selection);
}

/**
 * awards_browse_view_get_showing_content:
 * @self: a #AwardsBrowseView
 *
 * Returns: %TRUE when the view is folded and shows the details, so that a Back button is needed
 */
gboolean
awards_browse_view_get_showing_content (AwardsBrowseView *self)
{
  g_return_val_if_fail (AWARDS_IS_BROWSE_VIEW (self), FALSE);

  return adw_leaflet_get_folded (self->leaflet) &&
         adw_leaflet_get_visible_child (self->leaflet) == GTK_WIDGET (self->content_bin);
}

/**
 * awards_browse_view_get_search_entry:
 * @self: a #AwardsBrowseView
 *
 * Returns: (transfer none): the search entry
 */
GtkEditable *
awards_browse_view_get_search_entry (AwardsBrowseView *self)
{
  g_return_val_if_fail (AWARDS_IS_BROWSE_VIEW (self), NULL);

  return GTK_EDITABLE (self->search_entry);
}

void
awards_browse_view_focus_search (AwardsBrowseView *self)
{
  g_return_if_fail (AWARDS_IS_BROWSE_VIEW (self));

  awards_browse_view_show_sidebar (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

void
awards_browse_view_show_sidebar (AwardsBrowseView *self)
{
  g_return_if_fail (AWARDS_IS_BROWSE_VIEW (self));

  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->sidebar));
}

/**
 * awards_browse_view_set_filter_bar:
 * @self: a #AwardsBrowseView
 * @filter_bar: (nullable): controls that narrow the list, shown below the search entry
 */
void
awards_browse_view_set_filter_bar (AwardsBrowseView *self,
                                   GtkWidget        *filter_bar)
{
  g_return_if_fail (AWARDS_IS_BROWSE_VIEW (self));
  g_return_if_fail (filter_bar == NULL || GTK_IS_WIDGET (filter_bar));

  if (self->filter_bar == filter_bar)
    return;

  if (self->filter_bar != NULL)
    gtk_box_remove (self->sidebar, self->filter_bar);
  self->filter_bar = filter_bar;
  if (filter_bar != NULL)
    gtk_box_insert_child_after (self->sidebar, filter_bar, GTK_WIDGET (self->search_entry));
}

/**
 * awards_browse_view_get_filter_bar:
 * @self: a #AwardsBrowseView
 *
 * Returns: (transfer none) (nullable): the filter bar
 */
GtkWidget *
awards_browse_view_get_filter_bar (AwardsBrowseView *self)
{
  g_return_val_if_fail (AWARDS_IS_BROWSE_VIEW (self), NULL);

  return self->filter_bar;
}

/**
 * awards_browse_view_set_filtered:
 * @self: a #AwardsBrowseView
 * @filtered: whether the filter bar narrows the list, so that an empty list says so
 */
void
awards_browse_view_set_filtered (AwardsBrowseView *self,
                                 gboolean          filtered)
{
  g_return_if_fail (AWARDS_IS_BROWSE_VIEW (self));

  self->filtered = !!filtered;
  update_empty_state (self);
}

void
awards_browse_view_show_content (AwardsBrowseView *self)
{
  g_return_if_fail (AWARDS_IS_BROWSE_VIEW (self));

  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->content_bin));
}
