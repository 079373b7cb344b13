/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reads the indicator tables of the plans' text itself and checks that every
 * row of the built-in template says exactly what the printed cells say. */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "pm-department.h"
#include "pm-domain.h"
#include "pm-indicator.h"
#include "pm-key-project.h"
#include "pm-plan.h"
#include "pm-project.h"
#include "pm-task.h"
#include "pm-test-util.h"

static char *source_text;
static PmProject *project;

static GPtrArray *
read_table (const char *title,
            guint       n_columns)
{
  return pm_test_read_table (source_text, title, n_columns);
}

/* A wrapped name or target reads as one string */
static char *
unwrap (const char *cell)
{
  g_auto (GStrv) parts = g_strsplit (cell, "\n", -1);

  for (guint i = 0; parts[i]; i++)
    g_strstrip (parts[i]);
  return g_strjoinv ("", parts);
}

static char *
departments_of_cell (const char *cell)
{
  g_autoptr (GRegex) regex = g_regex_new ("[、\\s]+", 0, 0, NULL);
  g_auto (GStrv) names = g_regex_split (regex, cell, 0);
  g_autoptr (GPtrArray) kept = g_ptr_array_new ();

  for (guint i = 0; names[i]; i++)
    if (*names[i])
      g_ptr_array_add (kept, names[i]);
  g_ptr_array_add (kept, NULL);

  return g_strjoinv ("、", (char **) kept->pdata);
}

static void
check_current_table (const char *title,
                     const char *prefix,
                     const char *plan_key,
                     guint       expected_rows,
                     guint       expected_numbered)
{
  g_autoptr (GPtrArray) cells = read_table (title, 7);
  g_autofree char *domain = NULL;
  g_autofree char *parent_code = NULL;
  g_autofree char *parent_attribute = NULL;
  g_autofree char *parent_departments = NULL;
  guint sub = 0, rows = 0, numbered = 0;

  /* the first row is the header */
  g_assert_cmpstr (cells->pdata[0], ==, "类别");
  for (guint r = 1; r < cells->len / 7; r++)
    {
      char **cell = (char **) cells->pdata + r * 7;
      g_autofree char *code = NULL;
      g_autofree char *name = unwrap (cell[2]);
      g_autofree char *city = unwrap (cell[3]);
      g_autofree char *county = unwrap (cell[4]);
      g_autofree char *departments = departments_of_cell (cell[6]);
      g_autofree char *model_departments = NULL;
      const char *attribute = cell[5];
      PmIndicator *indicator;

      if (*cell[0])
        {
          g_free (domain);
          domain = g_strdup (cell[0]);
        }

      if (*cell[1])
        {
          code = g_strdup_printf ("%s%s", prefix, cell[1]);
          g_free (parent_code);
          parent_code = g_strdup (code);
          g_free (parent_attribute);
          parent_attribute = g_strdup (attribute);
          g_free (parent_departments);
          parent_departments = g_strdup (departments);
          sub = 0;
          numbered++;
        }
      else
        {
          code = g_strdup_printf ("%s.%u", parent_code, ++sub);
          if (*attribute == '\0')
            attribute = parent_attribute;
          if (*departments == '\0')
            {
              g_free (departments);
              departments = g_strdup (parent_departments);
            }
        }
      rows++;

      indicator = pm_project_find_indicator (project, code);
      g_assert_nonnull (indicator);
      g_assert_cmpint (pm_indicator_get_period (indicator), ==, PM_PERIOD_2021_2030);
      g_assert_cmpstr (pm_plan_get_key (pm_indicator_get_plan (indicator)), ==, plan_key);
      g_assert_cmpstr (pm_domain_get_name (pm_indicator_get_domain (indicator)), ==, domain);
      g_assert_cmpstr (pm_indicator_get_number (indicator), ==, cell[1]);
      g_assert_cmpstr (pm_indicator_get_name (indicator), ==, name);
      g_assert_cmpstr (pm_indicator_get_city_target (indicator), ==, city);
      g_assert_cmpstr (pm_indicator_get_county_target (indicator), ==, county);
      g_assert_cmpstr (pm_attribute_to_printed (pm_indicator_get_attribute (indicator)), ==,
                       attribute);
      model_departments = pm_indicator_dup_departments_label (indicator, "、");
      g_assert_cmpstr (model_departments, ==, departments);
      g_assert_cmpint (pm_indicator_get_inherited (indicator), ==, *cell[5] == '\0');
    }

  g_assert_cmpuint (rows, ==, expected_rows);
  g_assert_cmpuint (numbered, ==, expected_numbered);
  g_assert_cmpuint (g_list_model_get_n_items (
                      pm_plan_get_indicators (pm_project_find_plan (project, plan_key),
                                              PM_PERIOD_2021_2030)), ==, expected_rows);
}

