/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pm-schedule-source.h"
#include "pm-store.h"

G_BEGIN_DECLS

/* The project file as the source of a schedule's work items and progress
 * notes. */

#define PM_TYPE_SCHEDULE_STORE_SOURCE (pm_schedule_store_source_get_type ())
G_DECLARE_FINAL_TYPE (PmScheduleStoreSource, pm_schedule_store_source, PM, SCHEDULE_STORE_SOURCE,
                      GObject)

PmScheduleSource *pm_schedule_source_new_for_store (PmStore *store);

G_END_DECLS
