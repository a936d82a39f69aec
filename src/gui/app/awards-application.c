/* awards-application.c: the desktop application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "awards-about.h"
#include "awards-application.h"
#include "awards-db.h"
#include "awards-gui-utils.h"
#include "awards-shortcuts-window.h"
#include "awards-store.h"
#include "awards-store-open.h"
#include "awards-window.h"

/**
 * AwardsApplication:
 *
 * Opens the database named by `--database FILE`, else `$COOP_AWARDS_DB`, else the one used
 * last, else the default one in the user's data directory, and shows it in a window. A second
 * launch with another database opens a second window in the running instance.
 */

struct _AwardsApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (AwardsApplication, awards_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "database", 'd', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("The award database to open"), N_("FILE") },
  { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { NULL }
};

/**
 * awards_application_choose_database:
 * @option: (nullable): the `--database` option
 * @environment: (nullable): `$COOP_AWARDS_DB`
 * @last_database: (nullable): the database opened last, if its file still exists
 *
 * Returns: (transfer full): the path of the database to open
 */
char *
awards_application_choose_database (const char *option,
                                    const char *environment,
                                    const char *last_database)
{
  if (option != NULL && option[0] != '\0')
    return g_strdup (option);
  if (environment != NULL && environment[0] != '\0')
    return g_strdup (environment);
  if (last_database != NULL && last_database[0] != '\0' &&
      g_file_test (last_database, G_FILE_TEST_IS_REGULAR))
    return g_strdup (last_database);

  return awards_store_default_path ();
}

static char *
read_last_database (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;
  g_autoptr (GSettings) settings = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    return NULL;

  settings = g_settings_new (APP_ID);
  return g_settings_get_string (settings, "last-database");
}

/**
 * awards_application_resolve_database_option:
 * @option: the `--database` option as typed
 * @cwd: (nullable): where it was typed
 * @error: why it names no database the program can open
 *
 * A server address is kept as it is; a file name is made absolute against @cwd; anything else
 * (an sftp:// location, say) is an error rather than a silent fall-back to another database.
 *
 * Returns: (transfer full) (nullable): the database to open
 */
char *
awards_application_resolve_database_option (const char  *option,
                                            const char  *cwd,
                                            GError     **error)
{
  g_autoptr (GFile) file = NULL;
  char *path;

  g_return_val_if_fail (option != NULL, NULL);

  if (awards_db_name_is_server (option))
    return g_strdup (option);
  file = cwd != NULL ? g_file_new_for_commandline_arg_and_cwd (option, cwd)
                     : g_file_new_for_commandline_arg (option);
  path = g_file_get_path (file);
  if (path == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                 _("“%s” is neither a file on this computer nor the address of a database "
                   "server."), option);
  return path;
}

static AwardsStore *
open_store (const char  *path,
            GError     **error)
{
  g_autofree char *directory = g_path_get_dirname (path);

  /* A server address has no folder to make (it would make one called "postgresql:"). */
  if (awards_db_name_is_server (path))
    return awards_store_open (path, error);
  if (g_mkdir_with_parents (directory, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder %s: %s"), directory,
                   g_strerror (saved_errno));
      return NULL;
    }

  return awards_store_open (path, error);
}

/* A server may take seconds to answer, or never: its window is shown at once, saying so, while
 * the store connects (awards_store_open_async ()). */
typedef struct
{
  char    *path;
  GWeakRef window;
} Opening;

static void
opening_free (Opening *opening)
{
  g_free (opening->path);
  g_weak_ref_clear (&opening->window);
  g_free (opening);
}

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  Opening *opening = data;
  g_autoptr (AwardsWindow) window = g_weak_ref_get (&opening->window);
  g_autoptr (GError) error = NULL;
  g_autoptr (AwardsStore) store = awards_store_open_finish (result, &error);
  g_autofree char *shown = awards_db_name_for_display (opening->path);

  /* A window closed meanwhile wants nothing more. */
  if (window != NULL && gtk_widget_get_realized (GTK_WIDGET (window)))
    {
      g_object_set_data (G_OBJECT (window), "awards-opening", NULL);
      if (store != NULL)
        awards_window_set_store (window, store);
      /* A server that is down or restarting answers later: the window tries again. */
      else
        awards_window_show_open_error_retrying (window, shown, error, opening->path);
    }
  opening_free (opening);
}

