/* awards-certificate.c: certificates printed onto pre-printed blanks, one page per recipient
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "awards-certificate.h"
#include "awards-date.h"
#include "awards-official-layout.h"
#include "awards-report.h"
#include "awards-settings.h"

#define MM (72.0 / 25.4)
#define SIZE_STEP 0.5

void
awards_certificate_data_free (AwardsCertificateData *data)
{
  if (data == NULL)
    return;

  g_free (data->award);
  g_free (data->authority);
  g_free (data->label);
  g_free (data->name);
  g_free (data->position);
  g_free (data->unit);
  g_free (data->achievement);
  g_free (data->decision_number);
  g_free (data->decision_date);
  g_free (data->place);
  g_free (data->signer_title);
  g_free (data->signer_name);
  g_free (data->register_number);
  g_free (data);
}

AwardsCertificateData *
awards_certificate_data_copy (const AwardsCertificateData *data)
{
  AwardsCertificateData *copy;

  g_return_val_if_fail (data != NULL, NULL);

  copy = g_new0 (AwardsCertificateData, 1);
  copy->commendation_id = data->commendation_id;
  copy->kind = data->kind;
  copy->award = g_strdup (data->award);
  copy->authority = g_strdup (data->authority);
  copy->label = g_strdup (data->label);
  copy->name = g_strdup (data->name);
  copy->position = g_strdup (data->position);
  copy->unit = g_strdup (data->unit);
  copy->achievement = g_strdup (data->achievement);
  copy->decision_number = g_strdup (data->decision_number);
  copy->decision_date = g_strdup (data->decision_date);
  copy->place = g_strdup (data->place);
  copy->signer_title = g_strdup (data->signer_title);
  copy->signer_name = g_strdup (data->signer_name);
  copy->register_number = g_strdup (data->register_number);
  return copy;
}

/* Data from the store */

typedef struct
{
  GPtrArray *certificates;
  GArray    *person_ids;
  GArray    *ranks;
  GArray    *award_ids;
} Collector;

static gboolean
collect_cb (const AwardsCommendationRow *row,
            gpointer                     user_data)
{
  Collector *collector = user_data;
  AwardsCertificateData *data;

  /* A revoked award gets no certificate. */
  if (row->revoked)
    return TRUE;

  data = g_new0 (AwardsCertificateData, 1);
  data->commendation_id = row->id;
  data->kind = row->recipient_kind;
  data->award = g_strdup (row->award);
  data->name = g_strdup (row->recipient);
  data->position = g_strdup (row->position);
  data->unit = g_strdup (row->organisation_at_time);
  data->achievement = g_strdup (row->achievement);
  data->register_number = g_strdup (row->register_number);
  g_ptr_array_add (collector->certificates, data);
  g_array_append_val (collector->person_ids, row->person_id);
  g_array_append_val (collector->ranks, row->award_rank);
  g_array_append_val (collector->award_ids, row->award_type_id);
  return TRUE;
}

typedef struct
{
  guint  index;
  int    individual;
  int    rank;
  gint64 award_id;
} AnnexKey;

static int
compare_annex_keys (gconstpointer a,
                    gconstpointer b)
{
  const AnnexKey *ka = a;
  const AnnexKey *kb = b;

  if (ka->individual != kb->individual)
    return ka->individual - kb->individual;
  if (ka->rank != kb->rank)
    return ka->rank < kb->rank ? -1 : 1;
  if (ka->award_id != kb->award_id)
    return ka->award_id < kb->award_id ? -1 : 1;
  /* As the decision lists them. */
  return (ka->index > kb->index) - (ka->index < kb->index);
}

static char *
label_for (AwardsStore           *store,
           AwardsCertificateData *data,
           gint64                 person_id)
{
  g_autoptr (AwardsPerson) person = NULL;

  if (data->kind == AWARDS_RECIPIENT_KIND_COLLECTIVE)
    return g_strdup ("Tập thể");

  person = person_id > 0 ? awards_store_get_person (store, person_id, NULL) : NULL;
  switch (person != NULL ? awards_person_get_gender (person) : AWARDS_GENDER_UNKNOWN)
    {
    case AWARDS_GENDER_MALE:
      return g_strdup ("Ông");
    case AWARDS_GENDER_FEMALE:
      return g_strdup ("Bà");
    case AWARDS_GENDER_UNKNOWN:
    default:
      return g_strdup ("Ông/Bà");
    }
}

