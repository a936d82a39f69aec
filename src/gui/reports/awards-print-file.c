/* awards-print-file.c: the print dialog's "Print to File" written like every other file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <unistd.h>

#include "awards-output-file.h"
#include "awards-print-file.h"

/*
 * When the user prints to a file, GTK's file printer writes that file itself, in place and with
 * the umask's mode, after the dialog has closed. Every other file the program writes goes
 * through AwardsOutputFile (a private temporary file beside the destination, renamed into place
 * once complete; never the open database, its journals, a link to them, a device or a folder),
 * and so must this one.
 *
 * GTK 4.8 reads the destination from the operation's print settings: the dialog's response
 * handler sets them on the operation, emits "custom-widget-apply", and only then copies them
 * into the print job (gtk_print_job_new () keeps a copy). So the destination is checked and
 * swapped for the temporary file in "custom-widget-apply", the original is put back into the
 * operation's settings at "begin-print" (after the job took its copy, so that the next dialog
 * offers what the user chose), and the temporary file is renamed into place when the job
 * reports that it has finished writing. With an asynchronous operation that may come after
 * "done": the operation is kept alive until then.
 *
 * The same rule covers an export to a PDF file (gtk_print_operation_set_export_filename ()).
 */

typedef struct
{
  GtkPrintOperation   *operation;   /* not owned; the guard lives in its data */
  AwardsOutputFile    *output;      /* while a file is being written */
  char                *uri;         /* the destination the dialog gave */
  GError              *error;
  GWeakRef             owner;
  AwardsPrintFileFunc  func;
  gboolean             exporting;
  gboolean             done;        /* "done" came while the file was still being written */
} Guard;

#define GUARD_KEY "awards-print-file-guard"

static void
guard_free (gpointer data)
{
  Guard *guard = data;

  /* Without a commit the temporary file is removed and the destination stays as it was. */
  g_clear_pointer (&guard->output, awards_output_file_free);
  g_clear_pointer (&guard->uri, g_free);
  g_clear_error (&guard->error);
  g_weak_ref_clear (&guard->owner);
  g_free (guard);
}

/* Whether the dialog's choice is GTK's own file printer, which names itself in GTK's domain. */
static gboolean
is_file_printer (GtkPrintSettings *settings)
{
  const char *printer = gtk_print_settings_get_printer (settings);

  return printer != NULL && g_str_equal (printer, g_dgettext ("gtk40", "Print to File"));
}

static void
set_error (Guard  *guard,
           GError *error)
{
  g_clear_error (&guard->error);
  guard->error = error;
}

/* Ends a file printed to: renamed into place when @written, otherwise removed. */
static void
finish (Guard    *guard,
        gboolean  written)
{
  g_autoptr (AwardsOutputFile) output = g_steal_pointer (&guard->output);
  GtkPrintOperation *operation = guard->operation;
  gboolean was_done = guard->done;
  g_autoptr (GObject) owner = NULL;
  g_autoptr (GError) error = NULL;

  guard->done = FALSE;
  if (written)
    {
      const char *temp_path = awards_output_file_get_temp_path (output);
      int fd = open (temp_path, O_RDONLY | O_CLOEXEC);

      /* GTK closed the file without syncing it; its content must be on disk before the
       * rename makes it the destination. */
      if (fd >= 0)
        {
          fsync (fd);
          close (fd);
        }
      if (!awards_output_file_commit (output, &error))
        set_error (guard, g_steal_pointer (&error));
      else if (!guard->exporting)
        {
          g_autofree char *uri = g_filename_to_uri (awards_output_file_get_path (output),
                                                    NULL, NULL);

          /* GTK records the file it wrote (the temporary one) as recently used; the user
           * looks for the file they chose. */
          if (uri != NULL)
            gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
        }
    }

  owner = g_weak_ref_get (&guard->owner);
  if (was_done && owner != NULL && guard->func != NULL)
    guard->func (owner, guard->error);

  /* The reference taken at "done"; the guard may be freed with the operation here. */
  if (was_done)
    g_object_unref (operation);
}

