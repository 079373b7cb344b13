/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pm-types.h"

G_BEGIN_DECLS

#define PM_TYPE_TASK (pm_task_get_type ())
G_DECLARE_FINAL_TYPE (PmTask, pm_task, PM, TASK, GObject)

PmTask *pm_task_new (PmPlan     *plan,
                     guint       section_number,
                     const char *section,
                     guint       number,
                     const char *title,
                     const char *text,
                     const char *department_label);
const char *pm_task_get_code (PmTask *self);
PmPlan *pm_task_get_plan (PmTask *self);
guint pm_task_get_section_number (PmTask *self);
const char *pm_task_get_section (PmTask *self);
guint pm_task_get_number (PmTask *self);
const char *pm_task_get_title (PmTask *self);
const char *pm_task_get_text (PmTask *self);
const char *pm_task_get_department_label (PmTask *self);
PmDomain *pm_task_get_domain (PmTask *self);
void pm_task_set_domain (PmTask   *self,
                         PmDomain *domain);
GListModel *pm_task_get_departments (PmTask *self);
void pm_task_add_department (PmTask       *self,
                             PmDepartment *department);

G_END_DECLS
