/* awards-cli-report.c: the report command
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "awards-cli-private.h"
#include "awards-cli-review.h"
#include "awards-date.h"
#include "awards-report.h"

#define YEAR_UNSET G_MININT

typedef struct
{
  const char        *name;
  AwardsReportKind   kind;
  guint              min_args;   /* after the kind */
  guint              max_args;
  const char        *missing;    /* translatable: what min_args names */
} ReportKindInfo;

static const ReportKindInfo report_kinds[] = {
  { "summary", AWARDS_REPORT_KIND_SUMMARY, 0, 0, NULL },
  { "organisation", AWARDS_REPORT_KIND_ORGANISATION, 1, G_MAXUINT, N_("NAME-OR-ID") },
  { "decision", AWARDS_REPORT_KIND_DECISION, 1, G_MAXUINT, N_("NUMBER") },
  { "yearly", AWARDS_REPORT_KIND_YEARLY, 0, 0, NULL },
};

static const ReportKindInfo *
find_report_kind (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (report_kinds); i++)
    if (g_str_equal (report_kinds[i].name, name))
      return &report_kinds[i];
  return NULL;
}

/* Each option belongs to some kinds of report; given to another, it is a usage error. */
static int
check_option_applies (AwardsCli            *cli,
                      const ReportKindInfo *info,
                      gboolean              given,
                      const char           *option,
                      AwardsReportKind      kind_a,
                      AwardsReportKind      kind_b)
{
  if (given && info->kind != kind_a && info->kind != kind_b)
    return awards_cli_usage_error (cli, _("%s does not apply to the %s report."), option,
                                   info->name);
  return AWARDS_CLI_EXIT_SUCCESS;
}

static gboolean
parse_date_option (AwardsCli   *cli,
                   const char  *option,
                   const char  *text,
                   char       **iso,
                   int         *status)
{
  if (text == NULL)
    return TRUE;
  if (awards_date_parse (text, iso) && *iso != NULL)
    return TRUE;

  *status = awards_cli_usage_error (cli, _("%s “%s” is not a date: write YYYY-MM-DD or "
                                           "DD/MM/YYYY."), option, text);
  return FALSE;
}

static gboolean
check_year (AwardsCli  *cli,
            const char *option,
            int         year,
            int        *status)
{
  if (year == YEAR_UNSET)
    {
      *status = awards_cli_usage_error (cli, _("The yearly report needs %s."), option);
      return FALSE;
    }
  if (year < 1 || year > 9999)
    {
      *status = awards_cli_usage_error (cli, _("%s %d is not a year."), option, year);
      return FALSE;
    }
  return TRUE;
}

/**
 * awards_cli_report:
 *
 * `report summary|organisation|decision|yearly …`: builds a report and writes it as text, CSV,
 * PDF or a spreadsheet.
 */