static void
custom_widget_apply_cb (GtkPrintOperation *operation,
                        GtkWidget         *widget,
                        Guard             *guard)
{
  GtkPrintSettings *settings = gtk_print_operation_get_print_settings (operation);
  const char *uri;
  g_autofree char *path = NULL;
  g_autofree char *temp_uri = NULL;
  g_autoptr (GError) error = NULL;

  if (settings == NULL || !is_file_printer (settings) || guard->exporting)
    return;
  uri = gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_URI);
  path = uri != NULL ? g_filename_from_uri (uri, NULL, NULL) : NULL;
  if (path == NULL)
    return;

  g_clear_pointer (&guard->output, awards_output_file_free);
  g_clear_error (&guard->error);
  guard->output = awards_output_file_new (path, &error);
  if (guard->output == NULL)
    {
      /* Cancelled before the job is made: nothing is sent to the file printer. */
      set_error (guard, g_steal_pointer (&error));
      gtk_print_operation_cancel (operation);
      return;
    }

  g_free (guard->uri);
  guard->uri = g_strdup (uri);
  temp_uri = g_filename_to_uri (awards_output_file_get_temp_path (guard->output), NULL, NULL);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, temp_uri);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                Guard             *guard)
{
  GtkPrintSettings *settings = gtk_print_operation_get_print_settings (operation);

  /* The job has its own copy by now: the settings go back to what the user chose. */
  if (guard->uri != NULL && settings != NULL)
    gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, guard->uri);
  g_clear_pointer (&guard->uri, g_free);
}

static gboolean
preview_cb (GtkPrintOperation        *operation,
            GtkPrintOperationPreview *preview,
            GtkPrintContext          *context,
            GtkWindow                *parent,
            Guard                    *guard)
{
  GtkPrintSettings *settings = gtk_print_operation_get_print_settings (operation);

  /* A preview writes no file where the user chose: no temporary file is left there. */
  if (!guard->exporting && guard->output != NULL)
    {
      if (guard->uri != NULL && settings != NULL)
        gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, guard->uri);
      g_clear_pointer (&guard->uri, g_free);
      g_clear_pointer (&guard->output, awards_output_file_free);
    }
  return FALSE;
}

static void
status_changed_cb (GtkPrintOperation *operation,
                   Guard             *guard)
{
  GtkPrintStatus status = gtk_print_operation_get_status (operation);

  if (guard->output == NULL || guard->exporting)
    return;

  if (status == GTK_PRINT_STATUS_FINISHED)
    finish (guard, TRUE);
  else if (status == GTK_PRINT_STATUS_FINISHED_ABORTED)
    finish (guard, FALSE);
}

static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         Guard                   *guard)
{
  if (guard->output == NULL)
    return;

  if (result != GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      finish (guard, FALSE);
      return;
    }
  /* An export is complete when the operation is done. */
  if (guard->exporting)
    {
      finish (guard, TRUE);
      return;
    }
  /* The file printer is still writing: wait for the job to finish, holding the operation. */
  guard->done = TRUE;
  g_object_ref (operation);
}

static Guard *
get_guard (GtkPrintOperation *operation)
{
  return g_object_get_data (G_OBJECT (operation), GUARD_KEY);
}

/**
 * awards_print_file_guard:
 * @operation: a print operation that is not running yet
 *
 * Makes a file that @operation prints to through the dialog's "Print to File" follow the rule
 * of every written file: refused with a sentence when it is the open database, one of its
 * files, a link to them, a device or a folder (the operation is then cancelled, and
 * awards_print_file_get_error () says why); otherwise written to a private temporary file
 * beside it and renamed into place once complete, or removed when printing fails.
 */
void
awards_print_file_guard (GtkPrintOperation *operation)
{
  Guard *guard;

  g_return_if_fail (GTK_IS_PRINT_OPERATION (operation));

  if (get_guard (operation) != NULL)
    return;

  guard = g_new0 (Guard, 1);
  guard->operation = operation;
  g_weak_ref_init (&guard->owner, NULL);
  g_object_set_data_full (G_OBJECT (operation), GUARD_KEY, guard, guard_free);

  g_signal_connect (operation, "custom-widget-apply", G_CALLBACK (custom_widget_apply_cb),
                    guard);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), guard);
  g_signal_connect (operation, "preview", G_CALLBACK (preview_cb), guard);
  g_signal_connect (operation, "status-changed", G_CALLBACK (status_changed_cb), guard);
  g_signal_connect (operation, "done", G_CALLBACK (done_cb), guard);
}

