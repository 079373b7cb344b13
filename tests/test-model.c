/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "pm-department.h"
#include "pm-domain.h"
#include "pm-indicator.h"
#include "pm-key-project.h"
#include "pm-observation.h"
#include "pm-plan.h"
#include "pm-project.h"
#include "pm-task.h"
#include "pm-template.h"

static PmProject *
load_template (void)
{
  g_autoptr (GError) error = NULL;
  PmProject *project = pm_project_new_from_template (&error);

  g_assert_no_error (error);
  g_assert_true (PM_IS_PROJECT (project));
  return project;
}

static guint
count_rows (PmProject  *project,
            const char *plan_key,
            PmPeriod    period,
            gboolean    sub_rows)
{
  GListModel *indicators = pm_plan_get_indicators (pm_project_find_plan (project, plan_key), period);
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr (PmIndicator) indicator = g_list_model_get_item (indicators, i);

      if ((pm_indicator_get_parent_code (indicator) != NULL) == sub_rows)
        count++;
    }

  return count;
}

static void
test_template_holds_every_row_of_the_four_tables (void)
{
  g_autoptr (PmProject) project = load_template ();

  g_assert_cmpuint (count_rows (project, "women", PM_PERIOD_2021_2030, FALSE), ==, 47);
  g_assert_cmpuint (count_rows (project, "women", PM_PERIOD_2021_2030, TRUE), ==, 3);
  g_assert_cmpuint (count_rows (project, "children", PM_PERIOD_2021_2030, FALSE), ==, 34);
  g_assert_cmpuint (count_rows (project, "children", PM_PERIOD_2021_2030, TRUE), ==, 7);
  g_assert_cmpuint (count_rows (project, "women", PM_PERIOD_2011_2020, FALSE), ==, 37);
  g_assert_cmpuint (count_rows (project, "women", PM_PERIOD_2011_2020, TRUE), ==, 0);
  /* 序号 13 is skipped in the children's 专栏1 */
  g_assert_cmpuint (count_rows (project, "children", PM_PERIOD_2011_2020, FALSE), ==, 35);
  g_assert_cmpuint (count_rows (project, "children", PM_PERIOD_2011_2020, TRUE), ==, 12);
  g_assert_cmpuint (g_list_model_get_n_items (pm_project_get_indicators (project)), ==, 175);
}

static void
test_template_holds_89_tasks_29_projects_and_38_departments (void)
{
  g_autoptr (PmProject) project = load_template ();
  GListModel *tasks = pm_project_get_tasks (project);
  GListModel *projects = pm_project_get_key_projects (project);
  guint women_tasks = 0, women_projects = 0;

  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr (PmTask) task = g_list_model_get_item (tasks, i);
      women_tasks += g_str_equal (pm_plan_get_key (pm_task_get_plan (task)), "women");
    }
  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr (PmKeyProject) key_project = g_list_model_get_item (projects, i);
      women_projects += g_str_equal (pm_plan_get_key (pm_key_project_get_plan (key_project)), "women");
    }

  g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, 89);
  g_assert_cmpuint (women_tasks, ==, 43);
  g_assert_cmpuint (g_list_model_get_n_items (projects), ==, 29);
  g_assert_cmpuint (women_projects, ==, 12);
  g_assert_cmpuint (g_list_model_get_n_items (pm_project_get_departments (project)), ==, 38);
}

static void
test_each_plan_has_seven_domains_in_printed_order (void)
{
  g_autoptr (PmProject) project = load_template ();
  GListModel *women = pm_plan_get_domains (pm_project_find_plan (project, "women"));
  GListModel *children = pm_plan_get_domains (pm_project_find_plan (project, "children"));
  g_autoptr (PmDomain) first = g_list_model_get_item (women, 0);
  g_autoptr (PmDomain) last = g_list_model_get_item (children, 6);

  g_assert_cmpuint (g_list_model_get_n_items (women), ==, 7);
  g_assert_cmpuint (g_list_model_get_n_items (children), ==, 7);
  g_assert_cmpstr (pm_domain_get_name (first), ==, "妇女与健康");
  g_assert_cmpstr (pm_domain_get_name (last), ==, "儿童与法律");
}

