/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pm-summary.h"
#include "pm-types.h"

G_BEGIN_DECLS

/* How the plans stand in the chosen year: counts by status and attainment
 * rates per plan and domain, the binding indicators not achieved, every
 * indicator with filters, and the previous plans' final result. */
#define PM_TYPE_OVERVIEW_PAGE (pm_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (PmOverviewPage, pm_overview_page, PM, OVERVIEW_PAGE, AdwBin)

GtkWidget *pm_overview_page_new (void);
void pm_overview_page_set_project (PmOverviewPage *self,
                                   PmProject      *project);
void pm_overview_page_set_summaries (PmOverviewPage *self,
                                     PmSummary      *summary,
                                     PmSummary      *previous);
void pm_overview_page_set_filters (PmOverviewPage *self,
                                   int             status,
                                   PmAttribute     attribute,
                                   PmDepartment   *department);
guint pm_overview_page_get_n_shown (PmOverviewPage *self);
guint pm_overview_page_get_n_binding_not_achieved (PmOverviewPage *self);

G_END_DECLS
