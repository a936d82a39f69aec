/* awards-decision-form-private.h: what the decision form's files share: its fields, its
 * properties, and the checks of awards-decision-form-checks.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "awards-decision-form.h"
#include "awards-name-guard.h"

G_BEGIN_DECLS

struct _AwardsDecisionForm
{
  GObject         parent_instance;

  AwardsStore    *store;
  GListStore     *recipients;
  AwardsDecision *decision;           /* the saved decision being edited, or NULL */

  char           *fields[8];
  guint           touched;            /* bit per text property that the user changed */
  gboolean        show_all;
  gboolean        modified;
  gboolean        valid;
  gboolean        checking;           /* names are being looked up on the store's threads */
  guint           n_problems;
  guint           freeze_count;

  char           *messages[AWARDS_DECISION_N_FIELDS];

  /* New names that nearly equal stored ones, and what the user probably meant. */
  AwardsNameGuard *guard;
  char            *suggestions[AWARDS_DECISION_N_FIELDS];
  GHashTable      *row_suggestions;   /* AwardsDraftRecipient → RowSuggestion */
};

typedef struct
{
  const char *property;   /* "name", "organisation" or "award" of the row */
  char       *name;
} RowSuggestion;

enum
{
  PROP_0,
  /* The text fields come first, in the order of fields[]. */
  PROP_NUMBER,
  PROP_DATE,
  PROP_AUTHORITY,
  PROP_AWARD,
  PROP_SIGNER_NAME,
  PROP_SIGNER_TITLE,
  PROP_OCCASION,
  PROP_ACHIEVEMENT,
  PROP_NUMBER_MESSAGE,
  PROP_DATE_MESSAGE,
  PROP_AUTHORITY_MESSAGE,
  PROP_AWARD_MESSAGE,
  PROP_RECIPIENTS_MESSAGE,
  PROP_VALID,
  PROP_MODIFIED,
  PROP_N_PROBLEMS,
  PROP_N_RECIPIENTS,
  PROP_CHECKING,
  N_PROPS
};

#define FIELD_INDEX(prop_id) ((prop_id) - PROP_NUMBER)
#define MESSAGE_PROP(field) (PROP_NUMBER_MESSAGE + (field))

/* Whether @text is missing or only spaces. */
static inline gboolean
form_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (; *text != '\0'; text = g_utf8_next_char (text))
    {
      if (!g_unichar_isspace (g_utf8_get_char (text)))
        return FALSE;
    }

  return TRUE;
}

/* The text of field @prop_id (one of PROP_NUMBER … PROP_ACHIEVEMENT), as typed. */
static inline const char *
form_field_text (AwardsDecisionForm *self,
                 guint               prop_id)
{
  return self->fields[FIELD_INDEX (prop_id)];
}

void        awards_decision_form_notify          (AwardsDecisionForm   *self,
                                                  guint                 prop_id);
/* Stores a text field (PROP_NUMBER … PROP_ACHIEVEMENT) and notifies; returns whether it
 * changed. */
gboolean    awards_decision_form_replace_field   (AwardsDecisionForm   *self,
                                                  guint                 prop_id,
                                                  const char           *value);
void        awards_decision_form_set_modified    (AwardsDecisionForm   *self,
                                                  gboolean              modified);
const char *awards_decision_form_effective_award (AwardsDecisionForm   *self,
                                                  AwardsDraftRecipient *recipient);

G_END_DECLS
