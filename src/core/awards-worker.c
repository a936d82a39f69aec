/* awards-worker.c: the threads of the program, owned by src/core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "awards-worker.h"

/*
 * Every thread that works for the store, and every helper thread of the readers and writers
 * built on it, comes from these pools, so that nothing above src/core starts a thread of its
 * own. Each kind of work has its own pool, sized so that one kind cannot take the threads of
 * another: a report that runs for a minute leaves the list pages and searches of the window
 * their own threads, and the store gives each of them its own read-only connection. The pools
 * share GLib's idle threads (they are not exclusive) and live as long as the process.
 */

#define READ_THREADS 4
#define WRITE_THREADS 1     /* writes queue here rather than on the write lock */
#define LONG_THREADS 4

typedef struct
{
  GTask           *task;
  GTaskThreadFunc  func;
} Job;

static void
run_job (gpointer data,
         gpointer pool_data)
{
  Job *job = data;

  /* A job that was cancelled while it waited has nothing left to do. */
  if (!g_task_return_error_if_cancelled (job->task))
    job->func (job->task, g_task_get_source_object (job->task), g_task_get_task_data (job->task),
               g_task_get_cancellable (job->task));
  g_object_unref (job->task);
  g_free (job);
}

static GThreadPool *
new_pool (int max_threads)
{
  g_autoptr(GError) error = NULL;
  GThreadPool *pool = g_thread_pool_new (run_job, NULL, max_threads, FALSE, &error);

  /* A non-exclusive pool starts no thread here, so it cannot fail. */
  g_assert_no_error (error);
  return pool;
}

static GThreadPool *
get_pool (AwardsWorkKind kind)
{
  static GThreadPool *pools[3];
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      pools[AWARDS_WORK_READ] = new_pool (READ_THREADS);
      pools[AWARDS_WORK_WRITE] = new_pool (WRITE_THREADS);
      pools[AWARDS_WORK_LONG] = new_pool (LONG_THREADS);
      g_once_init_leave (&initialized, 1);
    }
  g_return_val_if_fail (kind <= AWARDS_WORK_LONG, pools[AWARDS_WORK_LONG]);
  return pools[kind];
}

/**
 * awards_worker_run_task:
 * @kind: what the work is
 * @task: the task; its callback runs in the main context it was created in
 * @func: the work, run in a thread of the pool for @kind; it returns the task's result
 *
 * Runs @func as g_task_run_in_thread () would, but on src/core's pool for @kind.
 */
void
awards_worker_run_task (AwardsWorkKind   kind,
                        GTask           *task,
                        GTaskThreadFunc  func)
{
  Job *job;

  g_return_if_fail (G_IS_TASK (task));
  g_return_if_fail (func != NULL);

  job = g_new0 (Job, 1);
  job->task = g_object_ref (task);
  job->func = func;
  g_thread_pool_push (get_pool (kind), job, NULL);
}

/*
 * A helper thread that runs beside its caller for the caller's duration, as a parser that feeds
 * the importer: it gets a thread of its own (the pool has no bound), since the caller waits for
 * it and a bounded pool could leave it waiting for its own caller.
 */
struct _AwardsWorkerThread
{
  GThreadFunc  func;
  gpointer     data;
  gpointer     result;
  gboolean     done;
  GMutex       mutex;
  GCond        cond;
};

static void
run_helper (gpointer data,
            gpointer pool_data)
{
  AwardsWorkerThread *thread = data;
  gpointer result = thread->func (thread->data);

  g_mutex_lock (&thread->mutex);
  thread->result = result;
  thread->done = TRUE;
  g_cond_signal (&thread->cond);
  g_mutex_unlock (&thread->mutex);
}

static GThreadPool *
get_helper_pool (void)
{
  static GThreadPool *pool;
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      g_autoptr(GError) error = NULL;

      pool = g_thread_pool_new (run_helper, NULL, -1, FALSE, &error);
      g_assert_no_error (error);
      g_once_init_leave (&initialized, 1);
    }
  return pool;
}

/**
 * awards_worker_thread_start:
 * @func: the work
 * @data: its data
 *
 * Returns: (transfer full): the running work, to be given to awards_worker_thread_join ()
 */
AwardsWorkerThread *
awards_worker_thread_start (GThreadFunc func,
                            gpointer    data)
{
  AwardsWorkerThread *thread;

  g_return_val_if_fail (func != NULL, NULL);

  thread = g_new0 (AwardsWorkerThread, 1);
  thread->func = func;
  thread->data = data;
  g_mutex_init (&thread->mutex);
  g_cond_init (&thread->cond);
  g_thread_pool_push (get_helper_pool (), thread, NULL);
  return thread;
}

/**
 * awards_worker_thread_join:
 * @thread: (transfer full): what awards_worker_thread_start () returned
 *
 * Waits for the work to end; what it wrote is visible to the caller afterwards.
 *
 * Returns: what the work returned
 */
gpointer
awards_worker_thread_join (AwardsWorkerThread *thread)
{
  gpointer result;

  g_return_val_if_fail (thread != NULL, NULL);

  g_mutex_lock (&thread->mutex);
  while (!thread->done)
    g_cond_wait (&thread->cond, &thread->mutex);
  result = thread->result;
  g_mutex_unlock (&thread->mutex);

  g_mutex_clear (&thread->mutex);
  g_cond_clear (&thread->cond);
  g_free (thread);
  return result;
}
