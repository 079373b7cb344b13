/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pm-department-sheet.h"

G_BEGIN_DECLS

/* A department's key tasks (every one it leads or co-operates on, with
 * its full text), its progress note (实施情况) on each for the report's year,
 * and its work items for the next year, added, edited, reordered and
 * deleted in place. Everything is written to the project at once. */
#define PM_TYPE_DEPARTMENT_TASKS (pm_department_tasks_get_type ())
G_DECLARE_FINAL_TYPE (PmDepartmentTasks, pm_department_tasks, PM, DEPARTMENT_TASKS, GtkWidget)

GtkWidget *pm_department_tasks_new (void);
void pm_department_tasks_set_sheet (PmDepartmentTasks *self,
                                    PmDepartmentSheet *sheet);
void pm_department_tasks_set_year (PmDepartmentTasks *self,
                                   int                year);
int pm_department_tasks_get_work_year (PmDepartmentTasks *self);
void pm_department_tasks_refresh (PmDepartmentTasks *self);

guint pm_department_tasks_get_n_tasks (PmDepartmentTasks *self);
GtkTextView *pm_department_tasks_get_note_view (PmDepartmentTasks *self,
                                                const char        *task_code);
gboolean pm_department_tasks_save_note (PmDepartmentTasks *self,
                                        const char        *task_code);
gint64 pm_department_tasks_add_work_item (PmDepartmentTasks *self,
                                          const char        *task_code);
GtkWidget *pm_department_tasks_get_work_item_row (PmDepartmentTasks *self,
                                                  gint64             id);

G_END_DECLS
