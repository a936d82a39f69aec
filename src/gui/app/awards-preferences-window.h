/* awards-preferences-window.h: the office profile, edited
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "awards-store.h"

G_BEGIN_DECLS

#define AWARDS_TYPE_PREFERENCES_WINDOW (awards_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (AwardsPreferencesWindow, awards_preferences_window, AWARDS,
                      PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *awards_preferences_window_new       (GtkWindow               *parent,
                                                AwardsStore             *store);
/* The row that edits a settings key ("office.name"), for tests. (transfer none) */
GtkWidget *awards_preferences_window_get_row   (AwardsPreferencesWindow *self,
                                                const char              *key);

G_END_DECLS
