/* awards-certificate-designer.h: fields placed over a certificate blank, by dragging and by numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "awards-certificate.h"
#include "awards-store.h"

G_BEGIN_DECLS

#define AWARDS_TYPE_CERTIFICATE_DESIGNER (awards_certificate_designer_get_type ())

G_DECLARE_FINAL_TYPE (AwardsCertificateDesigner, awards_certificate_designer, AWARDS,
                      CERTIFICATE_DESIGNER, GtkBox)

GtkWidget   *awards_certificate_designer_new            (AwardsStore               *store);
/* A window with a designer in it, for the Preferences window. */
GtkWidget   *awards_certificate_designer_window_new     (GtkWindow                 *parent,
                                                         AwardsStore               *store);

/* Loads the templates again and shows the one named @name; FALSE if there is none. */
gboolean     awards_certificate_designer_show_template  (AwardsCertificateDesigner *self,
                                                         const char                *name);
/* (transfer none) The template as edited so far. */
const AwardsCertificateTemplate *
             awards_certificate_designer_get_template   (AwardsCertificateDesigner *self);
void         awards_certificate_designer_select_field   (AwardsCertificateDesigner *self,
                                                         AwardsCertificateFieldId   id);
AwardsCertificateFieldId
             awards_certificate_designer_get_selected_field (AwardsCertificateDesigner *self);
/* The data the preview shows; @data is copied. */
void         awards_certificate_designer_set_preview    (AwardsCertificateDesigner *self,
                                                         const AwardsCertificateData *data);
/* The text a field shows in the preview now. */
char        *awards_certificate_designer_get_preview_text (AwardsCertificateDesigner *self,
                                                           AwardsCertificateFieldId   id);
/* Where the point (@x_mm, @y_mm) of the blank is on the canvas, in its widget coordinates. */
void         awards_certificate_designer_mm_to_canvas   (AwardsCertificateDesigner *self,
                                                         double                     x_mm,
                                                         double                     y_mm,
                                                         double                    *x,
                                                         double                    *y);
/* (transfer none) Parts, for tests and for keyboard focus. */
GtkWidget   *awards_certificate_designer_get_canvas     (AwardsCertificateDesigner *self);
GtkGesture  *awards_certificate_designer_get_drag       (AwardsCertificateDesigner *self);
GtkSpinButton *awards_certificate_designer_get_spin     (AwardsCertificateDesigner *self,
                                                         const char                *what);
/* The blank's picture (a PNG) under the fields; Save keeps it. */
void         awards_certificate_designer_set_background (AwardsCertificateDesigner *self,
                                                         const char                *path);
/* Writes the edited template to the user's folder (or @path when given). */
gboolean     awards_certificate_designer_save           (AwardsCertificateDesigner *self,
                                                         const char                *path,
                                                         GError                   **error);

G_END_DECLS
