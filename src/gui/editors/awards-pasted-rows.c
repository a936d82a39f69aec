/* awards-pasted-rows.c: the rows of an annex copied from a spreadsheet, read as recipients
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "awards-pasted-rows.h"
#include "awards-text.h"

/* A leading cell such as "1", "12." or "3)" is the row number of the annex. */
static gboolean
is_row_number (const char *cell)
{
  const char *p = cell;

  if (!g_ascii_isdigit (*p))
    return FALSE;

  while (g_ascii_isdigit (*p))
    p++;
  if (*p == '.' || *p == ')')
    p++;

  return *p == '\0';
}

static gboolean
is_header_cell (const char *cell)
{
  /* The titles of a first column in the annexes offices keep, and the editor's own columns
   * (which a clerk copies from another decision). */
  static const char * const headers[] = {
    "stt", "tt", "no.", "no", "#", "name", "full name", "recipient", "ho va ten", "ho ten",
    "ten", "ten tap the", "ten don vi", "tap the", "ca nhan", "don vi", "type", "kind", "loai",
    "doi tuong", "loai doi tuong", "tap the/ca nhan", "tap the, ca nhan", NULL
  };
  g_autofree char *folded = awards_text_fold (cell);

  return folded != NULL && g_strv_contains (headers, folded);
}

/* The titles of the other columns of an annex: a line with two titles is column titles,
 * whatever its first one says ("Tên tập thể, cá nhân", "Đối tượng khen thưởng"). */
static gboolean
is_column_title (const char *cell)
{
  static const char * const titles[] = {
    "don vi", "don vi cong tac", "chuc vu", "chuc danh", "khen thuong", "hinh thuc",
    "hinh thuc khen thuong", "danh hieu", "thanh tich", "doi tuong", "doi tuong khen thuong",
    "ghi chu", "organisation", "organization", "position", "award", "achievement", NULL
  };
  g_autofree char *folded = awards_text_fold (cell);

  return folded != NULL && (g_strv_contains (titles, folded) || is_header_cell (cell));
}

static gboolean
is_title_line (GPtrArray *cells)
{
  guint n = 0;

  for (guint i = 0; i < cells->len; i++)
    n += is_column_title (cells->pdata[i]);
  return n >= 2;
}

/* A section heading of an annex, "I. TẬP THỂ", "II<tab>Cá nhân" or "Tập thể" alone: a kind
 * and nothing else, after a Roman numeral or a letter. Sets @kind to that kind. */
static gboolean
is_section_heading (GPtrArray           *cells,
                    AwardsRecipientKind *kind)
{
  g_autoptr (GString) line = g_string_new (NULL);
  const char *rest;

  for (guint i = 0; i < cells->len; i++)
    {
      const char *cell = cells->pdata[i];

      if (cell[0] == '\0')
        continue;
      if (line->len > 0)
        g_string_append_c (line, ' ');
      g_string_append (line, cell);
    }
  rest = line->str;
  while (*rest != '\0' && strchr ("IVXivxABCDabcd", *rest) != NULL)
    rest++;
  if (rest == line->str || *rest == '\0')
    return line->len > 0 && awards_recipient_kind_from_string (line->str, kind);
  if (*rest != '.' && *rest != ')' && *rest != ' ')
    return FALSE;
  while (*rest == '.' || *rest == ')' || *rest == ' ')
    rest++;
  {
    g_autofree char *words = g_strdup (rest);

    g_strchomp (words);
    if (g_str_has_suffix (words, ":"))
      words[strlen (words) - 1] = '\0';
    return awards_recipient_kind_from_string (g_strchomp (words), kind);
  }
}

static gboolean
is_empty (const char *cell)
{
  return cell == NULL || cell[0] == '\0';
}

/**
 * awards_pasted_rows_parse:
 * @text: lines copied from a spreadsheet: cells separated by tabs
 *
 * Reads one recipient per non-empty line. The cells are read as name, organisation, position,
 * award, achievement; a leading row number is skipped, and a leading "collective" /
 * "individual" ("tập thể" / "cá nhân") cell sets the kind. A section heading ("I. TẬP THỂ")
 * sets it for the rows below. Without either, a line with an organisation is an individual
 * and one without is a collective. Lines of column titles before the first recipient are
 * skipped.
 *
 * Returns: (transfer full) (element-type AwardsDraftRecipient): the rows, perhaps none
 */
GPtrArray *
awards_pasted_rows_parse (const char *text)
{
  g_auto (GStrv) lines = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);
  AwardsRecipientKind section_kind = AWARDS_RECIPIENT_KIND_ANY;

  if (text == NULL)
    return rows;

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto (GStrv) raw_cells = g_strsplit (lines[i], "\t", -1);
      g_autoptr (GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
      AwardsRecipientKind kind = AWARDS_RECIPIENT_KIND_ANY;
      AwardsRecipientKind heading_kind;
      AwardsDraftRecipient *recipient;
      guint first = 0;

      for (guint j = 0; raw_cells[j] != NULL; j++)
        {
          char *cell = awards_text_normalize (raw_cells[j]);

          g_ptr_array_add (cells, cell != NULL ? cell : g_strdup (""));
        }

      /* "I. TẬP THỂ": the rows below it are collectives, until the next heading. */
      if (is_section_heading (cells, &heading_kind))
        {
          section_kind = heading_kind;
          continue;
        }

      /* Leading cells: an empty one or a row number, then perhaps the kind. */
      while (first < cells->len && (((char *) cells->pdata[first])[0] == '\0' ||
                                    is_row_number (cells->pdata[first])))
        first++;
      if (first < cells->len && awards_recipient_kind_from_string (cells->pdata[first], &kind))
        first++;

      if (first >= cells->len)
        continue;

      /* A first line of column titles: its first title, or its name's. A kind in the first
       * cell ("Tập thể", "Cá nhân") was read as the kind of a recipient above. */
      if (rows->len == 0 &&
          ((i == 0 && (is_header_cell (cells->pdata[first]) ||
                       (kind == AWARDS_RECIPIENT_KIND_ANY &&
                        is_header_cell (cells->pdata[0])))) ||
           is_title_line (cells)))
        continue;

#define CELL(n) (first + (n) < cells->len ? (const char *) cells->pdata[first + (n)] : NULL)
      if (kind == AWARDS_RECIPIENT_KIND_ANY)
        kind = section_kind;
      if (kind == AWARDS_RECIPIENT_KIND_ANY)
        kind = is_empty (CELL (1)) ? AWARDS_RECIPIENT_KIND_COLLECTIVE
                                   : AWARDS_RECIPIENT_KIND_INDIVIDUAL;

      recipient = awards_draft_recipient_new (kind);
      awards_draft_recipient_set_name (recipient, CELL (0));
      awards_draft_recipient_set_organisation (recipient, CELL (1));
      awards_draft_recipient_set_position (recipient, CELL (2));
      awards_draft_recipient_set_award (recipient, CELL (3));
      awards_draft_recipient_set_achievement (recipient, CELL (4));
#undef CELL
      g_ptr_array_add (rows, recipient);
    }

  return rows;
}
