#pragma once

#include <gio/gio.h>

#include "awards-enums.h"
#include "awards-organisation.h"
#include "awards-person.h"
#include "awards-authority.h"
#include "awards-award-type.h"
#include "awards-decision.h"
#include "awards-commendation.h"

G_BEGIN_DECLS

#define AWARDS_STORE_ERROR (awards_store_error_quark ())

typedef enum
{
  AWARDS_STORE_ERROR_FAILED,
  AWARDS_STORE_ERROR_NOT_A_DATABASE,
  AWARDS_STORE_ERROR_TOO_NEW,
  AWARDS_STORE_ERROR_READ_ONLY,
  AWARDS_STORE_ERROR_CONSTRAINT,
  AWARDS_STORE_ERROR_NOT_FOUND,
  AWARDS_STORE_ERROR_INVALID,
  AWARDS_STORE_ERROR_BUSY,
  AWARDS_STORE_ERROR_DISK_FULL,
  AWARDS_STORE_ERROR_EXISTS,
} AwardsStoreError;

GQuark awards_store_error_quark (void);

/* What a list or a report selects. Zero/NULL fields do not filter. */
typedef struct
{
  gint64               organisation_id;    /* awards to this organisation */
  gboolean             with_members;       /* … and to people while they belonged to it */
  gboolean             with_subsidiaries;  /* … and the same for its member organisations */
  gint64               person_id;
  gint64               decision_id;
  gint64               authority_id;
  gint64               award_type_id;
  const char          *date_from;          /* ISO, inclusive */
  const char          *date_to;            /* ISO, inclusive */
  AwardsRecipientKind  recipient_kind;
  const char          *search;             /* what the user typed; matches recipient names */
} AwardsQuery;

void awards_query_init (AwardsQuery *query);

/* One award as a flat row, valid only during the callback. */
typedef struct
{
  gint64               id;
  gint64               decision_id;
  const char          *decision_number;
  const char          *date;
  gint64               authority_id;
  const char          *authority;
  gint64               award_type_id;
  const char          *award;
  int                  award_rank;
  AwardsRecipientKind  recipient_kind;
  gint64               organisation_id;
  gint64               person_id;
  const char          *recipient;          /* the name at the time */
  gint64               organisation_at_time_id;
  const char          *organisation_at_time;
  const char          *position;
  const char          *achievement;
  const char          *period;
  const char          *register_number;
  gboolean             revoked;
  gint64               row_version;        /* see awards_store_get_row_version () */
} AwardsCommendationRow;

/* Return FALSE to stop the iteration early. */
typedef gboolean (*AwardsCommendationRowFunc) (const AwardsCommendationRow *row,
                                               gpointer                     user_data);

/* The order of commendation lists. */
typedef enum
{
  AWARDS_ORDER_CHRONOLOGICAL = 0,   /* date, decision, then entry order: the export order */
  AWARDS_ORDER_ANNEX,               /* by award, collectives then individuals, Vietnamese order */
  AWARDS_ORDER_NEWEST_FIRST,
  AWARDS_ORDER_DECISION,            /* as a decision's annex lists them by default: collectives
                                     * then individuals, by award, then in entry order */
} AwardsOrder;

typedef struct
{
  gint64  authority_id;
  char   *authority;
  gint64  award_type_id;
  char   *award;
  int     award_rank;
  int     year;                  /* only for awards_store_yearly () */
  guint   collectives;
  guint   individuals;
} AwardsSummaryRow;

void awards_summary_row_free (AwardsSummaryRow *row);

typedef enum
{
  AWARDS_SEARCH_ORGANISATION,
  AWARDS_SEARCH_PERSON,
  AWARDS_SEARCH_DECISION,
} AwardsSearchKind;

typedef struct
{
  AwardsSearchKind  kind;
  gint64            id;
  char             *title;       /* organisation name, person's full name, decision number */
  char             *subtitle;    /* kind/parent, current organisation, authority and date */
  guint             award_count;
} AwardsSearchHit;

void awards_search_hit_free (AwardsSearchHit *hit);

#define AWARDS_TYPE_STORE (awards_store_get_type ())

G_DECLARE_FINAL_TYPE (AwardsStore, awards_store, AWARDS, STORE, GObject)

char               *awards_store_default_path        (void);
AwardsStore        *awards_store_open                (const char          *path,
                                                      GError             **error);
const char         *awards_store_get_path            (AwardsStore         *self);
int                 awards_store_get_schema_version  (AwardsStore         *self);

/* Catalogue */
GPtrArray          *awards_store_list_authorities    (AwardsStore         *self,
                                                      GError             **error);
GPtrArray          *awards_store_list_award_types    (AwardsStore         *self,
                                                      GError             **error);
AwardsAuthority    *awards_store_find_authority      (AwardsStore         *self,
                                                      const char          *name,
                                                      GError             **error);
AwardsAwardType    *awards_store_find_award_type     (AwardsStore         *self,
                                                      const char          *name,
                                                      GError             **error);
gint64              awards_store_save_authority      (AwardsStore         *self,
                                                      AwardsAuthority     *authority,
                                                      GError             **error);
gint64              awards_store_save_award_type     (AwardsStore         *self,
                                                      AwardsAwardType     *award_type,
                                                      GError             **error);

