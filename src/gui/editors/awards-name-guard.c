/* awards-name-guard.c: new names that are nearly existing ones, caught before saving
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "awards-date.h"
#include "awards-name-guard.h"
#include "awards-near-record.h"
#include "awards-store-async.h"
#include "awards-store-watch.h"
#include "awards-store-near.h"
#include "awards-text.h"

/*
 * The catalogue of award types and authorities is closed: a name that is not in it is a
 * problem until the user picks a catalogue name or adds the new one on purpose. A new
 * organisation or person is fine unless it nearly equals a stored one ("HTX Bach Dang" for
 * "HTX Bạch Đằng"): then the editor asks "did you mean …?" before anything is saved. What
 * the user chose to keep as new is remembered for the life of the editor. No GTK here, so the
 * checks are tested without a display.
 *
 * An editor that is told of answers (awards_name_guard_set_answered_func ()) has its questions
 * answered on the store's threads, so that typing never waits for a server; without one, each
 * question is answered at once.
 */

#define N_KINDS (AWARDS_NEAR_PERSON + 1)

/*
 * The catalogue and the near-name indexes, read when first needed and kept until the database
 * changes, shared with the guard's checks on the store's threads. An index is not safe to look
 * up from two threads at once: everything here is used under the mutex.
 */
typedef struct
{
  gatomicrefcount  ref;
  AwardsStore     *store;
  GMutex           mutex;
  GHashTable      *catalogue[N_KINDS];  /* name key → name, of award types and authorities */
  AwardsNearIndex *index[N_KINDS];      /* catalogue and organisations */
} Lists;

/* What a check asks: a name, a decision number, or who may receive an award. */
typedef enum
{
  QUESTION_NAME,
  QUESTION_NUMBER,
  QUESTION_AWARD_TYPE,
  QUESTION_ORGANISATION,
  QUESTION_NEAR_ORGANISATION,
  QUESTION_NEAR_PERSON,
} QuestionType;

typedef struct
{
  QuestionType    type;
  AwardsNearKind  kind;
  char           *text;           /* the name, the number or the award, normalised */
  char           *other;          /* the person's organisation, or the decision's authority */
  gint64          own_id;         /* the record being edited, which is not near itself */
} Question;

/* What a check said, kept so that the same question costs no second look-up. */
typedef struct
{
  gboolean  pending;              /* asked on the store's threads, not answered yet */
  char     *message;
  char     *suggestion;
  int       eligibility;
  gint64    id;                   /* the record found, or 0 */
} Verdict;

/* The guard as its checks on the store's threads find it when they come back: NULL once it is
 * freed. Only the main context touches it. */
typedef struct
{
  gatomicrefcount  ref;
  AwardsNameGuard *guard;
} Link;

struct _AwardsNameGuard
{
  AwardsStore        *store;
  gulong              changed_id;
  GHashTable         *accepted[N_KINDS];   /* folded names the user keeps as new */
  Lists              *lists;
  GHashTable         *verdicts;            /* question key → Verdict, until the store changes */
  GHashTable         *stale;               /* the verdicts before the last change */
  Link               *link;
  guint               generation;          /* which verdicts a check that comes back is for */
  guint               n_pending;
  AwardsNameGuardFunc answered;            /* non-NULL: checks run on the store's threads */
  gpointer            answered_data;
};

static Lists *
lists_new (AwardsStore *store)
{
  Lists *lists = g_new0 (Lists, 1);

  g_atomic_ref_count_init (&lists->ref);
  lists->store = g_object_ref (store);
  g_mutex_init (&lists->mutex);
  return lists;
}

static Lists *
lists_ref (Lists *lists)
{
  g_atomic_ref_count_inc (&lists->ref);
  return lists;
}

static void
lists_unref (Lists *lists)
{
  if (lists == NULL || !g_atomic_ref_count_dec (&lists->ref))
    return;

  for (guint i = 0; i < N_KINDS; i++)
    {
      g_clear_pointer (&lists->catalogue[i], g_hash_table_unref);
      g_clear_pointer (&lists->index[i], awards_near_index_free);
    }
  g_mutex_clear (&lists->mutex);
  g_object_unref (lists->store);
  g_free (lists);
}

