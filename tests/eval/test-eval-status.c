/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The status of an indicator in a year: every status, the progress ratio and
 * its edge cases. The template's indicators get SYNTHETIC observations here
 * (made-up values for the test; the template holds none after 2020). */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "eval-test-util.h"

#define assert_contains(haystack, needle)                                       \
  G_STMT_START                                                                  \
  {                                                                             \
    const char *h_ = (haystack);                                                \
    if (h_ == NULL || strstr (h_, (needle)) == NULL)                            \
      g_error ("“%s” does not contain “%s”", h_ ? h_ : "(null)", (needle));     \
  }                                                                             \
  G_STMT_END

static PmIndicator *
find (PmProject  *project,
      const char *code)
{
  PmIndicator *indicator = pm_project_find_indicator (project, code);

  g_assert_nonnull (indicator);
  return indicator;
}

static void
assert_status (PmEvaluation *evaluation,
               PmStatus      status)
{
  g_assert_cmpstr (pm_status_to_string (pm_evaluation_get_status (evaluation)), ==,
                   pm_status_to_string (status));
  g_assert_nonnull (pm_evaluation_get_explanation (evaluation));
  g_assert_true (g_utf8_validate (pm_evaluation_get_explanation (evaluation), -1, NULL));
}

static double
cagr (double from,
      double to,
      int    years)
{
  return pow (to / from, 1.0 / years) - 1.0;
}

/* Statuses and their names */

static void
test_statuses_have_stable_machine_names (void)
{
  const char *names[] = {
    "achieved", "on-track", "needs-acceleration", "limited-progress", "deteriorating",
    "not-achieved", "no-target", "no-data", "manual",
  };
  g_autoptr (GEnumClass) enum_class = g_type_class_ref (PM_TYPE_STATUS);

  g_assert_cmpuint (G_N_ELEMENTS (names), ==, PM_N_STATUSES);
  for (guint i = 0; i < PM_N_STATUSES; i++)
    {
      PmStatus status;

      g_assert_cmpstr (pm_status_to_string (i), ==, names[i]);
      g_assert_true (pm_status_from_string (names[i], &status));
      g_assert_cmpint (status, ==, i);
      g_assert_cmpstr (g_enum_get_value (enum_class, i)->value_nick, ==, names[i]);
      g_assert_nonnull (pm_status_get_label (i));
      g_assert_cmpstr (pm_status_get_label (i), !=, "");
    }
  {
    PmStatus status;

    g_assert_false (pm_status_from_string ("done", &status));
  }
}

static void
test_measured_statuses_are_the_judged_ones (void)
{
  g_assert_true (pm_status_is_measured (PM_STATUS_ACHIEVED));
  g_assert_true (pm_status_is_measured (PM_STATUS_ON_TRACK));
  g_assert_true (pm_status_is_measured (PM_STATUS_NEEDS_ACCELERATION));
  g_assert_true (pm_status_is_measured (PM_STATUS_LIMITED_PROGRESS));
  g_assert_true (pm_status_is_measured (PM_STATUS_DETERIORATING));
  g_assert_true (pm_status_is_measured (PM_STATUS_NOT_ACHIEVED));
  g_assert_false (pm_status_is_measured (PM_STATUS_NO_TARGET));
  g_assert_false (pm_status_is_measured (PM_STATUS_NO_DATA));
  g_assert_false (pm_status_is_measured (PM_STATUS_MANUAL));
}

static void
test_judgement_words_are_read (void)
{
  const struct
  {
    const char *text;
    PmStatus status;
  } cases[] = {
    { "已达标", PM_STATUS_ACHIEVED },
    { " 达标 ", PM_STATUS_ACHIEVED },
    { "achieved", PM_STATUS_ACHIEVED },
    { "Achieved", PM_STATUS_ACHIEVED },
    { "未达标", PM_STATUS_NOT_ACHIEVED },
    { "not-achieved", PM_STATUS_NOT_ACHIEVED },
    { "需加快进度", PM_STATUS_NEEDS_ACCELERATION },
    { "进展缓慢", PM_STATUS_LIMITED_PROGRESS },
    { "出现倒退", PM_STATUS_DETERIORATING },
    { "on-track", PM_STATUS_ON_TRACK },
  };
  const char *not_judgements[] = { "manual", "no-data", "no-target", "", "maybe", "30", NULL };
  PmStatus status;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_true (pm_status_from_judgement (cases[i].text, &status));
      g_assert_cmpint (status, ==, cases[i].status);
    }
  for (guint i = 0; i < G_N_ELEMENTS (not_judgements); i++)
    g_assert_false (pm_status_from_judgement (not_judgements[i], &status));
}

/* The series and the baseline */

static void
test_series_runs_from_2010_through_the_predecessor (void)
{
  g_autoptr (PmProject) project = eval_test_load_template ();
  PmIndicator *w2 = find (project, "W2");
  PmIndicator *w14 = find (project, "W14");
  g_autoptr (GArray) series = NULL;
  g_autoptr (GArray) series14 = NULL;

  eval_test_observe (w2, 2022, 80.5);
  series = pm_evaluation_collect_series (w2, 2030);
  /* HW17 prints no 2010 value, only the 2020 actual 80.12 */
  g_assert_cmpuint (series->len, ==, 2);
  g_assert_cmpint (g_array_index (series, PmPoint, 0).year, ==, 2020);
  g_assert_cmpfloat (g_array_index (series, PmPoint, 0).value, ==, 80.12);
  g_assert_cmpint (g_array_index (series, PmPoint, 1).year, ==, 2022);

  /* W14 continues HW1: 9 in 2010, 11.3 in 2020 */
  series14 = pm_evaluation_collect_series (w14, 2030);
  g_assert_cmpuint (series14->len, ==, 2);
  g_assert_cmpint (g_array_index (series14, PmPoint, 0).year, ==, 2010);
  g_assert_cmpfloat (g_array_index (series14, PmPoint, 0).value, ==, 9);
}

