/* awards-cli.h: the coop-awards-cli command-line tool
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The exit status of coop-awards-cli, as DESIGN.md promises to scripts. */
typedef enum
{
  AWARDS_CLI_EXIT_SUCCESS = 0,
  AWARDS_CLI_EXIT_FAILURE = 1,   /* the input or the data is wrong */
  AWARDS_CLI_EXIT_USAGE   = 2,   /* unknown command or option, missing or malformed argument */
} AwardsCliExit;

int awards_cli_run (int    argc,
                    char **argv);

G_END_DECLS
