/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Charts built from the built-in template and its evaluation. Values after
 * 2020 are synthetic test data put in by these tests; the template holds
 * none. */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "chart-test-util.h"
#include "pm-chart-builder.h"
#include "pm-chart.h"
#include "pm-domain.h"
#include "pm-indicator.h"
#include "pm-observation.h"
#include "pm-plan.h"
#include "pm-project.h"

static PmProject *
load_template (void)
{
  g_autoptr (GError) error = NULL;
  PmProject *project = pm_project_new_from_template (&error);

  g_assert_no_error (error);
  return project;
}

static PmIndicator *
find (PmProject  *project,
      const char *code)
{
  PmIndicator *indicator = pm_project_find_indicator (project, code);

  g_assert_nonnull (indicator);
  return indicator;
}

/* Synthetic county values, marked as such in their note. */
static void
put_values (PmIndicator  *indicator,
            int           first_year,
            const double *values,
            guint         n_values)
{
  for (guint i = 0; i < n_values; i++)
    {
      g_autoptr (PmObservation) observation = pm_observation_new (first_year + (int) i,
                                                                  PM_AREA_COUNTY, values[i]);

      pm_observation_set_note (observation, "synthetic test value");
      pm_indicator_put_observation (indicator, observation);
    }
}

static const PmTrendPoint *
point_of (const PmTrendData *data,
          int                year)
{
  for (guint i = 0; i < data->points->len; i++)
    if (g_array_index (data->points, PmTrendPoint, i).year == year)
      return &g_array_index (data->points, PmTrendPoint, i);
  return NULL;
}

static void
test_w2_continues_hw17_from_2020 (void)
{
  g_autoptr (PmProject) project = load_template ();
  g_autoptr (PmTrendData) data = pm_trend_data_new_for_indicator (project, find (project, "W2"), 2024);
  const PmTrendPoint *p2020 = point_of (data, 2020);

  g_assert_cmpstr (data->title, ==, "妇女人均预期寿命（岁）");
  g_assert_cmpstr (data->unit, ==, "岁");
  g_assert_cmpint (data->first_year, ==, 2010);
  g_assert_cmpint (data->last_year, ==, 2030);
  g_assert_cmpint (data->target_year, ==, 2030);
  g_assert_cmpint (data->midterm_year, ==, 2025);

  /* HW17 prints no 2010 value and 80.12 for 2020 */
  g_assert_null (point_of (data, 2010));
  g_assert_nonnull (p2020);
  g_assert_cmpfloat (p2020->value, ==, 80.12);
  g_assert_true (p2020->flags & PM_TREND_POINT_HISTORY);

  g_assert_cmpint (data->target.kind, ==, PM_CHART_TARGET_COMPARISON);
  g_assert_cmpint (data->target.op, ==, PM_CHART_OP_GE);
  g_assert_cmpfloat (data->target.value, ==, 82.3);
  g_assert_cmpstr (data->target.text, ==, "≥82.3");
  g_assert_false (data->lower_is_better);
  g_assert_cmpint (data->status, ==, PM_CHART_STATUS_NO_DATA);
  g_assert_nonnull (data->explanation);

  g_assert_nonnull (strstr (data->footnote, "县卫生健康委"));
  g_assert_nonnull (strstr (data->footnote, "预期性"));
  g_assert_nonnull (strstr (data->footnote, "HW17"));
  g_assert_nonnull (strstr (data->footnote, "云阳县妇女发展规划（2011—2020年）"));
  /* the source names the printed years there are: HW17 has no 2010 value */
  g_assert_null (strstr (data->footnote, "2010"));
}

