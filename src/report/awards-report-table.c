/* awards-report-table.c: one table of a report measured and drawn on pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "awards-report-table.h"

#define CELL_PAD_X    3.0
#define CELL_PAD_Y    2.5
#define RULE_WIDTH    0.5
#define HEADER_GREY   0.88
#define GROUP_GREY    0.95

/* Repeated texts keep their layout for drawing; this bounds the memory that takes. */
#define MAX_KEPT_LAYOUTS 4096

typedef struct
{
  double       height;
  guint        count;
  PangoLayout *layout;   /* made at the first drawing of a text that repeats */
} KnownText;

struct _AwardsReportTable
{
  const AwardsDocTable *table;
  PangoLayout          *scratch;
  PangoFontDescription *font;
  PangoFontDescription *bold;
  guint                 n_columns;
  double               *x;                /* n_columns + 1 edges */
  double               *header_heights;
  double                header_height;
  double               *row_heights;
  GHashTable          **known;            /* per column, normal then bold: text → KnownText */
  guint                 n_kept_layouts;
};

static void
known_text_free (gpointer data)
{
  KnownText *known = data;

  g_clear_object (&known->layout);
  g_free (known);
}

void
awards_report_table_free (AwardsReportTable *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < 2 * self->n_columns; i++)
    g_hash_table_unref (self->known[i]);
  g_free (self->known);
  g_free (self->x);
  g_free (self->header_heights);
  g_free (self->row_heights);
  pango_font_description_free (self->font);
  pango_font_description_free (self->bold);
  g_object_unref (self->scratch);
  g_free (self);
}

static double
cell_width (const AwardsReportTable *self,
            guint                    column,
            guint                    span)
{
  return self->x[MIN (column + span, self->n_columns)] - self->x[column];
}

static PangoAlignment
cell_alignment (const AwardsReportTable *self,
                const AwardsDocRow      *row,
                guint                    column,
                guint                    span)
{
  const AwardsDocColumn *info = &g_array_index (self->table->columns, AwardsDocColumn, column);

  if (row->style == AWARDS_DOC_ROW_HEADER || info->numeric)
    return PANGO_ALIGN_CENTER;
  /* A label across several columns ("Tổng cộng") reads from the left like the names. */
  if (span > 1 || info->align == AWARDS_DOC_ALIGN_START)
    return PANGO_ALIGN_LEFT;
  if (info->align == AWARDS_DOC_ALIGN_END)
    return PANGO_ALIGN_RIGHT;

  return PANGO_ALIGN_CENTER;
}

static double
layout_height (PangoLayout *layout)
{
  int height = 0;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

/* A document number ("3457/QĐ-UBND") read across two lines is misread, so a word with a slash in
 * it is never broken, even when it has to reach past its cell's padding. Returns a new list, or
 * NULL when @text has no such word. */
static PangoAttrList *
unbreakable_numbers (const char *text)
{
  PangoAttrList *attributes = NULL;
  const char *word = text;

  while (word != NULL && *word != '\0')
    {
      const char *end = word;

      while (*end != '\0' && *end != ' ' && *end != '\n')
        end++;
      if (memchr (word, '/', (gsize) (end - word)) != NULL)
        {
          PangoAttribute *attribute = pango_attr_allow_breaks_new (FALSE);

          attribute->start_index = (guint) (word - text);
          attribute->end_index = (guint) (end - text);
          if (attributes == NULL)
            attributes = pango_attr_list_new ();
          pango_attr_list_insert (attributes, attribute);
        }
      word = *end != '\0' ? end + 1 : end;
    }

  return attributes;
}

/* Whether a line of @layout begins inside a word: the word was wider than the column. */
static gboolean
breaks_inside_word (PangoLayout *layout)
{
  const char *text = pango_layout_get_text (layout);
  GSList *lines = pango_layout_get_lines_readonly (layout);

  for (GSList *l = lines != NULL ? lines->next : NULL; l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;
      gunichar before;

      if (line->start_index <= 0)
        continue;
      before = g_utf8_get_char (g_utf8_prev_char (text + line->start_index));
      if (!g_unichar_isspace (before) && before != '-' && before != '/')
        return TRUE;
    }
  return FALSE;
}

static PangoLayout *
prepare_cell (AwardsReportTable  *self,
              const AwardsDocRow *row,
              guint               cell,
              guint               column)
{
  const AwardsDocCell *c = &row->cells[cell];
  PangoLayout *layout = self->scratch;
  const PangoFontDescription *font = row->style == AWARDS_DOC_ROW_NORMAL ? self->font
                                                                          : self->bold;
  PangoAttrList *attributes;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout,
                          pango_units_from_double (MAX (cell_width (self, column, c->span) -
                                                        2 * CELL_PAD_X, 1.0)));
  pango_layout_set_alignment (layout, cell_alignment (self, row, column, c->span));
  pango_layout_set_text (layout, c->text, -1);
  attributes = unbreakable_numbers (c->text);
  /* A Vietnamese word is one syllable: cut at the edge of a narrow column ("thưởn-g"), it is
   * no word. The text is set smaller, down to seven tenths, until every word fits its column;
   * past that it is cut, without a hyphen that would make it look like two words. */
  if (attributes == NULL)
    attributes = pango_attr_list_new ();
  pango_attr_list_insert (attributes, pango_attr_insert_hyphens_new (FALSE));
  pango_layout_set_attributes (layout, attributes);
  g_clear_pointer (&attributes, pango_attr_list_unref);
  for (int tenths = 9; tenths >= 7 && breaks_inside_word (layout); tenths--)
    {
      g_autoptr (PangoFontDescription) smaller = pango_font_description_copy (font);
      int size = pango_font_description_get_size (font) * tenths / 10;

      if (pango_font_description_get_size_is_absolute (font))
        pango_font_description_set_absolute_size (smaller, size);
      else
        pango_font_description_set_size (smaller, size);
      pango_layout_set_font_description (layout, smaller);
    }

  return layout;
}

