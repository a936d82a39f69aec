/* awards-certificate-template.h: where each text goes on a pre-printed certificate blank
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "awards-enums.h"

G_BEGIN_DECLS

/*
 * A certificate template says, for one kind of blank (an award and a kind of recipient), the
 * paper, an optional scanned background for previews and test prints, and where each field is
 * printed. Templates are GKeyFile files ("*.certificate", format in README.md):
 *
 *   [Certificate]
 *   Name=bang-khen-ca-nhan            a short name, unique among templates
 *   Title=Bằng khen – cá nhân          shown to people
 *   Award=Bằng khen                    the award it prints (matched ignoring case and accents)
 *   Recipient=individual               individual or collective
 *   Paper=A3                           A3, A4, A5, or Width= and Height= in mm
 *   Orientation=landscape              landscape or portrait
 *   Background=bang-khen.png           optional, relative to the file
 *   Font=Liberation Serif              the fields' default family
 *
 *   [Field name]                       one group per field (see AwardsCertificateFieldId)
 *   X=60  Y=95  Width=300              the text box's top-left corner and width, in mm
 *   Size=26  MinSize=18  Lines=1       points; the text shrinks down to MinSize to fit in Lines
 *   Bold=true  Italic=false  Upper=true  Visible=true
 *   Align=center                       left, center or right within Width
 *   Font=…                             optional, instead of the template's
 *   Pattern={name}                     the text, with {placeholders} (README.md)
 */

typedef enum
{
  AWARDS_CERTIFICATE_FIELD_LABEL,          /* "Ông"/"Bà"/"Tập thể" */
  AWARDS_CERTIFICATE_FIELD_NAME,
  AWARDS_CERTIFICATE_FIELD_POSITION,       /* position and unit */
  AWARDS_CERTIFICATE_FIELD_ACHIEVEMENT,
  AWARDS_CERTIFICATE_FIELD_PLACE_DATE,
  AWARDS_CERTIFICATE_FIELD_DECISION,       /* decision number and date */
  AWARDS_CERTIFICATE_FIELD_SIGNER_TITLE,
  AWARDS_CERTIFICATE_FIELD_SIGNER_NAME,
  AWARDS_CERTIFICATE_FIELD_REGISTER,       /* register number (số sổ vàng) */
  AWARDS_CERTIFICATE_N_FIELDS,
} AwardsCertificateFieldId;

typedef enum
{
  AWARDS_CERTIFICATE_ALIGN_LEFT,
  AWARDS_CERTIFICATE_ALIGN_CENTER,
  AWARDS_CERTIFICATE_ALIGN_RIGHT,
} AwardsCertificateAlign;

typedef struct
{
  double                  x;          /* mm from the blank's left edge */
  double                  y;          /* mm from its top edge to the top of the first line */
  double                  width;      /* mm */
  char                   *font;       /* NULL: the template's */
  double                  size;       /* points */
  double                  min_size;   /* points; the text may shrink to this to fit */
  guint                   max_lines;
  gboolean                bold;
  gboolean                italic;
  gboolean                upper;
  gboolean                visible;
  AwardsCertificateAlign  align;
  char                   *pattern;
} AwardsCertificateField;

typedef struct
{
  char                   *name;
  char                   *title;
  char                   *award;
  AwardsRecipientKind     recipient;
  double                  paper_width;    /* mm, as the blank is printed (orientation applied) */
  double                  paper_height;
  char                   *background;     /* absolute path, or NULL */
  char                   *font;
  char                   *path;           /* where it was read from, or NULL */
  AwardsCertificateField  fields[AWARDS_CERTIFICATE_N_FIELDS];
} AwardsCertificateTemplate;

/* The group name of a field in the file: "label", "name", "position", … */
const char                *awards_certificate_field_id_to_key (AwardsCertificateFieldId  id);
/* Translatable label of a field, for the designer: N_("Recipient label"), … */
const char                *awards_certificate_field_id_get_label (AwardsCertificateFieldId id);

AwardsCertificateTemplate *awards_certificate_template_new    (void);
AwardsCertificateTemplate *awards_certificate_template_copy   (const AwardsCertificateTemplate *self);
void                       awards_certificate_template_free   (AwardsCertificateTemplate *self);

/* Reads a template; an error names the file, the group and the key that are wrong. */
AwardsCertificateTemplate *awards_certificate_template_load   (const char                *path,
                                                               GError                   **error);
AwardsCertificateTemplate *awards_certificate_template_parse  (const char                *data,
                                                               gsize                      length,
                                                               const char                *base_dir,
                                                               const char                *display_name,
                                                               GError                   **error);
char                      *awards_certificate_template_to_data (const AwardsCertificateTemplate *self,
                                                                gsize                    *length);
/* Writes the template to @path (a temporary file renamed into place). */
gboolean                   awards_certificate_template_save   (const AwardsCertificateTemplate *self,
                                                               const char                *path,
                                                               GError                   **error);

/* The folders templates are read from, first wins for one name: the user's
 * ($XDG_DATA_HOME/coop-awards/certificates), those in $COOP_AWARDS_CERTIFICATES (colon-separated,
 * for uninstalled runs), then the installed ones. (transfer full) */
GStrv                      awards_certificate_template_dirs   (void);
char                      *awards_certificate_template_user_dir (void);
/* Every template in those folders, by name; a file that cannot be read is an error. */
GPtrArray                 *awards_certificate_template_list   (GError                   **error);
/* The template for an award and kind of recipient: the same award name, else one whose award
 * begins the award's name ("Bằng khen" for "Bằng khen của Chủ tịch UBND"). (transfer none) */
AwardsCertificateTemplate *awards_certificate_template_find   (GPtrArray                 *templates,
                                                               const char                *award,
                                                               AwardsRecipientKind        recipient);
AwardsCertificateTemplate *awards_certificate_template_find_name (GPtrArray              *templates,
                                                                  const char             *name);

/* Whether {@name} (@length bytes, without the braces) is a placeholder patterns may use. */
gboolean                   awards_certificate_placeholder_is_known (const char         *name,
                                                                    gsize               length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwardsCertificateTemplate, awards_certificate_template_free)

G_END_DECLS
