/* awards-completion.h: name completion for entries, from the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "awards-store.h"

G_BEGIN_DECLS

typedef enum
{
  AWARDS_COMPLETION_AUTHORITY,
  AWARDS_COMPLETION_AWARD_TYPE,
  AWARDS_COMPLETION_ORGANISATION,
  AWARDS_COMPLETION_PERSON,
} AwardsCompletionKind;

/* Called when the user picks a suggestion; @item is the record it came from. */
typedef void (*AwardsCompletionFunc) (GtkEntry *entry,
                                      GObject  *item,
                                      gpointer  user_data);

void awards_completion_attach (GtkEntry             *entry,
                               AwardsStore          *store,
                               AwardsCompletionKind  kind,
                               AwardsCompletionFunc  selected_func,
                               gpointer              user_data);
void  awards_completion_set_kind           (GtkEntry             *entry,
                                           AwardsCompletionKind  kind);
void  awards_completion_set_store          (GtkEntry             *entry,
                                           AwardsStore          *store);
void  awards_completion_set_store_within   (GtkWidget            *root,
                                           AwardsStore          *store);
guint awards_completion_get_n_suggestions (GtkEntry             *entry);
gboolean awards_completion_is_pending     (GtkEntry             *entry);
void  awards_completion_guard_escape      (GtkWindow            *window);

G_END_DECLS
