/* awards-decision-filter-bar.c: the year and authority drop-downs above the Decisions list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "awards-decision-filter-bar.h"
#include "awards-decision-list-model.h"
#include "awards-gui-utils.h"
#include "awards-store-async.h"
#include "awards-store-watch.h"

/**
 * AwardsDecisionFilterBar:
 *
 * Two drop-downs that narrow the Decisions list: the years that have decisions, and the
 * authorities of the catalogue, each led by an "All" choice. The choices are read from the
 * store again when it changes, on the store's threads (on a server every clerk's commit changes
 * it), keeping what was chosen while it still exists. It emits
 * #AwardsDecisionFilterBar::changed when the user picks another year or authority.
 */

struct _AwardsDecisionFilterBar
{
  GtkWidget    parent_instance;

  AwardsStore *store;
  GtkDropDown *year_drop_down;
  GtkDropDown *authority_drop_down;
  GArray      *years;            /* guint, in the drop-down's order after "All years" */
  GArray      *authority_ids;    /* gint64, likewise after "All authorities" */
  gboolean     filling;          /* the choices are being replaced, not picked */
  GCancellable *reading;         /* the choices being read on the store's threads */
};

G_DEFINE_FINAL_TYPE (AwardsDecisionFilterBar, awards_decision_filter_bar, GTK_TYPE_WIDGET)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
selected_changed_cb (AwardsDecisionFilterBar *self)
{
  if (!self->filling)
    g_signal_emit (self, signals[CHANGED], 0);
}

/* Replaces the choices of @drop_down with @labels, choosing @position afterwards. */
static void
fill_drop_down (AwardsDecisionFilterBar *self,
                GtkDropDown             *drop_down,
                GtkStringList           *labels,
                guint                    position)
{
  self->filling = TRUE;
  gtk_drop_down_set_model (drop_down, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (drop_down, position);
  self->filling = FALSE;
}

typedef struct
{
  GArray    *years;
  GPtrArray *authorities;
} Choices;

static void
choices_free (gpointer data)
{
  Choices *choices = data;

  g_clear_pointer (&choices->years, g_array_unref);
  g_clear_pointer (&choices->authorities, g_ptr_array_unref);
  g_free (choices);
}

static void
read_choices (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Choices *choices = g_new0 (Choices, 1);

  /* A failed read leaves only "All": the list itself shows the error. */
  choices->years = awards_store_list_decision_years (task_data, NULL);
  choices->authorities = awards_store_list_authorities (task_data, NULL);
  g_task_return_pointer (task, choices, choices_free);
}

/* Shows @choices (which it takes), keeping the chosen year and authority while they are among
 * them. */
static void
show_choices (AwardsDecisionFilterBar *self,
              Choices                 *choices)
{
  g_autoptr (GtkStringList) year_labels = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) authority_labels = gtk_string_list_new (NULL);
  AwardsDecisionFilter before;
  AwardsDecisionFilter after;
  guint year_position = 0;
  guint authority_position = 0;

  awards_decision_filter_bar_get_filter (self, &before);
  g_array_set_size (self->years, 0);
  g_array_set_size (self->authority_ids, 0);

  gtk_string_list_append (year_labels, _("All years"));
  for (guint i = 0; choices->years != NULL && i < choices->years->len; i++)
    {
      guint year = g_array_index (choices->years, guint, i);
      g_autofree char *label = g_strdup_printf ("%u", year);

      g_array_append_val (self->years, year);
      gtk_string_list_append (year_labels, label);
      if (year == before.year)
        year_position = i + 1;
    }

  gtk_string_list_append (authority_labels, _("All authorities"));
  for (guint i = 0; choices->authorities != NULL && i < choices->authorities->len; i++)
    {
      AwardsAuthority *authority = g_ptr_array_index (choices->authorities, i);
      gint64 id = awards_authority_get_id (authority);

      g_array_append_val (self->authority_ids, id);
      gtk_string_list_append (authority_labels, awards_authority_get_name (authority));
      if (id == before.authority_id)
        authority_position = i + 1;
    }
  choices_free (choices);

  fill_drop_down (self, self->year_drop_down, year_labels, year_position);
  fill_drop_down (self, self->authority_drop_down, authority_labels, authority_position);

  awards_decision_filter_bar_get_filter (self, &after);
  if (after.year != before.year || after.authority_id != before.authority_id)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
choices_read_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  AwardsDecisionFilterBar *self = AWARDS_DECISION_FILTER_BAR (source);
  Choices *choices = g_task_propagate_pointer (G_TASK (result), NULL);

  /* Another read was asked for since, or the bar is gone. */
  if (choices == NULL)
    return;
  g_clear_object (&self->reading);
  show_choices (self, choices);
}

