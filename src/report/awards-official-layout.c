/* awards-official-layout.c: the header and footer of an administrative document (Decree 30)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "awards-official-layout.h"

#define LEFT_SHARE       0.45   /* of the width: the office's block and "Nơi nhận:" */
#define COLUMN_GAP       16.0   /* points kept free between the office's block and the nation's */
#define SIGNATURE_SPACE 64.0    /* room to sign, in points */
#define RULE_GAP         3.0

struct _AwardsOfficialLayout
{
  PangoContext         *context;
  PangoLayout          *layout;
  char                 *family;
  PangoFontDescription *fonts[AWARDS_OFFICIAL_N_TEXTS];
};

static gboolean
family_installed (PangoFontFamily **families,
                  int               n_families,
                  const char       *name,
                  gboolean          allow_any)
{
  for (int i = 0; i < n_families; i++)
    {
      const char *family = pango_font_family_get_name (families[i]);

      if (g_ascii_strcasecmp (family, name) != 0)
        continue;
      if (pango_font_family_is_monospace (families[i]))
        return FALSE;
      /* A face the user names is taken unless its name says it is a sans face. */
      return allow_any || strstr (family, "Sans") == NULL;
    }

  return FALSE;
}

const char *
awards_official_resolve_family (const char *wanted)
{
  static const char *const serifs[] = {
    "Liberation Serif", "Times New Roman", "Tinos", "DejaVu Serif",
  };
  static GMutex mutex;
  static char *last_wanted;
  static const char *last_result;
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  PangoFontFamily **families = NULL;
  const char *result = "Serif";
  int n_families = 0;

  g_mutex_lock (&mutex);
  if (last_result != NULL && g_strcmp0 (last_wanted, wanted) == 0)
    {
      result = last_result;
      g_mutex_unlock (&mutex);
      return result;
    }

  pango_font_map_list_families (map, &families, &n_families);
  if (wanted != NULL && wanted[0] != '\0' &&
      family_installed (families, n_families, wanted, FALSE))
    result = g_intern_string (wanted);
  else
    for (guint i = 0; i < G_N_ELEMENTS (serifs); i++)
      if (family_installed (families, n_families, serifs[i], TRUE))
        {
          result = serifs[i];
          break;
        }
  g_free (families);

  g_free (last_wanted);
  last_wanted = g_strdup (wanted);
  last_result = result;
  g_mutex_unlock (&mutex);

  return result;
}

/**
 * awards_official_family_problem:
 * @family: a font family a clerk chose for printed documents
 *
 * Returns: (transfer full) (nullable): why documents would not be printed in @family (it is not
 *   installed, or it is a sans or monospace face, which awards_official_resolve_family () passes
 *   over), or %NULL when they would; an empty name means the default, and is fine
 */
char *
awards_official_family_problem (const char *family)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  PangoFontFamily **families = NULL;
  int n_families = 0;
  gboolean installed = FALSE;
  gboolean serif = FALSE;

  if (family == NULL || family[0] == '\0')
    return NULL;
  pango_font_map_list_families (map, &families, &n_families);
  for (int i = 0; i < n_families; i++)
    if (g_ascii_strcasecmp (pango_font_family_get_name (families[i]), family) == 0)
      {
        installed = TRUE;
        serif = family_installed (families, n_families, family, FALSE);
        break;
      }
  g_free (families);
  if (!installed)
    return g_strdup_printf (_("The font “%s” is not installed on this computer. Name an "
                              "installed serif font, such as Liberation Serif or Times New "
                              "Roman."), family);
  if (!serif)
    return g_strdup_printf (_("The font “%s” is not a serif font: official documents are set "
                              "in one, such as Liberation Serif or Times New Roman."), family);
  return NULL;
}

static PangoFontDescription *
make_font (const char  *family,
           PangoWeight  weight,
           PangoStyle   style,
           double       size)
{
  PangoFontDescription *description = pango_font_description_new ();

  pango_font_description_set_family (description, family);
  pango_font_description_set_weight (description, weight);
  pango_font_description_set_style (description, style);
  pango_font_description_set_size (description, (int) (size * PANGO_SCALE));
  return description;
}

