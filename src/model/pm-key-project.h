/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pm-types.h"

G_BEGIN_DECLS

#define PM_TYPE_KEY_PROJECT (pm_key_project_get_type ())
G_DECLARE_FINAL_TYPE (PmKeyProject, pm_key_project, PM, KEY_PROJECT, GObject)

PmKeyProject *pm_key_project_new (PmPlan     *plan,
                                  guint       box_number,
                                  const char *box_title,
                                  guint       index,
                                  const char *name,
                                  const char *text);
const char *pm_key_project_get_code (PmKeyProject *self);
PmPlan *pm_key_project_get_plan (PmKeyProject *self);
guint pm_key_project_get_box_number (PmKeyProject *self);
const char *pm_key_project_get_box_title (PmKeyProject *self);
const char *pm_key_project_get_name (PmKeyProject *self);
const char *pm_key_project_get_text (PmKeyProject *self);
GListModel *pm_key_project_get_departments (PmKeyProject *self);
void pm_key_project_add_department (PmKeyProject *self,
                                    PmDepartment *department);

G_END_DECLS
