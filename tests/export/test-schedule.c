/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Assembling a department's schedule from the template, synthetic work
 * items and synthetic values (tests only). */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "export-test-source.h"
#include "pm-department.h"
#include "pm-indicator.h"
#include "pm-observation.h"
#include "pm-project.h"
#include "pm-schedule-export.h"
#include "pm-schedule-store-source.h"
#include "pm-schedule-writer.h"
#include "pm-schedule.h"
#include "pm-store.h"
#include "export-test-support.h"

static PmProject *
load_template (void)
{
  g_autoptr (GError) error = NULL;
  PmProject *project = pm_project_new_from_template (&error);

  g_assert_no_error (error);
  /* these tests read the English words; test-schedule-export checks the Chinese default */
  pm_project_set_document_language (project, PM_LANGUAGE_EN);
  return project;
}

static PmSchedule *
make_schedule (PmProject        *project,
               PmScheduleSource *source,
               const char       *department,
               int               year)
{
  g_autoptr (GError) error = NULL;
  PmDepartment *found = pm_project_find_department (project, department);
  PmSchedule *schedule;

  g_assert_nonnull (found);
  schedule = pm_schedule_new (project, source, found, year, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (schedule);
  return schedule;
}

/* A synthetic value, for tests only. */
static void
put_value (PmIndicator *indicator,
           int          year,
           double       value)
{
  g_autoptr (PmObservation) observation = pm_observation_new (year, PM_AREA_COUNTY, value);

  pm_indicator_put_observation (indicator, observation);
}

static void
test_schedule_lists_led_tasks_then_those_it_co_operates_on (void)
{
  g_autoptr (PmProject) project = load_template ();
  g_autoptr (PmSchedule) schedule = make_schedule (project, NULL, "县卫生健康委", 2025);
  GPtrArray *tasks = pm_schedule_get_tasks (schedule);
  const PmScheduleTask *first, *last;
  gboolean in_cooperation = FALSE;

  g_assert_cmpuint (tasks->len, ==, 29);
  g_assert_cmpuint (pm_schedule_count_tasks (schedule, PM_ROLE_LEAD), ==, 13);
  g_assert_cmpuint (pm_schedule_count_tasks (schedule, PM_ROLE_COOPERATES), ==, 16);

  for (guint i = 0; i < tasks->len; i++)
    {
      const PmScheduleTask *task = g_ptr_array_index (tasks, i);

      if (task->role == PM_ROLE_COOPERATES)
        in_cooperation = TRUE;
      else
        g_assert_false (in_cooperation);
    }

  first = g_ptr_array_index (tasks, 0);
  g_assert_cmpstr (first->code, ==, "WT1.1");
  g_assert_cmpstr (first->title, ==, "加强妇幼健康服务体系建设");
  g_assert_cmpstr (first->other_departments, ==, "");
  g_assert_true (g_str_has_prefix (first->text, "加强妇幼健康服务体系建设。"));

  /* WT1.5 is led by 县文化旅游委; the others are listed without 县卫生健康委 */
  last = pm_schedule_find_task (schedule, "WT1.5");
  g_assert_nonnull (last);
  g_assert_cmpint (last->role, ==, PM_ROLE_COOPERATES);
  g_assert_cmpstr (last->lead_department, ==, "县文化旅游委");
  g_assert_cmpstr (last->other_departments, ==, "县文化旅游委、县委宣传部、县民政局、县妇联");
}

static void
test_schedule_sorts_work_items_by_due_date_undated_last (void)
{
  g_autoptr (PmProject) project = load_template ();
  g_autoptr (ExportTestSource) source = export_test_source_new ();
  g_autoptr (PmSchedule) schedule = NULL;
  GPtrArray *items;
  const char *expected[] = { "三月", "六月（早开始）", "六月", "十二月", "未定" };

  export_test_source_add_item (source, "县教委", 2025, NULL, NULL, "未定", NULL, NULL,
                               PM_WORK_STATUS_PLANNED, NULL);
  export_test_source_add_item (source, "县教委", 2025, NULL, NULL, "十二月", "2025-01-01",
                               "2025-12-31", PM_WORK_STATUS_PLANNED, NULL);
  export_test_source_add_item (source, "县教委", 2025, NULL, NULL, "六月", "2025-03-01",
                               "2025-06-30", PM_WORK_STATUS_PLANNED, NULL);
  export_test_source_add_item (source, "县教委", 2025, NULL, NULL, "三月", NULL, "2025-03-31",
                               PM_WORK_STATUS_DONE, NULL);
  export_test_source_add_item (source, "县教委", 2025, NULL, NULL, "六月（早开始）", "2025-01-01",
                               "2025-06-30", PM_WORK_STATUS_PLANNED, NULL);
  /* another year, another department: not in this schedule */
  export_test_source_add_item (source, "县教委", 2024, NULL, NULL, "去年", NULL, "2024-03-31",
                               PM_WORK_STATUS_DONE, NULL);
  export_test_source_add_item (source, "县妇联", 2025, NULL, NULL, "别的部门", NULL, "2025-03-31",
                               PM_WORK_STATUS_DONE, NULL);

  schedule = make_schedule (project, PM_SCHEDULE_SOURCE (source), "县教委", 2025);
  items = pm_schedule_get_work_items (schedule);
  g_assert_cmpuint (items->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < items->len; i++)
    g_assert_cmpstr (((PmWorkItem *) g_ptr_array_index (items, i))->title, ==, expected[i]);
}

static void
test_schedule_gives_each_task_its_work_items_and_latest_note (void)
{
  g_autoptr (PmProject) project = load_template ();
  g_autoptr (ExportTestSource) source = export_test_source_new ();
  g_autoptr (PmSchedule) schedule = NULL;
  const PmScheduleTask *task;
  g_autofree char *summary = NULL;

  export_test_source_add_item (source, "县卫生健康委", 2025, "WT1.1", "W4", "第二项", NULL,
                               "2025-09-30", PM_WORK_STATUS_IN_PROGRESS, NULL);
  export_test_source_add_item (source, "县卫生健康委", 2025, "WT1.1", NULL, "第一项", NULL,
                               "2025-03-31", PM_WORK_STATUS_DONE, NULL);
  export_test_source_add_item (source, "县卫生健康委", 2025, "WT1.2", NULL, "别的任务", NULL,
                               "2025-03-31", PM_WORK_STATUS_PLANNED, NULL);
  export_test_source_add_note (source, "WT1.1", "县卫生健康委", 2023, "二〇二三年的情况");
  export_test_source_add_note (source, "WT1.1", "县卫生健康委", 2024, "二〇二四年的情况");
  export_test_source_add_note (source, "WT1.1", "县卫生健康委", 2026, "以后的情况");
  export_test_source_add_note (source, "WT1.1", "县妇联", 2025, "别的部门的情况");

  schedule = make_schedule (project, PM_SCHEDULE_SOURCE (source), "县卫生健康委", 2025);
  task = pm_schedule_find_task (schedule, "WT1.1");
  g_assert_cmpuint (task->work_items->len, ==, 2);
  g_assert_cmpstr (((PmWorkItem *) g_ptr_array_index (task->work_items, 0))->title, ==, "第一项");
  g_assert_cmpstr (((PmWorkItem *) g_ptr_array_index (task->work_items, 1))->title, ==, "第二项");
  g_assert_cmpstr (task->progress_note, ==, "二〇二四年的情况");
  g_assert_cmpint (task->progress_note_year, ==, 2024);

  summary = pm_work_items_summarize (task->work_items, TRUE, PM_LANGUAGE_EN);
  g_assert_cmpstr (summary, ==, "2: 1 In progress, 1 Done");
  g_free (summary);
  summary = pm_work_items_summarize (task->work_items, FALSE, PM_LANGUAGE_EN);
  g_assert_cmpstr (summary, ==, "2: 1 in-progress, 1 done");

  task = pm_schedule_find_task (schedule, "CT1.2");
  g_assert_cmpuint (task->work_items->len, ==, 0);
  g_assert_null (task->progress_note);
}

static void
test_schedule_indicators_carry_target_latest_value_and_missing_flag (void)
{
  g_autoptr (PmProject) project = load_template ();
  g_autoptr (PmSchedule) before = NULL;
  g_autoptr (PmSchedule) after = NULL;
  PmIndicator *w4 = pm_project_find_indicator (project, "W4");
  const PmScheduleIndicator *row = NULL;
  GPtrArray *indicators;

  put_value (w4, 2023, 96.5);
  put_value (w4, 2026, 99.0);

  before = make_schedule (project, NULL, "县卫生健康委", 2025);
  indicators = pm_schedule_get_indicators (before);
  g_assert_cmpuint (indicators->len, ==, 28);
  for (guint i = 0; i < indicators->len; i++)
    if (g_strcmp0 (((PmScheduleIndicator *) g_ptr_array_index (indicators, i))->code, "W4") == 0)
      row = g_ptr_array_index (indicators, i);
  g_assert_nonnull (row);
  g_assert_cmpstr (row->name, ==, "孕产妇系统管理率（%）");
  g_assert_cmpstr (row->county_target, ==, "≥94");
  g_assert_cmpint (row->attribute, ==, PM_ATTRIBUTE_EXPECTED);
  g_assert_cmpint (row->role, ==, PM_ROLE_LEAD);
  g_assert_cmpstr (row->latest_value, ==, "96.5");
  g_assert_cmpint (row->latest_year, ==, 2023);  /* not the 2026 value */
  g_assert_true (row->missing_this_year);
  g_assert_cmpint (row->status, ==, PM_STATUS_ACHIEVED);
  g_assert_nonnull (row->explanation);

  put_value (w4, 2025, 97.0);
  after = make_schedule (project, NULL, "县卫生健康委", 2025);
  indicators = pm_schedule_get_indicators (after);
  row = NULL;
  for (guint i = 0; i < indicators->len; i++)
    if (g_strcmp0 (((PmScheduleIndicator *) g_ptr_array_index (indicators, i))->code, "W4") == 0)
      row = g_ptr_array_index (indicators, i);
  g_assert_cmpstr (row->latest_value, ==, "97");
  g_assert_cmpint (row->latest_year, ==, 2025);
  g_assert_false (row->missing_this_year);
}

static void
test_schedule_lists_binding_indicators_first (void)
{
  g_autoptr (PmProject) project = load_template ();
  g_autoptr (PmSchedule) schedule = make_schedule (project, NULL, "县卫生健康委", 2025);
  GPtrArray *indicators = pm_schedule_get_indicators (schedule);
  gboolean expected_seen = FALSE;
  guint binding = 0;

  for (guint i = 0; i < indicators->len; i++)
    {
      const PmScheduleIndicator *row = g_ptr_array_index (indicators, i);

      if (row->attribute == PM_ATTRIBUTE_BINDING)
        {
          g_assert_false (expected_seen);
          binding++;
        }
      else
        expected_seen = TRUE;
    }
  g_assert_cmpuint (binding, ==, 10);
  /* in the catalogue's order within each group */
  g_assert_cmpstr (((PmScheduleIndicator *) g_ptr_array_index (indicators, 0))->code, ==, "W3");
  g_assert_cmpstr (((PmScheduleIndicator *) g_ptr_array_index (indicators, binding))->code, ==, "W1");
}

static void
test_schedule_lists_its_key_projects_with_the_others (void)
{
  g_autoptr (PmProject) project = load_template ();
  g_autoptr (PmSchedule) schedule = make_schedule (project, NULL, "县医保局", 2025);
  GPtrArray *projects = pm_schedule_get_key_projects (schedule);
  const PmScheduleProject *first;

  g_assert_cmpuint (projects->len, ==, 4);
  first = g_ptr_array_index (projects, 0);
  g_assert_cmpstr (first->code, ==, "WP3.1");
  g_assert_cmpstr (first->name, ==, "妇幼健康促进项目");
  g_assert_cmpstr (first->box_title, ==, "妇女健康提升重点工程");
  g_assert_cmpint (first->role, ==, PM_ROLE_COOPERATES);
  g_assert_cmpstr (first->other_departments, ==, "县卫生健康委、县经济信息委、县妇联");
}

static void
test_schedule_without_source_has_no_work_items (void)
{
  g_autoptr (PmProject) project = load_template ();
  g_autoptr (PmSchedule) schedule = make_schedule (project, NULL, "县体育局", 2025);

  g_assert_cmpuint (pm_schedule_get_work_items (schedule)->len, ==, 0);
  g_assert_cmpuint (pm_schedule_get_tasks (schedule)->len, ==, 0);
  g_assert_cmpuint (pm_schedule_get_indicators (schedule)->len, ==, 1);
  g_assert_cmpuint (pm_schedule_get_key_projects (schedule)->len, ==, 0);
}

static void
test_schedule_passes_on_the_source_error (void)
{
  g_autoptr (PmProject) project = load_template ();
  g_autoptr (ExportTestSource) source = export_test_source_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (PmSchedule) schedule = NULL;

  export_test_source_fail (source, TRUE);
  schedule = pm_schedule_new (project, PM_SCHEDULE_SOURCE (source),
                              pm_project_find_department (project, "县教委"), 2025, NULL, &error);
  g_assert_null (schedule);
  g_assert_error (error, PM_ERROR, PM_ERROR_IO);
}

static void
test_schedule_title_names_department_and_year (void)
{
  g_autoptr (PmProject) project = load_template ();
  g_autoptr (PmSchedule) schedule = make_schedule (project, NULL, "县妇联", 2025);
  g_autofree char *title = pm_schedule_dup_title (schedule);
  const char *const *plans = pm_schedule_get_plan_names (schedule);

  g_assert_cmpstr (title, ==, "县妇联: work schedule for 2025");
  g_assert_cmpuint (g_strv_length ((GStrv) plans), ==, 2);
  g_assert_cmpstr (plans[0], ==, "云阳县妇女发展规划（2021—2030年）");
}

static void
test_store_source_gives_the_project_file_work_items (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "county.pmproj", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PmStore) store = pm_store_create_from_template (path, &error);
  g_autoptr (PmScheduleSource) source = NULL;
  g_autoptr (PmSchedule) schedule = NULL;
  g_autoptr (PmWorkItem) item = pm_work_item_new ("县妇联", 2025, "妇女议事会（测试）");
  const PmScheduleTask *task;
  int note_year = -1;
  char *note;

  g_assert_no_error (error);
  item->task_code = g_strdup ("WT6.3");
  item->due_on = g_strdup ("2025-10-31");
  item->status = PM_WORK_STATUS_IN_PROGRESS;
  g_assert_cmpint (pm_store_add_work_item (store, item, &error), >, 0);
  g_assert_no_error (error);

  source = pm_schedule_source_new_for_store (store);
  schedule = pm_schedule_new (pm_store_get_project (store), source,
                              pm_project_find_department (pm_store_get_project (store), "县妇联"),
                              2025, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pm_schedule_get_work_items (schedule)->len, ==, 1);
  task = pm_schedule_find_task (schedule, "WT6.3");
  g_assert_cmpuint (task->work_items->len, ==, 1);
  g_assert_cmpstr (((PmWorkItem *) g_ptr_array_index (task->work_items, 0))->title, ==,
                   "妇女议事会（测试）");

  /* no progress note written yet: none, and no error */
  note = pm_schedule_source_dup_progress_note (source, "WT6.3", "县妇联", 2025, &note_year, &error);
  g_assert_no_error (error);
  g_assert_null (note);
  g_assert_cmpint (note_year, ==, 0);

  pm_store_close (store);
}