/* Texts one column wide in body rows are remembered; header rows are few. */
static GHashTable *
known_texts (AwardsReportTable  *self,
             const AwardsDocRow *row,
             guint               cell,
             guint               column)
{
  if (row->style == AWARDS_DOC_ROW_HEADER || row->cells[cell].span != 1)
    return NULL;

  return self->known[2 * column + (row->style == AWARDS_DOC_ROW_NORMAL ? 0 : 1)];
}

static double
measure_cell (AwardsReportTable  *self,
              const AwardsDocRow *row,
              guint               cell,
              guint               column)
{
  GHashTable *known = known_texts (self, row, cell, column);
  const char *text = row->cells[cell].text;
  KnownText *entry;
  double height;

  if (known != NULL && (entry = g_hash_table_lookup (known, text)) != NULL)
    {
      entry->count++;
      return entry->height;
    }

  height = layout_height (prepare_cell (self, row, cell, column));

  if (known != NULL)
    {
      entry = g_new0 (KnownText, 1);
      entry->height = height;
      entry->count = 1;
      g_hash_table_insert (known, (gpointer) text, entry);
    }

  return height;
}

static double
measure_row (AwardsReportTable  *self,
             const AwardsDocRow *row)
{
  double height = 0;
  guint column = 0;

  for (guint i = 0; i < row->n_cells; i++)
    {
      if (row->cells[i].text != NULL && row->cells[i].text[0] != '\0')
        height = MAX (height, measure_cell (self, row, i, column));
      column += row->cells[i].span;
    }

  /* An empty row is as tall as a line of text. */
  if (height == 0)
    {
      pango_layout_set_font_description (self->scratch, self->font);
      pango_layout_set_text (self->scratch, "0", -1);
      pango_layout_set_attributes (self->scratch, NULL);
      height = layout_height (self->scratch);
    }

  return height + 2 * CELL_PAD_Y;
}

static void
place_columns (AwardsReportTable *self,
               double             x,
               double             width)
{
  GArray *columns = self->table->columns;
  double fixed = 0, weights = 0, extra, scale = 1;

  for (guint i = 0; i < self->n_columns; i++)
    {
      fixed += g_array_index (columns, AwardsDocColumn, i).min_width;
      weights += g_array_index (columns, AwardsDocColumn, i).weight;
    }

  /* Columns get their minimum width and share what is left by weight; when even the minimums
   * do not fit, or nothing takes the rest, the minimums scale to the width. */
  extra = width - fixed;
  if (extra < 0 || weights == 0)
    {
      scale = fixed > 0 ? width / fixed : 1;
      extra = 0;
    }

  for (guint i = 0; i < self->n_columns; i++)
    {
      const AwardsDocColumn *column = &g_array_index (columns, AwardsDocColumn, i);

      self->x[i] = x;
      x += column->min_width * scale + (weights > 0 ? extra * column->weight / weights : 0);
    }
  self->x[self->n_columns] = self->x[0] + width;
}

