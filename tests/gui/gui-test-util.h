/* gui-test-util.h: temporary stores with Vietnamese data, for the GUI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib/gstdio.h>

#include "awards-store.h"

/* Removes a directory tree made by a test. */
static inline void
gui_test_remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          gui_test_remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    {
      g_unlink (path);
    }
}

static inline AwardsCommendation *
gui_test_recipient (AwardsRecipientKind  kind,
                    const char          *name,
                    const char          *organisation,
                    const char          *position,
                    const char          *award)
{
  AwardsCommendation *commendation = awards_commendation_new ();

  awards_commendation_set_recipient_kind (commendation, kind);
  awards_commendation_set_recipient_name (commendation, name);
  awards_commendation_set_organisation_at_time_name (commendation, organisation);
  awards_commendation_set_position (commendation, position);
  awards_commendation_set_award_name (commendation, award);
  awards_commendation_set_achievement (commendation,
                                       "Đã có thành tích xuất sắc trong sản xuất kinh doanh "
                                       "năm 2011");
  return commendation;
}

static inline gint64
gui_test_save_decision (AwardsStore *store,
                        const char  *number,
                        const char  *date,
                        const char  *authority,
                        GPtrArray   *recipients)
{
  g_autoptr (AwardsDecision) decision = awards_decision_new ();
  g_autoptr (GError) error = NULL;
  gint64 id;

  awards_decision_set_number (decision, number);
  awards_decision_set_date (decision, date);
  awards_decision_set_authority_name (decision, authority);
  id = awards_store_save_decision (store, decision, recipients, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

/* The year-end review of Hải Phòng, 28/12/2011: two decisions, 5 collectives, 3 people.
 * Returns the id of the second decision (5 recipients). */
static inline gint64
gui_test_seed (AwardsStore *store)
{
  g_autoptr (GPtrArray) flags = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) merits = g_ptr_array_new_with_free_func (g_object_unref);
  const AwardsRecipientKind C = AWARDS_RECIPIENT_KIND_COLLECTIVE;
  const AwardsRecipientKind I = AWARDS_RECIPIENT_KIND_INDIVIDUAL;

  g_ptr_array_add (flags, gui_test_recipient (C, "Liên minh HTX thành phố Hải Phòng", NULL, NULL,
                                              "Cờ thi đua xuất sắc"));
  g_ptr_array_add (flags, gui_test_recipient (C, "HTX Bạch Đằng", NULL, NULL,
                                              "Cờ thi đua xuất sắc"));
  g_ptr_array_add (flags, gui_test_recipient (C, "Công ty TNHH Quý Cao", NULL, NULL,
                                              "Cờ thi đua xuất sắc"));
  gui_test_save_decision (store, "3456/QĐ-UBND", "2011-12-28", "UBND thành phố Hải Phòng",
                          flags);

  g_ptr_array_add (merits, gui_test_recipient (C, "HTX Đan Phượng", NULL, NULL, "Bằng khen"));
  g_ptr_array_add (merits, gui_test_recipient (C, "HTX nông nghiệp Minh Tân", NULL, NULL,
                                               "Bằng khen"));
  g_ptr_array_add (merits, gui_test_recipient (I, "Trần Văn Bảy", "HTX Bạch Đằng", "Chủ nhiệm",
                                               "Bằng khen"));
  g_ptr_array_add (merits, gui_test_recipient (I, "Đan Đức Hiệp", "HTX Đan Phượng", "Kế toán",
                                               "Bằng khen"));
  g_ptr_array_add (merits, gui_test_recipient (I, "Nguyễn Thị Hoa", "HTX Bạch Đằng", "Xã viên",
                                               "Bằng khen"));
  return gui_test_save_decision (store, "3457/QĐ-UBND", "2011-12-28",
                                 "UBND thành phố Hải Phòng", merits);
}