static Link *
link_ref (Link *link)
{
  g_atomic_ref_count_inc (&link->ref);
  return link;
}

static void
link_unref (Link *link)
{
  if (link != NULL && g_atomic_ref_count_dec (&link->ref))
    g_free (link);
}

static void
question_free (Question *question)
{
  g_free (question->text);
  g_free (question->other);
  g_free (question);
}

static void
verdict_free (gpointer data)
{
  Verdict *verdict = data;

  g_free (verdict->message);
  g_free (verdict->suggestion);
  g_free (verdict);
}

/* An editor checks every row of a decision after every change: on a server, each look-up is a
 * trip there and back, hundreds per keystroke. The verdicts and the lists hold until the
 * database changes; then an editor that is told of answers checks again, which brings another
 * clerk's new names to its messages. Until a question is answered again, its message is the one
 * it had: in an office where clerks save every few seconds, the messages of an open editor would
 * otherwise blink off and on with each of their saves. */
static void
forget_verdicts (AwardsNameGuard *self)
{
  /* The catalogue and the names are read again when next needed; checks still out keep the
   * lists they were given. */
  lists_unref (self->lists);
  self->lists = lists_new (self->store);
  g_hash_table_unref (self->stale);
  self->stale = g_steal_pointer (&self->verdicts);
  self->verdicts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, verdict_free);
  self->generation++;
  self->n_pending = 0;
  if (self->answered != NULL)
    self->answered (self->answered_data);
}

/**
 * awards_name_guard_new:
 * @store: where the existing names are
 *
 * Returns: (transfer full): a guard for one editor
 */
AwardsNameGuard *
awards_name_guard_new (AwardsStore *store)
{
  AwardsNameGuard *self = g_new0 (AwardsNameGuard, 1);

  g_return_val_if_fail (AWARDS_IS_STORE (store), NULL);

  self->store = g_object_ref (store);
  for (guint i = 0; i < N_KINDS; i++)
    self->accepted[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->lists = lists_new (store);
  self->verdicts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, verdict_free);
  self->stale = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, verdict_free);
  self->link = g_new0 (Link, 1);
  g_atomic_ref_count_init (&self->link->ref);
  self->link->guard = self;
  self->changed_id = g_signal_connect_swapped (store, "changed", G_CALLBACK (forget_verdicts),
                                               self);

  return self;
}

/**
 * awards_name_guard_set_store:
 * @self: a guard
 * @store: the same database, connected again (a server that went away and came back)
 *
 * Asks its questions again through @store.
 */
void
awards_name_guard_set_store (AwardsNameGuard *self,
                             AwardsStore     *store)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (AWARDS_IS_STORE (store));

  if (store == self->store)
    return;
  g_clear_signal_handler (&self->changed_id, self->store);
  g_set_object (&self->store, store);
  self->changed_id = g_signal_connect_swapped (store, "changed", G_CALLBACK (forget_verdicts),
                                               self);
  forget_verdicts (self);
}

/* Forgets what the store answered, as when it says that something changed: a save refused
 * because of a record saved meanwhile asks again before the store's notice comes. */
void
awards_name_guard_forget (AwardsNameGuard *self)
{
  g_return_if_fail (self != NULL);

  forget_verdicts (self);
}

void
awards_name_guard_free (AwardsNameGuard *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < N_KINDS; i++)
    g_clear_pointer (&self->accepted[i], g_hash_table_unref);
  g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_pointer (&self->verdicts, g_hash_table_unref);
  g_clear_pointer (&self->stale, g_hash_table_unref);
  g_clear_pointer (&self->lists, lists_unref);
  self->link->guard = NULL;
  g_clear_pointer (&self->link, link_unref);
  g_clear_object (&self->store);
  g_free (self);
}