/* A printed value: "——" is none; any other is kept as printed ("34.80",
 * "23%"), beside the number it reads as (34.8, 23) */
static void
check_value (const char *printed,
             double      value,
             const char *text)
{
  g_autofree char *digits = g_strdup (printed);

  if (g_strcmp0 (printed, "——") == 0)
    {
      g_assert_true (isnan (value));
      g_assert_null (text);
      return;
    }

  g_assert_cmpstr (text, ==, printed);
  if (g_str_has_suffix (digits, "%"))
    digits[strlen (digits) - 1] = '\0';
  g_assert_cmpfloat (value, ==, g_ascii_strtod (digits, NULL));
}

static void
check_previous_table (const char *title,
                      const char *prefix,
                      const char *plan_key,
                      guint       expected_rows)
{
  g_autoptr (GPtrArray) cells = read_table (title, 5);
  g_autofree char *parent_code = NULL;
  guint sub = 0, rows = 0;

  g_assert_cmpstr (cells->pdata[0], ==, "序号");
  for (guint r = 1; r < cells->len / 5; r++)
    {
      char **cell = (char **) cells->pdata + r * 5;
      g_autofree char *code = NULL;
      PmIndicator *indicator;

      if (!*cell[0] && !*cell[1] && !*cell[2] && !*cell[3] && !*cell[4])
        continue; /* the empty row under the children's header */

      if (*cell[0])
        {
          code = g_strdup_printf ("%s%s", prefix, cell[0]);
          g_free (parent_code);
          parent_code = g_strdup (code);
          sub = 0;
        }
      else
        code = g_strdup_printf ("%s.%u", parent_code, ++sub);
      rows++;

      indicator = pm_project_find_indicator (project, code);
      g_assert_nonnull (indicator);
      g_assert_cmpint (pm_indicator_get_period (indicator), ==, PM_PERIOD_2011_2020);
      g_assert_cmpstr (pm_plan_get_key (pm_indicator_get_plan (indicator)), ==, plan_key);
      g_assert_cmpstr (pm_indicator_get_number (indicator), ==, cell[0]);
      g_assert_cmpstr (pm_indicator_get_name (indicator), ==, cell[1]);
      check_value (cell[2], pm_indicator_get_value_2010 (indicator),
                   pm_indicator_get_value_2010_text (indicator));
      g_assert_cmpstr (pm_indicator_get_target_2020 (indicator), ==, cell[3]);
      check_value (cell[4], pm_indicator_get_value_2020 (indicator),
                   pm_indicator_get_value_2020_text (indicator));
    }

  g_assert_cmpuint (rows, ==, expected_rows);
}

static void
test_women_2021_rows_equal_the_printed_table (void)
{
  check_current_table ("专栏2  2021—2030年妇女发展主要指标", "W", "women", 50, 47);
}

static void
test_children_2021_rows_equal_the_printed_table (void)
{
  check_current_table ("专栏2  2021—2030年儿童发展主要指标", "C", "children", 41, 34);
}

static void
test_women_2011_rows_equal_the_printed_table (void)
{
  check_previous_table ("专栏1  云阳县妇女发展主要指标完成情况表", "HW", "women", 37);
}

