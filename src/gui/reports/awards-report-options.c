/* awards-report-options.c: what a report is about, its filters and its header fields
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * About 800 lines: the document's header and signature, with the office profile they show,
 * are an AwardsReportHeader of their own; the four kinds of report each have their own
 * controls and checks (period, catalogue filters, years), which all meet in
 * awards_report_options_read(); split further they would share most of this widget's state.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "awards-accessible-names.h"
#include "awards-date.h"
#include "awards-gui-utils.h"
#include "awards-record-picker.h"
#include "awards-report-header.h"
#include "awards-report-options.h"
#include "awards-store-async.h"
#include "awards-text.h"

/**
 * AwardsReportOptions:
 *
 * The left side of the Reports page: which report (a summary over a period, an organisation's
 * record, a decision's annex or the statistics by year), its filters, and the document's header
 * and signature. It turns what the controls say into an #AwardsReportRequest, and says under
 * the controls what is wrong with them. The document's header and signature are an
 * #AwardsReportHeader of their own.
 */

struct _AwardsReportOptions
{
  GtkBox               parent_instance;

  AwardsStore         *store;
  GArray              *authority_ids;    /* gint64, [0] = 0 for "All" */
  GArray              *award_type_ids;
  GCancellable        *catalogue_reading;
  GCancellable        *years_reading;    /* the years that have awards, being read */
  gboolean             years_filling;    /* the years shown are being set, not chosen */
  gboolean             years_chosen;     /* the clerk set the years: a late read keeps them */

  GtkDropDown         *kind_dropdown;
  GtkStack            *filter_stack;
  GtkEntry            *from_entry;
  GtkEntry            *to_entry;
  GtkLabel            *period_message;
  GtkDropDown         *authority_dropdown;
  GtkDropDown         *award_dropdown;
  GtkDropDown         *recipients_dropdown;
  GtkEntry            *search_entry;
  AwardsRecordPicker  *summary_picker;
  GtkCheckButton      *summary_members_check;
  GtkLabel            *organisation_heading;
  AwardsRecordPicker  *organisation_picker;
  GtkCheckButton      *organisation_members_check;
  GtkLabel            *decision_heading;
  AwardsRecordPicker  *decision_picker;
  GtkSpinButton       *from_year_spin;
  GtkSpinButton       *to_year_spin;
  GtkLabel            *years_message;
  AwardsReportHeader  *header;
};

G_DEFINE_FINAL_TYPE (AwardsReportOptions, awards_report_options, GTK_TYPE_BOX)

enum
{
  CHANGED,
  ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The order of the kind drop-down and of the filter stack. */
static const char * const kind_pages[] = { "summary", "organisation", "decision", "yearly" };

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

/* "HTX Bạch Đằng" → "htx-bach-dang": the words of a name, folded to ASCII, for file names. */
static char *
slug (const char *text)
{
  g_autofree char *folded = awards_text_fold (text);
  GString *out = g_string_new (NULL);
  gboolean dash = FALSE;

  for (const char *p = folded != NULL ? folded : ""; *p != '\0' && out->len < 60; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (dash && out->len > 0)
            g_string_append_c (out, '-');
          g_string_append_c (out, g_ascii_tolower (*p));
          dash = FALSE;
        }
      else
        {
          dash = TRUE;
        }
    }

  return g_string_free (out, FALSE);
}

static int
current_year (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_get_year (now);
}
/* ------------------------------------------------------------------------------------------- */
/* Pickers                                                                                      */

/* The headings say what is chosen; the summary's member check needs an organisation. */
static void
picker_changed_cb (AwardsReportOptions *self,
                   AwardsRecordPicker  *picker)
{
  gint64 chosen = awards_record_picker_get_chosen_id (picker);
  const char *title = awards_record_picker_get_chosen_title (picker);
  g_autofree char *heading = NULL;

  if (picker == self->summary_picker)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->summary_members_check), chosen != 0);
    }
  else if (picker == self->organisation_picker)
    {
      heading = chosen != 0
                ? g_strdup_printf (_("Organisation: %s"), title)
                : g_strdup (_("Organisation: choose one below"));
      gtk_label_set_label (self->organisation_heading, heading);
    }
  else
    {
      heading = chosen != 0
                ? g_strdup_printf (_("Decision: %s"), title)
                : g_strdup (_("Decision: choose one below"));
      gtk_label_set_label (self->decision_heading, heading);
    }

  g_signal_emit (self, signals[CHANGED], 0);
}

