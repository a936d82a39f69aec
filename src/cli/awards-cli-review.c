/* awards-cli-review.c: import-ratings and eligible
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "awards-cli-review.h"
#include "awards-eligibility.h"
#include "awards-importer.h"
#include "awards-ratings-import.h"
#include "awards-review.h"
#include "awards-review-store.h"
#include "awards-statistics.h"

/**
 * awards_cli_import_ratings:
 *
 * `import-ratings FILE… [--dry-run]`: adds annual ratings and initiatives, all or nothing.
 */
int
awards_cli_import_ratings (AwardsCli  *cli,
                           int         argc,
                           char      **argv)
{
  gboolean dry_run = FALSE;
  const GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Check the file and say what would be imported, without writing anything"), NULL },
    G_OPTION_ENTRY_NULL
  };
  const AwardsCliSyntax syntax = {
    entries,
    N_("Each FILE is CSV in UTF-8 with a header row. Ratings: recipient_type, recipient, "
       "organisation, year, rating. Initiatives: recipient_type, recipient, organisation, "
       "year, title, scope (cơ sở, tỉnh or toàn quốc). Nothing is written unless every row of "
       "every file is good; each bad row is reported as FILE:LINE: message."),
    1, G_MAXUINT, FALSE,
  };
  g_auto(GStrv) args = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsStore) store = NULL;
  guint n_ratings = 0;
  guint n_initiatives = 0;
  int status;

  if (!awards_cli_parse (cli, &syntax, argc, argv, &args, &status))
    return status;

  /* Checked before the store is opened, so that a mistyped name creates no database. */
  for (guint i = 0; args[i] != NULL; i++)
    if (!g_file_test (args[i], G_FILE_TEST_IS_REGULAR))
      return awards_cli_fail_message (cli, _("Could not open “%s”: there is no such file."),
                                      args[i]);

  store = awards_cli_open_store (cli, &error);
  if (store == NULL)
    return awards_cli_fail (cli, error);

  if (!awards_ratings_import_files (store, (const char * const *)args, dry_run, &n_ratings,
                                    &n_initiatives, &error))
    {
      if (g_error_matches (error, AWARDS_IMPORT_ERROR, AWARDS_IMPORT_ERROR_INVALID))
        {
          g_printerr ("%s\n", error->message);
          if (!dry_run)
            g_printerr ("%s\n", _("Nothing was imported."));
          return AWARDS_CLI_EXIT_FAILURE;
        }
      return awards_cli_fail (cli, error);
    }

  {
    /* Two counts, two plurals: each its own phrase. */
    g_autofree char *ratings = g_strdup_printf (ngettext ("%u rating", "%u ratings", n_ratings),
                                                n_ratings);
    g_autofree char *initiatives = g_strdup_printf (ngettext ("%u initiative", "%u initiatives",
                                                              n_initiatives),
                                                    n_initiatives);

    if (dry_run)
      /* Translators: “The files are valid: 3 ratings and 1 initiative would be imported.” */
      g_print (_("The files are valid: %s and %s would be imported.\n"), ratings, initiatives);
    else
      /* Translators: “Imported 3 ratings and 1 initiative.” */
      g_print (_("Imported %s and %s.\n"), ratings, initiatives);
  }
  return AWARDS_CLI_EXIT_SUCCESS;
}

