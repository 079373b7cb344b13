/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pm-department-grid.h"
#include "pm-department-tasks.h"
#include "pm-store.h"

G_BEGIN_DECLS

/* One department's report for a year: its values (the grid, with the list
 * of checks), its key tasks with progress notes and work items, and where
 * the report stands, with the steps submit, accept, return and unlock. */
#define PM_TYPE_DEPARTMENT_PAGE (pm_department_page_get_type ())
G_DECLARE_FINAL_TYPE (PmDepartmentPage, pm_department_page, PM, DEPARTMENT_PAGE, AdwBin)

GtkWidget *pm_department_page_new (void);
void pm_department_page_set_store (PmDepartmentPage *self,
                                   PmStore          *store);
void pm_department_page_set_department (PmDepartmentPage *self,
                                        PmDepartment     *department);
PmDepartment *pm_department_page_get_department (PmDepartmentPage *self);
void pm_department_page_set_year (PmDepartmentPage *self,
                                  int               year);
int pm_department_page_get_year (PmDepartmentPage *self);
void pm_department_page_refresh (PmDepartmentPage *self);

PmDepartmentGrid *pm_department_page_get_grid (PmDepartmentPage *self);
PmDepartmentTasks *pm_department_page_get_tasks (PmDepartmentPage *self);
const char *pm_department_page_get_status_text (PmDepartmentPage *self);
const char *pm_department_page_get_message (PmDepartmentPage *self);
guint pm_department_page_get_n_checks (PmDepartmentPage *self);

gboolean pm_department_page_submit (PmDepartmentPage *self,
                                    GError          **error);
gboolean pm_department_page_accept (PmDepartmentPage *self,
                                    GError          **error);
gboolean pm_department_page_return (PmDepartmentPage *self,
                                    const char       *comment,
                                    GError          **error);
gboolean pm_department_page_unlock (PmDepartmentPage *self,
                                    const char       *reason,
                                    GError          **error);
gboolean pm_department_page_confirm_check (PmDepartmentPage *self,
                                           guint             index,
                                           const char       *note,
                                           GError          **error);

G_END_DECLS