/**
 * awards_name_guard_set_answered_func:
 * @self: a guard
 * @func: (nullable): called in this main context when the last check out has come back, or
 *   when the database changed and every check must be made again
 * @user_data: for @func
 *
 * With @func set, a question the guard has no answer for yet is asked on the store's threads:
 * on a server, typing never waits for the network. Until the answer comes the check finds
 * nothing wrong, and awards_name_guard_is_checking () says so; the editor checks again in
 * @func. Without it (the default) every check answers at once.
 */
void
awards_name_guard_set_answered_func (AwardsNameGuard     *self,
                                     AwardsNameGuardFunc  func,
                                     gpointer             user_data)
{
  g_return_if_fail (self != NULL);

  self->answered = func;
  self->answered_data = user_data;
}

/**
 * awards_name_guard_is_checking:
 * @self: a guard
 *
 * Returns: whether a question is still being answered on the store's threads
 */
gboolean
awards_name_guard_is_checking (AwardsNameGuard *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->n_pending > 0;
}

/**
 * awards_name_guard_accept:
 * @self: a guard
 * @kind: what @name names
 * @name: a new name the user keeps on purpose
 */
void
awards_name_guard_accept (AwardsNameGuard *self,
                          AwardsNearKind   kind,
                          const char      *name)
{
  g_return_if_fail (self != NULL && kind < N_KINDS);

  if (name != NULL)
    g_hash_table_add (self->accepted[kind], awards_text_fold (name));
}

static gboolean
is_accepted (AwardsNameGuard *self,
             AwardsNearKind   kind,
             const char      *name)
{
  g_autofree char *folded = awards_text_fold (name);

  return folded != NULL && g_hash_table_contains (self->accepted[kind], folded);
}

/**
 * awards_name_guard_is_accepted:
 * @self: a guard
 * @kind: what @name names
 * @name: a name as typed
 *
 * Returns: whether the user chose to keep @name as new (awards_name_guard_accept ())
 */
gboolean
awards_name_guard_is_accepted (AwardsNameGuard *self,
                               AwardsNearKind   kind,
                               const char      *name)
{
  g_return_val_if_fail (self != NULL && kind < N_KINDS, FALSE);

  return is_accepted (self, kind, name);
}

/* The catalogue of @kind, read the first time; @lists->mutex held. */
static GHashTable *
catalogue (Lists          *lists,
           AwardsNearKind  kind)
{
  g_autoptr (GPtrArray) items = NULL;

  if (lists->catalogue[kind] != NULL)
    return lists->catalogue[kind];

  lists->catalogue[kind] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  items = kind == AWARDS_NEAR_AUTHORITY ? awards_store_list_authorities (lists->store, NULL)
                                        : awards_store_list_award_types (lists->store, NULL);
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      GObject *item = g_ptr_array_index (items, i);
      const char *name = kind == AWARDS_NEAR_AUTHORITY
                         ? awards_authority_get_name (AWARDS_AUTHORITY (item))
                         : awards_award_type_get_name (AWARDS_AWARD_TYPE (item));

      g_hash_table_insert (lists->catalogue[kind], awards_text_name_key (name), g_strdup (name));
    }

  return lists->catalogue[kind];
}

