/* test-window-server.c: the main window on a database on the test server (skipped when tools/test
 * could not start one)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <unistd.h>

#include <adwaita.h>

#include "gui-test-home.h"
#include "awards-browse-view.h"
#include "awards-commendation-editor.h"
#include "awards-completion.h"
#include "awards-decision-editor-private.h"
#include "awards-decision-filter-bar.h"
#include "awards-decision-page.h"
#include "awards-reports-page.h"
#include "awards-db.h"
#include "awards-gui-utils.h"
#include "awards-import-dialog.h"
#include "awards-organisation-editor.h"
#include "awards-preferences-window.h"
#include "awards-review-data-box.h"
#include "awards-store-open.h"
#include "awards-store-watch.h"
#include "awards-window-private.h"
#include "awards-test-pg.h"
#include "awards-test-util.h"

typedef struct
{
  char         *dir;
  char         *server;
  AwardsStore  *store;
  AwardsWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AwardsStore) file_store = NULL;
  g_autofree char *why = NULL;
  g_autofree char *path = NULL;
  fixture->server = awards_test_pg_new_database (&why);
  if (fixture->server == NULL)
    {
      g_test_skip (why);
      return;
    }
  fixture->dir = g_dir_make_tmp ("test-window-server-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "office.db", NULL);
  file_store = awards_store_open (path, &error);
  g_assert_no_error (error);
  awards_test_seed (file_store);
  g_clear_object (&file_store);

  awards_test_pg_copy_file (path, fixture->server);
  /* A database set up before changes were recorded on a server is one the window only reads. */
  if (GPOINTER_TO_INT (data))
    {
      g_autoptr (AwardsDb) db = awards_db_open (fixture->server, 0, &error);

      g_assert_no_error (error);
      awards_db_exec (db, "DROP TRIGGER commendation_capture ON commendation", &error);
      g_assert_no_error (error);
    }

  fixture->store = awards_store_open (fixture->server, &error);
  g_assert_no_error (error);
  fixture->window = g_object_ref_sink (awards_window_new (NULL, fixture->store));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  awards_test_settle (20);
  g_clear_object (&fixture->store);
  awards_test_pg_drop_database (fixture->server);
  if (fixture->dir != NULL)
    awards_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->server);
}

/* The first widget under @widget that is a button for @action. */
static GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action)
{
  if (GTK_IS_ACTIONABLE (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The mapped label under @widget whose text begins with @start. */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *start)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), start))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, start);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The label under @widget that says @text, shown or not. */
static GtkWidget *
find_any_label (GtkWidget  *widget,
                const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_any_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
list_has_name (GListModel *model,
               const char *name)
{
  guint n = model != NULL ? g_list_model_get_n_items (model) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (AwardsOrganisation) organisation = g_list_model_get_item (model, i);

      if (organisation != NULL && g_strcmp0 (awards_organisation_get_name (organisation), name) == 0)
        return TRUE;
    }
  return FALSE;
}

static GListModel *
organisations (Fixture *fixture)
{
  AwardsBrowseView *view = awards_window_get_browse_view (fixture->window, "organisations");

  return G_LIST_MODEL (awards_browse_view_get_model (view));
}

/* A clerk's window on the office database offers every change. */
static void
test_clerk (Fixture       *fixture,
            gconstpointer  data)
{
  GtkWidget *import_button;

  if (fixture->server == NULL)
    return;
  g_assert_false (awards_store_is_read_only (fixture->store));
  AWARDS_TEST_WAIT_UNTIL (list_has_name (organisations (fixture), "HTX Bạch Đằng"), 5);
  import_button = find_action_button (GTK_WIDGET (fixture->window), "win.import");
  g_assert_nonnull (import_button);
  g_assert_true (gtk_widget_is_sensitive (import_button));
  g_assert_null (find_label (GTK_WIDGET (fixture->window), "Read only"));
}

/* The leader's login may only read: the records are shown, every change is off, and the window
 * says why. */