static void
test_monitoring_values_give_path_projection_and_status (void)
{
  static const double values[] = { 80.5, 80.9, 81.2, 81.6 };
  g_autoptr (PmProject) project = load_template ();
  PmIndicator *w2 = find (project, "W2");
  g_autoptr (PmTrendData) data = NULL;

  put_values (w2, 2021, values, G_N_ELEMENTS (values));
  data = pm_trend_data_new_for_indicator (project, w2, 2024);

  g_assert_cmpuint (pm_trend_data_count_values (data), ==, 5);
  g_assert_false (point_of (data, 2021)->flags & PM_TREND_POINT_HISTORY);
  g_assert_true (point_of (data, 2020)->flags & PM_TREND_POINT_HISTORY);

  /* from the 2020 baseline to the 2030 target */
  g_assert_cmpint (data->baseline_year, ==, 2020);
  g_assert_cmpfloat (data->baseline_value, ==, 80.12);
  g_assert_cmpfloat (data->required_value, ==, 82.3);

  /* from the latest value on */
  g_assert_cmpint (data->projection_from_year, ==, 2024);
  g_assert_cmpfloat (data->projection_from_value, ==, 81.6);
  g_assert_true (isfinite (data->projected_value));
  g_assert_cmpfloat (data->projected_value, >, 81.6);

  g_assert_cmpint (data->status, !=, PM_CHART_STATUS_NO_DATA);
  g_assert_cmpint (data->status, !=, PM_CHART_STATUS_NONE);
  g_assert_nonnull (strstr (data->footnote, "2024"));
}

static void
test_values_after_the_year_are_left_out (void)
{
  static const double values[] = { 80.5, 80.9, 81.2, 81.6 };
  g_autoptr (PmProject) project = load_template ();
  PmIndicator *w2 = find (project, "W2");
  g_autoptr (PmTrendData) data = NULL;

  put_values (w2, 2021, values, G_N_ELEMENTS (values));
  data = pm_trend_data_new_for_indicator (project, w2, 2022);
  g_assert_nonnull (point_of (data, 2022));
  g_assert_null (point_of (data, 2023));
  g_assert_null (point_of (data, 2024));
}

static void
test_2011_2020_row_ends_in_2020 (void)
{
  g_autoptr (PmProject) project = load_template ();
  g_autoptr (PmTrendData) data = pm_trend_data_new_for_indicator (project, find (project, "HC27.1"),
                                                                  2024);

  g_assert_cmpint (data->last_year, ==, 2020);
  g_assert_cmpint (data->target_year, ==, 2020);
  g_assert_cmpint (data->midterm_year, ==, 2015);
  g_assert_cmpfloat (point_of (data, 2010)->value, ==, 8.4);
  g_assert_cmpfloat (point_of (data, 2020)->value, ==, 31);
  g_assert_cmpint (data->target.kind, ==, PM_CHART_TARGET_COMPARISON);
  g_assert_cmpint (data->target.op, ==, PM_CHART_OP_GT);
  g_assert_cmpfloat (data->target.value, ==, 30);
  g_assert_cmpint (data->status, ==, PM_CHART_STATUS_ACHIEVED);
}

static void
test_every_target_kind_is_drawn_by_its_kind (void)
{
  g_autoptr (PmProject) project = load_template ();
  static const struct
  {
    const char *code;
    PmChartTargetKind kind;
  } cases[] = {
    { "W2", PM_CHART_TARGET_COMPARISON },  /* ≥82.3 */
    { "W3", PM_CHART_TARGET_COMPARISON },  /* ＜8 */
    { "W15", PM_CHART_TARGET_BAND },       /* 45左右 */
    { "W41", PM_CHART_TARGET_BAND },       /* 趋于平衡: 103–107 */
    { "W42", PM_CHART_TARGET_RATIO },      /* 2:3 */
    { "W1", PM_CHART_TARGET_DIRECTION },   /* 逐年提高 */
    { "W20", PM_CHART_TARGET_MANUAL },     /* 保持合理比例 */
    { "W21", PM_CHART_TARGET_RELATIVE },   /* 不低于本地区党员总数中女性比例 */
    { "HC9", PM_CHART_TARGET_RELATIVE },   /* 以2010年为基数下降1/6 */
    { "HC19", PM_CHART_TARGET_NONE },      /* —— */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (PmTrendData) data = pm_trend_data_new_for_indicator (project,
                                                                      find (project, cases[i].code),
                                                                      2024);

      g_test_message ("%s: %s", cases[i].code, data->target.text);
      g_assert_cmpint (data->target.kind, ==, cases[i].kind);
    }

  {
    g_autoptr (PmTrendData) w3 = pm_trend_data_new_for_indicator (project, find (project, "W3"), 2024);
    g_autoptr (PmTrendData) w1 = pm_trend_data_new_for_indicator (project, find (project, "W1"), 2024);
    g_autoptr (PmTrendData) w41 = pm_trend_data_new_for_indicator (project, find (project, "W41"), 2024);
    g_autoptr (PmTrendData) hc9 = pm_trend_data_new_for_indicator (project, find (project, "HC9"), 2024);

    g_assert_true (w3->lower_is_better);
    g_assert_cmpint (w3->target.op, ==, PM_CHART_OP_LT);
    g_assert_cmpint (w1->target.direction, ==, 1);
    g_assert_cmpfloat (w41->target.low, ==, 103);
    g_assert_cmpfloat (w41->target.high, ==, 107);
    /* a sixth below the 2010 value of 3 */
    g_assert_cmpfloat_with_epsilon (hc9->target.value, 2.5, 1e-9);
  }
}