AwardsReportTable *
awards_report_table_new (const AwardsDocTable       *table,
                         PangoContext               *context,
                         const PangoFontDescription *font,
                         const PangoFontDescription *bold,
                         double                      x,
                         double                      width)
{
  AwardsReportTable *self;

  g_return_val_if_fail (table != NULL && table->columns->len > 0, NULL);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), NULL);

  self = g_new0 (AwardsReportTable, 1);
  self->table = table;
  self->scratch = pango_layout_new (context);
  pango_layout_set_wrap (self->scratch, PANGO_WRAP_WORD_CHAR);
  self->font = pango_font_description_copy (font);
  self->bold = pango_font_description_copy (bold);
  self->n_columns = table->columns->len;
  self->x = g_new0 (double, self->n_columns + 1);
  self->header_heights = g_new0 (double, MAX (table->header_rows->len, 1));
  self->row_heights = g_new0 (double, MAX (table->rows->len, 1));
  self->known = g_new0 (GHashTable *, 2 * self->n_columns);
  for (guint i = 0; i < 2 * self->n_columns; i++)
    self->known[i] = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, known_text_free);

  place_columns (self, x, width);

  for (guint r = 0; r < table->header_rows->len; r++)
    {
      self->header_heights[r] = measure_row (self, g_ptr_array_index (table->header_rows, r));
      self->header_height += self->header_heights[r];
    }

  for (guint r = 0; r < table->rows->len; r++)
    self->row_heights[r] = measure_row (self, g_ptr_array_index (table->rows, r));

  return self;
}

double
awards_report_table_get_header_height (AwardsReportTable *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->header_height;
}

guint
awards_report_table_get_n_rows (AwardsReportTable *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->table->rows->len;
}

double
awards_report_table_get_row_height (AwardsReportTable *self,
                                    guint              row)
{
  g_return_val_if_fail (self != NULL && row < self->table->rows->len, 0);

  return self->row_heights[row];
}

/* Drawing */

static void
draw_cell_text (AwardsReportTable  *self,
                cairo_t            *cr,
                const AwardsDocRow *row,
                guint               cell,
                guint               column,
                double              y,
                double              height,
                gboolean            top)
{
  GHashTable *known = known_texts (self, row, cell, column);
  KnownText *entry = known != NULL ? g_hash_table_lookup (known, row->cells[cell].text) : NULL;
  PangoLayout *layout;
  double text_height;

  if (entry != NULL && entry->layout != NULL)
    {
      layout = entry->layout;
    }
  else
    {
      layout = prepare_cell (self, row, cell, column);
      if (entry != NULL && entry->count > 1 && self->n_kept_layouts < MAX_KEPT_LAYOUTS)
        {
          entry->layout = pango_layout_copy (layout);
          layout = entry->layout;
          self->n_kept_layouts++;
        }
    }

  /* Text sits in the middle of a row that a taller neighbour made higher; at the top of a row
   * drawn over several pages, where the middle would be on another page. */
  text_height = entry != NULL ? entry->height : layout_height (layout);
  cairo_move_to (cr, self->x[column] + CELL_PAD_X,
                 top ? y + CELL_PAD_Y : y + (height - text_height) / 2);
  pango_cairo_show_layout (cr, layout);
}

/* How many header rows below @row continue the header cell that starts at @column. */
static guint
header_rows_below (const AwardsDocTable *table,
                   guint                 row,
                   guint                 column)
{
  guint n = 0;

  for (guint below = row + 1; below < table->header_rows->len; below++)
    {
      const AwardsDocRow *next = g_ptr_array_index (table->header_rows, below);
      gboolean continued = FALSE;

      for (guint k = 0; k < next->n_cells && !continued; k++)
        continued = next->cells[k].text == NULL &&
                    awards_doc_row_cell_column (next, k) == column;
      if (!continued)
        break;
      n++;
    }

  return n;
}

