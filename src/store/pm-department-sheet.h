/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pm-checks.h"
#include "pm-store.h"
#include "pm-types.h"

G_BEGIN_DECLS

/* What one department enters, without GTK: the indicators of both plans it
 * answers for (lead or co-operating; sub-rows that inherit it included), in
 * catalogue order, one row each, and the years of the current period as
 * columns; the key tasks it leads or co-operates on; pasting a block of
 * values, all or nothing; the checks of its values. The department page
 * shows it; the tests drive it headless. */

#define PM_DEPARTMENT_SHEET_BASELINE_YEAR 2020 /* shown; entered only where no 2011–2020 row gives it */
#define PM_DEPARTMENT_SHEET_FIRST_YEAR 2021
#define PM_DEPARTMENT_SHEET_LAST_YEAR 2030

/* A check of one of the department's values, and its confirmation. */
typedef struct
{
  PmCheck *check;
  PmRole role;          /* the department's part in the indicator */
  char *note;           /* the note it was confirmed with, or NULL: open */
  char *confirmed_by;
  GDateTime *confirmed_at;
} PmSheetCheck;

#define PM_TYPE_SHEET_CHECK (pm_sheet_check_get_type ())
GType pm_sheet_check_get_type (void) G_GNUC_CONST;
PmSheetCheck *pm_sheet_check_copy (const PmSheetCheck *self);
void pm_sheet_check_free (PmSheetCheck *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmSheetCheck, pm_sheet_check_free)

#define PM_TYPE_DEPARTMENT_SHEET (pm_department_sheet_get_type ())
G_DECLARE_FINAL_TYPE (PmDepartmentSheet, pm_department_sheet, PM, DEPARTMENT_SHEET, GObject)

PmDepartmentSheet *pm_department_sheet_new (PmStore      *store,
                                            PmDepartment *department);
PmStore *pm_department_sheet_get_store (PmDepartmentSheet *self);
PmDepartment *pm_department_sheet_get_department (PmDepartmentSheet *self);

guint pm_department_sheet_get_n_rows (PmDepartmentSheet *self);
PmIndicator *pm_department_sheet_get_indicator (PmDepartmentSheet *self,
                                                guint              row);
PmRole pm_department_sheet_get_role (PmDepartmentSheet *self,
                                     guint              row);
int pm_department_sheet_find_row (PmDepartmentSheet *self,
                                  const char        *code);
guint pm_department_sheet_count_lead_rows (PmDepartmentSheet *self);

GPtrArray *pm_department_sheet_list_tasks (PmDepartmentSheet *self);
PmRole pm_department_sheet_get_task_role (PmDepartmentSheet *self,
                                          PmTask            *task);

gboolean pm_department_sheet_can_edit (PmDepartmentSheet *self,
                                       guint              row,
                                       int                year,
                                       char             **why);
gboolean pm_department_sheet_paste (PmDepartmentSheet *self,
                                    guint              row,
                                    int                year,
                                    const char        *text,
                                    guint             *n_written,
                                    GError           **error);

GPtrArray *pm_department_sheet_list_checks (PmDepartmentSheet *self,
                                            int                year,
                                            GError           **error);
GPtrArray *pm_department_sheet_checks_for_cell (PmDepartmentSheet *self,
                                                guint              row,
                                                int                year,
                                                GError           **error);

G_END_DECLS
