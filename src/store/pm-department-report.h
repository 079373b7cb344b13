/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Where a department's yearly report stands (department_reports.status).
 * NOT_STARTED is never stored: it is a department and year without a row. */
typedef enum
{
  PM_REPORT_STATUS_DRAFT,
  PM_REPORT_STATUS_SUBMITTED,
  PM_REPORT_STATUS_ACCEPTED, /* locks the values of the department's indicators for the year */
  PM_REPORT_STATUS_RETURNED, /* sent back by the office, with a comment */
  PM_REPORT_STATUS_NOT_STARTED,
} PmReportStatus;

const char *pm_report_status_to_string (PmReportStatus status);
gboolean pm_report_status_from_string (const char     *text,
                                       PmReportStatus *status);
const char *pm_report_status_get_label (PmReportStatus status);

/* A department's report for one year: whether it was submitted, and when. */
typedef struct
{
  char *department;
  int year;
  PmReportStatus status;
  GDateTime *submitted_at; /* NULL until submitted */
  GDateTime *accepted_at;  /* NULL until accepted */
  GDateTime *returned_at;  /* when it was last returned, NULL unless returned */
  char *note;
  char *comment;           /* the office's comment when it returned the report */
  GDateTime *changed_at;
  char *changed_by;
} PmDepartmentReport;

#define PM_TYPE_DEPARTMENT_REPORT (pm_department_report_get_type ())

GType pm_department_report_get_type (void) G_GNUC_CONST;
PmDepartmentReport *pm_department_report_copy (const PmDepartmentReport *self);
void pm_department_report_free (PmDepartmentReport *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmDepartmentReport, pm_department_report_free)

G_END_DECLS
