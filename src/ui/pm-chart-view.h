/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pm-chart.h"

G_BEGIN_DECLS

/* Shows a chart of src/chart at the widget's size, in the light or dark
 * screen style of the window. */
#define PM_TYPE_CHART_VIEW (pm_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (PmChartView, pm_chart_view, PM, CHART_VIEW, GtkWidget)

GtkWidget *pm_chart_view_new (void);
PmChart *pm_chart_view_get_chart (PmChartView *self);
void pm_chart_view_set_chart (PmChartView *self,
                              PmChart     *chart);
guint pm_chart_view_get_n_draws (PmChartView *self);

G_END_DECLS
