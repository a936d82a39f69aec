/* awards-window.h: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "awards-store.h"

G_BEGIN_DECLS

#define AWARDS_TYPE_WINDOW (awards_window_get_type ())

G_DECLARE_FINAL_TYPE (AwardsWindow, awards_window, AWARDS, WINDOW, AdwApplicationWindow)

AwardsWindow *awards_window_new                (GtkApplication *application,
                                                AwardsStore    *store);
AwardsStore  *awards_window_get_store          (AwardsWindow   *self);
gboolean      awards_window_is_read_only       (AwardsWindow   *self);
void          awards_window_set_store          (AwardsWindow   *self,
                                                AwardsStore    *store);
void          awards_window_show_open_error    (AwardsWindow   *self,
                                                const char     *path,
                                                const GError   *error);
void          awards_window_show_open_error_retrying (AwardsWindow *self,
                                                      const char   *shown,
                                                      const GError *error,
                                                      const char   *path);
void          awards_window_show_connecting    (AwardsWindow   *self,
                                                const char     *shown);
void          awards_window_show_organisation  (AwardsWindow   *self,
                                                gint64          id);
void          awards_window_show_person        (AwardsWindow   *self,
                                                gint64          id);
void          awards_window_show_decision      (AwardsWindow   *self,
                                                gint64          id);
void          awards_window_add_toast          (AwardsWindow   *self,
                                                AdwToast       *toast);

G_END_DECLS
