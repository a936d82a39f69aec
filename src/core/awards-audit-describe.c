/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "awards-audit-private.h"
#include "awards-date.h"
#include "awards-enums.h"
#include "awards-review.h"

/*
 * What an entry of the audit log says it changed, in a reader's words. The log keeps the fields
 * of a change as the tables name them ("birth_year", "decision_id", dates as 2011-12-20); the
 * history shows them with their labels in the reader's language, dates as on paper, and the
 * records that a field refers to by their names, read when the entries are.
 */

typedef enum
{
  VALUE_TEXT,
  VALUE_DATE,
  VALUE_YES_NO,
  VALUE_ORGANISATION_KIND,
  VALUE_DECISION_KIND,
  VALUE_GENDER,
  VALUE_ELIGIBILITY,
  VALUE_CATEGORY,
  VALUE_LEVEL,
  VALUE_RATING,
  VALUE_SCOPE,
  VALUE_STAFF_CLASS,
  VALUE_REFERENCE,
} ValueKind;

static const struct
{
  const char *kind;            /* the kind of record, or NULL for any */
  const char *column;
  const char *label;
  ValueKind   value;
  const char *table;           /* for VALUE_REFERENCE: the table the id is of */
} fields[] = {
  { "organisation", "kind", N_("Type of organisation"), VALUE_ORGANISATION_KIND, NULL },
  { "decision", "kind", N_("Kind of award"), VALUE_DECISION_KIND, NULL },
  { "decision", "number", N_("Decision number"), VALUE_TEXT, NULL },
  { "award", "organisation_id", N_("Organisation"), VALUE_REFERENCE, "organisation" },
  { "award", "date", N_("Decision date"), VALUE_DATE, NULL },
  { "award_type", "category", N_("Category"), VALUE_CATEGORY, NULL },
  { "award_type", "rank", N_("Rank"), VALUE_TEXT, NULL },
  { "authority", "level", N_("Level"), VALUE_LEVEL, NULL },
  { "setting", "office.parent", N_("Governing Body"), VALUE_TEXT, NULL },
  { "setting", "office.name", N_("Office Name"), VALUE_TEXT, NULL },
  { "setting", "office.abbreviation", N_("Abbreviation in Document Numbers"), VALUE_TEXT, NULL },
  { "setting", "office.place", N_("Place"), VALUE_TEXT, NULL },
  { "setting", "signer.form", N_("Signature Form"), VALUE_TEXT, NULL },
  { "setting", "signer.head_title", N_("Head's Title (for “KT.”)"), VALUE_TEXT, NULL },
  { "setting", "signer.title", N_("Signer's Title"), VALUE_TEXT, NULL },
  { "setting", "signer.name", N_("Signer's Name"), VALUE_TEXT, NULL },
  { "setting", "year.start", N_("Reporting Year Starts (dd/mm)"), VALUE_TEXT, NULL },
  { "setting", "report.font", N_("Font"), VALUE_TEXT, NULL },
  { "setting", "report.font_size", N_("Font Size (points)"), VALUE_TEXT, NULL },
  { "rating", "rating", N_("Rating"), VALUE_RATING, NULL },
  { "initiative", "title", N_("Initiative"), VALUE_TEXT, NULL },
  { "initiative", "scope", N_("Scope"), VALUE_SCOPE, NULL },
  { "staff_class", "class", N_("Staff class"), VALUE_STAFF_CLASS, NULL },
  { NULL, "name", N_("Name"), VALUE_TEXT, NULL },
  { NULL, "short_name", N_("Short name"), VALUE_TEXT, NULL },
  { NULL, "parent_id", N_("Parent organisation"), VALUE_REFERENCE, "organisation" },
  { NULL, "tax_code", N_("Tax code"), VALUE_TEXT, NULL },
  { NULL, "address", N_("Address"), VALUE_TEXT, NULL },
  { NULL, "district", N_("District"), VALUE_TEXT, NULL },
  { NULL, "sector", N_("Sector"), VALUE_TEXT, NULL },
  { NULL, "founded", N_("Founded"), VALUE_DATE, NULL },
  { NULL, "dissolved", N_("Dissolved"), VALUE_DATE, NULL },
  { NULL, "merged_into_id", N_("Merged into"), VALUE_REFERENCE, "organisation" },
  { NULL, "notes", N_("Notes"), VALUE_TEXT, NULL },
  { NULL, "full_name", N_("Full name"), VALUE_TEXT, NULL },
  { NULL, "gender", N_("Gender"), VALUE_GENDER, NULL },
  { NULL, "birth_year", N_("Year of birth"), VALUE_TEXT, NULL },
  { NULL, "organisation_id", N_("Organisation"), VALUE_REFERENCE, "organisation" },
  { NULL, "position", N_("Position"), VALUE_TEXT, NULL },
  { NULL, "date", N_("Date"), VALUE_DATE, NULL },
  { NULL, "authority_id", N_("Authority"), VALUE_REFERENCE, "authority" },
  { NULL, "signer_name", N_("Signer’s name"), VALUE_TEXT, NULL },
  { NULL, "signer_title", N_("Signer’s title"), VALUE_TEXT, NULL },
  { NULL, "occasion", N_("Occasion"), VALUE_TEXT, NULL },
  { NULL, "decision_id", N_("Decision"), VALUE_REFERENCE, "decision" },
  { NULL, "award_type_id", N_("Award"), VALUE_REFERENCE, "award_type" },
  { NULL, "period", N_("Period"), VALUE_TEXT, NULL },
  { NULL, "person_id", N_("Person"), VALUE_REFERENCE, "person" },
  { NULL, "recipient_name", N_("Recipient"), VALUE_TEXT, NULL },
  { NULL, "organisation_at_time_id", N_("Organisation at the time"), VALUE_REFERENCE,
    "organisation" },
  { NULL, "achievement", N_("Achievement"), VALUE_TEXT, NULL },
  { NULL, "register_number", N_("Register number"), VALUE_TEXT, NULL },
  { NULL, "revoked", N_("Revoked"), VALUE_YES_NO, NULL },
  { NULL, "deleted", N_("Deleted"), VALUE_YES_NO, NULL },
  { NULL, "eligibility", N_("Given to"), VALUE_ELIGIBILITY, NULL },
  { NULL, "until", N_("Used until"), VALUE_DATE, NULL },
};

