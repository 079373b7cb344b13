/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The target grammar: every target string of the plans, every form, overrides. */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "pm-indicator.h"
#include "pm-project.h"
#include "pm-target.h"
#include "pm-types.h"

/* A target in one line, to compare with the expected parse. */
static char *
summarize (const PmTarget *target)
{
  static const char *const comparisons[] = { ">=", ">", "<=", "<", "=" };
  static const char *const directions[] = {
    "higher", "higher-every-year", "lower", "lower-every-year",
    "not-above-baseline", "markedly-lower", "into-range",
  };
  const char *percent = target->percent ? "%" : "";

  switch (target->kind)
    {
    case PM_TARGET_NONE:
      return g_strdup ("none");
    case PM_TARGET_COMPARISON:
      return g_strdup_printf ("comparison %s %g%s", comparisons[target->comparison],
                              target->value, percent);
    case PM_TARGET_BAND:
      return g_strdup_printf ("band %g..%g%s", target->low, target->high, percent);
    case PM_TARGET_RATIO:
      return g_strdup_printf ("ratio %g:%g", target->ratio_a, target->ratio_b);
    case PM_TARGET_DIRECTION:
      if (target->direction == PM_DIRECTION_MARKEDLY_LOWER)
        return g_strdup_printf ("direction %s %g", directions[target->direction], target->margin);
      if (target->direction == PM_DIRECTION_INTO_RANGE)
        return g_strdup_printf ("direction %s %g..%g", directions[target->direction],
                                target->low, target->high);
      return g_strdup_printf ("direction %s", directions[target->direction]);
    case PM_TARGET_RELATIVE:
      if (target->relative == PM_RELATIVE_INDICATOR)
        return g_strdup_printf ("relative %s %s", comparisons[target->comparison],
                                target->reference);
      return g_strdup_printf ("relative %s %.6g x %d", comparisons[target->comparison],
                              target->value, target->base_year);
    case PM_TARGET_MANUAL:
      return g_strdup_printf ("manual %s", target->text);
    default:
      g_assert_not_reached ();
    }
}

typedef struct
{
  const char *text;
  const char *parse;
} Expected;

/* Every distinct target string of both plans (municipal and county targets
 * of 2021–2030, 2020 targets of 2011–2020) with its parse. */
static const Expected plan_targets[] = {
  { "——", "none" },
  { "100", "comparison >= 100" },
  { "95", "comparison >= 95" },
  { "90", "comparison >= 90" },
  { "87", "comparison >= 87" },
  { "77.5", "comparison >= 77.5" },
  { "90%", "comparison >= 90%" },
  { "≥1", "comparison >= 1" },
  { "≥2", "comparison >= 2" },
  { "≥8", "comparison >= 8" },
  { "≥9", "comparison >= 9" },
  { "≥10", "comparison >= 10" },
  { "≥12", "comparison >= 12" },
  { "≥30", "comparison >= 30" },
  { "≥60", "comparison >= 60" },
  { "≥70", "comparison >= 70" },
  { "≥85", "comparison >= 85" },
  { "≥90", "comparison >= 90" },
  { "≥92", "comparison >= 92" },
  { "≥93", "comparison >= 93" },
  { "≥94", "comparison >= 94" },
  { "≥95", "comparison >= 95" },
  { "≥96", "comparison >= 96" },
  { "≥98", "comparison >= 98" },
  { "≥1.12", "comparison >= 1.12" },
  { "≥3.17", "comparison >= 3.17" },
  { "≥4.5", "comparison >= 4.5" },
  { "≥82.3", "comparison >= 82.3" },
  { ">10", "comparison > 10" },
  { ">12", "comparison > 12" },
  { ">30", "comparison > 30" },
  { ">50", "comparison > 50" },
  { ">60", "comparison > 60" },
  { ">80", "comparison > 80" },
  { ">85", "comparison > 85" },
  { ">90", "comparison > 90" },
  { ">95", "comparison > 95" },
  { ">96", "comparison > 96" },
  { ">98", "comparison > 98" },
  { ">98.5", "comparison > 98.5" },
  { "＞42", "comparison > 42" },
  { "＞98.5", "comparison > 98.5" },
  { "<0.1", "comparison < 0.1" },
  { "<0.6", "comparison < 0.6" },
  { "<1", "comparison < 1" },
  { "<1.5", "comparison < 1.5" },
  { "<2", "comparison < 2" },
  { "<2.5", "comparison < 2.5" },
  { "<3", "comparison < 3" },
  { "<4", "comparison < 4" },
  { "<4.5", "comparison < 4.5" },
  { "<5", "comparison < 5" },
  { "<7", "comparison < 7" },
  { "<9", "comparison < 9" },
  { "<10", "comparison < 10" },
  { "<11", "comparison < 11" },
  { "<12", "comparison < 12" },
  { "<25", "comparison < 25" },
  { "<38", "comparison < 38" },
  { "<60", "comparison < 60" },
  { "<70", "comparison < 70" },
  { "＜2", "comparison < 2" },
  { "＜8", "comparison < 8" },
  { "40左右", "band 38..42" },
  { "45左右", "band 42.75..47.25" },
  { "50左右", "band 47.5..52.5" },
  { "2:3", "ratio 2:3" },
  { "提高", "direction higher" },
  { "提升", "direction higher" },
  { "增加", "direction higher" },
  { "逐步提高", "direction higher" },
  { "巩固提高", "direction higher" },
  { "逐年提高", "direction higher-every-year" },
  { "降低", "direction lower" },
  { "下降", "direction lower" },
  { "减少", "direction lower" },
  { "控制", "direction not-above-baseline" },
  { "得到控制", "direction not-above-baseline" },
  { "明显降低", "direction markedly-lower 0.1" },
  { "趋于平衡", "direction into-range 103..107" },
  { "不低于本地区党员总数中女性比例", "relative >= W20" },
  { "以2010年为基数下降1/6", "relative <= 0.833333 x 2010" },
  { "保持合理比例", "manual 保持合理比例" },
  { "与女职工比例相适应", "manual 与女职工比例相适应" },
};

