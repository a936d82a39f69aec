/* awards-cli-server.h: the commands that set up and fill a shared database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "awards-cli-private.h"

G_BEGIN_DECLS

int awards_cli_init_server (AwardsCli  *cli,
                            int         argc,
                            char      **argv);
int awards_cli_copy        (AwardsCli  *cli,
                            int         argc,
                            char      **argv);

G_END_DECLS
