/* awards-certificate-files.h: the certificate designer's file dialogs — export, import and the
 * blank's picture
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "awards-certificate-designer.h"

G_BEGIN_DECLS

/* Each asks for a file in a dialog over the designer's window and acts on the designer. */
void awards_certificate_files_export         (AwardsCertificateDesigner *designer);
void awards_certificate_files_import         (AwardsCertificateDesigner *designer);
void awards_certificate_files_choose_picture (AwardsCertificateDesigner *designer);

G_END_DECLS
