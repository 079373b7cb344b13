/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pm-chart.h"
#include "pm-evaluation.h"
#include "pm-store.h"
#include "pm-types.h"
#include "pm-value-row.h"

G_BEGIN_DECLS

/* One indicator: its chart, card, status, key tasks and values by year,
 * which a person enters and corrects here. */
#define PM_TYPE_INDICATOR_PAGE (pm_indicator_page_get_type ())
G_DECLARE_FINAL_TYPE (PmIndicatorPage, pm_indicator_page, PM, INDICATOR_PAGE, AdwBin)

GtkWidget *pm_indicator_page_new (void);
void pm_indicator_page_set_store (PmIndicatorPage *self,
                                  PmStore         *store);
void pm_indicator_page_set_project (PmIndicatorPage *self,
                                    PmProject       *project);
void pm_indicator_page_set_year (PmIndicatorPage *self,
                                 int              year);
void pm_indicator_page_set_editable (PmIndicatorPage *self,
                                     gboolean         editable);
void pm_indicator_page_set_indicator (PmIndicatorPage *self,
                                      PmIndicator     *indicator);
PmIndicator *pm_indicator_page_get_indicator (PmIndicatorPage *self);
void pm_indicator_page_refresh (PmIndicatorPage *self);

PmChart *pm_indicator_page_get_chart (PmIndicatorPage *self);
PmEvaluation *pm_indicator_page_get_evaluation (PmIndicatorPage *self);
const char *pm_indicator_page_get_title (PmIndicatorPage *self);
const char *pm_indicator_page_get_status_text (PmIndicatorPage *self);
PmValueRow *pm_indicator_page_get_value_row (PmIndicatorPage *self,
                                             int              year);
guint pm_indicator_page_get_n_tasks (PmIndicatorPage *self);
GtkWidget *pm_indicator_page_get_chart_view (PmIndicatorPage *self);
void pm_indicator_page_show_history (PmIndicatorPage *self,
                                     int              year);

G_END_DECLS