static const Expected *
find_expected (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (plan_targets); i++)
    if (g_strcmp0 (plan_targets[i].text, text) == 0)
      return &plan_targets[i];
  return NULL;
}

static void
assert_parse (const char *text,
              const char *expected)
{
  g_autoptr (PmTarget) target = pm_target_parse (text);
  g_autofree char *summary = summarize (target);

  g_test_message ("%s → %s", text ? text : "(null)", summary);
  g_assert_cmpstr (summary, ==, expected);
}

static GHashTable *
template_target_strings (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PmProject) project = pm_project_new_from_template (&error);
  GHashTable *strings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *indicators;

  g_assert_no_error (error);
  indicators = pm_project_get_indicators (project);
  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr (PmIndicator) indicator = g_list_model_get_item (indicators, i);
      const char *texts[] = {
        pm_indicator_get_city_target (indicator),
        pm_indicator_get_county_target (indicator),
        pm_indicator_get_target_2020 (indicator),
      };

      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        if (texts[t])
          g_hash_table_add (strings, g_strdup (texts[t]));
    }

  return strings;
}

static void
test_every_plan_target_parses_as_expected (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (plan_targets); i++)
    assert_parse (plan_targets[i].text, plan_targets[i].parse);
}

static void
test_the_list_holds_every_target_of_the_plans (void)
{
  g_autoptr (GHashTable) strings = template_target_strings ();
  GHashTableIter iter;
  const char *text;

  g_hash_table_iter_init (&iter, strings);
  while (g_hash_table_iter_next (&iter, (gpointer *) &text, NULL))
    {
      if (find_expected (text) == NULL)
        g_error ("target “%s” of the template is not in the test's list", text);
    }

  for (guint i = 0; i < G_N_ELEMENTS (plan_targets); i++)
    if (!g_hash_table_contains (strings, plan_targets[i].text))
      g_error ("target “%s” of the test's list is not in the template", plan_targets[i].text);

  g_assert_cmpuint (g_hash_table_size (strings), ==, G_N_ELEMENTS (plan_targets));
}

static void
test_no_plan_target_is_manual_but_the_judged_ones (void)
{
  g_autoptr (GHashTable) strings = template_target_strings ();
  GHashTableIter iter;
  const char *text;
  guint manual = 0;

  g_hash_table_iter_init (&iter, strings);
  while (g_hash_table_iter_next (&iter, (gpointer *) &text, NULL))
    {
      g_autoptr (PmTarget) target = pm_target_parse (text);

      if (target->kind == PM_TARGET_MANUAL)
        manual++;
    }

  g_assert_cmpuint (manual, ==, 2); /* 保持合理比例, 与女职工比例相适应 */
}

static void
test_full_width_less_than_is_a_comparison (void)
{
  g_autoptr (PmTarget) target = pm_target_parse ("＜8");

  g_assert_cmpint (target->kind, ==, PM_TARGET_COMPARISON);
  g_assert_cmpint (target->comparison, ==, PM_COMPARISON_LT);
  g_assert_cmpfloat (target->value, ==, 8);
  g_assert_cmpstr (target->text, ==, "＜8");
  g_assert_true (pm_target_is_met (target, 7.9, NULL));
  g_assert_false (pm_target_is_met (target, 8, NULL));
}

