/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-schedule-export"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "pm-department.h"
#include "pm-project.h"
#include "pm-schedule-export.h"

gboolean
pm_export_format_from_string (const char     *name,
                              PmExportFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);

  if (name == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (name, "pdf") == 0)
    *format = PM_EXPORT_FORMAT_PDF;
  else if (g_ascii_strcasecmp (name, "xlsx") == 0)
    *format = PM_EXPORT_FORMAT_XLSX;
  else if (g_ascii_strcasecmp (name, "csv") == 0)
    *format = PM_EXPORT_FORMAT_CSV;
  else
    return FALSE;
  return TRUE;
}

/* Returns: whether path ends with .pdf, .xlsx or .csv (any case) */
gboolean
pm_export_format_from_path (const char     *path,
                            PmExportFormat *format)
{
  g_autofree char *base = NULL;
  const char *dot;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  base = g_path_get_basename (path);
  dot = strrchr (base, '.');
  return dot != NULL && dot != base && pm_export_format_from_string (dot + 1, format);
}

const char *
pm_export_format_get_extension (PmExportFormat format)
{
  switch (format)
    {
    case PM_EXPORT_FORMAT_XLSX:
      return "xlsx";
    case PM_EXPORT_FORMAT_CSV:
      return "csv";
    case PM_EXPORT_FORMAT_PDF:
    default:
      return "pdf";
    }
}

/* Returns: (transfer full) (element-type PmDepartment): the department
 * named, or every department for "all"; NULL with an error listing the
 * valid names when there is no such department */
GPtrArray *
pm_schedule_find_departments (PmProject  *project,
                              const char *name,
                              GError    **error)
{
  GListModel *departments;
  g_autoptr (GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GString) names = g_string_new (NULL);
  g_autofree char *wanted = NULL;
  PmDepartment *department;

  g_return_val_if_fail (PM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  departments = pm_project_get_departments (project);
  wanted = g_strstrip (g_strdup (name));

  if (g_ascii_strcasecmp (wanted, "all") == 0)
    {
      for (guint i = 0; i < g_list_model_get_n_items (departments); i++)
        g_ptr_array_add (result, g_list_model_get_item (departments, i));
      return g_steal_pointer (&result);
    }

  department = pm_project_find_department (project, wanted);
  if (department != NULL)
    {
      g_ptr_array_add (result, g_object_ref (department));
      return g_steal_pointer (&result);
    }

  for (guint i = 0; i < g_list_model_get_n_items (departments); i++)
    {
      g_autoptr (PmDepartment) item = g_list_model_get_item (departments, i);

      g_string_append_printf (names, "%s  %s", i > 0 ? "\n" : "", pm_department_get_name (item));
    }
  g_set_error (error, PM_ERROR, PM_ERROR_NOT_FOUND,
               _("No department is named “%s”. Give “all” or one of these names:\n%s"),
               wanted, names->str);
  return NULL;
}

/* Returns: (transfer full) (element-type PmSchedule): the schedules of the
 * departments, in their order */
GPtrArray *
pm_schedule_build_all (PmProject        *project,
                       PmScheduleSource *source,
                       GPtrArray        *departments,
                       int               year,
                       GDateTime        *exported_at,
                       GError          **error)
{
  g_autoptr (GPtrArray) schedules = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GDateTime) now = NULL;

  g_return_val_if_fail (PM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (departments != NULL, NULL);

  if (exported_at == NULL)
    exported_at = now = g_date_time_new_now_local ();

  for (guint i = 0; i < departments->len; i++)
    {
      PmSchedule *schedule = pm_schedule_new (project, source, g_ptr_array_index (departments, i),
                                              year, exported_at, error);

      if (schedule == NULL)
        return NULL;
      g_ptr_array_add (schedules, schedule);
    }
  return g_steal_pointer (&schedules);
}

/* The job */

typedef struct
{
  GPtrArray *schedules;
  char *destination;
  gboolean folder;
  PmExportFormat format;
  PmExportProgressFunc progress;
  gpointer progress_data;
  GDestroyNotify progress_data_destroy;
  GMainContext *context;  /* where progress is reported; NULL: at once */
} Job;

typedef struct
{
  GDestroyNotify destroy;
  gpointer data;
} Destroy;

static gboolean
destroy_cb (gpointer user_data)
{
  Destroy *destroy = user_data;

  destroy->destroy (destroy->data);
  return G_SOURCE_REMOVE;
}

/* Runs FUNC in CONTEXT's thread.  Unlike g_main_context_invoke_full (),
 * never runs it at once in the calling thread, even when no thread is
 * iterating CONTEXT at this moment: the worker must not call the
 * caller's callbacks. */
static void
run_in_context (GMainContext  *context,
                GSourceFunc    func,
                gpointer       data,
                GDestroyNotify destroy)
{
  GSource *source = g_idle_source_new ();

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, func, data, destroy);
  g_source_set_static_name (source, "[plan-monitor] schedule export report");
  g_source_attach (source, context);
  g_source_unref (source);
}

