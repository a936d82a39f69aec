#include "config.h"

#include "awards-commendation.h"
#include "awards-enum-types.h"

/**
 * AwardsCommendation:
 *
 * One award to one recipient, with the names as they were on the day.
 *
 * A plain value object: every property is read-write and notifies only when its
 * value really changes. Editors work on a copy made with awards_commendation_copy().
 */

struct _AwardsCommendation
{
  GObject              parent_instance;

  gint64               id;
  gint64               decision_id;
  char                *decision_number;
  char                *date;
  gint64               authority_id;
  char                *authority_name;
  gint64               award_type_id;
  char                *award_name;
  int                  award_rank;
  AwardsRecipientKind  recipient_kind;
  gint64               organisation_id;
  gint64               person_id;
  char                *recipient_name;
  gint64               organisation_at_time_id;
  char                *organisation_at_time_name;
  char                *position;
  char                *achievement;
  char                *period;
  char                *register_number;
  gboolean             revoked;
  gint64                   row_version;  /* as read with the fields; -1 when not read */
};

G_DEFINE_FINAL_TYPE (AwardsCommendation, awards_commendation, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_DECISION_ID,
  PROP_DECISION_NUMBER,
  PROP_DATE,
  PROP_AUTHORITY_ID,
  PROP_AUTHORITY_NAME,
  PROP_AWARD_TYPE_ID,
  PROP_AWARD_NAME,
  PROP_AWARD_RANK,
  PROP_RECIPIENT_KIND,
  PROP_ORGANISATION_ID,
  PROP_PERSON_ID,
  PROP_RECIPIENT_NAME,
  PROP_ORGANISATION_AT_TIME_ID,
  PROP_ORGANISATION_AT_TIME_NAME,
  PROP_POSITION,
  PROP_ACHIEVEMENT,
  PROP_PERIOD,
  PROP_REGISTER_NUMBER,
  PROP_REVOKED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Replaces *slot with a copy of value and says whether that changed anything. The copy is
 * made before the old string is freed because value may point into it. */
static gboolean
set_string (char       **slot,
            const char  *value)
{
  char *old;

  if (g_strcmp0 (*slot, value) == 0)
    return FALSE;

  old = *slot;
  *slot = g_strdup (value);
  g_free (old);

  return TRUE;
}

static void
awards_commendation_finalize (GObject *object)
{
  AwardsCommendation *self = (AwardsCommendation *) object;

  g_clear_pointer (&self->decision_number, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->authority_name, g_free);
  g_clear_pointer (&self->award_name, g_free);
  g_clear_pointer (&self->recipient_name, g_free);
  g_clear_pointer (&self->organisation_at_time_name, g_free);
  g_clear_pointer (&self->position, g_free);
  g_clear_pointer (&self->achievement, g_free);
  g_clear_pointer (&self->period, g_free);
  g_clear_pointer (&self->register_number, g_free);

  G_OBJECT_CLASS (awards_commendation_parent_class)->finalize (object);
}

static void
awards_commendation_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AwardsCommendation *self = AWARDS_COMMENDATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_DECISION_ID:
      g_value_set_int64 (value, self->decision_id);
      break;

    case PROP_DECISION_NUMBER:
      g_value_set_string (value, self->decision_number);
      break;

    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    case PROP_AUTHORITY_ID:
      g_value_set_int64 (value, self->authority_id);
      break;

    case PROP_AUTHORITY_NAME:
      g_value_set_string (value, self->authority_name);
      break;

    case PROP_AWARD_TYPE_ID:
      g_value_set_int64 (value, self->award_type_id);
      break;

    case PROP_AWARD_NAME:
      g_value_set_string (value, self->award_name);
      break;

    case PROP_AWARD_RANK:
      g_value_set_int (value, self->award_rank);
      break;

    case PROP_RECIPIENT_KIND:
      g_value_set_enum (value, self->recipient_kind);
      break;

    case PROP_ORGANISATION_ID:
      g_value_set_int64 (value, self->organisation_id);
      break;

    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;

    case PROP_RECIPIENT_NAME:
      g_value_set_string (value, self->recipient_name);
      break;

    case PROP_ORGANISATION_AT_TIME_ID:
      g_value_set_int64 (value, self->organisation_at_time_id);
      break;

    case PROP_ORGANISATION_AT_TIME_NAME:
      g_value_set_string (value, self->organisation_at_time_name);
      break;

    case PROP_POSITION:
      g_value_set_string (value, self->position);
      break;

    case PROP_ACHIEVEMENT:
      g_value_set_string (value, self->achievement);
      break;

    case PROP_PERIOD:
      g_value_set_string (value, self->period);
      break;

    case PROP_REGISTER_NUMBER:
      g_value_set_string (value, self->register_number);
      break;

    case PROP_REVOKED:
      g_value_set_boolean (value, self->revoked);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awards_commendation_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AwardsCommendation *self = AWARDS_COMMENDATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      awards_commendation_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_DECISION_ID:
      awards_commendation_set_decision_id (self, g_value_get_int64 (value));
      break;

    case PROP_DECISION_NUMBER:
      awards_commendation_set_decision_number (self, g_value_get_string (value));
      break;

    case PROP_DATE:
      awards_commendation_set_date (self, g_value_get_string (value));
      break;

    case PROP_AUTHORITY_ID:
      awards_commendation_set_authority_id (self, g_value_get_int64 (value));
      break;

    case PROP_AUTHORITY_NAME:
      awards_commendation_set_authority_name (self, g_value_get_string (value));
      break;

    case PROP_AWARD_TYPE_ID:
      awards_commendation_set_award_type_id (self, g_value_get_int64 (value));
      break;

    case PROP_AWARD_NAME:
      awards_commendation_set_award_name (self, g_value_get_string (value));
      break;

    case PROP_AWARD_RANK:
      awards_commendation_set_award_rank (self, g_value_get_int (value));
      break;

    case PROP_RECIPIENT_KIND:
      awards_commendation_set_recipient_kind (self, g_value_get_enum (value));
      break;

    case PROP_ORGANISATION_ID:
      awards_commendation_set_organisation_id (self, g_value_get_int64 (value));
      break;

    case PROP_PERSON_ID:
      awards_commendation_set_person_id (self, g_value_get_int64 (value));
      break;

    case PROP_RECIPIENT_NAME:
      awards_commendation_set_recipient_name (self, g_value_get_string (value));
      break;

    case PROP_ORGANISATION_AT_TIME_ID:
      awards_commendation_set_organisation_at_time_id (self, g_value_get_int64 (value));
      break;

    case PROP_ORGANISATION_AT_TIME_NAME:
      awards_commendation_set_organisation_at_time_name (self, g_value_get_string (value));
      break;

    case PROP_POSITION:
      awards_commendation_set_position (self, g_value_get_string (value));
      break;

    case PROP_ACHIEVEMENT:
      awards_commendation_set_achievement (self, g_value_get_string (value));
      break;

    case PROP_PERIOD:
      awards_commendation_set_period (self, g_value_get_string (value));
      break;

    case PROP_REGISTER_NUMBER:
      awards_commendation_set_register_number (self, g_value_get_string (value));
      break;

    case PROP_REVOKED:
      awards_commendation_set_revoked (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awards_commendation_class_init (AwardsCommendationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = awards_commendation_finalize;
  object_class->get_property = awards_commendation_get_property;
  object_class->set_property = awards_commendation_set_property;

  /**
   * AwardsCommendation:id:
   *
   * The database row id, or 0 while the commendation is not saved.
   */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AwardsCommendation:decision-id:
   *
   * The id of the decision, or 0.
   */
  properties[PROP_DECISION_ID] =
    g_param_spec_int64 ("decision-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AwardsCommendation:decision-number:
   *
   * The decision number, as the store read it, or %NULL.
   */
  properties[PROP_DECISION_NUMBER] =
    g_param_spec_string ("decision-number", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AwardsCommendation:date:
   *
   * The date of the award as "YYYY-MM-DD".
   */
  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AwardsCommendation:authority-id:
   *
   * The id of the granting authority, or 0.
   */
  properties[PROP_AUTHORITY_ID] =
    g_param_spec_int64 ("authority-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AwardsCommendation:authority-name:
   *
   * The granting authority's name, as the store read it, or %NULL.
   */
  properties[PROP_AUTHORITY_NAME] =
    g_param_spec_string ("authority-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AwardsCommendation:award-type-id:
   *
   * The id of the award type, or 0.
   */
  properties[PROP_AWARD_TYPE_ID] =
    g_param_spec_int64 ("award-type-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AwardsCommendation:award-name:
   *
   * The award type's name, as the store read it, or %NULL.
   */
  properties[PROP_AWARD_NAME] =
    g_param_spec_string ("award-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AwardsCommendation:award-rank:
   *
   * The award type's rank, as the store read it.
   */
  properties[PROP_AWARD_RANK] =
    g_param_spec_int ("award-rank", NULL, NULL,
                      G_MININT, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AwardsCommendation:recipient-kind:
   *
   * Whether an organisation or a person received the award; %AWARDS_RECIPIENT_KIND_ANY while not
   * chosen yet.
   */
  properties[PROP_RECIPIENT_KIND] =
    g_param_spec_enum ("recipient-kind", NULL, NULL,
                       AWARDS_TYPE_RECIPIENT_KIND, AWARDS_RECIPIENT_KIND_ANY,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AwardsCommendation:organisation-id:
   *
   * The id of the receiving organisation for a collective award, or 0.
   */
  properties[PROP_ORGANISATION_ID] =
    g_param_spec_int64 ("organisation-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AwardsCommendation:person-id:
   *
   * The id of the receiving person for an individual award, or 0.
   */
  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AwardsCommendation:recipient-name:
   *
   * The recipient's name on the day of the award.
   */
  properties[PROP_RECIPIENT_NAME] =
    g_param_spec_string ("recipient-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AwardsCommendation:organisation-at-time-id:
   *
   * For an individual award, the id of the person's organisation on the day, or 0.
   */
  properties[PROP_ORGANISATION_AT_TIME_ID] =
    g_param_spec_int64 ("organisation-at-time-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AwardsCommendation:organisation-at-time-name:
   *
   * For an individual award, the name of the person's organisation on the day, or %NULL.
   */
  properties[PROP_ORGANISATION_AT_TIME_NAME] =
    g_param_spec_string ("organisation-at-time-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AwardsCommendation:position:
   *
   * For an individual award, the person's position on the day, or %NULL.
   */
  properties[PROP_POSITION] =
    g_param_spec_string ("position", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AwardsCommendation:achievement:
   *
   * The achievement the award was given for (thành tích), or %NULL.
   */
  properties[PROP_ACHIEVEMENT] =
    g_param_spec_string ("achievement", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AwardsCommendation:period:
   *
   * The period the achievement covers, e.g. "2011", or %NULL.
   */
  properties[PROP_PERIOD] =
    g_param_spec_string ("period", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AwardsCommendation:register-number:
   *
   * The golden-book register number (số sổ vàng), or %NULL.
   */
  properties[PROP_REGISTER_NUMBER] =
    g_param_spec_string ("register-number", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AwardsCommendation:revoked:
   *
   * Whether the award was revoked.
   */
  properties[PROP_REVOKED] =
    g_param_spec_boolean ("revoked", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
awards_commendation_init (AwardsCommendation *self)
{
  self->row_version = -1;
}

/**
 * awards_commendation_new:
 *
 * Creates an empty, unsaved commendation.
 *
 * Returns: (transfer full): a new #AwardsCommendation
 */
AwardsCommendation *
awards_commendation_new (void)
{
  return g_object_new (AWARDS_TYPE_COMMENDATION, NULL);
}

/**
 * awards_commendation_copy:
 * @self: an #AwardsCommendation
 *
 * Copies every property of @self, the id included, into a new object, so that an
 * editor can change the copy and leave @self alone until it is saved.
 *
 * Returns: (transfer full): a new #AwardsCommendation
 */
AwardsCommendation *
awards_commendation_copy (AwardsCommendation *self)
{
  AwardsCommendation *copy;

  g_return_val_if_fail (AWARDS_IS_COMMENDATION (self), NULL);

  copy = awards_commendation_new ();
  copy->id = self->id;
  copy->row_version = self->row_version;
  copy->decision_id = self->decision_id;
  copy->decision_number = g_strdup (self->decision_number);
  copy->date = g_strdup (self->date);
  copy->authority_id = self->authority_id;
  copy->authority_name = g_strdup (self->authority_name);
  copy->award_type_id = self->award_type_id;
  copy->award_name = g_strdup (self->award_name);
  copy->award_rank = self->award_rank;
  copy->recipient_kind = self->recipient_kind;
  copy->organisation_id = self->organisation_id;
  copy->person_id = self->person_id;
  copy->recipient_name = g_strdup (self->recipient_name);
  copy->organisation_at_time_id = self->organisation_at_time_id;
  copy->organisation_at_time_name = g_strdup (self->organisation_at_time_name);
  copy->position = g_strdup (self->position);
  copy->achievement = g_strdup (self->achievement);
  copy->period = g_strdup (self->period);
  copy->register_number = g_strdup (self->register_number);
  copy->revoked = self->revoked;

  return copy;
}

gint64
awards_commendation_get_id (AwardsCommendation *self)
{
  g_return_val_if_fail (AWARDS_IS_COMMENDATION (self), 0);

  return self->id;
}

void
awards_commendation_set_id (AwardsCommendation *self,
                            gint64              id)
{
  g_return_if_fail (AWARDS_IS_COMMENDATION (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
awards_commendation_get_decision_id (AwardsCommendation *self)
{
  g_return_val_if_fail (AWARDS_IS_COMMENDATION (self), 0);

  return self->decision_id;
}

void
awards_commendation_set_decision_id (AwardsCommendation *self,
                                     gint64              decision_id)
{
  g_return_if_fail (AWARDS_IS_COMMENDATION (self));
  g_return_if_fail (decision_id >= 0);

  if (self->decision_id == decision_id)
    return;

  self->decision_id = decision_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DECISION_ID]);
}

const char *
awards_commendation_get_decision_number (AwardsCommendation *self)
{
  g_return_val_if_fail (AWARDS_IS_COMMENDATION (self), NULL);

  return self->decision_number;
}

void
awards_commendation_set_decision_number (AwardsCommendation *self,
                                         const char         *decision_number)
{
  g_return_if_fail (AWARDS_IS_COMMENDATION (self));

  if (set_string (&self->decision_number, decision_number))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DECISION_NUMBER]);
}

const char *
awards_commendation_get_date (AwardsCommendation *self)
{
  g_return_val_if_fail (AWARDS_IS_COMMENDATION (self), NULL);

  return self->date;
}

void
awards_commendation_set_date (AwardsCommendation *self,
                              const char         *date)
{
  g_return_if_fail (AWARDS_IS_COMMENDATION (self));

  if (set_string (&self->date, date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

gint64
awards_commendation_get_authority_id (AwardsCommendation *self)
{
  g_return_val_if_fail (AWARDS_IS_COMMENDATION (self), 0);

  return self->authority_id;
}

void
awards_commendation_set_authority_id (AwardsCommendation *self,
                                      gint64              authority_id)
{
  g_return_if_fail (AWARDS_IS_COMMENDATION (self));
  g_return_if_fail (authority_id >= 0);

  if (self->authority_id == authority_id)
    return;

  self->authority_id = authority_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHORITY_ID]);
}

const char *
awards_commendation_get_authority_name (AwardsCommendation *self)
{
  g_return_val_if_fail (AWARDS_IS_COMMENDATION (self), NULL);

  return self->authority_name;
}

void
awards_commendation_set_authority_name (AwardsCommendation *self,
                                        const char         *authority_name)
{
  g_return_if_fail (AWARDS_IS_COMMENDATION (self));

  if (set_string (&self->authority_name, authority_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHORITY_NAME]);
}

gint64
awards_commendation_get_award_type_id (AwardsCommendation *self)
{
  g_return_val_if_fail (AWARDS_IS_COMMENDATION (self), 0);

  return self->award_type_id;
}

void
awards_commendation_set_award_type_id (AwardsCommendation *self,
                                       gint64              award_type_id)
{
  g_return_if_fail (AWARDS_IS_COMMENDATION (self));
  g_return_if_fail (award_type_id >= 0);

  if (self->award_type_id == award_type_id)
    return;

  self->award_type_id = award_type_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AWARD_TYPE_ID]);
}

const char *
awards_commendation_get_award_name (AwardsCommendation *self)
{
  g_return_val_if_fail (AWARDS_IS_COMMENDATION (self), NULL);

  return self->award_name;
}

void
awards_commendation_set_award_name (AwardsCommendation *self,
                                    const char         *award_name)
{
  g_return_if_fail (AWARDS_IS_COMMENDATION (self));

  if (set_string (&self->award_name, award_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AWARD_NAME]);
}

int
awards_commendation_get_award_rank (AwardsCommendation *self)
{
  g_return_val_if_fail (AWARDS_IS_COMMENDATION (self), 0);

  return self->award_rank;
}

void
awards_commendation_set_award_rank (AwardsCommendation *self,
                                    int                 award_rank)
{
  g_return_if_fail (AWARDS_IS_COMMENDATION (self));

  if (self->award_rank == award_rank)
    return;

  self->award_rank = award_rank;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AWARD_RANK]);
}

AwardsRecipientKind
awards_commendation_get_recipient_kind (AwardsCommendation *self)
{
  g_return_val_if_fail (AWARDS_IS_COMMENDATION (self), AWARDS_RECIPIENT_KIND_ANY);

  return self->recipient_kind;
}

void
awards_commendation_set_recipient_kind (AwardsCommendation  *self,
                                        AwardsRecipientKind  recipient_kind)
{
  g_return_if_fail (AWARDS_IS_COMMENDATION (self));
  g_return_if_fail (recipient_kind <= AWARDS_RECIPIENT_KIND_INDIVIDUAL);

  if (self->recipient_kind == recipient_kind)
    return;

  self->recipient_kind = recipient_kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECIPIENT_KIND]);
}

gint64
awards_commendation_get_organisation_id (AwardsCommendation *self)
{
  g_return_val_if_fail (AWARDS_IS_COMMENDATION (self), 0);

  return self->organisation_id;
}

void
awards_commendation_set_organisation_id (AwardsCommendation *self,
                                         gint64              organisation_id)
{
  g_return_if_fail (AWARDS_IS_COMMENDATION (self));
  g_return_if_fail (organisation_id >= 0);

  if (self->organisation_id == organisation_id)
    return;

  self->organisation_id = organisation_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANISATION_ID]);
}

gint64
awards_commendation_get_person_id (AwardsCommendation *self)
{
  g_return_val_if_fail (AWARDS_IS_COMMENDATION (self), 0);

  return self->person_id;
}

void
awards_commendation_set_person_id (AwardsCommendation *self,
                                   gint64              person_id)
{
  g_return_if_fail (AWARDS_IS_COMMENDATION (self));
  g_return_if_fail (person_id >= 0);

  if (self->person_id == person_id)
    return;

  self->person_id = person_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_ID]);
}

const char *
awards_commendation_get_recipient_name (AwardsCommendation *self)
{
  g_return_val_if_fail (AWARDS_IS_COMMENDATION (self), NULL);

  return self->recipient_name;
}

void
awards_commendation_set_recipient_name (AwardsCommendation *self,
                                        const char         *recipient_name)
{
  g_return_if_fail (AWARDS_IS_COMMENDATION (self));

  if (set_string (&self->recipient_name, recipient_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECIPIENT_NAME]);
}

gint64
awards_commendation_get_organisation_at_time_id (AwardsCommendation *self)
{
  g_return_val_if_fail (AWARDS_IS_COMMENDATION (self), 0);

  return self->organisation_at_time_id;
}

void
awards_commendation_set_organisation_at_time_id (AwardsCommendation *self,
                                                 gint64              organisation_id)
{
  g_return_if_fail (AWARDS_IS_COMMENDATION (self));
  g_return_if_fail (organisation_id >= 0);

  if (self->organisation_at_time_id == organisation_id)
    return;

  self->organisation_at_time_id = organisation_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANISATION_AT_TIME_ID]);
}

const char *
awards_commendation_get_organisation_at_time_name (AwardsCommendation *self)
{
  g_return_val_if_fail (AWARDS_IS_COMMENDATION (self), NULL);

  return self->organisation_at_time_name;
}

void
awards_commendation_set_organisation_at_time_name (AwardsCommendation *self,
                                                   const char         *name)
{
  g_return_if_fail (AWARDS_IS_COMMENDATION (self));

  if (set_string (&self->organisation_at_time_name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANISATION_AT_TIME_NAME]);
}

const char *
awards_commendation_get_position (AwardsCommendation *self)
{
  g_return_val_if_fail (AWARDS_IS_COMMENDATION (self), NULL);

  return self->position;
}

void
awards_commendation_set_position (AwardsCommendation *self,
                                  const char         *position)
{
  g_return_if_fail (AWARDS_IS_COMMENDATION (self));

  if (set_string (&self->position, position))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

const char *
awards_commendation_get_achievement (AwardsCommendation *self)
{
  g_return_val_if_fail (AWARDS_IS_COMMENDATION (self), NULL);

  return self->achievement;
}

void
awards_commendation_set_achievement (AwardsCommendation *self,
                                     const char         *achievement)
{
  g_return_if_fail (AWARDS_IS_COMMENDATION (self));

  if (set_string (&self->achievement, achievement))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACHIEVEMENT]);
}

const char *
awards_commendation_get_period (AwardsCommendation *self)
{
  g_return_val_if_fail (AWARDS_IS_COMMENDATION (self), NULL);

  return self->period;
}

void
awards_commendation_set_period (AwardsCommendation *self,
                                const char         *period)
{
  g_return_if_fail (AWARDS_IS_COMMENDATION (self));

  if (set_string (&self->period, period))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD]);
}

const char *
awards_commendation_get_register_number (AwardsCommendation *self)
{
  g_return_val_if_fail (AWARDS_IS_COMMENDATION (self), NULL);

  return self->register_number;
}

void
awards_commendation_set_register_number (AwardsCommendation *self,
                                         const char         *register_number)
{
  g_return_if_fail (AWARDS_IS_COMMENDATION (self));

  if (set_string (&self->register_number, register_number))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGISTER_NUMBER]);
}

gboolean
awards_commendation_get_revoked (AwardsCommendation *self)
{
  g_return_val_if_fail (AWARDS_IS_COMMENDATION (self), FALSE);

  return self->revoked;
}

void
awards_commendation_set_revoked (AwardsCommendation *self,
                                 gboolean            revoked)
{
  g_return_if_fail (AWARDS_IS_COMMENDATION (self));

  revoked = !!revoked;

  if (self->revoked == revoked)
    return;

  self->revoked = revoked;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVOKED]);
}

/**
 * awards_commendation_get_row_version:
 *
 * Returns: the record's row version as it was read with its fields (see
 *   awards_store_get_row_version ()), or -1 for a record not read from the store
 */
gint64
awards_commendation_get_row_version (AwardsCommendation *self)
{
  g_return_val_if_fail (AWARDS_IS_COMMENDATION (self), -1);

  return self->row_version;
}

void
awards_commendation_set_row_version (AwardsCommendation *self,
                                     gint64             row_version)
{
  g_return_if_fail (AWARDS_IS_COMMENDATION (self));

  self->row_version = row_version;
}
