/* awards-cli-certificates.c: the certificates command
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "awards-certificate.h"
#include "awards-cli-private.h"
#include "awards-date.h"
#include "awards-settings.h"

/* Gives the printed awards their register numbers (those without one), in page order, and
 * copies the numbers onto the certificates. */
static gboolean
assign_numbers (AwardsStore  *store,
                GPtrArray    *data,
                GError      **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  const AwardsCertificateData *first = g_ptr_array_index (data, 0);

  for (guint i = 0; i < data->len; i++)
    {
      const AwardsCertificateData *certificate = g_ptr_array_index (data, i);

      g_array_append_val (ids, certificate->commendation_id);
    }
  if (!awards_store_assign_register_numbers (store, (gint64 *) ids->data, ids->len,
                                             awards_date_year (first->decision_date), error))
    return FALSE;

  for (guint i = 0; i < data->len; i++)
    {
      AwardsCertificateData *certificate = g_ptr_array_index (data, i);
      g_autoptr (AwardsCommendation) award = NULL;

      award = awards_store_get_commendation (store, certificate->commendation_id, error);
      if (award == NULL)
        return FALSE;
      g_free (certificate->register_number);
      certificate->register_number = g_strdup (awards_commendation_get_register_number (award));
    }
  return TRUE;
}

/**
 * awards_cli_certificates:
 *
 * `certificates DECISION-NUMBER [--template NAME] [--test] --output FILE.pdf`: one certificate
 * per recipient of a decision, in the annex's order, ready to print onto the blanks.
 */
int
awards_cli_certificates (AwardsCli  *cli,
                         int         argc,
                         char      **argv)
{
  g_autofree char *template_name = NULL;
  g_autofree char *output_path = NULL;
  g_autofree char *authority = NULL;
  gboolean test = FALSE;
  const GOptionEntry entries[] = {
    { "template", 0, 0, G_OPTION_ARG_STRING, &template_name,
      N_("Print every certificate with the template NAME"), N_("NAME") },
    { "test", 0, 0, G_OPTION_ARG_NONE, &test,
      N_("A test print on plain paper: with the blank's picture, no register numbers given"),
      NULL },
    { "authority", 0, 0, G_OPTION_ARG_STRING, &authority,
      N_("The decision of the authority NAME, when two used the same number"), N_("NAME") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_path,
      N_("Write the PDF document to FILE"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };
  const AwardsCliSyntax syntax = {
    entries,
    N_("One page per recipient, in the order of the decision's list, on the paper of each "
       "award's template. Awards without a register number get the next numbers of the "
       "decision's year, unless this is a test print."),
    1, G_MAXUINT, TRUE,
  };
  g_auto(GStrv) args = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsStore) store = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GPtrArray) pages = g_ptr_array_new ();
  g_autoptr(GPtrArray) data = NULL;
  g_autoptr(GOutputStream) output = NULL;
  g_autofree char *number = NULL;
  AwardsCertificateTemplate *chosen = NULL;
  gint64 authority_id = 0;
  guint skipped = 0;
  gboolean ok;
  int status;

  if (!awards_cli_parse (cli, &syntax, argc, argv, &args, &status))
    return status;
  if (output_path == NULL || awards_cli_output_is_terminal (output_path))
    return awards_cli_usage_error (cli, _("Name the PDF file to write the certificates to."));
  number = g_strjoinv (" ", args);

  templates = awards_certificate_template_list (&error);
  if (templates == NULL)
    return awards_cli_fail (cli, error);
  if (templates->len == 0)
    {
      g_auto (GStrv) dirs = awards_certificate_template_dirs ();
      g_autofree char *searched = g_strjoinv (", ", dirs);

      return awards_cli_fail_message (cli, _("No certificate template was found; they are "
                                             "looked for in %s."), searched);
    }
  if (template_name != NULL)
    {
      chosen = awards_certificate_template_find_name (templates, template_name);
      if (chosen == NULL)
        {
          g_autoptr (GString) names = g_string_new (NULL);

          for (guint i = 0; i < templates->len; i++)
            g_string_append_printf (names, "%s%s", i > 0 ? ", " : "",
                                    ((AwardsCertificateTemplate *) templates->pdata[i])->name);
          return awards_cli_usage_error (cli, _("There is no template “%s”. The templates are: "
                                                "%s."), template_name, names->str);
        }
    }

  store = awards_cli_open_store (cli, &error);
  if (store == NULL)
    return awards_cli_fail (cli, error);
  if (authority != NULL)
    {
      g_autoptr (AwardsAuthority) found = awards_cli_find_authority (store, authority, &error);

      if (found == NULL)
        return awards_cli_fail (cli, error);
      authority_id = awards_authority_get_id (found);
    }

  all = awards_certificate_data_for_decision (store, number, authority_id, &error);
  if (all == NULL)
    return awards_cli_fail (cli, error);

  /* Awards that have no blank (a flag, a title) get no certificate. */
  data = g_ptr_array_new_with_free_func ((GDestroyNotify) awards_certificate_data_free);
  for (guint i = 0; i < all->len; i++)
    {
      AwardsCertificateData *certificate = g_ptr_array_index (all, i);
      AwardsCertificateTemplate *template = chosen;

      if (template == NULL)
        template = awards_certificate_template_find (templates, certificate->award,
                                                     certificate->kind);
      if (template == NULL)
        {
          skipped++;
          continue;
        }
      g_ptr_array_add (pages, template);
      g_ptr_array_add (data, awards_certificate_data_copy (certificate));
    }
  if (skipped > 0)
    g_printerr (g_dngettext (GETTEXT_PACKAGE,
                             "%u award has no certificate template and is left out.\n",
                             "%u awards have no certificate template and are left out.\n",
                             skipped), skipped);
  if (data->len == 0)
    return awards_cli_fail_message (cli, _("Decision %s has no award that a certificate template "
                                           "prints."), number);

  /* Nothing is numbered, and no file written, while any text would not fit its blank. */
  if (!awards_certificates_check (pages, data, &error))
    return awards_cli_fail (cli, error);
  if (!test && !assign_numbers (store, data, &error))
    return awards_cli_fail (cli, error);

  output = awards_cli_output_open (output_path, &error);
  if (output == NULL)
    return awards_cli_fail (cli, error);
  ok = awards_certificates_write_pdf (pages, data, test, output, &error);
  ok = awards_cli_output_finish (g_steal_pointer (&output), ok, ok ? &error : NULL);
  if (!ok)
    return awards_cli_fail (cli, error);

  g_printerr (g_dngettext (GETTEXT_PACKAGE, "Wrote %u certificate.\n",
                           "Wrote %u certificates.\n", data->len), data->len);
  return AWARDS_CLI_EXIT_SUCCESS;
}