/* ------------------------------------------------------------------------------------------- */
/* The catalogue drop-downs                                                                     */

static gint64
selected_id (GtkDropDown *dropdown,
             GArray      *ids)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (ids == NULL || selected == GTK_INVALID_LIST_POSITION || selected >= ids->len)
    return 0;

  return g_array_index (ids, gint64, selected);
}

static void
fill_dropdown (GtkDropDown  *dropdown,
               GArray      **ids_inout,
               const char   *all_label,
               GPtrArray    *objects,
               gint64      (*get_id) (gpointer),
               const char *(*get_name) (gpointer))
{
  gint64 keep = selected_id (dropdown, *ids_inout);
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 all = 0;
  guint select = 0;

  gtk_string_list_append (names, all_label);
  g_array_append_val (ids, all);

  for (guint i = 0; objects != NULL && i < objects->len; i++)
    {
      gpointer object = g_ptr_array_index (objects, i);
      gint64 id = get_id (object);

      if (id == keep)
        select = ids->len;
      gtk_string_list_append (names, get_name (object));
      g_array_append_val (ids, id);
    }

  g_clear_pointer (ids_inout, g_array_unref);
  *ids_inout = ids;
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (dropdown, select);
}

static void
authorities_read_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  AwardsReportOptions *self = user_data;
  g_autoptr (GPtrArray) authorities = NULL;
  g_autoptr (GError) error = NULL;

  /* An unreadable catalogue leaves only "All" to choose; the report says the rest. */
  authorities = awards_store_list_authorities_finish (AWARDS_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  fill_dropdown (self->authority_dropdown, &self->authority_ids, _("All authorities"),
                 authorities, (gint64 (*) (gpointer)) awards_authority_get_id,
                 (const char *(*) (gpointer)) awards_authority_get_name);
}

static void
award_types_read_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  AwardsReportOptions *self = user_data;
  g_autoptr (GPtrArray) award_types = NULL;
  g_autoptr (GError) error = NULL;

  award_types = awards_store_list_award_types_finish (AWARDS_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  fill_dropdown (self->award_dropdown, &self->award_type_ids, _("All awards"),
                 award_types, (gint64 (*) (gpointer)) awards_award_type_get_id,
                 (const char *(*) (gpointer)) awards_award_type_get_name);
}

/* The authorities and awards to choose from, read on the store's threads: the catalogue is read
 * again after every change, and on a server each read is a trip there and back. */
static void
reload_catalogue (AwardsReportOptions *self)
{
  if (self->catalogue_reading != NULL)
    g_cancellable_cancel (self->catalogue_reading);
  g_clear_object (&self->catalogue_reading);
  if (self->store == NULL)
    {
      fill_dropdown (self->authority_dropdown, &self->authority_ids, _("All authorities"), NULL,
                     (gint64 (*) (gpointer)) awards_authority_get_id,
                     (const char *(*) (gpointer)) awards_authority_get_name);
      fill_dropdown (self->award_dropdown, &self->award_type_ids, _("All awards"), NULL,
                     (gint64 (*) (gpointer)) awards_award_type_get_id,
                     (const char *(*) (gpointer)) awards_award_type_get_name);
      return;
    }
  self->catalogue_reading = g_cancellable_new ();
  awards_store_list_authorities_async (self->store, self->catalogue_reading,
                                       authorities_read_cb, self);
  awards_store_list_award_types_async (self->store, self->catalogue_reading,
                                       award_types_read_cb, self);
}

static void
reload (AwardsReportOptions *self)
{
  reload_catalogue (self);
  awards_record_picker_reload (self->summary_picker);
  awards_record_picker_reload (self->organisation_picker);
  awards_record_picker_reload (self->decision_picker);
}

/* ------------------------------------------------------------------------------------------- */
/* What the controls ask for                                                                    */

static AwardsReportKind
current_kind (AwardsReportOptions *self)
{
  guint selected = gtk_drop_down_get_selected (self->kind_dropdown);

  return selected < G_N_ELEMENTS (kind_pages) ? (AwardsReportKind) selected
                                              : AWARDS_REPORT_KIND_SUMMARY;
}

