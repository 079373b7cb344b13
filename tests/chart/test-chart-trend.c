/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The trend chart, drawn onto image surfaces and read back. All values here
 * are synthetic test data. */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "chart-test-util.h"
#include "pm-chart-export.h"
#include "pm-chart.h"

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
  { 1200, 750 },
  { 1600, 900 },
  { 800, 500 },
  { 480, 300 },
  { 1920, 1080 },
};

/* Draws the chart in every style at every size and checks its labels. */
static void
assert_clean_everywhere (const PmTrendData *data)
{
  for (guint s = 0; s < G_N_ELEMENTS (all_styles); s++)
    for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
      {
        g_autoptr (PmChartLayout) layout = pm_chart_layout_new ();
        cairo_surface_t *surface = chart_test_render_trend (data, all_styles[s], sizes[z].width,
                                                            sizes[z].height, layout);

        g_test_message ("%s at %d×%d", pm_chart_style_to_string (all_styles[s]), sizes[z].width,
                        sizes[z].height);
        chart_test_assert_layout_clean (layout, sizes[z].width, sizes[z].height);
        g_assert_nonnull (pm_chart_layout_find_label (layout, PM_CHART_LABEL_TITLE, NULL));
        cairo_surface_destroy (surface);
      }
}

/* The centre of the pixels painted with color over the background in
 * column x between y0 and y1, or NAN. An antialiased line covers a row in
 * part: each pixel counts by how much of color is in it. */
static double
find_run (cairo_surface_t *surface,
          int              x,
          int              y0,
          int              y1,
          const PmRgba    *background,
          const PmRgba    *color)
{
  double dr = color->red - background->red;
  double dg = color->green - background->green;
  double db = color->blue - background->blue;
  double norm = dr * dr + dg * dg + db * db;
  double sum = 0, weight = 0;

  g_assert_cmpfloat (norm, >, 0.05);

  for (int y = y0; y <= y1; y++)
    {
      PmRgba pixel;
      double a, rr, rg, rb;

      chart_test_pixel (surface, x, y, &pixel);
      a = ((pixel.red - background->red) * dr + (pixel.green - background->green) * dg +
           (pixel.blue - background->blue) * db) / norm;
      /* what is left once that much of color is taken out: another colour */
      rr = pixel.red - (background->red + a * dr);
      rg = pixel.green - (background->green + a * dg);
      rb = pixel.blue - (background->blue + a * db);
      if (a < 0.15 || rr * rr + rg * rg + rb * rb > 0.004)
        continue;
      sum += (y + 0.5) * MIN (a, 1.0);
      weight += MIN (a, 1.0);
    }

  return weight > 0 ? sum / weight : NAN;
}

static void
test_target_line_and_point_land_where_the_axis_maps_them (void)
{
  g_autoptr (PmTrendData) data = chart_test_trend ("孕产妇系统管理率（%）",
                                                   PM_CHART_TARGET_COMPARISON, "≥60", 60);
  g_autoptr (PmChartLayout) layout = pm_chart_layout_new ();
  cairo_surface_t *surface;
  PmChartTheme theme;
  double px, py, pw, ph, x, y, found, lo, hi;

  /* gaps around 2023, so that no line runs through its marker's column */
  pm_trend_data_add_point (data, 2021, 30, 0);
  pm_trend_data_add_point (data, 2023, 45, 0);
  pm_trend_data_add_point (data, 2027, 80, 0);
  surface = chart_test_render_trend (data, PM_CHART_STYLE_SCREEN, 900, 560, layout);
  pm_chart_theme_init (&theme, PM_CHART_STYLE_SCREEN, 900, 560, FALSE);

  g_assert_cmpuint (pm_chart_layout_get_n_plots (layout), ==, 1);
  pm_chart_layout_get_plot_area (layout, 0, &px, &py, &pw, &ph);
  pm_chart_layout_get_value_range (layout, 0, &lo, &hi);
  g_assert_cmpfloat (lo, <=, 30);
  g_assert_cmpfloat (hi, >=, 80);

  /* the target line: at 2021.5 nothing else is drawn near 60 */
  x = pm_chart_layout_year_to_x (layout, 0, 2021.5);
  y = pm_chart_layout_value_to_y (layout, 0, 60);
  g_assert_cmpfloat (y, >, py);
  g_assert_cmpfloat (y, <, py + ph);
  found = find_run (surface, (int) x, (int) py, (int) (py + ph) - 3, &theme.background, &theme.target);
  g_assert_false (isnan (found));
  g_assert_cmpfloat_with_epsilon (found, y, 1.0);

  /* the 2023 value's marker */
  x = pm_chart_layout_year_to_x (layout, 0, 2023);
  y = pm_chart_layout_value_to_y (layout, 0, 45);
  found = find_run (surface, (int) x, (int) py, (int) (py + ph) - 3, &theme.background, &theme.series);
  g_assert_false (isnan (found));
  g_assert_cmpfloat_with_epsilon (found, y, 1.0);

  cairo_surface_destroy (surface);
}

static void
test_side_that_meets_the_target_is_shaded (void)
{
  static const double values[] = { 12, 10.5, 9.8 };
  g_autoptr (PmTrendData) data = chart_test_trend ("孕产妇死亡率（1/10万）",
                                                   PM_CHART_TARGET_COMPARISON, "＜8", 8);
  g_autoptr (PmChartLayout) layout = pm_chart_layout_new ();
  cairo_surface_t *surface;
  PmChartTheme theme;
  PmRgba above, below;
  double x, y;

  data->target.op = PM_CHART_OP_LT;
  data->lower_is_better = TRUE;
  chart_test_add_values (data, 2021, values, G_N_ELEMENTS (values));
  surface = chart_test_render_trend (data, PM_CHART_STYLE_SCREEN, 900, 560, layout);
  pm_chart_theme_init (&theme, PM_CHART_STYLE_SCREEN, 900, 560, FALSE);

  x = pm_chart_layout_year_to_x (layout, 0, 2021.5);
  y = pm_chart_layout_value_to_y (layout, 0, 8);
  chart_test_pixel (surface, (int) x, (int) (y + 12), &below);
  chart_test_pixel (surface, (int) x, (int) (y - 12), &above);

  /* below the line: tinted; above: the plain background */
  g_assert_false (chart_test_color_near (&below, &theme.background, 0.02));
  g_assert_cmpfloat (below.green, >, below.red);
  g_assert_true (chart_test_color_near (&above, &theme.background, 0.02));

  cairo_surface_destroy (surface);
}

