/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The comparison chart, the small multiples and the status summary. All
 * values here are synthetic test data. */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "chart-test-util.h"

static const PmChartStyle all_styles[] = {
  PM_CHART_STYLE_SCREEN,
  PM_CHART_STYLE_SCREEN_DARK,
  PM_CHART_STYLE_PRINT,
  PM_CHART_STYLE_SLIDE,
};

static const struct
{
  int width, height;
} sizes[] = {
  { 1600, 900 },
  { 1123, 794 },
  { 800, 500 },
  { 1920, 1080 },
};

typedef void (*DrawFunc) (cairo_t       *cr,
                          PmChartStyle   style,
                          double         width,
                          double         height,
                          PmChartLayout *layout,
                          gpointer       data);

static void
assert_clean_everywhere (DrawFunc draw,
                         gpointer data)
{
  for (guint s = 0; s < G_N_ELEMENTS (all_styles); s++)
    for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
      {
        g_autoptr (PmChartLayout) layout = pm_chart_layout_new ();
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, sizes[z].width,
                                                               sizes[z].height);
        cairo_t *cr = cairo_create (surface);

        g_test_message ("%s at %d×%d", pm_chart_style_to_string (all_styles[s]), sizes[z].width,
                        sizes[z].height);
        draw (cr, all_styles[s], sizes[z].width, sizes[z].height, layout, data);
        g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
        chart_test_assert_layout_clean (layout, sizes[z].width, sizes[z].height);
        g_assert_cmpint (pm_chart_layout_count_unknown_glyphs (layout), ==, 0);
        cairo_destroy (cr);
        cairo_surface_destroy (surface);
      }
}

static PmTrendData *
myopia (const char *title,
        const char *target,
        double      goal,
        double      start,
        double      step)
{
  PmTrendData *data = chart_test_trend (title, PM_CHART_TARGET_COMPARISON, target, goal);
  double values[4];

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    values[i] = start + step * i;
  data->target.op = PM_CHART_OP_LT;
  data->lower_is_better = TRUE;
  chart_test_add_values (data, 2021, values, G_N_ELEMENTS (values));
  return data;
}

static GPtrArray *
myopia_rows (void)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) pm_trend_data_free);

  g_ptr_array_add (rows, myopia ("小学生近视率（%）", "<38", 38, 45, -1.5));
  g_ptr_array_add (rows, myopia ("初中生近视率（%）", "<60", 60, 70, -1));
  g_ptr_array_add (rows, myopia ("高中阶段学生近视率（%）", "<70", 70, 80, 0.5));
  pm_trend_data_set_status (g_ptr_array_index (rows, 0), PM_CHART_STATUS_ON_TRACK, NULL, NULL);
  pm_trend_data_set_status (g_ptr_array_index (rows, 2), PM_CHART_STATUS_DETERIORATING, NULL, NULL);
  return rows;
}

static void
draw_comparison (cairo_t       *cr,
                 PmChartStyle   style,
                 double         width,
                 double         height,
                 PmChartLayout *layout,
                 gpointer       data)
{
  GPtrArray *rows = data;

  pm_chart_draw_comparison (cr, "小学生近视率、初中生近视率、高中阶段学生近视率（%）",
                            (PmTrendData * const *) rows->pdata, rows->len, style, width, height,
                            layout);
}