static gboolean
check_date_entry (GtkEntry  *entry,
                  gboolean   say,
                  char     **iso,
                  GString   *message)
{
  g_autofree char *text = entry_text (entry);

  *iso = NULL;
  if (text == NULL || awards_date_parse (text, iso))
    {
      if (say)
        gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
      return TRUE;
    }

  if (say)
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  if (message->len > 0)
    g_string_append_c (message, '\n');
  g_string_append_printf (message, _("“%s” is not a date: write it as dd/mm/yyyy, for example "
                                     "28/12/2011."), text);
  return FALSE;
}

/* Checks the period and returns it as ISO dates; when @say, marks the wrong entries and says
 * what is wrong under them. */
static gboolean
check_period (AwardsReportOptions  *self,
              gboolean              say,
              char                **from_iso,
              char                **to_iso)
{
  g_autoptr (GString) message = g_string_new (NULL);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  gboolean ok;

  ok = check_date_entry (self->from_entry, say, &from, message);
  ok = check_date_entry (self->to_entry, say, &to, message) && ok;

  if (ok && from != NULL && to != NULL && strcmp (from, to) > 0)
    {
      g_string_append (message, _("The period ends before it starts: the first date must not "
                                  "be after the last."));
      if (say)
        gtk_widget_add_css_class (GTK_WIDGET (self->to_entry), "error");
      ok = FALSE;
    }

  if (say)
    {
      gtk_label_set_label (self->period_message, message->str);
      gtk_widget_set_visible (GTK_WIDGET (self->period_message), message->len > 0);
    }

  if (from_iso != NULL)
    *from_iso = g_steal_pointer (&from);
  if (to_iso != NULL)
    *to_iso = g_steal_pointer (&to);
  return ok;
}

static gboolean
check_years (AwardsReportOptions *self)
{
  int from = gtk_spin_button_get_value_as_int (self->from_year_spin);
  int to = gtk_spin_button_get_value_as_int (self->to_year_spin);
  gboolean ok = from <= to;

  gtk_label_set_label (self->years_message,
                       ok ? "" : _("The first year must not be after the last."));
  gtk_widget_set_visible (GTK_WIDGET (self->years_message), !ok);
  return ok;
}

/* Whether the report has what it cannot do without. Wrong dates do not count here: they are
 * said when the clerk leaves the entry or presses Show, not while they are being typed. */
static gboolean
has_subject (AwardsReportOptions *self)
{
  switch (current_kind (self))
    {
    case AWARDS_REPORT_KIND_ORGANISATION:
      return awards_record_picker_get_chosen_id (self->organisation_picker) != 0;
    case AWARDS_REPORT_KIND_DECISION:
      return awards_record_picker_get_chosen_id (self->decision_picker) != 0;
    case AWARDS_REPORT_KIND_SUMMARY:
    case AWARDS_REPORT_KIND_YEARLY:
    default:
      return TRUE;
    }
}

static char *
summary_file_stem (const char *from_iso,
                   const char *to_iso)
{
  int from = from_iso != NULL ? awards_date_year (from_iso) : 0;
  int to = to_iso != NULL ? awards_date_year (to_iso) : 0;

  if (from > 0 && to > 0 && from != to)
    return g_strdup_printf ("tong-hop-khen-thuong-%d-%d", from, to);
  if (from > 0 || to > 0)
    return g_strdup_printf ("tong-hop-khen-thuong-%d", from > 0 ? from : to);
  return g_strdup ("tong-hop-khen-thuong");
}

static void
entry_activate_cb (AwardsReportOptions *self,
                   GtkEntry            *entry)
{
  g_signal_emit (self, signals[ACTIVATED], 0);
}

static void
set_period (AwardsReportOptions *self,
            int                  year)
{
  g_autofree char *from = year > 0 ? g_strdup_printf ("01/01/%d", year) : g_strdup ("");
  g_autofree char *to = year > 0 ? g_strdup_printf ("31/12/%d", year) : g_strdup ("");

  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), from);
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), to);
}

static void
this_year_clicked_cb (AwardsReportOptions *self,
                      GtkButton           *button)
{
  set_period (self, current_year ());
}

