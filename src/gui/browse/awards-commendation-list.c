/* awards-commendation-list.c: a table of awards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "awards-commendation-list.h"
#include "awards-commendation.h"
#include "awards-gui-utils.h"
#include "awards-number-order.h"

/**
 * AwardsCommendationList:
 *
 * A table of #AwardsCommendation: award, authority, date, decision and achievement, optionally
 * the recipient and the organisation and position at the time. Each row has buttons to edit
 * and delete the award (the window's actions "win.edit-commendation" and
 * "win.delete-commendation"). Activating a row opens its decision, or edits the award when the
 * table is part of a decision already.
 */

typedef enum
{
  COLUMN_RECIPIENT,
  COLUMN_ORGANISATION,
  COLUMN_POSITION,
  COLUMN_AWARD,
  COLUMN_AUTHORITY,
  COLUMN_DATE,
  COLUMN_DECISION,
  COLUMN_ACHIEVEMENT,
  COLUMN_ACTIONS,
  N_COLUMNS
} Column;

/* Column widths follow their text, capped, so that the table fits the window and ellipsizes
 * rather than scrolling sideways. The values a clerk reads and compares (award, position,
 * decision number) get their width; the free text of the achievement gives it up first, and
 * takes its share of any room to spare, which it needs most. */
static const struct
{
  const char *title;
  gboolean    expand;
  int         min_chars;
  int         max_chars;
} column_info[N_COLUMNS] = {
  [COLUMN_RECIPIENT] = { N_("Recipient"), TRUE, 10, 24 },
  [COLUMN_ORGANISATION] = { N_("Organisation"), TRUE, 8, 22 },
  [COLUMN_POSITION] = { N_("Position"), FALSE, 9, 14 },
  [COLUMN_AWARD] = { N_("Award"), TRUE, 12, 26 },
  [COLUMN_AUTHORITY] = { N_("Authority"), TRUE, 8, 22 },
  [COLUMN_DATE] = { N_("Date"), FALSE, 10, 10 },
  [COLUMN_DECISION] = { N_("Decision"), FALSE, 13, 16 },
  [COLUMN_ACHIEVEMENT] = { N_("Achievement"), TRUE, 4, 16 },
  [COLUMN_ACTIONS] = { N_("Actions"), FALSE, 0, 0 },
};

struct _AwardsCommendationList
{
  AdwBin               parent_instance;

  GListModel          *model;
  GtkSortListModel    *sorted;          /* the model, as the column headers sort it */
  GtkSingleSelection  *selection;
  GtkColumnViewColumn *columns[N_COLUMNS];
  gboolean             show_recipient;
  gboolean             show_organisation;
  gboolean             show_decision;
  char                *empty_text;

  GtkStack            *stack;
  GtkColumnView       *column_view;
  GtkLabel            *empty_label;
};

