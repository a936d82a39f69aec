#include "config.h"

#include "awards-decision.h"
#include "awards-enum-types.h"

/**
 * AwardsDecision:
 *
 * A commendation decision (quyết định khen thưởng) and its header data.
 *
 * A plain value object: every property is read-write and notifies only when its
 * value really changes. Editors work on a copy made with awards_decision_copy().
 */

struct _AwardsDecision
{
  GObject             parent_instance;

  gint64              id;
  char               *number;
  char               *date;
  gint64              authority_id;
  char               *authority_name;
  char               *signer_name;
  char               *signer_title;
  char               *occasion;
  AwardsDecisionKind  kind;
  char               *notes;
  guint               recipient_count;
};

G_DEFINE_FINAL_TYPE (AwardsDecision, awards_decision, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_NUMBER,
  PROP_DATE,
  PROP_AUTHORITY_ID,
  PROP_AUTHORITY_NAME,
  PROP_SIGNER_NAME,
  PROP_SIGNER_TITLE,
  PROP_OCCASION,
  PROP_KIND,
  PROP_NOTES,
  PROP_RECIPIENT_COUNT,
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
awards_decision_finalize (GObject *object)
{
  AwardsDecision *self = (AwardsDecision *) object;

  g_clear_pointer (&self->number, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->authority_name, g_free);
  g_clear_pointer (&self->signer_name, g_free);
  g_clear_pointer (&self->signer_title, g_free);
  g_clear_pointer (&self->occasion, g_free);
  g_clear_pointer (&self->notes, g_free);

  G_OBJECT_CLASS (awards_decision_parent_class)->finalize (object);
}

static void
awards_decision_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AwardsDecision *self = AWARDS_DECISION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NUMBER:
      g_value_set_string (value, self->number);
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

    case PROP_SIGNER_NAME:
      g_value_set_string (value, self->signer_name);
      break;

    case PROP_SIGNER_TITLE:
      g_value_set_string (value, self->signer_title);
      break;

    case PROP_OCCASION:
      g_value_set_string (value, self->occasion);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_RECIPIENT_COUNT:
      g_value_set_uint (value, self->recipient_count);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awards_decision_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AwardsDecision *self = AWARDS_DECISION (object);

  switch (prop_id)
    {
    case PROP_ID:
      awards_decision_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_NUMBER:
      awards_decision_set_number (self, g_value_get_string (value));
      break;

    case PROP_DATE:
      awards_decision_set_date (self, g_value_get_string (value));
      break;

    case PROP_AUTHORITY_ID:
      awards_decision_set_authority_id (self, g_value_get_int64 (value));
      break;

    case PROP_AUTHORITY_NAME:
      awards_decision_set_authority_name (self, g_value_get_string (value));
      break;

    case PROP_SIGNER_NAME:
      awards_decision_set_signer_name (self, g_value_get_string (value));
      break;

    case PROP_SIGNER_TITLE:
      awards_decision_set_signer_title (self, g_value_get_string (value));
      break;

    case PROP_OCCASION:
      awards_decision_set_occasion (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      awards_decision_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_NOTES:
      awards_decision_set_notes (self, g_value_get_string (value));
      break;

    case PROP_RECIPIENT_COUNT:
      awards_decision_set_recipient_count (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awards_decision_class_init (AwardsDecisionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = awards_decision_finalize;
  object_class->get_property = awards_decision_get_property;
  object_class->set_property = awards_decision_set_property;

  /**
   * AwardsDecision:id:
   *
   * The database row id, or 0 while the decision is not saved.
   */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AwardsDecision:number:
   *
   * The decision number, e.g. "1234/QĐ-UBND", or %NULL.
   */
  properties[PROP_NUMBER] =
    g_param_spec_string ("number", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AwardsDecision:date:
   *
   * The decision date as "YYYY-MM-DD".
   */
  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AwardsDecision:authority-id:
   *
   * The id of the granting authority, or 0.
   */
  properties[PROP_AUTHORITY_ID] =
    g_param_spec_int64 ("authority-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AwardsDecision:authority-name:
   *
   * The granting authority's name, as the store read it, or %NULL.
   */
  properties[PROP_AUTHORITY_NAME] =
    g_param_spec_string ("authority-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AwardsDecision:signer-name:
   *
   * The name of the person who signed the decision, or %NULL.
   */
  properties[PROP_SIGNER_NAME] =
    g_param_spec_string ("signer-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AwardsDecision:signer-title:
   *
   * The signer's title, e.g. "Chủ tịch", or %NULL.
   */
  properties[PROP_SIGNER_TITLE] =
    g_param_spec_string ("signer-title", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AwardsDecision:occasion:
   *
   * The occasion, e.g. a year-end review, or %NULL.
   */
  properties[PROP_OCCASION] =
    g_param_spec_string ("occasion", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AwardsDecision:kind:
   *
   * Whether the decision is annual, for a campaign, exceptional or for a career.
   */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       AWARDS_TYPE_DECISION_KIND, AWARDS_DECISION_KIND_ANNUAL,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AwardsDecision:notes:
   *
   * Free-form notes, or %NULL.
   */
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AwardsDecision:recipient-count:
   *
   * How many commendations the decision holds, as the store counted them.
   */
  properties[PROP_RECIPIENT_COUNT] =
    g_param_spec_uint ("recipient-count", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
awards_decision_init (AwardsDecision *self)
{
}

/**
 * awards_decision_new:
 *
 * Creates an empty, unsaved decision.
 *
 * Returns: (transfer full): a new #AwardsDecision
 */
AwardsDecision *
awards_decision_new (void)
{
  return g_object_new (AWARDS_TYPE_DECISION, NULL);
}

/**
 * awards_decision_copy:
 * @self: an #AwardsDecision
 *
 * Copies every property of @self, the id included, into a new object, so that an
 * editor can change the copy and leave @self alone until it is saved.
 *
 * Returns: (transfer full): a new #AwardsDecision
 */
AwardsDecision *
awards_decision_copy (AwardsDecision *self)
{
  AwardsDecision *copy;

  g_return_val_if_fail (AWARDS_IS_DECISION (self), NULL);

  copy = awards_decision_new ();
  copy->id = self->id;
  copy->number = g_strdup (self->number);
  copy->date = g_strdup (self->date);
  copy->authority_id = self->authority_id;
  copy->authority_name = g_strdup (self->authority_name);
  copy->signer_name = g_strdup (self->signer_name);
  copy->signer_title = g_strdup (self->signer_title);
  copy->occasion = g_strdup (self->occasion);
  copy->kind = self->kind;
  copy->notes = g_strdup (self->notes);
  copy->recipient_count = self->recipient_count;

  return copy;
}

gint64
awards_decision_get_id (AwardsDecision *self)
{
  g_return_val_if_fail (AWARDS_IS_DECISION (self), 0);

  return self->id;
}

void
awards_decision_set_id (AwardsDecision *self,
                        gint64          id)
{
  g_return_if_fail (AWARDS_IS_DECISION (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
awards_decision_get_number (AwardsDecision *self)
{
  g_return_val_if_fail (AWARDS_IS_DECISION (self), NULL);

  return self->number;
}

void
awards_decision_set_number (AwardsDecision *self,
                            const char     *number)
{
  g_return_if_fail (AWARDS_IS_DECISION (self));

  if (set_string (&self->number, number))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUMBER]);
}

const char *
awards_decision_get_date (AwardsDecision *self)
{
  g_return_val_if_fail (AWARDS_IS_DECISION (self), NULL);

  return self->date;
}

void
awards_decision_set_date (AwardsDecision *self,
                          const char     *date)
{
  g_return_if_fail (AWARDS_IS_DECISION (self));

  if (set_string (&self->date, date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

gint64
awards_decision_get_authority_id (AwardsDecision *self)
{
  g_return_val_if_fail (AWARDS_IS_DECISION (self), 0);

  return self->authority_id;
}

void
awards_decision_set_authority_id (AwardsDecision *self,
                                  gint64          authority_id)
{
  g_return_if_fail (AWARDS_IS_DECISION (self));
  g_return_if_fail (authority_id >= 0);

  if (self->authority_id == authority_id)
    return;

  self->authority_id = authority_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHORITY_ID]);
}

const char *
awards_decision_get_authority_name (AwardsDecision *self)
{
  g_return_val_if_fail (AWARDS_IS_DECISION (self), NULL);

  return self->authority_name;
}

void
awards_decision_set_authority_name (AwardsDecision *self,
                                    const char     *authority_name)
{
  g_return_if_fail (AWARDS_IS_DECISION (self));

  if (set_string (&self->authority_name, authority_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHORITY_NAME]);
}

const char *
awards_decision_get_signer_name (AwardsDecision *self)
{
  g_return_val_if_fail (AWARDS_IS_DECISION (self), NULL);

  return self->signer_name;
}

void
awards_decision_set_signer_name (AwardsDecision *self,
                                 const char     *signer_name)
{
  g_return_if_fail (AWARDS_IS_DECISION (self));

  if (set_string (&self->signer_name, signer_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGNER_NAME]);
}

const char *
awards_decision_get_signer_title (AwardsDecision *self)
{
  g_return_val_if_fail (AWARDS_IS_DECISION (self), NULL);

  return self->signer_title;
}

void
awards_decision_set_signer_title (AwardsDecision *self,
                                  const char     *signer_title)
{
  g_return_if_fail (AWARDS_IS_DECISION (self));

  if (set_string (&self->signer_title, signer_title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGNER_TITLE]);
}

const char *
awards_decision_get_occasion (AwardsDecision *self)
{
  g_return_val_if_fail (AWARDS_IS_DECISION (self), NULL);

  return self->occasion;
}

void
awards_decision_set_occasion (AwardsDecision *self,
                              const char     *occasion)
{
  g_return_if_fail (AWARDS_IS_DECISION (self));

  if (set_string (&self->occasion, occasion))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OCCASION]);
}

AwardsDecisionKind
awards_decision_get_kind (AwardsDecision *self)
{
  g_return_val_if_fail (AWARDS_IS_DECISION (self), AWARDS_DECISION_KIND_ANNUAL);

  return self->kind;
}

void
awards_decision_set_kind (AwardsDecision     *self,
                          AwardsDecisionKind  kind)
{
  g_return_if_fail (AWARDS_IS_DECISION (self));
  g_return_if_fail (kind <= AWARDS_DECISION_KIND_CAREER);

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
awards_decision_get_notes (AwardsDecision *self)
{
  g_return_val_if_fail (AWARDS_IS_DECISION (self), NULL);

  return self->notes;
}

void
awards_decision_set_notes (AwardsDecision *self,
                           const char     *notes)
{
  g_return_if_fail (AWARDS_IS_DECISION (self));

  if (set_string (&self->notes, notes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

guint
awards_decision_get_recipient_count (AwardsDecision *self)
{
  g_return_val_if_fail (AWARDS_IS_DECISION (self), 0);

  return self->recipient_count;
}

void
awards_decision_set_recipient_count (AwardsDecision *self,
                                     guint           recipient_count)
{
  g_return_if_fail (AWARDS_IS_DECISION (self));

  if (self->recipient_count == recipient_count)
    return;

  self->recipient_count = recipient_count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECIPIENT_COUNT]);
}
