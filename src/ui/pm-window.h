/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pm-types.h"

G_BEGIN_DECLS

#define PM_TYPE_WINDOW (pm_window_get_type ())
G_DECLARE_FINAL_TYPE (PmWindow, pm_window, PM, WINDOW, AdwApplicationWindow)

PmWindow *pm_window_new (GtkApplication *application);
void pm_window_set_project (PmWindow  *self,
                            PmProject *project);
PmProject *pm_window_get_project (PmWindow *self);
GtkColumnView *pm_window_get_view (PmWindow *self);

G_END_DECLS
