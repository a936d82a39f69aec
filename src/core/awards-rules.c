/* awards-rules.c: the eligibility rules, read from a data file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "awards-rules.h"
#include "awards-text.h"

/*
 * The format is a key file ("[group]", "key = value", "#" comments) read here rather than by
 * GKeyFile, because a clerk who edits it needs the line of every mistake, which GKeyFile does not
 * give.
 */

G_DEFINE_QUARK (awards-rules-error-quark, awards_rules_error)

struct _AwardsRules
{
  char      *path;
  GPtrArray *regimes;    /* AwardsRegime */
  GPtrArray *rules;      /* AwardsRule */
};

typedef struct
{
  char  *key;
  char  *value;
  guint  line;
} Entry;

typedef struct
{
  char      *kind;       /* "regime" or "rule" */
  char      *id;
  guint      line;
  GPtrArray *entries;    /* Entry */
} Group;

typedef struct
{
  guint  line;
  guint  order;
  char  *text;
} Problem;

typedef struct
{
  const char *path;
  GPtrArray  *problems;   /* Problem, reported in the order of the lines */
} Reader;

static void
problem_free (Problem *problem)
{
  g_free (problem->text);
  g_free (problem);
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const Problem *x = *(Problem * const *)a;
  const Problem *y = *(Problem * const *)b;

  if (x->line != y->line)
    return x->line < y->line ? -1 : 1;
  return x->order < y->order ? -1 : x->order > y->order;
}

static void
entry_free (Entry *entry)
{
  g_free (entry->key);
  g_free (entry->value);
  g_free (entry);
}

static void
group_free (Group *group)
{
  g_free (group->kind);
  g_free (group->id);
  g_ptr_array_unref (group->entries);
  g_free (group);
}

static void
regime_free (AwardsRegime *regime)
{
  g_free (regime->id);
  g_free (regime->name);
  g_free (regime);
}

static void
rule_free (AwardsRule *rule)
{
  g_free (rule->id);
  g_free (rule->award);
  g_strfreev (rule->titles);
  g_free (rule->requires_award);
  g_free (rule->basis);
  g_free (rule->source);
  g_free (rule);
}

void
awards_rules_free (AwardsRules *rules)
{
  if (rules == NULL)
    return;
  g_free (rules->path);
  g_ptr_array_unref (rules->regimes);
  g_ptr_array_unref (rules->rules);
  g_free (rules);
}

G_GNUC_PRINTF (3, 4)
static void
problem (Reader     *reader,
         guint       line,
         const char *format,
         ...)
{
  Problem *item = g_new0 (Problem, 1);
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  item->line = line;
  item->order = reader->problems->len;
  item->text = g_strdup_printf ("%s:%u: %s", reader->path, line, message);
  g_ptr_array_add (reader->problems, item);
}

static GPtrArray *
parse_groups (Reader     *reader,
              const char *text)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify)group_free);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  Group *group = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));
      guint number = i + 1;
      char *equals;

      if (line[0] == '\0' || line[0] == '#' || line[0] == ';')
        continue;
      if (line[0] == '[')
        {
          g_auto(GStrv) words = NULL;
          char *end = strchr (line, ']');

          if (end == NULL || end[1] != '\0')
            {
              problem (reader, number, _("a group heading must end with “]”"));
              group = NULL;
              continue;
            }
          *end = '\0';
          words = g_strsplit_set (g_strstrip (line + 1), " \t", 2);
          if (g_strv_length (words) != 2 ||
              (!g_str_equal (words[0], "regime") && !g_str_equal (words[0], "rule")))
            {
              problem (reader, number, _("a group heading is “[regime ID]” or “[rule ID]”"));
              group = NULL;
              continue;
            }
          group = g_new0 (Group, 1);
          group->kind = g_strdup (words[0]);
          group->id = g_strdup (g_strstrip (words[1]));
          group->line = number;
          group->entries = g_ptr_array_new_with_free_func ((GDestroyNotify)entry_free);
          for (guint j = 0; j < groups->len; j++)
            {
              Group *other = g_ptr_array_index (groups, j);

              if (g_str_equal (other->kind, group->kind) && g_str_equal (other->id, group->id))
                problem (reader, number, _("“%s” is defined twice (first on line %u)"),
                         group->id, other->line);
            }
          g_ptr_array_add (groups, group);
          continue;
        }
      equals = strchr (line, '=');
      if (equals == NULL)
        {
          problem (reader, number, _("a line must be “key = value”, a “[group]” or a comment"));
          continue;
        }
      if (group == NULL)
        {
          problem (reader, number, _("“key = value” before the first group"));
          continue;
        }
      *equals = '\0';
      {
        Entry *entry = g_new0 (Entry, 1);

        entry->key = g_strdup (g_strstrip (line));
        entry->value = g_strdup (g_strstrip (equals + 1));
        entry->line = number;
        for (guint j = 0; j < group->entries->len; j++)
          if (g_str_equal (((Entry *)g_ptr_array_index (group->entries, j))->key, entry->key))
            problem (reader, number, _("“%s” is given twice in this group"), entry->key);
        g_ptr_array_add (group->entries, entry);
      }
    }
  return g_steal_pointer (&groups);
}

