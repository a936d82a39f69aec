/* awards-near-record.h: the stored organisation or person a new name probably means
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "awards-store.h"

G_BEGIN_DECLS

gint64 awards_near_record_organisation (AwardsStore  *store,
                                        const char   *name,
                                        gint64        own_id,
                                        char        **existing_name);
gint64 awards_near_record_person       (AwardsStore  *store,
                                        const char   *full_name,
                                        const char   *organisation_name,
                                        gint64        own_id,
                                        char        **existing_name);

G_END_DECLS
