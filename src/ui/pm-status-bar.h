/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pm-evaluation.h"

G_BEGIN_DECLS

/* A bar split by status, each part as wide as its count, in the status
 * colours of the stylesheet. */
#define PM_TYPE_STATUS_BAR (pm_status_bar_get_type ())
G_DECLARE_FINAL_TYPE (PmStatusBar, pm_status_bar, PM, STATUS_BAR, GtkWidget)

GtkWidget *pm_status_bar_new (void);
void pm_status_bar_set_counts (PmStatusBar *self,
                               const guint *counts);

G_END_DECLS
