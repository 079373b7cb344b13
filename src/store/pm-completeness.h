/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "pm-department-report.h"
#include "pm-store.h"

G_BEGIN_DECLS

/* Who has reported: one row per department and year, for the office. */
typedef struct
{
  char *department;
  guint department_position;
  int year;
  PmReportStatus status;  /* NOT_STARTED: no report and nothing entered;
                           * DRAFT also when something was entered */
  char *comment;          /* the office's comment on a returned report */
  guint entered;          /* values of the indicators it leads, in the year */
  guint expected;         /* the indicators it leads */
  guint open_checks;      /* checks of those values not confirmed */
  GDateTime *last_change; /* its latest value, note, work item or report step */
  char *last_changed_by;
} PmCompletenessRow;

#define PM_TYPE_COMPLETENESS_ROW (pm_completeness_row_get_type ())
GType pm_completeness_row_get_type (void) G_GNUC_CONST;
PmCompletenessRow *pm_completeness_row_copy (const PmCompletenessRow *self);
void pm_completeness_row_free (PmCompletenessRow *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmCompletenessRow, pm_completeness_row_free)

GPtrArray *pm_store_list_completeness (PmStore *store,
                                       int      first_year,
                                       int      last_year,
                                       GError **error);

G_END_DECLS
