/* awards-certificate-template.c: where each text goes on a pre-printed certificate blank
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "awards-certificate-template.h"
#include "awards-report.h"
#include "awards-text.h"

#define GROUP "Certificate"

static const char *const field_keys[AWARDS_CERTIFICATE_N_FIELDS] = {
  "label", "name", "position", "achievement", "place_date", "decision", "signer_title",
  "signer_name", "register",
};

static const char *const field_labels[AWARDS_CERTIFICATE_N_FIELDS] = {
  N_("Recipient label"), N_("Name"), N_("Position and unit"), N_("Achievement"),
  N_("Place and date"), N_("Decision"), N_("Signer's title"), N_("Signer's name"),
  N_("Register number"),
};

typedef struct
{
  const char *name;
  double      width;    /* mm, portrait */
  double      height;
} Paper;

static const Paper papers[] = {
  { "A3", 297, 420 },
  { "A4", 210, 297 },
  { "A5", 148, 210 },
};

const char *
awards_certificate_field_id_to_key (AwardsCertificateFieldId id)
{
  g_return_val_if_fail (id < AWARDS_CERTIFICATE_N_FIELDS, NULL);

  return field_keys[id];
}

const char *
awards_certificate_field_id_get_label (AwardsCertificateFieldId id)
{
  g_return_val_if_fail (id < AWARDS_CERTIFICATE_N_FIELDS, NULL);

  return _(field_labels[id]);
}

AwardsCertificateTemplate *
awards_certificate_template_new (void)
{
  AwardsCertificateTemplate *self = g_new0 (AwardsCertificateTemplate, 1);

  self->paper_width = 297;
  self->paper_height = 210;
  self->recipient = AWARDS_RECIPIENT_KIND_INDIVIDUAL;
  for (guint i = 0; i < AWARDS_CERTIFICATE_N_FIELDS; i++)
    {
      AwardsCertificateField *field = &self->fields[i];

      field->x = 20;
      field->y = 20 + 15 * i;
      field->width = 150;
      field->size = 14;
      field->min_size = 14;
      field->max_lines = 1;
      field->visible = FALSE;
      field->align = AWARDS_CERTIFICATE_ALIGN_CENTER;
    }
  return self;
}

AwardsCertificateTemplate *
awards_certificate_template_copy (const AwardsCertificateTemplate *self)
{
  AwardsCertificateTemplate *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->name = g_strdup (self->name);
  copy->title = g_strdup (self->title);
  copy->award = g_strdup (self->award);
  copy->background = g_strdup (self->background);
  copy->font = g_strdup (self->font);
  copy->path = g_strdup (self->path);
  for (guint i = 0; i < AWARDS_CERTIFICATE_N_FIELDS; i++)
    {
      copy->fields[i].font = g_strdup (self->fields[i].font);
      copy->fields[i].pattern = g_strdup (self->fields[i].pattern);
    }
  return copy;
}

void
awards_certificate_template_free (AwardsCertificateTemplate *self)
{
  if (self == NULL)
    return;

  g_free (self->name);
  g_free (self->title);
  g_free (self->award);
  g_free (self->background);
  g_free (self->font);
  g_free (self->path);
  for (guint i = 0; i < AWARDS_CERTIFICATE_N_FIELDS; i++)
    {
      g_free (self->fields[i].font);
      g_free (self->fields[i].pattern);
    }
  g_free (self);
}

/* Reading */

typedef struct
{
  GKeyFile   *file;
  const char *display_name;
  GError    **error;
} Reader;

static gboolean
fail (Reader     *reader,
      const char *group,
      const char *key,
      const char *problem)
{
  if (key != NULL)
    g_set_error (reader->error, AWARDS_REPORT_ERROR, AWARDS_REPORT_ERROR_INVALID,
                 _("%s: [%s] %s: %s"), reader->display_name, group, key, problem);
  else
    g_set_error (reader->error, AWARDS_REPORT_ERROR, AWARDS_REPORT_ERROR_INVALID,
                 _("%s: [%s]: %s"), reader->display_name, group, problem);
  return FALSE;
}

static char *
read_text (Reader     *reader,
           const char *group,
           const char *key)
{
  char *value = g_key_file_get_string (reader->file, group, key, NULL);

  if (value != NULL)
    g_strstrip (value);
  if (value != NULL && value[0] == '\0')
    g_clear_pointer (&value, g_free);
  return value;
}