static void
test_missing_years_are_gaps (void)
{
  g_autoptr (PmTrendData) data = chart_test_trend ("学前教育毛入园率（%）",
                                                   PM_CHART_TARGET_COMPARISON, "≥93", 93);
  g_autoptr (PmChartLayout) layout = pm_chart_layout_new ();
  cairo_surface_t *surface;
  PmChartTheme theme;
  PmRgba joined, gap;

  pm_trend_data_add_point (data, 2021, 50, 0);
  pm_trend_data_add_point (data, 2022, 60, 0);
  pm_trend_data_add_point (data, 2024, 70, 0);
  surface = chart_test_render_trend (data, PM_CHART_STYLE_SCREEN, 900, 560, layout);
  pm_chart_theme_init (&theme, PM_CHART_STYLE_SCREEN, 900, 560, FALSE);

  chart_test_pixel (surface, (int) pm_chart_layout_year_to_x (layout, 0, 2021.5),
                    (int) pm_chart_layout_value_to_y (layout, 0, 55), &joined);
  chart_test_pixel (surface, (int) pm_chart_layout_year_to_x (layout, 0, 2023),
                    (int) pm_chart_layout_value_to_y (layout, 0, 65), &gap);
  g_assert_true (chart_test_color_near (&joined, &theme.series, 0.15));
  g_assert_false (chart_test_color_near (&gap, &theme.series, 0.3));

  cairo_surface_destroy (surface);
}

static void
test_history_from_the_previous_plan_is_drawn_from_2010 (void)
{
  g_autoptr (PmTrendData) data = chart_test_full_trend ();
  g_autoptr (PmChartLayout) layout = pm_chart_layout_new ();
  cairo_surface_t *surface = chart_test_render_trend (data, PM_CHART_STYLE_SCREEN, 1200, 750,
                                                      layout);
  PmChartTheme theme;
  double x, y, px, py, pw, ph, found;

  pm_chart_theme_init (&theme, PM_CHART_STYLE_SCREEN, 1200, 750, FALSE);
  pm_chart_layout_get_plot_area (layout, 0, &px, &py, &pw, &ph);
  x = pm_chart_layout_year_to_x (layout, 0, 2010);
  y = pm_chart_layout_value_to_y (layout, 0, 76.0);
  g_assert_cmpfloat (x, >, px);
  /* a hollow marker: its ring is the series colour */
  found = find_run (surface, (int) x, (int) py, (int) (py + ph) - 3, &theme.background, &theme.series);
  g_assert_cmpfloat_with_epsilon (found, y, 1.5);
  g_assert_nonnull (pm_chart_layout_find_label (layout, PM_CHART_LABEL_VALUE, "76"));
  g_assert_nonnull (pm_chart_layout_find_label (layout, PM_CHART_LABEL_LEGEND, "2011–2020"));

  cairo_surface_destroy (surface);
}

static void
test_every_element_is_labelled (void)
{
  g_autoptr (PmTrendData) data = chart_test_full_trend ();
  g_autoptr (PmChartLayout) layout = pm_chart_layout_new ();
  cairo_surface_t *surface = chart_test_render_trend (data, PM_CHART_STYLE_SCREEN, 1600, 900,
                                                      layout);

  chart_test_assert_layout_clean (layout, 1600, 900);
  g_assert_nonnull (pm_chart_layout_find_label (layout, PM_CHART_LABEL_TITLE, "妇女人均预期寿命"));
  g_assert_nonnull (pm_chart_layout_find_label (layout, PM_CHART_LABEL_STATUS, "进展顺利"));
  g_assert_nonnull (pm_chart_layout_find_label (layout, PM_CHART_LABEL_SUBTITLE, "≥82.3"));
  g_assert_nonnull (pm_chart_layout_find_label (layout, PM_CHART_LABEL_UNIT, "岁"));
  g_assert_nonnull (pm_chart_layout_find_label (layout, PM_CHART_LABEL_TARGET, "≥82.3"));
  g_assert_nonnull (pm_chart_layout_find_label (layout, PM_CHART_LABEL_LATEST, "81"));
  g_assert_nonnull (pm_chart_layout_find_label (layout, PM_CHART_LABEL_PROJECTION, "83.4"));
  g_assert_nonnull (pm_chart_layout_find_label (layout, PM_CHART_LABEL_MARK, "2025"));
  g_assert_nonnull (pm_chart_layout_find_label (layout, PM_CHART_LABEL_MARK, "2030"));
  g_assert_nonnull (pm_chart_layout_find_label (layout, PM_CHART_LABEL_FOOTNOTE, "县卫生健康委"));
  g_assert_nonnull (pm_chart_layout_find_label (layout, PM_CHART_LABEL_FOOTNOTE, "约束性"));
  g_assert_nonnull (pm_chart_layout_find_label (layout, PM_CHART_LABEL_FOOTNOTE, "数据来源"));
  g_assert_nonnull (pm_chart_layout_find_label (layout, PM_CHART_LABEL_LEGEND, "Required path"));
  g_assert_nonnull (pm_chart_layout_find_label (layout, PM_CHART_LABEL_LEGEND, "Projection"));
  g_assert_nonnull (pm_chart_layout_find_label (layout, PM_CHART_LABEL_TICK_X, "2010"));
  g_assert_nonnull (pm_chart_layout_find_label (layout, PM_CHART_LABEL_TICK_X, "2030"));
  g_assert_cmpuint (pm_chart_layout_count_labels (layout, PM_CHART_LABEL_TICK_Y), >=, 3);

  cairo_surface_destroy (surface);
}

