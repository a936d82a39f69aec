/* print-pg-schema.c: prints the PostgreSQL schema script and the tables in copying order, for
 * tests/test-pg-schema.sh
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>
#include <string.h>

#include "awards-schema-pg.h"

/* "print-pg-schema" prints the script; "print-pg-schema --tables", the tables, one a line;
 * "print-pg-schema --checked-references", the references that triggers check, as
 * "table|column|table referred to". */
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
  if (argc == 2 && strcmp (argv[1], "--checked-references") == 0)
    {
      for (const AwardsSchemaPgReference *r = awards_schema_pg_checked_references ();
           r->child != NULL; r++)
        printf ("%s|%s|%s\n", r->child, r->column, r->parent);
      return 0;
    }
  if (argc != 1)
    {
      fprintf (stderr, "usage: %s [--tables | --checked-references]\n", argv[0]);
      return 2;
    }
  fputs (awards_schema_pg_sql (), stdout);
  fputs ("\n", stdout);
  return 0;
}
