/* awards-report-printer.c: a report laid out on pages and drawn with Cairo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Just over 800 lines: the pagination measures every text with the same fonts and the same
 * layout that later draw it, so that pages break as they print; the letterhead's words and sizes
 * are in awards-official-layout.c and the tables in awards-report-table.c.
 */

#include "config.h"

#include <string.h>

#include <cairo-pdf.h>

#include "awards-official-layout.h"
#include "awards-report-printer.h"
#include "awards-report-private.h"
#include "awards-report-table.h"

#define MM (72.0 / 25.4)
#define A4_WIDTH  (210.0 * MM)
#define A4_HEIGHT (297.0 * MM)

#define ISSUER_SHARE     0.45   /* of the width, for the issuing body left of the motto */

typedef enum
{
  ITEM_FRAME,       /* issuing body, national motto, place and date */
  ITEM_BLOCK,       /* a text block of the document */
  ITEM_TABLE,       /* the header rows and some rows of a table */
  ITEM_BLOCK_PART,  /* this page's part of a text block taller than a page */
  ITEM_TABLE_PART,  /* the header rows and this page's part of a row taller than a page */
  ITEM_SIGNATURE,
} ItemKind;

typedef struct
{
  ItemKind kind;
  double   y;
  guint    block;
  guint    first_row;
  guint    n_rows;
  double   from;      /* a part: what it shows, from the top of the block or row */
  double   to;
} PageItem;

struct _AwardsReportPrinter
{
  GObject               parent_instance;

  AwardsReport         *report;
  double                margin_top;
  double                margin_right;
  double                margin_bottom;
  double                margin_left;

  /* Valid after pagination */
  PangoContext         *context;
  PangoLayout          *layout;
  double                page_width;
  double                page_height;
  GPtrArray            *pages;       /* GArray of PageItem */
  GPtrArray            *tables;      /* AwardsReportTable per block, NULL for text blocks */

  PangoFontDescription *font_body;
  PangoFontDescription *font_italic;
  PangoFontDescription *font_bold;
  PangoFontDescription *font_header;
  PangoFontDescription *font_motto;
  PangoFontDescription *font_place;
  PangoFontDescription *font_title;
  PangoFontDescription *font_subtitle;
  PangoFontDescription *font_cell;
  PangoFontDescription *font_cell_bold;
  PangoFontDescription *font_footer;
  char                 *issuer;      /* the issuing body, broken into lines that fit */
  AwardsOfficialLayout *official;    /* Decree 30's header, footer and fonts */
};

G_DEFINE_FINAL_TYPE (AwardsReportPrinter, awards_report_printer, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_REPORT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_layout_state (AwardsReportPrinter *self)
{
  g_clear_object (&self->layout);
  g_clear_object (&self->context);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->tables, g_ptr_array_unref);
  g_clear_pointer (&self->font_body, pango_font_description_free);
  g_clear_pointer (&self->font_italic, pango_font_description_free);
  g_clear_pointer (&self->font_bold, pango_font_description_free);
  g_clear_pointer (&self->font_header, pango_font_description_free);
  g_clear_pointer (&self->font_motto, pango_font_description_free);
  g_clear_pointer (&self->font_place, pango_font_description_free);
  g_clear_pointer (&self->font_title, pango_font_description_free);
  g_clear_pointer (&self->font_subtitle, pango_font_description_free);
  g_clear_pointer (&self->font_cell, pango_font_description_free);
  g_clear_pointer (&self->font_cell_bold, pango_font_description_free);
  g_clear_pointer (&self->font_footer, pango_font_description_free);
  g_clear_pointer (&self->issuer, g_free);
  g_clear_pointer (&self->official, awards_official_layout_free);
}

static void
awards_report_printer_finalize (GObject *object)
{
  AwardsReportPrinter *self = (AwardsReportPrinter *) object;

  clear_layout_state (self);
  g_clear_object (&self->report);

  G_OBJECT_CLASS (awards_report_printer_parent_class)->finalize (object);
}