static void
append_csv_field (GString    *out,
                  const char *text)
{
  if (text == NULL)
    text = "";
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
write_csv (GString   *out,
           GPtrArray *candidates)
{
  g_string_append (out, "award,recipient_type,recipient,organisation,reason,basis,status\n");
  for (guint i = 0; i < candidates->len; i++)
    {
      const AwardsCandidate *candidate = g_ptr_array_index (candidates, i);
      g_autofree char *status = candidate->missing != NULL
                                ? g_strdup_printf ("missing: %s", candidate->missing)
                                : g_strdup ("eligible");
      const char *fields[] = {
        candidate->award, awards_recipient_kind_to_string (candidate->kind),
        candidate->recipient, candidate->organisation, candidate->reason, candidate->basis,
        status,
      };

      for (guint j = 0; j < G_N_ELEMENTS (fields); j++)
        {
          if (j > 0)
            g_string_append_c (out, ',');
          append_csv_field (out, fields[j]);
        }
      g_string_append_c (out, '\n');
    }
}

static void
write_text (GString            *out,
            GPtrArray          *candidates,
            int                 year,
            const AwardsRegime *regime)
{
  const char *award = NULL;

  g_string_append_printf (out, _("Year-end review %d under %s\n"), year, regime->name);
  if (candidates->len == 0)
    g_string_append_printf (out, "\n%s\n", _("Nobody is eligible for an award of the rules."));
  for (guint i = 0; i < candidates->len; i++)
    {
      const AwardsCandidate *candidate = g_ptr_array_index (candidates, i);

      if (g_strcmp0 (award, candidate->award) != 0)
        {
          award = candidate->award;
          g_string_append_printf (out, "\n%s\n", award);
        }
      g_string_append_printf (out, "  %s %s", candidate->missing == NULL ? "+" : "?",
                              candidate->recipient);
      if (candidate->organisation != NULL)
        g_string_append_printf (out, " (%s)", candidate->organisation);
      g_string_append_printf (out, ": %s\n", candidate->reason);
      if (candidate->missing != NULL)
        g_string_append_printf (out, "      %s %s\n", _("Missing:"), candidate->missing);
      g_string_append_printf (out, "      %s %s\n", _("Basis:"), candidate->basis);
    }
}

/**
 * awards_cli_eligible:
 *
 * `eligible --year Y [--award NAME] [--format text|csv]`: the candidates of a year-end review.
 */
int
awards_cli_eligible (AwardsCli  *cli,
                     int         argc,
                     char      **argv)
{
  int year = G_MININT;
  g_autofree char *award = NULL;
  g_autofree char *format = NULL;
  const GOptionEntry entries[] = {
    { "year", 'y', 0, G_OPTION_ARG_INT, &year, N_("The year under review"), N_("Y") },
    { "award", 'a', 0, G_OPTION_ARG_STRING, &award, N_("Only this award"), N_("NAME") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("text (the default) or csv"),
      N_("FORMAT") },
    G_OPTION_ENTRY_NULL
  };
  const AwardsCliSyntax syntax = {
    entries,
    N_("Lists, for each award of the eligibility rules, who has earned it in the year under "
       "review and why, with the legal basis, then who nearly has and what is missing. The "
       "rules are read from $COOP_AWARDS_RULES, else from coop-awards/eligibility-rules.ini in "
       "the user configuration folder, else from the file installed with the program. CSV "
       "columns: award, recipient_type, recipient, organisation, reason, basis, status."),
    0, 0, TRUE,
  };
  g_auto(GStrv) args = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsStore) store = NULL;
  g_autoptr(AwardsRules) rules = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean csv = FALSE;
  int status;

  if (!awards_cli_parse (cli, &syntax, argc, argv, &args, &status))
    return status;
  if (year == G_MININT)
    return awards_cli_usage_error (cli, _("Say which year to review with %s."), "--year");
  if (year < 1900 || year > 2200)
    return awards_cli_usage_error (cli, _("%d is not a year between 1900 and 2200."), year);
  if (format != NULL && g_ascii_strcasecmp (format, "csv") == 0)
    csv = TRUE;
  else if (format != NULL && g_ascii_strcasecmp (format, "text") != 0)
    return awards_cli_usage_error (cli, _("Unknown format “%s”: use text or csv."), format);

  /* The rules are checked before the database is opened: a broken file is the first news. */
  rules = awards_rules_load_default (&error);
  if (rules == NULL)
    return awards_cli_fail (cli, error);

  store = awards_cli_open_store (cli, &error);
  if (store == NULL)
    return awards_cli_fail (cli, error);

  candidates = awards_eligibility_run (store, rules, year, award, &error);
  if (candidates == NULL)
    return awards_cli_fail (cli, error);

  if (csv)
    write_csv (out, candidates);
  else
    write_text (out, candidates, year, awards_rules_regime_for_year (rules, year));
  fwrite (out->str, 1, out->len, stdout);
  return AWARDS_CLI_EXIT_SUCCESS;
}

