/* awards-certificate-exchange.h: certificate templates shared between offices as files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "awards-certificate-template.h"

G_BEGIN_DECLS

/* Writes @template to @path for another office: the blank's picture is copied beside it, named
 * after the template ("NAME.png"), and the file names it by that relative name. */
gboolean                   awards_certificate_template_export (const AwardsCertificateTemplate *template,
                                                               const char                *path,
                                                               GError                   **error);
/* Reads the template at @path (a relative picture name is found beside it, an absolute one where
 * it says), copies its picture into @dir and saves the template there as NAME.certificate.
 * Returns the template as saved in @dir. */
AwardsCertificateTemplate *awards_certificate_template_import (const char                *path,
                                                               const char                *dir,
                                                               GError                   **error);

G_END_DECLS