static GPtrArray *
data_for_decision (AwardsStore     *store,
                   AwardsDecision  *decision,
                   GError         **error)
{
  g_autoptr (AwardsOfficeProfile) profile = NULL;
  g_autoptr (GPtrArray) certificates =
    g_ptr_array_new_with_free_func ((GDestroyNotify) awards_certificate_data_free);
  g_autoptr (GArray) person_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) ranks = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr (GArray) award_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) keys = g_array_new (FALSE, FALSE, sizeof (AnnexKey));
  g_autoptr (GPtrArray) ordered =
    g_ptr_array_new_with_free_func ((GDestroyNotify) awards_certificate_data_free);
  g_autofree char *form_line = NULL;
  Collector collector = { certificates, person_ids, ranks, award_ids };
  const char *signer_title, *signer_name;
  AwardsQuery query;

  profile = awards_store_get_office_profile (store, error);
  if (profile == NULL)
    return NULL;

  awards_query_init (&query);
  query.decision_id = awards_decision_get_id (decision);
  if (!awards_store_foreach_commendation (store, &query, AWARDS_ORDER_CHRONOLOGICAL, collect_cb,
                                          &collector, error))
    return NULL;

  signer_title = awards_decision_get_signer_title (decision);
  signer_name = awards_decision_get_signer_name (decision);
  /* The certificate is signed as its decision is; without a signer there, as the office's
   * profile says ("TM. …" above the title). */
  if (signer_title == NULL || signer_title[0] == '\0')
    {
      g_autofree char *title = g_utf8_strup (profile->signer_title != NULL
                                             ? profile->signer_title : "", -1);
      g_autofree char *form = awards_office_profile_form_line (profile);

      form_line = form != NULL ? g_strdup_printf ("%s\n%s", form, title) : g_strdup (title);
      signer_title = form_line;
      if (signer_name == NULL || signer_name[0] == '\0')
        signer_name = profile->signer_name;
    }

  for (guint i = 0; i < certificates->len; i++)
    {
      AwardsCertificateData *data = g_ptr_array_index (certificates, i);
      AnnexKey key = {
        i, data->kind == AWARDS_RECIPIENT_KIND_INDIVIDUAL,
        g_array_index (ranks, int, i), g_array_index (award_ids, gint64, i),
      };

      data->authority = g_strdup (awards_decision_get_authority_name (decision));
      data->decision_number = g_strdup (awards_decision_get_number (decision));
      data->decision_date = g_strdup (awards_decision_get_date (decision));
      data->place = g_strdup (profile->place);
      data->signer_title = g_strdup (signer_title);
      data->signer_name = g_strdup (signer_name);
      data->label = label_for (store, data, g_array_index (person_ids, gint64, i));
      g_array_append_val (keys, key);
    }

  g_array_sort (keys, compare_annex_keys);
  /* The certificates move to their annex order; the first array only lends them. */
  for (guint i = 0; i < keys->len; i++)
    g_ptr_array_add (ordered, g_ptr_array_index (certificates,
                                                 g_array_index (keys, AnnexKey, i).index));
  g_ptr_array_set_free_func (certificates, NULL);

  return g_steal_pointer (&ordered);
}

GPtrArray *
awards_certificate_data_for_decision (AwardsStore  *store,
                                      const char   *number,
                                      gint64        authority_id,
                                      GError      **error)
{
  g_autoptr (AwardsDecision) decision = NULL;

  g_return_val_if_fail (AWARDS_IS_STORE (store), NULL);
  g_return_val_if_fail (number != NULL, NULL);

  decision = awards_store_find_decision (store, number, authority_id, error);
  if (decision == NULL)
    return NULL;
  return data_for_decision (store, decision, error);
}

