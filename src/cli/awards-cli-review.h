/* awards-cli-review.h: the commands of the year-end review
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "awards-cli-private.h"

G_BEGIN_DECLS

int awards_cli_import_ratings     (AwardsCli  *cli,
                                   int         argc,
                                   char      **argv);
int awards_cli_eligible           (AwardsCli  *cli,
                                   int         argc,
                                   char      **argv);
int awards_cli_staff_class       (AwardsCli  *cli,
                                   int         argc,
                                   char      **argv);
int awards_cli_authority_level   (AwardsCli  *cli,
                                   int         argc,
                                   char      **argv);
/* `report statistics …`, called by the report command with argv[0] = "statistics". */
int awards_cli_report_statistics  (AwardsCli  *cli,
                                   int         argc,
                                   char      **argv);

/* The reporting year that today falls in, as ISO dates. */
void awards_cli_current_reporting_year (char  **date_from,
                                        char  **date_to);

G_END_DECLS
