/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pm-types.h"

G_BEGIN_DECLS

#define PM_TYPE_INDICATOR (pm_indicator_get_type ())
G_DECLARE_FINAL_TYPE (PmIndicator, pm_indicator, PM, INDICATOR, GObject)

PmIndicator *pm_indicator_new (const char *code,
                               PmPeriod    period,
                               PmPlan     *plan);

const char *pm_indicator_get_code (PmIndicator *self);
PmPeriod pm_indicator_get_period (PmIndicator *self);
PmPlan *pm_indicator_get_plan (PmIndicator *self);
PmDomain *pm_indicator_get_domain (PmIndicator *self);
const char *pm_indicator_get_number (PmIndicator *self);
const char *pm_indicator_get_parent_code (PmIndicator *self);
const char *pm_indicator_get_name (PmIndicator *self);
const char *pm_indicator_get_unit (PmIndicator *self);
const char *pm_indicator_get_city_target (PmIndicator *self);
const char *pm_indicator_get_county_target (PmIndicator *self);
PmAttribute pm_indicator_get_attribute (PmIndicator *self);
gboolean pm_indicator_get_inherited (PmIndicator *self);
GListModel *pm_indicator_get_departments (PmIndicator *self);
PmDepartment *pm_indicator_get_lead_department (PmIndicator *self);
char *pm_indicator_dup_departments_label (PmIndicator *self,
                                          const char  *separator);
PmRole pm_indicator_get_role (PmIndicator  *self,
                              PmDepartment *department,
                              gboolean     *involved);
PmIndicator *pm_indicator_get_predecessor (PmIndicator *self);
const char *pm_indicator_get_predecessor_note (PmIndicator *self);
const char *pm_indicator_get_note (PmIndicator *self);
double pm_indicator_get_value_2010 (PmIndicator *self);
const char *pm_indicator_get_value_2010_text (PmIndicator *self);
const char *pm_indicator_get_target_2020 (PmIndicator *self);
double pm_indicator_get_value_2020 (PmIndicator *self);
const char *pm_indicator_get_value_2020_text (PmIndicator *self);
const char *pm_indicator_get_printed_value (PmIndicator *self,
                                            int          year);
GListModel *pm_indicator_get_observations (PmIndicator *self);
PmObservation *pm_indicator_find_observation (PmIndicator *self,
                                              int          year,
                                              const char  *area);

/* Setters used when a project is built (template, project file). */
void pm_indicator_set_domain (PmIndicator *self,
                              PmDomain    *domain);
void pm_indicator_set_number (PmIndicator *self,
                              const char  *number);
void pm_indicator_set_parent_code (PmIndicator *self,
                                   const char  *parent_code);
void pm_indicator_set_name (PmIndicator *self,
                            const char  *name);
void pm_indicator_set_unit (PmIndicator *self,
                            const char  *unit);
void pm_indicator_set_targets (PmIndicator *self,
                               const char  *city_target,
                               const char  *county_target);
void pm_indicator_set_attribute (PmIndicator *self,
                                 PmAttribute  attribute,
                                 gboolean     inherited);
void pm_indicator_add_department (PmIndicator  *self,
                                  PmDepartment *department);
void pm_indicator_set_predecessor (PmIndicator *self,
                                   PmIndicator *predecessor,
                                   const char  *note);
void pm_indicator_set_note (PmIndicator *self,
                            const char  *note);
void pm_indicator_set_previous_results (PmIndicator *self,
                                        double       value_2010,
                                        const char  *value_2010_text,
                                        const char  *target_2020,
                                        double       value_2020,
                                        const char  *value_2020_text);
void pm_indicator_put_observation (PmIndicator   *self,
                                   PmObservation *observation);
void pm_indicator_put_observations (PmIndicator    *self,
                                    PmObservation **observations,
                                    guint           n_observations);
gboolean pm_indicator_remove_observation (PmIndicator *self,
                                          int          year,
                                          const char  *area);

G_END_DECLS
