/* awards-report-listing.c: lists of awards, for an organisation and for a decision's annex
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "awards-date.h"
#include "awards-report-private.h"
#include "awards-text.h"

/* One award, copied out of the store's row. Strings live in the listing's chunk. */
typedef struct
{
  const char          *decision_number;
  const char          *date;
  const char          *authority;
  const char          *award;
  const char          *recipient;
  const char          *organisation;      /* the person's organisation at the time */
  const char          *position;
  const char          *achievement;
  const char          *period;
  gint64               award_type_id;
  gint64               organisation_at_time_id;
  int                  award_rank;
  AwardsRecipientKind  kind;
} Entry;

typedef struct
{
  GArray       *entries;
  GStringChunk *strings;
} Listing;

static void
listing_clear (Listing *listing)
{
  g_clear_pointer (&listing->entries, g_array_unref);
  g_clear_pointer (&listing->strings, g_string_chunk_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Listing, listing_clear)

static const char *
intern (GStringChunk *strings,
        const char   *text)
{
  if (text == NULL || text[0] == '\0')
    return NULL;

  /* Authorities, awards, dates and achievements repeat on many rows; names mostly do not. */
  return g_string_chunk_insert_const (strings, text);
}

static gboolean
collect_row_cb (const AwardsCommendationRow *row,
                gpointer                     user_data)
{
  Listing *listing = user_data;
  Entry entry;

  /* A revoked award is no longer an award: documents leave it out, as the counts do. */
  if (row->revoked)
    return TRUE;

  entry.decision_number = intern (listing->strings, row->decision_number);
  entry.date = intern (listing->strings, row->date);
  entry.authority = intern (listing->strings, row->authority);
  entry.award = intern (listing->strings, row->award);
  entry.recipient = row->recipient != NULL ? g_string_chunk_insert (listing->strings,
                                                                      row->recipient) : NULL;
  entry.organisation = intern (listing->strings, row->organisation_at_time);
  entry.position = intern (listing->strings, row->position);
  entry.achievement = intern (listing->strings, row->achievement);
  entry.period = intern (listing->strings, row->period);
  entry.award_type_id = row->award_type_id;
  entry.organisation_at_time_id = row->organisation_at_time_id;
  entry.award_rank = row->award_rank;
  entry.kind = row->recipient_kind;

  g_array_append_val (listing->entries, entry);
  return TRUE;
}

static gboolean
collect (AwardsStore        *store,
         const AwardsQuery  *query,
         AwardsOrder         order,
         Listing            *listing,
         GError            **error)
{
  listing->entries = g_array_sized_new (FALSE, FALSE, sizeof (Entry), 256);
  listing->strings = g_string_chunk_new (16384);

  return awards_store_foreach_commendation (store, query, order, collect_row_cb, listing, error);
}

/* The flat award list's columns, so that these CSV files import back. */
static void
add_csv (AwardsReport *self,
         GArray       *entries)
{
  awards_report_add_csv_row (self, "decision_number", "decision_date", "authority", "award",
                             "recipient_type", "recipient", "organisation", "position",
                             "achievement", "period", NULL);

  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *entry = &g_array_index (entries, Entry, i);
      gboolean individual = entry->kind == AWARDS_RECIPIENT_KIND_INDIVIDUAL;

#define OR_EMPTY(s) ((s) != NULL ? (s) : "")
      awards_report_add_csv_row (self,
                                 OR_EMPTY (entry->decision_number),
                                 OR_EMPTY (entry->date),
                                 OR_EMPTY (entry->authority),
                                 OR_EMPTY (entry->award),
                                 awards_recipient_kind_to_string (entry->kind),
                                 OR_EMPTY (entry->recipient),
                                 individual ? OR_EMPTY (entry->organisation) : "",
                                 individual ? OR_EMPTY (entry->position) : "",
                                 OR_EMPTY (entry->achievement),
                                 OR_EMPTY (entry->period),
                                 NULL);
#undef OR_EMPTY
    }
}

static void
count_entries (AwardsReport *self,
               GArray       *entries)
{
  for (guint i = 0; i < entries->len; i++)
    {
      if (g_array_index (entries, Entry, i).kind == AWARDS_RECIPIENT_KIND_INDIVIDUAL)
        self->total_individuals++;
      else
        self->total_collectives++;
    }
}