/**
 * awards_cli_report_statistics:
 *
 * `report statistics --form 0602|0603 --year Y [--format …] [--output FILE]`.
 */
int
awards_cli_report_statistics (AwardsCli  *cli,
                              int         argc,
                              char      **argv)
{
  int year = G_MININT;
  g_autofree char *form_name = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *output_path = NULL;
  g_autofree char *issuer = NULL;
  g_autofree char *receiver = NULL;
  const GOptionEntry entries[] = {
    { "form", 0, 0, G_OPTION_ARG_STRING, &form_name, N_("0602 or 0603"), N_("FORM") },
    { "year", 'y', 0, G_OPTION_ARG_INT, &year,
      N_("The reporting year: from 1 December of the year before to 30 November"), N_("Y") },
    { "unit", 0, 0, G_OPTION_ARG_STRING, &issuer, N_("The reporting unit"), N_("NAME") },
    { "receiver", 0, 0, G_OPTION_ARG_STRING, &receiver, N_("The unit the report goes to"),
      N_("NAME") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("text (the default), csv, pdf or xlsx"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_path,
      N_("Write to FILE instead of the standard output"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };
  const AwardsCliSyntax syntax = {
    entries,
    N_("Fills the statistics form 0602.N (state-level commendation) or 0603.N (commendation "
       "by ministries, central bodies and provinces) of Circular 02/2023/TT-BNV from the awards "
       "of the authorities of that level. An existing FILE is replaced only when the form was "
       "written completely."),
    0, 0, TRUE,
  };
  g_auto(GStrv) args = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsStore) store = NULL;
  g_autoptr(AwardsReport) report = NULL;
  g_autoptr(GOutputStream) output = NULL;
  AwardsStatisticsForm form;
  AwardsReportFormat format = AWARDS_REPORT_FORMAT_TEXT;
  AwardsReportRequest frame;
  gboolean ok;
  int status;

  if (!awards_cli_parse (cli, &syntax, argc, argv, &args, &status))
    return status;
  if (form_name == NULL || !awards_statistics_form_from_string (form_name, &form))
    return awards_cli_usage_error (cli, _("Say which form with %s: 0602 or 0603."), "--form");
  if (year == G_MININT)
    return awards_cli_usage_error (cli, _("Say which year to review with %s."), "--year");
  if (year < 1900 || year > 2200)
    return awards_cli_usage_error (cli, _("%d is not a year between 1900 and 2200."), year);
  if (format_name != NULL && !awards_report_format_from_string (format_name, &format))
    return awards_cli_usage_error (cli, _("Unknown format “%s”: use text, csv, pdf or xlsx."),
                                   format_name);
  if ((format == AWARDS_REPORT_FORMAT_PDF || format == AWARDS_REPORT_FORMAT_XLSX) &&
      awards_cli_output_is_terminal (output_path))
    {
      g_autofree char *label = g_ascii_strup (format_name, -1);

      return awards_cli_usage_error (cli, _("A %s file cannot be shown in a terminal: "
                                            "use --output FILE."), label);
    }

  store = awards_cli_open_store (cli, &error);
  if (store == NULL)
    return awards_cli_fail (cli, error);

  awards_report_request_init (&frame, AWARDS_REPORT_KIND_SUMMARY);
  frame.issuer = issuer;
  report = awards_statistics_build_report (store, form, year, &frame, receiver, &error);
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

void
awards_cli_current_reporting_year (char  **date_from,
                                   char  **date_to)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  awards_reporting_year_range (awards_reporting_year_of (today), date_from, date_to);
}

/**
 * awards_cli_staff_class:
 *
 * `staff-class [POSITION CLASS]`: lists the positions and their staff classes, or sets one.
 */
int
awards_cli_staff_class (AwardsCli  *cli,
                        int         argc,
                        char      **argv)
{
  const AwardsCliSyntax syntax = {
    NULL,
    N_("Without arguments, lists the positions and the staff classes the statistics forms count "
       "them in. With a POSITION and a CLASS, sets the class of that position (a position "
       "counts for every position it begins); CLASS is leader_province, leader_department, "
       "entrepreneur, leader_other, worker, or none to remove the position."),
    0, 2, TRUE,
  };
  g_auto(GStrv) args = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsStore) store = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  AwardsStaffClass staff_class = AWARDS_STAFF_CLASS_NONE;
  int status;

  if (!awards_cli_parse (cli, &syntax, argc, argv, &args, &status))
    return status;
  if (g_strv_length (args) == 1)
    return awards_cli_usage_error (cli, _("Give the class of “%s” too."), args[0]);
  if (g_strv_length (args) == 2 && !g_str_equal (args[1], "none") &&
      (staff_class = awards_staff_class_parse (args[1])) == AWARDS_STAFF_CLASS_NONE)
    return awards_cli_usage_error (cli, _("Unknown staff class “%s”."), args[1]);

  store = awards_cli_open_store (cli, &error);
  if (store == NULL)
    return awards_cli_fail (cli, error);
  if (g_strv_length (args) == 2 &&
      !awards_review_set_staff_class (store, args[0], staff_class, &error))
    return awards_cli_fail (cli, error);

  entries = awards_review_list_staff_classes (store, &error);
  if (entries == NULL)
    return awards_cli_fail (cli, error);
  for (guint i = 0; i < entries->len; i++)
    {
      const AwardsStaffClassEntry *entry = g_ptr_array_index (entries, i);

      g_print ("%s\t%s\n", entry->position, awards_staff_class_to_string (entry->staff_class));
    }
  return AWARDS_CLI_EXIT_SUCCESS;
}

/**
 * awards_cli_authority_level:
 *
 * `authority-level NAME [LEVEL]`: shows or sets the level of an authority.
 */
int
awards_cli_authority_level (AwardsCli  *cli,
                            int         argc,
                            char      **argv)
{
  const AwardsCliSyntax syntax = {
    NULL,
    N_("Shows the level of the authority NAME, or sets it to LEVEL: central (Trung ương), "
       "province (bộ, ngành, tỉnh), district (huyện) or base (cơ sở). The statistics forms and "
       "the rules count awards by the level of the authority that granted them."),
    1, 2, TRUE,
  };
  g_auto(GStrv) args = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsStore) store = NULL;
  g_autoptr(AwardsAuthority) authority = NULL;
  AwardsLevel level = AWARDS_LEVEL_NONE;
  int status;

  if (!awards_cli_parse (cli, &syntax, argc, argv, &args, &status))
    return status;
  if (g_strv_length (args) == 2 && (level = awards_level_parse (args[1])) == AWARDS_LEVEL_NONE)
    return awards_cli_usage_error (cli, _("Unknown level “%s”: use central, province, district "
                                          "or base."), args[1]);

  store = awards_cli_open_store (cli, &error);
  if (store == NULL)
    return awards_cli_fail (cli, error);
  authority = awards_cli_find_authority (store, args[0], &error);
  if (authority == NULL)
    return awards_cli_fail (cli, error);
  if (level != AWARDS_LEVEL_NONE &&
      !awards_review_set_authority_level (store, awards_authority_get_id (authority), level,
                                          &error))
    return awards_cli_fail (cli, error);
  level = awards_review_get_authority_level (store, awards_authority_get_id (authority), &error);
  if (error != NULL)
    return awards_cli_fail (cli, error);
  g_print ("%s\t%s\n", awards_authority_get_name (authority),
           level != AWARDS_LEVEL_NONE ? awards_level_to_string (level) : "");
  return AWARDS_CLI_EXIT_SUCCESS;
}
