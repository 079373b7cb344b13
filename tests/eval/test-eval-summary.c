/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Summaries: counts per status and attainment rates per plan, domain and
 * department. The small project here and its values are SYNTHETIC. */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "eval-test-util.h"

/* women: D1 {A1 binding X, A2 binding Y, A6 expected Y}, D2 {A3, A4 X, A5 Y}
 * children: D3 {B1 expected X} */
static PmProject *
summary_project_new (void)
{
  PmProject *project = eval_test_project_new ();
  PmIndicator *indicator;

  indicator = eval_test_add_indicator (project, "A1", "women", "D1", "≥90", PM_ATTRIBUTE_BINDING, "X");
  eval_test_observe (indicator, 2021, 80);
  eval_test_observe (indicator, 2024, 95); /* achieved */

  indicator = eval_test_add_indicator (project, "A2", "women", "D1", "≥90", PM_ATTRIBUTE_BINDING, "Y");
  eval_test_observe (indicator, 2021, 80);
  eval_test_observe (indicator, 2024, 81); /* limited progress */

  indicator = eval_test_add_indicator (project, "A3", "women", "D2", "提高", PM_ATTRIBUTE_EXPECTED, "X");
  /* no value: no data */

  indicator = eval_test_add_indicator (project, "A4", "women", "D2", "保持合理比例",
                                       PM_ATTRIBUTE_EXPECTED, "X");
  eval_test_observe (indicator, 2024, 30); /* manual */

  indicator = eval_test_add_indicator (project, "A5", "women", "D2", "——", PM_ATTRIBUTE_EXPECTED, "Y");
  eval_test_observe (indicator, 2024, 12); /* no target */

  indicator = eval_test_add_indicator (project, "A6", "women", "D1", "<5", PM_ATTRIBUTE_EXPECTED, "Y");
  eval_test_observe (indicator, 2021, 6);
  eval_test_observe (indicator, 2024, 7); /* deteriorating */

  indicator = eval_test_add_indicator (project, "B1", "children", "D3", "≥50", PM_ATTRIBUTE_EXPECTED, "X");
  eval_test_observe (indicator, 2024, 60); /* achieved */

  return project;
}

static gpointer
plan (PmProject  *project,
      const char *key)
{
  return pm_project_find_plan (project, key);
}

static gpointer
domain (PmProject  *project,
        const char *plan_key,
        const char *name)
{
  return pm_plan_find_domain (pm_project_find_plan (project, plan_key), name);
}

static gpointer
department (PmProject  *project,
            const char *name)
{
  return pm_project_find_department (project, name);
}

static void
test_every_indicator_of_the_period_is_evaluated (void)
{
  g_autoptr (PmProject) project = summary_project_new ();
  g_autoptr (PmSummary) summary = pm_summary_new (project, PM_PERIOD_2021_2030, 2024);
  const struct
  {
    const char *code;
    PmStatus status;
  } expected[] = {
    { "A1", PM_STATUS_ACHIEVED },      { "A2", PM_STATUS_LIMITED_PROGRESS },
    { "A3", PM_STATUS_NO_DATA },       { "A4", PM_STATUS_MANUAL },
    { "A5", PM_STATUS_NO_TARGET },     { "A6", PM_STATUS_DETERIORATING },
    { "B1", PM_STATUS_ACHIEVED },
  };
  GListModel *evaluations = pm_summary_get_evaluations (summary);

  g_assert_cmpint (pm_summary_get_year (summary), ==, 2024);
  g_assert_cmpint (pm_summary_get_period (summary), ==, PM_PERIOD_2021_2030);
  g_assert_cmpuint (g_list_model_get_n_items (evaluations), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr (PmEvaluation) evaluation = g_list_model_get_item (evaluations, i);

      g_assert_cmpstr (pm_indicator_get_code (pm_evaluation_get_indicator (evaluation)), ==,
                       expected[i].code);
      g_assert_cmpstr (pm_status_to_string (pm_evaluation_get_status (evaluation)), ==,
                       pm_status_to_string (expected[i].status));
      g_assert_true (pm_summary_find_evaluation (summary, expected[i].code) != NULL);
    }
  g_assert_null (pm_summary_find_evaluation (summary, "Z9"));
}