static void
test_comparison_has_a_legend_and_every_target (void)
{
  g_autoptr (GPtrArray) rows = myopia_rows ();
  g_autoptr (PmChartLayout) layout = pm_chart_layout_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1600, 900);
  cairo_t *cr = cairo_create (surface);
  PmChartTheme theme;
  PmRgba colors[3], pixel;

  assert_clean_everywhere (draw_comparison, rows);

  draw_comparison (cr, PM_CHART_STYLE_SCREEN, 1600, 900, layout, rows);
  /* the three series and their targets */
  g_assert_cmpuint (pm_chart_layout_count_labels (layout, PM_CHART_LABEL_LEGEND), ==, 4);
  g_assert_nonnull (pm_chart_layout_find_label (layout, PM_CHART_LABEL_LEGEND, "小学生近视率"));
  g_assert_nonnull (pm_chart_layout_find_label (layout, PM_CHART_LABEL_LEGEND, "初中生近视率"));
  g_assert_nonnull (pm_chart_layout_find_label (layout, PM_CHART_LABEL_LEGEND, "高中阶段学生近视率"));
  g_assert_nonnull (pm_chart_layout_find_label (layout, PM_CHART_LABEL_LEGEND, "<38"));
  g_assert_nonnull (pm_chart_layout_find_label (layout, PM_CHART_LABEL_TARGET, "<38"));
  g_assert_nonnull (pm_chart_layout_find_label (layout, PM_CHART_LABEL_TARGET, "<60"));
  g_assert_nonnull (pm_chart_layout_find_label (layout, PM_CHART_LABEL_TARGET, "<70"));
  g_assert_cmpuint (pm_chart_layout_get_n_plots (layout), ==, 1);

  /* each series in its own colour, at the row of its value */
  pm_chart_theme_init (&theme, PM_CHART_STYLE_SCREEN, 1600, 900, FALSE);
  for (guint i = 0; i < 3; i++)
    {
      const PmTrendData *row = g_ptr_array_index (rows, i);
      PmMarker marker;
      const double *dashes;
      int n_dashes;

      pm_chart_theme_series (&theme, i, &colors[i], &marker, &dashes, &n_dashes);
      chart_test_pixel (surface, (int) pm_chart_layout_year_to_x (layout, 0, 2021),
                        (int) pm_chart_layout_value_to_y (layout, 0,
                                                          g_array_index (row->points, PmTrendPoint, 0).value),
                        &pixel);
      g_assert_true (chart_test_color_near (&pixel, &colors[i], 0.1));
    }
  g_assert_false (chart_test_color_near (&colors[0], &colors[1], 0.1));

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_comparison_in_print_differs_by_marker_and_dash (void)
{
  PmChartTheme theme;
  PmRgba color;
  PmMarker markers[3];
  const double *dashes;
  int n_dashes[3];

  pm_chart_theme_init (&theme, PM_CHART_STYLE_PRINT, 1123, 794, FALSE);
  for (guint i = 0; i < 3; i++)
    pm_chart_theme_series (&theme, i, &color, &markers[i], &dashes, &n_dashes[i]);

  g_assert_cmpint (markers[0], !=, markers[1]);
  g_assert_cmpint (markers[1], !=, markers[2]);
  g_assert_cmpint (n_dashes[0], ==, 0);
  g_assert_cmpint (n_dashes[1], >, 0);
  g_assert_cmpint (n_dashes[2], >, 0);
}

static void
test_comparison_in_print_draws_targets_with_a_dash_no_series_has (void)
{
  PmChartTheme theme;
  const double *target;
  int n_target;

  pm_chart_theme_init (&theme, PM_CHART_STYLE_PRINT, 1123, 794, FALSE);
  pm_chart_theme_target_dashes (&theme, &target, &n_target);
  g_assert_cmpint (n_target, >, 0);
  for (guint i = 0; i < PM_N_SERIES_COLORS * 2; i++)
    {
      PmRgba color;
      PmMarker marker;
      const double *dashes;
      int n_dashes;

      pm_chart_theme_series (&theme, i, &color, &marker, &dashes, &n_dashes);
      /* not the same pattern, nor one of the same rhythm at another scale */
      g_assert_cmpint (n_dashes, !=, n_target);
    }
}

static void
test_comparison_in_print_has_a_legend_entry_for_the_targets (void)
{
  g_autoptr (GPtrArray) rows = myopia_rows ();
  g_autoptr (PmChartLayout) layout = pm_chart_layout_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1123, 794);
  cairo_t *cr = cairo_create (surface);

  draw_comparison (cr, PM_CHART_STYLE_PRINT, 1123, 794, layout, rows);
  g_assert_nonnull (pm_chart_layout_find_label (layout, PM_CHART_LABEL_LEGEND, "Targets"));
  chart_test_assert_layout_clean (layout, 1123, 794);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Rates a little under their shared target, so that their labels would
 * sit on its line (synthetic). */
static GPtrArray *
rates_under_one_target (void)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) pm_trend_data_free);

  for (guint i = 0; i < 4; i++)
    {
      PmTrendData *row = chart_test_trend (i % 2 ? "百白破疫苗接种率（%）" : "卡介苗接种率（%）",
                                           PM_CHART_TARGET_COMPARISON, "≥95", 95);
      double values[] = { 94.2 + i * 0.1, 94.5 + i * 0.1, 94.8 + i * 0.05 };

      chart_test_add_values (row, 2021, values, G_N_ELEMENTS (values));
      g_ptr_array_add (rows, row);
    }
  return rows;
}