static void
awards_report_printer_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  AwardsReportPrinter *self = AWARDS_REPORT_PRINTER (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      g_value_set_object (value, self->report);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awards_report_printer_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  AwardsReportPrinter *self = AWARDS_REPORT_PRINTER (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      self->report = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awards_report_printer_class_init (AwardsReportPrinterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = awards_report_printer_finalize;
  object_class->get_property = awards_report_printer_get_property;
  object_class->set_property = awards_report_printer_set_property;

  properties[PROP_REPORT] =
    g_param_spec_object ("report", NULL, NULL, AWARDS_TYPE_REPORT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
awards_report_printer_init (AwardsReportPrinter *self)
{
  /* The margins of Vietnamese administrative documents, a little narrower on the left. */
  self->margin_top = 20 * MM;
  self->margin_right = 15 * MM;
  self->margin_bottom = 20 * MM;
  self->margin_left = 25 * MM;
}

AwardsReportPrinter *
awards_report_printer_new (AwardsReport *report)
{
  g_return_val_if_fail (AWARDS_IS_REPORT (report), NULL);

  return g_object_new (AWARDS_TYPE_REPORT_PRINTER, "report", report, NULL);
}

AwardsReport *
awards_report_printer_get_report (AwardsReportPrinter *self)
{
  g_return_val_if_fail (AWARDS_IS_REPORT_PRINTER (self), NULL);

  return self->report;
}

void
awards_report_printer_set_margins (AwardsReportPrinter *self,
                                   double               top,
                                   double               right,
                                   double               bottom,
                                   double               left)
{
  g_return_if_fail (AWARDS_IS_REPORT_PRINTER (self));
  g_return_if_fail (top >= 0 && right >= 0 && bottom >= 0 && left >= 0);

  self->margin_top = top;
  self->margin_right = right;
  self->margin_bottom = bottom;
  self->margin_left = left;
}

/* Text */

static PangoFontDescription *
font (AwardsReportPrinter *self,
      AwardsOfficialText   text)
{
  return pango_font_description_copy (awards_official_layout_get_font (self->official, text));
}

/* Every text of the page in the sizes Decree 30 gives (awards-official-layout.h). */
static void
create_fonts (AwardsReportPrinter *self)
{
  self->font_body = font (self, AWARDS_OFFICIAL_BODY);
  self->font_italic = font (self, AWARDS_OFFICIAL_BODY_ITALIC);
  self->font_bold = font (self, AWARDS_OFFICIAL_BODY_BOLD);
  self->font_header = font (self, AWARDS_OFFICIAL_OFFICE);
  self->font_motto = font (self, AWARDS_OFFICIAL_MOTTO);
  self->font_place = font (self, AWARDS_OFFICIAL_PLACE_DATE);
  self->font_title = font (self, AWARDS_OFFICIAL_TITLE);
  self->font_subtitle = font (self, AWARDS_OFFICIAL_SUBTITLE);
  self->font_cell = font (self, AWARDS_OFFICIAL_CELL);
  self->font_cell_bold = font (self, AWARDS_OFFICIAL_CELL_BOLD);
  self->font_footer = font (self, AWARDS_OFFICIAL_FOOTER);
}

/* Sets the one layout every text goes through; wrapping at @width points. */
static PangoLayout *
prepare_text (AwardsReportPrinter  *self,
              const char           *text,
              PangoFontDescription *description,
              double                width,
              PangoAlignment        alignment)
{
  PangoLayout *layout = self->layout;

  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, pango_units_from_double (MAX (width, 1.0)));
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_indent (layout, 0);
  pango_layout_set_justify (layout, FALSE);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);

  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height = 0;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

/* Measures the prepared text and, when @cr is given, draws it at (@x, @y). */
static double
show_text (cairo_t     *cr,
           PangoLayout *layout,
           double       x,
           double       y)
{
  if (cr != NULL)
    {
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, layout);
    }

  return layout_height (layout);
}

static double
content_width (AwardsReportPrinter *self)
{
  return self->page_width - self->margin_left - self->margin_right;
}

static double
content_bottom (AwardsReportPrinter *self)
{
  return self->page_height - self->margin_bottom;
}

static double
text_width (AwardsReportPrinter  *self,
            const char           *text,
            PangoFontDescription *description)
{
  PangoLayout *layout = prepare_text (self, text, description, 1, PANGO_ALIGN_LEFT);
  int width = 0;

  pango_layout_set_width (layout, -1);
  pango_layout_get_size (layout, &width, NULL);
  return (double) width / PANGO_SCALE;
}

/* Words that start the place in a body's name: "LIÊN MINH HTX | THÀNH PHỐ HẢI PHÒNG". */
static gboolean
starts_place (const char *text)
{
  static const char *words[] = { "THÀNH PHỐ ", "TỈNH ", "HUYỆN ", "QUẬN ", "THỊ XÃ ", "XÃ ",
                                 "VIỆT NAM" };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_has_prefix (text, words[i]))
      return TRUE;

  return FALSE;
}

/* An issuing body too long for one line goes on two, broken where the lines come out most even,
 * or before the place when that fits: administrative headers are set that way rather than
 * filled to the edge. A name with its own line breaks is kept as given. */
static char *
break_issuer (AwardsReportPrinter *self,
              const char          *issuer,
              double               width)
{
  g_autofree char *best = NULL;
  double best_score = G_MAXDOUBLE;

  if (issuer == NULL || strchr (issuer, '\n') != NULL ||
      text_width (self, issuer, self->font_header) <= width)
    return g_strdup (issuer);

  for (const char *space = strchr (issuer, ' '); space != NULL; space = strchr (space + 1, ' '))
    {
      g_autofree char *first = g_strndup (issuer, (gsize) (space - issuer));
      double first_width = text_width (self, first, self->font_header);
      double second_width = text_width (self, space + 1, self->font_header);
      double score = MAX (first_width, second_width);

      if (score <= width && starts_place (space + 1))
        score -= width;
      if (score < best_score)
        {
          best_score = score;
          g_free (best);
          best = g_strdup_printf ("%s\n%s", first, space + 1);
        }
    }

  return best != NULL ? g_steal_pointer (&best) : g_strdup (issuer);
}

static void
fill_letterhead (AwardsReportPrinter *self,
                 AwardsLetterhead    *letterhead)
{
  AwardsDoc *doc = awards_report_get_document (self->report);

  letterhead->parent = doc->parent;
  letterhead->office = self->issuer;
  letterhead->number = doc->number;
  letterhead->place_date = doc->place_date;
  letterhead->signer_form = doc->signer_form;
  letterhead->signer_title = doc->signer_title;
  letterhead->signer_name = doc->signer_name;
  letterhead->recipients = (const char * const *) doc->recipients;
}

/* The top of the first page in the official layout: the governing body and the office on the
 * left, the national name and motto on the right, the number and the place and date under them.
 * Draws when @cr is given; returns the height either way. */
static double
frame_header (AwardsReportPrinter *self,
              cairo_t             *cr,
              double               y)
{
  AwardsLetterhead letterhead;

  fill_letterhead (self, &letterhead);
  return awards_official_layout_header (self->official, cr, &letterhead, self->margin_left, y,
                                        content_width (self));
}

/* "Nơi nhận:" on the left, the signature block on the right. */
static double
signature (AwardsReportPrinter *self,
           cairo_t             *cr,
           double               y)
{
  AwardsLetterhead letterhead;

  fill_letterhead (self, &letterhead);
  return awards_official_layout_footer (self->official, cr, &letterhead, self->margin_left, y,
                                        content_width (self));
}

/* The space above block @index; the title block stands apart from what follows it. */
static double
space_before (AwardsDoc *doc,
              guint      index)
{
  const AwardsDocBlock *block = g_ptr_array_index (doc->blocks, index);
  const AwardsDocBlock *previous = index > 0 ? g_ptr_array_index (doc->blocks, index - 1) : NULL;

  if (block->kind == AWARDS_DOC_BLOCK_TITLE)
    return 18;
  if (block->kind == AWARDS_DOC_BLOCK_SUBTITLE)
    return 2;
  if (previous != NULL && (previous->kind == AWARDS_DOC_BLOCK_TITLE ||
                           previous->kind == AWARDS_DOC_BLOCK_SUBTITLE))
    return 12;

  switch (block->kind)
    {
    case AWARDS_DOC_BLOCK_HEADING:
      return 10;
    case AWARDS_DOC_BLOCK_PARAGRAPH:
      return previous != NULL && previous->kind == AWARDS_DOC_BLOCK_TABLE ? 8 : 4;
    case AWARDS_DOC_BLOCK_TABLE:
      return 6;
    default:
      return 0;
    }
}

/* Lays out a text block of the document in the printer's layout. */
static PangoLayout *
block_layout (AwardsReportPrinter  *self,
              const AwardsDocBlock *block)
{
  double width = content_width (self);
  PangoLayout *layout;

  switch (block->kind)
    {
    case AWARDS_DOC_BLOCK_TITLE:
      layout = prepare_text (self, block->text, self->font_title, width, PANGO_ALIGN_CENTER);
      break;

    case AWARDS_DOC_BLOCK_SUBTITLE:
      layout = prepare_text (self, block->text, self->font_subtitle, width, PANGO_ALIGN_CENTER);
      break;

    case AWARDS_DOC_BLOCK_HEADING:
      layout = prepare_text (self, block->text, self->font_bold, width, PANGO_ALIGN_LEFT);
      break;

    case AWARDS_DOC_BLOCK_PARAGRAPH:
      layout = prepare_text (self, block->text, self->font_body, width, PANGO_ALIGN_LEFT);
      pango_layout_set_indent (layout, pango_units_from_double (20));
      pango_layout_set_justify (layout, TRUE);
      break;

    case AWARDS_DOC_BLOCK_TABLE:
    default:
      g_assert_not_reached ();
    }

  return layout;
}

static double
text_block (AwardsReportPrinter  *self,
            cairo_t              *cr,
            const AwardsDocBlock *block,
            double                y)
{
  return show_text (cr, block_layout (self, block), self->margin_left, y);
}

/* Draws the part of a text block from @from to @to at @y. */
static void
text_block_part (AwardsReportPrinter  *self,
                 cairo_t              *cr,
                 const AwardsDocBlock *block,
                 double                y,
                 double                from,
                 double                to)
{
  cairo_save (cr);
  cairo_rectangle (cr, 0, y, self->page_width, to - from);
  cairo_clip (cr);
  show_text (cr, block_layout (self, block), self->margin_left, y - from);
  cairo_restore (cr);
}

/* Pagination */

typedef struct
{
  AwardsReportPrinter *self;
  GArray              *page;
  double               y;
} Flow;

static void
flow_new_page (Flow *flow)
{
  flow->page = g_array_new (FALSE, TRUE, sizeof (PageItem));
  g_ptr_array_add (flow->self->pages, flow->page);
  flow->y = flow->self->margin_top;
}

/* Starts a new page unless @height fits below the current position or the page is empty, where
 * waiting for the next page would not help. */
static void
flow_make_room (Flow   *flow,
                double  height)
{
  if (flow->y + height > content_bottom (flow->self) && flow->page->len > 0)
    flow_new_page (flow);
}

static void
flow_add (Flow     *flow,
          ItemKind  kind,
          guint     block,
          guint     first_row,
          guint     n_rows)
{
  PageItem item = { kind, flow->y, block, first_row, n_rows, 0, 0 };

  g_array_append_val (flow->page, item);
}

static void
flow_add_part (Flow     *flow,
               ItemKind  kind,
               guint     block,
               guint     row,
               double    from,
               double    to)
{
  PageItem item = { kind, flow->y, block, row, 1, from, to };

  g_array_append_val (flow->page, item);
}

/* The height of a page's body: a text or a row taller than this cannot be kept whole. */
static double
page_body (AwardsReportPrinter *self)
{
  return content_bottom (self) - self->margin_top;
}

/* A text block taller than a page, from the current position on, page after page, each part
 * cut below a whole line. */
static void
flow_block_in_parts (Flow  *flow,
                     guint  index,
                     double height)
{
  AwardsReportPrinter *self = flow->self;
  AwardsDoc *doc = awards_report_get_document (self->report);
  const AwardsDocBlock *block = g_ptr_array_index (doc->blocks, index);
  double from = 0;

  for (;;)
    {
      double to = awards_report_layout_break (block_layout (self, block), 0, from,
                                              content_bottom (self) - flow->y);

      to = MIN (to, height);
      flow_add_part (flow, ITEM_BLOCK_PART, index, 0, from, to);
      flow->y += to - from;
      from = to;
      if (from >= height)
        break;
      flow_new_page (flow);
    }
}

/* The space a table needs on a page before it is worth starting it there: its header and first
 * row, or a third of a page of a first row taller than a page. */
static double
table_start_height (AwardsReportPrinter *self,
                    AwardsReportTable   *table)
{
  double height = awards_report_table_get_header_height (table);

  if (awards_report_table_get_n_rows (table) > 0)
    height += MIN (awards_report_table_get_row_height (table, 0), page_body (self) / 3);

  return height;
}

/* A heading stays on the page with what follows it, up to the first row of its table. */
static double
keep_with_next_height (AwardsReportPrinter *self,
                       AwardsDoc           *doc,
                       guint                index)
{
  double height = 0;

  for (guint i = index + 1; i < doc->blocks->len && i <= index + 2; i++)
    {
      const AwardsDocBlock *next = g_ptr_array_index (doc->blocks, i);

      height += space_before (doc, i);
      if (next->kind == AWARDS_DOC_BLOCK_TABLE)
        return height + table_start_height (self, g_ptr_array_index (self->tables, i));
      if (next->kind == AWARDS_DOC_BLOCK_HEADING)
        break;
      /* Of a text that goes over pages, its first lines. */
      height += MIN (text_block (self, NULL, next, 0), page_body (self) / 3);
    }

  return height;
}

static void
flow_table (Flow  *flow,
            guint  index)
{
  AwardsReportPrinter *self = flow->self;
  AwardsReportTable *table = g_ptr_array_index (self->tables, index);
  double header_height = awards_report_table_get_header_height (table);
  guint n_rows = awards_report_table_get_n_rows (table);
  guint row = 0;

  gboolean first_page = TRUE;

  flow_make_room (flow, table_start_height (self, table));

  do
    {
      guint first = row;
      double y;

      /* Every page the table reaches starts with its header rows. */
      if (!first_page)
        flow_new_page (flow);
      first_page = FALSE;

      y = flow->y + header_height;
      while (row < n_rows &&
             y + awards_report_table_get_row_height (table, row) <= content_bottom (self))
        y += awards_report_table_get_row_height (table, row++);

      if (row > first || row == n_rows)
        {
          flow_add (flow, ITEM_TABLE, index, first, row - first);
          flow->y = y;
          continue;
        }

      /* A row that does not fit on a page of its own (an achievement of several pages) goes
       * on page after page, each part under the header rows, cut below a whole line. */
      {
        double height = awards_report_table_get_row_height (table, row);
        double from = 0;

        for (;;)
          {
            double room = content_bottom (self) - flow->y - header_height;
            double to = awards_report_table_row_break (table, row, from, room);

            flow_add_part (flow, ITEM_TABLE_PART, index, row, from, to);
            flow->y += header_height + to - from;
            from = to;
            if (from >= height)
              break;
            flow_new_page (flow);
          }
        row++;
      }
    }
  while (row < n_rows);
}

void
awards_report_printer_paginate (AwardsReportPrinter *self,
                                PangoContext        *context,
                                double               page_width,
                                double               page_height)
{
  AwardsDoc *doc;
  Flow flow = { self, NULL, 0 };

  g_return_if_fail (AWARDS_IS_REPORT_PRINTER (self));
  g_return_if_fail (PANGO_IS_CONTEXT (context));
  g_return_if_fail (page_width > 0 && page_height > 0);

  clear_layout_state (self);
  doc = awards_report_get_document (self->report);

  /* Unhinted metrics and unrounded glyph positions make the line breaks, and so the pages, the
   * same on every target; they also space letters as the font means them to be, and spare the
   * PDF a position correction after nearly every glyph. */
  pango_context_set_round_glyph_positions (context, FALSE);
  {
    const cairo_font_options_t *current = pango_cairo_context_get_font_options (context);
    cairo_font_options_t *options = current != NULL ? cairo_font_options_copy (current)
                                                    : cairo_font_options_create ();

    cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options (context, options);
    cairo_font_options_destroy (options);
  }

  self->context = g_object_ref (context);
  self->layout = pango_layout_new (context);
  pango_layout_set_wrap (self->layout, PANGO_WRAP_WORD_CHAR);
  self->page_width = page_width;
  self->page_height = page_height;
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) awards_report_table_free);
  self->official = awards_official_layout_new (context, doc->font, doc->font_size);
  create_fonts (self);

  for (guint i = 0; i < doc->blocks->len; i++)
    {
      const AwardsDocBlock *block = g_ptr_array_index (doc->blocks, i);
      AwardsReportTable *table = NULL;

      if (block->kind == AWARDS_DOC_BLOCK_TABLE)
        table = awards_report_table_new (block->table, context, self->font_cell,
                                         self->font_cell_bold, self->margin_left,
                                         content_width (self));
      g_ptr_array_add (self->tables, table);
    }

  self->issuer = break_issuer (self, doc->issuer, content_width (self) * ISSUER_SHARE);

  flow_new_page (&flow);
  flow_add (&flow, ITEM_FRAME, 0, 0, 0);
  flow.y += frame_header (self, NULL, flow.y);

  for (guint i = 0; i < doc->blocks->len; i++)
    {
      const AwardsDocBlock *block = g_ptr_array_index (doc->blocks, i);
      double height;

      flow.y += space_before (doc, i);

      if (block->kind == AWARDS_DOC_BLOCK_TABLE)
        {
          flow_table (&flow, i);
          continue;
        }

      height = text_block (self, NULL, block, 0);
      if (block->kind == AWARDS_DOC_BLOCK_HEADING)
        flow_make_room (&flow, height + keep_with_next_height (self, doc, i));
      else if (height > page_body (self))
        {
          /* Taller than a page: it starts here when a third of a page is left. */
          flow_make_room (&flow, page_body (self) / 3);
          flow_block_in_parts (&flow, i, height);
          continue;
        }
      else
        flow_make_room (&flow, height);
      flow_add (&flow, ITEM_BLOCK, i, 0, 0);
      flow.y += height;
    }

  flow.y += 16;
  flow_make_room (&flow, signature (self, NULL, 0));
  flow_add (&flow, ITEM_SIGNATURE, 0, 0, 0);
}

