/* awards-window-private.h: what the tests reach inside the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "awards-browse-view.h"
#include "awards-window.h"

G_BEGIN_DECLS

AwardsBrowseView *awards_window_get_browse_view (AwardsWindow *self,
                                                 const char   *section);
GtkWidget        *awards_window_get_detail_page (AwardsWindow *self,
                                                 const char   *section);
GtkWindow        *awards_window_get_editor      (AwardsWindow *self);
AdwToast         *awards_window_get_last_toast  (AwardsWindow *self);
void              awards_window_track_editor    (AwardsWindow *self,
                                                 GtkWindow    *editor);
AwardsBrowseView *awards_window_get_current_view (AwardsWindow *self);

/* For the window's actions in awards-window-delete.c and awards-window-editors.c. */
void                awards_window_toast             (AwardsWindow *self,
                                                     const char   *title);
gboolean            awards_window_has_store         (AwardsWindow *self);
void                awards_window_reconnect         (AwardsWindow *self,
                                                     gboolean      quietly);
void                awards_window_set_reconnect_interval (AwardsWindow *self,
                                                          guint         seconds);

typedef enum
{
  AWARDS_WINDOW_RECORD_ORGANISATION,
  AWARDS_WINDOW_RECORD_PERSON,
  AWARDS_WINDOW_RECORD_COMMENDATION,
} AwardsWindowRecord;

/* Called with the record read, an AwardsOrganisation, AwardsPerson or AwardsCommendation. */
typedef void (*AwardsWindowReadFunc) (AwardsWindow *self,
                                      GObject      *record);

void                awards_window_read_record       (AwardsWindow         *self,
                                                     AwardsWindowRecord    kind,
                                                     gint64                id,
                                                     AwardsWindowReadFunc  then);

G_END_DECLS
