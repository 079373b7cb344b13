/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pm-window.h"

G_BEGIN_DECLS

/* The window's department page and completeness page (issue 7). The pages
 * are made when first shown. */
void pm_window_class_add_department_actions (GtkWidgetClass *widget_class);
void pm_window_department_init (PmWindow *self);
void pm_window_department_set_store (PmWindow *self,
                                     PmStore  *store);

gboolean pm_window_show_department (PmWindow   *self,
                                    const char *name,
                                    int         year);
gboolean pm_window_show_completeness (PmWindow *self);
GtkWidget *pm_window_get_department_page (PmWindow *self);
GtkWidget *pm_window_get_completeness_page (PmWindow *self);

G_END_DECLS
