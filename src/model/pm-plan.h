/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pm-types.h"

G_BEGIN_DECLS

#define PM_TYPE_PLAN (pm_plan_get_type ())
G_DECLARE_FINAL_TYPE (PmPlan, pm_plan, PM, PLAN, GObject)

PmPlan *pm_plan_new (const char *key,
                     const char *name,
                     const char *previous_name);
const char *pm_plan_get_key (PmPlan *self);
const char *pm_plan_get_name (PmPlan *self);
const char *pm_plan_get_previous_name (PmPlan *self);
GListModel *pm_plan_get_domains (PmPlan *self);
PmDomain *pm_plan_find_domain (PmPlan     *self,
                               const char *name);
PmDomain *pm_plan_add_domain (PmPlan     *self,
                              const char *name);
GListModel *pm_plan_get_indicators (PmPlan  *self,
                                    PmPeriod period);
void pm_plan_add_indicator (PmPlan      *self,
                            PmIndicator *indicator);

G_END_DECLS
