/* awards-report.c: reports over the award record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include <glib/gstdio.h>

#include "awards-csv-cell.h"
#include "awards-date.h"
#include "awards-output-file.h"
#include "awards-official-layout.h"
#include "awards-report-private.h"
#include "awards-report-printer.h"
#include "awards-text.h"

G_DEFINE_QUARK (awards-report-error-quark, awards_report_error)

G_DEFINE_FINAL_TYPE (AwardsReport, awards_report, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_KIND,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

gboolean
awards_report_format_from_string (const char         *text,
                                  AwardsReportFormat *format)
{
  static const struct { const char *name; AwardsReportFormat format; } names[] = {
    { "text", AWARDS_REPORT_FORMAT_TEXT },
    { "csv", AWARDS_REPORT_FORMAT_CSV },
    { "pdf", AWARDS_REPORT_FORMAT_PDF },
    { "xlsx", AWARDS_REPORT_FORMAT_XLSX },
  };

  g_return_val_if_fail (format != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (g_ascii_strcasecmp (text, names[i].name) == 0)
        {
          *format = names[i].format;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * awards_report_request_init:
 * @request: a request to fill
 * @kind: the kind of report
 *
 * Sets every field of @request to "not given" (all awards, default header and signature).
 */
void
awards_report_request_init (AwardsReportRequest *request,
                            AwardsReportKind     kind)
{
  g_return_if_fail (request != NULL);

  memset (request, 0, sizeof *request);
  request->kind = kind;
  awards_query_init (&request->query);
}

static void
awards_report_finalize (GObject *object)
{
  AwardsReport *self = (AwardsReport *) object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->doc, awards_doc_free);
  g_clear_pointer (&self->csv_rows, g_ptr_array_unref);
  g_clear_pointer (&self->prose, g_ptr_array_unref);
  g_clear_pointer (&self->summary_rows, g_ptr_array_unref);
  g_clear_pointer (&self->profile, awards_office_profile_free);

  G_OBJECT_CLASS (awards_report_parent_class)->finalize (object);
}