static gboolean
read_number (Reader     *reader,
             const char *group,
             const char *key,
             double      min,
             double      max,
             double     *value)
{
  g_autofree char *text = read_text (reader, group, key);
  char *end = NULL;
  double number;

  if (text == NULL)
    return TRUE;   /* keep the default */

  number = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0')
    return fail (reader, group, key, _("not a number"));
  if (number < min || number > max)
    {
      g_autofree char *problem = g_strdup_printf (_("%g is outside %g to %g"), number, min, max);

      return fail (reader, group, key, problem);
    }
  *value = number;
  return TRUE;
}

static gboolean
read_flag (Reader     *reader,
           const char *group,
           const char *key,
           gboolean   *value)
{
  g_autofree char *text = read_text (reader, group, key);

  if (text == NULL)
    return TRUE;
  if (g_ascii_strcasecmp (text, "true") == 0 || strcmp (text, "1") == 0)
    *value = TRUE;
  else if (g_ascii_strcasecmp (text, "false") == 0 || strcmp (text, "0") == 0)
    *value = FALSE;
  else
    return fail (reader, group, key, _("write true or false"));
  return TRUE;
}

static const char *const placeholders[] = {
  "label", "name", "position", "unit", "position_unit", "achievement", "award", "authority",
  "place", "dd", "mm", "yyyy", "decision_number", "decision_date", "signer_title", "signer_name",
  "register_number",
};

gboolean
awards_certificate_placeholder_is_known (const char *name,
                                         gsize       length)
{
  for (guint i = 0; i < G_N_ELEMENTS (placeholders); i++)
    if (strlen (placeholders[i]) == length && strncmp (placeholders[i], name, length) == 0)
      return TRUE;
  return FALSE;
}

/* A misspelt placeholder would print as it is on every certificate: say so when reading. */
static gboolean
check_pattern (Reader     *reader,
               const char *group,
               const char *pattern)
{
  for (const char *open = strchr (pattern, '{'); open != NULL; open = strchr (open + 1, '{'))
    {
      const char *close = strchr (open, '}');

      if (close == NULL || !awards_certificate_placeholder_is_known (open + 1,
                                                                      (gsize) (close - open - 1)))
        {
          g_autofree char *problem = g_strdup_printf (_("unknown placeholder in “%s”"), pattern);

          return fail (reader, group, "Pattern", problem);
        }
    }
  return TRUE;
}

static gboolean
read_field (Reader                 *reader,
            AwardsCertificateField *field,
            const char             *group)
{
  g_autofree char *align = NULL;
  double lines = field->max_lines;

  field->visible = TRUE;
  field->min_size = 0;
  if (!read_number (reader, group, "X", -50, 1000, &field->x) ||
      !read_number (reader, group, "Y", -50, 1000, &field->y) ||
      !read_number (reader, group, "Width", 1, 1000, &field->width) ||
      !read_number (reader, group, "Size", 4, 96, &field->size) ||
      !read_number (reader, group, "MinSize", 4, 96, &field->min_size) ||
      !read_number (reader, group, "Lines", 1, 20, &lines) ||
      !read_flag (reader, group, "Bold", &field->bold) ||
      !read_flag (reader, group, "Italic", &field->italic) ||
      !read_flag (reader, group, "Upper", &field->upper) ||
      !read_flag (reader, group, "Visible", &field->visible))
    return FALSE;

  field->max_lines = (guint) lines;
  if (field->min_size == 0 || field->min_size > field->size)
    field->min_size = field->size;
  field->font = read_text (reader, group, "Font");
  field->pattern = g_key_file_get_string (reader->file, group, "Pattern", NULL);
  if (field->pattern != NULL && !check_pattern (reader, group, field->pattern))
    return FALSE;

  align = read_text (reader, group, "Align");
  if (align == NULL || g_ascii_strcasecmp (align, "center") == 0)
    field->align = AWARDS_CERTIFICATE_ALIGN_CENTER;
  else if (g_ascii_strcasecmp (align, "left") == 0)
    field->align = AWARDS_CERTIFICATE_ALIGN_LEFT;
  else if (g_ascii_strcasecmp (align, "right") == 0)
    field->align = AWARDS_CERTIFICATE_ALIGN_RIGHT;
  else
    return fail (reader, group, "Align", _("write left, center or right"));

  return TRUE;
}

