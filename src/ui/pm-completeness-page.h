/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pm-completeness.h"
#include "pm-store.h"

G_BEGIN_DECLS

/* For the office: every department and year, with where its report stands,
 * how many values it gave of those expected, its open checks and its last
 * change; sortable by any column; a row opens the department. */
#define PM_TYPE_COMPLETENESS_PAGE (pm_completeness_page_get_type ())
G_DECLARE_FINAL_TYPE (PmCompletenessPage, pm_completeness_page, PM, COMPLETENESS_PAGE, AdwBin)

GtkWidget *pm_completeness_page_new (void);
void pm_completeness_page_set_store (PmCompletenessPage *self,
                                     PmStore            *store);
void pm_completeness_page_set_year (PmCompletenessPage *self,
                                    int                 year);
void pm_completeness_page_refresh (PmCompletenessPage *self);

GListModel *pm_completeness_page_get_rows (PmCompletenessPage *self);
const PmCompletenessRow *pm_completeness_page_get_row (PmCompletenessPage *self,
                                                       guint               position);
GtkColumnView *pm_completeness_page_get_column_view (PmCompletenessPage *self);
void pm_completeness_page_activate_row (PmCompletenessPage *self,
                                        guint               position);

G_END_DECLS
