/* awards-record-picker.h: a searchable list of organisations, decisions or people, one chosen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "awards-store.h"

G_BEGIN_DECLS

typedef enum
{
  AWARDS_RECORD_PICKER_ORGANISATIONS,
  AWARDS_RECORD_PICKER_DECISIONS,
  AWARDS_RECORD_PICKER_PEOPLE,
} AwardsRecordPickerKind;

#define AWARDS_TYPE_RECORD_PICKER (awards_record_picker_get_type ())

G_DECLARE_FINAL_TYPE (AwardsRecordPicker, awards_record_picker, AWARDS, RECORD_PICKER, GtkBox)

void          awards_record_picker_set_store               (AwardsRecordPicker *self,
                                                            AwardsStore        *store);
void          awards_record_picker_reload                  (AwardsRecordPicker *self);
gint64        awards_record_picker_get_chosen_id           (AwardsRecordPicker *self);
gint64        awards_record_picker_get_chosen_authority_id (AwardsRecordPicker *self);
const char   *awards_record_picker_get_chosen_title        (AwardsRecordPicker *self);
void          awards_record_picker_set_choice              (AwardsRecordPicker *self,
                                                            gint64              id,
                                                            gint64              authority_id,
                                                            const char         *title);
void          awards_record_picker_choose                  (AwardsRecordPicker *self,
                                                            gint64              id,
                                                            gint64              authority_id,
                                                            const char         *title);

G_END_DECLS