static void
draw_header (AwardsReportTable *self,
             cairo_t           *cr,
             double             y)
{
  const AwardsDocTable *table = self->table;

  for (guint r = 0; r < table->header_rows->len; r++)
    {
      const AwardsDocRow *row = g_ptr_array_index (table->header_rows, r);
      guint column = 0;

      for (guint i = 0; i < row->n_cells; i++)
        {
          const AwardsDocCell *cell = &row->cells[i];
          double width = cell_width (self, column, cell->span);
          double height = self->header_heights[r];

          /* A NULL text below the first row is the cell above, reaching down. */
          if (cell->text == NULL && r > 0)
            {
              column += cell->span;
              continue;
            }
          for (guint k = 1; k <= header_rows_below (table, r, column); k++)
            height += self->header_heights[r + k];

          cairo_rectangle (cr, self->x[column], y, width, height);
          cairo_set_source_rgb (cr, HEADER_GREY, HEADER_GREY, HEADER_GREY);
          cairo_fill_preserve (cr);
          cairo_set_source_rgb (cr, 0, 0, 0);
          cairo_stroke (cr);

          if (cell->text != NULL && cell->text[0] != '\0')
            draw_cell_text (self, cr, row, i, column, y, height, FALSE);

          column += cell->span;
        }

      y += self->header_heights[r];
    }
}

static gboolean
row_has_edge (const AwardsDocRow *row,
              guint               edge)
{
  guint column = 0;

  for (guint i = 0; i < row->n_cells && column <= edge; i++)
    {
      if (column == edge)
        return TRUE;
      column += row->cells[i].span;
    }

  return column == edge;
}

/* The rules of body rows: a line under each row, and each column edge as one line down the
 * slice unless a spanning cell interrupts it. Far fewer strokes than a box per cell, which
 * matters for a PDF of hundreds of pages. */
static void
draw_body_rules (AwardsReportTable *self,
                 cairo_t           *cr,
                 double             top,
                 guint              first_row,
                 guint              n_rows)
{
  const AwardsDocTable *table = self->table;
  double left = self->x[0];
  double right = self->x[self->n_columns];
  double y = top;

  cairo_move_to (cr, left, top);
  cairo_line_to (cr, right, top);
  for (guint r = first_row; r < first_row + n_rows; r++)
    {
      y += self->row_heights[r];
      cairo_move_to (cr, left, y);
      cairo_line_to (cr, right, y);
    }

  for (guint edge = 0; edge <= self->n_columns; edge++)
    {
      gboolean whole = TRUE;

      for (guint r = first_row; r < first_row + n_rows && whole; r++)
        whole = row_has_edge (g_ptr_array_index (table->rows, r), edge);

      if (whole)
        {
          cairo_move_to (cr, self->x[edge], top);
          cairo_line_to (cr, self->x[edge], y);
          continue;
        }

      y = top;
      for (guint r = first_row; r < first_row + n_rows; r++)
        {
          if (row_has_edge (g_ptr_array_index (table->rows, r), edge))
            {
              cairo_move_to (cr, self->x[edge], y);
              cairo_line_to (cr, self->x[edge], y + self->row_heights[r]);
            }
          y += self->row_heights[r];
        }
    }

  cairo_stroke (cr);
}

void
awards_report_table_draw (AwardsReportTable *self,
                          cairo_t           *cr,
                          double             y,
                          guint              first_row,
                          guint              n_rows)
{
  const AwardsDocTable *table;
  double top;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (first_row + n_rows <= self->table->rows->len);

  table = self->table;

  cairo_save (cr);
  cairo_set_line_width (cr, RULE_WIDTH);
  cairo_set_source_rgb (cr, 0, 0, 0);

  draw_header (self, cr, y);
  top = y + self->header_height;

  /* Group rows are shaded across the table before their text goes on. */
  y = top;
  for (guint r = first_row; r < first_row + n_rows; r++)
    {
      const AwardsDocRow *row = g_ptr_array_index (table->rows, r);

      if (row->style == AWARDS_DOC_ROW_GROUP)
        {
          cairo_rectangle (cr, self->x[0], y, self->x[self->n_columns] - self->x[0],
                           self->row_heights[r]);
          cairo_set_source_rgb (cr, GROUP_GREY, GROUP_GREY, GROUP_GREY);
          cairo_fill (cr);
          cairo_set_source_rgb (cr, 0, 0, 0);
        }
      y += self->row_heights[r];
    }

  y = top;
  for (guint r = first_row; r < first_row + n_rows; r++)
    {
      const AwardsDocRow *row = g_ptr_array_index (table->rows, r);
      guint column = 0;

      for (guint i = 0; i < row->n_cells; i++)
        {
          if (row->cells[i].text != NULL && row->cells[i].text[0] != '\0')
            draw_cell_text (self, cr, row, i, column, y, self->row_heights[r], FALSE);
          column += row->cells[i].span;
        }
      y += self->row_heights[r];
    }

  if (n_rows > 0)
    draw_body_rules (self, cr, top, first_row, n_rows);

  cairo_restore (cr);
}