/* The entry @key of @group, or NULL (with a problem when @required). */
static Entry *
find_entry (Reader     *reader,
            Group      *group,
            const char *key,
            gboolean    required)
{
  for (guint i = 0; i < group->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (group->entries, i);

      if (g_str_equal (entry->key, key))
        return entry;
    }
  if (required)
    problem (reader, group->line, _("“%s” lacks “%s”"), group->id, key);
  return NULL;
}

static gboolean
parse_int (Reader  *reader,
           Entry   *entry,
           int      min,
           int      max,
           int     *value)
{
  char *end = NULL;
  gint64 number;

  if (entry == NULL)
    return FALSE;
  number = g_ascii_strtoll (entry->value, &end, 10);
  if (entry->value[0] == '\0' || *end != '\0' || number < min || number > max)
    {
      problem (reader, entry->line, _("“%s” must be a whole number from %d to %d, not “%s”"),
               entry->key, min, max, entry->value);
      return FALSE;
    }
  *value = number;
  return TRUE;
}

static void
check_keys (Reader             *reader,
            Group              *group,
            const char * const *known)
{
  for (guint i = 0; i < group->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (group->entries, i);

      if (!g_strv_contains (known, entry->key))
        problem (reader, entry->line, _("unknown key “%s”"), entry->key);
    }
}

static AwardsRegime *
read_regime (Reader *reader,
             Group  *group)
{
  static const char *const known[] = { "name", "from", "to", NULL };
  AwardsRegime *regime = g_new0 (AwardsRegime, 1);
  Entry *name, *to;

  check_keys (reader, group, known);
  regime->id = g_strdup (group->id);
  regime->line = group->line;
  name = find_entry (reader, group, "name", TRUE);
  regime->name = g_strdup (name != NULL ? name->value : "");
  parse_int (reader, find_entry (reader, group, "from", TRUE), 1900, 2200, &regime->from_year);
  to = find_entry (reader, group, "to", FALSE);
  regime->to_year = G_MAXINT;
  if (to != NULL && to->value[0] != '\0')
    parse_int (reader, to, regime->from_year, 2200, &regime->to_year);
  return regime;
}

