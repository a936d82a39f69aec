/* print-pg-schema.c: prints the PostgreSQL schema script and the tables in copying order, for
 * tests/test-pg-schema.sh
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>
#include <string.h>

#include "awards-schema-pg.h"

/* "print-pg-schema" prints the script; "print-pg-schema --tables", the tables, one a line. */
int
main (int   argc,
      char *argv[])
{
  if (argc == 2 && strcmp (argv[1], "--tables") == 0)
    {
      for (const char *const *table = awards_schema_pg_tables (); *table != NULL; table++)
        printf ("%s\n", *table);
      return 0;
    }
  if (argc != 1)
    {
      fprintf (stderr, "usage: %s [--tables]\n", argv[0]);
      return 2;
    }
  fputs (awards_schema_pg_sql (), stdout);
  fputs ("\n", stdout);
  return 0;
}
