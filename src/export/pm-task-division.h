/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pm-schedule-export.h"
#include "pm-schedule-source.h"
#include "pm-types.h"
#include "pm-work-item.h"

G_BEGIN_DECLS

/* The county-wide task-division table (任务分工表): every key task of both
 * plans with its lead and co-operating departments, and the work items the
 * departments have entered for it in a year, by state. Like a schedule, a
 * snapshot of plain values. */

typedef struct
{
  char *code;
  char *plan;
  guint section_number;
  char *section;
  char *title;
  char *lead_department;
  char *cooperating_departments;  /* joined with 、 */
  guint n_work_items;
  guint by_status[PM_WORK_STATUS_CANCELLED + 1];
} PmTaskDivisionRow;

#define PM_TASK_DIVISION_N_COLUMNS 13
extern const char *const pm_task_division_csv_columns[PM_TASK_DIVISION_N_COLUMNS];

#define PM_TYPE_TASK_DIVISION (pm_task_division_get_type ())
G_DECLARE_FINAL_TYPE (PmTaskDivision, pm_task_division, PM, TASK_DIVISION, GObject)

PmTaskDivision *pm_task_division_new (PmProject        *project,
                                      PmScheduleSource *source,
                                      int               year,
                                      GDateTime        *exported_at,
                                      GError          **error);
int pm_task_division_get_year (PmTaskDivision *self);
GPtrArray *pm_task_division_get_rows (PmTaskDivision *self);
const char *const *pm_task_division_get_plan_names (PmTaskDivision *self);
char *pm_task_division_to_csv (PmTaskDivision *self);
gboolean pm_task_division_write (PmTaskDivision *self,
                                 const char     *path,
                                 GCancellable   *cancellable,
                                 GError        **error);

G_END_DECLS
