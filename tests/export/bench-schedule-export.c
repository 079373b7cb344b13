/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Prints how long exporting the schedules of all 38 departments takes, as
 * PDF and as XLSX, on the built-in template with SYNTHETIC work items (two
 * per task and department) and progress notes. Asserts no time. */
#include "config.h"

#include <locale.h>

#include "export-test-source.h"
#include "export-test-support.h"
#include "pm-department.h"
#include "pm-project.h"
#include "pm-schedule-export.h"
#include "pm-task.h"

static ExportTestSource *
make_source (PmProject *project)
{
  ExportTestSource *source = export_test_source_new ();
  GListModel *tasks = pm_project_get_tasks (project);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr (PmTask) task = g_list_model_get_item (tasks, i);
      GListModel *departments = pm_task_get_departments (task);

      for (guint d = 0; d < g_list_model_get_n_items (departments); d++)
        {
          g_autoptr (PmDepartment) department = g_list_model_get_item (departments, d);
          const char *name = pm_department_get_name (department);

          export_test_source_add_item (source, name, 2025, pm_task_get_code (task), NULL,
                                       "合成工作事项一（基准测试）", "2025-01-01", "2025-06-30",
                                       PM_WORK_STATUS_IN_PROGRESS, "合成备注");
          export_test_source_add_item (source, name, 2025, pm_task_get_code (task), NULL,
                                       "合成工作事项二（基准测试）", NULL, "2025-12-31",
                                       PM_WORK_STATUS_PLANNED, NULL);
          export_test_source_add_note (source, pm_task_get_code (task), name, 2024,
                                       "合成的实施情况，仅用于基准测试。");
          n += 2;
        }
    }
  g_print ("%u synthetic work items\n", n);
  return source;
}

static void
time_export (PmProject        *project,
             PmScheduleSource *source,
             GPtrArray        *departments,
             const char       *destination,
             PmExportFormat    format,
             const char       *label)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GTimer) timer = g_timer_new ();
  g_auto (GStrv) written = pm_schedule_export (project, source, departments, 2025, destination,
                                               format, NULL, &error);

  g_assert_no_error (error);
  g_print ("%-52s %7.3f s  (%u file%s)\n", label, g_timer_elapsed (timer, NULL),
           g_strv_length (written), g_strv_length (written) == 1 ? "" : "s");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PmProject) project = NULL;
  g_autoptr (ExportTestSource) source = NULL;
  g_autoptr (GPtrArray) departments = NULL;
  g_autoptr (GPtrArray) schedules = NULL;
  g_autoptr (GTimer) timer = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *xlsx = NULL;
  g_autofree char *folder = NULL;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  project = pm_project_new_from_template (&error);
  g_assert_no_error (error);
  source = make_source (project);
  departments = pm_schedule_find_departments (project, "all", &error);
  g_assert_no_error (error);

  dir = g_dir_make_tmp ("pm-bench-XXXXXX", &error);
  g_assert_no_error (error);
  pdf = g_build_filename (dir, "schedules.pdf", NULL);
  xlsx = g_build_filename (dir, "schedules.xlsx", NULL);
  folder = g_build_filename (dir, "folder", G_DIR_SEPARATOR_S, NULL);

  timer = g_timer_new ();
  schedules = pm_schedule_build_all (project, PM_SCHEDULE_SOURCE (source), departments, 2025,
                                     NULL, &error);
  g_assert_no_error (error);
  g_print ("%-52s %7.3f s\n", "making 38 schedules (the caller's thread)",
           g_timer_elapsed (timer, NULL));

  time_export (project, PM_SCHEDULE_SOURCE (source), departments, pdf, PM_EXPORT_FORMAT_PDF,
               "38 schedules as one PDF");
  if (g_find_program_in_path ("pdfinfo"))
    g_print ("%-52s %7u\n", "  pages", export_test_pdf_pages (pdf));
  time_export (project, PM_SCHEDULE_SOURCE (source), departments, folder, PM_EXPORT_FORMAT_PDF,
               "38 schedules as one PDF each");
  time_export (project, PM_SCHEDULE_SOURCE (source), departments, xlsx, PM_EXPORT_FORMAT_XLSX,
               "38 schedules as one XLSX (38 sheets)");
  time_export (project, PM_SCHEDULE_SOURCE (source), departments, folder, PM_EXPORT_FORMAT_XLSX,
               "38 schedules as one XLSX each");
  time_export (project, PM_SCHEDULE_SOURCE (source), departments, folder, PM_EXPORT_FORMAT_CSV,
               "38 schedules as one CSV each");

  {
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", dir);

    g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
  }
  return 0;
}
