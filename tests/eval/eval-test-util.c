/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Every value recorded here is SYNTHETIC test data (see eval-test-util.h). */
#include "config.h"

#include <math.h>

#include "eval-test-util.h"

PmProject *
eval_test_load_template (void)
{
  g_autoptr (GError) error = NULL;
  PmProject *project = pm_project_new_from_template (&error);

  g_assert_no_error (error);
  g_assert_nonnull (project);
  return project;
}

/* A small project of two plans, "women" (domains D1, D2) and "children"
 * (domain D3), and two departments X and Y. */
PmProject *
eval_test_project_new (void)
{
  PmProject *project = pm_project_new ();
  PmPlan *women = pm_project_add_plan (project, "women", "Synthetic women's plan 2021–2030",
                                       "Synthetic women's plan 2011–2020");
  PmPlan *children = pm_project_add_plan (project, "children", "Synthetic children's plan 2021–2030",
                                          "Synthetic children's plan 2011–2020");

  pm_plan_add_domain (women, "D1");
  pm_plan_add_domain (women, "D2");
  pm_plan_add_domain (children, "D3");
  pm_project_add_department (project, "X");
  pm_project_add_department (project, "Y");

  return project;
}

/* Returns: (transfer none): a 2021–2030 indicator of the plan and domain */
PmIndicator *
eval_test_add_indicator (PmProject   *project,
                         const char  *code,
                         const char  *plan_key,
                         const char  *domain_name,
                         const char  *county_target,
                         PmAttribute  attribute,
                         const char  *department)
{
  g_autoptr (GError) error = NULL;
  PmPlan *plan = pm_project_find_plan (project, plan_key);
  g_autoptr (PmIndicator) indicator = pm_indicator_new (code, PM_PERIOD_2021_2030, plan);
  g_autofree char *name = g_strdup_printf ("Synthetic indicator %s（%%）", code);

  g_assert_nonnull (plan);
  pm_indicator_set_domain (indicator, pm_plan_find_domain (plan, domain_name));
  pm_indicator_set_name (indicator, name);
  pm_indicator_set_unit (indicator, "%");
  pm_indicator_set_targets (indicator, county_target, county_target);
  pm_indicator_set_attribute (indicator, attribute, FALSE);
  pm_indicator_add_department (indicator, pm_project_find_department (project, department));
  g_assert_true (pm_project_add_indicator (project, indicator, &error));
  g_assert_no_error (error);

  return indicator;
}

void
eval_test_observe (PmIndicator *indicator,
                   int          year,
                   double       value)
{
  g_autoptr (PmObservation) observation = pm_observation_new (year, PM_AREA_COUNTY, value);

  pm_observation_set_note (observation, "synthetic test value");
  pm_indicator_put_observation (indicator, observation);
}

void
eval_test_observe_text (PmIndicator *indicator,
                        int          year,
                        const char  *text)
{
  g_autoptr (PmObservation) observation = pm_observation_new (year, PM_AREA_COUNTY, NAN);

  pm_observation_set_text (observation, text);
  pm_observation_set_note (observation, "synthetic test value");
  pm_indicator_put_observation (indicator, observation);
}

PmEvaluation *
eval_test_evaluate (PmProject  *project,
                    const char *code,
                    int         year)
{
  PmIndicator *indicator = pm_project_find_indicator (project, code);
  PmEvaluation *evaluation;

  g_assert_nonnull (indicator);
  evaluation = pm_evaluate_indicator (project, indicator, year);
  g_test_message ("%s in %d: %s — %s", code, year,
                  pm_status_to_string (pm_evaluation_get_status (evaluation)),
                  pm_evaluation_get_explanation (evaluation));
  return evaluation;
}
