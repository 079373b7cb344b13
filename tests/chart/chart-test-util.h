/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Helpers of the chart tests. Every series made here is synthetic test
 * data, never a real figure of the county. */

#include <cairo.h>

#include "pm-chart-data.h"
#include "pm-chart-draw.h"
#include "pm-chart-layout.h"
#include "pm-chart-private.h"

G_BEGIN_DECLS

PmTrendData *chart_test_trend (const char        *title,
                               PmChartTargetKind  kind,
                               const char        *target_text,
                               double             target_value);
PmTrendData *chart_test_full_trend (void);
void chart_test_add_values (PmTrendData  *data,
                            int           first_year,
                            const double *values,
                            guint         n_values);
cairo_surface_t *chart_test_render_trend (const PmTrendData *data,
                                          PmChartStyle       style,
                                          int                width,
                                          int                height,
                                          PmChartLayout     *layout);
void chart_test_assert_layout_clean (PmChartLayout *layout,
                                     double         width,
                                     double         height);
void chart_test_pixel (cairo_surface_t *surface,
                       int              x,
                       int              y,
                       PmRgba          *color);
gboolean chart_test_color_near (const PmRgba *a,
                                const PmRgba *b,
                                double        tolerance);
gboolean chart_test_find_program (const char *name);
char *chart_test_spawn (const char * const *argv,
                        int                *status);

G_END_DECLS
