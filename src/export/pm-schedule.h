/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pm-evaluation.h"
#include "pm-language.h"
#include "pm-schedule-source.h"
#include "pm-types.h"
#include "pm-work-item.h"

G_BEGIN_DECLS

/* A department's work schedule for a year (工作安排): what the plans ask of
 * it and what it has planned. A schedule is a snapshot of plain values,
 * made on the thread that owns the project, so that documents can be
 * written from any thread while the project changes. */

/* A key task the department leads or co-operates on. */
typedef struct
{
  char *code;               /* WT1.1 */
  char *plan;               /* the plan's name */
  guint section_number;
  char *section;
  char *title;
  char *text;               /* as printed, with its 责任单位 */
  PmRole role;
  char *lead_department;
  char *other_departments;  /* the others, in the plan's order, joined with 、 */
  GPtrArray *work_items;    /* of PmWorkItem: the department's, for this task and year, by due date */
  char *progress_note;      /* the latest 实施情况, or NULL */
  int progress_note_year;
} PmScheduleTask;

/* An indicator the department answers for. */
typedef struct
{
  char *code;
  char *name;
  char *domain;
  char *county_target;      /* as printed */
  PmAttribute attribute;
  PmRole role;
  char *other_departments;
  char *latest_value;       /* as printed or formatted; NULL when there is none */
  int latest_year;
  PmStatus status;
  char *explanation;
  gboolean missing_this_year;
} PmScheduleIndicator;

/* A key project (重点工程) the department takes part in. */
typedef struct
{
  char *code;
  char *name;
  char *box_title;
  PmRole role;
  char *other_departments;
} PmScheduleProject;

#define PM_TYPE_SCHEDULE (pm_schedule_get_type ())
G_DECLARE_FINAL_TYPE (PmSchedule, pm_schedule, PM, SCHEDULE, GObject)

PmSchedule *pm_schedule_new (PmProject        *project,
                             PmScheduleSource *source,
                             PmDepartment     *department,
                             int               year,
                             GDateTime        *exported_at,
                             GError          **error);

const char *pm_schedule_get_department (PmSchedule *self);
int pm_schedule_get_year (PmSchedule *self);
GDateTime *pm_schedule_get_exported_at (PmSchedule *self);
const char *const *pm_schedule_get_plan_names (PmSchedule *self);
GPtrArray *pm_schedule_get_tasks (PmSchedule *self);
guint pm_schedule_count_tasks (PmSchedule *self,
                               PmRole      role);
GPtrArray *pm_schedule_get_work_items (PmSchedule *self);
GPtrArray *pm_schedule_get_indicators (PmSchedule *self);
GPtrArray *pm_schedule_get_key_projects (PmSchedule *self);
const PmScheduleTask *pm_schedule_find_task (PmSchedule *self,
                                             const char *code);
PmLanguage pm_schedule_get_language (PmSchedule *self);
char *pm_schedule_dup_title (PmSchedule *self);

const char *pm_work_status_get_label (PmWorkStatus status,
                                      PmLanguage   lang);
const char *pm_role_get_label (PmRole     role,
                               PmLanguage lang);
int pm_work_item_compare_by_due (gconstpointer a,
                                 gconstpointer b);
char *pm_work_items_summarize (GPtrArray  *items,
                               gboolean    labels,
                               PmLanguage  lang);

G_END_DECLS