guint
awards_report_printer_get_n_pages (AwardsReportPrinter *self)
{
  g_return_val_if_fail (AWARDS_IS_REPORT_PRINTER (self), 0);

  return self->pages != NULL ? self->pages->len : 0;
}

static void
draw_footer (AwardsReportPrinter *self,
             cairo_t             *cr,
             guint                page_nr)
{
  g_autofree char *text = g_strdup_printf ("Trang %u/%u", page_nr + 1, self->pages->len);
  PangoLayout *layout;

  layout = prepare_text (self, text, self->font_footer, content_width (self), PANGO_ALIGN_CENTER);
  show_text (cr, layout, self->margin_left, self->page_height - self->margin_bottom * 0.6);
}

void
awards_report_printer_draw_page (AwardsReportPrinter *self,
                                 cairo_t             *cr,
                                 guint                page_nr)
{
  AwardsDoc *doc;
  GArray *page;

  g_return_if_fail (AWARDS_IS_REPORT_PRINTER (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (self->pages != NULL && page_nr < self->pages->len);

  doc = awards_report_get_document (self->report);
  page = g_ptr_array_index (self->pages, page_nr);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  for (guint i = 0; i < page->len; i++)
    {
      const PageItem *item = &g_array_index (page, PageItem, i);

      switch (item->kind)
        {
        case ITEM_FRAME:
          frame_header (self, cr, item->y);
          break;

        case ITEM_BLOCK:
          text_block (self, cr, g_ptr_array_index (doc->blocks, item->block), item->y);
          break;

        case ITEM_TABLE:
          awards_report_table_draw (g_ptr_array_index (self->tables, item->block), cr, item->y,
                                    item->first_row, item->n_rows);
          break;

        case ITEM_BLOCK_PART:
          text_block_part (self, cr, g_ptr_array_index (doc->blocks, item->block), item->y,
                           item->from, item->to);
          break;

        case ITEM_TABLE_PART:
          awards_report_table_draw_part (g_ptr_array_index (self->tables, item->block), cr,
                                         item->y, item->first_row, item->from, item->to);
          break;

        case ITEM_SIGNATURE:
          signature (self, cr, item->y);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  draw_footer (self, cr, page_nr);
  cairo_restore (cr);
}

/* PDF */

typedef struct
{
  GOutputStream *output;
  GCancellable  *cancellable;
  GError        *error;
} PdfWriter;

static cairo_status_t
write_pdf_cb (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  PdfWriter *writer = closure;

  if (writer->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;

  if (!g_output_stream_write_all (writer->output, data, length, NULL, writer->cancellable,
                                  &writer->error))
    return CAIRO_STATUS_WRITE_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

gboolean
awards_report_printer_write_pdf (AwardsReportPrinter  *self,
                                 GOutputStream        *output,
                                 GCancellable         *cancellable,
                                 GError              **error)
{
  PdfWriter writer = { output, cancellable, NULL };
  PangoContext *context;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width = A4_WIDTH, height = A4_HEIGHT;

  g_return_val_if_fail (AWARDS_IS_REPORT_PRINTER (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (output), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (awards_report_get_landscape (self->report))
    {
      width = A4_HEIGHT;
      height = A4_WIDTH;
    }

  surface = cairo_pdf_surface_create_for_stream (write_pdf_cb, &writer, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  awards_report_get_title (self->report));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Coop Awards");
  cr = cairo_create (surface);

  /* Points are the PDF's unit. */
  context = pango_cairo_create_context (cr);
  pango_cairo_context_set_resolution (context, 72);

  awards_report_printer_paginate (self, context, width, height);

  for (guint i = 0; i < self->pages->len && writer.error == NULL; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, &writer.error))
        break;
      awards_report_printer_draw_page (self, cr, i);
      cairo_show_page (cr);
    }

  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (writer.error != NULL)
    {
      g_propagate_error (error, writer.error);
      return FALSE;
    }

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, AWARDS_REPORT_ERROR, AWARDS_REPORT_ERROR_FAILED,
                   "Could not write the PDF document: %s", cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}