static void
set_not_found (GError     **error,
               GError      *store_error,
               const char  *message)
{
  /* The store's sentence is kept; the code says "not found" in the report's domain. */
  if (store_error == NULL)
    {
      g_set_error_literal (error, AWARDS_REPORT_ERROR, AWARDS_REPORT_ERROR_NOT_FOUND, message);
    }
  else if (g_error_matches (store_error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_NOT_FOUND))
    {
      g_set_error_literal (error, AWARDS_REPORT_ERROR, AWARDS_REPORT_ERROR_NOT_FOUND,
                           store_error->message);
      g_error_free (store_error);
    }
  else
    {
      g_propagate_error (error, store_error);
    }
}

/* Organisation record */

/* The organisation by id or exact name, else the one whose name reads the same without accents
 * ("htx bach dang"), else the only organisation the search finds. */
static AwardsOrganisation *
find_organisation (AwardsStore  *store,
                   const char   *name_or_id,
                   GError      **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GPtrArray) hits = NULL;
  g_autofree char *folded = NULL;
  AwardsOrganisation *organisation;
  gint64 only = 0;
  guint n_organisations = 0;

  organisation = awards_store_find_organisation (store, name_or_id, &local_error);
  if (organisation != NULL)
    return organisation;
  if (!g_error_matches (local_error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  hits = awards_store_search (store, name_or_id, 20, NULL);
  folded = awards_text_fold (name_or_id);
  for (guint i = 0; hits != NULL && i < hits->len; i++)
    {
      const AwardsSearchHit *hit = g_ptr_array_index (hits, i);
      g_autofree char *title = NULL;

      if (hit->kind != AWARDS_SEARCH_ORGANISATION)
        continue;

      title = awards_text_fold (hit->title);
      if (g_strcmp0 (title, folded) == 0)
        return awards_store_get_organisation (store, hit->id, error);
      n_organisations++;
      only = hit->id;
    }

  if (n_organisations == 1)
    return awards_store_get_organisation (store, only, error);

  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

static char *
recipient_cell (const Entry *entry,
                gint64       organisation_id)
{
  GString *cell = g_string_new (entry->recipient);

  if (entry->kind != AWARDS_RECIPIENT_KIND_INDIVIDUAL)
    return g_string_free (cell, FALSE);

  if (entry->position != NULL)
    g_string_append_printf (cell, ", %s", entry->position);
  /* With member organisations, say where the person worked when it was not the main one. */
  if (entry->organisation != NULL && entry->organisation_at_time_id != organisation_id)
    g_string_append_printf (cell, " (%s)", entry->organisation);

  return g_string_free (cell, FALSE);
}

static char *
decision_cell (const Entry *entry)
{
  g_autofree char *date = awards_date_format_short (entry->date);

  if (entry->decision_number == NULL)
    return g_strdup (date != NULL ? date : "");

  return g_strdup_printf ("%s\n%s", entry->decision_number, date != NULL ? date : "");
}

static void
add_organisation_prose (AwardsReport *self,
                        const char   *name,
                        GArray       *entries)
{
  g_autofree char *text = NULL;
  const Entry *highest = NULL;

  if (entries->len == 0)
    {
      text = g_strdup_printf ("%s chưa có khen thưởng nào được ghi nhận.", name);
      awards_report_add_paragraph (self, text);
      return;
    }

  {
    g_autofree char *all = awards_count_format (entries->len);
    g_autofree char *collectives = awards_count_format (self->total_collectives);
    g_autofree char *individuals = awards_count_format (self->total_individuals);

    text = g_strdup_printf ("%s và người lao động của đơn vị đã được khen thưởng %s lượt, "
                            "gồm %s lượt tập thể và %s lượt cá nhân.",
                            name, all, collectives, individuals);
  }
  awards_report_add_paragraph (self, text);

  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *entry = &g_array_index (entries, Entry, i);

      if (entry->kind != AWARDS_RECIPIENT_KIND_INDIVIDUAL &&
          (highest == NULL || entry->award_rank < highest->award_rank))
        highest = entry;
    }

  if (highest != NULL)
    {
      g_autofree char *line = NULL;

      line = g_strdup_printf ("Hình thức khen thưởng cao nhất của tập thể: %s của %s (năm %d).",
                              highest->award, highest->authority,
                              awards_date_year (highest->date));
      awards_report_add_paragraph (self, line);
    }
}

gboolean
awards_report_build_organisation (AwardsReport               *self,
                                  AwardsStore                *store,
                                  const AwardsReportRequest  *request,
                                  GError                    **error)
{
  g_autoptr (AwardsOrganisation) organisation = NULL;
  g_auto (Listing) listing = { NULL, NULL };
  g_autofree char *period = NULL;
  GError *store_error = NULL;
  AwardsQuery query = request->query;
  AwardsDocTable *table;
  const char *name;
  gint64 id;

  if (request->organisation != NULL && request->organisation[0] != '\0')
    organisation = find_organisation (store, request->organisation, &store_error);
  else if (request->query.organisation_id > 0)
    organisation = awards_store_get_organisation (store, request->query.organisation_id,
                                                  &store_error);
  else
    {
      g_set_error_literal (error, AWARDS_REPORT_ERROR, AWARDS_REPORT_ERROR_INVALID,
                           "Name the organisation to report on");
      return FALSE;
    }

  if (organisation == NULL)
    {
      g_autofree char *what = request->organisation != NULL
        ? g_strdup (request->organisation)
        : g_strdup_printf ("%" G_GINT64_FORMAT, request->query.organisation_id);
      g_autofree char *message = g_strdup_printf ("There is no organisation “%s”.", what);

      set_not_found (error, store_error, message);
      return FALSE;
    }

  id = awards_organisation_get_id (organisation);
  name = awards_organisation_get_name (organisation);
  query.organisation_id = id;
  query.with_members = TRUE;

  if (!collect (store, &query, AWARDS_ORDER_CHRONOLOGICAL, &listing, error))
    return FALSE;
  count_entries (self, listing.entries);

  self->title = g_strdup_printf ("Quá trình khen thưởng của %s", name);
  awards_doc_add_text (self->doc, AWARDS_DOC_BLOCK_TITLE, "QUÁ TRÌNH KHEN THƯỞNG");
  awards_doc_add_printf (self->doc, AWARDS_DOC_BLOCK_SUBTITLE, "Đơn vị: %s%s", name,
                         query.with_subsidiaries ? " (kể cả các đơn vị thành viên)" : "");
  period = awards_report_period_text (query.date_from, query.date_to);
  if (period != NULL)
    awards_doc_add_text (self->doc, AWARDS_DOC_BLOCK_SUBTITLE, period);
  awards_report_add_filters (self, store, &query);

  add_organisation_prose (self, name, listing.entries);

  table = awards_doc_add_table (self->doc);
  awards_doc_table_add_column (table, 0, 26, AWARDS_DOC_ALIGN_CENTER, FALSE);
  awards_doc_table_add_column (table, 0, 92, AWARDS_DOC_ALIGN_START, FALSE);
  awards_doc_table_add_column (table, 1, 50, AWARDS_DOC_ALIGN_START, FALSE);
  awards_doc_table_add_column (table, 1, 50, AWARDS_DOC_ALIGN_START, FALSE);
  awards_doc_table_add_column (table, 1.3, 50, AWARDS_DOC_ALIGN_START, FALSE);
  awards_doc_table_add_column (table, 1.4, 50, AWARDS_DOC_ALIGN_START, FALSE);
  awards_doc_table_add (table, AWARDS_DOC_ROW_HEADER, "TT", "Quyết định", "Cơ quan khen thưởng",
                        "Hình thức khen thưởng", "Tập thể, cá nhân được khen thưởng",
                        "Thành tích");

  for (guint i = 0; i < listing.entries->len; i++)
    {
      const Entry *entry = &g_array_index (listing.entries, Entry, i);
      g_autofree char *number = awards_report_uint (i + 1);
      g_autofree char *decision = decision_cell (entry);
      g_autofree char *recipient = recipient_cell (entry, id);

      awards_doc_table_add (table, AWARDS_DOC_ROW_NORMAL, number, decision, entry->authority,
                            entry->award, recipient, entry->achievement);
    }

  add_csv (self, listing.entries);
  awards_report_set_frame (self, request, NULL, NULL, NULL, NULL);

  return TRUE;
}

/* Decision annex */

static int
compare_annex_groups (gconstpointer a,
                      gconstpointer b)
{
  const Entry *entry_a = a;
  const Entry *entry_b = b;
  gboolean individual_a = entry_a->kind == AWARDS_RECIPIENT_KIND_INDIVIDUAL;
  gboolean individual_b = entry_b->kind == AWARDS_RECIPIENT_KIND_INDIVIDUAL;

  if (individual_a != individual_b)
    return individual_a ? 1 : -1;
  if (entry_a->award_rank != entry_b->award_rank)
    return entry_a->award_rank < entry_b->award_rank ? -1 : 1;

  return (entry_a->award_type_id > entry_b->award_type_id) -
         (entry_a->award_type_id < entry_b->award_type_id);
}

static gboolean
same_group (const Entry *a,
            const Entry *b)
{
  return (a->kind == AWARDS_RECIPIENT_KIND_INDIVIDUAL) ==
         (b->kind == AWARDS_RECIPIENT_KIND_INDIVIDUAL) &&
         a->award_type_id == b->award_type_id;
}

/* "đã có thành tích …" as a sentence of its own: capitalised, with a full stop. */
static char *
achievement_sentence (const char *achievement)
{
  gunichar first = g_utf8_get_char (achievement);
  const char *rest = g_utf8_next_char (achievement);
  char buf[8] = { 0 };
  gsize len = strlen (achievement);
  gboolean stop = len > 0 && strchr (".!?", achievement[len - 1]) != NULL;

  g_unichar_to_utf8 (g_unichar_toupper (first), buf);
  return g_strdup_printf ("%s%s%s", buf, rest, stop ? "" : ".");
}

static void
add_annex_section (AwardsReport *self,
                   GArray       *entries,
                   guint         first,
                   guint         end,
                   guint         section)
{
  const Entry *head = &g_array_index (entries, Entry, first);
  gboolean individual = head->kind == AWARDS_RECIPIENT_KIND_INDIVIDUAL;
  gboolean same_achievement = TRUE;
  g_autofree char *roman = awards_report_roman (section);
  g_autofree char *counts = NULL;
  AwardsDocTable *table;

  for (guint i = first + 1; i < end; i++)
    {
      if (g_strcmp0 (g_array_index (entries, Entry, i).achievement, head->achievement) != 0)
        same_achievement = FALSE;
    }

  counts = individual ? awards_report_count_text (0, end - first)
                      : awards_report_count_text (end - first, 0);
  awards_doc_add_printf (self->doc, AWARDS_DOC_BLOCK_HEADING, "%s. %s: %s", roman,
                         head->award, counts);

  /* One reason for the whole group is written once above it rather than on every row. */
  if (same_achievement && head->achievement != NULL)
    {
      g_autofree char *sentence = achievement_sentence (head->achievement);

      awards_doc_add_text (self->doc, AWARDS_DOC_BLOCK_PARAGRAPH, sentence);
    }

  table = awards_doc_add_table (self->doc);
  awards_doc_table_add_column (table, 0, 30, AWARDS_DOC_ALIGN_CENTER, FALSE);
  awards_doc_table_add_column (table, 1, 80, AWARDS_DOC_ALIGN_START, FALSE);
  if (individual)
    {
      awards_doc_table_add_column (table, 0.8, 60, AWARDS_DOC_ALIGN_START, FALSE);
      awards_doc_table_add_column (table, 1.3, 80, AWARDS_DOC_ALIGN_START, FALSE);
    }
  if (!same_achievement)
    awards_doc_table_add_column (table, 1.3, 80, AWARDS_DOC_ALIGN_START, FALSE);

  {
    const char *headers[5] = { "TT", individual ? "Họ và tên" : "Tên tập thể" };
    guint n = 2;

    if (individual)
      {
        headers[n++] = "Chức vụ";
        headers[n++] = "Đơn vị";
      }
    if (!same_achievement)
      headers[n++] = "Thành tích";
    awards_doc_table_add_row (table, AWARDS_DOC_ROW_HEADER, headers, NULL, n);
  }

  for (guint i = first; i < end; i++)
    {
      const Entry *entry = &g_array_index (entries, Entry, i);
      g_autofree char *number = awards_report_uint (i - first + 1);
      const char *cells[5] = { number, entry->recipient };
      guint n = 2;

      if (individual)
        {
          cells[n++] = entry->position;
          cells[n++] = entry->organisation;
        }
      if (!same_achievement)
        cells[n++] = entry->achievement;
      awards_doc_table_add_row (table, AWARDS_DOC_ROW_NORMAL, cells, NULL, n);
    }
}

/* "UBND thành phố Hải Phòng tặng Cờ thi đua xuất sắc cho 3 tập thể; tặng Bằng khen cho 5 tập
 * thể và 10 cá nhân.", in award rank order, as the summary words it. */
static void
add_decision_prose (AwardsReport   *self,
                    AwardsDecision *decision,
                    GArray         *entries)
{
  g_autoptr (GArray) awards = g_array_new (FALSE, FALSE, sizeof (Entry));
  g_autoptr (GString) sentence = NULL;
  const char *authority = awards_decision_get_authority_name (decision);

  if (entries->len == 0)
    {
      awards_report_add_paragraph (self, "Quyết định này chưa có danh sách khen thưởng.");
      return;
    }

  /* One entry per award, in rank order, standing for its counts. */
  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *entry = &g_array_index (entries, Entry, i);
      guint j;

      for (j = 0; j < awards->len; j++)
        if (g_array_index (awards, Entry, j).award_type_id == entry->award_type_id)
          break;
      if (j == awards->len)
        g_array_append_val (awards, *entry);
    }
  g_array_sort (awards, compare_annex_groups);

  sentence = g_string_new (authority != NULL ? authority : "");
  for (guint j = 0; j < awards->len; j++)
    {
      const Entry *award = &g_array_index (awards, Entry, j);
      guint collectives = 0, individuals = 0;
      g_autofree char *counts = NULL;

      for (guint i = 0; i < entries->len; i++)
        {
          const Entry *entry = &g_array_index (entries, Entry, i);

          if (entry->award_type_id != award->award_type_id)
            continue;
          if (entry->kind == AWARDS_RECIPIENT_KIND_INDIVIDUAL)
            individuals++;
          else
            collectives++;
        }

      counts = awards_report_count_text (collectives, individuals);
      if (sentence->len == 0)
        g_string_append (sentence, "Tặng");
      else
        g_string_append (sentence, j == 0 ? " tặng" : "; tặng");
      g_string_append_printf (sentence, " %s cho %s", award->award, counts);
    }
  g_string_append_c (sentence, '.');

  awards_report_add_paragraph (self, sentence->str);
}

