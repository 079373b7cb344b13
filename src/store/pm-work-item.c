/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-store"

#include "config.h"

#include "pm-work-item.h"

G_DEFINE_BOXED_TYPE (PmWorkItem, pm_work_item, pm_work_item_copy, pm_work_item_free)

static const char *const status_names[] = {
  [PM_WORK_STATUS_PLANNED] = "planned",
  [PM_WORK_STATUS_IN_PROGRESS] = "in-progress",
  [PM_WORK_STATUS_DONE] = "done",
  [PM_WORK_STATUS_DELAYED] = "delayed",
  [PM_WORK_STATUS_CANCELLED] = "cancelled",
};

/* Returns: the status as stored in work_items.status */
const char *
pm_work_status_to_string (PmWorkStatus status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (status_names), NULL);
  return status_names[status];
}

gboolean
pm_work_status_from_string (const char   *text,
                            PmWorkStatus *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    if (g_strcmp0 (text, status_names[i]) == 0)
      {
        *status = (PmWorkStatus) i;
        return TRUE;
      }

  return FALSE;
}

PmWorkItem *
pm_work_item_new (const char *department,
                  int         year,
                  const char *title)
{
  PmWorkItem *self = g_new0 (PmWorkItem, 1);

  self->department = g_strdup (department);
  self->year = year;
  self->title = g_strdup (title);
  self->status = PM_WORK_STATUS_PLANNED;

  return self;
}

PmWorkItem *
pm_work_item_copy (const PmWorkItem *self)
{
  PmWorkItem *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (PmWorkItem, 1);
  copy->id = self->id;
  copy->department = g_strdup (self->department);
  copy->year = self->year;
  copy->position = self->position;
  copy->task_code = g_strdup (self->task_code);
  copy->indicator_code = g_strdup (self->indicator_code);
  copy->title = g_strdup (self->title);
  copy->starts_on = g_strdup (self->starts_on);
  copy->due_on = g_strdup (self->due_on);
  copy->status = self->status;
  copy->note = g_strdup (self->note);
  copy->changed_at = self->changed_at ? g_date_time_ref (self->changed_at) : NULL;
  copy->changed_by = g_strdup (self->changed_by);

  return copy;
}

void
pm_work_item_free (PmWorkItem *self)
{
  if (self == NULL)
    return;

  g_free (self->department);
  g_free (self->task_code);
  g_free (self->indicator_code);
  g_free (self->title);
  g_free (self->starts_on);
  g_free (self->due_on);
  g_free (self->note);
  g_clear_pointer (&self->changed_at, g_date_time_unref);
  g_free (self->changed_by);
  g_free (self);
}
