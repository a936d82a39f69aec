#pragma once

#include <gio/gio.h>

#include "awards-store.h"

G_BEGIN_DECLS

#define AWARDS_REPORT_ERROR (awards_report_error_quark ())

typedef enum
{
  AWARDS_REPORT_ERROR_FAILED,
  AWARDS_REPORT_ERROR_NOT_FOUND,
  AWARDS_REPORT_ERROR_INVALID,
} AwardsReportError;

GQuark awards_report_error_quark (void);

typedef enum
{
  AWARDS_REPORT_KIND_SUMMARY,
  AWARDS_REPORT_KIND_ORGANISATION,
  AWARDS_REPORT_KIND_DECISION,
  AWARDS_REPORT_KIND_YEARLY,
} AwardsReportKind;

typedef enum
{
  AWARDS_REPORT_FORMAT_TEXT,
  AWARDS_REPORT_FORMAT_CSV,
  AWARDS_REPORT_FORMAT_PDF,
  AWARDS_REPORT_FORMAT_XLSX,
} AwardsReportFormat;

/* Reads "text", "csv", "pdf" or "xlsx" (any case). */
gboolean awards_report_format_from_string (const char          *text,
                                           AwardsReportFormat  *format);

/* What a report is asked for; strings are copied by awards_report_build ().
 *
 * SUMMARY       query filters it: date_from/date_to, authority_id, award_type_id, organisation_id
 *               (with_subsidiaries adds its member organisations), recipient_kind.
 * ORGANISATION  organisation (name or id) or query.organisation_id; the organisation's own awards
 *               and its people's awards while they belonged to it (with_members is implied),
 *               query.with_subsidiaries and the period still apply.
 * DECISION      decision (its number); query.authority_id picks one when two authorities used the
 *               same number. The header names the decision's authority unless issuer is given, and
 *               the document is dated and signed as the decision is, unless date/signer are given.
 * YEARLY        from_year..to_year (both required); the other query filters apply.
 */
/* The order of a decision's annex within each award and kind of recipient. */
typedef enum
{
  AWARDS_ANNEX_ORDER_ENTERED = 0,   /* as the decision lists them */
  AWARDS_ANNEX_ORDER_NAME,          /* by name in Vietnamese order (people by given name) */
} AwardsAnnexOrder;

typedef struct
{
  AwardsReportKind  kind;
  AwardsQuery       query;          /* period, authority, award, organisation, recipient kind */
  const char       *organisation;   /* ORGANISATION: name or id */
  const char       *decision;       /* DECISION: number (authority_id in query narrows it) */
  int               from_year;      /* YEARLY */
  int               to_year;        /* YEARLY */
  const char       *issuer;         /* header: the issuing body, NULL = default */
  const char       *place;          /* "Hải Phòng"; NULL = none */
  const char       *signer_title;   /* signature block; NULL = default */
  const char       *signer_name;
  const char       *date;           /* ISO date the document is written on; NULL = today */
  /* The office profile in the store fills what these leave NULL (issue 12). */
  const char       *number;         /* the document's number: "12" or "12/BC-LMHTX" */
  const char       *signer_form;    /* "TM. …"/"KT. …" line above the signer's title */
  AwardsAnnexOrder  annex_order;    /* DECISION */
} AwardsReportRequest;

void awards_report_request_init (AwardsReportRequest *request,
                                 AwardsReportKind     kind);

#define AWARDS_TYPE_REPORT (awards_report_get_type ())

G_DECLARE_FINAL_TYPE (AwardsReport, awards_report, AWARDS, REPORT, GObject)

/* Runs the queries (call off the main thread for big databases). The report holds no reference
 * to the store afterwards. */
AwardsReport        *awards_report_build            (AwardsStore                *store,
                                                     const AwardsReportRequest  *request,
                                                     GError                    **error);
const char          *awards_report_get_title        (AwardsReport               *self);
AwardsReportKind     awards_report_get_kind         (AwardsReport               *self);

/* The Vietnamese prose of the report, one paragraph per item, NULL-terminated; e.g. for a
 * summary "UBND thành phố Hải Phòng tặng Cờ thi đua xuất sắc cho 3 tập thể; tặng Bằng khen cho
 * 5 tập thể và 10 cá nhân." */
const char * const  *awards_report_get_paragraphs   (AwardsReport               *self);

/* How many awards to collectives and to individuals the report counts or lists. */
void                 awards_report_get_totals       (AwardsReport               *self,
                                                     guint                      *collectives,
                                                     guint                      *individuals);

/* SUMMARY: (element-type AwardsSummaryRow) (transfer none), by authority in Vietnamese order then
 * by award rank. NULL for the other kinds. */
GPtrArray           *awards_report_get_summary_rows (AwardsReport               *self);

/* Whether the report's tables need a landscape page (a yearly table with many award types). */
gboolean             awards_report_get_landscape    (AwardsReport               *self);

/*
 * Writes the report in a format.
 *
 * TEXT  UTF-8: title, subtitles (period, filters), prose, tables with aligned columns, totals.
 * CSV   RFC 4180, "\n" line ends, no BOM:
 *         SUMMARY       authority,award,collectives,individuals — one row per authority and
 *                       award in the summary's order, then TOTAL,,N,M
 *         YEARLY        year,award,collectives,individuals — one row per year and award that has
 *                       awards, by year then award rank, then TOTAL,,N,M
 *         ORGANISATION  the flat award list's columns (decision_number, decision_date, authority,
 *         DECISION      award, recipient_type, recipient, organisation, position, achievement,
 *                       period), so the file imports back; ISO dates; chronological, resp. the
 *                       annex order
 * XLSX  one worksheet with the same title, prose and tables.
 * PDF   A4 pages as AwardsReportPrinter lays them out (landscape when the report asks for it).
 */
gboolean             awards_report_write            (AwardsReport               *self,
                                                     AwardsReportFormat          format,
                                                     GOutputStream              *output,
                                                     GCancellable               *cancellable,
                                                     GError                    **error);
gboolean             awards_report_write_file       (AwardsReport               *self,
                                                     AwardsReportFormat          format,
                                                     const char                 *path,
                                                     GError                    **error);

G_END_DECLS