GPtrArray *
awards_certificate_data_for_decision_id (AwardsStore  *store,
                                         gint64        decision_id,
                                         GError      **error)
{
  g_autoptr (AwardsDecision) decision = NULL;

  g_return_val_if_fail (AWARDS_IS_STORE (store), NULL);

  decision = awards_store_get_decision (store, decision_id, error);
  if (decision == NULL)
    return NULL;
  return data_for_decision (store, decision, error);
}

/* Text */

static void
append_value (GString    *out,
              const char *value)
{
  if (value != NULL)
    g_string_append (out, value);
}

static void
append_placeholder (GString                     *out,
                    const char                  *name,
                    gsize                        length,
                    const AwardsCertificateData *data)
{
  g_autofree char *key = g_strndup (name, length);
  guint year = 0, month = 0, day = 0;

  if (data->decision_date != NULL)
    sscanf (data->decision_date, "%u-%u-%u", &year, &month, &day);

  if (strcmp (key, "label") == 0)
    append_value (out, data->label);
  else if (strcmp (key, "name") == 0)
    append_value (out, data->name);
  else if (strcmp (key, "position") == 0)
    append_value (out, data->position);
  else if (strcmp (key, "unit") == 0)
    append_value (out, data->unit);
  else if (strcmp (key, "position_unit") == 0)
    {
      gboolean both = data->position != NULL && data->position[0] != '\0' &&
                      data->unit != NULL && data->unit[0] != '\0';

      append_value (out, data->position);
      if (both)
        g_string_append (out, ", ");
      append_value (out, data->unit);
    }
  else if (strcmp (key, "achievement") == 0)
    append_value (out, data->achievement);
  else if (strcmp (key, "award") == 0)
    append_value (out, data->award);
  else if (strcmp (key, "authority") == 0)
    append_value (out, data->authority);
  else if (strcmp (key, "place") == 0)
    append_value (out, data->place);
  /* Decree 30: a day below 10 and the months 1 and 2 take a leading zero. */
  else if (strcmp (key, "dd") == 0 && day > 0)
    g_string_append_printf (out, "%02u", day);
  else if (strcmp (key, "mm") == 0 && month > 0)
    g_string_append_printf (out, month < 3 ? "%02u" : "%u", month);
  else if (strcmp (key, "yyyy") == 0 && year > 0)
    g_string_append_printf (out, "%04u", year);
  else if (strcmp (key, "decision_number") == 0)
    append_value (out, data->decision_number);
  else if (strcmp (key, "decision_date") == 0 && day > 0)
    g_string_append_printf (out, "%02u/%02u/%04u", day, month, year);
  else if (strcmp (key, "signer_title") == 0)
    append_value (out, data->signer_title);
  else if (strcmp (key, "signer_name") == 0)
    append_value (out, data->signer_name);
  else if (strcmp (key, "register_number") == 0)
    append_value (out, data->register_number);
}

char *
awards_certificate_expand (const char                  *pattern,
                           const AwardsCertificateData *data)
{
  GString *out = g_string_new (NULL);
  const char *p = pattern;

  g_return_val_if_fail (data != NULL, NULL);

  while (p != NULL && *p != '\0')
    {
      const char *open = strchr (p, '{');
      const char *close = open != NULL ? strchr (open, '}') : NULL;

      if (open == NULL || close == NULL)
        {
          g_string_append (out, p);
          break;
        }
      g_string_append_len (out, p, open - p);
      if (awards_certificate_placeholder_is_known (open + 1, (gsize) (close - open - 1)))
        append_placeholder (out, open + 1, (gsize) (close - open - 1), data);
      else
        g_string_append_len (out, open, close - open + 1);
      p = close + 1;
    }

  /* A pattern whose values are all missing ("Số sổ vàng: ") prints as it is; one of nothing
   * but spaces prints nothing. */
  g_strstrip (out->str);
  out->len = strlen (out->str);
  /* "{place}, ngày …" without a place reads "ngày …". */
  if (g_str_has_prefix (out->str, ", "))
    g_string_erase (out, 0, 2);
  return g_string_free (out, FALSE);
}

