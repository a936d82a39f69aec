/* awards-list-row.h: one row of the organisation, people and decision lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define AWARDS_TYPE_LIST_ROW (awards_list_row_get_type ())

G_DECLARE_FINAL_TYPE (AwardsListRow, awards_list_row, AWARDS, LIST_ROW, GtkWidget)

GtkWidget          *awards_list_row_new            (void);
void                awards_list_row_set_title      (AwardsListRow *self,
                                                    const char    *title);
void                awards_list_row_set_subtitle   (AwardsListRow *self,
                                                    const char    *subtitle);
void                awards_list_row_set_count      (AwardsListRow *self,
                                                    guint          count,
                                                    const char    *tooltip);
const char         *awards_list_row_get_title      (AwardsListRow *self);
void                awards_list_row_popup_menu     (AwardsListRow *self,
                                                    double         x,
                                                    double         y);
GtkPopover         *awards_list_row_get_menu       (AwardsListRow *self);
GtkListItemFactory *awards_list_row_factory_new    (GType          item_type);

G_END_DECLS