/* The field @column of a record of @kind; -1 for a column the table above does not know. */
static int
find_field (const char *kind,
            const char *column)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_strcmp0 (fields[i].column, column) == 0 &&
        (fields[i].kind == NULL || g_strcmp0 (fields[i].kind, kind) == 0))
      return (int) i;
  return -1;
}

static JsonObject *
parse_object (JsonParser *parser,
              const char *json)
{
  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;
  return json_node_get_object (json_parser_get_root (parser));
}

/* The member as the log keeps it; NULL when the field is absent or empty. */
static char *
raw_value (JsonObject *object,
           const char *member)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, member))
    return NULL;
  node = json_object_get_member (object, member);
  if (!JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  return g_strdup_printf ("%g", json_node_get_double (node));
}

static const char *
eligibility_label (const char *text)
{
  AwardsEligibility eligibility;

  if (!awards_eligibility_from_string (text, &eligibility))
    return NULL;
  switch (eligibility)
    {
    case AWARDS_ELIGIBILITY_COLLECTIVE:
      return _("collectives");
    case AWARDS_ELIGIBILITY_INDIVIDUAL:
      return _("individuals");
    case AWARDS_ELIGIBILITY_BOTH:
    default:
      return _("collectives and individuals");
    }
}

static const char *
category_label (const char *text)
{
  AwardsAwardCategory category;

  if (!awards_award_category_from_string (text, &category))
    return NULL;
  return category == AWARDS_AWARD_CATEGORY_TITLE ? _("emulation title") : _("form of award");
}

/* A label of the interface inside a line: in lower case, "—" when it is empty. */
static char *
in_sentence (const char *label)
{
  return label[0] != '\0' ? g_utf8_strdown (label, -1) : g_strdup ("—");
}

/* @raw as a reader sees it; NULL to show it as it is. */
static char *
readable_value (ValueKind               value,
                const char             *table,
                const char             *raw,
                AwardsAuditNameLookup   lookup,
                gpointer                user_data)
{
  AwardsOrganisationKind organisation_kind;
  AwardsDecisionKind decision_kind;
  AwardsGender gender;
  gint64 id;

  switch (value)
    {
    case VALUE_DATE:
      return awards_date_format_short (raw);
    case VALUE_YES_NO:
      return g_strdup (g_strcmp0 (raw, "0") == 0 ? _("no") : _("yes"));
    case VALUE_ORGANISATION_KIND:
      return awards_organisation_kind_from_string (raw, &organisation_kind)
             ? in_sentence (awards_organisation_kind_get_label (organisation_kind)) : NULL;
    case VALUE_DECISION_KIND:
      return awards_decision_kind_from_string (raw, &decision_kind)
             ? in_sentence (awards_decision_kind_get_label (decision_kind)) : NULL;
    case VALUE_GENDER:
      return awards_gender_from_string (raw, &gender)
             ? in_sentence (awards_gender_get_label (gender)) : NULL;
    case VALUE_ELIGIBILITY:
      return g_strdup (eligibility_label (raw));
    case VALUE_CATEGORY:
      return g_strdup (category_label (raw));
    case VALUE_RATING:
      /* Ratings, scopes and staff classes are named as the law and the forms name them. */
      return awards_rating_parse (raw) != AWARDS_RATING_NONE
             ? g_strdup (awards_rating_get_label (awards_rating_parse (raw))) : NULL;
    case VALUE_SCOPE:
      return awards_scope_parse (raw) != AWARDS_SCOPE_NONE
             ? g_strdup (awards_scope_get_label (awards_scope_parse (raw))) : NULL;
    case VALUE_STAFF_CLASS:
      return awards_staff_class_parse (raw) != AWARDS_STAFF_CLASS_NONE
             ? g_strdup (awards_staff_class_get_label (awards_staff_class_parse (raw))) : NULL;
    case VALUE_LEVEL:
      /* The levels are named as the law names them, in Vietnamese whatever the language. */
      return awards_level_parse (raw) != AWARDS_LEVEL_NONE
             ? g_strdup (awards_level_get_label (awards_level_parse (raw))) : NULL;
    case VALUE_REFERENCE:
      id = g_ascii_strtoll (raw, NULL, 10);
      if (lookup == NULL || id <= 0)
        return NULL;
      return lookup (table, id, user_data);
    case VALUE_TEXT:
    default:
      return NULL;
    }
}