static void
test_sub_row_inherits_attribute_and_departments_from_its_parent (void)
{
  g_autoptr (PmProject) project = load_template ();
  PmIndicator *myopia = pm_project_find_indicator (project, "C10.2");
  g_autofree char *departments = pm_indicator_dup_departments_label (myopia, "、");

  g_assert_cmpstr (pm_indicator_get_name (myopia), ==, "初中生近视率（%）");
  g_assert_cmpstr (pm_indicator_get_parent_code (myopia), ==, "C10");
  g_assert_true (pm_indicator_get_inherited (myopia));
  g_assert_cmpint (pm_indicator_get_attribute (myopia), ==, PM_ATTRIBUTE_EXPECTED);
  g_assert_cmpstr (departments, ==, "县教委");
}

static void
test_first_named_department_leads (void)
{
  g_autoptr (PmProject) project = load_template ();
  PmIndicator *indicator = pm_project_find_indicator (project, "C4");
  PmDepartment *education = pm_project_find_department (project, "县教委");
  PmDepartment *health = pm_project_find_department (project, "县卫生健康委");
  gboolean involved;

  g_assert_true (pm_indicator_get_lead_department (indicator) == education);
  g_assert_cmpint (pm_indicator_get_role (indicator, education, &involved), ==, PM_ROLE_LEAD);
  g_assert_true (involved);
  g_assert_cmpint (pm_indicator_get_role (indicator, health, &involved), ==, PM_ROLE_COOPERATES);
  g_assert_true (involved);
  pm_indicator_get_role (indicator, pm_project_find_department (project, "县妇联"), &involved);
  g_assert_false (involved);
}

static void
test_predecessor_links_a_renamed_indicator_to_its_2010_values (void)
{
  g_autoptr (PmProject) project = load_template ();
  PmIndicator *indicator = pm_project_find_indicator (project, "W11");
  PmIndicator *previous = pm_indicator_get_predecessor (indicator);

  g_assert_nonnull (previous);
  g_assert_cmpstr (pm_indicator_get_code (previous), ==, "HW4");
  g_assert_nonnull (pm_indicator_get_predecessor_note (indicator));
  g_assert_cmpfloat (pm_indicator_get_value_2010 (previous), ==, 98.6);
  g_assert_cmpstr (pm_indicator_get_target_2020 (previous), ==, "95");
  g_assert_cmpfloat (pm_indicator_get_value_2020 (previous), ==, 98.86);
}

static void
test_value_printed_with_a_percent_sign_keeps_its_text (void)
{
  g_autoptr (PmProject) project = load_template ();
  PmIndicator *indicator = pm_project_find_indicator (project, "HW25");

  g_assert_cmpfloat (pm_indicator_get_value_2010 (indicator), ==, 23);
  g_assert_cmpstr (pm_indicator_get_value_2010_text (indicator), ==, "23%");
  g_assert_nonnull (pm_indicator_get_note (indicator));
}

static void
test_dash_means_no_value (void)
{
  g_autoptr (PmProject) project = load_template ();
  PmIndicator *indicator = pm_project_find_indicator (project, "HW17");

  g_assert_true (isnan (pm_indicator_get_value_2010 (indicator)));
  g_assert_null (pm_indicator_get_value_2010_text (indicator));
  g_assert_cmpfloat (pm_indicator_get_value_2020 (indicator), ==, 80.12);
}

static void
test_irregularities_are_flagged_not_fixed (void)
{
  g_autoptr (PmProject) project = load_template ();
  PmIndicator *copied = pm_project_find_indicator (project, "HC27.1");
  PmIndicator *after_gap = pm_project_find_indicator (project, "HC14");

  g_assert_null (pm_project_find_indicator (project, "HC13"));
  g_assert_nonnull (pm_indicator_get_note (after_gap));
  /* kept as printed, though they look copied from HW21 */
  g_assert_cmpfloat (pm_indicator_get_value_2010 (copied), ==, 8.4);
  g_assert_cmpstr (pm_indicator_get_target_2020 (copied), ==, ">30");
  g_assert_nonnull (pm_indicator_get_note (copied));
  /* rows 11–14 print no 妇女与教育 label: they stay under 妇女与健康 */
  g_assert_cmpstr (pm_domain_get_name (pm_indicator_get_domain (
                     pm_project_find_indicator (project, "W12"))), ==, "妇女与健康");
}