static void
last_year_clicked_cb (AwardsReportOptions *self,
                      GtkButton           *button)
{
  set_period (self, current_year () - 1);
}

static void
all_dates_clicked_cb (AwardsReportOptions *self,
                      GtkButton           *button)
{
  set_period (self, 0);
}

static void
kind_changed_cb (AwardsReportOptions *self)
{
  gtk_stack_set_visible_child_name (self->filter_stack, kind_pages[current_kind (self)]);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
period_changed_cb (AwardsReportOptions *self)
{
  /* Once a mistake is said, the message goes as soon as it is corrected. */
  if (gtk_widget_get_visible (GTK_WIDGET (self->period_message)))
    check_period (self, TRUE, NULL, NULL);
}

static void
period_focus_leave_cb (AwardsReportOptions *self)
{
  check_period (self, TRUE, NULL, NULL);
}

static void
years_changed_cb (AwardsReportOptions *self)
{
  if (!self->years_filling)
    self->years_chosen = TRUE;
  check_years (self);
}

static void
read_award_years (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  int *years = g_new0 (int, 2);

  if (!awards_store_get_award_years (task_data, &years[0], &years[1], NULL))
    years[1] = 0;
  g_task_return_pointer (task, years, g_free);
}

static void
award_years_read_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  AwardsReportOptions *self = AWARDS_REPORT_OPTIONS (source);
  g_autofree int *years = g_task_propagate_pointer (G_TASK (result), NULL);

  /* Overtaken by another store, or the options are gone. */
  if (years == NULL)
    return;
  g_clear_object (&self->years_reading);
  if (years[1] == 0 || self->years_chosen)
    return;

  self->years_filling = TRUE;
  gtk_spin_button_set_value (self->to_year_spin, years[1]);
  gtk_spin_button_set_value (self->from_year_spin, MAX (years[0], years[1] - 4));
  self->years_filling = FALSE;
}

/* The last five years that have awards, read on the store's threads; years the clerk chose
 * meanwhile stay. */
static void
show_years_with_data (AwardsReportOptions *self)
{
  g_autoptr (GTask) task = NULL;

  if (self->years_reading != NULL)
    g_cancellable_cancel (self->years_reading);
  g_clear_object (&self->years_reading);
  if (self->store == NULL)
    return;

  self->years_reading = g_cancellable_new ();
  task = g_task_new (self, self->years_reading, award_years_read_cb, NULL);
  g_task_set_check_cancellable (task, TRUE);
  g_task_set_task_data (task, g_object_ref (self->store), g_object_unref);
  awards_store_run_task (self->store, AWARDS_WORK_READ, task, read_award_years);
}


/* ------------------------------------------------------------------------------------------- */
/* The object                                                                                   */

static void
awards_report_options_dispose (GObject *object)
{
  AwardsReportOptions *self = AWARDS_REPORT_OPTIONS (object);

  if (self->catalogue_reading != NULL)
    g_cancellable_cancel (self->catalogue_reading);
  g_clear_object (&self->catalogue_reading);
  if (self->years_reading != NULL)
    g_cancellable_cancel (self->years_reading);
  g_clear_object (&self->years_reading);
  gtk_widget_dispose_template (GTK_WIDGET (self), AWARDS_TYPE_REPORT_OPTIONS);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (awards_report_options_parent_class)->dispose (object);
}

static void
awards_report_options_finalize (GObject *object)
{
  AwardsReportOptions *self = AWARDS_REPORT_OPTIONS (object);

  g_clear_pointer (&self->authority_ids, g_array_unref);
  g_clear_pointer (&self->award_type_ids, g_array_unref);

  G_OBJECT_CLASS (awards_report_options_parent_class)->finalize (object);
}