static void
test_binding_indicators_come_first (void)
{
  g_autoptr (PmProject) project = summary_project_new ();
  g_autoptr (PmSummary) summary = pm_summary_new (project, PM_PERIOD_2021_2030, 2024);
  GListModel *evaluations = pm_summary_get_evaluations_binding_first (summary);
  const char *order[] = { "A1", "A2", "A3", "A4", "A5", "A6", "B1" };

  g_assert_cmpuint (g_list_model_get_n_items (evaluations), ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autoptr (PmEvaluation) evaluation = g_list_model_get_item (evaluations, i);

      g_assert_cmpstr (pm_indicator_get_code (pm_evaluation_get_indicator (evaluation)), ==, order[i]);
    }
}

static void
test_binding_first_in_the_template_order (void)
{
  g_autoptr (PmProject) project = eval_test_load_template ();
  g_autoptr (PmSummary) summary = pm_summary_new (project, PM_PERIOD_2021_2030, 2024);
  GListModel *evaluations = pm_summary_get_evaluations_binding_first (summary);
  gboolean seen_expected = FALSE;
  g_autoptr (PmEvaluation) first = g_list_model_get_item (evaluations, 0);

  /* W3 孕产妇死亡率 is the first binding indicator of the catalogue */
  g_assert_cmpstr (pm_indicator_get_code (pm_evaluation_get_indicator (first)), ==, "W3");
  for (guint i = 0; i < g_list_model_get_n_items (evaluations); i++)
    {
      g_autoptr (PmEvaluation) evaluation = g_list_model_get_item (evaluations, i);
      PmAttribute attribute = pm_indicator_get_attribute (pm_evaluation_get_indicator (evaluation));

      if (attribute == PM_ATTRIBUTE_EXPECTED)
        seen_expected = TRUE;
      else
        g_assert_false (seen_expected);
    }
}

static void
test_counts_per_plan (void)
{
  g_autoptr (PmProject) project = summary_project_new ();
  g_autoptr (PmSummary) summary = pm_summary_new (project, PM_PERIOD_2021_2030, 2024);
  const PmSummaryGroup *women = pm_summary_find_group (summary, PM_SUMMARY_SCOPE_PLAN,
                                                       plan (project, "women"), PM_ATTRIBUTE_NONE);
  const PmSummaryGroup *children = pm_summary_find_group (summary, PM_SUMMARY_SCOPE_PLAN,
                                                          plan (project, "children"), PM_ATTRIBUTE_NONE);

  g_assert_nonnull (women);
  g_assert_cmpuint (women->n_indicators, ==, 6);
  g_assert_cmpuint (women->counts[PM_STATUS_ACHIEVED], ==, 1);
  g_assert_cmpuint (women->counts[PM_STATUS_LIMITED_PROGRESS], ==, 1);
  g_assert_cmpuint (women->counts[PM_STATUS_DETERIORATING], ==, 1);
  g_assert_cmpuint (women->counts[PM_STATUS_NO_DATA], ==, 1);
  g_assert_cmpuint (women->counts[PM_STATUS_MANUAL], ==, 1);
  g_assert_cmpuint (women->counts[PM_STATUS_NO_TARGET], ==, 1);
  g_assert_cmpuint (women->counts[PM_STATUS_ON_TRACK], ==, 0);
  g_assert_cmpuint (women->counts[PM_STATUS_NOT_ACHIEVED], ==, 0);

  g_assert_nonnull (children);
  g_assert_cmpuint (children->n_indicators, ==, 1);
  g_assert_cmpuint (children->counts[PM_STATUS_ACHIEVED], ==, 1);
}