/* On any thread: takes @lists->mutex. */
static GPtrArray *
nearest_names (Lists          *lists,
               AwardsNearKind  kind,
               const char     *name,
               guint           limit,
               gboolean        widen)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) matches = NULL;
  g_autoptr (GMutexLocker) locker = NULL;

  g_return_val_if_fail (kind < AWARDS_NEAR_PERSON, names);

  if (name == NULL)
    return names;

  locker = g_mutex_locker_new (&lists->mutex);
  if (lists->index[kind] == NULL)
    lists->index[kind] = awards_store_load_near_index (lists->store, kind, NULL);
  if (lists->index[kind] == NULL)
    return names;

  matches = awards_near_index_lookup (lists->index[kind], name, limit);
  for (guint i = 0; matches != NULL && i < matches->len; i++)
    {
      AwardsNearMatch *match = g_ptr_array_index (matches, i);

      g_ptr_array_add (names, g_strdup (match->name));
    }

  /* A longer or shorter form of a catalogue name ("Bằng khen của …") is near in meaning. */
  if (widen && kind != AWARDS_NEAR_ORGANISATION && names->len < limit)
    {
      g_autofree char *folded = awards_text_fold (name);
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, catalogue (lists, kind));
      while (folded != NULL && names->len < limit && g_hash_table_iter_next (&iter, NULL, &value))
        {
          g_autofree char *other = awards_text_fold (value);
          gboolean listed = FALSE;

          for (guint i = 0; i < names->len; i++)
            listed = listed || g_strcmp0 (g_ptr_array_index (names, i), value) == 0;
          if (!listed && other != NULL && other[0] != '\0' &&
              (strstr (folded, other) != NULL || strstr (other, folded) != NULL))
            g_ptr_array_add (names, g_strdup (value));
        }
    }

  return names;
}

/**
 * awards_name_guard_nearest:
 * @self: a guard
 * @kind: award types, authorities or organisations
 * @name: a name as typed
 * @limit: the most names to return
 *
 * The stored names nearest to @name: those a typo away first, then, in the catalogue, those
 * that contain @name or are contained in it.
 *
 * Returns: (transfer full) (element-type utf8): the names; empty when none is near
 */
GPtrArray *
awards_name_guard_nearest (AwardsNameGuard *self,
                           AwardsNearKind   kind,
                           const char      *name,
                           guint            limit)
{
  g_return_val_if_fail (self != NULL, g_ptr_array_new_with_free_func (g_free));

  return nearest_names (self->lists, kind, name, limit, TRUE);
}

static char *
check_catalogue (Lists           *lists,
                 AwardsNearKind   kind,
                 const char      *name,
                 char           **suggestion)
{
  g_autoptr (GPtrArray) nearest = NULL;
  g_autofree char *key = awards_text_name_key (name);
  gboolean known;

  /* The store matches catalogue names by this key too: "bằng khen" is "Bằng khen". */
  g_mutex_lock (&lists->mutex);
  known = key != NULL && g_hash_table_contains (catalogue (lists, kind), key);
  g_mutex_unlock (&lists->mutex);
  if (known)
    return NULL;

  nearest = nearest_names (lists, kind, name, 1, FALSE);
  if (nearest->len > 0)
    {
      *suggestion = g_strdup (g_ptr_array_index (nearest, 0));
      return g_strdup_printf (kind == AWARDS_NEAR_AUTHORITY
                              ? _("“%s” is not a known authority. Did you mean “%s”?")
                              : _("“%s” is not in the catalogue of awards. Did you mean “%s”?"),
                              name, *suggestion);
    }

  return g_strdup_printf (kind == AWARDS_NEAR_AUTHORITY
                          ? _("“%s” is not a known authority: pick one, or add it as a new "
                              "authority.")
                          : _("“%s” is not in the catalogue of awards: pick one, or add it as "
                              "a new award type."),
                          name);
}

