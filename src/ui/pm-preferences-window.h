/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The name recorded in history and the evaluation year (GSettings). */
#define PM_TYPE_PREFERENCES_WINDOW (pm_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (PmPreferencesWindow, pm_preferences_window, PM, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *pm_preferences_window_new (GtkWindow *parent);

G_END_DECLS
