/* awards-draft-recipient.c: one row of a decision being entered
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "awards-draft-recipient.h"
#include "awards-enum-types.h"

/**
 * AwardsDraftRecipient:
 *
 * A recipient as typed into the decision editor: free text that is matched against the store
 * only when the decision is saved. The owning #AwardsDecisionForm writes
 * #AwardsDraftRecipient:message after every change; the widget only shows it.
 *
 * A row of a decision that is being edited again also holds the award it was read from
 * (#AwardsDraftRecipient:saved), so that saving updates that award rather than adding one.
 */

struct _AwardsDraftRecipient
{
  GObject              parent_instance;

  AwardsRecipientKind  kind;
  char                *name;
  char                *organisation;
  char                *position;
  char                *award;
  char                *achievement;
  char                *message;
  AwardsCommendation  *saved;
};

G_DEFINE_FINAL_TYPE (AwardsDraftRecipient, awards_draft_recipient, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_KIND,
  PROP_NAME,
  PROP_ORGANISATION,
  PROP_POSITION,
  PROP_AWARD,
  PROP_ACHIEVEMENT,
  PROP_MESSAGE,
  PROP_SAVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char **
string_slot (AwardsDraftRecipient *self,
             guint                 prop_id)
{
  switch (prop_id)
    {
    case PROP_NAME:
      return &self->name;
    case PROP_ORGANISATION:
      return &self->organisation;
    case PROP_POSITION:
      return &self->position;
    case PROP_AWARD:
      return &self->award;
    case PROP_ACHIEVEMENT:
      return &self->achievement;
    case PROP_MESSAGE:
      return &self->message;
    default:
      g_assert_not_reached ();
    }
}

/* Empty text is stored as NULL, so that a cleared entry and an untouched one compare equal. */
static void
set_string_property (AwardsDraftRecipient *self,
                     guint                 prop_id,
                     const char           *value)
{
  char **slot = string_slot (self, prop_id);

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (g_strcmp0 (*slot, value) == 0)
    return;

  g_free (*slot);
  *slot = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
awards_draft_recipient_finalize (GObject *object)
{
  AwardsDraftRecipient *self = AWARDS_DRAFT_RECIPIENT (object);

  g_free (self->name);
  g_free (self->organisation);
  g_free (self->position);
  g_free (self->award);
  g_free (self->achievement);
  g_free (self->message);
  g_clear_object (&self->saved);

  G_OBJECT_CLASS (awards_draft_recipient_parent_class)->finalize (object);
}

static void
awards_draft_recipient_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  AwardsDraftRecipient *self = AWARDS_DRAFT_RECIPIENT (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_NAME:
    case PROP_ORGANISATION:
    case PROP_POSITION:
    case PROP_AWARD:
    case PROP_ACHIEVEMENT:
    case PROP_MESSAGE:
      g_value_set_string (value, *string_slot (self, prop_id));
      break;

    case PROP_SAVED:
      g_value_set_object (value, self->saved);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awards_draft_recipient_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  AwardsDraftRecipient *self = AWARDS_DRAFT_RECIPIENT (object);

  switch (prop_id)
    {
    case PROP_KIND:
      awards_draft_recipient_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_NAME:
    case PROP_ORGANISATION:
    case PROP_POSITION:
    case PROP_AWARD:
    case PROP_ACHIEVEMENT:
    case PROP_MESSAGE:
      set_string_property (self, prop_id, g_value_get_string (value));
      break;

    case PROP_SAVED:
      awards_draft_recipient_set_saved (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awards_draft_recipient_class_init (AwardsDraftRecipientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = awards_draft_recipient_finalize;
  object_class->get_property = awards_draft_recipient_get_property;
  object_class->set_property = awards_draft_recipient_set_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       AWARDS_TYPE_RECIPIENT_KIND, AWARDS_RECIPIENT_KIND_COLLECTIVE, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_ORGANISATION] = g_param_spec_string ("organisation", NULL, NULL, NULL, flags);
  properties[PROP_POSITION] = g_param_spec_string ("position", NULL, NULL, NULL, flags);
  properties[PROP_AWARD] = g_param_spec_string ("award", NULL, NULL, NULL, flags);
  properties[PROP_ACHIEVEMENT] = g_param_spec_string ("achievement", NULL, NULL, NULL, flags);
  properties[PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL, flags);
  properties[PROP_SAVED] =
    g_param_spec_object ("saved", NULL, NULL, AWARDS_TYPE_COMMENDATION, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
awards_draft_recipient_init (AwardsDraftRecipient *self)
{
  self->kind = AWARDS_RECIPIENT_KIND_COLLECTIVE;
}

/**
 * awards_draft_recipient_new:
 * @kind: collective or individual
 *
 * Returns: (transfer full): an empty row
 */
AwardsDraftRecipient *
awards_draft_recipient_new (AwardsRecipientKind kind)
{
  return g_object_new (AWARDS_TYPE_DRAFT_RECIPIENT, "kind", kind, NULL);
}

AwardsRecipientKind
awards_draft_recipient_get_kind (AwardsDraftRecipient *self)
{
  g_return_val_if_fail (AWARDS_IS_DRAFT_RECIPIENT (self), AWARDS_RECIPIENT_KIND_ANY);

  return self->kind;
}

void
awards_draft_recipient_set_kind (AwardsDraftRecipient *self,
                                 AwardsRecipientKind   kind)
{
  g_return_if_fail (AWARDS_IS_DRAFT_RECIPIENT (self));
  g_return_if_fail (kind == AWARDS_RECIPIENT_KIND_COLLECTIVE ||
                    kind == AWARDS_RECIPIENT_KIND_INDIVIDUAL);

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
awards_draft_recipient_get_name (AwardsDraftRecipient *self)
{
  g_return_val_if_fail (AWARDS_IS_DRAFT_RECIPIENT (self), NULL);

  return self->name;
}

void
awards_draft_recipient_set_name (AwardsDraftRecipient *self,
                                 const char           *name)
{
  g_return_if_fail (AWARDS_IS_DRAFT_RECIPIENT (self));

  set_string_property (self, PROP_NAME, name);
}

const char *
awards_draft_recipient_get_organisation (AwardsDraftRecipient *self)
{
  g_return_val_if_fail (AWARDS_IS_DRAFT_RECIPIENT (self), NULL);

  return self->organisation;
}

void
awards_draft_recipient_set_organisation (AwardsDraftRecipient *self,
                                         const char           *organisation)
{
  g_return_if_fail (AWARDS_IS_DRAFT_RECIPIENT (self));

  set_string_property (self, PROP_ORGANISATION, organisation);
}

const char *
awards_draft_recipient_get_position (AwardsDraftRecipient *self)
{
  g_return_val_if_fail (AWARDS_IS_DRAFT_RECIPIENT (self), NULL);

  return self->position;
}

void
awards_draft_recipient_set_position (AwardsDraftRecipient *self,
                                     const char           *position)
{
  g_return_if_fail (AWARDS_IS_DRAFT_RECIPIENT (self));

  set_string_property (self, PROP_POSITION, position);
}

const char *
awards_draft_recipient_get_award (AwardsDraftRecipient *self)
{
  g_return_val_if_fail (AWARDS_IS_DRAFT_RECIPIENT (self), NULL);

  return self->award;
}

void
awards_draft_recipient_set_award (AwardsDraftRecipient *self,
                                  const char           *award)
{
  g_return_if_fail (AWARDS_IS_DRAFT_RECIPIENT (self));

  set_string_property (self, PROP_AWARD, award);
}

const char *
awards_draft_recipient_get_achievement (AwardsDraftRecipient *self)
{
  g_return_val_if_fail (AWARDS_IS_DRAFT_RECIPIENT (self), NULL);

  return self->achievement;
}

void
awards_draft_recipient_set_achievement (AwardsDraftRecipient *self,
                                        const char           *achievement)
{
  g_return_if_fail (AWARDS_IS_DRAFT_RECIPIENT (self));

  set_string_property (self, PROP_ACHIEVEMENT, achievement);
}

/**
 * awards_draft_recipient_get_message:
 * @self: a #AwardsDraftRecipient
 *
 * Returns: (nullable): what is wrong with this row, as a sentence for the user
 */
const char *
awards_draft_recipient_get_message (AwardsDraftRecipient *self)
{
  g_return_val_if_fail (AWARDS_IS_DRAFT_RECIPIENT (self), NULL);

  return self->message;
}

void
awards_draft_recipient_set_message (AwardsDraftRecipient *self,
                                    const char           *message)
{
  g_return_if_fail (AWARDS_IS_DRAFT_RECIPIENT (self));

  set_string_property (self, PROP_MESSAGE, message);
}

/**
 * awards_draft_recipient_get_saved:
 * @self: a #AwardsDraftRecipient
 *
 * Returns: (transfer none) (nullable): the saved award this row was read from, or %NULL for a
 *   row that is new
 */
AwardsCommendation *
awards_draft_recipient_get_saved (AwardsDraftRecipient *self)
{
  g_return_val_if_fail (AWARDS_IS_DRAFT_RECIPIENT (self), NULL);

  return self->saved;
}

/**
 * awards_draft_recipient_set_saved:
 * @self: a #AwardsDraftRecipient
 * @saved: (nullable): the award as it is in the store; it is only read, never changed
 */
void
awards_draft_recipient_set_saved (AwardsDraftRecipient *self,
                                  AwardsCommendation   *saved)
{
  g_return_if_fail (AWARDS_IS_DRAFT_RECIPIENT (self));
  g_return_if_fail (saved == NULL || AWARDS_IS_COMMENDATION (saved));

  if (g_set_object (&self->saved, saved))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVED]);
}

/**
 * awards_draft_recipient_is_blank:
 * @self: a #AwardsDraftRecipient
 *
 * Returns: %TRUE if nothing has been typed into the row and it stands for no saved award;
 *   blank rows are not saved
 */
gboolean
awards_draft_recipient_is_blank (AwardsDraftRecipient *self)
{
  g_return_val_if_fail (AWARDS_IS_DRAFT_RECIPIENT (self), TRUE);

  /* A saved award whose name was cleared is a mistake to show, not a row to drop quietly. */
  return self->saved == NULL && self->name == NULL && self->organisation == NULL &&
         self->position == NULL && self->award == NULL && self->achievement == NULL;
}