static gboolean
read_paper (Reader                    *reader,
            AwardsCertificateTemplate *self)
{
  g_autofree char *paper = read_text (reader, GROUP, "Paper");
  g_autofree char *orientation = read_text (reader, GROUP, "Orientation");
  double width = 0, height = 0;

  if (paper != NULL)
    {
      guint i;

      for (i = 0; i < G_N_ELEMENTS (papers); i++)
        if (g_ascii_strcasecmp (paper, papers[i].name) == 0)
          break;
      if (i == G_N_ELEMENTS (papers))
        return fail (reader, GROUP, "Paper", _("write A3, A4 or A5, or give Width and Height"));
      width = papers[i].width;
      height = papers[i].height;
    }
  if (!read_number (reader, GROUP, "Width", 50, 1000, &width) ||
      !read_number (reader, GROUP, "Height", 50, 1000, &height))
    return FALSE;
  if (width == 0 || height == 0)
    return fail (reader, GROUP, "Paper", _("missing"));

  if (orientation == NULL || g_ascii_strcasecmp (orientation, "landscape") == 0)
    {
      self->paper_width = MAX (width, height);
      self->paper_height = MIN (width, height);
    }
  else if (g_ascii_strcasecmp (orientation, "portrait") == 0)
    {
      self->paper_width = MIN (width, height);
      self->paper_height = MAX (width, height);
    }
  else
    return fail (reader, GROUP, "Orientation", _("write landscape or portrait"));

  return TRUE;
}

/* The 1-based number of the first line GKeyFile refuses (neither blank, a comment, a group nor
 * "key=value", or a key before any group), or 0: GLib's message quotes the line but does not
 * say where it is, and a clerk fixing a shared template needs the number. */
static guint
first_bad_line (const char *data,
                gsize       length)
{
  g_auto (GStrv) lines = NULL;
  g_autofree char *text = g_strndup (data, length);
  gboolean in_group = FALSE;

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      while (g_ascii_isspace (*line))
        line++;
      if (*line == '\0' || *line == '#')
        continue;
      if (*line == '[')
        {
          if (strchr (line, ']') == NULL)
            return i + 1;
          in_group = TRUE;
          continue;
        }
      if (strchr (line, '=') == NULL || !in_group)
        return i + 1;
    }
  return 0;
}

AwardsCertificateTemplate *
awards_certificate_template_parse (const char  *data,
                                   gsize        length,
                                   const char  *base_dir,
                                   const char  *display_name,
                                   GError     **error)
{
  g_autoptr (AwardsCertificateTemplate) self = awards_certificate_template_new ();
  g_autoptr (GKeyFile) file = g_key_file_new ();
  g_autoptr (GError) local_error = NULL;
  g_autofree char *recipient = NULL;
  g_autofree char *background = NULL;
  Reader reader = { file, display_name != NULL ? display_name : "?", error };

  g_return_val_if_fail (data != NULL, NULL);

  if (!g_key_file_load_from_data (file, data, length, G_KEY_FILE_NONE, &local_error))
    {
      guint line = first_bad_line (data, length);

      if (line > 0)
        g_set_error (error, AWARDS_REPORT_ERROR, AWARDS_REPORT_ERROR_INVALID, "%s:%u: %s",
                     reader.display_name, line, local_error->message);
      else
        g_set_error (error, AWARDS_REPORT_ERROR, AWARDS_REPORT_ERROR_INVALID, "%s: %s",
                     reader.display_name, local_error->message);
      return NULL;
    }
  if (!g_key_file_has_group (file, GROUP))
    {
      fail (&reader, GROUP, NULL, _("missing: this is not a certificate template"));
      return NULL;
    }

  self->name = read_text (&reader, GROUP, "Name");
  if (self->name == NULL || strpbrk (self->name, "/\\") != NULL)
    {
      fail (&reader, GROUP, "Name", _("give a short name without slashes"));
      return NULL;
    }
  self->title = read_text (&reader, GROUP, "Title");
  self->award = read_text (&reader, GROUP, "Award");
  self->font = read_text (&reader, GROUP, "Font");

  recipient = read_text (&reader, GROUP, "Recipient");
  if (recipient == NULL || !awards_recipient_kind_from_string (recipient, &self->recipient))
    {
      fail (&reader, GROUP, "Recipient", _("write individual or collective"));
      return NULL;
    }

  if (!read_paper (&reader, self))
    return NULL;

  background = read_text (&reader, GROUP, "Background");
  if (background != NULL)
    self->background = g_path_is_absolute (background) || base_dir == NULL
                         ? g_steal_pointer (&background)
                         : g_build_filename (base_dir, background, NULL);

  for (guint i = 0; i < AWARDS_CERTIFICATE_N_FIELDS; i++)
    {
      g_autofree char *group = g_strdup_printf ("Field %s", field_keys[i]);

      if (!g_key_file_has_group (file, group))
        continue;
      if (!read_field (&reader, &self->fields[i], group))
        return NULL;
    }

  return g_steal_pointer (&self);
}

