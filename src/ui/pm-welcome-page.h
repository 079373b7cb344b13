/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* What the window shows with no project: New, Open, and the recent ones. */
#define PM_TYPE_WELCOME_PAGE (pm_welcome_page_get_type ())
G_DECLARE_FINAL_TYPE (PmWelcomePage, pm_welcome_page, PM, WELCOME_PAGE, AdwBin)

GtkWidget *pm_welcome_page_new (void);
void pm_welcome_page_set_recent (PmWelcomePage     *self,
                                 const char *const *paths);
guint pm_welcome_page_get_n_recent (PmWelcomePage *self);
void pm_welcome_page_focus_default (PmWelcomePage *self);

G_END_DECLS