static void
test_children_2011_rows_equal_the_printed_table (void)
{
  check_previous_table ("专栏1  云阳县儿童发展主要指标完成情况表", "HC", "children", 47);
}

/* Every task and project text is printed in the plan, and every numbered
 * paragraph with a 责任单位/责任部门 is a task of the template. */
static void
test_every_task_text_is_printed_in_the_plan (void)
{
  GListModel *tasks = pm_project_get_tasks (project);
  g_autoptr (GRegex) paragraph =
    g_regex_new ("^(\\d+)．(.*（责任(单位|部门)：[^）]*）)\\s*$", G_REGEX_MULTILINE, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;
  guint printed = 0;

  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr (PmTask) task = g_list_model_get_item (tasks, i);
      g_autofree char *numbered = g_strdup_printf ("%u．%s", pm_task_get_number (task),
                                                   pm_task_get_text (task));

      g_assert_nonnull (strstr (source_text, numbered));
      g_assert_true (g_str_has_prefix (pm_task_get_text (task), pm_task_get_title (task)));
      g_assert_cmpuint (g_list_model_get_n_items (pm_task_get_departments (task)), >, 0);
    }

  g_regex_match (paragraph, source_text, 0, &match);
  while (g_match_info_matches (match))
    {
      printed++;
      g_match_info_next (match, NULL);
    }
  g_assert_cmpuint (printed, ==, g_list_model_get_n_items (tasks));
}

static void
test_every_project_text_is_printed_in_the_plan (void)
{
  GListModel *projects = pm_project_get_key_projects (project);

  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr (PmKeyProject) key_project = g_list_model_get_item (projects, i);
      g_autofree char *box = g_strdup_printf ("专栏%u  %s", pm_key_project_get_box_number (key_project),
                                              pm_key_project_get_box_title (key_project));
      g_autofree char *text = g_strdup_printf ("%s：%s", pm_key_project_get_name (key_project),
                                               pm_key_project_get_text (key_project));

      g_assert_nonnull (strstr (source_text, box));
      g_assert_nonnull (strstr (source_text, text));
    }
}

/* Every department named in a 责任单位 anywhere in the text is in the list. */
static void
test_every_printed_department_is_listed (void)
{
  g_autoptr (GRegex) regex = g_regex_new ("（责任(单位|部门)：([^）]*)）", 0, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;

  g_regex_match (regex, source_text, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *names = g_match_info_fetch (match, 2);
      g_autofree char *joined = departments_of_cell (names);
      g_auto (GStrv) list = g_strsplit (joined, "、", -1);

      for (guint i = 0; list[i]; i++)
        g_assert_nonnull (pm_project_find_department (project, list[i]));
      g_match_info_next (match, NULL);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  const char *path = g_getenv ("PM_PLAN_SOURCE_TEXT");
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_assert_nonnull (path);
  g_file_get_contents (path, &source_text, NULL, &error);
  g_assert_no_error (error);
  project = pm_project_new_from_template (&error);
  g_assert_no_error (error);

  g_test_add_func ("/template-source/women-2021-2030-rows-equal-the-printed-table",
                   test_women_2021_rows_equal_the_printed_table);
  g_test_add_func ("/template-source/children-2021-2030-rows-equal-the-printed-table",
                   test_children_2021_rows_equal_the_printed_table);
  g_test_add_func ("/template-source/women-2011-2020-rows-equal-the-printed-table",
                   test_women_2011_rows_equal_the_printed_table);
  g_test_add_func ("/template-source/children-2011-2020-rows-equal-the-printed-table",
                   test_children_2011_rows_equal_the_printed_table);
  g_test_add_func ("/template-source/every-task-text-is-printed-in-the-plan",
                   test_every_task_text_is_printed_in_the_plan);
  g_test_add_func ("/template-source/every-project-text-is-printed-in-the-plan",
                   test_every_project_text_is_printed_in_the_plan);
  g_test_add_func ("/template-source/every-printed-department-is-listed",
                   test_every_printed_department_is_listed);

  status = g_test_run ();
  g_clear_object (&project);
  g_free (source_text);
  return status;
}