AwardsCertificateTemplate *
awards_certificate_template_load (const char  *path,
                                  GError     **error)
{
  g_autofree char *data = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *display = NULL;
  AwardsCertificateTemplate *self;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;
  dir = g_path_get_dirname (path);
  display = g_filename_display_name (path);
  self = awards_certificate_template_parse (data, length, dir, display, error);
  if (self != NULL)
    self->path = g_strdup (path);
  return self;
}

/* Writing */

static void
set_number (GKeyFile   *file,
            const char *group,
            const char *key,
            double      value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* Tenths of a millimetre are finer than any printer places a line. */
  g_key_file_set_string (file, group, key,
                         g_ascii_formatd (buffer, sizeof buffer, "%.2f", value));
}

char *
awards_certificate_template_to_data (const AwardsCertificateTemplate *self,
                                     gsize                           *length)
{
  static const char *const aligns[] = { "left", "center", "right" };
  g_autoptr (GKeyFile) file = g_key_file_new ();

  g_return_val_if_fail (self != NULL, NULL);

  g_key_file_set_string (file, GROUP, "Name", self->name != NULL ? self->name : "template");
  if (self->title != NULL)
    g_key_file_set_string (file, GROUP, "Title", self->title);
  if (self->award != NULL)
    g_key_file_set_string (file, GROUP, "Award", self->award);
  g_key_file_set_string (file, GROUP, "Recipient", awards_recipient_kind_to_string (self->recipient));
  set_number (file, GROUP, "Width", self->paper_width);
  set_number (file, GROUP, "Height", self->paper_height);
  g_key_file_set_string (file, GROUP, "Orientation",
                         self->paper_width >= self->paper_height ? "landscape" : "portrait");
  if (self->background != NULL)
    g_key_file_set_string (file, GROUP, "Background", self->background);
  if (self->font != NULL)
    g_key_file_set_string (file, GROUP, "Font", self->font);

  for (guint i = 0; i < AWARDS_CERTIFICATE_N_FIELDS; i++)
    {
      const AwardsCertificateField *field = &self->fields[i];
      g_autofree char *group = g_strdup_printf ("Field %s", field_keys[i]);

      set_number (file, group, "X", field->x);
      set_number (file, group, "Y", field->y);
      set_number (file, group, "Width", field->width);
      set_number (file, group, "Size", field->size);
      set_number (file, group, "MinSize", field->min_size);
      g_key_file_set_integer (file, group, "Lines", (int) field->max_lines);
      g_key_file_set_boolean (file, group, "Bold", field->bold);
      g_key_file_set_boolean (file, group, "Italic", field->italic);
      g_key_file_set_boolean (file, group, "Upper", field->upper);
      g_key_file_set_boolean (file, group, "Visible", field->visible);
      g_key_file_set_string (file, group, "Align", aligns[field->align]);
      if (field->font != NULL)
        g_key_file_set_string (file, group, "Font", field->font);
      g_key_file_set_string (file, group, "Pattern", field->pattern != NULL ? field->pattern : "");
    }

  return g_key_file_to_data (file, length, NULL);
}

gboolean
awards_certificate_template_save (const AwardsCertificateTemplate  *self,
                                  const char                       *path,
                                  GError                          **error)
{
  g_autofree char *data = NULL;
  g_autofree char *dir = NULL;
  gsize length = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  dir = g_path_get_dirname (path);
  /* A picture in the file's own folder is named relative to it, so the folder can move. */
  if (self->background != NULL && g_path_is_absolute (self->background))
    {
      g_autofree char *picture_dir = g_path_get_dirname (self->background);
      g_autofree char *file_dir = g_canonicalize_filename (dir, NULL);

      if (g_strcmp0 (picture_dir, file_dir) == 0)
        {
          g_autoptr (AwardsCertificateTemplate) copy = awards_certificate_template_copy (self);

          g_free (copy->background);
          copy->background = g_path_get_basename (self->background);
          data = awards_certificate_template_to_data (copy, &length);
        }
    }
  if (data == NULL)
    data = awards_certificate_template_to_data (self, &length);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not make the folder %s: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  /* g_file_set_contents_full writes a temporary file and renames it into place. */
  return g_file_set_contents_full (path, data, (gssize) length,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

/* Finding */

char *
awards_certificate_template_user_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "coop-awards", "certificates", NULL);
}