static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GRegex) user = NULL;
  g_autoptr (AwardsStore) store = NULL;
  g_autofree char *as_reader = NULL;
  g_autofree char *role = NULL;
  g_autofree char *grant = NULL;
  g_autofree char *login = NULL;
  AwardsWindow *window;
  GtkWidget *import_button;
  GtkWidget *bar;

  if (fixture->server == NULL)
    return;
  /* A login that may read the tables and nothing more, as office-roles.sql gives the leader. */
  role = g_strdup_printf ("leader_%d", (int) getpid ());
  grant = g_strdup_printf ("DROP ROLE IF EXISTS %s; CREATE ROLE %s LOGIN;"
                           " GRANT SELECT ON ALL TABLES IN SCHEMA public TO %s",
                           role, role, role);
  {
    g_autoptr (AwardsDb) owner = awards_db_open (fixture->server, 0, &error);

    g_assert_no_error (error);
    awards_db_exec (owner, grant, &error);
    g_assert_no_error (error);
  }
  user = g_regex_new ("user='[^']*'", 0, 0, &error);
  g_assert_no_error (error);
  login = g_strdup_printf ("user='%s'", role);
  as_reader = g_regex_replace_literal (user, fixture->server, -1, 0, login, 0, &error);
  g_assert_no_error (error);

  store = awards_store_open (as_reader, &error);
  g_assert_no_error (error);
  g_assert_true (awards_store_is_read_only (store));
  window = g_object_ref_sink (awards_window_new (NULL, store));
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  import_button = find_action_button (GTK_WIDGET (window), "win.import");
  g_assert_nonnull (import_button);
  g_assert_false (gtk_widget_is_sensitive (import_button));
  /* No New button, whose menu would hold only greyed items. */
  g_assert_true (ADW_IS_SPLIT_BUTTON (find_action_button (GTK_WIDGET (window),
                                                          "win.new-decision")));
  g_assert_false (gtk_widget_get_visible (find_action_button (GTK_WIDGET (window),
                                                              "win.new-decision")));
  AWARDS_TEST_WAIT_UNTIL ((bar = find_label (GTK_WIDGET (window), "Read only")), 5);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (bar)), "may read"));
  /* Ctrl+N and the menu go through the action, which does nothing now. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-decision", NULL);
  awards_test_settle (10);
  g_assert_null (awards_window_get_editor (window));
  /* The office profile, which the leader's documents print, opens to be read, not changed. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL));
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    GtkWindow *preferences = NULL;
    GtkWidget *row;

    for (guint i = 0; preferences == NULL && i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr (GtkWindow) each = g_list_model_get_item (toplevels, i);

        if (AWARDS_IS_PREFERENCES_WINDOW (each))
          preferences = each;
      }
    g_assert_nonnull (preferences);
    row = awards_preferences_window_get_row (AWARDS_PREFERENCES_WINDOW (preferences),
                                             "office.name");
    g_assert_nonnull (row);
    g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (row)));
    g_assert_nonnull (find_label (GTK_WIDGET (preferences), "Read only"));
    gtk_window_destroy (preferences);
  }
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  awards_test_settle (20);

  /* The year-end records of a recipient are shown without the rows that would add to them. */
  {
    g_autoptr (AwardsOrganisation) bach_dang =
      awards_store_find_organisation (store, "HTX Bạch Đằng", &error);
    GtkWidget *box = g_object_ref_sink (g_object_new (AWARDS_TYPE_REVIEW_DATA_BOX, NULL));
    GtkWidget *label;

    g_assert_no_error (error);
    awards_review_data_box_set_recipient (AWARDS_REVIEW_DATA_BOX (box), store,
                                          AWARDS_RECIPIENT_KIND_COLLECTIVE,
                                          awards_organisation_get_id (bach_dang));
    label = find_any_label (box, "Add a rating");
    g_assert_nonnull (label);
    g_assert_false (gtk_widget_is_visible (label));
    awards_review_data_box_set_recipient (AWARDS_REVIEW_DATA_BOX (box), fixture->store,
                                          AWARDS_RECIPIENT_KIND_COLLECTIVE,
                                          awards_organisation_get_id (bach_dang));
    g_assert_true (gtk_widget_is_visible (label));
    g_object_unref (box);
    awards_test_settle (20);
  }
}

