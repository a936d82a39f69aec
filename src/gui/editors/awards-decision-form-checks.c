/* awards-decision-form-checks.c: what the decision form finds wrong with what is typed, field
 * by field and row by row, after every change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "awards-catalogue.h"
#include "awards-date.h"
#include "awards-date-check.h"
#include "awards-decision-form-private.h"
#include "awards-near.h"
#include "awards-text.h"

static gboolean
is_touched (AwardsDecisionForm *self,
            guint               prop_id)
{
  return self->show_all || (self->touched & (1u << FIELD_INDEX (prop_id))) != 0;
}

static void
set_message (AwardsDecisionForm  *self,
             AwardsDecisionField  field,
             char                *message)
{
  if (g_strcmp0 (self->messages[field], message) == 0)
    {
      g_free (message);
      return;
    }

  g_free (self->messages[field]);
  self->messages[field] = message;
  awards_decision_form_notify (self, MESSAGE_PROP (field));
}

static char *
check_number (AwardsDecisionForm *self)
{
  const char *number = form_field_text (self, PROP_NUMBER);
  const char *authority = form_field_text (self, PROP_AUTHORITY);

  if (form_is_blank (number) || form_is_blank (authority))
    return NULL;

  /* The decision being edited keeps its own number. */
  return awards_name_guard_check_number (self->guard, number, authority,
                                         self->decision != NULL
                                         ? awards_decision_get_id (self->decision) : 0);
}

static char *
check_date (AwardsDecisionForm *self)
{
  const char *date = form_field_text (self, PROP_DATE);

  g_autofree char *iso = NULL;

  if (form_is_blank (date))
    return is_touched (self, PROP_DATE) ? g_strdup (_("Enter the date of the decision.")) : NULL;

  if (awards_date_parse (date, &iso) && awards_date_is_future (iso))
    return g_strdup (_("This date is after today: a decision is recorded once it is signed. "
                       "Check its year."));
  return awards_date_check_message (date);
}

static char *
check_required (AwardsDecisionForm *self,
                guint               prop_id,
                const char         *message)
{
  if (form_is_blank (form_field_text (self, prop_id)) && is_touched (self, prop_id))
    return g_strdup (message);

  return NULL;
}

const char *
awards_decision_form_effective_award (AwardsDecisionForm   *self,
                                      AwardsDraftRecipient *recipient)
{
  const char *award = awards_draft_recipient_get_award (recipient);

  return form_is_blank (award) ? form_field_text (self, PROP_AWARD) : award;
}

static char *
recipient_key (AwardsDecisionForm   *self,
               AwardsDraftRecipient *recipient)
{
  AwardsRecipientKind kind = awards_draft_recipient_get_kind (recipient);
  g_autofree char *name = awards_text_name_key (awards_draft_recipient_get_name (recipient));
  g_autofree char *organisation = NULL;
  g_autofree char *award =
    awards_text_name_key (awards_decision_form_effective_award (self, recipient));

  /* Two people of the same name in different organisations are different people. */
  if (kind == AWARDS_RECIPIENT_KIND_INDIVIDUAL)
    organisation = awards_text_name_key (awards_draft_recipient_get_organisation (recipient));

  return g_strdup_printf ("%d\x1f%s\x1f%s\x1f%s", kind, name ? name : "",
                          organisation ? organisation : "", award ? award : "");
}

/* One decision may name a new organisation twice, spelt two ways ("HTX Bạch Đằng" for a
 * collective, "HTX Bach Dang" as a person's organisation): saved, they would be two
 * organisations. A new name nearly equal to a new one of an earlier row (@new_names, normalised;
 * @name is added to them when it is new too) is asked about as a name nearly equal to a stored
 * one is, unless the user keeps it; an import asks the same of the names of one file. Returns
 * what is wrong, or NULL (also while @name is being looked up). */
static char *
check_among_new_names (AwardsDecisionForm  *self,
                       const char          *name,
                       GPtrArray           *new_names,
                       char               **suggestion)
{
  g_autofree char *normalized = awards_text_normalize (name);

  *suggestion = NULL;
  if (normalized == NULL || normalized[0] == '\0' ||
      awards_name_guard_organisation (self->guard, normalized) != 0)
    return NULL;
  for (guint i = 0; i < new_names->len; i++)
    if (g_strcmp0 (g_ptr_array_index (new_names, i), normalized) == 0)
      return NULL;
  if (!awards_name_guard_is_accepted (self->guard, AWARDS_NEAR_ORGANISATION, normalized))
    for (guint i = 0; i < new_names->len; i++)
      {
        const char *earlier = g_ptr_array_index (new_names, i);

        if (awards_near_compare (AWARDS_NEAR_ORGANISATION, normalized, earlier, NULL, NULL))
          {
            *suggestion = g_strdup (earlier);
            return g_strdup_printf (_("“%s” is not recorded yet. Did you mean “%s”?"),
                                    normalized, earlier);
          }
      }
  g_ptr_array_add (new_names, g_steal_pointer (&normalized));
  return NULL;
}

