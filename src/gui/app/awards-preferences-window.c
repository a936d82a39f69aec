/* awards-preferences-window.c: the office profile, edited
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "awards-certificate-designer.h"
#include "awards-gui-utils.h"
#include "awards-official-layout.h"
#include "awards-preferences-window.h"
#include "awards-settings.h"
#include "awards-store-async.h"
#include "awards-store-open.h"

/**
 * AwardsPreferencesWindow:
 *
 * Edits the office profile kept in the database (awards-settings.h): what every printed document
 * carries in its header and signature block. A text row saves when its apply button is pressed
 * (or Enter), so half-typed names never reach the database; a bad value is shown under the row
 * and not saved. The rows are built here from one table of keys rather than in a template,
 * because each is the same widget bound to a different key.
 */

struct _AwardsPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AwardsStore          *store;
  GHashTable           *rows;   /* key → GtkWidget (AdwEntryRow or AdwComboRow) */
  GtkWidget            *page;
  GCancellable         *cancellable;
  gboolean              filling;  /* the stored values are being shown, not chosen */
};

G_DEFINE_FINAL_TYPE (AwardsPreferencesWindow, awards_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

typedef struct
{
  const char *key;
  const char *title;
  const char *group;
} RowInfo;

static const RowInfo text_rows[] = {
  { "office.parent", N_("Governing Body"), "office" },
  { "office.name", N_("Office Name"), "office" },
  { "office.abbreviation", N_("Abbreviation in Document Numbers"), "office" },
  { "office.place", N_("Place"), "office" },
  { "signer.head_title", N_("Head's Title (for “KT.”)"), "signer" },
  { "signer.title", N_("Signer's Title"), "signer" },
  { "signer.name", N_("Signer's Name"), "signer" },
  { "year.start", N_("Reporting Year Starts (dd/mm)"), "documents" },
  { "report.font", N_("Font"), "documents" },
  { "report.font_size", N_("Font Size (points)"), "documents" },
};

/* The signer's forms in the combo row's order, as stored. */
static const char *const forms[] = { "TM.", "KT.", "none" };

/* The row's save has come back: the row shows the value as stored (normalised, or the default
 * for an empty one; setting the same text again would show its apply button again, as if it
 * were not saved), or says why it was not saved. */
static void
setting_saved_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr (GtkWidget) row = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *stored = awards_store_set_setting_finish (AWARDS_STORE (source), result,
                                                             &error);
  GtkWidget *self = gtk_widget_get_ancestor (row, AWARDS_TYPE_PREFERENCES_WINDOW);

  /* The window was closed meanwhile: the value is saved all the same. */
  if (self == NULL)
    return;
  gtk_widget_set_sensitive (row, TRUE);
  if (error != NULL)
    {
      /* A toast cuts a sentence this long short: the message says all of it. */
      gtk_widget_add_css_class (row, "error");
      awards_gui_show_error (self, _("The setting was not saved"), error);
      return;
    }
  gtk_widget_remove_css_class (row, "error");
  if (ADW_IS_ENTRY_ROW (row) && stored != NULL &&
      g_strcmp0 (stored, gtk_editable_get_text (GTK_EDITABLE (row))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), stored);
}

/* Saved on the store's write thread: on a server another clerk's import may hold the write
 * lock for seconds, and the window goes on answering meanwhile. */
static void
save_setting (AwardsPreferencesWindow *self,
              GtkWidget               *row,
              const char              *key,
              const char              *value)
{
  gtk_widget_set_sensitive (row, FALSE);
  /* Not cancelled with the window: a value applied just before closing is still saved. */
  awards_store_set_setting_async (self->store, key, value, NULL, setting_saved_cb,
                                  g_object_ref (row));
}

static void
entry_apply_cb (AdwEntryRow             *row,
                AwardsPreferencesWindow *self)
{
  const char *key = g_object_get_data (G_OBJECT (row), "settings-key");
  g_autofree char *problem = NULL;

  if (g_str_equal (key, "report.font"))
    {
      g_autofree char *family = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

      problem = awards_official_family_problem (family);
    }
  if (problem != NULL)
    {
      g_autoptr (GError) why = g_error_new_literal (AWARDS_STORE_ERROR,
                                                    AWARDS_STORE_ERROR_INVALID, problem);

      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      awards_gui_show_error (GTK_WIDGET (self), _("The setting was not saved"), why);
      return;
    }
  save_setting (self, GTK_WIDGET (row), key, gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
form_selected_cb (AdwComboRow             *row,
                  GParamSpec              *pspec,
                  AwardsPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->filling || selected >= G_N_ELEMENTS (forms))
    return;
  save_setting (self, GTK_WIDGET (row), "signer.form", forms[selected]);
}

/* The stored profile is in: the rows show it and take changes. */
static void
settings_read_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  /* Not held by the read: a window closed meanwhile is gone, with its parent perhaps, and its
   * read was cancelled. */
  AwardsPreferencesWindow *self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) values = awards_store_list_settings_finish (AWARDS_STORE (source),
                                                                      result, &error);
  GHashTableIter iter;
  gpointer key, row;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (values == NULL)
    {
      awards_gui_show_error (GTK_WIDGET (self), _("The office profile could not be read"),
                             error);
      return;
    }

  self->filling = TRUE;
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &key, &row))
    {
      const char *value = g_hash_table_lookup (values, key);

      if (ADW_IS_COMBO_ROW (row))
        {
          for (guint i = 0; value != NULL && i < G_N_ELEMENTS (forms); i++)
            if (g_str_equal (value, forms[i]))
              adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
        }
      else
        {
          gtk_editable_set_text (GTK_EDITABLE (row), value != NULL ? value : "");
        }
    }
  self->filling = FALSE;
  gtk_widget_set_sensitive (self->page, TRUE);
}