/* A database set up by the first server version cannot record who changes what: the window
 * only reads it, and says how its owner brings it up to date. */
static void
test_earlier_database (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *import_button;
  GtkWidget *bar;

  if (fixture->server == NULL)
    return;
  g_assert_true (awards_store_is_read_only (fixture->store));
  AWARDS_TEST_WAIT_UNTIL (list_has_name (organisations (fixture), "HTX Bạch Đằng"), 5);
  import_button = find_action_button (GTK_WIDGET (fixture->window), "win.import");
  g_assert_nonnull (import_button);
  g_assert_false (gtk_widget_is_sensitive (import_button));
  AWARDS_TEST_WAIT_UNTIL ((bar = find_label (GTK_WIDGET (fixture->window), "Read only")), 5);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (bar)), "init-server"));
}

/* Another client's commit reaches the open window through the server's notifications, within
 * two seconds (more under the sanitizers: awards_test_timeout_scale ()). */
static void
test_other_client (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AwardsDb) other = NULL;

  if (fixture->server == NULL)
    return;
  AWARDS_TEST_WAIT_UNTIL (list_has_name (organisations (fixture), "HTX Bạch Đằng"), 5);
  /* The listener is set up when the window is given its store; let it settle first. */
  awards_test_settle (10);

  other = awards_db_open (fixture->server, 0, &error);
  g_assert_no_error (error);
  awards_db_exec (other,
                  "UPDATE organisation SET name = 'HTX Bạch Đằng Xanh'"
                  " WHERE name = 'HTX Bạch Đằng'", &error);
  g_assert_no_error (error);

  AWARDS_TEST_WAIT_UNTIL (list_has_name (organisations (fixture), "HTX Bạch Đằng Xanh"), 2);
  g_assert_false (list_has_name (organisations (fixture), "HTX Bạch Đằng"));
}

/* The server goes away while the window is open (stopped, restarted, the network cut): the
 * window says so in a sentence and offers no change it could not save, instead of showing
 * empty pages without a word. Terminating the database's sessions is what a stop does to them. */