static void
test_no_label_has_unknown_glyphs_in_any_style (void)
{
  g_autoptr (PmTrendData) data = chart_test_full_trend ();

  /* full-width symbols and units as the plans print them */
  pm_trend_data_set_title (data, "每千名（0—14岁）儿童拥有儿科执业（助理）医生数（名）·孕产妇死亡率（1/10万）‰");
  pm_trend_data_set_target (data, PM_CHART_TARGET_COMPARISON, "＜8");

  for (guint s = 0; s < G_N_ELEMENTS (all_styles); s++)
    {
      g_autoptr (PmChartLayout) layout = pm_chart_layout_new ();
      cairo_surface_t *surface = chart_test_render_trend (data, all_styles[s], 1600, 900, layout);

      g_assert_cmpuint (pm_chart_layout_get_n_labels (layout), >, 15);
      g_assert_cmpint (pm_chart_layout_count_unknown_glyphs (layout), ==, 0);
      cairo_surface_destroy (surface);
    }
}

static void
test_text_is_set_in_noto_sans_cjk_sc (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
  cairo_t *cr = cairo_create (surface);
  PmChartCanvas canvas;
  g_autoptr (PangoLayout) layout = NULL;
  PangoLayoutIter *iter;
  PangoLayoutRun *run;
  PangoFontDescription *font;
  g_autofree char *family = NULL;

  pm_chart_canvas_init (&canvas, cr, PM_CHART_STYLE_SCREEN, 10, 10, NULL);
  g_assert_cmpstr (pango_language_to_string (pango_context_get_language (canvas.pango)), ==, "zh-cn");
  layout = pm_chart_canvas_text (&canvas, "妇女儿童发展规划", 14, FALSE, -1, 0);
  iter = pango_layout_get_iter (layout);
  run = pango_layout_iter_get_run_readonly (iter);
  g_assert_nonnull (run);
  font = pango_font_describe (run->item->analysis.font);
  family = g_strdup (pango_font_description_get_family (font));
  g_assert_cmpstr (family, ==, "Noto Sans CJK SC");
  g_assert_cmpint (pango_layout_get_unknown_glyphs_count (layout), ==, 0);

  pango_font_description_free (font);
  pango_layout_iter_free (iter);
  pm_chart_canvas_clear (&canvas);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_empty_chart_says_there_is_no_data (void)
{
  g_autoptr (PmTrendData) data = chart_test_trend ("女性检察官占比（%）", PM_CHART_TARGET_DIRECTION,
                                                   "提高", NAN);
  g_autoptr (PmTrendData) bare = chart_test_trend ("女性检察官占比（%）", PM_CHART_TARGET_NONE,
                                                   NULL, NAN);
  g_autoptr (PmChartLayout) layout = pm_chart_layout_new ();
  cairo_surface_t *surface;

  data->target.direction = 1;
  assert_clean_everywhere (data);
  assert_clean_everywhere (bare);

  surface = chart_test_render_trend (data, PM_CHART_STYLE_SCREEN, 1200, 750, layout);
  g_assert_nonnull (pm_chart_layout_find_label (layout, PM_CHART_LABEL_MESSAGE, "No data"));
  g_assert_null (pm_chart_layout_find_label (layout, PM_CHART_LABEL_LATEST, NULL));
  g_assert_nonnull (pm_chart_layout_find_label (layout, PM_CHART_LABEL_TARGET, "提高"));
  cairo_surface_destroy (surface);
}

static void
test_single_value_renders_without_overlap (void)
{
  g_autoptr (PmTrendData) data = chart_test_trend ("婚前医学检查率（%）", PM_CHART_TARGET_COMPARISON,
                                                   "≥60", 60);
  g_autoptr (PmChartLayout) layout = pm_chart_layout_new ();
  cairo_surface_t *surface;

  pm_trend_data_add_point (data, 2021, 50, 0);
  assert_clean_everywhere (data);

  surface = chart_test_render_trend (data, PM_CHART_STYLE_SCREEN, 1200, 750, layout);
  g_assert_nonnull (pm_chart_layout_find_label (layout, PM_CHART_LABEL_LATEST, "50"));
  g_assert_null (pm_chart_layout_find_label (layout, PM_CHART_LABEL_MESSAGE, NULL));
  cairo_surface_destroy (surface);
}

static void
test_band_target_renders_without_overlap (void)
{
  static const double values[] = { 40.5, 43, 44.5, 46 };
  g_autoptr (PmTrendData) data = chart_test_trend ("就业人员中女性比例（%）", PM_CHART_TARGET_BAND,
                                                   "45左右", 45);
  g_autoptr (PmChartLayout) layout = pm_chart_layout_new ();
  cairo_surface_t *surface;
  PmChartTheme theme;
  PmRgba inside, outside;
  double x;

  data->target.low = 42.75;
  data->target.high = 47.25;
  chart_test_add_values (data, 2021, values, G_N_ELEMENTS (values));
  assert_clean_everywhere (data);

  surface = chart_test_render_trend (data, PM_CHART_STYLE_SCREEN, 1200, 750, layout);
  pm_chart_theme_init (&theme, PM_CHART_STYLE_SCREEN, 1200, 750, FALSE);
  g_assert_nonnull (pm_chart_layout_find_label (layout, PM_CHART_LABEL_TARGET, "45左右"));
  x = pm_chart_layout_year_to_x (layout, 0, 2027.5);
  chart_test_pixel (surface, (int) x, (int) pm_chart_layout_value_to_y (layout, 0, 44), &inside);
  chart_test_pixel (surface, (int) x, (int) pm_chart_layout_value_to_y (layout, 0, 41.5), &outside);
  g_assert_false (chart_test_color_near (&inside, &theme.background, 0.02));
  g_assert_true (chart_test_color_near (&outside, &theme.background, 0.02));
  cairo_surface_destroy (surface);
}

static void
test_lower_is_better_target_renders_without_overlap (void)
{
  static const double values[] = { 3.1, 2.9, 2.2, 2.4, 1.6 };
  g_autoptr (PmTrendData) data = chart_test_trend ("新生儿死亡率（‰）", PM_CHART_TARGET_COMPARISON,
                                                   "<1.5", 1.5);
  g_autoptr (PmChartLayout) layout = pm_chart_layout_new ();
  cairo_surface_t *surface;

  data->target.op = PM_CHART_OP_LT;
  data->lower_is_better = TRUE;
  pm_trend_data_set_unit (data, "‰");
  pm_trend_data_add_point (data, 2010, 5.11, PM_TREND_POINT_HISTORY);
  pm_trend_data_add_point (data, 2020, 1.34, PM_TREND_POINT_HISTORY);
  chart_test_add_values (data, 2021, values, G_N_ELEMENTS (values));
  data->baseline_year = 2020;
  data->baseline_value = 1.34;
  data->required_value = 1.5;
  data->projection_from_year = 2025;
  data->projection_from_value = 1.6;
  data->projected_value = 0.4;
  pm_trend_data_set_status (data, PM_CHART_STATUS_DETERIORATING, NULL, NULL);
  assert_clean_everywhere (data);

  surface = chart_test_render_trend (data, PM_CHART_STYLE_SCREEN, 1200, 750, layout);
  g_assert_nonnull (pm_chart_layout_find_label (layout, PM_CHART_LABEL_STATUS, "Deteriorating"));
  cairo_surface_destroy (surface);
}

static void
test_values_far_beyond_the_target_stay_inside_the_plot (void)
{
  static const double values[] = { 52, 61.5, 70, 88 };
  g_autoptr (PmTrendData) data = chart_test_trend ("儿童意外伤害死亡率（‰）", PM_CHART_TARGET_COMPARISON,
                                                   "<0.1", 0.1);
  g_autoptr (PmChartLayout) layout = pm_chart_layout_new ();
  cairo_surface_t *surface;
  double px, py, pw, ph;

  data->target.op = PM_CHART_OP_LT;
  data->lower_is_better = TRUE;
  chart_test_add_values (data, 2021, values, G_N_ELEMENTS (values));
  assert_clean_everywhere (data);

  surface = chart_test_render_trend (data, PM_CHART_STYLE_PRINT, 1123, 794, layout);
  pm_chart_layout_get_plot_area (layout, 0, &px, &py, &pw, &ph);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      double y = pm_chart_layout_value_to_y (layout, 0, values[i]);

      g_assert_cmpfloat (y, >=, py - 0.01);
      g_assert_cmpfloat (y, <=, py + ph + 0.01);
    }
  g_assert_cmpfloat (pm_chart_layout_value_to_y (layout, 0, 0.1), <=, py + ph);
  g_assert_nonnull (pm_chart_layout_find_label (layout, PM_CHART_LABEL_TARGET, "<0.1"));
  cairo_surface_destroy (surface);
}