static void
test_half_and_full_width_forms_are_the_same (void)
{
  assert_parse ("＞98.5", "comparison > 98.5");
  assert_parse (">98.5", "comparison > 98.5");
  assert_parse ("≥９５", "comparison >= 95");
  assert_parse (">=95", "comparison >= 95");
  assert_parse ("≧95", "comparison >= 95");
  assert_parse ("<=5", "comparison <= 5");
  assert_parse ("≤5", "comparison <= 5");
  assert_parse ("≦5", "comparison <= 5");
  assert_parse ("＝100", "comparison = 100");
  assert_parse ("９０％", "comparison >= 90%");
  assert_parse (" ≥ 95 ", "comparison >= 95");
  assert_parse ("\u3000<0.1\u3000", "comparison < 0.1");
}

static void
test_comparisons_judge_their_bound (void)
{
  g_autoptr (PmTarget) ge = pm_target_parse ("≥94");
  g_autoptr (PmTarget) gt = pm_target_parse (">96");
  g_autoptr (PmTarget) le = pm_target_parse ("≤5");
  g_autoptr (PmTarget) eq = pm_target_parse ("=100");

  g_assert_true (pm_target_is_met (ge, 94, NULL));
  g_assert_false (pm_target_is_met (ge, 93.99, NULL));
  g_assert_false (pm_target_is_met (gt, 96, NULL));
  g_assert_true (pm_target_is_met (gt, 96.01, NULL));
  g_assert_true (pm_target_is_met (le, 5, NULL));
  g_assert_false (pm_target_is_met (le, 5.1, NULL));
  g_assert_true (pm_target_is_met (eq, 100, NULL));
  g_assert_false (pm_target_is_met (eq, 99.9, NULL));
  g_assert_cmpint (pm_target_check (ge, NAN, NULL), ==, PM_TARGET_CHECK_UNKNOWN);
}

static void
test_bare_number_is_a_level_to_reach (void)
{
  g_autoptr (PmTarget) target = pm_target_parse ("100");

  g_assert_cmpint (target->kind, ==, PM_TARGET_COMPARISON);
  g_assert_cmpint (target->comparison, ==, PM_COMPARISON_GE);
  g_assert_true (pm_target_is_met (target, 100, NULL));
  g_assert_false (pm_target_is_met (target, 99.5, NULL));
  g_assert_false (target->percent);
}

static void
test_percent_sign_is_recorded (void)
{
  g_autoptr (PmTarget) target = pm_target_parse ("90%");
  g_autoptr (PmTarget) plain = pm_target_parse ("90");

  g_assert_true (target->percent);
  g_assert_false (plain->percent);
  g_assert_cmpfloat (target->value, ==, plain->value);
  assert_parse ("≥90%", "comparison >= 90%");
  assert_parse ("95%以上", "comparison >= 95%");
  assert_parse ("5%以下", "comparison <= 5%");
}

static void
test_about_x_is_a_band_of_five_percent (void)
{
  g_autoptr (PmTarget) target = pm_target_parse ("45左右");

  g_assert_cmpint (target->kind, ==, PM_TARGET_BAND);
  g_assert_cmpfloat_with_epsilon (target->low, 42.75, 1e-9);
  g_assert_cmpfloat_with_epsilon (target->high, 47.25, 1e-9);
  g_assert_cmpfloat (target->value, ==, 45);
  g_assert_true (pm_target_is_met (target, 42.75, NULL));
  g_assert_true (pm_target_is_met (target, 47.25, NULL));
  g_assert_false (pm_target_is_met (target, 42.7, NULL));
  g_assert_false (pm_target_is_met (target, 47.3, NULL));
  g_assert_false (pm_target_is_lower_better (target));
  assert_parse ("45%左右", "band 42.75..47.25%");
}

