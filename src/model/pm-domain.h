/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pm-types.h"

G_BEGIN_DECLS

#define PM_TYPE_DOMAIN (pm_domain_get_type ())
G_DECLARE_FINAL_TYPE (PmDomain, pm_domain, PM, DOMAIN, GObject)

PmDomain *pm_domain_new (PmPlan     *plan,
                         const char *name,
                         guint       position);
const char *pm_domain_get_name (PmDomain *self);
guint pm_domain_get_position (PmDomain *self);
PmPlan *pm_domain_get_plan (PmDomain *self);
GListModel *pm_domain_get_indicators (PmDomain *self);
void pm_domain_add_indicator (PmDomain    *self,
                              PmIndicator *indicator);

G_END_DECLS