static void
test_comparison_labels_keep_off_the_target_lines (void)
{
  g_autoptr (GPtrArray) rows = rates_under_one_target ();

  for (guint s = 0; s < G_N_ELEMENTS (all_styles); s++)
    for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
      {
        g_autoptr (PmChartLayout) layout = pm_chart_layout_new ();
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, sizes[z].width,
                                                               sizes[z].height);
        cairo_t *cr = cairo_create (surface);
        double y;

        draw_comparison (cr, all_styles[s], sizes[z].width, sizes[z].height, layout, rows);
        y = pm_chart_layout_value_to_y (layout, 0, 95);
        for (guint i = 0; i < pm_chart_layout_get_n_labels (layout); i++)
          {
            const PmChartLabel *label = pm_chart_layout_get_label (layout, i);

            if (label->role == PM_CHART_LABEL_LATEST && label->y < y - 0.5 &&
                label->y + label->height > y + 0.5)
              g_error ("%s at %d×%d: “%s” sits on the target line",
                       pm_chart_style_to_string (all_styles[s]), sizes[z].width, sizes[z].height,
                       label->text);
          }
        chart_test_assert_layout_clean (layout, sizes[z].width, sizes[z].height);
        cairo_destroy (cr);
        cairo_surface_destroy (surface);
      }
}

static GPtrArray *
vaccination_rows (guint n)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) pm_trend_data_free);
  static const char *names[] = {
    "卡介苗接种率（%）", "脊髓灰质炎疫苗接种率（%）", "百白破疫苗接种率（%）",
    "含麻疹成分疫苗接种率（%）", "乙肝疫苗接种率（%）", "甲肝疫苗接种率（%）",
    "流脑疫苗接种率（%）", "乙脑疫苗接种率（%）",
  };

  for (guint i = 0; i < n; i++)
    {
      PmTrendData *row = chart_test_trend (names[i % G_N_ELEMENTS (names)],
                                           PM_CHART_TARGET_COMPARISON, "≥95", 95);
      double values[] = { 96 + i * 0.3, 97 + i * 0.2, 98.5 - i * 0.1 };

      pm_trend_data_add_point (row, 2010, 97 + i * 0.4, PM_TREND_POINT_HISTORY);
      pm_trend_data_add_point (row, 2020, 99.9 - i * 0.05, PM_TREND_POINT_HISTORY);
      chart_test_add_values (row, 2021, values, G_N_ELEMENTS (values));
      pm_trend_data_set_status (row, i % 3 ? PM_CHART_STATUS_ACHIEVED : PM_CHART_STATUS_NO_DATA,
                                NULL, NULL);
      g_ptr_array_add (rows, row);
    }

  return rows;
}

static void
test_comparison_of_eight_rates_stays_legible (void)
{
  g_autoptr (GPtrArray) rows = vaccination_rows (8);
  g_autoptr (PmChartLayout) layout = pm_chart_layout_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1600, 900);
  cairo_t *cr = cairo_create (surface);

  assert_clean_everywhere (draw_comparison, rows);

  /* one target shared by all is drawn and labelled once */
  draw_comparison (cr, PM_CHART_STYLE_SCREEN, 1600, 900, layout, rows);
  g_assert_cmpuint (pm_chart_layout_count_labels (layout, PM_CHART_LABEL_TARGET), ==, 1);
  g_assert_nonnull (pm_chart_layout_find_label (layout, PM_CHART_LABEL_TARGET, "≥95"));
  g_assert_cmpuint (pm_chart_layout_count_labels (layout, PM_CHART_LABEL_LEGEND), ==, 9);
  g_assert_nonnull (pm_chart_layout_find_label (layout, PM_CHART_LABEL_LEGEND, "Target"));

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
draw_overview (cairo_t       *cr,
               PmChartStyle   style,
               double         width,
               double         height,
               PmChartLayout *layout,
               gpointer       data)
{
  GPtrArray *cells = data;

  pm_chart_draw_overview (cr, "儿童与健康", "云阳县儿童发展规划（2021—2030年） · 合成测试数据",
                          (PmTrendData * const *) cells->pdata, cells->len, style, width, height,
                          layout);
}