static void
test_unit_comes_from_the_names_trailing_parenthesis (void)
{
  g_autoptr (PmProject) project = load_template ();

  g_assert_cmpstr (pm_indicator_get_unit (pm_project_find_indicator (project, "W3")), ==, "1/10万");
  g_assert_cmpstr (pm_indicator_get_unit (pm_project_find_indicator (project, "W2")), ==, "岁");
  g_assert_cmpstr (pm_indicator_get_unit (pm_project_find_indicator (project, "C1")), ==, "‰");
  g_assert_cmpstr (pm_indicator_get_unit (pm_project_find_indicator (project, "HW35")), ==, "");
}

static void
test_task_keeps_its_printed_department_label (void)
{
  g_autoptr (PmProject) project = load_template ();
  GListModel *tasks = pm_project_get_tasks (project);
  guint with_bumen = 0;

  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr (PmTask) task = g_list_model_get_item (tasks, i);

      if (g_str_equal (pm_task_get_department_label (task), "责任部门"))
        {
          with_bumen++;
          g_assert_cmpstr (pm_task_get_code (task), ==, "CT2.1");
        }
    }
  g_assert_cmpuint (with_bumen, ==, 1);
}

static void
test_task_links_to_the_domain_its_section_corresponds_to (void)
{
  g_autoptr (PmProject) project = load_template ();
  GListModel *tasks = pm_project_get_tasks (project);
  guint without = 0;

  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr (PmTask) task = g_list_model_get_item (tasks, i);
      PmDomain *domain = pm_task_get_domain (task);
      gboolean women = g_str_equal (pm_plan_get_key (pm_task_get_plan (task)), "women");

      if (women && pm_task_get_section_number (task) == 2)
        {
          /* (二) education: the plan has no 妇女与教育 domain */
          g_assert_null (domain);
          without++;
          continue;
        }
      g_assert_nonnull (domain);
      g_assert_true (pm_domain_get_plan (domain) == pm_task_get_plan (task));
      if (!women)
        g_assert_cmpuint (pm_domain_get_position (domain) + 1, ==,
                          pm_task_get_section_number (task));
    }
  g_assert_cmpuint (without, ==, 7);
  g_assert_cmpstr (pm_domain_get_name (pm_task_get_domain (pm_project_find_task (project, "WT8.1"))),
                   ==, "妇女与法律");
  g_assert_cmpstr (pm_domain_get_name (pm_task_get_domain (pm_project_find_task (project, "WT3.1"))),
                   ==, "妇女与经济");
  g_assert_cmpstr (pm_domain_get_name (pm_task_get_domain (pm_project_find_task (project, "CT2.1"))),
                   ==, "儿童与安全");
}

static void
test_tasks_and_key_projects_are_found_by_code (void)
{
  g_autoptr (PmProject) project = load_template ();
  PmTask *task = pm_project_find_task (project, "CT2.1");
  PmKeyProject *key_project = pm_project_find_key_project (project, "WP3.1");

  g_assert_nonnull (task);
  g_assert_cmpstr (pm_task_get_title (task), ==, "加强学校儿童安全教育");
  g_assert_nonnull (key_project);
  g_assert_cmpstr (pm_key_project_get_name (key_project), ==, "妇幼健康促进项目");
  g_assert_null (pm_project_find_task (project, "WT9.9"));
  g_assert_null (pm_project_find_key_project (project, NULL));
}

