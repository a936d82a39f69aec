/* awards-completion.c: name completion for entries, from the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "awards-completion.h"
#include "awards-store-async.h"
#include "awards-text.h"

/*
 * The suggestions are asked from the store as the user types, with the same folded search as
 * the lists ("bach dang" suggests "HTX Bạch Đằng"), so that no list of 30,000 people is ever
 * loaded into an entry. Names are asked asynchronously, so that typing never waits for the store;
 * each key press cancels the question before it, and the answer that arrives fills the list and
 * asks the completion to show it. The catalogue of authorities and award types is small: it is
 * read once, in the same way, and then filtered here.
 *
 * GtkEntryCompletion is deprecated from GTK 4.10 on; GTK 4.8, which we target, has nothing else.
 */

#define MAX_SUGGESTIONS 12

enum
{
  COLUMN_NAME,
  COLUMN_ITEM,
  N_COLUMNS
};

typedef struct
{
  AwardsStore          *store;
  GtkEntry             *entry;            /* owns this data */
  GCancellable         *pending;          /* the question of the last key press */
  AwardsCompletionKind  kind;
  GtkListStore         *suggestions;
  GPtrArray            *catalogue;        /* authorities or award types, once read */
  AwardsCompletionFunc  selected_func;
  gpointer              user_data;
} CompletionData;

static void
completion_data_free (gpointer data)
{
  CompletionData *completion = data;

  /* An answer still on its way must not reach freed data: a cancelled task says so. */
  if (completion->pending != NULL)
    g_cancellable_cancel (completion->pending);
  g_clear_object (&completion->pending);
  g_clear_object (&completion->store);
  g_clear_object (&completion->suggestions);
  g_clear_pointer (&completion->catalogue, g_ptr_array_unref);
  g_free (completion);
}

static const char *
item_name (AwardsCompletionKind  kind,
           GObject              *item)
{
  switch (kind)
    {
    case AWARDS_COMPLETION_AUTHORITY:
      return awards_authority_get_name (AWARDS_AUTHORITY (item));
    case AWARDS_COMPLETION_AWARD_TYPE:
      return awards_award_type_get_name (AWARDS_AWARD_TYPE (item));
    case AWARDS_COMPLETION_ORGANISATION:
      return awards_organisation_get_name (AWARDS_ORGANISATION (item));
    case AWARDS_COMPLETION_PERSON:
      return awards_person_get_full_name (AWARDS_PERSON (item));
    default:
      g_assert_not_reached ();
    }
}

static GPtrArray *
find_in_catalogue (CompletionData *completion,
                   const char     *text)
{
  g_autofree char *folded = NULL;
  GPtrArray *result;

  if (completion->catalogue == NULL)
    return NULL;

  folded = awards_text_fold (text);
  result = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < completion->catalogue->len && result->len < MAX_SUGGESTIONS; i++)
    {
      GObject *item = g_ptr_array_index (completion->catalogue, i);
      g_autofree char *name = awards_text_fold (item_name (completion->kind, item));

      if (name != NULL && folded != NULL && strstr (name, folded) != NULL)
        g_ptr_array_add (result, g_object_ref (item));
    }

  return result;
}

static void
show_suggestions (CompletionData *completion,
                  GPtrArray      *items)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (completion->entry));

  gtk_list_store_clear (completion->suggestions);
  for (guint i = 0; i < items->len; i++)
    {
      GObject *item = g_ptr_array_index (items, i);
      const char *name = item_name (completion->kind, item);

      /* Suggesting exactly what is typed would only cover the entry. */
      if (g_strcmp0 (name, text) == 0)
        continue;

      gtk_list_store_insert_with_values (completion->suggestions, NULL, -1,
                                         COLUMN_NAME, name,
                                         COLUMN_ITEM, item,
                                         -1);
    }
}