static void
test_observation_replaces_the_printed_value_of_its_year (void)
{
  g_autoptr (PmProject) project = eval_test_load_template ();
  PmIndicator *hw1 = find (project, "HW1");
  g_autoptr (GArray) series = NULL;

  eval_test_observe (hw1, 2020, 12.5);
  series = pm_evaluation_collect_series (hw1, 2020);
  g_assert_cmpuint (series->len, ==, 2);
  g_assert_cmpfloat (g_array_index (series, PmPoint, 1).value, ==, 12.5);
}

static void
test_observations_of_other_areas_are_left_out (void)
{
  g_autoptr (PmProject) project = eval_test_load_template ();
  PmIndicator *w5 = find (project, "W5");
  g_autoptr (PmObservation) town = pm_observation_new (2024, "some-town", 99);
  g_autoptr (GArray) series = NULL;

  pm_indicator_put_observation (w5, town);
  series = pm_evaluation_collect_series (w5, 2030);
  g_assert_cmpuint (series->len, ==, 0);
}

static void
test_baseline_is_the_2020_value_through_the_predecessor (void)
{
  g_autoptr (PmProject) project = eval_test_load_template ();
  g_autoptr (PmEvaluation) evaluation = NULL;

  eval_test_observe (find (project, "W2"), 2024, 80.9);
  evaluation = eval_test_evaluate (project, "W2", 2024);
  g_assert_cmpint (pm_evaluation_get_baseline_year (evaluation), ==, 2020);
  g_assert_cmpfloat (pm_evaluation_get_baseline_value (evaluation), ==, 80.12);
  g_assert_cmpint (pm_evaluation_get_latest_year (evaluation), ==, 2024);
  g_assert_cmpfloat (pm_evaluation_get_latest_value (evaluation), ==, 80.9);
}

static void
test_a_new_indicator_with_one_value_says_its_baseline_is_missing (void)
{
  g_autoptr (PmProject) project = eval_test_load_template ();
  g_autoptr (PmEvaluation) evaluation = NULL;
  const char *explanation;

  /* W40 县级文明家庭（户）, 提高: new in 2021–2030, so no 2020 value */
  eval_test_observe (find (project, "W40"), 2023, 120);
  evaluation = eval_test_evaluate (project, "W40", 2023);
  explanation = pm_evaluation_get_explanation (evaluation);
  g_test_message ("%s", explanation);
  g_assert_cmpint (pm_evaluation_get_status (evaluation), ==, PM_STATUS_NO_DATA);
  g_assert_cmpfloat (pm_evaluation_get_latest_value (evaluation), ==, 120);
  g_assert_nonnull (strstr (explanation, "W40 has no value for 2020"));
  g_assert_nonnull (strstr (explanation, "enter its 2020 value"));
}

static void
test_a_new_indicator_is_judged_from_its_entered_2020_baseline (void)
{
  g_autoptr (PmProject) project = eval_test_load_template ();
  PmIndicator *w40 = find (project, "W40");
  g_autoptr (PmEvaluation) evaluation = NULL;

  eval_test_observe (w40, 2020, 100);
  eval_test_observe (w40, 2023, 120);
  evaluation = eval_test_evaluate (project, "W40", 2023);
  g_assert_cmpint (pm_evaluation_get_baseline_year (evaluation), ==, 2020);
  g_assert_cmpfloat (pm_evaluation_get_baseline_value (evaluation), ==, 100);
  g_assert_cmpint (pm_evaluation_get_status (evaluation), ==, PM_STATUS_ACHIEVED);
}

static void
test_baseline_is_the_first_value_of_the_period_without_predecessor (void)
{
  g_autoptr (PmProject) project = eval_test_load_template ();
  PmIndicator *w5 = find (project, "W5");
  g_autoptr (PmEvaluation) evaluation = NULL;

  eval_test_observe (w5, 2022, 50);
  eval_test_observe (w5, 2023, 55);
  eval_test_observe (w5, 2025, 60);
  evaluation = eval_test_evaluate (project, "W5", 2024);
  g_assert_cmpint (pm_evaluation_get_baseline_year (evaluation), ==, 2022);
  g_assert_cmpint (pm_evaluation_get_latest_year (evaluation), ==, 2023); /* 2025 is after 2024 */
}

/* Every status */

static void
test_achieved_when_the_latest_value_meets_the_target (void)
{
  g_autoptr (PmProject) project = eval_test_load_template ();
  g_autoptr (PmEvaluation) evaluation = NULL;

  eval_test_observe (find (project, "C2"), 2024, 2.3);
  evaluation = eval_test_evaluate (project, "C2", 2024);
  assert_status (evaluation, PM_STATUS_ACHIEVED);
  g_assert_cmpstr (pm_evaluation_get_explanation (evaluation), ==,
                   "In 2024 the value was 2.3‰; the target is <2.5‰: achieved");
}

static void
test_on_track_when_the_progress_ratio_reaches_095 (void)
{
  g_autoptr (PmProject) project = eval_test_load_template ();
  g_autoptr (PmEvaluation) evaluation = NULL;
  double required = cagr (80.12, 82.3, 10), observed = cagr (80.12, 81.2, 4);

  eval_test_observe (find (project, "W2"), 2024, 81.2);
  evaluation = eval_test_evaluate (project, "W2", 2024);
  assert_status (evaluation, PM_STATUS_ON_TRACK);
  g_assert_cmpfloat_with_epsilon (pm_evaluation_get_required_rate (evaluation), required, 1e-12);
  g_assert_cmpfloat_with_epsilon (pm_evaluation_get_observed_rate (evaluation), observed, 1e-12);
  g_assert_cmpfloat_with_epsilon (pm_evaluation_get_progress_ratio (evaluation), observed / required,
                                  1e-9);
  g_assert_cmpfloat (pm_evaluation_get_progress_ratio (evaluation), >=, 0.95);
  g_assert_false (pm_evaluation_get_linear (evaluation));
  assert_contains (pm_evaluation_get_explanation (evaluation), ": on track");
}