/**
 * awards_print_file_notify:
 * @operation: a guarded print operation
 * @owner: (nullable): what to tell; nothing is told once it is gone
 * @func: (nullable): called with @owner when the file is in place or could not be written after
 *   the operation's "done"
 */
void
awards_print_file_notify (GtkPrintOperation   *operation,
                          GObject             *owner,
                          AwardsPrintFileFunc  func)
{
  Guard *guard;

  g_return_if_fail (GTK_IS_PRINT_OPERATION (operation));

  awards_print_file_guard (operation);
  guard = get_guard (operation);
  g_weak_ref_set (&guard->owner, owner);
  guard->func = func;
}

/**
 * awards_print_file_suggest_name:
 * @operation: a print operation that is not running yet
 * @previous: (nullable): the settings of the print before, if any
 * @stem: the file name to offer for "Print to File", without its extension
 *
 * Gives @operation @previous's settings, with "@stem.pdf" as the file "Print to File" offers,
 * in the folder printed to last (else the Documents folder): GTK would offer "output.pdf", or
 * the last file's own name.
 */
void
awards_print_file_suggest_name (GtkPrintOperation *operation,
                                GtkPrintSettings  *previous,
                                const char        *stem)
{
  g_autoptr (GtkPrintSettings) settings = NULL;
  g_autoptr (GFile) folder = NULL;
  g_autoptr (GFile) file = NULL;
  g_autofree char *name = NULL;
  g_autofree char *uri = NULL;
  const char *last;

  g_return_if_fail (GTK_IS_PRINT_OPERATION (operation));
  g_return_if_fail (stem != NULL);

  settings = previous != NULL ? gtk_print_settings_copy (previous) : gtk_print_settings_new ();
  last = gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_URI);
  if (last != NULL)
    {
      g_autoptr (GFile) last_file = g_file_new_for_uri (last);

      folder = g_file_get_parent (last_file);
    }
  if (folder == NULL)
    {
      const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

      folder = g_file_new_for_path (documents != NULL ? documents : g_get_home_dir ());
    }
  name = g_strconcat (stem, ".pdf", NULL);
  file = g_file_get_child (folder, name);
  uri = g_file_get_uri (file);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
  gtk_print_operation_set_print_settings (operation, settings);
}

/**
 * awards_print_file_set_export:
 * @operation: a print operation that is not running yet
 * @path: the PDF file to export to
 * @error: where to put the sentence that refuses @path
 *
 * Sets the operation's export file name to a private temporary file beside @path, which is
 * renamed to @path when the export is done. Run the operation with
 * %GTK_PRINT_OPERATION_ACTION_EXPORT.
 *
 * Returns: %FALSE when @path must not be written
 */
gboolean
awards_print_file_set_export (GtkPrintOperation  *operation,
                              const char         *path,
                              GError            **error)
{
  Guard *guard;

  g_return_val_if_fail (GTK_IS_PRINT_OPERATION (operation), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  awards_print_file_guard (operation);
  guard = get_guard (operation);
  g_clear_pointer (&guard->output, awards_output_file_free);
  guard->output = awards_output_file_new (path, error);
  if (guard->output == NULL)
    return FALSE;
  guard->exporting = TRUE;
  gtk_print_operation_set_export_filename (operation,
                                           awards_output_file_get_temp_path (guard->output));
  return TRUE;
}

/**
 * awards_print_file_get_error:
 * @operation: a guarded print operation
 *
 * Returns: (nullable): why the file printed to was refused or could not be put in place
 */
const GError *
awards_print_file_get_error (GtkPrintOperation *operation)
{
  Guard *guard;

  g_return_val_if_fail (GTK_IS_PRINT_OPERATION (operation), NULL);

  guard = get_guard (operation);
  return guard != NULL ? guard->error : NULL;
}