G_DEFINE_FINAL_TYPE (AwardsCommendationList, awards_commendation_list, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_MODEL,
  PROP_SHOW_RECIPIENT,
  PROP_SHOW_ORGANISATION,
  PROP_SHOW_DECISION,
  PROP_EMPTY_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_columns (AwardsCommendationList *self)
{
  gtk_column_view_column_set_visible (self->columns[COLUMN_RECIPIENT], self->show_recipient);
  gtk_column_view_column_set_visible (self->columns[COLUMN_ORGANISATION],
                                      self->show_organisation);
  /* A collective has no position; anybody listed with a recipient or organisation may. */
  gtk_column_view_column_set_visible (self->columns[COLUMN_POSITION],
                                      self->show_organisation || self->show_recipient);
  gtk_column_view_column_set_visible (self->columns[COLUMN_AUTHORITY], self->show_decision);
  gtk_column_view_column_set_visible (self->columns[COLUMN_DATE], self->show_decision);
  gtk_column_view_column_set_visible (self->columns[COLUMN_DECISION], self->show_decision);
}

static void
update_empty_state (AwardsCommendationList *self)
{
  gboolean empty = self->model == NULL || g_list_model_get_n_items (self->model) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

static void
model_items_changed_cb (GListModel             *model,
                        guint                   position,
                        guint                   removed,
                        guint                   added,
                        AwardsCommendationList *self)
{
  update_empty_state (self);
}

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_width_chars (GTK_LABEL (label), column_info[column].min_chars);
  gtk_label_set_max_width_chars (GTK_LABEL (label), column_info[column].max_chars);
  if (column != COLUMN_DATE)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static char *
column_text (Column              column,
             AwardsCommendation *commendation)
{
  switch (column)
    {
    case COLUMN_RECIPIENT:
      return g_strdup (awards_commendation_get_recipient_name (commendation));

    case COLUMN_ORGANISATION:
      return g_strdup (awards_commendation_get_organisation_at_time_name (commendation));

    case COLUMN_POSITION:
      return g_strdup (awards_commendation_get_position (commendation));

    case COLUMN_AWARD:
      if (awards_commendation_get_revoked (commendation))
        /* Translators: an award that was taken back; %s is its name. */
        return g_strdup_printf (_("%s (revoked)"),
                                awards_commendation_get_award_name (commendation));
      return g_strdup (awards_commendation_get_award_name (commendation));

    case COLUMN_AUTHORITY:
      return g_strdup (awards_commendation_get_authority_name (commendation));

    case COLUMN_DATE:
      return awards_gui_format_date (awards_commendation_get_date (commendation));

    case COLUMN_DECISION:
      return g_strdup (awards_commendation_get_decision_number (commendation));

    case COLUMN_ACHIEVEMENT:
      return g_strdup (awards_commendation_get_achievement (commendation));

    case COLUMN_ACTIONS:
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  AwardsCommendation *commendation = gtk_list_item_get_item (list_item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (list_item));
  g_autofree char *text = column_text (column, commendation);

  gtk_label_set_label (label, text ? text : "");
  /* Any cell may be cut short; its tooltip shows it whole. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), text != NULL && text[0] != '\0' ? text : NULL);
}

static GtkWidget *
action_button_new (const char *icon_name,
                   const char *action_name,
                   const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  /* The target comes with each row; a placeholder keeps the action's type right till then. */
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (0));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  awards_gui_set_accessible_label (button, label);

  return button;
}

static void
setup_actions_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_box_append (GTK_BOX (box), action_button_new ("document-edit-symbolic",
                                                    "win.edit-commendation",
                                                    _("Edit Award")));
  gtk_box_append (GTK_BOX (box), action_button_new ("user-trash-symbolic",
                                                    "win.delete-commendation",
                                                    _("Delete Award")));
  gtk_list_item_set_child (list_item, box);
}

static void
bind_actions_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  AwardsCommendation *commendation = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  gint64 id = awards_commendation_get_id (commendation);
  const char *recipient = awards_commendation_get_recipient_name (commendation);
  /* Every row has the same two buttons: their names say whose award they act on. */
  g_autofree char *edit = g_strdup_printf (_("Edit Award of %s"), recipient ? recipient : "");
  g_autofree char *delete = g_strdup_printf (_("Delete Award of %s"), recipient ? recipient : "");

  for (GtkWidget *button = gtk_widget_get_first_child (box);
       button != NULL;
       button = gtk_widget_get_next_sibling (button))
    {
      const char *label = button == gtk_widget_get_first_child (box) ? edit : delete;

      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (id));
      gtk_widget_set_tooltip_text (button, label);
      awards_gui_set_accessible_label (button, label);
    }
}

static void
activate_cb (AwardsCommendationList *self,
             guint                   position)
{
  g_autoptr (AwardsCommendation) commendation = NULL;

  if (self->model == NULL)
    return;

  commendation = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);
  if (commendation == NULL)
    return;

  if (self->show_decision)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-decision", "x",
                                awards_commendation_get_decision_id (commendation));
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-commendation", "x",
                                awards_commendation_get_id (commendation));
}

static char *
sort_key_cb (AwardsCommendation *commendation,
             gpointer            user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);

  /* Dates sort as stored, not as shown. */
  if (column == COLUMN_DATE)
    return g_strdup (awards_commendation_get_date (commendation));

  return column_text (column, commendation);
}

static int
decision_order_cb (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  int order = awards_number_order_compare (
    awards_commendation_get_decision_number ((AwardsCommendation *) a),
    awards_commendation_get_decision_number ((AwardsCommendation *) b));

  return order < 0 ? GTK_ORDERING_SMALLER : order > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

/* Each header sorts by its column; the view combines them into its own sorter. */
static GtkSorter *
column_sorter_new (Column column)
{
  GtkExpression *expression;
  GtkStringSorter *sorter;

  if (column == COLUMN_DECISION)
    return GTK_SORTER (gtk_custom_sorter_new (decision_order_cb, NULL, NULL));

  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (sort_key_cb),
                                            GUINT_TO_POINTER (column), NULL);
  sorter = gtk_string_sorter_new (expression);
  gtk_string_sorter_set_ignore_case (sorter, TRUE);

  return GTK_SORTER (sorter);
}

