#include "config.h"

#include "awards-organisation.h"
#include "awards-enum-types.h"
#include "awards-text.h"

/**
 * AwardsOrganisation:
 *
 * A member organisation (cooperative, union, enterprise, agency…) as stored.
 *
 * A plain value object: every property is read-write and notifies only when its
 * value really changes. Editors work on a copy made with awards_organisation_copy().
 */

struct _AwardsOrganisation
{
  GObject                  parent_instance;

  gint64                   id;
  char                    *name;
  char                    *short_name;
  AwardsOrganisationKind   kind;
  gint64                   parent_id;
  char                    *parent_name;
  char                    *tax_code;
  char                    *address;
  char                    *district;
  char                    *sector;
  char                    *founded;
  char                    *dissolved;
  char                    *notes;
  char                   **former_names;
  guint                    award_count;
  gint64                   row_version;  /* as read with the fields; -1 when not read */
};

G_DEFINE_FINAL_TYPE (AwardsOrganisation, awards_organisation, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_SHORT_NAME,
  PROP_KIND,
  PROP_PARENT_ID,
  PROP_PARENT_NAME,
  PROP_TAX_CODE,
  PROP_ADDRESS,
  PROP_DISTRICT,
  PROP_SECTOR,
  PROP_FOUNDED,
  PROP_DISSOLVED,
  PROP_NOTES,
  PROP_FORMER_NAMES,
  PROP_AWARD_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const empty_strv[] = { NULL };

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
awards_organisation_finalize (GObject *object)
{
  AwardsOrganisation *self = (AwardsOrganisation *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->short_name, g_free);
  g_clear_pointer (&self->parent_name, g_free);
  g_clear_pointer (&self->tax_code, g_free);
  g_clear_pointer (&self->address, g_free);
  g_clear_pointer (&self->district, g_free);
  g_clear_pointer (&self->sector, g_free);
  g_clear_pointer (&self->founded, g_free);
  g_clear_pointer (&self->dissolved, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->former_names, g_strfreev);

  G_OBJECT_CLASS (awards_organisation_parent_class)->finalize (object);
}

static void
awards_organisation_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AwardsOrganisation *self = AWARDS_ORGANISATION (object);

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

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_PARENT_ID:
      g_value_set_int64 (value, self->parent_id);
      break;

    case PROP_PARENT_NAME:
      g_value_set_string (value, self->parent_name);
      break;

    case PROP_TAX_CODE:
      g_value_set_string (value, self->tax_code);
      break;

    case PROP_ADDRESS:
      g_value_set_string (value, self->address);
      break;

    case PROP_DISTRICT:
      g_value_set_string (value, self->district);
      break;

    case PROP_SECTOR:
      g_value_set_string (value, self->sector);
      break;

    case PROP_FOUNDED:
      g_value_set_string (value, self->founded);
      break;

    case PROP_DISSOLVED:
      g_value_set_string (value, self->dissolved);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_FORMER_NAMES:
      g_value_set_boxed (value, self->former_names);
      break;

    case PROP_AWARD_COUNT:
      g_value_set_uint (value, self->award_count);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awards_organisation_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AwardsOrganisation *self = AWARDS_ORGANISATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      awards_organisation_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_NAME:
      awards_organisation_set_name (self, g_value_get_string (value));
      break;

    case PROP_SHORT_NAME:
      awards_organisation_set_short_name (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      awards_organisation_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_PARENT_ID:
      awards_organisation_set_parent_id (self, g_value_get_int64 (value));
      break;

    case PROP_PARENT_NAME:
      awards_organisation_set_parent_name (self, g_value_get_string (value));
      break;

    case PROP_TAX_CODE:
      awards_organisation_set_tax_code (self, g_value_get_string (value));
      break;

    case PROP_ADDRESS:
      awards_organisation_set_address (self, g_value_get_string (value));
      break;

    case PROP_DISTRICT:
      awards_organisation_set_district (self, g_value_get_string (value));
      break;

    case PROP_SECTOR:
      awards_organisation_set_sector (self, g_value_get_string (value));
      break;

    case PROP_FOUNDED:
      awards_organisation_set_founded (self, g_value_get_string (value));
      break;

    case PROP_DISSOLVED:
      awards_organisation_set_dissolved (self, g_value_get_string (value));
      break;

    case PROP_NOTES:
      awards_organisation_set_notes (self, g_value_get_string (value));
      break;

    case PROP_FORMER_NAMES:
      awards_organisation_set_former_names (self, g_value_get_boxed (value));
      break;

    case PROP_AWARD_COUNT:
      awards_organisation_set_award_count (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awards_organisation_class_init (AwardsOrganisationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = awards_organisation_finalize;
  object_class->get_property = awards_organisation_get_property;
  object_class->set_property = awards_organisation_set_property;

  /**
   * AwardsOrganisation:id:
   *
   * The database row id, or 0 while the organisation is not saved.
   */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AwardsOrganisation:name:
   *
   * The current name, e.g. "HTX Bạch Đằng".
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AwardsOrganisation:short-name:
   *
   * An abbreviated name, or %NULL.
   */
  properties[PROP_SHORT_NAME] =
    g_param_spec_string ("short-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AwardsOrganisation:kind:
   *
   * What sort of organisation this is.
   */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       AWARDS_TYPE_ORGANISATION_KIND, AWARDS_ORGANISATION_KIND_OTHER,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AwardsOrganisation:parent-id:
   *
   * The id of the organisation this one is a member of, or 0.
   */
  properties[PROP_PARENT_ID] =
    g_param_spec_int64 ("parent-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AwardsOrganisation:parent-name:
   *
   * The parent organisation's name, as the store read it, or %NULL.
   */
  properties[PROP_PARENT_NAME] =
    g_param_spec_string ("parent-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AwardsOrganisation:tax-code:
   *
   * The registration or tax code, or %NULL.
   */
  properties[PROP_TAX_CODE] =
    g_param_spec_string ("tax-code", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AwardsOrganisation:address:
   *
   * The postal address, or %NULL.
   */
  properties[PROP_ADDRESS] =
    g_param_spec_string ("address", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AwardsOrganisation:district:
   *
   * The district (quận/huyện), or %NULL.
   */
  properties[PROP_DISTRICT] =
    g_param_spec_string ("district", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AwardsOrganisation:sector:
   *
   * The line of business, or %NULL.
   */
  properties[PROP_SECTOR] =
    g_param_spec_string ("sector", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AwardsOrganisation:founded:
   *
   * The founding date as "YYYY-MM-DD", or %NULL.
   */
  properties[PROP_FOUNDED] =
    g_param_spec_string ("founded", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AwardsOrganisation:dissolved:
   *
   * The dissolution date as "YYYY-MM-DD", or %NULL.
   */
  properties[PROP_DISSOLVED] =
    g_param_spec_string ("dissolved", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AwardsOrganisation:notes:
   *
   * Free-form notes, or %NULL.
   */
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AwardsOrganisation:former-names:
   *
   * Names the organisation had before, oldest first. Never %NULL.
   */
  properties[PROP_FORMER_NAMES] =
    g_param_spec_boxed ("former-names", NULL, NULL,
                        G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AwardsOrganisation:award-count:
   *
   * How many commendations the organisation received, as the store counted them.
   */
  properties[PROP_AWARD_COUNT] =
    g_param_spec_uint ("award-count", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
awards_organisation_init (AwardsOrganisation *self)
{
  self->row_version = -1;
  self->former_names = g_strdupv ((char **) empty_strv);
}

/**
 * awards_organisation_new:
 *
 * Creates an empty, unsaved organisation.
 *
 * Returns: (transfer full): a new #AwardsOrganisation
 */
AwardsOrganisation *
awards_organisation_new (void)
{
  return g_object_new (AWARDS_TYPE_ORGANISATION, NULL);
}

/**
 * awards_organisation_copy:
 * @self: an #AwardsOrganisation
 *
 * Copies every property of @self, the id included, into a new object, so that an
 * editor can change the copy and leave @self alone until it is saved.
 *
 * Returns: (transfer full): a new #AwardsOrganisation
 */
AwardsOrganisation *
awards_organisation_copy (AwardsOrganisation *self)
{
  AwardsOrganisation *copy;

  g_return_val_if_fail (AWARDS_IS_ORGANISATION (self), NULL);

  copy = awards_organisation_new ();
  copy->id = self->id;
  copy->row_version = self->row_version;
  copy->name = g_strdup (self->name);
  copy->short_name = g_strdup (self->short_name);
  copy->kind = self->kind;
  copy->parent_id = self->parent_id;
  copy->parent_name = g_strdup (self->parent_name);
  copy->tax_code = g_strdup (self->tax_code);
  copy->address = g_strdup (self->address);
  copy->district = g_strdup (self->district);
  copy->sector = g_strdup (self->sector);
  copy->founded = g_strdup (self->founded);
  copy->dissolved = g_strdup (self->dissolved);
  copy->notes = g_strdup (self->notes);
  g_strfreev (copy->former_names);
  copy->former_names = g_strdupv (self->former_names);
  copy->award_count = self->award_count;

  return copy;
}

gint64
awards_organisation_get_id (AwardsOrganisation *self)
{
  g_return_val_if_fail (AWARDS_IS_ORGANISATION (self), 0);

  return self->id;
}

void
awards_organisation_set_id (AwardsOrganisation *self,
                            gint64              id)
{
  g_return_if_fail (AWARDS_IS_ORGANISATION (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
awards_organisation_get_name (AwardsOrganisation *self)
{
  g_return_val_if_fail (AWARDS_IS_ORGANISATION (self), NULL);

  return self->name;
}

void
awards_organisation_set_name (AwardsOrganisation *self,
                              const char         *name)
{
  g_return_if_fail (AWARDS_IS_ORGANISATION (self));

  if (set_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
awards_organisation_get_short_name (AwardsOrganisation *self)
{
  g_return_val_if_fail (AWARDS_IS_ORGANISATION (self), NULL);

  return self->short_name;
}

void
awards_organisation_set_short_name (AwardsOrganisation *self,
                                    const char         *short_name)
{
  g_return_if_fail (AWARDS_IS_ORGANISATION (self));

  if (set_string (&self->short_name, short_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHORT_NAME]);
}

AwardsOrganisationKind
awards_organisation_get_kind (AwardsOrganisation *self)
{
  g_return_val_if_fail (AWARDS_IS_ORGANISATION (self), AWARDS_ORGANISATION_KIND_OTHER);

  return self->kind;
}

void
awards_organisation_set_kind (AwardsOrganisation     *self,
                              AwardsOrganisationKind  kind)
{
  g_return_if_fail (AWARDS_IS_ORGANISATION (self));
  g_return_if_fail (kind <= AWARDS_ORGANISATION_KIND_AGENCY);

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

gint64
awards_organisation_get_parent_id (AwardsOrganisation *self)
{
  g_return_val_if_fail (AWARDS_IS_ORGANISATION (self), 0);

  return self->parent_id;
}

void
awards_organisation_set_parent_id (AwardsOrganisation *self,
                                   gint64              parent_id)
{
  g_return_if_fail (AWARDS_IS_ORGANISATION (self));
  g_return_if_fail (parent_id >= 0);

  if (self->parent_id == parent_id)
    return;

  self->parent_id = parent_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARENT_ID]);
}

const char *
awards_organisation_get_parent_name (AwardsOrganisation *self)
{
  g_return_val_if_fail (AWARDS_IS_ORGANISATION (self), NULL);

  return self->parent_name;
}

void
awards_organisation_set_parent_name (AwardsOrganisation *self,
                                     const char         *parent_name)
{
  g_return_if_fail (AWARDS_IS_ORGANISATION (self));

  if (set_string (&self->parent_name, parent_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARENT_NAME]);
}

const char *
awards_organisation_get_tax_code (AwardsOrganisation *self)
{
  g_return_val_if_fail (AWARDS_IS_ORGANISATION (self), NULL);

  return self->tax_code;
}

void
awards_organisation_set_tax_code (AwardsOrganisation *self,
                                  const char         *tax_code)
{
  g_return_if_fail (AWARDS_IS_ORGANISATION (self));

  if (set_string (&self->tax_code, tax_code))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAX_CODE]);
}

const char *
awards_organisation_get_address (AwardsOrganisation *self)
{
  g_return_val_if_fail (AWARDS_IS_ORGANISATION (self), NULL);

  return self->address;
}

void
awards_organisation_set_address (AwardsOrganisation *self,
                                 const char         *address)
{
  g_return_if_fail (AWARDS_IS_ORGANISATION (self));

  if (set_string (&self->address, address))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ADDRESS]);
}

const char *
awards_organisation_get_district (AwardsOrganisation *self)
{
  g_return_val_if_fail (AWARDS_IS_ORGANISATION (self), NULL);

  return self->district;
}

void
awards_organisation_set_district (AwardsOrganisation *self,
                                  const char         *district)
{
  g_return_if_fail (AWARDS_IS_ORGANISATION (self));

  if (set_string (&self->district, district))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISTRICT]);
}

const char *
awards_organisation_get_sector (AwardsOrganisation *self)
{
  g_return_val_if_fail (AWARDS_IS_ORGANISATION (self), NULL);

  return self->sector;
}

void
awards_organisation_set_sector (AwardsOrganisation *self,
                                const char         *sector)
{
  g_return_if_fail (AWARDS_IS_ORGANISATION (self));

  if (set_string (&self->sector, sector))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTOR]);
}

const char *
awards_organisation_get_founded (AwardsOrganisation *self)
{
  g_return_val_if_fail (AWARDS_IS_ORGANISATION (self), NULL);

  return self->founded;
}

void
awards_organisation_set_founded (AwardsOrganisation *self,
                                 const char         *founded)
{
  g_return_if_fail (AWARDS_IS_ORGANISATION (self));

  if (set_string (&self->founded, founded))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOUNDED]);
}

const char *
awards_organisation_get_dissolved (AwardsOrganisation *self)
{
  g_return_val_if_fail (AWARDS_IS_ORGANISATION (self), NULL);

  return self->dissolved;
}

void
awards_organisation_set_dissolved (AwardsOrganisation *self,
                                   const char         *dissolved)
{
  g_return_if_fail (AWARDS_IS_ORGANISATION (self));

  if (set_string (&self->dissolved, dissolved))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISSOLVED]);
}

const char *
awards_organisation_get_notes (AwardsOrganisation *self)
{
  g_return_val_if_fail (AWARDS_IS_ORGANISATION (self), NULL);

  return self->notes;
}

void
awards_organisation_set_notes (AwardsOrganisation *self,
                               const char         *notes)
{
  g_return_if_fail (AWARDS_IS_ORGANISATION (self));

  if (set_string (&self->notes, notes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

/**
 * awards_organisation_get_former_names:
 * @self: an #AwardsOrganisation
 *
 * Returns: (transfer none): the names the organisation had before, oldest first; never
 *   %NULL
 */
const char * const *
awards_organisation_get_former_names (AwardsOrganisation *self)
{
  g_return_val_if_fail (AWARDS_IS_ORGANISATION (self), NULL);

  return (const char * const *) self->former_names;
}

void
awards_organisation_set_former_names (AwardsOrganisation *self,
                                      const char * const *former_names)
{
  char **old;

  g_return_if_fail (AWARDS_IS_ORGANISATION (self));

  if (former_names == NULL)
    former_names = empty_strv;

  if (g_strv_equal ((const char * const *) self->former_names, former_names))
    return;

  old = self->former_names;
  self->former_names = g_strdupv ((char **) former_names);
  g_strfreev (old);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FORMER_NAMES]);
}

guint
awards_organisation_get_award_count (AwardsOrganisation *self)
{
  g_return_val_if_fail (AWARDS_IS_ORGANISATION (self), 0);

  return self->award_count;
}

void
awards_organisation_set_award_count (AwardsOrganisation *self,
                                     guint               award_count)
{
  g_return_if_fail (AWARDS_IS_ORGANISATION (self));

  if (self->award_count == award_count)
    return;

  self->award_count = award_count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AWARD_COUNT]);
}

/**
 * awards_organisation_get_row_version:
 *
 * Returns: the record's row version as it was read with its fields (see
 *   awards_store_get_row_version ()), or -1 for a record not read from the store
 */
gint64
awards_organisation_get_row_version (AwardsOrganisation *self)
{
  g_return_val_if_fail (AWARDS_IS_ORGANISATION (self), -1);

  return self->row_version;
}

void
awards_organisation_set_row_version (AwardsOrganisation *self,
                                     gint64             row_version)
{
  g_return_if_fail (AWARDS_IS_ORGANISATION (self));

  self->row_version = row_version;
}

/**
 * awards_organisation_guess_kind:
 * @name: a new organisation's name
 *
 * A first guess at the kind of a new organisation, from the words its name starts with ("HTX",
 * "Công ty", "UBND"…), for an import and for the editor.
 *
 * Returns: the kind, %AWARDS_ORGANISATION_KIND_OTHER when the name does not say
 */
AwardsOrganisationKind
awards_organisation_guess_kind (const char *name)
{
  g_autofree char *folded = awards_text_fold (name);

  if (folded == NULL)
    return AWARDS_ORGANISATION_KIND_OTHER;
  if (g_str_has_prefix (folded, "lien minh") || g_str_has_prefix (folded, "lm htx"))
    return AWARDS_ORGANISATION_KIND_COOPERATIVE_ALLIANCE;
  if (g_str_has_prefix (folded, "lien hiep") || g_str_has_prefix (folded, "lhhtx"))
    return AWARDS_ORGANISATION_KIND_COOPERATIVE_UNION;
  if (g_str_has_prefix (folded, "htx ") || g_str_has_prefix (folded, "hop tac xa"))
    return AWARDS_ORGANISATION_KIND_COOPERATIVE;
  if (g_str_has_prefix (folded, "cong ty") || g_str_has_prefix (folded, "doanh nghiep") ||
      g_str_has_prefix (folded, "cty "))
    return AWARDS_ORGANISATION_KIND_ENTERPRISE;
  if (g_str_has_prefix (folded, "ubnd") || g_str_has_prefix (folded, "uy ban") ||
      g_str_has_prefix (folded, "so ") || g_str_has_prefix (folded, "bo "))
    return AWARDS_ORGANISATION_KIND_AGENCY;
  return AWARDS_ORGANISATION_KIND_OTHER;
}
