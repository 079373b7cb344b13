/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "export-test-source.h"
#include "pm-types.h"

typedef struct
{
  char *task_code;
  char *department;
  int year;
  char *text;
} Note;

struct _ExportTestSource
{
  GObject parent_instance;

  GPtrArray *items;  /* of PmWorkItem */
  GPtrArray *notes;  /* of Note */
  gboolean fail;
};

static void source_iface_init (PmScheduleSourceInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ExportTestSource, export_test_source, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (PM_TYPE_SCHEDULE_SOURCE, source_iface_init))

static void
note_free (Note *note)
{
  g_free (note->task_code);
  g_free (note->department);
  g_free (note->text);
  g_free (note);
}

static GPtrArray *
list_work_items (PmScheduleSource *source,
                 const char       *department,
                 int               year,
                 GError          **error)
{
  ExportTestSource *self = EXPORT_TEST_SOURCE (source);
  GPtrArray *result;

  if (self->fail)
    {
      g_set_error (error, PM_ERROR, PM_ERROR_IO, "The test source fails on purpose");
      return NULL;
    }

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) pm_work_item_free);
  for (guint i = 0; i < self->items->len; i++)
    {
      const PmWorkItem *item = g_ptr_array_index (self->items, i);

      if (g_strcmp0 (item->department, department) == 0 && item->year == year)
        g_ptr_array_add (result, pm_work_item_copy (item));
    }
  return result;
}

static char *
dup_progress_note (PmScheduleSource *source,
                   const char       *task_code,
                   const char       *department,
                   int               year,
                   int              *note_year,
                   GError          **error)
{
  ExportTestSource *self = EXPORT_TEST_SOURCE (source);
  const Note *latest = NULL;

  for (guint i = 0; i < self->notes->len; i++)
    {
      const Note *note = g_ptr_array_index (self->notes, i);

      if (g_strcmp0 (note->task_code, task_code) == 0 &&
          g_strcmp0 (note->department, department) == 0 && note->year <= year &&
          (latest == NULL || note->year > latest->year))
        latest = note;
    }
  if (latest == NULL)
    return NULL;
  *note_year = latest->year;
  return g_strdup (latest->text);
}

static void
source_iface_init (PmScheduleSourceInterface *iface)
{
  iface->list_work_items = list_work_items;
  iface->dup_progress_note = dup_progress_note;
}

static void
export_test_source_finalize (GObject *object)
{
  ExportTestSource *self = EXPORT_TEST_SOURCE (object);

  g_ptr_array_unref (self->items);
  g_ptr_array_unref (self->notes);
  G_OBJECT_CLASS (export_test_source_parent_class)->finalize (object);
}

static void
export_test_source_class_init (ExportTestSourceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = export_test_source_finalize;
}

static void
export_test_source_init (ExportTestSource *self)
{
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) pm_work_item_free);
  self->notes = g_ptr_array_new_with_free_func ((GDestroyNotify) note_free);
}

ExportTestSource *
export_test_source_new (void)
{
  return g_object_new (EXPORT_TEST_TYPE_SOURCE, NULL);
}

void
export_test_source_add_item (ExportTestSource *self,
                             const char       *department,
                             int               year,
                             const char       *task_code,
                             const char       *indicator_code,
                             const char       *title,
                             const char       *starts_on,
                             const char       *due_on,
                             PmWorkStatus      status,
                             const char       *note)
{
  PmWorkItem *item = pm_work_item_new (department, year, title);

  item->id = self->items->len + 1;
  item->task_code = g_strdup (task_code);
  item->indicator_code = g_strdup (indicator_code);
  item->starts_on = g_strdup (starts_on);
  item->due_on = g_strdup (due_on);
  item->status = status;
  item->note = g_strdup (note);
  g_ptr_array_add (self->items, item);
}

void
export_test_source_add_note (ExportTestSource *self,
                             const char       *task_code,
                             const char       *department,
                             int               year,
                             const char       *text)
{
  Note *note = g_new0 (Note, 1);

  note->task_code = g_strdup (task_code);
  note->department = g_strdup (department);
  note->year = year;
  note->text = g_strdup (text);
  g_ptr_array_add (self->notes, note);
}

void
export_test_source_fail (ExportTestSource *self,
                         gboolean          fail)
{
  self->fail = fail;
}
