/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The status of a work item (the column work_items.status). */
typedef enum
{
  PM_WORK_STATUS_PLANNED,
  PM_WORK_STATUS_IN_PROGRESS,
  PM_WORK_STATUS_DONE,
  PM_WORK_STATUS_DELAYED,
  PM_WORK_STATUS_CANCELLED,
} PmWorkStatus;

const char *pm_work_status_to_string (PmWorkStatus status);
gboolean pm_work_status_from_string (const char   *text,
                                     PmWorkStatus *status);

/* A piece of work a department plans for a year, optionally for one task or
 * indicator. Dates are "YYYY-MM-DD" or NULL. id is 0 until it is stored.
 * position is its place among the department's items of the year (from 0),
 * set by the store: pm_store_move_work_item () changes it. */
typedef struct
{
  gint64 id;
  char *department;
  int year;
  int position;
  char *task_code;
  char *indicator_code;
  char *title;
  char *starts_on;
  char *due_on;
  PmWorkStatus status;
  char *note;
  GDateTime *changed_at; /* set by the store */
  char *changed_by;      /* set by the store */
} PmWorkItem;

#define PM_TYPE_WORK_ITEM (pm_work_item_get_type ())

GType pm_work_item_get_type (void) G_GNUC_CONST;
PmWorkItem *pm_work_item_new (const char *department,
                              int         year,
                              const char *title);
PmWorkItem *pm_work_item_copy (const PmWorkItem *self);
void pm_work_item_free (PmWorkItem *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmWorkItem, pm_work_item_free)

G_END_DECLS