static char *
shown_value (int                     field,
             JsonObject             *object,
             const char             *member,
             AwardsAuditNameLookup   lookup,
             gpointer                user_data)
{
  g_autofree char *raw = raw_value (object, member);
  char *readable;

  if (raw == NULL || raw[0] == '\0')
    return g_strdup ("—");
  if (field < 0)
    return g_steal_pointer (&raw);
  readable = readable_value (fields[field].value, fields[field].table, raw, lookup, user_data);
  if (readable != NULL)
    return readable;
  /* A record no longer there is named by its number. */
  if (fields[field].value == VALUE_REFERENCE)
    return g_strdup_printf (_("no. %s"), raw);
  return g_steal_pointer (&raw);
}

/* "name: A → B; address: — → 12 Lê Lợi", with @label_of naming a field; NULL if nothing. */
static char *
list_fields (const char             *kind,
             const char             *before_json,
             const char             *after_json,
             gboolean                readable,
             AwardsAuditNameLookup   lookup,
             gpointer                user_data)
{
  g_autoptr(JsonParser) before_parser = json_parser_new ();
  g_autoptr(JsonParser) after_parser = json_parser_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  JsonObject *before = parse_object (before_parser, before_json);
  JsonObject *after = parse_object (after_parser, after_json);
  g_autoptr(GList) members = NULL;

  if (before == NULL && after == NULL)
    return NULL;
  members = json_object_get_members (after != NULL ? after : before);
  if (members == NULL && before != NULL)
    members = json_object_get_members (before);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *member = l->data;
      int field;
      g_autofree char *old_text = NULL;
      g_autofree char *new_text = NULL;
      const char *label;

      /* A reader sees a deletion or a restore as such ("Deleted", "Restored"); "Deleted: no →
       * yes" beside it said it twice. */
      if (readable && g_str_equal (member, "deleted"))
        continue;
      field = readable ? find_field (kind, member) : -1;
      old_text = shown_value (field, before, member, lookup, user_data);
      new_text = shown_value (field, after, member, lookup, user_data);
      label = field >= 0 ? _(fields[field].label) : member;

      if (text->len > 0)
        g_string_append (text, "; ");
      if (before != NULL && after != NULL)
        g_string_append_printf (text, "%s: %s → %s", label, old_text, new_text);
      else
        g_string_append_printf (text, "%s: %s", label, after != NULL ? new_text : old_text);
    }
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

/**
 * awards_audit_count_details:
 * @with_others: whether other records than awards changed too
 *
 * Returns: (transfer full): what the log keeps as the details of a change of @n_awards awards:
 *   "27 awards", in no reader's language; awards_audit_entry_set_description () words it for
 *   the reader
 */
char *
awards_audit_count_details (guint    n_awards,
                            gboolean with_others)
{
  return g_strdup_printf ("%u %s%s", n_awards, n_awards == 1 ? "award" : "awards",
                          with_others ? " and other records" : "");
}

/**
 * awards_audit_ratings_details:
 *
 * Returns: (transfer full): what the log keeps as the details of an import of ratings and
 *   initiatives, "12 ratings, 3 initiatives", in no reader's language
 */
char *
awards_audit_ratings_details (guint n_ratings,
                              guint n_initiatives)
{
  return g_strdup_printf ("%u %s, %u %s", n_ratings, n_ratings == 1 ? "rating" : "ratings",
                          n_initiatives, n_initiatives == 1 ? "initiative" : "initiatives");
}