static void
test_overview_draws_every_indicator_of_a_domain (void)
{
  g_autoptr (GPtrArray) cells = vaccination_rows (16);
  g_autoptr (PmChartLayout) layout = pm_chart_layout_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1600, 900);
  cairo_t *cr = cairo_create (surface);
  double x0, y0, w0, h0, x1, y1;

  /* an empty one, and one with a 100-character name, among them */
  g_ptr_array_add (cells, chart_test_trend ("女性检察官占比（%）", PM_CHART_TARGET_DIRECTION, "提高", NAN));
  g_ptr_array_add (cells, chart_test_trend ("乡镇（街道）党（工）委、政府（办事处）领导班子中女干部的配备率乡镇（街道）党（工）委、政府（办事处）领导班子中女干部的配备率乡镇（街道）党（工）委、政府（办事处）领导班子",
                                            PM_CHART_TARGET_MANUAL, "保持合理比例", NAN));
  assert_clean_everywhere (draw_overview, cells);

  draw_overview (cr, PM_CHART_STYLE_SCREEN, 1600, 900, layout, cells);
  g_assert_cmpuint (pm_chart_layout_get_n_plots (layout), ==, cells->len);
  g_assert_cmpuint (pm_chart_layout_count_labels (layout, PM_CHART_LABEL_TITLE), ==, cells->len + 1);
  g_assert_nonnull (pm_chart_layout_find_label (layout, PM_CHART_LABEL_MESSAGE, NULL));

  /* cells in a grid: the second plot is right of the first, same row */
  pm_chart_layout_get_plot_area (layout, 0, &x0, &y0, &w0, &h0);
  pm_chart_layout_get_plot_area (layout, 1, &x1, &y1, NULL, NULL);
  g_assert_cmpfloat (x1, >, x0 + w0);
  g_assert_cmpfloat_with_epsilon (y1, y0, 0.5);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static PmSummaryData *
summary_data (void)
{
  static const char *domains[] = {
    "妇女与健康", "妇女与经济", "妇女参与决策管理", "妇女与社会保障", "妇女与家庭建设",
    "妇女与环境", "妇女与法律",
  };
  PmSummaryData *data = pm_summary_data_new ("各领域指标监测状态（2024年）");

  data->language = PM_LANGUAGE_EN;

  data->subtitle = g_strdup ("云阳县妇女发展规划（2021—2030年） · 合成测试数据");
  data->footnote = g_strdup ("达标率 = 已实现 ÷ 可测量的指标");
  for (guint r = 0; r < G_N_ELEMENTS (domains); r++)
    {
      PmSummaryRow *row = pm_summary_data_add_row (data, domains[r]);

      for (guint k = 1; k < PM_CHART_N_STATUSES; k++)
        row->counts[k] = (r * 7 + k * 3) % 5;
      row->rate = (r + 1) / 9.0;
    }
  pm_summary_data_add_row (data, "没有指标的一行")->rate = NAN;

  return data;
}

static void
draw_summary (cairo_t       *cr,
              PmChartStyle   style,
              double         width,
              double         height,
              PmChartLayout *layout,
              gpointer       data)
{
  pm_chart_draw_summary (cr, data, style, width, height, layout);
}

static void
test_summary_stacks_the_statuses_of_each_domain (void)
{
  g_autoptr (PmSummaryData) data = summary_data ();
  g_autoptr (PmChartLayout) layout = pm_chart_layout_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1600, 900);
  cairo_t *cr = cairo_create (surface);

  assert_clean_everywhere (draw_summary, data);

  draw_summary (cr, PM_CHART_STYLE_SCREEN, 1600, 900, layout, data);
  g_assert_nonnull (pm_chart_layout_find_label (layout, PM_CHART_LABEL_LEGEND, "妇女参与决策管理"));
  /* the rate of the first row, 1/9, and a dash where there is none */
  g_assert_nonnull (pm_chart_layout_find_label (layout, PM_CHART_LABEL_RATE, "11.1%"));
  g_assert_nonnull (pm_chart_layout_find_label (layout, PM_CHART_LABEL_RATE, "—"));
  g_assert_nonnull (pm_chart_layout_find_label (layout, PM_CHART_LABEL_LEGEND, "Achieved"));
  g_assert_nonnull (pm_chart_layout_find_label (layout, PM_CHART_LABEL_LEGEND, "No data"));
  g_assert_cmpuint (pm_chart_layout_count_labels (layout, PM_CHART_LABEL_BAR), >, 20);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The domains of both plans and their totals, named as the builder names
 * them (counts synthetic). */
