/* awards-fault-vfs.h: an SQLite VFS for the tests that fails the Nth write or sync, or loses
 * power there, as SQLite's own test harness does
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  AWARDS_FAULT_NONE,
  AWARDS_FAULT_WRITE,       /* the Nth write (or truncate) fails; the rest go through */
  AWARDS_FAULT_SYNC,        /* the Nth sync fails, and what it should have made durable is lost */
  AWARDS_FAULT_POWER_LOSS,  /* at the Nth sync the power goes: unsynced writes are gone */
  AWARDS_FAULT_MALLOC,      /* SQLite's Nth memory allocation fails */
} AwardsFaultKind;

void     awards_fault_install      (void);
void     awards_fault_arm          (AwardsFaultKind kind,
                                    guint           n);
void     awards_fault_disarm       (void);
gboolean awards_fault_fired        (void);
gboolean awards_fault_power_is_off (void);
void     awards_fault_restore_power (void);
guint    awards_fault_count        (AwardsFaultKind kind);

G_END_DECLS