static void
test_hundred_character_name_renders_without_overlap (void)
{
  g_autoptr (GString) name = g_string_new (NULL);
  g_autoptr (PmTrendData) data = NULL;
  g_autoptr (PmChartLayout) layout = pm_chart_layout_new ();
  cairo_surface_t *surface;
  const PmChartLabel *title;
  static const double values[] = { 60, 62, 65 };

  while (g_utf8_strlen (name->str, -1) < 100)
    g_string_append (name, "乡镇（街道）党（工）委、政府（办事处）领导班子中女干部的配备率");
  g_string_truncate (name, g_utf8_offset_to_pointer (name->str, 100) - name->str);
  g_assert_cmpint (g_utf8_strlen (name->str, -1), ==, 100);

  data = chart_test_trend (name->str, PM_CHART_TARGET_MANUAL, "保持合理比例", NAN);
  chart_test_add_values (data, 2021, values, G_N_ELEMENTS (values));
  pm_trend_data_set_status (data, PM_CHART_STATUS_MANUAL, NULL,
                            "由人工判断：保持合理比例（2023年 65）");
  assert_clean_everywhere (data);

  surface = chart_test_render_trend (data, PM_CHART_STYLE_SCREEN, 800, 500, layout);
  title = pm_chart_layout_find_label (layout, PM_CHART_LABEL_TITLE, NULL);
  g_assert_nonnull (title);
  g_assert_cmpfloat (title->width, <=, 800);
  /* two lines at most, ending in an ellipsis */
  g_assert_cmpfloat (title->height, <, 500 * 0.2);
  g_assert_nonnull (pm_chart_layout_find_label (layout, PM_CHART_LABEL_TARGET, "保持合理比例"));
  cairo_surface_destroy (surface);
}

static void
test_negative_and_zero_values_are_handled (void)
{
  static const double negative[] = { -5, -2.5, 0, 3 };
  static const double zeros[] = { 0, 0, 0 };
  g_autoptr (PmTrendData) data = chart_test_trend ("增长率（%）", PM_CHART_TARGET_COMPARISON,
                                                   "≥0", 0);
  g_autoptr (PmTrendData) flat = chart_test_trend ("受暴妇女儿童救助（庇护）机构数（个）",
                                                   PM_CHART_TARGET_DIRECTION, "增加", NAN);
  g_autoptr (PmChartLayout) layout = pm_chart_layout_new ();
  cairo_surface_t *surface;
  double lo, hi;

  chart_test_add_values (data, 2021, negative, G_N_ELEMENTS (negative));
  chart_test_add_values (flat, 2021, zeros, G_N_ELEMENTS (zeros));
  flat->target.direction = 1;
  assert_clean_everywhere (data);
  assert_clean_everywhere (flat);

  surface = chart_test_render_trend (data, PM_CHART_STYLE_SCREEN, 1200, 750, layout);
  pm_chart_layout_get_value_range (layout, 0, &lo, &hi);
  g_assert_cmpfloat (lo, <=, -5);
  g_assert_cmpfloat (hi, >=, 3);
  g_assert_nonnull (pm_chart_layout_find_label (layout, PM_CHART_LABEL_TICK_Y, "-"));
  cairo_surface_destroy (surface);

  pm_chart_layout_clear (layout);
  surface = chart_test_render_trend (flat, PM_CHART_STYLE_SCREEN, 1200, 750, layout);
  pm_chart_layout_get_value_range (layout, 0, &lo, &hi);
  g_assert_cmpfloat (lo, ==, 0);
  g_assert_cmpfloat (hi, >, 0);
  cairo_surface_destroy (surface);
}

