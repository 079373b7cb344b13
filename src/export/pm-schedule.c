/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-schedule"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "pm-csv.h"
#include "pm-department.h"
#include "pm-domain.h"
#include "pm-evaluation.h"
#include "pm-indicator.h"
#include "pm-key-project.h"
#include "pm-observation.h"
#include "pm-plan.h"
#include "pm-project.h"
#include "pm-schedule.h"
#include "pm-task.h"

struct _PmSchedule
{
  GObject parent_instance;

  char *department;
  int year;
  PmLanguage language;
  GDateTime *exported_at;
  GStrv plan_names;
  GPtrArray *tasks;         /* of PmScheduleTask: led, then co-operated on */
  GPtrArray *work_items;    /* of PmWorkItem, by due date */
  GPtrArray *indicators;    /* of PmScheduleIndicator: binding first */
  GPtrArray *key_projects;  /* of PmScheduleProject */
};

G_DEFINE_FINAL_TYPE (PmSchedule, pm_schedule, G_TYPE_OBJECT)

static void
schedule_task_free (PmScheduleTask *task)
{
  g_free (task->code);
  g_free (task->plan);
  g_free (task->section);
  g_free (task->title);
  g_free (task->text);
  g_free (task->lead_department);
  g_free (task->other_departments);
  g_ptr_array_unref (task->work_items);
  g_free (task->progress_note);
  g_free (task);
}

static void
schedule_indicator_free (PmScheduleIndicator *indicator)
{
  g_free (indicator->code);
  g_free (indicator->name);
  g_free (indicator->domain);
  g_free (indicator->county_target);
  g_free (indicator->other_departments);
  g_free (indicator->latest_value);
  g_free (indicator->explanation);
  g_free (indicator);
}

static void
schedule_project_free (PmScheduleProject *project)
{
  g_free (project->code);
  g_free (project->name);
  g_free (project->box_title);
  g_free (project->other_departments);
  g_free (project);
}

/* The departments of a list but the one given, joined with 、, and the
 * given one's role (the first named leads). */
static char *
others_and_role (GListModel   *departments,
                 PmDepartment *department,
                 PmRole       *role)
{
  g_autoptr (GString) others = g_string_new (NULL);

  *role = PM_ROLE_COOPERATES;
  for (guint i = 0; i < g_list_model_get_n_items (departments); i++)
    {
      g_autoptr (PmDepartment) item = g_list_model_get_item (departments, i);

      if (item == department)
        {
          if (i == 0)
            *role = PM_ROLE_LEAD;
          continue;
        }
      if (others->len > 0)
        g_string_append (others, "、");
      g_string_append (others, pm_department_get_name (item));
    }
  return g_string_free (g_steal_pointer (&others), FALSE);
}

static gboolean
model_contains (GListModel *model,
                gpointer    item)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GObject) other = g_list_model_get_item (model, i);

      if (other == item)
        return TRUE;
    }
  return FALSE;
}

static int
compare_dates (const char *a,
               const char *b)
{
  /* Undated items come after dated ones. */
  if (a == NULL || *a == '\0')
    return (b == NULL || *b == '\0') ? 0 : 1;
  if (b == NULL || *b == '\0')
    return -1;
  return g_strcmp0 (a, b);
}

/* Sorts PmWorkItem * (by pointer, as in a GPtrArray) by due date, then start
 * date, then title. */
int
pm_work_item_compare_by_due (gconstpointer a,
                             gconstpointer b)
{
  const PmWorkItem *x = *(const PmWorkItem *const *) a;
  const PmWorkItem *y = *(const PmWorkItem *const *) b;
  int order;

  if ((order = compare_dates (x->due_on, y->due_on)) != 0)
    return order;
  if ((order = compare_dates (x->starts_on, y->starts_on)) != 0)
    return order;
  if ((order = g_strcmp0 (x->title, y->title)) != 0)
    return order;
  return x->id < y->id ? -1 : x->id > y->id;
}

