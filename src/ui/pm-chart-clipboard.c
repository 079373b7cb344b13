/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-chart-clipboard"

#include "config.h"

#include "pm-chart-clipboard.h"
#include "pm-chart-export.h"

static void
surface_destroy_cb (gpointer data)
{
  cairo_surface_destroy (data);
}

/**
 * pm_chart_render_texture:
 * @scale: pixels per unit: 2 draws a chart of width × height units on twice
 *   as many pixels, sharp when pasted into a slide
 *
 * Returns: (transfer full): the chart as a texture of
 * (width × scale) × (height × scale) pixels
 */
GdkTexture *
pm_chart_render_texture (PmChart      *chart,
                         PmChartStyle  style,
                         int           width,
                         int           height,
                         double        scale)
{
  cairo_surface_t *surface;
  g_autoptr (GBytes) bytes = NULL;
  int pixel_width, pixel_height;

  g_return_val_if_fail (PM_IS_CHART (chart), NULL);
  g_return_val_if_fail (width > 0 && height > 0 && scale > 0, NULL);

  pixel_width = (int) (width * scale + 0.5);
  pixel_height = (int) (height * scale + 0.5);
  surface = pm_chart_render_image (chart, style, pixel_width, pixel_height,
                                   PM_CHART_DEFAULT_DPI * scale, NULL);

  /* the texture keeps the surface's pixels alive, no copy */
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) cairo_image_surface_get_stride (surface) * pixel_height,
                                      surface_destroy_cb, surface);
  return gdk_memory_texture_new (pixel_width, pixel_height, GDK_MEMORY_DEFAULT, bytes,
                                 cairo_image_surface_get_stride (surface));
}

/* Puts the chart on the clipboard as an image of (width × scale) ×
 * (height × scale) pixels: a scale of 2 keeps it sharp when a slide
 * stretches it across a projector. */
void
pm_chart_copy_to_clipboard (PmChart      *chart,
                            GdkClipboard *clipboard,
                            PmChartStyle  style,
                            int           width,
                            int           height,
                            double        scale)
{
  g_autoptr (GdkTexture) texture = NULL;

  g_return_if_fail (PM_IS_CHART (chart));
  g_return_if_fail (GDK_IS_CLIPBOARD (clipboard));

  texture = pm_chart_render_texture (chart, style, width, height, scale);
  gdk_clipboard_set_texture (clipboard, texture);
}
