/* awards-certificate-samples.h: the recipients a certificate template is previewed with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "awards-certificate.h"
#include "awards-store.h"

G_BEGIN_DECLS

/* A made-up recipient, for a database with no awards yet. */
AwardsCertificateData *awards_certificate_sample_data        (void);
/* The latest @max awards at most, newest first, as a certificate would print them, with the
 * office profile's place and signer; the sample alone when there are none. Never empty.
 * (transfer full) (element-type AwardsCertificateData) */
GPtrArray             *awards_certificate_preview_recipients (AwardsStore *store,
                                                              guint        max);

G_END_DECLS
