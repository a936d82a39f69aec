/* awards-report-header.c: a document's header and signature, defaulting to the office profile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "awards-accessible-names.h"
#include "awards-gui-utils.h"
#include "awards-report-header.h"
#include "awards-settings.h"
#include "awards-store-async.h"

/**
 * AwardsReportHeader:
 *
 * The "Document header and signature" part of the report options: the issuing body, the
 * place, the signer, the document's number and the order of a decision's annex.
 *
 * The fields show the office profile's values, so that the clerk sees what will be printed; a
 * field the clerk changed overrides the profile for the documents of the session, one still
 * showing the profile's value leaves the choice to the report.
 */

struct _AwardsReportHeader
{
  GtkBox       parent_instance;

  GHashTable  *profile_entries;  /* GtkEntry → the profile's value it was filled with */
  GCancellable *profile_reading; /* the office profile, read on the store's threads */

  GtkExpander *header_expander;
  GtkEntry    *issuer_entry;
  GtkEntry    *place_entry;
  GtkEntry    *signer_title_entry;
  GtkEntry    *signer_name_entry;
  GtkEntry    *number_entry;
  GtkEntry    *signer_form_entry;
  GtkDropDown *order_dropdown;
};

G_DEFINE_FINAL_TYPE (AwardsReportHeader, awards_report_header, GTK_TYPE_BOX)

enum
{
  ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Keeps @text alive as long as @keep. */
static const char *
keep_text (GPtrArray *keep,
           char      *text)
{
  if (text != NULL)
    g_ptr_array_add (keep, text);
  return text;
}

static char *
entry_text (GtkEntry *entry)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));

  g_strstrip (text);
  return text[0] != '\0' ? g_steal_pointer (&text) : NULL;
}

/* The entry's text, unless it is the office profile's value it was filled with. */
static char *
override_text (AwardsReportHeader *self,
               GtkEntry           *entry)
{
  g_autofree char *text = entry_text (entry);
  const char *profile = g_hash_table_lookup (self->profile_entries, entry);

  if (text == NULL || (profile != NULL && g_str_equal (text, profile)))
    return NULL;
  return g_steal_pointer (&text);
}

static void
entry_activate_cb (AwardsReportHeader *self,
                   GtkEntry           *entry)
{
  g_signal_emit (self, signals[ACTIVATED], 0);
}

static void
awards_report_header_dispose (GObject *object)
{
  AwardsReportHeader *self = AWARDS_REPORT_HEADER (object);

  if (self->profile_reading != NULL)
    g_cancellable_cancel (self->profile_reading);
  g_clear_object (&self->profile_reading);
  gtk_widget_dispose_template (GTK_WIDGET (object), AWARDS_TYPE_REPORT_HEADER);

  G_OBJECT_CLASS (awards_report_header_parent_class)->dispose (object);
}

static void
awards_report_header_finalize (GObject *object)
{
  AwardsReportHeader *self = AWARDS_REPORT_HEADER (object);

  g_clear_pointer (&self->profile_entries, g_hash_table_unref);

  G_OBJECT_CLASS (awards_report_header_parent_class)->finalize (object);
}

static void
awards_report_header_class_init (AwardsReportHeaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = awards_report_header_dispose;
  object_class->finalize = awards_report_header_finalize;

  /**
   * AwardsReportHeader::activated:
   *
   * Enter was pressed in one of the fields: the clerk wants the report.
   */
  signals[ACTIVATED] = g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/coopawards/CoopAwards/ui/"
                                               "awards-report-header.ui");
  gtk_widget_class_bind_template_child (widget_class, AwardsReportHeader, header_expander);
  gtk_widget_class_bind_template_child (widget_class, AwardsReportHeader, issuer_entry);
  gtk_widget_class_bind_template_child (widget_class, AwardsReportHeader, place_entry);
  gtk_widget_class_bind_template_child (widget_class, AwardsReportHeader, signer_title_entry);
  gtk_widget_class_bind_template_child (widget_class, AwardsReportHeader, signer_name_entry);
  gtk_widget_class_bind_template_child (widget_class, AwardsReportHeader, number_entry);
  gtk_widget_class_bind_template_child (widget_class, AwardsReportHeader, signer_form_entry);
  gtk_widget_class_bind_template_child (widget_class, AwardsReportHeader, order_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, entry_activate_cb);
}

