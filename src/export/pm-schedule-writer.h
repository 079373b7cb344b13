/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pm-pdf-document.h"
#include "pm-schedule.h"

G_BEGIN_DECLS

/* Writing work schedules (PmSchedule) as documents. Several schedules go
 * into one document: in a PDF each starts on a new page with its own page
 * numbers; in a workbook each has its own sheet; in a CSV the rows of all
 * follow each other, each row naming its department.
 *
 * The rows of the CSV (and of a sheet, less the department and year): each
 * key task the department leads, then each it co-operates on, each followed
 * by its work items; the work items of no listed task; the indicators; the
 * key projects. */

#define PM_SCHEDULE_N_COLUMNS 20
extern const char *const pm_schedule_csv_columns[PM_SCHEDULE_N_COLUMNS];

/* Called with the fraction done (0 to 1) and what is being done. */
typedef void (*PmExportProgressFunc) (double      fraction,
                                      const char *what,
                                      gpointer    user_data);

GPtrArray *pm_schedule_list_rows (PmSchedule *schedule,
                                  gboolean    labels);
char *pm_schedule_to_csv (GPtrArray *schedules);

void pm_schedule_add_to_pdf (PmSchedule    *schedule,
                             PmPdfDocument *document);

gboolean pm_schedule_write_pdf (GPtrArray            *schedules,
                                const char           *path,
                                PmExportProgressFunc  progress,
                                gpointer              progress_data,
                                GCancellable         *cancellable,
                                GError              **error);
gboolean pm_schedule_write_xlsx (GPtrArray            *schedules,
                                 const char           *path,
                                 PmExportProgressFunc  progress,
                                 gpointer              progress_data,
                                 GCancellable         *cancellable,
                                 GError              **error);
gboolean pm_schedule_write_csv (GPtrArray            *schedules,
                                const char           *path,
                                GCancellable         *cancellable,
                                GError              **error);

G_END_DECLS