static void
create_columns (AwardsCommendationList *self)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      if (i == COLUMN_ACTIONS)
        {
          g_signal_connect (factory, "setup", G_CALLBACK (setup_actions_cb), NULL);
          g_signal_connect (factory, "bind", G_CALLBACK (bind_actions_cb), NULL);
        }
      else
        {
          g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), GUINT_TO_POINTER (i));
          g_signal_connect (factory, "bind", G_CALLBACK (bind_label_cb), GUINT_TO_POINTER (i));
        }

      column = gtk_column_view_column_new (_(column_info[i].title), g_steal_pointer (&factory));
      if (i != COLUMN_ACTIONS)
        {
          g_autoptr (GtkSorter) sorter = column_sorter_new (i);

          gtk_column_view_column_set_sorter (column, sorter);
        }
      gtk_column_view_column_set_expand (column, column_info[i].expand);
      gtk_column_view_column_set_resizable (column, i != COLUMN_ACTIONS);
      gtk_column_view_append_column (self->column_view, column);
      self->columns[i] = column;
      g_object_unref (column);
    }
}

static void
awards_commendation_list_dispose (GObject *object)
{
  AwardsCommendationList *self = AWARDS_COMMENDATION_LIST (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);

  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);

  G_OBJECT_CLASS (awards_commendation_list_parent_class)->dispose (object);
}

static void
awards_commendation_list_finalize (GObject *object)
{
  AwardsCommendationList *self = AWARDS_COMMENDATION_LIST (object);

  g_free (self->empty_text);

  G_OBJECT_CLASS (awards_commendation_list_parent_class)->finalize (object);
}

static void
awards_commendation_list_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  AwardsCommendationList *self = AWARDS_COMMENDATION_LIST (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    case PROP_SHOW_RECIPIENT:
      g_value_set_boolean (value, self->show_recipient);
      break;

    case PROP_SHOW_ORGANISATION:
      g_value_set_boolean (value, self->show_organisation);
      break;

    case PROP_SHOW_DECISION:
      g_value_set_boolean (value, self->show_decision);
      break;

    case PROP_EMPTY_TEXT:
      g_value_set_string (value, self->empty_text);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awards_commendation_list_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  AwardsCommendationList *self = AWARDS_COMMENDATION_LIST (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      awards_commendation_list_set_model (self, g_value_get_object (value));
      break;

    case PROP_SHOW_RECIPIENT:
      awards_commendation_list_set_show_recipient (self, g_value_get_boolean (value));
      break;

    case PROP_SHOW_ORGANISATION:
      awards_commendation_list_set_show_organisation (self, g_value_get_boolean (value));
      break;

    case PROP_SHOW_DECISION:
      awards_commendation_list_set_show_decision (self, g_value_get_boolean (value));
      break;

    case PROP_EMPTY_TEXT:
      awards_commendation_list_set_empty_text (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awards_commendation_list_class_init (AwardsCommendationListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = awards_commendation_list_dispose;
  object_class->finalize = awards_commendation_list_finalize;
  object_class->get_property = awards_commendation_list_get_property;
  object_class->set_property = awards_commendation_list_set_property;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  properties[PROP_SHOW_RECIPIENT] =
    g_param_spec_boolean ("show-recipient", NULL, NULL, FALSE, flags);
  properties[PROP_SHOW_ORGANISATION] =
    g_param_spec_boolean ("show-organisation", NULL, NULL, FALSE, flags);
  properties[PROP_SHOW_DECISION] =
    g_param_spec_boolean ("show-decision", NULL, NULL, TRUE, flags);
  properties[PROP_EMPTY_TEXT] =
    g_param_spec_string ("empty-text", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/coopawards/CoopAwards/ui/"
                                               "awards-commendation-list.ui");
  gtk_widget_class_bind_template_child (widget_class, AwardsCommendationList, stack);
  gtk_widget_class_bind_template_child (widget_class, AwardsCommendationList, column_view);
  gtk_widget_class_bind_template_child (widget_class, AwardsCommendationList, empty_label);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
}

/* Delete and F2 act on the selected row, as its Delete and Edit buttons do. */
static gboolean
row_key_cb (GtkWidget *widget,
            GVariant  *args,
            gpointer   user_data)
{
  AwardsCommendationList *self = user_data;
  AwardsCommendation *commendation = gtk_single_selection_get_selected_item (self->selection);
  const char *action = g_variant_get_string (args, NULL);

  if (commendation == NULL)
    return FALSE;

  gtk_widget_activate_action (GTK_WIDGET (self), action, "x",
                              awards_commendation_get_id (commendation));
  return TRUE;
}

static void
add_row_keys (AwardsCommendationList *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  const struct
  {
    guint       key;
    const char *action;
  } keys[] = {
    { GDK_KEY_Delete, "win.delete-commendation" },
    { GDK_KEY_KP_Delete, "win.delete-commendation" },
    { GDK_KEY_F2, "win.edit-commendation" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].key, 0),
                                                gtk_callback_action_new (row_key_cb, self,
                                                                         NULL));

      gtk_shortcut_set_arguments (shortcut, g_variant_new_string (keys[i].action));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), controller);
}