/* The details of an import of ratings in the reader's language; NULL if they are not that. */
static char *
translate_ratings (const char *details)
{
  guint n_ratings, n_initiatives;
  g_autofree char *again = NULL;
  g_autofree char *ratings = NULL;
  g_autofree char *initiatives = NULL;

  if (sscanf (details, "%u %*s %u", &n_ratings, &n_initiatives) != 2)
    return NULL;
  again = awards_audit_ratings_details (n_ratings, n_initiatives);
  if (g_strcmp0 (again, details) != 0)
    return NULL;
  ratings = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u rating", "%u ratings", n_ratings),
                             n_ratings);
  initiatives = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u initiative",
                                              "%u initiatives", n_initiatives), n_initiatives);
  /* Translators: what an import of ratings brought: “3 ratings, 1 initiative”. */
  return g_strdup_printf (_("%s, %s"), ratings, initiatives);
}

/* @details in the reader's language when they are a count of awards; else NULL. */
static char *
translate_count (const char *details)
{
  guint n_awards;
  int end = 0;
  gboolean with_others;
  const char *rest;

  if (sscanf (details, "%u %n", &n_awards, &end) != 1 || end == 0)
    return NULL;
  rest = details + end;
  if (g_str_has_prefix (rest, n_awards == 1 ? "award" : "awards"))
    rest += n_awards == 1 ? strlen ("award") : strlen ("awards");
  else
    return NULL;
  with_others = g_strcmp0 (rest, " and other records") == 0;
  if (!with_others && rest[0] != '\0')
    return NULL;
  if (with_others)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u award and other records",
                                         "%u awards and other records", n_awards), n_awards);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u award", "%u awards", n_awards),
                          n_awards);
}

/**
 * awards_audit_describe_columns:
 *
 * Returns: (transfer full) (nullable): what the log keeps as an edit's details: the fields
 *   changed as the tables name them, in no reader's language ("name: A → B; …")
 */
char *
awards_audit_describe_columns (const char *before_json,
                               const char *after_json)
{
  return list_fields (NULL, before_json, after_json, FALSE, NULL, NULL);
}

/**
 * awards_audit_entry_set_description:
 * @lookup: (nullable): names the record of a table and id that a field refers to
 *
 * Words the fields that @entry changed for a reader: labels, dates as DD/MM/YYYY, yes and no,
 * and the names of the records that its ids refer to; and a count of awards (an import, what a
 * decision brought) in the reader's language. Other details are kept as they were written.
 */
void
awards_audit_entry_set_description (AwardsAuditEntry       *entry,
                                    AwardsAuditNameLookup   lookup,
                                    gpointer                user_data)
{
  g_autofree char *columns = NULL;

  if (entry->details != NULL && ((columns = translate_count (entry->details)) != NULL ||
                                  (columns = translate_ratings (entry->details)) != NULL))
    {
      /* A decision saved with its awards: what changed in the decision itself comes first
       * ("Signer’s name: A → B; 1 award"). */
      g_autofree char *fields = entry->before != NULL && entry->after != NULL
                                ? list_fields (entry->kind, entry->before, entry->after, TRUE,
                                               lookup, user_data)
                                : NULL;

      g_free (entry->description);
      entry->description = fields != NULL ? g_strdup_printf ("%s; %s", fields, columns)
                                          : g_steal_pointer (&columns);
      return;
    }
  if (entry->before == NULL && entry->after == NULL)
    return;
  /* The log wrote the fields as details when nothing else described the edit. */
  if (entry->details != NULL)
    {
      columns = awards_audit_describe_columns (entry->before, entry->after);
      if (g_strcmp0 (columns, entry->details) != 0)
        return;
    }
  g_free (entry->description);
  entry->description = list_fields (entry->kind, entry->before, entry->after, TRUE, lookup,
                                    user_data);
}

/**
 * awards_audit_entry_logged_details:
 *
 * Returns: (transfer full) (nullable): the entry's details as the log keeps them, the same in
 *   every language: "27 awards", "birth_year: 1970 → 1971"; for scripts
 */
char *
awards_audit_entry_logged_details (const AwardsAuditEntry *entry)
{
  if (entry->details != NULL)
    return g_strdup (entry->details);
  return awards_audit_describe_columns (entry->before, entry->after);
}

/**
 * awards_audit_entry_describe:
 *
 * Returns: (transfer full) (nullable): the entry's details, or the fields it changed, in the
 *   reader's words when the entry was read from a store
 */
char *
awards_audit_entry_describe (const AwardsAuditEntry *entry)
{
  if (entry->description != NULL)
    return g_strdup (entry->description);
  if (entry->details != NULL)
    return g_strdup (entry->details);
  return list_fields (entry->kind, entry->before, entry->after, TRUE, NULL, NULL);
}