static void
job_clear (Job *job)
{
  g_clear_pointer (&job->schedules, g_ptr_array_unref);
  g_clear_pointer (&job->destination, g_free);
  if (job->progress_data_destroy != NULL)
    {
      /* The progress data belongs to the thread that started the job. */
      if (job->context != NULL && !g_main_context_is_owner (job->context))
        {
          Destroy *destroy = g_new (Destroy, 1);

          destroy->destroy = job->progress_data_destroy;
          destroy->data = job->progress_data;
          run_in_context (job->context, destroy_cb, destroy, g_free);
        }
      else
        job->progress_data_destroy (job->progress_data);
    }
  g_clear_pointer (&job->context, g_main_context_unref);
}

static Job *
job_ref (Job *job)
{
  return g_atomic_rc_box_acquire (job);
}

static void
job_unref (Job *job)
{
  g_atomic_rc_box_release_full (job, (GDestroyNotify) job_clear);
}

typedef struct
{
  Job *job;
  double fraction;
  char *what;
} Report;

static void
report_free (Report *report)
{
  job_unref (report->job);
  g_free (report->what);
  g_free (report);
}

static gboolean
report_cb (gpointer data)
{
  Report *report = data;

  report->job->progress (report->fraction, report->what, report->job->progress_data);
  return G_SOURCE_REMOVE;
}

static void
report (Job        *job,
        double      fraction,
        const char *what)
{
  Report *r;

  if (job->progress == NULL)
    return;
  if (job->context == NULL)
    {
      job->progress (fraction, what, job->progress_data);
      return;
    }

  r = g_new0 (Report, 1);
  r->job = job_ref (job);
  r->fraction = CLAMP (fraction, 0.0, 1.0);
  r->what = g_strdup (what);
  run_in_context (job->context, report_cb, r, (GDestroyNotify) report_free);
}

typedef struct
{
  Job *job;
  double start;
  double share;
} Slice;

static void
slice_progress_cb (double      fraction,
                   const char *what,
                   gpointer    user_data)
{
  Slice *slice = user_data;

  report (slice->job, slice->start + fraction * slice->share, what);
}

static gboolean
write_document (Job          *job,
                GPtrArray    *schedules,
                const char   *path,
                PmExportFormat format,
                double        start,
                double        share,
                GCancellable *cancellable,
                GError      **error)
{
  Slice slice = { job, start, share };

  switch (format)
    {
    case PM_EXPORT_FORMAT_PDF:
      return pm_schedule_write_pdf (schedules, path, slice_progress_cb, &slice, cancellable, error);
    case PM_EXPORT_FORMAT_XLSX:
      return pm_schedule_write_xlsx (schedules, path, slice_progress_cb, &slice, cancellable, error);
    case PM_EXPORT_FORMAT_CSV:
    default:
      return pm_schedule_write_csv (schedules, path, cancellable, error);
    }
}

/* A department's file name: its name (what a file name cannot hold replaced)
 * and the year. */
static char *
department_file_name (PmSchedule    *schedule,
                      PmExportFormat format)
{
  g_autofree char *name = g_strdup (pm_schedule_get_department (schedule));

  g_strdelimit (name, "/\\:*?\"<>|", '_');
  return g_strdup_printf ("%s-%d.%s", name, pm_schedule_get_year (schedule),
                          pm_export_format_get_extension (format));
}

static GStrv
run_job (Job          *job,
         GCancellable *cancellable,
         GError      **error)
{
  g_autoptr (GStrvBuilder) written = g_strv_builder_new ();
  guint n = job->schedules->len;

  report (job, 0, NULL);

  if (!job->folder)
    {
      if (!write_document (job, job->schedules, job->destination, job->format, 0, 1,
                           cancellable, error))
        return NULL;
      g_strv_builder_add (written, job->destination);
    }
  else
    for (guint i = 0; i < n; i++)
      {
        PmSchedule *schedule = g_ptr_array_index (job->schedules, i);
        g_autofree char *name = department_file_name (schedule, job->format);
        g_autofree char *path = g_build_filename (job->destination, name, NULL);
        g_autoptr (GPtrArray) one = g_ptr_array_new ();

        if (g_cancellable_set_error_if_cancelled (cancellable, error))
          return NULL;
        g_ptr_array_add (one, schedule);
        if (!write_document (job, one, path, job->format, (double) i / n, 1.0 / n,
                             cancellable, error))
          return NULL;
        g_strv_builder_add (written, path);
      }

  report (job, 1, NULL);
  return g_strv_builder_end (written);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  GStrv written = run_job (task_data, cancellable, &error);

  if (written == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, written, (GDestroyNotify) g_strfreev);
}

