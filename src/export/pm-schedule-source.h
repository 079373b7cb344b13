/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pm-work-item.h"

G_BEGIN_DECLS

/* Where a work schedule gets what departments record during the year: their
 * work items and their progress notes (实施情况) on key tasks. The project
 * file provides them (pm_schedule_source_new_for_store()); a schedule made
 * without a source lists the plans' tasks, indicators and key projects only.
 *
 * Implementations are called on the thread that builds the schedules, never
 * from an export's worker thread. */

#define PM_TYPE_SCHEDULE_SOURCE (pm_schedule_source_get_type ())
G_DECLARE_INTERFACE (PmScheduleSource, pm_schedule_source, PM, SCHEDULE_SOURCE, GObject)

struct _PmScheduleSourceInterface
{
  GTypeInterface parent_iface;

  /* (transfer full) (element-type PmWorkItem): the department's work
   * items for the year, in any order */
  GPtrArray *(*list_work_items)      (PmScheduleSource *self,
                                      const char       *department,
                                      int               year,
                                      GError          **error);
  /* (transfer full) (nullable): the department's latest progress note on
   * the task in year or before, and its year */
  char      *(*dup_progress_note)    (PmScheduleSource *self,
                                      const char       *task_code,
                                      const char       *department,
                                      int               year,
                                      int              *note_year,
                                      GError          **error);
};

GPtrArray *pm_schedule_source_list_work_items (PmScheduleSource *self,
                                               const char       *department,
                                               int               year,
                                               GError          **error);
char *pm_schedule_source_dup_progress_note (PmScheduleSource *self,
                                            const char       *task_code,
                                            const char       *department,
                                            int               year,
                                            int              *note_year,
                                            GError          **error);

G_END_DECLS
