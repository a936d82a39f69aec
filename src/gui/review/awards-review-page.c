/* awards-review-page.c: the year-end review: candidates, proposal list, decision
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "awards-decision-editor-private.h"
#include "awards-eligibility-async.h"
#include "awards-gui-utils.h"
#include "awards-proposal.h"
#include "awards-review.h"
#include "awards-review-page-private.h"

struct _AwardsReviewPage
{
  GtkBox          parent_instance;

  GtkSpinButton  *year_spin;
  GtkLabel       *regime_label;
  GtkBox         *groups_box;
  GtkLabel       *selection_label;
  GtkButton      *decision_button;
  GtkButton      *export_button;

  AwardsStore    *store;
  AwardsRules    *rules;
  GPtrArray      *candidates;    /* AwardsCandidate */
  GPtrArray      *checks;        /* GtkCheckButton or NULL, one per candidate */
  GtkWindow      *editor;        /* weak */
  int             year;
  gboolean        stale;         /* the candidates are to be computed when the page shows */
  GCancellable   *reviewing;     /* the review under way */
};

G_DEFINE_FINAL_TYPE (AwardsReviewPage, awards_review_page, GTK_TYPE_BOX)

static GPtrArray *
selected_candidates (AwardsReviewPage *self)
{
  GPtrArray *selected = g_ptr_array_new ();

  for (guint i = 0; self->candidates != NULL && i < self->candidates->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->checks, i);

      if (check != NULL && gtk_check_button_get_active (check))
        g_ptr_array_add (selected, g_ptr_array_index (self->candidates, i));
    }
  return selected;
}

static void
update_selection (AwardsReviewPage *self)
{
  g_autoptr(GPtrArray) selected = selected_candidates (self);
  g_autofree char *text = NULL;

  text = g_strdup_printf (ngettext ("%u candidate selected", "%u candidates selected",
                                    selected->len), selected->len);
  gtk_label_set_label (self->selection_label, text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->decision_button), selected->len > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), selected->len > 0);
}

static void
clear_groups (AwardsReviewPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))) != NULL)
    gtk_box_remove (self->groups_box, child);
  g_clear_pointer (&self->candidates, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
}

static void
show_message (AwardsReviewPage *self,
              const char       *title,
              const char       *description)
{
  AdwStatusPage *status = ADW_STATUS_PAGE (adw_status_page_new ());

  adw_status_page_set_title (status, title);
  adw_status_page_set_description (status, description);
  adw_status_page_set_icon_name (status, "emblem-documents-symbolic");
  gtk_box_append (self->groups_box, GTK_WIDGET (status));
}

static GtkWidget *
candidate_row (AwardsReviewPage      *self,
               const AwardsCandidate *candidate,
               GtkCheckButton       **check_out)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *escaped_title = NULL;
  g_autofree char *escaped_subtitle = NULL;

  title = candidate->organisation != NULL
          ? g_strdup_printf ("%s (%s)", candidate->recipient, candidate->organisation)
          : g_strdup (candidate->recipient);
  if (candidate->missing == NULL)
    subtitle = g_strdup_printf ("%s\n%s %s", candidate->reason, _("Basis:"), candidate->basis);
  else
    subtitle = g_strdup_printf ("%s\n%s %s", candidate->reason, _("Missing:"),
                                candidate->missing);
  escaped_title = g_markup_escape_text (title, -1);
  escaped_subtitle = g_markup_escape_text (subtitle, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_title);
  adw_action_row_set_subtitle (row, escaped_subtitle);
  adw_action_row_set_subtitle_lines (row, 6);

  *check_out = NULL;
  if (candidate->missing == NULL)
    {
      GtkWidget *check = gtk_check_button_new ();

      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      title, -1);
      g_signal_connect_object (check, "toggled", G_CALLBACK (update_selection), self,
                               G_CONNECT_SWAPPED);
      adw_action_row_add_prefix (row, check);
      adw_action_row_set_activatable_widget (row, check);
      *check_out = GTK_CHECK_BUTTON (check);
    }
  else
    {
      GtkWidget *label = gtk_label_new (_("Almost eligible"));

      gtk_widget_add_css_class (label, "dim-label");
      adw_action_row_add_suffix (row, label);
    }
  return GTK_WIDGET (row);
}

