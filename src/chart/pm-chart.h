/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "pm-chart-data.h"
#include "pm-chart-layout.h"
#include "pm-chart-types.h"

G_BEGIN_DECLS

typedef enum
{
  PM_CHART_KIND_TREND,
  PM_CHART_KIND_COMPARISON,
  PM_CHART_KIND_OVERVIEW,
  PM_CHART_KIND_SUMMARY,
} PmChartKind;

/* One chart of any kind with its data: what the window shows, a file, a
 * page of a booklet and the clipboard all draw through pm_chart_draw (). */
#define PM_TYPE_CHART (pm_chart_get_type ())
G_DECLARE_FINAL_TYPE (PmChart, pm_chart, PM, CHART, GObject)

PmChart *pm_chart_new_trend (const PmTrendData *data);
PmChart *pm_chart_new_comparison (const char          *title,
                                  PmTrendData * const *series,
                                  guint                n_series);
PmChart *pm_chart_new_overview (const char          *title,
                                const char          *subtitle,
                                PmTrendData * const *charts,
                                guint                n_charts);
PmChart *pm_chart_new_summary (const PmSummaryData *data);

PmChartKind pm_chart_get_kind (PmChart *self);
const char *pm_chart_get_title (PmChart *self);
const PmTrendData *pm_chart_get_trend (PmChart *self);
guint pm_chart_get_n_series (PmChart *self);
const PmTrendData *pm_chart_get_series (PmChart *self,
                                        guint    index);

void pm_chart_draw (PmChart       *self,
                    cairo_t       *cr,
                    PmChartStyle   style,
                    double         width,
                    double         height,
                    PmChartLayout *layout);

G_END_DECLS