static void
open_window (AwardsApplication *self,
             const char        *path)
{
  g_autoptr (AwardsStore) store = NULL;
  g_autoptr (GError) error = NULL;
  AwardsWindow *window;

  /* The same database twice would be two connections fighting over one file. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (AWARDS_IS_WINDOW (l->data))
        {
          AwardsStore *shown = awards_window_get_store (l->data);
          const char *opening = g_object_get_data (G_OBJECT (l->data), "awards-opening");

          if ((shown != NULL && g_strcmp0 (awards_store_get_path (shown), path) == 0) ||
              g_strcmp0 (opening, path) == 0)
            {
              gtk_window_present (GTK_WINDOW (l->data));
              return;
            }
        }
    }

  if (awards_db_name_is_server (path))
    {
      /* A server address may hold a password: never shown. */
      g_autofree char *shown = awards_db_name_for_display (path);
      Opening *opening = g_new0 (Opening, 1);

      window = awards_window_new (GTK_APPLICATION (self), NULL);
      g_object_set_data_full (G_OBJECT (window), "awards-opening", g_strdup (path), g_free);
      awards_window_show_connecting (window, shown);
      gtk_window_present (GTK_WINDOW (window));
      opening->path = g_strdup (path);
      g_weak_ref_init (&opening->window, window);
      awards_store_open_async (path, NULL, opened_cb, opening);
      return;
    }

  store = open_store (path, &error);
  window = awards_window_new (GTK_APPLICATION (self), store);
  if (store == NULL)
    {
      g_autofree char *shown = awards_db_name_for_display (path);

      awards_window_show_open_error (window, shown, error);
    }

  gtk_window_present (GTK_WINDOW (window));
}

static int
awards_application_handle_local_options (GApplication *application,
                                         GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "coop-awards", PACKAGE_VERSION);
      return 0;
    }

  return -1;
}

static int
awards_application_command_line (GApplication            *application,
                                 GApplicationCommandLine *command_line)
{
  AwardsApplication *self = AWARDS_APPLICATION (application);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autofree char *option = NULL;
  g_autofree char *option_path = NULL;
  g_autofree char *last = NULL;
  g_autofree char *path = NULL;

  /* A relative --database is relative to where the command was typed. */
  if (g_variant_dict_lookup (options, "database", "^ay", &option) && option[0] != '\0')
    {
      g_autoptr (GError) error = NULL;

      option_path = awards_application_resolve_database_option (
        option, g_application_command_line_get_cwd (command_line), &error);
      if (option_path == NULL)
        {
          AwardsWindow *window = awards_window_new (GTK_APPLICATION (self), NULL);

          awards_window_show_open_error (window, option, error);
          gtk_window_present (GTK_WINDOW (window));
          return 0;
        }
    }

  last = read_last_database ();
  path = awards_application_choose_database (option_path,
                                             g_application_command_line_getenv (command_line,
                                                                                "COOP_AWARDS_DB"),
                                             last);
  open_window (self, path);

  return 0;
}

static void
awards_application_activate (GApplication *application)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));
  g_autofree char *last = NULL;
  g_autofree char *path = NULL;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  last = read_last_database ();
  path = awards_application_choose_database (NULL, g_getenv ("COOP_AWARDS_DB"), last);
  open_window (AWARDS_APPLICATION (application), path);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *application = GTK_APPLICATION (user_data);

  gtk_window_present (awards_about_window_new (gtk_application_get_active_window (application)));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *application = GTK_APPLICATION (user_data);
  GList *windows = g_list_copy (gtk_application_get_windows (application));

  /* Closing each window lets editors ask about unsaved changes. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_list_free (windows);
}

static void
awards_application_startup (GApplication *application)
{
  static const GActionEntry actions[] = {
    { "about", about_action, NULL, NULL, NULL, { 0 } },
    { "quit", quit_action, NULL, NULL, NULL, { 0 } },
  };
  static const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (awards_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), actions, G_N_ELEMENTS (actions),
                                   application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit",
                                         quit_accels);
}

static void
awards_application_window_added (GtkApplication *application,
                                 GtkWindow      *window)
{
  GtkShortcutsWindow *help_overlay;

  GTK_APPLICATION_CLASS (awards_application_parent_class)->window_added (application, window);

  /* GTK gives each window the shortcuts window of our resources as it is added. */
  help_overlay = GTK_IS_APPLICATION_WINDOW (window)
                 ? gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window))
                 : NULL;
  if (help_overlay != NULL)
    awards_shortcuts_window_translate (GTK_WINDOW (help_overlay));
}

static void
awards_application_class_init (AwardsApplicationClass *klass)
{
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);
  GtkApplicationClass *gtk_application_class = GTK_APPLICATION_CLASS (klass);

  application_class->handle_local_options = awards_application_handle_local_options;
  application_class->command_line = awards_application_command_line;
  application_class->activate = awards_application_activate;
  application_class->startup = awards_application_startup;
  gtk_application_class->window_added = awards_application_window_added;
}

static void
awards_application_init (AwardsApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), NULL);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Record the awards of cooperatives."));
}

/**
 * awards_application_new:
 * @flags: extra flags, such as %G_APPLICATION_NON_UNIQUE for tests
 *
 * Returns: (transfer full): the application
 */
AwardsApplication *
awards_application_new (GApplicationFlags flags)
{
  awards_gui_ensure_resources ();

  return g_object_new (AWARDS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE | flags,
                       "resource-base-path", "/io/github/coopawards/CoopAwards",
                       NULL);
}