static void
test_attainment_rate_leaves_out_no_data_manual_and_no_target (void)
{
  g_autoptr (PmProject) project = eval_test_project_new ();
  g_autoptr (PmSummary) summary = NULL;
  const PmSummaryGroup *women;

  /* SYNTHETIC: three judged (2 achieved), one of each left-out status */
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *code = g_strdup_printf ("M%u", i);
      PmIndicator *indicator = eval_test_add_indicator (project, code, "women", "D1", "≥50",
                                                        PM_ATTRIBUTE_EXPECTED, "X");

      eval_test_observe (indicator, 2021, 40);
      eval_test_observe (indicator, 2024, i < 2 ? 55 : 41);
    }
  eval_test_add_indicator (project, "N1", "women", "D1", "≥50", PM_ATTRIBUTE_EXPECTED, "X");
  eval_test_add_indicator (project, "N2", "women", "D1", "保持合理比例", PM_ATTRIBUTE_EXPECTED, "X");
  eval_test_add_indicator (project, "N3", "women", "D1", "——", PM_ATTRIBUTE_EXPECTED, "X");

  summary = pm_summary_new (project, PM_PERIOD_2021_2030, 2024);
  women = pm_summary_find_group (summary, PM_SUMMARY_SCOPE_PLAN, plan (project, "women"),
                                 PM_ATTRIBUTE_NONE);
  g_assert_cmpuint (women->n_indicators, ==, 6);
  g_assert_cmpuint (pm_summary_group_get_n_measured (women), ==, 3);
  g_assert_cmpfloat_with_epsilon (pm_summary_group_get_attainment_rate (women), 2.0 / 3.0, 1e-12);
}

