/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pm-schedule-export.h"
#include "pm-window.h"

G_BEGIN_DECLS

/* What the dialog exports. */
typedef enum
{
  PM_SCHEDULE_DIALOG_SCHEDULES,     /* the departments' work schedules */
  PM_SCHEDULE_DIALOG_TASK_DIVISION, /* the county-wide task-division table */
} PmScheduleDialogKind;

#define PM_TYPE_SCHEDULE_DIALOG (pm_schedule_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PmScheduleDialog, pm_schedule_dialog, PM, SCHEDULE_DIALOG, AdwWindow)

PmScheduleDialog *pm_schedule_dialog_new (PmWindow             *window,
                                          PmScheduleDialogKind  kind);

/* What the controls hold; the setters are for tests and do what a person
 * does in the dialog (the destination without the file chooser). */
int pm_schedule_dialog_get_year (PmScheduleDialog *self);
void pm_schedule_dialog_set_year (PmScheduleDialog *self,
                                  int               year);
PmExportFormat pm_schedule_dialog_get_format (PmScheduleDialog *self);
void pm_schedule_dialog_set_format (PmScheduleDialog *self,
                                    PmExportFormat    format);
void pm_schedule_dialog_set_destination (PmScheduleDialog *self,
                                         const char       *path,
                                         gboolean          folder);
const char *pm_schedule_dialog_get_destination (PmScheduleDialog *self);
void pm_schedule_dialog_choose_all (PmScheduleDialog *self,
                                    gboolean          chosen);
gboolean pm_schedule_dialog_choose_department (PmScheduleDialog *self,
                                               const char       *name,
                                               gboolean          chosen);
guint pm_schedule_dialog_get_n_chosen (PmScheduleDialog *self);
void pm_schedule_dialog_set_search_text (PmScheduleDialog *self,
                                         const char       *text);
guint pm_schedule_dialog_get_n_shown (PmScheduleDialog *self);
gboolean pm_schedule_dialog_can_export (PmScheduleDialog *self);
gboolean pm_schedule_dialog_export (PmScheduleDialog *self);

G_END_DECLS
