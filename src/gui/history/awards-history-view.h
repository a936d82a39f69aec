/* awards-history-view.h: a list of changes from the audit log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "awards-audit.h"

G_BEGIN_DECLS

#define AWARDS_TYPE_HISTORY_VIEW (awards_history_view_get_type ())

G_DECLARE_FINAL_TYPE (AwardsHistoryView, awards_history_view, AWARDS, HISTORY_VIEW, GtkWidget)

AwardsHistoryView *awards_history_view_new        (void);
void               awards_history_view_set_store  (AwardsHistoryView *self,
                                                   AwardsStore       *store);
void               awards_history_view_set_record (AwardsHistoryView *self,
                                                   const char        *kind,
                                                   gint64             record_id);
void               awards_history_view_reload     (AwardsHistoryView *self);
guint              awards_history_view_get_n_rows (AwardsHistoryView *self);
char              *awards_entry_title             (const AwardsAuditEntry *entry);

G_END_DECLS
