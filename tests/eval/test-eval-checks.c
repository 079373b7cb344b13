/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Checks of values as they are entered (pm-checks.h). Every value here is
 * SYNTHETIC. */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "eval-test-util.h"
#include "pm-checks.h"

static PmIndicator *
find (PmProject  *project,
      const char *code)
{
  PmIndicator *indicator = pm_project_find_indicator (project, code);

  g_assert_nonnull (indicator);
  return indicator;
}

/* Returns: the kinds of the checks of value, as "percent-range,large-change" */
static char *
kinds (PmIndicator *indicator,
       int          year,
       double       value)
{
  g_autoptr (GPtrArray) checks = pm_checks_for_value (indicator, year, value);
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < checks->len; i++)
    {
      const PmCheck *check = g_ptr_array_index (checks, i);

      g_assert_cmpstr (check->code, ==, pm_indicator_get_code (indicator));
      g_assert_cmpint (check->year, ==, year);
      g_assert_true (check->value == value);
      g_assert_true (check->message && *check->message);
      if (text->len)
        g_string_append_c (text, ',');
      g_string_append (text, pm_check_kind_to_string (check->kind));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
first_message (PmIndicator *indicator,
               int          year,
               double       value)
{
  g_autoptr (GPtrArray) checks = pm_checks_for_value (indicator, year, value);

  g_assert_cmpuint (checks->len, >, 0);
  return g_strdup (((PmCheck *) g_ptr_array_index (checks, 0))->message);
}

static void
test_kinds_have_stable_names (void)
{
  const char *names[] = { "percent-range", "per-mille-range", "large-change", "binding-target" };

  for (guint i = 0; i < PM_N_CHECK_KINDS; i++)
    {
      PmCheckKind kind;

      g_assert_cmpstr (pm_check_kind_to_string (i), ==, names[i]);
      g_assert_true (pm_check_kind_from_string (names[i], &kind));
      g_assert_cmpint (kind, ==, i);
      g_assert_nonnull (pm_check_kind_get_label (i));
    }
}

static void
test_a_percentage_outside_0_to_100_is_checked (void)
{
  g_autoptr (PmProject) project = eval_test_load_template ();
  PmIndicator *w4 = find (project, "W4"); /* 孕产妇系统管理率（%）, ≥94, expected */
  g_autofree char *message = NULL;

  /* a value near the one before, so that only the range is checked */
  eval_test_observe (w4, 2022, 99);
  g_assert_cmpstr (kinds (w4, 2023, 100), ==, "");
  g_assert_cmpstr (kinds (w4, 2023, 104.32), ==, "percent-range");
  eval_test_observe (w4, 2022, 0);
  g_assert_cmpstr (kinds (w4, 2023, 0), ==, "");
  g_assert_cmpstr (kinds (w4, 2023, -0.5), ==, "percent-range,large-change");
  message = first_message (w4, 2023, 104.32);
  g_assert_nonnull (strstr (message, "104.32"));
}

static void
test_a_per_mille_value_above_1000_is_checked (void)
{
  g_autoptr (PmProject) project = eval_test_load_template ();
  PmIndicator *c1 = find (project, "C1"); /* 新生儿死亡率（‰）, <1.5, binding */

  g_assert_cmpstr (kinds (c1, 2023, 1.2), ==, "");
  g_assert_cmpstr (kinds (c1, 2023, 1200), ==, "per-mille-range,large-change,binding-target");
}

static void
test_a_large_change_from_the_previous_value_is_checked (void)
{
  g_autoptr (PmProject) project = eval_test_load_template ();
  PmIndicator *w4 = find (project, "W4");
  g_autofree char *message = NULL;

  eval_test_observe (w4, 2022, 60);
  g_assert_cmpstr (kinds (w4, 2023, 89), ==, "");          /* +48 % */
  g_assert_cmpstr (kinds (w4, 2023, 95), ==, "large-change");  /* +58 % */
  g_assert_cmpstr (kinds (w4, 2023, 29), ==, "large-change");  /* −52 % */
  message = first_message (w4, 2023, 95);
  g_assert_nonnull (strstr (message, "58%"));
  g_assert_nonnull (strstr (message, "2022"));
  g_assert_nonnull (strstr (message, "50%"));

  /* the previous value is the latest before the year, named with its year */
  g_clear_pointer (&message, g_free);
  message = first_message (w4, 2025, 95);
  g_assert_nonnull (strstr (message, "2022"));

  /* the stored value of the year itself does not count */
  eval_test_observe (w4, 2023, 95);
  g_assert_cmpstr (kinds (w4, 2023, 95), ==, "large-change");
  g_assert_cmpstr (kinds (w4, 2024, 96), ==, "");
}

static void
test_the_indicator_threshold_replaces_the_default (void)
{
  g_autoptr (PmProject) project = eval_test_load_template ();
  PmIndicator *w4 = find (project, "W4");

  eval_test_observe (w4, 2022, 60);
  pm_checks_set_change_threshold (w4, 0.8);
  g_assert_cmpfloat (pm_checks_get_change_threshold (w4), ==, 0.8);
  g_assert_cmpstr (kinds (w4, 2023, 95), ==, "");
  pm_checks_set_change_threshold (w4, 0.1);
  g_assert_cmpstr (kinds (w4, 2023, 67), ==, "large-change");
  pm_checks_set_change_threshold (w4, NAN);
  g_assert_true (isnan (pm_checks_get_change_threshold (w4)));
  g_assert_cmpstr (kinds (w4, 2023, 67), ==, "");
}

static void
test_a_change_from_the_2020_baseline_counts_for_2021 (void)
{
  g_autoptr (PmProject) project = eval_test_load_template ();
  PmIndicator *c1 = find (project, "C1");
  GArray *series = pm_evaluation_collect_series (c1, 2020);
  double baseline;

  /* C1 continues a 2011–2020 row: its 2020 value is the one before 2021 */
  g_assert_cmpuint (series->len, >, 0);
  baseline = g_array_index (series, PmPoint, series->len - 1).value;
  g_array_unref (series);
  g_assert_cmpstr (kinds (c1, 2021, baseline), ==, "");
  g_assert_cmpstr (kinds (c1, 2021, baseline * 1.6), ==,
                   baseline * 1.6 < 1.5 ? "large-change" : "large-change,binding-target");
}

static void
test_a_binding_target_on_the_wrong_side_is_checked (void)
{
  g_autoptr (PmProject) project = eval_test_load_template ();
  PmIndicator *c1 = find (project, "C1"); /* <1.5‰, binding */
  PmIndicator *w4 = find (project, "W4"); /* ≥94, expected: not checked */
  g_autofree char *message = NULL;

  eval_test_observe (c1, 2022, 1.4);
  g_assert_cmpstr (kinds (c1, 2023, 1.45), ==, "");
  g_assert_cmpstr (kinds (c1, 2023, 1.5), ==, "binding-target");
  message = first_message (c1, 2023, 1.6);
  g_assert_nonnull (strstr (message, "1.6‰"));
  g_assert_nonnull (strstr (message, "1.5"));

  eval_test_observe (w4, 2022, 90);
  g_assert_cmpstr (kinds (w4, 2023, 91), ==, "");
}

static void
test_a_judgement_or_no_number_is_not_checked (void)
{
  g_autoptr (PmProject) project = eval_test_load_template ();
  PmIndicator *w20 = find (project, "W20");
  g_autoptr (GPtrArray) checks = NULL;

  eval_test_observe_text (w20, 2023, "已达标");
  checks = pm_checks_for_year (w20, 2023);
  g_assert_cmpuint (checks->len, ==, 0);
  g_assert_cmpstr (kinds (w20, 2023, NAN), ==, "");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/eval/checks/kinds-have-stable-names", test_kinds_have_stable_names);
  g_test_add_func ("/eval/checks/a-percentage-outside-0-to-100-is-checked",
                   test_a_percentage_outside_0_to_100_is_checked);
  g_test_add_func ("/eval/checks/a-per-mille-value-above-1000-is-checked",
                   test_a_per_mille_value_above_1000_is_checked);
  g_test_add_func ("/eval/checks/a-large-change-from-the-previous-value-is-checked",
                   test_a_large_change_from_the_previous_value_is_checked);
  g_test_add_func ("/eval/checks/the-indicator-threshold-replaces-the-default",
                   test_the_indicator_threshold_replaces_the_default);
  g_test_add_func ("/eval/checks/a-change-from-the-2020-baseline-counts-for-2021",
                   test_a_change_from_the_2020_baseline_counts_for_2021);
  g_test_add_func ("/eval/checks/a-binding-target-on-the-wrong-side-is-checked",
                   test_a_binding_target_on_the_wrong_side_is_checked);
  g_test_add_func ("/eval/checks/a-judgement-or-no-number-is-not-checked",
                   test_a_judgement_or_no_number_is_not_checked);

  return g_test_run ();
}