static AwardsRule *
read_rule (Reader    *reader,
           Group     *group,
           GPtrArray *regimes)
{
  static const char *const known[] = {
    "regime", "award", "recipient", "chain", "titles", "rating", "years", "ends", "breaks",
    "initiatives", "initiative_scope", "requires_award", "requires_within", "basis",
    "verified", "source", NULL
  };
  AwardsRule *rule = g_new0 (AwardsRule, 1);
  Entry *entry;

  check_keys (reader, group, known);
  rule->id = g_strdup (group->id);
  rule->line = group->line;

  if ((entry = find_entry (reader, group, "regime", TRUE)) != NULL)
    {
      for (guint i = 0; i < regimes->len; i++)
        if (g_str_equal (((AwardsRegime *)g_ptr_array_index (regimes, i))->id, entry->value))
          rule->regime = g_ptr_array_index (regimes, i);
      if (rule->regime == NULL)
        problem (reader, entry->line, _("there is no regime “%s” before this rule"), entry->value);
    }
  if ((entry = find_entry (reader, group, "award", TRUE)) != NULL)
    {
      rule->award = g_strdup (entry->value);
      rule->award_line = entry->line;
    }
  if ((entry = find_entry (reader, group, "recipient", TRUE)) != NULL &&
      (!awards_recipient_kind_from_string (entry->value, &rule->recipient) ||
       rule->recipient == AWARDS_RECIPIENT_KIND_ANY))
    problem (reader, entry->line, _("“recipient” must be individual or collective, not “%s”"),
             entry->value);

  if ((entry = find_entry (reader, group, "chain", TRUE)) != NULL)
    {
      if (g_str_equal (entry->value, "title"))
        rule->chain = AWARDS_CHAIN_TITLE;
      else if (g_str_equal (entry->value, "rating"))
        rule->chain = AWARDS_CHAIN_RATING;
      else
        problem (reader, entry->line, _("“chain” must be title or rating, not “%s”"),
                 entry->value);
    }
  if (rule->chain == AWARDS_CHAIN_TITLE &&
      (entry = find_entry (reader, group, "titles", TRUE)) != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (entry->value, ";", -1);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      for (guint i = 0; parts[i] != NULL; i++)
        if (g_strstrip (parts[i])[0] != '\0')
          g_strv_builder_add (builder, parts[i]);
      rule->titles = g_strv_builder_end (builder);
      rule->titles_line = entry->line;
      if (rule->titles[0] == NULL)
        problem (reader, entry->line, _("“titles” names no title"));
    }
  if (rule->chain == AWARDS_CHAIN_RATING &&
      (entry = find_entry (reader, group, "rating", TRUE)) != NULL)
    {
      rule->rating = awards_rating_parse (entry->value);
      if (rule->rating == AWARDS_RATING_NONE || rule->rating == AWARDS_RATING_NOT_COMPLETED)
        problem (reader, entry->line, _("“rating” must be excellent, good or completed, not "
                                        "“%s”"), entry->value);
    }
  parse_int (reader, find_entry (reader, group, "years", TRUE), 1, 30, &rule->years);
  if ((entry = find_entry (reader, group, "ends", FALSE)) != NULL)
    parse_int (reader, entry, 0, 10, &rule->ends);
  if ((entry = find_entry (reader, group, "breaks", TRUE)) != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (entry->value, ",", -1);

      for (guint i = 0; parts[i] != NULL; i++)
        {
          const char *part = g_strstrip (parts[i]);

          if (g_str_equal (part, "gap"))
            rule->break_on_gap = TRUE;
          else if (g_str_equal (part, "lower"))
            rule->break_on_lower = TRUE;
          else if (part[0] != '\0')
            problem (reader, entry->line, _("“breaks” lists gap and lower, not “%s”"), part);
        }
    }
  if ((entry = find_entry (reader, group, "initiatives", FALSE)) != NULL)
    parse_int (reader, entry, 0, 30, &rule->initiatives);
  rule->initiative_scope = AWARDS_SCOPE_BASE;
  if ((entry = find_entry (reader, group, "initiative_scope", FALSE)) != NULL)
    {
      rule->initiative_scope = awards_scope_parse (entry->value);
      if (rule->initiative_scope == AWARDS_SCOPE_NONE)
        problem (reader, entry->line, _("“initiative_scope” must be base, province or "
                                        "national, not “%s”"), entry->value);
    }
  if ((entry = find_entry (reader, group, "requires_award", FALSE)) != NULL &&
      entry->value[0] != '\0')
    {
      rule->requires_award = g_strdup (entry->value);
      rule->requires_line = entry->line;
      parse_int (reader, find_entry (reader, group, "requires_within", TRUE), 1, 30,
                 &rule->requires_within);
    }
  entry = find_entry (reader, group, "basis", TRUE);
  rule->basis = g_strdup (entry != NULL ? entry->value : "");
  if (entry != NULL && entry->value[0] == '\0')
    problem (reader, entry->line, _("“basis” is empty: every rule names its legal basis"));
  if ((entry = find_entry (reader, group, "verified", TRUE)) != NULL)
    {
      if (g_str_equal (entry->value, "yes"))
        rule->verified = TRUE;
      else if (!g_str_equal (entry->value, "no"))
        problem (reader, entry->line, _("“verified” must be yes or no, not “%s”"),
                 entry->value);
    }
  entry = find_entry (reader, group, "source", FALSE);
  rule->source = g_strdup (entry != NULL ? entry->value : "");
  return rule;
}