/**
 * awards_decision_filter_bar_refresh:
 * @self: a #AwardsDecisionFilterBar
 *
 * Reads the years and authorities from the store again, on the store's threads. A year or
 * authority that is no longer there falls back to "All", and then
 * #AwardsDecisionFilterBar::changed is emitted.
 */
void
awards_decision_filter_bar_refresh (AwardsDecisionFilterBar *self)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (AWARDS_IS_DECISION_FILTER_BAR (self));

  if (self->reading != NULL)
    g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
  if (self->store == NULL)
    {
      show_choices (self, g_new0 (Choices, 1));
      return;
    }

  self->reading = g_cancellable_new ();
  task = g_task_new (self, self->reading, choices_read_cb, NULL);
  /* A read that was overtaken returns nothing: only the newest choices are shown. */
  g_task_set_return_on_cancel (task, FALSE);
  g_task_set_check_cancellable (task, TRUE);
  g_task_set_task_data (task, g_object_ref (self->store), g_object_unref);
  awards_store_run_task (self->store, AWARDS_WORK_READ, task, read_choices);
}

static void
store_changed_cb (AwardsDecisionFilterBar *self)
{
  /* A lost server would answer nothing, and every choice would fall back to "All". */
  if (awards_store_watch_lost_connection (self->store))
    return;
  awards_decision_filter_bar_refresh (self);
}

/**
 * awards_decision_filter_bar_set_store:
 * @self: a #AwardsDecisionFilterBar
 * @store: (nullable): the store whose years and authorities are offered
 *
 * A new store starts with "All" chosen in both; the same database connected again keeps what
 * was chosen.
 */
void
awards_decision_filter_bar_set_store (AwardsDecisionFilterBar *self,
                                      AwardsStore             *store)
{
  gboolean again;

  g_return_if_fail (AWARDS_IS_DECISION_FILTER_BAR (self));
  g_return_if_fail (store == NULL || AWARDS_IS_STORE (store));

  if (self->store == store)
    return;

  /* The same database connected again keeps what was chosen. */
  again = self->store != NULL && store != NULL &&
          g_strcmp0 (awards_store_get_path (self->store), awards_store_get_path (store)) == 0;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self,
                             G_CONNECT_SWAPPED);

  if (!again)
    {
      self->filling = TRUE;
      gtk_drop_down_set_selected (self->year_drop_down, 0);
      gtk_drop_down_set_selected (self->authority_drop_down, 0);
      self->filling = FALSE;
    }
  awards_decision_filter_bar_refresh (self);
}

/**
 * awards_decision_filter_bar_get_filter:
 * @self: a #AwardsDecisionFilterBar
 * @filter: (out): the chosen year and authority, 0 for "All"
 */
void
awards_decision_filter_bar_get_filter (AwardsDecisionFilterBar *self,
                                       AwardsDecisionFilter    *filter)
{
  guint year_position;
  guint authority_position;

  g_return_if_fail (AWARDS_IS_DECISION_FILTER_BAR (self));
  g_return_if_fail (filter != NULL);

  year_position = gtk_drop_down_get_selected (self->year_drop_down);
  authority_position = gtk_drop_down_get_selected (self->authority_drop_down);

  filter->year = year_position >= 1 && year_position <= self->years->len
                 ? g_array_index (self->years, guint, year_position - 1) : 0;
  filter->authority_id = authority_position >= 1 && authority_position <= self->authority_ids->len
                         ? g_array_index (self->authority_ids, gint64, authority_position - 1)
                         : 0;
}

GtkDropDown *
awards_decision_filter_bar_get_year_drop_down (AwardsDecisionFilterBar *self)
{
  g_return_val_if_fail (AWARDS_IS_DECISION_FILTER_BAR (self), NULL);

  return self->year_drop_down;
}

GtkDropDown *
awards_decision_filter_bar_get_authority_drop_down (AwardsDecisionFilterBar *self)
{
  g_return_val_if_fail (AWARDS_IS_DECISION_FILTER_BAR (self), NULL);

  return self->authority_drop_down;
}

