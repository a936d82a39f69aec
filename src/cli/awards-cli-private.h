/* awards-cli-private.h: what the commands of coop-awards-cli share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "awards-cli.h"
#include "awards-store.h"

G_BEGIN_DECLS

typedef struct _AwardsCli AwardsCli;

/* argv[0] is the command word; the result is the exit status. */
typedef int (*AwardsCliCommandFunc) (AwardsCli  *cli,
                                     int         argc,
                                     char      **argv);

typedef struct
{
  const char           *name;
  const char           *parameters;   /* translatable, after the command word: "FILE.csv" */
  const char           *summary;      /* translatable, one line */
  AwardsCliCommandFunc  run;
} AwardsCliCommand;

/* The state of one run of the tool. */
struct _AwardsCli
{
  const AwardsCliCommand *command;
  char                   *database;   /* from --database, or NULL for the default */
};

/* What a command accepts besides --database and --help. */
typedef struct
{
  const GOptionEntry *entries;        /* the command's own options, or NULL */
  const char         *description;    /* translatable text after the options, or NULL */
  guint               min_args;
  guint               max_args;
  gboolean            args_are_text;  /* text (converted to UTF-8) rather than file names */
} AwardsCliSyntax;

gboolean       awards_cli_parse          (AwardsCli              *cli,
                                          const AwardsCliSyntax  *syntax,
                                          int                     argc,
                                          char                  **argv,
                                          GStrv                  *args,
                                          int                    *status);
int            awards_cli_usage_error    (AwardsCli              *cli,
                                          const char             *format,
                                          ...) G_GNUC_PRINTF (2, 3);
int            awards_cli_fail           (AwardsCli              *cli,
                                          const GError           *error);
int            awards_cli_fail_message   (AwardsCli              *cli,
                                          const char             *format,
                                          ...) G_GNUC_PRINTF (2, 3);
AwardsStore   *awards_cli_open_store     (AwardsCli              *cli,
                                          GError                **error);
gboolean       awards_cli_is_empty_file  (const char             *path);
AwardsStore   *awards_cli_open_store_for_reading (AwardsCli      *cli,
                                                  GError        **error);
char          *awards_cli_get_database   (AwardsCli              *cli);
char          *awards_cli_join_args      (GStrv                   args);
AwardsOrganisation *
               awards_cli_find_organisation (AwardsStore         *store,
                                             const char          *name_or_id,
                                             GError             **error);
AwardsAuthority *
               awards_cli_find_authority    (AwardsStore         *store,
                                             const char          *name,
                                             GError             **error);

/* Output for results: --output FILE (replaced only when everything was written) or stdout. */
gboolean       awards_cli_output_is_terminal (const char         *path);
GOutputStream *awards_cli_output_open        (const char         *path,
                                              GError            **error);
gboolean       awards_cli_output_finish      (GOutputStream      *output,
                                              gboolean            success,
                                              GError            **error);

int            awards_cli_import         (AwardsCli              *cli,
                                          int                     argc,
                                          char                  **argv);
int            awards_cli_export         (AwardsCli              *cli,
                                          int                     argc,
                                          char                  **argv);
int            awards_cli_search         (AwardsCli              *cli,
                                          int                     argc,
                                          char                  **argv);
int            awards_cli_organisation   (AwardsCli              *cli,
                                          int                     argc,
                                          char                  **argv);
int            awards_cli_report         (AwardsCli              *cli,
                                          int                     argc,
                                          char                  **argv);
int            awards_cli_backup         (AwardsCli              *cli,
                                          int                     argc,
                                          char                  **argv);
int            awards_cli_restore        (AwardsCli              *cli,
                                          int                     argc,
                                          char                  **argv);
int            awards_cli_check          (AwardsCli              *cli,
                                          int                     argc,
                                          char                  **argv);
int            awards_cli_history        (AwardsCli              *cli,
                                          int                     argc,
                                          char                  **argv);
int            awards_cli_settings       (AwardsCli              *cli,
                                          int                     argc,
                                          char                  **argv);
int            awards_cli_certificates   (AwardsCli              *cli,
                                          int                     argc,
                                          char                  **argv);

G_END_DECLS
