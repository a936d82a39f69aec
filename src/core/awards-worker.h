/* awards-worker.h: the threads of the program, owned by src/core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * What a piece of work is, which decides the pool it runs on: short reads never queue behind a
 * report, an export or an import, and writes run one at a time in the order they were asked.
 */
typedef enum
{
  AWARDS_WORK_READ,      /* a list page, a count, a search, a record: milliseconds */
  AWARDS_WORK_WRITE,     /* a save or a delete */
  AWARDS_WORK_LONG,      /* a report, an export, an import, a preview: seconds to minutes */
} AwardsWorkKind;

void awards_worker_run_task (AwardsWorkKind   kind,
                             GTask           *task,
                             GTaskThreadFunc  func);

typedef struct _AwardsWorkerThread AwardsWorkerThread;

AwardsWorkerThread *awards_worker_thread_start (GThreadFunc         func,
                                                gpointer            data);
gpointer            awards_worker_thread_join  (AwardsWorkerThread *thread);

G_END_DECLS