static void
test_needs_acceleration_between_06_and_095 (void)
{
  g_autoptr (PmProject) project = eval_test_load_template ();
  g_autoptr (PmEvaluation) evaluation = NULL;
  double ratio;

  eval_test_observe (find (project, "W2"), 2024, 80.9);
  evaluation = eval_test_evaluate (project, "W2", 2024);
  assert_status (evaluation, PM_STATUS_NEEDS_ACCELERATION);
  ratio = pm_evaluation_get_progress_ratio (evaluation);
  g_assert_cmpfloat (ratio, >=, 0.6);
  g_assert_cmpfloat (ratio, <, 0.95);
  /* 80.9 × (1 + CAGR)^6 */
  g_assert_cmpfloat_with_epsilon (pm_evaluation_get_projected_value (evaluation),
                                  80.9 * pow (1 + cagr (80.12, 80.9, 4), 6), 1e-9);
  g_assert_cmpfloat (pm_evaluation_get_goal (evaluation), ==, 82.3);
  g_assert_cmpstr (pm_evaluation_get_explanation (evaluation), ==,
                   "In 2024 the value was 80.9岁; at the rate since 2020 it would be about 82.1岁 "
                   "by 2030, below the target ≥82.3岁: needs to speed up");
}

static void
test_limited_progress_below_06 (void)
{
  g_autoptr (PmProject) project = eval_test_load_template ();
  g_autoptr (PmEvaluation) evaluation = NULL;

  eval_test_observe (find (project, "W2"), 2024, 80.3);
  evaluation = eval_test_evaluate (project, "W2", 2024);
  assert_status (evaluation, PM_STATUS_LIMITED_PROGRESS);
  g_assert_cmpfloat (pm_evaluation_get_progress_ratio (evaluation), >=, 0);
  g_assert_cmpfloat (pm_evaluation_get_progress_ratio (evaluation), <, 0.6);
  assert_contains (pm_evaluation_get_explanation (evaluation), "below the target ≥82.3岁: limited progress");
}

static void
test_deteriorating_when_the_ratio_is_negative (void)
{
  g_autoptr (PmProject) project = eval_test_load_template ();
  g_autoptr (PmEvaluation) evaluation = NULL;

  eval_test_observe (find (project, "W2"), 2024, 79.9);
  evaluation = eval_test_evaluate (project, "W2", 2024);
  assert_status (evaluation, PM_STATUS_DETERIORATING);
  g_assert_cmpfloat (pm_evaluation_get_progress_ratio (evaluation), <, 0);
  assert_contains (pm_evaluation_get_explanation (evaluation), "80.12岁 in 2020");
}

static void
test_not_achieved_in_the_final_year (void)
{
  g_autoptr (PmProject) project = eval_test_load_template ();
  g_autoptr (PmEvaluation) evaluation = NULL;
  g_autoptr (PmEvaluation) achieved = NULL;

  eval_test_observe (find (project, "W2"), 2030, 82.2);
  evaluation = eval_test_evaluate (project, "W2", 2030);
  assert_status (evaluation, PM_STATUS_NOT_ACHIEVED);
  assert_contains (pm_evaluation_get_explanation (evaluation), "the target for 2030 is ≥82.3岁: not achieved");

  eval_test_observe (find (project, "C2"), 2030, 2.4);
  achieved = eval_test_evaluate (project, "C2", 2030);
  assert_status (achieved, PM_STATUS_ACHIEVED);
}

static void
test_not_achieved_in_the_final_year_even_from_an_older_value (void)
{
  g_autoptr (PmProject) project = eval_test_load_template ();
  g_autoptr (PmEvaluation) evaluation = NULL;

  eval_test_observe (find (project, "W2"), 2028, 82.2);
  evaluation = eval_test_evaluate (project, "W2", 2030);
  assert_status (evaluation, PM_STATUS_NOT_ACHIEVED);
  g_assert_cmpint (pm_evaluation_get_latest_year (evaluation), ==, 2028);
}

static void
test_previous_plan_row_is_judged_in_2020 (void)
{
  g_autoptr (PmProject) project = eval_test_load_template ();
  g_autoptr (PmEvaluation) hw1 = eval_test_evaluate (project, "HW1", 2020);
  g_autoptr (PmEvaluation) hw3 = eval_test_evaluate (project, "HW3", 2020);
  g_autoptr (PmEvaluation) later = eval_test_evaluate (project, "HW1", 2024);

  /* >12 years of schooling, 11.3 in 2020 */
  assert_status (hw1, PM_STATUS_NOT_ACHIEVED);
  g_assert_cmpint (pm_evaluation_get_final_year (hw1), ==, 2020);
  g_assert_cmpint (pm_evaluation_get_baseline_year (hw1), ==, 2010);
  g_assert_cmpfloat (pm_evaluation_get_baseline_value (hw1), ==, 9);
  /* 50左右, 48.39 in 2020 */
  assert_status (hw3, PM_STATUS_ACHIEVED);
  /* a later year still judges the 2011–2020 row at 2020 */
  assert_status (later, PM_STATUS_NOT_ACHIEVED);
  g_assert_cmpint (pm_evaluation_get_latest_year (later), ==, 2020);
}

static void
test_previous_plan_row_before_2020_has_only_its_2010_value (void)
{
  g_autoptr (PmProject) project = eval_test_load_template ();
  g_autoptr (PmEvaluation) before = eval_test_evaluate (project, "HW1", 2015);
  g_autoptr (PmEvaluation) observed = NULL;

  assert_status (before, PM_STATUS_NO_DATA);
  assert_contains (pm_evaluation_get_explanation (before), "No value up to 2015");

  /* a project adds a 2015 value: progress from 9 (2010) towards >12 by 2020 */
  eval_test_observe (find (project, "HW1"), 2015, 10.5);
  observed = eval_test_evaluate (project, "HW1", 2015);
  g_assert_cmpfloat_with_epsilon (pm_evaluation_get_progress_ratio (observed),
                                  cagr (9, 10.5, 5) / cagr (9, 12, 10), 1e-9);
  assert_status (observed, PM_STATUS_ON_TRACK);
}

static void
test_no_target_for_a_dash (void)
{
  g_autoptr (PmProject) project = eval_test_load_template ();
  g_autoptr (PmEvaluation) evaluation = eval_test_evaluate (project, "HC19", 2020);

  assert_status (evaluation, PM_STATUS_NO_TARGET);
  g_assert_cmpint (pm_evaluation_get_latest_year (evaluation), ==, 2020);
  g_assert_cmpfloat (pm_evaluation_get_latest_value (evaluation), ==, 163);
}