static void
awards_commendation_list_init (AwardsCommendationList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->show_decision = TRUE;
  self->sorted = gtk_sort_list_model_new (NULL, NULL);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  awards_gui_set_accessible_label_inside (GTK_WIDGET (self->column_view), _("Awards"));

  create_columns (self);
  gtk_sort_list_model_set_sorter (self->sorted, gtk_column_view_get_sorter (self->column_view));
  add_row_keys (self);
  update_columns (self);
  awards_commendation_list_set_empty_text (self, _("No awards."));
  update_empty_state (self);
}

GListModel *
awards_commendation_list_get_model (AwardsCommendationList *self)
{
  g_return_val_if_fail (AWARDS_IS_COMMENDATION_LIST (self), NULL);

  return self->model;
}

/**
 * awards_commendation_list_set_model:
 * @self: a #AwardsCommendationList
 * @model: (nullable): a #GListModel of #AwardsCommendation
 */
void
awards_commendation_list_set_model (AwardsCommendationList *self,
                                    GListModel             *model)
{
  g_return_if_fail (AWARDS_IS_COMMENDATION_LIST (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);

  g_set_object (&self->model, model);
  if (model != NULL)
    g_signal_connect_object (model, "items-changed", G_CALLBACK (model_items_changed_cb),
                             self, G_CONNECT_DEFAULT);

  gtk_sort_list_model_set_model (self->sorted, model);
  update_empty_state (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

gboolean
awards_commendation_list_get_show_recipient (AwardsCommendationList *self)
{
  g_return_val_if_fail (AWARDS_IS_COMMENDATION_LIST (self), FALSE);

  return self->show_recipient;
}

void
awards_commendation_list_set_show_recipient (AwardsCommendationList *self,
                                             gboolean                show)
{
  g_return_if_fail (AWARDS_IS_COMMENDATION_LIST (self));

  show = !!show;
  if (self->show_recipient == show)
    return;

  self->show_recipient = show;
  update_columns (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_RECIPIENT]);
}

gboolean
awards_commendation_list_get_show_organisation (AwardsCommendationList *self)
{
  g_return_val_if_fail (AWARDS_IS_COMMENDATION_LIST (self), FALSE);

  return self->show_organisation;
}

void
awards_commendation_list_set_show_organisation (AwardsCommendationList *self,
                                                gboolean                show)
{
  g_return_if_fail (AWARDS_IS_COMMENDATION_LIST (self));

  show = !!show;
  if (self->show_organisation == show)
    return;

  self->show_organisation = show;
  update_columns (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_ORGANISATION]);
}

gboolean
awards_commendation_list_get_show_decision (AwardsCommendationList *self)
{
  g_return_val_if_fail (AWARDS_IS_COMMENDATION_LIST (self), FALSE);

  return self->show_decision;
}

void
awards_commendation_list_set_show_decision (AwardsCommendationList *self,
                                            gboolean                show)
{
  g_return_if_fail (AWARDS_IS_COMMENDATION_LIST (self));

  show = !!show;
  if (self->show_decision == show)
    return;

  self->show_decision = show;
  update_columns (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_DECISION]);
}

const char *
awards_commendation_list_get_empty_text (AwardsCommendationList *self)
{
  g_return_val_if_fail (AWARDS_IS_COMMENDATION_LIST (self), NULL);

  return self->empty_text;
}

void
awards_commendation_list_set_empty_text (AwardsCommendationList *self,
                                         const char             *text)
{
  g_return_if_fail (AWARDS_IS_COMMENDATION_LIST (self));

  if (g_strcmp0 (self->empty_text, text) == 0)
    return;

  g_free (self->empty_text);
  self->empty_text = g_strdup (text);
  gtk_label_set_label (self->empty_label, text ? text : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPTY_TEXT]);
}

/**
 * awards_commendation_list_get_column_view:
 * @self: a #AwardsCommendationList
 *
 * Returns: (transfer none): the table, for tests
 */
GtkColumnView *
awards_commendation_list_get_column_view (AwardsCommendationList *self)
{
  g_return_val_if_fail (AWARDS_IS_COMMENDATION_LIST (self), NULL);

  return self->column_view;
}