/* A row's names that nearly equal stored ones, name first, or new organisations of earlier
 * rows (@new_names); remembers what the user probably meant for the editor's "use" button. */
static char *
check_row_names (AwardsDecisionForm   *self,
                 AwardsDraftRecipient *recipient,
                 GPtrArray            *new_names)
{
  gboolean individual =
    awards_draft_recipient_get_kind (recipient) == AWARDS_RECIPIENT_KIND_INDIVIDUAL;
  const char *organisation = awards_draft_recipient_get_organisation (recipient);
  const struct
  {
    const char     *property;
    AwardsNearKind  kind;
    const char     *text;
  } checks[] = {
    { "name", individual ? AWARDS_NEAR_PERSON : AWARDS_NEAR_ORGANISATION,
      awards_draft_recipient_get_name (recipient) },
    { "organisation", AWARDS_NEAR_ORGANISATION, individual ? organisation : NULL },
    { "award", AWARDS_NEAR_AWARD_TYPE, awards_draft_recipient_get_award (recipient) },
  };

  g_hash_table_remove (self->row_suggestions, recipient);

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      g_autofree char *suggestion = NULL;
      char *message = awards_name_guard_check (self->guard, checks[i].kind, checks[i].text,
                                               organisation, &suggestion);

      if (message == NULL && checks[i].kind == AWARDS_NEAR_ORGANISATION)
        message = check_among_new_names (self, checks[i].text, new_names, &suggestion);
      if (message != NULL)
        {
          RowSuggestion *row = g_new0 (RowSuggestion, 1);

          row->property = checks[i].property;
          row->name = g_steal_pointer (&suggestion);
          g_hash_table_insert (self->row_suggestions, recipient, row);
          return message;
        }
    }

  return NULL;
}

/* Notes that the row's problem is about its @property ("organisation", "award"), which the
 * editor marks; returns @message. */
static char *
about_field (AwardsDecisionForm   *self,
             AwardsDraftRecipient *recipient,
             const char           *property,
             char                 *message)
{
  RowSuggestion *row = g_new0 (RowSuggestion, 1);

  row->property = property;
  g_hash_table_insert (self->row_suggestions, recipient, row);
  return message;
}

/* Returns the first problem of a row, or NULL. @seen maps the keys of earlier rows to their
 * 1-based row numbers; @new_names holds the new organisations they name. */
static char *
check_recipient (AwardsDecisionForm   *self,
                 AwardsDraftRecipient *recipient,
                 guint                 row_number,
                 GHashTable           *seen,
                 GPtrArray            *new_names)
{
  AwardsRecipientKind kind = awards_draft_recipient_get_kind (recipient);
  const char *award = awards_decision_form_effective_award (self, recipient);
  g_autofree char *key = NULL;
  char *message;
  guint earlier;

  g_hash_table_remove (self->row_suggestions, recipient);
  if (form_is_blank (awards_draft_recipient_get_name (recipient)))
    return g_strdup (kind == AWARDS_RECIPIENT_KIND_INDIVIDUAL
                     ? _("Enter the person’s full name.")
                     : _("Enter the name of the organisation."));

  message = check_row_names (self, recipient, new_names);
  if (message != NULL)
    return message;

  if (!form_is_blank (award))
    {
      int eligibility = awards_name_guard_eligibility (self->guard, award);

      /* Until the catalogue answers, the award is not held against the row. */
      if (eligibility == AWARDS_NAME_GUARD_NOT_IN_CATALOGUE)
        eligibility = awards_catalogue_eligibility_for_name (award);

      if (eligibility != AWARDS_NAME_GUARD_CHECKING &&
          !awards_eligibility_allows (eligibility, kind))
        return about_field (self, recipient,
                            form_is_blank (awards_draft_recipient_get_award (recipient))
                              ? "name" : "award",
                            g_strdup_printf (kind == AWARDS_RECIPIENT_KIND_INDIVIDUAL
                                             ? _("“%s” is not awarded to individuals.")
                                             : _("“%s” is not awarded to collectives."),
                                             award));
    }

  key = recipient_key (self, recipient);
  earlier = GPOINTER_TO_UINT (g_hash_table_lookup (seen, key));
  if (earlier != 0)
    return g_strdup_printf (_("Listed twice: the same recipient is on row %u."), earlier);
  g_hash_table_insert (seen, g_steal_pointer (&key), GUINT_TO_POINTER (row_number));

  if (kind == AWARDS_RECIPIENT_KIND_INDIVIDUAL &&
      form_is_blank (awards_draft_recipient_get_organisation (recipient)))
    return about_field (self, recipient, "organisation",
                        g_strdup (_("Enter the person’s organisation.")));

  return NULL;
}

