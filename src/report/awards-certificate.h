/* awards-certificate.h: certificates printed onto pre-printed blanks, one page per recipient
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "awards-certificate-template.h"
#include "awards-store.h"

G_BEGIN_DECLS

/* What one certificate says. */
typedef struct
{
  gint64               commendation_id;
  AwardsRecipientKind  kind;
  char                *award;
  char                *authority;
  char                *label;            /* "Ông", "Bà", "Ông/Bà" or "Tập thể" */
  char                *name;
  char                *position;
  char                *unit;
  char                *achievement;
  char                *decision_number;
  char                *decision_date;    /* ISO */
  char                *place;
  char                *signer_title;
  char                *signer_name;
  char                *register_number;
} AwardsCertificateData;

void                   awards_certificate_data_free (AwardsCertificateData *data);
AwardsCertificateData *awards_certificate_data_copy (const AwardsCertificateData *data);

/*
 * The certificates of a decision (its number; @authority_id narrows it when two authorities used
 * the same number), one per recipient in the annex's order: collectives before individuals, by
 * award, then as the decision lists them. The place comes from the office profile; the signer
 * is the decision's, else the profile's. (element-type AwardsCertificateData) (transfer full)
 */
GPtrArray             *awards_certificate_data_for_decision (AwardsStore   *store,
                                                              const char    *number,
                                                              gint64         authority_id,
                                                              GError       **error);

GPtrArray             *awards_certificate_data_for_decision_id (AwardsStore *store,
                                                                 gint64       decision_id,
                                                                 GError     **error);

/* The text a pattern gives for @data: "{place}, ngày {dd} tháng {mm} năm {yyyy}" → "Hải Phòng,
 * ngày 05 tháng 02 năm 2012" (day and month as Decree 30 writes them). */
char                  *awards_certificate_expand    (const char                  *pattern,
                                                     const AwardsCertificateData *data);

/* Lays one field out at the largest size from its size down to its minimum at which it takes
 * no more than its lines; the layout is @context's own, ready to draw at the field's corner.
 * Returns NULL with an error naming the recipient and the field when it does not fit, or when
 * the field is hidden or empty (with no error). */
PangoLayout           *awards_certificate_layout_field (PangoContext                    *context,
                                                        const AwardsCertificateTemplate *template,
                                                        AwardsCertificateFieldId         id,
                                                        const AwardsCertificateData     *data,
                                                        GError                         **error);

/* Whether every field of @data fits its template; the error names the recipient and field. */
gboolean               awards_certificate_check     (PangoContext                    *context,
                                                     const AwardsCertificateTemplate *template,
                                                     const AwardsCertificateData     *data,
                                                     GError                         **error);

/* awards_certificate_check () for each page, measured as the PDF and the printer measure. */
gboolean               awards_certificates_check    (GPtrArray                       *templates,
                                                     GPtrArray                       *data,
                                                     GError                         **error);

/* Draws one certificate in points with the blank's top-left corner at the origin of @cr,
 * shifted by the printer's offset in mm. With @background the template's image fills the page
 * (test prints and previews); without it only the text is printed onto the blank. A field that
 * does not fit is drawn at its minimum size and clipped: call awards_certificate_check first. */
void                   awards_certificate_draw      (cairo_t                         *cr,
                                                     PangoContext                    *context,
                                                     const AwardsCertificateTemplate *template,
                                                     const AwardsCertificateData     *data,
                                                     gboolean                         background,
                                                     double                           offset_x,
                                                     double                           offset_y);

/* A sheet of plain paper with a millimetre grid and rulers, to find a printer's offset. */
void                   awards_certificate_draw_calibration (cairo_t                  *cr,
                                                            PangoContext             *context,
                                                            double                    width_mm,
                                                            double                    height_mm,
                                                            double                    offset_x,
                                                            double                    offset_y);

/* For each page its template; the pages' sizes are the templates' papers. Checks every page
 * before writing any, so an overflow leaves no half-written file. */
gboolean               awards_certificates_write_pdf (GPtrArray                      *templates,
                                                      GPtrArray                      *data,
                                                      gboolean                        background,
                                                      GOutputStream                  *output,
                                                      GError                        **error);

G_END_DECLS