static void
awards_report_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AwardsReport *self = AWARDS_REPORT (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awards_report_class_init (AwardsReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = awards_report_finalize;
  object_class->get_property = awards_report_get_property;

  /* A report never changes once built, so its properties are read-only. */
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL,
                      AWARDS_REPORT_KIND_SUMMARY, AWARDS_REPORT_KIND_YEARLY,
                      AWARDS_REPORT_KIND_SUMMARY,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
awards_report_init (AwardsReport *self)
{
  self->doc = awards_doc_new ();
  self->csv_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  self->prose = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->prose, NULL);
}

/**
 * awards_report_build:
 * @store: the store to read
 * @request: what to report
 * @error: return location for an error
 *
 * Runs the report's queries and lays out its content. This may take a while over a big
 * database: call it from a worker thread (the store's connection permitting).
 *
 * Returns: (transfer full): the report, or %NULL with @error set (AWARDS_REPORT_ERROR_NOT_FOUND
 *   for an unknown organisation or decision, AWARDS_REPORT_ERROR_INVALID for a bad request, or
 *   the store's error)
 */
AwardsReport *
awards_report_build (AwardsStore                *store,
                     const AwardsReportRequest  *request,
                     GError                    **error)
{
  g_autoptr (AwardsReport) self = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (AWARDS_IS_STORE (store), NULL);
  g_return_val_if_fail (request != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (AWARDS_TYPE_REPORT, NULL);
  self->kind = request->kind;
  self->profile = awards_store_get_office_profile (store, error);
  if (self->profile == NULL)
    return NULL;

  switch (request->kind)
    {
    case AWARDS_REPORT_KIND_SUMMARY:
      ok = awards_report_build_summary (self, store, request, error);
      break;

    case AWARDS_REPORT_KIND_ORGANISATION:
      ok = awards_report_build_organisation (self, store, request, error);
      break;

    case AWARDS_REPORT_KIND_DECISION:
      ok = awards_report_build_decision (self, store, request, error);
      break;

    case AWARDS_REPORT_KIND_YEARLY:
      ok = awards_report_build_yearly (self, store, request, error);
      break;

    default:
      g_set_error (error, AWARDS_REPORT_ERROR, AWARDS_REPORT_ERROR_INVALID,
                   "Unknown kind of report %d", (int) request->kind);
    }

  if (!ok)
    return NULL;

  return g_steal_pointer (&self);
}

const char *
awards_report_get_title (AwardsReport *self)
{
  g_return_val_if_fail (AWARDS_IS_REPORT (self), NULL);

  return self->title;
}

AwardsReportKind
awards_report_get_kind (AwardsReport *self)
{
  g_return_val_if_fail (AWARDS_IS_REPORT (self), AWARDS_REPORT_KIND_SUMMARY);

  return self->kind;
}

const char * const *
awards_report_get_paragraphs (AwardsReport *self)
{
  g_return_val_if_fail (AWARDS_IS_REPORT (self), NULL);

  return (const char * const *) self->prose->pdata;
}

void
awards_report_get_totals (AwardsReport *self,
                          guint        *collectives,
                          guint        *individuals)
{
  g_return_if_fail (AWARDS_IS_REPORT (self));

  if (collectives != NULL)
    *collectives = self->total_collectives;
  if (individuals != NULL)
    *individuals = self->total_individuals;
}

GPtrArray *
awards_report_get_summary_rows (AwardsReport *self)
{
  g_return_val_if_fail (AWARDS_IS_REPORT (self), NULL);

  return self->summary_rows;
}

gboolean
awards_report_get_landscape (AwardsReport *self)
{
  g_return_val_if_fail (AWARDS_IS_REPORT (self), FALSE);

  return self->doc->landscape;
}

AwardsDoc *
awards_report_get_document (AwardsReport *self)
{
  g_return_val_if_fail (AWARDS_IS_REPORT (self), NULL);

  return self->doc;
}

/* Writing */

void
awards_report_write_csv (GPtrArray *rows,
                         GString   *out)
{
  for (guint i = 0; i < rows->len; i++)
    {
      const char * const *fields = g_ptr_array_index (rows, i);

      for (guint j = 0; fields[j] != NULL; j++)
        {
          const char *field = fields[j];
          g_autofree char *guarded = NULL;

          if (j > 0)
            g_string_append_c (out, ',');

          /* A cell that a spreadsheet would run as a formula is shown as text there. */
          if (awards_csv_cell_needs_guard (field))
            field = guarded = g_strconcat ("'", field, NULL);

          if (strpbrk (field, ",\"\r\n") == NULL)
            {
              g_string_append (out, field);
              continue;
            }

          g_string_append_c (out, '"');
          for (const char *p = field; *p != '\0'; p++)
            {
              if (*p == '"')
                g_string_append_c (out, '"');
              g_string_append_c (out, *p);
            }
          g_string_append_c (out, '"');
        }
      g_string_append_c (out, '\n');
    }
}

static gboolean
write_xlsx_to_stream (AwardsReport   *self,
                      GOutputStream  *output,
                      GCancellable   *cancellable,
                      GError        **error)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  gboolean ok;
  int fd;

  /* libxlsxwriter writes to a named file only, so the workbook passes through a temporary one. */
  fd = g_file_open_tmp ("coop-awards-XXXXXX.xlsx", &path, error);
  if (fd < 0)
    return FALSE;
  g_close (fd, NULL);

  ok = awards_report_write_xlsx (self, path, error) &&
       g_file_get_contents (path, &contents, &length, error) &&
       g_output_stream_write_all (output, contents, length, NULL, cancellable, error);

  g_unlink (path);
  return ok;
}

gboolean
awards_report_write (AwardsReport        *self,
                     AwardsReportFormat   format,
                     GOutputStream       *output,
                     GCancellable        *cancellable,
                     GError             **error)
{
  g_autoptr (GString) out = NULL;

  g_return_val_if_fail (AWARDS_IS_REPORT (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (output), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  switch (format)
    {
    case AWARDS_REPORT_FORMAT_TEXT:
      out = g_string_sized_new (4096);
      awards_report_write_text (self->doc, out);
      break;

    case AWARDS_REPORT_FORMAT_CSV:
      out = g_string_sized_new (4096);
      awards_report_write_csv (self->csv_rows, out);
      break;

    case AWARDS_REPORT_FORMAT_PDF:
      {
        g_autoptr (AwardsReportPrinter) printer = awards_report_printer_new (self);

        return awards_report_printer_write_pdf (printer, output, cancellable, error);
      }

    case AWARDS_REPORT_FORMAT_XLSX:
      return write_xlsx_to_stream (self, output, cancellable, error);

    default:
      g_set_error (error, AWARDS_REPORT_ERROR, AWARDS_REPORT_ERROR_INVALID,
                   "Unknown report format %d", (int) format);
      return FALSE;
    }

  return g_output_stream_write_all (output, out->str, out->len, NULL, cancellable, error);
}

/**
 * awards_report_write_file:
 * @self: a report
 * @format: the format to write
 * @path: the file to write; it is replaced only once the whole report is written
 * @error: return location for an error
 *
 * Returns: %TRUE on success
 */
gboolean
awards_report_write_file (AwardsReport        *self,
                          AwardsReportFormat   format,
                          const char          *path,
                          GError             **error)
{
  g_autoptr (AwardsOutputFile) file = NULL;

  g_return_val_if_fail (AWARDS_IS_REPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Refuses the database's own files; until the commit the former file stays as it was. */
  file = awards_output_file_new (path, error);
  if (file == NULL)
    return FALSE;

  return awards_report_write (self, format, awards_output_file_get_stream (file), NULL, error) &&
         awards_output_file_commit (file, error);
}

/* Shared pieces */

void
awards_report_add_paragraph (AwardsReport *self,
                             const char   *text)
{
  /* Keep the array NULL-terminated for awards_report_get_paragraphs (). */
  g_ptr_array_index (self->prose, self->prose->len - 1) = g_strdup (text);
  g_ptr_array_add (self->prose, NULL);

  awards_doc_add_text (self->doc, AWARDS_DOC_BLOCK_PARAGRAPH, text);
}

void
awards_report_add_csv_row (AwardsReport *self,
                           const char   *first,
                           ...)
{
  GPtrArray *fields = g_ptr_array_new ();
  va_list args;

  va_start (args, first);
  for (const char *field = first; field != NULL; field = va_arg (args, const char *))
    g_ptr_array_add (fields, g_strdup (field));
  va_end (args);
  g_ptr_array_add (fields, NULL);

  g_ptr_array_add (self->csv_rows, g_ptr_array_free (fields, FALSE));
}

static char *
today_iso (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* Whether @a and @b name the same body, whatever their case and accents' encoding. */
static gboolean
same_body (const char *a,
           const char *b)
{
  g_autofree char *key_a = NULL;
  g_autofree char *key_b = NULL;

  if (a == NULL || b == NULL)
    return FALSE;
  key_a = awards_text_name_key (a);
  key_b = awards_text_name_key (b);
  return key_a != NULL && g_strcmp0 (key_a, key_b) == 0;
}

/* Fills the parts of the page around the content: the governing body and the issuing office,
 * the document's number, the place and date line, the signature block and "Nơi nhận:". The
 * request wins over the report's defaults (a decision's own authority and signer), and those win
 * over the office profile kept in the store. */
void
awards_report_set_frame (AwardsReport              *self,
                         const AwardsReportRequest *request,
                         const char                *default_issuer,
                         const char                *default_date,
                         const char                *default_signer_title,
                         const char                *default_signer_name)
{
  static const char *const recipients[] = { "- Như trên;", "- Lưu: VT, TĐKT.", NULL };
  AwardsOfficeProfile *profile = self->profile;
  AwardsDoc *doc = self->doc;
  const char *issuer = request->issuer;
  const char *signer_title = request->signer_title;
  const char *signer_name = request->signer_name;
  const char *place = request->place;
  g_autofree char *form_line = NULL;
  g_autofree char *date = NULL;
  gboolean own_issuer = FALSE;
  gboolean own_signer = FALSE;

  if (issuer == NULL || issuer[0] == '\0')
    {
      issuer = default_issuer;
      if (issuer == NULL || issuer[0] == '\0')
        {
          issuer = profile != NULL ? profile->name : NULL;
          own_issuer = TRUE;
        }
    }
  else
    own_issuer = TRUE;
  if (issuer == NULL || issuer[0] == '\0')
    issuer = AWARDS_REPORT_DEFAULT_ISSUER;
  /* A decision's authority may be the office itself, written as it wrote its own name. */
  if (!own_issuer && profile != NULL && same_body (issuer, profile->name))
    own_issuer = TRUE;
  doc->issuer = g_utf8_strup (issuer, -1);
  /* The governing body belongs above the office's own name, not above another authority's. */
  if (own_issuer && profile != NULL && profile->parent != NULL)
    doc->parent = g_utf8_strup (profile->parent, -1);

  if (request->date != NULL && awards_date_parse (request->date, &date))
    ;
  else if (default_date != NULL && awards_date_parse (default_date, &date))
    ;
  else
    date = today_iso ();
  if ((place == NULL || place[0] == '\0') && profile != NULL)
    place = profile->place;
  doc->place_date = awards_date_format_long (place, date);

  /* An annex carries the number of its decision; every other report is the office's own
   * report (BC) and gets a number line, blank for the registry when no number is given. */
  if (self->kind != AWARDS_REPORT_KIND_DECISION || (request->number != NULL &&
                                                    request->number[0] != '\0'))
    doc->number = awards_official_number_line (request->number, "BC",
                                               profile != NULL ? profile->abbreviation : NULL);

  if (signer_title == NULL || signer_title[0] == '\0')
    {
      signer_title = default_signer_title;
      if (signer_name == NULL || signer_name[0] == '\0')
        signer_name = default_signer_name;
    }
  /* The office's signer signs for the office only: the annex of another body's decision that
   * names no signer gets a blank one, not the office's head under that body's name. */
  if ((signer_title == NULL || signer_title[0] == '\0') && profile != NULL && own_issuer)
    {
      signer_title = profile->signer_title;
      if (signer_name == NULL || signer_name[0] == '\0')
        signer_name = profile->signer_name;
      own_signer = TRUE;
    }
  if (signer_title == NULL || signer_title[0] == '\0')
    signer_title = AWARDS_REPORT_DEFAULT_SIGNER_TITLE;
  doc->signer_title = g_utf8_strup (signer_title, -1);
  doc->signer_name = signer_name != NULL && signer_name[0] != '\0' ? g_strdup (signer_name) : NULL;

  if (request->signer_form != NULL && request->signer_form[0] != '\0')
    doc->signer_form = g_utf8_strup (request->signer_form, -1);
  else if (own_signer && profile != NULL && (form_line = awards_office_profile_form_line (profile)))
    doc->signer_form = g_steal_pointer (&form_line);

  doc->recipients = g_strdupv ((GStrv) recipients);
  if (profile != NULL)
    {
      doc->font = g_strdup (profile->font);
      doc->font_size = profile->font_size;
    }
}

static char *
find_authority_name (AwardsStore *store,
                     gint64       id)
{
  g_autoptr (GPtrArray) authorities = awards_store_list_authorities (store, NULL);

  for (guint i = 0; authorities != NULL && i < authorities->len; i++)
    {
      AwardsAuthority *authority = g_ptr_array_index (authorities, i);

      if (awards_authority_get_id (authority) == id)
        return g_strdup (awards_authority_get_name (authority));
    }

  return NULL;
}

static char *
find_award_name (AwardsStore *store,
                 gint64       id)
{
  g_autoptr (GPtrArray) award_types = awards_store_list_award_types (store, NULL);

  for (guint i = 0; award_types != NULL && i < award_types->len; i++)
    {
      AwardsAwardType *award_type = g_ptr_array_index (award_types, i);

      if (awards_award_type_get_id (award_type) == id)
        return g_strdup (awards_award_type_get_name (award_type));
    }

  return NULL;
}

/* Says under the title which part of the record a report covers, besides its period. */
void
awards_report_add_filters (AwardsReport      *self,
                           AwardsStore       *store,
                           const AwardsQuery *query)
{
  if (query->authority_id > 0)
    {
      g_autofree char *name = find_authority_name (store, query->authority_id);

      if (name != NULL)
        awards_doc_add_printf (self->doc, AWARDS_DOC_BLOCK_SUBTITLE,
                               "Cơ quan khen thưởng: %s", name);
    }

  if (query->award_type_id > 0)
    {
      g_autofree char *name = find_award_name (store, query->award_type_id);

      if (name != NULL)
        awards_doc_add_printf (self->doc, AWARDS_DOC_BLOCK_SUBTITLE,
                               "Hình thức khen thưởng: %s", name);
    }

  if (query->organisation_id > 0 && self->kind != AWARDS_REPORT_KIND_ORGANISATION)
    {
      g_autoptr (AwardsOrganisation) organisation =
        awards_store_get_organisation (store, query->organisation_id, NULL);

      if (organisation != NULL)
        awards_doc_add_printf (self->doc, AWARDS_DOC_BLOCK_SUBTITLE, "Đơn vị: %s%s%s",
                               awards_organisation_get_name (organisation),
                               query->with_members ? " và người lao động" : "",
                               query->with_subsidiaries ? " (kể cả các đơn vị thành viên)" : "");
    }

  if (query->recipient_kind == AWARDS_RECIPIENT_KIND_COLLECTIVE)
    awards_doc_add_text (self->doc, AWARDS_DOC_BLOCK_SUBTITLE, "Đối tượng: tập thể");
  else if (query->recipient_kind == AWARDS_RECIPIENT_KIND_INDIVIDUAL)
    awards_doc_add_text (self->doc, AWARDS_DOC_BLOCK_SUBTITLE, "Đối tượng: cá nhân");
}

/* "Từ ngày 01/01/2011 đến ngày 31/12/2011", or NULL for all time. */
char *
awards_report_period_text (const char *date_from,
                           const char *date_to)
{
  g_autofree char *from = awards_date_format_short (date_from);
  g_autofree char *to = awards_date_format_short (date_to);

  if (from != NULL && to != NULL)
    return g_strdup_printf ("Từ ngày %s đến ngày %s", from, to);
  if (from != NULL)
    return g_strdup_printf ("Từ ngày %s", from);
  if (to != NULL)
    return g_strdup_printf ("Đến ngày %s", to);

  return NULL;
}

/* "3 tập thể", "10 cá nhân", "5 tập thể và 1.200 cá nhân". */
char *
awards_report_count_text (guint collectives,
                          guint individuals)
{
  g_autofree char *c = awards_count_format (collectives);
  g_autofree char *i = awards_count_format (individuals);

  if (collectives > 0 && individuals > 0)
    return g_strdup_printf ("%s tập thể và %s cá nhân", c, i);
  if (individuals > 0)
    return g_strdup_printf ("%s cá nhân", i);

  return g_strdup_printf ("%s tập thể", c);
}

char *
awards_report_roman (guint number)
{
  static const struct { guint value; const char *digits; } numerals[] = {
    { 1000, "M" }, { 900, "CM" }, { 500, "D" }, { 400, "CD" }, { 100, "C" }, { 90, "XC" },
    { 50, "L" }, { 40, "XL" }, { 10, "X" }, { 9, "IX" }, { 5, "V" }, { 4, "IV" }, { 1, "I" },
  };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (numerals); i++)
    {
      while (number >= numerals[i].value)
        {
          g_string_append (out, numerals[i].digits);
          number -= numerals[i].value;
        }
    }

  return g_string_free (out, FALSE);
}

char *
awards_report_uint (guint value)
{
  return g_strdup_printf ("%u", value);
}