/* Whether this program is the one in its build folder, not installed. */
static gboolean
running_uninstalled (void)
{
  g_autofree char *program = g_file_read_link ("/proc/self/exe", NULL);

  return program != NULL && g_str_has_prefix (program, BUILD_ROOT G_DIR_SEPARATOR_S);
}

GStrv
awards_certificate_template_dirs (void)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *user = awards_certificate_template_user_dir ();
  const char *extra = g_getenv ("COOP_AWARDS_CERTIFICATES");

  g_strv_builder_add (builder, user);
  if (extra != NULL && extra[0] != '\0')
    {
      g_auto (GStrv) dirs = g_strsplit (extra, G_SEARCHPATH_SEPARATOR_S, -1);

      for (guint i = 0; dirs[i] != NULL; i++)
        if (dirs[i][0] != '\0')
          g_strv_builder_add (builder, dirs[i]);
    }
  g_strv_builder_add (builder, PKGDATADIR G_DIR_SEPARATOR_S "certificates");
  if (running_uninstalled ())
    g_strv_builder_add (builder, SOURCE_CERTIFICATES_DIR);
  return g_strv_builder_end (builder);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  const AwardsCertificateTemplate *ta = *(AwardsCertificateTemplate **) a;
  const AwardsCertificateTemplate *tb = *(AwardsCertificateTemplate **) b;

  return strcmp (ta->name, tb->name);
}

GPtrArray *
awards_certificate_template_list (GError **error)
{
  g_autoptr (GPtrArray) templates =
    g_ptr_array_new_with_free_func ((GDestroyNotify) awards_certificate_template_free);
  g_auto (GStrv) dirs = awards_certificate_template_dirs ();

  for (guint d = 0; dirs[d] != NULL; d++)
    {
      g_autoptr (GDir) dir = g_dir_open (dirs[d], 0, NULL);
      g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        if (g_str_has_suffix (name, ".certificate"))
          g_ptr_array_add (names, g_strdup (name));
      g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);

      for (guint i = 0; i < names->len; i++)
        {
          g_autofree char *path = g_build_filename (dirs[d], g_ptr_array_index (names, i), NULL);
          AwardsCertificateTemplate *template = awards_certificate_template_load (path, error);

          if (template == NULL)
            return NULL;
          /* An earlier folder's template of the same name wins: the user's own copy. */
          if (awards_certificate_template_find_name (templates, template->name) != NULL)
            awards_certificate_template_free (template);
          else
            g_ptr_array_add (templates, template);
        }
    }

  g_ptr_array_sort (templates, compare_names);
  return g_steal_pointer (&templates);
}

AwardsCertificateTemplate *
awards_certificate_template_find_name (GPtrArray  *templates,
                                       const char *name)
{
  g_return_val_if_fail (templates != NULL, NULL);

  for (guint i = 0; name != NULL && i < templates->len; i++)
    {
      AwardsCertificateTemplate *template = g_ptr_array_index (templates, i);

      if (g_strcmp0 (template->name, name) == 0)
        return template;
    }
  return NULL;
}

AwardsCertificateTemplate *
awards_certificate_template_find (GPtrArray           *templates,
                                  const char          *award,
                                  AwardsRecipientKind  recipient)
{
  g_autofree char *folded = awards_text_fold (award != NULL ? award : "");
  AwardsCertificateTemplate *prefix = NULL;
  gsize prefix_length = 0;

  g_return_val_if_fail (templates != NULL, NULL);

  for (guint i = 0; i < templates->len; i++)
    {
      AwardsCertificateTemplate *template = g_ptr_array_index (templates, i);
      g_autofree char *template_award = NULL;
      gsize length;

      if (template->recipient != recipient || template->award == NULL)
        continue;
      template_award = awards_text_fold (template->award);
      if (strcmp (template_award, folded) == 0)
        return template;
      length = strlen (template_award);
      if (g_str_has_prefix (folded, template_award) && folded[length] == ' ' &&
          length > prefix_length)
        {
          prefix = template;
          prefix_length = length;
        }
    }

  return prefix;
}
