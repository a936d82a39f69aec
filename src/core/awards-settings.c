/* awards-settings.c: the office profile and the register-number sequences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "awards-audit-private.h"
#include "awards-command-private.h"
#include "awards-settings.h"
#include "awards-store-private.h"
#include "awards-text.h"

typedef struct
{
  const char *key;
  const char *fallback;
} KeyInfo;

/* The defaults are what an office that set nothing still prints sensibly; the reporting year
 * starts on 01/12 as TT 02/2023/TT-BNV has it. */
static const KeyInfo keys[] = {
  { "office.parent", "" },
  { "office.name", "LIÊN MINH HỢP TÁC XÃ" },
  { "office.abbreviation", "LMHTX" },
  { "office.place", "" },
  { "signer.form", "TM." },
  { "signer.head_title", "CHỦ TỊCH" },
  { "signer.title", "CHỦ TỊCH" },
  { "signer.name", "" },
  { "year.start", "01/12" },
  { "report.font", "Liberation Serif" },
  { "report.font_size", "13" },
};

static const char *key_names[G_N_ELEMENTS (keys) + 1];

#define REGISTER_PREFIX "register.next."

const char * const *
awards_settings_get_keys (void)
{
  if (key_names[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
      key_names[i] = keys[i].key;

  return key_names;
}

static const KeyInfo *
find_key (const char *key)
{
  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (keys); i++)
    if (strcmp (keys[i].key, key) == 0)
      return &keys[i];

  return NULL;
}

gboolean
awards_settings_is_key (const char *key)
{
  return find_key (key) != NULL;
}

const char *
awards_settings_get_default (const char *key)
{
  const KeyInfo *info = find_key (key);

  return info != NULL ? info->fallback : NULL;
}

static gboolean
parse_day_month (const char *text,
                 guint      *day,
                 guint      *month)
{
  guint d = 0, m = 0;
  char end = 0;

  if (text == NULL || sscanf (text, "%u/%u%c", &d, &m, &end) != 2)
    return FALSE;
  if (m < 1 || m > 12 || d < 1 || d > g_date_get_days_in_month (m, 2001))
    return FALSE;

  *day = d;
  *month = m;
  return TRUE;
}

static void
set_invalid (GError     **error,
             const char  *message)
{
  g_set_error_literal (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_INVALID, message);
}

char *
awards_settings_normalize (const char  *key,
                           const char  *value,
                           GError     **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!awards_settings_is_key (key))
    {
      g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_INVALID,
                   _("“%s” is not a setting."), key != NULL ? key : "");
      return NULL;
    }

  text = awards_text_normalize (value != NULL ? value : "");
  if (text == NULL)
    text = g_strdup ("");
  if (text[0] == '\0')
    return g_steal_pointer (&text);

  if (strcmp (key, "signer.form") == 0)
    {
      g_autofree char *upper = g_utf8_strup (text, -1);

      if (strcmp (upper, "TM") == 0 || strcmp (upper, "TM.") == 0)
        return g_strdup ("TM.");
      if (strcmp (upper, "KT") == 0 || strcmp (upper, "KT.") == 0)
        return g_strdup ("KT.");
      if (strcmp (upper, "NONE") == 0 || strcmp (upper, "-") == 0)
        return g_strdup ("none");
      set_invalid (error, _("The signer's form is “TM.”, “KT.” or “none”."));
      return NULL;
    }

  if (strcmp (key, "year.start") == 0)
    {
      guint day, month;

      if (!parse_day_month (text, &day, &month))
        {
          set_invalid (error, _("The reporting year's start is a day and a month, as 01/12."));
          return NULL;
        }
      return g_strdup_printf ("%02u/%02u", day, month);
    }

  if (strcmp (key, "report.font_size") == 0)
    {
      char *end = NULL;
      double size = g_ascii_strtod (text, &end);

      if (end == text || *end != '\0' || size < 10 || size > 16)
        {
          set_invalid (error, _("The report font size is a number of points from 10 to 16."));
          return NULL;
        }
      return g_strdup_printf ("%g", size);
    }

  if (strcmp (key, "office.abbreviation") == 0 && strpbrk (text, " /") != NULL)
    {
      set_invalid (error, _("The abbreviation goes into document numbers: no spaces or slashes."));
      return NULL;
    }

  return g_steal_pointer (&text);
}