static void
test_attainment_rate_per_plan_attribute_domain_and_department (void)
{
  g_autoptr (PmProject) project = summary_project_new ();
  g_autoptr (PmSummary) summary = pm_summary_new (project, PM_PERIOD_2021_2030, 2024);
  const struct
  {
    PmSummaryScope scope;
    gpointer owner;
    PmAttribute attribute;
    guint n_indicators;
    guint measured;
    double rate; /* NAN: none measured */
  } cases[] = {
    { PM_SUMMARY_SCOPE_PLAN, plan (project, "women"), PM_ATTRIBUTE_NONE, 6, 3, 1.0 / 3 },
    { PM_SUMMARY_SCOPE_PLAN, plan (project, "women"), PM_ATTRIBUTE_BINDING, 2, 2, 0.5 },
    { PM_SUMMARY_SCOPE_PLAN, plan (project, "women"), PM_ATTRIBUTE_EXPECTED, 4, 1, 0 },
    { PM_SUMMARY_SCOPE_PLAN, plan (project, "children"), PM_ATTRIBUTE_NONE, 1, 1, 1 },
    { PM_SUMMARY_SCOPE_DOMAIN, domain (project, "women", "D1"), PM_ATTRIBUTE_NONE, 3, 3, 1.0 / 3 },
    { PM_SUMMARY_SCOPE_DOMAIN, domain (project, "women", "D1"), PM_ATTRIBUTE_BINDING, 2, 2, 0.5 },
    { PM_SUMMARY_SCOPE_DOMAIN, domain (project, "women", "D2"), PM_ATTRIBUTE_NONE, 3, 0, NAN },
    { PM_SUMMARY_SCOPE_DOMAIN, domain (project, "children", "D3"), PM_ATTRIBUTE_NONE, 1, 1, 1 },
    { PM_SUMMARY_SCOPE_DEPARTMENT, department (project, "X"), PM_ATTRIBUTE_NONE, 4, 2, 1 },
    { PM_SUMMARY_SCOPE_DEPARTMENT, department (project, "Y"), PM_ATTRIBUTE_NONE, 3, 2, 0 },
    { PM_SUMMARY_SCOPE_DEPARTMENT, department (project, "Y"), PM_ATTRIBUTE_BINDING, 1, 1, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const PmSummaryGroup *group = pm_summary_find_group (summary, cases[i].scope, cases[i].owner,
                                                           cases[i].attribute);
      double rate;

      g_test_message ("case %u", i);
      g_assert_nonnull (group);
      g_assert_cmpuint (group->n_indicators, ==, cases[i].n_indicators);
      g_assert_cmpuint (pm_summary_group_get_n_measured (group), ==, cases[i].measured);
      rate = pm_summary_group_get_attainment_rate (group);
      if (isnan (cases[i].rate))
        g_assert_true (isnan (rate));
      else
        g_assert_cmpfloat_with_epsilon (rate, cases[i].rate, 1e-12);
    }

  /* D2 has no binding indicator, so no binding group */
  g_assert_null (pm_summary_find_group (summary, PM_SUMMARY_SCOPE_DOMAIN,
                                        domain (project, "women", "D2"), PM_ATTRIBUTE_BINDING));
}

static void
test_groups_are_plan_then_domains_then_departments_binding_first (void)
{
  g_autoptr (PmProject) project = summary_project_new ();
  g_autoptr (PmSummary) summary = pm_summary_new (project, PM_PERIOD_2021_2030, 2024);
  const char *expected[] = {
    "plan women all", "plan women binding", "plan women expected",
    "domain D1 all", "domain D1 binding", "domain D1 expected",
    "domain D2 all", "domain D2 expected",
    "plan children all", "plan children expected",
    "domain D3 all", "domain D3 expected",
    "department X all", "department X binding", "department X expected",
    "department Y all", "department Y binding", "department Y expected",
  };
  const char *attributes[] = { "all", "binding", "expected" };

  g_assert_cmpuint (pm_summary_get_n_groups (summary), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const PmSummaryGroup *group = pm_summary_get_group (summary, i);
      g_autofree char *line = NULL;

      if (group->scope == PM_SUMMARY_SCOPE_PLAN)
        line = g_strdup_printf ("plan %s %s", pm_plan_get_key (group->plan), attributes[group->attribute]);
      else if (group->scope == PM_SUMMARY_SCOPE_DOMAIN)
        line = g_strdup_printf ("domain %s %s", pm_domain_get_name (group->domain),
                                attributes[group->attribute]);
      else
        line = g_strdup_printf ("department %s %s", pm_department_get_name (group->department),
                                attributes[group->attribute]);
      g_assert_cmpstr (line, ==, expected[i]);
    }
}

static void
test_previous_plans_final_result_on_the_template (void)
{
  g_autoptr (PmProject) project = eval_test_load_template ();
  g_autoptr (PmSummary) summary = pm_summary_new_previous_plans (project);
  const PmSummaryGroup *women = pm_summary_find_group (summary, PM_SUMMARY_SCOPE_PLAN,
                                                       plan (project, "women"), PM_ATTRIBUTE_NONE);
  const PmSummaryGroup *children = pm_summary_find_group (summary, PM_SUMMARY_SCOPE_PLAN,
                                                          plan (project, "children"), PM_ATTRIBUTE_NONE);
  PmEvaluation *hw1 = pm_summary_find_evaluation (summary, "HW1");

  g_assert_cmpint (pm_summary_get_period (summary), ==, PM_PERIOD_2011_2020);
  g_assert_cmpint (pm_summary_get_year (summary), ==, 2020);

  /* HW1…HW37: every one achieved but HW1 (11.3 years of schooling, >12) */
  g_assert_cmpuint (women->n_indicators, ==, 37);
  g_assert_cmpuint (women->counts[PM_STATUS_ACHIEVED], ==, 36);
  g_assert_cmpuint (women->counts[PM_STATUS_NOT_ACHIEVED], ==, 1);
  g_assert_cmpint (pm_evaluation_get_status (hw1), ==, PM_STATUS_NOT_ACHIEVED);
  g_assert_cmpfloat_with_epsilon (pm_summary_group_get_attainment_rate (women), 36.0 / 37, 1e-12);

  /* HC rows: six print —— as their target */
  g_assert_cmpuint (children->n_indicators, ==, 47);
  g_assert_cmpuint (children->counts[PM_STATUS_NO_TARGET], ==, 6);
  g_assert_cmpuint (children->counts[PM_STATUS_ACHIEVED], ==, 41);
  g_assert_cmpfloat (pm_summary_group_get_attainment_rate (children), ==, 1.0);

  /* 2011–2020 rows carry no domain, attribute or department */
  for (guint i = 0; i < pm_summary_get_n_groups (summary); i++)
    g_assert_cmpint (pm_summary_get_group (summary, i)->scope, ==, PM_SUMMARY_SCOPE_PLAN);
}

static void
test_year_picks_its_period (void)
{
  g_autoptr (PmProject) project = eval_test_load_template ();
  g_autoptr (PmSummary) in_2020 = pm_summary_new_for_year (project, 2020);
  g_autoptr (PmSummary) in_2011 = pm_summary_new_for_year (project, 2011);
  g_autoptr (PmSummary) in_2021 = pm_summary_new_for_year (project, 2021);

  g_assert_cmpint (pm_summary_get_period (in_2020), ==, PM_PERIOD_2011_2020);
  g_assert_cmpint (pm_summary_get_period (in_2011), ==, PM_PERIOD_2011_2020);
  g_assert_cmpint (pm_summary_get_period (in_2021), ==, PM_PERIOD_2021_2030);
}

static void
test_template_in_2024_has_no_data_but_manual_rows (void)
{
  g_autoptr (PmProject) project = eval_test_load_template ();
  g_autoptr (PmSummary) summary = pm_summary_new (project, PM_PERIOD_2021_2030, 2024);
  GListModel *plans = pm_project_get_plans (project);

  for (guint p = 0; p < g_list_model_get_n_items (plans); p++)
    {
      g_autoptr (PmPlan) each = g_list_model_get_item (plans, p);
      const PmSummaryGroup *group = pm_summary_find_group (summary, PM_SUMMARY_SCOPE_PLAN, each,
                                                           PM_ATTRIBUTE_NONE);

      g_assert_cmpuint (group->counts[PM_STATUS_NO_DATA] + group->counts[PM_STATUS_MANUAL], ==,
                        group->n_indicators);
      g_assert_cmpuint (pm_summary_group_get_n_measured (group), ==, 0);
      g_assert_true (isnan (pm_summary_group_get_attainment_rate (group)));
    }
}

static char **
tsv_lines (PmSummary *summary)
{
  g_autofree char *tsv = pm_summary_to_tsv (summary);

  g_assert_true (g_str_has_suffix (tsv, "\n"));
  tsv[strlen (tsv) - 1] = '\0';
  return g_strsplit (tsv, "\n", -1);
}

static void
test_tsv_has_the_rows_then_a_blank_line_and_the_summary (void)
{
  g_autoptr (PmProject) project = summary_project_new ();
  g_autoptr (PmSummary) summary = pm_summary_new (project, PM_PERIOD_2021_2030, 2024);
  g_auto (GStrv) lines = tsv_lines (summary);
  g_auto (GStrv) a1 = NULL;
  g_auto (GStrv) a3 = NULL;
  g_auto (GStrv) women = NULL;
  g_auto (GStrv) d2 = NULL;

  g_assert_cmpstr (lines[0], ==, "code\tname\tlatest_year\tlatest_value\ttarget\tstatus\tstatus_label\texplanation");
  a1 = g_strsplit (lines[1], "\t", -1);
  g_assert_cmpuint (g_strv_length (a1), ==, 8);
  g_assert_cmpstr (a1[0], ==, "A1");
  g_assert_cmpstr (a1[2], ==, "2024");
  g_assert_cmpstr (a1[3], ==, "95");
  g_assert_cmpstr (a1[4], ==, "≥90");
  g_assert_cmpstr (a1[5], ==, "achieved");
  a3 = g_strsplit (lines[3], "\t", -1);
  g_assert_cmpstr (a3[2], ==, "");
  g_assert_cmpstr (a3[3], ==, "");
  g_assert_cmpstr (a3[5], ==, "no-data");

  g_assert_cmpstr (lines[8], ==, "");
  g_assert_cmpstr (lines[9], ==,
                   "plan\tdomain\tattribute\tindicators\tachieved\ton-track\tneeds-acceleration\t"
                   "limited-progress\tdeteriorating\tnot-achieved\tno-target\tno-data\tmanual\t"
                   "measured\tattainment_rate");
  women = g_strsplit (lines[10], "\t", -1);
  g_assert_cmpstr (women[0], ==, "Synthetic women's plan 2021–2030");
  g_assert_cmpstr (women[1], ==, "");
  g_assert_cmpstr (women[2], ==, "all");
  g_assert_cmpstr (women[3], ==, "6");
  g_assert_cmpstr (women[4], ==, "1");
  g_assert_cmpstr (women[13], ==, "3");
  g_assert_cmpstr (women[14], ==, "33.3%");
  d2 = g_strsplit (lines[16], "\t", -1);
  g_assert_cmpstr (d2[1], ==, "D2");
  g_assert_cmpstr (d2[2], ==, "all");
  g_assert_cmpstr (d2[14], ==, "");

  /* plans and domains, not departments: 12 rows */
  g_assert_cmpuint (g_strv_length (lines), ==, 10 + 12);
}

static void
test_tsv_shows_the_municipal_target_where_it_differs (void)
{
  g_autoptr (PmProject) project = eval_test_load_template ();
  g_autoptr (PmSummary) summary = pm_summary_new (project, PM_PERIOD_2021_2030, 2024);
  g_auto (GStrv) lines = tsv_lines (summary);
  guint differing = 0;

  for (guint i = 1; lines[i] && *lines[i]; i++)
    {
      g_auto (GStrv) fields = g_strsplit (lines[i], "\t", -1);

      g_assert_cmpuint (g_strv_length (fields), ==, 8);
      if (g_str_equal (fields[0], "W11"))
        g_assert_cmpstr (fields[4], ==, ">96 (municipal: ≥96)");
      if (g_str_equal (fields[0], "W34"))
        g_assert_cmpstr (fields[4], ==, "提高 (municipal: ≥95)");
      if (g_str_equal (fields[0], "W3"))
        g_assert_cmpstr (fields[4], ==, "＜8");
      if (strstr (fields[4], "municipal"))
        differing++;
    }
  g_assert_cmpuint (differing, ==, 2);
}

static void
test_tsv_keeps_tabs_and_line_breaks_out_of_fields (void)
{
  g_autoptr (PmProject) project = eval_test_project_new ();
  PmIndicator *indicator = eval_test_add_indicator (project, "T1", "women", "D1", "≥90",
                                                    PM_ATTRIBUTE_BINDING, "X");
  g_autoptr (PmSummary) summary = NULL;
  g_auto (GStrv) lines = NULL;
  g_auto (GStrv) fields = NULL;

  pm_indicator_set_name (indicator, "a\tname\nover two lines");
  summary = pm_summary_new (project, PM_PERIOD_2021_2030, 2024);
  lines = tsv_lines (summary);
  fields = g_strsplit (lines[1], "\t", -1);
  g_assert_cmpuint (g_strv_length (fields), ==, 8);
  g_assert_cmpstr (fields[1], ==, "a name over two lines");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/eval/summary/every-indicator-of-the-period-is-evaluated",
                   test_every_indicator_of_the_period_is_evaluated);
  g_test_add_func ("/eval/summary/binding-indicators-come-first", test_binding_indicators_come_first);
  g_test_add_func ("/eval/summary/binding-first-in-the-template-order",
                   test_binding_first_in_the_template_order);
  g_test_add_func ("/eval/summary/counts-per-plan", test_counts_per_plan);
  g_test_add_func ("/eval/summary/attainment-rate-leaves-out-no-data-manual-and-no-target",
                   test_attainment_rate_leaves_out_no_data_manual_and_no_target);
  g_test_add_func ("/eval/summary/attainment-rate-per-plan-attribute-domain-and-department",
                   test_attainment_rate_per_plan_attribute_domain_and_department);
  g_test_add_func ("/eval/summary/groups-are-plan-then-domains-then-departments-binding-first",
                   test_groups_are_plan_then_domains_then_departments_binding_first);
  g_test_add_func ("/eval/summary/previous-plans-final-result-on-the-template",
                   test_previous_plans_final_result_on_the_template);
  g_test_add_func ("/eval/summary/year-picks-its-period", test_year_picks_its_period);
  g_test_add_func ("/eval/summary/template-in-2024-has-no-data-but-manual-rows",
                   test_template_in_2024_has_no_data_but_manual_rows);
  g_test_add_func ("/eval/summary/tsv-has-the-rows-then-a-blank-line-and-the-summary",
                   test_tsv_has_the_rows_then_a_blank_line_and_the_summary);
  g_test_add_func ("/eval/summary/tsv-shows-the-municipal-target-where-it-differs",
                   test_tsv_shows_the_municipal_target_where_it_differs);
  g_test_add_func ("/eval/summary/tsv-keeps-tabs-and-line-breaks-out-of-fields",
                   test_tsv_keeps_tabs_and_line_breaks_out_of_fields);

  return g_test_run ();
}
