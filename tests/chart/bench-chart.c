/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The trend chart of every indicator of both periods at 1600×900: to image
 * surfaces, and to one PDF. Prints the time per chart and the PDF's size;
 * asserts no time. A second run adds synthetic values 2021–2025 (made here,
 * never real figures) so that every chart has its full set of elements. */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "pm-chart-builder.h"
#include "pm-chart.h"
#include "pm-indicator.h"
#include "pm-observation.h"
#include "pm-project.h"

#define WIDTH 1600
#define HEIGHT 900
#define ROUNDS 3

static cairo_status_t
count_bytes (void                *closure,
             const unsigned char *data,
             unsigned int         length)
{
  *(gsize *) closure += length;
  return CAIRO_STATUS_SUCCESS;
}

static void
add_synthetic_values (PmProject *project)
{
  GListModel *indicators = pm_project_get_indicators (project);

  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr (PmIndicator) indicator = g_list_model_get_item (indicators, i);

      if (pm_indicator_get_period (indicator) != PM_PERIOD_2021_2030)
        continue;
      for (int year = 2021; year <= 2025; year++)
        {
          g_autoptr (PmObservation) observation =
            pm_observation_new (year, PM_AREA_COUNTY, 40 + (i % 7) * 5 + (year - 2021) * 1.5);

          pm_observation_set_note (observation, "synthetic benchmark value");
          pm_indicator_put_observation (indicator, observation);
        }
    }
}

static void
run (const char *label,
     PmProject  *project)
{
  GListModel *indicators = pm_project_get_indicators (project);
  guint n = g_list_model_get_n_items (indicators);
  g_autoptr (GPtrArray) charts = g_ptr_array_new_with_free_func (g_object_unref);
  cairo_surface_t *image, *pdf;
  cairo_t *cr;
  gint64 start, build_us, image_us = G_MAXINT64, first_us = 0, pdf_us;
  gsize pdf_size = 0;

  start = g_get_monotonic_time ();
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (PmIndicator) indicator = g_list_model_get_item (indicators, i);

      g_ptr_array_add (charts, pm_chart_new_for_indicator (project, indicator, 2025));
    }
  build_us = g_get_monotonic_time () - start;

  /* the best of a few rounds: the first one also warms the font caches */
  image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  for (guint round = 0; round < ROUNDS; round++)
    {
      gint64 elapsed;

      start = g_get_monotonic_time ();
      for (guint i = 0; i < charts->len; i++)
        {
          cr = cairo_create (image);
          pm_chart_draw (charts->pdata[i], cr, PM_CHART_STYLE_SCREEN, WIDTH, HEIGHT, NULL);
          cairo_destroy (cr);
        }
      cairo_surface_flush (image);
      elapsed = g_get_monotonic_time () - start;
      if (round == 0)
        first_us = elapsed;
      image_us = MIN (image_us, elapsed);
    }
  cairo_surface_destroy (image);

  start = g_get_monotonic_time ();
  pdf = cairo_pdf_surface_create_for_stream (count_bytes, &pdf_size, WIDTH * 0.75, HEIGHT * 0.75);
  cr = cairo_create (pdf);
  cairo_scale (cr, 0.75, 0.75);
  for (guint i = 0; i < charts->len; i++)
    {
      pm_chart_draw (charts->pdata[i], cr, PM_CHART_STYLE_PRINT, WIDTH, HEIGHT, NULL);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (pdf);
  g_assert_cmpint (cairo_surface_status (pdf), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (pdf);
  pdf_us = g_get_monotonic_time () - start;

  g_print ("%s: %u charts at %d×%d\n", label, charts->len, WIDTH, HEIGHT);
  g_print ("  chart input from the evaluation: %.2f ms a chart\n", build_us / 1000.0 / charts->len);
  g_print ("  image surface:                   %.2f ms a chart (target ≤ 5 ms; best of %d)\n",
           image_us / 1000.0 / charts->len, ROUNDS);
  g_print ("  image surface, first round:      %.2f ms a chart (font caches cold)\n",
           first_us / 1000.0 / charts->len);
  g_print ("  one PDF, a page a chart:         %.2f ms a chart, %.1f KiB (%.1f KiB a page)\n",
           pdf_us / 1000.0 / charts->len, pdf_size / 1024.0, pdf_size / 1024.0 / charts->len);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PmProject) project = NULL;

  setlocale (LC_ALL, "");

  project = pm_project_new_from_template (&error);
  g_assert_no_error (error);

  run ("template (values of 2010 and 2020 only)", project);
  add_synthetic_values (project);
  run ("template + synthetic values 2021–2025", project);

  return 0;
}
