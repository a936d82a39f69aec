/* awards-eligibility.c: chains of titles and ratings, measured against the rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "awards-eligibility.h"
#include "awards-review-store.h"
#include "awards-text.h"

/* How far back a chain or a required award is looked for. */
#define LOOK_BACK_YEARS 40

typedef struct
{
  int     year;
  gint64  award_type_id;
  int     rank;
  gboolean is_title;
  const char *name;     /* owned by the context's award types */
} Held;

typedef struct
{
  AwardsRecipientKind  kind;
  gint64               id;
  char                *name;
  char                *organisation;
  gint64               organisation_id;
  char                *latest_date;     /* of the award that gave name and organisation */
  GArray              *held;            /* Held */
  GHashTable          *ratings;         /* year → AwardsRating */
  GArray              *initiatives;     /* AwardsInitiative without title: year, scope */
} Recipient;

typedef struct
{
  GHashTable *recipients;     /* key → Recipient; key = id for collectives, -id for people */
  GHashTable *types;          /* name_key → AwardsAwardType */
  int         year;
} Context;

void
awards_candidate_free (AwardsCandidate *candidate)
{
  if (candidate == NULL)
    return;
  g_free (candidate->rule_id);
  g_free (candidate->award);
  g_free (candidate->recipient);
  g_free (candidate->organisation);
  g_free (candidate->reason);
  g_free (candidate->basis);
  g_free (candidate->missing);
  g_free (candidate);
}

static void
recipient_free (Recipient *recipient)
{
  g_free (recipient->name);
  g_free (recipient->organisation);
  g_free (recipient->latest_date);
  g_array_unref (recipient->held);
  g_hash_table_unref (recipient->ratings);
  g_array_unref (recipient->initiatives);
  g_free (recipient);
}

static Recipient *
get_recipient (Context             *context,
               AwardsRecipientKind  kind,
               gint64               id)
{
  gint64 key = kind == AWARDS_RECIPIENT_KIND_COLLECTIVE ? id : -id;
  Recipient *recipient = g_hash_table_lookup (context->recipients, &key);

  if (recipient == NULL)
    {
      gint64 *stored = g_new (gint64, 1);

      *stored = key;
      recipient = g_new0 (Recipient, 1);
      recipient->kind = kind;
      recipient->id = id;
      recipient->held = g_array_new (FALSE, FALSE, sizeof (Held));
      recipient->ratings = g_hash_table_new (NULL, NULL);
      recipient->initiatives = g_array_new (FALSE, TRUE, sizeof (AwardsInitiative));
      g_hash_table_insert (context->recipients, stored, recipient);
    }
  return recipient;
}

/* The year an award counts for: the last year its period names, else the year of its date. */
static int
award_year (const char *period,
            const char *date)
{
  int year = 0;

  for (const char *p = period; p != NULL && *p != '\0'; p++)
    {
      if (g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) &&
          g_ascii_isdigit (p[3]) && !g_ascii_isdigit (p[4]) &&
          (p == period || !g_ascii_isdigit (p[-1])))
        {
          int value = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');

          if (value >= 1900 && value <= 2200)
            year = value;
        }
    }
  if (year == 0 && date != NULL && strlen (date) >= 4)
    year = (int)g_ascii_strtoll (date, NULL, 10);
  return year;
}

static AwardsAwardType *
find_type (Context    *context,
           const char *name)
{
  g_autofree char *key = awards_text_name_key (name);

  return key != NULL ? g_hash_table_lookup (context->types, key) : NULL;
}

static gboolean
collect_award_cb (const AwardsCommendationRow *row,
                  gpointer                     user_data)
{
  Context *context = user_data;
  Recipient *recipient;
  AwardsAwardType *type;
  Held held = { 0, };

  if (row->revoked)
    return TRUE;
  recipient = get_recipient (context, row->recipient_kind,
                             row->recipient_kind == AWARDS_RECIPIENT_KIND_COLLECTIVE
                             ? row->organisation_id : row->person_id);
  type = find_type (context, row->award);
  held.year = award_year (row->period, row->date);
  held.award_type_id = row->award_type_id;
  held.rank = row->award_rank;
  held.name = type != NULL ? awards_award_type_get_name (type) : NULL;
  held.is_title = type != NULL &&
                  awards_award_type_get_category (type) == AWARDS_AWARD_CATEGORY_TITLE;
  g_array_append_val (recipient->held, held);

  /* The name and organisation of the latest award are the ones the proposal shows. */
  if (recipient->latest_date == NULL || g_strcmp0 (row->date, recipient->latest_date) >= 0)
    {
      g_free (recipient->latest_date);
      recipient->latest_date = g_strdup (row->date);
      g_free (recipient->name);
      recipient->name = g_strdup (row->recipient);
      g_free (recipient->organisation);
      recipient->organisation = g_strdup (row->organisation_at_time);
      recipient->organisation_id = row->organisation_at_time_id;
    }
  return TRUE;
}