static void
names_found_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;
  CompletionData *completion;
  GtkEntryCompletion *entry_completion;

  if (g_async_result_is_tagged (result, awards_store_list_organisations_async))
    items = awards_store_list_organisations_finish (AWARDS_STORE (source), result, &error);
  else if (g_async_result_is_tagged (result, awards_store_list_people_async))
    items = awards_store_list_people_finish (AWARDS_STORE (source), result, &error);
  else if (g_async_result_is_tagged (result, awards_store_list_authorities_async))
    items = awards_store_list_authorities_finish (AWARDS_STORE (source), result, &error);
  else
    items = awards_store_list_award_types_finish (AWARDS_STORE (source), result, &error);
  /* Cancelled: a newer key press asked again, the kind changed, or the entry is gone with
   * @user_data. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  completion = user_data;
  g_clear_object (&completion->pending);
  if (items == NULL)
    return;

  if (completion->kind == AWARDS_COMPLETION_AUTHORITY ||
      completion->kind == AWARDS_COMPLETION_AWARD_TYPE)
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (completion->entry));

      /* The catalogue has come: what is typed by now is looked up in it. */
      completion->catalogue = g_steal_pointer (&items);
      if (text[0] == '\0')
        return;
      items = find_in_catalogue (completion, text);
    }

  show_suggestions (completion, items);
  entry_completion = gtk_entry_get_completion (completion->entry);
  if (entry_completion != NULL && gtk_widget_has_focus (GTK_WIDGET (completion->entry)))
    gtk_entry_completion_complete (entry_completion);
}

static void
entry_changed_cb (GtkEditable    *editable,
                  CompletionData *completion)
{
  const char *text = gtk_editable_get_text (editable);
  g_autoptr (GPtrArray) items = NULL;
  gboolean names = completion->kind == AWARDS_COMPLETION_ORGANISATION ||
                   completion->kind == AWARDS_COMPLETION_PERSON;

  /* A question about names is out of date at the next key press; the catalogue is not. */
  if (names && completion->pending != NULL)
    {
      g_cancellable_cancel (completion->pending);
      g_clear_object (&completion->pending);
    }
  gtk_list_store_clear (completion->suggestions);

  if (text[0] == '\0')
    return;

  switch (completion->kind)
    {
    case AWARDS_COMPLETION_ORGANISATION:
      completion->pending = g_cancellable_new ();
      awards_store_list_organisations_async (completion->store, text, 0, MAX_SUGGESTIONS,
                                             completion->pending, names_found_cb, completion);
      return;

    case AWARDS_COMPLETION_PERSON:
      completion->pending = g_cancellable_new ();
      awards_store_list_people_async (completion->store, text, 0, 0, MAX_SUGGESTIONS,
                                      completion->pending, names_found_cb, completion);
      return;

    case AWARDS_COMPLETION_AUTHORITY:
    case AWARDS_COMPLETION_AWARD_TYPE:
    default:
      break;
    }

  if (completion->catalogue == NULL)
    {
      if (completion->pending == NULL)
        {
          completion->pending = g_cancellable_new ();
          if (completion->kind == AWARDS_COMPLETION_AUTHORITY)
            awards_store_list_authorities_async (completion->store, completion->pending,
                                                 names_found_cb, completion);
          else
            awards_store_list_award_types_async (completion->store, completion->pending,
                                                 names_found_cb, completion);
        }
      return;
    }

  items = find_in_catalogue (completion, text);
  if (items != NULL)
    show_suggestions (completion, items);
}

static gboolean
match_cb (GtkEntryCompletion *entry_completion,
          const char         *key,
          GtkTreeIter        *iter,
          gpointer            user_data)
{
  /* The store has matched already, ignoring accents. */
  return TRUE;
}