static void
awards_report_options_class_init (AwardsReportOptionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = awards_report_options_dispose;
  object_class->finalize = awards_report_options_finalize;

  /**
   * AwardsReportOptions::changed:
   *
   * The kind of report or its subject changed: whether it can be shown may have too.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * AwardsReportOptions::activated:
   *
   * Enter was pressed in one of the fields: the clerk wants the report.
   */
  signals[ACTIVATED] = g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (AWARDS_TYPE_RECORD_PICKER);
  g_type_ensure (AWARDS_TYPE_REPORT_HEADER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/coopawards/CoopAwards/ui/"
                                               "awards-report-options.ui");
  gtk_widget_class_bind_template_child (widget_class, AwardsReportOptions, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AwardsReportOptions, filter_stack);
  gtk_widget_class_bind_template_child (widget_class, AwardsReportOptions, from_entry);
  gtk_widget_class_bind_template_child (widget_class, AwardsReportOptions, to_entry);
  gtk_widget_class_bind_template_child (widget_class, AwardsReportOptions, period_message);
  gtk_widget_class_bind_template_child (widget_class, AwardsReportOptions, authority_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AwardsReportOptions, award_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AwardsReportOptions, recipients_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AwardsReportOptions, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AwardsReportOptions, summary_picker);
  gtk_widget_class_bind_template_child (widget_class, AwardsReportOptions, summary_members_check);
  gtk_widget_class_bind_template_child (widget_class, AwardsReportOptions, organisation_heading);
  gtk_widget_class_bind_template_child (widget_class, AwardsReportOptions, organisation_picker);
  gtk_widget_class_bind_template_child (widget_class, AwardsReportOptions,
                                        organisation_members_check);
  gtk_widget_class_bind_template_child (widget_class, AwardsReportOptions, decision_heading);
  gtk_widget_class_bind_template_child (widget_class, AwardsReportOptions, decision_picker);
  gtk_widget_class_bind_template_child (widget_class, AwardsReportOptions, from_year_spin);
  gtk_widget_class_bind_template_child (widget_class, AwardsReportOptions, to_year_spin);
  gtk_widget_class_bind_template_child (widget_class, AwardsReportOptions, years_message);
  gtk_widget_class_bind_template_child (widget_class, AwardsReportOptions, header);
  gtk_widget_class_bind_template_callback (widget_class, this_year_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, last_year_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, all_dates_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, picker_changed_cb);
}

static void
awards_report_options_init (AwardsReportOptions *self)
{
  int year = current_year ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Each control is named once (GTK 4.8 would add the label beside it: "From date From");
   * the entries and spin buttons keep the fuller names of their template. */
  awards_accessible_name_once (GTK_WIDGET (self->kind_dropdown), _("Report"));
  awards_accessible_name_once (GTK_WIDGET (self->authority_dropdown), _("Authority"));
  awards_accessible_name_once (GTK_WIDGET (self->award_dropdown), _("Award"));
  awards_accessible_name_once (GTK_WIDGET (self->recipients_dropdown), _("Recipients"));
  awards_accessible_name_once (GTK_WIDGET (self->from_entry), NULL);
  awards_accessible_name_once (GTK_WIDGET (self->to_entry), NULL);
  awards_accessible_name_once (GTK_WIDGET (self->search_entry), NULL);
  awards_accessible_name_once (GTK_WIDGET (self->from_year_spin), NULL);
  awards_accessible_name_once (GTK_WIDGET (self->to_year_spin), NULL);

  /* Typing in the open list of authorities or awards narrows it by name. */
  for (guint i = 0; i < 2; i++)
    {
      GtkDropDown *dropdown = i == 0 ? self->authority_dropdown : self->award_dropdown;
      g_autoptr (GtkExpression) name = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT,
                                                                   NULL, "string");

      gtk_drop_down_set_expression (dropdown, name);
    }

  gtk_spin_button_set_value (self->from_year_spin, year - 4);
  gtk_spin_button_set_value (self->to_year_spin, year);

  g_signal_connect_swapped (self->kind_dropdown, "notify::selected",
                            G_CALLBACK (kind_changed_cb), self);
  g_signal_connect_swapped (self->from_year_spin, "value-changed",
                            G_CALLBACK (years_changed_cb), self);
  g_signal_connect_swapped (self->to_year_spin, "value-changed",
                            G_CALLBACK (years_changed_cb), self);

  for (guint i = 0; i < 2; i++)
    {
      GtkWidget *entry = GTK_WIDGET (i == 0 ? self->from_entry : self->to_entry);
      GtkEventController *focus = gtk_event_controller_focus_new ();

      g_signal_connect_swapped (entry, "changed", G_CALLBACK (period_changed_cb), self);
      g_signal_connect_swapped (focus, "leave", G_CALLBACK (period_focus_leave_cb), self);
      gtk_widget_add_controller (entry, focus);
    }

  /* A summary covers the statutory reporting year (01/12 – 30/11) unless the clerk says else. */
  {
    g_autoptr (GDateTime) now = g_date_time_new_now_local ();
    int reporting = g_date_time_get_year (now) + (g_date_time_get_month (now) == 12 ? 1 : 0);
    g_autofree char *from = g_strdup_printf ("01/12/%d", reporting - 1);
    g_autofree char *to = g_strdup_printf ("30/11/%d", reporting);

    gtk_editable_set_text (GTK_EDITABLE (self->from_entry), from);
    gtk_editable_set_text (GTK_EDITABLE (self->to_entry), to);
  }

  reload (self);
  picker_changed_cb (self, self->summary_picker);
  picker_changed_cb (self, self->organisation_picker);
  picker_changed_cb (self, self->decision_picker);
  kind_changed_cb (self);
}