static void
design_cb (GtkButton               *button,
           AwardsPreferencesWindow *self)
{
  GtkWidget *window = awards_certificate_designer_window_new (GTK_WINDOW (self), self->store);

  gtk_window_present (GTK_WINDOW (window));
}

static AdwPreferencesGroup *
add_group (AdwPreferencesPage *page,
           const char         *title,
           const char         *description)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  adw_preferences_group_set_title (group, title);
  if (description != NULL)
    adw_preferences_group_set_description (group, description);
  adw_preferences_page_add (page, group);
  return group;
}

static void
build (AwardsPreferencesWindow *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  AdwPreferencesGroup *office, *signer, *documents, *certificates;
  GtkStringList *form_names;
  AdwComboRow *form_row;
  GtkWidget *design_row, *design_button;
  gboolean read_only = awards_store_is_read_only (self->store);

  /* Nothing is shown, nor can be changed, before the stored profile is read. */
  self->filling = TRUE;
  adw_preferences_page_set_title (page, _("Office"));
  adw_preferences_page_set_icon_name (page, "x-office-document-symbolic");
  /* The leader's login reads the profile that its documents print, and changes nothing. */
  if (read_only)
    {
      g_autofree char *why = awards_store_describe_read_only (self->store);

      add_group (page, "", why);
    }
  office = add_group (page, _("Office"),
                      _("Printed at the head of every report, as Decree 30/2020/NĐ-CP lays it "
                        "out."));
  signer = add_group (page, _("Signer"),
                      _("The signature block of reports; a report's own options may name "
                        "another signer for one document."));
  documents = add_group (page, _("Documents"), NULL);

  form_names = gtk_string_list_new ((const char *[]) {
    _("TM. (on behalf of the office)"), _("KT. (for the head)"), _("None"), NULL });
  form_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (form_row), _("Signature Form"));
  adw_combo_row_set_model (form_row, G_LIST_MODEL (form_names));
  g_object_unref (form_names);
  g_signal_connect (form_row, "notify::selected", G_CALLBACK (form_selected_cb), self);
  gtk_widget_set_sensitive (GTK_WIDGET (form_row), !read_only);
  adw_preferences_group_add (signer, GTK_WIDGET (form_row));
  g_hash_table_insert (self->rows, (gpointer) "signer.form", form_row);

  for (guint i = 0; i < G_N_ELEMENTS (text_rows); i++)
    {
      GtkWidget *row = adw_entry_row_new ();
      AdwPreferencesGroup *group = g_str_equal (text_rows[i].group, "office") ? office
                                   : g_str_equal (text_rows[i].group, "signer") ? signer
                                   : documents;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(text_rows[i].title));
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), !read_only);
      gtk_editable_set_editable (GTK_EDITABLE (row), !read_only);
      g_object_set_data (G_OBJECT (row), "settings-key", (gpointer) text_rows[i].key);
      g_signal_connect (row, "apply", G_CALLBACK (entry_apply_cb), self);
      adw_preferences_group_add (group, row);
      g_hash_table_insert (self->rows, (gpointer) text_rows[i].key, row);
    }

  certificates = add_group (page, _("Certificates"),
                            _("Where each text goes on the pre-printed blanks."));
  design_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (design_row), _("Certificate Templates"));
  design_button = gtk_button_new_with_mnemonic (_("_Design…"));
  gtk_widget_set_valign (design_button, GTK_ALIGN_CENTER);
  g_signal_connect (design_button, "clicked", G_CALLBACK (design_cb), self);
  gtk_widget_set_sensitive (design_button, !read_only);
  adw_action_row_add_suffix (ADW_ACTION_ROW (design_row), design_button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (design_row), design_button);
  adw_preferences_group_add (certificates, design_row);

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), page);
  self->filling = FALSE;
  self->page = GTK_WIDGET (page);
  gtk_widget_set_sensitive (self->page, FALSE);
  awards_store_list_settings_async (self->store, self->cancellable, settings_read_cb, self);
}

static void
awards_preferences_window_dispose (GObject *object)
{
  AwardsPreferencesWindow *self = AWARDS_PREFERENCES_WINDOW (object);

  g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (awards_preferences_window_parent_class)->dispose (object);
}

static void
awards_preferences_window_finalize (GObject *object)
{
  AwardsPreferencesWindow *self = AWARDS_PREFERENCES_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->rows, g_hash_table_unref);

  G_OBJECT_CLASS (awards_preferences_window_parent_class)->finalize (object);
}

static void
awards_preferences_window_class_init (AwardsPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = awards_preferences_window_dispose;
  object_class->finalize = awards_preferences_window_finalize;
}

static void
awards_preferences_window_init (AwardsPreferencesWindow *self)
{
  self->rows = g_hash_table_new (g_str_hash, g_str_equal);
  self->cancellable = g_cancellable_new ();
  gtk_window_set_title (GTK_WINDOW (self), _("Preferences"));
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 720);
  adw_preferences_window_set_search_enabled (ADW_PREFERENCES_WINDOW (self), FALSE);
}

GtkWidget *
awards_preferences_window_new (GtkWindow   *parent,
                               AwardsStore *store)
{
  AwardsPreferencesWindow *self;

  g_return_val_if_fail (AWARDS_IS_STORE (store), NULL);

  self = g_object_new (AWARDS_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
  self->store = g_object_ref (store);
  build (self);
  return GTK_WIDGET (self);
}

GtkWidget *
awards_preferences_window_get_row (AwardsPreferencesWindow *self,
                                   const char              *key)
{
  g_return_val_if_fail (AWARDS_IS_PREFERENCES_WINDOW (self), NULL);

  return g_hash_table_lookup (self->rows, key);
}
