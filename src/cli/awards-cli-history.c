/* awards-cli-history.c: the history command, the audit log newest first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "awards-audit.h"
#include "awards-cli-private.h"

#define DEFAULT_HISTORY_LIMIT 100

/* RFC 4180: a field with a comma, a quote or a line break is quoted, quotes doubled. */
static void
append_csv_field (GString    *line,
                  const char *text)
{
  if (text == NULL)
    text = "";
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (line, text);
      return;
    }
  g_string_append_c (line, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}

/* The log keeps UTC; a person reads local time, the way dates are written here. */
static char *
local_time (const char *iso)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (iso, NULL);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup (iso);
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%d/%m/%Y %H:%M:%S");
}

static void
print_entry (const AwardsAuditEntry *entry,
             gboolean                csv)
{
  /* Scripts read the log's own words; people read theirs. */
  g_autofree char *details = csv ? awards_audit_entry_logged_details (entry)
                                 : awards_audit_entry_describe (entry);
  g_autofree char *who = awards_audit_entry_who (entry);
  g_autofree char *record_id = entry->record_id > 0
                               ? g_strdup_printf ("%" G_GINT64_FORMAT, entry->record_id)
                               : g_strdup ("");

  if (csv)
    {
      g_autoptr(GString) line = g_string_new (NULL);
      const char *fields[] = {
        entry->time, who, entry->action, entry->kind, record_id, entry->record, details,
      };

      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        {
          if (i > 0)
            g_string_append_c (line, ',');
          append_csv_field (line, fields[i]);
        }
      g_print ("%s\n", line->str);
    }
  else
    {
      g_autofree char *when = local_time (entry->time);

      g_print ("%s\t%s\t%s\t%s\t%s\t%s\t%s\n", when, who, entry->action, entry->kind,
               record_id, entry->record != NULL ? entry->record : "",
               details != NULL ? details : "");
    }
}

/**
 * awards_cli_history:
 *
 * `history [--since DATE] [--limit N] [--format text|csv]`: the audit log, newest first.
 */
int
awards_cli_history (AwardsCli  *cli,
                    int         argc,
                    char      **argv)
{
  int limit = DEFAULT_HISTORY_LIMIT;
  g_autofree char *since = NULL;
  g_autofree char *format = NULL;
  const GOptionEntry entries[] = {
    { "since", 's', 0, G_OPTION_ARG_STRING, &since,
      N_("Only changes made on or after this day"), N_("DATE") },
    { "limit", 'l', 0, G_OPTION_ARG_INT, &limit,
      N_("Show at most N changes (default: 100)"), N_("N") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("text (the default) or csv"), N_("FORMAT") },
    G_OPTION_ENTRY_NULL
  };
  const AwardsCliSyntax syntax = {
    entries,
    N_("Each change gives the time, the user, the action, the kind and number of the record, "
       "its name and what changed. An import or a decision saved with its awards is one "
       "change. The CSV columns are time,user,action,kind,record_id,record,details."),
    0, 0, TRUE,
  };
  g_auto(GStrv) args = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsStore) store = NULL;
  g_autoptr(GPtrArray) log = NULL;
  gboolean csv = FALSE;
  int status;

  if (!awards_cli_parse (cli, &syntax, argc, argv, &args, &status))
    return status;
  if (limit <= 0)
    return awards_cli_usage_error (cli, _("--limit must be a positive number."));
  if (format != NULL && g_strcmp0 (format, "csv") != 0 && g_strcmp0 (format, "text") != 0)
    return awards_cli_usage_error (cli, _("Unknown format “%s”: use text or csv."), format);
  csv = g_strcmp0 (format, "csv") == 0;

  store = awards_cli_open_store (cli, &error);
  if (store == NULL)
    return awards_cli_fail (cli, error);
  log = awards_store_list_audit (store, since, limit, &error);
  if (log == NULL)
    return awards_cli_fail (cli, error);

  if (csv)
    g_print ("time,user,action,kind,record_id,record,details\n");
  for (guint i = 0; i < log->len; i++)
    print_entry (g_ptr_array_index (log, i), csv);
  if (!csv && log->len == 0)
    g_printerr ("%s\n", _("No change is recorded."));
  return AWARDS_CLI_EXIT_SUCCESS;
}
