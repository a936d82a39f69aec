/* awards-certificate-samples.c: the recipients a certificate template is previewed with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "awards-certificate-samples.h"
#include "awards-settings.h"

/**
 * awards_certificate_sample_data:
 *
 * Returns: (transfer full): a recipient to preview a template with when there is no other
 */
AwardsCertificateData *
awards_certificate_sample_data (void)
{
  AwardsCertificateData *data = g_new0 (AwardsCertificateData, 1);

  data->kind = AWARDS_RECIPIENT_KIND_INDIVIDUAL;
  data->label = g_strdup ("Ông");
  data->name = g_strdup ("Nguyễn Văn Đức");
  data->position = g_strdup ("Giám đốc");
  data->unit = g_strdup ("HTX Bạch Đằng");
  data->achievement = g_strdup ("Đã có thành tích xuất sắc trong sản xuất kinh doanh năm 2011");
  data->decision_number = g_strdup ("3457/QĐ-UBND");
  data->decision_date = g_strdup ("2011-12-28");
  data->place = g_strdup ("Hải Phòng");
  data->signer_title = g_strdup ("CHỦ TỊCH");
  data->signer_name = g_strdup ("Phạm Văn Hùng");
  data->register_number = g_strdup ("15/2011");
  return data;
}

typedef struct
{
  GPtrArray           *recipients;
  AwardsOfficeProfile *profile;
  guint                max;
} RecipientCollector;

static gboolean
collect_recipient_cb (const AwardsCommendationRow *row,
                      gpointer                     user_data)
{
  RecipientCollector *collector = user_data;
  AwardsCertificateData *data = g_new0 (AwardsCertificateData, 1);

  data->commendation_id = row->id;
  data->kind = row->recipient_kind;
  data->label = g_strdup (row->recipient_kind == AWARDS_RECIPIENT_KIND_COLLECTIVE ? "Tập thể"
                                                                                : "Ông/Bà");
  data->name = g_strdup (row->recipient);
  data->position = g_strdup (row->position);
  data->unit = g_strdup (row->organisation_at_time);
  data->achievement = g_strdup (row->achievement);
  data->award = g_strdup (row->award);
  data->authority = g_strdup (row->authority);
  data->decision_number = g_strdup (row->decision_number);
  data->decision_date = g_strdup (row->date);
  data->register_number = g_strdup (row->register_number);
  if (collector->profile != NULL)
    {
      data->place = g_strdup (collector->profile->place);
      data->signer_title = g_strdup (collector->profile->signer_title);
      data->signer_name = g_strdup (collector->profile->signer_name);
    }
  g_ptr_array_add (collector->recipients, data);
  return collector->recipients->len < collector->max;
}

/**
 * awards_certificate_preview_recipients:
 * @store: the store
 * @max: how many at most
 *
 * Returns: (transfer full): the latest awards as certificate data, or the sample alone
 */
GPtrArray *
awards_certificate_preview_recipients (AwardsStore *store,
                                       guint        max)
{
  g_autoptr (AwardsOfficeProfile) profile = NULL;
  RecipientCollector collector;

  g_return_val_if_fail (AWARDS_IS_STORE (store), NULL);

  profile = awards_store_get_office_profile (store, NULL);
  collector.recipients =
    g_ptr_array_new_with_free_func ((GDestroyNotify) awards_certificate_data_free);
  collector.profile = profile;
  collector.max = max;
  awards_store_foreach_commendation (store, NULL, AWARDS_ORDER_NEWEST_FIRST,
                                     collect_recipient_cb, &collector, NULL);
  if (collector.recipients->len == 0)
    g_ptr_array_add (collector.recipients, awards_certificate_sample_data ());
  return collector.recipients;
}
