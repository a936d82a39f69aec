/* awards-official-layout.h: the header and footer of an administrative document (Decree 30)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

/*
 * The layout Decree 30/2020/NĐ-CP (Appendix I) gives every administrative document, in one place
 * so that every printed document draws it alike:
 *
 *   UBND THÀNH PHỐ HẢI PHÒNG            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
 *   LIÊN MINH HỢP TÁC XÃ (bold)               Độc lập - Tự do - Hạnh phúc (bold)
 *        ─────                                ──────────────────────────
 *   Số: 12/BC-LMHTX                      Hải Phòng, ngày 28 tháng 12 năm 2011 (italic)
 *
 *   … title and body drawn by the caller …
 *
 *   Nơi nhận: (bold italic)                    TM. LIÊN MINH HỢP TÁC XÃ
 *   - Như trên;                                      CHỦ TỊCH
 *   - Lưu: VT.                               (room to sign)
 *                                                  Phạm Văn Hùng (bold)
 *
 * Sizes follow the decree's table: governing body, office name and national name 12.5 pt
 * (12–13), motto 13.5 (13–14), number 13, place and date 13.5 italic, title 14 bold, body
 * @body_size (13–14), signature block 13.5 bold, "Nơi nhận:" 12 bold italic, its list 11. The
 * family is Times New Roman's metric twin, Liberation Serif, or Times New Roman where that is
 * what is installed; never a sans face.
 *
 * A caller measures with a NULL cairo_t (the functions return heights) and draws with one.
 */

typedef struct
{
  const char         *parent;        /* governing body, NULL for none */
  const char         *office;        /* the issuing office */
  const char         *number;        /* "Số: 12/BC-LMHTX", NULL for none */
  const char         *place_date;    /* "Hải Phòng, ngày 28 tháng 12 năm 2011" */
  const char         *signer_form;   /* "TM. LIÊN MINH HỢP TÁC XÃ", "KT. CHỦ TỊCH" or NULL */
  const char         *signer_title;  /* "CHỦ TỊCH"; may hold several lines */
  const char         *signer_name;   /* NULL leaves room for a hand-written name */
  const char * const *recipients;    /* lines under "Nơi nhận:", NULL for no such list */
} AwardsLetterhead;

typedef enum
{
  AWARDS_OFFICIAL_PARENT,
  AWARDS_OFFICIAL_OFFICE,
  AWARDS_OFFICIAL_NATION,
  AWARDS_OFFICIAL_MOTTO,
  AWARDS_OFFICIAL_NUMBER,
  AWARDS_OFFICIAL_PLACE_DATE,
  AWARDS_OFFICIAL_TITLE,
  AWARDS_OFFICIAL_SUBTITLE,
  AWARDS_OFFICIAL_BODY,
  AWARDS_OFFICIAL_BODY_BOLD,
  AWARDS_OFFICIAL_BODY_ITALIC,
  AWARDS_OFFICIAL_SIGNER,
  AWARDS_OFFICIAL_SIGNER_NAME,
  AWARDS_OFFICIAL_RECIPIENTS_HEAD,
  AWARDS_OFFICIAL_RECIPIENTS,
  AWARDS_OFFICIAL_CELL,
  AWARDS_OFFICIAL_CELL_BOLD,
  AWARDS_OFFICIAL_FOOTER,
  AWARDS_OFFICIAL_N_TEXTS,
} AwardsOfficialText;

typedef struct _AwardsOfficialLayout AwardsOfficialLayout;

/* The family to print with: @wanted when installed and not a sans or monospace face, else
 * Liberation Serif, Times New Roman, Tinos, DejaVu Serif, and "Serif" as a last resort. */
const char           *awards_official_resolve_family (const char           *wanted);
char                 *awards_official_family_problem (const char           *family);

/* Texts are measured with @context; @family may be NULL for Liberation Serif; @body_size in
 * points (0 for 13). Turns off metric hinting on @context so that every target breaks alike. */
AwardsOfficialLayout *awards_official_layout_new     (PangoContext         *context,
                                                      const char           *family,
                                                      double                body_size);
void                  awards_official_layout_free    (AwardsOfficialLayout *self);
const char           *awards_official_layout_get_family (AwardsOfficialLayout *self);
/* (transfer none) The font of one kind of text. */
const PangoFontDescription *
                      awards_official_layout_get_font (AwardsOfficialLayout *self,
                                                       AwardsOfficialText    text);

/* The header from the top at @y; returns its height. */
double                awards_official_layout_header  (AwardsOfficialLayout   *self,
                                                      cairo_t                *cr,
                                                      const AwardsLetterhead *letterhead,
                                                      double                  x,
                                                      double                  y,
                                                      double                  width);
/* "Nơi nhận:" at the left and the signature block at the right, from @y; returns the height. */
double                awards_official_layout_footer  (AwardsOfficialLayout   *self,
                                                      cairo_t                *cr,
                                                      const AwardsLetterhead *letterhead,
                                                      double                  x,
                                                      double                  y,
                                                      double                  width);
/* One block of text in the layout's fonts, wrapped at @width; returns its height. */
double                awards_official_layout_text    (AwardsOfficialLayout   *self,
                                                      cairo_t                *cr,
                                                      AwardsOfficialText      text,
                                                      const char             *content,
                                                      PangoAlignment          alignment,
                                                      double                  x,
                                                      double                  y,
                                                      double                  width);

/* "Số: 12/BC-LMHTX" from a document number: a number with a slash is kept as given, a bare
 * number gets "/@kind-@abbreviation", and no number leaves the blank the registry fills in. */
char                 *awards_official_number_line    (const char             *number,
                                                      const char             *kind,
                                                      const char             *abbreviation);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwardsOfficialLayout, awards_official_layout_free)

G_END_DECLS