static void
test_store_source_gives_the_latest_progress_note_of_the_file (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "county.pmproj", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PmStore) store = pm_store_create_from_template (path, &error);
  g_autoptr (PmScheduleSource) source = NULL;
  g_autoptr (PmSchedule) schedule = NULL;
  g_autoptr (PmSchedule) earlier = NULL;
  g_autoptr (GPtrArray) schedules = g_ptr_array_new ();
  g_autofree char *csv = NULL;
  PmDepartment *department;
  const PmScheduleTask *task;

  g_assert_no_error (error);
  department = pm_project_find_department (pm_store_get_project (store), "县妇联");
  g_assert_true (pm_store_set_progress_note (store, "WT6.3", "县妇联", 2023,
                                             "议事会试点（测试数据）", &error));
  g_assert_true (pm_store_set_progress_note (store, "WT6.3", "县妇联", 2024,
                                             "议事会覆盖全部村社区（测试数据）", &error));
  /* another department's note is not this one's */
  g_assert_true (pm_store_set_progress_note (store, "WT6.3", "县民政局", 2025,
                                             "民政局的说明（测试数据）", &error));
  g_assert_no_error (error);

  source = pm_schedule_source_new_for_store (store);
  schedule = pm_schedule_new (pm_store_get_project (store), source, department, 2025, NULL,
                              &error);
  g_assert_no_error (error);
  task = pm_schedule_find_task (schedule, "WT6.3");
  g_assert_cmpstr (task->progress_note, ==, "议事会覆盖全部村社区（测试数据）");
  g_assert_cmpint (task->progress_note_year, ==, 2024);

  /* the schedule of 2023 shows the note of 2023 */
  earlier = pm_schedule_new (pm_store_get_project (store), source, department, 2023, NULL,
                             &error);
  g_assert_cmpstr (pm_schedule_find_task (earlier, "WT6.3")->progress_note, ==,
                   "议事会试点（测试数据）");

  g_ptr_array_add (schedules, schedule);
  csv = pm_schedule_to_csv (schedules);
  g_assert_nonnull (strstr (csv, "议事会覆盖全部村社区（测试数据）"));
  g_assert_null (strstr (csv, "民政局的说明"));

  pm_store_close (store);
}