static void
test_comparison_needs_one_unit (void)
{
  g_autoptr (PmProject) project = load_template ();
  PmIndicator *myopia[] = { find (project, "C10.1"), find (project, "C10.2"), find (project, "C10.3") };
  PmIndicator *mixed[] = { find (project, "C10.1"), find (project, "C12") };
  g_autoptr (GError) error = NULL;
  g_autoptr (PmChart) chart = pm_chart_new_for_indicators (project, myopia, 3, 2024, &error);
  g_autoptr (PmChart) refused = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (pm_chart_get_kind (chart), ==, PM_CHART_KIND_COMPARISON);
  g_assert_cmpuint (pm_chart_get_n_series (chart), ==, 3);
  g_assert_nonnull (strstr (pm_chart_get_title (chart), "小学生近视率"));
  g_assert_nonnull (strstr (pm_chart_get_title (chart), "高中阶段学生近视率"));

  refused = pm_chart_new_for_indicators (project, mixed, 2, 2024, &error);
  g_assert_null (refused);
  g_assert_error (error, PM_ERROR, PM_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "C10.1"));
  g_assert_nonnull (strstr (error->message, "C12"));
}

/* Every indicator of both periods, as the template has them, draws with no
 * label on another and no missing glyph. */
static void
test_every_indicator_of_both_periods_draws_cleanly (void)
{
  g_autoptr (PmProject) project = load_template ();
  GListModel *indicators = pm_project_get_indicators (project);
  guint n = g_list_model_get_n_items (indicators);

  g_assert_cmpuint (n, >=, 170);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (PmIndicator) indicator = g_list_model_get_item (indicators, i);
      g_autoptr (PmChart) chart = pm_chart_new_for_indicator (project, indicator, 2024);
      PmChartStyle style = (PmChartStyle) (i % PM_CHART_N_STYLES);

      g_test_message ("%s", pm_indicator_get_code (indicator));
      for (guint s = 0; s < 2; s++)
        {
          g_autoptr (PmChartLayout) layout = pm_chart_layout_new ();
          int width = s ? 800 : 1600, height = s ? 500 : 900;
          cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
          cairo_t *cr = cairo_create (surface);

          pm_chart_draw (chart, cr, style, width, height, layout);
          chart_test_assert_layout_clean (layout, width, height);
          g_assert_nonnull (pm_chart_layout_find_label (layout, PM_CHART_LABEL_TITLE,
                                                        pm_indicator_get_name (indicator)));
          cairo_destroy (cr);
          cairo_surface_destroy (surface);
        }
    }
}

