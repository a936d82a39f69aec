/* awards-importer.c: importing the flat award list (CSV)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "awards-import-file.h"
#include "awards-import-run.h"
#include "awards-importer.h"
#include "awards-store-async.h"

G_DEFINE_QUARK (awards-import-error-quark, awards_import_error)

struct _AwardsImporter
{
  GObject                    parent_instance;

  AwardsStore               *store;
  gboolean                   dry_run;

  AwardsImportProgressFunc   progress_func;
  gpointer                   progress_data;
  GDestroyNotify             progress_destroy;

  GPtrArray                 *problems;
  guint                      n_rows;
  guint                      n_added;

  /* New names and near duplicates: see the end of this file. */
  gboolean                   allow_new;
  char                      *sheet_name;
  GHashTable                *resolutions;
  GPtrArray                 *new_names[AWARDS_NEAR_PERSON + 1];
  GPtrArray                 *near_names;
};

G_DEFINE_FINAL_TYPE (AwardsImporter, awards_importer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_DRY_RUN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
awards_importer_take_results (AwardsImporter  *self,
                              AwardsImportRun *run)
{
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  self->problems = awards_import_run_steal_problems (run);
  self->n_rows = awards_import_run_get_n_rows (run);
  self->n_added = awards_import_run_get_n_added (run);
  for (guint i = 0; i < G_N_ELEMENTS (self->new_names); i++)
    {
      g_clear_pointer (&self->new_names[i], g_ptr_array_unref);
      self->new_names[i] = awards_import_run_steal_new_names (run, i);
    }
  g_clear_pointer (&self->near_names, g_ptr_array_unref);
  self->near_names = awards_import_run_steal_near_names (run);
}

static char *
display_name_for_file (GFile      *file,
                       const char *display_name)
{
  if (display_name != NULL)
    return g_strdup (display_name);

  return g_file_get_basename (file);
}

static guint64
query_size (GFile        *file,
            GCancellable *cancellable)
{
  g_autoptr(GFileInfo) info = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, NULL);
  if (info == NULL || !g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
    return 0;

  return (guint64) g_file_info_get_size (info);
}

/* GObject */

static void
awards_importer_finalize (GObject *object)
{
  AwardsImporter *self = (AwardsImporter *) object;

  if (self->progress_destroy != NULL)
    self->progress_destroy (self->progress_data);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_free (self->sheet_name);
  g_clear_pointer (&self->resolutions, g_hash_table_unref);
  for (guint i = 0; i < G_N_ELEMENTS (self->new_names); i++)
    g_clear_pointer (&self->new_names[i], g_ptr_array_unref);
  g_clear_pointer (&self->near_names, g_ptr_array_unref);

  G_OBJECT_CLASS (awards_importer_parent_class)->finalize (object);
}

static void
awards_importer_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AwardsImporter *self = AWARDS_IMPORTER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_DRY_RUN:
      g_value_set_boolean (value, self->dry_run);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awards_importer_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AwardsImporter *self = AWARDS_IMPORTER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_DRY_RUN:
      awards_importer_set_dry_run (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awards_importer_class_init (AwardsImporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = awards_importer_finalize;
  object_class->get_property = awards_importer_get_property;
  object_class->set_property = awards_importer_set_property;

  /**
   * AwardsImporter:store:
   *
   * The store the rows are imported into.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         AWARDS_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * AwardsImporter:dry-run:
   *
   * Whether to check the file only: every problem is found and reported, nothing is written.
   */
  properties[PROP_DRY_RUN] =
    g_param_spec_boolean ("dry-run", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
awards_importer_init (AwardsImporter *self)
{
  self->problems = awards_import_problems_new ();
}

/* Public API */

/**
 * awards_importer_new:
 * @store: the store to import into
 *
 * Returns: (transfer full): a new importer
 */
AwardsImporter *
awards_importer_new (AwardsStore *store)
{
  g_return_val_if_fail (AWARDS_IS_STORE (store), NULL);

  return g_object_new (AWARDS_TYPE_IMPORTER, "store", store, NULL);
}

/**
 * awards_importer_get_store:
 * @self: an importer
 *
 * Returns: (transfer none): the store the importer writes to
 */
AwardsStore *
awards_importer_get_store (AwardsImporter *self)
{
  g_return_val_if_fail (AWARDS_IS_IMPORTER (self), NULL);

  return self->store;
}

/**
 * awards_importer_set_store:
 * @self: an importer, not importing
 * @store: the same database, connected again after the server went away
 *
 * The next import writes to @store; the sheet, the answers and the options stay.
 */
void
awards_importer_set_store (AwardsImporter *self,
                           AwardsStore    *store)
{
  g_return_if_fail (AWARDS_IS_IMPORTER (self));
  g_return_if_fail (AWARDS_IS_STORE (store));

  if (g_set_object (&self->store, store))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

gboolean
awards_importer_get_dry_run (AwardsImporter *self)
{
  g_return_val_if_fail (AWARDS_IS_IMPORTER (self), FALSE);

  return self->dry_run;
}

/**
 * awards_importer_set_dry_run:
 * @self: an importer
 * @dry_run: whether to check only
 *
 * A dry run checks the file exactly as an import does, then rolls everything back.
 */
void
awards_importer_set_dry_run (AwardsImporter *self,
                             gboolean        dry_run)
{
  g_return_if_fail (AWARDS_IS_IMPORTER (self));

  dry_run = !!dry_run;
  if (self->dry_run == dry_run)
    return;

  self->dry_run = dry_run;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRY_RUN]);
}

/**
 * awards_importer_set_progress_func:
 * @self: an importer
 * @func: (nullable): called as rows are read
 * @user_data: data for @func
 * @destroy: (nullable): frees @user_data
 *
 * Sets the function that follows the progress of the imports.
 */
void
awards_importer_set_progress_func (AwardsImporter           *self,
                                   AwardsImportProgressFunc  func,
                                   gpointer                  user_data,
                                   GDestroyNotify            destroy)
{
  g_return_if_fail (AWARDS_IS_IMPORTER (self));

  if (self->progress_destroy != NULL)
    self->progress_destroy (self->progress_data);

  self->progress_func = func;
  self->progress_data = user_data;
  self->progress_destroy = destroy;
}

/**
 * awards_importer_import_stream:
 * @self: an importer
 * @stream: the CSV text
 * @size: the length of @stream in bytes for the progress, or 0 if unknown
 * @display_name: the file name that the problems start with
 * @cancellable: (nullable): a cancellable
 * @error: where to put the error
 *
 * Imports a flat award list in one transaction. When a row is wrong nothing is written and
 * @error is %AWARDS_IMPORT_ERROR_INVALID, its message every problem as "FILE:LINE: message",
 * one per line; awards_importer_get_problems () lists them too. Store and I/O errors keep their
 * own domains.
 *
 * Returns: %TRUE when the whole file was imported (or, in a dry run, could be)
 */
gboolean
awards_importer_import_stream (AwardsImporter  *self,
                               GInputStream    *stream,
                               guint64          size,
                               const char      *display_name,
                               GCancellable    *cancellable,
                               GError         **error)
{
  g_autoptr(AwardsImportRun) run = NULL;
  gboolean ok;

  g_return_val_if_fail (AWARDS_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (display_name != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  run = awards_import_run_new (display_name, self->dry_run, cancellable);
  awards_import_run_set_progress_func (run, self->progress_func, self->progress_data, size);
  awards_import_run_set_new_names (run, self->allow_new, self->resolutions);

  ok = awards_import_run_execute (run, self->store, stream, error);
  awards_importer_take_results (self, run);

  return ok;
}

/**
 * awards_importer_import_file:
 * @self: an importer
 * @file: the CSV file
 * @display_name: (nullable): the name that the problems start with, e.g. the path as the user
 *   typed it; %NULL for the basename of @file
 * @cancellable: (nullable): a cancellable
 * @error: where to put the error
 *
 * Imports @file as awards_importer_import_stream () does.
 *
 * Returns: %TRUE when the whole file was imported (or, in a dry run, could be)
 */
gboolean
awards_importer_import_file (AwardsImporter  *self,
                             GFile           *file,
                             const char      *display_name,
                             GCancellable    *cancellable,
                             GError         **error)
{
  g_autoptr(AwardsImportRun) run = NULL;
  g_autofree char *name = NULL;
  gboolean ok;

  g_return_val_if_fail (AWARDS_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  name = display_name_for_file (file, display_name);
  run = awards_import_run_new (name, self->dry_run, cancellable);
  awards_import_run_set_progress_func (run, self->progress_func, self->progress_data,
                                       query_size (file, cancellable));
  awards_import_run_set_new_names (run, self->allow_new, self->resolutions);

  ok = awards_import_run_execute_file (run, self->store, file, self->sheet_name, cancellable,
                                       error);
  awards_importer_take_results (self, run);

  return ok;
}

/* Async import */

typedef struct
{
  GFile                     *file;
  char                      *display_name;
  gboolean                   dry_run;
  gboolean                   allow_new;
  char                      *sheet_name;
  GHashTable                *resolutions;
  AwardsStore               *store;
  AwardsImportRun           *run;
  GMainContext              *context;
  AwardsImporter            *importer;   /* only touched in @context */
} ImportTaskData;

static void
import_task_data_free (ImportTaskData *data)
{
  g_clear_object (&data->file);
  g_free (data->display_name);
  g_free (data->sheet_name);
  g_clear_pointer (&data->resolutions, g_hash_table_unref);
  g_clear_object (&data->store);
  g_clear_pointer (&data->run, awards_import_run_free);
  g_clear_pointer (&data->context, g_main_context_unref);
  g_clear_object (&data->importer);
  g_free (data);
}

typedef struct
{
  AwardsImporter *importer;
  guint64         rows;
  guint64         bytes_read;
  guint64         bytes_total;
} ProgressUpdate;

static void
progress_update_free (ProgressUpdate *update)
{
  g_object_unref (update->importer);
  g_free (update);
}

static gboolean
deliver_progress_cb (gpointer user_data)
{
  ProgressUpdate *update = user_data;
  AwardsImporter *self = update->importer;

  if (self->progress_func != NULL)
    self->progress_func (update->rows, update->bytes_read, update->bytes_total,
                         self->progress_data);

  return G_SOURCE_REMOVE;
}

/* Runs in the worker thread: hands the numbers over to the caller's main context. */
static void
post_progress (guint64  rows,
               guint64  bytes_read,
               guint64  bytes_total,
               gpointer user_data)
{
  ImportTaskData *data = user_data;
  ProgressUpdate *update = g_new (ProgressUpdate, 1);

  update->importer = g_object_ref (data->importer);
  update->rows = rows;
  update->bytes_read = bytes_read;
  update->bytes_total = bytes_total;

  g_main_context_invoke_full (data->context, G_PRIORITY_DEFAULT, deliver_progress_cb, update,
                              (GDestroyNotify) progress_update_free);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportTaskData *data = task_data;
  GError *error = NULL;

  data->run = awards_import_run_new (data->display_name, data->dry_run, cancellable);
  awards_import_run_set_progress_func (data->run, post_progress, data,
                                       query_size (data->file, cancellable));
  awards_import_run_set_new_names (data->run, data->allow_new, data->resolutions);

  if (!awards_import_run_execute_file (data->run, data->store, data->file, data->sheet_name,
                                       cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * awards_importer_import_async:
 * @self: an importer
 * @file: the CSV file
 * @display_name: (nullable): the name that the problems start with; %NULL for the basename
 * @cancellable: (nullable): a cancellable
 * @callback: called when the import is over
 * @user_data: data for @callback
 *
 * Imports @file in a worker thread, as awards_importer_import_file () does. The progress
 * function runs in the thread-default main context of the caller. Until the import finishes, the
 * store is locked by the import's transaction: calls on it from other threads wait.
 */
void
awards_importer_import_async (AwardsImporter      *self,
                              GFile               *file,
                              const char          *display_name,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportTaskData *data;

  g_return_if_fail (AWARDS_IS_IMPORTER (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (ImportTaskData, 1);
  data->file = g_object_ref (file);
  data->display_name = display_name_for_file (file, display_name);
  data->dry_run = self->dry_run;
  data->allow_new = self->allow_new;
  data->sheet_name = g_strdup (self->sheet_name);
  data->resolutions = self->resolutions != NULL ? g_hash_table_ref (self->resolutions) : NULL;
  data->store = g_object_ref (self->store);
  data->context = g_main_context_ref_thread_default ();
  data->importer = g_object_ref (self);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, awards_importer_import_async);
  g_task_set_task_data (task, data, (GDestroyNotify) import_task_data_free);
  awards_store_run_task (self->store, AWARDS_WORK_LONG, task, import_thread);
}

/**
 * awards_importer_import_finish:
 * @self: an importer
 * @result: the result given to the callback
 * @error: where to put the error
 *
 * Finishes an import started with awards_importer_import_async (); the counts and problems
 * are available from then on.
 *
 * Returns: %TRUE when the whole file was imported (or, in a dry run, could be)
 */
gboolean
awards_importer_import_finish (AwardsImporter  *self,
                               GAsyncResult    *result,
                               GError         **error)
{
  ImportTaskData *data;

  g_return_val_if_fail (AWARDS_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == awards_importer_import_async,
                        FALSE);

  data = g_task_get_task_data (G_TASK (result));
  if (data->run != NULL)
    awards_importer_take_results (self, data->run);

  /* The importer must not outlive itself through the task data. */
  g_clear_object (&data->importer);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * awards_importer_get_n_rows:
 * @self: an importer
 *
 * Returns: the number of data rows of the last import, blank rows left out
 */
guint
awards_importer_get_n_rows (AwardsImporter *self)
{
  g_return_val_if_fail (AWARDS_IS_IMPORTER (self), 0);

  return self->n_rows;
}

/**
 * awards_importer_get_n_added:
 * @self: an importer
 *
 * Returns: the number of commendations the last import added (or, in a dry run, would add)
 */
guint
awards_importer_get_n_added (AwardsImporter *self)
{
  g_return_val_if_fail (AWARDS_IS_IMPORTER (self), 0);

  return self->n_added;
}

/**
 * awards_importer_get_problems:
 * @self: an importer
 *
 * Returns: (transfer none) (element-type AwardsImportProblem): the problems of the last import,
 *   ordered by line
 */
GPtrArray *
awards_importer_get_problems (AwardsImporter *self)
{
  g_return_val_if_fail (AWARDS_IS_IMPORTER (self), NULL);

  return self->problems;
}

/* New names and near duplicates */

/**
 * awards_importer_set_allow_new:
 * @self: an importer
 * @allow_new: whether new names nearly equal to existing ones are created as written
 *
 * By default an award type, authority or organisation that a file names for the first time and
 * that is nearly equal to an existing one (or to another new one of the file) is a problem of
 * its row, with the nearest name as a suggestion.
 */
void
awards_importer_set_allow_new (AwardsImporter *self,
                               gboolean        allow_new)
{
  g_return_if_fail (AWARDS_IS_IMPORTER (self));
  self->allow_new = !!allow_new;
}

/**
 * awards_importer_set_sheet_name:
 * @self: an importer
 * @sheet_name: (nullable): the sheet of a workbook to read; %NULL for the first
 */
void
awards_importer_set_sheet_name (AwardsImporter *self,
                                const char     *sheet_name)
{
  g_return_if_fail (AWARDS_IS_IMPORTER (self));
  g_free (self->sheet_name);
  self->sheet_name = g_strdup (sheet_name);
}

/* Returns: (nullable): the sheet chosen, %NULL for the first */
const char *
awards_importer_get_sheet_name (AwardsImporter *self)
{
  g_return_val_if_fail (AWARDS_IS_IMPORTER (self), NULL);
  return self->sheet_name;
}

/**
 * awards_importer_resolve_near_name:
 * @self: an importer
 * @kind: what @name names
 * @name: a near name as the file writes it (see awards_importer_get_near_names ())
 * @use: (nullable): the existing name to record instead, or %NULL to create @name as written
 *
 * Says what a near duplicate stands for, as the window asks the user, for the next imports.
 */
void
awards_importer_resolve_near_name (AwardsImporter *self,
                                   AwardsNearKind  kind,
                                   const char     *name,
                                   const char     *use)
{
  g_return_if_fail (AWARDS_IS_IMPORTER (self));
  g_return_if_fail (name != NULL);

  if (self->resolutions == NULL)
    self->resolutions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_replace (self->resolutions, awards_import_resolution_key (kind, name),
                        g_strdup (use != NULL ? use : ""));
}

/**
 * awards_importer_get_new_names:
 * @self: an importer
 * @kind: a kind of names
 *
 * Returns: (transfer none) (element-type utf8) (nullable): the names of @kind that the last
 *   import created (or, in a dry run, would create), in file order; people are written
 *   "Name (Organisation)" and listed only by a dry run
 */
GPtrArray *
awards_importer_get_new_names (AwardsImporter *self,
                               AwardsNearKind  kind)
{
  g_return_val_if_fail (AWARDS_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (kind <= AWARDS_NEAR_PERSON, NULL);
  return self->new_names[kind];
}

/**
 * awards_importer_get_near_names:
 * @self: an importer
 *
 * Returns: (transfer none) (element-type AwardsImportNearName) (nullable): the new names of
 *   the last import that were refused as nearly equal to others, in file order
 */
GPtrArray *
awards_importer_get_near_names (AwardsImporter *self)
{
  g_return_val_if_fail (AWARDS_IS_IMPORTER (self), NULL);
  return self->near_names;
}
