/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-store"

#include "config.h"

#include "pm-department-records.h"

G_DEFINE_BOXED_TYPE (PmProgressNote, pm_progress_note, pm_progress_note_copy,
                     pm_progress_note_free)
G_DEFINE_BOXED_TYPE (PmReportEvent, pm_report_event, pm_report_event_copy, pm_report_event_free)
G_DEFINE_BOXED_TYPE (PmCheckConfirmation, pm_check_confirmation, pm_check_confirmation_copy,
                     pm_check_confirmation_free)

static GDateTime *
ref_time (GDateTime *time)
{
  return time ? g_date_time_ref (time) : NULL;
}

PmProgressNote *
pm_progress_note_copy (const PmProgressNote *self)
{
  PmProgressNote *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (PmProgressNote, 1);
  copy->task_code = g_strdup (self->task_code);
  copy->department = g_strdup (self->department);
  copy->year = self->year;
  copy->text = g_strdup (self->text);
  copy->changed_at = ref_time (self->changed_at);
  copy->changed_by = g_strdup (self->changed_by);
  return copy;
}

void
pm_progress_note_free (PmProgressNote *self)
{
  if (self == NULL)
    return;

  g_free (self->task_code);
  g_free (self->department);
  g_free (self->text);
  g_clear_pointer (&self->changed_at, g_date_time_unref);
  g_free (self->changed_by);
  g_free (self);
}

static const char *const action_names[] = {
  [PM_REPORT_ACTION_DRAFT] = "draft",
  [PM_REPORT_ACTION_SUBMIT] = "submit",
  [PM_REPORT_ACTION_ACCEPT] = "accept",
  [PM_REPORT_ACTION_RETURN] = "return",
  [PM_REPORT_ACTION_UNLOCK] = "unlock",
  [PM_REPORT_ACTION_DELETE] = "delete",
};

/* Returns: the action as stored in report_history.action */
const char *
pm_report_action_to_string (PmReportAction action)
{
  g_return_val_if_fail ((guint) action < G_N_ELEMENTS (action_names), NULL);
  return action_names[action];
}

gboolean
pm_report_action_from_string (const char     *text,
                              PmReportAction *action)
{
  for (guint i = 0; i < G_N_ELEMENTS (action_names); i++)
    if (g_strcmp0 (text, action_names[i]) == 0)
      {
        *action = (PmReportAction) i;
        return TRUE;
      }

  return FALSE;
}

PmReportEvent *
pm_report_event_copy (const PmReportEvent *self)
{
  PmReportEvent *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (PmReportEvent, 1);
  copy->id = self->id;
  copy->department = g_strdup (self->department);
  copy->year = self->year;
  copy->action = self->action;
  copy->old_status = self->old_status;
  copy->new_status = self->new_status;
  copy->comment = g_strdup (self->comment);
  copy->changed_at = ref_time (self->changed_at);
  copy->changed_by = g_strdup (self->changed_by);
  return copy;
}

void
pm_report_event_free (PmReportEvent *self)
{
  if (self == NULL)
    return;

  g_free (self->department);
  g_free (self->comment);
  g_clear_pointer (&self->changed_at, g_date_time_unref);
  g_free (self->changed_by);
  g_free (self);
}

PmCheckConfirmation *
pm_check_confirmation_copy (const PmCheckConfirmation *self)
{
  PmCheckConfirmation *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (PmCheckConfirmation, 1);
  copy->code = g_strdup (self->code);
  copy->year = self->year;
  copy->kind = self->kind;
  copy->value = self->value;
  copy->note = g_strdup (self->note);
  copy->changed_at = ref_time (self->changed_at);
  copy->changed_by = g_strdup (self->changed_by);
  return copy;
}

void
pm_check_confirmation_free (PmCheckConfirmation *self)
{
  if (self == NULL)
    return;

  g_free (self->code);
  g_free (self->note);
  g_clear_pointer (&self->changed_at, g_date_time_unref);
  g_free (self->changed_by);
  g_free (self);
}