AwardsOfficialLayout *
awards_official_layout_new (PangoContext *context,
                            const char   *family,
                            double        body_size)
{
  AwardsOfficialLayout *self;
  const cairo_font_options_t *current;
  cairo_font_options_t *options;
  const PangoWeight B = PANGO_WEIGHT_BOLD, N = PANGO_WEIGHT_NORMAL;
  const PangoStyle R = PANGO_STYLE_NORMAL, I = PANGO_STYLE_ITALIC;
  const char *f;

  g_return_val_if_fail (PANGO_IS_CONTEXT (context), NULL);

  if (body_size <= 0)
    body_size = 13;

  /* Unhinted metrics and unrounded glyph positions make the line breaks, and so the pages, the
   * same on every target. */
  pango_context_set_round_glyph_positions (context, FALSE);
  current = pango_cairo_context_get_font_options (context);
  options = current != NULL ? cairo_font_options_copy (current) : cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);

  self = g_new0 (AwardsOfficialLayout, 1);
  self->context = g_object_ref (context);
  self->layout = pango_layout_new (context);
  pango_layout_set_wrap (self->layout, PANGO_WRAP_WORD_CHAR);
  self->family = g_strdup (awards_official_resolve_family (family != NULL ? family
                                                                          : "Liberation Serif"));
  f = self->family;

  self->fonts[AWARDS_OFFICIAL_PARENT] = make_font (f, N, R, 12.5);
  self->fonts[AWARDS_OFFICIAL_OFFICE] = make_font (f, B, R, 12.5);
  self->fonts[AWARDS_OFFICIAL_NATION] = make_font (f, B, R, 12.5);
  self->fonts[AWARDS_OFFICIAL_MOTTO] = make_font (f, B, R, 13.5);
  self->fonts[AWARDS_OFFICIAL_NUMBER] = make_font (f, N, R, 13);
  self->fonts[AWARDS_OFFICIAL_PLACE_DATE] = make_font (f, N, I, 13.5);
  self->fonts[AWARDS_OFFICIAL_TITLE] = make_font (f, B, R, 14);
  self->fonts[AWARDS_OFFICIAL_SUBTITLE] = make_font (f, B, I, body_size);
  self->fonts[AWARDS_OFFICIAL_BODY] = make_font (f, N, R, body_size);
  self->fonts[AWARDS_OFFICIAL_BODY_BOLD] = make_font (f, B, R, body_size);
  self->fonts[AWARDS_OFFICIAL_BODY_ITALIC] = make_font (f, N, I, body_size);
  self->fonts[AWARDS_OFFICIAL_SIGNER] = make_font (f, B, R, 13.5);
  self->fonts[AWARDS_OFFICIAL_SIGNER_NAME] = make_font (f, B, R, 13.5);
  self->fonts[AWARDS_OFFICIAL_RECIPIENTS_HEAD] = make_font (f, B, I, 12);
  self->fonts[AWARDS_OFFICIAL_RECIPIENTS] = make_font (f, N, R, 11);
  /* Tables are not in the decree's table; 10 pt Times is as dense as the 9 pt sans face the
   * reports had, so a 10,000-recipient annex keeps its page count. */
  self->fonts[AWARDS_OFFICIAL_CELL] = make_font (f, N, R, 10);
  self->fonts[AWARDS_OFFICIAL_CELL_BOLD] = make_font (f, B, R, 10);
  self->fonts[AWARDS_OFFICIAL_FOOTER] = make_font (f, N, R, 10);

  return self;
}

void
awards_official_layout_free (AwardsOfficialLayout *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < AWARDS_OFFICIAL_N_TEXTS; i++)
    g_clear_pointer (&self->fonts[i], pango_font_description_free);
  g_clear_object (&self->layout);
  g_clear_object (&self->context);
  g_free (self->family);
  g_free (self);
}

const char *
awards_official_layout_get_family (AwardsOfficialLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->family;
}

const PangoFontDescription *
awards_official_layout_get_font (AwardsOfficialLayout *self,
                                 AwardsOfficialText    text)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (text < AWARDS_OFFICIAL_N_TEXTS, NULL);

  return self->fonts[text];
}

static PangoLayout *
prepare (AwardsOfficialLayout *self,
         AwardsOfficialText    text,
         const char           *content,
         PangoAlignment        alignment,
         double                width)
{
  PangoLayout *layout = self->layout;

  pango_layout_set_font_description (layout, self->fonts[text]);
  pango_layout_set_width (layout, pango_units_from_double (MAX (width, 1.0)));
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_indent (layout, 0);
  pango_layout_set_justify (layout, FALSE);
  pango_layout_set_text (layout, content != NULL ? content : "", -1);
  return layout;
}

static double
show (cairo_t     *cr,
      PangoLayout *layout,
      double       x,
      double       y)
{
  int height = 0;

  if (cr != NULL)
    {
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, layout);
    }
  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

double
awards_official_layout_text (AwardsOfficialLayout *self,
                             cairo_t              *cr,
                             AwardsOfficialText    text,
                             const char           *content,
                             PangoAlignment        alignment,
                             double                x,
                             double                y,
                             double                width)
{
  g_return_val_if_fail (self != NULL, 0);

  if (content == NULL || content[0] == '\0')
    return 0;
  return show (cr, prepare (self, text, content, alignment, width), x, y);
}