static gboolean
collect (AwardsStore  *store,
         Context      *context,
         GError      **error)
{
  g_autoptr(GPtrArray) types = NULL;
  g_autoptr(GPtrArray) ratings = NULL;
  g_autoptr(GPtrArray) initiatives = NULL;
  g_autofree char *from = g_strdup_printf ("%04d-01-01", context->year - LOOK_BACK_YEARS);
  g_autofree char *to = g_strdup_printf ("%04d-12-31", context->year + 1);
  int first_year = context->year - LOOK_BACK_YEARS;
  AwardsQuery query;

  types = awards_store_list_award_types (store, error);
  if (types == NULL)
    return FALSE;
  for (guint i = 0; i < types->len; i++)
    {
      AwardsAwardType *type = g_ptr_array_index (types, i);

      g_hash_table_insert (context->types,
                           awards_text_name_key (awards_award_type_get_name (type)),
                           g_object_ref (type));
    }

  awards_query_init (&query);
  query.date_from = from;
  query.date_to = to;
  if (!awards_store_foreach_commendation (store, &query, AWARDS_ORDER_CHRONOLOGICAL,
                                          collect_award_cb, context, error))
    return FALSE;

  ratings = awards_review_list_ratings (store, AWARDS_RECIPIENT_KIND_ANY, 0, first_year,
                                        context->year, error);
  if (ratings == NULL)
    return FALSE;
  for (guint i = 0; i < ratings->len; i++)
    {
      AwardsRatingRecord *record = g_ptr_array_index (ratings, i);
      Recipient *recipient = get_recipient (context, record->kind, record->recipient_id);

      g_hash_table_insert (recipient->ratings, GINT_TO_POINTER (record->year),
                           GINT_TO_POINTER (record->rating));
      if (recipient->name == NULL)
        {
          recipient->name = g_strdup (record->recipient);
          recipient->organisation = g_strdup (record->organisation);
        }
    }

  initiatives = awards_review_list_initiatives (store, AWARDS_RECIPIENT_KIND_ANY, 0, first_year,
                                                context->year, error);
  if (initiatives == NULL)
    return FALSE;
  for (guint i = 0; i < initiatives->len; i++)
    {
      AwardsInitiative *initiative = g_ptr_array_index (initiatives, i);
      Recipient *recipient = get_recipient (context, initiative->kind, initiative->recipient_id);
      AwardsInitiative copy = { 0, };

      copy.year = initiative->year;
      copy.scope = initiative->scope;
      g_array_append_val (recipient->initiatives, copy);
    }
  return TRUE;
}

/* The award types of a rule, checked against the catalogue. */
typedef struct
{
  AwardsAwardType *award;
  AwardsAwardType *required;
  GArray          *chain_ids;     /* gint64 */
  int              lowest_rank;   /* the largest rank number of the chain's titles */
} RuleTypes;

static gboolean
resolve_rule (Context           *context,
              AwardsRules       *rules,
              const AwardsRule  *rule,
              RuleTypes         *types,
              GError           **error)
{
  const char *path = awards_rules_get_path (rules);

  types->award = find_type (context, rule->award);
  if (types->award == NULL)
    {
      g_set_error (error, AWARDS_RULES_ERROR, AWARDS_RULES_ERROR_INVALID,
                   _("%s:%u: there is no award named “%s” in the catalogue"), path,
                   rule->award_line, rule->award);
      return FALSE;
    }
  if (rule->requires_award != NULL &&
      (types->required = find_type (context, rule->requires_award)) == NULL)
    {
      g_set_error (error, AWARDS_RULES_ERROR, AWARDS_RULES_ERROR_INVALID,
                   _("%s:%u: there is no award named “%s” in the catalogue"), path,
                   rule->requires_line, rule->requires_award);
      return FALSE;
    }
  types->chain_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  types->lowest_rank = 0;
  for (guint i = 0; rule->chain == AWARDS_CHAIN_TITLE && rule->titles[i] != NULL; i++)
    {
      AwardsAwardType *title = find_type (context, rule->titles[i]);
      gint64 id;

      if (title == NULL)
        {
          g_set_error (error, AWARDS_RULES_ERROR, AWARDS_RULES_ERROR_INVALID,
                       _("%s:%u: there is no award named “%s” in the catalogue"), path,
                       rule->titles_line, rule->titles[i]);
          g_clear_pointer (&types->chain_ids, g_array_unref);
          return FALSE;
        }
      id = awards_award_type_get_id (title);
      g_array_append_val (types->chain_ids, id);
      types->lowest_rank = MAX (types->lowest_rank, awards_award_type_get_rank (title));
    }
  return TRUE;
}

