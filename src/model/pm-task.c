/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-task"

#include "config.h"

#include "pm-department.h"
#include "pm-domain.h"
#include "pm-plan.h"
#include "pm-task.h"

struct _PmTask
{
  GObject parent_instance;
  PmPlan *plan; /* unowned: the project keeps it alive */
  PmDomain *domain; /* unowned, as plan; NULL: none */
  char *code;
  guint section_number;
  char *section;
  guint number;
  char *title;
  char *text;
  char *department_label;
  GListStore *departments;
};

G_DEFINE_FINAL_TYPE (PmTask, pm_task, G_TYPE_OBJECT)

enum { PROP_0, PROP_CODE, PROP_TITLE, PROP_TEXT, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
pm_task_finalize (GObject *object)
{
  PmTask *self = PM_TASK (object);

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->section, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->department_label, g_free);
  g_clear_object (&self->departments);

  G_OBJECT_CLASS (pm_task_parent_class)->finalize (object);
}

static void
pm_task_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  PmTask *self = PM_TASK (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_task_class_init (PmTaskClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pm_task_finalize;
  object_class->get_property = pm_task_get_property;

  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pm_task_init (PmTask *self)
{
  self->departments = g_list_store_new (PM_TYPE_DEPARTMENT);
}

/* The code names a task stably: plan letter, T, section.number (WT1.1 is the
 * women's plan, section (一), task 1). */
PmTask *
pm_task_new (PmPlan     *plan,
             guint       section_number,
             const char *section,
             guint       number,
             const char *title,
             const char *text,
             const char *department_label)
{
  PmTask *self;

  g_return_val_if_fail (PM_IS_PLAN (plan), NULL);

  self = g_object_new (PM_TYPE_TASK, NULL);
  self->plan = plan;
  self->code = g_strdup_printf ("%cT%u.%u", g_ascii_toupper (pm_plan_get_key (plan)[0]),
                                section_number, number);
  self->section_number = section_number;
  self->section = g_strdup (section);
  self->number = number;
  self->title = g_strdup (title);
  self->text = g_strdup (text);
  self->department_label = g_strdup (department_label);

  return self;
}

const char *
pm_task_get_code (PmTask *self)
{
  g_return_val_if_fail (PM_IS_TASK (self), NULL);
  return self->code;
}

PmPlan *
pm_task_get_plan (PmTask *self)
{
  g_return_val_if_fail (PM_IS_TASK (self), NULL);
  return self->plan;
}

guint
pm_task_get_section_number (PmTask *self)
{
  g_return_val_if_fail (PM_IS_TASK (self), 0);
  return self->section_number;
}

const char *
pm_task_get_section (PmTask *self)
{
  g_return_val_if_fail (PM_IS_TASK (self), NULL);
  return self->section;
}

guint
pm_task_get_number (PmTask *self)
{
  g_return_val_if_fail (PM_IS_TASK (self), 0);
  return self->number;
}

const char *
pm_task_get_title (PmTask *self)
{
  g_return_val_if_fail (PM_IS_TASK (self), NULL);
  return self->title;
}

const char *
pm_task_get_text (PmTask *self)
{
  g_return_val_if_fail (PM_IS_TASK (self), NULL);
  return self->text;
}

/* Returns: "责任单位" or "责任部门", as printed */
const char *
pm_task_get_department_label (PmTask *self)
{
  g_return_val_if_fail (PM_IS_TASK (self), NULL);
  return self->department_label;
}

/* Returns: (transfer none) (nullable): the plan's domain (类别 of 专栏2) that
 * the task's section corresponds to, NULL where none does. The link is the
 * template's (README.md, "Template format"), not printed in the plans. */
PmDomain *
pm_task_get_domain (PmTask *self)
{
  g_return_val_if_fail (PM_IS_TASK (self), NULL);
  return self->domain;
}

/* domain: (nullable): a domain of the task's plan */
void
pm_task_set_domain (PmTask   *self,
                    PmDomain *domain)
{
  g_return_if_fail (PM_IS_TASK (self));
  g_return_if_fail (domain == NULL || PM_IS_DOMAIN (domain));
  g_return_if_fail (domain == NULL || pm_domain_get_plan (domain) == self->plan);

  self->domain = domain;
}

/* Returns: (transfer none): the departments, lead first */
GListModel *
pm_task_get_departments (PmTask *self)
{
  g_return_val_if_fail (PM_IS_TASK (self), NULL);
  return G_LIST_MODEL (self->departments);
}

void
pm_task_add_department (PmTask       *self,
                        PmDepartment *department)
{
  g_return_if_fail (PM_IS_TASK (self));
  g_return_if_fail (PM_IS_DEPARTMENT (department));

  if (!g_list_store_find (self->departments, department, NULL))
    g_list_store_append (self->departments, department);
}
