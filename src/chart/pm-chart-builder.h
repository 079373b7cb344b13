/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pm-chart-data.h"
#include "pm-chart.h"
#include "pm-types.h"

G_BEGIN_DECLS

/* The charts of a project: the plain chart input filled from the model
 * and its evaluation (src/eval) as of a year. */

int pm_chart_default_year (PmProject *project);

PmTrendData *pm_trend_data_new_for_indicator (PmProject   *project,
                                              PmIndicator *indicator,
                                              int          year);
PmChart *pm_chart_new_for_indicator (PmProject   *project,
                                     PmIndicator *indicator,
                                     int          year);
PmChart *pm_chart_new_for_indicators (PmProject    *project,
                                      PmIndicator **indicators,
                                      guint         n_indicators,
                                      int           year,
                                      GError      **error);
PmChart *pm_chart_new_for_domain (PmProject *project,
                                  PmDomain  *domain,
                                  int        year);
PmChart *pm_chart_new_status_summary (PmProject *project,
                                      PmPlan    *plan,
                                      int        year);

G_END_DECLS