static PangoAlignment
pango_alignment (AwardsCertificateAlign align)
{
  switch (align)
    {
    case AWARDS_CERTIFICATE_ALIGN_LEFT:
      return PANGO_ALIGN_LEFT;
    case AWARDS_CERTIFICATE_ALIGN_RIGHT:
      return PANGO_ALIGN_RIGHT;
    case AWARDS_CERTIFICATE_ALIGN_CENTER:
    default:
      return PANGO_ALIGN_CENTER;
    }
}

static PangoLayout *
layout_at (PangoContext                    *context,
           const AwardsCertificateTemplate *template,
           const AwardsCertificateField    *field,
           const char                      *text,
           double                           size)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr (PangoFontDescription) font = pango_font_description_new ();
  const char *family = field->font != NULL ? field->font
                       : template->font != NULL ? template->font : "Liberation Serif";

  pango_font_description_set_family (font, awards_official_resolve_family (family));
  pango_font_description_set_weight (font, field->bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style (font, field->italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, pango_units_from_double (field->width * MM));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, pango_alignment (field->align));
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* Lines that a word longer than the width had to be broken inside count as not fitting. */
static gboolean
fits (PangoLayout *layout,
      guint        max_lines)
{
  if ((guint) pango_layout_get_line_count (layout) > max_lines)
    return FALSE;

  for (PangoLayoutIter *iter = pango_layout_get_iter (layout); iter != NULL;)
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      const char *text = pango_layout_get_text (layout);
      int end = line->start_index + line->length;
      gboolean broken_word = end > 0 && text[end] != '\0' && text[end] != ' ' &&
                             text[end - 1] != ' ' && text[end - 1] != '-' && text[end] != '\n';

      if (broken_word)
        {
          pango_layout_iter_free (iter);
          return FALSE;
        }
      if (!pango_layout_iter_next_line (iter))
        {
          pango_layout_iter_free (iter);
          break;
        }
    }
  return TRUE;
}

static char *
field_text (const AwardsCertificateField *field,
            const AwardsCertificateData  *data)
{
  g_autofree char *text = awards_certificate_expand (field->pattern, data);

  if (field->upper)
    return g_utf8_strup (text, -1);
  return g_steal_pointer (&text);
}