static void
test_no_data_without_a_value_in_the_period (void)
{
  g_autoptr (PmProject) project = eval_test_load_template ();
  g_autoptr (PmEvaluation) evaluation = eval_test_evaluate (project, "W2", 2024);

  /* HW17's 2020 value is the baseline, not a value of the period */
  assert_status (evaluation, PM_STATUS_NO_DATA);
  g_assert_cmpint (pm_evaluation_get_latest_year (evaluation), ==, 0);
  g_assert_true (isnan (pm_evaluation_get_latest_value (evaluation)));
  g_assert_cmpstr (pm_evaluation_get_explanation (evaluation), ==, "No value up to 2024");
}

static void
test_no_data_with_one_value_short_of_the_target (void)
{
  g_autoptr (PmProject) project = eval_test_load_template ();
  g_autoptr (PmEvaluation) evaluation = NULL;
  g_autoptr (PmEvaluation) final = NULL;
  g_autoptr (PmEvaluation) met = NULL;

  eval_test_observe (find (project, "W5"), 2024, 60);
  evaluation = eval_test_evaluate (project, "W5", 2024);
  assert_status (evaluation, PM_STATUS_NO_DATA);
  assert_contains (pm_evaluation_get_explanation (evaluation), "another year");
  g_assert_cmpint (pm_evaluation_get_latest_year (evaluation), ==, 2024);

  final = eval_test_evaluate (project, "W5", 2030);
  assert_status (final, PM_STATUS_NOT_ACHIEVED);

  eval_test_observe (find (project, "W5"), 2024, 70);
  met = eval_test_evaluate (project, "W5", 2024);
  assert_status (met, PM_STATUS_ACHIEVED);
}

static void
test_manual_target_waits_for_a_judgement (void)
{
  g_autoptr (PmProject) project = eval_test_load_template ();
  g_autoptr (PmEvaluation) evaluation = eval_test_evaluate (project, "W20", 2024);
  g_autoptr (PmEvaluation) with_value = NULL;

  assert_status (evaluation, PM_STATUS_MANUAL);
  g_assert_false (pm_evaluation_get_judged (evaluation));
  assert_contains (pm_evaluation_get_explanation (evaluation), "保持合理比例");

  eval_test_observe (find (project, "W20"), 2024, 28.5);
  with_value = eval_test_evaluate (project, "W20", 2024);
  assert_status (with_value, PM_STATUS_MANUAL);
  assert_contains (pm_evaluation_get_explanation (with_value), "28.5%");
}

static void
test_manual_target_takes_the_recorded_judgement (void)
{
  g_autoptr (PmProject) project = eval_test_load_template ();
  PmIndicator *w31 = find (project, "W31");
  g_autoptr (PmEvaluation) judged = NULL;
  g_autoptr (PmEvaluation) final = NULL;
  g_autoptr (PmObservation) observation = pm_observation_new (2023, PM_AREA_COUNTY, 31.0);

  pm_observation_set_text (observation, "已达标");
  pm_indicator_put_observation (w31, observation);
  judged = eval_test_evaluate (project, "W31", 2024);
  assert_status (judged, PM_STATUS_ACHIEVED);
  g_assert_true (pm_evaluation_get_judged (judged));
  assert_contains (pm_evaluation_get_explanation (judged), "In 2023 a person judged");

  eval_test_observe_text (w31, 2030, "进展缓慢");
  final = eval_test_evaluate (project, "W31", 2030);
  assert_status (final, PM_STATUS_NOT_ACHIEVED);
}

/* Progress-ratio edge cases */

static void
test_zero_baseline_uses_yearly_changes (void)
{
  g_autoptr (PmProject) project = eval_test_load_template ();
  PmIndicator *w5 = find (project, "W5");
  g_autoptr (PmEvaluation) evaluation = NULL;

  /* ≥70 from 0 in 2021: 70/9 a year needed, 30/3 a year seen */
  eval_test_observe (w5, 2021, 0);
  eval_test_observe (w5, 2024, 30);
  evaluation = eval_test_evaluate (project, "W5", 2024);
  g_assert_true (pm_evaluation_get_linear (evaluation));
  g_assert_cmpfloat_with_epsilon (pm_evaluation_get_required_rate (evaluation), 70.0 / 9, 1e-12);
  g_assert_cmpfloat_with_epsilon (pm_evaluation_get_observed_rate (evaluation), 10, 1e-12);
  g_assert_cmpfloat_with_epsilon (pm_evaluation_get_progress_ratio (evaluation), 90.0 / 70, 1e-12);
  g_assert_cmpfloat_with_epsilon (pm_evaluation_get_projected_value (evaluation), 90, 1e-9);
  assert_status (evaluation, PM_STATUS_ON_TRACK);
}

static void
test_zero_baseline_of_a_previous_plan_row (void)
{
  g_autoptr (PmProject) project = eval_test_load_template ();
  g_autoptr (PmEvaluation) evaluation = NULL;

  /* HC7 新生儿代谢性疾病筛查率: 0 in 2010, target >80 */
  eval_test_observe (find (project, "HC7"), 2015, 30);
  evaluation = eval_test_evaluate (project, "HC7", 2015);
  g_assert_true (pm_evaluation_get_linear (evaluation));
  g_assert_cmpfloat_with_epsilon (pm_evaluation_get_progress_ratio (evaluation), (30.0 / 5) / (80.0 / 10),
                                  1e-12);
  assert_status (evaluation, PM_STATUS_NEEDS_ACCELERATION);
}

static void
test_baseline_already_past_the_target (void)
{
  g_autoptr (PmProject) project = eval_test_load_template ();
  PmIndicator *hw4 = find (project, "HW4");
  g_autoptr (PmEvaluation) kept = NULL;
  g_autoptr (PmEvaluation) lost = NULL;

  /* HW4: 98.6 in 2010 against a target of 95 */
  eval_test_observe (hw4, 2015, 97);
  kept = eval_test_evaluate (project, "HW4", 2015);
  assert_status (kept, PM_STATUS_ACHIEVED);

  eval_test_observe (hw4, 2015, 94);
  lost = eval_test_evaluate (project, "HW4", 2015);
  assert_status (lost, PM_STATUS_DETERIORATING);
  assert_contains (pm_evaluation_get_explanation (lost), "in 2010 (98.6%) but no longer does");
  g_assert_true (isnan (pm_evaluation_get_progress_ratio (lost)));
}