int
awards_cli_report (AwardsCli  *cli,
                   int         argc,
                   char      **argv)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *authority = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *output_path = NULL;
  g_autofree char *order = NULL;
  int from_year = YEAR_UNSET;
  int to_year = YEAR_UNSET;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from,
      N_("summary: awards on or after DATE"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to,
      N_("summary: awards on or before DATE"), N_("DATE") },
    { "authority", 0, 0, G_OPTION_ARG_STRING, &authority,
      N_("summary, decision: only awards granted by NAME"), N_("NAME") },
    { "from-year", 0, 0, G_OPTION_ARG_INT, &from_year,
      N_("yearly: the first year"), N_("Y") },
    { "to-year", 0, 0, G_OPTION_ARG_INT, &to_year,
      N_("yearly: the last year"), N_("Y") },
    { "order", 0, 0, G_OPTION_ARG_STRING, &order,
      N_("decision: list recipients as entered (the default) or by name"), N_("entered|name") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("text (the default), csv, pdf or xlsx"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_path,
      N_("Write to FILE instead of the standard output"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };
  const AwardsCliSyntax syntax = {
    entries,
    N_("Reports:\n"
       "  summary [--from DATE] [--to DATE] [--authority NAME]\n"
       "      awards counted as collectives and individuals, by authority and award\n"
       "  organisation NAME-OR-ID\n"
       "      everything an organisation and its people received\n"
       "  decision NUMBER [--authority NAME] [--order entered|name]\n"
       "      a decision and its list of recipients\n"
       "  yearly --from-year Y --to-year Y\n"
       "      awards counted by year and award\n"
       "\n"
       "DATE is YYYY-MM-DD or DD/MM/YYYY. An existing FILE is replaced only when the report "
       "was written completely."),
    1, G_MAXUINT, TRUE,
  };
  g_auto(GStrv) args = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsStore) store = NULL;
  g_autoptr(AwardsReport) report = NULL;
  g_autoptr(GOutputStream) output = NULL;
  g_autofree char *iso_from = NULL;
  g_autofree char *iso_to = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *organisation_id = NULL;
  g_autofree char *format_label = NULL;
  const ReportKindInfo *info;
  AwardsReportFormat format = AWARDS_REPORT_FORMAT_TEXT;
  AwardsReportRequest request;
  guint n_args;
  gboolean ok;
  int status;

  /* The statistics forms have options of their own (awards-cli-review.c). */
  if (argc > 1 && g_str_equal (argv[1], "statistics"))
    return awards_cli_report_statistics (cli, argc - 1, argv + 1);

  if (!awards_cli_parse (cli, &syntax, argc, argv, &args, &status))
    return status;

  info = find_report_kind (args[0]);
  if (info == NULL)
    return awards_cli_usage_error (cli, _("Unknown report “%s”: use summary, organisation, "
                                          "decision or yearly."), args[0]);

  n_args = g_strv_length (args) - 1;
  if (n_args < info->min_args)
    return awards_cli_usage_error (cli, _("The %s report needs %s."), info->name,
                                   _(info->missing));
  if (n_args > info->max_args)
    return awards_cli_usage_error (cli, _("Unexpected argument “%s”."),
                                   args[1 + info->max_args]);

  if ((status = check_option_applies (cli, info, from != NULL, "--from",
                                      AWARDS_REPORT_KIND_SUMMARY, AWARDS_REPORT_KIND_SUMMARY)) ||
      (status = check_option_applies (cli, info, to != NULL, "--to",
                                      AWARDS_REPORT_KIND_SUMMARY, AWARDS_REPORT_KIND_SUMMARY)) ||
      (status = check_option_applies (cli, info, authority != NULL, "--authority",
                                      AWARDS_REPORT_KIND_SUMMARY, AWARDS_REPORT_KIND_DECISION)) ||
      (status = check_option_applies (cli, info, from_year != YEAR_UNSET, "--from-year",
                                      AWARDS_REPORT_KIND_YEARLY, AWARDS_REPORT_KIND_YEARLY)) ||
      (status = check_option_applies (cli, info, to_year != YEAR_UNSET, "--to-year",
                                      AWARDS_REPORT_KIND_YEARLY, AWARDS_REPORT_KIND_YEARLY)) ||
      (status = check_option_applies (cli, info, order != NULL, "--order",
                                      AWARDS_REPORT_KIND_DECISION, AWARDS_REPORT_KIND_DECISION)))
    return status;
  if (order != NULL && !g_str_equal (order, "entered") && !g_str_equal (order, "name"))
    return awards_cli_usage_error (cli, _("Unknown order “%s”: use entered or name."), order);

  if (!parse_date_option (cli, "--from", from, &iso_from, &status) ||
      !parse_date_option (cli, "--to", to, &iso_to, &status))
    return status;
  /* Without dates, a summary covers the current statutory reporting year (01/12 – 30/11). */
  if (info->kind == AWARDS_REPORT_KIND_SUMMARY && iso_from == NULL && iso_to == NULL)
    awards_cli_current_reporting_year (&iso_from, &iso_to);
  if (iso_from != NULL && iso_to != NULL && g_strcmp0 (iso_from, iso_to) > 0)
    return awards_cli_usage_error (cli, _("--from %s is after --to %s."), from, to);

  if (info->kind == AWARDS_REPORT_KIND_YEARLY)
    {
      if (!check_year (cli, "--from-year", from_year, &status) ||
          !check_year (cli, "--to-year", to_year, &status))
        return status;
      if (from_year > to_year)
        return awards_cli_usage_error (cli, _("--from-year %d is after --to-year %d."),
                                       from_year, to_year);
    }

  if (format_name != NULL && !awards_report_format_from_string (format_name, &format))
    return awards_cli_usage_error (cli, _("Unknown format “%s”: use text, csv, pdf or xlsx."),
                                   format_name);
  if ((format == AWARDS_REPORT_FORMAT_PDF || format == AWARDS_REPORT_FORMAT_XLSX) &&
      awards_cli_output_is_terminal (output_path))
    {
      format_label = g_ascii_strup (format_name, -1);
      return awards_cli_usage_error (cli, _("A %s file cannot be shown in a terminal: "
                                            "use --output FILE."), format_label);
    }

  store = awards_cli_open_store_for_reading (cli, &error);
  if (store == NULL)
    return awards_cli_fail (cli, error);

  awards_report_request_init (&request, info->kind);
  request.query.date_from = iso_from;
  request.query.date_to = iso_to;
  request.from_year = from_year;
  request.to_year = to_year;
  if (g_strcmp0 (order, "name") == 0)
    request.annex_order = AWARDS_ANNEX_ORDER_NAME;

  if (authority != NULL)
    {
      g_autoptr(AwardsAuthority) found = awards_cli_find_authority (store, authority, &error);

      if (found == NULL)
        return awards_cli_fail (cli, error);
      request.query.authority_id = awards_authority_get_id (found);
    }

  if (n_args > 0)
    subject = g_strjoinv (" ", args + 1);

  if (info->kind == AWARDS_REPORT_KIND_ORGANISATION)
    {
      g_autoptr(AwardsOrganisation) organisation = NULL;

      /* Found here, so that a name typed without accents works as in `organisation`. */
      organisation = awards_cli_find_organisation (store, subject, &error);
      if (organisation == NULL)
        return awards_cli_fail (cli, error);
      organisation_id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                         awards_organisation_get_id (organisation));
      request.organisation = organisation_id;
    }
  else if (info->kind == AWARDS_REPORT_KIND_DECISION)
    {
      request.decision = subject;
    }

  report = awards_report_build (store, &request, &error);
  if (report == NULL)
    return awards_cli_fail (cli, error);

  output = awards_cli_output_open (output_path, &error);
  if (output == NULL)
    return awards_cli_fail (cli, error);

  ok = awards_report_write (report, format, output, NULL, &error);
  ok = awards_cli_output_finish (g_steal_pointer (&output), ok, ok ? &error : NULL);
  if (!ok)
    return awards_cli_fail (cli, error);

  return AWARDS_CLI_EXIT_SUCCESS;
}