static void
test_direction_target_has_an_arrow_and_words (void)
{
  static const double values[] = { 20, 22, 21, 25 };
  g_autoptr (PmTrendData) data = chart_test_trend ("女性律师占比（%）", PM_CHART_TARGET_DIRECTION,
                                                   "逐年提高", NAN);
  g_autoptr (PmChartLayout) layout = pm_chart_layout_new ();
  cairo_surface_t *surface;

  data->target.direction = 1;
  chart_test_add_values (data, 2021, values, G_N_ELEMENTS (values));
  assert_clean_everywhere (data);
  surface = chart_test_render_trend (data, PM_CHART_STYLE_SCREEN, 1200, 750, layout);
  g_assert_nonnull (pm_chart_layout_find_label (layout, PM_CHART_LABEL_TARGET, "逐年提高"));
  cairo_surface_destroy (surface);
}

/* W12 as the plans print it (2010 85.3, 2020 98.06, target ＞98.5) with
 * synthetic monitoring values. */
static PmTrendData *
far_2010_trend (void)
{
  static const double values[] = { 98.2, 98.3, 98.45 };
  PmTrendData *data = chart_test_trend ("高中阶段教育女性毛入学率（%）",
                                        PM_CHART_TARGET_COMPARISON, "＞98.5", 98.5);

  data->target.op = PM_CHART_OP_GT;
  pm_trend_data_add_point (data, 2010, 85.3, PM_TREND_POINT_HISTORY);
  pm_trend_data_add_point (data, 2020, 98.06, PM_TREND_POINT_HISTORY);
  chart_test_add_values (data, 2021, values, G_N_ELEMENTS (values));
  data->baseline_year = 2020;
  data->baseline_value = 98.06;
  data->required_value = 98.5;
  data->projection_from_year = 2023;
  data->projection_from_value = 98.45;
  data->projected_value = 99.37;
  pm_trend_data_set_status (data, PM_CHART_STATUS_ON_TRACK, NULL, NULL);
  return data;
}

static void
test_the_y_axis_starts_near_the_2020_baseline_when_2010_is_far (void)
{
  g_autoptr (PmTrendData) data = far_2010_trend ();
  g_autoptr (PmChartLayout) layout = pm_chart_layout_new ();
  cairo_surface_t *surface = chart_test_render_trend (data, PM_CHART_STYLE_SCREEN, 1200, 750,
                                                      layout);
  double lo, hi;

  pm_chart_layout_get_value_range (layout, 0, &lo, &hi);
  g_assert_cmpfloat (lo, >, 95);
  g_assert_cmpfloat (lo, <=, 98.06);
  g_assert_cmpfloat (hi, >=, 99.37);
  cairo_surface_destroy (surface);
}

static void
test_the_2010_value_far_off_is_drawn_past_a_break_of_the_axis (void)
{
  g_autoptr (PmTrendData) data = far_2010_trend ();

  for (guint s = 0; s < G_N_ELEMENTS (all_styles); s++)
    {
      g_autoptr (PmChartLayout) layout = pm_chart_layout_new ();
      cairo_surface_t *surface = chart_test_render_trend (data, all_styles[s], 1200, 750, layout);
      const PmChartLabel *label = pm_chart_layout_find_label (layout, PM_CHART_LABEL_VALUE, "85.3");
      double px, py, pw, ph, bx, by, far_min, far_max;

      g_test_message ("%s", pm_chart_style_to_string (all_styles[s]));
      pm_chart_layout_get_plot_area (layout, 0, &px, &py, &pw, &ph);
      g_assert_true (pm_chart_layout_get_axis_break (layout, 0, &bx, &by, &far_min, &far_max));
      g_assert_cmpfloat (far_min, ==, 85.3);
      g_assert_cmpfloat (far_max, ==, 85.3);
      /* the mark on the value axis, below the area */
      g_assert_cmpfloat_with_epsilon (bx, px, 0.5);
      g_assert_cmpfloat (by, >, py + ph);
      /* the value, labelled, beyond the mark */
      g_assert_nonnull (label);
      g_assert_cmpfloat (label->y + label->height, >, by);
      chart_test_assert_layout_clean (layout, 1200, 750);
      cairo_surface_destroy (surface);
    }
}

static void
test_a_2010_value_near_the_others_keeps_the_axis_whole (void)
{
  g_autoptr (PmTrendData) data = chart_test_full_trend ();
  g_autoptr (PmChartLayout) layout = pm_chart_layout_new ();
  cairo_surface_t *surface = chart_test_render_trend (data, PM_CHART_STYLE_SCREEN, 1200, 750,
                                                      layout);
  double lo, hi;

  g_assert_false (pm_chart_layout_get_axis_break (layout, 0, NULL, NULL, NULL, NULL));
  pm_chart_layout_get_value_range (layout, 0, &lo, &hi);
  g_assert_cmpfloat (lo, <=, 76);
  cairo_surface_destroy (surface);
}

static void
test_the_2020_baseline_and_the_target_just_above_it_are_clearly_apart (void)
{
  g_autoptr (PmTrendData) data = far_2010_trend ();

  /* on screen, on paper and at 300 dpi (a 1200×750 image of a 384×240 chart) */
  for (guint s = 0; s < G_N_ELEMENTS (all_styles); s++)
    for (guint k = 0; k < 2; k++)
      {
        g_autoptr (PmChartLayout) layout = pm_chart_layout_new ();
        double size_w = k == 0 ? 1200 : 384, size_h = k == 0 ? 750 : 240;
        cairo_surface_t *surface = chart_test_render_trend (data, all_styles[s], size_w, size_h, layout);
        double px, py, pw, ph, gap;

        if (k == 1 && all_styles[s] == PM_CHART_STYLE_SLIDE)
          {
            /* a slide is shown whole, never as a 384×240 print */
            cairo_surface_destroy (surface);
            continue;
          }
        pm_chart_layout_get_plot_area (layout, 0, &px, &py, &pw, &ph);
        gap = pm_chart_layout_value_to_y (layout, 0, 98.06) - pm_chart_layout_value_to_y (layout, 0, 98.5);
        g_test_message ("%s at %.0f×%.0f: %.1f of %.1f", pm_chart_style_to_string (all_styles[s]),
                        size_w, size_h, gap, ph);
        g_assert_cmpfloat (gap, >, ph * 0.1);
        cairo_surface_destroy (surface);
      }
}

