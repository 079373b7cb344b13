/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pm-store.h"
#include "pm-types.h"

G_BEGIN_DECLS

/* The changes of one value, newest first: old, new, when, who. */
#define PM_TYPE_HISTORY_DIALOG (pm_history_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PmHistoryDialog, pm_history_dialog, PM, HISTORY_DIALOG, AdwWindow)

GtkWidget *pm_history_dialog_new (GtkWindow   *parent,
                                  PmStore     *store,
                                  PmIndicator *indicator,
                                  int          year);
guint pm_history_dialog_get_n_entries (PmHistoryDialog *self);
const char *pm_history_dialog_get_verification_text (PmHistoryDialog *self);

G_END_DECLS
