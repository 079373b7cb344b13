/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pm-types.h"

G_BEGIN_DECLS

#define PM_TEMPLATE_RESOURCE "/io/github/planmonitor/PlanMonitor/template/plans.json"
#define PM_TEMPLATE_FORMAT 1

GBytes *pm_template_get_default_bytes (void);
PmProject *pm_template_load_default (GError **error);
PmProject *pm_template_load_from_bytes (GBytes  *bytes,
                                        GError **error);

G_END_DECLS
