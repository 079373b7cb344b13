/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-project"

#include "config.h"

#include <glib/gi18n.h>
#include "pm-department.h"
#include "pm-domain.h"
#include "pm-indicator.h"
#include "pm-key-project.h"
#include "pm-plan.h"
#include "pm-project.h"
#include "pm-task.h"
#include "pm-template.h"

struct _PmProject
{
  GObject parent_instance;

  char *title;
  char *document;
  char *issued_by;
  char *issued_on;
  int document_language; /* PmLanguage, read atomically: exports run in threads */

  GListStore *plans;
  GListStore *departments;
  GListStore *indicators;
  GListStore *tasks;
  GListStore *key_projects;

  GHashTable *indicators_by_code;  /* code → PmIndicator (unowned) */
  GHashTable *departments_by_name; /* name → PmDepartment (unowned) */
  GHashTable *tasks_by_code;       /* code → PmTask (unowned) */
  GHashTable *key_projects_by_code; /* code → PmKeyProject (unowned) */
};

G_DEFINE_FINAL_TYPE (PmProject, pm_project, G_TYPE_OBJECT)

enum { PROP_0, PROP_TITLE, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* GLib 2.74 has no set_str () */
static gboolean
set_str (char       **field,
         const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
pm_project_dispose (GObject *object)
{
  PmProject *self = PM_PROJECT (object);

  g_clear_pointer (&self->indicators_by_code, g_hash_table_unref);
  g_clear_pointer (&self->departments_by_name, g_hash_table_unref);
  g_clear_pointer (&self->tasks_by_code, g_hash_table_unref);
  g_clear_pointer (&self->key_projects_by_code, g_hash_table_unref);
  g_clear_object (&self->key_projects);
  g_clear_object (&self->tasks);
  g_clear_object (&self->indicators);
  g_clear_object (&self->departments);
  g_clear_object (&self->plans);

  G_OBJECT_CLASS (pm_project_parent_class)->dispose (object);
}

static void
pm_project_finalize (GObject *object)
{
  PmProject *self = PM_PROJECT (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->document, g_free);
  g_clear_pointer (&self->issued_by, g_free);
  g_clear_pointer (&self->issued_on, g_free);

  G_OBJECT_CLASS (pm_project_parent_class)->finalize (object);
}

static void
pm_project_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  PmProject *self = PM_PROJECT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_project_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  PmProject *self = PM_PROJECT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      pm_project_set_title (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_project_class_init (PmProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pm_project_dispose;
  object_class->finalize = pm_project_finalize;
  object_class->get_property = pm_project_get_property;
  object_class->set_property = pm_project_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pm_project_init (PmProject *self)
{
  self->document_language = PM_LANGUAGE_DEFAULT;
  self->plans = g_list_store_new (PM_TYPE_PLAN);
  self->departments = g_list_store_new (PM_TYPE_DEPARTMENT);
  self->indicators = g_list_store_new (PM_TYPE_INDICATOR);
  self->tasks = g_list_store_new (PM_TYPE_TASK);
  self->key_projects = g_list_store_new (PM_TYPE_KEY_PROJECT);
  self->indicators_by_code = g_hash_table_new (g_str_hash, g_str_equal);
  self->departments_by_name = g_hash_table_new (g_str_hash, g_str_equal);
  self->tasks_by_code = g_hash_table_new (g_str_hash, g_str_equal);
  self->key_projects_by_code = g_hash_table_new (g_str_hash, g_str_equal);
}

PmProject *
pm_project_new (void)
{
  return g_object_new (PM_TYPE_PROJECT, NULL);
}

/* Returns: (transfer full): a project holding the built-in catalogue of both plans */
PmProject *
pm_project_new_from_template (GError **error)
{
  return pm_template_load_default (error);
}

const char *
pm_project_get_title (PmProject *self)
{
  g_return_val_if_fail (PM_IS_PROJECT (self), NULL);
  return self->title;
}

void
pm_project_set_title (PmProject  *self,
                      const char *title)
{
  g_return_if_fail (PM_IS_PROJECT (self));

  if (set_str (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

PmLanguage
pm_project_get_document_language (PmProject *self)
{
  g_return_val_if_fail (PM_IS_PROJECT (self), PM_LANGUAGE_DEFAULT);
  return g_atomic_int_get (&self->document_language);
}

void
pm_project_set_document_language (PmProject  *self,
                                  PmLanguage  language)
{
  g_return_if_fail (PM_IS_PROJECT (self));
  g_return_if_fail (pm_language_is_document (language));

  g_atomic_int_set (&self->document_language, language);
}

const char *
pm_project_get_document (PmProject *self)
{
  g_return_val_if_fail (PM_IS_PROJECT (self), NULL);
  return self->document;
}

const char *
pm_project_get_issued_by (PmProject *self)
{
  g_return_val_if_fail (PM_IS_PROJECT (self), NULL);
  return self->issued_by;
}

const char *
pm_project_get_issued_on (PmProject *self)
{
  g_return_val_if_fail (PM_IS_PROJECT (self), NULL);
  return self->issued_on;
}

void
pm_project_set_source (PmProject  *self,
                       const char *document,
                       const char *issued_by,
                       const char *issued_on)
{
  g_return_if_fail (PM_IS_PROJECT (self));

  set_str (&self->document, document);
  set_str (&self->issued_by, issued_by);
  set_str (&self->issued_on, issued_on);
}

GListModel *
pm_project_get_plans (PmProject *self)
{
  g_return_val_if_fail (PM_IS_PROJECT (self), NULL);
  return G_LIST_MODEL (self->plans);
}

GListModel *
pm_project_get_departments (PmProject *self)
{
  g_return_val_if_fail (PM_IS_PROJECT (self), NULL);
  return G_LIST_MODEL (self->departments);
}

/* Returns: (transfer none): every indicator of both periods: 2021–2030 rows
 * (women's, children's) first, then 2011–2020 rows, each in printed order */
GListModel *
pm_project_get_indicators (PmProject *self)
{
  g_return_val_if_fail (PM_IS_PROJECT (self), NULL);
  return G_LIST_MODEL (self->indicators);
}

GListModel *
pm_project_get_tasks (PmProject *self)
{
  g_return_val_if_fail (PM_IS_PROJECT (self), NULL);
  return G_LIST_MODEL (self->tasks);
}

GListModel *
pm_project_get_key_projects (PmProject *self)
{
  g_return_val_if_fail (PM_IS_PROJECT (self), NULL);
  return G_LIST_MODEL (self->key_projects);
}

PmPlan *
pm_project_find_plan (PmProject  *self,
                      const char *key)
{
  guint n;

  g_return_val_if_fail (PM_IS_PROJECT (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->plans));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (PmPlan) plan = g_list_model_get_item (G_LIST_MODEL (self->plans), i);

      if (g_strcmp0 (pm_plan_get_key (plan), key) == 0)
        return plan; /* the store keeps its reference */
    }

  return NULL;
}

PmDepartment *
pm_project_find_department (PmProject  *self,
                            const char *name)
{
  g_return_val_if_fail (PM_IS_PROJECT (self), NULL);

  if (name == NULL)
    return NULL;

  return g_hash_table_lookup (self->departments_by_name, name);
}

PmIndicator *
pm_project_find_indicator (PmProject  *self,
                           const char *code)
{
  g_return_val_if_fail (PM_IS_PROJECT (self), NULL);

  if (code == NULL)
    return NULL;

  return g_hash_table_lookup (self->indicators_by_code, code);
}

/* Returns: (transfer none): the new plan */
PmPlan *
pm_project_add_plan (PmProject  *self,
                     const char *key,
                     const char *name,
                     const char *previous_name)
{
  g_autoptr (PmPlan) plan = NULL;

  g_return_val_if_fail (PM_IS_PROJECT (self), NULL);
  g_return_val_if_fail (pm_project_find_plan (self, key) == NULL, NULL);

  plan = pm_plan_new (key, name, previous_name);
  g_list_store_append (self->plans, plan);

  return plan;
}

/* Returns: (transfer none): the department of that name, added if new */
PmDepartment *
pm_project_add_department (PmProject  *self,
                           const char *name)
{
  g_autoptr (PmDepartment) department = NULL;
  PmDepartment *existing;

  g_return_val_if_fail (PM_IS_PROJECT (self), NULL);
  g_return_val_if_fail (name != NULL && *name, NULL);

  if ((existing = pm_project_find_department (self, name)))
    return existing;

  department = pm_department_new (name, g_list_model_get_n_items (G_LIST_MODEL (self->departments)));
  g_list_store_append (self->departments, department);
  g_hash_table_insert (self->departments_by_name, (gpointer) pm_department_get_name (department),
                       department);

  return department;
}

/* Adds the indicator to the project, its plan and its domain. */
gboolean
pm_project_add_indicator (PmProject   *self,
                          PmIndicator *indicator,
                          GError     **error)
{
  const char *code;
  PmDomain *domain;

  g_return_val_if_fail (PM_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (PM_IS_INDICATOR (indicator), FALSE);

  code = pm_indicator_get_code (indicator);
  if (g_hash_table_contains (self->indicators_by_code, code))
    {
      g_set_error (error, PM_ERROR, PM_ERROR_INVALID_DATA,
                   _("Two indicators have the code “%s”"), code);
      return FALSE;
    }

  g_list_store_append (self->indicators, indicator);
  g_hash_table_insert (self->indicators_by_code, (gpointer) code, indicator);

  if (pm_indicator_get_plan (indicator))
    pm_plan_add_indicator (pm_indicator_get_plan (indicator), indicator);
  if ((domain = pm_indicator_get_domain (indicator)))
    pm_domain_add_indicator (domain, indicator);

  return TRUE;
}

void
pm_project_add_task (PmProject *self,
                     PmTask    *task)
{
  g_return_if_fail (PM_IS_PROJECT (self));
  g_return_if_fail (PM_IS_TASK (task));

  g_list_store_append (self->tasks, task);
  g_hash_table_insert (self->tasks_by_code, (gpointer) pm_task_get_code (task), task);
}

void
pm_project_add_key_project (PmProject    *self,
                            PmKeyProject *key_project)
{
  g_return_if_fail (PM_IS_PROJECT (self));
  g_return_if_fail (PM_IS_KEY_PROJECT (key_project));

  g_list_store_append (self->key_projects, key_project);
  g_hash_table_insert (self->key_projects_by_code, (gpointer) pm_key_project_get_code (key_project),
                       key_project);
}

/* Returns: (transfer none) (nullable): the key task of that code (WT1.1 …) */
PmTask *
pm_project_find_task (PmProject  *self,
                      const char *code)
{
  g_return_val_if_fail (PM_IS_PROJECT (self), NULL);

  return code ? g_hash_table_lookup (self->tasks_by_code, code) : NULL;
}

/* Returns: (transfer none) (nullable): the key project of that code (WP3.1 …) */
PmKeyProject *
pm_project_find_key_project (PmProject  *self,
                             const char *code)
{
  g_return_val_if_fail (PM_IS_PROJECT (self), NULL);

  return code ? g_hash_table_lookup (self->key_projects_by_code, code) : NULL;
}

static gboolean
model_contains (GListModel *model,
                gpointer    item)
{
  return g_list_store_find (G_LIST_STORE (model), item, NULL);
}

/* Returns: (transfer container) (element-type PmIndicator): the indicators of
 * both periods that the department leads or co-operates on, in catalogue order */
GPtrArray *
pm_project_list_department_indicators (PmProject    *self,
                                       PmDepartment *department)
{
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  g_return_val_if_fail (PM_IS_PROJECT (self), result);
  g_return_val_if_fail (PM_IS_DEPARTMENT (department), result);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->indicators));
  for (guint i = 0; i < n; i++)
    {
      PmIndicator *indicator = g_list_model_get_item (G_LIST_MODEL (self->indicators), i);

      if (model_contains (pm_indicator_get_departments (indicator), department))
        g_ptr_array_add (result, indicator);
      else
        g_object_unref (indicator);
    }

  return result;
}

/* Returns: (transfer container) (element-type PmTask): the key tasks the
 * department leads or co-operates on */
GPtrArray *
pm_project_list_department_tasks (PmProject    *self,
                                  PmDepartment *department)
{
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  g_return_val_if_fail (PM_IS_PROJECT (self), result);
  g_return_val_if_fail (PM_IS_DEPARTMENT (department), result);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->tasks));
  for (guint i = 0; i < n; i++)
    {
      PmTask *task = g_list_model_get_item (G_LIST_MODEL (self->tasks), i);

      if (model_contains (pm_task_get_departments (task), department))
        g_ptr_array_add (result, task);
      else
        g_object_unref (task);
    }

  return result;
}
