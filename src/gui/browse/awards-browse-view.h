/* awards-browse-view.h: a searchable list beside the details of the selected item
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "awards-paged-model.h"

G_BEGIN_DECLS

#define AWARDS_TYPE_BROWSE_VIEW (awards_browse_view_get_type ())

G_DECLARE_FINAL_TYPE (AwardsBrowseView, awards_browse_view, AWARDS, BROWSE_VIEW, AdwBin)

AwardsPagedModel   *awards_browse_view_get_model              (AwardsBrowseView   *self);
void                awards_browse_view_set_model              (AwardsBrowseView   *self,
                                                               AwardsPagedModel   *model);
GtkListItemFactory *awards_browse_view_get_factory            (AwardsBrowseView   *self);
void                awards_browse_view_set_factory            (AwardsBrowseView   *self,
                                                               GtkListItemFactory *factory);
GtkWidget          *awards_browse_view_get_content            (AwardsBrowseView   *self);
void                awards_browse_view_set_content            (AwardsBrowseView   *self,
                                                               GtkWidget          *content);
const char         *awards_browse_view_get_search_placeholder (AwardsBrowseView   *self);
void                awards_browse_view_set_search_placeholder (AwardsBrowseView   *self,
                                                               const char         *placeholder);
const char         *awards_browse_view_get_list_label         (AwardsBrowseView   *self);
void                awards_browse_view_set_list_label         (AwardsBrowseView   *self,
                                                               const char         *label);
gpointer            awards_browse_view_get_selected_item      (AwardsBrowseView   *self);
gboolean            awards_browse_view_get_showing_content    (AwardsBrowseView   *self);
GtkEditable        *awards_browse_view_get_search_entry       (AwardsBrowseView   *self);
void                awards_browse_view_focus_search           (AwardsBrowseView   *self);
void                awards_browse_view_show_sidebar           (AwardsBrowseView   *self);
void                awards_browse_view_show_content           (AwardsBrowseView   *self);
void                awards_browse_view_set_filter_bar         (AwardsBrowseView   *self,
                                                               GtkWidget          *filter_bar);
GtkWidget          *awards_browse_view_get_filter_bar         (AwardsBrowseView   *self);
void                awards_browse_view_set_filtered           (AwardsBrowseView   *self,
                                                               gboolean            filtered);

G_END_DECLS