static void
test_server_lost (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AwardsDb) other = NULL;
  g_autoptr (AwardsOrganisation) organisation = NULL;
  AwardsOrganisationEditor *editor;
  GtkWidget *import_button;
  GtkWidget *bar;
  GtkWidget *toast;
  g_autoptr (GPtrArray) awards = NULL;
  AwardsCommendation *award;
  AwardsCommendationEditor *award_editor;
  GtkLabel *message;
  AwardsQuery query;
  GtkWidget *reconnect;
  g_autoptr (AwardsStore) lost_store = NULL;

  if (fixture->server == NULL)
    return;
  /* Only the clerk's Connect Again, here: the window's own tries have a test of their own. */
  awards_window_set_reconnect_interval (fixture->window, 0);
  AWARDS_TEST_WAIT_UNTIL (list_has_name (organisations (fixture), "HTX Bạch Đằng"), 5);
  awards_test_settle (10);
  /* A clerk is correcting an organisation when it happens. */
  organisation = awards_store_find_organisation (fixture->store, "HTX Bạch Đằng", NULL);
  g_assert_nonnull (organisation);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.edit-organisation", "x",
                              awards_organisation_get_id (organisation));
  AWARDS_TEST_WAIT_UNTIL (AWARDS_IS_ORGANISATION_EDITOR (awards_window_get_editor (
                            fixture->window)), 5);
  editor = AWARDS_ORGANISATION_EDITOR (awards_window_get_editor (fixture->window));
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  import_button = find_action_button (GTK_WIDGET (fixture->window), "win.import");
  g_assert_nonnull (import_button);
  g_assert_true (gtk_widget_is_sensitive (import_button));
  awards_query_init (&query);
  awards = awards_store_list_commendations (fixture->store, &query, AWARDS_ORDER_ANNEX, NULL);
  g_assert_cmpuint (awards->len, >, 0);
  award = awards->pdata[0];

  other = awards_db_open (fixture->server, 0, &error);
  g_assert_no_error (error);
  awards_db_exec (other,
                  "SELECT pg_terminate_backend (pid) FROM pg_stat_activity"
                  " WHERE datname = current_database () AND pid <> pg_backend_pid ()", &error);
  g_assert_no_error (error);

  AWARDS_TEST_WAIT_UNTIL ((bar = find_label (GTK_WIDGET (fixture->window),
                                             "The connection to the database server")), 5);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (bar)), "was lost"));
  g_assert_false (gtk_widget_is_sensitive (import_button));
  /* The editor says why it cannot save, and not that the record was deleted. */
  AWARDS_TEST_WAIT_UNTIL ((toast = find_label (GTK_WIDGET (editor),
                                               "The connection to the database server")), 5);
  g_assert_null (find_label (GTK_WIDGET (editor), "This record was deleted"));
  /* The clerk goes on typing, and keeps it open until the server is back. */
  gtk_editable_set_text (awards_organisation_editor_get_entry (editor, "address"),
                         "Thôn Đông, xã Lập Lễ");

  /* An award's editor saved now says that the catalogue could not be read, not that the award
   * is missing from it, and asks no question about others' changes. */
  award_editor = awards_commendation_editor_new (GTK_WINDOW (fixture->window), fixture->store,
                                                 award);
  gtk_window_present (GTK_WINDOW (award_editor));
  gtk_editable_set_text (awards_commendation_editor_get_entry (award_editor, "period"), "2015");
  gtk_widget_activate_action (GTK_WIDGET (award_editor), "editor.save", NULL);
  /* The catalogue is asked on the store's threads: the message comes with the answer. */
  AWARDS_TEST_WAIT_UNTIL ((message = awards_commendation_editor_get_message (award_editor,
                                                                            "award-name")) &&
                          gtk_widget_get_visible (GTK_WIDGET (message)) &&
                          gtk_label_get_text (message)[0] != '\0', 5);
  g_assert_nonnull (strstr (gtk_label_get_text (message),
                            "connection to the database server was lost"));
  g_assert_null (strstr (gtk_label_get_text (message), "There is no award"));
  gtk_window_destroy (GTK_WINDOW (award_editor));

  /* The server answers again (only its sessions were ended): Connect Again gives the window a
   * new connection, and changes are on again. */
  reconnect = find_action_button (GTK_WIDGET (fixture->window), "win.reconnect");
  g_assert_nonnull (reconnect);
  g_assert_true (gtk_widget_get_visible (reconnect));
  lost_store = g_object_ref (awards_window_get_store (fixture->window));
  gtk_widget_activate (reconnect);
  AWARDS_TEST_WAIT_UNTIL (awards_window_get_store (fixture->window) != lost_store, 10);
  g_assert_false (awards_store_watch_lost_connection (awards_window_get_store (fixture->window)));
  AWARDS_TEST_WAIT_UNTIL (gtk_widget_is_sensitive (import_button), 5);
  g_assert_false (gtk_widget_get_visible (reconnect));
  AWARDS_TEST_WAIT_UNTIL (list_has_name (organisations (fixture), "HTX Bạch Đằng"), 5);
  g_assert_nonnull (find_label (GTK_WIDGET (fixture->window),
                                "Connected to the database server again"));

  /* The editor opened before saves what was typed through the new connection. */
  g_assert_nonnull (editor);
  AWARDS_TEST_WAIT_UNTIL (find_label (GTK_WIDGET (editor),
                                      "Connected again: this record can be saved") != NULL, 5);
  AWARDS_TEST_WAIT_UNTIL (find_label (GTK_WIDGET (editor),
                                      "The connection to the database server") == NULL, 5);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  AWARDS_TEST_WAIT_UNTIL (editor == NULL, 5);
  {
    g_autoptr (AwardsOrganisation) saved =
      awards_store_find_organisation (awards_window_get_store (fixture->window), "HTX Bạch Đằng",
                                      NULL);

    g_assert_cmpstr (awards_organisation_get_address (saved), ==, "Thôn Đông, xã Lập Lễ");
  }
}

