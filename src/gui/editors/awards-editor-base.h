/* awards-editor-base.h: what the record editors share: change tracking, saving, closing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "awards-name-guard.h"

G_BEGIN_DECLS

#define AWARDS_TYPE_EDITOR_BASE (awards_editor_base_get_type ())

G_DECLARE_DERIVABLE_TYPE (AwardsEditorBase, awards_editor_base, AWARDS, EDITOR_BASE, AdwWindow)

/**
 * AwardsEditorBaseClass:
 * @validate: checks the fields and shows their messages, every one of them when @show_all,
 *   otherwise only under the fields the user changed; returns the control of the first
 *   problem, or %NULL when the record can be saved
 * @save_async: starts writing the record with the store's asynchronous call, passing it
 *   @callback and @user_data; returns %FALSE when it did not start (a question was asked
 *   instead, which saves again if told to)
 * @save_finish: takes the result of that call; returns the record's id, or 0 with @error set
 *
 * The extension point of the organisation, person and award editors. The record is written on
 * the store's write thread, so the window goes on answering while the write waits for the
 * database; the editor shows it is busy until then.
 */
struct _AwardsEditorBaseClass
{
  AdwWindowClass parent_class;

  GtkWidget *(*validate)    (AwardsEditorBase     *self,
                             gboolean              show_all);
  gboolean   (*save_async)  (AwardsEditorBase     *self,
                             GAsyncReadyCallback   callback,
                             gpointer              user_data);
  gint64     (*save_finish) (AwardsEditorBase     *self,
                             GAsyncResult         *result,
                             GError              **error);

  /*< private >*/
  gpointer padding[5];
};

void              awards_editor_base_changed             (AwardsEditorBase *self);
void              awards_editor_base_set_name_guard      (AwardsEditorBase *self,
                                                          AwardsNameGuard  *guard);
AwardsNameGuard  *awards_editor_base_get_name_guard      (AwardsEditorBase *self);
gboolean          awards_editor_base_get_checking        (AwardsEditorBase *self);
gboolean          awards_editor_base_get_show_all        (AwardsEditorBase *self);
gboolean          awards_editor_base_get_saving          (AwardsEditorBase *self);
void              awards_editor_base_set_error_label     (AwardsEditorBase *self,
                                                          GtkLabel         *label);
void              awards_editor_base_set_discard_heading (AwardsEditorBase *self,
                                                          const char       *heading);
AdwMessageDialog *awards_editor_base_ask_to_discard      (GtkWindow        *editor,
                                                          const char       *heading);

G_END_DECLS
