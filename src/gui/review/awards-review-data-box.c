/* awards-review-data-box.c: a recipient's annual ratings and initiatives, with add and remove
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "awards-gui-utils.h"
#include "awards-review-data-box.h"
#include "awards-review-store.h"
#include "awards-store-async.h"
#include "awards-store-open.h"

struct _AwardsReviewDataBox
{
  GtkBox                parent_instance;

  AdwPreferencesGroup  *ratings_group;
  AdwPreferencesGroup  *initiatives_group;
  GtkSpinButton        *rating_year;
  GtkDropDown          *rating_choice;
  GtkSpinButton        *initiative_year;
  GtkEntry             *initiative_title;
  GtkDropDown          *initiative_scope;
  GPtrArray            *rows;            /* the rows of records, to remove on reload */
  GtkWidget            *rating_add_row;
  GtkWidget            *initiative_add_row;

  AwardsStore          *store;
  AwardsRecipientKind   kind;
  gint64                recipient_id;
  GCancellable         *reading;         /* the read of the lists on its way */
};

G_DEFINE_FINAL_TYPE (AwardsReviewDataBox, awards_review_data_box, GTK_TYPE_BOX)

static void reload (AwardsReviewDataBox *self);

/* A database that may only be read (the leader's role) shows the records without the buttons
 * that would change them; the window's bar says why. */
static gboolean
may_change (AwardsReviewDataBox *self)
{
  return self->store != NULL && !awards_store_is_read_only (self->store);
}

static void
remove_rating_cb (GtkButton           *button,
                  AwardsReviewDataBox *self)
{
  int year = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "year"));
  g_autoptr(GError) error = NULL;

  if (!awards_review_set_rating (self->store, self->kind, self->recipient_id, year,
                                 AWARDS_RATING_NONE, &error))
    awards_gui_show_error (GTK_WIDGET (self), _("The rating could not be removed"), error);
  reload (self);
}

static void
remove_initiative_cb (GtkButton           *button,
                      AwardsReviewDataBox *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (button), "id");
  g_autoptr(GError) error = NULL;

  if (!awards_review_remove_initiative (self->store, *id, &error))
    awards_gui_show_error (GTK_WIDGET (self), _("The initiative could not be removed"), error);
  reload (self);
}

static GtkWidget *
record_row (AwardsReviewDataBox *self,
            const char          *title,
            const char          *remove_label)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  remove_label, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  gtk_widget_set_visible (button, may_change (self));
  g_object_set_data (G_OBJECT (row), "button", button);
  g_ptr_array_add (self->rows, row);
  return row;
}

/* What the box shows of one recipient, read on the store's threads. */
typedef struct
{
  AwardsStore         *store;
  AwardsRecipientKind  kind;
  gint64               recipient_id;
  GPtrArray           *ratings;
  GPtrArray           *initiatives;
} Lists;

static void
lists_free (Lists *lists)
{
  g_clear_object (&lists->store);
  g_clear_pointer (&lists->ratings, g_ptr_array_unref);
  g_clear_pointer (&lists->initiatives, g_ptr_array_unref);
  g_free (lists);
}