typedef enum
{
  YEAR_LINK,
  YEAR_LOWER,
  YEAR_NOTHING,
} YearState;

static YearState
year_state (const Recipient   *recipient,
            const AwardsRule  *rule,
            const RuleTypes   *types,
            int                year,
            const char       **link_name)
{
  gboolean lower = FALSE;

  if (rule->chain == AWARDS_CHAIN_RATING)
    {
      AwardsRating rating = GPOINTER_TO_INT (g_hash_table_lookup (recipient->ratings,
                                                                  GINT_TO_POINTER (year)));

      if (rating == AWARDS_RATING_NONE)
        return YEAR_NOTHING;
      /* Ratings are numbered best first. */
      return rating <= rule->rating ? YEAR_LINK : YEAR_LOWER;
    }

  for (guint i = 0; i < recipient->held->len; i++)
    {
      const Held *held = &g_array_index (recipient->held, Held, i);

      if (held->year != year)
        continue;
      for (guint j = 0; j < types->chain_ids->len; j++)
        if (held->award_type_id == g_array_index (types->chain_ids, gint64, j))
          {
            if (link_name != NULL)
              *link_name = held->name;
            return YEAR_LINK;
          }
      if (held->is_title && held->rank > types->lowest_rank)
        lower = TRUE;
    }
  return lower ? YEAR_LOWER : YEAR_NOTHING;
}

/* Counts the links of the chain that ends in @end, up to @rule->years; @first is its first year.
 * @title is the title of every link when they are all the same, else NULL. */
static int
measure_chain (const Recipient   *recipient,
               const AwardsRule  *rule,
               const RuleTypes   *types,
               int                end,
               int               *first,
               const char       **title)
{
  int count = 0;

  *first = end;
  *title = NULL;
  if (year_state (recipient, rule, types, end, NULL) != YEAR_LINK)
    return 0;
  for (int year = end; year > end - LOOK_BACK_YEARS && count < rule->years; year--)
    {
      const char *name = NULL;
      YearState state = year_state (recipient, rule, types, year, &name);

      if (state == YEAR_LINK)
        {
          *title = count == 0 || g_strcmp0 (*title, name) == 0 ? name : NULL;
          count++;
          *first = year;
        }
      else if ((state == YEAR_LOWER && rule->break_on_lower) ||
               (state == YEAR_NOTHING && rule->break_on_gap))
        break;
    }
  return count;
}

static gboolean
received_between (const Recipient *recipient,
                  gint64           award_type_id,
                  int              from,
                  int              to,
                  int             *year)
{
  for (guint i = 0; i < recipient->held->len; i++)
    {
      const Held *held = &g_array_index (recipient->held, Held, i);

      if (held->award_type_id == award_type_id && held->year >= from && held->year <= to)
        {
          if (year != NULL)
            *year = held->year;
          return TRUE;
        }
    }
  return FALSE;
}

static int
count_initiatives (const Recipient  *recipient,
                   AwardsScope       scope,
                   int               from,
                   int               to)
{
  int count = 0;

  for (guint i = 0; i < recipient->initiatives->len; i++)
    {
      const AwardsInitiative *initiative = &g_array_index (recipient->initiatives,
                                                          AwardsInitiative, i);

      if (initiative->scope >= scope && initiative->year >= from && initiative->year <= to)
        count++;
    }
  return count;
}

static char *
year_range (int first,
            int last)
{
  if (first == last)
    return g_strdup_printf ("%d", last);
  return g_strdup_printf ("%d–%d", first, last);
}

static const char *
scope_words (AwardsScope scope)
{
  switch (scope)
    {
    case AWARDS_SCOPE_PROVINCE:
      return "cấp bộ, ngành, tỉnh";
    case AWARDS_SCOPE_NATIONAL:
      return "toàn quốc";
    case AWARDS_SCOPE_BASE:
    case AWARDS_SCOPE_NONE:
    default:
      return "cấp cơ sở";
    }
}