static void
test_ratio_is_met_when_b_over_a_is_reached (void)
{
  g_autoptr (PmTarget) target = pm_target_parse ("2:3");
  double value;

  g_assert_cmpint (target->kind, ==, PM_TARGET_RATIO);
  g_assert_cmpfloat (target->value, ==, 1.5);
  g_assert_true (pm_target_is_met (target, 1.5, NULL));
  g_assert_true (pm_target_is_met (target, 1.6, NULL));
  g_assert_false (pm_target_is_met (target, 1.4, NULL));
  assert_parse ("2：3", "ratio 2:3");

  g_assert_true (pm_target_parse_ratio ("1:1.6", &value));
  g_assert_cmpfloat_with_epsilon (value, 1.6, 1e-12);
  g_assert_true (pm_target_parse_ratio ("2：3", &value));
  g_assert_cmpfloat (value, ==, 1.5);
  g_assert_true (pm_target_parse_ratio ("1.45", &value));
  g_assert_cmpfloat (value, ==, 1.45);
  g_assert_false (pm_target_parse_ratio ("0:3", &value));
  g_assert_false (pm_target_parse_ratio ("a:b", &value));
  g_assert_false (pm_target_parse_ratio (NULL, &value));
}

static void
test_direction_words_compare_with_the_baseline (void)
{
  const char *higher[] = { "提高", "提升", "增加", "逐步提高", "巩固提高" };
  const char *lower[] = { "降低", "下降", "减少" };
  PmTargetContext context;

  pm_target_context_init (&context);
  context.baseline = 50;

  for (guint i = 0; i < G_N_ELEMENTS (higher); i++)
    {
      g_autoptr (PmTarget) target = pm_target_parse (higher[i]);

      g_assert_cmpint (target->kind, ==, PM_TARGET_DIRECTION);
      g_assert_cmpint (target->direction, ==, PM_DIRECTION_HIGHER);
      g_assert_true (pm_target_is_met (target, 50.1, &context));
      g_assert_false (pm_target_is_met (target, 50, &context));
      g_assert_false (pm_target_is_lower_better (target));
      g_assert_true (pm_target_needs_baseline (target));
      g_assert_cmpint (pm_target_check (target, 60, NULL), ==, PM_TARGET_CHECK_UNKNOWN);
    }

  for (guint i = 0; i < G_N_ELEMENTS (lower); i++)
    {
      g_autoptr (PmTarget) target = pm_target_parse (lower[i]);

      g_assert_cmpint (target->direction, ==, PM_DIRECTION_LOWER);
      g_assert_true (pm_target_is_met (target, 49.9, &context));
      g_assert_false (pm_target_is_met (target, 50, &context));
      g_assert_true (pm_target_is_lower_better (target));
    }
}

static void
test_higher_every_year_needs_each_year_higher (void)
{
  g_autoptr (PmTarget) target = pm_target_parse ("逐年提高");
  PmTargetContext context;

  pm_target_context_init (&context);
  context.baseline = 30;
  context.previous = 40;

  g_assert_cmpint (target->direction, ==, PM_DIRECTION_HIGHER_EVERY_YEAR);
  g_assert_true (pm_target_is_met (target, 41, &context));
  g_assert_false (pm_target_is_met (target, 39, &context)); /* above the baseline, below last year */
  g_assert_false (pm_target_is_met (target, 29, &context));
}

static void
test_under_control_is_not_above_the_baseline (void)
{
  g_autoptr (PmTarget) target = pm_target_parse ("得到控制");
  g_autoptr (PmTarget) plain = pm_target_parse ("控制");
  PmTargetContext context;

  pm_target_context_init (&context);
  context.baseline = 43.84;

  g_assert_cmpint (target->direction, ==, PM_DIRECTION_NOT_ABOVE_BASELINE);
  g_assert_cmpint (plain->direction, ==, PM_DIRECTION_NOT_ABOVE_BASELINE);
  g_assert_true (pm_target_is_met (target, 43.84, &context));
  g_assert_true (pm_target_is_met (plain, 36.74, &context));
  g_assert_false (pm_target_is_met (target, 44, &context));
  g_assert_true (pm_target_is_lower_better (target));
}

static void
test_markedly_lower_is_ten_percent_below_the_baseline (void)
{
  g_autoptr (PmTarget) target = pm_target_parse ("明显降低");
  PmTargetContext context;
  double goal;
  gboolean lower;

  pm_target_context_init (&context);
  context.baseline = 2.0;

  g_assert_cmpint (target->direction, ==, PM_DIRECTION_MARKEDLY_LOWER);
  g_assert_true (pm_target_is_met (target, 1.8, &context));
  g_assert_false (pm_target_is_met (target, 1.85, &context));
  g_assert_true (pm_target_get_goal (target, &context, 1.9, &goal, &lower));
  g_assert_cmpfloat_with_epsilon (goal, 1.8, 1e-12);
  g_assert_true (lower);
  g_assert_false (pm_target_get_goal (target, NULL, 1.9, &goal, &lower));
}