/* A name normalised and not accepted, on a store that answers; on any thread. */
static char *
check_name (Lists           *lists,
            AwardsNearKind   kind,
            const char      *normalized,
            const char      *organisation,
            char           **suggestion)
{
  g_autofree char *suggested = NULL;
  g_autoptr (GPtrArray) matches = NULL;
  char *message = NULL;

  switch (kind)
    {
    case AWARDS_NEAR_AWARD_TYPE:
    case AWARDS_NEAR_AUTHORITY:
      message = check_catalogue (lists, kind, normalized, &suggested);
      break;

    case AWARDS_NEAR_ORGANISATION:
      {
        g_autoptr (AwardsOrganisation) existing =
          awards_store_find_organisation (lists->store, normalized, NULL);
        g_autoptr (GPtrArray) nearest = NULL;

        if (existing != NULL)
          break;
        nearest = nearest_names (lists, kind, normalized, 1, FALSE);
        if (nearest->len == 0)
          break;
        suggested = g_strdup (g_ptr_array_index (nearest, 0));
        message = g_strdup_printf (_("“%s” is not recorded yet. Did you mean “%s”?"),
                                   normalized, suggested);
      }
      break;

    case AWARDS_NEAR_PERSON:
      {
        g_autoptr (AwardsOrganisation) employer =
          organisation != NULL
          ? awards_store_find_organisation (lists->store, organisation, NULL) : NULL;

        if (employer == NULL)
          break;
        matches = awards_store_find_near_names (lists->store, kind, normalized,
                                                awards_organisation_get_id (employer), 1, NULL);
        if (matches == NULL || matches->len == 0)
          break;
        if (g_strcmp0 (((AwardsNearMatch *) g_ptr_array_index (matches, 0))->name,
                       normalized) == 0)
          break;
        suggested = g_strdup (((AwardsNearMatch *) g_ptr_array_index (matches, 0))->name);
        message = g_strdup_printf (_("%s has no “%s” yet. Did you mean “%s”?"),
                                   awards_organisation_get_name (employer), normalized,
                                   suggested);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  *suggestion = g_steal_pointer (&suggested);
  return message;
}

/* A decision of the same number by the same authority, other than the one being edited. */
static char *
check_number (Lists      *lists,
              const char *number,
              const char *authority_name,
              gint64      own_id)
{
  g_autoptr (AwardsAuthority) authority =
    awards_store_find_authority (lists->store, authority_name, NULL);
  g_autoptr (AwardsDecision) decision = NULL;
  g_autofree char *date = NULL;

  if (authority == NULL)
    return NULL;

  decision = awards_store_find_decision (lists->store, number,
                                         awards_authority_get_id (authority), NULL);
  if (decision == NULL || awards_decision_get_id (decision) == own_id)
    return NULL;

  date = awards_date_format_short (awards_decision_get_date (decision));

  /* Translators: the first %s is a decision number, the second its date, the third the
   * authority that signed it. */
  return g_strdup_printf (_("Decision %s of %s by %s is already recorded."),
                          awards_decision_get_number (decision), date ? date : "",
                          awards_authority_get_name (authority));
}

/* Answers @question against the store; on any thread. */
static Verdict *
answer (Lists          *lists,
        const Question *question)
{
  Verdict *verdict = g_new0 (Verdict, 1);

  switch (question->type)
    {
    case QUESTION_NAME:
      verdict->message = check_name (lists, question->kind, question->text, question->other,
                                     &verdict->suggestion);
      break;

    case QUESTION_NUMBER:
      verdict->message = check_number (lists, question->text, question->other,
                                       question->own_id);
      break;

    case QUESTION_AWARD_TYPE:
      {
        g_autoptr (GError) error = NULL;
        g_autoptr (AwardsAwardType) type =
          awards_store_find_award_type (lists->store, question->text, &error);

        verdict->eligibility = type != NULL ? (int) awards_award_type_get_eligibility (type)
                                            : AWARDS_NAME_GUARD_NOT_IN_CATALOGUE;
        verdict->id = type != NULL ? awards_award_type_get_id (type) : 0;
        /* A catalogue that cannot be read (the server went away) is said so: the award is not
         * missing from it. */
        if (type == NULL && error != NULL &&
            !g_error_matches (error, AWARDS_STORE_ERROR, AWARDS_STORE_ERROR_NOT_FOUND))
          verdict->message = g_strdup (error->message);
      }
      break;

    case QUESTION_ORGANISATION:
      {
        g_autoptr (AwardsOrganisation) organisation =
          awards_store_find_organisation (lists->store, question->text, NULL);

        verdict->id = organisation != NULL ? awards_organisation_get_id (organisation) : 0;
      }
      break;

    case QUESTION_NEAR_ORGANISATION:
      verdict->id = awards_near_record_organisation (lists->store, question->text,
                                                     question->own_id, &verdict->suggestion);
      break;

    case QUESTION_NEAR_PERSON:
      verdict->id = awards_near_record_person (lists->store, question->text, question->other,
                                               question->own_id, &verdict->suggestion);
      break;

    default:
      g_assert_not_reached ();
    }

  return verdict;
}

typedef struct
{
  Lists    *lists;
  Question *question;
  Link     *link;
  char     *key;
  guint     generation;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  lists_unref (job->lists);
  question_free (job->question);
  link_unref (job->link);
  g_free (job->key);
  g_free (job);
}

static void
answer_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;

  g_task_return_pointer (task, answer (job->lists, job->question), verdict_free);
}

static void
answered_cb (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Job *job = g_task_get_task_data (G_TASK (result));
  AwardsNameGuard *self = job->link->guard;
  Verdict *verdict = g_task_propagate_pointer (G_TASK (result), NULL);

  /* The editor is gone, or the database changed since the question was asked. */
  if (self == NULL || job->generation != self->generation || verdict == NULL)
    {
      g_clear_pointer (&verdict, verdict_free);
      return;
    }

  g_hash_table_replace (self->verdicts, g_strdup (job->key), verdict);
  /* The editor checks all its fields again when told: once when the last answer is in, not
   * after each. After a change of the database a 300-row decision asks 900 questions again, and
   * an editor told of every answer checked its 900 fields 900 times. */
  if (--self->n_pending == 0 && self->answered != NULL)
    self->answered (self->answered_data);
}

static Question *
question_new (QuestionType    type,
              AwardsNearKind  kind,
              const char     *text,
              const char     *other,
              gint64          own_id)
{
  Question *question = g_new0 (Question, 1);

  question->type = type;
  question->kind = kind;
  question->text = g_strdup (text);
  question->other = g_strdup (other);
  question->own_id = own_id;
  return question;
}

/* The verdict on a question, kept under the question itself: answered at once, or asked on the
 * store's threads and pending. */
static const Verdict *
ask (AwardsNameGuard *self,
     QuestionType     type,
     AwardsNearKind   kind,
     const char      *text,
     const char      *other,
     gint64           own_id)
{
  char *key = g_strdup_printf ("%d\x1f%d\x1f%" G_GINT64_FORMAT "\x1f%s\x1f%s", type, kind,
                               own_id, text, other != NULL ? other : "");
  Verdict *verdict = g_hash_table_lookup (self->verdicts, key);
  const Verdict *stale;
  g_autoptr (GTask) task = NULL;
  Question *question;
  Job *job;

  if (verdict != NULL)
    {
      g_free (key);
      return verdict;
    }

  question = question_new (type, kind, text, other, own_id);
  if (self->answered == NULL)
    {
      verdict = answer (self->lists, question);
      g_hash_table_insert (self->verdicts, key, verdict);
      question_free (question);
      return verdict;
    }

  verdict = g_new0 (Verdict, 1);
  verdict->pending = TRUE;
  /* Asked again after a change: what it said stands until the new answer is in. */
  if ((stale = g_hash_table_lookup (self->stale, key)) != NULL)
    {
      verdict->message = g_strdup (stale->message);
      verdict->suggestion = g_strdup (stale->suggestion);
    }
  g_hash_table_insert (self->verdicts, g_strdup (key), verdict);
  self->n_pending++;

  job = g_new0 (Job, 1);
  job->lists = lists_ref (self->lists);
  job->question = question;
  job->link = link_ref (self->link);
  job->key = key;
  job->generation = self->generation;
  task = g_task_new (NULL, NULL, answered_cb, NULL);
  g_task_set_task_data (task, job, job_free);
  awards_store_run_task (self->store, AWARDS_WORK_READ, task, answer_thread);
  return verdict;
}

/* A verdict that found a record: its id (0 for none) and the name it suggests, or
 * %AWARDS_NAME_GUARD_CHECKING while it is pending. */
static gint64
found_id (const Verdict  *verdict,
          char          **suggestion)
{
  if (verdict->pending)
    return AWARDS_NAME_GUARD_CHECKING;
  if (suggestion != NULL)
    *suggestion = g_strdup (verdict->suggestion);
  return verdict->id;
}

/**
 * awards_name_guard_check:
 * @self: a guard
 * @kind: what @name names
 * @name: (nullable): the name as typed
 * @organisation: (nullable): for a person, the organisation as typed
 * @suggestion: (out) (transfer full) (optional): the stored name the user probably meant
 *
 * Award types and authorities must be in the catalogue; organisations and people may be new,
 * but not nearly equal to a stored one. Names the user accepted pass. What a check found of a
 * name is kept until the store says "changed". A name still being checked passes for now, or,
 * asked again after a change, keeps what it was told before (see
 * awards_name_guard_set_answered_func ()).
 *
 * Returns: (transfer full) (nullable): what is wrong, or %NULL
 */
char *
awards_name_guard_check (AwardsNameGuard  *self,
                         AwardsNearKind    kind,
                         const char       *name,
                         const char       *organisation,
                         char            **suggestion)
{
  g_autofree char *normalized = awards_text_normalize (name);
  const char *employer;
  const Verdict *verdict;

  g_return_val_if_fail (self != NULL && kind < N_KINDS, NULL);

  if (suggestion != NULL)
    *suggestion = NULL;
  if (normalized == NULL || normalized[0] == '\0' || is_accepted (self, kind, normalized))
    return NULL;
  /* A server that went away cannot say what is recorded: no word rather than a wrong "not in
   * the catalogue"; the save then says why it failed. */
  if (awards_store_watch_lost_connection (self->store))
    return NULL;

  /* Only a person's verdict depends on the organisation. */
  employer = kind == AWARDS_NEAR_PERSON ? organisation : NULL;
  verdict = ask (self, QUESTION_NAME, kind, normalized, employer, 0);
  if (suggestion != NULL)
    *suggestion = g_strdup (verdict->suggestion);
  return g_strdup (verdict->message);
}

/**
 * awards_name_guard_check_number:
 * @self: a guard
 * @number: a decision number as typed
 * @authority: the authority's name as typed
 * @own_id: the decision being edited, which keeps its own number, or 0
 *
 * Returns: (transfer full) (nullable): a sentence when the authority already has a decision of
 *   that number, or %NULL (also while the question is first being answered; asked again after
 *   a change, the sentence it had until the answer is in)
 */
char *
awards_name_guard_check_number (AwardsNameGuard *self,
                                const char      *number,
                                const char      *authority,
                                gint64           own_id)
{
  const Verdict *verdict;

  g_return_val_if_fail (self != NULL, NULL);

  if (number == NULL || authority == NULL || awards_store_watch_lost_connection (self->store))
    return NULL;

  verdict = ask (self, QUESTION_NUMBER, 0, number, authority, own_id);
  return g_strdup (verdict->message);
}

/**
 * awards_name_guard_award_type:
 * @self: a guard
 * @award: an award's name as typed
 * @eligibility: (out) (optional): who may receive it, an #AwardsEligibility
 * @failure: (out) (transfer full) (optional): why the catalogue could not be read, or %NULL
 *
 * Returns: the id of the catalogue's award of that name, 0 when there is none, or
 *   %AWARDS_NAME_GUARD_CHECKING while the question is being answered
 */
gint64
awards_name_guard_award_type (AwardsNameGuard  *self,
                              const char       *award,
                              int              *eligibility,
                              char            **failure)
{
  g_autofree char *key = awards_text_name_key (award);
  const Verdict *verdict;

  g_return_val_if_fail (self != NULL, 0);

  if (eligibility != NULL)
    *eligibility = AWARDS_NAME_GUARD_NOT_IN_CATALOGUE;
  if (failure != NULL)
    *failure = NULL;
  if (key == NULL || key[0] == '\0')
    return 0;

  verdict = ask (self, QUESTION_AWARD_TYPE, 0, award, NULL, 0);
  if (verdict->pending)
    return AWARDS_NAME_GUARD_CHECKING;
  if (eligibility != NULL)
    *eligibility = verdict->eligibility;
  if (failure != NULL)
    *failure = g_strdup (verdict->message);
  return verdict->id;
}

/**
 * awards_name_guard_eligibility:
 * @self: a guard
 * @award: an award's name as typed
 *
 * Returns: the #AwardsEligibility of the catalogue's award of that name,
 *   %AWARDS_NAME_GUARD_NOT_IN_CATALOGUE, or %AWARDS_NAME_GUARD_CHECKING while the question is
 *   being answered
 */
int
awards_name_guard_eligibility (AwardsNameGuard *self,
                               const char      *award)
{
  int eligibility;

  g_return_val_if_fail (self != NULL, AWARDS_NAME_GUARD_NOT_IN_CATALOGUE);

  if (awards_store_watch_lost_connection (self->store))
    return AWARDS_NAME_GUARD_NOT_IN_CATALOGUE;
  if (awards_name_guard_award_type (self, award, &eligibility, NULL) == AWARDS_NAME_GUARD_CHECKING)
    return AWARDS_NAME_GUARD_CHECKING;
  return eligibility;
}

/**
 * awards_name_guard_organisation:
 * @self: a guard
 * @name: an organisation's name as typed
 *
 * Returns: the id of the organisation of that name, 0 when there is none, or
 *   %AWARDS_NAME_GUARD_CHECKING while the question is being answered
 */
gint64
awards_name_guard_organisation (AwardsNameGuard *self,
                                const char      *name)
{
  g_autofree char *normalized = awards_text_normalize (name);

  g_return_val_if_fail (self != NULL, 0);

  if (normalized == NULL || normalized[0] == '\0')
    return 0;

  return found_id (ask (self, QUESTION_ORGANISATION, 0, normalized, NULL, 0), NULL);
}

/**
 * awards_name_guard_near_organisation:
 * @self: a guard
 * @name: (nullable): an organisation's name as typed
 * @own_id: the organisation being edited, or 0 for a new one
 * @existing_name: (out) (transfer full) (optional): the stored name meant
 *
 * As awards_near_record_organisation (), through the guard.
 *
 * Returns: the id of another organisation whose name nearly equals @name, 0, or
 *   %AWARDS_NAME_GUARD_CHECKING while the question is being answered
 */
gint64
awards_name_guard_near_organisation (AwardsNameGuard  *self,
                                     const char       *name,
                                     gint64            own_id,
                                     char            **existing_name)
{
  g_autofree char *normalized = awards_text_normalize (name);

  g_return_val_if_fail (self != NULL, 0);

  if (existing_name != NULL)
    *existing_name = NULL;
  if (normalized == NULL || normalized[0] == '\0')
    return 0;

  return found_id (ask (self, QUESTION_NEAR_ORGANISATION, 0, normalized, NULL, own_id),
                   existing_name);
}

/**
 * awards_name_guard_near_person:
 * @self: a guard
 * @full_name: (nullable): the name as typed
 * @organisation: (nullable): the person's organisation as typed
 * @own_id: the person being edited, or 0 for a new one
 * @existing_name: (out) (transfer full) (optional): the stored name meant
 *
 * As awards_near_record_person (), through the guard.
 *
 * Returns: the id of another person of the organisation whose name nearly equals @full_name,
 *   0, or %AWARDS_NAME_GUARD_CHECKING while the question is being answered
 */
gint64
awards_name_guard_near_person (AwardsNameGuard  *self,
                               const char       *full_name,
                               const char       *organisation,
                               gint64            own_id,
                               char            **existing_name)
{
  g_autofree char *normalized = awards_text_normalize (full_name);

  g_return_val_if_fail (self != NULL, 0);

  if (existing_name != NULL)
    *existing_name = NULL;
  if (normalized == NULL || normalized[0] == '\0' || organisation == NULL)
    return 0;

  return found_id (ask (self, QUESTION_NEAR_PERSON, 0, normalized, organisation, own_id),
                   existing_name);
}