/* Organisations */
AwardsOrganisation *awards_store_get_organisation    (AwardsStore         *self,
                                                      gint64               id,
                                                      GError             **error);
AwardsOrganisation *awards_store_find_organisation   (AwardsStore         *self,
                                                      const char          *name_or_id,
                                                      GError             **error);
guint               awards_store_count_organisations (AwardsStore         *self,
                                                      const char          *search,
                                                      GError             **error);
GPtrArray          *awards_store_list_organisations  (AwardsStore         *self,
                                                      const char          *search,
                                                      guint                offset,
                                                      guint                limit,
                                                      GError             **error);
gint64              awards_store_save_organisation   (AwardsStore         *self,
                                                      AwardsOrganisation  *organisation,
                                                      GError             **error);
gint64              awards_store_create_organisation (AwardsStore         *self,
                                                      AwardsOrganisation  *organisation,
                                                      GError             **error);
gint64              awards_store_create_person       (AwardsStore         *self,
                                                      AwardsPerson        *person,
                                                      GError             **error);
gboolean            awards_store_delete_organisation (AwardsStore         *self,
                                                      gint64               id,
                                                      GError             **error);
char               *awards_store_organisation_delete_refusal (AwardsStore *self,
                                                              gint64       id,
                                                              GError     **error);

/* People */
AwardsPerson       *awards_store_get_person          (AwardsStore         *self,
                                                      gint64               id,
                                                      GError             **error);
guint               awards_store_count_people        (AwardsStore         *self,
                                                      const char          *search,
                                                      gint64               organisation_id,
                                                      GError             **error);
GPtrArray          *awards_store_list_people         (AwardsStore         *self,
                                                      const char          *search,
                                                      gint64               organisation_id,
                                                      guint                offset,
                                                      guint                limit,
                                                      GError             **error);
gint64              awards_store_save_person         (AwardsStore         *self,
                                                      AwardsPerson        *person,
                                                      GError             **error);
gboolean            awards_store_delete_person       (AwardsStore         *self,
                                                      gint64               id,
                                                      GError             **error);
char               *awards_store_person_delete_refusal (AwardsStore *self,
                                                        gint64       id,
                                                        GError     **error);

/* Decisions */
AwardsDecision     *awards_store_get_decision        (AwardsStore         *self,
                                                      gint64               id,
                                                      GError             **error);
AwardsDecision     *awards_store_find_decision       (AwardsStore         *self,
                                                      const char          *number,
                                                      gint64               authority_id,
                                                      GError             **error);
guint               awards_store_count_decisions     (AwardsStore         *self,
                                                      const char          *search,
                                                      GError             **error);
GPtrArray          *awards_store_list_decisions      (AwardsStore         *self,
                                                      const char          *search,
                                                      guint                offset,
                                                      guint                limit,
                                                      GError             **error);
gint64              awards_store_save_decision       (AwardsStore         *self,
                                                      AwardsDecision      *decision,
                                                      GPtrArray           *recipients,
                                                      GError             **error);

/* Commendations */
AwardsCommendation *awards_store_get_commendation    (AwardsStore         *self,
                                                      gint64               id,
                                                      GError             **error);
gboolean            awards_store_foreach_commendation (AwardsStore               *self,
                                                       const AwardsQuery         *query,
                                                       AwardsOrder                order,
                                                       AwardsCommendationRowFunc  func,
                                                       gpointer                   user_data,
                                                       GError                   **error);
GPtrArray          *awards_store_list_commendations  (AwardsStore         *self,
                                                      const AwardsQuery   *query,
                                                      AwardsOrder          order,
                                                      GError             **error);
guint               awards_store_count_commendations (AwardsStore         *self,
                                                      const AwardsQuery   *query,
                                                      GError             **error);
gboolean            awards_store_update_commendation (AwardsStore         *self,
                                                      AwardsCommendation  *commendation,
                                                      GError             **error);
gboolean            awards_store_delete_commendation (AwardsStore         *self,
                                                      gint64               id,
                                                      GError             **error);
gboolean            awards_store_restore_commendation (AwardsStore        *self,
                                                       gint64              id,
                                                       GError            **error);

/* Reports */
GPtrArray          *awards_store_summary             (AwardsStore         *self,
                                                      const AwardsQuery   *query,
                                                      GError             **error);
GPtrArray          *awards_store_yearly              (AwardsStore         *self,
                                                      const AwardsQuery   *query,
                                                      GError             **error);
gboolean            awards_store_get_award_years     (AwardsStore         *self,
                                                      int                 *first,
                                                      int                 *last,
                                                      GError             **error);

/* Search */
GPtrArray          *awards_store_search              (AwardsStore         *self,
                                                      const char          *text,
                                                      guint                limit,
                                                      GError             **error);

/* Safety */
gboolean            awards_store_backup              (AwardsStore         *self,
                                                      const char          *destination,
                                                      GError             **error);
gboolean            awards_store_restore             (const char          *database_path,
                                                      const char          *source,
                                                      char               **saved_copy,
                                                      GError             **error);
GPtrArray          *awards_store_check               (AwardsStore         *self,
                                                      GError             **error);

G_END_DECLS
