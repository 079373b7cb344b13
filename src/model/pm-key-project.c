/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-key-project"

#include "config.h"

#include "pm-department.h"
#include "pm-key-project.h"
#include "pm-plan.h"

struct _PmKeyProject
{
  GObject parent_instance;
  PmPlan *plan; /* unowned: the project keeps it alive */
  char *code;
  guint box_number;
  char *box_title;
  char *name;
  char *text;
  GListStore *departments;
};

G_DEFINE_FINAL_TYPE (PmKeyProject, pm_key_project, G_TYPE_OBJECT)

enum { PROP_0, PROP_CODE, PROP_NAME, PROP_TEXT, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
pm_key_project_finalize (GObject *object)
{
  PmKeyProject *self = PM_KEY_PROJECT (object);

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->box_title, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_object (&self->departments);

  G_OBJECT_CLASS (pm_key_project_parent_class)->finalize (object);
}

static void
pm_key_project_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PmKeyProject *self = PM_KEY_PROJECT (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_key_project_class_init (PmKeyProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pm_key_project_finalize;
  object_class->get_property = pm_key_project_get_property;

  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pm_key_project_init (PmKeyProject *self)
{
  self->departments = g_list_store_new (PM_TYPE_DEPARTMENT);
}

/* The code names a project stably: plan letter, P, box.index (WP3.1 is the
 * first project of the women's 专栏3). */
PmKeyProject *
pm_key_project_new (PmPlan     *plan,
                    guint       box_number,
                    const char *box_title,
                    guint       index,
                    const char *name,
                    const char *text)
{
  PmKeyProject *self;

  g_return_val_if_fail (PM_IS_PLAN (plan), NULL);

  self = g_object_new (PM_TYPE_KEY_PROJECT, NULL);
  self->plan = plan;
  self->code = g_strdup_printf ("%cP%u.%u", g_ascii_toupper (pm_plan_get_key (plan)[0]),
                                box_number, index);
  self->box_number = box_number;
  self->box_title = g_strdup (box_title);
  self->name = g_strdup (name);
  self->text = g_strdup (text);

  return self;
}

const char *
pm_key_project_get_code (PmKeyProject *self)
{
  g_return_val_if_fail (PM_IS_KEY_PROJECT (self), NULL);
  return self->code;
}

PmPlan *
pm_key_project_get_plan (PmKeyProject *self)
{
  g_return_val_if_fail (PM_IS_KEY_PROJECT (self), NULL);
  return self->plan;
}

guint
pm_key_project_get_box_number (PmKeyProject *self)
{
  g_return_val_if_fail (PM_IS_KEY_PROJECT (self), 0);
  return self->box_number;
}

const char *
pm_key_project_get_box_title (PmKeyProject *self)
{
  g_return_val_if_fail (PM_IS_KEY_PROJECT (self), NULL);
  return self->box_title;
}

const char *
pm_key_project_get_name (PmKeyProject *self)
{
  g_return_val_if_fail (PM_IS_KEY_PROJECT (self), NULL);
  return self->name;
}

const char *
pm_key_project_get_text (PmKeyProject *self)
{
  g_return_val_if_fail (PM_IS_KEY_PROJECT (self), NULL);
  return self->text;
}

/* Returns: (transfer none): the box's departments, in printed order */
GListModel *
pm_key_project_get_departments (PmKeyProject *self)
{
  g_return_val_if_fail (PM_IS_KEY_PROJECT (self), NULL);
  return G_LIST_MODEL (self->departments);
}

void
pm_key_project_add_department (PmKeyProject *self,
                               PmDepartment *department)
{
  g_return_if_fail (PM_IS_KEY_PROJECT (self));
  g_return_if_fail (PM_IS_DEPARTMENT (department));

  if (!g_list_store_find (self->departments, department, NULL))
    g_list_store_append (self->departments, department);
}