/* "3 lần liên tục Chiến sĩ thi đua cơ sở" or "2 năm liên tục Hoàn thành xuất sắc nhiệm vụ". */
static char *
chain_words (const AwardsRule *rule,
             int               count,
             const char       *title)
{
  if (rule->chain == AWARDS_CHAIN_RATING)
    return count == 1 ? g_strdup (awards_rating_get_label (rule->rating))
                      : g_strdup_printf ("%d năm liên tục %s", count,
                                         awards_rating_get_label (rule->rating));
  if (title == NULL)
    title = rule->titles[0];
  return count == 1 ? g_strdup (title) : g_strdup_printf ("%d lần liên tục %s", count, title);
}

/* Measures one recipient against one rule; NULL when neither eligible nor nearly so. */
static AwardsCandidate *
judge (Context           *context,
       const AwardsRule  *rule,
       const RuleTypes   *types,
       Recipient         *recipient)
{
  g_autoptr(GString) reason = g_string_new (NULL);
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *chain = NULL;
  g_autofree char *range = NULL;
  AwardsCandidate *candidate;
  int end = context->year - rule->ends;
  int first;
  int count;
  int initiatives;
  const char *title;

  count = measure_chain (recipient, rule, types, end, &first, &title);
  if (count == 0 || count < rule->years - 1)
    return NULL;
  /* Already proposed and given for this chain: a new chain must begin after it. */
  if (received_between (recipient, awards_award_type_get_id (types->award), first,
                        context->year + 1, NULL))
    return NULL;

  chain = chain_words (rule, count, title);
  range = year_range (first, end);
  g_string_append_printf (reason, "%s %s", chain, range);
  if (count < rule->years)
    g_ptr_array_add (missing,
                     rule->chain == AWARDS_CHAIN_RATING
                     ? g_strdup_printf ("còn thiếu %d năm %s liên tục", rule->years - count,
                                        awards_rating_get_label (rule->rating))
                     : g_strdup_printf ("còn thiếu %d lần %s liên tục", rule->years - count,
                                        rule->titles[0]));

  if (rule->initiatives > 0)
    {
      initiatives = count_initiatives (recipient, rule->initiative_scope, first, end);
      if (initiatives >= rule->initiatives)
        g_string_append_printf (reason, "; %d sáng kiến %s", initiatives,
                                scope_words (rule->initiative_scope));
      else
        g_ptr_array_add (missing, g_strdup_printf ("cần %d sáng kiến %s trong %s, có %d",
                                                   rule->initiatives,
                                                   scope_words (rule->initiative_scope), range,
                                                   initiatives));
    }

  if (types->required != NULL)
    {
      int year = 0;

      if (received_between (recipient, awards_award_type_get_id (types->required),
                            first - rule->requires_within, first - 1, &year))
        g_string_append_printf (reason, "; đã được tặng %s năm %d", rule->requires_award, year);
      else
        g_ptr_array_add (missing, g_strdup_printf ("chưa được tặng %s trước chuỗi %s",
                                                   rule->requires_award, range));
    }

  candidate = g_new0 (AwardsCandidate, 1);
  candidate->rule_id = g_strdup (rule->id);
  candidate->award = g_strdup (awards_award_type_get_name (types->award));
  candidate->award_type_id = awards_award_type_get_id (types->award);
  candidate->kind = recipient->kind;
  candidate->recipient_id = recipient->id;
  candidate->recipient = g_strdup (recipient->name != NULL ? recipient->name : "");
  if (recipient->kind == AWARDS_RECIPIENT_KIND_INDIVIDUAL)
    {
      candidate->organisation = g_strdup (recipient->organisation);
      candidate->organisation_id = recipient->organisation_id;
    }
  candidate->reason = g_string_free (g_steal_pointer (&reason), FALSE);
  candidate->basis = g_strdup (rule->basis);
  if (missing->len > 0)
    {
      g_ptr_array_add (missing, NULL);
      candidate->missing = g_strjoinv ("; ", (char **)missing->pdata);
    }
  return candidate;
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const AwardsCandidate *x = *(AwardsCandidate * const *)a;
  const AwardsCandidate *y = *(AwardsCandidate * const *)b;

  if ((x->missing == NULL) != (y->missing == NULL))
    return x->missing == NULL ? -1 : 1;
  if (x->kind != y->kind)
    return x->kind == AWARDS_RECIPIENT_KIND_COLLECTIVE ? -1 : 1;
  if (x->kind == AWARDS_RECIPIENT_KIND_INDIVIDUAL)
    return awards_text_compare_person (x->recipient, y->recipient);
  return awards_text_compare (x->recipient, y->recipient);
}

/* Whether @list already proposes @award to the recipient of @candidate. */
static gboolean
already_eligible (GPtrArray             *list,
                  const AwardsCandidate *candidate)
{
  for (guint i = 0; i < list->len; i++)
    {
      const AwardsCandidate *other = g_ptr_array_index (list, i);

      if (other->missing == NULL && other->award_type_id == candidate->award_type_id &&
          other->kind == candidate->kind && other->recipient_id == candidate->recipient_id)
        return TRUE;
    }
  return FALSE;
}