static gboolean
match_selected_cb (GtkEntryCompletion *entry_completion,
                   GtkTreeModel       *model,
                   GtkTreeIter        *iter,
                   CompletionData     *completion)
{
  g_autoptr (GObject) item = NULL;
  GtkWidget *entry = gtk_entry_completion_get_entry (entry_completion);

  gtk_tree_model_get (model, iter, COLUMN_ITEM, &item, -1);

  if (completion->selected_func != NULL && item != NULL)
    completion->selected_func (GTK_ENTRY (entry), item, completion->user_data);

  /* The default handler puts the name into the entry. */
  return FALSE;
}

/**
 * awards_completion_attach:
 * @entry: the entry
 * @store: where the names come from
 * @kind: what the entry names
 * @selected_func: (nullable): called when the user picks a suggestion
 * @user_data: data for @selected_func
 *
 * Suggests names of existing records as the user types into @entry.
 */
/* The suggestions are at least as wide as the entry, and as wide as the names they offer: in a
 * decision's narrow award column, the entry's width cut "Cờ thi đua xuất sắc" off without an
 * ellipsis. GTK sets the list's least width to the entry's; the list asks for the names' own. */
static void
widen_to_names (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_SCROLLED_WINDOW (child))
        gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (child), TRUE);
      else if (GTK_IS_POPOVER (child) || !GTK_IS_TEXT (child))
        widen_to_names (child);
    }
}

void
awards_completion_attach (GtkEntry             *entry,
                          AwardsStore          *store,
                          AwardsCompletionKind  kind,
                          AwardsCompletionFunc  selected_func,
                          gpointer              user_data)
{
  g_autoptr (GtkEntryCompletion) entry_completion = NULL;
  CompletionData *completion;

  g_return_if_fail (GTK_IS_ENTRY (entry));
  g_return_if_fail (AWARDS_IS_STORE (store));

  completion = g_new0 (CompletionData, 1);
  completion->store = g_object_ref (store);
  completion->entry = entry;
  completion->kind = kind;
  completion->suggestions = gtk_list_store_new (N_COLUMNS, G_TYPE_STRING, G_TYPE_OBJECT);
  completion->selected_func = selected_func;
  completion->user_data = user_data;

  entry_completion = gtk_entry_completion_new ();
  gtk_entry_completion_set_model (entry_completion, GTK_TREE_MODEL (completion->suggestions));
  gtk_entry_completion_set_text_column (entry_completion, COLUMN_NAME);
  gtk_entry_completion_set_match_func (entry_completion, match_cb, NULL, NULL);
  gtk_entry_completion_set_minimum_key_length (entry_completion, 1);
  gtk_entry_completion_set_popup_set_width (entry_completion, TRUE);
  g_signal_connect (entry_completion, "match-selected", G_CALLBACK (match_selected_cb),
                    completion);

  g_object_set_data_full (G_OBJECT (entry), "awards-completion", completion,
                          completion_data_free);
  /* Connected before the completion's own handler, so that the suggestions are ready. */
  g_signal_connect (entry, "changed", G_CALLBACK (entry_changed_cb), completion);
  gtk_entry_set_completion (entry, entry_completion);
  widen_to_names (GTK_WIDGET (entry));
}

/**
 * awards_completion_set_kind:
 * @entry: an entry given to awards_completion_attach()
 * @kind: what the entry names now
 *
 * Changes what the entry suggests, as when a row of a decision changes from a collective to an
 * individual.
 */
void
awards_completion_set_kind (GtkEntry             *entry,
                            AwardsCompletionKind  kind)
{
  CompletionData *completion;

  g_return_if_fail (GTK_IS_ENTRY (entry));

  completion = g_object_get_data (G_OBJECT (entry), "awards-completion");
  g_return_if_fail (completion != NULL);

  if (completion->kind == kind)
    return;

  completion->kind = kind;
  if (completion->pending != NULL)
    g_cancellable_cancel (completion->pending);
  g_clear_object (&completion->pending);
  g_clear_pointer (&completion->catalogue, g_ptr_array_unref);
  gtk_list_store_clear (completion->suggestions);
}