static void
review_ready_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AwardsReviewPage) self = user_data;
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GError) error = NULL;
  AdwPreferencesGroup *group = NULL;
  const char *award = NULL;

  candidates = awards_eligibility_run_finish (AWARDS_STORE (source), result, &error);
  /* Cancelled: the page went, or asked for another year since. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->reviewing);

  clear_groups (self);
  if (candidates == NULL)
    {
      show_message (self, _("The review could not be made"), error->message);
      update_selection (self);
      return;
    }
  self->candidates = g_steal_pointer (&candidates);
  self->checks = g_ptr_array_new ();
  if (self->candidates->len == 0)
    show_message (self, _("No Candidates"),
                  _("Nobody has earned an award of the rules in this year, nor nearly."));

  for (guint i = 0; i < self->candidates->len; i++)
    {
      const AwardsCandidate *candidate = g_ptr_array_index (self->candidates, i);
      GtkCheckButton *check;
      GtkWidget *row;

      if (group == NULL || g_strcmp0 (award, candidate->award) != 0)
        {
          award = candidate->award;
          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (group, award);
          gtk_box_append (self->groups_box, GTK_WIDGET (group));
        }
      row = candidate_row (self, candidate, &check);
      adw_preferences_group_add (group, row);
      g_ptr_array_add (self->checks, check);
    }
  update_selection (self);
}

static void
refresh (AwardsReviewPage *self)
{
  g_autoptr(GError) error = NULL;
  const AwardsRegime *regime;

  if (self->reviewing != NULL)
    g_cancellable_cancel (self->reviewing);
  g_clear_object (&self->reviewing);
  clear_groups (self);
  update_selection (self);
  if (self->store == NULL)
    return;

  /* The rules are read at every review, so that a clerk's change to the file needs no restart;
   * a mistake in them is shown with its file and line instead of candidates. */
  g_clear_pointer (&self->rules, awards_rules_free);
  self->rules = awards_rules_load_default (&error);
  if (self->rules == NULL)
    {
      gtk_label_set_label (self->regime_label, "");
      show_message (self, _("The eligibility rules cannot be used"), error->message);
      return;
    }
  regime = awards_rules_regime_for_year (self->rules, self->year);
  gtk_label_set_label (self->regime_label, regime != NULL ? regime->name : "");

  /* The review reads the whole history, on the store's threads; the rules go with it. */
  show_message (self, _("Reviewing the Year…"), NULL);
  self->reviewing = g_cancellable_new ();
  awards_eligibility_run_async (self->store, g_steal_pointer (&self->rules), self->year, NULL,
                                self->reviewing, review_ready_cb, g_object_ref (self));
}

/* A review reads the whole history: it runs only while the page is on screen. */
static void
refresh_when_shown (AwardsReviewPage *self)
{
  self->stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = FALSE;
      refresh (self);
    }
}

static void
awards_review_page_map (GtkWidget *widget)
{
  AwardsReviewPage *self = AWARDS_REVIEW_PAGE (widget);

  GTK_WIDGET_CLASS (awards_review_page_parent_class)->map (widget);
  if (self->stale)
    refresh_when_shown (self);
}

static void
year_changed_cb (AwardsReviewPage *self)
{
  int year = gtk_spin_button_get_value_as_int (self->year_spin);

  if (year == self->year)
    return;
  self->year = year;
  refresh_when_shown (self);
}

static void
export_response_cb (GtkNativeDialog  *dialog,
                    int               response,
                    AwardsReviewPage *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) selected = NULL;
  g_autoptr(AwardsReport) report = NULL;
  g_autoptr(GError) error = NULL;
  AwardsReportFormat format = AWARDS_REPORT_FORMAT_PDF;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;

  if (g_str_has_suffix (path, ".xlsx") || g_str_has_suffix (path, ".XLSX"))
    format = AWARDS_REPORT_FORMAT_XLSX;
  selected = selected_candidates (self);
  report = awards_proposal_build_report (selected, self->year, NULL);
  if (!awards_report_write_file (report, format, path, &error))
    awards_gui_show_error (GTK_WIDGET (self), _("The proposal list could not be saved"), error);
}