static void
test_towards_balance_is_the_103_to_107_range (void)
{
  g_autoptr (PmTarget) target = pm_target_parse ("趋于平衡");
  double goal;
  gboolean lower;

  g_assert_cmpint (target->direction, ==, PM_DIRECTION_INTO_RANGE);
  g_assert_false (pm_target_needs_baseline (target));
  g_assert_true (pm_target_is_met (target, 107, NULL));
  g_assert_true (pm_target_is_met (target, 103, NULL));
  g_assert_false (pm_target_is_met (target, 107.42, NULL));
  g_assert_false (pm_target_is_met (target, 102.9, NULL));

  g_assert_true (pm_target_get_goal (target, NULL, 110, &goal, &lower));
  g_assert_cmpfloat (goal, ==, 107);
  g_assert_true (lower);
  g_assert_true (pm_target_get_goal (target, NULL, 100, &goal, &lower));
  g_assert_cmpfloat (goal, ==, 103);
  g_assert_false (lower);
}

static void
test_not_below_the_share_of_party_members_refers_to_w20 (void)
{
  g_autoptr (PmTarget) target = pm_target_parse ("不低于本地区党员总数中女性比例");
  PmTargetContext context;

  pm_target_context_init (&context);
  g_assert_cmpint (target->kind, ==, PM_TARGET_RELATIVE);
  g_assert_cmpint (target->relative, ==, PM_RELATIVE_INDICATOR);
  g_assert_cmpstr (target->reference, ==, "W20");
  g_assert_cmpstr (target->reference_name, ==, "本地区党员总数中女性比例");
  g_assert_cmpint (pm_target_check (target, 30, &context), ==, PM_TARGET_CHECK_UNKNOWN);

  context.reference = 28.5;
  g_assert_true (pm_target_is_met (target, 28.5, &context));
  g_assert_false (pm_target_is_met (target, 28.4, &context));

  /* other words after 不低于 name nothing known: a person judges */
  assert_parse ("不低于全国平均水平", "manual 不低于全国平均水平");
  assert_parse ("不低于95", "comparison >= 95");
}

static void
test_a_sixth_below_2010_is_five_sixths_of_2010 (void)
{
  g_autoptr (PmTarget) target = pm_target_parse ("以2010年为基数下降1/6");
  PmTargetContext context;

  pm_target_context_init (&context);
  g_assert_cmpint (target->kind, ==, PM_TARGET_RELATIVE);
  g_assert_cmpint (target->relative, ==, PM_RELATIVE_BASE_YEAR);
  g_assert_cmpint (target->base_year, ==, 2010);
  g_assert_cmpfloat_with_epsilon (target->value, 5.0 / 6.0, 1e-12);
  g_assert_true (pm_target_is_lower_better (target));
  g_assert_cmpint (pm_target_check (target, 2, &context), ==, PM_TARGET_CHECK_UNKNOWN);

  context.base_value = 3;
  g_assert_true (pm_target_is_met (target, 2.5, &context));
  g_assert_false (pm_target_is_met (target, 2.51, &context));

  assert_parse ("以2015年为基数提高20%", "relative >= 1.2 x 2015");
  assert_parse ("以2010年为基数下降7/6", "manual 以2010年为基数下降7/6");
}

static void
test_reasonable_proportion_is_manual_and_keeps_the_text (void)
{
  g_autoptr (PmTarget) target = pm_target_parse (" 保持合理比例 ");
  g_autofree char *description = pm_target_describe (target, "%");

  g_assert_cmpint (target->kind, ==, PM_TARGET_MANUAL);
  g_assert_cmpstr (target->text, ==, "保持合理比例");
  g_assert_cmpstr (description, ==, "保持合理比例");
  g_assert_false (pm_target_is_measurable (target));
  g_assert_cmpint (pm_target_check (target, 50, NULL), ==, PM_TARGET_CHECK_UNKNOWN);
}

static void
test_dash_and_empty_are_no_target (void)
{
  const char *none[] = { "——", "—", "-", "--", "－", "/", "", "  ", "无" };

  for (guint i = 0; i < G_N_ELEMENTS (none); i++)
    assert_parse (none[i], "none");
  assert_parse (NULL, "none");
}

static void
test_unknown_text_is_manual_never_a_guess (void)
{
  const char *texts[] = {
    "≥90左右", "约50", "50-", "≥", "左右", ":3", "2:0", "2:3:4", "提高到95", "逐年提高5%",
    "明显提高", "≥W20", "W20", "1/6", "43-47", "99999999999999999999999999999", "≥ 9 5x",
    "%", "‰", "以2010年为基数", "以99999年为基数下降1/6", "1e5", "0x10", "nan", "inf",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr (PmTarget) target = pm_target_parse (texts[i]);

      g_test_message ("%s", texts[i]);
      g_assert_cmpint (target->kind, ==, PM_TARGET_MANUAL);
      g_assert_false (target->percent);
      g_assert_null (target->reference);
    }
}