/**
 * awards_report_layout_break:
 * @layout: a laid-out text
 * @top: where its first line starts, below the top of what it is drawn in
 * @from: how much of it earlier pages showed, from that top
 * @room: the room on this page
 *
 * Where a text taller than a page is cut for the next: at the bottom of the last of its lines
 * that fits in @room below @from, so that no line is cut in two; at @from + @room when not even
 * one line fits.
 *
 * Returns: the position, from the same top, down to which this page shows it
 */
double
awards_report_layout_break (PangoLayout *layout,
                            double       top,
                            double       from,
                            double       room)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double end = from;

  do
    {
      int line_top = 0, line_bottom = 0;
      double bottom;

      pango_layout_iter_get_line_yrange (iter, &line_top, &line_bottom);
      bottom = top + (double) line_bottom / PANGO_SCALE;
      if (bottom > from + room)
        break;
      end = MAX (end, bottom);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  return end > from ? end : from + room;
}

/* The cell of @row whose text is the tallest: where a row over several pages is cut. */
static PangoLayout *
tallest_cell (AwardsReportTable  *self,
              const AwardsDocRow *row)
{
  double tallest = -1;
  guint tallest_cell_index = 0, tallest_column = 0;
  guint column = 0;

  for (guint i = 0; i < row->n_cells; i++)
    {
      if (row->cells[i].text != NULL && row->cells[i].text[0] != '\0')
        {
          double height = layout_height (prepare_cell (self, row, i, column));

          if (height > tallest)
            {
              tallest = height;
              tallest_cell_index = i;
              tallest_column = column;
            }
        }
      column += row->cells[i].span;
    }
  return tallest < 0 ? NULL : prepare_cell (self, row, tallest_cell_index, tallest_column);
}

double
awards_report_table_row_break (AwardsReportTable *self,
                               guint              row,
                               double             from,
                               double             room)
{
  const AwardsDocRow *r;
  PangoLayout *layout;

  g_return_val_if_fail (self != NULL && row < self->table->rows->len, from + room);

  if (from + room >= self->row_heights[row])
    return self->row_heights[row];
  r = g_ptr_array_index (self->table->rows, row);
  layout = tallest_cell (self, r);
  if (layout == NULL)
    return from + room;
  return awards_report_layout_break (layout, CELL_PAD_Y, from, room);
}

void
awards_report_table_draw_part (AwardsReportTable *self,
                               cairo_t           *cr,
                               double             y,
                               guint              row,
                               double             from,
                               double             to)
{
  const AwardsDocRow *r;
  double top, left, right, row_top;
  guint column = 0;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (row < self->table->rows->len && from < to);

  r = g_ptr_array_index (self->table->rows, row);
  cairo_save (cr);
  cairo_set_line_width (cr, RULE_WIDTH);
  cairo_set_source_rgb (cr, 0, 0, 0);

  draw_header (self, cr, y);
  top = y + self->header_height;
  left = self->x[0];
  right = self->x[self->n_columns];
  row_top = top - from;

  /* The row as a whole, cut to what this page shows. */
  cairo_save (cr);
  cairo_rectangle (cr, left, top, right - left, to - from);
  cairo_clip (cr);
  if (r->style == AWARDS_DOC_ROW_GROUP)
    {
      cairo_rectangle (cr, left, row_top, right - left, self->row_heights[row]);
      cairo_set_source_rgb (cr, GROUP_GREY, GROUP_GREY, GROUP_GREY);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
    }
  for (guint i = 0; i < r->n_cells; i++)
    {
      if (r->cells[i].text != NULL && r->cells[i].text[0] != '\0')
        draw_cell_text (self, cr, r, i, column, row_top, self->row_heights[row], TRUE);
      column += r->cells[i].span;
    }
  cairo_restore (cr);

  /* Its rules: the page's part is closed above and below. */
  cairo_move_to (cr, left, top);
  cairo_line_to (cr, right, top);
  cairo_move_to (cr, left, top + to - from);
  cairo_line_to (cr, right, top + to - from);
  for (guint edge = 0; edge <= self->n_columns; edge++)
    if (row_has_edge (r, edge))
      {
        cairo_move_to (cr, self->x[edge], top);
        cairo_line_to (cr, self->x[edge], top + to - from);
      }
  cairo_stroke (cr);
  cairo_restore (cr);
}