static void
test_lower_is_better_target_measures_the_fall (void)
{
  const struct
  {
    double value;
    PmStatus status;
  } cases[] = {
    { 2.60, PM_STATUS_ON_TRACK },
    { 2.62, PM_STATUS_NEEDS_ACCELERATION },
    { 2.65, PM_STATUS_LIMITED_PROGRESS },
    { 2.80, PM_STATUS_DETERIORATING },
    { 2.40, PM_STATUS_ACHIEVED },
  };

  /* C2 婴儿死亡率 <2.5‰, baseline HC3's 2.67 in 2020 */
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (PmProject) project = eval_test_load_template ();
      g_autoptr (PmEvaluation) evaluation = NULL;

      eval_test_observe (find (project, "C2"), 2024, cases[i].value);
      evaluation = eval_test_evaluate (project, "C2", 2024);
      assert_status (evaluation, cases[i].status);
      if (cases[i].status != PM_STATUS_ACHIEVED)
        g_assert_cmpfloat_with_epsilon (pm_evaluation_get_progress_ratio (evaluation),
                                        cagr (2.67, cases[i].value, 4) / cagr (2.67, 2.5, 10), 1e-9);
      if (cases[i].status == PM_STATUS_NEEDS_ACCELERATION)
        assert_contains (pm_evaluation_get_explanation (evaluation), "above the target <2.5‰");
    }
}

static void
test_strict_bound_from_the_bound_itself (void)
{
  g_autoptr (PmProject) project = eval_test_project_new ();
  PmIndicator *indicator = eval_test_add_indicator (project, "S1", "women", "D1", ">96",
                                                    PM_ATTRIBUTE_BINDING, "X");
  g_autoptr (PmEvaluation) same = NULL;
  g_autoptr (PmEvaluation) worse = NULL;

  /* >96 from exactly 96: no growth is required, so no ratio can be taken */
  eval_test_observe (indicator, 2021, 96);
  eval_test_observe (indicator, 2024, 96);
  same = eval_test_evaluate (project, "S1", 2024);
  assert_status (same, PM_STATUS_LIMITED_PROGRESS);
  g_assert_true (isnan (pm_evaluation_get_progress_ratio (same)));

  eval_test_observe (indicator, 2024, 95);
  worse = eval_test_evaluate (project, "S1", 2024);
  assert_status (worse, PM_STATUS_DETERIORATING);
}

/* Directions */

static void
test_higher_is_achieved_when_above_the_baseline (void)
{
  const struct
  {
    double value;
    PmStatus status;
  } cases[] = {
    { 94, PM_STATUS_ACHIEVED },
    { 93.6, PM_STATUS_LIMITED_PROGRESS },
    { 93, PM_STATUS_DETERIORATING },
  };

  /* W9 提高, baseline HW24's 93.6 in 2020 */
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (PmProject) project = eval_test_load_template ();
      g_autoptr (PmEvaluation) evaluation = NULL;

      eval_test_observe (find (project, "W9"), 2024, cases[i].value);
      evaluation = eval_test_evaluate (project, "W9", 2024);
      assert_status (evaluation, cases[i].status);
      assert_contains (pm_evaluation_get_explanation (evaluation), "in 2020");
    }
}

static void
test_direction_without_baseline_needs_a_second_value (void)
{
  g_autoptr (PmProject) project = eval_test_load_template ();
  g_autoptr (PmEvaluation) evaluation = NULL;

  /* W13 提高 has no predecessor: its first value is its baseline */
  eval_test_observe (find (project, "W13"), 2022, 40);
  evaluation = eval_test_evaluate (project, "W13", 2024);
  assert_status (evaluation, PM_STATUS_NO_DATA);
  g_assert_cmpint (pm_evaluation_get_baseline_year (evaluation), ==, 2022);
}

static void
test_higher_every_year_checks_each_year (void)
{
  const struct
  {
    double values[3];
    PmStatus status;
  } cases[] = {
    { { 35, 36, 37 }, PM_STATUS_ACHIEVED },
    { { 35, 34.5, 36 }, PM_STATUS_LIMITED_PROGRESS },
    { { 35, 36, 36 }, PM_STATUS_LIMITED_PROGRESS },
    { { 35, 36, 35.5 }, PM_STATUS_DETERIORATING },
    { { 33, 32, 30 }, PM_STATUS_DETERIORATING },
  };

  /* W1 逐年提高, baseline HW10's 33.84 in 2020 */
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (PmProject) project = eval_test_load_template ();
      PmIndicator *w1 = find (project, "W1");
      g_autoptr (PmEvaluation) evaluation = NULL;

      for (int y = 0; y < 3; y++)
        eval_test_observe (w1, 2021 + y, cases[i].values[y]);
      evaluation = eval_test_evaluate (project, "W1", 2023);
      assert_status (evaluation, cases[i].status);
      if (i == 1)
        assert_contains (pm_evaluation_get_explanation (evaluation), "in 2022");
    }
}

static void
test_under_control_is_achieved_when_not_above_the_baseline (void)
{
  g_autoptr (PmProject) project = eval_test_load_template ();
  PmIndicator *w47 = find (project, "W47");
  g_autoptr (PmEvaluation) kept = NULL;
  g_autoptr (PmEvaluation) rose = NULL;
  g_autoptr (PmEvaluation) final = NULL;

  eval_test_observe (w47, 2021, 20);
  eval_test_observe (w47, 2024, 20);
  kept = eval_test_evaluate (project, "W47", 2024);
  assert_status (kept, PM_STATUS_ACHIEVED);

  eval_test_observe (w47, 2024, 22);
  rose = eval_test_evaluate (project, "W47", 2024);
  assert_status (rose, PM_STATUS_DETERIORATING);

  eval_test_observe (w47, 2030, 22);
  final = eval_test_evaluate (project, "W47", 2030);
  assert_status (final, PM_STATUS_NOT_ACHIEVED);
}