static GtkEntry *
find_entry_with_text (GtkWidget  *widget,
                      const char *text)
{
  if (GTK_IS_ENTRY (widget) &&
      g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (widget)), text) == 0)
    return GTK_ENTRY (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkEntry *found = find_entry_with_text (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A decision being corrected when the server goes away: after Connect Again its editor saves
 * through the new connection, and its rows' names are completed from it. */
static void
test_decision_editor_reconnect (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AwardsDb) other = NULL;
  g_autoptr (AwardsStore) lost_store = NULL;
  g_autoptr (AwardsDecision) decision = NULL;
  g_autoptr (AwardsDecision) saved = NULL;
  AwardsDecisionEditor *editor;
  GtkEntry *name_entry;

  if (fixture->server == NULL)
    return;
  awards_window_set_reconnect_interval (fixture->window, 0);
  decision = awards_store_find_decision (fixture->store, "3457/QĐ-UBND", 0, &error);
  g_assert_no_error (error);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.edit-decision", "x",
                              awards_decision_get_id (decision));
  AWARDS_TEST_WAIT_UNTIL (AWARDS_IS_DECISION_EDITOR (awards_window_get_editor (fixture->window)),
                          5);
  editor = AWARDS_DECISION_EDITOR (awards_window_get_editor (fixture->window));
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  AWARDS_TEST_WAIT_UNTIL ((name_entry = find_entry_with_text (GTK_WIDGET (editor),
                                                              "HTX Đan Phượng")) != NULL, 5);
  awards_test_settle (10);

  other = awards_db_open (fixture->server, 0, &error);
  g_assert_no_error (error);
  awards_db_exec (other,
                  "SELECT pg_terminate_backend (pid) FROM pg_stat_activity"
                  " WHERE datname = current_database () AND pid <> pg_backend_pid ()", &error);
  g_assert_no_error (error);
  AWARDS_TEST_WAIT_UNTIL (find_label (GTK_WIDGET (fixture->window),
                                      "The connection to the database server") != NULL, 5);
  /* The clerk goes on typing meanwhile. */
  gtk_editable_set_text (awards_decision_editor_get_entry (editor, "signer-name"),
                         "Đặng Trọng Thăng");

  lost_store = g_object_ref (awards_window_get_store (fixture->window));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.reconnect", NULL);
  AWARDS_TEST_WAIT_UNTIL (awards_window_get_store (fixture->window) != lost_store, 10);
  g_assert_nonnull (editor);
  g_assert_true (awards_decision_editor_get_store (editor) ==
                 awards_window_get_store (fixture->window));
  AWARDS_TEST_WAIT_UNTIL (find_label (GTK_WIDGET (editor),
                                      "Connected again: this record can be saved") != NULL, 5);

  /* A row's name asks the new connection for suggestions. */
  gtk_editable_set_text (GTK_EDITABLE (name_entry), "dan phuo");
  AWARDS_TEST_WAIT_UNTIL (!awards_completion_is_pending (name_entry), 5);
  g_assert_cmpuint (awards_completion_get_n_suggestions (name_entry), >=, 1);
  gtk_editable_set_text (GTK_EDITABLE (name_entry), "HTX Đan Phượng");

  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  AWARDS_TEST_WAIT_UNTIL (editor == NULL, 10);
  saved = awards_store_get_decision (awards_window_get_store (fixture->window),
                                     awards_decision_get_id (decision), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (awards_decision_get_signer_name (saved), ==, "Đặng Trọng Thăng");
}

/* The window asks a lost server again by itself, without a word while it does not answer,
 * and takes the connection once it does. The database refuses connections for a while, as a
 * server that is being restarted. */
static void
test_reconnect_by_itself (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AwardsDb) admin = NULL;
  g_autoptr (AwardsStore) lost_store = NULL;
  g_autofree char *name = NULL;
  g_autofree char *refuse = NULL;
  g_autofree char *terminate = NULL;
  g_autofree char *allow = NULL;
  GtkWidget *import_button;
  GtkWidget *label;

  if (fixture->server == NULL)
    return;
  awards_window_set_reconnect_interval (fixture->window, 1);
  import_button = find_action_button (GTK_WIDGET (fixture->window), "win.import");
  g_assert_nonnull (import_button);
  {
    g_autoptr (AwardsDb) db = awards_db_open (fixture->server, 0, &error);
    g_autoptr (AwardsDbStmt) stmt = NULL;

    g_assert_no_error (error);
    stmt = awards_db_prepare (db, "SELECT current_database ()", &error);
    g_assert_no_error (error);
    g_assert_cmpint (awards_db_stmt_next (stmt), ==, AWARDS_DB_ROW);
    name = g_strdup (awards_db_stmt_column_text (stmt, 0));
  }
  /* A database refuses connections only when asked from another one. */
  admin = awards_db_open (g_getenv ("COOP_AWARDS_TEST_PG"), 0, &error);
  g_assert_no_error (error);
  refuse = g_strdup_printf ("ALTER DATABASE \"%s\" WITH ALLOW_CONNECTIONS false", name);
  terminate = g_strdup_printf ("SELECT pg_terminate_backend (pid) FROM pg_stat_activity"
                               " WHERE datname = '%s'", name);
  allow = g_strdup_printf ("ALTER DATABASE \"%s\" WITH ALLOW_CONNECTIONS true", name);

  lost_store = g_object_ref (awards_window_get_store (fixture->window));
  awards_db_exec (admin, refuse, &error);
  g_assert_no_error (error);
  awards_db_exec (admin, terminate, &error);
  g_assert_no_error (error);
  AWARDS_TEST_WAIT_UNTIL (find_label (GTK_WIDGET (fixture->window),
                                      "The connection to the database server") != NULL, 5);
  g_assert_false (gtk_widget_is_sensitive (import_button));

  /* Several tries fail meanwhile, and say nothing. */
  awards_test_settle (3500);
  g_assert_true (awards_window_get_store (fixture->window) == lost_store);
  g_assert_null (find_label (GTK_WIDGET (fixture->window), "Still no connection"));
  /* Connect Again, pressed meanwhile, says that it failed, in the clerk's words only. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.reconnect", NULL);
  AWARDS_TEST_WAIT_UNTIL ((label = find_label (GTK_WIDGET (fixture->window),
                                               "Still no connection")) != NULL, 10);
  g_assert_null (strchr (gtk_label_get_text (GTK_LABEL (label)), '('));

  awards_db_exec (admin, allow, &error);
  g_assert_no_error (error);
  AWARDS_TEST_WAIT_UNTIL (awards_window_get_store (fixture->window) != lost_store, 10);
  AWARDS_TEST_WAIT_UNTIL (gtk_widget_is_sensitive (import_button), 5);
  g_assert_nonnull (find_label (GTK_WIDGET (fixture->window),
                                "Connected to the database server again"));
}

/* What the window shows stays while the server is away (a decision's page, a report the
 * leader may still print), and is shown again from the new connection. */
static void
test_reconnect_keeps_what_is_shown (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AwardsDb) other = NULL;
  g_autoptr (AwardsStore) lost_store = NULL;
  g_autoptr (AwardsDecision) decision = NULL;
  g_autoptr (AwardsReport) before = NULL;
  AwardsDecisionPage *decision_page;
  AwardsReportsPage *reports;
  AwardsDecisionFilterBar *filter_bar;
  GtkDropDown *years;
  gint64 id;

  if (fixture->server == NULL)
    return;
  awards_window_set_reconnect_interval (fixture->window, 0);
  decision = awards_store_find_decision (fixture->store, "3457/QĐ-UBND", 0, &error);
  g_assert_no_error (error);
  id = awards_decision_get_id (decision);
  decision_page = AWARDS_DECISION_PAGE (awards_window_get_detail_page (fixture->window,
                                                                      "decisions"));
  awards_decision_page_set_decision_id (decision_page, id);
  reports = AWARDS_REPORTS_PAGE (awards_window_get_detail_page (fixture->window, "reports"));
  awards_reports_page_show_decision (reports, id);
  AWARDS_TEST_WAIT_UNTIL (g_strcmp0 (awards_reports_page_get_state (reports), "report") == 0,
                          10);
  before = g_object_ref (awards_reports_page_get_report (reports));
  /* The decisions are filtered by their year. */
  filter_bar = AWARDS_DECISION_FILTER_BAR (awards_browse_view_get_filter_bar (
                                             awards_window_get_browse_view (fixture->window,
                                                                            "decisions")));
  years = awards_decision_filter_bar_get_year_drop_down (filter_bar);
  AWARDS_TEST_WAIT_UNTIL (g_list_model_get_n_items (gtk_drop_down_get_model (years)) > 1, 5);
  gtk_drop_down_set_selected (years, 1);

  other = awards_db_open (fixture->server, 0, &error);
  g_assert_no_error (error);
  awards_db_exec (other,
                  "SELECT pg_terminate_backend (pid) FROM pg_stat_activity"
                  " WHERE datname = current_database () AND pid <> pg_backend_pid ()", &error);
  g_assert_no_error (error);
  AWARDS_TEST_WAIT_UNTIL (find_label (GTK_WIDGET (fixture->window),
                                      "The connection to the database server") != NULL, 5);
  /* A report is made again a second after a change: longer than that, it stays. */
  awards_test_settle (2000);
  g_assert_cmpstr (awards_reports_page_get_state (reports), ==, "report");
  g_assert_true (awards_reports_page_get_report (reports) == before);
  g_assert_cmpint (awards_decision_page_get_decision_id (decision_page), ==, id);

  lost_store = g_object_ref (awards_window_get_store (fixture->window));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.reconnect", NULL);
  AWARDS_TEST_WAIT_UNTIL (awards_window_get_store (fixture->window) != lost_store, 10);
  g_assert_cmpint (awards_decision_page_get_decision_id (decision_page), ==, id);
  /* Once the lists have been read again too. */
  awards_test_settle (1500);
  g_assert_cmpint (awards_decision_page_get_decision_id (decision_page), ==, id);
  g_assert_cmpuint (gtk_drop_down_get_selected (years), ==, 1);
  /* The report is made again from the new connection. */
  AWARDS_TEST_WAIT_UNTIL (awards_reports_page_get_report (reports) != before &&
                          g_strcmp0 (awards_reports_page_get_state (reports), "report") == 0,
                          10);
}