/**
 * awards_decision_form_validate:
 * @self: a #AwardsDecisionForm
 *
 * Checks everything again and updates the messages, #AwardsDecisionForm:valid and
 * #AwardsDecisionForm:n-problems. The form does this by itself after every change.
 */
void
awards_decision_form_validate (AwardsDecisionForm *self)
{
  g_autoptr (GHashTable) seen = NULL;
  g_autoptr (GPtrArray) new_names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *recipients_message = NULL;
  guint n_items, n_rows = 0, n_problems = 0, n_hidden = 0;
  gboolean valid, checking;
  char *message;

  g_return_if_fail (AWARDS_IS_DECISION_FORM (self));

  if (self->freeze_count > 0 || self->guard == NULL)
    return;

  g_object_freeze_notify (G_OBJECT (self));

  message = check_number (self);
  n_problems += message != NULL;
  set_message (self, AWARDS_DECISION_FIELD_NUMBER, message);

  message = check_date (self);
  n_problems += message != NULL;
  n_hidden += message == NULL && !awards_date_parse (form_field_text (self, PROP_DATE), NULL);
  set_message (self, AWARDS_DECISION_FIELD_DATE, message);

  message = check_required (self, PROP_AUTHORITY, _("Enter the authority that decided."));
  g_clear_pointer (&self->suggestions[AWARDS_DECISION_FIELD_AUTHORITY], g_free);
  if (message == NULL)
    message = awards_name_guard_check (self->guard, AWARDS_NEAR_AUTHORITY,
                                       form_field_text (self, PROP_AUTHORITY), NULL,
                                       &self->suggestions[AWARDS_DECISION_FIELD_AUTHORITY]);
  n_problems += message != NULL;
  n_hidden += message == NULL && form_is_blank (form_field_text (self, PROP_AUTHORITY));
  set_message (self, AWARDS_DECISION_FIELD_AUTHORITY, message);

  message = check_required (self, PROP_AWARD, _("Enter the award of this decision."));
  g_clear_pointer (&self->suggestions[AWARDS_DECISION_FIELD_AWARD], g_free);
  if (message == NULL)
    message = awards_name_guard_check (self->guard, AWARDS_NEAR_AWARD_TYPE,
                                       form_field_text (self, PROP_AWARD), NULL,
                                       &self->suggestions[AWARDS_DECISION_FIELD_AWARD]);
  n_problems += message != NULL;
  n_hidden += message == NULL && form_is_blank (form_field_text (self, PROP_AWARD));
  set_message (self, AWARDS_DECISION_FIELD_AWARD, message);

  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_remove_all (self->row_suggestions);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->recipients));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr (AwardsDraftRecipient) recipient =
        g_list_model_get_item (G_LIST_MODEL (self->recipients), i);
      g_autofree char *row_message = NULL;

      if (awards_draft_recipient_is_blank (recipient))
        {
          awards_draft_recipient_set_message (recipient, NULL);
          continue;
        }

      n_rows++;
      row_message = check_recipient (self, recipient, i + 1, seen, new_names);
      if (row_message != NULL)
        n_problems++;
      awards_draft_recipient_set_message (recipient, row_message);
    }

  if (n_rows == 0)
    {
      if (self->show_all)
        recipients_message = g_strdup (_("Add at least one recipient."));
      else
        n_hidden++;
    }
  n_problems += recipients_message != NULL;
  set_message (self, AWARDS_DECISION_FIELD_RECIPIENTS, g_steal_pointer (&recipients_message));

  /* A name still being looked up on a server is neither wrong nor known to be right. */
  checking = awards_name_guard_is_checking (self->guard);
  valid = n_problems == 0 && n_hidden == 0 && !checking;
  if (self->checking != checking)
    {
      self->checking = checking;
      awards_decision_form_notify (self, PROP_CHECKING);
    }
  if (self->valid != valid)
    {
      self->valid = valid;
      awards_decision_form_notify (self, PROP_VALID);
    }

  if (self->n_problems != n_problems)
    {
      self->n_problems = n_problems;
      awards_decision_form_notify (self, PROP_N_PROBLEMS);
    }

  g_object_thaw_notify (G_OBJECT (self));
}