static void
test_markedly_lower_is_measured_against_ninety_percent_of_the_baseline (void)
{
  g_autoptr (PmProject) project = eval_test_load_template ();
  PmIndicator *w19 = find (project, "W19");
  g_autoptr (PmEvaluation) achieved = NULL;
  g_autoptr (PmEvaluation) progress = NULL;

  eval_test_observe (w19, 2021, 2.0);
  eval_test_observe (w19, 2024, 1.8);
  achieved = eval_test_evaluate (project, "W19", 2024);
  assert_status (achieved, PM_STATUS_ACHIEVED);
  assert_contains (pm_evaluation_get_explanation (achieved), "that is 1.8%");

  eval_test_observe (w19, 2024, 1.9);
  progress = eval_test_evaluate (project, "W19", 2024);
  g_assert_cmpfloat_with_epsilon (pm_evaluation_get_goal (progress), 1.8, 1e-12);
  g_assert_cmpfloat_with_epsilon (pm_evaluation_get_progress_ratio (progress),
                                  cagr (2.0, 1.9, 3) / cagr (2.0, 1.8, 9), 1e-9);
  assert_status (progress, PM_STATUS_ON_TRACK);
}

static void
test_towards_balance_moves_into_103_to_107 (void)
{
  const struct
  {
    double value;
    PmStatus status;
  } cases[] = {
    { 106, PM_STATUS_ACHIEVED },
    { 107.2, PM_STATUS_ON_TRACK },
    { 108, PM_STATUS_DETERIORATING },
    { 102, PM_STATUS_DETERIORATING }, /* past the range, further from it */
    { 106.9, PM_STATUS_ACHIEVED },
  };

  /* W41 出生人口性别比 趋于平衡, baseline HW16's 107.42 in 2020 */
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (PmProject) project = eval_test_load_template ();
      g_autoptr (PmEvaluation) evaluation = NULL;

      eval_test_observe (find (project, "W41"), 2024, cases[i].value);
      evaluation = eval_test_evaluate (project, "W41", 2024);
      assert_status (evaluation, cases[i].status);
    }
}

static void
test_range_crossed_is_measured_by_the_distance (void)
{
  g_autoptr (PmProject) project = eval_test_load_template ();
  g_autoptr (PmEvaluation) evaluation = NULL;

  /* from 107.42 (0.42 above) to 102.9 (0.1 below): 0.32 nearer in 4 years,
   * 0.42 to close in 10 */
  eval_test_observe (find (project, "W41"), 2024, 102.9);
  evaluation = eval_test_evaluate (project, "W41", 2024);
  g_assert_true (pm_evaluation_get_linear (evaluation));
  g_assert_cmpfloat_with_epsilon (pm_evaluation_get_progress_ratio (evaluation),
                                  ((0.42 - 0.1) / 4) / (0.42 / 10), 1e-9);
  assert_status (evaluation, PM_STATUS_ON_TRACK);
  assert_contains (pm_evaluation_get_explanation (evaluation), "on the other side");
}

/* Forms with figures */

static void
test_band_is_achieved_inside_and_measured_to_the_near_bound (void)
{
  g_autoptr (PmProject) project = eval_test_load_template ();
  PmIndicator *w15 = find (project, "W15");
  g_autoptr (PmEvaluation) inside = NULL;
  g_autoptr (PmEvaluation) below = NULL;

  /* W15 45左右 (42.75–47.25), baseline HW18's 42.1 in 2020 */
  eval_test_observe (w15, 2024, 43);
  inside = eval_test_evaluate (project, "W15", 2024);
  assert_status (inside, PM_STATUS_ACHIEVED);

  eval_test_observe (w15, 2024, 42.3);
  below = eval_test_evaluate (project, "W15", 2024);
  g_assert_cmpfloat_with_epsilon (pm_evaluation_get_goal (below), 42.75, 1e-9);
  g_assert_cmpfloat_with_epsilon (pm_evaluation_get_progress_ratio (below),
                                  cagr (42.1, 42.3, 4) / cagr (42.1, 42.75, 10), 1e-9);
  assert_status (below, PM_STATUS_NEEDS_ACCELERATION);
}

static void
test_ratio_observations_are_read_as_a_to_b (void)
{
  g_autoptr (PmProject) project = eval_test_load_template ();
  PmIndicator *w42 = find (project, "W42");
  g_autoptr (PmEvaluation) progress = NULL;
  g_autoptr (PmEvaluation) reached = NULL;

  /* W42 男女厕位比 2:3: women's places per man's place reach 1.5 */
  eval_test_observe_text (w42, 2021, "1:1.2");
  eval_test_observe_text (w42, 2024, "1：1.4");
  progress = eval_test_evaluate (project, "W42", 2024);
  g_assert_cmpfloat_with_epsilon (pm_evaluation_get_latest_value (progress), 1.4, 1e-12);
  g_assert_cmpfloat_with_epsilon (pm_evaluation_get_progress_ratio (progress),
                                  cagr (1.2, 1.4, 3) / cagr (1.2, 1.5, 9), 1e-9);
  assert_status (progress, PM_STATUS_ON_TRACK);
  assert_contains (pm_evaluation_get_explanation (progress), "1:1.4");

  eval_test_observe (w42, 2024, 1.5); /* entered as a decimal */
  reached = eval_test_evaluate (project, "W42", 2024);
  assert_status (reached, PM_STATUS_ACHIEVED);
}

static void
test_relative_target_reads_the_same_year_of_w20 (void)
{
  g_autoptr (PmProject) project = eval_test_load_template ();
  PmIndicator *w20 = find (project, "W20");
  PmIndicator *w21 = find (project, "W21");
  g_autoptr (PmEvaluation) missing = NULL;
  g_autoptr (PmEvaluation) met = NULL;
  g_autoptr (PmEvaluation) below = NULL;

  eval_test_observe (w21, 2021, 20);
  eval_test_observe (w21, 2024, 27);
  missing = eval_test_evaluate (project, "W21", 2024);
  assert_status (missing, PM_STATUS_NO_DATA);
  assert_contains (pm_evaluation_get_explanation (missing), "W20");

  eval_test_observe (w20, 2024, 26.5);
  met = eval_test_evaluate (project, "W21", 2024);
  assert_status (met, PM_STATUS_ACHIEVED);
  assert_contains (pm_evaluation_get_explanation (met), "that is 26.5%");

  eval_test_observe (w20, 2024, 28);
  below = eval_test_evaluate (project, "W21", 2024);
  g_assert_cmpfloat (pm_evaluation_get_goal (below), ==, 28);
  g_assert_cmpfloat_with_epsilon (pm_evaluation_get_progress_ratio (below),
                                  cagr (20, 27, 3) / cagr (20, 28, 9), 1e-9);
  assert_status (below, PM_STATUS_ON_TRACK);
}