static void
export_cb (AwardsReviewPage *self)
{
  GtkFileChooserNative *dialog;
  GtkFileFilter *filter;
  g_autofree char *name = g_strdup_printf ("danh-sach-de-nghi-%d.pdf", self->year);

  dialog = gtk_file_chooser_native_new (_("Export Proposal List"),
                                        GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), NULL);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("PDF or spreadsheet (.pdf, .xlsx)"));
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_object_unref (filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
create_decision_cb (AwardsReviewPage *self)
{
  g_autoptr(GPtrArray) selected = selected_candidates (self);
  AwardsDecisionEditor *editor;
  AwardsDecisionForm *form;
  const char *award;

  if (self->store == NULL || selected->len == 0)
    return;

  editor = awards_decision_editor_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                       self->store);
  form = awards_decision_editor_get_form (editor);
  /* The decision's award is the first selected one; a recipient proposed for another award
   * carries its own. */
  award = ((AwardsCandidate *)g_ptr_array_index (selected, 0))->award;
  awards_decision_form_set_award (form, award);
  /* A new editor offers an empty row to type into; the candidates take its place. */
  for (guint i = awards_decision_form_get_n_recipients (form); i > 0; i--)
    {
      g_autoptr(AwardsDraftRecipient) blank =
        g_list_model_get_item (awards_decision_form_get_recipients (form), i - 1);

      if (awards_draft_recipient_is_blank (blank))
        awards_decision_form_remove_recipient (form, i - 1);
    }
  for (guint i = 0; i < selected->len; i++)
    {
      const AwardsCandidate *candidate = g_ptr_array_index (selected, i);
      AwardsDraftRecipient *recipient = awards_decision_form_add_recipient (form, candidate->kind);

      awards_draft_recipient_set_name (recipient, candidate->recipient);
      if (candidate->organisation != NULL)
        awards_draft_recipient_set_organisation (recipient, candidate->organisation);
      if (g_strcmp0 (candidate->award, award) != 0)
        awards_draft_recipient_set_award (recipient, candidate->award);
      awards_draft_recipient_set_achievement (recipient, candidate->reason);
    }
  g_set_weak_pointer (&self->editor, GTK_WINDOW (editor));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
awards_review_page_dispose (GObject *object)
{
  AwardsReviewPage *self = AWARDS_REVIEW_PAGE (object);

  if (self->reviewing != NULL)
    g_cancellable_cancel (self->reviewing);
  g_clear_object (&self->reviewing);
  clear_groups (self);
  g_clear_object (&self->store);
  g_clear_pointer (&self->rules, awards_rules_free);
  g_clear_weak_pointer (&self->editor);
  gtk_widget_dispose_template (GTK_WIDGET (self), AWARDS_TYPE_REVIEW_PAGE);

  G_OBJECT_CLASS (awards_review_page_parent_class)->dispose (object);
}

static void
awards_review_page_class_init (AwardsReviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = awards_review_page_dispose;
  widget_class->map = awards_review_page_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/coopawards/CoopAwards/ui/"
                                               "awards-review-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AwardsReviewPage, year_spin);
  gtk_widget_class_bind_template_child (widget_class, AwardsReviewPage, regime_label);
  gtk_widget_class_bind_template_child (widget_class, AwardsReviewPage, groups_box);
  gtk_widget_class_bind_template_child (widget_class, AwardsReviewPage, selection_label);
  gtk_widget_class_bind_template_child (widget_class, AwardsReviewPage, decision_button);
  gtk_widget_class_bind_template_child (widget_class, AwardsReviewPage, export_button);
  gtk_widget_class_bind_template_callback (widget_class, year_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_cb);
  gtk_widget_class_bind_template_callback (widget_class, create_decision_cb);
}

static void
awards_review_page_init (AwardsReviewPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The review of a year is made in its last weeks or early the next year. */
  self->year = g_date_time_get_year (now) - (g_date_time_get_month (now) < 6 ? 1 : 0);
  gtk_spin_button_set_value (self->year_spin, self->year);
  update_selection (self);
}

void
awards_review_page_set_store (AwardsReviewPage *self,
                              AwardsStore      *store)
{
  g_return_if_fail (AWARDS_IS_REVIEW_PAGE (self));

  if (!g_set_object (&self->store, store))
    return;
  refresh_when_shown (self);
}

void
awards_review_page_set_year (AwardsReviewPage *self,
                             int               year)
{
  g_return_if_fail (AWARDS_IS_REVIEW_PAGE (self));

  gtk_spin_button_set_value (self->year_spin, year);
}

GPtrArray *
awards_review_page_get_candidates (AwardsReviewPage *self)
{
  return self->candidates;
}

GtkCheckButton *
awards_review_page_get_check (AwardsReviewPage *self,
                              guint             index)
{
  g_return_val_if_fail (self->checks != NULL && index < self->checks->len, NULL);
  return g_ptr_array_index (self->checks, index);
}

GtkButton *
awards_review_page_get_decision_button (AwardsReviewPage *self)
{
  return self->decision_button;
}

GtkWindow *
awards_review_page_get_editor (AwardsReviewPage *self)
{
  return self->editor;
}
