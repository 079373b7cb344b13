/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "chart-test-util.h"

/* Returns: a 2021–2030 trend with a target and no values */
PmTrendData *
chart_test_trend (const char        *title,
                  PmChartTargetKind  kind,
                  const char        *target_text,
                  double             target_value)
{
  PmTrendData *data = pm_trend_data_new ();

  /* these tests read the English words; test-chart-kinds checks the Chinese default */
  data->language = PM_LANGUAGE_EN;
  data->code = g_strdup ("T1");
  pm_trend_data_set_title (data, title);
  pm_trend_data_set_unit (data, "%");
  pm_trend_data_set_target (data, kind, target_text);
  data->target.op = PM_CHART_OP_GE;
  data->target.value = target_value;
  pm_trend_data_set_footnote (data, "责任单位：县卫生健康委（牵头） · 指标属性：约束性 · 数据来源：合成测试数据");

  return data;
}

/* Returns: a trend with everything a chart can show (synthetic) */
PmTrendData *
chart_test_full_trend (void)
{
  static const double values[] = { 80.1, 80.4, 80.9, 81.0 };
  PmTrendData *data = chart_test_trend ("妇女人均预期寿命（岁）", PM_CHART_TARGET_COMPARISON,
                                        "≥82.3", 82.3);

  pm_trend_data_set_unit (data, "岁");
  pm_trend_data_add_point (data, 2010, 76.0, PM_TREND_POINT_HISTORY);
  pm_trend_data_add_point (data, 2020, 79.9, PM_TREND_POINT_HISTORY);
  chart_test_add_values (data, 2021, values, G_N_ELEMENTS (values));
  data->baseline_year = 2020;
  data->baseline_value = 79.9;
  data->required_value = 82.3;
  data->projection_from_year = 2024;
  data->projection_from_value = 81.0;
  data->projected_value = 83.4;
  pm_trend_data_set_status (data, PM_CHART_STATUS_ON_TRACK, "进展顺利",
                            "2024年 81.0；按当前趋势2030年约 83.4，可达到 ≥82.3");
  return data;
}

void
chart_test_add_values (PmTrendData  *data,
                       int           first_year,
                       const double *values,
                       guint         n_values)
{
  for (guint i = 0; i < n_values; i++)
    pm_trend_data_add_point (data, first_year + (int) i, values[i], PM_TREND_POINT_DEFAULT);
}

/* Returns: (transfer full): the chart drawn on a new image surface */
cairo_surface_t *
chart_test_render_trend (const PmTrendData *data,
                         PmChartStyle       style,
                         int                width,
                         int                height,
                         PmChartLayout     *layout)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  pm_chart_draw_trend (cr, data, style, width, height, layout);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* PM_CHART_TEST_OUTPUT=DIR keeps every chart drawn, to look at */
  if (g_getenv ("PM_CHART_TEST_OUTPUT"))
    {
      static guint counter;
      g_autofree char *program = g_path_get_basename (g_get_prgname ());
      g_autofree char *name = g_strdup_printf ("%s-%03u-%s-%dx%d.png", program, counter++,
                                               pm_chart_style_to_string (style), width, height);
      g_autofree char *path = g_build_filename (g_getenv ("PM_CHART_TEST_OUTPUT"), name, NULL);

      cairo_surface_write_to_png (surface, path);
    }

  return surface;
}

/* Every label inside the canvas, none on another, no missing glyph. */
void
chart_test_assert_layout_clean (PmChartLayout *layout,
                                double         width,
                                double         height)
{
  guint first, second;

  g_assert_cmpuint (pm_chart_layout_get_n_labels (layout), >, 0);

  if (pm_chart_layout_find_overlap (layout, &first, &second))
    {
      const PmChartLabel *a = pm_chart_layout_get_label (layout, first);
      const PmChartLabel *b = pm_chart_layout_get_label (layout, second);

      g_error ("labels overlap: “%s” (%.1f,%.1f %.1f×%.1f) and “%s” (%.1f,%.1f %.1f×%.1f)",
               a->text, a->x, a->y, a->width, a->height, b->text, b->x, b->y, b->width,
               b->height);
    }

  for (guint i = 0; i < pm_chart_layout_get_n_labels (layout); i++)
    {
      const PmChartLabel *label = pm_chart_layout_get_label (layout, i);

      if (label->x < -0.5 || label->y < -0.5 || label->x + label->width > width + 0.5 ||
          label->y + label->height > height + 0.5)
        g_error ("label “%s” (%.1f,%.1f %.1f×%.1f) is outside the %.0f×%.0f chart",
                 label->text, label->x, label->y, label->width, label->height, width, height);
      if (label->unknown_glyphs != 0)
        g_error ("label “%s” has %d unknown glyphs", label->text, label->unknown_glyphs);
    }
}

/* The colour of a pixel, not premultiplied. */
void
chart_test_pixel (cairo_surface_t *surface,
                  int              x,
                  int              y,
                  PmRgba          *color)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 pixel;
  double a;

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));

  memcpy (&pixel, data + y * stride + x * 4, 4);
  a = (pixel >> 24 & 0xff) / 255.0;
  color->alpha = a;
  color->red = a > 0 ? (pixel >> 16 & 0xff) / 255.0 / a : 0;
  color->green = a > 0 ? (pixel >> 8 & 0xff) / 255.0 / a : 0;
  color->blue = a > 0 ? (pixel & 0xff) / 255.0 / a : 0;
}

gboolean
chart_test_color_near (const PmRgba *a,
                       const PmRgba *b,
                       double        tolerance)
{
  return fabs (a->red - b->red) <= tolerance && fabs (a->green - b->green) <= tolerance &&
         fabs (a->blue - b->blue) <= tolerance;
}

gboolean
chart_test_find_program (const char *name)
{
  g_autofree char *path = g_find_program_in_path (name);

  return path != NULL;
}

/* Returns: (transfer full): the standard output of the program */
char *
chart_test_spawn (const char * const *argv,
                  int                *status)
{
  g_autoptr (GError) error = NULL;
  char *out = NULL;
  int wait_status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                NULL, &out, NULL, &wait_status, &error);
  g_assert_no_error (error);
  if (status)
    *status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;

  return out;
}