PangoLayout *
awards_certificate_layout_field (PangoContext                     *context,
                                 const AwardsCertificateTemplate  *template,
                                 AwardsCertificateFieldId          id,
                                 const AwardsCertificateData      *data,
                                 GError                          **error)
{
  const AwardsCertificateField *field;
  g_autofree char *text = NULL;
  double min_size;

  g_return_val_if_fail (PANGO_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (template != NULL && data != NULL, NULL);
  g_return_val_if_fail (id < AWARDS_CERTIFICATE_N_FIELDS, NULL);

  field = &template->fields[id];
  if (!field->visible || field->pattern == NULL)
    return NULL;
  text = field_text (field, data);
  if (text[0] == '\0')
    return NULL;

  min_size = MIN (field->min_size, field->size);
  for (double size = field->size; size >= min_size - 0.01; size -= SIZE_STEP)
    {
      PangoLayout *layout = layout_at (context, template, field, text, size);

      if (fits (layout, field->max_lines))
        return layout;
      g_object_unref (layout);
    }

  g_set_error (error, AWARDS_REPORT_ERROR, AWARDS_REPORT_ERROR_INVALID,
               g_dngettext (GETTEXT_PACKAGE,
                            "“%s”: %s does not fit in %u line %g mm wide, even at %g pt.",
                            "“%s”: %s does not fit in %u lines %g mm wide, even at %g pt.",
                            field->max_lines),
               data->name != NULL ? data->name : "", awards_certificate_field_id_get_label (id),
               field->max_lines, field->width, min_size);
  return NULL;
}

gboolean
awards_certificate_check (PangoContext                     *context,
                          const AwardsCertificateTemplate  *template,
                          const AwardsCertificateData      *data,
                          GError                          **error)
{
  for (guint i = 0; i < AWARDS_CERTIFICATE_N_FIELDS; i++)
    {
      g_autoptr (PangoLayout) layout = NULL;
      GError *local_error = NULL;

      layout = awards_certificate_layout_field (context, template, i, data, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
    }
  return TRUE;
}

static void
draw_background (cairo_t                         *cr,
                 const AwardsCertificateTemplate *template)
{
  cairo_surface_t *image;
  double width, height;

  if (template->background == NULL)
    return;

  image = cairo_image_surface_create_from_png (template->background);
  if (cairo_surface_status (image) == CAIRO_STATUS_SUCCESS &&
      (width = cairo_image_surface_get_width (image)) > 0 &&
      (height = cairo_image_surface_get_height (image)) > 0)
    {
      /* The scan covers the whole blank, whatever its resolution. */
      cairo_save (cr);
      cairo_scale (cr, template->paper_width * MM / width, template->paper_height * MM / height);
      cairo_set_source_surface (cr, image, 0, 0);
      cairo_paint (cr);
      cairo_restore (cr);
    }
  cairo_surface_destroy (image);
}

void
awards_certificate_draw (cairo_t                         *cr,
                         PangoContext                    *context,
                         const AwardsCertificateTemplate *template,
                         const AwardsCertificateData     *data,
                         gboolean                         background,
                         double                           offset_x,
                         double                           offset_y)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (template != NULL && data != NULL);

  cairo_save (cr);
  if (background)
    draw_background (cr, template);

  cairo_translate (cr, offset_x * MM, offset_y * MM);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = 0; i < AWARDS_CERTIFICATE_N_FIELDS; i++)
    {
      const AwardsCertificateField *field = &template->fields[i];
      g_autoptr (PangoLayout) layout = NULL;
      g_autoptr (GError) error = NULL;

      layout = awards_certificate_layout_field (context, template, i, data, &error);
      if (layout == NULL && error != NULL)
        {
          g_autofree char *text = field_text (field, data);

          /* Only a caller that skipped the check gets here: keep the text inside its box. */
          layout = layout_at (context, template, field, text, field->min_size);
          pango_layout_set_height (layout, -(int) field->max_lines);
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
        }
      if (layout == NULL)
        continue;
      cairo_move_to (cr, field->x * MM, field->y * MM);
      pango_cairo_show_layout (cr, layout);
    }
  cairo_restore (cr);
}

