#include "config.h"

#include "awards-authority.h"

/**
 * AwardsAuthority:
 *
 * An authority that grants awards (cấp khen), e.g. "UBND thành phố Hải Phòng".
 *
 * A plain value object: every property is read-write and notifies only when its
 * value really changes. Editors work on a copy made with awards_authority_copy().
 */

struct _AwardsAuthority
{
  GObject  parent_instance;

  gint64   id;
  char    *name;
  char    *short_name;
  guint    award_count;
};

G_DEFINE_FINAL_TYPE (AwardsAuthority, awards_authority, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_SHORT_NAME,
  PROP_AWARD_COUNT,
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
awards_authority_finalize (GObject *object)
{
  AwardsAuthority *self = (AwardsAuthority *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->short_name, g_free);

  G_OBJECT_CLASS (awards_authority_parent_class)->finalize (object);
}

static void
awards_authority_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AwardsAuthority *self = AWARDS_AUTHORITY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_SHORT_NAME:
      g_value_set_string (value, self->short_name);
      break;

    case PROP_AWARD_COUNT:
      g_value_set_uint (value, self->award_count);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awards_authority_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AwardsAuthority *self = AWARDS_AUTHORITY (object);

  switch (prop_id)
    {
    case PROP_ID:
      awards_authority_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_NAME:
      awards_authority_set_name (self, g_value_get_string (value));
      break;

    case PROP_SHORT_NAME:
      awards_authority_set_short_name (self, g_value_get_string (value));
      break;

    case PROP_AWARD_COUNT:
      awards_authority_set_award_count (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awards_authority_class_init (AwardsAuthorityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = awards_authority_finalize;
  object_class->get_property = awards_authority_get_property;
  object_class->set_property = awards_authority_set_property;

  /**
   * AwardsAuthority:id:
   *
   * The database row id, or 0 while the authority is not saved.
   */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AwardsAuthority:name:
   *
   * The authority's name.
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AwardsAuthority:short-name:
   *
   * An abbreviated name, or %NULL.
   */
  properties[PROP_SHORT_NAME] =
    g_param_spec_string ("short-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AwardsAuthority:award-count:
   *
   * How many commendations the authority granted, as the store counted them.
   */
  properties[PROP_AWARD_COUNT] =
    g_param_spec_uint ("award-count", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
awards_authority_init (AwardsAuthority *self)
{
}

/**
 * awards_authority_new:
 *
 * Creates an empty, unsaved authority.
 *
 * Returns: (transfer full): a new #AwardsAuthority
 */
AwardsAuthority *
awards_authority_new (void)
{
  return g_object_new (AWARDS_TYPE_AUTHORITY, NULL);
}

/**
 * awards_authority_copy:
 * @self: an #AwardsAuthority
 *
 * Copies every property of @self, the id included, into a new object, so that an
 * editor can change the copy and leave @self alone until it is saved.
 *
 * Returns: (transfer full): a new #AwardsAuthority
 */
AwardsAuthority *
awards_authority_copy (AwardsAuthority *self)
{
  AwardsAuthority *copy;

  g_return_val_if_fail (AWARDS_IS_AUTHORITY (self), NULL);

  copy = awards_authority_new ();
  copy->id = self->id;
  copy->name = g_strdup (self->name);
  copy->short_name = g_strdup (self->short_name);
  copy->award_count = self->award_count;

  return copy;
}

gint64
awards_authority_get_id (AwardsAuthority *self)
{
  g_return_val_if_fail (AWARDS_IS_AUTHORITY (self), 0);

  return self->id;
}

void
awards_authority_set_id (AwardsAuthority *self,
                         gint64           id)
{
  g_return_if_fail (AWARDS_IS_AUTHORITY (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
awards_authority_get_name (AwardsAuthority *self)
{
  g_return_val_if_fail (AWARDS_IS_AUTHORITY (self), NULL);

  return self->name;
}

void
awards_authority_set_name (AwardsAuthority *self,
                           const char      *name)
{
  g_return_if_fail (AWARDS_IS_AUTHORITY (self));

  if (set_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
awards_authority_get_short_name (AwardsAuthority *self)
{
  g_return_val_if_fail (AWARDS_IS_AUTHORITY (self), NULL);

  return self->short_name;
}

void
awards_authority_set_short_name (AwardsAuthority *self,
                                 const char      *short_name)
{
  g_return_if_fail (AWARDS_IS_AUTHORITY (self));

  if (set_string (&self->short_name, short_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHORT_NAME]);
}

guint
awards_authority_get_award_count (AwardsAuthority *self)
{
  g_return_val_if_fail (AWARDS_IS_AUTHORITY (self), 0);

  return self->award_count;
}

void
awards_authority_set_award_count (AwardsAuthority *self,
                                  guint            award_count)
{
  g_return_if_fail (AWARDS_IS_AUTHORITY (self));

  if (self->award_count == award_count)
    return;

  self->award_count = award_count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AWARD_COUNT]);
}