static void
test_relative_target_without_its_indicator_is_manual (void)
{
  g_autoptr (PmProject) project = eval_test_project_new ();
  PmIndicator *indicator = eval_test_add_indicator (project, "S1", "women", "D1",
                                                    "不低于本地区党员总数中女性比例",
                                                    PM_ATTRIBUTE_EXPECTED, "X");
  g_autoptr (PmEvaluation) evaluation = NULL;
  g_autoptr (PmEvaluation) without_project = NULL;

  eval_test_observe (indicator, 2024, 30);
  evaluation = eval_test_evaluate (project, "S1", 2024);
  assert_status (evaluation, PM_STATUS_MANUAL);
  assert_contains (pm_evaluation_get_explanation (evaluation), "W20");

  without_project = pm_evaluate_indicator (NULL, indicator, 2024);
  assert_status (without_project, PM_STATUS_MANUAL);
}

static void
test_a_sixth_below_2010_uses_the_2010_value (void)
{
  g_autoptr (PmProject) project = eval_test_load_template ();
  g_autoptr (PmEvaluation) evaluation = NULL;
  g_autoptr (PmEvaluation) final = eval_test_evaluate (project, "HC9", 2020);

  /* HC9 儿童伤害死亡率: 3‰ in 2010, so ≤2.5‰ */
  eval_test_observe (find (project, "HC9"), 2015, 2.8);
  evaluation = eval_test_evaluate (project, "HC9", 2015);
  g_assert_cmpfloat_with_epsilon (pm_evaluation_get_goal (evaluation), 2.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (pm_evaluation_get_progress_ratio (evaluation),
                                  cagr (3, 2.8, 5) / cagr (3, 2.5, 10), 1e-9);
  assert_status (evaluation, PM_STATUS_NEEDS_ACCELERATION);

  assert_status (final, PM_STATUS_ACHIEVED); /* 0.144‰ in 2020 */
  assert_contains (pm_evaluation_get_explanation (final), "that is 2.5‰");
}

static void
test_base_year_missing_is_no_data (void)
{
  g_autoptr (PmProject) project = eval_test_project_new ();
  PmIndicator *indicator = eval_test_add_indicator (project, "S1", "women", "D1",
                                                    "以2010年为基数下降1/6",
                                                    PM_ATTRIBUTE_EXPECTED, "X");
  g_autoptr (PmEvaluation) evaluation = NULL;

  eval_test_observe (indicator, 2024, 2);
  evaluation = eval_test_evaluate (project, "S1", 2024);
  assert_status (evaluation, PM_STATUS_NO_DATA);
  assert_contains (pm_evaluation_get_explanation (evaluation), "2010");
}

/* Overrides */

static void
test_override_changes_the_judgement (void)
{
  g_autoptr (PmProject) project = eval_test_load_template ();
  PmIndicator *w15 = find (project, "W15");
  g_autoptr (GError) error = NULL;
  g_autoptr (PmEvaluation) printed = NULL;
  g_autoptr (PmEvaluation) overridden = NULL;
  g_autoptr (PmTarget) target = NULL;

  eval_test_observe (w15, 2024, 42.9);
  printed = eval_test_evaluate (project, "W15", 2024);
  assert_status (printed, PM_STATUS_ACHIEVED); /* 42.75–47.25 */

  g_assert_true (pm_target_set_indicator_override (w15, "43-47", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (pm_target_get_indicator_override (w15), ==, "43-47");
  overridden = eval_test_evaluate (project, "W15", 2024);
  g_assert_cmpint (pm_evaluation_get_status (overridden), !=, PM_STATUS_ACHIEVED);
  g_assert_cmpstr (pm_evaluation_get_target (overridden)->text, ==, "45左右");

  /* a bad override is refused and the previous one kept */
  g_assert_false (pm_target_set_indicator_override (w15, "forty-five", &error));
  g_assert_error (error, PM_ERROR, PM_ERROR_INVALID_DATA);
  g_assert_cmpstr (pm_target_get_indicator_override (w15), ==, "43-47");

  /* and an empty one goes back to the printed target */
  g_assert_true (pm_target_set_indicator_override (w15, "", NULL));
  g_assert_null (pm_target_get_indicator_override (w15));
  target = pm_target_new_for_indicator (w15);
  g_assert_cmpfloat_with_epsilon (target->low, 42.75, 1e-9);
}

static void
test_every_template_indicator_gets_a_status_every_year (void)
{
  g_autoptr (PmProject) project = eval_test_load_template ();
  GListModel *indicators = pm_project_get_indicators (project);

  for (int year = 2011; year <= 2030; year++)
    for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
      {
        g_autoptr (PmIndicator) indicator = g_list_model_get_item (indicators, i);
        g_autoptr (PmEvaluation) evaluation = pm_evaluate_indicator (project, indicator, year);

        g_assert_cmpint (pm_evaluation_get_status (evaluation), <, PM_N_STATUSES);
        g_assert_true (g_utf8_validate (pm_evaluation_get_explanation (evaluation), -1, NULL));
        if (pm_indicator_get_period (indicator) == PM_PERIOD_2021_2030)
          /* the template holds no value after 2020 */
          g_assert_cmpint (pm_evaluation_get_status (evaluation), !=, PM_STATUS_ACHIEVED);
      }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/eval/status/statuses-have-stable-machine-names",
                   test_statuses_have_stable_machine_names);
  g_test_add_func ("/eval/status/measured-statuses-are-the-judged-ones",
                   test_measured_statuses_are_the_judged_ones);
  g_test_add_func ("/eval/status/judgement-words-are-read", test_judgement_words_are_read);
  g_test_add_func ("/eval/status/a-new-indicator-with-one-value-says-its-baseline-is-missing",
                   test_a_new_indicator_with_one_value_says_its_baseline_is_missing);
  g_test_add_func ("/eval/status/a-new-indicator-is-judged-from-its-entered-2020-baseline",
                   test_a_new_indicator_is_judged_from_its_entered_2020_baseline);
  g_test_add_func ("/eval/series/runs-from-2010-through-the-predecessor",
                   test_series_runs_from_2010_through_the_predecessor);
  g_test_add_func ("/eval/series/observation-replaces-the-printed-value-of-its-year",
                   test_observation_replaces_the_printed_value_of_its_year);
  g_test_add_func ("/eval/series/observations-of-other-areas-are-left-out",
                   test_observations_of_other_areas_are_left_out);
  g_test_add_func ("/eval/baseline/is-the-2020-value-through-the-predecessor",
                   test_baseline_is_the_2020_value_through_the_predecessor);
  g_test_add_func ("/eval/baseline/is-the-first-value-of-the-period-without-predecessor",
                   test_baseline_is_the_first_value_of_the_period_without_predecessor);
  g_test_add_func ("/eval/status/achieved-when-the-latest-value-meets-the-target",
                   test_achieved_when_the_latest_value_meets_the_target);
  g_test_add_func ("/eval/status/on-track-when-the-progress-ratio-reaches-0.95",
                   test_on_track_when_the_progress_ratio_reaches_095);
  g_test_add_func ("/eval/status/needs-acceleration-between-0.6-and-0.95",
                   test_needs_acceleration_between_06_and_095);
  g_test_add_func ("/eval/status/limited-progress-below-0.6", test_limited_progress_below_06);
  g_test_add_func ("/eval/status/deteriorating-when-the-ratio-is-negative",
                   test_deteriorating_when_the_ratio_is_negative);
  g_test_add_func ("/eval/status/not-achieved-in-the-final-year", test_not_achieved_in_the_final_year);
  g_test_add_func ("/eval/status/not-achieved-in-the-final-year-even-from-an-older-value",
                   test_not_achieved_in_the_final_year_even_from_an_older_value);
  g_test_add_func ("/eval/status/previous-plan-row-is-judged-in-2020",
                   test_previous_plan_row_is_judged_in_2020);
  g_test_add_func ("/eval/status/previous-plan-row-before-2020-has-only-its-2010-value",
                   test_previous_plan_row_before_2020_has_only_its_2010_value);
  g_test_add_func ("/eval/status/no-target-for-a-dash", test_no_target_for_a_dash);
  g_test_add_func ("/eval/status/no-data-without-a-value-in-the-period",
                   test_no_data_without_a_value_in_the_period);
  g_test_add_func ("/eval/status/no-data-with-one-value-short-of-the-target",
                   test_no_data_with_one_value_short_of_the_target);
  g_test_add_func ("/eval/status/manual-target-waits-for-a-judgement",
                   test_manual_target_waits_for_a_judgement);
  g_test_add_func ("/eval/status/manual-target-takes-the-recorded-judgement",
                   test_manual_target_takes_the_recorded_judgement);
  g_test_add_func ("/eval/progress/zero-baseline-uses-yearly-changes",
                   test_zero_baseline_uses_yearly_changes);
  g_test_add_func ("/eval/progress/zero-baseline-of-a-previous-plan-row",
                   test_zero_baseline_of_a_previous_plan_row);
  g_test_add_func ("/eval/progress/baseline-already-past-the-target",
                   test_baseline_already_past_the_target);
  g_test_add_func ("/eval/progress/lower-is-better-target-measures-the-fall",
                   test_lower_is_better_target_measures_the_fall);
  g_test_add_func ("/eval/progress/strict-bound-from-the-bound-itself",
                   test_strict_bound_from_the_bound_itself);
  g_test_add_func ("/eval/direction/higher-is-achieved-when-above-the-baseline",
                   test_higher_is_achieved_when_above_the_baseline);
  g_test_add_func ("/eval/direction/without-baseline-needs-a-second-value",
                   test_direction_without_baseline_needs_a_second_value);
  g_test_add_func ("/eval/direction/higher-every-year-checks-each-year",
                   test_higher_every_year_checks_each_year);
  g_test_add_func ("/eval/direction/under-control-is-achieved-when-not-above-the-baseline",
                   test_under_control_is_achieved_when_not_above_the_baseline);
  g_test_add_func ("/eval/direction/markedly-lower-is-measured-against-90-percent-of-the-baseline",
                   test_markedly_lower_is_measured_against_ninety_percent_of_the_baseline);
  g_test_add_func ("/eval/direction/towards-balance-moves-into-103-to-107",
                   test_towards_balance_moves_into_103_to_107);
  g_test_add_func ("/eval/progress/range-crossed-is-measured-by-the-distance",
                   test_range_crossed_is_measured_by_the_distance);
  g_test_add_func ("/eval/form/band-is-achieved-inside-and-measured-to-the-near-bound",
                   test_band_is_achieved_inside_and_measured_to_the_near_bound);
  g_test_add_func ("/eval/form/ratio-observations-are-read-as-a-to-b",
                   test_ratio_observations_are_read_as_a_to_b);
  g_test_add_func ("/eval/form/relative-target-reads-the-same-year-of-w20",
                   test_relative_target_reads_the_same_year_of_w20);
  g_test_add_func ("/eval/form/relative-target-without-its-indicator-is-manual",
                   test_relative_target_without_its_indicator_is_manual);
  g_test_add_func ("/eval/form/a-sixth-below-2010-uses-the-2010-value",
                   test_a_sixth_below_2010_uses_the_2010_value);
  g_test_add_func ("/eval/form/base-year-missing-is-no-data", test_base_year_missing_is_no_data);
  g_test_add_func ("/eval/override/changes-the-judgement", test_override_changes_the_judgement);
  g_test_add_func ("/eval/status/every-template-indicator-gets-a-status-every-year",
                   test_every_template_indicator_gets_a_status_every_year);

  return g_test_run ();
}
