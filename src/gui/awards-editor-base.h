/* awards-editor-base.h: what the record editors share: change tracking, saving, closing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AWARDS_TYPE_EDITOR_BASE (awards_editor_base_get_type ())

G_DECLARE_DERIVABLE_TYPE (AwardsEditorBase, awards_editor_base, AWARDS, EDITOR_BASE, AdwWindow)

/**
 * AwardsEditorBaseClass:
 * @validate: checks the fields and shows their messages, every one of them when @show_all,
 *   otherwise only under the fields the user changed; returns the control of the first
 *   problem, or %NULL when the record can be saved
 * @save: writes the record; returns its id, or 0 with @error set
 *
 * The extension point of the organisation, person and award editors.
 */
struct _AwardsEditorBaseClass
{
  AdwWindowClass parent_class;

  GtkWidget *(*validate) (AwardsEditorBase  *self,
                          gboolean           show_all);
  gint64     (*save)     (AwardsEditorBase  *self,
                          GError           **error);

  /*< private >*/
  gpointer padding[6];
};

void              awards_editor_base_changed             (AwardsEditorBase *self);
gboolean          awards_editor_base_get_show_all        (AwardsEditorBase *self);
void              awards_editor_base_set_error_label     (AwardsEditorBase *self,
                                                          GtkLabel         *label);
void              awards_editor_base_set_discard_heading (AwardsEditorBase *self,
                                                          const char       *heading);
AdwMessageDialog *awards_editor_base_ask_to_discard      (GtkWindow        *editor,
                                                          const char       *heading);

G_END_DECLS