static PmSummaryData *
summary_of_both_plans (void)
{
  static const char *rows[] = {
    "妇女与健康", "妇女与经济", "妇女参与决策管理", "妇女与社会保障", "妇女与家庭建设",
    "妇女与环境", "妇女与法律", "云阳县妇女发展规划（2021—2030年）：全部领域",
    "儿童与健康", "儿童与安全", "儿童与教育", "儿童与福利", "儿童与家庭", "儿童与环境",
    "儿童与法律", "云阳县儿童发展规划（2021—2030年）：全部领域",
  };
  PmSummaryData *data = pm_summary_data_new ("2023年各指标状态");

  data->subtitle = g_strdup ("云阳县妇女发展规划（2021—2030年）、云阳县儿童发展规划（2021—2030年）");
  data->footnote = g_strdup ("达标率 = 已实现 ÷ 可测量的指标（合成测试数据）");
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      PmSummaryRow *row = pm_summary_data_add_row (data, rows[r]);

      row->total = g_str_has_suffix (rows[r], "全部领域");
      row->group = g_strdup (r < 8 ? "云阳县妇女发展规划（2021—2030年）" : "云阳县儿童发展规划（2021—2030年）");
      if (row->total)
        row->short_label = g_strdup ("全部领域");
      row->counts[PM_CHART_STATUS_ACHIEVED] = 1 + r % 3;
      row->counts[PM_CHART_STATUS_NO_DATA] = row->total ? 40 : 2 + r % 5;
      row->rate = 0.25;
    }

  return data;
}

