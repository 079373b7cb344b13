/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pm-department-sheet.h"

G_BEGIN_DECLS

/* A department's values as a spreadsheet: one row per indicator of its
 * sheet, the code, name, part (lead or co-operating), attribute and county
 * target in columns that stay put, then the 2020 baseline (read-only) and
 * the years 2021–2030 (earlier years on request), scrolling sideways.
 *
 * Keyboard first: typing starts editing a cell, Enter and Tab store it and
 * move down or right, the arrow keys move, Delete clears, F2 edits the
 * value, Ctrl+V pastes a block copied from a spreadsheet (all or nothing),
 * Ctrl+J (or the context menu) records a judgement of a manual target.
 * A value goes through the editor of the indicator page
 * (pm_value_edit_store ()). */
#define PM_TYPE_DEPARTMENT_GRID (pm_department_grid_get_type ())
G_DECLARE_FINAL_TYPE (PmDepartmentGrid, pm_department_grid, PM, DEPARTMENT_GRID, GtkWidget)

GtkWidget *pm_department_grid_new (void);
void pm_department_grid_set_sheet (PmDepartmentGrid  *self,
                                   PmDepartmentSheet *sheet);
PmDepartmentSheet *pm_department_grid_get_sheet (PmDepartmentGrid *self);
void pm_department_grid_set_show_earlier (PmDepartmentGrid *self,
                                          gboolean          show);
gboolean pm_department_grid_get_show_earlier (PmDepartmentGrid *self);
void pm_department_grid_refresh (PmDepartmentGrid *self);

void pm_department_grid_set_cursor (PmDepartmentGrid *self,
                                    guint             row,
                                    int               year);
void pm_department_grid_get_cursor (PmDepartmentGrid *self,
                                    guint            *row,
                                    int              *year);
gboolean pm_department_grid_is_editing (PmDepartmentGrid *self);
GtkEditable *pm_department_grid_get_editor (PmDepartmentGrid *self);
GtkWidget *pm_department_grid_get_cell (PmDepartmentGrid *self,
                                        guint             row,
                                        int               year);
const char *pm_department_grid_get_cell_text (PmDepartmentGrid *self,
                                              guint             row,
                                              int               year);

gboolean pm_department_grid_paste_text (PmDepartmentGrid *self,
                                        const char       *text);
gboolean pm_department_grid_judge (PmDepartmentGrid *self,
                                   const char       *judgement);
const char *pm_department_grid_get_message (PmDepartmentGrid *self);

G_END_DECLS
