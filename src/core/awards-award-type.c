#include "config.h"

#include "awards-award-type.h"
#include "awards-enum-types.h"

/**
 * AwardsAwardType:
 *
 * An entry of the award catalogue: an emulation title or a commendation form.
 *
 * A plain value object: every property is read-write and notifies only when its
 * value really changes. Editors work on a copy made with awards_award_type_copy().
 */

struct _AwardsAwardType
{
  GObject              parent_instance;

  gint64               id;
  char                *name;
  AwardsAwardCategory  category;
  AwardsEligibility    eligibility;
  int                  rank;
};

G_DEFINE_FINAL_TYPE (AwardsAwardType, awards_award_type, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_CATEGORY,
  PROP_ELIGIBILITY,
  PROP_RANK,
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
awards_award_type_finalize (GObject *object)
{
  AwardsAwardType *self = (AwardsAwardType *) object;

  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (awards_award_type_parent_class)->finalize (object);
}

static void
awards_award_type_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AwardsAwardType *self = AWARDS_AWARD_TYPE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_CATEGORY:
      g_value_set_enum (value, self->category);
      break;

    case PROP_ELIGIBILITY:
      g_value_set_enum (value, self->eligibility);
      break;

    case PROP_RANK:
      g_value_set_int (value, self->rank);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awards_award_type_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AwardsAwardType *self = AWARDS_AWARD_TYPE (object);

  switch (prop_id)
    {
    case PROP_ID:
      awards_award_type_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_NAME:
      awards_award_type_set_name (self, g_value_get_string (value));
      break;

    case PROP_CATEGORY:
      awards_award_type_set_category (self, g_value_get_enum (value));
      break;

    case PROP_ELIGIBILITY:
      awards_award_type_set_eligibility (self, g_value_get_enum (value));
      break;

    case PROP_RANK:
      awards_award_type_set_rank (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awards_award_type_class_init (AwardsAwardTypeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = awards_award_type_finalize;
  object_class->get_property = awards_award_type_get_property;
  object_class->set_property = awards_award_type_set_property;

  /**
   * AwardsAwardType:id:
   *
   * The database row id, or 0 while the award type is not saved.
   */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AwardsAwardType:name:
   *
   * The award's name, e.g. "Bằng khen".
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AwardsAwardType:category:
   *
   * Whether the award is an emulation title or a commendation form.
   */
  properties[PROP_CATEGORY] =
    g_param_spec_enum ("category", NULL, NULL,
                       AWARDS_TYPE_AWARD_CATEGORY, AWARDS_AWARD_CATEGORY_FORM,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AwardsAwardType:eligibility:
   *
   * Who may receive the award.
   */
  properties[PROP_ELIGIBILITY] =
    g_param_spec_enum ("eligibility", NULL, NULL,
                       AWARDS_TYPE_ELIGIBILITY, AWARDS_ELIGIBILITY_BOTH,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AwardsAwardType:rank:
   *
   * The award's place in the catalogue order, used to sort awards.
   */
  properties[PROP_RANK] =
    g_param_spec_int ("rank", NULL, NULL,
                      G_MININT, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
awards_award_type_init (AwardsAwardType *self)
{
}

/**
 * awards_award_type_new:
 *
 * Creates an empty, unsaved award type.
 *
 * Returns: (transfer full): a new #AwardsAwardType
 */
AwardsAwardType *
awards_award_type_new (void)
{
  return g_object_new (AWARDS_TYPE_AWARD_TYPE, NULL);
}

/**
 * awards_award_type_copy:
 * @self: an #AwardsAwardType
 *
 * Copies every property of @self, the id included, into a new object, so that an
 * editor can change the copy and leave @self alone until it is saved.
 *
 * Returns: (transfer full): a new #AwardsAwardType
 */
AwardsAwardType *
awards_award_type_copy (AwardsAwardType *self)
{
  AwardsAwardType *copy;

  g_return_val_if_fail (AWARDS_IS_AWARD_TYPE (self), NULL);

  copy = awards_award_type_new ();
  copy->id = self->id;
  copy->name = g_strdup (self->name);
  copy->category = self->category;
  copy->eligibility = self->eligibility;
  copy->rank = self->rank;

  return copy;
}

gint64
awards_award_type_get_id (AwardsAwardType *self)
{
  g_return_val_if_fail (AWARDS_IS_AWARD_TYPE (self), 0);

  return self->id;
}

void
awards_award_type_set_id (AwardsAwardType *self,
                          gint64           id)
{
  g_return_if_fail (AWARDS_IS_AWARD_TYPE (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
awards_award_type_get_name (AwardsAwardType *self)
{
  g_return_val_if_fail (AWARDS_IS_AWARD_TYPE (self), NULL);

  return self->name;
}

void
awards_award_type_set_name (AwardsAwardType *self,
                            const char      *name)
{
  g_return_if_fail (AWARDS_IS_AWARD_TYPE (self));

  if (set_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

AwardsAwardCategory
awards_award_type_get_category (AwardsAwardType *self)
{
  g_return_val_if_fail (AWARDS_IS_AWARD_TYPE (self), AWARDS_AWARD_CATEGORY_FORM);

  return self->category;
}

void
awards_award_type_set_category (AwardsAwardType     *self,
                                AwardsAwardCategory  category)
{
  g_return_if_fail (AWARDS_IS_AWARD_TYPE (self));
  g_return_if_fail (category <= AWARDS_AWARD_CATEGORY_TITLE);

  if (self->category == category)
    return;

  self->category = category;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORY]);
}

AwardsEligibility
awards_award_type_get_eligibility (AwardsAwardType *self)
{
  g_return_val_if_fail (AWARDS_IS_AWARD_TYPE (self), AWARDS_ELIGIBILITY_BOTH);

  return self->eligibility;
}

void
awards_award_type_set_eligibility (AwardsAwardType   *self,
                                   AwardsEligibility  eligibility)
{
  g_return_if_fail (AWARDS_IS_AWARD_TYPE (self));
  g_return_if_fail (eligibility <= AWARDS_ELIGIBILITY_INDIVIDUAL);

  if (self->eligibility == eligibility)
    return;

  self->eligibility = eligibility;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ELIGIBILITY]);
}

int
awards_award_type_get_rank (AwardsAwardType *self)
{
  g_return_val_if_fail (AWARDS_IS_AWARD_TYPE (self), 0);

  return self->rank;
}

void
awards_award_type_set_rank (AwardsAwardType *self,
                            int              rank)
{
  g_return_if_fail (AWARDS_IS_AWARD_TYPE (self));

  if (self->rank == rank)
    return;

  self->rank = rank;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RANK]);
}
