/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-schedule-source"

#include "config.h"

#include "pm-schedule-source.h"

G_DEFINE_INTERFACE (PmScheduleSource, pm_schedule_source, G_TYPE_OBJECT)

static void
pm_schedule_source_default_init (PmScheduleSourceInterface *iface)
{
}

/* Returns: (transfer full) (element-type PmWorkItem): the work items, or
 * NULL with error set */
GPtrArray *
pm_schedule_source_list_work_items (PmScheduleSource *self,
                                    const char       *department,
                                    int               year,
                                    GError          **error)
{
  PmScheduleSourceInterface *iface;

  g_return_val_if_fail (PM_IS_SCHEDULE_SOURCE (self), NULL);
  g_return_val_if_fail (department != NULL, NULL);

  iface = PM_SCHEDULE_SOURCE_GET_IFACE (self);
  if (iface->list_work_items == NULL)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) pm_work_item_free);
  return iface->list_work_items (self, department, year, error);
}

/* Returns: (transfer full) (nullable): the latest progress note up to year;
 * NULL without error when there is none */
char *
pm_schedule_source_dup_progress_note (PmScheduleSource *self,
                                      const char       *task_code,
                                      const char       *department,
                                      int               year,
                                      int              *note_year,
                                      GError          **error)
{
  PmScheduleSourceInterface *iface;

  g_return_val_if_fail (PM_IS_SCHEDULE_SOURCE (self), NULL);
  g_return_val_if_fail (task_code != NULL, NULL);
  g_return_val_if_fail (department != NULL, NULL);

  if (note_year != NULL)
    *note_year = 0;
  iface = PM_SCHEDULE_SOURCE_GET_IFACE (self);
  if (iface->dup_progress_note == NULL)
    return NULL;
  return iface->dup_progress_note (self, task_code, department, year, note_year, error);
}