static void
awards_report_header_init (AwardsReportHeader *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->profile_entries = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  awards_gui_set_accessible_label (GTK_WIDGET (self->header_expander),
                                   _("Document header and signature"));
  /* Each field is named once, by its template (GTK 4.8 would add the label beside it). */
  awards_accessible_name_once (GTK_WIDGET (self->issuer_entry), NULL);
  awards_accessible_name_once (GTK_WIDGET (self->place_entry), NULL);
  awards_accessible_name_once (GTK_WIDGET (self->signer_title_entry), NULL);
  awards_accessible_name_once (GTK_WIDGET (self->signer_name_entry), NULL);
  awards_accessible_name_once (GTK_WIDGET (self->signer_form_entry), NULL);
  awards_accessible_name_once (GTK_WIDGET (self->number_entry), NULL);
  awards_accessible_name_once (GTK_WIDGET (self->order_dropdown), _("Annex order"));
}

static void
fill_profile (AwardsReportHeader  *self,
              AwardsOfficeProfile *profile)
{
  g_autofree char *form = awards_office_profile_form_line (profile);
  struct { GtkEntry *entry; const char *value; } fields[5];

  fields[0].entry = self->issuer_entry, fields[0].value = profile->name;
  fields[1].entry = self->place_entry, fields[1].value = profile->place;
  fields[2].entry = self->signer_title_entry, fields[2].value = profile->signer_title;
  fields[3].entry = self->signer_name_entry, fields[3].value = profile->signer_name;
  fields[4].entry = self->signer_form_entry, fields[4].value = form;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *shown = g_hash_table_lookup (self->profile_entries, fields[i].entry);
      g_autofree char *text = entry_text (fields[i].entry);

      if (text != NULL && g_strcmp0 (text, shown) != 0)
        continue;
      gtk_editable_set_text (GTK_EDITABLE (fields[i].entry),
                             fields[i].value != NULL ? fields[i].value : "");
      g_hash_table_insert (self->profile_entries, fields[i].entry,
                           g_strdup (fields[i].value != NULL ? fields[i].value : ""));
    }
}

static void
read_profile_thread (GTask        *task,
                     gpointer      source,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  GError *error = NULL;
  AwardsOfficeProfile *profile = awards_store_get_office_profile (task_data, &error);

  if (profile == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, profile, (GDestroyNotify) awards_office_profile_free);
}

static void
profile_read_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AwardsOfficeProfile) profile = g_task_propagate_pointer (G_TASK (result), &error);
  AwardsReportHeader *self;

  /* Cancelled: the header went, or another store came. A profile that could not be read leaves
   * the fields empty, and the reports then read it themselves. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = AWARDS_REPORT_HEADER (source);
  g_clear_object (&self->profile_reading);
  if (profile != NULL)
    fill_profile (self, profile);
}

/**
 * awards_report_header_show_profile:
 * @self: a #AwardsReportHeader
 * @store: (nullable): the store whose office profile the fields show
 *
 * Fills the fields with the office profile, so that they show what will be printed; a field
 * the user typed in keeps its text. The profile is read on the store's threads (on a server,
 * a trip per setting), and the fields filled when it is in.
 */
void
awards_report_header_show_profile (AwardsReportHeader *self,
                                   AwardsStore        *store)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (AWARDS_IS_REPORT_HEADER (self));
  g_return_if_fail (store == NULL || AWARDS_IS_STORE (store));

  if (self->profile_reading != NULL)
    g_cancellable_cancel (self->profile_reading);
  g_clear_object (&self->profile_reading);
  if (store == NULL)
    return;
  self->profile_reading = g_cancellable_new ();
  task = g_task_new (self, self->profile_reading, profile_read_cb, NULL);
  g_task_set_source_tag (task, awards_report_header_show_profile);
  g_task_set_task_data (task, g_object_ref (store), g_object_unref);
  awards_store_run_task (store, AWARDS_WORK_READ, task, read_profile_thread);
}

/**
 * awards_report_header_read:
 * @self: a #AwardsReportHeader
 * @request: the request to fill
 * @keep: where the strings @request points to are kept
 *
 * Reads the header fields and the annex order into @request.
 */
void
awards_report_header_read (AwardsReportHeader  *self,
                           AwardsReportRequest *request,
                           GPtrArray           *keep)
{
  g_return_if_fail (AWARDS_IS_REPORT_HEADER (self));

  /* A field still showing the office profile's value leaves the choice to the report (a
   * decision's annex is signed as its decision); one the user changed overrides it. */
  request->issuer = keep_text (keep, override_text (self, self->issuer_entry));
  request->place = keep_text (keep, override_text (self, self->place_entry));
  request->signer_title = keep_text (keep, override_text (self, self->signer_title_entry));
  request->signer_name = keep_text (keep, override_text (self, self->signer_name_entry));
  request->signer_form = keep_text (keep, override_text (self, self->signer_form_entry));
  request->number = keep_text (keep, entry_text (self->number_entry));
  request->annex_order = gtk_drop_down_get_selected (self->order_dropdown) == 1
                         ? AWARDS_ANNEX_ORDER_NAME : AWARDS_ANNEX_ORDER_ENTERED;
}