/* Checks the destination and fills in the job's. */
static gboolean
prepare (Job           *job,
         GPtrArray     *schedules,
         const char    *destination,
         PmExportFormat folder_format,
         GError       **error)
{
  job->schedules = g_ptr_array_ref (schedules);
  job->destination = g_strdup (destination);

  if (schedules->len == 0)
    {
      g_set_error (error, PM_ERROR, PM_ERROR_INVALID_DATA, _("No department to export"));
      return FALSE;
    }

  if (g_file_test (destination, G_FILE_TEST_IS_DIR))
    {
      job->folder = TRUE;
      job->format = folder_format;
      return TRUE;
    }
  if (g_str_has_suffix (destination, G_DIR_SEPARATOR_S))
    {
      if (g_mkdir_with_parents (destination, 0777) != 0)
        {
          int saved = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       _("Cannot make the folder “%s”: %s"), destination, g_strerror (saved));
          return FALSE;
        }
      job->folder = TRUE;
      job->format = folder_format;
      return TRUE;
    }
  if (!pm_export_format_from_path (destination, &job->format))
    {
      g_set_error (error, PM_ERROR, PM_ERROR_INVALID_DATA,
                   _("Cannot tell the format of “%s”: give a file name ending in .pdf, .xlsx "
                     "or .csv, or a folder"), destination);
      return FALSE;
    }
  return TRUE;
}

/* Makes the schedules of the departments (of PmDepartment) for the year now,
 * then writes them at destination on a worker thread. progress, when not
 * NULL, is called on the thread-default main context of the caller.
 * The result (pm_schedule_export_finish()) lists the files written. */
void
pm_schedule_export_async (PmProject            *project,
                          PmScheduleSource     *source,
                          GPtrArray            *departments,
                          int                   year,
                          const char           *destination,
                          PmExportFormat        folder_format,
                          PmExportProgressFunc  progress,
                          gpointer              progress_data,
                          GDestroyNotify        progress_data_destroy,
                          GCancellable         *cancellable,
                          GAsyncReadyCallback   callback,
                          gpointer              user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GPtrArray) schedules = NULL;
  g_autoptr (GError) error = NULL;
  Job *job;

  g_return_if_fail (PM_IS_PROJECT (project));
  g_return_if_fail (source == NULL || PM_IS_SCHEDULE_SOURCE (source));
  g_return_if_fail (departments != NULL);
  g_return_if_fail (destination != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pm_schedule_export_async);
  g_task_set_return_on_cancel (task, FALSE);

  job = g_atomic_rc_box_new0 (Job);
  job->progress = progress;
  job->progress_data = progress_data;
  job->progress_data_destroy = progress_data_destroy;
  job->context = g_main_context_ref_thread_default ();
  g_task_set_task_data (task, job, (GDestroyNotify) job_unref);

  schedules = pm_schedule_build_all (project, source, departments, year, NULL, &error);
  if (schedules == NULL || !prepare (job, schedules, destination, folder_format, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_run_in_thread (task, export_thread);
}

/* Returns: (transfer full): the paths of the files written, or NULL with
 * error set (G_IO_ERROR_CANCELLED when cancelled) */
GStrv
pm_schedule_export_finish (GAsyncResult *result,
                           GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pm_schedule_export_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The same, on the calling thread. */
GStrv
pm_schedule_export (PmProject        *project,
                    PmScheduleSource *source,
                    GPtrArray        *departments,
                    int               year,
                    const char       *destination,
                    PmExportFormat    folder_format,
                    GCancellable     *cancellable,
                    GError          **error)
{
  g_autoptr (GPtrArray) schedules = NULL;
  Job *job;
  GStrv written = NULL;

  g_return_val_if_fail (PM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (source == NULL || PM_IS_SCHEDULE_SOURCE (source), NULL);
  g_return_val_if_fail (departments != NULL, NULL);
  g_return_val_if_fail (destination != NULL, NULL);

  schedules = pm_schedule_build_all (project, source, departments, year, NULL, error);
  if (schedules == NULL)
    return NULL;

  job = g_atomic_rc_box_new0 (Job);
  if (prepare (job, schedules, destination, folder_format, error))
    written = run_job (job, cancellable, error);
  job_unref (job);
  return written;
}
