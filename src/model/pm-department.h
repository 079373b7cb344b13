/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pm-types.h"

G_BEGIN_DECLS

#define PM_TYPE_DEPARTMENT (pm_department_get_type ())
G_DECLARE_FINAL_TYPE (PmDepartment, pm_department, PM, DEPARTMENT, GObject)

PmDepartment *pm_department_new (const char *name,
                                 guint       position);
const char *pm_department_get_name (PmDepartment *self);
guint pm_department_get_position (PmDepartment *self);

G_END_DECLS

G_BEGIN_DECLS
char *pm_departments_join (GListModel *departments,
                           const char *separator);
G_END_DECLS
