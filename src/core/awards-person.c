#include "config.h"

#include "awards-person.h"
#include "awards-enum-types.h"

/**
 * AwardsPerson:
 *
 * A person who can receive individual awards.
 *
 * A plain value object: every property is read-write and notifies only when its
 * value really changes. Editors work on a copy made with awards_person_copy().
 */

struct _AwardsPerson
{
  GObject       parent_instance;

  gint64        id;
  char         *full_name;
  char         *family_name;
  char         *middle_name;
  char         *given_name;
  AwardsGender  gender;
  int           birth_year;
  gint64        organisation_id;
  char         *organisation_name;
  char         *position;
  char         *notes;
  guint         award_count;
  gint64                   row_version;  /* as read with the fields; -1 when not read */
};

G_DEFINE_FINAL_TYPE (AwardsPerson, awards_person, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_FULL_NAME,
  PROP_FAMILY_NAME,
  PROP_MIDDLE_NAME,
  PROP_GIVEN_NAME,
  PROP_GENDER,
  PROP_BIRTH_YEAR,
  PROP_ORGANISATION_ID,
  PROP_ORGANISATION_NAME,
  PROP_POSITION,
  PROP_NOTES,
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
awards_person_finalize (GObject *object)
{
  AwardsPerson *self = (AwardsPerson *) object;

  g_clear_pointer (&self->full_name, g_free);
  g_clear_pointer (&self->family_name, g_free);
  g_clear_pointer (&self->middle_name, g_free);
  g_clear_pointer (&self->given_name, g_free);
  g_clear_pointer (&self->organisation_name, g_free);
  g_clear_pointer (&self->position, g_free);
  g_clear_pointer (&self->notes, g_free);

  G_OBJECT_CLASS (awards_person_parent_class)->finalize (object);
}

static void
awards_person_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AwardsPerson *self = AWARDS_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_FULL_NAME:
      g_value_set_string (value, self->full_name);
      break;

    case PROP_FAMILY_NAME:
      g_value_set_string (value, self->family_name);
      break;

    case PROP_MIDDLE_NAME:
      g_value_set_string (value, self->middle_name);
      break;

    case PROP_GIVEN_NAME:
      g_value_set_string (value, self->given_name);
      break;

    case PROP_GENDER:
      g_value_set_enum (value, self->gender);
      break;

    case PROP_BIRTH_YEAR:
      g_value_set_int (value, self->birth_year);
      break;

    case PROP_ORGANISATION_ID:
      g_value_set_int64 (value, self->organisation_id);
      break;

    case PROP_ORGANISATION_NAME:
      g_value_set_string (value, self->organisation_name);
      break;

    case PROP_POSITION:
      g_value_set_string (value, self->position);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_AWARD_COUNT:
      g_value_set_uint (value, self->award_count);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awards_person_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  AwardsPerson *self = AWARDS_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID:
      awards_person_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_FULL_NAME:
      awards_person_set_full_name (self, g_value_get_string (value));
      break;

    case PROP_FAMILY_NAME:
      awards_person_set_family_name (self, g_value_get_string (value));
      break;

    case PROP_MIDDLE_NAME:
      awards_person_set_middle_name (self, g_value_get_string (value));
      break;

    case PROP_GIVEN_NAME:
      awards_person_set_given_name (self, g_value_get_string (value));
      break;

    case PROP_GENDER:
      awards_person_set_gender (self, g_value_get_enum (value));
      break;

    case PROP_BIRTH_YEAR:
      awards_person_set_birth_year (self, g_value_get_int (value));
      break;

    case PROP_ORGANISATION_ID:
      awards_person_set_organisation_id (self, g_value_get_int64 (value));
      break;

    case PROP_ORGANISATION_NAME:
      awards_person_set_organisation_name (self, g_value_get_string (value));
      break;

    case PROP_POSITION:
      awards_person_set_position (self, g_value_get_string (value));
      break;

    case PROP_NOTES:
      awards_person_set_notes (self, g_value_get_string (value));
      break;

    case PROP_AWARD_COUNT:
      awards_person_set_award_count (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awards_person_class_init (AwardsPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = awards_person_finalize;
  object_class->get_property = awards_person_get_property;
  object_class->set_property = awards_person_set_property;

  /**
   * AwardsPerson:id:
   *
   * The database row id, or 0 while the person is not saved.
   */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AwardsPerson:full-name:
   *
   * The full name as written, e.g. "Đan Đức Hiệp".
   */
  properties[PROP_FULL_NAME] =
    g_param_spec_string ("full-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AwardsPerson:family-name:
   *
   * The family name (first word of the full name), as the store split it.
   */
  properties[PROP_FAMILY_NAME] =
    g_param_spec_string ("family-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AwardsPerson:middle-name:
   *
   * The middle name(s), as the store split them, or %NULL.
   */
  properties[PROP_MIDDLE_NAME] =
    g_param_spec_string ("middle-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AwardsPerson:given-name:
   *
   * The given name (last word of the full name), as the store split it.
   */
  properties[PROP_GIVEN_NAME] =
    g_param_spec_string ("given-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AwardsPerson:gender:
   *
   * The person's gender, if known.
   */
  properties[PROP_GENDER] =
    g_param_spec_enum ("gender", NULL, NULL,
                       AWARDS_TYPE_GENDER, AWARDS_GENDER_UNKNOWN,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AwardsPerson:birth-year:
   *
   * The year of birth, or 0 when unknown.
   */
  properties[PROP_BIRTH_YEAR] =
    g_param_spec_int ("birth-year", NULL, NULL,
                      0, 9999, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AwardsPerson:organisation-id:
   *
   * The id of the person's current organisation, or 0.
   */
  properties[PROP_ORGANISATION_ID] =
    g_param_spec_int64 ("organisation-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AwardsPerson:organisation-name:
   *
   * The current organisation's name, as the store read it, or %NULL.
   */
  properties[PROP_ORGANISATION_NAME] =
    g_param_spec_string ("organisation-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AwardsPerson:position:
   *
   * The person's current position (chức vụ), or %NULL.
   */
  properties[PROP_POSITION] =
    g_param_spec_string ("position", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AwardsPerson:notes:
   *
   * Free-form notes, or %NULL.
   */
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AwardsPerson:award-count:
   *
   * How many commendations the person received, as the store counted them.
   */
  properties[PROP_AWARD_COUNT] =
    g_param_spec_uint ("award-count", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
awards_person_init (AwardsPerson *self)
{
  self->row_version = -1;
}

/**
 * awards_person_new:
 *
 * Creates an empty, unsaved person.
 *
 * Returns: (transfer full): a new #AwardsPerson
 */
AwardsPerson *
awards_person_new (void)
{
  return g_object_new (AWARDS_TYPE_PERSON, NULL);
}

/**
 * awards_person_copy:
 * @self: an #AwardsPerson
 *
 * Copies every property of @self, the id included, into a new object, so that an
 * editor can change the copy and leave @self alone until it is saved.
 *
 * Returns: (transfer full): a new #AwardsPerson
 */
AwardsPerson *
awards_person_copy (AwardsPerson *self)
{
  AwardsPerson *copy;

  g_return_val_if_fail (AWARDS_IS_PERSON (self), NULL);

  copy = awards_person_new ();
  copy->id = self->id;
  copy->row_version = self->row_version;
  copy->full_name = g_strdup (self->full_name);
  copy->family_name = g_strdup (self->family_name);
  copy->middle_name = g_strdup (self->middle_name);
  copy->given_name = g_strdup (self->given_name);
  copy->gender = self->gender;
  copy->birth_year = self->birth_year;
  copy->organisation_id = self->organisation_id;
  copy->organisation_name = g_strdup (self->organisation_name);
  copy->position = g_strdup (self->position);
  copy->notes = g_strdup (self->notes);
  copy->award_count = self->award_count;

  return copy;
}

gint64
awards_person_get_id (AwardsPerson *self)
{
  g_return_val_if_fail (AWARDS_IS_PERSON (self), 0);

  return self->id;
}

void
awards_person_set_id (AwardsPerson *self,
                      gint64        id)
{
  g_return_if_fail (AWARDS_IS_PERSON (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
awards_person_get_full_name (AwardsPerson *self)
{
  g_return_val_if_fail (AWARDS_IS_PERSON (self), NULL);

  return self->full_name;
}

void
awards_person_set_full_name (AwardsPerson *self,
                             const char   *full_name)
{
  g_return_if_fail (AWARDS_IS_PERSON (self));

  if (set_string (&self->full_name, full_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FULL_NAME]);
}

const char *
awards_person_get_family_name (AwardsPerson *self)
{
  g_return_val_if_fail (AWARDS_IS_PERSON (self), NULL);

  return self->family_name;
}

void
awards_person_set_family_name (AwardsPerson *self,
                               const char   *family_name)
{
  g_return_if_fail (AWARDS_IS_PERSON (self));

  if (set_string (&self->family_name, family_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAMILY_NAME]);
}

const char *
awards_person_get_middle_name (AwardsPerson *self)
{
  g_return_val_if_fail (AWARDS_IS_PERSON (self), NULL);

  return self->middle_name;
}

void
awards_person_set_middle_name (AwardsPerson *self,
                               const char   *middle_name)
{
  g_return_if_fail (AWARDS_IS_PERSON (self));

  if (set_string (&self->middle_name, middle_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MIDDLE_NAME]);
}

const char *
awards_person_get_given_name (AwardsPerson *self)
{
  g_return_val_if_fail (AWARDS_IS_PERSON (self), NULL);

  return self->given_name;
}

void
awards_person_set_given_name (AwardsPerson *self,
                              const char   *given_name)
{
  g_return_if_fail (AWARDS_IS_PERSON (self));

  if (set_string (&self->given_name, given_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GIVEN_NAME]);
}

AwardsGender
awards_person_get_gender (AwardsPerson *self)
{
  g_return_val_if_fail (AWARDS_IS_PERSON (self), AWARDS_GENDER_UNKNOWN);

  return self->gender;
}

void
awards_person_set_gender (AwardsPerson *self,
                          AwardsGender  gender)
{
  g_return_if_fail (AWARDS_IS_PERSON (self));
  g_return_if_fail (gender <= AWARDS_GENDER_FEMALE);

  if (self->gender == gender)
    return;

  self->gender = gender;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GENDER]);
}

int
awards_person_get_birth_year (AwardsPerson *self)
{
  g_return_val_if_fail (AWARDS_IS_PERSON (self), 0);

  return self->birth_year;
}

void
awards_person_set_birth_year (AwardsPerson *self,
                              int           birth_year)
{
  g_return_if_fail (AWARDS_IS_PERSON (self));
  g_return_if_fail (birth_year >= 0 && birth_year <= 9999);

  if (self->birth_year == birth_year)
    return;

  self->birth_year = birth_year;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BIRTH_YEAR]);
}

gint64
awards_person_get_organisation_id (AwardsPerson *self)
{
  g_return_val_if_fail (AWARDS_IS_PERSON (self), 0);

  return self->organisation_id;
}

void
awards_person_set_organisation_id (AwardsPerson *self,
                                   gint64        organisation_id)
{
  g_return_if_fail (AWARDS_IS_PERSON (self));
  g_return_if_fail (organisation_id >= 0);

  if (self->organisation_id == organisation_id)
    return;

  self->organisation_id = organisation_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANISATION_ID]);
}

const char *
awards_person_get_organisation_name (AwardsPerson *self)
{
  g_return_val_if_fail (AWARDS_IS_PERSON (self), NULL);

  return self->organisation_name;
}

void
awards_person_set_organisation_name (AwardsPerson *self,
                                     const char   *organisation_name)
{
  g_return_if_fail (AWARDS_IS_PERSON (self));

  if (set_string (&self->organisation_name, organisation_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANISATION_NAME]);
}

const char *
awards_person_get_position (AwardsPerson *self)
{
  g_return_val_if_fail (AWARDS_IS_PERSON (self), NULL);

  return self->position;
}

void
awards_person_set_position (AwardsPerson *self,
                            const char   *position)
{
  g_return_if_fail (AWARDS_IS_PERSON (self));

  if (set_string (&self->position, position))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

const char *
awards_person_get_notes (AwardsPerson *self)
{
  g_return_val_if_fail (AWARDS_IS_PERSON (self), NULL);

  return self->notes;
}

void
awards_person_set_notes (AwardsPerson *self,
                         const char   *notes)
{
  g_return_if_fail (AWARDS_IS_PERSON (self));

  if (set_string (&self->notes, notes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

guint
awards_person_get_award_count (AwardsPerson *self)
{
  g_return_val_if_fail (AWARDS_IS_PERSON (self), 0);

  return self->award_count;
}

void
awards_person_set_award_count (AwardsPerson *self,
                               guint         award_count)
{
  g_return_if_fail (AWARDS_IS_PERSON (self));

  if (self->award_count == award_count)
    return;

  self->award_count = award_count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AWARD_COUNT]);
}

/**
 * awards_person_get_row_version:
 *
 * Returns: the record's row version as it was read with its fields (see
 *   awards_store_get_row_version ()), or -1 for a record not read from the store
 */
gint64
awards_person_get_row_version (AwardsPerson *self)
{
  g_return_val_if_fail (AWARDS_IS_PERSON (self), -1);

  return self->row_version;
}

void
awards_person_set_row_version (AwardsPerson *self,
                               gint64       row_version)
{
  g_return_if_fail (AWARDS_IS_PERSON (self));

  self->row_version = row_version;
}
