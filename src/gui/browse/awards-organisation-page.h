/* awards-organisation-page.h: the details of one organisation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "awards-store.h"

G_BEGIN_DECLS

#define AWARDS_TYPE_ORGANISATION_PAGE (awards_organisation_page_get_type ())

G_DECLARE_FINAL_TYPE (AwardsOrganisationPage, awards_organisation_page, AWARDS, ORGANISATION_PAGE,
                      AdwBin)

AwardsStore  *awards_organisation_page_get_store           (AwardsOrganisationPage *self);
void          awards_organisation_page_set_store           (AwardsOrganisationPage *self,
                                                            AwardsStore            *store);
gint64        awards_organisation_page_get_organisation_id (AwardsOrganisationPage *self);
void          awards_organisation_page_set_organisation_id (AwardsOrganisationPage *self,
                                                            gint64                  id);
void          awards_organisation_page_reload              (AwardsOrganisationPage *self);

G_END_DECLS
