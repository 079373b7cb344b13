/* SPDX-License-Identifier: GPL-3.0-or-later */
/* plan-monitor --export-schedule and --export-task-division, run as a user
 * would, without a display. */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <sys/wait.h>

#include "export-test-support.h"
#include "pm-store.h"

typedef struct
{
  int status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_plan_monitor (Run        *run,
                  const char *first_arg,
                  ...) G_GNUC_NULL_TERMINATED;

static void
run_plan_monitor (Run        *run,
                  const char *first_arg,
                  ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_auto (GStrv) envp = g_get_environ ();
  g_autoptr (GError) error = NULL;
  int wait_status;
  va_list args;

  g_ptr_array_add (argv, (char *) g_getenv ("PM_PLAN_MONITOR"));
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

static void
test_help_describes_the_schedule_options (void)
{
  g_auto (Run) run = { 0 };

  run_plan_monitor (&run, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "--export-schedule=DEPARTMENT|all"));
  g_assert_nonnull (strstr (run.out, "--export-task-division=FILE"));
  g_assert_nonnull (strstr (run.out, "--year=YEAR"));
  g_assert_nonnull (strstr (run.out, "--output=PATH"));
  g_assert_nonnull (strstr (run.out, "--format=FORMAT"));
  g_assert_nonnull (strstr (run.out, "plan-monitor --export-schedule all --year 2025"));
}

static void
test_one_department_to_a_pdf (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "县妇联-2025.pdf", NULL);
  g_auto (Run) run = { 0 };

  run_plan_monitor (&run, "--export-schedule", "县妇联", "--year", "2025", "--output", path, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, path));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  if (export_test_need_tool ("pdftotext"))
    {
      g_autofree char *text = export_test_pdf_text (path, 1);

      g_assert_nonnull (strstr (text, "县妇联"));
    }
}

static void
test_unknown_department_lists_the_valid_ones (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "x.pdf", NULL);
  g_auto (Run) run = { 0 };

  run_plan_monitor (&run, "--export-schedule", "县卫健委", "--year", "2025", "--output", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "“县卫健委”"));
  g_assert_nonnull (strstr (run.err, "  县卫生健康委\n"));
  g_assert_nonnull (strstr (run.err, "  县网络安全和信息化中心"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_all_into_a_folder_writes_one_file_per_department (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autofree char *expected = g_build_filename (dir, "县教委-2025.xlsx", NULL);
  g_autoptr (GDir) listing = NULL;
  g_auto (Run) run = { 0 };
  guint n = 0;

  run_plan_monitor (&run, "--export-schedule", "all", "--year", "2025", "--output", dir,
                    "--format", "xlsx", NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);

  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing))
    n++;
  g_assert_cmpuint (n, ==, 38);
  g_assert_true (g_file_test (expected, G_FILE_TEST_IS_REGULAR));
}

static void
test_all_into_one_xlsx_has_a_sheet_per_department (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "schedules.xlsx", NULL);
  g_auto (GStrv) sheets = NULL;
  g_auto (Run) run = { 0 };

  if (!export_test_need_tool ("unzip"))
    return;

  run_plan_monitor (&run, "--export-schedule", "all", "--year", "2025", "--output", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  sheets = export_test_xlsx_sheet_names (path);
  g_assert_cmpuint (g_strv_length (sheets), ==, 38);
  g_assert_cmpstr (sheets[0], ==, "县卫生健康委");
  g_assert_cmpstr (sheets[37], ==, "县网络安全和信息化中心");
}