static void
test_find_departments_all_gives_every_department (void)
{
  g_autoptr (PmProject) project = load_template ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) all = pm_schedule_find_departments (project, "all", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 38);
  g_assert_cmpstr (pm_department_get_name (g_ptr_array_index (all, 0)), ==, "县卫生健康委");
}

static void
test_find_departments_unknown_name_lists_the_valid_ones (void)
{
  g_autoptr (PmProject) project = load_template ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) none = pm_schedule_find_departments (project, "县卫健委", &error);

  g_assert_null (none);
  g_assert_error (error, PM_ERROR, PM_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "“县卫健委”"));
  g_assert_nonnull (strstr (error->message, "县卫生健康委"));
  g_assert_nonnull (strstr (error->message, "县网络安全和信息化中心"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/schedule/lists-led-tasks-then-those-it-co-operates-on",
                   test_schedule_lists_led_tasks_then_those_it_co_operates_on);
  g_test_add_func ("/export/schedule/sorts-work-items-by-due-date-undated-last",
                   test_schedule_sorts_work_items_by_due_date_undated_last);
  g_test_add_func ("/export/schedule/gives-each-task-its-work-items-and-latest-note",
                   test_schedule_gives_each_task_its_work_items_and_latest_note);
  g_test_add_func ("/export/schedule/indicators-carry-target-latest-value-and-missing-flag",
                   test_schedule_indicators_carry_target_latest_value_and_missing_flag);
  g_test_add_func ("/export/schedule/lists-binding-indicators-first",
                   test_schedule_lists_binding_indicators_first);
  g_test_add_func ("/export/schedule/lists-its-key-projects-with-the-others",
                   test_schedule_lists_its_key_projects_with_the_others);
  g_test_add_func ("/export/schedule/without-source-has-no-work-items",
                   test_schedule_without_source_has_no_work_items);
  g_test_add_func ("/export/schedule/passes-on-the-source-error",
                   test_schedule_passes_on_the_source_error);
  g_test_add_func ("/export/schedule/title-names-department-and-year",
                   test_schedule_title_names_department_and_year);
  g_test_add_func ("/export/schedule/store-source-gives-the-project-file-work-items",
                   test_store_source_gives_the_project_file_work_items);
  g_test_add_func ("/export/schedule/store-source-gives-the-latest-progress-note-of-the-file",
                   test_store_source_gives_the_latest_progress_note_of_the_file);
  g_test_add_func ("/export/schedule/find-departments-all-gives-every-department",
                   test_find_departments_all_gives_every_department);
  g_test_add_func ("/export/schedule/find-departments-unknown-name-lists-the-valid-ones",
                   test_find_departments_unknown_name_lists_the_valid_ones);

  return g_test_run ();
}