gboolean
awards_report_build_decision (AwardsReport               *self,
                              AwardsStore                *store,
                              const AwardsReportRequest  *request,
                              GError                    **error)
{
  g_autoptr (AwardsDecision) decision = NULL;
  g_auto (Listing) listing = { NULL, NULL };
  g_autofree char *date = NULL;
  g_autofree char *reference = NULL;
  GError *store_error = NULL;
  const char *number;
  const char *authority;
  AwardsQuery query;
  guint section = 0;

  if (request->decision == NULL || request->decision[0] == '\0')
    {
      g_set_error_literal (error, AWARDS_REPORT_ERROR, AWARDS_REPORT_ERROR_INVALID,
                           "Give the number of the decision to list");
      return FALSE;
    }

  decision = awards_store_find_decision (store, request->decision, request->query.authority_id,
                                         &store_error);
  if (decision == NULL)
    {
      g_autofree char *message = g_strdup_printf ("There is no decision number “%s”.",
                                                  request->decision);

      set_not_found (error, store_error, message);
      return FALSE;
    }

  awards_query_init (&query);
  query.decision_id = awards_decision_get_id (decision);
  query.recipient_kind = request->query.recipient_kind;
  /* By default the annex keeps the order in which the decision lists its recipients (the order
   * they were entered); by name, the store sorts each kind in Vietnamese order, people by given
   * name. Either way the stable sort below groups the annex by kind, then by award. */
  if (!collect (store, &query, request->annex_order == AWARDS_ANNEX_ORDER_NAME
                                 ? AWARDS_ORDER_ANNEX : AWARDS_ORDER_CHRONOLOGICAL,
                &listing, error))
    return FALSE;

  g_array_sort (listing.entries, compare_annex_groups);
  count_entries (self, listing.entries);

  number = awards_decision_get_number (decision);
  authority = awards_decision_get_authority_name (decision);
  date = awards_date_format_short (awards_decision_get_date (decision));
  reference = g_strdup_printf ("Quyết định%s%s ngày %s%s%s",
                               number != NULL ? " số " : "", number != NULL ? number : "",
                               date != NULL ? date : "",
                               authority != NULL ? " của " : "",
                               authority != NULL ? authority : "");

  self->title = g_strdup_printf ("Danh sách khen thưởng kèm theo %s", reference);
  awards_doc_add_text (self->doc, AWARDS_DOC_BLOCK_TITLE, "DANH SÁCH KHEN THƯỞNG");
  awards_doc_add_printf (self->doc, AWARDS_DOC_BLOCK_SUBTITLE, "(Kèm theo %s)", reference);

  add_decision_prose (self, decision, listing.entries);

  for (guint first = 0, end; first < listing.entries->len; first = end)
    {
      const Entry *head = &g_array_index (listing.entries, Entry, first);

      for (end = first + 1; end < listing.entries->len; end++)
        if (!same_group (head, &g_array_index (listing.entries, Entry, end)))
          break;

      add_annex_section (self, listing.entries, first, end, ++section);
    }

  if (listing.entries->len > 0)
    {
      g_autofree char *counts = awards_report_count_text (self->total_collectives,
                                                          self->total_individuals);
      g_autofree char *total = g_strdup_printf ("Tổng cộng: %s.", counts);

      awards_report_add_paragraph (self, total);
    }

  add_csv (self, listing.entries);
  awards_report_set_frame (self, request, authority, awards_decision_get_date (decision),
                           awards_decision_get_signer_title (decision),
                           awards_decision_get_signer_name (decision));

  return TRUE;
}