static void
test_schedule_needs_year_and_output (void)
{
  g_auto (Run) no_year = { 0 };
  g_auto (Run) no_output = { 0 };
  g_auto (Run) bad_year = { 0 };
  g_auto (Run) bad_format = { 0 };
  g_auto (Run) mismatch = { 0 };

  run_plan_monitor (&no_year, "--export-schedule", "县妇联", "--output", "x.pdf", NULL);
  g_assert_cmpint (no_year.status, ==, 2);
  g_assert_nonnull (strstr (no_year.err, "--year"));

  run_plan_monitor (&no_output, "--export-schedule", "县妇联", "--year", "2025", NULL);
  g_assert_cmpint (no_output.status, ==, 2);

  run_plan_monitor (&bad_year, "--export-schedule", "县妇联", "--year", "2019", "--output",
                    "x.pdf", NULL);
  g_assert_cmpint (bad_year.status, ==, 2);
  g_assert_nonnull (strstr (bad_year.err, "“2019”"));

  run_plan_monitor (&bad_format, "--export-schedule", "all", "--year", "2025", "--output",
                    "out/", "--format", "docx", NULL);
  g_assert_cmpint (bad_format.status, ==, 2);

  run_plan_monitor (&mismatch, "--export-schedule", "all", "--year", "2025", "--output",
                    "x.pdf", "--format", "csv", NULL);
  g_assert_cmpint (mismatch.status, ==, 2);
}

static void
test_unknown_file_type_is_a_user_error (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "schedule.doc", NULL);
  g_auto (Run) run = { 0 };

  run_plan_monitor (&run, "--export-schedule", "县妇联", "--year", "2025", "--output", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "schedule.doc"));
}

static void
test_year_alone_is_a_usage_error (void)
{
  g_auto (Run) run = { 0 };

  run_plan_monitor (&run, "--year", "2025", NULL);
  g_assert_cmpint (run.status, ==, 2);
}

static void
test_task_division_to_csv (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "division.csv", NULL);
  g_autofree char *contents = NULL;
  g_auto (Run) run = { 0 };

  run_plan_monitor (&run, "--export-task-division", path, "--year", "2025", "--language", "en",
                    NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF" "year,plan,code,"));
  g_assert_nonnull (strstr (contents, "\r\n2025,云阳县妇女发展规划（2021—2030年）,WT1.1,"));
}

static void
test_schedule_of_a_project_file_has_its_work_items (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autofree char *project = g_build_filename (dir, "county.pmproj", NULL);
  g_autofree char *path = g_build_filename (dir, "县妇联.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (Run) run = { 0 };

  {
    g_autoptr (PmStore) store = pm_store_create_from_template (project, &error);
    g_autoptr (PmWorkItem) item = pm_work_item_new ("县妇联", 2025, "妇女议事会（测试）");

    g_assert_no_error (error);
    item->task_code = g_strdup ("WT6.3");
    item->due_on = g_strdup ("2025-10-31");
    g_assert_cmpint (pm_store_add_work_item (store, item, &error), >, 0);
    g_assert_no_error (error);
    pm_store_close (store);
  }

  run_plan_monitor (&run, "--export-schedule", "县妇联", "--year", "2025", "--output", path,
                    "--language", "en", project, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, ",work-item,,妇女议事会（测试）,,WT6.3,,,,,2025-10-31,planned,"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/cli/help-describes-the-schedule-options",
                   test_help_describes_the_schedule_options);
  g_test_add_func ("/export/cli/one-department-to-a-pdf", test_one_department_to_a_pdf);
  g_test_add_func ("/export/cli/unknown-department-lists-the-valid-ones",
                   test_unknown_department_lists_the_valid_ones);
  g_test_add_func ("/export/cli/all-into-a-folder-writes-one-file-per-department",
                   test_all_into_a_folder_writes_one_file_per_department);
  g_test_add_func ("/export/cli/all-into-one-xlsx-has-a-sheet-per-department",
                   test_all_into_one_xlsx_has_a_sheet_per_department);
  g_test_add_func ("/export/cli/schedule-needs-year-and-output", test_schedule_needs_year_and_output);
  g_test_add_func ("/export/cli/unknown-file-type-is-a-user-error",
                   test_unknown_file_type_is_a_user_error);
  g_test_add_func ("/export/cli/year-alone-is-a-usage-error", test_year_alone_is_a_usage_error);
  g_test_add_func ("/export/cli/task-division-to-csv", test_task_division_to_csv);
  g_test_add_func ("/export/cli/schedule-of-a-project-file-has-its-work-items",
                   test_schedule_of_a_project_file_has_its_work_items);

  return g_test_run ();
}