/* Reads a stored value: NULL when the key was never set. The store must be locked. */
static char *
read_value (AwardsStore  *store,
            const char   *key,
            GError      **error)
{
  AwardsDbStmt *stmt = awards_store_statement (store, "SELECT value FROM setting WHERE key = ?1",
                                             error);
  char *value = NULL;
  AwardsDbStep rc;

  if (stmt == NULL)
    return NULL;
  awards_db_stmt_bind_text (stmt, 1, key);
  rc = awards_db_stmt_next (stmt);
  if (rc == AWARDS_DB_ROW)
    value = g_strdup (awards_db_stmt_column_text (stmt, 0));
  else if (rc != AWARDS_DB_DONE)
    awards_store_set_error (store, error, _("Could not read the settings"));
  awards_db_stmt_reset (stmt);
  return value;
}

char *
awards_store_get_setting (AwardsStore  *store,
                          const char   *key,
                          GError      **error)
{
  GError *local_error = NULL;
  char *value;

  g_return_val_if_fail (AWARDS_IS_STORE (store), NULL);

  if (!awards_settings_is_key (key))
    {
      g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_INVALID,
                   _("“%s” is not a setting."), key != NULL ? key : "");
      return NULL;
    }

  awards_store_lock (store);
  value = read_value (store, key, &local_error);
  awards_store_unlock (store);

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (value == NULL || value[0] == '\0')
    {
      g_free (value);
      value = g_strdup (awards_settings_get_default (key));
    }
  return value;
}

