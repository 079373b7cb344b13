/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "pm-checks.h"
#include "pm-department-report.h"

G_BEGIN_DECLS

/* Small records of what departments enter besides values, read from the
 * project file: plain boxed structs, read their fields. */

/* A department's progress note (实施情况) on a key task for a year. */
typedef struct
{
  char *task_code;
  char *department;
  int year;
  char *text;
  GDateTime *changed_at;
  char *changed_by;
} PmProgressNote;

#define PM_TYPE_PROGRESS_NOTE (pm_progress_note_get_type ())
GType pm_progress_note_get_type (void) G_GNUC_CONST;
PmProgressNote *pm_progress_note_copy (const PmProgressNote *self);
void pm_progress_note_free (PmProgressNote *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmProgressNote, pm_progress_note_free)

/* What was done to a department's report (report_history). */
typedef enum
{
  PM_REPORT_ACTION_DRAFT,
  PM_REPORT_ACTION_SUBMIT,
  PM_REPORT_ACTION_ACCEPT,
  PM_REPORT_ACTION_RETURN, /* comment: the office's comment */
  PM_REPORT_ACTION_UNLOCK, /* comment: the reason */
  PM_REPORT_ACTION_DELETE,
} PmReportAction;

const char *pm_report_action_to_string (PmReportAction action);
gboolean pm_report_action_from_string (const char     *text,
                                       PmReportAction *action);

typedef struct
{
  gint64 id;
  char *department;
  int year;
  PmReportAction action;
  PmReportStatus old_status; /* NOT_STARTED where there was no report */
  PmReportStatus new_status; /* NOT_STARTED after a delete */
  char *comment;
  GDateTime *changed_at;
  char *changed_by;
} PmReportEvent;

#define PM_TYPE_REPORT_EVENT (pm_report_event_get_type ())
GType pm_report_event_get_type (void) G_GNUC_CONST;
PmReportEvent *pm_report_event_copy (const PmReportEvent *self);
void pm_report_event_free (PmReportEvent *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmReportEvent, pm_report_event_free)

/* A check of a value that a person confirmed with a note. */
typedef struct
{
  char *code;
  int year;
  PmCheckKind kind;
  double value; /* the value confirmed */
  char *note;
  GDateTime *changed_at;
  char *changed_by;
} PmCheckConfirmation;

#define PM_TYPE_CHECK_CONFIRMATION (pm_check_confirmation_get_type ())
GType pm_check_confirmation_get_type (void) G_GNUC_CONST;
PmCheckConfirmation *pm_check_confirmation_copy (const PmCheckConfirmation *self);
void pm_check_confirmation_free (PmCheckConfirmation *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmCheckConfirmation, pm_check_confirmation_free)

G_END_DECLS