static void
test_department_view_lists_its_indicators_of_both_periods (void)
{
  g_autoptr (PmProject) project = load_template ();
  PmDepartment *education = pm_project_find_department (project, "县教委");
  g_autoptr (GPtrArray) indicators = pm_project_list_department_indicators (project, education);
  g_autoptr (GPtrArray) tasks = pm_project_list_department_tasks (project, education);
  gboolean has_inherited = FALSE;

  for (guint i = 0; i < indicators->len; i++)
    has_inherited |= g_str_equal (pm_indicator_get_code (indicators->pdata[i]), "C10.3");

  g_assert_true (has_inherited);
  g_assert_cmpuint (indicators->len, >, 10);
  g_assert_cmpuint (tasks->len, >, 10);
}

static void
test_observation_replaces_the_same_year_and_keeps_years_sorted (void)
{
  g_autoptr (PmIndicator) indicator = pm_indicator_new ("X1", PM_PERIOD_2021_2030, NULL);
  g_autoptr (PmObservation) y2023 = pm_observation_new (2023, NULL, 3.0);
  g_autoptr (PmObservation) y2021 = pm_observation_new (2021, NULL, 1.0);
  g_autoptr (PmObservation) y2023b = pm_observation_new (2023, NULL, 4.5);
  GListModel *observations = pm_indicator_get_observations (indicator);
  g_autoptr (PmObservation) first = NULL;

  pm_indicator_put_observation (indicator, y2023);
  pm_indicator_put_observation (indicator, y2021);
  pm_indicator_put_observation (indicator, y2023b);

  g_assert_cmpuint (g_list_model_get_n_items (observations), ==, 2);
  first = g_list_model_get_item (observations, 0);
  g_assert_cmpint (pm_observation_get_year (first), ==, 2021);
  g_assert_cmpfloat (pm_observation_get_value (pm_indicator_find_observation (indicator, 2023, NULL)),
                     ==, 4.5);
  g_assert_true (pm_indicator_remove_observation (indicator, 2021, NULL));
  g_assert_null (pm_indicator_find_observation (indicator, 2021, NULL));
}

static void
test_observations_put_at_once_stay_sorted_whatever_their_order (void)
{
  g_autoptr (PmIndicator) sorted = pm_indicator_new ("X1", PM_PERIOD_2021_2030, NULL);
  g_autoptr (PmIndicator) shuffled = pm_indicator_new ("X2", PM_PERIOD_2021_2030, NULL);
  g_autoptr (GPtrArray) in_order = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) out_of_order = g_ptr_array_new_with_free_func (g_object_unref);
  const int years[] = { 2024, 2021, 2023, 2022 };

  for (int year = 2021; year <= 2024; year++)
    {
      g_ptr_array_add (in_order, pm_observation_new (year, "a", year));
      g_ptr_array_add (in_order, pm_observation_new (year, "b", year + 0.5));
    }
  for (guint i = 0; i < G_N_ELEMENTS (years); i++)
    g_ptr_array_add (out_of_order, pm_observation_new (years[i], NULL, years[i]));

  pm_indicator_put_observations (sorted, (PmObservation **) in_order->pdata, in_order->len);
  pm_indicator_put_observations (shuffled, (PmObservation **) out_of_order->pdata, out_of_order->len);

  g_assert_cmpuint (g_list_model_get_n_items (pm_indicator_get_observations (sorted)), ==, 8);
  g_assert_cmpfloat (pm_observation_get_value (pm_indicator_find_observation (sorted, 2023, "b")), ==,
                     2023.5);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr (PmObservation) observation =
        g_list_model_get_item (pm_indicator_get_observations (shuffled), i);

      g_assert_cmpint (pm_observation_get_year (observation), ==, 2021 + (int) i);
    }
}