static void
test_summary_does_not_cut_plan_names_short_on_slides (void)
{
  g_autoptr (PmSummaryData) data = summary_of_both_plans ();
  static const int sizes_slide[][2] = { { 1920, 1080 }, { 1600, 900 }, { 1280, 720 } };

  for (guint z = 0; z < G_N_ELEMENTS (sizes_slide); z++)
    {
      g_autoptr (PmChartLayout) layout = pm_chart_layout_new ();
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, sizes_slide[z][0],
                                                             sizes_slide[z][1]);
      cairo_t *cr = cairo_create (surface);
      guint n = 0;

      draw_summary (cr, PM_CHART_STYLE_SLIDE, sizes_slide[z][0], sizes_slide[z][1], layout, data);
      for (guint i = 0; i < pm_chart_layout_get_n_labels (layout); i++)
        {
          const PmChartLabel *label = pm_chart_layout_get_label (layout, i);

          if (label->role != PM_CHART_LABEL_LEGEND || !strstr (label->text, "发展规划"))
            continue;
          n++;
          g_assert_false (label->ellipsized);
          /* on one line, as on a slide a name is read at a glance */
          g_assert_null (strchr (label->lines, '\n'));
        }
      g_assert_cmpuint (n, ==, 2);
      chart_test_assert_layout_clean (layout, sizes_slide[z][0], sizes_slide[z][1]);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

static void
test_summary_never_breaks_a_line_inside_a_word (void)
{
  g_autoptr (PmSummaryData) data = summary_of_both_plans ();
  static const char *words[] = { "全部领域", "2021—2030年", "云阳县妇女发展规划", "云阳县儿童发展规划" };

  for (guint s = 0; s < G_N_ELEMENTS (all_styles); s++)
    for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
      for (guint narrow = 0; narrow < 2; narrow++)
        {
          g_autoptr (PmChartLayout) layout = pm_chart_layout_new ();
          int width = narrow ? 640 : sizes[z].width, height = sizes[z].height;
          cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
          cairo_t *cr = cairo_create (surface);

          /* a slide is 16:9, never a narrow column */
          if (narrow && all_styles[s] == PM_CHART_STYLE_SLIDE)
            {
              cairo_destroy (cr);
              cairo_surface_destroy (surface);
              continue;
            }
          g_test_message ("%s at %d×%d", pm_chart_style_to_string (all_styles[s]), width, height);
          draw_summary (cr, all_styles[s], width, height, layout, data);
          for (guint i = 0; i < pm_chart_layout_get_n_labels (layout); i++)
            {
              const PmChartLabel *label = pm_chart_layout_get_label (layout, i);

              if (label->role != PM_CHART_LABEL_LEGEND || !strstr (label->text, "规划"))
                continue;
              g_assert_false (label->ellipsized);
              for (guint w = 0; w < G_N_ELEMENTS (words); w++)
                if (strstr (label->text, words[w]) && !strstr (label->lines, words[w]))
                  g_error ("“%s” is broken inside %s", label->lines, words[w]);
            }
          chart_test_assert_layout_clean (layout, width, height);
          cairo_destroy (cr);
          cairo_surface_destroy (surface);
        }
}

/* Every label of a slide-style chart at 1920×1080 is at least 18 pt as
 * projected: 1080 / 30 = 36 px (a 16:9 slide is 540 pt high). */
static void
assert_slide_type_large (DrawFunc draw,
                         gpointer data)
{
  static const int slides[][2] = { { 1920, 1080 }, { 1280, 720 } };

  for (guint z = 0; z < G_N_ELEMENTS (slides); z++)
    {
      g_autoptr (PmChartLayout) layout = pm_chart_layout_new ();
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, slides[z][0],
                                                             slides[z][1]);
      cairo_t *cr = cairo_create (surface);
      double smallest = slides[z][1] / 540.0 * 18;

      draw (cr, PM_CHART_STYLE_SLIDE, slides[z][0], slides[z][1], layout, data);
      g_assert_cmpuint (pm_chart_layout_get_n_labels (layout), >, 5);
      for (guint i = 0; i < pm_chart_layout_get_n_labels (layout); i++)
        {
          const PmChartLabel *label = pm_chart_layout_get_label (layout, i);

          if (label->size < smallest - 0.01)
            g_error ("“%s” is %.1f pt on a slide", label->text, label->size / slides[z][1] * 540);
        }
      chart_test_assert_layout_clean (layout, slides[z][0], slides[z][1]);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

static void
draw_trend (cairo_t       *cr,
            PmChartStyle   style,
            double         width,
            double         height,
            PmChartLayout *layout,
            gpointer       data)
{
  pm_chart_draw_trend (cr, data, style, width, height, layout);
}

static void
test_slide_type_is_at_least_18_pt_as_projected (void)
{
  g_autoptr (PmTrendData) trend = chart_test_full_trend ();
  g_autoptr (GPtrArray) rows = myopia_rows ();
  g_autoptr (PmSummaryData) both = summary_of_both_plans ();
  g_autoptr (PmSummaryData) one = summary_data ();

  assert_slide_type_large (draw_trend, trend);
  assert_slide_type_large (draw_comparison, rows);
  assert_slide_type_large (draw_summary, one);
  assert_slide_type_large (draw_summary, both);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/comparison/has-a-legend-and-every-target",
                   test_comparison_has_a_legend_and_every_target);
  g_test_add_func ("/chart/comparison/in-print-differs-by-marker-and-dash",
                   test_comparison_in_print_differs_by_marker_and_dash);
  g_test_add_func ("/chart/comparison/in-print-draws-targets-with-a-dash-no-series-has",
                   test_comparison_in_print_draws_targets_with_a_dash_no_series_has);
  g_test_add_func ("/chart/comparison/in-print-has-a-legend-entry-for-the-targets",
                   test_comparison_in_print_has_a_legend_entry_for_the_targets);
  g_test_add_func ("/chart/comparison/labels-keep-off-the-target-lines",
                   test_comparison_labels_keep_off_the_target_lines);
  g_test_add_func ("/chart/comparison/of-eight-rates-stays-legible",
                   test_comparison_of_eight_rates_stays_legible);
  g_test_add_func ("/chart/overview/draws-every-indicator-of-a-domain",
                   test_overview_draws_every_indicator_of_a_domain);
  g_test_add_func ("/chart/summary/stacks-the-statuses-of-each-domain",
                   test_summary_stacks_the_statuses_of_each_domain);

  g_test_add_func ("/chart/summary/does-not-cut-plan-names-short-on-slides",
                   test_summary_does_not_cut_plan_names_short_on_slides);
  g_test_add_func ("/chart/summary/never-breaks-a-line-inside-a-word",
                   test_summary_never_breaks_a_line_inside_a_word);

  g_test_add_func ("/chart/slide/type-is-at-least-18-pt-as-projected",
                   test_slide_type_is_at_least_18_pt_as_projected);

  return g_test_run ();
}