static void
read_lists_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  Lists *lists = task_data;
  GError *error = NULL;

  lists->ratings = awards_review_list_ratings (lists->store, lists->kind, lists->recipient_id,
                                               1900, 2200, &error);
  if (lists->ratings != NULL)
    lists->initiatives = awards_review_list_initiatives (lists->store, lists->kind,
                                                         lists->recipient_id, 1900, 2200,
                                                         &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
show_lists (AwardsReviewDataBox *self,
            Lists               *lists)
{
  for (guint i = 0; i < lists->ratings->len; i++)
    {
      const AwardsRatingRecord *record = g_ptr_array_index (lists->ratings, i);
      g_autofree char *title = g_strdup_printf ("%d: %s", record->year,
                                                awards_rating_get_label (record->rating));
      GtkWidget *row = record_row (self, title, _("Remove the rating"));
      GObject *button = g_object_get_data (G_OBJECT (row), "button");

      g_object_set_data (button, "year", GINT_TO_POINTER (record->year));
      g_signal_connect_object (button, "clicked", G_CALLBACK (remove_rating_cb), self, 0);
      adw_preferences_group_add (self->ratings_group, row);
    }

  for (guint i = 0; i < lists->initiatives->len; i++)
    {
      const AwardsInitiative *initiative = g_ptr_array_index (lists->initiatives, i);
      g_autofree char *title = g_strdup_printf ("%d: %s (%s)", initiative->year,
                                                initiative->title,
                                                awards_scope_get_label (initiative->scope));
      GtkWidget *row = record_row (self, title, _("Remove the initiative"));
      GObject *button = g_object_get_data (G_OBJECT (row), "button");
      gint64 *id = g_new (gint64, 1);

      *id = initiative->id;
      g_object_set_data_full (button, "id", id, g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (remove_initiative_cb), self, 0);
      adw_preferences_group_add (self->initiatives_group, row);
    }
}

static void
lists_read_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  AwardsReviewDataBox *self;

  g_task_propagate_boolean (G_TASK (result), &error);
  /* Another recipient was shown meanwhile, or the box went. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = AWARDS_REVIEW_DATA_BOX (source);
  g_clear_object (&self->reading);
  if (error != NULL)
    {
      awards_gui_show_error (GTK_WIDGET (self), _("The ratings could not be read"), error);
      return;
    }
  show_lists (self, g_task_get_task_data (G_TASK (result)));
}

/* The rows go at once; the recipient's are read on the store's threads (a page shows this box
 * for every organisation and person it shows) and added when they are in. */
static void
reload (AwardsReviewDataBox *self)
{
  g_autoptr(GTask) task = NULL;
  Lists *lists;

  if (self->reading != NULL)
    g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self), self->store != NULL && self->recipient_id > 0);
  if (self->store == NULL || self->recipient_id <= 0)
    return;

  lists = g_new0 (Lists, 1);
  lists->store = g_object_ref (self->store);
  lists->kind = self->kind;
  lists->recipient_id = self->recipient_id;
  self->reading = g_cancellable_new ();
  task = g_task_new (self, self->reading, lists_read_cb, NULL);
  g_task_set_source_tag (task, reload);
  g_task_set_task_data (task, lists, (GDestroyNotify) lists_free);
  awards_store_run_task (self->store, AWARDS_WORK_READ, task, read_lists_thread);
}

gboolean
awards_review_data_box_add_rating (AwardsReviewDataBox *self,
                                   int                  year,
                                   guint                rating)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_return_val_if_fail (AWARDS_IS_REVIEW_DATA_BOX (self), FALSE);

  if (self->store == NULL || self->recipient_id <= 0)
    return FALSE;
  ok = awards_review_set_rating (self->store, self->kind, self->recipient_id, year,
                                 (AwardsRating)rating, &error);
  if (!ok)
    awards_gui_show_error (GTK_WIDGET (self), _("The rating could not be saved"), error);
  reload (self);
  return ok;
}

gboolean
awards_review_data_box_add_initiative (AwardsReviewDataBox *self,
                                       int                  year,
                                       const char          *title,
                                       guint                scope)
{
  g_autoptr(GError) error = NULL;
  AwardsInitiative initiative = { 0, };
  gboolean ok;

  g_return_val_if_fail (AWARDS_IS_REVIEW_DATA_BOX (self), FALSE);

  if (self->store == NULL || self->recipient_id <= 0)
    return FALSE;
  initiative.kind = self->kind;
  initiative.recipient_id = self->recipient_id;
  initiative.year = year;
  initiative.title = (char *)title;
  initiative.scope = (AwardsScope)scope;
  ok = awards_review_add_initiative (self->store, &initiative, &error) > 0;
  if (!ok)
    awards_gui_show_error (GTK_WIDGET (self), _("The initiative could not be saved"), error);
  reload (self);
  return ok;
}

guint
awards_review_data_box_get_n_rows (AwardsReviewDataBox *self)
{
  return self->rows->len;
}

static void
add_rating_cb (AwardsReviewDataBox *self)
{
  /* The drop-down lists the ratings best first, as the enumeration numbers them from 1. */
  awards_review_data_box_add_rating (self, gtk_spin_button_get_value_as_int (self->rating_year),
                                     gtk_drop_down_get_selected (self->rating_choice) + 1);
}

