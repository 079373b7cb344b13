/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pm-evaluation.h"
#include "pm-types.h"

G_BEGIN_DECLS

/* Small helpers shared by the widgets of the window. */

/* The first and last year of the values table and of the evaluation year. */
#define PM_UI_FIRST_YEAR 2010
#define PM_UI_LAST_YEAR 2030
#define PM_UI_FIRST_EVALUATION_YEAR 2021

int pm_ui_default_evaluation_year (void);
int pm_ui_resolve_evaluation_year (int setting);

const char *pm_ui_status_css_class (PmStatus status);
void pm_ui_set_status_class (GtkWidget *widget,
                             PmStatus   status);
void pm_ui_clear_status_class (GtkWidget *widget);

char *pm_ui_format_number (double value);
char *pm_ui_format_rate (double rate);

char *pm_ui_fold (const char *text);
gboolean pm_ui_indicator_matches (PmIndicator   *indicator,
                                  const char    *folded_query,
                                  PmDepartment **matched_department);

GPtrArray *pm_ui_list_domain_tasks (PmProject   *project,
                                    PmIndicator *indicator);

char *pm_ui_dup_display_path (const char *path);
void pm_ui_set_tooltip (GtkWidget  *widget,
                        const char *text);

void pm_ui_show_error_dialog (GtkWidget    *parent,
                              const char   *heading,
                              const GError *error);

void pm_ui_set_menu_when_opened (GtkMenuButton *button,
                                 GMenuModel    *menu);

/* With PM_REPORT_FIRST_FRAME set, prints "stage <what> <µs>" (monotonic
 * clock) on standard output: the launch benchmark shows where time goes. */
void pm_ui_report_stage (const char *what);

G_END_DECLS