/**
 * awards_completion_get_n_suggestions:
 * @entry: an entry given to awards_completion_attach()
 *
 * Returns: how many suggestions the entry has for its current text, for tests; names of
 *   organisations and people arrive after the main loop has turned (see
 *   awards_completion_is_pending ())
 */
guint
awards_completion_get_n_suggestions (GtkEntry *entry)
{
  CompletionData *completion;

  g_return_val_if_fail (GTK_IS_ENTRY (entry), 0);

  completion = g_object_get_data (G_OBJECT (entry), "awards-completion");
  if (completion == NULL)
    return 0;

  return (guint) gtk_tree_model_iter_n_children (GTK_TREE_MODEL (completion->suggestions), NULL);
}

/**
 * awards_completion_is_pending:
 * @entry: an entry given to awards_completion_attach()
 *
 * Returns: whether the suggestions for the entry's text are still being looked up
 */
gboolean
awards_completion_is_pending (GtkEntry *entry)
{
  CompletionData *completion;

  g_return_val_if_fail (GTK_IS_ENTRY (entry), FALSE);

  completion = g_object_get_data (G_OBJECT (entry), "awards-completion");
  return completion != NULL && completion->pending != NULL;
}

static GtkPopover *
shown_popup (GtkWidget *entry)
{
  for (GtkWidget *child = gtk_widget_get_first_child (entry);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child) && gtk_widget_get_mapped (child))
      return GTK_POPOVER (child);

  return NULL;
}

static gboolean
escape_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   gpointer               user_data)
{
  GtkWidget *window = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  GtkWidget *entry;
  GtkPopover *popup;

  if (keyval != GDK_KEY_Escape || focus == NULL)
    return FALSE;

  entry = gtk_widget_get_ancestor (focus, GTK_TYPE_ENTRY);
  if (entry == NULL || g_object_get_data (G_OBJECT (entry), "awards-completion") == NULL)
    return FALSE;

  popup = shown_popup (entry);
  if (popup == NULL)
    return FALSE;

  gtk_popover_popdown (popup);
  return TRUE;
}

/**
 * awards_completion_guard_escape:
 * @window: an editor window with entries given to awards_completion_attach()
 *
 * Makes Escape close only the suggestions while they are shown. Without this the key also
 * reaches the window's own Escape shortcut, and closing the suggestions would close the editor.
 */
void
awards_completion_guard_escape (GtkWindow *window)
{
  GtkEventController *controller;

  g_return_if_fail (GTK_IS_WINDOW (window));

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (controller, "awards-completion-escape");
  /* Before any widget sees the key: the popup must still be there to be found. */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (escape_pressed_cb), NULL);
  gtk_widget_add_controller (GTK_WIDGET (window), controller);
}

/**
 * awards_completion_set_store:
 * @entry: an entry of awards_completion_attach ()
 * @store: the same database, connected again
 *
 * Asks for the suggestions through @store from now on.
 */
void
awards_completion_set_store (GtkEntry    *entry,
                             AwardsStore *store)
{
  CompletionData *completion = g_object_get_data (G_OBJECT (entry), "awards-completion");

  g_return_if_fail (AWARDS_IS_STORE (store));

  if (completion == NULL)
    return;
  g_set_object (&completion->store, store);
}

/**
 * awards_completion_set_store_within:
 * @root: a widget
 * @store: the same database, connected again after the server went away
 *
 * Every entry inside @root that completes names (rows of a table included) asks @store.
 */
void
awards_completion_set_store_within (GtkWidget   *root,
                                    AwardsStore *store)
{
  g_return_if_fail (GTK_IS_WIDGET (root));
  g_return_if_fail (AWARDS_IS_STORE (store));

  if (GTK_IS_ENTRY (root))
    awards_completion_set_store (GTK_ENTRY (root), store);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    awards_completion_set_store_within (child, store);
}
