/* awards-report-document.h: what a report says, before it is written in any format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * A report is built once as a small document (title, paragraphs, headings, tables) and every
 * format writes that same document: plain text, spreadsheet and pages. Only CSV is written from
 * the report's own rows, because its columns are an interface for scripts.
 */

typedef enum
{
  AWARDS_DOC_ALIGN_START = 0,
  AWARDS_DOC_ALIGN_CENTER,
  AWARDS_DOC_ALIGN_END,
} AwardsDocAlign;

typedef enum
{
  AWARDS_DOC_ROW_NORMAL = 0,
  AWARDS_DOC_ROW_HEADER,   /* repeated at the top of every page the table spans */
  AWARDS_DOC_ROW_GROUP,    /* a bold row that opens a group, e.g. an authority with subtotals */
  AWARDS_DOC_ROW_TOTAL,    /* a bold closing row */
} AwardsDocRowStyle;

/* A cell covers @span columns. In a header row below the first, a NULL text continues the cell
 * above it (a cell two rows high), as in "Năm" over "Tập thể | Cá nhân" sub-headers. */
typedef struct
{
  char  *text;
  guint  span;
} AwardsDocCell;

typedef struct
{
  AwardsDocRowStyle  style;
  guint              n_cells;
  AwardsDocCell      cells[];
} AwardsDocRow;

typedef struct
{
  double          weight;     /* share of the table's width */
  double          min_width;  /* in points */
  AwardsDocAlign  align;
  gboolean        numeric;    /* cells are counts: right-aligned, numbers in spreadsheets */
} AwardsDocColumn;

typedef struct
{
  GArray    *columns;       /* AwardsDocColumn */
  GPtrArray *header_rows;   /* AwardsDocRow */
  GPtrArray *rows;          /* AwardsDocRow */
} AwardsDocTable;

typedef enum
{
  AWARDS_DOC_BLOCK_TITLE,
  AWARDS_DOC_BLOCK_SUBTITLE,
  AWARDS_DOC_BLOCK_HEADING,
  AWARDS_DOC_BLOCK_PARAGRAPH,
  AWARDS_DOC_BLOCK_TABLE,
} AwardsDocBlockKind;

typedef struct
{
  AwardsDocBlockKind  kind;
  char               *text;
  AwardsDocTable     *table;
} AwardsDocBlock;

typedef struct
{
  char      *issuer;        /* the issuing body, one line per line of the header */
  char      *place_date;    /* "Hải Phòng, ngày 28 tháng 12 năm 2011" */
  char      *signer_title;  /* may hold several lines */
  char      *signer_name;   /* NULL leaves the space for a hand-written name */
  gboolean   landscape;     /* the tables need a wide page */
  char      *parent;        /* the governing body above the issuer, NULL for none */
  char      *number;        /* "Số: 12/BC-LMHTX", NULL for none */
  char      *signer_form;   /* "TM. …" or "KT. …", NULL for none */
  GStrv      recipients;    /* the lines under "Nơi nhận:", NULL for none */
  char      *font;          /* the family asked for; NULL for Liberation Serif */
  double     font_size;     /* the body's size in points; 0 for 13 */
  GPtrArray *blocks;        /* AwardsDocBlock */
} AwardsDoc;

AwardsDoc      *awards_doc_new              (void);
void            awards_doc_free             (AwardsDoc          *doc);
void            awards_doc_add_text         (AwardsDoc          *doc,
                                             AwardsDocBlockKind  kind,
                                             const char         *text);
void            awards_doc_add_printf       (AwardsDoc          *doc,
                                             AwardsDocBlockKind  kind,
                                             const char         *format,
                                             ...) G_GNUC_PRINTF (3, 4);
AwardsDocTable *awards_doc_add_table        (AwardsDoc          *doc);

void            awards_doc_table_add_column (AwardsDocTable     *table,
                                             double              weight,
                                             double              min_width,
                                             AwardsDocAlign      align,
                                             gboolean            numeric);
guint           awards_doc_table_get_n_columns (AwardsDocTable  *table);
/* Adds a row of @n_texts cells; @spans may be NULL when every cell covers one column. */
void            awards_doc_table_add_row    (AwardsDocTable     *table,
                                             AwardsDocRowStyle   style,
                                             const char * const *texts,
                                             const guint        *spans,
                                             guint               n_texts);
/* Adds a row with one text per column, NULL for an empty cell. */
void            awards_doc_table_add        (AwardsDocTable     *table,
                                             AwardsDocRowStyle   style,
                                             ...);
/* Adds a row whose first cell covers @span columns, then one text per remaining column. */
void            awards_doc_table_add_spanned (AwardsDocTable    *table,
                                              AwardsDocRowStyle  style,
                                              guint              span,
                                              ...);

/* The column a cell starts at, for writers that place cells in a grid. */
guint           awards_doc_row_cell_column  (const AwardsDocRow *row,
                                             guint               cell);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwardsDoc, awards_doc_free)

G_END_DECLS
