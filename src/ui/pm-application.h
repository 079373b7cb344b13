/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PM_TYPE_APPLICATION (pm_application_get_type ())
G_DECLARE_FINAL_TYPE (PmApplication, pm_application, PM, APPLICATION, AdwApplication)

PmApplication *pm_application_new (void);
int pm_application_run_with_project (PmApplication *self,
                                     const char    *project_path);

G_END_DECLS
