/* awards-test-pg.c: fresh PostgreSQL databases for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libpq-fe.h>
#include <string.h>
#include <unistd.h>

#include "awards-db.h"
#include "awards-db-copy.h"
#include "awards-db-schema.h"
#include "awards-test-pg.h"

/* The maintenance connection string with its database replaced by @database, in libpq's keyword
 * form, which works whatever form the maintenance string had. */
static char *
with_database (const char *maintenance,
               const char *database)
{
  g_autoptr(GString) out = g_string_new (NULL);
  PQconninfoOption *options = PQconninfoParse (maintenance, NULL);

  g_assert_nonnull (options);
  for (PQconninfoOption *option = options; option->keyword != NULL; option++)
    {
      const char *value = g_str_equal (option->keyword, "dbname") ? database : option->val;

      if (value == NULL)
        continue;
      g_string_append_printf (out, "%s%s='", out->len > 0 ? " " : "", option->keyword);
      for (const char *p = value; *p != '\0'; p++)
        {
          if (*p == '\'' || *p == '\\')
            g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '\'');
    }
  if (!g_str_has_prefix (out->str, "dbname") && strstr (out->str, "dbname=") == NULL)
    g_string_append_printf (out, " dbname='%s'", database);
  PQconninfoFree (options);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

#define NO_SERVER \
  "no PostgreSQL test server (COOP_AWARDS_TEST_PG is unset; tools/test starts one when the " \
  "server is installed)"

gboolean
awards_test_pg_available (void)
{
  const char *maintenance = g_getenv ("COOP_AWARDS_TEST_PG");

  return maintenance != NULL && *maintenance != '\0';
}

void
awards_test_pg_skip (void)
{
  g_test_skip (NO_SERVER);
}

char *
awards_test_pg_new_database (char **why)
{
  static guint counter;
  const char *maintenance = g_getenv ("COOP_AWARDS_TEST_PG");
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsDb) db = NULL;
  g_autofree char *database = NULL;
  g_autofree char *create = NULL;

  if (maintenance == NULL || *maintenance == '\0')
    {
      if (why != NULL)
        *why = g_strdup (NO_SERVER);
      return NULL;
    }

  db = awards_db_open (maintenance, 0, &error);
  g_assert_no_error (error);
  database = g_strdup_printf ("awards_test_%d_%u_%u", (int) getpid (), ++counter,
                              g_random_int_range (0, 1000000));
  create = g_strdup_printf ("CREATE DATABASE %s TEMPLATE template0 ENCODING 'UTF8' "
                            "LC_COLLATE 'C' LC_CTYPE 'C'", database);
  awards_db_exec (db, create, &error);
  g_assert_no_error (error);
  return with_database (maintenance, database);
}

void
awards_test_pg_drop_database (const char *name)
{
  const char *maintenance = g_getenv ("COOP_AWARDS_TEST_PG");
  g_autoptr(GError) error = NULL;
  g_autoptr(AwardsDb) db = NULL;
  g_autofree char *drop = NULL;
  PQconninfoOption *options;
  const char *database = NULL;

  if (name == NULL || maintenance == NULL)
    return;
  options = PQconninfoParse (name, NULL);
  for (PQconninfoOption *option = options; option != NULL && option->keyword != NULL; option++)
    if (g_str_equal (option->keyword, "dbname"))
      database = option->val;
  g_assert_nonnull (database);
  drop = g_strdup_printf ("DROP DATABASE IF EXISTS %s WITH (FORCE)", database);
  PQconninfoFree (options);

  db = awards_db_open (maintenance, 0, &error);
  g_assert_no_error (error);
  awards_db_exec (db, drop, &error);
  g_assert_no_error (error);
}

/* Sets up @server (from awards_test_pg_new_database ()) as the program's database and copies
 * the database file @path into it, as `coop-awards-cli copy` does. */
void
awards_test_pg_copy_file (const char *path,
                          const char *server)
{
  g_autoptr (GError) error = NULL;
  AwardsDbCopyResult copied;
  gboolean created = FALSE;

  awards_server_init (server, &created, NULL, &error);
  g_assert_no_error (error);
  awards_db_copy (path, server, NULL, NULL, &copied, &error);
  g_assert_no_error (error);
}