static void
test_a_steep_projection_ends_inside_the_plot (void)
{
  static const double values[] = { 0.5, 0.6, 0.8 };
  g_autoptr (PmTrendData) data = chart_test_trend ("城镇公共厕所男女厕位比（%）", PM_CHART_TARGET_RATIO,
                                                   "2:3", 1.5);
  g_autoptr (PmChartLayout) layout = pm_chart_layout_new ();
  cairo_surface_t *surface;
  double lo, hi, px, py, pw, ph, y;

  data->target.op = PM_CHART_OP_EQ;
  chart_test_add_values (data, 2021, values, G_N_ELEMENTS (values));
  data->projection_from_year = 2023;
  data->projection_from_value = 0.8;
  data->projected_value = 2.6;
  surface = chart_test_render_trend (data, PM_CHART_STYLE_SCREEN, 1200, 750, layout);

  pm_chart_layout_get_value_range (layout, 0, &lo, &hi);
  g_assert_cmpfloat (hi, >=, 2.6);
  pm_chart_layout_get_plot_area (layout, 0, &px, &py, &pw, &ph);
  y = pm_chart_layout_value_to_y (layout, 0, 2.6);
  g_assert_cmpfloat (y, >=, py);
  g_assert_nonnull (pm_chart_layout_find_label (layout, PM_CHART_LABEL_PROJECTION, "2.6"));
  cairo_surface_destroy (surface);
}

static void
test_an_absurd_projection_leaves_the_values_a_third_of_the_height (void)
{
  static const double values[] = { 0.5, 0.6, 0.8 };
  g_autoptr (PmTrendData) data = chart_test_trend ("城镇公共厕所男女厕位比（%）", PM_CHART_TARGET_RATIO,
                                                   "2:3", 1.5);
  g_autoptr (PmChartLayout) layout = pm_chart_layout_new ();
  cairo_surface_t *surface;
  double lo, hi;

  data->target.op = PM_CHART_OP_EQ;
  chart_test_add_values (data, 2021, values, G_N_ELEMENTS (values));
  data->projection_from_year = 2023;
  data->projection_from_value = 0.8;
  data->projected_value = 40;
  surface = chart_test_render_trend (data, PM_CHART_STYLE_SCREEN, 1200, 750, layout);

  pm_chart_layout_get_value_range (layout, 0, &lo, &hi);
  /* the figures span 0.5–1.5: the axis stops short of 40 */
  g_assert_cmpfloat (hi, <, 5);
  g_assert_nonnull (pm_chart_layout_find_label (layout, PM_CHART_LABEL_PROJECTION, "40"));
  cairo_surface_destroy (surface);
}

/* Value labels (and the latest value's) kept clear of the target line and
 * of each other by margin, at dpi on a width × height image. */
static void
assert_value_labels_clear (const PmTrendData *data,
                           PmChartStyle       style,
                           int                width,
                           int                height,
                           double             dpi)
{
  g_autoptr (PmChart) chart = pm_chart_new_trend (data);
  g_autoptr (PmChartLayout) layout = pm_chart_layout_new ();
  cairo_surface_t *surface = pm_chart_render_image (chart, style, width, height, dpi, layout);
  double target_y, x0;
  PmChartTheme theme;
  guint n_values = 0;

  /* a small image at a high dpi has no room for a plot */
  if (pm_chart_layout_get_n_plots (layout) == 0)
    {
      g_assert_cmpint (width * 96 / dpi, <, 480);
      cairo_surface_destroy (surface);
      return;
    }
  target_y = pm_chart_layout_value_to_y (layout, 0, data->target.value);
  x0 = pm_chart_layout_year_to_x (layout, 0, data->period_start_year);

  pm_chart_theme_init (&theme, style, width * 96 / dpi, height * 96 / dpi, FALSE);
  g_test_message ("%s at %d×%d, %.0f dpi", pm_chart_style_to_string (style), width, height, dpi);
  for (guint i = 0; i < pm_chart_layout_get_n_labels (layout); i++)
    {
      const PmChartLabel *a = pm_chart_layout_get_label (layout, i);

      if (a->role != PM_CHART_LABEL_VALUE && a->role != PM_CHART_LABEL_LATEST)
        continue;
      n_values++;
      if (a->x + a->width > x0 && a->y < target_y - 0.5 && a->y + a->height > target_y + 0.5)
        g_error ("“%s” (%.1f,%.1f %.1f×%.1f) sits on the target line at %.1f", a->text, a->x, a->y,
                 a->width, a->height, target_y);

      /* no other label nearer than half a gap beside it, where a halo would
       * hide a piece of it */
      for (guint j = 0; j < pm_chart_layout_get_n_labels (layout); j++)
        {
          const PmChartLabel *b = pm_chart_layout_get_label (layout, j);
          double m = theme.gap * 0.5 - 0.1;

          if (j == i)
            continue;
          if (a->x - m < b->x + b->width && b->x < a->x + a->width + m &&
              a->y + 0.5 < b->y + b->height && b->y + 0.5 < a->y + a->height)
            g_error ("“%s” (%.1f,%.1f %.1f×%.1f) and “%s” (%.1f,%.1f %.1f×%.1f) touch", a->text,
                     a->x, a->y, a->width, a->height, b->text, b->x, b->y, b->width, b->height);
        }
    }
  g_assert_cmpuint (n_values, >=, 2);
  chart_test_assert_layout_clean (layout, width * 96 / dpi, height * 96 / dpi);
  cairo_surface_destroy (surface);
}

