/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-window-schedule"

#include "config.h"

#include <glib/gi18n.h>

#include "pm-department.h"
#include "pm-schedule-dialog.h"
#include "pm-schedule-store-source.h"
#include "pm-task-division.h"
#include "pm-window-private.h"

/* Export the departments' work schedules and the task-division table: the
 * dialog asks what to export (pm-schedule-dialog.c); the work runs in a
 * thread under the window's progress bar, which can cancel it. */

static PmScheduleSource *
new_source (PmWindow *self)
{
  /* browsing the template, there are no work items to list */
  return self->store ? pm_schedule_source_new_for_store (self->store) : NULL;
}

/* What to open from the toast: the file, or the folder of files. */
static char *
uri_for_path (const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);

  return g_file_get_uri (file);
}

/* Work schedules */

typedef struct
{
  PmWindow *window;
  char *destination;
  gboolean folder;
} ScheduleJob;

static void
schedule_job_free (ScheduleJob *job)
{
  g_object_unref (job->window);
  g_free (job->destination);
  g_free (job);
}

static void
schedule_progress_cb (double      fraction,
                      const char *what,
                      gpointer    user_data)
{
  PmWindow *self = user_data;

  if (!self->busy || self->disposed)
    return;
  pm_window_set_progress (self, fraction);
  if (what != NULL)
    {
      /* TRANSLATORS: under the progress bar; %s is a department */
      g_autofree char *label = g_strdup_printf (_("Exporting the work schedule of %s…"), what);

      gtk_label_set_text (self->progress_label, label);
    }
}

static void
schedule_done_cb (GObject      *source_object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  ScheduleJob *job = user_data;
  PmWindow *self = job->window;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) written = pm_schedule_export_finish (result, &error);

  pm_window_end_busy (self);
  if (self->disposed)
    {
      schedule_job_free (job);
      return;
    }

  if (written == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        pm_window_add_toast (self, job->folder
                             ? _("The export was cancelled; the schedules written so far are kept")
                             : _("The export was cancelled; nothing was written"));
      else
        pm_window_show_error (self, _("The Work Schedules Were Not Exported"), error);
    }
  else if (job->folder)
    {
      guint n = g_strv_length (written);
      g_autofree char *name = g_path_get_basename (job->destination);
      g_autofree char *uri = uri_for_path (job->destination);
      /* TRANSLATORS: the result of an export into a folder: “3 work schedules were saved in “Exports”” */
      g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "%u work schedule was saved in “%s”",
                                                               "%u work schedules were saved in “%s”", n),
                                                  n, name);

      pm_window_add_toast_with_open (self, message, _("Open Folder"), uri);
    }
  else
    {
      g_autofree char *name = g_path_get_basename (written[0]);
      g_autofree char *uri = uri_for_path (written[0]);
      g_autofree char *message = g_strdup_printf (_("The work schedules were saved as “%s”"), name);

      pm_window_add_toast_with_open (self, message, _("Open"), uri);
    }
  schedule_job_free (job);
}

/* Writes the work schedules of departments (PmDepartment) for year: into
 * one document when destination is a file (its extension gives the
 * format), or one file per department in format when it is a folder. */
void
pm_window_export_schedules (PmWindow       *self,
                            GPtrArray      *departments,
                            int             year,
                            const char     *destination,
                            PmExportFormat  folder_format)
{
  g_autoptr (PmScheduleSource) source = NULL;
  ScheduleJob *job;

  g_return_if_fail (PM_IS_WINDOW (self));
  g_return_if_fail (departments != NULL && destination != NULL);
  g_return_if_fail (self->project != NULL && !self->busy);

  source = new_source (self);
  job = g_new0 (ScheduleJob, 1);
  job->window = g_object_ref (self);
  job->destination = g_strdup (destination);
  job->folder = g_file_test (destination, G_FILE_TEST_IS_DIR)
                || g_str_has_suffix (destination, G_DIR_SEPARATOR_S);

  pm_window_begin_busy (self, _("Exporting the work schedules…"), TRUE);
  pm_schedule_export_async (self->project, source, departments, year, destination, folder_format,
                            schedule_progress_cb, g_object_ref (self), g_object_unref,
                            self->cancellable, schedule_done_cb, job);
}

/* The task-division table */

typedef struct
{
  PmTaskDivision *division;
  char *path;
} DivisionData;

static void
division_data_free (DivisionData *data)
{
  g_clear_object (&data->division);
  g_free (data->path);
  g_free (data);
}

static void
division_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  DivisionData *data = task_data;
  GError *error = NULL;

  if (pm_task_division_write (data->division, data->path, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
division_done_cb (GObject      *source_object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  PmWindow *self = PM_WINDOW (source_object);
  DivisionData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;

  pm_window_end_busy (self);
  if (self->disposed)
    return;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        pm_window_add_toast (self, _("The export was cancelled; nothing was written"));
      else
        pm_window_show_error (self, _("The Task Division Was Not Exported"), error);
      return;
    }

  {
    g_autofree char *name = g_path_get_basename (data->path);
    g_autofree char *uri = uri_for_path (data->path);
    g_autofree char *message = g_strdup_printf (_("The task division was saved as “%s”"), name);

    pm_window_add_toast_with_open (self, message, _("Open"), uri);
  }
}

/* Writes the county-wide task-division table of year to path (.pdf, .xlsx
 * or .csv). */
void
pm_window_export_task_division (PmWindow   *self,
                                int         year,
                                const char *path)
{
  g_autoptr (PmScheduleSource) source = NULL;
  g_autoptr (GTask) task = NULL;
  g_autoptr (GError) error = NULL;
  DivisionData *data;

  g_return_if_fail (PM_IS_WINDOW (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (self->project != NULL && !self->busy);

  /* the table is made here, from the project; the thread only writes it */
  source = new_source (self);
  data = g_new0 (DivisionData, 1);
  data->division = pm_task_division_new (self->project, source, year, NULL, &error);
  data->path = g_strdup (path);
  if (data->division == NULL)
    {
      division_data_free (data);
      pm_window_show_error (self, _("The Task Division Was Not Exported"), error);
      return;
    }

  pm_window_begin_busy (self, _("Exporting the task division…"), TRUE);
  task = g_task_new (self, self->cancellable, division_done_cb, NULL);
  g_task_set_source_tag (task, pm_window_export_task_division);
  g_task_set_task_data (task, data, (GDestroyNotify) division_data_free);
  g_task_run_in_thread (task, division_thread);
}

/* Actions */

static void
export_schedules_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  PmWindow *self = PM_WINDOW (widget);
  PmScheduleDialogKind kind = g_str_equal (action_name, "win.export-task-division")
                              ? PM_SCHEDULE_DIALOG_TASK_DIVISION
                              : PM_SCHEDULE_DIALOG_SCHEDULES;

  if (self->project == NULL || self->busy)
    return;
  gtk_window_present (GTK_WINDOW (pm_schedule_dialog_new (self, kind)));
}

static void
open_exported_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
}

void
pm_window_class_add_schedule_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export-schedules", NULL, export_schedules_activated);
  gtk_widget_class_install_action (widget_class, "win.export-task-division", NULL, export_schedules_activated);
  gtk_widget_class_install_action (widget_class, "win.open-exported", "s", open_exported_activated);

  /* not Ctrl+Shift+D: GTK keeps it for its inspector */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_x, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.export-schedules", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_X, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.export-schedules", NULL);
}