/**
 * awards_report_options_set_store:
 * @self: a #AwardsReportOptions
 * @store: (nullable): the store the reports read
 *
 * Forgets the choices that belonged to the old store; the period, years and header fields
 * the clerk typed stay.
 */
void
awards_report_options_set_store (AwardsReportOptions *self,
                                 AwardsStore         *store)
{
  g_return_if_fail (AWARDS_IS_REPORT_OPTIONS (self));
  g_return_if_fail (store == NULL || AWARDS_IS_STORE (store));

  /* The same database connected again keeps its records, and the choices of them. */
  if (self->store == NULL || store == NULL ||
      g_strcmp0 (awards_store_get_path (self->store), awards_store_get_path (store)) != 0)
    {
      awards_record_picker_set_choice (self->summary_picker, 0, 0, NULL);
      awards_record_picker_set_choice (self->organisation_picker, 0, 0, NULL);
      awards_record_picker_set_choice (self->decision_picker, 0, 0, NULL);
    }
  g_set_object (&self->store, store);
  awards_record_picker_set_store (self->summary_picker, store);
  awards_record_picker_set_store (self->organisation_picker, store);
  awards_record_picker_set_store (self->decision_picker, store);
  show_years_with_data (self);
  reload (self);
  awards_report_header_show_profile (self->header, store);
}

/* Reads the catalogue and the lists again: the store changed. */
void
awards_report_options_reload (AwardsReportOptions *self)
{
  g_return_if_fail (AWARDS_IS_REPORT_OPTIONS (self));

  reload (self);
}

/* Whether the report has what it cannot do without (an organisation, a decision). */
gboolean
awards_report_options_has_subject (AwardsReportOptions *self)
{
  g_return_val_if_fail (AWARDS_IS_REPORT_OPTIONS (self), FALSE);

  return has_subject (self);
}

AwardsReportKind
awards_report_options_get_kind (AwardsReportOptions *self)
{
  g_return_val_if_fail (AWARDS_IS_REPORT_OPTIONS (self), AWARDS_REPORT_KIND_SUMMARY);

  return current_kind (self);
}

void
awards_report_options_set_kind (AwardsReportOptions *self,
                                AwardsReportKind     kind)
{
  g_return_if_fail (AWARDS_IS_REPORT_OPTIONS (self));

  gtk_drop_down_set_selected (self->kind_dropdown, kind);
}

/**
 * awards_report_options_read:
 * @self: a #AwardsReportOptions
 * @request: an initialised request of the options' kind, to fill
 * @keep: where the strings @request points to are kept
 * @file_stem: (out): a file name without its extension, e.g. "tong-hop-khen-thuong-2011"
 *
 * Reads the controls into @request. When a control is not valid, says so under it and returns
 * %FALSE.
 */