/* A window opened while the server refuses (down, or restarting) says why, offers Try Again,
 * and opens the database by itself once the server answers. */
static void
test_open_retries (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AwardsDb) admin = NULL;
  g_autoptr (AwardsStore) refused = NULL;
  g_autofree char *name = NULL;
  g_autofree char *refuse = NULL;
  g_autofree char *allow = NULL;
  AwardsWindow *window;
  GtkWidget *retry;

  if (fixture->server == NULL)
    return;
  name = g_strdup (strstr (fixture->server, "dbname='") + strlen ("dbname='"));
  *strchr (name, '\'') = '\0';
  admin = awards_db_open (g_getenv ("COOP_AWARDS_TEST_PG"), 0, &error);
  g_assert_no_error (error);
  refuse = g_strdup_printf ("ALTER DATABASE \"%s\" WITH ALLOW_CONNECTIONS false", name);
  allow = g_strdup_printf ("ALTER DATABASE \"%s\" WITH ALLOW_CONNECTIONS true", name);
  awards_db_exec (admin, refuse, &error);
  g_assert_no_error (error);

  refused = awards_store_open (fixture->server, &error);
  g_assert_null (refused);
  g_assert_nonnull (error);
  window = g_object_ref_sink (awards_window_new (NULL, NULL));
  awards_window_set_reconnect_interval (window, 1);
  awards_window_show_open_error_retrying (window, "the office database", error,
                                          fixture->server);
  g_clear_error (&error);
  gtk_window_present (GTK_WINDOW (window));
  retry = find_action_button (GTK_WIDGET (window), "win.retry-open");
  g_assert_nonnull (retry);
  g_assert_true (gtk_widget_get_visible (retry));
  /* Tries fail meanwhile, and the page stays. */
  awards_test_settle (2500);
  g_assert_null (awards_window_get_store (window));

  awards_db_exec (admin, allow, &error);
  g_assert_no_error (error);
  AWARDS_TEST_WAIT_UNTIL (awards_window_get_store (window) != NULL, 10);
  g_assert_false (gtk_widget_get_visible (retry));
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  awards_test_settle (20);
}