static void
test_value_labels_keep_off_the_target_line_and_each_other (void)
{
  g_autoptr (PmTrendData) data = far_2010_trend ();
  static const double dpis[] = { 96, 150, 300 };

  for (guint s = 0; s < G_N_ELEMENTS (all_styles); s++)
    for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
      for (guint k = 0; k < G_N_ELEMENTS (dpis); k++)
        if (all_styles[s] != PM_CHART_STYLE_SLIDE || dpis[k] == 96)
          assert_value_labels_clear (data, all_styles[s], sizes[z].width, sizes[z].height, dpis[k]);
}

static void
test_values_printed_in_the_plan_are_labelled_as_printed (void)
{
  g_autoptr (PmTrendData) data = chart_test_trend ("九年义务教育巩固率（%）", PM_CHART_TARGET_COMPARISON,
                                                   "≥96", 96);
  g_autoptr (PmTrendData) copy = NULL;
  g_autoptr (PmChartLayout) layout = pm_chart_layout_new ();
  cairo_surface_t *surface;

  /* C21's predecessor HC21 as printed: 98.5 in 2010, 98.90 in 2020 */
  pm_trend_data_add_printed_point (data, 2010, 98.5, PM_TREND_POINT_HISTORY, "98.5");
  pm_trend_data_add_printed_point (data, 2020, 98.9, PM_TREND_POINT_HISTORY, "98.90");
  copy = pm_trend_data_copy (data);
  g_clear_pointer (&data, pm_trend_data_free);

  surface = chart_test_render_trend (copy, PM_CHART_STYLE_SCREEN, 1200, 750, layout);
  g_assert_nonnull (pm_chart_layout_find_label (layout, PM_CHART_LABEL_LATEST, "98.90"));
  g_assert_nonnull (pm_chart_layout_find_label (layout, PM_CHART_LABEL_SUBTITLE, "Latest (2020): 98.90"));
  g_assert_nonnull (pm_chart_layout_find_label (layout, PM_CHART_LABEL_VALUE, "98.5"));
  cairo_surface_destroy (surface);
}

static void
test_observed_values_are_labelled_by_their_number (void)
{
  g_autoptr (PmTrendData) data = chart_test_trend ("九年义务教育巩固率（%）", PM_CHART_TARGET_COMPARISON,
                                                   "≥96", 96);
  g_autoptr (PmChartLayout) layout = pm_chart_layout_new ();
  cairo_surface_t *surface;

  pm_trend_data_add_printed_point (data, 2020, 98.9, PM_TREND_POINT_HISTORY, "98.90");
  /* a year given again is replaced, printed text and all */
  pm_trend_data_add_printed_point (data, 2020, 98.9, PM_TREND_POINT_DEFAULT, NULL);
  surface = chart_test_render_trend (data, PM_CHART_STYLE_SCREEN, 1200, 750, layout);
  g_assert_nonnull (pm_chart_layout_find_label (layout, PM_CHART_LABEL_LATEST, "98.9"));
  g_assert_null (pm_chart_layout_find_label (layout, PM_CHART_LABEL_LATEST, "98.90"));
  cairo_surface_destroy (surface);
}

static void
test_a_2020_value_alone_is_not_cut_off_from_a_2010_value_near_it (void)
{
  g_autoptr (PmTrendData) data = chart_test_trend ("妇女体质测定标准合格比例（%）", PM_CHART_TARGET_DIRECTION,
                                                   "提高", NAN);
  g_autoptr (PmChartLayout) layout = pm_chart_layout_new ();
  cairo_surface_t *surface;

  /* one figure since 2020 and none to aim at: 2010 is near enough */
  data->target.direction = 1;
  pm_trend_data_add_point (data, 2010, 91, PM_TREND_POINT_HISTORY);
  pm_trend_data_add_point (data, 2020, 93.6, PM_TREND_POINT_HISTORY);
  surface = chart_test_render_trend (data, PM_CHART_STYLE_SCREEN, 1200, 750, layout);
  g_assert_false (pm_chart_layout_get_axis_break (layout, 0, NULL, NULL, NULL, NULL));
  cairo_surface_destroy (surface);
}

static void
test_a_small_multiple_labels_the_value_past_the_break (void)
{
  g_autoptr (GPtrArray) cells = g_ptr_array_new_with_free_func ((GDestroyNotify) pm_trend_data_free);
  g_autoptr (PmChartLayout) layout = pm_chart_layout_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1600, 900);
  cairo_t *cr = cairo_create (surface);

  for (guint i = 0; i < 6; i++)
    g_ptr_array_add (cells, far_2010_trend ());
  pm_chart_draw_overview (cr, "妇女与健康", "合成测试数据", (PmTrendData * const *) cells->pdata,
                          cells->len, PM_CHART_STYLE_SCREEN, 1600, 900, layout);
  g_assert_true (pm_chart_layout_get_axis_break (layout, 0, NULL, NULL, NULL, NULL));
  g_assert_nonnull (pm_chart_layout_find_label (layout, PM_CHART_LABEL_VALUE, "85.3"));
  chart_test_assert_layout_clean (layout, 1600, 900);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_nice_ticks_cover_the_range (void)
{
  PmTicks ticks;

  pm_chart_nice_ticks (0, 97.3, 6, &ticks);
  g_assert_cmpfloat (ticks.min, ==, 0);
  g_assert_cmpfloat (ticks.max, ==, 100);
  g_assert_cmpfloat (ticks.step, ==, 20);
  g_assert_cmpint (ticks.n, ==, 6);
  g_assert_cmpint (ticks.decimals, ==, 0);

  pm_chart_nice_ticks (80.12, 82.3, 6, &ticks);
  g_assert_cmpfloat (ticks.min, <=, 80.12);
  g_assert_cmpfloat (ticks.max, >=, 82.3);
  g_assert_cmpint (ticks.n, <=, 6);
  g_assert_cmpint (ticks.decimals, ==, 1);

  pm_chart_nice_ticks (-5, 3, 8, &ticks);
  g_assert_cmpfloat (ticks.min, <=, -5);
  g_assert_cmpfloat (ticks.max, >=, 3);
  g_assert_cmpfloat (fmod (fabs (ticks.min), ticks.step), <, 1e-9);

  pm_chart_nice_ticks (0.0137, 0.0385, 5, &ticks);
  g_assert_cmpfloat (ticks.min, <=, 0.0137);
  g_assert_cmpfloat (ticks.max, >=, 0.0385);
  g_assert_cmpint (ticks.decimals, >=, 2);

  /* one value: a range around it, zero stays the floor */
  pm_chart_nice_ticks (0, 0, 5, &ticks);
  g_assert_cmpfloat (ticks.min, ==, 0);
  g_assert_cmpfloat (ticks.max, >, 0);
  pm_chart_nice_ticks (50, 50, 5, &ticks);
  g_assert_cmpfloat (ticks.min, <, 50);
  g_assert_cmpfloat (ticks.max, >, 50);
}

