/* awards-person-page.h: the details of one person
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "awards-store.h"

G_BEGIN_DECLS

#define AWARDS_TYPE_PERSON_PAGE (awards_person_page_get_type ())

G_DECLARE_FINAL_TYPE (AwardsPersonPage, awards_person_page, AWARDS, PERSON_PAGE, AdwBin)

AwardsStore  *awards_person_page_get_store     (AwardsPersonPage *self);
void          awards_person_page_set_store     (AwardsPersonPage *self,
                                                AwardsStore      *store);
gint64        awards_person_page_get_person_id (AwardsPersonPage *self);
void          awards_person_page_set_person_id (AwardsPersonPage *self,
                                                gint64           id);
void          awards_person_page_reload        (AwardsPersonPage *self);

G_END_DECLS
