/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pm-types.h"

G_BEGIN_DECLS

/* The columns of the catalogue, in order. */
extern const char *const pm_catalogue_columns[];
#define PM_CATALOGUE_N_COLUMNS 17

GPtrArray *pm_catalogue_row (PmIndicator *indicator);
char *pm_catalogue_to_csv (PmProject *project);
gboolean pm_catalogue_export (PmProject  *project,
                              const char *path,
                              GError    **error);

G_END_DECLS
