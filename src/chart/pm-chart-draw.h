/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "pm-chart-data.h"
#include "pm-chart-layout.h"
#include "pm-chart-types.h"

G_BEGIN_DECLS

/* Every chart draws onto any cairo_t, in its user units, from (0, 0) to
 * (width, height): a window, an image, an SVG or PDF file, a printed page.
 * layout, when given, records what was drawn (see pm-chart-layout.h). */

void pm_chart_draw_trend (cairo_t           *cr,
                          const PmTrendData *data,
                          PmChartStyle       style,
                          double             width,
                          double             height,
                          PmChartLayout     *layout);

void pm_chart_draw_comparison (cairo_t            *cr,
                               const char         *title,
                               PmTrendData * const *series,
                               guint               n_series,
                               PmChartStyle        style,
                               double              width,
                               double              height,
                               PmChartLayout      *layout);

void pm_chart_draw_overview (cairo_t            *cr,
                             const char         *title,
                             const char         *subtitle,
                             PmTrendData * const *charts,
                             guint               n_charts,
                             PmChartStyle        style,
                             double              width,
                             double              height,
                             PmChartLayout      *layout);

void pm_chart_draw_summary (cairo_t             *cr,
                            const PmSummaryData *data,
                            PmChartStyle         style,
                            double               width,
                            double               height,
                            PmChartLayout       *layout);

G_END_DECLS
