/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pm-schedule-source.h"
#include "pm-schedule-writer.h"
#include "pm-types.h"

G_BEGIN_DECLS

/* Exporting the work schedules of departments: the job behind the command
 * line's --export-schedule and the window's Export schedules.
 *
 * The destination is a file (.pdf, .xlsx or .csv: every schedule in one
 * document) or a folder (one file per department, named
 * "DEPARTMENT-YEAR.EXT", in the format given). The schedules are made on
 * the calling thread (they read the project and the source); the documents
 * are written on a worker thread, reporting progress on the calling
 * thread's main context, and can be cancelled. Every file is written
 * beside its destination and renamed when complete: an error or a
 * cancellation leaves no half-written file (into a folder, the files
 * already complete stay). */

typedef enum
{
  PM_EXPORT_FORMAT_PDF,
  PM_EXPORT_FORMAT_XLSX,
  PM_EXPORT_FORMAT_CSV,
} PmExportFormat;

gboolean pm_export_format_from_path (const char     *path,
                                     PmExportFormat *format);
gboolean pm_export_format_from_string (const char     *name,
                                       PmExportFormat *format);
const char *pm_export_format_get_extension (PmExportFormat format);

GPtrArray *pm_schedule_find_departments (PmProject  *project,
                                         const char *name,
                                         GError    **error);
GPtrArray *pm_schedule_build_all (PmProject        *project,
                                  PmScheduleSource *source,
                                  GPtrArray        *departments,
                                  int               year,
                                  GDateTime        *exported_at,
                                  GError          **error);

void pm_schedule_export_async (PmProject            *project,
                               PmScheduleSource     *source,
                               GPtrArray            *departments,
                               int                   year,
                               const char           *destination,
                               PmExportFormat        folder_format,
                               PmExportProgressFunc  progress,
                               gpointer              progress_data,
                               GDestroyNotify        progress_data_destroy,
                               GCancellable         *cancellable,
                               GAsyncReadyCallback   callback,
                               gpointer              user_data);
GStrv pm_schedule_export_finish (GAsyncResult *result,
                                 GError      **error);
GStrv pm_schedule_export (PmProject            *project,
                          PmScheduleSource     *source,
                          GPtrArray            *departments,
                          int                   year,
                          const char           *destination,
                          PmExportFormat        folder_format,
                          GCancellable         *cancellable,
                          GError              **error);

G_END_DECLS
