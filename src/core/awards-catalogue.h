#pragma once

#include <glib.h>

#include "awards-enums.h"

G_BEGIN_DECLS

typedef struct
{
  const char          *name;
  AwardsAwardCategory  category;
  AwardsEligibility    eligibility;
  int                  rank;
} AwardsCatalogueEntry;

/* The award catalogue the database is seeded with, ranked high to low (lower rank is higher). */
const AwardsCatalogueEntry *awards_catalogue_get_entries (guint *n_entries);

/* Who may receive an award that the catalogue does not know, judged by its name. */
AwardsEligibility   awards_catalogue_eligibility_for_name (const char *name);
AwardsAwardCategory awards_catalogue_category_for_name    (const char *name);

G_END_DECLS
