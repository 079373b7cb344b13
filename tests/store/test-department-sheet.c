/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A department's sheet (pm-department-sheet.h) and the office's view of who
 * has reported (pm-completeness.h), without a display. Every value here is
 * SYNTHETIC. */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "pm-completeness.h"
#include "pm-department-sheet.h"
#include "pm-department.h"
#include "pm-indicator.h"
#include "pm-observation.h"
#include "pm-project.h"
#include "pm-task.h"
#include "store-test-util.h"

typedef struct
{
  char *dir;
  char *path;
  PmStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;

  fixture->dir = store_test_make_dir ();
  fixture->path = store_test_new_project (fixture->dir, "county.pmproj");
  fixture->store = pm_store_open (fixture->path, PM_STORE_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  pm_store_set_user_name (fixture->store, "测试员");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->store);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static PmDepartmentSheet *
sheet_of (Fixture    *fixture,
          const char *name)
{
  PmDepartment *department = pm_project_find_department (pm_store_get_project (fixture->store),
                                                         name);

  g_assert_nonnull (department);
  return pm_department_sheet_new (fixture->store, department);
}

static double
value_of (Fixture    *fixture,
          const char *code,
          int         year)
{
  PmIndicator *indicator = pm_project_find_indicator (pm_store_get_project (fixture->store), code);
  PmObservation *observation = pm_indicator_find_observation (indicator, year, NULL);

  return observation ? pm_observation_get_value (observation) : NAN;
}

static guint
row_of (PmDepartmentSheet *sheet,
        const char        *code)
{
  int row = pm_department_sheet_find_row (sheet, code);

  g_assert_cmpint (row, >=, 0);
  return (guint) row;
}

static void
test_sees_the_indicators_of_both_plans_it_answers_for (Fixture       *fixture,
                                                       gconstpointer  user_data)
{
  g_autoptr (PmDepartmentSheet) sheet = sheet_of (fixture, "县教委");
  g_autoptr (GString) codes = g_string_new (NULL);

  for (guint row = 0; row < pm_department_sheet_get_n_rows (sheet); row++)
    {
      PmIndicator *indicator = pm_department_sheet_get_indicator (sheet, row);

      g_assert_cmpint (pm_indicator_get_period (indicator), ==, PM_PERIOD_2021_2030);
      g_string_append_printf (codes, "%s%s ", pm_indicator_get_code (indicator),
                              pm_department_sheet_get_role (sheet, row) == PM_ROLE_LEAD ? ""
                                                                                        : "*");
    }

  /* both plans in catalogue order; sub-rows that inherit the department
   * (C10.1 …) are there; * marks the rows it co-operates on */
  g_assert_cmpstr (codes->str, ==,
                   "W11 W12 W13 W14 C4 C10 C10.1 C10.2 C10.3 C11 C14 C15 C15.1 C15.2 C16* C17* "
                   "C18* C19 C20 C21 C22 C28 C29 ");
  g_assert_cmpuint (pm_department_sheet_count_lead_rows (sheet), ==, 20);
  g_assert_cmpint (pm_department_sheet_find_row (sheet, "W1"), ==, -1);
  g_assert_cmpint (pm_department_sheet_find_row (sheet, "HC10"), ==, -1);
}

static void
test_sees_the_key_tasks_it_leads_or_co_operates_on (Fixture       *fixture,
                                                    gconstpointer  user_data)
{
  g_autoptr (PmDepartmentSheet) sheet = sheet_of (fixture, "县卫生健康委");
  GPtrArray *tasks = pm_department_sheet_list_tasks (sheet);
  guint n_lead = 0;

  g_assert_cmpuint (tasks->len, ==, 29);
  for (guint i = 0; i < tasks->len; i++)
    {
      PmTask *task = g_ptr_array_index (tasks, i);

      g_assert_true (pm_task_get_text (task) && *pm_task_get_text (task));
      if (pm_department_sheet_get_task_role (sheet, task) == PM_ROLE_LEAD)
        n_lead++;
    }
  g_assert_cmpstr (pm_task_get_code (g_ptr_array_index (tasks, 0)), ==, "WT1.1");
  g_assert_cmpuint (n_lead, >, 0);
  g_assert_cmpuint (n_lead, <, tasks->len);
}

static void
test_paste_writes_a_block_as_one_edit (Fixture       *fixture,
                                       gconstpointer  user_data)
{
  g_autoptr (PmDepartmentSheet) sheet = sheet_of (fixture, "县教委");
  g_autoptr (GError) error = NULL;
  guint written = 0;
  gint64 history;

  /* three lines from C10, two years from 2022, as a spreadsheet copies them */
  g_assert_true (pm_department_sheet_paste (sheet, row_of (sheet, "C10"), 2022,
                                            "91.5\t９２.０\r\n35\t34.5%\r\n55\t\r\n",
                                            &written, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (written, ==, 5);
  g_assert_cmpfloat (value_of (fixture, "C10", 2022), ==, 91.5);
  g_assert_cmpfloat (value_of (fixture, "C10", 2023), ==, 92);
  g_assert_cmpfloat (value_of (fixture, "C10.1", 2022), ==, 35);
  g_assert_cmpfloat (value_of (fixture, "C10.1", 2023), ==, 34.5);
  g_assert_cmpfloat (value_of (fixture, "C10.2", 2022), ==, 55);
  /* an empty cell leaves the year as it was */
  g_assert_true (isnan (value_of (fixture, "C10.2", 2023)));
  history = store_test_query_int (fixture->path, "SELECT count (*) FROM observation_history");
  g_assert_cmpint (history, ==, 5);

  /* one undo takes the whole block back */
  g_assert_cmpstr (pm_store_get_undo_label (fixture->store), ==, "Paste 5 values");
  g_assert_true (pm_store_undo (fixture->store, &error));
  g_assert_true (isnan (value_of (fixture, "C10", 2022)));
  g_assert_true (isnan (value_of (fixture, "C10.2", 2022)));
}

static void
assert_paste_refused (Fixture           *fixture,
                      PmDepartmentSheet *sheet,
                      const char        *code,
                      int                year,
                      const char        *text,
                      const char        *expected)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *before = store_test_checksum (fixture->path);

  g_assert_false (pm_department_sheet_paste (sheet, row_of (sheet, code), year, text, NULL,
                                             &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID);
  if (strstr (error->message, expected) == NULL)
    g_error ("“%s” is not in “%s”", expected, error->message);
  g_assert_cmpstr (store_test_checksum (fixture->path), ==, before);
}

static void
test_a_bad_paste_changes_nothing_and_names_each_cell (Fixture       *fixture,
                                                      gconstpointer  user_data)
{
  g_autoptr (PmDepartmentSheet) sheet = sheet_of (fixture, "县教委");
  g_autoptr (GError) error = NULL;

  /* one bad cell among good ones: nothing is written, the cell is named */
  assert_paste_refused (fixture, sheet, "C10", 2022, "91\t92\n35\tabc\n", "abc");
  assert_paste_refused (fixture, sheet, "C10", 2022, "91\t92\n35\tabc\n",
                        "C10.1, 2023 (line 2, column 2 of the copied cells)");
  assert_paste_refused (fixture, sheet, "C10", 2022, "91\t92\n35\tabc\n",
                        "1 cell is wrong");
  g_assert_true (isnan (value_of (fixture, "C10", 2022)));
  /* a ‰ sign on a % indicator */
  assert_paste_refused (fixture, sheet, "C10", 2022, "91‰", "‰");
  /* the 2020 baseline of a row continuing a 2011–2020 one is not entered,
   * nor a year after 2030 */
  assert_paste_refused (fixture, sheet, "C4", 2020, "91", "baseline");
  assert_paste_refused (fixture, sheet, "C10", 2030, "91\t92", "2031");
  /* below the last row */
  assert_paste_refused (fixture, sheet, "C29", 2022, "91\n92", "no row below");
  /* every wrong cell is listed */
  assert_paste_refused (fixture, sheet, "C10", 2022, "x\ty\n", "2 cells are wrong");

  /* a value an accepted report locks */
  g_assert_true (pm_store_submit_department_report (fixture->store, "县教委", 2024, NULL, &error));
  g_assert_true (pm_store_accept_department_report (fixture->store, "县教委", 2024, &error));
  g_assert_no_error (error);
  g_assert_false (pm_department_sheet_can_edit (sheet, row_of (sheet, "C10"), 2024, NULL));
  assert_paste_refused (fixture, sheet, "C10", 2023, "91\t92", "locked");
  g_assert_true (isnan (value_of (fixture, "C10", 2023)));
}

static void
test_the_baseline_of_an_indicator_new_in_the_period_is_entered (Fixture       *fixture,
                                                                gconstpointer  user_data)
{
  g_autoptr (PmDepartmentSheet) sheet = sheet_of (fixture, "县委宣传部");
  g_autoptr (PmDepartmentSheet) education = sheet_of (fixture, "县教委");
  PmProject *project = pm_store_get_project (fixture->store);
  g_autoptr (GError) error = NULL;
  g_autofree char *why = NULL;
  guint n_written = 0;

  /* W40 (县级文明家庭) continues no 2011–2020 row: nothing else gives its 2020 value */
  g_assert_null (pm_indicator_get_predecessor (pm_project_find_indicator (project, "W40")));
  g_assert_true (pm_department_sheet_can_edit (sheet, row_of (sheet, "W40"), 2020, NULL));
  g_assert_true (pm_department_sheet_paste (sheet, row_of (sheet, "W40"), 2020, "100\t110", &n_written,
                                            &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_written, ==, 2);
  g_assert_cmpfloat (value_of (fixture, "W40", 2020), ==, 100);

  /* C4 continues HC4, whose 2020 result is the baseline */
  g_assert_nonnull (pm_indicator_get_predecessor (pm_project_find_indicator (project, "C4")));
  g_assert_false (pm_department_sheet_can_edit (education, row_of (education, "C4"), 2020, &why));
  g_assert_nonnull (strstr (why, "baseline"));
  g_assert_false (pm_department_sheet_can_edit (sheet, row_of (sheet, "W40"), 2019, NULL));
}

static void
test_paste_reads_judgements_of_manual_targets (Fixture       *fixture,
                                               gconstpointer  user_data)
{
  g_autoptr (PmDepartmentSheet) sheet = sheet_of (fixture, "县委组织部");
  g_autoptr (GError) error = NULL;
  PmIndicator *w20 = pm_project_find_indicator (pm_store_get_project (fixture->store), "W20");
  PmObservation *observation;

  g_assert_true (pm_store_set_observation (fixture->store, "W20", 2023, NULL, 28.5, NULL, NULL,
                                           NULL, FALSE, &error));
  g_assert_true (pm_department_sheet_paste (sheet, row_of (sheet, "W20"), 2023, "已达标\t未达标",
                                            NULL, &error));
  g_assert_no_error (error);
  /* the judgement keeps the year's number */
  observation = pm_indicator_find_observation (w20, 2023, NULL);
  g_assert_cmpfloat (pm_observation_get_value (observation), ==, 28.5);
  g_assert_cmpstr (pm_observation_get_text (observation), ==, "已达标");
  observation = pm_indicator_find_observation (w20, 2024, NULL);
  g_assert_true (isnan (pm_observation_get_value (observation)));
  g_assert_cmpstr (pm_observation_get_text (observation), ==, "未达标");

  /* and a number keeps the judgement */
  g_assert_true (pm_department_sheet_paste (sheet, row_of (sheet, "W20"), 2023, "29", NULL,
                                            &error));
  observation = pm_indicator_find_observation (w20, 2023, NULL);
  g_assert_cmpfloat (pm_observation_get_value (observation), ==, 29);
  g_assert_cmpstr (pm_observation_get_text (observation), ==, "已达标");
}

static void
test_checks_carry_their_confirmation (Fixture       *fixture,
                                      gconstpointer  user_data)
{
  g_autoptr (PmDepartmentSheet) sheet = sheet_of (fixture, "县教委");
  g_autoptr (GPtrArray) checks = NULL;
  g_autoptr (GPtrArray) cell = NULL;
  g_autoptr (GError) error = NULL;
  const PmSheetCheck *check;

  g_assert_true (pm_department_sheet_paste (sheet, row_of (sheet, "C10"), 2023, "104.32", NULL,
                                            &error));
  g_assert_no_error (error);
  checks = pm_department_sheet_list_checks (sheet, 2023, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (checks->len, ==, 1);
  check = g_ptr_array_index (checks, 0);
  g_assert_cmpint (check->check->kind, ==, PM_CHECK_PERCENT_RANGE);
  g_assert_cmpstr (check->check->code, ==, "C10");
  g_assert_null (check->note);

  g_assert_true (pm_store_confirm_check (fixture->store, "C10", 2023, PM_CHECK_PERCENT_RANGE,
                                         104.32, "synthetic: counted twice in the source",
                                         &error));
  cell = pm_department_sheet_checks_for_cell (sheet, row_of (sheet, "C10"), 2023, &error);
  g_assert_cmpuint (cell->len, ==, 1);
  check = g_ptr_array_index (cell, 0);
  g_assert_cmpstr (check->note, ==, "synthetic: counted twice in the source");
  g_assert_cmpstr (check->confirmed_by, ==, "测试员");

  /* another value is checked afresh */
  g_clear_pointer (&cell, g_ptr_array_unref);
  g_assert_true (pm_department_sheet_paste (sheet, row_of (sheet, "C10"), 2023, "104.5", NULL,
                                            &error));
  cell = pm_department_sheet_checks_for_cell (sheet, row_of (sheet, "C10"), 2023, &error);
  g_assert_cmpuint (cell->len, ==, 1);
  g_assert_null (((PmSheetCheck *) g_ptr_array_index (cell, 0))->note);
}

static const PmCompletenessRow *
completeness_row (GPtrArray  *rows,
                  const char *department,
                  int         year)
{
  for (guint i = 0; i < rows->len; i++)
    {
      const PmCompletenessRow *row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (row->department, department) == 0 && row->year == year)
        return row;
    }

  g_assert_not_reached ();
}

static void
test_completeness_reflects_values_checks_and_reports (Fixture       *fixture,
                                                      gconstpointer  user_data)
{
  g_autoptr (PmDepartmentSheet) sheet = sheet_of (fixture, "县教委");
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) error = NULL;
  const PmCompletenessRow *row;

  rows = pm_store_list_completeness (fixture->store, 2023, 2024, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2 * 38);
  row = completeness_row (rows, "县教委", 2023);
  g_assert_cmpint (row->status, ==, PM_REPORT_STATUS_NOT_STARTED);
  g_assert_cmpuint (row->entered, ==, 0);
  g_assert_cmpuint (row->expected, ==, 20);
  g_assert_null (row->last_change);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* two values of lead rows (one odd), one of a row it co-operates on */
  g_assert_true (pm_department_sheet_paste (sheet, row_of (sheet, "C10"), 2023, "104.32\n35",
                                            NULL, &error));
  g_assert_true (pm_department_sheet_paste (sheet, row_of (sheet, "C16"), 2023, "3", NULL,
                                            &error));
  g_assert_no_error (error);
  rows = pm_store_list_completeness (fixture->store, 2023, 2024, &error);
  row = completeness_row (rows, "县教委", 2023);
  g_assert_cmpint (row->status, ==, PM_REPORT_STATUS_DRAFT);
  g_assert_cmpuint (row->entered, ==, 2);
  g_assert_cmpuint (row->open_checks, ==, 1);
  g_assert_nonnull (row->last_change);
  g_assert_cmpstr (row->last_changed_by, ==, "测试员");
  g_assert_cmpint (completeness_row (rows, "县教委", 2024)->status, ==,
                   PM_REPORT_STATUS_NOT_STARTED);
  g_clear_pointer (&rows, g_ptr_array_unref);

  g_assert_true (pm_store_confirm_check (fixture->store, "C10", 2023, PM_CHECK_PERCENT_RANGE,
                                         104.32, "synthetic", &error));
  g_assert_true (pm_store_submit_department_report (fixture->store, "县教委", 2023, NULL, &error));
  g_assert_true (pm_store_return_department_report (fixture->store, "县教委", 2023,
                                                    "synthetic: C11 is missing", &error));
  g_assert_no_error (error);
  rows = pm_store_list_completeness (fixture->store, 2023, 2024, &error);
  row = completeness_row (rows, "县教委", 2023);
  g_assert_cmpint (row->status, ==, PM_REPORT_STATUS_RETURNED);
  g_assert_cmpstr (row->comment, ==, "synthetic: C11 is missing");
  g_assert_cmpuint (row->open_checks, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/store/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("sheet/sees-the-indicators-of-both-plans-it-answers-for",
       test_sees_the_indicators_of_both_plans_it_answers_for);
  ADD ("sheet/sees-the-key-tasks-it-leads-or-co-operates-on",
       test_sees_the_key_tasks_it_leads_or_co_operates_on);
  ADD ("sheet/paste-writes-a-block-as-one-edit", test_paste_writes_a_block_as_one_edit);
  ADD ("sheet/a-bad-paste-changes-nothing-and-names-each-cell",
       test_a_bad_paste_changes_nothing_and_names_each_cell);
  ADD ("sheet/the-baseline-of-an-indicator-new-in-the-period-is-entered",
       test_the_baseline_of_an_indicator_new_in_the_period_is_entered);
  ADD ("sheet/paste-reads-judgements-of-manual-targets",
       test_paste_reads_judgements_of_manual_targets);
  ADD ("sheet/checks-carry-their-confirmation", test_checks_carry_their_confirmation);
  ADD ("completeness/reflects-values-checks-and-reports",
       test_completeness_reflects_values_checks_and_reports);

  return g_test_run ();
}