static gboolean
write_value (AwardsStore  *store,
             const char   *key,
             const char   *value,
             GError      **error)
{
  AwardsDbStmt *stmt;

  if (value == NULL)
    stmt = awards_store_statement (store, "DELETE FROM setting WHERE key = ?1", error);
  else
    stmt = awards_store_statement (store, "INSERT INTO setting (key, value) VALUES (?1, ?2)"
                                        " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                 error);
  if (stmt == NULL)
    return FALSE;
  awards_db_stmt_bind_text (stmt, 1, key);
  if (value != NULL)
    awards_db_stmt_bind_text (stmt, 2, value);
  return awards_store_run (store, stmt, _("Could not save the setting"), error);
}

gboolean
awards_store_set_setting (AwardsStore  *store,
                          const char   *key,
                          const char   *value,
                          GError      **error)
{
  g_autofree char *normalized = NULL;
  g_autofree char *before = NULL;
  GError *read_error = NULL;
  gboolean ok;

  g_return_val_if_fail (AWARDS_IS_STORE (store), FALSE);

  normalized = awards_settings_normalize (key, value, error);
  if (normalized == NULL)
    return FALSE;

  if (!awards_store_write_begin (store, error))
    return FALSE;
  /* The office's profile is printed on every document: who changed it is logged. */
  awards_command_begin (store, AWARDS_ACTION_EDIT, "setting", 0);
  before = read_value (store, key, &read_error);
  ok = read_error == NULL;
  if (!ok)
    g_propagate_error (error, read_error);
  if (ok && g_strcmp0 (before != NULL && before[0] != '\0' ? before : NULL,
                       normalized[0] != '\0' ? normalized : NULL) != 0)
    {
      g_autofree char *before_json = awards_audit_field_json (key, before, NULL);
      g_autofree char *after_json =
        awards_audit_field_json (key, normalized[0] != '\0' ? normalized : NULL, NULL);

      awards_command_set_fields (store, NULL, before_json, after_json, NULL);
    }
  ok = ok && write_value (store, key, normalized[0] != '\0' ? normalized : NULL, error);
  return awards_command_commit (store, ok, error);
}

GHashTable *
awards_store_list_settings (AwardsStore  *store,
                            GError      **error)
{
  g_autoptr (GHashTable) table = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  g_return_val_if_fail (AWARDS_IS_STORE (store), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      char *value = awards_store_get_setting (store, keys[i].key, error);

      if (value == NULL)
        return NULL;
      g_hash_table_insert (table, (gpointer) keys[i].key, value);
    }

  return g_steal_pointer (&table);
}

void
awards_office_profile_free (AwardsOfficeProfile *profile)
{
  if (profile == NULL)
    return;

  g_free (profile->parent);
  g_free (profile->name);
  g_free (profile->abbreviation);
  g_free (profile->place);
  g_free (profile->signer_form);
  g_free (profile->signer_head_title);
  g_free (profile->signer_title);
  g_free (profile->signer_name);
  g_free (profile->font);
  g_free (profile);
}

/* An empty text is no value: the profile holds NULL for it. */
static char *
take_optional (GHashTable *table,
               const char *key)
{
  const char *value = g_hash_table_lookup (table, key);

  return value != NULL && value[0] != '\0' && strcmp (value, "none") != 0 ? g_strdup (value) : NULL;
}

AwardsOfficeProfile *
awards_store_get_office_profile (AwardsStore  *store,
                                 GError      **error)
{
  g_autoptr (GHashTable) table = awards_store_list_settings (store, error);
  AwardsOfficeProfile *profile;
  const char *size;

  if (table == NULL)
    return NULL;

  profile = g_new0 (AwardsOfficeProfile, 1);
  profile->parent = take_optional (table, "office.parent");
  profile->name = take_optional (table, "office.name");
  profile->abbreviation = take_optional (table, "office.abbreviation");
  profile->place = take_optional (table, "office.place");
  profile->signer_form = take_optional (table, "signer.form");
  profile->signer_head_title = take_optional (table, "signer.head_title");
  profile->signer_title = take_optional (table, "signer.title");
  profile->signer_name = take_optional (table, "signer.name");
  profile->font = take_optional (table, "report.font");
  size = g_hash_table_lookup (table, "report.font_size");
  profile->font_size = size != NULL ? g_ascii_strtod (size, NULL) : 13;
  if (profile->font_size < 10 || profile->font_size > 16)
    profile->font_size = 13;
  if (!parse_day_month (g_hash_table_lookup (table, "year.start"), &profile->year_start_day,
                        &profile->year_start_month))
    {
      profile->year_start_day = 1;
      profile->year_start_month = 12;
    }

  return profile;
}

char *
awards_office_profile_form_line (const AwardsOfficeProfile *profile)
{
  g_return_val_if_fail (profile != NULL, NULL);

  if (g_strcmp0 (profile->signer_form, "TM.") == 0 && profile->name != NULL)
    {
      g_autofree char *upper = g_utf8_strup (profile->name, -1);

      return g_strdup_printf ("TM. %s", upper);
    }
  if (g_strcmp0 (profile->signer_form, "KT.") == 0 && profile->signer_head_title != NULL)
    {
      g_autofree char *upper = g_utf8_strup (profile->signer_head_title, -1);

      return g_strdup_printf ("KT. %s", upper);
    }

  return NULL;
}

/* Register numbers */

static gboolean
number_in_use (AwardsStore  *store,
               const char   *number,
               gboolean     *in_use,
               GError      **error)
{
  AwardsDbStmt *stmt = awards_store_statement (store, "SELECT 1 FROM commendation"
                                                    " WHERE register_number = ?1 LIMIT 1", error);
  AwardsDbStep rc;

  if (stmt == NULL)
    return FALSE;
  awards_db_stmt_bind_text (stmt, 1, number);
  rc = awards_db_stmt_next (stmt);
  awards_db_stmt_reset (stmt);
  if (rc != AWARDS_DB_ROW && rc != AWARDS_DB_DONE)
    {
      awards_store_set_error (store, error, _("Could not read the register numbers"));
      return FALSE;
    }
  *in_use = rc == AWARDS_DB_ROW;
  return TRUE;
}

static gboolean
assign_one (AwardsStore  *store,
            gint64        id,
            int           year,
            guint64      *next,
            GError      **error)
{
  AwardsDbStmt *stmt;
  g_autofree char *current = NULL;
  g_autofree char *number = NULL;
  gboolean found = FALSE;
  gboolean in_use = TRUE;
  AwardsDbStep rc;

  stmt = awards_store_statement (store, "SELECT register_number FROM commendation"
                                      " WHERE id = ?1 AND deleted = 0", error);
  if (stmt == NULL)
    return FALSE;
  awards_db_stmt_bind_int64 (stmt, 1, id);
  rc = awards_db_stmt_next (stmt);
  if (rc == AWARDS_DB_ROW)
    {
      found = TRUE;
      current = g_strdup (awards_db_stmt_column_text (stmt, 0));
    }
  awards_db_stmt_reset (stmt);
  if (!found)
    {
      awards_store_set_not_found (error, _("award"), id);
      return FALSE;
    }
  if (current != NULL && current[0] != '\0')
    return TRUE;

  while (in_use)
    {
      g_free (number);
      number = g_strdup_printf ("%" G_GUINT64_FORMAT "/%04d", (*next)++, year);
      if (!number_in_use (store, number, &in_use, error))
        return FALSE;
    }

  stmt = awards_store_statement (store, "UPDATE commendation SET register_number = ?1,"
                                      " updated_at = strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')"
                                      " WHERE id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  awards_db_stmt_bind_text (stmt, 1, number);
  awards_db_stmt_bind_int64 (stmt, 2, id);
  return awards_store_run (store, stmt, _("Could not save the register number"), error);
}

/* The decision an award belongs to, or 0. The store must be locked. */
static gint64
decision_of_award (AwardsStore *store,
                   gint64       award_id)
{
  AwardsDbStmt *stmt = awards_store_statement (store, "SELECT decision_id FROM commendation"
                                                      " WHERE id = ?1", NULL);
  gint64 decision_id = 0;

  if (stmt == NULL)
    return 0;
  awards_db_stmt_bind_int64 (stmt, 1, award_id);
  if (awards_db_stmt_next (stmt) == AWARDS_DB_ROW)
    decision_id = awards_db_stmt_column_int64 (stmt, 0);
  awards_db_stmt_reset (stmt);
  return decision_id;
}

gboolean
awards_store_assign_register_numbers (AwardsStore   *store,
                                      const gint64  *ids,
                                      guint          n_ids,
                                      int            year,
                                      GError       **error)
{
  g_autofree char *key = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *next_text = NULL;
  GError *local_error = NULL;
  guint64 next = 1;
  gboolean ok = TRUE;

  g_return_val_if_fail (AWARDS_IS_STORE (store), FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);

  if (year < 1900 || year > 9999)
    {
      set_invalid (error, _("A register number needs the year of its decision."));
      return FALSE;
    }

  key = g_strdup_printf (REGISTER_PREFIX "%04d", year);
  if (!awards_store_write_begin (store, error))
    return FALSE;
  /* The numbers are part of the awards' record: a change in the log and the history, named by
   * the decision of the awards numbered (one decision's certificates at a time). Undoing it
   * takes the numbers off the awards; the register's count goes on, so that no number is given
   * twice. */
  awards_command_begin (store, AWARDS_ACTION_EDIT, "decision",
                        n_ids > 0 ? decision_of_award (store, ids[0]) : 0);

  stored = read_value (store, key, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      ok = FALSE;
    }
  else if (stored != NULL)
    next = MAX (g_ascii_strtoull (stored, NULL, 10), 1);

  for (guint i = 0; ok && i < n_ids; i++)
    ok = assign_one (store, ids[i], year, &next, error);

  if (ok)
    {
      next_text = g_strdup_printf ("%" G_GUINT64_FORMAT, next);
      ok = write_value (store, key, next_text, error);
    }

  return awards_command_commit (store, ok, error);
}

/* Printer offsets */

#define OFFSET_PREFIX "printer.offset:"

gboolean
awards_store_get_printer_offset (AwardsStore  *store,
                                 const char   *printer,
                                 double       *x,
                                 double       *y,
                                 GError      **error)
{
  g_autofree char *key = g_strconcat (OFFSET_PREFIX, printer != NULL ? printer : "", NULL);
  g_autofree char *value = NULL;
  GError *local_error = NULL;
  char *end = NULL;

  g_return_val_if_fail (AWARDS_IS_STORE (store), FALSE);

  *x = *y = 0;
  awards_store_lock (store);
  value = read_value (store, key, &local_error);
  awards_store_unlock (store);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (value != NULL)
    {
      *x = g_ascii_strtod (value, &end);
      if (end != NULL && *end == ';')
        *y = g_ascii_strtod (end + 1, NULL);
    }
  return TRUE;
}

gboolean
awards_store_set_printer_offset (AwardsStore  *store,
                                 const char   *printer,
                                 double        x,
                                 double        y,
                                 GError      **error)
{
  g_autofree char *key = g_strconcat (OFFSET_PREFIX, printer != NULL ? printer : "", NULL);
  char bx[G_ASCII_DTOSTR_BUF_SIZE], by[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *value = NULL;
  gboolean ok;

  g_return_val_if_fail (AWARDS_IS_STORE (store), FALSE);

  if (ABS (x) > 50 || ABS (y) > 50)
    {
      set_invalid (error, _("A printer's offset is at most 50 mm each way."));
      return FALSE;
    }
  value = g_strdup_printf ("%s;%s", g_ascii_formatd (bx, sizeof bx, "%.2f", x),
                           g_ascii_formatd (by, sizeof by, "%.2f", y));
  if (!awards_store_write_begin (store, error))
    return FALSE;
  ok = write_value (store, key, value, error);
  return awards_store_write_end (store, ok, error);
}
