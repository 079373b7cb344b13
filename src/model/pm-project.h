/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pm-language.h"
#include "pm-types.h"

G_BEGIN_DECLS

#define PM_TYPE_PROJECT (pm_project_get_type ())
G_DECLARE_FINAL_TYPE (PmProject, pm_project, PM, PROJECT, GObject)

PmProject *pm_project_new (void);
PmProject *pm_project_new_from_template (GError **error);

const char *pm_project_get_title (PmProject *self);
void pm_project_set_title (PmProject  *self,
                           const char *title);
const char *pm_project_get_document (PmProject *self);
const char *pm_project_get_issued_by (PmProject *self);
const char *pm_project_get_issued_on (PmProject *self);
void pm_project_set_source (PmProject  *self,
                            const char *document,
                            const char *issued_by,
                            const char *issued_on);

/* The language its documents are written in (zh_CN unless set): a setting
 * kept in the project file (pm_store_set_document_language ()). */
PmLanguage pm_project_get_document_language (PmProject *self);
void pm_project_set_document_language (PmProject  *self,
                                       PmLanguage  language);

GListModel *pm_project_get_plans (PmProject *self);
GListModel *pm_project_get_departments (PmProject *self);
GListModel *pm_project_get_indicators (PmProject *self);
GListModel *pm_project_get_tasks (PmProject *self);
GListModel *pm_project_get_key_projects (PmProject *self);

PmPlan *pm_project_find_plan (PmProject  *self,
                              const char *key);
PmDepartment *pm_project_find_department (PmProject  *self,
                                          const char *name);
PmIndicator *pm_project_find_indicator (PmProject  *self,
                                        const char *code);
PmTask *pm_project_find_task (PmProject  *self,
                              const char *code);
PmKeyProject *pm_project_find_key_project (PmProject  *self,
                                           const char *code);

PmPlan *pm_project_add_plan (PmProject  *self,
                             const char *key,
                             const char *name,
                             const char *previous_name);
PmDepartment *pm_project_add_department (PmProject  *self,
                                         const char *name);
gboolean pm_project_add_indicator (PmProject   *self,
                                   PmIndicator *indicator,
                                   GError     **error);
void pm_project_add_task (PmProject *self,
                          PmTask    *task);
void pm_project_add_key_project (PmProject    *self,
                                 PmKeyProject *key_project);

GPtrArray *pm_project_list_department_indicators (PmProject    *self,
                                                  PmDepartment *department);
GPtrArray *pm_project_list_department_tasks (PmProject    *self,
                                             PmDepartment *department);

G_END_DECLS