const char *
pm_work_status_get_label (PmWorkStatus status,
                          PmLanguage   lang)
{
  switch (status)
    {
    case PM_WORK_STATUS_PLANNED:
      return D_ (lang, "Planned");
    case PM_WORK_STATUS_IN_PROGRESS:
      return D_ (lang, "In progress");
    case PM_WORK_STATUS_DONE:
      return D_ (lang, "Done");
    case PM_WORK_STATUS_DELAYED:
      return D_ (lang, "Delayed");
    case PM_WORK_STATUS_CANCELLED:
      return D_ (lang, "Cancelled");
    default:
      return "";
    }
}

const char *
pm_role_get_label (PmRole     role,
                   PmLanguage lang)
{
  /* TRANSLATORS: a department's part in a task: 牵头 or 配合 */
  return role == PM_ROLE_LEAD ? DC_ (lang, "role", "Lead") : DC_ (lang, "role", "Co-operates");
}

/* Returns: (transfer full): "3: 1 Done, 2 Planned" (labels) or
 * "3: 1 done, 2 planned" (machine names), or "" for no items */
char *
pm_work_items_summarize (GPtrArray  *items,
                         gboolean    labels,
                         PmLanguage  lang)
{
  guint counts[PM_WORK_STATUS_CANCELLED + 1] = { 0 };
  g_autoptr (GString) out = g_string_new (NULL);
  gboolean first = TRUE;

  if (items == NULL || items->len == 0)
    return g_strdup ("");

  for (guint i = 0; i < items->len; i++)
    {
      const PmWorkItem *item = g_ptr_array_index (items, i);

      if (item->status <= PM_WORK_STATUS_CANCELLED)
        counts[item->status]++;
    }

  g_string_append_printf (out, "%u", items->len);
  for (guint s = 0; s <= PM_WORK_STATUS_CANCELLED; s++)
    {
      if (counts[s] == 0)
        continue;
      g_string_append (out, first ? ": " : ", ");
      g_string_append_printf (out, "%u %s", counts[s],
                              labels ? pm_work_status_get_label (s, lang) : pm_work_status_to_string (s));
      first = FALSE;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The indicator's county value of the year, or its latest before. */
static PmObservation *
latest_observation (PmIndicator *indicator,
                    int          year)
{
  GListModel *observations = pm_indicator_get_observations (indicator);
  PmObservation *latest = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (observations); i++)
    {
      g_autoptr (PmObservation) observation = g_list_model_get_item (observations, i);
      int observed = pm_observation_get_year (observation);

      if (g_strcmp0 (pm_observation_get_area (observation), PM_AREA_COUNTY) != 0 ||
          observed > year || !isfinite (pm_observation_get_value (observation)))
        continue;
      if (latest == NULL || observed > pm_observation_get_year (latest))
        g_set_object (&latest, observation);
    }
  return latest;
}

static PmScheduleIndicator *
make_indicator (PmProject    *project,
                PmIndicator  *indicator,
                PmDepartment *department,
                int           year)
{
  PmScheduleIndicator *row = g_new0 (PmScheduleIndicator, 1);
  g_autoptr (PmEvaluation) evaluation =
    pm_evaluate_indicator_in (project, indicator, year, pm_project_get_document_language (project));
  g_autoptr (PmObservation) latest = latest_observation (indicator, year);
  PmDomain *domain = pm_indicator_get_domain (indicator);

  row->code = g_strdup (pm_indicator_get_code (indicator));
  row->name = g_strdup (pm_indicator_get_name (indicator));
  row->domain = g_strdup (domain ? pm_domain_get_name (domain) : NULL);
  row->county_target = g_strdup (pm_indicator_get_county_target (indicator));
  row->attribute = pm_indicator_get_attribute (indicator);
  row->other_departments = others_and_role (pm_indicator_get_departments (indicator),
                                            department, &row->role);

  if (latest != NULL)
    {
      row->latest_year = pm_observation_get_year (latest);
      row->latest_value = pm_observation_get_text (latest)
                            ? g_strdup (pm_observation_get_text (latest))
                            : pm_csv_format_number (pm_observation_get_value (latest));
    }
  else if (evaluation != NULL && pm_evaluation_get_latest_year (evaluation) > 0 &&
           isfinite (pm_evaluation_get_latest_value (evaluation)))
    {
      /* The 2020 result of the indicator it continues (专栏1). */
      row->latest_year = pm_evaluation_get_latest_year (evaluation);
      row->latest_value = pm_evaluation_format_value (evaluation,
                                                      pm_evaluation_get_latest_value (evaluation));
    }

  row->missing_this_year = latest == NULL || pm_observation_get_year (latest) != year;
  row->status = evaluation ? pm_evaluation_get_status (evaluation) : PM_STATUS_NO_DATA;
  row->explanation = g_strdup (evaluation ? pm_evaluation_get_explanation (evaluation) : NULL);

  return row;
}

static int
compare_indicators (gconstpointer a,
                    gconstpointer b)
{
  const PmScheduleIndicator *x = *(const PmScheduleIndicator *const *) a;
  const PmScheduleIndicator *y = *(const PmScheduleIndicator *const *) b;

  /* Binding (约束性) indicators first; g_ptr_array_sort is stable. */
  return (y->attribute == PM_ATTRIBUTE_BINDING) - (x->attribute == PM_ATTRIBUTE_BINDING);
}

static PmScheduleTask *
make_task (PmScheduleSource *source,
           PmTask           *task,
           PmDepartment     *department,
           int               year,
           GPtrArray        *all_items,
           GError          **error)
{
  PmScheduleTask *row = g_new0 (PmScheduleTask, 1);
  GListModel *departments = pm_task_get_departments (task);
  g_autoptr (PmDepartment) lead = g_list_model_get_item (departments, 0);
  g_autoptr (GError) local_error = NULL;

  row->code = g_strdup (pm_task_get_code (task));
  row->plan = g_strdup (pm_plan_get_name (pm_task_get_plan (task)));
  row->section_number = pm_task_get_section_number (task);
  row->section = g_strdup (pm_task_get_section (task));
  row->title = g_strdup (pm_task_get_title (task));
  row->text = g_strdup (pm_task_get_text (task));
  row->lead_department = g_strdup (lead ? pm_department_get_name (lead) : NULL);
  row->other_departments = others_and_role (departments, department, &row->role);
  row->work_items = g_ptr_array_new_with_free_func ((GDestroyNotify) pm_work_item_free);

  for (guint i = 0; i < all_items->len; i++)
    {
      const PmWorkItem *item = g_ptr_array_index (all_items, i);

      if (g_strcmp0 (item->task_code, row->code) == 0)
        g_ptr_array_add (row->work_items, pm_work_item_copy (item));
    }

  if (source != NULL)
    {
      row->progress_note = pm_schedule_source_dup_progress_note (source, row->code,
                                                                 pm_department_get_name (department),
                                                                 year, &row->progress_note_year,
                                                                 &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          schedule_task_free (row);
          return NULL;
        }
    }

  return row;
}

static void
pm_schedule_finalize (GObject *object)
{
  PmSchedule *self = PM_SCHEDULE (object);

  g_free (self->department);
  g_clear_pointer (&self->exported_at, g_date_time_unref);
  g_strfreev (self->plan_names);
  g_ptr_array_unref (self->tasks);
  g_ptr_array_unref (self->work_items);
  g_ptr_array_unref (self->indicators);
  g_ptr_array_unref (self->key_projects);

  G_OBJECT_CLASS (pm_schedule_parent_class)->finalize (object);
}

static void
pm_schedule_class_init (PmScheduleClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pm_schedule_finalize;
}

static void
pm_schedule_init (PmSchedule *self)
{
  self->tasks = g_ptr_array_new_with_free_func ((GDestroyNotify) schedule_task_free);
  self->work_items = g_ptr_array_new_with_free_func ((GDestroyNotify) pm_work_item_free);
  self->indicators = g_ptr_array_new_with_free_func ((GDestroyNotify) schedule_indicator_free);
  self->key_projects = g_ptr_array_new_with_free_func ((GDestroyNotify) schedule_project_free);
}

/* Makes the department's schedule for the year from the plans, the
 * evaluation of its indicators, and (with a source) its work items and
 * progress notes. exported_at NULL means now. */
PmSchedule *
pm_schedule_new (PmProject        *project,
                 PmScheduleSource *source,
                 PmDepartment     *department,
                 int               year,
                 GDateTime        *exported_at,
                 GError          **error)
{
  g_autoptr (PmSchedule) self = NULL;
  g_autoptr (GPtrArray) tasks = NULL;
  g_autoptr (GPtrArray) indicators = NULL;
  g_autoptr (GStrvBuilder) plan_names = g_strv_builder_new ();
  GListModel *plans, *key_projects;
  const char *name;

  g_return_val_if_fail (PM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (source == NULL || PM_IS_SCHEDULE_SOURCE (source), NULL);
  g_return_val_if_fail (PM_IS_DEPARTMENT (department), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = pm_department_get_name (department);
  self = g_object_new (PM_TYPE_SCHEDULE, NULL);
  self->department = g_strdup (name);
  self->year = year;
  self->language = pm_project_get_document_language (project);
  self->exported_at = exported_at ? g_date_time_ref (exported_at) : g_date_time_new_now_local ();

  plans = pm_project_get_plans (project);
  for (guint i = 0; i < g_list_model_get_n_items (plans); i++)
    {
      g_autoptr (PmPlan) plan = g_list_model_get_item (plans, i);

      g_strv_builder_add (plan_names, pm_plan_get_name (plan));
    }
  self->plan_names = g_strv_builder_end (plan_names);

  if (source != NULL)
    {
      g_autoptr (GPtrArray) items = pm_schedule_source_list_work_items (source, name, year, error);

      if (items == NULL)
        return NULL;
      for (guint i = 0; i < items->len; i++)
        {
          const PmWorkItem *item = g_ptr_array_index (items, i);

          /* A source may answer more broadly than asked. */
          if (g_strcmp0 (item->department, name) == 0 && item->year == year)
            g_ptr_array_add (self->work_items, pm_work_item_copy (item));
        }
      g_ptr_array_sort (self->work_items, pm_work_item_compare_by_due);
    }

  /* Tasks it leads, then those it co-operates on, each in the plans' order. */
  tasks = pm_project_list_department_tasks (project, department);
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < tasks->len; i++)
      {
        PmTask *task = g_ptr_array_index (tasks, i);
        g_autoptr (PmDepartment) lead = g_list_model_get_item (pm_task_get_departments (task), 0);
        gboolean leads = lead == department;
        PmScheduleTask *row;

        if (leads != (pass == 0))
          continue;
        row = make_task (source, task, department, year, self->work_items, error);
        if (row == NULL)
          return NULL;
        g_ptr_array_add (self->tasks, row);
      }

  indicators = pm_project_list_department_indicators (project, department);
  for (guint i = 0; i < indicators->len; i++)
    {
      PmIndicator *indicator = g_ptr_array_index (indicators, i);

      if (pm_indicator_get_period (indicator) != PM_PERIOD_2021_2030)
        continue;
      g_ptr_array_add (self->indicators, make_indicator (project, indicator, department, year));
    }
  g_ptr_array_sort (self->indicators, compare_indicators);

  key_projects = pm_project_get_key_projects (project);
  for (guint i = 0; i < g_list_model_get_n_items (key_projects); i++)
    {
      g_autoptr (PmKeyProject) key_project = g_list_model_get_item (key_projects, i);
      GListModel *departments = pm_key_project_get_departments (key_project);
      PmScheduleProject *row;

      if (!model_contains (departments, department))
        continue;
      row = g_new0 (PmScheduleProject, 1);
      row->code = g_strdup (pm_key_project_get_code (key_project));
      row->name = g_strdup (pm_key_project_get_name (key_project));
      row->box_title = g_strdup (pm_key_project_get_box_title (key_project));
      row->other_departments = others_and_role (departments, department, &row->role);
      g_ptr_array_add (self->key_projects, row);
    }

  return g_steal_pointer (&self);
}

const char *
pm_schedule_get_department (PmSchedule *self)
{
  g_return_val_if_fail (PM_IS_SCHEDULE (self), NULL);
  return self->department;
}

int
pm_schedule_get_year (PmSchedule *self)
{
  g_return_val_if_fail (PM_IS_SCHEDULE (self), 0);
  return self->year;
}

GDateTime *
pm_schedule_get_exported_at (PmSchedule *self)
{
  g_return_val_if_fail (PM_IS_SCHEDULE (self), NULL);
  return self->exported_at;
}

const char *const *
pm_schedule_get_plan_names (PmSchedule *self)
{
  g_return_val_if_fail (PM_IS_SCHEDULE (self), NULL);
  return (const char *const *) self->plan_names;
}

/* Returns: (transfer none) (element-type PmScheduleTask): the tasks it
 * leads, then those it co-operates on */
GPtrArray *
pm_schedule_get_tasks (PmSchedule *self)
{
  g_return_val_if_fail (PM_IS_SCHEDULE (self), NULL);
  return self->tasks;
}

guint
pm_schedule_count_tasks (PmSchedule *self,
                         PmRole      role)
{
  guint n = 0;

  g_return_val_if_fail (PM_IS_SCHEDULE (self), 0);

  for (guint i = 0; i < self->tasks->len; i++)
    if (((PmScheduleTask *) g_ptr_array_index (self->tasks, i))->role == role)
      n++;
  return n;
}

/* Returns: (transfer none) (element-type PmWorkItem): all its work items of
 * the year, by due date (undated last) */
GPtrArray *
pm_schedule_get_work_items (PmSchedule *self)
{
  g_return_val_if_fail (PM_IS_SCHEDULE (self), NULL);
  return self->work_items;
}

/* Returns: (transfer none) (element-type PmScheduleIndicator) */
GPtrArray *
pm_schedule_get_indicators (PmSchedule *self)
{
  g_return_val_if_fail (PM_IS_SCHEDULE (self), NULL);
  return self->indicators;
}

/* Returns: (transfer none) (element-type PmScheduleProject) */
GPtrArray *
pm_schedule_get_key_projects (PmSchedule *self)
{
  g_return_val_if_fail (PM_IS_SCHEDULE (self), NULL);
  return self->key_projects;
}

const PmScheduleTask *
pm_schedule_find_task (PmSchedule *self,
                       const char *code)
{
  g_return_val_if_fail (PM_IS_SCHEDULE (self), NULL);

  for (guint i = 0; code != NULL && i < self->tasks->len; i++)
    {
      const PmScheduleTask *task = g_ptr_array_index (self->tasks, i);

      if (g_strcmp0 (task->code, code) == 0)
        return task;
    }
  return NULL;
}

/* Returns: the language the schedule is written in: the project's */
PmLanguage
pm_schedule_get_language (PmSchedule *self)
{
  g_return_val_if_fail (PM_IS_SCHEDULE (self), PM_LANGUAGE_DEFAULT);
  return self->language;
}

/* Returns: (transfer full): "县妇联: work schedule for 2025" */
char *
pm_schedule_dup_title (PmSchedule *self)
{
  PmLanguage lang = self->language;

  g_return_val_if_fail (PM_IS_SCHEDULE (self), NULL);

  /* TRANSLATORS: the title of a department's schedule: "%s %d年度工作安排" */
  return g_strdup_printf (D_ (lang, "%s: work schedule for %d"), self->department, self->year);
}