static void
test_invalid_utf8_is_manual_and_valid (void)
{
  g_autoptr (PmTarget) target = pm_target_parse ("\xE2\x89\xA5" "95\xFF\xE4");
  g_autofree char *description = pm_target_describe (target, "\xFF");

  g_assert_cmpint (target->kind, ==, PM_TARGET_MANUAL);
  g_assert_true (g_utf8_validate (target->text, -1, NULL));
  g_assert_true (g_utf8_validate (description, -1, NULL));
}

static void
test_lower_is_better_for_upper_bounds_and_falls (void)
{
  const struct
  {
    const char *text;
    gboolean lower;
  } cases[] = {
    { "<8", TRUE },   { "≤5", TRUE },       { "降低", TRUE },  { "得到控制", TRUE },
    { "明显降低", TRUE }, { "以2010年为基数下降1/6", TRUE }, { "≥82.3", FALSE },
    { "100", FALSE }, { "45左右", FALSE },    { "2:3", FALSE },  { "趋于平衡", FALSE },
    { "提高", FALSE }, { "逐年提高", FALSE }, { "保持合理比例", FALSE }, { "——", FALSE },
    { "不低于本地区党员总数中女性比例", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (PmTarget) target = pm_target_parse (cases[i].text);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpint (pm_target_is_lower_better (target), ==, cases[i].lower);
    }
}

static void
test_describe_gives_figures_and_words (void)
{
  const struct
  {
    const char *text;
    const char *unit;
    const char *description;
  } cases[] = {
    { "<2.5", "‰", "＜2.5‰" },
    { "≥82.3", "岁", "≥82.3岁" },
    { "＜8", "1/10万", "＜8/10万" },
    { ">96", "%", "＞96%" },
    { "90%", "%", "≥90%" },
    { "100", NULL, "≥100" },
    { "45左右", "%", "about 45%" },
    { "2:3", "%", "2:3" },
    { "逐年提高", "%", "to rise every year" },
    { "得到控制", "件", "to stay under control (not above the baseline)" },
    { "明显降低", "%", "to fall markedly (at least 10% below the baseline)" },
    { "趋于平衡", "%", "to move towards balance (103–107)" },
    { "以2010年为基数下降1/6", "‰", "1/6 below the 2010 value" },
    { "不低于本地区党员总数中女性比例", "%", "not below 本地区党员总数中女性比例 of the same year" },
    { "——", "%", "no target" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (PmTarget) target = pm_target_parse (cases[i].text);
      g_autofree char *description = pm_target_describe (target, cases[i].unit);

      g_assert_cmpstr (description, ==, cases[i].description);
    }
}

static void
test_override_gives_a_band_its_own_range (void)
{
  g_autoptr (PmTarget) printed = pm_target_parse ("45左右");
  g_autoptr (GError) error = NULL;
  g_autoptr (PmTarget) target = pm_target_apply_override (printed, "43–47", &error);
  g_autofree char *description = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (target->kind, ==, PM_TARGET_BAND);
  g_assert_cmpfloat (target->low, ==, 43);
  g_assert_cmpfloat (target->high, ==, 47);
  g_assert_cmpstr (target->text, ==, "45左右");
  g_assert_cmpstr (target->override, ==, "43–47");
  g_assert_true (pm_target_is_met (target, 43, NULL));
  g_assert_false (pm_target_is_met (target, 42.9, NULL));
  description = pm_target_describe (target, "%");
  g_assert_cmpstr (description, ==, "43–47%");
}

static void
test_override_changes_the_figures_of_each_form (void)
{
  const struct
  {
    const char *printed;
    const char *override;
    const char *parse;
  } cases[] = {
    { "45左右", "50", "band 47.5..52.5" },
    { "45左右", "43~47", "band 43..47" },
    { "≥95", "96", "comparison >= 96" },
    { "<2.5", "2", "comparison < 2" },
    { "≥95", "<5", "comparison < 5" },
    { "提高", "60", "comparison >= 60" },
    { "降低", "3", "comparison <= 3" },
    { "提高", "≥60", "comparison >= 60" },
    { "保持合理比例", "≥30", "comparison >= 30" },
    { "保持合理比例", "30-50", "band 30..50" },
    { "保持合理比例", "W20", "relative >= W20" },
    { "与女职工比例相适应", "≥W36", "relative >= W36" },
    { "明显降低", "15%", "direction markedly-lower 0.15" },
    { "明显降低", "1/5", "direction markedly-lower 0.2" },
    { "趋于平衡", "104-106", "direction into-range 104..106" },
    { "以2010年为基数下降1/6", "1/5", "relative <= 0.8 x 2010" },
    { "以2010年为基数下降1/6", "20%", "relative <= 0.8 x 2010" },
    { "不低于本地区党员总数中女性比例", "W33", "relative >= W33" },
    { "2:3", "1:1", "ratio 1:1" },
    { "≥95", "——", "none" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (PmTarget) printed = pm_target_parse (cases[i].printed);
      g_autoptr (GError) error = NULL;
      g_autoptr (PmTarget) target = pm_target_apply_override (printed, cases[i].override, &error);
      g_autofree char *summary = NULL;

      g_test_message ("%s + %s", cases[i].printed, cases[i].override);
      g_assert_no_error (error);
      summary = summarize (target);
      g_assert_cmpstr (summary, ==, cases[i].parse);
      g_assert_cmpstr (target->text, ==, printed->text);
      g_assert_cmpstr (target->override, ==, cases[i].override);
    }
}

static void
test_override_that_does_not_fit_is_refused (void)
{
  const struct
  {
    const char *printed;
    const char *override;
  } cases[] = {
    { "45左右", "about fifty" },
    { "2:3", "1.5" },
    { "明显降低", "150%" },
    { "明显降低", "5" },
    { "趋于平衡", "105" },
    { "不低于本地区党员总数中女性比例", "50" },
    { "以2010年为基数下降1/6", "43-47" },
    { "≥95", "1/6" },
    { "≥95", "\xFF" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (PmTarget) printed = pm_target_parse (cases[i].printed);
      g_autoptr (GError) error = NULL;
      g_autoptr (PmTarget) target = pm_target_apply_override (printed, cases[i].override, &error);

      g_test_message ("%s + %s", cases[i].printed, cases[i].override);
      g_assert_null (target);
      g_assert_error (error, PM_ERROR, PM_ERROR_INVALID_DATA);
      g_assert_nonnull (strstr (error->message, cases[i].printed));
    }
}

static void
test_empty_override_keeps_the_printed_target (void)
{
  g_autoptr (PmTarget) printed = pm_target_parse ("≥95");
  g_autoptr (PmTarget) target = pm_target_apply_override (printed, "  ", NULL);
  g_autoptr (PmTarget) none = pm_target_apply_override (printed, NULL, NULL);

  g_assert_cmpfloat (target->value, ==, 95);
  g_assert_null (target->override);
  g_assert_cmpint (none->kind, ==, PM_TARGET_COMPARISON);
}

static void
test_target_is_a_boxed_type (void)
{
  g_autoptr (PmTarget) target = pm_target_parse ("不低于本地区党员总数中女性比例");
  PmTarget *copy = g_boxed_copy (PM_TYPE_TARGET, target);

  g_assert_true (G_TYPE_IS_BOXED (PM_TYPE_TARGET));
  g_assert_true (copy != target);
  g_assert_cmpstr (copy->reference, ==, "W20");
  g_assert_true (copy->reference != target->reference);
  g_boxed_free (PM_TYPE_TARGET, copy);
}

static void
test_goal_is_the_figure_to_reach (void)
{
  g_autoptr (PmTarget) band = pm_target_parse ("45左右");
  g_autoptr (PmTarget) ratio = pm_target_parse ("2:3");
  g_autoptr (PmTarget) less = pm_target_parse ("<2.5");
  g_autoptr (PmTarget) higher = pm_target_parse ("提高");
  g_autoptr (PmTarget) base = pm_target_parse ("以2010年为基数下降1/6");
  PmTargetContext context;
  double goal;
  gboolean lower;

  pm_target_context_init (&context);
  g_assert_true (pm_target_get_goal (band, &context, 40, &goal, &lower));
  g_assert_cmpfloat_with_epsilon (goal, 42.75, 1e-9);
  g_assert_false (lower);
  g_assert_true (pm_target_get_goal (band, &context, 50, &goal, &lower));
  g_assert_cmpfloat_with_epsilon (goal, 47.25, 1e-9);
  g_assert_true (lower);
  g_assert_true (pm_target_get_goal (ratio, &context, 1, &goal, &lower));
  g_assert_cmpfloat (goal, ==, 1.5);
  g_assert_true (pm_target_get_goal (less, &context, 3, &goal, &lower));
  g_assert_cmpfloat (goal, ==, 2.5);
  g_assert_true (lower);
  g_assert_false (pm_target_get_goal (higher, &context, 3, &goal, &lower));
  g_assert_false (pm_target_get_goal (base, &context, 3, &goal, &lower));
  context.base_value = 3;
  g_assert_true (pm_target_get_goal (base, &context, 3, &goal, &lower));
  g_assert_cmpfloat_with_epsilon (goal, 2.5, 1e-12);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/eval/target/every-plan-target-parses-as-expected",
                   test_every_plan_target_parses_as_expected);
  g_test_add_func ("/eval/target/the-list-holds-every-target-of-the-plans",
                   test_the_list_holds_every_target_of_the_plans);
  g_test_add_func ("/eval/target/no-plan-target-is-manual-but-the-judged-ones",
                   test_no_plan_target_is_manual_but_the_judged_ones);
  g_test_add_func ("/eval/target/full-width-less-than-is-a-comparison",
                   test_full_width_less_than_is_a_comparison);
  g_test_add_func ("/eval/target/half-and-full-width-forms-are-the-same",
                   test_half_and_full_width_forms_are_the_same);
  g_test_add_func ("/eval/target/comparisons-judge-their-bound",
                   test_comparisons_judge_their_bound);
  g_test_add_func ("/eval/target/bare-number-is-a-level-to-reach",
                   test_bare_number_is_a_level_to_reach);
  g_test_add_func ("/eval/target/percent-sign-is-recorded", test_percent_sign_is_recorded);
  g_test_add_func ("/eval/target/about-x-is-a-band-of-five-percent",
                   test_about_x_is_a_band_of_five_percent);
  g_test_add_func ("/eval/target/ratio-is-met-when-b-over-a-is-reached",
                   test_ratio_is_met_when_b_over_a_is_reached);
  g_test_add_func ("/eval/target/direction-words-compare-with-the-baseline",
                   test_direction_words_compare_with_the_baseline);
  g_test_add_func ("/eval/target/higher-every-year-needs-each-year-higher",
                   test_higher_every_year_needs_each_year_higher);
  g_test_add_func ("/eval/target/under-control-is-not-above-the-baseline",
                   test_under_control_is_not_above_the_baseline);
  g_test_add_func ("/eval/target/markedly-lower-is-ten-percent-below-the-baseline",
                   test_markedly_lower_is_ten_percent_below_the_baseline);
  g_test_add_func ("/eval/target/towards-balance-is-the-103-to-107-range",
                   test_towards_balance_is_the_103_to_107_range);
  g_test_add_func ("/eval/target/not-below-the-share-of-party-members-refers-to-w20",
                   test_not_below_the_share_of_party_members_refers_to_w20);
  g_test_add_func ("/eval/target/a-sixth-below-2010-is-five-sixths-of-2010",
                   test_a_sixth_below_2010_is_five_sixths_of_2010);
  g_test_add_func ("/eval/target/reasonable-proportion-is-manual-and-keeps-the-text",
                   test_reasonable_proportion_is_manual_and_keeps_the_text);
  g_test_add_func ("/eval/target/dash-and-empty-are-no-target", test_dash_and_empty_are_no_target);
  g_test_add_func ("/eval/target/unknown-text-is-manual-never-a-guess",
                   test_unknown_text_is_manual_never_a_guess);
  g_test_add_func ("/eval/target/invalid-utf8-is-manual-and-valid",
                   test_invalid_utf8_is_manual_and_valid);
  g_test_add_func ("/eval/target/lower-is-better-for-upper-bounds-and-falls",
                   test_lower_is_better_for_upper_bounds_and_falls);
  g_test_add_func ("/eval/target/describe-gives-figures-and-words",
                   test_describe_gives_figures_and_words);
  g_test_add_func ("/eval/target/override-gives-a-band-its-own-range",
                   test_override_gives_a_band_its_own_range);
  g_test_add_func ("/eval/target/override-changes-the-figures-of-each-form",
                   test_override_changes_the_figures_of_each_form);
  g_test_add_func ("/eval/target/override-that-does-not-fit-is-refused",
                   test_override_that_does_not_fit_is_refused);
  g_test_add_func ("/eval/target/empty-override-keeps-the-printed-target",
                   test_empty_override_keeps_the_printed_target);
  g_test_add_func ("/eval/target/target-is-a-boxed-type", test_target_is_a_boxed_type);
  g_test_add_func ("/eval/target/goal-is-the-figure-to-reach", test_goal_is_the_figure_to_reach);

  return g_test_run ();
}