static void
check_broken_template (const char *json,
                       const char *expected_words)
{
  g_autoptr (GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr (GError) error = NULL;
  g_autoptr (PmProject) project = pm_template_load_from_bytes (bytes, &error);

  g_assert_null (project);
  g_assert_error (error, PM_ERROR, PM_ERROR_INVALID_TEMPLATE);
  g_assert_nonnull (strstr (error->message, expected_words));
}

static void
test_broken_template_is_refused_with_a_message_naming_the_fault (void)
{
  check_broken_template ("{ not json", "not valid JSON");
  check_broken_template ("[]", "not a JSON object");
  check_broken_template ("{\"format\": 9}", "format 9");
  check_broken_template ("{\"format\": 1, \"plans\": [], \"departments\": [\"A\", \"A\"]}",
                         "listed twice");
  check_broken_template ("{\"format\": 1, \"plans\": [{\"key\": \"women\", \"name\": \"W\"}],"
                         " \"departments\": [], \"domains\": [{\"plan\": \"women\", \"name\": \"D\"}],"
                         " \"indicators\": [{\"code\": \"W1\", \"period\": \"2021-2030\","
                         " \"plan\": \"women\", \"domain\": \"D\", \"number\": \"1\", \"name\": \"n\","
                         " \"unit\": \"%\", \"city_target\": \"1\", \"county_target\": \"1\","
                         " \"attribute\": \"预期性\", \"departments\": [\"县妇联\"]}]}",
                         "县妇联");
  check_broken_template ("{\"format\": 1, \"plans\": [{\"key\": \"women\", \"name\": \"W\"}],"
                         " \"departments\": [], \"domains\": [{\"plan\": \"women\", \"name\": \"D\"}],"
                         " \"indicators\": [], \"tasks\": [{\"plan\": \"women\", \"section_number\": 1,"
                         " \"section\": \"s\", \"domain\": \"妇女与教育\", \"number\": 2, \"title\": \"t\","
                         " \"text\": \"t\", \"department_label\": \"责任单位\", \"departments\": []}]}",
                         "task WT1.2: unknown domain “妇女与教育”");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/template/holds-every-row-of-the-four-tables",
                   test_template_holds_every_row_of_the_four_tables);
  g_test_add_func ("/model/template/holds-89-tasks-29-projects-and-38-departments",
                   test_template_holds_89_tasks_29_projects_and_38_departments);
  g_test_add_func ("/model/template/each-plan-has-seven-domains-in-printed-order",
                   test_each_plan_has_seven_domains_in_printed_order);
  g_test_add_func ("/model/template/sub-row-inherits-attribute-and-departments-from-its-parent",
                   test_sub_row_inherits_attribute_and_departments_from_its_parent);
  g_test_add_func ("/model/template/first-named-department-leads",
                   test_first_named_department_leads);
  g_test_add_func ("/model/template/predecessor-links-a-renamed-indicator-to-its-2010-values",
                   test_predecessor_links_a_renamed_indicator_to_its_2010_values);
  g_test_add_func ("/model/template/value-printed-with-a-percent-sign-keeps-its-text",
                   test_value_printed_with_a_percent_sign_keeps_its_text);
  g_test_add_func ("/model/template/dash-means-no-value", test_dash_means_no_value);
  g_test_add_func ("/model/template/irregularities-are-flagged-not-fixed",
                   test_irregularities_are_flagged_not_fixed);
  g_test_add_func ("/model/template/unit-comes-from-the-names-trailing-parenthesis",
                   test_unit_comes_from_the_names_trailing_parenthesis);
  g_test_add_func ("/model/template/task-keeps-its-printed-department-label",
                   test_task_keeps_its_printed_department_label);
  g_test_add_func ("/model/template/task-links-to-the-domain-its-section-corresponds-to",
                   test_task_links_to_the_domain_its_section_corresponds_to);
  g_test_add_func ("/model/project/tasks-and-key-projects-are-found-by-code",
                   test_tasks_and_key_projects_are_found_by_code);
  g_test_add_func ("/model/project/department-view-lists-its-indicators-of-both-periods",
                   test_department_view_lists_its_indicators_of_both_periods);
  g_test_add_func ("/model/indicator/observation-replaces-the-same-year-and-keeps-years-sorted",
                   test_observation_replaces_the_same_year_and_keeps_years_sorted);
  g_test_add_func ("/model/indicator/observations-put-at-once-stay-sorted-whatever-their-order",
                   test_observations_put_at_once_stay_sorted_whatever_their_order);
  g_test_add_func ("/model/template/broken-template-is-refused-with-a-message-naming-the-fault",
                   test_broken_template_is_refused_with_a_message_naming_the_fault);

  return g_test_run ();
}
