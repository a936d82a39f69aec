/* awards-proposal.c: the proposal list (danh sách đề nghị) of a year-end review
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "awards-proposal.h"
#include "awards-report-private.h"

AwardsReport *
awards_proposal_build_report (GPtrArray                 *candidates,
                              int                        year,
                              const AwardsReportRequest *frame)
{
  g_autoptr(AwardsReport) self = NULL;
  AwardsReportRequest defaults;
  AwardsDocTable *table = NULL;
  const char *award = NULL;
  guint number = 0;
  AwardsDoc *doc;

  g_return_val_if_fail (candidates != NULL, NULL);

  if (frame == NULL)
    {
      awards_report_request_init (&defaults, AWARDS_REPORT_KIND_SUMMARY);
      frame = &defaults;
    }
  self = g_object_new (AWARDS_TYPE_REPORT, NULL);
  self->kind = AWARDS_REPORT_KIND_SUMMARY;
  self->title = g_strdup_printf ("Danh sách đề nghị khen thưởng năm %d", year);
  doc = self->doc;
  doc->landscape = TRUE;
  awards_report_set_frame (self, frame, NULL, NULL, NULL, NULL);

  awards_doc_add_text (doc, AWARDS_DOC_BLOCK_TITLE, "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG");
  awards_doc_add_printf (doc, AWARDS_DOC_BLOCK_SUBTITLE, "Tổng kết năm %d", year);
  awards_report_add_csv_row (self, "award", "recipient_type", "recipient", "organisation",
                             "reason", "basis", NULL);

  for (guint i = 0; i < candidates->len; i++)
    {
      const AwardsCandidate *candidate = g_ptr_array_index (candidates, i);
      g_autofree char *stt = NULL;

      if (g_strcmp0 (award, candidate->award) != 0)
        {
          award = candidate->award;
          awards_doc_add_printf (doc, AWARDS_DOC_BLOCK_HEADING, "%s", award);
          table = awards_doc_add_table (doc);
          awards_doc_table_add_column (table, 0.5, 24.0, AWARDS_DOC_ALIGN_CENTER, FALSE);
          awards_doc_table_add_column (table, 2.5, 80.0, AWARDS_DOC_ALIGN_START, FALSE);
          awards_doc_table_add_column (table, 2.5, 80.0, AWARDS_DOC_ALIGN_START, FALSE);
          awards_doc_table_add_column (table, 4.0, 100.0, AWARDS_DOC_ALIGN_START, FALSE);
          awards_doc_table_add_column (table, 4.0, 100.0, AWARDS_DOC_ALIGN_START, FALSE);
          awards_doc_table_add (table, AWARDS_DOC_ROW_HEADER, "STT", "Tập thể, cá nhân",
                                "Đơn vị", "Thành tích", "Căn cứ đề nghị");
          number = 0;
        }
      stt = g_strdup_printf ("%u", ++number);
      awards_doc_table_add (table, AWARDS_DOC_ROW_NORMAL, stt, candidate->recipient,
                            candidate->organisation, candidate->reason, candidate->basis);
      awards_report_add_csv_row (self, candidate->award,
                                 awards_recipient_kind_to_string (candidate->kind),
                                 candidate->recipient,
                                 candidate->organisation != NULL ? candidate->organisation : "",
                                 candidate->reason, candidate->basis, NULL);
      if (candidate->kind == AWARDS_RECIPIENT_KIND_COLLECTIVE)
        self->total_collectives++;
      else
        self->total_individuals++;
    }
  if (candidates->len == 0)
    awards_doc_add_text (doc, AWARDS_DOC_BLOCK_PARAGRAPH, "Không có đề nghị nào.");
  return g_steal_pointer (&self);
}
