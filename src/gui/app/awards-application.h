/* awards-application.h: the desktop application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AWARDS_TYPE_APPLICATION (awards_application_get_type ())

G_DECLARE_FINAL_TYPE (AwardsApplication, awards_application, AWARDS, APPLICATION,
                      AdwApplication)

AwardsApplication *awards_application_new             (GApplicationFlags  flags);
char              *awards_application_choose_database (const char        *option,
                                                       const char        *environment,
                                                       const char        *last_database);
char              *awards_application_resolve_database_option (const char  *option,
                                                               const char  *cwd,
                                                               GError     **error);

G_END_DECLS