static void
add_initiative_cb (AwardsReviewDataBox *self)
{
  if (awards_review_data_box_add_initiative (self,
                                             gtk_spin_button_get_value_as_int (self->initiative_year),
                                             gtk_editable_get_text (GTK_EDITABLE (self->initiative_title)),
                                             gtk_drop_down_get_selected (self->initiative_scope) + 1))
    gtk_editable_set_text (GTK_EDITABLE (self->initiative_title), "");
}

static GtkSpinButton *
year_spin (const char *label)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GtkWidget *spin = gtk_spin_button_new_with_range (1990, 2200, 1);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), g_date_time_get_year (now));
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return GTK_SPIN_BUTTON (spin);
}

static GtkWidget *
add_button (const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("list-add-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  return button;
}

static void
awards_review_data_box_dispose (GObject *object)
{
  AwardsReviewDataBox *self = AWARDS_REVIEW_DATA_BOX (object);

  if (self->reading != NULL)
    g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
  g_clear_object (&self->store);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (awards_review_data_box_parent_class)->dispose (object);
}

static void
awards_review_data_box_class_init (AwardsReviewDataBoxClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = awards_review_data_box_dispose;
}

static void
awards_review_data_box_init (AwardsReviewDataBox *self)
{
  const char *ratings[] = {
    awards_rating_get_label (AWARDS_RATING_EXCELLENT), awards_rating_get_label (AWARDS_RATING_GOOD),
    awards_rating_get_label (AWARDS_RATING_COMPLETED),
    awards_rating_get_label (AWARDS_RATING_NOT_COMPLETED), NULL,
  };
  const char *scopes[] = {
    awards_scope_get_label (AWARDS_SCOPE_BASE), awards_scope_get_label (AWARDS_SCOPE_PROVINCE),
    awards_scope_get_label (AWARDS_SCOPE_NATIONAL), NULL,
  };
  GtkWidget *row, *button;

  self->rows = g_ptr_array_new ();
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 12);

  self->ratings_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->ratings_group, _("Annual Ratings"));
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Add a rating"));
  self->rating_year = year_spin (_("Year of the rating"));
  self->rating_choice = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (ratings));
  gtk_widget_set_valign (GTK_WIDGET (self->rating_choice), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->rating_choice),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Rating"), -1);
  button = add_button (_("Add the rating"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (add_rating_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->rating_year));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->rating_choice));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_preferences_group_add (self->ratings_group, row);
  self->rating_add_row = row;
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->ratings_group));

  self->initiatives_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->initiatives_group, _("Recognised Initiatives"));
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Add an initiative"));
  self->initiative_year = year_spin (_("Year of the initiative"));
  self->initiative_title = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->initiative_title, _("Title"));
  gtk_widget_set_valign (GTK_WIDGET (self->initiative_title), GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (GTK_WIDGET (self->initiative_title), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->initiative_title),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Title of the initiative"), -1);
  self->initiative_scope = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (scopes));
  gtk_widget_set_valign (GTK_WIDGET (self->initiative_scope), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->initiative_scope),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Scope"), -1);
  button = add_button (_("Add the initiative"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (add_initiative_cb), self);
  g_signal_connect_swapped (self->initiative_title, "activate", G_CALLBACK (add_initiative_cb),
                            self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->initiative_year));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->initiative_title));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->initiative_scope));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_preferences_group_add (self->initiatives_group, row);
  self->initiative_add_row = row;
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->initiatives_group));
}

void
awards_review_data_box_set_recipient (AwardsReviewDataBox  *self,
                                      AwardsStore          *store,
                                      AwardsRecipientKind   kind,
                                      gint64                recipient_id)
{
  g_return_if_fail (AWARDS_IS_REVIEW_DATA_BOX (self));

  g_set_object (&self->store, store);
  self->kind = kind;
  self->recipient_id = recipient_id;
  gtk_widget_set_visible (self->rating_add_row, may_change (self));
  gtk_widget_set_visible (self->initiative_add_row, may_change (self));
  reload (self);
}
