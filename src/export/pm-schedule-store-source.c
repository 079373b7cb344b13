/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-schedule-store-source"

#include "config.h"

#include "pm-schedule-store-source.h"

struct _PmScheduleStoreSource
{
  GObject parent_instance;

  PmStore *store;
};

static void source_iface_init (PmScheduleSourceInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PmScheduleStoreSource, pm_schedule_store_source, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (PM_TYPE_SCHEDULE_SOURCE, source_iface_init))

static GPtrArray *
list_work_items (PmScheduleSource *source,
                 const char       *department,
                 int               year,
                 GError          **error)
{
  PmScheduleStoreSource *self = PM_SCHEDULE_STORE_SOURCE (source);

  return pm_store_list_work_items (self->store, department, year, error);
}

/* The schedules show a department's latest progress note (实施情况) on each
 * task, from the project file. */
static char *
dup_progress_note (PmScheduleSource *source,
                   const char       *task_code,
                   const char       *department,
                   int               year,
                   int              *note_year,
                   GError          **error)
{
  PmScheduleStoreSource *self = PM_SCHEDULE_STORE_SOURCE (source);

  return pm_store_dup_latest_progress_note (self->store, task_code, department, year, note_year,
                                            error);
}

static void
source_iface_init (PmScheduleSourceInterface *iface)
{
  iface->list_work_items = list_work_items;
  iface->dup_progress_note = dup_progress_note;
}

static void
pm_schedule_store_source_dispose (GObject *object)
{
  PmScheduleStoreSource *self = PM_SCHEDULE_STORE_SOURCE (object);

  g_clear_object (&self->store);
  G_OBJECT_CLASS (pm_schedule_store_source_parent_class)->dispose (object);
}

static void
pm_schedule_store_source_class_init (PmScheduleStoreSourceClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = pm_schedule_store_source_dispose;
}

static void
pm_schedule_store_source_init (PmScheduleStoreSource *self)
{
}

/* Returns: (transfer full): a source reading the store (on the thread that
 * uses the store) */
PmScheduleSource *
pm_schedule_source_new_for_store (PmStore *store)
{
  PmScheduleStoreSource *self;

  g_return_val_if_fail (PM_IS_STORE (store), NULL);

  self = g_object_new (PM_TYPE_SCHEDULE_STORE_SOURCE, NULL);
  self->store = g_object_ref (store);
  return PM_SCHEDULE_SOURCE (self);
}
