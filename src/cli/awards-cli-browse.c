/* awards-cli-browse.c: the search and organisation commands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "awards-cli-private.h"
#include "awards-date.h"

#define DEFAULT_SEARCH_LIMIT 50

static const char *
search_kind_label (AwardsSearchKind kind)
{
  switch (kind)
    {
    case AWARDS_SEARCH_ORGANISATION:
      return _("Organisation");
    case AWARDS_SEARCH_PERSON:
      return _("Person");
    case AWARDS_SEARCH_DECISION:
      return _("Decision");
    default:
      return "";
    }
}

/**
 * awards_cli_search:
 *
 * `search TEXT`: one line per organisation, person or decision found.
 */
int
awards_cli_search (AwardsCli  *cli,
                   int         argc,
                   char      **argv)
{
  int limit = DEFAULT_SEARCH_LIMIT;
  const GOptionEntry entries[] = {
    { "limit", 'l', 0, G_OPTION_ARG_INT, &limit,
      N_("Show at most N hits (default: 50)"), N_("N") },
    G_OPTION_ENTRY_NULL
  };
  const AwardsCliSyntax syntax = {
    entries,
    N_("Case, accents and đ/d do not matter: “bach dang” finds “HTX Bạch Đằng”. Each line "
       "gives the kind, the name, details and the number of awards, separated by tabs."),
    1, G_MAXUINT, TRUE,
  };
  g_auto(GStrv) args = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsStore) store = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autofree char *text = NULL;
  int status;

  if (!awards_cli_parse (cli, &syntax, argc, argv, &args, &status))
    return status;
  if (limit <= 0)
    return awards_cli_usage_error (cli, _("--limit must be a positive number."));

  text = awards_cli_join_args (args);

  store = awards_cli_open_store_for_reading (cli, &error);
  if (store == NULL)
    return awards_cli_fail (cli, error);

  hits = awards_store_search (store, text, limit, &error);
  if (hits == NULL)
    return awards_cli_fail (cli, error);

  for (guint i = 0; i < hits->len; i++)
    {
      const AwardsSearchHit *hit = g_ptr_array_index (hits, i);
      g_autofree char *count = g_strdup_printf (ngettext ("%u award", "%u awards",
                                                          hit->award_count),
                                                hit->award_count);

      g_print ("%s\t%s\t%s\t%s\n", search_kind_label (hit->kind), hit->title,
               hit->subtitle != NULL ? hit->subtitle : "", count);
    }

  if (hits->len == 0)
    g_printerr (_("Nothing matches “%s”."), text);
  else if (hits->len >= (guint) limit)
    g_printerr (ngettext ("Only the first %d hit is shown; --limit shows more.",
                          "Only the first %d hits are shown; --limit shows more.", limit),
                limit);
  if (hits->len == 0 || hits->len >= (guint) limit)
    g_printerr ("\n");

  return AWARDS_CLI_EXIT_SUCCESS;
}

static void
print_field (const char *label,
             const char *value)
{
  if (value != NULL && value[0] != '\0')
    g_print ("%s %s\n", label, value);
}

static void
print_date_field (const char *label,
                  const char *iso)
{
  if (iso != NULL && iso[0] != '\0')
    {
      g_autofree char *date = awards_date_format_short (iso);

      print_field (label, date != NULL ? date : iso);
    }
}

static void
print_organisation_details (AwardsOrganisation *organisation)
{
  const char * const *former_names = awards_organisation_get_former_names (organisation);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                         awards_organisation_get_id (organisation));

  g_print ("%s\n", awards_organisation_get_name (organisation));
  print_field (_("Number:"), id);
  print_field (_("Short name:"), awards_organisation_get_short_name (organisation));
  print_field (_("Kind:"),
               awards_organisation_kind_get_label (awards_organisation_get_kind (organisation)));
  print_field (_("Member of:"), awards_organisation_get_parent_name (organisation));
  print_field (_("Tax code:"), awards_organisation_get_tax_code (organisation));
  print_field (_("Address:"), awards_organisation_get_address (organisation));
  print_field (_("District:"), awards_organisation_get_district (organisation));
  print_field (_("Sector:"), awards_organisation_get_sector (organisation));
  print_date_field (_("Founded:"), awards_organisation_get_founded (organisation));
  print_date_field (_("Dissolved:"), awards_organisation_get_dissolved (organisation));
  if (former_names != NULL && former_names[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv ("; ", (char **) former_names);

      print_field (_("Former names:"), joined);
    }
  print_field (_("Notes:"), awards_organisation_get_notes (organisation));
}