static void
test_domains_and_summary_draw_cleanly (void)
{
  g_autoptr (PmProject) project = load_template ();
  GListModel *plans = pm_project_get_plans (project);
  g_autoptr (PmChart) summary = pm_chart_new_status_summary (project, NULL, 2024);
  g_autoptr (PmChartLayout) layout = pm_chart_layout_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1600, 1131);
  cairo_t *cr = cairo_create (surface);
  guint n_domains = 0;

  for (guint p = 0; p < g_list_model_get_n_items (plans); p++)
    {
      g_autoptr (PmPlan) plan = g_list_model_get_item (plans, p);
      GListModel *domains = pm_plan_get_domains (plan);

      for (guint d = 0; d < g_list_model_get_n_items (domains); d++)
        {
          g_autoptr (PmDomain) domain = g_list_model_get_item (domains, d);
          g_autoptr (PmChart) chart = pm_chart_new_for_domain (project, domain, 2024);

          pm_chart_layout_clear (layout);
          pm_chart_draw (chart, cr, PM_CHART_STYLE_PRINT, 1600, 1131, layout);
          chart_test_assert_layout_clean (layout, 1600, 1131);
          g_assert_cmpuint (pm_chart_layout_get_n_plots (layout), ==,
                            g_list_model_get_n_items (pm_domain_get_indicators (domain)));
          n_domains++;
        }
    }

  pm_chart_layout_clear (layout);
  pm_chart_draw (summary, cr, PM_CHART_STYLE_SCREEN, 1600, 1131, layout);
  chart_test_assert_layout_clean (layout, 1600, 1131);
  g_assert_nonnull (pm_chart_layout_find_label (layout, PM_CHART_LABEL_LEGEND, "妇女与健康"));
  g_assert_nonnull (pm_chart_layout_find_label (layout, PM_CHART_LABEL_LEGEND, "儿童与安全"));
  /* a rate per domain and per plan, and the column's heading */
  g_assert_cmpuint (pm_chart_layout_count_labels (layout, PM_CHART_LABEL_RATE), ==, n_domains + 2 + 1);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_default_year_follows_the_data (void)
{
  static const double values[] = { 80.5, 80.9 };
  g_autoptr (PmProject) project = load_template ();
  int year = pm_chart_default_year (project);

  g_assert_cmpint (year, >=, 2021);
  g_assert_cmpint (year, <=, 2030);

  put_values (find (project, "W2"), 2022, values, G_N_ELEMENTS (values));
  g_assert_cmpint (pm_chart_default_year (project), ==, 2023);
}

static void
test_c21_shows_its_2020_value_as_printed (void)
{
  g_autoptr (PmProject) project = load_template ();
  g_autoptr (PmTrendData) data = pm_trend_data_new_for_indicator (project, find (project, "C21"), 2021);
  g_autoptr (PmChart) chart = NULL;
  g_autoptr (PmChartLayout) layout = pm_chart_layout_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1200, 750);
  cairo_t *cr = cairo_create (surface);
  const PmTrendPoint *p2020 = point_of (data, 2020);

  /* HC21 prints 98.90 for 2020 */
  g_assert_nonnull (p2020);
  g_assert_cmpfloat (p2020->value, ==, 98.9);
  g_assert_cmpstr (p2020->printed, ==, "98.90");

  chart = pm_chart_new_trend (data);
  pm_chart_draw (chart, cr, PM_CHART_STYLE_SCREEN, 1200, 750, layout);
  g_assert_nonnull (pm_chart_layout_find_label (layout, PM_CHART_LABEL_LATEST, "98.90"));

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/builder/w2-continues-hw17-from-2020", test_w2_continues_hw17_from_2020);
  g_test_add_func ("/chart/builder/monitoring-values-give-path-projection-and-status",
                   test_monitoring_values_give_path_projection_and_status);
  g_test_add_func ("/chart/builder/values-after-the-year-are-left-out",
                   test_values_after_the_year_are_left_out);
  g_test_add_func ("/chart/builder/2011-2020-row-ends-in-2020", test_2011_2020_row_ends_in_2020);
  g_test_add_func ("/chart/builder/every-target-kind-is-drawn-by-its-kind",
                   test_every_target_kind_is_drawn_by_its_kind);
  g_test_add_func ("/chart/builder/comparison-needs-one-unit", test_comparison_needs_one_unit);
  g_test_add_func ("/chart/builder/every-indicator-of-both-periods-draws-cleanly",
                   test_every_indicator_of_both_periods_draws_cleanly);
  g_test_add_func ("/chart/builder/domains-and-summary-draw-cleanly",
                   test_domains_and_summary_draw_cleanly);
  g_test_add_func ("/chart/builder/default-year-follows-the-data", test_default_year_follows_the_data);

  g_test_add_func ("/chart/builder/c21-shows-its-2020-value-as-printed",
                   test_c21_shows_its_2020_value_as_printed);

  return g_test_run ();
}
