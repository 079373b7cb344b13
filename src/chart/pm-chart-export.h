/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "pm-chart.h"

G_BEGIN_DECLS

typedef enum
{
  PM_CHART_FORMAT_PNG,
  PM_CHART_FORMAT_SVG,
  PM_CHART_FORMAT_PDF,
} PmChartFormat;

/* Sizes are in pixels at 96 dpi (CSS pixels): a PNG is exactly
 * width × height pixels, drawn at dpi / 96 so that a higher dpi gives
 * larger type and lines for print; an SVG is width × height px; a PDF page
 * is width × height × 0.75 points. */
#define PM_CHART_DEFAULT_DPI 96.0

gboolean pm_chart_format_from_filename (const char    *filename,
                                        PmChartFormat *format);
cairo_surface_t *pm_chart_render_image (PmChart       *chart,
                                        PmChartStyle   style,
                                        int            width,
                                        int            height,
                                        double         dpi,
                                        PmChartLayout *layout);
GBytes *pm_chart_render_bytes (PmChart       *chart,
                               PmChartFormat  format,
                               PmChartStyle   style,
                               int            width,
                               int            height,
                               double         dpi,
                               GError       **error);
gboolean pm_chart_write_file (PmChart      *chart,
                              const char   *filename,
                              PmChartStyle  style,
                              int           width,
                              int           height,
                              double        dpi,
                              GError      **error);
gboolean pm_chart_parse_size (const char *text,
                              int        *width,
                              int        *height);

G_END_DECLS