/* A short rule centred under the last line drawn with the layout, @share of its width. */
static void
rule_under (AwardsOfficialLayout *self,
            cairo_t              *cr,
            double                x,
            double                y,
            double                share)
{
  PangoRectangle logical;
  double length;

  if (cr == NULL)
    return;

  pango_layout_get_extents (self->layout, NULL, &logical);
  length = (double) logical.width / PANGO_SCALE * share;
  cairo_save (cr);
  cairo_set_line_width (cr, 0.6);
  cairo_move_to (cr, x + (double) logical.x / PANGO_SCALE +
                     ((double) logical.width / PANGO_SCALE - length) / 2, y);
  cairo_rel_line_to (cr, length, 0);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static char *
upper (const char *text)
{
  return text != NULL ? g_utf8_strup (text, -1) : NULL;
}

double
awards_official_layout_header (AwardsOfficialLayout   *self,
                               cairo_t                *cr,
                               const AwardsLetterhead *letterhead,
                               double                  x,
                               double                  y,
                               double                  width)
{
  g_autofree char *parent = NULL;
  g_autofree char *office = NULL;
  double left_width = width * LEFT_SHARE;
  double right_x = x + left_width;
  double right_width = width - left_width;
  double left = 0, right = 0, lines;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (letterhead != NULL, 0);

  parent = upper (letterhead->parent);
  office = upper (letterhead->office);

  /* The governing body above the office's own name, the name bold, a short rule under it; a
   * long name wraps before it reaches the nation's block, which would read as one line with
   * it. */
  left += awards_official_layout_text (self, cr, AWARDS_OFFICIAL_PARENT, parent,
                                       PANGO_ALIGN_CENTER, x, y, left_width - COLUMN_GAP);
  if (office != NULL && office[0] != '\0')
    {
      left += awards_official_layout_text (self, cr, AWARDS_OFFICIAL_OFFICE, office,
                                           PANGO_ALIGN_CENTER, x, y + left,
                                           left_width - COLUMN_GAP);
      left += RULE_GAP;
      rule_under (self, cr, x, y + left, 0.4);
    }

  right += awards_official_layout_text (self, cr, AWARDS_OFFICIAL_NATION,
                                        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                        PANGO_ALIGN_CENTER, right_x, y, right_width);
  right += awards_official_layout_text (self, cr, AWARDS_OFFICIAL_MOTTO,
                                        "Độc lập - Tự do - Hạnh phúc",
                                        PANGO_ALIGN_CENTER, right_x, y + right, right_width);
  right += RULE_GAP;
  /* The motto's rule is as long as the motto. */
  rule_under (self, cr, right_x, y + right, 1.0);

  /* The number and the place-and-date line stand on one line below both blocks. */
  lines = MAX (left, right) + 8;
  left = lines + awards_official_layout_text (self, cr, AWARDS_OFFICIAL_NUMBER,
                                              letterhead->number, PANGO_ALIGN_CENTER, x,
                                              y + lines, left_width);
  right = lines + awards_official_layout_text (self, cr, AWARDS_OFFICIAL_PLACE_DATE,
                                               letterhead->place_date, PANGO_ALIGN_CENTER,
                                               right_x, y + lines, right_width);

  return MAX (left, right);
}

double
awards_official_layout_footer (AwardsOfficialLayout   *self,
                               cairo_t                *cr,
                               const AwardsLetterhead *letterhead,
                               double                  x,
                               double                  y,
                               double                  width)
{
  g_autofree char *form = NULL;
  g_autofree char *title = NULL;
  double left_width = width * LEFT_SHARE;
  double right_x = x + left_width;
  double right_width = width - left_width;
  double left = 0, right = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (letterhead != NULL, 0);

  if (letterhead->recipients != NULL)
    {
      left += awards_official_layout_text (self, cr, AWARDS_OFFICIAL_RECIPIENTS_HEAD,
                                           "Nơi nhận:", PANGO_ALIGN_LEFT, x, y, left_width);
      for (guint i = 0; letterhead->recipients[i] != NULL; i++)
        left += awards_official_layout_text (self, cr, AWARDS_OFFICIAL_RECIPIENTS,
                                             letterhead->recipients[i], PANGO_ALIGN_LEFT, x,
                                             y + left, left_width);
    }

  form = upper (letterhead->signer_form);
  title = upper (letterhead->signer_title);
  right += awards_official_layout_text (self, cr, AWARDS_OFFICIAL_SIGNER, form,
                                        PANGO_ALIGN_CENTER, right_x, y, right_width);
  right += awards_official_layout_text (self, cr, AWARDS_OFFICIAL_SIGNER, title,
                                        PANGO_ALIGN_CENTER, right_x, y + right, right_width);
  right += SIGNATURE_SPACE;
  right += awards_official_layout_text (self, cr, AWARDS_OFFICIAL_SIGNER_NAME,
                                        letterhead->signer_name, PANGO_ALIGN_CENTER, right_x,
                                        y + right, right_width);

  return MAX (left, right);
}

char *
awards_official_number_line (const char *number,
                             const char *kind,
                             const char *abbreviation)
{
  g_autofree char *suffix = NULL;

  if (number != NULL && strchr (number, '/') != NULL)
    return g_strdup_printf ("Số: %s", number);

  if (kind != NULL && abbreviation != NULL)
    suffix = g_strdup_printf ("/%s-%s", kind, abbreviation);
  else if (abbreviation != NULL || kind != NULL)
    suffix = g_strdup_printf ("/%s", abbreviation != NULL ? abbreviation : kind);
  else
    suffix = g_strdup ("");

  if (number != NULL && number[0] != '\0')
    return g_strdup_printf ("Số: %s%s", number, suffix);
  /* The registry writes the number in by hand: leave it room. */
  return g_strdup_printf ("Số:        %s", suffix);
}