/* Gives the view's model the chosen year and authority. */
static void
apply_to_view (AwardsDecisionFilterBar *self,
               AwardsBrowseView        *view)
{
  AwardsPagedModel *model = awards_browse_view_get_model (view);
  AwardsDecisionFilter filter;

  awards_decision_filter_bar_get_filter (self, &filter);
  if (model != NULL)
    awards_decision_list_model_set_filter (model, &filter);
  awards_browse_view_set_filtered (view, filter.year != 0 || filter.authority_id != 0);
}

static void
view_model_changed_cb (AwardsBrowseView *view,
                       GParamSpec       *pspec,
                       gpointer          user_data)
{
  apply_to_view (AWARDS_DECISION_FILTER_BAR (user_data), view);
}

static void
filter_changed_cb (AwardsDecisionFilterBar *self,
                   gpointer                 user_data)
{
  apply_to_view (self, AWARDS_BROWSE_VIEW (user_data));
}

/**
 * awards_decision_filter_bar_attach:
 * @self: a #AwardsDecisionFilterBar
 * @view: the Decisions section, whose models come from awards_decision_list_model_new()
 *
 * Puts the bar above the view's list, and keeps the view's model, the current one and every
 * later one, filtered by what the bar has chosen.
 */
void
awards_decision_filter_bar_attach (AwardsDecisionFilterBar *self,
                                   AwardsBrowseView        *view)
{
  g_return_if_fail (AWARDS_IS_DECISION_FILTER_BAR (self));
  g_return_if_fail (AWARDS_IS_BROWSE_VIEW (view));

  awards_browse_view_set_filter_bar (view, GTK_WIDGET (self));
  g_signal_connect_object (self, "changed", G_CALLBACK (filter_changed_cb), view,
                           G_CONNECT_DEFAULT);
  g_signal_connect_object (view, "notify::model", G_CALLBACK (view_model_changed_cb), self,
                           G_CONNECT_DEFAULT);
  apply_to_view (self, view);
}

static void
awards_decision_filter_bar_dispose (GObject *object)
{
  AwardsDecisionFilterBar *self = AWARDS_DECISION_FILTER_BAR (object);
  GtkWidget *child;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  if (self->reading != NULL)
    g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (awards_decision_filter_bar_parent_class)->dispose (object);
}

static void
awards_decision_filter_bar_finalize (GObject *object)
{
  AwardsDecisionFilterBar *self = AWARDS_DECISION_FILTER_BAR (object);

  g_array_unref (self->years);
  g_array_unref (self->authority_ids);

  G_OBJECT_CLASS (awards_decision_filter_bar_parent_class)->finalize (object);
}

static void
awards_decision_filter_bar_class_init (AwardsDecisionFilterBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = awards_decision_filter_bar_dispose;
  object_class->finalize = awards_decision_filter_bar_finalize;

  /**
   * AwardsDecisionFilterBar::changed:
   *
   * The chosen year or authority changed.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "awards-decision-filter-bar");
}

static GtkDropDown *
add_drop_down (AwardsDecisionFilterBar *self,
               const char              *accessible_name,
               const char              *first_choice)
{
  const char *const choices[] = { first_choice, NULL };
  GtkDropDown *drop_down = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (choices));

  gtk_widget_set_hexpand (GTK_WIDGET (drop_down), TRUE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (drop_down), accessible_name);
  awards_gui_set_accessible_label_inside (GTK_WIDGET (drop_down), accessible_name);
  g_signal_connect_swapped (drop_down, "notify::selected", G_CALLBACK (selected_changed_cb), self);
  gtk_widget_set_parent (GTK_WIDGET (drop_down), GTK_WIDGET (self));
  return drop_down;
}

static void
awards_decision_filter_bar_init (AwardsDecisionFilterBar *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);
  gtk_widget_set_margin_start (GTK_WIDGET (self), 8);
  gtk_widget_set_margin_end (GTK_WIDGET (self), 8);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self), 8);

  self->years = g_array_new (FALSE, FALSE, sizeof (guint));
  self->authority_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->year_drop_down = add_drop_down (self, _("Year"), _("All years"));
  self->authority_drop_down = add_drop_down (self, _("Authority"), _("All authorities"));
  /* A long authority's name would widen the whole sidebar. */
  gtk_widget_set_size_request (GTK_WIDGET (self->authority_drop_down), 150, -1);
}

/**
 * awards_decision_filter_bar_new:
 *
 * Returns: (transfer floating): a filter bar with only "All" to choose until a store is set
 */
GtkWidget *
awards_decision_filter_bar_new (void)
{
  return g_object_new (AWARDS_TYPE_DECISION_FILTER_BAR, NULL);
}
