/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-store"

#include "config.h"

#include <glib/gi18n.h>

#include "pm-department-report.h"

G_DEFINE_BOXED_TYPE (PmDepartmentReport, pm_department_report,
                     pm_department_report_copy, pm_department_report_free)

static const char *const status_names[] = {
  [PM_REPORT_STATUS_DRAFT] = "draft",
  [PM_REPORT_STATUS_SUBMITTED] = "submitted",
  [PM_REPORT_STATUS_ACCEPTED] = "accepted",
  [PM_REPORT_STATUS_RETURNED] = "returned",
  [PM_REPORT_STATUS_NOT_STARTED] = "not-started",
};

static const char *const status_labels[] = {
  [PM_REPORT_STATUS_DRAFT] = NC_("report status", "Draft"),
  [PM_REPORT_STATUS_SUBMITTED] = NC_("report status", "Submitted"),
  [PM_REPORT_STATUS_ACCEPTED] = NC_("report status", "Accepted"),
  [PM_REPORT_STATUS_RETURNED] = NC_("report status", "Returned"),
  [PM_REPORT_STATUS_NOT_STARTED] = NC_("report status", "Not started"),
};

/* Returns: the status as stored in department_reports.status */
const char *
pm_report_status_to_string (PmReportStatus status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (status_names), NULL);
  return status_names[status];
}

/* Returns: the status for a person, translated */
const char *
pm_report_status_get_label (PmReportStatus status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (status_labels), NULL);
  return g_dpgettext2 (GETTEXT_PACKAGE, "report status", status_labels[status]);
}

gboolean
pm_report_status_from_string (const char     *text,
                              PmReportStatus *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    if (g_strcmp0 (text, status_names[i]) == 0)
      {
        *status = (PmReportStatus) i;
        return TRUE;
      }

  return FALSE;
}

static GDateTime *
ref_time (GDateTime *time)
{
  return time ? g_date_time_ref (time) : NULL;
}

PmDepartmentReport *
pm_department_report_copy (const PmDepartmentReport *self)
{
  PmDepartmentReport *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (PmDepartmentReport, 1);
  copy->department = g_strdup (self->department);
  copy->year = self->year;
  copy->status = self->status;
  copy->submitted_at = ref_time (self->submitted_at);
  copy->accepted_at = ref_time (self->accepted_at);
  copy->returned_at = ref_time (self->returned_at);
  copy->note = g_strdup (self->note);
  copy->comment = g_strdup (self->comment);
  copy->changed_at = ref_time (self->changed_at);
  copy->changed_by = g_strdup (self->changed_by);

  return copy;
}

void
pm_department_report_free (PmDepartmentReport *self)
{
  if (self == NULL)
    return;

  g_free (self->department);
  g_clear_pointer (&self->submitted_at, g_date_time_unref);
  g_clear_pointer (&self->accepted_at, g_date_time_unref);
  g_clear_pointer (&self->returned_at, g_date_time_unref);
  g_free (self->note);
  g_free (self->comment);
  g_clear_pointer (&self->changed_at, g_date_time_unref);
  g_free (self->changed_by);
  g_free (self);
}
