#pragma once

#include <glib-object.h>

#include "awards-enums.h"

G_BEGIN_DECLS

#define AWARDS_TYPE_ORGANISATION (awards_organisation_get_type ())

G_DECLARE_FINAL_TYPE (AwardsOrganisation, awards_organisation, AWARDS, ORGANISATION, GObject)

AwardsOrganisation *awards_organisation_new  (void);
AwardsOrganisation *awards_organisation_copy (AwardsOrganisation *self);

gint64 awards_organisation_get_id (AwardsOrganisation *self);
void   awards_organisation_set_id (AwardsOrganisation *self,
                                   gint64              id);

const char *awards_organisation_get_name (AwardsOrganisation *self);
void        awards_organisation_set_name (AwardsOrganisation *self,
                                          const char         *name);

const char *awards_organisation_get_short_name (AwardsOrganisation *self);
void        awards_organisation_set_short_name (AwardsOrganisation *self,
                                                const char         *short_name);

AwardsOrganisationKind awards_organisation_get_kind (AwardsOrganisation *self);
void                   awards_organisation_set_kind (AwardsOrganisation     *self,
                                                     AwardsOrganisationKind  kind);

gint64 awards_organisation_get_parent_id (AwardsOrganisation *self);
void   awards_organisation_set_parent_id (AwardsOrganisation *self,
                                          gint64              parent_id);

const char *awards_organisation_get_parent_name (AwardsOrganisation *self);
void        awards_organisation_set_parent_name (AwardsOrganisation *self,
                                                 const char         *parent_name);

const char *awards_organisation_get_tax_code (AwardsOrganisation *self);
void        awards_organisation_set_tax_code (AwardsOrganisation *self,
                                              const char         *tax_code);

const char *awards_organisation_get_address (AwardsOrganisation *self);
void        awards_organisation_set_address (AwardsOrganisation *self,
                                             const char         *address);

const char *awards_organisation_get_district (AwardsOrganisation *self);
void        awards_organisation_set_district (AwardsOrganisation *self,
                                              const char         *district);

const char *awards_organisation_get_sector (AwardsOrganisation *self);
void        awards_organisation_set_sector (AwardsOrganisation *self,
                                            const char         *sector);

const char *awards_organisation_get_founded (AwardsOrganisation *self);
void        awards_organisation_set_founded (AwardsOrganisation *self,
                                             const char         *founded);

const char *awards_organisation_get_dissolved (AwardsOrganisation *self);
void        awards_organisation_set_dissolved (AwardsOrganisation *self,
                                               const char         *dissolved);

const char *awards_organisation_get_notes (AwardsOrganisation *self);
void        awards_organisation_set_notes (AwardsOrganisation *self,
                                           const char         *notes);

const char * const *awards_organisation_get_former_names (AwardsOrganisation *self);
void                awards_organisation_set_former_names (AwardsOrganisation *self,
                                                          const char * const *former_names);

guint awards_organisation_get_award_count (AwardsOrganisation *self);
void  awards_organisation_set_award_count (AwardsOrganisation *self,
                                           guint               award_count);

gint64 awards_organisation_get_row_version (AwardsOrganisation *self);
void   awards_organisation_set_row_version (AwardsOrganisation *self,
                                            gint64             row_version);

AwardsOrganisationKind awards_organisation_guess_kind (const char *name);

G_END_DECLS