GPtrArray *
awards_eligibility_run (AwardsStore  *store,
                        AwardsRules  *rules,
                        int           year,
                        const char   *award,
                        GError      **error)
{
  g_autoptr(GPtrArray) result =
    g_ptr_array_new_with_free_func ((GDestroyNotify)awards_candidate_free);
  g_autoptr(GHashTable) recipients = NULL;
  g_autoptr(GHashTable) types = NULL;
  g_autofree char *award_key = NULL;
  const AwardsRegime *regime;
  GPtrArray *rule_list;
  Context context;

  g_return_val_if_fail (AWARDS_IS_STORE (store), NULL);
  g_return_val_if_fail (rules != NULL, NULL);

  regime = awards_rules_regime_for_year (rules, year);
  if (regime == NULL)
    {
      g_set_error (error, AWARDS_RULES_ERROR, AWARDS_RULES_ERROR_NOT_FOUND,
                   _("No regime of %s governs the year %d."), awards_rules_get_path (rules),
                   year);
      return NULL;
    }

  recipients = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                      (GDestroyNotify)recipient_free);
  types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  context.recipients = recipients;
  context.types = types;
  context.year = year;
  if (!collect (store, &context, error))
    return NULL;

  if (award != NULL)
    {
      AwardsAwardType *type = find_type (&context, award);

      if (type == NULL)
        {
          g_set_error (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_NOT_FOUND,
                       _("There is no award named “%s” in the catalogue."), award);
          return NULL;
        }
      award_key = awards_text_name_key (awards_award_type_get_name (type));
    }

  rule_list = awards_rules_get_rules (rules);
  for (guint i = 0; i < rule_list->len; i++)
    {
      const AwardsRule *rule = g_ptr_array_index (rule_list, i);
      g_autoptr(GPtrArray) found =
        g_ptr_array_new_with_free_func ((GDestroyNotify)awards_candidate_free);
      RuleTypes rule_types = { 0, };
      GHashTableIter iter;
      Recipient *recipient;

      if (rule->regime != regime)
        continue;
      if (!resolve_rule (&context, rules, rule, &rule_types, error))
        return NULL;
      if (award_key != NULL)
        {
          g_autofree char *key = awards_text_name_key (rule->award);

          if (!g_str_equal (key, award_key))
            {
              g_array_unref (rule_types.chain_ids);
              continue;
            }
        }

      g_hash_table_iter_init (&iter, recipients);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&recipient))
        {
          AwardsCandidate *candidate;

          if (recipient->kind != rule->recipient)
            continue;
          candidate = judge (&context, rule, &rule_types, recipient);
          if (candidate != NULL)
            g_ptr_array_add (found, candidate);
        }
      g_array_unref (rule_types.chain_ids);

      g_ptr_array_sort (found, compare_candidates);
      /* One proposal per award and recipient: a second rule that also proposes it, or that
       * nearly does, adds nothing. */
      for (guint j = 0; j < found->len; j++)
        {
          AwardsCandidate *candidate = g_ptr_array_index (found, j);

          if (!already_eligible (result, candidate))
            g_ptr_array_add (result, g_steal_pointer (&found->pdata[j]));
        }
    }

  /* A near miss under one rule is no news when a later rule proposes the same award. */
  for (guint i = result->len; i > 0; i--)
    {
      AwardsCandidate *candidate = g_ptr_array_index (result, i - 1);

      if (candidate->missing != NULL && already_eligible (result, candidate))
        g_ptr_array_remove_index (result, i - 1);
    }

  /* Several rules may propose one award (to individuals and to collectives, by titles and by
   * ratings): its candidates stay together, where the award first appears. */
  {
    GPtrArray *grouped = g_ptr_array_new_full (result->len, (GDestroyNotify)awards_candidate_free);

    for (guint i = 0; i < result->len; i++)
      {
        AwardsCandidate *first = g_ptr_array_index (result, i);
        gint64 award_type_id;

        if (first == NULL)
          continue;
        award_type_id = first->award_type_id;
        for (guint j = i; j < result->len; j++)
          {
            AwardsCandidate *candidate = g_ptr_array_index (result, j);

            if (candidate != NULL && candidate->award_type_id == award_type_id)
              g_ptr_array_add (grouped, g_steal_pointer (&result->pdata[j]));
          }
      }
    g_ptr_array_unref (g_steal_pointer (&result));
    return grouped;
  }
}