typedef struct
{
  GString    *lines;
  guint       count;
  const char *current_name;   /* the organisation's name today */
} AwardLines;

static void
append_part (GString    *line,
             const char *text)
{
  if (text != NULL && text[0] != '\0')
    g_string_append_printf (line, " — %s", text);
}

/* One award: date, authority, award, decision number, the person, achievement. */
static gboolean
append_award_line_cb (const AwardsCommendationRow *row,
                      gpointer                     user_data)
{
  AwardLines *lines = user_data;
  g_autofree char *date = awards_date_format_short (row->date);
  g_autofree char *number = NULL;

  g_string_append_printf (lines->lines, "  %s", date != NULL ? date : row->date);
  append_part (lines->lines, row->authority);
  append_part (lines->lines, row->award);
  if (row->decision_number != NULL && row->decision_number[0] != '\0')
    {
      number = g_strdup_printf (_("decision %s"), row->decision_number);
      append_part (lines->lines, number);
    }

  if (row->recipient_kind == AWARDS_RECIPIENT_KIND_INDIVIDUAL)
    {
      if (row->position != NULL && row->position[0] != '\0')
        {
          g_autofree char *person = g_strdup_printf ("%s (%s)", row->recipient, row->position);

          append_part (lines->lines, person);
        }
      else
        append_part (lines->lines, row->recipient);
    }
  else if (row->recipient != NULL && g_strcmp0 (row->recipient, lines->current_name) != 0)
    {
      /* Awarded under a former name. */
      g_autofree char *as = g_strdup_printf (_("as “%s”"), row->recipient);

      append_part (lines->lines, as);
    }

  append_part (lines->lines, row->achievement);
  if (row->revoked)
    g_string_append_printf (lines->lines, " (%s)", _("revoked"));
  g_string_append_c (lines->lines, '\n');

  lines->count++;
  return TRUE;
}

static gboolean
print_awards (AwardsStore       *store,
              const AwardsQuery *query,
              const char        *current_name,
              const char        *heading,
              GError           **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  AwardLines lines = { text, 0, current_name };

  if (!awards_store_foreach_commendation (store, query, AWARDS_ORDER_CHRONOLOGICAL,
                                          append_award_line_cb, &lines, error))
    return FALSE;

  g_print ("\n%s (%u)\n", heading, lines.count);
  if (lines.count == 0)
    g_print ("  %s\n", _("None."));
  else
    g_print ("%s", text->str);
  return TRUE;
}

/**
 * awards_cli_organisation:
 *
 * `organisation NAME-OR-ID`: an organisation's details, its own awards, and the awards of its
 * people while they belonged to it.
 */
int
awards_cli_organisation (AwardsCli  *cli,
                         int         argc,
                         char      **argv)
{
  const AwardsCliSyntax syntax = {
    NULL,
    N_("NAME-OR-ID is the organisation’s number, or its name now or before, in any case. "
       "The awards of people are those they received while they belonged to the organisation, "
       "whoever employs them today."),
    1, G_MAXUINT, TRUE,
  };
  g_auto(GStrv) args = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsStore) store = NULL;
  g_autoptr(AwardsOrganisation) organisation = NULL;
  g_autofree char *name_or_id = NULL;
  AwardsQuery query;
  int status;

  if (!awards_cli_parse (cli, &syntax, argc, argv, &args, &status))
    return status;

  name_or_id = awards_cli_join_args (args);

  store = awards_cli_open_store_for_reading (cli, &error);
  if (store == NULL)
    return awards_cli_fail (cli, error);

  organisation = awards_cli_find_organisation (store, name_or_id, &error);
  if (organisation == NULL)
    return awards_cli_fail (cli, error);

  print_organisation_details (organisation);

  awards_query_init (&query);
  query.organisation_id = awards_organisation_get_id (organisation);
  query.recipient_kind = AWARDS_RECIPIENT_KIND_COLLECTIVE;
  if (!print_awards (store, &query, awards_organisation_get_name (organisation),
                     _("Awards of the organisation"), &error))
    return awards_cli_fail (cli, error);

  query.with_members = TRUE;
  query.recipient_kind = AWARDS_RECIPIENT_KIND_INDIVIDUAL;
  if (!print_awards (store, &query, awards_organisation_get_name (organisation),
                     _("Awards of its people while they belonged to it"), &error))
    return awards_cli_fail (cli, error);

  return AWARDS_CLI_EXIT_SUCCESS;
}
