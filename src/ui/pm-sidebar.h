/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pm-summary.h"
#include "pm-types.h"

G_BEGIN_DECLS

typedef enum
{
  PM_SIDEBAR_VIEW_PLANS,       /* plans → domains → indicators */
  PM_SIDEBAR_VIEW_DEPARTMENTS, /* departments → their indicators */
} PmSidebarView;

#define PM_TYPE_SIDEBAR (pm_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (PmSidebar, pm_sidebar, PM, SIDEBAR, AdwBin)

GtkWidget *pm_sidebar_new (void);
void pm_sidebar_set_project (PmSidebar *self,
                             PmProject *project);
void pm_sidebar_set_summary (PmSidebar *self,
                             PmSummary *summary);
PmSidebarView pm_sidebar_get_view (PmSidebar *self);
void pm_sidebar_set_view (PmSidebar     *self,
                          PmSidebarView  view);
void pm_sidebar_select_overview (PmSidebar *self);
gboolean pm_sidebar_select_indicator (PmSidebar   *self,
                                      PmIndicator *indicator);
PmIndicator *pm_sidebar_get_selected_indicator (PmSidebar *self);
void pm_sidebar_focus_search (PmSidebar *self);
void pm_sidebar_set_search_text (PmSidebar  *self,
                                 const char *text);
GListModel *pm_sidebar_get_rows (PmSidebar *self);
guint pm_sidebar_count_indicator_rows (PmSidebar *self);

G_END_DECLS