AwardsRules *
awards_rules_load (const char  *path,
                   GError     **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify)problem_free);
  g_autoptr(AwardsRules) rules = NULL;
  Reader reader = { path, problems };
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &text, &length, &local_error))
    {
      g_set_error (error, AWARDS_RULES_ERROR, AWARDS_RULES_ERROR_NOT_FOUND,
                   _("Could not read the eligibility rules: %s"), local_error->message);
      return NULL;
    }
  if (!g_utf8_validate (text, length, NULL))
    {
      g_set_error (error, AWARDS_RULES_ERROR, AWARDS_RULES_ERROR_INVALID,
                   _("%s:1: the file is not UTF-8 text"), path);
      return NULL;
    }

  rules = g_new0 (AwardsRules, 1);
  rules->path = g_strdup (path);
  rules->regimes = g_ptr_array_new_with_free_func ((GDestroyNotify)regime_free);
  rules->rules = g_ptr_array_new_with_free_func ((GDestroyNotify)rule_free);

  groups = parse_groups (&reader, text);
  for (guint i = 0; i < groups->len; i++)
    {
      Group *group = g_ptr_array_index (groups, i);

      if (g_str_equal (group->kind, "regime"))
        g_ptr_array_add (rules->regimes, read_regime (&reader, group));
      else
        g_ptr_array_add (rules->rules, read_rule (&reader, group, rules->regimes));
    }

  /* Two regimes that govern the same year would make the choice arbitrary. */
  for (guint i = 0; i < rules->regimes->len; i++)
    for (guint j = 0; j < i; j++)
      {
        AwardsRegime *a = g_ptr_array_index (rules->regimes, i);
        AwardsRegime *b = g_ptr_array_index (rules->regimes, j);

        if (a->from_year <= b->to_year && b->from_year <= a->to_year)
          problem (&reader, a->line, _("the years of regime “%s” overlap those of “%s”"),
                   a->id, b->id);
      }
  if (problems->len == 0 && rules->rules->len == 0)
    problem (&reader, 1, _("the file holds no rule"));

  if (problems->len > 0)
    {
      g_autoptr(GString) message = g_string_new (NULL);

      g_ptr_array_sort (problems, compare_problems);
      for (guint i = 0; i < problems->len; i++)
        g_string_append_printf (message, "%s%s", i > 0 ? "\n" : "",
                                ((Problem *)g_ptr_array_index (problems, i))->text);
      g_set_error_literal (error, AWARDS_RULES_ERROR, AWARDS_RULES_ERROR_INVALID, message->str);
      return NULL;
    }
  return g_steal_pointer (&rules);
}

char *
awards_rules_default_path (void)
{
  const char *env = g_getenv ("COOP_AWARDS_RULES");
  g_autofree char *user = NULL;
  g_autofree char *installed = NULL;

  if (env != NULL && env[0] != '\0')
    return g_strdup (env);
  user = g_build_filename (g_get_user_config_dir (), "coop-awards", "eligibility-rules.ini", NULL);
  installed = g_build_filename (PKGDATADIR, "eligibility-rules.ini", NULL);

  if (g_file_test (user, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&user);
  /* Run from the build tree, the program finds the file in the sources. */
  if (!g_file_test (installed, G_FILE_TEST_EXISTS) && g_file_test (SOURCE_RULES_FILE,
                                                                   G_FILE_TEST_EXISTS))
    return g_strdup (SOURCE_RULES_FILE);
  return g_steal_pointer (&installed);
}

AwardsRules *
awards_rules_load_default (GError **error)
{
  g_autofree char *path = awards_rules_default_path ();

  return awards_rules_load (path, error);
}

const char *
awards_rules_get_path (AwardsRules *rules)
{
  g_return_val_if_fail (rules != NULL, NULL);
  return rules->path;
}

GPtrArray *
awards_rules_get_rules (AwardsRules *rules)
{
  g_return_val_if_fail (rules != NULL, NULL);
  return rules->rules;
}

const AwardsRegime *
awards_rules_regime_for_year (AwardsRules *rules,
                              int          year)
{
  g_return_val_if_fail (rules != NULL, NULL);

  for (guint i = 0; i < rules->regimes->len; i++)
    {
      const AwardsRegime *regime = g_ptr_array_index (rules->regimes, i);

      if (regime->from_year <= year && year <= regime->to_year)
        return regime;
    }
  return NULL;
}
