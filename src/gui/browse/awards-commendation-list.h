/* awards-commendation-list.h: a table of awards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AWARDS_TYPE_COMMENDATION_LIST (awards_commendation_list_get_type ())

G_DECLARE_FINAL_TYPE (AwardsCommendationList, awards_commendation_list, AWARDS, COMMENDATION_LIST,
                      AdwBin)

GListModel *awards_commendation_list_get_model             (AwardsCommendationList *self);
void        awards_commendation_list_set_model             (AwardsCommendationList *self,
                                                            GListModel             *model);
gboolean    awards_commendation_list_get_show_recipient    (AwardsCommendationList *self);
void        awards_commendation_list_set_show_recipient    (AwardsCommendationList *self,
                                                            gboolean                show);
gboolean    awards_commendation_list_get_show_organisation (AwardsCommendationList *self);
void        awards_commendation_list_set_show_organisation (AwardsCommendationList *self,
                                                            gboolean                show);
gboolean    awards_commendation_list_get_show_decision     (AwardsCommendationList *self);
void        awards_commendation_list_set_show_decision     (AwardsCommendationList *self,
                                                            gboolean                show);
const char *awards_commendation_list_get_empty_text        (AwardsCommendationList *self);
void        awards_commendation_list_set_empty_text        (AwardsCommendationList *self,
                                                            const char             *text);
GtkColumnView *awards_commendation_list_get_column_view    (AwardsCommendationList *self);

G_END_DECLS