gboolean
awards_report_options_read (AwardsReportOptions *self,
                            AwardsReportRequest *request,
                            GPtrArray           *keep,
                            char               **file_stem)
{
  AwardsReportKind kind;

  g_return_val_if_fail (AWARDS_IS_REPORT_OPTIONS (self), FALSE);

  kind = current_kind (self);
  *file_stem = NULL;
  switch (kind)
    {
    case AWARDS_REPORT_KIND_SUMMARY:
      {
        char *from = NULL;
        char *to = NULL;
        guint recipients = gtk_drop_down_get_selected (self->recipients_dropdown);

        if (!check_period (self, TRUE, &from, &to))
          {
            g_free (from);
            g_free (to);
            return FALSE;
          }
        request->query.date_from = keep_text (keep, from);
        request->query.date_to = keep_text (keep, to);
        request->query.authority_id = selected_id (self->authority_dropdown,
                                                   self->authority_ids);
        request->query.award_type_id = selected_id (self->award_dropdown,
                                                    self->award_type_ids);
        request->query.recipient_kind = recipients == 1 ? AWARDS_RECIPIENT_KIND_COLLECTIVE
                                        : recipients == 2 ? AWARDS_RECIPIENT_KIND_INDIVIDUAL
                                        : AWARDS_RECIPIENT_KIND_ANY;
        request->query.search = keep_text (keep, entry_text (self->search_entry));
        request->query.organisation_id = awards_record_picker_get_chosen_id (self->summary_picker);
        if (request->query.organisation_id != 0)
          {
            /* An organisation's awards are also those of its people while they worked there. */
            request->query.with_members = TRUE;
            request->query.with_subsidiaries =
              gtk_check_button_get_active (self->summary_members_check);
          }
        *file_stem = summary_file_stem (from, to);
      }
      break;

    case AWARDS_REPORT_KIND_ORGANISATION:
      {
        g_autofree char *name = slug (awards_record_picker_get_chosen_title (self->organisation_picker));

        request->query.organisation_id = awards_record_picker_get_chosen_id (self->organisation_picker);
        request->query.with_members = TRUE;
        request->query.with_subsidiaries =
          gtk_check_button_get_active (self->organisation_members_check);
        *file_stem = g_strconcat ("khen-thuong-", name, NULL);
      }
      break;

    case AWARDS_REPORT_KIND_DECISION:
      {
        g_autofree char *number = slug (awards_record_picker_get_chosen_title (self->decision_picker));

        request->decision = keep_text (keep,
                                             g_strdup (awards_record_picker_get_chosen_title (self->decision_picker)));
        request->query.authority_id =
          awards_record_picker_get_chosen_authority_id (self->decision_picker);
        *file_stem = g_strconcat ("quyet-dinh-", number, NULL);
      }
      break;

    case AWARDS_REPORT_KIND_YEARLY:
    default:
      if (!check_years (self))
        {
          return FALSE;
        }
      request->from_year = gtk_spin_button_get_value_as_int (self->from_year_spin);
      request->to_year = gtk_spin_button_get_value_as_int (self->to_year_spin);
      *file_stem = request->from_year == request->to_year
                        ? g_strdup_printf ("thong-ke-khen-thuong-%d", request->from_year)
                        : g_strdup_printf ("thong-ke-khen-thuong-%d-%d", request->from_year,
                                           request->to_year);
      break;
    }

  awards_report_header_read (self->header, request, keep);

  return TRUE;
}

/* The organisation's record, as when the window asks for it. */
void
awards_report_options_choose_organisation (AwardsReportOptions *self,
                                           gint64               id,
                                           const char          *name)
{
  g_return_if_fail (AWARDS_IS_REPORT_OPTIONS (self));

  awards_record_picker_choose (self->organisation_picker, id, 0, name);
}

/* The decision's annex, as when the window asks for it. */
void
awards_report_options_choose_decision (AwardsReportOptions *self,
                                       gint64               id,
                                       gint64               authority_id,
                                       const char          *number)
{
  g_return_if_fail (AWARDS_IS_REPORT_OPTIONS (self));

  awards_record_picker_choose (self->decision_picker, id, authority_id, number);
}

/* The summary of what @text finds over all dates, authorities and awards. */
void
awards_report_options_choose_search (AwardsReportOptions *self,
                                     const char          *text)
{
  g_return_if_fail (AWARDS_IS_REPORT_OPTIONS (self));

  gtk_drop_down_set_selected (self->kind_dropdown, AWARDS_REPORT_KIND_SUMMARY);
  set_period (self, 0);
  gtk_drop_down_set_selected (self->authority_dropdown, 0);
  gtk_drop_down_set_selected (self->award_dropdown, 0);
  gtk_drop_down_set_selected (self->recipients_dropdown, 0);
  awards_record_picker_choose (self->summary_picker, 0, 0, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
}