/* An import pressed while the server is away fails and writes nothing; after Connect Again the
 * dialog offers it again, with its answers, and it goes through the new connection. */
static void
test_import_after_reconnect (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AwardsDb) other = NULL;
  g_autoptr (AwardsStore) lost_store = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (AwardsOrganisation) imported = NULL;
  g_autofree char *path = NULL;
  AwardsImportDialog *dialog;

  if (fixture->server == NULL)
    return;
  awards_window_set_reconnect_interval (fixture->window, 0);
  path = g_build_filename (fixture->dir, "sau-mat-ket-noi.csv", NULL);
  g_file_set_contents (path,
                       "decision_number,decision_date,authority,award,recipient_type,recipient\n"
                       "88/QĐ-UBND,20/12/2012,UBND thành phố Hải Phòng,Giấy khen,collective,"
                       "HTX Sau Mất Kết Nối\n", -1, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (path);
  dialog = awards_import_dialog_new (GTK_WINDOW (fixture->window),
                                     awards_window_get_store (fixture->window), file);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  AWARDS_TEST_WAIT_UNTIL (g_str_equal (awards_import_dialog_get_state (dialog), "preview"), 10);

  other = awards_db_open (fixture->server, 0, &error);
  g_assert_no_error (error);
  awards_db_exec (other,
                  "SELECT pg_terminate_backend (pid) FROM pg_stat_activity"
                  " WHERE datname = current_database () AND pid <> pg_backend_pid ()", &error);
  g_assert_no_error (error);
  AWARDS_TEST_WAIT_UNTIL (find_label (GTK_WIDGET (fixture->window),
                                      "The connection to the database server") != NULL, 5);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.start", NULL);
  AWARDS_TEST_WAIT_UNTIL (g_str_equal (awards_import_dialog_get_state (dialog), "failed"), 10);

  lost_store = g_object_ref (awards_window_get_store (fixture->window));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.reconnect", NULL);
  AWARDS_TEST_WAIT_UNTIL (awards_window_get_store (fixture->window) != lost_store, 10);
  AWARDS_TEST_WAIT_UNTIL (g_str_equal (awards_import_dialog_get_state (dialog), "preview"), 5);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.start", NULL);
  AWARDS_TEST_WAIT_UNTIL (g_str_equal (awards_import_dialog_get_state (dialog), "done"), 10);
  imported = awards_store_find_organisation (awards_window_get_store (fixture->window),
                                             "HTX Sau Mất Kết Nối", &error);
  g_assert_no_error (error);
  g_assert_nonnull (imported);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = gui_test_make_home ("test-window-server");
  int result;

  gtk_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "C.UTF-8");
  adw_init ();
  awards_gui_ensure_resources ();

  g_test_add ("/window-server/clerk", Fixture, NULL, fixture_set_up, test_clerk,
              fixture_tear_down);
  g_test_add ("/window-server/read-only", Fixture, NULL, fixture_set_up, test_read_only,
              fixture_tear_down);
  g_test_add ("/window-server/earlier-database", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up,
              test_earlier_database, fixture_tear_down);
  g_test_add ("/window-server/other-client", Fixture, NULL, fixture_set_up, test_other_client,
              fixture_tear_down);
  g_test_add ("/window-server/server-lost", Fixture, NULL, fixture_set_up, test_server_lost,
              fixture_tear_down);
  g_test_add ("/window-server/decision-editor-reconnect", Fixture, NULL, fixture_set_up,
              test_decision_editor_reconnect, fixture_tear_down);
  g_test_add ("/window-server/reconnect-by-itself", Fixture, NULL, fixture_set_up,
              test_reconnect_by_itself, fixture_tear_down);
  g_test_add ("/window-server/reconnect-keeps-what-is-shown", Fixture, NULL, fixture_set_up,
              test_reconnect_keeps_what_is_shown, fixture_tear_down);
  g_test_add ("/window-server/open-retries", Fixture, NULL, fixture_set_up, test_open_retries,
              fixture_tear_down);
  g_test_add ("/window-server/import-after-reconnect", Fixture, NULL, fixture_set_up,
              test_import_after_reconnect, fixture_tear_down);
  result = g_test_run ();
  awards_test_remove_tree (home);
  return result;
}
