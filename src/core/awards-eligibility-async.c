/* awards-eligibility-async.c: the year-end review computed on the store's threads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "awards-eligibility-async.h"
#include "awards-store-async-private.h"

/*
 * A review reads the whole award history of every recipient: seconds on a large database. It
 * runs on the pool of long work, so that the window goes on answering and the lists and
 * searches keep their own threads.
 */

static gboolean
run_review (AwardsStore  *store,
            Call         *call,
            GError      **error)
{
  /* The year travels in the id of the copied arguments. */
  call->result = awards_eligibility_run (store, call->data, (int) call->id, call->search, error);
  return call->result != NULL;
}

/**
 * awards_eligibility_run_async:
 * @rules: (transfer full): the rules to apply, kept by the call until it is done
 * @award: (nullable): only the candidates of this award
 *
 * Computes what awards_eligibility_run() computes, on the store's threads.
 */
void
awards_eligibility_run_async (AwardsStore         *store,
                              AwardsRules         *rules,
                              int                  year,
                              const char          *award,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  Call *call;

  g_return_if_fail (AWARDS_IS_STORE (store));
  g_return_if_fail (rules != NULL);

  call = awards_store_call_new (run_review, (GDestroyNotify) g_ptr_array_unref);
  call->data = rules;
  call->data_free = (GDestroyNotify) awards_rules_free;
  call->id = year;
  call->search = g_strdup (award);
  awards_store_call_run (store, AWARDS_WORK_LONG, awards_eligibility_run_async, call,
                         cancellable, callback, user_data);
}

/**
 * awards_eligibility_run_finish:
 *
 * Returns: (transfer full) (element-type AwardsCandidate): the candidates, or %NULL with
 *   @error set
 */
GPtrArray *
awards_eligibility_run_finish (AwardsStore   *store,
                               GAsyncResult  *result,
                               GError       **error)
{
  return awards_store_call_finish_pointer (store, result, awards_eligibility_run_async, error);
}