void
awards_certificate_draw_calibration (cairo_t      *cr,
                                     PangoContext *context,
                                     double        width_mm,
                                     double        height_mm,
                                     double        offset_x,
                                     double        offset_y)
{
  g_autoptr (PangoLayout) layout = pango_layout_new (context);
  g_autoptr (PangoFontDescription) font = pango_font_description_new ();

  g_return_if_fail (cr != NULL);

  pango_font_description_set_family (font, awards_official_resolve_family (NULL));
  pango_font_description_set_size (font, 7 * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);

  cairo_save (cr);
  cairo_translate (cr, offset_x * MM, offset_y * MM);
  cairo_set_source_rgb (cr, 0, 0, 0);

  /* A grid every 5 mm, heavier every 10; numbers every 10 mm along both edges. */
  for (int x = 0; x <= (int) width_mm; x += 5)
    {
      cairo_set_line_width (cr, x % 10 == 0 ? 0.5 : 0.15);
      cairo_move_to (cr, x * MM, 0);
      cairo_line_to (cr, x * MM, height_mm * MM);
      cairo_stroke (cr);
      if (x % 10 == 0 && x > 0)
        {
          g_autofree char *label = g_strdup_printf ("%d", x);

          pango_layout_set_text (layout, label, -1);
          cairo_move_to (cr, x * MM + 1, 1);
          pango_cairo_show_layout (cr, layout);
        }
    }
  for (int y = 0; y <= (int) height_mm; y += 5)
    {
      cairo_set_line_width (cr, y % 10 == 0 ? 0.5 : 0.15);
      cairo_move_to (cr, 0, y * MM);
      cairo_line_to (cr, width_mm * MM, y * MM);
      cairo_stroke (cr);
      if (y % 10 == 0 && y > 0)
        {
          g_autofree char *label = g_strdup_printf ("%d", y);

          pango_layout_set_text (layout, label, -1);
          cairo_move_to (cr, 1, y * MM + 1);
          pango_cairo_show_layout (cr, layout);
        }
    }

  /* Crosses 20 mm in from each corner: measure how far the printer moved them. */
  for (int i = 0; i < 4; i++)
    {
      double x = (i % 2 == 0 ? 20 : width_mm - 20) * MM;
      double y = (i < 2 ? 20 : height_mm - 20) * MM;

      cairo_set_line_width (cr, 0.8);
      cairo_move_to (cr, x - 5 * MM, y);
      cairo_rel_line_to (cr, 10 * MM, 0);
      cairo_move_to (cr, x, y - 5 * MM);
      cairo_rel_line_to (cr, 0, 10 * MM);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

gboolean
awards_certificates_check (GPtrArray  *templates,
                           GPtrArray  *data,
                           GError    **error)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (map);
  gboolean ok = TRUE;

  g_return_val_if_fail (templates != NULL && data != NULL, FALSE);
  g_return_val_if_fail (templates->len == data->len, FALSE);

  /* Points, unhinted: what the PDF and the print preview measure with. */
  pango_cairo_context_set_resolution (context, 72);
  awards_official_layout_free (awards_official_layout_new (context, NULL, 0));
  for (guint i = 0; ok && i < data->len; i++)
    ok = awards_certificate_check (context, g_ptr_array_index (templates, i),
                                   g_ptr_array_index (data, i), error);
  g_object_unref (context);
  return ok;
}

/* PDF */

typedef struct
{
  GOutputStream *output;
  GError        *error;
} Writer;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *bytes,
          unsigned int         length)
{
  Writer *writer = closure;

  if (writer->error != NULL ||
      !g_output_stream_write_all (writer->output, bytes, length, NULL, NULL, &writer->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

gboolean
awards_certificates_write_pdf (GPtrArray      *templates,
                               GPtrArray      *data,
                               gboolean        background,
                               GOutputStream  *output,
                               GError        **error)
{
  Writer writer = { output, NULL };
  const AwardsCertificateTemplate *first;
  cairo_surface_t *surface;
  cairo_status_t status;
  PangoContext *context;
  cairo_t *cr;
  gboolean ok = TRUE;

  g_return_val_if_fail (templates != NULL && data != NULL, FALSE);
  g_return_val_if_fail (templates->len == data->len, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (output), FALSE);

  if (data->len == 0)
    {
      g_set_error_literal (error, AWARDS_REPORT_ERROR, AWARDS_REPORT_ERROR_NOT_FOUND,
                           _("There is no certificate to print."));
      return FALSE;
    }

  first = g_ptr_array_index (templates, 0);
  surface = cairo_pdf_surface_create_for_stream (write_cb, &writer, first->paper_width * MM,
                                                 first->paper_height * MM);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Coop Awards");
  cr = cairo_create (surface);
  context = pango_cairo_create_context (cr);
  pango_cairo_context_set_resolution (context, 72);
  /* The same unhinted metrics as every other document, so a preview breaks lines alike. */
  awards_official_layout_free (awards_official_layout_new (context, NULL, 0));

  for (guint i = 0; ok && i < data->len; i++)
    ok = awards_certificate_check (context, g_ptr_array_index (templates, i),
                                   g_ptr_array_index (data, i), error);

  for (guint i = 0; ok && i < data->len && writer.error == NULL; i++)
    {
      const AwardsCertificateTemplate *template = g_ptr_array_index (templates, i);

      cairo_pdf_surface_set_size (surface, template->paper_width * MM,
                                  template->paper_height * MM);
      awards_certificate_draw (cr, context, template, g_ptr_array_index (data, i), background,
                               0, 0);
      cairo_show_page (cr);
    }

  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (!ok)
    {
      g_clear_error (&writer.error);
      return FALSE;
    }
  if (writer.error != NULL)
    {
      g_propagate_error (error, writer.error);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, AWARDS_REPORT_ERROR, AWARDS_REPORT_ERROR_FAILED,
                   _("Could not write the PDF document: %s"), cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