static void
test_values_print_as_the_plans_print_them (void)
{
  g_autofree char *a = pm_chart_format_value (80.12);
  g_autofree char *b = pm_chart_format_value (8500);
  g_autofree char *c = pm_chart_format_value (0.0137);
  g_autofree char *d = pm_chart_format_value (-0.00001);
  g_autofree char *e = pm_chart_format_number (2.5, 1);

  g_assert_cmpstr (a, ==, "80.12");
  g_assert_cmpstr (b, ==, "8500");
  g_assert_cmpstr (c, ==, "0.0137");
  g_assert_cmpstr (d, ==, "0");
  g_assert_cmpstr (e, ==, "2.5");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/trend/target-line-and-point-land-where-the-axis-maps-them",
                   test_target_line_and_point_land_where_the_axis_maps_them);
  g_test_add_func ("/chart/trend/side-that-meets-the-target-is-shaded",
                   test_side_that_meets_the_target_is_shaded);
  g_test_add_func ("/chart/trend/missing-years-are-gaps", test_missing_years_are_gaps);
  g_test_add_func ("/chart/trend/history-from-the-previous-plan-is-drawn-from-2010",
                   test_history_from_the_previous_plan_is_drawn_from_2010);
  g_test_add_func ("/chart/trend/every-element-is-labelled", test_every_element_is_labelled);
  g_test_add_func ("/chart/trend/no-label-has-unknown-glyphs-in-any-style",
                   test_no_label_has_unknown_glyphs_in_any_style);
  g_test_add_func ("/chart/text/is-set-in-noto-sans-cjk-sc", test_text_is_set_in_noto_sans_cjk_sc);
  g_test_add_func ("/chart/trend/empty-chart-says-there-is-no-data",
                   test_empty_chart_says_there_is_no_data);
  g_test_add_func ("/chart/trend/single-value-renders-without-overlap",
                   test_single_value_renders_without_overlap);
  g_test_add_func ("/chart/trend/band-target-renders-without-overlap",
                   test_band_target_renders_without_overlap);
  g_test_add_func ("/chart/trend/lower-is-better-target-renders-without-overlap",
                   test_lower_is_better_target_renders_without_overlap);
  g_test_add_func ("/chart/trend/values-far-beyond-the-target-stay-inside-the-plot",
                   test_values_far_beyond_the_target_stay_inside_the_plot);
  g_test_add_func ("/chart/trend/hundred-character-name-renders-without-overlap",
                   test_hundred_character_name_renders_without_overlap);
  g_test_add_func ("/chart/trend/negative-and-zero-values-are-handled",
                   test_negative_and_zero_values_are_handled);
  g_test_add_func ("/chart/trend/direction-target-has-an-arrow-and-words",
                   test_direction_target_has_an_arrow_and_words);
  g_test_add_func ("/chart/trend/the-y-axis-starts-near-the-2020-baseline-when-2010-is-far",
                   test_the_y_axis_starts_near_the_2020_baseline_when_2010_is_far);
  g_test_add_func ("/chart/trend/the-2010-value-far-off-is-drawn-past-a-break-of-the-axis",
                   test_the_2010_value_far_off_is_drawn_past_a_break_of_the_axis);
  g_test_add_func ("/chart/trend/a-2010-value-near-the-others-keeps-the-axis-whole",
                   test_a_2010_value_near_the_others_keeps_the_axis_whole);
  g_test_add_func ("/chart/trend/the-2020-baseline-and-the-target-just-above-it-are-clearly-apart",
                   test_the_2020_baseline_and_the_target_just_above_it_are_clearly_apart);
  g_test_add_func ("/chart/trend/a-steep-projection-ends-inside-the-plot",
                   test_a_steep_projection_ends_inside_the_plot);
  g_test_add_func ("/chart/trend/an-absurd-projection-leaves-the-values-a-third-of-the-height",
                   test_an_absurd_projection_leaves_the_values_a_third_of_the_height);
  g_test_add_func ("/chart/trend/value-labels-keep-off-the-target-line-and-each-other",
                   test_value_labels_keep_off_the_target_line_and_each_other);
  g_test_add_func ("/chart/trend/values-printed-in-the-plan-are-labelled-as-printed",
                   test_values_printed_in_the_plan_are_labelled_as_printed);
  g_test_add_func ("/chart/trend/observed-values-are-labelled-by-their-number",
                   test_observed_values_are_labelled_by_their_number);
  g_test_add_func ("/chart/trend/a-2020-value-alone-is-not-cut-off-from-a-2010-value-near-it",
                   test_a_2020_value_alone_is_not_cut_off_from_a_2010_value_near_it);
  g_test_add_func ("/chart/overview/a-small-multiple-labels-the-value-past-the-break",
                   test_a_small_multiple_labels_the_value_past_the_break);
  g_test_add_func ("/chart/axis/nice-ticks-cover-the-range", test_nice_ticks_cover_the_range);
  g_test_add_func ("/chart/axis/values-print-as-the-plans-print-them",
                   test_values_print_as_the_plans_print_them);

  return g_test_run ();
}
